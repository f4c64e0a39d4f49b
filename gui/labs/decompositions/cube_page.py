"""3×3 matrices in 3-D: the unit cube and its image, det as signed volume, eigenvectors as invariant lines."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.decomp import CUBE_EDGES, DecompositionsResults, DecompositionsState
from engine.linalg import CellError, to_float
from gui import theme
from gui.labs.decompositions.readout import Readout, fmt, message_label, vec
from gui.widgets.field_controls import value_slider
from gui.widgets.matrix_table import MatrixTable
from gui.widgets.plane import configure_plot

__all__ = ["CubePage"]


def _pairs(points: np.ndarray, edges: tuple[tuple[int, int], ...]) -> tuple[np.ndarray, np.ndarray]:
    """x and y arrays for a connect="pairs" line item drawing ``edges`` between ``points``."""
    idx = np.array(edges, dtype=int).reshape(-1)
    return points[idx, 0], points[idx, 1]


class CubePage(QtWidgets.QWidget):
    """An orthographic view (turn and tilt sliders) of the cube before (dashed) and after A (solid)."""

    def __init__(self, lab) -> None:
        super().__init__()
        self.lab = lab
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setObjectName("cubePlot")
        self.plot_widget.setAccessibleName(self.tr("The unit cube and its image under the 3×3 matrix A"))
        self.plot_widget.setMinimumSize(360, 300)
        plot = self.plot_widget.getPlotItem()
        configure_plot(plot, equal=True, grid=False)
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        self.axes = pg.PlotDataItem([], [], pen=theme.pen("grey", 0.7), connect="pairs")
        self.before = pg.PlotDataItem([], [], pen=theme.pen("grey", 0.9, "dash"), connect="pairs")
        self.after = pg.PlotDataItem([], [], pen=theme.pen("blue", 1.3), connect="pairs")
        self.eigen = pg.PlotDataItem([], [], pen=theme.pen("green", 1.1, "dash"), connect="pairs")
        for item in (self.axes, self.before, self.eigen, self.after):
            plot.addItem(item)
        self.axis_labels = []
        for name in "xyz":
            label = pg.TextItem(name, color=theme.color("grey"), anchor=(0.5, 0.5))
            label.setFont(theme.font(1.0, bold=True))
            plot.addItem(label)
            self.axis_labels.append(label)
        self.eigen_labels: list[pg.TextItem] = []

        self.table = MatrixTable(3, 3)
        self.table.setObjectName("cubeMatrix")
        self.table.setAccessibleName(self.tr("3×3 matrix A"))
        self.table.matrix_edited.connect(self._on_matrix)
        self.table.cell_rejected.connect(lambda _i, _j, msg: self._on_rejected(msg))
        self.turn = value_slider(DecompositionsState, "azimuth", self.tr("turn"))
        self.tilt = value_slider(DecompositionsState, "elevation", self.tr("tilt"))
        for w, field, name in ((self.turn, "azimuth", self.tr("Turn the view")),
                               (self.tilt, "elevation", self.tr("Tilt the view"))):  # fmt: skip
            w.slider.setAccessibleName(name)
            w.box.setAccessibleName(name)
            w.value_changed.connect(lambda v, final, f=field: self._on_view(f, float(v), final))
        self.cell_message = message_label(self.tr("Matrix entry error"))
        self.message = message_label(self.tr("3-D warning"))
        self.readout = Readout(self.tr("3-D results"))
        self.readout.setObjectName("cubeReadout")

        column = QtWidgets.QWidget()
        col = QtWidgets.QVBoxLayout(column)
        col.addWidget(self.table, 0, QtCore.Qt.AlignmentFlag.AlignHCenter)
        col.addWidget(self.cell_message)
        col.addWidget(self.turn)
        col.addWidget(self.tilt)
        col.addWidget(self.message)
        col.addWidget(self.readout)
        col.addStretch(1)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot_widget, 1)
        lay.addWidget(lab.side_panel(column))

    def _on_view(self, field: str, value: float, final: bool) -> None:
        # Turning the view is looking, not editing: no undo step, but scenes remember it.
        self.lab.quiet_update(**{field: value})
        self.render(self.lab.state(), self.lab.results.get(self.lab.state()))

    def _on_matrix(self, rows: tuple) -> None:
        try:
            typed = tuple(tuple(float(to_float(x)) for x in r) for r in rows)
        except CellError as exc:
            self._on_rejected(str(exc))
            return
        if any(abs(v) > 1e3 for r in typed for v in r):
            self._on_rejected(self.tr("entries must be between −1000 and 1000"))
            return
        self.cell_message.show_text("")
        self.lab.edit(replace(self.lab.state(), svd_matrix=typed), self.tr("Edit matrix"))

    def _on_rejected(self, message: str) -> None:
        text = self.tr("{0}. A keeps its last good entries.").format(message)
        self.cell_message.show_text(text)
        self.lab.error_message(text)

    def render(self, state: DecompositionsState, results: DecompositionsResults) -> None:
        if not self.table.errors() or self.table.values() != state.svd_matrix:
            self.table.set_matrix(state.svd_matrix)
        self.turn.set_value(state.azimuth)
        self.tilt.set_value(state.elevation)
        before, after = results.cube_2d
        self.before.setData(*_pairs(before, CUBE_EDGES))
        self.after.setData(*_pairs(after, CUBE_EDGES))
        axes = np.vstack([np.zeros((3, 2)), results.axes_2d])
        self.axes.setData(*_pairs(axes, ((0, 3), (1, 4), (2, 5))))
        for label, end in zip(self.axis_labels, results.axes_2d, strict=True):
            label.setPos(float(end[0]) * 1.08, float(end[1]) * 1.08)
        ends = np.array([e for _lam, e in results.eigen_2d]).reshape(-1, 2)
        seg = np.empty((2 * len(ends), 2))
        seg[0::2], seg[1::2] = -ends, ends
        self.eigen.setData(seg[:, 0], seg[:, 1])
        while len(self.eigen_labels) < len(ends):
            label = pg.TextItem("", color=theme.color("green"), anchor=(0, 1))
            label.setFont(theme.font(0.95, bold=True))
            self.plot_widget.getPlotItem().addItem(label)
            self.eigen_labels.append(label)
        for k, label in enumerate(self.eigen_labels):
            if k < len(ends):
                label.setText(f"λ = {fmt(results.eigen_2d[k][0])}")
                label.setPos(float(ends[k][0]), float(ends[k][1]))
            else:
                label.setText("")
        reach = float(np.abs(np.vstack([after, axes, seg if len(seg) else axes])).max()) or 1.0
        self.plot_widget.getPlotItem().getViewBox().setRange(xRange=(-reach, reach), yRange=(-reach, reach))
        self.message.show_text(results.cube.message)
        self.readout.show_live(lambda: self.readout_text(results), self.lab.live_quality.live)

    def readout_text(self, results: DecompositionsResults) -> str:
        c = results.cube
        lines = [
            self.tr("<b>det A = {0}</b>: the signed volume of the blue box (the unit cube has volume 1)").format(
                fmt(c.det, 4)
            ),
            self.tr("rank {0}").format(c.rank),
        ]
        for lam, v in c.eigenvectors:
            lines.append(self.tr("λ = {0}, v = {1}: the line through v stays put").format(fmt(lam, 4), vec(v)))
        if len(c.eigenvectors) < 3:
            lines.append(self.tr("The other eigenvalues are complex: A turns those directions."))
        return "<br>".join(lines)
