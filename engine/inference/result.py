"""What every classical test returns: the TestResult, its regions, verdict and rule in words, and shared checks.

Split out of :mod:`engine.inference.parametric` so the t/z tests and the count tests build their results the same way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine.i18n import localize, translate
from engine.inference.inputs import InferenceError

__all__ = [
    "TestResult",
    "Region",
    "format_p",
    "format_stat",
    "continuous_regions",
    "alternative_text",
    "make_result",
    "check_finite",
    "normal_p_value",
    "p_phrase",
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


def format_stat(x: float) -> str:
    """A test statistic as shown in readouts (4 significant digits)."""
    return f"{x:.4g}"


def continuous_regions(dist, stat: float, alternative: str, alpha: float, *args: float) -> tuple[Region, Region]:
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
        text = translate(
            "inference",
            "p = {0} ≤ α = {1}: reject H₀ ({2}). Data this extreme would be rare if H₀ were true, so the data support "
            "H₁ ({3}).",
        ).format(localize(format_p(p)), localize(f"{alpha:g}"), h0, h1)
    else:
        text = translate(
            "inference",
            "p = {0} > α = {1}: do not reject H₀ ({2}). The data are consistent with H₀ — which is not the same as "
            "proving it.",
        ).format(localize(format_p(p)), localize(f"{alpha:g}"), h0)
    return reject, p_phrase(text)


def p_phrase(text: str) -> str:
    """"p = < 1e-300" (a p-value below the smallest one printed) written as "p < 1e-300"."""
    return text.replace("p = < ", "p < ")


def alternative_text(param: str, value: str, alternative: str) -> str:
    """H₁ in symbols for a parameter, a null value and an alternative, e.g. "μ ≠ 0"."""
    op = {"two-sided": "≠", "less": "<", "greater": ">"}[alternative]
    return f"{param} {op} {value}"


def make_result(name, symbol, stat, df, p, alternative, alpha, null, regions, h0, h1, estimate, label, notes=()):
    """Assemble a :class:`TestResult` (verdict, rejection rule) from what a test computed."""
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
        return translate("inference", "reject H₀ when |{0}| ≥ {1}").format(symbol, localize(f"{region[1][0]:.4g}"))
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
    if not parts:
        return translate("inference", "H₀ is never rejected at this α")
    return translate("inference", "reject H₀ when {0}").format(translate("inference", " or ").join(parts))


def check_finite(value: float, field: str) -> float:
    """``value`` as a finite float, or an InferenceError naming ``field``."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise InferenceError(f"{field} must be a number, got {value!r}") from None
    if not math.isfinite(value):
        raise InferenceError(f"{field} must be a finite number, got {value}")
    return value


def normal_p_value(z: float, alternative: str) -> float:
    """The p-value of a z statistic under the standard normal null for ``alternative``."""
    from scipy import stats

    if alternative == "less":
        return float(stats.norm.cdf(z))
    if alternative == "greater":
        return float(stats.norm.sf(z))
    return float(min(1.0, 2 * stats.norm.sf(abs(z))))
