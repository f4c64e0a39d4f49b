"""What the Distributions lab shows that depends on the state alone: theory, coin, bivariate/PCA, input texts.

The draws and what is computed from them (histogram, summary, LLN, QQ, CLT, MLE) live in :mod:`engine.stats.sampled`:
up to 10 million draws take about a second, so the gui runs that part off the GUI thread when it is large.
"""

from __future__ import annotations

import functools
import math
import warnings
from dataclasses import dataclass

import numpy as np

from engine.i18n import QT_TRANSLATE_NOOP, decimal_point, language, localize, translate
from engine.stats.curves import TheoryCurves, theory_curves
from engine.stats.demos import BivariateResult, CoinPosterior, bivariate_normal, coin_posterior
from engine.stats.distributions import Moments, moments
from engine.stats.lab import BIVARIATE_N, DistributionsState
from engine.stats.registry import distribution_spec

__all__ = [
    "DistributionsResults",
    "derive",
    "CoinPlot",
    "BivariatePlot",
    "CURVE_POINTS",
    "MOMENT_ROWS",
    "free_fit_params",
]

CURVE_POINTS = 400  # ~2 px per segment on a wide plot: smooth, and cheap to stroke with a thick pen
COIN_POINTS = 500
MOMENT_ROWS = ("mean", "variance", "skewness")
MAX_FLIPS_SHOWN = 120
BIVARIATE_NOTE = QT_TRANSLATE_NOOP(
    "stats",
    "The principal axes are the covariance matrix's eigenvectors, each drawn ±2√λ long: PCA keeps the long one.",
)
COIN_NOTE = QT_TRANSLATE_NOOP(
    "stats", "The MAP sits between the prior's pull and the data's MLE; more flips, less prior."
)


@dataclass(frozen=True, eq=False)
class CoinPlot:
    """The Bayes coin tab: prior and posterior curves over p, MAP/MLE positions and the readout texts."""

    posterior: CoinPosterior
    p: np.ndarray
    prior_pdf: np.ndarray
    posterior_pdf: np.ndarray
    flips_text: str
    readout: str
    note: str


@dataclass(frozen=True, eq=False)
class BivariatePlot:
    """The bivariate tab: the sample, its 95 % ellipse, the principal axes as (xs, ys) segments and the readout."""

    result: BivariateResult
    axes: tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
    readout: str
    note: str


@dataclass(frozen=True, eq=False)
class DistributionsResults:
    """What the Distributions lab shows for one state, apart from the draws (see :func:`derive`)."""

    moments: Moments
    theory_text: dict[str, str]
    """Theory column of the readout: ``mean``/``variance``/``skewness`` -> text (∞ and undefined spelled out)."""
    formula: str
    """The scipy.stats call and the support, as rich text."""
    curves: TheoryCurves
    stick_x: np.ndarray
    """PMF sticks as (k, 0), (k, p) pairs for ``connect="pairs"``; empty for a continuous family."""
    stick_y: np.ndarray
    coin: CoinPlot
    bivariate: BivariatePlot
    mle_choices: tuple[tuple[str, str], ...]
    """(parameter name, "symbol (label)") of the fitted family's free parameters, for the log-L curve's picker."""
    data_text: str


def _coin_text(post: CoinPosterior) -> str:
    lo, hi = post.interval()
    undefined = translate("stats", "undefined")
    mle = localize(f"{post.mle:.3f}") if math.isfinite(post.mle) else undefined
    mp = localize(f"{post.map:.3f}") if math.isfinite(post.map) else undefined
    return translate(
        "stats",
        "heads {0}, tails {1}\nposterior Beta({2}, {3})\nMAP {4}   MLE {5}   mean {6}\n95 % credible interval [{7}, {8}]",  # noqa: E501 (one literal: the translation tools read it whole)
    ).format(
        post.heads,
        post.tails,
        localize(f"{post.post_alpha:g}"),
        localize(f"{post.post_beta:g}"),
        mp,
        mle,
        localize(f"{post.post_mean:.3f}"),
        localize(f"{lo:.3f}"),
        localize(f"{hi:.3f}"),
    )


def coin_view(alpha: float, beta: float, flips: str) -> CoinPlot:
    """Prior → posterior of the Bayes coin, its texts in the language in force (cached: a σ slider step must not
    re-freeze two Beta distributions)."""
    return _coin_view(alpha, beta, flips, language(), decimal_point())


@functools.lru_cache(maxsize=4)
def _coin_view(alpha: float, beta: float, flips: str, _language: str, _point: str) -> CoinPlot:
    post = coin_posterior(alpha, beta, flips)
    p = np.linspace(0.0005, 0.9995, COIN_POINTS)
    shown = flips[-MAX_FLIPS_SHOWN:]
    more = "…" if len(flips) > MAX_FLIPS_SHOWN else ""
    return CoinPlot(
        post,
        p,
        post.pdf(p, prior=True),
        post.pdf(p),
        translate("stats", "Flips ({0}): {1}").format(len(flips), f"{more}{shown or '—'}"),
        _coin_text(post),
        translate("stats", post.note or COIN_NOTE),
    )


def _covariance_text(res: BivariateResult, n: int) -> str:
    c = res.cov
    matrix = f"Σ = [[{c[0, 0]:.2f}; {c[0, 1]:.2f}], [{c[1, 0]:.2f}; {c[1, 1]:.2f}]]"
    if decimal_point() == ".":  # a semicolon between entries only where the decimal comma needs it
        matrix = matrix.replace(";", ",")
    numbers = (localize(matrix), *(localize(f"{v:.3f}") for v in (*res.eigenvalues[:2], res.sample_rho)))
    minus = (text.replace("-", "\u2212") for text in numbers)  # a real minus sign, as the readout table writes it
    return translate("stats", "{0}\neigenvalues λ₁ = {1}, λ₂ = {2}\nsample ρ = {3} ({4} points)").format(*minus, n)


def bivariate_view(rho: float, seed: int, n: int = BIVARIATE_N) -> BivariatePlot:
    """Scatter, ellipse and principal axes (eigenvectors drawn ±2√λ long) for correlation ρ, texts in the language
    in force."""
    return _bivariate_view(rho, seed, n, language(), decimal_point())


@functools.lru_cache(maxsize=4)
def _bivariate_view(rho: float, seed: int, n: int, _language: str, _point: str) -> BivariatePlot:
    res = bivariate_normal(rho, n, seed)
    axes = []
    for i in (0, 1):
        vec = res.eigenvectors[:, i] * 2.0 * math.sqrt(res.eigenvalues[i])
        axes.append((np.array([-vec[0], vec[0]]), np.array([-vec[1], vec[1]])))
    return BivariatePlot(res, (axes[0], axes[1]), _covariance_text(res, n), translate("stats", BIVARIATE_NOTE))


@functools.lru_cache(maxsize=8)
def _theory(name: str, params: tuple[tuple[str, float], ...]) -> tuple[Moments, TheoryCurves, np.ndarray, np.ndarray]:
    mom = moments(name, params)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a point mass (p = 1) takes log1p(−1) = −inf inside scipy
        curves = theory_curves(name, params, points=CURVE_POINTS)
    if curves.discrete:
        k, pm = curves.x, curves.density
        stick_x = np.repeat(k, 2)
        stick_y = np.column_stack([np.zeros_like(pm), pm]).ravel()
    else:
        stick_x = stick_y = np.empty(0)
    return mom, curves, stick_x, stick_y


def free_fit_params(family: str) -> tuple[str, ...]:
    """The parameters a fit of ``family`` estimates (the binomial's n is fixed at the data's maximum)."""
    return tuple(p for p in distribution_spec(family).param_names if not (family == "binomial" and p == "n"))


def derive(state: DistributionsState) -> DistributionsResults:
    """The theory curves, moments, Bayes coin, bivariate/PCA view and input texts of ``state``.

    Cheap (a few hundred curve points; each part is cached on the fields it reads), so the gui calls it on every
    slider step through one cache keyed on the state. The draws and everything read from them come from
    :func:`engine.stats.sample_results`, which the gui runs off the GUI thread for large N (up to 10 000 000 draws).

    Parameters
    ----------
    state : DistributionsState

    Returns
    -------
    DistributionsResults
    """
    mom, curves, stick_x, stick_y = _theory(state.distribution, state.params)
    spec = distribution_spec(state.distribution)
    formula = f"scipy.stats.{spec.scipy_text.format(**dict(state.params))}<br>" + translate(
        "stats", "support: {0}"
    ).format(spec.support)
    fit_spec = distribution_spec(state.mle_family)
    choices = tuple(
        (p, f"{fit_spec.param(p).symbol} ({fit_spec.param(p).label})") for p in free_fit_params(state.mle_family)
    )
    data_text = (
        translate("stats", "loaded: {0} ({1} values)").format(state.data_label, len(state.data))
        if state.data
        else translate("stats", "no data loaded")
    )
    return DistributionsResults(
        moments=mom,
        theory_text={row: Moments.describe(getattr(mom, row)) for row in MOMENT_ROWS},
        formula=formula,
        curves=curves,
        stick_x=stick_x,
        stick_y=stick_y,
        coin=coin_view(state.coin_alpha, state.coin_beta, state.flips),
        bivariate=bivariate_view(state.rho, state.seed),
        mle_choices=choices,
        data_text=data_text,
    )
