"""Show the code for the Hypothesis lab: a numpy/scipy snippet reproducing the current test and tab.

The snippet is what a student copies into a notebook, so it calls ``scipy.stats`` directly (not this engine) and spells
out the formulas scipy has no function for (z-tests, the A/B test). It ends with a dict ``result`` whose keys are a
subset of :func:`engine.inference.lab.metrics`.
"""

from __future__ import annotations

import numpy as np

from engine.inference.inputs import InferenceError
from engine.inference.lab import (
    COUNT_TESTS,
    HypothesisState,
    chi2_counts,
    run_ab,
    run_bootstrap,
    run_permutation,
    run_test,
    samples,
)

__all__ = ["code"]

_P_FORMULA = {
    "two-sided": "min(1.0, 2 * stats.norm.sf(abs(z)))",
    "less": "stats.norm.cdf(z)",
    "greater": "stats.norm.sf(z)",
}


def _array(values) -> str:
    return "np.array([" + ", ".join(repr(float(v)) for v in np.asarray(values, dtype=float)) + "])"


def _data_lines(state: HypothesisState) -> list[str]:
    if state.source == "generated":
        return [
            f"rng = np.random.default_rng({state.seed})",
            f"a = rng.normal({state.true_mu!r}, {state.sigma!r}, {state.n})  # sample A",
            f"b = rng.normal({state.true_mu_b!r}, {state.sigma!r}, {state.n_b})  # sample B",
        ]
    a, b = samples(state)
    where = "typed" if state.source == "typed" else f"from CSV {state.csv_label}".rstrip()
    return [f"a = {_array(a)}  # sample A ({where})", f"b = {_array(b)}  # sample B"]


def _test_lines(state: HypothesisState) -> list[str]:
    t, alt = state.test, state.alternative
    if t in COUNT_TESTS:
        lines = [f"k, n, p0 = {state.successes}, {state.trials}, {state.p0!r}"]
        if t == "binomial":
            lines += [
                f'res = stats.binomtest(k, n, p0, alternative="{alt}")',
                "result.update(statistic=float(k), p_value=float(res.pvalue), reject=bool(res.pvalue <= alpha), n=n)",
            ]
        else:
            lines += [
                "z = (k / n - p0) / np.sqrt(p0 * (1 - p0) / n)  # normal approximation to the binomial",
                f"p = {_P_FORMULA[alt]}",
                "result.update(statistic=float(z), p_value=float(p), reject=bool(p <= alpha), n=n)",
            ]
        return lines
    if t == "chi2":
        observed, proportions = chi2_counts(state)
        if state.source == "generated":
            lines = [
                f"rng = np.random.default_rng({state.seed})",
                f"rolls = rng.integers(1, 7, {state.n})  # a fair die rolled {state.n} times",
                "observed = np.bincount(rolls, minlength=7)[1:]",
            ]
        else:
            lines = [f"observed = {_array(observed)}"]
        if proportions:
            lines.append(f"f_exp = observed.sum() * {_array(proportions)}")
        else:
            lines.append("f_exp = None  # all categories equally likely")
        return lines + [
            "res = stats.chisquare(observed, f_exp)",
            "result.update(statistic=float(res.statistic), p_value=float(res.pvalue), "
            "reject=bool(res.pvalue <= alpha), df=float(observed.size - 1), n=int(observed.sum()))",
        ]
    lines = _data_lines(state)
    if t == "z":
        lines += [
            f"mu0, sigma = {state.mu0!r}, {state.sigma!r}  # σ is known",
            "z = (a.mean() - mu0) / (sigma / np.sqrt(a.size))",
            f"p = {_P_FORMULA[alt]}",
            "result.update(statistic=float(z), p_value=float(p), reject=bool(p <= alpha), n=a.size)",
        ]
        return lines
    if t == "one_sample_t":
        lines.append(f'res = stats.ttest_1samp(a, popmean={state.mu0!r}, alternative="{alt}")')
    else:
        lines.append(f'res = stats.ttest_ind(a, b, equal_var={t == "pooled_t"}, alternative="{alt}")')
    lines.append(
        "result.update(statistic=float(res.statistic), p_value=float(res.pvalue), reject=bool(res.pvalue <= alpha), "
        "df=float(res.df), n=a.size)"
    )
    return lines


def _tab_lines(state: HypothesisState) -> list[str]:
    alt = state.alternative
    if state.tab == "permutation":
        return [
            "",
            "def mean_difference(x, y, axis=-1):",
            "    return np.mean(x, axis=axis) - np.mean(y, axis=axis)",
            "",
            "perm = stats.permutation_test((a, b), mean_difference, vectorized=True,",
            f'                              n_resamples={state.perm_resamples}, alternative="{alt}", '
            f"rng={state.perm_seed})",
            "result.update(permutation_p_value=float(perm.pvalue), permutation_observed=float(perm.statistic))",
        ]
    if state.tab == "bootstrap":
        stat = {"mean": "np.mean", "median": "np.median", "std": "sample_sd"}[state.boot_stat]
        lines = [""]
        if state.boot_stat == "std":
            lines += ["def sample_sd(x, axis=-1):", "    return np.std(x, ddof=1, axis=axis)", ""]
        return lines + [
            f"boot = stats.bootstrap((a,), {stat}, n_resamples={state.boot_resamples}, confidence_level=1 - alpha,",
            f'                       method="{state.boot_method}", vectorized=True, rng={state.boot_seed})',
            "result.update(bootstrap_low=float(boot.confidence_interval.low),",
            f"              bootstrap_high=float(boot.confidence_interval.high), bootstrap_estimate=float({stat}(a)))",
        ]
    if state.tab == "ab":
        return [
            "",
            "# A/B test: pooled two-proportion z-test",
            f"x1, n1, x2, n2 = {state.ab_x1}, {state.ab_n1}, {state.ab_x2}, {state.ab_n2}",
            "pooled = (x1 + x2) / (n1 + n2)",
            "z = (x1 / n1 - x2 / n2) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))",
            f"p = {_P_FORMULA[alt]}",
            "result.update(ab_statistic=float(z), ab_p_value=float(p), ab_reject=bool(p <= alpha))",
        ]
    if state.tab == "intervals":
        crit = "stats.t.isf(alpha / 2, n - 1)" if state.ci_kind == "t" else "stats.norm.isf(alpha / 2)"
        sd = "samples.std(axis=1, ddof=1)" if state.ci_kind == "t" else "sigma"
        return [
            "",
            f"# {state.ci_count} samples of size n from N(mu, sigma²), one {state.ci_kind}-interval each",
            f"mu, sigma, n = {state.true_mu!r}, {state.sigma!r}, {state.n}",
            f"samples = np.random.default_rng({state.ci_seed}).normal(mu, sigma, ({state.ci_count}, n))",
            "means = samples.mean(axis=1)",
            f"margin = {crit} * {sd} / np.sqrt(n)",
            "covers = (means - margin <= mu) & (mu <= means + margin)",
            "result.update(coverage=int(covers.sum()), coverage_rate=float(covers.mean()))",
        ]
    if state.tab == "power":
        return ["", *_power_lines(state)]
    return []


def _power_lines(state: HypothesisState) -> list[str]:
    alt, kind = state.alternative, state.power_kind
    lines = [f"d, n = {state.power_effect!r}, {state.power_n}  # effect size (μ₁ − μ₀)/σ and sample size"]
    if kind == "z":
        lines += ["null, alt = stats.norm(), stats.norm(loc=d * np.sqrt(n))"]
    else:
        lines += ["null, alt = stats.t(n - 1), stats.nct(n - 1, d * np.sqrt(n))  # noncentral t under H₁"]
    if alt == "less":
        lines += ["power = alt.cdf(null.ppf(alpha))"]
    elif alt == "greater":
        lines += ["power = alt.sf(null.isf(alpha))"]
    else:
        lines += ["c = null.isf(alpha / 2)", "power = alt.cdf(-c) + alt.sf(c)"]
    return lines + ["result.update(power=float(power), beta=float(1 - power))"]


def code(state: HypothesisState) -> str:
    """A self-contained numpy/scipy snippet reproducing the lab's test and the open tab's numbers.

    Parameters
    ----------
    state : the lab state.

    Returns
    -------
    Python source ending with a dict ``result`` (keys ⊂ ``metrics(state)``, same values).
    """
    lines = [
        f"# {state.test.replace('_', ' ')} — generated by ML Math Sandbox",
        "import numpy as np",
        "from scipy import stats",
        "",
        f"alpha = {state.alpha!r}",
        "result = {}",
    ]
    test_ok = True
    try:
        run_test(state)
        lines += _test_lines(state)
    except InferenceError as exc:
        test_ok = False
        lines.append(f"# the test's input is not usable yet: {exc}")
    try:
        _check_tab(state)
        samples_defined = test_ok and state.test not in COUNT_TESTS and state.test != "chi2"
        if state.tab in ("permutation", "bootstrap") and not samples_defined:
            lines += ["", *_data_lines(state)]
        lines += _tab_lines(state)
    except InferenceError as exc:
        lines.append(f"# this tab's input is not usable yet: {exc}")
    lines += ["", "print(result)", *_figure_lines(state, test_ok)]
    return "\n".join(lines) + "\n"


def _figure_lines(state: HypothesisState, test_ok: bool) -> list[str]:
    """Matplotlib lines drawing the lab's main view: the test statistic's null distribution and where it fell."""
    lines = ["", "import matplotlib.pyplot as plt", "", "fig, ax = plt.subplots(figsize=(7, 4))"]
    if not test_ok:
        return lines + ['ax.set_title("the test\'s input is not usable yet")', "plt.show()"]
    if state.test == "binomial":
        return lines + [
            "ks = np.arange(n + 1)",
            'ax.bar(ks, stats.binom.pmf(ks, n, p0), color="#999999", label="null: Binomial(n, p0)")',
            'ax.axvline(k, color="#D55E00", lw=2.5, label=f"observed k = {k}")',
            'ax.set(xlabel="successes", ylabel="probability", title=f"p = {result[\'p_value\']:.4g}")',
            "ax.legend()",
            "plt.show()",
        ]
    null = {"chi2": "stats.chi2(result['df'])", "z": "stats.norm()", "proportion": "stats.norm()"}.get(
        state.test, "stats.t(result['df'])"
    )
    return lines + [
        f"null = {null}  # the statistic's distribution if H0 is true",
        "lo, hi = null.ppf(0.0005), null.ppf(0.9995)",
        'grid = np.linspace(min(lo, result["statistic"]), max(hi, result["statistic"]), 400)',
        'ax.plot(grid, null.pdf(grid), color="#0072B2", lw=2.5, label="null distribution")',
        'ax.axvline(result["statistic"], color="#D55E00", lw=2.5, label=f"observed {result[\'statistic\']:.3g}")',
        'ax.set(xlabel="test statistic", ylabel="density", title=f"p = {result[\'p_value\']:.4g}")',
        "ax.legend()",
        "plt.show()",
    ]


def _check_tab(state: HypothesisState) -> None:
    """Raise InferenceError when the open tab's input is unusable (so the snippet explains instead of failing)."""
    if state.tab == "permutation":
        run_permutation(state)
    elif state.tab == "bootstrap":
        run_bootstrap(state)
    elif state.tab == "ab":
        run_ab(state)
