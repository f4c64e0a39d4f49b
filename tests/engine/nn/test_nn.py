"""Network lab engine: backprop against finite differences and PyTorch, data sets, bad input, state and code."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.nn import (
    ACTIVATIONS,
    GENERATED,
    LOSSES,
    MAX_WEIGHT,
    NetworkError,
    NetworkState,
    TrainingRun,
    backprop_trace,
    boundary_segments,
    check_points,
    code,
    generate,
    init_params,
    layer_stages,
    loss_and_grad,
    loss_value,
    make_layout,
    metrics,
    network_params,
    predict,
    probability_grid,
    sigmoid,
    state_data,
    state_layout,
    stratified_split,
)
from engine.schema import SchemaError, from_dict, to_dict

ARCHS = [(), (3,), (4, 3), (2, 3, 2)]


def _toy(n: int = 9, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 2))
    y = np.arange(n) % 2 * 1.0
    return x, y


def _finite_difference(params, layout, act, loss, x, y, h=1e-6):
    fd = np.zeros_like(params)
    for i in range(len(params)):
        e = np.zeros_like(params)
        e[i] = h
        plus = loss_and_grad(params + e, layout, act, loss, x, y)[0]
        minus = loss_and_grad(params - e, layout, act, loss, x, y)[0]
        fd[i] = (plus - minus) / (2 * h)
    return fd


# --- gradients --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("hidden", ARCHS)
@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("loss", LOSSES)
def test_backprop_matches_finite_differences(hidden, activation, loss):
    layout = make_layout(hidden)
    x, y = _toy()
    params = np.random.default_rng(len(hidden)).normal(0, 0.8, layout.n_params)
    value, grad = loss_and_grad(params, layout, activation, loss, x, y)
    fd = _finite_difference(params, layout, activation, loss, x, y)
    assert np.isfinite(value)
    np.testing.assert_allclose(grad, fd, rtol=1e-5, atol=1e-8)


def test_gradient_buffer_is_written_in_place():
    layout = make_layout((3,))
    x, y = _toy()
    params = init_params(layout, "tanh", 3)
    buf = np.full(layout.n_params, np.nan)
    _, grad = loss_and_grad(params, layout, "tanh", "logloss", x, y, buf)
    assert grad is buf and np.isfinite(buf).all()


def test_layer_views_share_memory_with_flat_vector():
    layout = make_layout((3, 2))
    flat = np.zeros(layout.n_params)
    (w1, b1), (w2, _), (w3, b3) = layout.views(flat)
    assert w1.shape == (3, 2) and w2.shape == (2, 3) and w3.shape == (1, 2) and b3.shape == (1,)
    w1[2, 1] = 5.0
    b1[0] = -1.0
    assert flat[5] == 5.0 and flat[6] == -1.0
    assert layout.n_params == (2 * 3 + 3) + (3 * 2 + 2) + (2 + 1)


def test_log_loss_is_stable_for_huge_logits():
    z = np.array([1000.0, -1000.0, 0.0, 3.0])
    y = np.array([0.0, 1.0, 1.0, 1.0])
    p = sigmoid(z)
    value = loss_value("logloss", z, p, y)
    expected = (1000.0 + 1000.0 + np.log(2.0) + np.log1p(np.exp(-3.0))) / 4
    assert value == pytest.approx(expected, rel=1e-12)
    assert loss_value("mse", z, p, y) == pytest.approx((1 + 1 + 0.25 + (1 - p[3]) ** 2) / 4)


def test_sigmoid_matches_logistic_formula():
    z = np.linspace(-30, 30, 101)
    np.testing.assert_allclose(sigmoid(z), 1.0 / (1.0 + np.exp(-z)), rtol=1e-13, atol=1e-300)


def test_backprop_trace_is_local_derivative_times_upstream():
    state = replace(NetworkState(), hidden=(3, 2), activation="sigmoid")
    layout = state_layout(state)
    params = network_params(state) + 0.3
    trace = backprop_trace(params, layout, "sigmoid", "logloss", (0.4, -1.2), 1.0)
    _, grad = loss_and_grad(params, layout, "sigmoid", "logloss", np.array([[0.4, -1.2]]), np.array([1.0]))
    for k, ((gw, gb), w) in enumerate(zip(layout.views(grad), trace.weights, strict=True)):
        np.testing.assert_allclose(trace.grad_w[k], gw, rtol=1e-12)
        np.testing.assert_allclose(trace.grad_b[k], gb, rtol=1e-12)
        np.testing.assert_allclose(trace.grad_w[k], np.outer(trace.grad_z[k], trace.a[k]))
        np.testing.assert_allclose(trace.grad_a[k], trace.grad_z[k] @ w)
        np.testing.assert_allclose(trace.grad_z[k], trace.slope[k] * trace.grad_a[k + 1], rtol=1e-12)
    assert trace.probability == pytest.approx(predict(params, layout, "sigmoid", np.array([[0.4, -1.2]]))[0])
    # logistic regression: dL/dz = p - y, the Derivatives lab's chain rule
    lr_state = replace(state, hidden=())
    lr_trace = backprop_trace(network_params(lr_state), state_layout(lr_state), "tanh", "logloss", (1.0, 2.0), 0.0)
    assert lr_trace.grad_z[0][0] == pytest.approx(lr_trace.probability)


# --- PyTorch reference ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("activation", "loss"), [("tanh", "logloss"), ("relu", "mse"), ("sigmoid", "logloss")])
def test_same_losses_as_pytorch_with_plain_gradient_descent(activation, loss):
    torch = pytest.importorskip("torch")
    state = replace(
        NetworkState(), hidden=(4, 3), activation=activation, loss=loss, optimizer="gd", lr=0.5, batch_size=10_000
    )
    run = TrainingRun(state)
    layout = run.layout
    layers, modules = [], []
    for (w, b), k in zip(layout.views(run.params.copy()), range(layout.n_layers), strict=True):
        lin = torch.nn.Linear(w.shape[1], w.shape[0], dtype=torch.float64)
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(w.copy()))
            lin.bias.copy_(torch.from_numpy(b.copy()))
        modules.append(lin)
        layers.append(lin)
        if k < layout.n_layers - 1:
            modules.append({"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid}[activation]())
    net = torch.nn.Sequential(*modules)
    opt = torch.optim.SGD(net.parameters(), lr=0.5)
    x = torch.from_numpy(np.array(run.data.x_train))
    y = torch.from_numpy(np.array(run.data.y_train))
    torch_losses = []
    for _ in range(6):
        opt.zero_grad()
        z = net(x)[:, 0]
        value = (
            torch.nn.functional.binary_cross_entropy_with_logits(z, y)
            if loss == "logloss"
            else torch.nn.functional.mse_loss(torch.sigmoid(z), y)
        )
        torch_losses.append(value.item())
        value.backward()
        opt.step()
    run.run(5)
    np.testing.assert_allclose(run.history["train_loss"], torch_losses, rtol=1e-12, atol=1e-15)
    assert torch_losses[-1] < torch_losses[0]


def test_same_losses_as_pytorch_adam_minibatches():
    torch = pytest.importorskip("torch")
    state = replace(NetworkState(), hidden=(3,), optimizer="adam", lr=0.05, batch_size=16, n_points=60)
    run = TrainingRun(state)
    (w1, b1), (w2, b2) = (tuple(a.copy() for a in pair) for pair in run.layout.views(run.params.copy()))
    ps = [torch.tensor(a, requires_grad=True) for a in (w1, b1, w2, b2)]
    opt = torch.optim.Adam(ps, lr=0.05)
    x_all, y_all = np.array(run.data.x_train), np.array(run.data.y_train)
    n = len(y_all)
    for epoch in range(3):
        order = np.random.default_rng([state.seed, epoch, 3]).permutation(n)
        for start in range(0, n, 16):
            idx = order[start : start + 16]
            x, y = torch.from_numpy(x_all[idx]), torch.from_numpy(y_all[idx])
            opt.zero_grad()
            z = (torch.tanh(x @ ps[0].T + ps[1]) @ ps[2].T + ps[3])[:, 0]
            torch.nn.functional.binary_cross_entropy_with_logits(z, y).backward()
            opt.step()
    run.run(3)
    flat = np.concatenate([p.detach().numpy().ravel() for p in ps])
    np.testing.assert_allclose(run.params, flat, rtol=1e-10, atol=1e-12)


# --- training ---------------------------------------------------------------------------------------------------
def test_xor_trains_to_high_accuracy_and_is_reproducible():
    state = NetworkState()
    a, b = TrainingRun(state), TrainingRun(state)
    a.run(60)
    b.run(60)
    assert a.status == "ready" and a.epoch == 60
    assert np.array_equal(a.params, b.params)
    m = metrics(a.to_state())
    assert m["train_accuracy"] > 0.95 and m["test_accuracy"] > 0.9
    assert a.history["train_loss"][-1] < 0.2 * a.history["train_loss"][0]
    assert len(a.history["epoch"]) == 61


def test_resuming_from_a_saved_state_continues_the_same_run():
    state = replace(NetworkState(), optimizer="gd", lr=0.3)
    whole = TrainingRun(state)
    whole.run(8)
    first = TrainingRun(state)
    first.run(3)
    second = TrainingRun(from_dict(NetworkState, to_dict(first.to_state())))
    second.run(5)
    np.testing.assert_allclose(second.params, whole.params, rtol=1e-13)
    assert second.epoch == 8


def test_exploding_run_stops_as_diverged_with_last_good_weights():
    state = replace(NetworkState(), hidden=(8, 8, 8), activation="relu", optimizer="momentum", lr=10.0)
    run = TrainingRun(state)
    start = run.params.copy()
    assert run.run(50) == "diverged"
    assert "diverged" in run.message and "learning rate" in run.message
    assert np.isfinite(run.params).all() and np.abs(run.params).max() < MAX_WEIGHT
    assert run.epoch == 0 and np.array_equal(run.params, start)
    assert run.run(5) == "diverged"  # stays stopped until rebuilt


def test_full_batch_when_batch_size_exceeds_training_set():
    state = replace(NetworkState(), batch_size=5000, optimizer="gd", lr=0.1)
    run = TrainingRun(state)
    layout, x, y = run.layout, run.data.x_train, run.data.y_train
    expected = run.params - 0.1 * loss_and_grad(run.params, layout, "tanh", "logloss", x, y)[1]
    run.run(1)
    np.testing.assert_allclose(run.params, expected, rtol=1e-14)


def _batches_per_epoch(run: TrainingRun) -> int:
    return -(-len(run.data.y_train) // min(run.state.batch_size, len(run.data.y_train)))


def test_advance_resumes_mid_epoch_and_matches_whole_epochs():
    state = replace(NetworkState(), batch_size=7)
    whole, sliced = TrainingRun(state), TrainingRun(state)
    whole.run(2)
    k = _batches_per_epoch(sliced)
    for i in range(2 * k):  # a zero budget trains exactly one mini-batch per call
        assert sliced.advance(0.0) == "ready"
        assert sliced.epoch == (i + 1) // k and sliced.partial == ((i + 1) % k != 0)
    assert sliced.epoch == 2 and not sliced.partial
    assert np.array_equal(sliced.params, whole.params)
    assert sliced.history["train_loss"] == whole.history["train_loss"]
    assert sliced.advance(10.0, max_epochs=1) == "ready" and sliced.epoch == 3 and not sliced.partial


def test_rewind_partial_restores_weights_and_optimizer_memory():
    state = replace(NetworkState(), batch_size=5, optimizer="adam")
    ref, run = TrainingRun(state), TrainingRun(state)
    ref.run(2)
    run.run(1)
    start = run.params.copy()
    for _ in range(3):
        run.advance(0.0)
    assert run.partial and not np.array_equal(run.params, start)
    run.rewind_partial()
    assert not run.partial and run.epoch == 1 and np.array_equal(run.params, start)
    run.run(1)  # the same steps again, from the same Adam moments: identical to never having been interrupted
    assert np.array_equal(run.params, ref.params)


def test_set_data_keeps_weights_and_optimizer_memory():
    state = replace(NetworkState(), dataset="custom", points=_square_points(), optimizer="adam", batch_size=4)
    ref, run = TrainingRun(state), TrainingRun(state)
    ref.run(3)
    run.run(2)
    run.set_data(state)  # same data: Adam's moments must survive, so nothing changes
    run.run(1)
    assert np.array_equal(run.params, ref.params)
    # a moved point with plain gradient descent: the next epoch is a fresh run from these weights on the new data
    gd = replace(state, optimizer="gd", lr=0.2)
    run = TrainingRun(gd)
    run.run(2)
    moved = replace(gd, points=((0.5, 0.5, 1), *gd.points[1:]))
    run.set_data(moved)
    assert run.epoch == 2 and np.array_equal(run.data.x_train, state_data(moved).x_train)
    fresh = TrainingRun(replace(moved, weights=run.weights(), epoch=2))
    run.run(1)
    fresh.run(1)
    np.testing.assert_allclose(run.params, fresh.params, rtol=1e-14)
    with pytest.raises(NetworkError, match="class"):
        run.set_data(replace(gd, points=tuple((x, y, 0) for x, y, _ in gd.points)))
    assert run.epoch == 3 and np.array_equal(run.data.x_train, state_data(moved).x_train)


def _square_points() -> tuple[tuple[float, float, int], ...]:
    rng = np.random.default_rng(5)
    xy = rng.uniform(-2, 2, size=(24, 2))
    return tuple((round(float(a), 4), round(float(b), 4), int(a * b > 0)) for a, b in xy)


# --- data sets --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", GENERATED)
def test_generated_sets_are_seeded_balanced_and_usable(name):
    x, y = generate(name, 101, 0.2, seed=5)
    x2, y2 = generate(name, 101, 0.2, seed=5)
    x3, _ = generate(name, 101, 0.2, seed=6)
    assert x.shape == (101, 2) and np.array_equal(x, x2) and np.array_equal(y, y2)
    assert not np.array_equal(x, x3)
    assert abs(int(y.sum()) - 50) <= 1
    check_points(x, y)


def test_clean_shapes_follow_their_rule():
    x, y = generate("xor", 400, 0.0, seed=1)
    assert np.array_equal(y == 1, x[:, 0] * x[:, 1] > 0)
    x, y = generate("circles", 400, 0.0, seed=1)
    r = np.hypot(x[:, 0], x[:, 1])
    assert r[y == 1].max() < r[y == 0].min()
    x, y = generate("blobs", 400, 0.0, seed=1)
    assert np.mean((x.sum(axis=1) > 0) == (y == 1)) > 0.98


def test_stratified_split_keeps_balance_and_every_point():
    x, y = generate("moons", 200, 0.1, seed=2)
    d = stratified_split(x, y, 0.25, seed=2)
    assert len(d.y_test) == 50 and d.y_test.sum() == 25
    together = np.concatenate([d.x_train, d.x_test])
    assert np.array_equal(np.sort(together, axis=0), np.sort(x, axis=0))


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ((), "no data points"),
        (((0.0, 0.0, 1), (1.0, 1.0, 1)), "all 2 points are class 1"),
        (((0.0, 0.0, 0), (1.0, 1.0, 1), (1.0, 1.0, 0)), "same place (1, 1) with different classes"),
    ],
)
def test_degenerate_hand_placed_data_gives_a_message(points, message):
    state = replace(NetworkState(), dataset="custom", points=points)
    with pytest.raises(NetworkError, match=r"(?i)" + message.replace("(", r"\(").replace(")", r"\)")):
        state_data(state)
    m = metrics(state)
    assert m["data_ok"] is False and message.split()[0] in m["data_error"]
    with pytest.raises(NetworkError):
        TrainingRun(state)


def test_nan_and_bad_labels_are_refused():
    x, y = _toy(4)
    x[2, 1] = np.nan
    with pytest.raises(NetworkError, match="point 3 has a missing or non-finite"):
        check_points(x, y)
    with pytest.raises(NetworkError, match="classes must be 0 or 1"):
        check_points(_toy(4)[0], np.array([0, 1, 2, 0.0]))


def test_same_class_duplicates_are_fine():
    state = replace(NetworkState(), dataset="custom", points=((0.0, 0.0, 0), (0.0, 0.0, 0), (1.0, 1.0, 1)))
    d = state_data(state)
    assert len(d.y_train) + len(d.y_test) == 3 and set(d.y_train) == {0.0, 1.0}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"hidden": (2, 2, 2, 2)}, "4 hidden layers is too many"),
        ({"hidden": (9,)}, "9 units"),
        ({"hidden": (0, 3)}, "0 units"),
        ({"n_points": 20_000}, "20000 points is too many"),
        ({"batch_size": 0}, "batch size must be at least 1"),
    ],
)
def test_absurd_sizes_give_messages(change, message):
    with pytest.raises(NetworkError, match=message):
        TrainingRun(replace(NetworkState(), **change))


# --- state, metrics, code ---------------------------------------------------------------------------------------
def _trained(**change) -> NetworkState:
    run = TrainingRun(replace(NetworkState(), **change))
    run.run(3)
    return run.to_state()


def test_state_round_trips_through_json_dict():
    state = _trained(
        dataset="custom",
        points=((0.5, 0.5, 1), (-1.0, 2.0, 0), (1.5, -0.25, 1), (-2.0, -2.0, 0)),
        hidden=(3,),
        activation="relu",
        optimizer="rmsprop",
        hyper=(("alpha", 0.9),),
        test_fraction=0.0,
    )
    back = from_dict(NetworkState, to_dict(state))
    assert back == state and back.weights is not None and len(back.weights) == 13


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"weights": [0.0] * 7}, "weights"),
        ({"points": [[0.0, 0.0, 2]]}, "points[0][2]"),
        ({"hyper": [["gamma", 0.5]]}, "hyper"),
        ({"hidden": [4, 4, 4, 4]}, "hidden"),
        ({"hidden": [12]}, "hidden[0]"),
        ({"batch_size": 0}, "batch_size"),
        ({"view": [1.0, -1.0, 0.0, 1.0]}, "view"),
    ],
)
def test_bad_scene_fields_are_named(data, field):
    with pytest.raises(SchemaError) as info:
        from_dict(NetworkState, data)
    assert info.value.field == field


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"hidden": (), "loss": "mse"},
        {"hidden": (3, 3, 2), "activation": "sigmoid"},
        {"activation": "relu", "test_fraction": 0.0},
        {"dataset": "custom", "points": ((0.0, 1.0, 0), (1.0, 0.0, 1), (2.0, 2.0, 1), (-1.0, -1.5, 0))},
    ],
)
def test_code_snippet_reproduces_metrics(change):
    state = _trained(**change)
    namespace: dict = {}
    exec(compile(code(state), "<network code>", "exec"), namespace)
    result, m = namespace["result"], metrics(state)
    assert set(result) <= set(m) and "train_loss" in result
    for key, value in result.items():
        assert value == pytest.approx(m[key], rel=1e-9, abs=1e-12), key


def test_metrics_of_default_state():
    m = metrics(NetworkState())
    assert m["epoch"] == 0 and m["n_params"] == 2 * 4 + 4 + 4 * 2 + 2 + 2 + 1 and m["data_ok"] is True
    assert m["n_train"] + m["n_test"] == 200
    assert 0.3 < m["train_loss"] < 1.5  # untrained: close to log 2


# --- views ------------------------------------------------------------------------------------------------------
def test_probability_grid_is_indexed_x_first_at_cell_centres():
    state = replace(NetworkState(), hidden=())
    layout = state_layout(state)
    params = np.array([2.0, 0.0, 0.0])  # p depends on x only
    grid = probability_grid(params, layout, "tanh", (-1.0, 1.0, -3.0, 3.0), 4)
    expected = sigmoid(2.0 * np.array([-0.75, -0.25, 0.25, 0.75]))
    np.testing.assert_allclose(grid[:, 0], expected)
    np.testing.assert_allclose(grid[:, 3], expected)


def _centres(n: int, lo: float, hi: float) -> np.ndarray:
    return lo + (np.arange(n) + 0.5) * (hi - lo) / n


def test_boundary_segments_of_a_linear_field_lie_on_its_level_line():
    view = (-3.0, 3.0, -2.0, 4.0)
    gx, gy = np.meshgrid(_centres(30, -3, 3), _centres(20, -2, 4), indexing="ij")
    grid = 0.2 * gx - 0.1 * gy + 0.6  # linear: interpolation along edges is exact
    seg = boundary_segments(grid, view)
    assert len(seg) > 0 and len(seg) % 2 == 0
    np.testing.assert_allclose(0.2 * seg[:, 0] - 0.1 * seg[:, 1] + 0.6, 0.5, atol=1e-12)
    assert (seg[:, 0] >= gx.min()).all() and (seg[:, 0] <= gx.max()).all()
    lengths = np.hypot(*(seg[1::2] - seg[::2]).T)
    assert (lengths > 0).all()
    # together the pieces cover the line from where it enters the sampled area to where it leaves
    t = seg @ np.array([0.1, 0.2]) / np.hypot(0.1, 0.2)  # position along the line's direction
    assert lengths.sum() == pytest.approx(t.max() - t.min(), rel=1e-9)


def test_boundary_segments_of_a_circle_close_up_at_its_radius():
    n = 64
    gx, gy = np.meshgrid(_centres(n, -3, 3), _centres(n, -3, 3), indexing="ij")
    grid = sigmoid(gx**2 + gy**2 - 4.0)  # p = 0.5 on the circle of radius 2
    seg = boundary_segments(grid, (-3, 3, -3, 3))
    np.testing.assert_allclose(np.hypot(seg[:, 0], seg[:, 1]), 2.0, atol=0.01)
    # a closed curve: every crossing point is shared by exactly two segments
    _, counts = np.unique(np.round(seg, 9), axis=0, return_counts=True)
    assert (counts == 2).all()


def test_boundary_segments_saddle_and_degenerate_maps():
    saddle = np.array([[1.0, 0.0], [0.0, 1.0]])  # [ix, iy]: corners (0,0) and (1,1) are class 1
    seg = boundary_segments(saddle, (0, 2, 0, 2))
    got = {frozenset(map(tuple, seg[i : i + 2].round(12))) for i in range(0, len(seg), 2)}
    # the cell's mean 0.5 sides with the class-1 corners, so the two class-0 corners are cut off
    assert got == {frozenset({(1.0, 0.5), (1.5, 1.0)}), frozenset({(1.0, 1.5), (0.5, 1.0)})}
    flipped = boundary_segments(1.0 - saddle + 1e-9, (0, 2, 0, 2))
    got = {frozenset(map(tuple, flipped[i : i + 2].round(6))) for i in range(0, len(flipped), 2)}
    assert got == {frozenset({(1.0, 0.5), (0.5, 1.0)}), frozenset({(1.0, 1.5), (1.5, 1.0)})}
    assert boundary_segments(np.full((8, 8), 0.5), (0, 1, 0, 1)).shape == (0, 2)
    assert boundary_segments(np.full((8, 8), np.nan), (0, 1, 0, 1)).shape == (0, 2)
    assert boundary_segments(np.zeros((1, 5)), (0, 1, 0, 1)).shape == (0, 2)
    partly = np.where(np.arange(8)[:, None] < 4, 0.0, 1.0) * np.ones((8, 8))
    partly[4, 3] = np.nan
    assert np.isfinite(boundary_segments(partly, (0, 1, 0, 1))).all()


def test_layer_stages_show_each_layer_and_the_separating_line():
    state = replace(NetworkState(), hidden=(5, 2))
    layout = state_layout(state)
    params = network_params(state)
    pts = np.array(state_data(state).x_train)
    stages = layer_stages(params, layout, "tanh", state.view, pts, "first2", n_lines=5, samples=7)
    assert len(stages) == 1 + 2 * 3 and stages[0].title == "input plane"
    assert all(len(s.lines) == 10 and s.points.shape == pts.shape for s in stages)
    _, acts = (lambda r: r)(__import__("engine.nn.maths", fromlist=["forward"]).forward(params, layout, "tanh", pts))
    np.testing.assert_allclose(stages[2].points, acts[1][:, :2])  # layer 1 after tanh, first two units of 5
    assert "units 1 and 2 of 5" in stages[2].projection
    np.testing.assert_allclose(stages[4].points, acts[2])
    w3, b3 = layout.views(params)[2]
    assert stages[4].separator == pytest.approx((w3[0, 0], w3[0, 1], b3[0]))
    pca = layer_stages(params, layout, "tanh", state.view, pts, "pca", n_lines=5, samples=7)
    centred = acts[1] - acts[1].mean(axis=0)
    sv = np.linalg.svd(centred, compute_uv=False)
    assert f"{(sv[:2] ** 2).sum() / (sv**2).sum():.0%}" in pca[2].projection
    np.testing.assert_allclose(np.abs(pca[2].points).sum(), np.abs(centred @ np.linalg.svd(centred)[2][:2].T).sum())


def test_engine_imports_no_qt():
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, engine.nn; print(any('PySide6' in m or 'pyqtgraph' in m for m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"


# --- properties -------------------------------------------------------------------------------------------------
finite = st.floats(-1e3, 1e3, allow_nan=False)
anything = st.floats(allow_nan=True, allow_infinity=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(anything, anything, st.sampled_from([0, 1, 2])), max_size=12))
def test_check_points_accepts_or_explains(rows):
    x = np.array([r[:2] for r in rows], dtype=float).reshape(-1, 2)
    y = np.array([r[2] for r in rows], dtype=float)
    try:
        check_points(x, y)
    except NetworkError as exc:
        assert str(exc)
    else:
        assert np.isfinite(x).all() and set(y) == {0.0, 1.0}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(finite, finite, st.sampled_from([0, 1])), min_size=2, max_size=30),
    st.floats(0.0, 0.9),
    st.integers(0, 2**31 - 1),
)
def test_split_is_a_partition_with_both_classes_in_training(rows, frac, seed):
    x = np.array([r[:2] for r in rows])
    y = np.array([r[2] for r in rows], dtype=float)
    try:
        check_points(x, y)
    except NetworkError:
        return
    d = stratified_split(x, y, frac, seed)
    assert len(d.y_train) + len(d.y_test) == len(y)
    assert set(d.y_train) == {0.0, 1.0}
    assert sorted(map(tuple, np.column_stack([np.concatenate([d.x_train, d.x_test]), np.r_[d.y_train, d.y_test]]))) == (
        sorted(map(tuple, np.column_stack([x, y])))
    )
