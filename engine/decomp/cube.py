"""A 3×3 matrix acting on the unit cube: signed volume, invariant lines, flattening; drawn by a simple projection."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.i18n import translate

__all__ = ["CubeAction", "CUBE_EDGES", "cube_action", "project"]

CUBE_VERTICES = np.array([[x, y, z] for x in (0.0, 1.0) for y in (0.0, 1.0) for z in (0.0, 1.0)])
CUBE_EDGES = tuple((i, j) for i in range(8) for j in range(i + 1, 8) if bin(i ^ j).count("1") == 1)
"""The 12 edges of the cube, as pairs of vertex indices (vertices differ in one coordinate)."""


@dataclass(frozen=True)
class CubeAction:
    """The cube before and after A, with what a student reads off the picture."""

    vertices: np.ndarray
    images: np.ndarray
    det: float
    """Signed volume of the image of the unit cube (negative: orientation flipped)."""
    rank: int
    eigenvectors: tuple[tuple[float, np.ndarray], ...]
    """(λ, unit v) for each real eigenvalue: the lines through 0 that A maps onto themselves."""
    message: str


def cube_action(matrix: np.ndarray) -> CubeAction:
    """Where A sends the unit cube, its signed volume det A, its rank and its real eigenvectors.

    Parameters
    ----------
    matrix : numpy.ndarray
        A finite 3 × 3 matrix.

    Returns
    -------
    CubeAction
        Vertices (8 × 3) and their images, det, rank, real eigen-pairs and a sentence for the flat cases.
    """
    a = np.asarray(matrix, dtype=float)
    images = CUBE_VERTICES @ a.T
    s = np.linalg.svd(a, compute_uv=False)
    rank = int(np.sum(s > 3 * np.finfo(float).eps * (s[0] if s[0] > 0 else 1.0)))
    det = float(np.linalg.det(a)) if rank == 3 else 0.0
    vals, vecs = np.linalg.eig(a)
    pairs = []
    for lam, v in zip(vals, vecs.T, strict=True):
        if abs(lam.imag) <= 1e-12 * max(1.0, abs(lam)):
            w = np.real(v)
            w = w / np.linalg.norm(w)
            if w[np.argmax(np.abs(w))] < 0:
                w = -w
            pairs.append((float(lam.real), w))
    messages = {
        0: translate("decomp", "A is the zero matrix: the whole cube collapses to the origin."),
        1: translate("decomp", "Rank 1: the cube is squashed onto a line; its volume det A is 0."),
        2: translate(
            "decomp", "Rank 2: the cube is flattened into a plane; its volume det A is 0 and A has no inverse."
        ),
    }
    flipped = translate("decomp", "Negative determinant: the cube is turned inside out (orientation flipped).")
    message = messages.get(rank, flipped if det < 0 else "")
    return CubeAction(CUBE_VERTICES, images, det, rank, tuple(pairs), message)


def project(points: np.ndarray, azimuth_deg: float, elevation_deg: float) -> np.ndarray:
    """Orthographic view of 3-D points from the given azimuth (about z) and elevation: an n × 2 array."""
    az, el = np.radians(azimuth_deg), np.radians(elevation_deg)
    right = np.array([np.cos(az), np.sin(az), 0.0])
    toward = np.array([-np.sin(az) * np.cos(el), np.cos(az) * np.cos(el), np.sin(el)])
    up = np.cross(toward, right)
    up = -up if up[2] < 0 else up
    pts = np.asarray(points, dtype=float).reshape(-1, 3)
    return np.column_stack([pts @ right, pts @ up])
