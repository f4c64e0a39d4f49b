"""Classical hypothesis tests (t, z, proportions, chi-square) as frozen results the lab can draw and explain.

Each test returns a :class:`TestResult` carrying the statistic, its null distribution, the rejection region for α and
the region as extreme as the observed statistic, so the GUI only shades what the engine computed. The numbers come
from ``scipy.stats`` wherever scipy has the test, so they agree with it to numerical precision.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable

import numpy as np

from engine.inference.counts import chi2_gof, proportion_test, two_proportion_test
from engine.inference.inputs import InferenceError, as_sample, check_alpha, check_alternative
from engine.inference.result import (
    TestResult,
    alternative_text,
    check_finite,
    continuous_regions,
    format_p,
    format_stat,
    make_result,
    normal_p_value,
)

__all__ = [
    "TestResult",
    "one_sample_t",
    "two_sample_t",
    "z_test",
    "proportion_test",
    "chi2_gof",
    "two_proportion_test",
    "null_density",
    "format_p",
]


def one_sample_t(
    data: Iterable[float], mu0: float = 0.0, alternative: str = "two-sided", alpha: float = 0.05
) -> TestResult:
    """One-sample t-test of H0: population mean = ``mu0`` (σ unknown, estimated by the sample).

    Parameters
    ----------
    data : the sample (at least 2 finite values, not all equal).
    mu0 : the mean under H0.
    alternative : "two-sided", "less" or "greater".
    alpha : significance level in (0, 1).

    Returns
    -------
    TestResult with ``statistic`` t and ``df`` = n − 1; equal to ``scipy.stats.ttest_1samp``.
    """
    from scipy import stats

    x = as_sample(data, "sample", min_n=2, need_spread=True)
    mu0 = check_finite(mu0, "μ₀ (mean under H₀)")
    alpha, alternative = check_alpha(alpha), check_alternative(alternative)
    scale = _power_of_two_scale(x, mu0)  # t is scale-free: scaling first keeps 1e-300 or 1e308 data from under/overflow
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # scipy's "nearly identical data" warning: t still holds
        res = stats.ttest_1samp(x / scale, mu0 / scale, alternative=alternative)
    _check_statistic(res.statistic, "the sample's spread is too small next to x̄ − μ₀")
    df = x.size - 1
    h0 = f"μ = {format_stat(mu0)}"
    regions = continuous_regions(stats.t, float(res.statistic), alternative, alpha, df)
    return make_result(
        "One-sample t-test", "t", res.statistic, df, res.pvalue, alternative, alpha, ("t", float(df)), regions,
        h0, alternative_text("μ", format_stat(mu0), alternative), x.mean(), "sample mean x̄",
    )  # fmt: skip


def two_sample_t(
    a: Iterable[float],
    b: Iterable[float],
    equal_var: bool = False,
    alternative: str = "two-sided",
    alpha: float = 0.05,
) -> TestResult:
    """Two-sample t-test of H0: mean(A) = mean(B); Welch's by default, pooled variance with ``equal_var=True``.

    Parameters
    ----------
    a, b : the two samples (each at least 2 finite values).
    equal_var : pool the variances (Student) instead of Welch's unequal-variance test.
    alternative : "two-sided", "less" (mean A < mean B) or "greater".
    alpha : significance level in (0, 1).

    Returns
    -------
    TestResult with t and its (Welch–Satterthwaite) df; equal to ``scipy.stats.ttest_ind``.
    """
    from scipy import stats

    x = as_sample(a, "sample A", min_n=2)
    y = as_sample(b, "sample B", min_n=2)
    alpha, alternative = check_alpha(alpha), check_alternative(alternative)
    scale = _power_of_two_scale(np.concatenate([x, y]))  # scale before squaring: ±1e308 data must not overflow
    x, y = x / scale, y / scale
    if np.all(x == x[0]) and np.all(y == y[0]):
        raise InferenceError("sample A and sample B both have zero variance: the t statistic is undefined")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # scipy's "nearly identical data" warning: t still holds
        res = stats.ttest_ind(x, y, equal_var=equal_var, alternative=alternative)
    _check_statistic(res.statistic, "the samples' spread is too small next to the difference of their means")
    na, nb = x.size, y.size
    if equal_var:
        df = na + nb - 2.0
    else:
        qa, qb = x.var(ddof=1) / na, y.var(ddof=1) / nb
        df = (qa + qb) ** 2 / (qa**2 / (na - 1) + qb**2 / (nb - 1))
    name = "Two-sample t-test (pooled)" if equal_var else "Welch two-sample t-test"
    regions = continuous_regions(stats.t, float(res.statistic), alternative, alpha, df)
    return make_result(
        name, "t", res.statistic, df, res.pvalue, alternative, alpha, ("t", float(df)), regions,
        "μ_A = μ_B", alternative_text("μ_A", "μ_B", alternative), _difference(x, y, scale),
        "difference of means x̄_A − x̄_B",
    )  # fmt: skip


def _power_of_two_scale(x: np.ndarray, *more: float) -> float:
    """A power of two near the largest magnitude, so dividing by it is exact and squares neither under- nor overflow."""
    big = max([float(np.max(np.abs(x))) if x.size else 0.0, *(abs(v) for v in more)])
    return math.ldexp(1.0, math.frexp(big)[1] - 1) if big > 0 else 1.0


def _check_statistic(stat: float, why: str) -> None:
    if not math.isfinite(float(stat)):
        raise InferenceError(f"the t statistic is undefined: {why}")


def _difference(x: np.ndarray, y: np.ndarray, scale: float) -> float:
    """x̄_A − x̄_B of scaled samples, back in the data's units (inf when it is beyond the largest float)."""
    with np.errstate(over="ignore"):
        diff = float((x.mean() - y.mean()) * scale)
    if not math.isfinite(diff):
        raise InferenceError("the difference of the means is beyond the largest number a float holds (about 1.8e308)")
    return diff


def z_test(
    data: Iterable[float], mu0: float = 0.0, sigma: float = 1.0, alternative: str = "two-sided", alpha: float = 0.05
) -> TestResult:
    """One-sample z-test of H0: mean = ``mu0`` when the population σ is known.

    Parameters
    ----------
    data : the sample (at least 1 finite value).
    mu0 : the mean under H0.
    sigma : the known population standard deviation (> 0).
    alternative, alpha : as for :func:`one_sample_t`.

    Returns
    -------
    TestResult with z = (x̄ − μ₀)/(σ/√n) and a standard-normal null.
    """
    from scipy import stats

    x = as_sample(data, "sample", min_n=1)
    mu0 = check_finite(mu0, "μ₀ (mean under H₀)")
    sigma = check_finite(sigma, "σ (known standard deviation)")
    if sigma <= 0:
        raise InferenceError(f"σ (known standard deviation) must be greater than 0, got {sigma:g}")
    alpha, alternative = check_alpha(alpha), check_alternative(alternative)
    z = (x.mean() - mu0) / (sigma / math.sqrt(x.size))
    p = normal_p_value(z, alternative)
    regions = continuous_regions(stats.norm, float(z), alternative, alpha)
    return make_result(
        "z-test (known σ)", "z", z, None, p, alternative, alpha, ("norm",), regions,
        f"μ = {format_stat(mu0)}", alternative_text("μ", format_stat(mu0), alternative), x.mean(), "sample mean x̄",
    )  # fmt: skip


def null_density(null: tuple, x: np.ndarray) -> np.ndarray:
    """Density (or probability mass, for ``binom``) of a :class:`TestResult` null distribution at ``x``.

    Parameters
    ----------
    null : ``TestResult.null``.
    x : points to evaluate (integers for ``binom``).

    Returns
    -------
    Array of the same shape as ``x``.
    """
    from scipy import stats

    kind = null[0]
    x = np.asarray(x, dtype=float)
    if kind == "t":
        return stats.t.pdf(x, null[1])
    if kind == "norm":
        return stats.norm.pdf(x)
    if kind == "chi2":
        return stats.chi2.pdf(x, null[1])
    if kind == "binom":
        return stats.binom.pmf(np.round(x), int(null[1]), null[2])
    raise InferenceError(f"unknown null distribution {kind!r}")
