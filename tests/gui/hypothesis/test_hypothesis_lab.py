"""Hypothesis lab driven with real widgets: run tests, move α, type bad numbers, load CSVs, watch resampling."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets
from scipy import stats

from engine.inference import HypothesisState, format_p


@pytest.fixture
def lab(lab_window):
    win = lab_window("hypothesis")
    return win.current_lab()


def _p_in(label: QtWidgets.QLabel) -> str:
    match = re.search(r"p = ([0-9.e+-]+)", label.text())
    assert match, label.text()
    return match.group(1)


def test_t_test_p_value_label_matches_scipy(lab):
    s = lab.state()
    a = np.random.default_rng(s.seed).normal(s.true_mu, s.sigma, s.n)
    ref = stats.ttest_1samp(a, s.mu0).pvalue
    assert _p_in(lab.controls.result_label) == format_p(ref)
    assert lab.null_view.isEnabled()


def test_welch_test_picked_from_the_combo(lab, qtbot):
    combo = lab.controls.test
    combo.setFocus()
    with qtbot.waitSignal(lab.state_changed):
        combo.setCurrentIndex(combo.findData("welch_t"))
    s = lab.state()
    rng = np.random.default_rng(s.seed)
    a, b = rng.normal(s.true_mu, s.sigma, s.n), rng.normal(s.true_mu_b, s.sigma, s.n_b)
    assert _p_in(lab.controls.result_label) == format_p(stats.ttest_ind(a, b, equal_var=False).pvalue)
    assert "Welch" in lab.controls.result_label.text()


def test_alpha_slider_flips_the_verdict_with_one_undo_step(lab, qtbot):
    p = float(_p_in(lab.controls.result_label))  # default data: p ≈ 0.027
    assert 0.01 < p < 0.05
    slider = lab.controls.alpha
    commits = []
    lab.edit_committed.connect(lambda before, after, text: commits.append((before.alpha, after.alpha)))
    assert "reject H₀" in lab.verdict.text() and "do not" not in lab.verdict.text()
    slider.setFocus()
    for _ in range(40):  # 0.050 → 0.010 one tick (0.001) at a time, as the arrow keys do
        qtbot.keyClick(slider, QtCore.Qt.Key.Key_Left)
    assert lab.state().alpha == pytest.approx(0.010)
    assert "do not reject" in lab.verdict.text()
    assert lab.controls.alpha_label.text() == "α = 0.010"
    # a mouse drag previews live and commits once, on release
    commits.clear()
    handle = _slider_pos(slider, 0.05)
    qtbot.mousePress(slider, QtCore.Qt.MouseButton.LeftButton, pos=_slider_pos(slider, 0.010))
    qtbot.mouseMove(slider, handle)
    qtbot.mouseRelease(slider, QtCore.Qt.MouseButton.LeftButton, pos=handle)
    assert lab.state().alpha > 0.03 and len(commits) == 1
    assert commits[0][0] == pytest.approx(0.010)
    assert ("do not" in lab.verdict.text()) == (p > lab.state().alpha)


def _slider_pos(slider: QtWidgets.QSlider, alpha: float) -> QtCore.QPoint:
    frac = (alpha * 1000 - slider.minimum()) / (slider.maximum() - slider.minimum())
    return QtCore.QPoint(int(8 + frac * (slider.width() - 16)), slider.height() // 2)


def test_bad_typed_number_is_named_selected_and_state_kept(lab, qtbot):
    combo = lab.controls.source
    combo.setCurrentIndex(combo.findData("typed"))
    assert lab.state().source == "typed"
    before = lab.state()
    edit = lab.controls.typed_a
    edit.selectAll()
    qtbot.keyClicks(edit, "5.1 4.9 5x3 6.0")
    qtbot.keyClick(edit, QtCore.Qt.Key.Key_Return)
    assert lab.state() == before
    assert "“5x3”" in lab.controls.data_error.text() and lab.controls.data_error.isVisible()
    assert edit.selectedText() == "5x3"
    edit.selectAll()
    qtbot.keyClicks(edit, "5.1 4.9 5.3 6.0 5.7")
    with qtbot.waitSignal(lab.state_changed):
        qtbot.keyClick(edit, QtCore.Qt.Key.Key_Return)
    assert not lab.controls.data_error.isVisible()
    ref = stats.ttest_1samp([5.1, 4.9, 5.3, 6.0, 5.7], 0.0).pvalue
    assert _p_in(lab.controls.result_label) == format_p(ref)


def test_unusable_typed_sample_shows_why(lab, qtbot):
    lab.set_state(dataclasses.replace(HypothesisState(), source="typed", typed_a="4 4 4"))
    assert "zero variance" in lab.verdict.text()
    assert not lab.null_view.isEnabled()


def test_csv_file_loads_and_a_bad_one_shows_the_row(lab, qtbot, tmp_path, monkeypatch):
    good = tmp_path / "scores.csv"
    good.write_text("before,after\n5.1,6.0\n4.8,5.2\n6.0,6.9\n5.5,5.4\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("score\n5.1\nabc\n4.0\n")
    lab.set_state(dataclasses.replace(lab.state(), test="welch_t", source="csv"))
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    qtbot.mouseClick(lab.controls.open_csv, QtCore.Qt.MouseButton.LeftButton)
    s = lab.state()
    assert s.csv_a == (5.1, 4.8, 6.0, 5.5) and s.csv_b == (6.0, 5.2, 6.9, 5.4)
    ref = stats.ttest_ind(s.csv_a, s.csv_b, equal_var=False).pvalue
    assert _p_in(lab.controls.result_label) == format_p(ref)
    assert "scores.csv" in lab.controls.csv_label.text()
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    qtbot.mouseClick(lab.controls.open_csv, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state() == s
    message = lab.controls.data_error.text()
    assert "bad.csv" in message and "no column holds only numbers" in message


def test_bundled_mendel_data_runs_a_chi_square(lab, qtbot):
    combo = lab.controls.dataset
    lab.set_state(dataclasses.replace(lab.state(), source="csv"))
    combo.activated.emit(combo.findData("mendel_peas"))
    s = lab.state()
    assert s.test == "chi2" and s.csv_a == (315.0, 108.0, 101.0, 32.0)
    ref = stats.chisquare([315, 108, 101, 32], np.array([9, 3, 3, 1]) / 16 * 556).pvalue
    assert _p_in(lab.controls.result_label) == format_p(ref)


def test_permutation_tab_animates_to_the_scipy_p_value(lab, qtbot):
    lab.set_state(dataclasses.replace(lab.state(), perm_resamples=600))
    lab.tabs.setCurrentIndex(1)
    assert lab.state().tab == "permutation"
    qtbot.waitUntil(lambda: "of 600 shuffles" in lab.controls.perm_label.text(), timeout=10_000)
    qtbot.mouseClick(lab.controls.perm_all, QtCore.Qt.MouseButton.LeftButton)
    s = lab.state()
    rng = np.random.default_rng(s.seed)
    a, b = rng.normal(s.true_mu, s.sigma, s.n), rng.normal(s.true_mu_b, s.sigma, s.n_b)
    ref = stats.permutation_test(
        (a, b), lambda x, y, axis=-1: x.mean(axis=axis) - y.mean(axis=axis), vectorized=True, n_resamples=600, rng=0
    )
    assert "after 600 of 600" in lab.controls.perm_label.text()
    assert _p_in(lab.controls.perm_label) == format_p(ref.pvalue)


def test_bootstrap_intervals_and_power_tabs_show_their_numbers(lab, qtbot):
    lab.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: "CI [" in lab.controls.boot_label.text(), timeout=10_000)
    lab.tabs.setCurrentIndex(4)
    assert re.search(r"\d+ of 100", lab.controls.ci_label.text())
    lab.tabs.setCurrentIndex(5)
    assert "power = 0.609" in lab.controls.power_label.text()  # z-test, d = 0.5, n = 20
    lab.controls.power_n.setFocus()
    qtbot.keyClick(lab.controls.power_n, QtCore.Qt.Key.Key_PageUp)
    assert lab.state().power_n == 30
    ref = stats.norm.sf(1.959963984540054 - 0.5 * 30**0.5) + stats.norm.cdf(-1.959963984540054 - 0.5 * 30**0.5)
    assert f"power = {ref:.3f}" in lab.controls.power_label.text()


def test_ab_counts_refuse_more_conversions_than_visitors(lab, qtbot):
    lab.tabs.setCurrentIndex(3)
    before = lab.state()
    box = lab.controls.ab_x1
    box.selectAll()
    qtbot.keyClicks(box, "5000")
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Return)
    assert lab.state() == before and box.value() == before.ab_x1


def test_render_png(tmp_path):
    from gui.app import render_lab_png

    path = tmp_path / "hypothesis.png"
    render_lab_png(str(path), lab="hypothesis")
    assert path.stat().st_size > 10_000


def _area(item) -> float:
    """Area under a fill item's data; NaN gaps separate pieces."""
    x, y = item.getData()
    if x is None or len(x) < 2:
        return 0.0
    breaks = np.flatnonzero(np.isnan(x))
    pieces = zip(np.split(x, breaks), np.split(y, breaks), strict=True)
    return float(sum(np.trapezoid(py[~np.isnan(px)], px[~np.isnan(px)]) for px, py in pieces))


def test_shaded_rejection_area_is_alpha_while_alpha_moves_by_keyboard(lab, qtbot):
    lab.set_state(dataclasses.replace(lab.state(), test="one_sample_t", alternative="two-sided", alpha=0.05))
    slider = lab.controls.alpha
    slider.setFocus()
    view = lab.null_view
    p_before = [item.getData()[0].copy() for item in view.p_fills if item.getData()[0] is not None]
    for _ in range(30):  # α 0.050 -> 0.080 in real key presses
        qtbot.keyClick(slider, QtCore.Qt.Key.Key_Right)
    alpha = lab.state().alpha
    assert alpha == pytest.approx(0.08)
    df = lab.state().n - 1
    crit = stats.t.ppf(1 - alpha / 2, df)
    right = view.reject_fills[1].getData()[0] if view.reject_fills[1].getData()[0] is not None else []
    edges = [x for item in view.reject_fills for x in (item.getData()[0][[0, -1]])]
    assert min(abs(e - crit) for e in edges) < 1e-9 and len(right) > 2
    # the shaded area under the drawn null density is α, less the two tails beyond the plotted range
    lo, hi = view.plot_widget.getPlotItem().getViewBox().viewRange()[0]
    cut = stats.t.cdf(lo, df) + stats.t.sf(hi, df)
    assert sum(_area(item) for item in view.reject_fills) == pytest.approx(alpha - cut, abs=5e-4)
    # the p-value area does not depend on α: its data were left alone
    p_after = [item.getData()[0] for item in view.p_fills if item.getData()[0] is not None]
    assert len(p_after) == len(p_before) and all(np.array_equal(a, b) for a, b in zip(p_after, p_before, strict=True))


def test_power_view_areas_match_scipy_as_n_moves(lab, qtbot):
    lab.tabs.setCurrentIndex(5)
    slider = lab.controls.power_n
    slider.setFocus()
    for _ in range(5):
        qtbot.keyClick(slider, QtCore.Qt.Key.Key_Right)
    res = lab.power_view
    power = float(re.search(r"power = ([0-9.]+)", lab.controls.power_label.text()).group(1))
    # the green area under the H₁ curve is the power (up to what lies beyond the plotted x range)
    assert _area(res.power_fill) == pytest.approx(power, abs=0.01)
    assert _area(res.power_fill) + _area(res.beta_fill) == pytest.approx(1.0, abs=0.01)


def test_dragging_the_power_n_slider_with_the_mouse_is_one_undo_step(lab, qtbot):
    # Issue 13: each step of a drag is a live preview (the lambda slot had no sender(), so every step was committed).
    from PySide6 import QtWidgets as W

    win = lab.window()
    lab.tabs.setCurrentIndex(5)
    win.undo_stack.clear()
    slider = lab.controls.power_n
    opt = W.QStyleOptionSlider()
    slider.initStyleOption(opt)
    handle = slider.style().subControlRect(W.QStyle.ComplexControl.CC_Slider, opt, W.QStyle.SubControl.SC_SliderHandle,
                                           slider)  # fmt: skip
    start = handle.center()
    qtbot.mousePress(slider, QtCore.Qt.MouseButton.LeftButton, pos=start)
    assert slider.isSliderDown()
    values = []
    for dx in range(10, 101, 10):
        qtbot.mouseMove(slider, QtCore.QPoint(start.x() + dx, start.y()))
        values.append(lab.state().power_n)
    assert win.undo_stack.count() == 0  # nothing committed while the hand is on the slider
    qtbot.mouseRelease(slider, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(start.x() + 100, start.y()))
    assert len(set(values)) >= 3 and lab.state().power_n == values[-1] > 20  # the lab followed the drag
    assert win.undo_stack.count() == 1 and win.undo_stack.text(0) == "Change n"
    assert f"n = {lab.state().power_n}" in lab.verdict_view.label.text()
