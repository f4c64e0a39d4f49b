"""``main.py --self-test``: exercise every lab offscreen and print one line per check, frozen or not.

It is the smoke test of a packaged build (CI runs it on the frozen executable in a clean environment): every lab is
opened, dragged with a real mouse and edited through its public API (with undo and redo), its engine metrics are
computed, it is rendered and exported, a scene is saved and reloaded, and a corrupt scene is refused without harm.
A missing hidden import, data file or Qt plugin in the bundle shows up here as a FAIL line naming it.
"""

from __future__ import annotations

import faulthandler
import json
import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any

from gui.selftest.report import SelfTestReport, SkipCheck

__all__ = ["run_self_test", "BUILD_INFO", "build_info"]

BUILD_INFO = "build_info.json"
"""Written into the bundle's resources by packaging/mlsandbox.spec: the version and the labs present at build time."""


def build_info() -> dict[str, Any] | None:
    """The build manifest inside a frozen bundle (None when running from source)."""
    from engine.resources import resource_path  # deferred: a module missing from a frozen build becomes a FAIL line

    path = resource_path(BUILD_INFO)
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def run_self_test(out=None) -> int:
    """Open every registered lab offscreen, interact with it, save/reload a scene; 0 only if every check passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if sys.stderr is not None:
        faulthandler.enable()  # a crash in Qt still names the Python line it happened on
    report = SelfTestReport(out)
    work = Path(tempfile.mkdtemp(prefix="mlsandbox-selftest-"))
    # Keep autosave and settings of the self-test away from the user's real data folder.
    os.environ.setdefault("MLSANDBOX_DATA_DIR", str(work / "userdata"))
    old_hook = sys.excepthook
    sys.excepthook = lambda t, e, tb: report.slot_error("".join(traceback.format_exception(t, e, tb)))
    qt_messages = _collect_qt_messages()
    try:
        _run_checks(report, work)
    finally:
        sys.excepthook = old_hook
        shutil.rmtree(work, ignore_errors=True)
        from PySide6 import QtCore  # deferred: a module missing from a frozen build becomes a FAIL line

        QtCore.qInstallMessageHandler(None)
    status = report.summary()
    if qt_messages:  # e.g. a Qt plugin that failed to load in a frozen build: worth seeing, not a failure
        print(f"Qt said ({len(qt_messages)} distinct message(s)):", file=report.out)
        for text in list(qt_messages)[:10]:
            print(f"  {text}", file=report.out)
    return status


# Harmless messages of the offscreen platform, which would only bury the report.
QT_NOISE = ("does not support propagateSizeHints",)


def _collect_qt_messages() -> dict[str, None]:
    """Route Qt's own warnings into an ordered set instead of stderr, minus known noise."""
    from PySide6 import QtCore  # deferred: a module missing from a frozen build becomes a FAIL line

    seen: dict[str, None] = {}

    def handler(_kind, _context, message: str) -> None:
        if not any(noise in message for noise in QT_NOISE):
            seen.setdefault(message.strip(), None)

    QtCore.qInstallMessageHandler(handler)
    return seen


def _run_checks(report: SelfTestReport, work: Path) -> None:
    from engine import __version__  # deferred: a module missing from a frozen build becomes a FAIL line

    frozen = bool(getattr(sys, "frozen", False))
    print(
        f"ML Math Sandbox {__version__} self-test ({'frozen' if frozen else 'from source'}, Python "
        f"{sys.version.split()[0]}, {sys.platform}, QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')})",
        file=report.out,
        flush=True,
    )
    info = report.run("build manifest", _check_manifest) if frozen else None
    report.run("runtime libraries", _check_imports)
    app = report.run("application", _make_app)
    if app is None:
        return  # nothing below can run without a QApplication
    report.run("resources", _check_resources)
    report.run("spanish", _check_spanish)
    report.run("optimizer race process", _check_race_process)

    import pyqtgraph as pg  # deferred: a module missing from a frozen build becomes a FAIL line

    pg.setConfigOptions(mouseRateLimit=-1)  # deliver every scripted mouse move
    from gui import labs as lab_registry  # deferred: a module missing from a frozen build becomes a FAIL line
    from gui.app import MainWindow  # deferred: a module missing from a frozen build becomes a FAIL line
    from gui.selftest.labs import check_lab  # deferred: a module missing from a frozen build becomes a FAIL line

    win = MainWindow()
    win.ask_before_discarding = False  # no modal questions in an unattended run
    win.show_error_dialogs = False  # errors still reach the status bar, where the scene check reads them
    try:
        win.resize(1280, 800)
        win.show()
        app.processEvents()
        expected = set(info.get("labs", ())) if isinstance(info, dict) else set()
        present = set(lab_registry.available())
        for name in lab_registry.LABS:
            if name not in present:
                why = "missing from this build" if name in expected else "not built yet"
                status = report.run(f"lab {name}", lambda n=name, w=why: _missing(n, w, n in expected))
                del status
                continue
            check_lab(report, win, name, work)
        from gui.selftest.scene import check_scene  # deferred: a module missing from a frozen build becomes a FAIL line

        check_scene(report, win, work)
    finally:
        win.close()
        win.deleteLater()
        app.processEvents()


def _missing(name: str, why: str, fail: bool) -> None:
    message = f"gui.labs.{name} is {why}"
    if fail:
        raise RuntimeError(message)
    raise SkipCheck(message)


def _check_manifest() -> str:
    from engine import __version__  # deferred: a module missing from a frozen build becomes a FAIL line

    info = build_info()
    if info is None:
        raise FileNotFoundError(f"{BUILD_INFO} is missing from the bundle's resources")
    if info.get("version") != __version__:
        raise RuntimeError(f"bundle says version {info.get('version')!r} but engine.__version__ is {__version__!r}")
    return f"built {info.get('built', '?')} on {info.get('platform', '?')}, labs: {', '.join(info.get('labs', []))}"


# Everything the app loads lazily or dynamically: a freeze that forgot one of these breaks only when a user gets there.
RUNTIME_MODULES = (
    "numpy",
    "scipy.stats",
    "scipy.optimize",
    "scipy.linalg",
    "sympy",
    "pyqtgraph",
    "pyqtgraph.exporters",
    "PySide6.QtSvg",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtTest",
)


def _check_imports() -> str:
    import importlib  # deferred: a module missing from a frozen build becomes a FAIL line

    versions = []
    for mod in RUNTIME_MODULES:
        m = importlib.import_module(mod)
        if mod in ("numpy", "scipy.stats", "sympy", "pyqtgraph"):
            top = sys.modules[mod.split(".")[0]]
            versions.append(f"{mod.split('.')[0]} {getattr(top, '__version__', '?')}")
        del m
    import numpy as np  # deferred: a module missing from a frozen build becomes a FAIL line

    # OpenBLAS is what stripping breaks: do one real LAPACK call.
    a = np.array([[4.0, 1.0], [2.0, 3.0]])
    if not np.allclose(sorted(np.linalg.eigvals(a).real), [2.0, 5.0]):
        raise RuntimeError("numpy.linalg.eigvals gave a wrong answer (broken BLAS/LAPACK?)")
    import scipy.stats

    if abs(scipy.stats.norm.cdf(1.959963984540054) - 0.975) > 1e-12:
        raise RuntimeError("scipy.stats.norm.cdf gave a wrong answer")
    import sympy

    if sympy.diff(sympy.sympify("x**3"), sympy.Symbol("x")) != 3 * sympy.Symbol("x") ** 2:
        raise RuntimeError("sympy differentiation gave a wrong answer")
    return ", ".join(versions)


def _make_app():
    from PySide6 import QtWidgets  # deferred: a module missing from a frozen build becomes a FAIL line

    from engine import __version__  # deferred: a module missing from a frozen build becomes a FAIL line
    from gui.app import make_application  # deferred: a module missing from a frozen build becomes a FAIL line

    app = make_application()
    if app.applicationVersion() != __version__:
        raise RuntimeError(f"QApplication version {app.applicationVersion()!r} != {__version__!r}")
    if app.windowIcon().isNull():
        raise RuntimeError("the application icon (resources/icons/app.png) did not load")
    del QtWidgets
    return app


def _check_spanish() -> str:
    """The bundled Spanish catalogue loads: a known text comes out in Spanish, numbers take a decimal comma."""
    from gui.i18n import apply_language, fmt, translate  # deferred: missing in a frozen build = FAIL line

    try:
        if apply_language("es") != "es":
            raise RuntimeError("Spanish was not applied")
        word, number = translate("Access", "Describe"), fmt(0.5)
    finally:
        apply_language()  # back to the saved choice
    if word != "Describir":
        raise RuntimeError(f"the Spanish catalogue (i18n/mlsandbox_es.qm) did not load: 'Describe' stayed {word!r}")
    if "," not in number:
        raise RuntimeError(f"no decimal comma in Spanish: 0.5 -> {number!r}")
    return f"'Describe' -> {word!r}, 0.5 -> {number!r}"


def _check_race_process() -> str:
    """The Optimizer lab's worker process starts (in the frozen app: through freeze_support) and computes."""
    from gui.labs.optimizer.race_process import check_race_process  # deferred: missing in a frozen build = FAIL line

    return check_race_process()


def _check_resources() -> str:
    from PySide6 import QtGui  # deferred: a module missing from a frozen build becomes a FAIL line

    from engine.resources import resource_path, resource_root  # deferred: missing in a frozen build = FAIL line

    root = resource_root()
    if not root.is_dir():
        raise FileNotFoundError(f"resources folder missing: {root}")
    img = QtGui.QImage(str(resource_path("icons/app.png")))
    if img.isNull() or img.width() < 64:
        raise RuntimeError("icons/app.png is missing or unreadable (PNG image plugin?)")
    count = sum(1 for p in root.rglob("*") if p.is_file())
    return f"{count} files under {root}"
