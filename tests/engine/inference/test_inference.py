"""engine.inference against scipy.stats, hand-worked cases and simulation; bad input refused with named fields."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from engine import inference as inf
from engine.inference import HypothesisState, InferenceError, NumberTokenError
from engine.schema import SchemaError, from_dict, to_dict

ALTS = ("two-sided", "less", "greater")
RNG = np.random.default_rng(7)
A = RNG.normal(5.3, 1.2, 15)
B = RNG.normal(4.6, 0.7, 11)


def _region_mass(dist, region) -> float:
    """Probability a continuous distribution gives to a union of intervals."""
    return sum(dist.cdf(hi) - dist.cdf(lo) for lo, hi in region)


# --- classical tests vs scipy ------------------------------------------------------------------------------------
@pytest.mark.parametrize("alt", ALTS)
def test_one_sample_t_matches_scipy_and_its_regions_hold_p_and_alpha(alt):
    res = inf.one_sample_t(A, mu0=5.0, alternative=alt, alpha=0.1)
    ref = stats.ttest_1samp(A, 5.0, alternative=alt)
    assert res.statistic == pytest.approx(ref.statistic, rel=1e-12)
    assert res.p_value == pytest.approx(ref.pvalue, rel=1e-12)
    assert res.df == A.size - 1
    assert res.reject == (ref.pvalue <= 0.1)
    dist = stats.t(A.size - 1)
    assert _region_mass(dist, res.p_region) == pytest.approx(ref.pvalue, rel=1e-9)
    assert _region_mass(dist, res.reject_region) == pytest.approx(0.1, rel=1e-9)
    assert res.null == ("t", A.size - 1)


@pytest.mark.parametrize("equal_var", [False, True])
@pytest.mark.parametrize("alt", ALTS)
def test_two_sample_t_matches_scipy_ttest_ind(equal_var, alt):
    res = inf.two_sample_t(A, B, equal_var=equal_var, alternative=alt)
    ref = stats.ttest_ind(A, B, equal_var=equal_var, alternative=alt)
    assert res.statistic == pytest.approx(ref.statistic, rel=1e-12)
    assert res.p_value == pytest.approx(ref.pvalue, rel=1e-12)
    assert res.df == pytest.approx(ref.df, rel=1e-12)
    assert res.estimate == pytest.approx(A.mean() - B.mean())


def test_z_test_hand_worked():
    # mean 5.5, σ = 1, n = 4: z = 0.5 / (1/2) = 1, two-sided p = 2·(1 − Φ(1)) = 0.31731050786
    res = inf.z_test([5, 6, 5, 6], mu0=5.0, sigma=1.0)
    assert res.statistic == pytest.approx(1.0)
    assert res.p_value == pytest.approx(0.3173105078629141, rel=1e-12)
    assert not res.reject
    assert inf.z_test([5, 6, 5, 6], 5.0, 1.0, alternative="greater").p_value == pytest.approx(0.15865525393145707)
    assert res.critical == pytest.approx((-1.959963984540054, 1.959963984540054))


def test_proportion_z_test_hand_worked_and_exact_matches_binomtest():
    # 32 of 50, p0 = 0.5: z = 0.14 / sqrt(0.25/50) = 1.979898987
    res = inf.proportion_test(32, 50, 0.5)
    assert res.statistic == pytest.approx(0.14 / math.sqrt(0.005), rel=1e-12)
    assert res.p_value == pytest.approx(2 * stats.norm.sf(0.14 / math.sqrt(0.005)), rel=1e-12)
    for alt in ALTS:
        exact = inf.proportion_test(32, 50, 0.3, alternative=alt, exact=True)
        assert exact.p_value == pytest.approx(stats.binomtest(32, 50, 0.3, alternative=alt).pvalue, rel=1e-12)
        assert exact.null == ("binom", 50.0, 0.3)


@pytest.mark.parametrize("alt", ALTS)
def test_exact_binomial_rejection_region_is_exactly_the_counts_binomtest_rejects(alt):
    n, p0, alpha = 30, 0.35, 0.05
    res = inf.proportion_test(10, n, p0, alternative=alt, alpha=alpha, exact=True)
    inside = {k for lo, hi in res.reject_region for k in range(math.ceil(max(lo, -1)), math.floor(min(hi, n + 1)) + 1)}
    inside &= set(range(n + 1))
    expected = {k for k in range(n + 1) if stats.binomtest(k, n, p0, alternative=alt).pvalue <= alpha}
    assert inside == expected and inside


def test_reject_rule_states_the_region_in_words():
    assert inf.proportion_test(32, 50, 0.45, exact=True).reject_rule == "reject H₀ when k ≤ 15 or k ≥ 30"
    assert inf.one_sample_t([1, 2, 3, 5], 0).reject_rule == "reject H₀ when |t| ≥ 3.182"  # t(3) 97.5% = 3.182
    assert inf.chi2_gof([3, 4, 5]).reject_rule == "reject H₀ when χ² ≥ 5.991"  # chi2(2) 95% = 5.991
    assert "never" in inf.proportion_test(1, 2, 0.5, exact=True).reject_rule


def test_chi2_gof_matches_scipy_with_counts_and_proportions():
    obs = [18, 22, 16, 14, 12, 20]
    res = inf.chi2_gof(obs)
    ref = stats.chisquare(obs)
    assert res.statistic == pytest.approx(ref.statistic, rel=1e-12)
    assert res.p_value == pytest.approx(ref.pvalue, rel=1e-12)
    assert res.df == 5 and res.alternative == "greater"
    props = [0.1, 0.2, 0.2, 0.2, 0.1, 0.2]
    res = inf.chi2_gof(obs, proportions=props)
    ref = stats.chisquare(obs, np.array(props) * sum(obs))
    assert res.p_value == pytest.approx(ref.pvalue, rel=1e-12)
    res2 = inf.chi2_gof(obs, expected=np.array(props) * sum(obs))
    assert res2.statistic == pytest.approx(res.statistic)
    assert _region_mass(stats.chi2(5), res.p_region) == pytest.approx(res.p_value, rel=1e-9)


def test_chi2_warns_when_expected_counts_are_small():
    assert any("below 5" in note for note in inf.chi2_gof([1, 2, 3]).notes)
    assert not inf.chi2_gof([18, 22, 16]).notes


@pytest.mark.parametrize("alt", ALTS)
def test_two_proportion_z_squared_equals_uncorrected_chi_square(alt):
    res = inf.two_proportion_test(120, 1000, 150, 1000, alternative=alt)
    chi2, p, _, _ = stats.chi2_contingency([[120, 880], [150, 850]], correction=False)
    assert res.statistic**2 == pytest.approx(chi2, rel=1e-12)
    if alt == "two-sided":
        assert res.p_value == pytest.approx(p, rel=1e-10)
    else:
        assert res.p_value == pytest.approx(stats.norm.cdf(res.statistic) if alt == "less" else stats.norm.sf(
            res.statistic), rel=1e-12)  # fmt: skip
    assert res.estimate == pytest.approx(-0.03)


def test_verdict_says_what_happened():
    strong = inf.one_sample_t(A, mu0=0.0)
    assert strong.reject and "reject H₀" in strong.verdict and "do not" not in strong.verdict
    weak = inf.one_sample_t(A, mu0=float(A.mean()))
    assert not weak.reject and "do not reject" in weak.verdict


def test_null_density_matches_scipy():
    x = np.linspace(-3, 3, 7)
    assert np.allclose(inf.null_density(("t", 4.0), x), stats.t.pdf(x, 4))
    assert np.allclose(inf.null_density(("norm",), x), stats.norm.pdf(x))
    assert np.allclose(inf.null_density(("chi2", 3.0), x), stats.chi2.pdf(x, 3))
    assert np.allclose(inf.null_density(("binom", 10.0, 0.3), [0, 3]), stats.binom.pmf([0, 3], 10, 0.3))


# --- resampling ---------------------------------------------------------------------------------------------------
def _diff(x, y, axis=-1):
    return np.mean(x, axis=axis) - np.mean(y, axis=axis)


@pytest.mark.parametrize("alt", ALTS)
def test_permutation_matches_scipy_and_the_final_progress_is_its_p_value(alt):
    res = inf.permutation_test(A, B, n_resamples=999, seed=3, alternative=alt)
    ref = stats.permutation_test((A, B), _diff, vectorized=True, n_resamples=999, alternative=alt, rng=3)
    assert res.p_value == pytest.approx(ref.pvalue, rel=1e-12)
    assert res.observed == pytest.approx(A.mean() - B.mean())
    assert np.array_equal(res.null, ref.null_distribution) and not res.exact
    assert inf.permutation_progress(res, 999).p_value == pytest.approx(ref.pvalue, rel=1e-12)


def test_permutation_exact_hand_worked():
    # 20 relabellings of {1..6} into two groups of 3; observed −3 is the single most extreme one
    res = inf.permutation_test([1, 2, 3], [4, 5, 6], n_resamples=1000, seed=0, alternative="less")
    assert res.exact and res.null.size == 20
    assert res.p_value == pytest.approx(1 / 20)
    prog = inf.permutation_progress(res, 20)
    assert (prog.count, prog.p_value) == (1, pytest.approx(0.05))
    assert "1 of 20" in prog.text
    assert inf.permutation_test([1, 2, 3], [4, 5, 6], 1000, 0).p_value == pytest.approx(0.1)


def test_permutation_progress_counts_the_revealed_prefix():
    res = inf.permutation_test(A, B, n_resamples=500, seed=1, alternative="greater")
    prog = inf.permutation_progress(res, 100)
    k = int(np.count_nonzero(res.null[:100] >= res.observed - 1e-12))
    assert (prog.done, prog.total, prog.count) == (100, 500, k)
    assert prog.p_value == pytest.approx((k + 1) / 101)
    assert inf.permutation_progress(res, 0).p_value == 1.0
    assert inf.permutation_progress(res, 10**9).done == 500


@pytest.mark.parametrize("stat", ["mean", "median", "std"])
@pytest.mark.parametrize("method", ["percentile", "BCa"])
def test_bootstrap_matches_scipy(stat, method):
    fn = {"mean": np.mean, "median": np.median, "std": lambda x, axis=-1: np.std(x, ddof=1, axis=axis)}[stat]
    res = inf.bootstrap_ci(A, stat, n_resamples=999, alpha=0.1, seed=5, method=method)
    ref = stats.bootstrap((A,), fn, n_resamples=999, confidence_level=0.9, method=method, rng=5, vectorized=True)
    assert res.low == pytest.approx(ref.confidence_interval.low, rel=1e-12)
    assert res.high == pytest.approx(ref.confidence_interval.high, rel=1e-12)
    assert res.estimate == pytest.approx(fn(A))


def test_bootstrap_percentile_interval_is_the_percentiles_of_its_distribution():
    res = inf.bootstrap_ci(A, "mean", n_resamples=4000, alpha=0.05, seed=2)
    lo, hi = np.percentile(res.distribution, [2.5, 97.5])
    assert res.low == pytest.approx(lo, rel=1e-3) and res.high == pytest.approx(hi, rel=1e-3)
    assert res.standard_error == pytest.approx(res.distribution.std(ddof=1), rel=1e-9)


# --- intervals and power ------------------------------------------------------------------------------------------
def test_confidence_interval_matches_scipy():
    ci = inf.confidence_interval(A, alpha=0.05)
    ref = stats.t.interval(0.95, A.size - 1, loc=A.mean(), scale=stats.sem(A))
    assert (ci.low, ci.high) == (pytest.approx(ref[0], rel=1e-12), pytest.approx(ref[1], rel=1e-12))
    ci = inf.confidence_interval(A, alpha=0.1, kind="z", sigma=1.2)
    ref = stats.norm.interval(0.9, loc=A.mean(), scale=1.2 / math.sqrt(A.size))
    assert (ci.low, ci.high) == (pytest.approx(ref[0], rel=1e-12), pytest.approx(ref[1], rel=1e-12))


def test_simulated_intervals_are_t_intervals_and_cover_about_one_minus_alpha():
    sim = inf.simulate_intervals(mu=3.0, sigma=2.0, n=10, alpha=0.1, count=2000, seed=4)
    samples = np.random.default_rng(4).normal(3.0, 2.0, (2000, 10))
    lo, hi = stats.t.interval(0.9, 9, loc=samples.mean(axis=1), scale=stats.sem(samples, axis=1))
    assert np.allclose(sim.lows, lo) and np.allclose(sim.highs, hi)
    assert sim.coverage == int(((lo <= 3.0) & (hi >= 3.0)).sum())
    # binomial(2000, 0.9): sd ≈ 13.4; four sd either side
    assert abs(sim.coverage - 1800) < 54
    assert sim.count == 2000


def test_power_z_hand_formula_and_zero_effect_gives_alpha():
    pw = inf.power(0.5, 20, alpha=0.05)
    shift, c = 0.5 * math.sqrt(20), stats.norm.isf(0.025)
    assert pw.power == pytest.approx(stats.norm.sf(c - shift) + stats.norm.cdf(-c - shift), rel=1e-12)
    assert pw.beta == pytest.approx(1 - pw.power)
    assert inf.power(0.0, 30, alpha=0.05).power == pytest.approx(0.05)
    one = inf.power(0.3, 40, alpha=0.05, alternative="greater")
    assert one.power == pytest.approx(stats.norm.sf(stats.norm.isf(0.05) - 0.3 * math.sqrt(40)))


def test_power_t_agrees_with_simulated_t_tests():
    d, n, sims = 0.5, 15, 20_000
    x = np.random.default_rng(11).normal(d, 1.0, (sims, n))
    rejected = stats.ttest_1samp(x, 0.0, axis=1).pvalue <= 0.05
    pw = inf.power(d, n, alpha=0.05, kind="t")
    se = math.sqrt(pw.power * (1 - pw.power) / sims)
    assert abs(rejected.mean() - pw.power) < 4 * se
    assert pw.alt == ("nct", 14.0, d * math.sqrt(n))


@given(
    st.floats(-3, 3),
    st.integers(2, 400),
    st.floats(0.001, 0.3),
    st.sampled_from(["two-sided", "less", "greater"]),
    st.sampled_from(["z", "t"]),
)
def test_power_gives_exactly_scipy_stats_numbers(d, n, alpha, alternative, kind):
    # power() calls scipy.special (z) and caches the t quantiles, for speed: the numbers must not move by one bit
    pw = inf.power(d, n, alpha=alpha, alternative=alternative, kind=kind)
    shift, df = d * math.sqrt(n), n - 1
    null = stats.norm() if kind == "z" else stats.t(df)
    c = {"less": null.ppf(alpha), "greater": null.isf(alpha), "two-sided": null.isf(alpha / 2)}[alternative]
    assert float(c) in pw.critical
    if kind == "z":
        tails = {"less": stats.norm.cdf(c - shift), "greater": stats.norm.sf(c - shift),
                 "two-sided": stats.norm.cdf(-c - shift) + stats.norm.sf(c - shift)}  # fmt: skip
        assert pw.power == min(max(float(tails[alternative]), 0.0), 1.0)
        x = np.linspace(-20.0, 40.0, 400)
        assert np.array_equal(inf.power_density(pw.alt, x), stats.norm.pdf(x, loc=shift))


def test_power_density_is_the_two_curves():
    pw = inf.power(1.0, 4, kind="z")
    assert inf.power_density(pw.alt, [2.0])[0] == pytest.approx(stats.norm.pdf(0.0))
    assert inf.power_density(pw.null, [0.0])[0] == pytest.approx(stats.norm.pdf(0.0))


# --- bad input: a named error, never a crash -----------------------------------------------------------------------
BAD = [
    (lambda: inf.one_sample_t([], 0), "sample is empty"),
    (lambda: inf.one_sample_t([3.0], 0), "at least 2"),
    (lambda: inf.one_sample_t([2, 2, 2], 0), "zero variance"),
    (lambda: inf.one_sample_t([1, float("nan"), 3], 0), "value #2"),
    (lambda: inf.one_sample_t([1, 2, 3], float("inf")), "μ₀"),
    (lambda: inf.one_sample_t([1, 2, 3], 0, alpha=1.0), "α"),
    (lambda: inf.one_sample_t([1, 2, 3], 0, alpha=float("nan")), "α"),
    (lambda: inf.one_sample_t([1, 2, 3], 0, alternative="bigger"), "alternative"),
    (lambda: inf.one_sample_t(["a", "b"], 0), "only numbers"),
    (lambda: inf.two_sample_t([1, 1], [2, 2]), "both have zero variance"),
    (lambda: inf.two_sample_t([1, 2], [3]), "sample B"),
    (lambda: inf.z_test([1, 2], 0, sigma=0), "σ"),
    (lambda: inf.proportion_test(5, 4, 0.5), "successes"),
    (lambda: inf.proportion_test(-1, 4, 0.5), "successes"),
    (lambda: inf.proportion_test(2, 4, 1.5), "p₀"),
    (lambda: inf.proportion_test(2, 4, 0.0, exact=True), "p₀"),
    (lambda: inf.proportion_test(2.5, 4, 0.5), "whole number"),
    (lambda: inf.chi2_gof([3, -1, 4]), "negative"),
    (lambda: inf.chi2_gof([3, 1.5, 4]), "whole numbers"),
    (lambda: inf.chi2_gof([0, 0, 0]), "all zero"),
    (lambda: inf.chi2_gof([5]), "at least 2"),
    (lambda: inf.chi2_gof([5, 5], expected=[4, 4]), "same total"),
    (lambda: inf.chi2_gof([5, 5], proportions=[0.5, 0.6]), "sum to 1"),
    (lambda: inf.chi2_gof([5, 5], proportions=[1.0, 0.0]), "greater than 0"),
    (lambda: inf.chi2_gof([5, 5, 5], proportions=[0.5, 0.5]), "categories"),
    (lambda: inf.two_proportion_test(0, 10, 0, 10), "pooled"),
    (lambda: inf.two_proportion_test(11, 10, 0, 10), "group A"),
    (lambda: inf.permutation_test([1], [2]), "at least 3"),
    (lambda: inf.permutation_test(A, B, n_resamples=0), "resamples"),
    (lambda: inf.permutation_test(A, B, seed=-1), "seed"),
    (lambda: inf.permutation_test(np.ones(10_000), np.zeros(10_000), n_resamples=100_000), "too much work"),
    (lambda: inf.bootstrap_ci(A, "mode"), "statistic"),
    (lambda: inf.bootstrap_ci(A, method="magic"), "method"),
    (lambda: inf.bootstrap_ci(np.arange(6000.0), n_resamples=100, method="BCa"), "BCa"),
    (lambda: inf.confidence_interval(A, kind="z"), "σ"),
    (lambda: inf.confidence_interval(A, kind="w"), "kind"),
    (lambda: inf.simulate_intervals(0, -1, 10), "σ"),
    (lambda: inf.simulate_intervals(0, 1, 1), "n (sample size)"),
    (lambda: inf.simulate_intervals(0, 1, 10, count=0), "number of intervals"),
    (lambda: inf.power(float("nan"), 10), "effect size"),
    (lambda: inf.power(0.5, 1, kind="t"), "n (sample size)"),
]


@pytest.mark.parametrize("call,words", BAD)
def test_bad_input_raises_inference_error_naming_the_problem(call, words):
    with pytest.raises(InferenceError) as info:
        call()
    assert words in str(info.value)


def test_inference_error_is_a_value_error_and_needs_no_distributions_engine():
    """The Hypothesis lab opens without loading the Distributions lab's engine (it once did, for its error type)."""
    import subprocess
    import sys
    from pathlib import Path

    assert issubclass(InferenceError, ValueError)
    root = Path(__file__).resolve().parents[3]
    code = (f"import sys; sys.path.insert(0, {str(root)!r}); import engine.inference; "
            "print(' '.join(m for m in sys.modules if m.startswith('engine.stats')))")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == []


# --- typed numbers -------------------------------------------------------------------------------------------------
def test_parse_numbers_examples():
    assert inf.parse_numbers("4.1, 5 3.9;\n-6e-1\t+.5 7.") == (4.1, 5.0, 3.9, -0.6, 0.5, 7.0)
    assert inf.parse_numbers("   ") == ()
    assert inf.parse_numbers("\u22122.5") == (-2.5,)  # a typographic minus pasted from a document
    for text, token in [("1 2 x3 4", "x3"), ("1 nan", "nan"), ("inf", "inf"), ("1_000", "1_000"), ("1e999", "1e999")]:
        with pytest.raises(NumberTokenError) as info:
            inf.parse_numbers(text, "sample A")
        err = info.value
        assert err.token == token and text[err.start : err.end] == token
        assert "sample A" in str(err) and token in str(err)


SEPARATORS = st.sampled_from([" ", ",", ", ", ";", "\n", "\t", "  ,\n"])


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), max_size=30), st.data())
def test_parse_numbers_round_trips_any_finite_floats(values, data):
    seps = [data.draw(SEPARATORS) for _ in values]
    text = "".join(repr(v) + s for v, s in zip(values, seps, strict=True))
    assert inf.parse_numbers(text) == tuple(values)


@given(st.text(max_size=60))
def test_parse_numbers_never_fails_except_with_a_located_token_error(text):
    try:
        values = inf.parse_numbers(text)
    except NumberTokenError as err:
        assert text[err.start : err.end] == err.token and err.token.strip()
    else:
        assert all(math.isfinite(v) for v in values)


# --- the lab state --------------------------------------------------------------------------------------------------
def _state(**kw) -> HypothesisState:
    return dataclasses.replace(HypothesisState(), **kw)


def test_state_round_trips_and_refuses_bad_scenes():
    s = _state(test="welch_t", source="csv", csv_a=(1.0, 2.5, 3.0), csv_b=(0.5, 1.0), alpha=0.01, tab="power")
    assert from_dict(HypothesisState, to_dict(s)) == s
    data = to_dict(s)
    with pytest.raises(SchemaError, match="successes"):
        from_dict(HypothesisState, {**data, "successes": 60, "trials": 50})
    with pytest.raises(SchemaError, match="alpha"):
        from_dict(HypothesisState, {**data, "alpha": 2.0})
    with pytest.raises(SchemaError, match="test"):
        from_dict(HypothesisState, {**data, "test": "anova"})


CASES = [
    {},
    {"test": "welch_t", "alternative": "greater"},
    {"test": "pooled_t", "source": "typed"},
    {"test": "z", "alternative": "less"},
    {"test": "proportion"},
    {"test": "binomial", "alternative": "greater"},
    {"test": "chi2"},
    {"test": "chi2", "source": "typed", "chi2_expected": "0.1 0.1 0.2 0.2 0.2 0.2"},
    {"source": "csv", "csv_a": (1.0, 2.0, 4.0, 3.5), "csv_b": (0.5, 1.5, 1.0)},
    {"tab": "permutation", "perm_resamples": 300},
    {"tab": "bootstrap", "boot_stat": "std", "boot_method": "BCa", "boot_resamples": 300},
    {"tab": "bootstrap", "test": "binomial", "boot_stat": "median", "boot_resamples": 300},
    {"tab": "ab", "alternative": "less"},
    {"tab": "intervals", "ci_kind": "z"},
    {"tab": "power", "power_kind": "t", "alternative": "greater"},
    {"tab": "permutation", "source": "typed", "typed_a": "1 2 oops"},
]


@pytest.mark.parametrize("kw", CASES)
def test_code_snippet_reproduces_metrics(kw):
    state = _state(**kw)
    m = inf.metrics(state)
    namespace: dict = {}
    source = inf.code(state)
    exec(source, namespace)
    result = namespace["result"]
    if "error" in m:
        assert "not usable yet" in source and "oops" in source
    else:
        assert result, "the snippet should reproduce at least one number"
    for key, value in result.items():
        assert key in m, key
        if isinstance(value, (bool, np.bool_)):
            assert bool(value) == m[key], key
        else:
            assert value == pytest.approx(m[key], rel=1e-9), key


def test_metrics_match_the_engine_functions_and_report_unusable_input():
    m = inf.metrics(HypothesisState())
    a = np.random.default_rng(HypothesisState().seed).normal(0.5, 1.0, 20)
    assert m["p_value"] == pytest.approx(stats.ttest_1samp(a, 0.0).pvalue, rel=1e-12)
    assert m["n"] == 20 and m["df"] == 19
    assert m["coverage"] == inf.simulate_intervals(0.5, 1.0, 20, 0.05, 100, 0).coverage
    bad = inf.metrics(_state(source="typed", typed_a="1 2 three"))
    assert "three" in bad["error"] and "p_value" not in bad
    assert "power" in bad  # the other tabs still work


def test_engine_never_imports_qt():
    code = "import sys, engine.inference as m; m.metrics(m.HypothesisState()); print(any('PySide6' in k or "
    code += "'pyqtgraph' in k for k in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
