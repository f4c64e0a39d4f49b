"""Derivatives lab: f, f′, f″; a draggable point with its tangent; a shrinking secant; the finite-difference V."""

from __future__ import annotations

import dataclasses

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.calculus import PRESETS, DerivativesState, chain_rule, derivatives, fd_error_curve, secant_slope
from engine.expr import ExpressionError, parse
from engine.expr_format import to_formula
from engine.expr_parse import parse_tree
from gui import theme
from gui.labs.base import Lab
from gui.labs.derivatives_chain import ChainRulePanel
from gui.widgets.expression_edit import ExpressionEdit
from gui.widgets.jobs import LatestJob
from gui.widgets.lazy_page import LazyPage
from gui.widgets.log_slider import LogSlider
from gui.widgets.module_loader import ModuleLoader
from gui.widgets.plane import configure_plot

N_SAMPLES = 900
ERROR_FLOOR = 1e-17  # exact-zero errors drawn here so the log plot has no holes


def _cache_axes(plot: pg.PlotItem) -> None:
    """Cache axes (with their grid lines) as pixmaps: replaying the grid costs ~7 ms per repaint, a blit ~0.1 ms."""
    for side in ("left", "bottom"):
        plot.getAxis(side).setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)


def _simplified_formulas(exprs: tuple, key: tuple) -> tuple[tuple, tuple[str, ...]]:
    """(key, simplified formula of each expression): run off the GUI thread."""
    return key, tuple(e.formula() for e in exprs)


def _fmt(v: float) -> str:
    return f"{v:.6g}" if np.isfinite(v) else "undefined"


class DerivativesLab(Lab):
    """See derivatives: drag the point along f, shrink h, and watch the secant become the tangent."""

    name = "derivatives"
    title = "Derivatives"
    state_type = DerivativesState

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._curve_key: tuple | None = None
        self._applied_view: tuple | None = None
        self._error_y_range: tuple | None = None
        self._chain_key: tuple | None = None
        self._formula_key: tuple | None = None
        self._formula_job = LatestJob(self)
        self._formula_job.finished.connect(self._on_formulas)
        self._error_key: tuple | None = None
        self._build_plots()
        self.chain_page = LazyPage(ChainRulePanel)  # built when first shown: a PlotWidget and a symbolic gradient
        self.chain_page.built.connect(self._on_chain_built)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self.graphs, "Graphs")
        self.tabs.addTab(self.chain_page, "Chain rule")
        self.tabs.currentChanged.connect(self._on_tab)
        controls = self._build_controls()
        scroll = QtWidgets.QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(340)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(scroll)
        # Opened on screen before sympy is imported (~0.6 s): draw f at once, the exact derivatives when it loaded.
        self._loader = ModuleLoader(("sympy",), self)
        self._loader.ready.connect(self._on_loaded)
        self._loader.start_if_needed()
        self.render(self.state())

    @property
    def chain(self) -> ChainRulePanel:
        """The chain-rule tab (built on first use)."""
        return self.chain_page.view()

    def _on_chain_built(self, panel: ChainRulePanel) -> None:
        panel.edited.connect(self._on_chain_edited)
        self._render_chain(self.state(), force=True)

    # -- construction -------------------------------------------------------------------------------------------
    def _build_plots(self) -> None:
        self.plot = pg.PlotWidget()
        item = self.plot.getPlotItem()
        configure_plot(item)
        _cache_axes(item)
        item.addLegend(offset=(10, 10), labelTextSize=f"{theme.current().font_pt}pt")
        item.setLabel("bottom", "x")
        for angle in (0, 90):
            axis = pg.InfiniteLine(pos=0, angle=angle, pen=theme.pen("axis", 0.4), movable=False)
            axis.setZValue(-10)
            item.addItem(axis, ignoreBounds=True)
        self.f_curve = item.plot(pen=theme.pen("blue"), name="f(x)", connect="finite")
        self.df_curve = item.plot(pen=theme.pen("vermillion", 0.8, "dash"), name="f′(x)", connect="finite")
        self.d2f_curve = item.plot(pen=theme.pen("purple", 0.7, "dot"), connect="finite")
        for curve in (self.f_curve, self.df_curve, self.d2f_curve):  # static while dragging: blit, don't re-stroke
            curve.curve.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.tangent_line = item.plot(pen=theme.pen("orange", 0.9), name="tangent")
        self.secant_line = item.plot(pen=theme.pen("green", 0.8), name="secant")
        self.secant_end = pg.ScatterPlotItem(size=11, brush=theme.brush("green", 255), pen=theme.pen("bg", 0.3))
        item.addItem(self.secant_end)
        self.point = pg.TargetItem(
            pos=(0, 0),
            size=16,
            symbol="o",
            pen=theme.pen("fg", 0.6),
            brush=theme.brush("orange", 255),
            hoverBrush=theme.brush("yellow", 255),
        )
        self.point.setZValue(20)
        self.point.setToolTip("Drag me along the curve")
        item.addItem(self.point)
        self.slope_text = pg.TextItem("", color=theme.color("fg"), anchor=(0, 1.2), fill=theme.brush("bg", 200))
        self.slope_text.setFont(theme.font(1.0, bold=True))
        self.slope_text.setZValue(21)
        item.addItem(self.slope_text, ignoreBounds=True)
        self.point.sigPositionChanged.connect(self._on_point_dragged)
        self.point.sigPositionChangeFinished.connect(lambda *_: self.commit("Move point"))
        item.getViewBox().sigRangeChangedManually.connect(self._on_view_moved)

        self.error_plot = pg.PlotWidget()
        eitem = self.error_plot.getPlotItem()
        configure_plot(eitem)
        _cache_axes(eitem)
        eitem.setLogMode(x=True, y=True)
        eitem.setLabel("bottom", "step h")
        eitem.setLabel("left", "|error|")
        eitem.setTitle(
            "Finite-difference error: truncation (right) vs round-off (left)", size=f"{theme.current().font_pt}pt"
        )
        eitem.addLegend(offset=(10, -10), labelTextSize=f"{theme.current().font_pt - 1}pt")
        eitem.getViewBox().setMouseEnabled(False, False)
        self.fwd_err = eitem.plot(pen=theme.pen("vermillion", 0.8), name="forward", connect="finite")
        self.cen_err = eitem.plot(pen=theme.pen("green", 0.8), name="central", connect="finite")
        self.h_line = pg.InfiniteLine(angle=90, pen=theme.pen("orange", 0.6, "dash"), movable=False)
        eitem.addItem(self.h_line, ignoreBounds=True)
        eitem.setXRange(-16, 0, padding=0.02)

        self.graphs = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.graphs.addWidget(self.plot)
        self.graphs.addWidget(self.error_plot)
        self.graphs.setStretchFactor(0, 3)
        self.graphs.setStretchFactor(1, 1)
        self.graphs.setSizes([540, 220])

    def _build_controls(self) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        col = QtWidgets.QVBoxLayout(box)

        fn = QtWidgets.QGroupBox("Function")
        fl = QtWidgets.QVBoxLayout(fn)
        self.preset = QtWidgets.QComboBox()
        for key, preset in PRESETS.items():
            self.preset.addItem(preset.label, key)
        self.preset.addItem("Your own function", "custom")
        self.preset.activated.connect(self._on_preset)
        self.expression = ExpressionEdit(("x",))
        self.expression.expressionAccepted.connect(self._on_expression)
        self.expression.expressionRejected.connect(self.error_message)
        self.formula = QtWidgets.QLabel("")
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_second = QtWidgets.QCheckBox("Show f″ (second derivative)")
        self.show_second.toggled.connect(
            lambda on: self.edit(dataclasses.replace(self.state(), show_second=on), "Show f″" if on else "Hide f″")
        )
        for w in (
            QtWidgets.QLabel("Preset"),
            self.preset,
            QtWidgets.QLabel("f(x) ="),
            self.expression,
            self.formula,
            self.show_second,
        ):
            fl.addWidget(w)
        col.addWidget(fn)

        pt = QtWidgets.QGroupBox("Point and tangent")
        pf = QtWidgets.QFormLayout(pt)
        self.x0 = QtWidgets.QDoubleSpinBox()
        self.x0.setRange(-1e6, 1e6)
        self.x0.setDecimals(3)
        self.x0.setSingleStep(0.1)
        self.x0.setKeyboardTracking(False)
        self.x0.valueChanged.connect(lambda v: self.edit(dataclasses.replace(self.state(), x0=float(v)), "Set x₀"))
        self.read_f = QtWidgets.QLabel()
        self.read_slope = QtWidgets.QLabel()
        self.read_second = QtWidgets.QLabel()
        self.read_tangent = QtWidgets.QLabel()
        self.read_tangent.setWordWrap(True)
        pf.addRow("x₀", self.x0)
        pf.addRow("f(x₀)", self.read_f)
        pf.addRow("slope f′(x₀)", self.read_slope)
        pf.addRow("f″(x₀)", self.read_second)
        pf.addRow("tangent", self.read_tangent)
        col.addWidget(pt)

        sec = QtWidgets.QGroupBox("Secant and finite differences")
        sf = QtWidgets.QFormLayout(sec)
        self.show_secant = QtWidgets.QCheckBox("Show the secant through x₀ and x₀ + h")
        self.show_secant.toggled.connect(
            lambda on: self.edit(
                dataclasses.replace(self.state(), show_secant=on), "Show secant" if on else "Hide secant"
            )
        )
        self.h = LogSlider(1e-8, 5.0, 0.5)
        self.h.value_changed.connect(self._on_h)
        self.read_secant = QtWidgets.QLabel()
        self.read_fd_error = QtWidgets.QLabel()
        self.read_central = QtWidgets.QLabel()
        self.read_best = QtWidgets.QLabel()
        self.read_best.setWordWrap(True)
        sf.addRow(self.show_secant)
        sf.addRow("h", self.h)
        sf.addRow("secant slope", self.read_secant)
        sf.addRow("|secant − f′|", self.read_fd_error)
        sf.addRow("central diff.", self.read_central)
        sf.addRow(self.read_best)
        col.addWidget(sec)
        col.addStretch(1)
        return box

    # -- gestures -> states -------------------------------------------------------------------------------------
    def _on_point_dragged(self, *_args) -> None:
        if self._rendering:
            return
        x = float(self.point.pos().x())
        x0, x1 = self.state().view[:2]
        x = min(max(x, x0), x1)
        new = dataclasses.replace(self.state(), x0=x)
        if new == self.state():  # preview would skip rendering, but the mouse moved the point off the curve
            self._rendering = True
            try:
                self._render_point(new)
            finally:
                self._rendering = False
        self.preview(new)

    def _on_h(self, value: float, final: bool) -> None:
        self.preview(dataclasses.replace(self.state(), h=float(value)))
        if final:
            self.commit("Change h")

    def _on_preset(self, index: int) -> None:
        key = self.preset.itemData(index)
        if key == "custom":
            self.expression.line.setFocus()
            self.edit(dataclasses.replace(self.state(), preset="custom"), "Own function")
            return
        preset = PRESETS[key]
        x0 = min(max(self.state().x0, preset.view[0]), preset.view[1])
        self.edit(
            dataclasses.replace(self.state(), preset=key, expression=preset.text, view=preset.view, x0=x0),
            f"Preset {preset.label}",
        )

    def _on_expression(self, text: str) -> None:
        self._finish_loading()
        try:
            derivatives(text)
        except (ExpressionError, ValueError) as err:  # e.g. the derivative cannot be formed
            self.error_message(str(err))
            return
        self.edit(dataclasses.replace(self.state(), expression=text, preset="custom"), "Edit function")

    def _on_view_moved(self, *_args) -> None:
        (x0, x1), (y0, y1) = self.plot.getPlotItem().getViewBox().viewRange()
        view = (float(x0), float(x1), float(y0), float(y1))
        if all(np.isfinite(view)) and x0 < x1 and y0 < y1:
            self._applied_view = view
            self.update_view(view)  # a pan/zoom is not an undo step
            self.render(self.state())  # the curves are sampled over the visible range

    def _on_chain_edited(self, field: str, value: object, final: bool) -> None:
        if not field:  # only the highlighted path changed: a view choice, not state
            self._render_chain(self.state(), force=True)
            return
        self.edit(dataclasses.replace(self.state(), **{field: value}), "Chain rule input")

    def _on_tab(self, index: int) -> None:
        self.edit(dataclasses.replace(self.state(), tab="chain" if index == 1 else "graphs"), "Switch tab")

    # -- state -> views -----------------------------------------------------------------------------------------
    _rendering = False

    def set_state(self, state: DerivativesState) -> None:
        """A state from outside (scene, undo, lesson): redraw everything, cached parts included."""
        self._chain_key = self._error_key = self._curve_key = None
        super().set_state(state)

    def render(self, state: DerivativesState) -> None:
        """Show ``state`` everywhere; curves are resampled only when the formula or the x-range changes."""
        self._rendering = True
        try:
            self._render_inputs(state)
            if self._loader.pending:
                self._render_f_only(state)
                return
            try:
                derivatives(state.expression)
            except ExpressionError as err:
                self.error_message(f"f(x): {err}")
                return
            self._render_curves(state)
            self._render_point(state)
            self._render_chain(state)
        finally:
            self._rendering = False

    def _render_f_only(self, state: DerivativesState) -> None:
        """While sympy loads: f and the point on it (numpy only); derivative curves and readouts wait for it."""
        try:
            f = parse(state.expression, ("x",))
        except ExpressionError as err:
            self.error_message(f"f(x): {err}")
            return
        xs = np.linspace(*state.view[:2], N_SAMPLES)
        self.f_curve.setData(xs, f.numpy()(xs))
        for item in (self.df_curve, self.d2f_curve, self.tangent_line, self.secant_line, self.secant_end):
            item.setData([], [])
        fx = f(state.x0)
        self.point.setVisible(bool(np.isfinite(fx)))
        if np.isfinite(fx):
            self.point.setPos(state.x0, fx)
        self.slope_text.setText("")
        self.formula.setText(
            f"<b>f(x)</b> = {to_formula(parse_tree(state.expression, ('x',)))}<br>"
            "<i>working out the exact derivatives (loading sympy)…</i>"
        )
        self.read_f.setText(_fmt(fx))
        for label in (self.read_slope, self.read_second, self.read_tangent, self.read_secant, self.read_fd_error,
                      self.read_central, self.read_best):  # fmt: skip
            label.setText("…")

    def _finish_loading(self) -> None:
        """Something needs the derivatives now (export, a typed formula): import sympy here and draw everything."""
        if self._loader.finish_now():
            self._on_loaded()

    def _on_loaded(self) -> None:
        self._chain_key = self._error_key = self._curve_key = None
        self.render(self.state())

    def _render_inputs(self, state: DerivativesState) -> None:
        self.expression.set_text(state.expression)
        index = self.preset.findData(state.preset)
        for widget, setter in (
            (self.preset, lambda: self.preset.setCurrentIndex(max(index, 0))),
            (self.show_second, lambda: self.show_second.setChecked(state.show_second)),
            (self.show_secant, lambda: self.show_secant.setChecked(state.show_secant)),
            (self.x0, lambda: self.x0.setValue(state.x0)),
            (self.tabs, lambda: self.tabs.setCurrentIndex(1 if state.tab == "chain" else 0)),
        ):
            with QtCore.QSignalBlocker(widget):
                setter()
        if abs(self.h.value() - state.h) > 1e-15 * state.h:
            self.h.set_value(state.h)
        if state.view != self._applied_view:
            x0, x1, y0, y1 = state.view
            self.plot.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            self._applied_view = state.view

    def _render_curves(self, state: DerivativesState) -> None:
        x0, x1 = state.view[:2]
        key = (state.expression, x0, x1, state.show_second)
        if key == self._curve_key:
            return
        self._curve_key = key
        f, df, d2f = derivatives(state.expression)
        xs = np.linspace(x0, x1, N_SAMPLES)
        self.f_curve.setData(xs, f.numpy()(xs))
        self.df_curve.setData(xs, df.numpy()(xs))
        if state.show_second:
            self.d2f_curve.setData(xs, d2f.numpy()(xs))
        self.d2f_curve.setVisible(state.show_second)
        legend = self.plot.getPlotItem().legend
        legend.removeItem(self.d2f_curve)
        if state.show_second:
            legend.addItem(self.d2f_curve, "f″(x)")
        exprs = (f, df, d2f) if state.show_second else (f, df)
        # The formulas as sympy holds them at once; simplified ones (sympy.simplify: up to a second) follow from a
        # background job, so neither the first open nor a new formula waits for them.
        self._show_formulas(tuple(e.quick_formula() for e in exprs))
        self._formula_key = (state.expression, state.show_second)
        self._formula_job.submit(_simplified_formulas, exprs, self._formula_key)

    def _show_formulas(self, texts: tuple[str, ...]) -> None:
        names = ("f(x)", "f′(x)", "f″(x)")
        self.formula.setText("<br>".join(f"<b>{n}</b> = {t}" for n, t in zip(names, texts, strict=False)))

    def _on_formulas(self, result: tuple[tuple, tuple[str, ...]]) -> None:
        key, texts = result
        if key == self._formula_key:  # not an older formula finishing late
            self._show_formulas(texts)

    def _render_point(self, state: DerivativesState) -> None:
        f, df, d2f = derivatives(state.expression)
        x0, h = state.x0, state.h
        fx, slope, second = f(x0), df(x0), d2f(x0)
        vx0, vx1 = state.view[:2]
        ok = np.isfinite(fx)
        self.point.setVisible(bool(ok))
        if ok:
            self.point.setPos(x0, fx)
        ends = np.array([vx0, vx1])
        if ok and np.isfinite(slope):
            self.tangent_line.setData(ends, fx + slope * (ends - x0))
            self.slope_text.setText(f" slope {slope:.4g} ")
            self.slope_text.setPos(x0, fx)
        else:
            self.tangent_line.setData([], [])
            self.slope_text.setText(" slope undefined " if ok else "")
            self.slope_text.setPos(x0, fx if ok else 0.0)
        sec = secant_slope(state.expression, x0, h)
        f_end = f(x0 + h)
        show_sec = bool(state.show_secant and ok and np.isfinite(sec))
        self.secant_line.setVisible(show_sec)
        self.secant_end.setVisible(show_sec)
        if show_sec:
            self.secant_line.setData(ends, fx + sec * (ends - x0))
            self.secant_end.setData([x0 + h], [f_end])
        central = (f(x0 + h) - f(x0 - h)) / (2 * h)
        self.read_f.setText(_fmt(fx))
        self.read_slope.setText(_fmt(slope))
        self.read_second.setText(_fmt(second))
        intercept = fx - slope * x0
        self.read_tangent.setText(
            f"y = {slope:.4g}·x {'+' if intercept >= 0 else '−'} {abs(intercept):.4g}"
            if np.isfinite(intercept)
            else "undefined here"
        )
        self.read_secant.setText(_fmt(sec))
        self.read_fd_error.setText(_fmt(abs(sec - slope)))
        self.read_central.setText(f"{_fmt(central)} (error {_fmt(abs(central - slope))})")
        self._render_error_curve(state)

    def _render_error_curve(self, state: DerivativesState) -> None:
        self.h_line.setValue(np.log10(state.h))
        key = (state.expression, state.x0)
        if key == self._error_key:  # moving h only moves the marker: the error curve depends on f and x₀
            return
        self._error_key = key
        curve = fd_error_curve(state.expression, state.x0)

        def floored(err: np.ndarray) -> np.ndarray:
            return np.where(np.isfinite(err), np.maximum(err, ERROR_FLOOR), np.nan)

        fwd, cen = floored(curve.forward_error), floored(curve.central_error)
        self.fwd_err.setData(curve.h, fwd)
        self.cen_err.setData(curve.h, cen)
        # Whole decades, changed only when the curve leaves them: re-ranging redraws the axes (slow) on every drag.
        top = np.nanmax(np.concatenate([fwd, cen, [1.0]]))
        y_range = (np.log10(ERROR_FLOOR) - 0.5, float(np.clip(np.ceil(np.log10(top)) + 0.5, 0.5, 300)))
        if y_range != self._error_y_range:
            self._error_y_range = y_range
            self.error_plot.getPlotItem().setYRange(*y_range, padding=0)
        if np.isfinite(curve.best_h_forward):
            self.read_best.setText(
                f"Smallest error at h ≈ {curve.best_h_forward:.1e} (forward) and {curve.best_h_central:.1e} "
                "(central): smaller h loses digits to round-off."
            )
        else:
            self.read_best.setText("f′(x₀) is undefined here, so there is no error to measure.")

    def _render_chain(self, state: DerivativesState, force: bool = False) -> None:
        if not self.chain_page.is_built() or self._loader.pending:  # drawn when shown, and when sympy is there
            return
        key = (state.chain_w, state.chain_x, state.chain_b, state.chain_y, state.chain_loss)
        if key == self._chain_key and not force:  # a drag of the point or of h leaves the chain graph as it is
            return
        self._chain_key = key
        graph = chain_rule(*key)
        self.chain.display(graph, state.chain_w, state.chain_x, state.chain_b, state.chain_y)

    # -- export -------------------------------------------------------------------------------------------------
    def export_views(self) -> dict:
        """The function plot, the error plot and the chain-rule graph."""
        self._finish_loading()
        return {
            "plot": self.plot.getPlotItem(),
            "error": self.error_plot.getPlotItem(),
            "chain": self.chain.view.getPlotItem(),
        }

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        """f, f′, f″ samples over the view, and the finite-difference error curve."""
        self._finish_loading()
        state = self.state()
        try:
            f, df, d2f = derivatives(state.expression)
        except ExpressionError:
            return {}
        xs = np.linspace(state.view[0], state.view[1], 401)
        curves = np.column_stack([xs, f.numpy()(xs), df.numpy()(xs), d2f.numpy()(xs)])
        err = fd_error_curve(state.expression, state.x0)
        errors = np.column_stack([err.h, err.forward_error, err.central_error])
        return {
            "curves": (["x", "f", "df", "d2f"], curves.tolist()),
            "fd_error": (["h", "forward_error", "central_error"], errors.tolist()),
        }

    def shutdown(self) -> None:
        """Drop the background formula simplification before the lab closes."""
        self._loader.wait(5000)
        self._formula_job.cancel()
        self._formula_job.wait(5000)
