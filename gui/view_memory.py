"""Pan/zoom of every plot is part of the scene: recorded when the user moves a plot, saved, restored, clamped.

Each plot (pyqtgraph ViewBox) gets a stable name from its place in the lab's widget tree, e.g.
``QTabWidget0/QStackedWidget0/LazyPage2/PlotWidget0#0``; a name a file holds that this version does not have is
ignored. A user pan/zoom marks the scene modified (not an undo step, like the labs' own ``view`` fields).
"""

from __future__ import annotations

import weakref
from typing import Any

import pyqtgraph as pg
import shiboken6
from PySide6 import QtCore, QtWidgets

from gui.view_range import sane_view
from gui.widgets.lazy_page import LazyPage

__all__ = ["ViewMemory", "plot_boxes"]

Range = tuple[float, float, float, float]


def _step(widget: QtWidgets.QWidget) -> str:
    if widget.objectName():
        return widget.objectName()
    parent = widget.parentWidget()
    kind = type(widget).__name__
    siblings = [] if parent is None else [c for c in parent.children() if type(c).__name__ == kind]
    return f"{kind}{siblings.index(widget) if widget in siblings else 0}"


def _path(widget: QtWidgets.QWidget, root: QtWidgets.QWidget) -> str:
    steps = []
    while widget is not None and widget is not root:
        steps.append(_step(widget))
        widget = widget.parentWidget()
    return "/".join(reversed(steps))


def plot_boxes(lab: QtWidgets.QWidget) -> dict[str, pg.ViewBox]:
    """Every plot area built so far in ``lab``, by its stable name (lazily built tabs join when built)."""
    boxes: dict[str, pg.ViewBox] = {}
    for view in lab.findChildren(pg.GraphicsView):
        scene = view.scene()
        if scene is None:
            continue
        found = [item for item in scene.items(QtCore.Qt.SortOrder.AscendingOrder) if isinstance(item, pg.ViewBox)]
        base = _path(view, lab)
        for index, box in enumerate(found):
            boxes[f"{base}#{index}"] = box
    return boxes


def _range(box: pg.ViewBox) -> Range:
    (x0, x1), (y0, y1) = box.viewRange()
    return float(x0), float(x1), float(y0), float(y1)


class ViewMemory(QtCore.QObject):
    """The window's record of moved plots: lab name -> plot name -> (x0, x1, y0, y1)."""

    moved = QtCore.Signal()
    """The user panned or zoomed a plot (the scene now differs from its file)."""
    message = QtCore.Signal(str)
    """A sentence for the status bar (a range clamped to sane bounds)."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._ranges: dict[str, dict[str, Range]] = {}
        self._hooked: weakref.WeakValueDictionary[int, pg.ViewBox] = weakref.WeakValueDictionary()
        self._pages_hooked: set[int] = set()

    def snapshot(self) -> dict[str, dict[str, Range]]:
        """What a scene saves: every moved plot's range, including labs not opened since the file was read."""
        return {lab: dict(r) for lab, r in self._ranges.items() if r}

    def load(self, views: Any, labs: dict[str, QtWidgets.QWidget]) -> list[str]:
        """Take a scene's ranges (clamped to sane bounds); apply them to the open labs; the clamping sentences."""
        notes = []
        self._ranges = {}
        for lab_name, ranges in dict(views or {}).items():
            for key, rng in dict(ranges).items():
                fixed, problem = sane_view(rng)
                if problem:
                    notes.append(problem)
                self._ranges.setdefault(lab_name, {})[key] = tuple(float(v) for v in fixed)  # type: ignore[assignment]
        for lab in labs.values():
            self.attach(lab, apply=True)
        return notes

    def attach(self, lab: Any, apply: bool = True) -> None:
        """Watch every plot ``lab`` has built (call when it is shown); put back the ranges recorded for it."""
        for key, box in plot_boxes(lab).items():
            if self._hooked.get(id(box)) is not box:
                self._hooked[id(box)] = box
                box.sigRangeChangedManually.connect(lambda *_a, n=lab.name, k=key, b=box: self._on_moved(n, k, b))
            wanted = self._ranges.get(lab.name, {}).get(key)
            if apply and wanted is not None and _range(box) != wanted:
                box.setRange(xRange=wanted[:2], yRange=wanted[2:], padding=0.0)
        for page in lab.findChildren(LazyPage):
            if id(page) not in self._pages_hooked:
                self._pages_hooked.add(id(page))
                page.built.connect(lambda *_a, ref=lab: self._attach_later(ref))

    def _attach_later(self, lab: Any) -> None:
        # the page's plots are laid out and drawn by the lab first; then their recorded ranges go back
        QtCore.QTimer.singleShot(0, lambda: shiboken6.isValid(lab) and self.attach(lab))

    def _on_moved(self, lab_name: str, key: str, box: pg.ViewBox) -> None:
        if not shiboken6.isValid(box):
            return
        rng, problem = sane_view(_range(box))
        if problem:
            box.setRange(xRange=rng[:2], yRange=rng[2:], padding=0.0)
            self.message.emit(problem)
        self._ranges.setdefault(lab_name, {})[key] = tuple(float(v) for v in rng)  # type: ignore[assignment]
        self.moved.emit()
