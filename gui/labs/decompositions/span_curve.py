"""A part of a polyline that moves along it: the kept and the discarded singular values of the low-rank tab.

Re-setting two curves on every rank step (a ``setData`` each) dirtied both whole curves and made the plot repaint
every segment of the spectrum, antialiased, and its view re-check its range. A :class:`SpanCurve` holds the whole
polyline once and shows the points ``lo … hi − 1`` of it: a new span repaints only the strip of segments that changed
(the rest of the plot is left alone), and a paint draws only the segments that can reach the exposed strip. The pixels
are those of a ``PlotCurveItem`` given just those points (segment mode, the same pen and antialiasing).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt import internals
from PySide6 import QtCore, QtGui, QtWidgets

__all__ = ["MarkerLine", "SpanCurve", "SpanGroup"]

BATCH = 16
"""Lines QPainter strokes as one path in ``drawLines`` (``QPaintEngineEx::drawLines``)."""


class SpanCurve(pg.PlotCurveItem):
    """The points ``lo … hi − 1`` of a polyline whose x increase, drawn as a ``PlotCurveItem`` of just those points
    (segments, its pen); a subclass so that :class:`~gui.widgets.live_quality.LiveQuality` lowers its antialiasing."""

    def __init__(self, pen: QtGui.QPen) -> None:
        super().__init__(pen=pen, segmentedLineMode="on")
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # paint gets the strip
        self._px = np.zeros(0)
        self._py = np.zeros(0)
        self._span = (0, 0)
        self._lines = internals.PrimitiveArray(QtCore.QLineF, 4)
        self._box: QtCore.QRectF | None = None
        self._head_min = self._head_max = self._tail_min = self._tail_max = np.zeros(0)

    # --- the polyline and the shown part ------------------------------------------------------------------------------
    def set_polyline(self, x: np.ndarray, y: np.ndarray, lo: int = 0, hi: int = 0) -> None:
        """A new polyline (x increasing, y finite), showing its points ``lo … hi − 1``."""
        self._px = np.asarray(x, dtype=float)
        self._py = np.asarray(y, dtype=float)
        n = len(self._py)
        if n:  # running bounds, so a span's data bounds cost nothing: prefix and suffix minima and maxima of y
            self._head_min, self._head_max = np.minimum.accumulate(self._py), np.maximum.accumulate(self._py)
            self._tail_min = np.minimum.accumulate(self._py[::-1])[::-1]
            self._tail_max = np.maximum.accumulate(self._py[::-1])[::-1]
        self._span = self._clamp(lo, hi)
        self.prepareGeometryChange()
        self._box = None
        self.informViewBoundsChanged()
        self.update()

    def span(self) -> tuple[int, int]:
        """The shown points ``(lo, hi)``."""
        return self._span

    def set_span(self, lo: int, hi: int) -> bool:
        """Show the points ``lo … hi − 1``, repainting only the segments that appear or go; True if the bounds of the
        shown points changed (:class:`SpanGroup` tells the view when that changes its range)."""
        old, new = self._span, self._clamp(lo, hi)
        if new == old:
            return False
        self._span = new
        changed = sorted({*_segments(old)} ^ {*_segments(new)})  # (small: the steps of a slider)
        if changed:
            box = self.boundingRect()
            pad = self._pad_x()
            x0, x1 = self._px[changed[0]], self._px[changed[-1] + 1]
            self.update(QtCore.QRectF(x0 - pad, box.top(), x1 - x0 + 2 * pad, box.height()))
        return _bounds(self, old) != _bounds(self, new)

    def _clamp(self, lo: int, hi: int) -> tuple[int, int]:
        n = len(self._py)
        lo, hi = max(0, min(lo, n)), max(0, min(hi, n))
        return (lo, max(lo, hi))

    # --- what the view and the scene read -----------------------------------------------------------------------------
    def getData(self):  # pyqtgraph override: the shown points
        lo, hi = self._span
        return self._px[lo:hi], self._py[lo:hi]

    def dataBounds(self, ax, frac=1.0, orthoRange=None):  # pyqtgraph override: those of a curve of the shown points
        if frac < 1.0 or orthoRange is not None:
            x, y = self.getData()
            return pg.PlotCurveItem(x, y, pen=self.opts["pen"]).dataBounds(ax, frac, orthoRange)
        return _bounds(self, self._span)[ax]

    def boundingRect(self) -> QtCore.QRectF:  # Qt override: the whole polyline's, so a new span never moves it
        if self._box is None:
            if len(self._px) == 0:
                return QtCore.QRectF()
            pad = self.pixelPadding()
            px, py = self.pixelVectors()
            px = 0.0 if px is None else px.length() * pad
            py = 0.0 if py is None else py.length() * pad
            x0, x1 = float(self._px[0]), float(self._px[-1])
            y0, y1 = float(self._head_min[-1]), float(self._head_max[-1])
            self._box = QtCore.QRectF(x0 - px, y0 - py, x1 - x0 + 2 * px, y1 - y0 + 2 * py)
        return self._box

    def viewTransformChanged(self) -> None:  # pyqtgraph override: the pixel padding is in view units
        self._box = None
        super().viewTransformChanged()

    def _pad_x(self) -> float:
        """How far (x, data units) a segment's stroke and antialiasing may reach beyond its end points."""
        px, _py = self.pixelVectors()
        return (0.0 if px is None else px.length()) * (self.opts["pen"].widthF() + 3.0)

    # --- drawing ----------------------------------------------------------------------------------------------------
    def paint(self, p: QtGui.QPainter, opt, widget) -> None:  # pyqtgraph override
        lo, hi = self._span
        first, stop = lo, hi - 1  # segment j joins points j and j + 1
        if stop <= first:
            return
        rect = opt.exposedRect
        t = p.transform()
        scale = math.hypot(t.m11(), t.m12())
        if not rect.isEmpty() and scale > 0:  # only the segments that can reach the exposed strip
            pad = (self.opts["pen"].widthF() + 3.0) / scale
            first = max(first, int(np.searchsorted(self._px, rect.left() - pad, "right")) - 1)
            stop = min(stop, int(np.searchsorted(self._px, rect.right() + pad, "left")))
            if stop <= first:
                return
            # whole batches (below): the segments that share a batch with one drawn are drawn too
            first, stop = max(lo, first // BATCH * BATCH), min(hi - 1, -(-stop // BATCH) * BATCH)
        aa = self._exportOpts.get("antialias", True) if self._exportOpts is not False else self.opts["antialias"]
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, aa)
        p.setPen(self.opts["pen"])
        # QPainter strokes lines BATCH at a time, and where segments of two batches overlap, their edges are blended
        # twice: the batches are those of the whole polyline (segment j in batch j // BATCH), whatever the span, so a
        # strip repainted alone gives the pixels of the whole part painted at once
        edge = min(stop, -(-first // BATCH) * BATCH)
        for a, b in ((first, edge), (edge, stop)):
            if b > a:
                self._draw(p, a, b)

    def _draw(self, p: QtGui.QPainter, first: int, stop: int) -> None:
        """Segments ``first … stop − 1`` in one ``drawLines``."""
        self._lines.resize(stop - first)
        lines = self._lines.ndarray()
        lines[:, 0] = self._px[first:stop]
        lines[:, 1] = self._py[first:stop]
        lines[:, 2] = self._px[first + 1 : stop + 1]
        lines[:, 3] = self._py[first + 1 : stop + 1]
        p.drawLines(*self._lines.drawargs())


def _segments(span: tuple[int, int]) -> range:
    return range(span[0], max(span[0], span[1] - 1))


def _bounds(curve: SpanCurve, span: tuple[int, int]) -> tuple[tuple, tuple]:
    """((x min, x max), (y min, y max)) of the points of ``span``, as a ``PlotCurveItem`` of them gives them."""
    lo, hi = span
    if hi <= lo:
        return (None, None), (None, None)
    x = (float(curve._px[lo]), float(curve._px[hi - 1]))
    if lo == 0:
        y = (float(curve._head_min[hi - 1]), float(curve._head_max[hi - 1]))
    elif hi == len(curve._py):
        y = (float(curve._tail_min[lo]), float(curve._tail_max[lo]))
    else:
        part = curve._py[lo:hi]
        y = (float(part.min()), float(part.max()))
    return x, y


class SpanGroup:
    """Curves of one view that move together (the kept and the discarded part of one polyline): the view re-fits its
    auto range only when the bounds it would fit change — telling it re-fits and repaints the whole plot, and the kept
    part's lowest value changes at every rank step while the range of both parts together almost never does."""

    def __init__(self, view: pg.ViewBox, curves: tuple[SpanCurve, ...]) -> None:
        self.view = view
        self.curves = curves
        self._fit: list | None = None  # the bounds the view fitted last (None: unknown)

    def set_polyline(self, x: np.ndarray, y: np.ndarray, spans: list[tuple[int, int]]) -> None:
        """A new polyline for every curve, each showing its span (the view re-fits)."""
        self._fit = None
        for curve, (lo, hi) in zip(self.curves, spans, strict=True):
            curve.set_polyline(x, y, lo, hi)

    def set_spans(self, spans: list[tuple[int, int]]) -> None:
        """Move each curve to its span, repainting the segments that changed (and the plot only if its range may)."""
        moved = [curve for curve, (lo, hi) in zip(self.curves, spans, strict=True) if curve.set_span(lo, hi)]
        if not moved or not any(self.view.state["autoRange"]):
            return
        frac = [1.0 if isinstance(f, bool) else f for f in self.view.state["autoRange"]]
        before, self._fit = self._fit, self.view.childrenBounds(frac=frac)
        if before is None or self._fit != before:
            for curve in moved:
                curve.informViewBoundsChanged()


class MarkerLine(pg.InfiniteLine):
    """A vertical line marking a place on the x axis (the rank k on the spectrum), that moves without repainting the
    whole plot: an ``InfiniteLine`` tells its view of every move, and the view then repaints all of its area to re-fit
    an auto range — but a vertical line's position only bounds x, so the view is told only when it auto-ranges x."""

    def __init__(self, pen: QtGui.QPen) -> None:
        super().__init__(angle=90, pen=pen)

    def informViewBoundsChanged(self) -> None:  # pyqtgraph override
        view = self.getViewBox()
        if view is None or not hasattr(view, "state") or view.state["autoRange"][0] is not False:
            super().informViewBoundsChanged()
