"""GUI test helpers: real-mouse drags in plots (plot coordinates to widget pixels), window layout checks, pictures."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

__all__ = [
    "view_to_widget",
    "drag_in_view",
    "click_in_view",
    "prepare_view",
    "settle_layouts",
    "resize_window",
    "lab_in_room",
    "rect_in",
    "beside",
    "below",
    "all_shown",
    "legend_swatch",
]


def prepare_view(widget: pg.GraphicsView) -> None:
    """Make short scripted drags register (no minimum drag time)."""
    widget.scene().minDragTime = 0


def resolve(target, viewbox=None):
    """(GraphicsView widget, ViewBox) for a PlotWidget, a PlotItem or a GraphicsView + viewbox."""
    if isinstance(target, pg.PlotItem):
        return target.scene().views()[0], viewbox or target.getViewBox()
    if isinstance(target, pg.ViewBox):
        return target.scene().views()[0], target
    return target, viewbox or target.getPlotItem().getViewBox()


def view_to_widget(widget, x: float, y: float, viewbox=None) -> QtCore.QPoint:
    """Pixel position inside the view's viewport of the data point (x, y)."""
    widget, vb = resolve(widget, viewbox)
    scene_pt = vb.mapViewToScene(QtCore.QPointF(x, y))
    view_pt = widget.mapFromScene(scene_pt)
    return QtCore.QPoint(int(round(view_pt.x())), int(round(view_pt.y())))


def drag_in_view(
    qtbot,
    widget,
    start: tuple[float, float],
    end: tuple[float, float],
    steps: int = 10,
    viewbox=None,
    button=QtCore.Qt.MouseButton.LeftButton,
) -> None:
    """Press at ``start``, move in ``steps`` real mouse events, release at ``end`` (data coordinates)."""
    widget, viewbox = resolve(widget, viewbox)
    prepare_view(widget)
    QtWidgets.QApplication.processEvents()  # let a pending layout/aspect-lock settle before mapping to pixels
    vp = widget.viewport()
    p0 = view_to_widget(widget, *start, viewbox=viewbox)
    qtbot.mouseMove(vp, p0)
    qtbot.mousePress(vp, button, pos=p0)
    for i in range(1, steps + 1):
        t = i / steps
        x = start[0] + (end[0] - start[0]) * t
        y = start[1] + (end[1] - start[1]) * t
        qtbot.mouseMove(vp, view_to_widget(widget, x, y, viewbox=viewbox))
    qtbot.mouseRelease(vp, button, pos=view_to_widget(widget, *end, viewbox=viewbox))
    QtWidgets.QApplication.processEvents()


def click_in_view(
    qtbot, widget, at: tuple[float, float], viewbox=None, button=QtCore.Qt.MouseButton.LeftButton
) -> None:
    """A real click at data coordinates ``at``."""
    widget, viewbox = resolve(widget, viewbox)
    prepare_view(widget)
    QtWidgets.QApplication.processEvents()
    qtbot.mouseClick(widget.viewport(), button, pos=view_to_widget(widget, *at, viewbox=viewbox))
    QtWidgets.QApplication.processEvents()


# --- layout ---------------------------------------------------------------------------------------------------------
class _LayoutActivity(QtCore.QObject):
    """Counts the layout requests and resizes any widget receives (installed on the application while settling)."""

    KINDS = (QtCore.QEvent.Type.LayoutRequest, QtCore.QEvent.Type.Resize)

    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, _watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # Qt override
        if event.type() in self.KINDS:
            self.seen += 1
        return False


def settle_layouts(max_turns: int = 40) -> None:
    """Run the event loop until layouts are at rest: two turns in a row without a layout request or a resize.

    A resize re-lays the window over several turns, and a control column re-fits on a zero-timer after its contents
    settle (which resizes it and asks for one more layout); a fixed number of turns left a column resized but not yet
    placed now and then on a busy machine.
    """
    app = QtWidgets.QApplication.instance()
    activity = _LayoutActivity()
    app.installEventFilter(activity)
    try:
        quiet = 0
        for _ in range(max_turns):
            before = activity.seen
            QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.LayoutRequest)
            QtWidgets.QApplication.processEvents()
            quiet = quiet + 1 if activity.seen == before else 0
            if quiet >= 2:
                return
    finally:
        app.removeEventFilter(activity)


def resize_window(win: QtWidgets.QWidget, qtbot, width: int, height: int) -> None:
    """Resize ``win``, wait until it has the size, and let the layouts settle."""
    win.resize(width, height)
    qtbot.waitUntil(lambda: win.width() == width and win.height() == height, timeout=2000)
    settle_layouts()


def lab_in_room(lab_window, qtbot, name: str, width: int, height: int, lessons: bool = True):
    """A window on lab ``name`` at ``width``×``height`` (with the Lessons panel open unless ``lessons`` is False),
    its layouts settled; returns ``(window, lab)``. Presenter mode is the ``themed`` fixture's, set before."""
    win = lab_window(name)
    if lessons:
        win.lessons_dock.show()
    resize_window(win, qtbot, width, height)
    return win, win.current_lab()


def rect_in(widget: QtWidgets.QWidget, page: QtWidgets.QWidget) -> QtCore.QRect:
    """``widget``'s rectangle in ``page``'s coordinates."""
    return QtCore.QRect(widget.mapTo(page, QtCore.QPoint(0, 0)), widget.size())


def beside(a: QtCore.QRect, b: QtCore.QRect) -> bool:
    """``b`` is right of ``a`` on the same band."""
    return b.left() >= a.right() and b.top() < a.bottom()


def below(a: QtCore.QRect, b: QtCore.QRect) -> bool:
    """``b`` is under ``a``."""
    return b.top() >= a.bottom()


def all_shown(page: QtWidgets.QWidget, widgets) -> None:
    """No widget lost in a re-arrangement: each shown, not collapsed, and inside ``page``."""
    for w in widgets:
        r = rect_in(w, page)
        assert w.isVisible() and r.width() > 20 and r.height() > 8, (w, r)
        assert page.rect().adjusted(-1, -1, 1, 1).contains(r), (w, r, page.rect())


# --- pictures -------------------------------------------------------------------------------------------------------
def legend_swatch(item) -> QtGui.QImage:
    """The 22×22 legend sample pyqtgraph paints for ``item`` (compare a plain curve's with the item it replaced)."""
    from pyqtgraph.graphicsItems.LegendItem import ItemSample

    img = QtGui.QImage(22, 22, QtGui.QImage.Format.Format_ARGB32)
    img.fill(0)
    painter = QtGui.QPainter(img)
    ItemSample(item).paint(painter)
    painter.end()
    return img
