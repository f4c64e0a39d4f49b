"""The Optimizer lab's moving markers (the start star, each optimizer's current point) as plain Qt items.

They move on every frame of a drag. As ``pg.ScatterPlotItem``s each move cost a ``setData`` and a paint in Python
(~0.2 ms apiece); a ``QGraphicsPathItem`` that ignores the view's scaling is moved with ``setPos`` and painted by
Qt in C++, at a fixed size in pixels like a scatter symbol.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

__all__ = ["PixelMarker", "MarkerSet"]


class PixelMarker(QtWidgets.QGraphicsPathItem):
    """A symbol of ``size`` pixels (a pyqtgraph symbol name: "o", "star", "x", …) centred on a data point."""

    def __init__(self, symbol: str, size: float, pen: QtGui.QPen, brush: QtGui.QBrush | QtGui.QColor | None) -> None:
        shape = pg.graphicsItems.ScatterPlotItem.Symbols[symbol]
        super().__init__(QtGui.QTransform.fromScale(size, size).map(shape))
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(pen)
        self.setBrush(QtGui.QBrush(brush) if brush is not None else QtGui.QBrush())
        self._at: tuple[float, float] | None = None
        self.hide()

    def place(self, x: float, y: float) -> None:
        """Show the marker at (x, y); hidden when the point is not finite. No repaint when it did not move."""
        if not (math.isfinite(x) and math.isfinite(y)):
            self._at = None
            self.hide()
            return
        if self._at != (x, y):
            self._at = (x, y)
            self.setPos(QtCore.QPointF(x, y))
        self.show()

    def position(self) -> tuple[float, float] | None:
        """Where it is shown (None: hidden)."""
        return self._at if self.isVisible() else None


class MarkerSet:
    """One :class:`PixelMarker` per name, all added to ``viewbox``; ``place`` shows those given, hides the rest."""

    def __init__(self, viewbox: pg.ViewBox, markers: dict[str, PixelMarker], z: float) -> None:
        self.markers = markers
        for m in markers.values():
            m.setZValue(z)
            viewbox.addItem(m, ignoreBounds=True)

    def place(self, points: dict[str, tuple[float, float]]) -> None:
        """Mark each ``name: (x, y)`` given; hide the others."""
        for name, m in self.markers.items():
            p = points.get(name)
            if p is None:
                if m.isVisible():
                    m.hide()
            else:
                m.place(float(p[0]), float(p[1]))

    def positions(self) -> dict[str, tuple[float, float]]:
        """The markers shown, by name."""
        return {n: p for n, m in self.markers.items() if (p := m.position()) is not None}
