"""Every optimizer's path, velocity arrow and step-size box drawn by ONE graphics item.

A drag redraws all 21 lines every frame. As 21 ``PlotCurveItem``s each one cost its own bounds query (NaN-aware
min/max plus a pixel-size lookup), scene bookkeeping and painter set-up: about 2 ms a frame before any pixel was
drawn. Here a line is a :class:`Line` handle inside one :class:`RunLines` item: one bounds rectangle, one dirty
region, cached pens, and solid lines stroked as separate segments (``drawLines``): Qt strokes a 2–5 px polyline with
its joins ~9× slower than the same segments (measured: 400 points, 2.25 px, 1.9 ms vs 0.2 ms antialiased), and
for a curve sampled every pixel or two the joins do not show. Patterned (dotted) lines stay polylines, so the
pattern runs on across the points.

Two more savings while a gesture lasts (plain lines), for a presenter's 4.5 px pens (issue 13): a repaint of a small
part of the view (the star moving while the paths wait for the next race) strokes only the segments that reach into
it, and round caps are drawn square: Qt strokes a wide round-capped segment ~3.5× slower than a square one (its
stroker instead of the rasterizer's line path). At rest the exact pens are back, every segment stroked.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6 import QtCore, QtGui

__all__ = ["RunLines", "Line"]

_EMPTY = np.zeros(0)


class Line:
    """One polyline (or, with ``pairs``, separate segments) of a :class:`RunLines` item, in data coordinates.

    ``xData``/``yData`` mirror ``PlotCurveItem`` so callers and tests read a line the same way.
    """

    def __init__(self, owner: RunLines, pen: QtGui.QPen, z: float, pairs: bool) -> None:
        self._owner = owner
        self.pen = QtGui.QPen(pen)
        self.live_pen = QtGui.QPen(pen)  # while a gesture lasts: square caps (round ones cost the stroker)
        if self.live_pen.capStyle() == QtCore.Qt.PenCapStyle.RoundCap:
            self.live_pen.setCapStyle(QtCore.Qt.PenCapStyle.SquareCap)
        self.z = z
        self.pairs = pairs
        self.xData: np.ndarray = _EMPTY
        self.yData: np.ndarray = _EMPTY
        self.bounds: tuple[float, float, float, float] | None = None
        self._segments: PrimitiveArray | None = None  # drawLines arguments, built on first paint
        self._polygon: QtGui.QPolygonF | None = None  # drawPolyline argument, built on first paint
        self._device: tuple[float, float, float, float] | None = None  # the data-to-pixel map they were built for

    def setData(self, x, y) -> None:
        """Show the points (x[i], y[i]); NaN/inf points are dropped (a line never draws through them)."""
        x = np.asarray(x, dtype=np.float64).ravel()
        y = np.asarray(y, dtype=np.float64).ravel()
        ok = np.isfinite(x) & np.isfinite(y)
        if not ok.all():
            x, y = x[ok], y[ok]
        if self.pairs and len(x) % 2:
            x, y = x[:-1], y[:-1]
        self.xData, self.yData = x, y
        self._segments = self._polygon = None
        self.bounds = (float(x.min()), float(x.max()), float(y.min()), float(y.max())) if len(x) else None
        self._owner._changed()

    def clear(self) -> None:
        """Show nothing (no repaint when already empty)."""
        if len(self.xData):
            self.setData(_EMPTY, _EMPTY)

    def getData(self) -> tuple[np.ndarray, np.ndarray]:
        """The points shown, as (x, y)."""
        return self.xData, self.yData

    def paint(
        self,
        p: QtGui.QPainter,
        to_device: tuple[float, float, float, float],
        exposed: tuple[float, float, float, float] | None = None,
        live: bool = False,
    ) -> None:
        """Stroke the line (in device pixels: ``to_device`` = sx, sy, dx, dy) with its pen (``live``: the cheap one).

        Solid lines are separate segments; patterned ones a polyline (the dash phase runs on across points).
        ``exposed`` (x0, y0, x1, y1 in device pixels, padded by the pen): only segments reaching into it are
        stroked; the others put no pixel inside the painter's clip, so the picture there is the same.
        """
        n = len(self.xData)
        if n < 2:
            return
        if self._device != to_device:
            self._device = to_device
            self._segments = self._polygon = None
        sx, sy, dx, dy = to_device
        if exposed is not None:
            b = self.bounds  # the line's box in device pixels: nothing to do when it misses the exposed part
            xa, xb = sorted((b[0] * sx + dx, b[1] * sx + dx))
            ya, yb = sorted((b[2] * sy + dy, b[3] * sy + dy))
            if xb < exposed[0] or xa > exposed[2] or yb < exposed[1] or ya > exposed[3]:
                return
            if xa >= exposed[0] and xb <= exposed[2] and ya >= exposed[1] and yb <= exposed[3]:
                exposed = None  # all of it is exposed
        p.setPen(self.live_pen if live else self.pen)
        solid = self.pen.style() == QtCore.Qt.PenStyle.SolidLine
        if self.pairs or solid:
            if self._segments is None:
                x, y = self.xData * sx + dx, self.yData * sy + dy
                seg = PrimitiveArray(QtCore.QLineF, 4)
                if self.pairs:
                    seg.resize(n // 2)
                    a = seg.ndarray()
                    a[:, 0], a[:, 1], a[:, 2], a[:, 3] = x[0::2], y[0::2], x[1::2], y[1::2]
                else:
                    seg.resize(n - 1)
                    a = seg.ndarray()
                    a[:, 0], a[:, 1], a[:, 2], a[:, 3] = x[:-1], y[:-1], x[1:], y[1:]
                self._segments = seg
            if exposed is None:
                p.drawLines(*self._segments.drawargs())
                return
            a = self._segments.ndarray()
            x0, x1 = np.minimum(a[:, 0], a[:, 2]), np.maximum(a[:, 0], a[:, 2])
            y0, y1 = np.minimum(a[:, 1], a[:, 3]), np.maximum(a[:, 1], a[:, 3])
            near = (x1 >= exposed[0]) & (x0 <= exposed[2]) & (y1 >= exposed[1]) & (y0 <= exposed[3])
            k = int(np.count_nonzero(near))
            if k == len(a):
                p.drawLines(*self._segments.drawargs())
            elif k:
                part = PrimitiveArray(QtCore.QLineF, 4)
                part.resize(k)
                part.ndarray()[:] = a[near]
                p.drawLines(*part.drawargs())
        else:
            if self._polygon is None:
                self._polygon = pg.functions.arrayToQPolygonF(self.xData * sx + dx, self.yData * sy + dy)
            p.drawPolyline(self._polygon)


class RunLines(pg.GraphicsObject):
    """A set of coloured lines drawn together, in their ``z`` order, by one item."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[Line] = []
        self._antialias = True
        self._rect: QtCore.QRectF | None = None
        # paint() is told which part of the view is being repainted (option.exposedRect), not just its whole bounds
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def line(self, pen: QtGui.QPen, z: float = 0.0, pairs: bool = False) -> Line:
        """A new, empty line drawn with ``pen`` (higher ``z`` on top; ``pairs``: segments (p0, p1), (p2, p3) …)."""
        ln = Line(self, pen, z, pairs)
        self.lines.append(ln)
        self.lines.sort(key=lambda item: item.z)
        return ln

    def set_antialias(self, on: bool) -> None:
        """Smooth lines with their exact pens (at rest) or plain ones, square-capped (while a gesture lasts)."""
        if on != self._antialias:
            self._antialias = on
            self.update()

    def _changed(self) -> None:
        self._rect = None
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QtCore.QRectF:
        """All lines' points, padded by the widest pen (in pixels, converted to data units)."""
        if self._rect is None:
            boxes = [ln.bounds for ln in self.lines if ln.bounds is not None]
            if not boxes:
                self._rect = QtCore.QRectF()
                return self._rect
            b = np.array(boxes)
            x0, x1, y0, y1 = b[:, 0].min(), b[:, 1].max(), b[:, 2].min(), b[:, 3].max()
            pad = max(ln.pen.widthF() for ln in self.lines) + 2.0
            px, py = self.pixelVectors()
            dx = pad * (px.length() if px is not None else 0.0)
            dy = pad * (py.length() if py is not None else 0.0)
            self._rect = QtCore.QRectF(x0 - dx, y0 - dy, x1 - x0 + 2 * dx, y1 - y0 + 2 * dy)
        return self._rect

    def viewTransformChanged(self) -> None:
        """Zoomed or panned: the pixel padding of the bounds changes."""
        self._rect = None
        self.prepareGeometryChange()

    def paint(self, p: QtGui.QPainter, option=None, widget=None) -> None:
        t = p.transform()
        live = not self._antialias
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, not live)
        if t.m12() == 0.0 and t.m21() == 0.0 and not t.isRotating():
            # Lines mapped to pixels here (numpy) and stroked untransformed: Qt's wide-pen stroker is ~3× faster
            # on an identity transform than on the view's scaling one.
            to_device = (t.m11(), t.m22(), t.dx(), t.dy())
            # Culled only in plain drawing: smooth segments blend where they overlap, and Qt's coverage there
            # depends on the whole batch (a few pixels differed by up to 57 levels in a 400-point self-crossing walk).
            exposed = self._exposed(option, to_device) if live else None
            p.resetTransform()
        else:  # (never in a ViewBox; kept correct anyway)
            to_device, exposed = (1.0, 1.0, 0.0, 0.0), None
        for ln in self.lines:
            ln.paint(p, to_device, exposed, live)
        p.setTransform(t)

    def _exposed(self, option, to_device: tuple[float, float, float, float]) -> tuple | None:
        """The part being repainted in device pixels, padded by the widest pen (None: all of the item)."""
        r = getattr(option, "exposedRect", None)
        if r is None or r.isEmpty() or not self.lines:
            return None
        if r.contains(self.boundingRect()):
            return None
        sx, sy, dx, dy = to_device
        pad = max(ln.pen.widthF() for ln in self.lines) + 2.0
        xa, xb = sorted((r.left() * sx + dx, r.right() * sx + dx))
        ya, yb = sorted((r.top() * sy + dy, r.bottom() * sy + dy))
        return (xa - pad, ya - pad, xb + pad, yb + pad)
