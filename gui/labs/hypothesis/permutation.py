"""The Hypothesis lab's permutation tab: shuffles run off the GUI thread, then the null is revealed frame by frame."""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore, QtWidgets

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
from gui.labs.hypothesis.render import VerdictView, set_text
from gui.widgets.jobs import LatestJob
from gui.widgets.live_quality import settle_layouts

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
        self._held: tuple[QtCore.QSize, QtCore.QSize] | None = None  # the readout label's own size limits, while held
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
            self._release_label()
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
        self._play(True)
        self.show_progress()

    def _play(self, on: bool) -> None:
        """Run or stop the reveal's timer; while it runs the readout label keeps one size (see :meth:`_hold_label`)."""
        if on:
            self.timer.start()
            self._hold_label()
        else:
            self.timer.stop()
            self._release_label()
        self.controls.perm_play.setText(translate("Hypothesis", "Pause") if on else translate("Hypothesis", "Play"))

    def _hold_label(self) -> None:
        """Fix the readout label at the tallest size its texts take during this run, so the per-frame text does not
        re-lay out the control column 33 times a second (a change of a label's text asks every layout up to the
        window to run again unless its size is fixed): ~2 ms of a ~4.5 ms frame.
        """
        res, label = self.result, self.controls.perm_label
        if res is None or not label.isVisible() or self._held is not None:
            return
        step = max(1, res.n_resamples // FRAMES_PER_RUN)
        frames = range(0, res.n_resamples + step, step)
        samples = {min(res.n_resamples, d) for d in (*frames[:: max(1, len(frames) // 12)], step, res.n_resamples)}
        alpha, width = self.lab.state().alpha, label.width()
        probe = QtWidgets.QLabel()
        probe.setWordWrap(True)
        probe.setFont(label.font())
        probe.setContentsMargins(label.contentsMargins())
        height = label.height()
        for done in sorted(samples):  # the widest numbers come last; a dozen frames in between for the p format
            probe.setText(permutation_readout(res, done, alpha)[0])
            height = max(height, probe.heightForWidth(width))
        self._held = (label.minimumSize(), label.maximumSize())
        label.setFixedSize(width, height)
        settle_layouts()  # the layouts it asks for run now, not level by level over the first frames

    def _release_label(self) -> None:
        if self._held is not None:
            low, high = self._held
            self._held = None
            self.controls.perm_label.setMinimumSize(low)
            self.controls.perm_label.setMaximumSize(high)

    def tick(self) -> None:
        """One animation frame: reveal the next share of the shuffles."""
        res = self.result
        if res is None or self.done >= res.n_resamples:
            self._play(False)
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
        set_text(self.controls.perm_label, label)
        self.verdict.show(verdict, reject)

    def toggle_play(self) -> None:
        """Pause a running reveal, or play it (from the start when it had finished)."""
        if self.timer.isActive():
            self._play(False)
        elif self.result is not None:
            if self.done >= self.result.n_resamples:
                self.done = 0
            self._play(True)

    def replay(self) -> None:
        """Reveal the same run again from the first shuffle."""
        self.done = 0
        if self.result is not None:
            self._play(True)
            self.show_progress()

    def reveal_all(self) -> None:
        """Jump to the end of the reveal: every shuffle and the final p-value."""
        if self.result is not None:
            self._play(False)
            self.done = self.result.n_resamples
            self.show_progress()

    def shutdown(self) -> None:
        """Stop the animation and drop the background run."""
        self.timer.stop()
        self._release_label()
        self.job.cancel()
        self.job.wait(5000)
