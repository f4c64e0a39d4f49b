"""Safe typed formulas: whitelist parser -> our own tree -> numpy function; sympy (lazily) for exact derivatives.

Grammar (precedence low to high): ``+ -``, ``* /``, unary ``-``, ``^``/``**`` (right-associative, so
``-x^2 = -(x^2)`` and ``2^3^2 = 2^9``), numbers (``3``, ``.5``, ``1e-3``), the declared variables, the constants
``pi`` and ``e``, and the functions sin cos tan exp log sqrt abs tanh sigmoid relu softplus sign step (1 argument) and
min max (2 or more). ``−``, ``·``, ``×``, ``²`` and ``³`` are accepted as their ASCII meanings. Implicit
multiplication is accepted only right after a written number (``2x``, ``3sin(x)``, ``2(x+1)``); anywhere else
(``x y``, ``(x+1)(x-1)``) the error asks for ``*``. User text is never handed to eval/exec/sympify: sympy objects
are built from the parsed tree. Inputs that would hang are refused at once: over 500 characters, over 300 tokens,
nesting deeper than 50, or constant parts that overflow (``9^9^9^9``).
"""

from engine.expr.expression import (
    Expression,
    parse,
)
from engine.expr.formatting import to_formula
from engine.expr.grammar import (
    MAX_CHARS,
    ExpressionError,
    parse_tree,
)
from engine.expr.scalar import scalar_function

__all__ = [
    "parse_tree",
    "scalar_function",
    "to_formula",
    "MAX_CHARS",
    "Expression",
    "ExpressionError",
    "parse",
]
