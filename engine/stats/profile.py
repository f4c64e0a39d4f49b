"""Log-likelihood curves and surfaces around the MLE: what the maximum-likelihood views of the lab draw."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from engine.stats.chunked import observations
from engine.stats.fit import FitResult, checked, fit_mle
from engine.stats.loglik import loglik_many
from engine.stats.registry import StatsError, distribution_spec, validate_params

__all__ = ["loglik_profile", "loglik_grid", "loglik_window"]


def loglik_profile(name: str, data: Any, param: str, grid: Any, at: Mapping[str, float] | None = None) -> np.ndarray:
    """Log-likelihood as a function of one parameter, the others held at ``at`` (default: their MLE).

    Parameters
    ----------
    name : str
        Registry key.
    data : array_like or Observations
        Observations (an :class:`~engine.stats.chunked.Observations` shares its passes between calls).
    param : str
        The parameter that varies.
    grid : array_like
        Values of that parameter.
    at : mapping, optional
        Values of the other parameters; default is the MLE, so the curve peaks at the MLE.

    Returns
    -------
    numpy.ndarray
        Log-likelihood per grid value, nan where the value is outside the domain. Above 20 000 continuous points the
        data are binned into 4096 bins first (an approximation far below plotting resolution).
    """
    x = checked(name, data)
    distribution_spec(name).param(param)
    base = dict(at) if at is not None else fit_mle(name, x).as_dict()
    base = {**validate_params(name, base)}
    g = np.asarray(grid, dtype=np.float64).reshape(-1)
    if g.size == 0 or g.size > 10_000:
        raise StatsError("the grid must hold 1 … 10 000 values")
    return loglik_many(name, base, {param: g}, x)


def loglik_grid(
    name: str, data: Any, params: tuple[str, str], grid1: Any, grid2: Any, at: Mapping[str, float] | None = None
) -> np.ndarray:
    """Log-likelihood over a 2-D grid of two parameters (for contours), the others held at ``at`` (default: MLE).

    Parameters
    ----------
    name : str
        Registry key.
    data : array_like or Observations
        Observations (an :class:`~engine.stats.chunked.Observations` shares its passes between calls).
    params : (str, str)
        The two parameters that vary.
    grid1, grid2 : array_like
        Values of the first and second parameter.
    at : mapping, optional
        Values of any other parameters; default is the MLE.

    Returns
    -------
    numpy.ndarray
        Shape (len(grid1), len(grid2)); nan outside the domain.
    """
    x = checked(name, data)
    p1, p2 = params
    spec = distribution_spec(name)
    spec.param(p1)
    spec.param(p2)
    if p1 == p2:
        raise StatsError("choose two different parameters for the contour")
    base = dict(at) if at is not None else fit_mle(name, x).as_dict()
    base = validate_params(name, base)
    g1 = np.asarray(grid1, dtype=np.float64).reshape(-1)
    g2 = np.asarray(grid2, dtype=np.float64).reshape(-1)
    if not (0 < g1.size <= 400 and 0 < g2.size <= 400):
        raise StatsError("each contour grid must hold 1 … 400 values")
    a, b = np.meshgrid(g1, g2, indexing="ij")
    return loglik_many(name, base, {p1: a, p2: b}, x)


def loglik_window(name: str, data: Any, fit: FitResult, param: str, points: int = 101) -> np.ndarray:
    """A grid around the MLE of one parameter, ±4 standard errors (from the curvature), clipped to the domain.

    Parameters
    ----------
    name : str
        Registry key.
    data : array_like or Observations
        Observations (an :class:`~engine.stats.chunked.Observations` shares its passes between calls).
    fit : FitResult
        The MLE.
    param : str
        Parameter whose window is wanted.
    points : int
        Grid size.

    Returns
    -------
    numpy.ndarray
        Increasing grid values containing the MLE.
    """
    spec = distribution_spec(name).param(param)
    x = observations(data)
    theta = fit.as_dict()[param]
    h = max(abs(theta) * 1e-3, 1e-6)
    trio = np.array([theta - h, theta, theta + h])
    half = math.nan
    try:
        ll = loglik_profile(name, x, param, trio, at=fit.as_dict())
        d2 = (ll[0] - 2 * ll[1] + ll[2]) / (h * h)
        if math.isfinite(d2) and d2 < 0:
            half = 4.0 / math.sqrt(-d2)
    except StatsError:
        pass
    if not math.isfinite(half) or half <= 0:
        half = max(abs(theta) * 0.5, 1.0)
    lo, hi = theta - half, theta + half
    if math.isfinite(spec.low):
        lo = max(lo, spec.low + (1e-9 * max(1.0, abs(spec.low)) if spec.low_open else 0.0))
    if math.isfinite(spec.high):
        hi = min(hi, spec.high - (1e-9 if spec.high_open else 0.0))
    if name == "uniform":
        span = (x.hi() - x.lo()) or 1.0
        lo, hi = (theta - span, theta + 1e-9) if param == "a" else (theta - 1e-9, theta + span)
    return np.unique(np.concatenate([np.linspace(lo, hi, int(points)), [theta]]))
