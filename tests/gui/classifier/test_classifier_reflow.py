"""The Threshold and Evaluation tabs stack their panes on a narrow window, side by side again on a wide one."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtWidgets

from gui.fit import MAIN_PLOT_MIN


def _settle() -> None:
    for _ in range(4):
        QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.LayoutRequest)
        QtWidgets.QApplication.processEvents()


def _rect(widget: QtWidgets.QWidget, page: QtWidgets.QWidget) -> QtCore.QRect:
    return QtCore.QRect(widget.mapTo(page, QtCore.QPoint(0, 0)), widget.size())


def _resize(win, qtbot, width: int, height: int) -> None:
    win.resize(width, height)
    qtbot.waitUntil(lambda: win.width() == width and win.height() == height, timeout=2000)
    _settle()


def _beside(a: QtCore.QRect, b: QtCore.QRect) -> bool:
    return b.left() >= a.right() and b.top() < a.bottom()


def _below(a: QtCore.QRect, b: QtCore.QRect) -> bool:
    return b.top() >= a.bottom()


def _all_shown(page: QtWidgets.QWidget, widgets) -> None:
    """No widget lost in the move: each shown, not collapsed, and inside the page."""
    for w in widgets:
        r = _rect(w, page)
        assert w.isVisible() and r.width() > 20 and r.height() > 8, (w, r)
        assert page.rect().adjusted(-1, -1, 1, 1).contains(r), (w, r, page.rect())


@pytest.mark.parametrize("tab", [1, 2], ids=["threshold", "evaluation"])
def test_panes_stack_below_the_width_and_come_back(lab_window, qtbot, tab) -> None:
    win = lab_window("classifier")
    win.lessons_dock.show()
    lab = win.current_lab()
    lab.tabs.setCurrentIndex(tab)
    page = lab.tabs.currentWidget()
    if tab == 1:
        first, second, reflow = lab.sigmoid, lab.curve_view, lab.threshold_reflow
        others = (lab.confusion, lab.curve_choice, lab.curve_text)
    else:
        first, second, reflow = lab.evaluation.diff_plot, lab.evaluation.mc_plot, lab.evaluation.reflow
        others = (lab.evaluation.text,)
    for width, height, narrow in ((1280, 800, False), (1024, 768, True), (1280, 800, False), (1024, 768, True)):
        _resize(win, qtbot, width, height)
        assert reflow.narrow is narrow, (width, page.width(), reflow.threshold())
        a, b = _rect(first, page), _rect(second, page)
        assert _below(a, b) if narrow else _beside(a, b), (width, a, b)
        _all_shown(page, (first, second, *others))
        assert max(first.width(), second.width()) >= MAIN_PLOT_MIN
    if tab == 1:  # stacked, the curve's menu and readout sit at its right
        assert _beside(_rect(lab.curve_view, page), _rect(lab.curve_choice, page))
        assert _beside(_rect(lab.curve_view, page), _rect(lab.curve_text, page))


def test_threshold_drag_still_works_after_the_page_stacked(lab_window, qtbot) -> None:
    from tests.gui.helpers import drag_in_view

    win = lab_window("classifier")
    win.lessons_dock.show()
    lab = win.current_lab()
    lab.tabs.setCurrentIndex(1)
    _resize(win, qtbot, 1024, 768)
    assert lab.threshold_reflow.narrow
    z = 0.0
    drag_in_view(qtbot, lab.sigmoid, (z, 0.5), (z, 0.9), steps=8)
    assert lab.state().threshold > 0.8


@pytest.mark.parametrize("size", [(1366, 768), (1152, 864)], ids=["1366x768", "1152x864"])
def test_common_laptop_screens_with_the_lessons_panel_fit(lab_window, qtbot, size) -> None:
    """Between the tested classroom sizes too: no tab squeezes its main plot under MAIN_PLOT_MIN beside another."""
    from tests.gui.test_fit import _check

    win = lab_window("classifier")
    win.lessons_dock.show()
    _resize(win, qtbot, *size)
    lab = win.current_lab()
    for page in range(lab.tabs.count()):
        lab.tabs.setCurrentIndex(page)
        _settle()
        _check(win, lab)
