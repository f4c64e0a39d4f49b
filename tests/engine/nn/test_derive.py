"""derive(NetworkState) against independent references: a forward pass written out in numpy, hand-worked networks,
scikit-style accuracy counts; the field specs; and step budgets of TrainingRun.advance."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engine.nn import (
    NetworkState,
    TrainingRun,
    derive,
    network_params,
    point_arrays,
    same_network,
    state_data,
    state_points,
    training_config,
)
from engine.optim import OptimizerConfig
from engine.schema import field_spec, field_specs


def _numpy_forward(state: NetworkState, x: np.ndarray) -> np.ndarray:
    """The output logit written out by hand: W has shape (out, in), as in torch; flat = [W1, b1, W2, b2, ...]."""
    params, sizes = network_params(state), (2, *state.hidden, 1)
    act = {"tanh": np.tanh, "relu": lambda z: np.maximum(z, 0), "sigmoid": lambda z: 1 / (1 + np.exp(-z))}
    a, at = x, 0
    for k, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:], strict=True)):
        w = params[at : at + n_in * n_out].reshape(n_out, n_in)
        at += n_in * n_out
        b = params[at : at + n_out]
        at += n_out
        z = a @ w.T + b
        a = z if k == len(sizes) - 2 else act[state.activation](z)
    return a[:, 0]


@pytest.mark.parametrize("hidden, activation", [((), "tanh"), ((3,), "relu"), ((4, 2), "tanh"), ((2, 3, 2), "sigmoid")])
def test_losses_and_accuracy_match_a_numpy_forward_pass(hidden, activation):
    state = dataclasses.replace(NetworkState(), hidden=hidden, activation=activation, dataset="moons", seed=3)
    r = derive(state)
    data = state_data(state)
    assert r.ok and r.data_error == ""
    z = _numpy_forward(state, data.x_train)
    p = 1 / (1 + np.exp(-z))
    y = data.y_train
    ref_loss = float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))
    assert r.train_loss == pytest.approx(ref_loss, rel=1e-9)
    assert r.train_accuracy == pytest.approx(np.mean((p >= 0.5) == (y == 1)))
    zt = _numpy_forward(state, data.x_test)
    assert r.test_accuracy == pytest.approx(np.mean((zt >= 0) == (data.y_test == 1)))
    assert r.train_loss_text == f"{ref_loss:.4f}"
    assert r.accuracy_text == f"{r.train_accuracy:.1%} / {r.test_accuracy:.1%}"


def test_mse_loss_matches_its_definition():
    state = dataclasses.replace(NetworkState(), loss="mse")
    r, data = derive(state), state_data(state)
    p = 1 / (1 + np.exp(-_numpy_forward(state, data.x_train)))
    assert r.train_loss == pytest.approx(float(np.mean((p - data.y_train) ** 2)), rel=1e-9)


def test_hand_worked_logistic_regression_map_and_boundary():
    # p = sigmoid(x1 - x2): the boundary is the diagonal x2 = x1, and p(1, 0) = sigmoid(1)
    state = dataclasses.replace(NetworkState(), hidden=(), weights=(1.0, -1.0, 0.0))
    r = derive(state, plane_view=(-2.0, 2.0, -2.0, 2.0), resolution=4)
    centres = np.array([-1.5, -0.5, 0.5, 1.5])
    gx, gy = np.meshgrid(centres, centres, indexing="ij")
    assert r.probability == pytest.approx(1 / (1 + np.exp(-(gx - gy))))
    assert r.plane_view == (-2.0, 2.0, -2.0, 2.0)
    assert len(r.boundary) and np.allclose(r.boundary[:, 0], r.boundary[:, 1])  # every segment end on x2 = x1
    assert "2-1" in r.architecture and "logistic regression" in r.architecture and "3 parameters" in r.architecture
    assert r.can_add_layer and not r.can_remove_layer


def test_backprop_trace_of_the_probe_follows_the_chain_rule():
    state = dataclasses.replace(NetworkState(), hidden=(), weights=(0.5, -0.25, 0.1), probe=10_000)
    r, data = derive(state), state_data(state)
    assert r.probe == len(data.y_train) - 1  # clamped to the training set
    x, y = data.x_train[r.probe], data.y_train[r.probe]
    assert r.probe_xy == pytest.approx(tuple(x))
    p = 1 / (1 + np.exp(-(0.5 * x[0] - 0.25 * x[1] + 0.1)))
    assert r.trace.probability == pytest.approx(p)
    assert r.trace.grad_w[0][0] == pytest.approx((p - y) * x)  # log-loss: dL/dz = p - y, dz/dw = x
    assert r.trace.bias[0] == pytest.approx([0.1])


def test_stages_start_with_the_input_plane_and_the_separator_lies_on_the_output_line():
    state = dataclasses.replace(NetworkState(), hidden=(2,), stage=99)
    r = derive(state)
    assert len(r.stages) == 5 and r.stage == 4  # input, then (W·x+b, activation) per layer; clamped
    assert r.stages[0].title == "input plane"
    assert len(r.stage_labels) == len(r.stages[0].points)
    at = derive(dataclasses.replace(state, stage=2))  # layer 1 after tanh: exactly 2-D, the output unit separates
    w1, w2, b = at.stages[2].separator
    assert at.separator is not None and w1 * at.separator[:, 0] + w2 * at.separator[:, 1] + b == pytest.approx(0)


def test_without_layers_derive_leaves_only_the_stages_out():
    state = dataclasses.replace(NetworkState(), hidden=(2,), stage=2)
    full, lean = derive(state), derive(state, layers=False)
    assert lean.stages == () and lean.separator is None and lean.stage == 0
    assert np.array_equal(lean.probability, full.probability) and np.array_equal(lean.boundary, full.boundary)
    assert (lean.train_loss, lean.accuracy_text, lean.probe_xy) == (full.train_loss, full.accuracy_text, full.probe_xy)


def test_degenerate_data_names_the_problem_and_keeps_the_points():
    state = dataclasses.replace(NetworkState(), dataset="custom", points=((0.0, 0.0, 1), (1.0, 1.0, 1)))
    r = derive(state)
    assert not r.ok and "both classes" in r.data_error
    assert r.all_points.shape == (2, 2) and list(r.all_classes) == [1, 1]
    assert r.trace is None and r.stages == () and np.isnan(r.train_loss) and r.accuracy_text == "—"


def test_derive_is_pure_and_its_arrays_are_read_only():
    state = NetworkState()
    a, b = derive(state), derive(state)
    assert np.array_equal(a.probability, b.probability) and a.train_loss == b.train_loss
    for arr in (a.params, a.probability, a.boundary, a.all_points):
        with pytest.raises(ValueError):
            arr[...] = 0


def test_all_points_are_in_data_set_order():
    state = NetworkState()
    r = derive(state)
    xy, cls = point_arrays(state)
    assert np.array_equal(r.all_points, xy) and np.array_equal(r.all_classes, cls)
    assert state_points(state)[0] == (xy[0, 0], xy[0, 1], int(cls[0]))


def test_every_field_default_lies_in_its_range():
    for name, fs in field_specs(NetworkState).items():
        values = fs.default if isinstance(fs.default, tuple) else (fs.default,)
        for v in np.ravel(np.array(values, dtype=object)):
            if isinstance(v, int | float) and not isinstance(v, bool):
                assert (fs.lo is None or fs.lo <= v) and (fs.hi is None or v <= fs.hi), name
        if fs.soft_lo is not None:
            assert fs.lo <= fs.soft_lo < fs.soft_hi <= fs.hi, name


def test_learning_rate_range_is_the_optimizer_labs_and_never_narrower_than_before():
    lr, opt = field_spec(NetworkState, "lr"), field_spec(OptimizerConfig, "lr")
    assert lr.lo <= 0.0 and lr.hi >= 100.0  # old scene files hold 0..100
    assert (lr.lo, lr.hi) == (min(opt.lo, 0.0), max(opt.hi, 100.0))
    assert (lr.step, lr.soft_lo, lr.soft_hi, lr.log) == (opt.step, opt.soft_lo, opt.soft_hi, opt.log)


def test_training_config_and_same_network():
    s = NetworkState()
    trained = dataclasses.replace(s, weights=tuple(network_params(s)), epoch=4, probe=2)
    assert training_config(trained) == training_config(s)
    assert same_network(s, dataclasses.replace(s, dataset="custom", points=((0.0, 0.0, 0),)))
    assert not same_network(s, dataclasses.replace(s, lr=0.1))


def test_advance_with_a_step_budget_is_exact():
    state = NetworkState()  # 140 training points, batch 10: 14 steps an epoch
    run = TrainingRun(state)
    assert run.advance(None, max_steps=5) == "ready" and run.epoch == 0 and run.partial
    run.advance(None, max_steps=9)
    assert run.epoch == 1 and not run.partial
    run.advance(None, max_epochs=2, max_steps=1000)
    assert run.epoch == 3
    ref = TrainingRun(state)
    ref.run(3)
    assert np.array_equal(ref.params, run.params)  # slicing by steps retraces whole epochs exactly
