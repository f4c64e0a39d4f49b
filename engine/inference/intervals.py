"""Confidence intervals (one, and a hundred simulated to show coverage) and the power of a test.

A confidence level is a promise about the procedure, not about one interval: :func:`simulate_intervals` draws many
samples so a class can count how many intervals catch the true mean. :func:`power` returns the two sampling
distributions and the rejection region, so α (type I) and β (type II) can be shaded under them.
"""

from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from engine.inference.inputs import InferenceError, as_sample, check_alpha, check_alternative

__all__ = [
    "Interval",
    "IntervalSimulation",
    "PowerResult",
    "MAX_INTERVALS",
    "confidence_interval",
    "simulate_intervals",
    "power",
    "power_density",
]

MAX_INTERVALS = 10_000
MAX_N = 100_000
_SQRT_2PI = np.sqrt(2 * np.pi)  # scipy.stats.norm's own constant


@dataclass(frozen=True)
class Interval:
    """A (1 − α) confidence interval for a mean: ``center ± margin``."""

    low: float
    high: float
    center: float
    margin: float
    kind: str
    df: float | None
    level: float


@dataclass(frozen=True)
class IntervalSimulation:
    """``count`` simulated intervals for a known true mean; ``covers[i]`` says whether interval i caught it."""

    mu: float
    level: float
    means: np.ndarray
    lows: np.ndarray
    highs: np.ndarray
    covers: np.ndarray
    coverage: int

    @property
    def count(self) -> int:
        """How many intervals were simulated."""
        return int(self.means.size)


@dataclass(frozen=True)
class PowerResult:
    """Power of a one-sample test for a standardised effect, with the two distributions of the statistic.

    ``null`` / ``alt`` are ``("norm", loc)`` or ``("t", df)`` / ``("nct", df, nc)`` for :func:`power_density`.
    """

    power: float
    beta: float
    alpha: float
    effect_size: float
    n: int
    kind: str
    alternative: str
    shift: float
    null: tuple
    alt: tuple
    reject_region: tuple[tuple[float, float], ...]
    critical: tuple[float, ...]


def _finite(value: float, field: str) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise InferenceError(f"{field} must be a number, got {value!r}") from None
    if not math.isfinite(value):
        raise InferenceError(f"{field} must be a finite number, got {value}")
    return value


def _sigma(sigma: float | None, field: str = "σ (standard deviation)") -> float:
    if sigma is None:
        raise InferenceError(f"{field} is needed for a z interval (the population σ must be known)")
    sigma = _finite(sigma, field)
    if sigma <= 0:
        raise InferenceError(f"{field} must be greater than 0, got {sigma:g}")
    return sigma


def _sample_size(n: int, lo: int, field: str = "n (sample size)") -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise InferenceError(f"{field} must be a whole number, got {n!r}")
    if not lo <= n <= MAX_N:
        raise InferenceError(f"{field} must be between {lo} and {MAX_N:,}, got {n}")
    return int(n)


def _check_kind(kind: str) -> str:
    if kind not in ("t", "z"):
        raise InferenceError(f"interval kind must be 't' or 'z', got {kind!r}")
    return kind


def confidence_interval(
    data: Iterable[float], alpha: float = 0.05, kind: str = "t", sigma: float | None = None
) -> Interval:
    """(1 − α) confidence interval for the population mean.

    Parameters
    ----------
    data : the sample (t: at least 2 values, not all equal; z: at least 1).
    alpha : 1 − confidence level, in (0, 1).
    kind : "t" (σ estimated by the sample sd) or "z" (σ known, give ``sigma``).
    sigma : the known population standard deviation for ``kind="z"``.

    Returns
    -------
    Interval equal to ``scipy.stats.t.interval(1 − α, n − 1, x̄, s/√n)`` (or ``norm.interval(1 − α, x̄, σ/√n)``).
    """
    from scipy import stats

    kind, alpha = _check_kind(kind), check_alpha(alpha)
    x = as_sample(data, "sample", min_n=2 if kind == "t" else 1, need_spread=kind == "t")
    mean = float(x.mean())
    if kind == "t":
        df = x.size - 1
        margin = float(stats.t.isf(alpha / 2, df) * x.std(ddof=1) / math.sqrt(x.size))
    else:
        df = None
        margin = float(stats.norm.isf(alpha / 2) * _sigma(sigma) / math.sqrt(x.size))
    return Interval(mean - margin, mean + margin, mean, margin, kind, df, 1 - alpha)


MAX_INTERVAL_DRAWS = 2_000_000


def simulate_intervals(
    mu: float, sigma: float, n: int, alpha: float = 0.05, count: int = 100, seed: int = 0, kind: str = "t"
) -> IntervalSimulation:
    """Draw ``count`` samples of size ``n`` from N(μ, σ²) and build each one's confidence interval.

    Parameters
    ----------
    mu, sigma : the true mean and standard deviation (σ > 0).
    n : sample size (t: at least 2).
    alpha : 1 − confidence level, in (0, 1); about (1 − α)·count intervals should cover μ.
    count : how many intervals (1 … 10 000).
    seed : seed of ``numpy.random.default_rng``; samples are ``rng.normal(mu, sigma, (count, n))``.
    kind : "t" (sd estimated from each sample) or "z" (σ known).

    Returns
    -------
    IntervalSimulation with each interval's mean, ends and whether it covers μ, and the coverage count.
    """
    from scipy import stats

    mu, sigma = _finite(mu, "μ (true mean)"), _sigma(sigma)
    kind, alpha = _check_kind(kind), check_alpha(alpha)
    n = _sample_size(n, 2 if kind == "t" else 1)
    if isinstance(count, bool) or not isinstance(count, (int, np.integer)) or not 1 <= count <= MAX_INTERVALS:
        raise InferenceError(f"number of intervals must be a whole number from 1 to {MAX_INTERVALS:,}, got {count!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise InferenceError(f"seed must be a whole number ≥ 0, got {seed!r}")
    if count * n > MAX_INTERVAL_DRAWS:  # drawn on every edit of the tab: more would hold the window for a second
        raise InferenceError(
            f"{count} intervals of n = {n} is {count * n:,} draws, more than the {MAX_INTERVAL_DRAWS:,} a frame "
            "allows; lower n or the number of intervals"
        )
    samples = np.random.default_rng(int(seed)).normal(mu, sigma, (int(count), n))
    means = samples.mean(axis=1)
    if kind == "t":
        margin = stats.t.isf(alpha / 2, n - 1) * samples.std(axis=1, ddof=1) / math.sqrt(n)
    else:
        margin = np.full(means.shape, stats.norm.isf(alpha / 2) * sigma / math.sqrt(n))
    lows, highs = means - margin, means + margin
    covers = (lows <= mu) & (mu <= highs)
    return IntervalSimulation(mu, 1 - alpha, means, lows, highs, covers, int(covers.sum()))


def power(
    effect_size: float, n: int, alpha: float = 0.05, alternative: str = "two-sided", kind: str = "z"
) -> PowerResult:
    """Power of a one-sample z- or t-test to detect a standardised effect d = (μ₁ − μ₀)/σ with n observations.

    Parameters
    ----------
    effect_size : Cohen's d (any finite number; 0 gives power = α).
    n : sample size (z: ≥ 1, t: ≥ 2).
    alpha : significance level in (0, 1).
    alternative : "two-sided", "less" or "greater".
    kind : "z" (normal null, alternative shifted by d√n) or "t" (t null, noncentral t alternative, nc = d√n).

    Returns
    -------
    PowerResult with power = P(reject | H1), β = 1 − power, both distributions and the rejection region.
    """
    from scipy import stats

    d = _finite(effect_size, "effect size d")
    if abs(d) > 100:
        raise InferenceError(f"effect size d must be between −100 and 100, got {d:g}")
    kind, alpha, alternative = _check_kind(kind), check_alpha(alpha), check_alternative(alternative)
    n = _sample_size(n, 2 if kind == "t" else 1)
    shift = d * math.sqrt(n)
    # No frozen distributions (freezing costs milliseconds) and, for z, the special functions scipy.stats.norm
    # calls itself (same numbers, without ~70 µs of argument checking per call): all paid on every slider step.
    df = n - 1
    if kind == "z":
        from scipy import special

        null, alt = ("norm", 0.0), ("norm", shift)

        def ppf0(q):
            return special.ndtri(q)

        def isf0(q):
            return -special.ndtri(q)

        def cdf1(x):
            return special.ndtr(x - shift)

        def sf1(x):
            return special.ndtr(-(x - shift))
    else:
        null, alt = ("t", float(df)), ("nct", float(df), shift)

        def ppf0(q):
            return _t_quantile("ppf", q, df)

        def isf0(q):
            return _t_quantile("isf", q, df)

        def cdf1(x):
            return _nct_tail(stats.nct.cdf, stats.nct.sf, x, df, shift)

        def sf1(x):
            return _nct_tail(stats.nct.sf, stats.nct.cdf, x, df, shift)

    if alternative == "less":
        c = float(ppf0(alpha))
        region, pw = ((-math.inf, c),), float(cdf1(c))
    elif alternative == "greater":
        c = float(isf0(alpha))
        region, pw = ((c, math.inf),), float(sf1(c))
    else:
        c = float(isf0(alpha / 2))
        region, pw = ((-math.inf, -c), (c, math.inf)), float(cdf1(-c) + sf1(c))
    pw = min(max(pw, 0.0), 1.0)
    critical = tuple(x for lo, hi in region for x in (lo, hi) if math.isfinite(x))
    return PowerResult(pw, 1 - pw, alpha, d, n, kind, alternative, shift, null, alt, region, critical)


@functools.lru_cache(maxsize=256)
def _t_quantile(side: str, q: float, df: int) -> float:
    """``stats.t.ppf`` or ``.isf`` of ``q``: a drag over d asks for the same critical value at every step."""
    from scipy import stats

    return float(getattr(stats.t, side)(q, df))


def power_density(dist: tuple, x: np.ndarray) -> np.ndarray:
    """Density of ``PowerResult.null`` or ``.alt`` at ``x`` (for drawing the two curves).

    Parameters
    ----------
    dist : ``("norm", loc)``, ``("t", df)`` or ``("nct", df, nc)``.
    x : points.

    Returns
    -------
    Array like ``x``.
    """
    from scipy import stats

    x = np.asarray(x, dtype=float)
    if dist[0] == "norm":  # stats.norm.pdf(x, loc)'s own formula, without its argument checks (once per step)
        return np.exp(-((x - dist[1]) ** 2) / 2.0) / _SQRT_2PI
    if dist[0] == "t":
        return stats.t.pdf(x, dist[1])
    if dist[0] == "nct":
        return _nct_pdf(x, dist[1], dist[2])
    raise InferenceError(f"unknown distribution {dist[0]!r}")


def _nct_pdf(x: np.ndarray, df: float, nc: float) -> np.ndarray:
    """Noncentral t density, overflow-safe: scipy's gamma terms overflow far from nc once nc is large (d·√n ≈ 500).

    Points more than 40 spreads from nc get 0 (their density is below 1e-300); should scipy still overflow, the
    normal approximation N(nc, 1 + nc²/(2·df)) of a large-df noncentral t is drawn instead.
    """
    from scipy import stats

    spread = math.sqrt(1.0 + nc * nc / (2.0 * df))
    out = np.zeros_like(x)
    near = np.abs(x - nc) <= 40.0 * spread
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # boost's quadrature warns where the density underflows
        try:
            out[near] = stats.nct.pdf(x[near], df, nc)
        except OverflowError:
            out[near] = stats.norm.pdf(x[near], loc=nc, scale=spread)
    return np.nan_to_num(out, nan=0.0, posinf=0.0, neginf=0.0)


def _nct_tail(tail, other, x: float, df: float, nc: float) -> float:
    """One tail of the noncentral t; where scipy returns nan far out in a tail, 1 − the other tail (or 0)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        value = float(tail(x, df, nc))
        if not math.isfinite(value):
            rest = float(other(x, df, nc))
            value = 1.0 - rest if math.isfinite(rest) else 0.0
    return min(max(value, 0.0), 1.0)
