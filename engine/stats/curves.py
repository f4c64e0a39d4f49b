"""Plot-ready theory curves of a family: the PDF/PMF and CDF over its central range, with a sensible y-axis top.

One call per parameter change (a slider step), so it evaluates one cached frozen scipy distribution on a few hundred
points and nothing else. Re-exported by :mod:`engine.stats`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.stats.distributions import support_range
from engine.stats.registry import StatsError, bound, distribution_spec

__all__ = ["TheoryCurves", "theory_curves", "MAX_CURVE_POINTS"]

MAX_CURVE_POINTS = 2000
DISCRETE_POINTS = 400  # at most this many whole numbers get a stem; wider ranges are thinned evenly

Params = Mapping[str, Any] | Iterable[tuple[str, Any]] | None


@dataclass(frozen=True, eq=False)
class TheoryCurves:
    """The PDF (continuous) or PMF (discrete) and the CDF of a family, ready for plotting."""

    name: str
    discrete: bool
    lo: float
    hi: float
    x: np.ndarray
    density: np.ndarray
    cdf_x: np.ndarray
    cdf: np.ndarray
    top: float

    @property
    def view_range(self) -> tuple[float, float]:
        """The x range to show: the central range plus 5 % each side (half a bar more for a PMF)."""
        pad = 0.05 * (self.hi - self.lo)
        if self.discrete:
            pad = max(pad, 0.6)
        return self.lo - pad, self.hi + pad


def _robust_top(values: np.ndarray) -> float:
    """Largest finite value, capped at 4 × the 95th percentile: an infinite spike (Beta(½, ½)) must not flatten all."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return 1.0
    top = float(finite.max())
    k = int(0.95 * (finite.size - 1))
    q95 = float(np.partition(finite, k)[k])  # the 95th percentile (lower value), without np.percentile's overhead
    if q95 > 0:
        top = min(top, 4.0 * q95)
    return top if top > 0 else 1.0


def theory_curves(name: str, params: Params, points: int = 500, coverage: float = 0.999) -> TheoryCurves:
    """The PDF/PMF and CDF of a family over the range holding its central ``coverage`` probability.

    Parameters
    ----------
    name : str
        Registry key.
    params : mapping or sequence of (name, value) pairs
        Parameter values (validated).
    points : int
        Grid size for a continuous family, 2 … 2000 (300–600 is plenty on screen).
    coverage : float
        Probability the range must hold, in (0, 1).

    Returns
    -------
    TheoryCurves
        For a continuous family ``x``/``density`` is the PDF on an even grid and ``cdf_x``/``cdf`` the CDF on the same
        grid; for a discrete one ``x`` holds whole numbers (at most 400, thinned evenly) with their PMF, and
        ``cdf_x``/``cdf`` the corners of the CDF's staircase. ``top`` is a y-axis top for the density.
    """
    if isinstance(points, bool) or not isinstance(points, (int, np.integer)) or not 2 <= points <= MAX_CURVE_POINTS:
        raise StatsError(f"the curve needs 2 … {MAX_CURVE_POINTS} points, got {points!r}")
    dist = bound(name, params)
    lo, hi = support_range(name, params, coverage)
    discrete = distribution_spec(name).discrete
    if discrete:
        k = np.arange(math.floor(lo), math.ceil(hi) + 1.0)
        if k.size > DISCRETE_POINTS:
            k = np.unique(np.round(np.linspace(k[0], k[-1], DISCRETE_POINTS)))
        dens = np.asarray(dist.pmf(k), dtype=np.float64)
        corners = np.concatenate([[k[0] - 1.0], k])
        cdf_x = np.repeat(corners, 2)[1:]
        cdf = np.repeat(np.asarray(dist.cdf(corners), dtype=np.float64), 2)[:-1]
        x = k
    else:
        pad = 0.05 * (hi - lo)
        x = np.linspace(lo - pad, hi + pad, int(points))
        dens = np.asarray(dist.pdf(x), dtype=np.float64)
        cdf_x, cdf = x, np.asarray(dist.cdf(x), dtype=np.float64)
    for arr in (x, dens, cdf_x, cdf):
        arr.flags.writeable = False
    return TheoryCurves(name, discrete, float(lo), float(hi), x, dens, cdf_x, cdf, _robust_top(dens))
