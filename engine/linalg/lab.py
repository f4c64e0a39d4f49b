"""The Matrices lab's saved state, its named metrics, and the "show the code" snippet that reproduces them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.linalg.matrix import SingularMatrixError, determinant, eigen, inverse, rank, solve
from engine.linalg.row_reduction import CellError, parse_cell, rref
from engine.linalg.transform2d import morph
from engine.schema import SchemaError, spec

__all__ = ["PRESETS", "TABS", "DEFAULT_AUGMENTED", "MAX_ROWS", "MAX_COLS", "MatricesState", "metrics", "code"]

PRESETS = ("custom", "rotation", "shear", "scale", "reflection", "projection")
TABS = ("transform", "system", "rref")
DEFAULT_AUGMENTED = (("2", "1", "-1", "8"), ("-3", "-1", "2", "-11"), ("-2", "1", "2", "-3"))
MAX_ROWS, MAX_COLS = 5, 6


@dataclass(frozen=True)
class MatricesState:
    """Everything a user can set in the Matrices lab."""

    matrix: tuple[tuple[float, float], tuple[float, float]] = spec(((2.0, 1.0), (1.0, 2.0)), lo=-1e6, hi=1e6)
    morph_t: float = spec(1.0, lo=0.0, hi=1.0, step=0.01, decimals=2, label="t")
    show_grid: bool = spec(True)
    show_det: bool = spec(True)
    show_eigen: bool = spec(True)
    snap: bool = spec(True)
    preset: str = spec("custom", choices=PRESETS)
    preset_param: float = spec(
        30.0, lo=-360.0, hi=360.0, step=1.0, decimals=1, soft_lo=-180.0, soft_hi=180.0, label="θ"
    )
    """The preset's angle θ (degrees), shear k or scale s; each preset's own slider range is in PRESET_PARAMS."""
    system_b: tuple[float, float] = spec((3.0, 3.0), lo=-1e6, hi=1e6, step=0.5, decimals=2)
    augmented: tuple[tuple[str, ...], ...] = spec(DEFAULT_AUGMENTED, max_len=MAX_COLS, max_chars=40)
    rref_step: int = spec(0, lo=0, hi=1000)
    tab: str = spec("transform", choices=TABS)
    view: tuple[float, float, float, float] = spec((-5.0, 5.0, -5.0, 5.0), lo=-1e6, hi=1e6)

    def validate(self) -> None:
        """Cross-field rules: a rectangular augmented matrix of readable cells, a step that exists, a real view."""
        rows = self.augmented
        if not 1 <= len(rows) <= MAX_ROWS:
            raise SchemaError("augmented", f"must have 1 to {MAX_ROWS} rows, got {len(rows)}")
        width = len(rows[0])
        if not 2 <= width <= MAX_COLS or any(len(r) != width for r in rows):
            raise SchemaError("augmented", f"every row must have the same number (2 to {MAX_COLS}) of entries")
        for i, r in enumerate(rows):
            for j, cell in enumerate(r):
                try:
                    parse_cell(cell)
                except CellError as exc:
                    raise SchemaError(f"augmented[{i}][{j}]", str(exc)) from None
        steps = len(rref(rows).steps)
        if self.rref_step > steps:
            raise SchemaError("rref_step", f"must be at most {steps} (the number of steps), got {self.rref_step}")
        x0, x1, y0, y1 = self.view
        if not (x0 < x1 and y0 < y1):
            raise SchemaError("view", "must be (xmin, xmax, ymin, ymax) with xmin < xmax and ymin < ymax")


def metrics(state: MatricesState) -> dict[str, float | bool | str]:
    """Named numbers of a Matrices state.

    Keys: ``det``, ``singular``, ``trace``, ``rank`` (of A), ``eig_real``, then ``eig1`` ≥ ``eig2`` when real or
    ``eig_re``/``eig_im`` (the one with positive imaginary part) when complex; ``invertible`` and, when it is,
    ``inv_00 inv_01 inv_10 inv_11``; ``morph_det`` (det of (1−t)I + tA); ``system_kind`` ("unique"/"none"/
    "infinite") and, when unique, ``system_x``, ``system_y``; for the augmented matrix ``aug_rank`` (rank of its
    coefficient part), ``aug_kind`` and ``rref_steps`` (number of row operations).
    """
    A = state.matrix
    out: dict[str, float | bool | str] = {}
    det = determinant(A)
    out["det"] = det
    out["singular"] = det == 0.0
    out["trace"] = float(A[0][0] + A[1][1])
    out["rank"] = float(rank(A))
    eig = eigen(A)
    out["eig_real"] = eig.is_real
    if eig.is_real:
        out["eig1"], out["eig2"] = (float(v) for v in eig.values)
    else:
        z = next(v for v in eig.values if v.imag > 0)
        out["eig_re"], out["eig_im"] = z.real, z.imag
    try:
        inv = inverse(A)
        out["invertible"] = True
        for i in range(2):
            for j in range(2):
                out[f"inv_{i}{j}"] = float(inv[i, j])
    except SingularMatrixError:
        out["invertible"] = False
    out["morph_det"] = float(np.linalg.det(morph(A, state.morph_t)))
    sol = solve(A, state.system_b)
    out["system_kind"] = sol.kind
    if sol.kind == "unique":
        out["system_x"], out["system_y"] = sol.x  # type: ignore[misc]
    aug = state.augmented
    n = len(aug[0]) - 1
    asol = solve([r[:n] for r in aug], [r[n] for r in aug])
    out["aug_rank"] = float(asol.rank)
    out["aug_kind"] = asol.kind
    out["rref_steps"] = float(len(asol.reduced.steps))  # solve reduced [A | b] already: no second exact RREF
    return out


def code(state: MatricesState) -> str:
    """A numpy/sympy/matplotlib script reproducing a Matrices state's numbers (defines ``result``) and its plane."""
    A = [[float(x) for x in r] for r in state.matrix]
    b = [float(x) for x in state.system_b]
    aug = [[str(parse_cell(c)) for c in r] for r in state.augmented]
    return f"""import matplotlib.pyplot as plt
import numpy as np
import sympy as sp                       # exact fractions for the row reduction

A = np.array({A!r})
b = np.array({b!r})

det = float(np.linalg.det(A))            # signed area of the image of the unit square
eigenvalues = np.linalg.eigvals(A)       # real eigenvalues <=> directions that stay on their own line
rank = int(np.linalg.matrix_rank(A))

# A x = b: one solution when rank(A) = 2; otherwise none or infinitely many
aug_rank = int(np.linalg.matrix_rank(np.column_stack([A, b])))
if rank == 2:
    system_kind = "unique"
    x = np.linalg.solve(A, b)
elif aug_rank > rank:
    system_kind = "none"
else:
    system_kind = "infinite"

# row reduction of the augmented matrix, in exact fractions
M = sp.Matrix([[sp.Rational(v) for v in row] for row in {aug!r}])
reduced, pivots = M.rref()
n = M.cols - 1
coef_rank = sum(1 for p in pivots if p < n)
aug_kind = "none" if n in pivots else ("unique" if coef_rank == n else "infinite")

result = {{
    "det": det,
    "trace": float(np.trace(A)),
    "rank": float(rank),
    "eig_real": bool(np.all(np.abs(eigenvalues.imag) < 1e-12)),
    "system_kind": system_kind,
    "aug_rank": float(coef_rank),
    "aug_kind": aug_kind,
}}
if system_kind == "unique":
    result["system_x"], result["system_y"] = float(x[0]), float(x[1])
print(result)

# The plane after A: the image of the grid, of the unit square (area |det|) and the real eigen-directions.
fig, ax = plt.subplots(figsize=(6, 6))
ts = np.linspace(-5, 5, 11)
for t in ts:
    for line in (np.array([[t, t], [-5, 5]]), np.array([[-5, 5], [t, t]])):
        image = A @ line
        ax.plot(image[0], image[1], color="#999999", lw=0.8)
square = A @ np.array([[0, 1, 1, 0], [0, 0, 1, 1]])
ax.fill(square[0], square[1], color="#56B4E9", alpha=0.35, label=f"image of the unit square, det = {{det:.3g}}")
for column, name, colour in ((A[:, 0], "A e1", "#E69F00"), (A[:, 1], "A e2", "#0072B2")):
    ax.annotate("", xy=column, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color=colour, lw=2.5))
    ax.annotate(name, xy=column, xytext=(4, 4), textcoords="offset points", color=colour)
values, vectors = np.linalg.eig(A)
for k in range(2):
    if abs(values[k].imag) < 1e-12:                 # a real eigenvalue: its line is mapped onto itself
        d = np.real(vectors[:, k]) * 5
        ax.plot([-d[0], d[0]], [-d[1], d[1]], "--", color="#009E73", lw=2)
ax.set(xlim=(-5, 5), ylim=(-5, 5), aspect="equal", title="the plane after A")
ax.legend(loc="lower right")
plt.show()
"""
