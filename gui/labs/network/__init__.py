"""The network lab's window half: the lab widget and the views it is composed of."""

from gui.labs.network.lab import NetworkLab

__all__ = ["NetworkLab"]
