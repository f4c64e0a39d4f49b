"""The Derivatives lab's chain-rule view: the one-neuron computation graph with values and local derivatives."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.calculus import LOSSES, ChainRule, DerivativesState
from gui import theme
from gui.i18n import translate
from gui.widgets.field_controls import configure_spin, field_label, spec_of
from gui.widgets.plane import configure_plot

# Node positions in the graph's own coordinates: inputs on the left, the loss on the right.
POSITIONS = {
    "w": (0.0, 2.0),
    "x": (0.0, 1.0),
    "b": (0.0, 0.0),
    "z": (2.2, 1.0),
    "a": (4.4, 1.0),
    "L": (6.6, 1.0),
    "y": (6.6, -0.4),
}
EDGES = (("w", "z"), ("x", "z"), ("b", "z"), ("z", "a"), ("a", "L"), ("y", "L"))


def _fmt(v: float) -> str:
    return f"{v:.4g}" if np.isfinite(v) else translate("Derivatives", "undefined")


class ChainGraphView(pg.PlotWidget):
    """Draws nodes (name and value), edges (local derivative) and highlights the path from one input to L."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        plot = self.getPlotItem()
        configure_plot(plot, grid=False)
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.getViewBox().setMouseEnabled(False, False)
        plot.setRange(xRange=(-0.6, 7.6), yRange=(-1.0, 2.6), padding=0)
        self.edge_lines: dict[tuple[str, str], pg.PlotDataItem] = {}
        self.edge_arrows: dict[tuple[str, str], pg.ArrowItem] = {}
        self.edge_labels: dict[tuple[str, str], pg.TextItem] = {}
        for src, dst in EDGES:
            (x0, y0), (x1, y1) = POSITIONS[src], POSITIONS[dst]
            # Stop short of the circles so arrow heads stay visible.
            d = np.hypot(x1 - x0, y1 - y0)
            ux, uy = (x1 - x0) / d, (y1 - y0) / d
            sx, sy, ex, ey = x0 + 0.3 * ux, y0 + 0.3 * uy, x1 - 0.32 * ux, y1 - 0.32 * uy
            line = pg.PlotDataItem([sx, ex], [sy, ey], pen=theme.pen("grey", 0.8))
            angle = np.degrees(np.arctan2(-(ey - sy), ex - sx))
            arrow = pg.ArrowItem(pos=(ex, ey), angle=180 + angle, headLen=14, brush=theme.color("grey"), pen=None)
            label = pg.TextItem("", color=theme.color("fg"), anchor=(0.5, 1.0))
            label.setFont(theme.font(0.9))
            label.setPos((sx + ex) / 2, (sy + ey) / 2 + (0.05 if src != "y" else 0.0))
            for item in (line, arrow, label):
                plot.addItem(item)
            self.edge_lines[(src, dst)], self.edge_arrows[(src, dst)], self.edge_labels[(src, dst)] = line, arrow, label
        xs = [p[0] for p in POSITIONS.values()]
        ys = [p[1] for p in POSITIONS.values()]
        self.nodes = pg.ScatterPlotItem(
            xs,
            ys,
            size=58,
            pxMode=True,
            pen=theme.pen("fg", 0.5),
            brush=[theme.brush(self._node_colour(k), 70) for k in POSITIONS],
        )
        plot.addItem(self.nodes)
        self.node_labels: dict[str, pg.TextItem] = {}
        for key, (x, y) in POSITIONS.items():
            label = pg.TextItem("", color=theme.color("fg"), anchor=(0.5, 0.5))
            label.setFont(theme.font(0.9, bold=True))
            label.setPos(x, y)
            plot.addItem(label)
            self.node_labels[key] = label
        self.captions: dict[str, pg.TextItem] = {}
        for key in ("z", "a", "L"):
            above = key == "L"  # below L the y arrow comes in
            cap = pg.TextItem("", color=theme.color("axis"), anchor=(0.5, 1.0 if above else 0.0))
            cap.setFont(theme.font(0.85))
            cap.setPos(POSITIONS[key][0] - (0.3 if above else 0.0), POSITIONS[key][1] + (0.32 if above else -0.32))
            plot.addItem(cap)
            self.captions[key] = cap

    @staticmethod
    def _node_colour(key: str) -> str:
        return {"w": "orange", "x": "sky", "b": "sky", "y": "grey", "z": "green", "a": "green", "L": "vermillion"}[key]

    def show_graph(self, graph: ChainRule, path_from: str) -> None:
        """Update every label in place and highlight the path from ``path_from`` to L."""
        for node in graph.nodes:
            self.node_labels[node.key].setText(f"{node.label}\n{_fmt(node.value)}")
        for key in self.captions:
            self.captions[key].setText(graph.node(key).formula)
        path = graph.paths[path_from][0]
        on_path = set(zip(path, path[1:], strict=False))
        for src, dst in EDGES:
            label = self.edge_labels[(src, dst)]
            if src == "y":
                label.setText("")
            else:
                e = graph.edge(src, dst)
                label.setText(f"{e.label}\n= {_fmt(e.value)}")
            hot = (src, dst) in on_path
            self.edge_lines[(src, dst)].setPen(theme.pen("orange" if hot else "grey", 1.4 if hot else 0.7))
            self.edge_arrows[(src, dst)].setBrush(theme.color("orange" if hot else "grey"))


class ChainRulePanel(QtWidgets.QWidget):
    """Graph plus inputs (w, x, b, y, loss, path) and the product written out; emits edits as (field, value, final)."""

    edited = QtCore.Signal(str, object, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.view = ChainGraphView()
        self.spins: dict[str, QtWidgets.QDoubleSpinBox] = {}
        form = QtWidgets.QGridLayout()  # two inputs a row: four in one row leave the plot no room at 1280×720
        for i, key in enumerate(("w", "x", "b", "y")):
            fs = spec_of(DerivativesState, f"chain_{key}")
            spin = QtWidgets.QDoubleSpinBox()
            configure_spin(spin, fs)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, name=fs.name: self.edited.emit(name, float(v), True))
            form.addWidget(QtWidgets.QLabel(f"{field_label(fs)} ="), i // 2, 2 * (i % 2))
            form.addWidget(spin, i // 2, 2 * (i % 2) + 1)
            self.spins[key] = spin
        form.setColumnStretch(4, 1)
        choices = QtWidgets.QHBoxLayout()  # a second row: one row of every input is too wide for a projector
        self.loss = QtWidgets.QComboBox()
        for loss in LOSSES:  # shown in the user's language, stored by its name
            self.loss.addItem(translate("Derivatives", loss), loss)
        self.loss.currentIndexChanged.connect(lambda i: self.edited.emit("chain_loss", self.loss.itemData(i), True))
        choices.addWidget(QtWidgets.QLabel(translate("Derivatives", "loss")))
        choices.addWidget(self.loss)
        self.path = QtWidgets.QComboBox()
        self.path.addItems(["dL/dw", "dL/dx", "dL/db"])
        self.path.currentIndexChanged.connect(lambda _i: self.edited.emit("", None, False))
        choices.addWidget(QtWidgets.QLabel(translate("Derivatives", "path")))
        choices.addWidget(self.path)
        choices.addStretch(1)
        self.product = QtWidgets.QLabel("")
        self.product.setWordWrap(True)
        self.product.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.product.setFont(theme.font(1.1))
        lay = QtWidgets.QVBoxLayout(self)
        lay.addWidget(self.view, 1)
        lay.addLayout(form)
        lay.addLayout(choices)
        lay.addWidget(self.product)

    def path_from(self) -> str:
        """Which input's path is highlighted: w, x or b."""
        return self.path.currentText()[-1]

    def display(self, graph: ChainRule, w: float, x: float, b: float, y: float) -> None:
        """Show a graph and make the inputs display its values without emitting."""
        for key, value in (("w", w), ("x", x), ("b", b), ("y", y)):
            with QtCore.QSignalBlocker(self.spins[key]):
                self.spins[key].setValue(value)
        with QtCore.QSignalBlocker(self.loss):
            self.loss.setCurrentIndex(max(0, self.loss.findData(graph.loss)))
        src = self.path_from()
        self.view.show_graph(graph, src)
        dl_da, da_dz = graph.edge("a", "L").value, graph.edge("z", "a").value
        dz = graph.edge(src, "z").value
        product = graph.paths[src][1]
        exact = graph.symbolic[src]
        mark = (
            f"<span style='color:{theme.COLORS['green']}'>✓ equals the symbolic derivative {_fmt(exact)}</span>"
            if graph.matches[src]
            else f"<span style='color:{theme.COLORS['vermillion']}'>symbolic: {_fmt(exact)}</span>"
        )
        self.product.setText(
            f"<b>∂L/∂{src}</b> = ∂L/∂a · ∂a/∂z · ∂z/∂{src} = ({_fmt(dl_da)}) · ({_fmt(da_dz)}) · ({_fmt(dz)})"
            f" = <b>{_fmt(product)}</b> &nbsp; {mark}"
        )
