"""The optimizer lab's window half: the lab widget and the views it is composed of."""

from gui.labs.optimizer.lab import OptimizerLab

__all__ = ["OptimizerLab"]
