"""The thrown points as one light item: four colour groups drawn with ``drawPoints`` (no per-spot bookkeeping)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.functions as fn
from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme

__all__ = ["PointCloud"]


class PointCloud(pg.GraphicsObject):
    """Points inside the unit square in a few colours; ``set_groups`` replaces them all at once."""

    def __init__(self, colors: tuple[str, ...], size: float = 4.0) -> None:
        super().__init__()
        self._pens = []
        for c in colors:
            pen = QtGui.QPen(theme.color(c, 220), size)
            pen.setCosmetic(True)
            pen.setCapStyle(QtCore.Qt.PenCapStyle.SquareCap)
            self._pens.append(pen)
        self._size = size
        self._groups: list[np.ndarray] = []
        self.count = 0
        # paint() is told the exposed part, so a small repaint draws the few points near it, not all 2 000
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_groups(self, groups: list[np.ndarray], changed: QtCore.QRectF | None = None) -> None:
        """One (k, 2) array of points per colour; ``changed``: the only area whose points changed colour, if known."""
        self._groups = [np.asarray(g, dtype=float).reshape(-1, 2) for g in groups]
        self.count = sum(len(p) for p in groups)
        if changed is None:
            self.update()
        elif not changed.isEmpty():
            # a point is drawn ``size`` pixels wide around its centre: its pixels reach half that beyond the area
            reach = 0.5 * self._size + 2
            mx, my = reach * self.pixelWidth(), reach * self.pixelHeight()
            self.update(changed.adjusted(-mx, -my, mx, my))

    def boundingRect(self) -> QtCore.QRectF:  # Qt override
        return QtCore.QRectF(0.0, 0.0, 1.0, 1.0)

    def paint(self, p: QtGui.QPainter, opt: QtWidgets.QStyleOptionGraphicsItem, *_args) -> None:  # Qt override
        # Map to device pixels with numpy and draw with the transform reset: wide points under a scaled painter are
        # drawn as dashes by the raster engine. No antialiasing: square dots, ~5× cheaper than round ones.
        t = p.transform()
        reach = 0.5 * self._size + 2  # pixels a point's square reaches beyond its centre (and a pixel to spare)
        near = _near(opt.exposedRect, reach / abs(t.m11() or 1.0), reach / abs(t.m22() or 1.0))
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
        for pen, group in zip(self._pens, self._groups, strict=False):
            pts = group if near is None else group[near(group)]
            if not len(pts):
                continue
            poly = fn.create_qpolygonf(len(pts))
            xy = fn.ndarray_from_qpolygonf(poly)
            xy[:, 0] = t.m11() * pts[:, 0] + t.m21() * pts[:, 1] + t.dx()
            xy[:, 1] = t.m12() * pts[:, 0] + t.m22() * pts[:, 1] + t.dy()
            p.setPen(pen)
            p.drawPoints(poly)
        p.setTransform(t)


def _near(rect: QtCore.QRectF, mx: float, my: float):
    """A mask function of the points within ``(mx, my)`` of ``rect`` (None: the whole item is exposed)."""
    if rect.isEmpty() or (rect.left() <= 0.0 and rect.top() <= 0.0 and rect.right() >= 1.0 and rect.bottom() >= 1.0):
        return None
    x0, x1, y0, y1 = rect.left() - mx, rect.right() + mx, rect.top() - my, rect.bottom() + my

    def mask(pts: np.ndarray) -> np.ndarray:
        x, y = pts[:, 0], pts[:, 1]
        return (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)

    return mask
