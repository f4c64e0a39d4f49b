"""File → Export as notebook…: the running lesson, or else the scene, as a valid Jupyter notebook; errors named."""

from __future__ import annotations

import json

import nbformat
from PySide6 import QtCore, QtWidgets

from engine import labs
from engine.notebook import code_cells


def _export_by_keys(win, qtbot, monkeypatch, target) -> list[str]:
    asked = []

    def fake_dialog(parent, caption, suggested, filt):
        asked.append(suggested)
        return str(target), filt

    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", fake_dialog)
    qtbot.keyClick(
        win, QtCore.Qt.Key.Key_N, QtCore.Qt.KeyboardModifier.ControlModifier | QtCore.Qt.KeyboardModifier.AltModifier
    )
    return asked


def test_export_as_notebook_writes_the_scene_with_the_lab_on_screen_first(lab_window, qtbot, monkeypatch, tmp_path):
    win = lab_window("matrices")
    target = tmp_path / "scene"  # ".ipynb" is added
    asked = _export_by_keys(win, qtbot, monkeypatch, target)
    assert asked == ["matrices.ipynb"]
    path = tmp_path / "scene.ipynb"
    nb = nbformat.read(str(path), as_version=4)
    nbformat.validate(nb)
    cells = code_cells(json.loads(path.read_text(encoding="utf-8")))
    assert cells[0] == labs.code("matrices", win.current_lab().state()).rstrip("\n")
    assert f"Exported {path}" in win.statusBar().currentMessage()


def test_export_as_notebook_writes_the_running_lesson(lab_window, qtbot, monkeypatch, tmp_path):
    win = lab_window("vectors")
    qtbot.keyClick(win, QtCore.Qt.Key.Key_L, QtCore.Qt.KeyboardModifier.ControlModifier)
    panel = win.lessons
    qtbot.waitUntil(lambda: panel.picker.count() >= 1, timeout=20_000)
    panel.start(0)
    lesson = panel.lesson
    _export_by_keys(win, qtbot, monkeypatch, tmp_path / "lesson.ipynb")
    nb = nbformat.read(str(tmp_path / "lesson.ipynb"), as_version=4)
    nbformat.validate(nb)
    assert nb.cells[0].source.startswith(f"# {lesson.title}")
    assert sum(c.cell_type == "markdown" and c.source.startswith("## ") for c in nb.cells) == len(lesson.steps)


def test_export_as_notebook_into_a_missing_folder_is_a_named_error(lab_window, qtbot, monkeypatch, tmp_path):
    win = lab_window("vectors")
    win.show_error_dialogs = False
    bad = tmp_path / "no" / "such" / "n.ipynb"
    _export_by_keys(win, qtbot, monkeypatch, bad)
    assert not bad.exists()
    assert "Could not export" in win.document.last_error and "n.ipynb" in win.document.last_error
