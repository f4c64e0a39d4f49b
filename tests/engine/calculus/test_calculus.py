"""Derivatives lab engine: tangent, secant, finite-difference V, chain rule vs symbolic, state round-trip, code."""

import math

import numpy as np
import pytest

from engine.calculus import (
    PRESETS,
    DerivativesState,
    chain_rule,
    code,
    derivatives,
    fd_error_curve,
    finite_difference,
    metrics,
    sample,
    secant_slope,
    tangent,
)
from engine.expr import ExpressionError
from engine.schema import SchemaError, from_dict, to_dict


def test_tangent_of_cubic_by_hand():
    t = tangent("x^3 - 2x", 2.0)
    assert t.value == pytest.approx(4.0)
    assert t.slope == pytest.approx(10.0)
    assert t.intercept == pytest.approx(4.0 - 20.0)


def test_secant_slope_by_hand_and_tends_to_tangent():
    # (f(1+h) - f(1))/h for x^2 is exactly 2 + h.
    for h in (1.0, 0.5, 0.25):
        assert secant_slope("x^2", 1.0, h) == pytest.approx(2.0 + h, rel=1e-12)
    errors = [abs(secant_slope("sin(x)", 0.7, h) - math.cos(0.7)) for h in (1e-1, 1e-2, 1e-3, 1e-4)]
    assert all(a > b for a, b in zip(errors, errors[1:], strict=False))


def test_central_difference_is_second_order():
    # Central difference of x^3 at 1 is 3 + h^2 exactly.
    h = np.array([0.5, 0.1])
    np.testing.assert_allclose(finite_difference("x^3", 1.0, h, "central"), 3 + h**2, rtol=1e-12)
    with pytest.raises(ValueError, match="forward"):
        finite_difference("x", 0.0, 0.1, "sideways")


def test_fd_error_curve_has_the_v_shape():
    curve = fd_error_curve("exp(x)", 1.0)
    eps = np.finfo(float).eps
    # Optimal h sits near sqrt(eps) for forward and eps^(1/3) for central differences (within two decades).
    assert 1e-10 < curve.best_h_forward < 1e-6
    assert 1e-7 < curve.best_h_central < 1e-3
    assert curve.best_h_central > curve.best_h_forward
    i = np.searchsorted(curve.h, curve.best_h_forward)
    assert curve.forward_error[0] > 100 * curve.forward_error[i]  # round-off side: tiny h is bad
    assert curve.forward_error[-1] > 100 * curve.forward_error[i]  # truncation side: big h is bad
    assert curve.forward_error[-1] == pytest.approx(abs(math.e * (math.e - 1) - math.e), rel=1e-9)
    assert np.sqrt(eps) / 100 < curve.best_h_forward


def test_fd_error_undefined_derivative_gives_nan_best_h():
    curve = fd_error_curve("sqrt(x)", -1.0)
    assert math.isnan(curve.best_h_forward) and math.isnan(curve.exact)


@pytest.mark.parametrize("name", list(PRESETS))
def test_presets_parse_and_have_exact_derivatives(name):
    preset = PRESETS[name]
    xs, fx, dfx, d2fx = sample(preset.text, preset.view[:2], 50)
    assert xs.shape == fx.shape == dfx.shape == d2fx.shape == (50,)
    x0 = 0.37
    fd = float(finite_difference(preset.text, x0, 1e-6, "central"))
    assert derivatives(preset.text)[1](x0) == pytest.approx(fd, rel=1e-6, abs=1e-8)


def test_preset_derivatives_match_known_ml_formulas():
    xs = np.linspace(-4, 4, 9) + 0.1
    s = 1 / (1 + np.exp(-xs))
    np.testing.assert_allclose(derivatives(PRESETS["sigmoid"].text)[1](xs), s * (1 - s), rtol=1e-12)
    np.testing.assert_allclose(derivatives(PRESETS["softplus"].text)[1](xs), s, rtol=1e-12)
    np.testing.assert_allclose(derivatives(PRESETS["log_loss"].text)[1](xs), s - 1, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(derivatives(PRESETS["relu"].text)[1](xs), (xs > 0) * 1.0)


@pytest.mark.parametrize("loss", ["log-loss", "squared error"])
@pytest.mark.parametrize("w, x, b, y", [(0.8, 1.5, -0.5, 1.0), (-2.0, 0.3, 1.0, 0.0), (4.0, -5.0, 5.0, 0.25)])
def test_chain_rule_products_match_symbolic_and_finite_differences(loss, w, x, b, y):
    g = chain_rule(w, x, b, y, loss)
    for name in ("w", "x", "b"):
        assert g.paths[name][1] == pytest.approx(g.symbolic[name], rel=1e-9, abs=1e-12)

    def total(w_, x_, b_):
        return chain_rule(w_, x_, b_, y, loss).node("L").value

    h = 1e-6
    fd_w = (total(w + h, x, b) - total(w - h, x, b)) / (2 * h)
    fd_b = (total(w, x, b + h) - total(w, x, b - h)) / (2 * h)
    assert g.paths["w"][1] == pytest.approx(fd_w, rel=1e-5, abs=1e-8)
    assert g.paths["b"][1] == pytest.approx(fd_b, rel=1e-5, abs=1e-8)


def test_chain_rule_forward_values_by_hand():
    g = chain_rule(2.0, 3.0, -6.0, 1.0, "squared error")
    assert g.node("z").value == 0.0
    assert g.node("a").value == 0.5
    assert g.node("L").value == 0.25
    assert g.edge("z", "a").value == 0.25
    assert g.edge("a", "L").value == -1.0
    assert g.paths["w"] == (("w", "z", "a", "L"), -0.75)
    with pytest.raises(ValueError, match="loss"):
        chain_rule(1, 1, 1, 1, "hinge")


def test_state_round_trip_and_validation():
    s = DerivativesState(
        expression="x^3 - 2x",
        preset="custom",
        x0=-1.25,
        h=1e-3,
        show_second=True,
        chain_w=-2.0,
        chain_loss="squared error",
        tab="chain",
        view=(-3.0, 3.0, -5.0, 5.0),
    )
    assert from_dict(DerivativesState, to_dict(s)) == s
    bad = to_dict(s)
    bad["expression"] = "x +* 2"
    with pytest.raises(SchemaError, match="expression"):
        from_dict(DerivativesState, bad)
    bad = to_dict(s) | {"view": [1.0, -1.0, 0.0, 1.0]}
    with pytest.raises(SchemaError, match="view"):
        from_dict(DerivativesState, bad)
    with pytest.raises(SchemaError, match="h"):
        from_dict(DerivativesState, to_dict(s) | {"h": 0.0})


def _close(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return a == pytest.approx(b, rel=1e-9, abs=1e-15) or (math.isnan(a) and math.isnan(b))


@pytest.mark.parametrize(
    "state",
    [
        DerivativesState(),
        DerivativesState(
            expression="sin(x)*exp(-x^2/5)", preset="wave", x0=-0.4, h=1e-4, chain_loss="squared error", chain_y=0.0
        ),
    ],
)
def test_code_snippet_reproduces_metrics(state, capsys):
    m = metrics(state)
    namespace: dict = {}
    exec(code(state), namespace)
    result = namespace["result"]
    assert set(result) <= set(m) and len(result) >= 8
    for key, value in result.items():
        assert _close(float(value), m[key]), key
    assert "f(x)" in capsys.readouterr().out


def test_metrics_values_by_hand():
    m = metrics(DerivativesState(expression="x^2", preset="custom", x0=3.0, h=0.5))
    assert m["f_x0"] == 9.0 and m["slope"] == 6.0 and m["second_derivative"] == 2.0
    assert m["secant_slope"] == pytest.approx(6.5) and m["fd_error"] == pytest.approx(0.5)
    assert m["central_error"] == pytest.approx(0.0, abs=1e-12)
    assert m["derivative_formula"] == "2x" and m["chain_matches_symbolic"] is True


def test_bad_expression_raises_expression_error():
    with pytest.raises(ExpressionError):
        derivatives("sin(")
