"""Vector helpers (dot, angle, projection, norms, span) and the Vectors lab state; zero vectors never divide by zero."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from engine.i18n import translate
from engine.schema import SchemaError, spec

__all__ = [
    "VectorError",
    "dot",
    "angle",
    "projection",
    "norm",
    "norms",
    "linear_combination",
    "span_dimension",
    "are_dependent",
    "span_description",
    "snap_to_grid",
    "unit_ball",
    "parallelogram",
    "angle_arc",
    "VectorsState",
    "metrics",
    "code",
]

ZERO_TOL = 1e-12
"""Vectors shorter than this (relative to 1) count as the zero vector for angle and projection."""
DEPENDENCE_RTOL = 1e-9
"""|u × v| below this fraction of |u|·|v| counts as parallel (dependent)."""
NORM_KINDS = ("l1", "l2", "linf")
VECTOR_LIMIT = 1e6


class VectorError(ValueError):
    """A vector argument that is empty, of mismatched length or holds non-finite numbers."""


def _vec(u: object, name: str = "vector") -> np.ndarray:
    """A finite 1-D float array, or a VectorError naming what is wrong."""
    try:
        a = np.asarray(u, dtype=float)
    except (TypeError, ValueError):
        raise VectorError(f"{name} must be a list of numbers") from None
    if a.ndim != 1 or a.size == 0:
        raise VectorError(f"{name} must be a non-empty list of numbers")
    if not np.all(np.isfinite(a)):
        raise VectorError(f"{name} has a non-finite entry: {a.tolist()}")
    return a


def _pair(u: object, v: object) -> tuple[np.ndarray, np.ndarray]:
    a, b = _vec(u, "u"), _vec(v, "v")
    if a.shape != b.shape:
        raise VectorError(f"u and v must have the same length, got {a.size} and {b.size}")
    return a, b


def _is_zero(a: np.ndarray) -> bool:
    return float(np.max(np.abs(a))) <= ZERO_TOL


def dot(u: Sequence[float], v: Sequence[float]) -> float:
    """Dot product u·v = Σ uᵢvᵢ.

    Parameters
    ----------
    u, v : sequences of floats of equal length

    Returns
    -------
    float
    """
    a, b = _pair(u, v)
    return float(a @ b)


def angle(u: Sequence[float], v: Sequence[float], degrees: bool = True) -> float | None:
    """Angle between u and v in [0, 180°], or None when either is the zero vector (the angle is undefined).

    Uses atan2(|u×v|, u·v) in 2-D (Kahan's formula in n-D), accurate even for nearly parallel vectors where
    arccos loses half the digits.

    Parameters
    ----------
    u, v : sequences of floats of equal length
    degrees : bool
        Degrees (default) or radians.

    Returns
    -------
    float or None
    """
    a, b = _pair(u, v)
    if _is_zero(a) or _is_zero(b):
        return None
    if a.size == 2:
        theta = math.atan2(abs(a[0] * b[1] - a[1] * b[0]), float(a @ b))
    else:
        ua, ub = a / np.linalg.norm(a), b / np.linalg.norm(b)
        theta = 2.0 * math.atan2(float(np.linalg.norm(ua - ub)), float(np.linalg.norm(ua + ub)))
    return math.degrees(theta) if degrees else theta


def projection(u: Sequence[float], onto: Sequence[float]) -> tuple[float, ...] | None:
    """Orthogonal projection of u onto the line of ``onto``: (u·v / v·v) v; None when ``onto`` is zero.

    Parameters
    ----------
    u, onto : sequences of floats of equal length

    Returns
    -------
    tuple of floats or None
        The foot of the perpendicular dropped from u's tip, or None (undefined) for a zero ``onto``.
    """
    a, b = _pair(u, onto)
    if _is_zero(b):
        return None
    p = (float(a @ b) / float(b @ b)) * b
    return tuple(float(x) + 0.0 for x in p)


def norm(u: Sequence[float], kind: str = "l2") -> float:
    """Length of u in the L1 (sum of |uᵢ|), L2 (Euclidean) or L∞ (largest |uᵢ|) norm.

    Parameters
    ----------
    u : sequence of floats
    kind : {"l1", "l2", "linf"}

    Returns
    -------
    float
    """
    a = _vec(u, "u")
    if kind == "l1":
        return float(np.sum(np.abs(a)))
    if kind == "l2":
        return float(np.hypot.reduce(a)) if a.size > 1 else float(abs(a[0]))
    if kind == "linf":
        return float(np.max(np.abs(a)))
    raise VectorError(f"unknown norm {kind!r}; choose one of {', '.join(NORM_KINDS)}")


def norms(u: Sequence[float]) -> dict[str, float]:
    """All three norms of u: {"l1": …, "l2": …, "linf": …}."""
    return {k: norm(u, k) for k in NORM_KINDS}


def linear_combination(coeffs: Sequence[float], vectors: Sequence[Sequence[float]]) -> tuple[float, ...]:
    """Σ cᵢ·vᵢ for coefficients cᵢ and equally long vectors vᵢ.

    Parameters
    ----------
    coeffs : sequence of floats
    vectors : sequence of vectors, one per coefficient

    Returns
    -------
    tuple of floats
    """
    c = _vec(coeffs, "coefficients")
    if len(vectors) != c.size:
        raise VectorError(f"need one coefficient per vector, got {c.size} and {len(vectors)}")
    V = np.array([_vec(v, f"vector {i + 1}") for i, v in enumerate(vectors)]) if vectors else None
    if V is None or V.ndim != 2:
        raise VectorError("vectors must all have the same length")
    return tuple(float(x) + 0.0 for x in c @ V)


def span_dimension(vectors: Sequence[Sequence[float]], rtol: float = DEPENDENCE_RTOL) -> int:
    """Dimension of the span of some vectors (their rank), with a tolerance relative to each vector's length.

    Parameters
    ----------
    vectors : sequence of equally long vectors
    rtol : float
        Singular values below ``rtol`` times the largest (after scaling each vector to unit length) count as zero.

    Returns
    -------
    int
        0 (only zero vectors), 1 (a line), 2 (a plane), …
    """
    rows = [_vec(v, f"vector {i + 1}") for i, v in enumerate(vectors)]
    if not rows or len({r.size for r in rows}) != 1:
        raise VectorError("need at least one vector, all of the same length")
    units = [r / np.linalg.norm(r) for r in rows if not _is_zero(r)]
    if not units:
        return 0
    s = np.linalg.svd(np.array(units), compute_uv=False)
    return int(np.sum(s > rtol * s[0]))


def are_dependent(u: Sequence[float], v: Sequence[float]) -> bool:
    """True when u and v are linearly dependent (parallel, or one of them is zero)."""
    a, b = _pair(u, v)
    return span_dimension([a, b]) < 2


def span_description(u: Sequence[float], v: Sequence[float]) -> str:
    """What a·u + b·v can reach, in words."""
    d = span_dimension([u, v])
    if d == 2:
        return translate("vectors", "u and v are independent: a·u + b·v reaches the whole plane")
    if d == 1:
        return translate("vectors", "u and v are dependent (parallel): a·u + b·v only reaches a line")
    return translate("vectors", "u and v are both zero: a·u + b·v only reaches the origin")


def snap_to_grid(p: Sequence[float], step: float = 1.0, limit: float = VECTOR_LIMIT) -> tuple[float, ...]:
    """Round each coordinate to the nearest multiple of ``step`` (and clamp to ±limit, the state's bounds).

    Parameters
    ----------
    p : sequence of floats
    step : float > 0
    limit : float

    Returns
    -------
    tuple of floats
    """
    a = _vec(p, "point")
    if not (math.isfinite(step) and step > 0):
        raise VectorError(f"grid step must be a positive number, got {step}")
    snapped = np.clip(np.round(a / step) * step, -limit, limit)
    return tuple(round(float(x), 12) + 0.0 for x in snapped)


def unit_ball(kind: str, points: int = 256) -> np.ndarray:
    """Closed outline of the unit ball {x : ‖x‖ = 1} in 2-D: diamond (L1), circle (L2) or square (L∞).

    Parameters
    ----------
    kind : {"l1", "l2", "linf"}
    points : int
        Samples on the circle (the polygons need only their corners).

    Returns
    -------
    numpy.ndarray, (k, 2)
    """
    if kind == "l1":
        pts = [(1, 0), (0, 1), (-1, 0), (0, -1), (1, 0)]
    elif kind == "linf":
        pts = [(1, 1), (-1, 1), (-1, -1), (1, -1), (1, 1)]
    elif kind == "l2":
        t = np.linspace(0.0, 2.0 * np.pi, points)
        return np.column_stack([np.cos(t), np.sin(t)])
    else:
        raise VectorError(f"unknown norm {kind!r}; choose one of {', '.join(NORM_KINDS)}")
    return np.array(pts, dtype=float)


def parallelogram(u: Sequence[float], v: Sequence[float]) -> np.ndarray:
    """Closed outline 0 → u → u+v → v → 0 of the parallelogram spanned by u and v (the picture of u + v)."""
    a, b = _pair(u, v)
    return np.array([np.zeros_like(a), a, a + b, b, np.zeros_like(a)])


def angle_arc(u: Sequence[float], v: Sequence[float], radius: float, points: int = 40) -> np.ndarray | None:
    """Points (k×2) of the arc of the given radius from u's direction to v's (the short way), None if undefined.

    Parameters
    ----------
    u, v : 2-D vectors
    radius : float
    points : int

    Returns
    -------
    numpy.ndarray or None
        None when u or v is the zero vector.
    """
    a, b = _pair(u, v)
    if a.size != 2 or _is_zero(a) or _is_zero(b):
        return None
    t0 = math.atan2(a[1], a[0])
    dt = math.atan2(a[0] * b[1] - a[1] * b[0], float(a @ b))  # signed, in (-pi, pi]
    t = np.linspace(t0, t0 + dt, points)
    return radius * np.column_stack([np.cos(t), np.sin(t)])


# --- the Vectors lab state ------------------------------------------------------------------------------------------

MAX_VECTORS = 8
EXTRA_NAMES = ("w", "p", "q", "r", "s", "t", "x", "y", "z")


@dataclass(frozen=True)
class VectorsState:
    """Everything a user can set in the Vectors lab; u and v are the first two vectors."""

    vectors: tuple[tuple[float, float], ...] = spec(
        ((1.0, 3.0), (4.0, 1.0)), lo=-VECTOR_LIMIT, hi=VECTOR_LIMIT, step=0.5, decimals=2, max_len=MAX_VECTORS
    )
    names: tuple[str, ...] = spec(("u", "v"), max_len=MAX_VECTORS, max_chars=8)
    scalar_c: float = spec(1.5, lo=-5.0, hi=5.0, step=0.05, decimals=2, label="c")
    coef_a: float = spec(1.0, lo=-5.0, hi=5.0, step=0.05, decimals=2, label="a")
    coef_b: float = spec(-0.5, lo=-5.0, hi=5.0, step=0.05, decimals=2, label="b")
    snap: bool = spec(False)
    show_sum: bool = spec(True)
    show_diff: bool = spec(False)
    show_scaled: bool = spec(False)
    show_combo: bool = spec(False)
    show_projection: bool = spec(True)
    norm_ball: str = spec("none", choices=("none",) + NORM_KINDS)
    view: tuple[float, float, float, float] = spec((-6.0, 6.0, -6.0, 6.0), lo=-1e6, hi=1e6)

    def validate(self) -> None:
        """Cross-field rules: one unique, non-empty name per vector, at least u and v, a real view."""
        if len(self.vectors) < 2:
            raise SchemaError("vectors", f"needs at least u and v, got {len(self.vectors)}")
        if len(self.names) != len(self.vectors):
            raise SchemaError("names", f"needs one name per vector ({len(self.vectors)}), got {len(self.names)}")
        if any(not n.strip() for n in self.names) or len(set(self.names)) != len(self.names):
            raise SchemaError("names", "must be unique and non-empty")
        x0, x1, y0, y1 = self.view
        if not (x0 < x1 and y0 < y1):
            raise SchemaError("view", "must be (xmin, xmax, ymin, ymax) with xmin < xmax and ymin < ymax")

    def next_name(self) -> str:
        """A name for a newly added vector that is not taken yet."""
        return next((n for n in EXTRA_NAMES if n not in self.names), f"v{len(self.names) + 1}")


def metrics(state: VectorsState) -> dict[str, float | bool | str]:
    """Named numbers of a Vectors state (u, v = the first two vectors).

    Keys: ``u_x u_y v_x v_y``, ``u_dot_v``, ``angle_deg`` ("undefined" when u or v is zero), ``norm_l1_u norm_l2_u
    norm_linf_u`` and the same for v, ``sum_x sum_y`` (u + v), ``diff_x diff_y`` (u − v), ``cu_x cu_y`` (c·u),
    ``combo_x combo_y`` (a·u + b·v), ``proj_x proj_y`` (projection of u onto v; "undefined" when v is zero),
    ``cross`` (u × v, the signed area of the parallelogram), ``dependent`` and ``span_dim``.
    """
    u, v = state.vectors[0], state.vectors[1]
    out: dict[str, float | bool | str] = {"u_x": u[0], "u_y": u[1], "v_x": v[0], "v_y": v[1]}
    out["u_dot_v"] = dot(u, v)
    ang = angle(u, v)
    out["angle_deg"] = "undefined" if ang is None else ang
    for name, w in (("u", u), ("v", v)):
        for kind, value in norms(w).items():
            out[f"norm_{kind}_{name}"] = value
    out["sum_x"], out["sum_y"] = linear_combination([1.0, 1.0], [u, v])
    out["diff_x"], out["diff_y"] = linear_combination([1.0, -1.0], [u, v])
    out["cu_x"], out["cu_y"] = linear_combination([state.scalar_c], [u])
    out["combo_x"], out["combo_y"] = linear_combination([state.coef_a, state.coef_b], [u, v])
    proj = projection(u, v)
    out["proj_x"], out["proj_y"] = ("undefined", "undefined") if proj is None else proj
    out["cross"] = float(u[0] * v[1] - u[1] * v[0])
    dim = span_dimension([u, v])
    out["dependent"] = dim < 2
    out["span_dim"] = float(dim)
    return out


def code(state: VectorsState) -> str:
    """A numpy/matplotlib script reproducing the main numbers of a Vectors state (defines ``result``) and its plane."""
    u = [float(x) for x in state.vectors[0]]
    v = [float(x) for x in state.vectors[1]]
    return f"""import matplotlib.pyplot as plt
import numpy as np

u = np.array({u!r})
v = np.array({v!r})
c, a, b = {state.scalar_c!r}, {state.coef_a!r}, {state.coef_b!r}

u_dot_v = float(u @ v)
cross = float(u[0] * v[1] - u[1] * v[0])         # signed area of the parallelogram on u, v
result = {{
    "u_dot_v": u_dot_v,
    "cross": cross,
    "norm_l1_u": float(np.linalg.norm(u, 1)),
    "norm_l2_u": float(np.linalg.norm(u)),
    "norm_linf_u": float(np.linalg.norm(u, np.inf)),
    "norm_l2_v": float(np.linalg.norm(v)),
    "sum_x": float((u + v)[0]), "sum_y": float((u + v)[1]),
    "combo_x": float((a * u + b * v)[0]), "combo_y": float((a * u + b * v)[1]),
    "cu_x": float((c * u)[0]), "cu_y": float((c * u)[1]),
}}
proj = None
if np.any(u) and np.any(v):                      # the angle needs two non-zero vectors
    result["angle_deg"] = float(np.degrees(np.arctan2(abs(cross), u_dot_v)))
if np.any(v):                                    # projection of u onto the line of v
    proj = (u_dot_v / (v @ v)) * v
    result["proj_x"], result["proj_y"] = float(proj[0]), float(proj[1])
print(result)

# The plane: u, v, their sum and the parallelogram they span, the projection of u onto v.
fig, ax = plt.subplots(figsize=(6, 6))
ax.fill([0, u[0], u[0] + v[0], v[0]], [0, u[1], u[1] + v[1], v[1]], color="#56B4E9", alpha=0.2)
for w, name, colour in ((u, "u", "#E69F00"), (v, "v", "#0072B2"), (u + v, "u + v", "#009E73")):
    ax.annotate("", xy=w, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color=colour, lw=2.5))
    ax.annotate(name, xy=w, xytext=(4, 4), textcoords="offset points", color=colour)
if proj is not None:
    ax.plot([u[0], proj[0]], [u[1], proj[1]], ":", color="gray")
    ax.annotate("", xy=proj, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="#CC79A7", lw=2))
reach = 1.2 * max(1.0, *np.abs([*u, *v, *(u + v)]))
ax.set(xlim=(-reach, reach), ylim=(-reach, reach), aspect="equal", title="u, v and u + v")
ax.axhline(0, color="black", lw=0.8)
ax.axvline(0, color="black", lw=0.8)
ax.grid(alpha=0.3)
plt.show()
"""
