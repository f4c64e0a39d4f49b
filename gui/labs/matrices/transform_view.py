"""The Transform page's views: the plane moved by A (grid, unit square, det, eigen-lines, î and ĵ) and its facts."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from engine.linalg import MatricesResults, MatricesState
from gui import theme
from gui.widgets.vector_item import VectorItem

__all__ = ["TransformPlot", "FactsBox"]


class TransformPlot:
    """Plot items of the moved plane; ``render`` draws derive's results into them (the lab connects î/ĵ drags)."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.grid_item = pg.PlotDataItem([], [], pen=theme.pen("blue", 0.35, alpha=150), connect="finite")
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
        self.eigen_lines: list[pg.InfiniteLine] = []
        for _ in range(2):
            line = pg.InfiniteLine(
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
        super().__init__("What A does")
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

    def render(self, r: MatricesResults) -> None:
        """Write derive's fact texts."""
        self.det_text.setText(r.det_text)
        self.eigen_text.setText(r.eigen_text)
        self.inverse_text.setText(r.inverse_text)
