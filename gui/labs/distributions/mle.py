"""The Distributions lab's maximum-likelihood tab: draws what engine.stats.mle_results computed, or why it failed."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from engine import stats
from gui.i18n import translate
from gui.labs.distributions.views import MleView, label_style

__all__ = ["draw_mle"]


def draw_mle(m: MleView, readout: QtWidgets.QLabel, r: stats.MleResults) -> None:
    """Fitted curves, log-likelihood curve and contour, and the MLE-vs-moments table, or why fitting failed."""
    readout.setText(r.readout)
    if r.error:
        for item in (m.hist, m.mle_curve, m.mom_curve, m.ll_curve, m.ll_max, m.ll_mom, m.contour_max):
            item.setData([], [])
        m.image.clear()
        return
    m.hist.setData(r.data_hist.edges, r.data_hist.density)
    m.mle_curve.setData(r.curve_x, r.mle_y)
    m.mom_curve.setData(*((r.curve_x, r.mom_y) if r.mom_y is not None else ([], [])))
    m.ll_curve.setData(r.grid, r.loglik, connect="finite")
    m.ll_max.setData([r.ll_max[0]], [r.ll_max[1]])
    m.ll_mom.setData(*(([r.ll_mom[0]], [r.ll_mom[1]]) if r.ll_mom is not None else ([], [])))
    size = label_style()
    plot = m.ll_plot.getPlotItem()
    plot.setLabel("bottom", r.param_symbol, **size)
    # short: the plot is narrow in presenter mode
    plot.setTitle(translate("Distributions", "log L against {0}").format(r.param_symbol))
    plot.setLabel("left", r.ll_label, **size)
    _draw_contour(m, r.contour, r.contour_note)


def _draw_contour(m: MleView, c: stats.Contour | None, note: str) -> None:
    m.contour_note.setText(note)
    if c is None:
        m.image.clear()
        m.contour_max.setData([], [])
        for iso in m.isocurves:
            iso.setData(None)
        return
    m.image.setImage(c.relative, autoLevels=True)
    rect = QtCore.QRectF(c.x_grid[0], c.y_grid[0], c.x_grid[-1] - c.x_grid[0], c.y_grid[-1] - c.y_grid[0])
    m.image.setRect(rect)
    for iso, level in zip(m.isocurves, c.levels, strict=True):
        iso.setData(c.relative)
        iso.setLevel(level)
    m.contour_max.setData([c.at_max[0]], [c.at_max[1]])
    plot = m.contour_plot.getPlotItem()
    size = label_style()
    plot.setLabel("bottom", c.x_symbol, **size)
    plot.setLabel("left", c.y_symbol, **size)
    plot.setRange(rect, padding=0)
