"""The Classifier lab: logistic regression's probabilities, a threshold, and the statistics of its evaluation."""

from gui.labs.classifier.lab import ClassifierLab

__all__ = ["ClassifierLab"]
