"""The linear-algebra view: the input grid and the data pushed through W·x+b and the activation, layer by layer."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.nn import LayerStage
from gui import theme
from gui.i18n import translate
from gui.labs.network.plane import CLASS_COLORS
from gui.widgets.live_quality import live_on_press
from gui.widgets.plane import configure_plot


class LayersView(QtWidgets.QWidget):
    """Plot of one stage + a slider over stages + projection choice; ``stage_changed`` / ``projection_changed``."""

    stage_changed = QtCore.Signal(int)
    projection_changed = QtCore.Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget()
        configure_plot(self.plot.getPlotItem(), equal=True)
        self.grid_item = pg.PlotDataItem(pen=theme.pen("grey", 0.45), connect="finite")
        self.points = pg.ScatterPlotItem(size=8, pxMode=True, pen=theme.pen("fg", 0.3))
        self.separator = pg.PlotDataItem(pen=theme.pen("vermillion", 1.0, style="dash"))
        for item in (self.grid_item, self.separator, self.points):
            self.plot.addItem(item)
        self.title = QtWidgets.QLabel()
        self.title.setWordWrap(True)
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.slider.setObjectName("layer_stage")
        live_on_press(self.slider)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QtWidgets.QSlider.TickPosition.TicksBelow)
        self.prev_button = QtWidgets.QPushButton(translate("Network", "◀ Back"))
        self.next_button = QtWidgets.QPushButton(translate("Network", "Next ▶"))
        self.projection = QtWidgets.QComboBox()
        self.projection.addItem(translate("Network", "first two units"), "first2")
        self.projection.addItem(translate("Network", "PCA projection"), "pca")
        self.projection.setToolTip(translate("Network", "How a layer with more than two units is drawn in the plane"))
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.prev_button)
        row.addWidget(self.slider, 1)
        row.addWidget(self.next_button)
        row.addWidget(QtWidgets.QLabel(translate("Network", "Wide layers:")))
        row.addWidget(self.projection)
        lay = QtWidgets.QVBoxLayout(self)
        lay.addWidget(self.title)
        lay.addWidget(self.plot, 1)
        lay.addLayout(row)
        self.slider.valueChanged.connect(self.stage_changed)
        self.prev_button.clicked.connect(lambda: self.slider.setValue(self.slider.value() - 1))
        self.next_button.clicked.connect(lambda: self.slider.setValue(self.slider.value() + 1))
        self.projection.currentIndexChanged.connect(
            lambda _i: self.projection_changed.emit(self.projection.currentData())
        )

    def set_controls(self, n_stages: int, stage: int, projection: str) -> None:
        """Show the slider range and projection without echoing signals."""
        for w in (self.slider, self.projection):
            w.blockSignals(True)
        self.slider.setRange(0, max(n_stages - 1, 0))
        self.slider.setValue(min(stage, n_stages - 1))
        self.projection.setCurrentIndex(max(self.projection.findData(projection), 0))
        for w in (self.slider, self.projection):
            w.blockSignals(False)

    def show_stage(
        self, stage: LayerStage, index: int, count: int, labels: np.ndarray, separator: np.ndarray | None
    ) -> None:
        """Draw one stage: grid polylines, the points coloured by class, and the output unit's line when exact."""
        lines = [np.vstack([ln, [np.nan, np.nan]]) for ln in stage.lines]
        xy = np.vstack(lines) if lines else np.zeros((0, 2))
        self.grid_item.setData(xy[:, 0], xy[:, 1])
        brushes = [pg.mkBrush(theme.color(CLASS_COLORS[int(c)])) for c in labels]
        if len(stage.points):
            self.points.setData(pos=stage.points, brush=brushes)
        else:
            self.points.setData([], [])
        text = translate("Network", "<b>Step {0} of {1}: {2}</b> — drawn: {3}.").format(
            index, count - 1, stage.title, stage.projection
        )
        if separator is not None:
            self.separator.setData(separator[:, 0], separator[:, 1])
            text += translate(
                "Network",
                " Dashed: the output unit's line w·h + b = 0 — classes on either side are linearly separated.",
            )
        else:
            self.separator.setData([], [])
        if index == 0:
            text += translate("Network", " Slide right to push the plane through each layer.")
        self.title.setText(text)
        self.plot.getPlotItem().getViewBox().autoRange(padding=0.05)
