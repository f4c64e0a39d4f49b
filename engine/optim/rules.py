"""Torch-identical optimizer steppers and trajectory runs on loss surfaces.

The update rules and defaults follow the algorithms documented for ``torch.optim``
(SGD with momentum/dampening/Nesterov, Adagrad, RMSprop, Adam) so a learner's path here is
the one PyTorch would take; Newton's method is added as the curvature-aware reference.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from engine.i18n import QT_TRANSLATE_NOOP

OPTIMIZERS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "newton")

LABELS = {
    "gd": QT_TRANSLATE_NOOP("optim", "Gradient descent"),
    "momentum": QT_TRANSLATE_NOOP("optim", "Momentum"),
    "nesterov": "Nesterov",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSProp",
    "adam": "Adam",
    "newton": "Newton",
}

# torch.optim defaults. SGD's momentum default is 0 (plain gradient descent); the momentum and
# Nesterov entries use 0.9, the value in torch's own SGD example, so they differ from "gd".
DEFAULTS: dict[str, dict[str, float]] = {
    "gd": {"lr": 1e-3, "weight_decay": 0.0},
    "momentum": {"lr": 1e-3, "momentum": 0.9, "dampening": 0.0, "weight_decay": 0.0},
    "nesterov": {"lr": 1e-3, "momentum": 0.9, "weight_decay": 0.0},
    "adagrad": {
        "lr": 1e-2,
        "lr_decay": 0.0,
        "initial_accumulator_value": 0.0,
        "eps": 1e-10,
        "weight_decay": 0.0,
    },
    "rmsprop": {"lr": 1e-2, "alpha": 0.99, "eps": 1e-8, "weight_decay": 0.0},
    "adam": {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0},
    "newton": {"lr": 1.0},
}

# name -> (lowest allowed, highest allowed, is the upper bound exclusive)
_RANGES: dict[str, tuple[float, float, bool]] = {
    "lr": (0.0, 1e6, False),
    "weight_decay": (0.0, 1e6, False),
    "momentum": (0.0, 1.0, True),
    "dampening": (0.0, 1.0, False),
    "lr_decay": (0.0, 1e6, False),
    "initial_accumulator_value": (0.0, 1e12, False),
    "eps": (0.0, 1.0, False),
    "alpha": (0.0, 1.0, False),
    "beta1": (0.0, 1.0, True),
    "beta2": (0.0, 1.0, True),
}

STATUSES = ("converged", "diverged", "step limit")
DIVERGENCE_BOUND = 1e6  # |coordinate| beyond this counts as exploding
VALUE_BOUND = 1e12  # |f| beyond this counts as exploding


class OptimizerError(ValueError):
    """A bad optimizer name or hyperparameter, with a message a student can act on."""


class SingularHessianError(OptimizerError):
    """Newton's step is undefined because the Hessian is (numerically) singular."""


def check_hyperparameters(name: str, hyperparameters: dict[str, Any]) -> dict[str, float]:
    """Validate ``hyperparameters`` for optimizer ``name`` and fill in the torch defaults.

    Parameters
    ----------
    name : str
        One of :data:`OPTIMIZERS`.
    hyperparameters : dict
        Overrides of :data:`DEFAULTS` ``[name]``.

    Returns
    -------
    dict[str, float]
        The complete, validated hyperparameters.
    """
    if name not in DEFAULTS:
        raise OptimizerError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
    out = dict(DEFAULTS[name])
    for key, value in hyperparameters.items():
        if key not in out:
            raise OptimizerError(f"{LABELS[name]} has no hyperparameter {key!r} (it takes {', '.join(out)})")
        if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
            raise OptimizerError(f"{key} must be a number, got {value!r}")
        value = float(value)
        lo, hi, open_hi = _RANGES.get(key, (0.0, 1e6, False))
        if not math.isfinite(value):
            raise OptimizerError(f"{key} must be a finite number, got {value}")
        if value < lo or value > hi or (open_hi and value == hi):
            bracket = ")" if open_hi else "]"
            raise OptimizerError(f"{key} must be in [{lo:g}, {hi:g}{bracket}, got {value:g}")
        out[key] = value
    return out


# --- the update rules, each written once ----------------------------------------------------------------------
# Plain arithmetic that works on one float (the fast 2-D runs call it per coordinate) and on whole numpy arrays (the
# steppers); ``sqrt`` is ``math.sqrt`` for floats and ``np.sqrt`` for arrays. Each returns the new parameter first,
# then the new state slots, then the per-coordinate effective step size where the rule has one. Nothing is changed in
# place, so a slot may share memory with the gradient it came from.


def weight_decayed(g, p, weight_decay: float):
    """torch's L2 penalty folded into the gradient: g + λθ."""
    return g + weight_decay * p


def gd_rule(p, g, lr: float):
    """torch.optim.SGD without momentum: θ ← θ − lr·g."""
    return p - lr * g


def momentum_rule(p, g, buf, first: bool, lr: float, momentum: float, dampening: float, nesterov: bool):
    """torch.optim.SGD with momentum: b ← μb + (1−τ)g (b₁ = g); θ ← θ − lr·b, or θ − lr·(g + μb) with Nesterov."""
    buf = g if first else momentum * buf + (1.0 - dampening) * g
    if nesterov:
        return p - lr * (g + momentum * buf), buf
    return p - lr * buf, buf


def adagrad_rule(p, g, sum_sq, t: int, lr: float, lr_decay: float, eps: float, sqrt):
    """torch.optim.Adagrad: s ← s + g², θ ← θ − lr̃·g/(√s + ε), lr̃ = lr/(1 + (t−1)·decay)."""
    sum_sq = sum_sq + g * g
    clr = lr / (1.0 + (t - 1) * lr_decay)
    denom = sqrt(sum_sq) + eps
    return p - clr * (g / denom), sum_sq, clr / denom


def rmsprop_rule(p, g, square_avg, lr: float, alpha: float, eps: float, sqrt):
    """torch.optim.RMSprop (centered=False, momentum=0): v ← αv + (1−α)g², θ ← θ − lr·g/(√v + ε)."""
    square_avg = alpha * square_avg + (1.0 - alpha) * (g * g)
    denom = sqrt(square_avg) + eps
    return p - lr * (g / denom), square_avg, lr / denom


def adam_scales(t: int, lr: float, beta1: float, beta2: float) -> tuple[float, float]:
    """Adam's bias corrections at step ``t``: (lr/(1−β₁ᵗ), √(1−β₂ᵗ)), shared by every coordinate."""
    return lr / (1.0 - beta1**t), math.sqrt(1.0 - beta2**t)


def adam_rule(p, g, m, v, step_size: float, bc2: float, beta1: float, beta2: float, eps: float, sqrt):
    """torch.optim.Adam (amsgrad=False): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr̂·m/(√v/√(1−β₂ᵗ) + ε)."""
    m = beta1 * m + (1.0 - beta1) * g
    v = beta2 * v + (1.0 - beta2) * (g * g)
    denom = sqrt(v) / bc2 + eps
    return p - step_size * (m / denom), m, v, step_size / denom


def newton_rule(p, d, lr: float):
    """Newton's method with the solved direction d = H⁻¹∇f: θ ← θ − lr·d."""
    return p - lr * d


class Stepper:
    """One optimizer's update rule with its state slots (torch's ``optimizer.state``), on 1-D float64 arrays."""

    name = "gd"

    def __init__(self, **hyperparameters: float) -> None:
        self.hyperparameters = check_hyperparameters(self.name, hyperparameters)
        self.t = 0
        self._slots: dict[str, np.ndarray] = {}

    def step(self, params: np.ndarray, grad: np.ndarray, hessian: np.ndarray | None = None) -> np.ndarray:
        """Return the parameters after one update from gradient ``grad`` (1-D float64)."""
        p = np.array(params, dtype=np.float64, copy=True).reshape(-1)
        g = np.array(grad, dtype=np.float64, copy=True).reshape(-1)
        if p.shape != g.shape:
            raise OptimizerError(f"gradient has {g.size} entries but there are {p.size} parameters")
        wd = self.hyperparameters.get("weight_decay", 0.0)
        if wd != 0.0:
            g = weight_decayed(g, p, wd)
        self.t += 1
        return self._update(p, g, hessian)

    def _update(self, p: np.ndarray, g: np.ndarray, hessian: np.ndarray | None) -> np.ndarray:
        return gd_rule(p, g, self.hyperparameters["lr"])

    def internals(self) -> dict[str, np.ndarray]:
        """Copies of the state slots after the last step (velocity, effective step size, ...)."""
        return {k: np.array(v, dtype=np.float64) for k, v in self._slots.items()}

    def __repr__(self) -> str:
        hp = ", ".join(f"{k}={v:g}" for k, v in self.hyperparameters.items())
        return f"{type(self).__name__}({hp}, t={self.t})"


class SGDMomentumStepper(Stepper):
    """torch.optim.SGD with momentum (:func:`momentum_rule`)."""

    name = "momentum"

    def _update(self, p, g, hessian):
        hp = self.hyperparameters
        first = self.t == 1 or "velocity" not in self._slots
        new, self._slots["velocity"] = momentum_rule(
            p, g, self._slots.get("velocity"), first, hp["lr"], hp["momentum"], hp.get("dampening", 0.0),
            self.name == "nesterov",
        )  # fmt: skip
        return new


class SGDNesterovStepper(SGDMomentumStepper):
    """torch.optim.SGD(nesterov=True): step along g + μb."""

    name = "nesterov"


class AdagradStepper(Stepper):
    """torch.optim.Adagrad (:func:`adagrad_rule`)."""

    name = "adagrad"

    def _update(self, p, g, hessian):
        hp = self.hyperparameters
        s = self._slots.get("sum_sq", hp["initial_accumulator_value"])
        new, s, eff = adagrad_rule(p, g, s, self.t, hp["lr"], hp["lr_decay"], hp["eps"], np.sqrt)
        self._slots.update(sum_sq=s, effective_lr=eff)
        return new


class RMSpropStepper(Stepper):
    """torch.optim.RMSprop, centered=False, momentum=0 (:func:`rmsprop_rule`)."""

    name = "rmsprop"

    def _update(self, p, g, hessian):
        hp = self.hyperparameters
        v = self._slots.get("square_avg", 0.0)
        new, v, eff = rmsprop_rule(p, g, v, hp["lr"], hp["alpha"], hp["eps"], np.sqrt)
        self._slots.update(square_avg=v, effective_lr=eff)
        return new


class AdamStepper(Stepper):
    """torch.optim.Adam, amsgrad=False (:func:`adam_rule`)."""

    name = "adam"

    def _update(self, p, g, hessian):
        hp = self.hyperparameters
        b1, b2 = hp["beta1"], hp["beta2"]
        step_size, bc2 = adam_scales(self.t, hp["lr"], b1, b2)
        m, v = self._slots.get("exp_avg", 0.0), self._slots.get("exp_avg_sq", 0.0)
        new, m, v, eff = adam_rule(p, g, m, v, step_size, bc2, b1, b2, hp["eps"], np.sqrt)
        self._slots.update(exp_avg=m, exp_avg_sq=v, effective_lr=eff)
        return new


class NewtonStepper(Stepper):
    """Newton's method θ ← θ − lr·H⁻¹∇f; refuses a singular Hessian."""

    name = "newton"

    def _update(self, p, g, hessian):
        if hessian is None:
            raise OptimizerError("Newton's method needs the Hessian: pass hessian=...")
        h = np.asarray(hessian, dtype=np.float64).reshape(p.size, p.size)
        if not np.all(np.isfinite(h)):
            raise SingularHessianError("the Hessian is not finite here")
        if np.linalg.cond(h) > 1e12:
            raise SingularHessianError("the Hessian is singular here, so H⁻¹∇f is undefined")
        d = np.linalg.solve(h, g)
        self._slots["newton_step"] = d
        return newton_rule(p, d, self.hyperparameters["lr"])


_STEPPERS: dict[str, type[Stepper]] = {
    "gd": Stepper,
    "momentum": SGDMomentumStepper,
    "nesterov": SGDNesterovStepper,
    "adagrad": AdagradStepper,
    "rmsprop": RMSpropStepper,
    "adam": AdamStepper,
    "newton": NewtonStepper,
}


def make_stepper(name: str, **hyperparameters: float) -> Stepper:
    """Build the stepper for optimizer ``name``.

    Parameters
    ----------
    name : str
        One of :data:`OPTIMIZERS`.
    **hyperparameters : float
        Overrides of :data:`DEFAULTS` ``[name]`` (e.g. ``lr=0.1, momentum=0.5``).

    Returns
    -------
    Stepper
        A fresh stepper (t = 0, empty slots).

    Raises
    ------
    OptimizerError
        Unknown optimizer, unknown hyperparameter or a value out of range.
    """
    if name not in _STEPPERS:
        raise OptimizerError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
    return _STEPPERS[name](**hyperparameters)


def lr_stability_bound(optimizer: str, lam_max: float, momentum: float = 0.9) -> float | None:
    """Largest stable learning rate on a quadratic with top Hessian eigenvalue ``lam_max``.

    Parameters
    ----------
    optimizer : str
        One of :data:`OPTIMIZERS`.
    lam_max : float
        Largest eigenvalue of the (constant) Hessian.
    momentum : float
        μ for the momentum methods.

    Returns
    -------
    float or None
        ``2/λ`` (GD), ``2(1+μ)/λ`` (heavy-ball momentum), ``2(1+μ)/((1+2μ)λ)`` (torch's Nesterov),
        ``2`` (Newton); ``None`` for the adaptive methods or a non-positive ``lam_max``.
    """
    if not math.isfinite(lam_max) or lam_max <= 0:
        return None
    if optimizer == "gd":
        return 2.0 / lam_max
    if optimizer == "momentum":
        return 2.0 * (1.0 + momentum) / lam_max
    if optimizer == "nesterov":
        return 2.0 * (1.0 + momentum) / ((1.0 + 2.0 * momentum) * lam_max)
    if optimizer == "newton":
        return 2.0
    return None
