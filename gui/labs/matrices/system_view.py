"""The System page's views: A x = b as two coloured lines meeting (or not) on a plane, and the case in words."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtWidgets

from engine.linalg import MatricesResults
from gui import theme
from gui.i18n import translate

__all__ = ["SystemPlot", "SolutionsBox", "LINE_COLORS"]

LINE_COLORS = ("vermillion", "blue")
"""Equation (1) and equation (2), on the plane and in the text."""


class SystemPlot:
    """The two lines, their labels and the solution point; ``render`` draws derive's results into them."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.lines: list[pg.PlotDataItem] = []
        self.labels: list[pg.TextItem] = []
        for color in LINE_COLORS:
            line = pg.PlotDataItem([], [], pen=theme.pen(color, 1.2))
            label = pg.TextItem("", color=theme.color(color), anchor=(0.5, 1.2))
            label.setFont(theme.font(1.1, bold=True))
            plot.addItem(line, ignoreBounds=True)
            plot.addItem(label, ignoreBounds=True)
            self.lines.append(line)
            self.labels.append(label)
        self.point = pg.ScatterPlotItem(size=14, brush=theme.brush("fg", 255), pen=theme.pen("bg", 0.6))
        plot.addItem(self.point, ignoreBounds=True)
        self.point_label = pg.TextItem("", color=theme.color("fg"), anchor=(-0.1, 1.1))
        self.point_label.setFont(theme.font(1.1, bold=True))
        plot.addItem(self.point_label, ignoreBounds=True)

    def render(self, r: MatricesResults) -> None:
        """Draw the lines of A x = b and, when there is exactly one, the solution."""
        for k, (line, label) in enumerate(zip(self.lines, self.labels, strict=True)):
            seg, at = r.system_segments[k], r.system_label_points[k]
            if seg is None or at is None:
                line.setData([], [])
                label.setText("")
            else:
                line.setData(seg[:, 0], seg[:, 1])
                label.setPos(*at)
                label.setText(f"({k + 1})")
        if r.solution_point is None:
            self.point.setData([], [])
            self.point_label.setText("")
        else:
            x, y = r.solution_point
            self.point.setData([x], [y])
            self.point_label.setText(r.solution_label)
            self.point_label.setPos(x, y)


class SolutionsBox(QtWidgets.QGroupBox):
    """The two equations in their line colours, the case (one / none / infinitely many) and why."""

    def __init__(self) -> None:
        super().__init__(translate("Matrices", "Solutions"))
        lay = QtWidgets.QVBoxLayout(self)
        self.equations_text = QtWidgets.QLabel("")
        self.equations_text.setFont(theme.font(1.15))
        self.system_kind = QtWidgets.QLabel("")
        self.system_kind.setObjectName("system_kind")
        self.system_kind.setWordWrap(True)
        self.system_kind.setFont(theme.font(1.15, bold=True))
        self.system_explain = QtWidgets.QLabel("")
        self.system_explain.setWordWrap(True)
        for w in (self.equations_text, self.system_kind, self.system_explain):
            lay.addWidget(w)

    def render(self, r: MatricesResults) -> None:
        """Write derive's texts about the system."""
        eqs = []
        for k, eq in enumerate(r.equations):
            color = theme.color(LINE_COLORS[k]).name()
            eqs.append(f"<span style='color:{color}'><b>({k + 1})</b>  {eq}</span>")
        self.equations_text.setText("<br>".join(eqs))
        self.system_kind.setText(r.system_kind)
        self.system_explain.setText(r.system_explain)
