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
# the cell's mean value: two segments, the second (left–top) written after the other pairs of its level.
_EDGE_PAIRS = ((3, 0), (0, 1), (3, 1), (1, 2), (0, 2), (3, 2), (3, 2))
_CASES_OF_PAIR = ((1, 14), (2, 13), (3, 12), (4, 11), (6, 9), (7, 8), ())


def _pair_table() -> np.ndarray:
    """``[pair, case, centre above the level]`` -> whether the cell has that pair's segment."""
    t = np.zeros((len(_EDGE_PAIRS), 16, 2), dtype=bool)
    for p, cases in enumerate(_CASES_OF_PAIR):
        for c in cases:
            t[p, c, :] = True
    # saddle 5 (bottom-left and top-right above): low centre cuts off those corners, a high one the other two
    t[0, 5, 0] = t[3, 5, 0] = t[1, 5, 1] = t[6, 5, 1] = True
    t[0, 10, 1] = t[3, 10, 1] = t[1, 10, 0] = t[6, 10, 0] = True
    return t


_PAIR_TABLE = _pair_table()


def contour_paths(d: np.ndarray, xs: np.ndarray, ys: np.ndarray, n_levels: int = 14) -> tuple[np.ndarray, np.ndarray]:
    """Contour lines of the display grid ``d`` (rows = y) as segment pairs (draw with ``connect="pairs"``).

    Vectorised marching squares over every level at once, the edge points worked out only in the cells a level
    crosses (~2 ms on the lab's grid; level by level over whole grids it was ~10 ms of the lab's first open, and
    pyqtgraph's pure-Python ``isocurve`` ~100 ms). Segments come level by level, pair by pair, cells in row order.
    """
    finite = d[np.isfinite(d)]
    if finite.size == 0 or float(np.ptp(finite)) == 0.0 or d.shape[0] < 2 or d.shape[1] < 2:
        return np.zeros(0), np.zeros(0)
    data = np.where(np.isfinite(d), d, float(finite.max()))
    levels = np.linspace(float(finite.min()), float(finite.max()), n_levels + 2)[1:-1]
    above = data[None, :, :] > levels[:, None, None]
    case = (
        above[:, :-1, :-1].astype(np.uint8)  # bottom-left
        + 2 * above[:, :-1, 1:]  # bottom-right
        + 4 * above[:, 1:, 1:]  # top-right
        + 8 * above[:, 1:, :-1]  # top-left
    )
    lev, r, c = np.nonzero((case != 0) & (case != 15))  # the cells a level crosses, level by level, in row order
    if lev.size == 0:
        return np.zeros(0), np.zeros(0)
    k = case[lev, r, c]
    level = levels[lev]
    a, b, cc, e = data[r, c], data[r, c + 1], data[r + 1, c + 1], data[r + 1, c]  # corners: bl, br, tr, tl
    high = ((a + b + cc + e) / 4.0 > level).astype(np.intp)
    x0, x1, y0, y1 = xs[c], xs[c + 1], ys[r], ys[r + 1]
    px: list[np.ndarray] = []
    py: list[np.ndarray] = []
    order: list[np.ndarray] = []
    with np.errstate(all="ignore"):
        for p, (i, j) in enumerate(_EDGE_PAIRS):
            m = _PAIR_TABLE[p][k, high]
            if not m.any():
                continue
            ends = []
            lv, A, B, C, E = level[m], a[m], b[m], cc[m], e[m]
            X0, X1, Y0, Y1 = x0[m], x1[m], y0[m], y1[m]
            for edge in (i, j):
                if edge == 0:  # bottom: a → b
                    ends.append((X0 + (lv - A) / (B - A) * (X1 - X0), Y0))
                elif edge == 1:  # right: b → c
                    ends.append((X1, Y0 + (lv - B) / (C - B) * (Y1 - Y0)))
                elif edge == 2:  # top: e → c
                    ends.append((X0 + (lv - E) / (C - E) * (X1 - X0), Y1))
                else:  # left: a → e
                    ends.append((X0, Y0 + (lv - A) / (E - A) * (Y1 - Y0)))
            px.append(np.column_stack((ends[0][0], ends[1][0])))
            py.append(np.column_stack((ends[0][1], ends[1][1])))
            order.append(lev[m] * len(_EDGE_PAIRS) + p)
    rank = np.argsort(np.concatenate(order), kind="stable")  # level by level, then pair by pair
    return np.concatenate(px)[rank].ravel(), np.concatenate(py)[rank].ravel()
