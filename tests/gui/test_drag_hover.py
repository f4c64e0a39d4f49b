"""During a drag pyqtgraph's hover search runs at the drag's first move only (gui/widgets/drag_hover.py)."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6 import QtCore

from gui.widgets import drag_hover
from tests.gui.helpers import view_to_widget


def _plot(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(500, 400)
    widget.getPlotItem().getViewBox().setRange(xRange=(-5, 5), yRange=(-5, 5), padding=0)
    target = pg.TargetItem(pos=(0.0, 0.0), size=20, movable=True)
    other = pg.TargetItem(pos=(3.0, 0.0), size=20, movable=True)  # the drag passes over it
    widget.addItem(target)
    widget.addItem(other)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, target, other


@pytest.mark.qt_log_ignore("not accepted by receiving widget")  # a bare PlotWidget: the scene takes the drag
def test_a_drag_searches_for_hover_targets_once_and_leaves_hover_as_pyqtgraph_did(qtbot, monkeypatch):
    drag_hover.install()
    widget, target, other = _plot(qtbot)
    scene = widget.scene()
    searches = []
    real = scene.itemsNearEvent
    monkeypatch.setattr(scene, "itemsNearEvent", lambda *a, **k: searches.append(1) or real(*a, **k))
    vp = widget.viewport()
    qtbot.mouseMove(vp, view_to_widget(widget, 0.0, 0.0))
    assert target.mouseHovering  # hovered before the press: the item shows it can be dragged
    qtbot.mousePress(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(widget, 0.0, 0.0))
    searches.clear()
    for i in range(1, 21):
        qtbot.mouseMove(vp, view_to_widget(widget, 0.2 * i, 0.0))
        assert not target.mouseHovering and not other.mouseHovering  # no hover highlight mid-drag, as in pyqtgraph
    assert len(searches) == 1  # the drag's first move only (pyqtgraph searched on all 20)
    assert target.pos().x() > 3.0  # the drag itself went through
    qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(widget, 4.0, 0.0))
    assert len(searches) == 2  # the release works hover out again
    assert target.mouseHovering  # under the pointer again at rest


def test_installing_twice_patches_once():
    drag_hover.install()
    assert drag_hover.install() is False
