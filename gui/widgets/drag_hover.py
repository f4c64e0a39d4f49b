"""During a pyqtgraph drag, hover is worked out at the drag's first move, not again at every move.

pyqtgraph's scene sends hover events on every mouse move, a drag included: it finds the items near the pointer (a
search of the scene sorted by depth, 0.3–0.6 ms a move in a busy lab) and tells each one it may not take the hover
(``acceptDrags`` is False mid-drag), which only ever turns hover highlights off. The first move of a drag does that
for every hovered item; the moves after it would repeat it for nothing. The release works hover out again as before.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg

__all__ = ["install"]

_MARK = "_mlsandbox_drag_hover"


def install() -> bool:
    """Patch :class:`pyqtgraph.GraphicsScene` once (True when this call patched it)."""
    scene_class = pg.GraphicsScene
    original = scene_class.sendHoverEvents
    if getattr(original, _MARK, False):
        return False

    def sendHoverEvents(self: Any, ev: Any, exitOnly: bool = False) -> None:
        if not exitOnly and self.dragButtons and ev.buttons():
            return  # mid-drag: the drag's first move already turned every hover off
        original(self, ev, exitOnly)

    setattr(sendHoverEvents, _MARK, True)
    sendHoverEvents.__doc__ = original.__doc__
    scene_class.sendHoverEvents = sendHoverEvents
    return True
