"""A 2-D Cartesian plane: a pyqtgraph plot with equal axes, a grid and the x/y axes drawn through the origin."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from gui import theme
from gui.view_range import MIN_SPAN

__all__ = ["DecadeAxis", "PlaneWidget", "configure_plot", "decade_axes", "VIEW_LIMIT"]

VIEW_LIMIT = 1e12
"""No plot pans or zooms beyond ±this (pyqtgraph's range arithmetic turns to nan far beyond it)."""


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
