"""A gesture's first step settles the layouts that freezing the labels asked for: later steps re-lay out nothing."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6 import QtCore, QtWidgets

from gui import labs as lab_registry
from tests.gui.helpers import prepare_view, view_to_widget


class LayoutRequests(QtCore.QObject):
    """Counts LayoutRequest events anywhere in the application."""

    count = 0

    def eventFilter(self, _obj, event) -> bool:  # Qt override
        if event.type() == QtCore.QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_vectors_drag_relays_out_nothing_after_its_first_move(lab_window, qtbot):
    """LiveQuality.begin settles the cascade itself, for every lab (it was settled by hand in two labs only)."""
    lab = lab_window("vectors").current_lab()
    plane, vp = lab.plane, lab.plane.viewport()
    prepare_view(plane)
    x, y = lab.state().vectors[0]
    qtbot.mouseMove(vp, view_to_widget(plane, x, y))
    qtbot.mousePress(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, x, y))
    qtbot.mouseMove(vp, view_to_widget(plane, x + 0.3, y + 0.2))  # the first live step freezes the labels …
    assert lab.live_quality.live
    requests = LayoutRequests()
    app = QtWidgets.QApplication.instance()
    app.installEventFilter(requests)
    try:
        for i in range(1, 4):  # … and the next moves (and passes of the event loop) lay out nothing
            QtWidgets.QApplication.processEvents()
            qtbot.mouseMove(vp, view_to_widget(plane, x + 0.3 + 0.2 * i, y + 0.2))
        QtWidgets.QApplication.processEvents()
        assert requests.count == 0
    finally:
        app.removeEventFilter(requests)
        qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, x + 0.9, y + 0.2))
    assert lab.state().vectors[0][0] > x  # the drag really moved u


def test_a_one_shot_edit_never_switches_the_live_look_on(lab_window, qtbot):
    """A typed value or a key on a slider is an edit, not a gesture: no label freeze, no aliased curves, one step."""
    lab = lab_window("vectors").current_lab()
    began = []
    lab.live_quality.begin = lambda: began.append(1)
    commits = []
    lab.edit_committed.connect(lambda _b, _a, text: commits.append(text))
    u = lab.state().vectors[0]
    lab.edit(dataclasses.replace(lab.state(), vectors=((u[0] + 1.0, u[1]), *lab.state().vectors[1:])), "Move u")
    assert began == [] and commits == ["Move u"]
    assert lab.state().vectors[0][0] == u[0] + 1.0


def _press_handle(qtbot, slider: QtWidgets.QSlider) -> QtCore.QPoint:
    """Press the left button on ``slider``'s handle (where a student grabs it); the point pressed."""
    option = QtWidgets.QStyleOptionSlider()
    slider.initStyleOption(option)
    handle = slider.style().subControlRect(
        QtWidgets.QStyle.ComplexControl.CC_Slider, option, QtWidgets.QStyle.SubControl.SC_SliderHandle, slider
    )
    qtbot.mousePress(slider, QtCore.Qt.MouseButton.LeftButton, pos=handle.center())
    return handle.center()


@pytest.mark.parametrize("lab_name", lab_registry.available())
def test_grabbing_any_slider_handle_starts_the_live_look(lab_window, qtbot, lab_name):
    """Every slider of every lab (on every tab) starts its lab's live look when its handle is pressed, before any
    move: one shared mechanism (the slider rows), not wiring in each lab; letting go without a move ends it."""
    lab = lab_window(lab_name).current_lab()
    tabs = [t for t in lab.findChildren(QtWidgets.QTabWidget) if t.isVisible()]
    pressed = 0
    for page in range(tabs[0].count()) if tabs else [None]:
        if page is not None:
            tabs[0].setCurrentIndex(page)
            QtWidgets.QApplication.processEvents()
        for slider in lab.findChildren(QtWidgets.QSlider):
            if not slider.isVisible() or not slider.isEnabled() or slider.minimum() == slider.maximum():
                continue
            lab.live_quality.end()
            at = _press_handle(qtbot, slider)
            assert slider.isSliderDown(), slider.objectName() or slider.accessibleName()
            assert lab.live_quality.live, f"{slider.accessibleName() or slider.toolTip()!r} on page {page}"
            qtbot.mouseRelease(slider, QtCore.Qt.MouseButton.LeftButton, pos=at)
            qtbot.waitUntil(lambda: not lab.live_quality.live, timeout=3000)
            pressed += 1
    if not any(s.isEnabled() for s in lab.findChildren(QtWidgets.QSlider)):
        pytest.skip(f"the {lab_name} lab opens with no slider to grab")
    assert pressed, "no slider pressed: the check would pass vacuously"
