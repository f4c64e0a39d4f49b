"""Issue 20's Hypothesis cases, reproduced through the widgets a student uses: extremes, non-numbers, long work."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6 import QtCore
from scipy import stats

from engine.inference import format_p


@pytest.fixture
def lab(lab_window):
    win = lab_window("hypothesis")
    return win.current_lab()


def _type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll() if hasattr(box, "selectAll") else box.lineEdit().selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Return)


def _pick(combo, key: str) -> None:
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(key))


def _shown(lab) -> str:
    return lab.controls.result_label.text() + " " + lab.verdict.text()


def _no_nan_or_inf(text: str) -> bool:
    return re.search(r"\b(nan|inf)\b", text, re.IGNORECASE) is None


def test_exact_binomial_on_five_million_trials_weighs_a_window_of_counts(lab, qtbot, monkeypatch):
    """Before: every one of the 5 000 001 counts was weighed (pmf/cdf) on the GUI thread: the window froze 2–36 s."""
    sizes: list[int] = []
    binom_type = type(stats.binom)
    for name in ("pmf", "cdf", "sf"):
        original = getattr(binom_type, name)

        def counting(self, k, *args, _original=original, **kwargs):
            sizes.append(int(np.size(k)))
            return _original(self, k, *args, **kwargs)

        monkeypatch.setattr(binom_type, name, counting)
    _pick(lab.controls.test, "binomial")
    _type_into(qtbot, lab.controls.trials, "5000000")
    _type_into(qtbot, lab.controls.successes, "2500000")
    assert (lab.state().trials, lab.state().successes) == (5_000_000, 2_500_000)
    assert "reject H₀ when k ≤ 2497808 or k ≥ 2502192" in lab.controls.result_label.text()
    ref = stats.binomtest(2_500_000, 5_000_000, 0.5).pvalue
    assert f"p = {format_p(ref)}" in lab.controls.result_label.text()
    assert sizes and max(sizes) <= 200_000
    # k far in a tail of a null centred on 1000: the picture shows the null (not 10⁷ bars) with k's marker at its edge
    sizes.clear()
    _type_into(qtbot, lab.controls.trials, "10000000")
    _type_into(qtbot, lab.controls.successes, "10000000")
    _type_into(qtbot, lab.controls.p0, "0.0001")
    assert lab.state().p0 == pytest.approx(0.0001) and lab.state().successes == 10_000_000
    assert max(sizes) <= 200_000
    assert "reject H₀" in lab.verdict.text() and _no_nan_or_inf(_shown(lab))


def test_power_sliders_at_their_extremes_give_a_power_not_an_overflow(lab, qtbot):
    """Before: d = 3, n = 400 with the t-test raised OverflowError ("Result of tgamma is too large") drawing H₁."""
    lab.tabs.setCurrentIndex(5)
    _pick(lab.controls.power_kind, "t")
    for slider in (lab.controls.power_effect, lab.controls.power_n):
        slider.setFocus()
        qtbot.keyClick(slider, QtCore.Qt.Key.Key_End)
    s = lab.state()
    assert (s.power_kind, s.power_effect, s.power_n) == ("t", 3.0, 400)  # the sliders' (soft) ends: nc = d·√n = 60
    ref = stats.nct.sf(stats.t.isf(0.025, 399), 399, 60.0) + stats.nct.cdf(-stats.t.isf(0.025, 399), 399, 60.0)
    assert f"power = {ref:.3f}" in lab.controls.power_label.text()
    lab.controls.power_effect.setFocus()
    qtbot.keyClick(lab.controls.power_effect, QtCore.Qt.Key.Key_Home)  # the other extreme: d = −3
    assert lab.state().power_effect == -3.0
    assert f"power = {ref:.3f}" in lab.controls.power_label.text() and _no_nan_or_inf(lab.verdict.text())


def test_bootstrap_refuses_one_resample_and_says_why(lab, qtbot):
    """Before: 1 resample gave the "95 % CI" [3.2, 3.2] around a mean of 3.0 and a standard error of nan."""
    _pick(lab.controls.source, "typed")
    _type_into(qtbot, lab.controls.typed_a, "2 3 4 1 5 3")
    lab.tabs.setCurrentIndex(2)
    _type_into(qtbot, lab.controls.boot_resamples, "1")
    assert lab.state().boot_resamples >= 100  # the spin box's minimum comes from the field spec
    assert "100" in lab.controls.boot_resamples.toolTip()
    qtbot.waitUntil(lambda: "CI [" in lab.controls.boot_label.text(), timeout=10_000)
    text = lab.controls.boot_label.text()
    low, high = (float(v) for v in re.search(r"CI \[([-0-9.e]+), ([-0-9.e]+)\]", text).groups())
    assert low <= 3.0 <= high and _no_nan_or_inf(text)


def test_welch_on_plus_minus_1e308_is_scaled_before_squaring(lab, qtbot):
    """Before: df = nan and "reject H₀ when t ≤ nan or t ≥ nan"."""
    _pick(lab.controls.source, "typed")
    _pick(lab.controls.test, "welch_t")
    _type_into(qtbot, lab.controls.typed_a, "1e308 -1e308 1e308")
    assert lab.state().typed_a == "1e308 -1e308 1e308"
    a = np.array([1.0, -1.0, 1.0])
    b = np.array([4.6, 5.0, 4.4, 5.2, 4.8, 5.1, 4.3, 4.9]) / 1e308
    ref = stats.ttest_ind(a, b, equal_var=False)  # t is scale-free: the same test on the data / 1e308
    assert f"t = {ref.statistic:.4f}, df = 2" in lab.controls.result_label.text()
    assert f"p = {format_p(ref.pvalue)}" in lab.controls.result_label.text()
    assert _no_nan_or_inf(_shown(lab))


def test_one_sample_t_on_1e_minus_300_values_is_finite(lab, qtbot):
    """Before: t = inf and the verdict "p = < 1e-300"."""
    _pick(lab.controls.source, "typed")
    _type_into(qtbot, lab.controls.typed_a, "1e-300 2e-300 3e-300")
    ref = stats.ttest_1samp([1.0, 2.0, 3.0], 0.0)
    assert f"t = {ref.statistic:.4f}, df = 2" in lab.controls.result_label.text()
    assert f"p = {format_p(ref.pvalue)}" in lab.verdict.text()
    assert _no_nan_or_inf(_shown(lab))


def test_a_p_value_below_1e_300_reads_p_less_than(lab, qtbot):
    """Before: a p-value that underflows to 0 read "p = < 1e-300"."""
    lab.tabs.setCurrentIndex(3)
    c = lab.controls
    for box, text in ((c.ab_n2, "100000000"), (c.ab_x2, "100000000"), (c.ab_n1, "100000000"), (c.ab_x1, "0")):
        _type_into(qtbot, box, text)
    s = lab.state()
    assert (s.ab_x1, s.ab_n1, s.ab_x2, s.ab_n2) == (0, 100_000_000, 100_000_000, 100_000_000)
    assert "<b>p < 1e-300</b>" in c.ab_label.text() and lab.verdict.text().startswith("p < 1e-300 ≤ α")
    assert "p = <" not in c.ab_label.text() + lab.verdict.text()
