"""Derivatives lab speed: dragging the point (event to repaint), moving h, parsing and differentiating a formula."""

from __future__ import annotations

from typing import Any

import numpy as np

from bench import harness

TYPICAL = "sin(x)*exp(-x^2/5) + 0.3*log(1 + x^2)"


def _parse_compile(i: int) -> None:
    from engine.expr import parse

    parse(f"{TYPICAL} + {i % 97}*x").numpy()(np.linspace(-6, 6, 900))


def _diff_fresh(i: int) -> None:
    from engine.expr import parse

    parse(f"{TYPICAL} + {i}*x^2").diff("x").numpy()


def run(quick: bool) -> list[dict[str, Any]]:
    """Per-event drag and slider timings, and the parse/differentiate costs behind them."""
    out: list[dict[str, Any]] = []
    counter = iter(range(10**6))
    out.append(
        harness.measurement(
            "derivatives.parse_compile_eval900",
            "ms",
            samples=harness.time_calls(lambda: _parse_compile(next(counter)), 50 if quick else 300),
            note=f"parse {TYPICAL!r}, compile to numpy, evaluate on 900 points (no sympy)",
        )
    )
    out.append(
        harness.measurement(
            "derivatives.symbolic_diff",
            "ms",
            samples=harness.time_calls(lambda: _diff_fresh(next(counter)), 10 if quick else 40),
            note="sympy derivative of a fresh formula + conversion back to a numpy function (once per typed formula)",
        )
    )

    harness.offscreen_app()
    win, lab = harness.open_lab("derivatives")
    from engine.calculus import metrics

    s = lab.state()
    fx = metrics(s)["f_x0"]
    plot = lab.function_plot
    n = 100 if quick else 200  # p95 of 50 events is the 3rd-worst: one-offs, not the steady cost
    path = harness.line_path((s.x0, fx), (-5.0, fx), n)
    ms = harness.time_drag(plot.widget, path, viewbox=plot.viewbox)
    out.append(
        harness.interaction(
            "derivatives.drag_point",
            ms,
            note="tangent, secant, readouts and the finite-difference error curve per move",
        )
    )
    slider = lab.controls.h.slider
    ticks = np.linspace(slider.minimum(), slider.maximum(), n).astype(int)
    slider.setSliderDown(True)  # held, as a mouse drag on the slider does (each step is live, one undo step at the end)
    ms = harness.time_events(lambda i: slider.setValue(int(ticks[i])), lab.graphs, n)
    slider.setSliderDown(False)
    slider.sliderReleased.emit()
    note = "secant and error marker per step of a slider drag"
    out.append(harness.interaction("derivatives.h_slider", ms, note=note))
    harness.close_window(win)

    win, lab = harness.open_lab("derivatives", harness.PRESENTER_SIZE, presenter=True)
    s = lab.state()
    fx = metrics(s)["f_x0"]
    plot = lab.function_plot
    ms = harness.time_drag(plot.widget, harness.line_path((s.x0, fx), (-5.0, fx), n), viewbox=plot.viewbox)
    note = "1920×1080 presenter: tangent, secant, readouts, error curve per move"
    out.append(harness.interaction("derivatives.drag_point.presenter_1920", ms, note=note))
    harness.close_window(win)
    harness.set_presenter(False)
    return out
