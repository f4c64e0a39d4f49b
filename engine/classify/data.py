"""The classifier lab's data: Palmer penguins (two species, one or two measurements), two Gaussian blobs, a user CSV.

Every source gives a :class:`ClassData`: features X (n × 1 or n × 2), 0/1 labels, names, and how many rows with a
missing value were left out (shown to the user, never dropped silently).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from engine.datasets import CsvTable, DataError, read_csv_table
from engine.i18n import QT_TRANSLATE_NOOP, translate
from engine.resources import resource_path

__all__ = [
    "SPECIES",
    "FEATURES",
    "FEATURE_TITLES",
    "feature_title",
    "ClassData",
    "ClassifierError",
    "penguin_data",
    "blob_data",
    "csv_class_data",
]

SPECIES = ("Adelie", "Chinstrap", "Gentoo")
FEATURES = ("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g")
FEATURE_TITLES = {
    "bill_length_mm": QT_TRANSLATE_NOOP("classify", "bill length (mm)"),
    "bill_depth_mm": QT_TRANSLATE_NOOP("classify", "bill depth (mm)"),
    "flipper_length_mm": QT_TRANSLATE_NOOP("classify", "flipper length (mm)"),
    "body_mass_g": QT_TRANSLATE_NOOP("classify", "body mass (g)"),
}


def feature_title(name: str) -> str:
    """A penguin measurement's title in the current language (the column name itself for a user's CSV)."""
    return translate("classify", FEATURE_TITLES[name]) if name in FEATURE_TITLES else name


MAX_ROWS = 20_000
MISSING = ("", "na", "n/a", "nan", "null")


class ClassifierError(ValueError):
    """The chosen data cannot be used for a classifier; the message says why and what to change."""


@dataclass(frozen=True)
class ClassData:
    """Features, 0/1 labels, feature names, class names (negative, positive), rows left out for a missing value."""

    X: np.ndarray
    y: np.ndarray
    names: tuple[str, ...]
    classes: tuple[str, str]
    dropped: int = 0


@lru_cache(maxsize=1)
def _penguins() -> CsvTable:
    return read_csv_table(resource_path("datasets/penguins.csv"))


def penguin_data(positive: str, negative: str, features: tuple[str, ...]) -> ClassData:
    """Rows of the two species with every chosen measurement present; ``positive`` is labelled 1.

    Parameters
    ----------
    positive, negative : species names from :data:`SPECIES` (different).
    features : one or two names from :data:`FEATURES`.
    """
    if positive == negative:
        raise ClassifierError(f"the positive and the negative class are both {positive}; choose two species")
    table = _penguins()
    species = table.header.index("species")
    cols = [table.header.index(f) for f in features]
    X, y, dropped = [], [], 0
    for row in table.rows:
        if row[species] not in (positive, negative):
            continue
        cells = [row[j].strip() for j in cols]
        if any(c.upper() in ("NA", "") for c in cells):
            dropped += 1
            continue
        X.append([float(c) for c in cells])
        y.append(1.0 if row[species] == positive else 0.0)
    return ClassData(np.array(X), np.array(y), tuple(features), (negative, positive), dropped)


def blob_data(separation: float, n: int, seed: int, two_features: bool = True) -> ClassData:
    """Two round Gaussian blobs (σ = 1) whose centres are ``separation`` apart along x; n/2 points each."""
    rng = np.random.default_rng(seed)
    n0 = n // 2
    n1 = n - n0
    d = 2 if two_features else 1
    centre = np.zeros(d)
    centre[0] = separation / 2
    X = np.vstack([rng.normal(size=(n0, 2))[:, :d] - centre, rng.normal(size=(n1, 2))[:, :d] + centre])
    y = np.r_[np.zeros(n0), np.ones(n1)]
    return ClassData(X, y, ("x₁", "x₂")[:d], ("class 0", "class 1"))


def csv_class_data(table: CsvTable, features: tuple[str, ...], label: str) -> ClassData:
    """Features and labels from a user's CSV (read by the one CSV reader); rows with a missing cell are left out.

    The label column must hold exactly two distinct values; the one that sorts last is the positive class.
    """
    if len(features) not in (1, 2) or len(set(features)) != len(features):
        raise ClassifierError("choose one or two different feature columns")
    if label in features:
        raise ClassifierError(f"{label!r} cannot be both a feature and the label")
    try:
        cols = [table.column_index(f) for f in features]
        lab = table.column_index(label)
    except DataError as exc:
        raise ClassifierError(str(exc)) from None
    first = 2 if table.has_header else 1
    X, labels, dropped = [], [], 0
    for i, row in enumerate(table.rows):
        cells = [row[j].strip() if j < len(row) else "" for j in cols]
        tag = row[lab].strip() if lab < len(row) else ""
        if tag.lower() in ("", "na", "n/a", "nan", "null") or any(
            c.lower() in ("", "na", "n/a", "null") for c in cells
        ):
            dropped += 1
            continue
        try:
            values = [float(c.replace(",", ".") if table.decimal_comma else c) for c in cells]
        except ValueError:
            raise ClassifierError(f"row {i + first}: a feature cell is not a number ({', '.join(cells)})") from None
        if not np.all(np.isfinite(values)):
            raise ClassifierError(f"row {i + first}: a feature is not a finite number")
        X.append(values)
        labels.append(tag)
    classes = sorted(set(labels))
    if len(classes) != 2:
        shown = ", ".join(map(repr, classes[:5]))
        raise ClassifierError(
            f"the label column {label!r} must hold exactly two values; it holds {len(classes)}: {shown}"
        )
    if len(X) > MAX_ROWS:
        raise ClassifierError(f"{len(X):,} rows; at most {MAX_ROWS:,} can be used")
    y = np.array([1.0 if t == classes[1] else 0.0 for t in labels])
    return ClassData(np.array(X, float), y, tuple(features), (classes[0], classes[1]), dropped)
