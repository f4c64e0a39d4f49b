"""What each of the Optimizer lab's inputs does to its state: surface, formula, sliders, optimizers, start, data.

:class:`OptimizerInputs` is owned by :class:`gui.labs.optimizer.lab.OptimizerLab` (``lab.inputs``), which connects the
panel's and the views' signals to it; it changes the state only through the lab's ``edit``/``preview``/``commit``.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from PySide6 import QtWidgets

from engine.expr import ExpressionError
from engine.optim import LABELS, SURFACE_LABELS, OptimizerState, home_view, with_surface
from engine.optim import objectives as obj
from gui.i18n import translate
from gui.labs.base import Lab
from gui.widgets.field_controls import spec_of

__all__ = ["OptimizerInputs"]


class OptimizerInputs:
    """The Optimizer lab's input handlers: each turns a widget signal into a new state for the lab."""

    def __init__(self, lab: Lab) -> None:
        self.lab = lab  # the OptimizerLab that owns this controller (its widgets, gesture and results)

    def on_tab(self, index: int) -> None:
        """Opening the 3-D tab creates the view; opening "Fit a line" switches to that surface."""
        lab = self.lab
        if lab.tabs.widget(index) is lab.view3d and lab.view3d.ensure():
            lab.show_3d()
        if index == 1 and lab.state().surface != "line_fit":
            lab.edit(with_surface(lab.state(), "line_fit"), translate("Optimizer", "Fit a line"))

    def on_surface(self, _i: int) -> None:
        """A surface picked from the list: its view, start and suggested learning rates come along."""
        lab = self.lab
        surface = lab.surface_combo.currentData()
        try:
            new = with_surface(lab.state(), surface)
        except (obj.ObjectiveError, ExpressionError) as exc:
            lab.error_message(str(exc))
            lab.render(lab.state())
            return
        lab.edit(
            dataclasses.replace(new, position=new.steps),
            translate("Optimizer", "Surface: {0}").format(translate("optim", SURFACE_LABELS[surface])),
        )

    def on_expression(self, text: str) -> None:
        """A formula that parsed: used when it also has usable derivatives, else its message is shown."""
        lab = self.lab
        new = dataclasses.replace(lab.state(), expression=text, surface="expression")
        error = lab.results_for(new).error
        if error:  # parsed, but no usable derivative (rare)
            lab.expr_error.setText(error)
            lab.expr_error.show()
            lab.error_message(translate("Optimizer", "Formula not used: {0}").format(error))
            return
        lab.edit(new, translate("Optimizer", "Edit formula"))

    def on_kappa(self, value: float, final: bool) -> None:
        """The condition-number slider (a gesture: one undo step when released)."""
        kappa = float(spec_of(OptimizerState, "kappa").clamp(value))
        self.lab.gesture(dataclasses.replace(self.lab.state(), kappa=kappa), final)
        if final:
            self.lab.commit(translate("Optimizer", "Condition number"))

    def on_angle(self, value: int) -> None:
        """The rotation of the quadratic bowl."""
        self.lab.edit(dataclasses.replace(self.lab.state(), angle=float(value)), translate("Optimizer", "Rotate bowl"))

    def on_steps(self, value: int) -> None:
        """Max steps; playback jumps to the end."""
        self.lab.edit(
            dataclasses.replace(self.lab.state(), steps=value, position=value), translate("Optimizer", "Max steps")
        )

    def on_overlay(self, field: str, on: bool) -> None:
        """One of the overlay switches (gradient arrows, Hessian axes, internals)."""
        self.lab.edit(dataclasses.replace(self.lab.state(), **{field: on}), translate("Optimizer", "Overlay"))

    def on_speed(self, speed: float) -> None:
        """Playback speed."""
        self.lab.edit(dataclasses.replace(self.lab.state(), speed=speed), translate("Optimizer", "Speed"))

    def on_config(self, name: str, values: dict, enabled: bool, final: bool) -> None:
        """One optimizer's switch or hyperparameter (a slider drag is one undo step)."""
        lab = self.lab
        cfg = dataclasses.replace(lab.state().config(name), enabled=enabled, **values)
        lab.gesture(lab.state().with_config(cfg), final)
        if final:
            lab.commit(translate("Optimizer", "{0} settings").format(translate("optim", LABELS[name])))

    def on_position(self, k: int, final: bool) -> None:
        """The playback position (scrubbed or played)."""
        lab = self.lab
        lab.preview(dataclasses.replace(lab.state(), position=min(k, lab.state().steps)))
        if final and not lab.playback.is_playing():
            lab.commit(translate("Optimizer", "Scrub"))

    def set_start(self, x: float, y: float, final: bool = True) -> None:
        """Move the start point (clamped to the view); one undo step per gesture."""
        lab = self.lab
        v = lab.state().view
        if not (math.isfinite(x) and math.isfinite(y)):
            return
        x, y = min(max(x, v[0]), v[1]), min(max(y, v[2]), v[3])
        lab.gesture(dataclasses.replace(lab.state(), start=(float(x), float(y))), final)
        if final:
            lab.commit(translate("Optimizer", "Move start"))

    def on_point_dragged(self, i: int, x: float, y: float, final: bool) -> None:
        """A data point of the line fit dragged (one undo step per drag)."""
        lab = self.lab
        pts = list(lab.state().line_points)
        if 0 <= i < len(pts):
            pts[i] = (round(float(x), 4), round(float(y), 4))
            try:
                obj.line_fit(pts)
            except obj.ObjectiveError as exc:
                lab.error_message(str(exc))
                return
            lab.preview(dataclasses.replace(lab.state(), line_points=tuple(pts)))
        if final:
            lab.commit(translate("Optimizer", "Drag data point"))

    def on_new_data(self) -> None:
        """Fresh noisy data around a line."""
        seed = int(np.random.default_rng().integers(0, 10_000))
        pts = obj.noisy_line(20, seed=seed)
        self.lab.edit(with_surface(self.lab.state(), "line_fit", line_points=pts), translate("Optimizer", "New data"))

    def on_load_csv(self) -> None:
        """Ask for a CSV file and load it."""
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.lab, translate("Optimizer", "Load (x, y) data"), "", translate("Optimizer", "CSV files (*.csv *.txt)")
        )
        if path:
            self.load_csv(path)

    def load_csv(self, path: str) -> bool:
        """Use the first two numeric columns of a CSV as the data to fit; errors go to the status bar."""
        try:
            pts = obj.line_points_from_csv(path)
        except obj.ObjectiveError as exc:
            self.lab.error_message(translate("Optimizer", "Data not loaded: {0}").format(exc))
            return False
        self.lab.edit(with_surface(self.lab.state(), "line_fit", line_points=pts), translate("Optimizer", "Load data"))
        return True

    def on_view_edited(self, view: tuple[float, float, float, float]) -> None:
        """The user panned or zoomed the surface: record it (no undo step) and redraw the surface for it.

        A view beyond the field spec's range is clamped by ``update_view``, which moves the plot to the clamped range:
        rejecting it left the plot showing one range while the state stored another.
        """
        self.lab.update_view(tuple(float(c) for c in view))
        self.lab.redraw_view()

    def on_reset_view(self) -> None:
        """Back to the surface's own view."""
        lab = self.lab
        try:
            home = home_view(lab.state())
        except (obj.ObjectiveError, ExpressionError) as exc:
            lab.error_message(str(exc))
            return
        lab.update_view(home)
        lab.render(lab.state())
