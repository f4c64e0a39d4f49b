"""The Hypothesis lab's sliders and spin boxes span exactly their field spec, and a re-render reuses derive."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6 import QtCore

from engine.inference import HypothesisState
from engine.schema import field_spec


@pytest.fixture
def lab(lab_window):
    return lab_window("hypothesis").current_lab()


def test_sliders_span_the_spec_slider_range_one_tick_per_step(lab):
    for name in ("alpha", "power_effect", "power_n"):
        fs = field_spec(HypothesisState, name)
        slider = getattr(lab.controls, name)
        lo, hi = fs.slider_range
        assert (slider.minimum(), slider.maximum()) == (round(lo / fs.step), round(hi / fs.step)), name
        assert slider.value() * fs.step == pytest.approx(getattr(lab.state(), name)), name
    assert (lab.controls.alpha.minimum(), lab.controls.alpha.maximum()) == (1, 200)  # α 0.001 … 0.2, as before


SPINS = ("mu0", "true_mu", "true_mu_b", "p0", "n", "n_b", "seed", "successes", "trials", "perm_resamples",
         "boot_resamples", "ab_x1", "ab_n2", "ci_count", "ci_seed")  # fmt: skip


@pytest.mark.parametrize("name", SPINS)
def test_spin_boxes_take_range_and_step_from_the_spec(lab, name):
    fs = field_spec(HypothesisState, name)
    box = getattr(lab.controls, name)
    assert (box.minimum(), box.maximum()) == (fs.lo, fs.hi)
    assert box.singleStep() == (fs.step or 1)
    if fs.decimals is not None:
        assert box.decimals() == fs.decimals


def test_sigma_box_starts_at_its_smallest_shown_positive_value(lab):
    fs = field_spec(HypothesisState, "sigma")
    box = lab.controls.sigma
    assert box.minimum() == pytest.approx(10**-fs.decimals) and box.maximum() == fs.hi
    assert box.singleStep() == fs.step and box.minimum() >= fs.lo


def test_arrow_key_on_alpha_moves_one_declared_step(lab, qtbot):
    fs = field_spec(HypothesisState, "alpha")
    before = lab.state().alpha
    lab.controls.alpha.setFocus()
    qtbot.keyClick(lab.controls.alpha, QtCore.Qt.Key.Key_Right)
    assert lab.state().alpha == pytest.approx(before + fs.step)


def test_the_same_state_is_derived_once(lab):
    state = dataclasses.replace(lab.state(), alpha=0.07)
    lab.set_state(state)
    computed = lab.results.computed
    lab.render(state)
    lab.render(dataclasses.replace(state))
    assert lab.results.computed == computed
    assert lab.results.get(state) is lab.results.get(dataclasses.replace(state))
