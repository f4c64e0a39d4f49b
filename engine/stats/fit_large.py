"""scipy.stats' numerical fits replayed slice by slice, for samples too large for scipy's full-size temporaries.

For 10 million draws scipy's ``fit`` builds several 80 MB arrays per evaluation of the log-likelihood. These functions
take the same steps as scipy 1.17 — the same start, the same equations or Nelder–Mead (``optimize.fmin``) on the same
penalised negative log-likelihood — but sum that log-likelihood one slice at a time (or from sufficient statistics), so
the answers agree with scipy's to rounding. Samples of at most one slice go to scipy itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from engine.i18n import translate
from engine.stats.chunked import Observations
from engine.stats.registry import StatsError

__all__ = ["gamma_fit", "beta_fit", "chi2_fit", "t_fit", "cauchy_fit"]

_PENALTY = math.log(np.finfo(float).max) * 100  # scipy's price per point outside the support or of zero density


def _sum_log(x: Observations) -> float:
    return x.total(np.log, "sum_log")


def gamma_fit(x: Observations) -> tuple[float, float]:
    """``scipy.stats.gamma.fit(x, floc=0)`` as ``(shape, scale)``: its root of log a − ψ(a) = log x̄ − mean log x."""
    from scipy import optimize, special  # deferred: importing scipy costs ~1 s at start-up
    from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

    if x.n <= x.chunk:
        a, _, scale = st.gamma.fit(x.x, floc=0)
        return float(a), float(scale)
    xbar = np.float64(x.mean())
    s = np.log(xbar) - _sum_log(x) / x.n
    aest = (3 - s + np.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s)
    a = optimize.brentq(lambda a: np.log(a) - special.digamma(a) - s, aest * (1 - 0.4), aest * (1 + 0.4), disp=0)
    return float(a), float(xbar / a)


def beta_fit(x: Observations) -> tuple[float, float]:
    """``scipy.stats.beta.fit(x, floc=0, fscale=1)``'s shapes: its ``fsolve`` of the likelihood equations."""
    from scipy import optimize, special  # deferred: importing scipy costs ~1 s at start-up
    from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

    if x.n <= x.chunk:
        a, b, _, _ = st.beta.fit(x.x, floc=0, fscale=1)
        return float(a), float(b)
    xbar = x.mean()
    s1 = _sum_log(x)
    s2 = x.total(lambda p: special.log1p(-p), "sum_log1m")
    fac = xbar * (1 - xbar) / x.var() - 1

    def equations(theta: np.ndarray) -> list[float]:
        a, b = theta
        psiab = special.psi(a + b)
        return [s1 - x.n * (-psiab + special.psi(a)), s2 - x.n * (-psiab + special.psi(b))]

    theta, _, ier, message = optimize.fsolve(equations, [xbar * fac, (1 - xbar) * fac], full_output=True)
    if ier != 1:
        raise StatsError(
            translate("stats", "Beta: the likelihood equations could not be solved ({0})").format(message.strip())
        )
    return float(theta[0]), float(theta[1])


def chi2_fit(x: Observations) -> float:
    """``scipy.stats.chi2.fit(x, floc=0, fscale=1)``'s k: Nelder–Mead from k = 1 on Σ log x and Σ x."""
    from scipy import optimize, special  # deferred: importing scipy costs ~1 s at start-up
    from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

    if x.n <= x.chunk:
        return float(st.chi2.fit(x.x, floc=0, fscale=1)[0])
    s_log, s_x, n = _sum_log(x), x.total(lambda p: p, "sum"), x.n

    def nnlf(theta: np.ndarray) -> float:
        k = theta[0]
        if not k > 0:
            return math.inf
        ll = (k / 2.0 - 1) * s_log - s_x / 2.0
        ll -= n * (special.gammaln(k / 2.0) + math.log(2) * k / 2.0)
        return -ll if math.isfinite(ll) else n * _PENALTY

    k = float(optimize.fmin(nnlf, [1.0], disp=0)[0])
    if not k > 0:
        raise StatsError(translate("stats", "Chi-square: the fit converged outside k > 0"))
    return k


def _nnlf(x: Observations, loc: float, scale: float, core: Callable[[np.ndarray], np.ndarray], mul: float,
          add: float) -> float:  # fmt: skip
    """Σ −log f(zᵢ) + N log scale for zᵢ = (xᵢ − loc) / scale, where −log f(z) = mul · core(z) + add.

    Summed slice by slice, the constants applied once; a non-finite term costs scipy's penalty instead.
    """
    total, good, bad = 0.0, 0, 0
    with np.errstate(all="ignore"):
        for _, part in x.parts():
            z = part - loc
            z /= scale
            c = core(z)
            s = float(c.sum())
            if math.isfinite(s):
                good += c.size
            else:
                ok = np.isfinite(c)
                k = int(np.count_nonzero(ok))
                good, bad = good + k, bad + c.size - k
                s = float(c[ok].sum())
            total += s
    return mul * total + add * good + bad * _PENALTY + x.n * math.log(scale)


def t_fit(x: Observations) -> tuple[float, float, float]:
    """``scipy.stats.t.fit(x)`` as ``(ν, loc, scale)``: Nelder–Mead from (1, 0, 1), scipy's start for the t."""
    from scipy import optimize, special  # deferred: importing scipy costs ~1 s at start-up
    from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

    if x.n <= x.chunk:
        df, loc, scale = st.t.fit(x.x)
        return float(df), float(loc), float(scale)

    def nnlf(theta: np.ndarray) -> float:
        df, loc, scale = (float(v) for v in theta)
        if not (df > 0 and scale > 0):
            return math.inf
        const = float(np.log(special.poch(0.5 * df, 0.5)) - 0.5 * (np.log(df) + np.log(np.pi)))

        def core(z: np.ndarray) -> np.ndarray:  # log1p(z² / ν), in place
            z *= z
            z /= df
            return np.log1p(z, out=z)

        return _nnlf(x, loc, scale, core, (df + 1) / 2, -const)

    df, loc, scale = (float(v) for v in optimize.fmin(nnlf, [1.0, 0.0, 1.0], disp=0))
    if not (df > 0 and scale > 0):
        raise StatsError(translate("stats", "Student t: the fit converged outside ν > 0, σ > 0"))
    return df, loc, scale


def _cauchy_core(z: np.ndarray) -> np.ndarray:
    """log(1 + z²), in place; scipy's overflow-safe form 2 log|z| + log1p(1/z²) only where z² overflows."""
    z2 = z * z
    np.log1p(z2, out=z2)
    if not math.isfinite(float(z2.max())):
        big = ~np.isfinite(z2)
        a = np.abs(z[big])
        z2[big] = 2 * np.log(a) + np.log1p((1 / a) ** 2)
    return z2


def cauchy_fit(x: Observations) -> tuple[float, float]:
    """``scipy.stats.cauchy.fit(x)`` as ``(x₀, γ)``: Nelder–Mead from the median and half the IQR, as scipy starts."""
    from scipy import optimize  # deferred: importing scipy costs ~1 s at start-up
    from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

    if x.n <= x.chunk:
        loc, scale = st.cauchy.fit(x.x)
        return float(loc), float(scale)
    q25, q50, q75 = x.kept("quartiles", lambda: x.percentiles([25, 50, 75]))
    log_pi = math.log(math.pi)

    def nnlf(theta: np.ndarray) -> float:
        loc, scale = float(theta[0]), float(theta[1])
        return math.inf if not scale > 0 else _nnlf(x, loc, scale, _cauchy_core, 1.0, log_pi)

    loc, scale = (float(v) for v in optimize.fmin(nnlf, [q50, (q75 - q25) / 2], disp=0))
    if not scale > 0:
        raise StatsError(translate("stats", "Cauchy: the fit converged outside γ > 0"))
    return loc, scale
