"""Export (PNG/SVG/CSV/clipboard), show-the-code, and the lessons panel driving a lab to a goal."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

from PySide6 import QtCore, QtGui, QtWidgets

from engine.labs import LAB_NAMES
from gui.export import copy_image, export_csv, export_png, export_svg


def test_every_lab_exports_png_svg_and_csv(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    for name in LAB_NAMES:
        lab = win.show_lab(name)
        QtWidgets.QApplication.processEvents()
        views = lab.export_views()
        assert views, f"{name} has no export view"
        view = next(iter(views.values()))
        png = tmp_path / f"{name}.png"
        export_png(view, png, width=900)
        image = QtGui.QImage(str(png))
        assert image.width() == 900 and image.height() > 50, name
        svg = tmp_path / f"{name}.svg"
        export_svg(view, svg)
        assert ET.parse(svg).getroot().tag.endswith("svg"), name
        tables = lab.export_data()
        assert tables, f"{name} has no data to export"
        table_name, (header, rows) = next(iter(tables.items()))
        out = tmp_path / f"{name}-{table_name}.csv"
        export_csv((header, rows), out)
        with out.open() as fh:
            read = list(csv.reader(fh))
        assert read[0] == header and len(read) == len(rows) + 1, name


def test_copy_view_puts_an_image_on_the_clipboard(lab_window) -> None:
    win = lab_window("matrices")
    image = copy_image(win.current_view())
    assert not image.isNull()
    assert QtWidgets.QApplication.clipboard().image().size() == image.size()


def test_export_errors_are_messages(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    win._run_export(lambda: export_png(win.current_view(), tmp_path / "no" / "such" / "dir.png"), "dir.png")
    assert "Could not export" in win.statusBar().currentMessage()


def test_show_the_code_for_every_lab(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    for name in LAB_NAMES:
        win.show_lab(name)
        qtbot.keyClick(
            win,
            QtCore.Qt.Key.Key_K,
            QtCore.Qt.KeyboardModifier.ControlModifier | QtCore.Qt.KeyboardModifier.ShiftModifier,
        )
        dialog = win.code_dialog
        text = dialog.editor.toPlainText()
        assert "result" in text and "import" in text, name
        compile(text, f"<{name}>", "exec")
        qtbot.mouseClick(dialog.copy_button, QtCore.Qt.MouseButton.LeftButton)
        assert QtWidgets.QApplication.clipboard().text() == text
        dialog.close()


def test_lesson_panel_loads_steps_and_ticks_goal(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    panel = win.lessons
    assert panel.picker.count() == 0  # read when first shown, not at start-up
    assert win.undo_stack.count() == 0
    qtbot.keyClick(win, QtCore.Qt.Key.Key_L, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert win.lessons_dock.isVisible()
    qtbot.waitUntil(lambda: panel.picker.count() >= 12, timeout=20_000)  # read in the background
    assert win.undo_stack.count() == 0  # listing lessons starts none of them
    for index, lesson in enumerate(panel.lessons):
        step_no = next((i for i, s in enumerate(lesson.steps) if s.goal is not None), None)
        if step_no is None:
            continue
        panel.start(index)
        for _ in range(step_no):
            qtbot.mouseClick(panel.next_button, QtCore.Qt.MouseButton.LeftButton)
        step = lesson.steps[step_no]
        assert win.current_lab_name() == step.lab
        assert panel.goal.text().startswith("☐")
        with qtbot.waitSignal(panel.goal_reached, timeout=3000):
            qtbot.mouseClick(panel.show_me_button, QtCore.Qt.MouseButton.LeftButton)
        assert panel.goal.text().startswith("☑")
        win.undo_stack.undo()  # "Show me" is one undo step
        assert win.current_lab().state() != step.solution
        break
    else:
        raise AssertionError("no bundled lesson has a goal")
