"""Two-class 2-D data sets for the Network lab: seeded generators, checks and a stratified split."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.datasets import DataError, read_csv_table

GENERATED = ("blobs", "xor", "circles", "moons", "spiral")
DATASETS = (*GENERATED, "custom")
MAX_POINTS = 10_000


class NetworkError(ValueError):
    """A network, data set or training request the Network lab cannot honour; the message says why."""


@dataclass(frozen=True)
class DataSplit:
    """Train and test points (x in columns 0-1) with 0/1 labels, as float64 arrays."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def _rng(seed: int, salt: int) -> np.random.Generator:
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, salt])


def _balanced_labels(n: int) -> np.ndarray:
    """Half zeros then half ones (the odd point goes to class 1)."""
    y = np.zeros(n)
    y[n // 2 :] = 1.0
    return y


def _blobs(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    y = _balanced_labels(n)
    centres = np.where(y[:, None] > 0.5, 1.0, -1.0) * np.array([1.0, 1.0])
    return centres + rng.normal(0.0, 0.25 + noise, size=(n, 2)), y


def _xor(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    y = _balanced_labels(n)
    size = rng.uniform(0.15, 2.15, size=(n, 2))  # a margin around the axes, as the Playground keeps
    sx = rng.choice([-1.0, 1.0], size=n)
    sy = np.where(y > 0.5, sx, -sx)  # class 1 where x and y share a sign
    pts = size * np.column_stack([sx, sy])
    return pts + rng.normal(0.0, 0.5 * noise, size=(n, 2)), y


def _circles(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    y = _balanced_labels(n)
    r = np.where(y > 0.5, rng.uniform(0.0, 0.9, n), rng.uniform(1.4, 2.1, n))
    t = rng.uniform(0.0, 2 * np.pi, n)
    pts = np.column_stack([r * np.cos(t), r * np.sin(t)])
    return pts + rng.normal(0.0, 0.5 * noise, size=(n, 2)), y


def _moons(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    y = _balanced_labels(n)
    t = rng.uniform(0.0, np.pi, n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    pts = np.where(y[:, None] > 0.5, lower, upper)
    pts = (pts - np.array([0.5, 0.25])) * 1.6
    return pts + rng.normal(0.0, 0.5 * noise, size=(n, 2)), y


def _spiral(n: int, noise: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    y = _balanced_labels(n)
    s = rng.uniform(0.0, 1.0, n)
    r = 0.1 + 2.0 * s
    t = 1.75 * 2 * np.pi * s + np.pi * y
    pts = np.column_stack([r * np.sin(t), r * np.cos(t)])
    return pts + rng.normal(0.0, 0.3 * noise, size=(n, 2)), y


_GENERATORS = {"blobs": _blobs, "xor": _xor, "circles": _circles, "moons": _moons, "spiral": _spiral}


def generate(name: str, n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Draw a seeded two-class data set.

    Parameters
    ----------
    name : str
        One of ``GENERATED``: "blobs", "xor", "circles", "moons", "spiral".
    n : int
        Number of points, 2 to ``MAX_POINTS``.
    noise : float
        Noise level in [0, 1]; 0 gives the clean shape.
    seed : int
        Seed of the random generator: the same seed gives the same points.

    Returns
    -------
    (x, y) : tuple of ndarray
        Points of shape (n, 2) and labels 0.0/1.0 of shape (n,).
    """
    if name not in _GENERATORS:
        raise NetworkError(f"unknown data set {name!r}: choose one of {', '.join(GENERATED)}")
    n = int(n)
    if n < 2:
        raise NetworkError(f"a data set needs at least 2 points (one per class), got {n}")
    if n > MAX_POINTS:
        raise NetworkError(f"{n} points is too many: the lab trains live on at most {MAX_POINTS} points")
    if not (np.isfinite(noise) and 0.0 <= noise <= 1.0):
        raise NetworkError(f"noise must be between 0 and 1, got {noise}")
    index = GENERATED.index(name)
    return _GENERATORS[name](n, float(noise), _rng(seed, index))


def check_points(x: np.ndarray, y: np.ndarray) -> None:
    """Raise NetworkError when points cannot train a two-class classifier.

    Parameters
    ----------
    x : ndarray
        Points, shape (n, 2).
    y : ndarray
        Labels, shape (n,), each 0 or 1.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = len(x)
    if n == 0:
        raise NetworkError("there are no data points: pick a data set or click on the plane to place points")
    if x.ndim != 2 or x.shape[1] != 2 or y.shape != (n,):
        raise NetworkError(f"points must be n rows of (x, y, class); got shapes {x.shape} and {y.shape}")
    if n > MAX_POINTS:
        raise NetworkError(f"{n} points is too many: the lab trains live on at most {MAX_POINTS} points")
    bad = np.flatnonzero(~np.isfinite(x).all(axis=1))
    if bad.size:
        raise NetworkError(f"point {bad[0] + 1} has a missing or non-finite coordinate (NaN or inf): fix or remove it")
    wrong = np.flatnonzero((y != 0) & (y != 1))
    if wrong.size:
        raise NetworkError(f"point {wrong[0] + 1} has class {y[wrong[0]]:g}: classes must be 0 or 1")
    counts = int((y == 0).sum()), int((y == 1).sum())
    for cls, other in ((0, 1), (1, 0)):
        if counts[other] == 0:
            raise NetworkError(
                f"all {n} points are class {cls}: a classifier needs both classes; "
                f"add a point of class {other} (right-click on the plane)"
            )
    order = np.lexsort((x[:, 1], x[:, 0]))
    xs, ys = x[order], y[order]
    same = np.flatnonzero((xs[1:] == xs[:-1]).all(axis=1) & (ys[1:] != ys[:-1]))
    if same.size:
        i, j = sorted((int(order[same[0]]), int(order[same[0] + 1])))
        px, py = x[i]
        raise NetworkError(
            f"points {i + 1} and {j + 1} sit at the same place ({px:g}, {py:g}) with different classes: "
            "no network can separate them; move or delete one"
        )


def stratified_split(x: np.ndarray, y: np.ndarray, test_fraction: float, seed: int) -> DataSplit:
    """Split points into train and test sets keeping the class balance, reproducibly.

    Parameters
    ----------
    x, y : ndarray
        Points (n, 2) and 0/1 labels (n,), already checked with ``check_points``.
    test_fraction : float
        Share of each class held out for testing, in [0, 0.9]; every class keeps at least one training point.
    seed : int
        Seed of the shuffle.

    Returns
    -------
    DataSplit
        The four arrays, each in a seeded random order.
    """
    if not (0.0 <= test_fraction <= 0.9):
        raise NetworkError(f"test fraction must be between 0 and 0.9, got {test_fraction}")
    rng = _rng(seed, 99)
    train_idx, test_idx = [], []
    for cls in (0.0, 1.0):
        idx = rng.permutation(np.flatnonzero(y == cls))
        k = min(int(round(len(idx) * test_fraction)), len(idx) - 1)
        test_idx.append(idx[:k])
        train_idx.append(idx[k:])
    tr = rng.permutation(np.concatenate(train_idx))
    te = rng.permutation(np.concatenate(test_idx))
    x = np.ascontiguousarray(x, dtype=float)
    y = np.ascontiguousarray(y, dtype=float)
    return DataSplit(x[tr], y[tr], x[te], y[te])


def points_array(points: tuple[tuple[float, float, int], ...]) -> tuple[np.ndarray, np.ndarray]:
    """Turn (x, y, class) tuples into a (n, 2) array of points and an (n,) array of labels."""
    if not points:
        return np.zeros((0, 2)), np.zeros(0)
    arr = np.asarray(points, dtype=float)
    if arr.ndim != 2 or arr.shape[1] != 3:
        raise NetworkError("hand-placed points must be (x, y, class) triples")
    return arr[:, :2].copy(), arr[:, 2].copy()


LABEL_COLUMNS = ("class", "label", "target", "y_class", "category")


def read_points_csv(path_or_text: str | bytes) -> tuple[tuple[tuple[float, float, int], ...], str]:
    """Read two-class points from a CSV: two numeric coordinate columns and a class column.

    Parameters
    ----------
    path_or_text : str or bytes
        A file path or CSV text, read by ``engine.datasets.read_csv_table`` (the app's one CSV reader). The class
        column is the one named class/label/target, else the last column; x and y are the first two other columns.
        The class column may hold any two distinct values (0/1, "cat"/"dog"): they become classes 0 and 1 in
        sorted order.

    Returns
    -------
    (points, note) : tuple
        ``(x, y, class)`` triples for ``NetworkState.points`` and a sentence saying which columns were used.
    """
    try:
        table = read_csv_table(path_or_text)
        if len(table.header) < 3:
            raise NetworkError(
                f"the CSV has {len(table.header)} column(s); it needs x, y and a class column (3 columns)"
            )
        if table.n_rows > MAX_POINTS:
            raise NetworkError(f"the CSV has {table.n_rows} rows: the lab trains live on at most {MAX_POINTS} points")
        lower = [h.strip().lower() for h in table.header]
        label_j = next((lower.index(n) for n in LABEL_COLUMNS if n in lower), len(lower) - 1)
        others = [j for j in range(len(lower)) if j != label_j][:2]
        x = np.column_stack([table.column(j) for j in others])
    except DataError as exc:
        raise NetworkError(str(exc)) from None
    first_row = 2 if table.has_header else 1
    cells = [r[label_j].strip() if label_j < len(r) else "" for r in table.rows]
    for i, c in enumerate(cells):
        if c.lower() in ("", "na", "n/a", "nan", "null", "none", "?"):
            raise NetworkError(f"row {i + first_row}, column {table.header[label_j]!r}: the class is missing")
    values = sorted(set(cells), key=lambda c: (0, float(c), c) if _is_float(c) else (1, 0.0, c))
    if len(values) > 2:
        shown = ", ".join(values[:4]) + (", …" if len(values) > 4 else "")
        raise NetworkError(
            f"column {table.header[label_j]!r} has {len(values)} different classes ({shown}): "
            "the lab separates exactly two"
        )
    y = np.array([values.index(c) for c in cells], dtype=float)
    check_points(x, y)
    note = (
        f"x = {table.header[others[0]]!r}, y = {table.header[others[1]]!r}, class = {table.header[label_j]!r} "
        f"({values[0]} → blue 0, {values[-1]} → orange 1)"
    )
    points = tuple((float(a), float(b), int(c)) for (a, b), c in zip(x, y, strict=True))
    return points, note


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
