"""The Optimizer lab's plots: the loss surface with trajectories, the loss curve, the line-fit data, the 3-D view.

Items are built once and updated in place (``setData``), so moving the start point or scrubbing repaints in
well under a frame.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme
from gui.i18n import translate
from gui.labs.optimizer.lines import Line, RunLines
from gui.labs.optimizer.markers import MarkerSet, PixelMarker
from gui.widgets.key_mover import KeyMover
from gui.widgets.pixel_curve import PixelCurveItem
from gui.widgets.plane import configure_plot, decade_axes

__all__ = [
    "SurfaceView",
    "LossPlot",
    "thin_path",
    "minmax_decimate",
    "arrow_segments",
    "COLORS",
]

# Okabe–Ito colour per optimizer (yellow avoided: too faint on the light surface).
COLORS = {
    "gd": "blue",
    "momentum": "vermillion",
    "nesterov": "green",
    "adagrad": "orange",
    "rmsprop": "purple",
    "adam": "sky",
    "newton": "black",
}


def clear_item(item) -> None:
    """Empty a curve item or :class:`Line`, without touching (and so repainting) one that is empty already."""
    if item.xData is not None and len(item.xData):
        item.setData([], [])


def thin_path(pts: np.ndarray, cell: tuple[float, float]) -> np.ndarray:
    """Drop points that stay in the same screen pixel as the one before (``cell`` = data size of a pixel).

    A converging run piles hundreds of points onto a few pixels; drawing them costs time and shows nothing.
    """
    if len(pts) <= 2 or not (cell[0] > 0 and cell[1] > 0):
        return pts
    q = np.floor(pts / np.asarray(cell, dtype=np.float64))
    keep = np.empty(len(pts), dtype=bool)
    keep[0] = keep[-1] = True
    np.any(q[1:-1] != q[:-2], axis=1, out=keep[1:-1])
    return pts[keep]


def minmax_decimate(x: np.ndarray, y: np.ndarray, buckets: int) -> tuple[np.ndarray, np.ndarray]:
    """At most 2 points per bucket (its lowest and highest y): a long curve drawn at the cost of its pixel width.

    Each pixel column still spans the curve's full range there, so spikes and oscillations stay visible.
    """
    n = len(y)
    if buckets < 1 or n <= 2 * buckets:
        return x, y
    starts = np.unique(np.linspace(0, n, buckets + 1).astype(np.intp)[:-1])
    ends = np.append(starts[1:] - 1, n - 1)
    xs = np.column_stack((x[starts], x[ends])).ravel()
    ys = np.column_stack((np.minimum.reduceat(y, starts), np.maximum.reduceat(y, starts))).ravel()
    return xs, ys


def arrow_segments(x, y, u, v, length: float) -> tuple[np.ndarray, np.ndarray]:
    """Arrows as line-segment pairs (shaft + two head strokes) for one ``connect='pairs'`` item."""
    x, y, u, v = (np.asarray(a, dtype=np.float64).ravel() for a in (x, y, u, v))
    n = np.hypot(u, v)
    ok = n > 0
    x, y, u, v, n = x[ok], y[ok], u[ok] / n[ok], v[ok] / n[ok], n[ok]
    L = np.full_like(n, length) if np.isscalar(length) else np.asarray(length, dtype=np.float64)[ok]
    ex, ey = x + u * L, y + v * L
    h = 0.35 * L
    c, s = np.cos(2.6), np.sin(2.6)
    h1x, h1y = ex + h * (c * u - s * v), ey + h * (s * u + c * v)
    h2x, h2y = ex + h * (c * u + s * v), ey + h * (-s * u + c * v)
    px = np.column_stack((x, ex, ex, h1x, ex, h2x)).ravel()
    py = np.column_stack((y, ey, ey, h1y, ey, h2y)).ravel()
    return px, py


class _StartViewBox(pg.ViewBox):
    """Left click or drag places the start point; right/middle drag pans, the wheel zooms.

    ``view_edited`` fires once a pan or zoom gesture is over (drag released, wheel idle for a moment), so the lab
    records the view and redraws the surface for it without doing either on every wheel notch.
    """

    pointed = QtCore.Signal(float, float, bool)  # x, y, final
    view_edited = QtCore.Signal(tuple)  # (xmin, xmax, ymin, ymax)

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(True, True)
        self._wheel_timer = QtCore.QTimer(self)
        self._wheel_timer.setSingleShot(True)
        self._wheel_timer.setInterval(250)
        self._wheel_timer.timeout.connect(self._emit_view)

    def current_view(self) -> tuple[float, float, float, float]:
        """The visible range as (xmin, xmax, ymin, ymax)."""
        (x0, x1), (y0, y1) = self.viewRange()
        return (float(x0), float(x1), float(y0), float(y1))

    def _emit_view(self) -> None:
        self.view_edited.emit(self.current_view())

    def mouseClickEvent(self, ev) -> None:
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        p = self.mapSceneToView(ev.scenePos())
        self.pointed.emit(p.x(), p.y(), True)

    def mouseDragEvent(self, ev, axis=None) -> None:
        if ev.button() == QtCore.Qt.MouseButton.LeftButton:
            ev.accept()
            p = self.mapSceneToView(ev.scenePos())
            self.pointed.emit(p.x(), p.y(), bool(ev.isFinish()))
            return
        if ev.button() == QtCore.Qt.MouseButton.RightButton:
            # Pan with the right button too (pyqtgraph would zoom): the wheel already zooms.
            ev.accept()
            d = self.mapSceneToView(ev.lastScenePos()) - self.mapSceneToView(ev.scenePos())
            self.translateBy(x=d.x(), y=d.y())
        else:
            super().mouseDragEvent(ev, axis)  # middle button: pyqtgraph's pan
        if ev.isFinish():
            self._emit_view()

    def wheelEvent(self, ev, axis=None) -> None:
        super().wheelEvent(ev, axis)
        self._wheel_timer.start()


class SurfaceView(pg.PlotWidget):
    """Heat map + contour lines of f, the optimizers' paths, the start point and optional overlays."""

    def __init__(self, names: tuple[str, ...], parent=None) -> None:
        self.viewbox = _StartViewBox()
        super().__init__(parent, viewBox=self.viewbox)
        self.plot_item = self.getPlotItem()
        configure_plot(self.plot_item, grid=False)
        self.plot_item.setLabel("bottom", "x")
        self.plot_item.setLabel("left", "y")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-20)
        # The surface and its contours change only with the surface or the zoom: repaint them from a pixmap while
        # the paths on top are redrawn (a 300×300 image scaled every frame cost ~3 ms).
        self.image.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.addItem(self.image)
        self.contours = pg.PlotCurveItem(pen=theme.pen("fg", 0.3, alpha=90), connect="pairs")
        self.contours.setZValue(-15)
        self.contours.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.addItem(self.contours)
        self.arrows = pg.PlotDataItem(pen=theme.pen("grey", 0.45), connect="pairs")
        self.arrows.setZValue(-10)
        self.addItem(self.arrows)
        self.minima = pg.ScatterPlotItem(symbol="x", size=12, pen=theme.pen("fg", 0.6), brush=None)
        self.minima.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)  # still while dragging
        self.addItem(self.minima)
        self.hessian = pg.PlotDataItem(pen=theme.pen("fg", 0.9, style="dash"), connect="pairs")
        self.hessian.setZValue(5)
        self.addItem(self.hessian)
        # All paths, velocity arrows and step-size boxes: lines of one item (one bounds query, one dirty region).
        self.runs = RunLines()
        self.runs.setZValue(10)
        self.addItem(self.runs)
        self.paths: dict[str, Line] = {}
        self.velocity: dict[str, Line] = {}
        self.boxes: dict[str, Line] = {}
        for i, name in enumerate(names):
            c = COLORS[name]
            self.paths[name] = self.runs.line(theme.pen(c, 0.9), z=i)
            self.velocity[name] = self.runs.line(theme.pen(c, 0.8), z=10 + i, pairs=True)
            self.boxes[name] = self.runs.line(theme.pen(c, 0.6, style="dot"), z=10 + i)
        # Every optimizer's current point and the start star: Qt items moved with setPos, painted in C++.
        heads = {n: PixelMarker("o", 13, theme.pen("bg", 0.5), theme.color(COLORS[n])) for n in names}
        self.heads = MarkerSet(self.viewbox, heads, z=30)
        self.start = PixelMarker("star", 22, theme.pen("fg", 0.5), theme.color("yellow"))
        self.start.setZValue(50)
        self.viewbox.addItem(self.start, ignoreBounds=True)
        self.start_keys = KeyMover(self.start, step=0.1)  # Tab to the star, arrows move the start
        self.message = pg.TextItem("", color=theme.color("vermillion"), anchor=(0.5, 0.5))
        self.message.setZValue(60)
        self.addItem(self.message)
        self._view = None
        self._antialias = True
        self.viewbox.view_edited.connect(self._remember_view)

    def _remember_view(self, view) -> None:
        self._view = view

    def set_view(self, view) -> None:
        """Show x0..x1 × y0..y1 exactly (unless that is already what the user panned/zoomed to)."""
        if view != self._view:
            self._view = view
            self.viewbox.setRange(xRange=view[:2], yRange=view[2:], padding=0)

    def set_antialias(self, on: bool) -> None:
        """Smooth paths at rest; plain ones while a drag redraws them every frame (several times cheaper)."""
        if on == self._antialias:
            return
        self._antialias = on
        self.runs.set_antialias(on)

    def clear_run(self, name: str) -> None:
        """Remove one optimizer's path and internals (it was switched off)."""
        for item in (self.paths[name], self.velocity[name], self.boxes[name]):
            clear_item(item)

    def draw_internals(self, name: str, tr, k: int, span: float, show: bool) -> None:
        """At step ``k``: the velocity/momentum arrow and the box of per-coordinate effective step sizes."""
        if not show or k == 0:
            clear_item(self.velocity[name])
            clear_item(self.boxes[name])
            return
        p = tr.points[k]
        vel = tr.internals.get("velocity", tr.internals.get("exp_avg"))
        if vel is not None and len(vel) >= k:
            b = -vel[k - 1]
            length = float(np.clip(tr.hyperparameters["lr"] * np.hypot(*b), 0.04 * span, 0.2 * span))
            self.velocity[name].setData(*arrow_segments([p[0]], [p[1]], [b[0]], [b[1]], length))
        else:
            clear_item(self.velocity[name])
        eff = tr.internals.get("effective_lr")
        if eff is not None and len(eff) >= k:
            e = eff[k - 1]
            e = 0.08 * span * e / max(float(np.max(e)), 1e-300)
            xs = [p[0] - e[0], p[0] + e[0], p[0] + e[0], p[0] - e[0], p[0] - e[0]]
            ys = [p[1] - e[1], p[1] - e[1], p[1] + e[1], p[1] + e[1], p[1] - e[1]]
            self.boxes[name].setData(xs, ys)
        else:
            clear_item(self.boxes[name])

    def draw_hessian_axes(self, p, vecs, span: float) -> None:
        """The Hessian's eigenvectors at ``p`` as two dashed axes (``vecs`` None hides them)."""
        if vecs is None:
            clear_item(self.hessian)
            return
        L = 0.15 * span
        segs_x, segs_y = [], []
        for j in range(2):
            segs_x += [p[0] - L * vecs[0, j], p[0] + L * vecs[0, j]]
            segs_y += [p[1] - L * vecs[1, j], p[1] + L * vecs[1, j]]
        self.hessian.setData(segs_x, segs_y)

    def set_heads(self, points: dict[str, tuple[float, float]]) -> None:
        """Mark each optimizer's current point in its colour."""
        self.heads.place(points)

    def set_path(self, name: str, pts: np.ndarray) -> None:
        """Show one optimizer's path, thinned to one point per screen pixel."""
        px, py = self.viewbox.viewPixelSize()
        grain = 1.0 if self._antialias else 2.0  # while dragging, one point per 2 px: half the segments to stroke
        shown = thin_path(pts, (grain * px, grain * py))
        self.paths[name].setData(shown[:, 0], shown[:, 1])

    def set_surface(self, xs, ys, display, cx, cy) -> None:
        """Paint the (display-compressed) grid and its contour lines."""
        t = theme.current()
        light, dark = ((250, 250, 250), (110, 118, 128)) if not t.dark else ((40, 42, 46), (150, 156, 166))
        cmap = pg.ColorMap([0.0, 1.0], [light, dark])
        finite = display[np.isfinite(display)]
        hi = float(finite.max()) if finite.size else 1.0
        img = np.where(np.isfinite(display), display, hi)
        self.image.setLookupTable(cmap.getLookupTable(nPts=256))
        self.image.setImage(img, levels=(0.0, max(hi, 1e-12)), autoLevels=False)
        dx, dy = xs[1] - xs[0], ys[1] - ys[0]
        self.image.setRect(QtCore.QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys)))
        self.contours.setData(cx, cy)

    def set_message(self, text: str) -> None:
        """A note in the middle of the surface (e.g. why it cannot be drawn)."""
        self.message.setText(text)
        if self._view:
            v = self._view
            self.message.setPos((v[0] + v[1]) / 2, (v[2] + v[3]) / 2)


class LossPlot(pg.PlotWidget):
    """Loss against iteration on a log scale, one curve per optimizer, a line at the current step.

    Curves hold log10 of the loss themselves (plain curve items, no per-item log transform) and the range is
    refitted only when asked: while a drag recomputes the runs every frame the axes stay put, so they are not
    re-ticked and repainted each time.
    """

    def __init__(self, names: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.plot_item = self.getPlotItem()
        decade_axes(self.plot_item, "left")
        configure_plot(self.plot_item)
        self.plot_item.getAxis("left").setLogMode(False, True)
        self.plot_item.setLabel("bottom", translate("Optimizer", "iteration"))
        self.plot_item.setLabel("left", "f − f*")
        self._title = ""
        self._full_px: float | None = None
        self._fit_title()
        self.curves: dict[str, PixelCurveItem] = {}
        for name in names:
            curve = PixelCurveItem(pen=theme.pen(COLORS[name], 0.8), skipFiniteCheck=True)  # stroked in pixels
            self.addItem(curve)
            self.curves[name] = curve
        self.cursor = pg.InfiniteLine(angle=90, pen=theme.pen("fg", 0.4, style="dash"))
        self.addItem(self.cursor, ignoreBounds=True)
        vb = self.plot_item.getViewBox()
        vb.setMouseEnabled(False, False)
        vb.disableAutoRange()
        self._label = ""

    def _fit_title(self) -> None:
        """"Loss (log scale)", or "Loss" when the plot is too narrow for it (stacked under the surface)."""
        if not hasattr(self, "_title"):  # (a resize during PlotWidget's own construction)
            return
        full = translate("Optimizer", "Loss (log scale)")
        if self._full_px is None:  # measured once, as drawn (the title's size is in its markup)
            self.plot_item.setTitle(full)
            self._title, self._full_px = full, self.plot_item.titleLabel.item.boundingRect().width()
        room = self.width() - self.plot_item.getAxis("left").width() - 16  # the title spans the data area only
        title = full if self._full_px <= room else translate("Optimizer", "Loss")
        if title != self._title:
            self._title = title
            self.plot_item.setTitle(title)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # Qt override: the title follows the width
        super().resizeEvent(event)
        self._fit_title()

    def set_curves(self, values: dict[str, np.ndarray], offset: float, label: str, fit: bool = True) -> None:
        """Curves of f − offset (floored at 1e-16 so the log scale always has a point); ``fit`` refits the range."""
        for name, curve in self.curves.items():
            v = values.get(name)
            if v is None or len(v) == 0:
                curve.setData([], [])
                continue
            with np.errstate(all="ignore"):
                ly = np.log10(np.maximum(v - offset, 1e-16))
            # At rest one bucket per pixel column; while dragging one per two (half the segments, same envelope).
            buckets = max(self.width() // (1 if fit else 2), 50)
            xs, ys = minmax_decimate(np.arange(len(v), dtype=float), ly, buckets)
            curve.setData(xs, ys, antialias=fit)
        if label != self._label:
            self._label = label
            self.plot_item.setLabel("left", label)
        if fit:
            self.fit()

    def fit(self) -> None:
        """Frame every curve (after a drag, or when the runs change by a one-shot edit)."""
        self.getPlotItem().getViewBox().autoRange(padding=0.04)

    def set_position(self, k: int) -> None:
        """Move the current-step line."""
        if self.cursor.value() != k:
            self.cursor.setValue(k)
