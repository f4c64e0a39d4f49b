"""Small building blocks shared by the labs' control panels: a titled form group and a bad-input message."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from gui import theme

__all__ = ["error_label", "form_group"]


def error_label() -> QtWidgets.QLabel:
    """A bold vermillion, word-wrapped, selectable label for messages about bad input; hidden while empty."""
    label = QtWidgets.QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"color: {theme.color('vermillion').name()}; font-weight: bold;")
    label.setVisible(False)
    return label


def form_group(title: str) -> tuple[QtWidgets.QGroupBox, QtWidgets.QFormLayout]:
    """A titled group box holding a form with right-aligned labels and fields that grow."""
    box = QtWidgets.QGroupBox(title)
    form = QtWidgets.QFormLayout(box)
    form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(QtCore.Qt.AlignmentFlag.AlignRight)
    return box, form
