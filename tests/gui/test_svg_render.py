"""Exported SVGs look the same in a non-Qt renderer (CairoSVG, as LibreOffice/slide tools use) as Qt's own PNG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6 import QtGui

from gui.export import render_image, svg_text
from gui.svg_strokes import bake_cosmetic_strokes

cairosvg = pytest.importorskip("cairosvg", reason="CairoSVG (test extra) renders the SVG outside Qt")

MAX_MEAN_DIFFERENCE = 15.0
"""Mean |Cairo − Qt| over RGB, in /255. With strokes baked the views measure 1–10 (text antialiasing and fonts differ
between the two renderers; the derivatives error plot's dense log-scale labels are the worst); with Qt's
non-scaling strokes left in they measure 45–160 on these views (lines drawn in data units turn into blobs)."""
SIZE = (640, 480)


def _pixels(image: QtGui.QImage) -> np.ndarray:
    image = image.convertToFormat(QtGui.QImage.Format.Format_RGBA8888)
    raw = np.frombuffer(bytes(image.constBits()), np.uint8)
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3].astype(float)


def _cairo_image(svg: str) -> QtGui.QImage:
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=SIZE[0], output_height=SIZE[1])
    image = QtGui.QImage.fromData(png)
    assert not image.isNull()
    return image


@pytest.mark.parametrize(
    ("lab_name", "view_name"),
    [("vectors", "plane"), ("matrices", "plane"), ("derivatives", "plot"), ("optimizer", "surface")],
)
def test_svg_renders_in_cairosvg_like_qt_png(lab_window, lab_name, view_name) -> None:
    win = lab_window(lab_name)
    view = win.current_lab().export_views()[view_name]
    svg = svg_text(view, *SIZE)
    assert "non-scaling-stroke" not in svg
    qt = _pixels(render_image(view, *SIZE))
    cairo = _pixels(_cairo_image(svg))
    assert qt.shape == cairo.shape == (SIZE[1], SIZE[0], 3)
    assert qt.std() > 5  # the view drew something (not a blank page on both sides)
    assert np.abs(qt - cairo).mean() < MAX_MEAN_DIFFERENCE


def test_unbaked_svg_would_fail_the_comparison(lab_window, monkeypatch) -> None:
    """The check above can fail: Qt's SVG as written (strokes in data units) is far from its PNG in Cairo."""
    import gui.export

    win = lab_window("derivatives")
    view = win.current_lab().export_views()["plot"]
    monkeypatch.setattr(gui.export, "bake_cosmetic_strokes", lambda text: text)
    raw = svg_text(view, *SIZE)
    assert "non-scaling-stroke" in raw
    qt = _pixels(render_image(view, *SIZE))
    assert np.abs(qt - _pixels(_cairo_image(raw))).mean() > 3 * MAX_MEAN_DIFFERENCE


def _svg(body: str) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">{body}</svg>'


def test_elements_that_cannot_be_mapped_keep_the_matrix_with_a_thinner_stroke() -> None:
    svg = _svg(
        '<g transform="matrix(10,0,0,-10,50,50)" stroke-width="2">'
        '<polyline vector-effect="non-scaling-stroke" points="0,0 1,1"/>'
        '<text vector-effect="non-scaling-stroke" x="0" y="0">x₁</text>'
        '<path vector-effect="non-scaling-stroke" d="M0,0 H3" stroke-width="4"/>'
        '<rect x="0" y="0" width="1" height="1"/>'
        "</g>"
    )
    root = ET.fromstring(bake_cosmetic_strokes(svg))
    ns = "{http://www.w3.org/2000/svg}"
    group = root.find(f"{ns}g")
    assert group is not None and "transform" not in group.attrib
    polyline = group.find(f"{ns}polyline")
    assert polyline is not None and polyline.get("points") == "50,50 60,40"  # mapped through the matrix
    wrappers = group.findall(f"{ns}g")
    kept = {w[0].tag.rsplit("}", 1)[-1]: w for w in wrappers}
    assert set(kept) == {"text", "path", "rect"}
    assert all(w.get("transform") == "matrix(10,0,0,-10,50,50)" for w in wrappers)
    assert kept["text"][0].get("stroke-width") == "0.2"  # the group's 2 px over a scale of 10
    assert kept["path"][0].get("stroke-width") == "0.4"  # its own 4 px over the same scale
    assert kept["rect"][0].get("stroke-width") is None  # a scaling stroke: its width is meant in data units
    assert "non-scaling-stroke" not in ET.tostring(root, encoding="unicode")


def test_a_group_with_another_transform_is_left_as_written() -> None:
    svg = _svg('<g transform="rotate(30)"><line vector-effect="non-scaling-stroke" x1="0" y1="0" x2="1" y2="1"/></g>')
    out = bake_cosmetic_strokes(svg)
    assert 'transform="rotate(30)"' in out and 'x2="1"' in out
