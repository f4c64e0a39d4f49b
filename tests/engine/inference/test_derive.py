"""derive(state) of the Hypothesis lab against scipy and hand-worked values; every field spec holds its default."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from scipy import stats

from engine.inference import (
    HypothesisResults,
    HypothesisState,
    bootstrap_ci,
    bootstrap_picture,
    derive,
    export_tables,
    permutation_frame,
    permutation_layout,
    permutation_readout,
    permutation_test,
)
from engine.schema import field_specs


def _sample_a(s: HypothesisState) -> np.ndarray:
    return np.random.default_rng(s.seed).normal(s.true_mu, s.sigma, s.n)


def _area(xy) -> float:
    """Area under (x, y) data whose pieces are separated by NaN."""
    x, y = xy
    total = 0.0
    for px, py in zip(np.split(x, np.flatnonzero(np.isnan(x))), np.split(y, np.flatnonzero(np.isnan(x))), strict=True):
        keep = ~np.isnan(px)
        if keep.sum() >= 2:
            total += float(np.trapezoid(py[keep], px[keep]))
    return total


def test_results_are_frozen_and_only_the_open_tab_is_computed() -> None:
    res = derive(HypothesisState())
    assert isinstance(res, HypothesisResults) and type(res).__dataclass_params__.frozen
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.tab = "power"  # type: ignore[misc]
    assert res.test is not None and res.null is not None and res.power is None and res.intervals is None


def test_one_sample_t_matches_scipy_and_shades_alpha() -> None:
    s = HypothesisState(alpha=0.08)
    res = derive(s)
    ref = stats.ttest_1samp(_sample_a(s), s.mu0)
    assert res.test.p_value == pytest.approx(ref.pvalue, rel=1e-12)
    assert res.test.statistic == pytest.approx(ref.statistic, rel=1e-12)
    df = s.n - 1
    crit = stats.t.isf(s.alpha / 2, df)
    assert res.null.critical == pytest.approx((-crit, crit))
    assert res.null.reject_pieces[1][0] == pytest.approx(crit)
    # the area under the drawn density over both tails is α, less what lies beyond the plotted range
    cut = stats.t.cdf(res.null.lo, df) + stats.t.sf(res.null.hi, df)
    assert sum(_area(xy) for xy in res.null.reject_fills) == pytest.approx(s.alpha - cut, abs=5e-4)
    assert sum(_area(xy) for xy in res.null.p_fills) == pytest.approx(ref.pvalue - cut, abs=5e-4)
    assert res.reject == (ref.pvalue <= s.alpha) and "reject" in res.verdict
    assert f"p = {res.test.p_value:.3g}" in res.label_text


def test_an_alpha_change_reuses_the_null_curve_arrays() -> None:
    a, b = derive(HypothesisState(alpha=0.05)), derive(HypothesisState(alpha=0.06))
    assert a.null.x is b.null.x and a.null.y is b.null.y
    assert a.null.p_pieces == b.null.p_pieces and a.null.reject_pieces != b.null.reject_pieces
    assert np.allclose(b.null.y, stats.t.pdf(b.null.x, 19))


def test_exact_binomial_bars_are_the_pmf_and_p_counts_match() -> None:
    s = HypothesisState(test="binomial", successes=32, trials=50, p0=0.5)
    res = derive(s)
    pic = res.null
    assert pic.discrete and pic.x.size == 0
    assert np.allclose(pic.pmf, stats.binom.pmf(pic.ks, 50, 0.5))
    ref = stats.binomtest(32, 50, 0.5).pvalue
    assert res.test.p_value == pytest.approx(ref, rel=1e-9)
    # the bars outlined as "counts towards p" carry the p-value (the plotted range holds nearly all the mass)
    assert pic.pmf[pic.in_p].sum() == pytest.approx(ref, abs=1e-4)
    assert pic.pmf[pic.in_reject].sum() <= s.alpha + 1e-12
    assert pic.observed_text == "observed k = 32" and pic.y_label.startswith("probability")


def test_chi_square_rejection_starts_at_the_critical_value() -> None:
    s = HypothesisState(test="chi2", source="typed")
    res = derive(s)
    observed = [18, 22, 16, 14, 12, 20]
    assert res.test.p_value == pytest.approx(stats.chisquare(observed).pvalue, rel=1e-9)
    assert res.null.reject_pieces[0][0] == pytest.approx(stats.chi2.isf(0.05, 5))


def test_ab_tab_is_the_pooled_two_proportion_z_test() -> None:
    s = HypothesisState(tab="ab")
    res = derive(s)
    p = (120 + 150) / 2000
    z = (0.12 - 0.15) / math.sqrt(p * (1 - p) * (2 / 1000))
    assert res.test.statistic == pytest.approx(z, rel=1e-9)
    assert res.test.p_value == pytest.approx(2 * stats.norm.sf(abs(z)), rel=1e-9)
    assert "conversion A = 12.00%, B = 15.00%" in res.label_text


def test_intervals_tab_counts_the_t_intervals_that_cover_mu() -> None:
    s = HypothesisState(tab="intervals", ci_count=50, ci_seed=3)
    res = derive(s)
    draws = np.random.default_rng(3).normal(s.true_mu, s.sigma, (50, s.n))
    hits = 0
    for row in draws:
        lo, hi = stats.t.interval(0.95, s.n - 1, row.mean(), stats.sem(row))
        hits += lo <= s.true_mu <= hi
    assert res.intervals.coverage == hits
    assert f"<b>{hits} of 50</b>" in res.label_text
    pic = res.intervals_picture
    assert pic.hits[0].size == 2 * hits and pic.misses[0].size == 2 * (50 - hits)
    assert pic.x_range[0] < res.intervals.lows.min() and pic.x_range[1] > res.intervals.highs.max()


def test_power_tab_matches_the_normal_formula_and_its_areas() -> None:
    s = HypothesisState(tab="power", power_effect=0.5, power_n=30)
    res = derive(s)
    c, shift = stats.norm.isf(0.025), 0.5 * math.sqrt(30)
    ref = stats.norm.sf(c - shift) + stats.norm.cdf(-c - shift)
    assert res.power.power == pytest.approx(ref, rel=1e-12)
    pic = res.power_picture
    assert _area(pic.power_fill) == pytest.approx(ref, abs=0.01)
    assert _area(pic.power_fill) + _area(pic.beta_fill) == pytest.approx(1.0, abs=0.01)
    assert sum(_area(xy) for xy in pic.alpha_fills) == pytest.approx(0.05, abs=1e-3)
    assert f"power = {ref:.3f}" in res.label_text


@pytest.mark.parametrize("tab", ["permutation", "bootstrap"])
def test_resampling_tabs_only_check_their_data(tab: str) -> None:
    assert derive(HypothesisState(tab=tab)).error == ""
    bad = derive(HypothesisState(tab=tab, source="typed", typed_a="4.1 x"))
    assert "“x”" in bad.error and bad.verdict.startswith("Cannot run")


def test_unusable_data_gives_a_named_message_not_an_exception() -> None:
    res = derive(HypothesisState(source="typed", typed_a="4 4 4"))
    assert "zero variance" in res.error and res.verdict.startswith("Cannot run the test:")
    assert res.test is None and res.null is None and res.reject is None


def test_permutation_drawing_data_and_readout_follow_the_run() -> None:
    rng = np.random.default_rng(0)
    a, b = rng.normal(0.5, 1, 15), rng.normal(0, 1, 15)
    run = permutation_test(a, b, n_resamples=500, seed=0)
    layout = permutation_layout(run)
    assert layout.x_range[0] < min(run.null.min(), run.observed) < max(run.null.max(), run.observed) < layout.x_range[1]
    frame = permutation_frame(run, 200, layout)
    assert int(frame.plain.sum() + frame.extreme.sum()) == 200
    label, verdict, reject = permutation_readout(run, 500, 0.05)
    assert reject == (run.p_value <= 0.05) and "after 500 of 500" in label and "α = 0.05" in verdict
    assert permutation_readout(run, 100, 0.05)[2] is None


def test_bootstrap_picture_holds_every_resample() -> None:
    res = bootstrap_ci(np.arange(20.0), n_resamples=300, seed=1)
    pic = bootstrap_picture(res)
    assert int(pic.heights.sum()) == 300 and pic.interval == (res.low, res.high)
    assert pic.x_range[0] < res.low < res.high < pic.x_range[1]


def test_export_tables_pad_the_shorter_sample() -> None:
    tables = export_tables(HypothesisState(n=5, n_b=3))
    header, rows = tables["samples"]
    assert header == ["sample_a", "sample_b"] and len(rows) == 5 and math.isnan(rows[4][1])
    assert len(tables["intervals"][1]) == 100 and "permutation_null" not in tables


def test_every_field_spec_holds_its_default_and_slider_ranges_lie_in_the_domain() -> None:
    for fs in field_specs(HypothesisState).values():
        if fs.lo is not None and isinstance(fs.default, int | float) and not isinstance(fs.default, bool):
            assert fs.lo <= fs.default <= fs.hi, fs.name
        if fs.step is not None:
            lo, hi = fs.slider_range
            assert fs.lo <= lo < hi <= fs.hi and fs.step > 0, fs.name
    alpha = field_specs(HypothesisState)["alpha"]
    assert (alpha.lo, alpha.hi, alpha.slider_range) == (0.001, 0.5, (0.001, 0.2))  # the domain kept, the slider 0.2


@pytest.mark.parametrize("test", ["one_sample_t", "z", "welch_t", "pooled_t", "proportion", "binomial", "chi2"])
@pytest.mark.parametrize("alternative", ["two-sided", "less", "greater"])
def test_an_alpha_step_gives_exactly_what_running_the_test_at_that_alpha_gives(test, alternative):
    # derive runs a test once per data and re-derives only its rejection region for a new α (an α drag's steps)
    from engine.inference import run_ab, run_test

    for trials, successes in ((40, 27), (1000, 530)):
        for alpha in (0.05, 0.001, 0.0137, 0.05, 0.2, 0.499):
            s = dataclasses.replace(HypothesisState(), test=test, alternative=alternative, alpha=alpha,
                                    trials=trials, successes=successes)  # fmt: skip
            got = derive(s).test
            assert dataclasses.asdict(got) == dataclasses.asdict(run_test(s)), (test, alternative, alpha)
            ab = derive(dataclasses.replace(s, tab="ab")).test
            assert dataclasses.asdict(ab) == dataclasses.asdict(run_ab(s))


def test_an_alpha_drag_runs_the_test_once(monkeypatch):
    import sys

    derive_module = sys.modules["engine.inference.derive"]  # (the package's name `derive` is the function)
    calls = []
    real = derive_module.run_test
    monkeypatch.setattr(derive_module, "run_test", lambda s: calls.append(s.alpha) or real(s))
    derive_module._test_at_reference.cache_clear()
    base = dataclasses.replace(HypothesisState(), test="binomial", trials=60, successes=38)
    verdicts = {derive(dataclasses.replace(base, alpha=a)).verdict for a in np.linspace(0.001, 0.3, 40)}
    assert len(calls) == 1 and len(verdicts) > 1  # one exact binomial test for 40 α steps, and the verdict flipped


def test_a_state_holding_lists_is_derived_too():
    s = dataclasses.replace(HypothesisState(), source="csv", csv_a=[0.3, 1.2, -0.4, 0.9], alpha=0.1)  # a notebook's
    res = derive(s)
    assert res.error == "" and res.test.alpha == 0.1 and math.isfinite(res.test.p_value)
