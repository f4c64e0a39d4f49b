"""Optimizer steppers and runs against hand-worked steps, independent torch-formula loops and torch itself."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import optim
from engine.optim import (
    OPTIMIZERS,
    OptimizerError,
    OptimizerState,
    code,
    make_stepper,
    metrics,
    narrate,
    run,
    run_many,
    with_surface,
)
from engine.optim import objectives as obj
from engine.schema import SchemaError, from_dict, to_dict

ROSEN = obj.preset("rosenbrock")
START = (-1.5, 2.0)


def rosen_grad(p):
    x, y = p
    return np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])


# --- independent reference loops, written from the formulas in the torch.optim docs ------------------------
def ref_sgd(p, steps, lr, momentum=0.0, dampening=0.0, nesterov=False):
    p = np.array(p, float)
    out, b = [p.copy()], None
    for t in range(1, steps + 1):
        g = rosen_grad(p)
        if momentum != 0:
            b = g.copy() if t == 1 else momentum * b + (1 - dampening) * g
            g = g + momentum * b if nesterov else b
        p = p - lr * g
        out.append(p.copy())
    return np.array(out)


def ref_adagrad(p, steps, lr, eps=1e-10, lr_decay=0.0, init=0.0):
    p = np.array(p, float)
    s = np.full(2, init)
    out = [p.copy()]
    for t in range(1, steps + 1):
        g = rosen_grad(p)
        clr = lr / (1 + (t - 1) * lr_decay)
        s = s + g * g
        p = p - clr * g / (np.sqrt(s) + eps)
        out.append(p.copy())
    return np.array(out)


def ref_rmsprop(p, steps, lr, alpha=0.99, eps=1e-8):
    p = np.array(p, float)
    v = np.zeros(2)
    out = [p.copy()]
    for _ in range(steps):
        g = rosen_grad(p)
        v = alpha * v + (1 - alpha) * g * g
        p = p - lr * g / (np.sqrt(v) + eps)
        out.append(p.copy())
    return np.array(out)


def ref_adam(p, steps, lr, b1=0.9, b2=0.999, eps=1e-8):
    p = np.array(p, float)
    m = np.zeros(2)
    v = np.zeros(2)
    out = [p.copy()]
    for t in range(1, steps + 1):
        g = rosen_grad(p)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        mhat, vhat = m / (1 - b1**t), v / (1 - b2**t)
        p = p - lr * mhat / (np.sqrt(vhat) + eps)
        out.append(p.copy())
    return np.array(out)


CASES = [
    ("gd", {"lr": 1e-3}, lambda: ref_sgd(START, 40, 1e-3)),
    ("momentum", {"lr": 1e-3, "momentum": 0.8}, lambda: ref_sgd(START, 40, 1e-3, 0.8)),
    ("momentum", {"lr": 1e-3, "momentum": 0.8, "dampening": 0.3}, lambda: ref_sgd(START, 40, 1e-3, 0.8, 0.3)),
    ("nesterov", {"lr": 1e-3, "momentum": 0.9}, lambda: ref_sgd(START, 40, 1e-3, 0.9, nesterov=True)),
    ("adagrad", {"lr": 0.2}, lambda: ref_adagrad(START, 40, 0.2)),
    (
        "adagrad",
        {"lr": 0.2, "lr_decay": 0.1, "initial_accumulator_value": 0.5},
        lambda: ref_adagrad(START, 40, 0.2, 1e-10, 0.1, 0.5),
    ),
    ("rmsprop", {"lr": 0.01, "alpha": 0.9}, lambda: ref_rmsprop(START, 40, 0.01, 0.9)),
    ("adam", {"lr": 0.05, "beta1": 0.8, "beta2": 0.99}, lambda: ref_adam(START, 40, 0.05, 0.8, 0.99)),
]


@pytest.mark.parametrize(("name", "hp", "reference"), CASES)
def test_run_matches_documented_torch_formulas(name, hp, reference):
    tr = run(ROSEN, START, name, 40, **hp)
    np.testing.assert_allclose(tr.points, reference(), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(("name", "hp", "reference"), CASES)
def test_typed_rosenbrock_follows_the_same_formulas(name, hp, reference):
    # The typed formula runs through the plain-float compiler of its (sympy-derived) gradient.
    tr = run(obj.from_expression("(1-x)^2 + 100*(y-x^2)^2"), START, name, 40, **hp)
    np.testing.assert_allclose(tr.points, reference(), rtol=1e-10, atol=1e-12)


def test_run_many_is_the_same_as_separate_runs():
    configs = {"adam": {"lr": 0.05}, "gd": {"lr": 1e-3}, "newton": {}, "momentum": {"lr": 1e-3, "momentum": 0.5}}
    many = run_many(ROSEN, START, configs, 200)
    assert list(many) == ["gd", "momentum", "adam", "newton"]  # OPTIMIZERS order, whatever the dict order
    for name, tr in many.items():
        one = run(ROSEN, START, name, 200, **configs[name])
        assert np.array_equal(tr.points, one.points) and np.array_equal(tr.values, one.values)
        assert tr.status == one.status and tr.message == one.message
        for key, arr in one.internals.items():
            assert np.array_equal(tr.internals[key], arr)
    with pytest.raises(OptimizerError, match="beta1"):
        run_many(ROSEN, START, {"adam": {"beta1": 2.0}}, 10)


def test_internals_stop_with_the_path_when_a_run_diverges():
    q = obj.quadratic(10.0, 0.0)
    for name in ("momentum", "nesterov", "adagrad", "rmsprop", "adam"):
        tr = run(q, (1.0, 1.0), name, 500, lr=1e6)
        assert tr.status == "diverged", name
        for arr in tr.internals.values():
            assert len(arr) == tr.steps and np.all(np.isfinite(arr))


@pytest.mark.parametrize(("name", "hp", "reference"), CASES)
def test_stepper_matches_documented_torch_formulas(name, hp, reference):
    s = make_stepper(name, **hp)
    p = np.array(START)
    pts = [p]
    for _ in range(40):
        p = s.step(p, rosen_grad(p))
        pts.append(p)
    np.testing.assert_allclose(np.array(pts), reference(), rtol=1e-12, atol=1e-12)
    assert s.t == 40


def test_first_steps_by_hand():
    # f = x² + y² from (1, 2): g = (2, 4).
    bowl = obj.quadratic(1.0, 0.0)  # ½(x² + y²), g = (x, y)
    tr = run(bowl, (1.0, 2.0), "gd", 1, lr=0.5)
    assert tr.points[1] == pytest.approx((0.5, 1.0))
    # Adam's first step is lr·sign(g) (bias correction makes m̂ = g, v̂ = g²), up to eps.
    tr = run(bowl, (1.0, -2.0), "adam", 1, lr=0.1)
    assert tr.points[1] == pytest.approx((0.9, -1.9), abs=1e-7)
    # RMSprop's first step: v = 0.01·g², step = lr·g/(0.1·|g|) = 10·lr·sign(g).
    tr = run(bowl, (1.0, -2.0), "rmsprop", 1, lr=0.01)
    assert tr.points[1] == pytest.approx((0.9, -1.9), abs=1e-7)
    # AdaGrad's first step: s = g², step = lr·sign(g).
    tr = run(bowl, (3.0, -1.0), "adagrad", 1, lr=0.5)
    assert tr.points[1] == pytest.approx((2.5, -0.5), abs=1e-9)
    # Momentum: b1 = g, b2 = μ·b1 + g2.
    tr = run(bowl, (1.0, 0.0), "momentum", 2, lr=0.5, momentum=0.5)
    assert tr.points[1] == pytest.approx((0.5, 0.0))  # b = 1
    assert tr.points[2] == pytest.approx((0.5 - 0.5 * (0.5 * 1 + 0.5), 0.0))  # b = 1.0 → 0.0
    assert tr.internals["velocity"][1] == pytest.approx((1.0, 0.0))


def test_newton_solves_a_quadratic_in_one_step():
    q = obj.quadratic(50.0, 20.0)
    tr = run(q, (2.0, -1.0), "newton", 10)
    assert tr.status == "converged"
    assert tr.steps == 1
    np.testing.assert_allclose(tr.points[1], (0.0, 0.0), atol=1e-12)


def test_newton_stops_on_a_singular_hessian():
    from engine.optim import Objective

    flat = Objective(
        "flat",
        "x",
        lambda x, y: x,
        lambda x, y: (1.0, 0.0),
        lambda x, y: (0.0, 0.0, 0.0),
        lambda x, y: x,
        lambda x, y: (1.0 + 0 * x, 0 * y),
        (-1, 1, -1, 1),
        (0.0, 0.0),
    )
    tr = run(flat, (0.3, 0.1), "newton", 10)
    assert tr.status == "diverged"
    assert "singular" in tr.message
    assert tr.points.shape == (1, 2)
    with pytest.raises(optim.SingularHessianError):
        make_stepper("newton").step(np.zeros(2), np.ones(2), np.zeros((2, 2)))


def test_newton_on_a_saddle_warns_it_is_not_a_minimum():
    tr = run(obj.preset("saddle"), (-1.0, 0.5), "newton", 10)
    assert tr.status == "converged"  # Newton jumps straight to the stationary point ...
    assert "not positive definite" in tr.message  # ... and says it is a saddle, not a minimum


@pytest.mark.parametrize("name", ["gd", "momentum", "nesterov"])
def test_divergence_is_detected_and_leaves_no_nan(name):
    q = obj.quadratic(10.0, 0.0)  # λmax = 10: GD is stable only for lr < 0.2
    tr = run(q, (1.0, 1.0), name, 5000, lr=1.0)
    assert tr.status == "diverged"
    assert np.all(np.isfinite(tr.points)) and np.all(np.isfinite(tr.values))
    assert tr.steps < 5000
    assert "diverged" in tr.message


def test_saddle_gd_escapes_and_diverges_without_nan():
    tr = run(obj.preset("saddle"), (-1.8, 0.05), "gd", 5000, lr=0.1)
    assert tr.status == "diverged"
    assert np.all(np.isfinite(tr.points))


@pytest.mark.parametrize(("name", "mu"), [("gd", 0.0), ("momentum", 0.9), ("nesterov", 0.9), ("momentum", 0.5)])
def test_stability_bound_separates_convergence_from_divergence(name, mu):
    q = obj.quadratic(20.0, 35.0)
    bound = optim.lr_stability_bound(name, 20.0, mu)
    hp = {} if name == "gd" else {"momentum": mu}
    below = run(q, (1.0, 1.0), name, 5000, lr=0.97 * bound, **hp)
    above = run(q, (1.0, 1.0), name, 5000, lr=1.03 * bound, **hp)
    assert below.status == "converged"
    assert above.status == "diverged"


def test_converged_status_and_step_limit():
    q = obj.quadratic(1.0, 0.0)
    assert run(q, (1.0, 1.0), "gd", 1000, lr=0.5).status == "converged"
    tr = run(ROSEN, START, "gd", 10, lr=1e-4)
    assert tr.status == "step limit" and tr.steps == 10 and "step limit" in tr.message


def test_non_finite_start_loss_is_diverged_not_a_crash():
    o = obj.from_expression("log(x) + y^2")
    tr = run(o, (-1.0, 1.0), "gd", 10, lr=0.1)
    assert tr.status == "diverged"
    assert tr.points.shape == (1, 2)


@pytest.mark.parametrize(
    ("name", "hp", "word"),
    [
        ("sgd", {}, "unknown optimizer"),
        ("adam", {"momentum": 0.9}, "momentum"),
        ("adam", {"beta1": 1.0}, "beta1"),
        ("gd", {"lr": -0.1}, "lr"),
        ("gd", {"lr": float("nan")}, "lr"),
        ("rmsprop", {"alpha": "big"}, "alpha"),
        ("momentum", {"momentum": True}, "momentum"),
    ],
)
def test_bad_names_and_values_are_refused_with_their_name(name, hp, word):
    with pytest.raises(OptimizerError, match=word):
        make_stepper(name, **hp)


def test_run_refuses_bad_steps_and_start():
    with pytest.raises(OptimizerError, match="steps"):
        run(ROSEN, START, "gd", -1)
    with pytest.raises(OptimizerError, match="start"):
        run(ROSEN, (math.nan, 0.0), "gd", 5)


def test_defaults_are_torchs():
    assert optim.DEFAULTS["adam"]["lr"] == 1e-3 and optim.DEFAULTS["adam"]["beta2"] == 0.999
    assert optim.DEFAULTS["adam"]["eps"] == 1e-8
    assert optim.DEFAULTS["adagrad"]["eps"] == 1e-10 and optim.DEFAULTS["adagrad"]["lr"] == 1e-2
    assert optim.DEFAULTS["rmsprop"]["alpha"] == 0.99 and optim.DEFAULTS["rmsprop"]["lr"] == 1e-2
    assert optim.DEFAULTS["gd"]["lr"] == 1e-3
    assert set(optim.DEFAULTS) == set(OPTIMIZERS)


def test_stepper_works_on_any_length_and_reports_internals():
    s = make_stepper("adam", lr=0.1)
    p = s.step(np.zeros(5), np.arange(5.0))
    assert p.shape == (5,)
    assert set(s.internals()) == {"exp_avg", "exp_avg_sq", "effective_lr"}
    with pytest.raises(OptimizerError, match="gradient has"):
        s.step(np.zeros(5), np.zeros(3))


def test_rosenbrock_race_is_fast_enough_to_be_interactive():
    # not a timing assert: a functional check that 1000 steps of every optimizer complete and stay finite
    for name in OPTIMIZERS:
        tr = run(ROSEN, START, name, 1000, lr=1.0 if name == "newton" else 1e-3)
        assert np.all(np.isfinite(tr.points))
        assert len(tr.values) == len(tr.points) == len(tr.grad_norms)


@given(x=st.floats(-5, 5), y=st.floats(-5, 5), lr=st.floats(1e-4, 10.0), name=st.sampled_from(OPTIMIZERS))
@settings(max_examples=60, deadline=None)
def test_runs_never_produce_nan_and_status_is_known(x, y, lr, name):
    tr = run(obj.preset("himmelblau"), (x, y), name, 60, lr=lr)
    assert tr.status in optim.STATUSES
    assert np.all(np.isfinite(tr.points)) and np.all(np.isfinite(tr.values))
    for arr in tr.internals.values():
        assert len(arr) == tr.steps


# --- torch itself, when installed -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "hp", "factory"),
    [
        ("gd", {"lr": 1e-3}, lambda t, p: t.optim.SGD(p, lr=1e-3)),
        ("momentum", {"lr": 1e-3}, lambda t, p: t.optim.SGD(p, lr=1e-3, momentum=0.9)),
        ("nesterov", {"lr": 1e-3}, lambda t, p: t.optim.SGD(p, lr=1e-3, momentum=0.9, nesterov=True)),
        ("adagrad", {"lr": 0.3}, lambda t, p: t.optim.Adagrad(p, lr=0.3)),
        ("rmsprop", {}, lambda t, p: t.optim.RMSprop(p)),
        ("adam", {"lr": 0.05}, lambda t, p: t.optim.Adam(p, lr=0.05)),
    ],
)
def test_matches_torch_optim(name, hp, factory):
    torch = pytest.importorskip("torch")
    p = torch.tensor(START, dtype=torch.float64, requires_grad=True)
    opt = factory(torch, [p])
    pts = [p.detach().numpy().copy()]
    for _ in range(60):
        opt.zero_grad()
        loss = (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2
        loss.backward()
        opt.step()
        pts.append(p.detach().numpy().copy())
    tr = run(ROSEN, START, name, 60, **hp)
    np.testing.assert_allclose(tr.points, np.array(pts), rtol=1e-10, atol=1e-12)


# --- lab state -----------------------------------------------------------------------------------------------
def test_state_round_trip_non_default():
    s = with_surface(OptimizerState(), "quadratic", kappa=40.0)
    s = s.with_config(type(s.configs[0])(name="gd", enabled=True, lr=0.01))
    assert from_dict(OptimizerState, to_dict(s)) == s


def test_state_refuses_bad_scene_data():
    d = to_dict(OptimizerState())
    d["configs"] = d["configs"][:3]
    with pytest.raises(SchemaError, match="configs"):
        from_dict(OptimizerState, d)
    d = to_dict(OptimizerState())
    d["start"] = [float("inf"), 0.0]
    with pytest.raises(SchemaError, match="start"):
        from_dict(OptimizerState, d)


@pytest.mark.parametrize("surface", ["rosenbrock", "quadratic", "line_fit", "expression", "saddle"])
def test_code_snippet_reproduces_metrics(surface):
    s = with_surface(OptimizerState(), surface)
    s = s.with_config(s.config("rmsprop").__class__(**{**to_dict(s.config("rmsprop")), "enabled": True}))
    m = metrics(s)
    ns: dict = {}
    exec(code(s), ns)
    result = ns["result"]
    assert set(result) <= set(m)
    assert len(result) >= 5
    for k, v in result.items():
        if isinstance(v, float):
            assert v == pytest.approx(m[k], rel=1e-9, abs=1e-12), k
        else:
            assert v == m[k], k


def test_metrics_have_the_same_keys_for_every_state():
    base = OptimizerState()
    all_off = dataclasses.replace(base, configs=tuple(dataclasses.replace(c, enabled=False) for c in base.configs))
    bad = dataclasses.replace(base, surface="expression", expression="x^2 + y^2")
    bad = dataclasses.replace(bad, expression="log(")  # an unusable formula (a scene edited by hand)
    states = [base, all_off, with_surface(base, "line_fit"), with_surface(base, "quadratic"), bad]
    keys = [set(metrics(s)) for s in states]
    assert all(k == keys[0] for k in keys)
    for name in OPTIMIZERS:
        assert {f"{name}_status", f"{name}_final_loss", f"{name}_steps", f"{name}_enabled"} <= keys[0]
    m = metrics(all_off)
    assert all(m[f"{n}_status"] == "off" and math.isnan(m[f"{n}_final_loss"]) for n in OPTIMIZERS)
    assert m["gd_lr"] == base.config("gd").lr and m["gd_enabled"] is False
    m = metrics(base)
    assert m["nesterov_status"] == "off" and math.isnan(m["nesterov_final_x"])  # disabled by default
    assert m["gd_status"] in optim.STATUSES and m["gd_steps"] == base.steps
    assert math.isnan(m["lambda_max"]) and math.isnan(m["lsq_slope"])  # Rosenbrock: no constant curvature
    m = metrics(bad)
    assert m["error"] and m["adam_status"] == "error" and math.isnan(m["start_loss"])


def test_metrics_report_divergence_and_bound():
    s = with_surface(OptimizerState(), "quadratic", kappa=10.0)
    s = s.with_config(s.config("gd").__class__(name="gd", enabled=True, lr=0.25))
    m = metrics(s)
    assert m["lambda_max"] == pytest.approx(10.0)
    assert m["gd_lr_bound"] == pytest.approx(0.2)
    assert m["gd_status"] == "diverged"


def test_line_fit_metrics_match_numpy_polyfit():
    s = with_surface(OptimizerState(), "line_fit")
    m = metrics(s)
    slope, intercept = np.polyfit(*np.array(s.line_points).T, 1)
    assert m["lsq_slope"] == pytest.approx(slope) and m["lsq_intercept"] == pytest.approx(intercept)
    assert m["newton_final_x"] == pytest.approx(slope, abs=1e-9)


def test_narration_substitutes_numbers():
    tr = run(obj.quadratic(1.0, 0.0), (1.0, 2.0), "momentum", 3, lr=0.5, momentum=0.5)
    text = narrate(tr, 2)
    assert "step 2" in text and "0.5·(1, 2)" in text
    for name in OPTIMIZERS:
        t = run(ROSEN, START, name, 3, lr=1.0 if name == "newton" else 1e-3)
        assert "θ ←" in narrate(t, 1)


@pytest.mark.parametrize("expression", ["step(x) + x^2 + y^2", "sign(x)*x + y^2", "relu(x) + y^2", "max(x, y) + x^2"])
def test_newton_on_a_kink_or_step_names_it_and_never_raises_a_name_error(expression):
    """Newton needs f″: DiracDelta(x, 1) of a step is 0 off the jump; landing on the jump is 'not differentiable'."""
    from dataclasses import replace as _replace

    from engine import labs, optim

    state = _replace(optim.OptimizerState(), surface="expression", expression=expression, start=(1.0, 0.5))
    m = labs.metrics("optimizer", state)
    readout = optim.derive(state).readouts["newton"]
    assert m["newton_status"] in ("diverged", "converged", "step limit")
    assert math.isfinite(m["newton_final_loss"])
    if expression.startswith("step"):
        # f = x² + y² + (a step at x = 0): one Newton step lands exactly on the jump at (0, 0)
        assert "not differentiable at (0, 0)" in readout.message
    elif m["newton_status"] == "diverged":  # |x|, relu, max: f″ = 0 off the kink, so the Hessian is singular
        assert "singular" in readout.message


@pytest.mark.parametrize("name", [n for n in OPTIMIZERS if n != "newton"])
@pytest.mark.parametrize("weight_decay", [0.0, 0.05])
def test_fast_runs_take_the_steppers_steps_exactly(name, weight_decay):
    """The float loop writes each rule out per coordinate: the same numbers as the array steppers, bit for bit."""
    hp = {
        "gd": {"lr": 2e-3},
        "momentum": {"lr": 1e-3, "momentum": 0.7, "dampening": 0.2},
        "nesterov": {"lr": 1e-3, "momentum": 0.8},
        "adagrad": {"lr": 0.3, "lr_decay": 0.01, "initial_accumulator_value": 0.1},
        "rmsprop": {"lr": 0.01, "alpha": 0.9},
        "adam": {"lr": 0.05, "beta1": 0.8, "beta2": 0.99},
    }[name]
    hp["weight_decay"] = weight_decay
    tr = run(ROSEN, START, name, 80, tol=0.0, **hp)
    stepper = make_stepper(name, **hp)
    p = np.array(START, dtype=np.float64)
    for k in range(1, tr.steps + 1):
        p = stepper.step(p, ROSEN.gradient(p))
        assert np.array_equal(tr.points[k], p), k
        for key, value in stepper.internals().items():
            assert np.array_equal(tr.internals[key][k - 1], value), (k, key)
    assert tr.steps == 80
