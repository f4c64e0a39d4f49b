"""The Optimizer lab's input handlers: surface, formula, sliders, optimizer settings, the start point, data, view.

A mixin of :class:`gui.labs.optimizer.lab.OptimizerLab` (it uses the lab's state, caches and ``_gesture``); kept apart
so the lab module holds layout and drawing, and this one what each control does to the state.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from PySide6 import QtWidgets

from engine.expr import ExpressionError
from engine.optim import LABELS, SURFACE_LABELS, objective_of, with_surface
from engine.optim import objectives as obj

__all__ = ["OptimizerInputs"]


class OptimizerInputs:
    """What each of the Optimizer lab's inputs does (mixed into the lab, before :class:`gui.labs.base.Lab`)."""

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
