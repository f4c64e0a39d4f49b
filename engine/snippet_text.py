"""Text shared by the labs' "show the code" snippets: a typed formula as sympy code, with no import of this app.

A snippet is what a student takes home, so it must run with numpy/scipy/matplotlib/sympy alone: the formula the lab
parsed is written back as text in Python syntax and rebuilt with sympy's parser next to the ML functions it may use.
"""

from __future__ import annotations

from engine.expr import parse

__all__ = ["SYMPY_FUNCTIONS", "formula_python", "sympy_formula_lines"]

SYMPY_FUNCTIONS = """\
# The ML functions a formula may use, written with sympy so they differentiate exactly.
ML_FUNCTIONS = {
    "sigmoid": lambda z: 1 / (1 + sp.exp(-z)),
    "relu": lambda z: sp.Max(z, 0),
    "softplus": lambda z: sp.log(1 + sp.exp(z)),
    "step": lambda z: sp.Heaviside(z, 0),
    "sign": sp.sign, "abs": sp.Abs, "min": sp.Min, "max": sp.Max, "e": sp.E, "pi": sp.pi,
}
# What numpy and math lack to evaluate their derivatives: a step's derivative is 0, undefined at the step itself.
# DiracDelta(z, k) is the k-th derivative of the delta (f″ of a step): 0 away from the step, undefined at it.
NUMPY_EXTRAS = {"DiracDelta": lambda z, k=0: np.where(np.asarray(z) == 0, np.nan, 0.0 * np.asarray(z))}
MATH_EXTRAS = {
    "DiracDelta": lambda z, k=0: math.nan if z == 0 else 0.0,
    "Heaviside": lambda z, at_zero=0.0: 1.0 if z > 0 else (at_zero if z == 0 else (0.0 if z < 0 else math.nan)),
}
"""


def formula_python(text: str, variables: tuple[str, ...]) -> str:
    """The formula ``text`` in Python syntax, as sympy prints what the app's safe parser built."""
    import sympy as sp  # deferred: sympy costs ~0.5 s to import and only "show the code" needs it here

    return sp.sstr(parse(text, variables).sympy())


def sympy_formula_lines(name: str, text: str, variables: tuple[str, ...]) -> list[str]:
    """Lines defining the real sympy symbols and ``name`` = the formula (after ``import sympy as sp``)."""
    names = ", ".join(variables)
    symbols = f"{names} = sp.symbols({' '.join(variables)!r}, real=True)"
    if len(variables) == 1:
        symbols = f"{names} = sp.Symbol({variables[0]!r}, real=True)"
    local = "{**ML_FUNCTIONS, " + ", ".join(f"{v!r}: {v}" for v in variables) + "}"
    return [
        symbols,
        f"{name} = sp.parse_expr({formula_python(text, variables)!r}, local_dict={local})",
    ]
