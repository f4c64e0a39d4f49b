"""Fast drawing while a gesture runs: curves without antialiasing and labels that do not re-flow the window during a
drag, the fine look back when it ends.

Thick antialiased curves are the largest share of a frame at 1920×1080 in presenter mode (5 px pens): drawn aliased
they cost about a third less, and a moving picture does not show the difference. A readout whose text changes asks
its layout to re-flow, up to the main window (~1–2 ms a label at 1080p); a label of fixed size does not, so the shown
labels keep their size while the gesture lasts (a longer text is clipped until the end, then laid out in full).

A lab calls :meth:`LiveQuality.begin` on every live change and :meth:`LiveQuality.end` when the gesture is committed;
if no end comes (a gesture that never commits), the fine look returns by itself :data:`SETTLE_MS` after the last
change, so a lab at rest always looks as designed.
"""

from __future__ import annotations

import functools

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

__all__ = ["LiveQuality", "SETTLE_MS", "settle_layouts", "live_on_press", "begin_live_look"]

SETTLE_MS = 250
"""Quiet time after the last live change at which the fine look comes back without an explicit end."""


def settle_layouts() -> None:
    """Run the layout passes now that freezing the labels asked for, in one go.

    Holding every shown label at its size makes each layout ask its parent's to run again, one level per pass of the
    event loop: the first two or three steps of every drag re-laid out and repainted most of the control column
    (579×671 px at 1920 presenter). Settled at the gesture's start, its first step pays once and the next nothing.
    """
    for _ in range(6):  # (a control column is a handful of layouts deep)
        QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.LayoutRequest)


class LiveQuality(QtCore.QObject):
    """Switch antialiasing of every curve under ``root`` off during a gesture and back on at its end."""

    def __init__(self, root: QtWidgets.QWidget) -> None:
        super().__init__(root)
        self._root = root
        self._lowered: list[pg.GraphicsObject] = []
        self._frozen: list[tuple[QtWidgets.QLabel, QtCore.QSize, QtCore.QSize]] = []
        self.live = False
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.end)

    def begin(self) -> None:
        """A live change: draw curves aliased until :meth:`end` (or :data:`SETTLE_MS` of quiet)."""
        self._timer.start()
        if self.live:
            return
        self.live = True
        self._lowered = []
        for view in self._root.findChildren(pg.GraphicsView):
            for item in view.scene().items():
                # a PlotDataItem hands its own option to its curve on every setData: both are lowered
                if isinstance(item, (pg.PlotCurveItem, pg.PlotDataItem)) and item.opts.get("antialias"):
                    item.opts["antialias"] = False
                    self._lowered.append(item)
        self._frozen = []
        for label in self._root.findChildren(QtWidgets.QLabel):
            if label.isVisible():
                self._frozen.append((label, label.minimumSize(), label.maximumSize()))
                label.setFixedSize(label.size())
        settle_layouts()

    def end(self) -> None:
        """The gesture is over: curves antialiased again, repainted at the next frame."""
        self._timer.stop()
        if not self.live:
            return
        self.live = False
        lowered, self._lowered = self._lowered, []
        frozen, self._frozen = self._frozen, []
        for label, low, high in frozen:
            try:
                label.setMinimumSize(low)
                label.setMaximumSize(high)
            except RuntimeError:  # deleted meanwhile
                pass
        for item in lowered:
            try:
                item.opts["antialias"] = True
                item.update()
            except RuntimeError:  # the item was deleted during the gesture (a view rebuilt): nothing to restore
                pass


def begin_live_look(widget: QtWidgets.QWidget) -> None:
    """Start the live look of the lab holding ``widget`` (its nearest ancestor with a ``live_quality``), if any."""
    parent = widget.parentWidget()
    while parent is not None:
        live = getattr(parent, "live_quality", None)
        if isinstance(live, LiveQuality):
            live.begin()
            return
        parent = parent.parentWidget()


def live_on_press(*sliders: QtWidgets.QAbstractSlider) -> None:
    """Grabbing a handle of one of ``sliders`` starts its lab's live look at once, so the drag's first move does not
    pay for it as well (~2.5–3 ms at 1920 presenter). The shared slider rows call this for every lab; a press that
    moves nothing ends it :data:`SETTLE_MS` later, like any gesture."""
    for slider in sliders:
        slider.sliderPressed.connect(functools.partial(begin_live_look, slider))
