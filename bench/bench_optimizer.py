"""Optimizer lab speed: 7-optimizer race on Rosenbrock, a 400×400 surface, start-point drags (event to repaint).

Two drags are timed. Runs of more than ``gui.labs.optimizer.runs.INLINE_STEPS`` steps in all (7 × 500 is 3500) are
computed by the lab's worker process while the star follows the mouse, the newest start winning, so the
event-to-repaint time covers the star, sending the start and, when a race arrives, all seven paths and their
internals; the loss curves, table, narration and start label follow at most 10×/s during a drag (those events are
timed too). The worker starts when a long race is first set (~0.2 s, computed in 2 ms slices between events until
then); the drags begin once it is ready, as a user's would.
The 7 × 3000-step drag is paced like a real hand (120 Hz) and also reports how long the paths take to catch up.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from typing import Any

from bench import harness

MOUSE_HZ = 120.0  # a fast mouse: the paced drag sends one move per 1/120 s, as a real hand would at most


def DRAG_PATH(n: int) -> list[tuple[float, float]]:
    """The start point's drag across the Rosenbrock valley, in ``n`` moves."""
    return harness.line_path((-1.5, 2.0), (1.5, -0.5), n)


def drag_senders(lab: Any, path: list[tuple[float, float]]) -> list[Callable[[], None]]:
    """The real mouse events of dragging the start along ``path`` (press, moves, release)."""
    view = lab.surface_view
    return list(harness.drag_events(view, path, viewbox=view.viewbox))


def _race(steps: int) -> None:
    from engine.optim import OPTIMIZERS, run
    from engine.optim import objectives as objectives

    surface = objectives.preset("rosenbrock")
    for name in OPTIMIZERS:
        run(surface, (-1.5, 2.0), name, steps, tol=0.0, lr=1.0 if name == "newton" else 1e-3)


TORCH_RATIO_TARGET = {"value": 0.01}  # issue 13: the race at least 100× faster than torch.optim


def _torch_race(steps: int) -> None:
    """The same race with torch.optim (SGD, momentum, Nesterov, Adagrad, RMSprop, Adam; torch has no Newton step)."""
    import torch

    def rosen(p):
        return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2

    makers = {
        "gd": lambda ps: torch.optim.SGD(ps, lr=1e-3),
        "momentum": lambda ps: torch.optim.SGD(ps, lr=1e-3, momentum=0.9),
        "nesterov": lambda ps: torch.optim.SGD(ps, lr=1e-3, momentum=0.9, nesterov=True),
        "adagrad": lambda ps: torch.optim.Adagrad(ps, lr=1e-3),
        "rmsprop": lambda ps: torch.optim.RMSprop(ps, lr=1e-3),
        "adam": lambda ps: torch.optim.Adam(ps, lr=1e-3),
    }
    for make in makers.values():
        p = torch.tensor([-1.5, 2.0], dtype=torch.float64, requires_grad=True)
        opt = make([p])
        for _ in range(steps):
            opt.zero_grad()
            loss = rosen(p)
            loss.backward()
            opt.step()


def _race_torch_names(steps: int) -> None:
    """Our race of the six optimizers torch.optim has, on the same problem and settings as :func:`_torch_race`."""
    from engine.optim import OPTIMIZERS, run
    from engine.optim import objectives as objectives

    surface = objectives.preset("rosenbrock")
    for name in OPTIMIZERS:
        if name != "newton":
            run(surface, (-1.5, 2.0), name, steps, tol=0.0, lr=1e-3)


def torch_rows(quick: bool) -> list[dict[str, Any]]:
    """The race against torch.optim, interleaved so both see the same load; a note instead when torch is absent."""
    try:
        import torch  # noqa: F401
    except ImportError:
        return [
            harness.measurement(
                "optimizer.race_vs_torch_skipped",
                "x",
                value=0.0,
                note="torch is not installed (pip install -e .[bench]): the race against torch.optim was not run",
            )
        ]
    steps, rounds = 500, 3 if quick else 8
    ours, theirs = [], []
    _torch_race(5)  # first calls: torch's lazy initialisation and our imports, untimed
    _race_torch_names(5)
    for _ in range(rounds):
        ours += harness.time_calls(lambda: _race_torch_names(steps), 1, warmup=0)
        theirs += harness.time_calls(lambda: _torch_race(steps), 1, warmup=0)
    a = harness.measurement(f"optimizer.race_6x{steps}_ours", "ms", samples=ours)
    note = "the same 6 optimizers × 500 steps with torch.optim, float64, autograd gradients"
    b = harness.measurement(f"optimizer.race_6x{steps}_torch_optim", "ms", samples=theirs, note=note)
    ratio = harness.measurement(
        "optimizer.race_vs_torch_ratio",
        "x",
        value=a["p50"] / b["p50"],
        target=TORCH_RATIO_TARGET,
        note="p50 ms ours / torch.optim on the same race (< 0.01 = at least 100x faster); Newton left out: "
        "torch.optim has none",
    )
    return [a, b, ratio]


def _grid() -> None:
    from engine.optim import objectives as objectives

    o = objectives.preset("rosenbrock")
    objectives.surface_grid(o, o.view, 400)


def _set_race(lab: Any, steps: int) -> None:
    """Set the race and wait (at most 30 s) for the worker process it starts to be ready."""
    from PySide6 import QtWidgets

    lab.set_state(_race_state(lab, steps))
    deadline = time.perf_counter() + 30.0
    while lab.races_starting and time.perf_counter() < deadline:
        QtWidgets.QApplication.processEvents()
        time.sleep(0.002)


def _race_state(lab: Any, steps: int) -> Any:
    s = lab.state()
    configs = tuple(dataclasses.replace(c, enabled=True) for c in s.configs)
    return dataclasses.replace(s, configs=configs, steps=steps, position=steps, show_internals=True)


def _paced_drag(lab: Any, n: int) -> tuple[list[float], list[float], float, float, list[float]]:
    """Drag at :data:`MOUSE_HZ`; (star ms per move, path catch-up ms, share drawn, release ms, star CPU ms)."""
    from PySide6 import QtWidgets

    process = QtWidgets.QApplication.processEvents
    vp = lab.surface_view.viewport()
    sent: dict[tuple[float, float], float] = {}
    lags: list[float] = []
    counter = harness.paint_counter(vp)
    waiting: list[tuple[float, int]] = []  # (sent at, paints then) of paths shown but not yet painted

    def on_shown(start: tuple[float, float]) -> None:
        t = sent.get(tuple(start))
        if t is not None:
            waiting.append((t, counter.paints))

    def painted() -> None:
        """Paths shown earlier are on screen once the view has painted since: their catch-up time ends now."""
        while waiting and counter.paints > waiting[0][1]:
            lags.append((time.perf_counter() - waiting.pop(0)[0]) * 1e3)

    lab.trajectories_shown.connect(on_shown)
    senders = drag_senders(lab, DRAG_PATH(n))
    senders[0]()
    process()
    star: list[float] = []
    star_cpu: list[float] = []
    period = 1.0 / MOUSE_HZ
    for send in senders[1:-1]:
        c0 = time.thread_time()
        t0 = time.perf_counter()
        before = counter.paints
        send()
        sent[tuple(lab.state().start)] = t0
        process()
        if counter.paints == before:  # as harness.time_events: painted once per move, by Qt or here
            vp.repaint()
        star.append((time.perf_counter() - t0) * 1e3)
        star_cpu.append((time.thread_time() - c0) * 1e3)
        painted()
        while time.perf_counter() - t0 < period:  # the hand moves on; meanwhile the event loop runs (and paints)
            process()
            painted()
            time.sleep(0.0005)
    shown = len(lags) / max(len(star), 1)
    t0 = time.perf_counter()
    senders[-1]()
    process()
    vp.repaint()
    release = (time.perf_counter() - t0) * 1e3
    while lab.computing:  # (release computes inline; this only guards against a change of that)
        process()
    lab.trajectories_shown.disconnect(on_shown)
    vp.removeEventFilter(counter)
    counter.deleteLater()
    return star, lags, shown, release, star_cpu


def run(quick: bool) -> list[dict[str, Any]]:
    """Engine costs, then the full lab recompute + repaint per start-point move with all 7 optimizers."""
    out: list[dict[str, Any]] = []
    out.append(
        harness.measurement(
            "optimizer.race_7x1000_rosenbrock",
            "ms",
            samples=harness.time_calls(lambda: _race(1000), 5 if quick else 30),
            note="7 optimizers × 1000 steps each (tol=0 so none stops early), values and gradients recorded",
        )
    )
    out.append(
        harness.measurement(
            "optimizer.surface_400x400",
            "ms",
            samples=harness.time_calls(_grid, 20 if quick else 100),
            note="Rosenbrock evaluated on a 400×400 grid",
        )
    )

    out += torch_rows(quick)

    harness.offscreen_app()
    win, lab = harness.open_lab("optimizer")
    try:
        _set_race(lab, 500)
        view = lab.surface_view
        n = 40 if quick else 200
        ms = harness.time_drag(view, DRAG_PATH(n), viewbox=view.viewbox)
        out.append(
            harness.interaction(
                "optimizer.drag_start_7x500",
                ms,
                note="per mouse move: star, the start sent to the race process, the paths when a race arrives; "
                "loss curves and readouts refreshed at most 10×/s (those events included)",
            )
        )
        _set_race(lab, 3000)
        star, lags, shown, release, star_cpu = _paced_drag(lab, 30 if quick else 120)
        out.append(
            harness.interaction(
                "optimizer.drag_start_7x3000_star",
                star,
                cpu_ms=star_cpu,
                note=f"per move at {MOUSE_HZ:g} Hz: the star (and any runs finished meanwhile) painted; "
                "the 7 × 3000-step runs are computed by the race process",
            )
        )
        if lags:
            out.append(
                harness.measurement(
                    "optimizer.drag_start_7x3000_paths_catch_up",
                    "ms",
                    samples=lags,
                    note="from a mouse move to its paths painted (moves overtaken by a newer one are skipped)",
                )
            )
        out.append(
            harness.measurement(
                "optimizer.drag_start_7x3000_paths_drawn_share",
                "fraction",
                value=shown,
                note="share of mouse moves whose own paths were drawn during the drag",
            )
        )
        out.append(
            harness.measurement(
                "optimizer.drag_start_7x3000_release",
                "ms",
                value=release,
                note="release: the exact runs for the final start computed inline and painted",
            )
        )
    finally:
        harness.close_window(win)
    win, lab = harness.open_lab("optimizer", harness.PRESENTER_SIZE, presenter=True)
    try:
        _set_race(lab, 500)
        view = lab.surface_view
        ms = harness.time_drag(view, DRAG_PATH(n), viewbox=view.viewbox)
        note = "1920×1080 presenter: star, the start sent to the race process, paths and internals when a race arrives"
        out.append(harness.interaction("optimizer.drag_start_7x500.presenter_1920", ms, note=note))
    finally:
        harness.close_window(win)
        harness.set_presenter(False)
    return out
