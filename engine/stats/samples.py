"""What a sample says: validation, density histograms that scale to 10 million draws, summary statistics and a
goodness-of-fit test against a family. Re-exported by :mod:`engine.stats`.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.stats.registry import StatsError, bound, distribution_spec

__all__ = ["MAX_BINS", "DEFAULT_MAX_AUTO_BINS", "as_data", "Histogram", "histogram", "SampleSummary", "summarize",
           "summary_and_histogram", "goodness_of_fit"]  # fmt: skip

MAX_BINS = 1000
DEFAULT_MAX_AUTO_BINS = 200
SUMMARY_CHUNK = 1 << 16  # values per chunk of a pass over 10⁷ draws: temporaries stay in cache
PARALLEL_MIN = 1 << 21  # from ~2 M values on, a histogram is counted in slices on every core

Params = Mapping[str, Any] | Iterable[tuple[str, Any]] | None


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
    return _checked(data, what)[0]


def _checked(data: Any, what: str) -> tuple[np.ndarray, float]:
    """:func:`as_data` and the data's sum (``arr.sum()``, the same pairwise sum ``arr.mean()`` divides)."""
    try:
        arr = np.asarray(data, dtype=np.float64)
    except (TypeError, ValueError):
        raise StatsError(f"{what} must be numbers") from None
    if arr.ndim != 1:
        arr = arr.reshape(-1)
    if arr.size == 0:
        raise StatsError(f"{what} is empty: there is nothing to analyse")
    # A finite sum proves every value finite without a full-size mask (10 M draws); only a nan/inf, or an overflow of
    # huge values, takes the exact check.
    with np.errstate(over="ignore", invalid="ignore"):
        total = float(arr.sum())
    if not math.isfinite(total) and not (finite := np.isfinite(arr)).all():
        i = int(np.argmin(finite))
        raise StatsError(f"{what} contains a non-finite value ({arr[i]}) at position {i + 1}")
    return arr, total


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


def _chunks(arr: np.ndarray) -> Iterable[np.ndarray]:
    """Consecutive views of ``SUMMARY_CHUNK`` values: full-size temporaries of 10 M draws would cost 80 MB each."""
    for start in range(0, arr.size, SUMMARY_CHUNK):
        yield arr[start : start + SUMMARY_CHUNK]


def _cores() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # (not on every platform)
        return os.cpu_count() or 1


def _in_slices(fn: Callable[[np.ndarray], Any], arr: np.ndarray) -> list[Any]:
    """``fn`` of consecutive slices of ``arr``: one slice per core (≤ 4) on threads from :data:`PARALLEL_MIN` values.

    numpy releases the GIL inside its loops, so a pass over 10⁷ draws takes ~60 % of the time on two cores.
    Below the threshold (or on one core) ``[fn(arr)]``.
    """
    workers = min(_cores(), 4)
    if arr.size < PARALLEL_MIN or workers < 2:
        return [fn(arr)]
    cuts = np.linspace(0, arr.size, workers + 1).astype(int)
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(fn, [arr[a:b] for a, b in zip(cuts[:-1], cuts[1:], strict=True)]))


def _counted(arr: np.ndarray, count: int, lo: float, hi: float, inside: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``np.histogram(arr, count, (lo, hi))``: the very same integers and edges, about 2–3× faster, on every core.

    ``inside``: every value is known to lie in [lo, hi] (the range covers the data's extent), so no mask is made.
    """
    edges = np.linspace(lo, hi, count + 1)  # numpy's own edges
    inv = count / (hi - lo)
    # How far (in bins) numpy's edges and the arithmetic below may disagree: an ulp of the range's ends over a bin.
    tol = max(1e-7, 64.0 * math.ulp(max(abs(lo), abs(hi))) * inv)
    if not (math.isfinite(hi - lo) and inv > 0 and tol < 1e-3):  # bins a few ulps wide, or no finite width: numpy
        return np.histogram(arr, bins=count, range=(lo, hi))[0], edges
    parts = _in_slices(lambda part: _count_in_bins(part, edges, inv, tol, inside), arr)
    return np.sum(parts, axis=0), edges


def _count_in_bins(arr: np.ndarray, edges: np.ndarray, inv: float, tol: float, inside: bool) -> np.ndarray:
    """Counts of ``arr`` in the equal bins ``edges`` as np.histogram gives them ([e_k, e_k+1), the last one closed).

    A value's bin is ⌊(x − lo)·count / (hi − lo)⌋, except within ``tol`` bins of an edge, where rounding could put it
    on the wrong side: those few are placed by comparing with the edges themselves (``searchsorted``), as numpy
    does for every value. Chunked: temporaries stay in cache.
    """
    count, lo, hi = edges.size - 1, float(edges[0]), float(edges[-1])
    total = np.zeros(count, dtype=np.int64)
    for part in _chunks(arr):
        if not inside:
            keep = (part >= lo) & (part <= hi)
            if not keep.all():
                part = part[keep]
        pos = part - lo
        pos *= inv
        pos += tol  # so a value just below an edge (by rounding) still shows as near it
        idx = pos.astype(np.intp)
        pos -= idx  # the fraction of a bin past the estimated edge (+ tol)
        near = np.flatnonzero(pos < 2.0 * tol)
        if near.size:
            idx[near] = np.minimum(np.searchsorted(edges, part[near], side="right") - 1, count - 1)
        total += np.bincount(idx, minlength=count)
    return total


RANGE_PERCENTILES = (0.5, 25.0, 75.0, 99.5)
"""The histogram's range (0.5 % … 99.5 % for heavy tails) and its bin rule's IQR."""


def percentiles_of_sorted(values: np.ndarray, q: Iterable[float]) -> np.ndarray:
    """``np.percentile(values, q)`` (linear rule) of already sorted values, bit for bit: no partition of the data.

    numpy's steps: index q/100·(n − 1), its floor and the next value, and its two-sided lerp.
    """
    n = values.size
    virtual = np.true_divide(np.asarray(q, dtype=np.float64), 100) * (n - 1)
    below = np.floor(virtual)
    gamma = virtual - below
    lo = below.astype(np.intp)
    a, b = values[lo], values[np.minimum(lo + 1, n - 1)]
    diff = b - a
    out = a + diff * gamma
    upper = gamma >= 0.5
    out[upper] = (b - diff * (1 - gamma))[upper]
    return out


def _auto_bin_count(arr: np.ndarray, lo: float, hi: float, cap: int, iqr: float | None = None) -> int:
    """numpy's 'auto' rule (max of Sturges and Freedman–Diaconis), with the IQR taken from ≤ 200 000 points."""
    n = arr.size
    sturges = math.ceil(math.log2(n)) + 1 if n > 0 else 1
    if iqr is None:
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
    extent: tuple[float, float] | None = None,
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
    extent : (float, float), optional
        The data's smallest and largest value when already known (a :class:`SampleSummary`'s ``minimum`` and
        ``maximum``): two passes fewer over 10 million draws.

    Returns
    -------
    Histogram
        Edges, counts and density (counts / (N · width), so the bars sum to the fraction inside the range).
    """
    return histogram_of_checked(as_data(samples, "the sample"), bins, discrete=discrete, value_range=value_range,
                                max_bins=max_bins, extent=extent)  # fmt: skip


def histogram_of_checked(
    arr: np.ndarray,
    bins: int | str = "auto",
    *,
    discrete: bool = False,
    value_range: tuple[float, float] | None = None,
    max_bins: int = DEFAULT_MAX_AUTO_BINS,
    extent: tuple[float, float] | None = None,
    sorted_values: np.ndarray | None = None,
) -> Histogram:
    """:func:`histogram` of an array :func:`as_data` (or :func:`summarize`) has already checked: one pass fewer.

    ``sorted_values`` (the same values sorted, when known) gives the range's percentiles without a partition.
    """
    n = arr.size
    iqr: float | None = None
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
        lo, hi = (float(v) for v in extent) if extent is not None else (float(arr.min()), float(arr.max()))
        extent = (lo, hi)
        if n >= 50:
            if sorted_values is not None and n <= 200_000:
                q = percentiles_of_sorted(sorted_values, RANGE_PERCENTILES)
            else:
                sub = arr if n <= 200_000 else arr[:: n // 200_000]
                q = np.percentile(sub, RANGE_PERCENTILES)
            iqr = float(q[2] - q[1])  # reused by the bin rule: one percentile pass, not two
            spread = max(iqr, 1e-300)
            if hi - lo > 40.0 * spread:
                lo, hi = float(q[0]), float(q[3])
    if discrete and all(np.array_equal(part, np.round(part)) for part in _chunks(arr)):
        k_lo, k_hi = math.floor(lo + 0.5), math.ceil(hi - 0.5)
        span = k_hi - k_lo + 1
        limit = max_bins if bins == "auto" else int(bins)
        if span <= max(limit, 1):
            edges = np.arange(k_lo, k_hi + 2, dtype=np.float64) - 0.5
            whole = np.zeros(span, dtype=np.int64)
            for part in _chunks(arr):  # chunks: 10 M whole-number draws need no 80 MB masks, copies and casts
                part = part[(part >= k_lo) & (part <= k_hi)]
                whole += np.bincount((part - k_lo).astype(np.int64), minlength=span)
            counts = whole.astype(np.float64)
            dens = counts / n
            return Histogram(edges, counts, dens, n, int(n - counts.sum()), True)
    if hi - lo <= 1e-9 * max(abs(lo), abs(hi)):  # one value (or all equal): ±0.5 is lost in rounding beside 1e40
        pad = max(0.5, 1e-3 * abs(lo))
        lo, hi = lo - pad, hi + pad
    count = _auto_bin_count(arr, lo, hi, max_bins, iqr) if bins == "auto" else int(bins)
    inside = extent is not None and lo <= float(extent[0]) and float(extent[1]) <= hi  # no mask needed
    counts, edges = _counted(arr, count, lo, hi, inside)
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
    arr, total = _checked(samples, "the sample")
    return _summary_of(arr, total, float(arr.min()), float(arr.max()))


def _summary_of(arr: np.ndarray, total: float, lo: float, hi: float) -> SampleSummary:
    """:func:`summarize` of checked data whose sum, smallest and largest value are known (its second pass)."""
    n = arr.size
    mean = total / n  # what arr.mean() computes, without a second pass over 10⁷ draws
    # scale before squaring: deviations of 1e200 (log-normal, σ = 100) must not overflow their squares and cubes
    big = max(hi - mean, mean - lo)  # max |x - mean| without a full-size temporary (10 M draws)
    scale = math.ldexp(1.0, math.frexp(big)[1] - 1) if big > 0 and math.isfinite(big) else 1.0
    s2 = s3 = 0.0
    for part in _chunks(arr):
        dev = (part - mean) / scale
        sq = dev * dev
        s2 += float(sq.sum())
        sq *= dev  # in place, and no np.dot: BLAS threads cost more than they save on a busy 2-core machine
        s3 += float(sq.sum())
    m2 = s2 / n  # in units of scale²
    with np.errstate(over="ignore"):
        variance = m2 * n / (n - 1) * scale * scale if n > 1 else math.nan  # inf: beyond the largest float
    if m2 > 0 and n > 2:
        skew = (s3 / n) / m2**1.5  # scale-free
    else:
        skew = math.nan
    return SampleSummary(n, mean, variance, skew, lo, hi)


def summary_and_histogram(
    samples: Any, bins: int | str = "auto", *, discrete: bool = False, sorted_values: np.ndarray | None = None
) -> tuple[SampleSummary, Histogram]:
    """:func:`summarize` and :func:`histogram` of one sample, the same numbers, in less time than the two calls.

    The data are checked once, and from :data:`PARALLEL_MIN` values on (two cores or more) the moments pass runs on a
    thread beside the histogram's counting: 10⁷ draws take ~40 % less time. ``sorted_values``: the sample sorted,
    when known (the histogram's percentiles are read from it).
    """
    arr, total = _checked(samples, "the sample")
    lo, hi = float(arr.min()), float(arr.max())
    if arr.size < PARALLEL_MIN or _cores() < 2:
        summary = _summary_of(arr, total, lo, hi)
        hist = histogram_of_checked(arr, bins, discrete=discrete, extent=(lo, hi), sorted_values=sorted_values)
        return summary, hist
    with ThreadPoolExecutor(1) as pool:
        moments = pool.submit(_summary_of, arr, total, lo, hi)
        hist = histogram_of_checked(arr, bins, discrete=discrete, extent=(lo, hi))
        return moments.result(), hist


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
    from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

    x = as_data(samples, "the sample")
    dist = bound(name, params)  # no freezing: a slider step with few draws runs this every time
    if not distribution_spec(name).discrete:
        res = st.kstest(x, dist.cdf)
        return float(res.statistic), float(res.pvalue), "ks"
    n = x.size
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a point mass (Geometric p = 1) takes log1p(−1) = −inf
        lo, hi = (float(v) for v in dist.ppf([1e-6, 1 - 1e-6]))
    s_lo = float(dist.support()[0])
    lo = max(lo, s_lo)
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:  # a point mass: every draw falls in one cell
        return 0.0, 1.0, "chi2"
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
