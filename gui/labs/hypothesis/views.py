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
    """A filled area under a curve; hatched so it stays readable where it overlaps another fill.

    Not antialiased: the curve drawn over it hides the edge, and an antialiased fill costs several ms per repaint.
    """
    brush = theme.brush(color, 110)
    if hatch:
        brush = QtGui.QBrush(theme.color(color), QtCore.Qt.BrushStyle.BDiagPattern)
    return pg.PlotDataItem(pen=pg.mkPen(None), fillLevel=0.0, brush=brush, name=name, antialias=False)


def _slice_curve(x: np.ndarray, y: np.ndarray, a: float, b: float) -> tuple[np.ndarray, np.ndarray]:
    """The part of a sampled curve over [a, b], its ends interpolated: a shaded area without re-evaluating a pdf."""
    inner = (x > a) & (x < b)
    xs = np.concatenate(([a], x[inner], [b]))
    ys = np.concatenate(([np.interp(a, x, y)], y[inner], [np.interp(b, x, y)]))
    return xs, ys


def _pieces_under(x: np.ndarray, y: np.ndarray, pieces: list[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
    """The curve over each piece, joined by NaN gaps (one fill item, several areas); empty arrays for no piece."""
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for a, b in pieces:
        px, py = _slice_curve(x, y, a, b)
        xs += [px, [np.nan]]
        ys += [py, [np.nan]]
    if not xs:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(xs[:-1]), np.concatenate(ys[:-1])


def _complement(pieces: list[tuple[float, float]], lo: float, hi: float) -> list[tuple[float, float]]:
    """The parts of [lo, hi] outside ``pieces`` (sorted, non-overlapping)."""
    out, start = [], lo
    for a, b in sorted(pieces):
        if a > start:
            out.append((start, a))
        start = max(start, b)
    if hi > start:
        out.append((start, hi))
    return out


def _set_text_if_changed(item, text: str) -> None:
    """Set a label's text only when it differs: every setText re-lays out (and, for axes, re-renders) the plot."""
    if getattr(item, "_shown_text", None) != text:
        item.setText(text)
        item._shown_text = text


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
        self._curve_key: tuple | None = None  # (null, lo, hi) of the drawn density: it does not depend on α
        self._curve_xy: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))
        self._fill_pieces: dict[int, tuple[float, float] | None] = {}
        self._y_label = ""
        self._bars_key: tuple | None = None
        self._peak_cache: dict[tuple, float] = {}

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

    def _x_range(self, res: TestResult) -> tuple[float, float, float]:
        """The x range to show and the density's peak in it; steady while α moves, so the axes stay cached."""
        kind = res.null[0]
        s = res.statistic if math.isfinite(res.statistic) else 0.0
        if kind == "binom":
            n, p = int(res.null[1]), res.null[2]
            sd = math.sqrt(n * p * (1 - p))
            lo = max(-0.5, min(n * p - 4.5 * sd, s - 2) - 0.5)
            hi = min(n + 0.5, max(n * p + 4.5 * sd, s + 2) + 0.5)
        elif kind == "chi2":
            df = res.null[1]
            hi = max(df + 5 * math.sqrt(2 * df), s * 1.15, *(c * 1.15 for c in res.critical))
            lo, hi = 0.0, math.ceil(hi * 2) / 2  # half-unit steps: a sweep of α moves the edge only now and then
        else:
            edge = max(4.0, abs(s) * 1.15 + 0.3, *(abs(c) * 1.15 for c in res.critical))
            edge = min(math.ceil(edge * 2) / 2, 60.0)
            lo, hi = -edge, edge
        key = (res.null, lo, hi)
        if key not in self._peak_cache:
            if len(self._peak_cache) > 64:
                self._peak_cache.clear()
            if kind == "binom":
                peak = float(null_density(res.null, np.arange(math.ceil(lo), math.floor(hi) + 1)).max())
            elif kind == "chi2":
                x = np.linspace(1e-9, hi, CURVE_POINTS)
                peak = float(min(np.nanmax(null_density(res.null, x)), 0.6))
            else:
                peak = float(null_density(res.null, np.array([0.0]))[0])
            self._peak_cache[key] = peak
        return lo, hi, self._peak_cache[key]

    def _show_continuous(self, res: TestResult, lo: float, hi: float) -> None:
        key = (res.null, lo, hi)
        if key != self._curve_key:  # an α drag keeps the null: the density is evaluated once, not per step
            x = np.linspace(lo + 1e-9 if res.null[0] == "chi2" else lo, hi, CURVE_POINTS)
            y = np.minimum(null_density(res.null, x), 5.0)
            self.curve.setData(x, y)
            if not self._curve_key:  # first draw, or the bars of a discrete null are still shown
                self.bars.setOpts(x=[], height=[])
                self._bars_key = None
            self._curve_key, self._curve_xy = key, (x, y)
            self._fill_pieces.clear()
        x, y = self._curve_xy
        for fills, region in ((self.reject_fills, res.reject_region), (self.p_fills, res.p_region)):
            pieces = _pieces(region, x[0], hi)
            for i, item in enumerate(fills):
                piece = pieces[i] if i < len(pieces) else None
                if self._fill_pieces.get(id(item), False) == piece:
                    continue  # unchanged (the p-value area during an α drag): no new path, no repaint of it
                self._fill_pieces[id(item)] = piece
                if piece is not None:
                    item.setData(*_slice_curve(x, y, *piece))
                else:
                    item.setData([], [])  # emptied, not hidden: a hidden item shows as crossed-out in the legend

    def _show_discrete(self, res: TestResult, lo: float, hi: float) -> None:
        ks = np.arange(math.ceil(lo), math.floor(hi) + 1)
        in_p = np.zeros(ks.size, dtype=bool)
        in_reject = np.zeros(ks.size, dtype=bool)
        for a, b in res.p_region:
            in_p |= (ks >= a) & (ks <= b)
        for a, b in res.reject_region:
            in_reject |= (ks >= a) & (ks <= b)
        key = (res.null, ks[0] if ks.size else 0, ks.size, in_p.tobytes(), in_reject.tobytes())
        if key != self._bars_key:  # during an α drag the bars change only when the region passes a count
            pmf = null_density(res.null, ks)
            # fill says "in the rejection region", a heavy outline says "counts towards p"
            on, off = theme.brush("vermillion", 150), theme.brush("blue", 50)
            heavy, light = theme.pen("blue", 1.0), theme.pen("blue", 0.3)
            brushes = [on if r else off for r in in_reject]
            pens = [heavy if q else light for q in in_p]
            self.bars.setOpts(x=ks, height=pmf, width=0.85, brushes=brushes, pens=pens)
            self._bars_key = key
        if self._curve_key is not False:  # leaving a continuous null: empty its items once
            self.curve.setData([], [])
            for item in (*self.reject_fills, *self.p_fills):
                item.setData([], [])
            self._curve_key = False
            self._fill_pieces.clear()

    def _place_marks(self, res: TestResult, lo: float, hi: float, ymax: float) -> None:
        s = res.statistic
        self.observed.setPos(min(max(s, lo), hi))
        shown = f"{s:.0f}" if res.null[0] == "binom" else f"{s:.3f}"
        _set_text_if_changed(self.observed_legend, f"observed {res.symbol} = {shown}")
        y_label = f"{'probability' if res.null[0] == 'binom' else 'density'} under H₀"
        if y_label != self._y_label:  # setLabel re-renders the (cached) axis: only when it really changes
            self.plot_widget.getPlotItem().setLabel("left", y_label)
            self._y_label = y_label
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
        for item in (self.beta_fill, self.power_fill):
            item.setData(connect="finite")  # several pieces in one item, separated by NaN
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
        self._null_key: tuple | None = None
        self._null_y = np.zeros(CURVE_POINTS)
        self._alpha_key: tuple | None = None

    def show_result(self, res: PowerResult) -> None:
        """Both curves and the three shaded areas for ``res``."""
        lo, hi = self._steady_x(res.shift)
        x = np.linspace(lo, hi, CURVE_POINTS)
        null_key = (res.null, lo, hi)
        if null_key != self._null_key:  # the H₀ curve moves only with the test kind and the x range
            self._null_y = power_density(res.null, x)
            self.null_curve.setData(x, self._null_y)
            self._null_key = null_key
            self._alpha_key = None
        y0, y1 = self._null_y, power_density(res.alt, x)
        self.alt_curve.setData(x, y1)
        pieces = _pieces(res.reject_region, lo, hi)
        alpha_key = (null_key, tuple(pieces))
        if alpha_key != self._alpha_key:  # the α areas lie under the H₀ curve: unchanged while n or d move
            for i, item in enumerate(self.alpha_fills):
                if i < len(pieces):
                    item.setData(*_slice_curve(x, y0, *pieces[i]))
                else:
                    item.setData([], [])
            self._alpha_key = alpha_key
        # power = the H₁ curve over the rejection region, β = over the rest; drawn from a coarser copy of the curve
        # (every 3rd point, ends interpolated) so each repaint fills a few short paths instead of 400-point ones
        cx, cy = x[::3], y1[::3]
        self.power_fill.setData(*_pieces_under(cx, cy, pieces))
        self.beta_fill.setData(*_pieces_under(cx, cy, _complement(pieces, lo, hi)))
        for i, line in enumerate(self.critical):
            line.setVisible(i < len(res.critical))
            if i < len(res.critical):
                line.setPos(res.critical[i])
        self._steady_y(float(max(y0.max(), y1.max())), lo, hi)

    @staticmethod
    def _steady_x(shift: float) -> tuple[float, float]:
        """An x range holding both curves, in whole steps of 2: a slider drag moves it only now and then."""
        lo = min(-4.0, 2.0 * math.floor((shift - 4.0) / 2.0))
        hi = max(4.0, 2.0 * math.ceil((shift + 4.0) / 2.0))
        return lo, hi

    def _steady_y(self, top: float, lo: float, hi: float) -> None:
        """Keep the y range while the peak stays between 55 % and 95 % of it; each range change re-renders the axes."""
        vb = self.plot_widget.getPlotItem().getViewBox()
        (x0, x1), (_y0, y1) = vb.viewRange()
        x_same = abs(x0 - lo) < 1e-9 and abs(x1 - hi) < 1e-9
        if x_same and 0.55 * y1 <= top <= 0.95 * y1:
            return
        ceiling = math.ceil(top * 1.15 * 20) / 20  # 0.05 steps, ~15 % headroom above the peak
        vb.setRange(xRange=(lo, hi), yRange=(0, ceiling), padding=0)


def p_text(p: float) -> str:
    """``p = 0.0123`` for labels."""
    return f"p = {format_p(p)}"
