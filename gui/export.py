"""Export a lab's views for slides (PNG at a chosen width, SVG, clipboard) and the data behind them (CSV)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6 import QtCore, QtGui, QtSvg, QtWidgets

from gui.document import write_atomic

__all__ = ["export_png", "export_svg", "copy_image", "export_csv", "csv_text", "render_image"]


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


def render_image(view: Any, width: int | None = None) -> QtGui.QImage:
    """Render ``view`` to an image ``width`` pixels wide (default: its size on screen)."""
    target = _graphics_target(view)
    if target is not None:
        exporter = pg_exporters.ImageExporter(target)
        if width:
            exporter.parameters()["width"] = int(width)
        image = exporter.export(toBytes=True)
        if image is None or image.isNull():
            raise OSError("the view could not be rendered")
        return image
    widget: QtWidgets.QWidget = view
    scale = (width / max(1, widget.width())) if width else 1.0
    image = QtGui.QImage(int(widget.width() * scale), int(widget.height() * scale), QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtGui.QColor("white"))
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    widget.render(painter)
    painter.end()
    return image


def export_png(view: Any, path: str | Path, width: int | None = None) -> None:
    """Write ``view`` as a PNG ``width`` pixels wide."""
    if width is not None and not (16 <= width <= 10_000):
        raise ValueError(f"width must be between 16 and 10000 pixels, got {width}")
    image = render_image(view, width)
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("could not encode the PNG")
    _write_bytes(Path(path), bytes(buffer.data()))


def export_svg(view: Any, path: str | Path) -> None:
    """Write ``view`` as an SVG (vector graphics for slides).

    Rendered through QSvgGenerator for every kind of view: pyqtgraph's own SVGExporter fails on the path syntax
    Qt 6.11 writes ("not enough values to unpack" in correctCoordinates).
    """
    target = _graphics_target(view)
    if isinstance(target, QtWidgets.QGraphicsItem):
        scene, source = target.scene(), target.sceneBoundingRect()
    elif isinstance(target, QtWidgets.QGraphicsScene):
        scene, source = target, target.sceneRect()
    else:
        scene, source = None, QtCore.QRectF(view.rect())
    size = QtCore.QSize(max(1, int(source.width())), max(1, int(source.height())))
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    gen = QtSvg.QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(size)
    gen.setViewBox(QtCore.QRect(QtCore.QPoint(0, 0), size))
    gen.setTitle("ML Math Sandbox")
    painter = QtGui.QPainter(gen)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    if scene is not None:
        scene.render(painter, QtCore.QRectF(0, 0, size.width(), size.height()), source)
    else:
        view.render(painter)
    painter.end()
    _write_bytes(Path(path), bytes(buffer.data()))


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
