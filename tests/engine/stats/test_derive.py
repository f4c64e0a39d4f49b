"""The Distributions lab's derive and sample_results checked against numpy/scipy and hand-worked values."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from scipy import stats as st

from engine import stats as S
from engine.schema import field_specs

BASE = S.DistributionsState()


def _state(**changes) -> S.DistributionsState:
    return dataclasses.replace(BASE, **changes)


def test_derive_is_exported_and_gives_the_theory_of_the_state() -> None:
    s = _state(params=(("mu", 1.0), ("sigma", 2.0)))
    r = S.derive(s)
    np.testing.assert_allclose(r.curves.density, st.norm(1, 2).pdf(r.curves.x), rtol=1e-12)
    np.testing.assert_allclose(r.curves.cdf, st.norm(1, 2).cdf(r.curves.cdf_x), rtol=1e-12)
    assert r.theory_text == {"mean": "1", "variance": "4", "skewness": "0"}
    assert r.formula.startswith("scipy.stats.norm(loc=1.0, scale=2.0)")
    assert r.stick_x.size == 0 and r.stick_y.size == 0
    assert r.data_text == "no data loaded"
    assert [name for name, _ in r.mle_choices] == ["mu", "sigma"]


def test_pmf_sticks_run_from_zero_to_the_pmf() -> None:
    r = S.derive(_state(distribution="poisson", params=(("lam", 3.0),)))
    k = r.curves.x
    np.testing.assert_array_equal(r.stick_x, np.repeat(k, 2))
    np.testing.assert_allclose(r.stick_y[1::2], st.poisson(3.0).pmf(k))
    assert np.all(r.stick_y[::2] == 0.0)


def test_infinite_variance_is_spelled_out() -> None:
    r = S.derive(_state(distribution="student_t", params=(("nu", 1.5), ("mu", 0.0), ("sigma", 1.0))))
    assert r.theory_text["variance"] == "∞" and "infinite" in r.moments.note


def test_coin_hand_worked() -> None:
    # Beta(2, 2) prior, flips H H T: posterior Beta(4, 3), MAP (4-1)/(4+3-2) = 0.6, MLE 2/3, mean 4/7.
    c = S.derive(_state(coin_alpha=2.0, coin_beta=2.0, flips="HHT")).coin
    assert (c.posterior.post_alpha, c.posterior.post_beta) == (4.0, 3.0)
    assert c.posterior.map == pytest.approx(0.6) and c.posterior.mle == pytest.approx(2 / 3)
    np.testing.assert_allclose(c.prior_pdf, st.beta(2, 2).pdf(c.p))
    np.testing.assert_allclose(c.posterior_pdf, st.beta(4, 3).pdf(c.p))
    assert "MAP 0.600" in c.readout and "MLE 0.667" in c.readout and "mean 0.571" in c.readout
    assert c.flips_text == "Flips (3): HHT"


def test_bivariate_axes_are_eigenvectors_two_sqrt_lambda_long() -> None:
    b = S.derive(_state(rho=0.6)).bivariate
    lengths = [math.hypot(xs[1] - xs[0], ys[1] - ys[0]) / 2 for xs, ys in b.axes]
    assert lengths == pytest.approx([2 * math.sqrt(1.6), 2 * math.sqrt(0.4)])
    assert "λ₁ = 1.600" in b.readout and "λ₂ = 0.400" in b.readout


def test_binomial_n_is_not_a_fit_choice_and_data_is_described() -> None:
    r = S.derive(_state(mle_family="binomial", data=(1.0, 2.0), data_label="mine"))
    assert [name for name, _ in r.mle_choices] == ["p"]
    assert r.data_text == "loaded: mine (2 values)"


def test_the_same_fields_give_the_same_parts() -> None:
    a, b = S.derive(BASE), S.derive(_state(n_samples=5))
    assert a.curves is b.curves and a.coin is b.coin and a.bivariate is b.bivariate


def test_sample_results_agree_with_numpy_and_scipy() -> None:
    s = _state(n_samples=3000, seed=4)
    r = S.sample_results(s)
    x = S.sample("normal", s.params, 3000, 4)
    np.testing.assert_array_equal(r.samples, x)
    assert r.hist.counts.sum() + r.hist.n_outside == 3000
    assert float(r.sample_text["mean"]) == pytest.approx(x.mean(), rel=1e-3)
    assert float(r.sample_text["variance"]) == pytest.approx(x.var(ddof=1), rel=1e-3)
    ks = st.kstest(x, st.norm(0, 1).cdf)
    assert r.gof[1] == pytest.approx(ks.pvalue) and f"KS test p = {ks.pvalue:.3g}" in r.footer
    assert np.all(np.diff(r.ecdf_x) >= 0) and r.ecdf_y[-1] == 1.0


def test_lln_clt_qq_views() -> None:
    lln = S.sample_results(_state(tab="lln", n_samples=500)).lln
    x = S.sample("normal", BASE.params, 500, 0)
    np.testing.assert_allclose(lln.mean, np.cumsum(x)[lln.k.astype(int) - 1] / lln.k)
    assert lln.target == 0.0
    clt = S.sample_results(_state(tab="clt", clt_n=16, n_samples=100)).clt
    assert clt.clt.normal_sd == pytest.approx(0.25)
    np.testing.assert_allclose(clt.normal_y, st.norm(0, 0.25).pdf(clt.normal_x))
    assert "σ/√n = 0.25" in clt.note
    qq = S.sample_results(_state(tab="qq", n_samples=200)).qq
    np.testing.assert_allclose(qq.q, np.sort(S.sample("normal", BASE.params, 200, 0)))
    np.testing.assert_allclose(qq.z, st.norm.ppf((np.arange(1, 201) - 0.375) / 200.25))  # Blom positions
    q1, q3 = np.quantile(qq.q, [0.25, 0.75])
    slope = (q3 - q1) / (st.norm.ppf(0.75) - st.norm.ppf(0.25))
    np.testing.assert_allclose(qq.line_y, q1 + slope * (qq.line_x - st.norm.ppf(0.25)))
    assert qq.note.startswith(f"Correlation of the points r = {qq.r:.4f}")


def test_results_of_the_same_draws_are_reused_and_only_the_tab_view_is_new() -> None:
    first = S.sample_results(_state(tab="clt", clt_n=4, n_samples=3000))
    step = _state(tab="clt", clt_n=9, n_samples=3000)  # a CLT n step: the same draws
    again = S.sample_results(step, with_gof=False, previous=first)
    assert again.hist is first.hist and again.summary is first.summary and again.ecdf_x is first.ecdf_x
    assert again.gof == first.gof  # the fit test of these draws already ran: kept, not dropped
    fresh = S.sample_results(step)  # what computing everything gives
    np.testing.assert_array_equal(again.clt.clt.means, fresh.clt.clt.means)
    np.testing.assert_array_equal(again.clt.hist.density, fresh.clt.hist.density)
    assert (again.tab, again.footer, again.sample_text) == (fresh.tab, fresh.footer, fresh.sample_text)
    # other bins or other draws: the histogram (or everything) is made again
    rebinned = S.sample_results(_state(tab="clt", clt_n=9, n_samples=3000, bins=7), previous=first)
    assert rebinned.hist.counts.size == 7 and rebinned.bins == 7
    other = S.sample_results(_state(tab="clt", clt_n=9, n_samples=3000, seed=5), previous=first)
    assert not np.array_equal(other.samples, first.samples)


def test_degenerate_samples_give_named_messages_not_errors() -> None:
    one = S.sample_results(_state(tab="qq", n_samples=1))
    assert one.qq.note == S.sampled.QQ_TOO_FEW and one.qq.z.size == 0
    assert one.sample_text["variance"] == "undefined"
    flat = S.sample_results(_state(tab="qq", distribution="bernoulli", params=(("p", 1.0),), n_samples=20))
    assert math.isnan(flat.qq.r) and flat.qq.note == S.sampled.QQ_CONSTANT


def test_cauchy_clt_has_no_normal_and_says_why() -> None:
    clt = S.sample_results(_state(tab="clt", distribution="cauchy", params=(("x0", 0.0), ("gamma", 1.0)))).clt
    assert clt.normal_x.size == 0 and "No finite variance" in clt.note


def test_mle_fits_the_draws_and_explains_an_impossible_fit() -> None:
    m = S.sample_results(_state(tab="mle", n_samples=2000)).mle
    x = S.sample("normal", BASE.params, 2000, 0)
    assert m.fit.as_dict()["mu"] == pytest.approx(x.mean()) and m.fit.as_dict()["sigma"] == pytest.approx(x.std())
    assert m.contour.at_max == pytest.approx((x.mean(), x.std()))
    assert m.grid[int(np.nanargmax(m.loglik))] == pytest.approx(x.mean(), abs=(m.grid[1] - m.grid[0]))
    np.testing.assert_allclose(m.mle_y, st.norm(x.mean(), x.std()).pdf(m.curve_x))
    bad = S.sample_results(_state(tab="mle", mle_family="exponential")).mle
    assert bad.error and "≥ 0" in bad.error and bad.readout.startswith("<b>Cannot fit:</b>")
    empty = S.sample_results(_state(tab="mle", mle_source="data")).mle
    assert empty.error == S.mle_view.NO_DATA


def test_live_results_get_their_test_on_release() -> None:
    s = _state(n_samples=1000)
    live = S.sample_results(s, with_gof=False)
    assert live.gof is None and "when the slider is released" in live.footer
    done = S.with_gof(live, s)
    assert done.gof == S.sample_results(s).gof and "KS test p" in done.footer
    assert S.with_gof(done, s) is done


def test_reveal_shows_the_first_draws_on_the_full_bins() -> None:
    r = S.sample_results(_state(n_samples=1000))
    part = S.reveal(r, 10)
    assert np.sum(part.density * np.diff(r.hist.edges)) == pytest.approx(1.0)
    assert part.mean == pytest.approx(r.samples[:10].mean()) and "shown 10 of 1,000" in part.label
    assert S.reveal(r, None).label == "all 1,000 draws shown"


def test_random_flips_are_reproducible() -> None:
    s = _state(coin_p=0.7, flips="HT")
    assert S.random_flips(s, 10) == S.random_flips(s, 10)
    assert set(S.random_flips(s, 50)) <= {"H", "T"}


def test_every_field_spec_default_lies_in_its_range() -> None:
    for name, fs in field_specs(S.DistributionsState).items():
        if isinstance(fs.default, (int, float)) and not isinstance(fs.default, bool) and fs.lo is not None:
            assert fs.lo <= fs.default <= fs.hi, name
        if fs.soft_lo is not None:
            assert fs.lo <= fs.soft_lo < fs.soft_hi <= fs.hi, name


@pytest.mark.parametrize("family", list(S.DISTRIBUTIONS))
def test_every_param_spec_default_and_slider_lie_in_its_field_spec(family: str) -> None:
    for p in S.distribution_spec(family).params:
        fs = p.field_spec()
        assert fs.lo <= fs.default <= fs.hi and fs.lo <= fs.soft_lo < fs.soft_hi <= fs.hi, p.name
        assert p.contains(fs.lo) and p.contains(fs.hi), p.name
