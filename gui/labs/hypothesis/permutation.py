"""The Hypothesis lab's permutation tab: shuffles run off the GUI thread, then the null is revealed frame by frame."""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore

from engine.inference import (
    HypothesisResults,
    HypothesisState,
    PermutationResult,
    permutation_frame,
    permutation_layout,
    permutation_readout,
    run_permutation,
)
from gui.i18n import translate
from gui.labs.base import Lab
from gui.labs.hypothesis.controls import HypothesisControls
from gui.labs.hypothesis.render import VerdictView
from gui.widgets.jobs import LatestJob

__all__ = ["PermutationPlayback", "FRAMES_PER_RUN", "FRAME_MS", "SAMPLE_FIELDS"]

FRAMES_PER_RUN = 120  # a permutation run is revealed in about 3.6 s whatever its size
FRAME_MS = 30
# the state fields that decide samples A and B: a change to any of them invalidates the resampling results
SAMPLE_FIELDS = ("source", "seed", "true_mu", "true_mu_b", "sigma", "n", "n_b", "typed_a", "typed_b", "csv_a",
                 "csv_b")  # fmt: skip


class PermutationPlayback(QtCore.QObject):
    """Start, animate, pause, replay and finish the permutation test's shuffle-by-shuffle reveal."""

    def __init__(self, lab: Lab, controls: HypothesisControls, verdict: VerdictView, view: Any) -> None:
        super().__init__(lab)
        self.lab, self.controls, self.verdict = lab, controls, verdict
        self._view = view  # () -> the PermutationView, built on first use
        self.job = LatestJob(self)
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.tick)
        self.result: PermutationResult | None = None
        self.done = 0
        self._key: tuple | None = None
        self._layout = None
        controls.perm_play.clicked.connect(self.toggle_play)
        controls.perm_replay.clicked.connect(self.replay)
        controls.perm_all.clicked.connect(self.reveal_all)
        self.job.finished.connect(self._on_result)
        self.job.failed.connect(self.show_error)

    def show(self, state: HypothesisState, results: HypothesisResults) -> None:
        """The tab is open on ``state``: start a new run when its inputs changed, else show the current frame."""
        key = (*(getattr(state, f) for f in SAMPLE_FIELDS), state.perm_resamples, state.perm_seed, state.alternative)
        if key != self._key:
            self._key = key
            self.timer.stop()
            if results.error:
                self.show_error(results.error)
                return
            self.controls.perm_label.setText(translate("Hypothesis", "shuffling…"))
            self.job.submit(run_permutation, state)
            return
        self.show_progress()

    def show_error(self, exc: Exception | str) -> None:
        """The run cannot be made: empty the readout, grey the view, say why when the tab is open."""
        self.controls.perm_label.setText("")
        self._view().setEnabled(False)
        self.result = None
        if self.lab.state().tab == "permutation":
            self.verdict.show(translate("Hypothesis", "Cannot run the permutation test: {0}").format(exc), None)
            self.lab.error_message(str(exc))

    def _on_result(self, result: PermutationResult) -> None:
        self.result, self.done = result, 0
        self._layout = permutation_layout(result)
        view = self._view()
        view.set_layout(result.observed, self._layout)
        view.setEnabled(True)
        self.controls.perm_play.setText(translate("Hypothesis", "Pause"))
        self.timer.start()
        self.show_progress()

    def tick(self) -> None:
        """One animation frame: reveal the next share of the shuffles."""
        res = self.result
        if res is None or self.done >= res.n_resamples:
            self.timer.stop()
            self.controls.perm_play.setText(translate("Hypothesis", "Play"))
            return
        self.done = min(res.n_resamples, self.done + max(1, res.n_resamples // FRAMES_PER_RUN))
        self.show_progress()

    def show_progress(self) -> None:
        """Histogram, readout and verdict after the shuffles revealed so far."""
        res, state = self.result, self.lab.state()
        if res is None or state.tab != "permutation":
            return
        self._view().show_frame(permutation_frame(res, self.done, self._layout))
        label, verdict, reject = permutation_readout(res, self.done, state.alpha)
        self.controls.perm_label.setText(label)
        self.verdict.show(verdict, reject)

    def toggle_play(self) -> None:
        """Pause a running reveal, or play it (from the start when it had finished)."""
        if self.timer.isActive():
            self.timer.stop()
            self.controls.perm_play.setText(translate("Hypothesis", "Play"))
        elif self.result is not None:
            if self.done >= self.result.n_resamples:
                self.done = 0
            self.timer.start()
            self.controls.perm_play.setText(translate("Hypothesis", "Pause"))

    def replay(self) -> None:
        """Reveal the same run again from the first shuffle."""
        self.done = 0
        if self.result is not None:
            self.timer.start()
            self.controls.perm_play.setText(translate("Hypothesis", "Pause"))
            self.show_progress()

    def reveal_all(self) -> None:
        """Jump to the end of the reveal: every shuffle and the final p-value."""
        if self.result is not None:
            self.timer.stop()
            self.done = self.result.n_resamples
            self.controls.perm_play.setText(translate("Hypothesis", "Play"))
            self.show_progress()

    def shutdown(self) -> None:
        """Stop the animation and drop the background run."""
        self.timer.stop()
        self.job.cancel()
        self.job.wait(5000)
