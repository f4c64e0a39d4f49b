"""Export a lab's views for slides (PNG at a chosen width, SVG, clipboard) and the data behind them (CSV)."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtSvg, QtWidgets

from gui import theme
from gui.document import write_atomic
from gui.svg_strokes import bake_cosmetic_strokes

__all__ = [
    "export_png",
    "export_svg",
    "svg_text",
    "copy_image",
    "export_csv",
    "csv_text",
    "render_image",
    "export_size",
    "laid_out",
    "SIZE_PRESETS",
]


def _graphics_target(view: Any) -> Any:
    """The pyqtgraph item/scene to export for ``view``, or None for a plain widget."""
    if isinstance(view, pg.PlotWidget):
        return view.getPlotItem()
    if isinstance(view, pg.GraphicsLayoutWidget):
        return view.ci
    if isinstance(view, pg.GraphicsView):
        return view.scene()
    if isinstance(view, QtWidgets.QGraphicsItem):
        return view
    return None


SIZE_PRESETS = {
    "1920×1080 (16:9)": (1920, 1080),
    "1280×720 (16:9)": (1280, 720),
    "1600×1200 (4:3)": (1600, 1200),
    "1024×768 (4:3)": (1024, 768),
}
"""Slide sizes offered by the export dialogs (a custom size and "as on screen" are offered too)."""
LAYOUT_WIDTH = 960
"""A sized export lays the plot out this wide (in screen pixels) and scales it up: fonts stay readable on a slide."""


def _all_items(target: Any) -> list[QtWidgets.QGraphicsItem]:
    if isinstance(target, QtWidgets.QGraphicsScene):
        return list(target.items())
    if isinstance(target, QtWidgets.QGraphicsItem):
        out, todo = [], [target]
        while todo:
            item = todo.pop()
            out.append(item)
            todo.extend(item.childItems())
        return out
    return []


@contextlib.contextmanager
def _export_mode(target: Any) -> Iterator[None]:
    """Items drawn as vectors (no cached pixmaps of axes) and told they are being exported, for the duration."""
    items = _all_items(target)
    caches = [(item, item.cacheMode()) for item in items]
    for item, _ in caches:
        item.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.NoCache)
    opts = {"antialias": True, "background": theme.color("bg"), "painter": None, "resolutionScale": 1.0}
    marked = [item for item in items if hasattr(item, "setExportMode")]
    for item in marked:
        item.setExportMode(True, opts)
    try:
        yield
    finally:
        for item in marked:
            item.setExportMode(False, opts)
        for item, mode in caches:
            item.setCacheMode(mode)


@contextlib.contextmanager
def laid_out(view: Any, size: tuple[int, int] | None) -> Iterator[tuple[Any, QtCore.QRectF, float]]:
    """The view re-laid out for an export of ``size`` pixels: (scene or widget, source rect, scale to apply).

    With a size, the plot is laid out at the size's aspect ratio (LAYOUT_WIDTH wide, so fonts and lines keep their
    proportions on a slide), independent of its shape on screen; its on-screen layout is put back afterwards.
    """
    target = _graphics_target(view)
    widget = view if target is None else None
    item = target if isinstance(target, QtWidgets.QGraphicsWidget) else None
    old_geometry = item.geometry() if item is not None else None
    old_size = widget.size() if widget is not None else None
    scale = 1.0
    try:
        if size is not None:
            width, height = size
            layout_w = min(float(width), float(LAYOUT_WIDTH))
            layout_h = layout_w * height / width
            scale = width / layout_w
            if item is not None:
                item.setGeometry(QtCore.QRectF(item.pos(), QtCore.QSizeF(layout_w, layout_h)))
                _settle(item)
            elif widget is not None:
                widget.resize(int(round(layout_w)), int(round(layout_h)))
        if isinstance(target, QtWidgets.QGraphicsItem):
            yield target.scene(), target.sceneBoundingRect(), scale
        elif isinstance(target, QtWidgets.QGraphicsScene):
            yield target, target.sceneRect(), scale
        else:
            yield widget, QtCore.QRectF(widget.rect()), scale
    finally:
        if item is not None and old_geometry is not None and size is not None:
            item.setGeometry(old_geometry)
            _settle(item)
        if widget is not None and old_size is not None and size is not None:
            widget.resize(old_size)


def _settle(item: QtWidgets.QGraphicsWidget) -> None:
    """Lay out ``item`` and every plot inside it now (not at the next event-loop turn)."""
    for child in [item, *_all_items(item)]:
        # the unbound method: pyqtgraph's PlotItem hides QGraphicsWidget.layout() behind an attribute
        layout = QtWidgets.QGraphicsWidget.layout(child) if isinstance(child, QtWidgets.QGraphicsWidget) else None
        if layout is not None:
            layout.activate()
        if isinstance(child, pg.ViewBox):
            child.updateViewRange()
            child.updateMatrix()


def _paint(view: Any, painter: QtGui.QPainter, size: tuple[int, int] | None) -> tuple[int, int]:
    """Paint the (re-laid-out) view with its background onto ``painter``; the pixel size painted."""
    with laid_out(view, size) as (source_obj, source, scale):
        out_w = size[0] if size else max(1, int(round(source.width())))
        out_h = size[1] if size else max(1, int(round(source.height())))
        painter.fillRect(QtCore.QRectF(0, 0, out_w, out_h), theme.color("bg"))
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
        if isinstance(source_obj, QtWidgets.QGraphicsScene):
            with _export_mode(_graphics_target(view)):
                source_obj.render(painter, QtCore.QRectF(0, 0, out_w, out_h), source)
        else:
            painter.save()
            try:
                painter.scale(out_w / max(1.0, source.width()), out_h / max(1.0, source.height()))
                source_obj.render(painter, QtCore.QPoint())  # PySide6 has no render(painter) overload
            finally:
                painter.restore()
    return out_w, out_h


def export_size(view: Any, width: int | None = None, height: int | None = None) -> tuple[int, int]:
    """The pixel size an export of ``view`` gets: (width, height) as given, or the on-screen shape ``width`` wide."""
    if width and height:
        return int(width), int(height)
    with laid_out(view, None) as (_obj, source, _scale):
        w, h = max(1.0, source.width()), max(1.0, source.height())
    if width:
        return int(width), max(1, int(round(width * h / w)))
    return int(round(w)), int(round(h))


def _check_size(width: int | None, height: int | None) -> None:
    for name, value in (("width", width), ("height", height)):
        if value is not None and not (16 <= value <= 10_000):
            raise ValueError(f"{name} must be between 16 and 10000 pixels, got {value}")


def render_image(view: Any, width: int | None = None, height: int | None = None) -> QtGui.QImage:
    """Render ``view`` to an image: ``width``×``height`` pixels re-laid out for that shape when both are given,
    else its on-screen shape (``width`` pixels wide when given)."""
    _check_size(width, height)
    fixed = (int(width), int(height)) if width and height else None
    w, h = export_size(view, width, height)
    image = QtGui.QImage(w, h, QtGui.QImage.Format.Format_ARGB32)
    image.fill(theme.color("bg"))
    painter = QtGui.QPainter(image)
    try:
        if fixed is None and (w, h) != export_size(view):
            fixed = (w, h)  # same shape as on screen, scaled: laid out at that shape
        _paint(view, painter, fixed)
    finally:
        painter.end()
    if image.isNull():
        raise OSError("the view could not be rendered")
    return image


def export_png(view: Any, path: str | Path, width: int | None = None, height: int | None = None) -> None:
    """Write ``view`` as a PNG ``width`` pixels wide (and ``height`` tall, re-laid out for it, when given)."""
    image = render_image(view, width, height)
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("could not encode the PNG")
    _write_bytes(Path(path), bytes(buffer.data()))


def svg_text(view: Any, width: int | None = None, height: int | None = None) -> str:
    """``view`` as SVG text that librsvg/CairoSVG render like Qt does (cosmetic strokes baked in pixels).

    Drawn through QSvgGenerator: pyqtgraph's own SVGExporter fails on the path syntax Qt 6.11 writes ("not enough
    values to unpack" in correctCoordinates).
    """
    _check_size(width, height)
    w, h = export_size(view, width, height)
    fixed = (w, h) if (width or height) else None
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    gen = QtSvg.QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QtCore.QSize(w, h))
    gen.setViewBox(QtCore.QRect(0, 0, w, h))
    gen.setTitle("ML Math Sandbox")
    painter = QtGui.QPainter(gen)
    try:
        _paint(view, painter, fixed)
    finally:
        painter.end()
    return bake_cosmetic_strokes(bytes(buffer.data()).decode("utf-8"))


def export_svg(view: Any, path: str | Path, width: int | None = None, height: int | None = None) -> None:
    """Write ``view`` as an SVG (vector graphics for slides), at ``width``×``height`` when given."""
    _write_bytes(Path(path), svg_text(view, width, height).encode("utf-8"))


def copy_image(view: Any) -> QtGui.QImage:
    """Put ``view`` on the clipboard as an image (returned too)."""
    image = render_image(view)
    QtWidgets.QApplication.clipboard().setImage(image)
    return image


def csv_text(header: list[str], rows: list[list[Any]]) -> str:
    """CSV text for a table (full float precision, so the numbers round-trip)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([repr(float(v)) if isinstance(v, float) else v for v in row])
    return out.getvalue()


def export_csv(table: tuple[list[str], list[list[Any]]], path: str | Path) -> None:
    """Write one of a lab's ``export_data()`` tables as CSV."""
    header, rows = table
    write_atomic(Path(path), csv_text(header, rows))


def _write_bytes(path: Path, data: bytes) -> None:
    f = QtCore.QSaveFile(str(path))
    if not f.open(QtCore.QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(f.errorString() or f"cannot open {path}")
    if f.write(data) != len(data) or not f.commit():
        raise OSError(f.errorString() or f"could not write {path}")
