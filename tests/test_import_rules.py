"""The arrows of the house (docs/ARCHITECTURE.md): no circles, no private reach-ins, no shims, no mixins, labs apart.

Every rule reads the source with ``ast`` (no imports), so a violation names the file and line that breaks it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("engine", "gui")
HEAVY = ("scipy", "sympy", "OpenGL", "pyqtgraph.opengl", "matplotlib", "nbformat", "PyInstaller")


@dataclass
class Module:
    name: str
    path: Path
    tree: ast.Module
    imports: list[tuple[str, str | None, int, bool]] = field(default_factory=list)
    """(target module, imported name or None, line, inside a function)."""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _modules() -> dict[str, Module]:
    paths = [ROOT / "main.py"] + [p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))]
    mods = {_module_name(p): Module(_module_name(p), p, ast.parse(p.read_text(encoding="utf-8"))) for p in paths}
    for mod in mods.values():
        is_pkg = mod.path.name == "__init__.py"
        nested = {
            id(n)
            for f in ast.walk(mod.tree)
            if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
            for n in ast.walk(f)
        }
        for node in ast.walk(mod.tree):
            local = id(node) in nested
            if isinstance(node, ast.Import):
                mod.imports += [(a.name, None, node.lineno, local) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = mod.name.split(".")[: len(mod.name.split(".")) - node.level + (1 if is_pkg else 0)]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                for a in node.names:
                    full = f"{base}.{a.name}"
                    mod.imports.append(
                        (full, None, node.lineno, local) if full in mods else (base, a.name, node.lineno, local)
                    )
    return mods


MODS = _modules()


def _owner(target: str) -> str | None:
    """The project module an import lands in (``engine.stats.fit.fit_mle`` -> ``engine.stats.fit``)."""
    while target and target not in MODS:
        target = target.rpartition(".")[0]
    return target or None


def test_the_import_graph_has_no_circle() -> None:
    graph = {m: {o for t, _, _, _ in mod.imports if (o := _owner(t)) and o != m} for m, mod in MODS.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                circles.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for v in graph:
        if v not in index:
            visit(v)
    assert circles == []


def test_no_module_imports_another_modules_private_names() -> None:
    offenders = [
        f"{mod.path.relative_to(ROOT)}:{line} imports {name} from {target}"
        for mod in MODS.values()
        for target, name, line, _ in mod.imports
        if name and name.startswith("_") and not name.startswith("__") and _owner(target)
    ]
    assert offenders == []


def test_no_module_level_getattr_shims() -> None:
    offenders = [
        str(mod.path.relative_to(ROOT))
        for mod in MODS.values()
        for node in mod.tree.body
        if isinstance(node, ast.FunctionDef) and node.name == "__getattr__"
    ]
    assert offenders == []


def test_no_class_is_assembled_from_mixins() -> None:
    offenders = [
        f"{mod.path.relative_to(ROOT)}:{node.lineno} {node.name}"
        for mod in MODS.values()
        for node in ast.walk(mod.tree)
        if isinstance(node, ast.ClassDef)
        and ("Mixin" in node.name or len(node.bases) > 1 or any("Mixin" in ast.unparse(b) for b in node.bases))
    ]
    assert offenders == []


def test_labs_do_not_import_each_other() -> None:
    offenders = []
    for mod in MODS.values():
        parts = mod.name.split(".")
        if parts[:2] != ["gui", "labs"] or len(parts) < 3 or parts[2] == "base":
            continue
        for target, _, line, _ in mod.imports:
            t = target.split(".")
            if t[:2] == ["gui", "labs"] and len(t) > 2 and t[2] not in (parts[2], "base"):
                offenders.append(f"{mod.path.relative_to(ROOT)}:{line} imports {target}")
    assert offenders == []


def test_other_packages_use_an_engine_packages_front_door() -> None:
    """``from engine.stats import fit_mle``, never ``from engine.stats.fit import fit_mle``, outside engine/stats/."""
    packages = {p.name for p in (ROOT / "engine").iterdir() if (p / "__init__.py").exists()}
    offenders = []
    for mod in MODS.values():
        for node in ast.walk(mod.tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            for name in names:
                t = name.split(".")
                if t[0] == "engine" and len(t) > 2 and t[1] in packages and mod.name.split(".")[:2] != t[:2]:
                    offenders.append(f"{mod.path.relative_to(ROOT)}:{node.lineno} imports {name}")
    assert offenders == []


def test_function_level_imports_defer_something_heavy_or_say_why() -> None:
    """A function-level import either defers a heavy module or carries a comment saying why it is deferred."""
    offenders = []
    for mod in MODS.values():
        lines = mod.path.read_text(encoding="utf-8").splitlines()
        for target, _, line, local in mod.imports:
            if not local or target.startswith(HEAVY) or target in ("__future__",):
                continue
            here, above = lines[line - 1], lines[line - 2] if line > 1 else ""
            if "#" not in here and not above.strip().startswith("#"):
                offenders.append(f"{mod.path.relative_to(ROOT)}:{line} {here.strip()}")
    assert offenders == []


def test_engine_tests_import_no_qt() -> None:
    forbidden = ("PySide6", "shiboken6", "pyqtgraph", "gui", "pytestqt")
    offenders = []
    for path in (ROOT / "tests" / "engine").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in forbidden]
            if isinstance(node, ast.arg) and node.arg == "qtbot":
                offenders.append(f"{path.relative_to(ROOT)}: uses qtbot")
    assert offenders == []


BLOCK_QT = """
import sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6"):
            raise ImportError(name + " is not installed here")
        return None

sys.meta_path.insert(0, BlockQt())
import pytest
sys.exit(pytest.main(sys.argv[1:]))
"""


def test_engine_tests_pass_where_qt_cannot_be_imported() -> None:
    """The engine is usable (and tested) on a machine without PySide6/pyqtgraph, e.g. a notebook server."""
    args = ["-q", "-x", "tests/engine", "-p", "no:pytest-qt", "-p", "no:cacheprovider", "-o", "addopts="]
    args += ["-m", "not clean_interpreter"]  # their code runs in fresh interpreters that never see the block anyway
    args += ["-p", "no:xdist", "-p", "no:benchmark"]  # one process (this may itself run in an xdist worker)
    args += ["-W", "ignore::pytest.PytestConfigWarning"]
    out = subprocess.run([sys.executable, "-c", BLOCK_QT, *args], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert " passed" in out.stdout.strip().splitlines()[-1]
