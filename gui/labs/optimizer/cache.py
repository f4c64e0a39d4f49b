"""The Optimizer lab's caches: built objectives (a typed formula costs a sympy pass) and painted surface grids.

A drag or a slider move asks for the same surface every frame; these keep it to one build per surface and view.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.optim import OptimizerState, objective_of
from engine.optim import objectives as obj
from gui.labs.optimizer.views import contour_paths, surface_display

__all__ = ["SurfaceCache", "objective_key"]

_GRID = 300  # surface image resolution
_CONTOUR_GRID = 110
_ARROWS = 16  # −∇f arrows per side


def objective_key(s: OptimizerState) -> tuple:
    """What the loss surface depends on (the view only frames it)."""
    if s.surface == "expression":
        return ("expression", s.expression)
    if s.surface == "line_fit":
        return ("line_fit", s.line_points)
    if s.surface == "quadratic":
        return ("quadratic", s.kappa, s.angle)
    return (s.surface,)


class SurfaceCache:
    """Objectives by :func:`objective_key`, and their display grids by (key, view); bounded, cleared when full."""

    def __init__(self) -> None:
        self._objectives: dict[tuple, obj.Objective] = {}
        self._grids: dict[tuple, tuple[Any, ...]] = {}

    def objective(self, s: OptimizerState) -> obj.Objective:
        """The objective of ``s`` (raises ObjectiveError / ExpressionError like :func:`objective_of`)."""
        key = objective_key(s)
        o = self._objectives.get(key)
        if o is None:
            o = objective_of(s)
            self.remember(key, o)
        return o

    def remember(self, key: tuple, o: obj.Objective) -> None:
        """Store an objective built elsewhere (e.g. while checking a typed formula)."""
        if len(self._objectives) > 32:
            self._objectives.clear()
            self._grids.clear()
        self._objectives[key] = o

    def has_grid(self, s: OptimizerState, view: tuple[float, float, float, float]) -> bool:
        """Whether the full grid (with contours) of ``s`` over ``view`` is ready."""
        return (objective_key(s), tuple(view), True) in self._grids

    def grid(
        self, s: OptimizerState, o: obj.Objective, view: tuple[float, float, float, float], contours: bool = True
    ) -> tuple:
        """(xs, ys, display grid, contour x, contour y, (arrow x, y, u, v)) of ``o`` over ``view``.

        ``contours=False`` skips the contour lines (a few ms of marching squares): a slider that reshapes the
        surface shows the shading live and the contours once it is released.
        """
        key = (objective_key(s), tuple(view), contours)
        hit = self._grids.get(key)
        if hit is None:
            xs, ys, z = obj.surface_grid(o, view, _GRID)
            d = surface_display(z)
            cx = cy = np.zeros(0)
            if contours:
                cxs, cys, cz = obj.surface_grid(o, view, _CONTOUR_GRID)
                cx, cy = contour_paths(surface_display(cz), cxs, cys)
            field: tuple[np.ndarray, ...] = obj.gradient_field(o, view, _ARROWS)
            hit = (xs, ys, d, cx, cy, field)
            if len(self._grids) > 8:
                self._grids.clear()
            self._grids[key] = hit
        return hit
