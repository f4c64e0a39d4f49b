"""The race worker process: the numbers of run_many, the newest request answered, cancel and stop obeyed."""

from __future__ import annotations

import dataclasses
import multiprocessing

import numpy as np
import pytest

from engine.optim import OptimizerState, runs, serve_races, with_surface

WAIT_S = 60.0  # generous: a busy CI machine; nothing here depends on speed


def race_state(steps: int, surface: str = "rosenbrock", **changes) -> OptimizerState:
    s = OptimizerState()
    if surface != s.surface:
        s = with_surface(s, surface, **changes)
    configs = tuple(dataclasses.replace(c, enabled=True) for c in s.configs)
    return dataclasses.replace(s, configs=configs, steps=steps)


def assert_same_runs(got: dict, want: dict) -> None:
    """Field by field, arrays bit for bit."""
    assert list(got) == list(want)
    for name, tr in want.items():
        other = got[name]
        for f in dataclasses.fields(tr):
            a, b = getattr(tr, f.name), getattr(other, f.name)
            if isinstance(a, np.ndarray):
                assert np.array_equal(a, b), (name, f.name)
            elif isinstance(a, dict) and a and isinstance(next(iter(a.values())), np.ndarray):
                assert list(a) == list(b) and all(np.array_equal(a[k], b[k]) for k in a), (name, f.name)
            else:
                assert a == b, (name, f.name)


def _start_worker():
    """A worker process as the app starts it (spawn), and our end of its pipe."""
    ctx = multiprocessing.get_context("spawn")
    ours, theirs = ctx.Pipe()
    process = ctx.Process(target=serve_races, args=(theirs,), daemon=True)
    process.start()
    theirs.close()
    return process, ours


@pytest.fixture
def worker():
    process, ours = _start_worker()

    def receive():
        assert ours.poll(WAIT_S), "the worker did not answer"
        return ours.recv()

    assert receive() == ("ready",)
    yield ours, receive
    if process.is_alive():
        ours.send(("stop",))
        process.join(WAIT_S)
    assert process.exitcode == 0
    ours.close()
    process.close()


ENGLISH = (".", None)


def test_answers_are_run_many_field_by_field(worker):
    conn, receive = worker
    rosen = race_state(800)
    typed = race_state(300, "expression", expression="(1-x)^2 + 5*(y-x^2)^2 + sin(x)")
    conn.send(("race", 1, rosen, ENGLISH))
    kind, seq, got = receive()
    assert (kind, seq) == ("done", 1)
    assert_same_runs(got, runs(rosen))
    conn.send(("race", 2, typed, ENGLISH))
    kind, seq, got = receive()
    assert (kind, seq) == ("done", 2)
    assert_same_runs(got, runs(typed))


def test_the_decimal_point_asked_for_is_used(worker):
    conn, receive = worker
    state = race_state(50)
    conn.send(("race", 1, state, (",", None)))
    _, _, got = receive()
    assert "," in got["gd"].message and got["gd"].message != runs(state)["gd"].message


class ScriptedConn:
    """A pipe end whose incoming messages are scripted: ``later[n]`` arrive at the n-th ``poll`` (no timing)."""

    def __init__(self, first: list, later: dict[int, list] | None = None) -> None:
        self.waiting, self.later, self.polls, self.sent = list(first), dict(later or {}), 0, []

    def poll(self) -> bool:
        self.polls += 1
        self.waiting += self.later.pop(self.polls, [])
        return bool(self.waiting)

    def recv(self):
        if not self.waiting and self.later:  # a blocking read waits for the next arrival
            self.waiting += self.later.pop(min(self.later))
        if not self.waiting:
            raise EOFError  # the app closed its end: the worker returns
        return self.waiting.pop(0)

    def send(self, msg) -> None:
        self.sent.append(msg)


def starts(*xs: float) -> list[OptimizerState]:
    return [dataclasses.replace(race_state(3000), start=(x, 1.0)) for x in xs]


def test_of_the_requests_waiting_only_the_newest_is_answered():
    s1, s2, s3, s4 = starts(-1.0, -0.5, 0.0, 0.5)
    conn = ScriptedConn([("race", n, s, ENGLISH) for n, s in enumerate((s1, s2, s3, s4), 1)])
    serve_races(conn)
    assert [m[:2] for m in conn.sent] == [("ready",), ("done", 4)]
    assert conn.sent[1][2]["adam"].points[0] == pytest.approx((0.5, 1.0))


def test_a_cancel_drops_the_race_being_computed_and_the_ones_waiting():
    s1, s2, s3 = starts(-1.0, -0.5, 0.0)
    arrivals = {3: [("race", 2, s2, ENGLISH), ("cancel", 2)], 4: [("race", 3, s3, ENGLISH)]}
    conn = ScriptedConn([("race", 1, s1, ENGLISH)], later=arrivals)
    serve_races(conn)
    assert [m[:2] for m in conn.sent] == [("ready",), ("done", 3)]  # 1 abandoned mid-race, 2 never started


def test_a_stop_ends_the_worker_mid_race():
    s1, s2 = starts(-1.0, -0.5)
    conn = ScriptedConn([("race", 1, s1, ENGLISH)], later={2: [("stop",)], 9: [("race", 2, s2, ENGLISH)]})
    serve_races(conn)
    assert conn.sent == [("ready",)]


def test_a_bad_hyperparameter_is_an_error_answer(worker):
    conn, receive = worker
    state = race_state(10)
    bad = state.configs[0]
    object.__setattr__(bad, "lr", -1.0)  # past the state's own checks, as a corrupt request would be
    conn.send(("race", 7, state, ENGLISH))
    kind, seq, message = receive()
    assert (kind, seq) == ("error", 7) and "lr" in message


def test_it_ends_when_the_other_end_closes():
    process, ours = _start_worker()
    assert ours.poll(WAIT_S) and ours.recv() == ("ready",)
    ours.close()  # the app died or forgot it: no orphan
    process.join(WAIT_S)
    assert process.exitcode == 0
    process.close()
