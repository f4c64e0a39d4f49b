"""Matrix facts a student asks about (determinant, eigen, inverse, Ax = b, row reduction).

The Matrices lab state, metrics and code live in :mod:`engine.linalg.lab` and are re-exported here, so the lab
registry and ``from engine import linalg`` see one module.

Exact fractions are used whenever the entries are integers, fractions or short decimals, so a singular integer matrix is
reported singular (det exactly 0), never "det = 1e-16".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from engine.i18n import translate
from engine.linalg.row_reduction import MatrixShapeError, RrefResult, as_rows, format_number, rref, to_exact, to_float

__all__ = [
    "SingularMatrixError",
    "EigenResult",
    "SolveResult",
    "rank",
    "determinant",
    "eigen",
    "inverse",
    "inverse_exact",
    "solve",
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
        msg = translate(
            "linalg",
            "complex eigenvalues {0} ± {1}i: no real direction stays on its own line (the map rotates every vector)",
        ).format(format_number(pair.real, 3), format_number(pair.imag, 3))
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
            translate("linalg", "only {0} eigen-directions in {1} dimensions")
            if k > 1
            else translate("linalg", "only {0} eigen-direction in {1} dimensions")
        ).format(k, n) + translate(
            "linalg", " (a repeated eigenvalue, as in a shear): the matrix cannot be diagonalised"
        )
    elif len(distinct) < n:
        msg = translate(
            "linalg", "a repeated eigenvalue with a whole plane of eigenvectors: every direction stays on its line"
        )
    else:
        msg = translate(
            "linalg",
            "real eigen-directions: a vector on one of them stays on its line, stretched by its eigenvalue ({0})",
        ).format(", ".join(format_number(v, 4) for v in values))
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
