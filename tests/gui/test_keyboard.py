"""Every lab by keyboard alone: Tab to a draggable, arrows move it, state and description change, undo reverts."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtWidgets

from gui.widgets.vector_item import VectorItem

Key = QtCore.Qt.Key


def tab_to_item(qtbot, win, lab, item_type=VectorItem, limit: int = 200):
    """Press Tab from the lab's first control until a draggable item has the keyboard focus; return it."""
    QtWidgets.QApplication.processEvents()
    first = next(w for w in lab.findChildren(QtWidgets.QWidget) if w.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus)
    first.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    for _ in range(limit):
        focus = QtWidgets.QApplication.focusWidget()
        scene = getattr(focus, "scene", lambda: None)() if focus is not None else None
        item = scene.focusItem() if isinstance(scene, QtWidgets.QGraphicsScene) else None
        if isinstance(item, item_type):
            return item
        qtbot.keyClick(focus or win, Key.Key_Tab)
    raise AssertionError("Tab never reached a draggable item")


def press(qtbot, item, key, modifier=QtCore.Qt.KeyboardModifier.NoModifier) -> None:
    view = item.scene().views()[0]
    qtbot.keyClick(view.viewport() if view.viewport().hasFocus() else view, key, modifier)


def test_vectors_by_keyboard(lab_window, qtbot):
    win = lab_window("vectors")
    lab = win.current_lab()
    before = lab.state()
    described = lab.describe()
    item = tab_to_item(qtbot, win, lab)
    i = lab.vector_items.index(item)
    x0, y0 = before.vectors[i]
    press(qtbot, item, Key.Key_Right)
    press(qtbot, item, Key.Key_Up, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert lab.state().vectors[i] != (x0, y0)
    press(qtbot, item, Key.Key_Return)
    after = lab.state()
    assert after.vectors[i][0] > x0 and after.vectors[i][1] > y0 + 4
    assert lab.describe() != described
    assert win.undo_stack.count() == 1  # all the arrow presses of one move: one undo step
    win.undo_stack.undo()
    assert lab.state().vectors == before.vectors


def test_escape_puts_the_tip_back(lab_window, qtbot):
    win = lab_window("vectors")
    lab = win.current_lab()
    before = lab.state()
    item = tab_to_item(qtbot, win, lab)
    press(qtbot, item, Key.Key_Left)
    press(qtbot, item, Key.Key_Escape)
    assert lab.state().vectors == before.vectors
    assert win.undo_stack.count() == 0


def test_matrices_by_keyboard(lab_window, qtbot):
    win = lab_window("matrices")
    lab = win.current_lab()
    before = lab.state()
    item = tab_to_item(qtbot, win, lab)
    press(qtbot, item, Key.Key_Right)
    press(qtbot, item, Key.Key_Return)
    assert lab.state().matrix != before.matrix
    assert win.undo_stack.count() == 1
    win.undo_stack.undo()
    assert lab.state().matrix == before.matrix


def test_derivatives_point_by_keyboard(lab_window, qtbot):
    from gui.widgets.key_target import KeyTargetItem

    win = lab_window("derivatives")
    lab = win.current_lab()
    before = lab.state()
    described = lab.describe()
    item = tab_to_item(qtbot, win, lab, KeyTargetItem)
    press(qtbot, item, Key.Key_Right)
    press(qtbot, item, Key.Key_Right, QtCore.Qt.KeyboardModifier.ControlModifier)
    press(qtbot, item, Key.Key_Return)
    assert lab.state().x0 > before.x0 + 1.0  # 0.1 + 10 × 0.1
    assert lab.describe() != described
    assert win.undo_stack.count() == 1
    win.undo_stack.undo()
    assert lab.state().x0 == before.x0


def test_optimizer_start_by_keyboard(lab_window, qtbot):
    from gui.labs.optimizer.markers import PixelMarker

    win = lab_window("optimizer")
    lab = win.current_lab()
    before = lab.state()
    described = lab.describe()
    star = tab_to_item(qtbot, win, lab, PixelMarker)
    assert star is lab.surface_view.start
    press(qtbot, star, Key.Key_Right, QtCore.Qt.KeyboardModifier.ControlModifier)  # coarse: 10 × 0.1
    press(qtbot, star, Key.Key_Return)
    assert lab.state().start[0] == pytest.approx(before.start[0] + 1.0, abs=1e-6)
    assert lab.state().start[1] == pytest.approx(before.start[1])
    qtbot.waitUntil(lambda: lab.describe() != described, timeout=10000)
    assert win.undo_stack.count() == 1
    win.undo_stack.undo()
    assert lab.state().start == before.start


@pytest.mark.parametrize("name", ["distributions", "hypothesis", "network"])
def test_labs_without_draggables_by_keyboard(lab_window, qtbot, name):
    """Tab to the first slider or number box and change it with the arrow keys: a state change and one undo step."""
    win = lab_window(name)
    lab = win.current_lab()
    before = lab.state()
    first = next(w for w in lab.findChildren(QtWidgets.QWidget) if w.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus)
    first.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    kinds = (QtWidgets.QAbstractSlider, QtWidgets.QAbstractSpinBox)
    for _ in range(200):
        focus = QtWidgets.QApplication.focusWidget()
        if isinstance(focus, kinds) and focus.isEnabled() and not isinstance(focus, QtWidgets.QScrollBar):
            qtbot.keyClick(focus, Key.Key_Up)
            if isinstance(focus, QtWidgets.QAbstractSpinBox):
                qtbot.keyClick(focus, Key.Key_Return)
            if lab.state() != before:
                break
        qtbot.keyClick(focus or win, Key.Key_Tab)
    else:
        raise AssertionError("no keyboard-reachable control changed the state")
    qtbot.waitUntil(lambda: win.undo_stack.count() >= 1, timeout=5000)
    while win.undo_stack.canUndo():
        win.undo_stack.undo()
    assert lab.state() == before
