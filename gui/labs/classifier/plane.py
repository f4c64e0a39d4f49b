"""The feature plane: P(positive) shading, the decision boundary at the threshold, and points a user can drag.

With one feature it shows the fitted curve P(positive | x) over the points (at y = 0 or 1) instead of a map.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from engine.classify import ClassifierResults
from gui import theme
from gui.widgets.plane import configure_plot
from gui.widgets.point_drag import PointDrag

__all__ = ["FeaturePlane", "CLASS_COLORS"]

CLASS_COLORS = ("blue", "orange")  # negative, positive (Okabe–Ito)


def _colormap() -> pg.ColorMap:
    """Light blue (P = 0) → background (0.5) → light orange (1)."""
    mid = theme.color("bg")

    def light(name: str) -> QtGui.QColor:
        c = theme.color(name)
        return QtGui.QColor(*(int(0.55 * a + 0.45 * b) for a, b in zip(c.getRgb()[:3], mid.getRgb()[:3], strict=True)))

    return pg.ColorMap([0.0, 0.5, 1.0], [light(CLASS_COLORS[0]), mid, light(CLASS_COLORS[1])])


class FeaturePlane(pg.PlotWidget):
    """Points coloured by class (training filled, test hollow) over P(positive); drag a point or move it by keys."""

    point_moved = QtCore.Signal(int, float, float)  # row index, new x, new y (live)
    point_move_finished = QtCore.Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        plot = self.getPlotItem()
        configure_plot(plot)
        plot.showGrid(x=False, y=False)
        plot.getViewBox().setMouseEnabled(False, False)
        self.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, True)  # smooth shading, not steps
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setZValue(-20)
        plot.addItem(self.image)
        self._lut = _colormap().getLookupTable(0.0, 1.0, 256, alpha=True).astype(np.uint8)
        self._lut[:, 3] = 255
        self.boundary = pg.PlotCurveItem(pen=theme.pen("fg", 1.6, style="dash"))
        self.prob_curve = pg.PlotCurveItem(pen=theme.pen("green", 1.6))
        plot.addItem(self.boundary, ignoreBounds=True)
        plot.addItem(self.prob_curve)
        size = 13 if theme.current().presenter else 10
        self.items = {}
        self._styles: dict[tuple[str, int], dict] = {}
        for split in ("train", "test"):
            for cls, name in enumerate(CLASS_COLORS):
                if split == "train":
                    pen, brush = theme.pen("fg", 0.45), pg.mkBrush(theme.color(name))
                else:
                    pen, brush = theme.pen(name, 1.0), pg.mkBrush(theme.color("bg"))
                symbol = "o" if cls == 0 else "t"  # shape as well as colour tells the classes apart
                item = pg.ScatterPlotItem(size=size, pxMode=True, pen=pen, brush=brush, symbol=symbol)
                self.items[(split, cls)] = item
                self._styles[(split, cls)] = {"pen": pen, "brush": brush, "symbol": symbol, "size": size}
                plot.addItem(item)
        # the point a mouse drags, lifted out of its group while the drag lasts: a move repaints only around it
        self.lifted = pg.ScatterPlotItem(pxMode=True)
        self.lifted.setZValue(5)
        plot.addItem(self.lifted)
        self._lift: tuple[tuple[str, int], int, int] | None = None  # group, position in it, data row
        self._lift_xy = (0.0, 0.0)  # where the lifted marker is shown
        self.setAccessibleName(self.tr("Feature plane: points, probability shading and decision boundary"))
        # mouse and keyboard moves of the points (Tab to them; N selects the next, arrows move it)
        self.drag = PointDrag(self, step=0.1)
        self.drag.moved.connect(self.point_moved)
        self.drag.finished.connect(lambda _i: self._end_lift())  # first: the lab's release handler sees the group
        self.drag.finished.connect(lambda _i: self.point_move_finished.emit())
        self._res: ClassifierResults | None = None  # the results shown last
        self._bounds: tuple[float, float, float, float] | None = None
        self._split = None
        self._titles: tuple[str, str] = ("", "")
        self._shown: dict[tuple[str, int], np.ndarray] = {}  # the points each scatter shows
        self._rows: dict[tuple[str, int], np.ndarray] = {}  # ... and their rows of the data (ascending)
        self._one = False

    def show_results(self, res: ClassifierResults) -> None:
        """Draw ``res``: shading (two features) or the probability curve (one), boundary and points."""
        self._res = res
        bx, by = res.boundary
        self.boundary.setData(bx, by) if len(bx) else self.boundary.setData([], [])
        if self._lift is not None and (self.drag.dragging is None or res.X.shape[1] == 1):
            self._drop()  # the drag is over: the point back in its group (and the exact picture below)
            self._split = None
        if res.split is self._split:
            return  # only the threshold changed: the boundary moved, nothing else did
        self._split = res.split
        plot = self.getPlotItem()
        x0, x1, y0, y1 = res.bounds
        one = res.X.shape[1] == 1
        self._one = one
        if one:
            self.image.clear()
            self.prob_curve.setData(np.linspace(x0, x1, res.grid.shape[1]), res.grid[0])
            rng = np.random.default_rng(0)
            xy = np.column_stack([res.X[:, 0], res.y + rng.uniform(-0.04, 0.04, len(res.y))])
        else:
            self.prob_curve.setData([], [])
            idx = np.clip(res.grid * 255.0 + 0.5, 0, 255).astype(np.uint8)
            self.image.setImage(self._lut[idx], autoLevels=False)
            self.image.setRect(QtCore.QRectF(x0, y0, x1 - x0, y1 - y0))
            xy = res.X
        self.drag.set_points(xy)
        x_span = x1 - x0
        self.drag.step = float(10 ** np.floor(np.log10(x_span / 20))) if x_span > 0 else 0.1  # ~20-60 presses across
        for split, mask in (("train", ~res.test_mask), ("test", res.test_mask)):
            for cls in (0, 1):
                rows = np.flatnonzero(mask & ((res.y > 0.5) == bool(cls)))
                pts = xy[rows]
                self._rows[(split, cls)] = rows
                if self._lift is not None and self._lift[0] == (split, cls):
                    at = self._lift[1]
                    if at < len(pts) and rows[at] == self._lift[2]:
                        self._lift_xy = (float(pts[at, 0]), float(pts[at, 1]))
                        self.lifted.setData(pos=pts[at : at + 1])
                        pts = np.delete(pts, at, axis=0)
                    else:  # the refit moved the point to another group (a new split): drop the lift
                        self._drop()
                shown = self._shown.get((split, cls))
                if shown is not None and shown.shape == pts.shape and np.array_equal(shown, pts):
                    continue  # a drag moves one point: the other three groups keep their spots
                self._shown[(split, cls)] = pts
                self.items[(split, cls)].setData(pos=pts) if len(pts) else self.items[(split, cls)].setData([], [])
        if res.axis_titles != self._titles:  # a new label repaints the axis (and its grid cache): only when it changes
            self._titles = res.axis_titles
            label = {"color": theme.color("fg").name(), "font-size": f"{theme.current().font_pt}pt"}
            plot.setLabel("bottom", res.axis_titles[0], **label)
            plot.setLabel("left", res.axis_titles[1], **label)
        if self.drag.dragging is None and not self.drag.has_keyboard() and res.bounds != self._bounds:
            self._bounds = res.bounds
            plot.getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def show_moved(self, index: int, x: float, y: float) -> bool:
        """Move the marker of data row ``index`` to (x, y) before the refit is drawn (two features only: with one, a
        point's height is its class); False when it is not shown."""
        if self._split is None or self._one:
            return False
        if self._lift is not None and self._lift[2] == index:
            self._lift_xy = (x, y)
            self.lifted.setData(pos=np.array([[x, y]]))  # only the marker's old and new places repaint
            return True
        if self._lift is not None:
            self._drop()
        for key, rows in self._rows.items():
            at = int(np.searchsorted(rows, index))
            if at < len(rows) and rows[at] == index:
                pts = np.delete(self._shown[key], at, axis=0)
                self._shown[key] = pts
                self.items[key].setData(pos=pts) if len(pts) else self.items[key].setData([], [])
                self.lifted.setData(pos=np.array([[x, y]]), **self._styles[key])
                self._lift, self._lift_xy = (key, at, index), (x, y)
                return True
        return False

    def _end_lift(self) -> None:
        """A mouse drag ended: the marker goes back into its group, drawn exactly as the last results have it."""
        if self._lift is not None:
            self._drop()
            if self._res is not None:
                self._split = None
                self.show_results(self._res)

    def _drop(self) -> None:
        """End the lift: the marker goes back into its group, where it was last shown."""
        if self._lift is not None:
            key, at, _row = self._lift
            self._lift = None
            shown = self._shown.get(key)
            if shown is not None and at <= len(shown):
                pts = np.insert(shown, at, self._lift_xy, axis=0)
                self._shown[key] = pts
                self.items[key].setData(pos=pts)
            else:
                self._shown.pop(key, None)  # redrawn whole by the next show_results
        self.lifted.setData([], [])

    def clear_all(self) -> None:
        """Nothing to show (unusable data)."""
        self.image.clear()
        self._drop()
        for item in (*self.items.values(), self.boundary, self.prob_curve):
            item.setData([], [])
        self._shown.clear()
        self._rows.clear()
        self.drag.set_points(np.zeros((0, 2)))
        self._split = None

    def mousePressEvent(self, ev: QtGui.QMouseEvent) -> None:
        hit = self.drag.pick(ev.position()) if ev.button() == QtCore.Qt.MouseButton.LeftButton else None
        if hit is None:
            return super().mousePressEvent(ev)
        self.drag.begin(hit)
        ev.accept()

    def mouseMoveEvent(self, ev: QtGui.QMouseEvent) -> None:
        if not self.drag.move_to(ev.position()):
            return super().mouseMoveEvent(ev)
        ev.accept()

    def mouseReleaseEvent(self, ev: QtGui.QMouseEvent) -> None:
        if not self.drag.release():
            return super().mouseReleaseEvent(ev)
        ev.accept()
