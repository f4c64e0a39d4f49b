"""A labelled parameter control: a slider over a teaching range plus a spin box limited to the parameter's domain."""

from __future__ import annotations

import math

from PySide6 import QtCore, QtWidgets

from gui.widgets.live_quality import live_on_press

__all__ = ["ParamSlider"]

_TICKS = 1000


class ParamSlider(QtWidgets.QWidget):
    """Symbol, slider and spin box; ``value_changed(value, final)`` — live while dragging, final on release/typing."""

    value_changed = QtCore.Signal(float, bool)

    def __init__(
        self,
        symbol: str,
        slider_range: tuple[float, float],
        domain: tuple[float, float],
        *,
        integer: bool = False,
        decimals: int = 3,
        tooltip: str = "",
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lo, self._hi = (float(v) for v in slider_range)
        self._integer = integer
        self.label = QtWidgets.QLabel(symbol)
        self.label.setMinimumWidth(28)
        self.label.setToolTip(tooltip)
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        ticks = int(self._hi - self._lo) if integer else _TICKS
        self.slider.setRange(0, max(1, ticks))
        self.slider.setToolTip(tooltip)
        self.box: QtWidgets.QSpinBox | QtWidgets.QDoubleSpinBox
        if integer:
            self.box = QtWidgets.QSpinBox()
            self.box.setRange(int(max(domain[0], -2e9)), int(min(domain[1], 2e9)))
        else:
            self.box = QtWidgets.QDoubleSpinBox()
            self.box.setDecimals(decimals)
            self.box.setRange(domain[0], domain[1])
            self.box.setSingleStep((self._hi - self._lo) / 100)
        self.box.setKeyboardTracking(False)
        self.box.setToolTip(tooltip)
        self.box.setMinimumWidth(84)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.box)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderReleased.connect(lambda: self.value_changed.emit(self.value(), True))
        self.box.valueChanged.connect(lambda v: self.value_changed.emit(float(v), True))
        live_on_press(self.slider)

    def value(self) -> float:
        """The current value (the spin box is the source of truth)."""
        return float(self.box.value())

    def set_value(self, value: float) -> None:
        """Show ``value`` without emitting ``value_changed``."""
        shown = int(round(value)) if self._integer else value
        if self.box.value() == shown and self.slider.value() == self._to_tick(value):
            return  # already shown: setValue would still repaint both widgets on every render of a drag
        with QtCore.QSignalBlocker(self.box), QtCore.QSignalBlocker(self.slider):
            self.box.setValue(int(round(value)) if self._integer else value)
            self.slider.setValue(self._to_tick(value))

    def _to_tick(self, value: float) -> int:
        if not math.isfinite(value):
            return 0
        frac = (value - self._lo) / (self._hi - self._lo) if self._hi > self._lo else 0.0
        return int(round(min(1.0, max(0.0, frac)) * self.slider.maximum()))

    def _from_tick(self, tick: int) -> float:
        value = self._lo + (self._hi - self._lo) * tick / self.slider.maximum()
        return float(round(value)) if self._integer else float(f"{value:.4g}")

    def _on_slider(self, tick: int) -> None:
        value = self._from_tick(tick)
        with QtCore.QSignalBlocker(self.box):
            self.box.setValue(int(round(value)) if self._integer else value)
        # Keyboard/page steps on the slider are complete edits; a mouse drag finishes on release.
        self.value_changed.emit(self.value(), not self.slider.isSliderDown())
