"""Network lab speed: 2-8-8-1 training on 500 points (engine alone and live with the boundary redrawing), frame cost,
pause latency and the per-event latency of dragging a hand-placed point."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from bench import harness

ISSUE_EPOCHS_PER_S = 60.0  # issue 8: ≥ 60 epochs/s for 2-8-8-1 on 500 points while the boundary redraws


def _bench_state():
    from engine.nn import NetworkState

    return dataclasses.replace(NetworkState(), dataset="moons", n_points=500, hidden=(8, 8), batch_size=10)


def _engine_epochs_per_s(epochs: int) -> float:
    from engine.nn import TrainingRun

    run = TrainingRun(_bench_state())
    t0 = time.perf_counter()
    run.run(epochs)
    return epochs / (time.perf_counter() - t0)


def _live_training(lab: Any, seconds: float) -> dict[str, Any]:
    """Play for ``seconds``: epochs/s, redraws/s, ms per training tick, per redraw tick, per event-loop pass, pause."""
    from PySide6 import QtCore, QtWidgets
    from PySide6.QtTest import QTest

    train_ticks: list[float] = []
    frames: list[float] = []
    training = lab.training
    original_tick, original_show = training.tick, training.show_progress
    drawing = [False]

    def timed_show(run: Any) -> None:
        drawing[0] = True
        original_show(run)

    def timed_tick() -> None:
        drawing[0] = False
        t = time.perf_counter()
        original_tick()
        if drawing[0]:
            frames.append((time.perf_counter() - t) * 1e3)
        else:
            train_ticks.append((time.perf_counter() - t) * 1e3)

    training.show_progress = timed_show
    training.timer.timeout.disconnect()
    training.timer.timeout.connect(timed_tick)
    redraws = [0]
    lab.plane.image.sigImageChanged.connect(lambda: redraws.__setitem__(0, redraws[0] + 1))
    start_epoch = lab.state().epoch
    button = lab.controls.play_button
    QTest.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)
    passes: list[float] = []  # each pass: whatever ran (a tick, a paint, layouts) — how long input would wait
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        t = time.perf_counter()
        QtWidgets.QApplication.processEvents()
        passes.append((time.perf_counter() - t) * 1e3)
    elapsed = time.perf_counter() - t0
    t1 = time.perf_counter()
    QTest.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)
    pause_ms = (time.perf_counter() - t1) * 1e3
    assert not lab.is_playing()
    training.timer.timeout.disconnect()
    training.timer.timeout.connect(original_tick)
    del training.show_progress
    return {
        "epochs_per_s": (lab.state().epoch - start_epoch) / elapsed,
        "redraws_per_s": redraws[0] / elapsed,
        "train_ticks": train_ticks or [0.0],
        "frames": frames or [0.0],
        "passes": passes,
        "pause_ms": pause_ms,
    }


def _drag(lab: Any, quick: bool) -> list[float]:
    """Per-move ms of dragging the first hand-placed point among 500 across the plane."""
    x, y, _ = lab.state().points[0]
    path = harness.line_path((x, y), (x * -0.5, y + 0.5), 40 if quick else 150)
    return harness.time_drag(lab.plane, path)


def run(quick: bool) -> list[dict[str, Any]]:
    """Engine epochs/s, live epochs/s with redraw, frame cost, pause latency and point-drag latency."""
    out: list[dict[str, Any]] = []
    out.append(
        harness.measurement(
            "network.engine_epochs_per_s",
            "epochs/s",
            value=_engine_epochs_per_s(100 if quick else 400),
            note="2-8-8-1 tanh, 500 moons points (350 train), batch 10, Adam; no GUI",
        )
    )
    harness.offscreen_app()
    win, lab = harness.open_lab("network")
    lab.set_state(_bench_state())
    harness.settle(lab)
    live = _live_training(lab, 1.5 if quick else 5.0)
    out.append(
        harness.measurement(
            "network.live_epochs_per_s",
            "epochs/s",
            value=live["epochs_per_s"],
            note=f"2-8-8-1, 500 points, playing with the boundary redrawn; issue needs ≥ {ISSUE_EPOCHS_PER_S:g}",
        )
    )
    out.append(
        harness.measurement(
            "network.boundary_redraws_per_s", "1/s", value=live["redraws_per_s"], note="≤ ~30 by design"
        )
    )
    out.append(
        harness.measurement(
            "network.train_tick_ms",
            "ms",
            samples=live["train_ticks"],
            target={"p95": 10.0},
            note="one training tick (a ~5 ms slice of mini-batches, resumable mid-epoch)",
        )
    )
    out.append(
        harness.measurement(
            "network.frame_ms",
            "ms",
            samples=live["frames"],
            target={"p95": 10.0},
            note="one redraw tick while training: map, boundary, readouts, throttled curves and tables (no paint)",
        )
    )
    out.append(
        harness.measurement(
            "network.event_loop_pass_ms",
            "ms",
            samples=live["passes"],
            target=harness.INTERACTION_TARGET,
            note="while training: one event-loop pass (a tick and/or the repaint) = the longest a click or key waits",
        )
    )
    out.append(harness.measurement("network.pause_ms", "ms", value=live["pause_ms"], target={"value": 50.0}))

    # drag a hand-placed point among 500: the marker moves at once, the refit (new data, one epoch, coarse map)
    # runs at most once a frame with the newest position
    lab.tabs.setCurrentIndex(0)
    lab.point_edits.on_dataset("custom")
    harness.settle(lab)
    out.append(
        harness.interaction(
            "network.drag_point_500",
            _drag(lab, quick),
            note="paused: per mouse move, marker moved; ~every 30 ms a refit (data, ≤ 32 steps, 40² map) and repaint",
        )
    )
    if not quick:
        lab.controls.play_button.click()
        out.append(
            harness.interaction(
                "network.drag_point_500_playing",
                _drag(lab, quick),
                note="the same drag while training plays (training ticks run between the moves)",
            )
        )
        lab.controls.play_button.click()
    harness.close_window(win)

    win, lab = harness.open_lab("network", harness.PRESENTER_SIZE, presenter=True)
    lab.set_state(_bench_state())
    harness.settle(lab)
    lab.tabs.setCurrentIndex(0)
    lab.point_edits.on_dataset("custom")
    harness.settle(lab)
    note = "1920×1080 presenter: paused, per mouse move the marker; ~every 30 ms a refit and repaint"
    out.append(harness.interaction("network.drag_point_500.presenter_1920", _drag(lab, quick), note=note))
    harness.close_window(win)
    harness.set_presenter(False)
    return out


if __name__ == "__main__":
    import json

    print(json.dumps(run(quick=True), indent=1, ensure_ascii=False))
