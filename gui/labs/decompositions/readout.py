"""A rich-text readout label that only repaints when its text changes, and a named-message label."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore, QtWidgets

from gui import theme
from gui.widgets.catch_up import CatchUp

__all__ = ["Readout", "message_label", "fmt", "vec"]


class Readout(QtWidgets.QLabel):
    """Selectable, word-wrapped rich text; ``show_text`` skips unchanged text (a drag renders many times).

    A rich-text label costs ~1 ms a change (text layout, the column's re-layout, its repaint) — an eighth of a drag's
    frame — so :meth:`show_live` folds the changes of a gesture into one per :data:`LIVE_MS` (a :class:`CatchUp`).
    """

    def __init__(self, name: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(name)
        self.catch_up = CatchUp(self)

    def show_text(self, text: str) -> None:
        """Show ``text`` now (dropping a live text still waiting)."""
        self.catch_up.cancel()
        self._set(text)

    def show_live(self, text: Callable[[], str], live: bool) -> None:
        """Show ``text()`` now, or while ``live`` (a gesture runs) within :data:`LIVE_MS`: the newest one wins and
        ``text`` is called only when it is shown."""
        self.catch_up.run(lambda: self._set(text()), live)

    def pending(self) -> bool:
        """True while a live text waits to be shown."""
        return self.catch_up.pending()

    def flush(self) -> None:
        """Show the waiting live text now, if there is one."""
        self.catch_up.flush()

    def _set(self, text: str) -> None:
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
