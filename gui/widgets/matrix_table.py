"""An editable matrix grid: a bad cell turns red with a tooltip saying why; a matrix is emitted only when all are valid.

Cells hold either the exact text the user typed (so "2/3" stays 2/3) or a number set by the program (shown rounded,
but kept at full precision for the cells the user does not touch).
"""

from __future__ import annotations

from fractions import Fraction

from PySide6 import QtCore, QtGui, QtWidgets

from engine.linalg import CellError, format_number, parse_cell
from gui import theme
from gui.i18n import translate

__all__ = ["MatrixTable", "cell_text"]

Cell = str | float


def cell_text(value: Cell) -> str:
    """Readable text for a cell: typed text as typed, numbers as short decimals or small fractions (2/3)."""
    if isinstance(value, str):
        return value.strip()
    x = float(value)
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    short = repr(x)
    if len(short) <= 7:
        return short
    q = Fraction(x).limit_denominator(64)
    if abs(float(q) - x) <= 1e-12 * max(1.0, abs(x)):
        return str(q)
    return format_number(x, 6).replace("\u2212", "-")


class MatrixTable(QtWidgets.QTableWidget):
    """Grid editor; ``matrix_edited(rows)`` carries a tuple of row tuples (typed str or float) when all cells parse.

    ``cell_rejected(row, col, message)`` fires for a bad entry: the cell is marked and the last good matrix stays.
    """

    matrix_edited = QtCore.Signal(tuple)
    cell_rejected = QtCore.Signal(int, int, str)

    def __init__(
        self, rows: int = 2, cols: int = 2, parent=None, separator_col: int | None = None, max_width: int = 320
    ) -> None:
        super().__init__(rows, cols, parent)
        self._max_width = max_width
        self._values: list[list[Cell]] = [[0.0] * cols for _ in range(rows)]
        self._errors: dict[tuple[int, int], str] = {}
        self._separator = separator_col
        self.horizontalHeader().setVisible(False)
        self.verticalHeader().setVisible(False)
        self.setSizeAdjustPolicy(QtWidgets.QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(
            QtWidgets.QAbstractItemView.EditTrigger.AnyKeyPressed
            | QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
            | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed
            | QtWidgets.QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setFont(theme.font(1.15))
        self.itemChanged.connect(self._on_item_changed)
        self._fill()

    # --- content ----------------------------------------------------------------------------------------------------
    def values(self) -> tuple[tuple[Cell, ...], ...]:
        """The last accepted matrix."""
        return tuple(tuple(r) for r in self._values)

    def errors(self) -> dict[tuple[int, int], str]:
        """Cells currently refused: (row, col) -> message."""
        return dict(self._errors)

    def set_matrix(self, rows: tuple[tuple[Cell, ...], ...] | list) -> None:
        """Show ``rows`` (resizing if needed) and clear any red marks; emits nothing."""
        values = [list(r) for r in rows]
        if values == self._values and not self._errors and self.rowCount() == len(values):
            return
        self._values = values
        self._errors.clear()
        self._fill()

    def _fill(self) -> None:
        blocker = QtCore.QSignalBlocker(self)
        m, n = len(self._values), len(self._values[0]) if self._values else 0
        if self.rowCount() != m or self.columnCount() != n:
            self.setRowCount(m)
            self.setColumnCount(n)
        for i, row in enumerate(self._values):
            for j, v in enumerate(row):
                item = self.item(i, j)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
                    self.setItem(i, j, item)
                item.setText(cell_text(v))
                self._style(item, i, j)
        del blocker
        self._fit()

    def set_separator(self, col: int | None) -> None:
        """Shade columns from ``col`` on as the right-hand side of an augmented matrix (None: no shading)."""
        self._separator = col

    def _style(self, item: QtWidgets.QTableWidgetItem, i: int, j: int) -> None:
        err = self._errors.get((i, j))
        if err:
            item.setBackground(theme.brush("vermillion", 110))
            item.setToolTip(translate("Widgets", "Not accepted: {0}").format(err))
        else:
            sep = self._separator is not None and j >= self._separator
            item.setBackground(theme.brush("sky", 40) if sep else QtGui.QBrush())
            item.setToolTip(translate("Widgets", "Type a number such as 3, -1.5 or 2/3, then Enter"))

    def _fit(self) -> None:
        fm = QtGui.QFontMetrics(self.font())
        frame = 2 * self.frameWidth() + 4
        w = max(64, fm.horizontalAdvance("−0.0000") + 16)
        w = max(40, min(w, (self._max_width - frame) // max(1, self.columnCount())))
        h = fm.height() + 14
        for j in range(self.columnCount()):
            self.setColumnWidth(j, w)
        for i in range(self.rowCount()):
            self.setRowHeight(i, h)
        self.setFixedSize(w * self.columnCount() + frame, h * self.rowCount() + frame)

    # --- editing ----------------------------------------------------------------------------------------------------
    def _on_item_changed(self, item: QtWidgets.QTableWidgetItem) -> None:
        i, j = item.row(), item.column()
        if not (0 <= i < len(self._values) and 0 <= j < len(self._values[0])):
            return
        text = item.text()
        try:
            parse_cell(text)
        except CellError as exc:
            self._errors[(i, j)] = str(exc)
            with QtCore.QSignalBlocker(self):
                self._style(item, i, j)
            self.cell_rejected.emit(i, j, translate("Widgets", "Row {0}, column {1}: {2}").format(i + 1, j + 1, exc))
            return
        self._errors.pop((i, j), None)
        self._values[i][j] = text.strip()
        with QtCore.QSignalBlocker(self):
            self._style(item, i, j)
        if not self._errors:
            self.matrix_edited.emit(self.values())
