"""Show the code: the numpy/scipy/matplotlib script that reproduces the current lab's numbers, to copy or save."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtGui, QtWidgets

from gui.document import write_atomic

__all__ = ["CodeDialog", "PY_FILTER"]

PY_FILTER = "Python scripts (*.py);;All files (*)"


class CodeDialog(QtWidgets.QDialog):
    """A read-only, monospace view of a snippet with Copy and Save as .py… buttons."""

    def __init__(self, title: str, code: str, parent: QtWidgets.QWidget | None = None, stem: str = "lab") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Code — {title}").format(title=title))
        self.resize(760, 560)
        self.stem = stem
        self.last_saved: Path | None = None
        self.editor = QtWidgets.QPlainTextEdit(code)
        self.editor.setReadOnly(True)
        self.editor.setAccessibleName(self.tr("Python code"))
        self.editor.setFont(QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        note = QtWidgets.QLabel(
            self.tr(
                "Runs as it stands in a notebook or a script with numpy, scipy and matplotlib "
                "(sympy where exact arithmetic is the point); no part of this app is needed."
            )
        )
        note.setWordWrap(True)
        self.status = QtWidgets.QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Save or copy status"))
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setAccessibleName(self.tr("Copy the code"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = buttons.addButton(
            self.tr("Save as .py…"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setAccessibleName(self.tr("Save the code as a Python file"))
        self.save_button.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def copy(self) -> None:
        """Put the whole script on the clipboard."""
        QtWidgets.QApplication.clipboard().setText(self.editor.toPlainText())
        self.status.setText(self.tr("Copied the code to the clipboard."))

    def save_as(self) -> None:
        """Ask for a file name and save the script there (nothing happens if the user cancels)."""
        chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Save the code as"), f"{self.stem}.py", self.tr("Python scripts (*.py);;All files (*)")
        )
        if chosen:
            self.save_to(Path(chosen))

    def save_to(self, path: Path) -> bool:
        """Write the script to ``path`` atomically (``.py`` added when missing); False with a named error otherwise."""
        if not path.suffix:
            path = path.with_suffix(".py")
        try:
            write_atomic(path, self.editor.toPlainText())
        except OSError as exc:
            self.status.setText(self.tr("Could not save {path}: {error}").format(path=path, error=exc))
            return False
        self.last_saved = path
        self.status.setText(self.tr("Saved {path}").format(path=path))
        return True
