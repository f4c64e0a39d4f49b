"""Decompositions lab speed: dragging a least-squares point, the rank slider on a 512×512 image, a node drag."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bench import harness
from engine import decomp as D  # noqa: N812 - the engine tests' short name for the package


def run(quick: bool) -> list[dict[str, Any]]:
    """Engine costs (derive, the one-off image SVD, one rank-k rebuild) and per-event interaction rows."""
    out: list[dict[str, Any]] = []
    n_calls = 20 if quick else 100
    out.append(
        harness.measurement(
            "decompositions.derive_default",
            "ms",
            samples=harness.time_calls(lambda: D.derive(D.DecompositionsState()), n_calls),
            note="fit, SVD, PCA of 342 penguins and PageRank for the opening state",
        )
    )
    image = D.bundled_image("hills")
    out.append(
        harness.measurement(
            "decompositions.image_svd_512",
            "ms",
            samples=harness.time_calls(lambda: D.image_svd(image), 3 if quick else 10),
            note="the one-off SVD of the 512×512 picture (run in the background, cached per image)",
        )
    )
    svd = D.bundled_svd("hills")
    out.append(
        harness.measurement(
            "decompositions.low_rank_k256",
            "ms",
            samples=harness.time_calls(lambda: D.low_rank(svd, 256), n_calls),
            note="one float64 rank-256 rebuild of the 512×512 picture (the reference; the slider uses rank_image)",
        )
    )
    out.append(
        harness.measurement(
            "decompositions.rank_steps_512",
            "ms",
            samples=harness.time_calls(lambda: D.rank_steps(svd), 3 if quick else 10),
            note="the one-off partial sums at every 32nd rank (in the background, with the SVD, cached per image)",
        )
    )
    steps = D.bundled_steps("hills")
    out.append(
        harness.measurement(
            "decompositions.rank_image_k48",
            "ms",
            samples=harness.time_calls(lambda: D.rank_image(steps, 48), n_calls),
            note="the rank-48 picture a slider step shows: a kept sum and 16 rank-one terms (the most any k needs)",
        )
    )

    harness.offscreen_app()
    n = 100 if quick else 200  # p95 of 40 events is the 2nd-worst: one-offs, not the steady cost
    win, lab = harness.open_lab("decompositions")
    lab.set_state(replace(D.DecompositionsState(), tab="least_squares"))
    harness.settle()  # the tab's first layout and paint happen before the drag, as a user sees the tab first
    path = harness.line_path((3.0, 3.0), (-2.0, -3.5), n)
    seen: list[Any] = []
    lab.state_changed.connect(seen.append)
    ms = harness.time_drag(lab.least_squares.plane, path)
    lab.state_changed.disconnect(seen.append)
    changed = len({s.points for s in seen})
    out.append(harness.interaction("decompositions.drag_point", ms,
                                   note=f"{n} moves dragging a point: fit, residuals, leverage, readouts; "
                                   f"{changed} distinct states"))  # fmt: skip

    lab.set_state(replace(D.DecompositionsState(), tab="lowrank"))
    lab.lowrank.job.wait()
    harness.settle()
    slider = lab.lowrank.k_slider.slider
    ticks = [1 + (i * 37) % 511 for i in range(n)]
    ms = harness.time_events(lambda i: slider.setValue(ticks[i] - 1), lab.lowrank.view, n)
    out.append(harness.interaction("decompositions.rank_slider_512", ms,
                                   note=f"{n} rank-slider steps (k from 1 to 511) on the 512×512 picture: rebuild, "
                                   "two images, the spectrum"))  # fmt: skip

    lab.set_state(replace(D.DecompositionsState(), tab="markov"))
    harness.settle()  # (its first layout and paint were the node drag's max: 12-21 ms in its first move)
    ms = harness.time_drag(lab.markov.plane, harness.line_path((2.0, 0.5), (2.8, -1.5), n))
    out.append(harness.interaction("decompositions.drag_node", ms, note=f"{n} moves dragging a graph node"))
    lab.shutdown()
    harness.close_window(win)
    return out
