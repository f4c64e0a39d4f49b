"""Scenes in the window: save/open, hostile files leave work untouched, autosave + crash recovery, close prompt,
drag-and-drop, undo of a real drag."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6 import QtCore, QtGui, QtWidgets

from engine import scene as scene_io
from tests.gui.helpers import drag_in_view


def _vectors(win):
    return win.lab("vectors")


def test_save_and_open_round_trip_through_the_window(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    lab = _vectors(win)
    lab.edit(replace(lab.state(), vectors=((4.0, 1.0), (-1.0, 2.5)), snap=True), "edit")
    path = tmp_path / "class.mlscene"
    assert win.document.save_as(path)
    assert not win.document.is_modified()
    assert "class.mlscene" in win.windowTitle()
    edited = lab.state()
    win.document.new()
    assert lab.state() == type(edited)()
    assert win.open_scene(str(path))
    assert _vectors(win).state() == edited


def test_hostile_scene_leaves_current_work_untouched(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    lab = _vectors(win)
    lab.edit(replace(lab.state(), scalar_c=-2.0), "edit")
    before = lab.state()
    bad = tmp_path / "bad.mlscene"
    bad.write_text(json.dumps({"format": "mlscene", "version": 1, "labs": {"vectors": {"vectors": [[1, "x"]]}}}))
    assert not win.open_scene(str(bad))
    assert lab.state() == before
    message = win.statusBar().currentMessage()
    assert "labs.vectors.vectors[0][1]" in message and "number" in message
    assert not win.open_scene(str(tmp_path / "missing.mlscene"))
    assert "no such file" in win.statusBar().currentMessage()
    assert lab.state() == before


def test_scene_for_unopened_lab_applies_when_it_opens(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    from engine.labs import default_state

    matrices = default_state("matrices")
    path = tmp_path / "m.mlscene"
    scene_io.save(scene_io.Scene(states={"matrices": matrices}, current_lab="vectors"), path)
    assert win.open_scene(str(path))
    assert "matrices" not in win.created_labs()
    assert win.show_lab("matrices").state() == matrices
    assert win.document.current_scene().states["matrices"] == matrices


def test_a_real_drag_is_one_undo_step(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    lab = _vectors(win)
    start = lab.state()
    plane = next(iter(lab.export_views().values()))
    u = start.vectors[0]
    drag_in_view(qtbot, plane, u, (u[0] - 1.5, u[1] + 2.0), steps=25)
    moved = lab.state()
    assert moved.vectors[0] != u
    assert win.undo_stack.count() == 1
    assert win.document.is_modified()
    qtbot.keyClick(win, QtCore.Qt.Key.Key_Z, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert lab.state() == start
    qtbot.keyClick(
        win, QtCore.Qt.Key.Key_Z, QtCore.Qt.KeyboardModifier.ControlModifier | QtCore.Qt.KeyboardModifier.ShiftModifier
    )
    assert lab.state() == moved


def test_autosave_and_restore_after_a_crash(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    lab = _vectors(win)
    lab.edit(replace(lab.state(), coef_a=2.5, snap=True), "edit")
    edited = lab.state()
    assert win.document.autosave()
    autosave = win.document.autosave_path
    assert autosave.exists() and autosave.parent == Path(os.environ["MLSANDBOX_DATA_DIR"])
    assert scene_io.load(autosave).states["vectors"] == edited
    # Simulate the crash: the file now belongs to a process that no longer runs.
    crashed = autosave.with_name("autosave-999999999.mlscene")
    autosave.rename(crashed)
    win2 = lab_window("vectors")
    assert win2.document.orphaned_autosaves() == [crashed]
    assert win2.document.recover(crashed)
    assert _vectors(win2).state() == edited
    assert win2.document.is_modified()
    assert not crashed.exists()


def test_clean_exit_removes_autosave(lab_window) -> None:
    win = lab_window("vectors")
    lab = _vectors(win)
    win.ask_before_discarding = False
    lab.edit(replace(lab.state(), snap=not lab.state().snap), "edit")
    assert win.document.autosave()
    path = win.document.autosave_path
    win.close()
    assert not path.exists()


def test_closing_with_unsaved_changes_asks(lab_window, monkeypatch) -> None:
    win = lab_window("vectors")
    win.ask_before_discarding = True
    lab = _vectors(win)
    lab.edit(replace(lab.state(), snap=not lab.state().snap), "edit")
    asked = []

    def answer(choice):
        def fake(*args, **kwargs):
            asked.append(args[1] if len(args) > 1 else "")
            return choice

        return fake

    monkeypatch.setattr(QtWidgets.QMessageBox, "question", answer(QtWidgets.QMessageBox.StandardButton.Cancel))
    assert not win.close()
    assert win.isVisible() and asked
    monkeypatch.setattr(QtWidgets.QMessageBox, "question", answer(QtWidgets.QMessageBox.StandardButton.Discard))
    assert win.close()


def test_drop_a_scene_file_opens_it(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    state = replace(_vectors(win).state(), vectors=((0.5, 0.5), (2.0, -1.0)))
    path = tmp_path / "dropped.mlscene"
    scene_io.save(scene_io.Scene(states={"vectors": state}), path)
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(path))])
    pos = QtCore.QPointF(400, 300)
    enter = QtGui.QDragEnterEvent(
        pos.toPoint(),
        QtCore.Qt.DropAction.CopyAction,
        mime,
        QtCore.Qt.MouseButton.LeftButton,
        QtCore.Qt.KeyboardModifier.NoModifier,
    )
    QtWidgets.QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    drop = QtGui.QDropEvent(
        pos,
        QtCore.Qt.DropAction.CopyAction,
        mime,
        QtCore.Qt.MouseButton.LeftButton,
        QtCore.Qt.KeyboardModifier.NoModifier,
    )
    QtWidgets.QApplication.sendEvent(win, drop)
    assert _vectors(win).state() == state


def test_recent_files_menu_lists_saved_scene(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    path = tmp_path / "recent.mlscene"
    assert win.document.save_as(path)
    win.recent_menu.aboutToShow.emit()
    assert [a.text() for a in win.recent_menu.actions()] == ["recent.mlscene"]


def test_unwritable_data_dir_turns_autosave_off_with_a_note(lab_window, tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("MLSANDBOX_DATA_DIR", str(blocker / "sub"))
    win = lab_window("vectors")
    assert win.document.autosave_path is None
    assert "Autosave is off" in win.statusBar().currentMessage()
    assert not win.document.autosave()


_json_leaf = st.none() | st.booleans() | st.integers(-(10**9), 10**9) | st.floats() | st.text(max_size=10)
_json = st.recursive(
    _json_leaf, lambda t: st.lists(t, max_size=4) | st.dictionaries(st.text(max_size=8), t, max_size=4), max_leaves=20
)


def test_hostile_scene_files_never_change_the_open_work(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    lab = _vectors(win)

    @settings(max_examples=25, deadline=None)
    @given(
        payload=st.dictionaries(
            st.sampled_from(["vectors", "matrices", "optimizer", "hypothesis", "nope"]),
            st.dictionaries(st.text(max_size=10), _json, max_size=3),
            max_size=2,
        ),
        junk=st.binary(max_size=64),
    )
    def opening_leaves_work_alone(payload: dict, junk: bytes) -> None:
        before = lab.state()
        doc = {"format": "mlscene", "version": 1, "labs": payload}
        for i, content in enumerate((json.dumps(doc).encode(), junk)):
            path = tmp_path / f"hostile-{i}.mlscene"
            path.write_bytes(content)
            if win.open_scene(str(path)):
                before = lab.state()  # a harmless payload (empty, or valid partial states) may load
                continue
            assert lab.state() == before
            assert win.document.last_error.startswith("Could not open")

    opening_leaves_work_alone()
