"""A user's CSV for the Classifier lab, through the app's one CSV reader: the first one or two numeric columns are the
features, the last column with exactly two distinct values is the label. A bad file leaves the state as it was."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6 import QtCore, QtWidgets

from engine.classify import ClassifierError, csv_class_data
from engine.datasets import CsvTable, DataError, read_csv_table
from gui.labs.base import Lab

__all__ = ["CsvLoader", "label_column"]


def label_column(table: CsvTable, features: list[str]) -> str | None:
    """The last column (not a feature) whose non-empty cells take exactly two values."""
    for j in range(len(table.header) - 1, -1, -1):
        name = table.header[j]
        if name in features:
            continue
        values = {r[j].strip() for r in table.rows if j < len(r) and r[j].strip().lower() not in ("", "na", "n/a")}
        if len(values) == 2:
            return name
    return None


class CsvLoader(QtCore.QObject):
    """Opens a CSV file and turns it into the lab's CSV data (features and 0/1 labels stored in the state)."""

    def __init__(self, lab: Lab) -> None:
        super().__init__(lab)
        self.lab = lab

    def open_dialog(self) -> None:
        """Ask for a file and load it."""
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.lab, self.tr("Open a CSV file"), "", self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)")
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> bool:
        """Read ``path``; False (with a message naming the problem) when it cannot be used."""
        name = Path(path).name
        try:
            table = read_csv_table(Path(path))
            features = table.numeric_columns()[:2]
            if not features:
                raise ClassifierError(self.tr("no column holds only numbers"))
            label = label_column(table, features)
            if label is None:
                raise ClassifierError(self.tr("no column holds exactly two different values to use as the label"))
            data = csv_class_data(table, tuple(features), label)
        except (DataError, ClassifierError, OSError) as exc:
            msg = self.tr("Cannot use {0}: {1}").format(name, exc)
            self.lab.controls.data_error.setText(msg)
            self.lab.controls.data_error.setVisible(True)
            self.lab.error_message(msg)
            return False
        x2 = tuple(map(float, data.X[:, 1])) if data.X.shape[1] > 1 else ()
        state = dataclasses.replace(
            self.lab.state(), source="csv", csv_x=tuple(map(float, data.X[:, 0])), csv_x2=x2,
            csv_y=tuple(map(float, data.y)), csv_names="|".join(data.names), moved=(),
        )  # fmt: skip
        self.lab.edit(state, "Load CSV")
        note = self.tr("{0}: {1} rows, label {2!r} ({3} = 1)").format(name, len(data.y), label, data.classes[1])
        if data.dropped:
            note += self.tr("; {0} rows with a missing cell left out").format(data.dropped)
        self.lab.error_message(note)
        return True
