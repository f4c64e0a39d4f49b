"""A pyqtgraph ``TargetItem`` that can also be moved with the arrow keys (Shift fine, Ctrl coarse, Enter commits).

The keys emit the same signals as a mouse drag (``sigPositionChanged`` while moving, ``sigPositionChangeFinished``
once at the end), so the lab makes the same state change and the same single undo step.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from gui import theme

__all__ = ["KeyTargetItem"]


class KeyTargetItem(pg.TargetItem):
    """A draggable point that takes the keyboard focus (Tab) and moves with the arrows."""

    def __init__(self, *args, key_step: float = 0.1, horizontal_only: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.key_step = key_step
        """View units per arrow press (Shift: a tenth, Ctrl: ten times)."""
        self.horizontal_only = horizontal_only
        """Up/Down move along x too (a point that lives on a curve y = f(x))."""
        self._key_start: QtCore.QPointF | None = None
        self.setFlag(self.GraphicsItemFlag.ItemIsFocusable, True)

    def keyPressEvent(self, ev: QtGui.QKeyEvent) -> None:
        key, mods = ev.key(), ev.modifiers()
        dirs = {
            QtCore.Qt.Key.Key_Left: (-1, 0),
            QtCore.Qt.Key.Key_Right: (1, 0),
            QtCore.Qt.Key.Key_Up: (0, 1),
            QtCore.Qt.Key.Key_Down: (0, -1),
        }
        if key in dirs:
            ev.accept()
            step = self.key_step
            if mods & QtCore.Qt.KeyboardModifier.ShiftModifier:
                step /= 10
            elif mods & QtCore.Qt.KeyboardModifier.ControlModifier:
                step *= 10
            dx, dy = dirs[key]
            if self.horizontal_only:
                dx, dy = dx + dy, 0
            pos = self.pos()
            if self._key_start is None:
                self._key_start = QtCore.QPointF(pos)
            self.setPos(pos.x() + dx * step, pos.y() + dy * step)  # emits sigPositionChanged, as a drag does
        elif key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            ev.accept()
            self.finish_keyboard_move()
        elif key == QtCore.Qt.Key.Key_Escape and self._key_start is not None:
            ev.accept()
            self.setPos(self._key_start)
            self.finish_keyboard_move()
        else:
            ev.ignore()

    def finish_keyboard_move(self) -> None:
        """One ``sigPositionChangeFinished`` for every arrow press since the move began."""
        if self._key_start is not None:
            self._key_start = None
            self.sigPositionChangeFinished.emit(self)

    def focusInEvent(self, ev: QtGui.QFocusEvent) -> None:
        super().focusInEvent(ev)
        self.update()

    def focusOutEvent(self, ev: QtGui.QFocusEvent) -> None:
        super().focusOutEvent(ev)
        self.finish_keyboard_move()
        self.update()

    def paint(self, p: QtGui.QPainter, *args) -> None:
        super().paint(p, *args)
        if self.hasFocus():  # the keyboard focus ring: a dashed square around the point
            pen = QtGui.QPen(theme.color("fg"), 2.0, QtCore.Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            p.setPen(pen)
            p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            p.drawRect(self.boundingRect())
