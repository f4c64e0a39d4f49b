"""Torch-identical optimizer steppers and trajectory runs on loss surfaces.

The update rules and defaults follow the algorithms documented for ``torch.optim``
(SGD with momentum/dampening/Nesterov, Adagrad, RMSprop, Adam) so a learner's path here is
the one PyTorch would take; Newton's method is added as the curvature-aware reference.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

OPTIMIZERS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "newton")

LABELS = {
    "gd": "Gradient descent",
    "momentum": "Momentum",
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


class Stepper:
    """One optimizer's update rule with its state slots (torch's ``optimizer.state``)."""

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
            g = g + wd * p
        self.t += 1
        return self._update(p, g, hessian)

    def _update(self, p: np.ndarray, g: np.ndarray, hessian: np.ndarray | None) -> np.ndarray:
        return p - self.hyperparameters["lr"] * g

    def internals(self) -> dict[str, np.ndarray]:
        """Copies of the state slots after the last step (velocity, effective step size, ...)."""
        return {k: v.copy() for k, v in self._slots.items()}

    def __repr__(self) -> str:
        hp = ", ".join(f"{k}={v:g}" for k, v in self.hyperparameters.items())
        return f"{type(self).__name__}({hp}, t={self.t})"


class _SGDMomentum(Stepper):
    """torch.optim.SGD with momentum: b ← μb + (1−τ)g (b₁ = g), step along b."""

    name = "momentum"

    def _update(self, p, g, hessian):
        hp = self.hyperparameters
        mu = hp["momentum"]
        if self.t == 1 or "velocity" not in self._slots:
            b = g.copy()
        else:
            b = mu * self._slots["velocity"] + (1.0 - hp.get("dampening", 0.0)) * g
        self._slots["velocity"] = b
        d = g + mu * b if self.name == "nesterov" else b
        return p - hp["lr"] * d


class _SGDNesterov(_SGDMomentum):
    """torch.optim.SGD(nesterov=True): step along g + μb."""

    name = "nesterov"


class _Adagrad(Stepper):
    """torch.optim.Adagrad: s ← s + g², θ ← θ − lr̃·g/(√s + ε), lr̃ = lr/(1 + (t−1)·decay)."""

    name = "adagrad"

    def _update(self, p, g, hessian):
        hp = self.hyperparameters
        s = self._slots.get("sum_sq")
        if s is None:
            s = np.full_like(p, hp["initial_accumulator_value"])
        s = s + g * g
        clr = hp["lr"] / (1.0 + (self.t - 1) * hp["lr_decay"])
        denom = np.sqrt(s) + hp["eps"]
        self._slots["sum_sq"] = s
        self._slots["effective_lr"] = clr / denom
        return p - clr * (g / denom)


class _RMSprop(Stepper):
    """torch.optim.RMSprop (centered=False, momentum=0): v ← αv + (1−α)g², θ ← θ − lr·g/(√v + ε)."""

    name = "rmsprop"

    def _update(self, p, g, hessian):
        hp = self.hyperparameters
        a = hp["alpha"]
        v = self._slots.get("square_avg", np.zeros_like(p))
        v = a * v + (1.0 - a) * (g * g)
        denom = np.sqrt(v) + hp["eps"]
        self._slots["square_avg"] = v
        self._slots["effective_lr"] = hp["lr"] / denom
        return p - hp["lr"] * (g / denom)


class _Adam(Stepper):
    """torch.optim.Adam (amsgrad=False): bias-corrected first and second moments."""

    name = "adam"

    def _update(self, p, g, hessian):
        hp = self.hyperparameters
        b1, b2 = hp["beta1"], hp["beta2"]
        m = self._slots.get("exp_avg", np.zeros_like(p))
        v = self._slots.get("exp_avg_sq", np.zeros_like(p))
        m = b1 * m + (1.0 - b1) * g
        v = b2 * v + (1.0 - b2) * (g * g)
        step_size = hp["lr"] / (1.0 - b1**self.t)
        denom = np.sqrt(v) / math.sqrt(1.0 - b2**self.t) + hp["eps"]
        self._slots.update(exp_avg=m, exp_avg_sq=v, effective_lr=step_size / denom)
        return p - step_size * (m / denom)


class _Newton(Stepper):
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
        return p - self.hyperparameters["lr"] * d


_STEPPERS: dict[str, type[Stepper]] = {
    "gd": Stepper,
    "momentum": _SGDMomentum,
    "nesterov": _SGDNesterov,
    "adagrad": _Adagrad,
    "rmsprop": _RMSprop,
    "adam": _Adam,
    "newton": _Newton,
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
