"""The Decompositions lab's saved state and its cross-field rules."""

from __future__ import annotations

from dataclasses import dataclass

from engine.decomp.lowrank import IMAGES
from engine.decomp.pca import PCA_DATASETS, load_pca_dataset
from engine.schema import SchemaError, spec

__all__ = ["TABS", "MAX_POINTS", "MAX_NODES", "DEFAULT_POINTS", "DEFAULT_NODES", "DEFAULT_EDGES", "DecompositionsState"]

TABS = ("least_squares", "svd", "pca", "lowrank", "markov", "cube")
MAX_POINTS = 40
MAX_NODES = 8
DEFAULT_POINTS = ((-3.0, -2.0), (-2.0, -1.0), (-1.0, 0.5), (0.0, 0.0), (1.0, 1.5), (2.0, 1.5), (3.0, 3.0))
DEFAULT_NODES = ((0.0, 2.0), (2.0, 0.5), (1.2, -2.0), (-1.2, -2.0), (-2.0, 0.5))
DEFAULT_EDGES = ((0, 1), (1, 2), (2, 0), (3, 0), (4, 0), (0, 4), (2, 3))


@dataclass(frozen=True)
class DecompositionsState:
    """Everything a user can set in the Decompositions lab (one section per tab)."""

    tab: str = spec("least_squares", choices=TABS)
    points: tuple[tuple[float, float], ...] = spec(DEFAULT_POINTS, lo=-100.0, hi=100.0, step=0.5, max_len=MAX_POINTS)
    degree: int = spec(1, lo=0, hi=3, step=1, integer=True, label="degree")
    svd_size: int = spec(2, lo=2, hi=3, step=1, integer=True, choices=(2, 3), label="size")
    svd_matrix: tuple[tuple[float, float, float], tuple[float, float, float], tuple[float, float, float]] = spec(
        ((2.0, 1.0, 0.0), (1.0, 2.0, 0.0), (0.0, 0.0, 1.0)), lo=-1e3, hi=1e3
    )
    pca_dataset: str = spec("penguins", choices=tuple(PCA_DATASETS))
    pca_standardise: bool = spec(True)
    pca_k: int = spec(2, lo=1, hi=4, step=1, integer=True, label="k")
    pca_row: int = spec(0, lo=0, hi=9999, step=1, integer=True, label="row")
    image: str = spec("hills", choices=tuple(IMAGES))
    rank_k: int = spec(20, lo=1, hi=1024, step=1, integer=True, soft_hi=512, label="k")
    nodes: tuple[tuple[float, float], ...] = spec(DEFAULT_NODES, lo=-10.0, hi=10.0, max_len=MAX_NODES)
    edges: tuple[tuple[int, int], ...] = spec(DEFAULT_EDGES, lo=0, hi=MAX_NODES - 1, max_len=MAX_NODES * MAX_NODES)
    damping: float = spec(0.85, lo=0.0, hi=1.0, step=0.01, decimals=2, label="d")
    power_steps: int = spec(5, lo=0, hi=100, step=1, integer=True, label="steps")
    walk_steps: int = spec(1000, lo=0, hi=100_000, step=100, integer=True, soft_hi=20_000, label="walk")
    seed: int = spec(1, lo=0, hi=2**31 - 1, integer=True)
    azimuth: float = spec(-60.0, lo=-180.0, hi=180.0, step=1.0, decimals=0, unit="°", label="turn")
    elevation: float = spec(25.0, lo=-90.0, hi=90.0, step=1.0, decimals=0, unit="°", label="tilt")

    def validate(self) -> None:
        """Cross-field rules: at least one node, edges between existing nodes, a PCA row that exists."""
        if not self.nodes:
            raise SchemaError("nodes", "must hold at least one node")
        for k, (i, j) in enumerate(self.edges):
            if i >= len(self.nodes) or j >= len(self.nodes):
                raise SchemaError(f"edges[{k}]", f"joins node {max(i, j)}, but there are only {len(self.nodes)} nodes")
        n = len(load_pca_dataset(self.pca_dataset).x)
        if self.pca_row >= n:
            raise SchemaError("pca_row", f"must be below {n} (the rows of {self.pca_dataset}), got {self.pca_row}")
