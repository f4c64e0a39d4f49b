"""The look of a message about bad input, shared by the labs' control panels."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from gui import theme

__all__ = ["error_label"]


def error_label() -> QtWidgets.QLabel:
    """A bold vermillion, word-wrapped, selectable label for messages about bad input; hidden while empty."""
    label = QtWidgets.QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"color: {theme.color('vermillion').name()}; font-weight: bold;")
    label.setVisible(False)
    return label
