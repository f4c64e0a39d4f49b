"""Decompositions: least squares as projection, the SVD, PCA on real data, low-rank images and Markov chains.

The lab's state lives in :mod:`engine.decomp.lab`, its derive and metrics in :mod:`engine.decomp.derive`, the
"show the code" snippet in :mod:`engine.decomp.snippet`; the maths in one module per section.
"""

from engine.decomp.cube import CUBE_EDGES, CubeAction, cube_action, project
from engine.decomp.derive import DecompositionsResults, derive, fit_curve, metrics, pca_view, svd_matrix_of
from engine.decomp.lab import (
    DEFAULT_EDGES,
    DEFAULT_NODES,
    DEFAULT_POINTS,
    MAX_NODES,
    MAX_POINTS,
    TABS,
    DecompositionsState,
)
from engine.decomp.least_squares import LeastSquaresFit, design_matrix, fit_polynomial
from engine.decomp.lowrank import (
    IMAGES,
    ImageError,
    ImageSvd,
    LowRank,
    RankSteps,
    bundled_image,
    bundled_steps,
    bundled_svd,
    image_svd,
    low_rank,
    low_rank_summary,
    rank_image,
    rank_steps,
    read_pgm,
)
from engine.decomp.markov import MarkovResult, google_matrix, pagerank, transition_matrix, walk
from engine.decomp.pca import (
    PCA_DATASETS,
    PcaData,
    PcaResult,
    load_pca_dataset,
    pca,
    pca_data_from_table,
    reconstruct,
)
from engine.decomp.snippet import code
from engine.decomp.svd import SvdFacts, svd_facts, unit_circle

__all__ = [
    "DecompositionsState",
    "DecompositionsResults",
    "derive",
    "metrics",
    "code",
    "TABS",
    "MAX_POINTS",
    "MAX_NODES",
    "DEFAULT_POINTS",
    "DEFAULT_NODES",
    "DEFAULT_EDGES",
    "svd_matrix_of",
    "pca_view",
    "fit_curve",
    "LeastSquaresFit",
    "design_matrix",
    "fit_polynomial",
    "SvdFacts",
    "svd_facts",
    "unit_circle",
    "PCA_DATASETS",
    "PcaData",
    "PcaResult",
    "pca",
    "reconstruct",
    "load_pca_dataset",
    "pca_data_from_table",
    "IMAGES",
    "ImageError",
    "ImageSvd",
    "LowRank",
    "image_svd",
    "low_rank",
    "low_rank_summary",
    "RankSteps",
    "rank_steps",
    "rank_image",
    "read_pgm",
    "bundled_image",
    "bundled_svd",
    "bundled_steps",
    "MarkovResult",
    "transition_matrix",
    "google_matrix",
    "pagerank",
    "walk",
    "CUBE_EDGES",
    "CubeAction",
    "cube_action",
    "project",
]
