"""Classifier lab speed: dragging the threshold line (confusion matrix, ROC point) and dragging a point (a refit by
Newton's method, the probability map and the boundary), event to repaint; plus the Evaluation tab's resampling."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from bench import harness


def run(quick: bool) -> list[dict[str, Any]]:
    """Threshold drag, point drag (refit), and one evaluation (CV + 3 × bootstrap, off the GUI thread)."""
    from engine.classify import ClassifierState, evaluate  # after the bench harness has set up the process

    out: list[dict[str, Any]] = []
    n = 40 if quick else 150
    out.append(harness.measurement(
        "classifier.evaluate_1000", "ms",
        samples=harness.time_calls(lambda: evaluate(ClassifierState(boot_seed=np.random.randint(1 << 30))),
                                   2 if quick else 5),
        note="5-fold CV, Wilson, 2 × 1000 bootstrap AUCs, McNemar, 20 noise sets (off the GUI thread)"))  # fmt: skip

    harness.offscreen_app()
    win, lab = harness.open_lab("classifier")
    lab.set_state(dataclasses.replace(lab.state(), tab="threshold"))
    harness.settle(lab)
    z = float(np.median(lab.results.get(lab.state()).z))
    path = harness.line_path((z, 0.5), (z, 0.95), n // 2) + harness.line_path((z, 0.95), (z, 0.05), n // 2)[1:]
    ms = harness.time_drag(lab.sigmoid, path)
    out.append(harness.interaction("classifier.threshold_drag", ms,
                                   note=f"{len(path) - 1} threshold-line moves: confusion, ROC point"))  # fmt: skip

    lab.set_state(dataclasses.replace(lab.state(), tab="model"))
    harness.settle(lab)
    res = lab.results.get(lab.state())
    i = int(np.argmin(res.X[:, 0]))
    x0, y0 = map(float, res.X[i])
    ms = harness.time_drag(lab.plane, harness.line_path((x0, y0), (x0 + 20.0, y0 + 10.0), n))
    out.append(harness.interaction("classifier.point_drag_refit", ms,
                                   note=f"{n} moves of one penguin: the marker per move; every ≥ 30 ms a Newton refit "
                                   "and 64² map (one pass), then map, boundary, points drawn (the next)"))  # fmt: skip
    lab.shutdown()
    harness.close_window(win)

    win, lab = harness.open_lab("classifier", harness.PRESENTER_SIZE, presenter=True)
    lab.set_state(dataclasses.replace(lab.state(), tab="threshold"))
    harness.settle(lab)
    ms = harness.time_drag(lab.sigmoid, path)
    out.append(harness.interaction("classifier.threshold_drag.presenter_1920", ms,
                                   note="1920×1080 presenter: threshold line, confusion, ROC"))  # fmt: skip
    lab.shutdown()
    harness.close_window(win)
    harness.set_presenter(False)
    return out
