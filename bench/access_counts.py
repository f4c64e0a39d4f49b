"""``python -m bench.access_counts``: issue 15's counts per lab — named controls, described views, keyboard movers.

Opens every lab offscreen at 1280×800 with every tab page shown once (as a student would) and counts:

- **controls**: interactive widgets (``gui.access.is_control``); *own name* = named by the lab itself, *named* = after
  the window's ``name_controls`` pass (label beside it, tooltip, …), which is what a screen reader gets;
- **views**: plot widgets (``pg.GraphicsView``) and how many carry an accessible description (the Describe text);
- **draggables**: things a mouse can drag (vector tips, target points, markers, movable lines, ROIs, data points of
  a ``PointDrag`` plane) and how many of them the keyboard can move (a focusable item, a focusable plot that moves its
  ROIs by keys, or points reachable by a ``PointCursor``).

Not a bench row (no timing): a report for the issue, printed as a table (``--json`` for machines).
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any


def count_lab(win: Any, name: str) -> dict[str, int]:
    """The counts of lab ``name`` (shown in ``win``) over all its tab pages."""
    import pyqtgraph as pg  # deferred: the module's docstring/--help need no Qt
    from PySide6 import QtWidgets

    from gui.access import accessible_name, is_control, name_controls
    from gui.widgets.point_drag import PointCursor

    lab = win.show_lab(name)
    win.describe_panel.refresh()
    controls: dict[int, QtWidgets.QWidget] = {}
    own: set[int] = set()
    views: dict[int, QtWidgets.QWidget] = {}
    drag: dict[int, tuple[int, int]] = {}  # id(item) -> (draggable count, keyboard-movable count)

    def visit() -> None:
        QtWidgets.QApplication.processEvents()
        for w in lab.findChildren(QtWidgets.QWidget):
            if is_control(w) and w.isVisibleTo(win) and id(w) not in controls:
                controls[id(w)] = w
                if accessible_name(w):
                    own.add(id(w))
        name_controls(lab)
        win.describe_panel.refresh()
        for v in lab.findChildren(pg.GraphicsView):
            if v.isVisibleTo(win):
                views[id(v)] = v
                for item in v.scene().items():
                    counted = _draggable(item, v, PointCursor)
                    if counted is not None:
                        drag[id(item)] = counted

    visit()
    for tabs in lab.findChildren(QtWidgets.QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            visit()
    win.describe_panel.refresh()
    return {
        "controls": len(controls),
        "own_name": len(own),
        "named": sum(1 for w in controls.values() if accessible_name(w)),
        "views": len(views),
        "described": sum(1 for v in views.values() if v.accessibleDescription()),
        "draggables": sum(d for d, _k in drag.values()),
        "keyboard": sum(k for _d, k in drag.values()),
    }


def _draggable(item: Any, view: Any, cursor_type: type) -> tuple[int, int] | None:
    """(draggables, keyboard-movable) that ``item`` stands for, or None when it is not draggable."""
    import pyqtgraph as pg  # deferred: see count_lab
    from PySide6 import QtCore, QtWidgets

    from gui.widgets.vector_item import VectorItem

    focusable = bool(item.flags() & QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
    plot_keys = view.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus and type(view).keyPressEvent is not (
        pg.PlotWidget.keyPressEvent
    )
    if isinstance(item, cursor_type):
        n = len(item.drag.xy)
        return (n, n if item.isEnabled() else 0)
    if isinstance(item, VectorItem):
        return (1, int(focusable)) if getattr(item, "_draggable", False) else None
    if isinstance(item, pg.InfiniteLine | pg.TargetItem):
        return (1, int(focusable)) if item.movable else None
    if isinstance(item, pg.ROI) and item.translatable:
        return (1, int(focusable or bool(plot_keys)))
    if focusable and item.parentItem() is None and not isinstance(item, pg.GraphicsObject | QtWidgets.QGraphicsWidget):
        return (1, 1)
    if focusable and type(item).__name__ == "PixelMarker":
        return (1, 1)
    return None


def main(argv: list[str] | None = None) -> int:
    """Print the counts per lab and the totals."""
    argv = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from gui.app import MainWindow, make_application  # deferred: --help needs no Qt
    from gui.labs import available

    make_application()
    win = MainWindow(start_lab=available()[0])
    win.ask_before_discarding = False
    win.resize(1280, 800)
    win.show()
    rows = {name: count_lab(win, name) for name in available()}
    total = {k: sum(r[k] for r in rows.values()) for k in next(iter(rows.values()))}
    if "--json" in argv:
        print(json.dumps({"labs": rows, "total": total}, indent=1))
    else:
        print(f"{'lab':<15}{'named/controls':>16}{'own names':>11}{'described/views':>17}{'keyboard/draggables':>21}")
        for name, r in [*rows.items(), ("TOTAL", total)]:
            print(
                f"{name:<15}{r['named']:>7}/{r['controls']:<8}{r['own_name']:>11}{r['described']:>9}/{r['views']:<7}"
                f"{r['keyboard']:>12}/{r['draggables']:<8}"
            )
    win.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
