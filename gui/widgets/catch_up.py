"""Secondary readouts that catch up at most 10 times a second while a gesture runs, and exactly when it ends.

A rich-text readout costs ~0.3–2 ms a change (its text laid out again, the column behind it re-laid out and
repainted): a large share of a drag's frame. The plot and the values under the pointer follow every move; what a
:class:`CatchUp` runs (side summaries, tables, small secondary views) waits, the newest update per key winning, at
most :data:`LIVE_MS`, and :meth:`CatchUp.flush` runs what waits at once when the gesture is committed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6 import QtCore

__all__ = ["CatchUp", "LIVE_MS"]

LIVE_MS = 100
"""During a gesture a secondary readout is redrawn at most this often (10 Hz)."""


class CatchUp(QtCore.QObject):
    """Runs updates now, or while ``live`` the newest one per key within :data:`LIVE_MS`."""

    def __init__(self, parent: QtCore.QObject) -> None:
        super().__init__(parent)
        self._pending: dict[Hashable, Callable[[], object]] = {}
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIVE_MS)
        self._timer.timeout.connect(self.flush)

    def run(self, update: Callable[[], object], live: bool, key: Hashable = None) -> None:
        """``update()`` now (dropping an older one of the same ``key`` still waiting), or while ``live`` later."""
        if live:
            self._pending[key] = update
            if not self._timer.isActive():
                self._timer.start()
            return
        self._pending.pop(key, None)
        update()

    def pending(self) -> bool:
        """True while an update waits for its turn."""
        return bool(self._pending)

    def cancel(self, key: Hashable = None) -> None:
        """Drop the update of ``key`` still waiting."""
        self._pending.pop(key, None)
        if not self._pending:
            self._timer.stop()

    def flush(self) -> None:
        """Run every waiting update now, in the order they first waited."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for update in pending.values():
            update()
