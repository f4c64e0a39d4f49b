"""Every lab by keyboard alone: Tab to a draggable, arrows move it, state and description change, undo reverts.

All 10 labs: vectors, matrices, derivatives, optimizer, network, classifier, probability and decompositions have
draggables; distributions and hypothesis have none (their plots are read-only), so their test changes a slider."""

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


def _focused_item(view_owner):
    """The graphics item holding the keyboard focus in ``view_owner``'s scene."""
    return view_owner.scene().focusItem()


def test_network_point_by_keyboard(lab_window, qtbot):
    from engine.nn import state_points
    from gui.widgets.point_drag import PointCursor

    win = lab_window("network")
    lab = win.current_lab()
    before = lab.state()
    described = lab.describe()
    cursor = tab_to_item(qtbot, win, lab, PointCursor)
    assert cursor is lab.plane.drag.cursor
    press(qtbot, cursor, Key.Key_N)  # select the next point
    assert lab.plane.drag.index == 1
    assert "2 of" in lab.plane.drag.selection_text()
    x0, y0 = state_points(before)[1][:2]
    press(qtbot, cursor, Key.Key_Right, QtCore.Qt.KeyboardModifier.ControlModifier)  # coarse: 10 × 0.1
    press(qtbot, cursor, Key.Key_Up)
    press(qtbot, cursor, Key.Key_Return)
    after = state_points(lab.state())
    assert after[1][0] == pytest.approx(x0 + 1.0, abs=1e-3) and after[1][1] == pytest.approx(y0 + 0.1, abs=1e-3)
    assert lab.state().dataset == "custom"
    assert lab.describe() != described
    assert win.undo_stack.count() == 1  # the whole key move: one undo step
    win.undo_stack.undo()
    assert lab.state() == before


def test_network_escape_puts_the_point_back(lab_window, qtbot):
    from engine.nn import state_points
    from gui.widgets.point_drag import PointCursor

    win = lab_window("network")
    lab = win.current_lab()
    points = state_points(lab.state())
    cursor = tab_to_item(qtbot, win, lab, PointCursor)
    press(qtbot, cursor, Key.Key_Left)
    press(qtbot, cursor, Key.Key_Escape)
    assert [p[:2] for p in state_points(lab.state())] == pytest.approx([p[:2] for p in points], abs=1e-3)


def test_classifier_point_and_threshold_by_keyboard(lab_window, qtbot):
    import pyqtgraph as pg

    from gui.widgets.point_drag import PointCursor

    win = lab_window("classifier")
    lab = win.current_lab()
    before = lab.state()
    described = lab.describe()
    cursor = tab_to_item(qtbot, win, lab, PointCursor)
    assert cursor is lab.plane.drag.cursor
    step = lab.plane.drag.step
    x0, y0 = lab.plane.drag.xy[0]
    press(qtbot, cursor, Key.Key_Left, QtCore.Qt.KeyboardModifier.ControlModifier)
    press(qtbot, cursor, Key.Key_Down, QtCore.Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, cursor, Key.Key_Return)
    (index, x, y), = lab.state().moved
    assert int(index) == 0
    assert x == pytest.approx(x0 - 10 * step, abs=1e-6) and y == pytest.approx(y0 - step / 10, abs=1e-6)
    assert lab.describe() != described
    assert win.undo_stack.count() == 1
    win.undo_stack.undo()
    assert lab.state() == before
    # the threshold line on the Threshold tab: Up moves it one spec step (0.01), Enter commits one undo step
    lab.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: lab.sigmoid.isVisible(), timeout=3000)
    line = tab_to_item(qtbot, win, lab, pg.InfiniteLine)
    assert line is lab.sigmoid.line
    t0 = lab.state().threshold
    press(qtbot, line, Key.Key_Up)
    press(qtbot, line, Key.Key_Up)
    press(qtbot, line, Key.Key_Return)
    assert lab.state().threshold == pytest.approx(t0 + 0.02)
    count = win.undo_stack.count()
    win.undo_stack.undo()
    assert lab.state().threshold == pytest.approx(t0)
    assert win.undo_stack.count() == count  # undone, not dropped


def test_probability_event_by_keyboard(lab_window, qtbot):
    win = lab_window("probability")
    lab = win.current_lab()
    before = lab.state()
    described = lab.describe()
    first = next(w for w in lab.findChildren(QtWidgets.QWidget) if w.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus)
    first.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    for _ in range(100):
        if QtWidgets.QApplication.focusWidget() is lab.square:
            break
        qtbot.keyClick(QtWidgets.QApplication.focusWidget(), Key.Key_Tab)
    else:
        raise AssertionError("Tab never reached the sample space")
    qtbot.keyClick(lab.square, Key.Key_B)
    qtbot.keyClick(lab.square, Key.Key_Right)  # move B
    qtbot.keyClick(lab.square, Key.Key_Right)
    qtbot.keyClick(lab.square, Key.Key_Up, QtCore.Qt.KeyboardModifier.ShiftModifier)  # resize B
    qtbot.keyClick(lab.square, Key.Key_Return)
    b0, b1 = before.event_b, lab.state().event_b
    assert b1[0] > b0[0] and b1[3] > b0[3] and b1[2] == pytest.approx(b0[2])
    assert lab.state().event_a == before.event_a
    assert lab.describe() != described
    assert win.undo_stack.count() == 2  # the move (two presses) and the resize
    while win.undo_stack.canUndo():
        win.undo_stack.undo()
    assert lab.state() == before


@pytest.mark.parametrize(("tab", "items"), [("least_squares", "point_items"), ("markov", "node_items")])
def test_decompositions_points_and_nodes_by_keyboard(lab_window, qtbot, tab, items):
    from engine.decomp import TABS

    win = lab_window("decompositions")
    lab = win.current_lab()
    lab.tabs.setCurrentIndex(TABS.index(tab))
    qtbot.waitUntil(lambda: lab.state().tab == tab, timeout=3000)
    page = lab.least_squares if tab == "least_squares" else lab.markov
    qtbot.waitUntil(lambda: page.isVisible(), timeout=3000)
    before = lab.state()
    described = lab.describe()
    item = tab_to_item(qtbot, win, lab)
    k = getattr(page, items).index(item)
    field = "points" if tab == "least_squares" else "nodes"
    x0, y0 = getattr(before, field)[k]
    press(qtbot, item, Key.Key_Right)
    press(qtbot, item, Key.Key_Up, QtCore.Qt.KeyboardModifier.ControlModifier)
    press(qtbot, item, Key.Key_Return)
    x1, y1 = getattr(lab.state(), field)[k]
    assert x1 == pytest.approx(x0 + 0.1, abs=1e-3) and y1 == pytest.approx(y0 + 1.0, abs=1e-3)
    if tab == "least_squares":
        assert lab.describe() != described  # the fit follows the point (a node's place does not change the chain)
    assert win.undo_stack.count() == 1
    win.undo_stack.undo()
    assert getattr(lab.state(), field) == getattr(before, field)


@pytest.mark.parametrize("name", ["distributions", "hypothesis"])
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


def test_shortcuts_page_lists_every_action_shortcut(lab_window, qtbot):
    """Help → Keyboard shortcuts is built from the menu actions: every action's shortcut appears on it."""
    from PySide6 import QtGui

    win = lab_window("vectors")
    qtbot.keyClick(win, Key.Key_F1)
    box = next(w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMessageBox))
    text = box.text()
    box.close()
    checked = 0
    for act in win.all_actions():
        for seq in act.shortcuts():
            assert seq.toString(QtGui.QKeySequence.SequenceFormat.NativeText) in text, act.text()
            checked += 1
    assert checked >= 15
    for keys in ("N, Shift+N", "A, B", "Escape"):  # the draggables' keys
        assert keys in text
