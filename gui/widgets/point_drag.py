"""Drag the data points of a scatter plot with the mouse or the keyboard (the Network and Classifier planes share it).

A plot with many points draws them with a few ``ScatterPlotItem``s (one per style) rather than one item per point, so
the points cannot take the focus one by one. :class:`PointDrag` holds the points' positions and turns gestures into
two signals, whatever the gesture was:

- **mouse**: the plot widget forwards its press/move/release to :meth:`PointDrag.begin`, :meth:`PointDrag.move_to`
  and :meth:`PointDrag.release` (picking the point within a few pixels of the pointer);
- **keyboard**: one focusable :class:`PointCursor` in the plot (Tab reaches it, see ``item_focus``) rings the selected
  point; N / Shift+N select the next / previous point, the arrows move it (Shift fine, Ctrl coarse), Enter or leaving
  the plot commits, Escape puts it back.

``moved(index, x, y)`` fires on every step of a move and ``finished(index)`` once at its end, so a lab makes the same
state change and one undo step for a drag and for a run of arrow presses.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from gui import theme
from gui.i18n import translate
from gui.widgets.words import pair

__all__ = ["PointDrag", "PointCursor", "ARROWS", "arrow_step"]

ARROWS = {
    QtCore.Qt.Key.Key_Left: (-1, 0),
    QtCore.Qt.Key.Key_Right: (1, 0),
    QtCore.Qt.Key.Key_Up: (0, 1),
    QtCore.Qt.Key.Key_Down: (0, -1),
}
"""Arrow key -> (dx, dy) in view directions."""


def arrow_step(step: float, mods: QtCore.Qt.KeyboardModifier) -> float:
    """One arrow press: ``step``, a tenth of it with Shift (fine), ten times it with Ctrl (coarse)."""
    if mods & QtCore.Qt.KeyboardModifier.ShiftModifier:
        return step / 10
    if mods & QtCore.Qt.KeyboardModifier.ControlModifier:
        return step * 10
    return step


class PointCursor(pg.GraphicsObject):
    """The keyboard's hold on a plot's points: takes the focus and draws a dashed ring round the selected point."""

    RADIUS = 13.0

    def __init__(self, drag: PointDrag) -> None:
        super().__init__()
        self.drag = drag
        self.setFlag(self.GraphicsItemFlag.ItemIsFocusable, True)
        self.setFlag(self.GraphicsItemFlag.ItemIgnoresTransformations, True)  # a ring sized in pixels
        self.setZValue(30)

    def boundingRect(self) -> QtCore.QRectF:  # Qt override
        r = self.RADIUS + 3
        return QtCore.QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, p: QtGui.QPainter, *_args) -> None:  # Qt override
        if not self.hasFocus():
            return
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        pen = QtGui.QPen(theme.color("fg"), 2.0, QtCore.Qt.PenStyle.DashLine)  # the focus ring: a shape, not a colour
        pen.setCosmetic(True)
        p.setPen(pen)
        p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        p.drawEllipse(QtCore.QPointF(0, 0), self.RADIUS, self.RADIUS)

    def keyPressEvent(self, ev: QtGui.QKeyEvent) -> None:  # Qt override
        if self.drag.key(ev.key(), ev.modifiers()):
            ev.accept()
        else:
            ev.ignore()

    def focusInEvent(self, ev: QtGui.QFocusEvent) -> None:  # Qt override
        super().focusInEvent(ev)
        self.drag.select(self.drag.index)
        self.update()

    def focusOutEvent(self, ev: QtGui.QFocusEvent) -> None:  # Qt override
        super().focusOutEvent(ev)
        self.drag.finish_keys()
        self.update()


class PointDrag(QtCore.QObject):
    """Picks, drags and key-moves one of a plot's points; the plot draws them, the lab turns moves into states."""

    moved = QtCore.Signal(int, float, float)
    """(index, x, y): the point's new position, on every step of a mouse or keyboard move."""
    finished = QtCore.Signal(int)
    """(index): the move ended (release, Enter, Escape, focus left): one undo step."""
    selected = QtCore.Signal(int)
    """(index): the keyboard selected another point."""

    def __init__(self, plot: pg.PlotWidget, step: float = 0.1, pick_pixels: float = 9.0) -> None:
        super().__init__(plot)
        self.plot = plot
        self.step = step
        """View units per arrow press (Shift: a tenth, Ctrl: ten times)."""
        self.pick_pixels = pick_pixels
        self.xy = np.zeros((0, 2))
        self.index = 0
        """The point the keyboard acts on."""
        self.dragging: int | None = None
        """The point under a mouse drag, if any."""
        self.drag_moved = False
        self._key_start: tuple[float, float] | None = None
        self._key_xy: tuple[float, float] | None = None
        self.cursor = PointCursor(self)
        plot.getPlotItem().addItem(self.cursor, ignoreBounds=True)

    # --- the points ---------------------------------------------------------------------------------------------------
    def set_points(self, xy: np.ndarray) -> None:
        """The positions the indices refer to (called whenever the plot redraws its points)."""
        self.xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        self.cursor.setEnabled(len(self.xy) > 0)  # nothing to select: Tab passes the plot by
        if self._key_xy is None and len(self.xy):
            self.index = min(self.index, len(self.xy) - 1)
            self.cursor.setPos(*self.xy[self.index])

    def to_data(self, pos: QtCore.QPointF) -> QtCore.QPointF:
        """A widget pixel position in data coordinates."""
        vb = self.plot.getPlotItem().getViewBox()
        return vb.mapSceneToView(self.plot.mapToScene(pos.toPoint()))

    def pick(self, pos: QtCore.QPointF) -> int | None:
        """The point within ``pick_pixels`` of widget position ``pos`` (the nearest), or None."""
        if not len(self.xy):
            return None
        at = self.to_data(pos)
        sx, sy = self.plot.getPlotItem().getViewBox().viewPixelSize()  # data units per screen pixel
        d = np.hypot((self.xy[:, 0] - at.x()) / sx, (self.xy[:, 1] - at.y()) / sy)
        i = int(d.argmin())
        return i if d[i] <= self.pick_pixels else None

    # --- mouse --------------------------------------------------------------------------------------------------------
    def begin(self, index: int) -> None:
        """A press on point ``index`` starts a drag."""
        self.dragging, self.drag_moved = index, False

    def move_to(self, pos: QtCore.QPointF) -> bool:
        """Follow the pointer at widget position ``pos``; False when no drag is under way."""
        if self.dragging is None:
            return False
        p = self.to_data(pos)
        self.drag_moved = True
        self.moved.emit(self.dragging, float(p.x()), float(p.y()))
        return True

    def release(self) -> bool:
        """End a mouse drag (one ``finished`` if the point moved); False when no drag was under way."""
        if self.dragging is None:
            return False
        index, moved = self.dragging, self.drag_moved
        self.dragging = None
        if moved:
            self.finished.emit(index)
        return True

    # --- keyboard -----------------------------------------------------------------------------------------------------
    def select(self, index: int) -> None:
        """Put the keyboard on point ``index`` (wrapping round), ending any key move of the previous one."""
        self.finish_keys()
        if not len(self.xy):
            return
        self.index = int(index) % len(self.xy)
        self.cursor.setPos(*self.xy[self.index])
        self.cursor.update()
        self.selected.emit(self.index)

    def key(self, key: int, mods: QtCore.Qt.KeyboardModifier) -> bool:
        """Handle one key press of the cursor; True when it was ours."""
        if not len(self.xy):
            return False
        if key == QtCore.Qt.Key.Key_N:
            back = bool(mods & QtCore.Qt.KeyboardModifier.ShiftModifier)
            self.select(self.index + (-1 if back else 1))
            return True
        if key in ARROWS:
            if self._key_xy is None:
                self._key_start = self._key_xy = (float(self.xy[self.index][0]), float(self.xy[self.index][1]))
            dx, dy = ARROWS[key]
            step = arrow_step(self.step, mods)
            self._key_xy = (self._key_xy[0] + dx * step, self._key_xy[1] + dy * step)
            self.cursor.setPos(*self._key_xy)
            self.moved.emit(self.index, *self._key_xy)
            return True
        if key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
            self.finish_keys()
            return True
        if key == QtCore.Qt.Key.Key_Escape and self._key_start is not None:
            self._key_xy = self._key_start
            self.cursor.setPos(*self._key_start)
            self.moved.emit(self.index, *self._key_start)
            self.finish_keys()
            return True
        return False

    def finish_keys(self) -> None:
        """End a keyboard move: one ``finished`` for all the arrow presses since it began."""
        if self._key_xy is not None:
            self._key_start = self._key_xy = None
            self.finished.emit(self.index)

    def has_keyboard(self) -> bool:
        """The cursor holds the keyboard focus (a sighted or screen reader user is moving points by keys)."""
        return self.cursor.hasFocus()

    def selection_text(self) -> str:
        """The selected point in words, for the lab's description ("" when the keyboard is elsewhere)."""
        if not self.has_keyboard() or not len(self.xy):
            return ""
        i = min(self.index, len(self.xy) - 1)
        xy = self._key_xy if self._key_xy is not None else self.xy[i]
        return translate("Access", "Selected point {0} of {1} at {2}.").format(i + 1, len(self.xy), pair(xy))

    def keys_help(self) -> str:
        """The keys that act on the points (tooltip/description of the plot)."""
        return translate("Access", "N / Shift+N: next / previous point; arrows move it; Enter keeps, Escape undoes")

