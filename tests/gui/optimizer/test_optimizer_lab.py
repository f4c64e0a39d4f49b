"""Optimizer lab driven through its real widgets: mouse on the surface, typed values, combo boxes, tabs."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from engine.optim import OptimizerState, with_surface
from tests.gui.helpers import click_in_view, drag_in_view, view_to_widget


@pytest.fixture
def lab(lab_window):
    win = lab_window("optimizer")
    return win.current_lab()


def _type_into(qtbot, line_edit, text):
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text)
    qtbot.keyClick(line_edit, QtCore.Qt.Key.Key_Return)


def _status_cell(lab, label):
    for row in range(lab.readout.rowCount()):
        if lab.readout.cell_text(row, 0) == label:
            return lab.readout.cell_text(row, 1)
    raise AssertionError(f"{label} not in readout")


def test_click_on_surface_sets_start(lab, qtbot):
    commits = []
    lab.edit_committed.connect(lambda a, b, t: commits.append(t))
    before = lab._runs["gd"].points.copy()
    click_in_view(qtbot, lab.surface_view, (0.5, 0.7), viewbox=lab.surface_view.viewbox)
    x, y = lab.state().start
    assert x == pytest.approx(0.5, abs=0.03) and y == pytest.approx(0.7, abs=0.03)
    assert commits == ["Move start"]
    assert not np.array_equal(lab._runs["gd"].points[0], before[0])
    assert lab._runs["gd"].points[0] == pytest.approx(lab.state().start)


def test_drag_moves_start_live_and_commits_once(lab, qtbot):
    commits, live = [], []
    lab.edit_committed.connect(lambda a, b, t: commits.append(t))
    lab.state_changed.connect(lambda s: live.append(s.start))
    drag_in_view(qtbot, lab.surface_view, (-1.0, 2.0), (0.0, 1.0), steps=6, viewbox=lab.surface_view.viewbox)
    assert lab.state().start == pytest.approx((0.0, 1.0), abs=0.03)
    assert len(live) >= 3  # the paths followed the drag
    assert commits == ["Move start"]


def test_changing_learning_rate_changes_the_trajectory(lab, qtbot):
    before = lab._runs["gd"].points.copy()
    box = lab.controls["gd"].inputs["lr"].box
    _type_into(qtbot, box, "0.0002")
    assert lab.state().config("gd").lr == pytest.approx(2e-4)
    after = lab._runs["gd"].points
    assert after.shape == before.shape
    assert not np.allclose(after[-1], before[-1])


def test_divergent_learning_rate_shows_diverged_and_the_bound(lab, qtbot):
    combo = lab.surface_combo
    combo.setCurrentIndex(combo.findData("quadratic"))
    assert lab.state().surface == "quadratic"
    gd = lab.controls["gd"]
    assert gd.bound_label.isVisible() and "2/λmax" in gd.bound_label.text()
    assert gd.inputs["lr"].slider.mark is not None
    _type_into(qtbot, gd.inputs["lr"].box, "0.3")  # κ = 10 → bound 0.2
    assert _status_cell(lab, "GD") == "diverged"
    assert np.all(np.isfinite(lab._runs["gd"].points))
    _type_into(qtbot, gd.inputs["lr"].box, "0.1")
    assert _status_cell(lab, "GD") == "converged"


def test_bad_expression_shows_its_message_and_keeps_the_state(lab, qtbot):
    lab.surface_combo.setCurrentIndex(lab.surface_combo.findData("expression"))
    good = lab.state()
    messages = []
    lab.status_message.connect(messages.append)
    _type_into(qtbot, lab.expr_edit.line, "x^^2 + y")
    assert lab.expr_error.isVisible() and lab.expr_error.text()
    assert "character 3" in lab.expr_error.text()
    assert lab.expr_edit.line.cursorPosition() == 2  # the caret sits on the second ^
    assert messages and "Formula not used" in messages[-1]
    assert lab.state() == good
    _type_into(qtbot, lab.expr_edit.line, "x^2 + 2*y^2")
    assert lab.expr_edit.error() == ""
    assert lab.state().expression == "x^2 + 2*y^2"
    assert "x²" in lab.formula.text()


def test_playback_steps_and_scrubs(lab, qtbot):
    lab.playback.back_button.click()
    assert lab.state().position == lab.state().steps - 1
    lab.playback.scrub.setValue(3)
    assert lab.state().position == 3
    gd = lab._runs["gd"]
    path = lab.surface_view.paths["gd"]
    assert len(path.xData) == 4
    assert "step 3" in lab.narration.text() or lab.focus.currentData() != "gd"
    lab.playback.play_button.click()
    assert lab.playback.is_playing()
    # Drive the playback timer's ticks directly: spinning the event loop here trips a known app-shell teardown
    # race (undo stack of an earlier test's window deleted before its cleanChanged slot), reported to the lead.
    for _ in range(5):
        lab.playback._timer.timeout.emit()
    assert lab.state().position > 3
    lab.playback.play_button.click()
    assert not lab.playback.is_playing()
    assert gd is lab._runs["gd"]  # scrubbing did not recompute the runs


def test_fit_a_line_tab_and_dragging_a_point(lab, qtbot):
    lab.tabs.setCurrentIndex(1)
    assert lab.state().surface == "line_fit"
    pts = lab.state().line_points
    x0, y0 = pts[0]
    dv = lab.data_view
    QtWidgets.QApplication.processEvents()  # lay out the newly shown tab before mapping data to pixels
    drag_in_view(qtbot, dv, (x0, y0), (x0, y0 + 2.0), steps=5, viewbox=dv.viewbox)
    new = lab.state().line_points
    assert new[0][1] == pytest.approx(y0 + 2.0, abs=0.1)
    assert new[1:] == pts[1:]
    # each optimizer's line follows its current (slope, intercept)
    m, b = lab._runs["gd"].points[min(lab.state().position, lab._runs["gd"].steps)]
    line = dv.lines["gd"]
    assert line.yData[0] == pytest.approx(m * line.xData[0] + b)


def test_bad_csv_is_refused_with_a_message(lab, qtbot, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("x,y\n1,2\n2,oops\n")
    messages = []
    lab.status_message.connect(messages.append)
    before = lab.state()
    assert not lab.load_csv(str(bad))
    assert lab.state() == before
    assert messages and "oops" in messages[-1]
    good = tmp_path / "good.csv"
    good.write_text("hours,score\n1,2\n2,4.1\n3,5.9\n4,8.2\n")
    assert lab.load_csv(str(good))
    assert lab.state().surface == "line_fit" and len(lab.state().line_points) == 4


def test_3d_tab_degrades_to_a_note_offscreen(lab, qtbot):
    lab.tabs.setCurrentIndex(2)
    assert "3-D view" in lab.view3d.note.text()
    assert lab.view3d.gl is None or lab.view3d.gl.isVisible()


def test_set_state_and_overlays(lab, qtbot):
    s = with_surface(OptimizerState(), "himmelblau")
    s = dataclasses.replace(s, show_gradient=True, show_hessian=True, position=5)
    lab.set_state(s)
    assert lab.surface_combo.currentData() == "himmelblau"
    assert len(lab.surface_view.arrows.xData) > 100
    assert len(lab.surface_view.hessian.xData) == 4
    lab.show_gradient.click()
    assert lab.state().show_gradient is False
    assert lab.surface_view.arrows.xData is None or len(lab.surface_view.arrows.xData) == 0


def test_screenshot_renders(tmp_path):
    from gui.app import render_lab_png

    out = tmp_path / "optimizer.png"
    render_lab_png(str(out), lab="optimizer")
    assert out.stat().st_size > 20_000


def _race_state(lab, steps):
    s = lab.state()
    configs = tuple(dataclasses.replace(c, enabled=True) for c in s.configs)
    return dataclasses.replace(s, configs=configs, steps=steps, position=steps, show_internals=True)


def test_benchmark_drag_path_really_moves_the_start_and_the_paths(lab, qtbot):
    # The exact events bench/bench_optimizer.py times: if this breaks, the benchmark would time nothing.
    from bench import bench_optimizer

    lab.set_state(_race_state(lab, 500))
    shown = []
    lab.trajectories_shown.connect(shown.append)
    path = bench_optimizer.DRAG_PATH(8)
    starts = []
    for send in bench_optimizer.drag_senders(lab, path):
        send()
        QtWidgets.QApplication.processEvents()
        starts.append(lab.state().start)
    assert len(set(starts)) >= 8  # every move moved the star
    assert lab.state().start == pytest.approx(path[-1], abs=0.03)
    # ... and the 7 paths followed it: 7 × 500 steps are computed between the moves (the newest start winning), so
    # some moves are drawn during the drag and the release draws the exact final ones
    assert len(shown) >= 2 and shown[-2] != shown[-1] and shown[-1] == lab.state().start
    assert len(lab._runs) == 7 and all(tr.points[0] == pytest.approx(lab.state().start) for tr in lab._runs.values())
    assert lab.surface_view._antialias  # released: full drawing again


def test_long_runs_are_computed_between_events_and_settle_exactly(lab, qtbot):
    lab.set_state(_race_state(lab, 3000))  # 7 × 3000 steps: too long to recompute in one go for every move
    commits = []
    lab.edit_committed.connect(lambda a, b, t: commits.append(t))
    old_gd = lab._runs["gd"]
    lab.set_start(-1.0, 2.0, final=False)
    assert lab.state().start == (-1.0, 2.0)  # the star moved at once ...
    assert lab.computing and lab._runs["gd"] is old_gd  # ... the paths are still being computed
    ticks = []
    timer = QtCore.QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(0)
    lab.set_start(-0.5, 1.5, final=False)  # newer inputs while the first is still computing: only the last waits
    lab.set_start(0.0, 1.0, final=False)
    qtbot.waitUntil(lambda: not lab.computing, timeout=20_000)
    timer.stop()
    assert len(ticks) >= 3  # the event loop kept turning while the runs were computed
    assert lab._runs["gd"].points[0] == pytest.approx((0.0, 1.0))  # the newest input won
    assert lab._runs["gd"].steps == 3000
    lab.set_start(0.5, 1.0, final=True)  # release: computed at once, exactly, one undo step
    assert not lab.computing
    assert lab._runs["adam"].points[0] == pytest.approx((0.5, 1.0))
    from engine.optim import run

    ref = run(lab._objective, (0.5, 1.0), "adam", 3000, tol=1e-6, **lab.state().config("adam").hyperparameters())
    assert np.array_equal(lab._runs["adam"].points, ref.points)
    assert commits == ["Move start"]


def test_pan_and_zoom_are_recorded_without_an_undo_step(lab, qtbot):
    commits = []
    lab.edit_committed.connect(lambda a, b, t: commits.append(t))
    start = lab.state().start
    before = lab.state().view
    view = lab.surface_view
    vp = view.viewport()
    right = QtCore.Qt.MouseButton.RightButton
    # Pixels fixed before the drag: the view moves under the mouse while it pans.
    p0 = view_to_widget(view, 0.0, 1.0, viewbox=view.viewbox)
    p1 = view_to_widget(view, 0.5, 1.5, viewbox=view.viewbox)
    qtbot.mouseMove(vp, p0)
    qtbot.mousePress(vp, right, pos=p0)
    for i in range(1, 5):
        qtbot.mouseMove(vp, p0 + (p1 - p0) * i / 4)
    qtbot.mouseRelease(vp, right, pos=p1)
    QtWidgets.QApplication.processEvents()
    after = lab.state().view
    assert after != before
    assert after[0] == pytest.approx(before[0] - 0.5, abs=0.1) and after[2] == pytest.approx(before[2] - 0.5, abs=0.1)
    assert lab.state().start == start  # panning never moves the start
    assert commits == []
    assert lab.surface_view.image.width() > 0
    lab.reset_view_button.click()
    assert lab.state().view == before


def test_readout_table_fits_without_horizontal_scrolling(lab, qtbot):
    lab.set_state(_race_state(lab, 300))
    table = lab.readout
    QtWidgets.QApplication.processEvents()
    used = sum(table.columnWidth(c) for c in range(table.columnCount() - 1))
    assert used + 20 <= table.viewport().width()  # room left for the last column
    assert table.horizontalScrollBar().maximum() == 0
    assert table.rowCount() == 7
    fm = table.fontMetrics()
    for row in range(table.rowCount()):
        status = table.item(row, 1)
        assert fm.horizontalAdvance(status.text()) < table.columnWidth(1)  # never elided ("conver…")
        assert "is at (" in table.item(row, 0).toolTip()


def test_thin_path_keeps_one_point_per_pixel_and_both_ends():
    from gui.labs.optimizer.views import thin_path

    t = np.linspace(0.0, 1.0, 1001)
    pts = np.column_stack((t, t**2))
    thin = thin_path(pts, (0.01, 0.01))
    assert np.array_equal(thin[0], pts[0]) and np.array_equal(thin[-1], pts[-1])
    assert 100 <= len(thin) <= 210  # ~one per 0.01 cell crossed (x crosses 100, y another 100 at most)
    cells = np.floor(thin[1:-1] / 0.01)
    assert np.all(np.any(cells[1:] != cells[:-1], axis=1))  # no two kept neighbours share a pixel
    # a path that creeps one tiny step at a time still travels the whole way
    creep = np.column_stack((np.linspace(0, 1, 5000), np.zeros(5000)))
    assert thin_path(creep, (0.01, 0.01))[:, 0].max() == 1.0


def test_minmax_decimate_keeps_every_peak():
    from gui.labs.optimizer.views import minmax_decimate

    x = np.arange(5000.0)
    y = np.sin(x / 3.0) * np.exp(-x / 2000.0)
    y[1234] = 7.0  # a lone spike
    xs, ys = minmax_decimate(x, y, 250)
    assert len(xs) <= 500 and np.all(np.diff(xs) >= 0)
    assert ys.max() == 7.0 and ys.min() == y.min()
    short_x, short_y = minmax_decimate(x[:300], y[:300], 150)
    assert np.array_equal(short_y, y[:300])  # short curves are left alone


def test_condition_slider_reshapes_the_bowl_live_and_draws_contours_on_release(lab, qtbot):
    lab.surface_combo.setCurrentIndex(lab.surface_combo.findData("quadratic"))
    slider = lab.kappa.slider
    commits = []
    lab.edit_committed.connect(lambda a, b, t: commits.append(t))
    image_before = lab.surface_view.image.image.copy()
    slider.setSliderDown(True)  # as while the handle is held
    slider.setValue(slider.value() + 120)
    kappa_live = lab.state().kappa
    assert kappa_live > 10.0
    assert not np.array_equal(lab.surface_view.image.image, image_before)  # the shading followed at once
    assert lab.surface_view.contours.xData is None or len(lab.surface_view.contours.xData) == 0  # traced later
    assert commits == []
    slider.setSliderDown(False)  # the release (emits sliderReleased)
    assert commits == ["Condition number"]
    assert len(lab.surface_view.contours.xData) > 100  # contours of the new bowl after release
    assert lab.state().kappa == kappa_live
    assert lab._runs["gd"].points[0] == pytest.approx(lab.state().start)


def test_readouts_catch_up_during_a_drag_and_are_exact_on_release(lab, qtbot):
    # While a drag recomputes the runs every frame the table, narration, loss curves and start label refresh at most
    # ~10×/s; a moment later they show the newest start, and the release shows the exact final state at once.
    lab.set_state(_race_state(lab, 200))
    loss_before = lab.loss_plot.curves["gd"].yData.copy()
    lab.set_start(-1.0, 1.0, final=False)
    assert lab._runs["gd"].points[0] == pytest.approx((-1.0, 1.0))  # the paths followed at once
    assert lab.surface_view.paths["gd"].xData[0] == pytest.approx(-1.0)
    assert lab.start_label.text() != "(-1, 1)"  # ... the numbers wait for the throttle
    qtbot.waitUntil(lambda: lab.start_label.text() == "(-1, 1)", timeout=2000)
    gd = lab._runs["gd"]
    assert lab.readout.cell_text(0, 2) == f"{gd.values[-1]:.3g}"
    assert not np.array_equal(lab.loss_plot.curves["gd"].yData, loss_before)
    lab.set_start(0.5, 0.5, final=False)
    lab.set_start(0.25, 0.75, final=True)  # released before the throttle fired: everything exact now
    assert lab.start_label.text() == "(0.25, 0.75)"
    gd = lab._runs["gd"]
    assert gd.points[0] == pytest.approx((0.25, 0.75))
    assert lab.readout.cell_text(0, 2) == f"{gd.values[-1]:.3g}"
    assert f"{gd.points[-1][0]:.4g}" in lab.narration.text() or lab.focus.currentData() != "gd"
    ly = np.log10(np.maximum(gd.values - 0.0, 1e-16))  # Rosenbrock: f* = 0
    assert lab.loss_plot.curves["gd"].yData[-1] == pytest.approx(ly[-1])
    assert lab.surface_view._antialias


def test_star_and_heads_are_drawn_where_the_runs_are(lab, qtbot):
    lab.set_state(dataclasses.replace(_race_state(lab, 300), position=40))
    view = lab.surface_view
    shown = view.heads.positions()
    assert set(shown) == set(lab._runs) and len(shown) == 7
    for name, tr in lab._runs.items():
        assert shown[name] == pytest.approx(tuple(tr.points[min(40, tr.steps)]))
    click_in_view(qtbot, view, (0.5, 2.5), viewbox=view.viewbox)
    assert view.start.position() == pytest.approx(lab.state().start)
    QtWidgets.QApplication.processEvents()
    # the star is painted (yellow) at its data point, at its size in pixels whatever the zoom
    img = view.viewport().grab().toImage()
    c = img.pixelColor(view_to_widget(view, *lab.state().start, viewbox=view.viewbox))
    assert c.red() > 200 and c.green() > 180 and c.blue() < 120
    view.heads.place({"gd": (float("nan"), 0.0)})  # a point that is not finite is hidden, not drawn at 0
    assert "gd" not in view.heads.positions() and "adam" not in view.heads.positions()


def test_readout_columns_are_measured_again_when_the_font_grows(qtbot):
    """The column widths are measured once per font (every layout pass asks): presenter mode's font re-measures."""
    from gui.labs.optimizer.readout import ReadoutTable

    table = ReadoutTable()
    qtbot.addWidget(table)
    narrow = table.sizeHint().width()
    assert table.sizeHint().width() == narrow
    font = table.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    table.setFont(font)
    assert table.sizeHint().width() > narrow * 1.3


def test_fit_a_line_page_is_built_when_first_shown_and_draws_a_line_fit_state_set_before(lab, qtbot):
    """The "Fit a line" plots are built lazily (a faster first open); a scene's line-fit state still reaches them."""
    assert not lab._fit_page.is_built()
    lab.set_state(dataclasses.replace(with_surface(lab.state(), "line_fit"), start=(0.5, -0.5)))
    assert not lab._fit_page.is_built()  # the state alone does not build a hidden tab
    qtbot.mouseClick(lab.tabs.tabBar(), QtCore.Qt.MouseButton.LeftButton, pos=lab.tabs.tabBar().tabRect(1).center())
    assert lab._fit_page.is_built()
    QtWidgets.QApplication.processEvents()
    assert lab.fit_surface.start.position() == pytest.approx((0.5, -0.5))  # the new views show the earlier state
    xs, _ys = lab.data_view.scatter.getData()
    assert len(xs) == len(lab.state().line_points)
    # clicking on the new (m, b) surface moves the start, like the main surface
    click_in_view(qtbot, lab.fit_surface, (1.0, 1.0), viewbox=lab.fit_surface.viewbox)
    assert lab.state().start == pytest.approx((1.0, 1.0), abs=0.1)


def test_loss_title_shortens_when_the_plot_is_narrow(qtbot):
    """'Loss (log scale)' where it fits, 'Loss' in a narrow plot (it was cut to 'Loss (log scal' stacked under the
    surface at 1280×720 presenter + Lessons)."""
    from gui.labs.optimizer.views import LossPlot

    plot = LossPlot(("gd",))
    qtbot.addWidget(plot)
    plot.resize(600, 300)
    plot.show()
    qtbot.waitUntil(lambda: plot.plot_item.titleLabel.text == "Loss (log scale)")
    plot.resize(150, 300)
    qtbot.waitUntil(lambda: plot.plot_item.titleLabel.text == "Loss")
    plot.resize(600, 300)
    qtbot.waitUntil(lambda: plot.plot_item.titleLabel.text == "Loss (log scale)")
