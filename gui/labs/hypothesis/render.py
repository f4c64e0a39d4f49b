"""How the Hypothesis lab shows a state: input values, which boxes apply, and each tab's result and verdict.

A mixin of :class:`gui.labs.hypothesis.lab.HypothesisLab`, split out so each module stays readable; it reads the lab's
state and results and writes into widgets (the only state edits are the cached bootstrap/permutation results).
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from engine.inference import (
    COUNT_TESTS,
    TABS,
    TWO_SAMPLE_TESTS,
    HypothesisState,
    InferenceError,
    format_p,
    run_ab,
    run_bootstrap,
    run_intervals,
    run_power,
    run_test,
)
from gui import theme
from gui.labs.hypothesis.controls import ALPHA_TICKS

__all__ = ["HypothesisViewsMixin", "SAMPLE_FIELDS", "set_text"]

# the state fields that decide samples A and B: a change to any of them invalidates the resampling results
SAMPLE_FIELDS = ("source", "seed", "true_mu", "true_mu_b", "sigma", "n", "n_b", "typed_a", "typed_b", "csv_a",
                 "csv_b")  # fmt: skip


def set_text(label: QtWidgets.QLabel, text: str) -> None:
    """Write a label only when its text changes: each setText re-lays out the column it sits in."""
    if label.text() != text:
        label.setText(text)


class HypothesisViewsMixin:
    """``render`` helpers of the Hypothesis lab (expects its ``controls``, ``tabs``, ``verdict``, views and jobs)."""

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
        set_text(c.alpha_label, f"α = {s.alpha:.3f}")
        if c.power_effect.value() != round(s.power_effect * 100):
            with QtCore.QSignalBlocker(c.power_effect):
                c.power_effect.setValue(round(s.power_effect * 100))
        if c.power_n.value() != s.power_n:
            with QtCore.QSignalBlocker(c.power_n):
                c.power_n.setValue(s.power_n)
        set_text(c.power_effect_label, f"d = {s.power_effect:.2f}")
        set_text(c.power_n_label, f"n = {s.power_n}")
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
        set_text(self.controls.result_label, "<br>".join(lines))
        self._set_verdict(res.verdict, res.reject)

    def _show_test_error(self, message: str) -> None:
        self.null_view.show_error()
        self.show_data_error(message)
        set_text(self.controls.result_label, "")
        self._set_verdict(f"Cannot run the test: {message}", None)

    def _set_verdict(self, text: str, reject: bool | None) -> None:
        colour = {True: theme.COLORS["vermillion"], False: theme.COLORS["blue"], None: theme.current().foreground}
        sheet = f"color: {colour[reject]};"
        if self.verdict.styleSheet() != sheet:  # a new style sheet re-polishes the label: only on a real change
            self.verdict.setStyleSheet(sheet)
        set_text(self.verdict, text)

    def _render_bootstrap(self, state: HypothesisState) -> None:
        key = (*(getattr(state, f) for f in SAMPLE_FIELDS), state.boot_stat, state.boot_method,
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
        set_text(
            self.controls.power_label,
            f"<b>power = {res.power:.3f}</b><br>β (type II) = {res.beta:.3f}<br>α (type I) = {res.alpha:.3f}",
        )
        self._set_verdict(
            f"With effect d = {res.effect_size:.2f} and n = {res.n}, the test detects the effect "
            f"{100 * res.power:.1f}% of the time (power); it misses it {100 * res.beta:.1f}% of the time (β).",
            None,
        )
