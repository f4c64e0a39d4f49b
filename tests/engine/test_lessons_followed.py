"""Lessons of the classifier, decompositions and probability labs reach their goals when followed by arrow keys.

A "raise / lower … until" step changes one number. Stepping that number from the step's start toward its solution
one control step at a time (what the arrow keys do) must meet the goal on the way — not only at the solution the lesson
stores — so a student who does what the text says sees the goal tick.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engine import labs, lessons
from engine.lessons import goal_met
from engine.schema import field_spec

LABS = {"classifier", "decompositions", "probability"}
MAX_STEPS = 400


def _stepped_steps() -> list[tuple[str, object, str]]:
    """(lesson id, step, field) for every goal step of our labs whose solution changes one number from the start."""
    found = []
    for lesson in lessons.bundled():
        for step in lesson.steps:
            if step.goal is None or step.lab not in LABS:
                continue
            start = step.state if step.state is not None else labs.default_state(step.lab)
            changed = [f.name for f in dataclasses.fields(start)
                       if getattr(start, f.name) != getattr(step.solution, f.name)]  # fmt: skip
            if len(changed) != 1:
                continue
            value = getattr(start, changed[0])
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            found.append((lesson.id, step, changed[0]))
    return found


STEPS = _stepped_steps()


def test_the_stepped_lessons_are_found() -> None:
    ids = {lesson_id for lesson_id, _step, _field in STEPS}
    assert {"classifier-threshold", "classifier-model-comparison", "conditional-probability-bayes",
            "svd-low-rank", "markov-pagerank", "pca-real-data"} <= ids  # fmt: skip
    assert len(STEPS) >= 12


@pytest.mark.parametrize(("lesson_id", "step", "name"), STEPS, ids=[f"{i}:{n}" for i, _s, n in STEPS])
def test_stepping_toward_the_solution_meets_the_goal(lesson_id, step, name) -> None:
    start = step.state if step.state is not None else labs.default_state(step.lab)
    a, b = getattr(start, name), getattr(step.solution, name)
    fs = field_spec(type(start), name)
    unit = fs.step or (1 if isinstance(a, int) else (fs.hi - fs.lo) / 100)
    n = int(round(abs(b - a) / unit))
    if n > MAX_STEPS:  # typed, not stepped (a million throws): the solution itself is what the student types
        pytest.skip(f"{name}: {n} steps is a typed value")
    path = [a + np.sign(b - a) * unit * k for k in range(1, n + 1)]
    path = [int(round(v)) if isinstance(a, int) else round(float(v), 10) for v in path]
    met_at = None
    for value in path:
        if goal_met(step.goal, labs.metrics(step.lab, dataclasses.replace(start, **{name: value}))):
            met_at = value
            break
    assert met_at is not None, f"{lesson_id}: stepping {name} from {a} to {b} never meets {step.goal.text!r}"


def test_every_stored_solution_number_can_be_typed_in_its_box() -> None:
    """A solution's numbers have no more decimals than the field's spin box shows (else the student cannot enter it)."""
    checked = 0
    for lesson in lessons.bundled():
        for step in lesson.steps:
            if step.goal is None or step.lab not in LABS:
                continue
            for f in dataclasses.fields(step.solution):
                value = getattr(step.solution, f.name)
                if isinstance(value, bool) or not isinstance(value, float):
                    continue
                fs = field_spec(type(step.solution), f.name)
                if fs.decimals is not None:
                    checked += 1
                    assert round(value, fs.decimals) == value, f"{lesson.id}: {f.name} = {value} ({fs.decimals} dp)"
    assert checked >= 20
