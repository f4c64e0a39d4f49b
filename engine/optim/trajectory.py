"""Trajectory runs of the torch-identical optimizers on 2-D loss surfaces, written for speed.

The Optimizer lab re-runs every enabled optimizer for hundreds of steps on each mouse move, so the 2-D loop works
on plain Python floats (numpy costs ~1 µs per call on a 2-vector, the whole update ~1 µs in floats). The rules of
:mod:`engine.optim.rules` (which the array steppers call) are written out here per coordinate, the same operations in
the same order, and each point is recorded with one ``extend``: a function call per coordinate and five appends per
step were ~20 % of a race. The tests hold the steppers and these runs to each other bit for bit, and both to the
formulas in the torch.optim documentation (and to torch itself).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine.i18n import localize, number, translate
from engine.optim.objectives import from_expression
from engine.optim.rules import (
    DIVERGENCE_BOUND,
    OPTIMIZERS,
    VALUE_BOUND,
    OptimizerError,
    SingularHessianError,
    check_hyperparameters,
    newton_rule,
    weight_decayed,
)

__all__ = ["Trajectory", "run", "run_many", "run_many_iter", "INTERNAL_KEYS"]

MAX_STEPS = 100_000

INTERNAL_KEYS: dict[str, tuple[str, ...]] = {
    "gd": (),
    "momentum": ("velocity",),
    "nesterov": ("velocity",),
    "adagrad": ("sum_sq", "effective_lr"),
    "rmsprop": ("square_avg", "effective_lr"),
    "adam": ("exp_avg", "exp_avg_sq", "effective_lr"),
    "newton": ("newton_step",),
}


@dataclass(frozen=True)
class Trajectory:
    """One optimizer's run: the points visited, their losses and gradients, and how it ended.

    ``internals[key][k]`` is the optimizer's state after step ``k + 1`` (e.g. ``velocity``,
    ``effective_lr``); arrays stop at the last finite point, so they never hold NaN.
    """

    optimizer: str
    hyperparameters: dict[str, float]
    points: np.ndarray
    values: np.ndarray
    gradients: np.ndarray
    grad_norms: np.ndarray
    status: str
    message: str
    internals: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def steps(self) -> int:
        """Number of updates taken."""
        return len(self.points) - 1


Update = Callable[[int, float, float, float, float, Any], tuple[float, float]]


def _scalar_update(name: str, hp: dict[str, float], rec: tuple[list[float], ...]) -> Update:
    """A pure-float update ``(t, x, y, gx, gy, hessian) -> (x', y')`` that appends its internals to ``rec``.

    Each is the rule of :mod:`engine.optim.rules` written out per coordinate, the same operations in the same order
    (so the same floats: the tests hold both to the torch.optim formulas and to each other); a call per coordinate
    cost ~15 % of the race. ``rec[i]`` receives the x and y of internal ``INTERNAL_KEYS[name][i]`` after every
    update (flat, pairs).
    """
    lr = hp["lr"]
    sqrt = math.sqrt
    if name == "gd":

        def update(t, x, y, gx, gy, h):  # gd_rule
            return x - lr * gx, y - lr * gy

        return update
    if name in ("momentum", "nesterov"):
        mu, keep = hp["momentum"], 1.0 - hp.get("dampening", 0.0)
        put = rec[0].extend
        bx = by = 0.0
        if name == "nesterov":

            def update(t, x, y, gx, gy, h):  # momentum_rule, nesterov=True
                nonlocal bx, by
                if t == 1:
                    bx, by = gx, gy
                else:
                    bx = mu * bx + keep * gx
                    by = mu * by + keep * gy
                put((bx, by))
                return x - lr * (gx + mu * bx), y - lr * (gy + mu * by)

            return update

        def update(t, x, y, gx, gy, h):  # momentum_rule
            nonlocal bx, by
            if t == 1:
                bx, by = gx, gy
            else:
                bx = mu * bx + keep * gx
                by = mu * by + keep * gy
            put((bx, by))
            return x - lr * bx, y - lr * by

        return update
    if name == "adagrad":
        eps, decay = hp["eps"], hp["lr_decay"]
        sx = sy = hp["initial_accumulator_value"]
        put_s, put_e = rec[0].extend, rec[1].extend

        def update(t, x, y, gx, gy, h):  # adagrad_rule
            nonlocal sx, sy
            sx = sx + gx * gx
            sy = sy + gy * gy
            clr = lr / (1.0 + (t - 1) * decay)
            dx = sqrt(sx) + eps
            dy = sqrt(sy) + eps
            put_s((sx, sy))
            put_e((clr / dx, clr / dy))
            return x - clr * (gx / dx), y - clr * (gy / dy)

        return update
    if name == "rmsprop":
        a, eps = hp["alpha"], hp["eps"]
        rest = 1.0 - a
        vx = vy = 0.0
        put_v, put_e = rec[0].extend, rec[1].extend

        def update(t, x, y, gx, gy, h):  # rmsprop_rule
            nonlocal vx, vy
            vx = a * vx + rest * (gx * gx)
            vy = a * vy + rest * (gy * gy)
            dx = sqrt(vx) + eps
            dy = sqrt(vy) + eps
            put_v((vx, vy))
            put_e((lr / dx, lr / dy))
            return x - lr * (gx / dx), y - lr * (gy / dy)

        return update
    if name == "adam":
        b1, b2, eps = hp["beta1"], hp["beta2"], hp["eps"]
        r1, r2 = 1.0 - b1, 1.0 - b2
        mx = my = vx = vy = 0.0
        put_m, put_v, put_e = rec[0].extend, rec[1].extend, rec[2].extend

        def update(t, x, y, gx, gy, h):  # adam_scales, adam_rule
            nonlocal mx, my, vx, vy
            step = lr / (1.0 - b1**t)
            bc2 = sqrt(1.0 - b2**t)
            mx = b1 * mx + r1 * gx
            my = b1 * my + r1 * gy
            vx = b2 * vx + r2 * (gx * gx)
            vy = b2 * vy + r2 * (gy * gy)
            dx = sqrt(vx) / bc2 + eps
            dy = sqrt(vy) / bc2 + eps
            put_m((mx, my))
            put_v((vx, vy))
            put_e((step / dx, step / dy))
            return x - step * (mx / dx), y - step * (my / dy)

        return update
    put_d = rec[0].extend

    def update(t, x, y, gx, gy, h):  # newton
        dx, dy = solve_2x2(h, gx, gy)
        put_d((dx, dy))
        return newton_rule(x, dx, lr), newton_rule(y, dy, lr)

    return update


def solve_2x2(h: tuple[float, float, float], gx: float, gy: float) -> tuple[float, float]:
    """Newton's direction H⁻¹g for the symmetric 2×2 Hessian ``h = (hxx, hxy, hyy)`` (Cramer's rule, floats)."""
    hxx, hxy, hyy = h
    det = hxx * hyy - hxy * hxy
    scale = abs(hxx) + abs(hyy) + 2.0 * abs(hxy)
    if not math.isfinite(det) or abs(det) <= 1e-12 * scale * scale:
        raise SingularHessianError("the Hessian is singular here, so H⁻¹∇f is undefined")
    return (hyy * gx - hxy * gy) / det, (hxx * gy - hxy * gx) / det


def _check_steps(steps: Any) -> int:
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or not 0 <= steps <= MAX_STEPS:
        raise OptimizerError(f"steps must be a whole number from 0 to {MAX_STEPS}, got {steps!r}")
    return int(steps)


def _check_start(start: Any) -> tuple[float, float]:
    try:
        x, y = (float(v) for v in np.asarray(start, dtype=np.float64).reshape(2))
    except (TypeError, ValueError):
        raise OptimizerError(f"the start point must be two numbers (x, y), got {start!r}") from None
    if not (math.isfinite(x) and math.isfinite(y)):
        raise OptimizerError(f"the start point must be finite, got ({x}, {y})")
    return x, y


def run(
    objective: Any,
    start: tuple[float, float] | np.ndarray = (1.0, 1.0),
    optimizer: str | None = None,
    steps: int = 100,
    *,
    method: str | None = None,
    tol: float = 1e-6,
    **hyperparameters: float,
) -> Trajectory:
    """Run one optimizer from ``start`` on a 2-D ``objective`` and record the path.

    >>> from engine import optim
    >>> tr = optim.run("x**2 + 3*y**2", start=(2, 1), method="adam", lr=0.1, steps=200)
    >>> tr.steps, tr.status, tr.points[:3].round(3).tolist()   # one row (x, y) per point, the start first
    (200, 'step limit', [[2.0, 1.0], [1.9, 0.9], [1.8, 0.8]])
    >>> round(float(tr.values[-1]), 6)                   # f at the last point: the minimum 0
    0.0
    >>> try:
    ...     optim.run("x^2 + y^2", method="sgd")
    ... except optim.OptimizerError as exc:
    ...     print(exc)
    unknown optimizer 'sgd'; choose one of gd, momentum, nesterov, adagrad, rmsprop, adam, newton

    Parameters
    ----------
    objective : str or engine.optim.objectives.Objective
        A formula in x and y (``"x**2 + 3*y**2"``, read by the app's safe parser, ``^`` or ``**`` for powers), or
        anything with scalar ``value_xy(x, y)``, ``grad_xy(x, y)`` and ``hess_xy(x, y)`` (the Hessian as
        ``(hxx, hxy, hyy)``).
    start : (float, float)
        Starting point.
    optimizer, method : str
        One of :data:`engine.optim.OPTIMIZERS` (``method`` is the same, by keyword; default ``"gd"``).
    steps : int
        Maximum number of updates (0 ... 100 000).
    tol : float
        The run has converged when the gradient norm drops below ``tol``.
    **hyperparameters : float
        Overrides of :data:`engine.optim.DEFAULTS` ``[optimizer]``.

    Returns
    -------
    Trajectory
        Status ``"converged"``, ``"diverged"`` (non-finite or beyond
        :data:`DIVERGENCE_BOUND` / :data:`VALUE_BOUND`; also a singular Hessian for Newton) or
        ``"step limit"``; arrays end at the last finite point.
    """
    if method is not None and optimizer is not None and method != optimizer:
        raise OptimizerError(f"give the optimizer once: optimizer={optimizer!r} and method={method!r} differ")
    name = method or optimizer or "gd"
    hp = check_hyperparameters(name, hyperparameters)
    if isinstance(objective, str):
        objective = from_expression(objective)
    return _run(objective, _check_start(start), name, _check_steps(steps), float(tol), hp)


def run_many(
    objective: Any,
    start: tuple[float, float] | np.ndarray,
    configs: dict[str, dict[str, float]],
    steps: int,
    *,
    tol: float = 1e-6,
) -> dict[str, Trajectory]:
    """Race several optimizers from the same start on the same surface.

    Parameters
    ----------
    objective : engine.optim.objectives.Objective
        As for :func:`run`.
    start : (float, float)
        The common starting point.
    configs : dict
        Optimizer name -> hyperparameter overrides, e.g. ``{"gd": {"lr": 0.01}, "adam": {}}``.
    steps : int
        Maximum number of updates of each run.
    tol : float
        Convergence tolerance on the gradient norm.

    Returns
    -------
    dict[str, Trajectory]
        One trajectory per entry of ``configs``, in :data:`engine.optim.OPTIMIZERS` order.
    """
    return _drain(run_many_iter(objective, start, configs, steps, tol=tol, chunk=0))


def run_many_iter(
    objective: Any,
    start: tuple[float, float] | np.ndarray,
    configs: dict[str, dict[str, float]],
    steps: int,
    *,
    tol: float = 1e-6,
    chunk: int = 1000,
) -> Generator[None, None, dict[str, Trajectory]]:
    """:func:`run_many` in slices: a generator that pauses every ``chunk`` steps and returns the trajectories.

    An interactive caller advances it a few milliseconds at a time between its own events, so long races never
    freeze the window, and simply drops it when the input changes. (A worker thread would not help: the loop is
    pure Python and holds the GIL the GUI thread needs.) Inputs are checked at once, not at the first ``next``.

    Parameters
    ----------
    objective, start, configs, steps, tol
        As for :func:`run_many`.
    chunk : int
        Optimizer steps between pauses (0: never pause).

    Returns
    -------
    Generator
        Yields ``None`` at each pause; its return value (``StopIteration.value``) is what :func:`run_many`
        returns, with identical numbers.
    """
    checked = {name: check_hyperparameters(name, hp) for name, hp in configs.items()}
    p0, n = _check_start(start), _check_steps(steps)
    order = [name for name in OPTIMIZERS if name in checked]

    def race() -> Generator[None, None, dict[str, Trajectory]]:
        out = {}
        for name in order:
            out[name] = yield from _run_iter(objective, p0, name, n, float(tol), checked[name], chunk)
        return out

    return race()


def _drain(gen: Generator[None, None, Any]) -> Any:
    """Run a pausing generator to its end and return its value."""
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value


def _run(objective: Any, start: tuple[float, float], optimizer: str, steps: int, tol: float, hp: dict) -> Trajectory:
    """The loop behind :func:`run` (inputs already validated)."""
    return _drain(_run_iter(objective, start, optimizer, steps, tol, hp, 0))


def _run_iter(
    objective: Any, start: tuple[float, float], optimizer: str, steps: int, tol: float, hp: dict, chunk: int
) -> Generator[None, None, Trajectory]:
    """The optimizer loop, pausing every ``chunk`` steps (never when 0); returns the trajectory."""
    pause = chunk if chunk > 0 else -1
    x, y = start
    fval, fgrad, fhess = objective.value_xy, objective.grad_xy, objective.hess_xy
    keys = INTERNAL_KEYS[optimizer]
    rec: tuple[list[float], ...] = tuple([] for _ in keys)
    update = _scalar_update(optimizer, hp, rec)
    newton = optimizer == "newton"
    wd = hp.get("weight_decay", 0.0)
    f = float(fval(x, y))
    gx, gy = fgrad(x, y)
    gx, gy = float(gx), float(gy)
    path = [x, y, f, gx, gy]  # (x, y, f, gx, gy) of every point, flat: one extend per step, not five appends
    keep = path.extend
    status, message, indefinite = "step limit", "", -1
    if not (math.isfinite(f) and math.isfinite(gx) and math.isfinite(gy)):
        status, message = "diverged", translate("optim", "the loss or its gradient is not finite at the start point")
        if math.isfinite(f):  # a kink or a step (relu, |x|, step, sign, max) right at the start
            message = translate(
                "optim", "f is not differentiable at the start point ({0}): a kink or a step is there"
            ).format(_pt(x, y))
        steps = 0
    bound, vbound, isfinite, tol2 = DIVERGENCE_BOUND, VALUE_BOUND, math.isfinite, tol * tol * (1.0 + 1e-9)
    h = None
    for t in range(1, steps + 1):
        if t == pause:
            pause += chunk
            yield
        # ‖g‖ < tol compared squared when safely away from the threshold (no sqrt per step), exactly otherwise.
        n2 = gx * gx + gy * gy
        if n2 <= tol2 and math.sqrt(n2) < tol:
            break
        if newton:
            hxx, hxy, hyy = fhess(x, y)
            h = (float(hxx), float(hxy), float(hyy))
            if indefinite < 0 and not (h[0] > 0 and h[0] * h[2] - h[1] * h[1] > 0):
                indefinite = t
        try:
            if wd:
                nx, ny = update(t, x, y, weight_decayed(gx, x, wd), weight_decayed(gy, y, wd), h)
            else:
                nx, ny = update(t, x, y, gx, gy, h)
        except SingularHessianError as exc:
            status, message = "diverged", translate("optim", "stopped at step {0}: {1}").format(t, exc)
            break
        # The common case first, with chained comparisons (False for nan, so no isfinite calls per step).
        if -bound <= nx <= bound and -bound <= ny <= bound:
            nf = fval(nx, ny)
            if -vbound <= nf <= vbound:
                ngx, ngy = fgrad(nx, ny)
                if ngx - ngx == 0.0 and ngy - ngy == 0.0:  # finite (inf − inf and nan − nan are nan)
                    x, y, f, gx, gy = nx, ny, nf, ngx, ngy
                    keep((x, y, f, gx, gy))
                    continue
                # f is finite but its gradient is not: the step landed on a kink or a step (relu, |x|, max…)
                status = "diverged"
                message = translate(
                    "optim", "stopped at step {0}: f is not differentiable at ({1}), a kink or a step"
                ).format(t, _pt(nx, ny))
                break
        else:
            nf = float(fval(nx, ny)) if isfinite(nx) and isfinite(ny) else math.nan
        status, message = (
            "diverged",
            translate("optim", "diverged at step {0}: the loss or the point blew up").format(t),
        )
        if isfinite(nf) and isfinite(nx) and isfinite(ny):  # beyond the bounds but finite: show the last point
            ngx, ngy = fgrad(nx, ny)
            if isfinite(ngx) and isfinite(ngy):
                keep((nx, ny, float(nf), float(ngx), float(ngy)))
        break
    table = np.array(path, dtype=np.float64).reshape(-1, 5)
    taken = len(table) - 1
    points = np.ascontiguousarray(table[:, :2])
    grads = np.ascontiguousarray(table[:, 3:])
    norms = np.hypot(grads[:, 0], grads[:, 1])
    if status != "diverged":
        if norms[-1] < tol:
            status = "converged"
            message = translate("optim", "converged after {0} steps (‖∇f‖ < {1})").format(taken, localize(f"{tol:g}"))
        else:
            message = translate("optim", "stopped at the step limit ({0}); ‖∇f‖ = {1}").format(
                steps, number(norms[-1], 3)
            )
    if indefinite > 0:
        message += translate(
            "optim",
            "; the Hessian was not positive definite from step {0}, so Newton's step may point to a saddle or a "
            "maximum",
        ).format(indefinite)
    # An update that was rejected (diverged) already recorded its internals: keep one entry per step taken.
    internals = {
        key: np.array(r[: 2 * taken], dtype=np.float64).reshape(-1, 2) for key, r in zip(keys, rec, strict=True)
    }
    return Trajectory(
        optimizer=optimizer,
        hyperparameters=hp,
        points=points,
        values=np.ascontiguousarray(table[:, 2]),
        gradients=grads,
        grad_norms=norms,
        status=status,
        message=message,
        internals=internals,
    )


def _pt(x: float, y: float) -> str:
    """A point for a message: "x, y" with 4 significant digits and the decimal separator in force."""
    sep = "; " if localize(".") != "." else ", "
    return f"{number(x)}{sep}{number(y)}"
