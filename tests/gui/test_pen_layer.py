"""The teacher's pen: off by default, draws a stroke with the mouse, erases, clears, keeps ink per lab, never saved."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme


def _drag(qtbot, widget, points) -> None:
    qtbot.mousePress(widget, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(*points[0]))
    for p in points[1:]:
        qtbot.mouseMove(widget, QtCore.QPoint(*p))
    qtbot.mouseRelease(widget, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(*points[-1]))


def _ink_pixels(widget: QtWidgets.QWidget, colour: str, rect: QtCore.QRect) -> int:
    """How many pixels inside ``rect`` of the widget's picture are (close to) the ink colour."""
    image = widget.grab(rect).toImage()
    want = theme.color(colour)
    found = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - want.red()) + abs(c.green() - want.green()) + abs(c.blue() - want.blue()) < 40:
                found += 1
    return found


def test_pen_is_off_by_default_and_clicks_reach_the_lab(lab_window) -> None:
    win = lab_window("vectors")
    assert not win.pen_action.isChecked()
    assert not win.pen_layer.isVisible() and not win.pen_toolbar.isVisible()


def test_draw_a_stroke_see_it_erase_it_and_clear(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    layer = win.pen_layer
    qtbot.keyClick(
        win, QtCore.Qt.Key.Key_P, QtCore.Qt.KeyboardModifier.ControlModifier | QtCore.Qt.KeyboardModifier.ShiftModifier
    )
    assert win.pen_action.isChecked() and layer.isVisible() and win.pen_toolbar.isVisible()
    area = QtCore.QRect(layer.mapTo(win, QtCore.QPoint(250, 180)), QtCore.QSize(320, 80))  # around the stroke
    before = _ink_pixels(win, "vermillion", area)
    _drag(qtbot, layer, [(260, 220), (320, 220), (400, 220), (480, 220), (560, 220)])
    assert len(layer.strokes()) == 1
    qtbot.waitUntil(lambda: _ink_pixels(win, "vermillion", area) > before + 50)

    qtbot.mouseClick(win.pen_buttons["eraser"], QtCore.Qt.MouseButton.LeftButton)
    assert layer.tool == "eraser"
    _drag(qtbot, layer, [(400, 150), (400, 200), (400, 260)])  # across the line
    assert layer.strokes() == []

    qtbot.mouseClick(win.pen_buttons["highlighter"], QtCore.Qt.MouseButton.LeftButton)
    _drag(qtbot, layer, [(260, 300), (500, 300)])
    qtbot.mouseClick(win.pen_buttons["pen"], QtCore.Qt.MouseButton.LeftButton)
    _drag(qtbot, layer, [(260, 340), (500, 340)])
    assert [s.tool for s in layer.strokes()] == ["highlighter", "pen"]
    assert layer.strokes()[0].width > layer.strokes()[1].width
    qtbot.mouseClick(win.pen_buttons["clear"], QtCore.Qt.MouseButton.LeftButton)
    assert layer.strokes() == []
    qtbot.mouseClick(win.pen_buttons["done"], QtCore.Qt.MouseButton.LeftButton)
    assert not win.pen_action.isChecked() and not layer.isVisible()


def test_ink_belongs_to_its_lab_and_is_not_in_the_scene(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    win.pen_action.trigger()
    _drag(qtbot, win.pen_layer, [(300, 300), (400, 320)])
    assert len(win.pen_layer.strokes()) == 1
    before = win.document.current_scene()
    win.show_lab("matrices")
    assert win.pen_layer.strokes() == []
    win.show_lab("vectors")
    assert len(win.pen_layer.strokes()) == 1
    assert win.document.current_scene().states["vectors"] == before.states["vectors"]
    assert not win.document.is_modified()


def test_pen_controls_are_keyboard_reachable_with_names(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    win.pen_action.trigger()
    for button in win.pen_buttons.values():
        assert button.accessibleName()
        assert button.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus
    win.pen_buttons["highlighter"].setFocus()
    qtbot.keyClick(win.pen_buttons["highlighter"], QtCore.Qt.Key.Key_Space)
    assert win.pen_layer.tool == "highlighter"


def test_a_tablet_stylus_draws_with_pressure(lab_window) -> None:
    win = lab_window("vectors")
    win.pen_action.trigger()
    layer = win.pen_layer
    device = QtGui.QPointingDevice.primaryPointingDevice()
    for kind, x, pressure in (
        (QtCore.QEvent.Type.TabletPress, 300, 1.0),
        (QtCore.QEvent.Type.TabletMove, 380, 1.0),
        (QtCore.QEvent.Type.TabletRelease, 380, 0.0),
    ):
        pos = QtCore.QPointF(x, 300)
        event = QtGui.QTabletEvent(
            kind,
            device,
            pos,
            QtCore.QPointF(layer.mapToGlobal(pos.toPoint())),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            QtCore.Qt.KeyboardModifier.NoModifier,
            QtCore.Qt.MouseButton.LeftButton,
            QtCore.Qt.MouseButton.LeftButton,
        )
        QtWidgets.QApplication.sendEvent(layer, event)
    assert len(layer.strokes()) == 1
    assert layer.strokes()[0].width > 4.0  # full pressure: thicker than the pen's base width at half pressure
    assert layer.strokes()[0].path.boundingRect().width() >= 79
