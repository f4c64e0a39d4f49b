"""The Network lab's live training run: play and pause on a timer, short training slices, step and reset, and keeping
the run in step with the state (a new run only when the network or its settings change).

Training is engine work (:class:`engine.nn.TrainingRun`); this controller only paces it on the GUI thread's timer so
no tick holds the event loop for more than a few milliseconds.
"""

from __future__ import annotations

import dataclasses
import time

import numpy as np
from PySide6 import QtCore

from engine.nn import NetworkError, NetworkState, TrainingRun, network_params, training_config
from gui.i18n import translate
from gui.labs.base import Lab

__all__ = ["TrainingController", "FRAME_S", "TRAIN_SLICE_S", "DRAG_SLICE_S", "SLOW_FRAME_S"]

FRAME_S = 0.033  # the boundary redraws at most ~30 times a second
TRAIN_SLICE_S = 0.005  # training per timer tick: short, so a tick plus a repaint stays well inside a 16 ms frame
DRAG_SLICE_S = 0.002  # ... shorter while a point is dragged: a mouse move never waits behind more than this
SLOW_FRAME_S = 0.2  # "slow" speed: 5 epochs a second
STEP_NOW_BATCHES = 400  # Step trains an epoch of at most this many mini-batches at once; a bigger one in slices


class TrainingController(QtCore.QObject):
    """Run, pace and stop training for a lab; rebuild or keep the live run as states arrive.

    ``slice_steps`` replaces the per-tick time budget by an exact number of mini-batch steps (tests set it, so what
    they observe does not depend on the machine's speed).
    """

    def __init__(self, lab: Lab) -> None:
        super().__init__(lab)
        self.lab = lab
        self.run: TrainingRun | None = None
        self.history: dict[str, list[float]] = {"epoch": [], "train_loss": [], "test_loss": []}
        self.error = ""  # why there is no run (degenerate data), shown on the plane
        self.slice_steps: int | None = None
        self.step_target: int | None = None  # the epoch a sliced Step is training towards (None: not stepping)
        self._last_frame = 0.0
        self._trained_since_frame = False
        self._frame_shown = False  # a frame was shown on the last tick: Qt paints it on the next pass
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(0)  # a tick whenever the event loop is idle; redraws are rate-limited in tick
        self.timer.timeout.connect(self.tick)

    def is_playing(self) -> bool:
        """Whether training is running."""
        return self.timer.isActive()

    def on_play(self, on: bool) -> None:
        """The Play button toggled: start the timer (if there is something to train) or pause."""
        if on:
            if self.run is None:
                self.lab.error_message(self.error or translate("Network", "nothing to train"))
                self.pause()
                return
            if self.run.status == "diverged":
                self.lab.error_message(
                    translate("Network", "this run diverged: lower the learning rate or press Reset")
                )
                self.pause()
                return
            self.set_timer_interval()
            self._last_frame = time.perf_counter()
            self.timer.start()
        else:
            self.pause()
        self.show_play_button()

    def set_timer_interval(self) -> None:
        """Fast: a tick whenever the event loop is idle; the paced speeds tick once per frame they show."""
        mode = self.lab.controls.speed.currentData()
        self.timer.setInterval(0 if mode == 0 else int(1000 * (SLOW_FRAME_S if mode == -1 else FRAME_S)))

    def pause(self) -> None:
        """Stop training where it is and commit it as one undo step (a part-trained epoch is kept, not thrown away).

        The live run stays in step with the committed weights, so Play or Step continues the same epoch exactly.
        """
        was = self.timer.isActive()
        self.timer.stop()
        self.step_target = None
        self.show_play_button()
        if was:
            lab = self.lab
            lab.preview(self.trained_state())
            if self.run is not None and self.run.partial:
                text = translate("Network", "Train part of epoch {0}").format(lab.state().epoch + 1)
            else:
                text = translate("Network", "Train to epoch {0}").format(lab.state().epoch)
            lab.commit(text)
            lab.display.show(lab.state(), force=True)  # tables were throttled while playing: show exact numbers

    def show_play_button(self) -> None:
        """Make the Play button say what a click will do."""
        b = self.lab.controls.play_button
        blocker = QtCore.QSignalBlocker(b)
        b.setChecked(self.timer.isActive())
        b.setText(translate("Network", "❚❚ Pause") if self.timer.isActive() else translate("Network", "▶ Play"))
        del blocker

    def _advance(self, run: TrainingRun, max_epochs: int | None = None) -> str:
        if self.slice_steps is not None:
            return run.advance(None, max_epochs=max_epochs, max_steps=self.slice_steps)
        budget = DRAG_SLICE_S if self.lab.point_edits.dragging else TRAIN_SLICE_S
        return run.advance(budget, max_epochs=max_epochs)

    def tick(self) -> None:
        """One timer tick: either a short slice of training or a redraw, never both (each stays within ~10 ms)."""
        run = self.run
        if run is None:
            self.pause()
            return
        if self._frame_shown:  # the pass that paints a frame trains nothing: the frame (and any click) waits less
            self._frame_shown = False
            return
        if self.step_target is not None:
            self._tick_step(run)
            return
        fast = self.lab.controls.speed.currentData() == 0
        if fast:
            if self._trained_since_frame and time.perf_counter() - self._last_frame >= FRAME_S:
                self.show_progress(run)
                return
            status = self._advance(run)
            self._trained_since_frame = True
        else:  # paced: one epoch per shown frame (a big epoch is spread over several ticks)
            status = self._advance(run, max_epochs=1)
            if run.partial and status == "ready":
                return
        if status != "ready" or not fast:
            self.show_progress(run)

    def show_progress(self, run: TrainingRun) -> None:
        """Show the live run's weights and epoch (a preview); stop with a message when it diverged."""
        self._last_frame = time.perf_counter()
        self._trained_since_frame = False
        self._frame_shown = True
        lab = self.lab
        shown = lab.point_edits.dragged_state() or lab.state()  # a dragged point's newest place (already in the run)
        lab.preview(dataclasses.replace(shown, weights=run.weights(), epoch=run.epoch))
        if run.status == "diverged":
            self.timer.stop()
            self.show_play_button()
            lab.error_message(run.message)
            lab.commit(translate("Network", "Train until divergence"))

    def train_epochs(self, epochs: int) -> None:
        """Train ``epochs`` epochs now (the Step button; also used by tests and lessons) as one undo step."""
        lab = self.lab
        if self.run is None:
            lab.error_message(self.error or translate("Network", "nothing to train"))
            return
        status = self.run.run(epochs)
        lab.edit(
            dataclasses.replace(lab.state(), weights=self.run.weights(), epoch=self.run.epoch),
            f"Train {epochs} epoch{'s' if epochs != 1 else ''}",
        )
        if status == "diverged":
            lab.error_message(self.run.message)

    def step_epoch(self) -> None:
        """One epoch (pauses first): at once when small, else in slices on the timer so the window never freezes."""
        self.pause()
        run = self.run
        if run is None or run.status != "ready" or not run.partial and self._batches_per_epoch(run) <= STEP_NOW_BATCHES:
            self.train_epochs(1)
            return
        self.step_target = run.epoch + 1
        self.timer.setInterval(0)
        self._last_frame = time.perf_counter()
        self.timer.start()
        self.show_play_button()

    @staticmethod
    def _batches_per_epoch(run: TrainingRun) -> int:
        n = len(run.data.y_train)
        return -(-n // max(1, min(int(run.state.batch_size), n))) if n else 0

    def _tick_step(self, run: TrainingRun) -> None:
        """A slice of a sliced Step; at the epoch's end, commit it as one undo step."""
        status = self._advance(run, max_epochs=max(1, self.step_target - run.epoch))
        if status == "ready" and run.epoch < self.step_target:
            if time.perf_counter() - self._last_frame >= FRAME_S:
                self.show_progress(run)
            return
        self.step_target = None
        self.timer.stop()
        self.show_play_button()
        lab = self.lab
        lab.edit(dataclasses.replace(lab.state(), weights=run.weights(), epoch=run.epoch), "Train 1 epoch")
        if status == "diverged":
            lab.error_message(run.message)

    def reset_weights(self) -> None:
        """Fresh seeded weights at epoch 0 (keeps data and settings)."""
        self.pause()
        self.run = None
        lab = self.lab
        lab.edit(dataclasses.replace(lab.state(), weights=None, epoch=0), translate("Network", "Reset network"))
        self.sync(lab.state())
        lab.render(lab.state())

    def trained_state(self) -> NetworkState:
        """The lab's state including the live run's latest weights (they may be ahead of the state while playing)."""
        run, s = self.run, self.lab.state()
        if run is None:
            return s
        weights = run.weights()
        if run.epoch == s.epoch and (s.weights is None or s.weights == weights):
            return s
        return dataclasses.replace(s, weights=weights, epoch=run.epoch)

    def sync(self, state: NetworkState) -> None:
        """Keep the live run when the state is the run's own progress; otherwise rebuild it from the state."""
        run = self.run
        if run is not None and training_config(run.state) == training_config(state) and run.epoch == state.epoch:
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
            self.run, self.error = None, str(exc)
            self.timer.stop()
            self.show_play_button()
            self.lab.error_message(str(exc))
            return
        self.adopt(new, state)

    def adopt(self, run: TrainingRun, state: NetworkState) -> None:
        """Make ``run`` the live one, continuing the loss history up to the state's epoch."""
        self.error = ""
        h = self.history
        keep = sum(1 for e in h["epoch"] if e < state.epoch) if state.epoch > 0 else 0
        self.history = {k: v[:keep] + run.history[k] for k, v in h.items()}
        run.history = self.history
        self.run = run
