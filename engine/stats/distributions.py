"""Probability distributions for the labs: sampling, densities, moments and density histograms over scipy.stats.

This is the public face of the statistics engine: the registry (:mod:`engine.stats.registry`), maximum likelihood
(:mod:`engine.stats.fit`), the classroom demonstrations (:mod:`engine.stats.demos`) and the Distributions lab state
(:mod:`engine.stats.lab`) are all re-exported here, so ``from engine import stats`` is enough in a notebook.
"""

from __future__ import annotations

import functools
import math
import threading
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.i18n import QT_TRANSLATE_NOOP, number, translate
from engine.stats.registry import StatsError, bound, distribution_spec, validate_params

__all__ = ["MAX_SAMPLES", "sample", "pdf", "pmf", "density", "cdf", "Moments", "moments", "support_range"]

MAX_SAMPLES = 10_000_000
SAMPLE_CHUNK = 1 << 16  # draws per rvs call in sample(): scipy's temporaries stay small and in cache
IN_PLACE_DRAWS = {"norm": "standard_normal", "expon": "standard_exponential", "uniform": "random"}
"""scipy family -> the numpy Generator method its ``rvs`` draws with before ``× scale + loc``: numpy can fill the
output array with these directly (no per-chunk scipy call, temporary or copy: ~25 ms of 10⁷ normal draws)."""
STREAM_LIMIT = 1 << 18
"""Longest kept stream of standard draws (2 MB): a CLT tab's 4 000 means of n ≤ 65 draws, a sampler's N ≤ 262 144."""
_streams: dict[tuple[str, int], tuple[np.random.Generator, np.ndarray]] = {}
_sorted: dict[tuple[str, int, int], np.ndarray] = {}  # (method, seed, n) -> the stream's first n draws, sorted
_streams_lock = threading.Lock()  # sample_results also runs on the lab's worker thread

Params = Mapping[str, Any] | Iterable[tuple[str, Any]] | None


def _check_seed(seed: int | None) -> int | None:
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise StatsError(f"the seed must be a whole number ≥ 0, got {seed!r}")
    return int(seed)


def _check_n(n: Any, what: str = "the sample size N") -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        if isinstance(n, float) and n.is_integer():
            n = int(n)
        else:
            raise StatsError(f"{what} must be a whole number, got {n!r}")
    if n < 1:
        raise StatsError(f"{what} must be at least 1, got {n}")
    if n > MAX_SAMPLES:
        raise StatsError(f"{what} is {n:,}; at most {MAX_SAMPLES:,} draws are allowed (memory and time)")
    return int(n)


def sample(name: str, params: Params = None, n: int = 1000, seed: int | None = None, **named: float) -> np.ndarray:
    """Draw ``n`` samples with ``np.random.default_rng(seed)`` (the same draws as scipy's ``rvs`` with that rng).

    >>> from engine import stats
    >>> x = stats.sample("normal", n=10_000, mu=0, sigma=1, seed=0)
    >>> x.shape, round(float(x.mean()), 2), round(float(x.std()), 2)
    ((10000,), 0.01, 1.0)
    >>> stats.sample("poisson", n=5, lam=3, seed=1).tolist()
    [4.0, 4.0, 4.0, 2.0, 2.0]
    >>> try:
    ...     stats.sample("normal", n=10, sigma=-1)
    ... except stats.StatsError as exc:
    ...     print(exc)
    σ (standard deviation) must satisfy σ > 0, got -1

    Parameters
    ----------
    name : str
        Registry key of the family (:data:`engine.stats.DISTRIBUTIONS`).
    params : mapping or sequence of (name, value) pairs
        Parameter values (validated; defaults fill the gaps); or give them by keyword (``mu=0, sigma=1``).
    n : int
        Number of draws, 1 … 10 000 000.
    seed : int or None
        Seed ≥ 0 so a class can reproduce a run; None draws fresh entropy.

    Returns
    -------
    numpy.ndarray
        float64 array of length ``n`` (whole numbers for discrete families).
    """
    n = _check_n(n)
    if named:
        params = {**dict(params or {}), **named}
    dist = bound(name, params)
    seed = _check_seed(seed)
    affine = affine_draws(name, params, n, seed)
    if affine is not None:
        z, loc, scale = affine
        return z * scale + loc  # scipy's rvs: the same draws, the same two operations, the same bits (tested)
    rng = np.random.default_rng(seed)
    if n <= SAMPLE_CHUNK:
        return np.asarray(dist.rvs(size=n, random_state=rng), dtype=np.float64)
    spec = distribution_spec(name)
    if spec.scipy_name in IN_PLACE_DRAWS:
        # scipy's rvs is ``draw(size) * scale + loc``: the same operations in place give the same bits (tested)
        kwds = spec.scipy_args(validate_params(name, params))
        loc, scale = float(kwds.get("loc", 0.0)), float(kwds.get("scale", 1.0))
        draw = getattr(rng, IN_PLACE_DRAWS[spec.scipy_name])
        out = np.empty(n, dtype=np.float64)
        for start in range(0, n, SAMPLE_CHUNK):
            part = out[start : start + SAMPLE_CHUNK]
            draw(out=part)
            part *= scale
            part += loc
        return out
    # scipy's rvs makes two or three full-size temporaries (x·scale + loc): filling one array chunk by chunk keeps
    # 10 M draws near 80 MB instead of 240 MB. numpy's generators draw element after element, so the values are
    # the same as one big call (tested).
    out = np.empty(n, dtype=np.float64)
    for start in range(0, n, SAMPLE_CHUNK):
        stop = min(n, start + SAMPLE_CHUNK)
        out[start:stop] = dist.rvs(size=stop - start, random_state=rng)
    return out


def affine_draws(name: str, params: Params, length: int, seed: int | None) -> tuple[np.ndarray, float, float] | None:
    """The first ``length`` standard draws of ``default_rng(seed)`` with the family's ``loc`` and ``scale``, or None.

    For the families scipy draws as ``standard(size) * scale + loc`` (:data:`IN_PLACE_DRAWS`) the standard draws
    depend on the seed only: a slider moving σ, or the CLT's n (the means' rows cut the same stream differently),
    reuses them instead of drawing again (10⁴ draws ~0.2 ms a σ step; up to 240 000 ~1.5 ms a CLT n step). The
    stream is drawn once and extended from where its generator stopped (numpy draws element by element, so the
    values are those of one call). None for other families, seed None, or beyond :data:`STREAM_LIMIT`.
    The returned array is shared: read it, never write to it.
    """
    spec = distribution_spec(name)
    usable_seed = isinstance(seed, (int, np.integer)) and not isinstance(seed, bool)
    if not usable_seed or length > STREAM_LIMIT or spec.scipy_name not in IN_PLACE_DRAWS:
        return None
    kwds = spec.scipy_args(validate_params(name, params))
    method = IN_PLACE_DRAWS[spec.scipy_name]
    with _streams_lock:
        rng, z = _streams.get((method, seed)) or (np.random.default_rng(seed), np.empty(0))
        if z.size < length:
            more = getattr(rng, method)(size=max(length, min(STREAM_LIMIT, 2 * z.size)) - z.size)
            z = np.concatenate([z, more])
            z.flags.writeable = False
            _streams.clear()  # one stream kept: the lab's seed (the CLT's means and the sampler share it)
            _streams[(method, seed)] = (rng, z)
    return z[:length], float(kwds.get("loc", 0.0)), float(kwds.get("scale", 1.0))


def affine_sorted(name: str, params: Params, n: int, seed: int | None) -> np.ndarray | None:
    """``np.sort(sample(name, params, n, seed))`` from the kept sorted standard draws, or None (:func:`affine_draws`).

    ``z·scale + loc`` with scale > 0 keeps the order and rounds each value as the draws do, so the sorted standard
    draws scaled are the sorted sample, bit for bit: a σ step reads its percentiles without a partition (~0.2 ms
    of 10⁴ draws). The standard draws are sorted once per seed and N.
    """
    affine = affine_draws(name, params, n, seed)
    if affine is None:
        return None
    z, loc, scale = affine
    key = (IN_PLACE_DRAWS[distribution_spec(name).scipy_name], int(seed or 0), n)  # (seed is a whole number here)
    with _streams_lock:
        zs = _sorted.get(key)
        if zs is None:
            zs = np.sort(z)
            _sorted.clear()
            _sorted[key] = zs
    return zs * scale + loc


def _x(x: Any) -> np.ndarray:
    arr = np.asarray(x, dtype=np.float64)
    return arr


def pdf(name: str, params: Params, x: Any) -> np.ndarray:
    """Probability density of a continuous family at ``x``.

    Parameters
    ----------
    name : str
        Registry key of a continuous family.
    params : mapping or sequence of (name, value) pairs
        Parameter values.
    x : array_like
        Points.

    Returns
    -------
    numpy.ndarray
        Density values (0 outside the support).
    """
    if distribution_spec(name).discrete:
        raise StatsError(f"{distribution_spec(name).label} is discrete: it has a probability mass function (pmf)")
    return np.asarray(bound(name, params).pdf(_x(x)), dtype=np.float64)


def pmf(name: str, params: Params, k: Any) -> np.ndarray:
    """Probability mass of a discrete family at ``k`` (0 at non-integers and outside the support).

    Parameters
    ----------
    name : str
        Registry key of a discrete family.
    params : mapping or sequence of (name, value) pairs
        Parameter values.
    k : array_like
        Points.

    Returns
    -------
    numpy.ndarray
        Probabilities.
    """
    if not distribution_spec(name).discrete:
        raise StatsError(f"{distribution_spec(name).label} is continuous: it has a probability density (pdf)")
    return np.asarray(bound(name, params).pmf(_x(k)), dtype=np.float64)


def density(name: str, params: Params, x: Any) -> np.ndarray:
    """The pdf of a continuous family or the pmf of a discrete one, whichever applies.

    Parameters
    ----------
    name : str
        Registry key.
    params : mapping or sequence of (name, value) pairs
        Parameter values.
    x : array_like
        Points.

    Returns
    -------
    numpy.ndarray
        Density or mass values.
    """
    return pmf(name, params, x) if distribution_spec(name).discrete else pdf(name, params, x)


def cdf(name: str, params: Params, x: Any) -> np.ndarray:
    """Cumulative distribution function P(X ≤ x).

    Parameters
    ----------
    name : str
        Registry key.
    params : mapping or sequence of (name, value) pairs
        Parameter values.
    x : array_like
        Points.

    Returns
    -------
    numpy.ndarray
        Probabilities in [0, 1].
    """
    return np.asarray(bound(name, params).cdf(_x(x)), dtype=np.float64)


@dataclass(frozen=True)
class Moments:
    """Mean, variance, skewness and excess kurtosis; ``nan`` means undefined, ``inf`` means infinite."""

    mean: float
    variance: float
    skewness: float
    kurtosis: float
    note: str = ""

    @staticmethod
    def describe(value: float) -> str:
        """A value for a readout: ``undefined`` for nan, ``∞`` for inf, else 4 significant digits with a real minus
        sign (U+2212, as ``−∞`` and the rest of the app write negatives)."""
        if math.isnan(value):
            return translate("stats", "undefined")
        if math.isinf(value):
            return "∞" if value > 0 else "−∞"
        return number(value, 4)


def moments(name: str, params: Params) -> Moments:
    """Theoretical moments of a family, with a note when some do not exist (Cauchy, Student t with small ν).

    Parameters
    ----------
    name : str
        Registry key.
    params : mapping or sequence of (name, value) pairs
        Parameter values.

    Returns
    -------
    Moments
        mean, variance, skewness, excess kurtosis (nan = undefined, inf = infinite) and a plain-language note.
    """
    values = validate_params(name, params)
    return _moments_cached(name, tuple(values.items()))


@functools.lru_cache(maxsize=256)
def _moments_cached(name: str, items: tuple[tuple[str, float], ...]) -> Moments:
    """Moments of validated parameters; cached because every slider step of the lab asks for them."""
    values = dict(items)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a point mass (Geometric p = 1) divides by 0: named below
        mean, var, skew, kurt = (float(v) for v in bound(name, values).stats(moments="mvsk"))
    note = ""
    if name == "cauchy":
        mean = var = skew = kurt = math.nan
        note = QT_TRANSLATE_NOOP(
            "stats", "The Cauchy distribution has no mean and no variance: sample means never settle down."
        )
    elif name == "student_t":
        nu = values["nu"]
        if nu <= 1:
            mean = var = skew = kurt = math.nan
            note = QT_TRANSLATE_NOOP("stats", "With ν ≤ 1 the t distribution has no mean (like the Cauchy).")
        elif nu <= 2:
            var, skew, kurt = math.inf, math.nan, math.nan
            note = QT_TRANSLATE_NOOP(
                "stats", "With ν ≤ 2 the variance is infinite: the CLT's normal limit does not apply."
            )
        elif nu <= 3:
            skew, kurt = math.nan, math.inf
            note = QT_TRANSLATE_NOOP("stats", "With ν ≤ 3 the skewness is undefined.")
        elif nu <= 4:
            kurt = math.inf
    elif var == 0.0 or (
        name in ("bernoulli", "binomial") and values["p"] in (0.0, 1.0) or name == "binomial" and values["n"] == 0
    ):
        skew = kurt = math.nan
        note = QT_TRANSLATE_NOOP("stats", "The distribution is a single point: skewness is undefined.")
    return Moments(mean, var, skew, kurt, note)


def support_range(name: str, params: Params, coverage: float = 0.999) -> tuple[float, float]:
    """A plotting range covering the central ``coverage`` of the distribution (whole numbers for discrete).

    Parameters
    ----------
    name : str
        Registry key.
    params : mapping or sequence of (name, value) pairs
        Parameter values.
    coverage : float
        Probability mass to include, in (0, 1).

    Returns
    -------
    (float, float)
        Low and high ends, low < high.
    """
    dist = bound(name, params)
    tail = (1.0 - coverage) / 2.0
    lo, hi = (float(v) for v in dist.ppf([tail, 1.0 - tail]))
    s_lo, s_hi = (float(v) for v in dist.support())
    if name == "beta" or name == "uniform":
        lo, hi = s_lo, s_hi
    if name in ("exponential", "gamma", "chi_square", "lognormal"):
        lo = 0.0
    if distribution_spec(name).discrete:
        lo = max(math.floor(lo), s_lo) if math.isfinite(s_lo) else math.floor(lo)
        hi = math.ceil(hi)
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        centre = lo if math.isfinite(lo) else 0.0
        lo, hi = centre - 1.0, centre + 1.0
    return lo, hi


# Re-exports kept at the bottom so the registry and core functions exist before the submodules import them.
