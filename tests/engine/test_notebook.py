"""Notebooks from lessons and scenes: valid nbformat 4, the lesson's text as Markdown, code that runs anywhere.

Every bundled lesson's notebook is validated with ``nbformat`` and its code cells are run top to bottom, as a kernel
would, in a fresh ``python -I`` with ``MPLBACKEND=Agg`` where importing this project fails. The lessons are split over
two interpreters started together (the machine has two cores), each running its lessons in turn.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from engine import labs, lessons, scene
from engine.notebook import NotebookError, code_cells, lesson_notebook, notebook_for, scene_notebook, write_notebook
from engine.resources import resource_path

LESSON_FILES = sorted(resource_path("lessons").glob("*.mllesson"))

RUNNER = r'''
import importlib.abc, json, sys, traceback

class RefuseProject(importlib.abc.MetaPathFinder):
    """The notebook must not need this app: importing it fails as it would on a student's machine."""
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("engine", "gui", "main"):
            raise ModuleNotFoundError(f"No module named {name!r}")
        return None

sys.meta_path.insert(0, RefuseProject())
import warnings
warnings.filterwarnings("ignore", message=".*non-interactive.*")   # plt.show() under Agg

for path in sys.argv[1:]:            # one notebook after another, each in a fresh namespace like a new kernel
    cells = json.load(open(path, encoding="utf-8"))
    namespace = {"__name__": "__main__"}
    report = {"path": path, "cells": len(cells)}
    for k, source in enumerate(cells):
        try:
            exec(compile(source, f"{path}[cell {k}]", "exec"), namespace)
        except BaseException:
            report["error"] = f"cell {k}: " + traceback.format_exc(limit=3)[-1500:]
            break
    plt = sys.modules.get("matplotlib.pyplot")
    report["figures"] = len(plt.get_fignums()) if plt is not None else 0
    if plt is not None:
        plt.close("all")
    print("\n@@RESULT@@" + json.dumps(report), flush=True)
'''


@pytest.fixture(scope="module")
def notebooks() -> dict[str, dict]:
    return {p.stem: notebook_for(p) for p in LESSON_FILES}


@pytest.fixture(scope="module")
def runs(notebooks, tmp_path_factory) -> dict[str, dict]:
    """Run every lesson's code cells in two clean interpreters started together; collect one report per lesson."""
    root = tmp_path_factory.mktemp("notebooks")
    runner = root / "runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    paths = []
    for stem, nb in notebooks.items():
        p = root / f"{stem}.json"
        p.write_text(json.dumps(code_cells(nb)), encoding="utf-8")
        paths.append(p)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    env.update(MPLBACKEND="Agg", MPLCONFIGDIR=str(root / "mpl"))
    halves = [paths[0::2], paths[1::2]]
    procs = [
        subprocess.Popen([sys.executable, "-I", str(runner), *map(str, half)], cwd=root, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        for half in halves
    ]
    out: dict[str, dict] = {}
    for p in procs:
        stdout, stderr = p.communicate(timeout=170)
        for chunk in stdout.split("@@RESULT@@")[1:]:
            report = json.loads(chunk.splitlines()[0])
            out[Path(report["path"]).stem] = report
        out.setdefault("_stderr", {})[str(p.pid)] = stderr[-2000:]
    return out


@pytest.mark.parametrize("path", LESSON_FILES, ids=[p.stem for p in LESSON_FILES])
def test_every_bundled_lesson_gives_a_valid_notebook_with_its_text(path, notebooks):
    nb = notebooks[path.stem]
    nbformat.validate(nbformat.from_dict(nb), version=4)
    lesson = lessons.load(path)
    markdown = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert lesson.title in markdown
    for step in lesson.steps:
        assert step.title in markdown and step.text in markdown
        if step.goal is not None:
            assert step.goal.text in markdown
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert all("import engine" not in s and "from engine" not in s for s in code_cells(nb))


@pytest.mark.clean_interpreter
@pytest.mark.parametrize("path", LESSON_FILES, ids=[p.stem for p in LESSON_FILES])
def test_every_bundled_lesson_notebook_runs_clean_top_to_bottom_without_the_project(path, runs):
    report = runs.get(path.stem)
    assert report is not None, f"no report for {path.stem}; stderr: {runs.get('_stderr')}"
    assert "error" not in report, f"{path.stem}: {report['error']}"
    assert report["figures"] >= 1


def test_each_step_code_is_that_lab_code_for_the_step_state():
    """A step's code cell is the lab's own snippet of the step's state; a state-less step keeps the one before."""
    lesson = lessons.load(LESSON_FILES[0])
    nb = lesson_notebook(lesson)
    first = lesson.steps[0]
    assert code_cells(nb)[0] == labs.code(first.lab, first.state or labs.default_state(first.lab)).rstrip("\n")


def test_a_scene_gives_one_section_per_lab_the_lab_on_screen_first(tmp_path):
    sc = scene.Scene(
        states={"vectors": labs.default_state("vectors"), "matrices": labs.default_state("matrices")},
        current_lab="matrices",
        title="My scene",
    )
    path = tmp_path / "s.mlscene"
    scene.save(sc, path)
    nb = notebook_for(path)
    nbformat.validate(nbformat.from_dict(nb), version=4)
    cells = code_cells(nb)
    assert cells == [labs.code(n, sc.states[n]).rstrip("\n") for n in ("matrices", "vectors")]
    assert "# My scene" in "".join(nb["cells"][0]["source"])
    with pytest.raises(NotebookError, match="no lab"):
        scene_notebook(scene.Scene(states={}))


def test_bad_sources_and_targets_are_named_errors(tmp_path):
    with pytest.raises(NotebookError, match="no-such-lesson: no such file"):
        notebook_for("no-such-lesson")
    broken = tmp_path / "broken.mllesson"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(NotebookError, match="broken.mllesson: .*JSON"):
        notebook_for(broken)
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    with pytest.raises(NotebookError, match="not a lesson"):
        notebook_for(other)
    nb = notebook_for("vectors-dot-product")  # a bundled lesson by id
    with pytest.raises(NotebookError, match="missing"):
        write_notebook(nb, tmp_path / "missing" / "out.ipynb")
    target = tmp_path / "out.ipynb"
    write_notebook(nb, target)
    assert nbformat.read(str(target), as_version=4).cells[0].cell_type == "markdown"
