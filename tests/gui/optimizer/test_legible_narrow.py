"""The Optimizer lab as a projector shows it (1280×720 presenter with the Lessons panel): a loss plot one can read.

Under the surface beside the whole table the loss plot was ~180 px wide: its iteration labels ran together ("100200")
and its title shortened to "Loss", while the surface was a short wide strip. There the loss plot now sits beside the
surface, over the narrated step, and no axis draws two tick labels touching at any classroom size (``legible_ticks``).
"""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtGui

from gui.fit import MAIN_PLOT_MIN
from gui.labs.optimizer.lab import LOSS_MIN
from tests.gui.helpers import lab_in_room, resize_window

SIZES = [
    pytest.param(1280, 720, True, id="1280x720-presenter-lessons"),
    pytest.param(1024, 768, False, id="1024x768-lessons"),
    pytest.param(1024, 768, True, id="1024x768-presenter-lessons"),
    pytest.param(1280, 800, True, id="1280x800-presenter-lessons"),
    pytest.param(1920, 1080, True, id="1920x1080-presenter-lessons"),
]
GAP = 3  # px between two tick labels, at least


def _label_rects(axis) -> list[QtCore.QRectF]:
    """The tick labels' rectangles as the axis would draw them now, in order along the axis."""
    image = QtGui.QImage(8, 8, QtGui.QImage.Format.Format_ARGB32)
    painter = QtGui.QPainter(image)
    try:
        if axis.style["tickFont"]:
            painter.setFont(axis.style["tickFont"])
        _axis, _ticks, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    vertical = axis.orientation in ("left", "right")
    return sorted((r for r, _f, _s in texts), key=lambda r: r.center().y() if vertical else r.center().x())


def _crowded(axis) -> list[tuple[float, float]]:
    """Neighbouring labels closer than ``GAP`` (or overlapping), as pairs of their positions."""
    rects = _label_rects(axis)
    vertical = axis.orientation in ("left", "right")
    bad = []
    for a, b in zip(rects, rects[1:], strict=False):
        gap = b.top() - a.bottom() if vertical else b.left() - a.right()
        if gap < GAP:
            bad.append((a.center().x(), b.center().x()) if not vertical else (a.center().y(), b.center().y()))
    return bad


@pytest.mark.parametrize(("width", "height", "presenter"), SIZES)
def test_tick_labels_never_touch(lab_window, qtbot, themed, width, height, presenter):
    themed(presenter)
    _win, lab = lab_in_room(lab_window, qtbot, "optimizer", width, height)
    for name, plot in (("surface", lab.surface_view), ("loss", lab.loss_plot)):
        for side in ("left", "bottom"):
            axis = plot.getPlotItem().getAxis(side)
            # still labelled (a 100 px loss axis at 1024×768 presenter + Lessons keeps one: "200")
            assert _label_rects(axis), (name, side)
            assert not _crowded(axis), (name, side, _crowded(axis))


def test_projector_loss_plot_beside_the_surface(lab_window, qtbot, themed):
    themed(True)
    win, lab = lab_in_room(lab_window, qtbot, "optimizer", 1280, 720)
    assert lab.loss_plot.width() >= LOSS_MIN
    assert lab.loss_plot.height() >= 200
    assert lab.surface_view.width() >= MAIN_PLOT_MIN
    assert lab.surface_view.height() >= 300
    title = lab.loss_plot.getPlotItem().titleLabel.text
    assert "log" in title  # the whole title, "Loss (log scale)"
    # every readout stays in view: the narrated step under the loss plot, the whole table under both and the surface
    surface_bottom = lab.surface_view.mapTo(lab, QtCore.QPoint(0, lab.surface_view.height())).y()
    assert lab.readout.mapTo(lab, QtCore.QPoint(0, 0)).y() >= surface_bottom
    assert lab.narration.mapTo(lab, QtCore.QPoint(0, 0)).y() >= lab.loss_plot.mapTo(lab, QtCore.QPoint(0, 0)).y()
    assert lab.readout.isVisible() and lab.narration.isVisible() and lab.focus.isVisible()
    assert lab.narration.width() >= LOSS_MIN - 20 and lab.narration.height() >= 60

    resize_window(win, qtbot, 1024, 768)  # narrower: no room for the surface beside the loss plot, both under it
    assert not lab.tight and lab.loss_plot.parentWidget() is lab.side and lab.side.isVisible()
    assert lab.surface_view.width() >= MAIN_PLOT_MIN
    assert lab.narration.isVisible() and lab.readout.isVisible()

    win.lessons_dock.hide()  # the wide room: back side by side, the loss plot over the table
    resize_window(win, qtbot, 1920, 1080)
    assert lab.split.orientation() == QtCore.Qt.Orientation.Horizontal
    assert lab.loss_plot.parentWidget() is lab.side and lab.side.isVisible()
    assert lab.loss_plot.width() >= LOSS_MIN
