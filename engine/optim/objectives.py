"""Loss surfaces f(x, y) with exact gradients and Hessians: presets, typed expressions, line-fit MSE.

Each objective carries fast scalar functions (plain floats, used by the optimizer runs) and vectorised
grid functions (used to paint the surface), plus a view range, a default start and its known minima.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from engine.datasets import DataError, read_csv_table
from engine.expr import parse, scalar_function
from engine.i18n import QT_TRANSLATE_NOOP

PRESETS = (
    "quadratic",
    "rosenbrock",
    "himmelblau",
    "beale",
    "saddle",
    "rastrigin",
    "camel",
)
PRESET_LABELS = {
    "quadratic": QT_TRANSLATE_NOOP("optim", "Quadratic bowl"),
    "rosenbrock": "Rosenbrock",
    "himmelblau": "Himmelblau",
    "beale": "Beale",
    "saddle": QT_TRANSLATE_NOOP("optim", "Saddle x² − y²"),
    "rastrigin": "Rastrigin",
    "camel": QT_TRANSLATE_NOOP("optim", "Six-hump camel"),
}
MAX_GRID = 2000


class ObjectiveError(ValueError):
    """A surface that cannot be built (unknown preset, bad expression, unusable data)."""


@dataclass(frozen=True)
class Objective:
    """A 2-D loss surface: scalar value/gradient/Hessian for runs, vectorised value/gradient for grids."""

    name: str
    formula: str
    value_xy: Callable[[float, float], float]
    grad_xy: Callable[[float, float], tuple[float, float]]
    hess_xy: Callable[[float, float], tuple[float, float, float]]
    value_grid: Callable[[np.ndarray, np.ndarray], np.ndarray]
    grad_grid: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
    view: tuple[float, float, float, float]
    start: tuple[float, float]
    minima: tuple[tuple[float, float], ...] = ()
    constant_hessian: bool = False

    def value(self, p: np.ndarray) -> float:
        """f at the point ``p`` = (x, y)."""
        return float(self.value_xy(float(p[0]), float(p[1])))

    def gradient(self, p: np.ndarray) -> np.ndarray:
        """∇f at ``p`` as a length-2 array."""
        return np.array(self.grad_xy(float(p[0]), float(p[1])), dtype=np.float64)

    def hessian(self, p: np.ndarray) -> np.ndarray:
        """The 2×2 Hessian at ``p``."""
        hxx, hxy, hyy = self.hess_xy(float(p[0]), float(p[1]))
        return np.array([[hxx, hxy], [hxy, hyy]], dtype=np.float64)


def _poly(name, formula, f, g, h, view, start, minima, constant=False) -> Objective:
    """An objective whose formulas are plain arithmetic, so one function serves floats and arrays."""
    return Objective(name, formula, f, g, h, f, g, view, start, minima, constant)


def quadratic(kappa: float = 10.0, angle_deg: float = 30.0) -> Objective:
    """½·pᵀAp with A = R(θ)·diag(1, κ)·R(θ)ᵀ: a bowl with condition number κ turned by θ.

    Parameters
    ----------
    kappa : float
        Condition number λmax/λmin (1 ... 1e4).
    angle_deg : float
        Rotation of the long axis in degrees.

    Returns
    -------
    Objective
        Eigenvalues 1 and κ, minimum 0 at the origin.
    """
    if not (math.isfinite(kappa) and 1.0 <= kappa <= 1e4):
        raise ObjectiveError(f"the condition number κ must be between 1 and 10000, got {kappa}")
    if not math.isfinite(angle_deg):
        raise ObjectiveError("the rotation angle must be a finite number")
    th = math.radians(angle_deg)
    c, s = math.cos(th), math.sin(th)
    a = c * c + kappa * s * s
    b = (1.0 - kappa) * c * s
    d = s * s + kappa * c * c

    def f(x, y):
        return 0.5 * (a * x * x + 2.0 * b * x * y + d * y * y)

    def g(x, y):
        return a * x + b * y, b * x + d * y

    def h(x, y):
        return a, b, d

    formula = f"½·({a:.4g}·x² + {2 * b:.4g}·xy + {d:.4g}·y²)".replace("+ -", "− ")
    return _poly("quadratic", formula, f, g, h, (-3.0, 3.0, -3.0, 3.0), (-2.4, 1.6), ((0.0, 0.0),), True)


def _rosenbrock() -> Objective:
    def f(x, y):
        return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2

    def g(x, y):
        return -2.0 * (1.0 - x) - 400.0 * x * (y - x * x), 200.0 * (y - x * x)

    def h(x, y):
        return 2.0 - 400.0 * y + 1200.0 * x * x, -400.0 * x, 200.0 + 0.0 * x

    return _poly("rosenbrock", "(1 − x)² + 100·(y − x²)²", f, g, h, (-2.0, 2.0, -1.0, 3.0), (-1.5, 2.0), ((1.0, 1.0),))


def _himmelblau() -> Objective:
    def f(x, y):
        return (x * x + y - 11.0) ** 2 + (x + y * y - 7.0) ** 2

    def g(x, y):
        a, b = x * x + y - 11.0, x + y * y - 7.0
        return 4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b

    def h(x, y):
        return 12.0 * x * x + 4.0 * y - 42.0, 4.0 * (x + y), 4.0 * x + 12.0 * y * y - 26.0

    minima = ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126))
    return _poly("himmelblau", "(x² + y − 11)² + (x + y² − 7)²", f, g, h, (-5.0, 5.0, -5.0, 5.0), (-0.5, -0.5), minima)


_BEALE_C = (1.5, 2.25, 2.625)


def _beale() -> Objective:
    def f(x, y):
        return sum((c - x + x * y ** (i + 1)) ** 2 for i, c in enumerate(_BEALE_C))

    def g(x, y):
        gx = gy = 0.0
        for i, c in enumerate(_BEALE_C):
            k = i + 1
            r = c - x + x * y**k
            gx = gx + 2.0 * r * (y**k - 1.0)
            gy = gy + 2.0 * r * x * k * y ** (k - 1)
        return gx, gy

    def h(x, y):
        hxx = hxy = hyy = 0.0
        for i, c in enumerate(_BEALE_C):
            k = i + 1
            r = c - x + x * y**k
            dr_dx, dr_dy = y**k - 1.0, x * k * y ** (k - 1)
            hxx = hxx + 2.0 * dr_dx * dr_dx
            hxy = hxy + 2.0 * (dr_dx * dr_dy + r * k * y ** (k - 1))
            d2 = x * k * (k - 1) * y ** (k - 2) if k >= 2 else 0.0 * y
            hyy = hyy + 2.0 * (dr_dy * dr_dy + r * d2)
        return hxx, hxy, hyy

    formula = "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²"
    return _poly("beale", formula, f, g, h, (-4.5, 4.5, -4.5, 4.5), (1.0, 1.4), ((3.0, 0.5),))


def _saddle() -> Objective:
    def f(x, y):
        return x * x - y * y

    def g(x, y):
        return 2.0 * x, -2.0 * y

    def h(x, y):
        return 2.0 + 0.0 * x, 0.0 * x, -2.0 + 0.0 * x

    return _poly("saddle", "x² − y²", f, g, h, (-2.0, 2.0, -2.0, 2.0), (-1.8, 0.05), (), True)


def _rastrigin() -> Objective:
    tau = 2.0 * math.pi

    def fs(x, y):
        return 20.0 + x * x - 10.0 * math.cos(tau * x) + y * y - 10.0 * math.cos(tau * y)

    def gs(x, y):
        return 2.0 * x + 10.0 * tau * math.sin(tau * x), 2.0 * y + 10.0 * tau * math.sin(tau * y)

    def hs(x, y):
        return 2.0 + 10.0 * tau * tau * math.cos(tau * x), 0.0, 2.0 + 10.0 * tau * tau * math.cos(tau * y)

    def fg(x, y):
        return 20.0 + x * x - 10.0 * np.cos(tau * x) + y * y - 10.0 * np.cos(tau * y)

    def gg(x, y):
        return 2.0 * x + 10.0 * tau * np.sin(tau * x), 2.0 * y + 10.0 * tau * np.sin(tau * y)

    formula = "20 + x² − 10·cos(2πx) + y² − 10·cos(2πy)"
    return Objective("rastrigin", formula, fs, gs, hs, fg, gg, (-5.12, 5.12, -5.12, 5.12), (3.3, -2.6), ((0.0, 0.0),))


def _camel() -> Objective:
    def f(x, y):
        x2, y2 = x * x, y * y
        return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2

    def g(x, y):
        x2 = x * x
        return 8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y, x - 8.0 * y + 16.0 * y * y * y

    def h(x, y):
        x2 = x * x
        return 8.0 - 25.2 * x2 + 10.0 * x2 * x2, 1.0 + 0.0 * x, -8.0 + 48.0 * y * y

    minima = ((0.0898, -0.7126), (-0.0898, 0.7126))
    formula = "(4 − 2.1x² + x⁴/3)·x² + xy + (−4 + 4y²)·y²"
    return _poly("camel", formula, f, g, h, (-2.0, 2.0, -1.2, 1.2), (-1.5, -0.9), minima)


_BUILDERS = {
    "rosenbrock": _rosenbrock,
    "himmelblau": _himmelblau,
    "beale": _beale,
    "saddle": _saddle,
    "rastrigin": _rastrigin,
    "camel": _camel,
}


def preset(name: str, kappa: float = 10.0, angle_deg: float = 30.0) -> Objective:
    """A named loss surface from :data:`PRESETS`.

    Parameters
    ----------
    name : str
        Preset name, e.g. ``"rosenbrock"``.
    kappa, angle_deg : float
        Only for ``"quadratic"``: condition number and rotation.

    Returns
    -------
    Objective
    """
    if name == "quadratic":
        return quadratic(kappa, angle_deg)
    if name not in _BUILDERS:
        raise ObjectiveError(f"unknown surface {name!r}; choose one of {', '.join(PRESETS)}")
    return _BUILDERS[name]()


def _as_float(v) -> float:
    return float(v)


def from_expression(text: str, view: tuple[float, float, float, float] = (-3.0, 3.0, -3.0, 3.0)) -> Objective:
    """A surface from a typed expression in x and y, with its exact symbolic gradient and Hessian.

    Parameters
    ----------
    text : str
        E.g. ``"(1-x)^2 + 100*(y-x^2)^2"``; parsed by the safe parser in :mod:`engine.expr`.
    view : tuple
        (xmin, xmax, ymin, ymax) to show.

    Returns
    -------
    Objective

    Raises
    ------
    engine.expr.ExpressionError
        The text is not a valid expression (message and character position).
    """
    e = parse(text, ("x", "y"))
    f = e.numpy()
    grad = e.gradient()
    fgx, fgy = (gi.numpy() for gi in grad)
    hess = e.hessian()

    def value_grid(x, y):
        with np.errstate(all="ignore"):
            return np.broadcast_to(np.asarray(f(x, y), dtype=np.float64), np.broadcast(x, y).shape)

    def grad_grid(x, y):
        shape = np.broadcast(x, y).shape
        with np.errstate(all="ignore"):
            return (
                np.broadcast_to(np.asarray(fgx(x, y), dtype=np.float64), shape),
                np.broadcast_to(np.asarray(fgy(x, y), dtype=np.float64), shape),
            )

    # Runs evaluate one point at a time: plain-float closures of the same trees, ~100× faster than numpy there.
    value_xy = scalar_function(e)
    sgx, sgy = (scalar_function(gi) for gi in grad)
    sxx, sxy, syy = (scalar_function(h) for h in (hess[0][0], hess[0][1], hess[1][1]))

    def grad_xy(x, y):
        return sgx(x, y), sgy(x, y)

    def hess_xy(x, y):
        return sxx(x, y), sxy(x, y), syy(x, y)

    cx, cy = (view[0] + view[1]) / 2.0, (view[2] + view[3]) / 2.0
    start = (cx - 0.8 * (view[1] - view[0]) / 2.0, cy + 0.5 * (view[3] - view[2]) / 2.0)
    return Objective("expression", e.formula(), value_xy, grad_xy, hess_xy, value_grid, grad_grid, view, start)


def line_fit(points: tuple[tuple[float, float], ...] | np.ndarray) -> Objective:
    """Mean squared error of the line y = m·x + b over (m, b) = (x, y) of the surface.

    Written through the data's moments, L = m²·⟨x²⟩ + 2mb·⟨x⟩ + b² − 2m·⟨xy⟩ − 2b·⟨y⟩ + ⟨y²⟩,
    so the whole surface costs a few multiplications per grid point.

    Parameters
    ----------
    points : sequence of (x, y)
        At least two data points with at least two distinct x.

    Returns
    -------
    Objective
        Its minimum is the least-squares line (``minima[0]`` = (slope, intercept)).
    """
    data = np.asarray(points, dtype=np.float64)
    if data.ndim != 2 or data.shape[1] != 2 or len(data) < 2:
        raise ObjectiveError("fitting a line needs at least two (x, y) data points")
    if not np.all(np.isfinite(data)):
        raise ObjectiveError("the data points must be finite numbers")
    xs, ys = data[:, 0], data[:, 1]
    if np.ptp(xs) == 0:
        raise ObjectiveError("all data points have the same x, so the slope is undefined")
    sxx, sx, sxy, sy, syy = (
        float(v) for v in (np.mean(xs * xs), xs.mean(), np.mean(xs * ys), ys.mean(), np.mean(ys * ys))
    )

    def f(m, b):
        return m * m * sxx + 2.0 * m * b * sx + b * b - 2.0 * m * sxy - 2.0 * b * sy + syy

    def g(m, b):
        return 2.0 * (m * sxx + b * sx - sxy), 2.0 * (m * sx + b - sy)

    def h(m, b):
        return 2.0 * sxx, 2.0 * sx, 2.0

    slope, intercept = np.linalg.solve([[sxx, sx], [sx, 1.0]], [sxy, sy])
    m0, b0 = float(slope), float(intercept)
    half_m = max(3.0, 2.5 * abs(m0))
    half_b = max(3.0, 2.5 * abs(b0))
    view = (m0 - half_m, m0 + half_m, b0 - half_b, b0 + half_b)
    start = (m0 - 0.8 * half_m, b0 + 0.7 * half_b)
    formula = QT_TRANSLATE_NOOP("optim", "mean((m·xᵢ + b − yᵢ)²)")  # translated where shown (derive)
    return _poly("line_fit", formula, f, g, h, view, start, ((m0, b0),), True)


#: ``noisy_line()`` written out: the lab's default data, without importing ``numpy.random`` (13 ms) at first open.
DEFAULT_LINE_POINTS = (
    (-2.4861, -4.7097), (-2.4352, -3.4162), (-2.318, -4.0409), (-2.0416, -4.4665), (-1.5791, -3.515),
    (-1.2948, -2.5098), (-1.2437, -1.3174), (-0.6526, -2.1946), (-0.4162, -1.8192), (-0.4012, -0.8),
    (-0.1257, -1.8977), (0.1004, -1.0827), (0.493, 0.4455), (0.5208, 0.2455), (0.8913, 0.4101),
    (1.1773, 1.302), (1.4075, -1.1513), (1.427, 1.9576), (1.8076, 0.9438), (2.7376, 1.7715),
)  # fmt: skip


def noisy_line(n: int = 20, slope: float = 1.5, intercept: float = -1.0, noise: float = 0.8, seed: int = 3) -> tuple:
    """Reproducible noisy data around a line, for the "fit a line" tab."""
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(-3.0, 3.0, n))
    y = slope * x + intercept + rng.normal(0.0, noise, n)
    return tuple((round(float(a), 4), round(float(b), 4)) for a, b in zip(x, y, strict=True))


def surface_grid(
    objective: Objective, view: tuple[float, float, float, float], n: int = 400
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Evaluate f on an n×n grid covering ``view``.

    Parameters
    ----------
    objective : Objective
    view : (xmin, xmax, ymin, ymax)
    n : int
        Points per side (2 ... 2000).

    Returns
    -------
    xs, ys, z : ndarray
        ``z[j, i] = f(xs[i], ys[j])`` (row-major: rows are y); non-finite values become NaN.
    """
    if not 2 <= n <= MAX_GRID:
        raise ObjectiveError(f"grid size must be between 2 and {MAX_GRID}, got {n}")
    xs = np.linspace(view[0], view[1], n)
    ys = np.linspace(view[2], view[3], n)
    with np.errstate(all="ignore"):
        z = np.asarray(objective.value_grid(xs[None, :], ys[:, None]), dtype=np.float64)
    z = np.array(np.broadcast_to(z, (n, n)))
    z[~np.isfinite(z)] = np.nan
    return xs, ys, z


def gradient_field(
    objective: Objective, view: tuple[float, float, float, float], n: int = 18
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The −∇f field at n×n points inside ``view``, for arrows.

    Parameters
    ----------
    objective : Objective
    view : (xmin, xmax, ymin, ymax)
    n : int
        Arrows per side.

    Returns
    -------
    x, y, u, v : ndarray
        Flattened positions and the descent direction −∇f (non-finite entries dropped).
    """
    fx = (np.arange(n) + 0.5) / n
    xs = view[0] + fx * (view[1] - view[0])
    ys = view[2] + fx * (view[3] - view[2])
    gx_, gy_ = np.meshgrid(xs, ys)
    with np.errstate(all="ignore"):
        gx, gy = objective.grad_grid(gx_, gy_)
    u = -np.broadcast_to(np.asarray(gx, dtype=np.float64), gx_.shape).ravel()
    v = -np.broadcast_to(np.asarray(gy, dtype=np.float64), gx_.shape).ravel()
    ok = np.isfinite(u) & np.isfinite(v)
    return gx_.ravel()[ok], gy_.ravel()[ok], u[ok], v[ok]


def hessian_axes(objective: Objective, p: tuple[float, float]) -> tuple[np.ndarray, np.ndarray] | None:
    """Eigenvalues (ascending) and unit eigenvectors (columns) of the Hessian at ``p``, or None if not finite."""
    h = objective.hessian(np.asarray(p, dtype=np.float64))
    if not np.all(np.isfinite(h)):
        return None
    w, v = np.linalg.eigh(h)
    return w, v


def line_points_from_csv(path_or_text: str, max_points: int = 1000) -> tuple[tuple[float, float], ...]:
    """(x, y) data points from the first two numeric columns of a CSV, read by the app's one safe reader.

    Parameters
    ----------
    path_or_text : str
        A CSV file path or CSV text.
    max_points : int
        More rows than this are refused (the lab draws and drags every point).

    Returns
    -------
    tuple of (x, y)

    Raises
    ------
    ObjectiveError
        The file is unreadable, has fewer than two numeric columns, non-finite cells, or too many rows.
    """
    try:
        table = read_csv_table(path_or_text)
        numeric = table.numeric_columns()
        if len(numeric) >= 2:
            x, y = table.column(numeric[0]), table.column(numeric[1])
        elif len(table.header) >= 2:
            x, y = table.column(0), table.column(1)  # raises DataError naming the first cell that is not a number
        else:
            raise ObjectiveError("the file needs two columns of numbers (x and y); it has one column")
    except DataError as exc:
        raise ObjectiveError(str(exc)) from None
    if len(x) > max_points:
        raise ObjectiveError(f"the file has {len(x)} rows; at most {max_points} points can be shown and dragged")
    pts = tuple((float(a), float(b)) for a, b in zip(x, y, strict=True))
    if any(abs(v) > 1e6 for p in pts for v in p):
        raise ObjectiveError("values beyond ±1 000 000 are not supported; rescale the data")
    line_fit(pts)  # refuse data that cannot define a line (one x value, fewer than two points)
    return pts
