"""The Hypothesis lab's data as CSV tables: the samples, a permutation run's null and the simulated intervals."""

from __future__ import annotations

import numpy as np

from engine.inference.inputs import InferenceError
from engine.inference.lab import HypothesisState, run_intervals, samples
from engine.inference.resampling import PermutationResult

__all__ = ["export_tables"]

Table = tuple[list[str], list[list[float]]]


def export_tables(state: HypothesisState, permutation: PermutationResult | None = None) -> dict[str, Table]:
    """Tables behind the lab's views: name -> (header, rows).

    Parameters
    ----------
    state : the lab state.
    permutation : the finished permutation run, if any (its null is exported in reveal order).

    Returns
    -------
    ``samples`` (A and B side by side, the shorter padded with NaN; left out when the data are unusable),
    ``permutation_null`` (when a run is given) and ``intervals`` (mean, low, high, covers).
    """
    out: dict[str, Table] = {}
    try:
        a, b = samples(state)
        rows = max(a.size, b.size)
        pad = [np.nan] * rows
        cols = [list(a) + pad[a.size :], list(b) + pad[b.size :]]
        out["samples"] = (["sample_a", "sample_b"], [[float(v) for v in r] for r in zip(*cols, strict=True)])
    except InferenceError:
        pass
    if permutation is not None:
        out["permutation_null"] = (["mean_difference"], [[float(v)] for v in permutation.null])
    sim = run_intervals(state)
    rows_ci = [[float(m), float(lo), float(hi), float(c)] for m, lo, hi, c in
               zip(sim.means, sim.lows, sim.highs, sim.covers, strict=True)]  # fmt: skip
    out["intervals"] = (["mean", "low", "high", "covers"], rows_ci)
    return out
