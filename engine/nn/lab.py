"""The Network lab's engine: its state, training with ``engine.optim`` steppers, metrics and "show the code".

The mathematics is split by what it holds: ``engine.nn.data`` (data sets), ``engine.nn.maths`` (layers, activations,
losses, forward/backward written out) and ``engine.nn.views`` (probability map, layer transforms, backprop trace);
this module re-exports what a notebook needs.
"""

from __future__ import annotations

import copy
import functools
import time
from dataclasses import dataclass, field, replace

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
    Layout,
    forward,
    init_params,
    loss_and_grad,
    loss_value,
    make_layout,
)
from engine.nn.views import PROJECTIONS
from engine.schema import SchemaError, spec

__all__ = [
    "NET_OPTIMIZERS",
    "NetworkState",
    "TrainingRun",
    "code",
    "metrics",
    "network_params",
    "state_data",
    "state_layout",
]

NET_OPTIMIZERS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")  # Newton needs a Hessian: not for nets
MAX_PARAMS = 2 * 8 + 8 + 2 * (8 * 8 + 8) + 8 + 1
MAX_LOSS = 1e3  # a mean loss above this (or |weight| above MAX_WEIGHT) is an exploding run
MAX_WEIGHT = 1e6


@dataclass(frozen=True)
class NetworkState:
    """Everything a learner sets in the Network lab: data, network, loss, optimizer, weights and what is shown."""

    dataset: str = spec("xor", choices=DATASETS)
    seed: int = spec(1, lo=0, hi=2**31 - 1, integer=True)
    n_points: int = spec(200, lo=2, hi=MAX_POINTS, integer=True)
    noise: float = spec(0.1, lo=0.0, hi=1.0)
    test_fraction: float = spec(0.3, lo=0.0, hi=0.9)
    points: tuple[tuple[float, float, int], ...] = spec((), lo=-1e6, hi=1e6, max_len=MAX_POINTS)
    hidden: tuple[int, ...] = spec((4, 2), lo=1, hi=8, max_len=3, integer=True)
    activation: str = spec("tanh", choices=ACTIVATIONS)
    loss: str = spec("logloss", choices=LOSSES)
    init: str = spec("auto", choices=INITS)
    optimizer: str = spec("adam", choices=NET_OPTIMIZERS)
    lr: float = spec(0.03, lo=0.0, hi=100.0)
    hyper: tuple[tuple[str, float], ...] = spec((), lo=-1e12, hi=1e12, max_len=8, max_chars=40)
    batch_size: int = spec(10, lo=1, hi=MAX_POINTS, integer=True)
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
    from engine.optim import OptimizerError, check_hyperparameters

    if state.optimizer not in NET_OPTIMIZERS:
        raise NetworkError(f"optimizer {state.optimizer!r} cannot train a network: choose {', '.join(NET_OPTIMIZERS)}")
    try:
        return check_hyperparameters(state.optimizer, {**dict(state.hyper), "lr": state.lr})
    except OptimizerError as exc:
        raise NetworkError(str(exc)) from None


def state_layout(state: NetworkState) -> Layout:
    """The checked layer sizes of the state's network (NetworkError for absurd sizes)."""
    return make_layout(state.hidden)


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


@dataclass
class TrainingRun:
    """A live training session: the flat weights, the optimizer's slots and the loss history (mutable on purpose).

    Built from a state; ``run(k)`` trains k epochs of shuffled mini-batches; ``weights()`` gives them back for the
    next state. The optimizer's memory (momentum, Adam moments) lives here, so it restarts when a run is rebuilt.
    """

    state: NetworkState
    layout: Layout = field(init=False)
    data: DataSplit = field(init=False)
    params: np.ndarray = field(init=False)
    epoch: int = field(init=False)
    status: str = field(init=False, default="ready")
    message: str = field(init=False, default="")
    history: dict[str, list[float]] = field(init=False)

    def __post_init__(self) -> None:
        from engine.optim import make_stepper

        state = self.state
        if state.batch_size < 1:
            raise NetworkError(f"batch size must be at least 1, got {state.batch_size}")
        self.layout = state_layout(state)
        self.data = state_data(state)
        self.params = network_params(state).copy()
        self._grad = np.empty_like(self.params)
        self._stepper = make_stepper(state.optimizer, **hyperparameters(state))
        self._pos = 0  # next mini-batch of the current epoch (0: at an epoch boundary)
        self._order: np.ndarray | None = None
        self._epoch_start: tuple = (self.params.copy(), None)
        self.epoch = state.epoch
        self.history = {"epoch": [], "train_loss": [], "test_loss": []}
        self._record()
        if not np.isfinite(self.history["train_loss"][-1]):
            self.status, self.message = "diverged", "the loss is not finite with these weights"

    def set_data(self, state: NetworkState) -> None:
        """Train on ``state``'s data from now on, keeping the weights, epoch and optimizer memory.

        A dragged point then refits smoothly (Adam's moments are not restarted on every mouse move) and nothing is
        rebuilt but the split. Raises NetworkError for degenerate data, leaving the run unchanged.

        Parameters
        ----------
        state : NetworkState
            The new data settings; the network, loss and optimizer must be the run's own.
        """
        self.data = state_data(state)
        self.state = state
        self._pos = 0  # a partly trained epoch restarts on the new data (its shuffle was for the old one)

    def losses(self) -> tuple[float, float]:
        """(train loss, test loss) of the current weights; test is NaN without a test set."""
        s, d = self.state, self.data
        out = []
        for x, y in ((d.x_train, d.y_train), (d.x_test, d.y_test)):
            if len(y) == 0:
                out.append(float("nan"))
                continue
            zs, acts = forward(self.params, self.layout, s.activation, x)
            out.append(loss_value(s.loss, zs[-1][:, 0], acts[-1][:, 0], y))
        return out[0], out[1]

    def _record(self) -> None:
        train, test = self.losses()
        self.history["epoch"].append(float(self.epoch))
        self.history["train_loss"].append(train)
        self.history["test_loss"].append(test)

    def run(self, epochs: int) -> str:
        """Train ``epochs`` whole epochs (finishing a partly trained one first); returns the status.

        Parameters
        ----------
        epochs : int
            Number of passes over the training set, each in shuffled mini-batches of ``state.batch_size``.

        Returns
        -------
        str
            "ready", or "diverged" when the loss or a weight became non-finite or exploded: the weights are then put
            back to the end of the last good epoch and ``message`` says what happened (training stops for good).
        """
        target = self.epoch + int(epochs)
        while self.status == "ready" and self.epoch < target:
            self._train(deadline=None)
        return self.status

    def advance(self, seconds: float, max_epochs: int | None = None) -> str:
        """Train mini-batches for about ``seconds`` (at least one batch), stopping mid-epoch if time is up.

        What a GUI calls each frame: the time per call stays bounded however large the data set or small the batch,
        so the window never freezes. ``epoch`` counts whole epochs; ``partial`` says whether one is under way.

        Parameters
        ----------
        seconds : float
            Time budget of this call.
        max_epochs : int, optional
            Stop after completing this many epochs (``None``: as many as fit in the budget).

        Returns
        -------
        str
            "ready" or "diverged", as :meth:`run`.
        """
        deadline = time.perf_counter() + max(float(seconds), 0.0)
        target = None if max_epochs is None else self.epoch + int(max_epochs)
        while self.status == "ready" and (target is None or self.epoch < target):
            if not self._train(deadline=deadline):
                break
        return self.status

    @property
    def partial(self) -> bool:
        """Whether an epoch is under way (weights are between two whole epochs)."""
        return self._pos > 0

    def rewind_partial(self) -> None:
        """Drop the unfinished part of the current epoch: weights and optimizer memory go back to its start.

        Pausing uses it, so a paused network is exactly "after ``epoch`` epochs" and resuming retraces the same steps.
        """
        if self._pos > 0:
            self.params[...] = self._epoch_start[0]
            self._stepper = self._epoch_start[1]
            self._pos = 0

    def _train(self, deadline: float | None) -> bool:
        """Continue the current epoch until it ends (True) or the deadline passes (False, resumable)."""
        s, d = self.state, self.data
        n = len(d.y_train)
        batch = min(int(s.batch_size), n)
        if self._pos == 0:
            self._epoch_start = (self.params.copy(), copy.deepcopy(self._stepper))
            self._order = np.random.default_rng([s.seed, self.epoch, 3]).permutation(n) if batch < n else None
        views, grad_views = self.layout.views(self.params), self.layout.views(self._grad)  # made once, reused
        order = self._order
        while self._pos < n:
            start = self._pos
            if order is None:
                xb, yb = d.x_train, d.y_train
            else:
                idx = order[start : start + batch]
                xb, yb = d.x_train[idx], d.y_train[idx]
            with np.errstate(all="ignore"):
                value, grad = loss_and_grad(
                    self.params, self.layout, s.activation, s.loss, xb, yb, self._grad, views, grad_views
                )
                self.params[...] = self._stepper.step(self.params, grad)
            self._pos = start + batch
            if not (np.isfinite(value) and value < MAX_LOSS and np.all(np.abs(self.params) < MAX_WEIGHT)):
                self.params[...] = self._epoch_start[0]
                self._pos = 0
                self.status = "diverged"
                self.message = (
                    f"diverged in epoch {self.epoch + 1}: the loss or the weights exploded — "
                    "lower the learning rate and reset"
                )
                return False
            if self._pos < n and deadline is not None and time.perf_counter() > deadline:
                return False
        self._pos = 0
        self.epoch += 1
        self._record()
        return deadline is None or time.perf_counter() <= deadline

    def weights(self) -> tuple[float, ...]:
        """The current weights as plain floats, for ``NetworkState.weights``."""
        return tuple(float(v) for v in self.params)

    def to_state(self) -> NetworkState:
        """The run's state with its current weights and epoch."""
        return replace(self.state, weights=self.weights(), epoch=self.epoch)


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
    """A numpy snippet that rebuilds the data, runs the forward pass with the current weights and scores it.

    Parameters
    ----------
    state : NetworkState
        The lab state.

    Returns
    -------
    str
        Python source ending with a dict ``result`` (train/test loss and accuracy, epoch) equal to ``metrics``.
    """
    layout = state_layout(state)
    params = network_params(state)
    lines = ["import numpy as np"]
    if state.activation == "sigmoid" or state.loss == "mse":
        lines.append("from scipy.special import expit  # the logistic sigmoid 1 / (1 + e^-z)")
    lines += ["from engine.nn import check_points, stratified_split", ""]
    if state.dataset == "custom":
        pts = np.asarray(state.points, dtype=float).reshape(-1, 3)
        lines += [
            f"# {len(pts)} points placed by hand: columns x, y, class",
            f"points = {_array_literal(pts)}",
            "x, y = points[:, :2], points[:, 2]",
        ]
    else:
        lines += [
            "from engine.nn import generate",
            "",
            f"# data: {state.n_points} {state.dataset!r} points, noise {state.noise:g}, seed {state.seed}",
            f"x, y = generate({state.dataset!r}, {state.n_points}, {state.noise!r}, seed={state.seed})",
        ]
    lines += [
        "check_points(x, y)",
        f"data = stratified_split(x, y, {state.test_fraction!r}, seed={state.seed})"
        f"  # {state.test_fraction:.0%} held out for testing",
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
        "z_train = forward(data.x_train)",
        'result["train_loss"] = loss(z_train, data.y_train)',
        'result["train_accuracy"] = float(np.mean((z_train >= 0) == (data.y_train == 1)))',
        "if len(data.y_test):",
        "    z_test = forward(data.x_test)",
        '    result["test_loss"] = loss(z_test, data.y_test)',
        '    result["test_accuracy"] = float(np.mean((z_test >= 0) == (data.y_test == 1)))',
        "print(result)",
    ]
    return "\n".join(lines) + "\n"
