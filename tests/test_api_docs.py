"""docs/API.md and the front doors' docstrings are executed: every example prints what the page says it prints."""

from __future__ import annotations

import doctest
import importlib
import re
import sys
from pathlib import Path

import pytest

API = Path(__file__).resolve().parent.parent / "docs" / "API.md"

FRONT_DOOR_MODULES = [
    "engine.optim.trajectory",
    "engine.linalg.front",
    "engine.calculus.front",
    "engine.stats.distributions",
    "engine.inference.front",
    "engine.nn.front",
    "engine.classify.front",
    "engine.decomp.pca",
    "engine.decomp.markov",
]

FRONT_DOORS = {
    "optim": "run",
    "linalg": "describe",
    "calculus": "derivative",
    "stats": "sample",
    "inference": "t_test",
    "nn": "train",
    "classify": "logistic_regression",
    "decomp": "pca",
    "vectors": "dot",
    "prob": "bayes_test",
}


def test_every_example_in_docs_api_md_runs_and_prints_what_it_says():
    result = doctest.testfile(str(API), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.attempted >= 40, "docs/API.md lost its examples"
    assert result.failed == 0, f"{result.failed} example(s) in docs/API.md failed (see the output above)"


def test_docs_api_md_has_only_doctest_blocks():
    """Only ``pycon`` blocks are executed: a ``python`` block would be an example that nothing checks."""
    fences = re.findall(r"^```(\w*)", API.read_text(encoding="utf-8"), flags=re.MULTILINE)
    languages = {f for f in fences if f}
    assert languages == {"pycon"}, languages


@pytest.mark.parametrize("module", FRONT_DOOR_MODULES)
def test_front_door_docstring_examples_run(module):
    importlib.import_module(module)
    result = doctest.testmod(sys.modules[module], optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(("package", "name"), sorted(FRONT_DOORS.items()))
def test_each_package_lists_its_front_door_and_the_page_shows_it(package, name):
    mod = importlib.import_module(f"engine.{package}")
    assert name in mod.__all__ and callable(getattr(mod, name))
    assert f"{package}.{name}(" in API.read_text(encoding="utf-8")
    assert getattr(mod, name).__doc__, f"engine.{package}.{name} has no docstring"
