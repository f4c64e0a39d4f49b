"""Row-reduction page of the Matrices lab: type an augmented matrix [A | b], then walk through Gauss–Jordan steps."""

from __future__ import annotations

from dataclasses import replace

from PySide6 import QtCore, QtWidgets

from engine import linalg as la
from engine.i18n import QT_TRANSLATE_NOOP
from engine.linalg import MatricesState, RrefView
from gui import theme
from gui.i18n import translate
from gui.widgets.matrix_table import MatrixTable

__all__ = ["RrefPanel", "EXAMPLES"]

EXAMPLES: dict[str, tuple[tuple[str, ...], ...]] = {
    QT_TRANSLATE_NOOP("Matrices", "One solution (3 equations, 3 unknowns)"): la.DEFAULT_AUGMENTED,
    QT_TRANSLATE_NOOP("Matrices", "No solution (inconsistent)"): (
        ("1", "2", "-1", "3"),
        ("2", "4", "-2", "5"),
        ("1", "0", "1", "1"),
    ),
    QT_TRANSLATE_NOOP("Matrices", "Infinitely many (a free variable)"): (
        ("1", "2", "-1", "3"),
        ("2", "4", "-2", "6"),
        ("1", "0", "1", "1"),
    ),
    QT_TRANSLATE_NOOP("Matrices", "Fractions (2×3)"): (("3", "2", "1"), ("2", "-1/2", "4/3")),
    QT_TRANSLATE_NOOP("Matrices", "5 equations, 5 unknowns (5×6)"): (
        ("2", "1", "0", "-1", "3", "4"),
        ("1", "-2", "3", "0", "1", "-1"),
        ("0", "4", "1", "2", "-2", "5"),
        ("3", "0", "-1", "1", "2", "2"),
        ("1", "1", "1", "1", "1", "3"),
    ),
}


class RrefPanel(QtWidgets.QWidget):
    """Input grid, step navigation and the matrix after the current step; edits go out as new states."""

    state_edited = QtCore.Signal(object, str)
    """(new MatricesState, undo text)."""
    error = QtCore.Signal(str)

    def __init__(self, state: MatricesState, parent=None) -> None:
        super().__init__(parent)
        self._state = state
        self._steps = 0
        lay = QtWidgets.QHBoxLayout(self)
        left = QtWidgets.QVBoxLayout()
        lay.addLayout(left, 1)

        self.description = QtWidgets.QLabel("")
        self.description.setObjectName("rref_description")
        self.description.setFont(theme.font(1.6, bold=True))
        self.description.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.description)
        self.step_table = QtWidgets.QTableWidget()
        self.step_table.setObjectName("rref_step_table")
        self.step_table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.step_table.setFont(theme.font(1.5))
        self.step_table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.step_table.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.step_table.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)
        left.addWidget(self.step_table, 1)
        nav = QtWidgets.QHBoxLayout()
        self.first_button = QtWidgets.QPushButton(translate("Matrices", "|◀ Start"))
        self.prev_button = QtWidgets.QPushButton(translate("Matrices", "◀ Prev"))
        self.step_label = QtWidgets.QLabel("")
        self.step_label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.next_button = QtWidgets.QPushButton(translate("Matrices", "Next ▶"))
        self.last_button = QtWidgets.QPushButton(translate("Matrices", "End ▶|"))
        self.prev_button.setShortcut("Alt+Left")
        self.next_button.setShortcut("Alt+Right")
        for b in (self.first_button, self.prev_button):
            nav.addWidget(b)
        nav.addWidget(self.step_label, 1)
        for b in (self.next_button, self.last_button):
            nav.addWidget(b)
        self.first_button.clicked.connect(lambda: self._go(0))
        self.prev_button.clicked.connect(lambda: self._go(self._state.rref_step - 1))
        self.next_button.clicked.connect(lambda: self._go(self._state.rref_step + 1))
        self.last_button.clicked.connect(lambda: self._go(self._steps))
        left.addLayout(nav)
        self.summary = QtWidgets.QLabel("")
        self.summary.setObjectName("rref_summary")
        self.summary.setWordWrap(True)
        self.summary.setFont(theme.font(1.15))
        left.addWidget(self.summary)

        col = QtWidgets.QWidget()
        col.setFixedWidth(350)
        right = QtWidgets.QVBoxLayout(col)
        lay.addWidget(col)
        box = QtWidgets.QGroupBox(translate("Matrices", "Augmented matrix [A | b]"))
        bl = QtWidgets.QVBoxLayout(box)
        size = QtWidgets.QHBoxLayout()
        self.rows_spin = QtWidgets.QSpinBox()
        self.rows_spin.setRange(1, la.MAX_ROWS)
        self.rows_spin.setPrefix(translate("Matrices", "rows "))
        self.cols_spin = QtWidgets.QSpinBox()
        self.cols_spin.setRange(2, la.MAX_COLS)
        self.cols_spin.setPrefix(translate("Matrices", "columns "))
        self.rows_spin.valueChanged.connect(self._on_size)
        self.cols_spin.valueChanged.connect(self._on_size)
        size.addWidget(self.rows_spin)
        size.addWidget(self.cols_spin)
        bl.addLayout(size)
        self.table = MatrixTable(3, 4, max_width=310)
        self.table.setObjectName("rref_input")
        self.table.matrix_edited.connect(self._on_matrix)
        self.table.cell_rejected.connect(self._on_rejected)
        bl.addWidget(self.table, 0, QtCore.Qt.AlignmentFlag.AlignHCenter)
        hint = QtWidgets.QLabel(
            translate(
                "Matrices",
                "The last (shaded) column is the right-hand side b. Integers, decimals and fractions like 2/3 are "
                "reduced exactly.",
            )
        )
        hint.setWordWrap(True)
        bl.addWidget(hint)
        self.message = QtWidgets.QLabel("")
        self.message.setObjectName("rref_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme.color('vermillion').name()}; font-weight: bold;")
        bl.addWidget(self.message)
        self.examples = QtWidgets.QComboBox()
        self.examples.addItem(translate("Matrices", "Load an example…"))
        for name in EXAMPLES:
            self.examples.addItem(translate("Matrices", name), name)
        self.examples.activated.connect(self._on_example)
        bl.addWidget(self.examples)
        right.addWidget(box)
        right.addStretch(1)

    # --- actions ----------------------------------------------------------------------------------------------------
    def _emit(self, state: MatricesState, text: str) -> None:
        self.state_edited.emit(state, text)

    def _go(self, step: int) -> None:
        step = max(0, min(step, self._steps))
        if step != self._state.rref_step:
            self._emit(replace(self._state, rref_step=step), translate("Matrices", "Row-reduction step"))

    def _on_matrix(self, rows: tuple) -> None:
        self.message.setText("")
        new = tuple(tuple(str(c) for c in r) for r in rows)
        if new != self._state.augmented:
            self._emit(replace(self._state, augmented=new, rref_step=0), translate("Matrices", "Edit augmented matrix"))

    def _on_rejected(self, _i: int, _j: int, message: str) -> None:
        text = translate("Matrices", "{0}. The last good matrix is still used.").format(message)
        self.message.setText(text)
        self.error.emit(text)

    def _on_size(self, _value: int) -> None:
        m, n = self.rows_spin.value(), self.cols_spin.value()
        old = self._state.augmented
        rows = tuple(tuple(old[i][j] if i < len(old) and j < len(old[0]) else "0" for j in range(n)) for i in range(m))
        if rows != old:
            self._emit(
                replace(self._state, augmented=rows, rref_step=0), translate("Matrices", "Resize augmented matrix")
            )

    def _on_example(self, index: int) -> None:
        if index <= 0:
            return
        rows = EXAMPLES[self.examples.itemData(index)]
        with QtCore.QSignalBlocker(self.examples):
            self.examples.setCurrentIndex(0)
        self._emit(replace(self._state, augmented=rows, rref_step=0), translate("Matrices", "Load example"))

    # --- showing ----------------------------------------------------------------------------------------------------
    def render(self, state: MatricesState, view: RrefView) -> None:
        """Show ``state``'s augmented matrix and the reduction step derive prepared in ``view``."""
        self._state = state
        self._steps = view.steps
        m, n = len(state.augmented), len(state.augmented[0])
        for spin, value in ((self.rows_spin, m), (self.cols_spin, n)):
            with QtCore.QSignalBlocker(spin):
                spin.setValue(value)
        self.table.set_separator(n - 1)
        self.table.set_matrix(state.augmented)
        if not self.table.errors():
            self.message.setText("")
        k = view.step
        self.description.setText(view.description)
        self.step_label.setText(view.step_text)
        self.first_button.setEnabled(k > 0)
        self.prev_button.setEnabled(k > 0)
        self.next_button.setEnabled(k < view.steps)
        self.last_button.setEnabled(k < view.steps)
        self._fill_step_table(view, n)
        self.summary.setText(view.summary)

    def _fill_step_table(self, view: RrefView, n: int) -> None:
        t = self.step_table
        t.setRowCount(len(view.cells))
        t.setColumnCount(n)
        t.setHorizontalHeaderLabels([f"x{j + 1}" for j in range(n - 1)] + ["b"])
        t.setVerticalHeaderLabels([f"R{i + 1}" for i in range(len(view.cells))])
        for i, row in enumerate(view.cells):
            for j, text in enumerate(row):
                item = t.item(i, j)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
                    t.setItem(i, j, item)
                item.setText(text)
                if i in view.changed_rows:
                    item.setBackground(theme.brush("yellow", 110))
                elif j == n - 1:
                    item.setBackground(theme.brush("sky", 40))
                else:
                    item.setBackground(theme.brush("bg", 0))
                f = item.font()
                f.setBold((i, j) in view.pivot_cells)
                item.setFont(f)
