"""The thrown points as one light item: four colour groups drawn with ``drawPoints`` (no per-spot bookkeeping)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.functions as fn
from PySide6 import QtCore, QtGui

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
        self._groups: list[np.ndarray] = []
        self.count = 0

    def set_groups(self, groups: list[np.ndarray]) -> None:
        """One (k, 2) array of points per colour."""
        self._groups = [np.asarray(g, dtype=float).reshape(-1, 2) for g in groups]
        self.count = sum(len(p) for p in groups)
        self.update()

    def boundingRect(self) -> QtCore.QRectF:  # Qt override
        return QtCore.QRectF(0.0, 0.0, 1.0, 1.0)

    def paint(self, p: QtGui.QPainter, *_args) -> None:  # Qt override
        # Map to device pixels with numpy and draw with the transform reset: wide points under a scaled painter are
        # drawn as dashes by the raster engine. No antialiasing: square dots, ~5× cheaper than round ones.
        t = p.transform()
        p.resetTransform()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, False)
        for pen, pts in zip(self._pens, self._groups, strict=False):
            if not len(pts):
                continue
            poly = fn.create_qpolygonf(len(pts))
            xy = fn.ndarray_from_qpolygonf(poly)
            xy[:, 0] = t.m11() * pts[:, 0] + t.m21() * pts[:, 1] + t.dx()
            xy[:, 1] = t.m12() * pts[:, 0] + t.m22() * pts[:, 1] + t.dy()
            p.setPen(pen)
            p.drawPoints(poly)
        p.setTransform(t)
