"""Data for the maximum-likelihood tab: bundled data sets, CSV files and typed numbers, checked before use.

Every source goes through engine.datasets' one CSV reader; a bad file or a typo shows a message under the inputs and
the data already loaded stays.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6 import QtCore, QtWidgets

from engine.datasets import DATASETS, CsvTable, DataError, load_dataset, read_csv_table
from engine.stats import MAX_STORED_DATA
from engine.typed_numbers import AmbiguousCommaError, number_tokens
from gui.i18n import translate
from gui.labs.distributions.controls import DistributionsControls

__all__ = ["FitDataInput"]


class FitDataInput(QtCore.QObject):
    """Turns the MLE tab's data inputs into ``loaded(values, label)`` or ``failed(message)``."""

    loaded = QtCore.Signal(tuple, str)
    failed = QtCore.Signal(str)

    def __init__(self, controls: DistributionsControls, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._c = controls
        self._table: CsvTable | None = None
        self._label_prefix = "data"
        controls.dataset.activated.connect(self._on_dataset)
        controls.open_csv.clicked.connect(self._on_open_csv)
        controls.column.activated.connect(lambda _i: self.use_column(controls.column.currentText()))
        controls.typed.returnPressed.connect(self._on_typed)

    def load_csv(self, source: Any, column: str | None = None) -> bool:
        """Load a CSV file (path or text) and one numeric column; False (and ``failed``) when it cannot be used."""
        try:
            table = read_csv_table(source)
            values = table.column(column)
        except DataError as exc:
            self._fail(str(exc))
            return False
        name = getattr(source, "name", None) or (str(source) if len(str(source)) < 80 else "data")
        return self._use(values, str(name), table, table.header[table.column_index(column)])

    def use_column(self, column: str) -> bool:
        """Switch to another numeric column of the table loaded last."""
        if self._table is None:
            return False
        try:
            values = self._table.column(column)
        except DataError as exc:
            self._fail(str(exc))
            return False
        return self._use(values, self._label_prefix, self._table, column)

    def _use(self, values: np.ndarray, prefix: str, table: CsvTable | None, column: str | None) -> bool:
        if values.size > MAX_STORED_DATA:
            self._fail(f"{values.size:,} values; at most {MAX_STORED_DATA:,} can be fitted here")
            return False
        c = self._c
        with QtCore.QSignalBlocker(c.column):
            c.column.clear()
            if table is not None:
                c.column.addItems(table.numeric_columns())
                c.column.setCurrentText(column or "")
        self._table, self._label_prefix = table, prefix
        c.data_error.setVisible(False)
        label = f"{prefix}: {column}" if column else prefix
        self.loaded.emit(tuple(float(v) for v in values), label[:200])
        return True

    def _on_dataset(self, _index: int) -> None:
        name = self._c.dataset.currentData()
        if not name:
            return
        try:
            table = load_dataset(name)
            values = table.column(DATASETS[name].column)
        except DataError as exc:
            self._fail(str(exc))
            return
        self._use(values, translate("datasets", DATASETS[name].title), table, DATASETS[name].column)

    def _on_open_csv(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self._c,
            translate("Distributions", "Open a CSV file"),
            "",
            translate("Distributions", "CSV files (*.csv *.tsv *.txt)"),
        )
        if path:
            self.load_csv(path)

    def _on_typed(self) -> None:
        text = self._c.typed.text()
        try:
            cells = [t.literal for t in number_tokens(text)]  # "4,9 5,6": decimal commas where nothing else is meant
        except AmbiguousCommaError as exc:
            self._c.typed.setSelection(exc.start, exc.end - exc.start)
            self._fail(str(exc))
            return
        if not cells:
            self._fail(translate("Distributions", "type some numbers, separated by commas or spaces"))
            return
        try:
            values = read_csv_table("\n".join(cells), header=False).column(0)
        except DataError as exc:
            self._fail(str(exc).replace(", column 'column 1'", "").replace("row ", "value "))
            return
        self._use(values, translate("Distributions", "typed: {0} values").format(len(values)), None, None)

    def _fail(self, text: str) -> None:
        self._c.data_error.setText(text)
        self._c.data_error.setVisible(True)
        self.failed.emit(text)
