"""Lessons carry per-language text ("title_es" beside "title"); English is the fallback, never an empty text."""

from __future__ import annotations

import json

import pytest

from engine import i18n, lessons


def _doc(**step_extra) -> dict:
    step = {"title": "Drag u", "text": "Drag the tip.", "lab": "vectors", **step_extra}
    return {"format": "mllesson", "version": 1, "id": "t", "title": "Vectors", "title_es": "Vectores", "steps": [step]}


@pytest.fixture
def spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("en")


def test_spanish_fields_are_used_in_spanish(spanish) -> None:
    lesson = lessons.loads(json.dumps(_doc(title_es="Arrastra u", text_es="Arrastra la punta.")))
    assert lesson.title == "Vectores"
    assert (lesson.steps[0].title, lesson.steps[0].text) == ("Arrastra u", "Arrastra la punta.")


def test_missing_or_empty_translation_falls_back_to_english(spanish) -> None:
    lesson = lessons.loads(json.dumps(_doc(text_es="   ")))
    assert lesson.steps[0].title == "Drag u"
    assert lesson.steps[0].text == "Drag the tip."


def test_english_ignores_translations() -> None:
    lesson = lessons.loads(json.dumps(_doc(title_es="Arrastra u")))
    assert lesson.title == "Vectors" and lesson.steps[0].title == "Drag u"


@pytest.mark.parametrize("bad", [5, "x" * 7000])
def test_a_bad_translation_is_refused_with_its_field(bad) -> None:
    with pytest.raises(lessons.LessonError) as err:
        lessons.loads(json.dumps(_doc(text_es=bad)))
    assert "steps[0].text_es" in str(err.value) or "text_es" in str(err.value)


def test_unknown_language_field_is_still_refused() -> None:
    with pytest.raises(lessons.LessonError, match="title_xx"):
        lessons.loads(json.dumps(_doc(title_xx="?")))


def test_bundled_spanish_lesson(spanish) -> None:
    first = lessons.bundled()[0]
    assert first.title == "Vectores y producto escalar"
    assert all(s.title and s.text for s in first.steps)
    assert "perpendiculares" in first.steps[1].goal.text
