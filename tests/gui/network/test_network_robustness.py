"""Issue 20's Network case through the widgets: 3 hidden layers × 8 units, 10 000 points, batch size 1."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtCore


@pytest.fixture
def win(lab_window):
    return lab_window("network")


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)


def _type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Return)


def _big_network(qtbot, lab) -> None:
    c = lab.controls
    while len(lab.state().hidden) < 3:
        _click(qtbot, c.add_layer)
    for box in c.units[:3]:
        _type_into(qtbot, box, "8")
    _type_into(qtbot, c.n_points, "10000")
    _type_into(qtbot, c.batch_size, "1")
    s = lab.state()
    assert (s.hidden, s.n_points, s.batch_size) == ((8, 8, 8), 10_000, 1)
    lab.training.slice_steps = 500  # exact work per timer tick, whatever the machine's speed


def test_step_on_a_huge_epoch_trains_in_slices_and_is_one_undo_step(win, qtbot):
    """Before: Step trained the 7 000-batch epoch in one call, blocking the window ~2 s."""
    lab = win.current_lab()
    _big_network(qtbot, lab)
    before, undo_count = lab.state(), win.undo_stack.count()
    _click(qtbot, lab.controls.step_button)
    assert lab.state().epoch == 0 and lab.training.step_target == 1  # the click returned at once; slices follow
    qtbot.waitUntil(lambda: lab.state().epoch == 1 and lab.training.step_target is None, timeout=60_000)
    assert not lab.is_playing() and not lab.training.run.partial
    assert win.undo_stack.count() == undo_count + 1
    win.undo_stack.undo()
    assert lab.state() == before


def test_pause_keeps_the_part_trained_epoch(win, qtbot):
    """Before: Pause silently rewound the unfinished epoch, throwing the training away."""
    lab = win.current_lab()
    _big_network(qtbot, lab)
    before, undo_count = lab.state(), win.undo_stack.count()
    start = lab.training.run.params.copy()
    _click(qtbot, lab.controls.play_button)
    qtbot.waitUntil(lambda: lab.training.run.partial and lab.state().weights is not None, timeout=10_000)
    _click(qtbot, lab.controls.play_button)  # Pause, mid-epoch
    assert not lab.is_playing() and lab.training.run.partial  # the part-trained epoch is kept…
    kept = np.array(lab.state().weights)
    assert lab.state().epoch == 0 and not np.array_equal(kept, start)  # …and it is what the state holds
    assert np.array_equal(lab.training.run.params, kept)
    assert win.undo_stack.count() == undo_count + 1
    # Play again continues that same epoch (the live run was kept), and undo goes back to before the first Play
    _click(qtbot, lab.controls.play_button)
    qtbot.waitUntil(lambda: not np.array_equal(lab.training.run.params, kept), timeout=10_000)
    _click(qtbot, lab.controls.play_button)
    assert win.undo_stack.count() == undo_count + 2
    win.undo_stack.undo()
    win.undo_stack.undo()
    assert lab.state() == before
