"""Geometry of a 2×2 matrix acting on the plane: presets, the I→A morph, the moved grid and the lines of A x = b."""

from __future__ import annotations

import math

import numpy as np

__all__ = ["preset_matrix", "PRESET_PARAMS", "morph", "transformed_grid", "unit_square", "line_in_box", "system_lines"]

PRESET_PARAMS: dict[str, tuple[str, float, float, float]] = {
    "rotation": ("angle θ (°)", -180.0, 180.0, 30.0),
    "shear": ("shear k", -3.0, 3.0, 1.0),
    "scale": ("scale s", -3.0, 3.0, 2.0),
    "reflection": ("mirror line angle θ (°)", -180.0, 180.0, 30.0),
    "projection": ("line angle θ (°)", -180.0, 180.0, 30.0),
}
"""Preset name -> (parameter label, minimum, maximum, default)."""


def _clean(x: float) -> float:
    """Round away floating noise so cos(90°) shows as 0 and exact checks (det = 0) work."""
    r = round(x, 12)
    return r + 0.0


def preset_matrix(name: str, param: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """The 2×2 matrix of a named preset.

    Parameters
    ----------
    name : str
        "rotation" (by θ degrees), "shear" (x += k·y), "scale" (by s), "reflection" (across the line at θ degrees)
        or "projection" (onto the line at θ degrees).
    param : float
        θ in degrees, k or s.

    Returns
    -------
    tuple of tuples
        The matrix, rows first, with floating noise below 1e-12 rounded away.

    Raises
    ------
    ValueError
        Unknown preset name or a non-finite parameter.
    """
    if not math.isfinite(param):
        raise ValueError(f"preset parameter must be a finite number, got {param}")
    t = math.radians(param)
    c, s = math.cos(t), math.sin(t)
    if name == "rotation":
        m = ((c, -s), (s, c))
    elif name == "shear":
        m = ((1.0, param), (0.0, 1.0))
    elif name == "scale":
        m = ((param, 0.0), (0.0, param))
    elif name == "reflection":
        c2, s2 = math.cos(2 * t), math.sin(2 * t)
        m = ((c2, s2), (s2, -c2))
    elif name == "projection":
        m = ((c * c, c * s), (c * s, s * s))
    else:
        raise ValueError(f"unknown preset {name!r}; choose one of {', '.join(PRESET_PARAMS)}")
    return tuple(tuple(_clean(x) for x in row) for row in m)  # type: ignore[return-value]


def morph(A: object, t: float) -> np.ndarray:
    """The matrix (1 − t)·I + t·A that slides the plane from the identity (t = 0) to A (t = 1).

    Parameters
    ----------
    A : 2×2 matrix-like
    t : float in [0, 1]

    Returns
    -------
    numpy.ndarray, 2×2
    """
    M = np.asarray(A, dtype=float)
    return (1.0 - t) * np.eye(2) + t * M


def transformed_grid(M: np.ndarray, half: int = 10) -> tuple[np.ndarray, np.ndarray]:
    """Image of the integer grid lines x = k, y = k (|k| ≤ half) under M, as x/y arrays split by NaN.

    Parameters
    ----------
    M : 2×2 array
    half : int
        Lines from −half to half in each direction.

    Returns
    -------
    (xs, ys) : numpy arrays
        Ready for a single ``PlotDataItem(connect="finite")``: one draw call for the whole grid.
    """
    k = np.arange(-half, half + 1, dtype=float)
    ends = np.full_like(k, float(half))
    # vertical lines (k, -h)-(k, h) then horizontal (-h, k)-(h, k), each followed by a NaN break
    p0 = np.concatenate([np.stack([k, -ends], 1), np.stack([-ends, k], 1)])
    p1 = np.concatenate([np.stack([k, ends], 1), np.stack([ends, k], 1)])
    q0, q1 = p0 @ M.T, p1 @ M.T
    pts = np.full((len(p0) * 3, 2), np.nan)
    pts[0::3], pts[1::3] = q0, q1
    return pts[:, 0], pts[:, 1]


def unit_square(M: np.ndarray) -> np.ndarray:
    """Closed polygon (5×2) of the image of the unit square: the parallelogram whose signed area is det M."""
    sq = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]])
    return sq @ np.asarray(M, dtype=float).T


def line_in_box(a: float, b: float, c: float, box: tuple[float, float, float, float]) -> np.ndarray | None:
    """The visible segment of the line a·x + b·y = c inside box (xmin, xmax, ymin, ymax), or None.

    Parameters
    ----------
    a, b, c : float
        The equation's coefficients; a = b = 0 is not a line (None).
    box : tuple of 4 floats

    Returns
    -------
    numpy.ndarray (2×2) or None
        The two end points, or None when the line misses the box or is not a line.
    """
    x0, x1, y0, y1 = box
    norm = math.hypot(a, b)
    if norm == 0.0 or not all(math.isfinite(v) for v in (a, b, c)):
        return None
    a, b, c = a / norm, b / norm, c / norm
    pts = []
    if abs(b) > 1e-12:
        for x in (x0, x1):
            y = (c - a * x) / b
            if y0 - 1e-9 <= y <= y1 + 1e-9:
                pts.append((x, y))
    if abs(a) > 1e-12:
        for y in (y0, y1):
            x = (c - b * y) / a
            if x0 - 1e-9 <= x <= x1 + 1e-9:
                pts.append((x, y))
    if len(pts) < 2:
        return None
    arr = np.array(pts)
    d = arr @ np.array([-b, a])  # position along the line's direction
    return np.array([arr[np.argmin(d)], arr[np.argmax(d)]])


def system_lines(A: object, b: object, box: tuple[float, float, float, float]) -> list[np.ndarray | None]:
    """Visible segments of the two lines a11·x + a12·y = b1 and a21·x + a22·y = b2 of a 2×2 system."""
    M = np.asarray(A, dtype=float)
    bb = np.asarray(b, dtype=float)
    return [line_in_box(M[i, 0], M[i, 1], bb[i], box) for i in range(2)]
