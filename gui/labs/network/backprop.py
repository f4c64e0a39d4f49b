"""Backpropagation made visible: one training point's forward values and backward gradients on the network diagram."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.nn import BackpropTrace
from gui import theme
from gui.fit import MAIN_PLOT_MIN
from gui.i18n import translate
from gui.widgets.reflow import SIDE_MIN, Reflow


def _f(v: float, digits: int = 3) -> str:
    """Short, readable number: 3 significant digits, exponent without padding zeros, a real minus sign."""
    text = f"{v:.{digits}g}"
    if "e" in text:
        mant, exp = text.split("e")
        text = f"{mant}e{int(exp)}"
    return text.replace("-", "−")


class BackpropView(QtWidgets.QWidget):
    """Diagram (node = value a and dL/da; edge width = |dL/dW|) and the chain rule written out for a clicked unit."""

    probe_changed = QtCore.Signal(int)
    open_derivatives = QtCore.Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.diagram = pg.PlotWidget()
        plot = self.diagram.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.getViewBox().setMouseEnabled(False, False)
        self.graph = pg.GraphItem()  # draws the edges; its own node symbols are hidden, see ``nodes``
        plot.addItem(self.graph)
        self.graph.scatter.hide()
        # the units, above the labels (whose backing hides edges but must not hide a unit)
        self.nodes = pg.ScatterPlotItem(pxMode=True)
        self.nodes.setZValue(2)
        plot.addItem(self.nodes)
        self.nodes.sigClicked.connect(self._on_node_clicked)
        plot.getViewBox().sigResized.connect(self._fit_view)
        self.labels: list[pg.TextItem] = []
        self.details = QtWidgets.QTextBrowser()
        self.details.setObjectName("backprop_details")
        self.details.setMinimumWidth(280)
        self.probe = QtWidgets.QSpinBox()
        self.probe.setObjectName("probe_point")
        self.probe.setPrefix(translate("Network", "training point #"))
        self.probe_info = QtWidgets.QLabel()
        self.probe_info.setWordWrap(True)
        note = QtWidgets.QLabel(
            translate(
                "Network",
                "With no hidden layer the network is logistic regression, p = σ(w·x + b): its backprop is the "
                "one-variable chain rule dL/dw = dL/dp · dp/dz · dz/dw of the Derivatives lab.",
            )
        )
        note.setWordWrap(True)
        self.derivatives_button = QtWidgets.QPushButton(translate("Network", "Open the Derivatives lab"))
        self.derivatives_button.clicked.connect(self.open_derivatives)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.probe)
        top.addWidget(self.probe_info, 1)
        side_pane = QtWidgets.QWidget()
        side = QtWidgets.QVBoxLayout(side_pane)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.details, 1)
        side.addWidget(note)
        side.addWidget(self.derivatives_button)
        body = QtWidgets.QBoxLayout(QtWidgets.QBoxLayout.Direction.LeftToRight)
        body.addWidget(self.diagram, 3)
        body.addWidget(side_pane, 2)
        direction = QtWidgets.QBoxLayout.Direction
        # a narrow tab (1024 × 768 with the Lessons panel): the diagram the full width, the chain rule under it
        self.reflow = Reflow(self, MAIN_PLOT_MIN + SIDE_MIN + 8, (self.diagram, side_pane),
                             lambda narrow: body.setDirection(direction.TopToBottom if narrow
                                                              else direction.LeftToRight))  # fmt: skip
        lay = QtWidgets.QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(body, 1)
        self.probe.valueChanged.connect(lambda v: self.probe_changed.emit(v - 1))
        self._sizes: tuple[int, ...] = ()
        self._pos = np.zeros((0, 2))
        self._node_ids: list[tuple[int, int]] = []
        self.selected: tuple[int, int] | None = None
        self._trace: BackpropTrace | None = None
        self._loss = "logloss"

    def set_probe_range(self, n_train: int, probe: int) -> None:
        """Limit the point picker to the training set (shown 1-based)."""
        self.probe.blockSignals(True)
        self.probe.setRange(1, max(n_train, 1))
        self.probe.setValue(probe + 1)
        self.probe.blockSignals(False)

    def _layout_nodes(self, sizes: tuple[int, ...]) -> None:
        self._sizes = sizes
        pos, ids = [], []
        for k, m in enumerate(sizes):
            for i in range(m):
                pos.append((k * 3.0, (m - 1) / 2 - i))
                ids.append((k, i))
        self._pos, self._node_ids = np.array(pos), ids
        plot = self.diagram.getPlotItem()
        for label in self.labels:
            plot.removeItem(label)
        self.labels = []
        for k, _ in ids:
            # neighbouring layers put their labels on opposite sides of the node so they never collide
            anchor = (1.12, 0.5) if k == 0 else ((0.5, 1.25) if k % 2 else (0.5, -0.3))
            # a backing of the background colour keeps the numbers readable where edges cross under them
            label = pg.TextItem(anchor=anchor, color=theme.color("fg"), fill=pg.mkBrush(theme.color("bg", 215)))
            label.setZValue(1)
            label.setFont(theme.font(0.75))
            plot.addItem(label)
            self.labels.append(label)
        if self.selected is None or self.selected[0] >= len(sizes) or self.selected[1] >= sizes[self.selected[0]]:
            self.selected = (len(sizes) - 1, 0)
        self._fit_view()

    def _fit_view(self, *_args) -> None:
        """Show every layer with a fixed number of pixels on the left for the input labels (they sit left of x)."""
        if not self._sizes:
            return
        vb = self.diagram.getPlotItem().getViewBox()
        span = 3.0 * (len(self._sizes) - 1) + 0.9
        label_px = 12.5 * theme.current().font_pt  # "∂L/∂x = −0.00029" in the labels' font, plus a gap
        width = max(vb.width(), 2.5 * label_px)
        left = span * label_px / (width - label_px)
        height = max(self._sizes)
        vb.setRange(xRange=(-left, span), yRange=(-height / 2 - 0.2, height / 2), padding=0.02)

    def show_trace(self, trace: BackpropTrace, loss: str) -> None:
        """Draw the trace: nodes coloured by value, edges by dL/dW (orange +, blue −), widths by |dL/dW|."""
        self._trace, self._loss = trace, loss
        sizes = tuple(len(a) for a in trace.a)
        if sizes != self._sizes:
            self._layout_nodes(sizes)
        start = np.cumsum((0, *sizes))
        adj, pens = [], []
        gmax = max((float(np.abs(g).max()) for g in trace.grad_w), default=1.0) or 1.0
        w_base = theme.current().line_width
        for k, g in enumerate(trace.grad_w):
            for i in range(g.shape[0]):
                for j in range(g.shape[1]):
                    adj.append((start[k] + j, start[k + 1] + i))
                    c = theme.color("orange" if g[i, j] > 0 else "blue")
                    width = 0.5 + 2.2 * w_base * abs(g[i, j]) / gmax
                    pens.append((c.red(), c.green(), c.blue(), 220, width))
        pen_arr = np.array(
            pens,
            dtype=[("red", np.ubyte), ("green", np.ubyte), ("blue", np.ubyte), ("alpha", np.ubyte), ("width", float)],
        )
        brushes = []
        for k, i in self._node_ids:
            selected = (k, i) == self.selected
            brushes.append(pg.mkBrush(theme.color("vermillion" if selected else "sky")))
        self.graph.setData(pos=self._pos, adj=np.array(adj, dtype=int).reshape(-1, 2), pen=pen_arr, size=0)
        self.nodes.setData(
            pos=self._pos, size=26, brush=brushes, pen=theme.pen("fg", 0.4), data=list(range(len(brushes)))
        )
        for label, (k, i), p in zip(self.labels, self._node_ids, self._pos, strict=True):
            name = "p" if k == len(sizes) - 1 else ("x" if k == 0 else "a")
            label.setText(f"{name} = {_f(trace.a[k][i])}\n∂L/∂{name} = {_f(trace.grad_a[k][i], 2)}")
            label.setPos(*p)
        cls = translate("Network", "orange (1)") if trace.label else translate("Network", "blue (0)")
        self.probe_info.setText(
            translate(
                "Network",
                "x = ({0}, {1}), class {2}: p = {3}, loss = {4}. Edges: width ∝ |∂L/∂w|, orange +, blue −. Click a "
                "unit for its chain rule.",
            ).format(_f(trace.x[0]), _f(trace.x[1]), cls, _f(trace.probability), _f(trace.loss))
        )
        self._write_details()

    def _on_node_clicked(self, _item, points, _ev=None) -> None:
        if not len(points):
            return
        idx = int(points[0].index())
        self.selected = self._node_ids[idx]
        if self._trace is not None:
            self.show_trace(self._trace, self._loss)

    def _write_details(self) -> None:
        t = self._trace
        if t is None or self.selected is None:
            return
        k, i = self.selected
        last = len(t.a) - 1
        rows = []
        if k == 0:
            rows.append(f"<h3>Input x{i + 1} = {_f(t.a[0][i])}</h3>")
            rows.append(
                f"∂L/∂x{i + 1} = Σ<sub>r</sub> W1[r,{i + 1}] · ∂L/∂z<sub>r</sub> = <b>{_f(t.grad_a[0][i])}</b>"
                " (how the loss would change if this point moved)"
            )
        else:
            unit = "output p" if k == last else f"layer {k}, unit {i + 1}"
            f_name = "σ" if k == last else "f"
            w, a_in = t.weights[k - 1][i], t.a[k - 1]
            terms = " + ".join(f"{_f(wj)}·{_f(aj)}" for wj, aj in zip(w[:4], a_in[:4], strict=False))
            more = " + …" if len(w) > 4 else ""
            rows.append(f"<h3>{unit}</h3><b>Forward</b><br>")
            bias = float(t.bias[k - 1][i])
            rows.append(f"z = Σ w·a + b = {terms}{more} + {_f(bias)}")
            rows.append(f" = <b>{_f(t.z[k - 1][i])}</b><br>a = {f_name}(z) = <b>{_f(t.a[k][i])}</b><br><br>")
            rows.append("<b>Backward</b> (local derivative × upstream)<br>")
            if k == last:
                grad_rule = "p − y" if self._loss == "logloss" else "2(p − y)·p(1 − p)"
                rows.append(
                    f"∂L/∂z = {grad_rule} = <b>{_f(t.grad_z[k - 1][i])}</b> for one point "
                    f"({'log-loss' if self._loss == 'logloss' else 'squared error'})<br>"
                )
            else:
                rows.append(f"upstream ∂L/∂a = Σ W{k + 1}[r,{i + 1}]·∂L/∂z<sub>r</sub> = {_f(t.grad_a[k][i])}<br>")
                rows.append(
                    f"∂L/∂z = f′(z) × ∂L/∂a = {_f(t.slope[k - 1][i])} × {_f(t.grad_a[k][i])} "
                    f"= <b>{_f(t.grad_z[k - 1][i])}</b><br>"
                )
            rows.append("<br><b>Incoming weights</b>: ∂L/∂w = a<sub>in</sub> (local) × ∂L/∂z (upstream)<br>")
            src = "x" if k == 1 else "a"
            for j, aj in enumerate(a_in):
                rows.append(
                    f"w[{i + 1},{j + 1}] from {src}{j + 1}: {_f(aj)} × {_f(t.grad_z[k - 1][i])} = "
                    f"<b>{_f(t.grad_w[k - 1][i, j])}</b><br>"
                )
            rows.append(f"bias: 1 × {_f(t.grad_z[k - 1][i])} = <b>{_f(t.grad_b[k - 1][i])}</b>")
        self.details.setHtml("".join(rows))
