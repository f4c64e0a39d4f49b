"""Make a lab fit small classroom screens: control columns as wide as their contents, plots that shrink.

Labs build their control columns as fixed-width scroll areas sized for a 1280×800 desktop; presenter fonts widen them
by half. :func:`fit_lab` sizes every such column from the room the window gives the lab: its designed width while that
is at most ``COLUMN_SHARE`` of the lab, and never narrower than its contents need — a teacher at a projector must see
every field whole, so the column does not scroll sideways — up to ``COLUMN_MAX_SHARE`` and never so wide that the
rest of the lab no longer fits. Before a column widens past its share, its long form rows put the field under the
label; its sliders keep a usable length. The plots take the rest: at least half the lab, and the main plot at least
``MAIN_PLOT_MIN`` px at 1280×720 presenter with the Lessons panel open, 1280×800, 1920×1080 and 1024×768 (tested).
Columns scroll vertically, and sideways only as a last resort (zoom 200 %): never clip.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme
from gui.widgets.live_quality import LiveQuality

__all__ = [
    "fit_lab",
    "COLUMN_SHARE",
    "COLUMN_MAX_SHARE",
    "COLUMN_MIN",
    "MAIN_PLOT_MIN",
    "column_areas",
    "column_need",
    "LabFrame",
]

COLUMN_SHARE = 0.36
"""A column keeps its designed width only up to this share of the lab's width (wider rooms give the plots more)."""
COLUMN_MAX_SHARE = 0.5
"""The most of the lab's width a column may take to show its contents whole; the plots keep the rest."""
COLUMN_MIN = 200
"""The narrowest a control column gets."""
MAIN_PLOT_MIN = 300
"""The narrowest the main plot gets at the classroom sizes (1280×720 presenter + Lessons, 1024×768); tested."""
PLOT_MIN = (180, 140)
"""The smallest a plot may be squeezed to (its own minimum is lowered to this when larger)."""
OTHER_MIN_WIDTH = 240
"""Any other explicit minimum width above this is lowered to it (tables and text scroll by themselves)."""
SLIDER_MIN_EMS = 4
"""A slider in a control column is at least this many line heights long (shorter ones cannot be aimed)."""
COMBO_MIN_CHARS = 14
"""A drop-down menu in a control column is at least this many characters wide (longer entries elide when closed)."""
_NO_LIMIT = 16777215  # QWIDGETSIZE_MAX
_PAGED = "fitPagedByShown"
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


def column_need(area: QtWidgets.QScrollArea) -> int:
    """The width ``area`` needs to show its contents without scrolling sideways (room for a vertical bar included)."""
    inner = area.widget()
    if inner is None:
        return 0
    bar = area.verticalScrollBar().sizeHint().width()
    return _least_width(inner) + bar + 2 * area.frameWidth()


def _least_width(widget: QtWidgets.QWidget) -> int:
    return widget.minimumSizeHint().expandedTo(widget.minimumSize()).width()


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


def _usable_sliders(area: QtWidgets.QScrollArea) -> None:
    """Sliders in a column shrink with it, but not below a usable length (``SLIDER_MIN_EMS`` of the theme's font)."""
    inner = area.widget()
    if inner is None:
        return
    least = QtGui.QFontMetrics(theme.font()).height() * SLIDER_MIN_EMS
    for slider in inner.findChildren(QtWidgets.QSlider):
        if slider.orientation() == QtCore.Qt.Orientation.Horizontal and slider.minimumWidth() < least:
            slider.setMinimumWidth(least)


def _narrow_contents(area: QtWidgets.QScrollArea) -> None:
    """What widens a column for nothing: pages of a stack not shown, menus as wide as their longest entry."""
    inner = area.widget()
    if inner is None:
        return
    for stack in inner.findChildren(QtWidgets.QStackedWidget):
        if not stack.property(_PAGED):
            stack.setProperty(_PAGED, True)
            stack.currentChanged.connect(lambda _i, s=stack: _size_by_shown_page(s))
        _size_by_shown_page(stack)
    shrink = QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
    long_menu = QtGui.QFontMetrics(theme.font()).horizontalAdvance("x" * COMBO_MIN_CHARS) * 1.2
    for combo in inner.findChildren(QtWidgets.QComboBox):
        if combo.sizeAdjustPolicy() != shrink and combo.minimumSizeHint().width() > long_menu:
            # the closed menu may elide a long entry on a narrow screen; the open list shows it whole
            combo.setSizeAdjustPolicy(shrink)
            combo.setMinimumContentsLength(max(combo.minimumContentsLength(), COMBO_MIN_CHARS))


def _size_by_shown_page(stack: QtWidgets.QStackedWidget) -> None:
    """Only the shown page of ``stack`` counts towards its width (Qt takes the widest of all pages)."""
    ignored, preferred = QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
    for i in range(stack.count()):
        page = stack.widget(i)
        want = preferred if page is stack.currentWidget() else ignored
        if page.sizePolicy().horizontalPolicy() != want:
            page.setSizePolicy(want, page.sizePolicy().verticalPolicy())


def _forms(area: QtWidgets.QScrollArea) -> list[QtWidgets.QFormLayout]:
    """The form layouts inside a column (their rows may wrap when the column has too little room)."""
    inner = area.widget()
    return [] if inner is None else inner.findChildren(QtWidgets.QFormLayout)


def _wrap(forms: list[QtWidgets.QFormLayout], wrap: bool, inner: QtWidgets.QWidget) -> None:
    """Let the forms' long rows wrap, or not; the sizes up to ``inner`` are measured afresh at once."""
    policy = QtWidgets.QFormLayout.RowWrapPolicy
    for form in forms:
        want = policy.WrapLongRows if wrap else policy.DontWrapRows
        if form.rowWrapPolicy() in (want, policy.WrapAllRows):  # a form built to wrap all rows keeps it
            continue
        form.setRowWrapPolicy(want)
        widget = form.parentWidget()
        while widget is not None:  # the layouts above cache their sizes until the next layout pass
            if widget.layout() is not None:
                widget.layout().invalidate()
            widget.updateGeometry()
            if widget is inner:
                break
            widget = widget.parentWidget()


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
    """Keeps each control column as wide as its contents, within a share of the lab's width, as the window changes."""

    def __init__(self, lab: QtWidgets.QWidget) -> None:
        super().__init__(lab)
        self._lab = lab
        self._columns: list[QtWidgets.QScrollArea] = []
        self._gestures: list[LiveQuality] = []
        self._decided: dict[QtWidgets.QScrollArea, int] = {}  # the room each column's row wrapping was decided for
        self._later = QtCore.QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(lambda: self.apply(self._room()))

    def refit(self) -> None:
        """Fit every column and minimum under the lab, including pages built since the last time."""
        self._columns = column_areas(self._lab)
        self._gestures = self._lab.findChildren(LiveQuality)  # looked up here, not on every layout pass of a drag
        for area in self._columns:
            _fit_column(area)
            _usable_sliders(area)
            _narrow_contents(area)
            if area.widget() is not None:
                area.widget().installEventFilter(self)  # its contents changed width (a readout, a page shown)
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
        """Give each column its designed width within ``COLUMN_SHARE``, widened to its contents within the most.

        Not during a gesture: :class:`LiveQuality` holds the labels at their size meanwhile, and measured so a column
        would grow by its margins at every drag (and the plots re-lay out at its first move); the end re-fits.
        """
        if any(live.live for live in self._gestures):
            return
        for area in self._columns:
            nominal = int(area.property(_NOMINAL) or COLUMN_MIN)
            preferred = min(nominal, int(lab_width * COLUMN_SHARE))
            most = min(int(lab_width * COLUMN_MAX_SHARE), lab_width - self._rest(area))  # the lab must not scroll
            forms = _forms(area)
            if self._decided.get(area) != lab_width:  # a new room: try the rows side by side again
                self._decided[area] = lab_width
                _wrap(forms, False, area.widget())
            # (in the same room the rows stay as they are: unwrapping to measure would re-lay the column in a loop)
            need = column_need(area)
            if need > preferred and forms:  # a long row puts its field under its label rather than take the plots' room
                _wrap(forms, True, area.widget())
                need = column_need(area)
            width = max(COLUMN_MIN, min(max(preferred, need), most))
            if area.maximumWidth() != width or area.minimumWidth() != width:
                area.setMaximumWidth(width)
                area.setMinimumWidth(width)

    def _rest(self, area: QtWidgets.QScrollArea) -> int:
        """The least width the rest of ``area``'s page needs (its plots, other panels, margins) beside the column.

        A page is the lab or a tab page (a hidden page's column must not count against the shown one's room).
        """
        page = area.parentWidget()
        while page not in (None, self._lab) and not isinstance(page.parentWidget(), QtWidgets.QStackedWidget):
            page = page.parentWidget()
        if page is None:
            return 0
        least = _least_width(page) - _least_width(area)  # (what the page's least width counted for the column)
        if page is not self._lab:  # what the lab puts around its pages: tab frames, margins, panels beside the tabs
            least += max(0, _least_width(self._lab) - _least_width(page.parentWidget()))
        return max(0, least)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # Qt override
        if event.type() == QtCore.QEvent.Type.Resize:
            self.apply(self._room())
        elif event.type() == QtCore.QEvent.Type.LayoutRequest and not self._later.isActive():
            self._later.start(0)  # once per turn of the event loop, after the contents have settled
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
        # The room without scroll bars when the lab fits in it: sized to the viewport while the bars still showed,
        # a lab opened was laid out and painted once 14 px short, then again when the bars went (~20 ms of a first
        # open).
        room = self.maximumViewportSize()
        fits = room.width() >= least.width() and room.height() >= least.height()
        size = room if fits else self.viewport().size().expandedTo(least)
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
