"""LatestJob: long work runs off the GUI thread (the event loop keeps turning) and the newest input wins."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6 import QtCore

from gui.widgets.jobs import CancelToken, LatestJob

GATE_TIMEOUT_S = 20.0  # a safety net so a broken LatestJob fails the test instead of hanging it


@pytest.fixture
def job(qtbot):
    j = LatestJob()
    yield j
    j.cancel()
    j.wait(30_000)
    QtCore.QCoreApplication.processEvents()


def _blocking(gate: threading.Event, started: threading.Event, result, token: CancelToken | None = None):
    """A 'long computation': runs until the test opens the gate (or, cooperatively, until cancelled)."""
    started.set()
    deadline = time.monotonic() + GATE_TIMEOUT_S
    while not gate.wait(0.005):
        if token is not None and token.cancelled:
            return ("gave up", result)
        if time.monotonic() > deadline:
            return ("timed out", result)
    return result


def test_event_loop_keeps_processing_while_a_long_job_runs(qtbot, job):
    gate, started = threading.Event(), threading.Event()
    ticks = []
    timer = QtCore.QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(gate.is_set()))
    timer.start()
    try:
        job.submit(_blocking, gate, started, "done")
        qtbot.waitUntil(started.is_set, timeout=5000)
        # The job is still blocked on the gate, yet the GUI thread keeps running timers.
        qtbot.waitUntil(lambda: len(ticks) >= 10, timeout=5000)
        assert job.running
        assert not any(ticks), "every timer tick so far happened while the job was still running"
        with qtbot.waitSignal(job.finished, timeout=5000) as blocker:
            gate.set()
        assert blocker.args == ["done"]
        assert not job.running
    finally:
        timer.stop()
        gate.set()


def test_newer_submit_cancels_the_older_job_and_its_result_is_never_delivered(qtbot, job):
    delivered = []
    job.finished.connect(delivered.append)
    gate_old, started_old = threading.Event(), threading.Event()
    tokens: list[CancelToken] = []

    def old(token: CancelToken):
        tokens.append(token)
        started_old.set()
        gate_old.wait(GATE_TIMEOUT_S)
        return "old"

    job.submit(old, with_token=True)
    qtbot.waitUntil(started_old.is_set, timeout=5000)
    assert not tokens[0].cancelled
    with qtbot.waitSignal(job.finished, timeout=10_000) as blocker:
        job.submit(lambda: "new")
        assert tokens[0].cancelled, "a newer submit must set the older job's cancel token"
        gate_old.set()  # let the old job finish: its result must still be dropped
    assert blocker.args == ["new"]
    assert job.wait(10_000)
    QtCore.QCoreApplication.processEvents()
    assert delivered == ["new"]


def test_cooperative_job_stops_early_when_cancelled(qtbot, job):
    gate, started = threading.Event(), threading.Event()
    outcome = []

    def cooperative(token: CancelToken):
        outcome.append(_blocking(gate, started, "full result", token))
        return outcome[-1]

    job.submit(cooperative, with_token=True)
    qtbot.waitUntil(started.is_set, timeout=5000)
    job.submit(lambda: "newest")
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)  # returns without the gate ever opening
    assert outcome == [("gave up", "full result")]
    gate.set()


def test_queued_jobs_that_never_started_are_dropped(qtbot, job):
    ran = []
    gate, started = threading.Event(), threading.Event()

    def first():
        ran.append("first")
        started.set()
        gate.wait(GATE_TIMEOUT_S)
        return "first"

    job.submit(first)
    qtbot.waitUntil(started.is_set, timeout=5000)
    job.submit(lambda: ran.append("second") or "second")
    with qtbot.waitSignal(job.finished, timeout=10_000) as blocker:
        job.submit(lambda: ran.append("third") or "third")
        gate.set()
    assert blocker.args == ["third"]
    job.wait(10_000)
    assert ran == ["first", "third"]


def test_errors_reach_failed_not_finished(qtbot, job):
    finished = []
    job.finished.connect(finished.append)

    def broken():
        raise ValueError("the surface is not finite here")

    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.submit(broken)
    assert isinstance(blocker.args[0], ValueError)
    assert "not finite" in str(blocker.args[0])
    QtCore.QCoreApplication.processEvents()
    assert finished == []
    assert not job.running


def test_cancel_drops_the_running_job(qtbot, job):
    delivered = []
    job.finished.connect(delivered.append)
    gate, started = threading.Event(), threading.Event()
    job.submit(_blocking, gate, started, "late")
    qtbot.waitUntil(started.is_set, timeout=5000)
    job.cancel()
    assert not job.running
    gate.set()
    assert job.wait(10_000)
    QtCore.QCoreApplication.processEvents()
    assert delivered == []
