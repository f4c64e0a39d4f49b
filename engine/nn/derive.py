"""Everything the Network lab draws for one state: probability map and boundary, losses, layer stages, backprop trace.

Training itself (epochs of mini-batches) is not here: it is too slow for one frame, so the gui runs
:class:`engine.nn.TrainingRun` in short slices on a timer and shows each result by deriving its state.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.i18n import localize, translate
from engine.nn.data import DataSplit, NetworkError
from engine.nn.lab import NetworkState, network_params, point_arrays, state_data, state_layout
from engine.nn.maths import MAX_HIDDEN_LAYERS, Layout, forward, loss_value
from engine.nn.views import (
    BackpropTrace,
    LayerStage,
    backprop_trace,
    boundary_segments,
    layer_stages,
    probability_grid,
    separator_line,
)

__all__ = ["GRID_RES", "NetworkResults", "derive"]

GRID_RES = 64  # probability-map samples per axis: ~1 ms for a 2-8-8-1 network

_EMPTY = np.zeros((0, 2))


@dataclass(frozen=True)
class NetworkResults:
    """What the Network lab shows for one state (arrays are read-only; NaN where a number does not exist)."""

    ok: bool  # the data is usable (when not, ``data_error`` says why and only the points and texts are filled)
    data_error: str
    architecture: str  # "<b>2-4-2-1</b> network — 2 hidden layer(s), 25 parameters"
    can_add_layer: bool
    can_remove_layer: bool
    layout: Layout | None
    params: np.ndarray  # the flat weights shown (the seeded initial ones when the state has none)
    data: DataSplit | None
    all_points: np.ndarray  # (n, 2) every point in data-set order: what a point index refers to
    all_classes: np.ndarray  # (n,) their classes
    train_loss: float
    test_loss: float
    train_accuracy: float  # share of training points on the right side of p = 0.5
    test_accuracy: float
    train_loss_text: str
    test_loss_text: str
    accuracy_text: str  # "train / test" as percentages
    plane_view: tuple[float, float, float, float]  # the area the map covers
    probability: np.ndarray  # P(class 1) on a grid over ``plane_view``, indexed [ix, iy]
    boundary: np.ndarray  # (2 m, 2) ends of the p = 0.5 segments
    stages: tuple[LayerStage, ...]  # the plane pushed through the layers
    stage: int  # the state's stage, clamped to ``stages``
    stage_labels: np.ndarray  # class of each stage point (training points, then test points)
    separator: np.ndarray | None  # (2, 2) ends of the output unit's line at the shown stage, when exact
    probe: int  # the state's probe point, clamped to the training set
    probe_xy: tuple[float, float] | None
    trace: BackpropTrace | None  # backprop of the probe point


def _readonly(a: np.ndarray) -> np.ndarray:
    a.setflags(write=False)
    return a


def _percent(v: float) -> str:
    return localize(f"{v:.1%}")


def derive(
    state: NetworkState,
    plane_view: tuple[float, float, float, float] | None = None,
    resolution: int = GRID_RES,
    layers: bool = True,
) -> NetworkResults:
    """Every number, array and text the Network lab draws for ``state`` (pure; no training).

    Parameters
    ----------
    state : NetworkState
        The lab state; its weights (or the seeded initial ones) are the network shown.
    plane_view : tuple of float, optional
        (x_min, x_max, y_min, y_max) the probability map covers; default ``state.view`` (a window may show more).
    resolution : int
        Map samples per axis, 2 to 512 (a coarser map keeps a drag smooth).
    layers : bool
        Push the plane through the layers (``stages``, ``separator``): False leaves ``stages`` empty, for a view that
        does not show them (a third of a 2-8-8-1 refit's derive while a point is dragged).

    Returns
    -------
    NetworkResults
        With ``ok`` False and a message in ``data_error`` when the data cannot be used. Raises NetworkError only
        for absurd layer sizes, which a checked state never has.
    """
    view = tuple(float(v) for v in (plane_view if plane_view is not None else state.view))
    layout = state_layout(state)
    n_hidden = len(state.hidden)
    arch = "-".join(str(s) for s in layout.sizes)
    what = (
        translate("nn", "logistic regression")
        if not n_hidden
        else translate("nn", "{0} hidden layer(s)").format(n_hidden)
    )
    base = {
        "architecture": translate("nn", "<b>{0}</b> network — {1}, {2} parameters").format(arch, what, layout.n_params),
        "can_add_layer": n_hidden < MAX_HIDDEN_LAYERS,
        "can_remove_layer": n_hidden > 0,
        "plane_view": view,
    }
    try:
        data = state_data(state)
        params = _readonly(network_params(state).copy())
    except NetworkError as exc:
        pts = np.asarray(state.points if state.dataset == "custom" else (), dtype=float).reshape(-1, 3)
        pts = pts[np.isfinite(pts).all(axis=1)]  # what can be drawn of unusable data
        nan = float("nan")
        return NetworkResults(
            ok=False,
            data_error=str(exc),
            layout=layout,
            params=_readonly(np.zeros(0)),
            data=None,
            all_points=_readonly(pts[:, :2].copy()),
            all_classes=_readonly(pts[:, 2].copy()),
            train_loss=nan,
            test_loss=nan,
            train_accuracy=nan,
            test_accuracy=nan,
            train_loss_text="—",
            test_loss_text="—",
            accuracy_text="—",
            probability=_readonly(np.full((2, 2), 0.5)),
            boundary=_readonly(_EMPTY.copy()),
            stages=(),
            stage=0,
            stage_labels=_readonly(np.zeros(0)),
            separator=None,
            probe=0,
            probe_xy=None,
            trace=None,
            **base,
        )
    losses, accuracies = [], []
    for x, y in ((data.x_train, data.y_train), (data.x_test, data.y_test)):
        if len(y) == 0:
            losses.append(float("nan"))
            accuracies.append(float("nan"))
            continue
        zs, acts = forward(params, layout, state.activation, x)
        z = zs[-1][:, 0]
        losses.append(loss_value(state.loss, z, acts[-1][:, 0], y))
        accuracies.append(float(np.mean((z >= 0) == (y == 1))))
    all_xy, all_cls = point_arrays(state)  # in data-set order: indices as a drag sees them
    grid = probability_grid(params, layout, state.activation, view, resolution)
    pts = np.concatenate([data.x_train, data.x_test])
    stages = tuple(layer_stages(params, layout, state.activation, state.view, pts, state.projection)) if layers else ()
    stage = max(0, min(state.stage, len(stages) - 1))
    probe = min(state.probe, len(data.y_train) - 1)
    probe_xy = (float(data.x_train[probe, 0]), float(data.x_train[probe, 1]))
    trace = backprop_trace(params, layout, state.activation, state.loss, probe_xy, data.y_train[probe])
    return NetworkResults(
        ok=True,
        data_error="",
        layout=layout,
        params=params,
        data=data,
        all_points=all_xy,
        all_classes=all_cls,
        train_loss=losses[0],
        test_loss=losses[1],
        train_accuracy=accuracies[0],
        test_accuracy=accuracies[1],
        train_loss_text=localize(f"{losses[0]:.4f}"),
        test_loss_text=translate("nn", "no test set") if not np.isfinite(losses[1]) else localize(f"{losses[1]:.4f}"),
        accuracy_text=" / ".join(_percent(a) for a in accuracies if np.isfinite(a)),
        probability=_readonly(grid),
        boundary=_readonly(boundary_segments(grid, view)),
        stages=stages,
        stage=stage,
        stage_labels=_readonly(np.concatenate([data.y_train, data.y_test])),
        separator=separator_line(stages[stage]) if stages else None,
        probe=probe,
        probe_xy=probe_xy,
        trace=trace,
        **base,
    )
