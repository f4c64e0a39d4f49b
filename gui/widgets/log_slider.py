"""A slider on a logarithmic scale with a typed value box and an optional marked bound (e.g. lr < 2/λmax)."""

from __future__ import annotations

import math

from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme
from gui.i18n import translate
from gui.widgets.live_quality import live_on_press

__all__ = ["LogSlider"]

_TICKS = 1000


class _MarkedSlider(QtWidgets.QSlider):
    """A horizontal QSlider that paints a vertical mark at one position (the stability bound)."""

    def __init__(self) -> None:
        super().__init__(QtCore.Qt.Orientation.Horizontal)
        self.mark: int | None = None
        self.mark_text = ""

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        super().paintEvent(event)
        if self.mark is None:
            return
        opt = QtWidgets.QStyleOptionSlider()
        self.initStyleOption(opt)
        groove = self.style().subControlRect(
            QtWidgets.QStyle.ComplexControl.CC_Slider, opt, QtWidgets.QStyle.SubControl.SC_SliderGroove, self
        )
        handle = self.style().subControlRect(
            QtWidgets.QStyle.ComplexControl.CC_Slider, opt, QtWidgets.QStyle.SubControl.SC_SliderHandle, self
        )
        span = groove.width() - handle.width()
        x = (
            groove.left()
            + handle.width() / 2
            + span * (self.mark - self.minimum()) / max(1, self.maximum() - self.minimum())
        )
        p = QtGui.QPainter(self)
        p.setPen(QtGui.QPen(theme.color("vermillion"), 3))
        p.drawLine(QtCore.QPointF(x, 1), QtCore.QPointF(x, self.height() - 1))
        # shade the unstable side so "why did it diverge?" is visible on the slider itself
        p.fillRect(QtCore.QRectF(x, 1, self.width() - x, self.height() - 2), theme.color("vermillion", 40))
        p.end()


class LogSlider(QtWidgets.QWidget):
    """Pick a positive number on a log scale; ``value_changed(value, final)`` (final on release or typed)."""

    value_changed = QtCore.Signal(float, bool)

    def __init__(self, lo: float = 1e-5, hi: float = 10.0, value: float = 1e-3, parent=None) -> None:
        super().__init__(parent)
        self._lo, self._hi = lo, hi
        self.slider = _MarkedSlider()
        self.slider.setRange(0, _TICKS)
        self.box = QtWidgets.QLineEdit()
        self.box.setFixedWidth(62)
        self.box.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.slider, 1)
        lay.addWidget(self.box)
        self._value = value
        self.set_value(value)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderReleased.connect(lambda: self.value_changed.emit(self._value, True))
        self.box.editingFinished.connect(self._on_typed)
        live_on_press(self.slider)

    def value(self) -> float:
        """The current value."""
        return self._value

    def _to_tick(self, v: float) -> int:
        v = min(max(v, self._lo), self._hi)
        return round(_TICKS * math.log(v / self._lo) / math.log(self._hi / self._lo))

    def _from_tick(self, t: int) -> float:
        v = self._lo * (self._hi / self._lo) ** (t / _TICKS)
        return float(f"{v:.3g}")  # round to 3 significant digits: readable values a student can type back

    def set_value(self, v: float) -> None:
        """Show ``v`` without emitting."""
        self._value = v
        with QtCore.QSignalBlocker(self.slider):
            self.slider.setValue(self._to_tick(v) if v > 0 else 0)
        self.box.setText(f"{v:.3g}")
        if self.box.styleSheet():  # re-styling costs a layout pass: only undo an error colour that is shown
            self.box.setStyleSheet("")

    def set_mark(self, bound: float | None, text: str = "") -> None:
        """Mark ``bound`` on the slider (None removes the mark); values beyond it are shaded."""
        self.slider.mark = None if bound is None or not (self._lo < bound < self._hi * 10) else self._to_tick(bound)
        self.slider.mark_text = text
        self.slider.setToolTip(text)
        self.slider.update()

    def _on_slider(self, tick: int) -> None:
        self._value = self._from_tick(tick)
        self.box.setText(f"{self._value:.3g}")
        self.value_changed.emit(self._value, not self.slider.isSliderDown())

    def _on_typed(self) -> None:
        text = self.box.text().strip()
        try:
            v = float(text)
        except ValueError:
            v = math.nan
        if not (math.isfinite(v) and self._lo <= v <= self._hi):
            self.box.setStyleSheet(f"color: {theme.COLORS['vermillion']};")
            self.box.setToolTip(
                translate("Widgets", "type a number from {0} to {1}").format(f"{self._lo:g}", f"{self._hi:g}")
            )
            self.set_value(self._value) if not text else None
            return
        if v != self._value:
            self.set_value(v)
            self.value_changed.emit(v, True)
