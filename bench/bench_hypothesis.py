"""Hypothesis lab speed: α slider drags (event to repaint), power sliders, permutation animation frames, resampling."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from bench import harness


def _sweep(lo: int, hi: int, n: int) -> np.ndarray:
    """``n`` slider ticks going lo → hi → lo, so every event changes the value."""
    half = np.linspace(lo, hi, n // 2).astype(int)
    return np.concatenate([half, half[::-1]])[:n]


def _drag(slider: Any, values: np.ndarray, plot_widget: Any) -> list[float]:
    """Grab the handle (the press is its own event, processed before the first move, as a mouse press is), then time
    each step of the drag with :func:`harness.drag_slider`."""
    from PySide6 import QtWidgets

    slider.setSliderDown(True)
    QtWidgets.QApplication.processEvents()
    return harness.drag_slider(slider, values, plot_widget)


def run(quick: bool) -> list[dict[str, Any]]:
    """α-slider latency for three tests, power sliders, one animation frame, and permutation/bootstrap runs."""
    from engine.inference import bootstrap_ci, permutation_test

    out: list[dict[str, Any]] = []
    n = 100 if quick else 200  # p95 of 50 events is the 3rd-worst: one-offs, not the steady cost
    rng = np.random.default_rng(0)
    a, b = rng.normal(0.3, 1, 50), rng.normal(0, 1, 50)
    shuffles = 20_000 if quick else 100_000  # quick mode: the whole suite must run in under a minute
    label = f"{shuffles // 1000}k"
    out.append(
        harness.measurement(
            f"hypothesis.permutation_{label}",
            "ms",
            samples=harness.time_calls(lambda: permutation_test(a, b, n_resamples=shuffles, seed=1), 2 if quick else 5),
            note=f"scipy permutation test, 50 + 50 values, {shuffles:,} shuffles (runs off the GUI thread)",
        )
    )
    out.append(harness.measurement(
        "hypothesis.bootstrap_bca_10k", "ms", samples=harness.time_calls(
            lambda: bootstrap_ci(a, "mean", n_resamples=10_000, method="BCa", seed=1), 2 if quick else 10),
        note="scipy BCa bootstrap of a mean, n = 50, 10 000 resamples (runs off the GUI thread)"))  # fmt: skip

    harness.offscreen_app()
    win, lab = harness.open_lab("hypothesis")
    slider = lab.controls.alpha
    for test in ("one_sample_t", "welch_t", "binomial"):
        lab.set_state(dataclasses.replace(lab.state(), test=test))
        harness.settle(lab)  # the new test's first picture is the test switch's frame, not the drag's first step
        lab.null_view.plot_widget.repaint()
        ms = _drag(slider, _sweep(slider.minimum(), slider.maximum(), n), lab.null_view.plot_widget)
        out.append(harness.interaction(f"hypothesis.alpha_slider.{test}", ms,
                                       note=f"{n} α-slider drag steps: test, shading, verdict"))  # fmt: skip
    lab.tabs.setCurrentIndex(5)
    harness.settle(lab, 10.0)  # the tab's first paint is its opening, not a slider move
    ms = _drag(lab.controls.power_n, _sweep(2, 400, n), lab.power_view.plot_widget)
    out.append(harness.interaction("hypothesis.power_n_slider", ms, note="two curves and three shaded areas"))
    ms = _drag(lab.controls.power_effect, _sweep(-300, 300, n), lab.power_view.plot_widget)
    out.append(harness.interaction("hypothesis.power_effect_slider", ms, note="effect size d from −3 to 3"))

    lab.set_state(dataclasses.replace(lab.state(), tab="permutation", perm_resamples=shuffles, n=50, n_b=50))
    harness.settle(lab, 60.0)  # the shuffles run off the GUI thread, then the animation starts
    lab.permutation.timer.stop()  # frames are driven one by one below, so each is timed alone
    for _ in range(3):  # the result's arrival (first frame, readout laid out) is painted before frames are timed
        harness.settle(lab)
    win.repaint()
    frames = 30 if quick else 120

    def frame(i: int) -> None:
        lab.permutation.tick()

    ms = harness.time_events(frame, lab.perm_view.plot_widget, frames)
    out.append(harness.interaction(f"hypothesis.permutation_frame_{label}", ms,
                                   note=f"one animation frame: histogram of ≤ {shuffles:,} shuffles"))  # fmt: skip
    lab.shutdown()
    harness.close_window(win)

    win, lab = harness.open_lab("hypothesis", harness.PRESENTER_SIZE, presenter=True)
    lab.tabs.setCurrentIndex(5)
    harness.settle(lab, 10.0)
    ms = _drag(lab.controls.power_n, _sweep(2, 400, n), lab.power_view.plot_widget)
    note = "1920×1080 presenter: two curves and three shaded areas"
    out.append(harness.interaction("hypothesis.power_n_slider.presenter_1920", ms, note=note))
    lab.shutdown()
    harness.close_window(win)
    harness.set_presenter(False)
    return out
