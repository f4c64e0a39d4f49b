"""A light square grid drawn as one line item (no antialiasing), replacing the axis-drawn grid that costs ~10 ms/frame.

pyqtgraph's ``showGrid`` makes each AxisItem paint grid lines over the whole plot on every repaint; a drag then spends
most of its frame there. This grid is one ``PlotDataItem`` rebuilt only when the visible range changes.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

from gui import theme

__all__ = ["FastGrid", "grid_lines"]


def grid_lines(view: tuple[float, float, float, float], target_lines: int = 24) -> tuple[np.ndarray, np.ndarray, float]:
    """x/y arrays (NaN-separated) of grid lines covering ``view`` at a 1-2-5 spacing, and that spacing."""
    x0, x1, y0, y1 = view
    span = max(x1 - x0, y1 - y0, 1e-9)
    raw = span / target_lines
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    xs = np.arange(math.floor(x0 / step), math.ceil(x1 / step) + 1, dtype=float) * step
    ys = np.arange(math.floor(y0 / step), math.ceil(y1 / step) + 1, dtype=float) * step
    nan = np.full_like(xs, np.nan)
    vx = np.column_stack([xs, xs, nan]).ravel()
    vy = np.column_stack([np.full_like(xs, ys[0]), np.full_like(xs, ys[-1]), nan]).ravel()
    nan = np.full_like(ys, np.nan)
    hx = np.column_stack([np.full_like(ys, xs[0]), np.full_like(ys, xs[-1]), nan]).ravel()
    hy = np.column_stack([ys, ys, nan]).ravel()
    return np.concatenate([vx, hx]), np.concatenate([vy, hy]), step


class FastGrid:
    """Attach to a ``PlaneWidget`` (or any PlotWidget): hides the axis grid and draws this one instead."""

    def __init__(self, plot_widget: pg.PlotWidget) -> None:
        plot = plot_widget.getPlotItem()
        plot.showGrid(x=False, y=False)
        pen = theme.pen("grid", 0.4)
        pen.setCosmetic(True)
        self.item = pg.PlotDataItem([], [], pen=pen, connect="finite", antialias=False)
        self.item.setZValue(-20)
        plot.addItem(self.item, ignoreBounds=True)
        self._vb = plot.getViewBox()
        self._vb.sigRangeChanged.connect(self._update)
        self._last: tuple | None = None
        self._update()

    def _update(self, *_args) -> None:
        (x0, x1), (y0, y1) = self._vb.viewRange()
        w, h = x1 - x0, y1 - y0
        key = (round(x0 / w * 4), round(y0 / h * 4), round(math.log2(max(w, h)) * 4))  # rebuild only when needed
        if key == self._last:
            return
        self._last = key
        xs, ys, _ = grid_lines((x0 - w, x1 + w, y0 - h, y1 + h), target_lines=60)
        self.item.setData(xs, ys)
