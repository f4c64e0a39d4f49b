"""What the Vectors plane draws besides the draggable arrows: sum, difference, c·u, span, projection, angle, balls."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from engine.vectors import VectorsResults, VectorsState
from gui import theme
from gui.widgets.vector_item import VectorItem

__all__ = ["OperationsView"]

EMPTY: tuple[list, list] = ([], [])


def _polygon(points) -> QtGui.QPolygonF:
    """A Qt polygon through ``points`` ((x, y) pairs in plot coordinates)."""
    return QtGui.QPolygonF([QtCore.QPointF(float(x), float(y)) for x, y in points])


def _unchanged(item: QtWidgets.QGraphicsItem, points: np.ndarray | None) -> bool:
    """True when ``item`` already shows ``points``; else remembers them as shown.

    A drag moves one vector: the unit ball, the span's fill and whatever is switched off stay as they are, and each
    setData/setPolygon would still re-scan bounds and repaint its item (~0.3 ms a move in all).
    """
    last = getattr(item, "_shown_points", False)
    if last is not False and (last is None) == (points is None) and (last is None or np.array_equal(last, points)):
        return True
    item._shown_points = None if points is None else np.array(points, dtype=float)
    return False


def _set_xy(item: pg.PlotCurveItem, points: np.ndarray | None) -> None:
    if _unchanged(item, points):
        return
    if points is None:
        item.setData(*EMPTY)
    else:
        item.setData(points[:, 0], points[:, 1])


def _set_polygon(item: QtWidgets.QGraphicsPolygonItem, points: np.ndarray) -> None:
    if not _unchanged(item, points):
        item.setPolygon(_polygon(points))


def _set_angle(line: pg.InfiniteLine, deg: float) -> None:
    """Turn ``line`` only when its angle changes: setAngle repaints a band as wide as the view (v's line while u moves:
    half the plane's viewport repainted on every move of a drag)."""
    if line.angle != deg:
        line.setAngle(deg)


def _set_text(item: pg.TextItem, text: str) -> None:
    """pyqtgraph's setText lays the text out and repaints it even when it is the same."""
    if item.toPlainText() != text:
        item.setText(text)


class OperationsView:
    """The overlay items of one plot; ``render`` shows a state's derived results in them (never edits state)."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self._plot = plot
        self.span_fill = self._add(QtWidgets.QGraphicsPolygonItem(), -6)
        self.span_fill.setBrush(theme.brush("purple", 22))
        self.span_fill.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
        self.span_line = self._add(pg.InfiniteLine(angle=0, pen=theme.pen("purple", 3.0, alpha=60)), -5)
        self.span_label = self._add(pg.TextItem("", color=theme.color("purple"), anchor=(0, 0)), 6)
        self.span_label.setFont(theme.font(1.0, bold=True))
        self.parallelogram = self._add(QtWidgets.QGraphicsPolygonItem(), -4)
        self.parallelogram.setBrush(theme.brush("green", 35))
        self.parallelogram.setPen(theme.pen("green", 0.5, "dash"))
        self.ball_unit = self._add(pg.PlotCurveItem(pen=theme.pen("grey", 0.8)), -3)
        self.ball_u = self._add(pg.PlotCurveItem(pen=theme.pen("blue", 0.6, "dash")), -3)
        self.ball_label = self._add(pg.TextItem("", color=theme.color("grey"), anchor=(0, 1)), 6)
        self.arc = self._add(pg.PlotCurveItem(pen=theme.pen("fg", 0.6)), 1)
        self.arc_label = self._add(pg.TextItem("", color=theme.color("fg"), anchor=(0.5, 0.5)), 6)
        self.perp = self._add(pg.PlotCurveItem(pen=theme.pen("sky", 0.8, "dash")), 1)
        self.v_line = self._add(pg.InfiniteLine(angle=0, pen=theme.pen("vermillion", 0.4, "dot")), -2)
        self.combo_path = self._add(pg.PlotCurveItem(pen=theme.pen("purple", 0.6, "dash")), 1)
        self.sum_item = self._add(VectorItem(color="green", label="u+v", draggable=False), 2)
        self.diff_item = self._add(VectorItem(color="black", label="u−v", draggable=False), 2)
        self.scaled_item = self._add(VectorItem(color="orange", label="c·u", draggable=False, width=1.4), 3)
        self.combo_item = self._add(VectorItem(color="purple", label="a·u+b·v", draggable=False), 3)
        self.proj_item = self._add(VectorItem(color="sky", label="proj", draggable=False, width=1.3), 3)

    def _add(self, item, z: float):
        item.setZValue(z)
        self._plot.addItem(item, ignoreBounds=True)
        return item

    def render(self, s: VectorsState, r: VectorsResults) -> None:
        """Show the operations switched on in ``s``, drawn from ``r``."""
        u, v = s.vectors[0], s.vectors[1]
        self.sum_item.setVisible(s.show_sum)
        self.parallelogram.setVisible(s.show_sum)
        if s.show_sum:
            self.sum_item.set_points(r.sum)
            _set_polygon(self.parallelogram, r.parallelogram)
        self.diff_item.setVisible(s.show_diff)
        if s.show_diff:
            self.diff_item.set_points(u, v)  # u − v drawn from the tip of v to the tip of u
        self.scaled_item.setVisible(s.show_scaled)
        if s.show_scaled:
            self.scaled_item.set_points(r.scaled)
            self.scaled_item.set_label(r.scaled_label)
        self._render_span(s, r)
        self._render_projection(s, r)
        _set_xy(self.arc, r.arc)
        _set_text(self.arc_label, r.arc_label)
        if r.arc_label_pos is not None:
            self.arc_label.setPos(*r.arc_label_pos)
        _set_xy(self.ball_unit, r.unit_ball)
        _set_xy(self.ball_u, r.u_ball)
        _set_text(self.ball_label, r.ball_label)
        if r.ball_label_pos is not None:
            self.ball_label.setPos(*r.ball_label_pos)

    def _render_projection(self, s: VectorsState, r: VectorsResults) -> None:
        shown = s.show_projection and r.projection is not None
        self.proj_item.setVisible(shown)
        self.v_line.setVisible(shown)
        if shown:
            self.proj_item.set_points(r.projection)
            self.proj_item.set_label("projᵥ u")  # a real subscript, like x₁ elsewhere
            _set_angle(self.v_line, r.v_line_deg)
        _set_xy(self.perp, r.perpendicular if shown else None)

    def _render_span(self, s: VectorsState, r: VectorsResults) -> None:
        on = s.show_combo
        self.combo_item.setVisible(on)
        self.span_fill.setVisible(on and r.span_fill is not None)
        self.span_line.setVisible(on and r.span_line_deg is not None)
        if not on:
            _set_xy(self.combo_path, None)
            _set_text(self.span_label, "")
            return
        self.combo_item.set_points(r.combo)
        _set_xy(self.combo_path, r.combo_path)
        if r.span_fill is not None:
            _set_polygon(self.span_fill, r.span_fill)
        if r.span_line_deg is not None:
            _set_angle(self.span_line, r.span_line_deg)
        _set_text(self.span_label, r.span_label)
        self.span_label.setPos(*r.span_label_pos)
