"""The Optimizer lab's worker process: the numbers of run_many, in the app's language; in-thread when it is gone."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import threading

import pytest

from engine import i18n as engine_i18n
from engine.optim import objective_of, runs
from gui.labs.optimizer.race_process import RaceProcess
from gui.labs.optimizer.runs import RunScheduler
from tests.engine.optim.test_race_worker import assert_same_runs, race_state

WAIT_MS = 60_000  # generous: a busy machine; nothing here depends on speed


@pytest.fixture
def lab(lab_window):
    return lab_window("optimizer").current_lab()


@pytest.fixture
def process(qtbot):
    p = RaceProcess()
    p.start()
    qtbot.waitUntil(lambda: p.ready, timeout=WAIT_MS)
    yield p
    pid = p.pid
    p.stop()
    assert pid not in [c.pid for c in multiprocessing.active_children()]


def ask(qtbot, process, seq, state):
    with qtbot.waitSignal(process.answered, timeout=WAIT_MS) as got:
        assert process.send(seq, state)
    assert got.args[0] == seq
    return got.args[1]


def test_the_process_computes_what_run_many_does(qtbot, process):
    rosen = race_state(3000)  # ~2 MB of answer: read in pieces as it arrives
    assert_same_runs(ask(qtbot, process, 1, rosen), runs(rosen))
    typed = race_state(400, "expression", expression="x^4 - 3*x*y + 2*y^2 + cos(y)")
    assert_same_runs(ask(qtbot, process, 2, typed), runs(typed))


def test_the_process_writes_its_texts_in_the_apps_language(qtbot, process):
    from gui.i18n import apply_language

    state = race_state(40)
    english = runs(state)["gd"].message
    apply_language("es")
    try:
        assert engine_i18n.decimal_point() == "," and runs(state)["gd"].message != english
        assert_same_runs(ask(qtbot, process, 1, state), runs(state))
    finally:
        apply_language("en")
    assert_same_runs(ask(qtbot, process, 2, state), runs(state))  # and back in English


def test_an_error_in_the_process_reaches_refused(qtbot, process):
    state = race_state(10)
    object.__setattr__(state.configs[0], "lr", -1.0)  # past the checks the scheduler makes before sending
    with qtbot.waitSignal(process.refused, timeout=WAIT_MS) as got:
        process.send(5, state)
    assert got.args[0] == 5 and "lr" in got.args[1]


def wait_ready(qtbot, lab):
    qtbot.waitUntil(lambda: lab._scheduler.process.ready, timeout=WAIT_MS)


def test_a_drag_is_computed_by_the_process_and_settles_exactly(lab, qtbot):
    lab.set_state(dataclasses.replace(race_state(3000), position=3000))  # a long race: the process starts now
    wait_ready(qtbot, lab)
    sliced = []
    lab._scheduler._timer.timeout.connect(lambda: sliced.append(1))
    lab.set_start(-1.0, 2.0, final=False)
    assert lab.computing and tuple(lab._runs["gd"].points[0]) != (-1.0, 2.0)  # the star moved; paths follow
    lab.set_start(-0.5, 1.5, final=False)
    qtbot.waitUntil(lambda: not lab.computing, timeout=WAIT_MS)
    assert sliced == []  # nothing computed on the GUI thread
    assert_same_runs(lab._runs, runs(lab.state()))  # the newest start's runs, exactly
    lab.set_start(0.5, 1.0, final=True)
    assert_same_runs(lab._runs, runs(lab.state()))


def test_a_killed_process_leaves_the_drag_to_slices(lab, qtbot):
    lab.set_state(dataclasses.replace(race_state(3000), position=3000))
    wait_ready(qtbot, lab)
    process = lab._scheduler.process
    lab.set_start(-1.0, 2.0, final=False)
    os.kill(process.pid, 9)  # mid-request: what it owed is computed here instead
    qtbot.waitUntil(lambda: process.broken, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not lab.computing, timeout=WAIT_MS)
    assert_same_runs(lab._runs, runs(lab.state()))
    lab.set_start(-0.5, 1.5, final=False)  # later moves: slices
    assert lab._scheduler._task is not None
    qtbot.waitUntil(lambda: not lab.computing, timeout=WAIT_MS)
    assert_same_runs(lab._runs, runs(lab.state()))


def test_a_process_that_cannot_start_leaves_the_races_to_slices(qtbot, monkeypatch):
    def refuse(self):
        raise OSError("no processes here")

    monkeypatch.setattr(multiprocessing.get_context("spawn").Process, "start", refuse)
    fresh = RunScheduler()
    got = []
    fresh.ready.connect(lambda key, result: got.append(result))
    fresh.warm_up()
    assert fresh.process.broken
    state = race_state(2500)
    fresh.request(state, objective_of(state), "key")
    qtbot.waitUntil(lambda: not fresh.computing, timeout=WAIT_MS)
    assert_same_runs(got[0], runs(state))


def test_the_process_ends_when_the_window_closes(lab_window, qtbot):
    win = lab_window("optimizer")
    lab = win.current_lab()
    lab.set_state(dataclasses.replace(race_state(3000), position=3000))
    wait_ready(qtbot, lab)
    pid = lab._scheduler.process.pid
    assert pid in [c.pid for c in multiprocessing.active_children()]
    win.close()
    assert pid not in [c.pid for c in multiprocessing.active_children()]
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_on_one_core_races_are_sliced_without_a_process(qtbot, monkeypatch):
    from gui.labs.optimizer import runs as runs_module

    monkeypatch.setattr(runs_module, "_cores", lambda: 1)
    one_core = RunScheduler()
    assert one_core.process is None
    got = []
    one_core.ready.connect(lambda key, result: got.append(result))
    one_core.warm_up()
    state = race_state(2500)
    one_core.request(state, objective_of(state), "key")
    assert one_core._task is not None and not one_core.starting
    qtbot.waitUntil(lambda: not one_core.computing, timeout=WAIT_MS)
    assert_same_runs(got[0], runs(state))


@pytest.mark.skipif(os.name != "posix", reason="answers are read a piece at a time from a socket on POSIX only")
def test_of_answers_read_together_only_the_newest_is_shown(qtbot):
    from gui.labs.optimizer.race_process import _FrameReader

    ours, theirs = multiprocessing.Pipe()
    p = RaceProcess()
    p._conn, p._frames = ours, _FrameReader()  # a pipe standing in for the process's
    big = {"gd": bytes(300_000)}  # larger than a socket buffer's share: read over several calls
    shown = []
    p.answered.connect(lambda seq, result: shown.append(seq))
    theirs.send(("done", 1, {}))
    theirs.send(("done", 2, {}))
    p._read()
    assert shown == [2]  # 1 was overtaken before it could be drawn
    writer = threading.Thread(target=theirs.send, args=(("done", 3, big),))  # blocks until it is all read
    writer.start()
    while shown[-1] != 3:
        p._read()  # takes what has arrived, never waits for the rest
    writer.join()
    assert shown == [2, 3]
    p._conn = None
    ours.close()
    theirs.close()
