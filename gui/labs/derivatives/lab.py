"""Derivatives lab: f, f′, f″; a draggable point with its tangent; a shrinking secant; the finite-difference V."""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6 import QtCore, QtWidgets

from engine.calculus import (
    DerivativesResults,
    DerivativesState,
    derivatives,
    derive,
    export_tables,
    simplified_formulas,
    sketch,
    with_point,
    with_preset,
)
from engine.expr import ExpressionError
from engine.i18n import QT_TRANSLATE_NOOP
from gui.i18n import translate
from gui.labs.base import Lab
from gui.labs.derivatives.chain_view import ChainRulePanel
from gui.labs.derivatives.controls import DerivativesControls
from gui.labs.derivatives.plots import ErrorPlot, FunctionPlot
from gui.widgets.catch_up import CatchUp
from gui.widgets.control_column import control_column
from gui.widgets.jobs import LatestJob
from gui.widgets.lazy_page import LazyPage
from gui.widgets.module_loader import ModuleLoader
from gui.widgets.results_cache import ResultsCache
from gui.widgets.words import fmt

__all__ = ["DerivativesLab", "ModuleLoader"]


def _formulas_job(text: str, show_second: bool, key: tuple) -> tuple[tuple, tuple[str, ...]]:
    """(key, simplified formulas): run off the GUI thread, the key tells a late answer from the current one."""
    return key, simplified_formulas(text, show_second)


class DerivativesLab(Lab):
    """See derivatives: drag the point along f, shrink h, and watch the secant become the tangent."""

    name = "derivatives"
    title = QT_TRANSLATE_NOOP("Labs", "Derivatives")
    state_type = DerivativesState

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.results: ResultsCache[DerivativesState, DerivativesResults] = ResultsCache(derive)
        self._rendering = False
        self._chain_shown: object = None
        self._formula_key: tuple | None = None
        self._formula_job = LatestJob(self)
        self._formula_job.finished.connect(self._on_formulas)

        self.function_plot = FunctionPlot()
        self.error_plot = ErrorPlot()
        self.graphs = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.graphs.addWidget(self.function_plot.widget)
        self.graphs.addWidget(self.error_plot.widget)
        self.graphs.setStretchFactor(0, 3)
        self.graphs.setStretchFactor(1, 1)
        self.graphs.setSizes([540, 220])
        self.chain_page = LazyPage(ChainRulePanel)  # built when first shown: a PlotWidget and a symbolic gradient
        self.chain_page.built.connect(self._on_chain_built)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self.graphs, translate("Derivatives", "Graphs"))
        self.tabs.addTab(self.chain_page, translate("Derivatives", "Chain rule"))
        self.controls = DerivativesControls()
        self.catch_up = CatchUp(self)
        """The side column (x₀'s box, the readouts) and the error curve follow a drag at 10 Hz: re-laying out and
        repainting the column, and redrawing the error plot, were two fifths of every move's frame; the point, tangent,
        secant and slope label and the h marker follow every move."""
        scroll = control_column(self.controls)
        scroll.setFixedWidth(340)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(scroll)
        # The names the window, the benchmarks and the tests reach for.
        self.plot = self.function_plot.widget
        self.f_curve, self.df_curve = self.function_plot.f_curve, self.function_plot.df_curve
        self.formula, self.h = self.controls.formula, self.controls.h
        self.read_slope = self.controls.readouts["slope"]
        self._connect()
        # Opened on screen before sympy is imported (~0.6 s): draw f at once, the exact derivatives when it loaded.
        self._loader = ModuleLoader(("sympy",), self)
        self._loader.ready.connect(self._on_loaded)
        self._loader.start_if_needed()
        self.render(self.state())

    def _connect(self) -> None:
        c = self.controls
        c.preset.activated.connect(self._on_preset)
        c.expression.expressionAccepted.connect(self._on_expression)
        c.expression.expressionRejected.connect(self.error_message)
        c.show_second.toggled.connect(
            lambda on: self.edit(
                dataclasses.replace(self.state(), show_second=on),
                translate("Derivatives", "Show f″") if on else translate("Derivatives", "Hide f″"),
            )
        )
        c.show_secant.toggled.connect(
            lambda on: self.edit(
                dataclasses.replace(self.state(), show_secant=on),
                translate("Derivatives", "Show secant") if on else translate("Derivatives", "Hide secant"),
            )
        )
        c.x0.valueChanged.connect(
            lambda v: self.edit(dataclasses.replace(self.state(), x0=float(v)), translate("Derivatives", "Set x₀"))
        )
        c.h.value_changed.connect(self._on_h)
        point = self.function_plot.point
        point.sigPositionChanged.connect(self._on_point_dragged)
        point.sigPositionChangeFinished.connect(lambda *_: self.commit(translate("Derivatives", "Move point")))
        self.function_plot.viewbox.sigRangeChangedManually.connect(self._on_view_moved)
        self.tabs.currentChanged.connect(self._on_tab)

    @property
    def chain(self) -> ChainRulePanel:
        """The chain-rule tab (built on first use)."""
        return self.chain_page.view()

    def _on_chain_built(self, panel: ChainRulePanel) -> None:
        panel.edited.connect(self._on_chain_edited)
        self._render_chain(self.state(), force=True)

    # -- gestures -> states -------------------------------------------------------------------------------------
    def _on_point_dragged(self, *_args) -> None:
        if self._rendering:
            return
        new = with_point(self.state(), float(self.function_plot.point.pos().x()))
        if new == self.state():  # preview would skip rendering, but the mouse moved the point off the curve
            r = self.results.get(new) if not self._loader.pending else None
            if r is not None and r.point_visible:
                self._rendering = True
                try:
                    self.function_plot.show_point_at(r.x0, r.fx)
                finally:
                    self._rendering = False
        self.preview(new)

    def _on_h(self, value: float, final: bool) -> None:
        self.preview(dataclasses.replace(self.state(), h=float(value)))
        if final:
            self.commit(translate("Derivatives", "Change h"))

    def _on_preset(self, index: int) -> None:
        key = self.controls.preset.itemData(index)
        new = with_preset(self.state(), key)
        if key == "custom":
            self.controls.expression.line.setFocus()
            self.edit(new, translate("Derivatives", "Own function"))
        else:
            self.edit(new, translate("Derivatives", "Preset {0}").format(self.controls.preset.itemText(index)))

    def _on_expression(self, text: str) -> None:
        self._finish_loading()
        try:
            derivatives(text)
        except (ExpressionError, ValueError) as err:  # e.g. the derivative cannot be formed
            self.error_message(str(err))
            return
        self.edit(
            dataclasses.replace(self.state(), expression=text, preset="custom"),
            translate("Derivatives", "Edit function"),
        )

    def _on_view_moved(self, *_args) -> None:
        (x0, x1), (y0, y1) = self.function_plot.viewbox.viewRange()
        view = (float(x0), float(x1), float(y0), float(y1))
        if all(np.isfinite(view)) and x0 < x1 and y0 < y1:
            self.function_plot.note_view(view)
            self.update_view(view)  # a pan/zoom is not an undo step
            self.render(self.state())  # the curves are sampled over the visible range

    def _on_chain_edited(self, field: str, value: object, final: bool) -> None:
        if not field:  # only the highlighted path changed: a view choice, not state
            self._render_chain(self.state(), force=True)
            return
        self.edit(dataclasses.replace(self.state(), **{field: value}), translate("Derivatives", "Chain rule input"))

    def _on_tab(self, index: int) -> None:
        self.edit(
            dataclasses.replace(self.state(), tab="chain" if index == 1 else "graphs"),
            translate("Derivatives", "Switch tab"),
        )

    # -- state -> views -----------------------------------------------------------------------------------------
    def set_state(self, state: DerivativesState) -> None:
        """A state from outside (scene, undo, lesson): redraw everything, cached parts included."""
        self._forget_drawn()
        super().set_state(state)

    def _forget_drawn(self) -> None:
        self._chain_shown = None
        self.function_plot.forget()
        self.error_plot.forget()

    def render(self, state: DerivativesState) -> None:
        """Show ``state`` everywhere; each view redraws only the parts of the results that changed."""
        self._rendering = True
        try:
            live = self.live_quality.live
            self.catch_up.run(lambda: self.controls.show_inputs(state), live, key="inputs")
            with QtCore.QSignalBlocker(self.tabs):
                self.tabs.setCurrentIndex(1 if state.tab == "chain" else 0)
            self.function_plot.set_view(state.view)
            if self._loader.pending:
                self._render_sketch(state)
                return
            try:
                r = self.results.get(state)
            except ExpressionError as err:
                self.error_message(f"f(x): {err}")
                return
            self.function_plot.show(r)
            self.error_plot.show_h(r)
            self.catch_up.run(lambda: self.error_plot.show(r), live, key="error")
            self.catch_up.run(lambda: self.controls.show_results(r), live, key="results")
            self._render_formulas(state, r)
            self._render_chain(state)
        finally:
            self._rendering = False

    def _render_sketch(self, state: DerivativesState) -> None:
        self.catch_up.cancel("results")  # the sketch's "…" readouts must not be overwritten by older results
        try:
            s = sketch(state)
        except ExpressionError as err:
            self.error_message(f"f(x): {err}")
            return
        self.function_plot.show_sketch(s)
        self.controls.show_sketch(s)
        self._formula_key = None

    def _render_formulas(self, state: DerivativesState, r: DerivativesResults) -> None:
        """The formulas as sympy holds them at once; simplified ones (up to a second) follow from a background job."""
        key = (state.expression, state.show_second)
        if key == self._formula_key:
            return
        self._formula_key = key
        self.controls.show_formulas(r.formulas)
        self._formula_job.submit(_formulas_job, state.expression, state.show_second, key)

    def _on_formulas(self, result: tuple[tuple, tuple[str, ...]]) -> None:
        key, texts = result
        if key == self._formula_key:  # not an older formula finishing late
            self.controls.show_formulas(texts)

    def _render_chain(self, state: DerivativesState, force: bool = False) -> None:
        if not self.chain_page.is_built() or self._loader.pending:  # drawn when shown, and when sympy is there
            return
        r = self.results.get(state)
        if r.chain is self._chain_shown and not force:  # a drag of the point or of h leaves the chain graph alone
            return
        self._chain_shown = r.chain
        self.chain.display(r.chain, state.chain_w, state.chain_x, state.chain_b, state.chain_y)

    def _finish_loading(self) -> None:
        """Something needs the derivatives now (export, a typed formula): import sympy here and draw everything."""
        if self._loader.finish_now():
            self._on_loaded()

    def _on_loaded(self) -> None:
        self._forget_drawn()
        self.render(self.state())

    def describe(self) -> str:
        """E.g. "f(x) = σ(x); point x = 1, f(x) = 0.7311; slope f′(x) = 0.1966; secant slope (h = 0.5) 0.173"."""
        s = self.state()
        text = self.tr("f(x) = {0}; point x = {1}").format(s.expression, fmt(s.x0))
        if self._loader.pending:  # the derivatives need sympy, still loading: say what is known
            return text
        r = self.results.get(s)
        if not r.point_visible:
            return text + "; " + self.tr("f is not defined at this point")
        text += "; " + self.tr("f(x) = {0}; slope f′(x) = {1}").format(fmt(r.fx), r.readouts["slope"])
        if s.show_secant:
            text += "; " + self.tr("secant slope (h = {0}) {1}").format(fmt(s.h), r.readouts["secant"])
        return text

    # -- export -------------------------------------------------------------------------------------------------
    def export_views(self) -> dict:
        """The function plot, the error plot and the chain-rule graph."""
        self._finish_loading()
        return {
            "plot": self.function_plot.widget.getPlotItem(),
            "error": self.error_plot.widget.getPlotItem(),
            "chain": self.chain.view.getPlotItem(),
        }

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        """f, f′, f″ samples over the view, and the finite-difference error curve."""
        self._finish_loading()
        try:
            return export_tables(self.state())
        except ExpressionError:
            return {}

    def shutdown(self) -> None:
        """Drop the background formula simplification before the lab closes."""
        self._loader.wait(5000)
        self._formula_job.cancel()
        self._formula_job.wait(5000)
