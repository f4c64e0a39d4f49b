"""The Classifier lab's coefficient table: estimate, standard error, z and Wald p per coefficient, the fit note below.

A point drag refits the model on every move, so this table is rewritten every frame. As a rich-text ``QLabel``
(an HTML table) each rewrite parsed and laid out a new text document: ~2 ms a move, a third of the drag. Here the
cells are items of a ``QTableWidget`` and only those whose text changed are set. The number columns are as wide as
the numbers they show (measured here, a dozen strings: Qt's resize-to-contents re-measured every cell of every
column on each refit), growing when a wider number comes and narrowing only with a new set of coefficients, so a
drag never makes them jitter; the names take the room left. Selected cells copy as tab-separated text (Ctrl+C), as
the label's selectable text did.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from engine.i18n import QT_TRANSLATE_NOOP
from gui.i18n import translate

__all__ = ["CoefficientTable"]

HEADERS = (
    QT_TRANSLATE_NOOP("ClassifierLab", "coefficient"),
    QT_TRANSLATE_NOOP("ClassifierLab", "estimate"),
    QT_TRANSLATE_NOOP("ClassifierLab", "SE"),
    QT_TRANSLATE_NOOP("ClassifierLab", "z"),
    QT_TRANSLATE_NOOP("ClassifierLab", "p (Wald)"),
)
_PAD = 14  # cell margins and the grid line


class CoefficientTable(QtWidgets.QWidget):
    """The fitted coefficients as a table, one row each, and the log-loss / penalty / warning note under it."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QtWidgets.QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([translate("ClassifierLab", h) for h in HEADERS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setAccessibleName(translate("ClassifierLab", "Coefficients with standard errors and Wald p-values"))
        # The names' column takes the room left; the number columns are sized by _fit_columns from their texts
        self.table.horizontalHeader().setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self._rows: tuple[tuple[str, ...], ...] = ()
        self._fit_font()
        self.table.installEventFilter(self)
        self.note = QtWidgets.QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.note.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.setAccessibleName(translate("ClassifierLab", "Fit note"))
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.table)
        lay.addWidget(self.note)

    def set_rows(self, rows: tuple[tuple[str, ...], ...], note: str) -> None:
        """Write ``rows`` of (name, estimate, SE, z, p) and the note; cells whose text is unchanged are left alone."""
        names_changed = [r[0] for r in rows] != [r[0] for r in self._rows]
        if len(rows) != self.table.rowCount():
            self.table.setRowCount(len(rows))
            self._fit_height(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = self.table.item(r, c)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    if c:
                        item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(r, c, item)
                if item.text() != text:
                    item.setText(text)
        self._rows = tuple(tuple(row) for row in rows)
        self._fit_columns(shrink=names_changed)
        if self.note.text() != note:
            self.note.setText(note)
        self.setVisible(bool(rows) or bool(note))

    def _fit_columns(self, shrink: bool = True) -> None:
        """Number columns as wide as their header and the numbers shown; with ``shrink`` False they only grow."""
        fm = QtGui.QFontMetrics(self.table.font())
        for col in range(1, len(HEADERS)):
            texts = [self.table.horizontalHeaderItem(col).text(), *(row[col] for row in self._rows if col < len(row))]
            need = max(fm.horizontalAdvance(t) for t in texts) + _PAD
            now = self.table.columnWidth(col)
            if need > now or (shrink and need < now):
                self.table.setColumnWidth(col, need)

    def _fit_font(self) -> None:
        """Row height and column widths for the current font (presenter mode changes it)."""
        fm = QtGui.QFontMetrics(self.table.font())
        self.table.verticalHeader().setDefaultSectionSize(fm.height() + 6)
        self._fit_columns()
        self._fit_height(self.table.rowCount())

    def changeEvent(self, event: QtCore.QEvent) -> None:  # Qt override: presenter mode changes the font
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.FontChange:
            self._fit_font()

    def _fit_height(self, n_rows: int) -> None:
        """Every row in view without a scroll bar (up to eight; more scroll)."""
        rows_h = self.table.verticalHeader().defaultSectionSize() * min(n_rows, 8)
        head_h = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(rows_h + head_h + 2 * self.table.frameWidth())

    def clear(self) -> None:
        """No model: no table, no note."""
        self.set_rows((), "")

    def text(self) -> str:
        """The table and the note as plain text (tab-separated cells), as read aloud or copied."""
        head = "\t".join(self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount()))
        lines = [head, *("\t".join(row) for row in self._rows)] if self._rows else []
        if self.note.text():
            lines.append(self.note.text())
        return "\n".join(lines)

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:  # Qt override: Ctrl+C copies cells
        key_press = obj is self.table and event.type() == QtCore.QEvent.Type.KeyPress
        if key_press and event.matches(QtGui.QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return True
        return super().eventFilter(obj, event)

    def copy_selection(self) -> None:
        """Put the selected cells on the clipboard as tab-separated rows (the whole table when none is selected)."""
        cells = sorted((i.row(), i.column()) for i in self.table.selectedIndexes())
        if not cells:
            QtWidgets.QApplication.clipboard().setText(self.text())
            return
        rows: dict[int, list[str]] = {}
        for r, c in cells:
            rows.setdefault(r, []).append(self._rows[r][c] if r < len(self._rows) else "")
        QtWidgets.QApplication.clipboard().setText("\n".join("\t".join(v) for _, v in sorted(rows.items())))
