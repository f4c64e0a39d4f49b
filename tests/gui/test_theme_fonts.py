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
