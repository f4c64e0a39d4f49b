"""Vectors lab speed: dragging a vector tip with every overlay on (mouse move to end of repaint)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bench import harness


def run(quick: bool) -> list[dict[str, Any]]:
    """Per-event drag timings, plain and with all overlays (sum, difference, c·u, span, projection, L1 ball)."""
    harness.offscreen_app()
    win, lab = harness.open_lab("vectors")
    out: list[dict[str, Any]] = []
    n = 50 if quick else 200
    path = harness.line_path(lab.state().vectors[0], (-4.0, 2.5), n)
    out.append(
        harness.interaction(
            "vectors.drag_tip",
            harness.time_drag(lab.plane, path),
            note=f"{n} mouse moves dragging u (default overlays)",
        )
    )
    lab.set_state(
        replace(
            lab.state(),
            vectors=((1.0, 3.0), (4.0, 1.0)),
            show_diff=True,
            show_scaled=True,
            show_combo=True,
            norm_ball="l1",
        )
    )
    path = harness.line_path((1.0, 3.0), (3.5, -2.5), n)
    out.append(
        harness.interaction(
            "vectors.drag_tip_all_overlays",
            harness.time_drag(lab.plane, path),
            note=f"{n} mouse moves dragging u with every overlay and the L1 balls on",
        )
    )
    harness.close_window(win)
    return out
