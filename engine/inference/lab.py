"""The Hypothesis-testing lab's state (everything a user can set) and the numbers it implies.

The state holds inputs only: typed numbers stay text (so a half-typed list is kept and its error shown), generated
samples are a seed and parameters, CSV data is the loaded column itself (so a scene works on another machine).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.inference.counts import chi2_gof, proportion_test, two_proportion_test
from engine.inference.inputs import ALTERNATIVES, InferenceError, parse_numbers
from engine.inference.intervals import power, simulate_intervals
from engine.inference.parametric import one_sample_t, two_sample_t, z_test
from engine.inference.resampling import (
    BOOTSTRAP_METHODS,
    BOOTSTRAP_STATS,
    MIN_BOOTSTRAP_RESAMPLES,
    bootstrap_ci,
    permutation_test,
)
from engine.inference.result import TestResult
from engine.schema import SchemaError, spec

__all__ = [
    "HypothesisState",
    "TESTS",
    "TEST_TITLES",
    "TABS",
    "SOURCES",
    "TWO_SAMPLE_TESTS",
    "COUNT_TESTS",
    "samples",
    "chi2_counts",
    "run_test",
    "run_permutation",
    "run_bootstrap",
    "run_ab",
    "run_intervals",
    "run_power",
    "metrics",
]

TEST_TITLES = {
    "one_sample_t": "One-sample t-test",
    "welch_t": "Two-sample t-test (Welch)",
    "pooled_t": "Two-sample t-test (pooled variance)",
    "z": "z-test (known σ)",
    "proportion": "One-proportion z-test",
    "binomial": "Exact binomial test",
    "chi2": "Chi-square goodness of fit",
}
TESTS = tuple(TEST_TITLES)
TWO_SAMPLE_TESTS = ("welch_t", "pooled_t")
COUNT_TESTS = ("proportion", "binomial")
TABS = ("test", "permutation", "bootstrap", "ab", "intervals", "power")
SOURCES = ("generated", "typed", "csv")
BIG = 1e9
MAX_DATA = 100_000
DIE_FACES = 6


@dataclass(frozen=True)
class HypothesisState:
    """Everything a user can set in the Hypothesis-testing lab (defaults = the lab's opening state)."""

    test: str = spec("one_sample_t", choices=TESTS)
    tab: str = spec("test", choices=TABS)
    source: str = spec("generated", choices=SOURCES)
    alternative: str = spec("two-sided", choices=ALTERNATIVES)
    alpha: float = spec(0.05, lo=0.001, hi=0.5, step=0.001, soft_hi=0.2, decimals=3, label="α")
    # generated samples: A ~ N(true_mu, sigma²) of size n, B ~ N(true_mu_b, sigma²) of size n_b; sigma is also the
    # known σ of the z-test
    mu0: float = spec(0.0, lo=-BIG, hi=BIG, step=0.1, decimals=3, label="μ₀")
    true_mu: float = spec(0.5, lo=-BIG, hi=BIG, step=0.1, decimals=3, label="true μ_A")
    true_mu_b: float = spec(0.0, lo=-BIG, hi=BIG, step=0.1, decimals=3, label="true μ_B")
    sigma: float = spec(1.0, lo=1e-9, hi=BIG, step=0.1, decimals=3, label="σ")
    n: int = spec(20, lo=2, hi=10_000, step=1, integer=True, label="n_A")
    n_b: int = spec(20, lo=2, hi=10_000, step=1, integer=True, label="n_B")
    seed: int = spec(42, lo=0, hi=2**31 - 1, integer=True)
    typed_a: str = spec("4.9 5.6 5.1 6.2 5.8 4.7 5.9 6.1 5.4 5.5", max_chars=500_000)
    typed_b: str = spec("4.6 5.0 4.4 5.2 4.8 5.1 4.3 4.9", max_chars=500_000)
    csv_a: tuple[float, ...] = spec((), lo=-1e300, hi=1e300, max_len=MAX_DATA)
    csv_b: tuple[float, ...] = spec((), lo=-1e300, hi=1e300, max_len=MAX_DATA)
    csv_label: str = spec("", max_chars=400)
    # one-proportion tests
    successes: int = spec(32, lo=0, hi=10_000_000, integer=True)
    trials: int = spec(50, lo=1, hi=10_000_000, integer=True)
    p0: float = spec(0.5, lo=0.0001, hi=0.9999, step=0.01, decimals=4, label="p₀")
    # chi-square: typed counts and expected proportions (blank = all equal); generated = a fair die rolled n times
    chi2_observed: str = spec("18 22 16 14 12 20", max_chars=20_000)
    chi2_expected: str = spec("", max_chars=20_000)
    # tabs
    perm_resamples: int = spec(2000, lo=1, hi=200_000, integer=True)
    perm_seed: int = spec(0, lo=0, hi=2**31 - 1, integer=True)
    boot_stat: str = spec("mean", choices=tuple(BOOTSTRAP_STATS))
    boot_method: str = spec("percentile", choices=BOOTSTRAP_METHODS)
    # at least 100: with fewer the interval's ends (its α/2 and 1 − α/2 percentiles) are not defined well
    boot_resamples: int = spec(2000, lo=MIN_BOOTSTRAP_RESAMPLES, hi=200_000, integer=True)
    boot_seed: int = spec(0, lo=0, hi=2**31 - 1, integer=True)
    ab_x1: int = spec(120, lo=0, hi=100_000_000, integer=True)
    ab_n1: int = spec(1000, lo=1, hi=100_000_000, integer=True)
    ab_x2: int = spec(150, lo=0, hi=100_000_000, integer=True)
    ab_n2: int = spec(1000, lo=1, hi=100_000_000, integer=True)
    ci_count: int = spec(100, lo=1, hi=1000, integer=True)
    ci_kind: str = spec("t", choices=("t", "z"))
    ci_seed: int = spec(0, lo=0, hi=2**31 - 1, integer=True)
    power_effect: float = spec(0.5, lo=-5.0, hi=5.0, step=0.01, soft_lo=-3.0, soft_hi=3.0, decimals=2, label="effect d")
    power_n: int = spec(20, lo=2, hi=10_000, step=1, soft_hi=400, integer=True, label="n")
    power_kind: str = spec("z", choices=("z", "t"))
    # main plot's x/y range; all zeros = fit to the null distribution
    view: tuple[float, float, float, float] = spec((0.0, 0.0, 0.0, 0.0), lo=-BIG, hi=BIG)

    def validate(self) -> None:
        """Cross-field rules a scene file must also obey."""
        if self.successes > self.trials:
            raise SchemaError("successes", f"must be at most trials ({self.trials}), got {self.successes}")
        if self.ab_x1 > self.ab_n1:
            raise SchemaError("ab_x1", f"must be at most ab_n1 ({self.ab_n1}), got {self.ab_x1}")
        if self.ab_x2 > self.ab_n2:
            raise SchemaError("ab_x2", f"must be at most ab_n2 ({self.ab_n2}), got {self.ab_x2}")


def samples(state: HypothesisState) -> tuple[np.ndarray, np.ndarray]:
    """Sample A and sample B from the chosen source (generated, typed or CSV).

    Parameters
    ----------
    state : the lab state.

    Returns
    -------
    (a, b) float arrays; b may be empty when the user gave only one sample (typed/CSV).
    Generated: ``rng = default_rng(seed)``; ``a = rng.normal(true_mu, sigma, n)``, then ``b = rng.normal(true_mu_b,
    sigma, n_b)``.

    Raises
    ------
    NumberTokenError / InferenceError naming the bad token or the empty field.
    """
    if state.source == "generated":
        rng = np.random.default_rng(state.seed)
        a = rng.normal(state.true_mu, state.sigma, state.n)
        return a, rng.normal(state.true_mu_b, state.sigma, state.n_b)
    if state.source == "typed":
        a = np.array(parse_numbers(state.typed_a, "sample A"), dtype=float)
        return a, np.array(parse_numbers(state.typed_b, "sample B"), dtype=float)
    return np.array(state.csv_a, dtype=float), np.array(state.csv_b, dtype=float)


def chi2_counts(state: HypothesisState) -> tuple[np.ndarray, tuple[float, ...] | None]:
    """Observed counts and expected proportions (None = all equal) for the chi-square test.

    Parameters
    ----------
    state : the lab state. Generated: a fair six-sided die rolled ``n`` times with ``seed``.

    Returns
    -------
    (observed counts, expected proportions or None).
    """
    expected = parse_numbers(state.chi2_expected, "expected proportions") or None
    if state.source == "generated":
        rng = np.random.default_rng(state.seed)
        rolls = rng.integers(1, DIE_FACES + 1, state.n)
        return np.bincount(rolls, minlength=DIE_FACES + 1)[1:].astype(float), expected
    if state.source == "typed":
        return np.array(parse_numbers(state.chi2_observed, "observed counts"), dtype=float), expected
    return np.array(state.csv_a, dtype=float), expected


def run_test(state: HypothesisState) -> TestResult:
    """The chosen classical test on the chosen data (raises InferenceError on unusable input)."""
    alt, alpha, t = state.alternative, state.alpha, state.test
    if t in COUNT_TESTS:
        return proportion_test(state.successes, state.trials, state.p0, alt, alpha, exact=t == "binomial")
    if t == "chi2":
        observed, proportions = chi2_counts(state)
        return chi2_gof(observed, proportions=proportions, alpha=alpha)
    a, b = samples(state)
    if t == "one_sample_t":
        return one_sample_t(a, state.mu0, alt, alpha)
    if t == "z":
        return z_test(a, state.mu0, state.sigma, alt, alpha)
    return two_sample_t(a, b, equal_var=t == "pooled_t", alternative=alt, alpha=alpha)


def run_permutation(state: HypothesisState):
    """Permutation test of sample A against sample B with the tab's settings."""
    a, b = samples(state)
    return permutation_test(a, b, state.perm_resamples, state.perm_seed, state.alternative, state.alpha)


def run_bootstrap(state: HypothesisState):
    """Bootstrap interval of sample A's chosen statistic with the tab's settings."""
    a, _ = samples(state)
    return bootstrap_ci(a, state.boot_stat, state.boot_resamples, state.alpha, state.boot_seed, state.boot_method)


def run_ab(state: HypothesisState) -> TestResult:
    """A/B test of the two typed conversion counts."""
    return two_proportion_test(state.ab_x1, state.ab_n1, state.ab_x2, state.ab_n2, state.alternative, state.alpha)


def run_intervals(state: HypothesisState):
    """``ci_count`` simulated intervals from N(true_mu, sigma²) with samples of size n."""
    return simulate_intervals(
        state.true_mu, state.sigma, state.n, state.alpha, state.ci_count, state.ci_seed, state.ci_kind
    )


def run_power(state: HypothesisState):
    """Power of the one-sample test for the tab's effect size and n."""
    return power(state.power_effect, state.power_n, state.alpha, state.alternative, state.power_kind)


def _test_metrics(res: TestResult, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {
        f"{prefix}statistic": res.statistic,
        f"{prefix}p_value": res.p_value,
        f"{prefix}reject": res.reject,
    }
    if res.df is not None:
        out[f"{prefix}df"] = res.df
    return out


def metrics(state: HypothesisState) -> dict[str, Any]:
    """Named numbers of a Hypothesis-lab state (what lesson goals test and "show the code" reproduces).

    Keys: ``test``, ``alpha``; the chosen test's ``statistic``, ``p_value``, ``reject``, ``df`` (t and χ² tests),
    ``n`` (size of sample A, trials, or total count) — or ``error`` (a message) when the input is unusable;
    ``ab_statistic``, ``ab_p_value``, ``ab_reject``; ``coverage`` (intervals catching the true mean) and
    ``coverage_rate``; ``power`` and ``beta``. On the Permutation tab also ``permutation_p_value`` and
    ``permutation_observed``; on the Bootstrap tab ``bootstrap_low``, ``bootstrap_high``, ``bootstrap_estimate``
    (those two resample, so they are computed only when their tab is open).
    """
    out: dict[str, Any] = {"test": state.test, "alpha": state.alpha}
    errors = []
    try:
        out.update(_test_metrics(run_test(state)))
        out["n"] = _size(state)
    except InferenceError as exc:
        errors.append(str(exc))
    try:
        out.update(_test_metrics(run_ab(state), "ab_"))
    except InferenceError as exc:
        errors.append(str(exc))
    sim = run_intervals(state)
    out["coverage"] = sim.coverage
    out["coverage_rate"] = sim.coverage / sim.count
    pw = run_power(state)
    out["power"], out["beta"] = pw.power, pw.beta
    try:
        if state.tab == "permutation":
            perm = run_permutation(state)
            out["permutation_p_value"], out["permutation_observed"] = perm.p_value, perm.observed
        elif state.tab == "bootstrap":
            boot = run_bootstrap(state)
            out["bootstrap_low"], out["bootstrap_high"] = boot.low, boot.high
            out["bootstrap_estimate"] = boot.estimate
    except InferenceError as exc:
        errors.append(str(exc))
    if errors:
        out["error"] = "; ".join(errors)
    return out


def _size(state: HypothesisState) -> int:
    if state.test in COUNT_TESTS:
        return state.trials
    if state.test == "chi2":
        return int(chi2_counts(state)[0].sum())
    return int(samples(state)[0].size)
