"""The Transform page's views: the plane moved by A (grid, unit square, det, eigen-lines, î and ĵ) and its facts."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from engine.linalg import MatricesResults, MatricesState
from gui import theme
from gui.i18n import translate
from gui.widgets.catch_up import CatchUp
from gui.widgets.vector_item import VectorItem

__all__ = ["TransformPlot", "FactsBox", "EigenLine"]


class EigenLine(pg.InfiniteLine):
    """An eigen-line drawn without antialiasing while ``fast`` (a basis tip is dragged), as pyqtgraph draws it else.

    A thick dashed antialiased line across the plot is expensive to stroke: the two eigen-lines were ~0.9 ms of a
    1080p presenter frame of a basis drag (of ~5.3), about half that at 1280×800.
    """

    fast = False

    def paint(self, p: QtGui.QPainter, *args) -> None:
        if not self.fast:
            super().paint(p, *args)
            return
        left, right = self._endPoints
        p.setPen(self.currentPen)
        p.drawLine(QtCore.QPointF(left, 0), QtCore.QPointF(right, 0))


class TransformPlot:
    """Plot items of the moved plane; ``render`` draws derive's results into them (the lab connects î/ĵ drags)."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self._rest_pen = theme.pen("blue", 0.35, alpha=150)
        # During a drag the moved grid is drawn with a 1 px pen without antialiasing (a thick antialiased grid was
        # ~40 % of a 1080p presenter frame); the fine one comes back when the drag ends.
        self._drag_pen = pg.mkPen(theme.color("blue", 150), width=1)
        self._drag_pen.setCosmetic(True)
        self.grid_item = pg.PlotDataItem([], [], pen=self._rest_pen, connect="finite")
        self.grid_item.setZValue(-5)
        plot.addItem(self.grid_item, ignoreBounds=True)
        self.square = QtWidgets.QGraphicsPolygonItem()
        self.square.setBrush(theme.brush("sky", 90))
        self.square.setPen(theme.pen("sky", 0.8))
        self.square.setZValue(-3)
        plot.addItem(self.square, ignoreBounds=True)
        self.det_label = pg.TextItem("", anchor=(0.5, 0.5))
        self.det_label.setFont(theme.font(1.1, bold=True))
        self.det_label.setZValue(8)
        plot.addItem(self.det_label, ignoreBounds=True)
        self.eigen_lines: list[EigenLine] = []
        for _ in range(2):
            line = EigenLine(
                angle=0,
                pen=theme.pen("purple", 1.0, "dash"),
                label="",
                labelOpts={"position": 0.9, "color": theme.color("purple"), "movable": False},
            )
            line.setZValue(-1)
            plot.addItem(line, ignoreBounds=True)
            self.eigen_lines.append(line)
        self.i_hat = VectorItem(color="vermillion", label="î", width=1.3)
        self.j_hat = VectorItem(color="blue", label="ĵ", width=1.3)
        for item in (self.i_hat, self.j_hat):
            item.setZValue(10)
            plot.addItem(item, ignoreBounds=True)

    def set_dragging(self, on: bool) -> None:
        """Draw the moved grid (1 px) and the eigen-lines fast, aliased, while a tip is dragged; fine when it ends."""
        self.grid_item.curve.opts["antialias"] = not on
        self.grid_item.setPen(self._drag_pen if on else self._rest_pen)
        for line in self.eigen_lines:
            line.fast = on
            line.update()

    def render(self, s: MatricesState, r: MatricesResults) -> None:
        """Show the plane under the morphed matrix of ``r`` with what ``s`` switches on."""
        self.i_hat.set_points(r.i_tip)
        self.j_hat.set_points(r.j_tip)
        if r.grid is None:
            self.grid_item.setData([], [])
        else:
            self.grid_item.setData(*r.grid)
        self.square.setPolygon(QtGui.QPolygonF([QtCore.QPointF(float(x), float(y)) for x, y in r.square]))
        self.square.setBrush(theme.brush(r.square_color, 110))
        self.square.setPen(theme.pen("fg" if r.singular_t else r.square_color, 2.0 if r.singular_t else 0.8))
        self.square.setVisible(s.show_det)
        self.det_label.setVisible(s.show_det)
        self.det_label.setAnchor(r.det_label_anchor)
        self.det_label.setPos(*r.det_label_pos)
        self.det_label.setText(r.det_label)
        self.det_label.setColor(theme.color(r.det_label_color))
        for k, line in enumerate(self.eigen_lines):
            show = s.show_eigen and k < len(r.eigen_lines)
            line.setVisible(show)
            if show:
                angle, text = r.eigen_lines[k]
                line.setAngle(angle)
                line.label.setFormat(text)


class FactsBox(QtWidgets.QGroupBox):
    """ "What A does": determinant, eigenvalues and inverse in words."""

    def __init__(self) -> None:
        super().__init__(translate("Matrices", "What A does"))
        lay = QtWidgets.QVBoxLayout(self)
        self.det_text = QtWidgets.QLabel("")
        self.det_text.setObjectName("det_text")
        self.eigen_text = QtWidgets.QLabel("")
        self.eigen_text.setObjectName("eigen_text")
        self.inverse_text = QtWidgets.QLabel("")
        self.inverse_text.setObjectName("inverse_text")
        for label in (self.det_text, self.eigen_text, self.inverse_text):
            label.setWordWrap(True)
            label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(label)
        # New wrapped rich texts re-flow the whole side column (~2 ms a time at 1080p): during a drag they follow
        # at most every LIVE_MS (a CatchUp), the newest texts winning; at rest they are written at once.
        self.catch_up = CatchUp(self)

    def render(self, r: MatricesResults, live: bool = False) -> None:
        """Write derive's fact texts (``live``: during a drag, at most every :data:`~gui.widgets.catch_up.LIVE_MS`)."""
        self.catch_up.run(lambda: self._write(r), live)

    def _write(self, r: MatricesResults) -> None:
        for label, text in ((self.det_text, r.det_text), (self.eigen_text, r.eigen_text),
                            (self.inverse_text, r.inverse_text)):  # fmt: skip
            if label.text() != text:
                label.setText(text)
