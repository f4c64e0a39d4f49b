"""A 2-D Cartesian plane: a pyqtgraph plot with equal axes, a grid and the x/y axes drawn through the origin."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme
from gui.view_range import MIN_SPAN

__all__ = [
    "DecadeAxis", "PlaneWidget", "configure_plot", "decade_axes", "legible_ticks", "TICK_GAP", "ROOMY_LABEL",
    "VIEW_LIMIT",
]  # fmt: skip

VIEW_LIMIT = 1e12
"""No plot pans or zooms beyond ±this (pyqtgraph's range arithmetic turns to nan far beyond it)."""
TICK_GAP = 0.6
"""The least gap between two tick labels of an axis, in widths of the tick font's "0" (about 5 px on a projector)."""
ROOMY_LABEL = 10
"""A tick spacing this many "0" widths wide holds any label pyqtgraph writes: kept without measuring the labels."""


def _nice_above(step: float) -> float:
    """The next step of the 1-2-5 series above ``step`` (100 -> 200 -> 500 -> 1000)."""
    p10 = 10.0 ** math.floor(math.log10(step) + 1e-9)
    for m in (2.0, 5.0, 10.0):
        if m * p10 > step * (1 + 1e-9):
            return m * p10
    return 20.0 * p10


def legible_ticks(axis: pg.AxisItem) -> None:
    """Major ticks never closer than their labels need: a short axis gets fewer, wider-spaced labels.

    pyqtgraph picks the major spacing from the axis length alone and always labels every major tick, so on a short
    axis (a loss plot squeezed under the surface, presenter fonts) the labels ran together ("100200"). The spacing is
    widened through 1-2-5 steps until the widest label (its height on a vertical axis) and a gap fit between two
    ticks; axes with room keep pyqtgraph's ticks. Finer levels are kept only where they divide the new spacing
    (pyqtgraph labels them only while they are sparse).

    It runs whenever an axis's range changes (every step of a slider that re-ranges a plot), so it is arithmetic with
    the font measured once: a spacing with room for :data:`ROOMY_LABEL` characters is kept without formatting a
    label, and otherwise only the two end labels (the widest: most digits and a sign) are formatted and measured.
    """
    base = axis.tickSpacing
    fonts: dict[str, tuple[QtGui.QFontMetricsF, float, float]] = {}  # font key -> metrics, gap, roomy spacing

    def measured() -> tuple[QtGui.QFontMetricsF, float, float]:
        font = axis.style["tickFont"] or axis.font()
        key = font.key()
        if key not in fonts:
            fm = QtGui.QFontMetricsF(font)
            zero = fm.horizontalAdvance("0")
            fonts.clear()
            fonts[key] = (fm, TICK_GAP * zero, (ROOMY_LABEL + TICK_GAP) * zero)
        return fonts[key]

    def tick_spacing(min_val: float, max_val: float, size: float):
        levels = base(min_val, max_val, size)
        span = abs(max_val - min_val)
        if not levels or axis._tickSpacing is not None or size <= 0 or not span > 0:
            return levels
        fm, gap, roomy = measured()
        px = size / span
        major = levels[0][0]
        vertical = axis.orientation in ("left", "right")
        if not vertical and major * px >= roomy:
            return levels
        low, high = min(min_val, max_val), max(min_val, max_val)
        for _ in range(12):
            if vertical:
                need = 0.8 * fm.height() + gap  # pyqtgraph places labels by 0.8 of their height (it trims the rest)
            else:
                ends = [math.ceil(low / major) * major, math.floor(high / major) * major]
                strings = axis.tickStrings(ends, axis.autoSIPrefixScale * axis.scale, major)
                need = max(fm.horizontalAdvance(str(t)) for t in strings) + gap
            if major * px >= need:
                break
            major = _nice_above(major)
        if major == levels[0][0]:
            return levels
        finer = [(s, o) for s, o in levels[1:] if s < major and abs(major / s - round(major / s)) < 1e-6]
        return [(major, 0.0), *finer]

    axis.tickSpacing = tick_spacing


def configure_plot(plot: pg.PlotItem, *, equal: bool = False, grid: bool = True) -> None:
    """Apply the house look to a plot: themed axes, light grid, no autorange surprises while dragging."""
    plot.showGrid(x=grid, y=grid, alpha=0.25)
    for side in ("left", "bottom"):
        ax = plot.getAxis(side)
        ax.setPen(theme.pen("axis", 0.4))
        ax.setTextPen(theme.pen("fg", 0.4))
        # Two tick levels, not three: the axis-drawn grid is a large share of every repaint (about half, measured
        # in the Hypothesis lab), and the finest level adds clutter on a projector anyway.
        ax.setStyle(tickFont=theme.font(0.9), maxTickLevel=1)
        legible_ticks(ax)
        # Axes (and the grid they draw) are repainted from a pixmap unless the range changes: ~7 ms -> 0.3 ms/frame.
        ax.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
    if equal:
        plot.setAspectLocked(True, ratio=1.0)
    # A wheel zoom far enough in or out made pyqtgraph compute a nan range and raise; these bounds sit well outside
    # what a lab stores (gui.view_range clamps that to ±1e6), so they only stop the arithmetic from breaking.
    plot.getViewBox().setLimits(
        xMin=-VIEW_LIMIT, xMax=VIEW_LIMIT, yMin=-VIEW_LIMIT, yMax=VIEW_LIMIT, minXRange=MIN_SPAN, minYRange=MIN_SPAN
    )
    plot.hideButtons()
    plot.setMenuEnabled(False)


class DecadeAxis(pg.AxisItem):
    """A log-scale axis that draws the 2…9 ticks of each decade only where a decade is tall enough to tell them apart.

    pyqtgraph adds nine minor ticks (and grid lines across the whole plot) per decade whatever the scale: a loss
    spanning 20 decades on a 170 px axis got ~190 lines one pixel apart, a grey smear that cost ~20 ms per repaint.
    """

    MIN_DECADE_PX = 40.0
    """Below this many pixels per decade only the powers of ten are ticked."""

    def logTickValues(self, minVal: float, maxVal: float, size: float, stdTicks: list) -> list:
        ticks = super().logTickValues(minVal, maxVal, size, stdTicks)
        decades = abs(maxVal - minVal)
        if decades > 0 and size / decades < self.MIN_DECADE_PX:
            ticks = [(spacing, values) for spacing, values in ticks if spacing is not None]
        return ticks


def decade_axes(plot: pg.PlotItem, *sides: str) -> None:
    """Give ``plot`` a :class:`DecadeAxis` on each of ``sides`` (call before :func:`configure_plot` styles them)."""
    plot.setAxisItems({side: DecadeAxis(side) for side in sides})


class PlaneWidget(pg.PlotWidget):
    """A plane for vectors and transformations; ``view_changed`` reports the visible range (x0, x1, y0, y1)."""

    view_changed = QtCore.Signal(tuple)

    def __init__(self, parent=None, view: tuple[float, float, float, float] = (-6, 6, -6, 6)) -> None:
        # no pyqtgraph context menus (configure_plot turns them off anyway): the view box's menu alone is ~2.5 ms
        # of widgets built per plane on a lab's first open
        super().__init__(parent, enableMenu=False)
        plot = self.getPlotItem()
        configure_plot(plot, equal=True)
        self.x_axis = pg.InfiniteLine(pos=0, angle=0, pen=theme.pen("axis", 0.5), movable=False)
        self.y_axis = pg.InfiniteLine(pos=0, angle=90, pen=theme.pen("axis", 0.5), movable=False)
        for line in (self.x_axis, self.y_axis):
            line.setZValue(-10)
            plot.addItem(line, ignoreBounds=True)
        self.set_view(view)
        plot.getViewBox().sigRangeChangedManually.connect(self._emit_view)

    def set_view(self, view: tuple[float, float, float, float]) -> None:
        """Show the rectangle x0..x1 × y0..y1 (equal aspect may widen one side)."""
        x0, x1, y0, y1 = view
        self.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def current_view(self) -> tuple[float, float, float, float]:
        """The visible rectangle as (x0, x1, y0, y1)."""
        (x0, x1), (y0, y1) = self.getPlotItem().getViewBox().viewRange()
        return (float(x0), float(x1), float(y0), float(y1))

    def _emit_view(self, *_args) -> None:
        self.view_changed.emit(self.current_view())
