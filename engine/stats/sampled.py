"""What the Distributions lab shows about its draws: histogram, summary, goodness of fit, LLN, QQ and CLT views.

:func:`sample_results` is a pure function of the state (and optionally draws already made for it), safe to run on a
worker thread: the gui runs it there for large N, since 10 million draws take about a second.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from engine.i18n import QT_TRANSLATE_NOOP, localize, translate, whole
from engine.stats.demos import CltResult, clt_means, qq_points, running_mean
from engine.stats.derive import MOMENT_ROWS
from engine.stats.distributions import Moments, affine_sorted, moments, pdf, sample
from engine.stats.lab import CLT_REPS, DistributionsState
from engine.stats.mle_view import MleResults, mle_results
from engine.stats.registry import distribution_spec
from engine.stats.samples import (
    Histogram,
    SampleSummary,
    goodness_of_fit,
    histogram,
    summary_and_histogram,
)

__all__ = [
    "GOF_LIMIT",
    "SampleResults",
    "LlnPlot",
    "QQPlot",
    "CltPlot",
    "Reveal",
    "sample_key",
    "sample_results",
    "with_gof",
    "reveal",
    "footer_html",
    "random_flips",
]

GOF_LIMIT = 2_000_000  # the KS test sorts the sample; above this it would take seconds
ECDF_POINTS = 2000
SORTED_LIMIT = 200_000  # the histogram reads its percentiles from every draw up to here (a subsample above)
CLT_CURVE_POINTS = 400
QQ_TOO_FEW = QT_TRANSLATE_NOOP("stats", "A QQ plot needs at least 3 draws: raise N.")
QQ_CONSTANT = QT_TRANSLATE_NOOP(
    "stats", "Every draw is the same value: the points lie on a flat line and their correlation r is undefined."
)
QQ_NOTE = QT_TRANSLATE_NOOP(
    "stats", "Correlation of the points r = {0}. Straight: normal-shaped; an S or a banana: heavy tails or skew."
)


@dataclass(frozen=True, eq=False)
class LlnPlot:
    """Running mean at log-spaced k, the theoretical mean to settle on (nan: none) and the note under the plot."""

    k: np.ndarray
    mean: np.ndarray
    target: float
    note: str


@dataclass(frozen=True, eq=False)
class QQPlot:
    """Normal QQ points and the quartile line over their z range (empty when the sample is too small)."""

    z: np.ndarray
    q: np.ndarray
    line_x: np.ndarray
    line_y: np.ndarray
    r: float
    note: str


@dataclass(frozen=True, eq=False)
class CltPlot:
    """Histogram of the means, the normal N(μ, σ²/n) over it (empty without a finite variance) and the note."""

    clt: CltResult
    hist: Histogram
    normal_x: np.ndarray
    normal_y: np.ndarray
    top: float
    note: str


@dataclass(frozen=True, eq=False)
class SampleResults:
    """Everything computed from the state's draws; ``gof`` is None until the goodness-of-fit test has run."""

    key: tuple
    tab: str
    samples: np.ndarray
    hist: Histogram
    summary: SampleSummary
    sample_text: dict[str, str]
    """Sample column of the readout: ``mean``/``variance``/``skewness`` -> text."""
    gof: tuple[float, float, str] | None
    footer: str
    """Rich text under the readout: the test's p-value (or when it will run), out-of-range draws, the theory's note."""
    ecdf_x: np.ndarray
    ecdf_y: np.ndarray
    lln: LlnPlot | None = None
    qq: QQPlot | None = None
    clt: CltPlot | None = None
    mle: MleResults | None = None
    bins: int = 0
    """The state's ``bins`` the histogram was made with (0: automatic)."""


def sample_key(s: DistributionsState) -> tuple:
    """The fields the draws depend on."""
    return (s.distribution, s.params, s.n_samples, s.seed)


def footer_html(mom: Moments, gof: tuple[float, float, str] | None, n: int, n_outside: int) -> str:
    """The lines under the table: test p-value, draws outside the histogram, the theory's note."""
    parts = []
    if gof is not None:
        test = "KS" if gof[2] == "ks" else "χ²"
        parts.append(translate("stats", "{0} test p = {1} (N = {2})").format(test, localize(f"{gof[1]:.3g}"), whole(n)))
    elif n <= GOF_LIMIT:
        parts.append(translate("stats", "goodness-of-fit test when the slider is released (N = {0})").format(whole(n)))
    if n_outside:
        parts.append(translate("stats", "{0} extreme draws lie outside the histogram's range").format(whole(n_outside)))
    if mom.note:
        parts.append(f"<i>{translate('stats', mom.note)}</i>")
    return "<br>".join(parts)


def _lln(samples: np.ndarray, mom: Moments) -> LlnPlot:
    k, m = running_mean(samples)
    note = translate("stats", mom.note) if mom.note else ""
    note = note or translate("stats", "After {0} draws the mean is {1}.").format(
        whole(samples.size), localize(f"{m[-1]:.4g}")
    )
    return LlnPlot(k, m, mom.mean, note)


def _qq(samples: np.ndarray) -> QQPlot:
    if samples.size < 3:
        empty = np.empty(0)
        return QQPlot(empty, empty, empty, empty, math.nan, translate("stats", QQ_TOO_FEW))
    qq = qq_points(samples)
    z = np.array([qq.theoretical[0], qq.theoretical[-1]])
    if math.isfinite(qq.r):
        note = translate("stats", QQ_NOTE).format(localize(f"{qq.r:.4f}"))
    else:
        note = translate("stats", QQ_CONSTANT)
    return QQPlot(qq.theoretical, qq.sample, z, qq.intercept + qq.slope * z, qq.r, note)


def _clt(s: DistributionsState, discrete: bool) -> CltPlot:
    clt = clt_means(s.distribution, s.params, s.clt_n, CLT_REPS, s.seed)
    h = histogram(clt.means, discrete=discrete and s.clt_n == 1)
    top = float(np.max(h.density)) if h.density.size else 1.0
    if math.isfinite(clt.normal_sd) and clt.normal_sd > 0:
        x = np.linspace(h.edges[0], h.edges[-1], CLT_CURVE_POINTS)
        y = pdf("normal", {"mu": clt.normal_mean, "sigma": clt.normal_sd}, x)
        top = max(top, float(y.max()))
        note = translate("stats", "n = {0}: means have sd σ/√n = {1} (observed {2}).").format(
            clt.n, localize(f"{clt.normal_sd:.4g}"), localize(f"{np.std(clt.means):.4g}")
        )
    else:
        x = y = np.empty(0)
        note = translate("stats", clt.note)
    return CltPlot(clt, h, x, y, top, note)


def sample_results(
    s: DistributionsState,
    samples: np.ndarray | None = None,
    with_gof: bool = True,
    previous: SampleResults | None = None,
) -> SampleResults:
    """Draws, histogram, statistics and the visible tab's sample-based view for a state (pure; safe off the GUI thread).

    Parameters
    ----------
    s : DistributionsState
    samples : numpy.ndarray, optional
        The state's draws when already made (same :func:`sample_key`).
    with_gof : bool
        False skips the goodness-of-fit test (it sorts the sample: most of a held slider's step); :func:`with_gof`
        adds it when the slider is released.
    previous : SampleResults, optional
        Earlier results of the same draws (same :func:`sample_key`): the statistics, histogram (same bins), ECDF and
        fit test are the same numbers, so only the tab's view is computed (a CLT n or a tab change).

    Returns
    -------
    SampleResults
    """
    discrete = distribution_spec(s.distribution).discrete
    mom = moments(s.distribution, s.params)
    if previous is not None and previous.key == sample_key(s) and previous.bins == s.bins:
        res = dataclasses.replace(previous, tab=s.tab, **_tab_views(s, previous.samples, discrete, mom))
        return _with_gof(res, s) if with_gof else res
    if samples is None:
        samples = sample(s.distribution, s.params, s.n_samples, s.seed)
    # a location-scale family's draws sorted from the kept standard ones: the histogram's percentiles at a σ step
    in_order = affine_sorted(s.distribution, s.params, s.n_samples, s.seed) if s.n_samples <= SORTED_LIMIT else None
    summary, hist = summary_and_histogram(samples, s.bins or "auto", discrete=discrete, sorted_values=in_order)
    run_gof = with_gof and samples.size <= GOF_LIMIT
    gof = goodness_of_fit(s.distribution, s.params, samples) if run_gof else None
    n_show = min(samples.size, ECDF_POINTS)
    ecdf_x = np.sort(samples[:: max(1, samples.size // n_show)])
    return SampleResults(
        key=sample_key(s),
        tab=s.tab,
        samples=samples,
        hist=hist,
        summary=summary,
        sample_text={row: Moments.describe(getattr(summary, row)) for row in MOMENT_ROWS},
        gof=gof,
        footer=footer_html(mom, gof, summary.n, hist.n_outside),
        ecdf_x=ecdf_x,
        ecdf_y=np.arange(1, ecdf_x.size + 1) / ecdf_x.size,
        bins=s.bins,
        **_tab_views(s, samples, discrete, mom),
    )


def _tab_views(s: DistributionsState, samples: np.ndarray, discrete: bool, mom: Moments) -> dict[str, object]:
    """The sample-based view of the visible tab (the others stay None until their tab is shown)."""
    return {
        "lln": _lln(samples, mom) if s.tab == "lln" else None,
        "qq": _qq(samples) if s.tab == "qq" else None,
        "clt": _clt(s, discrete) if s.tab == "clt" else None,
        "mle": mle_results(s, samples) if s.tab == "mle" else None,
    }


def with_gof(res: SampleResults, s: DistributionsState) -> SampleResults:
    """``res`` with the goodness-of-fit test a live :func:`sample_results` skipped (``res`` itself when not needed)."""
    return _with_gof(res, s)


def _with_gof(res: SampleResults, s: DistributionsState) -> SampleResults:
    if res.gof is not None or res.samples.size > GOF_LIMIT or res.key != sample_key(s):
        return res
    gof = goodness_of_fit(s.distribution, s.params, res.samples)
    footer = footer_html(moments(s.distribution, s.params), gof, res.summary.n, res.hist.n_outside)
    return dataclasses.replace(res, gof=gof, footer=footer)


@dataclass(frozen=True, eq=False)
class Reveal:
    """Classroom mode: the histogram of the first ``shown`` draws (on the full histogram's bins), their mean."""

    density: np.ndarray
    top: float
    mean: float
    label: str


def reveal(res: SampleResults, shown: int | None) -> Reveal:
    """The histogram heights and mean of the first ``shown`` draws (all of them when ``shown`` is None)."""
    h, total = res.hist, res.samples.size
    if shown is None:
        dens, mean = h.density, res.summary.mean
        label = f"all {total:,} draws shown"
    else:
        shown = min(max(int(shown), 0), total)  # a count from a previous, larger sample must not index past this one
        part = res.samples[:shown]
        counts = np.histogram(part, bins=h.edges)[0] if part.size else np.zeros(h.counts.size)
        dens = counts / (max(part.size, 1) * np.diff(h.edges))
        mean = float(part.mean()) if part.size else math.nan
        if shown:
            label = f"shown {shown:,} of {total:,} draws; last = {res.samples[shown - 1]:.4g}"
        else:  # nothing revealed yet: there is no last draw to name
            label = f"shown 0 of {total:,} draws"
    top = float(np.max(dens)) if dens.size else 0.0
    return Reveal(dens, top, mean, label)


def random_flips(s: DistributionsState, k: int) -> str:
    """``k`` more flips of a coin with heads probability ``coin_p``, reproducible from the seed and flips so far."""
    rng = np.random.default_rng([s.seed, len(s.flips)])
    return "".join("H" if u < s.coin_p else "T" for u in rng.random(k))
