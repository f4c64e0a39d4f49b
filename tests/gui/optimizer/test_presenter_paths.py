"""The optimizer paths' cheaper drawing during a drag (a presenter's thick pens): the same picture where it counts.

A repaint of part of the view strokes only the segments reaching into it, and a gesture draws round caps square;
neither may change a pixel that is shown: the exposed part must look as a full paint would, and after the release
the view must be the one a fresh window draws for the same state.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from gui.labs.optimizer.lines import RunLines
from tests.gui.helpers import drag_in_view

W, H = 300, 220


def _walk(seed: int, n: int = 400) -> tuple[np.ndarray, np.ndarray]:
    pts = np.cumsum(np.random.default_rng(seed).normal(0.0, 0.01, (n, 2)), axis=0)
    return pts[:, 0], pts[:, 1]


def _lines(antialias: bool = True) -> RunLines:
    lines = RunLines()
    thick = pg.mkPen("#0072B2", width=4.5)  # > 4 px: pyqtgraph gives it round caps, as in presenter mode
    assert thick.capStyle() == QtCore.Qt.PenCapStyle.RoundCap
    lines.line(thick).setData(*_walk(1))
    lines.line(pg.mkPen("#D55E00", width=4.5), z=1).setData(*_walk(2))
    lines.line(pg.mkPen("#009E73", width=4.0), z=2, pairs=True).setData([-0.2, 0.1, 0.0, 0.2], [0.1, -0.2, 0.2, 0.0])
    dotted = pg.mkPen("#CC79A7", width=3.0)
    dotted.setStyle(QtCore.Qt.PenStyle.DotLine)
    lines.line(dotted, z=3).setData([-0.1, 0.1, 0.1, -0.1, -0.1], [-0.1, -0.1, 0.1, 0.1, -0.1])
    lines.set_antialias(antialias)
    return lines


def _paint(lines: RunLines, clip: QtCore.QRect | None, exposed: QtCore.QRectF | None) -> np.ndarray:
    """The item painted into a W×H image (data ±0.4 fills it), clipped to ``clip``, with ``exposed`` as exposedRect."""
    img = QtGui.QImage(W, H, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QtGui.QColor("white"))
    p = QtGui.QPainter(img)
    if clip is not None:
        p.setClipRect(clip)
    t = QtGui.QTransform(W / 0.8, 0.0, 0.0, -H / 0.8, W / 2, H / 2)  # y up, as in a ViewBox
    p.setTransform(t)
    option = QtWidgets.QStyleOptionGraphicsItem()
    option.exposedRect = exposed if exposed is not None else lines.boundingRect()
    lines.paint(p, option, None)
    p.end()
    a = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(H, img.bytesPerLine() // 4, 4)
    return a[:, :W].copy()


@pytest.mark.parametrize("antialias", [True, False])
def test_a_partial_repaint_shows_what_a_full_paint_shows_there(qapp, antialias):
    """Plain lines (a gesture) are culled to the exposed part; smooth ones are all stroked: identical either way."""
    t = QtGui.QTransform(W / 0.8, 0.0, 0.0, -H / 0.8, W / 2, H / 2)
    t_inv = t.inverted()[0]
    xs, ys = _walk(1)
    inside = [i for i in range(len(xs)) if 20 < t.map(QtCore.QPointF(xs[i], ys[i])).x() < W - 60]
    inside = [i for i in inside if 40 < t.map(QtCore.QPointF(xs[i], ys[i])).y() < H - 20]
    assert len(inside) > 100
    for i in inside[:: len(inside) // 4]:  # small rects a path crosses near their edge, as the star's old and new
        c = t.map(QtCore.QPointF(xs[i], ys[i]))
        clip = QtCore.QRect(int(c.x()) - 3, int(c.y()) - 25, 40, 30)
        exposed = t_inv.mapRect(QtCore.QRectF(clip))
        part = _paint(_lines(antialias), clip, exposed)
        full = _paint(_lines(antialias), clip, None)
        assert (full[:, :, :3] < 200).any()  # a line passes there
        assert np.array_equal(part, full)


def test_a_partial_repaint_during_a_gesture_strokes_only_the_segments_near_it(qapp, monkeypatch):
    drawn = []
    real = QtGui.QPainter.drawLines

    def count(painter, *args):
        drawn.append(args[-1] if isinstance(args[-1], int) else len(args[0]))
        return real(painter, *args)

    monkeypatch.setattr(QtGui.QPainter, "drawLines", count)
    t = QtGui.QTransform(W / 0.8, 0.0, 0.0, -H / 0.8, W / 2, H / 2)
    t_inv = t.inverted()[0]
    xs, ys = _walk(1)
    c = t.map(QtCore.QPointF(xs[200], ys[200]))
    clip = QtCore.QRect(int(c.x()) - 10, int(c.y()) - 10, 20, 20)
    _paint(_lines(antialias=False), clip, t_inv.mapRect(QtCore.QRectF(clip)))
    part = sum(drawn)
    drawn.clear()
    _paint(_lines(antialias=False), clip, None)
    assert 0 < part < sum(drawn) / 4


def test_gesture_pens_are_square_capped_and_the_exact_ones_return(qapp):
    rest = _paint(_lines(True), None, None)
    lines = _lines(True)
    lines.set_antialias(False)
    live = _paint(lines, None, None)
    assert not np.array_equal(live, rest)
    assert all(ln.live_pen.capStyle() != QtCore.Qt.PenCapStyle.RoundCap for ln in lines.lines)
    assert lines.lines[0].pen.capStyle() == QtCore.Qt.PenCapStyle.RoundCap  # the exact pen is kept
    lines.set_antialias(True)
    assert np.array_equal(_paint(lines, None, None), rest)


@pytest.fixture
def presenter(themed):
    themed(True)


def _race_state(lab, steps):
    s = lab.state()
    configs = tuple(dataclasses.replace(c, enabled=True) for c in s.configs)
    return dataclasses.replace(s, configs=configs, steps=steps, position=steps, show_internals=True)


def test_after_a_presenter_drag_the_view_is_the_one_drawn_from_scratch(lab_window, qtbot, presenter):
    win = lab_window("optimizer")
    lab = win.current_lab()
    lab.set_state(_race_state(lab, 500))
    view = lab.surface_view
    assert view.paths["gd"].pen.capStyle() == QtCore.Qt.PenCapStyle.RoundCap  # presenter-thick pens
    drag_in_view(qtbot, view, (-1.5, 2.0), (0.5, 1.0), steps=8, viewbox=view.viewbox)
    qtbot.waitUntil(lambda: not lab.computing, timeout=20_000)
    QtWidgets.QApplication.processEvents()
    after = view.viewport().grab().toImage()
    final = lab.state()
    assert final.start == pytest.approx((0.5, 1.0), abs=0.03)
    # the same state drawn again from nothing (another start in between: every path and pen set anew)
    lab.set_state(dataclasses.replace(final, start=(-1.0, 0.0)))
    QtWidgets.QApplication.processEvents()
    assert view.viewport().grab().toImage() != after
    lab.set_state(final)
    QtWidgets.QApplication.processEvents()
    assert view.viewport().grab().toImage() == after


def _pixels(image: QtGui.QImage) -> np.ndarray:
    image = image.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    a = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return a[:, : image.width(), :3].copy()


def test_during_a_drag_the_screen_shows_what_a_full_repaint_shows(lab_window, qtbot, presenter):
    """Partial repaints (culled segments, one geometry announcement per race answer) leave nothing stale on screen."""
    from bench import bench_optimizer

    win = lab_window("optimizer")
    lab = win.current_lab()
    lab.set_state(_race_state(lab, 500))
    view = lab.surface_view
    vp = view.viewport()
    senders = bench_optimizer.drag_senders(lab, bench_optimizer.DRAG_PATH(16))
    checked = 0
    for i, send in enumerate(senders[:-1]):
        send()
        QtWidgets.QApplication.processEvents()
        qtbot.waitUntil(lambda: not lab.computing, timeout=20_000)
        for _ in range(3):
            QtWidgets.QApplication.processEvents()
        if i % 4 == 3:
            assert not view.runs._antialias  # mid-gesture: the cheap drawing
            top = vp.mapToGlobal(QtCore.QPoint(0, 0))
            screen = QtGui.QGuiApplication.primaryScreen().grabWindow(0, top.x(), top.y(), vp.width(), vp.height())
            assert np.array_equal(_pixels(screen.toImage()), _pixels(vp.grab().toImage())), f"move {i}"
            checked += 1
    senders[-1]()
    assert checked >= 3
