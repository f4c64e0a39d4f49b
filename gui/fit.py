"""Make a lab fit small classroom screens: control columns that narrow and scroll, plots that may shrink.

Labs build their control columns as fixed-width scroll areas sized for a 1280×800 desktop; presenter fonts widen them
by half. :func:`fit_lab` turns every such column into one that takes at most a share of the lab's width (scrolling,
never clipping, when its contents need more), and lowers plot minimums, so every lab fits 1024×768 and 1280×720 with
the Lessons panel open while its plots keep most of the room.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

__all__ = ["fit_lab", "COLUMN_SHARE", "COLUMN_MIN", "column_areas", "LabFrame"]

COLUMN_SHARE = 0.36
"""The most of the lab's width a control column may take; the plots keep the rest."""
COLUMN_MIN = 200
"""The narrowest a control column gets (its contents scroll sideways below their own minimum)."""
PLOT_MIN = (180, 140)
"""The smallest a plot may be squeezed to (its own minimum is lowered to this when larger)."""
OTHER_MIN_WIDTH = 240
"""Any other explicit minimum width above this is lowered to it (tables and text scroll by themselves)."""
_NO_LIMIT = 16777215  # QWIDGETSIZE_MAX
_NOMINAL = "fitNominalWidth"


def column_areas(lab: QtWidgets.QWidget) -> list[QtWidgets.QScrollArea]:
    """The lab's control columns: scroll areas given a fixed or large minimum width, not panes of a splitter."""
    found = []
    for area in lab.findChildren(QtWidgets.QScrollArea):
        if isinstance(area.parentWidget(), QtWidgets.QSplitter):
            continue
        if isinstance(area, (QtWidgets.QTextEdit, QtWidgets.QAbstractItemView, pg.GraphicsView)):
            continue
        nominal = area.property(_NOMINAL)
        if nominal is not None or area.maximumWidth() < _NO_LIMIT or area.minimumWidth() >= COLUMN_MIN:
            found.append(area)
    return found


def fit_lab(lab: QtWidgets.QWidget) -> None:
    """Make ``lab`` fit small windows (call once, after the theme has scaled its widths).

    Pages a lab builds when first shown (lazy tabs) are fitted when a tab changes, before they are laid out.
    """
    resizer = _ColumnResizer(lab)
    lab.installEventFilter(resizer)
    resizer.refit()
    for tabs in lab.findChildren(QtWidgets.QTabWidget):
        tabs.currentChanged.connect(resizer.refit_soon)


def _fit_column(area: QtWidgets.QScrollArea) -> None:
    if area.property(_NOMINAL) is not None:
        return
    nominal = max(area.minimumWidth(), area.maximumWidth() if area.maximumWidth() < _NO_LIMIT else 0)
    area.setProperty(_NOMINAL, nominal)
    area.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    inner = area.widget()
    if inner is not None and inner.maximumWidth() < _NO_LIMIT:
        inner.setMaximumWidth(_NO_LIMIT)  # it follows the column's width instead
    area.setMinimumWidth(COLUMN_MIN)
    area.setMaximumWidth(nominal)


def _lower_minimums(lab: QtWidgets.QWidget, columns: list[QtWidgets.QScrollArea]) -> None:
    """Plots may shrink to ``PLOT_MIN``, other widgets to ``OTHER_MIN_WIDTH``; long labels wrap."""
    column_set = set(columns)
    for widget in lab.findChildren(QtWidgets.QWidget):
        if widget in column_set:
            continue
        if isinstance(widget, pg.GraphicsView):
            widget.setMinimumSize(min(widget.minimumWidth(), PLOT_MIN[0]), min(widget.minimumHeight(), PLOT_MIN[1]))
            continue
        if widget.minimumWidth() > OTHER_MIN_WIDTH:
            widget.setMinimumWidth(OTHER_MIN_WIDTH)
        long_label = isinstance(widget, QtWidgets.QLabel) and widget.minimumSizeHint().width() > OTHER_MIN_WIDTH
        if long_label and not widget.wordWrap():
            widget.setWordWrap(True)  # a long readout wraps instead of pushing its column wider


class _ColumnResizer(QtCore.QObject):
    """Keeps each control column at most ``COLUMN_SHARE`` of the lab's width as the window changes size."""

    def __init__(self, lab: QtWidgets.QWidget) -> None:
        super().__init__(lab)
        self._lab = lab
        self._columns: list[QtWidgets.QScrollArea] = []

    def refit(self) -> None:
        """Fit every column and minimum under the lab, including pages built since the last time."""
        self._columns = column_areas(self._lab)
        for area in self._columns:
            _fit_column(area)
        _lower_minimums(self._lab, self._columns)
        self.apply(self._room())

    def _room(self) -> int:
        """The width the window gives the lab (not the lab's own width, which a wide page may have stretched)."""
        frame = self._lab.parentWidget()
        if frame is not None and isinstance(frame.parentWidget(), LabFrame):
            return frame.width()
        return self._lab.width()

    def refit_soon(self, *_args: object) -> None:
        QtCore.QTimer.singleShot(0, self, self.refit)  # after the lazy page has built itself

    def apply(self, lab_width: int) -> None:
        for area in self._columns:
            nominal = int(area.property(_NOMINAL) or COLUMN_MIN)
            inner = area.widget()
            if inner is not None:  # room for the contents without sideways scrolling, when the window has it
                bar = area.verticalScrollBar().sizeHint().width()
                nominal = max(nominal, inner.minimumSizeHint().width() + bar + 2 * area.frameWidth())
            width = max(COLUMN_MIN, min(nominal, int(lab_width * COLUMN_SHARE)))
            if area.maximumWidth() != width:
                area.setMaximumWidth(width)
                area.setMinimumWidth(width)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # Qt override
        if event.type() == QtCore.QEvent.Type.Resize:
            self.apply(self._room())
        return False


class LabFrame(QtWidgets.QScrollArea):
    """The last resort around each lab: if a window is smaller than the lab can go, the lab scrolls, never clips."""

    def __init__(self, lab: QtWidgets.QWidget) -> None:
        super().__init__()
        self.setObjectName(f"{lab.objectName() or type(lab).__name__}Frame")
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)  # Qt would grow the lab to its preferred height-for-width: we use the minimum
        self.setWidget(lab)
        self.setMinimumSize(COLUMN_MIN, PLOT_MIN[1])
        for resizer in lab.findChildren(_ColumnResizer):
            self.viewport().installEventFilter(resizer)  # columns follow the room the window gives, not the lab

    @staticmethod
    def of(lab: QtWidgets.QWidget) -> "LabFrame":
        """The frame holding ``lab``."""
        frame = lab.parentWidget()
        while frame is not None and not isinstance(frame, LabFrame):
            frame = frame.parentWidget()
        if frame is None:
            raise LookupError(f"{type(lab).__name__} is not in a LabFrame")
        return frame

    def scrolls(self) -> bool:
        """Whether the lab is larger than the room it has (the frame shows scroll bars)."""
        lab = self.widget()
        hint = lab.minimumSizeHint().expandedTo(lab.minimumSize())
        room = self.maximumViewportSize()
        return hint.width() > room.width() or hint.height() > room.height()

    def fit_widget(self) -> None:
        """The lab fills the viewport, unless it cannot go that small: then the frame scrolls."""
        lab = self.widget()
        if lab is None:
            return
        least = lab.minimumSizeHint().expandedTo(lab.minimumSize())
        size = self.viewport().size().expandedTo(least)
        if lab.size() != size:
            lab.resize(size)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        self.fit_widget()

    def viewportEvent(self, event: QtCore.QEvent) -> bool:  # Qt override: the lab's minimum changed (a page built)
        if event.type() == QtCore.QEvent.Type.LayoutRequest:
            self.fit_widget()
        return super().viewportEvent(event)

    def minimumSizeHint(self) -> QtCore.QSize:  # Qt override: the frame may be smaller than the lab
        return QtCore.QSize(COLUMN_MIN, PLOT_MIN[1])
