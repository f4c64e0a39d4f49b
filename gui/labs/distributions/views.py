"""The Distributions lab's plots: one widget per tab, each with its items built once and updated in place."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine import stats
from gui import theme
from gui.i18n import translate
from gui.view_range import grown
from gui.widgets.catch_up import CatchUp
from gui.widgets.pixel_curve import PixelCurveItem
from gui.widgets.plane import configure_plot

__all__ = [
    "label_style",
    "SamplerView",
    "LlnView",
    "CltView",
    "QQView",
    "BivariateView",
    "CoinView",
    "MleView",
]


def label_style() -> dict[str, str]:
    """Axis-label style: the theme's text colour and size (pyqtgraph's default is small, and black once restyled)."""
    return {"color": theme.color("fg").name(), "font-size": f"{theme.current().font_pt}pt"}


def _plot(title: str, x: str = "", y: str = "") -> pg.PlotWidget:
    w = pg.PlotWidget()
    p = w.getPlotItem()
    configure_plot(p)
    p.setTitle(title, size=f"{theme.current().font_pt + 1}pt")
    if x:
        p.setLabel("bottom", x, **label_style())
    if y:
        p.setLabel("left", y, **label_style())
    for side in ("left", "bottom"):
        p.getAxis(side).enableAutoSIPrefix(False)
    w.setMinimumSize(240, 160)
    return w


def _legend(w: pg.PlotWidget) -> pg.LegendItem:
    # An opaque backing keeps the entries readable where they sit over a curve or a line label (narrow plots).
    legend = w.getPlotItem().addLegend(offset=(-10, 10), brush=theme.brush("bg", 255))
    legend.setLabelTextSize(f"{theme.current().font_pt}pt")
    legend.setZValue(1000)  # above the μ / x̄ line labels, which reach under it in a narrow plot
    return legend


def _vline(
    w: pg.PlotWidget, color: str, style: str = "solid", label: str = "", at: float = 0.92, left: bool = False
) -> pg.InfiniteLine:
    line = pg.InfiniteLine(angle=90, pen=theme.pen(color, 0.8, style), movable=False)
    if label:
        anchor = (1.0, 0.0) if left else (0.0, 0.0)  # text beside the line, left or right of it
        line.label = pg.InfLineLabel(line, text=label, position=at, anchors=[anchor, anchor], color=theme.color(color))
        line.label.setFont(theme.font(1.2, bold=True))
    w.getPlotItem().addItem(line, ignoreBounds=True)
    line.setVisible(False)
    return line


def fit_view(plot: pg.PlotWidget, x0: float, x1: float, top: float, live: bool) -> None:
    """Show x in [x0, x1] and y in [0, top] (plus a sliver below 0); while ``live`` (a slider held) only grow.

    Growing by doubling (a side of x that must move goes half the new width further; y to twice the new top) means
    most slider steps leave the axes alone, so their cached pixmaps are reused instead of re-rendering every tick
    label and the grid (at 1920×1080 the slowest frame of a drag, ~12 ms): a σ drag from 0.6 to 2.6 re-renders them
    twice, not four times; a CLT n drag from 1 to 50 (the means' peak rises like √n) twice, not five times. Fixed
    axes also let a learner see a curve widen or narrow. The release refits.
    """
    _hold_axis_width(plot, live)
    vb = plot.getPlotItem().getViewBox()
    (cx0, cx1), (cy0, cy1) = vb.viewRange()
    if live:
        if x0 >= cx0 and x1 <= cx1 and top <= cy1:
            return
        x0, x1, _, top = grown((cx0, cx1, cy0, cy1), (x0, x1, cy0, top), x_margin=0.5, y_headroom=2.0)
    want = (x0, x1, -0.02 * top, top)
    if np.allclose(want, (cx0, cx1, cy0, cy1), rtol=1e-9, atol=1e-12):
        return
    vb.setRange(xRange=want[:2], yRange=want[2:], padding=0)


def _hold_axis_width(plot: pg.PlotWidget, live: bool) -> None:
    """While ``live`` the y axis keeps its width; after it, the width fits the tick labels again.

    pyqtgraph sizes the axis to its widest tick label (shrinking once it is 10 px narrower): during a drag that
    re-lays out the plot, and the plot's new size re-renders both axes, two of the slowest frames of the drag.
    The tick labels are still measured meanwhile, so the release gives the axis the width it would have had.
    """
    axis = plot.getPlotItem().getAxis("left")
    held = getattr(axis, "held_width", False)
    if live and not held:
        axis.held_width = True
        axis.setWidth(axis.width())
    elif held and not live:
        axis.held_width = False
        axis.setWidth(None)


class _Bars(pg.PlotCurveItem):
    """Histogram bars: a plain PlotCurveItem in step mode (what a PlotDataItem draws with). A slider step sets the
    bars, and a PlotDataItem's setData costs several times the curve's; the legend draws the fill's swatch from
    ``fillBrush``, and ``setData([], [])`` empties the bars (a step-mode curve refuses two empty arrays)."""

    def setData(self, *args: Any, **kwargs: Any) -> None:
        if len(args) == 2 and len(args[0]) == 0 and len(args[1]) == 0:
            self.opts["stepMode"] = None
            try:
                super().setData(*args, **kwargs)
            finally:
                self.opts["stepMode"] = "center"
            return
        super().setData(*args, **kwargs)


def _hist_item(color: str) -> _Bars:
    # Axis-aligned bars need no antialiasing, and filling them without it is several times cheaper per repaint.
    brush = theme.brush(color, 90)
    item = _Bars(fillLevel=0, brush=brush, pen=theme.pen(color, 0.5), antialias=False)
    item.opts.update(stepMode="center", fillBrush=brush)  # (set once it exists: no data to check yet)
    return item


def _dashed(item: pg.PlotDataItem) -> pg.PlotDataItem:
    """Draw ``item`` as one path: segment-by-segment drawing restarts the dash pattern and shows a solid line."""
    item.curve.setSegmentedLineMode("off")
    return item


def _set_line(line: pg.InfiniteLine, x: float) -> None:
    ok = math.isfinite(x)
    line.setVisible(ok)
    if ok:
        line.setPos(x)


class SamplerView(QtWidgets.QWidget):
    """Histogram of the samples over the PDF/PMF, and the CDF (with the empirical CDF) below."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.density_plot = _plot(translate("Distributions", "Density"), "x", translate("Distributions", "density"))
        # Named: a scene keeps each plot's pan/zoom under its path (gui.view_memory), and a path numbered among
        # siblings would change when the CDF plot, built later, joins the splitter
        self.density_plot.setObjectName("density")
        self._cdf_plot: pg.PlotWidget | None = None  # built when first shown or exported (hidden by default)
        legend = _legend(self.density_plot)
        self.hist = _hist_item("sky")
        self.curve = PixelCurveItem(pen=theme.pen("blue"))  # redrawn on every parameter step: stroked in pixels
        self.stems = pg.ScatterPlotItem(size=11, brush=theme.brush("blue", 255), pen=None)
        self.sticks = pg.PlotDataItem(pen=theme.pen("blue", 0.7), connect="pairs")
        p = self.density_plot.getPlotItem()
        p.addItem(self.hist)
        p.addItem(self.curve)
        p.addItem(self.sticks)
        p.addItem(self.stems)
        legend.addItem(self.hist, translate("Distributions", "samples (histogram)"))
        legend.addItem(self.curve, translate("Distributions", "theory (pdf / pmf)"))
        # Labels in the headroom above the tallest bar (the lab leaves 15 %): μ left of its line, x̄ right of its own.
        self.mean_line = _vline(self.density_plot, "blue", "dash", "μ", at=0.985, left=True)
        self.sample_mean_line = _vline(self.density_plot, "vermillion", "solid", "x̄", at=0.985)
        self.cdf_curve = pg.PlotDataItem(pen=theme.pen("blue"))
        self.ecdf = _dashed(pg.PlotDataItem(pen=theme.pen("vermillion", 0.6, "dash")))
        self._discrete = True  # stems and sticks shown until a family says otherwise
        self._pdf = True
        self._pdf_only = False  # the CDF plot is hidden: its curves wait in _cdf_pending
        self._cdf_pending: dict[str, tuple] = {}
        self.split = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.split.addWidget(self.density_plot)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.split)

    @property
    def cdf_plot(self) -> pg.PlotWidget:
        """The CDF plot under the density; built on first use: hidden by default, it was a fifth of the lab's
        opening (a PlotWidget with its axes, menus and first layout)."""
        if self._cdf_plot is None:
            plot = _plot(translate("Distributions", "CDF  P(X ≤ x)"), "x", translate("Distributions", "probability"))
            plot.setObjectName("cdf")
            plot.setVisible(False)
            plot.getPlotItem().addItem(self.cdf_curve)
            plot.getPlotItem().addItem(self.ecdf)
            plot.setYRange(0, 1.02, padding=0)
            plot.setXLink(self.density_plot)
            self.split.addWidget(plot)
            self.split.setSizes([520, 220])  # (proportions: the splitter keeps its height)
            self._cdf_plot = plot
        return self._cdf_plot

    def show_theory(self, curves: stats.TheoryCurves, stick_x: np.ndarray, stick_y: np.ndarray, mean: float) -> None:
        """The PDF (or PMF stems and sticks), the CDF and the theoretical mean line."""
        if curves.discrete:
            self.curve.setData([], [])
            self.stems.setData(curves.x, curves.density)
            self.sticks.setData(stick_x, stick_y)
        else:
            self.curve.setData(curves.x, curves.density)
            self.stems.setData([], [])
            self.sticks.setData([], [])
        if self._discrete != curves.discrete:
            self._discrete = curves.discrete
            for item in (self.stems, self.sticks):
                item.setVisible(self._pdf and self._discrete)
        self._set_cdf("cdf", self.cdf_curve, curves.cdf_x, curves.cdf)
        _set_line(self.mean_line, mean)

    def show_ecdf(self, x: np.ndarray, y: np.ndarray) -> None:
        """The empirical CDF of the draws (in the CDF plot)."""
        self._set_cdf("ecdf", self.ecdf, x, y)

    def _set_cdf(self, key: str, item: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> None:
        # The CDF plot is hidden by default: its curves are set when it is shown (or exported), not on every step.
        if self._pdf_only:
            self._cdf_pending[key] = (item, x, y)
        else:
            item.setData(x, y)

    def draw_cdf(self) -> None:
        """Bring the CDF plot's curves up to date (it is being shown or exported)."""
        pending, self._cdf_pending = self._cdf_pending, {}
        for item, x, y in pending.values():
            item.setData(x, y)

    def show_layers(self, pdf: bool, cdf: bool, hist: bool) -> None:
        """Which layers are visible: the PDF/PMF, the CDF plot, the histogram.

        The PMF's stems and sticks are hidden under a PDF: even empty, the scatter item painted itself on every
        frame of a slider drag (~0.2 ms). The curve stays shown under a PMF, empty, as its legend entry says
        "pdf / pmf" (a hidden item is crossed out in the legend).
        """
        self._pdf = pdf
        self.curve.setVisible(pdf)
        for item in (self.stems, self.sticks):
            item.setVisible(pdf and self._discrete)
        self._pdf_only = not cdf
        if cdf:
            self.draw_cdf()
        if cdf or self._cdf_plot is not None:
            self.cdf_plot.setVisible(cdf)
        self.hist.setVisible(hist)

    def show_sample(self, edges: np.ndarray, density: np.ndarray, mean: float) -> None:
        """The histogram bars and the sample mean line."""
        self.hist.setData(edges, density)
        _set_line(self.sample_mean_line, mean)


class LlnView(QtWidgets.QWidget):
    """Running mean of the draws against the theoretical mean (log-scaled draw count)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = _plot(
            translate("Distributions", "Law of large numbers: the running mean settles on μ"),
            translate("Distributions", "number of draws k"),
            translate("Distributions", "mean of k draws"),
        )
        self.plot.getPlotItem().setLogMode(x=True, y=False)
        legend = _legend(self.plot)
        self.curve = pg.PlotDataItem(pen=theme.pen("vermillion"))
        self.plot.getPlotItem().addItem(self.curve)
        self.target = pg.InfiniteLine(angle=0, pen=theme.pen("blue", 0.8, "dash"), movable=False)
        self.plot.getPlotItem().addItem(self.target)
        legend.addItem(self.curve, translate("Distributions", "running mean x̄ₖ"))
        legend.addItem(
            pg.PlotDataItem(pen=theme.pen("blue", 0.8, "dash")), translate("Distributions", "theoretical mean μ")
        )
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.note)

    def draw(self, lln: stats.LlnPlot) -> None:
        """The running mean, the theoretical mean (hidden when undefined) and the note."""
        self.curve.setData(lln.k, lln.mean)
        self.target.setVisible(math.isfinite(lln.target))
        if math.isfinite(lln.target):
            self.target.setPos(lln.target)
        self.note.setText(lln.note)


class CltView(QtWidgets.QWidget):
    """Histogram of sample means with the normal curve the CLT predicts."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = _plot(
            translate("Distributions", "Central limit theorem: means of n draws"),
            translate("Distributions", "sample mean"),
            translate("Distributions", "density"),
        )
        legend = _legend(self.plot)
        self.hist = _hist_item("orange")
        self.normal = pg.PlotDataItem(pen=theme.pen("blue"))
        self.plot.getPlotItem().addItem(self.hist)
        self.plot.getPlotItem().addItem(self.normal)
        legend.addItem(self.hist, translate("Distributions", "means of n draws"))
        legend.addItem(self.normal, translate("Distributions", "normal N(μ, σ²/n)"))
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.note)
        self.catch_up = CatchUp(self)

    def draw(self, clt: stats.CltPlot, live: bool) -> None:
        """Histogram of the means, the CLT's normal and the note; the axes fit them (only growing while ``live``).

        While ``live`` (the n slider held) the note, a wrapped sentence laid out and repainted per step (~0.6 ms),
        catches up at 10 Hz; the release's draw writes it at once.
        """
        h = clt.hist
        self.hist.setData(h.edges, h.density)
        self.normal.setData(clt.normal_x, clt.normal_y)
        self.catch_up.run(lambda: self.note.setText(clt.note), live)
        pad = 0.03 * (h.edges[-1] - h.edges[0])
        fit_view(self.plot, h.edges[0] - pad, h.edges[-1] + pad, 1.08 * clt.top, live)


class QQView(QtWidgets.QWidget):
    """Sample quantiles against standard-normal quantiles; a straight line means normal-shaped data."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = _plot(
            translate("Distributions", "Quantile–quantile plot against a normal"),
            translate("Distributions", "normal quantile z"),
            translate("Distributions", "sample quantile"),
        )
        self.points = pg.ScatterPlotItem(size=6, brush=theme.brush("blue", 200), pen=None)
        self.line = pg.PlotDataItem(pen=theme.pen("vermillion", 0.8, "dash"))
        self.plot.getPlotItem().addItem(self.points)
        self.plot.getPlotItem().addItem(self.line)
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.note)

    def draw(self, qq: stats.QQPlot) -> None:
        """The QQ points, the quartile line and the note (r, or why there is none)."""
        self.points.setData(qq.z, qq.q)
        self.line.setData(qq.line_x, qq.line_y)
        self.note.setText(qq.note)


class BivariateView(QtWidgets.QWidget):
    """Correlated normal scatter with its 95 % covariance ellipse and eigenvector arrows (principal axes)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = _plot(
            translate("Distributions", "Bivariate normal: covariance ellipse and principal axes"), "x", "y"
        )
        self.plot.getPlotItem().setAspectLocked(True)
        legend = _legend(self.plot)
        self.points = pg.ScatterPlotItem(size=4, brush=theme.brush("sky", 150), pen=None)
        self.ellipse = pg.PlotDataItem(pen=theme.pen("blue"))
        self.axis1 = pg.PlotDataItem(pen=theme.pen("vermillion", 1.3))
        self.axis2 = pg.PlotDataItem(pen=theme.pen("green", 1.3))
        for item in (self.points, self.ellipse, self.axis1, self.axis2):
            self.plot.getPlotItem().addItem(item)
        legend.addItem(self.ellipse, translate("Distributions", "95 % ellipse"))
        legend.addItem(self.axis1, translate("Distributions", "1st eigenvector (PC1)"))
        legend.addItem(self.axis2, translate("Distributions", "2nd eigenvector (PC2)"))
        self.plot.setRange(xRange=(-4, 4), yRange=(-4, 4), padding=0)
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.note)


class CoinView(QtWidgets.QWidget):
    """Prior and posterior over the coin's heads probability, with the MAP and MLE marked."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = _plot(
            translate("Distributions", "Bayes coin: prior → posterior"),
            translate("Distributions", "p = P(heads)"),
            translate("Distributions", "density"),
        )
        legend = _legend(self.plot)
        self.prior = _dashed(pg.PlotDataItem(pen=theme.pen("grey", 0.9, "dash")))
        self.posterior = pg.PlotDataItem(pen=theme.pen("blue"), fillLevel=0, brush=theme.brush("blue", 40))
        self.plot.getPlotItem().addItem(self.prior)
        self.plot.getPlotItem().addItem(self.posterior)
        legend.addItem(self.prior, translate("Distributions", "prior Beta(α, β)"))
        legend.addItem(self.posterior, translate("Distributions", "posterior"))
        self.map_line = _vline(self.plot, "vermillion", "solid", translate("Distributions", "MAP"))
        self.mle_line = _vline(self.plot, "green", "dash", translate("Distributions", "MLE"), at=0.8)
        self.plot.setXRange(0, 1, padding=0.01)
        self.flips = QtWidgets.QLabel()
        self.flips.setWordWrap(True)
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.flips)
        lay.addWidget(self.note)


class MleView(QtWidgets.QWidget):
    """Fitted curve over the data, log-likelihood against one parameter, and a contour over two."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.fit_plot = _plot(
            translate("Distributions", "Data and fitted distributions"), "x", translate("Distributions", "density")
        )
        legend = _legend(self.fit_plot)
        self.hist = _hist_item("sky")
        # The two fits often coincide (normal: identical): a wide MLE line under a dashed moments line shows both.
        self.mle_curve = pg.PlotDataItem(pen=theme.pen("vermillion", 1.6))
        self.mom_curve = _dashed(pg.PlotDataItem(pen=theme.pen("green", 0.9, "dash")))
        for item in (self.hist, self.mle_curve, self.mom_curve):
            self.fit_plot.getPlotItem().addItem(item)
        legend.addItem(self.hist, translate("Distributions", "data"))
        legend.addItem(self.mle_curve, translate("Distributions", "maximum likelihood"))
        legend.addItem(self.mom_curve, translate("Distributions", "method of moments"))
        self.ll_plot = _plot(translate("Distributions", "Log-likelihood"), "", "log L")
        self.ll_curve = pg.PlotDataItem(pen=theme.pen("blue"))
        self.ll_max = pg.ScatterPlotItem(size=14, brush=theme.brush("vermillion", 255), pen=theme.pen("fg", 0.3))
        self.ll_mom = pg.ScatterPlotItem(size=11, symbol="d", brush=theme.brush("green", 255), pen=None)
        for item in (self.ll_curve, self.ll_max, self.ll_mom):
            self.ll_plot.getPlotItem().addItem(item)
        self.contour_plot = _plot(translate("Distributions", "Log-likelihood contours"), "", "")
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get("cividis"))
        self.contour_plot.getPlotItem().addItem(self.image)
        self.isocurves: list[pg.IsocurveItem] = []
        for _ in range(6):
            iso = pg.IsocurveItem(pen=theme.pen("fg", 0.4))
            iso.setParentItem(self.image)
            self.isocurves.append(iso)
        self.contour_max = pg.ScatterPlotItem(size=14, brush=theme.brush("vermillion", 255), pen=theme.pen("fg", 0.3))
        self.contour_plot.getPlotItem().addItem(self.contour_max)
        self.contour_note = QtWidgets.QLabel()
        self.contour_note.setWordWrap(True)
        bottom = QtWidgets.QSplitter()
        bottom.addWidget(self.ll_plot)
        contour_box = QtWidgets.QWidget()
        cl = QtWidgets.QVBoxLayout(contour_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.contour_plot, 1)
        cl.addWidget(self.contour_note)
        bottom.addWidget(contour_box)
        split = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        split.addWidget(self.fit_plot)
        split.addWidget(bottom)
        split.setSizes([400, 340])
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
