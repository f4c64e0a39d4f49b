"""derive(state) of the Derivatives lab against hand-worked values and plain numpy; the field specs are sane."""

import dataclasses
import importlib
import math

import numpy as np
import pytest

from engine import labs
from engine.calculus import (
    ERROR_FLOOR,
    N_SAMPLES,
    PRESETS,
    DerivativesResults,
    DerivativesState,
    derive,
    export_tables,
    simplified_formulas,
    sketch,
    with_point,
    with_preset,
)
from engine.expr import ExpressionError, parse
from engine.schema import field_specs


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))


def test_default_state_against_the_sigmoid_by_hand():
    s = DerivativesState()
    r = derive(s)
    sig = _sigmoid(1.0)
    slope = sig * (1 - sig)
    second = slope * (1 - 2 * sig)
    secant = (_sigmoid(1.5) - sig) / 0.5
    central = (_sigmoid(1.5) - _sigmoid(0.5)) / 1.0
    assert r.fx == pytest.approx(sig, rel=1e-12) and r.point_visible
    assert r.readouts["f"] == f"{sig:.6g}"
    assert r.readouts["slope"] == f"{slope:.6g}"
    assert r.readouts["second"] == f"{second:.6g}"
    assert r.readouts["secant"] == f"{secant:.6g}"
    assert r.readouts["fd_error"] == f"{abs(secant - slope):.6g}"
    assert r.readouts["central"] == f"{central:.6g} (error {abs(central - slope):.6g})"
    ends, ys = r.tangent
    np.testing.assert_allclose(ends, s.view[:2])
    np.testing.assert_allclose(ys, sig + slope * (ends - 1.0), rtol=1e-12)
    ends, ys = r.secant
    np.testing.assert_allclose(ys, sig + secant * (ends - 1.0), rtol=1e-12)
    assert r.secant_end == pytest.approx((1.5, _sigmoid(1.5)))
    assert r.log_h == pytest.approx(math.log10(0.5))
    assert r.slope_label == f" slope {slope:.4g} " and r.slope_label_pos == pytest.approx((1.0, sig))
    assert r.formulas == ("σ(x)", "(1 − σ(x))·σ(x)")


def test_curves_sample_f_and_its_derivatives_over_the_view():
    s = DerivativesState(expression="x^3 - 2x", preset="custom", view=(-2.0, 3.0, -5.0, 5.0), show_second=True)
    c = derive(s).curves
    xs = np.linspace(-2.0, 3.0, N_SAMPLES)
    np.testing.assert_allclose(c.xs, xs)
    np.testing.assert_allclose(c.f, xs**3 - 2 * xs, atol=1e-12)
    np.testing.assert_allclose(c.df, 3 * xs**2 - 2, atol=1e-12)
    np.testing.assert_allclose(c.d2f, 6 * xs, atol=1e-12)
    assert not c.f.flags.writeable  # shared between results: nobody may change them
    assert len(derive(s).formulas) == 3


def test_tangent_readout_of_a_parabola_by_hand():
    s = DerivativesState(expression="x^2", preset="custom", x0=3.0, h=1.0)
    r = derive(s)
    assert r.readouts["tangent"] == "y = 6·x − 9"  # 9 + 6(x − 3)
    assert r.readouts["secant"] == "7"  # (16 − 9)/1
    assert r.readouts["central"] == "6 (error 0)"


def test_error_curve_is_the_floored_numpy_v():
    s = DerivativesState(expression="exp(x)", preset="custom", x0=1.0)
    e = derive(s).error
    h = np.logspace(-16, 0, 121)
    with np.errstate(all="ignore"):
        fwd = np.abs((np.exp(1.0 + h) - np.exp(1.0)) / h - math.e)
    np.testing.assert_allclose(e.h, h)
    np.testing.assert_allclose(e.forward, np.maximum(fwd, ERROR_FLOOR), rtol=1e-6)
    assert e.forward.min() >= ERROR_FLOOR
    top = max(np.nanmax(e.forward), np.nanmax(e.central), 1.0)
    assert e.y_range == (pytest.approx(-17.5), pytest.approx(math.ceil(math.log10(top)) + 0.5))
    assert e.best_text.startswith("Smallest error at h ≈ ")


def test_chain_values_match_the_neuron_by_hand():
    s = DerivativesState(chain_w=0.8, chain_x=1.5, chain_b=-0.5, chain_y=1.0, chain_loss="log-loss")
    g = derive(s).chain
    z = 0.8 * 1.5 - 0.5
    a = float(_sigmoid(z))
    assert g.node("z").value == pytest.approx(z)
    assert g.node("L").value == pytest.approx(-math.log(a))
    assert g.paths["w"][1] == pytest.approx((a - 1.0) * 1.5, rel=1e-12)  # dL/dz = a − y for log-loss with σ
    assert all(g.matches.values())


def test_undefined_points_give_named_messages_and_no_lines():
    r = derive(DerivativesState(expression="log(x)", preset="custom", x0=-1.0, view=(-2, 2, -2, 2)))
    assert not r.point_visible and r.tangent is None and r.secant is None and r.secant_end is None
    assert r.slope_label == "" and r.readouts["f"] == "undefined"
    assert r.readouts["tangent"] == "undefined here"
    r = derive(DerivativesState(expression="sqrt(x)", preset="custom", x0=0.0, view=(-1, 2, -1, 2)))
    assert r.point_visible and r.tangent is None and r.slope_label == " not differentiable here "
    assert r.error.best_text == "f′(x₀) is undefined here, so there is no error to measure."


def test_hidden_secant_and_shared_parts():
    s = DerivativesState()
    assert derive(dataclasses.replace(s, show_secant=False)).secant is None
    r = derive(s)
    moved_h = derive(dataclasses.replace(s, h=0.01))
    assert moved_h.curves is r.curves and moved_h.error is r.error and moved_h.chain is r.chain
    moved_x0 = derive(dataclasses.replace(s, x0=0.2))
    assert moved_x0.curves is r.curves and moved_x0.error is not r.error


def test_bad_formula_raises():
    with pytest.raises(ExpressionError):
        derive(DerivativesState(expression="x +", preset="custom"))


def test_sketch_agrees_with_derive():
    s = DerivativesState()
    k, r = sketch(s), derive(s)
    np.testing.assert_allclose(k.xs, r.curves.xs)
    np.testing.assert_allclose(k.f, r.curves.f, rtol=1e-12)
    assert k.fx == pytest.approx(r.fx) and k.readout_f == r.readouts["f"] and k.formula == "σ(x)"


def test_simplified_formulas_and_export():
    texts = simplified_formulas("(x+1)^2 + x*(x-1)", False)
    assert len(texts) == 2 and "4x + 1" in texts[1]
    tables = export_tables(DerivativesState(expression="x^2", preset="custom", view=(-1, 1, -1, 1)))
    header, rows = tables["curves"]
    assert header == ["x", "f", "df", "d2f"] and len(rows) == 401
    assert rows[-1] == pytest.approx([1.0, 1.0, 2.0, 2.0])
    assert tables["fd_error"][0] == ["h", "forward_error", "central_error"]


def test_point_and_preset_edits():
    s = DerivativesState(view=(-2.0, 2.0, -1.0, 1.0))
    assert with_point(s, 5.0).x0 == 2.0 and with_point(s, -0.3).x0 == -0.3
    relu = with_preset(dataclasses.replace(s, x0=-1.9), "relu")
    assert relu.expression == "relu(x)" and relu.view == PRESETS["relu"].view and relu.x0 == -1.9
    assert with_preset(s, "custom") == dataclasses.replace(s, preset="custom")


def test_the_registry_derives_this_lab():
    assert isinstance(labs.derive("derivatives", DerivativesState()), DerivativesResults)


def test_every_field_default_lies_within_its_spec():
    for name, fs in field_specs(DerivativesState).items():
        values = fs.default if isinstance(fs.default, tuple) else (fs.default,)
        for v in values:
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                assert fs.lo is None or fs.lo <= v, name
                assert fs.hi is None or v <= fs.hi, name
        if fs.soft_lo is not None:
            assert fs.lo <= fs.soft_lo < fs.soft_hi <= fs.hi, name
        if fs.choices is not None:
            assert fs.default in fs.choices, name


@pytest.mark.parametrize("expression", ["step(x)", "sign(x)", "step(x)*x^2", "sign(x - 1) + x"])
@pytest.mark.parametrize("x0", [0.0, 1.0, 0.5])
def test_a_step_or_sign_is_not_differentiable_at_its_jump_never_a_name_error(expression, x0):
    """f″ of step/sign holds sympy's DiracDelta(x, 1): 0 away from the jump, a named 'undefined' at it."""
    state = DerivativesState(expression=expression, preset="custom", x0=x0)
    m = labs.metrics("derivatives", state)
    r = derive(state)
    shifted = expression.startswith("sign(x - 1)")
    at_jump = (shifted and x0 == 1.0) or (not shifted and x0 == 0)
    if at_jump:
        assert math.isnan(m["slope"]) and math.isnan(m["second_derivative"])
        assert r.slope_label == " not differentiable here "
    else:
        h = 1e-6
        f = parse(expression)
        assert m["second_derivative"] == pytest.approx(
            (float(f(x0 + h)) - 2 * float(f(x0)) + float(f(x0 - h))) / h**2, abs=1e-3
        )


def test_error_curve_and_readouts_are_worked_out_once_when_first_read(monkeypatch) -> None:
    """During a point drag the error plot and the side column catch up at 10 Hz: derive leaves the error curve (half
    its time a move) and the readout texts until they are read, then works each out once."""
    module = importlib.import_module("engine.calculus.derive")
    calls = []
    original = module._error_curve
    monkeypatch.setattr(module, "_error_curve", lambda *a: calls.append(a) or original(*a))
    s = DerivativesState(expression="x^2", x0=3.0, h=1.0, view=(-5.0, 5.0, -2.0, 20.0))
    r = derive(s)
    assert calls == [] and r.fx == 9.0
    assert r.readouts["tangent"] == "y = 6·x − 9" and r.readouts["best"] == r.error.best_text
    assert r.error is derive(s).error is original("x^2", 3.0)  # the same object while formula and x₀ stay
    assert calls == [("x^2", 3.0)] * 2  # once per results, however often read
