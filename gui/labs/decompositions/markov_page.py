"""Markov chains and PageRank: an editable graph, its transition matrix, power iteration and the random surfer."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6 import QtWidgets

from engine.decomp import MAX_NODES, DecompositionsResults, DecompositionsState, walk
from gui import theme
from gui.labs.decompositions.readout import Readout, fmt, message_label, vec
from gui.widgets.field_controls import value_slider
from gui.widgets.plane import PlaneWidget, configure_plot
from gui.widgets.vector_item import VectorItem

__all__ = ["MarkovPage"]


class MarkovPage(QtWidgets.QWidget):
    """The graph (drag nodes; halo size = PageRank) and the controls that edit it."""

    def __init__(self, lab) -> None:
        super().__init__()
        self.lab = lab
        self.plane = PlaneWidget(view=(-3.5, 3.5, -3.0, 3.0))
        self.plane.setObjectName("markovPlane")
        self.plane.setAccessibleName(self.tr("Graph of the Markov chain; node size shows the stationary probability"))
        self.plane.setMinimumSize(360, 300)
        self.plane.getPlotItem().showGrid(False, False)
        plot = self.plane.getPlotItem()
        self.edge_lines = pg.PlotDataItem([], [], pen=theme.pen("grey", 1.0), connect="pairs")
        self.heads = pg.ScatterPlotItem([], [], pen=None, brush=theme.brush("grey", 255))
        self.halo = pg.ScatterPlotItem([], [], pen=None, brush=theme.brush("orange", 110))
        for item in (self.halo, self.edge_lines, self.heads):
            plot.addItem(item, ignoreBounds=True)
        self.node_items: list[VectorItem] = []
        self._walk_key: tuple | None = None
        self._walk_counts: np.ndarray | None = None
        self._shown_error: np.ndarray | None = None

        self.damping = value_slider(DecompositionsState, "damping", self.tr("d"))
        self.damping.slider.setAccessibleName(self.tr("Damping factor d"))
        self.damping.box.setAccessibleName(self.tr("Damping factor d, typed"))
        self.damping.value_changed.connect(lambda v, final: self._slide("damping", float(v), final))
        self.steps = value_slider(DecompositionsState, "power_steps", self.tr("steps"))
        self.steps.slider.setAccessibleName(self.tr("Power iteration steps"))
        self.steps.box.setAccessibleName(self.tr("Power iteration steps, typed"))
        self.steps.value_changed.connect(lambda v, final: self._slide("power_steps", int(round(v)), final))
        self.walk_steps = value_slider(DecompositionsState, "walk_steps", self.tr("walk"))
        self.walk_steps.slider.setAccessibleName(self.tr("Random walker steps"))
        self.walk_steps.box.setAccessibleName(self.tr("Random walker steps, typed"))
        self.walk_steps.value_changed.connect(lambda v, final: self._slide("walk_steps", int(round(v)), final))
        self.src, self.dst = QtWidgets.QSpinBox(), QtWidgets.QSpinBox()
        self.src.setAccessibleName(self.tr("Edge from node"))
        self.dst.setAccessibleName(self.tr("Edge to node"))
        self.toggle_edge = QtWidgets.QPushButton(self.tr("Add / remove edge"))
        self.toggle_edge.setAccessibleName(self.tr("Add or remove the edge between the chosen nodes"))
        self.toggle_edge.clicked.connect(self._toggle_edge)
        self.add_node = QtWidgets.QPushButton(self.tr("Add node"))
        self.add_node.clicked.connect(self._add_node)
        self.remove_node = QtWidgets.QPushButton(self.tr("Remove last node"))
        self.remove_node.clicked.connect(self._remove_node)
        self.convergence = pg.PlotWidget()
        self.convergence.setObjectName("powerIterationPlot")
        self.convergence.setAccessibleName(self.tr("Power iteration error per step"))
        self.convergence.setFixedHeight(150)
        cplot = self.convergence.getPlotItem()
        configure_plot(cplot)
        cplot.setTitle(self.tr("log₁₀ ‖πₜ − π‖₁ per power-iteration step"))
        self.error_curve = pg.PlotDataItem([], [], pen=theme.pen("blue", 1.0), symbol="o", symbolSize=5,
                                           symbolBrush=theme.color("blue"))  # fmt: skip
        cplot.addItem(self.error_curve)
        self.message = message_label(self.tr("Markov chain warning"))
        self.readout = Readout(self.tr("PageRank results"))
        self.readout.setObjectName("markovReadout")

        column = QtWidgets.QWidget()
        col = QtWidgets.QVBoxLayout(column)
        for w in (self.damping, self.steps, self.walk_steps):
            col.addWidget(w)
        edge_row = QtWidgets.QHBoxLayout()
        edge_row.addWidget(self.src)
        edge_row.addWidget(QtWidgets.QLabel("→"))
        edge_row.addWidget(self.dst)
        edge_row.addStretch(1)
        col.addLayout(edge_row)
        col.addWidget(self.toggle_edge)  # its own row: beside the node boxes it widens a presenter column
        node_row = QtWidgets.QHBoxLayout()
        node_row.addWidget(self.add_node)
        node_row.addWidget(self.remove_node)
        col.addLayout(node_row)
        col.addWidget(self.convergence)
        col.addWidget(self.message)
        col.addWidget(self.readout)
        col.addStretch(1)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plane, 1)
        lay.addWidget(lab.side_panel(column))

    # --- user actions -----------------------------------------------------------------------------------------------
    def _slide(self, field: str, value: float, final: bool) -> None:
        state = replace(self.lab.state(), **{field: value})
        if final:  # a key, a click or the release of a drag
            self.lab.edit(state, self.tr("Change {0}").format(field))
        else:
            self.lab.preview(state)

    def _on_drag(self, k: int, pos: tuple[float, float]) -> None:
        nodes = list(self.lab.state().nodes)
        nodes[k] = (float(np.clip(pos[0], -10, 10)), float(np.clip(pos[1], -10, 10)))
        self.lab.preview(replace(self.lab.state(), nodes=tuple(nodes)))

    def _toggle_edge(self) -> None:
        s = self.lab.state()
        edge = (self.src.value(), self.dst.value())
        edges = tuple(e for e in s.edges if e != edge) if edge in s.edges else (*s.edges, edge)
        text = self.tr("Remove edge") if edge in s.edges else self.tr("Add edge")
        self.lab.edit(replace(s, edges=edges), text)

    def _add_node(self) -> None:
        s = self.lab.state()
        if len(s.nodes) >= MAX_NODES:
            self.lab.error_message(self.tr("At most {0} nodes.").format(MAX_NODES))
            return
        angle = 0.7 * len(s.nodes)
        new = (*s.nodes, (round(2.5 * np.cos(angle), 2), round(2.5 * np.sin(angle), 2)))
        self.lab.edit(replace(s, nodes=new), self.tr("Add node"))

    def _remove_node(self) -> None:
        s = self.lab.state()
        if len(s.nodes) <= 1:
            self.lab.error_message(self.tr("A chain needs at least one node."))
            return
        last = len(s.nodes) - 1
        edges = tuple(e for e in s.edges if last not in e)
        self.lab.edit(replace(s, nodes=s.nodes[:-1], edges=edges), self.tr("Remove node"))

    # --- showing a state --------------------------------------------------------------------------------------------
    def _sync_items(self, n: int) -> None:
        plot = self.plane.getPlotItem()
        while len(self.node_items) < n:
            k = len(self.node_items)
            item = VectorItem(color="blue", arrow=False, label=str(k), handle_px=11)
            item.setZValue(10)
            item.sigDragged.connect(lambda _it, pos, k=k: self._on_drag(k, pos))
            item.sigDragFinished.connect(lambda _it, _pos: self.lab.commit(self.tr("Drag node")))
            plot.addItem(item, ignoreBounds=True)
            self.node_items.append(item)
        while len(self.node_items) > n:
            plot.removeItem(self.node_items.pop())

    def render(self, state: DecompositionsState, results: DecompositionsResults) -> None:
        m = results.markov
        nodes = np.array(state.nodes, dtype=float)
        self._sync_items(len(nodes))
        for item, p in zip(self.node_items, nodes, strict=True):
            if not item.is_dragging():
                item.set_tip((float(p[0]), float(p[1])))
        for w, field in ((self.damping, "damping"), (self.steps, "power_steps"), (self.walk_steps, "walk_steps")):
            w.set_value(getattr(state, field))
        for box in (self.src, self.dst):
            if box.maximum() != len(nodes) - 1:  # setRange re-lays out the column even when nothing changed
                box.setRange(0, len(nodes) - 1)
        seg, heads = [], []
        for i, j in state.edges:
            if i == j or max(i, j) >= len(nodes):
                continue
            a, b = nodes[i], nodes[j]
            d = b - a
            length = float(np.hypot(*d)) or 1.0
            side = np.array([-d[1], d[0]]) * (0.09 / length)  # i→j and j→i run side by side, not on one line
            start, end = a + d * (0.25 / length) + side, b - d * (0.32 / length) + side
            seg += [start, end]
            heads.append(end)
        seg_arr = np.array(seg).reshape(-1, 2)
        self.edge_lines.setData(seg_arr[:, 0], seg_arr[:, 1])
        head_arr = np.array(heads).reshape(-1, 2)
        self.heads.setData(head_arr[:, 0], head_arr[:, 1], size=9, symbol="o")
        self.halo.setData(nodes[:, 0], nodes[:, 1], size=20 + 160 * m.stationary)
        if m.power_error is not self._shown_error:  # a node drag leaves the chain (a cached result) alone
            self._shown_error = m.power_error
            err = np.log10(np.maximum(m.power_error, 1e-16))  # an exact 0 has no logarithm
            self.error_curve.setData(np.arange(len(err)), err)
        self.message.show_text(m.message)
        self.readout.show_live(lambda: self.readout_text(state, results), self.lab.live_quality.live)

    def readout_text(self, state: DecompositionsState, results: DecompositionsResults) -> str:
        m = results.markov
        key = (m.google.tobytes(), state.walk_steps, state.seed)
        if key != self._walk_key:  # a node drag does not change the chain: keep the walk
            self._walk_key = key
            self._walk_counts = walk(m.google, state.walk_steps, state.seed) if state.walk_steps else None
        counts = self._walk_counts
        rows = "<br>".join("&nbsp;&nbsp;" + vec(r, 2) for r in m.transition)
        lines = [
            self.tr("<b>PageRank π = {0}</b> (eigenvector of Gᵀ for eigenvalue 1)").format(vec(m.stationary, 3)),
            self.tr("Dense solve (I − d Pᵀ) π = (1 − d)/N: {0}").format(vec(m.stationary_solve, 3)),
            self.tr("Power iteration, step {0}: {1}; ‖πₜ − π‖₁ = {2}").format(
                state.power_steps, vec(m.power[-1], 3), fmt(float(m.power_error[-1]), 3)
            ),
            self.tr("|λ₂| = {0}: the error shrinks by about this factor each step").format(fmt(m.second_eigenvalue, 3)),
        ]
        if counts is not None:
            lines.append(self.tr("A walker's {0} steps: {1}").format(state.walk_steps, vec(counts / counts.sum(), 3)))
        lines.append(self.tr("Transition matrix P (row i: where node i goes):") + "<br>" + rows)
        return "<br>".join(lines)
