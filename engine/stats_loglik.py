"""Log-likelihood of data under a family, and its curves and surfaces over the parameters (fitting is optimisation).

Vectorised over parameter grids with scipy.stats' ``logpdf``/``logpmf``; large continuous samples are binned first.
Re-exported by :mod:`engine.stats` (and :mod:`engine.stats_fit`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.stats_registry import StatsError, distribution_spec, frozen, validate_params

if TYPE_CHECKING:
    from engine.stats_fit import FitResult

__all__ = ["log_likelihood", "loglik_profile", "loglik_grid", "loglik_window"]

COMPRESS_ABOVE = 20_000
COMPRESS_BINS = 4096


def _data(data: Any) -> np.ndarray:
    try:
        arr = np.asarray(data, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        raise StatsError("the data must be numbers") from None
    if arr.size == 0:
        raise StatsError("the data is empty: load or draw some values first")
    bad = ~np.isfinite(arr)
    if bad.any():
        i = int(np.argmax(bad))
        raise StatsError(f"the data contains a non-finite value ({arr[i]}) at position {i + 1}")
    return arr


def _compress(x: np.ndarray, discrete: bool) -> tuple[np.ndarray, np.ndarray, bool]:
    """Values and weights reproducing sum(log f(x)): exact for discrete data, binned above 20 000 continuous points."""
    if discrete:
        values, counts = np.unique(x, return_counts=True)
        return values, counts.astype(np.float64), False
    if x.size <= COMPRESS_ABOVE:
        return x, np.ones_like(x), False
    counts, edges = np.histogram(x, bins=COMPRESS_BINS)
    keep = counts > 0
    centres = 0.5 * (edges[:-1] + edges[1:])
    return centres[keep], counts[keep].astype(np.float64), True


def log_likelihood(name: str, params: Any, data: Any) -> float:
    """Log-likelihood Σ log f(xᵢ; θ) of data under a family (−inf when a value lies outside the support).

    Parameters
    ----------
    name : str
        Registry key.
    params : mapping or sequence of (name, value) pairs
        Parameter values.
    data : array_like
        Finite observations.

    Returns
    -------
    float
        The log-likelihood.
    """
    x = _data(data)
    dist = frozen(name, params)
    if distribution_spec(name).discrete:
        values, counts, _ = _compress(x, True)
        return float(np.dot(counts, dist.logpmf(values)))
    return float(np.sum(dist.logpdf(x)))


def _loglik_many(name: str, base: dict[str, float], vary: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """Log-likelihood at many parameter points (arrays in ``vary`` of one shape); nan where a point is invalid."""
    from scipy import stats as st

    spec = distribution_spec(name)
    shape = next(iter(vary.values())).shape
    flat = {k: v.reshape(-1) for k, v in vary.items()}
    size = next(iter(flat.values())).size
    valid = np.ones(size, dtype=bool)
    for k, v in flat.items():
        p = spec.param(k)
        valid &= np.array([p.contains(float(val)) for val in v])
    if name == "uniform":
        a = flat.get("a", np.full(size, base["a"]))
        b = flat.get("b", np.full(size, base["b"]))
        valid &= a < b
    values, weights, _ = _compress(x, spec.discrete)
    out = np.full(size, np.nan)
    idx = np.nonzero(valid)[0]
    method = "logpmf" if spec.discrete else "logpdf"
    fn = getattr(getattr(st, spec.scipy_name), method)
    chunk = max(1, 2_000_000 // max(values.size, 1))
    for start in range(0, idx.size, chunk):
        sel = idx[start : start + chunk]
        point = {k: np.full(sel.size, base[k]) for k in spec.param_names}
        for k, v in flat.items():
            point[k] = v[sel]
        args = {k: np.asarray(v)[:, None] for k, v in spec.scipy_args(point).items()}
        with np.errstate(all="ignore"):
            out[sel] = (fn(values[None, :], **args) * weights[None, :]).sum(axis=1)
    out[~np.isfinite(out)] = np.nan
    return out.reshape(shape)


def loglik_profile(name: str, data: Any, param: str, grid: Any, at: Mapping[str, float] | None = None) -> np.ndarray:
    """Log-likelihood as a function of one parameter, the others held at ``at`` (default: their MLE).

    Parameters
    ----------
    name : str
        Registry key.
    data : array_like
        Observations.
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
    from engine.stats_fit import check_support, fit_mle  # stats_fit imports this module

    x = check_support(name, data)
    distribution_spec(name).param(param)
    base = dict(at) if at is not None else fit_mle(name, x).as_dict()
    base = {**validate_params(name, base)}
    g = np.asarray(grid, dtype=np.float64).reshape(-1)
    if g.size == 0 or g.size > 10_000:
        raise StatsError("the grid must hold 1 … 10 000 values")
    return _loglik_many(name, base, {param: g}, x)


def loglik_grid(
    name: str, data: Any, params: tuple[str, str], grid1: Any, grid2: Any, at: Mapping[str, float] | None = None
) -> np.ndarray:
    """Log-likelihood over a 2-D grid of two parameters (for contours), the others held at ``at`` (default: MLE).

    Parameters
    ----------
    name : str
        Registry key.
    data : array_like
        Observations.
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
    from engine.stats_fit import check_support, fit_mle  # stats_fit imports this module

    x = check_support(name, data)
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
    return _loglik_many(name, base, {p1: a, p2: b}, x)


def loglik_window(name: str, data: Any, fit: FitResult, param: str, points: int = 101) -> np.ndarray:
    """A grid around the MLE of one parameter, ±4 standard errors (from the curvature), clipped to the domain.

    Parameters
    ----------
    name : str
        Registry key.
    data : array_like
        Observations.
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
    x = _data(data)
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
        span = float(x.max() - x.min()) or 1.0
        lo, hi = (theta - span, theta + 1e-9) if param == "a" else (theta - 1e-9, theta + span)
    return np.unique(np.concatenate([np.linspace(lo, hi, int(points)), [theta]]))
