"""The Hypothesis lab's permutation tab: shuffles run off the GUI thread, then the null is revealed frame by frame.

A mixin of :class:`gui.labs.hypothesis.lab.HypothesisLab`, split out so each module stays readable; it expects the lab's
``controls``, ``perm_view``, ``_perm_job``, ``_perm_key``, ``_perm_result``, ``_perm_done`` and ``_timer``.
"""

from __future__ import annotations

from engine.inference import HypothesisState, InferenceError, format_p, permutation_progress, run_permutation, samples
from gui.labs.hypothesis.render import SAMPLE_FIELDS

__all__ = ["PermutationPlaybackMixin", "FRAMES_PER_RUN"]

FRAMES_PER_RUN = 120  # a permutation run is revealed in about 3.6 s whatever its size


class PermutationPlaybackMixin:
    """Start, animate, pause, replay and finish the permutation test's shuffle-by-shuffle reveal."""

    def _render_permutation(self, state: HypothesisState) -> None:
        key = (*(getattr(state, f) for f in SAMPLE_FIELDS), state.perm_resamples, state.perm_seed, state.alternative)
        if key != self._perm_key:
            self._perm_key = key
            self._timer.stop()
            try:
                samples(state)
            except InferenceError as exc:
                self._show_tab_error("permutation", exc)
                return
            self.controls.perm_label.setText("shuffling…")
            self._perm_job.submit(run_permutation, state)
            return
        self._show_permutation_progress()

    def _on_permutation(self, result) -> None:
        self._perm_result = result
        self._perm_done = 0
        self.perm_view.set_result(result)
        self.perm_view.setEnabled(True)
        self.controls.perm_play.setText("Pause")
        self._timer.start()
        self._show_permutation_progress()

    def _tick(self) -> None:
        res = self._perm_result
        if res is None or self._perm_done >= res.n_resamples:
            self._timer.stop()
            self.controls.perm_play.setText("Play")
            return
        self._perm_done = min(res.n_resamples, self._perm_done + max(1, res.n_resamples // FRAMES_PER_RUN))
        self._show_permutation_progress()

    def _show_permutation_progress(self) -> None:
        res = self._perm_result
        if res is None or self._state.tab != "permutation":
            return
        prog = permutation_progress(res, self._perm_done)
        self.perm_view.show_progress(prog)
        exact = " (every relabelling: an exact test)" if res.exact else ""
        self.controls.perm_label.setText(
            f"observed difference = {res.observed:.4g}<br>{prog.text}<br><b>p = {format_p(prog.p_value)}</b> "
            f"after {prog.done} of {prog.total} shuffles{exact}"
        )
        if prog.done < prog.total:
            self._set_verdict(f"Shuffling labels… {prog.done} of {prog.total}: {prog.text}.", None)
            return
        reject = prog.p_value <= self._state.alpha
        word = "≤" if reject else ">"
        decision = "reject H₀: the labels seem to matter." if reject else "do not reject H₀: shuffled labels often "
        if not reject:
            decision += "give a difference this large."
        self._set_verdict(f"p = {format_p(prog.p_value)} {word} α = {self._state.alpha:g}: {decision}", reject)

    def _toggle_play(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.controls.perm_play.setText("Play")
        elif self._perm_result is not None:
            if self._perm_done >= self._perm_result.n_resamples:
                self._perm_done = 0
            self._timer.start()
            self.controls.perm_play.setText("Pause")

    def _replay(self) -> None:
        self._perm_done = 0
        if self._perm_result is not None:
            self._timer.start()
            self.controls.perm_play.setText("Pause")
            self._show_permutation_progress()

    def _reveal_all(self) -> None:
        if self._perm_result is not None:
            self._timer.stop()
            self._perm_done = self._perm_result.n_resamples
            self.controls.perm_play.setText("Play")
            self._show_permutation_progress()
