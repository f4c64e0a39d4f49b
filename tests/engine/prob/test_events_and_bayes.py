"""engine.prob: areas against exact fractions, the medical test against a hand-worked case, simulation bounds."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from engine import prob as P
from engine.schema import SchemaError, from_dict, to_dict


def test_areas_are_exact_fractions() -> None:
    a = (F(1, 10), F(1, 5), F(1, 2), F(1, 2))
    b = (F(2, 5), F(1, 10), F(2, 5), F(1, 2))
    ev = P.event_probs(a, b)
    # A∩B = [2/5, 3/5] × [1/5, 3/5]: (1/5)·(2/5) = 2/25
    assert ev.p_a == F(1, 4) and ev.p_b == F(1, 5) and ev.p_ab == F(2, 25)
    assert ev.p_union == F(1, 4) + F(1, 5) - F(2, 25) == F(37, 100)
    assert ev.p_a_given_b == F(2, 5) and ev.p_b_given_a == F(8, 25)
    assert ev.p_a_times_p_b == F(1, 20) and not ev.independent and not ev.disjoint


def test_crossing_strips_are_independent_and_disjoint_events_are_not() -> None:
    pa, pb = F(3, 10), F(2, 5)
    strip_a, strip_b = P.independent_example(pa, pb)
    ind = P.event_probs(strip_a, strip_b)
    assert ind.p_ab == pa * pb and ind.independent and ind.p_a_given_b == pa
    left, right = P.disjoint_example(pa, pb)
    dis = P.event_probs(left, right)
    assert dis.p_ab == 0 and dis.disjoint and not dis.independent  # P(A)P(B) = 3/25 ≠ 0
    assert dis.p_a == pa and dis.p_b == pb and dis.p_union == pa + pb
    assert P.disjoint_example(0.7, 0.5) is None  # areas adding to more than 1 must overlap


def test_conditioning_on_an_empty_event_is_undefined_not_nan() -> None:
    ev = P.event_probs((0.0, 0.0, 0.5, 0.5), (0.5, 0.5, 0.0, 0.3))
    assert ev.p_b == 0 and ev.p_a_given_b is None and ev.p_b_given_a == 0.0
    m = P.metrics(P.ProbabilityState(event_b=(0.5, 0.5, 0.0, 0.3)))
    assert m["p_a_given_b"] == "undefined"


@given(
    st.tuples(*[st.integers(0, 20)] * 4),
    st.tuples(*[st.integers(0, 20)] * 4),
)
def test_float_areas_match_exact_arithmetic_and_the_rules_hold(ia, ib) -> None:
    def rect(i):
        x, y, w, h = (F(v, 20) for v in i)
        return (x, y, min(w, 1 - x), min(h, 1 - y))

    a, b = rect(ia), rect(ib)
    exact = P.event_probs(a, b)
    approx = P.event_probs(tuple(float(v) for v in a), tuple(float(v) for v in b))
    for key in ("p_a", "p_b", "p_ab", "p_union"):
        assert getattr(approx, key) == pytest.approx(float(getattr(exact, key)), abs=1e-12)
    assert 0 <= exact.p_ab <= min(exact.p_a, exact.p_b) and exact.p_union <= 1
    if exact.p_b > 0:
        assert exact.p_a_given_b * exact.p_b == exact.p_ab  # the product rule


def test_moving_and_resizing_stay_inside_the_square() -> None:
    assert P.move_rect((0.1, 0.2, 0.5, 0.5), 0.7, 0.0) == (0.5, 0.2, 0.5, 0.5)
    assert P.move_rect((0.1, 0.2, 0.5, 0.5), -0.3, -0.05) == (0.0, 0.15, 0.5, 0.5)
    assert P.resize_rect((0.6, 0.2, 0.3, 0.5), 0.3, -0.6) == (0.6, 0.2, 0.4, 0.0)
    assert P.clamp_rect((0.123, 0.5, 0.33, 0.9), step=0.05) == (0.1, 0.1, 0.35, 0.9)


def test_bayes_hand_worked_case() -> None:
    t = P.bayes_test(0.01, 0.90, 0.91)
    # Of 1000 people: 10 sick, 9 of them positive; 990 healthy, 9 % of them = 89.1 positive: P(D|+) = 9 / 98.1.
    assert t.p_positive == pytest.approx(0.0981, abs=1e-15)
    assert t.posterior == pytest.approx(9 / 98.1, rel=1e-12)
    assert round(t.posterior, 4) == 0.0917
    freq = P.natural_frequencies(t)
    assert freq == {"sick": 10, "true_pos": 9, "false_neg": 1, "false_pos": 89, "true_neg": 901, "positive": 98}
    # Second positive: the first posterior is the new prior.
    t2 = P.bayes_test(t.posterior, 0.90, 0.91)
    odds = (t.posterior / (1 - t.posterior)) * (0.90 / 0.09)
    assert t2.posterior == pytest.approx(odds / (1 + odds), rel=1e-12)
    assert P.metrics(P.ProbabilityState())["posterior_two"] == pytest.approx(t2.posterior)


def test_bayes_degenerate_and_bad_inputs() -> None:
    assert P.bayes_test(0.0, 0.9, 1.0).posterior is None  # nobody tests positive
    assert P.metrics(P.ProbabilityState(prevalence=0.0, specificity=1.0))["posterior"] == "undefined"
    assert P.bayes_test(1.0, 0.9, 0.5).posterior == 1.0
    for bad in (float("nan"), -0.1, 1.5):
        with pytest.raises(ValueError, match="prevalence"):
            P.bayes_test(bad, 0.9, 0.9)


@given(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1))
def test_natural_frequencies_always_add_to_1000(prev, sens, spec) -> None:
    freq = P.natural_frequencies(P.bayes_test(prev, sens, spec))
    assert freq["true_pos"] + freq["false_neg"] + freq["false_pos"] + freq["true_neg"] == 1000
    assert min(freq.values()) >= 0
    xy, codes = P.icon_array(freq)
    assert xy.shape == (1000, 2) and np.bincount(codes, minlength=4)[0] == freq["true_pos"]


@pytest.mark.parametrize("n", [1_000, 1_000_000, 10_000_000])
def test_simulated_frequencies_lie_within_binomial_bounds(n) -> None:
    a, b = (0.1, 0.2, 0.5, 0.5), (0.4, 0.1, 0.4, 0.5)
    throw = P.throw_points(a, b, n, seed=7)
    for count, p in ((throw.n_a, 0.25), (throw.n_b, 0.2), (throw.n_ab, 0.08), (throw.n_union, 0.37)):
        lo, hi = stats.binom.interval(0.9999, n, p)  # scipy's exact binomial quantiles, not our formula
        assert lo <= count <= hi, (count, n, p)
    assert throw.points.shape == (min(n, P.SHOWN_POINTS), 2)
    again = P.throw_points(a, b, n, seed=7)
    assert (again.n_a, again.n_ab) == (throw.n_a, throw.n_ab)  # seeded: reproducible


def test_small_throws_count_exactly_the_drawn_points() -> None:
    a, b = (0.0, 0.0, 0.5, 1.0), (0.0, 0.0, 1.0, 0.5)
    throw = P.throw_points(a, b, 500, seed=3)
    x, y = throw.points[:, 0], throw.points[:, 1]
    assert throw.n_a == int(np.sum(x < 0.5)) and throw.n_ab == int(np.sum((x < 0.5) & (y < 0.5)))
    lo, hi = P.binomial_bounds(500, 0.25)
    assert lo < throw.n_ab / 500 < hi
    assert P.throw_points(a, b, 0, seed=0).n_a == 0
    with pytest.raises(ValueError):
        P.throw_points(a, b, -1, seed=0)


def test_state_round_trip_and_validation() -> None:
    s = P.ProbabilityState(event_a=(0.2, 0.3, 0.4, 0.25), tab="bayes", message="hello there", second_test=True)
    assert from_dict(P.ProbabilityState, to_dict(s)) == s
    bad = to_dict(s)
    bad["event_a"] = [0.8, 0.0, 0.5, 0.5]
    with pytest.raises(SchemaError, match="event_a"):
        from_dict(P.ProbabilityState, bad)
    bad["event_a"] = [0.1, 0.0, float("nan"), 0.5]
    with pytest.raises(SchemaError, match="event_a"):
        from_dict(P.ProbabilityState, bad)


@pytest.mark.parametrize(
    "state",
    [
        P.ProbabilityState(),
        P.ProbabilityState(event_b=(0.7, 0.7, 0.2, 0.2), n_trials=0, prevalence=0.0, specificity=1.0, message=""),
        P.ProbabilityState(n_trials=3_000_000, seed=5, alpha=0.5, message="see you at the library tomorrow"),
    ],
)
def test_code_reproduces_metrics_and_draws(state, monkeypatch) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.setattr(plt, "show", lambda: None)
    m = P.metrics(state)
    ns: dict = {}
    exec(compile(P.code(state), "<code>", "exec"), ns)
    result = ns["result"]
    assert set(result) <= set(m) and {"p_a", "p_ab", "nb_p_spam"} <= set(result)
    for key, value in result.items():
        if isinstance(value, bool):
            assert value == m[key], key
        else:
            assert value == pytest.approx(m[key], rel=1e-9, abs=1e-12), key
    assert len(plt.gcf().axes) == 2
    plt.close("all")


def test_derive_bundles_everything_and_is_consistent_with_metrics() -> None:
    s = replace(P.ProbabilityState(), n_trials=1_000_000)
    r = P.derive(s)
    assert r.metrics == P.metrics(s)  # derive reuses its parts; the numbers are the same
    assert r.metrics["posterior"] == r.first.posterior
    assert r.bounds_a[0] < r.metrics["freq_a"] < r.bounds_a[1]
    assert r.overlap == pytest.approx((0.4, 0.2, 0.2, 0.4))


def test_dragging_an_event_recomputes_only_the_events_and_the_same_throw() -> None:
    """derive keeps the parts an event drag leaves alone (same objects), and they equal a computation from scratch."""
    import sys

    base = P.ProbabilityState(n_trials=1_000_000, seed=3, message="free prize")
    moved = replace(base, event_b=(0.3, 0.1, 0.4, 0.5))
    r0, r1 = P.derive(base), P.derive(moved)
    assert r1.throw.points is r0.throw.points and not r1.throw.points.flags.writeable
    assert P.derive(replace(moved, message="call now")).throw is r1.throw  # a keystroke does not throw again
    assert r1.score is r0.score and r1.first is r0.first and r1.rolled is r0.rolled
    derive_module = sys.modules["engine.prob.derive"]
    simulation = sys.modules["engine.prob.simulation"]
    for cache in (derive_module._bayes_part, derive_module._naive_bayes_part, derive_module._space_part,
                  derive_module._throw_part, simulation._first_points):  # fmt: skip
        cache.cache_clear()
    fresh = P.derive(moved)
    assert fresh.throw.points is not r1.throw.points
    np.testing.assert_array_equal(fresh.throw.points, r1.throw.points)
    assert (fresh.throw.n_a, fresh.throw.n_b, fresh.throw.n_ab) == (r1.throw.n_a, r1.throw.n_b, r1.throw.n_ab)
    assert fresh.metrics == r1.metrics
    # the counts beyond the drawn points continue the seed's stream exactly as one generator would
    rng = np.random.default_rng(3)
    rng.random((2000, 2))
    ev = fresh.events
    cells = np.array([ev.p_ab, ev.p_a - ev.p_ab, ev.p_b - ev.p_ab, 1 - ev.p_union], dtype=float)
    more = rng.multinomial(1_000_000 - 2000, cells / cells.sum())
    drawn_ab = int(np.sum(fresh.throw.in_a & fresh.throw.in_b))
    assert fresh.throw.n_ab == drawn_ab + int(more[0])
