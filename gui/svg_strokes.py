"""Make Qt's SVG render the same everywhere: bake group transforms into the geometry of cosmetic (non-scaling) strokes.

Qt writes pyqtgraph's cosmetic pens as ``vector-effect="non-scaling-stroke"`` inside a ``<g transform="matrix(…)">``
that maps data units to pixels. librsvg, CairoSVG (and so LibreOffice Impress and many slide tools) ignore that
attribute and scale the 1-pixel line by the data-to-pixel factor: lines turn into blobs. Here every such element's
coordinates are mapped through its group's matrix, so the stroke width is already in pixels and no renderer needs the
vector effect; what cannot be mapped exactly (text, images, arcs) keeps the matrix in a group of its own, with its
stroke width divided by the matrix's scale.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

__all__ = ["bake_cosmetic_strokes"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_MATRIX = re.compile(r"^\s*matrix\(([^)]*)\)\s*$")
_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_PATH_TOKEN = re.compile(rf"[A-Za-z]|{_NUMBER}")
_PAIRS = re.compile(rf"({_NUMBER})\s*,?\s*({_NUMBER})")
_ABSOLUTE_PAIR_COMMANDS = set("MLCQSTZ")
Matrix = tuple[float, float, float, float, float, float]


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _matrix(text: str | None) -> Matrix | None:
    match = _MATRIX.match(text or "")
    if not match:
        return None
    values = [float(v) for v in re.split(r"[\s,]+", match.group(1).strip())]
    return tuple(values) if len(values) == 6 and all(math.isfinite(v) for v in values) else None  # type: ignore


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _num(v: float) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".") or "0"


def _map_points(m: Matrix, text: str) -> str:
    pairs = [_apply(m, float(x), float(y)) for x, y in _PAIRS.findall(text)]
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in pairs)


def _map_path(m: Matrix, d: str) -> str | None:
    """``d`` with every point mapped through ``m``; None when it uses relative or one-axis commands (not mapped)."""
    tokens = _PATH_TOKEN.findall(d)
    out: list[str] = []
    numbers: list[float] = []

    def flush() -> bool:
        if len(numbers) % 2:
            return False
        for i in range(0, len(numbers), 2):
            x, y = _apply(m, numbers[i], numbers[i + 1])
            out.append(f"{_num(x)},{_num(y)}")
        numbers.clear()
        return True

    for token in tokens:
        if token.isalpha():
            if token not in _ABSOLUTE_PAIR_COMMANDS or not flush():
                return None
            out.append(token)
        else:
            numbers.append(float(token))
    return " ".join(out) if flush() else None


def _bake(element: ET.Element, m: Matrix) -> bool:
    """Map ``element``'s geometry through ``m`` in place; False when it cannot be done exactly."""
    tag = _tag(element)
    a, b, c, d, e, f = m
    if tag in ("polyline", "polygon"):
        element.set("points", _map_points(m, element.get("points", "")))
        return True
    if tag == "path":
        mapped = _map_path(m, element.get("d", ""))
        if mapped is None:
            return False
        element.set("d", mapped)
        return True
    if tag == "line":
        x1, y1 = _apply(m, float(element.get("x1", 0)), float(element.get("y1", 0)))
        x2, y2 = _apply(m, float(element.get("x2", 0)), float(element.get("y2", 0)))
        for key, value in (("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)):
            element.set(key, _num(value))
        return True
    if tag == "rect" and not element.get("rx") and not element.get("ry"):
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
        w, h = float(element.get("width", 0)), float(element.get("height", 0))
        corners = [_apply(m, px, py) for px, py in ((x, y), (x + w, y), (x + w, y + h), (x, y + h))]
        element.tag = f"{{{SVG_NS}}}polygon"
        for key in ("x", "y", "width", "height"):
            element.attrib.pop(key, None)
        element.set("points", " ".join(f"{_num(px)},{_num(py)}" for px, py in corners))
        return True
    if tag in ("ellipse", "circle") and b == 0 and c == 0:
        cx, cy = _apply(m, float(element.get("cx", 0)), float(element.get("cy", 0)))
        rx = float(element.get("rx", element.get("r", 0))) * abs(a)
        ry = float(element.get("ry", element.get("r", 0))) * abs(d)
        element.tag = f"{{{SVG_NS}}}ellipse"
        element.attrib.pop("r", None)
        for key, value in (("cx", cx), ("cy", cy), ("rx", rx), ("ry", ry)):
            element.set(key, _num(value))
        return True
    return False


def _width(text: str | None) -> float:
    """A stroke width attribute in pixels (1 when absent or not a plain finite number)."""
    try:
        value = float(text) if text else 1.0
    except ValueError:
        return 1.0
    return value if math.isfinite(value) and value >= 0 else 1.0


def _ungroup(group: ET.Element, m: Matrix) -> None:
    """Remove ``group``'s matrix: bake what can be baked, wrap the rest in a group that keeps the matrix."""
    scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0
    for index, child in enumerate(list(group)):
        cosmetic = child.get("vector-effect") == "non-scaling-stroke"
        if cosmetic:
            del child.attrib["vector-effect"]
        if cosmetic and _bake(child, m):
            continue  # a scaling stroke keeps the matrix: its width is meant in the group's units
        if cosmetic:  # text, images, arcs, one-axis path commands: the width is divided (exact for even scales)
            width = _width(child.get("stroke-width") or group.get("stroke-width"))
            child.set("stroke-width", _num(width / scale))
        wrapper = ET.Element(f"{{{SVG_NS}}}g", {"transform": group.get("transform", "")})
        group.remove(child)
        wrapper.append(child)
        group.insert(index, wrapper)
    group.attrib.pop("transform", None)


def bake_cosmetic_strokes(svg: str) -> str:
    """``svg`` (as Qt's QSvgGenerator writes it) with no ``non-scaling-stroke`` left: the same picture everywhere."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)
    for group in list(root.iter(f"{{{SVG_NS}}}g")):
        if not any(child.get("vector-effect") == "non-scaling-stroke" for child in group):
            continue
        m = _matrix(group.get("transform"))
        if m is None and group.get("transform"):
            continue  # not Qt's matrix form: leave the group exactly as written
        if m is None or m == (1.0, 0.0, 0.0, 1.0, 0.0, 0.0):
            for child in group:
                if child.get("vector-effect") == "non-scaling-stroke":
                    del child.attrib["vector-effect"]
            group.attrib.pop("transform", None)
            continue
        _ungroup(group, m)
    return '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ET.tostring(root, encoding="unicode")
