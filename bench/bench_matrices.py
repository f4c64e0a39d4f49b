"""Matrices lab speed: dragging a basis tip (grid, square, eigen-lines, system, readouts) and exact rref of 5×6."""

from __future__ import annotations

from typing import Any

import numpy as np

from bench import harness
from engine import linalg as la

RREF_5X6 = [
    [2, 1, 0, -1, 3, 4],
    [1, -2, 3, 0, 1, -1],
    [0, 4, 1, 2, -2, 5],
    [3, 0, -1, 1, 2, 2],
    [1, 1, 1, 1, 1, 3],
]


def run(quick: bool) -> list[dict[str, Any]]:
    """Per-event basis drag, and the engine costs behind the row-reduction page."""
    out: list[dict[str, Any]] = []
    n_calls = 30 if quick else 200
    out.append(
        harness.measurement(
            "matrices.rref_5x6_exact",
            "ms",
            samples=harness.time_calls(lambda: la.rref(RREF_5X6), n_calls),
            note="Gauss–Jordan with every step recorded, exact fractions",
        )
    )
    rng = np.random.default_rng(0)
    floats = rng.normal(size=(5, 6)) / 3
    out.append(
        harness.measurement(
            "matrices.rref_5x6_float",
            "ms",
            samples=harness.time_calls(lambda: la.rref(floats), n_calls),
            note="the same with non-exact floats (row-relative tolerance)",
        )
    )
    out.append(
        harness.measurement(
            "matrices.metrics_default",
            "ms",
            samples=harness.time_calls(lambda: la.metrics(la.MatricesState()), n_calls),
            note="every named number of the default state",
        )
    )
    big = la.MatricesState(augmented=tuple(tuple(str(x) for x in row) for row in RREF_5X6))
    out.append(
        harness.measurement(
            "matrices.derive_5x6",
            "ms",
            samples=harness.time_calls(lambda: la.derive(big), n_calls),
            note="everything the three pages show, one exact 5×6 reduction included (one per state)",
        )
    )

    harness.offscreen_app()
    n = 50 if quick else 200
    for suffix, size, presenter in (("", (1280, 800), False), (".presenter_1920", harness.PRESENTER_SIZE, True)):
        win, lab = harness.open_lab("matrices", size, presenter=presenter)
        start = (float(lab.state().matrix[0][0]), float(lab.state().matrix[1][0]))
        path = harness.line_path(start, (-2.7, 2.2), n)
        out.append(
            harness.interaction(
                "matrices.drag_basis_tip" + suffix,
                harness.time_drag(lab.plane, path),
                note=f"{size[0]}×{size[1]}{' presenter' if presenter else ''}: {n} mouse moves dragging î: grid, "
                "square, eigen-lines, readouts, system",
            )
        )
        harness.close_window(win)
    harness.set_presenter(False)
    return out
