"""Per-optimizer hyperparameter controls: switch, colour swatch, log-scale learning rate and the torch knobs.

Lab-agnostic: it edits a plain dict of hyperparameters, so the Optimizer and Network labs share it. Every range,
step and label comes from :class:`engine.optim.OptimizerConfig`'s field specs, so both labs show the same ones.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from engine.optim import EPS_CHOICES, OptimizerConfig
from gui import theme
from gui.widgets.field_controls import configure_spin, field_label, spec_of
from gui.widgets.log_field import log_slider
from gui.widgets.log_slider import LogSlider

__all__ = ["OptimizerControls", "FIELDS"]

# Which knobs each optimizer shows (names as in torch.optim / engine.optim).
FIELDS = {
    "gd": ("lr",),
    "momentum": ("lr", "momentum"),
    "nesterov": ("lr", "momentum"),
    "adagrad": ("lr", "eps"),
    "rmsprop": ("lr", "alpha", "eps"),
    "adam": ("lr", "beta1", "beta2", "eps"),
    "newton": ("lr",),
}


def _eps_text(e: float) -> str:
    """ε as a student reads it: 1e-8 rather than 1e-08, 0.1 rather than 1e-1."""
    return f"{e:g}" if e >= 0.1 else f"{e:.0e}".replace("e-0", "e-")


class OptimizerControls(QtWidgets.QFrame):
    """One optimizer's controls; ``changed(name, values, enabled, final)`` on every edit."""

    changed = QtCore.Signal(str, dict, bool, bool)

    def __init__(
        self, name: str, label: str, color: str, parent=None, lr_range: tuple[float, float] | None = None
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.enabled_box = QtWidgets.QCheckBox(label)
        self.enabled_box.setFont(theme.font(1.0, bold=True))
        swatch = QtWidgets.QLabel()
        swatch.setFixedSize(28, 8)
        swatch.setStyleSheet(f"background: {theme.color(color).name()}; border-radius: 3px;")
        head = QtWidgets.QHBoxLayout()
        head.addWidget(self.enabled_box)
        head.addStretch(1)
        head.addWidget(swatch)
        self.bound_label = QtWidgets.QLabel()
        self.bound_label.setStyleSheet(f"color: {theme.COLORS['vermillion']};")
        self.bound_label.hide()
        form = QtWidgets.QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.inputs: dict[str, QtWidgets.QWidget] = {}
        for key in FIELDS.get(name, ("lr",)):
            fs = spec_of(OptimizerConfig, key)
            if key == "lr":
                # ``lr_range`` is kept for callers that predate the spec; without it: the one lr range of the app.
                w = LogSlider(*lr_range, value=fs.default) if lr_range else log_slider(OptimizerConfig, "lr")
                w.value_changed.connect(lambda _v, final: self._emit(final))
            elif key == "eps":
                w = QtWidgets.QComboBox()
                for e in EPS_CHOICES:
                    w.addItem(_eps_text(e), e)
                w.currentIndexChanged.connect(lambda _i: self._emit(True))
            else:
                w = QtWidgets.QDoubleSpinBox()
                configure_spin(w, fs)
                w.setKeyboardTracking(False)
                w.valueChanged.connect(lambda _v: self._emit(True))
            self.inputs[key] = w
            form.addRow(field_label(fs, key), w)
        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(2)
        lay.addLayout(head)
        lay.addLayout(form)
        lay.addWidget(self.bound_label)
        self.enabled_box.toggled.connect(self._on_toggled)

    def values(self) -> dict[str, float]:
        """The hyperparameters as shown."""
        out = {}
        for key, w in self.inputs.items():
            if isinstance(w, LogSlider):
                out[key] = w.value()
            elif isinstance(w, QtWidgets.QComboBox):
                out[key] = float(w.currentData())
            else:
                out[key] = float(w.value())
        return out

    def set_values(self, values: dict[str, float], enabled: bool) -> None:
        """Show ``values`` and the switch without emitting."""
        blockers = [QtCore.QSignalBlocker(w) for w in (self.enabled_box, *self.inputs.values())]
        self.enabled_box.setChecked(enabled)
        for key, w in self.inputs.items():
            if key not in values:
                continue
            v = values[key]
            if isinstance(w, LogSlider):
                w.set_value(v)
            elif isinstance(w, QtWidgets.QComboBox):
                i = w.findData(v)
                if i < 0:
                    w.addItem(_eps_text(v), v)
                    i = w.count() - 1
                w.setCurrentIndex(i)
            else:
                w.setValue(v)
            w.setEnabled(enabled)
        del blockers

    def set_bound(self, bound: float | None, text: str = "") -> None:
        """Mark the stability bound on the learning-rate slider and say it in words."""
        lr = self.inputs.get("lr")
        if isinstance(lr, LogSlider):
            lr.set_mark(bound, text)
        self.bound_label.setVisible(bound is not None)
        if bound is not None:
            self.bound_label.setText(text)

    def _on_toggled(self, on: bool) -> None:
        for w in self.inputs.values():
            w.setEnabled(on)
        self._emit(True)

    def _emit(self, final: bool) -> None:
        self.changed.emit(self.name, self.values(), self.enabled_box.isChecked(), final)
