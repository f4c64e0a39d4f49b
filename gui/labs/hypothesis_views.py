"""The Hypothesis lab's plots: null distribution with shaded areas, permutation and bootstrap histograms, simulated
intervals and the power picture. Each view builds its items once and updates them in place (``setData``/``setOpts``).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from engine.inference import (
    BootstrapResult,
    IntervalSimulation,
    PermutationProgress,
    PermutationResult,
    PowerResult,
    TestResult,
    format_p,
    null_density,
    null_histogram,
    power_density,
)
from gui import theme
from gui.widgets.plane import configure_plot

__all__ = ["NullView", "PermutationView", "BootstrapView", "IntervalsView", "PowerView", "make_plot"]

CURVE_POINTS = 400
FILL_POINTS = 120
MAX_PIECES = 2


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


def _fill_item(color: str, name: str | None = None, hatch: bool = False) -> pg.PlotDataItem:
    """A filled area under a curve; hatched so it stays readable where it overlaps another fill."""
    brush = theme.brush(color, 110)
    if hatch:
        brush = QtGui.QBrush(theme.color(color), QtCore.Qt.BrushStyle.BDiagPattern)
    return pg.PlotDataItem(pen=pg.mkPen(None), fillLevel=0.0, brush=brush, name=name)


def _pieces(region, lo: float, hi: float) -> list[tuple[float, float]]:
    """The parts of a region inside the visible x range."""
    out = []
    for a, b in region:
        a, b = max(a, lo), min(b, hi)
        if b > a:
            out.append((a, b))
    return out


class NullView(QtWidgets.QWidget):
    """The test statistic's null distribution, rejection region (α), p-value area and the observed statistic."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot("test statistic", "density under H₀")
        plot = self.plot_widget.getPlotItem()
        self.curve = pg.PlotDataItem(pen=theme.pen("blue"), name="null distribution (H₀ true)")
        self.bars = pg.BarGraphItem(
            x=[0], height=[0], width=0.9, brush=theme.brush("blue", 60), pen=theme.pen("blue", 0.4)
        )
        self.reject_fills = [
            _fill_item("vermillion", "rejection region (area α)" if i == 0 else None) for i in range(2)
        ]
        self.p_fills = [_fill_item("blue", "p-value: as or more extreme" if i == 0 else None, True) for i in range(2)]
        self.observed = pg.InfiniteLine(angle=90, pen=theme.pen("fg", 1.2), movable=False)
        self.critical = [pg.InfiniteLine(angle=90, pen=theme.pen("vermillion", 0.6, "dash")) for _ in range(2)]
        for item in (*self.reject_fills, *self.p_fills, self.bars, self.curve):
            plot.addItem(item)
        for item in (self.observed, *self.critical):
            plot.addItem(item, ignoreBounds=True)
        obs_legend = pg.PlotDataItem(pen=theme.pen("fg", 1.2), name="observed statistic")
        plot.legend.addItem(obs_legend, "observed statistic")
        self.observed_legend = plot.legend.getLabel(obs_legend)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        self._range_key: tuple | None = None

    def show_result(self, res: TestResult, view: tuple[float, float, float, float] = (0, 0, 0, 0)) -> None:
        """Draw ``res`` (same items, new data); the x range follows the null unless ``view`` is set."""
        lo, hi, ymax = self._x_range(res)
        if res.null[0] == "binom":
            self._show_discrete(res, lo, hi)
        else:
            self._show_continuous(res, lo, hi)
        self._place_marks(res, lo, hi, ymax)
        key = (res.null, round(lo, 6), round(hi, 6))
        if any(view):
            self.plot_widget.getPlotItem().getViewBox().setRange(xRange=view[:2], yRange=view[2:], padding=0)
        elif key != self._range_key:
            self.plot_widget.getPlotItem().getViewBox().setRange(xRange=(lo, hi), yRange=(0, ymax * 1.12), padding=0)
        self._range_key = key
        self.setEnabled(True)

    def show_error(self) -> None:
        """Grey the view out while the input is unusable (the message is shown beside it)."""
        self.setEnabled(False)

    @staticmethod
    def _x_range(res: TestResult) -> tuple[float, float, float]:
        kind = res.null[0]
        s = res.statistic if math.isfinite(res.statistic) else 0.0
        if kind == "binom":
            n, p = int(res.null[1]), res.null[2]
            sd = math.sqrt(n * p * (1 - p))
            lo = max(-0.5, min(n * p - 4.5 * sd, s - 2) - 0.5)
            hi = min(n + 0.5, max(n * p + 4.5 * sd, s + 2) + 0.5)
            ks = np.arange(math.ceil(lo), math.floor(hi) + 1)
            return lo, hi, float(null_density(res.null, ks).max())
        if kind == "chi2":
            df = res.null[1]
            hi = max(df + 5 * math.sqrt(2 * df), s * 1.15, *(c * 1.15 for c in res.critical))
            x = np.linspace(1e-9, hi, CURVE_POINTS)
            return 0.0, hi, float(min(np.nanmax(null_density(res.null, x)), 0.6))
        edge = max(4.0, abs(s) * 1.15 + 0.3, *(abs(c) * 1.15 for c in res.critical))
        edge = min(edge, 60.0)
        return -edge, edge, float(null_density(res.null, np.array([0.0]))[0])

    def _show_continuous(self, res: TestResult, lo: float, hi: float) -> None:
        x = np.linspace(lo + 1e-9 if res.null[0] == "chi2" else lo, hi, CURVE_POINTS)
        y = np.minimum(null_density(res.null, x), 5.0)
        self.curve.setData(x, y)
        self.bars.setOpts(x=[], height=[])
        for fills, region in ((self.reject_fills, res.reject_region), (self.p_fills, res.p_region)):
            pieces = _pieces(region, x[0], hi)
            for i, item in enumerate(fills):
                if i < len(pieces):
                    fx = np.linspace(*pieces[i], FILL_POINTS)
                    item.setData(fx, np.minimum(null_density(res.null, fx), 5.0))
                else:
                    item.setData([], [])  # emptied, not hidden: a hidden item shows as crossed-out in the legend

    def _show_discrete(self, res: TestResult, lo: float, hi: float) -> None:
        ks = np.arange(math.ceil(lo), math.floor(hi) + 1)
        pmf = null_density(res.null, ks)
        brushes, pens = [], []
        for k in ks:
            in_p = any(a <= k <= b for a, b in res.p_region)
            in_reject = any(a <= k <= b for a, b in res.reject_region)
            # fill says "in the rejection region", a heavy outline says "counts towards p"
            brushes.append(theme.brush("vermillion", 150) if in_reject else theme.brush("blue", 50))
            pens.append(theme.pen("blue", 1.0) if in_p else theme.pen("blue", 0.3))
        self.bars.setOpts(x=ks, height=pmf, width=0.85, brushes=brushes, pens=pens)
        self.curve.setData([], [])
        for item in (*self.reject_fills, *self.p_fills):
            item.setData([], [])

    def _place_marks(self, res: TestResult, lo: float, hi: float, ymax: float) -> None:
        s = res.statistic
        self.observed.setPos(min(max(s, lo), hi))
        shown = f"{s:.0f}" if res.null[0] == "binom" else f"{s:.3f}"
        self.observed_legend.setText(f"observed {res.symbol} = {shown}")
        discrete = "probability" if res.null[0] == "binom" else "density"
        self.plot_widget.getPlotItem().setLabel("left", f"{discrete} under H₀")
        for i, line in enumerate(self.critical):
            if i < len(res.critical):
                line.setPos(res.critical[i])
                line.setVisible(True)
            else:
                line.setVisible(False)


class PermutationView(QtWidgets.QWidget):
    """The permutation null distribution growing as shuffles are revealed, with the observed difference."""

    BINS = 40

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot("difference of means under shuffled labels", "shuffles")
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
        plot.legend.addItem(self.bars, "shuffled-label differences")
        plot.legend.addItem(self.extreme, "as or more extreme")
        plot.legend.addItem(pg.PlotDataItem(pen=theme.pen("fg", 1.2)), "observed difference")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        self._result: PermutationResult | None = None
        self._range = (-1.0, 1.0)

    def set_result(self, result: PermutationResult) -> None:
        """A new run: fix the bins over the whole null (so the histogram grows in place) and fit the view."""
        self._result = result
        lo = float(min(result.null.min(), result.observed))
        hi = float(max(result.null.max(), result.observed))
        pad = 0.05 * (hi - lo or 1.0)
        self._range = (lo - pad, hi + pad)
        self.observed.setPos(result.observed)
        edges, counts, _ = null_histogram(result.null, self._range, result.observed, result.alternative, self.BINS)
        vb = self.plot_widget.getPlotItem().getViewBox()
        vb.setRange(xRange=self._range, yRange=(0, max(1, counts.max()) * 1.1), padding=0)

    def show_progress(self, progress: PermutationProgress) -> None:
        """Show the first ``progress.done`` shuffles."""
        res = self._result
        if res is None:
            return
        edges, counts, extreme = null_histogram(
            res.null[: progress.done], self._range, res.observed, res.alternative, self.BINS
        )
        centres, width = (edges[:-1] + edges[1:]) / 2, (edges[1] - edges[0]) * 0.95
        self.bars.setOpts(x=centres, height=np.where(extreme, 0, counts), width=width)
        self.extreme.setOpts(x=centres, height=np.where(extreme, counts, 0), width=width)


class BootstrapView(QtWidgets.QWidget):
    """The bootstrap distribution of the statistic with its confidence interval shaded."""

    BINS = 50

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot("statistic of a resample", "resamples")
        plot = self.plot_widget.getPlotItem()
        self.bars = pg.BarGraphItem(x=[0], height=[0], width=1, brush=theme.brush("blue", 90))
        self.interval = pg.LinearRegionItem(movable=False, brush=theme.brush("green", 50), pen=theme.pen("green", 0.8))
        self.estimate = pg.InfiniteLine(angle=90, pen=theme.pen("fg", 1.2))
        plot.addItem(self.interval, ignoreBounds=True)
        plot.addItem(self.bars)
        plot.addItem(self.estimate, ignoreBounds=True)
        plot.legend.addItem(self.bars, "bootstrap resamples")
        plot.legend.addItem(pg.BarGraphItem(x=[0], height=[0], width=1, brush=theme.brush("green", 80)),
                            "confidence interval")  # fmt: skip
        plot.legend.addItem(pg.PlotDataItem(pen=theme.pen("fg", 1.2)), "sample statistic")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)

    def show_result(self, res: BootstrapResult) -> None:
        """Histogram, interval and estimate of one bootstrap run."""
        d = res.distribution
        lo, hi = float(min(d.min(), res.low)), float(max(d.max(), res.high))
        counts, edges = np.histogram(d, bins=self.BINS, range=(lo, hi) if hi > lo else (lo - 1, lo + 1))
        self.bars.setOpts(x=(edges[:-1] + edges[1:]) / 2, height=counts, width=(edges[1] - edges[0]) * 0.95)
        self.interval.setRegion((res.low, res.high))
        self.estimate.setPos(res.estimate)
        pad = 0.05 * (edges[-1] - edges[0])
        self.plot_widget.getPlotItem().getViewBox().setRange(
            xRange=(edges[0] - pad, edges[-1] + pad), yRange=(0, max(1, counts.max()) * 1.1), padding=0
        )


class IntervalsView(QtWidgets.QWidget):
    """Simulated confidence intervals as horizontal segments: covering μ in blue, missing it in vermillion."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot("value", "sample number")
        plot = self.plot_widget.getPlotItem()
        self.hits = pg.PlotDataItem(pen=theme.pen("blue", 0.8), connect="pairs", name="covers μ")
        self.misses = pg.PlotDataItem(pen=theme.pen("vermillion", 1.2), connect="pairs", name="misses μ")
        self.means = pg.ScatterPlotItem(size=5, brush=theme.brush("fg", 200), pen=None)
        self.true_mu = pg.InfiniteLine(angle=90, pen=theme.pen("green", 1.0, "dash"))
        for item in (self.hits, self.misses, self.means):
            plot.addItem(item)
        plot.addItem(self.true_mu, ignoreBounds=True)
        plot.legend.addItem(pg.PlotDataItem(pen=theme.pen("green", 1.0, "dash")), "true mean μ")
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)

    def show_result(self, sim: IntervalSimulation) -> None:
        """Draw every interval of ``sim``."""
        y = np.arange(1, sim.count + 1, dtype=float)
        for item, mask in ((self.hits, sim.covers), (self.misses, ~sim.covers)):
            xs = np.column_stack([sim.lows[mask], sim.highs[mask]]).ravel()
            ys = np.repeat(y[mask], 2)
            item.setData(xs, ys)
        self.means.setData(sim.means, y)
        self.true_mu.setPos(sim.mu)
        lo, hi = float(sim.lows.min()), float(sim.highs.max())
        pad = 0.05 * (hi - lo)
        self.plot_widget.getPlotItem().getViewBox().setRange(
            xRange=(lo - pad, hi + pad), yRange=(0, sim.count + 1), padding=0
        )


class PowerView(QtWidgets.QWidget):
    """The statistic's distribution under H₀ and under H₁, with α, β and power shaded."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = make_plot("test statistic", "density")
        plot = self.plot_widget.getPlotItem()
        self.beta_fill = _fill_item("sky", "β: miss a real effect (type II)")
        self.power_fill = _fill_item("green", "power: detect it")
        self.alpha_fills = [_fill_item("vermillion", "α: false alarm (type I)" if i == 0 else None) for i in range(2)]
        self.null_curve = pg.PlotDataItem(pen=theme.pen("blue"), name="under H₀")
        self.alt_curve = pg.PlotDataItem(pen=theme.pen("orange"), name="under H₁")
        self.critical = [pg.InfiniteLine(angle=90, pen=theme.pen("vermillion", 0.6, "dash")) for _ in range(2)]
        for item in (self.beta_fill, self.power_fill, *self.alpha_fills, self.null_curve, self.alt_curve):
            plot.addItem(item)
        for line in self.critical:
            plot.addItem(line, ignoreBounds=True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)

    def show_result(self, res: PowerResult) -> None:
        """Both curves and the three shaded areas for ``res``."""
        lo = min(-4.0, res.shift - 4.0)
        hi = max(4.0, res.shift + 4.0)
        x = np.linspace(lo, hi, CURVE_POINTS)
        y0, y1 = power_density(res.null, x), power_density(res.alt, x)
        self.null_curve.setData(x, y0)
        self.alt_curve.setData(x, y1)
        pieces = _pieces(res.reject_region, lo, hi)
        for i, item in enumerate(self.alpha_fills):
            if i < len(pieces):
                fx = np.linspace(*pieces[i], FILL_POINTS)
                item.setData(fx, power_density(res.null, fx))
            else:
                item.setData([], [])
        inside = np.zeros_like(x, dtype=bool)
        for a, b in res.reject_region:
            inside |= (x >= a) & (x <= b)
        self.power_fill.setData(x, np.where(inside, y1, 0.0))
        self.beta_fill.setData(x, np.where(inside, 0.0, y1))
        for i, line in enumerate(self.critical):
            line.setVisible(i < len(res.critical))
            if i < len(res.critical):
                line.setPos(res.critical[i])
        top = float(max(y0.max(), y1.max()))
        self.plot_widget.getPlotItem().getViewBox().setRange(xRange=(lo, hi), yRange=(0, top * 1.1), padding=0)


def p_text(p: float) -> str:
    """``p = 0.0123`` for labels."""
    return f"p = {format_p(p)}"
