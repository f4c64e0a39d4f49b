"""Everything the Hypothesis lab shows for one state, computed in one pure call: :func:`derive`.

Only the open tab is computed (an α drag on the test tab must not simulate intervals). Resampling is too slow for a
frame: the permutation test and the bootstrap stay separate engine calls (:func:`run_permutation`,
:func:`run_bootstrap`) that the window runs off the GUI thread, drawing them with :mod:`engine.inference.histograms`
and :mod:`engine.inference.readouts`.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.inference.inputs import InferenceError
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
from engine.inference.result import TestResult

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
            res = run_test(state)
            return HypothesisResults(tab, "", result_text(res), res.verdict, res.reject, res, null_picture(res))
        if tab == "ab":
            res = run_ab(state)
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
