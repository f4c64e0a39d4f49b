"""engine.stats: the kept stream of standard draws (a σ or CLT n step reuses them) gives scipy's numbers bit for bit."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from scipy import stats as st
from scipy.stats._distn_infrastructure import rv_generic

from engine import stats as S
from engine.stats import distributions

AFFINE = {  # the families scipy draws as standard(size) * scale + loc, with hand-written scipy references
    "normal": ({"mu": 1.5, "sigma": 2.0}, st.norm(1.5, 2.0)),
    "uniform": ({"a": -1.0, "b": 3.0}, st.uniform(-1.0, 4.0)),
    "exponential": ({"lam": 2.5}, st.expon(scale=0.4)),
}


@pytest.mark.parametrize("name", list(AFFINE))
def test_clt_means_over_a_slider_drag_are_scipys_means(name):
    params, ref = AFFINE[name]
    for seed in (0, 7, 0):  # a seed change starts a new stream; going back draws the old one again
        for n in (1, 2, 5, 60, 8, 30, 3, 65, 10, 1):  # up, down and past the first stream's length
            got = S.clt_means(name, params, n=n, reps=4000, seed=seed).means
            want = ref.rvs(size=(4000, n), random_state=np.random.default_rng(seed)).mean(axis=1)
            np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("name", list(AFFINE))
def test_samples_are_scipys_draws_below_and_above_the_stream_limit(name):
    params, ref = AFFINE[name]
    limit = distributions.STREAM_LIMIT
    for n in (1, 10_000, 70_000, limit, limit + 1):
        got = S.sample(name, params, n, 3)
        np.testing.assert_array_equal(got, ref.rvs(size=n, random_state=np.random.default_rng(3)))
        got[:1] = 0.0  # the caller's own array, not a view of the kept stream
    np.testing.assert_array_equal(S.sample(name, params, 5, 3), ref.rvs(size=5, random_state=np.random.default_rng(3)))


def test_a_sigma_or_clt_n_step_draws_nothing_new(monkeypatch):
    S.sample("normal", {"mu": 0.0, "sigma": 1.0}, 10_000, 11)
    S.clt_means("normal", {"mu": 0.0, "sigma": 1.0}, n=20, reps=4000, seed=11)
    calls = []
    monkeypatch.setattr(rv_generic, "rvs", lambda *a, **k: calls.append(1))
    for sigma in (1.1, 1.2, 0.9):
        x = S.sample("normal", {"mu": 0.5, "sigma": sigma}, 10_000, 11)
        assert x.shape == (10_000,) and np.isfinite(x).all()
        S.clt_means("normal", {"mu": 0.5, "sigma": sigma}, n=10, reps=4000, seed=11)
    assert calls == []


def test_other_families_and_fresh_entropy_keep_their_own_draws():
    assert distributions.affine_draws("gamma", {"alpha": 3.0, "beta": 2.0}, 100, 1) is None
    assert distributions.affine_draws("normal", {}, 100, None) is None
    assert distributions.affine_draws("normal", {}, distributions.STREAM_LIMIT + 1, 1) is None
    gamma = S.sample("gamma", {"alpha": 3.0, "beta": 2.0}, 1000, 1)
    ref = st.gamma(3.0, scale=0.5).rvs(size=1000, random_state=np.random.default_rng(1))
    np.testing.assert_array_equal(gamma, ref)


@pytest.mark.parametrize("name", list(AFFINE))
def test_sorted_draws_and_their_percentiles_are_numpys(name):
    from engine.stats import samples

    params, _ref = AFFINE[name]
    for n in (1, 2, 49, 50, 10_000, 200_000):
        x = S.sample(name, params, n, 4)
        xs = distributions.affine_sorted(name, params, n, 4)
        np.testing.assert_array_equal(xs, np.sort(x))
        for q in ([0.5, 25, 75, 99.5], [0, 100, 50, 33.3]):
            np.testing.assert_array_equal(samples.percentiles_of_sorted(xs, q), np.percentile(x, q))
        plain = samples.histogram_of_checked(x, "auto", extent=(x.min(), x.max()))
        read = samples.histogram_of_checked(x, "auto", extent=(x.min(), x.max()), sorted_values=xs)
        np.testing.assert_array_equal(plain.edges, read.edges)
        np.testing.assert_array_equal(plain.counts, read.counts)


def test_a_sigma_step_partitions_nothing(monkeypatch):
    state = S.DistributionsState()
    S.sample_results(state, with_gof=False)  # the standard draws of this seed and N, sorted once
    calls = []
    real = np.percentile
    monkeypatch.setattr(np, "percentile", lambda *a, **k: calls.append(1) or real(*a, **k))
    res = S.sample_results(dataclasses.replace(state, params=(("mu", 0.5), ("sigma", 1.7))), with_gof=False)
    assert calls == []
    x = S.sample("normal", {"mu": 0.5, "sigma": 1.7}, state.n_samples, state.seed)
    want = S.histogram(x)
    np.testing.assert_array_equal(res.hist.edges, want.edges)
    np.testing.assert_array_equal(res.hist.counts, want.counts)
