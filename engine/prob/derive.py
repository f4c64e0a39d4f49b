"""Everything the Probability lab draws for one state, computed in one place (the views only draw it)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.prob.bayes import BayesTest, bayes_test, icon_array, natural_frequencies
from engine.prob.events import EventProbs, Rect, disjoint_example, event_probs, independent_example, intersection
from engine.prob.lab import ProbabilityState, collect_metrics
from engine.prob.naive_bayes import Score, WordCounts, bundled_corpus, count_words, score_message, underflow_length
from engine.prob.simulation import Throw, binomial_bounds, throw_points
from engine.prob.spaces import Roll, roll, space_probs

__all__ = ["ProbabilityResults", "derive"]


@dataclass(frozen=True, eq=False)
class ProbabilityResults:
    """What the three tabs show for one :class:`ProbabilityState`."""

    events: EventProbs
    overlap: Rect | None
    """A∩B as a rectangle (None when A and B do not meet)."""
    disjoint_pair: tuple[Rect, Rect] | None
    """Same P(A), P(B) arranged disjoint (None when P(A) + P(B) > 1)."""
    independent_pair: tuple[Rect, Rect]
    """Same P(A), P(B) arranged independent: strips crossing in P(A)·P(B)."""
    throw: Throw
    bounds_a: tuple[float, float]
    """Where freq(A) lands for 99.99 % of seeds (normal approximation to the binomial)."""
    space: EventProbs
    """The finite space's events as exact fractions of equally likely outcomes."""
    rolled: Roll
    space_bounds_a: tuple[float, float]
    """Where the rolled freq(A) lands for 99.99 % of seeds."""
    first: BayesTest
    second: BayesTest | None
    """The second positive test, with the first posterior as its prior (None when the first is undefined)."""
    people: dict[str, int]
    """Natural frequencies of 1 000 people (natural_frequencies keys)."""
    icons: tuple[np.ndarray, np.ndarray]
    model: WordCounts
    score: Score
    underflow_words: int | None
    """How many words like this message's make the plain product underflow to 0.0."""
    metrics: dict[str, Any]


@functools.lru_cache(maxsize=8)
def _bayes_part(
    prevalence: float, sensitivity: float, specificity: float
) -> tuple[BayesTest, BayesTest | None, dict[str, int], tuple[np.ndarray, np.ndarray]]:
    first = bayes_test(prevalence, sensitivity, specificity)
    second = None if first.posterior is None else bayes_test(first.posterior, sensitivity, specificity)
    people = natural_frequencies(first)
    return first, second, people, icon_array(people)


@functools.lru_cache(maxsize=8)
def _naive_bayes_part(message: str, alpha: float) -> tuple[WordCounts, Score, int | None]:
    model = count_words(bundled_corpus())
    score = score_message(model, message, alpha)
    underflow = None
    if score.words:
        n = np.array(score.word_counts, dtype=float)
        underflow = underflow_length(float(np.log(score.p_word).mean(axis=0) @ n / n.sum()))
    return model, score, underflow


@functools.lru_cache(maxsize=8)
def _throw_part(a: Rect, b: Rect, n_trials: int, seed: int) -> tuple[Throw, tuple[float, float]]:
    throw = throw_points(a, b, n_trials, seed)
    return throw, binomial_bounds(throw.n, event_probs(a, b).p_a)


@functools.lru_cache(maxsize=8)
def _space_part(space: str, a: str, b: str, n_trials: int, seed: int) -> tuple[EventProbs, Roll]:
    return space_probs(space, a, b), roll(space, a, b, n_trials, seed)


def derive(state: ProbabilityState) -> ProbabilityResults:
    """Areas, simulation counts, the medical test and the naive Bayes score of ``state`` (all cheap: one frame).

    The parts a gesture on one tab leaves alone (an event dragged: the medical test, the message's score, the rolled
    dice) come from small caches keyed on the fields they read, so a drag recomputes only its own tab's maths.

    Parameters
    ----------
    state : ProbabilityState

    Returns
    -------
    ProbabilityResults
    """
    ev = event_probs(state.event_a, state.event_b)
    throw, bounds_a = _throw_part(state.event_a, state.event_b, state.n_trials, state.seed)
    first, second, people, icons = _bayes_part(state.prevalence, state.sensitivity, state.specificity)
    model, score, underflow = _naive_bayes_part(state.message, state.alpha)
    space, rolled = _space_part(state.space, state.space_a, state.space_b, state.n_trials, state.seed)
    return ProbabilityResults(
        events=ev,
        overlap=intersection(state.event_a, state.event_b),
        disjoint_pair=disjoint_example(ev.p_a, ev.p_b),
        independent_pair=independent_example(ev.p_a, ev.p_b),
        throw=throw,
        bounds_a=bounds_a,
        space=space,
        rolled=rolled,
        space_bounds_a=binomial_bounds(rolled.n, float(space.p_a)),
        first=first,
        second=second,
        people=people,
        icons=icons,
        model=model,
        score=score,
        underflow_words=underflow,
        metrics=collect_metrics(state, ev, throw, first, second, score, space, rolled),
    )
