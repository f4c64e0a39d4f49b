"""engine.lessons: bundled lessons cover the syllabus and their goals are reachable; bad lesson files get messages."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import labs, lessons
from engine.lessons import Goal, LessonError, goal_met


def test_at_least_twelve_bundled_lessons_covering_the_syllabus() -> None:
    bundled = lessons.bundled()
    assert len(bundled) >= 12
    text = " ".join((lesson.title + " " + lesson.summary + " " + lesson.topic).lower() for lesson in bundled)
    for topic in (
        "dot product",
        "norm",
        "transformation",
        "determinant",
        "system",
        "eigen",
        "chain rule",
        "gradient descent",
        "momentum",
        "distribution",
        "central limit",
        "likelihood",
        "p-value",
    ):
        assert topic in text, f"no bundled lesson mentions {topic!r}"
    assert len({lesson.id for lesson in bundled}) == len(bundled)
    used = {step.lab for lesson in bundled for step in lesson.steps}
    assert set(labs.LAB_NAMES) <= used, f"labs without a lesson: {set(labs.LAB_NAMES) - used}"


@pytest.mark.parametrize("lesson", lessons.bundled(), ids=lambda lesson: lesson.id)
def test_every_bundled_goal_is_met_by_its_solution_and_not_by_the_start(lesson) -> None:
    goals = 0
    for step in lesson.steps:
        if step.goal is None:
            continue
        goals += 1
        assert step.solution is not None, f"{lesson.id}: step {step.title!r} has a goal but no solution"
        assert goal_met(step.goal, labs.metrics(step.lab, step.solution)), f"{lesson.id}: {step.title}"
        start = step.state if step.state is not None else labs.default_state(step.lab)
        assert not goal_met(step.goal, labs.metrics(step.lab, start)), f"{lesson.id}: {step.title} met at start"
    assert goals >= 1, f"{lesson.id} has no goal to check"


def test_goal_semantics() -> None:
    m = {"det": -0.01, "kind": "unique", "singular": True, "p_value": 0.03, "n": 25, "bad": float("nan")}
    assert goal_met(Goal("", "det", "abs<", 0.05), m)
    assert not goal_met(Goal("", "det", ">", 0.0), m)
    assert goal_met(Goal("", "det", "==", 0.0, tol=0.02), m)
    assert goal_met(Goal("", "kind", "==", "unique"), m)
    assert goal_met(Goal("", "singular", "==", True), m)
    assert not goal_met(Goal("", "singular", "<", 1.0), m)
    assert not goal_met(Goal("", "missing", "<", 1.0), m)
    assert not goal_met(Goal("", "bad", "<", 1.0), m)
    both = Goal("", all=(Goal("", "p_value", "<", 0.05), Goal("", "n", "<=", 30)))
    assert goal_met(both, m)
    assert not goal_met(both, {**m, "n": 31})


def _lesson(**over) -> str:
    doc = {
        "format": "mllesson",
        "version": 1,
        "id": "t",
        "title": "T",
        "steps": [{"title": "s", "text": "hello", "lab": "vectors"}],
    }
    doc.update(over)
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (_lesson(format="mlscene"), "format"),
        (_lesson(version=2), "version"),
        (_lesson(steps=[]), "steps"),
        (_lesson(steps=[{"title": "s", "text": "t", "lab": "chess"}]), "steps[0].lab"),
        (_lesson(steps=[{"title": "s", "lab": "vectors"}]), "steps[0].text"),
        (
            _lesson(steps=[{"title": "s", "text": "t", "lab": "vectors", "state": {"snap": "yes"}}]),
            "steps[0].state.snap",
        ),
        (
            _lesson(
                steps=[
                    {
                        "title": "s",
                        "text": "t",
                        "lab": "vectors",
                        "goal": {"text": "g", "metric": "nope", "op": "<", "value": 1},
                    }
                ]
            ),
            "steps[0].goal.metric",
        ),
        (
            _lesson(
                steps=[
                    {
                        "title": "s",
                        "text": "t",
                        "lab": "vectors",
                        "goal": {"text": "g", "metric": "u_dot_v", "op": "~", "value": 1},
                    }
                ]
            ),
            "steps[0].goal.op",
        ),
        (
            _lesson(
                steps=[
                    {
                        "title": "s",
                        "text": "t",
                        "lab": "vectors",
                        "goal": {"text": "g", "metric": "u_dot_v", "op": "<", "value": "x"},
                    }
                ]
            ),
            "steps[0].goal.value",
        ),
        (_lesson(steps=[{"title": "s", "text": "t", "lab": "vectors", "solution": {}}]), "steps[0].solution"),
        (_lesson(steps=[{"title": "s", "text": "x" * 10_000, "lab": "vectors"}]), "steps[0].text"),
        (_lesson(steps=[{"title": "s", "text": "t", "lab": "vectors"}] * 41), "steps"),
        (_lesson(script="rm -rf /"), "script"),
    ],
)
def test_bad_lessons_name_the_field(text: str, field: str) -> None:
    with pytest.raises(LessonError) as info:
        lessons.loads(text)
    assert info.value.field == field


def test_deep_nesting_and_junk_are_refused_quickly() -> None:
    with pytest.raises(LessonError, match="nested"):
        lessons.loads("[" * 50_000 + "]" * 50_000)
    with pytest.raises(LessonError, match="JSON"):
        lessons.loads("\x00" * 1000)
    with pytest.raises(LessonError, match="longer"):
        lessons.loads(" " * (lessons.MAX_BYTES + 1))


@given(st.text(max_size=400))
def test_random_text_never_crashes(text: str) -> None:
    try:
        lessons.loads(text)
    except LessonError as exc:
        assert str(exc)


step_strategy = st.fixed_dictionaries(
    {
        "title": st.text(max_size=10),
        "text": st.text(max_size=30),
        "lab": st.sampled_from(list(labs.LAB_NAMES) + ["nope"]),
    },
    optional={
        "goal": st.dictionaries(
            st.sampled_from(["text", "metric", "op", "value", "tol", "all"]),
            st.none() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8) | st.booleans(),
            max_size=5,
        )
    },
)


@given(st.lists(step_strategy, max_size=4))
def test_random_steps_load_or_name_a_field(steps: list) -> None:
    try:
        lesson = lessons.loads(
            json.dumps({"format": "mllesson", "version": 1, "id": "x", "title": "x", "steps": steps})
        )
    except LessonError as exc:
        assert exc.field.startswith("steps")
    else:
        assert len(lesson.steps) == len(steps)
