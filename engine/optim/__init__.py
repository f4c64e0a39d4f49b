"""Torch-identical optimizer steppers and trajectory runs on loss surfaces.

The update rules and defaults follow the algorithms documented for ``torch.optim``
(SGD with momentum/dampening/Nesterov, Adagrad, RMSprop, Adam) so a learner's path here is
the one PyTorch would take; Newton's method is added as the curvature-aware reference.
"""

from engine.optim import objectives
from engine.optim.lab import (
    SURFACE_LABELS,
    SURFACES,
    TOL,
    OptimizerConfig,
    OptimizerState,
    code,
    default_configs,
    lr_bounds,
    metrics,
    narrate,
    objective_of,
    runs,
    with_surface,
)
from engine.optim.objectives import Objective
from engine.optim.rules import (
    DEFAULTS,
    DIVERGENCE_BOUND,
    LABELS,
    OPTIMIZERS,
    STATUSES,
    VALUE_BOUND,
    OptimizerError,
    SingularHessianError,
    Stepper,
    check_hyperparameters,
    lr_stability_bound,
    make_stepper,
)
from engine.optim.trajectory import (
    INTERNAL_KEYS,
    Trajectory,
    run,
    run_many,
    run_many_iter,
)

__all__ = [
    "OPTIMIZERS",
    "LABELS",
    "DEFAULTS",
    "STATUSES",
    "DIVERGENCE_BOUND",
    "VALUE_BOUND",
    "OptimizerError",
    "SingularHessianError",
    "check_hyperparameters",
    "Stepper",
    "make_stepper",
    "lr_stability_bound",
    "Objective",
    "SURFACES",
    "SURFACE_LABELS",
    "TOL",
    "lr_bounds",
    "objective_of",
    "objectives",
    "runs",
    "with_surface",
    "OptimizerState",
    "OptimizerConfig",
    "metrics",
    "code",
    "default_configs",
    "narrate",
    "Trajectory",
    "run",
    "run_many",
    "run_many_iter",
    "INTERNAL_KEYS",
]
