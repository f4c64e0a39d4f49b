"""A rich-text readout label that only repaints when its text changes, and a named-message label."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from gui import theme

__all__ = ["Readout", "message_label", "fmt", "vec"]


class Readout(QtWidgets.QLabel):
    """Selectable, word-wrapped rich text; ``show_text`` skips unchanged text (a drag renders many times)."""

    def __init__(self, name: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(name)

    def show_text(self, text: str) -> None:
        if self.text() != text:
            self.setText(text)


def message_label(name: str) -> Readout:
    """A bold vermillion label for degenerate cases (empty text hides nothing else)."""
    label = Readout(name)
    label.setStyleSheet(f"color: {theme.color('vermillion').name()}; font-weight: bold;")
    return label


def fmt(x: float, digits: int = 3) -> str:
    """A short number with a true minus sign."""
    if x != x or x in (float("inf"), float("-inf")):
        return "∞" if x == float("inf") else ("−∞" if x == float("-inf") else "undefined")
    text = f"{x:.{digits}g}" if abs(x) >= 1e-12 else "0"
    return text.replace("-", "−")


def vec(values, digits: int = 3) -> str:
    """A vector as (a, b, …)."""
    return "(" + ", ".join(fmt(float(v), digits) for v in values) + ")"
