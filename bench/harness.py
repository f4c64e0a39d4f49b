"""Shared helpers for the benchmark modules: statistics, measurement rows, an offscreen app and real mouse events.

A lab's ``bench/bench_<lab>.py`` typically does::

    from bench import harness

    def run(quick: bool) -> list[dict]:
        harness.offscreen_app()
        win, lab = harness.open_lab("vectors")
        plane = lab.plane                       # the pg.PlotWidget that is dragged on
        path = harness.line_path((2, 1), (-3, 4), 50 if quick else 200)
        ms = harness.time_drag(plane, path)     # per mouse-move: event sent -> repaint finished
        harness.close_window(win)
        return [harness.interaction("vectors.drag_tip", ms)]

Measurements are plain dicts ``{"name", "unit", "p50", "p95", "max"}`` (from samples) or ``{"name", "unit",
"value"}``; an optional ``"target"`` maps a statistic to its upper bound (``{"p95": 16.0, "max": 50.0}``), which
``python -m bench`` turns into pass/fail.
"""

from __future__ import annotations

import math
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

__all__ = [
    "INTERACTION_TARGET",
    "FLOOR_ROW",
    "PRESENTER_SIZE",
    "floor_target",
    "set_presenter",
    "percentiles",
    "measurement",
    "interaction",
    "offscreen_app",
    "open_lab",
    "close_window",
    "quiet_window",
    "settle",
    "time_events",
    "paint_counter",
    "drag_events",
    "time_drag",
    "line_path",
    "view_to_viewport",
    "time_calls",
    "cpu_times_of",
]

INTERACTION_TARGET: dict[str, float] = {"p95": 16.0, "max": 50.0}
"""One frame at 60 Hz for 95 % of events, and no single event over 50 ms (issue 7): the fallback target of an
interaction row when no floor was measured in the same run (``python -m bench`` replaces it, see
:func:`floor_target`)."""

FLOOR_ROW = "harness.bare_plane_drag"
"""The row every interaction is judged against: a drag on a bare pyqtgraph plane, measured in the same run."""

PRESENTER_SIZE = (1920, 1080)
"""What a classroom projector shows: the presenter rows open their lab at this size in presenter mode."""

FLOOR_FACTOR = 5.0
FLOOR_MIN_MS = 8.0  # a 120 Hz frame
FLOOR_MAX_MS = 33.0  # no single event over two 60 Hz frames


def floor_target(floor_cpu_p95: float) -> dict[str, float]:
    """The target of an interaction row given the floor's CPU p95 in the same run (issue 13).

    CPU p95 ≤ max(8 ms, 5 × floor) and CPU max ≤ 33 ms. CPU time of the GUI thread rather than wall time, so a
    machine shared with other work (a busy 2-core laptop) judges the same code the same way; wall times stay in the
    row for reference.
    """
    return {"cpu_p95": max(FLOOR_MIN_MS, FLOOR_FACTOR * float(floor_cpu_p95)), "cpu_max": FLOOR_MAX_MS}


def percentiles(samples_ms: Sequence[float]) -> dict[str, float]:
    """p50, p95 and max of a list of timings (linear interpolation, like ``numpy.percentile``).

    Parameters
    ----------
    samples_ms : sequence of float
        Timings in milliseconds (at least one, all finite).

    Returns
    -------
    dict
        ``{"p50": ..., "p95": ..., "max": ...}``.
    """
    values = sorted(float(v) for v in samples_ms)
    if not values:
        raise ValueError("percentiles need at least one sample")
    if not all(math.isfinite(v) for v in values):
        raise ValueError("timings must be finite numbers")

    def q(p: float) -> float:
        pos = (len(values) - 1) * p
        lo = math.floor(pos)
        hi = min(lo + 1, len(values) - 1)
        return values[lo] + (values[hi] - values[lo]) * (pos - lo)

    return {"p50": q(0.50), "p95": q(0.95), "max": values[-1]}


def measurement(
    name: str,
    unit: str,
    samples: Sequence[float] | None = None,
    value: float | None = None,
    target: dict[str, float] | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """One row of the report: percentiles of ``samples`` or a single ``value`` (exactly one of them).

    Parameters
    ----------
    name : str
        Dotted name, ``<area>.<what>`` (``vectors.drag_tip``); ratios end in ``_ratio``.
    unit : str
        ``ms``, ``s``, ``MB``, ``steps/s``, ``x`` …
    samples, value
        Raw timings (p50/p95/max are reported) or one number.
    target : dict, optional
        Upper bounds per statistic, e.g. ``{"p95": 16, "max": 50}`` or ``{"value": 1.5}``.
    note : str, optional
        A short remark shown in the JSON (what was measured, a fallback that was used).

    Returns
    -------
    dict
        The measurement row.
    """
    if (samples is None) == (value is None):
        raise ValueError("give either samples or value")
    row: dict[str, Any] = {"name": str(name), "unit": str(unit)}
    if samples is not None:
        row.update(percentiles(samples))
        row["n"] = len(samples)
    else:
        row["value"] = float(value)
    if target:
        row["target"] = {str(k): float(v) for k, v in target.items()}
    if note:
        row["note"] = note
    return row


def interaction(
    name: str, samples_ms: Sequence[float], note: str | None = None, cpu_ms: Sequence[float] | None = None
) -> dict[str, Any]:
    """A per-event latency row with the interaction target (p95 < 16 ms, max < 50 ms).

    ``cpu_ms`` (the GUI thread's CPU time per event) adds ``cpu_p50``/``cpu_p95``/``cpu_max``: unlike wall time it
    hardly changes when other processes load the machine. Timings straight from :func:`time_events` (or
    :func:`time_drag`) bring their CPU times along without being passed.
    """
    row = measurement(name, "ms", samples=samples_ms, target=INTERACTION_TARGET, note=note)
    row["interaction"] = True  # python -m bench judges it against the floor of the same run
    cpu = cpu_ms if cpu_ms is not None else cpu_times_of(samples_ms)
    if cpu:
        row.update({f"cpu_{k}": v for k, v in percentiles(cpu).items()})
    return row


_CPU_TIMES: list[tuple[list[float], list[float]]] = []


def cpu_times_of(samples_ms: Sequence[float]) -> list[float] | None:
    """The per-event CPU times recorded with the wall times ``samples_ms`` by :func:`time_events` (same object)."""
    return next((cpu for wall, cpu in _CPU_TIMES if wall is samples_ms), None)


def time_calls(fn: Callable[[], Any], n: int, warmup: int = 1) -> list[float]:
    """Wall time in ms of ``n`` calls of ``fn`` (after ``warmup`` untimed calls)."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1e3)
    return out


# --- Qt ----------------------------------------------------------------------------------------------------------
_app: Any = None


def offscreen_app() -> Any:
    """The QApplication on the offscreen platform, with every mouse move delivered and drags starting at once.

    Sets ``QT_QPA_PLATFORM=offscreen`` (unless a platform is already chosen and Qt not yet imported),
    ``pg.setConfigOptions(mouseRateLimit=-1)`` and ``minDragTime = 0`` on every pyqtgraph scene, the same as the
    GUI tests, so a scripted drag of 200 moves is 200 processed moves rather than a click.
    """
    global _app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Autosaves and recent files of benchmark windows go to a throw-away folder, never the user's own.
    os.environ.setdefault("MLSANDBOX_DATA_DIR", tempfile.mkdtemp(prefix="mlsandbox-bench-"))
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from gui import import_hook

    import_hook.install()  # first, as gui/__init__ does for the app: before pyqtgraph's imports
    import pyqtgraph as pg
    from PySide6 import QtWidgets

    pg.setConfigOptions(mouseRateLimit=-1)
    scene_cls = pg.GraphicsScene
    if not getattr(scene_cls, "_bench_instant_drag", False):
        original = scene_cls.__init__

        def instant_drag_init(self, *args, **kwargs):
            original(self, *args, **kwargs)
            self.minDragTime = 0

        scene_cls.__init__ = instant_drag_init
        scene_cls._bench_instant_drag = True
    app = QtWidgets.QApplication.instance()
    if app is None:
        try:
            from gui.app import make_application

            app = make_application()
        except ImportError:  # the shell is not there yet: a bare application still lets harness code run
            app = QtWidgets.QApplication([])
    _app = app
    return app


def settle(lab: Any = None, timeout_s: float = 30.0) -> bool:
    """Process events until no background job (``LatestJob``) under ``lab`` runs; False on timeout."""
    from PySide6 import QtCore, QtWidgets

    deadline = time.perf_counter() + timeout_s
    jobs: list[Any] = []
    if lab is not None:
        try:
            from gui.widgets.jobs import LatestJob

            jobs = lab.findChildren(LatestJob)
            jobs += [v for v in vars(lab).values() if isinstance(v, LatestJob) and v not in jobs]
        except ImportError:
            jobs = []
    while True:
        QtWidgets.QApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if not any(getattr(j, "running", False) for j in jobs):
            QtWidgets.QApplication.processEvents()
            return True
        if time.perf_counter() > deadline:
            return False
        time.sleep(0.002)


def set_presenter(on: bool) -> None:
    """Presenter mode (large fonts, thick lines) on or off for windows made afterwards, as ``main.py --presenter``."""
    app = offscreen_app()
    from gui import theme

    theme.set_theme(theme.current().with_(presenter=bool(on)))
    theme.apply(app)


def open_lab(name: str, size: tuple[int, int] = (1280, 800), presenter: bool = False) -> tuple[Any, Any]:
    """A shown :class:`gui.app.MainWindow` on lab ``name`` (offscreen), painted once; returns (window, lab).

    ``presenter`` switches presenter mode on (and leaves it on for later windows) or off before the window is made.
    """
    offscreen_app()
    from PySide6 import QtWidgets

    from gui.app import MainWindow

    set_presenter(presenter)
    win = quiet_window(MainWindow(start_lab=name))
    win.resize(*size)
    win.show()
    lab = win.show_lab(name)
    QtWidgets.QApplication.processEvents()
    settle(lab)
    win.repaint()
    return win, lab


def quiet_window(win: Any) -> Any:
    """Make a main window never block on a modal question (unsaved changes on close, error dialogs); returns it.

    A benchmark's drags leave the scene modified, and offscreen nobody can answer "Save changes?": without this,
    closing the window would wait forever.
    """
    win.ask_before_discarding = False
    win.show_error_dialogs = False
    return win


def close_window(win: Any) -> None:
    """Close and delete a window made by :func:`open_lab`, so the next benchmark starts clean."""
    from PySide6 import QtWidgets

    win.close()
    win.deleteLater()
    QtWidgets.QApplication.processEvents()


def time_events(send_event: Callable[[int], Any], repaint_widget: Any, n: int) -> list[float]:
    """Per event: ms from sending event ``i`` to the end of the first repaint of ``repaint_widget`` after it.

    ``send_event(i)`` must send one real event (mouse move, slider step) for ``i`` in ``range(n)``; after it the
    pending events are processed (the lab reacts, items update, and Qt paints what became dirty, as it would in the
    running app). If that did not paint ``repaint_widget`` (for a plot: its viewport), a synchronous ``repaint()``
    does, so the time always covers everything a user waits for before the frame shows — and the view is painted
    once per event, not twice (an extra forced repaint after Qt's own would double the drawing cost).
    The GUI thread's CPU time per event is kept too (see :func:`cpu_times_of`).
    """
    from PySide6 import QtWidgets

    process = QtWidgets.QApplication.processEvents
    target = _viewport(repaint_widget)
    counter = paint_counter(target)
    out: list[float] = []
    cpu: list[float] = []
    try:
        for i in range(n):
            c0 = time.thread_time()
            t0 = time.perf_counter()
            before = counter.paints
            send_event(i)
            process()
            if counter.paints == before:
                target.repaint()
            out.append((time.perf_counter() - t0) * 1e3)
            cpu.append((time.thread_time() - c0) * 1e3)
    finally:
        target.removeEventFilter(counter)
        counter.deleteLater()
    _CPU_TIMES.append((out, cpu))
    del _CPU_TIMES[:-50]
    return out


def drag_slider(slider: Any, values: Sequence[int], repaint_widget: Any) -> list[float]:
    """Per step of a mouse drag on ``slider`` (held down, so the lab previews and commits once): ms to the repaint."""
    slider.setSliderDown(True)
    try:
        return time_events(lambda i: slider.setValue(int(values[i])), repaint_widget, len(values))
    finally:
        slider.setSliderDown(False)


def paint_counter(widget: Any) -> Any:
    """An event filter installed on ``widget`` whose ``paints`` attribute counts the paint events it receives."""
    global _PAINT_COUNTER
    if _PAINT_COUNTER is None:
        from PySide6 import QtCore

        class PaintCounter(QtCore.QObject):
            def __init__(self, w: Any) -> None:
                super().__init__()
                self.paints = 0
                w.installEventFilter(self)

            def eventFilter(self, _obj: Any, event: Any) -> bool:
                if event.type() == QtCore.QEvent.Type.Paint:
                    self.paints += 1
                return False  # only counts: the widget still gets its paint event

        _PAINT_COUNTER = PaintCounter
    return _PAINT_COUNTER(widget)


_PAINT_COUNTER: Any = None


def _viewport(widget: Any) -> Any:
    return widget.viewport() if hasattr(widget, "viewport") else widget


def view_to_viewport(plot_widget: Any, x: float, y: float, viewbox: Any = None) -> Any:
    """Pixel position (QPointF) in ``plot_widget.viewport()`` of the data point (x, y)."""
    from PySide6 import QtCore

    vb = viewbox if viewbox is not None else plot_widget.getPlotItem().getViewBox()
    scene_pt = vb.mapViewToScene(QtCore.QPointF(float(x), float(y)))
    return QtCore.QPointF(plot_widget.mapFromScene(scene_pt))


def _send_mouse(widget: Any, kind: Any, pos: Any, button: Any, buttons: Any) -> None:
    from PySide6 import QtCore, QtGui, QtWidgets

    global_pos = QtCore.QPointF(widget.mapToGlobal(pos.toPoint()))
    event = QtGui.QMouseEvent(kind, pos, global_pos, button, buttons, QtCore.Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(widget, event)


def drag_events(
    plot_widget: Any, path_points: Sequence[tuple[float, float]], viewbox: Any = None, button: Any = None
) -> Iterator[Callable[[], None]]:
    """Yield one zero-argument sender per real mouse event of a drag along ``path_points`` (data coordinates).

    The first sender presses at ``path_points[0]`` (after a hover move there), then one move per following point,
    and the last sender releases at the final point: ``len(path_points) + 1`` senders in all. Positions are mapped
    when each event is sent, so a view that pans during the drag is followed.
    """
    from PySide6 import QtCore

    if len(path_points) < 2:
        raise ValueError("a drag needs at least two points")
    btn = button if button is not None else QtCore.Qt.MouseButton.LeftButton
    none = QtCore.Qt.MouseButton.NoButton
    vp = _viewport(plot_widget)
    ev = QtCore.QEvent.Type

    def press() -> None:
        pos = view_to_viewport(plot_widget, *path_points[0], viewbox=viewbox)
        _send_mouse(vp, ev.MouseMove, pos, none, none)
        _send_mouse(vp, ev.MouseButtonPress, pos, btn, btn)

    yield press
    for pt in path_points[1:]:

        def move(pt: tuple[float, float] = pt) -> None:
            _send_mouse(vp, ev.MouseMove, view_to_viewport(plot_widget, *pt, viewbox=viewbox), none, btn)

        yield move

    def release() -> None:
        pos = view_to_viewport(plot_widget, *path_points[-1], viewbox=viewbox)
        _send_mouse(vp, ev.MouseButtonRelease, pos, btn, none)

    yield release


def time_drag(plot_widget: Any, path_points: Sequence[tuple[float, float]], viewbox: Any = None) -> list[float]:
    """Drag along ``path_points``; the event-to-repaint ms of each mouse move (press and release untimed)."""
    from PySide6 import QtWidgets

    senders = list(drag_events(plot_widget, path_points, viewbox=viewbox))
    vp = _viewport(plot_widget)
    senders[0]()
    QtWidgets.QApplication.processEvents()
    moves = senders[1:-1]
    times = time_events(lambda i: moves[i](), vp, len(moves))
    senders[-1]()
    QtWidgets.QApplication.processEvents()
    return times


def line_path(start: tuple[float, float], end: tuple[float, float], n: int) -> list[tuple[float, float]]:
    """``n + 1`` evenly spaced points from ``start`` to ``end`` (a drag of ``n`` moves)."""
    return [(start[0] + (end[0] - start[0]) * i / n, start[1] + (end[1] - start[1]) * i / n) for i in range(n + 1)]
