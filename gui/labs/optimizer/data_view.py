"""The Optimizer lab's "fit a line" data: draggable points and each optimizer's current line y = m·x + b."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from gui import theme
from gui.i18n import translate
from gui.labs.optimizer.views import COLORS
from gui.widgets.plane import configure_plot

__all__ = ["DataView"]


class _DataViewBox(pg.ViewBox):
    """Drag a data point by pressing near it."""

    point_dragged = QtCore.Signal(int, float, float, bool)

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.points = np.zeros((0, 2))
        self._dragging: int | None = None
        self.setMouseEnabled(False, False)

    def mouseDragEvent(self, ev, axis=None) -> None:
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            self._dragging = self._nearest(ev.buttonDownScenePos())
        if self._dragging is None:
            ev.ignore()
            return
        ev.accept()
        p = self.mapSceneToView(ev.scenePos())
        self.point_dragged.emit(self._dragging, p.x(), p.y(), bool(ev.isFinish()))
        if ev.isFinish():
            self._dragging = None

    def _nearest(self, scene_pos) -> int | None:
        if len(self.points) == 0:
            return None
        pix = [self.mapViewToScene(QtCore.QPointF(x, y)) for x, y in self.points]
        d = [np.hypot(q.x() - scene_pos.x(), q.y() - scene_pos.y()) for q in pix]
        i = int(np.argmin(d))
        return i if d[i] < 14 else None

    def wheelEvent(self, ev, axis=None) -> None:
        ev.ignore()


class DataView(pg.PlotWidget):
    """The data points (draggable) and each optimizer's current line y = m·x + b."""

    def __init__(self, names: tuple[str, ...], parent=None) -> None:
        self.viewbox = _DataViewBox()
        super().__init__(parent, viewBox=self.viewbox)
        configure_plot(self.getPlotItem())
        # two short lines: one long line was cut off in the narrow column at 1280×720 presenter
        first = translate("Optimizer", "Data (drag a point)")
        second = translate("Optimizer", "lines: each optimizer's (m, b)")
        self.getPlotItem().setTitle(f"{first}<br>{second}")
        self.getPlotItem().setLabel("bottom", "x")
        self.getPlotItem().setLabel("left", "y")
        self.scatter = pg.ScatterPlotItem(size=10, pen=theme.pen("fg", 0.4), brush=theme.color("grey", 200))
        self.scatter.setZValue(20)
        self.addItem(self.scatter)
        self.best = pg.PlotDataItem(pen=theme.pen("fg", 0.6, style="dash"))
        self.addItem(self.best)
        self.lines = {n: self.plot(pen=theme.pen(COLORS[n], 0.9)) for n in names}
        self._bounds = None

    def set_points(self, pts: np.ndarray, best: tuple[float, float] | None) -> None:
        """Show the data and the least-squares line; frame them once per data set."""
        self.viewbox.points = pts
        self.scatter.setData(pts[:, 0], pts[:, 1])
        x0, x1 = float(pts[:, 0].min()), float(pts[:, 0].max())
        pad = 0.1 * (x1 - x0 or 1.0)
        self._xr = (x0 - pad, x1 + pad)
        if best is not None:
            self.best.setData(self._xr, [best[0] * x + best[1] for x in self._xr])
        y0, y1 = float(pts[:, 1].min()), float(pts[:, 1].max())
        bounds = (self._xr, (y0 - 0.15 * (y1 - y0 or 1), y1 + 0.15 * (y1 - y0 or 1)))
        if self.viewbox._dragging is None and bounds != self._bounds:  # never re-frame under the user's hand
            self._bounds = bounds
            self.viewbox.setRange(xRange=bounds[0], yRange=bounds[1], padding=0)

    def set_lines(self, params: dict[str, tuple[float, float]]) -> None:
        """Each optimizer's line through its current (slope, intercept)."""
        for name, line in self.lines.items():
            mb = params.get(name)
            if mb is None:
                line.setData([], [])
            else:
                line.setData(self._xr, [mb[0] * x + mb[1] for x in self._xr])
