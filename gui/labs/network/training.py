"""The Network lab's live training run: play and pause on a timer, short training slices, step and reset, and
keeping the run in step with the state (a new run only when the network or its settings change).

A mixin of :class:`gui.labs.network.lab.NetworkLab`, split out so each module stays readable; it expects the lab's
``controls``, ``_run``, ``_history``, ``_timer`` and frame bookkeeping.
"""

from __future__ import annotations

import dataclasses
import time

import numpy as np

from engine.nn import NetworkError, NetworkState, TrainingRun, network_params

__all__ = ["NetworkTrainingMixin", "FRAME_S", "TRAIN_SLICE_S", "SLOW_FRAME_S"]

FRAME_S = 0.033  # the boundary redraws at most ~30 times a second
TRAIN_SLICE_S = 0.005  # training per timer tick: short, so a tick plus a repaint stays well inside a 16 ms frame
SLOW_FRAME_S = 0.2  # "slow" speed: 5 epochs a second
_KEEP_RUN = ("weights", "epoch", "probe", "stage", "projection", "view")
_DATA = ("dataset", "n_points", "noise", "test_fraction", "points")  # what TrainingRun.set_data may change


def _config(state: NetworkState) -> NetworkState:
    """The state without the fields a training run may change or that only choose what is shown."""
    return dataclasses.replace(state, **{k: getattr(NetworkState(), k) for k in _KEEP_RUN})


def _same_network(a: NetworkState, b: NetworkState) -> bool:
    """Whether two states train the same network the same way (they may differ in data and weights)."""
    return _config(a) == _config(dataclasses.replace(b, **{k: getattr(a, k) for k in _DATA}))


class NetworkTrainingMixin:
    """Run, pace and stop training; rebuild or keep the live run as states arrive."""

    def is_playing(self) -> bool:
        """Whether training is running."""
        return self._timer.isActive()

    def _on_play(self, on: bool) -> None:
        if on:
            if self._run is None:
                self.error_message(self._data_error or "nothing to train")
                self._pause()
                return
            if self._run.status == "diverged":
                self.error_message("this run diverged: lower the learning rate or press Reset")
                self._pause()
                return
            self._set_timer_interval()
            self._last_frame = time.perf_counter()
            self._timer.start()
        else:
            self._pause()
        self._show_play_button()

    def _set_timer_interval(self) -> None:
        """Fast: a tick whenever the event loop is idle; the paced speeds tick once per frame they show."""
        mode = self.controls.speed.currentData()
        self._timer.setInterval(0 if mode == 0 else int(1000 * (SLOW_FRAME_S if mode == -1 else FRAME_S)))

    def _pause(self) -> None:
        was = self._timer.isActive()
        self._timer.stop()
        self._show_play_button()
        if self._run is not None and self._run.partial:
            self._run.rewind_partial()  # whole epochs only: the paused network is exactly "after `epoch` epochs"
        if was:
            self.preview(self._current_trained())
            self.commit(f"Train to epoch {self._state.epoch}")
            self._render_views(self._state, force=True)  # tables were throttled while playing: show exact numbers

    def _show_play_button(self) -> None:
        b = self.controls.play_button
        b.blockSignals(True)
        b.setChecked(self._timer.isActive())
        b.setText("❚❚ Pause" if self._timer.isActive() else "▶ Play")
        b.blockSignals(False)

    def _tick(self) -> None:
        """One timer tick: either a short slice of training or a redraw, never both (each stays within ~10 ms)."""
        run = self._run
        if run is None:
            self._pause()
            return
        if self.controls.speed.currentData() == 0:
            if self._trained_since_frame and time.perf_counter() - self._last_frame >= FRAME_S:
                self._show_progress(run)
                return
            status = run.advance(TRAIN_SLICE_S)
            self._trained_since_frame = True
        else:  # paced: one epoch per shown frame (a big epoch is spread over several ticks)
            status = run.advance(TRAIN_SLICE_S, max_epochs=1)
            if run.partial and status == "ready":
                return
        if status != "ready" or self.controls.speed.currentData() != 0:
            self._show_progress(run)

    def _show_progress(self, run: TrainingRun) -> None:
        """Show the live run's weights and epoch (a preview); stop with a message when it diverged."""
        self._last_frame = time.perf_counter()
        self._trained_since_frame = False
        self.preview(dataclasses.replace(self._state, weights=run.weights(), epoch=run.epoch))
        if run.status == "diverged":
            self._timer.stop()
            self._show_play_button()
            self.error_message(run.message)
            self.commit("Train until divergence")

    def train_epochs(self, epochs: int) -> None:
        """Train ``epochs`` epochs now (the Step button; also used by tests and lessons) as one undo step."""
        if self._run is None:
            self.error_message(self._data_error or "nothing to train")
            return
        status = self._run.run(epochs)
        self.edit(
            dataclasses.replace(self._state, weights=self._run.weights(), epoch=self._run.epoch),
            f"Train {epochs} epoch{'s' if epochs != 1 else ''}",
        )
        if status == "diverged":
            self.error_message(self._run.message)

    def step_epoch(self) -> None:
        """One epoch (pauses first)."""
        self._pause()
        self.train_epochs(1)

    def reset_weights(self) -> None:
        """Fresh seeded weights at epoch 0 (keeps data and settings)."""
        self._pause()
        self._run = None
        self.edit(dataclasses.replace(self._state, weights=None, epoch=0), "Reset network")
        self._sync_run(self._state)
        self.render(self._state)

    def _sync_run(self, state: NetworkState) -> None:
        """Keep the live run when the state is the run's own progress; otherwise rebuild it from the state."""
        run = self._run
        if run is not None and _config(run.state) == _config(state) and run.epoch == state.epoch:
            try:
                same = np.array_equal(run.params, network_params(state))
            except NetworkError:
                same = False
            if same:
                run.state = state  # same network and settings; only what is shown changed
                return
        try:
            new = TrainingRun(state)
        except NetworkError as exc:
            self._run, self._data_error = None, str(exc)
            self._timer.stop()
            self._show_play_button()
            self.error_message(str(exc))
            return
        self._adopt(new, state)

    def _adopt(self, run: TrainingRun, state: NetworkState) -> None:
        """Make ``run`` the live one, continuing the loss history up to the state's epoch."""
        self._data_error = ""
        h = self._history
        keep = sum(1 for e in h["epoch"] if e < state.epoch) if state.epoch > 0 else 0
        self._history = {k: v[:keep] + run.history[k] for k, v in h.items()}
        run.history = self._history
        self._run = run
