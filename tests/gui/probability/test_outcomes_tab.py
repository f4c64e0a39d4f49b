"""The "Dice, cards, coins" tab driven by keyboard and mouse: choose a space and events, roll n times, undo."""

from __future__ import annotations

import pytest
from PySide6 import QtCore, QtWidgets

from engine import prob as P
from engine.schema import SchemaError, from_dict
from gui.labs.probability.outcomes_tab import grid_shape


def _open(lab_window, qtbot):
    win = lab_window("probability")
    lab = win.show_lab("probability")
    lab.set_state(P.ProbabilityState())
    win.undo_stack.clear()
    tab_bar = lab.tabs.tabBar()
    qtbot.mouseClick(tab_bar, QtCore.Qt.MouseButton.LeftButton, pos=tab_bar.tabRect(1).center())
    assert lab.state().tab == "outcomes" and lab.tabs.currentWidget().view() is lab.outcomes_tab
    return win, lab


def _choose(qtbot, combo: QtWidgets.QComboBox, data: str) -> None:
    """Pick the item whose data is ``data`` with the keyboard (focus, Home, Down … as a student would)."""
    combo.setFocus()
    qtbot.keyClick(combo, QtCore.Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, QtCore.Qt.Key.Key_Down)
    raise AssertionError(f"{data} not offered")


def test_dice_open_with_first_die_even_and_sum_seven_independent(qtbot, lab_window):
    _win, lab = _open(lab_window, qtbot)
    tab = lab.outcomes_tab
    assert len(tab.grid.cells) == 36 and tab.grid.labels[0].textItem.toPlainText() == "(1, 1)"  # not "1,1"
    assert tab.readouts.exact["p_ab"].text().startswith("0.0833")  # 3 of 36 outcomes (1/12)
    assert "Independent" in tab.readouts.verdict.text()
    assert "the sum is 7" in lab.describe() and "first die is even" in lab.describe()
    filled = [fill.brush().style() != QtCore.Qt.BrushStyle.NoBrush for fill, _hatch in tab.grid.cells]
    assert sum(filled) == 18  # first die even: 3 × 6 cells
    hatched = [hatch.brush().style() == QtCore.Qt.BrushStyle.BDiagPattern for _fill, hatch in tab.grid.cells]
    assert sum(hatched) == 6


def test_choosing_cards_and_events_by_keyboard_is_undoable(qtbot, lab_window):
    win, lab = _open(lab_window, qtbot)
    controls = lab.outcomes_tab.controls
    _choose(qtbot, controls.space_combo, "cards")
    assert (lab.state().space, lab.state().space_a, lab.state().space_b) == ("cards", "heart", "face")
    assert len(lab.outcomes_tab.grid.cells) == 52
    assert controls.event_combos["a"].count() == len(P.SPACE_EVENTS["cards"])
    _choose(qtbot, controls.event_combos["b"], "red")
    assert lab.state().space_b == "red"
    readouts = lab.outcomes_tab.readouts
    assert readouts.exact["p_a_given_b"].text().startswith("0.5000")  # hearts are half of the red cards
    assert "Dependent" in readouts.verdict.text()
    texts = [win.undo_stack.text(i) for i in range(win.undo_stack.count())]
    assert texts[0] == "Choose sample space" and texts[-1] == "Choose event B"
    while win.undo_stack.canUndo():
        win.undo_stack.undo()
    assert lab.state().space == "dice" and len(lab.outcomes_tab.grid.cells) == 36
    assert controls.event_combos["a"].currentData() == "first_even"


@pytest.mark.parametrize("space", P.SPACES)
def test_the_whole_grid_is_in_view(qtbot, lab_window, space):
    _win, lab = _open(lab_window, qtbot)
    _choose(qtbot, lab.outcomes_tab.controls.space_combo, space)
    grid = lab.outcomes_tab.grid
    cols, rows = grid_shape(space)
    qtbot.waitUntil(lambda: grid.isVisible() and grid.width() > 100)
    (x0, x1), (y0, y1) = grid.getPlotItem().viewRange()
    assert x0 <= 0 and x1 >= cols and y0 <= 0 and y1 >= rows, f"{space}: view {x0:.2f}..{x1:.2f} × {y0:.2f}..{y1:.2f}"


def test_a_million_rolls_land_near_the_exact_probabilities(qtbot, lab_window):
    _win, lab = _open(lab_window, qtbot)
    rolls = lab.outcomes_tab.rolls
    million = next(b for b in rolls.findChildren(QtWidgets.QPushButton) if b.text() == "1 000 000")
    qtbot.mouseClick(million, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().n_trials == 1_000_000
    simulated = float(lab.outcomes_tab.readouts.simulated["p_a"].text())
    assert abs(simulated - 0.5) < 0.003
    assert "… and 999 976 more" in rolls.first.text()
    seed = lab.state().seed
    qtbot.mouseClick(
        lab.outcomes_tab.findChild(QtWidgets.QPushButton, "outcomes_again"), QtCore.Qt.MouseButton.LeftButton
    )
    assert lab.state().seed == seed + 1
    zero = lab.outcomes_tab.rolls.n_spin
    zero.setFocus()
    zero.selectAll()
    qtbot.keyClicks(zero, "0")
    qtbot.keyClick(zero, QtCore.Qt.Key.Key_Return)
    assert lab.state().n_trials == 0 and rolls.first.text() == "No trials yet."
    assert not lab.outcomes_tab.readouts.simulated["p_a"].isVisible()


def test_a_scene_with_an_event_from_another_space_is_refused() -> None:
    with pytest.raises(SchemaError, match="space_a.*first_heads"):
        from_dict(P.ProbabilityState, {"space": "coins", "space_a": "heart", "space_b": "all_same"})
