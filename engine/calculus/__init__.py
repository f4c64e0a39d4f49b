"""Derivatives you can see: tangent and secant, finite differences and their error V, ML presets, lab state."""

from engine.calculus.chain import (
    LOSSES,
    ChainRule,
    chain_rule,
)
from engine.calculus.lab import (
    PRESETS,
    DerivativesState,
    FDErrorCurve,
    Preset,
    code,
    derivatives,
    fd_error_curve,
    finite_difference,
    metrics,
    sample,
    secant_slope,
    tangent,
)

__all__ = [
    "sample",
    "LOSSES",
    "PRESETS",
    "DerivativesState",
    "FDErrorCurve",
    "Preset",
    "chain_rule",
    "ChainRule",
    "code",
    "derivatives",
    "fd_error_curve",
    "finite_difference",
    "metrics",
    "secant_slope",
    "tangent",
]
