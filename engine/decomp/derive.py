"""derive(state): everything the Decompositions lab draws, and metrics(state): the numbers lesson goals test."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from engine.decomp.cube import CubeAction, cube_action, project
from engine.decomp.lab import DecompositionsState
from engine.decomp.least_squares import LeastSquaresFit, fit_polynomial
from engine.decomp.lowrank import bundled_svd, low_rank
from engine.decomp.markov import MarkovResult, pagerank
from engine.decomp.pca import PcaData, PcaResult, load_pca_dataset, pca, reconstruct
from engine.decomp.svd import SvdFacts, svd_facts, unit_circle

__all__ = ["DecompositionsResults", "derive", "metrics", "pca_view", "svd_matrix_of", "fit_curve"]


@dataclass(frozen=True)
class DecompositionsResults:
    """The derived numbers of every tab (the low-rank image is derived by the gui's own cached job, not here)."""

    fit: LeastSquaresFit
    curve: tuple[np.ndarray, np.ndarray]
    svd: SvdFacts
    circle: np.ndarray
    ellipse: np.ndarray
    """A times the unit circle (for 3×3: the circle in the x–y plane, its image seen from above)."""
    pca_data: PcaData
    pca: PcaResult
    reconstruction: np.ndarray
    markov: MarkovResult
    cube: CubeAction
    """The full 3×3 matrix on the unit cube (the 3-D tab)."""
    cube_2d: tuple[np.ndarray, np.ndarray]
    """The cube's vertices and their images, projected for the current turn and tilt (8 × 2 each)."""
    axes_2d: np.ndarray
    """The ends of the x, y, z axes (length 1.5), projected (3 × 2)."""
    eigen_2d: tuple[tuple[float, np.ndarray], ...]
    """(λ, projected end of 2v) for each real eigenvector."""


def svd_matrix_of(state: DecompositionsState) -> np.ndarray:
    """The matrix the SVD tab decomposes: the top-left 2×2 block or the whole 3×3."""
    n = state.svd_size
    return np.array(state.svd_matrix, dtype=float)[:n, :n]


def fit_curve(fit: LeastSquaresFit, x0: float = -6.0, x1: float = 6.0, n: int = 121) -> tuple[np.ndarray, np.ndarray]:
    """Points of the fitted polynomial on [x0, x1], for drawing."""
    x = np.linspace(x0, x1, n)
    return x, np.polynomial.polynomial.polyval(x, fit.coef)


def _lift(circle: np.ndarray, n: int) -> np.ndarray:
    """The unit circle of the x–y plane as points of Rⁿ (zero in the other coordinates)."""
    return np.vstack([circle, np.zeros((n - 2, circle.shape[1]))])


def pca_view(data: PcaData, state: DecompositionsState) -> tuple[PcaResult, np.ndarray]:
    """PCA of ``data`` with the state's scaling, and its row ``pca_row`` (clamped) rebuilt from ``pca_k`` components.

    The gui calls it for a user's own CSV, which is not part of the saved state.
    """
    result = pca(data.x, state.pca_standardise)
    row = min(state.pca_row, len(data.x) - 1)
    return result, reconstruct(result, row, min(state.pca_k, data.x.shape[1]))


@functools.lru_cache(maxsize=8)
def _pca_part(dataset: str, standardise: bool, row: int, k: int) -> tuple[PcaData, PcaResult, np.ndarray]:
    data = load_pca_dataset(dataset)
    result = pca(data.x, standardise)
    return data, result, reconstruct(result, min(row, len(data.x) - 1), min(k, data.x.shape[1]))


@functools.lru_cache(maxsize=8)
def _svd_part(matrix: tuple, size: int) -> tuple[SvdFacts, np.ndarray, np.ndarray, CubeAction]:
    a = np.array(matrix, dtype=float)[:size, :size]
    circle = unit_circle()
    return svd_facts(a), circle, (a @ _lift(circle, len(a)))[:2], cube_action(np.array(matrix, dtype=float))


@functools.lru_cache(maxsize=8)
def _cube_view(
    matrix: tuple, size: int, azimuth: float, elevation: float
) -> tuple[tuple[np.ndarray, np.ndarray], np.ndarray, tuple[tuple[float, np.ndarray], ...]]:
    """The cube, its image, the axes and the eigenvectors projected for one view (a drag elsewhere keeps them)."""
    cube = _svd_part(matrix, size)[3]

    def view(points: np.ndarray) -> np.ndarray:
        return project(points, azimuth, elevation)

    eigen = tuple((lam, view(2.0 * v)[0]) for lam, v in cube.eigenvectors)
    return (view(cube.vertices), view(cube.images)), view(1.5 * np.eye(3)), eigen


@functools.lru_cache(maxsize=8)
def _markov_part(n: int, edges: tuple, damping: float, steps: int) -> MarkovResult:
    return pagerank(n, edges, damping, steps)


def derive(state: DecompositionsState) -> DecompositionsResults:
    """Fit, SVD, PCA and PageRank of ``state`` (each well under a frame for the sizes the state allows).

    The parts a drag on one tab leaves alone (a least-squares point moves: PCA, SVD, PageRank, the projected cube
    stay) come from small caches keyed on the fields they read, so a drag recomputes only its own tab's maths.
    """
    fit = fit_polynomial(np.array(state.points, dtype=float).reshape(-1, 2), state.degree)
    matrix = tuple(map(tuple, state.svd_matrix))
    svd, circle, ellipse, cube = _svd_part(matrix, state.svd_size)
    data, result, rebuilt = _pca_part(state.pca_dataset, state.pca_standardise, state.pca_row, state.pca_k)
    cube_2d, axes_2d, eigen_2d = _cube_view(matrix, state.svd_size, state.azimuth, state.elevation)
    edges = tuple((i, j) for i, j in state.edges if i < len(state.nodes) and j < len(state.nodes))
    return DecompositionsResults(
        fit=fit, curve=fit_curve(fit), svd=svd, circle=circle, ellipse=ellipse,
        pca_data=data, pca=result, reconstruction=rebuilt,
        markov=_markov_part(len(state.nodes), edges, state.damping, state.power_steps),
        cube=cube, cube_2d=cube_2d, axes_2d=axes_2d, eigen_2d=eigen_2d,
    )  # fmt: skip


def metrics(state: DecompositionsState) -> dict[str, float | bool | str]:
    """Named numbers of a Decompositions state.

    Least squares: ``ls_n``, ``ls_intercept``, ``ls_slope`` (0 for degree 0), ``ls_rss``, ``ls_max_leverage``,
    ``ls_rank``, ``ls_unique``. SVD: ``svd_sigma1`` ≥ ``svd_sigma2`` (≥ ``svd_sigma3`` for 3×3, else 0),
    ``svd_rank``, ``svd_cond`` (inf when singular), ``svd_det``. PCA: ``pca_ratio1``, ``pca_ratio2``,
    ``pca_cumulative`` (first ``pca_k`` components), ``pca_recon_error`` (distance of row ``pca_row`` from its rank-k
    reconstruction, in the units PCA works in). Low rank (bundled image): ``lowrank_k``, ``lowrank_rel_error``,
    ``lowrank_storage_ratio``. Markov: ``markov_n``, ``markov_top`` (node with the largest π), ``markov_top_rank``,
    ``markov_damping``, ``markov_power_error`` (‖π_steps − π‖₁). 3-D (the full 3×3 ``svd_matrix``): ``cube_det``
    (signed volume of the image of the unit cube), ``cube_rank``, ``cube_real_eigen`` (number of real eigenvalues).
    """
    r = derive(state)
    out: dict[str, float | bool | str] = {}
    fit = r.fit
    out["ls_n"] = float(len(state.points))
    out["ls_intercept"] = float(fit.coef[0])
    out["ls_slope"] = float(fit.coef[1]) if len(fit.coef) > 1 else 0.0
    out["ls_rss"] = fit.rss
    out["ls_max_leverage"] = float(fit.leverage.max()) if len(fit.leverage) else 0.0
    out["ls_rank"] = float(fit.rank)
    out["ls_unique"] = fit.rank == state.degree + 1
    s = r.svd.s
    out["svd_sigma1"], out["svd_sigma2"] = float(s[0]), float(s[1])
    out["svd_sigma3"] = float(s[2]) if len(s) > 2 else 0.0
    out["svd_rank"] = float(r.svd.rank)
    out["svd_cond"] = r.svd.cond
    out["svd_det"] = r.svd.det
    ratio = r.pca.explained_ratio
    out["pca_ratio1"], out["pca_ratio2"] = float(ratio[0]), float(ratio[1])
    out["pca_cumulative"] = float(ratio[: state.pca_k].sum())
    row = min(state.pca_row, len(r.pca_data.x) - 1)
    out["pca_recon_error"] = float(np.linalg.norm((r.pca_data.x[row] - r.reconstruction) / r.pca.scale))
    lr = low_rank(bundled_svd(state.image), state.rank_k)
    out["lowrank_k"] = float(lr.k)
    out["lowrank_rel_error"] = lr.relative_error
    out["lowrank_storage_ratio"] = lr.storage_ratio
    pi = r.markov.stationary
    out["markov_n"] = float(len(pi))
    out["markov_top"] = float(np.argmax(pi))
    out["markov_top_rank"] = float(pi.max())
    out["markov_damping"] = state.damping
    out["markov_power_error"] = float(r.markov.power_error[-1])
    out["cube_det"] = r.cube.det
    out["cube_rank"] = float(r.cube.rank)
    out["cube_real_eigen"] = float(len(r.cube.eigenvectors))
    return out
