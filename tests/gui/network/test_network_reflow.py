"""The first and Backpropagation tabs stack their panes on a narrow window and go side by side again on a wide one."""

from __future__ import annotations

import pytest

from gui.fit import MAIN_PLOT_MIN
from tests.gui.helpers import all_shown, below, beside, rect_in, resize_window, settle_layouts


@pytest.mark.parametrize("tab", [0, 2], ids=["training", "backprop"])
def test_panes_stack_below_the_width_and_come_back(lab_window, qtbot, tab) -> None:
    win = lab_window("network")
    win.lessons_dock.show()
    lab = win.current_lab()
    lab.tabs.setCurrentIndex(tab)
    settle_layouts()
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
        resize_window(win, qtbot, width, height)
        assert reflow.narrow is narrow, (width, page.width(), reflow.threshold())
        a, b = rect_in(first, page), rect_in(second, page)
        assert below(a, b) if narrow else beside(a, b), (width, a, b)
        assert first.width() >= MAIN_PLOT_MIN, (width, first.width())
        all_shown(page, (first, second, *others))
    if tab == 0:  # stacked, the loss curve and the weights share the row under the plane
        assert beside(rect_in(lab.loss_plot, page), rect_in(others[0], page))


def test_every_tab_is_reachable_on_a_narrow_window(lab_window, qtbot) -> None:
    """The tab names shorten (whole in their tooltips) rather than push a tab out of sight behind scroll arrows."""
    win = lab_window("network")
    win.lessons_dock.show()
    resize_window(win, qtbot, 1024, 768)
    bar = win.current_lab().tabs.tabBar()
    for i in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(i)), (i, bar.tabRect(i), bar.rect())
        assert bar.tabToolTip(i).replace("&", "") == bar.tabText(i).replace("&", "")
