"""The matrices lab's window half: the lab widget and the views it is composed of."""

from gui.labs.matrices.lab import MatricesLab

__all__ = ["MatricesLab"]
