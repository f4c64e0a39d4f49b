"""engine.scene: scene files round-trip every lab and refuse hostile input with a message naming the field."""

from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import labs, scene
from engine.scene import MAX_BYTES, Scene, SceneError


def _all_defaults() -> dict:
    return {spec.name: labs.default_state(spec.name) for spec in labs.LABS}


def test_every_lab_round_trips_through_a_file(tmp_path) -> None:
    states = _all_defaults()
    states["vectors"] = replace(states["vectors"], vectors=((1.5, -2.0), (0.0, 3.25)), snap=True)
    original = Scene(states=states, current_lab="matrices", title="class 3")
    path = tmp_path / "s.mlscene"
    scene.save(original, path)
    loaded = scene.load(path)
    assert loaded.current_lab == "matrices"
    assert loaded.title == "class 3"
    assert set(loaded.states) == {s.name for s in labs.LABS}
    for name, state in states.items():
        assert loaded.states[name] == state, name


def test_document_shape_is_versioned_json() -> None:
    doc = json.loads(scene.dumps(Scene(states={"vectors": labs.default_state("vectors")})))
    assert doc["format"] == "mlscene" and doc["version"] == scene.VERSION
    assert set(doc["labs"]) == {"vectors"}


def _doc(**over) -> str:
    doc = {"format": "mlscene", "version": 1, "labs": {}}
    doc.update(over)
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("", "", "JSON"),
        ("{", "", "JSON"),
        ("[1, 2]", "", "object"),
        (_doc(format="png"), "format", "mlscene"),
        (_doc(version=99), "version", "newer"),
        (_doc(version=0), "version", "unknown"),
        (_doc(version="1"), "version", "whole"),
        (_doc(labs=[]), "labs", "object"),
        (_doc(labs={"chess": {}}), "labs.chess", "unknown lab"),
        (_doc(current_lab="chess"), "current_lab", "unknown lab"),
        (_doc(extra=1), "extra", "unknown field"),
        (_doc(labs={"vectors": {"vectors": [[1, "a"], [2, 3]]}}), "labs.vectors.vectors[0][1]", "number"),
        (_doc(labs={"vectors": {"vectors": [[1, 2]] * 10_000}}), "labs.vectors.vectors", "at most"),
        (_doc(labs={"vectors": {"vectors": [[1, 1e300], [2, 3]]}}), "labs.vectors.vectors[0][1]", "between"),
        (_doc(labs={"vectors": {"bogus": 1}}), "labs.vectors.bogus", "unknown"),
        (_doc(labs={"vectors": 5}), "labs.vectors", "object"),
        ('{"format": "mlscene", "version": 1, "labs": {"vectors": {"scalar_c": NaN}}}', "", "NaN"),
        (
            '{"format": "mlscene", "version": 1, "labs": {"vectors": {"scalar_c": 1e999}}}',
            "labs.vectors.scalar_c",
            "finite",
        ),
        ("[" * 100_000 + "]" * 100_000, "", "nested"),
        ('{"a": "' + "x" * (MAX_BYTES + 10) + '"}', "", "at most"),
        ('{"format": "mlscene", "version": 1, "title": ' + "9" * 5000 + "}", "", "JSON"),
    ],
)
def test_hostile_documents_are_refused_with_the_field(text: str, field: str, words: str) -> None:
    with pytest.raises(SceneError) as info:
        scene.loads(text)
    assert info.value.field == field
    assert words in str(info.value)


def test_unreadable_files_get_messages(tmp_path) -> None:
    with pytest.raises(SceneError, match="no such file"):
        scene.load(tmp_path / "missing.mlscene")
    binary = tmp_path / "b.mlscene"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(SceneError, match="UTF-8"):
        scene.load(binary)
    big = tmp_path / "big.mlscene"
    big.write_bytes(b" " * (MAX_BYTES + 1))
    with pytest.raises(SceneError, match="at most"):
        scene.load(big)
    with pytest.raises(SceneError, match="cannot read"):
        scene.load(tmp_path)  # a folder


def test_expressions_in_scenes_go_through_the_safe_parser() -> None:
    bad = _doc(labs={"derivatives": {"expression": "__import__('os').system('echo hi')"}})
    with pytest.raises(SceneError) as info:
        scene.loads(bad)
    assert info.value.field.startswith("labs.derivatives.")
    assert "expression" in str(info.value)


def test_interrupted_save_leaves_the_old_file_readable(tmp_path, monkeypatch) -> None:
    path = tmp_path / "lesson.mlscene"
    old = Scene(states={"vectors": labs.default_state("vectors")}, title="old")
    scene.save(old, path)

    def crash(*_args, **_kwargs):
        raise KeyboardInterrupt("killed between write and rename")

    monkeypatch.setattr(os, "replace", crash)
    new = Scene(states={"vectors": replace(labs.default_state("vectors"), snap=True)}, title="new")
    with pytest.raises(KeyboardInterrupt):
        scene.save(new, path)
    monkeypatch.undo()
    assert scene.load(path).title == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["lesson.mlscene"]  # no temp file left behind


def test_migrations_run_in_order(monkeypatch) -> None:
    monkeypatch.setattr(scene, "VERSION", 2)

    def rename_name_to_title(doc: dict) -> dict:
        doc = dict(doc)
        doc["title"] = doc.pop("name", "")
        return doc

    monkeypatch.setitem(scene.MIGRATIONS, 1, rename_name_to_title)
    doc = {"format": "mlscene", "version": 1, "name": "renamed field", "labs": {}}
    assert scene.loads(json.dumps(doc)).title == "renamed field"


json_leaf = st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.floats() | st.text(max_size=12)
json_tree = st.recursive(
    json_leaf, lambda t: st.lists(t, max_size=5) | st.dictionaries(st.text(max_size=10), t, max_size=5), max_leaves=30
)
lab_names = st.sampled_from([s.name for s in labs.LABS] + ["x", ""])


@given(st.dictionaries(lab_names, st.dictionaries(st.text(max_size=12), json_tree, max_size=4), max_size=3))
def test_random_lab_payloads_load_or_name_a_field(payload: dict) -> None:
    text = json.dumps({"format": "mlscene", "version": 1, "labs": payload})
    try:
        loaded = scene.loads(text)
    except SceneError as exc:
        assert exc.field == "" or exc.field.startswith("labs")
    else:
        assert set(loaded.states) <= set(payload)


@given(st.text(max_size=300))
def test_random_text_never_crashes(text: str) -> None:
    try:
        scene.loads(text)
    except SceneError as exc:
        assert str(exc)
