"""The scrolling column of controls at a lab's side: every lab builds it the same way, so it is built here once.

It scrolls vertically only; its width is the lab's design width (``gui.fit`` then widens or narrows it to the
window: as wide as its contents, within a share of the lab).
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

__all__ = ["control_column"]


def control_column(contents: QtWidgets.QWidget) -> QtWidgets.QScrollArea:
    """``contents`` in a vertically scrolling area that follows its width (the caller sets the design width)."""
    scroll = QtWidgets.QScrollArea()
    scroll.setWidget(contents)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll
