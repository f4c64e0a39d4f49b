"""Network lab GUI: real clicks, drags and typing drive training, the network builder, weights and data."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from engine.nn import NetworkState, state_data
from engine.schema import from_dict, to_dict
from tests.gui.helpers import click_in_view, drag_in_view


@pytest.fixture
def lab(lab_window):
    win = lab_window("network")
    return win.current_lab()


def _click(qtbot, button: QtWidgets.QAbstractButton) -> None:
    qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)


def test_add_and_remove_layer_changes_weight_tables(qtbot, lab):
    assert len(lab.weights.tables) == 3  # 2-4-2-1
    _click(qtbot, lab.controls.add_layer)
    assert lab.state().hidden == (4, 2, 2)
    assert len(lab.weights.tables) == 4
    assert lab.weights.tables[3].rowCount() == 1 and lab.weights.tables[3].columnCount() == 3
    spin = lab.controls.units[2]
    assert spin.isVisible()
    spin.setFocus()
    qtbot.keyClick(spin, QtCore.Qt.Key.Key_Up)
    assert lab.state().hidden == (4, 2, 3) and lab.weights.tables[2].rowCount() == 3
    for _ in range(3):
        _click(qtbot, lab.controls.remove_layer)
    assert lab.state().hidden == () and len(lab.weights.tables) == 1
    assert not lab.controls.remove_layer.isEnabled()
    assert "logistic regression" in lab.controls.arch_label.text()


def test_play_trains_xor_to_high_accuracy_and_pause_stops_at_once(qtbot, lab):
    assert lab.state().dataset == "xor" and lab.state().seed == 1
    start_loss = float(lab.controls.readouts["train_loss"].text())
    _click(qtbot, lab.controls.play_button)
    assert lab.is_playing()
    qtbot.waitUntil(lambda: lab.state().epoch >= 60, timeout=20_000)
    _click(qtbot, lab.controls.play_button)
    assert not lab.is_playing()
    stopped = lab.state().epoch
    QtWidgets.QApplication.processEvents()
    assert lab.state().epoch == stopped
    assert lab.accuracy() > 0.95
    assert float(lab.controls.readouts["train_loss"].text()) < 0.5 * start_loss
    assert lab.controls.readouts["status"].text() == "paused"
    assert len(lab.train_curve.getData()[0]) >= 60


def test_step_button_trains_exactly_one_epoch_per_click(qtbot, lab):
    for _ in range(3):
        _click(qtbot, lab.controls.step_button)
    assert lab.state().epoch == 3 and lab.state().weights is not None
    _click(qtbot, lab.controls.reset_button)
    assert lab.state().epoch == 0 and lab.state().weights is None


def test_dragging_a_point_moves_it_and_updates_the_boundary(qtbot, lab):
    for _ in range(20):
        _click(qtbot, lab.controls.step_button)
    QtWidgets.QApplication.processEvents()  # let the status bar message settle the layout before aiming
    before = lab.boundary_image()
    data = state_data(lab.state())
    start = tuple(data.x_train[0])
    target = (start[0] * -0.5, start[1] + 0.8)
    drag_in_view(qtbot, lab.plane, start, target, steps=6)
    state = lab.state()
    assert state.dataset == "custom" and len(state.points) == 200
    moved = np.array([p[:2] for p in state.points])
    assert np.min(np.hypot(moved[:, 0] - target[0], moved[:, 1] - target[1])) < 0.1
    assert not np.allclose(lab.boundary_image(), before)


def test_drag_moves_the_marker_at_once_and_refits_with_the_newest_position(qtbot, lab):
    from tests.gui.helpers import prepare_view, view_to_widget

    lab.point_edits.on_dataset("custom")
    points_before = lab.state().points
    start = points_before[7][:2]
    plane, vp = lab.plane, lab.plane.viewport()
    prepare_view(plane)
    scatter_calls = []
    for item in plane.point_items.values():
        item.sigPlotChanged.connect(lambda *_: scatter_calls.append(1))
    qtbot.mouseMove(vp, view_to_widget(plane, *start))
    qtbot.mousePress(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, *start))
    path = [(start[0] + 0.1 * i, start[1] - 0.1 * i) for i in range(1, 9)]
    for xy in path:
        qtbot.mouseMove(vp, view_to_widget(plane, *xy))
        marker = plane.drag_marker.getData()
        assert (marker[0][0], marker[1][0]) == pytest.approx(xy, abs=0.05)  # the point follows before any refit
    assert len(scatter_calls) <= 1  # the 200 points were not redrawn per move (one lift of the dragged point)
    # the refit runs on its timer with the newest position only, while the button is still down
    qtbot.waitUntil(lambda: lab.state().points[7][:2] == pytest.approx(path[-1], abs=0.05), timeout=2000)
    assert lab.state().points[:7] == points_before[:7] and lab.state().points[8:] == points_before[8:]
    assert lab.state().epoch >= 1  # paused: the refit trained (a budget of mini-batch steps, never of seconds)
    qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, *path[-1]))
    assert plane.drag_marker.getData()[0] is None or len(plane.drag_marker.getData()[0]) == 0
    assert lab.state().points[7][:2] == pytest.approx(path[-1], abs=0.05)
    assert not lab.training.run.partial  # a dropped point leaves whole epochs in the state


def test_huge_epochs_are_trained_in_slices_and_pause_keeps_the_partial_epoch(qtbot, lab):
    state = dataclasses.replace(NetworkState(), dataset="blobs", n_points=10_000, batch_size=1)
    lab.set_state(state)
    lab.training.slice_steps = 50  # exact work per tick (no time budget): an epoch is 140 ticks on any machine
    start = lab.training.run.params.copy()
    _click(qtbot, lab.controls.play_button)
    # one epoch is 7 000 mini-batches: ticks must hand the event loop back long before it ends
    qtbot.waitUntil(lambda: lab.training.run.partial and lab.state().weights is not None, timeout=5000)
    assert lab.state().epoch == 0 and lab.is_playing()
    _click(qtbot, lab.controls.play_button)
    assert not lab.is_playing() and lab.training.run.partial  # Pause keeps the part-trained epoch (issue 20)
    assert lab.state().epoch == 0 and not np.array_equal(np.array(lab.state().weights), start)
    assert np.array_equal(np.array(lab.state().weights), lab.training.run.params)


def test_clicks_place_points_of_both_classes(qtbot, lab):
    _click(qtbot, lab.controls.clear_points)
    assert lab.state().dataset == "custom" and lab.state().points == ()
    assert "no data points" in lab.controls.readouts["status"].text() or lab.training.error
    click_in_view(qtbot, lab.plane, (-1.0, -1.0))
    click_in_view(qtbot, lab.plane, (1.0, 1.0), button=QtCore.Qt.MouseButton.RightButton)
    points = lab.state().points
    assert [p[2] for p in points] == [0, 1]
    assert points[0][:2] == pytest.approx((-1.0, -1.0), abs=0.05)
    assert lab.training.run is not None  # two classes: trainable again
    # shift-click deletes
    qtbot.mouseClick(
        lab.plane.viewport(),
        QtCore.Qt.MouseButton.LeftButton,
        QtCore.Qt.KeyboardModifier.ShiftModifier,
        pos=__import__("tests.gui.helpers", fromlist=["view_to_widget"]).view_to_widget(lab.plane, *points[1][:2]),
    )
    assert len(lab.state().points) == 1


def test_one_class_data_says_why_and_play_refuses(qtbot, lab):
    messages = []
    lab.status_message.connect(messages.append)
    _click(qtbot, lab.controls.clear_points)
    click_in_view(qtbot, lab.plane, (0.5, 0.5))
    assert lab.controls.readouts["status"].text() == "no usable data"
    assert any("class 0" in m and "both classes" in m for m in messages)
    _click(qtbot, lab.controls.play_button)
    assert not lab.is_playing()


def test_editing_a_weight_cell_pauses_and_changes_the_network(qtbot, lab):
    _click(qtbot, lab.controls.play_button)
    qtbot.waitUntil(lambda: lab.state().epoch >= 2, timeout=10_000)
    table = lab.weights.tables[0]
    item = table.item(0, 0)
    rect = table.visualItemRect(item)
    qtbot.mouseClick(table.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, QtCore.Qt.Key.Key_F2)  # start editing the selected cell
    editor = QtWidgets.QApplication.focusWidget()
    assert isinstance(editor, QtWidgets.QLineEdit)
    editor.selectAll()
    assert not lab.is_playing()  # opening the editor paused training
    assert float(editor.text()) == pytest.approx(lab.state().weights[0], rel=1e-5)  # exact numbers once paused
    qtbot.keyClicks(editor, "1.5")
    qtbot.keyClick(editor, QtCore.Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lab.state().weights[0] == 1.5)  # the delegate commits on the next event-loop turn
    epoch = lab.state().epoch
    # a bad value is refused with a message and the weight stays
    messages = []
    lab.weights.edit_error.connect(messages.append)
    qtbot.keyClick(table, QtCore.Qt.Key.Key_F2)
    editor = QtWidgets.QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, QtCore.Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(messages))
    assert "not a number" in messages[0] and table.item(0, 0).text() == "1.5"
    assert lab.state().weights[0] == 1.5 and lab.state().epoch == epoch
    # the hand-edited network resumes training from the edited weights
    _click(qtbot, lab.controls.step_button)
    assert lab.state().epoch == epoch + 1


def test_layer_view_steps_through_layers(qtbot, lab):
    lab.tabs.setCurrentWidget(lab.layers_page)
    assert "input plane" in lab.layers.title.text()
    _click(qtbot, lab.layers.next_button)
    _click(qtbot, lab.layers.next_button)
    assert lab.state().stage == 2
    assert "layer 1: tanh" in lab.layers.title.text() and "units 1 and 2 of 4" in lab.layers.title.text()
    lab.layers.projection.setCurrentIndex(1)
    assert lab.state().projection == "pca" and "PCA of 4 units" in lab.layers.title.text()


def test_backprop_view_and_derivatives_link(qtbot, lab):
    lab.tabs.setCurrentWidget(lab.backprop_page)
    assert "output p" in lab.backprop.details.toPlainText()
    lab.backprop.probe.setValue(5)
    assert lab.state().probe == 4
    assert "p − y" in lab.backprop.details.toPlainText()
    with qtbot.waitSignal(lab.request_lab) as blocker:
        _click(qtbot, lab.backprop.derivatives_button)
    assert blocker.args == ["derivatives"]


def test_diverging_run_stops_with_a_message(qtbot, lab):
    state = dataclasses.replace(NetworkState(), hidden=(8, 8, 8), activation="relu", optimizer="momentum", lr=10.0)
    lab.set_state(state)
    messages = []
    lab.status_message.connect(messages.append)
    _click(qtbot, lab.controls.play_button)
    qtbot.waitUntil(lambda: not lab.is_playing(), timeout=10_000)
    assert lab.controls.readouts["status"].text() == "diverged"
    assert any("diverged" in m for m in messages)
    assert np.isfinite(lab.state().weights or (0.0,)).all()


def test_csv_with_nan_is_refused_and_good_csv_loads(qtbot, lab, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y,class\n0,0,a\n1,nan,b\n2,2,a\n")
    before = lab.state()
    assert not lab.load_csv(str(bad))
    assert lab.state() == before
    good = tmp_path / "good.csv"
    good.write_text("x,y,label\n0,0,cat\n1,1,dog\n2,0,cat\n0,2,dog\n")
    assert lab.load_csv(str(good))
    assert lab.state().dataset == "custom" and [p[2] for p in lab.state().points] == [0, 1, 0, 1]


def test_state_round_trip_after_training(qtbot, lab):
    _click(qtbot, lab.controls.step_button)
    state = lab.state()
    assert from_dict(NetworkState, to_dict(state)) == state
    lab.set_state(NetworkState())
    lab.set_state(state)
    assert lab.state().epoch == 1 and lab.weights.tables[0].item(0, 0).text() != ""


def test_screenshot_renders(tmp_path):
    from gui.app import render_lab_png

    path = tmp_path / "network.png"
    render_lab_png(str(path), lab="network")
    assert path.stat().st_size > 10_000


def test_optimizer_controls_edit_lr_and_hyperparameters(qtbot, lab):
    c = lab.controls
    c.optimizer.setCurrentIndex(c.optimizer.findData("momentum"))
    assert lab.state().optimizer == "momentum" and lab.state().hyper == ()
    hyper = c.hyper
    assert hyper.name == "momentum" and "momentum" in hyper.inputs
    box = hyper.inputs["lr"].box
    box.selectAll()
    qtbot.keyClicks(box, "0.2")
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Return)
    assert lab.state().lr == pytest.approx(0.2)
    spin = hyper.inputs["momentum"]
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "0.5")
    qtbot.keyClick(spin, QtCore.Qt.Key.Key_Return)
    assert lab.state().hyper == (("momentum", 0.5),)
    _click(qtbot, c.step_button)
    assert lab.state().epoch == 1 and lab.controls.readouts["status"].text() == "paused"


def test_undo_takes_back_a_training_step(qtbot, lab_window):
    win = lab_window("network")
    lab = win.current_lab()
    _click(qtbot, lab.controls.step_button)
    _click(qtbot, lab.controls.step_button)
    assert lab.state().epoch == 2
    win.undo_stack.undo()
    assert lab.state().epoch == 1 and lab.weights.tables[0].item(0, 0).text() != ""
    win.undo_stack.undo()
    assert lab.state().epoch == 0 and lab.state().weights is None


def test_spin_boxes_take_range_and_step_from_the_field_spec(lab):
    from engine.schema import field_spec

    c = lab.controls
    for name, box in (("n_points", c.n_points), ("noise", c.noise), ("batch_size", c.batch_size), ("seed", c.seed)):
        fs = field_spec(NetworkState, name)
        assert (box.minimum(), box.maximum(), box.singleStep()) == (fs.lo, fs.hi, fs.step), name
    fs = field_spec(NetworkState, "hidden")
    assert all((u.minimum(), u.maximum()) == (fs.lo, fs.hi) for u in c.units)
    fs = field_spec(NetworkState, "test_fraction")  # shown in whole percent
    tf = c.test_fraction
    percent = (round(100 * fs.lo), round(100 * fs.hi), round(100 * fs.step))
    assert (tf.minimum(), tf.maximum(), tf.singleStep()) == percent
    lr = c.hyper.inputs["lr"]
    assert (lr._lo, lr._hi) == pytest.approx(field_spec(NetworkState, "lr").slider_range)


def test_drag_refit_trains_an_exact_number_of_steps(qtbot, lab):
    """The refit's work is counted in mini-batch steps, so a test sees the same epoch on a fast or a busy machine."""
    lab.point_edits.on_dataset("custom")
    lab.point_edits.drag_steps = 3
    x, y, _ = lab.state().points[7]
    lab.point_edits.drag_target = (7, x + 0.3, y)
    lab.point_edits.refit_drag()
    assert lab.state().epoch == 0 and lab.training.run.partial  # 3 steps of the 14 in an epoch
    lab.point_edits.drag_steps = 100
    lab.point_edits.drag_target = (7, x + 0.4, y)
    lab.point_edits.refit_drag()
    assert lab.state().epoch == 1 and not lab.training.run.partial  # finishes that epoch, then stops (one per refit)


def test_a_timed_drag_refit_trains_in_slices_and_reaches_the_same_weights(qtbot, lab):
    """The refit timer trains a refit's steps a slice per event-loop pass (a mouse move waits behind one slice) and
    draws once at the end; the weights are those of the same steps taken in one go."""
    import copy

    from gui.labs.network.points import DRAG_CHUNK_STEPS, DRAG_MAX_STEPS, refit_steps

    edits = lab.point_edits
    edits.on_dataset("custom")
    x, y, _ = lab.state().points[7]
    edits.drag_target = (7, x + 0.3, y)
    reference = copy.deepcopy(lab.training.run)
    target = edits.dragged_state()
    reference.set_data(target)
    reference.advance(None, max_epochs=1, max_steps=refit_steps(DRAG_MAX_STEPS, target.batch_size))
    run = lab.training.run
    taken, real_advance = [], run.advance

    def advance(budget, **kw):
        status = real_advance(budget, **kw)
        taken.append(run.steps_taken)
        return status

    run.advance = advance
    before = lab.state()
    edits.refit_slice()
    passes = 1
    while edits._pending is not None:
        assert lab.state() == before  # nothing is drawn before the refit's last slice
        edits.refit_slice()
        passes += 1
    assert len(taken) >= 2 and max(taken) <= DRAG_CHUNK_STEPS and passes > len(taken)
    assert sum(taken) == reference.steps_taken
    assert lab.state().points[7][0] == pytest.approx(x + 0.3)
    assert lab.state().weights == reference.weights() and lab.state().epoch == reference.epoch


def test_training_slices_are_shorter_while_a_point_is_dragged(qtbot, lab):
    """Playing while a point is dragged: each training tick asks for the short budget, so a move waits less."""
    from gui.labs.network import training as training_module

    lab.point_edits.on_dataset("custom")
    budgets = []
    run = lab.training.run
    real_advance = run.advance

    def advance(budget, **kw):
        budgets.append(budget)
        return real_advance(budget, **kw)

    run.advance = advance
    lab.training.tick()  # at rest: the normal slice
    assert budgets == [training_module.TRAIN_SLICE_S]
    plane, vp = lab.plane, lab.plane.viewport()
    from tests.gui.helpers import prepare_view, view_to_widget

    prepare_view(plane)
    start = lab.state().points[3][:2]
    qtbot.mouseMove(vp, view_to_widget(plane, *start))
    qtbot.mousePress(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, *start))
    qtbot.mouseMove(vp, view_to_widget(plane, start[0] + 0.2, start[1]))
    assert lab.point_edits.dragging
    lab.training._trained_since_frame = False  # the tick trains (not a redraw)
    lab.training.tick()
    assert budgets[-1] == training_module.DRAG_SLICE_S < training_module.TRAIN_SLICE_S
    qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, start[0] + 0.2, start[1]))


def test_while_playing_a_dragged_point_trains_in_the_run_and_shows_on_the_next_frame(qtbot, lab, monkeypatch):
    """While training plays, the drag's refit only hands the new data to the live run (no redraw of its own): the
    training's next frame shows the point where it is, and the tick after a frame (Qt paints it) trains nothing."""
    from tests.gui.helpers import prepare_view, view_to_widget

    lab.point_edits.on_dataset("custom")
    training = lab.training
    training.slice_steps = 1
    _click(qtbot, lab.controls.play_button)
    assert lab.is_playing()
    training.timer.setInterval(10**6)  # still playing; the ticks below are driven one by one
    previews = []
    preview = lab.preview
    monkeypatch.setattr(lab, "preview", lambda s, *a, **k: (previews.append(s), preview(s, *a, **k))[1])
    plane, vp = lab.plane, lab.plane.viewport()
    prepare_view(plane)
    x, y = lab.state().points[3][:2]
    qtbot.mousePress(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, x, y))
    qtbot.mouseMove(vp, view_to_widget(plane, x + 0.4, y - 0.2))
    moved = lab.point_edits.drag_target[1:]
    qtbot.waitUntil(lambda: not lab.point_edits.refit_timer.isActive(), timeout=2000)
    run = training.run
    in_run = np.vstack([run.data.x_train, run.data.x_test])
    assert np.isclose(in_run, np.round(moved, 4)).all(axis=1).any()  # the run trains on the moved point…
    assert previews == []  # …and nothing was redrawn for it but the marker
    training._last_frame = float("-inf")
    training._trained_since_frame = True
    training.tick()  # a frame: the dragged point where it is now
    assert len(previews) == 1 and previews[0].points[3][:2] == pytest.approx(np.round(moved, 4))
    pos = run._pos, run.epoch
    training.tick()  # the pass that paints the frame
    assert (run._pos, run.epoch) == pos and len(previews) == 1
    training.tick()
    assert (run._pos, run.epoch) != pos
    qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, x + 0.4, y - 0.2))
    assert lab.state().points[3][:2] == pytest.approx(np.round(moved, 4))


def test_a_drag_refit_derives_what_is_shown_and_leaves_the_inputs_alone(qtbot, lab, monkeypatch):
    """A refit's derive skips the Layers tab's stages while another tab is shown; the control column (which shows no
    point) is not written again for new points; the Layers tab gets its stages when opened."""
    import gui.labs.network.lab as lab_module

    lab.point_edits.on_dataset("custom")
    asked, controls = [], []
    derive = lab_module.derive
    monkeypatch.setattr(lab_module, "derive", lambda *a, **k: (asked.append(k.get("layers")), derive(*a, **k))[1])
    show_controls = lab.display.show_controls
    monkeypatch.setattr(lab.display, "show_controls", lambda *a: (controls.append(1), show_controls(*a)))
    x, y, _ = lab.state().points[7]
    for dx in (0.1, 0.2, 0.3):
        lab.point_edits.drag_target = (7, x + dx, y)
        lab.point_edits.refit_drag()
    assert lab.state().points[7][0] == pytest.approx(x + 0.3)
    assert asked and not any(asked) and controls == []
    lab.tabs.setCurrentWidget(lab.layers_page)
    assert asked[-1] is True and len(lab.results(lab.state()).stages) > 1
