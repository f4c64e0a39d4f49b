"""Front door: the derivative of a typed formula at a point, with plain numbers and formulas out."""

from __future__ import annotations

import math
from typing import Any

from engine.calculus.lab import derivatives
from engine.expr import ExpressionError

__all__ = ["derivative"]


def derivative(expression: str, at: float = 0.0) -> dict[str, Any]:
    """f(x₀), f′(x₀), f″(x₀) of a formula in x (exact, by sympy), and f′, f″ as formulas.

    The formula is read by the lab's safe parser (``^`` or ``**`` for powers; sigmoid, relu, softplus, step, abs…),
    which raises :class:`engine.expr.ExpressionError` naming the position of a mistake. Where f has a kink or a
    jump at x₀ the derivative is ``nan`` and ``message`` says it is not differentiable there (relu′(0) and |x|′ at 0
    follow PyTorch's convention and give 0).

    >>> from engine import calculus
    >>> d = calculus.derivative("x^2 * sin(x)", at=1.0)
    >>> d["derivative"], round(d["slope"], 6), round(d["second"], 6)
    ('x^2*cos(x) + 2*x*sin(x)', 2.223244, 3.00268)
    >>> calculus.derivative("step(x)", at=0)["message"]
    'step(x) is not differentiable at x = 0'
    >>> try:
    ...     calculus.derivative("x^^2")
    ... except ExpressionError as exc:
    ...     print(type(exc).__name__)
    ExpressionError
    """
    try:
        x0 = float(at)
    except (TypeError, ValueError):
        raise ExpressionError(f"the point must be a number, got {at!r}", 0) from None
    if not math.isfinite(x0):
        raise ExpressionError(f"the point must be finite, got {at!r}", 0)
    f, df, d2f = derivatives(expression)
    fx, slope, second = float(f(x0)), float(df(x0)), float(d2f(x0))
    message = ""
    if not math.isfinite(fx):
        message = f"{expression} is undefined at x = {x0:g}"
    elif not math.isfinite(slope):
        message = f"{expression} is not differentiable at x = {x0:g}"
    return {
        "x0": x0,
        "f": fx,
        "slope": slope,
        "second": second,
        "derivative": df.text,
        "second_derivative": d2f.text,
        "message": message,
    }
