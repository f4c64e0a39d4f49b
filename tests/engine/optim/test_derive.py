"""derive(state): the Optimizer lab's results against hand-worked values, numpy references and the field specs."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from engine import labs
from engine.optim import (
    OPTIMIZERS,
    OptimizerConfig,
    OptimizerState,
    derive,
    objectives,
    run,
    runs_key,
    with_surface,
)
from engine.schema import field_specs


def _quadratic(kappa=10.0, angle=30.0, **changes):
    return dataclasses.replace(with_surface(OptimizerState(), "quadratic"), kappa=kappa, angle=angle, **changes)


def test_derive_is_the_registered_one_and_pure():
    s = OptimizerState()
    a, b = derive(s), labs.derive("optimizer", s)
    assert a.runs_key == b.runs_key == runs_key(s)
    for name, tr in a.trajectories.items():
        np.testing.assert_array_equal(tr.points, b.trajectories[name].points)


def test_trajectories_are_the_runs_of_the_enabled_optimizers():
    s = OptimizerState()
    res = derive(s)
    enabled = [c.name for c in s.configs if c.enabled]
    assert list(res.trajectories) == enabled
    for c in s.configs:
        if c.enabled:
            ref = run(objectives.preset("rosenbrock"), s.start, c.name, s.steps, tol=1e-6, **c.hyperparameters())
            np.testing.assert_array_equal(res.trajectories[c.name].points, ref.points)


def test_lr_bounds_are_two_over_the_top_eigenvalue_on_a_quadratic():
    res = derive(_quadratic(kappa=10.0, angle=30.0))
    lam = 10.0  # the bowl's Hessian R·diag(1, κ)·Rᵀ has eigenvalues 1 and κ, whatever the rotation
    assert res.lambda_max == pytest.approx(lam)
    assert res.lr_bounds["gd"] == pytest.approx(2.0 / lam)
    mu = res.state.config("momentum").momentum
    assert res.lr_bounds["momentum"] == pytest.approx(2.0 * (1 + mu) / lam)
    assert res.lr_bounds["nesterov"] == pytest.approx(2.0 * (1 + mu) / ((1 + 2 * mu) * lam))
    assert res.lr_bounds["newton"] == 2.0
    assert "adam" not in res.lr_bounds and res.bound_texts["gd"].endswith("= 2/λmax")
    assert derive(OptimizerState()).lr_bounds == {}  # Rosenbrock: curvature varies, no bound


def test_hessian_axes_at_the_start_are_numpys_eigenvectors():
    s = _quadratic(kappa=4.0, angle=0.0, start=(1.0, -0.5))
    res = derive(s)
    h = res.objective.hessian(np.array(s.start))
    w, v = np.linalg.eigh(h)
    np.testing.assert_allclose(np.abs(res.start_axes), np.abs(v), atol=1e-12)
    assert f"λ = {w[0]:.4g}, {w[1]:.4g}" in res.start_curvature and "minimum-like" in res.start_curvature
    saddle = derive(with_surface(OptimizerState(), "saddle"))
    assert "saddle-like" in saddle.start_curvature


def test_readouts_at_the_position_match_the_trajectories():
    s = dataclasses.replace(OptimizerState(), position=7)
    res = derive(s)
    gd = res.trajectories["gd"]
    r = res.readouts["gd"]
    assert r.step == 7 and r.status == "running"
    assert r.point == (gd.points[7, 0], gd.points[7, 1])
    assert r.cells == ("running", f"{gd.values[7]:.3g}", f"{gd.grad_norms[7]:.2g}")
    assert r.narration.startswith("step 7: g = ∇f") and res.narration("gd").endswith(r.curvature)
    assert res.narration(None).startswith("Enable an optimizer")
    assert res.position == 7 and res.last_step == max(tr.steps for tr in res.trajectories.values())
    assert res.start_text == "(-1.5, 2)"


def test_loss_offset_is_the_known_minimum():
    res = derive(OptimizerState())  # Rosenbrock, f* = 0 at (1, 1)
    assert res.minima == ((1.0, 1.0),)
    assert res.loss_offset == 0.0 and res.loss_label == "f − f*"


def test_line_fit_best_line_is_numpys_least_squares():
    s = with_surface(OptimizerState(), "line_fit")
    res = derive(s)
    x, y = np.array(s.line_points).T
    slope, intercept = np.polyfit(x, y, 1)
    assert res.best_line == pytest.approx((slope, intercept), abs=1e-9)
    np.testing.assert_array_equal(res.line_points, np.array(s.line_points))


def test_previous_results_are_reused_only_where_inputs_are_unchanged():
    s = OptimizerState()
    first = derive(s)
    scrubbed = derive(dataclasses.replace(s, position=3), first)
    assert scrubbed.trajectories is first.trajectories and scrubbed.objective is first.objective
    moved = derive(dataclasses.replace(s, start=(0.0, 0.0)), first)
    assert moved.trajectories is not first.trajectories and moved.trajectories["gd"].points[0].tolist() == [0, 0]
    stale = derive(dataclasses.replace(s, start=(0.0, 0.0)), first, (first.runs_key, first.trajectories))
    assert stale.trajectories is first.trajectories and stale.runs_key != runs_key(stale.state)


def test_an_unusable_formula_is_a_message_not_an_exception():
    s = dataclasses.replace(OptimizerState(), surface="expression", expression="x^2 + y^2")
    assert derive(s).error == ""
    res = derive(dataclasses.replace(s, expression="x +"))
    assert res.error and res.objective is None and res.trajectories == {}


@pytest.mark.parametrize("cls", [OptimizerState, OptimizerConfig])
def test_every_field_default_lies_in_its_range(cls):
    for name, fs in field_specs(cls).items():
        if fs.lo is None and fs.hi is None:
            continue
        values = np.ravel(np.array(fs.default, dtype=float))
        assert np.all(values >= fs.lo) and np.all(values <= fs.hi), name
        if fs.soft_lo is not None:
            lo, hi = fs.slider_range
            assert fs.lo <= lo < hi <= fs.hi, name
            if fs.log:
                assert lo > 0, name
        if fs.step is not None:
            assert 0 < fs.step <= fs.hi - fs.lo, name


def test_every_default_config_is_inside_the_one_lr_range():
    from engine.schema import field_spec

    lr = field_spec(OptimizerConfig, "lr")
    lo, hi = lr.slider_range
    for surface in ("quadratic", "rosenbrock", "line_fit", "expression"):
        for c in with_surface(OptimizerState(), surface).configs:
            assert lo <= c.lr <= hi, (surface, c.name)
    assert math.isclose(lo, 1e-5) and math.isclose(hi, 10.0)
    assert tuple(c.name for c in OptimizerState().configs) == OPTIMIZERS


def test_readouts_are_worked_out_when_read_and_only_once(monkeypatch):
    """A drag derives the lab per move; only the readouts something reads (the focused run's point) cost a Hessian."""
    import dataclasses
    import importlib

    from engine.optim import OptimizerState

    derive_module = importlib.import_module("engine.optim.derive")  # (engine.optim.derive is also the function)

    state = OptimizerState()
    state = dataclasses.replace(state, configs=tuple(dataclasses.replace(c, enabled=True) for c in state.configs))
    made = []
    real = derive_module._readout
    monkeypatch.setattr(derive_module, "_readout", lambda o, tr, k: made.append(tr.optimizer) or real(o, tr, k))
    res = derive_module.derive(state)
    assert made == [] and len(res.readouts) == len(res.trajectories) >= 2
    first = next(iter(res.readouts))
    focused = res.readouts.get(first)
    assert made == [first] and res.readouts[first] is focused
    eager = {n: real(res.objective, tr, res.position) for n, tr in res.trajectories.items()}
    for name, r in res.readouts.items():  # the same readouts the eager derive made
        for f in dataclasses.fields(r):
            np.testing.assert_array_equal(getattr(r, f.name), getattr(eager[name], f.name))
    assert sorted(made) == sorted(res.trajectories)
