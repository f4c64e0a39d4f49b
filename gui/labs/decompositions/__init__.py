"""The Decompositions lab: least squares as projection, SVD, PCA, low-rank images, Markov chains."""

from gui.labs.decompositions.lab import DecompositionsLab

__all__ = ["DecompositionsLab"]
