"""What a held point drag on the classifier's plane redraws per move, and what its release shows."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtCore

from engine.classify import derive
from tests.gui.helpers import prepare_view, view_to_widget


def _leftmost_point(lab_window):
    """(window, lab, index, position) of the classifier's leftmost point: the one these tests drag."""
    win = lab_window("classifier")
    lab = win.current_lab()
    res = lab.results.get(lab.state())
    i = int(np.argmin(res.X[:, 0]))
    return win, lab, i, tuple(map(float, res.X[i]))


def test_a_point_drag_redraws_its_group_and_the_tables_catch_up_on_release(lab_window, qtbot, monkeypatch):
    win, lab, i, (x0, y0) = _leftmost_point(lab_window)
    plane = lab.plane
    set_data = []
    for key, item in plane.items.items():

        def counted(*args, key=key, original=item.setData, **kwargs):
            set_data.append(key)
            return original(*args, **kwargs)

        monkeypatch.setattr(item, "setData", counted)
    coef_before, summary_before = lab.coef.text(), lab.summary.text()
    prepare_view(plane)
    vp = plane.viewport()
    qtbot.mouseMove(vp, view_to_widget(plane, x0, y0))
    qtbot.mousePress(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, x0, y0))
    lab.refit_timer.setInterval(10_000)  # hold the refit back: what a move alone does
    monkeypatch.setattr(lab, "_start_refit_timer", lambda: lab.refit_timer.isActive() or lab.refit_timer.start())
    computed = lab.results.computed
    for k in (1, 2, 3):
        qtbot.mouseMove(vp, view_to_widget(plane, x0 + 5.0 * k, y0))
    # the first move lifts the point out of its group (those spots redrawn once); the next move only the marker
    assert len(set_data) == 1
    group = set_data[0]
    assert len(plane._shown[group]) == len(plane._rows[group]) - 1
    assert lab.results.computed == computed and lab.state().moved == ()  # a move alone refits nothing …
    lx, ly = plane.lifted.getData()
    marker = (float(lx[0]), float(ly[0]))
    pointer = plane.drag.to_data(QtCore.QPointF(view_to_widget(plane, x0 + 15.0, y0)))
    assert marker == pytest.approx((pointer.x(), pointer.y()), abs=1e-5)  # the marker is where the pointer is
    lab.refit_timer.stop()
    lab._refit_pass()  # … the timer refits the newest position on one pass …
    assert lab.results.computed == computed + 1 and lab.state().moved == ()
    lab._refit_pass()  # … and draws it on the next
    assert len(lab.state().moved) == 1 and lab.results.computed == computed + 1
    assert lab.state().moved[0][1] == pytest.approx(marker[0])
    assert set(set_data) == {group}
    assert lab.coef.text() == coef_before and lab.summary.text() == summary_before  # the text waits (10 Hz) …
    assert lab.catch_up.pending()
    qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, x0 + 15.0, y0))
    final = derive(lab.state())
    assert len(plane.lifted.getData()[0]) == 0  # the marker is back in its group, at the final position
    back = plane._shown[group][np.searchsorted(plane._rows[group], i)]
    assert tuple(back) == pytest.approx(tuple(final.X[i]))
    assert not lab.catch_up.pending()  # … and shows the released state at once
    assert lab.summary.text() == final.summary and lab.coef.text() != coef_before
    assert lab.coef._rows == tuple(tuple(r) for r in final.coef_rows)


def test_a_release_before_the_refit_shows_the_exact_refit_of_the_final_position(lab_window, qtbot, monkeypatch):
    win, lab, i, (x0, y0) = _leftmost_point(lab_window)
    plane = lab.plane
    prepare_view(plane)
    vp = plane.viewport()
    qtbot.mouseMove(vp, view_to_widget(plane, x0, y0))
    qtbot.mousePress(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, x0, y0))
    lab.refit_timer.setInterval(10_000)  # the refit has not come yet when the button is released
    monkeypatch.setattr(lab, "_start_refit_timer", lambda: lab.refit_timer.isActive() or lab.refit_timer.start())
    for k in (1, 2):
        qtbot.mouseMove(vp, view_to_widget(plane, x0 + 6.0 * k, y0))
    assert lab.state().moved == ()
    qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, x0 + 12.0, y0))
    assert not lab.refit_timer.isActive() and len(lab.state().moved) == 1
    final = derive(lab.state())
    assert lab.summary.text() == final.summary
    assert lab.coef._rows == tuple(tuple(r) for r in final.coef_rows)
    assert np.array_equal(plane.boundary.getData()[1], final.boundary[1])
    assert win.undo_stack.count() == 1


def test_the_picture_after_a_drag_is_the_one_drawn_afresh(lab_window, qtbot) -> None:
    """Lifting the dragged point into a marker of its own is a preview: the release leaves the exact picture."""
    win, lab, i, (x0, y0) = _leftmost_point(lab_window)
    plane = lab.plane
    prepare_view(plane)
    vp = plane.viewport()
    qtbot.mouseMove(vp, view_to_widget(plane, x0, y0))
    qtbot.mousePress(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, x0, y0))
    for k in range(1, 9):
        qtbot.mouseMove(vp, view_to_widget(plane, x0 + 2.0 * k, y0 + 0.5 * k))
        qtbot.wait(12)  # refit passes come in between
    qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, x0 + 16.0, y0 + 4.0))
    assert len(lab.state().moved) == 1
    after = plane.grab().toImage()
    plane.clear_all()  # forget everything shown, then draw the same state from nothing
    lab.render(lab.state())
    fresh = plane.grab().toImage()
    assert after == fresh
