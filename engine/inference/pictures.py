"""What the Hypothesis lab's plots draw, as arrays: null curves with shaded regions, power curves, simulated intervals.

Each function turns a test/power/simulation result into finished drawing data (curve points, the sampled curve over
each shaded piece, bars and masks, the x range to show), so the window only hands arrays to plot items. Densities
are memoised per (distribution, range): an α drag keeps the null, so its curve is evaluated once, not per step.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from engine.i18n import QT_TRANSLATE_NOOP, translate
from engine.inference.intervals import IntervalSimulation, PowerResult, power_density
from engine.inference.parametric import null_density
from engine.inference.result import Region, TestResult

__all__ = [
    "CURVE_POINTS",
    "NullPicture",
    "PowerPicture",
    "IntervalsPicture",
    "null_picture",
    "power_picture",
    "intervals_picture",
    "visible_pieces",
    "slice_curve",
]

CURVE_POINTS = 400
FILLS = 2  # a region has at most two pieces (the two tails)
Piece = tuple[float, float]
XY = tuple[np.ndarray, np.ndarray]
EMPTY_XY: XY = (np.zeros(0), np.zeros(0))


@dataclass(frozen=True, eq=False)
class NullPicture:
    """A test's null distribution ready to draw: curve (continuous) or bars (discrete), shaded pieces and marks.

    ``reject_fills``/``p_fills`` hold ``FILLS`` (x, y) pairs (empty arrays where a piece is absent);
    ``reject_pieces``/``p_pieces`` name each fill's ends (None when absent), so a view redraws only changed fills.
    """

    null: tuple
    discrete: bool
    lo: float
    hi: float
    ymax: float
    x: np.ndarray
    y: np.ndarray
    reject_pieces: tuple[Piece | None, ...]
    p_pieces: tuple[Piece | None, ...]
    reject_fills: tuple[XY, ...]
    p_fills: tuple[XY, ...]
    ks: np.ndarray
    pmf: np.ndarray
    in_reject: np.ndarray
    in_p: np.ndarray
    observed_x: float
    observed_text: str
    y_label: str
    critical: tuple[float, ...]


@dataclass(frozen=True, eq=False)
class PowerPicture:
    """Both sampling distributions of the power tab, the α pieces under H₀ and the power/β areas under H₁.

    ``power_fill`` and ``beta_fill`` join several pieces with NaN gaps (one plot item each).
    """

    lo: float
    hi: float
    x: np.ndarray
    null_y: np.ndarray
    alt_y: np.ndarray
    alpha_pieces: tuple[Piece, ...]
    alpha_fills: tuple[XY, ...]
    power_fill: XY
    beta_fill: XY
    critical: tuple[float, ...]
    top: float


@dataclass(frozen=True, eq=False)
class IntervalsPicture:
    """Simulated intervals as segment pairs (covering μ / missing it), their means, and the range to show."""

    hits: XY
    misses: XY
    means: XY
    mu: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]


def slice_curve(x: np.ndarray, y: np.ndarray, a: float, b: float) -> XY:
    """The part of a sampled curve over [a, b], its ends interpolated: a shaded area without re-evaluating a pdf."""
    inner = (x > a) & (x < b)
    xs = np.concatenate(([a], x[inner], [b]))
    ys = np.concatenate(([np.interp(a, x, y)], y[inner], [np.interp(b, x, y)]))
    return xs, ys


def visible_pieces(region: Region, lo: float, hi: float) -> tuple[Piece, ...]:
    """The parts of a region inside the visible x range [lo, hi]."""
    out = []
    for a, b in region:
        a, b = max(a, lo), min(b, hi)
        if b > a:
            out.append((a, b))
    return tuple(out)


def _complement(pieces: tuple[Piece, ...], lo: float, hi: float) -> tuple[Piece, ...]:
    out, start = [], lo
    for a, b in sorted(pieces):
        if a > start:
            out.append((start, a))
        start = max(start, b)
    if hi > start:
        out.append((start, hi))
    return tuple(out)


def _pieces_under(x: np.ndarray, y: np.ndarray, pieces: tuple[Piece, ...]) -> XY:
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for a, b in pieces:
        px, py = slice_curve(x, y, a, b)
        xs += [px, np.array([np.nan])]
        ys += [py, np.array([np.nan])]
    if not xs:
        return EMPTY_XY
    return np.concatenate(xs[:-1]), np.concatenate(ys[:-1])


MAX_BARS = 20_001  # more bars than pixels is no picture, and computing 10⁷ of them froze the window


@functools.lru_cache(maxsize=64)
def _null_curve(null: tuple, lo: float, hi: float) -> XY:
    x = np.linspace(lo + 1e-9 if null[0] == "chi2" else lo, hi, CURVE_POINTS)
    y = np.minimum(null_density(null, x), 5.0)  # χ²(1) and χ²(2) are unbounded at 0
    x.flags.writeable = y.flags.writeable = False  # shared by every picture of this null: nobody may change it
    return x, y


@functools.lru_cache(maxsize=64)
def _null_bars(null: tuple, k_lo: int, k_hi: int) -> XY:
    ks = np.arange(k_lo, k_hi + 1)
    pmf = null_density(null, ks)
    ks.flags.writeable = pmf.flags.writeable = False
    return ks, pmf


@functools.lru_cache(maxsize=64)
def _peak(null: tuple, lo: float, hi: float) -> float:
    kind = null[0]
    if kind == "binom":
        return float(_null_bars(null, math.ceil(lo), math.floor(hi))[1].max())
    if kind == "chi2":
        return float(min(np.nanmax(_null_curve(null, lo, hi)[1]), 0.6))
    return float(null_density(null, np.array([0.0]))[0])


def _x_range(res: TestResult) -> tuple[float, float]:
    """Steady x range for a null: it moves in half-unit steps, so sweeping α rarely changes it."""
    kind = res.null[0]
    s = res.statistic if math.isfinite(res.statistic) else 0.0
    if kind == "binom":
        n, p = int(res.null[1]), res.null[2]
        sd = math.sqrt(n * p * (1 - p))
        lo = max(-0.5, min(n * p - 4.5 * sd, s - 2) - 0.5)
        hi = min(n + 0.5, max(n * p + 4.5 * sd, s + 2) + 0.5)
        if hi - lo > MAX_BARS:  # k far out in a tail (k = 10⁷ for n·p₀ = 1000): show the null, k's marker at the edge
            lo, hi = max(-0.5, n * p - 4.5 * sd - 2.5), min(n + 0.5, n * p + 4.5 * sd + 2.5)
        return lo, hi
    if kind == "chi2":
        df = res.null[1]
        hi = max(df + 5 * math.sqrt(2 * df), s * 1.15, *(c * 1.15 for c in res.critical))
        return 0.0, math.ceil(hi * 2) / 2
    edge = max(4.0, abs(s) * 1.15 + 0.3, *(abs(c) * 1.15 for c in res.critical))
    edge = min(math.ceil(edge * 2) / 2, 60.0)
    return -edge, edge


def _fills(x: np.ndarray, y: np.ndarray, pieces: tuple[Piece, ...]) -> tuple[tuple[Piece | None, ...], tuple[XY, ...]]:
    padded = tuple(pieces[i] if i < len(pieces) else None for i in range(FILLS))
    return padded, tuple(EMPTY_XY if p is None else slice_curve(x, y, *p) for p in padded)


def null_picture(res: TestResult) -> NullPicture:
    """Drawing data of ``res``'s null distribution, its rejection region (area α) and p-value area.

    Parameters
    ----------
    res : a classical test's result (``null`` names its distribution under H₀).

    Returns
    -------
    NullPicture: density curve with the curve sliced over each visible piece (continuous nulls), or the pmf with
    per-count masks "in the rejection region" / "counts towards p" (``binom``); x range and peak to show.
    """
    lo, hi = _x_range(res)
    ymax = _peak(res.null, lo, hi)
    discrete = res.null[0] == "binom"
    empty = np.zeros(0)
    if discrete:
        ks, pmf = _null_bars(res.null, math.ceil(lo), math.floor(hi))
        in_p, in_reject = np.zeros(ks.size, dtype=bool), np.zeros(ks.size, dtype=bool)
        for a, b in res.p_region:
            in_p |= (ks >= a) & (ks <= b)
        for a, b in res.reject_region:
            in_reject |= (ks >= a) & (ks <= b)
        x = y = empty
        no_pieces, no_fills = (None,) * FILLS, (EMPTY_XY,) * FILLS
        reject_pieces, reject_fills, p_pieces, p_fills = no_pieces, no_fills, no_pieces, no_fills
    else:
        ks = pmf = empty
        in_p = in_reject = np.zeros(0, dtype=bool)
        x, y = _null_curve(res.null, lo, hi)
        reject_pieces, reject_fills = _fills(x, y, visible_pieces(res.reject_region, x[0], hi))
        p_pieces, p_fills = _fills(x, y, visible_pieces(res.p_region, x[0], hi))
    s = res.statistic
    shown = f"{s:.0f}" if discrete else f"{s:.3f}"
    QT_TRANSLATE_NOOP("inference", "probability under H₀"), QT_TRANSLATE_NOOP("inference", "density under H₀")
    return NullPicture(
        null=res.null, discrete=discrete, lo=lo, hi=hi, ymax=ymax, x=x, y=y,
        reject_pieces=reject_pieces, p_pieces=p_pieces, reject_fills=reject_fills, p_fills=p_fills,
        ks=ks, pmf=pmf, in_reject=in_reject, in_p=in_p,
        observed_x=min(max(s, lo), hi) if math.isfinite(s) else 0.0,
        observed_text=translate("inference", "observed {0} = {1}").format(res.symbol, shown),
        y_label=translate("inference", "probability under H₀" if discrete else "density under H₀"),
        critical=res.critical,
    )  # fmt: skip


@functools.lru_cache(maxsize=16)
def _power_null(null: tuple, lo: float, hi: float) -> XY:
    x = np.linspace(lo, hi, CURVE_POINTS)
    y = power_density(null, x)
    x.flags.writeable = y.flags.writeable = False
    return x, y


def power_x_range(shift: float) -> tuple[float, float]:
    """An x range holding both power curves, in whole steps of 4: a slider drag moves it only now and then (each move
    re-renders both axes, the slowest frame of a drag)."""
    lo = min(-4.0, 4.0 * math.floor((shift - 4.0) / 4.0))
    hi = max(4.0, 4.0 * math.ceil((shift + 4.0) / 4.0))
    return lo, hi


def power_picture(res: PowerResult) -> PowerPicture:
    """Drawing data of the power tab: H₀ and H₁ curves, α under H₀, power and β under H₁.

    Parameters
    ----------
    res : a :func:`engine.inference.power` result.

    Returns
    -------
    PowerPicture; the power/β areas are sliced from every 3rd curve point (short fill paths, same areas to 1e-3).
    """
    lo, hi = power_x_range(res.shift)
    x, y0 = _power_null(res.null, lo, hi)
    y1 = power_density(res.alt, x)
    pieces = visible_pieces(res.reject_region, lo, hi)
    _, alpha_fills = _fills(x, y0, pieces)
    cx, cy = x[::3], y1[::3]
    return PowerPicture(
        lo=lo, hi=hi, x=x, null_y=y0, alt_y=y1, alpha_pieces=pieces, alpha_fills=alpha_fills,
        power_fill=_pieces_under(cx, cy, pieces), beta_fill=_pieces_under(cx, cy, _complement(pieces, lo, hi)),
        critical=res.critical, top=float(max(y0.max(), y1.max())),
    )  # fmt: skip


def intervals_picture(sim: IntervalSimulation) -> IntervalsPicture:
    """Segments (pairs of points) of the intervals that cover μ and of those that miss it, one row per sample."""
    y = np.arange(1, sim.count + 1, dtype=float)
    parts = []
    for mask in (sim.covers, ~sim.covers):
        parts.append((np.column_stack([sim.lows[mask], sim.highs[mask]]).ravel(), np.repeat(y[mask], 2)))
    lo, hi = float(sim.lows.min()), float(sim.highs.max())
    pad = 0.05 * (hi - lo)
    return IntervalsPicture(parts[0], parts[1], (sim.means, y), sim.mu, (lo - pad, hi + pad), (0.0, sim.count + 1.0))
