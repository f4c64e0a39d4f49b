"""When the Optimizer lab's runs are too long for one frame, compute them in a worker process (or, until it is
ready or if it cannot run, a slice at a time between events).

Not in a worker thread: the runs are pure Python, and a thread holding the GIL made every event of the GUI thread
wait for it (measured with gui.widgets.jobs.LatestJob: the star took ~80 ms per move instead of ~12 ms). The process
(:mod:`gui.labs.optimizer.race_process`) computes on another core; the GUI thread only sends a state and receives
the trajectories, the same numbers as :func:`engine.optim.run_many`.
"""

from __future__ import annotations

import os
import time

from PySide6 import QtCore

from engine.optim import TOL, OptimizerError, OptimizerState, run_many_iter
from gui.labs.optimizer.race_process import RaceProcess

__all__ = ["RunScheduler", "INLINE_STEPS", "run_cost"]

# Runs bigger than this many optimizer steps (a typed formula counts 3 per step; 2000 take ~2.5 ms on a 2-core
# laptop) are computed in slices during a drag, the newest start winning; smaller ones are simply recomputed for
# every move. With the paint of a 1080p presenter frame, a move then stays inside a 120 Hz frame (issue 13).
INLINE_STEPS = 2000
_SLICE_STEPS = 200  # optimizer steps between looks at the clock (~0.25 ms)
_SLICE_S = 0.002  # then back to the event loop: the star's next move waits at most this long


def _cores() -> int:
    """CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_cost(state: OptimizerState) -> int:
    """Rough work of recomputing every run, in preset-surface optimizer steps."""
    per_step = 3 if state.surface == "expression" else 1
    return per_step * state.steps * sum(c.enabled for c in state.configs)


class RunScheduler(QtCore.QObject):
    """Computes long races off the event's time; ``ready(key, trajectories)`` when one is done, newest request next.

    While one computation runs, further requests only replace the one waiting (no restart on every mouse move,
    which would never finish during a steady drag): the paths follow the star at most two computations behind.
    Results of cancelled requests are dropped. ``use_process=False`` (the default on one core): slices only, as
    when the process cannot start or dies.
    """

    ready = QtCore.Signal(object, object)
    failed = QtCore.Signal(str)

    def __init__(self, parent: QtCore.QObject | None = None, use_process: bool | None = None) -> None:
        super().__init__(parent)
        self._task = None  # (key, generator) being sliced
        self._pending = None  # (state, objective, key)
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._advance)
        self._seq = 0
        self._sent: dict[int, tuple] = {}  # seq -> (state, objective, key) asked of the process, not yet answered
        if use_process is None:  # on one core the process would take its time from the GUI thread anyway
            use_process = _cores() > 1
        self.process = RaceProcess(self) if use_process else None
        if self.process is not None:
            self.process.answered.connect(self._on_answered)
            self.process.refused.connect(self._on_refused)
            self.process.lost.connect(self._on_lost)

    @property
    def computing(self) -> bool:
        """True while a race is being computed or waits."""
        return self._task is not None or self._pending is not None or bool(self._sent)

    @property
    def starting(self) -> bool:
        """True from the worker process's start until it is ready (or found broken); requests are sliced meanwhile."""
        p = self.process
        return p is not None and p.pid is not None and not p.ready and not p.broken

    def warm_up(self) -> None:
        """Start the worker process in the background (long races are coming); slices until it is ready."""
        if self.process is not None:
            self.process.start()

    def request(self, state: OptimizerState, objective, key) -> None:
        """Compute the runs of ``state`` (identified by ``key``) as soon as the one in progress is done."""
        configs = {c.name: c.hyperparameters() for c in state.configs if c.enabled}
        try:  # checks the inputs at once (nothing is computed before the first ``next``)
            gen = run_many_iter(objective, state.start, configs, state.steps, tol=TOL, chunk=_SLICE_STEPS)
        except OptimizerError as exc:
            self.failed.emit(str(exc))
            self.ready.emit(key, {})
            return
        process = self.process
        if process is not None and process.ready:
            self._task = self._pending = None  # a race being sliced is overtaken: the process is faster
            self._timer.stop()
            self._seq += 1
            if process.send(self._seq, state):
                self._sent[self._seq] = (state, objective, key)
                return
        elif process is not None:
            process.start()  # slices until it is ready
        if self._task is not None:
            self._pending = (state, objective, key)
            return
        self._pending = None
        self._task = (key, gen)
        self._timer.start()

    def cancel(self) -> None:
        """Drop the computation in progress and the one waiting (their results are never shown)."""
        self._task = None
        self._pending = None
        self._timer.stop()
        if self._sent:
            self._sent.clear()
            self.process.cancel(self._seq)

    def shutdown(self) -> None:
        """Cancel everything and end the worker process (the lab closes)."""
        self.cancel()
        if self.process is not None:
            self.process.stop()

    def _on_answered(self, seq: int, trajectories: dict) -> None:
        entry = self._take(seq)
        if entry is not None:
            self.ready.emit(entry[2], trajectories)  # shown even if the mouse moved on: an older path beats none

    def _on_refused(self, seq: int, message: str) -> None:
        entry = self._take(seq)
        if entry is not None:
            self.failed.emit(message)
            self.ready.emit(entry[2], {})

    def _take(self, seq: int) -> tuple | None:
        """The request ``seq`` answers (None: cancelled); older ones the process skipped are forgotten."""
        entry = self._sent.get(seq)
        for s in [s for s in self._sent if s <= seq]:
            del self._sent[s]
        return entry

    def _on_lost(self) -> None:
        """The process is gone: the newest request it owed is computed here, in slices."""
        if self._sent:
            newest = self._sent[max(self._sent)]
            self._sent.clear()
            self.request(*newest)

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
