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
from gui import theme
from gui.labs.base import Lab
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
from gui.widgets.log_slider import LogSlider
from gui.widgets.optimizer_controls import OptimizerControls
from gui.widgets.playback import PlaybackBar

__all__ = ["OptimizerLab"]

_SHORT = {
    "gd": "GD",
    "momentum": "Momentum",
    "nesterov": "Nesterov",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSProp",
    "adam": "Adam",
    "newton": "Newton",
}
_GRID = 300  # surface image resolution (cached between start-point moves)
_CONTOUR_GRID = 110


class OptimizerLab(Lab):
    """Loss surface, optimizer race, loss curve, internals, narration, 3-D view and line fitting."""

    name = "optimizer"
    title = "Optimizer"
    state_type = OptimizerState

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._objective_cache: dict = {}
        self._surface_cache: dict = {}
        self._runs_key = None
        self._runs: dict = {}
        self._objective = None
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

        self.readout = QtWidgets.QTableWidget(0, 5)
        self.readout.setHorizontalHeaderLabels(["optimizer", "status", "f", "‖∇f‖", "point"])
        self.readout.verticalHeader().hide()
        self.readout.horizontalHeader().setStretchLastSection(True)
        self.readout.setMinimumHeight(120)
        self.loss_plot.setMinimumWidth(300)
        self.readout.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.readout.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.focus = QtWidgets.QComboBox()
        self.focus.currentIndexChanged.connect(lambda _i: self._show_position(self._state))
        self.narration = QtWidgets.QLabel()
        self.narration.setWordWrap(True)
        self.narration.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.narration.setMinimumHeight(90)
        self.narration.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        self.curvature = QtWidgets.QLabel()
        self.curvature.setWordWrap(True)
        mid = QtWidgets.QWidget()
        ml = QtWidgets.QVBoxLayout(mid)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.loss_plot, 3)
        ml.addWidget(self.readout, 2)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel("Explain step of"))
        row.addWidget(self.focus, 1)
        ml.addLayout(row)
        ml.addWidget(self.narration)
        ml.addWidget(self.curvature)

        split = QtWidgets.QSplitter()
        split.addWidget(left)
        split.addWidget(mid)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([560, 380])
        split.setChildrenCollapsible(False)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(split, 1)
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
        self.expr_edit = QtWidgets.QLineEdit()
        self.expr_edit.setPlaceholderText("e.g. (1-x)^2 + 100*(y-x^2)^2")
        self.expr_edit.returnPressed.connect(self._on_expression)
        self.expr_error = QtWidgets.QLabel()
        self.expr_error.setWordWrap(True)
        self.expr_error.setStyleSheet(f"color: {theme.COLORS['vermillion']};")
        form.addRow("formula", self.expr_edit)
        form.addRow(self.expr_error)
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
        form.addRow("start", self.start_label)
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
        scroll.setFixedWidth(340)
        col.setMaximumWidth(322)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    # --- computing ----------------------------------------------------------------------------------------------
    def _objective_key(self, s: OptimizerState):
        if s.surface == "expression":
            return ("expression", s.expression, s.view)
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
        xs, ys, d, cx, cy, field = self._get_surface(o, state.view)
        views = [self.surface_view, self.fit_surface] if state.surface == "line_fit" else [self.surface_view]
        for v in views:
            v.set_view(state.view)
            painted = (id(o), state.view, state.show_gradient)
            if getattr(v, "_painted", None) != painted:  # the surface is cached: repaint it only when it changes
                v._painted = painted
                v.set_surface(xs, ys, d, cx, cy)
                v.minima.setData([m[0] for m in o.minima], [m[1] for m in o.minima])
                if state.show_gradient:
                    span = min(state.view[1] - state.view[0], state.view[3] - state.view[2])
                    v.arrows.setData(*arrow_segments(*field, 0.045 * span))
                else:
                    v.arrows.setData([], [])
            v.start.setData([state.start[0]], [state.start[1]])
        key = (self._objective_key(state), state.start, state.steps, state.configs)
        if key != self._runs_key:
            try:
                self._runs = runs(state, o)
            except OptimizerError as exc:
                self.error_message(str(exc))
                self._runs = {}
            self._runs_key = key
            self._on_runs_changed(state, o)
        self._show_position(state)

    def _on_runs_changed(self, state: OptimizerState, o) -> None:
        values = {n: tr.values for n, tr in self._runs.items()}
        known = [o.value_xy(*m) for m in o.minima]
        lows = [float(np.min(v)) for v in values.values() if len(v)] + known
        fmin = min(lows) if lows else 0.0
        offset = fmin if known else fmin - 1e-12
        label = "f − f*" if known and abs(min(known) - fmin) < 1e-12 else f"f − ({offset:.4g})"
        self.loss_plot.set_curves(values, offset, label)
        n = max((tr.steps for tr in self._runs.values()), default=0)
        self.playback.set_range(n, min(state.position, n))
        with QtCore.QSignalBlocker(self.focus):
            current = self.focus.currentData()
            self.focus.clear()
            for name in self._runs:
                self.focus.addItem(LABELS[name], name)
            i = self.focus.findData(current)
            self.focus.setCurrentIndex(max(i, 0))
        if self.view3d.gl is not None:
            xs, ys, d, *_ = self._get_surface(o, state.view)
            self.view3d.set_data(xs, ys, d, {k: tr.points for k, tr in self._runs.items()})

    def _show_position(self, state: OptimizerState) -> None:
        o = self._objective
        n = max((tr.steps for tr in self._runs.values()), default=0)
        k_all = min(state.position, n)
        self.playback.set_range(n, k_all)
        self.loss_plot.set_position(k_all)
        views = [self.surface_view, self.fit_surface] if state.surface == "line_fit" else [self.surface_view]
        span = min(state.view[1] - state.view[0], state.view[3] - state.view[2])
        self.readout.setRowCount(len(self._runs))
        line_params = {}
        for name in OPTIMIZERS:
            tr = self._runs.get(name)
            for v in views:
                if tr is None:
                    for item in (v.paths[name], v.heads[name], v.velocity[name], v.boxes[name]):
                        item.setData([], [])
                    continue
                k = min(k_all, tr.steps)
                pts = tr.points[: k + 1]
                v.paths[name].setData(pts[:, 0], pts[:, 1])
                v.heads[name].setData([pts[-1, 0]], [pts[-1, 1]])
                self._draw_internals(v, name, tr, k, span, state.show_internals)
            if tr is not None:
                k = min(k_all, tr.steps)
                line_params[name] = tuple(tr.points[k])
        for row, (name, tr) in enumerate(self._runs.items()):
            k = min(k_all, tr.steps)
            done = k == tr.steps
            status = tr.status if done else "running"
            cells = [
                _SHORT[name],
                status,
                f"{tr.values[k]:.5g}",
                f"{tr.grad_norms[k]:.3g}",
                f"({tr.points[k, 0]:.3g}, {tr.points[k, 1]:.3g})",
            ]
            for col, text in enumerate(cells):
                item = self.readout.item(row, col)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    self.readout.setItem(row, col, item)
                item.setText(text)
                item.setForeground(
                    theme.color(
                        COLORS[name] if col == 0 else ("vermillion" if status == "diverged" and col == 1 else "fg")
                    )
                )
                if col == 1:
                    item.setToolTip(tr.message)
        self.readout.resizeColumnsToContents()
        focus = self.focus.currentData()
        tr = self._runs.get(focus)
        if tr is not None:
            k = min(k_all, tr.steps)
            text = narrate(tr, k) if k > 0 else f"start at {tuple(round(c, 4) for c in tr.points[0])}"
            if k == tr.steps:
                text += f"\n{tr.status}: {tr.message}"
            self.narration.setText(text)
            self._show_curvature(state, o, tuple(tr.points[k]), views, span)
        else:
            self.narration.setText("Enable an optimizer on the right to race it from the star.")
            self._show_curvature(state, o, state.start, views, span)
        if state.surface == "line_fit":
            pts = np.asarray(state.line_points, dtype=np.float64)
            self.data_view.set_points(pts, o.minima[0] if o.minima else None)
            self.data_view.set_lines(line_params)

    def _draw_internals(self, v: SurfaceView, name: str, tr, k: int, span: float, show: bool) -> None:
        if not show or k == 0:
            v.velocity[name].setData([], [])
            v.boxes[name].setData([], [])
            return
        p = tr.points[k]
        vel = tr.internals.get("velocity", tr.internals.get("exp_avg"))
        if vel is not None and len(vel) >= k:
            b = -vel[k - 1]
            length = float(np.clip(tr.hyperparameters["lr"] * np.hypot(*b), 0.04 * span, 0.2 * span))
            v.velocity[name].setData(*arrow_segments([p[0]], [p[1]], [b[0]], [b[1]], length))
        else:
            v.velocity[name].setData([], [])
        eff = tr.internals.get("effective_lr")
        if eff is not None and len(eff) >= k:
            e = eff[k - 1]
            e = 0.08 * span * e / max(float(np.max(e)), 1e-300)
            xs = [p[0] - e[0], p[0] + e[0], p[0] + e[0], p[0] - e[0], p[0] - e[0]]
            ys = [p[1] - e[1], p[1] - e[1], p[1] + e[1], p[1] + e[1], p[1] - e[1]]
            v.boxes[name].setData(xs, ys)
        else:
            v.boxes[name].setData([], [])

    def _show_curvature(self, state, o, p, views, span) -> None:
        axes = obj.hessian_axes(o, p)
        if axes is None:
            self.curvature.setText("Hessian: not finite here")
            for v in views:
                v.hessian.setData([], [])
            return
        w, vecs = axes
        kind = (
            "minimum-like (positive definite)"
            if w[0] > 0
            else ("saddle-like" if w[0] * w[1] < 0 else "flat/maximum-like")
        )
        self.curvature.setText(f"Hessian eigenvalues at ({p[0]:.3g}, {p[1]:.3g}): λ = {w[0]:.4g}, {w[1]:.4g} — {kind}")
        for v in views:
            if state.show_hessian:
                L = 0.15 * span
                segs_x, segs_y = [], []
                for j in range(2):
                    segs_x += [p[0] - L * vecs[0, j], p[0] + L * vecs[0, j]]
                    segs_y += [p[1] - L * vecs[1, j], p[1] + L * vecs[1, j]]
                v.hessian.setData(segs_x, segs_y)
            else:
                v.hessian.setData([], [])

    def _sync_inputs(self, state: OptimizerState, o) -> None:
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
        if not self.expr_edit.hasFocus():
            self.expr_edit.setText(state.expression)
        del blockers
        quad = state.surface == "quadratic"
        for w in (self.kappa, self.angle):
            w.setEnabled(quad)
        self.expr_edit.setEnabled(state.surface == "expression")
        line = state.surface == "line_fit"
        self.csv_button.setEnabled(line)
        self.new_data_button.setEnabled(line)
        self.formula.setText(f"f = {o.formula}")
        self.start_label.setText(f"({state.start[0]:.4g}, {state.start[1]:.4g})")
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

    def _on_expression(self) -> None:
        text = self.expr_edit.text()
        try:
            o = obj.from_expression(text, self._state.view)
        except ExpressionError as exc:
            pos = getattr(exc, "position", None)
            msg = getattr(exc, "message", str(exc))
            where = f" (character {pos + 1})" if isinstance(pos, int) else ""
            self.expr_error.setText(f"{msg}{where}")
            self.error_message(f"Formula not used: {exc}")
            return
        self.expr_error.setText("")
        self._objective_cache[("expression", text, self._state.view)] = o
        self.edit(dataclasses.replace(self._state, expression=text, surface="expression"), "Edit formula")

    def _on_kappa(self, value: float, final: bool) -> None:
        self.preview(dataclasses.replace(self._state, kappa=float(min(max(value, 1.0), 1000.0))))
        if final:
            self.commit("Condition number")

    def _on_steps(self, value: int) -> None:
        self.edit(dataclasses.replace(self._state, steps=value, position=value), "Max steps")

    def _on_config(self, name: str, values: dict, enabled: bool, final: bool) -> None:
        cfg = dataclasses.replace(self._state.config(name), enabled=enabled, **values)
        self.preview(self._state.with_config(cfg))
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
        self.preview(dataclasses.replace(self._state, start=(float(x), float(y))))
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

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_wired", False):
            self._wired = True
            self.surface_view.viewbox.pointed.connect(self.set_start)
            self.fit_surface.viewbox.pointed.connect(self.set_start)
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
        """Stop playback before closing."""
        self.playback.stop()
