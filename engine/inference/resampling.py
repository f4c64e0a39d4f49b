"""Resampling inference: the permutation test (revealed resample by resample) and bootstrap confidence intervals.

Both call ``scipy.stats`` with the user's seed, so a class can reproduce a run and the numbers equal scipy's exactly.
The permutation null distribution is computed in one vectorised call (milliseconds for 10⁵ resamples) and then
revealed in order by :func:`permutation_progress`, which is how the lab animates it building up: every prefix of a
random-permutation null is itself a valid, smaller permutation test.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from engine.i18n import translate
from engine.inference.inputs import InferenceError, as_sample, check_alpha, check_alternative

__all__ = [
    "PermutationResult",
    "PermutationProgress",
    "BootstrapResult",
    "BOOTSTRAP_STATS",
    "BOOTSTRAP_METHODS",
    "MAX_RESAMPLES",
    "MIN_BOOTSTRAP_RESAMPLES",
    "BOOTSTRAP_MINIMUM_REASON",
    "permutation_test",
    "permutation_progress",
    "null_histogram",
    "bootstrap_ci",
]

MAX_RESAMPLES = 200_000
MIN_BOOTSTRAP_RESAMPLES = 100
BOOTSTRAP_MINIMUM_REASON = (
    "a bootstrap needs at least 100 resamples: with fewer, the interval's ends (percentiles of the resampled "
    "statistics) and its standard error are not defined well"
)
MAX_WORK = 40_000_000  # resamples × values: beyond this a resampling run would take seconds and gigabytes
MAX_BCA_N = 5_000  # BCa's jackknife costs n² values
BOOTSTRAP_METHODS = ("percentile", "basic", "BCa")


def _std(x: np.ndarray, axis: int = -1) -> np.ndarray:
    return np.std(x, ddof=1, axis=axis)


BOOTSTRAP_STATS = {"mean": np.mean, "median": np.median, "std": _std}


def _mean_difference(a: np.ndarray, b: np.ndarray, axis: int = -1) -> np.ndarray:
    return np.mean(a, axis=axis) - np.mean(b, axis=axis)


@dataclass(frozen=True)
class PermutationResult:
    """A finished permutation test of mean(A) − mean(B); ``null`` is in reveal order."""

    observed: float
    null: np.ndarray
    p_value: float
    alternative: str
    alpha: float
    reject: bool
    exact: bool
    n_resamples: int


@dataclass(frozen=True)
class PermutationProgress:
    """The test after the first ``done`` resamples: how many were at least as extreme, and the p-value so far."""

    done: int
    total: int
    count: int
    p_value: float
    text: str


def _check_resamples(n_resamples: int, field: str = "number of resamples", lo: int = 1) -> int:
    if isinstance(n_resamples, bool) or not isinstance(n_resamples, (int, np.integer)):
        raise InferenceError(f"{field} must be a whole number, got {n_resamples!r}")
    if lo > 1 and n_resamples < lo:
        raise InferenceError(f"{BOOTSTRAP_MINIMUM_REASON} (got {n_resamples})")
    if not lo <= n_resamples <= MAX_RESAMPLES:
        raise InferenceError(f"{field} must be between {lo} and {MAX_RESAMPLES:,}, got {n_resamples}")
    return int(n_resamples)


def _check_seed(seed: int) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise InferenceError(f"seed must be a whole number ≥ 0, got {seed!r}")
    return int(seed)


def permutation_test(
    a: Iterable[float],
    b: Iterable[float],
    n_resamples: int = 9999,
    seed: int = 0,
    alternative: str = "two-sided",
    alpha: float = 0.05,
) -> PermutationResult:
    """Permutation test of H0: A and B come from the same distribution, statistic mean(A) − mean(B).

    Parameters
    ----------
    a, b : the two samples (each at least 1 finite value, 3 values in all).
    n_resamples : label shuffles to draw (1 … 200 000); when that covers every distinct relabelling the test is exact.
    seed : seed of the shuffles, so a run can be reproduced.
    alternative : "two-sided", "less" or "greater".
    alpha : significance level in (0, 1).

    Returns
    -------
    PermutationResult equal to ``scipy.stats.permutation_test(..., rng=seed)``; ``null`` in reveal order (an exact
    test's enumeration is shuffled with ``seed`` so its animation is not ordered).
    """
    from scipy import stats

    x = as_sample(a, "sample A", min_n=1)
    y = as_sample(b, "sample B", min_n=1)
    if x.size + y.size < 3:
        raise InferenceError("sample A and sample B together need at least 3 values to shuffle")
    n_resamples, seed = _check_resamples(n_resamples), _check_seed(seed)
    alpha, alternative = check_alpha(alpha), check_alternative(alternative)
    if n_resamples * (x.size + y.size) > MAX_WORK:
        raise InferenceError(
            f"{n_resamples:,} shuffles of {x.size + y.size:,} values is too much work; use fewer resamples"
        )
    res = stats.permutation_test(
        (x, y), _mean_difference, vectorized=True, n_resamples=n_resamples, alternative=alternative, rng=seed
    )
    null = np.asarray(res.null_distribution, dtype=float)
    exact = null.size < n_resamples or math.comb(x.size + y.size, x.size) <= n_resamples
    if exact:
        null = null[np.random.default_rng(seed).permutation(null.size)]
    p = float(res.pvalue)
    return PermutationResult(float(res.statistic), null, p, alternative, alpha, p <= alpha, exact, int(null.size))


def permutation_progress(result: PermutationResult, done: int) -> PermutationProgress:
    """The permutation test after its first ``done`` resamples (``done`` = all gives the final, scipy p-value).

    Parameters
    ----------
    result : a finished :func:`permutation_test`.
    done : resamples revealed so far (clipped to 0 … total).

    Returns
    -------
    PermutationProgress with the count of as-extreme resamples (for two-sided, the smaller tail, doubled in p) and
    a sentence such as "37 of 1000 shuffles ≥ observed".
    """
    total = result.null.size
    done = int(min(max(done, 0), total))
    null = result.null[:done]
    obs = result.observed
    gamma = abs(np.finfo(float).eps * 100 * obs)  # scipy's tolerance for ties that differ only by rounding
    adjust = 0 if (result.exact and done == total) else 1
    n_less = int(np.count_nonzero(null <= obs + gamma))
    n_greater = int(np.count_nonzero(null >= obs - gamma))
    if result.alternative == "less":
        count, p, side = n_less, (n_less + adjust) / (done + adjust), "≤"
    elif result.alternative == "greater":
        count, p, side = n_greater, (n_greater + adjust) / (done + adjust), "≥"
    else:
        count = min(n_less, n_greater)
        side = "≤" if n_less <= n_greater else "≥"
        p = 2 * (count + adjust) / (done + adjust)
    p = float(min(max(p, 0.0), 1.0)) if done else 1.0
    text = translate("inference", "{0} of {1} shuffles {2} observed").format(count, done, side)
    if result.alternative == "two-sided":
        text += translate("inference", " (the nearer tail, doubled)")
    return PermutationProgress(done, total, count, p, text)


def null_histogram(
    values: np.ndarray, value_range: tuple[float, float], observed: float, alternative: str, bins: int = 40
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts of resampled statistics in fixed bins, and which bins lie as far out as the observed statistic.

    Parameters
    ----------
    values : the resampled statistics revealed so far.
    value_range : (low, high) of the bins; fixed for a run so the histogram grows in place.
    observed : the observed statistic.
    alternative : which tail(s) count as extreme ("two-sided" uses |value| ≥ |observed|, for shading only).
    bins : number of bins.

    Returns
    -------
    (edges, counts, extreme) with ``extreme`` a boolean per bin (judged at the bin centre).
    """
    lo, hi = value_range
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        lo, hi = (lo - 1.0, lo + 1.0) if math.isfinite(lo) else (-1.0, 1.0)
    counts, edges = np.histogram(values, bins=bins, range=(lo, hi))
    centres = (edges[:-1] + edges[1:]) / 2
    if alternative == "less":
        extreme = centres <= observed
    elif alternative == "greater":
        extreme = centres >= observed
    else:
        extreme = np.abs(centres) >= abs(observed)
    return edges, counts, extreme


@dataclass(frozen=True)
class BootstrapResult:
    """A bootstrap confidence interval with the resampled statistics behind it."""

    stat: str
    method: str
    estimate: float
    low: float
    high: float
    alpha: float
    distribution: np.ndarray
    standard_error: float


def bootstrap_ci(
    data: Iterable[float],
    stat: str = "mean",
    n_resamples: int = 9999,
    alpha: float = 0.05,
    seed: int = 0,
    method: str = "percentile",
) -> BootstrapResult:
    """Bootstrap (1 − α) confidence interval of a sample statistic.

    Parameters
    ----------
    data : the sample (at least 2 finite values, not all equal).
    stat : "mean", "median" or "std" (sample standard deviation, ddof = 1).
    n_resamples : resamples with replacement (100 … 200 000: fewer give no meaningful percentiles).
    alpha : 1 − confidence level, in (0, 1).
    seed : seed of the resampling.
    method : "percentile", "basic" or "BCa" (bias-corrected and accelerated).

    Returns
    -------
    BootstrapResult equal to ``scipy.stats.bootstrap(..., method=method, rng=seed)``.
    """
    from scipy import stats

    x = as_sample(data, "sample", min_n=2, need_spread=True)
    if stat not in BOOTSTRAP_STATS:
        raise InferenceError(f"bootstrap statistic must be one of {', '.join(BOOTSTRAP_STATS)}, got {stat!r}")
    if method not in BOOTSTRAP_METHODS:
        raise InferenceError(f"bootstrap method must be one of {', '.join(BOOTSTRAP_METHODS)}, got {method!r}")
    n_resamples = _check_resamples(n_resamples, lo=MIN_BOOTSTRAP_RESAMPLES)
    seed, alpha = _check_seed(seed), check_alpha(alpha)
    if n_resamples * x.size > MAX_WORK:
        raise InferenceError(f"{n_resamples:,} resamples of {x.size:,} values is too much work; use fewer resamples")
    if method == "BCa" and x.size > MAX_BCA_N:
        raise InferenceError(f"BCa needs n ≤ {MAX_BCA_N:,} (its jackknife is n²); use the percentile method")
    fn = BOOTSTRAP_STATS[stat]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # degenerate resamples: reported below as a message instead
        res = stats.bootstrap(
            (x,), fn, n_resamples=n_resamples, confidence_level=1 - alpha, method=method, vectorized=True, rng=seed
        )
    low, high = float(res.confidence_interval.low), float(res.confidence_interval.high)
    if not (math.isfinite(low) and math.isfinite(high)):
        raise InferenceError(
            f"the {method} bootstrap interval is undefined for this sample (too few distinct resampled values); "
            "try more data, more resamples or the percentile method"
        )
    return BootstrapResult(
        stat, method, float(fn(x)), low, high, alpha, np.asarray(res.bootstrap_distribution, dtype=float),
        float(res.standard_error),
    )  # fmt: skip
