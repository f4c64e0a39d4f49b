"""Issue 20's Optimizer cases through the widgets: x**x**x**x**x, and the view range zoomed far in or out."""

from __future__ import annotations

import re

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from gui.view_range import MAX_ABS


@pytest.fixture
def lab(lab_window):
    return lab_window("optimizer").current_lab()


def _shown(lab) -> str:
    return " ".join(w.text() for w in lab.findChildren(QtWidgets.QLabel) if w.isVisible())


def _wheel(qtbot, view, notches: int, times: int) -> None:
    vp = view.viewport()
    pos = QtCore.QPointF(vp.width() / 2, vp.height() / 2)
    ev = QtGui.QWheelEvent(
        pos, vp.mapToGlobal(pos), QtCore.QPoint(0, 0), QtCore.QPoint(0, 120 * notches),
        QtCore.Qt.MouseButton.NoButton, QtCore.Qt.KeyboardModifier.NoModifier,
        QtCore.Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    for _ in range(times):
        QtWidgets.QApplication.sendEvent(vp, ev)


def test_power_tower_shows_no_bare_nan(lab, qtbot):
    """Before: f = x**x**x**x**x left a bare "nan" in a readout."""
    edit = lab.panel.expr_edit.line
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "x**x**x**x**x")
    qtbot.keyClick(edit, QtCore.Qt.Key.Key_Return)
    qtbot.wait(50)
    text = _shown(lab)
    assert re.search(r"\b(nan|inf)\b", text, re.IGNORECASE) is None, text


@pytest.mark.parametrize("notches", [-20, 20])
def test_stored_view_is_the_shown_view_when_zoomed_far(lab, qtbot, notches):
    """Before: zoomed far in or out, the state's view differed from the range the plot showed."""
    with qtbot.waitSignal(lab.surface_view.viewbox.view_edited, timeout=5000):
        _wheel(qtbot, lab.surface_view, notches, 60)
    (x0, x1), (y0, y1) = lab.surface_view.getPlotItem().getViewBox().viewRange()
    stored = lab.state().view
    assert all(abs(v) <= MAX_ABS for v in stored) and stored[0] < stored[1] and stored[2] < stored[3]
    for got, want in zip(stored, (x0, x1, y0, y1), strict=True):
        assert got == pytest.approx(want, rel=1e-6, abs=1e-9 * max(1.0, abs(want)))
