"""PCA on real data: the scree plot, the biplot of the first two components, a row rebuilt from k components."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.datasets import DataError, read_csv_table
from engine.decomp import (
    PCA_DATASETS,
    DecompositionsResults,
    DecompositionsState,
    PcaData,
    pca_data_from_table,
    pca_view,
)
from gui import theme
from gui.labs.decompositions.readout import Readout, fmt, message_label
from gui.widgets.field_controls import configure_spin, spec_of, value_slider
from gui.widgets.plane import configure_plot

__all__ = ["PcaPage", "label_anchors"]

GROUP_COLORS = ("blue", "orange", "green", "purple", "sky", "vermillion")


def label_anchors(ends: np.ndarray, scale: float) -> list[tuple[float, float]]:
    """Text anchors for the loading arrows' names: beside the tip on the arrow's side, running inwards; names whose
    tips are close (names are wide: within 0.9 ``scale`` across and 0.25 ``scale`` up or down) are stacked one line
    apart, the highest tip on top."""
    n = len(ends)
    group = list(range(n))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            dx, dy = np.abs(ends[i] - ends[j])
            if dx < 0.9 * scale and dy < 0.25 * scale:
                group[root(j)] = root(i)
    anchors = [(0.5, 0.5)] * n
    for r in {root(i) for i in range(n)}:
        members = sorted((i for i in range(n) if root(i) == r), key=lambda i: -ends[i, 1])
        # pyqtgraph: a larger y anchor lifts the text above its point; x anchor 1 ends the text at the tip, so a
        # name runs inwards from its tip and never past the plot's edge
        top = (1.0 if ends[members[0], 1] >= 0 else 0.0) if len(members) == 1 else 0.5 + (len(members) - 1) / 2
        for rank, i in enumerate(members):
            short = float(np.hypot(*ends[i])) < 0.2 * scale  # near the origin: run away from where the rest point
            anchors[i] = (1.0 if (float(np.sum(ends[:, 0])) if short else ends[i, 0]) > 0 else 0.0, top - rank)
    return anchors


class PcaPage(QtWidgets.QWidget):
    """Scree and biplot on the left; data set, scaling, k and the row to rebuild on the right."""

    def __init__(self, lab) -> None:
        super().__init__()
        self.lab = lab
        self.view = pg.GraphicsLayoutWidget()
        self.view.setObjectName("pcaView")
        self.view.setAccessibleName(self.tr("Scree plot and biplot of the first two principal components"))
        self.view.setMinimumSize(420, 320)
        self.scree = self.view.addPlot(row=0, col=0)
        configure_plot(self.scree)
        self.scree.setLabel("bottom", self.tr("component"))
        self.scree.setLabel("left", self.tr("share of variance"))
        self.scree.setYRange(0, 1.02, padding=0)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=theme.brush("blue", 160))
        self.cumulative = pg.PlotDataItem([], [], pen=theme.pen("vermillion", 1.0), symbol="o", symbolSize=7,
                                          symbolBrush=theme.color("vermillion"))  # fmt: skip
        self.scree.addItem(self.bars)
        self.scree.addItem(self.cumulative)
        self.biplot = self.view.addPlot(row=0, col=1)
        configure_plot(self.biplot, equal=True)
        self.biplot.setLabel("bottom", "PC1")
        self.biplot.setLabel("left", "PC2")
        self.scatter = pg.ScatterPlotItem([], [], size=6, pen=None)
        self.chosen = pg.ScatterPlotItem([], [], size=16, pen=theme.pen("black", 1.0), brush=None)
        self.arrows = pg.PlotDataItem([], [], pen=theme.pen("vermillion", 1.0), connect="pairs")
        self.biplot.addItem(self.scatter)
        self.biplot.addItem(self.arrows)
        self.biplot.addItem(self.chosen)
        self.arrow_labels: list[pg.TextItem] = []
        self.view.ci.layout.setColumnStretchFactor(0, 2)
        self.view.ci.layout.setColumnStretchFactor(1, 3)

        self.dataset = QtWidgets.QComboBox()
        self.dataset.setAccessibleName(self.tr("Data set"))
        titles = {"penguins": self.tr("Palmer penguins (4 measurements)"), "iris": self.tr("Fisher's iris flowers")}
        for key in PCA_DATASETS:
            self.dataset.addItem(titles.get(key, key), key)
        self.dataset.currentIndexChanged.connect(self._on_dataset)
        self.standardise = QtWidgets.QCheckBox(self.tr("Standardise each column"))
        self.standardise.setToolTip(self.tr("Divide each column by its spread, so that no unit dominates"))
        self.standardise.setAccessibleName(self.tr("Standardise the columns"))
        self.standardise.toggled.connect(
            lambda on: self.lab.edit(replace(self.lab.state(), pca_standardise=on), self.tr("Standardise"))
        )
        self.k_slider = value_slider(DecompositionsState, "pca_k", self.tr("k"))
        self.k_slider.slider.setAccessibleName(self.tr("Number of components kept"))
        self.k_slider.box.setAccessibleName(self.tr("Number of components kept, typed"))
        self.k_slider.value_changed.connect(self._on_k)
        self.row = QtWidgets.QSpinBox()
        configure_spin(self.row, spec_of(DecompositionsState, "pca_row"))
        self.row.setAccessibleName(self.tr("Row to rebuild"))
        self.row.setKeyboardTracking(False)
        self.row.valueChanged.connect(lambda v: self.lab.edit(replace(self.lab.state(), pca_row=v), self.tr("Row")))
        self.own: PcaData | None = None
        self.own_name = ""
        self.open_button = QtWidgets.QPushButton(self.tr("Open your own CSV…"))
        self.open_button.setAccessibleName(self.tr("Open a CSV file of numeric columns"))
        self.open_button.clicked.connect(self._open_dialog)
        self.bundled_button = QtWidgets.QPushButton(self.tr("Back to the bundled data"))
        self.bundled_button.clicked.connect(self.use_bundled)
        self.message = message_label(self.tr("PCA warning"))
        self.readout = Readout(self.tr("PCA results"))
        self.readout.setObjectName("pcaReadout")

        column = QtWidgets.QWidget()
        col = QtWidgets.QVBoxLayout(column)
        col.addWidget(self.dataset)
        buttons = QtWidgets.QVBoxLayout()  # stacked: side by side they widen a presenter column past the window
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.bundled_button)
        col.addLayout(buttons)
        col.addWidget(self.standardise)
        col.addWidget(self.k_slider)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Rebuild row"), self.row)
        col.addLayout(form)
        col.addWidget(self.message)
        col.addWidget(self.readout)
        col.addStretch(1)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view, 1)
        lay.addWidget(lab.side_panel(column))

    def load_csv(self, path: str) -> bool:
        """Use a CSV of the user's (through the one CSV reader) instead of the bundled data; False with a message."""
        try:
            data = pca_data_from_table(read_csv_table(path))
        except DataError as exc:
            text = self.tr("Cannot use {0}: {1}").format(path, str(exc))
            self.message.show_text(text)
            self.lab.error_message(text)
            return False
        self.own, self.own_name = data, QtCore.QFileInfo(path).fileName()
        self.lab.edit(replace(self.lab.state(), pca_row=0), self.tr("Open CSV"))
        self.render(self.lab.state(), self.lab.results.get(self.lab.state()))
        return True

    def use_bundled(self) -> None:
        self.own, self.own_name = None, ""
        self.render(self.lab.state(), self.lab.results.get(self.lab.state()))

    def _open_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Open a CSV file"), "", self.tr("CSV files (*.csv *.tsv *.txt)")
        )
        if path:
            self.load_csv(path)

    def _on_dataset(self, index: int) -> None:
        self.own, self.own_name = None, ""
        key = self.dataset.itemData(index)
        self.lab.edit(replace(self.lab.state(), pca_dataset=key, pca_row=0), self.tr("Data set"))

    def _on_k(self, value: float, final: bool) -> None:
        state = replace(self.lab.state(), pca_k=int(round(value)))
        if final:  # a key, a click or the release of a drag
            self.lab.edit(state, self.tr("Components kept"))
        else:
            self.lab.preview(state)

    def render(self, state: DecompositionsState, results: DecompositionsResults) -> None:
        bundled_rows = len(results.pca_data.x)
        if self.own is not None:  # the user's CSV is not in the saved state: decompose it here, through the engine
            p, rebuilt = pca_view(self.own, state)
            results = replace(results, pca_data=self.own, pca=p, reconstruction=rebuilt)
        data, p = results.pca_data, results.pca
        with QtCore.QSignalBlocker(self.dataset):
            self.dataset.setCurrentIndex(list(PCA_DATASETS).index(state.pca_dataset))
        with QtCore.QSignalBlocker(self.standardise):
            self.standardise.setChecked(state.pca_standardise)
        self.k_slider.set_value(state.pca_k)
        with QtCore.QSignalBlocker(self.row):
            # a saved scene checks pca_row against the bundled data set, so an own CSV never asks for more rows
            self.row.setMaximum(min(len(data.x), bundled_rows) - 1)
            self.row.setValue(min(state.pca_row, len(data.x) - 1))
        idx = np.arange(1, len(p.explained_ratio) + 1)
        self.bars.setOpts(x=idx, height=p.explained_ratio, brushes=[
            theme.brush("blue", 200 if i <= state.pca_k else 60) for i in idx])  # fmt: skip
        self.cumulative.setData(idx, np.cumsum(p.explained_ratio))
        groups = sorted(set(data.labels))
        brushes = [theme.brush(GROUP_COLORS[groups.index(g) % len(GROUP_COLORS)], 150) for g in data.labels]
        self.scatter.setData(p.scores[:, 0], p.scores[:, 1], brush=brushes)
        row = min(state.pca_row, len(data.x) - 1)
        self.chosen.setData([p.scores[row, 0]], [p.scores[row, 1]])
        spread = float(np.abs(p.scores[:, :2]).max()) or 1.0
        reach = float(np.abs(p.loadings[:, :2]).max()) or 1.0
        ends = p.loadings[:, :2] * (0.65 * spread / reach)
        seg = np.zeros((2 * len(ends), 2))
        seg[1::2] = ends
        self.arrows.setData(seg[:, 0], seg[:, 1])
        while len(self.arrow_labels) < len(ends):
            label = pg.TextItem("", color=theme.color("vermillion"), anchor=(0.5, 0.5), fill=theme.brush("bg", 140))
            label.setFont(theme.font(0.9, bold=True))
            self.biplot.addItem(label)
            self.arrow_labels.append(label)
        anchors = label_anchors(ends, 0.65 * spread)
        for label, name, end, anchor in zip(self.arrow_labels, data.columns, ends, anchors, strict=False):
            label.setText(name)
            label.setAnchor(anchor)
            label.setPos(float(end[0]), float(end[1]))
        for label in self.arrow_labels[len(ends) :]:
            label.setText("")
        self.message.show_text(p.message)
        self.readout.show_live(lambda: self.readout_text(state, results), self.lab.live_quality.live)

    def readout_text(self, state: DecompositionsState, results: DecompositionsResults) -> str:
        data, p = results.pca_data, results.pca
        row = min(state.pca_row, len(data.x) - 1)
        ratios = ", ".join(f"{100 * r:.1f} %" for r in p.explained_ratio)
        original = ", ".join(fmt(float(v), 4) for v in data.x[row])
        rebuilt = ", ".join(fmt(float(v), 4) for v in results.reconstruction)
        lines = [self.tr("<b>Your file {0}</b>").format(self.own_name)] if self.own is not None else []
        lines += [
            self.tr("<b>{0} rows</b> ({1} dropped for a missing value); columns: {2}").format(
                len(data.x), data.dropped, ", ".join(data.columns)
            ),
            self.tr("Explained variance: {0}").format(ratios),
            self.tr("<b>First {0} component(s) keep {1} %</b> of the variance").format(
                state.pca_k, f"{100 * p.explained_ratio[: state.pca_k].sum():.1f}"
            ),
            self.tr("Row {0} ({1}): {2}").format(row, data.labels[row], original),
            self.tr("rebuilt from {0} component(s): {1}").format(state.pca_k, rebuilt),
        ]
        if not state.pca_standardise:
            lines.append(self.tr("Unstandardised: the column with the biggest numbers (e.g. grams) dominates PC1."))
        return "<br>".join(lines)
