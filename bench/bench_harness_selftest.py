"""The harness measuring itself: a drag on a bare pyqtgraph plane (the floor every lab's latency sits on).

Also the smoke test's target (``python -m bench --quick --only harness_selftest``): it needs no lab, only Qt.
"""

from __future__ import annotations

from typing import Any

from bench import harness


def build_plane() -> tuple[Any, Any]:
    """A shown 800×600 plot with equal axes over -6…6 and one draggable target at (2, 1): (widget, target)."""
    harness.offscreen_app()
    import pyqtgraph as pg
    from PySide6 import QtWidgets

    widget = pg.PlotWidget()
    widget.resize(800, 600)
    plot = widget.getPlotItem()
    plot.setAspectLocked(True)
    plot.getViewBox().setRange(xRange=(-6, 6), yRange=(-6, 6), padding=0)
    target = pg.TargetItem(pos=(2.0, 1.0), size=14, movable=True)
    plot.addItem(target)
    widget.show()
    QtWidgets.QApplication.processEvents()
    widget.repaint()
    return widget, target


def run(quick: bool) -> list[dict]:
    """Drag the target across the plane and report per-move latency and how far it really moved."""
    widget, target = build_plane()
    try:
        n = 50 if quick else 200
        start = (float(target.pos().x()), float(target.pos().y()))
        times = harness.time_drag(widget, harness.line_path(start, (-3.0, 4.0), n))
        end = target.pos()
        moved = ((end.x() - start[0]) ** 2 + (end.y() - start[1]) ** 2) ** 0.5
    finally:
        widget.close()
        widget.deleteLater()
    return [
        harness.interaction("harness.bare_plane_drag", times, note="pg.TargetItem on an empty PlotWidget: the floor"),
        harness.measurement(
            "harness.bare_plane_drag_distance",
            "data units",
            value=moved,
            note="should be ~5.83 (2,1)->(-3,4); 0 means the drag measured nothing",
        ),
    ]
