"""The Derivatives lab's two plots: f with its point, tangent and secant; the finite-difference error V over h."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtWidgets

from engine.calculus import Curves, DerivativesResults, DerivativesState, ErrorCurve, FunctionSketch
from gui import theme
from gui.i18n import translate
from gui.widgets.field_controls import spec_of
from gui.widgets.key_target import KeyTargetItem
from gui.widgets.plane import configure_plot, decade_axes

__all__ = ["FunctionPlot", "ErrorPlot"]


class FunctionPlot:
    """The f, f′, f″ plot with the draggable point, its tangent, the secant and the slope label."""

    def __init__(self) -> None:
        self.widget = pg.PlotWidget()
        item = self.widget.getPlotItem()
        self.viewbox = item.getViewBox()
        configure_plot(item)
        item.addLegend(offset=(10, 10), labelTextSize=f"{theme.current().font_pt}pt")
        item.setLabel("bottom", "x")
        for angle in (0, 90):
            axis = pg.InfiniteLine(pos=0, angle=angle, pen=theme.pen("axis", 0.4), movable=False)
            axis.setZValue(-10)
            item.addItem(axis, ignoreBounds=True)
        self.f_curve = item.plot(pen=theme.pen("blue"), name="f(x)", connect="finite")
        self.df_curve = item.plot(pen=theme.pen("vermillion", 0.8, "dash"), name="f′(x)", connect="finite")
        self.d2f_curve = item.plot(pen=theme.pen("purple", 0.7, "dot"), connect="finite")
        for curve in (self.f_curve, self.df_curve, self.d2f_curve):  # static while dragging: blit, don't re-stroke
            curve.curve.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # plain curves (a PlotDataItem's setData costs ~0.15 ms a move against ~0.03 for the curve it draws with,
        # the same drawing): named in the legend as item.plot(name=…) would
        self.tangent_line = pg.PlotCurveItem(pen=theme.pen("orange", 0.9))
        self.secant_line = pg.PlotCurveItem(pen=theme.pen("green", 0.8))
        for line, name in ((self.tangent_line, translate("Derivatives", "tangent")),
                           (self.secant_line, translate("Derivatives", "secant"))):  # fmt: skip
            item.addItem(line)
            item.legend.addItem(line, name)
        self.secant_end = pg.ScatterPlotItem(size=11, brush=theme.brush("green", 255), pen=theme.pen("bg", 0.3))
        item.addItem(self.secant_end)
        self.point = KeyTargetItem(
            key_step=spec_of(DerivativesState, "x0").step or 0.1,
            horizontal_only=True,
            pos=(0, 0),
            size=16,
            symbol="o",
            pen=theme.pen("fg", 0.6),
            brush=theme.brush("orange", 255),
            hoverBrush=theme.brush("yellow", 255),
        )
        self.point.setZValue(20)
        self.point.setToolTip(translate("Derivatives", "Drag me along the curve"))
        item.addItem(self.point)
        self.slope_text = pg.TextItem("", color=theme.color("fg"), anchor=(0, 1.2), fill=theme.brush("bg", 200))
        self.slope_text.setFont(theme.font(1.0, bold=True))
        self.slope_text.setZValue(21)
        item.addItem(self.slope_text, ignoreBounds=True)
        self._curves: tuple[Curves, bool] | None = None
        self._view: tuple | None = None

    def set_view(self, view: tuple[float, float, float, float]) -> None:
        """Show the state's view rectangle (only when it differs from what is shown: a pan already shows it)."""
        if view != self._view:
            x0, x1, y0, y1 = view
            self.viewbox.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            self._view = view

    def note_view(self, view: tuple[float, float, float, float]) -> None:
        """Remember a view the user panned to, so :meth:`set_view` does not apply it again."""
        self._view = view

    def forget(self) -> None:
        """Redraw the curves on the next :meth:`show` (a state from outside, or sympy just loaded)."""
        self._curves = None

    def show(self, r: DerivativesResults) -> None:
        """Draw the curves (only when they are new), the point, tangent, secant and slope label."""
        if self._curves is None or self._curves[0] is not r.curves or self._curves[1] != r.show_second:
            self._curves = (r.curves, r.show_second)
            c = r.curves
            self.f_curve.setData(c.xs, c.f)
            self.df_curve.setData(c.xs, c.df)
            if r.show_second:
                self.d2f_curve.setData(c.xs, c.d2f)
            self.d2f_curve.setVisible(r.show_second)
            legend = self.widget.getPlotItem().legend
            legend.removeItem(self.d2f_curve)
            if r.show_second:
                legend.addItem(self.d2f_curve, "f″(x)")
        self.point.setVisible(r.point_visible)
        if r.point_visible:
            self.point.setPos(r.x0, r.fx)
        if r.tangent is not None:
            self.tangent_line.setData(*r.tangent)
        else:
            self.tangent_line.setData([], [])
        self.slope_text.setText(r.slope_label)
        self.slope_text.setPos(*r.slope_label_pos)
        shown = r.secant is not None
        self.secant_line.setVisible(shown)
        self.secant_end.setVisible(shown)
        if r.secant is not None and r.secant_end is not None:
            self.secant_line.setData(*r.secant)
            self.secant_end.setData([r.secant_end[0]], [r.secant_end[1]])

    def show_sketch(self, s: FunctionSketch) -> None:
        """While sympy loads: f and the point on it; the derivative curves, tangent and secant stay empty."""
        self._curves = None
        self.f_curve.setData(s.xs, s.f)
        for item in (self.df_curve, self.d2f_curve, self.tangent_line, self.secant_line, self.secant_end):
            item.setData([], [])
        self.point.setVisible(s.point_visible)
        if s.point_visible:
            self.point.setPos(s.x0, s.fx)
        self.slope_text.setText("")

    def show_point_at(self, x0: float, fx: float) -> None:
        """Put the point back on the curve (the mouse moved it off while the state stayed the same)."""
        self.point.setPos(x0, fx)


class ErrorPlot:
    """|finite difference − f′(x₀)| against h on log axes, with a marker at the current h."""

    def __init__(self) -> None:
        self.widget = pg.PlotWidget()
        item = self.widget.getPlotItem()
        decade_axes(item, "left", "bottom")
        configure_plot(item)
        item.setLogMode(x=True, y=True)
        item.setLabel("bottom", translate("Derivatives", "step h   (round-off ← | → truncation)"))
        item.setLabel("left", translate("Derivatives", "|error|"))
        item.setTitle(
            translate("Derivatives", "Finite-difference error"),
            size=f"{theme.current().font_pt}pt",
        )
        item.addLegend(offset=(10, -10), labelTextSize=f"{theme.current().font_pt - 1}pt")
        item.getViewBox().setMouseEnabled(False, False)
        self.fwd_err = item.plot(
            pen=theme.pen("vermillion", 0.8), name=translate("Derivatives", "forward"), connect="finite"
        )
        self.cen_err = item.plot(
            pen=theme.pen("green", 0.8), name=translate("Derivatives", "central"), connect="finite"
        )
        self.h_line = pg.InfiniteLine(angle=90, pen=theme.pen("orange", 0.6, "dash"), movable=False)
        item.addItem(self.h_line, ignoreBounds=True)
        item.setXRange(-16, 0, padding=0.02)
        self._curve: ErrorCurve | None = None
        self._y_range: tuple[float, float] | None = None

    def forget(self) -> None:
        """Redraw the error curve on the next :meth:`show`."""
        self._curve = None

    def show_h(self, r: DerivativesResults) -> None:
        """Move the h marker (an h drag moves only it)."""
        self.h_line.setValue(r.log_h)

    def show(self, r: DerivativesResults) -> None:
        """Move the h marker; redraw the curve only when it changed (it depends on f and x₀, not on h)."""
        self.show_h(r)
        if r.error is self._curve:
            return
        self._curve = r.error
        self.fwd_err.setData(r.error.h, r.error.forward)
        self.cen_err.setData(r.error.h, r.error.central)
        if r.error.y_range != self._y_range:  # re-ranging redraws the axes (slow): only when the decades change
            self._y_range = r.error.y_range
            self.widget.getPlotItem().setYRange(*r.error.y_range, padding=0)
