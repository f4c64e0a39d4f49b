"""Issue 20's Derivatives case through the widgets: a subnormal constant typed as f."""

from __future__ import annotations

import re

import pytest
from PySide6 import QtCore, QtWidgets


@pytest.fixture
def lab(lab_window):
    return lab_window("derivatives").current_lab()


def test_subnormal_constant_typed_as_f_prints_as_typed(lab, qtbot):
    """Before (fixed in the engine by 16f5e8b): f = -1e-320 showed "f(x) = −1/inf"."""
    edit = lab.controls.expression.line
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "-1e-320")
    with qtbot.waitSignal(lab.state_changed):
        qtbot.keyClick(edit, QtCore.Qt.Key.Key_Return)
    assert lab.state().expression == "-1e-320"
    shown = " ".join(w.text() for w in lab.findChildren(QtWidgets.QLabel) if w.isVisible())
    assert re.search(r"\b(nan|inf)\b", shown, re.IGNORECASE) is None, shown
    assert "1e-320" in lab.formula.text() or "10⁻³²⁰" in lab.formula.text(), lab.formula.text()
