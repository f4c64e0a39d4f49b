"""Run expensive computations off the GUI thread, newest input wins.

A :class:`LatestJob` accepts a function call; when a newer call arrives before the older one finishes, the older
result is dropped (and its ``cancelled`` flag is set, so cooperative work can stop early). The event loop keeps
running the whole time, so the window never freezes.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6 import QtCore

__all__ = ["LatestJob", "CancelToken", "settle_jobs"]


class CancelToken:
    """Passed to cooperative jobs: check ``token.cancelled`` in long loops and return early when set."""

    def __init__(self) -> None:
        self._event = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()


class _Signals(QtCore.QObject):
    done = QtCore.Signal(int, object, object)  # generation, result, error


class _Runnable(QtCore.QRunnable):
    def __init__(self, gen: int, fn: Callable[..., Any], args: tuple, kwargs: dict, signals: _Signals) -> None:
        super().__init__()
        self.gen, self.fn, self.args, self.kwargs, self.signals = gen, fn, args, kwargs, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result, error = self.fn(*self.args, **self.kwargs), None
        except Exception as exc:
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # receiver deleted while we ran (window closed)
            self.signals.done.emit(self.gen, result, error)


class LatestJob(QtCore.QObject):
    """Submit calls; only the newest one's result reaches ``finished`` (errors reach ``failed``)."""

    finished = QtCore.Signal(object)
    failed = QtCore.Signal(object)

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QtCore.QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._gen = 0
        self._token = CancelToken()
        self._signals = _Signals()
        self._signals.done.connect(self._on_done)
        self.running = False

    def submit(self, fn: Callable[..., Any], *args: Any, with_token: bool = False, **kwargs: Any) -> int:
        """Run ``fn(*args, **kwargs)`` in the background (``token=`` passed when ``with_token``); older jobs lose."""
        self._token.cancel()
        self._token = CancelToken()
        if with_token:
            kwargs["token"] = self._token
        self._gen += 1
        self.running = True
        self._pool.clear()  # queued but not started jobs are simply dropped
        self._pool.start(_Runnable(self._gen, fn, args, kwargs, self._signals))
        return self._gen

    def cancel(self) -> None:
        """Drop whatever is running or queued."""
        self._token.cancel()
        self._gen += 1
        self._pool.clear()
        self.running = False

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (used at shutdown and in tests)."""
        return self._pool.waitForDone(msecs)

    def _on_done(self, gen: int, result: Any, error: Any) -> None:
        if gen != self._gen:
            return
        self.running = False
        if error is not None:
            self.failed.emit(error)
        else:
            self.finished.emit(result)


def settle_jobs(root: QtCore.QObject, timeout_s: float = 30.0) -> bool:
    """Run the event loop until no :class:`LatestJob` under ``root`` is running (their results shown); False on timeout.

    For pictures of a window (``main.py --screenshot``): a lab whose work runs in the background (the SVD of an image)
    would otherwise be drawn with its "Computing…" message.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        QtCore.QCoreApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if not any(job.running for job in root.findChildren(LatestJob)):
            QtCore.QCoreApplication.processEvents()  # the last result's own repaint and layout
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)
