"""Arrow keys for any point item a lab places itself (the optimizer's start star, a data point).

:class:`KeyMover` makes ``target`` focusable (so Tab reaches it, see ``item_focus``) and watches its key presses:
arrows emit ``moved(x, y, False)`` (Shift fine, Ctrl coarse), Enter or leaving the item ``moved(x, y, True)``,
Escape goes back to where the keyboard move began. The lab connects ``moved`` to the same slot as its mouse
gesture, so a key move makes the same state change and one undo step.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

__all__ = ["KeyMover"]

_ARROWS = {
    QtCore.Qt.Key.Key_Left: (-1, 0),
    QtCore.Qt.Key.Key_Right: (1, 0),
    QtCore.Qt.Key.Key_Up: (0, 1),
    QtCore.Qt.Key.Key_Down: (0, -1),
}


class KeyMover(QtWidgets.QGraphicsObject):
    """An invisible helper that moves ``target`` with the arrow keys by emitting ``moved``."""

    moved = QtCore.Signal(float, float, bool)  # x, y, final
    focus_changed = QtCore.Signal(bool)  # the target took (True) or lost (False) the keyboard focus: draw a ring

    def __init__(self, target: QtWidgets.QGraphicsItem, step: float) -> None:
        super().__init__()
        self.target = target
        self.step = step
        self._start: QtCore.QPointF | None = None
        target.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        target.scene().addItem(self)
        target.installSceneEventFilter(self)

    def boundingRect(self) -> QtCore.QRectF:
        return QtCore.QRectF()

    def paint(self, *_args) -> None:
        return None

    def sceneEventFilter(self, watched: QtWidgets.QGraphicsItem, ev: QtCore.QEvent) -> bool:
        if ev.type() == QtCore.QEvent.Type.FocusIn:
            self.focus_changed.emit(True)
            return False
        if ev.type() == QtCore.QEvent.Type.FocusOut:
            self._finish()
            self.focus_changed.emit(False)
            return False
        if ev.type() != QtCore.QEvent.Type.KeyPress:
            return False
        key = QtGui.QKeyEvent(ev).key() if not isinstance(ev, QtGui.QKeyEvent) else ev.key()
        pos = watched.pos()
        if key in _ARROWS:
            mods = ev.modifiers()
            step = self.step
            if mods & QtCore.Qt.KeyboardModifier.ShiftModifier:
                step /= 10
            elif mods & QtCore.Qt.KeyboardModifier.ControlModifier:
                step *= 10
            if self._start is None:
                self._start = QtCore.QPointF(pos)
            dx, dy = _ARROWS[key]
            self.moved.emit(pos.x() + dx * step, pos.y() + dy * step, False)
            return True
        if key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            self._finish()
            return True
        if key == QtCore.Qt.Key.Key_Escape and self._start is not None:
            start, self._start = self._start, None
            self.moved.emit(start.x(), start.y(), True)
            return True
        return False

    def _finish(self) -> None:
        if self._start is not None:
            self._start = None
            pos = self.target.pos()
            self.moved.emit(pos.x(), pos.y(), True)
