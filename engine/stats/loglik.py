"""Log-likelihood of data under a family, and its curves and surfaces over the parameters (fitting is optimisation).

Vectorised over parameter grids with scipy.stats' ``logpdf``/``logpmf``; large continuous samples are binned first.
Re-exported by :mod:`engine.stats` (and :mod:`engine.stats.fit`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.stats.registry import StatsError, distribution_spec, frozen

__all__ = ["finite_data", "log_likelihood", "loglik_many"]

COMPRESS_ABOVE = 20_000
COMPRESS_BINS = 4096


def finite_data(data: Any) -> np.ndarray:
    """The observations as a flat float array; a named StatsError for non-numbers, empty or non-finite data."""
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
    x = finite_data(data)
    dist = frozen(name, params)
    if distribution_spec(name).discrete:
        values, counts, _ = _compress(x, True)
        return float(np.dot(counts, dist.logpmf(values)))
    return float(np.sum(dist.logpdf(x)))


def loglik_many(name: str, base: dict[str, float], vary: dict[str, np.ndarray], x: np.ndarray) -> np.ndarray:
    """Log-likelihood at many parameter points (arrays in ``vary`` of one shape); nan where a point is invalid."""
    from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

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
