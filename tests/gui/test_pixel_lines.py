"""Lines stroked in screen pixels (gui/widgets/pixel_curve.py, gui/labs/optimizer_lines.py) against pyqtgraph's own.

Both are speed-ups of drawing the same thing: the reference is ``pg.PlotCurveItem`` with the same pen and data,
rendered into the same widget, and the pixels each draws must coincide.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6 import QtGui, QtWidgets

from gui.labs.optimizer.lines import RunLines
from gui.widgets.pixel_curve import PixelCurveItem

X = np.linspace(-3.0, 3.0, 120)
Y = np.sin(2.0 * X) * np.exp(-0.2 * X * X)


def _ink(qtbot, add) -> np.ndarray:
    """Where a 400×300 plot of ``add(plot_item)`` is painted darker than the background (bool mask)."""
    w = pg.PlotWidget(background="w")
    qtbot.addWidget(w)
    w.resize(400, 300)
    p = w.getPlotItem()
    p.hideAxis("left")
    p.hideAxis("bottom")
    add(p)
    p.setRange(xRange=(-3.2, 3.2), yRange=(-1.2, 1.2), padding=0)
    w.show()
    QtWidgets.QApplication.processEvents()
    img = w.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGB32)
    a = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(img.height(), img.bytesPerLine() // 4, 4)
    return a[:, : img.width(), :3].min(axis=2) < 200


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    return (a & b).sum() / max((a | b).sum(), 1)


@pytest.mark.parametrize("antialias", [False, True])
def test_pixel_curve_draws_what_plot_curve_item_draws(qtbot, antialias):
    pen = pg.mkPen("#0072B2", width=2.5)
    ref = _ink(qtbot, lambda p: p.addItem(pg.PlotCurveItem(X, Y, pen=pen, antialias=antialias)))
    ours = _ink(qtbot, lambda p: p.addItem(PixelCurveItem(X, Y, pen=pen, antialias=antialias)))
    assert ref.sum() > 1000  # a real line was drawn
    assert _overlap(ref, ours) > 0.9


def test_pixel_curve_leaves_fills_and_gaps_to_pyqtgraph(qtbot):
    y = Y.copy()
    y[50:55] = np.nan
    pen = pg.mkPen("#D55E00", width=2.0)
    kw = dict(pen=pen, connect="finite", fillLevel=0.0, brush=pg.mkBrush(200, 100, 0, 120))
    ref = _ink(qtbot, lambda p: p.addItem(pg.PlotCurveItem(X, y, **kw)))
    ours = _ink(qtbot, lambda p: p.addItem(PixelCurveItem(X, y, **kw)))
    assert np.array_equal(ref, ours)  # the base class painted it: identical
    c = PixelCurveItem(X, y, pen=pen)
    assert not c._simple()  # NaN gap: pyqtgraph's own drawing decides what a gap looks like
    c.setData(X, Y)
    assert c._simple()


@pytest.mark.parametrize("antialias", [False, True])
def test_run_lines_draw_what_plot_curve_items_draw(qtbot, antialias):
    """Solid lines are stroked as segments, smooth or not: the same pixels as pyqtgraph's polyline."""
    pen_a, pen_b = pg.mkPen("#0072B2", width=2.25), pg.mkPen("#D55E00", width=2.0)
    pairs_x, pairs_y = np.array([-2.0, -1.0, 1.0, 2.0]), np.array([0.5, 0.9, -0.9, -0.5])

    def reference(p):
        p.addItem(pg.PlotCurveItem(X, Y, pen=pen_a, antialias=antialias))
        p.addItem(pg.PlotCurveItem(pairs_x, pairs_y, pen=pen_b, connect="pairs", antialias=antialias))

    def ours(p):
        lines = RunLines()
        lines.set_antialias(antialias)
        p.addItem(lines)
        lines.line(pen_a).setData(X, Y)
        lines.line(pen_b, pairs=True).setData(pairs_x, pairs_y)

    ref = _ink(qtbot, reference)
    got = _ink(qtbot, ours)
    assert ref.sum() > 1000
    assert _overlap(ref, got) > 0.9


def test_run_lines_keep_a_dotted_pattern_running_across_points(qtbot):
    """A dotted line is one polyline: its dots are spaced along the whole curve."""
    pen = pg.mkPen("#009E73", width=2.0)
    pen.setDashPattern([1.0, 4.0])  # a dot, then four pen widths of gap
    x = np.linspace(-3.0, 3.0, 600)  # points closer together than a dot's period
    y = 0.5 * np.sin(x)

    def ours(p):
        lines = RunLines()
        p.addItem(lines)
        lines.line(pen).setData(x, y)

    got = _ink(qtbot, ours)
    solid = _ink(qtbot, lambda p: p.addItem(pg.PlotCurveItem(x, y, pen=pg.mkPen("#009E73", width=2.0))))
    # gaps between the dots: segments would restart the pattern at every point and draw it nearly solid
    assert 0.1 * solid.sum() < got.sum() < 0.6 * solid.sum()


def test_run_lines_bounds_and_bad_points():
    lines = RunLines()
    a = lines.line(pg.mkPen("k", width=2))
    b = lines.line(pg.mkPen("k", width=2), z=5, pairs=True)
    assert lines.boundingRect().isEmpty()
    a.setData([0.0, 1.0, np.nan, 2.0], [0.0, 1.0, 5.0, np.inf])  # non-finite points are dropped
    assert a.xData.tolist() == [0.0, 1.0] and a.yData.tolist() == [0.0, 1.0]
    b.setData([3.0, 4.0, 5.0], [-1.0, -2.0, 9.0])  # an odd point out in pairs mode has no partner: dropped
    assert len(b.xData) == 2
    r = lines.boundingRect()
    assert r.left() <= 0.0 and r.right() >= 4.0 and r.top() <= -2.0 and r.bottom() >= 1.0
    b.clear()
    a.clear()
    assert lines.boundingRect().isEmpty()
    assert [ln.z for ln in lines.lines] == [0.0, 5.0]


def test_lines_survive_points_far_outside_the_view(qtbot):
    # a diverging run ends ~1e6 away: its path must still be drawn from the origin to the view's edge
    def add(p):
        lines = RunLines()
        lines.set_antialias(False)
        p.addItem(lines)
        lines.line(pg.mkPen("k", width=2.25)).setData([0.0, 1e6], [0.0, 1e6])

    far = _ink(qtbot, add)
    h, w = far.shape
    assert far.sum() > 100
    assert far[h // 2 - 5 : h // 2 + 5, w // 2 - 5 : w // 2 + 5].any()  # through the origin, at the centre
    assert far[:10, :].any()  # ... and on to the top edge
