"""The Distributions lab's controls take their ranges and steps from the field specs, and derive runs once per state."""

from __future__ import annotations

import dataclasses

import pytest

from engine.schema import field_spec
from engine.stats import DistributionsState, distribution_spec
from gui.widgets.field_controls import INT_LIMIT, decimals_for


def _assert_slider_spans(slider, lo: float, hi: float) -> None:
    """The slider's ends sit at the spec's teaching range (set_value emits nothing, so the state stays)."""
    slider.set_value(lo)
    assert slider.slider.value() == slider.slider.minimum()
    slider.set_value(hi)
    assert slider.slider.value() == slider.slider.maximum()


@pytest.mark.parametrize("name", ["clt_n", "rho", "coin_alpha", "coin_beta", "coin_p"])
def test_state_sliders_span_their_spec(lab, name: str) -> None:
    fs = field_spec(DistributionsState, name)
    slider = getattr(lab.controls, name)
    assert (slider.box.minimum(), slider.box.maximum()) == (fs.lo, fs.hi)
    _assert_slider_spans(slider, *fs.slider_range)
    assert slider.box.singleStep() == pytest.approx(fs.step)
    if not fs.integer:
        assert slider.box.decimals() == decimals_for(fs)


@pytest.mark.parametrize("name", ["n_samples", "seed", "bins"])
def test_spin_boxes_take_their_spec_range(lab, name: str) -> None:
    fs = field_spec(DistributionsState, name)
    box = getattr(lab.controls, name)
    assert box.minimum() == fs.lo and box.maximum() == min(fs.hi, INT_LIMIT)  # a QSpinBox holds a C int
    assert box.singleStep() == fs.step


def test_parameter_sliders_take_their_registry_param_spec(lab) -> None:
    lab.set_state(dataclasses.replace(lab.state(), distribution="binomial", params=(("n", 10.0), ("p", 0.5))))
    for p in distribution_spec("binomial").params:
        fs = p.field_spec()
        slider = lab.controls.sliders[p.name]
        assert (slider.box.minimum(), slider.box.maximum()) == (fs.lo, fs.hi)
        _assert_slider_spans(slider, *fs.slider_range)
        assert slider.box.singleStep() == pytest.approx(fs.step)


def test_one_derive_per_state(lab) -> None:
    before = lab.results.computed
    lab.render(lab.state())
    lab.render(lab.state())
    assert lab.results.computed == before
    lab.set_state(dataclasses.replace(lab.state(), rho=0.1))
    assert lab.results.computed == before + 1
