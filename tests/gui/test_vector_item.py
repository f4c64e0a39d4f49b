"""VectorItem: the pixel size it draws with is worked out once per view transform, and again when the view moves."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtWidgets

from gui.widgets.vector_item import VectorItem
from tests.gui.helpers import drag_in_view


def _fresh_pixel(item: VectorItem) -> tuple[float, float]:
    px, py = item.pixelVectors()
    return abs(px.x()) + abs(px.y()), abs(py.x()) + abs(py.y())


def test_pixel_size_is_kept_during_a_drag_and_follows_a_zoom(qtbot, lab_window, monkeypatch):
    win = lab_window("vectors")
    lab = win.show_lab("vectors")
    lab.set_state(lab.state_type())
    qtbot.wait(50)  # shown and laid out: the view transform is final
    item = lab.vector_items[0]
    assert item._pixel() == pytest.approx(_fresh_pixel(item))
    calls = []
    original = item.pixelVectors
    monkeypatch.setattr(item, "pixelVectors", lambda *a: calls.append(1) or original(*a))
    drag_in_view(qtbot, lab.plane, start=item.tip(), end=(-1.0, 3.0), steps=8)
    assert item.tip() == lab.state().vectors[0] == pytest.approx((-1.0, 3.0), abs=0.05)
    assert calls == []  # bounds, shape and paint of every move used the kept size

    before = item._pixel()
    lab.plane.set_view((-3.0, 3.0, -3.0, 3.0))  # zoomed in: fewer view units a pixel
    QtWidgets.QApplication.processEvents()
    assert calls  # worked out again for the new transform
    assert item._pixel() == pytest.approx(_fresh_pixel(item))
    assert item._pixel()[0] < before[0]
    # the handle keeps its size in pixels: the hit area still ends handle + 6 px from the tip
    view = lab.plane
    tip = view.mapFromScene(item.mapToScene(QtCore.QPointF(*item.tip())))
    edge = view.mapFromScene(item.mapToScene(item.shape().boundingRect().topRight()))
    assert edge.x() - tip.x() == pytest.approx(item._handle_px + 6, abs=1)
