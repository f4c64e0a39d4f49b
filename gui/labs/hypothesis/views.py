"""The Hypothesis lab's plots: null distribution with shaded areas, permutation and bootstrap histograms, simulated
intervals and the power picture. Each view builds its items once and updates them in place (``setData``/``setOpts``)
from drawing data the engine computed (``engine.inference`` pictures); it touches only items whose data changed.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from engine.inference import (
    BootstrapPicture,
    IntervalsPicture,
    NullPicture,
    PermutationFrame,
    PermutationLayout,
    PowerPicture,
)
from gui import theme
from gui.i18n import translate
from gui.view_range import grown
from gui.widgets.plane import configure_plot

__all__ = ["NullView", "PermutationView", "BootstrapView", "IntervalsView", "PowerView", "make_plot"]


def make_plot(x_label: str, y_label: str) -> pg.PlotWidget:
    """A themed plot widget with axis labels and a legend in the top-left corner."""
    widget = pg.PlotWidget()
    plot = widget.getPlotItem()
    configure_plot(plot)
    plot.setLabel("bottom", x_label)
    plot.setLabel("left", y_label)
    for side in ("left", "bottom"):
        plot.getAxis(side).enableAutoSIPrefix(False)  # "(x0.001)" on a density axis confuses students
        plot.getAxis(side).setStyle(maxTickLevel=1)  # the finest grid level doubled every repaint's cost
    plot.addLegend(offset=(10, 10), labelTextSize=f"{theme.current().font_pt}pt")
    widget.setMinimumSize(420, 260)
    return widget


def fill_item(color: str, name: str | None = None, hatch: bool = False, connect: str = "all") -> pg.PlotCurveItem:
    """A filled area under a curve; hatched so it stays readable where it overlaps another fill.

    Not antialiased: the curve drawn over it hides the edge, and an antialiased fill costs several ms per repaint.
    A plain :class:`~pyqtgraph.PlotCurveItem` (what a PlotDataItem draws with): its ``setData`` costs a fraction of
    the PlotDataItem's, and a slider step sets two or three fills.
    """
    brush = theme.brush(color, 110)
    if hatch:
        brush = QtGui.QBrush(theme.color(color), QtCore.Qt.BrushStyle.BDiagPattern)
    item = pg.PlotCurveItem(pen=pg.mkPen(None), fillLevel=0.0, brush=brush, name=name, antialias=False,
                            connect=connect)  # fmt: skip
    item.opts["fillBrush"] = brush  # the legend draws a fill's swatch from this (a PlotDataItem's name for the brush)
    return item


def set_text_if_changed(item, text: str) -> None:
    """Set a label's text only when it differs: every setText re-lays out (and, for axes, re-renders) the plot."""
    if getattr(item, "_shown_text", None) != text:
        item.setText(text)
        item._shown_text = text


class NullView(QtWidgets.QWidget):
    """The test statistic's null distribution, rejection region (α), p-value area and the observed statistic."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot(
            translate("Hypothesis", "test statistic"), translate("Hypothesis", "density under H₀")
        )
        plot = self.plot_widget.getPlotItem()
        self.curve = pg.PlotDataItem(pen=theme.pen("blue"), name=translate("Hypothesis", "null distribution (H₀ true)"))
        self.bars = pg.BarGraphItem(
            x=[0], height=[0], width=0.9, brush=theme.brush("blue", 60), pen=theme.pen("blue", 0.4)
        )
        self.reject_fills = [
            fill_item("vermillion", translate("Hypothesis", "rejection region (area α)") if i == 0 else None)
            for i in range(2)
        ]
        self.p_fills = [
            fill_item("blue", translate("Hypothesis", "p-value: as or more extreme") if i == 0 else None, True)
            for i in range(2)
        ]
        self.observed = pg.InfiniteLine(angle=90, pen=theme.pen("fg", 1.2), movable=False)
        self.critical = [pg.InfiniteLine(angle=90, pen=theme.pen("vermillion", 0.6, "dash")) for _ in range(2)]
        for item in (*self.reject_fills, *self.p_fills, self.bars, self.curve):
            plot.addItem(item)
        for item in (self.observed, *self.critical):
            plot.addItem(item, ignoreBounds=True)
        obs_legend = pg.PlotDataItem(pen=theme.pen("fg", 1.2), name=translate("Hypothesis", "observed statistic"))
        plot.legend.addItem(obs_legend, translate("Hypothesis", "observed statistic"))
        self.observed_legend = plot.legend.getLabel(obs_legend)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        self._range_key: tuple | None = None
        self._curve_x: np.ndarray | None | bool = None  # the drawn curve's x array (False: bars are shown)
        self._fill_pieces: dict[int, tuple[float, float] | None] = {}
        self._y_label = ""
        self._bars_key: tuple | None = None

    def show_result(
        self, pic: NullPicture, view: tuple[float, float, float, float] = (0, 0, 0, 0), live: bool = False
    ) -> None:
        """Draw ``pic`` (same items, new data); the x range follows the null unless ``view`` is set.

        While ``live`` (a slider held) the shown range only grows (:func:`gui.view_range.grown`): an α drag moves the
        critical values, hence the range, and each range change re-renders both axes (the slowest frame of a drag).
        The first frame at rest shows the null's own range again.
        """
        if pic.discrete:
            self._show_discrete(pic)
        else:
            self._show_continuous(pic)
        self._place_marks(pic)
        key = (pic.null, round(pic.lo, 6), round(pic.hi, 6))
        vb = self.plot_widget.getPlotItem().getViewBox()
        if any(view):
            vb.setRange(xRange=view[:2], yRange=view[2:], padding=0)
        elif key != self._range_key:
            need = (pic.lo, pic.hi, 0.0, pic.ymax * 1.12)
            if live:
                (x0, x1), (y0, y1) = vb.viewRange()
                want = grown((x0, x1, y0, y1), need)
                if want != (x0, x1, y0, y1):
                    vb.setRange(xRange=want[:2], yRange=want[2:], padding=0)
                key = None  # not the null's own range: fitted again at rest
            else:
                vb.setRange(xRange=need[:2], yRange=need[2:], padding=0)
        self._range_key = key
        self.setEnabled(True)

    def show_error(self) -> None:
        """Grey the view out while the input is unusable (the message is shown beside it)."""
        self.setEnabled(False)

    def _show_continuous(self, pic: NullPicture) -> None:
        if pic.x is not self._curve_x:  # an α drag keeps the null: the engine hands back the same curve arrays
            self.curve.setData(pic.x, pic.y)
            if not isinstance(self._curve_x, np.ndarray):  # first draw, or the bars of a discrete null are shown
                self.bars.setOpts(x=[], height=[])
                self._bars_key = None
            self._curve_x = pic.x
            self._fill_pieces.clear()
        for fills, pieces, data in ((self.reject_fills, pic.reject_pieces, pic.reject_fills),
                                    (self.p_fills, pic.p_pieces, pic.p_fills)):  # fmt: skip
            for item, piece, xy in zip(fills, pieces, data, strict=True):
                if self._fill_pieces.get(id(item), False) == piece:
                    continue  # unchanged (the p-value area during an α drag): no new path, no repaint of it
                self._fill_pieces[id(item)] = piece
                item.setData(*xy)  # emptied, not hidden: a hidden item shows as crossed-out in the legend

    def _show_discrete(self, pic: NullPicture) -> None:
        key = (pic.null, pic.ks.tobytes(), pic.in_p.tobytes(), pic.in_reject.tobytes())
        if key != self._bars_key:  # during an α drag the bars change only when the region passes a count
            # fill says "in the rejection region", a heavy outline says "counts towards p"
            on, off = theme.brush("vermillion", 150), theme.brush("blue", 50)
            heavy, light = theme.pen("blue", 1.0), theme.pen("blue", 0.3)
            brushes = [on if r else off for r in pic.in_reject]
            pens = [heavy if q else light for q in pic.in_p]
            self.bars.setOpts(x=pic.ks, height=pic.pmf, width=0.85, brushes=brushes, pens=pens)
            self._bars_key = key
        if self._curve_x is not False:  # leaving a continuous null: empty its items once
            self.curve.setData([], [])
            for item in (*self.reject_fills, *self.p_fills):
                item.setData([], [])
            self._curve_x = False
            self._fill_pieces.clear()

    def _place_marks(self, pic: NullPicture) -> None:
        self.observed.setPos(pic.observed_x)
        set_text_if_changed(self.observed_legend, pic.observed_text)
        if pic.y_label != self._y_label:  # setLabel re-renders the (cached) axis: only when it really changes
            self.plot_widget.getPlotItem().setLabel("left", pic.y_label)
            self._y_label = pic.y_label
        for i, line in enumerate(self.critical):
            if i < len(pic.critical):
                line.setPos(pic.critical[i])
                line.setVisible(True)
            else:
                line.setVisible(False)


class PermutationView(QtWidgets.QWidget):
    """The permutation null distribution growing as shuffles are revealed, with the observed difference."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot(
            translate("Hypothesis", "difference of means under shuffled labels"), translate("Hypothesis", "shuffles")
        )
        plot = self.plot_widget.getPlotItem()
        self.bars = pg.BarGraphItem(
            x=[0], height=[0], width=1, brush=theme.brush("grey", 140), pen=theme.pen("grey", 0.3)
        )
        self.extreme = pg.BarGraphItem(x=[0], height=[0], width=1, brush=theme.brush("sky", 230),
                                       pen=theme.pen("blue", 0.3))  # fmt: skip
        self.observed = pg.InfiniteLine(angle=90, pen=theme.pen("fg", 1.2))
        plot.addItem(self.bars)
        plot.addItem(self.extreme)
        plot.addItem(self.observed, ignoreBounds=True)
        plot.legend.addItem(self.bars, translate("Hypothesis", "shuffled-label differences"))
        plot.legend.addItem(self.extreme, translate("Hypothesis", "as or more extreme"))
        plot.legend.addItem(pg.PlotDataItem(pen=theme.pen("fg", 1.2)), translate("Hypothesis", "observed difference"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)

    def set_layout(self, observed: float, layout: PermutationLayout) -> None:
        """A new run: the bins are fixed over the whole null (so the histogram grows in place); fit the view."""
        self.observed.setPos(observed)
        vb = self.plot_widget.getPlotItem().getViewBox()
        vb.setRange(xRange=layout.x_range, yRange=(0, layout.y_top), padding=0)

    def show_frame(self, frame: PermutationFrame) -> None:
        """Show the histogram of the shuffles revealed so far."""
        self.bars.setOpts(x=frame.centres, height=frame.plain, width=frame.width)
        self.extreme.setOpts(x=frame.centres, height=frame.extreme, width=frame.width)


class BootstrapView(QtWidgets.QWidget):
    """The bootstrap distribution of the statistic with its confidence interval shaded."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot(
            translate("Hypothesis", "statistic of a resample"), translate("Hypothesis", "resamples")
        )
        plot = self.plot_widget.getPlotItem()
        self.bars = pg.BarGraphItem(x=[0], height=[0], width=1, brush=theme.brush("blue", 90))
        self.interval = pg.LinearRegionItem(movable=False, brush=theme.brush("green", 50), pen=theme.pen("green", 0.8))
        self.estimate = pg.InfiniteLine(angle=90, pen=theme.pen("fg", 1.2))
        plot.addItem(self.interval, ignoreBounds=True)
        plot.addItem(self.bars)
        plot.addItem(self.estimate, ignoreBounds=True)
        plot.legend.addItem(self.bars, translate("Hypothesis", "bootstrap resamples"))
        plot.legend.addItem(pg.BarGraphItem(x=[0], height=[0], width=1, brush=theme.brush("green", 80)),
                            translate("Hypothesis", "confidence interval"))  # fmt: skip
        plot.legend.addItem(pg.PlotDataItem(pen=theme.pen("fg", 1.2)), translate("Hypothesis", "sample statistic"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)

    def show_result(self, pic: BootstrapPicture) -> None:
        """Histogram, interval and estimate of one bootstrap run."""
        self.bars.setOpts(x=pic.centres, height=pic.heights, width=pic.width)
        self.interval.setRegion(pic.interval)
        self.estimate.setPos(pic.estimate)
        self.plot_widget.getPlotItem().getViewBox().setRange(xRange=pic.x_range, yRange=(0, pic.y_top), padding=0)


class IntervalsView(QtWidgets.QWidget):
    """Simulated confidence intervals as horizontal segments: covering μ in blue, missing it in vermillion."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot(translate("Hypothesis", "value"), translate("Hypothesis", "sample number"))
        plot = self.plot_widget.getPlotItem()
        self.hits = pg.PlotDataItem(
            pen=theme.pen("blue", 0.8), connect="pairs", name=translate("Hypothesis", "covers μ")
        )
        self.misses = pg.PlotDataItem(
            pen=theme.pen("vermillion", 1.2), connect="pairs", name=translate("Hypothesis", "misses μ")
        )
        self.means = pg.ScatterPlotItem(size=5, brush=theme.brush("fg", 200), pen=None)
        self.true_mu = pg.InfiniteLine(angle=90, pen=theme.pen("green", 1.0, "dash"))
        for item in (self.hits, self.misses, self.means):
            plot.addItem(item)
        plot.addItem(self.true_mu, ignoreBounds=True)
        plot.legend.addItem(
            pg.PlotDataItem(pen=theme.pen("green", 1.0, "dash")), translate("Hypothesis", "true mean μ")
        )
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)

    def show_result(self, pic: IntervalsPicture) -> None:
        """Draw every simulated interval."""
        self.hits.setData(*pic.hits)
        self.misses.setData(*pic.misses)
        self.means.setData(*pic.means)
        self.true_mu.setPos(pic.mu)
        self.plot_widget.getPlotItem().getViewBox().setRange(xRange=pic.x_range, yRange=pic.y_range, padding=0)


class PowerView(QtWidgets.QWidget):
    """The statistic's distribution under H₀ and under H₁, with α, β and power shaded."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot(translate("Hypothesis", "test statistic"), translate("Hypothesis", "density"))
        plot = self.plot_widget.getPlotItem()
        # several pieces in one item, separated by NaN
        self.beta_fill = fill_item("sky", translate("Hypothesis", "β: miss a real effect (type II)"), connect="finite")
        self.power_fill = fill_item("green", translate("Hypothesis", "power: detect it"), connect="finite")
        self.alpha_fills = [
            fill_item("vermillion", translate("Hypothesis", "α: false alarm (type I)") if i == 0 else None)
            for i in range(2)
        ]
        # plain curves (the H₁ one is set on every step): see fill_item
        self.null_curve = pg.PlotCurveItem(pen=theme.pen("blue"), name=translate("Hypothesis", "under H₀"))
        self.alt_curve = pg.PlotCurveItem(pen=theme.pen("orange"), name=translate("Hypothesis", "under H₁"))
        self.critical = [pg.InfiniteLine(angle=90, pen=theme.pen("vermillion", 0.6, "dash")) for _ in range(2)]
        for item in (self.beta_fill, self.power_fill, *self.alpha_fills, self.null_curve, self.alt_curve):
            plot.addItem(item)
        for line in self.critical:
            plot.addItem(line, ignoreBounds=True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        self._null_y: np.ndarray | None = None
        self._alpha_pieces: tuple | None = None
        self._rest: tuple[float, float, float, float] | None = None  # the range shown once a slider drag ends

    def show_result(self, pic: PowerPicture, live: bool = False) -> None:
        """Both curves and the three shaded areas; while ``live`` (a slider held) the axes only grow."""
        if pic.null_y is not self._null_y:  # the H₀ curve moves only with the test kind and the x range
            self.null_curve.setData(pic.x, pic.null_y)
            self._null_y = pic.null_y
            self._alpha_pieces = None
        self.alt_curve.setData(pic.x, pic.alt_y)
        if pic.alpha_pieces != self._alpha_pieces:  # the α areas lie under the H₀ curve: unchanged while n or d move
            for item, xy in zip(self.alpha_fills, pic.alpha_fills, strict=True):
                item.setData(*xy)
            self._alpha_pieces = pic.alpha_pieces
        self.power_fill.setData(*pic.power_fill)
        self.beta_fill.setData(*pic.beta_fill)
        for i, line in enumerate(self.critical):
            line.setVisible(i < len(pic.critical))
            if i < len(pic.critical):
                line.setPos(pic.critical[i])
        self._fit(pic.top, pic.lo, pic.hi, live)

    def _fit(self, top: float, lo: float, hi: float, live: bool) -> None:
        """Show x in [lo, hi] and the peak ``top`` in steady steps; while ``live`` the shown range only grows.

        At rest the y range is kept while the peak stays between 45 % and 95 % of it (each range change re-renders
        both axes, the slowest frame of a drag). During a drag that rule is followed on ``_rest``, the range the
        plot will show when the slider is released, while the plot shows a range holding every ``_rest`` so far
        (:func:`gui.view_range.grown`): the x range steps back and forth as the H₁ curve moves, the shown one grows
        once or twice. The release shows ``_rest``, exactly what stepping there at rest would have shown.
        """
        vb = self.plot_widget.getPlotItem().getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        shown = (x0, x1, y0, y1)
        rest = _steady_range(self._rest if self._rest is not None else shown, top, lo, hi)
        self._rest = rest if live else None
        want = grown(shown, rest) if live else rest
        if want != shown:
            vb.setRange(xRange=want[:2], yRange=want[2:], padding=0)


def _steady_range(
    shown: tuple[float, float, float, float], top: float, lo: float, hi: float
) -> tuple[float, float, float, float]:
    """``shown`` while it holds x in [lo, hi] and the peak between 45 % and 95 % of its height, else a new range."""
    x0, x1, _y0, y1 = shown
    if abs(x0 - lo) < 1e-9 and abs(x1 - hi) < 1e-9 and 0.45 * y1 <= top <= 0.95 * y1:
        return shown
    ceiling = math.ceil(top * 1.15 * 20) / 20  # 0.05 steps, ~15 % headroom above the peak
    return (lo, hi, 0.0, ceiling)
