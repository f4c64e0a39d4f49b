"""The engine's lab registry: lab name -> engine module and state class (imported lazily, by name).

The gui's registry (``gui/labs/__init__.py``) lists the same names; a test checks that they agree.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Any

__all__ = ["LabSpec", "LABS", "lab_spec", "state_type", "default_state", "derive", "metrics", "code"]


@dataclass(frozen=True)
class LabSpec:
    """Where one lab's engine half lives."""

    name: str
    title: str
    module: str
    state_class: str

    def load(self) -> ModuleType:
        """Import the engine module."""
        return importlib.import_module(self.module)


LABS: tuple[LabSpec, ...] = (
    LabSpec("vectors", "Vectors", "engine.vectors", "VectorsState"),
    LabSpec("matrices", "Matrices", "engine.linalg", "MatricesState"),
    LabSpec("decompositions", "Decompositions", "engine.decomp", "DecompositionsState"),
    LabSpec("derivatives", "Derivatives", "engine.calculus", "DerivativesState"),
    LabSpec("optimizer", "Optimizer", "engine.optim", "OptimizerState"),
    LabSpec("probability", "Probability", "engine.prob", "ProbabilityState"),
    LabSpec("distributions", "Distributions", "engine.stats", "DistributionsState"),
    LabSpec("hypothesis", "Hypothesis tests", "engine.inference", "HypothesisState"),
    LabSpec("classifier", "Classifier", "engine.classify", "ClassifierState"),
    LabSpec("network", "Neural network", "engine.nn", "NetworkState"),
)
LAB_NAMES: tuple[str, ...] = tuple(spec.name for spec in LABS)


def lab_spec(name: str) -> LabSpec:
    """The registry entry for ``name`` (KeyError naming the known labs otherwise)."""
    for spec in LABS:
        if spec.name == name:
            return spec
    raise KeyError(f"unknown lab {name!r}; known labs: {', '.join(LAB_NAMES)}")


def state_type(name: str) -> type:
    """The frozen dataclass holding lab ``name``'s state."""
    spec = lab_spec(name)
    return getattr(spec.load(), spec.state_class)


def default_state(name: str) -> Any:
    """The state a lab opens with."""
    return state_type(name)()


def derive(name: str, state: Any) -> Any:
    """Everything lab ``name``'s views draw for ``state`` (the lab's one results dataclass)."""
    return lab_spec(name).load().derive(state)


def metrics(name: str, state: Any) -> dict[str, Any]:
    """Named numbers of a lab state (what lesson goals test and "show the code" reproduces)."""
    return lab_spec(name).load().metrics(state)


def code(name: str, state: Any) -> str:
    """A runnable numpy/scipy snippet reproducing the lab's current numbers."""
    return lab_spec(name).load().code(state)
