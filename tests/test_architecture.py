"""The house rules: a headless engine, one registry per floor that agree, heavy imports deferred."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import engine
from engine import labs as engine_labs
from gui import labs as gui_labs

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph", "gui")


def test_engine_source_never_imports_qt_or_gui() -> None:
    offenders = []
    for path in (ROOT / "engine").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_every_engine_module_loads_no_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(engine.__path__, "engine.")]
    assert "engine.optim.rules" in modules and "engine.stats.fit" in modules
    script = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print(json.dumps(sorted(k for k in sys.modules if k.split('.')[0] in {FORBIDDEN!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(out.stdout) == []


def test_the_two_lab_registries_agree_and_every_lab_has_its_contract() -> None:
    assert list(gui_labs.LABS) == list(engine_labs.LAB_NAMES)
    assert gui_labs.available() == list(engine_labs.LAB_NAMES)
    for name in engine_labs.LAB_NAMES:
        cls = gui_labs.lab_class(name)
        assert cls.name == name
        assert cls.state_type is engine_labs.state_type(name)
        module = engine_labs.lab_spec(name).load()
        assert callable(module.metrics) and callable(module.code)


def test_start_up_defers_heavy_modules() -> None:
    script = (
        "import os, sys, json\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import main\n"
        "from gui.app import MainWindow, make_application\n"
        "app = make_application()\n"
        "w = MainWindow(start_lab='vectors')\n"
        "print(json.dumps([m for m in ('sympy', 'scipy.stats', 'matplotlib', 'torch') if m in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []
