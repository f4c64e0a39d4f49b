"""Show the code: the numpy/scipy snippet that reproduces the current lab's numbers, copyable."""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

__all__ = ["CodeDialog"]


class CodeDialog(QtWidgets.QDialog):
    """A read-only, monospace view of a snippet with a Copy button."""

    def __init__(self, title: str, code: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Code — {title}")
        self.resize(760, 560)
        self.editor = QtWidgets.QPlainTextEdit(code)
        self.editor.setReadOnly(True)
        self.editor.setFont(QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        note = QtWidgets.QLabel("Runs as it stands in a notebook or script (numpy/scipy; the engine where noted).")
        note.setWordWrap(True)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("Copy", QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QtWidgets.QApplication.clipboard().setText(self.editor.toPlainText())
