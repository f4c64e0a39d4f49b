"""The Optimizer lab's saved state, its runs, named metrics and the "show the code" snippet.

Kept apart from :mod:`engine.optim` (the update rules other labs reuse); ``engine.optim`` re-exports
:class:`OptimizerState`, :class:`OptimizerConfig`, :func:`metrics` and :func:`code`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from engine.expr import ExpressionError
from engine.i18n import QT_TRANSLATE_NOOP
from engine.optim import objectives as obj
from engine.optim.rules import DEFAULTS, OPTIMIZERS, OptimizerError, lr_stability_bound
from engine.optim.snippet import snippet
from engine.optim.trajectory import Trajectory, run_many
from engine.schema import SchemaError, spec

SURFACES = obj.PRESETS + ("expression", "line_fit")
SURFACE_LABELS = {
    **obj.PRESET_LABELS,
    "expression": QT_TRANSLATE_NOOP("optim", "Your own f(x, y)"),
    "line_fit": QT_TRANSLATE_NOOP("optim", "Fit a line (MSE)"),
}
TOL = 1e-6
HOME_VIEW = (-3.0, 3.0, -3.0, 3.0)  # a typed formula's view before the user pans or zooms

# Learning rates that make each surface interesting out of the box (torch defaults are tuned for networks).
_SUGGESTED_LR = {
    "quadratic": {"gd": 0.1, "momentum": 0.05, "nesterov": 0.05, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.1},
    "rosenbrock": {"gd": 1e-3, "momentum": 1e-3, "nesterov": 1e-3, "adagrad": 0.5, "rmsprop": 0.01, "adam": 0.05},
    "himmelblau": {"gd": 0.01, "momentum": 0.003, "nesterov": 0.003, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.1},
    "beale": {"gd": 1e-3, "momentum": 5e-4, "nesterov": 5e-4, "adagrad": 0.3, "rmsprop": 0.01, "adam": 0.05},
    "saddle": {"gd": 0.05, "momentum": 0.02, "nesterov": 0.02, "adagrad": 0.3, "rmsprop": 0.02, "adam": 0.05},
    "rastrigin": {"gd": 2e-3, "momentum": 1e-3, "nesterov": 1e-3, "adagrad": 0.5, "rmsprop": 0.02, "adam": 0.1},
    "camel": {"gd": 0.02, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.3, "rmsprop": 0.02, "adam": 0.05},
    "expression": {"gd": 0.05, "momentum": 0.02, "nesterov": 0.02, "adagrad": 0.5, "rmsprop": 0.02, "adam": 0.1},
    "line_fit": {"gd": 0.05, "momentum": 0.02, "nesterov": 0.02, "adagrad": 1.0, "rmsprop": 0.05, "adam": 0.1},
}
_DEFAULT_ENABLED = ("gd", "momentum", "adam", "newton")
EPS_CHOICES = (1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 0.1)
"""The ε values offered in a list (any other value from a scene is shown too); spans the ε spec's soft range."""


@dataclass(frozen=True)
class OptimizerConfig:
    """One optimizer's switch and hyperparameters as the lab shows them (torch names)."""

    name: str = spec("gd", choices=OPTIMIZERS)
    enabled: bool = spec(True)
    # The one learning-rate range of the app: every lr slider (this lab's seven, the Network lab's) reads it.
    lr: float = spec(1e-3, lo=0.0, hi=1e3, soft_lo=1e-5, soft_hi=10.0, log=True, label="lr")
    momentum: float = spec(0.9, lo=0.0, hi=0.999, step=0.01, decimals=3, label="momentum μ")
    beta1: float = spec(0.9, lo=0.0, hi=0.999, step=0.01, decimals=3, label="β₁")
    beta2: float = spec(0.999, lo=0.0, hi=0.99999, step=0.001, decimals=5, label="β₂")
    eps: float = spec(1e-8, lo=0.0, hi=1.0, soft_lo=1e-10, soft_hi=0.1, log=True, label="ε")
    alpha: float = spec(0.99, lo=0.0, hi=1.0, step=0.01, decimals=3, label="α")

    def hyperparameters(self) -> dict[str, float]:
        """The keyword arguments :func:`engine.optim.run` takes for this optimizer."""
        keys = [k for k in ("lr", "momentum", "beta1", "beta2", "eps", "alpha") if k in DEFAULTS[self.name]]
        return {k: getattr(self, k) for k in keys}


def default_config(name: str, surface: str = "rosenbrock") -> OptimizerConfig:
    """torch's defaults for ``name`` with a learning rate suited to ``surface``."""
    d = DEFAULTS[name]
    lr = 1.0 if name == "newton" else _SUGGESTED_LR.get(surface, _SUGGESTED_LR["expression"])[name]
    return OptimizerConfig(
        name=name,
        enabled=name in _DEFAULT_ENABLED,
        lr=lr,
        momentum=d.get("momentum", 0.9),
        beta1=d.get("beta1", 0.9),
        beta2=d.get("beta2", 0.999),
        eps=d.get("eps", 1e-8),
        alpha=d.get("alpha", 0.99),
    )


def default_configs(surface: str = "rosenbrock") -> tuple[OptimizerConfig, ...]:
    """One config per optimizer, in :data:`engine.optim.OPTIMIZERS` order."""
    return tuple(default_config(n, surface) for n in OPTIMIZERS)


@dataclass(frozen=True)
class OptimizerState:
    """Everything a user sets in the Optimizer lab (surface, start, optimizers, playback, overlays, data)."""

    surface: str = spec("rosenbrock", choices=SURFACES)
    expression: str = spec("x^2 + 3*y^2 + sin(3*x)", expr=("x", "y"), max_chars=500)
    kappa: float = spec(10.0, lo=1.0, hi=1000.0, log=True, label="condition κ")
    angle: float = spec(30.0, lo=-180.0, hi=180.0, step=1.0, decimals=0, label="rotation")
    start: tuple[float, float] = spec((-1.5, 2.0), lo=-1e6, hi=1e6)
    steps: int = spec(300, lo=1, hi=5000, step=1, integer=True, label="max steps")
    configs: tuple[OptimizerConfig, ...] = spec(default_configs(), max_len=len(OPTIMIZERS))
    position: int = spec(300, lo=0, hi=5000, integer=True)
    speed: float = spec(1.0, lo=0.1, hi=50.0, label="playback speed")
    show_gradient: bool = spec(False)
    show_hessian: bool = spec(False)
    show_internals: bool = spec(True)
    line_points: tuple[tuple[float, float], ...] = spec(obj.DEFAULT_LINE_POINTS, lo=-1e6, hi=1e6, max_len=1000)
    view: tuple[float, float, float, float] = spec((-2.0, 2.0, -1.0, 3.0), lo=-1e6, hi=1e6)

    def validate(self) -> None:
        """Cross-field rules: one config per optimizer, in order; a usable view; playback within the run."""
        names = tuple(c.name for c in self.configs)
        if names != OPTIMIZERS:
            raise SchemaError("configs", f"must list the optimizers {', '.join(OPTIMIZERS)} in that order")
        if not (self.view[0] < self.view[1] and self.view[2] < self.view[3]):
            raise SchemaError("view", "xmin must be below xmax and ymin below ymax")
        if self.position > self.steps:
            raise SchemaError("position", f"must be at most steps ({self.steps}), got {self.position}")

    def config(self, name: str) -> OptimizerConfig:
        """The config of optimizer ``name``."""
        return self.configs[OPTIMIZERS.index(name)]

    def with_config(self, cfg: OptimizerConfig) -> "OptimizerState":
        """A copy with one optimizer's config replaced."""
        i = OPTIMIZERS.index(cfg.name)
        return replace(self, configs=self.configs[:i] + (cfg,) + self.configs[i + 1 :])


def objective_of(state: OptimizerState) -> obj.Objective:
    """The loss surface a state describes (raises ObjectiveError / ExpressionError when unusable)."""
    if state.surface == "expression":
        return obj.from_expression(state.expression, state.view)
    if state.surface == "line_fit":
        return obj.line_fit(state.line_points)
    return obj.preset(state.surface, state.kappa, state.angle)


def with_surface(state: OptimizerState, surface: str, **changes) -> OptimizerState:
    """Switch surface: its view, default start and suggested learning rates come along."""
    new = replace(state, surface=surface, **changes)
    o = objective_of(new)
    configs = tuple(replace(c, lr=default_config(c.name, surface).lr) for c in state.configs)
    return replace(new, view=o.view, start=o.start, configs=configs)


def home_view(state: OptimizerState) -> tuple[float, float, float, float]:
    """The view a surface opens with (a typed formula's: around the origin), for "Reset view"."""
    return objective_of(replace(state, view=HOME_VIEW)).view


def runs(state: OptimizerState, objective: obj.Objective | None = None) -> dict[str, Trajectory]:
    """Trajectories of the enabled optimizers from the state's start, in OPTIMIZERS order."""
    o = objective if objective is not None else objective_of(state)
    configs = {c.name: c.hyperparameters() for c in state.configs if c.enabled}
    return run_many(o, state.start, configs, state.steps, tol=TOL)


def lam_max(objective: obj.Objective) -> float | None:
    """Largest Hessian eigenvalue of a constant-Hessian surface (quadratic, line fit), else None."""
    if not objective.constant_hessian:
        return None
    w = np.linalg.eigvalsh(objective.hessian(np.zeros(2)))
    return float(w[-1])


def lr_bounds(state: OptimizerState, objective: obj.Objective) -> dict[str, float]:
    """Stability bounds on the learning rate for each optimizer that has one on this surface."""
    lam = lam_max(objective)
    if lam is None:
        return {}
    out = {}
    for c in state.configs:
        b = lr_stability_bound(c.name, lam, c.momentum)
        if b is not None:
            out[c.name] = b
    return out


def metrics(state: OptimizerState) -> dict[str, float | bool | str]:
    """Named results of the lab's runs; the same keys for every state, so lessons can test any optimizer.

    Keys:

    - ``surface``; ``error`` ("" when the surface is usable, else why not); ``start_loss``.
    - For EVERY optimizer in :data:`engine.optim.OPTIMIZERS`, enabled or not: ``{name}_enabled`` (bool),
      ``{name}_status`` ("converged", "diverged", "step limit"; "off" when disabled, "error" when the surface is
      unusable), ``{name}_final_loss``, ``{name}_final_x``, ``{name}_final_y``, ``{name}_final_grad_norm``,
      ``{name}_steps`` (updates taken) — nan unless the optimizer ran — and ``{name}_lr`` (its learning-rate
      setting, always a number).
    - ``lambda_max`` and ``gd_lr_bound`` (= 2/λmax) on constant-curvature surfaces (quadratic, saddle, line fit),
      else nan; ``lsq_slope`` and ``lsq_intercept`` (the least-squares line) for the line fit, else nan.
    """
    nan = math.nan
    out: dict[str, float | bool | str] = {"surface": state.surface, "error": "", "start_loss": nan}
    try:
        o = objective_of(state)
        trajectories = runs(state, o)
    except (obj.ObjectiveError, ExpressionError, OptimizerError) as exc:
        o, trajectories = None, {}
        out["error"] = str(exc)
    if o is not None:
        out["start_loss"] = float(o.value_xy(*state.start))
    for c in state.configs:
        name, tr = c.name, trajectories.get(c.name)
        out[f"{name}_enabled"] = c.enabled
        if tr is None:
            out[f"{name}_status"] = "off" if o is not None else "error"
            for key in ("final_loss", "final_x", "final_y", "final_grad_norm", "steps"):
                out[f"{name}_{key}"] = nan
        else:
            out[f"{name}_status"] = tr.status
            out[f"{name}_final_loss"] = float(tr.values[-1])
            out[f"{name}_final_x"] = float(tr.points[-1, 0])
            out[f"{name}_final_y"] = float(tr.points[-1, 1])
            out[f"{name}_final_grad_norm"] = float(tr.grad_norms[-1])
            out[f"{name}_steps"] = tr.steps
        out[f"{name}_lr"] = c.lr
    lam = lam_max(o) if o is not None else None
    out["lambda_max"] = lam if lam is not None else nan
    out["gd_lr_bound"] = 2.0 / lam if lam is not None and lam > 0 else nan
    out["lsq_slope"] = out["lsq_intercept"] = nan
    if state.surface == "line_fit" and o is not None:
        out["lsq_slope"], out["lsq_intercept"] = (float(v) for v in o.minima[0])
    return out


def code(state: OptimizerState) -> str:
    """A standalone script that reproduces the lab's runs with torch's rules in plain Python and draws the race."""
    return snippet(state, TOL)


def narrate(tr: Trajectory, k: int) -> str:
    """The update of step ``k`` (1-based) written out with the numbers substituted, in plain text."""
    if tr.steps == 0 or k < 1:
        return "start: no step taken yet"
    k = min(k, tr.steps)
    hp = tr.hyperparameters
    p0, p1, g = tr.points[k - 1], tr.points[k], tr.gradients[k - 1]

    def v(a) -> str:
        return f"({a[0]:.4g}, {a[1]:.4g})"

    lr = hp["lr"]
    name = tr.optimizer
    head = f"step {k}: g = ∇f{v(p0)} = {v(g)}\n"
    if name == "gd":
        body = f"θ ← θ − lr·g = {v(p0)} − {lr:.3g}·{v(g)}"
    elif name in ("momentum", "nesterov"):
        b = tr.internals["velocity"][k - 1]
        bp = tr.internals["velocity"][k - 2] if k >= 2 else np.zeros(2)
        mu = hp["momentum"]
        first = "b ← g (first step)" if k == 1 else f"b ← μ·b + g = {mu:.3g}·{v(bp)} + {v(g)}"
        move = "θ ← θ − lr·(g + μ·b)" if name == "nesterov" else "θ ← θ − lr·b"
        body = f"{first} = {v(b)}\n{move}, lr = {lr:.3g}"
    elif name in ("adagrad", "rmsprop"):
        key = "sum_sq" if name == "adagrad" else "square_avg"
        s = tr.internals[key][k - 1]
        eff = tr.internals["effective_lr"][k - 1]
        rule = "s ← s + g²" if name == "adagrad" else f"v ← {hp['alpha']:.3g}·v + {1 - hp['alpha']:.3g}·g²"
        body = f"{rule} = {v(s)}\nθ ← θ − lr·g/(√s + ε); per-coordinate step lr/(√s + ε) = {v(eff)}"
    elif name == "adam":
        m, s, eff = (tr.internals[key][k - 1] for key in ("exp_avg", "exp_avg_sq", "effective_lr"))
        b1, b2 = hp["beta1"], hp["beta2"]
        body = (
            f"m ← {b1:.3g}·m + {1 - b1:.3g}·g = {v(m)};  v ← {b2:.4g}·v + {1 - b2:.3g}·g² = {v(s)}\n"
            f"θ ← θ − lr·m̂/(√v̂ + ε); per-coordinate step = {v(eff)}"
        )
    else:
        d = tr.internals["newton_step"][k - 1]
        body = f"solve H·d = g: d = {v(d)}\nθ ← θ − lr·d, lr = {lr:.3g}"
    return head + body + f"\n= {v(p1)},  f = {tr.values[k]:.6g}"


def finite_or_none(x: float) -> float | None:
    """``x`` if finite, else None (for readouts)."""
    return x if math.isfinite(x) else None
