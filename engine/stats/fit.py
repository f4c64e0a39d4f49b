"""Fitting a family to data: maximum likelihood and the method of moments (log-likelihood curves: stats_loglik).

Closed forms where they exist (normal, lognormal, Laplace, exponential, Poisson …), scipy.stats' ``fit`` for the
rest, a one-dimensional optimisation for the negative binomial. Re-exported by :mod:`engine.stats`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.stats.chunked import Observations, observations
from engine.stats.fit_large import beta_fit, cauchy_fit, chi2_fit, gamma_fit, t_fit
from engine.stats.loglik import log_likelihood
from engine.stats.registry import StatsError, distribution_spec, validate_params

__all__ = [
    "FitResult",
    "fit_mle",
    "method_of_moments",
    "check_support",
    "checked",
]


@dataclass(frozen=True)
class FitResult:
    """Fitted parameters of a family with the log-likelihood of the data at them."""

    name: str
    params: tuple[tuple[str, float], ...]
    loglik: float
    n: int
    method: str
    free: tuple[str, ...]
    note: str = ""

    def as_dict(self) -> dict[str, float]:
        """Parameters as ``{name: value}``."""
        return dict(self.params)


def check_support(name: str, data: Any, fixed: Mapping[str, float] | None = None) -> np.ndarray:
    """Check that every value can come from the family (StatsError naming the first value that cannot).

    Parameters
    ----------
    name : str
        Registry key.
    data : array_like
        Observations.
    fixed : mapping, optional
        Known parameters (the binomial's n).

    Returns
    -------
    numpy.ndarray
        The data as float64.
    """
    return checked(name, data, fixed).x


def checked(name: str, data: Any, fixed: Mapping[str, float] | None = None) -> Observations:
    """:func:`check_support` keeping the checked data as :class:`Observations` (each family checked once)."""
    distribution_spec(name)  # an unknown family is named before the data are looked at
    obs = observations(data)
    n_fixed = float(fixed["n"]) if fixed and "n" in fixed and name == "binomial" else None
    obs.kept(("support", name, n_fixed), lambda: _check(name, obs, n_fixed))
    return obs


def _check(name: str, obs: Observations, n_fixed: float | None) -> bool:
    spec = distribution_spec(name)
    x = obs.x

    def refuse(test: Any, need: str) -> None:
        i = obs.first(test)
        if i >= 0:
            raise StatsError(f"{spec.label} needs data with {need}, but value {i + 1} is {x[i]:g}")

    if spec.discrete and not obs.whole():
        refuse(lambda p: p != np.round(p), "whole numbers")
    lo, hi = obs.lo(), obs.hi()  # the extremes decide every range check; the slices only find the first culprit
    if name in ("gamma", "lognormal", "chi_square") and lo <= 0:
        refuse(lambda p: p <= 0, "every value > 0")
    elif name in ("exponential", "poisson", "negative_binomial", "binomial") and lo < 0:
        refuse(lambda p: p < 0, "every value ≥ 0")
    elif name == "beta" and (lo <= 0 or hi >= 1):
        refuse(lambda p: (p <= 0) | (p >= 1), "every value strictly between 0 and 1")
    elif name == "bernoulli" and (lo < 0 or hi > 1):  # whole numbers within [0, 1] are 0 or 1
        refuse(lambda p: (p != 0) & (p != 1), "only 0s and 1s")
    elif name == "geometric" and lo < 1:
        refuse(lambda p: p < 1, "every value ≥ 1 (trials until the first success)")
    if name == "binomial" and n_fixed is not None and hi > n_fixed:
        refuse(lambda p: p > n_fixed, f"every value ≤ n = {n_fixed:g}")
    return True


def _need_spread(x: Observations, label: str) -> None:
    if x.n < 2 or x.hi() == x.lo():
        raise StatsError(
            f"{label}: all values are equal, so the spread cannot be estimated (need two different values)"
        )


def _fix_binomial_n(x: Observations, fixed: Mapping[str, float] | None) -> tuple[float, str]:
    if fixed and "n" in fixed:
        n = float(fixed["n"])
        validate_params("binomial", {"n": n, "p": 0.5})
        return n, f"n = {n:g} held fixed"
    n = x.hi()
    return n, f"n = {n:g} (the largest count) held fixed; only p is estimated"


def _mle_raw(name: str, x: Observations, fixed: Mapping[str, float] | None) -> tuple[dict[str, float], str]:
    """The MLE as ``({param: value}, note)``, before domain validation."""
    label = distribution_spec(name).label
    mean = x.mean()
    if name == "normal":
        _need_spread(x, label)
        return {"mu": mean, "sigma": _rms_deviation(x)}, "closed form: μ = sample mean, σ = RMS deviation (divide by N)"
    if name == "uniform":
        _need_spread(x, label)
        return {"a": x.lo(), "b": x.hi()}, "closed form: a = min, b = max"
    if name == "exponential":
        if mean == 0:
            raise StatsError("Exponential: every value is 0, so the rate λ would be infinite")
        return {"lam": 1.0 / mean}, "closed form: λ = 1 / sample mean"
    if name == "gamma":
        _need_spread(x, label)
        a, scale = gamma_fit(x)
        return {"alpha": a, "beta": 1.0 / scale}, "numerical (scipy.stats.gamma.fit with loc = 0)"
    if name == "beta":
        _need_spread(x, label)
        a, b = beta_fit(x)
        return {"alpha": a, "beta": b}, "numerical (scipy.stats.beta.fit on [0, 1])"
    if name == "lognormal":
        _need_spread(x, label)
        mu, sigma = _log_moments(x)
        return {"mu": mu, "sigma": sigma}, "closed form: mean and RMS deviation of log x"
    if name == "student_t":
        _need_spread(x, label)
        df, loc, scale = t_fit(x)
        return {"nu": df, "mu": loc, "sigma": scale}, "numerical (scipy.stats.t.fit)"
    if name == "chi_square":
        return {"k": chi2_fit(x)}, "numerical (scipy.stats.chi2.fit with loc = 0, scale = 1)"
    if name == "laplace":
        _need_spread(x, label)
        med = x.median()
        spread = x.total(lambda p: np.abs(p - med), ("abs_dev", med)) / x.n
        return {"mu": med, "b": spread}, "closed form: μ = median, b = mean |x − μ|"
    if name == "cauchy":
        _need_spread(x, label)
        loc, scale = cauchy_fit(x)
        return {"x0": loc, "gamma": scale}, "numerical (scipy.stats.cauchy.fit)"
    if name == "bernoulli":
        return {"p": mean}, "closed form: p = fraction of 1s"
    if name == "binomial":
        n, note = _fix_binomial_n(x, fixed)
        p = mean / n if n > 0 else 0.0
        return {"n": n, "p": p}, f"closed form: p = mean / n; {note}"
    if name == "poisson":
        if mean == 0:
            raise StatsError("Poisson: every count is 0, so the MLE λ = 0 lies outside λ > 0")
        return {"lam": mean}, "closed form: λ = sample mean"
    if name == "geometric":
        return {"p": 1.0 / mean}, "closed form: p = 1 / sample mean"
    if name == "negative_binomial":
        return _nbinom_mle(x), "numerical: r maximises the profile likelihood, p = r / (r + mean)"
    raise StatsError(f"no fitting rule for {name!r}")  # pragma: no cover - registry and rules agree


def _log_moments(x: Observations) -> tuple[float, float]:
    """Mean and RMS deviation of log x (``np.log(x).mean()``, ``.std()``) without the full-size ``log x``."""
    if x.n <= x.chunk:
        lx = np.log(x.x)
        return float(lx.mean()), float(lx.std())
    mu = x.total(np.log, "sum_log") / x.n
    sq = x.total(lambda p: np.square(np.log(p) - mu), ("log_sq", mu))
    return mu, math.sqrt(sq / x.n)


def _nbinom_mle(x: Observations) -> dict[str, float]:
    from scipy import optimize  # deferred: importing scipy costs ~1 s at start-up
    from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

    mean, var = x.mean(), x.var()
    if mean == 0:
        raise StatsError("Negative binomial: every count is 0, so p would be 1 and r undetermined")
    if var <= mean:
        raise StatsError(
            f"Negative binomial: the variance ({var:.4g}) does not exceed the mean ({mean:.4g}), so the MLE of r is "
            "infinite (the data are not over-dispersed); fit a Poisson instead"
        )
    values, counts = x.counts()

    def neg(log_r: float) -> float:
        r = math.exp(log_r)
        return -float(np.dot(counts, st.nbinom.logpmf(values, r, r / (r + mean))))

    start = math.log(mean * mean / (var - mean))
    res = optimize.minimize_scalar(neg, bounds=(start - 12, min(start + 12, math.log(1e4))), method="bounded",
                                   options={"xatol": 1e-10})  # fmt: skip
    r = math.exp(float(res.x))
    return {"r": r, "p": r / (r + mean)}


def _finish(
    name: str, raw: dict[str, float], x: Observations, method: str, note: str, free: Sequence[str]
) -> FitResult:
    label = distribution_spec(name).label
    try:
        params = validate_params(name, raw)
    except StatsError as exc:
        raise StatsError(f"{label}: the fitted parameters are not valid ({exc})") from None
    ll = log_likelihood(name, params, x)
    spec = distribution_spec(name)
    ordered = tuple((p, params[p]) for p in spec.param_names)
    return FitResult(name, ordered, ll, x.n, method, tuple(free), note)


def fit_mle(name: str, data: Any, fixed: Mapping[str, float] | None = None) -> FitResult:
    """Maximum-likelihood fit of a family to data.

    Parameters
    ----------
    name : str
        Registry key.
    data : array_like or Observations
        Finite observations in the family's support (:class:`~engine.stats.chunked.Observations` keeps the passes
        over them for the next fit, profile or contour).
    fixed : mapping, optional
        Known parameters; only the binomial's ``n`` is supported (default: the largest count).

    Returns
    -------
    FitResult
        Parameters, log-likelihood at them, N, method description and the names of the estimated parameters.
    """
    x = checked(name, data, fixed)
    raw, note = _mle_raw(name, x, fixed)
    free = [p for p in distribution_spec(name).param_names if not (name == "binomial" and p == "n")]
    return _finish(name, raw, x, "mle", note, free)


def method_of_moments(name: str, data: Any, fixed: Mapping[str, float] | None = None) -> FitResult:
    """Method-of-moments estimate: match the family's mean (and variance …) to the sample's.

    Parameters
    ----------
    name : str
        Registry key.
    data : array_like or Observations
        Finite observations in the family's support (:class:`~engine.stats.chunked.Observations` keeps the passes
        over them for the next fit, profile or contour).
    fixed : mapping, optional
        Known parameters (the binomial's ``n``).

    Returns
    -------
    FitResult
        Parameters and the log-likelihood at them (never above the MLE's); the Cauchy, which has no moments, gets
        the quantile estimate (median, half the IQR) and says so in ``note``.
    """
    x = checked(name, data, fixed)
    label = distribution_spec(name).label
    m = x.mean()
    v = x.var()
    free = [p for p in distribution_spec(name).param_names if not (name == "binomial" and p == "n")]
    note = "mean and variance matched (variance divided by N)"

    def spread() -> None:
        if v <= 0:
            raise StatsError(f"{label}: all values are equal, so the variance is 0 and cannot be matched")

    if name == "normal":
        spread()
        raw = {"mu": m, "sigma": math.sqrt(v)}
    elif name == "uniform":
        spread()
        half = math.sqrt(3.0 * v)
        raw = {"a": m - half, "b": m + half}
    elif name == "exponential":
        raw, note = {"lam": 1.0 / m if m > 0 else math.inf}, "mean matched: λ = 1 / mean"
    elif name == "gamma":
        spread()
        raw = {"alpha": m * m / v, "beta": m / v}
    elif name == "beta":
        spread()
        common = m * (1 - m) / v - 1
        if common <= 0:
            raise StatsError(f"Beta: the variance ({v:.4g}) is too large for a beta with mean {m:.4g}")
        raw = {"alpha": m * common, "beta": (1 - m) * common}
    elif name == "lognormal":
        spread()
        s2 = math.log1p(v / (m * m))
        raw = {"mu": math.log(m) - s2 / 2, "sigma": math.sqrt(s2)}
    elif name == "student_t":
        spread()
        kurt = _excess_kurtosis(x)
        if kurt <= 0:
            raise StatsError("Student t: the sample has no excess kurtosis (tails no heavier than normal), so ν → ∞")
        nu = 4.0 + 6.0 / kurt
        raw = {"nu": nu, "mu": m, "sigma": math.sqrt(v * (nu - 2) / nu)}
        note = "mean, variance and kurtosis matched"
    elif name == "chi_square":
        raw, note = {"k": m}, "mean matched: k = mean"
    elif name == "laplace":
        spread()
        raw = {"mu": m, "b": math.sqrt(v / 2.0)}
    elif name == "cauchy":
        q25, med, q75 = x.kept("quartiles", lambda: x.percentiles([25, 50, 75]))
        if q75 <= q25:
            raise StatsError("Cauchy: the quartiles are equal, so the scale cannot be estimated")
        raw = {"x0": med, "gamma": (q75 - q25) / 2.0}
        note = "the Cauchy has no moments: quantiles matched instead (x₀ = median, γ = half the IQR)"
    elif name == "bernoulli":
        raw, note = {"p": m}, "mean matched"
    elif name == "binomial":
        n, fixed_note = _fix_binomial_n(x, fixed)
        raw, note = {"n": n, "p": m / n if n > 0 else 0.0}, f"mean matched; {fixed_note}"
    elif name == "poisson":
        raw, note = {"lam": m}, "mean matched"
    elif name == "geometric":
        raw, note = {"p": 1.0 / m}, "mean matched: p = 1 / mean"
    elif name == "negative_binomial":
        if v <= m:
            raise StatsError(f"Negative binomial: the variance ({v:.4g}) does not exceed the mean ({m:.4g})")
        raw = {"r": m * m / (v - m), "p": m / v}
    else:  # pragma: no cover
        raise StatsError(f"no method-of-moments rule for {name!r}")
    return _finish(name, raw, x, "moments", note, free)


def _rms_deviation(x: Observations) -> float:
    """x.std() scaled before squaring: deviations of 1e200 give their true RMS (or inf past the largest float)."""
    mean = x.mean()
    big = max(x.hi() - mean, mean - x.lo())  # = max |x − mean| exactly: rounding is monotone
    if big == 0 or not math.isfinite(big):
        return big
    scale = math.ldexp(1.0, math.frexp(big)[1] - 1)
    with np.errstate(over="ignore"):
        return float(np.sqrt(x.central(2, scale)) * scale)


def _excess_kurtosis(x: Observations) -> float:
    """``scipy.stats.kurtosis(x)`` (Fisher, biased) from sliced central moments; nan for constant data as scipy."""
    m2, m4 = x.var(), x.central(4)
    if m2 <= (np.finfo(float).eps * x.mean()) ** 2:
        return math.nan
    return m4 / m2**2 - 3.0
