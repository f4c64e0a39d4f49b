"""Optimizer lab: several torch-identical optimizers racing across a loss surface, with their inner workings shown."""

from __future__ import annotations

import dataclasses
import math
import time

import numpy as np
from PySide6 import QtCore, QtWidgets

from engine import objectives as obj
from engine.expr import ExpressionError
from engine.optim import LABELS, OPTIMIZERS, OptimizerError
from engine.optim_run import run_many_iter
from engine.optim_state import (
    SURFACE_LABELS,
    SURFACES,
    TOL,
    OptimizerState,
    lr_bounds,
    narrate,
    objective_of,
    runs,
    with_surface,
)
from gui.labs.base import Lab
from gui.labs.optimizer_readout import SHORT_NAMES, NarrationBox, ReadoutTable
from gui.labs.optimizer_views import (
    COLORS,
    DataView,
    LossPlot,
    Surface3D,
    SurfaceView,
    arrow_segments,
    contour_paths,
    surface_display,
)
from gui.widgets.expression_edit import ExpressionEdit
from gui.widgets.log_slider import LogSlider
from gui.widgets.optimizer_controls import OptimizerControls
from gui.widgets.playback import PlaybackBar

__all__ = ["OptimizerLab"]

# Runs bigger than this many optimizer steps (a typed formula counts 3 per step; 6000 take ~7 ms on a 2-core
# laptop) are computed a slice at a time during a drag, between the mouse events, so the star never waits for
# them; smaller ones are simply recomputed for every move.
_INLINE_STEPS = 6000
_SLICE_STEPS = 400  # optimizer steps between checks of the clock
_SLICE_S = 0.004  # then back to the event loop: the star's next move waits at most this long
_GRID = 300  # surface image resolution (cached between start-point moves)
_CONTOUR_GRID = 110


def _run_cost(state: OptimizerState) -> int:
    """Rough work of recomputing every run, in preset-surface optimizer steps."""
    per_step = 3 if state.surface == "expression" else 1
    return per_step * state.steps * sum(c.enabled for c in state.configs)


def _clear(item) -> None:
    """Empty a curve item, without touching (and so repainting) one that is empty already."""
    if item.xData is not None and len(item.xData):
        item.setData([], [])


class OptimizerLab(Lab):
    """Loss surface, optimizer race, loss curve, internals, narration, 3-D view and line fitting."""

    name = "optimizer"
    title = "Optimizer"
    state_type = OptimizerState

    trajectories_shown = QtCore.Signal(tuple)
    """The paths now drawn start at this point (during a drag they follow the star a moment later)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._objective_cache: dict = {}
        self._surface_cache: dict = {}
        self._runs_key = None
        self._runs: dict = {}
        self._objective = None
        self._live = False  # a drag or slider gesture is in progress: cheaper drawing, loss plot range held
        self._synced = None
        self._focus_names: tuple[str, ...] = ()
        self._pending = None
        self._position_shown = None
        self._task = None  # (key, generator) of long runs being computed a slice at a time during a drag
        self._slicer = QtCore.QTimer(self)
        self._slicer.setInterval(0)
        self._slicer.timeout.connect(self._advance_task)
        self._build()
        self.render(self._state)

    # --- layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.surface_view = SurfaceView(OPTIMIZERS)
        self.loss_plot = LossPlot(OPTIMIZERS)
        self.data_view = DataView(OPTIMIZERS)
        self.fit_surface = SurfaceView(OPTIMIZERS)
        self.view3d = Surface3D()
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self.surface_view, "Surface")
        fit = QtWidgets.QSplitter()
        fit.addWidget(self.data_view)
        fit.addWidget(self.fit_surface)
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

    def _build_controls(self) -> QtWidgets.QScrollArea:
        col = QtWidgets.QWidget()
        cl = QtWidgets.QVBoxLayout(col)
        box = QtWidgets.QGroupBox("Surface")
        form = QtWidgets.QFormLayout(box)
        self.surface_combo = QtWidgets.QComboBox()
        for s in SURFACES:
            self.surface_combo.addItem(SURFACE_LABELS[s], s)
        self.surface_combo.currentIndexChanged.connect(self._on_surface)
        form.addRow("f(x, y)", self.surface_combo)
        self.expr_edit = ExpressionEdit(("x", "y"), placeholder="e.g. (1-x)^2 + 100*(y-x^2)^2")
        self.expr_edit.expressionAccepted.connect(self._on_expression)
        self.expr_edit.expressionRejected.connect(lambda msg: self.error_message(f"Formula not used: {msg}"))
        self.expr_error = self.expr_edit.message  # the message shown under the box
        form.addRow("formula", self.expr_edit)
        self.formula = QtWidgets.QLabel()
        self.formula.setWordWrap(True)
        form.addRow(self.formula)
        self.kappa = LogSlider(1.0, 1000.0, 10.0)
        self.kappa.value_changed.connect(self._on_kappa)
        form.addRow("condition κ", self.kappa)
        self.angle = QtWidgets.QSpinBox()
        self.angle.setRange(-180, 180)
        self.angle.setSuffix("°")
        self.angle.setKeyboardTracking(False)
        self.angle.valueChanged.connect(
            lambda v: self.edit(dataclasses.replace(self._state, angle=float(v)), "Rotate bowl")
        )
        form.addRow("rotation", self.angle)
        self.steps = QtWidgets.QSpinBox()
        self.steps.setRange(1, 5000)
        self.steps.setKeyboardTracking(False)
        self.steps.valueChanged.connect(self._on_steps)
        form.addRow("max steps", self.steps)
        self.start_label = QtWidgets.QLabel()
        self.start_label.setToolTip("Click or drag on the surface to move the start (the star)")
        # A fixed size: rewriting it on every mouse move then never re-lays out the whole control column.
        fm = self.start_label.fontMetrics()
        self.start_label.setFixedSize(fm.horizontalAdvance("(-8.888e+88, -8.888e+88)"), fm.height() + 4)
        form.addRow("start", self.start_label)
        self.reset_view_button = QtWidgets.QPushButton("Reset view")
        self.reset_view_button.setToolTip(
            "Right- or middle-drag on the surface pans, the wheel zooms; this goes back to the surface's own view"
        )
        self.reset_view_button.clicked.connect(self._on_reset_view)
        form.addRow("view", self.reset_view_button)
        self.show_gradient = QtWidgets.QCheckBox("−∇f arrows")
        self.show_hessian = QtWidgets.QCheckBox("Hessian eigen-axes")
        self.show_internals = QtWidgets.QCheckBox("optimizer internals")
        for cb, field in (
            (self.show_gradient, "show_gradient"),
            (self.show_hessian, "show_hessian"),
            (self.show_internals, "show_internals"),
        ):
            cb.toggled.connect(lambda on, f=field: self.edit(dataclasses.replace(self._state, **{f: on}), "Overlay"))
            form.addRow(cb)
        self.csv_button = QtWidgets.QPushButton("Load data CSV…")
        self.csv_button.clicked.connect(self._on_load_csv)
        self.new_data_button = QtWidgets.QPushButton("New noisy data")
        self.new_data_button.clicked.connect(self._on_new_data)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.csv_button)
        row.addWidget(self.new_data_button)
        form.addRow(row)
        cl.addWidget(box)
        opt_box = QtWidgets.QGroupBox("Optimizers (torch.optim rules)")
        ol = QtWidgets.QVBoxLayout(opt_box)
        ol.setSpacing(4)
        self.controls: dict[str, OptimizerControls] = {}
        for name in OPTIMIZERS:
            lr_range = (1e-2, 2.0) if name == "newton" else (1e-5, 10.0)
            c = OptimizerControls(name, LABELS[name], COLORS[name], lr_range=lr_range)
            c.changed.connect(self._on_config)
            ol.addWidget(c)
            self.controls[name] = c
        cl.addWidget(opt_box)
        cl.addStretch(1)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidget(col)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(300)
        col.setMaximumWidth(282)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    # --- computing ----------------------------------------------------------------------------------------------
    def _objective_key(self, s: OptimizerState):
        if s.surface == "expression":
            return ("expression", s.expression)
        if s.surface == "line_fit":
            return ("line_fit", s.line_points)
        if s.surface == "quadratic":
            return ("quadratic", s.kappa, s.angle)
        return (s.surface,)

    def _get_objective(self, s: OptimizerState):
        key = self._objective_key(s)
        o = self._objective_cache.get(key)
        if o is None:
            o = objective_of(s)
            if len(self._objective_cache) > 32:
                self._objective_cache.clear()
            self._objective_cache[key] = o
        return o

    def _get_surface(self, o, view):
        key = (id(o), view)
        hit = self._surface_cache.get(key)
        if hit is None:
            xs, ys, z = obj.surface_grid(o, view, _GRID)
            d = surface_display(z)
            cxs, cys, cz = obj.surface_grid(o, view, _CONTOUR_GRID)
            cx, cy = contour_paths(surface_display(cz), cxs, cys)
            gx, gy, u, v = obj.gradient_field(o, view, 16)
            hit = (xs, ys, d, cx, cy, (gx, gy, u, v))
            if len(self._surface_cache) > 8:
                self._surface_cache.clear()
            self._surface_cache[key] = hit
        return hit

    # --- render -------------------------------------------------------------------------------------------------
    def render(self, state: OptimizerState) -> None:
        """Show ``state``: surface (cached), runs (recomputed when inputs change), playback position."""
        try:
            o = self._get_objective(state)
        except (obj.ObjectiveError, ExpressionError) as exc:
            self.error_message(str(exc))
            return
        self._objective = o
        self._sync_inputs(state, o)
        self._show_surface(state, o)
        key = self._key_of(state)
        if key != self._runs_key:
            if self._live and _run_cost(state) > _INLINE_STEPS:
                self._request_runs(state, o, key)  # the star follows the mouse now; the paths as soon as ready
            else:
                self._cancel_task()
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
        return (self._objective_key(state), state.start, state.steps, state.configs)

    def _show_runs(self, key, result: dict) -> None:
        self._runs, self._runs_key = result, key
        self._on_runs_changed(self._state, self._objective)
        self._show_position(self._state)
        self.trajectories_shown.emit(key[1])

    def _request_runs(self, state: OptimizerState, o, key) -> None:
        """Compute long runs in slices between events; while one computation runs, only the newest request waits.

        Not in a worker thread: the runs are pure Python, and a thread holding the GIL made every event of the
        GUI thread wait for it (measured: the star took 80 ms per move instead of a few).
        """
        if self._task is not None:
            self._pending = (state, o, key)
            return
        self._pending = None
        configs = {c.name: c.hyperparameters() for c in state.configs if c.enabled}
        try:
            gen = run_many_iter(o, state.start, configs, state.steps, tol=TOL, chunk=_SLICE_STEPS)
        except OptimizerError as exc:
            self.error_message(str(exc))
            self._show_runs(key, {})
            return
        self._task = (key, gen)
        self._slicer.start()

    def _advance_task(self) -> None:
        """One time slice of the long computation; show its result when done, then start the newest request."""
        if self._task is None:
            self._slicer.stop()
            return
        key, gen = self._task
        deadline = time.perf_counter() + _SLICE_S
        try:
            while time.perf_counter() < deadline:
                next(gen)
            return
        except StopIteration as done:
            result = done.value
        self._task = None
        # Shown even if the mouse has moved on since: a slightly older path now beats a perfect one never.
        self._show_runs(key, result)
        pending, self._pending = self._pending, None
        if pending is not None and pending[2] != key:
            self._request_runs(*pending)
        if self._task is None:
            self._slicer.stop()

    def _cancel_task(self) -> None:
        self._task = None
        self._pending = None
        self._slicer.stop()

    @property
    def computing(self) -> bool:
        """True while runs for a drag are still being computed in slices (tests and benchmarks wait on it)."""
        return self._task is not None

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
        painted = (id(o), state.view, state.show_gradient)
        for v in views:
            v.set_view(state.view)
            if getattr(v, "_painted", None) != painted:
                v._painted = painted
                xs, ys, d, cx, cy, field = self._get_surface(o, state.view)
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
            xs, ys, d, *_ = self._get_surface(o, state.view)
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
            for curve in self.loss_plot.curves.values():
                curve.opts["antialias"] = True
            self.loss_plot.fit()
            o = self._objective
            if self.view3d.gl is not None and o is not None:
                xs, ys, d, *_ = self._get_surface(o, self._state.view)
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
                    for item in (v.paths[name], v.velocity[name], v.boxes[name]):
                        _clear(item)
                    continue
                k = min(k_all, tr.steps)
                v.set_path(name, tr.points[: k + 1])
                self._draw_internals(v, name, tr, k, span, state.show_internals)
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

    def _draw_internals(self, v: SurfaceView, name: str, tr, k: int, span: float, show: bool) -> None:
        if not show or k == 0:
            _clear(v.velocity[name])
            _clear(v.boxes[name])
            return
        p = tr.points[k]
        vel = tr.internals.get("velocity", tr.internals.get("exp_avg"))
        if vel is not None and len(vel) >= k:
            b = -vel[k - 1]
            length = float(np.clip(tr.hyperparameters["lr"] * np.hypot(*b), 0.04 * span, 0.2 * span))
            v.velocity[name].setData(*arrow_segments([p[0]], [p[1]], [b[0]], [b[1]], length))
        else:
            _clear(v.velocity[name])
        eff = tr.internals.get("effective_lr")
        if eff is not None and len(eff) >= k:
            e = eff[k - 1]
            e = 0.08 * span * e / max(float(np.max(e)), 1e-300)
            xs = [p[0] - e[0], p[0] + e[0], p[0] + e[0], p[0] - e[0], p[0] - e[0]]
            ys = [p[1] - e[1], p[1] - e[1], p[1] + e[1], p[1] + e[1], p[1] - e[1]]
            v.boxes[name].setData(xs, ys)
        else:
            _clear(v.boxes[name])

    def _show_curvature(self, state, o, p, views, span) -> str:
        """Draw the Hessian's eigen-axes at ``p`` (when switched on) and say what they mean."""
        axes = obj.hessian_axes(o, p)
        if axes is None:
            for v in views:
                v.hessian.setData([], [])
            return "Hessian: not finite here"
        w, vecs = axes
        kind = (
            "minimum-like (positive definite)"
            if w[0] > 0
            else ("saddle-like" if w[0] * w[1] < 0 else "flat/maximum-like")
        )
        for v in views:
            if state.show_hessian:
                L = 0.15 * span
                segs_x, segs_y = [], []
                for j in range(2):
                    segs_x += [p[0] - L * vecs[0, j], p[0] + L * vecs[0, j]]
                    segs_y += [p[1] - L * vecs[1, j], p[1] + L * vecs[1, j]]
                v.hessian.setData(segs_x, segs_y)
            else:
                _clear(v.hessian)
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
            xs, ys, d, *_ = self._get_surface(self._objective, self._state.view)
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
        self._objective_cache[("expression", text)] = o
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
        self._cancel_task()
