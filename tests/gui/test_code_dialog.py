"""Show the code: Copy puts the script on the clipboard, Save as .py… writes it (atomically) or names the error."""

from __future__ import annotations

import subprocess
import sys

from PySide6 import QtCore, QtWidgets

from gui.code_dialog import CodeDialog


def _open_code(win, qtbot) -> CodeDialog:
    qtbot.keyClick(
        win,
        QtCore.Qt.Key.Key_K,
        QtCore.Qt.KeyboardModifier.ControlModifier | QtCore.Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = win.code_dialog
    assert isinstance(dialog, CodeDialog)
    return dialog


def test_copy_and_save_as_py_write_the_shown_script(lab_window, qtbot, tmp_path, monkeypatch) -> None:
    win = lab_window("matrices")
    dialog = _open_code(win, qtbot)
    text = dialog.editor.toPlainText()
    qtbot.mouseClick(dialog.copy_button, QtCore.Qt.MouseButton.LeftButton)
    assert QtWidgets.QApplication.clipboard().text() == text
    assert "Copied" in dialog.status.text()

    target = tmp_path / "matrices_code"  # no suffix: ".py" is added
    asked = []

    def fake_dialog(parent, caption, suggested, filt):
        asked.append(suggested)
        return str(target), filt

    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", fake_dialog)
    qtbot.mouseClick(dialog.save_button, QtCore.Qt.MouseButton.LeftButton)
    saved = target.with_suffix(".py")
    assert asked == ["matrices.py"]
    assert saved.read_text(encoding="utf-8") == text
    assert dialog.last_saved == saved and str(saved) in dialog.status.text()
    # The saved file is a script a student can run: it at least compiles in a fresh interpreter.
    done = subprocess.run([sys.executable, "-I", "-m", "py_compile", str(saved)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    dialog.close()


def test_save_as_into_a_missing_folder_names_the_error_and_keeps_the_dialog(lab_window, qtbot, tmp_path, monkeypatch):
    win = lab_window("vectors")
    dialog = _open_code(win, qtbot)
    bad = tmp_path / "no" / "such" / "folder" / "v.py"
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *a: (str(bad), ""))
    qtbot.mouseClick(dialog.save_button, QtCore.Qt.MouseButton.LeftButton)
    assert "Could not save" in dialog.status.text() and str(bad) in dialog.status.text()
    assert not bad.exists() and dialog.last_saved is None and dialog.isVisible()
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", lambda *a: ("", ""))  # cancelled: nothing happens
    qtbot.mouseClick(dialog.save_button, QtCore.Qt.MouseButton.LeftButton)
    assert dialog.last_saved is None
    dialog.close()
