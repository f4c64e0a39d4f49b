"""Every Optimizer-lab control takes its range and step from the state's field spec (one range per field)."""

from __future__ import annotations

import pytest

from engine.optim import OPTIMIZERS, OptimizerConfig, OptimizerState
from engine.schema import field_spec


@pytest.fixture
def lab(lab_window):
    return lab_window("optimizer").current_lab()


def _log_ends(slider) -> tuple[float, float]:
    """The values a log slider shows at its two ends (moved there as a user would)."""
    ends = []
    for tick in (slider.slider.minimum(), slider.slider.maximum()):
        slider.slider.setValue(tick)
        ends.append(slider.value())
    return ends[0], ends[1]


def test_every_learning_rate_slider_spans_the_one_lr_range(lab):
    lo, hi = field_spec(OptimizerConfig, "lr").slider_range
    for name in OPTIMIZERS:
        assert _log_ends(lab.controls[name].inputs["lr"]) == (pytest.approx(lo), pytest.approx(hi)), name


@pytest.mark.parametrize("key", ["momentum", "beta1", "beta2", "alpha"])
def test_hyperparameter_spin_boxes_have_the_spec_range_and_step(lab, key):
    fs = field_spec(OptimizerConfig, key)
    boxes = [c.inputs[key] for c in lab.controls.values() if key in c.inputs]
    assert boxes
    for box in boxes:
        assert (box.minimum(), box.maximum(), box.singleStep(), box.decimals()) == (fs.lo, fs.hi, fs.step, fs.decimals)


def test_eps_choices_span_the_eps_soft_range(lab):
    fs = field_spec(OptimizerConfig, "eps")
    box = lab.controls["adam"].inputs["eps"]
    values = [box.itemData(i) for i in range(box.count())]
    assert min(values) == fs.soft_lo and max(values) == fs.soft_hi


def test_surface_controls_have_the_spec_range_and_step(lab):
    for name, box in (("angle", lab.angle), ("steps", lab.steps)):
        fs = field_spec(OptimizerState, name)
        assert (box.minimum(), box.maximum(), box.singleStep()) == (fs.lo, fs.hi, fs.step), name
    fs = field_spec(OptimizerState, "kappa")
    assert _log_ends(lab.kappa) == (pytest.approx(fs.lo), pytest.approx(fs.hi))
