"""A live training session of the Network lab: epochs of shuffled mini-batches with an ``engine.optim`` stepper.

Too slow for one frame, so a GUI runs it in short slices (a time or an exact step budget per call) and shows each
result by deriving the state ``TrainingRun.to_state()`` gives back.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field, replace

import numpy as np

from engine.nn.data import DataSplit, NetworkError
from engine.nn.lab import MAX_WEIGHT, NetworkState, hyperparameters, network_params, state_data, state_layout
from engine.nn.maths import Layout, forward, loss_and_grad, loss_value
from engine.optim import make_stepper

__all__ = ["MAX_LOSS", "TrainingRun"]

MAX_LOSS = 1e3  # a mean loss above this (or |weight| above MAX_WEIGHT) is an exploding run


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
        self._steps_left: int | None = None  # the step budget of the current ``advance`` call
        self.steps_taken = 0  # mini-batch steps the last ``advance`` call with a step budget took
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

    def advance(self, seconds: float | None, max_epochs: int | None = None, max_steps: int | None = None) -> str:
        """Train mini-batches until a time or step budget is spent (at least one batch), stopping mid-epoch if need be.

        What a GUI calls each frame: the time per call stays bounded however large the data set or small the batch,
        so the window never freezes. A step budget (``max_steps``) makes the work exact, whatever the machine's
        speed: tests and refits that must reach a known epoch use it. ``epoch`` counts whole epochs; ``partial``
        says whether one is under way.

        Parameters
        ----------
        seconds : float or None
            Time budget of this call (``None``: no time limit).
        max_epochs : int, optional
            Stop after completing this many epochs (``None``: as many as the budgets allow).
        max_steps : int, optional
            Stop after this many mini-batch steps (``None``: no step limit).

        Returns
        -------
        str
            "ready" or "diverged", as :meth:`run`.
        """
        deadline = None if seconds is None else time.perf_counter() + max(float(seconds), 0.0)
        target = None if max_epochs is None else self.epoch + int(max_epochs)
        self._steps_left = None if max_steps is None else max(int(max_steps), 1)
        try:
            while self.status == "ready" and (target is None or self.epoch < target):
                if not self._train(deadline=deadline):
                    break
                if deadline is None and self._steps_left is None and target is None:
                    break  # no budget at all: one epoch
        finally:
            if self._steps_left is not None:
                self.steps_taken = max(int(max_steps), 1) - self._steps_left
            self._steps_left = None
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
        """Continue the current epoch until it ends (True) or a time or step budget runs out (False, resumable)."""
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
            if self._steps_left is not None:
                self._steps_left -= 1
            if self._pos < n and self._out_of_budget(deadline):
                return False
        self._pos = 0
        self.epoch += 1
        self._record()
        return not self._out_of_budget(deadline)

    def _out_of_budget(self, deadline: float | None) -> bool:
        if self._steps_left is not None and self._steps_left <= 0:
            return True
        return deadline is not None and time.perf_counter() > deadline

    def weights(self) -> tuple[float, ...]:
        """The current weights as plain floats, for ``NetworkState.weights``."""
        return tuple(float(v) for v in self.params)

    def to_state(self) -> NetworkState:
        """The run's state with its current weights and epoch."""
        return replace(self.state, weights=self.weights(), epoch=self.epoch)
