"""The singular value decomposition of a small matrix as rotate–stretch–rotate: A = U Σ Vᵀ."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.i18n import number, translate

__all__ = ["SvdFacts", "svd_facts", "unit_circle"]


@dataclass(frozen=True)
class SvdFacts:
    """What the SVD tab shows for one matrix."""

    u: np.ndarray
    s: np.ndarray
    vt: np.ndarray
    rank: int
    cond: float
    """σ₁/σₙ; infinite for a singular matrix."""
    pinv: np.ndarray
    det: float
    message: str


def unit_circle(n: int = 181) -> np.ndarray:
    """n points around the unit circle, as a 2 × n array (the input the matrix stretches into an ellipse)."""
    t = np.linspace(0.0, 2.0 * np.pi, n)
    return np.vstack([np.cos(t), np.sin(t)])


def svd_facts(matrix: np.ndarray) -> SvdFacts:
    """SVD, rank, condition number and pseudo-inverse of a square matrix (2×2 or 3×3).

    Parameters
    ----------
    matrix : numpy.ndarray
        A finite square matrix.

    Returns
    -------
    SvdFacts
        ``u``, ``s`` (descending, as numpy.linalg.svd), ``vt``, rank, condition number, A⁺, det and a message
        naming the degenerate cases (zero matrix, singular, badly conditioned).
    """
    A = np.asarray(matrix, dtype=float)
    u, s, vt = np.linalg.svd(A)
    # Make each pair (u_i, v_i) point the same way a student draws it: v_i with a non-negative first entry.
    for i in range(len(s)):
        if vt[i, np.argmax(np.abs(vt[i]))] < 0:
            vt[i] *= -1
            u[:, i] *= -1
    tol = max(A.shape) * np.finfo(float).eps * (s[0] if len(s) else 0.0)
    rank = int(np.sum(s > tol))
    n = A.shape[0]
    cond = float(s[0] / s[-1]) if rank == n else np.inf
    if rank == 0:
        message = translate(
            "decomp", "A is the zero matrix: every vector goes to 0, all singular values are 0 and A⁺ = 0."
        )
    elif rank < n:
        text = (
            translate("decomp", "A is singular (rank {0} of {1}): the circle is flattened, the condition number is "
                      "infinite and A has no inverse — the pseudo-inverse A⁺ still exists.")
            if n == 2
            else translate("decomp", "A is singular (rank {0} of {1}): the sphere is flattened, the condition number "
                           "is infinite and A has no inverse — the pseudo-inverse A⁺ still exists.")
        )  # fmt: skip
        message = text.format(rank, n)
    elif cond > 1e8:
        digits = f"{np.log10(cond):.0f}"
        message = translate(
            "decomp", "A is nearly singular: condition number {0}, so solving with A loses about {1} digits."
        ).format(number(cond, 3), digits)
    else:
        message = ""
    pinv = (vt[:rank].T / s[:rank]) @ u[:, :rank].T  # A⁺ = V Σ⁺ Uᵀ, inverting only the non-zero singular values
    return SvdFacts(u=u, s=s, vt=vt, rank=rank, cond=cond, pinv=pinv, det=float(np.linalg.det(A)), message=message)
