"""The Evaluation tab: cross-validation, intervals, model A vs B (McNemar, paired bootstrap with the p-value shaded)
and the multiple-comparisons trap. The resampling runs off the GUI thread (newest state wins)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.classify import ClassifierError, ClassifierState, Evaluation, evaluate
from gui import theme
from gui.fit import MAIN_PLOT_MIN
from gui.i18n import translate
from gui.widgets.jobs import LatestJob
from gui.widgets.plane import configure_plot
from gui.widgets.reflow import Reflow

__all__ = ["EvaluationView", "evaluation_text", "zero_edges"]


def _p(p: float) -> str:
    return "< 0.0001" if p < 1e-4 else f"{p:.4f}"


def evaluation_text(ev: Evaluation, state: ClassifierState) -> str:
    """The tab's readout: CV, intervals, A vs B, and the multiple-comparisons verdict."""
    conf = 100 * (1 - state.alpha)
    best = int(np.argmin(ev.mc_p))
    lines = [
        translate("EvaluationView",
                  "{k}-fold CV (stratified, fold sizes {sizes}): accuracy {acc:.3f}, AUC {auc:.3f}").format(
            k=len(ev.fold_sizes), sizes=", ".join(map(str, ev.fold_sizes)), acc=float(np.mean(ev.cv_accuracy)),
            auc=float(np.mean(ev.cv_auc)) if len(ev.cv_auc) else float("nan")),
        translate("EvaluationView", "Accuracy {c:g}% Wilson interval: {lo:.3f} – {hi:.3f}").format(
            c=conf, lo=ev.accuracy_ci[0], hi=ev.accuracy_ci[1]),
        translate("EvaluationView", "AUC {auc:.3f}, {c:g}% bootstrap interval: {lo:.3f} – {hi:.3f}").format(
            auc=ev.auc, c=conf, lo=ev.auc_ci[0], hi=ev.auc_ci[1]),
        translate("EvaluationView",
                  "Model A (both features) vs model B ({b} only, AUC {bauc:.3f}): McNemar exact p = {mp} "
                  "(only A right: {oa}, only B right: {ob}); AUC difference {d:+.3f}, bootstrap interval "
                  "{lo:+.3f} – {hi:+.3f}, p = {pp}").format(
            b=ev.b_feature, bauc=ev.b_auc, mp=_p(ev.mcnemar.p_value), oa=ev.mcnemar.only_a, ob=ev.mcnemar.only_b,
            d=ev.paired.difference, lo=ev.paired.low, hi=ev.paired.high, pp=_p(ev.paired.p_value)),
        translate("EvaluationView",
                  "{m} pure-noise feature sets: the best has AUC {auc:.3f} and raw p = {p}; {raw} pass α = {a:g} "
                  "by chance. After Holm: p = {h}, {holm} pass; Bonferroni p = {b}.").format(
            m=len(ev.mc_p), auc=ev.mc_auc[best], p=_p(ev.mc_p[best]), raw=int(np.sum(ev.mc_p < state.alpha)),
            a=state.alpha, h=_p(ev.mc_holm[best]), holm=int(np.sum(ev.mc_holm < state.alpha)),
            b=_p(ev.mc_bonferroni[best])),
    ]  # fmt: skip
    return "\n".join(lines)


def zero_edges(values: np.ndarray, bins: int = 30) -> np.ndarray:
    """Histogram edges over ``values`` with 0 on an edge, so the shaded side of 0 holds exactly those resamples."""
    v = np.asarray(values, float)
    lo, hi = min(float(v.min()), 0.0), max(float(v.max()), 0.0)
    width = (hi - lo) / bins if hi > lo else 1.0
    start = np.floor(lo / width) * width
    n = max(1, int(np.ceil((hi - start) / width - 1e-9)))
    edges = start + width * np.arange(n + 1)
    edges[np.argmin(np.abs(edges))] = 0.0  # exactly 0, not 1e-17
    if edges[-1] < hi:
        edges = np.r_[edges, edges[-1] + width]
    return edges


class EvaluationView(QtWidgets.QWidget):
    """Readout plus two plots: paired-bootstrap AUC differences (p shaded) and the noise feature sets' p-values."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = QtWidgets.QLabel(self.tr("Open this tab to evaluate the model."))
        self.text.setWordWrap(True)
        self.text.setMinimumHeight(120)
        self.text.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(self.tr("Evaluation results"))
        self.diff_plot = pg.PlotWidget()
        self.mc_plot = pg.PlotWidget()
        for w in (self.diff_plot, self.mc_plot):
            configure_plot(w.getPlotItem())
            w.getPlotItem().getViewBox().setMouseEnabled(False, False)
            for side in ("left", "bottom"):
                w.getPlotItem().getAxis(side).enableAutoSIPrefix(False)
        style = {"color": theme.color("fg").name(), "font-size": f"{theme.current().font_pt}pt"}
        self.diff_plot.getPlotItem().setLabel("bottom", self.tr("AUC(A) − AUC(B)"), **style)
        self.diff_plot.getPlotItem().setLabel("left", self.tr("resamples"), **style)
        self.mc_plot.getPlotItem().setLabel("bottom", self.tr("noise sets, by p"), **style)
        self.mc_plot.getPlotItem().setLabel("left", self.tr("p-value"), **style)
        self.diff_plot.setAccessibleName(self.tr("Histogram of bootstrap AUC differences, p-value shaded"))
        self.mc_plot.setAccessibleName(self.tr("p-values of the noise feature sets with α and Holm's thresholds"))
        self.hist = pg.PlotCurveItem(fillLevel=0, pen=theme.pen("blue", 1.2),
                                     brush=theme.brush("blue", 90))  # fmt: skip
        self.tail = pg.PlotCurveItem(fillLevel=0, pen=None,
                                     brush=theme.brush("vermillion", 170))  # fmt: skip
        self.zero = pg.InfiniteLine(pos=0, angle=90, pen=theme.pen("fg", 1.2, style="dash"))
        for item in (self.hist, self.tail, self.zero):
            self.diff_plot.addItem(item)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=theme.brush("blue", 160))
        self.hits = pg.BarGraphItem(x=[], height=[], width=0.7, brush=theme.brush("vermillion", 200))
        self.alpha_line = pg.InfiniteLine(angle=0, pen=theme.pen("vermillion", 1.6, style="dash"))
        self.holm_line = pg.PlotCurveItem(pen=theme.pen("green", 2.0))
        for item in (self.bars, self.hits, self.alpha_line, self.holm_line):
            self.mc_plot.addItem(item)
        for plot in (self.diff_plot, self.mc_plot):  # they take the room that is left (not their 640 × 480 hint)
            plot.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Ignored)
            plot.setMinimumHeight(140)
        plots = QtWidgets.QBoxLayout(QtWidgets.QBoxLayout.Direction.LeftToRight)
        plots.addWidget(self.diff_plot)
        plots.addWidget(self.mc_plot)
        direction = QtWidgets.QBoxLayout.Direction
        # a narrow tab (1024 × 768 with the Lessons panel): the two plots one above the other, each the full width
        self.reflow = Reflow(self, 2 * MAIN_PLOT_MIN + 8, (self.diff_plot, self.mc_plot),
                             lambda narrow: plots.setDirection(direction.TopToBottom if narrow
                                                               else direction.LeftToRight))  # fmt: skip
        lay = QtWidgets.QVBoxLayout(self)
        lay.addLayout(plots, 1)
        lay.addWidget(self.text)
        self.job = LatestJob(self)
        self.job.finished.connect(self._on_done)
        self.job.failed.connect(self._on_failed)
        self.result: Evaluation | None = None
        self._state: ClassifierState | None = None
        self._asked: ClassifierState | None = None

    def request(self, state: ClassifierState) -> None:
        """Evaluate ``state`` in the background (the last result stays shown until the new one arrives)."""
        if state == self._asked:
            return
        self._asked = state
        if self.result is None:
            self.text.setText(self.tr("Evaluating…"))
        self.job.submit(self._run, state)

    @staticmethod
    def _run(state: ClassifierState) -> tuple[ClassifierState, Evaluation]:
        return state, evaluate(state)

    def _on_failed(self, error: object) -> None:
        msg = str(error) if isinstance(error, ClassifierError) else self.tr("evaluation failed: {0}").format(error)
        self.result = None
        self.text.setText(msg)

    def _on_done(self, payload: tuple[ClassifierState, Evaluation]) -> None:
        state, ev = payload
        self.result, self._state = ev, state
        self.text.setText(evaluation_text(ev, state))
        edges = zero_edges(ev.paired.resampled)
        counts, _ = np.histogram(ev.paired.resampled, bins=edges)
        self.hist.setData(edges, counts, stepMode="center")
        far = edges[:-1] < 0 if ev.paired.difference >= 0 else edges[1:] > 0
        self.tail.setData(edges, np.where(far, counts, 0), stepMode="center")  # half of the two-sided p
        order = np.sort(ev.mc_p)
        x = np.arange(1, len(order) + 1)
        hit = order < state.alpha
        self.bars.setOpts(x=x[~hit], height=order[~hit])
        self.hits.setOpts(x=x[hit], height=order[hit])
        self.alpha_line.setValue(state.alpha)
        m = len(order)
        self.holm_line.setData(np.r_[x - 0.5, m + 0.5], state.alpha / (m - x + 1), stepMode="center")
        self.mc_plot.getPlotItem().setRange(xRange=(0.4, m + 0.6), yRange=(0, max(0.2, 2 * state.alpha)), padding=0)

    def wait(self) -> bool:
        """Block until the background evaluation is done (tests, export)."""
        return self.job.wait()

    def shutdown(self) -> None:
        """Drop the background work."""
        self.job.cancel()
        self.job.wait(5000)
