"""engine.schema: declared fields validate untrusted data and name the offending field."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.schema import SchemaError, check, from_dict, spec, to_dict


@dataclass(frozen=True)
class Inner:
    lr: float = spec(0.1, lo=1e-6, hi=10)
    name: str = spec("gd", choices=("gd", "adam"))


@dataclass(frozen=True)
class Demo:
    points: tuple[tuple[float, float], ...] = spec(((1.0, 2.0),), lo=-100, hi=100, max_len=4)
    steps: int = spec(10, lo=1, hi=1000)
    flag: bool = spec(False)
    label: str = spec("hi", max_chars=5)
    formula: str = spec("x^2", expr=("x",))
    inner: Inner = spec(Inner())
    runs: tuple[Inner, ...] = spec((Inner(), Inner(lr=0.5, name="adam")), max_len=3)
    maybe: float | None = spec(None, lo=0, hi=1)

    def validate(self) -> None:
        if self.steps == 13:
            raise SchemaError("steps", "unlucky")


def test_round_trip_of_a_non_default_state() -> None:
    s = Demo(
        points=((3.0, -4.0), (0.5, 0.25)),
        steps=99,
        flag=True,
        label="abc",
        formula="sin(x)",
        inner=Inner(lr=2.0, name="adam"),
        maybe=0.5,
    )
    assert from_dict(Demo, to_dict(s)) == s


def test_missing_keys_take_defaults() -> None:
    assert from_dict(Demo, {"steps": 5}) == Demo(steps=5)


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"steps": "ten"}, "steps", "number"),
        ({"steps": 2.5}, "steps", "whole"),
        ({"steps": 0}, "steps", "between"),
        ({"steps": True}, "steps", "number"),
        ({"points": [[1, float("nan")]]}, "points[0][1]", "finite"),
        ({"points": [[1, 2, 3]]}, "points[0]", "exactly 2"),
        ({"points": [[1, 2]] * 5}, "points", "at most 4"),
        ({"points": [[1, 1e9]]}, "points[0][1]", "between"),
        ({"label": "toolong"}, "label", "at most 5"),
        ({"label": 7}, "label", "text"),
        ({"flag": 1}, "flag", "true or false"),
        ({"formula": "import os"}, "formula", "expression"),
        ({"inner": {"lr": -1}}, "inner.lr", "between"),
        ({"inner": {"name": "sgd"}}, "inner.name", "one of"),
        ({"runs": [{"lr": 0.1}, {"bogus": 1}]}, "runs[1].bogus", "unknown"),
        ({"nope": 1}, "nope", "unknown"),
        ({"steps": 13}, "steps", "unlucky"),
        ({"maybe": 2}, "maybe", "between"),
    ],
)
def test_bad_values_name_their_field(data: dict, field: str, words: str) -> None:
    with pytest.raises(SchemaError) as info:
        from_dict(Demo, data)
    assert info.value.field == field
    assert words in str(info.value)


def test_not_an_object() -> None:
    with pytest.raises(SchemaError, match="must be an object"):
        from_dict(Demo, [1, 2])


def test_check_validates_in_memory_states() -> None:
    check(Demo())
    with pytest.raises(SchemaError):
        check(Demo(steps=13))


def test_mutable_defaults_are_refused() -> None:
    with pytest.raises(TypeError):
        spec([1, 2])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(
    st.dictionaries(
        st.sampled_from(["points", "steps", "flag", "label", "inner", "runs", "maybe", "x"]), json_values, max_size=5
    )
)
def test_random_data_either_validates_or_names_a_field(data: dict) -> None:
    try:
        state = from_dict(Demo, data)
    except SchemaError as exc:
        assert str(exc)
    else:
        assert isinstance(state, Demo)
        for x, y in state.points:
            assert math.isfinite(x) and math.isfinite(y)
