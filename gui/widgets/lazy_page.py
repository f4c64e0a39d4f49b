"""Tab pages whose view is built on first use, so a lab with many tabs opens as fast as its visible one.

A pyqtgraph ``PlotWidget`` costs 10–80 ms to build; a lab with seven tabs spent most of its first open building
views nobody had looked at yet. A :class:`LazyPage` sits in the ``QTabWidget`` as an empty container and builds its
view the first time it is shown or asked for (:meth:`LazyPage.view`); ``built`` lets the lab draw the current state
into the new view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from gui.access import name_controls
from gui.widgets.item_focus import install_item_tabbing

__all__ = ["LazyPage"]


class LazyPage(QtWidgets.QWidget):
    """An empty tab page that builds ``factory()`` inside itself when first shown or asked for."""

    built = QtCore.Signal(object)
    """The view, just built (draw the lab's current state into it)."""

    def __init__(self, factory: Callable[[], QtWidgets.QWidget], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._view: Any = None
        self._building = False
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)

    def is_built(self) -> bool:
        """Whether the view exists yet."""
        return self._view is not None

    def view(self) -> Any:
        """The view, built now if this is the first time anyone needs it."""
        if self._view is None and not self._building:
            self._building = True
            try:
                view = self._factory()
                self.layout().addWidget(view)
                if self.isVisible():  # a child added to a shown page would otherwise appear one event later
                    view.show()
                    self.layout().activate()  # and laid out now: the caller may use it at once
                install_item_tabbing(view)  # Tab reaches its plots' draggable items like those built at the start
                name_controls(view)  # and a screen reader names its controls, like those built at the start
                self._view = view
            finally:
                self._building = False
            self.built.emit(view)
        return self._view

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """Build the view when the tab first comes to the front."""
        self.view()
        super().showEvent(event)
