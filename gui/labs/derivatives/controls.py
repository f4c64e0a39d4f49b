"""The Derivatives lab's side column: function, point and secant inputs (ranges from the field spec) and readouts."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from engine.calculus import PRESETS, DerivativesResults, DerivativesState, FunctionSketch
from gui.i18n import translate
from gui.widgets.expression_edit import ExpressionEdit
from gui.widgets.field_controls import configure_spin, field_label, spec_of
from gui.widgets.log_field import log_slider

__all__ = ["DerivativesControls"]

FORMULA_NAMES = ("f(x)", "f′(x)", "f″(x)")
READOUTS = ("f", "slope", "second", "tangent", "secant", "fd_error", "central", "best")


class DerivativesControls(QtWidgets.QWidget):
    """Inputs and readouts; the lab connects to the input widgets' signals and feeds back states and results."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        col = QtWidgets.QVBoxLayout(self)

        fn = QtWidgets.QGroupBox(translate("Derivatives", "Function"))
        fl = QtWidgets.QVBoxLayout(fn)
        self.preset = QtWidgets.QComboBox()
        for key, preset in PRESETS.items():
            self.preset.addItem(translate("calculus", preset.label), key)
        self.preset.addItem(translate("Derivatives", "Your own function"), "custom")
        self.expression = ExpressionEdit(("x",))
        self.formula = QtWidgets.QLabel("")
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_second = QtWidgets.QCheckBox(translate("Derivatives", "Show f″ (second derivative)"))
        for w in (
            QtWidgets.QLabel(translate("Derivatives", "Preset")),
            self.preset,
            QtWidgets.QLabel("f(x) ="),
            self.expression,
            self.formula,
            self.show_second,
        ):
            fl.addWidget(w)
        col.addWidget(fn)

        pt = QtWidgets.QGroupBox(translate("Derivatives", "Point and tangent"))
        pf = QtWidgets.QFormLayout(pt)
        self.x0 = QtWidgets.QDoubleSpinBox()
        configure_spin(self.x0, spec_of(DerivativesState, "x0"))
        self.x0.setKeyboardTracking(False)
        self.readouts = {key: QtWidgets.QLabel() for key in READOUTS}
        self.readouts["tangent"].setWordWrap(True)
        self.readouts["best"].setWordWrap(True)
        pf.addRow(field_label(spec_of(DerivativesState, "x0")), self.x0)
        pf.addRow("f(x₀)", self.readouts["f"])
        pf.addRow(translate("Derivatives", "slope f′(x₀)"), self.readouts["slope"])
        pf.addRow("f″(x₀)", self.readouts["second"])
        pf.addRow(translate("Derivatives", "tangent"), self.readouts["tangent"])
        col.addWidget(pt)

        sec = QtWidgets.QGroupBox(translate("Derivatives", "Secant and finite differences"))
        sf = QtWidgets.QFormLayout(sec)
        self.show_secant = QtWidgets.QCheckBox(translate("Derivatives", "Show the secant through x₀ and x₀ + h"))
        self.h = log_slider(DerivativesState, "h")
        sf.addRow(self.show_secant)
        sf.addRow(field_label(spec_of(DerivativesState, "h")), self.h)
        sf.addRow(translate("Derivatives", "secant slope"), self.readouts["secant"])
        sf.addRow(translate("Derivatives", "|secant − f′|"), self.readouts["fd_error"])
        sf.addRow(translate("Derivatives", "central diff."), self.readouts["central"])
        sf.addRow(self.readouts["best"])
        col.addWidget(sec)
        col.addStretch(1)

    def show_inputs(self, state: DerivativesState) -> None:
        """Make every input show ``state`` without emitting."""
        self.expression.set_text(state.expression)
        index = self.preset.findData(state.preset)
        for widget, setter in (
            (self.preset, lambda: self.preset.setCurrentIndex(max(index, 0))),
            (self.show_second, lambda: self.show_second.setChecked(state.show_second)),
            (self.show_secant, lambda: self.show_secant.setChecked(state.show_secant)),
            (self.x0, lambda: self.x0.setValue(state.x0)),
        ):
            with QtCore.QSignalBlocker(widget):
                setter()
        if abs(self.h.value() - state.h) > 1e-15 * state.h:
            self.h.set_value(state.h)

    def show_results(self, r: DerivativesResults) -> None:
        """Write every readout text derive made."""
        for key, label in self.readouts.items():
            label.setText(r.readouts[key])

    def show_formulas(self, texts: tuple[str, ...]) -> None:
        """f(x) = …, f′(x) = … (and f″) as rich text."""
        self.formula.setText("<br>".join(f"<b>{n}</b> = {t}" for n, t in zip(FORMULA_NAMES, texts, strict=False)))

    def show_sketch(self, s: FunctionSketch) -> None:
        """While sympy loads: f's formula and value; every derivative readout waits ("…")."""
        self.formula.setText(
            f"<b>f(x)</b> = {s.formula}<br><i>"
            + translate("Derivatives", "working out the exact derivatives (loading sympy)…")
            + "</i>"
        )
        for key, label in self.readouts.items():
            label.setText(s.readout_f if key == "f" else "…")
