"""A printable PDF handout of the lab on screen: its title, the lesson step, its readouts in words and its views."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from gui.export import render_image

__all__ = ["write_handout", "shown_views", "VIEW_PIXELS"]

VIEW_PIXELS = (1600, 900)
"""Each view is rendered at this size (16:9, re-laid out for it) and printed the page's width: two views fit a page."""
_DPI = 150
_MARGIN_MM = 15.0


def _view_widget(view: Any) -> QtWidgets.QWidget | None:
    if isinstance(view, QtWidgets.QWidget):
        return view
    get = getattr(view, "getViewWidget", None)
    widget = get() if get is not None else None
    if widget is None and isinstance(view, QtWidgets.QGraphicsItem) and view.scene() is not None:
        views = view.scene().views()
        widget = views[0] if views else None
    return widget


def shown_views(lab: Any) -> dict[str, Any]:
    """The lab's export views that are on screen now (a tabbed lab draws only its visible tab); else its first."""
    views = lab.export_views()
    shown = {}
    for name, view in views.items():
        widget = _view_widget(view)
        if widget is not None and widget.isVisible():
            shown[name] = view
    if not shown and views:
        name = next(iter(views))
        shown[name] = views[name]
    return shown


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("Handout", text)


class _Page:
    """Flows blocks of text and pictures down A4 pages, starting a new page when one is full."""

    def __init__(self, writer: QtGui.QPdfWriter, painter: QtGui.QPainter) -> None:
        self.writer, self.painter = writer, painter
        self.area = QtCore.QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        self.y = self.area.top()
        self.pages = 1

    def need(self, height: float) -> None:
        """Start a new page unless ``height`` more pixels fit on this one."""
        self._room(height)

    def _room(self, height: float) -> None:
        if self.y + height > self.area.bottom() and self.y > self.area.top():
            self.writer.newPage()
            self.pages += 1
            self.y = self.area.top()

    def text(self, text: str, point_size: float, bold: bool = False, gap_after: float = 0.4) -> None:
        if not text:
            return
        font = QtGui.QFont()
        font.setPointSizeF(point_size)
        font.setBold(bold)
        self.painter.setFont(font)
        flags = int(QtCore.Qt.TextFlag.TextWordWrap)
        box = QtCore.QRectF(self.area.left(), 0, self.area.width(), 1e6)
        height = self.painter.boundingRect(box, flags, text).height()
        self._room(height)
        self.painter.drawText(QtCore.QRectF(self.area.left(), self.y, self.area.width(), height), flags, text)
        self.y += height + gap_after * self.painter.fontMetrics().height()

    def image(self, image: QtGui.QImage) -> None:
        width = self.area.width()
        height = width * image.height() / max(1, image.width())
        self._room(height)
        self.painter.drawImage(QtCore.QRectF(self.area.left(), self.y, width, height), image)
        self.y += height + self.writer.resolution() * 0.15


def write_handout(lab: Any, path: str | Path, step: Any = None) -> int:
    """Write the handout of ``lab`` (with lesson ``step``'s title and text when given) to ``path``; the page count.

    Raises OSError when the file cannot be written.
    """
    target = Path(path)
    buffer = QtCore.QBuffer()  # written whole, then saved atomically: a failed export leaves no half file
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    writer = QtGui.QPdfWriter(buffer)
    writer.setResolution(_DPI)
    writer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
    writer.setPageMargins(QtCore.QMarginsF(*(4 * [_MARGIN_MM])), QtGui.QPageLayout.Unit.Millimeter)
    writer.setTitle(f"{lab.title} — ML Math Sandbox")
    writer.setCreator("ML Math Sandbox")
    images = [(name, render_image(view, *VIEW_PIXELS)) for name, view in shown_views(lab).items()]
    painter = QtGui.QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF could not be started")
    try:
        page = _Page(writer, painter)
        page.text(lab.title, 20, bold=True, gap_after=0.2)
        page.text(_tr("ML Math Sandbox · {0}").format(datetime.date.today().isoformat()), 9, gap_after=1.0)
        if step is not None:
            page.text(_tr("Lesson step: {0}").format(step.title), 12, bold=True, gap_after=0.2)
            page.text(step.text, 10, gap_after=0.6)
            if getattr(step, "goal", None) is not None:
                page.text(_tr("Goal: {0}").format(step.goal.text), 10, gap_after=0.8)
        readout = lab.describe()
        if readout:
            page.text(_tr("What the lab shows"), 12, bold=True, gap_after=0.2)
            page.text(readout, 10, gap_after=0.8)
        notable = lab.notable()
        if notable:
            page.text(notable, 10, bold=True, gap_after=0.8)
        for name, image in images:
            page.need(page.area.width() * image.height() / max(1, image.width()) + _DPI * 0.4)  # heading + view
            page.text(_tr(name.replace("_", " ").capitalize()), 11, bold=True, gap_after=0.2)
            page.image(image)
    finally:
        painter.end()
    data = bytes(buffer.data())
    if not data.startswith(b"%PDF"):
        raise OSError("the PDF came out empty")
    out = QtCore.QSaveFile(str(target))
    if not out.open(QtCore.QIODevice.OpenModeFlag.WriteOnly):
        raise OSError(out.errorString() or f"cannot open {target}")
    if out.write(data) != len(data) or not out.commit():
        raise OSError(out.errorString() or f"could not write {target}")
    return page.pages
