"""The Optimizer lab's control column: surface choice and formula, overlays, data buttons, one box per optimizer.

It only builds and lays out the widgets; :class:`gui.labs.optimizer.lab.OptimizerLab` connects them to its state.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from engine.optim import LABELS, OPTIMIZERS, SURFACE_LABELS, SURFACES, OptimizerState
from gui.i18n import translate
from gui.labs.optimizer.views import COLORS
from gui.widgets.expression_edit import ExpressionEdit
from gui.widgets.field_controls import configure_spin, field_label, spec_of
from gui.widgets.log_field import log_slider
from gui.widgets.optimizer_controls import OptimizerControls

__all__ = ["OptimizerPanel"]

PANEL_WIDTH = 300


class OptimizerPanel(QtWidgets.QScrollArea):
    """A fixed-width scrolling column of every input of the lab."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        col = QtWidgets.QWidget()
        cl = QtWidgets.QVBoxLayout(col)
        box = QtWidgets.QGroupBox(translate("Optimizer", "Surface"))
        form = QtWidgets.QFormLayout(box)
        self.surface_combo = QtWidgets.QComboBox()
        for s in SURFACES:
            self.surface_combo.addItem(translate("optim", SURFACE_LABELS[s]), s)
        form.addRow("f(x, y)", self.surface_combo)
        self.expr_edit = ExpressionEdit(("x", "y"), placeholder=translate("Optimizer", "e.g. (1-x)^2 + 100*(y-x^2)^2"))
        form.addRow(translate("Optimizer", "formula"), self.expr_edit)
        self.formula = QtWidgets.QLabel()
        self.formula.setWordWrap(True)
        form.addRow(self.formula)
        self.kappa = log_slider(OptimizerState, "kappa")
        form.addRow(field_label(spec_of(OptimizerState, "kappa")), self.kappa)
        self.angle = QtWidgets.QSpinBox()
        configure_spin(self.angle, spec_of(OptimizerState, "angle"))
        self.angle.setSuffix("°")
        self.angle.setKeyboardTracking(False)
        form.addRow(field_label(spec_of(OptimizerState, "angle")), self.angle)
        self.steps = QtWidgets.QSpinBox()
        configure_spin(self.steps, spec_of(OptimizerState, "steps"))
        self.steps.setKeyboardTracking(False)
        form.addRow(field_label(spec_of(OptimizerState, "steps")), self.steps)
        self.start_label = QtWidgets.QLabel()
        self.start_label.setToolTip(translate("Optimizer", "Click or drag on the surface to move the start (the star)"))
        # A fixed size: rewriting it on every mouse move then never re-lays out the whole column.
        fm = self.start_label.fontMetrics()
        self.start_label.setFixedSize(fm.horizontalAdvance("(-8.888e+88, -8.888e+88)"), fm.height() + 4)
        form.addRow(translate("Optimizer", "start"), self.start_label)
        self.reset_view_button = QtWidgets.QPushButton(translate("Optimizer", "Reset view"))
        self.reset_view_button.setToolTip(
            translate(
                "Optimizer",
                "Right- or middle-drag on the surface pans, the wheel zooms; this goes back to the surface's own view",
            )
        )
        form.addRow(translate("Optimizer", "view"), self.reset_view_button)
        self.show_gradient = QtWidgets.QCheckBox(translate("Optimizer", "−∇f arrows"))
        self.show_hessian = QtWidgets.QCheckBox(translate("Optimizer", "Hessian eigen-axes"))
        self.show_internals = QtWidgets.QCheckBox(translate("Optimizer", "optimizer internals"))
        for cb in (self.show_gradient, self.show_hessian, self.show_internals):
            form.addRow(cb)
        self.csv_button = QtWidgets.QPushButton(translate("Optimizer", "Load data CSV…"))
        self.new_data_button = QtWidgets.QPushButton(translate("Optimizer", "New noisy data"))
        form.addRow(self.csv_button)  # one under the other: side by side they widen the column past 1280×720's room
        form.addRow(self.new_data_button)
        cl.addWidget(box)
        opt_box = QtWidgets.QGroupBox(translate("Optimizer", "Optimizers (torch.optim rules)"))
        ol = QtWidgets.QVBoxLayout(opt_box)
        ol.setSpacing(4)
        self.controls: dict[str, OptimizerControls] = {}
        for name in OPTIMIZERS:
            c = OptimizerControls(
                name, translate("optim", LABELS[name]), COLORS[name]
            )  # every lr slider: OptimizerConfig's lr spec
            # the stability bound in words ("stable only for lr < 0.431 = 2/λmax") wraps: on one line it widened
            # the column past what 1024×768 with the Lessons panel leaves it
            c.bound_label.setWordWrap(True)
            ol.addWidget(c)
            self.controls[name] = c
        cl.addWidget(opt_box)
        cl.addStretch(1)
        self.setWidget(col)
        self.setWidgetResizable(True)
        self.setFixedWidth(PANEL_WIDTH)
        col.setMaximumWidth(PANEL_WIDTH - 18)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
