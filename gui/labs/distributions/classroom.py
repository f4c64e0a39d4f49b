"""The Distributions lab's classroom mode: reveal the drawn samples one at a time, a hundred at a time, or animated."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from gui.i18n import translate

__all__ = ["ClassroomReveal"]


class ClassroomReveal(QtCore.QObject):
    """How many of the current draws are shown (``None`` = all); ``changed`` fires whenever that number moves.

    The animation speeds up as it goes (1 draw per tick for the first 20, then 10, then 100) so a class sees the
    first few bars appear one by one and the shape settle without waiting minutes.
    """

    changed = QtCore.Signal()

    def __init__(self, play_button: QtWidgets.QPushButton, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.shown: int | None = None
        self.total = 0
        self._play = play_button
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(60)
        self.timer.timeout.connect(self._on_tick)
        play_button.toggled.connect(self._on_play)

    def reset(self, total: int) -> None:
        """New draws arrived: show all ``total`` of them and stop animating."""
        self.total = int(total)
        self.shown = None
        self._set_playing(False)

    def reveal(self, k: int) -> None:
        """Show ``k`` more draws; reaching the end shows all and stops the animation."""
        self.shown = min(self.total, (self.shown or 0) + int(k))
        if self.shown >= self.total:
            self.shown = None
            self._set_playing(False)
        self.changed.emit()

    def show_all(self) -> None:
        """Stop and show every draw."""
        self._set_playing(False)
        self.shown = None
        self.changed.emit()

    def stop(self) -> None:
        """Stop the timer (lab shutdown)."""
        self.timer.stop()

    def _set_playing(self, on: bool) -> None:
        if self._play.isChecked() != on:
            self._play.setChecked(on)  # -> _on_play
        elif not on:
            self.timer.stop()

    def _on_play(self, on: bool) -> None:
        self._play.setText(translate("Distributions", "⏸ Pause") if on else translate("Distributions", "▶ Animate"))
        if on:
            if self.shown is None:
                self.shown = 0
            self.timer.start()
        else:
            self.timer.stop()

    def _on_tick(self) -> None:
        shown = self.shown or 0
        self.reveal(1 if shown < 20 else 10 if shown < 300 else 100)
