"""Never lose the file: recovery keeps the file's path, "No" keeps the autosave, pan/zoom is saved work, sane views;
and the small things a teacher notices (File menu order, Reset this lab)."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs
from PySide6 import QtWidgets

from engine import scene as scene_io
from gui.document import autosave_origin, origin_file
from gui.view_range import MAX_ABS, MIN_SPAN, grown, sane_view
from tests.gui.helpers import drag_in_view


def _crash(win):
    """Leave ``win``'s autosave behind as a crashed process would."""
    assert win.document.autosave()
    autosave = win.document.autosave_path
    crashed = autosave.with_name("autosave-999999999.mlscene")
    autosave.rename(crashed)
    origin_file(autosave).rename(origin_file(crashed))
    return crashed


def test_recovery_restores_the_work_and_the_file_it_came_from(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    lab = win.lab("vectors")
    path = tmp_path / "lesson3.mlscene"
    assert win.document.save_as(path)
    lab.edit(replace(lab.state(), coef_a=2.5), "edit")
    edited = lab.state()
    crashed = _crash(win)
    assert autosave_origin(crashed) == path
    win2 = lab_window("vectors")
    assert win2.document.recover(crashed)
    assert win2.lab("vectors").state() == edited
    assert win2.document.path == path, "Save must write back to the file the work came from"
    assert win2.document.is_modified()
    assert "lesson3.mlscene*" in win2.windowTitle()
    assert not crashed.exists() and not origin_file(crashed).exists()


def test_answering_no_keeps_the_autosave_until_discarded(lab_window, monkeypatch) -> None:
    win = lab_window("vectors")
    lab = win.lab("vectors")
    lab.edit(replace(lab.state(), coef_b=1.5), "edit")
    crashed = _crash(win)
    win2 = lab_window("vectors")
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", lambda *a, **k: QtWidgets.QMessageBox.StandardButton.No)
    win2.document.offer_recovery()
    assert crashed.exists(), '"No" must not delete the work'
    assert win2.lab("vectors").state() == type(lab.state())()
    win3 = lab_window("vectors")
    assert win3.document.orphaned_autosaves() == [crashed]

    def discard(box):
        box.clickedButton = lambda: [b for b in box.buttons() if "Discard" in b.text()][0]
        return 0

    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", discard)
    win3.recovered_action.trigger()
    assert not crashed.exists()
    assert win3.document.orphaned_autosaves() == []


def test_recovered_work_menu_restores(lab_window, monkeypatch) -> None:
    win = lab_window("vectors")
    lab = win.lab("vectors")
    lab.edit(replace(lab.state(), coef_b=1.25), "edit")
    edited = lab.state()
    _crash(win)
    win2 = lab_window("vectors")

    def restore(box):
        box.clickedButton = lambda: [b for b in box.buttons() if b.text() == "Restore"][0]
        return 0

    monkeypatch.setattr(QtWidgets.QMessageBox, "exec", restore)
    win2.recovered_action.trigger()
    assert win2.lab("vectors").state() == edited


def test_a_real_pan_is_unsaved_work_and_round_trips(lab_window, qtbot, tmp_path) -> None:
    win = lab_window("vectors")
    lab = win.lab("vectors")
    path = tmp_path / "view.mlscene"
    assert win.document.save_as(path)
    before = lab.state().view
    drag_in_view(qtbot, lab.plane, (-4.0, -4.0), (-2.0, -3.0))
    moved = lab.state().view
    assert moved != before
    assert win.document.is_modified(), "a pan/zoom must count as a change"
    assert win.windowTitle().startswith("view.mlscene*")
    assert win.document.save()
    assert not win.document.is_modified()
    assert scene_io.load(path).states["vectors"].view == moved
    win.document.new()
    assert win.open_scene(str(path))
    assert win.lab("vectors").state().view == moved


def test_a_degenerate_view_in_a_file_is_clamped_with_a_message(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    lab = win.lab("vectors")
    state = replace(lab.state(), view=(1.0, 1.0 + 1e-14, -2.0, 2.0))
    path = tmp_path / "thin.mlscene"
    path.write_text(scene_io.dumps(scene_io.Scene(states={"vectors": state}, current_lab="vectors")))
    assert win.open_scene(str(path))
    x0, x1, y0, y1 = win.lab("vectors").state().view
    assert x1 - x0 >= MIN_SPAN * 0.999 and (y0, y1) == (-2.0, 2.0)
    assert "View range adjusted" in win.status.currentMessage()


@pytest.mark.parametrize(
    "view",
    [(0.0, math.inf, 0.0, 1.0), (math.nan, 1.0, 0.0, 1.0), (5.0, -5.0, 0.0, 1e-320), (-1e300, 1e300, 2.0, 2.0)],
)
def test_sane_view_is_finite_ordered_and_wide_enough(view) -> None:
    fixed, message = sane_view(view)
    assert message, "a changed view must say why"
    assert all(math.isfinite(v) and abs(v) <= MAX_ABS for v in fixed)
    assert fixed[1] - fixed[0] >= MIN_SPAN * 0.999 and fixed[3] - fixed[2] >= MIN_SPAN * 0.999


def test_sane_view_keeps_good_and_automatic_views() -> None:
    assert sane_view((-6.0, 6.0, -6.0, 6.0)) == ((-6.0, 6.0, -6.0, 6.0), None)
    assert sane_view((0.0, 0.0, 0.0, 0.0)) == ((0.0, 0.0, 0.0, 0.0), None)


def test_file_menu_in_the_usual_order(lab_window) -> None:
    win = lab_window("vectors")
    texts = [a.text().replace("&", "") for a in win.file_menu.actions() if not a.isSeparator()]

    def index(word: str) -> int:
        return next(i for i, t in enumerate(texts) if word.lower() in t.lower())

    order = [index(w) for w in ("New", "Open scene", "Open lesson", "recent", "Save scene", "Save scene as", "Export")]
    assert order == sorted(order), texts
    assert "Quit" in texts[-1]


def test_reset_this_lab_is_one_undo_step(lab_window) -> None:
    win = lab_window("vectors")
    lab = win.lab("vectors")
    lab.edit(replace(lab.state(), coef_a=2.0, snap=True), "edit")
    edited = lab.state()
    win.reset_lab_action.trigger()
    assert lab.state() == type(edited)()
    win.undo_stack.undo()
    assert lab.state() == edited


@settings(max_examples=80, deadline=None)
@given(
    shown=hs.tuples(*[hs.floats(-100, 100)] * 2, *[hs.floats(0, 100)] * 2),  # the labs' ranges: tops ≥ 0
    need=hs.tuples(*[hs.floats(-100, 100)] * 2, *[hs.floats(0, 100)] * 2),
    x_margin=hs.sampled_from([0.25, 0.5]),
    y_headroom=hs.sampled_from([1.0, 2.0]),
)
def test_a_held_range_only_grows_and_holds_what_is_needed(shown, need, x_margin, y_headroom) -> None:
    """While a slider is held the shown range never shrinks, always holds the need, and is kept when it already does."""
    shown = (min(shown[:2]), max(shown[:2]), min(shown[2:]), max(shown[2:]))
    need = (min(need[:2]), max(need[:2]), min(need[2:]), max(need[2:]))
    x0, x1, y0, y1 = grown(shown, need, x_margin, y_headroom)
    assert x0 <= min(shown[0], need[0]) and x1 >= max(shown[1], need[1])
    assert y0 == min(shown[2], need[2]) and y1 >= max(shown[3], need[3])
    if need[0] >= shown[0] and need[1] <= shown[1] and need[3] <= shown[3] and need[2] >= shown[2]:
        assert (x0, x1, y0, y1) == shown


def test_a_held_range_grows_a_margin_beyond_the_side_that_moved() -> None:
    assert grown((0, 10, 0, 1), (2, 14, 0, 1)) == (0, 14 + 0.25 * 14, 0, 1)  # only the right side moves
    assert grown((0, 10, 0, 1), (0, 10, 0, 3), y_headroom=2.0) == (0, 10, 0, 6.0)
