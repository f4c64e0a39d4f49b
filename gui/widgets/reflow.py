"""Panes side by side while there is room, one above the other below a width (small screens, the Lessons panel open).

A :class:`Reflow` watches one widget's width and calls the lab's ``arrange(narrow)`` when it crosses the width the
side-by-side arrangement needs: both panes at their least useful width, and never less than what they ask for side by
side (else the wide arrangement would hold the page wider than the window and never give way). The decision depends
on the width alone, not on the arrangement, so it cannot flip back and forth.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6 import QtCore, QtWidgets

__all__ = ["Reflow", "SIDE_MIN"]

SIDE_MIN = 250
"""The narrowest a pane beside the main plot is useful (a ROC curve, a loss curve, a weight table); narrower: stack."""


class Reflow(QtCore.QObject):
    """Calls ``arrange(narrow)`` when ``host`` gets narrower than ``wide_min`` (or than ``panes`` need side by side).

    ``narrow`` tells the current arrangement; ``changed`` follows it (tests, views that redraw for the new shape).
    """

    changed = QtCore.Signal(bool)

    def __init__(
        self,
        host: QtWidgets.QWidget,
        wide_min: int,
        panes: Sequence[QtWidgets.QWidget],
        arrange: Callable[[bool], None],
        spacing: int = 8,
    ) -> None:
        super().__init__(host)
        self._host = host
        self._wide_min = wide_min
        self._panes = tuple(panes)
        self._arrange = arrange
        self._spacing = spacing
        self.narrow = False
        self._need = 0
        host.installEventFilter(self)

    def threshold(self) -> int:
        """The least width of ``host`` for the side-by-side arrangement.

        The panes are measured while side by side (stacked, a pane may lay its own parts out wider or narrower).
        """
        if not self.narrow:
            need = sum(p.minimumSizeHint().expandedTo(p.minimumSize()).width() for p in self._panes)
            self._need = need + self._spacing * max(0, len(self._panes) - 1)
        return max(self._wide_min, self._need)

    def update(self) -> None:
        """Arrange for the host's current width (called on every resize; cheap when nothing changes)."""
        narrow = self._host.width() < self.threshold()
        if narrow != self.narrow:
            self.narrow = narrow
            self._arrange(narrow)
            self.changed.emit(narrow)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # Qt override
        if watched is self._host and event.type() == QtCore.QEvent.Type.Resize:
            self.update()
        return False
