"""The Optimizer lab on a narrow room (1024×768 with the Lessons panel, 1280×720 presenter): readouts under the surface.

Beside the surface the readout table was squeezed until the optimizer names were cut ("Mo…", "Ad…") and the surface
was narrower than the fit rules allow; under it both get the lab's width. A wide window keeps them side by side.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui

from gui.fit import MAIN_PLOT_MIN
from tests.gui.helpers import lab_in_room, resize_window


def _names_whole(lab) -> bool:
    """Every optimizer name in the table fits its column (Qt would elide it otherwise)."""
    table = lab.readout
    fm = QtGui.QFontMetrics(table.font())
    names = [table.cell_text(r, 0) for r in range(table.rowCount())]
    assert len(names) >= 4 and all(names)
    return all(fm.horizontalAdvance(n) + 8 <= table.columnWidth(0) for n in names)


def test_readouts_move_under_the_surface_when_the_room_is_narrow_and_back(lab_window, qtbot):
    win = lab_window("optimizer")
    lab = win.current_lab()
    resize_window(win, qtbot, 1280, 800)
    assert lab.split.orientation() == QtCore.Qt.Orientation.Horizontal  # wide: side by side, as designed
    assert lab.side.orientation() == QtCore.Qt.Orientation.Vertical
    assert _names_whole(lab)

    win.lessons_dock.show()
    resize_window(win, qtbot, 1024, 768)
    assert lab.split.orientation() == QtCore.Qt.Orientation.Vertical  # the readouts under the surface
    assert lab.side.orientation() == QtCore.Qt.Orientation.Horizontal  # the loss plot beside the table
    assert lab.surface_view.width() >= MAIN_PLOT_MIN
    assert lab.loss_plot.isVisible() and lab.narration.isVisible() and lab.focus.isVisible()
    assert _names_whole(lab)
    y_surface = lab.surface_view.mapTo(lab, QtCore.QPoint(0, 0)).y()
    assert lab.readout.mapTo(lab, QtCore.QPoint(0, 0)).y() > y_surface + lab.surface_view.height()

    win.lessons_dock.hide()
    resize_window(win, qtbot, 1280, 800)
    assert lab.split.orientation() == QtCore.Qt.Orientation.Horizontal
    assert lab.surface_view.width() > lab.readout.width()
    assert _names_whole(lab)


def test_presenter_1280x720_with_lessons_shows_whole_names(lab_window, qtbot, themed):
    themed(True)
    win, lab = lab_in_room(lab_window, qtbot, "optimizer", 1280, 720)
    assert lab.surface_view.width() >= MAIN_PLOT_MIN
    assert _names_whole(lab)
