"""The gui's lab registry: lab name -> "module:Class". The one place a new lab's window half is added.

Modules are imported when a lab is first opened, so start-up does not pay for labs nobody visits.
"""

from __future__ import annotations

import importlib
import importlib.util

__all__ = ["LABS", "lab_class", "available", "modules"]

LABS: dict[str, str] = {
    "vectors": "gui.labs.vectors:VectorsLab",
    "matrices": "gui.labs.matrices:MatricesLab",
    "decompositions": "gui.labs.decompositions:DecompositionsLab",
    "derivatives": "gui.labs.derivatives:DerivativesLab",
    "optimizer": "gui.labs.optimizer:OptimizerLab",
    "probability": "gui.labs.probability:ProbabilityLab",
    "distributions": "gui.labs.distributions:DistributionsLab",
    "hypothesis": "gui.labs.hypothesis:HypothesisLab",
    "classifier": "gui.labs.classifier:ClassifierLab",
    "network": "gui.labs.network:NetworkLab",
}


def lab_class(name: str) -> type:
    """Import and return the Lab subclass registered as ``name``."""
    if name not in LABS:
        raise KeyError(f"unknown lab {name!r}; known labs: {', '.join(LABS)}")
    module, cls = LABS[name].split(":")
    return getattr(importlib.import_module(module), cls)


def modules() -> list[str]:
    """The module of every registered lab, in the registry's order (what the app's warm-up imports)."""
    return [target.split(":")[0] for target in LABS.values()]


def available() -> list[str]:
    """Registered labs whose module exists (all of them in a finished build)."""
    found = []
    for name, target in LABS.items():
        if importlib.util.find_spec(target.split(":")[0]) is not None:
            found.append(name)
    return found
