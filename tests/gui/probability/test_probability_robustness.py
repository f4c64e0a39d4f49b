"""A fuzz finding (issue 20) through the widgets: the student's unknown words are echoed quoted and escaped."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets


def test_unknown_words_are_quoted_and_not_markup(lab_window, qtbot):
    """Before: typing "NaN" showed "ignored: nan", which reads as a number that is not one."""
    win = lab_window("probability")
    lab = win.current_lab()
    lab.tabs.setCurrentIndex(3)
    edit = lab.nb_tab.message
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "NaN zork")
    qtbot.keyClick(edit, QtCore.Qt.Key.Key_Return)
    text = lab.nb_tab.posterior.text()
    assert "ignored: “nan”, “zork”" in text, text


def test_again_at_the_largest_seed_wraps_around(lab_window, qtbot):
    """Fuzz finding: "Again" at seed 2³¹ − 1 asked the spin box for 2³¹ and raised OverflowError."""
    win = lab_window("probability")
    lab = win.current_lab()
    lab.tabs.setCurrentIndex(1)
    tab = lab.findChild(QtWidgets.QWidget, "outcomes_seed").parent()
    spin = lab.findChild(QtWidgets.QSpinBox, "outcomes_seed")
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, str(spin.maximum()))
    qtbot.keyClick(spin, QtCore.Qt.Key.Key_Return)
    assert lab.state().seed == spin.maximum()
    qtbot.mouseClick(tab.findChild(QtWidgets.QPushButton, "outcomes_again"), QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().seed == spin.minimum() == spin.value()
