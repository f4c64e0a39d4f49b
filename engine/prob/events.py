"""Events as rectangles in the unit square: probabilities are areas, conditional probabilities are ratios of areas.

Every function works with floats or with :class:`fractions.Fraction` (the tests check the arithmetic exactly).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

__all__ = [
    "Rect",
    "EventProbs",
    "INDEPENDENCE_TOL",
    "area",
    "intersection",
    "event_probs",
    "clamp_rect",
    "move_rect",
    "resize_rect",
    "disjoint_example",
    "independent_example",
    "nice_fraction",
]

Rect = tuple[Any, Any, Any, Any]
"""(x, y, width, height) of an event inside the unit square [0, 1]²."""

INDEPENDENCE_TOL = 1e-9
"""|P(A∩B) − P(A)P(B)| below this counts as independent (float areas carry rounding)."""


@dataclass(frozen=True)
class EventProbs:
    """P(A), P(B), P(A∩B), P(A∪B), the conditionals (None when the condition has probability 0) and the verdicts."""

    p_a: Any
    p_b: Any
    p_ab: Any
    p_union: Any
    p_a_given_b: Any | None
    p_b_given_a: Any | None
    p_a_times_p_b: Any
    independent: bool
    disjoint: bool


def area(r: Rect) -> Any:
    """Area of a rectangle = its probability under the uniform measure on the unit square."""
    return r[2] * r[3]


def intersection(a: Rect, b: Rect) -> Rect | None:
    """The rectangle A∩B, or None when A and B do not overlap (touching edges give a zero-area rectangle)."""
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    if x1 < x0 or y1 < y0:
        return None
    return (x0, y0, x1 - x0, y1 - y0)


def event_probs(a: Rect, b: Rect, tol: float = INDEPENDENCE_TOL) -> EventProbs:
    """Probabilities of events A and B drawn as rectangles in the unit square.

    Parameters
    ----------
    a, b : (x, y, width, height)
        Rectangles inside [0, 1]²; floats or Fractions.
    tol : float
        Tolerance of the independence test P(A∩B) = P(A)·P(B).

    Returns
    -------
    EventProbs
        ``p_a_given_b`` is None when P(B) = 0 (conditioning on an impossible event is undefined), likewise
        ``p_b_given_a``.
    """
    p_a, p_b = area(a), area(b)
    both = intersection(a, b)
    p_ab = area(both) if both is not None else p_a * 0
    product = p_a * p_b
    return EventProbs(
        p_a=p_a,
        p_b=p_b,
        p_ab=p_ab,
        p_union=p_a + p_b - p_ab,
        p_a_given_b=p_ab / p_b if p_b > 0 else None,
        p_b_given_a=p_ab / p_a if p_a > 0 else None,
        p_a_times_p_b=product,
        independent=abs(p_ab - product) <= tol,
        disjoint=p_ab == 0,
    )


def clamp_rect(r: Rect, step: float | None = None, min_size: float = 0.0) -> tuple[float, float, float, float]:
    """The rectangle snapped to a grid of ``step`` (if given), at least ``min_size`` wide and high, inside [0, 1]²."""
    x, y, w, h = (float(v) for v in r)
    if step:
        x, y, w, h = (round(v / step) * step for v in (x, y, w, h))
    w = min(max(w, min_size), 1.0)
    h = min(max(h, min_size), 1.0)
    x = min(max(x, 0.0), 1.0 - w)
    y = min(max(y, 0.0), 1.0 - h)
    return tuple(round(v, 10) + 0.0 for v in (x, y, w, h))  # type: ignore[return-value]


def move_rect(r: Rect, dx: float, dy: float) -> tuple[float, float, float, float]:
    """The rectangle moved by (dx, dy), kept inside the square (its size never changes)."""
    return clamp_rect((r[0] + dx, r[1] + dy, r[2], r[3]))


def resize_rect(r: Rect, dw: float, dh: float, min_size: float = 0.0) -> tuple[float, float, float, float]:
    """The rectangle grown by (dw, dh) from its lower-left corner, kept inside the square."""
    w = min(max(r[2] + dw, min_size), 1.0 - r[0])
    h = min(max(r[3] + dh, min_size), 1.0 - r[1])
    return clamp_rect((r[0], r[1], w, h))


def disjoint_example(p_a: float, p_b: float) -> tuple[Rect, Rect] | None:
    """Two full-height strips of areas P(A), P(B) that do not overlap (None when P(A) + P(B) > 1: they must overlap)."""
    if p_a + p_b > 1.0 + 1e-12:
        return None
    zero = p_a - p_a  # 0 of the inputs' type (float or Fraction)
    return (zero, zero, p_a, zero + 1), (1 - p_b, zero, p_b, zero + 1)


def independent_example(p_a: float, p_b: float) -> tuple[Rect, Rect]:
    """A vertical strip of area P(A) and a horizontal strip of area P(B): they overlap in exactly P(A)·P(B)."""
    zero = p_a - p_a
    return (zero, zero, p_a, zero + 1), (zero, zero, zero + 1, p_b)


def nice_fraction(x: float, max_denominator: int = 400, tol: float = 1e-9) -> str | None:
    """``x`` as a short fraction such as "2/25" when it is one (areas on the 0.05 grid are multiples of 1/400)."""
    f = Fraction(x).limit_denominator(max_denominator)
    if abs(float(f) - x) > tol or f.denominator == 1:
        return None
    return f"{f.numerator}/{f.denominator}"
