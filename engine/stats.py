"""Probability distributions for the labs: sampling, densities, moments and density histograms over scipy.stats.

This is the public face of the statistics engine: the registry (:mod:`engine.stats_registry`), maximum likelihood
(:mod:`engine.stats_fit`), the classroom demonstrations (:mod:`engine.stats_demos`) and the Distributions lab state
(:mod:`engine.stats_state`) are all re-exported here, so ``from engine import stats`` is enough in a notebook.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.stats_registry import (
    CONTINUOUS,
    DISCRETE,
    DISTRIBUTIONS,
    DistributionSpec,
    ParamSpec,
    StatsError,
    default_params,
    distribution_spec,
    frozen,
    validate_params,
)

__all__ = [
    "StatsError",
    "ParamSpec",
    "DistributionSpec",
    "DISTRIBUTIONS",
    "CONTINUOUS",
    "DISCRETE",
    "MAX_SAMPLES",
    "MAX_BINS",
    "distribution_spec",
    "default_params",
    "validate_params",
    "frozen",
    "sample",
    "pdf",
    "pmf",
    "density",
    "cdf",
    "Moments",
    "moments",
    "Histogram",
    "histogram",
    "SampleSummary",
    "summarize",
    "support_range",
    "as_data",
]

MAX_SAMPLES = 10_000_000
MAX_BINS = 1000
DEFAULT_MAX_AUTO_BINS = 200

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


def sample(name: str, params: Params, n: int, seed: int | None = None) -> np.ndarray:
    """Draw ``n`` samples with ``np.random.default_rng(seed)`` (the same draws as scipy's ``rvs`` with that rng).

    Parameters
    ----------
    name : str
        Registry key of the family.
    params : mapping or sequence of (name, value) pairs
        Parameter values (validated; defaults fill the gaps).
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
    dist = frozen(name, params)
    rng = np.random.default_rng(_check_seed(seed))
    draws = dist.rvs(size=n, random_state=rng)
    return np.asarray(draws, dtype=np.float64)


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
    return np.asarray(frozen(name, params).pdf(_x(x)), dtype=np.float64)


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
    return np.asarray(frozen(name, params).pmf(_x(k)), dtype=np.float64)


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
    return np.asarray(frozen(name, params).cdf(_x(x)), dtype=np.float64)


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
        """A value for a readout: ``undefined`` for nan, ``∞`` for inf, else 4 significant digits."""
        if math.isnan(value):
            return "undefined"
        if math.isinf(value):
            return "∞" if value > 0 else "−∞"
        return f"{value:.4g}"


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
    mean, var, skew, kurt = (float(v) for v in frozen(name, values).stats(moments="mvsk"))
    note = ""
    if name == "cauchy":
        mean = var = skew = kurt = math.nan
        note = "The Cauchy distribution has no mean and no variance: sample means never settle down."
    elif name == "student_t":
        nu = values["nu"]
        if nu <= 1:
            mean = var = skew = kurt = math.nan
            note = "With ν ≤ 1 the t distribution has no mean (like the Cauchy)."
        elif nu <= 2:
            var, skew, kurt = math.inf, math.nan, math.nan
            note = "With ν ≤ 2 the variance is infinite: the CLT's normal limit does not apply."
        elif nu <= 3:
            skew, kurt = math.nan, math.inf
            note = "With ν ≤ 3 the skewness is undefined."
        elif nu <= 4:
            kurt = math.inf
    elif name in ("bernoulli", "binomial") and values["p"] in (0.0, 1.0) or name == "binomial" and values["n"] == 0:
        skew = kurt = math.nan
        note = "The distribution is a single point: skewness is undefined."
    return Moments(mean, var, skew, kurt, note)


def as_data(data: Any, what: str = "the data") -> np.ndarray:
    """Validate data for statistics: a non-empty 1-D array of finite numbers (StatsError naming the first bad entry).

    Parameters
    ----------
    data : array_like
        Observations.
    what : str
        How to call the data in messages.

    Returns
    -------
    numpy.ndarray
        float64 copy-free view when possible.
    """
    try:
        arr = np.asarray(data, dtype=np.float64)
    except (TypeError, ValueError):
        raise StatsError(f"{what} must be numbers") from None
    if arr.ndim != 1:
        arr = arr.reshape(-1)
    if arr.size == 0:
        raise StatsError(f"{what} is empty: there is nothing to analyse")
    finite = np.isfinite(arr)
    if not finite.all():
        i = int(np.argmin(finite))
        raise StatsError(f"{what} contains a non-finite value ({arr[i]}) at position {i + 1}")
    return arr


@dataclass(frozen=True)
class Histogram:
    """A density-normalised histogram: ``density`` integrates to the fraction of samples inside ``edges``."""

    edges: np.ndarray
    counts: np.ndarray
    density: np.ndarray
    n: int
    n_outside: int
    discrete: bool

    @property
    def centers(self) -> np.ndarray:
        """Bin midpoints."""
        return 0.5 * (self.edges[:-1] + self.edges[1:])


def _auto_bin_count(arr: np.ndarray, lo: float, hi: float, cap: int) -> int:
    """numpy's 'auto' rule (max of Sturges and Freedman–Diaconis), with the IQR taken from ≤ 200 000 points."""
    n = arr.size
    sturges = math.ceil(math.log2(n)) + 1 if n > 0 else 1
    sub = arr if n <= 200_000 else arr[:: n // 200_000]
    q25, q75 = np.percentile(sub, [25, 75])
    iqr = float(q75 - q25)
    if iqr > 0 and hi > lo:
        width = 2.0 * iqr * n ** (-1.0 / 3.0)
        fd = math.ceil((hi - lo) / width)
    else:
        fd = 1
    return int(min(max(sturges, fd, 1), cap))


def histogram(
    samples: Any,
    bins: int | str = "auto",
    *,
    discrete: bool = False,
    value_range: tuple[float, float] | None = None,
    max_bins: int = DEFAULT_MAX_AUTO_BINS,
) -> Histogram:
    """Density-normalised histogram, cheap enough for 10 million samples, never plotting the samples themselves.

    Heavy tails (a Cauchy sample spans ±10⁶) would squash the picture into one bar, so when the range is much wider
    than the middle of the data the histogram covers the 0.5 %–99.5 % quantiles and counts the rest in ``n_outside``.

    Parameters
    ----------
    samples : array_like
        Finite numbers.
    bins : int or "auto"
        Number of bins (1 … 1000) or "auto" (max of Sturges and Freedman–Diaconis, at most ``max_bins``).
    discrete : bool
        Whole-number data: unit bins centred on the integers while they fit in ``max_bins`` (density = frequency).
    value_range : (float, float), optional
        Fixed range to cover.
    max_bins : int
        Cap of the automatic rule.

    Returns
    -------
    Histogram
        Edges, counts and density (counts / (N · width), so the bars sum to the fraction inside the range).
    """
    arr = as_data(samples, "the sample")
    n = arr.size
    if isinstance(bins, str):
        if bins != "auto":
            raise StatsError(f"bins must be a whole number or 'auto', got {bins!r}")
    elif isinstance(bins, bool) or not isinstance(bins, (int, np.integer)) or not 1 <= bins <= MAX_BINS:
        raise StatsError(f"the number of bins must be a whole number from 1 to {MAX_BINS}, got {bins!r}")
    if value_range is not None:
        lo, hi = (float(v) for v in value_range)
        if not (math.isfinite(lo) and math.isfinite(hi) and lo < hi):
            raise StatsError(f"the histogram range must be two finite numbers, low < high, got {value_range!r}")
    else:
        lo, hi = float(arr.min()), float(arr.max())
        if n >= 50:
            sub = arr if n <= 200_000 else arr[:: n // 200_000]
            q = np.percentile(sub, [0.5, 25, 75, 99.5])
            spread = max(float(q[2] - q[1]), 1e-300)
            if hi - lo > 40.0 * spread:
                lo, hi = float(q[0]), float(q[3])
    if discrete and np.all(arr == np.round(arr)):
        k_lo, k_hi = math.floor(lo + 0.5), math.ceil(hi - 0.5)
        span = k_hi - k_lo + 1
        limit = max_bins if bins == "auto" else int(bins)
        if span <= max(limit, 1):
            edges = np.arange(k_lo, k_hi + 2, dtype=np.float64) - 0.5
            inside = (arr >= k_lo) & (arr <= k_hi)
            counts = np.bincount((arr[inside] - k_lo).astype(np.int64), minlength=span).astype(np.float64)
            dens = counts / n
            return Histogram(edges, counts, dens, n, int(n - counts.sum()), True)
    if hi <= lo:
        lo, hi = lo - 0.5, hi + 0.5
    count = _auto_bin_count(arr, lo, hi, max_bins) if bins == "auto" else int(bins)
    counts, edges = np.histogram(arr, bins=count, range=(lo, hi))
    counts = counts.astype(np.float64)
    dens = counts / (n * np.diff(edges))
    return Histogram(edges, counts, dens, n, int(n - counts.sum()), False)


@dataclass(frozen=True)
class SampleSummary:
    """Sample statistics shown beside the theoretical moments (variance with ddof=1; nan when N is too small)."""

    n: int
    mean: float
    variance: float
    skewness: float
    minimum: float
    maximum: float


def summarize(samples: Any) -> SampleSummary:
    """Mean, unbiased variance and (biased, scipy's default) skewness of a sample.

    Parameters
    ----------
    samples : array_like
        Finite numbers.

    Returns
    -------
    SampleSummary
        The statistics; variance is nan for one sample, skewness nan when the variance is 0.
    """
    arr = as_data(samples, "the sample")
    n = arr.size
    mean = float(arr.mean())
    dev = arr - mean
    m2 = float(np.dot(dev, dev)) / n
    variance = m2 * n / (n - 1) if n > 1 else math.nan
    if m2 > 0 and n > 2:
        m3 = float(np.dot(dev * dev, dev)) / n
        skew = m3 / m2**1.5
    else:
        skew = math.nan
    return SampleSummary(n, mean, variance, skew, float(arr.min()), float(arr.max()))


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
    dist = frozen(name, params)
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
from engine.stats_demos import (  # noqa: E402
    BivariateResult,
    CltResult,
    CoinPosterior,
    QQResult,
    bivariate_normal,
    clt_means,
    coin_posterior,
    qq_points,
    running_mean,
)
from engine.stats_fit import (  # noqa: E402
    FitResult,
    check_support,
    fit_mle,
    log_likelihood,
    loglik_grid,
    loglik_profile,
    loglik_window,
    method_of_moments,
)
from engine.stats_state import DistributionsState, code, metrics  # noqa: E402

__all__ += [
    "FitResult",
    "fit_mle",
    "method_of_moments",
    "log_likelihood",
    "loglik_profile",
    "loglik_grid",
    "loglik_window",
    "check_support",
    "running_mean",
    "CltResult",
    "clt_means",
    "QQResult",
    "qq_points",
    "BivariateResult",
    "bivariate_normal",
    "CoinPosterior",
    "coin_posterior",
    "DistributionsState",
    "metrics",
    "code",
]


def __getattr__(attr: str) -> Any:
    """Re-export the inference half (engine.inference) lazily, so the two modules can import each other freely."""
    import importlib

    try:
        inference = importlib.import_module("engine.inference")
    except ImportError:
        raise AttributeError(f"module 'engine.stats' has no attribute {attr!r}") from None
    if attr in getattr(inference, "__all__", ()) or (not attr.startswith("_") and hasattr(inference, attr)):
        return getattr(inference, attr)
    raise AttributeError(f"module 'engine.stats' has no attribute {attr!r}")


def goodness_of_fit(name: str, params: Params, samples: Any) -> tuple[float, float, str]:
    """Test whether samples come from the family: Kolmogorov–Smirnov (continuous) or chi-square (discrete).

    For the chi-square test the far tails are pooled and neighbouring cells merged until each expects ≥ 5 draws,
    the textbook condition for the chi-square approximation.

    Parameters
    ----------
    name : str
        Registry key.
    params : mapping or sequence of (name, value) pairs
        Parameter values.
    samples : array_like
        Finite observations.

    Returns
    -------
    (float, float, str)
        Statistic, p-value and the test's name (``"ks"`` or ``"chi2"``); p = 1 when every draw must fall in one cell.
    """
    from scipy import stats as st

    x = as_data(samples, "the sample")
    dist = frozen(name, params)
    if not distribution_spec(name).discrete:
        res = st.kstest(x, dist.cdf)
        return float(res.statistic), float(res.pvalue), "ks"
    n = x.size
    lo, hi = (float(v) for v in dist.ppf([1e-6, 1 - 1e-6]))
    s_lo = float(dist.support()[0])
    lo = max(lo, s_lo)
    ks = np.arange(lo, hi + 1.0)
    if ks.size > 2000:
        ks = np.unique(np.round(np.linspace(lo, hi, 2000)))
    # Cell i holds the values in (ks[i-1], ks[i]]; the first cell everything ≤ ks[0], the last everything > ks[-2].
    probs = np.diff(np.concatenate([[0.0], dist.cdf(ks[:-1]), [1.0]]))
    idx = np.searchsorted(ks, x, side="left")
    obs = np.bincount(np.minimum(idx, ks.size - 1), minlength=ks.size).astype(np.float64)
    exp = probs * n
    cells_o, cells_e = [], []
    acc_o = acc_e = 0.0
    for o, e in zip(obs, exp, strict=True):
        acc_o += o
        acc_e += e
        if acc_e >= 5.0:
            cells_o.append(acc_o)
            cells_e.append(acc_e)
            acc_o = acc_e = 0.0
    if cells_e:
        cells_o[-1] += acc_o
        cells_e[-1] += acc_e
    if len(cells_e) < 2:
        return 0.0, 1.0, "chi2"
    o_arr, e_arr = np.array(cells_o), np.array(cells_e)
    e_arr *= o_arr.sum() / e_arr.sum()
    res = st.chisquare(o_arr, e_arr)
    return float(res.statistic), float(res.pvalue), "chi2"


__all__ += ["goodness_of_fit"]
