"""Classical hypothesis tests (t, z, proportions, chi-square) as frozen results the lab can draw and explain.

Each test returns a :class:`TestResult` carrying the statistic, its null distribution, the rejection region for α and
the region as extreme as the observed statistic, so the GUI only shades what the engine computed. The numbers come
from ``scipy.stats`` wherever scipy has the test, so they agree with it to numerical precision.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from engine.inference_input import InferenceError, as_sample, check_alpha, check_alternative

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

INF = math.inf
Region = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class TestResult:
    """One test's outcome, with what the GUI needs to draw its null distribution and shaded areas.

    ``null`` names the statistic's distribution under H0: ``("t", df)``, ``("norm",)``, ``("chi2", df)`` or
    ``("binom", n, p)``. ``reject_region`` and ``p_region`` are unions of closed intervals of the statistic (±inf at
    open ends); ``critical`` lists the finite ends of the rejection region.
    """

    __test__ = False  # not a pytest test class, despite the name

    name: str
    symbol: str
    statistic: float
    df: float | None
    p_value: float
    alternative: str
    alpha: float
    reject: bool
    verdict: str
    null: tuple
    critical: tuple[float, ...]
    reject_region: Region
    p_region: Region
    h0: str
    h1: str
    estimate: float
    estimate_label: str
    notes: tuple[str, ...] = ()
    reject_rule: str = ""


def format_p(p: float) -> str:
    """A p-value written for people: three significant digits, scientific below 0.001."""
    if p >= 0.001:
        return f"{p:.3g}"
    if p == 0.0:
        return "< 1e-300"
    return f"{p:.2e}"


def _fmt(x: float) -> str:
    return f"{x:.4g}"


def _continuous_regions(dist, stat: float, alternative: str, alpha: float, *args: float) -> tuple[Region, Region]:
    """Rejection region and as-extreme region for a continuous statistic (symmetric nulls for two-sided).

    ``dist`` is an unfrozen scipy distribution and ``args`` its shape parameters (freezing costs milliseconds,
    which an α-slider drag would pay on every step).
    """
    if alternative == "less":
        return ((-INF, float(dist.ppf(alpha, *args))),), ((-INF, stat),)
    if alternative == "greater":
        return ((float(dist.isf(alpha, *args)), INF),), ((stat, INF),)
    c = float(dist.isf(alpha / 2, *args))
    s = abs(stat)
    return ((-INF, -c), (c, INF)), ((-INF, -s), (s, INF))


def _finite_ends(region: Region) -> tuple[float, ...]:
    return tuple(x for lo, hi in region for x in (lo, hi) if math.isfinite(x))


def _verdict(p: float, alpha: float, h0: str, h1: str) -> tuple[bool, str]:
    reject = bool(p <= alpha)
    if reject:
        text = (
            f"p = {format_p(p)} ≤ α = {alpha:g}: reject H₀ ({h0}). Data this extreme would be rare if H₀ were true, "
            f"so the data support H₁ ({h1})."
        )
    else:
        text = (
            f"p = {format_p(p)} > α = {alpha:g}: do not reject H₀ ({h0}). The data are consistent with H₀ — "
            "which is not the same as proving it."
        )
    return reject, text


def _h1(param: str, value: str, alternative: str) -> str:
    op = {"two-sided": "≠", "less": "<", "greater": ">"}[alternative]
    return f"{param} {op} {value}"


def _result(name, symbol, stat, df, p, alternative, alpha, null, regions, h0, h1, estimate, label, notes=()):
    reject, verdict = _verdict(p, alpha, h0, h1)
    reject_region, p_region = regions
    rule = _reject_rule(symbol, reject_region, discrete=null[0] == "binom")
    return TestResult(
        name=name,
        symbol=symbol,
        statistic=float(stat),
        df=None if df is None else float(df),
        p_value=float(p),
        alternative=alternative,
        alpha=float(alpha),
        reject=reject,
        verdict=verdict,
        null=null,
        critical=_finite_ends(reject_region),
        reject_region=reject_region,
        p_region=p_region,
        h0=h0,
        h1=h1,
        estimate=float(estimate),
        estimate_label=label,
        notes=tuple(notes),
        reject_rule=rule,
    )


def _reject_rule(symbol: str, region: Region, discrete: bool) -> str:
    """The rejection region in words, e.g. "|t| ≥ 2.093", "z ≤ −1.645" or "k ≤ 15 or k ≥ 30"."""
    parts = []
    if not discrete and len(region) == 2 and math.isclose(-region[0][1], region[1][0]):
        return f"reject H₀ when |{symbol}| ≥ {region[1][0]:.4g}"
    for lo, hi in region:
        if discrete:
            if lo == -INF:
                parts.append(f"{symbol} ≤ {math.floor(hi)}")
            elif hi == INF:
                parts.append(f"{symbol} ≥ {math.ceil(lo)}")
            else:
                parts.append(f"{math.ceil(lo)} ≤ {symbol} ≤ {math.floor(hi)}")
        else:
            parts.append(f"{symbol} ≤ {hi:.4g}" if lo == -INF else f"{symbol} ≥ {lo:.4g}")
    return "reject H₀ when " + " or ".join(parts) if parts else "H₀ is never rejected at this α"


def _check_finite(value: float, field: str) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise InferenceError(f"{field} must be a number, got {value!r}") from None
    if not math.isfinite(value):
        raise InferenceError(f"{field} must be a finite number, got {value}")
    return value


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
    mu0 = _check_finite(mu0, "μ₀ (mean under H₀)")
    alpha, alternative = check_alpha(alpha), check_alternative(alternative)
    res = stats.ttest_1samp(x, mu0, alternative=alternative)
    df = x.size - 1
    h0 = f"μ = {_fmt(mu0)}"
    regions = _continuous_regions(stats.t, float(res.statistic), alternative, alpha, df)
    return _result(
        "One-sample t-test", "t", res.statistic, df, res.pvalue, alternative, alpha, ("t", float(df)), regions,
        h0, _h1("μ", _fmt(mu0), alternative), x.mean(), "sample mean x̄",
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
    va, vb = x.var(ddof=1), y.var(ddof=1)
    if va == 0 and vb == 0:
        raise InferenceError("sample A and sample B both have zero variance: the t statistic is undefined")
    res = stats.ttest_ind(x, y, equal_var=equal_var, alternative=alternative)
    na, nb = x.size, y.size
    if equal_var:
        df = na + nb - 2.0
    else:
        qa, qb = va / na, vb / nb
        df = (qa + qb) ** 2 / (qa**2 / (na - 1) + qb**2 / (nb - 1))
    name = "Two-sample t-test (pooled)" if equal_var else "Welch two-sample t-test"
    regions = _continuous_regions(stats.t, float(res.statistic), alternative, alpha, df)
    return _result(
        name, "t", res.statistic, df, res.pvalue, alternative, alpha, ("t", float(df)), regions,
        "μ_A = μ_B", _h1("μ_A", "μ_B", alternative), x.mean() - y.mean(), "difference of means x̄_A − x̄_B",
    )  # fmt: skip


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
    mu0 = _check_finite(mu0, "μ₀ (mean under H₀)")
    sigma = _check_finite(sigma, "σ (known standard deviation)")
    if sigma <= 0:
        raise InferenceError(f"σ (known standard deviation) must be greater than 0, got {sigma:g}")
    alpha, alternative = check_alpha(alpha), check_alternative(alternative)
    z = (x.mean() - mu0) / (sigma / math.sqrt(x.size))
    p = _normal_p(z, alternative)
    regions = _continuous_regions(stats.norm, float(z), alternative, alpha)
    return _result(
        "z-test (known σ)", "z", z, None, p, alternative, alpha, ("norm",), regions,
        f"μ = {_fmt(mu0)}", _h1("μ", _fmt(mu0), alternative), x.mean(), "sample mean x̄",
    )  # fmt: skip


def _normal_p(z: float, alternative: str) -> float:
    from scipy import stats

    if alternative == "less":
        return float(stats.norm.cdf(z))
    if alternative == "greater":
        return float(stats.norm.sf(z))
    return float(min(1.0, 2 * stats.norm.sf(abs(z))))


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
    p0 = _check_finite(p0, field)
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
    h0, h1 = f"p = {_fmt(p0)}", _h1("p", _fmt(p0), alternative)
    if exact:
        p = stats.binomtest(k, n, p0, alternative=alternative).pvalue
        regions = _binomial_regions(n, p0, k, alternative, alpha)
        return _result(
            "Exact binomial test", "k", k, None, p, alternative, alpha, ("binom", float(n), p0), regions,
            h0, h1, k / n, "sample proportion k/n",
        )  # fmt: skip
    notes = []
    if n * p0 < 10 or n * (1 - p0) < 10:
        notes.append("n·p₀ or n·(1−p₀) is below 10: the normal approximation is rough; try the exact binomial test.")
    z = (k / n - p0) / math.sqrt(p0 * (1 - p0) / n)
    p = _normal_p(z, alternative)
    regions = _continuous_regions(stats.norm, float(z), alternative, alpha)
    return _result(
        "One-proportion z-test", "z", z, None, p, alternative, alpha, ("norm",), regions, h0, h1, k / n,
        "sample proportion k/n", notes,
    )  # fmt: skip


def _binomial_regions(n: int, p0: float, k: int, alternative: str, alpha: float) -> tuple[Region, Region]:
    """Rejection and as-extreme sets of counts for the exact test, as half-integer-padded intervals."""
    from scipy import stats

    ks = np.arange(n + 1)
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
    reject = _open_ends(_runs(ks[pvals <= alpha]), n)
    if alternative == "less":
        extreme = ((-0.5, k + 0.5),)
    elif alternative == "greater":
        extreme = ((k - 0.5, n + 0.5),)
    else:
        pmf = dist.pmf(ks)
        extreme = _runs(ks[pmf <= dist.pmf(k) * (1 + 1e-7)])
    return reject, extreme


def _open_ends(region: Region, n: int) -> Region:
    """Runs touching 0 or n extend to ∓inf, so only the inner boundaries count as critical values."""
    out = list(region)
    if out and out[0][0] <= -0.5:
        out[0] = (-INF, out[0][1])
    if out and out[-1][1] >= n + 0.5:
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
    regions = _continuous_regions(stats.chi2, float(res.statistic), "greater", alpha, df)
    return _result(
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
    p = _normal_p(z, alternative)
    regions = _continuous_regions(stats.norm, float(z), alternative, alpha)
    return _result(
        "A/B test (two proportions)", "z", z, None, p, alternative, alpha, ("norm",), regions, "p_A = p_B",
        _h1("p_A", "p_B", alternative), p1 - p2, "difference of proportions A − B",
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
