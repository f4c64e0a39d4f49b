"""The Probability lab: events as areas, simulation, Bayes with base rates, naive Bayes."""

from gui.labs.probability.lab import ProbabilityLab

__all__ = ["ProbabilityLab"]
