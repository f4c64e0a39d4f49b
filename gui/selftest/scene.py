"""Self-test of scenes: save every open lab, disturb them, reload and compare; a corrupt file changes nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from PySide6 import QtWidgets

from engine import scene as scene_io
from engine.labs import default_state
from gui.selftest.report import SkipCheck

__all__ = ["check_scene"]


def check_scene(report, win, work: Path) -> None:
    """Two report lines: the save/reload round trip, and a corrupt plus a missing scene refused harmlessly."""
    if importlib.util.find_spec("engine.scene") is None:
        report.run("scene: save and reload", lambda: _raise(SkipCheck("scene: not available (no engine.scene)")))
        return
    report.run("scene: save and reload", lambda: _round_trip(win, work))
    report.run("scene: corrupt and missing files refused", lambda: _bad_files(win, work))


def _raise(exc: Exception) -> None:
    raise exc


def _states(win) -> dict[str, Any]:
    return {name: lab.state() for name, lab in win.created_labs().items()}


def _save(win, path: Path, states: dict[str, Any]) -> None:
    if hasattr(win, "save_scene"):
        if win.save_scene(str(path)) is False:
            raise RuntimeError(f"MainWindow.save_scene refused {path.name}: {win.statusBar().currentMessage()}")
    else:
        scene_io.save(scene_io.Scene(states=states, current_lab=win.current_lab_name()), path)


def _open(win, path: Path) -> None:
    if hasattr(win, "open_scene"):
        win.open_scene(str(path))
        return
    scene = scene_io.load(path)  # the engine half only: apply what the window would
    for name, state in scene.states.items():
        win.apply_state(name, state)


def _round_trip(win, work: Path) -> str:
    states = _states(win)
    if not states:
        raise SkipCheck("no lab is open, nothing to save")
    path = work / "self-test.mlscene"
    _save(win, path, states)
    on_disk = scene_io.load(path)
    missing = sorted(set(states) - set(on_disk.states))
    if missing:
        raise RuntimeError(f"the saved scene lacks lab(s): {', '.join(missing)}")
    differ = sorted(n for n in states if on_disk.states[n] != states[n])
    if differ:
        raise RuntimeError(f"saved then loaded states differ for: {', '.join(differ)}")
    for name in states:  # disturb every lab, so the reload has to restore it
        win.apply_state(name, default_state(name))
    _open(win, path)
    QtWidgets.QApplication.processEvents()
    restored = _states(win)
    differ = sorted(n for n in states if restored.get(n) != states[n])
    if differ:
        raise RuntimeError(f"reloading the scene did not restore: {', '.join(differ)}")
    return f"{len(states)} lab state(s), {path.stat().st_size} bytes"


def _bad_files(win, work: Path) -> str:
    before = _states(win)
    corrupt = work / "corrupt.mlscene"
    corrupt.write_bytes(b'{"format": "mlscene", "version": 1, "labs": {"vectors": {"vectors": [[1, 2]')
    hostile = work / "hostile.mlscene"  # valid JSON, but an overflowing number (parses as inf) in a lab state
    lab = next(iter(before), "vectors")
    hostile.write_text(f'{{"format": "mlscene", "version": 1, "labs": {{"{lab}": {{"view": [1e999, 0, 0, 1]}}}}}}')
    missing = work / "does-not-exist.mlscene"
    messages = []
    for path in (corrupt, hostile, missing):
        try:
            scene_io.load(path)
        except scene_io.SceneError as exc:
            if not str(exc).strip():
                raise RuntimeError(f"{path.name}: SceneError without a message") from None
        else:
            raise RuntimeError(f"{path.name} was accepted")
        if hasattr(win, "open_scene"):
            win.statusBar().clearMessage()
            win.open_scene(str(path))  # must not raise: the window reports the problem
            QtWidgets.QApplication.processEvents()
            text = win.statusBar().currentMessage()
            if not text:
                raise RuntimeError(f"opening {path.name} showed no message in the status bar")
            messages.append(text)
        if _states(win) != before:
            raise RuntimeError(f"opening {path.name} changed the labs")
    for box in QtWidgets.QApplication.topLevelWidgets():
        if isinstance(box, QtWidgets.QMessageBox):
            box.close()
    if not messages:
        return "refused by engine.scene (the window has no open_scene)"
    return f"{len(messages)} files, e.g. {messages[1][:80]}…"
