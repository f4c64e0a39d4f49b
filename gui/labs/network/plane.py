"""The Network lab's main view: the probability map, the data points, and placing/dragging points by hand."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from gui import theme
from gui.widgets.plane import PlaneWidget
from gui.widgets.point_drag import PointDrag

CLASS_COLORS = ("blue", "orange")  # class 0, class 1 (Okabe–Ito)


def probability_colormap() -> pg.ColorMap:
    """Diverging map for P(class 1): light blue (0) → white/background (0.5) → light orange (1)."""
    mid = theme.color("bg")

    def light(name: str) -> QtGui.QColor:
        c, m = theme.color(name), mid
        return QtGui.QColor(*(int(0.55 * a + 0.45 * b) for a, b in zip(c.getRgb()[:3], m.getRgb()[:3], strict=True)))

    return pg.ColorMap([0.0, 0.5, 1.0], [light(CLASS_COLORS[0]), mid, light(CLASS_COLORS[1])])


class BoundaryPlane(PlaneWidget):
    """The shaded P(class 1) map with the points; left/right-click places, drag moves, Shift+click deletes.

    Signals carry data coordinates; the lab turns them into states (the view never edits data itself).
    """

    point_added = QtCore.Signal(float, float, int)  # x, y, class
    point_moved = QtCore.Signal(int, float, float)  # index into the full point list, new x, y (live)
    point_move_finished = QtCore.Signal(int)
    point_removed = QtCore.Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent, view=(-3, 3, -3, 3))
        plot = self.getPlotItem()
        plot.getViewBox().setMouseEnabled(False, False)  # clicks place points; the view is part of the state
        plot.showGrid(x=False, y=False)  # the probability map is the background; a grid over it costs ~5 ms a frame
        label_style = {"color": theme.color("fg").name(), "font-size": f"{theme.current().font_pt}pt"}
        plot.setLabel("bottom", "x₁", **label_style)
        plot.setLabel("left", "x₂", **label_style)
        # bilinear scaling of the 64² map: a smooth shading instead of visible steps along the boundary (~0.8 ms)
        self.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, True)
        self.image = pg.ImageItem(axisOrder="col-major")
        self.image.setZValue(-20)
        plot.addItem(self.image)
        # P(class 1) -> RGBA through a table made once: the image is handed over as ready pixels, so pyqtgraph neither
        # rescales nor builds a colour table per frame
        self._lut = probability_colormap().getLookupTable(0.0, 1.0, 256, alpha=True).astype(np.uint8)
        self._lut[:, 3] = 255
        self.probability = np.full((2, 2), 0.5)  # the last map shown (P(class 1), indexed [ix, iy])
        # the p = 0.5 boundary as segments from a vectorised marching squares (pg.IsocurveItem loops in Python)
        self.contour = pg.PlotCurveItem(pen=theme.pen("fg", 0.8), connect="pairs")  # dashes restart per segment
        self.contour.setZValue(-15)
        plot.addItem(self.contour, ignoreBounds=True)
        # one item per (split, class) with a single pen/brush each: per-point styles make 500 points cost ~80 ms
        outline = theme.pen("fg", 0.45)
        size = 14 if theme.current().presenter else 11  # points stay visible from the back of a room
        self.point_items = {}
        for split in ("train", "test"):
            for cls, name in enumerate(CLASS_COLORS):
                if split == "train":
                    pen, brush = outline, pg.mkBrush(theme.color(name))
                else:
                    pen, brush = theme.pen(name, 0.9), pg.mkBrush(theme.color("bg"))
                self.point_items[(split, cls)] = pg.ScatterPlotItem(size=size, pxMode=True, pen=pen, brush=brush)
        self.probe_ring = pg.ScatterPlotItem(
            size=24, pxMode=True, pen=theme.pen("fg", 0.9), brush=pg.mkBrush(None), symbol="o"
        )
        # the point under the mouse while it is dragged: moving one marker is cheap, redrawing 500 points is not
        self.drag_marker = pg.ScatterPlotItem(size=size + 2, pxMode=True)
        self.drag_marker.setZValue(5)
        for item in (*self.point_items.values(), self.probe_ring, self.drag_marker):
            plot.addItem(item)
        self._item_points: dict[tuple[str, int], np.ndarray] = {}
        self.place_class = 0
        self.editable = True
        self._all = np.zeros((0, 2))  # every point in data-set order (what indices refer to)
        self._lifted: int | None = None  # the point shown as the drag marker
        # mouse and keyboard moves of the points (Tab to them; N selects the next, arrows move it)
        self.drag = PointDrag(self, step=0.1)
        self.drag.moved.connect(self._show_moved)
        self.drag.moved.connect(self.point_moved)
        self.drag.finished.connect(self.point_move_finished)

    # --- drawing ----------------------------------------------------------------------------------------------
    def set_grid(self, grid: np.ndarray, boundary: np.ndarray, view: tuple[float, float, float, float]) -> None:
        """Show P(class 1) sampled on the view (grid indexed [ix, iy]) and the p = 0.5 boundary's segment ends."""
        x0, x1, y0, y1 = view
        self.probability = grid
        idx = np.clip(np.nan_to_num(grid, nan=0.5) * 255.0 + 0.5, 0, 255).astype(np.uint8)
        self.image.setImage(self._lut[idx], autoLevels=False)
        self.image.setRect(QtCore.QRectF(x0, y0, x1 - x0, y1 - y0))
        seg = boundary
        if len(seg):
            self.contour.setData(seg[:, 0], seg[:, 1], connect="pairs")
        else:
            self.contour.setData([], [])

    def set_points(self, all_points: np.ndarray, train: tuple, test: tuple) -> None:
        """Draw training points filled and test points hollow, coloured by class."""
        self._all = np.asarray(all_points, dtype=float).reshape(-1, 2)
        self.drag.set_points(self._all)
        self._lifted = None
        self.drag_marker.setData([], [])
        for split, (x, y) in (("train", train), ("test", test)):
            x, y = np.asarray(x, dtype=float).reshape(-1, 2), np.asarray(y, dtype=float)
            for cls in (0, 1):
                pts, item = x[y == cls], self.point_items[(split, cls)]
                self._item_points[(split, cls)] = pts
                if len(pts):
                    item.setData(pos=pts)
                else:
                    item.setData([], [])

    def _lift_for_drag(self, index: int) -> None:
        """Take point ``index`` out of its item and show it as the drag marker, in the same style."""
        xy = self._all[index]
        for key, pts in self._item_points.items():
            hits = np.flatnonzero((pts == xy).all(axis=1)) if len(pts) else ()
            if len(hits):
                rest = np.delete(pts, hits[0], axis=0)
                item = self.point_items[key]
                if len(rest):
                    item.setData(pos=rest)
                else:
                    item.setData([], [])
                self._item_points[key] = rest
                self.drag_marker.setPen(item.opts["pen"])
                self.drag_marker.setBrush(item.opts["brush"])
                break

    def set_probe(self, xy: tuple[float, float] | None) -> None:
        """Ring the training point whose backprop is shown."""
        self.probe_ring.setData([] if xy is None else [{"pos": xy}])

    # --- mouse: place, drag, delete (the keyboard moves points through the same PointDrag) -------------------------
    def _show_moved(self, index: int, x: float, y: float) -> None:
        """A point moves (mouse or keys): lift it out of its item once, then move the single drag marker."""
        if self._lifted != index:
            self._lift_for_drag(index)
            self._lifted = index
        self.drag_marker.setData([x], [y])

    def mousePressEvent(self, ev: QtGui.QMouseEvent) -> None:
        if not self.editable:
            return super().mousePressEvent(ev)
        pos = ev.position()
        hit = self.drag.pick(pos)
        if hit is not None and ev.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier:
            self.point_removed.emit(hit)
        elif hit is not None and ev.button() == QtCore.Qt.MouseButton.LeftButton:
            self.drag.begin(hit)
        elif hit is None and ev.button() in (QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.RightButton):
            p = self.drag.to_data(pos)
            cls = self.place_class if ev.button() == QtCore.Qt.MouseButton.LeftButton else 1 - self.place_class
            self.point_added.emit(float(p.x()), float(p.y()), cls)
        ev.accept()

    def mouseMoveEvent(self, ev: QtGui.QMouseEvent) -> None:
        if not self.drag.move_to(ev.position()):
            return super().mouseMoveEvent(ev)
        ev.accept()

    def mouseReleaseEvent(self, ev: QtGui.QMouseEvent) -> None:
        if not self.drag.release():
            return super().mouseReleaseEvent(ev)
        ev.accept()

    def contextMenuEvent(self, ev: QtGui.QContextMenuEvent) -> None:
        ev.accept()
