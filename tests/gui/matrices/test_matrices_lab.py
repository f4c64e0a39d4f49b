"""Matrices lab driven with real mouse and keyboard events: cells, basis drags, presets, systems, row reduction."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from engine import linalg as L
from engine.schema import field_spec
from tests.gui.helpers import drag_in_view


def _lab(lab_window):
    """The window on the matrices lab in its opening state with an empty undo history.

    (The lessons panel may start its first lesson when the window opens, editing a lab's state as an undo step.)
    """
    win = lab_window("matrices")
    lab = win.show_lab("matrices")
    lab.set_state(lab.state_type())
    win.undo_stack.clear()
    return win, lab


def _type_cell(qtbot, table, row: int, col: int, text: str) -> None:
    """Select a cell with the mouse, type over it with the keyboard and press Enter (as a user does)."""
    if (table.currentRow(), table.currentColumn()) != (row, col):
        rect = table.visualItemRect(table.item(row, col))
        qtbot.mouseClick(table.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=rect.center())
    assert (table.currentRow(), table.currentColumn()) == (row, col)
    if text:
        qtbot.keyClick(table, text[0])  # typing on a selected cell opens its editor with that character
    else:
        qtbot.keyClick(table, QtCore.Qt.Key.Key_F2)
    editors = [e for e in table.viewport().findChildren(QtWidgets.QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    if text:
        qtbot.keyClicks(editor, text[1:])
    else:
        editor.selectAll()
        qtbot.keyClick(editor, QtCore.Qt.Key.Key_Backspace)
    assert editor.text() == text
    qtbot.keyClick(editor, QtCore.Qt.Key.Key_Return)
    editing = QtWidgets.QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: table.state() != editing)  # Qt commits the editor through a queued call
    # the closed editor is deleted later; without this, the next edit of the same cell finds it still registered
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)


def test_typing_a_cell_changes_the_determinant_label(qtbot, lab_window):
    win, lab = _lab(lab_window)
    _type_cell(qtbot, lab.tables[0], 0, 0, "3")
    assert lab.state().matrix == ((3.0, 1.0), (1.0, 2.0))
    assert "det A = 5" in lab.facts.det_text.text()
    assert lab.transform.det_label.toPlainText() == "det = 5"
    assert lab.tables[1].item(0, 0).text() == "3"  # the system page shows the same A
    assert win.undo_stack.text(win.undo_stack.count() - 1) == "Edit matrix"


def test_fraction_cells_are_exact(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    _type_cell(qtbot, lab.tables[0], 0, 1, "2/3")
    assert lab.state().matrix[0][1] == pytest.approx(2 / 3)
    assert lab.tables[0].item(0, 1).text() == "2/3"
    assert f"det A = {L.format_number(2 * 2 - 2 / 3)}" in lab.facts.det_text.text()


@pytest.mark.parametrize(
    ("text", "why"),
    [("abc", "not a number"), ("", "empty"), ("nan", "not a finite"), ("1e400", "too large"), ("2e7", "too large")],
)
def test_bad_cell_is_marked_and_last_good_matrix_stays(qtbot, lab_window, text, why):
    win, lab = _lab(lab_window)
    before = lab.state()
    table = lab.tables[0]
    _type_cell(qtbot, table, 1, 0, text)
    assert lab.state() == before
    assert why in lab.matrix_message.text() and "A stays [2, 1; 1, 2]" in lab.matrix_message.text()
    assert why in win.status.currentMessage()
    assert why in table.item(1, 0).toolTip()
    assert table.item(1, 0).background().color().red() > 150  # marked (vermillion)
    assert "det A = 3" in lab.facts.det_text.text()
    # a good entry afterwards clears the mark and is used
    _type_cell(qtbot, table, 1, 0, "0")
    assert lab.state().matrix == ((2.0, 1.0), (0.0, 2.0))
    assert lab.matrix_message.text() == "" and not table.errors()


def test_drag_i_hat_tip_edits_the_matrix(qtbot, lab_window):
    win, lab = _lab(lab_window)
    drag_in_view(qtbot, lab.plane, start=(2.0, 1.0), end=(3.1, -0.9), steps=10)
    assert lab.state().matrix == ((3.0, 1.0), (-1.0, 2.0))  # snapped to the 0.5 grid
    assert lab.tables[0].item(0, 0).text() == "3" and lab.tables[0].item(1, 0).text() == "-1"
    assert "det A = 7" in lab.facts.det_text.text()
    assert win.undo_stack.count() == 1 and win.undo_stack.text(0) == "Drag î"


def test_singular_matrix_collapses_and_says_so(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    _type_cell(qtbot, lab.tables[0], 1, 1, "0.5")  # [[2, 1], [1, 0.5]]: det 0
    assert "singular" in lab.transform.det_label.toPlainText()
    assert "No inverse" in lab.facts.inverse_text.text() and "line" in lab.facts.inverse_text.text()


def test_rotation_preset_has_complex_eigenvalues(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    lab.preset_combo.setCurrentIndex(lab.preset_combo.findData("rotation"))
    box = lab.param_slider.box
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "90")
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Return)
    assert lab.state().matrix == ((0.0, -1.0), (1.0, 0.0))
    assert "complex" in lab.facts.eigen_text.text()
    assert not any(line.isVisible() for line in lab.transform.eigen_lines)


def test_morph_slider_moves_basis(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    box = lab.t_slider.box
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "0")
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Return)
    assert lab.state().morph_t == 0.0
    assert lab.transform.i_hat.tip() == (1.0, 0.0) and lab.transform.j_hat.tip() == (0.0, 1.0)


@pytest.mark.parametrize(
    ("matrix", "b", "words"),
    [
        (((2.0, 1.0), (1.0, 2.0)), (3.0, 3.0), "One solution"),
        (((1.0, 2.0), (2.0, 4.0)), (3.0, 7.0), "No solution"),
        (((1.0, 2.0), (2.0, 4.0)), (3.0, 6.0), "Infinitely many"),
    ],
)
def test_system_cases_are_named(qtbot, lab_window, matrix, b, words):
    _win, lab = _lab(lab_window)
    lab.set_state(replace(lab.state(), matrix=matrix, tab="system"))
    for k, value in enumerate(b):
        spin = lab.findChild(QtWidgets.QDoubleSpinBox, f"b_spin_{k}")
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, str(value))
        qtbot.keyClick(spin, QtCore.Qt.Key.Key_Return)
    assert lab.state().system_b == b
    assert words in lab.solutions.system_kind.text()
    assert lab.system.point.isVisible() and (len(lab.system.point.data) == 1) == (words == "One solution")


def test_row_reduction_steps_with_buttons(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    qtbot.mouseClick(lab.tabs.tabBar(), QtCore.Qt.MouseButton.LeftButton, pos=lab.tabs.tabBar().tabRect(2).center())
    assert lab.state().tab == "rref"
    panel = lab.rref_panel
    steps = L.rref(lab.state().augmented).steps
    for _ in range(2):
        qtbot.mouseClick(panel.next_button, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().rref_step == 2
    assert panel.description.text() == steps[1].description == "R2 ← R2 + 3·R1"
    assert panel.step_table.item(1, 1).text() == "1/2"
    qtbot.mouseClick(panel.prev_button, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().rref_step == 1
    qtbot.mouseClick(panel.last_button, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().rref_step == len(steps) and not panel.next_button.isEnabled()
    assert "one solution" in panel.summary.text() and "x3 = \u22121" in panel.summary.text()


def test_row_reduction_bad_cell_and_resize(qtbot, lab_window):
    win, lab = _lab(lab_window)
    lab.set_state(replace(lab.state(), tab="rref"))
    panel = lab.rref_panel
    before = lab.state().augmented
    _type_cell(qtbot, panel.table, 0, 0, "1/0")
    assert "divides by zero" in panel.message.text() and lab.state().augmented == before
    _type_cell(qtbot, panel.table, 0, 0, "2/3")
    assert lab.state().augmented[0][0] == "2/3" and panel.message.text() == ""
    panel.cols_spin.setFocus()
    qtbot.keyClick(panel.cols_spin, QtCore.Qt.Key.Key_Up)
    assert len(lab.state().augmented[0]) == 5 and panel.table.columnCount() == 5
    assert lab.state().rref_step == 0


def test_render_png(tmp_path, qapp):
    from gui.app import render_lab_png

    path = tmp_path / "matrices.png"
    render_lab_png(str(path), "matrices")
    img = QtGui.QImage(str(path))
    assert img.width() == 1280 and img.height() == 800
    colours = {img.pixel(x, y) for x in range(0, 1280, 37) for y in range(0, 800, 29)}
    assert len(colours) > 8


def test_sliders_and_spins_take_range_and_step_from_the_spec(lab_window):
    _win, lab = _lab(lab_window)
    fs = field_spec(L.MatricesState, "morph_t")
    box = lab.t_slider.box
    assert (box.minimum(), box.maximum(), box.singleStep()) == (fs.lo, fs.hi, fs.step)
    fs = field_spec(L.MatricesState, "system_b")
    spin = lab.findChild(QtWidgets.QDoubleSpinBox, "b_spin_0")
    assert (spin.minimum(), spin.maximum(), spin.singleStep(), spin.decimals()) == (fs.lo, fs.hi, fs.step, 2)
    fs = field_spec(L.MatricesState, "preset_param")
    box = lab.param_slider.box
    assert (box.minimum(), box.maximum(), box.singleStep()) == (fs.soft_lo, fs.soft_hi, fs.step)
    lab.preset_combo.setCurrentIndex(lab.preset_combo.findData("shear"))
    shear = L.preset_slider("shear")
    assert (box.minimum(), box.maximum(), box.singleStep()) == (shear.lo, shear.hi, shear.step)


def test_one_derive_per_state(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    before = lab.results.computed
    lab.render(lab.state())
    assert lab.results.computed == before
    drag_in_view(qtbot, lab.plane, start=(2.0, 1.0), end=(3.1, -0.9), steps=10)
    assert lab.results.computed - before <= 11  # at most one derive (one exact RREF) per mouse move


def test_a_drag_draws_the_grid_fast_and_updates_hidden_pages_when_it_ends(qtbot, lab_window):
    # Issue 13: during a drag the moved grid is aliased and 1 px, the System page waits; at the end both are as at rest.
    win, lab = _lab(lab_window)
    grid = lab.transform.grid_item
    rest_width = grid.opts["pen"].widthF()
    seen = []
    lab.state_changed.connect(
        lambda s: seen.append(
            (grid.curve.opts["antialias"], grid.opts["pen"].widthF(), lab.tables[1].item(0, 0).text())
        )
    )
    drag_in_view(qtbot, lab.plane, start=(2.0, 1.0), end=(3.1, -0.9), steps=10)
    assert len(seen) >= 2 and all(not aa and w == 1.0 for aa, w, _ in seen)  # aliased 1 px while the tip moved
    assert seen[0][2] == "2"  # the hidden System page was not rewritten during the drag ...
    assert lab.tables[1].item(0, 0).text() == "3" and lab.tables[1].item(1, 0).text() == "-1"  # ... but at its end
    assert grid.curve.opts["antialias"] and grid.opts["pen"].widthF() == rest_width
    assert "det A = 7" in lab.facts.det_text.text()  # the readouts show the final matrix at once
    assert win.undo_stack.count() == 1


def test_curves_are_aliased_and_labels_keep_their_size_only_while_a_gesture_lasts(qtbot, lab_window):
    from gui.widgets.live_quality import LiveQuality

    _win, lab = _lab(lab_window)
    label = lab.facts.det_text
    low, high = label.minimumSize(), label.maximumSize()
    curve = lab.transform.grid_item
    assert curve.opts["antialias"]
    lab.live_quality.begin()
    assert lab.live_quality.live and not curve.opts["antialias"] and not curve.curve.opts["antialias"]
    assert label.minimumSize() == label.maximumSize() == label.size()  # a new text cannot re-flow the column
    lab.live_quality.end()
    assert curve.opts["antialias"] and curve.curve.opts["antialias"]
    assert (label.minimumSize(), label.maximumSize()) == (low, high)
    # a gesture that never commits still gets the fine look back after a quiet moment
    quality = LiveQuality(lab)
    quality.begin()
    assert not curve.opts["antialias"]
    qtbot.waitUntil(lambda: not quality.live, timeout=5000)
    assert curve.opts["antialias"] and (label.minimumSize(), label.maximumSize()) == (low, high)


def test_a_basis_drag_holds_the_column_and_releases_the_exact_facts(qtbot, lab_window):
    """The matrix table and the "What A does" facts catch up at 10 Hz (one CatchUp mechanism) while î is dragged; the
    plane follows every move; the release shows the final matrix exactly."""
    from tests.gui.helpers import view_to_widget

    _win, lab = _lab(lab_window)
    lab.set_state(replace(lab.state(), snap=False))
    QtWidgets.QApplication.processEvents()
    table, det_before = lab.tables[0], lab.facts.det_text.text()
    vp = lab.plane.viewport()
    start = lab.state().matrix[0][0], lab.state().matrix[1][0]
    qtbot.mouseMove(vp, view_to_widget(lab.plane, *start))
    qtbot.mousePress(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(lab.plane, *start))
    for i in range(1, 7):
        at = (start[0] + 0.2 * i, start[1] - 0.3 * i)
        qtbot.mouseMove(vp, view_to_widget(lab.plane, *at))
        m = lab.state().matrix
        assert lab.transform.i_hat.tip() == (m[0][0], m[1][0]) != start  # the plane follows every move
        assert table.item(0, 0).text() == "2" and lab.facts.det_text.text() == det_before
        assert lab.catch_up.pending() and lab.facts.catch_up.pending()
    qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(lab.plane, *at))
    assert not lab.catch_up.pending() and not lab.facts.catch_up.pending()
    r = lab.results.get(lab.state())
    assert table.values() == lab.state().matrix
    assert lab.facts.det_text.text() == r.det_text and lab.facts.inverse_text.text() == r.inverse_text


def test_eigen_lines_are_aliased_only_while_a_tip_is_dragged(qtbot, lab_window):
    """A thick dashed antialiased line is expensive to stroke: while î or ĵ is dragged the eigen-lines are drawn
    aliased, and antialiased again (as pyqtgraph draws them) when the drag ends."""

    def hints(line) -> bool:
        image = QtGui.QImage(40, 40, QtGui.QImage.Format.Format_ARGB32)
        painter = QtGui.QPainter(image)
        line.paint(painter, None, None)
        aa = painter.testRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.end()
        return aa

    _win, lab = _lab(lab_window)
    lines = lab.transform.eigen_lines
    assert all(line.isVisible() and line.angle % 90 != 0 for line in lines)  # A = [2 1; 1 2]: at ±45°
    assert all(hints(line) for line in lines)
    seen = []
    lab.state_changed.connect(lambda _s: seen.append([hints(line) for line in lines]))
    drag_in_view(qtbot, lab.plane, start=(2.0, 1.0), end=(3.1, -0.9), steps=8)
    assert seen and all(not any(aa) for aa in seen)  # aliased at every move of the drag
    assert all(hints(line) for line in lab.transform.eigen_lines if line.isVisible())  # fine again at rest
