"""Least squares as projection: draggable points, the fit, residuals at right angles, three ways to solve."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.decomp import MAX_POINTS, DecompositionsResults, DecompositionsState
from gui import theme
from gui.labs.decompositions.readout import Readout, fmt, message_label, vec
from gui.widgets.catch_up import CatchUp
from gui.widgets.field_controls import configure_spin, spec_of
from gui.widgets.plane import PlaneWidget, configure_plot
from gui.widgets.vector_item import VectorItem

__all__ = ["LeastSquaresPage"]


class LeastSquaresPage(QtWidgets.QWidget):
    """The plane of points and fit on the left, degree, point editor and readouts on the right."""

    def __init__(self, lab) -> None:
        super().__init__()
        self.lab = lab
        self.plane = PlaneWidget(view=(-6.0, 6.0, -5.0, 5.0))
        self.plane.setObjectName("leastSquaresPlane")
        self.plane.setAccessibleName(self.tr("Points and their least-squares fit"))
        self.plane.setMinimumSize(360, 300)
        plot = self.plane.getPlotItem()
        self.curve = pg.PlotDataItem([], [], pen=theme.pen("blue", 1.2))
        self.residuals = pg.PlotDataItem([], [], pen=theme.pen("vermillion", 0.9, "dash"), connect="pairs")
        self.fitted = pg.ScatterPlotItem([], [], symbol="x", size=10, pen=theme.pen("vermillion", 0.6))
        self.halo = pg.ScatterPlotItem([], [], pen=None, brush=theme.brush("orange", 70))
        for item in (self.halo, self.curve, self.residuals, self.fitted):
            plot.addItem(item, ignoreBounds=True)
        self.point_items: list[VectorItem] = []
        self.projection = pg.PlotWidget()
        self.projection.setObjectName("projectionPlot")
        self.projection.setAccessibleName(self.tr("b, its projection Ax* and the residual r, at right angles"))
        self.projection.setFixedHeight(170)
        pplot = self.projection.getPlotItem()
        configure_plot(pplot, equal=True, grid=False)
        pplot.hideAxis("left")
        pplot.hideAxis("bottom")
        pplot.setTitle(self.tr("In Rⁿ: b = Ax* + r, r ⟂ Ax*"))
        self.tri_b = VectorItem(color="black", label="b", draggable=False)
        self.tri_p = VectorItem(color="blue", label="Ax*", draggable=False)
        self.tri_r = VectorItem(color="vermillion", draggable=False)
        self.tri_corner = pg.PlotDataItem([], [], pen=theme.pen("fg", 0.6))
        for item in (self.tri_corner, self.tri_p, self.tri_r, self.tri_b):
            pplot.addItem(item, ignoreBounds=True)
        self.triangle_catch_up = CatchUp(self)
        """The triangle is a readout of the fit beside the plot: redrawn at 10 Hz during a drag, exactly on release."""
        pplot.getViewBox().setRange(xRange=(-0.1, 1.25), yRange=(-0.1, 1.05), padding=0)  # ‖b‖ is scaled to 1
        pplot.getViewBox().setMouseEnabled(False, False)

        self.degree = QtWidgets.QComboBox()
        self.degree.setAccessibleName(self.tr("Degree of the fitted polynomial"))
        for d, text in enumerate((self.tr("constant"), self.tr("line"), self.tr("quadratic"), self.tr("cubic"))):
            self.degree.addItem(text, d)
        self.degree.currentIndexChanged.connect(
            lambda i: self.lab.edit(replace(self.lab.state(), degree=i), self.tr("Fit degree"))
        )
        self.add_button = QtWidgets.QPushButton(self.tr("Add point"))
        self.add_button.setAccessibleName(self.tr("Add a point"))
        self.add_button.clicked.connect(self._add_point)
        self.remove_button = QtWidgets.QPushButton(self.tr("Remove point"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected point"))
        self.remove_button.clicked.connect(self._remove_point)
        self.which = QtWidgets.QSpinBox()
        self.which.setAccessibleName(self.tr("Selected point number"))
        self.which.valueChanged.connect(lambda _v: self.render_editor(self.lab.state()))
        self.xy = []
        for axis in ("x", "y"):
            box = QtWidgets.QDoubleSpinBox()
            configure_spin(box, spec_of(DecompositionsState, "points"))
            box.setKeyboardTracking(False)
            box.setAccessibleName(self.tr("Selected point {0}").format(axis))
            box.valueChanged.connect(self._on_typed)
            self.xy.append(box)
        self.readout = Readout(self.tr("Least-squares results"))
        self.readout.setObjectName("lsReadout")
        self.message = message_label(self.tr("Least-squares warning"))

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Fit"), self.degree)
        form.addRow(self.tr("Point"), self.which)
        row = QtWidgets.QHBoxLayout()
        for box in self.xy:
            row.addWidget(box)
        form.addRow(self.tr("x, y"), row)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        column = QtWidgets.QWidget()
        col = QtWidgets.QVBoxLayout(column)
        col.addWidget(self.projection)
        col.addLayout(form)
        col.addLayout(buttons)
        col.addWidget(self.message)
        col.addWidget(self.readout)
        col.addStretch(1)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plane, 1)
        lay.addWidget(lab.side_panel(column))

    # --- user actions -----------------------------------------------------------------------------------------------
    def _on_drag(self, k: int, pos: tuple[float, float]) -> None:
        pts = list(self.lab.state().points)
        pts[k] = (round(float(pos[0]), 3), round(float(pos[1]), 3))
        self.lab.preview(replace(self.lab.state(), points=tuple(pts)))

    def _on_typed(self) -> None:
        k = self.which.value()
        pts = list(self.lab.state().points)
        if not 0 <= k < len(pts):
            return
        pts[k] = (float(self.xy[0].value()), float(self.xy[1].value()))
        self.lab.edit(replace(self.lab.state(), points=tuple(pts)), self.tr("Move point"))

    def _add_point(self) -> None:
        pts = self.lab.state().points
        if len(pts) >= MAX_POINTS:
            self.lab.error_message(self.tr("At most {0} points.").format(MAX_POINTS))
            return
        x = max((p[0] for p in pts), default=-1.0) + 1.0
        new = (*pts, (min(x, 5.5), 0.0))
        self.lab.edit(replace(self.lab.state(), points=new), self.tr("Add point"))
        self.which.setValue(len(new) - 1)

    def _remove_point(self) -> None:
        pts = list(self.lab.state().points)
        if not pts:
            self.lab.error_message(self.tr("There is no point to remove."))
            return
        del pts[min(self.which.value(), len(pts) - 1)]
        self.lab.edit(replace(self.lab.state(), points=tuple(pts)), self.tr("Remove point"))

    # --- showing a state --------------------------------------------------------------------------------------------
    def _sync_items(self, n: int) -> None:
        plot = self.plane.getPlotItem()
        while len(self.point_items) < n:
            k = len(self.point_items)
            item = VectorItem(color="black", arrow=False)
            item.setZValue(10)
            item.sigDragged.connect(lambda _it, pos, k=k: self._on_drag(k, pos))
            item.sigDragFinished.connect(lambda _it, _pos: self.lab.commit(self.tr("Drag point")))
            plot.addItem(item, ignoreBounds=True)
            self.point_items.append(item)
        while len(self.point_items) > n:
            plot.removeItem(self.point_items.pop())

    def render_editor(self, state: DecompositionsState) -> None:
        n = len(state.points)
        if self.which.maximum() != max(0, n - 1):  # setRange re-lays out the column even when nothing changed
            with QtCore.QSignalBlocker(self.which):
                self.which.setRange(0, max(0, n - 1))
        k = self.which.value()
        for box, value in zip(self.xy, state.points[k] if k < n else (0.0, 0.0), strict=True):
            box.setEnabled(k < n)
            if box.value() != value:
                with QtCore.QSignalBlocker(box):
                    box.setValue(value)

    def render(self, state: DecompositionsState, results: DecompositionsResults) -> None:
        fit = results.fit
        pts = np.array(state.points, dtype=float).reshape(-1, 2)
        self._sync_items(len(pts))
        for item, p in zip(self.point_items, pts, strict=True):
            if not item.is_dragging():
                item.set_tip((float(p[0]), float(p[1])))
        with QtCore.QSignalBlocker(self.degree):
            self.degree.setCurrentIndex(state.degree)
        self.render_editor(state)
        self.curve.setData(*results.curve)
        if len(pts):
            seg = np.empty((2 * len(pts), 2))
            seg[0::2] = pts
            seg[1::2, 0], seg[1::2, 1] = pts[:, 0], fit.fitted
            self.residuals.setData(seg[:, 0], seg[:, 1])
            self.fitted.setData(pts[:, 0], fit.fitted)
            # sizes in steps of 4 px: pyqtgraph renders one pixmap per distinct size, so a drag reuses a handful
            self.halo.setData(pts[:, 0], pts[:, 1], size=14 + 4 * np.round(15 * fit.leverage))
        else:
            for item in (self.residuals, self.fitted, self.halo):
                item.setData([], [])
        self.triangle_catch_up.run(lambda: self._draw_triangle(fit.triangle), self.lab.live_quality.live)
        self.message.show_text(fit.message)
        self.readout.show_live(lambda: self.readout_text(state, results), self.lab.live_quality.live)

    def _draw_triangle(self, triangle: tuple[float, float, float]) -> None:
        """b along the hypotenuse, Ax* along the base, r straight up: scaled so ‖b‖ = 1."""
        nb, np_, nr = triangle
        if nb == 0:
            np_, nr, nb = 1.0, 0.0, 1.0
        px, ry = np_ / nb, nr / nb
        self.tri_p.set_points((px, 0.0))
        self.tri_r.set_points((px, ry), (px, 0.0))
        self.tri_b.set_points((px, ry))
        c = 0.06
        self.tri_corner.setData([px - c, px - c, px], [0.0, c, c])

    def readout_text(self, state: DecompositionsState, results: DecompositionsResults) -> str:
        fit = results.fit
        if not len(state.points):
            return ""
        lines = [
            self.tr("<b>x* = {0}</b> (numpy.linalg.lstsq; coefficients of 1, x, x², …)").format(vec(fit.coef, 4)),
            self.tr("QR (A = QR, R x* = Qᵀb): {0}").format(vec(fit.coef_qr, 4) if fit.coef_qr is not None else "—"),
            self.tr("Normal equations AᵀA x* = Aᵀb: {0}").format(
                vec(fit.coef_normal, 4) if fit.coef_normal is not None else self.tr("AᵀA is singular")
            ),
            self.tr("Residual r = b − Ax*: ‖r‖² = {0}").format(fmt(fit.rss, 4)),
            self.tr("Aᵀr = {0} — r is at right angles to every column of A").format(vec(fit.at_r, 2)),
            self.tr("cond(A) = {0}, cond(AᵀA) = {1}: QR works with A, not its square").format(
                fmt(fit.cond_a), fmt(fit.cond_normal)
            ),
        ]
        if len(fit.leverage):
            k = int(np.argmax(fit.leverage))
            lines.append(
                self.tr("Largest leverage: point {0}, h = {1} (orange halo; drag it far to see its pull)").format(
                    k, fmt(float(fit.leverage[k]))
                )
            )
        return "<br>".join(lines)
