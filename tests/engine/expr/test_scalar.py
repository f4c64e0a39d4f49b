"""The plain-float evaluator of typed formulas agrees with engine.expr's numpy function, specials included."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.expr import parse, scalar_function

FORMULAS = [
    "(1-x)^2 + 100*(y-x^2)^2",
    "sin(3*x)*exp(-y^2/5) + cos(x*y)",
    "log(1+exp(-x)) + sqrt(abs(y))",
    "tanh(x) - sigmoid(y) + relu(x-y) + softplus(2*y)",
    "min(x, y, 1) + max(x^2, y)",
    "x/y + y^3 - 2^x",
    "-x^2 + pi*e*y",
    "tan(x) + sign(y)",
]


def same(a: float, b: float) -> bool:
    """Equal to a few ulps, or both the same non-finite value."""
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return a == pytest.approx(b, rel=1e-13, abs=1e-300)


@pytest.mark.parametrize("text", FORMULAS)
def test_matches_numpy_on_a_grid(text):
    e = parse(text, ("x", "y"))
    f, ref = scalar_function(e), e.numpy()
    for x in np.linspace(-3.3, 2.9, 9):
        for y in np.linspace(-2.1, 3.7, 9):
            assert same(f(float(x), float(y)), float(ref(x, y))), (text, x, y)


@pytest.mark.parametrize(
    ("text", "x", "y", "expected"),
    [
        ("log(x) + y", 0.0, 1.0, -math.inf),  # math.log(0) raises; numpy says -inf
        ("log(x) + y", -1.0, 1.0, math.nan),
        ("1/x", 0.0, 0.0, math.inf),  # ZeroDivisionError in Python, inf in numpy
        ("exp(x)", 1000.0, 0.0, math.inf),  # OverflowError in Python
        ("x^(1/3)", -8.0, 0.0, math.nan),  # a complex number in Python, nan in numpy
        ("x^y", 0.0, -1.0, math.inf),
        ("relu(x) + max(x, y)", math.nan, 0.0, math.nan),
        ("exp(-1/x^2)", 0.0, 0.0, 0.0),  # inf inside, finite outside: exactly numpy's answer
    ],
)
def test_special_points_follow_numpy(text, x, y, expected):
    f = scalar_function(parse(text, ("x", "y")))
    assert same(f(x, y), expected)


def test_derivatives_compile_too():
    e = parse("x^3*y + sin(x*y)", ("x", "y"))
    gx = scalar_function(e.gradient()[0])
    assert gx(0.7, -1.3) == pytest.approx(3 * 0.7**2 * -1.3 + math.cos(0.7 * -1.3) * -1.3, rel=1e-14)


@given(
    text=st.sampled_from(FORMULAS),
    x=st.floats(-1e3, 1e3, allow_nan=False),
    y=st.floats(-1e3, 1e3, allow_nan=False),
)
@settings(max_examples=150, deadline=None)
def test_any_point_agrees_with_numpy(text, x, y):
    e = parse(text, ("x", "y"))
    with np.errstate(all="ignore"):
        ref = float(e.numpy()(x, y))
    got = scalar_function(e)(x, y)
    assert isinstance(got, float)
    assert same(got, ref)
