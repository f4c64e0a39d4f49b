"""How the Derivatives lab shows a state: inputs, the f/f′/f″ curves and formulas, the point, tangent and secant
readouts, the finite-difference error curve and the chain-rule graph.

A mixin of :class:`gui.labs.derivatives.lab.DerivativesLab`, split out so each module stays readable; it reads the lab's
state and writes into its widgets, caching by key so a drag redraws only what moved.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore

from engine.calculus import DerivativesState, chain_rule, derivatives, fd_error_curve, secant_slope
from engine.expr import ExpressionError, parse, parse_tree, to_formula

__all__ = ["DerivativesViewsMixin", "N_SAMPLES", "ERROR_FLOOR"]

N_SAMPLES = 900
ERROR_FLOOR = 1e-17  # exact-zero errors drawn here so the log plot has no holes


def _simplified_formulas(exprs: tuple, key: tuple) -> tuple[tuple, tuple[str, ...]]:
    """(key, simplified formula of each expression): run off the GUI thread."""
    return key, tuple(e.formula() for e in exprs)


def _fmt(v: float) -> str:
    return f"{v:.6g}" if np.isfinite(v) else "undefined"


class DerivativesViewsMixin:
    """``render`` helpers of the Derivatives lab (expects its plots, readout labels, ``_loader`` and cache keys)."""

    def _render_f_only(self, state: DerivativesState) -> None:
        """While sympy loads: f and the point on it (numpy only); derivative curves and readouts wait for it."""
        try:
            f = parse(state.expression, ("x",))
        except ExpressionError as err:
            self.error_message(f"f(x): {err}")
            return
        xs = np.linspace(*state.view[:2], N_SAMPLES)
        self.f_curve.setData(xs, f.numpy()(xs))
        for item in (self.df_curve, self.d2f_curve, self.tangent_line, self.secant_line, self.secant_end):
            item.setData([], [])
        fx = f(state.x0)
        self.point.setVisible(bool(np.isfinite(fx)))
        if np.isfinite(fx):
            self.point.setPos(state.x0, fx)
        self.slope_text.setText("")
        self.formula.setText(
            f"<b>f(x)</b> = {to_formula(parse_tree(state.expression, ('x',)))}<br>"
            "<i>working out the exact derivatives (loading sympy)…</i>"
        )
        self.read_f.setText(_fmt(fx))
        for label in (self.read_slope, self.read_second, self.read_tangent, self.read_secant, self.read_fd_error,
                      self.read_central, self.read_best):  # fmt: skip
            label.setText("…")

    def _render_inputs(self, state: DerivativesState) -> None:
        self.expression.set_text(state.expression)
        index = self.preset.findData(state.preset)
        for widget, setter in (
            (self.preset, lambda: self.preset.setCurrentIndex(max(index, 0))),
            (self.show_second, lambda: self.show_second.setChecked(state.show_second)),
            (self.show_secant, lambda: self.show_secant.setChecked(state.show_secant)),
            (self.x0, lambda: self.x0.setValue(state.x0)),
            (self.tabs, lambda: self.tabs.setCurrentIndex(1 if state.tab == "chain" else 0)),
        ):
            with QtCore.QSignalBlocker(widget):
                setter()
        if abs(self.h.value() - state.h) > 1e-15 * state.h:
            self.h.set_value(state.h)
        if state.view != self._applied_view:
            x0, x1, y0, y1 = state.view
            self.plot.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            self._applied_view = state.view

    def _render_curves(self, state: DerivativesState) -> None:
        x0, x1 = state.view[:2]
        key = (state.expression, x0, x1, state.show_second)
        if key == self._curve_key:
            return
        self._curve_key = key
        f, df, d2f = derivatives(state.expression)
        xs = np.linspace(x0, x1, N_SAMPLES)
        self.f_curve.setData(xs, f.numpy()(xs))
        self.df_curve.setData(xs, df.numpy()(xs))
        if state.show_second:
            self.d2f_curve.setData(xs, d2f.numpy()(xs))
        self.d2f_curve.setVisible(state.show_second)
        legend = self.plot.getPlotItem().legend
        legend.removeItem(self.d2f_curve)
        if state.show_second:
            legend.addItem(self.d2f_curve, "f″(x)")
        exprs = (f, df, d2f) if state.show_second else (f, df)
        # The formulas as sympy holds them at once; simplified ones (sympy.simplify: up to a second) follow from a
        # background job, so neither the first open nor a new formula waits for them.
        self._show_formulas(tuple(e.quick_formula() for e in exprs))
        self._formula_key = (state.expression, state.show_second)
        self._formula_job.submit(_simplified_formulas, exprs, self._formula_key)

    def _show_formulas(self, texts: tuple[str, ...]) -> None:
        names = ("f(x)", "f′(x)", "f″(x)")
        self.formula.setText("<br>".join(f"<b>{n}</b> = {t}" for n, t in zip(names, texts, strict=False)))

    def _on_formulas(self, result: tuple[tuple, tuple[str, ...]]) -> None:
        key, texts = result
        if key == self._formula_key:  # not an older formula finishing late
            self._show_formulas(texts)

    def _render_point(self, state: DerivativesState) -> None:
        f, df, d2f = derivatives(state.expression)
        x0, h = state.x0, state.h
        fx, slope, second = f(x0), df(x0), d2f(x0)
        vx0, vx1 = state.view[:2]
        ok = np.isfinite(fx)
        self.point.setVisible(bool(ok))
        if ok:
            self.point.setPos(x0, fx)
        ends = np.array([vx0, vx1])
        if ok and np.isfinite(slope):
            self.tangent_line.setData(ends, fx + slope * (ends - x0))
            self.slope_text.setText(f" slope {slope:.4g} ")
            self.slope_text.setPos(x0, fx)
        else:
            self.tangent_line.setData([], [])
            self.slope_text.setText(" slope undefined " if ok else "")
            self.slope_text.setPos(x0, fx if ok else 0.0)
        sec = secant_slope(state.expression, x0, h)
        f_end = f(x0 + h)
        show_sec = bool(state.show_secant and ok and np.isfinite(sec))
        self.secant_line.setVisible(show_sec)
        self.secant_end.setVisible(show_sec)
        if show_sec:
            self.secant_line.setData(ends, fx + sec * (ends - x0))
            self.secant_end.setData([x0 + h], [f_end])
        central = (f(x0 + h) - f(x0 - h)) / (2 * h)
        self.read_f.setText(_fmt(fx))
        self.read_slope.setText(_fmt(slope))
        self.read_second.setText(_fmt(second))
        intercept = fx - slope * x0
        self.read_tangent.setText(
            f"y = {slope:.4g}·x {'+' if intercept >= 0 else '−'} {abs(intercept):.4g}"
            if np.isfinite(intercept)
            else "undefined here"
        )
        self.read_secant.setText(_fmt(sec))
        self.read_fd_error.setText(_fmt(abs(sec - slope)))
        self.read_central.setText(f"{_fmt(central)} (error {_fmt(abs(central - slope))})")
        self._render_error_curve(state)

    def _render_error_curve(self, state: DerivativesState) -> None:
        self.h_line.setValue(np.log10(state.h))
        key = (state.expression, state.x0)
        if key == self._error_key:  # moving h only moves the marker: the error curve depends on f and x₀
            return
        self._error_key = key
        curve = fd_error_curve(state.expression, state.x0)

        def floored(err: np.ndarray) -> np.ndarray:
            return np.where(np.isfinite(err), np.maximum(err, ERROR_FLOOR), np.nan)

        fwd, cen = floored(curve.forward_error), floored(curve.central_error)
        self.fwd_err.setData(curve.h, fwd)
        self.cen_err.setData(curve.h, cen)
        # Whole decades, changed only when the curve leaves them: re-ranging redraws the axes (slow) on every drag.
        top = np.nanmax(np.concatenate([fwd, cen, [1.0]]))
        y_range = (np.log10(ERROR_FLOOR) - 0.5, float(np.clip(np.ceil(np.log10(top)) + 0.5, 0.5, 300)))
        if y_range != self._error_y_range:
            self._error_y_range = y_range
            self.error_plot.getPlotItem().setYRange(*y_range, padding=0)
        if np.isfinite(curve.best_h_forward):
            self.read_best.setText(
                f"Smallest error at h ≈ {curve.best_h_forward:.1e} (forward) and {curve.best_h_central:.1e} "
                "(central): smaller h loses digits to round-off."
            )
        else:
            self.read_best.setText("f′(x₀) is undefined here, so there is no error to measure.")

    def _render_chain(self, state: DerivativesState, force: bool = False) -> None:
        if not self.chain_page.is_built() or self._loader.pending:  # drawn when shown, and when sympy is there
            return
        key = (state.chain_w, state.chain_x, state.chain_b, state.chain_y, state.chain_loss)
        if key == self._chain_key and not force:  # a drag of the point or of h leaves the chain graph as it is
            return
        self._chain_key = key
        graph = chain_rule(*key)
        self.chain.display(graph, state.chain_w, state.chain_x, state.chain_b, state.chain_y)
