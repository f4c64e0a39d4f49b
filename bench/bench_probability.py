"""Probability lab speed: dragging an event, 10⁶ simulated throws, a Bayes slider step, typing a message."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bench import harness
from engine.prob import ProbabilityState, derive


def run(quick: bool) -> list[dict[str, Any]]:
    """derive timings and per-event latencies of the lab's live interactions."""
    harness.offscreen_app()
    win, lab = harness.open_lab("probability")
    n = 50 if quick else 200
    out: list[dict[str, Any]] = [
        harness.measurement(
            "probability.derive_default",
            "ms",
            samples=harness.time_calls(lambda: derive(ProbabilityState()), n),
            note="areas, 1 000 throws, the medical test and the naive Bayes score for the opening state",
        )
    ]
    states = [ProbabilityState(n_trials=1_000_000, seed=i) for i in range(n)]
    it = iter(states)
    out.append(
        harness.measurement(
            "probability.derive_million_throws",
            "ms",
            samples=harness.time_calls(lambda: derive(next(it)), n - 1),
            note="10⁶ throws (2 000 drawn, the rest counted per cell): a new seed each call, so nothing is cached",
        )
    )

    # Drag B with snapping off and points shown, so (nearly) every move changes the state and redraws 2 000 points.
    lab.set_state(replace(ProbabilityState(), snap=False, show_points=True, n_trials=1_000_000))
    seen: list[Any] = []
    lab.state_changed.connect(seen.append)
    ms = harness.time_drag(lab.square, harness.line_path((0.7, 0.35), (0.3, 0.6), n))
    lab.state_changed.disconnect(seen.append)
    distinct = len({s.event_b for s in seen})
    out.append(harness.interaction("probability.drag_event", ms, note=f"{n} moves dragging B with 10⁶ throws shown; "
                                   f"{distinct} distinct positions"))  # fmt: skip

    lab.set_state(ProbabilityState(tab="bayes"))
    box = lab.bayes_tab.sliders["prevalence"].slider
    harness.settle(lab, 10.0)  # the tab's first paint is its opening, not a slider move
    ms = harness.drag_slider(box, [1 + i % 400 for i in range(n)], lab.bayes_tab.icons)
    out.append(harness.interaction("probability.bayes_slider", ms, note=f"{n} prevalence steps: icon array + tree"))

    lab.set_state(ProbabilityState(tab="naive_bayes", message=""))
    harness.settle(lab, 10.0)  # the tab's first layout and paint (~7 ms) is its opening, not a keystroke
    text = "congratulations you have won a free prize call the library tomorrow now " * 3
    edit = lab.nb_tab.message

    def type_char(i: int) -> None:
        edit.setText(text[: i + 1])
        edit.textEdited.emit(edit.text())

    ms = harness.time_events(type_char, lab.nb_tab.bars, min(n, len(text)))
    out.append(harness.interaction("probability.type_message", ms, note="one keystroke: rescore, bars and word table"))
    harness.close_window(win)
    return out
