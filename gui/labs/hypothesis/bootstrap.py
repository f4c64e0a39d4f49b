"""The Hypothesis lab's bootstrap tab: resampling runs off the GUI thread, the latest run is kept for redraws."""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore

from engine.inference import BootstrapResult, HypothesisState, bootstrap_picture, bootstrap_readout, run_bootstrap
from gui.i18n import translate
from gui.labs.base import Lab
from gui.labs.hypothesis.controls import HypothesisControls
from gui.labs.hypothesis.permutation import SAMPLE_FIELDS
from gui.labs.hypothesis.render import VerdictView
from gui.widgets.jobs import LatestJob

__all__ = ["BootstrapRunner"]


class BootstrapRunner(QtCore.QObject):
    """Submits a bootstrap run when its inputs change and draws the newest finished one."""

    def __init__(self, lab: Lab, controls: HypothesisControls, verdict: VerdictView, view: Any) -> None:
        super().__init__(lab)
        self.lab, self.controls, self.verdict = lab, controls, verdict
        self._view = view  # () -> the BootstrapView, built on first use
        self.job = LatestJob(self)
        self.result: BootstrapResult | None = None
        self._key: tuple | None = None
        self.job.finished.connect(self._on_result)
        self.job.failed.connect(self.show_error)

    def show(self, state: HypothesisState) -> None:
        """The tab is open on ``state``: redraw the kept run, or start a new one when its inputs changed."""
        key = (*(getattr(state, f) for f in SAMPLE_FIELDS), state.boot_stat, state.boot_method,
               state.boot_resamples, state.boot_seed, state.alpha)  # fmt: skip
        if key == self._key and self.result is not None:
            self._on_result(self.result)
            return
        self._key = key
        self.controls.boot_label.setText(translate("Hypothesis", "resampling…"))
        self.job.submit(run_bootstrap, state)

    def _on_result(self, res: BootstrapResult) -> None:
        self.result = res
        if self.lab.state().tab != "bootstrap":
            return
        view = self._view()
        view.show_result(bootstrap_picture(res))
        view.setEnabled(True)
        label, verdict = bootstrap_readout(res)
        self.controls.boot_label.setText(label)
        self.verdict.show(verdict, None)

    def show_error(self, exc: Exception | str) -> None:
        """The run failed: empty the readout, grey the view, say why when the tab is open."""
        self.controls.boot_label.setText("")
        self._view().setEnabled(False)
        self.result = None
        if self.lab.state().tab == "bootstrap":
            self.verdict.show(translate("Hypothesis", "Cannot run the bootstrap test: {0}").format(exc), None)
            self.lab.error_message(str(exc))

    def shutdown(self) -> None:
        """Drop the background run."""
        self.job.cancel()
        self.job.wait(5000)
