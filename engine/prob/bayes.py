"""Bayes' theorem with base rates: a medical test's posterior, as probabilities and as natural frequencies."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["BayesTest", "bayes_test", "natural_frequencies", "icon_array"]


@dataclass(frozen=True)
class BayesTest:
    """One positive result of a test: the joint probabilities, P(+) and the posterior P(D | +).

    ``posterior`` is None when P(+) = 0 (nobody ever tests positive: the question has no answer).
    """

    prior: float
    sensitivity: float
    specificity: float
    p_true_pos: float
    p_false_neg: float
    p_false_pos: float
    p_true_neg: float
    p_positive: float
    posterior: float | None


def _prob(x: float, name: str) -> float:
    x = float(x)
    if not (math.isfinite(x) and 0.0 <= x <= 1.0):
        raise ValueError(f"{name} must be a probability between 0 and 1, got {x}")
    return x


def bayes_test(prior: float, sensitivity: float, specificity: float) -> BayesTest:
    """P(D | +) = P(+ | D) P(D) / [P(+ | D) P(D) + P(+ | not D) P(not D)].

    Parameters
    ----------
    prior : float in [0, 1]
        P(D): the prevalence (or the posterior of an earlier positive test, for sequential updating).
    sensitivity : float in [0, 1]
        P(+ | D).
    specificity : float in [0, 1]
        P(− | not D); the false-positive rate is 1 − specificity.

    Returns
    -------
    BayesTest
    """
    prior = _prob(prior, "prevalence")
    sens = _prob(sensitivity, "sensitivity")
    spec = _prob(specificity, "specificity")
    tp = prior * sens
    fn = prior * (1.0 - sens)
    fp = (1.0 - prior) * (1.0 - spec)
    tn = (1.0 - prior) * spec
    pos = tp + fp
    return BayesTest(prior, sens, spec, tp, fn, fp, tn, pos, tp / pos if pos > 0 else None)


def natural_frequencies(test: BayesTest, people: int = 1000) -> dict[str, int]:
    """How many of ``people`` fall in each cell, rounded so the four add up to ``people`` (largest remainders).

    Keys: ``sick``, ``true_pos``, ``false_neg``, ``false_pos``, ``true_neg``, ``positive``.
    """
    exact = np.array([test.p_true_pos, test.p_false_neg, test.p_false_pos, test.p_true_neg]) * people
    counts = np.floor(exact).astype(int)
    short = people - int(counts.sum())
    for i in np.argsort(-(exact - counts), kind="stable")[:short]:
        counts[i] += 1
    tp, fn, fp, tn = (int(c) for c in counts)
    return {"sick": tp + fn, "true_pos": tp, "false_neg": fn, "false_pos": fp, "true_neg": tn, "positive": tp + fp}


def icon_array(counts: dict[str, int], columns: int = 40) -> tuple[np.ndarray, np.ndarray]:
    """Grid positions (people × 2) and cell codes (0 true pos, 1 false neg, 2 false pos, 3 true neg) of an icon array.

    People are laid out row by row from the top left, the sick ones first, so each group is one block.
    """
    codes = np.repeat(
        np.arange(4), [counts["true_pos"], counts["false_neg"], counts["false_pos"], counts["true_neg"]]
    ).astype(int)
    i = np.arange(codes.size)
    rows = -(-codes.size // columns)
    xy = np.column_stack([i % columns, rows - 1 - i // columns]).astype(float)
    return xy, codes
