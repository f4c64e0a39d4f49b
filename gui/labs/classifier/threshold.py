"""The Threshold tab's views: the sigmoid with a draggable threshold line, the confusion matrix, and the ROC /
precision–recall / calibration plot with the current threshold's point."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.classify import CURVES, ClassifierResults, ClassifierState, sigmoid
from gui import theme
from gui.fit import MAIN_PLOT_MIN
from gui.i18n import translate
from gui.widgets.field_controls import spec_of
from gui.widgets.key_mover import KeyMover
from gui.widgets.plane import configure_plot
from gui.widgets.reflow import Reflow

__all__ = ["SigmoidView", "ConfusionView", "CurveView", "ThresholdPane", "fill_room"]

CLASS_COLORS = ("blue", "orange")


def _labels(plot: pg.PlotItem, bottom: str, left: str) -> None:
    style = {"color": theme.color("fg").name(), "font-size": f"{theme.current().font_pt}pt"}
    plot.setLabel("bottom", bottom, **style)
    plot.setLabel("left", left, **style)


class SigmoidView(pg.PlotWidget):
    """p = σ(z) against the linear score z, each point at its label (0 or 1), and the threshold as a draggable line."""

    threshold_moved = QtCore.Signal(float, bool)  # value, finished

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        plot = self.getPlotItem()
        configure_plot(plot)
        plot.getViewBox().setMouseEnabled(False, False)
        _labels(plot, self.tr("score z = b₀ + b·x"), self.tr("p = σ(z)"))
        self.curve = pg.PlotCurveItem(pen=theme.pen("green", 1.8))
        plot.addItem(self.curve)
        self.points = [pg.ScatterPlotItem(size=9, pen=theme.pen("fg", 0.4), brush=pg.mkBrush(theme.color(c)),
                                          symbol=s) for c, s in zip(CLASS_COLORS, ("o", "t"), strict=True)]  # fmt: skip
        for item in self.points:
            plot.addItem(item)
        pen, hover = theme.pen("vermillion", 2.0), theme.pen("vermillion", 3.0)
        self.line = pg.InfiniteLine(pos=0.5, angle=0, movable=True, bounds=(0.0, 1.0), pen=pen, hoverPen=hover)
        self.line.setZValue(10)
        plot.addItem(self.line, ignoreBounds=True)
        self.line.sigPositionChanged.connect(lambda ln: self.threshold_moved.emit(float(ln.value()), False))
        self.line.sigPositionChangeFinished.connect(lambda ln: self.threshold_moved.emit(float(ln.value()), True))
        # Tab to the line, Up/Down move it one spec step (Shift fine, Ctrl coarse), Enter keeps, Escape puts it back
        self.line_keys = KeyMover(self.line, step=spec_of(ClassifierState, "threshold").step)
        self.line_keys.moved.connect(lambda _x, y, final: self.threshold_moved.emit(float(y), final))
        self.line_keys.focus_changed.connect(self._show_focus)
        plot.setYRange(-0.08, 1.08, padding=0)
        self._split = None
        self.setAccessibleName(self.tr("Sigmoid of the score with the draggable threshold line"))

    def _show_focus(self, on: bool) -> None:
        """The keyboard focus widens the line (a shape change, not only a colour)."""
        self.line.currentPen = self.line.hoverPen if on else self.line.pen
        self.line.update()

    def show_results(self, res: ClassifierResults, threshold: float) -> None:
        """The curve over the points' score range, the points and the threshold line (only the line for a new t)."""
        if res.split is self._split:
            self.set_threshold(threshold)
            return
        self._split = res.split
        lo, hi = float(np.min(res.z)), float(np.max(res.z))
        span = max(hi - lo, 1.0)
        lo, hi = max(lo - 0.05 * span, -60.0), min(hi + 0.05 * span, 60.0)
        z = np.linspace(lo, hi, 200)
        self.curve.setData(z, sigmoid(z))
        rng = np.random.default_rng(1)
        jitter = rng.uniform(-0.03, 0.03, len(res.y))
        for cls, item in enumerate(self.points):
            sel = (res.y > 0.5) == bool(cls)
            zs = np.clip(res.z[sel], lo, hi)
            item.setData(zs, res.y[sel] + jitter[sel])
        self.getPlotItem().setXRange(lo, hi, padding=0)
        self.set_threshold(threshold)

    def set_threshold(self, t: float) -> None:
        """Move the line without emitting (the state pushes, the view echoes nothing back)."""
        if abs(self.line.value() - t) > 1e-12:
            with QtCore.QSignalBlocker(self.line):
                self.line.setValue(t)


class ConfusionView(QtWidgets.QWidget):
    """The 2 × 2 confusion matrix: rows = truth, columns = prediction, each cell named for screen readers."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        grid = QtWidgets.QGridLayout(self)
        grid.setSpacing(4)
        self.title = QtWidgets.QLabel(self.tr("Confusion matrix"))
        self.title.setFont(theme.font(1.0, bold=True))
        grid.addWidget(self.title, 0, 0, 1, 3)
        grid.addWidget(QtWidgets.QLabel(self.tr("predicted 1")), 1, 1)
        grid.addWidget(QtWidgets.QLabel(self.tr("predicted 0")), 1, 2)
        self.row_labels = [QtWidgets.QLabel(), QtWidgets.QLabel()]
        grid.addWidget(self.row_labels[0], 2, 0)
        grid.addWidget(self.row_labels[1], 3, 0)
        self.cells = {}
        for key, r, c, colour in (("tp", 2, 1, "green"), ("fn", 2, 2, "vermillion"), ("fp", 3, 1, "vermillion"),
                                  ("tn", 3, 2, "green")):  # fmt: skip
            label = QtWidgets.QLabel("0")
            label.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
            label.setFont(theme.font(1.4, bold=True))
            label.setMinimumSize(72, 40)
            label.setStyleSheet(f"border: 2px solid {theme.color(colour).name()}; border-radius: 4px;")
            grid.addWidget(label, r, c)
            self.cells[key] = label
        self.rates = QtWidgets.QLabel()
        grid.addWidget(self.rates, 4, 0, 1, 3)
        self.setAccessibleName(self.tr("Confusion matrix"))

    def show_results(self, res: ClassifierResults, classes: tuple[str, str]) -> None:
        """Counts, row names and the rates."""
        c = res.conf
        names = {"tp": self.tr("true positives"), "fn": self.tr("false negatives"), "fp": self.tr("false positives"),
                 "tn": self.tr("true negatives")}  # fmt: skip
        for key, label in self.cells.items():
            text = str(getattr(c, key))
            if label.text() != text:
                label.setText(text)
            label.setAccessibleName(f"{names[key]}: {text}")
        self.row_labels[0].setText(self.tr("true 1 ({0})").replace("{0}", classes[1]))
        self.row_labels[1].setText(self.tr("true 0 ({0})").replace("{0}", classes[0]))
        self.rates.setText(
            self.tr("accuracy {a:.3f} · precision {p:.3f} · recall {r:.3f}\nspecificity {s:.3f} · F1 {f:.3f}").format(
                a=c.accuracy, p=c.precision, r=c.recall, s=c.specificity, f=c.f1
            )
        )


class CurveView(pg.PlotWidget):
    """ROC, precision–recall or calibration curve, with the current threshold's point."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        plot = self.getPlotItem()
        configure_plot(plot)
        plot.getViewBox().setMouseEnabled(False, False)
        self.reference = pg.PlotCurveItem(pen=theme.pen("grey", 1.0, style="dash"))
        self.curve = pg.PlotCurveItem(pen=theme.pen("blue", 2.0))
        self.bars = pg.ScatterPlotItem(size=10, pen=theme.pen("fg", 0.5), brush=pg.mkBrush(theme.color("blue")))
        self.point = pg.ScatterPlotItem(size=16, pen=theme.pen("fg", 1.0), brush=pg.mkBrush(theme.color("vermillion")))
        for item in (self.reference, self.curve, self.bars, self.point):
            plot.addItem(item)
        plot.setRange(xRange=(0, 1), yRange=(0, 1.02), padding=0.02)
        self._drawn: tuple = (None, "")
        self.setAccessibleName(self.tr("ROC, precision-recall or calibration curve"))

    def show_results(self, res: ClassifierResults, curve: str) -> None:
        """Draw the chosen curve (only its point when just the threshold changed)."""
        plot = self.getPlotItem()
        if (res.split, curve) == self._drawn:
            if curve == "roc":
                self.point.setData([res.roc_point[0]], [res.roc_point[1]])
            elif curve == "pr":
                self.point.setData([res.pr_point[0]], [res.pr_point[1]])
            return
        self._drawn = (res.split, curve)
        if curve == "roc":
            _labels(plot, self.tr("false-positive rate"), self.tr("true-positive rate (recall)"))
            self.reference.setData([0, 1], [0, 1])
            self.curve.setData(res.roc.x, res.roc.y)
            self.bars.setData([], [])
            self.point.setData([res.roc_point[0]], [res.roc_point[1]])
        elif curve == "pr":
            _labels(plot, self.tr("recall"), self.tr("precision"))
            base = float(np.mean(res.y[res.test_mask])) if res.test_mask.sum() >= 2 else float(np.mean(res.y))
            self.reference.setData([0, 1], [base, base])
            self.curve.setData(res.pr.x, res.pr.y, stepMode=None)
            self.bars.setData([], [])
            self.point.setData([res.pr_point[0]], [res.pr_point[1]])
        else:
            _labels(plot, self.tr("mean predicted probability"), self.tr("observed share of positives"))
            self.reference.setData([0, 1], [0, 1])
            cal = res.calib
            self.curve.setData(cal.mean_predicted, cal.observed)
            self.bars.setData(cal.mean_predicted, cal.observed, size=np.clip(6 + 2 * np.sqrt(cal.count), 6, 30))
            self.point.setData([], [])


def fill_room(plot: pg.PlotWidget) -> None:
    """A plot takes the room that is left: its 640 × 480 size hint would make the lab taller than a 720 p window."""
    plot.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Ignored)
    plot.setMinimumHeight(140)


class ThresholdPane(QtWidgets.QWidget):
    """The Threshold tab: sigmoid and confusion matrix beside the chosen curve with its menu and readout.

    A narrow page (1024 × 768 with the Lessons panel) puts the curve under the sigmoid, its menu and readout beside it.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.sigmoid = SigmoidView()
        self.confusion = ConfusionView()
        self.curve_view = CurveView()
        self.curve_choice = QtWidgets.QComboBox()
        names = (translate("ClassifierLab", "ROC curve"), translate("ClassifierLab", "Precision–recall"),
                 translate("ClassifierLab", "Calibration"))  # fmt: skip
        for key, text in zip(CURVES, names, strict=True):
            self.curve_choice.addItem(text, key)
        self.curve_choice.setAccessibleName(translate("ClassifierLab", "Which curve to show"))
        self.curve_text = QtWidgets.QLabel()
        self.curve_text.setWordWrap(True)
        self.curve_text.setMinimumHeight(theme.font(1.0).pointSize() * 5)
        self.curve_text.setAccessibleName(translate("ClassifierLab", "Curve readout"))
        self.curve_pane = QtWidgets.QWidget()
        self._curve_grid = QtWidgets.QGridLayout(self.curve_pane)
        self._curve_grid.setContentsMargins(0, 0, 0, 0)
        self.sigmoid_pane = QtWidgets.QWidget()
        middle = QtWidgets.QVBoxLayout(self.sigmoid_pane)
        middle.setContentsMargins(0, 0, 0, 0)
        for plot in (self.sigmoid, self.curve_view):
            fill_room(plot)
        self.sigmoid.setMinimumHeight(160)
        middle.addWidget(self.sigmoid, 1)
        middle.addWidget(self.confusion)
        self._row = QtWidgets.QBoxLayout(QtWidgets.QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.sigmoid_pane, 1)
        self._row.addWidget(self.curve_pane, 1)
        self.arrange(False)
        # side by side, the panes share the width equally: stacked unless the sigmoid gets MAIN_PLOT_MIN that way
        self.reflow = Reflow(self, 2 * MAIN_PLOT_MIN + 8, (self.sigmoid_pane, self.curve_pane), self.arrange)

    def arrange(self, narrow: bool) -> None:
        """Sigmoid beside the curve (wide), or above it with the curve's menu and readout at its right (narrow)."""
        grid = self._curve_grid
        for w in (self.curve_choice, self.curve_view, self.curve_text):
            grid.removeWidget(w)
        if narrow:
            grid.addWidget(self.curve_view, 0, 0, 2, 1)
            grid.addWidget(self.curve_choice, 0, 1)
            grid.addWidget(self.curve_text, 1, 1)
            stretch_rows, stretch_cols = (0, 1, 0), (3, 2)
        else:
            grid.addWidget(self.curve_choice, 0, 0)
            grid.addWidget(self.curve_view, 1, 0)
            grid.addWidget(self.curve_text, 2, 0)
            stretch_rows, stretch_cols = (0, 1, 0), (1, 0)
        for i, f in enumerate(stretch_rows):
            grid.setRowStretch(i, f)
        for i, f in enumerate(stretch_cols):
            grid.setColumnStretch(i, f)
        self.curve_text.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop | QtCore.Qt.AlignmentFlag.AlignLeft)
        direction = QtWidgets.QBoxLayout.Direction
        self._row.setDirection(direction.TopToBottom if narrow else direction.LeftToRight)
        # stacked, the sigmoid pane also holds the confusion matrix: it gets the larger share of the height
        self._row.setStretch(0, 2 if narrow else 1)
