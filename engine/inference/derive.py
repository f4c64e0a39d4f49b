"""Everything the Hypothesis lab shows for one state, computed in one pure call: :func:`derive`.

Only the open tab is computed (an α drag on the test tab must not simulate intervals). Resampling is too slow for a
frame: the permutation test and the bootstrap stay separate engine calls (:func:`run_permutation`,
:func:`run_bootstrap`) that the window runs off the GUI thread, drawing them with :mod:`engine.inference.histograms`
and :mod:`engine.inference.readouts`.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from engine.inference.counts import binomial_reject_region
from engine.inference.inputs import InferenceError, check_alpha
from engine.inference.intervals import IntervalSimulation, PowerResult
from engine.inference.lab import HypothesisState, run_ab, run_intervals, run_power, run_test, samples
from engine.inference.pictures import (
    IntervalsPicture,
    NullPicture,
    PowerPicture,
    intervals_picture,
    null_picture,
    power_picture,
)
from engine.inference.readouts import (
    ab_text,
    intervals_text,
    intervals_verdict,
    power_text,
    power_verdict,
    result_text,
)
from engine.inference.result import TestResult, continuous_regions, make_result

__all__ = ["HypothesisResults", "derive"]

RESAMPLING_TABS = ("permutation", "bootstrap")


@dataclass(frozen=True, eq=False)
class HypothesisResults:
    """What the open tab of the Hypothesis lab draws and says for one state.

    ``error`` is a message naming unusable input ("" when fine); ``label_text`` is the open tab's result label and
    ``verdict``/``reject`` the sentence under the plot (``reject`` None = neutral colour). Fields of closed tabs are
    None; the resampling tabs carry only ``error`` (their samples checked), their results arrive from a job.
    """

    tab: str
    error: str = ""
    label_text: str = ""
    verdict: str = ""
    reject: bool | None = None
    test: TestResult | None = None
    null: NullPicture | None = None
    intervals: IntervalSimulation | None = None
    intervals_picture: IntervalsPicture | None = None
    power: PowerResult | None = None
    power_picture: PowerPicture | None = None


def derive(state: HypothesisState) -> HypothesisResults:
    """The open tab's results of ``state``: test and null picture, A/B test, simulated intervals or power.

    Parameters
    ----------
    state : the lab state.

    Returns
    -------
    HypothesisResults; unusable input gives ``error`` and a "Cannot run …" verdict instead of raising.
    """
    tab = state.tab
    try:
        if tab == "test":
            res = _at_alpha(_at_reference(run_test, _test_at_reference, state), state.alpha)
            return HypothesisResults(tab, "", result_text(res), res.verdict, res.reject, res, null_picture(res))
        if tab == "ab":
            res = _at_alpha(_at_reference(run_ab, _ab_at_reference, state), state.alpha)
            text = ab_text(res, state.ab_x1, state.ab_n1, state.ab_x2, state.ab_n2)
            return HypothesisResults(tab, "", text, res.verdict, res.reject, res, null_picture(res))
        if tab == "intervals":
            sim = run_intervals(state)
            return HypothesisResults(
                tab, "", intervals_text(sim), intervals_verdict(sim), intervals=sim,
                intervals_picture=intervals_picture(sim),
            )  # fmt: skip
        if tab == "power":
            pw = run_power(state)
            return HypothesisResults(
                tab, "", power_text(pw), power_verdict(pw), power=pw, power_picture=power_picture(pw)
            )
        samples(state)  # a resampling tab: check its data now, resample later off the GUI thread
        return HypothesisResults(tab)
    except InferenceError as exc:
        return HypothesisResults(tab, str(exc), verdict=_cannot(tab, str(exc)))


def _cannot(tab: str, message: str) -> str:
    name = {"test": "the test", "ab": "the A/B test", "intervals": "the simulation", "power": "the power"}
    return f"Cannot run {name.get(tab, f'the {tab} test')}: {message}"


# --- an α drag: the test is run once per data, only its rejection region follows α ---------------------------------
REFERENCE_ALPHA = 0.05


def _at_reference(run, cached, state: HypothesisState) -> TestResult:
    """The test of ``state`` at the reference α: from ``cached`` (keyed on the fields it reads), or run afresh for
    a state that cannot be a key (a list where a tuple belongs, as a notebook may write)."""
    ref = dataclasses.replace(state, alpha=REFERENCE_ALPHA, view=(0.0, 0.0, 0.0, 0.0))
    try:
        hash(ref)
    except TypeError:
        return run(ref)
    return cached(ref)


@functools.lru_cache(maxsize=8)
def _test_at_reference(state: HypothesisState) -> TestResult:
    return run_test(state)


@functools.lru_cache(maxsize=8)
def _ab_at_reference(state: HypothesisState) -> TestResult:
    return run_ab(state)


def _at_alpha(res: TestResult, alpha: float) -> TestResult:
    """``res`` at level ``alpha``: the statistic, p-value and as-extreme region stay; the rejection region, verdict
    and rule are made for ``alpha`` exactly as the test function makes them (scipy quantiles; the exact binomial
    test's p-value of every count, read from a cache)."""
    if alpha == res.alpha:
        return res
    from scipy import stats

    alpha = check_alpha(alpha)
    kind = res.null[0]
    if kind == "binom":
        reject = binomial_reject_region(int(res.null[1]), res.null[2], res.alternative, alpha)
    else:
        dist = {"t": stats.t, "norm": stats.norm, "chi2": stats.chi2}[kind]
        reject = continuous_regions(dist, res.statistic, res.alternative, alpha, *res.null[1:])[0]
    return make_result(
        res.name, res.symbol, res.statistic, res.df, res.p_value, res.alternative, alpha, res.null,
        (reject, res.p_region), res.h0, res.h1, res.estimate, res.estimate_label, res.notes,
    )  # fmt: skip
