"""Hypothesis-testing lab: a test's null distribution with the rejection region and p-value shaded, a permutation
test that builds up shuffle by shuffle, bootstrap intervals, an A/B test, 100 simulated intervals and power.

All numbers come from ``engine.inference``; this module turns widget signals into new states and shows results.
Resampling runs off the GUI thread (newest input wins); the permutation histogram is revealed by a QTimer.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
from PySide6 import QtCore, QtWidgets

from engine.inference import InferenceError, NumberTokenError, format_p, parse_numbers, permutation_progress
from engine.inference_state import (
    COUNT_TESTS,
    TABS,
    TWO_SAMPLE_TESTS,
    HypothesisState,
    run_ab,
    run_bootstrap,
    run_intervals,
    run_permutation,
    run_power,
    run_test,
    samples,
)
from gui import theme
from gui.labs.base import Lab
from gui.labs.hypothesis_controls import ALPHA_TICKS, HypothesisControls
from gui.labs.hypothesis_data import CsvLoader
from gui.labs.hypothesis_views import BootstrapView, IntervalsView, NullView, PermutationView, PowerView
from gui.widgets.jobs import LatestJob
from gui.widgets.lazy_page import LazyPage
from gui.widgets.module_loader import ModuleLoader

__all__ = ["HypothesisLab"]

TAB_TITLES = {"test": "Test", "permutation": "Permutation", "bootstrap": "Bootstrap CI", "ab": "A/B test",
              "intervals": "Confidence intervals", "power": "Power"}  # fmt: skip
FRAME_MS = 30
FRAMES_PER_RUN = 120  # a permutation run is revealed in about 3.6 s whatever its size
_SAMPLE_FIELDS = ("source", "seed", "true_mu", "true_mu_b", "sigma", "n", "n_b", "typed_a", "typed_b", "csv_a",
                  "csv_b")  # fmt: skip


def _set_text(label: QtWidgets.QLabel, text: str) -> None:
    """Write a label only when its text changes: each setText re-lays out the column it sits in."""
    if label.text() != text:
        label.setText(text)


class HypothesisLab(Lab):
    """Run a test and see why it decides what it decides."""

    name = "hypothesis"
    title = "Hypothesis tests"
    state_type = HypothesisState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.controls = HypothesisControls()
        # A tab's plot is built when the tab is first shown or drawn into: six PlotWidgets cost ~0.1 s at opening.
        factories = {"test": NullView, "permutation": PermutationView, "bootstrap": BootstrapView, "ab": NullView,
                     "intervals": IntervalsView, "power": PowerView}  # fmt: skip
        self._pages = {key: LazyPage(factories[key]) for key in TABS}
        self.tabs = QtWidgets.QTabWidget()
        for key in TABS:
            self.tabs.addTab(self._pages[key], TAB_TITLES[key])
        self.verdict = QtWidgets.QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setFont(theme.font(1.2))
        self.verdict.setMinimumHeight(56)
        self.verdict.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.tabs, 1)
        left.addWidget(self.verdict)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(360)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QtWidgets.QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(scroll)

        self.csv = CsvLoader(self, self.controls)
        self._perm_job, self._boot_job = LatestJob(self), LatestJob(self)
        self._perm_key: tuple | None = None
        self._perm_result = None
        self._perm_done = 0
        self._boot_key: tuple | None = None
        self._boot_result = None
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._shown_text: dict[str, str] = {}
        self._connect()
        # Opened on screen before scipy.stats is imported (~1 s): show the inputs now and draw when it has loaded.
        self._loader = ModuleLoader(("scipy.stats",), self)
        self._loader.ready.connect(lambda: self.render(self._state))
        self._loader.start_if_needed()
        self.render(self._state)

    def view(self, tab: str) -> Any:
        """The plot view of ``tab`` (built now if it has never been shown)."""
        return self._pages[tab].view()

    null_view = property(lambda self: self.view("test"), doc="The test tab's null-distribution view.")
    perm_view = property(lambda self: self.view("permutation"), doc="The permutation tab's view.")
    boot_view = property(lambda self: self.view("bootstrap"), doc="The bootstrap tab's view.")
    ab_view = property(lambda self: self.view("ab"), doc="The A/B tab's null-distribution view.")
    ci_view = property(lambda self: self.view("intervals"), doc="The simulated-intervals view.")
    power_view = property(lambda self: self.view("power"), doc="The power view.")

    # --- wiring -------------------------------------------------------------------------------------------------------
    def _connect(self) -> None:
        c = self.controls
        c.test.currentIndexChanged.connect(lambda _i: self.set_fields("Choose test", test=c.test.currentData()))
        c.alternative.currentIndexChanged.connect(
            lambda _i: self.set_fields("Choose alternative", alternative=c.alternative.currentData())
        )
        c.source.currentIndexChanged.connect(
            lambda _i: self.set_fields("Choose data source", source=c.source.currentData())
        )
        c.alpha.valueChanged.connect(self._on_alpha)
        c.alpha.sliderReleased.connect(lambda: self.commit("Change α"))
        for box, field, text in ((c.mu0, "mu0", "Set μ₀"), (c.true_mu, "true_mu", "Set true μ_A"),
                                 (c.true_mu_b, "true_mu_b", "Set true μ_B"), (c.sigma, "sigma", "Set σ"),
                                 (c.n, "n", "Set n_A"), (c.n_b, "n_b", "Set n_B"), (c.seed, "seed", "Set seed"),
                                 (c.successes, "successes", "Set successes"), (c.trials, "trials", "Set trials"),
                                 (c.p0, "p0", "Set p₀"), (c.perm_resamples, "perm_resamples", "Set shuffles"),
                                 (c.perm_seed, "perm_seed", "Set shuffle seed"),
                                 (c.boot_resamples, "boot_resamples", "Set resamples"),
                                 (c.boot_seed, "boot_seed", "Set bootstrap seed"), (c.ab_x1, "ab_x1", "Set A/B"),
                                 (c.ab_n1, "ab_n1", "Set A/B"), (c.ab_x2, "ab_x2", "Set A/B"),
                                 (c.ab_n2, "ab_n2", "Set A/B"), (c.ci_count, "ci_count", "Set interval count"),
                                 (c.ci_seed, "ci_seed", "Set simulation seed")):  # fmt: skip
            box.valueChanged.connect(lambda v, f=field, t=text: self._set_count(t, f, v))
        for combo, field in ((c.boot_stat, "boot_stat"), (c.boot_method, "boot_method"), (c.ci_kind, "ci_kind"),
                             (c.power_kind, "power_kind")):  # fmt: skip
            combo.currentIndexChanged.connect(
                lambda _i, f=field, w=combo: self.set_fields(f"Set {f}", **{f: w.currentData()})
            )
        c.new_sample.clicked.connect(lambda: self.set_fields("New sample", seed=(self._state.seed + 1) % 2**31))
        c.ci_new.clicked.connect(lambda: self.set_fields("Simulate again", ci_seed=(self._state.ci_seed + 1) % 2**31))
        for edit, field, label in ((c.typed_a, "typed_a", "sample A"), (c.typed_b, "typed_b", "sample B"),
                                   (c.chi2_observed, "chi2_observed", "observed counts"),
                                   (c.chi2_expected, "chi2_expected", "expected proportions")):  # fmt: skip
            edit.editingFinished.connect(lambda e=edit, f=field, n=label: self._on_typed(e, f, n))
        c.power_effect.valueChanged.connect(lambda v: self._on_slider(power_effect=v / 100))
        c.power_n.valueChanged.connect(lambda v: self._on_slider(power_n=int(v)))
        c.power_effect.sliderReleased.connect(lambda: self.commit("Change effect size"))
        c.power_n.sliderReleased.connect(lambda: self.commit("Change n"))
        self.tabs.currentChanged.connect(lambda i: self.set_fields("Switch tab", tab=TABS[i]))
        c.perm_play.clicked.connect(self._toggle_play)
        c.perm_replay.clicked.connect(self._replay)
        c.perm_all.clicked.connect(self._reveal_all)
        self._perm_job.finished.connect(self._on_permutation)
        self._perm_job.failed.connect(lambda exc: self._show_tab_error("permutation", exc))
        self._boot_job.finished.connect(self._on_bootstrap)
        self._boot_job.failed.connect(lambda exc: self._show_tab_error("bootstrap", exc))

    def set_fields(self, text: str, **changes: Any) -> None:
        """A one-shot edit; refused with a message when the new state breaks a cross-field rule."""
        new = dataclasses.replace(self._state, **changes)
        problem = self._cross_field_problem(new)
        if problem:
            self.error_message(problem)
            self.render(self._state)
            return
        self.edit(new, text)

    @staticmethod
    def _cross_field_problem(state: HypothesisState) -> str:
        if state.successes > state.trials:
            return f"successes ({state.successes}) cannot exceed trials ({state.trials})"
        if state.ab_x1 > state.ab_n1 or state.ab_x2 > state.ab_n2:
            return "conversions cannot exceed visitors in a group"
        return ""

    def _set_count(self, text: str, field: str, value: float) -> None:
        kind = type(getattr(self._state, field))
        self.set_fields(text, **{field: kind(value)})

    def _on_alpha(self, tick: int) -> None:
        new = dataclasses.replace(self._state, alpha=tick / ALPHA_TICKS)
        if self.controls.alpha.isSliderDown():
            self.preview(new)
        else:
            self.edit(new, "Change α")

    def _on_slider(self, **changes: Any) -> None:
        new = dataclasses.replace(self._state, **changes)
        slider = self.sender()
        if isinstance(slider, QtWidgets.QSlider) and slider.isSliderDown():
            self.preview(new)
        else:
            self.edit(new, "Change power settings")

    def _on_typed(self, edit: QtWidgets.QLineEdit, field: str, label: str) -> None:
        """Apply typed numbers; a bad token is selected and named, and the last good state stays."""
        text = edit.text()
        if text == getattr(self._state, field):
            return
        try:
            parse_numbers(text, label)
        except NumberTokenError as exc:
            edit.setSelection(exc.start, exc.end - exc.start)
            self.show_data_error(str(exc))
            self.error_message(str(exc))
            return
        except InferenceError as exc:
            self.show_data_error(str(exc))
            self.error_message(str(exc))
            return
        self.show_data_error("")
        self.edit(dataclasses.replace(self._state, **{field: text}), f"Type {label}")

    def show_data_error(self, text: str) -> None:
        """Show (or clear, with "") the message under the data inputs."""
        self.controls.data_error.setText(text)
        self.controls.data_error.setVisible(bool(text))

    # --- render -------------------------------------------------------------------------------------------------------
    def render(self, state: HypothesisState) -> None:
        """Show ``state`` in every input and the open tab's view."""
        self._write_inputs(state)
        self._update_visibility(state)
        if self._loader.pending:
            self._set_verdict("Loading the statistics library (scipy.stats)…", None)
            return
        getattr(self, f"_render_{state.tab}")(state)

    def _finish_loading(self) -> None:
        """Export and data need the results now: import on this thread and draw."""
        if self._loader.finish_now():
            self.render(self._state)

    def _write_inputs(self, s: HypothesisState) -> None:
        c = self.controls
        for combo, value in ((c.test, s.test), (c.alternative, s.alternative), (c.source, s.source),
                             (c.boot_stat, s.boot_stat), (c.boot_method, s.boot_method), (c.ci_kind, s.ci_kind),
                             (c.power_kind, s.power_kind)):  # fmt: skip
            if combo.currentData() != value:
                with QtCore.QSignalBlocker(combo):
                    combo.setCurrentIndex(combo.findData(value))
        for box, value in ((c.mu0, s.mu0), (c.true_mu, s.true_mu), (c.true_mu_b, s.true_mu_b), (c.sigma, s.sigma),
                           (c.n, s.n), (c.n_b, s.n_b), (c.seed, s.seed), (c.successes, s.successes),
                           (c.trials, s.trials), (c.p0, s.p0), (c.perm_resamples, s.perm_resamples),
                           (c.perm_seed, s.perm_seed), (c.boot_resamples, s.boot_resamples),
                           (c.boot_seed, s.boot_seed), (c.ab_x1, s.ab_x1), (c.ab_n1, s.ab_n1), (c.ab_x2, s.ab_x2),
                           (c.ab_n2, s.ab_n2), (c.ci_count, s.ci_count), (c.ci_seed, s.ci_seed)):  # fmt: skip
            if box.value() != value:  # setValue repaints a spin box even when the value is unchanged
                with QtCore.QSignalBlocker(box):
                    box.setValue(value)
        for edit, field in ((c.typed_a, "typed_a"), (c.typed_b, "typed_b"), (c.chi2_observed, "chi2_observed"),
                            (c.chi2_expected, "chi2_expected")):  # fmt: skip
            value = getattr(s, field)
            # keep a user's rejected text on screen until the state itself changes (undo, scene, lesson)
            if self._shown_text.get(field) != value or not edit.isModified():
                with QtCore.QSignalBlocker(edit):
                    edit.setText(value)
                self._shown_text[field] = value
        if c.alpha.value() != round(s.alpha * ALPHA_TICKS):
            with QtCore.QSignalBlocker(c.alpha):
                c.alpha.setValue(round(s.alpha * ALPHA_TICKS))
        _set_text(c.alpha_label, f"α = {s.alpha:.3f}")
        if c.power_effect.value() != round(s.power_effect * 100):
            with QtCore.QSignalBlocker(c.power_effect):
                c.power_effect.setValue(round(s.power_effect * 100))
        if c.power_n.value() != s.power_n:
            with QtCore.QSignalBlocker(c.power_n):
                c.power_n.setValue(s.power_n)
        _set_text(c.power_effect_label, f"d = {s.power_effect:.2f}")
        _set_text(c.power_n_label, f"n = {s.power_n}")
        index = TABS.index(s.tab)
        with QtCore.QSignalBlocker(self.tabs):
            self.tabs.setCurrentIndex(index)
        c.tab_stack.setCurrentIndex(index)
        self.csv.show_label(s)

    def _update_visibility(self, s: HypothesisState) -> None:
        c = self.controls
        on_test = s.tab == "test"
        uses_samples = s.tab in ("permutation", "bootstrap") or (on_test and s.test not in COUNT_TESTS)
        c.test.setEnabled(on_test)
        c.data_box.setVisible(s.tab not in ("ab", "power"))
        c.alternative.setEnabled(not (on_test and s.test == "chi2") and s.tab != "intervals")
        c.source.setEnabled(uses_samples)
        c.mu0.setEnabled(on_test and s.test in ("one_sample_t", "z"))
        c.generated_box.setVisible(s.tab == "intervals" or (uses_samples and s.source == "generated"))
        c.typed_box.setVisible(uses_samples and s.source == "typed" and not (on_test and s.test == "chi2"))
        c.generated_box.setTitle("Generated: a fair die rolled n_A times" if on_test and s.test == "chi2" else
                                 "Generated samples")  # fmt: skip
        c.typed_b.setEnabled(s.tab == "permutation" or (on_test and s.test in TWO_SAMPLE_TESTS))
        c.csv_box.setVisible(uses_samples and s.source == "csv")
        c.counts_box.setVisible(on_test and s.test in COUNT_TESTS)
        c.chi2_box.setVisible(on_test and s.test == "chi2")
        c.chi2_observed.setEnabled(s.source == "typed")
        two = s.tab == "permutation" or (on_test and s.test in TWO_SAMPLE_TESTS)
        c.true_mu_b.setEnabled(two)
        c.n_b.setEnabled(two)

    def _render_test(self, state: HypothesisState) -> None:
        try:
            res = run_test(state)
        except InferenceError as exc:
            self._show_test_error(str(exc))
            return
        self.show_data_error("")
        self.null_view.show_result(res, state.view)
        stat = f"{res.statistic:.0f}" if res.null[0] == "binom" else f"{res.statistic:.4f}"
        lines = [f"<b>{res.name}</b>", f"H₀: {res.h0}&nbsp;&nbsp; H₁: {res.h1}",
                 f"{res.symbol} = {stat}" + (f", df = {res.df:.4g}" if res.df is not None else ""),
                 f"<b>p = {format_p(res.p_value)}</b>", f"{res.estimate_label} = {res.estimate:.4g}"]  # fmt: skip
        lines.append(res.reject_rule)
        lines += [f"<i>{note}</i>" for note in res.notes]
        _set_text(self.controls.result_label, "<br>".join(lines))
        self._set_verdict(res.verdict, res.reject)

    def _show_test_error(self, message: str) -> None:
        self.null_view.show_error()
        self.show_data_error(message)
        _set_text(self.controls.result_label, "")
        self._set_verdict(f"Cannot run the test: {message}", None)

    def _set_verdict(self, text: str, reject: bool | None) -> None:
        colour = {True: theme.COLORS["vermillion"], False: theme.COLORS["blue"], None: theme.current().foreground}
        sheet = f"color: {colour[reject]};"
        if self.verdict.styleSheet() != sheet:  # a new style sheet re-polishes the label: only on a real change
            self.verdict.setStyleSheet(sheet)
        _set_text(self.verdict, text)

    # --- permutation ----------------------------------------------------------------------------------------------
    def _render_permutation(self, state: HypothesisState) -> None:
        key = (*(getattr(state, f) for f in _SAMPLE_FIELDS), state.perm_resamples, state.perm_seed, state.alternative)
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

    # --- the other tabs -------------------------------------------------------------------------------------------
    def _render_bootstrap(self, state: HypothesisState) -> None:
        key = (*(getattr(state, f) for f in _SAMPLE_FIELDS), state.boot_stat, state.boot_method,
               state.boot_resamples, state.boot_seed, state.alpha)  # fmt: skip
        if key == self._boot_key and self._boot_result is not None:
            self._on_bootstrap(self._boot_result)
            return
        self._boot_key = key
        self.controls.boot_label.setText("resampling…")
        self._boot_job.submit(run_bootstrap, state)

    def _on_bootstrap(self, res) -> None:
        self._boot_result = res
        if self._state.tab != "bootstrap":
            return
        self.boot_view.show_result(res)
        self.boot_view.setEnabled(True)
        level = f"{100 * (1 - res.alpha):.3g}%"
        name = {"std": "standard deviation"}.get(res.stat, res.stat)
        self.controls.boot_label.setText(
            f"sample {name} = {res.estimate:.4g}<br><b>{level} CI [{res.low:.4g}, {res.high:.4g}]</b><br>"
            f"bootstrap standard error = {res.standard_error:.4g}"
        )
        self._set_verdict(
            f"{level} {res.method} bootstrap interval for the {name}: [{res.low:.4g}, {res.high:.4g}]. "
            "It comes from resampling the data itself — no formula for the sampling distribution needed.",
            None,
        )

    def _show_tab_error(self, tab: str, exc: Exception) -> None:
        label = {"permutation": self.controls.perm_label, "bootstrap": self.controls.boot_label}[tab]
        label.setText("")
        self.view(tab).setEnabled(False)
        if tab == "bootstrap":
            self._boot_result = None
        else:
            self._perm_result = None
        if self._state.tab == tab:
            self._set_verdict(f"Cannot run the {tab} test: {exc}", None)
            self.error_message(str(exc))

    def _render_ab(self, state: HypothesisState) -> None:
        try:
            res = run_ab(state)
        except InferenceError as exc:
            self.ab_view.show_error()
            self.controls.ab_label.setText("")
            self._set_verdict(f"Cannot run the A/B test: {exc}", None)
            return
        self.ab_view.show_result(res)
        p1, p2 = state.ab_x1 / state.ab_n1, state.ab_x2 / state.ab_n2
        self.controls.ab_label.setText(
            f"conversion A = {100 * p1:.2f}%, B = {100 * p2:.2f}%<br>z = {res.statistic:.4f}, "
            f"<b>p = {format_p(res.p_value)}</b>"
        )
        self._set_verdict(res.verdict, res.reject)

    def _render_intervals(self, state: HypothesisState) -> None:
        sim = run_intervals(state)
        self.ci_view.show_result(sim)
        expected = sim.level * sim.count
        self.controls.ci_label.setText(
            f"<b>{sim.coverage} of {sim.count}</b> intervals cover μ = {sim.mu:g} (expected about {expected:.0f})"
        )
        self._set_verdict(
            f"{sim.coverage} of {sim.count} {100 * sim.level:.3g}% intervals contain the true mean; "
            f"{sim.count - sim.coverage} miss it (in vermillion). The {100 * sim.level:.3g}% is the method's hit "
            "rate over many samples, not a probability about one interval.",
            None,
        )

    def _render_power(self, state: HypothesisState) -> None:
        res = run_power(state)
        self.power_view.show_result(res)
        _set_text(
            self.controls.power_label,
            f"<b>power = {res.power:.3f}</b><br>β (type II) = {res.beta:.3f}<br>α (type I) = {res.alpha:.3f}",
        )
        self._set_verdict(
            f"With effect d = {res.effect_size:.2f} and n = {res.n}, the test detects the effect "
            f"{100 * res.power:.1f}% of the time (power); it misses it {100 * res.beta:.1f}% of the time (β).",
            None,
        )

    # --- the shared lab surface ------------------------------------------------------------------------------------
    def export_views(self) -> dict[str, Any]:
        """The open tab's plot first, then the others."""
        self._finish_loading()
        order = [self._state.tab] + [t for t in TABS if t != self._state.tab]
        return {t: self.view(t).plot_widget.getPlotItem() for t in order}

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        """Samples A and B, the permutation null and the simulated intervals."""
        self._finish_loading()
        out: dict[str, tuple[list[str], list[list[float]]]] = {}
        try:
            a, b = samples(self._state)
            rows = max(a.size, b.size)
            pad = [np.nan] * rows
            cols = [list(a) + pad[a.size :], list(b) + pad[b.size :]]
            out["samples"] = (["sample_a", "sample_b"], [list(r) for r in zip(*cols, strict=True)])
        except InferenceError:
            pass
        if self._perm_result is not None:
            out["permutation_null"] = (["mean_difference"], [[float(v)] for v in self._perm_result.null])
        sim = run_intervals(self._state)
        rows = [[float(m), float(lo), float(hi), float(c)] for m, lo, hi, c in
                zip(sim.means, sim.lows, sim.highs, sim.covers, strict=True)]  # fmt: skip
        out["intervals"] = (["mean", "low", "high", "covers"], rows)
        return out

    def shutdown(self) -> None:
        """Stop the animation and background resampling."""
        self._timer.stop()
        self._loader.wait(5000)
        for job in (self._perm_job, self._boot_job):
            job.cancel()
            job.wait(5000)
