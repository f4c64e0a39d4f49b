"""The vectors lab's window half: the lab widget and the views it is composed of."""

from gui.labs.vectors.lab import VectorsLab

__all__ = ["VectorsLab"]
