"""Every registered lab keeps the engine half of the contract: field specs that make sense, one derive per lab."""

from __future__ import annotations

import dataclasses
import math

import pytest

from engine import labs
from engine.schema import FieldSpec, check, field_spec, field_specs, spec


@pytest.mark.parametrize("name", labs.LAB_NAMES)
def test_every_field_spec_holds_its_default_and_a_sane_range(name: str) -> None:
    state_cls = labs.state_type(name)
    for fs in field_specs(state_cls).values():
        numbers = _numbers(fs.default)
        if fs.lo is not None and fs.hi is not None:
            assert fs.lo < fs.hi, fs
        for x in numbers:
            assert fs.lo is None or x >= fs.lo, (fs.name, x)
            assert fs.hi is None or x <= fs.hi, (fs.name, x)
        if fs.step is not None:
            assert fs.step > 0 and math.isfinite(fs.step), fs
        if fs.soft_lo is not None or fs.soft_hi is not None:
            lo, hi = fs.slider_range
            assert lo < hi, fs
            assert fs.lo is None or lo >= fs.lo, fs
            assert fs.hi is None or hi <= fs.hi, fs
    check(state_cls())  # the opening state passes its own validator


@pytest.mark.parametrize("name", labs.LAB_NAMES)
def test_each_lab_has_one_derive_returning_a_frozen_results_dataclass(name: str) -> None:
    state = labs.default_state(name)
    results = labs.derive(name, state)
    assert dataclasses.is_dataclass(results) and not isinstance(results, type)
    assert type(results).__dataclass_params__.frozen
    assert "derive" in labs.lab_spec(name).load().__all__


def test_field_spec_reads_what_spec_declared_and_names_unknown_fields() -> None:
    @dataclasses.dataclass(frozen=True)
    class Demo:
        rate: float = spec(0.1, lo=0.0, hi=2.0, step=0.01, unit="1/s", soft_hi=1.0)

    fs = field_spec(Demo, "rate")
    assert fs == FieldSpec(name="rate", default=0.1, lo=0.0, hi=2.0, step=0.01, unit="1/s", soft_hi=1.0)
    assert fs.slider_range == (0.0, 1.0)
    assert fs.clamp(5.0) == 2.0 and fs.clamp(-1.0) == 0.0
    with pytest.raises(KeyError, match="fields: rate"):
        field_spec(Demo, "lr")


def _numbers(value: object) -> list[float]:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return []
    if isinstance(value, int | float):
        return [float(value)]
    if isinstance(value, tuple):
        return [x for v in value for x in _numbers(v)]
    return []
