"""The Threshold and Evaluation tabs stack their panes on a narrow window, side by side again on a wide one."""

from __future__ import annotations

import pytest

from gui.fit import MAIN_PLOT_MIN
from tests.gui.helpers import all_shown, below, beside, rect_in, resize_window


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
        resize_window(win, qtbot, width, height)
        assert reflow.narrow is narrow, (width, page.width(), reflow.threshold())
        a, b = rect_in(first, page), rect_in(second, page)
        assert below(a, b) if narrow else beside(a, b), (width, a, b)
        all_shown(page, (first, second, *others))
        assert max(first.width(), second.width()) >= MAIN_PLOT_MIN
    if tab == 1:  # stacked, the curve's menu and readout sit at its right
        assert beside(rect_in(lab.curve_view, page), rect_in(lab.curve_choice, page))
        assert beside(rect_in(lab.curve_view, page), rect_in(lab.curve_text, page))


def test_threshold_drag_still_works_after_the_page_stacked(lab_window, qtbot) -> None:
    from tests.gui.helpers import drag_in_view

    win = lab_window("classifier")
    win.lessons_dock.show()
    lab = win.current_lab()
    lab.tabs.setCurrentIndex(1)
    resize_window(win, qtbot, 1024, 768)
    assert lab.threshold_reflow.narrow
    z = 0.0
    drag_in_view(qtbot, lab.sigmoid, (z, 0.5), (z, 0.9), steps=8)
    assert lab.state().threshold > 0.8
