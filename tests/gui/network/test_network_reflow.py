"""The first and Backpropagation tabs stack their panes on a narrow window and go side by side again on a wide one."""

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


@pytest.mark.parametrize("tab", [0, 2], ids=["training", "backprop"])
def test_panes_stack_below_the_width_and_come_back(lab_window, qtbot, tab) -> None:
    win = lab_window("network")
    win.lessons_dock.show()
    lab = win.current_lab()
    lab.tabs.setCurrentIndex(tab)
    _settle()
    page = lab.tabs.currentWidget()
    if tab == 0:
        first, second, reflow = lab.plane, lab.loss_plot, lab.training_reflow
        weights = lab.weights.parentWidget().parentWidget()  # the scroll area holding the tables
        others = (weights,)
    else:
        view = lab.backprop
        first, second, reflow = view.diagram, view.details, view.reflow
        others = (view.derivatives_button, view.probe)
    for width, height, narrow in ((1280, 800, False), (1024, 768, True), (1280, 800, False), (1024, 768, True)):
        _resize(win, qtbot, width, height)
        assert reflow.narrow is narrow, (width, page.width(), reflow.threshold())
        a, b = _rect(first, page), _rect(second, page)
        assert _below(a, b) if narrow else _beside(a, b), (width, a, b)
        assert first.width() >= MAIN_PLOT_MIN, (width, first.width())
        for w in (first, second, *others):  # no widget lost in the move
            r = _rect(w, page)
            assert w.isVisible() and r.width() > 20 and r.height() > 8, (w, r)
            assert page.rect().adjusted(-1, -1, 1, 1).contains(r), (w, r, page.rect())
    if tab == 0:  # stacked, the loss curve and the weights share the row under the plane
        assert _beside(_rect(lab.loss_plot, page), _rect(others[0], page))


def test_every_tab_is_reachable_on_a_narrow_window(lab_window, qtbot) -> None:
    """The tab names shorten (whole in their tooltips) rather than push a tab out of sight behind scroll arrows."""
    win = lab_window("network")
    win.lessons_dock.show()
    _resize(win, qtbot, 1024, 768)
    bar = win.current_lab().tabs.tabBar()
    for i in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(i)), (i, bar.tabRect(i), bar.rect())
        assert bar.tabToolTip(i).replace("&", "") == bar.tabText(i).replace("&", "")


@pytest.mark.parametrize("size", [(1366, 768), (1152, 864)], ids=["1366x768", "1152x864"])
def test_common_laptop_screens_with_the_lessons_panel_fit(lab_window, qtbot, size) -> None:
    """Between the tested classroom sizes too: no tab squeezes its main plot under MAIN_PLOT_MIN beside another."""
    from tests.gui.test_fit import _check

    win = lab_window("network")
    win.lessons_dock.show()
    _resize(win, qtbot, *size)
    lab = win.current_lab()
    for page in range(lab.tabs.count()):
        lab.tabs.setCurrentIndex(page)
        _settle()
        _check(win, lab)
