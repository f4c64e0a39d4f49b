"""Tests on counts: one proportion (z or exact binomial), two proportions (A/B) and chi-square goodness of fit.

Re-exported by :mod:`engine.inference.parametric`; the numbers come from ``scipy.stats`` wherever scipy has the test.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

import numpy as np

from engine.inference.inputs import InferenceError, as_sample, check_alpha, check_alternative
from engine.inference.result import (
    INF,
    Region,
    TestResult,
    alternative_text,
    check_finite,
    continuous_regions,
    format_stat,
    make_result,
    normal_p_value,
)

__all__ = ["proportion_test", "chi2_gof", "two_proportion_test", "binomial_reject_region"]


def _check_count(k, field: str, lo: int = 0, hi: int | None = None) -> int:
    try:
        value = float(k)
    except (TypeError, ValueError):
        raise InferenceError(f"{field} must be a whole number, got {k!r}") from None
    if not math.isfinite(value) or value != int(value):
        raise InferenceError(f"{field} must be a whole number, got {k!r}")
    value = int(value)
    if value < lo:
        raise InferenceError(f"{field} must be at least {lo}, got {value}")
    if hi is not None and value > hi:
        raise InferenceError(f"{field} must be at most {hi}, got {value}")
    return value


def _check_p0(p0: float, field: str = "p₀ (proportion under H₀)") -> float:
    p0 = check_finite(p0, field)
    if not 0.0 < p0 < 1.0:
        raise InferenceError(f"{field} must be strictly between 0 and 1, got {p0:g}")
    return p0


def proportion_test(
    successes: int,
    n: int,
    p0: float = 0.5,
    alternative: str = "two-sided",
    alpha: float = 0.05,
    exact: bool = False,
) -> TestResult:
    """Test H0: success probability = ``p0`` from ``successes`` out of ``n`` trials.

    Parameters
    ----------
    successes, n : counts, 0 ≤ successes ≤ n, n ≥ 1.
    p0 : proportion under H0, strictly between 0 and 1.
    alternative, alpha : as for :func:`one_sample_t`.
    exact : use the exact binomial test (``scipy.stats.binomtest``) instead of the normal-approximation z-test.

    Returns
    -------
    TestResult: z with a standard-normal null, or (exact) the count k with a ``("binom", n, p0)`` null.
    """
    from scipy import stats

    n = _check_count(n, "n (number of trials)", lo=1)
    k = _check_count(successes, "successes", lo=0, hi=n)
    p0 = _check_p0(p0)
    alpha, alternative = check_alpha(alpha), check_alternative(alternative)
    h0, h1 = f"p = {format_stat(p0)}", alternative_text("p", format_stat(p0), alternative)
    if exact:
        p = stats.binomtest(k, n, p0, alternative=alternative).pvalue
        regions = _binomial_regions(n, p0, k, alternative, alpha)
        return make_result(
            "Exact binomial test", "k", k, None, p, alternative, alpha, ("binom", float(n), p0), regions,
            h0, h1, k / n, "sample proportion k/n",
        )  # fmt: skip
    notes = []
    if n * p0 < 10 or n * (1 - p0) < 10:
        notes.append("n·p₀ or n·(1−p₀) is below 10: the normal approximation is rough; try the exact binomial test.")
    z = (k / n - p0) / math.sqrt(p0 * (1 - p0) / n)
    p = normal_p_value(z, alternative)
    regions = continuous_regions(stats.norm, float(z), alternative, alpha)
    return make_result(
        "One-proportion z-test", "z", z, None, p, alternative, alpha, ("norm",), regions, h0, h1, k / n,
        "sample proportion k/n", notes,
    )  # fmt: skip


BINOM_WINDOW_SD = 40  # counts further than this many standard deviations from n·p₀ carry less than 1e-300 of mass


def _binomial_regions(n: int, p0: float, k: int, alternative: str, alpha: float) -> tuple[Region, Region]:
    """Rejection and as-extreme sets of counts for the exact test, as half-integer-padded intervals.

    Only counts within ``BINOM_WINDOW_SD`` standard deviations of n·p₀ are weighed (a few thousand even for n = 10⁷,
    so the window never freezes); beyond them a run is extended to ±inf, which the mass out there cannot change.
    """
    from scipy import stats

    lo, hi, ks, _pvals = _binomial_weights(n, p0, alternative)
    reject = binomial_reject_region(n, p0, alternative, alpha)
    if alternative == "less":
        extreme = ((-0.5, k + 0.5),)
    elif alternative == "greater":
        extreme = ((k - 0.5, n + 0.5),)
    elif not lo <= k <= hi:  # k lies far out in a tail: that tail from k outward
        extreme = ((k - 0.5, INF),) if k > hi else ((-INF, k + 0.5),)
    else:
        dist = stats.binom(n, p0)
        extreme = _runs(ks[dist.pmf(ks) <= dist.pmf(k) * (1 + 1e-7)])
        extreme = _open_ends(extreme, lo if lo > 0 else -1, hi if hi < n else n + 1)  # open only a truncated end
    return reject, extreme


def binomial_reject_region(n: int, p0: float, alternative: str, alpha: float) -> Region:
    """The exact binomial test's rejection region at level ``alpha`` (the counts whose p-value is at most α).

    Parameters
    ----------
    n, p0, alternative : as for :func:`proportion_test`.
    alpha : significance level in (0, 1).

    Returns
    -------
    Half-integer-padded intervals of counts (±inf at an open end of the weighed window).
    """
    lo, hi, ks, pvals = _binomial_weights(n, p0, alternative)
    return _open_ends(_runs(ks[pvals <= alpha]), lo, hi)


@functools.lru_cache(maxsize=16)
def _binomial_weights(n: int, p0: float, alternative: str) -> tuple[int, int, np.ndarray, np.ndarray]:
    """The weighed window of counts and each count's p-value: the same for every α (an α drag reads them again)."""
    from scipy import stats

    half = BINOM_WINDOW_SD * math.sqrt(n * p0 * (1 - p0)) + 50
    lo, hi = max(0, math.floor(n * p0 - half)), min(n, math.ceil(n * p0 + half))
    ks = np.arange(lo, hi + 1)
    dist = stats.binom(n, p0)
    if alternative == "less":
        pvals = dist.cdf(ks)
    elif alternative == "greater":
        pvals = dist.sf(ks - 1)
    else:
        # scipy's two-sided rule: sum the probabilities of counts no more likely than the observed one
        pmf = dist.pmf(ks)
        order = np.sort(pmf)
        cum = np.cumsum(order)
        pvals = np.minimum(1.0, cum[np.searchsorted(order, pmf * (1 + 1e-7), side="right") - 1])
    ks.flags.writeable = pvals.flags.writeable = False  # shared by every α: nobody may change them
    return lo, hi, ks, pvals


def _open_ends(region: Region, lo: int, hi: int) -> Region:
    """Runs touching the weighed window's ends extend to ∓inf, so only inner boundaries count as critical values."""
    out = list(region)
    if out and out[0][0] <= lo - 0.5:
        out[0] = (-INF, out[0][1])
    if out and out[-1][1] >= hi + 0.5:
        out[-1] = (out[-1][0], INF)
    return tuple(out)


def _runs(ks: np.ndarray) -> Region:
    """Group sorted integers into ``(k_lo − ½, k_hi + ½)`` intervals so bars can be shaded whole."""
    out: list[tuple[float, float]] = []
    for k in ks.tolist():
        if out and k - 0.5 <= out[-1][1] + 1e-9:
            out[-1] = (out[-1][0], k + 0.5)
        else:
            out.append((k - 0.5, k + 0.5))
    return tuple(out)


def chi2_gof(
    observed: Iterable[float],
    expected: Iterable[float] | None = None,
    proportions: Iterable[float] | None = None,
    alpha: float = 0.05,
) -> TestResult:
    """Chi-square goodness-of-fit test of observed category counts against expected counts or proportions.

    Parameters
    ----------
    observed : whole, non-negative counts for at least 2 categories (not all zero).
    expected : expected counts (positive, same total as ``observed``); or
    proportions : expected proportions (positive, summing to 1). Neither given: all categories equally likely.
    alpha : significance level in (0, 1).

    Returns
    -------
    TestResult with χ² and df = categories − 1 (always upper-tailed); equal to ``scipy.stats.chisquare``.
    """
    from scipy import stats

    obs = as_sample(observed, "observed counts", min_n=2)
    if np.any(obs < 0):
        raise InferenceError(f"observed counts must not be negative (found {obs[obs < 0][0]:g})")
    if np.any(obs != np.round(obs)):
        raise InferenceError(f"observed counts must be whole numbers (found {obs[obs != np.round(obs)][0]:g})")
    total = obs.sum()
    if total == 0:
        raise InferenceError("observed counts are all zero: there is nothing to test")
    alpha = check_alpha(alpha)
    if expected is not None and proportions is not None:
        raise InferenceError("give expected counts or expected proportions, not both")
    if proportions is not None:
        prop = as_sample(proportions, "expected proportions", min_n=1)
        if abs(prop.sum() - 1.0) > 1e-6:
            raise InferenceError(f"expected proportions must sum to 1, they sum to {prop.sum():.6g}")
        exp, field = prop * total, "expected proportions"
    elif expected is not None:
        exp, field = as_sample(expected, "expected counts", min_n=1), "expected counts"
        if abs(exp.sum() - total) > 1e-8 * max(total, 1.0):
            raise InferenceError(
                f"expected counts sum to {exp.sum():.6g} but observed counts sum to {total:.6g}; "
                "they must have the same total (or give proportions that sum to 1)"
            )
    else:
        exp, field = np.full(obs.size, total / obs.size), "expected counts"
    if exp.size != obs.size:
        raise InferenceError(f"{field} has {exp.size} categories but observed counts has {obs.size}")
    if np.any(exp <= 0):
        raise InferenceError(f"{field} must all be greater than 0 (a category with nothing expected cannot be tested)")
    res = stats.chisquare(obs, exp)
    df = obs.size - 1
    notes = []
    if np.any(exp < 5):
        notes.append("some expected counts are below 5: the chi-square approximation may be poor.")
    regions = continuous_regions(stats.chi2, float(res.statistic), "greater", alpha, df)
    return make_result(
        "Chi-square goodness of fit", "χ²", res.statistic, df, res.pvalue, "greater", alpha, ("chi2", float(df)),
        regions, "counts follow the expected proportions", "counts do not follow them", res.statistic,
        "χ² = Σ (O − E)² / E", notes,
    )  # fmt: skip


def two_proportion_test(
    x1: int, n1: int, x2: int, n2: int, alternative: str = "two-sided", alpha: float = 0.05
) -> TestResult:
    """A/B test of two proportions: pooled z-test of H0: p_A = p_B.

    Parameters
    ----------
    x1, n1 : successes and trials of group A (0 ≤ x1 ≤ n1, n1 ≥ 1).
    x2, n2 : the same for group B.
    alternative : "two-sided", "less" (p_A < p_B) or "greater".
    alpha : significance level in (0, 1).

    Returns
    -------
    TestResult with z = (p̂_A − p̂_B) / √(p̂(1 − p̂)(1/n1 + 1/n2)), p̂ the pooled proportion; two-sided z² equals the
    uncorrected 2×2 chi-square statistic.
    """
    from scipy import stats

    n1 = _check_count(n1, "n_A (visitors in group A)", lo=1)
    x1 = _check_count(x1, "conversions in group A", lo=0, hi=n1)
    n2 = _check_count(n2, "n_B (visitors in group B)", lo=1)
    x2 = _check_count(x2, "conversions in group B", lo=0, hi=n2)
    alpha, alternative = check_alpha(alpha), check_alternative(alternative)
    pooled = (x1 + x2) / (n1 + n2)
    if pooled in (0.0, 1.0):
        raise InferenceError("both groups have all successes or all failures: the pooled z statistic is undefined")
    p1, p2 = x1 / n1, x2 / n2
    z = (p1 - p2) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    p = normal_p_value(z, alternative)
    regions = continuous_regions(stats.norm, float(z), alternative, alpha)
    return make_result(
        "A/B test (two proportions)", "z", z, None, p, alternative, alpha, ("norm",), regions, "p_A = p_B",
        alternative_text("p_A", "p_B", alternative), p1 - p2, "difference of proportions A − B",
    )  # fmt: skip
