"""The Distributions lab's maximum-likelihood tab: fitted curves over the data, log L curve and contour, readout."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6 import QtCore

from engine import stats
from engine.stats import DISTRIBUTIONS, DistributionsState
from gui.labs.distributions.compute import Computed
from gui.labs.distributions.controls import DistributionsControls
from gui.labs.distributions.views import MleView, label_style

__all__ = ["draw_mle"]


def draw_mle(m: MleView, c: DistributionsControls, s: DistributionsState, comp: Computed) -> None:
    """Fitted curves, log-likelihood curve and contour, and the MLE-vs-moments table, or why fitting failed."""
    if "mle_error" in comp.extra:
        for item in (m.hist, m.mle_curve, m.mom_curve, m.ll_curve, m.ll_max, m.ll_mom, m.contour_max):
            item.setData([], [])
        m.image.clear()
        c.mle_readout.setText(f"<b>Cannot fit:</b> {comp.extra['mle_error']}")
        return
    fit, h = comp.extra["fit"], comp.extra["data_hist"]
    m.hist.setData(h.edges, h.density)
    discrete = DISTRIBUTIONS[s.mle_family].discrete
    x = np.arange(math.floor(h.edges[0]), math.ceil(h.edges[-1]) + 1.0) if discrete else np.linspace(
        h.edges[0], h.edges[-1], 500)  # fmt: skip
    m.mle_curve.setData(x, stats.density(s.mle_family, fit.params, x))
    mom = comp.extra.get("mom")
    if mom is not None:
        m.mom_curve.setData(x, stats.density(s.mle_family, mom.params, x))
    else:
        m.mom_curve.setData([], [])
    param, grid, ll = comp.extra["profile"]
    spec = DISTRIBUTIONS[s.mle_family]
    m.ll_curve.setData(grid, ll, connect="finite")
    m.ll_max.setData([fit.as_dict()[param]], [fit.loglik])
    if mom is not None:
        m.ll_mom.setData([mom.as_dict()[param]], [mom.loglik])
    else:
        m.ll_mom.setData([], [])
    sym = spec.param(param).symbol
    size = label_style()
    m.ll_plot.getPlotItem().setLabel("bottom", sym, **size)
    m.ll_plot.getPlotItem().setTitle(f"log L against {sym}")  # short: the plot is narrow in presenter mode
    m.ll_plot.getPlotItem().setLabel("left", "log L (others at MLE)" if len(fit.free) > 1 else "log L", **size)
    _draw_contour(m, comp, spec)
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
    if "mom_error" in comp.extra:
        html += f"<br><small>Method of moments: {comp.extra['mom_error']}</small>"
    c.mle_readout.setText(html)


def _draw_contour(m: MleView, comp: Computed, spec: Any) -> None:
    if "contour" not in comp.extra:
        m.image.clear()
        m.contour_max.setData([], [])
        for iso in m.isocurves:
            iso.setData(None)
        m.contour_note.setText("One free parameter: the curve on the left is the whole story.")
        return
    p1, p2, g1, g2, z = comp.extra["contour"]
    fit = comp.extra["fit"]
    top = np.nanmax(z) if np.isfinite(z).any() else 0.0
    rel = np.where(np.isfinite(z), z - top, np.nan)
    shown = np.maximum(np.nan_to_num(rel, nan=-50.0), -50.0)
    m.image.setImage(shown, autoLevels=True)
    rect = QtCore.QRectF(g1[0], g2[0], g1[-1] - g1[0], g2[-1] - g2[0])
    m.image.setRect(rect)
    for iso, level in zip(m.isocurves, (-0.5, -2, -4.5, -8, -12.5, -18), strict=True):
        iso.setData(shown)
        iso.setLevel(level)
    m.contour_max.setData([fit.as_dict()[p1]], [fit.as_dict()[p2]])
    plot = m.contour_plot.getPlotItem()
    size = label_style()
    plot.setLabel("bottom", spec.param(p1).symbol, **size)
    plot.setLabel("left", spec.param(p2).symbol, **size)
    plot.setRange(rect, padding=0)
    m.contour_note.setText(f"Contours of log L − max at −0.5, −2, −4.5 … (1σ, 2σ, 3σ …); the dot is the MLE of "
                           f"({spec.param(p1).symbol}, {spec.param(p2).symbol}).")  # fmt: skip
