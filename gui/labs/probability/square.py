"""The unit square with events A and B as draggable, resizable rectangles (and the thrown points)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from engine.prob import ProbabilityResults, ProbabilityState
from gui import theme
from gui.labs.probability.points import PointCloud
from gui.widgets.plane import configure_plot

__all__ = ["EVENT_COLORS", "EventRect", "OverlapRect", "SquareView"]

EVENT_COLORS = {"a": "blue", "b": "vermillion"}
POINT_COLORS = ("purple", "blue", "vermillion", "grey")
"""Points in A∩B, in A only, in B only, in neither."""

ARROWS = {
    QtCore.Qt.Key.Key_Left: (-1, 0),
    QtCore.Qt.Key.Key_Right: (1, 0),
    QtCore.Qt.Key.Key_Up: (0, 1),
    QtCore.Qt.Key.Key_Down: (0, -1),
}


class EventRect(pg.ROI):
    """One event: drag its body to move it, its corner handles to resize it."""

    def __init__(self, key: str) -> None:
        super().__init__(
            (0.0, 0.0),
            (0.1, 0.1),
            pen=theme.pen(EVENT_COLORS[key], 2.0),
            hoverPen=theme.pen(EVENT_COLORS[key], 3.0),
            handlePen=theme.pen(EVENT_COLORS[key], 2.0),
            maxBounds=QtCore.QRectF(0.0, 0.0, 1.0, 1.0),
            removable=False,
        )
        self.key = key
        self.addScaleHandle((1, 1), (0, 0))
        self.addScaleHandle((0, 0), (1, 1))
        self._fill = theme.brush(EVENT_COLORS[key], 70)

    def paint(self, p: QtGui.QPainter, opt, widget) -> None:
        """The translucent fill under the outline (a plain ROI draws only the outline)."""
        p.fillRect(QtCore.QRectF(0, 0, self.state["size"][0], self.state["size"][1]), self._fill)
        super().paint(p, opt, widget)

    def rect(self) -> tuple[float, float, float, float]:
        """(x, y, width, height) in data coordinates."""
        pos, size = self.pos(), self.size()
        return (float(pos.x()), float(pos.y()), float(size.x()), float(size.y()))

    def show_rect(self, r: tuple[float, float, float, float]) -> None:
        """Put the rectangle at ``r`` without emitting its signals."""
        if self.rect() == tuple(r):
            return
        with QtCore.QSignalBlocker(self):
            self.setPos((r[0], r[1]))
            self.setSize((r[2], r[3]))


class OverlapRect(pg.GraphicsObject):
    """A rectangle drawn with a cosmetic pen whose bounds reach its pen's width in pixels.

    A ``QGraphicsRectItem`` grows its bounds by half its pen's width in *data* units whatever the pen: with the 2.5-px
    dashed outline of A∩B they were 2.5 units wider than the unit square, so every move of the overlap repainted the
    whole plot and everything in it.
    """

    def __init__(self, pen: QtGui.QPen, brush: QtGui.QBrush) -> None:
        super().__init__()
        self._pen, self._brush = pen, brush
        self._rect = QtCore.QRectF()
        self._bounds: QtCore.QRectF | None = None  # asked for several times a frame: kept until the rect or view change

    def rect(self) -> QtCore.QRectF:
        return QtCore.QRectF(self._rect)

    def setRect(self, rect: QtCore.QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QtCore.QRectF(rect)
            self._bounds = None
            self.update()

    def boundingRect(self) -> QtCore.QRectF:  # Qt override
        if self._bounds is not None:
            return self._bounds
        reach = 0.5 * self._pen.widthF() + 1.0
        mx, my = reach * self.pixelWidth(), reach * self.pixelHeight()
        bounds = self._rect.adjusted(-mx, -my, mx, my)
        if mx > 0 and my > 0:  # not yet in a view: no pixel size to keep
            self._bounds = bounds
        return bounds

    def viewTransformChanged(self) -> None:  # pyqtgraph hook: a pixel is another size in data units now
        self.prepareGeometryChange()
        self._bounds = None

    def paint(self, p: QtGui.QPainter, *_args) -> None:  # Qt override: what QGraphicsRectItem paints
        p.setPen(self._pen)
        p.setBrush(self._brush)
        p.drawRect(self._rect)


class SquareView(pg.PlotWidget):
    """The sample space [0, 1]²: keyboard-focusable; arrows move the selected event, Shift+arrows resize it."""

    event_dragged = QtCore.Signal(str, tuple, bool)
    """(event key "a"/"b", new (x, y, w, h), finished)."""
    key_step = QtCore.Signal(str, int, int, bool)
    """(event key, dx, dy in grid steps, resize instead of move): a live step of a keyboard move."""
    key_done = QtCore.Signal(bool)
    """A keyboard move ended: False = keep it (Enter, focus left, other event), True = put it back (Escape)."""
    COARSE = 5
    """Grid steps per Ctrl+arrow."""
    selected_changed = QtCore.Signal(str)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probabilitySquare")
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Sample space with events A and B"))
        self.setAccessibleDescription(
            self.tr(
                "Arrow keys move the selected event (Ctrl: coarse), Shift+arrow keys resize it; Enter keeps, Escape "
                "puts it back; press A or B to select an event."
            )
        )
        self.setToolTip(self.accessibleDescription())
        self.selected = "a"
        self._keying: bool | None = None  # a keyboard move under way: True resizing, False moving
        plot = self.getPlotItem()
        configure_plot(plot, equal=True)
        plot.setMouseEnabled(False, False)
        plot.setXRange(0, 1, padding=0.03)
        plot.setYRange(0, 1, padding=0.03)
        outline = QtWidgets.QGraphicsRectItem(0, 0, 1, 1)
        outline.setPen(theme.pen("fg", 1.5))
        plot.addItem(outline)
        self.points = PointCloud(POINT_COLORS)
        self._drawn: tuple | None = None  # (points, event A, event B) the cloud last showed
        self.points.setZValue(5)
        plot.addItem(self.points)
        self.overlap = OverlapRect(
            theme.pen("purple", 2.5, "dash"), QtGui.QBrush(theme.color("purple", 90), QtCore.Qt.BrushStyle.BDiagPattern)
        )
        self.overlap.setZValue(8)
        plot.addItem(self.overlap)
        self.events: dict[str, EventRect] = {}
        self.labels: dict[str, pg.TextItem] = {}
        for key, z in (("a", 10), ("b", 11)):
            roi = EventRect(key)
            roi.setZValue(z)
            roi.sigRegionChanged.connect(lambda r: self.event_dragged.emit(r.key, r.rect(), False))
            roi.sigRegionChangeFinished.connect(lambda r: self.event_dragged.emit(r.key, r.rect(), True))
            plot.addItem(roi)
            self.events[key] = roi
            label = pg.TextItem(key.upper(), color=theme.color(EVENT_COLORS[key]), anchor=(0, 1))
            label.setFont(theme.font(1.4, bold=True))
            label.setZValue(12)
            plot.addItem(label)
            self.labels[key] = label

    def select(self, key: str) -> None:
        """Make arrow keys act on event ``key``."""
        if key != self.selected:
            self.finish_keys()
            self.selected = key
            self.selected_changed.emit(key)

    def finish_keys(self, cancel: bool = False) -> None:
        """End a run of arrow presses: one undo step (or none, put back, with ``cancel``)."""
        if self._keying is not None:
            self._keying = None
            self.key_done.emit(cancel)

    def keyPressEvent(self, ev: QtGui.QKeyEvent) -> None:
        """A/B select the event; arrows move it one grid step (Ctrl: five), Shift+arrows resize it; Enter keeps the
        move as one undo step, Escape puts the event back."""
        key, mods = ev.key(), ev.modifiers()
        if key in (QtCore.Qt.Key.Key_A, QtCore.Qt.Key.Key_B) and not mods & ~QtCore.Qt.KeyboardModifier.KeypadModifier:
            self.select("a" if key == QtCore.Qt.Key.Key_A else "b")
            ev.accept()
            return
        if key in ARROWS:
            dx, dy = ARROWS[key]
            resize = bool(mods & QtCore.Qt.KeyboardModifier.ShiftModifier)
            if self._keying is not None and self._keying != resize:
                self.finish_keys()  # a move then a resize: two undo steps, each named
            self._keying = resize
            k = self.COARSE if mods & QtCore.Qt.KeyboardModifier.ControlModifier else 1
            self.key_step.emit(self.selected, dx * k, dy * k, resize)
            ev.accept()
            return
        ends = (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter, QtCore.Qt.Key.Key_Escape)
        if key in ends and self._keying is not None:
            self.finish_keys(cancel=key == QtCore.Qt.Key.Key_Escape)
            ev.accept()
            return
        super().keyPressEvent(ev)

    def focusOutEvent(self, ev: QtGui.QFocusEvent) -> None:  # Qt override
        self.finish_keys()  # leaving the plot keeps the move, as leaving a point cursor does
        super().focusOutEvent(ev)

    def render(self, state: ProbabilityState, results: ProbabilityResults) -> None:
        """Place the events, the overlap and the points."""
        for key, r in (("a", state.event_a), ("b", state.event_b)):
            self.events[key].show_rect(r)
            self.labels[key].setPos(r[0] + 0.01, r[1] + r[3] - 0.01)
        o = results.overlap
        self.overlap.setVisible(o is not None and o[2] * o[3] > 0)
        if o is not None:
            self.overlap.setRect(QtCore.QRectF(o[0], o[1], o[2], o[3]))
        self.points.setVisible(state.show_points)
        if state.show_points:
            t = results.throw
            drawn = (t.points, state.event_a, state.event_b)
            if self._drawn is not None and self._drawn[0] is t.points and self._drawn[1:] == drawn[1:]:
                return
            masks = (t.in_a & t.in_b, t.in_a & ~t.in_b, t.in_b & ~t.in_a, ~(t.in_a | t.in_b))
            self.points.set_groups([t.points[m] for m in masks], self._recoloured(drawn))
            self._drawn = drawn

    def _recoloured(self, drawn: tuple) -> QtCore.QRectF | None:
        """Where points may have changed colour since the last drawing: around the events that moved (None: anywhere).

        A point changes colour only when it enters or leaves A or B, so only inside an event's old or new rectangle;
        the same thrown points (a drag keeps n and the seed) need no other repaint.
        """
        last = self._drawn
        if last is None or last[0] is not drawn[0]:
            return None
        area = QtCore.QRectF()
        for old, new in zip(last[1:], drawn[1:], strict=True):
            if old != new:
                area = area.united(QtCore.QRectF(*old)).united(QtCore.QRectF(*new))
        return area

    def shown_points(self) -> int:
        """How many points are drawn (tests read it)."""
        return self.points.count if self.points.isVisible() else 0
