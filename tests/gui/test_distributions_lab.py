"""Distributions lab, driven through its real widgets: parameters, sampling, tabs, CSV loading, the Bayes coin."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets
from scipy import stats as st

from engine.schema import from_dict, to_dict
from engine.stats import DistributionsState, StatsError

TAB = {"sampler": 0, "lln": 1, "clt": 2, "qq": 3, "bivariate": 4, "bayes": 5, "mle": 6}


def _type_into(qtbot, box: QtWidgets.QAbstractSpinBox, text: str) -> None:
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)
    qtbot.keyClick(box.lineEdit(), QtCore.Qt.Key.Key_Return)


def _click_tab(qtbot, lab, key: str) -> None:
    bar = lab.tabs.tabBar()
    qtbot.mouseClick(bar, QtCore.Qt.MouseButton.LeftButton, pos=bar.tabRect(TAB[key]).center())
    assert lab.state().tab == key


@pytest.fixture
def lab(lab_window):
    win = lab_window("distributions")
    lab = win.current_lab()
    assert lab.name == "distributions"
    yield lab
    lab.shutdown()


def test_typing_sigma_reshapes_the_pdf_and_is_one_undo_step(lab, qtbot):
    _, y0 = lab.sampler.curve.getData()
    assert y0.max() == pytest.approx(st.norm.pdf(0), rel=1e-3)
    with qtbot.waitSignal(lab.edit_committed) as blocker:
        _type_into(qtbot, lab.controls.sliders["sigma"].box, "2")
    assert dict(lab.state().params)["sigma"] == 2.0
    _, y1 = lab.sampler.curve.getData()
    assert y1.max() == pytest.approx(st.norm(0, 2).pdf(0), rel=1e-3)
    assert blocker.args[0] != blocker.args[1]


def test_slider_drag_previews_then_commits_once(lab, qtbot):
    slider = lab.controls.sliders["mu"].slider
    commits = []
    lab.edit_committed.connect(lambda *a: commits.append(a))
    slider.setSliderDown(True)
    for tick in (600, 700, 800):
        slider.setValue(tick)
    assert dict(lab.state().params)["mu"] == pytest.approx(6.0)
    assert commits == []
    slider.setSliderDown(False)
    slider.sliderReleased.emit()
    assert len(commits) == 1
    x, _ = lab.sampler.curve.getData()
    assert x.min() < 6.0 < x.max()


def test_drawing_samples_gives_a_histogram_of_n_draws(lab, qtbot):
    _type_into(qtbot, lab.controls.n_samples, "5000")
    assert lab.state().n_samples == 5000
    comp = lab._computed
    assert comp.hist.counts.sum() + comp.hist.n_outside == 5000
    edges, dens = lab.sampler.hist.getData()
    assert np.sum(dens * np.diff(edges)) == pytest.approx(1.0)
    assert "N = 5,000" in lab.controls.readout.text()
    qtbot.mouseClick(lab.controls.new_seed, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().seed == 1


def test_discrete_family_shows_a_pmf_and_unit_bins(lab, qtbot):
    combo = lab.controls.family
    combo.setCurrentIndex(combo.findData("poisson"))
    assert lab.state().distribution == "poisson"
    k, pm = lab.sampler.stems.getData()
    np.testing.assert_allclose(pm, st.poisson(3.0).pmf(k))
    edges, dens = lab.sampler.hist.getData()
    assert np.all(np.diff(edges) == 1.0) and np.sum(dens) == pytest.approx(1.0)


def test_big_draw_runs_in_the_background(lab, qtbot):
    _type_into(qtbot, lab.controls.n_samples, "1000000")
    qtbot.waitUntil(lambda: lab._computed is not None and lab._computed.samples.size == 1_000_000, timeout=20_000)
    edges, dens = lab.sampler.hist.getData()
    assert np.sum(dens * np.diff(edges)) == pytest.approx(1.0, abs=1e-3)


def test_classroom_draw_one_and_hundred(lab, qtbot):
    qtbot.mouseClick(lab.controls.draw_one, QtCore.Qt.MouseButton.LeftButton)
    qtbot.mouseClick(lab.controls.draw_100, QtCore.Qt.MouseButton.LeftButton)
    assert "shown 101 of 10,000" in lab.controls.reveal_label.text()
    edges, dens = lab.sampler.hist.getData()
    assert np.sum(dens * np.diff(edges)) == pytest.approx(1.0)
    qtbot.mouseClick(lab.controls.play, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "shown 1" in lab.controls.reveal_label.text() and "101 " not in
                    lab.controls.reveal_label.text(), timeout=5000)  # fmt: skip
    qtbot.mouseClick(lab.controls.show_all, QtCore.Qt.MouseButton.LeftButton)
    assert not lab.classroom.timer.isActive() and "all 10,000" in lab.controls.reveal_label.text()


def test_tabs_lln_clt_qq_bivariate(lab, qtbot):
    _click_tab(qtbot, lab, "lln")
    k, m = lab.lln.curve.xData, lab.lln.curve.yData  # getData() would return log10(k) in log mode
    assert k[-1] == 10_000 and m[-1] == pytest.approx(lab._computed.samples.mean())
    _click_tab(qtbot, lab, "clt")
    assert lab.controls.tab_stack.currentIndex() == 1
    lab.controls.clt_n.box.setValue(20)
    assert lab.state().clt_n == 20
    assert "σ/√n = 0.2236" in lab.clt.note.text()
    _click_tab(qtbot, lab, "qq")
    assert "r = 0.99" in lab.qq.note.text()
    _click_tab(qtbot, lab, "bivariate")
    lab.controls.rho.box.setValue(-0.5)
    x, y = lab.bivariate.axis1.getData()
    assert np.sign(x[1] - x[0]) != np.sign(y[1] - y[0])  # negative correlation: PC1 slopes down
    assert "λ₁ = 1.500" in lab.controls.cov_label.text()


def test_bayes_coin_flip_by_flip(lab, qtbot):
    _click_tab(qtbot, lab, "bayes")
    c = lab.controls
    for button in (c.heads, c.heads, c.tails):
        qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().flips == "HHT"
    assert "MAP 0.600" in c.coin_readout.text() and "MLE 0.667" in c.coin_readout.text()
    assert lab.coin.map_line.value() == pytest.approx(0.6)
    qtbot.mouseClick(c.flip_ten, QtCore.Qt.MouseButton.LeftButton)
    assert len(lab.state().flips) == 13
    qtbot.mouseClick(c.reset_flips, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().flips == "" and not lab.coin.mle_line.isVisible()


def test_mle_on_a_bundled_data_set(lab, qtbot):
    _click_tab(qtbot, lab, "mle")
    c = lab.controls
    c.mle_family.setCurrentIndex(c.mle_family.findData("poisson"))
    c.dataset.setCurrentIndex(c.dataset.findData("horse_kicks"))
    c.dataset.activated.emit(c.dataset.currentIndex())
    assert lab.state().mle_source == "data" and len(lab.state().data) == 200
    assert "0.61" in c.mle_readout.text()
    grid, ll = lab.mle.ll_curve.getData()
    assert grid[int(np.nanargmax(ll))] == pytest.approx(0.61, abs=0.01)


def test_mle_contour_for_two_parameters(lab, qtbot):
    _click_tab(qtbot, lab, "mle")
    qtbot.waitUntil(lambda: lab.mle.image.image is not None, timeout=20_000)
    mx, my = lab.mle.contour_max.getData()
    comp = lab._computed
    assert mx[0] == pytest.approx(comp.samples.mean()) and my[0] == pytest.approx(comp.samples.std())


def test_bad_csv_and_typed_text_show_a_message_and_keep_the_data(lab, qtbot, tmp_path):
    _click_tab(qtbot, lab, "mle")
    good = tmp_path / "good.csv"
    good.write_text("height\n1.5\n1.7\n1.6\n")
    assert lab.load_csv(good)
    before = lab.state().data
    bad = tmp_path / "bad.csv"
    bad.write_text("height\n1.5\nabc\n")
    assert not lab.load_csv(bad)
    assert lab.controls.data_error.isVisible() and "row 3" in lab.controls.data_error.text()
    assert lab.state().data == before
    qtbot.keyClicks(lab.controls.typed, "1, 2, oops")
    qtbot.keyClick(lab.controls.typed, QtCore.Qt.Key.Key_Return)
    assert "value 3: 'oops' is not a number" in lab.controls.data_error.text()
    assert lab.state().data == before
    lab.controls.typed.clear()
    qtbot.keyClicks(lab.controls.typed, "2, 4, 4, 5")
    qtbot.keyClick(lab.controls.typed, QtCore.Qt.Key.Key_Return)
    assert lab.state().data == (2.0, 4.0, 4.0, 5.0) and not lab.controls.data_error.isVisible()


def test_impossible_fit_is_explained_not_raised(lab, qtbot):
    _click_tab(qtbot, lab, "mle")
    lab.controls.mle_family.setCurrentIndex(lab.controls.mle_family.findData("exponential"))
    qtbot.waitUntil(lambda: "Cannot fit" in lab.controls.mle_readout.text(), timeout=20_000)
    assert "≥ 0" in lab.controls.mle_readout.text()


def test_set_state_round_trip_shows_everything(lab):
    s = dataclasses.replace(
        DistributionsState(), distribution="gamma", params=(("alpha", 3.0), ("beta", 2.0)), n_samples=2000,
        seed=5, tab="qq", rho=0.3, flips="HT",
    )  # fmt: skip
    s = from_dict(DistributionsState, to_dict(s))
    lab.set_state(s)
    assert lab.controls.family.currentData() == "gamma"
    assert lab.controls.sliders["alpha"].value() == 3.0
    assert lab.tabs.currentIndex() == TAB["qq"]
    assert lab.state() == s
    with pytest.raises(StatsError):
        DistributionsState.params_for("nope")


def test_render_png(tmp_path, qapp):
    from gui.app import render_lab_png

    out = tmp_path / "distributions.png"
    render_lab_png(str(out), "distributions", (1280, 800))
    assert out.stat().st_size > 10_000
