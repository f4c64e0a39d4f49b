"""Front door: describe a matrix with plain values in and plain values out (what the Matrices lab shows)."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.linalg.matrix import SingularMatrixError, determinant, eigen, inverse, rank
from engine.linalg.row_reduction import as_rows, to_float

__all__ = ["describe"]


def describe(matrix: Any) -> dict[str, Any]:
    """Shape, rank, and for a square matrix its determinant, trace, eigenvalues/vectors and inverse, in one dict.

    Entries may be numbers or text the lab accepts (``"2/3"``, ``"-1.5"``); the same validators as the lab's grid
    raise :class:`engine.linalg.CellError` / :class:`engine.linalg.MatrixShapeError` naming what is wrong.

    >>> from engine import linalg
    >>> d = linalg.describe([[2, 1], [1, 3]])
    >>> d["det"], d["rank"], d["trace"]
    (5.0, 2, 5.0)
    >>> [round(v, 4) for v in d["eigenvalues"]]
    [3.618, 1.382]
    >>> d["inverse"].tolist()
    [[0.6, -0.2], [-0.2, 0.4]]
    >>> linalg.describe([[1, 2], [2, 4]])["inverse_message"][:8]
    'singular'
    >>> try:
    ...     linalg.describe([[1, 2, 3], [4, 5]])
    ... except linalg.MatrixShapeError as exc:
    ...     print(exc)
    every row of the matrix must have the same, non-zero, number of entries
    """
    a = np.array([[to_float(x) for x in row] for row in as_rows(matrix)])
    out: dict[str, Any] = {"shape": a.shape, "rank": rank(matrix), "square": a.shape[0] == a.shape[1]}
    if not out["square"]:
        out["message"] = f"a {a.shape[0]}×{a.shape[1]} matrix has no determinant, eigenvalues or inverse"
        return out
    eig = eigen(matrix)
    out.update(
        det=float(determinant(matrix)),
        trace=float(np.trace(a)),
        eigenvalues=list(eig.values),
        eigenvalues_real=eig.is_real,
        eigenvectors=[list(v) for v in eig.vectors],
        eigen_message=eig.message,
    )
    try:
        out["inverse"], out["inverse_message"] = np.asarray(inverse(matrix), dtype=float), ""
    except SingularMatrixError as exc:
        out["inverse"], out["inverse_message"] = None, str(exc)
    return out
