"""Matrix facts a student asks about (determinant, eigen, inverse, Ax = b, row reduction); the Matrices lab state.

Exact fractions are used whenever the entries are integers, fractions or short decimals, so a singular integer matrix is
reported singular (det exactly 0), never "det = 1e-16".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from engine.rref import (
    CellError,
    MatrixShapeError,
    RrefResult,
    RrefStep,
    as_rows,
    format_number,
    parse_cell,
    rref,
    to_exact,
    to_float,
)
from engine.schema import SchemaError, spec

__all__ = [
    "CellError",
    "MatrixShapeError",
    "SingularMatrixError",
    "EigenResult",
    "SolveResult",
    "RrefResult",
    "RrefStep",
    "parse_cell",
    "format_number",
    "rref",
    "rank",
    "determinant",
    "eigen",
    "inverse",
    "inverse_exact",
    "solve",
    "MatricesState",
    "metrics",
    "code",
]


class SingularMatrixError(ValueError):
    """A matrix has no inverse; the message says why in plain words."""


def _exact_rows(A: object) -> list[list[Fraction]] | None:
    """All entries as fractions when every one is exact, else None."""
    rows = [[to_exact(x) for x in r] for r in as_rows(A)]
    return rows if all(q is not None for r in rows for q in r) else None  # type: ignore[return-value]


def _square(A: object, what: str) -> list[list[object]]:
    rows = as_rows(A)
    if len(rows) != len(rows[0]):
        raise MatrixShapeError(f"{what} needs a square matrix, got {len(rows)}×{len(rows[0])}")
    return rows


def _float_array(rows: list[list[object]]) -> np.ndarray:
    return np.array([[to_float(x) for x in r] for r in rows], dtype=float)


def rank(A: object) -> int:
    """Rank of a matrix (exact for integer/fraction/short-decimal entries, row-relative tolerance otherwise).

    Parameters
    ----------
    A : matrix-like

    Returns
    -------
    int
    """
    return rref(A).rank


def _exact_det(rows: list[list[Fraction]]) -> Fraction:
    """Determinant by exact elimination (fine for the small matrices of the labs)."""
    a = [r[:] for r in rows]
    n, det = len(a), Fraction(1)
    for c in range(n):
        p = next((i for i in range(c, n) if a[i][c] != 0), None)
        if p is None:
            return Fraction(0)
        if p != c:
            a[c], a[p] = a[p], a[c]
            det = -det
        det *= a[c][c]
        for i in range(c + 1, n):
            f = a[i][c] / a[c][c]
            if f:
                a[i] = [x - f * y for x, y in zip(a[i], a[c], strict=True)]
    return det


def determinant(A: object) -> float:
    """Determinant of a square matrix: the signed factor by which it scales area (volume).

    Parameters
    ----------
    A : matrix-like, n×n
        Entries may be numbers, fractions or typed strings.

    Returns
    -------
    float
        Exact (then rounded to float) when all entries are exact; numpy's LU otherwise.

    Raises
    ------
    MatrixShapeError
        Not square.
    CellError
        Non-finite or unreadable entries.
    """
    rows = _square(A, "the determinant")
    exact = _exact_rows(rows)
    if exact is not None:
        return float(_exact_det(exact))
    return float(np.linalg.det(_float_array(rows)))


@dataclass(frozen=True)
class EigenResult:
    """Eigenvalues and, when they are real, one unit vector per independent eigen-direction."""

    values: tuple[float, ...] | tuple[complex, ...]
    is_real: bool
    vectors: tuple[tuple[float, ...], ...]
    vector_values: tuple[float, ...]
    message: str


def _unit_sign(v: np.ndarray) -> tuple[float, ...]:
    """Unit vector with its largest component positive, so results are reproducible."""
    v = v / np.linalg.norm(v)
    if v[np.argmax(np.abs(v))] < 0:
        v = -v
    return tuple(float(x) + 0.0 for x in v)


def eigen(A: object) -> EigenResult:
    """Eigenvalues and real unit eigenvectors of a square matrix.

    Parameters
    ----------
    A : matrix-like, n×n

    Returns
    -------
    EigenResult
        ``values`` (floats sorted descending when all real, else complex sorted by real part), ``is_real``,
        ``vectors`` (one unit vector per independent eigen-direction — fewer than n for a shear, all of the plane
        for a multiple of I), ``vector_values`` (the eigenvalue of each vector) and a one-line ``message``.

    Raises
    ------
    MatrixShapeError, CellError
        Not square, or non-finite entries.
    """
    M = _float_array(_square(A, "eigenvalues"))
    n = M.shape[0]
    scale = max(float(np.abs(M).max()), 1e-300)
    if n == 2:
        tr = M[0, 0] + M[1, 1]
        disc = (M[0, 0] - M[1, 1]) ** 2 + 4 * M[0, 1] * M[1, 0]
        if abs(disc) <= 1e-14 * scale**2:
            disc = 0.0
        root = np.sqrt(complex(disc))
        vals = np.array([(tr + root) / 2, (tr - root) / 2])
        if disc >= 0:
            vals = vals.real
    else:
        vals = np.linalg.eigvals(M)
    is_real = bool(np.all(np.abs(np.imag(vals)) <= 1e-9 * scale))
    if not is_real:
        cvals = tuple(sorted((complex(v) for v in vals), key=lambda z: (z.real, z.imag)))
        pair = next(z for z in cvals if z.imag > 0)
        msg = (
            f"complex eigenvalues {format_number(pair.real, 3)} ± {format_number(pair.imag, 3)}i: "
            "no real direction stays on its own line (the map rotates every vector)"
        )
        return EigenResult(cvals, False, (), (), msg)
    real = sorted((float(np.real(v)) for v in vals), reverse=True)
    distinct: list[float] = []
    for v in real:
        if not distinct or abs(distinct[-1] - v) > 1e-7 * scale:
            distinct.append(v)
    vectors, owners = [], []
    for lam in distinct:
        _, s, vt = np.linalg.svd(M - lam * np.eye(n))
        null = vt[s <= 1e-7 * scale]
        if null.shape[0] == 0:  # an eigenvalue always has a direction: take the weakest one
            null = vt[-1:]
        for vec in null:
            vectors.append(_unit_sign(vec))
            owners.append(lam)
    values = tuple(v + 0.0 for v in real)
    if len(vectors) < n:
        k = len(vectors)
        msg = (
            f"only {k} eigen-direction{'s' if k > 1 else ''} in {n} dimensions "
            "(a repeated eigenvalue, as in a shear): the matrix cannot be diagonalised"
        )
    elif len(distinct) < n:
        msg = "a repeated eigenvalue with a whole plane of eigenvectors: every direction stays on its line"
    else:
        msg = (
            "real eigen-directions: a vector on one of them stays on its line, stretched by its eigenvalue ("
            + ", ".join(format_number(v, 4) for v in values)
            + ")"
        )
    return EigenResult(values, True, tuple(vectors), tuple(owners), msg)


def _singular_message(r: int, n: int, exact: bool = True) -> str:
    what = {0: "a single point", 1: "a line", 2: "a plane"}.get(r, f"a {r}-dimensional subspace")
    space = "the plane" if n == 2 else f"{n}-dimensional space"
    why = f"det = 0, rank {r} of {n}" if exact else f"det ≈ 0 up to rounding, rank {r} of {n}"
    return (
        f"singular ({why}): it flattens {space} onto {what}, "
        "so different inputs land on the same output and nothing can undo it"
    )


def inverse(A: object) -> np.ndarray:
    """Inverse of a square matrix.

    Parameters
    ----------
    A : matrix-like, n×n

    Returns
    -------
    numpy.ndarray
        The inverse as floats (computed exactly first when the entries are exact).

    Raises
    ------
    SingularMatrixError
        The matrix is singular, or so close to singular (condition number > 1e12) that its inverse is meaningless.
    MatrixShapeError, CellError
        Not square, or non-finite entries.
    """
    rows = _square(A, "the inverse")
    n = len(rows)
    exact = inverse_exact(rows)
    if exact is not None:
        return np.array([[float(x) for x in r] for r in exact], dtype=float)
    M = _float_array(rows)
    r = rank(M)
    if r < n:
        raise SingularMatrixError(_singular_message(r, n, exact=False))
    cond = float(np.linalg.cond(M))
    if not math.isfinite(cond) or cond > 1e12:
        raise SingularMatrixError(
            f"nearly singular (condition number {cond:.2g}): its inverse would be dominated by rounding error"
        )
    return np.linalg.inv(M)


def inverse_exact(A: object) -> tuple[tuple[Fraction, ...], ...] | None:
    """Exact inverse as fractions when every entry is exact, None when the entries are not exact.

    Parameters
    ----------
    A : matrix-like, n×n

    Returns
    -------
    tuple of tuples of Fraction, or None

    Raises
    ------
    SingularMatrixError
        The (exact) matrix is singular.
    """
    rows = _square(A, "the inverse")
    exact = _exact_rows(rows)
    if exact is None:
        return None
    n = len(exact)
    aug = [r + [Fraction(int(i == j)) for j in range(n)] for i, r in enumerate(exact)]
    red = rref(aug, exact=True)
    r = sum(1 for p in red.pivots if p < n)
    if r < n:
        raise SingularMatrixError(_singular_message(rank(exact), n))
    return tuple(tuple(row[n:]) for row in red.matrix)  # type: ignore[misc]


@dataclass(frozen=True)
class SolveResult:
    """Solution set of A x = b: the case, one particular solution and a basis of the null space of A."""

    kind: str
    x: tuple[float, ...] | None
    nullspace: tuple[tuple[float, ...], ...]
    rank: int
    exact: bool
    x_exact: tuple[Fraction, ...] | None
    reduced: RrefResult

    @property
    def message(self) -> str:
        """The case in words."""
        n = len(self.reduced.matrix[0]) - 1
        if self.kind == "unique":
            return "one solution: " + ", ".join(f"x{i + 1} = {format_number(v)}" for i, v in enumerate(self._shown()))
        if self.kind == "none":
            return "no solution: the equations contradict each other (a row reads 0 = non-zero)"
        free = n - self.rank
        return f"infinitely many solutions: {free} free variable{'s' if free > 1 else ''}"

    def _shown(self) -> tuple:
        return self.x_exact if self.x_exact is not None else (self.x or ())


def solve(A: object, b: object) -> SolveResult:
    """Solve A x = b by row reduction of the augmented matrix [A | b].

    Parameters
    ----------
    A : matrix-like, m×n
    b : sequence of m numbers

    Returns
    -------
    SolveResult
        ``kind`` is "unique", "none" or "infinite"; ``x`` a particular solution (free variables 0) or None when
        there is none; ``nullspace`` a basis of {x : A x = 0} (empty when it is only 0); ``rank`` of A.

    Raises
    ------
    MatrixShapeError
        ``b`` does not have one entry per row of A.
    CellError
        Non-finite or unreadable entries.
    """
    rows = as_rows(A)
    bb = list(b) if not isinstance(b, np.ndarray) else b.ravel().tolist()
    if len(bb) != len(rows):
        raise MatrixShapeError(f"b needs {len(rows)} entries (one per row of A), got {len(bb)}")
    n = len(rows[0])
    red = rref([list(r) + [bi] for r, bi in zip(rows, bb, strict=True)])
    R = red.matrix
    piv = [p for p in red.pivots if p < n]
    free = [j for j in range(n) if j not in piv]
    zero = Fraction(0) if red.exact else 0.0
    basis = []
    for f in free:
        v = [zero] * n
        v[f] = Fraction(1) if red.exact else 1.0
        for k, p in enumerate(piv):
            v[p] = -R[k][f]
        basis.append(tuple(float(x) + 0.0 for x in v))
    if n in red.pivots:
        return SolveResult("none", None, tuple(basis), len(piv), red.exact, None, red)
    xs = [zero] * n
    for k, p in enumerate(piv):
        xs[p] = R[k][n]
    kind = "unique" if not free else "infinite"
    x_exact = tuple(xs) if red.exact else None
    return SolveResult(kind, tuple(float(x) + 0.0 for x in xs), tuple(basis), len(piv), red.exact, x_exact, red)


# --- the Matrices lab state -----------------------------------------------------------------------------------------

PRESETS = ("custom", "rotation", "shear", "scale", "reflection", "projection")
TABS = ("transform", "system", "rref")
DEFAULT_AUGMENTED = (("2", "1", "-1", "8"), ("-3", "-1", "2", "-11"), ("-2", "1", "2", "-3"))
MAX_ROWS, MAX_COLS = 5, 6


@dataclass(frozen=True)
class MatricesState:
    """Everything a user can set in the Matrices lab."""

    matrix: tuple[tuple[float, float], tuple[float, float]] = spec(((2.0, 1.0), (1.0, 2.0)), lo=-1e6, hi=1e6)
    morph_t: float = spec(1.0, lo=0.0, hi=1.0)
    show_grid: bool = spec(True)
    show_det: bool = spec(True)
    show_eigen: bool = spec(True)
    snap: bool = spec(True)
    preset: str = spec("custom", choices=PRESETS)
    preset_param: float = spec(30.0, lo=-360.0, hi=360.0)
    system_b: tuple[float, float] = spec((3.0, 3.0), lo=-1e6, hi=1e6)
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
    from engine.transform2d import morph

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
    out["rref_steps"] = float(len(rref(aug).steps))
    return out


def code(state: MatricesState) -> str:
    """A numpy/sympy snippet reproducing the main numbers of a Matrices state (defines ``result``)."""
    A = [[float(x) for x in r] for r in state.matrix]
    b = [float(x) for x in state.system_b]
    aug = [[str(parse_cell(c)) for c in r] for r in state.augmented]
    return f"""import numpy as np
import sympy as sp

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
"""
