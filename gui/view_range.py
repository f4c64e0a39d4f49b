"""View ranges: what a pan/zoom or a file may hold (finite, not degenerate, not absurdly wide), and how a range grows
while a slider is held."""

from __future__ import annotations

import math
from typing import Any

__all__ = ["sane_view", "grown", "MIN_SPAN", "MAX_ABS"]

MIN_SPAN = 1e-9
"""The narrowest axis range kept (below it, pixels would stand for less than float rounding)."""
MAX_ABS = 1e6
"""The farthest an axis end may be from 0 (the labs' field specs allow no more)."""


def sane_view(view: Any) -> tuple[tuple[float, ...], str | None]:
    """``view`` (x0, x1, y0, y1) clamped to finite, ordered, non-degenerate bounds, and a sentence when it changed.

    An all-zero view means "automatic" in some labs and is kept as it is.
    """
    try:
        values = [float(v) for v in view]
    except (TypeError, ValueError):
        return tuple(view), None
    if len(values) != 4 or all(v == 0.0 for v in values):
        return tuple(values), None
    fixed, problems = [], []
    for lo, hi, axis in ((values[0], values[1], "x"), (values[2], values[3], "y")):
        if not (math.isfinite(lo) and math.isfinite(hi)):
            problems.append(f"the {axis} range was not finite")
            lo, hi = (lo if math.isfinite(lo) else -1.0), (hi if math.isfinite(hi) else 1.0)
        if lo > hi:
            lo, hi = hi, lo
        clamped_lo, clamped_hi = max(-MAX_ABS, lo), min(MAX_ABS, hi)
        if (clamped_lo, clamped_hi) != (lo, hi):
            problems.append(f"the {axis} range went beyond ±{MAX_ABS:g}")
            lo, hi = clamped_lo, clamped_hi
        if hi - lo < MIN_SPAN:
            problems.append(f"the {axis} range was narrower than {MIN_SPAN:g}")
            mid = min(max((lo + hi) / 2, -MAX_ABS + MIN_SPAN), MAX_ABS - MIN_SPAN)
            lo, hi = mid - MIN_SPAN / 2, mid + MIN_SPAN / 2
        fixed += [lo, hi]
    if not problems:
        return tuple(values), None
    return tuple(fixed), "View range adjusted: " + "; ".join(problems) + "."


def grown(
    shown: tuple[float, float, float, float],
    need: tuple[float, float, float, float],
    x_margin: float = 0.25,
    y_headroom: float = 1.0,
) -> tuple[float, float, float, float]:
    """``shown`` (x0, x1, y0, y1) grown to hold ``need``, never shrunk: the rule of a range while a slider is held.

    Each range change re-renders both axes (the slowest frame of a drag), so a side of x that has to move goes
    ``x_margin`` of the new width further and a top that has to rise goes to ``y_headroom`` × the needed top (tops
    ≥ 0): a curve moving on the same way does not grow the range again at the next step. The release shows the
    exact range.
    """
    x0, x1 = min(shown[0], need[0]), max(shown[1], need[1])
    margin = x_margin * (x1 - x0)
    x0 = x0 - margin if need[0] < shown[0] else shown[0]
    x1 = x1 + margin if need[1] > shown[1] else shown[1]
    y1 = max(shown[3], y_headroom * need[3]) if need[3] > shown[3] else shown[3]
    return (x0, x1, min(shown[2], need[2]), y1)
