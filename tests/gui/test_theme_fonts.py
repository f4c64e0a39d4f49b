"""The theme's fonts: the application font carries the size, and a widget's own (heading) font is honoured."""

from __future__ import annotations

import pytest
from PySide6 import QtWidgets

from gui import theme


@pytest.mark.parametrize("presenter", [False, True])
def test_application_font_and_headings_follow_the_theme(qapp, qtbot, presenter) -> None:
    before = theme.current()
    try:
        theme.set_theme(before.with_(presenter=presenter))
        theme.apply(qapp)
        assert qapp.styleSheet() == ""  # the light theme needs no stylesheet (and no stylesheet style)
        box = QtWidgets.QWidget()
        qtbot.addWidget(box)
        lay = QtWidgets.QVBoxLayout(box)
        body, heading = QtWidgets.QLabel("body"), QtWidgets.QLabel("heading")
        heading.setFont(theme.font(1.6, bold=True))
        lay.addWidget(body)
        lay.addWidget(heading)
        box.show()
        pt = theme.current().font_pt
        assert body.font().pointSizeF() == pytest.approx(pt)
        assert heading.font().pointSizeF() == pytest.approx(1.6 * pt)  # a font-size rule flattened it to pt
        assert heading.font().bold()
    finally:
        theme.set_theme(before)
        theme.apply(qapp)


def test_dark_theme_keeps_its_colours_without_touching_fonts(qapp) -> None:
    before = theme.current()
    try:
        theme.set_theme(before.with_(dark=True))
        theme.apply(qapp)
        sheet = qapp.styleSheet()
        assert "#2b2d30" in sheet and "font-size" not in sheet
        assert qapp.font().pointSizeF() == theme.current().font_pt
    finally:
        theme.set_theme(before)
        theme.apply(qapp)


def test_lessons_panel_texts_follow_presenter_mode_switched_on_while_open(lab_window, themed) -> None:
    """The Lessons panel is not rebuilt when presenter mode is switched on (F11): its step title (bold) and a met goal
    (bold, green) must take the new size from the application font, not keep the one they were polished with (a
    widget style sheet froze them at body size)."""
    from gui.lessons_panel import LessonsPanel

    themed(False)  # (restores the theme after the test)
    win = lab_window("vectors")
    win.lessons_dock.show()
    panel = win.findChild(LessonsPanel)
    panel.goal.setText("☑ Done: something")
    panel.show_goal_met(True)
    win.presenter_action.setChecked(True)
    QtWidgets.QApplication.processEvents()
    pt = theme.current().font_pt
    assert theme.current().presenter
    for label in (panel.step_title, panel.goal):
        assert label.font().pointSizeF() == pytest.approx(pt) and label.font().bold()
    assert panel.goal.palette().color(panel.goal.foregroundRole()).name().lower() == "#009e73"
    panel.show_goal_met(False)
    assert not panel.goal.font().bold() and panel.goal.font().pointSizeF() == pytest.approx(pt)
