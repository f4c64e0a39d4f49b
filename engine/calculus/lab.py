"""Derivatives you can see: tangent and secant, finite differences and their error V, ML presets, lab state."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from engine.calculus.chain import LOSSES, chain_rule
from engine.expr import Expression, parse
from engine.i18n import QT_TRANSLATE_NOOP
from engine.schema import SchemaError, spec
from engine.snippet_text import SYMPY_FUNCTIONS, sympy_formula_lines

__all__ = [
    "PRESETS",
    "DerivativesState",
    "FDErrorCurve",
    "Preset",
    "code",
    "derivatives",
    "fd_error_curve",
    "finite_difference",
    "metrics",
    "secant_slope",
    "tangent",
]


@dataclass(frozen=True)
class Preset:
    """A function from machine learning with the view that shows it best."""

    label: str
    text: str
    view: tuple[float, float, float, float]


PRESETS: dict[str, Preset] = {
    "sigmoid": Preset(QT_TRANSLATE_NOOP("calculus", "Sigmoid σ(x)"), "sigmoid(x)", (-6.0, 6.0, -0.6, 1.4)),
    "tanh": Preset("tanh(x)", "tanh(x)", (-4.0, 4.0, -1.6, 1.6)),
    "relu": Preset("ReLU", "relu(x)", (-3.0, 3.0, -1.2, 3.0)),
    "softplus": Preset("Softplus", "softplus(x)", (-4.0, 4.0, -1.2, 4.0)),
    "log_loss": Preset(QT_TRANSLATE_NOOP("calculus", "Log-loss −log σ(x)"), "log(1 + exp(-x))", (-4.0, 4.0, -1.2, 4.5)),
    "squared_error": Preset(
        QT_TRANSLATE_NOOP("calculus", "Squared error (x − 1)²"), "(x - 1)^2", (-2.0, 4.0, -2.5, 6.0)
    ),
    "wave": Preset(QT_TRANSLATE_NOOP("calculus", "Damped wave"), "sin(x)*exp(-x^2/5)", (-6.0, 6.0, -1.2, 1.2)),
}
PRESET_CHOICES = (*PRESETS, "custom")
FD_H_RANGE = (1e-16, 1.0)


@dataclass(frozen=True)
class DerivativesState:
    """Everything a user sets in the Derivatives lab."""

    expression: str = spec("sigmoid(x)", expr=("x",), max_chars=500)
    preset: str = spec("sigmoid", choices=PRESET_CHOICES)
    x0: float = spec(1.0, lo=-1e6, hi=1e6, step=0.1, decimals=3, label="x₀")
    h: float = spec(0.5, lo=1e-12, hi=10.0, soft_lo=1e-8, soft_hi=5.0, log=True, label="h")
    show_second: bool = spec(False)
    show_secant: bool = spec(True)
    chain_w: float = spec(0.8, lo=-5.0, hi=5.0, step=0.1, decimals=2, label="w")
    chain_x: float = spec(1.5, lo=-5.0, hi=5.0, step=0.1, decimals=2, label="x")
    chain_b: float = spec(-0.5, lo=-5.0, hi=5.0, step=0.1, decimals=2, label="b")
    chain_y: float = spec(1.0, lo=0.0, hi=1.0, step=0.1, decimals=2, label="y")
    chain_loss: str = spec("log-loss", choices=LOSSES)
    tab: str = spec("graphs", choices=("graphs", "chain"))
    view: tuple[float, float, float, float] = spec(PRESETS["sigmoid"].view, lo=-1e6, hi=1e6)

    def validate(self) -> None:
        """The view must be a real rectangle."""
        x0, x1, y0, y1 = self.view
        if not (x0 < x1 and y0 < y1):
            raise SchemaError("view", "needs xmin < xmax and ymin < ymax")


@functools.lru_cache(maxsize=64)
def derivatives(text: str) -> tuple[Expression, Expression, Expression]:
    """f, f′ and f″ of a formula in x (exact, cached because the lab asks again on every drag event).

    Parameters
    ----------
    text : str
        Formula in ``x``.

    Returns
    -------
    tuple[Expression, Expression, Expression]

    Raises
    ------
    engine.expr.ExpressionError
        When the text is not a valid formula.
    """
    f = parse(text, ("x",))
    df = f.diff("x")
    return f, df, df.diff("x")


@dataclass(frozen=True)
class Tangent:
    """The tangent line y = value + slope·(x − x0)."""

    x0: float
    value: float
    slope: float

    @property
    def intercept(self) -> float:
        """Where the tangent crosses x = 0."""
        return self.value - self.slope * self.x0


def tangent(text: str, x0: float) -> Tangent:
    """Value and exact slope of f at x0.

    Parameters
    ----------
    text : str
        Formula in ``x``.
    x0 : float
        Point of tangency.

    Returns
    -------
    Tangent
        nan fields where f or f′ is undefined at x0.
    """
    f, df, _ = derivatives(text)
    return Tangent(float(x0), f(float(x0)), df(float(x0)))


def secant_slope(text: str, x0: float, h: float) -> float:
    """Slope (f(x0 + h) − f(x0))/h of the secant through x0 and x0 + h.

    Parameters
    ----------
    text : str
        Formula in ``x``.
    x0, h : float
        Base point and step (h ≠ 0).

    Returns
    -------
    float
    """
    return float(finite_difference(text, x0, h, "forward"))


def finite_difference(text: str, x0: float, h: np.ndarray | float, method: str = "central") -> np.ndarray:
    """Forward (f(x+h) − f(x))/h or central (f(x+h) − f(x−h))/2h difference, vectorised over h.

    Parameters
    ----------
    text : str
        Formula in ``x``.
    x0 : float
        Where to differentiate.
    h : array_like
        Step sizes (non-zero).
    method : str
        ``"forward"`` or ``"central"``.

    Returns
    -------
    numpy.ndarray
        One estimate per h (nan where f is undefined).
    """
    f = derivatives(text)[0].numpy()
    h = np.asarray(h, dtype=float)
    with np.errstate(all="ignore"):
        if method == "forward":
            return (f(x0 + h) - f(np.float64(x0))) / h
        if method == "central":
            return (f(x0 + h) - f(x0 - h)) / (2.0 * h)
    raise ValueError(f"method must be 'forward' or 'central', got {method!r}")


@dataclass(frozen=True)
class FDErrorCurve:
    """|finite difference − exact derivative| over log-spaced h: truncation error falls with h, round-off rises."""

    h: np.ndarray
    forward_error: np.ndarray
    central_error: np.ndarray
    exact: float
    best_h_forward: float
    best_h_central: float


def fd_error_curve(text: str, x0: float, n: int = 121, h_range: tuple[float, float] = FD_H_RANGE) -> FDErrorCurve:
    """Error of forward and central differences against the exact derivative, for log-spaced h.

    Parameters
    ----------
    text : str
        Formula in ``x``.
    x0 : float
        Where to differentiate.
    n : int
        Number of h values.
    h_range : tuple[float, float]
        Smallest and largest h.

    Returns
    -------
    FDErrorCurve
        Errors are exact zeros where the difference happens to be exact (the plot floors them); the best h are
        the arg-min of each curve (nan when the derivative is undefined at x0).
    """
    h = np.logspace(np.log10(h_range[0]), np.log10(h_range[1]), int(n))
    exact = derivatives(text)[1](float(x0))
    with np.errstate(all="ignore"):
        fwd = np.abs(finite_difference(text, x0, h, "forward") - exact)
        cen = np.abs(finite_difference(text, x0, h, "central") - exact)
    return FDErrorCurve(h, fwd, cen, exact, _argmin_h(h, fwd), _argmin_h(h, cen))


def _argmin_h(h: np.ndarray, err: np.ndarray) -> float:
    finite = np.isfinite(err)
    if not finite.any():
        return float("nan")
    # Among ties (several exact zeros) take the largest h: that is where the estimate first becomes exact.
    masked = np.where(finite, err, np.inf)
    best = np.flatnonzero(masked == masked.min())[-1]
    return float(h[best])


def sample(
    text: str, x_range: tuple[float, float], n: int = 800
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """x grid and f, f′, f″ on it (non-finite values stay nan/inf so plots show gaps).

    Parameters
    ----------
    text : str
        Formula in ``x``.
    x_range : tuple[float, float]
        Plotted interval.
    n : int
        Number of samples.

    Returns
    -------
    tuple of numpy.ndarray
        xs, f(xs), f′(xs), f″(xs).
    """
    f, df, d2f = derivatives(text)
    xs = np.linspace(x_range[0], x_range[1], int(n))
    return xs, f.numpy()(xs), df.numpy()(xs), d2f.numpy()(xs)


def metrics(state: DerivativesState) -> dict[str, float | bool | str]:
    """Named numbers of the lab for lessons and "show the code".

    Keys: ``f_x0``, ``slope`` (exact f′(x0)), ``second_derivative`` (f″(x0)), ``tangent_intercept``, ``h``,
    ``secant_slope`` ((f(x0+h) − f(x0))/h), ``fd_error`` (|secant_slope − slope|), ``central_difference``,
    ``central_error``, ``best_h_forward``, ``best_h_central`` (minimisers of the error curves), ``formula``,
    ``derivative_formula``, ``chain_z``, ``chain_a``, ``chain_loss``, ``chain_dl_da``, ``chain_da_dz``,
    ``chain_dl_dw``, ``chain_dl_db``, ``chain_dl_dx`` (path products), ``chain_matches_symbolic``.
    """
    f, df, d2f = derivatives(state.expression)
    t = tangent(state.expression, state.x0)
    secant = secant_slope(state.expression, state.x0, state.h)
    central = float(finite_difference(state.expression, state.x0, state.h, "central"))
    curve = fd_error_curve(state.expression, state.x0)
    graph = chain_rule(state.chain_w, state.chain_x, state.chain_b, state.chain_y, state.chain_loss)
    products = {k: v for k, (_, v) in graph.paths.items()}
    return {
        "f_x0": t.value,
        "slope": t.slope,
        "second_derivative": d2f(float(state.x0)),
        "tangent_intercept": t.intercept,
        "h": float(state.h),
        "secant_slope": secant,
        "fd_error": abs(secant - t.slope),
        "central_difference": central,
        "central_error": abs(central - t.slope),
        "best_h_forward": curve.best_h_forward,
        "best_h_central": curve.best_h_central,
        "formula": f.formula(),
        "derivative_formula": df.formula(),
        "chain_z": graph.node("z").value,
        "chain_a": graph.node("a").value,
        "chain_loss": graph.node("L").value,
        "chain_dl_da": graph.edge("a", "L").value,
        "chain_da_dz": graph.edge("z", "a").value,
        "chain_dl_dw": products["w"],
        "chain_dl_db": products["b"],
        "chain_dl_dx": products["x"],
        "chain_matches_symbolic": all(graph.matches.values()),
    }


def code(state: DerivativesState) -> str:
    """A sympy/numpy/matplotlib script reproducing the lab's numbers (defines ``result``), drawing f and its tangent.

    The formula is rebuilt with sympy (exact derivatives are the point of this lab), so the script needs no part of
    this app. ``best_h_forward`` is printed but kept out of ``result``: it is the arg-min of round-off noise, which
    moves with the last bit of how f is evaluated.
    """
    loss = state.chain_loss
    if loss == "log-loss":
        loss_lines = "L = -(y * np.log(a) + (1 - y) * np.log(1 - a))   # log-loss (binary cross-entropy)\n"
        loss_lines += "dL_da = (a - y) / (a * (1 - a))\n"
    else:
        loss_lines = "L = (a - y) ** 2                                    # squared error\n"
        loss_lines += "dL_da = 2 * (a - y)\n"
    formula = "\n".join(sympy_formula_lines("f", state.expression, ("x",)))
    view = tuple(float(v) for v in state.view)
    return f"""import math

import matplotlib.pyplot as plt
import numpy as np
import sympy as sp

{SYMPY_FUNCTIONS}
# The function and its exact derivatives.
{formula}
df = sp.diff(f, x)
d2f = sp.diff(f, x, 2)
print("f(x)  =", f)
print("f'(x) =", sp.simplify(df))
f_num, df_num, d2f_num = (sp.lambdify(x, g, [NUMPY_EXTRAS, "numpy"]) for g in (f, df, d2f))

x0 = {state.x0!r}
h = {state.h!r}
f_x0 = float(f_num(x0))
slope = float(df_num(x0))                       # slope of the tangent at x0
secant_slope = (float(f_num(x0 + h)) - f_x0) / h   # forward difference = slope of the secant
central_difference = (float(f_num(x0 + h)) - float(f_num(x0 - h))) / (2 * h)

# Finite-difference error against the exact slope, over h from 1e-16 to 1: the V of truncation vs round-off.
hs = np.logspace(-16, 0, 121)
with np.errstate(all="ignore"):
    forward_errors = np.abs((f_num(x0 + hs) - f_x0) / hs - slope)
finite = np.isfinite(forward_errors)                # none when f has no slope at x0 (a kink or a jump)
best_h_forward = hs[np.flatnonzero(forward_errors == forward_errors[finite].min())[-1]] if finite.any() else np.nan
print("best forward h:", best_h_forward)

# Chain rule on one neuron: z = w*x + b, a = sigmoid(z), L = loss(a, y).
w, xi, b, y = {state.chain_w!r}, {state.chain_x!r}, {state.chain_b!r}, {state.chain_y!r}
z = w * xi + b
a = 1 / (1 + np.exp(-z))
{loss_lines}da_dz = a * (1 - a)
dL_dw = dL_da * da_dz * xi                     # local derivatives multiplied along the path w -> z -> a -> L
dL_db = dL_da * da_dz * 1
print("dL/dw =", dL_dw, " dL/db =", dL_db)

result = {{
    "f_x0": f_x0,
    "slope": slope,
    "second_derivative": float(d2f_num(x0)),
    "secant_slope": secant_slope,
    "fd_error": abs(secant_slope - slope),
    "central_difference": central_difference,
    "chain_z": z,
    "chain_a": a,
    "chain_loss": L,
    "chain_dl_dw": dL_dw,
    "chain_dl_db": dL_db,
}}
print(result)

# f with its tangent and the secant at x0, and the error V of the finite differences.
fig, (ax, ax_err) = plt.subplots(1, 2, figsize=(11, 4.5))
xs = np.linspace({view[0]!r}, {view[1]!r}, 800)
with np.errstate(all="ignore"):
    ax.plot(xs, np.broadcast_to(f_num(xs), xs.shape), color="#0072B2", lw=2.5, label="f")
ax.plot(xs, f_x0 + slope * (xs - x0), color="#D55E00", lw=2, label=f"tangent, slope {{slope:.4g}}")
ax.plot(xs, f_x0 + secant_slope * (xs - x0), ":", color="#009E73", lw=2, label=f"secant, h = {{h:g}}")
ax.plot([x0], [f_x0], "o", color="black")
ax.set(ylim=({view[2]!r}, {view[3]!r}), xlabel="x", title="f and its tangent at x0")
ax.legend()
ax_err.loglog(hs, np.maximum(forward_errors, 1e-17), color="#E69F00", lw=2)
ax_err.set(xlabel="h", ylabel="|forward difference - f'(x0)|", title="truncation vs round-off")
plt.show()
"""
