"""How the Hypothesis lab shows a state in its inputs, and its verdict line: two small views the lab owns."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from engine.i18n import localize
from engine.inference import COUNT_TESTS, TABS, TWO_SAMPLE_TESTS, HypothesisState
from gui import theme
from gui.i18n import translate
from gui.labs.hypothesis.controls import HypothesisControls, to_tick
from gui.labs.hypothesis.data import CsvLoader
from gui.widgets.catch_up import CatchUp
from gui.widgets.field_controls import spec_of

__all__ = ["InputsView", "LiveText", "VerdictView", "set_text"]


def set_text(label: QtWidgets.QLabel, text: str) -> None:
    """Write a label only when its text changes: each setText re-lays out the column it sits in."""
    if label.text() != text:
        label.setText(text)


class LiveText(QtCore.QObject):
    """Side-column readouts that catch up at most every :data:`~gui.widgets.catch_up.LIVE_MS` while a slider is held,
    at once otherwise: the plot (and a test's verdict under it) follow every step of a drag, the summary 10 times a
    second.
    """

    def __init__(self, parent: QtCore.QObject) -> None:
        super().__init__(parent)
        self._catch_up = CatchUp(self)

    def show(self, label: QtWidgets.QLabel, text: str, live: bool) -> None:
        """``text`` in ``label``: now, or while ``live`` at the next catch-up."""
        self._catch_up.run(lambda: set_text(label, text), live, key=label)

    def flush(self) -> None:
        """Write every waiting text now (the slider was let go, or the interval is over)."""
        self._catch_up.flush()


class VerdictView:
    """The sentence under the plot, coloured by the decision (vermillion: reject, blue: keep H₀, plain: neither)."""

    def __init__(self, label: QtWidgets.QLabel) -> None:
        self.label = label
        self._catch_up = CatchUp(label)  # (under the lab: its commit flushes it)
        self._reject: bool | None | str = ""  # the decision shown ("" before the first write)

    def show(self, text: str, reject: bool | None, live: bool = False) -> None:
        """``text`` in the colour of ``reject``: now (dropping one still waiting), or while ``live`` within 0.1 s.

        A changed decision is never held back: while ``live`` only the numbers of an unchanged verdict wait.
        """
        self._catch_up.run(lambda: self._write(text, reject), live and reject == self._reject)

    def _write(self, text: str, reject: bool | None) -> None:
        self._reject = reject
        colour = {True: theme.COLORS["vermillion"], False: theme.COLORS["blue"], None: theme.current().foreground}
        sheet = f"color: {colour[reject]};"
        if self.label.styleSheet() != sheet:  # a new style sheet re-polishes the label: only on a real change
            self.label.setStyleSheet(sheet)
        set_text(self.label, text)


class InputsView:
    """Writes a state into every input of the control column and shows only the inputs that apply to it."""

    def __init__(self, controls: HypothesisControls, tabs: QtWidgets.QTabWidget, csv: CsvLoader) -> None:
        self.controls, self.tabs, self.csv = controls, tabs, csv
        self._shown_text: dict[str, str] = {}
        self._alpha = spec_of(HypothesisState, "alpha")
        self._effect = spec_of(HypothesisState, "power_effect")
        self._power_n = spec_of(HypothesisState, "power_n")

    def show(self, s: HypothesisState) -> None:
        """Every input shows ``s`` (echo signals blocked), and only the inputs that apply are visible."""
        self.write(s)
        self.update_visibility(s)

    def write(self, s: HypothesisState) -> None:
        """Every input shows ``s``; a user's rejected typed text stays until the state itself changes."""
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
        for slider, fs, value in ((c.alpha, self._alpha, s.alpha), (c.power_effect, self._effect, s.power_effect),
                                  (c.power_n, self._power_n, s.power_n)):  # fmt: skip
            if slider.value() != to_tick(fs, value):
                with QtCore.QSignalBlocker(slider):
                    slider.setValue(to_tick(fs, value))
        set_text(c.alpha_label, localize(f"α = {s.alpha:.3f}"))
        set_text(c.power_effect_label, localize(f"d = {s.power_effect:.2f}"))
        set_text(c.power_n_label, f"n = {s.power_n}")
        index = TABS.index(s.tab)
        with QtCore.QSignalBlocker(self.tabs):
            self.tabs.setCurrentIndex(index)
        c.tab_stack.setCurrentIndex(index)
        self.csv.show_label(s)

    def update_visibility(self, s: HypothesisState) -> None:
        """Show and enable only the inputs that the open tab and the chosen test use."""
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
        c.generated_box.setTitle(
            translate("Hypothesis", "Generated: a fair die rolled n_A times")
            if on_test and s.test == "chi2"
            else translate("Hypothesis", "Generated samples")
        )
        c.typed_b.setEnabled(s.tab == "permutation" or (on_test and s.test in TWO_SAMPLE_TESTS))
        c.csv_box.setVisible(uses_samples and s.source == "csv")
        c.counts_box.setVisible(on_test and s.test in COUNT_TESTS)
        c.chi2_box.setVisible(on_test and s.test == "chi2")
        c.chi2_observed.setEnabled(s.source == "typed")
        two = s.tab == "permutation" or (on_test and s.test in TWO_SAMPLE_TESTS)
        c.true_mu_b.setEnabled(two)
        c.n_b.setEnabled(two)
