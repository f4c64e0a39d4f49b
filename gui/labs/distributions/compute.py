"""Everything the Distributions lab derives from a state: samples, histogram, statistics and tab results.

Pure functions of the state over engine.stats, safe to run on a worker thread (gui.widgets.jobs.LatestJob).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from engine import stats
from engine.stats import CLT_REPS, DISTRIBUTIONS, DistributionsState, StatsError

__all__ = ["Computed", "sample_key", "compute", "add_gof", "GOF_LIMIT"]

GOF_LIMIT = 2_000_000  # the KS test sorts the sample; above this it would take seconds


@dataclass
class Computed:
    """Everything derived from a state that is too costly to redo on every repaint."""

    key: tuple
    samples: np.ndarray
    hist: Any
    summary: Any
    gof: tuple[float, float, str] | None
    tab: str = ""
    extra: dict = field(default_factory=dict)


def sample_key(s: DistributionsState) -> tuple:
    """What the samples depend on."""
    return (s.distribution, s.params, s.n_samples, s.seed)


def compute(s: DistributionsState, samples: np.ndarray | None = None, with_gof: bool = True) -> Computed:
    """Samples, histogram, statistics and the current tab's results for a state (pure; safe off the GUI thread).

    ``with_gof=False`` skips the goodness-of-fit test (the KS test sorts the sample: most of a held slider's step);
    :func:`add_gof` fills it in when the slider is released.
    """
    if samples is None:
        samples = stats.sample(s.distribution, s.params, s.n_samples, s.seed)
    discrete = DISTRIBUTIONS[s.distribution].discrete
    hist = stats.histogram(samples, bins=s.bins or "auto", discrete=discrete)
    summary = stats.summarize(samples)
    gof = stats.goodness_of_fit(s.distribution, s.params, samples) if with_gof and samples.size <= GOF_LIMIT else None
    out = Computed(sample_key(s), samples, hist, summary, gof, s.tab)
    if s.tab == "lln":
        out.extra["running"] = stats.running_mean(samples)
    elif s.tab == "qq" and samples.size >= 3:
        out.extra["qq"] = stats.qq_points(samples)
    elif s.tab == "clt":
        clt = stats.clt_means(s.distribution, s.params, s.clt_n, CLT_REPS, s.seed)
        out.extra["clt"] = clt
        out.extra["clt_hist"] = stats.histogram(clt.means, discrete=discrete and s.clt_n == 1)
    elif s.tab == "mle":
        out.extra.update(_compute_mle(s, samples))
    return out


def add_gof(comp: Computed, s: DistributionsState) -> bool:
    """Run the goodness-of-fit test a live :func:`compute` skipped; True when ``comp.gof`` changed."""
    if comp.gof is not None or comp.samples.size > GOF_LIMIT or comp.key != sample_key(s):
        return False
    comp.gof = stats.goodness_of_fit(s.distribution, s.params, comp.samples)
    return True


def _compute_mle(s: DistributionsState, samples: np.ndarray) -> dict:
    try:
        data = samples if s.mle_source == "samples" else np.asarray(s.data, dtype=np.float64)
        if data.size == 0:
            raise StatsError("no data loaded: pick a bundled data set, open a CSV file or type numbers")
        fit = stats.fit_mle(s.mle_family, data)
    except StatsError as exc:
        return {"mle_error": str(exc)}
    out: dict = {"fit": fit, "data_hist": stats.histogram(data, discrete=DISTRIBUTIONS[s.mle_family].discrete)}
    try:
        out["mom"] = stats.method_of_moments(s.mle_family, data)
    except StatsError as exc:
        out["mom_error"] = str(exc)
    free = list(fit.free)
    param = s.mle_param if s.mle_param in free else free[0]
    grid = stats.loglik_window(s.mle_family, data, fit, param, points=121)
    out["profile"] = (param, grid, stats.loglik_profile(s.mle_family, data, param, grid, at=fit.as_dict()))
    if len(free) >= 2:
        other = next(p for p in free if p != param)
        g1 = stats.loglik_window(s.mle_family, data, fit, param, points=41)
        g2 = stats.loglik_window(s.mle_family, data, fit, other, points=41)
        out["contour"] = (param, other, g1, g2, stats.loglik_grid(s.mle_family, data, (param, other), g1, g2))
    return out
