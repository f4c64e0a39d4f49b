"""Hypothesis-testing lab: a test's null distribution with the rejection region and p-value shaded, a permutation
test that builds up shuffle by shuffle, bootstrap intervals, an A/B test, 100 simulated intervals and power.

All numbers come from ``engine.inference``; this module turns widget signals into new states and shows results.
Resampling runs off the GUI thread (newest input wins); the permutation histogram is revealed by a QTimer.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6 import QtCore, QtWidgets

from engine.i18n import QT_TRANSLATE_NOOP
from engine.inference import (
    TABS,
    HypothesisResults,
    HypothesisState,
    InferenceError,
    NumberTokenError,
    derive,
    export_tables,
    parse_numbers,
)
from gui import theme
from gui.i18n import translate
from gui.labs.base import Lab
from gui.labs.hypothesis.bootstrap import BootstrapRunner
from gui.labs.hypothesis.controls import HypothesisControls, from_tick
from gui.labs.hypothesis.data import CsvLoader
from gui.labs.hypothesis.permutation import PermutationPlayback
from gui.labs.hypothesis.render import InputsView, LiveText, VerdictView
from gui.labs.hypothesis.views import BootstrapView, IntervalsView, NullView, PermutationView, PowerView
from gui.widgets.control_column import control_column
from gui.widgets.field_controls import spec_of
from gui.widgets.lazy_page import LazyPage
from gui.widgets.module_loader import ModuleLoader
from gui.widgets.results_cache import ResultsCache
from gui.widgets.words import plain

__all__ = ["HypothesisLab"]


TAB_TITLES = {
    "test": QT_TRANSLATE_NOOP("Hypothesis", "Test"),
    "permutation": QT_TRANSLATE_NOOP("Hypothesis", "Permutation"),
    "bootstrap": QT_TRANSLATE_NOOP("Hypothesis", "Bootstrap CI"),
    "ab": QT_TRANSLATE_NOOP("Hypothesis", "A/B test"),
    "intervals": QT_TRANSLATE_NOOP("Hypothesis", "Confidence intervals"),
    "power": QT_TRANSLATE_NOOP("Hypothesis", "Power"),
}


class HypothesisLab(Lab):
    """Run a test and see why it decides what it decides."""

    name = "hypothesis"
    title = QT_TRANSLATE_NOOP("Labs", "Hypothesis tests")
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
            self.tabs.addTab(self._pages[key], translate("Hypothesis", TAB_TITLES[key]))
        self.verdict = QtWidgets.QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setFont(theme.font(1.2))
        self.verdict.setMinimumHeight(56)
        self.verdict.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.tabs, 1)
        left.addWidget(self.verdict)
        scroll = control_column(self.controls)
        scroll.setFixedWidth(360)
        layout = QtWidgets.QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(scroll)

        self.csv = CsvLoader(self, self.controls)
        self.inputs = InputsView(self.controls, self.tabs, self.csv)
        self.verdict_view = VerdictView(self.verdict)
        self.permutation = PermutationPlayback(self, self.controls, self.verdict_view, lambda: self.perm_view)
        self.bootstrap = BootstrapRunner(self, self.controls, self.verdict_view, lambda: self.boot_view)
        self.results = ResultsCache(derive)  # one derive per state, however often it is re-rendered
        self._live = False  # a slider is held: the power plot's axes only grow, side readouts catch up at 10 Hz
        self.live_text = LiveText(self)
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
        c.test.currentIndexChanged.connect(
            lambda _i: self.set_fields(translate("Hypothesis", "Choose test"), test=c.test.currentData())
        )
        c.alternative.currentIndexChanged.connect(
            lambda _i: self.set_fields(
                translate("Hypothesis", "Choose alternative"), alternative=c.alternative.currentData()
            )
        )
        c.source.currentIndexChanged.connect(
            lambda _i: self.set_fields(translate("Hypothesis", "Choose data source"), source=c.source.currentData())
        )
        c.alpha.valueChanged.connect(self._on_alpha)
        c.alpha.sliderReleased.connect(lambda: self._on_released(translate("Hypothesis", "Change α")))
        for box, field, text in (
            (c.mu0, "mu0", translate("Hypothesis", "Set μ₀")),
            (c.true_mu, "true_mu", translate("Hypothesis", "Set true μ_A")),
            (c.true_mu_b, "true_mu_b", translate("Hypothesis", "Set true μ_B")),
            (c.sigma, "sigma", translate("Hypothesis", "Set σ")),
            (c.n, "n", translate("Hypothesis", "Set n_A")),
            (c.n_b, "n_b", translate("Hypothesis", "Set n_B")),
            (c.seed, "seed", translate("Hypothesis", "Set seed")),
            (c.successes, "successes", translate("Hypothesis", "Set successes")),
            (c.trials, "trials", translate("Hypothesis", "Set trials")),
            (c.p0, "p0", translate("Hypothesis", "Set p₀")),
            (c.perm_resamples, "perm_resamples", translate("Hypothesis", "Set shuffles")),
            (c.perm_seed, "perm_seed", translate("Hypothesis", "Set shuffle seed")),
            (c.boot_resamples, "boot_resamples", translate("Hypothesis", "Set resamples")),
            (c.boot_seed, "boot_seed", translate("Hypothesis", "Set bootstrap seed")),
            (c.ab_x1, "ab_x1", translate("Hypothesis", "Set A/B")),
            (c.ab_n1, "ab_n1", translate("Hypothesis", "Set A/B")),
            (c.ab_x2, "ab_x2", translate("Hypothesis", "Set A/B")),
            (c.ab_n2, "ab_n2", translate("Hypothesis", "Set A/B")),
            (c.ci_count, "ci_count", translate("Hypothesis", "Set interval count")),
            (c.ci_seed, "ci_seed", translate("Hypothesis", "Set simulation seed")),
        ):
            box.valueChanged.connect(lambda v, f=field, t=text: self._set_count(t, f, v))
        for combo, field in (
            (c.boot_stat, "boot_stat"),
            (c.boot_method, "boot_method"),
            (c.ci_kind, "ci_kind"),
            (c.power_kind, "power_kind"),
        ):
            combo.currentIndexChanged.connect(
                lambda _i, f=field, w=combo: self.set_fields(f"Set {f}", **{f: w.currentData()})
            )
        c.new_sample.clicked.connect(
            lambda: self.set_fields(translate("Hypothesis", "New sample"), seed=(self._state.seed + 1) % 2**31)
        )
        c.ci_new.clicked.connect(
            lambda: self.set_fields(
                translate("Hypothesis", "Simulate again"), ci_seed=(self._state.ci_seed + 1) % 2**31
            )
        )
        for edit, field, label in (
            (c.typed_a, "typed_a", translate("Hypothesis", "sample A")),
            (c.typed_b, "typed_b", translate("Hypothesis", "sample B")),
            (c.chi2_observed, "chi2_observed", translate("Hypothesis", "observed counts")),
            (c.chi2_expected, "chi2_expected", translate("Hypothesis", "expected proportions")),
        ):
            edit.editingFinished.connect(lambda e=edit, f=field, n=label: self._on_typed(e, f, n))
        effect, power_n = spec_of(HypothesisState, "power_effect"), spec_of(HypothesisState, "power_n")
        c.power_effect.valueChanged.connect(
            lambda v: self._on_slider(c.power_effect, power_effect=from_tick(effect, v))
        )
        c.power_n.valueChanged.connect(lambda v: self._on_slider(c.power_n, power_n=from_tick(power_n, v)))
        c.power_effect.sliderReleased.connect(lambda: self._on_released(translate("Hypothesis", "Change effect size")))
        c.power_n.sliderReleased.connect(lambda: self._on_released(translate("Hypothesis", "Change n")))
        self.tabs.currentChanged.connect(lambda i: self.set_fields(translate("Hypothesis", "Switch tab"), tab=TABS[i]))

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
            return translate("Hypothesis", "successes ({0}) cannot exceed trials ({1})").format(
                state.successes, state.trials
            )
        if state.ab_x1 > state.ab_n1 or state.ab_x2 > state.ab_n2:
            return translate("Hypothesis", "conversions cannot exceed visitors in a group")
        return ""

    def _set_count(self, text: str, field: str, value: float) -> None:
        kind = type(getattr(self._state, field))
        self.set_fields(text, **{field: kind(value)})

    def _on_alpha(self, tick: int) -> None:
        alpha = from_tick(spec_of(HypothesisState, "alpha"), tick)
        self._on_slider(self.controls.alpha, translate("Hypothesis", "Change α"), alpha=alpha)

    def _on_slider(self, slider: QtWidgets.QSlider, text: str = "", **changes: Any) -> None:
        # The slider is passed in: sender() is not the slider for a lambda slot, which made every step of a drag
        # its own undo step (and the window's undo bookkeeping ran per step).
        new = dataclasses.replace(self._state, **changes)
        self._live = slider.isSliderDown()
        try:
            if self._live:
                self.preview(new)
            else:
                self.edit(new, text or translate("Hypothesis", "Change power settings"))
        finally:
            self._live = False

    def _on_released(self, text: str) -> None:
        """A slider let go: one undo step; the power plot's axes fit the curves again (they only grew) and the side
        readouts show the final values."""
        self.commit(text)
        self.live_text.flush()
        if self._state.tab not in ("permutation", "bootstrap"):  # (those two draw their own background runs)
            self.render(self._state)

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
        self.edit(dataclasses.replace(self._state, **{field: text}), translate("Hypothesis", "Type {0}").format(label))

    def show_data_error(self, text: str) -> None:
        """Show (or clear, with "") the message under the data inputs."""
        self.controls.data_error.setText(text)
        self.controls.data_error.setVisible(bool(text))

    # --- render -------------------------------------------------------------------------------------------------------
    def render(self, state: HypothesisState) -> None:
        """Show ``state`` in every input and the open tab's view."""
        self.inputs.show(state)
        if self._loader.pending:
            self.verdict_view.show(translate("Hypothesis", "Loading the statistics library (scipy.stats)…"), None)
            return
        res = self.results.get(state)
        if state.tab == "permutation":
            self.permutation.show(state, res)
        elif state.tab == "bootstrap":
            self.bootstrap.show(state)
        else:
            self._show_results(state, res)

    def _show_results(self, state: HypothesisState, res: HypothesisResults) -> None:
        """Draw a tab whose results ``derive`` computed (test, A/B, intervals, power) and its readouts."""
        tab, c = state.tab, self.controls
        label = {"test": c.result_label, "ab": c.ab_label, "intervals": c.ci_label, "power": c.power_label}[tab]
        if tab == "test":
            self.show_data_error(res.error)
        view = self.view(tab)
        if res.error:
            if tab in ("test", "ab"):
                view.show_error()
        elif tab in ("test", "ab"):
            view.show_result(res.null, state.view if tab == "test" else (0, 0, 0, 0), live=self._live)
        elif tab == "intervals":
            view.show_result(res.intervals_picture)
        else:
            view.show_result(res.power_picture, live=self._live)
        self.live_text.show(label, res.label_text, self._live)
        # the verdict is a word-wrapped sentence of numbers (re-laid out per change): while a slider is held its
        # numbers catch up at 10 Hz like the side summary, a changed decision (reject or not) shows at once
        self.verdict_view.show(res.verdict, res.reject, live=self._live)

    def _finish_loading(self) -> None:
        """Export and data need the results now: import on this thread and draw."""
        if self._loader.finish_now():
            self.render(self._state)

    # --- the shared lab surface ------------------------------------------------------------------------------------
    def describe(self) -> str:
        """The test and its verdict, e.g. "One-sample t-test; H₀: μ = 0 …; p = 0.0268 ≤ α = 0.05: reject H₀"."""
        if self._loader.pending:
            return self.tr(translate("Hypothesis", "Loading the statistics library (scipy.stats)…"))
        res = self.results.get(self._state)
        if res.error:
            return res.error
        parts = [plain(res.label_text), plain(res.verdict)]
        return "; ".join(p for p in parts if p)

    def notable(self) -> str:
        """The verdict when it is decided: "H₀ rejected" or "H₀ not rejected" (announced when it flips)."""
        if self._loader.pending:
            return ""
        res = self.results.get(self._state)
        if res.error or res.reject is None:
            return ""
        return self.tr("Test result: reject H₀.") if res.reject else self.tr("Test result: H₀ not rejected.")

    def export_views(self) -> dict[str, Any]:
        """The open tab's plot first, then the others."""
        self._finish_loading()
        order = [self._state.tab] + [t for t in TABS if t != self._state.tab]
        return {t: self.view(t).plot_widget.getPlotItem() for t in order}

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        """Samples A and B, the permutation null and the simulated intervals."""
        self._finish_loading()
        return export_tables(self._state, self.permutation.result)

    def shutdown(self) -> None:
        """Stop the animation and background resampling."""
        self.permutation.timer.stop()
        self._loader.wait(5000)
        self.permutation.shutdown()
        self.bootstrap.shutdown()
