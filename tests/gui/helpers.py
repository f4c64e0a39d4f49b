"""Real-mouse helpers for GUI tests: map plot coordinates to widget pixels and drag with qtbot."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

__all__ = ["view_to_widget", "drag_in_view", "click_in_view", "prepare_view"]


def prepare_view(widget: pg.GraphicsView) -> None:
    """Make short scripted drags register (no minimum drag time)."""
    widget.scene().minDragTime = 0


def resolve(target, viewbox=None):
    """(GraphicsView widget, ViewBox) for a PlotWidget, a PlotItem or a GraphicsView + viewbox."""
    if isinstance(target, pg.PlotItem):
        return target.scene().views()[0], viewbox or target.getViewBox()
    if isinstance(target, pg.ViewBox):
        return target.scene().views()[0], target
    return target, viewbox or target.getPlotItem().getViewBox()


def view_to_widget(widget, x: float, y: float, viewbox=None) -> QtCore.QPoint:
    """Pixel position inside the view's viewport of the data point (x, y)."""
    widget, vb = resolve(widget, viewbox)
    scene_pt = vb.mapViewToScene(QtCore.QPointF(x, y))
    view_pt = widget.mapFromScene(scene_pt)
    return QtCore.QPoint(int(round(view_pt.x())), int(round(view_pt.y())))


def drag_in_view(
    qtbot,
    widget,
    start: tuple[float, float],
    end: tuple[float, float],
    steps: int = 10,
    viewbox=None,
    button=QtCore.Qt.MouseButton.LeftButton,
) -> None:
    """Press at ``start``, move in ``steps`` real mouse events, release at ``end`` (data coordinates)."""
    widget, viewbox = resolve(widget, viewbox)
    prepare_view(widget)
    QtWidgets.QApplication.processEvents()  # let a pending layout/aspect-lock settle before mapping to pixels
    vp = widget.viewport()
    p0 = view_to_widget(widget, *start, viewbox=viewbox)
    qtbot.mouseMove(vp, p0)
    qtbot.mousePress(vp, button, pos=p0)
    for i in range(1, steps + 1):
        t = i / steps
        x = start[0] + (end[0] - start[0]) * t
        y = start[1] + (end[1] - start[1]) * t
        qtbot.mouseMove(vp, view_to_widget(widget, x, y, viewbox=viewbox))
    qtbot.mouseRelease(vp, button, pos=view_to_widget(widget, *end, viewbox=viewbox))
    QtWidgets.QApplication.processEvents()


def click_in_view(
    qtbot, widget, at: tuple[float, float], viewbox=None, button=QtCore.Qt.MouseButton.LeftButton
) -> None:
    """A real click at data coordinates ``at``."""
    widget, viewbox = resolve(widget, viewbox)
    prepare_view(widget)
    QtWidgets.QApplication.processEvents()
    qtbot.mouseClick(widget.viewport(), button, pos=view_to_widget(widget, *at, viewbox=viewbox))
    QtWidgets.QApplication.processEvents()
