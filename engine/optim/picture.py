"""What the Optimizer lab paints under the paths: the loss over a grid, compressed for display, and its contour lines.

Computed once per surface and view (a few milliseconds), never per frame of a drag: the gui keeps the last pictures
by :func:`engine.optim.derive`'s ``grid_key``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.optim.objectives import Objective, gradient_field, surface_grid

__all__ = ["SurfacePicture", "surface_picture", "surface_display", "contour_paths", "GRID", "CONTOUR_GRID", "ARROWS"]

GRID = 300  # surface image resolution
CONTOUR_GRID = 110  # contours are traced on a coarser grid: smooth enough, a few ms
ARROWS = 16  # −∇f arrows per side


@dataclass(frozen=True)
class SurfacePicture:
    """The surface over one view: grid axes, display heights, contour segments and the −∇f arrow field."""

    xs: np.ndarray
    ys: np.ndarray
    display: np.ndarray
    contour_x: np.ndarray
    contour_y: np.ndarray
    arrows: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def surface_picture(
    objective: Objective, view: tuple[float, float, float, float], contours: bool = True
) -> SurfacePicture:
    """The :class:`SurfacePicture` of ``objective`` over ``view``.

    Parameters
    ----------
    objective : Objective
    view : (xmin, xmax, ymin, ymax)
    contours : bool
        False skips the contour lines (a slider that reshapes the surface shows the shading live, contours on release).

    Returns
    -------
    SurfacePicture
    """
    xs, ys, z = surface_grid(objective, view, GRID)
    cx = cy = np.zeros(0)
    if contours:
        cxs, cys, cz = surface_grid(objective, view, CONTOUR_GRID)
        cx, cy = contour_paths(surface_display(cz), cxs, cys)
    return SurfacePicture(xs, ys, surface_display(z), cx, cy, gradient_field(objective, view, ARROWS))


def _median(values: np.ndarray) -> float:
    """The median by partition (np.median and np.percentile import numpy.ma on first use: ~25 ms of a first open)."""
    n = values.size
    k = n // 2
    if n % 2:
        return float(np.partition(values, k)[k])
    part = np.partition(values, (k - 1, k))
    return float(0.5 * (part[k - 1] + part[k]))


def surface_display(z: np.ndarray) -> np.ndarray:
    """Compress a loss grid for display: log1p of the height above the minimum, so valleys keep their detail."""
    finite = z[np.isfinite(z)]
    if finite.size == 0:
        return np.zeros_like(z)
    lo = float(finite.min())
    scale = max(_median(finite) - lo, 1e-12) / 20.0
    with np.errstate(all="ignore"):
        d = np.log1p((z - lo) / scale)
    return d


# Marching squares: for each corner pattern (bit 1 = bottom-left above the level, 2 = bottom-right, 4 = top-right,
# 8 = top-left), the cell edges its segment joins (0 bottom, 1 right, 2 top, 3 left). Saddles (5, 10) are split by
# the cell's mean value below.
_EDGE_PAIRS = ((3, 0), (0, 1), (3, 1), (1, 2), (0, 2), (3, 2))
_CASES_OF_PAIR = ((1, 14), (2, 13), (3, 12), (4, 11), (6, 9), (7, 8))


def contour_paths(d: np.ndarray, xs: np.ndarray, ys: np.ndarray, n_levels: int = 14) -> tuple[np.ndarray, np.ndarray]:
    """Contour lines of the display grid ``d`` (rows = y) as segment pairs (draw with ``connect="pairs"``).

    Vectorised marching squares (numpy, ~1 ms a level on the lab's grid; pyqtgraph's pure-Python ``isocurve``
    took ~100 ms in all and was most of the lab's first open).
    """
    finite = d[np.isfinite(d)]
    if finite.size == 0 or float(np.ptp(finite)) == 0.0 or d.shape[0] < 2 or d.shape[1] < 2:
        return np.zeros(0), np.zeros(0)
    data = np.where(np.isfinite(d), d, float(finite.max()))
    levels = np.linspace(float(finite.min()), float(finite.max()), n_levels + 2)[1:-1]
    a, b, c, e = data[:-1, :-1], data[:-1, 1:], data[1:, 1:], data[1:, :-1]  # corners: bl, br, tr, tl
    x0, x1 = np.meshgrid(xs[:-1], ys[:-1])[0], np.meshgrid(xs[1:], ys[:-1])[0]
    y0, y1 = np.meshgrid(xs[:-1], ys[:-1])[1], np.meshgrid(xs[:-1], ys[1:])[1]
    centre = (a + b + c + e) / 4.0
    px: list[np.ndarray] = []
    py: list[np.ndarray] = []
    with np.errstate(all="ignore"):
        for level in levels:
            case = (a > level) + 2 * (b > level) + 4 * (c > level) + 8 * (e > level)
            high = centre > level
            # edge points (only used where the level crosses that edge, so the divisions there are safe)
            edges = (
                (x0 + (level - a) / (b - a) * (x1 - x0), y0),  # bottom: a → b
                (x1, y0 + (level - b) / (c - b) * (y1 - y0)),  # right: b → c
                (x0 + (level - e) / (c - e) * (x1 - x0), y1),  # top: e → c
                (x0, y0 + (level - a) / (e - a) * (y1 - y0)),  # left: a → e
            )
            for (i, j), cases in zip(_EDGE_PAIRS, _CASES_OF_PAIR, strict=True):
                m = (case == cases[0]) | (case == cases[1])
                if (i, j) in ((3, 0), (1, 2)):  # cut off bottom-left / top-right: saddle 5 when low, 10 when high
                    m |= ((case == 5) & ~high) | ((case == 10) & high)
                elif (i, j) == (0, 1):  # cut off bottom-right (and top-left below): saddle 5 high, 10 low
                    m |= ((case == 5) & high) | ((case == 10) & ~high)
                if not m.any():
                    continue
                px.append(np.column_stack((edges[i][0][m], edges[j][0][m])).ravel())
                py.append(np.column_stack((edges[i][1][m], edges[j][1][m])).ravel())
            m = ((case == 5) & high) | ((case == 10) & ~high)  # the saddle's other piece: top-left corner
            if m.any():
                px.append(np.column_stack((edges[3][0][m], edges[2][0][m])).ravel())
                py.append(np.column_stack((edges[3][1][m], edges[2][1][m])).ravel())
    if not px:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(px), np.concatenate(py)
