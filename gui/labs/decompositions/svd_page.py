"""The SVD as rotate–stretch–rotate: the unit circle, its image ellipse, singular vectors and values."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.decomp import DecompositionsResults, DecompositionsState
from engine.linalg import CellError, to_float
from gui import theme
from gui.labs.decompositions.readout import Readout, fmt, message_label, vec
from gui.widgets.matrix_table import MatrixTable
from gui.widgets.plane import PlaneWidget
from gui.widgets.vector_item import VectorItem

__all__ = ["SvdPage"]


class SvdPage(QtWidgets.QWidget):
    """Matrix editor (2×2 or 3×3) and the picture A v_i = σ_i u_i."""

    def __init__(self, lab) -> None:
        super().__init__()
        self.lab = lab
        self.plane = PlaneWidget(view=(-4.0, 4.0, -4.0, 4.0))
        self.plane.setObjectName("svdPlane")
        self.plane.setAccessibleName(self.tr("Unit circle and its image under A"))
        self.plane.setMinimumSize(360, 300)
        plot = self.plane.getPlotItem()
        self.circle = pg.PlotDataItem([], [], pen=theme.pen("grey", 0.8, "dash"))
        self.ellipse = pg.PlotDataItem([], [], pen=theme.pen("blue", 1.2))
        for item in (self.circle, self.ellipse):
            plot.addItem(item, ignoreBounds=True)
        self.v_items = [VectorItem(color="green", label=f"v{i + 1}", draggable=False, style="dash") for i in range(2)]
        self.u_items = [VectorItem(color="vermillion", label=f"σ{i + 1}u{i + 1}", draggable=False) for i in range(2)]
        for item in (*self.v_items, *self.u_items):
            plot.addItem(item, ignoreBounds=True)

        self.size = QtWidgets.QComboBox()
        self.size.setAccessibleName(self.tr("Matrix size"))
        self.size.addItem("2 × 2", 2)
        self.size.addItem(self.tr("3 × 3 (the picture shows the x–y plane)"), 3)
        self.size.currentIndexChanged.connect(self._on_size)
        self.table = MatrixTable(2, 2)
        self.table.setObjectName("svdMatrix")
        self.table.setAccessibleName(self.tr("Matrix A"))
        self.table.matrix_edited.connect(self._on_matrix)
        self.table.cell_rejected.connect(lambda _i, _j, msg: self._on_rejected(msg))
        self.cell_message = message_label(self.tr("Matrix entry error"))
        self.message = message_label(self.tr("SVD warning"))
        self.readout = Readout(self.tr("SVD results"))
        self.readout.setObjectName("svdReadout")

        column = QtWidgets.QWidget()
        col = QtWidgets.QVBoxLayout(column)
        col.addWidget(self.size)
        col.addWidget(self.table, 0, QtCore.Qt.AlignmentFlag.AlignHCenter)
        col.addWidget(self.cell_message)
        col.addWidget(self.message)
        col.addWidget(self.readout)
        col.addStretch(1)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plane, 1)
        lay.addWidget(lab.side_panel(column))

    def _on_size(self, index: int) -> None:
        self.lab.edit(replace(self.lab.state(), svd_size=self.size.itemData(index)), self.tr("Matrix size"))

    def _on_matrix(self, rows: tuple) -> None:
        try:
            typed = [[to_float(x) for x in r] for r in rows]
        except CellError as exc:
            self._on_rejected(str(exc))
            return
        if any(abs(v) > 1e3 for r in typed for v in r):
            self._on_rejected(self.tr("entries must be between −1000 and 1000"))
            return
        full = [list(r) for r in self.lab.state().svd_matrix]
        for i, r in enumerate(typed):
            full[i][: len(r)] = r
        self.cell_message.show_text("")
        new = tuple(tuple(float(v) for v in r) for r in full)
        self.lab.edit(replace(self.lab.state(), svd_matrix=new), self.tr("Edit matrix"))

    def _on_rejected(self, message: str) -> None:
        text = self.tr("{0}. A keeps its last good entries.").format(message)
        self.cell_message.show_text(text)
        self.lab.error_message(text)

    def render(self, state: DecompositionsState, results: DecompositionsResults) -> None:
        n = state.svd_size
        with QtCore.QSignalBlocker(self.size):
            self.size.setCurrentIndex(n - 2)
        shown = tuple(tuple(r[:n]) for r in state.svd_matrix[:n])
        if not self.table.errors() or self.table.values() != shown:
            self.table.set_matrix(shown)
        f = results.svd
        self.circle.setData(results.circle[0], results.circle[1])
        self.ellipse.setData(results.ellipse[0], results.ellipse[1])
        for i in range(2):
            v = f.vt[i][:2]
            u = f.u[:2, i] * f.s[i]
            self.v_items[i].set_tip((float(v[0]), float(v[1])))
            self.u_items[i].set_tip((float(u[0]), float(u[1])))
        self.message.show_text(f.message)
        self.readout.show_live(lambda: self.readout_text(results), self.lab.live_quality.live)

    def readout_text(self, results: DecompositionsResults) -> str:
        f = results.svd
        pinv = "<br>".join("&nbsp;&nbsp;" + vec(r) for r in f.pinv)
        return "<br>".join(
            [
                self.tr("<b>Singular values σ = {0}</b> (numpy.linalg.svd)").format(vec(f.s, 4)),
                self.tr("A = U Σ Vᵀ: turn by Vᵀ, stretch by σ, turn by U. A v_i = σ_i u_i."),
                self.tr("rank {0}; condition number σ₁/σₙ = {1}; det A = {2}").format(
                    f.rank, fmt(f.cond, 4), fmt(f.det, 4)
                ),
                self.tr("|det A| = product of the σ: {0}").format(fmt(float(np.prod(f.s)), 4)),
                self.tr("Pseudo-inverse A⁺ = V Σ⁺ Uᵀ:") + "<br>" + pinv,
            ]
        )
