"""A rich-text readout that only repaints when its text changes (and re-lays out its column only when its shape does),
and a named-message label."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme
from gui.widgets.catch_up import CatchUp

__all__ = ["Readout", "message_label", "fmt", "vec", "tabular_digits"]


class Readout(QtWidgets.QWidget):
    """Selectable, word-wrapped rich text; ``show_text`` skips unchanged text (a drag renders many times).

    A rich-text label costs ~1 ms a change (text layout, the column's re-layout, its repaint) — an eighth of a drag's
    frame — so :meth:`show_live` folds the changes of a gesture into one per :data:`LIVE_MS` (a :class:`CatchUp`).

    The label sits in this box rather than in the column's layout: a new text asks its parent to re-lay out, and a
    word-wrapped rich-text label answers the layout's questions by laying its text out again (~1.2 ms a step of the
    rank slider, its sizeHint and six heightForWidth calls, plus the column fitted again). The box passes the request
    on only when the label's height at its width or its least width changed, so a text of the same shape is repainted
    and nothing else moves: the geometry of every widget is what the full re-layout gives.

    Measuring is itself ~0.8 ms (the least size lays the text out three times), so the answers are kept per *shape*:
    the text with every digit written as 0, at the box's width and font. With a font whose digits all take the same
    advance (checked once per font, :func:`tabular_digits`) two texts of one shape lay out alike, so a slider's new
    numbers are measured once per shape, not once per step; the layout's own height-for-width questions (a column's
    re-layout, e.g. when a gesture's start holds every label at its size) are answered from the same kept shapes.
    """

    def __init__(self, name: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QtWidgets.QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(name)
        self.setSizePolicy(self.label.sizePolicy())
        self._shape = (-1, -1, -1)
        self._shapes: dict[tuple, object] = {}  # text shape -> layout answers (see the class doc)
        self.catch_up = CatchUp(self)

    def text(self) -> str:
        """The text shown."""
        return self.label.text()

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
        if self.label.text() != text:
            self.label.setText(text)

    # --- the box's layout: the label's own answers, passed on only when they change ----------------------------------
    def sizeHint(self) -> QtCore.QSize:  # Qt override
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QtCore.QSize:  # Qt override
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # Qt override
        return self.label.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # Qt override: kept per text shape too (a layout pass asks it)
        key = self._key(width)
        if key is None:
            return self.label.heightForWidth(width)
        key = ("height", *key)
        height = self._shapes.get(key)
        if height is None:
            height = self._shapes[key] = self.label.heightForWidth(width)
        return height

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # Qt override
        self.label.setGeometry(self.rect())
        self._shape = self._measure()

    def event(self, event: QtCore.QEvent) -> bool:  # Qt override
        if event.type() == QtCore.QEvent.Type.LayoutRequest:  # the label's text or font changed
            shape = self._measure()
            if shape != self._shape:
                self._shape = shape
                self.updateGeometry()
            return True
        return super().event(event)

    def _measure(self) -> tuple[int, int, int]:
        """What the column's layout reads of the label at the box's width: its height, least width and height (kept
        per shape of the text when the font's digits are tabular)."""
        key = self._key(self.width())
        if key is None:
            return self._measure_now()
        shape = self._shapes.get(key)
        if shape is None:
            shape = self._shapes[key] = self._measure_now()
        return shape

    def _key(self, width: int) -> tuple | None:
        """The shape of the text at ``width`` (digits as 0, the font), or None when the font's digits differ."""
        font = self.label.font()
        if not tabular_digits(font):
            return None
        if len(self._shapes) > 256:  # (a long session of typed data: keep the newest shapes only)
            self._shapes.clear()
        return (_DIGIT.sub("0", self.label.text()), width, font.key())

    def _measure_now(self) -> tuple[int, int, int]:
        least = self.label.minimumSizeHint()
        return self.label.heightForWidth(self.width()), least.width(), least.height()


_DIGIT = re.compile(r"\d")
_TABULAR: dict[str, bool] = {}
_NEIGHBOURS = " .,:;%()[]−-–=×/·+"
"""Characters a readout writes beside a digit: their kerning with a digit must not depend on which digit it is."""


def tabular_digits(font: QtGui.QFont) -> bool:
    """True when every digit takes the same room in ``font`` and in its bold face, alone, paired and beside the
    punctuation a readout writes (kerning included): then a text's layout does not depend on which digits it shows."""
    key = font.key()
    known = _TABULAR.get(key)
    if known is None:
        known = True
        for bold in (False, True):
            face = QtGui.QFont(font)
            face.setBold(bold)
            metrics = QtGui.QFontMetricsF(face)
            for pattern in ("{0}", "{0}{0}", "{0}1", "1{0}", *(f"{c}{{0}}{c}" for c in _NEIGHBOURS)):
                widths = {metrics.horizontalAdvance(pattern.format(d)) for d in "0123456789"}
                if len(widths) > 1:
                    known = False
        _TABULAR[key] = known
    return known


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
