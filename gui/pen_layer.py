"""A pen for the teacher: draw over any lab live (pen, highlighter, eraser, clear) with a mouse or a tablet stylus.

Off by default (View → Annotate with pen, Ctrl+Shift+P): while off the layer is hidden and every click reaches the
lab. The ink belongs to the lab it was drawn on (switching labs shows that lab's ink) and is never saved in a scene.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme
from gui.i18n import translate

__all__ = ["PenLayer", "Stroke", "TOOLS", "add_pen_layer"]

TOOLS = ("pen", "highlighter", "eraser")
WIDTH = {"pen": 4.0, "highlighter": 22.0, "eraser": 18.0}
"""Base widths in pixels (presenter mode and a stylus's pressure scale them)."""


@dataclass
class Stroke:
    """One continuous line of ink."""

    tool: str
    width: float
    path: QtGui.QPainterPath = field(default_factory=QtGui.QPainterPath)


class PenLayer(QtWidgets.QWidget):
    """A transparent layer over the window's lab area that records and paints strokes while the pen is on."""

    strokes_changed = QtCore.Signal(int)
    """The number of strokes on the current lab, after a change."""

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("penLayer")
        self.setAccessibleName(self.tr("Pen drawing layer"))
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_TabletTracking)
        self.setCursor(QtCore.Qt.CursorShape.CrossCursor)
        self.tool = "pen"
        self._ink: dict[str, list[Stroke]] = {}
        self._page = ""
        self._drawing: Stroke | None = None
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    # --- what is drawn ------------------------------------------------------------------------------------------
    def strokes(self) -> list[Stroke]:
        """The strokes on the current lab."""
        return self._ink.setdefault(self._page, [])

    def show_page(self, name: str) -> None:
        """Show the ink of lab ``name`` (each lab keeps its own)."""
        self._page = name
        self._drawing = None
        self.update()

    def set_tool(self, tool: str) -> None:
        """Draw with "pen", "highlighter" or "eraser" from now on."""
        if tool not in TOOLS:
            raise ValueError(f"unknown pen tool {tool!r}; known: {', '.join(TOOLS)}")
        self.tool = tool

    def clear(self) -> None:
        """Wipe every stroke off the current lab."""
        self.strokes().clear()
        self._drawing = None
        self.update()
        self.strokes_changed.emit(0)

    # --- input --------------------------------------------------------------------------------------------------
    def _begin(self, pos: QtCore.QPointF, pressure: float = 1.0) -> None:
        if self.tool == "eraser":
            self._drawing = Stroke("eraser", WIDTH["eraser"])
            self._drawing.path.moveTo(pos)
            self._erase_along(pos, pos)
            return
        scale = theme.current().line_width / 2.5  # presenter mode draws thicker ink
        width = WIDTH[self.tool] * scale * (0.5 + max(0.0, min(1.0, pressure)))
        self._drawing = Stroke(self.tool, width)
        self._drawing.path.moveTo(pos)
        self._drawing.path.lineTo(pos + QtCore.QPointF(0.01, 0.01))  # a dot shows on a plain click
        self.strokes().append(self._drawing)
        self.update()

    def _extend(self, pos: QtCore.QPointF) -> None:
        if self._drawing is None:
            return
        if self._drawing.tool == "eraser":
            self._erase_along(self._drawing.path.currentPosition(), pos)
            self._drawing.path.lineTo(pos)
            return
        self._drawing.path.lineTo(pos)
        self.update()

    def _end(self) -> None:
        if self._drawing is not None:
            self._drawing = None
            self.strokes_changed.emit(len(self.strokes()))

    def _erase_along(self, start: QtCore.QPointF, end: QtCore.QPointF) -> None:
        """Remove every stroke the eraser touches on its way from ``start`` to ``end`` (a fast drag skips no ink)."""
        track = QtGui.QPainterPath(start)
        track.lineTo(end + QtCore.QPointF(0.01, 0.01))
        rubber = QtGui.QPainterPathStroker()
        rubber.setWidth(WIDTH["eraser"])
        rubber.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
        spot = rubber.createStroke(track)
        kept = []
        for stroke in self.strokes():
            outline = QtGui.QPainterPathStroker()
            outline.setWidth(stroke.width)
            outline.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
            if not outline.createStroke(stroke.path).intersects(spot):
                kept.append(stroke)
        if len(kept) != len(self.strokes()):
            self._ink[self._page] = kept
            self.update()

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:  # Qt override
        if event.button() == QtCore.Qt.MouseButton.LeftButton:
            self._begin(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:  # Qt override
        self._extend(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:  # Qt override
        self._extend(event.position())
        self._end()
        event.accept()

    def tabletEvent(self, event: QtGui.QTabletEvent) -> None:  # Qt override
        kind = event.type()
        if kind == QtCore.QEvent.Type.TabletPress:
            eraser_end = event.pointerType() == QtGui.QPointingDevice.PointerType.Eraser
            tool = self.tool
            if eraser_end:  # the stylus's other end erases, whatever tool is chosen
                self.tool = "eraser"
            self._begin(event.position(), event.pressure())
            self.tool = tool
        elif kind == QtCore.QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QtCore.QEvent.Type.TabletRelease:
            self._end()
        event.accept()  # no synthesized mouse event: the stroke is drawn once

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # Qt override
        if watched is self.parent() and event.type() == QtCore.QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    # --- painting -----------------------------------------------------------------------------------------------
    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:  # Qt override
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        for stroke in self.strokes():
            if stroke.tool == "highlighter":
                colour = theme.color("yellow", 110)
            else:
                colour = theme.color("vermillion")
            pen = QtGui.QPen(colour, stroke.width)
            pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(QtCore.Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawPath(stroke.path)
        painter.end()


def _tool_button(text: str, tip: str, checkable: bool) -> QtWidgets.QToolButton:
    button = QtWidgets.QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(text.replace("&", ""))
    button.setCheckable(checkable)
    button.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)  # reachable with Tab, like every other control
    button.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


def add_pen_layer(window: Any) -> PenLayer:
    """View → Annotate with pen (Ctrl+Shift+P) and the Pen toolbar (pen, highlighter, eraser, clear, done)."""
    layer = PenLayer(window.centralWidget())
    bar = QtWidgets.QToolBar(translate("Pen", "Pen"), window)
    bar.setObjectName("penToolbar")
    bar.setMovable(False)
    window.addToolBar(QtCore.Qt.ToolBarArea.TopToolBarArea, bar)
    group = QtWidgets.QButtonGroup(bar)
    buttons: dict[str, QtWidgets.QToolButton] = {}
    for tool, text, tip in (
        ("pen", translate("Pen", "&Pen"), translate("Pen", "Draw thin lines over the lab")),
        ("highlighter", translate("Pen", "&Highlighter"), translate("Pen", "Draw wide see-through strokes")),
        ("eraser", translate("Pen", "&Eraser"), translate("Pen", "Drag over a stroke to remove it")),
    ):
        button = _tool_button(text, tip, True)
        button.setObjectName(f"pen_{tool}")
        button.clicked.connect(lambda _=False, t=tool: layer.set_tool(t))
        group.addButton(button)
        bar.addWidget(button)
        buttons[tool] = button
    buttons["pen"].setChecked(True)
    clear = _tool_button(translate("Pen", "&Clear"), translate("Pen", "Wipe all ink off this lab"), False)
    clear.setObjectName("pen_clear")
    clear.clicked.connect(layer.clear)
    bar.addWidget(clear)
    done = _tool_button(
        translate("Pen", "&Done"), translate("Pen", "Stop drawing: clicks reach the lab again (ink hides)"), False
    )
    done.setObjectName("pen_done")
    bar.addWidget(done)
    bar.hide()

    action = QtGui.QAction(translate("Pen", "Annotate with &pen"), window)
    action.setCheckable(True)
    action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+P"))
    action.setToolTip(translate("Pen", "Draw over the lab to point things out (not saved in the scene)"))

    def toggle(on: bool) -> None:
        bar.setVisible(on)
        layer.setVisible(on)
        if on:
            layer.setGeometry(layer.parentWidget().rect())
            layer.raise_()

    action.toggled.connect(toggle)
    done.clicked.connect(lambda: action.setChecked(False))
    window.view_menu.addAction(action)
    window.lab_shown.connect(layer.show_page)
    window.pen_layer, window.pen_toolbar, window.pen_action, window.pen_buttons = layer, bar, action, buttons
    buttons["clear"], buttons["done"] = clear, done
    return layer
