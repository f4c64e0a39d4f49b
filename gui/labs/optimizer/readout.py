"""The Optimizer lab's readouts: a compact per-optimizer table and the narrated step.

Both are written every frame while a start point or slider is dragged, so they change only the cells whose text
changed and never resize themselves (a re-layout of the column would repaint everything around it).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from engine.i18n import QT_TRANSLATE_NOOP
from gui import theme
from gui.i18n import translate

__all__ = ["ReadoutTable", "NarrationBox", "SHORT_NAMES"]

SHORT_NAMES = {
    "gd": "GD",
    "momentum": "Mom.",
    "nesterov": "Nest.",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSProp",
    "adam": "Adam",
    "newton": "Newton",
}
HEADERS = ("", QT_TRANSLATE_NOOP("Optimizer", "status"), "f", "‖∇f‖")  # the names, in their colours, need no heading
# The widest texts each column holds: columns are sized once from these, never per frame.
_WIDEST = (
    tuple(SHORT_NAMES.values()),
    ("converged", "diverged", "step limit", "running", "status"),
    ("-8.88e+88",),
    ("8.8e+88",),
)
_PAD = 18  # cell margins and the grid line


class ReadoutTable(QtWidgets.QTableWidget):
    """One row per running optimizer: name (in its colour), status, loss and gradient norm; the point in tooltips."""

    def __init__(self, parent=None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self._measured: tuple[str, list[int]] | None = None  # (font key, column widths): every layout pass asks
        self.setHorizontalHeaderLabels([translate("Optimizer", h) if h else h for h in HEADERS])
        self.verticalHeader().hide()
        self.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(False)
        self.setToolTip(
            translate(
                "Optimizer", "Hover a name for the optimizer's current point; hover its status for how the run ended."
            )
        )
        header = self.horizontalHeader()
        header.setMinimumSectionSize(20)
        fm = QtGui.QFontMetrics(self.font())
        widths = self._widths()
        for col in range(len(widths) - 1):
            header.setSectionResizeMode(col, QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(widths[-1])  # the stretched last column never asks for more than it needs
        header.setStretchLastSection(True)
        self._fit_columns()
        # Every column stays in view (no sideways scrolling): below this width they share what there is (elided)
        self.setMinimumWidth(int(0.6 * (sum(widths) + 2 * self.frameWidth())))
        row_h = fm.height() + 8
        self.verticalHeader().setDefaultSectionSize(row_h)
        self.setMinimumHeight(row_h * 2 + header.sizeHint().height())
        self._shown: dict[tuple[int, int], tuple[str, str, str]] = {}

    def _widths(self) -> list[int]:
        """Each column's width for its widest text in the current font (presenter mode changes it), measured once."""
        key = self.font().key()
        if self._measured is None or self._measured[0] != key:
            fm = QtGui.QFontMetrics(self.font())
            widest = zip(_WIDEST, HEADERS, strict=True)
            widths = [max(fm.horizontalAdvance(t) for t in (*texts, head)) + _PAD for texts, head in widest]
            self._measured = (key, widths)
        return self._measured[1]

    def _fit_columns(self) -> None:
        """Columns at their text's width, scaled down together when the table is narrower: all stay visible."""
        widths = self._widths()
        room = self.viewport().width() - 1  # the stretched last column's grid line
        scale = min(1.0, room / sum(widths)) if room > 0 else 1.0
        for col, w in enumerate(widths[:-1]):
            if self.columnWidth(col) != int(w * scale):
                self.setColumnWidth(col, int(w * scale))

    def sizeHint(self) -> QtCore.QSize:  # Qt override: room for every column unscaled, with a vertical scroll bar
        bar = self.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_ScrollBarExtent)
        return QtCore.QSize(sum(self._widths()) + 2 * self.frameWidth() + bar + 2, super().sizeHint().height())

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit_columns()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # Qt override: presenter mode changes the font
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.FontChange:
            self._fit_columns()

    def show_rows(self, rows: list[tuple[str, str, list[str], str, str]]) -> None:
        """``rows`` of (colour name, status, [name, status, f, ‖∇f‖], point text, status tooltip)."""
        if self.rowCount() != len(rows):
            self.setRowCount(len(rows))
            self._shown.clear()
        for r, (color, status, cells, point, message) in enumerate(rows):
            for c, text in enumerate(cells):
                fg = color if c == 0 else ("vermillion" if status == "diverged" and c == 1 else "fg")
                tip = message if c == 1 else f"{cells[0]} is at {point}"
                key = (text, fg, tip)
                if self._shown.get((r, c)) == key:
                    continue
                self._shown[(r, c)] = key
                item = self.item(r, c)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    self.setItem(r, c, item)
                item.setText(text)
                item.setForeground(theme.color(fg))
                item.setToolTip(tip)

    def cell_text(self, row: int, col: int) -> str:
        """The text shown in a cell ('' when empty)."""
        item = self.item(row, col)
        return item.text() if item is not None else ""


class NarrationBox(QtWidgets.QPlainTextEdit):
    """The current step written out with its numbers; fixed height, selectable, scrolls when long."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(translate("Optimizer", "Explanation of the step"))
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.viewport().setAutoFillBackground(False)
        fm = QtGui.QFontMetrics(self.font())
        self.setMinimumHeight(fm.lineSpacing() * 4 + 8)
        self._text = ""

    def text(self) -> str:
        """The narration shown."""
        return self._text

    def setText(self, text: str) -> None:
        """Show ``text`` (no-op when unchanged)."""
        if text != self._text:
            self._text = text
            self.setPlainText(text)
