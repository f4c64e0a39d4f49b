"""Probability lab driven with real mouse and keyboard events: drag an event, arrow keys, Bayes sliders, naive Bayes."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtWidgets

from engine import prob as P
from tests.gui.helpers import drag_in_view


def _lab(lab_window, tab: str = "events"):
    """The window on the probability lab in its opening state (on ``tab``) with an empty undo history."""
    win = lab_window("probability")
    lab = win.show_lab("probability")
    lab.set_state(P.ProbabilityState(tab=tab))
    win.undo_stack.clear()
    return win, lab


def _cond(lab) -> str:
    return lab.events_tab.readouts.exact["p_a_given_b"].text()


def test_dragging_b_changes_p_a_given_b_in_one_undo_step(qtbot, lab_window):
    win, lab = _lab(lab_window)
    assert _cond(lab) == "0.4000 (2/5)"
    assert lab.square.events["b"].rect() == pytest.approx((0.4, 0.1, 0.4, 0.5))
    drag_in_view(qtbot, lab.square, start=(0.7, 0.35), end=(0.5, 0.35), steps=12)
    assert lab.state().event_b == pytest.approx((0.2, 0.1, 0.4, 0.5))  # moved 0.2 left, on the 0.05 grid
    # A∩B = [0.2, 0.6] × [0.2, 0.6]: 0.16 of B's 0.2
    assert _cond(lab) == "0.8000 (4/5)"
    assert "P(A|B) = 0.8000" in lab.describe()
    assert lab.square.events["b"].rect() == pytest.approx(lab.state().event_b)
    assert win.undo_stack.count() == 1 and win.undo_stack.text(0) == "Drag B"
    win.undo_stack.undo()
    assert lab.state().event_b == P.ProbabilityState().event_b
    assert _cond(lab) == "0.4000 (2/5)"


def test_dragging_a_corner_resizes_the_event(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    drag_in_view(qtbot, lab.square, start=(0.6, 0.7), end=(0.8, 0.9), steps=12)  # A's top-right handle
    assert lab.state().event_a == pytest.approx((0.1, 0.2, 0.7, 0.7))
    assert lab.events_tab.readouts.exact["p_a"].text().startswith("0.4900")


def test_arrow_keys_move_and_resize_the_selected_event_as_undo_steps(qtbot, lab_window):
    win, lab = _lab(lab_window)
    lab.square.setFocus()
    qtbot.keyClick(lab.square, QtCore.Qt.Key.Key_B)
    assert lab.events_tab.pick_buttons["b"].isChecked()
    qtbot.keyClick(lab.square, QtCore.Qt.Key.Key_Left)
    assert lab.state().event_b == pytest.approx((0.35, 0.1, 0.4, 0.5))
    assert _cond(lab) == "0.5000 (1/2)"  # A∩B = [0.35, 0.6] × [0.2, 0.6] = 0.1
    qtbot.keyClick(lab.square, QtCore.Qt.Key.Key_Up, QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert lab.state().event_b == pytest.approx((0.35, 0.1, 0.4, 0.55))
    qtbot.keyClick(lab.square, QtCore.Qt.Key.Key_Up, QtCore.Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(lab.square, QtCore.Qt.Key.Key_Return)  # a run of presses of one kind: one undo step
    assert lab.state().event_b == pytest.approx((0.35, 0.1, 0.4, 0.6))
    assert [win.undo_stack.text(i) for i in range(win.undo_stack.count())] == ["Move B", "Resize B"]
    for _ in range(30):  # pushing against the edge stops there
        qtbot.keyClick(lab.square, QtCore.Qt.Key.Key_Left)
    assert lab.state().event_b[0] == 0.0
    qtbot.keyClick(lab.square, QtCore.Qt.Key.Key_Escape)  # puts B back where the run began, no undo step
    assert lab.state().event_b == pytest.approx((0.35, 0.1, 0.4, 0.6))
    assert win.undo_stack.count() == 2
    win.undo_stack.undo()
    win.undo_stack.undo()
    qtbot.keyClick(lab.square, QtCore.Qt.Key.Key_A)
    qtbot.keyClick(lab.square, QtCore.Qt.Key.Key_Down)
    assert lab.state().event_a == pytest.approx((0.1, 0.15, 0.5, 0.5))
    qtbot.keyClick(lab.square, QtCore.Qt.Key.Key_Right, QtCore.Qt.KeyboardModifier.ControlModifier)  # coarse
    assert lab.state().event_a == pytest.approx((0.35, 0.15, 0.5, 0.5))
    qtbot.keyClick(lab.square, QtCore.Qt.Key.Key_B)  # selecting the other event keeps the move
    assert win.undo_stack.text(win.undo_stack.index() - 1) == "Move A"


def test_throwing_points_shows_frequencies(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    sim = lab.events_tab.simulation
    assert lab.square.shown_points() == 0
    qtbot.mouseClick(sim.show_check, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(8, 8))
    assert lab.state().show_points
    assert lab.square.shown_points() == 1000
    m = P.metrics(lab.state())
    assert lab.events_tab.readouts.simulated["p_a"].text() == f"{m['freq_a']:.4f}"
    big = next(b for b in sim.findChildren(QtWidgets.QPushButton) if b.text() == "1 000 000")
    qtbot.mouseClick(big, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().n_trials == 1_000_000
    freq = float(lab.events_tab.readouts.simulated["p_a"].text())
    assert abs(freq - 0.25) < 0.002  # 10⁶ throws: within about 4.6 standard errors
    assert lab.square.shown_points() == P.SHOWN_POINTS


def test_bayes_tab_reads_the_hand_worked_case_and_follows_the_prevalence(qtbot, lab_window):
    win, lab = _lab(lab_window, tab="bayes")
    assert lab.tabs.currentWidget().view() is lab.bayes_tab  # the tab page builds its view on first show
    text = lab.bayes_tab.posterior.text()
    assert "0.0917" in text and "9 in 98" in text
    assert "P(disease | positive) = 0.0917" in lab.describe()
    box = lab.bayes_tab.sliders["prevalence"].box
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "0.1")
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Return)
    assert lab.state().prevalence == pytest.approx(0.1)
    assert "0.5263" in lab.bayes_tab.posterior.text()
    qtbot.mouseClick(lab.bayes_tab.second_check, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(8, 8))
    assert lab.state().second_test and "second positive" in lab.bayes_tab.posterior.text()
    assert win.undo_stack.count() == 2


def test_typing_a_message_scores_it_live(qtbot, lab_window):
    win, lab = _lab(lab_window, tab="naive_bayes")
    edit = lab.nb_tab.message
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "see you at the library")
    assert lab.state().message == "see you at the library"
    p = P.metrics(lab.state())["nb_p_spam"]
    assert p < 0.05 and f"{p:.6f}" in lab.nb_tab.posterior.text()
    assert lab.nb_tab.table.rowCount() == len(P.tokenize("see you at the library"))
    assert win.undo_stack.count() == 0  # typing is one gesture …
    qtbot.keyClick(edit, QtCore.Qt.Key.Key_Return)
    assert win.undo_stack.count() == 1  # … committed when editing ends
    assert "P(spam) = " in lab.describe()
    edit.selectAll()
    qtbot.keyClicks(edit, "zebra")
    assert "zebra" in lab.nb_tab.posterior.text() and "prior" in lab.nb_tab.posterior.text()


def test_empty_b_names_the_undefined_conditional(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    lab.set_state(P.ProbabilityState(event_b=(0.5, 0.5, 0.0, 0.3)))
    assert _cond(lab) == "—"
    assert "undefined" in lab.events_tab.readouts.verdict.text()
    assert "undefined" in lab.describe()
