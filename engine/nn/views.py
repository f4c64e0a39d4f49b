"""What the Network lab draws: the probability map, the plane pushed through each layer, one point's backprop trace."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.i18n import translate
from engine.nn.data import NetworkError
from engine.nn.maths import ACTIVATIONS, Layout, activation_slope, forward, loss_slope, loss_value

PROJECTIONS = ("first2", "pca")


def probability_grid(
    params: np.ndarray,
    layout: Layout,
    activation: str,
    view: tuple[float, float, float, float],
    resolution: int = 64,
) -> np.ndarray:
    """P(class 1) sampled on a regular grid over the view, for the shaded decision map.

    Parameters
    ----------
    params, layout, activation
        The network.
    view : tuple of float
        (x_min, x_max, y_min, y_max) of the plane.
    resolution : int
        Samples per axis, 2 to 512; samples sit at cell centres.

    Returns
    -------
    ndarray
        Shape (resolution, resolution), indexed ``[ix, iy]`` (x first, as ``pg.ImageItem`` expects).
    """
    if not 2 <= resolution <= 512:
        raise NetworkError(f"grid resolution must be 2 to 512, got {resolution}")
    x0, x1, y0, y1 = view
    half_x, half_y = (x1 - x0) / (2 * resolution), (y1 - y0) / (2 * resolution)
    xs = np.linspace(x0 + half_x, x1 - half_x, resolution)
    ys = np.linspace(y0 + half_y, y1 - half_y, resolution)
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    pts = np.column_stack([gx.ravel(), gy.ravel()])
    return forward(params, layout, activation, pts)[1][-1][:, 0].reshape(resolution, resolution)


def boundary_segments(grid: np.ndarray, view: tuple[float, float, float, float], level: float = 0.5) -> np.ndarray:
    """Where a sampled map crosses ``level`` (the decision boundary p = 0.5), as line segments in plane coordinates.

    Marching squares, vectorised: each grid cell whose corners lie on both sides of ``level`` contributes one
    segment (two at a saddle, paired by the cell's mean), with ends placed by linear interpolation along the cell
    edges. It replaces a per-cell Python loop, so the boundary costs well under a millisecond per frame.

    Parameters
    ----------
    grid : ndarray
        Samples of shape (nx, ny) indexed ``[ix, iy]`` at cell centres of ``view``, as from ``probability_grid``.
    view : tuple of float
        (x_min, x_max, y_min, y_max) the grid covers.
    level : float
        The value whose level set is traced.

    Returns
    -------
    ndarray
        Shape (2 m, 2): rows 2k and 2k+1 are the ends of segment k (``connect="pairs"`` draws them); (0, 2) when the
        map never crosses ``level`` or holds non-finite values only.
    """
    g = np.asarray(grid, dtype=float)
    if g.ndim != 2 or min(g.shape) < 2:
        return np.zeros((0, 2))
    nx, ny = g.shape
    x0, x1, y0, y1 = view
    xs = x0 + (np.arange(nx) + 0.5) * (x1 - x0) / nx
    ys = y0 + (np.arange(ny) + 0.5) * (y1 - y0) / ny
    above = g >= level  # NaN counts as below: a cell touching NaN may draw nothing, never garbage
    with np.errstate(all="ignore"):
        # crossings on the edges along x (between [i, j] and [i+1, j]) and along y (between [i, j] and [i, j+1])
        tx = (level - g[:-1, :]) / (g[1:, :] - g[:-1, :])
        ty = (level - g[:, :-1]) / (g[:, 1:] - g[:, :-1])
    hx = np.stack([xs[:-1, None] + tx * np.diff(xs)[:, None], np.broadcast_to(ys, tx.shape)], axis=-1)
    hy = np.stack([np.broadcast_to(xs[:, None], ty.shape), ys[None, :-1] + ty * np.diff(ys)[None, :]], axis=-1)
    cx, cy = above[:-1, :] != above[1:, :], above[:, :-1] != above[:, 1:]
    # per cell, its four edges in order bottom, right, top, left
    pts = np.stack([hx[:, :-1], hy[1:, :], hx[:, 1:], hy[:-1, :]], axis=2)  # (nx-1, ny-1, 4, 2)
    cut = np.stack([cx[:, :-1], cy[1:, :], cx[:, 1:], cy[:-1, :]], axis=2) & np.isfinite(pts).all(axis=-1)
    count = cut.sum(axis=2)
    two = count == 2
    ends = pts[two][cut[two]].reshape(-1, 2)  # row-major: each cell's two crossings in a row
    four = count == 4
    if four.any():
        p4 = pts[four]  # (k, 4, 2)
        mean_above = (g[:-1, :-1][four] + g[1:, :-1][four] + g[:-1, 1:][four] + g[1:, 1:][four]) / 4 >= level
        joins_corner0 = mean_above == above[:-1, :-1][four]  # the centre sides with corner [i, j]: cut off the others
        # centre with corner [i, j]: cut off corners [i+1, j] and [i, j+1] (bottom-right, top-left); else the other two
        idx = np.where(joins_corner0[:, None], [0, 1, 2, 3], [0, 3, 2, 1])
        pairs = p4[np.arange(len(p4))[:, None], idx]  # (k, 4, 2): two segments per cell
        ends = np.concatenate([ends, pairs.reshape(-1, 2)])
    return ends


@dataclass(frozen=True)
class LayerStage:
    """The plane after one step (input, W·x+b, or activation): grid polylines and data points in 2-D."""

    title: str  # e.g. "layer 1: W·x + b"
    projection: str  # how >2 units were drawn in 2-D, e.g. "units 1-2 of 8" or "PCA: 91% of variance"
    units: int
    lines: tuple[np.ndarray, ...]  # each (m, 2)
    points: np.ndarray  # (n, 2)
    separator: tuple[float, float, float] | None  # (w1, w2, b): the output unit's line w·a + b = 0, when exact in 2-D


def _plane_lines(view: tuple[float, float, float, float], n_lines: int, samples: int) -> list[np.ndarray]:
    x0, x1, y0, y1 = view
    t = np.linspace(0.0, 1.0, samples)
    lines = []
    for s in np.linspace(0.0, 1.0, n_lines):
        lines.append(np.column_stack([x0 + s * (x1 - x0) + 0 * t, y0 + t * (y1 - y0)]))
        lines.append(np.column_stack([x0 + t * (x1 - x0), y0 + s * (y1 - y0) + 0 * t]))
    return lines


def _to_2d(values: np.ndarray, fit: np.ndarray, fallback_y: np.ndarray, method: str) -> tuple[np.ndarray, str]:
    """Reduce (m, k) unit values to 2-D columns; PCA axes are fitted on ``fit`` (the data points' values)."""
    k = values.shape[1]
    if k == 2:
        return values, translate("nn", "units 1 and 2")
    if k == 1:
        how = translate("nn", "1 unit (horizontal) against the input's y (vertical)")
        return np.column_stack([values[:, 0], fallback_y]), how
    if method == "first2":
        return values[:, :2], translate("nn", "units 1 and 2 of {0}").format(k)
    centre = fit.mean(axis=0)
    _, s, vt = np.linalg.svd(fit - centre, full_matrices=False)
    axes = vt[:2]
    axes = axes * np.where(axes[np.arange(2), np.abs(axes).argmax(axis=1)] < 0, -1.0, 1.0)[:, None]
    total = float((s**2).sum())
    share = float((s[:2] ** 2).sum() / total) if total > 0 else 1.0
    how = translate("nn", "PCA of {0} units ({1} of the spread)").format(k, f"{share:.0%}")
    return (values - centre) @ axes.T, how


def layer_stages(
    params: np.ndarray,
    layout: Layout,
    activation: str,
    view: tuple[float, float, float, float],
    points: np.ndarray,
    method: str = "first2",
    n_lines: int = 13,
    samples: int = 48,
) -> list[LayerStage]:
    """The input grid and the data pushed through each layer: W·x+b, then the activation, layer by layer.

    Parameters
    ----------
    params, layout, activation
        The network.
    view : tuple of float
        Plane range the grid covers.
    points : ndarray
        Data points (n, 2) to carry along.
    method : str
        For layers wider than 2 units: "first2" (the first two units) or "pca" (the two main directions of the
        data's values at that stage).
    n_lines, samples : int
        Grid lines per direction and samples along each line.

    Returns
    -------
    list of LayerStage
        Input first, then two stages per layer; the last is the output probability.
    """
    if method not in PROJECTIONS:
        raise NetworkError(f"unknown projection {method!r}: choose one of {', '.join(PROJECTIONS)}")
    lines = _plane_lines(view, n_lines, samples)
    grid = np.concatenate(lines)
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    both = np.concatenate([grid, pts])
    zs, acts = forward(params, layout, activation, both)
    split = len(grid)
    stages = [LayerStage(translate("nn", "input plane"), translate("nn", "x and y"), 2, tuple(lines), pts.copy(), None)]
    views = layout.views(params)
    y_in = both[:, 1]
    for k in range(layout.n_layers):
        last = k == layout.n_layers - 1
        name = translate("nn", "output") if last else translate("nn", "layer {0}").format(k + 1)
        act_name = "sigmoid" if last else activation
        for title, vals in ((f"{name}: W·x + b", zs[k]), (f"{name}: {act_name}", acts[k + 1])):
            flat, how = _to_2d(vals, vals[split:] if len(pts) > 2 else vals, y_in, method)
            separator = None
            if vals.shape[1] == 2 and k + 1 < layout.n_layers and title.endswith(act_name):
                w_next, b_next = views[k + 1]
                if w_next.shape[0] == 1:
                    separator = (float(w_next[0, 0]), float(w_next[0, 1]), float(b_next[0]))
            parts = np.split(flat[:split], len(lines))
            stages.append(LayerStage(title, how, vals.shape[1], tuple(parts), flat[split:].copy(), separator))
    return stages


def separator_line(stage: LayerStage, margin: float = 0.5) -> np.ndarray | None:
    """The stage's separating line w1·a1 + w2·a2 + b = 0 as two ends spanning its points' box (None if it has none).

    The line is solved for the coordinate with the larger weight, so a steep line never divides by a tiny number.
    """
    if stage.separator is None:
        return None
    w1, w2, b = stage.separator
    pts = stage.points if len(stage.points) else np.zeros((1, 2))
    lo, hi = pts.min(axis=0) - margin, pts.max(axis=0) + margin
    if abs(w2) > abs(w1):
        xs = np.array([lo[0], hi[0]])
        return np.column_stack([xs, -(w1 * xs + b) / w2])
    if w1 != 0:
        ys = np.array([lo[1], hi[1]])
        return np.column_stack([-(w2 * ys + b) / w1, ys])
    return None


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50 … that is ≥ ``value``: axis ranges that change in a few big steps."""
    if value <= 1.0:
        return 1.0
    decade = 10.0 ** np.floor(np.log10(value))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * decade >= value * (1 - 1e-12):
            return float(m * decade)
    return float(10.0 * decade)


@dataclass(frozen=True)
class LossCurves:
    """Training and test loss against epoch, ready for a log-scale plot, and the axis ranges to show them in."""

    epochs: np.ndarray
    train: np.ndarray  # floored at 1e-12 so a log axis can show it
    test: np.ndarray  # NaN where there is no test set
    ranges: tuple[float, float, float, float] | None  # (x_min, x_max, log10 y_min, log10 y_max); None when empty


def loss_curves(history: dict[str, list[float]]) -> LossCurves:
    """The loss history as curves, in ranges that only step (epochs to 10, 20, 50 …; losses to half decades).

    Parameters
    ----------
    history : dict
        Lists ``epoch``, ``train_loss`` and ``test_loss`` of one training session.

    Returns
    -------
    LossCurves
        Curves and ranges; a range changes rarely, so a plot redraws its axes rarely.
    """
    epochs = np.asarray(history["epoch"], dtype=float)
    train = np.maximum(np.asarray(history["train_loss"], dtype=float), 1e-12)
    test = np.asarray(history["test_loss"], dtype=float)
    test = np.where(np.isfinite(test), np.maximum(test, 1e-12), np.nan)
    if not len(epochs):
        return LossCurves(epochs, train, test, None)
    first = float(epochs[0])
    span = nice_ceiling(max(float(epochs[-1]) - first, 10.0))  # one point: show the first epochs to come
    losses = np.concatenate([train, test[np.isfinite(test)]])
    losses = losses[np.isfinite(losses)]
    lo, hi = (float(losses.min()), float(losses.max())) if len(losses) else (0.1, 1.0)
    # log10 range snapped to half decades, with a margin so the curves never touch the frame
    y_lo, y_hi = float(np.floor(2 * np.log10(lo) - 0.2) / 2), float(np.ceil(2 * np.log10(hi) + 0.2) / 2)
    return LossCurves(epochs, train, test, (first, first + span, y_lo, y_hi))


@dataclass(frozen=True)
class BackpropTrace:
    """Forward values and backward gradients for one point, layer by layer (index 0 = input)."""

    x: tuple[float, float]
    label: float
    loss: float
    probability: float
    z: tuple[np.ndarray, ...]  # pre-activations of layers 1..L
    a: tuple[np.ndarray, ...]  # activations of layers 0..L (a[0] = x)
    slope: tuple[np.ndarray, ...]  # local derivative da/dz of layers 1..L
    grad_a: tuple[np.ndarray, ...]  # dL/da of layers 0..L
    grad_z: tuple[np.ndarray, ...]  # dL/dz of layers 1..L
    weights: tuple[np.ndarray, ...]  # W of layers 1..L, (out, in)
    grad_w: tuple[np.ndarray, ...]  # dL/dW = dL/dz (upstream, per row) × a_in (local, per column)
    grad_b: tuple[np.ndarray, ...]  # dL/db = dL/dz
    bias: tuple[np.ndarray, ...] = ()  # b of layers 1..L


def backprop_trace(
    params: np.ndarray, layout: Layout, activation: str, loss: str, x: tuple[float, float], label: float
) -> BackpropTrace:
    """Chain rule on one training point: the value at each unit forward, then dL/d(unit) and dL/dW backward.

    Parameters
    ----------
    params, layout, activation
        The network.
    loss : str
        "logloss" or "mse".
    x : tuple of float
        The point.
    label : float
        Its class, 0 or 1.

    Returns
    -------
    BackpropTrace
        Every number the backprop diagram shows; ``grad_w[k][i, j] = grad_z[k][i] * a[k][j]``.
    """
    if activation not in ACTIVATIONS:
        raise NetworkError(f"unknown activation {activation!r}")
    xin = np.asarray(x, dtype=float).reshape(1, 2)
    yv = np.array([float(label)])
    zs, acts = forward(params, layout, activation, xin)
    p = acts[-1][:, 0]
    value = loss_value(loss, zs[-1][:, 0], p, yv)
    views = layout.views(params)
    n = layout.n_layers
    slopes = [activation_slope(activation, zs[k], acts[k + 1])[0] for k in range(n - 1)]
    slopes.append(p * (1.0 - p))
    grad_z: list[np.ndarray] = [np.empty(0)] * n
    grad_a: list[np.ndarray] = [np.empty(0)] * (n + 1)
    grad_z[-1] = loss_slope(loss, p, yv)
    # dL/dp for the output unit, shown as its "upstream"; for log-loss it is finite only because p is never 0 or 1
    grad_a[-1] = grad_z[-1] / slopes[-1] if slopes[-1][0] > 0 else np.array([np.nan])
    for k in range(n - 1, -1, -1):
        grad_a[k] = grad_z[k] @ views[k][0]
        if k:
            grad_z[k - 1] = grad_a[k] * slopes[k - 1]
    grad_w = tuple(np.outer(grad_z[k], acts[k][0]) for k in range(n))
    return BackpropTrace(
        x=(float(xin[0, 0]), float(xin[0, 1])),
        label=float(label),
        loss=value,
        probability=float(p[0]),
        z=tuple(z[0].copy() for z in zs),
        a=tuple(a[0].copy() for a in acts),
        slope=tuple(slopes),
        grad_a=tuple(grad_a),
        grad_z=tuple(grad_z),
        weights=tuple(w.copy() for w, _ in views),
        bias=tuple(b.copy() for _, b in views),
        grad_w=grad_w,
        grad_b=tuple(g.copy() for g in grad_z),
    )
