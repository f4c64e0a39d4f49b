"""Draw the application icon with QPainter (offscreen) and write app.png, app.ico and app.icns to resources/icons/.

Run ``python packaging/make_icon.py`` after changing the drawing; the generated files are committed, so builds do not
need to run it. The motif: two vectors spanning a parallelogram on a grid, with a bell curve — linear algebra and
probability in one glance — in Okabe–Ito colours, which stay distinguishable with every common colour-vision deficiency.

ICO and ICNS files are written by hand (both are small containers of PNG images), so no network, Pillow or
platform tool (iconutil) is needed and the same script works on Linux, Windows and macOS.
"""

from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtCore, QtGui

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"

# Okabe & Ito (2008); the same values as gui/theme.py (kept here so this script runs without the app's imports).
BLUE = "#0072B2"
VERMILLION = "#D55E00"
SKY = "#56B4E9"
ORANGE = "#E69F00"
GRID = "#D4DCE4"
INK = "#1A2A3A"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data (macOS 10.7+): size in pixels -> OSType.
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024))


def draw_icon(size: int) -> QtGui.QImage:
    """The icon at ``size`` × ``size`` pixels, drawn as vectors (crisp at every size, not a downscaled bitmap)."""
    img = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QtCore.Qt.GlobalColor.transparent)
    p = QtGui.QPainter(img)
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    p.scale(size / 256.0, size / 256.0)  # draw in a 256-unit box

    # Rounded white tile with a dark rim, so the icon reads on light and dark desktops.
    tile = QtCore.QRectF(8, 8, 240, 240)
    p.setPen(QtGui.QPen(QtGui.QColor(INK), 6))
    p.setBrush(QtGui.QColor("#FFFFFF"))
    p.drawRoundedRect(tile, 44, 44)
    inner = QtGui.QPainterPath()
    inner.addRoundedRect(tile.adjusted(5, 5, -5, -5), 40, 40)
    p.setClipPath(inner)  # nothing spills over the rounded rim

    # Grid (skipped at tiny sizes where it would be mush).
    origin = QtCore.QPointF(64, 192)
    unit = 32.0
    if size >= 48:
        p.setPen(QtGui.QPen(QtGui.QColor(GRID), 3))
        for i in range(-1, 6):
            x = origin.x() + i * unit
            y = origin.y() - i * unit
            if 20 < x < 236:
                p.drawLine(QtCore.QPointF(x, 24), QtCore.QPointF(x, 232))
            if 20 < y < 236:
                p.drawLine(QtCore.QPointF(24, y), QtCore.QPointF(232, y))

    def at(x: float, y: float) -> QtCore.QPointF:
        return QtCore.QPointF(origin.x() + x * unit, origin.y() - y * unit)

    u, v = (3.6, 0.9), (1.2, 3.3)
    # The parallelogram spanned by u and v (its area is the determinant).
    poly = QtGui.QPolygonF([at(0, 0), at(*u), at(u[0] + v[0], u[1] + v[1]), at(*v)])
    sky = QtGui.QColor(SKY)
    sky.setAlpha(110)
    p.setPen(QtCore.Qt.PenStyle.NoPen)
    p.setBrush(sky)
    p.drawPolygon(poly)

    # A bell curve across the tile: probability.
    path = QtGui.QPainterPath()
    for k in range(0, 101):
        x = 28 + 200 * k / 100
        z = (x - 150) / 34
        y = 214 - 150 * math.exp(-0.5 * z * z)
        if k == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    p.setBrush(QtCore.Qt.BrushStyle.NoBrush)
    pen = QtGui.QPen(QtGui.QColor(ORANGE), 9 if size >= 48 else 14)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.drawPath(path)

    # The two vectors as thick arrows.
    for vec, colour in ((u, BLUE), (v, VERMILLION)):
        _arrow(p, at(0, 0), at(*vec), QtGui.QColor(colour), width=14 if size >= 48 else 20)
    p.setPen(QtCore.Qt.PenStyle.NoPen)
    p.setBrush(QtGui.QColor(INK))
    p.drawEllipse(at(0, 0), 11, 11)
    p.end()
    return img


def _arrow(p: QtGui.QPainter, start: QtCore.QPointF, end: QtCore.QPointF, colour: QtGui.QColor, width: float) -> None:
    """A straight arrow with a filled triangular head whose tip is exactly at ``end``."""
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    head = width * 2.6
    base = QtCore.QPointF(end.x() - ux * head, end.y() - uy * head)
    pen = QtGui.QPen(colour, width)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.drawLine(start, base)
    half = width * 1.5
    left = QtCore.QPointF(base.x() - uy * half, base.y() + ux * half)
    right = QtCore.QPointF(base.x() + uy * half, base.y() - ux * half)
    p.setPen(QtCore.Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawPolygon(QtGui.QPolygonF([end, left, right]))


def png_bytes(img: QtGui.QImage) -> bytes:
    """Encode ``img`` as PNG in memory."""
    data = QtCore.QByteArray()
    buf = QtCore.QBuffer(data)
    buf.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buf, "PNG"):
        raise RuntimeError("PNG encoding failed (is the Qt imageformats support missing?)")
    buf.close()
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG per size (PNG entries are valid since Windows Vista)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        blob = images[s]
        dim = 0 if s >= 256 else s  # 0 means 256 in the ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns_bytes(images: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG entries (types icp4…ic10)."""
    body = b""
    for ostype, s in ICNS_TYPES:
        blob = images[s]
        body += ostype.encode("ascii") + struct.pack(">I", 8 + len(blob)) + blob
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(out: Path = OUT) -> int:
    """Write app.png (256 px), app.ico and app.icns into ``out``."""
    app = QtGui.QGuiApplication.instance() or QtGui.QGuiApplication(sys.argv[:1])
    sizes = sorted(set(ICO_SIZES) | {s for _, s in ICNS_TYPES})
    pngs = {s: png_bytes(draw_icon(s)) for s in sizes}
    out.mkdir(parents=True, exist_ok=True)
    (out / "app.png").write_bytes(pngs[256])
    (out / "app.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out / "app.icns").write_bytes(icns_bytes(pngs))
    for name in ("app.png", "app.ico", "app.icns"):
        print(f"wrote {out / name} ({(out / name).stat().st_size / 1024:.1f} KiB)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
