"""Vectors lab driven with real mouse and keyboard events."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from engine import vectors as V
from engine.linalg import format_number
from engine.schema import field_spec
from engine.vectors import VectorsState
from tests.gui.helpers import drag_in_view


def _lab(lab_window):
    """The window on the vectors lab in its opening state with an empty undo history.

    (The lessons panel may start its first lesson when the window opens, editing a lab's state as an undo step.)
    """
    win = lab_window("vectors")
    lab = win.show_lab("vectors")
    lab.set_state(lab.state_type())
    win.undo_stack.clear()
    return win, lab


def _type_into_spin(qtbot, spin: QtWidgets.QDoubleSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, QtCore.Qt.Key.Key_Return)


def test_drag_u_tip_updates_state_readouts_and_one_undo_step(qtbot, lab_window):
    win, lab = _lab(lab_window)
    u0 = lab.state().vectors[0]
    drag_in_view(qtbot, lab.plane, start=u0, end=(2.0, -1.0), steps=12)
    u = lab.state().vectors[0]
    assert u == pytest.approx((2.0, -1.0), abs=0.06)
    assert lab.vector_items[0].tip() == u
    v = lab.state().vectors[1]
    assert lab.readouts.labels["u_dot_v"].text() == format_number(V.dot(u, v), 4)
    assert lab.readouts.labels["angle"].text() == f"{V.angle(u, v):.2f}°"
    assert lab.findChild(QtWidgets.QDoubleSpinBox, "spin_u_x").value() == pytest.approx(u[0])
    assert win.undo_stack.count() == 1 and win.undo_stack.text(0) == "Drag u"
    win.undo_stack.undo()
    assert lab.state().vectors[0] == u0
    assert lab.vector_items[0].tip() == u0


def test_snap_makes_drags_land_on_integers(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    qtbot.mouseClick(lab.rows.snap_check, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(8, 8))
    assert lab.state().snap
    drag_in_view(qtbot, lab.plane, start=lab.state().vectors[1], end=(-2.3, 1.8))
    assert lab.state().vectors[1] == (-2.0, 2.0)


def test_typed_numbers_move_the_arrow(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    _type_into_spin(qtbot, lab.findChild(QtWidgets.QDoubleSpinBox, "spin_v_x"), "-3")
    assert lab.state().vectors[1][0] == -3.0
    assert lab.vector_items[1].tip()[0] == -3.0
    assert lab.readouts.labels["sum"].text() == "(\u22122, 4)"


def test_zero_vector_says_undefined(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    _type_into_spin(qtbot, lab.findChild(QtWidgets.QDoubleSpinBox, "spin_v_x"), "0")
    _type_into_spin(qtbot, lab.findChild(QtWidgets.QDoubleSpinBox, "spin_v_y"), "0")
    assert lab.state().vectors[1] == (0.0, 0.0)
    assert "undefined" in lab.readouts.labels["angle"].text()
    assert "undefined" in lab.readouts.labels["proj"].text()
    assert not lab.operations.proj_item.isVisible()


def test_dependent_vectors_show_a_line_span(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    combo = lab.show_controls.checks["show_combo"]
    qtbot.mouseClick(combo, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(8, combo.height() // 2))
    assert lab.state().show_combo
    assert "whole plane" in lab.operations.span_label.toPlainText()
    _type_into_spin(qtbot, lab.findChild(QtWidgets.QDoubleSpinBox, "spin_v_x"), "2")
    _type_into_spin(qtbot, lab.findChild(QtWidgets.QDoubleSpinBox, "spin_v_y"), "6")
    assert "dependent" in lab.readouts.span_text.text()
    assert "line" in lab.operations.span_label.toPlainText()
    assert lab.operations.span_line.isVisible() and not lab.operations.span_fill.isVisible()


def test_add_and_remove_a_vector(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    qtbot.mouseClick(lab.rows.add_button, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().names == ("u", "v", "w") and len(lab.vector_items) == 3
    remove = lab.findChild(QtWidgets.QPushButton, "remove_w")
    qtbot.mouseClick(remove, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().names == ("u", "v") and len(lab.vector_items) == 2


def test_slider_and_norm_ball(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    assert not lab.show_controls.c_slider.isEnabled()  # c only matters when c·u is shown
    scaled = lab.show_controls.checks["show_scaled"]
    qtbot.mouseClick(scaled, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(8, scaled.height() // 2))
    assert lab.state().show_scaled and lab.operations.scaled_item.isVisible()
    box = lab.show_controls.c_slider.box
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "-2")
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Return)
    assert lab.state().scalar_c == -2.0
    assert lab.readouts.labels["scaled"].text().endswith("(\u22122, \u22126)")
    lab.show_controls.ball_combo.setCurrentIndex(lab.show_controls.ball_combo.findData("l1"))
    assert lab.state().norm_ball == "l1"
    xs, _ys = lab.operations.ball_u.getData()
    assert max(xs) == pytest.approx(4.0)  # the L1 ball through u = (1, 3) has radius 4


def test_render_png(tmp_path, qapp):
    from gui.app import render_lab_png

    path = tmp_path / "vectors.png"
    render_lab_png(str(path), "vectors")
    img = QtGui.QImage(str(path))
    assert img.width() == 1280 and img.height() == 800
    colours = {img.pixel(x, y) for x in range(0, 1280, 37) for y in range(0, 800, 29)}
    assert len(colours) > 8  # not a blank window


def test_vectors_bench_drag_changes_u_on_every_move(lab_window):
    from bench.bench_vectors import drag_u

    _win, lab = _lab(lab_window)
    lab.set_state(VectorsState())
    times, changed = drag_u(lab, (-4.0, 2.5), 15)
    assert len(times) == 15 and changed == 15  # each move a new position: the figure measures real updates
    assert lab.state().vectors[0] == pytest.approx((-4.0, 2.5), abs=0.2)


def test_sliders_and_spins_take_range_and_step_from_the_spec(lab_window):
    _win, lab = _lab(lab_window)
    for name in ("scalar_c", "coef_a", "coef_b"):
        fs = field_spec(VectorsState, name)
        box = lab.show_controls.sliders[name].box
        assert (box.minimum(), box.maximum(), box.singleStep()) == (fs.lo, fs.hi, fs.step)
    fs = field_spec(VectorsState, "vectors")
    spin = lab.findChild(QtWidgets.QDoubleSpinBox, "spin_u_x")
    assert (spin.minimum(), spin.maximum(), spin.singleStep(), spin.decimals()) == (fs.lo, fs.hi, fs.step, 2)


def test_one_derive_per_state(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    before = lab.results.computed
    lab.render(lab.state())
    lab.render(lab.state())
    assert lab.results.computed == before  # the same state is never derived twice
    drag_in_view(qtbot, lab.plane, start=lab.state().vectors[0], end=(2.0, -1.0), steps=6)
    assert lab.results.computed - before <= 7


def test_a_drag_holds_the_column_and_releases_the_exact_readouts(qtbot, lab_window):
    """The spin boxes and readouts catch up at 10 Hz while a tip is dragged (the plane follows every move) and show
    the released state exactly."""
    from tests.gui.helpers import view_to_widget

    _win, lab = _lab(lab_window)
    QtWidgets.QApplication.processEvents()
    before = lab.readouts.labels["u_dot_v"].text()
    spin = lab.findChild(QtWidgets.QDoubleSpinBox, "spin_u_x")
    spin_before = spin.value()
    vp = lab.plane.viewport()
    start = lab.state().vectors[0]
    qtbot.mouseMove(vp, view_to_widget(lab.plane, *start))
    qtbot.mousePress(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(lab.plane, *start))
    for i in range(1, 7):
        at = (start[0] + 0.3 * i, start[1] - 0.5 * i)
        qtbot.mouseMove(vp, view_to_widget(lab.plane, *at))
        assert lab.vector_items[0].tip() == lab.state().vectors[0] != start  # the arrow follows every move
        assert lab.readouts.labels["u_dot_v"].text() == before and spin.value() == spin_before
        assert lab.catch_up.pending()
    qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(lab.plane, *at))
    assert not lab.catch_up.pending()
    u, v = lab.state().vectors
    assert lab.readouts.labels["u_dot_v"].text() == format_number(V.dot(u, v), 4)
    assert lab.readouts.labels["sum"].text() == lab.results.get(lab.state()).readouts["sum"]
    assert spin.value() == pytest.approx(u[0])


def test_a_drag_sets_only_the_overlays_whose_data_changed(qtbot, lab_window, monkeypatch):
    _win, lab = _lab(lab_window)
    lab.edit(replace(lab.state(), norm_ball="l1", show_combo=True), "setup")
    ops = lab.operations
    calls = {"ball_unit": 0, "span_fill": 0, "ball_u": 0}
    for name, method in (("ball_unit", "setData"), ("ball_u", "setData"), ("span_fill", "setPolygon")):
        item = getattr(ops, name)
        original = getattr(item, method)

        def counted(*args, name=name, original=original):
            calls[name] += 1
            return original(*args)

        monkeypatch.setattr(item, method, counted)
    drag_in_view(qtbot, lab.plane, start=lab.state().vectors[0], end=(2.0, -1.0), steps=6)
    assert calls["ball_unit"] == 0 and calls["span_fill"] == 0  # the unit ball and the span's fill did not move
    assert calls["ball_u"] >= 6  # the ball through u's tip did, at every move
    xs, _ys = ops.ball_u.getData()
    u = lab.state().vectors[0]
    assert max(xs) == pytest.approx(abs(u[0]) + abs(u[1]))


def test_dragging_u_leaves_the_line_of_v_and_unchanged_labels_alone(qtbot, lab_window, monkeypatch):
    """v's line is as wide as the view: turning it (even to the same angle) repainted half the plane at every move."""
    import math

    _win, lab = _lab(lab_window)
    lab.edit(replace(lab.state(), norm_ball="l1"), "setup")
    ops = lab.operations
    calls = {"v_line": 0, "ball_label": 0}
    for name, method in (("v_line", "setAngle"), ("ball_label", "setText")):
        original = getattr(getattr(ops, name), method)

        def counted(*args, name=name, original=original):
            calls[name] += 1
            return original(*args)

        monkeypatch.setattr(getattr(ops, name), method, counted)
    drag_in_view(qtbot, lab.plane, start=lab.state().vectors[0], end=(2.0, -1.0), steps=6)
    assert calls == {"v_line": 0, "ball_label": 0}
    drag_in_view(qtbot, lab.plane, start=lab.state().vectors[1], end=(-1.0, 3.0), steps=6)
    vx, vy = lab.state().vectors[1]
    assert calls["v_line"] >= 6 and ops.v_line.angle == pytest.approx(math.degrees(math.atan2(vy, vx)))
    assert ops.ball_label.toPlainText() == lab.results.get(lab.state()).ball_label
