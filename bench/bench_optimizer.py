"""Optimizer lab speed: 7-optimizer race on Rosenbrock, a 400×400 surface, start-point drags (event to repaint)."""

from __future__ import annotations

import dataclasses
from typing import Any

from bench import harness


def _race(steps: int) -> None:
    from engine import objectives
    from engine.optim import OPTIMIZERS, run

    surface = objectives.preset("rosenbrock")
    for name in OPTIMIZERS:
        run(surface, (-1.5, 2.0), name, steps, tol=0.0, lr=1.0 if name == "newton" else 1e-3)


def _grid() -> None:
    from engine import objectives

    o = objectives.preset("rosenbrock")
    objectives.surface_grid(o, o.view, 400)


def run(quick: bool) -> list[dict[str, Any]]:
    """Engine costs, then the full lab recompute + repaint per start-point move with all 7 optimizers × 500 steps."""
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

    harness.offscreen_app()
    win, lab = harness.open_lab("optimizer")
    s = lab.state()
    configs = tuple(dataclasses.replace(c, enabled=True) for c in s.configs)
    lab.set_state(dataclasses.replace(s, configs=configs, steps=500, position=500, show_internals=True))
    view = lab.surface_view
    n = 40 if quick else 200
    path = harness.line_path((-1.5, 2.0), (1.5, -0.5), n)
    ms = harness.time_drag(view, path, viewbox=view.viewbox)
    out.append(
        harness.interaction(
            "optimizer.drag_start_7x500",
            ms,
            note="per mouse move: 7 runs × 500 steps recomputed, paths, internals, loss curves, readouts repainted",
        )
    )
    harness.close_window(win)
    return out
