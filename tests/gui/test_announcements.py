"""Important changes are announced (screen reader + status bar) without moving the keyboard focus.

PySide6 6.11 has ``QAccessibleAnnouncementEvent``: ``gui.access.announce`` sends one when a reader listens; the same
sentence goes to the status bar so sighted students see it too.
"""

from __future__ import annotations

import dataclasses

from PySide6 import QtGui, QtWidgets

from gui.access import announce


def test_announcement_event_exists_and_is_silent_without_a_reader(qtbot) -> None:
    w = QtWidgets.QLabel("x")
    qtbot.addWidget(w)
    assert hasattr(QtGui, "QAccessibleAnnouncementEvent")  # Qt ≥ 6.8: the real event, not a workaround
    assert announce(w, "") is False
    assert announce(w, "Hello") is QtGui.QAccessible.isActive()  # offscreen: no reader, nothing sent, no error


def test_hypothesis_verdict_flip_is_announced_without_taking_the_focus(lab_window, qtbot) -> None:
    win = lab_window("hypothesis")
    lab = win.current_lab()
    qtbot.waitUntil(lambda: bool(lab.notable()), timeout=10000)  # scipy.stats loads in the background
    before = lab.notable()
    focus = QtWidgets.QApplication.focusWidget()
    # a true mean far from μ₀ rejects H₀; equal to it with a small α keeps H₀
    far = dataclasses.replace(lab.state(), true_mu=5.0, alpha=0.05)
    near = dataclasses.replace(lab.state(), true_mu=0.0, mu0=0.0, alpha=0.001)
    target = near if "reject H₀." in before else far
    with qtbot.waitSignal(win.describe_panel.notable_changed, timeout=5000) as blocker:
        lab.edit(target, "test")
    text = blocker.args[0]
    assert text != before and text == lab.notable()
    assert ("reject H₀." in text) == (target is far)
    assert win.statusBar().currentMessage() == text
    assert QtWidgets.QApplication.focusWidget() is focus


def test_opening_a_lab_is_not_an_event(lab_window, qtbot) -> None:
    win = lab_window("probability")
    lab = win.current_lab()
    seen: list[str] = []
    win.describe_panel.notable_changed.connect(seen.append)
    assert lab.notable()  # "A and B are …" on the events tab
    win.describe_panel.refresh()
    assert seen == []  # the same sentence again: nothing to announce
    s = lab.state()
    far_apart = dataclasses.replace(s, event_a=(0.0, 0.0, 0.3, 0.3), event_b=(0.6, 0.6, 0.3, 0.3))
    lab.edit(far_apart, "test")
    win.describe_panel.refresh()
    assert seen == ["A and B are disjoint."]


def test_classifier_notable_counts_misclassified_points(lab_window) -> None:
    win = lab_window("classifier")
    lab = win.current_lab()
    res = lab.results.get(lab.state())
    wrong = res.conf.fp + res.conf.fn
    text = lab.notable()
    assert text
    if res.separation_path is None and wrong:
        assert str(wrong) in text


def test_lesson_goal_reached_is_announced(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    panel = win.lessons
    win.lessons_dock.show()
    qtbot.waitUntil(lambda: panel.picker.count() >= 1, timeout=20_000)
    index, step_no = next(
        (i, k) for i, lesson in enumerate(panel.lessons) for k, s in enumerate(lesson.steps) if s.goal is not None
    )
    panel.start(index)
    panel.go(step_no)
    focus = QtWidgets.QApplication.focusWidget()
    with qtbot.waitSignal(panel.goal_reached, timeout=3000):
        panel.show_solution()
    goal = panel.current_step().goal.text
    assert win.statusBar().currentMessage() == f"Goal reached: {goal}"
    assert QtWidgets.QApplication.focusWidget() is focus
