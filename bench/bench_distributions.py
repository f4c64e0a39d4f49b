"""Distributions lab speed: 10 M normal draws + histogram + redraw, and slider repaints with 1 M and 10 k samples drawn,
and the CLT tab's n slider.

The 1 M row is issue 7's interaction (the draws wait for the release); the 10 k row is the lab's default, where every
slider step redraws the samples too. ``theory_step`` is the engine's share of one step (curves + moments).
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from bench import harness

BIG_TARGET_MS = 300.0  # issue 13: 10⁷ samples in at most 0.3 s


def _draw_and_histogram(n: int) -> None:
    """What the lab's engine does for a new draw (``engine.stats.sampled``): the draws, then histogram and moments."""
    from engine import stats

    x = stats.sample("normal", {}, n, 0)
    stats.summary_and_histogram(x)


def _theory_step(i: int) -> None:
    from engine import stats

    params = (("mu", 0.0), ("sigma", 1.0 + 1e-4 * i))  # a new σ each call, as a slider gives: no cache hits
    stats.theory_curves("normal", params, points=400)
    stats.moments("normal", params)


def _derive_step(i: int) -> None:
    from engine import stats

    state = stats.DistributionsState()
    stats.derive(dataclasses.replace(state, params=(("mu", 0.0), ("sigma", 1.0 + 1e-4 * i))))  # new σ: no cache hit


def _slider_rows(lab: Any, n: int, label: str) -> list[dict[str, Any]]:
    """Hold the σ slider and step it ``n`` times (timed per event), then release it (timed too)."""
    from PySide6 import QtWidgets

    slider = lab.controls.sliders["sigma"].slider
    slider.setSliderDown(True)
    QtWidgets.QApplication.processEvents()  # the press is its own event, handled before the first move
    ms = harness.time_events(lambda i: slider.setValue(100 + (i * 7) % 400), lab.sampler.density_plot, n)
    t0 = time.perf_counter()
    slider.setSliderDown(False)
    slider.sliderReleased.emit()
    QtWidgets.QApplication.processEvents()
    lab.sampler.density_plot.repaint()
    release = (time.perf_counter() - t0) * 1e3
    return [
        harness.interaction(f"distributions.sigma_slider_{label}", ms,
                            note="event -> PDF/CDF and theory readout repainted (sampler tab)"),
        harness.measurement(f"distributions.sigma_release_{label}", "ms", value=release,
                            note="slider release: undo step, axes refit, big draws handed to the background job"),
    ]  # fmt: skip


def run(quick: bool) -> list[dict[str, Any]]:
    """Engine timings, then the real lab: a big draw end to end (background job) and per-event slider repaints."""
    from engine import stats

    rows = []
    n_big = 2_000_000 if quick else 10_000_000
    _draw_and_histogram(1000)  # imports scipy.stats (the app does it in the background at start): not a draw's cost
    rows.append(harness.measurement(
        "distributions.sample_hist_10M", "ms",
        samples=harness.time_calls(lambda: _draw_and_histogram(10_000_000), 1 if quick else 3, warmup=0),
        target={"max": BIG_TARGET_MS},
        note="10⁷ normal draws + density histogram + mean/variance/skewness (engine, as the lab calls it)",
    ))  # fmt: skip
    x = stats.sample("normal", {}, 1_000_000, 0)
    rows.append(harness.measurement("distributions.histogram_1M", "ms",
                                    samples=harness.time_calls(lambda: stats.histogram(x), 5)))  # fmt: skip
    counter = iter(range(10**9))
    rows.append(harness.measurement(
        "distributions.theory_step", "ms", samples=harness.time_calls(lambda: _theory_step(next(counter)), 200),
        note="engine share of one slider step: 400-point PDF + CDF, central range, moments (new σ each call)",
    ))  # fmt: skip

    counter = iter(range(10**9))
    rows.append(harness.measurement(
        "distributions.derive_step", "ms", samples=harness.time_calls(lambda: _derive_step(next(counter)), 200),
        note="the lab's derive for a new σ: theory curves, moments, texts (coin and bivariate parts cached)",
    ))  # fmt: skip

    harness.offscreen_app()
    win, lab = harness.open_lab("distributions")
    try:
        from PySide6 import QtWidgets

        n = 100 if quick else 150  # fewer events and p95 is the 2nd-worst: one-off axis re-renders, not the steady cost
        rows += _slider_rows(lab, n, "10k")  # the opening state: 10 000 draws, redrawn on every step

        t0 = time.perf_counter()
        lab.set_state(dataclasses.replace(lab.state(), n_samples=n_big))
        harness.settle(lab, 60.0)
        QtWidgets.QApplication.processEvents()
        lab.repaint()
        rows.append(harness.measurement(
            f"distributions.draw_{n_big // 1_000_000}M_end_to_end", "ms", value=(time.perf_counter() - t0) * 1e3,
            target={"value": 1000.0 if n_big < 10_000_000 else BIG_TARGET_MS},
            note="set N, background draw + histogram, redraw (GUI stays responsive)",
        ))  # fmt: skip

        lab.set_state(dataclasses.replace(lab.state(), n_samples=1_000_000))
        harness.settle(lab, 60.0)
        rows += _slider_rows(lab, n, "1M")
        harness.settle(lab, 60.0)

        lab.set_state(dataclasses.replace(lab.state(), n_samples=10_000, tab="clt"))
        harness.settle(lab, 60.0)
        clt = lab.controls.clt_n.slider
        clt.setSliderDown(True)
        QtWidgets.QApplication.processEvents()
        ms = harness.time_events(lambda i: clt.setValue(1 + (i * 3) % 60), lab.clt.plot, n)
        clt.setSliderDown(False)
        clt.sliderReleased.emit()
        note = "CLT tab: 4 000 means of n = 2 … 60 draws recomputed per step (n > 50 waits for the release)"
        rows.append(harness.interaction("distributions.clt_n_slider", ms, note=note))
        harness.settle(lab, 60.0)
        lab.shutdown()
    finally:
        harness.close_window(win)
    win, lab = harness.open_lab("distributions", harness.PRESENTER_SIZE, presenter=True)
    try:
        slider = lab.controls.sliders["sigma"].slider
        slider.setSliderDown(True)
        QtWidgets.QApplication.processEvents()
        ms = harness.time_events(lambda i: slider.setValue(100 + (i * 7) % 400), lab.sampler.density_plot, n)
        slider.setSliderDown(False)
        slider.sliderReleased.emit()
        harness.settle(lab, 60.0)
        note = "1920×1080 presenter: σ slider with the 10 000 default draws, PDF/CDF and readouts per step"
        rows.append(harness.interaction("distributions.sigma_slider_10k.presenter_1920", ms, note=note))
        lab.shutdown()
    finally:
        harness.close_window(win)
        harness.set_presenter(False)
    return rows


if __name__ == "__main__":
    for row in run(quick=False):
        print(row)
