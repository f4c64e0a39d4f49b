"""The Probability lab's state (events, simulation, medical test, naive Bayes message) and its named numbers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.prob.bayes import BayesTest, bayes_test, natural_frequencies
from engine.prob.events import EventProbs, event_probs
from engine.prob.naive_bayes import Score, bundled_corpus, count_words, score_message
from engine.prob.simulation import Throw, throw_points
from engine.prob.spaces import DEFAULT_EVENTS, SPACE_EVENTS, SPACES, Roll, roll, space_probs
from engine.schema import SchemaError, spec

__all__ = ["TABS", "EVENT_STEP", "FREE_STEP", "ProbabilityState", "metrics", "collect_metrics"]

TABS = ("events", "outcomes", "bayes", "naive_bayes")
EVENT_STEP = 0.05
"""Grid that dragged or arrow-moved event corners snap to (areas stay exact-looking fractions)."""
FREE_STEP = 0.01
"""Resolution of event corners when snapping is off."""
EDGE_TOL = 1e-9


@dataclass(frozen=True)
class ProbabilityState:
    """Everything a user can set in the Probability lab."""

    tab: str = spec("events", choices=TABS)
    event_a: tuple[float, float, float, float] = spec((0.1, 0.2, 0.5, 0.5), lo=0.0, hi=1.0, step=EVENT_STEP, decimals=2)
    """(x, y, width, height) of A inside the unit square."""
    event_b: tuple[float, float, float, float] = spec((0.4, 0.1, 0.4, 0.5), lo=0.0, hi=1.0, step=EVENT_STEP, decimals=2)
    snap: bool = spec(True)
    show_points: bool = spec(False)
    space: str = spec("dice", choices=SPACES)
    """The finite sample space of the "outcomes" tab: two dice, a deck of cards or three coins."""
    space_a: str = spec(DEFAULT_EVENTS["dice"][0], max_chars=40)
    """Event A of the finite space (a key of ``SPACE_EVENTS[space]``)."""
    space_b: str = spec(DEFAULT_EVENTS["dice"][1], max_chars=40)
    n_trials: int = spec(1000, lo=0, hi=10_000_000, integer=True, log=True, label="n")
    seed: int = spec(0, lo=0, hi=2**31 - 1, integer=True, label="seed")
    prevalence: float = spec(0.01, lo=0.0, hi=1.0, step=0.001, decimals=3, soft_hi=0.5, label="prevalence P(D)")
    sensitivity: float = spec(0.9, lo=0.0, hi=1.0, step=0.005, decimals=3, soft_lo=0.5, label="sensitivity P(+|D)")
    specificity: float = spec(0.91, lo=0.0, hi=1.0, step=0.005, decimals=3, soft_lo=0.5, label="specificity P(−|not D)")
    second_test: bool = spec(False)
    message: str = spec("Claim your free prize now, call today", max_chars=400)
    alpha: float = spec(1.0, lo=0.01, hi=10.0, step=0.01, decimals=2, soft_hi=3.0, label="smoothing α")

    def validate(self) -> None:
        """Events stay inside the unit square."""
        for name in ("event_a", "event_b"):
            x, y, w, h = getattr(self, name)
            if x + w > 1.0 + EDGE_TOL or y + h > 1.0 + EDGE_TOL:
                raise SchemaError(name, "must lie inside the unit square: x + width ≤ 1 and y + height ≤ 1")
        for name in ("space_a", "space_b"):
            if getattr(self, name) not in SPACE_EVENTS.get(self.space, ()):
                choices = ", ".join(SPACE_EVENTS.get(self.space, ()))
                raise SchemaError(name, f"is not an event of the {self.space} space: use one of {choices}")


def metrics(state: ProbabilityState) -> dict[str, Any]:
    """Named numbers of a Probability state.

    Keys: ``p_a p_b p_ab p_union p_not_a p_a_times_p_b``, ``p_a_given_b p_b_given_a`` ("undefined" when the condition
    has probability 0), ``independent disjoint`` (true/false), ``independence_gap`` (P(A∩B) − P(A)P(B));
    ``n_trials freq_a freq_b freq_ab freq_a_given_b`` (the simulation, seeded); ``prevalence sensitivity specificity
    p_positive posterior`` (P(D|+); "undefined" when nobody tests positive), ``posterior_two`` (after a second
    positive; "undefined" likewise), ``false_pos_per_1000 true_pos_per_1000``; ``nb_p_spam`` (P(spam | message)),
    ``nb_label`` ("spam"/"ham"), ``nb_known_words``, ``alpha``; the finite space (dice, cards, coins): ``space_p_a
    space_p_b space_p_ab space_p_union space_p_a_given_b space_independent space_disjoint space_freq_a space_freq_ab``.
    """
    ev = event_probs(state.event_a, state.event_b)
    sim = throw_points(state.event_a, state.event_b, state.n_trials, state.seed)
    first = bayes_test(state.prevalence, state.sensitivity, state.specificity)
    second = None if first.posterior is None else bayes_test(first.posterior, state.sensitivity, state.specificity)
    score = score_message(count_words(bundled_corpus()), state.message, state.alpha)
    space = space_probs(state.space, state.space_a, state.space_b)
    rolled = roll(state.space, state.space_a, state.space_b, state.n_trials, state.seed)
    return collect_metrics(state, ev, sim, first, second, score, space, rolled)


def collect_metrics(
    state: ProbabilityState,
    ev: EventProbs,
    sim: Throw,
    first: BayesTest,
    second: BayesTest | None,
    score: Score,
    space: EventProbs,
    rolled: Roll,
) -> dict[str, Any]:
    """The metrics dict from parts already computed (``derive`` has them all and must not compute them twice)."""
    out: dict[str, Any] = {
        "p_a": ev.p_a,
        "p_b": ev.p_b,
        "p_ab": ev.p_ab,
        "p_union": ev.p_union,
        "p_not_a": 1.0 - ev.p_a,
        "p_a_times_p_b": ev.p_a_times_p_b,
        "p_a_given_b": "undefined" if ev.p_a_given_b is None else ev.p_a_given_b,
        "p_b_given_a": "undefined" if ev.p_b_given_a is None else ev.p_b_given_a,
        "independent": ev.independent,
        "disjoint": ev.disjoint,
        "independence_gap": ev.p_ab - ev.p_a_times_p_b,
    }
    n = max(sim.n, 1)
    out.update(
        n_trials=sim.n,
        freq_a=sim.n_a / n,
        freq_b=sim.n_b / n,
        freq_ab=sim.n_ab / n,
        freq_a_given_b=sim.n_ab / sim.n_b if sim.n_b else "undefined",
    )
    out.update(
        prevalence=state.prevalence,
        sensitivity=state.sensitivity,
        specificity=state.specificity,
        p_positive=first.p_positive,
        posterior="undefined" if first.posterior is None else first.posterior,
        posterior_two="undefined" if second is None or second.posterior is None else second.posterior,
    )
    freq = natural_frequencies(first)
    out["false_pos_per_1000"] = freq["false_pos"]
    out["true_pos_per_1000"] = freq["true_pos"]
    out.update(
        nb_p_spam=score.posterior[0],
        nb_label="spam" if score.posterior[0] > 0.5 else "ham",
        nb_known_words=len(score.words),
        alpha=state.alpha,
    )
    trials = max(rolled.n, 1)
    out.update(
        space_p_a=float(space.p_a),
        space_p_b=float(space.p_b),
        space_p_ab=float(space.p_ab),
        space_p_union=float(space.p_union),
        space_p_a_given_b="undefined" if space.p_a_given_b is None else float(space.p_a_given_b),
        space_independent=space.independent,
        space_disjoint=space.disjoint,
        space_freq_a=rolled.n_a / trials,
        space_freq_ab=rolled.n_ab / trials,
    )
    return out
