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
    comp = lab.sampled
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
    qtbot.waitUntil(lambda: lab.sampled is not None and lab.sampled.samples.size == 1_000_000, timeout=20_000)
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
    assert k[-1] == 10_000 and m[-1] == pytest.approx(lab.sampled.samples.mean())
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
    comp = lab.sampled
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


def test_typed_numbers_take_decimal_commas_and_refuse_an_ambiguous_one(lab, qtbot):
    """"4,9 5,6" is two numbers with decimal commas (as the Spanish app writes them); "3,5" alone could be one number
    or two: refused, the comma's number selected, the data kept."""
    _click_tab(qtbot, lab, "mle")
    typed = lab.controls.typed
    qtbot.keyClicks(typed, "4,9 5,6; 6")
    qtbot.keyClick(typed, QtCore.Qt.Key.Key_Return)
    assert lab.state().data == (4.9, 5.6, 6.0) and not lab.controls.data_error.isVisible()
    typed.clear()
    qtbot.keyClicks(typed, "1 3,5, 2")
    qtbot.keyClick(typed, QtCore.Qt.Key.Key_Return)
    assert "“3,5”" in lab.controls.data_error.text() and lab.controls.data_error.isVisible()
    assert typed.selectedText() == "3,5" and lab.state().data == (4.9, 5.6, 6.0)


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


def _x_range(lab) -> tuple[float, float]:
    return tuple(lab.sampler.density_plot.getPlotItem().getViewBox().viewRange()[0])


def test_holding_sigma_with_a_big_sample_moves_the_curve_and_waits_to_redraw_the_draws(lab, qtbot):
    """The benchmark's interaction: with many draws, a held slider reshapes the PDF at once, redraws on release."""
    lab.set_state(dataclasses.replace(lab.state(), n_samples=300_000))
    qtbot.waitUntil(lambda: lab.sampled is not None and lab.sampled.samples.size == 300_000, timeout=20_000)
    edges0, dens0 = (a.copy() for a in lab.sampler.hist.getData())
    commits = []
    lab.edit_committed.connect(lambda *a: commits.append(a))
    ranges, sigmas = [_x_range(lab)], [1.0]
    slider = lab.controls.sliders["sigma"].slider
    slider.setSliderDown(True)
    for tick in (150, 250, 400, 300):
        slider.setValue(tick)
        ranges.append(_x_range(lab))
        sigma = dict(lab.state().params)["sigma"]
        sigmas.append(sigma)
        x, y = lab.sampler.curve.getData()
        np.testing.assert_allclose(y, st.norm(0, sigma).pdf(x), rtol=1e-10)
    # The draws wait for the release: same bars, sample column greyed, a hint says why.
    edges1, dens1 = lab.sampler.hist.getData()
    np.testing.assert_array_equal(edges1, edges0)
    np.testing.assert_array_equal(dens1, dens0)
    assert "Release the slider" in lab.controls.busy.text()
    # the table catches up at 10 Hz while the slider is held
    qtbot.waitUntil(lambda: lab.controls.readout.theory["variance"].text() == f"{sigma**2:.4g}", timeout=2000)
    assert not lab.controls.readout.sample["variance"].isEnabled()
    # While held, the x axis only ever grows (no axis repaint per step) and always shows the central range.
    for (a0, a1), (b0, b1) in zip(ranges, ranges[1:], strict=False):
        assert b0 <= a0 and b1 >= a1
    for (x0, x1), sd in zip(ranges, sigmas, strict=True):
        lo, hi = st.norm(0, sd).ppf([0.0005, 0.9995])
        assert x0 <= lo and x1 >= hi
    assert commits == []
    slider.setSliderDown(False)
    slider.sliderReleased.emit()
    assert len(commits) == 1
    qtbot.waitUntil(lambda: lab.sampled.key[1] == lab.state().params, timeout=20_000)
    assert lab.controls.readout.sample["variance"].isEnabled()
    assert float(lab.controls.readout.sample["variance"].text()) == pytest.approx(sigma**2, rel=0.02)
    # After the release the axes fit the curve again: tighter than the widest range seen while dragging.
    x0, x1 = _x_range(lab)
    lo, hi = st.norm(0, sigma).ppf([0.0005, 0.9995])
    assert x0 < lo and x1 > hi and x1 - x0 < 1.2 * (hi - lo)


def test_hidden_tabs_catch_up_when_shown_or_exported(lab, qtbot):
    _click_tab(qtbot, lab, "bayes")
    _, before = lab.sampler.curve.getData()
    before = before.copy()
    _type_into(qtbot, lab.controls.sliders["sigma"].box, "3")
    _, hidden = lab.sampler.curve.getData()
    np.testing.assert_array_equal(hidden, before)  # the hidden sampler tab did no work
    lab.export_views()  # File → Export brings every view up to date first
    _, exported = lab.sampler.curve.getData()
    assert exported.max() == pytest.approx(st.norm(0, 3).pdf(0), rel=1e-3)
    _type_into(qtbot, lab.controls.sliders["sigma"].box, "0.5")
    _click_tab(qtbot, lab, "sampler")
    _, shown = lab.sampler.curve.getData()
    assert shown.max() == pytest.approx(st.norm(0, 0.5).pdf(0), rel=1e-3)


def test_readout_values_sit_in_fixed_cells_wide_enough_for_them(lab, qtbot):
    combo = lab.controls.family
    combo.setCurrentIndex(combo.findData("student_t"))
    _type_into(qtbot, lab.controls.sliders["nu"].box, "1.5")
    readout = lab.controls.readout
    assert readout.theory["variance"].text() == "∞" and readout.theory["mean"].text() == "0"
    assert "infinite" in readout.text()
    for cell in (*readout.theory.values(), *readout.sample.values()):
        assert cell.minimumSize() == cell.maximumSize()  # fixed: a new value never re-lays out the column
        assert cell.fontMetrics().horizontalAdvance(cell.text()) <= cell.width()


def test_holding_sigma_with_the_default_sample_redraws_it_live_and_tests_fit_on_release(lab, qtbot):
    slider = lab.controls.sliders["sigma"].slider
    slider.setSliderDown(True)
    slider.setValue(300)
    sigma = dict(lab.state().params)["sigma"]
    assert lab.sampled.key == (lab.state().distribution, lab.state().params, 10_000, 0)  # draws follow live
    qtbot.waitUntil(lambda: float(lab.controls.readout.sample["variance"].text()) > 2, timeout=2000)  # (10 Hz)
    assert float(lab.controls.readout.sample["variance"].text()) == pytest.approx(sigma**2, rel=0.05)
    assert "when the slider is released" in lab.controls.readout.text()
    assert "scale=1.0)" in lab.controls.formula.text()  # the wrapped formula waits for the release (no relayout)
    slider.setSliderDown(False)
    slider.sliderReleased.emit()
    assert f"scale={sigma})" in lab.controls.formula.text()
    ks = st.kstest(lab.sampled.samples, st.norm(0, sigma).cdf)
    assert f"KS test p = {ks.pvalue:.3g}" in lab.controls.readout.text()


def test_holding_clt_n_keeps_the_axes_so_the_means_visibly_narrow(lab, qtbot):
    _click_tab(qtbot, lab, "clt")
    vb = lab.clt.plot.getPlotItem().getViewBox()
    wide = vb.viewRange()[0]
    slider = lab.controls.clt_n.slider
    slider.setSliderDown(True)
    for tick in (10, 20, 40):
        slider.setValue(tick)
        assert vb.viewRange()[0] == wide  # held: the axes stay, the histogram narrows inside them
    _, dens = lab.clt.hist.getData()
    clt = lab.sampled.clt.clt
    assert clt.n == lab.state().clt_n and clt.normal_sd == pytest.approx(1 / np.sqrt(clt.n))
    slider.setSliderDown(False)
    slider.sliderReleased.emit()
    x0, x1 = vb.viewRange()[0]
    assert x1 - x0 < 0.7 * (wide[1] - wide[0])  # released: refit to the narrower means
    assert vb.viewRange()[1][1] >= dens.max()


def test_data_set_box_stays_narrow_and_its_list_shows_whole_titles(lab):
    """The bundled data sets' long titles do not widen the control column (test_fit at 1024×768); the list does."""
    from PySide6 import QtGui

    box = lab.controls.dataset
    fm = QtGui.QFontMetrics(box.view().font())
    widest = max(fm.horizontalAdvance(box.itemText(i)) for i in range(box.count()))
    assert box.minimumSizeHint().width() < widest
    assert box.view().minimumWidth() >= widest
