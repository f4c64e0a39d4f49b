"""Front door: train the Network lab's small network with plain arguments and get plain arrays back."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.nn.lab import NetworkState, state_layout
from engine.nn.maths import predict
from engine.nn.training import TrainingRun
from engine.schema import from_dict, to_dict

__all__ = ["train"]


def train(epochs: int = 100, **settings: Any) -> dict[str, Any]:
    """Train a 2-input network on a seeded toy data set for ``epochs`` epochs, as the Network lab does.

    ``settings`` are fields of :class:`engine.nn.NetworkState` (``dataset="xor"``, ``hidden=(4, 2)``,
    ``activation="tanh"``, ``optimizer="adam"``, ``lr=0.03``, ``batch_size=10``, ``seed=1``, ``noise``,
    ``n_points``, ``test_fraction``, ``loss``…), checked by the same field specs as the lab's controls
    (:class:`engine.schema.SchemaError` names a bad one). Returns the loss history, the final weights, accuracies and
    a ``predict(points)`` function giving P(class 1) for an (n, 2) array.

    >>> from engine import nn
    >>> out = nn.train(epochs=200, dataset="xor", hidden=(4, 2), seed=1)
    >>> out["status"], len(out["train_loss"]), out["train_accuracy"] > 0.9
    ('ready', 201, True)
    >>> (out["predict"]([[1.0, 1.0], [-1.0, 1.0]]) > 0.5).tolist()   # XOR: same signs are class 1
    [True, False]
    >>> try:
    ...     nn.train(lr=-1)
    ... except Exception as exc:
    ...     print(exc)
    lr: must be between 0.0 and 1000.0, got -1.0
    """
    if not isinstance(epochs, int) or isinstance(epochs, bool) or not 0 <= epochs <= 100_000:
        raise ValueError(f"epochs must be a whole number from 0 to 100000, got {epochs!r}")
    data = to_dict(NetworkState())
    data.update({k: list(v) if isinstance(v, tuple) else v for k, v in settings.items()})
    state = from_dict(NetworkState, data)
    run = TrainingRun(state)
    status = run.run(epochs)
    layout = state_layout(state)
    params = run.params.copy()

    def predict_points(points: Any) -> np.ndarray:
        """P(class 1) for each row of an (n, 2) array of points."""
        x = np.asarray(points, dtype=float).reshape(-1, 2)
        return predict(params, layout, state.activation, x)

    def accuracy(x: np.ndarray, y: np.ndarray) -> float:
        return float(np.mean((predict_points(x) >= 0.5) == (y == 1))) if len(y) else float("nan")

    d = run.data
    return {
        "status": status,
        "message": run.message,
        "epochs": np.asarray(run.history["epoch"]),
        "train_loss": np.asarray(run.history["train_loss"]),
        "test_loss": np.asarray(run.history["test_loss"]),
        "train_accuracy": accuracy(d.x_train, d.y_train),
        "test_accuracy": accuracy(d.x_test, d.y_test),
        "weights": params,
        "predict": predict_points,
    }
