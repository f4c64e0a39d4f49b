"""Derivatives lab: f, f′, f″; a draggable point with its tangent; a shrinking secant; the finite-difference V."""

from __future__ import annotations

import dataclasses

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.calculus import PRESETS, DerivativesState, derivatives, fd_error_curve
from engine.expr import ExpressionError
from gui import theme
from gui.labs.base import Lab
from gui.labs.derivatives.chain_view import ChainRulePanel
from gui.labs.derivatives.render import DerivativesViewsMixin
from gui.widgets.expression_edit import ExpressionEdit
from gui.widgets.jobs import LatestJob
from gui.widgets.lazy_page import LazyPage
from gui.widgets.log_slider import LogSlider
from gui.widgets.module_loader import ModuleLoader
from gui.widgets.plane import configure_plot


def _cache_axes(plot: pg.PlotItem) -> None:
    """Cache axes (with their grid lines) as pixmaps: replaying the grid costs ~7 ms per repaint, a blit ~0.1 ms."""
    for side in ("left", "bottom"):
        plot.getAxis(side).setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)


class DerivativesLab(DerivativesViewsMixin, Lab):
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

    def _finish_loading(self) -> None:
        """Something needs the derivatives now (export, a typed formula): import sympy here and draw everything."""
        if self._loader.finish_now():
            self._on_loaded()

    def _on_loaded(self) -> None:
        self._chain_key = self._error_key = self._curve_key = None
        self.render(self.state())

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
