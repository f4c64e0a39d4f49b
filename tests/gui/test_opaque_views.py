"""Every plot with a solid background tells Qt it paints every pixel (gui/widgets/opaque_views.py), and the picture
is the one Qt painted before, when it also painted the widgets behind."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtWidgets

from gui.labs import available
from gui.widgets.opaque_views import install, paints_opaque

OPAQUE = QtCore.Qt.WidgetAttribute.WA_OpaquePaintEvent


def _views_on_every_page(lab: QtWidgets.QWidget):
    """Each plot view of ``lab`` while the tab page holding it is shown (lazily built pages included)."""
    seen: set[int] = set()
    pages = [(tabs, i) for tabs in lab.findChildren(QtWidgets.QTabWidget) for i in range(tabs.count())]
    for tabs, i in [(None, 0), *pages]:
        if tabs is not None:
            tabs.setCurrentIndex(i)
        QtWidgets.QApplication.processEvents()
        for view in lab.findChildren(pg.GraphicsView):
            if id(view) not in seen and view.isVisible() and view.width() > 20 and view.height() > 20:
                seen.add(id(view))
                yield view


@pytest.mark.parametrize("name", available())
def test_every_solid_plot_is_marked_opaque_and_paints_the_same_picture(lab_window, name) -> None:
    lab = lab_window(name).current_lab()
    views = list(_views_on_every_page(lab))
    assert views
    for view in views:
        viewport = view.viewport()
        assert viewport.testAttribute(OPAQUE) == paints_opaque(view), type(view).__name__
        if not viewport.testAttribute(OPAQUE):
            continue
        marked = viewport.grab().toImage()
        viewport.setAttribute(OPAQUE, False)
        try:
            assert viewport.grab().toImage() == marked, f"{name}: {type(view).__name__} {view.objectName()!r}"
        finally:
            viewport.setAttribute(OPAQUE, True)
    assert any(v.viewport().testAttribute(OPAQUE) for v in views)  # the labs' plots have solid backgrounds


def test_the_mark_follows_the_background(qtbot) -> None:
    install()  # (the application installs it; idempotent)
    view = pg.PlotWidget()
    qtbot.addWidget(view)
    assert view.viewport().testAttribute(OPAQUE) == paints_opaque(view)
    view.setBackground("w")
    assert view.viewport().testAttribute(OPAQUE)
    view.setBackground(None)  # transparent: what lies behind must be painted again
    assert not paints_opaque(view) and not view.viewport().testAttribute(OPAQUE)
    view.setBackground((255, 255, 255, 128))  # see-through colour
    assert not view.viewport().testAttribute(OPAQUE)
