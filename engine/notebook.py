"""A Jupyter notebook from a lesson or a scene: the text as Markdown cells, each step's "show the code" as code cells.

The notebook is what a student takes home, so its code cells are the labs' standalone snippets (numpy, scipy,
matplotlib, sympy where exact arithmetic is the point; nothing of this app) and every output is empty. The file is
nbformat 4.5 JSON written directly, so exporting needs no extra package (the frozen app has no Jupyter libraries);
when ``nbformat`` is installed it validates the notebook before it is written, and the tests validate every bundled
lesson's notebook with it and run its code top to bottom in a fresh interpreter.

Example::

    from engine.notebook import notebook_for, write_notebook
    write_notebook(notebook_for("01-vectors-dot-product"), "vectors.ipynb")
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from engine import labs, lessons, scene
from engine.i18n import translate
from engine.resources import resource_path

__all__ = [
    "NotebookError",
    "lesson_notebook",
    "scene_notebook",
    "notebook_for",
    "notebook_json",
    "write_notebook",
    "code_cells",
]

NBFORMAT, NBFORMAT_MINOR = 4, 5


class NotebookError(ValueError):
    """A notebook cannot be made or written; the message names the lesson, scene or file and what is wrong."""


def _cell_source(text: str) -> list[str]:
    """Notebook cells store their text as a list of lines, each keeping its newline (the last without one)."""
    return text.splitlines(keepends=True)


def _markdown(text: str, n: int) -> dict[str, Any]:
    return {"cell_type": "markdown", "id": f"md-{n}", "metadata": {}, "source": _cell_source(text)}


def _code(text: str, n: int) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "id": f"code-{n}",
        "metadata": {},
        "execution_count": None,
        "outputs": [],
        "source": _cell_source(text.rstrip("\n")),
    }


def _notebook(cells: list[dict[str, Any]], title: str) -> dict[str, Any]:
    return {
        "nbformat": NBFORMAT,
        "nbformat_minor": NBFORMAT_MINOR,
        "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
            "title": title,
        },
        "cells": cells,
    }


def _numbered(cells: list[tuple[str, str]]) -> list[dict[str, Any]]:
    out = []
    for n, (kind, text) in enumerate(cells):
        out.append(_markdown(text, n) if kind == "markdown" else _code(text, n))
    return out


def lesson_notebook(lesson: lessons.Lesson) -> dict[str, Any]:
    """The notebook of a lesson: title and summary, then per step its text, its goal and the code of its state.

    A step without a state of its own keeps the lab's state of the step before (as the app does); a code cell equal to
    one already in the notebook is not repeated, a Markdown line says so.
    """
    cells: list[tuple[str, str]] = []
    head = f"# {lesson.title}\n"
    if lesson.summary:
        head += f"\n{lesson.summary}\n"
    head += "\n" + translate(
        "notebook",
        "Made with ML Math Sandbox. Each code cell runs on its own with numpy, scipy and matplotlib "
        "(sympy where exact arithmetic is the point): change a number and run it again.",
    )
    cells.append(("markdown", head))
    states: dict[str, Any] = {}
    shown: set[str] = set()
    for i, step in enumerate(lesson.steps, start=1):
        state = step.state if step.state is not None else states.get(step.lab, labs.default_state(step.lab))
        states[step.lab] = state
        text = f"## {i}. {step.title}\n\n{step.text}\n"
        if step.goal is not None:
            text += "\n**" + translate("notebook", "Goal") + ":** " + step.goal.text + "\n"
        cells.append(("markdown", text))
        code = labs.code(step.lab, state)
        if code in shown:
            same = translate("notebook", "The code for this step is the same as above.")
            cells.append(("markdown", f"*{same}*"))
        else:
            shown.add(code)
            cells.append(("code", code))
    return _notebook(_numbered(cells), lesson.title)


def scene_notebook(sc: scene.Scene, title: str = "") -> dict[str, Any]:
    """The notebook of a scene: one section per lab it holds (the lab on screen first), each with its code."""
    name = sc.title or title or translate("notebook", "Scene")
    cells: list[tuple[str, str]] = [("markdown", f"# {name}\n")]
    order = sorted(sc.states, key=lambda lab: (lab != sc.current_lab, labs.LAB_NAMES.index(lab)))
    for lab in order:
        cells.append(("markdown", f"## {labs.lab_spec(lab).title}\n"))
        cells.append(("code", labs.code(lab, sc.states[lab])))
    if not order:
        raise NotebookError(translate("notebook", "the scene holds no lab, so there is no code to put in a notebook"))
    return _notebook(_numbered(cells), name)


def _bundled_lesson_path(name: str) -> Path | None:
    folder = resource_path("lessons")
    for path in sorted(folder.glob("*.mllesson")):
        if name in (path.name, path.stem) or path.stem.split("-", 1)[-1] == name:
            return path
    return None


def notebook_for(source: str | os.PathLike[str]) -> dict[str, Any]:
    """The notebook of a lesson or scene file (``.mllesson`` / ``.mlscene``), or of a bundled lesson by name or id.

    Raises NotebookError naming the source when it is neither, or when the file fails to load (with the reason).
    """
    path = Path(source)
    if not path.exists():
        found = _bundled_lesson_path(str(source))
        if found is None:
            raise NotebookError(
                translate("notebook", "{source}: no such file, and no bundled lesson has that name").format(
                    source=source
                )
            )
        path = found
    try:
        if path.suffix == ".mlscene":
            return scene_notebook(scene.load(path), path.stem)
        if path.suffix == ".mllesson":
            return lesson_notebook(lessons.load(path))
    except (lessons.LessonError, scene.SceneError) as exc:
        raise NotebookError(f"{path}: {exc}") from None
    raise NotebookError(
        translate("notebook", "{path}: not a lesson (.mllesson) or a scene (.mlscene)").format(path=path)
    )


def code_cells(notebook: dict[str, Any]) -> list[str]:
    """The source of every code cell, in order (what a kernel would run top to bottom)."""
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def notebook_json(notebook: dict[str, Any]) -> str:
    """The notebook as .ipynb text; validated with nbformat first when nbformat is installed."""
    try:
        import nbformat  # optional: the frozen app ships without it; the tests always validate with it
    except ImportError:
        nbformat = None
    if nbformat is not None:
        try:
            nbformat.validate(nbformat.from_dict(notebook), version=NBFORMAT)
        except nbformat.ValidationError as exc:
            raise NotebookError(f"the notebook is not valid nbformat {NBFORMAT}: {exc.message}") from None
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def write_notebook(notebook: dict[str, Any], path: str | os.PathLike[str]) -> None:
    """Write the notebook atomically (a temporary file renamed over the target); NotebookError naming the file."""
    target = Path(path)
    text = notebook_json(notebook)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise NotebookError(f"{target}: {exc.strerror or exc}") from None
