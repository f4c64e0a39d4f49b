"""The Classifier lab's control column: data (penguins, blobs, CSV), model (L2), threshold and evaluation settings.

Widgets only, every range from the state's field specs; the lab connects their signals and writes the state back.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from engine.classify import FEATURES, SPECIES, ClassifierState, feature_title
from gui.widgets.field_controls import configure_spin, spec_of, value_slider
from gui.widgets.form_parts import error_label, form_group

__all__ = ["ClassifierControls"]

QT_INT_MAX = 2**31 - 1


class ClassifierControls(QtWidgets.QWidget):
    """Every input of the lab, grouped: Data, Model, Threshold, Evaluation."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)

        box, form = form_group(self.tr("Data"))
        self.source = self._combo(
            [("penguins", self.tr("Palmer penguins")), ("blobs", self.tr("Two blobs (generated)")),
             ("csv", self.tr("My CSV file"))], self.tr("Data source"))  # fmt: skip
        form.addRow(self.tr("Source"), self.source)
        self.positive = self._combo([(s, s) for s in SPECIES], self.tr("Positive class"))
        self.negative = self._combo([(s, s) for s in SPECIES], self.tr("Negative class"))
        form.addRow(self.tr("Positive (1)"), self.positive)
        form.addRow(self.tr("Negative (0)"), self.negative)
        self.feature_x = self._combo([(f, feature_title(f)) for f in FEATURES], self.tr("First feature"))
        self.feature_y = self._combo(
            [(f, feature_title(f)) for f in FEATURES] + [("none", self.tr("(one feature only)"))],
            self.tr("Second feature"),
        )
        form.addRow(self.tr("Feature 1"), self.feature_x)
        form.addRow(self.tr("Feature 2"), self.feature_y)
        self.separation = value_slider(ClassifierState, "separation", self.tr("gap"))
        self.separation.slider.setAccessibleName(self.tr("Blob separation"))
        self.separation.box.setAccessibleName(self.tr("Blob separation value"))
        form.addRow(self.tr("Separation"), self.separation)
        self.blob_n = self._spin("blob_n", self.tr("Number of generated points"))
        form.addRow(self.tr("Points"), self.blob_n)
        self.new_sample = QtWidgets.QPushButton(self.tr("New sample"))
        self.new_sample.setAccessibleName(self.tr("Draw a new sample of blobs"))
        self.load_csv = QtWidgets.QPushButton(self.tr("Load CSV…"))
        self.load_csv.setAccessibleName(self.tr("Load a CSV file with two features and a label column"))
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.new_sample)
        row.addWidget(self.load_csv)
        form.addRow(row)
        self.reset_points = QtWidgets.QPushButton(self.tr("Put dragged points back"))
        self.reset_points.setAccessibleName(self.tr("Undo every point drag"))
        form.addRow(self.reset_points)
        self.data_error = error_label()
        form.addRow(self.data_error)
        lay.addWidget(box)

        box, form = form_group(self.tr("Model and threshold"))
        self.l2 = value_slider(ClassifierState, "l2", self.tr("λ"))
        self.l2.slider.setAccessibleName(self.tr("L2 penalty"))
        self.l2.box.setAccessibleName(self.tr("L2 penalty value"))
        form.addRow(self.tr("L2 penalty"), self.l2)
        self.threshold = value_slider(ClassifierState, "threshold", self.tr("t"))
        self.threshold.slider.setAccessibleName(self.tr("Decision threshold"))
        self.threshold.box.setAccessibleName(self.tr("Decision threshold value"))
        form.addRow(self.tr("Threshold"), self.threshold)
        self.test_fraction = value_slider(ClassifierState, "test_fraction", "")
        self.test_fraction.slider.setAccessibleName(self.tr("Share of points held out for testing"))
        self.test_fraction.box.setAccessibleName(self.tr("Test share value"))
        form.addRow(self.tr("Test share"), self.test_fraction)
        self.split_seed = self._spin("split_seed", self.tr("Seed of the train/test split and the folds"))
        form.addRow(self.tr("Split seed"), self.split_seed)
        lay.addWidget(box)

        box, form = form_group(self.tr("Evaluation"))
        self.folds = self._spin("folds", self.tr("Number of cross-validation folds"))
        form.addRow(self.tr("k folds"), self.folds)
        self.model_b = self._combo([("x", self.tr("feature 1 only")), ("y", self.tr("feature 2 only"))],
                                   self.tr("Model B uses"))  # fmt: skip
        form.addRow(self.tr("Model B"), self.model_b)
        self.boot_resamples = self._spin("boot_resamples", self.tr("Bootstrap resamples"))
        form.addRow(self.tr("Resamples"), self.boot_resamples)
        self.mc_sets = self._spin("mc_sets", self.tr("Number of noise feature sets tried"))
        form.addRow(self.tr("Feature sets"), self.mc_sets)
        self.mc_seed = self._spin("mc_seed", self.tr("Seed of the noise features"))
        form.addRow(self.tr("Noise seed"), self.mc_seed)
        self.alpha = QtWidgets.QDoubleSpinBox()
        configure_spin(self.alpha, spec_of(ClassifierState, "alpha"))
        self.alpha.setKeyboardTracking(False)
        self.alpha.setAccessibleName(self.tr("Significance level alpha"))
        form.addRow(self.tr("α"), self.alpha)
        lay.addWidget(box)
        lay.addStretch(1)

    def _combo(self, items: list[tuple[str, str]], name: str) -> QtWidgets.QComboBox:
        combo = QtWidgets.QComboBox()
        for key, text in items:
            combo.addItem(text, key)
        combo.setAccessibleName(name)
        # narrow columns (presenter fonts, small screens): the box may shrink and elide instead of forcing a scroll
        combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _spin(self, field: str, name: str) -> QtWidgets.QSpinBox:
        box = QtWidgets.QSpinBox()
        fs = spec_of(ClassifierState, field)
        configure_spin(box, fs)
        if fs.hi is not None and box.maximum() < min(fs.hi, QT_INT_MAX):
            box.setMaximum(int(min(fs.hi, QT_INT_MAX)))
        box.setKeyboardTracking(False)
        box.setAccessibleName(name)
        box.setToolTip(name)
        return box

    def show_state(self, s: ClassifierState) -> None:
        """Make every input show ``s`` without emitting (the lab pushes, the controls echo nothing back)."""
        for combo, value in ((self.source, s.source), (self.positive, s.positive), (self.negative, s.negative),
                             (self.feature_x, s.feature_x), (self.feature_y, s.feature_y),
                             (self.model_b, s.model_b)):  # fmt: skip
            i = combo.findData(value)
            if i != combo.currentIndex():
                with QtCore.QSignalBlocker(combo):
                    combo.setCurrentIndex(i)
        for slider, value in ((self.separation, s.separation), (self.l2, s.l2), (self.threshold, s.threshold),
                              (self.test_fraction, s.test_fraction)):  # fmt: skip
            slider.set_value(value)
        for box, value in ((self.blob_n, s.blob_n), (self.split_seed, s.split_seed), (self.folds, s.folds),
                           (self.boot_resamples, s.boot_resamples), (self.mc_sets, s.mc_sets),
                           (self.mc_seed, s.mc_seed), (self.alpha, s.alpha)):  # fmt: skip
            if box.value() != value:
                with QtCore.QSignalBlocker(box):
                    box.setValue(value)
        penguins, blobs = s.source == "penguins", s.source == "blobs"
        for w in (self.positive, self.negative):
            w.setEnabled(penguins)
        self.feature_x.setEnabled(penguins)
        for w in (self.separation, self.blob_n, self.new_sample):
            w.setEnabled(blobs)
        self.reset_points.setEnabled(bool(s.moved))
