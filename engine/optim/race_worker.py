"""The Optimizer lab's long races computed in a worker process: requests in, trajectories out, newest request wins.

The runs are pure Python, so a thread would hold the GIL the window needs; a process computes them on another core
while the window only sends a state and receives the results. The process rebuilds the objective from the state
(:func:`engine.optim.objective_of`), so its numbers are those of :func:`engine.optim.runs`. Messages over ``conn``
(a :func:`multiprocessing.Pipe` end):

- in: ``("race", seq, state, (decimal_point, translator))``: the runs of ``state``, texts written with that
  decimal point and translator (a picklable ``(context, text) -> str``, None: English); ``("cancel", seq)``: drop
  every request up to ``seq``, the one being computed included; ``("stop",)``.
- out: ``("ready",)`` once, when the process can compute; then per answered request ``("done", seq, trajectories)``
  or ``("error", seq, message)`` (an :class:`OptimizerError`).

While a race is computed, newer requests only replace the one waiting (restarting on each mouse move would never
finish during a steady drag); the process ends on ``stop`` or when the other end of ``conn`` closes.
"""

from __future__ import annotations

import signal
from typing import Any

from engine import i18n
from engine.optim.derive import objective_key
from engine.optim.lab import TOL, OptimizerState, objective_of
from engine.optim.rules import OptimizerError
from engine.optim.trajectory import run_many_iter

__all__ = ["serve_races", "CHECK_STEPS"]

CHECK_STEPS = 1000
"""Optimizer steps between looks at the pipe for a cancel or a stop (~1 ms)."""


class _Inbox:
    """What the other end asked for so far: the newest race request, how far requests are cancelled, stop."""

    def __init__(self) -> None:
        self.newest: tuple | None = None
        self.cancelled = 0
        self.stop = False

    def read(self, conn: Any, block: bool) -> None:
        """Take every message waiting (and wait for one first when ``block``)."""
        while block or conn.poll():
            block = False
            msg = conn.recv()
            if msg[0] == "race":
                self.newest = msg
            elif msg[0] == "cancel":
                self.cancelled = max(self.cancelled, msg[1])
            else:
                self.stop = True
        if self.newest is not None and self.newest[1] <= self.cancelled:
            self.newest = None


def serve_races(conn: Any) -> None:
    """Answer race requests arriving on ``conn`` until told to stop or the other end closes (the process's target).

    Parameters
    ----------
    conn : multiprocessing.connection.Connection
        This process's end of the pipe; see the module docstring for the messages.
    """
    import multiprocessing  # here: engine.optim stays free of it for everything but the worker

    if multiprocessing.parent_process() is not None:  # the worker process: Ctrl-C in a terminal is the app's
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    inbox = _Inbox()
    objective: tuple = (None, None)  # (objective key, objective): a typed formula is parsed once, not per request
    language: tuple = (i18n.decimal_point(), None)
    try:
        conn.send(("ready",))
        while True:
            inbox.read(conn, block=inbox.newest is None)
            if inbox.stop:
                return
            if inbox.newest is None:
                continue
            _, seq, state, texts = inbox.newest
            inbox.newest = None
            if texts != language:
                language = texts
                i18n.set_decimal_point(texts[0])
                i18n.set_translator(texts[1])
            okey = objective_key(state)
            if objective[0] != okey:
                objective = (okey, objective_of(state))
            answer = _race(conn, inbox, seq, state, objective[1])
            if inbox.stop:
                return
            if answer is not None:
                conn.send(answer)
    except (EOFError, OSError):
        return  # the app closed its end (or died): nothing left to answer


def _race(conn: Any, inbox: _Inbox, seq: int, state: OptimizerState, objective: Any) -> tuple | None:
    """The answer to one request, None when it was cancelled (or a stop arrived) meanwhile."""
    configs = {c.name: c.hyperparameters() for c in state.configs if c.enabled}
    try:
        gen = run_many_iter(objective, state.start, configs, state.steps, tol=TOL, chunk=CHECK_STEPS)
        while True:
            next(gen)
            if conn.poll():
                inbox.read(conn, block=False)
                if inbox.stop or inbox.cancelled >= seq:
                    return None
    except StopIteration as done:
        return ("done", seq, done.value)
    except OptimizerError as exc:
        return ("error", seq, str(exc))
