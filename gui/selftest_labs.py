"""The per-lab part of the self-test: open, drag with a real mouse, edit with undo/redo, compute, render, export."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtTest, QtWidgets

__all__ = ["check_lab", "drag_target", "real_drag", "image_is_drawn"]


def check_lab(report, win, name: str, work: Path) -> None:
    """Run every per-lab check for ``name`` in main window ``win``, one report line each."""
    lab = report.run(f"lab {name}: open", lambda: _open(win, name))
    if lab is None:
        return
    report.run(f"lab {name}: mouse drag", lambda: _drag(win, lab))
    report.run(f"lab {name}: edit, undo, redo", lambda: _edit(win, lab))
    report.run(f"lab {name}: engine metrics and code", lambda: _metrics(name, lab))
    report.run(f"lab {name}: render and export", lambda: _render(win, lab, name, work))


def _open(win, name: str):
    from engine.labs import state_type

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
    left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.KeyboardModifier.NoModifier
    QtTest.QTest.mouseMove(widget, start)
    QtTest.QTest.mousePress(widget, left, none, start)
    for i in range(1, steps + 1):
        t = i / steps
        p = QtCore.QPoint(round(start.x() + (end.x() - start.x()) * t), round(start.y() + (end.y() - start.y()) * t))
        QtTest.QTest.mouseMove(widget, p)
    QtTest.QTest.mouseRelease(widget, left, none, end)
    QtWidgets.QApplication.processEvents()


def _drag(win, lab) -> str:
    name, view = next(iter(lab.export_views().items()))
    widget, rect = drag_target(view)
    if rect.width() < 20 or rect.height() < 20:
        raise RuntimeError(f"main view {name!r} is only {rect.width()}×{rect.height()} px on screen")
    changes: list[Any] = []
    lab.state_changed.connect(changes.append)
    steps_before = win.undo_stack.count()
    try:
        start = rect.center()
        end = start + QtCore.QPoint(max(12, rect.width() // 8), max(10, rect.height() // 10))
        real_drag(widget, start, end)
    finally:
        lab.state_changed.disconnect(changes.append)
    undo_steps = win.undo_stack.count() - steps_before
    if undo_steps > 1:
        raise RuntimeError(f"one drag made {undo_steps} undo steps (expected at most one)")
    what = f"{len(changes)} live update(s), {undo_steps} undo step" if changes else "no state change (drag ignored)"
    return f"on {name!r}: {what}"


def _edit(win, lab) -> str:
    from gui.selftest import SkipCheck, state_edit_candidates

    before = lab.state()
    candidates = state_edit_candidates(before)
    if not candidates:
        raise SkipCheck(f"{type(before).__name__} has no simple field to change")
    field, value = candidates[0]
    after = dataclasses.replace(before, **{field: value})
    steps = win.undo_stack.count()
    lab.edit(after, "self-test")
    QtWidgets.QApplication.processEvents()
    if lab.state() != after:
        raise RuntimeError(f"after edit({field}={value!r}) the lab holds a different state")
    if win.undo_stack.count() != steps + 1:
        raise RuntimeError(f"edit made {win.undo_stack.count() - steps} undo steps (expected 1)")
    win.undo_stack.undo()
    QtWidgets.QApplication.processEvents()
    if lab.state() != before:
        raise RuntimeError("undo did not restore the state before the edit")
    win.undo_stack.redo()
    QtWidgets.QApplication.processEvents()
    if lab.state() != after:
        raise RuntimeError("redo did not bring the edit back")
    return f"{field} = {value!r}"


def _metrics(name: str, lab) -> str:
    from engine import labs as engine_labs

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


def _render(win, lab, name: str, work: Path) -> str:
    QtWidgets.QApplication.processEvents()
    path = work / f"{name}.png"
    if not win.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    img = QtGui.QImage(str(path))
    if not image_is_drawn(img):
        raise RuntimeError("the rendered window is blank")
    view_name, view = next(iter(lab.export_views().items()))
    exported = _export(view, work / f"{name}-{view_name}")
    return f"window {img.width()}×{img.height()}, {exported}"


def _export(view: Any, stem: Path) -> str:
    """Export a view as File → Export would: PNG and SVG through pyqtgraph's exporters, or a widget grab."""
    import pyqtgraph.exporters as pge

    item = view
    if isinstance(view, pg.PlotWidget):
        item = view.getPlotItem()
    elif isinstance(view, pg.GraphicsView):
        item = view.scene()
    if isinstance(item, (QtWidgets.QGraphicsItem, QtWidgets.QGraphicsScene)):
        png, svg = stem.with_suffix(".png"), stem.with_suffix(".svg")
        pge.ImageExporter(item).export(str(png))
        pge.SVGExporter(item).export(str(svg))
        if not image_is_drawn(QtGui.QImage(str(png)), 3):
            raise RuntimeError(f"exported {png.name} is blank")
        text = svg.read_text(encoding="utf-8", errors="replace")
        if "<svg" not in text:
            raise RuntimeError(f"exported {svg.name} is not an SVG document")
        return f"exported PNG + SVG ({len(text) // 1024} KiB)"
    if isinstance(item, QtWidgets.QWidget):
        png = stem.with_suffix(".png")
        if not item.grab().save(str(png), "PNG") or not image_is_drawn(QtGui.QImage(str(png)), 3):
            raise RuntimeError("the main view grabs as a blank image")
        return "exported widget PNG"
    raise TypeError(f"cannot export a {type(view).__name__}")
