"""What the Optimizer lab writes beside the surface at a playback position: the table rows, and when.

:func:`readout_rows` colours the texts :func:`engine.optim.derive` wrote; :class:`LiveThrottle` holds the readouts
to at most ten refreshes a second while a drag recomputes the runs every frame: the paths and the star follow the
mouse at once, the numbers a moment later, and everything is exact again when the mouse is released.
"""

from __future__ import annotations

from PySide6 import QtCore

from engine.optim import OptimizerResults
from gui.labs.optimizer.readout import SHORT_NAMES
from gui.labs.optimizer.views import COLORS

__all__ = ["LiveThrottle", "readout_rows", "LIVE_REFRESH_MS"]

LIVE_REFRESH_MS = 100
"""While a gesture lasts, the loss curves, table, narration and start label refresh at most this often."""


def readout_rows(results: OptimizerResults) -> list[tuple[str, str, list[str], str, str]]:
    """Rows for :meth:`ReadoutTable.show_rows`: every run at the results' position (or its last step)."""
    return [
        (COLORS[name], r.status, [SHORT_NAMES[name], *r.cells], r.point_text, r.message)
        for name, r in results.readouts.items()
    ]


class LiveThrottle(QtCore.QObject):
    """Coalesces refresh requests during a gesture: ``refresh`` runs at most once per :data:`LIVE_REFRESH_MS`.

    The first request of a quiet spell waits one interval (the drag's next frames come first); ``flush`` runs a
    waiting refresh at once (the gesture ended), ``cancel`` drops it.
    """

    refresh = QtCore.Signal()

    def __init__(self, parent: QtCore.QObject | None = None, interval_ms: int = LIVE_REFRESH_MS) -> None:
        super().__init__(parent)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)

    @property
    def pending(self) -> bool:
        """True while a refresh waits for its turn."""
        return self._timer.isActive()

    def request(self) -> None:
        """Refresh within one interval (requests meanwhile are folded into it)."""
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Run the waiting refresh now, if there is one."""
        if self._timer.isActive():
            self._timer.stop()
            self.refresh.emit()

    def cancel(self) -> None:
        """Drop the waiting refresh."""
        self._timer.stop()
