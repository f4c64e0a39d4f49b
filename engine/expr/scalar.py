"""Plain-float evaluators of parsed formulas, so optimizer runs on a typed f(x, y) are as fast as on a preset.

:mod:`engine.expr` turns a formula into a vectorised numpy function: right for a 400×400 grid, but a numpy call on
two scalars costs ~25 µs, and an optimizer race makes thousands of them per mouse move. Here the same parse tree is
compiled into nested closures over Python floats and :mod:`math` (~0.1 µs per node). Nothing is ever passed to
``eval``/``exec``. Where :mod:`math` refuses a value numpy accepts (``log(0)``, ``exp(1000)``, ``1/0``), that one point
is evaluated with the numpy function instead, so results (inf, nan) are the numpy ones.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

__all__ = ["scalar_function"]

_NAN = math.nan
_Fn = Callable[[float, float], float]


def _sigmoid(z: float) -> float:
    e = math.exp(-abs(z))
    return 1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)


def _relu(z: float) -> float:
    return 0.0 if z < 0.0 else z  # nan stays nan, as with np.maximum


def _softplus(z: float) -> float:
    return math.log1p(math.exp(-abs(z))) + _relu(z)


def _sign(z: float) -> float:
    return 1.0 if z > 0 else (-1.0 if z < 0 else (0.0 if z == 0 else _NAN))


def _step(z: float) -> float:
    return 1.0 if z > 0 else (0.0 if z == z else _NAN)


def _delta(z: float) -> float:
    return _NAN if z == 0 else 0.0 * z


_UNARY: dict[str, Callable[[float], float]] = {
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "exp": math.exp,
    "log": math.log,
    "sqrt": math.sqrt,
    "abs": abs,
    "tanh": math.tanh,
    "sigmoid": _sigmoid,
    "relu": _relu,
    "softplus": _softplus,
    "sign": _sign,
    "step": _step,
    "delta": _delta,
    "sinh": math.sinh,
    "cosh": math.cosh,
    "asin": math.asin,
    "acos": math.acos,
    "atan": math.atan,
    "sec": lambda z: 1.0 / math.cos(z),
    "csc": lambda z: 1.0 / math.sin(z),
    "cot": lambda z: 1.0 / math.tan(z),
}


def _minimum(a: float, b: float) -> float:
    return _NAN if a != a or b != b else (a if a <= b else b)


def _maximum(a: float, b: float) -> float:
    return _NAN if a != a or b != b else (a if a >= b else b)


def _compile(node, variables: tuple[str, ...]) -> _Fn:
    """Closures f(x, y) for one tree node; raises KeyError/ValueError for a node kind it does not know."""
    kind = node.kind
    if kind in ("num", "const", "folded"):
        value = float(node.value)
        return lambda x, y: value
    if kind == "var":
        if variables.index(node.name) == 0:
            return lambda x, y: x
        return lambda x, y: y
    parts = [_compile(a, variables) for a in node.args]
    if kind == "neg":
        (a,) = parts
        return lambda x, y: -a(x, y)
    if kind in ("add", "sub", "mul", "div", "pow"):
        a, b = parts
        if kind == "add":
            return lambda x, y: a(x, y) + b(x, y)
        if kind == "sub":
            return lambda x, y: a(x, y) - b(x, y)
        if kind == "mul":
            return lambda x, y: a(x, y) * b(x, y)
        if kind == "div":
            return lambda x, y: a(x, y) / b(x, y)
        pw = math.pow  # raises instead of returning a complex number for (−8)^(1/3)
        return lambda x, y: pw(a(x, y), b(x, y))
    if kind == "call":
        if node.name in ("min", "max"):
            op = _minimum if node.name == "min" else _maximum
            first, rest = parts[0], parts[1:]

            def reduce(x: float, y: float) -> float:
                out = first(x, y)
                for p in rest:
                    out = op(out, p(x, y))
                return out

            return reduce
        fn = _UNARY[node.name]
        (a,) = parts
        return lambda x, y: fn(a(x, y))
    raise ValueError(f"cannot compile node kind {kind!r}")


def scalar_function(expression, variables: tuple[str, ...] = ("x", "y")) -> _Fn:
    """A fast ``f(x, y) -> float`` for an :class:`engine.expr.Expression` in two variables.

    Parameters
    ----------
    expression : engine.expr.Expression
        A parsed formula (or a derivative of one) in ``variables``.
    variables : tuple[str, str]
        The two variable names, in argument order.

    Returns
    -------
    Callable[[float, float], float]
        Same values as ``expression.numpy()`` (nan and ±inf included); uses the numpy function for a formula
        this compiler cannot hold and for any point where :mod:`math` raises.
    """
    vec = expression.numpy()

    def slow(x: float, y: float) -> float:
        with np.errstate(all="ignore"):
            return float(vec(x, y))

    tree = getattr(expression, "_tree", None)  # derivatives that sympy can only express itself have no tree
    try:
        fast = _compile(tree, tuple(variables)) if tree is not None and len(variables) == 2 else None
    except (KeyError, ValueError):
        fast = None
    if fast is None:
        return slow

    def f(x: float, y: float) -> float:
        try:
            return fast(x, y)
        except (ArithmeticError, ValueError):
            return slow(x, y)

    return f
