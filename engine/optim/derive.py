"""Everything the Optimizer lab shows for one state, computed in one place: surface, races, bounds, readouts.

The gui keeps the last :class:`OptimizerResults` and passes it back as ``previous``: what did not change (the surface,
the runs while only the playback position or the view moves) is taken from it instead of being recomputed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from engine.expr import ExpressionError
from engine.i18n import localize, number, translate
from engine.optim import objectives as obj
from engine.optim.lab import OptimizerState, lam_max, lr_bounds, narrate, objective_of, runs
from engine.optim.rules import OptimizerError
from engine.optim.trajectory import Trajectory

__all__ = [
    "OptimizerResults",
    "RunReadout",
    "derive",
    "objective_key",
    "runs_key",
    "curvature",
    "loss_offset",
    "IDLE_NARRATION",
]

IDLE_NARRATION = "Enable an optimizer on the right to race it from the star.\n"


def objective_key(state: OptimizerState) -> tuple:
    """What the loss surface depends on (the view only frames it)."""
    if state.surface == "expression":
        return ("expression", state.expression)
    if state.surface == "line_fit":
        return ("line_fit", state.line_points)
    if state.surface == "quadratic":
        return ("quadratic", state.kappa, state.angle)
    return (state.surface,)


def runs_key(state: OptimizerState) -> tuple:
    """Everything the trajectories depend on."""
    return (objective_key(state), state.start, state.steps, state.configs)


@dataclass(frozen=True)
class RunReadout:
    """One run at the playback position: where it is and the texts of its table row and narration."""

    name: str
    step: int
    point: tuple[float, float]
    status: str
    cells: tuple[str, str, str]
    point_text: str
    message: str
    narration: str
    curvature: str
    hessian_axes: np.ndarray | None


@dataclass(frozen=True)
class OptimizerResults:
    """What the Optimizer lab draws for a state (``error`` set and the rest empty when the surface is unusable).

    ``trajectories`` were computed for ``runs_key``: during a long drag the gui may pass runs of an earlier start
    (computed between events), so it compares ``runs_key`` with :func:`runs_key` of the state to know.
    """

    state: OptimizerState
    objective: obj.Objective | None
    error: str = ""
    formula: str = ""
    objective_key: tuple = ()
    grid_key: tuple = ()
    runs_key: tuple | None = None
    trajectories: dict[str, Trajectory] = field(default_factory=dict)
    run_error: str = ""
    lambda_max: float | None = None
    lr_bounds: dict[str, float] = field(default_factory=dict)
    bound_texts: dict[str, str] = field(default_factory=dict)
    minima: tuple[tuple[float, float], ...] = ()
    loss_offset: float = 0.0
    loss_label: str = "f − f*"
    last_step: int = 0
    position: int = 0
    readouts: Mapping[str, RunReadout] = field(default_factory=dict)
    """Run name -> its readout at the position, each worked out when first read (:class:`Readouts`)."""
    start_text: str = ""
    start_curvature: str = ""
    start_axes: np.ndarray | None = None
    line_points: np.ndarray | None = None
    best_line: tuple[float, float] | None = None

    def narration(self, name: str | None) -> str:
        """The narration of run ``name`` at the position, with the Hessian there (the start's when it is not run)."""
        r = self.readouts.get(name) if name is not None else None
        if r is None:
            return IDLE_NARRATION + self.start_curvature
        return r.narration + r.curvature


def curvature(o: obj.Objective, p: tuple[float, float]) -> tuple[str, np.ndarray | None]:
    """What the Hessian at ``p`` says (eigenvalues and the kind of point), and its eigenvectors (None: not finite)."""
    axes = obj.hessian_axes(o, p)
    if axes is None:
        return "Hessian: not finite here", None
    w, vecs = axes
    if w[0] > 0:
        kind = "minimum-like (positive definite)"
    else:
        kind = "saddle-like" if w[0] * w[1] < 0 else "flat/maximum-like"
    return f"Hessian eigenvalues at ({p[0]:.3g}, {p[1]:.3g}): λ = {w[0]:.4g}, {w[1]:.4g} — {kind}", vecs


def loss_offset(values: dict[str, np.ndarray], known_minima: list[float]) -> tuple[float, str]:
    """The value subtracted before the log scale (f* when known, else the lowest loss seen) and the axis label."""
    lows = [float(np.min(v)) for v in values.values() if len(v)] + known_minima
    fmin = min(lows) if lows else 0.0
    offset = fmin if known_minima else fmin - 1e-12
    exact = known_minima and abs(min(known_minima) - fmin) < 1e-12
    return offset, ("f − f*" if exact else f"f − ({offset:.4g})")


def _narration(tr: Trajectory, k: int) -> str:
    text = narrate(tr, k) if k > 0 else f"start at {tuple(round(c, 4) for c in tr.points[0])}"
    if k == tr.steps:
        text += f"\n{tr.status}: {tr.message}"
    return text + "\n"


class Readouts(Mapping[str, RunReadout]):
    """The runs' readouts at step ``k_all``, each worked out the first time it is read, then kept.

    A drag of the start derives the lab on every move, but its table and narration are redrawn at most 10 times a
    second and the plane needs only the focused run's point: 7 Hessians and texts per move would be wasted.
    """

    def __init__(self, o: obj.Objective, runs: Mapping[str, Trajectory], k_all: int) -> None:
        self._o, self._runs, self._k, self._done = o, runs, k_all, {}

    def __getitem__(self, name: str) -> RunReadout:
        r = self._done.get(name)
        if r is None:
            r = self._done[name] = _readout(self._o, self._runs[name], self._k)
        return r

    def __iter__(self) -> Iterator[str]:
        return iter(self._runs)

    def __len__(self) -> int:
        return len(self._runs)


def _readout(o: obj.Objective, tr: Trajectory, k_all: int) -> RunReadout:
    k = min(k_all, tr.steps)
    status = tr.status if k == tr.steps else "running"
    p = (float(tr.points[k, 0]), float(tr.points[k, 1]))
    text, axes = curvature(o, p)
    return RunReadout(
        name=tr.optimizer,
        step=k,
        point=p,
        status=status,
        cells=(status, f"{tr.values[k]:.3g}", f"{tr.grad_norms[k]:.2g}"),
        point_text=translate("optim", "({0}) after {1} steps").format(
            f"{number(p[0])}{'; ' if localize('.') != '.' else ', '}{number(p[1])}", k
        ),
        message=tr.message,
        narration=_narration(tr, k),
        curvature=text,
        hessian_axes=axes,
    )


def derive(
    state: OptimizerState,
    previous: OptimizerResults | None = None,
    trajectories: tuple[tuple, dict[str, Trajectory]] | None = None,
) -> OptimizerResults:
    """The surface, the race of the enabled optimizers, learning-rate bounds and the readouts at the position.

    Parameters
    ----------
    state : OptimizerState
    previous : OptimizerResults, optional
        The results of an earlier state: its objective and runs are reused where their inputs are unchanged.
    trajectories : (runs key, trajectories), optional
        Runs computed elsewhere, used as they are. The gui computes long races in slices between events
        (:func:`engine.optim.run_many_iter`) and meanwhile shows the last ones; so does this argument.

    Returns
    -------
    OptimizerResults
        The surface picture itself (a 300×300 grid and contours, a few ms) is not included: the gui asks
        :func:`engine.optim.surface_picture` once per ``grid_key``.
    """
    okey = objective_key(state)
    if previous is not None and previous.objective is not None and previous.objective_key == okey:
        o = previous.objective
    else:
        try:
            o = objective_of(state)
        except (obj.ObjectiveError, ExpressionError) as exc:
            return OptimizerResults(state=state, objective=None, error=str(exc), objective_key=okey)
    rkey, run_error = runs_key(state), ""
    if trajectories is not None:
        rkey, found = trajectories
    elif previous is not None and previous.runs_key == rkey and previous.objective is o:
        found = previous.trajectories
    else:
        try:
            found = runs(state, o)
        except OptimizerError as exc:
            found, run_error = {}, str(exc)
    lam = lam_max(o)
    bounds = lr_bounds(state, o)
    stable = translate("optim", "stable only for lr < {0}")
    texts = {n: stable.format(number(b, 3)) + (" = 2/λmax" if n == "gd" else "") for n, b in bounds.items()}
    minima = tuple((float(m[0]), float(m[1])) for m in o.minima)
    offset, label = loss_offset({n: tr.values for n, tr in found.items()}, [o.value_xy(*m) for m in minima])
    last = max((tr.steps for tr in found.values()), default=0)
    k_all = min(state.position, last)
    start_text, start_axes = curvature(o, state.start)
    line = state.surface == "line_fit"
    return OptimizerResults(
        state=state,
        objective=o,
        formula=f"f = {translate('optim', o.formula)}",
        objective_key=okey,
        grid_key=(okey, state.view),
        runs_key=rkey,
        trajectories=found,
        run_error=run_error,
        lambda_max=lam,
        lr_bounds=bounds,
        bound_texts=texts,
        minima=minima,
        loss_offset=offset,
        loss_label=label,
        last_step=last,
        position=k_all,
        readouts=Readouts(o, found, k_all),
        start_text=f"({state.start[0]:.4g}, {state.start[1]:.4g})",
        start_curvature=start_text,
        start_axes=start_axes,
        line_points=np.asarray(state.line_points, dtype=np.float64) if line else None,
        best_line=minima[0] if line and minima else None,
    )
