"""When the Optimizer lab's runs are too long for one frame, compute them a slice at a time between events.

Not in a worker thread: the runs are pure Python, and a thread holding the GIL made every event of the GUI thread
wait for it (measured with gui.widgets.jobs.LatestJob: the star took ~80 ms per move instead of ~12 ms).
"""

from __future__ import annotations

import time

from PySide6 import QtCore

from engine.optim import TOL, OptimizerError, OptimizerState, run_many_iter

__all__ = ["RunScheduler", "INLINE_STEPS", "run_cost"]

# Runs bigger than this many optimizer steps (a typed formula counts 3 per step; 2000 take ~2.5 ms on a 2-core
# laptop) are computed in slices during a drag, the newest start winning; smaller ones are simply recomputed for
# every move. With the paint of a 1080p presenter frame, a move then stays inside a 120 Hz frame (issue 13).
INLINE_STEPS = 2000
_SLICE_STEPS = 200  # optimizer steps between looks at the clock (~0.25 ms)
_SLICE_S = 0.002  # then back to the event loop: the star's next move waits at most this long


def run_cost(state: OptimizerState) -> int:
    """Rough work of recomputing every run, in preset-surface optimizer steps."""
    per_step = 3 if state.surface == "expression" else 1
    return per_step * state.steps * sum(c.enabled for c in state.configs)


class RunScheduler(QtCore.QObject):
    """Slices long races between events; ``ready(key, trajectories)`` when one is done, newest request next.

    While one computation runs, further requests only replace the one waiting (no restart on every mouse move,
    which would never finish during a steady drag): the paths follow the star at most two computations behind.
    """

    ready = QtCore.Signal(object, object)
    failed = QtCore.Signal(str)

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._task = None  # (key, generator)
        self._pending = None  # (state, objective, key)
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._advance)

    @property
    def computing(self) -> bool:
        """True while a race is being computed or waits."""
        return self._task is not None or self._pending is not None

    def request(self, state: OptimizerState, objective, key) -> None:
        """Compute the runs of ``state`` (identified by ``key``) as soon as the one in progress is done."""
        if self._task is not None:
            self._pending = (state, objective, key)
            return
        self._pending = None
        configs = {c.name: c.hyperparameters() for c in state.configs if c.enabled}
        try:
            gen = run_many_iter(objective, state.start, configs, state.steps, tol=TOL, chunk=_SLICE_STEPS)
        except OptimizerError as exc:
            self.failed.emit(str(exc))
            self.ready.emit(key, {})
            return
        self._task = (key, gen)
        self._timer.start()

    def cancel(self) -> None:
        """Drop the computation in progress and the one waiting."""
        self._task = None
        self._pending = None
        self._timer.stop()

    def _advance(self) -> None:
        if self._task is None:
            self._timer.stop()
            return
        key, gen = self._task
        deadline = time.perf_counter() + _SLICE_S
        try:
            while time.perf_counter() < deadline:
                next(gen)
            return
        except StopIteration as done:
            result = done.value
        self._task = None
        pending, self._pending = self._pending, None
        self.ready.emit(key, result)  # shown even if the mouse moved on: an older path now beats none
        if pending is not None and pending[2] != key and self._task is None:
            self.request(*pending)
        if self._task is None:
            self._timer.stop()
