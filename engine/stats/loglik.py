"""Log-likelihood of data under a family, and its curves and surfaces over the parameters (fitting is optimisation).

Vectorised over parameter grids with scipy.stats' ``logpdf``/``logpmf``; large continuous samples are binned first.
Re-exported by :mod:`engine.stats` (and :mod:`engine.stats.fit`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.stats.chunked import CHUNK, COMPRESS_ABOVE, Observations, observations
from engine.stats.registry import distribution_spec, frozen

__all__ = ["finite_data", "log_likelihood", "loglik_many", "compressed"]


def finite_data(data: Any) -> np.ndarray:
    """The observations as a flat float array; a named StatsError for non-numbers, empty or non-finite data."""
    return observations(data).x


def compressed(data: Any, discrete: bool) -> tuple[np.ndarray, np.ndarray, bool]:
    """Values and weights reproducing Σ log f(x): exact for discrete data, binned above 20 000 continuous points.

    Parameters
    ----------
    data : array_like or Observations
        Finite observations (an :class:`~engine.stats.chunked.Observations` keeps the result for the next call).
    discrete : bool
        Whether the family is discrete (then the distinct values and their counts are used: exact).

    Returns
    -------
    (values, weights, binned)
        ``binned`` is True when continuous data were replaced by 4096 bin centres.
    """
    obs = observations(data)
    if discrete:
        values, counts = obs.counts()
        return values, counts.astype(np.float64), False
    if obs.n <= COMPRESS_ABOVE:
        return obs.x, np.ones_like(obs.x), False
    centres, counts = obs.binned()
    return centres, counts, True


def log_likelihood(name: str, params: Any, data: Any) -> float:
    """Log-likelihood Σ log f(xᵢ; θ) of data under a family (−inf when a value lies outside the support).

    Parameters
    ----------
    name : str
        Registry key.
    params : mapping or sequence of (name, value) pairs
        Parameter values.
    data : array_like or Observations
        Finite observations.

    Returns
    -------
    float
        The log-likelihood: exact (summed slice by slice for large continuous data, counted for discrete data).
    """
    obs = observations(data)
    dist = frozen(name, params)
    if distribution_spec(name).discrete:
        values, counts, _ = compressed(obs, True)
        return float(np.dot(counts, dist.logpmf(values)))
    with np.errstate(divide="ignore"):
        return _chunked_sum(obs, dist.logpdf)


def _chunked_sum(obs: Observations, term: Any) -> float:
    if obs.n <= obs.chunk:
        return float(np.sum(term(obs.x)))
    total = 0.0
    for _, part in obs.parts():
        total += float(np.sum(term(part)))
    return total


def loglik_many(name: str, base: dict[str, float], vary: dict[str, np.ndarray], x: Any) -> np.ndarray:
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
    values, weights, _ = compressed(x, spec.discrete)
    out = np.full(size, np.nan)
    idx = np.nonzero(valid)[0]
    method = "logpmf" if spec.discrete else "logpdf"
    fn = getattr(getattr(st, spec.scipy_name), method)
    chunk = max(1, CHUNK // max(values.size, 1))  # parameter points per pass: ~2 MB per scipy temporary
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
