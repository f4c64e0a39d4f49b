"""A fuzz finding (issue 20) through the widgets: 4 generated points with an 80 % test share left no training row."""

from __future__ import annotations

import re

from PySide6 import QtCore, QtWidgets


def test_four_points_with_a_large_test_share_name_the_problem(lab_window, qtbot):
    """Before: np.min of an empty training set raised an uncaught ValueError ("zero-size array")."""
    win = lab_window("classifier")
    lab = win.current_lab()
    c = lab.controls
    c.source.setFocus()
    c.source.setCurrentIndex(c.source.findData("blobs"))
    c.blob_n.setFocus()
    c.blob_n.lineEdit().selectAll()
    qtbot.keyClicks(c.blob_n, "4")
    qtbot.keyClick(c.blob_n, QtCore.Qt.Key.Key_Return)
    c.test_fraction.slider.setFocus()
    qtbot.keyClick(c.test_fraction.slider, QtCore.Qt.Key.Key_End)
    s = lab.state()
    assert (s.source, s.blob_n, s.test_fraction) == ("blobs", 4, 0.8)
    shown = " ".join(w.text() for w in lab.findChildren(QtWidgets.QLabel) if w.isVisible())
    assert "training row" in shown and "smaller test share" in shown
    assert re.search(r"\b(nan|inf)\b", shown, re.IGNORECASE) is None
