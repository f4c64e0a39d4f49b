"""Lessons (``.mllesson`` JSON): steps of Markdown text, a lab state to load, and a goal checked live.

A goal is data, never code: a lab metric (see each engine module's ``metrics``), a comparison and a value, or
``{"all": [...]}`` of several. Lesson files are untrusted input and validated like scenes.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine import labs
from engine.i18n import language
from engine.resources import resource_path
from engine.scene import SceneError, check_nesting, state_from_dict
from engine.schema import FieldError

__all__ = ["Lesson", "Step", "Goal", "LessonError", "load", "loads", "bundled", "goal_met", "OPS"]

FORMAT = "mllesson"
VERSION = 1
MAX_BYTES = 500_000
MAX_STEPS = 40
MAX_TEXT = 6_000
OPS = ("<", "<=", ">", ">=", "==", "!=", "abs<", "abs>")
TEXT_FIELDS = frozenset({"title", "summary", "topic", "text"})
"""Fields a lesson may also give per language as ``<field>_<lang>`` (``"title_es"``); English is the fallback."""
TEXT_LANGUAGES = ("es",)


class LessonError(FieldError):
    """A lesson file cannot be used; ``field`` names the offending field."""


@dataclass(frozen=True)
class Goal:
    """A test on one lab metric (``op`` in OPS, ``tol`` for ==), or ``all`` of several goals."""

    text: str
    metric: str = ""
    op: str = "=="
    value: float | bool | str = 0.0
    tol: float = 1e-6
    all: tuple["Goal", ...] = ()


@dataclass(frozen=True)
class Step:
    """One screen of a lesson: text, the lab to show, its state (None keeps the user's), an optional goal."""

    title: str
    text: str
    lab: str
    state: Any = None
    goal: Goal | None = None
    solution: Any = None  # a state of ``lab`` that meets the goal ("Show me" button; tests prove goals reachable)


@dataclass(frozen=True)
class Lesson:
    """A titled sequence of steps."""

    id: str
    title: str
    summary: str
    steps: tuple[Step, ...]
    topic: str = ""


def goal_met(goal: Goal, metrics: dict[str, Any]) -> bool:
    """Whether ``metrics`` (a lab's ``metrics(state)``) satisfy ``goal``; a missing/undefined metric is not met."""
    if goal.all:
        return all(goal_met(g, metrics) for g in goal.all)
    if goal.metric not in metrics:
        return False
    have = metrics[goal.metric]
    want = goal.value
    if isinstance(want, (bool, str)) or isinstance(have, (bool, str)):
        equal = have == want
        return equal if goal.op == "==" else (not equal if goal.op == "!=" else False)
    try:
        have = float(have)
    except (TypeError, ValueError):
        return False
    if not math.isfinite(have):
        return False
    want = float(want)
    return {
        "<": have < want,
        "<=": have <= want,
        ">": have > want,
        ">=": have >= want,
        "==": abs(have - want) <= goal.tol,
        "!=": abs(have - want) > goal.tol,
        "abs<": abs(have) < want,
        "abs>": abs(have) > want,
    }[goal.op]


def load(path: str | os.PathLike[str]) -> Lesson:
    """Read and validate a lesson file."""
    target = Path(path)
    try:
        if target.stat().st_size > MAX_BYTES:
            raise LessonError("", f"file is larger than {MAX_BYTES:,} bytes")
        text = target.read_bytes().decode("utf-8")
    except LessonError:
        raise
    except FileNotFoundError:
        raise LessonError("", f"no such file: {target}") from None
    except UnicodeDecodeError as exc:
        raise LessonError("", f"not a text file (invalid UTF-8 at byte {exc.start})") from None
    except OSError as exc:
        raise LessonError("", f"cannot read {target}: {exc.strerror or exc}") from None
    return loads(text)


def loads(text: str) -> Lesson:
    """Parse and validate lesson JSON text."""
    if len(text) > MAX_BYTES:
        raise LessonError("", f"lesson is longer than {MAX_BYTES:,} characters")
    try:
        check_nesting(text)
    except SceneError as exc:
        raise LessonError("", exc.message) from None
    try:
        doc = json.loads(text, parse_constant=_refuse_constant)
    except LessonError:
        raise
    except (ValueError, RecursionError) as exc:
        raise LessonError("", f"not valid JSON: {exc}") from None
    return _lesson(doc)


def bundled() -> list[Lesson]:
    """The lessons shipped in ``resources/lessons``, in file-name order (numbered files give the syllabus order)."""
    folder = resource_path("lessons")
    return [load(p) for p in sorted(folder.glob("*.mllesson"))]


def _refuse_constant(name: str) -> float:
    raise LessonError("", f"not valid JSON: {name} is not allowed")


def _text(doc: dict, key: str, path: str, limit: int, required: bool = True) -> str:
    """The English text ``doc[key]``, or its ``<key>_<lang>`` translation in the language in force (if it has one)."""
    if key not in doc:
        if required:
            raise LessonError(_join(path, key), "missing")
        return ""
    value = doc[key]
    if not isinstance(value, str):
        raise LessonError(_join(path, key), "must be text")
    if len(value) > limit:
        raise LessonError(_join(path, key), f"is {len(value)} characters long, at most {limit} allowed")
    for lang in TEXT_LANGUAGES:
        k = f"{key}_{lang}"
        if k in doc and (not isinstance(doc[k], str) or len(doc[k]) > limit):
            raise LessonError(_join(path, k), f"must be text of at most {limit} characters")
    translated = doc.get(f"{key}_{language()}", "")
    return translated if translated.strip() else value


def _only(doc: dict, allowed: set[str], path: str) -> None:
    allowed = allowed | {f"{k}_{lang}" for k in allowed & TEXT_FIELDS for lang in TEXT_LANGUAGES}
    unknown = sorted(set(doc) - allowed)
    if unknown:
        raise LessonError(_join(path, unknown[0]), "unknown field")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _lesson(doc: Any) -> Lesson:
    if not isinstance(doc, dict):
        raise LessonError("", "a lesson must be a JSON object")
    if doc.get("format") != FORMAT:
        raise LessonError("format", f"must be {FORMAT!r} (is this a lesson file?), got {doc.get('format')!r}")
    if doc.get("version") != VERSION or isinstance(doc.get("version"), bool):
        raise LessonError("version", f"unknown lesson format version {doc.get('version')!r}; this app reads {VERSION}")
    _only(doc, {"format", "version", "id", "title", "summary", "topic", "steps"}, "")
    steps = doc.get("steps")
    if not isinstance(steps, list) or not steps:
        raise LessonError("steps", "must be a non-empty list")
    if len(steps) > MAX_STEPS:
        raise LessonError("steps", f"has {len(steps)} steps, at most {MAX_STEPS} allowed")
    return Lesson(
        id=_text(doc, "id", "", 80),
        title=_text(doc, "title", "", 120),
        summary=_text(doc, "summary", "", 600, required=False),
        topic=_text(doc, "topic", "", 80, required=False),
        steps=tuple(_step(s, f"steps[{i}]") for i, s in enumerate(steps)),
    )


def _step(doc: Any, path: str) -> Step:
    if not isinstance(doc, dict):
        raise LessonError(path, "must be an object")
    _only(doc, {"title", "text", "lab", "state", "goal", "solution"}, path)
    lab = _text(doc, "lab", path, 40)
    if lab not in labs.LAB_NAMES:
        raise LessonError(_join(path, "lab"), f"unknown lab {lab!r}; known labs: {', '.join(labs.LAB_NAMES)}")
    state = None
    if doc.get("state") is not None:
        try:
            state = state_from_dict(lab, doc["state"], _join(path, "state"))
        except SceneError as exc:
            raise LessonError(exc.field, exc.message) from None
    goal = None
    if doc.get("goal") is not None:
        goal = _goal(doc["goal"], _join(path, "goal"), lab, 0)
    solution = None
    if doc.get("solution") is not None:
        if goal is None:
            raise LessonError(_join(path, "solution"), "a solution needs a goal")
        try:
            solution = state_from_dict(lab, doc["solution"], _join(path, "solution"))
        except SceneError as exc:
            raise LessonError(exc.field, exc.message) from None
    return Step(
        title=_text(doc, "title", path, 120),
        text=_text(doc, "text", path, MAX_TEXT),
        lab=lab,
        state=state,
        goal=goal,
        solution=solution,
    )


def _goal(doc: Any, path: str, lab: str, depth: int) -> Goal:
    if depth > 3:
        raise LessonError(path, "goals nest at most 3 levels")
    if not isinstance(doc, dict):
        raise LessonError(path, "must be an object")
    _only(doc, {"text", "metric", "op", "value", "tol", "all"}, path)
    text = _text(doc, "text", path, 300, required=depth == 0)
    if "all" in doc:
        parts = doc["all"]
        if not isinstance(parts, list) or not parts or len(parts) > 8:
            raise LessonError(_join(path, "all"), "must be a list of 1 to 8 goals")
        return Goal(text=text, all=tuple(_goal(g, f"{path}.all[{i}]", lab, depth + 1) for i, g in enumerate(parts)))
    metric = _text(doc, "metric", path, 60)
    known = _known_metrics(lab)
    if known is not None and metric not in known:
        raise LessonError(
            _join(path, "metric"), f"the {lab} lab has no metric {metric!r}; it has: {', '.join(sorted(known))}"
        )
    op = doc.get("op", "==")
    if op not in OPS:
        raise LessonError(_join(path, "op"), f"must be one of {', '.join(OPS)}, got {op!r}")
    value = doc.get("value")
    if isinstance(value, (bool, str)):
        if op not in ("==", "!=") or (isinstance(value, str) and len(value) > 60):
            raise LessonError(_join(path, "value"), "text or true/false values only work with == and !=")
    elif isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise LessonError(_join(path, "value"), "must be a finite number")
        value = float(value)
    else:
        raise LessonError(_join(path, "value"), "must be a number, text or true/false")
    tol = doc.get("tol", 1e-6)
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not (0 <= tol < 1e6):
        raise LessonError(_join(path, "tol"), "must be a number between 0 and 1e6")
    return Goal(text=text, metric=metric, op=op, value=value, tol=float(tol))


_METRIC_CACHE: dict[str, frozenset[str] | None] = {}


def _known_metrics(lab: str) -> frozenset[str] | None:
    """Metric names the lab reports for its opening state (None when the lab is not in this build)."""
    if lab not in _METRIC_CACHE:
        try:
            _METRIC_CACHE[lab] = frozenset(labs.metrics(lab, labs.default_state(lab)))
        except (ImportError, AttributeError):
            _METRIC_CACHE[lab] = None
    return _METRIC_CACHE[lab]
