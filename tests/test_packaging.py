"""Packaging sanity without building: resources, versions, the spec's choices, the build script, icons, .desktop file.

The spec is executed here with PyInstaller's build steps replaced by recorders, so its hidden imports, exclusions,
names and Qt leaning are checked against the real installed PySide6 in a second, not a minute-long build.
"""

from __future__ import annotations

import ast
import configparser
import contextlib
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest

import engine
from engine.resources import resource_path, resource_root

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
PYPROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def load_build_script():
    """packaging/build.py as a module (packaging/ is a folder of files, deliberately not an importable package)."""
    spec = importlib.util.spec_from_file_location("mlsandbox_build_script", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


# --- resources -------------------------------------------------------------------------------------------------------
def test_resource_path_finds_every_bundled_file() -> None:
    files = [p for p in (ROOT / "resources").rglob("*") if p.is_file()]
    assert any(p.name == "app.png" for p in files)
    for p in files:
        rel = p.relative_to(ROOT / "resources").as_posix()
        found = resource_path(rel)
        assert found == p.resolve() and found.is_file(), rel


def test_resource_path_refuses_paths_outside_resources() -> None:
    with pytest.raises(ValueError, match="outside"):
        resource_path("../pyproject.toml")


def test_resource_root_follows_the_pyinstaller_bundle(monkeypatch, tmp_path) -> None:
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "resources" / "icons" / "app.png").write_bytes(b"png")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_root() == tmp_path / "resources"
    assert resource_path("icons/app.png") == (tmp_path / "resources" / "icons" / "app.png").resolve()


def test_resource_lookup_does_not_depend_on_the_working_directory(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    assert resource_path("icons/app.png").is_file()


def _string_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(n.lineno, n.value) for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_no_code_names_the_resources_folder_directly() -> None:
    """Only engine/resources.py knows where resources live; anything else must go through resource_path()."""
    offenders = []
    for path in [*ROOT.joinpath("engine").rglob("*.py"), *ROOT.joinpath("gui").rglob("*.py"), ROOT / "main.py"]:
        if path.name == "resources.py" and path.parent.name == "engine":
            continue
        for line, text in _string_literals(path):
            if re.match(r"^\.{0,2}/?resources[/\\]", text):
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {text!r}")
    assert not offenders, "read resources through engine.resources.resource_path():\n" + "\n".join(offenders)


# --- version ---------------------------------------------------------------------------------------------------------
def test_version_is_the_same_everywhere() -> None:
    assert engine.__version__ == PYPROJECT_VERSION
    assert load_build_script().version() == PYPROJECT_VERSION
    assert re.fullmatch(r"\d+\.\d+\.\d+([.-]?\w+)?", PYPROJECT_VERSION)


# --- the spec, executed with recorders instead of PyInstaller's build steps ------------------------------------------
class _Recorder:
    """Stands in for Analysis/PYZ/EXE/COLLECT/BUNDLE: keeps its arguments."""

    made: list[_Recorder] = []

    def __init__(self, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs
        self.kind = type(self).__name__
        _Recorder.made.append(self)


def _qt_binaries() -> list[tuple[str, str, str]]:
    """A realistic a.binaries: every Qt plugin, Qt library and PySide6 extension of the installed wheel."""
    import PySide6

    base = Path(PySide6.__file__).parent
    out = []
    for p in sorted(base.rglob("*")):
        if not p.is_file() or p.is_symlink():
            continue
        rel = p.relative_to(base.parent).as_posix()
        used_module = p.name.split(".")[0] in APP_QT_MODULES and ".abi3." in p.name
        wanted = (
            "/plugins/" in rel or "/Qt/lib/" in rel or used_module or p.name.startswith(("libpyside6.", "pyside6."))
        )
        if wanted and (p.suffix in (".so", ".dll", ".dylib") or ".so." in p.name or "/Qt/lib/" in rel):
            out.append((rel, str(p), "BINARY"))
    return out


# The PySide6 extension modules a real build of the app contains (the others are excluded by the spec).
APP_QT_MODULES = {"QtCore", "QtGui", "QtWidgets", "QtOpenGL", "QtOpenGLWidgets", "QtSvg", "QtTest"}
_collected: dict[str, list[str]] = {}


@pytest.fixture(autouse=True)
def _collect_submodules_once(monkeypatch) -> None:
    """collect_submodules imports the packages in a subprocess (slow); the answer is the same for every spec run."""
    from PyInstaller.utils import hooks

    real = hooks.collect_submodules

    def cached(package: str, *args, **kwargs) -> list[str]:
        if args or kwargs:
            return real(package, *args, **kwargs)
        if package not in _collected:
            _collected[package] = real(package)
        return list(_collected[package])

    monkeypatch.setattr(hooks, "collect_submodules", cached)


def run_spec(tmp_path: Path, monkeypatch, *spec_args: str, binaries=None, datas=None) -> SimpleNamespace:
    """Execute packaging/mlsandbox.spec as PyInstaller would, recording what it asks for."""
    made: list[_Recorder] = []
    monkeypatch.setattr(_Recorder, "made", made)

    class Analysis(_Recorder):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.binaries = list(binaries or [])
            self.datas = list(datas or []) + [(dest, src, "DATA") for src, dest in kwargs["datas"]]
            self.pure, self.scripts = [], []

    namespace = {
        "__name__": "__main__",
        "__file__": str(PACKAGING / "mlsandbox.spec"),
        "SPECPATH": str(PACKAGING),
        "SPEC": str(PACKAGING / "mlsandbox.spec"),
        "workpath": str(tmp_path / "work"),
        "DISTPATH": str(tmp_path / "dist"),
        "Analysis": Analysis,
        **{name: type(name, (_Recorder,), {}) for name in ("PYZ", "EXE", "COLLECT", "BUNDLE")},
    }
    monkeypatch.setattr(sys, "argv", ["pyinstaller", *spec_args])
    monkeypatch.setattr(sys, "path", list(sys.path))
    code = compile((PACKAGING / "mlsandbox.spec").read_text(encoding="utf-8"), "mlsandbox.spec", "exec")
    exec(code, namespace)  # our own spec file, run as PyInstaller runs it
    by_kind = {}
    for r in made:
        by_kind.setdefault(r.kind, r)
    return SimpleNamespace(ns=namespace, **{k.lower(): v for k, v in by_kind.items()})


@pytest.fixture(scope="module")
def qt_binaries() -> list[tuple[str, str, str]]:
    return _qt_binaries()


def test_spec_collects_every_lab_and_the_dynamic_imports(tmp_path, monkeypatch) -> None:
    from gui import labs as gui_labs

    spec = run_spec(tmp_path, monkeypatch)
    hidden = set(spec.analysis.kwargs["hiddenimports"])
    present = gui_labs.available()
    assert present, "no lab modules found at all"
    for name in present:
        assert gui_labs.LABS[name].split(":")[0] in hidden, name
    assert {"PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSvg", "sympy", "engine.scene"} <= hidden
    assert {"gui.selftest", "gui.selftest.labs", "gui.selftest.scene"} <= hidden
    excludes = set(spec.analysis.kwargs["excludes"])
    assert {"torch", "pytest", "hypothesis", "matplotlib", "IPython", "tkinter", "PyQt5", "PyQt6"} <= excludes
    assert not {"sympy", "scipy", "numpy", "pyqtgraph", "OpenGL", "PySide6.QtSvg", "PySide6.QtOpenGL"} & excludes


def test_spec_bundles_resources_and_a_manifest_of_the_labs(tmp_path, monkeypatch) -> None:
    import json

    from gui import labs as gui_labs

    spec = run_spec(tmp_path, monkeypatch)
    datas = spec.analysis.kwargs["datas"]
    assert (str(ROOT / "resources"), "resources") in datas
    manifest = [Path(src) for src, dest in datas if Path(src).name == "build_info.json"]
    assert len(manifest) == 1
    info = json.loads(manifest[0].read_text(encoding="utf-8"))
    assert info["version"] == PYPROJECT_VERSION
    assert info["labs"] == sorted(gui_labs.available())


def test_spec_names_the_builds_with_version_and_platform(tmp_path, monkeypatch) -> None:
    tag = load_build_script().platform_tag()
    onedir = run_spec(tmp_path, monkeypatch)
    assert onedir.collect.kwargs["name"] == f"mlsandbox-{PYPROJECT_VERSION}"
    assert onedir.exe.kwargs["name"] == "mlsandbox" and onedir.exe.kwargs["exclude_binaries"] is True
    onefile = run_spec(tmp_path, monkeypatch, "--onefile")
    assert onefile.exe.kwargs["name"] == f"mlsandbox-{PYPROJECT_VERSION}-{tag}"
    assert not hasattr(onefile, "collect")
    monkeypatch.setenv("MLSANDBOX_BUILD", "onefile")
    assert run_spec(tmp_path, monkeypatch).exe.kwargs["name"] == f"mlsandbox-{PYPROJECT_VERSION}-{tag}"
    for exe in (onedir.exe, onefile.exe):
        assert exe.kwargs["strip"] is False and exe.kwargs["upx"] is False  # stripping breaks numpy's OpenBLAS


def test_spec_keeps_the_qt_plugins_the_app_needs_and_drops_the_rest(tmp_path, monkeypatch, qt_binaries) -> None:
    translations = [
        ("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_es.qm", "/x/qtbase_es.qm", "DATA"),
    ]
    spec = run_spec(tmp_path, monkeypatch, binaries=qt_binaries, datas=translations)
    kept = {Path(dest).name for dest, _src, _kind in spec.analysis.binaries}
    for name in kept | {Path(d).name for d, _s, _k in qt_binaries}:
        assert name in {Path(d).name for d, _s, _k in qt_binaries}
    if sys.platform.startswith("linux"):
        must_keep = {
            "libqoffscreen.so",
            "libqxcb.so",
            "libqwayland.so",
            "libqsvg.so",
            "libqsvgicon.so",
            "libqxcb-glx-integration.so",
            "libQt6Core.so.6",
            "libQt6Gui.so.6",
            "libQt6Widgets.so.6",
            "libQt6Svg.so.6",
            "libQt6OpenGL.so.6",
            "libQt6OpenGLWidgets.so.6",
            "libQt6XcbQpa.so.6",
            "libicudata.so.73",
            "QtOpenGL.abi3.so",
            "QtSvg.abi3.so",
        }
        assert must_keep <= kept, must_keep - kept
        must_drop = {
            "libqeglfs.so",
            "libqvnc.so",
            "libqlinuxfb.so",
            "libqpdf.so",
            "libqtiff.so",
            "libqgtk3.so",
            "libqsqlite.so",
            "libqopensslbackend.so",
            "libqtvirtualkeyboardplugin.so",
            "libQt6Pdf.so.6",
            "libQt6Quick.so.6",
            "libQt6Qml.so.6",
            "libQt6Network.so.6",
        }
        present = {Path(d).name for d, _s, _k in qt_binaries}
        assert not (must_drop & present) & kept, (must_drop & present) & kept
    # Qt's own catalogues: only the Spanish base one (dialog buttons in Spanish); ours ship in resources/i18n
    assert [Path(d).name for d, _s, _k in spec.analysis.datas if d.endswith(".qm")] == ["qtbase_es.qm"]


def test_spec_strips_debug_info_only_from_the_interpreter(tmp_path, monkeypatch) -> None:
    from PyInstaller.depend import bindepend

    libpython = bindepend.get_python_library_path()
    import numpy

    blas = sorted((Path(numpy.__file__).parent.parent / "numpy.libs").glob("*openblas*"))
    if not (sys.platform.startswith("linux") and shutil.which("strip") and libpython and blas):
        pytest.skip("needs Linux, binutils' strip, a shared libpython and numpy's bundled OpenBLAS")
    binaries = [("libpython.so", libpython, "BINARY"), (f"numpy.libs/{blas[0].name}", str(blas[0]), "BINARY")]
    spec = run_spec(tmp_path, monkeypatch, binaries=binaries)
    after = {dest: src for dest, src, _kind in spec.analysis.binaries}
    assert after[f"numpy.libs/{blas[0].name}"] == str(blas[0])  # OpenBLAS untouched
    if after["libpython.so"] != libpython:  # it had debug sections to drop
        assert Path(after["libpython.so"]).stat().st_size < Path(libpython).stat().st_size
        assert Path(after["libpython.so"]).is_relative_to(tmp_path)


def test_unleaned_spec_keeps_translations(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MLSANDBOX_LEAN", "0")
    translations = [("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA")]
    spec = run_spec(tmp_path, monkeypatch, datas=translations)
    assert any(d.endswith("qtbase_de.qm") for d, _s, _k in spec.analysis.datas)


# --- build script ----------------------------------------------------------------------------------------------------
def test_clean_environment_has_no_python_on_path_and_a_fresh_home(monkeypatch, tmp_path) -> None:
    build = load_build_script()
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("VIRTUAL_ENV", "/somewhere/venv")
    monkeypatch.setenv("MLSANDBOX_DATA_DIR", "/somewhere")
    python_bin = str(Path(sys.executable).parent)
    monkeypatch.setenv("PATH", os.pathsep.join([python_bin, "/opt/venv/bin", "/usr/bin", "/bin"]))
    env = build.clean_env(tmp_path)
    assert "PYTHONPATH" not in env and "VIRTUAL_ENV" not in env and "MLSANDBOX_DATA_DIR" not in env
    entries = env["PATH"].split(os.pathsep)
    assert python_bin not in entries and "/opt/venv/bin" not in entries
    assert "/usr/bin" in entries
    assert env["HOME"] == str(tmp_path) and env["QT_QPA_PLATFORM"] == "offscreen"


def test_build_outputs_are_named_with_version_and_platform(tmp_path) -> None:
    build = load_build_script()
    assert build.onedir_exe(tmp_path).parent.name == f"mlsandbox-{PYPROJECT_VERSION}"
    name = build.onefile_exe(tmp_path).name
    assert name.startswith(f"mlsandbox-{PYPROJECT_VERSION}-{build.platform_tag()}")
    assert re.fullmatch(r"(linux|windows|macos|[a-z]+)-[a-z0-9_]+", build.platform_tag())


def test_check_only_without_a_build_fails_with_a_readable_message(monkeypatch, tmp_path, capsys) -> None:
    build = load_build_script()
    monkeypatch.setattr(build, "ROOT", tmp_path)
    assert build.main(["--onedir", "--check-only"]) == 1
    assert "expected build output is missing" in capsys.readouterr().err


def test_tree_size_counts_files_not_symlinks(tmp_path) -> None:
    build = load_build_script()
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 24)
    if hasattr(os, "symlink"):
        with contextlib.suppress(OSError):  # Windows without developer mode
            (tmp_path / "link").symlink_to(tmp_path / "a")
    assert build.tree_size(tmp_path) == (1024, 2)


def test_ci_script_runs_the_frozen_self_test() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python packaging/build.py --onedir --ci-self-test" in ci


# --- icons and desktop integration -----------------------------------------------------------------------------------
def test_icons_are_valid_and_complete() -> None:
    png = (ROOT / "resources/icons/app.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (256, 256)

    ico = (ROOT / "resources/icons/app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    sizes = set()
    for i in range(count):
        w, h, _c, _r, _planes, _bpp, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i])
        sizes.add(w or 256)
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
    assert {16, 32, 48, 256} <= sizes

    icns = (ROOT / "resources/icons/app.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    types, pos = [], 8
    while pos < len(icns):
        types.append(icns[pos : pos + 4].decode("ascii"))
        pos += struct.unpack(">I", icns[pos + 4 : pos + 8])[0]
    assert pos == len(icns) and {"ic07", "ic08", "ic09", "ic10"} <= set(types)


def test_committed_icon_matches_the_generator(qapp) -> None:
    """resources/icons/app.png is what packaging/make_icon.py draws (re-run it after changing the drawing)."""
    from PySide6 import QtGui

    spec = importlib.util.spec_from_file_location("mlsandbox_make_icon", PACKAGING / "make_icon.py")
    make_icon = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icon)
    drawn = make_icon.draw_icon(256).convertToFormat(QtGui.QImage.Format.Format_ARGB32)
    committed = QtGui.QImage(str(ROOT / "resources/icons/app.png")).convertToFormat(QtGui.QImage.Format.Format_ARGB32)
    assert committed.size() == drawn.size()
    differing = sum(1 for x in range(0, 256, 4) for y in range(0, 256, 4) if drawn.pixel(x, y) != committed.pixel(x, y))
    assert differing < 40, f"{differing} sampled pixels differ: run python packaging/make_icon.py"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)  # strict: duplicate keys are errors
    parser.optionxform = str
    parser.read_string((PACKAGING / "mlsandbox.desktop").read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def test_desktop_file_is_valid() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "ML Math Sandbox"
    assert entry["Exec"].split()[0] == "mlsandbox"
    assert set(re.findall(r"%[a-zA-Z]", entry["Exec"])) <= {"%f", "%F", "%u", "%U"}
    assert entry["Icon"] == "mlsandbox" and "/" not in entry["Icon"]  # a theme name, installed from app.png
    assert entry["Terminal"] == "false"
    categories = entry["Categories"]
    assert categories.endswith(";") and "Education" in categories.split(";")
    for key in ("Categories", "Keywords", "MimeType"):
        assert entry[key].endswith(";"), key
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run([validator, str(PACKAGING / "mlsandbox.desktop")], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_desktop_file_mime_type_is_defined() -> None:
    import xml.etree.ElementTree as ET

    mime = _desktop_entry()["MimeType"].rstrip(";")
    root = ET.parse(PACKAGING / "mlsandbox-mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kinds = root.findall("m:mime-type", ns)
    assert [k.get("type") for k in kinds] == [mime]
    assert kinds[0].find("m:glob", ns).get("pattern") == "*.mlscene"


def test_packaging_is_not_an_importable_package() -> None:
    assert not (PACKAGING / "__init__.py").exists()  # it would shadow the `packaging` library PyInstaller needs
    import packaging as library

    assert Path(library.__file__).resolve().parent != PACKAGING


# --- the self-test, unfrozen -----------------------------------------------------------------------------------------
def test_self_test_passes_from_source_without_a_writable_home(tmp_path) -> None:
    """`main.py --self-test` from source, with HOME missing and the data folder unusable (a file is in the way)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder would go")
    env = dict(os.environ, HOME="/nonexistent", MLSANDBOX_DATA_DIR=str(blocker / "data"), QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    out = done.stdout
    assert "self-test:" in out, done.stderr[-2000:]
    assert done.returncode == 0, out[-3000:] + done.stderr[-2000:]
    assert re.search(r"self-test: \d+ passed, 0 failed", out)
    from gui import labs as gui_labs

    for name in gui_labs.LABS:
        assert re.search(rf"^(PASS|SKIP)  lab {name}", out, re.M), name
    for name in gui_labs.available():
        for check in ("open", "mouse drag", "edit, undo, redo", "render window", "export PNG", "export SVG"):
            assert re.search(rf"^PASS  lab {name}: {re.escape(check)}", out, re.M), f"{name}: {check}"
    assert re.search(r"^PASS  scene: save and reload", out, re.M)
    assert re.search(r"^PASS  scene: corrupt and missing files refused", out, re.M)


def test_spec_bundles_the_spanish_catalogue(tmp_path, monkeypatch) -> None:
    """resources/ goes in whole, so the compiled Spanish catalogue is in the frozen build (its self-test loads it)."""
    spec = run_spec(tmp_path, monkeypatch)
    assert (str(ROOT / "resources"), "resources") in spec.analysis.kwargs["datas"]
    assert (ROOT / "resources" / "i18n" / "mlsandbox_es.qm").is_file()
