"""A draggable arrow (tail → tip) for pyqtgraph views; with ``arrow=False`` it is a draggable point.

Follows pyqtgraph's item pattern (``TargetItem``, ``ROI``): ``boundingRect``/``shape``/``paint`` sized in screen pixels
and recomputed when the view transform changes, ``mouseDragEvent`` with ``isStart``/``isFinish``, a live signal
(``sigDragged``) for cheap updates and a final one (``sigDragFinished``) for undo steps.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from gui import theme

__all__ = ["VectorItem"]

Point = tuple[float, float]


class VectorItem(pg.GraphicsObject):
    """An arrow from ``tail`` to ``tip`` whose tip can be dragged (when ``draggable``).

    Signals carry ``(item, (x, y))``: ``sigDragStarted`` on press, ``sigDragged`` on every move, ``sigDragFinished``
    on release. ``constraint`` (e.g. an engine snap function) maps a raw position to an allowed one.
    """

    sigDragStarted = QtCore.Signal(object, object)  # noqa: N815 - pyqtgraph's signal naming
    sigDragged = QtCore.Signal(object, object)  # noqa: N815 - pyqtgraph's signal naming
    sigDragFinished = QtCore.Signal(object, object)  # noqa: N815 - pyqtgraph's signal naming

    key_step: float = 0.1
    """View units one arrow key press moves the tip (Shift: a tenth, Ctrl: ten times); labs set it from the field
    spec's step."""

    def __init__(
        self,
        tip: Point = (1.0, 0.0),
        tail: Point = (0.0, 0.0),
        color: str = "blue",
        label: str = "",
        draggable: bool = True,
        width: float = 1.0,
        arrow: bool = True,
        style: str = "solid",
        head_px: float = 15.0,
        handle_px: float = 8.0,
    ) -> None:
        super().__init__()
        self._tip = QtCore.QPointF(*tip)
        self._tail = QtCore.QPointF(*tail)
        self._draggable = draggable
        self._arrow = arrow
        self._head_px = head_px * (1.3 if theme.current().presenter else 1.0)
        self._handle_px = handle_px * (1.3 if theme.current().presenter else 1.0)
        self._hover = False
        self._dragging = False
        self._offset = QtCore.QPointF()
        self._bounds: QtCore.QRectF | None = None
        self._shape: QtGui.QPainterPath | None = None
        self._px: tuple[float, float] | None = None
        """View units per screen pixel, kept until the view transform changes (pyqtgraph's pixelVectors costs ~12 µs
        a call, and bounds, shape and paint each asked for it on every move of a drag)."""
        self.constraint: Callable[[Point], Point] | None = None
        self._label = pg.TextItem(label, anchor=(0, 1))
        self._label.setParentItem(self)
        self._label.setFont(theme.font(1.15, bold=True))
        self.set_color(color, width, style)
        self.setAcceptHoverEvents(draggable)
        self.setFlag(self.GraphicsItemFlag.ItemIsFocusable, draggable)
        self._key_start: Point | None = None
        self._place_label()

    # --- state ------------------------------------------------------------------------------------------------------
    def tip(self) -> Point:
        """The tip position in view coordinates."""
        return (self._tip.x(), self._tip.y())

    def tail(self) -> Point:
        """The tail position in view coordinates."""
        return (self._tail.x(), self._tail.y())

    def set_tip(self, tip: Point) -> None:
        """Move the tip (no signal: signals are for the user's drags only)."""
        self.set_points(tip, self.tail())

    def set_points(self, tip: Point, tail: Point = (0.0, 0.0)) -> None:
        """Move tip and tail at once, redrawing only when something moved."""
        new_tip, new_tail = QtCore.QPointF(*tip), QtCore.QPointF(*tail)
        if new_tip == self._tip and new_tail == self._tail:
            return
        self.prepareGeometryChange()
        self._tip, self._tail = new_tip, new_tail
        self._invalidate()
        self._place_label()

    def set_label(self, text: str) -> None:
        """Change the text next to the tip."""
        if self._label.toPlainText() != text:
            self._label.setText(text)

    def set_color(self, color: str, width: float = 1.0, style: str = "solid") -> None:
        """Palette colour (see gui.theme), relative line width and "solid"/"dash"/"dot" shaft."""
        self._pen = theme.pen(color, width, style)
        self._pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
        self._brush = QtGui.QBrush(theme.color(color))
        # the handle's ring and fill, built once per colour rather than in every paint
        self._ring = QtGui.QPen(self._pen.color(), 2.0)
        self._ring.setCosmetic(True)
        fill = QtGui.QColor(self._pen.color())
        fill.setAlpha(70 if self._arrow else 220)
        self._fill = QtGui.QBrush(fill)
        self._label.setColor(theme.color(color))
        self.update()

    def set_draggable(self, on: bool) -> None:
        """Allow or forbid dragging the tip."""
        self._draggable = on
        self.setAcceptHoverEvents(on)
        self.setFlag(self.GraphicsItemFlag.ItemIsFocusable, on)
        self._invalidate()

    def is_dragging(self) -> bool:
        """True between press and release of a drag."""
        return self._dragging

    # --- geometry in screen pixels ----------------------------------------------------------------------------------
    def _pixel(self) -> tuple[float, float]:
        """View units per screen pixel along x and y (1, 1 before the item is shown)."""
        if self._px is None:
            px, py = self.pixelVectors()
            if px is None or py is None:
                return 1.0, 1.0
            self._px = (abs(px.x()) + abs(px.y()) or 1.0, abs(py.x()) + abs(py.y()) or 1.0)
        return self._px

    def _invalidate(self) -> None:
        self._bounds = None
        self._shape = None
        self.update()

    def viewTransformChanged(self) -> None:
        """Zoom/pan changes how many view units a pixel is: recompute sizes."""
        super().viewTransformChanged()
        self._px = None
        self.prepareGeometryChange()
        self._invalidate()

    def _place_label(self) -> None:
        dx, dy = self._tip.x() - self._tail.x(), self._tip.y() - self._tail.y()
        self._label.setAnchor((0.0 if dx >= 0 else 1.0, 1.0 if dy >= 0 else 0.0))
        self._label.setPos(self._tip)

    def boundingRect(self) -> QtCore.QRectF:
        if self._bounds is None:
            sx, sy = self._pixel()
            pad = max(self._head_px, self._handle_px) + 4
            r = QtCore.QRectF(self._tail, self._tip).normalized()
            self._bounds = r.adjusted(-pad * sx, -pad * sy, pad * sx, pad * sy)
        return self._bounds

    def shape(self) -> QtGui.QPainterPath:
        """Only the grab circle at the tip is hit-testable: clicks elsewhere go to items below."""
        if self._shape is None:
            self._shape = QtGui.QPainterPath()
            if self._draggable:
                sx, sy = self._pixel()
                r = self._handle_px + 6
                self._shape.addEllipse(self._tip, r * sx, r * sy)
        return self._shape

    def _head(self, sx: float, sy: float) -> tuple[QtCore.QPointF, QtGui.QPolygonF | None]:
        """End of the shaft and the arrowhead polygon, both sized in pixels."""
        dxp = (self._tip.x() - self._tail.x()) / sx
        dyp = (self._tip.y() - self._tail.y()) / sy
        length = math.hypot(dxp, dyp)
        if not self._arrow or length < 1.0:
            return self._tip, None
        ux, uy = dxp / length, dyp / length
        h = min(self._head_px, 0.6 * length)
        w = 0.45 * h
        bx, by = self._tip.x() - ux * h * sx, self._tip.y() - uy * h * sy
        left = QtCore.QPointF(bx - uy * w * sx, by + ux * w * sy)
        right = QtCore.QPointF(bx + uy * w * sx, by - ux * w * sy)
        base = QtCore.QPointF(self._tip.x() - ux * 0.8 * h * sx, self._tip.y() - uy * 0.8 * h * sy)
        return base, QtGui.QPolygonF([self._tip, left, base, right])

    def paint(self, p: QtGui.QPainter, *_args) -> None:
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        sx, sy = self._pixel()
        base, head = self._head(sx, sy)
        if self._arrow:
            p.setPen(self._pen)
            p.drawLine(self._tail, base)
        if head is not None:
            p.setPen(QtCore.Qt.PenStyle.NoPen)
            p.setBrush(self._brush)
            p.drawPolygon(head)
        if self._draggable or not self._arrow:
            r = self._handle_px * (1.35 if self._hover or self._dragging else 1.0)
            p.setPen(self._ring)
            p.setBrush(self._fill)
            p.drawEllipse(self._tip, r * sx, r * sy)
        if self.hasFocus():  # keyboard focus ring: a dashed circle in the foreground colour, never colour alone
            focus = QtGui.QPen(theme.color("fg"), 2.0, QtCore.Qt.PenStyle.DashLine)
            focus.setCosmetic(True)
            p.setPen(focus)
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            r = self._handle_px + 5
            p.drawEllipse(self._tip, r * sx, r * sy)

    # --- mouse ------------------------------------------------------------------------------------------------------
    def hoverEvent(self, ev) -> None:
        hover = self._draggable and not ev.isExit() and ev.acceptDrags(QtCore.Qt.MouseButton.LeftButton)
        if hover != self._hover:
            self._hover = hover
            self.setCursor(QtCore.Qt.CursorShape.OpenHandCursor if hover else QtCore.Qt.CursorShape.ArrowCursor)
            self.update()

    def mouseDragEvent(self, ev) -> None:
        if not self._draggable or ev.button() != QtCore.Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        if ev.isStart():
            self._dragging = True
            self._offset = self._tip - ev.buttonDownPos()
            self.sigDragStarted.emit(self, self.tip())
        if not self._dragging:
            return
        pos = ev.pos() + self._offset
        target: Point = (pos.x(), pos.y())
        if self.constraint is not None:
            target = self.constraint(target)
        if target != self.tip():
            self.set_tip(target)
            self.sigDragged.emit(self, target)
        if ev.isFinish():
            self._dragging = False
            self.update()
            self.sigDragFinished.emit(self, self.tip())

    # --- keyboard: the same signals as a drag, so the same state change and undo step ---------------------------------
    def keyPressEvent(self, ev: QtGui.QKeyEvent) -> None:
        """Arrows move the tip (Shift fine, Ctrl coarse), Enter commits, Escape puts it back."""
        key = ev.key()
        directions = {
            QtCore.Qt.Key.Key_Left: (-1, 0),
            QtCore.Qt.Key.Key_Right: (1, 0),
            QtCore.Qt.Key.Key_Up: (0, 1),
            QtCore.Qt.Key.Key_Down: (0, -1),
        }
        if not self._draggable:
            ev.ignore()
        elif key in directions:
            ev.accept()
            mods = ev.modifiers()
            step = self.key_step
            if mods & QtCore.Qt.KeyboardModifier.ShiftModifier:
                step /= 10
            elif mods & QtCore.Qt.KeyboardModifier.ControlModifier:
                step *= 10
            self.nudge(directions[key], step)
        elif key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            ev.accept()
            self.finish_keyboard_move()
        elif key == QtCore.Qt.Key.Key_Escape and self._key_start is not None:
            ev.accept()
            start = self._key_start
            self.set_tip(start)
            self.sigDragged.emit(self, start)
            self.finish_keyboard_move()
        else:
            ev.ignore()

    def nudge(self, direction: tuple[int, int], step: float) -> None:
        """Move the tip ``step`` view units along ``direction``, through ``constraint`` (a snap grid moves a cell)."""
        x, y = self.tip()
        target = (x, y)
        for k in range(1, 1001):  # on a snap grid coarser than the step, go on until the next allowed point
            raw = (x + direction[0] * step * k, y + direction[1] * step * k)
            target = self.constraint(raw) if self.constraint is not None else raw
            if target != (x, y):
                break
        if target == (x, y):
            return
        if self._key_start is None:
            self._key_start = (x, y)
            self.sigDragStarted.emit(self, (x, y))
        self.set_tip(target)
        self.sigDragged.emit(self, target)

    def finish_keyboard_move(self) -> None:
        """End a keyboard move: one ``sigDragFinished`` (one undo step) for all the arrow presses since it began."""
        if self._key_start is not None:
            self._key_start = None
            self.sigDragFinished.emit(self, self.tip())

    def focusInEvent(self, ev: QtGui.QFocusEvent) -> None:
        super().focusInEvent(ev)
        self.update()

    def focusOutEvent(self, ev: QtGui.QFocusEvent) -> None:
        super().focusOutEvent(ev)
        self.finish_keyboard_move()
        self.update()
