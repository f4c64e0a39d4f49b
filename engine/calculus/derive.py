"""Everything the Derivatives lab draws and reads out for one state, computed in one place (the views only draw it)."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

import numpy as np

from engine.calculus.chain import ChainRule, chain_rule
from engine.calculus.lab import PRESETS, DerivativesState, derivatives, fd_error_curve
from engine.expr import parse, parse_tree, to_formula
from engine.i18n import localize, translate

__all__ = [
    "N_SAMPLES",
    "EXPORT_SAMPLES",
    "ERROR_FLOOR",
    "Curves",
    "ErrorCurve",
    "DerivativesResults",
    "FunctionSketch",
    "derive",
    "sketch",
    "simplified_formulas",
    "export_tables",
    "with_point",
    "with_preset",
]

N_SAMPLES = 900
"""Samples of f, f′, f″ across the visible x-range."""
EXPORT_SAMPLES = 401
"""Samples of the exported curves table."""
ERROR_FLOOR = 1e-17
"""Exact-zero finite-difference errors are drawn here so the log plot has no holes."""

Segment = tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True, eq=False)
class Curves:
    """f, f′, f″ sampled over the visible x-range (read-only arrays, shared while the formula and range stay)."""

    xs: np.ndarray
    f: np.ndarray
    df: np.ndarray
    d2f: np.ndarray


@dataclass(frozen=True, eq=False)
class ErrorCurve:
    """The finite-difference error V at x₀, floored for a log plot, with the whole-decade y-range that frames it."""

    h: np.ndarray
    forward: np.ndarray
    central: np.ndarray
    y_range: tuple[float, float]
    """log10 range of the |error| axis: whole decades, so a drag re-ranges (slow) only when the curve leaves them."""
    best_text: str


@dataclass(frozen=True, eq=False)
class DerivativesResults:
    """What the function plot, the error plot, the readouts and the chain-rule tab show for one state.

    ``curves``, ``error`` and ``chain`` are the same objects while what they depend on is unchanged (formula and
    x-range; formula and x₀; the chain inputs), so a view redraws them only when they are new objects.
    """

    curves: Curves
    show_second: bool
    formulas: tuple[str, ...]
    """Quick (unsimplified) formulas of f, f′ (and f″ when shown); :func:`simplified_formulas` gives the tidy ones."""
    x0: float
    fx: float
    point_visible: bool
    tangent: Segment | None
    """Tangent line across the view, None where f or f′ is undefined at x₀."""
    slope_label: str
    slope_label_pos: tuple[float, float]
    secant: Segment | None
    """Secant through x₀ and x₀ + h across the view; None when hidden or undefined."""
    secant_end: tuple[float, float] | None
    log_h: float
    """Where the h marker sits on the error plot's log10 axis."""
    chain: ChainRule
    _expression: str = dataclasses.field(repr=False)
    _values: tuple[float, float, float, float, float] = dataclasses.field(repr=False)
    """f′(x₀), f″(x₀), the secant and central slopes and the tangent's intercept, for the readouts."""

    # The error curve and the readout texts are worked out when first read, once per results: during a point drag
    # the error plot and the side column catch up at 10 Hz, and the curve was half of derive's time a move.
    @functools.cached_property
    def error(self) -> ErrorCurve:
        """|finite difference − f′(x₀)| against h at x₀ (the same object for the same formula and x₀)."""
        return _error_curve(self._expression, self.x0)

    @functools.cached_property
    def readouts(self) -> dict[str, str]:
        """Readout key -> text: f slope second tangent secant fd_error central best."""
        fx = self.fx
        slope, second, sec, central, intercept = self._values
        return {
            "f": _fmt(fx),
            "slope": _fmt(slope),
            "second": _fmt(second),
            "tangent": (
                f"y = {slope:.4g}·x {'+' if intercept >= 0 else '−'} {abs(intercept):.4g}"
                if np.isfinite(intercept)
                else "undefined here"
            ),
            "secant": _fmt(sec),
            "fd_error": _fmt(abs(sec - slope)),
            "central": f"{_fmt(central)} (error {_fmt(abs(central - slope))})",
            "best": self.error.best_text,
        }


@dataclass(frozen=True, eq=False)
class FunctionSketch:
    """f and the point on it from numpy alone: what the lab shows while sympy (needed for f′) is still loading."""

    xs: np.ndarray
    f: np.ndarray
    x0: float
    fx: float
    point_visible: bool
    formula: str
    readout_f: str


def _fmt(v: float) -> str:
    return f"{v:.6g}" if np.isfinite(v) else "undefined"


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.asarray(a, dtype=float)
    a.flags.writeable = False
    return a


def _samples(text: str, x0: float, x1: float, n: int) -> tuple[np.ndarray, ...]:
    f, df, d2f = derivatives(text)
    xs = np.linspace(x0, x1, int(n))
    with np.errstate(all="ignore"):
        return xs, *(np.broadcast_to(e.numpy()(xs), xs.shape).astype(float) for e in (f, df, d2f))


@functools.lru_cache(maxsize=8)
def _curves(text: str, x0: float, x1: float) -> Curves:
    return Curves(*(_frozen(a) for a in _samples(text, x0, x1, N_SAMPLES)))


@functools.lru_cache(maxsize=8)
def _error_curve(text: str, x0: float) -> ErrorCurve:
    curve = fd_error_curve(text, x0)

    def floored(err: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore"):
            return np.where(np.isfinite(err), np.maximum(err, ERROR_FLOOR), np.nan)

    fwd, cen = floored(curve.forward_error), floored(curve.central_error)
    top = np.nanmax(np.concatenate([fwd, cen, [1.0]]))
    y_range = (float(np.log10(ERROR_FLOOR) - 0.5), float(np.clip(np.ceil(np.log10(top)) + 0.5, 0.5, 300)))
    if np.isfinite(curve.best_h_forward):
        best = translate(
            "calculus", "Smallest error at h ≈ {0} (forward) and {1} (central): smaller h loses digits to round-off."
        ).format(localize(f"{curve.best_h_forward:.1e}"), localize(f"{curve.best_h_central:.1e}"))
    else:
        best = translate("calculus", "f′(x₀) is undefined here, so there is no error to measure.")
    return ErrorCurve(_frozen(curve.h), _frozen(fwd), _frozen(cen), y_range, best)


@functools.lru_cache(maxsize=8)
def _chain(w: float, x: float, b: float, y: float, loss: str) -> ChainRule:
    return chain_rule(w, x, b, y, loss)


def _line(ends: np.ndarray, x0: float, y0: float, slope: float) -> Segment | None:
    """The line through (x0, y0) across the view, or None when it leaves the floats (a slope of 1e300 and more)."""
    with np.errstate(all="ignore"):
        ys = y0 + slope * (ends - x0)
    return (ends, ys) if np.all(np.isfinite(ys)) else None


def derive(state: DerivativesState) -> DerivativesResults:
    """Curves, tangent, secant, finite-difference error V, chain-rule graph and readout texts for ``state``.

    Cheap enough for every drag event: the sampled curves, the error curve and the chain graph are memoised on what
    they depend on. Needs sympy (exact derivatives); while it loads the lab shows :func:`sketch`, and the slow
    simplified formulas come from :func:`simplified_formulas`, run off the GUI thread.

    Parameters
    ----------
    state : DerivativesState

    Returns
    -------
    DerivativesResults

    Raises
    ------
    engine.expr.ExpressionError
        When the state's formula is not valid.
    """
    f, df, d2f = derivatives(state.expression)
    vx0, vx1 = float(state.view[0]), float(state.view[1])
    x0, h = float(state.x0), float(state.h)
    fx, slope, second = f(x0), df(x0), d2f(x0)
    f_end, f_back = f(x0 + h), f(x0 - h)
    with np.errstate(all="ignore"):
        sec = (f_end - fx) / h
        central = (f_end - f_back) / (2 * h)
        intercept = fx - slope * x0
    ok = bool(np.isfinite(fx))
    ends = np.array([vx0, vx1])
    tangent = _line(ends, x0, fx, slope) if ok and np.isfinite(slope) else None
    if ok and np.isfinite(slope):  # the tangent may still be too steep to draw across the view
        slope_label, slope_pos = f" slope {slope:.4g} ", (x0, fx)
    else:
        undefined = " " + translate("calculus", "not differentiable here") + " "
        slope_label, slope_pos = (undefined if ok else ""), (x0, fx if ok else 0.0)
    show_secant = bool(state.show_secant and ok and np.isfinite(sec))
    exprs = (f, df, d2f) if state.show_second else (f, df)
    return DerivativesResults(
        curves=_curves(state.expression, vx0, vx1),
        show_second=state.show_second,
        formulas=tuple(e.quick_formula() for e in exprs),
        x0=x0,
        fx=fx,
        point_visible=ok,
        tangent=tangent,
        slope_label=slope_label,
        slope_label_pos=slope_pos,
        secant=_line(ends, x0, fx, sec) if show_secant else None,
        secant_end=(x0 + h, f_end) if show_secant else None,
        log_h=float(np.log10(h)),
        chain=_chain(state.chain_w, state.chain_x, state.chain_b, state.chain_y, state.chain_loss),
        _expression=state.expression,
        _values=(slope, second, sec, central, intercept),
    )


def sketch(state: DerivativesState) -> FunctionSketch:
    """f over the view and the point on it, by numpy alone (no sympy), for the moments before sympy has loaded.

    Parameters
    ----------
    state : DerivativesState

    Returns
    -------
    FunctionSketch

    Raises
    ------
    engine.expr.ExpressionError
        When the state's formula is not valid.
    """
    f = parse(state.expression, ("x",))
    xs = np.linspace(state.view[0], state.view[1], N_SAMPLES)
    with np.errstate(all="ignore"):
        ys = np.broadcast_to(f.numpy()(xs), xs.shape).astype(float)
    fx = f(float(state.x0))
    formula = to_formula(parse_tree(state.expression, ("x",)))
    return FunctionSketch(xs, ys, float(state.x0), fx, bool(np.isfinite(fx)), formula, _fmt(fx))


def simplified_formulas(text: str, show_second: bool) -> tuple[str, ...]:
    """Simplified formulas of f, f′ (and f″): sympy.simplify may take a second, so the gui runs this off-thread.

    Parameters
    ----------
    text : str
        Formula in ``x``.
    show_second : bool
        Whether f″ is wanted too.

    Returns
    -------
    tuple[str, ...]
    """
    exprs = derivatives(text)
    return tuple(e.formula() for e in (exprs if show_second else exprs[:2]))


def export_tables(state: DerivativesState) -> dict[str, tuple[list[str], list[list[float]]]]:
    """The tables behind the plots: f, f′, f″ over the view and the (unfloored) finite-difference errors.

    Parameters
    ----------
    state : DerivativesState

    Returns
    -------
    dict
        ``"curves"`` (x, f, df, d2f) and ``"fd_error"`` (h, forward_error, central_error): (header, rows).

    Raises
    ------
    engine.expr.ExpressionError
        When the state's formula is not valid.
    """
    curves = np.column_stack(_samples(state.expression, state.view[0], state.view[1], EXPORT_SAMPLES))
    err = fd_error_curve(state.expression, state.x0)
    errors = np.column_stack([err.h, err.forward_error, err.central_error])
    return {
        "curves": (["x", "f", "df", "d2f"], curves.tolist()),
        "fd_error": (["h", "forward_error", "central_error"], errors.tolist()),
    }


def with_point(state: DerivativesState, x: float) -> DerivativesState:
    """``state`` with the point moved to ``x``, kept inside the visible x-range (a drag cannot lose it)."""
    lo, hi = state.view[:2]
    return dataclasses.replace(state, x0=float(min(max(x, lo), hi)))


def with_preset(state: DerivativesState, key: str) -> DerivativesState:
    """``state`` showing preset ``key`` (its formula and view; x₀ kept inside the new view), or "custom"."""
    if key == "custom":
        return dataclasses.replace(state, preset="custom")
    preset = PRESETS[key]
    x0 = min(max(state.x0, preset.view[0]), preset.view[1])
    return dataclasses.replace(state, preset=key, expression=preset.text, view=preset.view, x0=x0)
