"""engine.stats: registry domains, sampling vs each CDF, densities/moments vs scipy, MLE, demos, lab state."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs
from scipy import stats as st

from engine import stats as S
from engine.schema import SchemaError, from_dict, to_dict

# Non-default parameters so a swapped or ignored parameter would show up.
PARAMS = {
    "normal": {"mu": 1.5, "sigma": 2.0},
    "uniform": {"a": -1.0, "b": 3.0},
    "exponential": {"lam": 2.5},
    "gamma": {"alpha": 3.0, "beta": 2.0},
    "beta": {"alpha": 2.0, "beta": 5.0},
    "lognormal": {"mu": 0.3, "sigma": 0.6},
    "student_t": {"nu": 4.0, "mu": -1.0, "sigma": 0.5},
    "chi_square": {"k": 4.0},
    "laplace": {"mu": 1.0, "b": 0.7},
    "cauchy": {"x0": 2.0, "gamma": 0.5},
    "bernoulli": {"p": 0.3},
    "binomial": {"n": 12.0, "p": 0.35},
    "poisson": {"lam": 3.5},
    "geometric": {"p": 0.25},
    "negative_binomial": {"r": 4.0, "p": 0.4},
}

# Independent scipy objects written out by hand (a wrong mapping in the registry would disagree with these).
REFERENCE = {
    "normal": st.norm(1.5, 2.0),
    "uniform": st.uniform(-1.0, 4.0),
    "exponential": st.expon(scale=0.4),
    "gamma": st.gamma(3.0, scale=0.5),
    "beta": st.beta(2.0, 5.0),
    "lognormal": st.lognorm(0.6, scale=math.exp(0.3)),
    "student_t": st.t(4.0, -1.0, 0.5),
    "chi_square": st.chi2(4.0),
    "laplace": st.laplace(1.0, 0.7),
    "cauchy": st.cauchy(2.0, 0.5),
    "bernoulli": st.bernoulli(0.3),
    "binomial": st.binom(12, 0.35),
    "poisson": st.poisson(3.5),
    "geometric": st.geom(0.25),
    "negative_binomial": st.nbinom(4.0, 0.4),
}


def test_registry_lists_every_family_of_the_issue():
    assert set(S.CONTINUOUS) == {"normal", "uniform", "exponential", "gamma", "beta", "lognormal", "student_t",
                                 "chi_square", "laplace", "cauchy"}  # fmt: skip
    assert set(S.DISCRETE) == {"bernoulli", "binomial", "poisson", "geometric", "negative_binomial"}
    for spec in S.DISTRIBUTIONS.values():
        for p in spec.params:
            assert p.contains(p.default), (spec.name, p.name)
            assert p.symbol and p.label
        S.validate_params(spec.name, S.default_params(spec.name))


@pytest.mark.parametrize(
    ("name", "params", "fragment"),
    [
        ("normal", {"sigma": 0.0}, "σ"),
        ("normal", {"sigma": -1.0}, "σ > 0"),
        ("bernoulli", {"p": 1.5}, "p ∈ [0, 1]"),
        ("binomial", {"n": 2.5}, "whole number"),
        ("binomial", {"n": -1}, "n"),
        ("poisson", {"lam": 0}, "λ > 0"),
        ("uniform", {"a": 2, "b": 1}, "less than"),
        ("gamma", {"alpha": math.inf}, "finite"),
        ("normal", {"mu": float("nan")}, "finite"),
        ("normal", {"mu": "abc"}, "number"),
        ("normal", {"rate": 1}, "no parameter 'rate'"),
        ("geometric", {"p": 0.0}, "p ∈ (0, 1]"),
    ],
)
def test_invalid_parameters_name_the_parameter_and_domain(name, params, fragment):
    with pytest.raises(S.StatsError, match=None) as info:
        S.validate_params(name, params)
    assert fragment in str(info.value)


def test_unknown_family_lists_the_known_ones():
    with pytest.raises(S.StatsError, match="normal"):
        S.sample("gaussian", {}, 10, 0)


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_samples_match_their_cdf(name):
    """KS (continuous) or pooled chi-square (discrete) at fixed seeds; and independently with scipy's own test."""
    x = S.sample(name, PARAMS[name], 4000, seed=123)
    assert x.shape == (4000,) and x.dtype == np.float64
    _, p, test = S.goodness_of_fit(name, PARAMS[name], x)
    assert p > 0.001, (name, p)
    if test == "ks":
        assert st.kstest(x, REFERENCE[name].cdf).pvalue == pytest.approx(p)
    # The same draws as scipy's rvs with the same generator: reproducible runs for a class.
    ref = REFERENCE[name].rvs(size=4000, random_state=np.random.default_rng(123))
    np.testing.assert_array_equal(x, ref)


@pytest.mark.parametrize("name", ["normal", "gamma", "poisson"])
def test_goodness_of_fit_rejects_the_wrong_distribution(name):
    x = S.sample(name, PARAMS[name], 4000, seed=5)
    shifted = dict(PARAMS[name])
    key = S.distribution_spec(name).param_names[0]
    shifted[key] = shifted[key] * 1.5 + 0.5
    assert S.goodness_of_fit(name, shifted, x)[1] < 1e-6


@pytest.mark.parametrize("name", sorted(PARAMS))
def test_density_cdf_and_moments_agree_with_scipy(name):
    ref = REFERENCE[name]
    lo, hi = S.support_range(name, PARAMS[name])
    assert lo < hi
    x = np.linspace(lo, hi, 41)
    if S.distribution_spec(name).discrete:
        x = np.arange(math.floor(lo), math.ceil(hi) + 1.0)
        np.testing.assert_allclose(S.pmf(name, PARAMS[name], x), ref.pmf(x), rtol=1e-12, atol=1e-300)
        with pytest.raises(S.StatsError, match="discrete"):
            S.pdf(name, PARAMS[name], x)
    else:
        np.testing.assert_allclose(S.pdf(name, PARAMS[name], x), ref.pdf(x), rtol=1e-12, atol=1e-300)
        with pytest.raises(S.StatsError, match="continuous"):
            S.pmf(name, PARAMS[name], x)
    np.testing.assert_allclose(S.density(name, PARAMS[name], x), S.density(name, PARAMS[name], x))
    np.testing.assert_allclose(S.cdf(name, PARAMS[name], x), ref.cdf(x), rtol=1e-12, atol=1e-300)
    m = S.moments(name, PARAMS[name])
    mean, var = ref.stats("mv")
    if name == "cauchy":
        assert math.isnan(m.mean) and math.isnan(m.variance) and "no mean" in m.note
    else:
        assert m.mean == pytest.approx(float(mean), rel=1e-12, abs=1e-12)
        assert m.variance == pytest.approx(float(var), rel=1e-12)


def test_moments_hand_worked_cases():
    m = S.moments("binomial", {"n": 10, "p": 0.5})
    assert (m.mean, m.variance, m.skewness) == (5.0, 2.5, 0.0)
    assert S.moments("exponential", {"lam": 4.0}).variance == pytest.approx(1 / 16)
    t2 = S.moments("student_t", {"nu": 1.5})
    assert t2.mean == 0.0 and math.isinf(t2.variance) and "infinite" in t2.note
    assert S.Moments.describe(math.nan) == "undefined" and S.Moments.describe(math.inf) == "∞"


@pytest.mark.parametrize("bad", [0, -5, 10_000_001, 2.5, "10", True])
def test_sample_size_is_checked(bad):
    with pytest.raises(S.StatsError, match="N|sample size"):
        S.sample("normal", {}, bad, 0)


def test_sample_seed_is_checked_and_reproducible():
    with pytest.raises(S.StatsError, match="seed"):
        S.sample("normal", {}, 5, seed=-1)
    np.testing.assert_array_equal(S.sample("poisson", {}, 50, 9), S.sample("poisson", {}, 50, 9))
    assert not np.array_equal(S.sample("normal", {}, 50, 1), S.sample("normal", {}, 50, 2))


def test_histogram_is_a_density_and_counts_add_up():
    x = S.sample("normal", {}, 20_000, 1)
    h = S.histogram(x)
    assert h.counts.sum() == 20_000 and h.n_outside == 0
    assert np.sum(h.density * np.diff(h.edges)) == pytest.approx(1.0)
    np.testing.assert_array_equal(h.counts, np.histogram(x, bins=h.edges)[0])
    assert 10 <= h.counts.size <= S.DEFAULT_MAX_AUTO_BINS
    assert S.histogram(x, bins=7).counts.size == 7
    with pytest.raises(S.StatsError, match="bins"):
        S.histogram(x, bins=0)


@settings(max_examples=40, deadline=None)
@given(
    n=hs.integers(1, 400),
    bins=hs.integers(1, 60),
    slices=hs.sampled_from([1, 2, 3, 4]),
    values=hs.lists(hs.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=5),
)
def test_histogram_counted_in_slices_gives_numpys_counts_exactly(n, bins, slices, values):
    """Big samples are binned on several cores: slice counts must add up to np.histogram's, edges included."""
    from unittest import mock

    import engine.stats.samples as samples

    rng = np.random.default_rng(n)
    x = np.concatenate([rng.normal(0, 3, n), values, np.round(rng.normal(0, 3, n))])  # ties on bin edges too
    # slice even these small samples, into as many slices as drawn
    with mock.patch.object(samples, "PARALLEL_MIN", 1), mock.patch.object(samples, "_cores", lambda: slices):
        h = S.histogram(x, bins=bins)
    ref_counts, ref_edges = np.histogram(x, bins=bins, range=(h.edges[0], h.edges[-1]))
    np.testing.assert_array_equal(h.edges, ref_edges)
    np.testing.assert_array_equal(h.counts, ref_counts)
    assert h.counts.sum() + h.n_outside == x.size


def test_discrete_histogram_has_unit_bins_matching_frequencies():
    x = S.sample("binomial", {"n": 10, "p": 0.4}, 5000, 2)
    h = S.histogram(x, discrete=True)
    assert h.discrete and np.all(np.diff(h.edges) == 1.0)
    for c, d in zip(h.centers, h.density, strict=True):
        assert d == pytest.approx(np.mean(x == c))


def test_heavy_tails_are_clipped_not_squashed():
    x = S.sample("cauchy", {}, 100_000, 3)
    h = S.histogram(x)
    assert 0 < h.n_outside < 0.02 * x.size
    assert h.edges[-1] - h.edges[0] < 1000  # the raw range is about ±10⁵
    assert h.counts.sum() + h.n_outside == x.size


def test_histogram_refuses_empty_and_nan():
    with pytest.raises(S.StatsError, match="empty"):
        S.histogram([])
    with pytest.raises(S.StatsError, match="position 2"):
        S.histogram([1.0, math.nan])


def test_summarize_agrees_with_numpy_and_scipy():
    x = S.sample("gamma", PARAMS["gamma"], 1000, 4)
    s = S.summarize(x)
    assert s.mean == pytest.approx(np.mean(x))
    assert s.variance == pytest.approx(np.var(x, ddof=1))
    assert s.skewness == pytest.approx(st.skew(x))
    one = S.summarize([3.0])
    assert one.mean == 3.0 and math.isnan(one.variance)


# --- maximum likelihood -------------------------------------------------------------------------------------------

SCIPY_FIT = {
    "normal": lambda x: dict(zip(("mu", "sigma"), st.norm.fit(x), strict=True)),
    "exponential": lambda x: {"lam": 1 / st.expon.fit(x, floc=0)[1]},
    "lognormal": lambda x: (lambda s, _, sc: {"mu": math.log(sc), "sigma": s})(*st.lognorm.fit(x, floc=0)),
    "laplace": lambda x: dict(zip(("mu", "b"), st.laplace.fit(x), strict=True)),
    "uniform": lambda x: (lambda a, w: {"a": a, "b": a + w})(*st.uniform.fit(x)),
    "gamma": lambda x: (lambda a, _, sc: {"alpha": a, "beta": 1 / sc})(*st.gamma.fit(x, floc=0)),
    "beta": lambda x: dict(zip(("alpha", "beta"), st.beta.fit(x, floc=0, fscale=1)[:2], strict=True)),
    "cauchy": lambda x: dict(zip(("x0", "gamma"), st.cauchy.fit(x), strict=True)),
}


@pytest.mark.parametrize("name", sorted(SCIPY_FIT))
def test_mle_matches_scipy_fit(name):
    x = S.sample(name, PARAMS[name], 2000, 11)
    fit = S.fit_mle(name, x)
    ref = SCIPY_FIT[name](x)
    for key, value in ref.items():
        assert fit.as_dict()[key] == pytest.approx(value, rel=1e-6), key
    assert fit.loglik == pytest.approx(float(np.sum(S.frozen(name, fit.params).logpdf(x))))
    assert fit.n == 2000 and fit.method == "mle"


@pytest.mark.parametrize("name", ["bernoulli", "binomial", "poisson", "geometric", "negative_binomial", "student_t",
                                  "chi_square"])  # fmt: skip
def test_mle_is_a_local_maximum_and_near_the_truth(name):
    """Nudging any free parameter lowers the log-likelihood, and the estimate lands near the generating value."""
    x = S.sample(name, PARAMS[name], 3000, 21)
    fit = S.fit_mle(name, x, fixed={"n": 12} if name == "binomial" else None)
    best = fit.as_dict()
    for p in fit.free:
        for step in (-1e-3, 1e-3):
            nudged = dict(best)
            nudged[p] = best[p] * (1 + step)
            try:
                ll = S.log_likelihood(name, nudged, x)
            except S.StatsError:
                continue
            assert ll <= fit.loglik + 1e-9, (p, step)
        assert best[p] == pytest.approx(PARAMS[name][p], rel=0.25)


def test_scipy_generic_fit_agrees_for_poisson():
    x = S.sample("poisson", {"lam": 2.0}, 500, 3)
    res = st.fit(st.poisson, x, bounds={"mu": (0.01, 20)})
    assert S.fit_mle("poisson", x).as_dict()["lam"] == pytest.approx(res.params.mu, rel=1e-4)


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("exponential", [1.0, -2.0], "value 2 is -2"),
        ("gamma", [0.0, 1.0], "> 0"),
        ("beta", [0.5, 1.0], "between 0 and 1"),
        ("poisson", [1, 2.5], "whole numbers"),
        ("bernoulli", [0, 1, 2], "0s and 1s"),
        ("normal", [3.0, 3.0, 3.0], "all values are equal"),
        ("normal", [], "empty"),
        ("normal", [1.0, math.inf], "non-finite"),
        ("negative_binomial", [2, 2, 3, 3], "does not exceed the mean"),
        ("poisson", [0, 0], "every count is 0"),
    ],
)
def test_fit_refuses_unusable_data_with_a_message(name, data, fragment):
    with pytest.raises(S.StatsError) as info:
        S.fit_mle(name, data)
    assert fragment in str(info.value)


def test_method_of_moments_hand_worked_and_never_beats_the_mle():
    x = np.array([1.0, 2.0, 3.0, 4.0, 10.0])
    mm = S.method_of_moments("gamma", x)
    m, v = x.mean(), x.var()
    assert mm.as_dict() == pytest.approx({"alpha": m * m / v, "beta": m / v})
    assert mm.loglik <= S.fit_mle("gamma", x).loglik
    assert S.method_of_moments("normal", x).as_dict() == pytest.approx(S.fit_mle("normal", x).as_dict())
    cau = S.method_of_moments("cauchy", S.sample("cauchy", {}, 500, 1))
    assert "quantiles" in cau.note


def test_loglik_profile_peaks_at_the_mle_and_grid_matches_pointwise():
    x = S.sample("normal", {"mu": 2.0, "sigma": 1.5}, 500, 7)
    fit = S.fit_mle("normal", x)
    grid = S.loglik_window("normal", x, fit, "mu", points=81)
    prof = S.loglik_profile("normal", x, "mu", grid)
    assert grid[int(np.nanargmax(prof))] == pytest.approx(fit.as_dict()["mu"])
    assert np.nanmax(prof) == pytest.approx(fit.loglik)
    g2 = np.linspace(0.5, 3.0, 6)
    surf = S.loglik_grid("normal", x, ("mu", "sigma"), grid[::20], g2)
    assert surf.shape == (grid[::20].size, 6)
    i, j = 2, 3
    expected = np.sum(st.norm(grid[::20][i], g2[j]).logpdf(x))
    assert surf[i, j] == pytest.approx(expected)
    sig = S.loglik_profile("normal", x, "sigma", np.array([-1.0, 0.0, 1.0]))
    assert np.isnan(sig[0]) and np.isnan(sig[1]) and np.isfinite(sig[2])


def test_loglik_on_large_data_is_binned_but_close():
    x = S.sample("normal", {}, 60_000, 8)
    exact = S.log_likelihood("normal", {"mu": 0.1, "sigma": 1.1}, x)
    approx = S.loglik_profile("normal", x, "mu", [0.1], at={"mu": 0.0, "sigma": 1.1})[0]
    assert approx == pytest.approx(exact, rel=1e-5)


# --- demonstrations ---------------------------------------------------------------------------------------------


def test_running_mean_is_downsampled_and_exact():
    x = S.sample("exponential", {"lam": 2.0}, 100_000, 1)
    k, m = S.running_mean(x, max_points=500)
    assert k[0] == 1 and k[-1] == x.size and k.size <= 500
    assert m[-1] == pytest.approx(x.mean())
    i = k.size // 2
    assert m[i] == pytest.approx(x[: int(k[i])].mean())


def test_clt_means_have_the_promised_spread():
    res = S.clt_means("exponential", {"lam": 1.0}, n=30, reps=4000, seed=1)
    assert res.normal_mean == 1.0 and res.normal_sd == pytest.approx(1 / math.sqrt(30))
    assert np.std(res.means) == pytest.approx(res.normal_sd, rel=0.05)
    cauchy = S.clt_means("cauchy", {}, n=10, reps=100, seed=1)
    assert math.isnan(cauchy.normal_sd) and "CLT" in cauchy.note
    with pytest.raises(S.StatsError, match="n"):
        S.clt_means("normal", {}, n=0)


@pytest.mark.parametrize("name", list(PARAMS))
def test_clt_means_are_one_scipy_call_whatever_the_chunks(name, monkeypatch):
    # the means are drawn in chunks of rows (small temporaries, a faster slider step): the same numbers as one call
    import engine.stats.distributions as distributions

    monkeypatch.setattr(distributions, "SAMPLE_CHUNK", 70)  # 7 rows of 10 per call, the last call shorter
    res = S.clt_means(name, PARAMS[name], n=10, reps=250, seed=3)
    ref = REFERENCE[name].rvs(size=(250, 10), random_state=np.random.default_rng(3)).mean(axis=1)
    np.testing.assert_array_equal(res.means, ref)


def test_qq_points_match_scipy_probplot_for_normal_data():
    x = S.sample("normal", {"mu": 3.0, "sigma": 2.0}, 300, 5)
    qq = S.qq_points(x)
    (osm, osr), (slope, intercept, r) = st.probplot(x, dist="norm")
    np.testing.assert_allclose(qq.sample, osr)
    assert qq.r == pytest.approx(r, abs=2e-3)
    assert qq.slope == pytest.approx(2.0, rel=0.15) and qq.intercept == pytest.approx(3.0, abs=0.3)
    big = S.qq_points(S.sample("normal", {}, 100_000, 1), max_points=1000)
    assert big.theoretical.size == 1000


def test_bivariate_normal_eigenvectors_are_the_principal_axes():
    res = S.bivariate_normal(0.8, n=20_000, seed=2, sigma=(1.0, 2.0))
    vals, _ = np.linalg.eigh(res.cov)
    np.testing.assert_allclose(res.eigenvalues, vals[::-1])
    for i in range(2):
        np.testing.assert_allclose(res.cov @ res.eigenvectors[:, i], res.eigenvalues[i] * res.eigenvectors[:, i])
    assert res.sample_rho == pytest.approx(0.8, abs=0.02)
    inside = np.mean(np.einsum("ij,jk,ik->i", res.points, np.linalg.inv(res.cov), res.points) <= st.chi2(2).ppf(0.95))
    assert inside == pytest.approx(0.95, abs=0.01)
    line = S.bivariate_normal(1.0, n=10, seed=0)
    assert line.eigenvalues[1] == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(S.StatsError, match="ρ"):
        S.bivariate_normal(1.5)


def test_coin_posterior_hand_worked():
    c = S.coin_posterior(2, 2, "HHT")
    assert (c.post_alpha, c.post_beta) == (4.0, 3.0)
    assert c.map == pytest.approx(3 / 5) and c.mle == pytest.approx(2 / 3) and c.post_mean == pytest.approx(4 / 7)
    np.testing.assert_allclose(c.pdf([0.3]), st.beta(4, 3).pdf([0.3]))
    empty = S.coin_posterior(1, 1, [])
    assert math.isnan(empty.mle) and math.isnan(empty.map) and empty.note
    with pytest.raises(S.StatsError, match="H or T"):
        S.coin_posterior(1, 1, "HX")
    with pytest.raises(S.StatsError, match="α"):
        S.coin_posterior(0, 1, "H")


# --- lab state ----------------------------------------------------------------------------------------------------


def _state():
    return S.DistributionsState(
        distribution="poisson", params=(("lam", 2.5),), n_samples=500, seed=3, bins=20, tab="mle", clt_n=12,
        rho=-0.4, flips="HHTH", mle_family="poisson", mle_source="data", data=(0.0, 1.0, 3.0, 2.0, 2.0),
        data_label="typed",
    )  # fmt: skip


def test_state_round_trips_and_refuses_bad_params():
    s = _state()
    assert from_dict(S.DistributionsState, to_dict(s)) == s
    bad = to_dict(s)
    bad["params"] = [["lam", -1.0]]
    with pytest.raises(SchemaError, match="λ"):
        from_dict(S.DistributionsState, bad)
    bad = to_dict(s)
    bad["flips"] = "HHX"
    with pytest.raises(SchemaError, match="flips"):
        from_dict(S.DistributionsState, bad)
    bad = to_dict(s)
    bad["params"] = [["mu", 0.0], ["sigma", 1.0]]
    with pytest.raises(SchemaError, match="params"):
        from_dict(S.DistributionsState, bad)


@pytest.mark.parametrize("state", [S.DistributionsState(), _state(),
                                   S.DistributionsState(distribution="cauchy", params=(("x0", 1.0), ("gamma", 2.0)),
                                                        mle_family="exponential")])  # fmt: skip
def test_code_reproduces_metrics(state):
    m = S.metrics(state)
    ns: dict = {}
    exec(compile(S.code(state), "<code>", "exec"), ns)
    result = ns["result"]
    assert set(result) <= set(m) and {"sample_mean", "gof_p"} <= set(result)
    for key, value in result.items():
        if isinstance(value, float):
            assert value == pytest.approx(m[key], rel=1e-9, abs=1e-12), key
        else:
            assert value == m[key], key


def test_metrics_report_fit_errors_instead_of_raising():
    s = S.DistributionsState(distribution="normal", mle_family="exponential")
    m = S.metrics(s)
    assert "needs data" in m["mle_error"] and "theoretical_mean" in m
    assert S.metrics(_state())["mle_lam"] == pytest.approx(8 / 5)


@settings(max_examples=40, deadline=None)
@given(hs.sampled_from(sorted(S.DISTRIBUTIONS)), hs.lists(hs.floats(allow_nan=True, allow_infinity=True), max_size=3))
def test_validate_params_never_crashes(name, values):
    params = dict(zip(S.distribution_spec(name).param_names, values, strict=False))
    try:
        out = S.validate_params(name, params)
    except S.StatsError as exc:
        assert str(exc)
    else:
        assert all(math.isfinite(v) for v in out.values())


# --- plot-ready theory curves and the fast parameter binding (what a slider step evaluates) -------------------------
@pytest.mark.parametrize("name", list(PARAMS))
def test_bound_distribution_matches_the_hand_written_scipy_reference(name):
    ref, b = REFERENCE[name], S.bound(name, PARAMS[name])
    q = np.array([0.02, 0.25, 0.5, 0.75, 0.98])
    x = ref.ppf(q)
    np.testing.assert_allclose(b.ppf(q), x)
    np.testing.assert_allclose(b.cdf(x), ref.cdf(x))
    method = "pmf" if S.DISTRIBUTIONS[name].discrete else "pdf"
    np.testing.assert_allclose(getattr(b, method)(x), getattr(ref, method)(x))
    assert b.support() == ref.support()


def test_bound_refuses_parameters_outside_their_domain():
    with pytest.raises(S.StatsError, match="σ"):
        S.bound("normal", {"mu": 0.0, "sigma": -1.0})


@pytest.mark.parametrize("name", [n for n in PARAMS if not S.DISTRIBUTIONS[n].discrete])
def test_theory_curves_continuous_agree_with_scipy(name):
    ref = REFERENCE[name]
    c = S.theory_curves(name, PARAMS[name], points=300)
    assert c.x.size == 300 and not c.discrete and np.all(np.diff(c.x) > 0)
    np.testing.assert_allclose(c.density, ref.pdf(c.x), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(c.cdf, ref.cdf(c.cdf_x), rtol=1e-12)
    assert (c.lo, c.hi) == S.support_range(name, PARAMS[name])
    assert ref.cdf(c.hi) - ref.cdf(c.lo) >= 0.998  # the range holds the central 99.9 %
    x0, x1 = c.view_range
    assert x0 < c.lo < c.hi < x1
    assert 0 < c.top <= np.nanmax(c.density[np.isfinite(c.density)]) + 1e-12
    assert not c.x.flags.writeable  # shared with the plot: nobody may edit it in place


@pytest.mark.parametrize("name", [n for n in PARAMS if S.DISTRIBUTIONS[n].discrete])
def test_theory_curves_discrete_are_a_pmf_and_a_cdf_staircase(name):
    ref = REFERENCE[name]
    c = S.theory_curves(name, PARAMS[name])
    assert c.discrete and np.all(c.x == np.round(c.x))
    np.testing.assert_allclose(c.density, ref.pmf(c.x))
    # Staircase: flat between whole numbers, jumping at each one to the CDF there.
    np.testing.assert_allclose(c.cdf[0::2], ref.cdf(c.cdf_x[0::2]))
    np.testing.assert_allclose(c.cdf[1::2], c.cdf[0::2][: c.cdf[1::2].size])  # flat to the next jump
    assert np.all(np.diff(c.cdf) >= -1e-15) and c.cdf[-1] > 0.999


def test_theory_curves_thin_a_huge_discrete_range_and_cap_an_infinite_spike():
    wide = S.theory_curves("poisson", {"lam": 1e6})
    assert wide.x.size <= 400 and np.all(np.diff(wide.x) > 0)
    spike = S.theory_curves("beta", {"alpha": 0.5, "beta": 0.5})  # pdf → ∞ at 0 and 1
    finite = spike.density[np.isfinite(spike.density)]
    assert spike.top < finite.max() and spike.top >= np.percentile(finite, 95)


@pytest.mark.parametrize("points", [1, 0, 5000, 2.5, True])
def test_theory_curves_refuse_a_bad_point_count(points):
    with pytest.raises(S.StatsError, match="points"):
        S.theory_curves("normal", {}, points=points)


def test_moments_are_cached_but_still_validated():
    first = S.moments("gamma", PARAMS["gamma"])
    assert S.moments("gamma", PARAMS["gamma"]) is first
    assert first.mean == pytest.approx(REFERENCE["gamma"].mean())
    with pytest.raises(S.StatsError):
        S.moments("gamma", {"alpha": -1.0, "beta": 2.0})


def test_split_modules_keep_the_public_names_of_engine_stats():
    import importlib

    for module in ("engine.stats.samples", "engine.stats.profile", "engine.stats.curves"):
        mod = importlib.import_module(module)
        for name in mod.__all__:
            assert getattr(S, name) is getattr(mod, name), f"engine.stats.{name} is not {module}.{name}"
    for name in S.__all__:
        assert hasattr(S, name), name
    assert not hasattr(S, "one_sample_t")  # the tests live in engine.inference, their own package


@pytest.mark.parametrize("name", list(PARAMS))
def test_chunked_sampling_gives_the_same_draws_as_one_scipy_call(name, monkeypatch):
    import engine.stats.distributions as distributions

    monkeypatch.setattr(distributions, "SAMPLE_CHUNK", 1000)  # force several chunks on a small sample
    x = S.sample(name, PARAMS[name], 2500, seed=11)
    ref = REFERENCE[name].rvs(size=2500, random_state=np.random.default_rng(11))
    np.testing.assert_allclose(x, ref, rtol=1e-12)


def test_chunked_summary_matches_numpy_and_scipy(monkeypatch):
    import engine.stats.samples as samples

    monkeypatch.setattr(samples, "SUMMARY_CHUNK", 700)
    x = np.random.default_rng(5).gamma(2.0, size=5000)
    summ = S.summarize(x)
    assert summ.mean == pytest.approx(x.mean(), rel=1e-12)
    assert summ.variance == pytest.approx(x.var(ddof=1), rel=1e-12)
    assert summ.skewness == pytest.approx(st.skew(x), rel=1e-10)


@settings(max_examples=150, deadline=None)
@given(
    count=hs.integers(1, 1000),
    lo=hs.floats(-1e12, 1e12, allow_nan=False),
    log_width=hs.floats(-13, 8),
    inside=hs.booleans(),
    seed=hs.integers(0, 2**32 - 1),
)
def test_fast_bin_counting_gives_numpys_counts_on_and_beside_every_edge(count, lo, log_width, inside, seed):
    """The counter places values by arithmetic and only near-edge ones by comparison: np.histogram's integers."""
    import engine.stats.samples as samples

    width = 10.0**log_width * max(1.0, abs(lo))
    hi = lo + width
    if not hi > lo:
        return
    rng = np.random.default_rng(seed)
    edges = np.linspace(lo, hi, count + 1)
    on_edges = np.concatenate([edges, np.nextafter(edges, np.inf), np.nextafter(edges, -np.inf)])
    x = np.concatenate([on_edges, rng.uniform(lo, hi, 300)])
    if inside:
        x = np.clip(x, lo, hi)
    else:
        x = np.concatenate([x, rng.uniform(lo - width, hi + width, 100), [lo - width, hi + width]])
    try:
        ref_counts, ref_edges = np.histogram(x, bins=count, range=(lo, hi))
    except ValueError:  # numpy refuses bins narrower than a float's resolution: no reference to hold us to
        return
    counts, got_edges = samples._counted(x, count, lo, hi, inside)
    np.testing.assert_array_equal(got_edges, ref_edges)
    np.testing.assert_array_equal(counts, ref_counts)


def test_fast_bin_counting_of_millions_of_draws_is_numpys():
    """A big normal sample through the public histogram: np.histogram's counts on the histogram's own edges."""
    x = np.random.default_rng(11).standard_normal(3_000_000)
    h = S.histogram(x, bins=317)
    np.testing.assert_array_equal(h.counts, np.histogram(x, bins=317, range=(h.edges[0], h.edges[-1]))[0])


@settings(max_examples=40, deadline=None)
@given(
    values=hs.lists(hs.floats(-1e9, 1e9, allow_nan=False), min_size=1, max_size=300),
    whole=hs.booleans(),
    parallel=hs.booleans(),
)
def test_summary_and_histogram_are_summarize_and_histogram(values, whole, parallel):
    """Side by side on two threads or one after the other: the very numbers of the two separate calls."""
    from unittest import mock

    import engine.stats.samples as samples

    x = np.round(values) if whole else np.asarray(values)
    with mock.patch.object(samples, "PARALLEL_MIN", 1 if parallel else 10**9), \
            mock.patch.object(samples, "_cores", lambda: 2):  # fmt: skip
        summary, hist = S.summary_and_histogram(x, discrete=whole)
    assert summary == S.summarize(x)  # (nan fields are the one math.nan object: equal as tuple members)
    ref = S.histogram(x, discrete=whole)
    np.testing.assert_array_equal(hist.edges, ref.edges)
    np.testing.assert_array_equal(hist.counts, ref.counts)
    assert (hist.n_outside, hist.discrete) == (ref.n_outside, ref.discrete)


def test_summary_and_histogram_name_a_bad_value():
    with pytest.raises(S.StatsError, match="non-finite value .*position 3"):
        S.summary_and_histogram([1.0, 2.0, math.inf])


@settings(max_examples=40, deadline=None)
@given(
    family=hs.sampled_from(["normal", "exponential", "uniform"]),
    a=hs.floats(-50, 50),
    b=hs.floats(0.01, 50),
    n=hs.integers(1001, 4000),
    seed=hs.integers(0, 2**32 - 1),
)
def test_draws_filled_in_place_are_scipys_bit_for_bit(family, a, b, n, seed):
    """normal, exponential and uniform are drawn by numpy straight into the output: scipy's rvs values, every bit."""
    from unittest import mock

    import engine.stats.distributions as distributions

    params, ref = {
        "normal": ({"mu": a, "sigma": b}, st.norm(loc=a, scale=b)),
        "exponential": ({"lam": b}, st.expon(scale=1.0 / b)),
        "uniform": ({"a": a, "b": a + b}, st.uniform(loc=a, scale=(a + b) - a)),
    }[family]
    with mock.patch.object(distributions, "SAMPLE_CHUNK", 1000):  # several chunks, the last one shorter
        x = S.sample(family, params, n, seed=seed)
    np.testing.assert_array_equal(x, ref.rvs(size=n, random_state=np.random.default_rng(seed)))
