"""CSV and bundled-data input for the Hypothesis lab, through the app's one CSV reader (``engine.datasets``).

A file that cannot be used leaves the lab's state as it was and says which row and column is wrong.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets

from engine.datasets import CsvTable, DataError, load_dataset, read_csv_table
from engine.i18n import QT_TRANSLATE_NOOP
from engine.inference import MAX_DATA, HypothesisState
from gui.i18n import translate
from gui.labs.base import Lab
from gui.labs.hypothesis.controls import HypothesisControls

__all__ = ["CsvLoader", "BUNDLED"]

NONE = "(none)"
# key, menu text, column A, column B, extra state changes
BUNDLED = (
    (
        "zea_mays",
        QT_TRANSLATE_NOOP("Hypothesis", "Darwin's maize: cross vs self"),
        "cross",
        "self",
        {"test": "welch_t"},
    ),
    ("anscombe", QT_TRANSLATE_NOOP("Hypothesis", "Anscombe's quartet: y1 vs y2"), "y1", "y2", {"test": "welch_t"}),
    (
        "sleep",
        QT_TRANSLATE_NOOP("Hypothesis", "Student's sleep data: extra hours"),
        "extra",
        None,
        {"test": "one_sample_t", "mu0": 0.0},
    ),
    (
        "horse_kicks",
        QT_TRANSLATE_NOOP("Hypothesis", "Horse-kick deaths per corps-year"),
        "deaths",
        None,
        {"test": "one_sample_t"},
    ),
    (
        "mendel_peas",
        QT_TRANSLATE_NOOP("Hypothesis", "Mendel's peas: counts vs 9:3:3:1"),
        "observed",
        None,
        {"test": "chi2", "chi2_expected": "0.5625 0.1875 0.1875 0.0625"},
    ),
)


class CsvLoader(QtCore.QObject):
    """Loads a CSV or bundled data set, lets the user pick columns A and B, and edits the lab state."""

    def __init__(self, lab: Lab, controls: HypothesisControls) -> None:
        super().__init__(lab)
        self.lab, self.controls = lab, controls
        self._table: CsvTable | None = None
        self._name = ""
        controls.dataset.addItem(translate("Hypothesis", "choose a data set…"), None)
        for key, text, *_rest in BUNDLED:
            controls.dataset.addItem(translate("Hypothesis", text), key)
        controls.open_csv.clicked.connect(self._on_open)
        controls.dataset.activated.connect(self._on_dataset)
        controls.column_a.activated.connect(lambda _i: self.apply_columns(translate("Hypothesis", "Choose column A")))
        controls.column_b.activated.connect(lambda _i: self.apply_columns(translate("Hypothesis", "Choose column B")))

    def _on_open(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.lab,
            translate("Hypothesis", "Open a CSV file"),
            "",
            translate("Hypothesis", "CSV files (*.csv *.tsv *.txt);;All files (*)"),
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> bool:
        """Read a CSV file and use its first numeric column(s); False (with a message) when it cannot be used."""
        try:
            table = read_csv_table(Path(path))
        except (DataError, OSError) as exc:
            self._fail(translate("Hypothesis", "Cannot use {0}: {1}").format(Path(path).name, exc))
            return False
        numeric = table.numeric_columns()
        if not numeric:
            self._fail(translate("Hypothesis", "Cannot use {0}: no column holds only numbers").format(Path(path).name))
            return False
        self._use_table(table, Path(path).name, numeric[0], numeric[1] if len(numeric) > 1 else None)
        return self.apply_columns(translate("Hypothesis", "Load CSV"))

    def _on_dataset(self, index: int) -> None:
        key = self.controls.dataset.itemData(index)
        entry = next((b for b in BUNDLED if b[0] == key), None)
        if entry is None:
            return
        _key, text, col_a, col_b, extra = entry
        try:
            table = load_dataset(key)
        except (DataError, OSError) as exc:
            self._fail(translate("Hypothesis", "Cannot load {0}: {1}").format(text, exc))
            return
        self._use_table(table, text, col_a, col_b)
        self.apply_columns(f"Load {text}", **extra)

    def _use_table(self, table: CsvTable, name: str, col_a: str, col_b: str | None) -> None:
        self._table, self._name = table, name
        c = self.controls
        with QtCore.QSignalBlocker(c.column_a), QtCore.QSignalBlocker(c.column_b):
            c.column_a.clear()
            c.column_b.clear()
            c.column_a.addItems(list(table.header))
            c.column_b.addItem(NONE)
            c.column_b.addItems(list(table.header))
            c.column_a.setCurrentText(col_a)
            c.column_b.setCurrentText(col_b or NONE)

    def apply_columns(self, text: str, **extra) -> bool:
        """Put the chosen columns into the state (one undo step); False with a message naming the bad row."""
        if self._table is None:
            return False
        col_a, col_b = self.controls.column_a.currentText(), self.controls.column_b.currentText()
        try:
            a = self._table.column(col_a)
            b = self._table.column(col_b) if col_b != NONE else ()
        except DataError as exc:
            self._fail(translate("Hypothesis", "Cannot use {0}: {1}").format(self._name, exc))
            return False
        if len(a) > MAX_DATA or len(b) > MAX_DATA:
            self._fail(f"Cannot use {self._name}: at most {MAX_DATA:,} values per column are supported")
            return False
        label = f"{self._name}: {col_a}" + (f" vs {col_b}" if col_b != NONE else "") + f" ({len(a)} values)"
        self.lab.show_data_error("")
        self.lab.set_fields(text, source="csv", csv_a=tuple(map(float, a)), csv_b=tuple(map(float, b)), csv_label=label,
                      **extra)  # fmt: skip
        return True

    def _fail(self, message: str) -> None:
        self.lab.show_data_error(message)
        self.lab.error_message(message)

    def show_label(self, state: HypothesisState) -> None:
        """Name what is loaded (the state keeps the values, so a scene shows its data without the file)."""
        self.controls.csv_label.setText(state.csv_label or translate("Hypothesis", "no file loaded"))
