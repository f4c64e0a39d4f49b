"""The derivatives lab's window half: the lab widget and the views it is composed of."""

from gui.labs.derivatives.lab import DerivativesLab

__all__ = ["DerivativesLab"]
