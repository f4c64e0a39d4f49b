"""PySide6's per-import feature check must not keep every imported module's source in memory (issue 13)."""

from __future__ import annotations

import importlib
import linecache
import sys

from gui import import_hook


def _import_fresh(tmp_path, monkeypatch, name: str, text: str):
    (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    module = __import__(name)  # the builtin PySide6 replaced, as an import statement calls it
    monkeypatch.delitem(sys.modules, name)
    return module


def test_importing_a_module_leaves_no_source_in_linecache(tmp_path, monkeypatch) -> None:
    assert import_hook.install()
    module = _import_fresh(tmp_path, monkeypatch, "mlsb_plain_module", "VALUE = 1\n" * 2000)
    assert module.VALUE == 1
    assert module.__file__ not in linecache.cache  # PySide's own check would have read all 2000 lines into it


def test_the_check_answers_as_pysides_own(tmp_path, monkeypatch) -> None:
    assert import_hook.install()
    feature = sys.modules["shibokensupport.feature"]
    uses = _import_fresh(tmp_path, monkeypatch, "mlsb_uses_qt", "from PySide6 import QtCore  # noqa\nX = 2\n")
    plain = _import_fresh(tmp_path, monkeypatch, "mlsb_no_qt", "Y = 3\n")
    assert feature._mod_uses_pyside(uses) is True
    assert feature._mod_uses_pyside(plain) is False
    assert feature._mod_uses_pyside(sys) is False  # a built-in module has no source file
    assert feature.pyside_feature_dict.get("mlsb_uses_qt") == 0  # 0: may select features; -1: never looked at again
    assert feature.pyside_feature_dict.get("mlsb_no_qt") == -1


def test_install_is_idempotent() -> None:
    assert import_hook.install()
    first = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert import_hook.install()
    assert sys.modules["shibokensupport.feature"]._mod_uses_pyside is first
