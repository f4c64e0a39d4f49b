"""The Optimizer lab's plots: the loss surface with trajectories, the loss curve, the line-fit data, the 3-D view.

Items are built once and updated in place (``setData``), so moving the start point or scrubbing repaints in
well under a frame.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme
from gui.widgets.plane import configure_plot

__all__ = [
    "SurfaceView",
    "LossPlot",
    "DataView",
    "Surface3D",
    "surface_display",
    "contour_paths",
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


def surface_display(z: np.ndarray) -> np.ndarray:
    """Compress a loss grid for display: log1p of the height above the minimum, so valleys keep their detail."""
    finite = z[np.isfinite(z)]
    if finite.size == 0:
        return np.zeros_like(z)
    lo = float(finite.min())
    scale = max(float(np.percentile(finite, 50)) - lo, 1e-12) / 20.0
    with np.errstate(all="ignore"):
        d = np.log1p((z - lo) / scale)
    return d


def contour_paths(d: np.ndarray, xs: np.ndarray, ys: np.ndarray, n_levels: int = 14) -> tuple[np.ndarray, np.ndarray]:
    """Contour lines of the display grid ``d`` (rows = y) as x, y arrays with NaN breaks between pieces."""
    finite = d[np.isfinite(d)]
    if finite.size == 0 or float(np.ptp(finite)) == 0.0:
        return np.zeros(0), np.zeros(0)
    data = np.where(np.isfinite(d), d, float(finite.max()))
    levels = np.linspace(float(finite.min()), float(finite.max()), n_levels + 2)[1:-1]
    dx, dy = xs[1] - xs[0], ys[1] - ys[0]
    px, py = [], []
    for level in levels:
        for piece in pg.functions.isocurve(data, level, connected=True):
            a = np.asarray(piece, dtype=np.float64)
            if len(a) < 2:
                continue
            px.append(xs[0] + (a[:, 1] - 0.5) * dx)
            py.append(ys[0] + (a[:, 0] - 0.5) * dy)
            px.append([np.nan])
            py.append([np.nan])
    if not px:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(px), np.concatenate(py)


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
        self.contours = pg.PlotCurveItem(pen=theme.pen("fg", 0.3, alpha=90), connect="finite")
        self.contours.setZValue(-15)
        self.contours.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.addItem(self.contours)
        self.arrows = pg.PlotDataItem(pen=theme.pen("grey", 0.45), connect="pairs")
        self.arrows.setZValue(-10)
        self.addItem(self.arrows)
        self.minima = pg.ScatterPlotItem(symbol="x", size=12, pen=theme.pen("fg", 0.6), brush=None)
        self.addItem(self.minima)
        self.hessian = pg.PlotDataItem(pen=theme.pen("fg", 0.9, style="dash"), connect="pairs")
        self.hessian.setZValue(5)
        self.addItem(self.hessian)
        self.paths: dict[str, pg.PlotCurveItem] = {}
        self.velocity: dict[str, pg.PlotCurveItem] = {}
        self.boxes: dict[str, pg.PlotCurveItem] = {}
        for i, name in enumerate(names):
            c = COLORS[name]
            path = pg.PlotCurveItem(pen=theme.pen(c, 0.9), skipFiniteCheck=True)
            path.setZValue(10 + i)
            vel = pg.PlotCurveItem(pen=theme.pen(c, 0.8), connect="pairs", skipFiniteCheck=True)
            vel.setZValue(20 + i)
            box = pg.PlotCurveItem(pen=theme.pen(c, 0.6, style="dot"), skipFiniteCheck=True)
            box.setZValue(20 + i)
            for item in (path, vel, box):
                self.addItem(item)
            self.paths[name], self.velocity[name], self.boxes[name] = path, vel, box
        # Every optimizer's current point in ONE scatter item: one paint and one bounds query per frame, not seven.
        self.heads = pg.ScatterPlotItem(size=13, pen=theme.pen("bg", 0.5))
        self.heads.setZValue(30)
        self.addItem(self.heads)
        # The same QBrush objects every time: the scatter item caches rendered symbols by brush identity.
        self._head_brushes = {name: QtGui.QBrush(theme.color(COLORS[name])) for name in names}
        self.start = pg.ScatterPlotItem(symbol="star", size=22, pen=theme.pen("fg", 0.5), brush=theme.color("yellow"))
        self.start.setZValue(50)
        self.addItem(self.start)
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
        for group in (self.paths, self.velocity, self.boxes):
            for item in group.values():
                item.opts["antialias"] = on
                item.update()

    def set_heads(self, points: dict[str, tuple[float, float]]) -> None:
        """Mark each optimizer's current point in its colour."""
        names = list(points)
        self.heads.setData(
            [points[n][0] for n in names], [points[n][1] for n in names], brush=[self._head_brushes[n] for n in names]
        )

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
        configure_plot(self.plot_item)
        self.plot_item.getAxis("left").setLogMode(False, True)
        self.plot_item.setLabel("bottom", "iteration")
        self.plot_item.setLabel("left", "f − f*")
        self.plot_item.setTitle("Loss (log scale)")
        self.curves: dict[str, pg.PlotCurveItem] = {}
        for name in names:
            curve = pg.PlotCurveItem(pen=theme.pen(COLORS[name], 0.8), skipFiniteCheck=True)
            self.addItem(curve)
            self.curves[name] = curve
        self.cursor = pg.InfiniteLine(angle=90, pen=theme.pen("fg", 0.4, style="dash"))
        self.addItem(self.cursor, ignoreBounds=True)
        vb = self.plot_item.getViewBox()
        vb.setMouseEnabled(False, False)
        vb.disableAutoRange()
        self._label = ""

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
        self.getPlotItem().setTitle("Data: drag a point · each line is an optimizer's current (m, b)")
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


class Surface3D(QtWidgets.QWidget):
    """A 3-D view of the surface and paths, created only when first shown; a note where OpenGL is missing."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lay = QtWidgets.QVBoxLayout(self)
        self.note = QtWidgets.QLabel("The 3-D view opens when this tab is shown.")
        self.note.setWordWrap(True)
        self.note.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self._lay.addWidget(self.note)
        self.gl = None
        self.failed = False
        self._surface = None
        self._paths: dict[str, object] = {}

    def ensure(self) -> bool:
        """Create the OpenGL view now; False (with a note) when this machine cannot show it."""
        if self.gl is not None:
            return True
        if self.failed:
            return False
        app = QtGui.QGuiApplication.instance()
        if app is None or app.platformName() in ("offscreen", "minimal"):
            return self._fail("3-D view unavailable: this session has no OpenGL display (offscreen).")
        try:
            import pyqtgraph.opengl as gl

            w = gl.GLViewWidget()
            w.setCameraPosition(distance=4.0, elevation=30, azimuth=-60)
            w.setBackgroundColor(theme.current().background)
        except Exception as exc:
            return self._fail(f"3-D view unavailable: OpenGL could not start ({type(exc).__name__}).")
        self._gl_module = gl
        self.gl = w
        self.note.setText("Drag to rotate, wheel to zoom. Heights are the display-compressed loss.")
        self._lay.addWidget(w, 1)
        return True

    def _fail(self, text: str) -> bool:
        self.failed = True
        self.note.setText(text + "\nThe contour view on the first tab shows the same surface from above.")
        return False

    def set_data(self, xs, ys, display, paths: dict[str, np.ndarray]) -> None:
        """Show the surface (normalised to a unit box) and paths lifted onto it."""
        if self.gl is None:
            return
        gl = self._gl_module
        step = max(1, len(xs) // 100)
        xs_, ys_, d = xs[::step], ys[::step], display[::step, ::step]
        finite = d[np.isfinite(d)]
        top = float(finite.max()) if finite.size else 1.0
        d = np.where(np.isfinite(d), d, top) / max(top, 1e-12)
        sx, sy = 2.0 / (xs_[-1] - xs_[0]), 2.0 / (ys_[-1] - ys_[0])
        u, v = (xs_ - xs_[0]) * sx - 1.0, (ys_ - ys_[0]) * sy - 1.0
        colors = np.empty(d.T.shape + (4,), dtype=np.float32)
        colors[..., 0] = 0.35 + 0.5 * d.T
        colors[..., 1] = 0.55 + 0.3 * d.T
        colors[..., 2] = 0.75 - 0.2 * d.T
        colors[..., 3] = 1.0
        if self._surface is None:
            self._surface = gl.GLSurfacePlotItem(x=u, y=v, z=d.T, colors=colors, shader=None, smooth=False)
            self.gl.addItem(self._surface)
        else:
            self._surface.setData(x=u, y=v, z=d.T, colors=colors)
        for item in self._paths.values():
            self.gl.removeItem(item)
        self._paths.clear()
        for name, pts in paths.items():
            if len(pts) == 0:
                continue
            ix = np.clip(np.searchsorted(xs_, pts[:, 0]), 0, len(xs_) - 1)
            iy = np.clip(np.searchsorted(ys_, pts[:, 1]), 0, len(ys_) - 1)
            z = d[iy, ix] + 0.02
            pos = np.column_stack(((pts[:, 0] - xs_[0]) * sx - 1.0, (pts[:, 1] - ys_[0]) * sy - 1.0, z))
            c = theme.color(COLORS[name])
            item = gl.GLLinePlotItem(pos=pos, color=(c.redF(), c.greenF(), c.blueF(), 1.0), width=3, antialias=True)
            self.gl.addItem(item)
            self._paths[name] = item
