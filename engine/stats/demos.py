"""Classroom demonstrations: law of large numbers, central limit theorem, QQ plot, bivariate normal (PCA), Bayes coin.

Every function is pure and seeded, returns small arrays ready to plot (downsampled where the input is large) and is
re-exported by :mod:`engine.stats`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.i18n import QT_TRANSLATE_NOOP
from engine.stats import distributions
from engine.stats.distributions import moments
from engine.stats.order_stats import quantiles
from engine.stats.registry import StatsError, bound, validate_params

__all__ = [
    "running_mean",
    "CltResult",
    "clt_means",
    "QQResult",
    "qq_points",
    "BivariateResult",
    "bivariate_normal",
    "CoinPosterior",
    "coin_posterior",
    "MAX_CLT_DRAWS",
]

MAX_CLT_DRAWS = 20_000_000


def running_mean(samples: Any, max_points: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    """Running mean x̄ₖ = (x₁ + … + xₖ)/k, downsampled at log-spaced k so millions of draws plot as a few thousand.

    Parameters
    ----------
    samples : array_like
        Finite numbers, in draw order.
    max_points : int
        Most points returned (always includes k = 1 and k = N).

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        k (1-based counts) and the running mean at those k.
    """
    x = np.asarray(samples, dtype=np.float64).reshape(-1)
    if x.size == 0:
        raise StatsError("draw some samples first: the running mean of nothing is undefined")
    if not np.isfinite(x).all():
        raise StatsError("the sample contains non-finite values")
    n = x.size
    if n <= max_points:
        k = np.arange(1, n + 1)
    else:
        k = np.unique(np.round(np.geomspace(1, n, max_points)).astype(np.int64))
    return k.astype(np.float64), _cumsum_at(x, k) / k


def _cumsum_at(x: np.ndarray, k: np.ndarray, chunk: int = 1 << 16) -> np.ndarray:
    """``np.cumsum(x)[k - 1]`` for increasing 1-based ``k``, bit for bit, without the full-size running sum."""
    out = np.empty(k.size)
    carry, j = 0.0, 0
    for start in range(0, x.size, chunk):
        part = x[start : start + chunk].copy()
        part[0] += carry  # the running total enters first, exactly as one long cumsum adds it
        sums = np.cumsum(part)
        stop = int(np.searchsorted(k, start + part.size, side="right"))
        out[j:stop] = sums[k[j:stop] - 1 - start]
        carry, j = float(sums[-1]), stop
    return out


@dataclass(frozen=True)
class CltResult:
    """Means of ``n`` draws repeated ``reps`` times, with the normal the CLT promises (nan when σ² is not finite)."""

    means: np.ndarray
    n: int
    normal_mean: float
    normal_sd: float
    note: str


def clt_means(name: str, params: Any, n: int, reps: int = 5000, seed: int | None = 0) -> CltResult:
    """Sample means of ``n`` draws, ``reps`` times: their histogram approaches N(μ, σ²/n) as n grows.

    Parameters
    ----------
    name : str
        Registry key of the family the draws come from.
    params : mapping or sequence of (name, value) pairs
        Its parameters.
    n : int
        Draws per mean, 1 … 10 000.
    reps : int
        Number of means, 1 … 200 000 (and n·reps ≤ 20 000 000).
    seed : int or None
        Seed of ``np.random.default_rng``.

    Returns
    -------
    CltResult
        The means and the limiting normal's mean and sd (nan with a note for infinite-variance families).
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= 10_000:
        raise StatsError(f"n (draws per mean) must be a whole number from 1 to 10 000, got {n!r}")
    if isinstance(reps, bool) or not isinstance(reps, (int, np.integer)) or not 1 <= reps <= 200_000:
        raise StatsError(f"the number of means must be a whole number from 1 to 200 000, got {reps!r}")
    if n * reps > MAX_CLT_DRAWS:
        raise StatsError(f"n × repetitions = {n * reps:,} draws; at most {MAX_CLT_DRAWS:,} are allowed")
    values = validate_params(name, params)
    dist = bound(name, values)
    rng = np.random.default_rng(seed)
    means = np.empty(reps)
    # rows of at most SAMPLE_CHUNK draws, as sample() does: scipy's temporaries (x·scale + loc) stay small (4 000
    # means of 50 draws: 3.4 → 2.6 ms, every step of a CLT n drag), and the draws are the same as one big call
    rows = max(1, distributions.SAMPLE_CHUNK // n)
    # a location-scale family's standard draws depend on the seed only: a CLT n step reuses them (the same bits)
    affine = distributions.affine_draws(name, values, n * reps, seed)
    for start in range(0, reps, rows):
        stop = min(reps, start + rows)
        if affine is None:
            draws = np.asarray(dist.rvs(size=(stop - start, n), random_state=rng), dtype=np.float64)
        else:
            z, loc, scale = affine
            draws = z[start * n : stop * n].reshape(stop - start, n) * scale + loc
        means[start:stop] = draws.mean(axis=1)
    mom = moments(name, values)
    if math.isfinite(mom.mean) and math.isfinite(mom.variance):
        mu, sd, note = mom.mean, math.sqrt(mom.variance / n), ""
    else:
        mu, sd = math.nan, math.nan
        note = QT_TRANSLATE_NOOP(
            "stats", "No finite variance: the CLT does not apply (a Cauchy mean is as spread as one draw)."
        )
    return CltResult(means, int(n), mu, sd, note)


@dataclass(frozen=True)
class QQResult:
    """Normal quantiles vs sample quantiles, with the reference line through the quartiles."""

    theoretical: np.ndarray
    sample: np.ndarray
    slope: float
    intercept: float
    r: float


def qq_points(samples: Any, max_points: int = 2000) -> QQResult:
    """Points of a normal QQ plot (Blom positions (i − 3/8)/(N + 1/4)), at most ``max_points`` of them.

    Parameters
    ----------
    samples : array_like
        Finite numbers, at least 3.
    max_points : int
        Cap on returned points; larger samples are read at evenly spaced probabilities.

    Returns
    -------
    QQResult
        Theoretical standard-normal quantiles, matching sample quantiles, the line through the first and third
        quartiles (robust against heavy tails) and the correlation r of the points (≈ 1 for normal data).
    """
    from scipy import special  # deferred: importing scipy costs ~1 s at start-up

    x = np.asarray(samples, dtype=np.float64).reshape(-1)
    if x.size < 3:
        raise StatsError("a QQ plot needs at least 3 samples")
    n = x.size
    if n <= max_points:
        if not np.isfinite(x).all():
            raise StatsError("the sample contains non-finite values")
        probs = (np.arange(1, n + 1) - 0.375) / (n + 0.25)
        sq = np.sort(x)
        q1, q3 = np.quantile(x, [0.25, 0.75])
    else:
        # np.quantile would copy and partition all N values (80 MB for 10⁷ draws, twice); the chunked selection reads
        # them in place, checks finiteness through min/max and returns the same numbers bit for bit.
        probs = (np.linspace(1, n, max_points) - 0.375) / (n + 0.25)
        found = quantiles(x, np.concatenate([probs, [0.25, 0.75]]))
        sq, (q1, q3) = found[:-2], found[-2:]
    tq = special.ndtri(probs)
    z1, z3 = special.ndtri([0.25, 0.75])
    slope = float((q3 - q1) / (z3 - z1))
    intercept = float(q1 - slope * z1)
    big = float(np.max(np.abs(sq)))
    scaled = sq / math.ldexp(1.0, math.frexp(big)[1] - 1) if big > 0 else sq  # r is scale-free: no overflow at 1e200
    sd = float(np.std(scaled))
    r = float(np.corrcoef(tq, scaled)[0, 1]) if sd > 0 else math.nan
    return QQResult(tq, sq, slope, intercept, r)


@dataclass(frozen=True)
class BivariateResult:
    """Correlated normal sample with its covariance, eigen-decomposition (principal axes) and 95 % ellipse."""

    points: np.ndarray
    cov: np.ndarray
    sample_cov: np.ndarray
    eigenvalues: np.ndarray
    eigenvectors: np.ndarray
    ellipse: np.ndarray
    sample_rho: float


def bivariate_normal(
    rho: float, n: int = 1000, seed: int | None = 0, sigma: tuple[float, float] = (1.0, 1.0), level: float = 0.95
) -> BivariateResult:
    """Samples of a bivariate normal with correlation ρ, and the covariance matrix's eigenvectors (PCA).

    Parameters
    ----------
    rho : float
        Correlation, −1 ≤ ρ ≤ 1 (|ρ| = 1 gives a degenerate line; still valid).
    n : int
        Number of points, 1 … 1 000 000.
    seed : int or None
        Seed of ``np.random.default_rng``.
    sigma : (float, float)
        Standard deviations of x and y (> 0).
    level : float
        Probability inside the drawn ellipse (chi-square with 2 degrees of freedom).

    Returns
    -------
    BivariateResult
        Points (n × 2), theoretical and sample covariance, eigenvalues (descending) with unit eigenvectors as
        columns, the ellipse outline (200 × 2) and the sample correlation.
    """
    if not (isinstance(rho, (int, float)) and math.isfinite(rho) and -1.0 <= rho <= 1.0):
        raise StatsError(f"ρ (correlation) must be between −1 and 1, got {rho!r}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= 1_000_000:
        raise StatsError(f"the number of points must be a whole number from 1 to 1 000 000, got {n!r}")
    sx, sy = (float(s) for s in sigma)
    if not (sx > 0 and sy > 0 and math.isfinite(sx) and math.isfinite(sy)):
        raise StatsError(f"the standard deviations must be positive numbers, got {sigma!r}")
    if not 0.0 < level < 1.0:
        raise StatsError(f"the ellipse level must lie strictly between 0 and 1, got {level!r}")
    cov = np.array([[sx * sx, rho * sx * sy], [rho * sx * sy, sy * sy]])
    vals, vecs = np.linalg.eigh(cov)
    order = np.argsort(vals)[::-1]
    vals, vecs = np.clip(vals[order], 0.0, None), vecs[:, order]
    vecs = vecs * np.where(vecs[0] < 0, -1.0, 1.0)  # a fixed sign so the arrows do not flip between frames
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((n, 2))
    points = z @ (vecs * np.sqrt(vals)).T
    sample_cov = np.cov(points, rowvar=False) if n > 1 else np.zeros((2, 2))
    denom = math.sqrt(sample_cov[0, 0] * sample_cov[1, 1])
    sample_rho = float(sample_cov[0, 1] / denom) if denom > 0 else math.nan
    radius = math.sqrt(-2.0 * math.log(1.0 - level))  # chi-square(2) quantile, in closed form
    t = np.linspace(0.0, 2.0 * math.pi, 200)
    circle = np.column_stack([np.cos(t), np.sin(t)]) * radius
    ellipse = circle @ (vecs * np.sqrt(vals)).T
    return BivariateResult(points, cov, sample_cov, vals, vecs, ellipse, sample_rho)


@dataclass(frozen=True)
class CoinPosterior:
    """Beta(α, β) prior → Beta(α + heads, β + tails) posterior, with the MAP, the MLE and the posterior mean."""

    prior_alpha: float
    prior_beta: float
    heads: int
    tails: int
    post_alpha: float
    post_beta: float
    map: float
    mle: float
    post_mean: float
    note: str

    def pdf(self, p: Any, prior: bool = False) -> np.ndarray:
        """Posterior (or prior) density over p ∈ [0, 1]."""
        from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

        a, b = (self.prior_alpha, self.prior_beta) if prior else (self.post_alpha, self.post_beta)
        return np.asarray(st.beta(a, b).pdf(np.asarray(p, dtype=np.float64)), dtype=np.float64)

    def interval(self, level: float = 0.95) -> tuple[float, float]:
        """Equal-tailed credible interval of the posterior."""
        from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

        lo, hi = st.beta(self.post_alpha, self.post_beta).ppf([(1 - level) / 2, (1 + level) / 2])
        return float(lo), float(hi)


def coin_posterior(alpha: float, beta: float, flips: Sequence[int] | str) -> CoinPosterior:
    """Update a Beta(α, β) prior on a coin's heads probability with a flip sequence (1/H = heads, 0/T = tails).

    Parameters
    ----------
    alpha, beta : float
        Prior shape parameters, > 0.
    flips : sequence of 0/1 or str of 'H'/'T'
        The flips seen so far.

    Returns
    -------
    CoinPosterior
        Posterior shapes, MAP (mode; nan when the posterior has no interior mode, with a note), MLE heads/N
        (nan before any flip) and the posterior mean.
    """
    for sym, v in (("α", alpha), ("β", beta)):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v <= 0:
            raise StatsError(f"the prior's {sym} must be a number > 0, got {v!r}")
    if isinstance(flips, str):
        bad = [c for c in flips.upper() if c not in "HT"]
        if bad:
            raise StatsError(f"flips must be H or T, got {bad[0]!r}")
        seq = [1 if c == "H" else 0 for c in flips.upper()]
    else:
        seq = list(flips)
        if any(f not in (0, 1) or isinstance(f, float) and not f.is_integer() for f in seq):
            raise StatsError("flips must be 0 (tails) or 1 (heads)")
    heads = int(sum(seq))
    tails = len(seq) - heads
    a, b = float(alpha) + heads, float(beta) + tails
    note = ""
    if a > 1 and b > 1:
        mode = (a - 1) / (a + b - 2)
    elif a <= 1 and b > 1:
        mode = 0.0
    elif b <= 1 and a > 1:
        mode = 1.0
    else:
        mode = math.nan
        note = QT_TRANSLATE_NOOP(
            "stats", "With α, β ≤ 1 the posterior is U-shaped: no single most likely p (MAP undefined)."
        )
    mle = heads / len(seq) if seq else math.nan
    if not seq:
        note = note or QT_TRANSLATE_NOOP("stats", "No flips yet: the posterior is the prior and the MLE is undefined.")
    return CoinPosterior(float(alpha), float(beta), heads, tails, a, b, float(mode), float(mle), a / (a + b), note)
