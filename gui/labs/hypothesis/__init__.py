"""The hypothesis lab's window half: the lab widget and the views it is composed of."""

from gui.labs.hypothesis.lab import HypothesisLab

__all__ = ["HypothesisLab"]
