"""The MLE tab on millions of draws: no full-size temporaries (tracemalloc), the same numbers as whole-array code."""

from __future__ import annotations

import dataclasses
import math
import tracemalloc

import numpy as np
import pytest
from scipy import stats as st

import engine.stats as S
from engine.stats import fit_large
from engine.stats.chunked import Observations, observations
from engine.stats.lab import DistributionsState
from engine.stats.mle_view import mle_results

N_BIG = 2_000_000


def _state(dist: str, n: int) -> DistributionsState:
    return dataclasses.replace(
        DistributionsState(), distribution=dist, params=DistributionsState.params_for(dist), n_samples=n, tab="mle",
        mle_family=dist,
    )  # fmt: skip


@pytest.mark.parametrize("dist", ["normal", "poisson"])
def test_mle_tab_on_two_million_draws_stays_small_and_equals_whole_array_references(dist: str) -> None:
    """Peak traced memory under a quarter of the sample; the old whole-array code peaked at 613 % (normal), 213 %."""
    s = _state(dist, N_BIG)
    x = S.sample(s.distribution, s.params, s.n_samples, s.seed)
    mle_results(s, x[:1000])  # scipy's first-use imports and caches are not the tab's working memory
    tracemalloc.start()
    try:
        res = mle_results(s, x)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert res.error == "" and res.fit is not None
    assert peak < 0.25 * x.nbytes, f"peak {peak / 2**20:.1f} MB for a {x.nbytes / 2**20:.0f} MB sample"
    if dist == "normal":
        mu, sigma = float(np.mean(x)), float(np.std(x))
        assert res.fit.as_dict() == pytest.approx({"mu": mu, "sigma": sigma}, rel=1e-13)
        assert res.fit.loglik == pytest.approx(float(np.sum(st.norm.logpdf(x, mu, sigma))), rel=1e-13)
        counts, edges = np.histogram(x, bins=4096)  # the profile's documented binning, computed here whole
        keep = counts > 0
        centres = 0.5 * (edges[:-1] + edges[1:])[keep]
        expected = [float(np.dot(counts[keep], st.norm.logpdf(centres, m, sigma))) for m in res.grid[::30]]
        np.testing.assert_allclose(res.loglik[::30], expected, rtol=1e-12)
        assert res.contour is not None and res.contour.relative.max() == 0.0
    else:
        lam = float(np.mean(x))
        assert res.fit.as_dict() == {"lam": lam} and res.mom.as_dict() == {"lam": lam}
        values, counts = np.unique(x, return_counts=True)
        assert res.fit.loglik == pytest.approx(float(np.dot(counts, st.poisson.logpmf(values, lam))), rel=1e-12)
        expected = [float(np.dot(counts, st.poisson.logpmf(values, g))) for g in res.grid[::30]]
        np.testing.assert_allclose(res.loglik[::30], expected, rtol=1e-12)


@pytest.mark.parametrize("n", [4999, 5000])
def test_order_statistics_and_percentiles_equal_numpys_bit_for_bit(n: int) -> None:
    rng = np.random.default_rng(n)
    smooth = rng.standard_cauchy(n)
    ties = np.round(rng.normal(size=n), 1)  # many equal values straddle the bins' edges
    two = rng.integers(0, 2, n) * np.nextafter(1.0, 2.0) + (1 - rng.integers(0, 2, n)) * 1.0  # neighbouring floats
    huge = np.concatenate([[-1.7e308, 1.7e308], rng.normal(size=n - 2) * 1e-300])  # max − min overflows
    for x in (smooth, ties, two, huge):
        obs = Observations(x, chunk=256)
        assert obs.percentiles([25, 50, 75]) == [float(v) for v in np.percentile(x, [25, 50, 75])]
        assert obs.median() == float(np.median(x))
        ranks = [0, 1, n // 3, n - 1]
        assert obs.order_stats(ranks) == [float(v) for v in np.sort(x)[ranks]]


def test_counts_equal_np_unique() -> None:
    rng = np.random.default_rng(3)
    for x in (rng.poisson(4.0, 3000).astype(float), np.array([0.0, 1e12, 5.0] * 700), rng.normal(size=3000).round(2)):
        values, counts = Observations(x, chunk=128).counts()
        ref_v, ref_c = np.unique(x, return_counts=True)
        np.testing.assert_array_equal(values, ref_v)
        np.testing.assert_array_equal(counts, ref_c)


SCIPY_FITS = {
    "gamma": (lambda o: fit_large.gamma_fit(o), lambda x: (lambda a, _, s: (a, s))(*st.gamma.fit(x, floc=0))),
    "beta": (lambda o: fit_large.beta_fit(o), lambda x: st.beta.fit(x, floc=0, fscale=1)[:2]),
    "chi_square": (lambda o: (fit_large.chi2_fit(o),), lambda x: st.chi2.fit(x, floc=0, fscale=1)[:1]),
    "student_t": (lambda o: fit_large.t_fit(o), lambda x: st.t.fit(x)),
    "cauchy": (lambda o: fit_large.cauchy_fit(o), lambda x: st.cauchy.fit(x)),
}
SHAPES = {"gamma": {"alpha": 2.5}, "beta": {"alpha": 2.0, "beta": 5.0}, "chi_square": {"k": 3.0},
          "student_t": {"nu": 4.0, "mu": 1.0, "sigma": 2.0}, "cauchy": {"x0": 1.0, "gamma": 0.5}}  # fmt: skip


@pytest.mark.parametrize("name", sorted(SCIPY_FITS))
def test_sliced_fits_replay_scipys_fit(name: str) -> None:
    """The slice-by-slice replays take scipy's steps: the same answer to rounding, not just a nearby maximum."""
    x = S.sample(name, SHAPES[name], 3000, 5)
    mine, theirs = SCIPY_FITS[name]
    got = mine(Observations(x, chunk=500))
    np.testing.assert_allclose(got, theirs(x), rtol=1e-9)


@pytest.mark.parametrize(
    "name", ["normal", "uniform", "exponential", "lognormal", "laplace", "gamma", "cauchy", "poisson",
             "negative_binomial", "binomial", "student_t"],
)  # fmt: skip
def test_sliced_fit_and_moments_equal_the_whole_array_path(name: str) -> None:
    params = SHAPES.get(name) or S.default_params(name)
    if name == "negative_binomial":
        params = {"r": 3.0, "p": 0.4}
    x = S.sample(name, params, 4000, 9)
    whole, sliced = S.fit_mle(name, x), S.fit_mle(name, Observations(x, chunk=300))
    np.testing.assert_allclose([v for _, v in sliced.params], [v for _, v in whole.params], rtol=1e-9)
    assert sliced.loglik == pytest.approx(whole.loglik, rel=1e-12)
    mm_whole, mm_sliced = S.method_of_moments(name, x), S.method_of_moments(name, Observations(x, chunk=300))
    np.testing.assert_allclose([v for _, v in mm_sliced.params], [v for _, v in mm_whole.params], rtol=1e-12)


def test_sliced_checks_name_the_first_bad_value_like_the_whole_array_ones() -> None:
    x = np.arange(1.0, 2001.0)
    x[1500], x[1700] = -3.0, 2.5
    with pytest.raises(S.StatsError, match="value 1501 is -3"):
        S.fit_mle("exponential", Observations(x, chunk=64))
    with pytest.raises(S.StatsError, match="whole numbers, but value 1701 is 2.5"):
        S.fit_mle("poisson", Observations(x, chunk=64))
    bad = x.copy()
    bad[900] = math.nan
    with pytest.raises(S.StatsError, match="position 901"):
        observations(bad, chunk=64)
    assert S.log_likelihood("normal", {"mu": 0.0, "sigma": 1.0}, Observations(x, chunk=64)) == pytest.approx(
        float(np.sum(st.norm.logpdf(x)))
    )
