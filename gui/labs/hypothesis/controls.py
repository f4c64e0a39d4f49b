"""The Hypothesis lab's control column: hypotheses and α, the data (generated, typed, CSV, counts) and each tab's
settings. Widgets only: the lab connects their signals and writes the state back into them.
"""

from __future__ import annotations

import html
import math
import re

from PySide6 import QtCore, QtWidgets

from engine.i18n import QT_TRANSLATE_NOOP
from engine.inference import SOURCES, TEST_TITLES, HypothesisState
from engine.schema import FieldSpec
from gui.i18n import translate
from gui.widgets.field_controls import configure_spin, spec_of
from gui.widgets.form_parts import error_label, form_group
from gui.widgets.live_quality import live_on_press

__all__ = ["HypothesisControls", "spin", "dspin", "tick_slider", "to_tick", "from_tick", "subscripted"]

ALTERNATIVE_TEXT = {
    "two-sided": QT_TRANSLATE_NOOP("Hypothesis", "two-sided (≠)"),
    "less": QT_TRANSLATE_NOOP("Hypothesis", "less (<)"),
    "greater": QT_TRANSLATE_NOOP("Hypothesis", "greater (>)"),
}
SOURCE_TEXT = {
    "generated": QT_TRANSLATE_NOOP("Hypothesis", "Generated (seeded)"),
    "typed": QT_TRANSLATE_NOOP("Hypothesis", "Typed numbers"),
    "csv": QT_TRANSLATE_NOOP("Hypothesis", "CSV file / bundled data"),
}
QT_INT_MAX = 2**31 - 1  # the largest value a QSpinBox holds (a C int)
PAGE_TICKS = 10  # PageUp/PageDown move a tick slider ten steps


def subscripted(text: str) -> QtWidgets.QLabel:
    """A form label with ``x_A`` drawn as a real subscript (rich text: Unicode has no subscript capitals)."""
    label = QtWidgets.QLabel(re.sub(r"_([A-Za-z0-9]+)", r"<sub>\1</sub>", html.escape(text, quote=False)))
    label.setTextFormat(QtCore.Qt.TextFormat.RichText)
    return label


def spin(field: str, tip: str = "") -> QtWidgets.QSpinBox:
    """An integer spin box over ``field``'s declared range that reports only finished edits (arrows, Enter)."""
    box = QtWidgets.QSpinBox()
    fs = spec_of(HypothesisState, field)
    configure_spin(box, fs)
    if fs.hi is not None and box.maximum() < min(fs.hi, QT_INT_MAX):  # configure_spin stops at 2e9: seeds reach 2³¹−1
        box.setMaximum(int(min(fs.hi, QT_INT_MAX)))
    box.setKeyboardTracking(False)
    box.setToolTip(tip)
    box.setGroupSeparatorShown(True)
    return box


def dspin(field: str, tip: str = "") -> QtWidgets.QDoubleSpinBox:
    """A decimal spin box over ``field``'s declared range, step and decimals that reports only finished edits."""
    box = QtWidgets.QDoubleSpinBox()
    fs = spec_of(HypothesisState, field)
    configure_spin(box, fs)
    if fs.lo is not None and box.minimum() < fs.lo:  # Qt rounds the minimum to the shown decimals (σ > 0 → 0.000)
        box.setMinimum(math.ceil(fs.lo * 10 ** box.decimals()) / 10 ** box.decimals())
    box.setKeyboardTracking(False)
    box.setToolTip(tip)
    return box


def to_tick(fs: FieldSpec, value: float) -> int:
    """The slider tick of ``value``: one tick per declared step."""
    return round(value / fs.step)


def from_tick(fs: FieldSpec, tick: int) -> float:
    """The value of a slider tick (rounded to the declared decimals, so 50 ticks of 0.001 are exactly 0.05)."""
    value = tick * fs.step
    return int(round(value)) if fs.integer else round(value, fs.decimals if fs.decimals is not None else 9)


def tick_slider(field: str, tip: str = "") -> QtWidgets.QSlider:
    """A horizontal slider over ``field``'s teaching range, one tick per declared step."""
    fs = spec_of(HypothesisState, field)
    lo, hi = fs.slider_range
    slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
    slider.setRange(to_tick(fs, lo), to_tick(fs, hi))
    slider.setPageStep(PAGE_TICKS)
    slider.setToolTip(tip)
    live_on_press(slider)
    return slider


class HypothesisControls(QtWidgets.QWidget):
    """Every input of the lab, grouped; ``tab_stack`` shows the open tab's settings."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._build_hypotheses())
        self.data_box = self._build_data()
        layout.addWidget(self.data_box)
        self.tab_stack = QtWidgets.QStackedWidget()
        for page in (self._build_test_page(), self._build_permutation(), self._build_bootstrap(), self._build_ab(),
                     self._build_intervals(), self._build_power()):  # fmt: skip
            self.tab_stack.addWidget(page)
        layout.addWidget(self.tab_stack)
        layout.addStretch(1)

    # --- groups -----------------------------------------------------------------------------------------------------
    def _build_hypotheses(self) -> QtWidgets.QGroupBox:
        box, form = form_group(translate("Hypothesis", "Test and significance"))
        self.test = QtWidgets.QComboBox()
        for key, title in TEST_TITLES.items():
            self.test.addItem(translate("inference", title), key)
        self.alternative = QtWidgets.QComboBox()
        for key, text in ALTERNATIVE_TEXT.items():
            self.alternative.addItem(translate("Hypothesis", text), key)
        self.alternative.setToolTip(
            translate("Hypothesis", "H₁: which direction of difference counts as evidence against H₀")
        )
        self.alpha = tick_slider(
            "alpha",
            translate(
                "Hypothesis", "Significance level α: the false-alarm rate you accept (drag, or use the arrow keys)"
            ),
        )
        self.alpha_label = QtWidgets.QLabel("α = 0.050")
        self.alpha_label.setMinimumWidth(70)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.alpha, 1)
        row.addWidget(self.alpha_label)
        form.addRow(translate("Hypothesis", "Test"), self.test)
        form.addRow("H₁", self.alternative)
        form.addRow("α", row)
        return box

    def _build_data(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(translate("Hypothesis", "Data"))
        outer = QtWidgets.QVBoxLayout(box)
        form = QtWidgets.QFormLayout()
        self.source = QtWidgets.QComboBox()
        for key in SOURCES:
            self.source.addItem(translate("Hypothesis", SOURCE_TEXT[key]), key)
        self.mu0 = dspin("mu0", translate("Hypothesis", "μ₀: the mean under the null hypothesis"))
        form.addRow(translate("Hypothesis", "Source"), self.source)
        form.addRow(translate("Hypothesis", "μ₀ (H₀ mean)"), self.mu0)
        outer.addLayout(form)

        self.generated_box, gen = form_group(translate("Hypothesis", "Generated samples"))
        self.true_mu = dspin("true_mu", translate("Hypothesis", "True mean of sample A's population"))
        self.true_mu_b = dspin("true_mu_b", translate("Hypothesis", "True mean of sample B's population"))
        self.sigma = dspin(
            "sigma", translate("Hypothesis", "Population standard deviation (the known σ of the z-test)")
        )
        self.n = spin("n", translate("Hypothesis", "Size of sample A"))
        self.n_b = spin("n_b", translate("Hypothesis", "Size of sample B"))
        self.seed = spin("seed", translate("Hypothesis", "Seed: the same seed gives the same samples"))
        self.new_sample = QtWidgets.QPushButton(translate("Hypothesis", "New sample"))
        self.new_sample.setToolTip(translate("Hypothesis", "Draw fresh samples (next seed)"))
        gen.addRow(subscripted(translate("Hypothesis", "true μ_A")), self.true_mu)
        gen.addRow(subscripted(translate("Hypothesis", "true μ_B")), self.true_mu_b)
        gen.addRow("σ", self.sigma)
        gen.addRow(subscripted("n_A"), self.n)
        gen.addRow(subscripted("n_B"), self.n_b)
        gen.addRow(translate("Hypothesis", "seed"), self.seed)
        gen.addRow("", self.new_sample)
        outer.addWidget(self.generated_box)

        self.typed_box = QtWidgets.QWidget()
        typed = QtWidgets.QFormLayout(self.typed_box)
        typed.setContentsMargins(0, 0, 0, 0)
        self.typed_a = QtWidgets.QLineEdit()
        self.typed_b = QtWidgets.QLineEdit()
        for edit, name in ((self.typed_a, "A"), (self.typed_b, "B")):
            edit.setPlaceholderText(translate("Hypothesis", "e.g. 4.9, 5.6 5.1 …"))
            edit.setToolTip(
                translate(
                    "Hypothesis", "Sample {0}: numbers separated by spaces, commas or semicolons; Enter to apply"
                ).format(name)
            )
        typed.addRow(translate("Hypothesis", "sample A"), self.typed_a)
        typed.addRow(translate("Hypothesis", "sample B"), self.typed_b)
        outer.addWidget(self.typed_box)

        self.csv_box = QtWidgets.QWidget()
        csv = QtWidgets.QFormLayout(self.csv_box)
        csv.setContentsMargins(0, 0, 0, 0)
        self.open_csv = QtWidgets.QPushButton(translate("Hypothesis", "Open CSV…"))
        self.dataset = QtWidgets.QComboBox()
        self.dataset.setToolTip(translate("Hypothesis", "Classic data sets bundled with the app (work offline)"))
        self.column_a = QtWidgets.QComboBox()
        self.column_b = QtWidgets.QComboBox()
        self.csv_label = QtWidgets.QLabel(translate("Hypothesis", "no file loaded"))
        self.csv_label.setWordWrap(True)
        csv.addRow("", self.open_csv)
        csv.addRow(translate("Hypothesis", "bundled"), self.dataset)
        csv.addRow(translate("Hypothesis", "column A"), self.column_a)
        csv.addRow(translate("Hypothesis", "column B"), self.column_b)
        csv.addRow(translate("Hypothesis", "loaded"), self.csv_label)
        outer.addWidget(self.csv_box)

        self.counts_box, counts = form_group(translate("Hypothesis", "Counts"))
        self.successes = spin("successes", translate("Hypothesis", "Number of successes k"))
        self.trials = spin("trials", translate("Hypothesis", "Number of trials n"))
        self.p0 = dspin("p0", translate("Hypothesis", "p₀: the success probability under H₀"))
        counts.addRow(translate("Hypothesis", "successes k"), self.successes)
        counts.addRow(translate("Hypothesis", "trials n"), self.trials)
        counts.addRow("p₀ (H₀)", self.p0)
        outer.addWidget(self.counts_box)

        self.chi2_box, chi2 = form_group(translate("Hypothesis", "Category counts"))
        self.chi2_observed = QtWidgets.QLineEdit()
        self.chi2_observed.setToolTip(
            translate("Hypothesis", "Observed count per category, e.g. 18 22 16 14 12 20; Enter to apply")
        )
        self.chi2_expected = QtWidgets.QLineEdit()
        self.chi2_expected.setPlaceholderText(translate("Hypothesis", "blank = all equally likely"))
        self.chi2_expected.setToolTip(
            translate("Hypothesis", "Expected proportion per category (summing to 1); blank = uniform")
        )
        chi2.addRow(translate("Hypothesis", "observed"), self.chi2_observed)
        chi2.addRow(translate("Hypothesis", "expected p"), self.chi2_expected)
        outer.addWidget(self.chi2_box)

        self.data_error = error_label()
        outer.addWidget(self.data_error)
        return box

    def _build_test_page(self) -> QtWidgets.QWidget:
        box, form = form_group(translate("Hypothesis", "Result"))
        self.result_label = QtWidgets.QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.result_label)
        return box

    def _build_permutation(self) -> QtWidgets.QWidget:
        box, form = form_group(translate("Hypothesis", "Permutation test (A vs B)"))
        self.perm_resamples = spin("perm_resamples", translate("Hypothesis", "How many random relabellings to draw"))
        self.perm_seed = spin("perm_seed", translate("Hypothesis", "Seed of the shuffles"))
        self.perm_play = QtWidgets.QPushButton(translate("Hypothesis", "Pause"))
        self.perm_play.setCheckable(True)
        self.perm_all = QtWidgets.QPushButton(translate("Hypothesis", "Show all"))
        self.perm_replay = QtWidgets.QPushButton(translate("Hypothesis", "Replay"))
        row = QtWidgets.QHBoxLayout()
        for b in (self.perm_play, self.perm_replay, self.perm_all):
            row.addWidget(b)
        self.perm_label = QtWidgets.QLabel()
        self.perm_label.setWordWrap(True)
        form.addRow(translate("Hypothesis", "shuffles"), self.perm_resamples)
        form.addRow(translate("Hypothesis", "seed"), self.perm_seed)
        form.addRow(row)
        form.addRow(self.perm_label)
        return box

    def _build_bootstrap(self) -> QtWidgets.QWidget:
        box, form = form_group(translate("Hypothesis", "Bootstrap confidence interval (sample A)"))
        self.boot_stat = QtWidgets.QComboBox()
        for key, text in (
            ("mean", translate("Hypothesis", "mean")),
            ("median", translate("Hypothesis", "median")),
            ("std", translate("Hypothesis", "standard deviation")),
        ):
            self.boot_stat.addItem(text, key)
        self.boot_method = QtWidgets.QComboBox()
        for key in ("percentile", "basic", "BCa"):
            self.boot_method.addItem(key, key)
        self.boot_resamples = spin("boot_resamples", translate("Hypothesis", "Resamples drawn with replacement"))
        self.boot_resamples.setToolTip(translate(
            "Hypothesis",
            "At least 100 resamples: with fewer, the interval's ends (percentiles of the resampled statistics) and "
            "its standard error are not defined well.",
        ))  # fmt: skip
        self.boot_seed = spin("boot_seed", translate("Hypothesis", "Seed of the resampling"))
        self.boot_label = QtWidgets.QLabel()
        self.boot_label.setWordWrap(True)
        form.addRow(translate("Hypothesis", "statistic"), self.boot_stat)
        form.addRow(translate("Hypothesis", "method"), self.boot_method)
        form.addRow(translate("Hypothesis", "resamples"), self.boot_resamples)
        form.addRow(translate("Hypothesis", "seed"), self.boot_seed)
        form.addRow(self.boot_label)
        return box

    def _build_ab(self) -> QtWidgets.QWidget:
        box, form = form_group(translate("Hypothesis", "A/B test of two proportions"))
        self.ab_x1 = spin("ab_x1", translate("Hypothesis", "Conversions in group A"))
        self.ab_n1 = spin("ab_n1", translate("Hypothesis", "Visitors in group A"))
        self.ab_x2 = spin("ab_x2", translate("Hypothesis", "Conversions in group B"))
        self.ab_n2 = spin("ab_n2", translate("Hypothesis", "Visitors in group B"))
        self.ab_label = QtWidgets.QLabel()
        self.ab_label.setWordWrap(True)
        form.addRow(translate("Hypothesis", "A: conversions"), self.ab_x1)
        form.addRow(translate("Hypothesis", "A: visitors"), self.ab_n1)
        form.addRow(translate("Hypothesis", "B: conversions"), self.ab_x2)
        form.addRow(translate("Hypothesis", "B: visitors"), self.ab_n2)
        form.addRow(self.ab_label)
        return box

    def _build_intervals(self) -> QtWidgets.QWidget:
        box, form = form_group(translate("Hypothesis", "Simulated confidence intervals"))
        self.ci_count = spin("ci_count", translate("Hypothesis", "How many samples (and intervals) to simulate"))
        self.ci_kind = QtWidgets.QComboBox()
        self.ci_kind.addItem(translate("Hypothesis", "t (σ estimated)"), "t")
        self.ci_kind.addItem(translate("Hypothesis", "z (σ known)"), "z")
        self.ci_seed = spin("ci_seed", translate("Hypothesis", "Seed of the simulation"))
        self.ci_new = QtWidgets.QPushButton(translate("Hypothesis", "Simulate again"))
        self.ci_label = QtWidgets.QLabel()
        self.ci_label.setWordWrap(True)
        hint = QtWidgets.QLabel(
            translate("Hypothesis", "Samples of size n_A from N(true μ_A, σ²) — set them under Generated samples.")
        )
        hint.setWordWrap(True)
        form.addRow(translate("Hypothesis", "intervals"), self.ci_count)
        form.addRow(translate("Hypothesis", "kind"), self.ci_kind)
        form.addRow(translate("Hypothesis", "seed"), self.ci_seed)
        form.addRow("", self.ci_new)
        form.addRow(hint)
        form.addRow(self.ci_label)
        return box

    def _build_power(self) -> QtWidgets.QWidget:
        box, form = form_group(translate("Hypothesis", "Power of a one-sample test"))
        self.power_effect = tick_slider("power_effect", "Effect size d = (μ₁ − μ₀)/σ")
        self.power_effect_label = QtWidgets.QLabel()
        self.power_effect_label.setMinimumWidth(70)
        self.power_n = tick_slider("power_n", "Sample size n")
        self.power_n_label = QtWidgets.QLabel()
        self.power_n_label.setMinimumWidth(70)
        self.power_kind = QtWidgets.QComboBox()
        self.power_kind.addItem(translate("Hypothesis", "z-test (σ known)"), "z")
        self.power_kind.addItem(translate("Hypothesis", "t-test"), "t")
        self.power_label = QtWidgets.QLabel()
        self.power_label.setWordWrap(True)
        effect = QT_TRANSLATE_NOOP("Hypothesis", "effect d")  # translated below, where the row is made
        for slider, label, name in ((self.power_effect, self.power_effect_label, effect),
                                    (self.power_n, self.power_n_label, "n")):  # fmt: skip
            row = QtWidgets.QHBoxLayout()
            row.addWidget(slider, 1)
            row.addWidget(label)
            form.addRow(translate("Hypothesis", name), row)
        form.addRow(translate("Hypothesis", "test"), self.power_kind)
        form.addRow(self.power_label)
        return box
