"""Everything the Probability lab draws for one state, computed in one place (the views only draw it)."""

from __future__ import annotations

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


def derive(state: ProbabilityState) -> ProbabilityResults:
    """Areas, simulation counts, the medical test and the naive Bayes score of ``state`` (all cheap: one frame).

    Parameters
    ----------
    state : ProbabilityState

    Returns
    -------
    ProbabilityResults
    """
    ev = event_probs(state.event_a, state.event_b)
    throw = throw_points(state.event_a, state.event_b, state.n_trials, state.seed)
    first = bayes_test(state.prevalence, state.sensitivity, state.specificity)
    second = None if first.posterior is None else bayes_test(first.posterior, state.sensitivity, state.specificity)
    people = natural_frequencies(first)
    model = count_words(bundled_corpus())
    score = score_message(model, state.message, state.alpha)
    space = space_probs(state.space, state.space_a, state.space_b)
    rolled = roll(state.space, state.space_a, state.space_b, state.n_trials, state.seed)
    underflow = None
    if score.words:
        n = np.array(score.word_counts, dtype=float)
        underflow = underflow_length(float(np.log(score.p_word).mean(axis=0) @ n / n.sum()))
    return ProbabilityResults(
        events=ev,
        overlap=intersection(state.event_a, state.event_b),
        disjoint_pair=disjoint_example(ev.p_a, ev.p_b),
        independent_pair=independent_example(ev.p_a, ev.p_b),
        throw=throw,
        bounds_a=binomial_bounds(throw.n, ev.p_a),
        space=space,
        rolled=rolled,
        space_bounds_a=binomial_bounds(rolled.n, float(space.p_a)),
        first=first,
        second=second,
        people=people,
        icons=icon_array(people),
        model=model,
        score=score,
        underflow_words=underflow,
        metrics=collect_metrics(state, ev, throw, first, second, score, space, rolled),
    )
