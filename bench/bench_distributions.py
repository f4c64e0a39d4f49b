"""Distributions lab speed: 10 M normal draws + histogram + redraw, and slider repaints with 1 M samples drawn."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from bench import harness


def _draw_and_histogram(n: int) -> None:
    from engine import stats

    x = stats.sample("normal", {}, n, 0)
    stats.histogram(x)
    stats.summarize(x)


def run(quick: bool) -> list[dict[str, Any]]:
    """Engine timings, then the real lab: a 10 M draw end to end (background job) and per-event slider repaints."""
    from engine import stats

    rows = []
    n_big = 2_000_000 if quick else 10_000_000
    rows.append(harness.measurement(
        f"distributions.sample_hist_{n_big // 1_000_000}M", "ms",
        samples=harness.time_calls(lambda: _draw_and_histogram(n_big), 1 if quick else 3),
        target={"max": 1000.0}, note="normal draws + density histogram + mean/variance/skewness (engine only)",
    ))  # fmt: skip
    x = stats.sample("normal", {}, 1_000_000, 0)
    rows.append(harness.measurement("distributions.histogram_1M", "ms",
                                    samples=harness.time_calls(lambda: stats.histogram(x), 5)))  # fmt: skip

    harness.offscreen_app()
    win, lab = harness.open_lab("distributions")
    try:
        from PySide6 import QtWidgets

        t0 = time.perf_counter()
        lab.set_state(dataclasses.replace(lab.state(), n_samples=n_big))
        harness.settle(lab, 60.0)
        QtWidgets.QApplication.processEvents()
        lab.repaint()
        rows.append(harness.measurement(
            f"distributions.draw_{n_big // 1_000_000}M_end_to_end", "ms", value=(time.perf_counter() - t0) * 1e3,
            target={"value": 1000.0}, note="set N, background draw + histogram, redraw (GUI stays responsive)",
        ))  # fmt: skip

        lab.set_state(dataclasses.replace(lab.state(), n_samples=1_000_000))
        harness.settle(lab, 60.0)
        slider = lab.controls.sliders["sigma"].slider
        slider.setSliderDown(True)
        n = 40 if quick else 150
        ms = harness.time_events(lambda i: slider.setValue(100 + (i * 7) % 400), lab.sampler.density_plot, n)
        slider.setSliderDown(False)
        rows.append(harness.interaction("distributions.sigma_slider_1M", ms,
                                        note="PDF repaint per slider step; the 1 M-sample histogram follows "
                                             "from the background job"))  # fmt: skip
        harness.settle(lab, 60.0)
        lab.shutdown()
    finally:
        harness.close_window(win)
    return rows


if __name__ == "__main__":
    for row in run(quick=False):
        print(row)
