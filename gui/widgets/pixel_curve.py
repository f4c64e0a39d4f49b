"""A ``PlotCurveItem`` that strokes its line in screen pixels: the same look, about 2× cheaper for wide pens.

Qt's raster engine strokes a wide cosmetic pen several times faster on an untransformed painter than through a
plot's data-to-pixel scaling. This item maps its points to pixels with numpy (an affine map: two multiply-adds)
and draws them with the painter's transform reset. Anything it does not handle the simple way (a fill under the
curve, a shadow pen, steps, NaN gaps, a rotated view) is left to ``PlotCurveItem.paint`` unchanged.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6 import QtCore, QtGui

__all__ = ["PixelCurveItem"]


class PixelCurveItem(pg.PlotCurveItem):
    """Drop-in ``pg.PlotCurveItem`` (same options, data and signals) for plain line curves redrawn often."""

    def __init__(self, *args, **kwargs) -> None:
        self._pixels: tuple | None = None  # (data-to-pixel map, drawLines or drawPolyline argument)
        self._plain: bool | None = None  # the data are finite and connected throughout
        super().__init__(*args, **kwargs)

    def updateData(self, *args, **kwargs) -> None:
        self._pixels = None
        self._plain = None
        super().updateData(*args, **kwargs)

    def _simple(self) -> bool:
        """Whether this curve is a plain stroked line (else the base class paints it)."""
        o = self.opts
        if o.get("fillLevel") is not None or o.get("brush") is not None or o.get("fillOutline"):
            return False
        if o.get("shadowPen") is not None or o.get("stepMode") or o.get("connect", "all") != "all":
            return False
        if self._plain is None:
            x, y = self.xData, self.yData
            self._plain = x is not None and len(x) > 1 and bool(np.isfinite(x).all() and np.isfinite(y).all())
        return self._plain

    def paint(self, p: QtGui.QPainter, opt, widget) -> None:
        t = p.transform()
        if not self._simple() or t.m12() != 0.0 or t.m21() != 0.0 or t.isRotating():
            super().paint(p, opt, widget)
            return
        pen = pg.mkPen(self.opts["pen"])
        if not pen.isCosmetic():  # a width in data units: only the plot's transform draws it right
            super().paint(p, opt, widget)
            return
        segments = self._shouldUseDrawLineSegments(pen) if self.opts["segmentedLineMode"] != "on" else True
        to_pixels = (t.m11(), t.m22(), t.dx(), t.dy(), segments)
        if self._pixels is None or self._pixels[0] != to_pixels:
            x = self.xData * to_pixels[0] + to_pixels[2]
            y = self.yData * to_pixels[1] + to_pixels[3]
            if segments:
                arg = PrimitiveArray(QtCore.QLineF, 4)
                arg.resize(len(x) - 1)
                a = arg.ndarray()
                a[:, 0], a[:, 1], a[:, 2], a[:, 3] = x[:-1], y[:-1], x[1:], y[1:]
            else:
                arg = pg.functions.arrayToQPolygonF(x, y)
            self._pixels = (to_pixels, arg)
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, bool(self.opts["antialias"]))
        p.setPen(pen)
        p.resetTransform()
        if segments:
            p.drawLines(*self._pixels[1].drawargs())
        else:
            p.drawPolyline(self._pixels[1])
        p.setTransform(t)
