"""The "Bayes" tab: a medical test as 1 000 people (icon array), as a tree, and as the posterior P(D | +)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.prob import ProbabilityResults, ProbabilityState
from gui import theme
from gui.widgets.catch_up import CatchUp
from gui.widgets.field_controls import value_slider
from gui.widgets.plane import configure_plot

__all__ = ["BayesTab"]

CELL_COLORS = ("vermillion", "orange", "sky", "grey")
"""True positive, false negative, false positive, true negative (Okabe–Ito; sick warm, healthy cool)."""
CELL_PX = 6
"""Pixels per person in the icon image (the last row and column of each cell are the gap)."""
SLIDERS = ("prevalence", "sensitivity", "specificity")


def _set_text(item: pg.TextItem, text: str) -> None:
    """Relayout a text item only when its text changed (most slider steps change few of the tree's labels)."""
    if item.toPlainText() != text:
        item.setText(text)


class TreeView(pg.PlotWidget):
    """The probability tree: D / not D, then + / − on each branch, with the joint probabilities at the leaves."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Probability tree of the medical test"))
        plot = self.getPlotItem()
        for axis in ("left", "bottom"):
            plot.hideAxis(axis)
        configure_plot(plot, grid=False)
        plot.setMouseEnabled(False, False)
        plot.setXRange(-0.65, 3.35, padding=0)
        plot.setYRange(-0.1, 4.1, padding=0)
        nodes = {"root": (0.0, 2.0), "d": (1.0, 3.0), "h": (1.0, 1.0)}
        leaves = {"tp": (2.0, 3.5), "fn": (2.0, 2.5), "fp": (2.0, 1.5), "tn": (2.0, 0.5)}
        edges = [("root", "d"), ("root", "h"), ("d", "tp"), ("d", "fn"), ("h", "fp"), ("h", "tn")]
        pos = {**nodes, **leaves}
        self.edge_labels: dict[str, pg.TextItem] = {}
        for a, b in edges:
            (x0, y0), (x1, y1) = pos[a], pos[b]
            plot.addItem(pg.PlotDataItem([x0, x1], [y0, y1], pen=theme.pen("fg", 1.5)))
            up = y1 > y0  # label above a rising edge, below a falling one: never on the nodes' labels
            label = pg.TextItem("", color=theme.color("fg"), anchor=(0.5, 1.0 if up else 0.0))
            label.setFont(theme.font(0.9))
            label.setPos((x0 + x1) / 2 - 0.12, (y0 + y1) / 2 + (0.1 if up else -0.1))
            plot.addItem(label)
            self.edge_labels[b] = label
        self.node_labels: dict[str, pg.TextItem] = {}
        for key, (x, y) in pos.items():
            label = pg.TextItem(
                "", color=theme.color("fg"), anchor=(0.0 if key in leaves else 0.5, 0.5), fill=theme.brush("bg", 255)
            )
            label.setFont(theme.font(1.0, bold=key not in leaves))
            label.setZValue(5)
            label.setPos(x + (0.05 if key in leaves else 0.0), y)
            plot.addItem(label)
            self.node_labels[key] = label
        self.node_labels["root"].setText(self.tr("everyone"))
        plot.getViewBox().sigResized.connect(self.fit_labels)  # the labels keep their pixel size as the view changes

    def render(self, results: ProbabilityResults) -> None:
        """Branch probabilities on the edges, joint probabilities at the leaves."""
        t = results.first
        texts = {
            "d": f"{t.prior:.3f}",
            "h": f"{1 - t.prior:.3f}",
            "tp": f"+ {t.sensitivity:.2f}",
            "fn": f"− {1 - t.sensitivity:.2f}",
            "fp": f"+ {1 - t.specificity:.2f}",
            "tn": f"− {t.specificity:.2f}",
        }
        for key, text in texts.items():
            _set_text(self.edge_labels[key], text)
        _set_text(self.node_labels["d"], self.tr("sick"))
        _set_text(self.node_labels["h"], self.tr("healthy"))
        leaves = {
            "tp": (self.tr("true +"), t.p_true_pos),
            "fn": (self.tr("false −"), t.p_false_neg),
            "fp": (self.tr("false +"), t.p_false_pos),
            "tn": (self.tr("true −"), t.p_true_neg),
        }
        for key, (name, p) in leaves.items():
            _set_text(self.node_labels[key], f"{name}\n{p:.4f}")
        self.fit_labels()

    def fit_labels(self, *_args: object) -> None:
        """Widen the x range so "everyone" and the leaves' labels (fixed pixel size) stay inside the view."""
        room = self.getPlotItem().getViewBox().width()
        if room <= 1:
            return
        left = self.node_labels["root"].textItem.boundingRect().width() / 2
        right = max(self.node_labels[k].textItem.boundingRect().width() for k in ("tp", "fn", "fp", "tn"))
        share = min(0.8, (left + right + 12) / room)  # the labels' share of the width; the tree keeps the rest
        span = 2.05 / (1 - share)
        x0 = -left * span / room - 0.04
        self.getPlotItem().setXRange(x0, x0 + span + 0.08, padding=0)


class IconArray(pg.PlotWidget):
    """1 000 people, one dot each, coloured by sick/healthy and test result."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Icon array of 1000 people"))
        plot = self.getPlotItem()
        for axis in ("left", "bottom"):
            plot.hideAxis(axis)
        configure_plot(plot, grid=False)
        plot.setMouseEnabled(False, False)
        plot.setAspectLocked(True)
        plot.setXRange(-0.5, 39.5, padding=0.01)
        plot.setYRange(-0.5, 24.5, padding=0.01)
        # One image, a 5 × 5 block per person with a 1-pixel gap: one drawImage per frame, however many people.
        self.image = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self.image)
        colors = [theme.color(c) for c in CELL_COLORS] + [theme.color("bg")]
        self._rgba = np.array([[c.red(), c.green(), c.blue(), 255] for c in colors], dtype=np.ubyte)
        # which person (1000: the gap) each pixel of the image shows, row 0 at the bottom: one lookup per redraw
        cell = np.arange(1000).reshape(25, 40)
        pixels = np.repeat(np.repeat(cell, CELL_PX, axis=0), CELL_PX, axis=1)
        pixels[CELL_PX - 1 :: CELL_PX, :] = 1000
        pixels[:, CELL_PX - 1 :: CELL_PX] = 1000
        self._pixels = np.ascontiguousarray(pixels[::-1])
        self._codes: bytes | None = None

    def render(self, results: ProbabilityResults) -> None:
        """One cell per person, the sick first, row by row from the top left (redrawn only when a count changed)."""
        _xy, codes = results.icons
        key = codes.astype(np.ubyte).tobytes()
        if key == self._codes:
            return
        self._codes = key
        people = np.full(1001, len(CELL_COLORS) - 1, dtype=np.ubyte)
        people[: codes.size] = codes
        people[1000] = len(CELL_COLORS)  # the gap: the background colour's index
        self.image.setImage(self._rgba[people][self._pixels], autoLevels=False, levels=(0, 255))
        self.image.setRect(QtCore.QRectF(-0.5, -0.5, 40, 25))  # after setImage: the rect scales the image's pixels


class BayesTab(QtWidgets.QWidget):
    """Sliders for the test, the icon array, the tree, and the posterior after one or two positive results."""

    slider_moved = QtCore.Signal(str, float, bool)
    second_toggled = QtCore.Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        labels = {
            "prevalence": self.tr("prevalence P(D)"),
            "sensitivity": self.tr("sensitivity P(+|D)"),
            "specificity": self.tr("specificity P(−|healthy)"),
        }
        controls = QtWidgets.QGroupBox(self.tr("The test"))
        form = QtWidgets.QVBoxLayout(controls)
        self.sliders = {}
        for name in SLIDERS:
            slider = value_slider(ProbabilityState, name, label=labels[name])
            slider.label.setMinimumWidth(150)
            slider.slider.setAccessibleName(labels[name])
            slider.box.setAccessibleName(labels[name])
            slider.value_changed.connect(lambda v, fin, n=name: self.slider_moved.emit(n, float(v), fin))
            form.addWidget(slider)
            self.sliders[name] = slider
        self.second_check = QtWidgets.QCheckBox(self.tr("A second, independent test is also positive"))
        self.second_check.setObjectName("second_test")
        self.second_check.toggled.connect(self.second_toggled)
        form.addWidget(self.second_check)
        self.icons = IconArray()
        self.icons.setMinimumSize(300, 200)
        self.tree = TreeView()
        self.tree.setMinimumSize(260, 200)
        self.legend = QtWidgets.QLabel()
        self.legend.setWordWrap(True)
        self.legend.setObjectName("bayes_legend")
        self.posterior = QtWidgets.QLabel()
        self.posterior.setObjectName("readout_posterior")
        self.posterior.setWordWrap(True)
        self.posterior.setFont(theme.font(1.15))
        self.posterior.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        pictures = QtWidgets.QHBoxLayout()
        pictures.addWidget(self.icons, 3)
        pictures.addWidget(self.tree, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(controls)
        layout.addLayout(pictures, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.posterior)
        self.catch_up = CatchUp(self)

    def render(self, state: ProbabilityState, results: ProbabilityResults, live: bool = False) -> None:
        """Sliders, pictures and the posterior in words and numbers (at 10 Hz while ``live``: a slider held)."""
        for name, slider in self.sliders.items():
            slider.set_value(getattr(state, name))
        with QtCore.QSignalBlocker(self.second_check):
            self.second_check.setChecked(state.second_test)
        self.icons.render(results)
        self.tree.render(results)
        self.catch_up.run(lambda: self._render_words(state, results), live)

    def _render_words(self, state: ProbabilityState, results: ProbabilityResults) -> None:
        # two wrapped rich-text paragraphs laid out again per change
        f = results.people
        swatch = "<span style='color:{0}'>■</span>".format
        self.legend.setText(
            self.tr(
                "Of 1 000 people, {0} are sick: {1} {2} test positive, {3} {4} negative. Of the {5} healthy, "
                "{6} {7} test positive anyway, {8} {9} negative."
            ).format(
                f["sick"],
                swatch(theme.color(CELL_COLORS[0]).name()),
                f["true_pos"],
                swatch(theme.color(CELL_COLORS[1]).name()),
                f["false_neg"],
                1000 - f["sick"],
                swatch(theme.color(CELL_COLORS[2]).name()),
                f["false_pos"],
                swatch(theme.color(CELL_COLORS[3]).name()),
                f["true_neg"],
            )
        )
        t = results.first
        if t.posterior is None:
            text = self.tr("Nobody tests positive (P(+) = 0), so P(D | +) is undefined.")
        else:
            text = self.tr(
                "P(D | +) = {0} / {1} ≈ <b>{2:.4f}</b> ({2:.1%}). Among those who test positive, only {3} in {4} are "
                "sick — the sensitivity is {5:.0%}, but the disease is rare (base rate {6:.1%})."
            ).format(f"{t.p_true_pos * 1000:.4g}", f"{t.p_positive * 1000:.4g}", t.posterior, f["true_pos"],
                     f["positive"], t.sensitivity, t.prior)  # fmt: skip
            if state.second_test:
                second = results.second
                if second is None or second.posterior is None:
                    text += " " + self.tr("After a second positive test: undefined.")
                else:
                    text += " " + self.tr("After a second positive test (prior {0:.4f}): <b>{1:.4f}</b>.").format(
                        t.posterior, second.posterior
                    )
        self.posterior.setText(text)
