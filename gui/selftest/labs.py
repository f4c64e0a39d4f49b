"""The per-lab part of the self-test: open, drag with a real mouse, edit with undo/redo, compute, render, export."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtTest, QtWidgets

from engine import labs as engine_labs
from engine.labs import state_type
from engine.schema import SchemaError, check
from gui.export import export_png, export_svg
from gui.selftest.report import SkipCheck

__all__ = ["check_lab", "drag_target", "real_drag", "image_is_drawn", "state_edit_candidates"]


def check_lab(report, win, name: str, work: Path) -> None:
    """Run every per-lab check for ``name`` in main window ``win``, one report line each."""
    lab = report.run(f"lab {name}: open", lambda: _open(win, name))
    if lab is None:
        return
    report.run(f"lab {name}: mouse drag", lambda: _drag(win, lab))
    report.run(f"lab {name}: edit, undo, redo", lambda: _edit(win, lab))
    report.run(f"lab {name}: engine metrics and code", lambda: _metrics(name, lab))
    report.run(f"lab {name}: render window", lambda: _render(win, name, work))
    report.run(f"lab {name}: export PNG", lambda: _export_png(lab, name, work))
    report.run(f"lab {name}: export SVG", lambda: _export_svg(lab, name, work))


def _open(win, name: str):
    lab = win.show_lab(name)
    QtWidgets.QApplication.processEvents()
    if win.current_lab() is not lab:
        raise RuntimeError("the lab did not come to the front")
    expected = state_type(name)
    if not isinstance(lab.state(), expected):
        raise TypeError(f"state is {type(lab.state()).__name__}, the engine registry says {expected.__name__}")
    if not lab.export_views():
        raise RuntimeError("export_views() is empty: the lab has no main view to show or export")
    return lab


def drag_target(view: Any) -> tuple[QtWidgets.QWidget, QtCore.QRect]:
    """The widget that receives mouse events for an exported view, and the rectangle (in it) the view occupies."""
    if isinstance(view, QtWidgets.QGraphicsView):
        return view.viewport(), view.viewport().rect()
    if isinstance(view, QtWidgets.QGraphicsItem):
        scene = view.scene()
        if scene is None or not scene.views():
            raise RuntimeError(f"{type(view).__name__} is not shown in any view")
        gview = scene.views()[0]
        rect = gview.mapFromScene(view.sceneBoundingRect()).boundingRect()
        return gview.viewport(), rect.intersected(gview.viewport().rect())
    if isinstance(view, QtWidgets.QWidget):
        return view, view.rect()
    raise TypeError(f"cannot drag on a {type(view).__name__}")


def real_drag(widget: QtWidgets.QWidget, start: QtCore.QPoint, end: QtCore.QPoint, steps: int = 8) -> None:
    """Press, move in ``steps`` mouse events and release with the left button — real events through QTest."""
    if isinstance(widget.parent(), pg.GraphicsView):
        widget.parent().scene().minDragTime = 0  # a scripted drag is faster than a hand
    rate_limit = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOptions(mouseRateLimit=-1)  # else moves closer than 10 ms apart are dropped and no drag starts
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.KeyboardModifier.NoModifier
    try:
        QtTest.QTest.mouseMove(widget, start)
        QtTest.QTest.mousePress(widget, left, none, start)
        for i in range(1, steps + 1):
            t = i / steps
            x, y = start.x() + (end.x() - start.x()) * t, start.y() + (end.y() - start.y()) * t
            QtTest.QTest.mouseMove(widget, QtCore.QPoint(round(x), round(y)))
        QtTest.QTest.mouseRelease(widget, left, none, end)
        QtWidgets.QApplication.processEvents()
    finally:
        pg.setConfigOptions(mouseRateLimit=rate_limit)


def _drag(win, lab) -> str:
    name, view = next(iter(lab.export_views().items()))
    widget, rect = drag_target(view)
    if rect.width() < 20 or rect.height() < 20:
        raise RuntimeError(f"main view {name!r} is only {rect.width()}×{rect.height()} px on screen")
    changes: list[Any] = []
    lab.state_changed.connect(changes.append)
    steps_before = win.undo_stack.index()
    try:
        start = rect.center()
        end = start + QtCore.QPoint(max(12, rect.width() // 8), max(10, rect.height() // 10))
        real_drag(widget, start, end)
    finally:
        lab.state_changed.disconnect(changes.append)
    undo_steps = win.undo_stack.index() - steps_before
    if undo_steps > 1:
        raise RuntimeError(f"one drag made {undo_steps} undo steps (expected at most one)")
    what = f"{len(changes)} live update(s), {undo_steps} undo step" if changes else "no state change (drag ignored)"
    return f"on {name!r}: {what}"


def _edit(win, lab) -> str:
    before = lab.state()
    candidates = state_edit_candidates(before)
    if not candidates:
        raise SkipCheck(f"{type(before).__name__} has no simple field to change")
    field, value = candidates[0]
    after = dataclasses.replace(before, **{field: value})
    stack = win.undo_stack
    index = stack.index()
    lab.edit(after, "self-test")
    QtWidgets.QApplication.processEvents()
    if lab.state() != after:
        raise RuntimeError(f"after edit({field}={value!r}) the lab holds a different state")
    if stack.index() != index + 1:
        raise RuntimeError(f"edit made {stack.index() - index} undo steps (expected 1)")
    stack.undo()
    QtWidgets.QApplication.processEvents()
    undone = lab.state()
    stack.redo()  # leave the history as a user would find it, whatever happens below
    QtWidgets.QApplication.processEvents()
    if getattr(undone, field) != getattr(before, field):
        raise RuntimeError(f"undo left {field} = {getattr(undone, field)!r}, expected {getattr(before, field)!r}")
    if lab.state() != after:
        raise RuntimeError("redo did not bring the edit back")
    # Live-only changes (e.g. a pan during the drag above) ride along with the next undo step; say so, it is not wrong.
    also = [
        f.name
        for f in dataclasses.fields(before)
        if f.name != field and getattr(undone, f.name) != getattr(before, f.name)
    ]
    note = f"; undo also reverted earlier live change of {', '.join(also)}" if also else ""
    return f"{field} = {value!r}{note}"


def _metrics(name: str, lab) -> str:
    values = engine_labs.metrics(name, lab.state())
    if not isinstance(values, dict) or not values:
        raise RuntimeError(f"metrics() returned {type(values).__name__} {values!r:.60}")
    bad = [k for k, v in values.items() if not isinstance(v, (bool, int, float, str))]
    if bad:
        raise TypeError(f"metrics() values must be numbers, booleans or text: {', '.join(bad)}")
    snippet = engine_labs.code(name, lab.state())
    if not isinstance(snippet, str) or "result" not in snippet:
        raise RuntimeError("code() did not return a snippet defining `result`")
    return f"{len(values)} metrics, {len(snippet.splitlines())}-line snippet"


def image_is_drawn(img: QtGui.QImage, min_colours: int = 4) -> bool:
    """True when ``img`` has real content: at least ``min_colours`` distinct colours on a coarse grid of samples."""
    if img.isNull() or img.width() < 2 or img.height() < 2:
        return False
    seen = set()
    for i in range(48):
        for j in range(32):
            seen.add(img.pixel(i * (img.width() - 1) // 47, j * (img.height() - 1) // 31))
            if len(seen) >= min_colours:
                return True
    return False


def _render(win, name: str, work: Path) -> str:
    QtWidgets.QApplication.processEvents()
    path = work / f"{name}.png"
    if not win.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    img = QtGui.QImage(str(path))
    if not image_is_drawn(img):
        raise RuntimeError("the rendered window is blank")
    return f"{img.width()}×{img.height()} px"


def _export_png(lab, name: str, work: Path) -> str:
    """Export the main view as File → Export → PNG does (slide width), through the app's own export code."""
    view_name, view = next(iter(lab.export_views().items()))
    png = work / f"{name}-{view_name}.png"
    export_png(view, png, width=1600)
    img = QtGui.QImage(str(png))
    if img.width() != 1600 or not image_is_drawn(img, 3):
        raise RuntimeError(f"exported {png.name} is {img.width()} px wide or blank (expected 1600 px with content)")
    return f"{view_name!r} {img.width()}×{img.height()} px"


def _export_svg(lab, name: str, work: Path) -> str:
    """Export the main view as File → Export → SVG does; the file must parse as an SVG document."""
    view_name, view = next(iter(lab.export_views().items()))
    svg = work / f"{name}-{view_name}.svg"
    export_svg(view, svg)
    root = ET.parse(svg).getroot()
    if not root.tag.endswith("svg") or len(list(root.iter())) < 5:
        raise RuntimeError(f"exported {svg.name} is not an SVG drawing")
    return f"{view_name!r} {svg.stat().st_size // 1024} KiB"


def state_edit_candidates(state: Any) -> list[tuple[str, Any]]:
    """Fields of ``state`` the self-test can change to a different valid value: (field name, new value)."""
    out: list[tuple[str, Any]] = []
    for f in dataclasses.fields(state):
        meta = f.metadata.get("spec", {})
        old = getattr(state, f.name)
        new: Any = None
        if isinstance(old, bool):
            new = not old
        elif isinstance(old, str) and meta.get("choices"):
            choices = list(meta["choices"])
            new = choices[(choices.index(old) + 1) % len(choices)] if old in choices else choices[0]
        elif isinstance(old, (int, float)) and not isinstance(old, bool):
            lo, hi = meta.get("lo"), meta.get("hi")
            step = 1 if (meta.get("integer") or isinstance(old, int)) else abs(old) * 0.25 + 0.5
            for cand in (old + step, old - step):
                if (lo is None or cand >= lo) and (hi is None or cand <= hi):
                    new = type(old)(cand)
                    break
        if new is None or new == old:
            continue
        candidate = dataclasses.replace(state, **{f.name: new})
        try:
            check(candidate)
        except (SchemaError, ValueError, TypeError):
            continue
        out.append((f.name, new))
    return out
