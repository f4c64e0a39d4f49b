"""The Network lab's state with its field spec (one range and step per field), the data and weights it stands for,
its metrics and its "show the code" snippet.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

import numpy as np

from engine.nn.data import (
    DATASETS,
    MAX_POINTS,
    DataSplit,
    NetworkError,
    check_points,
    generate,
    points_array,
    stratified_split,
)
from engine.nn.maths import (
    ACTIVATIONS,
    INITS,
    LOSSES,
    MAX_HIDDEN_LAYERS,
    MAX_UNITS,
    Layout,
    forward,
    init_params,
    loss_value,
    make_layout,
)
from engine.nn.views import PROJECTIONS
from engine.optim import OptimizerConfig, OptimizerError, check_hyperparameters
from engine.schema import SchemaError, field_spec, spec

__all__ = [
    "NET_OPTIMIZERS",
    "NetworkState",
    "code",
    "metrics",
    "network_params",
    "same_network",
    "state_data",
    "state_layout",
    "point_arrays",
    "state_points",
    "training_config",
]

NET_OPTIMIZERS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")  # Newton needs a Hessian: not for nets
MAX_PARAMS = 2 * 8 + 8 + 2 * (8 * 8 + 8) + 8 + 1
MAX_WEIGHT = 1e6
# The app's one learning-rate range (the Optimizer lab's), never narrower than the 0..100 old scene files may hold.
_LR = field_spec(OptimizerConfig, "lr")


@dataclass(frozen=True)
class NetworkState:
    """Everything a learner sets in the Network lab: data, network, loss, optimizer, weights and what is shown."""

    dataset: str = spec("xor", choices=DATASETS)
    seed: int = spec(1, lo=0, hi=2**31 - 1, integer=True, step=1, label="Seed")
    n_points: int = spec(200, lo=2, hi=MAX_POINTS, integer=True, step=50, label="Points")
    noise: float = spec(0.1, lo=0.0, hi=1.0, step=0.05, label="Noise")
    test_fraction: float = spec(0.3, lo=0.0, hi=0.9, step=0.05, label="Test share")
    points: tuple[tuple[float, float, int], ...] = spec((), lo=-1e6, hi=1e6, max_len=MAX_POINTS)
    hidden: tuple[int, ...] = spec((4, 2), lo=1, hi=MAX_UNITS, max_len=MAX_HIDDEN_LAYERS, integer=True, step=1)
    activation: str = spec("tanh", choices=ACTIVATIONS)
    loss: str = spec("logloss", choices=LOSSES)
    init: str = spec("auto", choices=INITS)
    optimizer: str = spec("adam", choices=NET_OPTIMIZERS)
    lr: float = spec(
        0.03,
        lo=min(_LR.lo if _LR.lo is not None else 0.0, 0.0),
        hi=max(_LR.hi if _LR.hi is not None else 100.0, 100.0),
        step=_LR.step,
        soft_lo=_LR.soft_lo,
        soft_hi=_LR.soft_hi,
        log=_LR.log,
        label=_LR.label,
    )
    hyper: tuple[tuple[str, float], ...] = spec((), lo=-1e12, hi=1e12, max_len=8, max_chars=40)
    batch_size: int = spec(10, lo=1, hi=MAX_POINTS, integer=True, step=1, label="Batch size")
    weights: tuple[float, ...] | None = spec(None, lo=-MAX_WEIGHT, hi=MAX_WEIGHT, max_len=MAX_PARAMS)
    epoch: int = spec(0, lo=0, hi=10**9, integer=True)
    probe: int = spec(0, lo=0, hi=MAX_POINTS, integer=True)
    stage: int = spec(0, lo=0, hi=16, integer=True)
    projection: str = spec("first2", choices=PROJECTIONS)
    view: tuple[float, float, float, float] = spec((-3.0, 3.0, -3.0, 3.0), lo=-1e6, hi=1e6)

    def validate(self) -> None:
        """Cross-field rules a scene file must meet (raises SchemaError naming the field)."""
        layout = Layout((2, *self.hidden, 1))
        if self.weights is not None and len(self.weights) != layout.n_params:
            raise SchemaError(
                "weights", f"has {len(self.weights)} numbers but a {_arch(self)} network has {layout.n_params}"
            )
        for i, (_, _, cls) in enumerate(self.points):
            if cls not in (0, 1):
                raise SchemaError(f"points[{i}][2]", f"class must be 0 or 1, got {cls}")
        try:
            hyperparameters(self)
        except NetworkError as exc:
            raise SchemaError("hyper", str(exc)) from None
        x0, x1, y0, y1 = self.view
        if not (x1 > x0 and y1 > y0):
            raise SchemaError("view", "needs x_min < x_max and y_min < y_max")


def _arch(state: NetworkState) -> str:
    return "-".join(str(s) for s in (2, *state.hidden, 1))


def hyperparameters(state: NetworkState) -> dict[str, float]:
    """The optimizer's complete, validated hyperparameters (torch defaults + the state's lr and overrides)."""
    if state.optimizer not in NET_OPTIMIZERS:
        raise NetworkError(f"optimizer {state.optimizer!r} cannot train a network: choose {', '.join(NET_OPTIMIZERS)}")
    try:
        return check_hyperparameters(state.optimizer, {**dict(state.hyper), "lr": state.lr})
    except OptimizerError as exc:
        raise NetworkError(str(exc)) from None


def state_layout(state: NetworkState) -> Layout:
    """The checked layer sizes of the state's network (NetworkError for absurd sizes)."""
    return make_layout(state.hidden)


_SHOWN_OR_TRAINED = ("weights", "epoch", "probe", "stage", "projection", "view")
_DATA_FIELDS = ("dataset", "n_points", "noise", "test_fraction", "points")  # what TrainingRun.set_data may change


def training_config(state: NetworkState) -> NetworkState:
    """The state without the fields a training run changes (weights, epoch) or that only choose what is shown."""
    return replace(state, **{k: getattr(NetworkState(), k) for k in _SHOWN_OR_TRAINED})


def same_network(a: NetworkState, b: NetworkState) -> bool:
    """Whether two states train the same network the same way (they may differ in data and weights)."""
    return training_config(a) == training_config(replace(b, **{k: getattr(a, k) for k in _DATA_FIELDS}))


@functools.lru_cache(maxsize=4)
def _generated(dataset: str, n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    x, y = generate(dataset, n, noise, seed)
    x = np.round(x, 4)
    for arr in (x, y):
        arr.setflags(write=False)  # shared through the cache: nobody may change them
    return x, y


def point_arrays(state: NetworkState) -> tuple[np.ndarray, np.ndarray]:
    """Every point of the state's data as arrays (xy (n, 2), class (n,)) in data-set order (cached, read-only).

    Generated points are rounded to 4 decimals, as a hand-placed copy of them stores them; non-finite hand-placed
    rows are left out.
    """
    if state.dataset != "custom":
        return _generated(state.dataset, state.n_points, state.noise, state.seed)
    arr = np.asarray(state.points, dtype=float).reshape(-1, 3)
    return arr[:, :2], arr[:, 2]


def state_points(state: NetworkState) -> tuple[tuple[float, float, int], ...]:
    """Every point of the state's data as (x, y, class), in data-set order (what hand editing starts from)."""
    if state.dataset == "custom":
        return state.points
    x, y = point_arrays(state)
    return tuple((float(a), float(b), int(c)) for (a, b), c in zip(x.tolist(), y.tolist(), strict=True))


def network_params(state: NetworkState) -> np.ndarray:
    """The flat parameter vector: the state's weights, or the seeded initial weights when it has none."""
    layout = state_layout(state)
    if state.weights is None:
        return init_params(layout, state.activation, state.seed, state.init)
    flat = np.array(state.weights, dtype=float)
    if flat.shape != (layout.n_params,):
        raise NetworkError(f"the weights have {flat.size} numbers but a {_arch(state)} network needs {layout.n_params}")
    if not np.isfinite(flat).all():
        raise NetworkError("the weights contain a non-finite number")
    return flat


@functools.lru_cache(maxsize=16)
def _cached_split(dataset: str, n: int, noise: float, seed: int, test_fraction: float, points: tuple) -> DataSplit:
    if dataset == "custom":
        x, y = points_array(points)
    else:
        x, y = generate(dataset, n, noise, seed)
    check_points(x, y)
    split = stratified_split(x, y, test_fraction, seed)
    for arr in (split.x_train, split.y_train, split.x_test, split.y_test):
        arr.setflags(write=False)  # shared through the cache: nobody may change them
    return split


def state_data(state: NetworkState) -> DataSplit:
    """The state's checked train/test split (cached; arrays are read-only).

    Parameters
    ----------
    state : NetworkState
        Uses dataset, n_points, noise, seed, test_fraction and (for "custom") points.

    Returns
    -------
    DataSplit
        Raises NetworkError for degenerate data (no points, one class, conflicting duplicates, NaN).
    """
    points = state.points if state.dataset == "custom" else ()
    return _cached_split(state.dataset, state.n_points, state.noise, state.seed, state.test_fraction, points)


def metrics(state: NetworkState) -> dict[str, float | bool | str]:
    """Named numbers of the state's network on its data.

    Parameters
    ----------
    state : NetworkState
        The lab state (weights None = the seeded initial weights).

    Returns
    -------
    dict
        ``epoch``, ``n_params``, ``hidden_layers``, ``data_ok`` always; when the data is usable also ``n_train``,
        ``n_test``, ``train_loss``, ``train_accuracy`` (share with p ≥ 0.5 on the right side), and with a test set
        ``test_loss``, ``test_accuracy``; ``accuracy`` is the share right over all points. When the data is
        degenerate, ``data_error`` holds the message instead.
    """
    layout = state_layout(state)
    out: dict[str, float | bool | str] = {
        "epoch": state.epoch,
        "n_params": layout.n_params,
        "hidden_layers": len(state.hidden),
    }
    try:
        data = state_data(state)
    except NetworkError as exc:
        return {**out, "data_ok": False, "data_error": str(exc)}
    params = network_params(state)
    out.update(data_ok=True, n_train=len(data.y_train), n_test=len(data.y_test))
    right = 0.0
    for part, x, y in (("train", data.x_train, data.y_train), ("test", data.x_test, data.y_test)):
        if len(y) == 0:
            continue
        zs, acts = forward(params, layout, state.activation, x)
        z = zs[-1][:, 0]
        out[f"{part}_loss"] = loss_value(state.loss, z, acts[-1][:, 0], y)
        hits = (z >= 0) == (y == 1)
        out[f"{part}_accuracy"] = float(np.mean(hits))
        right += float(hits.sum())
    out["accuracy"] = right / (len(data.y_train) + len(data.y_test))
    return out


def _array_literal(a: np.ndarray) -> str:
    if a.ndim == 1:
        return "np.array([" + ", ".join(repr(float(v)) for v in a) + "])"
    rows = ",\n    ".join("[" + ", ".join(repr(float(v)) for v in row) + "]" for row in a)
    return "np.array([\n    " + rows + ",\n])"


_ACT_CODE = {
    "tanh": "np.tanh({})",
    "relu": "np.maximum({}, 0.0)",
    "sigmoid": "expit({})",  # 1 / (1 + e^-z), without overflow
}


def code(state: NetworkState) -> str:
    """A numpy/matplotlib script with the lab's data and weights: forward pass, scores and the decision map.

    Parameters
    ----------
    state : NetworkState
        The lab state.

    Returns
    -------
    str
        Python source ending with a dict ``result`` (train/test loss and accuracy, epoch) equal to ``metrics``. The
        train/test points are written out (the lab's generators and split are this app's code); the weights are the
        trained ones, so the script reproduces the numbers without training again.
    """
    layout = state_layout(state)
    lines = ["import matplotlib.pyplot as plt", "import numpy as np"]
    if state.activation == "sigmoid" or state.loss == "mse":
        lines.append("from scipy.special import expit  # the logistic sigmoid 1 / (1 + e^-z)")
    lines.append("")
    try:
        data = state_data(state)
    except NetworkError as exc:
        return "\n".join([*lines, f"# the data is not usable yet: {exc}", "result = {}", "print(result)"]) + "\n"
    params = network_params(state)
    source = "placed by hand" if state.dataset == "custom" else f"{state.dataset!r}, noise {state.noise:g}"
    lines += [
        f"# the lab's data ({source}, seed {state.seed}): {len(data.y_train)} training and {len(data.y_test)} test"
        " points, columns x and y; labels 0/1",
        f"x_train = {_array_literal(np.asarray(data.x_train))}",
        f"y_train = {_array_literal(np.asarray(data.y_train))}",
        f"x_test = {_array_literal(np.asarray(data.x_test)) if len(data.y_test) else 'np.zeros((0, 2))'}",
        f"y_test = {_array_literal(np.asarray(data.y_test)) if len(data.y_test) else 'np.zeros(0)'}",
        "",
        f"# a {_arch(state)} network after {state.epoch} epochs; W has shape (units out, units in), as in torch",
    ]
    for k, (w, b) in enumerate(layout.views(params), start=1):
        lines += [f"W{k} = {_array_literal(w)}", f"b{k} = {_array_literal(b)}"]
    lines += ["", "", "def forward(x):", '    """Logit z of the output unit: P(class 1) = sigmoid(z)."""', "    a = x"]
    n = layout.n_layers
    for k in range(1, n):
        lines.append(f"    a = {_ACT_CODE[state.activation].format(f'a @ W{k}.T + b{k}')}  # hidden layer {k}")
    lines += [f"    return (a @ W{n}.T + b{n})[:, 0]", "", ""]
    if state.loss == "logloss":
        lines += [
            "def loss(z, y):",
            '    """Mean log-loss of sigmoid(z), via log(1 + e^z) = max(z, 0) + log1p(e^-|z|) so nothing overflows."""',
            "    return float(np.mean(np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))))",
        ]
    else:
        lines += [
            "def loss(z, y):",
            '    """Mean squared error of the probability p = sigmoid(z)."""',
            "    return float(np.mean((expit(z) - y) ** 2))",
        ]
    lines += [
        "",
        "",
        f'result = {{"epoch": {state.epoch}}}',
        "z_train = forward(x_train)",
        'result["train_loss"] = loss(z_train, y_train)',
        'result["train_accuracy"] = float(np.mean((z_train >= 0) == (y_train == 1)))',
        "if len(y_test):",
        "    z_test = forward(x_test)",
        '    result["test_loss"] = loss(z_test, y_test)',
        '    result["test_accuracy"] = float(np.mean((z_test >= 0) == (y_test == 1)))',
        "print(result)",
        "",
        "# The decision map: P(class 1) over the plane, the boundary p = 0.5 and the points.",
        "points = np.vstack([x_train, x_test])",
        "(x_lo, y_lo), (x_hi, y_hi) = points.min(axis=0) - 0.5, points.max(axis=0) + 0.5",
        "gx, gy = np.meshgrid(np.linspace(x_lo, x_hi, 200), np.linspace(y_lo, y_hi, 200))",
        "z_grid = forward(np.column_stack([gx.ravel(), gy.ravel()])).reshape(gx.shape)",
        "fig, ax = plt.subplots(figsize=(6, 6))",
        'ax.contourf(gx, gy, 1 / (1 + np.exp(-np.clip(z_grid, -500, 500))), levels=20, cmap="RdBu_r", alpha=0.6)',
        'ax.contour(gx, gy, z_grid, levels=[0.0], colors="black", linewidths=2.5)',
        'ax.scatter(x_train[:, 0], x_train[:, 1], c=y_train, cmap="RdBu_r", edgecolors="black", label="train")',
        "if len(y_test):",
        '    ax.scatter(x_test[:, 0], x_test[:, 1], c=y_test, cmap="RdBu_r", marker="s", edgecolors="black",'
        ' label="test")',
        f'ax.set(aspect="equal", title="P(class 1), epoch {state.epoch}")',
        "ax.legend()",
        "plt.show()",
    ]
    return "\n".join(lines) + "\n"
