"""Each weight matrix [W | b] as a colour-coded, editable table (blue negative, orange positive)."""

from __future__ import annotations

import math

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from engine.nn import MAX_WEIGHT, Layout
from gui import theme
from gui.i18n import translate


def weight_color(value: float, scale: float) -> QtGui.QColor:
    """Background for a weight: blue below zero, orange above, fading to the background near zero."""
    bg = theme.color("bg")
    t = 0.0 if scale <= 0 else max(-1.0, min(1.0, value / scale))
    c = theme.color("orange" if t > 0 else "blue")
    a = 0.75 * abs(t)
    rgb = [int(a * x + (1 - a) * y) for x, y in zip(c.getRgb()[:3], bg.getRgb()[:3], strict=True)]
    return QtGui.QColor(*rgb)


WIDE_COLUMNS = 6  # tables with this many columns (5+ inputs and the bias) use the compact format and a smaller font


def cell_text(value: float, compact: bool) -> str:
    """A weight as shown in its cell: 3 significant digits, or in wide tables at most 5 characters ("-0.24", "12.3").

    The exact value is in the tooltip and in the editor, so a short cell loses nothing a learner can't reach.
    """
    if not compact:
        return f"{value:.3g}"
    a = abs(value)
    if a < 0.005:
        return "0.00" if a == 0 or a < 0.0005 else f"{value:.0e}".replace("e-0", "e-")
    if a < 9.995:
        return f"{value:.2f}"
    if a < 99.95:
        return f"{value:.1f}"
    if a < 9_999.5:
        return f"{value:.0f}"
    return f"{value:.0e}".replace("e+0", "e")


class _AnnouncingDelegate(QtWidgets.QStyledItemDelegate):
    """Tells the tables when a cell editor opens, so training can pause before the number changes under the cursor."""

    opened = QtCore.Signal()

    def createEditor(self, parent, option, index):
        self.opened.emit()
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):  # Qt override
        value = index.data(QtCore.Qt.ItemDataRole.UserRole)
        if isinstance(editor, QtWidgets.QLineEdit) and isinstance(value, float):
            editor.setText(f"{value:.6g}")  # the cell shows 2-3 digits; editing starts from the precise value
        else:
            super().setEditorData(editor, index)


class WeightTables(QtWidgets.QWidget):
    """One table per layer; ``weight_edited(flat_index, value)`` when a cell is typed, ``edit_error`` on bad text.

    ``editing_started`` fires as soon as a cell editor opens (the lab pauses training then).
    """

    weight_edited = QtCore.Signal(int, float)
    edit_error = QtCore.Signal(str)
    editing_started = QtCore.Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._layout = QtWidgets.QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.tables: list[QtWidgets.QTableWidget] = []
        self.titles: list[QtWidgets.QLabel] = []
        self._net: Layout | None = None
        self._index: list[dict[tuple[int, int], int]] = []  # (row, col) -> flat index, per table
        self._shown: np.ndarray | None = None

    def set_network(self, layout: Layout, params: np.ndarray) -> None:
        """Show ``params``; rebuild the tables only when the layer sizes changed."""
        if layout != self._net:
            self._rebuild(layout)
        self._fill(params)

    def _rebuild(self, layout: Layout) -> None:
        while self._layout.count():  # drop the old widgets and the trailing stretch
            self._layout.takeAt(0)
        for w in self.tables + self.titles:
            w.hide()  # deleteLater waits for the event loop; hiding now keeps old tables out of the next frame
            w.setParent(None)
            w.deleteLater()
        self.tables, self.titles, self._index, self._shown = [], [], [], None
        self._net = layout
        for k, ((w0, b0, _), fan_in, fan_out) in enumerate(
            zip(layout.offsets(), layout.sizes[:-1], layout.sizes[1:], strict=True), start=1
        ):
            last = k == layout.n_layers
            title = QtWidgets.QLabel(
                f"<b>W<sub>{k}</sub> | b<sub>{k}</sub></b> — "
                + (translate("Network", "output") if last else translate("Network", "layer {0}").format(k))
                + translate("Network", ": {0}×{1} weights (row = unit, column = input) and bias").format(
                    fan_out, fan_in
                )
            )
            title.setWordWrap(True)
            table = QtWidgets.QTableWidget(fan_out, fan_in + 1)
            table.setObjectName(f"weights_W{k}")
            src = "x" if k == 1 else "h"
            # x₁, h₂ … with real subscripts, as on the plane's axes
            table.setHorizontalHeaderLabels([f"{src}{_sub(j + 1)}" for j in range(fan_in)] + ["bias"])
            table.setVerticalHeaderLabels(["p" if last else f"h{_sub(i + 1)}" for i in range(fan_out)])
            wide = fan_in + 1 >= WIDE_COLUMNS
            # an explicit font (theme size, smaller for wide tables) so the row heights below are measured right
            table.setFont(theme.font(0.8 if wide else 1.0))
            if wide:
                table.setStyleSheet("QTableWidget::item { padding: 0px 1px; }")
            table.ensurePolished()
            header = table.horizontalHeader()
            header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Stretch)
            # columns never shrink below their widest possible text: a narrow panel scrolls sideways instead of
            # cutting numbers to "0.2…"
            fm = table.fontMetrics()
            header.setMinimumSectionSize(fm.horizontalAdvance("-0.00" if wide else "-0.000") + (8 if wide else 10))
            table.setTextElideMode(QtCore.Qt.TextElideMode.ElideNone)
            table.setHorizontalScrollMode(QtWidgets.QAbstractItemView.ScrollMode.ScrollPerPixel)
            table.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
            row_h = fm.height() + (6 if wide else 8)
            table.verticalHeader().setDefaultSectionSize(row_h)
            scroll_h = table.horizontalScrollBar().sizeHint().height() if wide else 0
            table.setFixedHeight(row_h * fan_out + header.sizeHint().height() + 4 + scroll_h)
            table.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            index = {}
            for i in range(fan_out):
                for j in range(fan_in):
                    index[(i, j)] = w0 + i * fan_in + j
                index[(i, fan_in)] = b0 + i
                for j in range(fan_in + 1):
                    item = QtWidgets.QTableWidgetItem("")
                    item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
                    table.setItem(i, j, item)
            delegate = _AnnouncingDelegate(table)
            delegate.opened.connect(self.editing_started)
            table.setItemDelegate(delegate)
            table.cellChanged.connect(lambda r, c, t=table, n=len(self.tables): self._on_cell(n, t, r, c))
            self._index.append(index)
            self.tables.append(table)
            self.titles.append(title)
            self._layout.addWidget(title)
            self._layout.addWidget(table)
        self._layout.addStretch(1)  # tables sit at the top, not spread over the scroll area

    def _fill(self, params: np.ndarray) -> None:
        if self._shown is not None and np.array_equal(self._shown, params):
            return
        scale = float(np.abs(params).max()) if len(params) else 1.0
        fg = theme.color("fg")
        for table, index in zip(self.tables, self._index, strict=True):
            if table.state() == QtWidgets.QAbstractItemView.State.EditingState:
                continue  # never change a number while someone is typing over it
            compact = table.columnCount() >= WIDE_COLUMNS
            blocker = QtCore.QSignalBlocker(table)
            for (r, c), flat in index.items():
                item = table.item(r, c)
                value = float(params[flat])
                item.setText(cell_text(value, compact))
                item.setToolTip(f"{value!r}")
                item.setData(QtCore.Qt.ItemDataRole.UserRole, value)
                item.setBackground(weight_color(value, scale))
                item.setForeground(fg)
            del blocker
        self._shown = np.array(params, copy=True)

    def _on_cell(self, n: int, table: QtWidgets.QTableWidget, row: int, col: int) -> None:
        text = table.item(row, col).text().strip().replace("−", "-")
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        flat = self._index[n][(row, col)]
        if not math.isfinite(value) or abs(value) > MAX_WEIGHT:
            limit = f"{MAX_WEIGHT:.0e}".replace("e+0", "e")
            self.edit_error.emit(f"weight '{text}' is not a number between -{limit} and {limit}: kept the old value")
            if self._shown is not None:
                blocker = QtCore.QSignalBlocker(table)
                table.item(row, col).setText(cell_text(float(self._shown[flat]), table.columnCount() >= WIDE_COLUMNS))
                del blocker
            return
        self.weight_edited.emit(flat, value)


def _sub(number: int) -> str:
    """``number`` in Unicode subscript digits (12 -> "₁₂")."""
    return str(number).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
