"""What a held point drag on the classifier's plane redraws per move, and what its release shows."""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore

from engine.classify import derive
from tests.gui.helpers import prepare_view, view_to_widget


def test_a_point_drag_redraws_its_group_and_the_tables_catch_up_on_release(lab_window, qtbot, monkeypatch):
    win = lab_window("classifier")
    lab = win.current_lab()
    plane = lab.plane
    res = lab.results.get(lab.state())
    i = int(np.argmin(res.X[:, 0]))
    x0, y0 = map(float, res.X[i])
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
    for k in (1, 2, 3):
        qtbot.mouseMove(vp, view_to_widget(plane, x0 + 5.0 * k, y0))
    assert len(lab.state().moved) == 1
    assert len(set_data) == 3 and len(set(set_data)) == 1  # one group's spots per move, the other three untouched
    assert lab.coef.text() == coef_before and lab.summary.text() == summary_before  # the text waits (10 Hz) …
    assert lab.catch_up.pending()
    qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(plane, x0 + 15.0, y0))
    final = derive(lab.state())
    assert not lab.catch_up.pending()  # … and shows the released state at once
    assert lab.summary.text() == final.summary and lab.coef.text() != coef_before
    assert lab.coef._rows == tuple(tuple(r) for r in final.coef_rows)
