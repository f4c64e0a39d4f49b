"""Lessons carry per-language text ("title_es" beside "title"); English is the fallback, never an empty text."""

from __future__ import annotations

import json
import re

import pytest

from engine import i18n, lessons
from engine.resources import resource_path


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


# --- every bundled lesson is fully translated (issue 15) ---------------------------------------------------------

_LESSON_FILES = sorted(resource_path("lessons").glob("*.mllesson"))


def _text_fields(node, path: str = ""):
    """(path, field, English, Spanish or None) for every per-language text field, goals nested in ``all`` included."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in lessons.TEXT_FIELDS and isinstance(value, str):
                yield f"{path}.{key}", key, value, node.get(f"{key}_es")
            elif isinstance(value, (dict, list)) and key not in ("state", "solution"):
                yield from _text_fields(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _text_fields(value, f"{path}[{i}]")


def _fields(path) -> list[tuple[str, str, str, str | None]]:
    return list(_text_fields(json.loads(path.read_text(encoding="utf-8"))))


def test_every_bundled_lesson_is_checked() -> None:
    assert len(_LESSON_FILES) >= 24
    assert sum(len(_fields(p)) for p in _LESSON_FILES) >= 300


@pytest.mark.parametrize("path", _LESSON_FILES, ids=lambda p: p.stem)
def test_every_text_field_has_a_spanish_text(path) -> None:
    missing = [where for where, _key, _en, es in _fields(path) if not (isinstance(es, str) and es.strip())]
    assert not missing, f"{path.name}: no Spanish text for {missing}"


@pytest.mark.parametrize("path", _LESSON_FILES, ids=lambda p: p.stem)
def test_spanish_texts_keep_the_markup_and_are_not_copies(path) -> None:
    for where, key, en, es in _fields(path):
        assert es is not None
        # Same bold/italic markup and the same paragraphs: a translation must not break or drop emphasis.
        assert es.count("**") == en.count("**"), f"{path.name}{where}: ** markup differs"
        assert es.count("\n\n") == en.count("\n\n"), f"{path.name}{where}: paragraphs differ"
        assert en.count("**Do:**") == es.count("**Haz:**"), f"{path.name}{where}: **Do:** is not **Haz:**"
        if key in ("text", "summary"):
            assert es != en, f"{path.name}{where}: the Spanish text is the English one"


def test_every_bundled_lesson_reads_in_spanish(spanish) -> None:
    spanish_lessons = lessons.bundled()
    i18n.set_language("en")
    english_lessons = lessons.bundled()
    assert len(spanish_lessons) == len(english_lessons) == len(_LESSON_FILES)
    for es, en in zip(spanish_lessons, english_lessons, strict=True):
        assert es.id == en.id and len(es.steps) == len(en.steps)
        assert es.summary != en.summary, es.id
        for s_es, s_en in zip(es.steps, en.steps, strict=True):
            assert s_es.text != s_en.text and s_es.title, (es.id, s_en.title)
            assert (s_es.goal is None) == (s_en.goal is None)
            if s_en.goal is not None and s_en.goal.text:
                assert s_es.goal.text and s_es.goal.text != s_en.goal.text, (es.id, s_en.goal.text)
            # goals, states and solutions are language-independent
            assert (s_es.state, s_es.solution, s_es.lab) == (s_en.state, s_en.solution, s_en.lab)
            if s_en.goal is not None:
                assert [g.metric for g in (s_en.goal.all or (s_en.goal,))] == [
                    g.metric for g in (s_es.goal.all or (s_es.goal,))
                ]


# --- Spanish texts write decimals with a comma, as the lab readouts beside them do ---------------------------------

# A decimal written with a point: digits '.' digits, not part of a dotted chain (a version "3.11.2") or of a word.
_POINT_DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+(?![\w]|\.\d)")
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


def _point_decimals(text: str) -> list[str]:
    """Decimals written with a point in ``text``, outside code: `backticks`, fenced blocks and indented code lines."""
    prose = "\n".join(line for line in _CODE.sub(" ", text).split("\n") if not line.startswith(("    ", "\t")))
    return _POINT_DECIMAL.findall(prose)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("p = 0.05 y 1.5 ×", ["0.05", "1.5"]),
        ("p = 0,05 y (1,5; 2), 10 000 puntos…", []),
        ("escribe `np.linspace(0, 1.5)` y luego…", []),
        ("la fórmula\n\n    x = 0.5·y\n\nen 2.5 s", ["2.5"]),
        ("Python 3.11.2, fichero v1.2, datos.csv, fin.", []),
    ],
)
def test_point_decimals_are_found_outside_code(text, found) -> None:
    assert _point_decimals(text) == found


@pytest.mark.parametrize("path", _LESSON_FILES, ids=lambda p: p.stem)
def test_spanish_texts_write_decimals_with_a_comma(path) -> None:
    wrong = [
        f"{where}_es: {number!r} (write {number.replace('.', ',')!r})"
        for where, _key, _en, es in _fields(path)
        for number in _point_decimals(es or "")
    ]
    assert not wrong, f"{path.name}: decimal point in Spanish text at " + "; ".join(wrong)
