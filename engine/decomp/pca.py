"""Principal component analysis by the SVD of the centred (optionally standardised) data matrix."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from engine.datasets import CsvTable, DataError, read_csv_table
from engine.i18n import translate
from engine.resources import resource_path

__all__ = ["PcaData", "PcaResult", "PCA_DATASETS", "pca", "reconstruct", "load_pca_dataset", "pca_data_from_table"]

PCA_DATASETS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "penguins": ("penguins.csv", ("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"), "species"),
    "iris": ("iris.csv", ("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"), "species"),
}
"""Bundled data sets for PCA: file in resources/datasets, the measurement columns, the column that labels each row."""


@dataclass(frozen=True)
class PcaData:
    """A numeric data matrix (rows with a missing value dropped) with its column names and row labels."""

    x: np.ndarray
    columns: tuple[str, ...]
    labels: tuple[str, ...]
    dropped: int


@dataclass(frozen=True)
class PcaResult:
    """Components (rows, unit length), variances, scores, loadings and the scaling used."""

    mean: np.ndarray
    scale: np.ndarray
    components: np.ndarray
    explained_variance: np.ndarray
    explained_ratio: np.ndarray
    scores: np.ndarray
    loadings: np.ndarray
    """components scaled by √(variance): in a standardised PCA, the correlations of the variables with the PCs."""
    message: str


def pca_data_from_table(table: CsvTable, columns: tuple[str, ...] | None = None, label: str | None = None) -> PcaData:
    """The numeric columns of a CSV table as a matrix; rows with any missing cell are dropped (and counted).

    Raises DataError naming the problem when fewer than two numeric columns or two complete rows remain.
    """
    names = tuple(columns) if columns is not None else tuple(table.numeric_columns())
    if len(names) < 2:
        raise DataError("PCA needs at least two numeric columns; this table has " + str(len(names)))
    idx = [table.column_index(c) for c in names]
    lab = table.column_index(label) if label is not None else None
    rows, labels, dropped = [], [], 0
    for r in table.rows:
        cells = [r[j].strip() if j < len(r) else "" for j in idx]
        try:
            values = [float(c) for c in cells]
        except ValueError:
            dropped += 1
            continue
        if not np.all(np.isfinite(values)):
            dropped += 1
            continue
        rows.append(values)
        labels.append(r[lab] if lab is not None and lab < len(r) else "")
    if len(rows) < 2:
        raise DataError(f"PCA needs at least two complete rows; {len(rows)} remain after dropping missing values")
    return PcaData(np.asarray(rows), names, tuple(labels), dropped)


@functools.lru_cache(maxsize=8)
def load_pca_dataset(name: str) -> PcaData:
    """A bundled data set (``"penguins"`` or ``"iris"``) as a PCA data matrix (read once per run)."""
    if name not in PCA_DATASETS:
        raise DataError(f"no bundled PCA data set {name!r}; choose one of {', '.join(PCA_DATASETS)}")
    filename, columns, label = PCA_DATASETS[name]
    return pca_data_from_table(read_csv_table(resource_path(f"datasets/{filename}")), columns, label)


def pca(x: np.ndarray, standardise: bool = True) -> PcaResult:
    """PCA of the n × p matrix ``x`` (a nested list or an array).

    >>> from engine import decomp
    >>> r = decomp.pca([[1, 2], [2, 3.5], [3, 5.9], [4, 8.1]])
    >>> r.explained_ratio.round(4).tolist()
    [0.9979, 0.0021]

    Parameters
    ----------
    x : numpy.ndarray
        Data, one row per observation (n ≥ 2).
    standardise : bool
        Divide each column by its standard deviation first (PCA of the correlation matrix); otherwise a column
        measured in big units (grams) dominates.

    Returns
    -------
    PcaResult
        Components as rows with the largest-magnitude entry positive (sklearn's sign rule is the same up to sign).
    """
    x = np.asarray(x, dtype=float)
    n = x.shape[0]
    mean = x.mean(axis=0)
    scale = np.ones(x.shape[1])
    message = ""
    if standardise:
        sd = x.std(axis=0, ddof=1)
        constant = sd == 0
        if constant.any():
            message = "A column is constant (no spread): it is left unscaled and adds no variance."
        scale = np.where(constant, 1.0, sd)
    z = (x - mean) / scale
    _u, s, vt = np.linalg.svd(z, full_matrices=False)
    for i in range(len(vt)):
        if vt[i, np.argmax(np.abs(vt[i]))] < 0:
            vt[i] *= -1
    var = s**2 / (n - 1)
    total = var.sum()
    ratio = var / total if total > 0 else np.zeros_like(var)
    if total == 0:
        message = translate("decomp", "Every row is the same: there is no variance to explain.")
    return PcaResult(mean=mean, scale=scale, components=vt, explained_variance=var, explained_ratio=ratio,
                     scores=z @ vt.T, loadings=vt.T * np.sqrt(var), message=message)  # fmt: skip


def reconstruct(result: PcaResult, row: int, k: int) -> np.ndarray:
    """Row ``row`` of the data rebuilt from its first ``k`` principal component scores (in the original units)."""
    z = result.scores[row, :k] @ result.components[:k]
    return result.mean + z * result.scale
