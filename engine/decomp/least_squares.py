"""Least squares as projection: b projected onto the column space of A, the residual at right angles to it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.i18n import translate

__all__ = ["LeastSquaresFit", "design_matrix", "fit_polynomial"]


@dataclass(frozen=True)
class LeastSquaresFit:
    """One polynomial fit y ≈ c0 + c1 x + … by least squares, solved three ways, with what a student looks at."""

    coef: np.ndarray
    """x̂ from numpy.linalg.lstsq (the minimum-norm solution when the fit is not unique)."""
    coef_qr: np.ndarray | None
    """x̂ from A = QR, R x̂ = Qᵀb (None when A has dependent columns)."""
    coef_normal: np.ndarray | None
    """x̂ from the normal equations AᵀA x̂ = Aᵀb (None when AᵀA is singular)."""
    fitted: np.ndarray
    """The projection p = A x̂ of b onto the column space of A."""
    residual: np.ndarray
    """r = b − A x̂, at right angles to every column of A."""
    leverage: np.ndarray
    """Diagonal of the hat matrix H = A A⁺: how strongly each point pulls the fit towards itself."""
    at_r: np.ndarray
    """Aᵀ r (zero up to rounding: the residual is perpendicular to the column space)."""
    rank: int
    cond_a: float
    cond_normal: float
    rss: float
    message: str
    """A named sentence for a degenerate case ("" when the fit is unique)."""

    @property
    def triangle(self) -> tuple[float, float, float]:
        """(‖b‖, ‖Ax*‖, ‖r‖): the right triangle b = Ax* + r in the plane of b and its projection (Pythagoras)."""
        p, r = float(np.linalg.norm(self.fitted)), float(np.linalg.norm(self.residual))
        return float(np.hypot(p, r)), p, r


def design_matrix(x: np.ndarray, degree: int) -> np.ndarray:
    """Columns 1, x, x², … x^degree (one row per point)."""
    return np.vander(np.asarray(x, dtype=float), degree + 1, increasing=True)


def fit_polynomial(points: np.ndarray, degree: int) -> LeastSquaresFit:
    """Fit a polynomial of ``degree`` to ``points`` (n×2) by least squares.

    Parameters
    ----------
    points : numpy.ndarray
        n × 2 array of (x, y); n may be 0.
    degree : int
        0 (a constant), 1 (a line), 2 or 3.

    Returns
    -------
    LeastSquaresFit
        x̂ from lstsq, QR and the normal equations, projection, residual, leverage; a message when not unique.
    """
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    n, p = len(pts), degree + 1
    A = design_matrix(pts[:, 0], degree)
    b = pts[:, 1]
    if n == 0:
        empty = np.zeros(0)
        return LeastSquaresFit(np.zeros(p), None, None, empty, empty, empty, np.zeros(p), 0, np.inf, np.inf, 0.0,
                               translate("decomp", "No points: add points to fit a curve."))  # fmt: skip
    coef, _res, rank, sv = np.linalg.lstsq(A, b, rcond=None)
    rank = int(rank)
    fitted = A @ coef
    residual = b - fitted
    u, _s, _vt = np.linalg.svd(A, full_matrices=False)
    leverage = np.sum(u[:, :rank] ** 2, axis=1)
    cond_a = float(sv[0] / sv[-1]) if sv[-1] > 0 and rank == p else np.inf
    coef_qr = coef_normal = None
    message = ""
    if rank == p:
        q, r = np.linalg.qr(A)
        coef_qr = np.linalg.solve(r, q.T @ b)
        coef_normal = np.linalg.solve(A.T @ A, A.T @ b)
    else:
        distinct = len(np.unique(pts[:, 0]))
        message = translate(
            "decomp",
            "The points have {0} different x value(s): a degree-{1} fit needs {2}, so AᵀA is singular "
            "and the fit is not unique (showing the shortest x̂).",
        ).format(distinct, degree, p)
    return LeastSquaresFit(
        coef=coef, coef_qr=coef_qr, coef_normal=coef_normal, fitted=fitted, residual=residual, leverage=leverage,
        at_r=A.T @ residual, rank=rank, cond_a=cond_a, cond_normal=cond_a**2, rss=float(residual @ residual),
        message=message,
    )  # fmt: skip
