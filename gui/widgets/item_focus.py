"""Tab through a plot's draggable items: the keyboard way to pick a vector tip, a point or a start marker.

Qt's graphics scene only tabs between ``QGraphicsWidget``s, so plain draggable items (``VectorItem``,
``KeyTargetItem``) would never get the keyboard focus. :class:`ItemTabber` watches a plot's view: Tab gives the focus
to the next focusable item (front to back), Shift+Tab to the previous one, and past the last one the focus leaves the
plot as usual.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

__all__ = ["ItemTabber", "focusable_items", "install_item_tabbing"]


def focusable_items(view: QtWidgets.QGraphicsView) -> list[QtWidgets.QGraphicsItem]:
    """The visible, enabled, focusable items of ``view``'s scene, front (highest z) first."""
    scene = view.scene()
    if scene is None:
        return []
    flag = QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
    return [
        it
        for it in scene.items(QtCore.Qt.SortOrder.DescendingOrder)
        if it.flags() & flag and it.isVisible() and it.isEnabled() and not isinstance(it, QtWidgets.QGraphicsWidget)
    ]


class ItemTabber(QtCore.QObject):
    """Event filter on a graphics view: Tab / Shift+Tab move the keyboard focus through its draggable items."""

    def eventFilter(self, view: QtCore.QObject, ev: QtCore.QEvent) -> bool:
        if ev.type() != QtCore.QEvent.Type.KeyPress or not isinstance(view, QtWidgets.QGraphicsView):
            return False
        key = ev.key()
        if key not in (QtCore.Qt.Key.Key_Tab, QtCore.Qt.Key.Key_Backtab):
            return False
        items = focusable_items(view)
        if not items:
            return False
        back = key == QtCore.Qt.Key.Key_Backtab or bool(ev.modifiers() & QtCore.Qt.KeyboardModifier.ShiftModifier)
        scene = view.scene()
        current = scene.focusItem()
        i = items.index(current) if current in items else (len(items) if back else -1)
        j = i - 1 if back else i + 1
        if 0 <= j < len(items):
            reason = QtCore.Qt.FocusReason
            items[j].setFocus(reason.BacktabFocusReason if back else reason.TabFocusReason)
            view.ensureVisible(items[j])
            return True
        if current is not None:
            current.clearFocus()
        return False


_TABBER = ItemTabber()


def install_item_tabbing(root: QtWidgets.QWidget) -> int:
    """Let Tab reach the draggable items of every plot under ``root``; returns how many plots have any."""
    count = 0
    for view in root.findChildren(pg.GraphicsView):
        if view.property("itemTabbing"):
            continue
        view.setProperty("itemTabbing", True)
        view.installEventFilter(_TABBER)
        view.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        count += 1
    return count
