"""Drawing data of the resampling tabs: the permutation null growing frame by frame, the bootstrap distribution.

A permutation run fixes its bins once (:func:`permutation_layout`), so the histogram grows in place as
:func:`permutation_frame` reveals more shuffles; the bootstrap histogram is binned once per run.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.inference.resampling import BootstrapResult, PermutationResult, null_histogram

__all__ = [
    "PERMUTATION_BINS",
    "BOOTSTRAP_BINS",
    "PermutationLayout",
    "PermutationFrame",
    "BootstrapPicture",
    "permutation_layout",
    "permutation_frame",
    "bootstrap_picture",
]

PERMUTATION_BINS = 40
BOOTSTRAP_BINS = 50
BAR_FILL = 0.95  # bars a little narrower than their bin, so neighbours stay apart


@dataclass(frozen=True)
class PermutationLayout:
    """The fixed bins' range of one permutation run and the height of its full histogram (the y range)."""

    x_range: tuple[float, float]
    y_top: float


@dataclass(frozen=True, eq=False)
class PermutationFrame:
    """One frame of the reveal: bar centres and width, heights of ordinary bins and of as-extreme bins."""

    centres: np.ndarray
    width: float
    plain: np.ndarray
    extreme: np.ndarray


@dataclass(frozen=True, eq=False)
class BootstrapPicture:
    """The bootstrap distribution's bars, the interval to shade, the sample statistic and the range to show."""

    centres: np.ndarray
    heights: np.ndarray
    width: float
    interval: tuple[float, float]
    estimate: float
    x_range: tuple[float, float]
    y_top: float


def permutation_layout(result: PermutationResult, bins: int = PERMUTATION_BINS) -> PermutationLayout:
    """Bins over the whole null and the observed value (5 % padding), and the tallest bar of the finished run."""
    lo = float(min(result.null.min(), result.observed))
    hi = float(max(result.null.max(), result.observed))
    pad = 0.05 * (hi - lo or 1.0)
    x_range = (lo - pad, hi + pad)
    _, counts, _ = null_histogram(result.null, x_range, result.observed, result.alternative, bins)
    return PermutationLayout(x_range, float(max(1, counts.max()) * 1.1))


def permutation_frame(
    result: PermutationResult, done: int, layout: PermutationLayout, bins: int = PERMUTATION_BINS
) -> PermutationFrame:
    """The histogram of the first ``done`` shuffles in the run's fixed bins, as-extreme bins apart."""
    edges, counts, extreme = null_histogram(result.null[:done], layout.x_range, result.observed, result.alternative,
                                            bins)  # fmt: skip
    centres, width = (edges[:-1] + edges[1:]) / 2, float(edges[1] - edges[0]) * BAR_FILL
    return PermutationFrame(centres, width, np.where(extreme, 0, counts), np.where(extreme, counts, 0))


def bootstrap_picture(res: BootstrapResult, bins: int = BOOTSTRAP_BINS) -> BootstrapPicture:
    """Histogram of the resampled statistics over a range holding the interval, padded by 5 %."""
    d = res.distribution
    lo, hi = float(min(d.min(), res.low)), float(max(d.max(), res.high))
    counts, edges = np.histogram(d, bins=bins, range=(lo, hi) if hi > lo else (lo - 1, lo + 1))
    pad = 0.05 * (edges[-1] - edges[0])
    return BootstrapPicture(
        centres=(edges[:-1] + edges[1:]) / 2,
        heights=counts,
        width=float(edges[1] - edges[0]) * BAR_FILL,
        interval=(res.low, res.high),
        estimate=res.estimate,
        x_range=(float(edges[0] - pad), float(edges[-1] + pad)),
        y_top=float(max(1, counts.max()) * 1.1),
    )
