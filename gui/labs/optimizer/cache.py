"""The Optimizer lab's painted surfaces: one :class:`engine.optim.SurfacePicture` per surface and view, kept a while.

A drag or a slider move asks for the same surface every frame; this keeps it to one picture per surface and view.
"""

from __future__ import annotations

from engine.optim import Objective, SurfacePicture, surface_picture

__all__ = ["PictureCache"]

_KEEP = 8  # pictures kept (switching surfaces or zooming back and forth reuses them)


class PictureCache:
    """Surface pictures by (objective key, view, with contours); bounded, cleared when full."""

    def __init__(self) -> None:
        self._pictures: dict[tuple, SurfacePicture] = {}

    def has(self, objective_key: tuple, view: tuple[float, float, float, float]) -> bool:
        """Whether the full picture (with contours) of this surface over ``view`` is ready."""
        return (objective_key, tuple(view), True) in self._pictures

    def picture(
        self, objective_key: tuple, o: Objective, view: tuple[float, float, float, float], contours: bool = True
    ) -> SurfacePicture:
        """The picture of ``o`` (known by ``objective_key``) over ``view``; ``contours=False`` skips the contours."""
        key = (objective_key, tuple(view), contours)
        hit = self._pictures.get(key)
        if hit is None:
            hit = surface_picture(o, view, contours)
            if len(self._pictures) >= _KEEP:
                self._pictures.clear()
            self._pictures[key] = hit
        return hit
