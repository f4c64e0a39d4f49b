"""Vectors lab speed: dragging a vector tip with every overlay on (mouse move to end of repaint)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bench import harness
from engine.vectors import VectorsState, derive


def drag_u(lab: Any, end: tuple[float, float], n: int) -> tuple[list[float], int]:
    """Drag u's tip from where it is to ``end`` in ``n`` moves: (per-move ms, how many moves changed the state).

    Every move must change u (no snapping), so each one costs a full update: the count says so.
    """
    seen: list[Any] = []
    lab.state_changed.connect(seen.append)
    try:
        ms = harness.time_drag(lab.plane, harness.line_path(lab.state().vectors[0], end, n))
    finally:
        lab.state_changed.disconnect(seen.append)
    return ms, len({s.vectors[0] for s in seen})


def run(quick: bool) -> list[dict[str, Any]]:
    """Per-event drag timings, plain and with all overlays (sum, difference, c·u, span, projection, L1 ball)."""
    harness.offscreen_app()
    win, lab = harness.open_lab("vectors")

    out: list[dict[str, Any]] = []
    n = 50 if quick else 200
    out.append(
        harness.measurement(
            "vectors.derive_default",
            "ms",
            samples=harness.time_calls(lambda: derive(VectorsState()), n),
            note="everything the plane and the readouts show for the opening state",
        )
    )
    # The opening state explicitly (a lesson may have changed it, e.g. turned snapping on): snapping would make most
    # moves no-ops and the figure meaningless.
    lab.set_state(VectorsState())
    ms, changed = drag_u(lab, (-4.0, 2.5), n)
    out.append(harness.interaction("vectors.drag_tip", ms, note=f"{n} moves dragging u, default overlays; "
                                   f"{changed} distinct positions"))  # fmt: skip
    lab.set_state(
        replace(
            VectorsState(),
            vectors=((1.0, 3.0), (4.0, 1.0)),
            show_diff=True,
            show_scaled=True,
            show_combo=True,
            norm_ball="l1",
        )
    )
    ms, changed = drag_u(lab, (3.5, -2.5), n)
    out.append(
        harness.interaction(
            "vectors.drag_tip_all_overlays",
            ms,
            note=f"{n} moves dragging u with every overlay and the L1 balls on; {changed} distinct positions",
        )
    )
    harness.close_window(win)

    # 1920×1080 presenter mode: what a classroom projector shows (thick pens, large fonts)
    win, lab = harness.open_lab("vectors", harness.PRESENTER_SIZE, presenter=True)
    lab.set_state(VectorsState())
    ms, changed = drag_u(lab, (-4.0, 2.5), n)
    note = f"1920×1080 presenter; {n} moves dragging u; {changed} distinct positions"
    out.append(harness.interaction("vectors.drag_tip.presenter_1920", ms, note=note))
    harness.close_window(win)
    harness.set_presenter(False)
    return out
