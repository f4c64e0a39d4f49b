"""Soak: thousands of repaints of coloured-pen plots in one process.

PySide6-Essentials 6.12.0 aborts pyqtgraph on Python 3.11 after ~200 such repaints (none_dealloc / bool_dealloc);
pyproject pins <6.12. If an upgrade brings the reference-count bug back, this test kills the run.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui import theme


def test_thousands_of_coloured_repaints_survive(qtbot) -> None:
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    x = np.linspace(0, 2 * np.pi, 200)
    curves = [widget.plot(x, np.sin(x + i), pen=theme.pen(name)) for i, name in enumerate(theme.SERIES[:4])]
    scatter = pg.ScatterPlotItem(x[::10], np.cos(x[::10]), brush=theme.brush("orange", 200), pen=theme.pen("blue"))
    widget.addItem(scatter)
    for k in range(3000):
        for i, curve in enumerate(curves):
            curve.setData(x, np.sin(x + i + k * 0.01), pen=theme.pen(theme.SERIES[(i + k) % 8], 1.0))
        widget.repaint()
    assert curves[0].getData()[1][0] == np.sin(0 + 2999 * 0.01)
