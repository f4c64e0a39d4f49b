"""A fuzz finding (issue 20) through the widgets: the student's unknown words are echoed quoted and escaped."""

from __future__ import annotations

from PySide6 import QtCore


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
