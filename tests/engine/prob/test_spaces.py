"""Finite sample spaces (dice, cards, coins): exact counting, seeded rolls within binomial bounds, state validation."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest
from scipy import stats

from engine import prob as P
from engine.schema import SchemaError, from_dict, to_dict


def test_spaces_have_the_classic_number_of_outcomes() -> None:
    assert [len(P.outcomes(s)) for s in P.SPACES] == [36, 52, 8]
    assert len(set(P.outcomes("cards"))) == 52
    assert P.outcome_label("dice", (3, 4)) == "(3,\u00a04)" and P.outcome_label("cards", ("Q", "♥")) == "Q♥"
    assert P.outcome_label("coins", ("H", "T", "H")) == "HTH"
    with pytest.raises(ValueError, match="unknown sample space"):
        P.outcomes("urn")
    with pytest.raises(ValueError, match="no event"):
        P.event_mask("dice", "heart")


@pytest.mark.parametrize(
    ("space", "a", "b", "p_a", "p_b", "p_ab", "independent"),
    [
        # hand-counted: sum 7 = {16, 25, 34, 43, 52, 61}; with a 6 first only (6,1)
        ("dice", "first_6", "sum_7", F(1, 6), F(6, 36), F(1, 36), True),
        ("dice", "doubles", "sum_even", F(6, 36), F(18, 36), F(6, 36), False),
        ("dice", "sum_ge_10", "has_1", F(6, 36), F(11, 36), F(0), False),
        ("cards", "heart", "face", F(13, 52), F(12, 52), F(3, 52), True),
        ("cards", "heart", "red", F(1, 4), F(1, 2), F(1, 4), False),
        ("cards", "ace", "king", F(4, 52), F(4, 52), F(0), False),
        ("coins", "first_heads", "all_same", F(1, 2), F(2, 8), F(1, 8), True),
        ("coins", "two_heads_plus", "exactly_one_heads", F(4, 8), F(3, 8), F(0), False),
    ],
)
def test_probabilities_are_exact_counts(space, a, b, p_a, p_b, p_ab, independent) -> None:
    ev = P.space_probs(space, a, b)
    assert (ev.p_a, ev.p_b, ev.p_ab) == (p_a, p_b, p_ab)
    assert ev.p_union == p_a + p_b - p_ab and ev.independent is independent and ev.disjoint is (p_ab == 0)
    assert ev.p_a_given_b == p_ab / p_b
    # an independent reference: brute-force counting over the outcome list
    outs = P.outcomes(space)
    ma, mb = P.event_mask(space, a), P.event_mask(space, b)
    assert F(sum(1 for o, x, y in zip(outs, ma, mb, strict=True) if x and y), len(outs)) == ev.p_ab


def test_impossible_condition_is_undefined() -> None:
    # "no heads at all" ∩ "two or more heads" is empty, but conditioning on an empty *event* needs P(B) = 0:
    ev = P.space_probs("coins", "first_heads", "no_heads")
    assert ev.p_b == F(1, 8) and ev.p_ab == 0 and ev.p_a_given_b == 0
    assert all(P.event_mask(s, k).any() for s in P.SPACES for k in P.SPACE_EVENTS[s])  # no event is empty


@pytest.mark.parametrize("n", [1_000, 1_000_000, 10_000_000])
@pytest.mark.parametrize("space", P.SPACES)
def test_rolled_frequencies_lie_within_binomial_bounds(space, n) -> None:
    a, b = P.DEFAULT_EVENTS[space]
    r = P.roll(space, a, b, n, seed=11)
    ev = P.space_probs(space, a, b)
    assert int(r.counts.sum()) == n and len(r.first) == min(n, P.SHOWN_ROLLS)
    for count, p in ((r.n_a, ev.p_a), (r.n_b, ev.p_b), (r.n_ab, ev.p_ab), (r.n_union, ev.p_union)):
        lo, hi = stats.binom.interval(0.9999, n, float(p))
        assert lo <= count <= hi, (space, count, n, p)
    again = P.roll(space, a, b, n, seed=11)
    assert np.array_equal(again.counts, r.counts) and np.array_equal(again.first, r.first)


def test_outcome_counts_are_uniform() -> None:
    r = P.roll("cards", "heart", "face", 520_000, seed=2)
    assert stats.chisquare(r.counts).pvalue > 1e-4  # each card equally likely (fixed seed: deterministic)


def test_few_rolls_are_exactly_the_listed_outcomes() -> None:
    r = P.roll("dice", "first_6", "sum_7", 20, seed=4)
    outs = P.outcomes("dice")
    assert np.array_equal(np.bincount(r.first, minlength=36), r.counts)
    assert r.n_a == sum(outs[i][0] == 6 for i in r.first)
    assert P.roll("dice", "first_6", "sum_7", 0, seed=0).n_a == 0
    with pytest.raises(ValueError, match="0 or more"):
        P.roll("dice", "first_6", "sum_7", -1, seed=0)


def test_state_checks_events_belong_to_the_space() -> None:
    s = P.ProbabilityState(tab="outcomes", space="cards", space_a="heart", space_b="face")
    assert from_dict(P.ProbabilityState, to_dict(s)) == s
    bad = to_dict(s)
    bad["space_a"] = "sum_7"
    with pytest.raises(SchemaError, match="space_a"):
        from_dict(P.ProbabilityState, bad)
    bad["space"] = "urn"
    with pytest.raises(SchemaError, match="space"):
        from_dict(P.ProbabilityState, bad)


def test_metrics_name_the_finite_space() -> None:
    m = P.metrics(P.ProbabilityState(space="cards", space_a="heart", space_b="face", n_trials=100_000))
    assert m["space_p_ab"] == pytest.approx(3 / 52) and m["space_independent"] is True
    assert m["space_p_a_given_b"] == pytest.approx(0.25)
    assert abs(m["space_freq_a"] - 0.25) < 0.01


def test_show_the_code_conditions_equal_the_engine_events() -> None:
    for space in P.SPACES:
        listed = eval(P.OUTCOME_CODE[space], {"itertools": __import__("itertools")})  # the snippet's outcome list
        assert [tuple(o) for o in listed] == [tuple(o) for o in P.outcomes(space)], space
        names = P.OUTCOME_NAMES[space]
        for key in P.SPACE_EVENTS[space]:
            mask = eval(f"[{P.EVENT_CODE[space][key]} for {names} in outcomes]", {"outcomes": listed})
            assert mask == list(P.event_mask(space, key)), (space, key)
