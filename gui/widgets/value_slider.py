"""A labelled slider with a typed value box: ``value_changed(value, final)`` — live while dragging, final on release."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from gui.widgets.live_quality import live_on_press

__all__ = ["ValueSlider"]


class ValueSlider(QtWidgets.QWidget):
    """Pick a number in [lo, hi] in steps of ``step`` by slider or by typing."""

    value_changed = QtCore.Signal(float, bool)

    def __init__(
        self, label: str, lo: float, hi: float, value: float, step: float = 0.05, decimals: int = 2, parent=None
    ) -> None:
        super().__init__(parent)
        self._lo, self._step = lo, step
        self.label = QtWidgets.QLabel(label)
        self.label.setMinimumWidth(24)
        self.slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.box = QtWidgets.QDoubleSpinBox()
        self.box.setDecimals(decimals)
        self.box.setKeyboardTracking(False)
        self.box.setFixedWidth(78)
        self.box.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.box)
        self.set_range(lo, hi, step)
        self.set_value(value)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderReleased.connect(lambda: self.value_changed.emit(self.value(), True))
        self.box.valueChanged.connect(self._on_box)
        live_on_press(self.slider)

    def set_range(self, lo: float, hi: float, step: float | None = None) -> None:
        """New bounds (and step); the value is clamped into them without emitting."""
        self._lo, self._step = lo, step or self._step
        with QtCore.QSignalBlocker(self.slider), QtCore.QSignalBlocker(self.box):
            self.slider.setRange(0, max(1, round((hi - lo) / self._step)))
            self.box.setRange(lo, hi)
            self.box.setSingleStep(self._step)

    def set_label(self, text: str) -> None:
        self.label.setText(text)

    def value(self) -> float:
        """The current value."""
        return float(self.box.value())

    def set_value(self, value: float) -> None:
        """Show ``value`` without emitting (the model pushes, the view echoes nothing back)."""
        if value == self.box.value() and self.slider.value() == round((value - self._lo) / self._step):
            return  # already shown: setValue would still repaint both widgets on every render of a drag
        with QtCore.QSignalBlocker(self.slider), QtCore.QSignalBlocker(self.box):
            self.box.setValue(value)
            self.slider.setValue(round((self.box.value() - self._lo) / self._step))

    def _on_slider(self, tick: int) -> None:
        v = round(self._lo + tick * self._step, 10)
        with QtCore.QSignalBlocker(self.box):
            self.box.setValue(v)
        self.value_changed.emit(self.value(), not self.slider.isSliderDown())

    def _on_box(self, v: float) -> None:
        with QtCore.QSignalBlocker(self.slider):
            self.slider.setValue(round((v - self._lo) / self._step))
        self.value_changed.emit(float(v), True)
