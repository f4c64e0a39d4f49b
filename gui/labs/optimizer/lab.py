"""Optimizer lab: several torch-identical optimizers racing across a loss surface, with their inner workings shown."""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6 import QtCore, QtWidgets

from engine.expr import ExpressionError
from engine.optim import LABELS, OPTIMIZERS, SURFACES, OptimizerError, OptimizerState, lr_bounds, runs
from engine.optim import objectives as obj
from gui.labs.base import Lab
from gui.labs.optimizer.cache import SurfaceCache, objective_key
from gui.labs.optimizer.data_view import DataView
from gui.labs.optimizer.display import LiveThrottle, curvature_text, loss_offset, narration_text, readout_rows
from gui.labs.optimizer.inputs import OptimizerInputs
from gui.labs.optimizer.panel import OptimizerPanel
from gui.labs.optimizer.readout import NarrationBox, ReadoutTable
from gui.labs.optimizer.runs import INLINE_STEPS, RunScheduler, run_cost
from gui.labs.optimizer.view_3d import Surface3D
from gui.labs.optimizer.views import LossPlot, SurfaceView, arrow_segments
from gui.widgets.playback import PlaybackBar

__all__ = ["OptimizerLab"]


class OptimizerLab(OptimizerInputs, Lab):
    """Loss surface, optimizer race, loss curve, internals, narration, 3-D view and line fitting."""

    name = "optimizer"
    title = "Optimizer"
    state_type = OptimizerState

    trajectories_shown = QtCore.Signal(tuple)
    """The paths now drawn start at this point (during a drag they follow the star a moment later)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._cache = SurfaceCache()
        self._runs_key = None
        self._runs: dict = {}
        self._objective = None
        self._live = False  # a drag or slider gesture is in progress: cheaper drawing, loss plot range held
        self._synced = None
        self._focus_names: tuple[str, ...] = ()
        self._position_shown = None
        self._curvature = ""
        self._scheduler = RunScheduler(self)
        self._scheduler.ready.connect(self._on_sliced_runs)
        self._scheduler.failed.connect(self.error_message)
        # During a gesture the loss curves, table, narration and start label catch up at most 10×/s.
        self._throttle = LiveThrottle(self)
        self._throttle.refresh.connect(self._refresh_readouts)
        self._stale: set[str] = set()  # which of "loss", "readouts", "start" wait for the throttle
        self._build()
        self.render(self._state)

    # --- layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.surface_view = SurfaceView(OPTIMIZERS)
        self.loss_plot = LossPlot(OPTIMIZERS)
        self.data_view = DataView(OPTIMIZERS)
        self.fit_surface = SurfaceView(OPTIMIZERS)
        self.fit_surface.plot_item.setLabel("bottom", "slope m")
        self.fit_surface.plot_item.setLabel("left", "intercept b")
        self.view3d = Surface3D()
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self.surface_view, "Surface")
        fit = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)  # stacked: the column is tall, not wide
        fit.addWidget(self.data_view)
        fit.addWidget(self.fit_surface)
        fit.setChildrenCollapsible(False)
        self.tabs.addTab(fit, "Fit a line")
        self.tabs.addTab(self.view3d, "3-D")
        self.tabs.currentChanged.connect(self._on_tab)
        self.playback = PlaybackBar()
        self.playback.position_changed.connect(self._on_position)
        self.playback.speed_changed.connect(lambda s: self.edit(dataclasses.replace(self._state, speed=s), "Speed"))
        left = QtWidgets.QWidget()
        ll = QtWidgets.QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.tabs, 1)
        ll.addWidget(self.playback)

        # Beside the surface, a narrow column the user can re-divide: loss curves, the table, the narrated step.
        self.readout = ReadoutTable()
        self.focus = QtWidgets.QComboBox()
        self.focus.currentIndexChanged.connect(lambda _i: self._show_position(self._state))
        self.narration = NarrationBox()
        explain = QtWidgets.QWidget()
        el = QtWidgets.QVBoxLayout(explain)
        el.setContentsMargins(0, 0, 0, 0)
        el.setSpacing(2)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel("Explain step of"))
        row.addWidget(self.focus, 1)
        el.addLayout(row)
        el.addWidget(self.narration, 1)
        self.loss_plot.setMinimumHeight(170)
        self.side = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        for w in (self.loss_plot, self.readout, explain):
            self.side.addWidget(w)
        self.side.setChildrenCollapsible(False)
        table = self.readout
        rows_h = table.verticalHeader().defaultSectionSize() * 7 + table.horizontalHeader().sizeHint().height()
        self.side.setSizes([300, rows_h + 2 * table.frameWidth() + 2, 220])
        self.side.setMinimumWidth(self.readout.minimumWidth())

        self.split = QtWidgets.QSplitter()
        self.split.addWidget(left)
        self.split.addWidget(self.side)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([640, self.readout.minimumWidth()])
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.split, 1)
        lay.addWidget(self._build_controls())

    def _build_controls(self) -> OptimizerPanel:
        panel = self.panel = OptimizerPanel()
        # The inputs by name, as the lab's own attributes (tests and lessons drive them).
        for name in (
            "surface_combo", "expr_edit", "formula", "kappa", "angle", "steps", "start_label", "reset_view_button",
            "show_gradient", "show_hessian", "show_internals", "csv_button", "new_data_button", "controls",
        ):  # fmt: skip
            setattr(self, name, getattr(panel, name))
        self.expr_error = self.expr_edit.message  # the message shown under the formula box
        self.surface_combo.currentIndexChanged.connect(self._on_surface)
        self.expr_edit.expressionAccepted.connect(self._on_expression)
        self.expr_edit.expressionRejected.connect(lambda msg: self.error_message(f"Formula not used: {msg}"))
        self.kappa.value_changed.connect(self._on_kappa)
        self.angle.valueChanged.connect(
            lambda v: self.edit(dataclasses.replace(self._state, angle=float(v)), "Rotate bowl")
        )
        self.steps.valueChanged.connect(self._on_steps)
        self.reset_view_button.clicked.connect(self._on_reset_view)
        for cb, field in (
            (self.show_gradient, "show_gradient"),
            (self.show_hessian, "show_hessian"),
            (self.show_internals, "show_internals"),
        ):
            cb.toggled.connect(lambda on, f=field: self.edit(dataclasses.replace(self._state, **{f: on}), "Overlay"))
        self.csv_button.clicked.connect(self._on_load_csv)
        self.new_data_button.clicked.connect(self._on_new_data)
        for c in self.controls.values():
            c.changed.connect(self._on_config)
        return panel

    # --- render -------------------------------------------------------------------------------------------------
    def render(self, state: OptimizerState) -> None:
        """Show ``state``: surface (cached), runs (recomputed when inputs change), playback position."""
        try:
            o = self._cache.objective(state)
        except (obj.ObjectiveError, ExpressionError) as exc:
            self.error_message(str(exc))
            return
        self._objective = o
        self._sync_inputs(state, o)
        self._show_surface(state, o)
        key = self._key_of(state)
        if key != self._runs_key:
            if self._live and run_cost(state) > INLINE_STEPS:
                self._scheduler.request(state, o, key)  # the star follows the mouse now; the paths when ready
            else:
                self._scheduler.cancel()
                try:
                    result = runs(state, o)
                except OptimizerError as exc:
                    self.error_message(str(exc))
                    result = {}
                self._show_runs(key, result)
                return
        self._show_position(state)

    def _key_of(self, state: OptimizerState):
        """Everything the trajectories depend on."""
        return (objective_key(state), state.start, state.steps, state.configs)

    def _show_runs(self, key, result: dict) -> None:
        self._runs, self._runs_key = result, key
        self._on_runs_changed(self._state, self._objective)
        self._show_position(self._state)
        self.trajectories_shown.emit(key[1])

    def _on_sliced_runs(self, key, result: dict) -> None:
        if key != self._runs_key:
            self._show_runs(key, result)

    @property
    def computing(self) -> bool:
        """True while runs for a drag are still being computed in slices (tests and benchmarks wait on it)."""
        return self._scheduler.computing

    def _gesture(self, state: OptimizerState, final: bool) -> None:
        """One step of a drag or slider move: live while it lasts, exact and complete when it ends."""
        self._set_live(not final)
        self.preview(state)
        if final and self._runs_key != self._key_of(self._state):  # released where the last preview was
            self.render(self._state)
        elif final:
            self._show_position(self._state)  # the paths again at full detail

    def _views(self, state: OptimizerState) -> list[SurfaceView]:
        return [self.surface_view, self.fit_surface] if state.surface == "line_fit" else [self.surface_view]

    def _show_surface(self, state: OptimizerState, o) -> None:
        """Heat map, contours, minima and arrows for the state's view (recomputed only when it changes)."""
        views = self._views(state)
        full = not self._live or self._cache.has_grid(state, state.view)  # contours wait for the slider's release
        painted = (objective_key(state), state.view, state.show_gradient, full)
        for v in views:
            v.set_view(state.view)
            if getattr(v, "_painted", None) != painted:
                v._painted = painted
                xs, ys, d, cx, cy, field = self._cache.grid(state, o, state.view, contours=full)
                v.set_surface(xs, ys, d, cx, cy)
                v.minima.setData([m[0] for m in o.minima], [m[1] for m in o.minima])
                if state.show_gradient:
                    span = min(state.view[1] - state.view[0], state.view[3] - state.view[2])
                    v.arrows.setData(*arrow_segments(*field, 0.045 * span))
                else:
                    v.arrows.setData([], [])
            v.start.place(*state.start)

    def _on_runs_changed(self, state: OptimizerState, o) -> None:
        self._later("loss") if self._live else self._show_loss_curves()
        n = max((tr.steps for tr in self._runs.values()), default=0)
        self.playback.set_range(n, min(state.position, n))
        names = tuple(self._runs)
        if names != self._focus_names:
            self._focus_names = names
            with QtCore.QSignalBlocker(self.focus):
                current = self.focus.currentData()
                self.focus.clear()
                for name in names:
                    self.focus.addItem(LABELS[name], name)
                i = self.focus.findData(current)
                self.focus.setCurrentIndex(max(i, 0))
        if self.view3d.gl is not None and not self._live:
            xs, ys, d, *_ = self._cache.grid(state, o, state.view)
            self.view3d.set_data(xs, ys, d, {k: tr.points for k, tr in self._runs.items()})

    def _show_loss_curves(self) -> None:
        """Loss against iteration of every run (during a gesture: the range held, plain lines)."""
        o = self._objective
        if o is None:
            return
        values = {n: tr.values for n, tr in self._runs.items()}
        offset, label = loss_offset(values, [o.value_xy(*m) for m in o.minima])
        self.loss_plot.set_curves(values, offset, label, fit=not self._live)

    def _later(self, what: str) -> None:
        """Mark a readout as waiting for the live throttle (a drag's frames go to the paths and the star)."""
        self._stale.add(what)
        self._throttle.request()

    def _refresh_readouts(self) -> None:
        """The throttled part of a live frame: loss curves, table, narration, start label, as they are now."""
        stale, self._stale = self._stale, set()
        if "start" in stale:
            self.start_label.setText(f"({self._state.start[0]:.4g}, {self._state.start[1]:.4g})")
        if "loss" in stale:
            self._show_loss_curves()
        if "readouts" in stale:
            self._show_readouts(self._state)

    def _set_live(self, live: bool) -> None:
        """Enter or leave a gesture: plain lines and a held loss range while it lasts, the full look after."""
        if live == self._live:
            return
        self._live = live
        for v in (self.surface_view, self.fit_surface):
            v.set_antialias(not live)
        if not live:
            self._throttle.cancel()
            stale, self._stale = self._stale, set()
            self._position_shown = None  # redraw the paths at full detail, and the readouts
            if self._objective is not None:
                self._show_surface(self._state, self._objective)  # with its contours, if a slider skipped them
            if "loss" in stale:
                self._show_loss_curves()  # antialiased and refitted
            for curve in self.loss_plot.curves.values():
                curve.opts["antialias"] = True
            self.loss_plot.fit()
            o = self._objective
            if self.view3d.gl is not None and o is not None:
                xs, ys, d, *_ = self._cache.grid(self._state, o, self._state.view)
                self.view3d.set_data(xs, ys, d, {k: tr.points for k, tr in self._runs.items()})

    def _show_position(self, state: OptimizerState) -> None:
        """Paths, internals and heads at the playback position; the readouts too (throttled while live)."""
        # While a drag waits for new runs, only the star moves: the paths, table and narration stay as drawn.
        shown = (id(self._runs), id(self._objective), state.position, state.show_internals, state.show_hessian)
        shown += (state.view, state.surface, self.focus.currentData(), self.surface_view.viewbox.viewPixelSize())
        if shown == self._position_shown:
            return
        self._position_shown = shown
        n = max((tr.steps for tr in self._runs.values()), default=0)
        k_all = min(state.position, n)
        self.playback.set_range(n, k_all)
        self.loss_plot.set_position(k_all)
        views = self._views(state)
        span = min(state.view[1] - state.view[0], state.view[3] - state.view[2])
        line_params = {}
        for name in OPTIMIZERS:
            tr = self._runs.get(name)
            for v in views:
                if tr is None:
                    v.clear_run(name)
                    continue
                k = min(k_all, tr.steps)
                v.set_path(name, tr.points[: k + 1])
                v.draw_internals(name, tr, k, span, state.show_internals)
            if tr is not None:
                line_params[name] = tuple(tr.points[min(k_all, tr.steps)])
        for v in views:
            v.set_heads(line_params)
        # The Hessian's axes at the focused run's point move with it; what they mean is written with the readouts.
        tr = self._runs.get(self.focus.currentData())
        p = tuple(tr.points[min(k_all, tr.steps)]) if tr is not None else state.start
        self._curvature, vecs = curvature_text(self._objective, p)
        for v in views:
            v.draw_hessian_axes(p, vecs if state.show_hessian else None, span)
        self._later("readouts") if self._live else self._show_readouts(state)
        if state.surface == "line_fit":
            pts = np.asarray(state.line_points, dtype=np.float64)
            o = self._objective
            self.data_view.set_points(pts, o.minima[0] if o.minima else None)
            self.data_view.set_lines(line_params)

    def _show_readouts(self, state: OptimizerState) -> None:
        """Table and narration of the current step (the curvature text from the last :meth:`_show_position`)."""
        n = max((tr.steps for tr in self._runs.values()), default=0)
        k_all = min(state.position, n)
        self.readout.show_rows(readout_rows(self._runs, k_all))
        self.narration.setText(narration_text(self._runs.get(self.focus.currentData()), k_all) + self._curvature)

    def _sync_inputs(self, state: OptimizerState, o) -> None:
        if self._live:
            self._later("start")
        else:
            self.start_label.setText(f"({state.start[0]:.4g}, {state.start[1]:.4g})")
        # Everything else depends on neither the start nor the playback position: skip it while they are dragged.
        key = (id(o), dataclasses.replace(state, start=(0.0, 0.0), position=0, view=(0.0, 1.0, 0.0, 1.0)))
        if key == self._synced:
            return
        self._synced = key
        widgets = (
            self.surface_combo,
            self.kappa,
            self.angle,
            self.steps,
            self.show_gradient,
            self.show_hessian,
            self.show_internals,
            self.expr_edit,
        )
        blockers = [QtCore.QSignalBlocker(w) for w in widgets]
        self.surface_combo.setCurrentIndex(SURFACES.index(state.surface))
        self.kappa.set_value(state.kappa)
        self.angle.setValue(int(round(state.angle)))
        self.steps.setValue(state.steps)
        self.show_gradient.setChecked(state.show_gradient)
        self.show_hessian.setChecked(state.show_hessian)
        self.show_internals.setChecked(state.show_internals)
        if not self.expr_edit.line.hasFocus():
            self.expr_edit.set_text(state.expression)
        del blockers
        quad = state.surface == "quadratic"
        for w in (self.kappa, self.angle):
            w.setEnabled(quad)
        self.expr_edit.setEnabled(state.surface == "expression")
        line = state.surface == "line_fit"
        self.csv_button.setEnabled(line)
        self.new_data_button.setEnabled(line)
        self.formula.setText(f"f = {o.formula}")
        self.playback.set_speed(state.speed)
        bounds = lr_bounds(state, o)
        for c in state.configs:
            ctl = self.controls[c.name]
            ctl.set_values(dataclasses.asdict(c), c.enabled)
            b = bounds.get(c.name)
            ctl.set_bound(b, f"stable only for lr < {b:.3g}" + (" = 2/λmax" if c.name == "gd" else "") if b else "")

    def set_state(self, state: OptimizerState) -> None:
        """Apply a state from a scene, undo or a lesson (never mid-gesture: full drawing, loss plot refitted)."""
        self._set_live(False)
        super().set_state(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_wired", False):
            self._wired = True
            self.surface_view.viewbox.pointed.connect(self.set_start)
            self.fit_surface.viewbox.pointed.connect(self.set_start)
            self.surface_view.viewbox.view_edited.connect(self._on_view_edited)
            self.fit_surface.viewbox.view_edited.connect(self._on_view_edited)
            self.data_view.viewbox.point_dragged.connect(self._on_point_dragged)

    # --- export -------------------------------------------------------------------------------------------------
    def export_views(self) -> dict:
        """Surface, loss curve and the line-fit data view."""
        return {
            "surface": self.surface_view.getPlotItem(),
            "loss": self.loss_plot.getPlotItem(),
            "data": self.data_view.getPlotItem(),
        }

    def export_data(self) -> dict:
        """One table per run: iteration, x, y, f, gradient norm."""
        out = {}
        for name, tr in self._runs.items():
            rows = [
                [i, *map(float, tr.points[i]), float(tr.values[i]), float(tr.grad_norms[i])]
                for i in range(len(tr.points))
            ]
            out[f"trajectory_{name}"] = (["iteration", "x", "y", "f", "grad_norm"], rows)
        if self._state.surface == "line_fit":
            out["data"] = (["x", "y"], [list(p) for p in self._state.line_points])
        return out

    def shutdown(self) -> None:
        """Stop playback and background runs before closing."""
        self.playback.stop()
        self._scheduler.cancel()
