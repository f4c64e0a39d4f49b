"""The maximum-likelihood tab's data: fitted curves over the data, log-L curve and contour, MLE-vs-moments table."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.stats.chunked import Observations, observations
from engine.stats.distributions import density
from engine.stats.fit import FitResult, fit_mle, method_of_moments
from engine.stats.lab import DistributionsState
from engine.stats.profile import loglik_grid, loglik_profile, loglik_window
from engine.stats.registry import DistributionSpec, StatsError, distribution_spec
from engine.stats.samples import Histogram, histogram

__all__ = ["MleResults", "Contour", "mle_results", "CONTOUR_LEVELS", "NO_DATA"]

CONTOUR_LEVELS = (-0.5, -2.0, -4.5, -8.0, -12.5, -18.0)  # log L − max at 1σ, 2σ, 3σ … (−k²/2)
CONTOUR_FLOOR = -50.0  # the image's colour scale stops here, so −∞ (outside the support) stays drawable
PROFILE_POINTS = 121
CONTOUR_POINTS = 41
CURVE_POINTS = 500
NO_DATA = "no data loaded: pick a bundled data set, open a CSV file or type numbers"
ONE_PARAM_NOTE = "One free parameter: the curve on the left is the whole story."


@dataclass(frozen=True, eq=False)
class Contour:
    """log L − max over two free parameters on a grid (floored for the image), with the MLE and axis symbols."""

    x_symbol: str
    y_symbol: str
    x_grid: np.ndarray
    y_grid: np.ndarray
    relative: np.ndarray
    levels: tuple[float, ...]
    at_max: tuple[float, float]
    note: str


@dataclass(frozen=True, eq=False)
class MleResults:
    """The MLE tab for one state; when fitting is impossible only ``error`` is set (the reason, named)."""

    error: str = ""
    fit: FitResult | None = None
    mom: FitResult | None = None
    data_hist: Histogram | None = None
    curve_x: np.ndarray | None = None
    mle_y: np.ndarray | None = None
    mom_y: np.ndarray | None = None
    """Method-of-moments curve, or None when that method does not apply."""
    param_symbol: str = ""
    grid: np.ndarray | None = None
    loglik: np.ndarray | None = None
    ll_max: tuple[float, float] = (math.nan, math.nan)
    ll_mom: tuple[float, float] | None = None
    ll_label: str = "log L"
    contour: Contour | None = None
    contour_note: str = ONE_PARAM_NOTE
    readout: str = ""
    """Rich-text table of the MLE beside the method of moments (or why fitting failed)."""


def _readout(spec: DistributionSpec, fit: FitResult, mom: FitResult | None, mom_error: str) -> str:
    cell = "<td align='right' style='padding-left:16px'>{}</td>"  # room between the columns
    rows = "".join(
        f"<tr><td>{spec.param(k).symbol}</td>{cell.format(f'{v:.5g}')}"
        f"{cell.format(f'{mom.as_dict()[k]:.5g}' if mom is not None else '—')}</tr>"
        for k, v in fit.params
    )
    mom_ll = f"{mom.loglik:.6g}" if mom is not None else "—"
    head = "<th align='right' style='padding-left:16px'>{}</th>"
    html = (f"<table cellspacing='3'><tr><th></th>{head.format('MLE')}{head.format('moments')}</tr>{rows}"
            f"<tr><td>log L</td>{cell.format(f'{fit.loglik:.6g}')}{cell.format(mom_ll)}</tr></table>"
            f"<small>{fit.note}</small>")  # fmt: skip
    if mom_error:
        html += f"<br><small>Method of moments: {mom_error}</small>"
    return html


def _contour(family: str, data: Observations, fit: FitResult, param: str, spec: DistributionSpec) -> Contour | None:
    free = list(fit.free)
    if len(free) < 2:
        return None
    other = next(p for p in free if p != param)
    g1 = loglik_window(family, data, fit, param, points=CONTOUR_POINTS)
    g2 = loglik_window(family, data, fit, other, points=CONTOUR_POINTS)
    z = loglik_grid(family, data, (param, other), g1, g2, at=fit.as_dict())  # no second fit of all the data
    top = np.nanmax(z) if np.isfinite(z).any() else 0.0
    rel = np.where(np.isfinite(z), z - top, np.nan)
    shown = np.maximum(np.nan_to_num(rel, nan=CONTOUR_FLOOR), CONTOUR_FLOOR)
    s1, s2 = spec.param(param).symbol, spec.param(other).symbol
    note = f"Contours of log L − max at −0.5, −2, −4.5 … (1σ, 2σ, 3σ …); the dot is the MLE of ({s1}, {s2})."
    at = fit.as_dict()
    return Contour(s1, s2, g1, g2, shown, CONTOUR_LEVELS, (at[param], at[other]), note)


def mle_results(s: DistributionsState, samples: np.ndarray) -> MleResults:
    """Fit ``s.mle_family`` to the loaded data or the draws: curves, log-L profile and contour, readout.

    Parameters
    ----------
    s : DistributionsState
    samples : numpy.ndarray
        The state's draws (fitted when ``s.mle_source == "samples"``).

    Returns
    -------
    MleResults
        With ``error`` naming why the data cannot come from the family instead of raising.
    """
    try:
        raw = samples if s.mle_source == "samples" else np.asarray(s.data, dtype=np.float64)
        if raw.size == 0:
            raise StatsError(NO_DATA)
        data = observations(raw)  # checked once; its passes (moments, counts, bins) are shared by every step below
        fit = fit_mle(s.mle_family, data)
    except StatsError as exc:
        return MleResults(error=str(exc), readout=f"<b>Cannot fit:</b> {exc}")
    spec = distribution_spec(s.mle_family)
    h = histogram(data.x, discrete=spec.discrete)
    mom, mom_error = None, ""
    try:
        mom = method_of_moments(s.mle_family, data)
    except StatsError as exc:
        mom_error = str(exc)
    if spec.discrete:
        x = np.arange(math.floor(h.edges[0]), math.ceil(h.edges[-1]) + 1.0)
    else:
        x = np.linspace(h.edges[0], h.edges[-1], CURVE_POINTS)
    free = list(fit.free)
    param = s.mle_param if s.mle_param in free else free[0]
    grid = loglik_window(s.mle_family, data, fit, param, points=PROFILE_POINTS)
    ll = loglik_profile(s.mle_family, data, param, grid, at=fit.as_dict())
    contour = _contour(s.mle_family, data, fit, param, spec)
    return MleResults(
        fit=fit,
        mom=mom,
        data_hist=h,
        curve_x=x,
        mle_y=density(s.mle_family, fit.params, x),
        mom_y=density(s.mle_family, mom.params, x) if mom is not None else None,
        param_symbol=spec.param(param).symbol,
        grid=grid,
        loglik=ll,
        ll_max=(fit.as_dict()[param], fit.loglik),
        ll_mom=(mom.as_dict()[param], mom.loglik) if mom is not None else None,
        ll_label="log L (others at MLE)" if len(free) > 1 else "log L",
        contour=contour,
        contour_note=contour.note if contour is not None else ONE_PARAM_NOTE,
        readout=_readout(spec, fit, mom, mom_error),
    )
