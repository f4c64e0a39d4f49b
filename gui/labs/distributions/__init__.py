"""The distributions lab's window half: the lab widget and the views it is composed of."""

from gui.labs.distributions.lab import DistributionsLab

__all__ = ["DistributionsLab"]
