"""Issue 20's Distributions cases through the widgets: a sample of one, log-normal μ = 100, Geometric p = 1, QQ r."""

from __future__ import annotations

import re

import pytest
from PySide6 import QtCore, QtWidgets

from engine.stats import TABS


@pytest.fixture
def win(lab_window):
    return lab_window("distributions")


def _type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Return)


def _pick(combo, key: str) -> None:
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(key))


def _visible_texts(lab) -> str:
    return " ".join(w.text() for w in lab.findChildren(QtWidgets.QLabel) if w.isVisible())


def _no_nan_or_inf(text: str) -> bool:
    return re.search(r"\b(nan|inf)\b", text, re.IGNORECASE) is None


def _wait_sampled(qtbot, lab) -> None:
    qtbot.waitUntil(lambda: not lab.controls.busy.text(), timeout=10_000)


def test_a_sample_of_one_draws_and_says_so(win, qtbot):
    """Before: np.histogram raised "Too many bins for data range" (uncaught)."""
    lab = win.current_lab()
    _type_into(qtbot, lab.controls.n_samples, "1")
    assert lab.state().n_samples == 1
    _wait_sampled(qtbot, lab)
    for tab in ("sampler", "lln", "clt", "qq"):
        lab.tabs.setCurrentIndex(TABS.index(tab))
        _wait_sampled(qtbot, lab)
        assert _no_nan_or_inf(_visible_texts(lab)), tab


def test_log_normal_mean_of_log_100_in_the_clt_view(win, qtbot):
    """Before: the CLT view's normal curve raised StatsError (μ = 2.7e43) uncaught."""
    lab = win.current_lab()
    _pick(lab.controls.family, "lognormal")
    lab.tabs.setCurrentIndex(TABS.index("clt"))
    _type_into(qtbot, lab.controls.sliders["mu"].box, "100")
    assert dict(lab.state().params)["mu"] == 100.0
    _wait_sampled(qtbot, lab)
    assert _no_nan_or_inf(_visible_texts(lab))


def test_geometric_p_equal_1_is_a_point_mass_and_one_undo_step(win, qtbot):
    """Before: np.bincount raised in the goodness-of-fit readout, the plots stayed stale and the edit missed undo."""
    lab = win.current_lab()
    _pick(lab.controls.family, "geometric")
    start = lab.state()
    undo_count = win.undo_stack.count()
    _type_into(qtbot, lab.controls.sliders["p"].box, "1")
    assert dict(lab.state().params)["p"] == 1.0
    assert win.undo_stack.count() == undo_count + 1
    _wait_sampled(qtbot, lab)
    assert _no_nan_or_inf(_visible_texts(lab))
    win.undo_stack.undo()
    assert lab.state() == start


def test_qq_of_a_constant_sample_names_it_and_undo_clears_it(win, qtbot):
    """Before: the QQ readout showed "r = nan" for a constant sample, and still after undoing every step."""
    lab = win.current_lab()
    lab.tabs.setCurrentIndex(TABS.index("qq"))
    _pick(lab.controls.family, "geometric")
    _type_into(qtbot, lab.controls.sliders["p"].box, "1")
    _wait_sampled(qtbot, lab)
    text = _visible_texts(lab)
    assert _no_nan_or_inf(text) and "Every draw is the same value" in text
    while win.undo_stack.canUndo():
        win.undo_stack.undo()
    _wait_sampled(qtbot, lab)
    assert "Every draw is the same value" not in _visible_texts(lab)
    assert _no_nan_or_inf(_visible_texts(lab))


def test_reveal_never_indexes_past_the_sample(win, qtbot):
    """Fuzz finding: "Draw 100" with a count left from a larger sample raised IndexError (index 99, size 1)."""
    from engine.stats import reveal, sample_results

    lab = win.current_lab()
    _type_into(qtbot, lab.controls.n_samples, "1")
    _wait_sampled(qtbot, lab)
    for button in (lab.controls.draw_100, lab.controls.draw_one, lab.controls.draw_100):
        qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)
    assert _no_nan_or_inf(_visible_texts(lab))
    one = sample_results(lab.state())
    shown = reveal(one, 100)  # a stale count from a 10 000-draw sample
    assert shown.label == "shown 1 of 1 draws; last = " + f"{one.samples[0]:.4g}"
    assert reveal(one, 0).label == "shown 0 of 1 draws"


@pytest.mark.parametrize("n", ["1", "10"])
def test_log_normal_with_huge_spread_is_scaled_before_squaring(win, qtbot, n):
    """Fuzz finding: log-normal μ = 100, σ = 100 draws ~1e200 — their squares overflowed (RuntimeWarning) and one
    such draw gave np.histogram "Too many bins for data range" (±0.5 is lost in rounding beside 1e200)."""
    lab = win.current_lab()
    _pick(lab.controls.family, "lognormal")
    _type_into(qtbot, lab.controls.n_samples, n)
    _type_into(qtbot, lab.controls.sliders["sigma"].box, "100")
    _type_into(qtbot, lab.controls.sliders["mu"].box, "100")
    assert dict(lab.state().params) == {"mu": 100.0, "sigma": 100.0} and lab.state().n_samples == int(n)
    for tab in ("sampler", "qq", "mle"):
        lab.tabs.setCurrentIndex(TABS.index(tab))
        _wait_sampled(qtbot, lab)
        assert _no_nan_or_inf(_visible_texts(lab)), tab
