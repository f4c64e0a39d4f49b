"""Optimizer lab: several torch-identical optimizers racing across a loss surface, with their inner workings shown."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from PySide6 import QtCore, QtWidgets

from engine import objectives as obj
from engine.expr import ExpressionError
from engine.optim import LABELS, OPTIMIZERS, OptimizerError
from engine.optim_state import (
    SURFACE_LABELS,
    SURFACES,
    OptimizerState,
    lr_bounds,
    narrate,
    objective_of,
    runs,
    with_surface,
)
from gui.labs.base import Lab
from gui.labs.optimizer_3d import Surface3D
from gui.labs.optimizer_cache import SurfaceCache, objective_key
from gui.labs.optimizer_data_view import DataView
from gui.labs.optimizer_panel import OptimizerPanel
from gui.labs.optimizer_readout import SHORT_NAMES, NarrationBox, ReadoutTable
from gui.labs.optimizer_runs import INLINE_STEPS, RunScheduler, run_cost
from gui.labs.optimizer_views import (
    COLORS,
    LossPlot,
    SurfaceView,
    arrow_segments,
)
from gui.widgets.playback import PlaybackBar

__all__ = ["OptimizerLab"]


class OptimizerLab(Lab):
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
        self._scheduler = RunScheduler(self)
        self._scheduler.ready.connect(self._on_sliced_runs)
        self._scheduler.failed.connect(self.error_message)
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

    # --- computing ----------------------------------------------------------------------------------------------
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
            v.start.setData([state.start[0]], [state.start[1]])

    def _on_runs_changed(self, state: OptimizerState, o) -> None:
        values = {n: tr.values for n, tr in self._runs.items()}
        known = [o.value_xy(*m) for m in o.minima]
        lows = [float(np.min(v)) for v in values.values() if len(v)] + known
        fmin = min(lows) if lows else 0.0
        offset = fmin if known else fmin - 1e-12
        label = "f − f*" if known and abs(min(known) - fmin) < 1e-12 else f"f − ({offset:.4g})"
        self.loss_plot.set_curves(values, offset, label, fit=not self._live)
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

    def _set_live(self, live: bool) -> None:
        """Enter or leave a gesture: plain lines and a held loss range while it lasts, the full look after."""
        if live == self._live:
            return
        self._live = live
        for v in (self.surface_view, self.fit_surface):
            v.set_antialias(not live)
        if not live:
            self._position_shown = None  # redraw the paths at full detail
            if self._objective is not None:
                self._show_surface(self._state, self._objective)  # with its contours, if a slider skipped them
            for curve in self.loss_plot.curves.values():
                curve.opts["antialias"] = True
            self.loss_plot.fit()
            o = self._objective
            if self.view3d.gl is not None and o is not None:
                xs, ys, d, *_ = self._cache.grid(self._state, o, self._state.view)
                self.view3d.set_data(xs, ys, d, {k: tr.points for k, tr in self._runs.items()})

    def _show_position(self, state: OptimizerState) -> None:
        # While a drag waits for new runs, only the star moves: the paths, table and narration stay as drawn.
        shown = (id(self._runs), id(self._objective), state.position, state.show_internals, state.show_hessian)
        shown += (state.view, state.surface, self.focus.currentData(), self.surface_view.viewbox.viewPixelSize())
        if shown == self._position_shown:
            return
        self._position_shown = shown
        o = self._objective
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
        rows = []
        for name, tr in self._runs.items():
            k = min(k_all, tr.steps)
            status = tr.status if k == tr.steps else "running"
            cells = [SHORT_NAMES[name], status, f"{tr.values[k]:.3g}", f"{tr.grad_norms[k]:.2g}"]
            point = f"({tr.points[k, 0]:.4g}, {tr.points[k, 1]:.4g}) after {k} steps"
            rows.append((COLORS[name], status, cells, point, tr.message))
        self.readout.show_rows(rows)
        focus = self.focus.currentData()
        tr = self._runs.get(focus)
        if tr is not None:
            k = min(k_all, tr.steps)
            text = narrate(tr, k) if k > 0 else f"start at {tuple(round(c, 4) for c in tr.points[0])}"
            if k == tr.steps:
                text += f"\n{tr.status}: {tr.message}"
            text += "\n" + self._show_curvature(state, o, tuple(tr.points[k]), views, span)
        else:
            text = "Enable an optimizer on the right to race it from the star.\n"
            text += self._show_curvature(state, o, state.start, views, span)
        self.narration.setText(text)
        if state.surface == "line_fit":
            pts = np.asarray(state.line_points, dtype=np.float64)
            self.data_view.set_points(pts, o.minima[0] if o.minima else None)
            self.data_view.set_lines(line_params)

    def _show_curvature(self, state, o, p, views, span) -> str:
        """Draw the Hessian's eigen-axes at ``p`` (when switched on) and say what they mean."""
        axes = obj.hessian_axes(o, p)
        if axes is None:
            for v in views:
                v.draw_hessian_axes(p, None, span)
            return "Hessian: not finite here"
        w, vecs = axes
        kind = (
            "minimum-like (positive definite)"
            if w[0] > 0
            else ("saddle-like" if w[0] * w[1] < 0 else "flat/maximum-like")
        )
        for v in views:
            v.draw_hessian_axes(p, vecs if state.show_hessian else None, span)
        return f"Hessian eigenvalues at ({p[0]:.3g}, {p[1]:.3g}): λ = {w[0]:.4g}, {w[1]:.4g} — {kind}"

    def _sync_inputs(self, state: OptimizerState, o) -> None:
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

    # --- inputs -------------------------------------------------------------------------------------------------
    def _on_tab(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.view3d and self.view3d.ensure() and self._objective is not None:
            xs, ys, d, *_ = self._cache.grid(self._state, self._objective, self._state.view)
            self.view3d.set_data(xs, ys, d, {k: tr.points for k, tr in self._runs.items()})
        if index == 1 and self._state.surface != "line_fit":
            self.edit(with_surface(self._state, "line_fit"), "Fit a line")

    def _on_surface(self, _i: int) -> None:
        surface = self.surface_combo.currentData()
        try:
            new = with_surface(self._state, surface)
        except (obj.ObjectiveError, ExpressionError) as exc:
            self.error_message(str(exc))
            self.render(self._state)
            return
        self.edit(dataclasses.replace(new, position=new.steps), f"Surface: {SURFACE_LABELS[surface]}")

    def _on_expression(self, text: str) -> None:
        try:
            o = obj.from_expression(text, self._state.view)
        except (ExpressionError, obj.ObjectiveError) as exc:  # parsed, but no usable derivative (rare)
            self.expr_error.setText(str(exc))
            self.expr_error.show()
            self.error_message(f"Formula not used: {exc}")
            return
        self._cache.remember(("expression", text), o)
        self.edit(dataclasses.replace(self._state, expression=text, surface="expression"), "Edit formula")

    def _on_kappa(self, value: float, final: bool) -> None:
        self._gesture(dataclasses.replace(self._state, kappa=float(min(max(value, 1.0), 1000.0))), final)
        if final:
            self.commit("Condition number")

    def _on_steps(self, value: int) -> None:
        self.edit(dataclasses.replace(self._state, steps=value, position=value), "Max steps")

    def _on_config(self, name: str, values: dict, enabled: bool, final: bool) -> None:
        cfg = dataclasses.replace(self._state.config(name), enabled=enabled, **values)
        self._gesture(self._state.with_config(cfg), final)
        if final:
            self.commit(f"{LABELS[name]} settings")

    def _on_position(self, k: int, final: bool) -> None:
        self.preview(dataclasses.replace(self._state, position=min(k, self._state.steps)))
        if final and not self.playback.is_playing():
            self.commit("Scrub")

    def set_start(self, x: float, y: float, final: bool = True) -> None:
        """Move the start point (clamped to the view); one undo step per gesture."""
        v = self._state.view
        if not (math.isfinite(x) and math.isfinite(y)):
            return
        x, y = min(max(x, v[0]), v[1]), min(max(y, v[2]), v[3])
        self._gesture(dataclasses.replace(self._state, start=(float(x), float(y))), final)
        if final:
            self.commit("Move start")

    def _on_point_dragged(self, i: int, x: float, y: float, final: bool) -> None:
        pts = list(self._state.line_points)
        if 0 <= i < len(pts):
            pts[i] = (round(float(x), 4), round(float(y), 4))
            try:
                obj.line_fit(pts)
            except obj.ObjectiveError as exc:
                self.error_message(str(exc))
                return
            self.preview(dataclasses.replace(self._state, line_points=tuple(pts)))
        if final:
            self.commit("Drag data point")

    def _on_new_data(self) -> None:
        seed = int(np.random.default_rng().integers(0, 10_000))
        pts = obj.noisy_line(20, seed=seed)
        self.edit(with_surface(self._state, "line_fit", line_points=pts), "New data")

    def _on_load_csv(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, "Load (x, y) data", "", "CSV files (*.csv *.txt)")
        if path:
            self.load_csv(path)

    def load_csv(self, path: str) -> bool:
        """Use the first two numeric columns of a CSV as the data to fit; errors go to the status bar."""
        try:
            pts = obj.line_points_from_csv(path)
        except obj.ObjectiveError as exc:
            self.error_message(f"Data not loaded: {exc}")
            return False
        self.edit(with_surface(self._state, "line_fit", line_points=pts), "Load data")
        return True

    def set_state(self, state: OptimizerState) -> None:
        """Apply a state from a scene, undo or a lesson (never mid-gesture: full drawing, loss plot refitted)."""
        self._set_live(False)
        super().set_state(state)

    def _on_view_edited(self, view: tuple[float, float, float, float]) -> None:
        """The user panned or zoomed the surface: record it (no undo step) and redraw the surface for it."""
        x0, x1, y0, y1 = view
        if not (all(math.isfinite(c) and abs(c) <= 1e6 for c in view) and x0 < x1 and y0 < y1):
            self.error_message("That view is out of range; use Reset view to go back.")
            return
        self.update_view(tuple(float(c) for c in view))
        if self._objective is not None:
            self._show_surface(self._state, self._objective)
            self._show_position(self._state)  # paths are thinned to the new pixel size

    def _on_reset_view(self) -> None:
        try:
            home = objective_of(dataclasses.replace(self._state, view=(-3.0, 3.0, -3.0, 3.0))).view
        except (obj.ObjectiveError, ExpressionError) as exc:
            self.error_message(str(exc))
            return
        self.update_view(home)
        self.render(self._state)

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
