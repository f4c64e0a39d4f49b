"""Play / pause / step / scrub through iterations, with a speed control (steps per second)."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from gui.i18n import translate
from gui.widgets.live_quality import live_on_press

__all__ = ["PlaybackBar", "SPEEDS"]

SPEEDS = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 25.0, 50.0)
_BASE_RATE = 20.0  # steps per second at speed 1×
_FRAME_MS = 33


class PlaybackBar(QtWidgets.QWidget):
    """``position_changed(k, final)`` while scrubbing/playing; ``speed_changed(x)`` when the speed is picked."""

    position_changed = QtCore.Signal(int, bool)
    speed_changed = QtCore.Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        style = self.style()
        self.play_button = QtWidgets.QToolButton()
        self.play_button.setCheckable(True)
        self.play_button.setToolTip(translate("Widgets", "Play / pause (Space)"))
        self.play_button.setIcon(style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaPlay))
        self.back_button = QtWidgets.QToolButton()
        self.back_button.setIcon(style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaSeekBackward))
        self.back_button.setToolTip(translate("Widgets", "One step back"))
        self.step_button = QtWidgets.QToolButton()
        self.step_button.setIcon(style.standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MediaSeekForward))
        self.step_button.setToolTip(translate("Widgets", "One step forward"))
        self.scrub = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.scrub.setRange(0, 0)
        self.scrub.setAccessibleName(translate("Widgets", "Step of the run"))
        self.label = QtWidgets.QLabel(translate("Widgets", "step {0} / {1}").format(0, 0))
        # as wide as its longest text, so playing never re-lays out the bar (presenter mode scales this width)
        longest = translate("Widgets", "step {0} / {1}").format(9999, 9999)
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance(longest))
        self.speed = QtWidgets.QComboBox()
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setToolTip(translate("Widgets", "Playback speed"))
        self.speed.setAccessibleName(self.speed.toolTip())  # the label beside it is the step counter, not its name
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.back_button, self.play_button, self.step_button):
            lay.addWidget(w)
        lay.addWidget(self.scrub, 1)
        lay.addWidget(self.label)
        lay.addWidget(self.speed)
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(_FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._carry = 0.0
        self.play_button.toggled.connect(self._on_play)
        self.step_button.clicked.connect(lambda: self._move(self.scrub.value() + 1, True))
        self.back_button.clicked.connect(lambda: self._move(self.scrub.value() - 1, True))
        self.scrub.valueChanged.connect(lambda v: self._announce(v, not self.scrub.isSliderDown()))
        self.scrub.sliderReleased.connect(lambda: self.position_changed.emit(self.scrub.value(), True))
        live_on_press(self.scrub)
        self.speed.currentIndexChanged.connect(lambda _i: self.speed_changed.emit(self.current_speed()))

    def current_speed(self) -> float:
        """Playback speed multiplier."""
        return float(self.speed.currentData())

    def set_speed(self, speed: float) -> None:
        """Show ``speed`` (nearest listed) without emitting."""
        i = min(range(len(SPEEDS)), key=lambda j: abs(SPEEDS[j] - speed))
        with QtCore.QSignalBlocker(self.speed):
            self.speed.setCurrentIndex(i)

    def set_range(self, n: int, position: int) -> None:
        """Iterations 0 … n, currently at ``position``; no signal."""
        with QtCore.QSignalBlocker(self.scrub):
            self.scrub.setRange(0, max(0, n))
            self.scrub.setValue(min(max(position, 0), n))
        self.label.setText(translate("Widgets", "step {0} / {1}").format(self.scrub.value(), n))

    def is_playing(self) -> bool:
        """Whether the timer is advancing."""
        return self._timer.isActive()

    def stop(self) -> None:
        """Pause (also used before the lab closes)."""
        self.play_button.setChecked(False)

    def _on_play(self, on: bool) -> None:
        icon = QtWidgets.QStyle.StandardPixmap.SP_MediaPause if on else QtWidgets.QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        if on:
            if self.scrub.value() >= self.scrub.maximum():
                self._move(0, False)
            self._carry = 0.0
            self._timer.start()
        else:
            self._timer.stop()
            self.position_changed.emit(self.scrub.value(), True)

    def _tick(self) -> None:
        self._carry += _BASE_RATE * self.current_speed() * _FRAME_MS / 1000.0
        n = int(self._carry)
        if n <= 0:
            return
        self._carry -= n
        k = self.scrub.value() + n
        if k >= self.scrub.maximum():
            self._move(self.scrub.maximum(), False)
            self.stop()
            return
        self._move(k, False)

    def _move(self, k: int, final: bool) -> None:
        k = min(max(k, 0), self.scrub.maximum())
        with QtCore.QSignalBlocker(self.scrub):
            self.scrub.setValue(k)
        self._announce(k, final)

    def _announce(self, k: int, final: bool) -> None:
        self.label.setText(translate("Widgets", "step {0} / {1}").format(k, self.scrub.maximum()))
        self.position_changed.emit(k, final)
