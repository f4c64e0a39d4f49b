"""GUI test fixtures: a main window on a given lab, and a check that no test leaves a window open."""

from __future__ import annotations

import gc

import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtWidgets

pg.setConfigOptions(mouseRateLimit=-1)  # every mouse move is delivered, so short scripted drags register
_scene_init = pg.GraphicsScene.__init__


def _instant_drag_scene_init(self, *args, **kwargs):
    _scene_init(self, *args, **kwargs)
    self.minDragTime = 0  # scripted drags are fast; without this they count as clicks


pg.GraphicsScene.__init__ = _instant_drag_scene_init


@pytest.fixture(scope="session", autouse=True)
def _freeze_long_lived_objects(qapp):
    """Import everything long-lived once and move it out of the GC's sight (``gc.freeze``).

    Each test ends with ``gc.collect()`` (see below); without this, every collection rescans sympy, scipy and the
    labs' modules (about 0.3 s a test).
    """
    import importlib

    import scipy.stats  # noqa: F401
    import sympy  # noqa: F401

    from gui import labs

    for target in labs.LABS.values():
        importlib.import_module(target.split(":")[0])
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _no_leftover_windows(qapp):
    """Fail a test that leaves top-level windows open (they leak into later tests and hide bugs)."""
    pg.setConfigOptions(mouseRateLimit=-1)  # a test may have changed it; scripted drags need every move
    yield
    QtWidgets.QApplication.processEvents()
    left = [w for w in QtWidgets.QApplication.topLevelWidgets() if w.isVisible()]
    for w in left:
        w.close()
    QtWidgets.QApplication.processEvents()
    # Destroy closed windows here, at a quiet point: left to Python's cyclic GC, their Qt objects (pyqtgraph's view
    # menus among them) were once destroyed in the middle of a later test's pyqtgraph call, and ~QObject deadlocked.
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    gc.collect()
    QtWidgets.QApplication.processEvents()
    if left:
        names = ", ".join(f"{type(w).__name__}({w.windowTitle()!r})" for w in left)
        pytest.fail(f"test left top-level windows open: {names}")


@pytest.fixture
def lab_window(qtbot, tmp_path, monkeypatch):
    """Factory: ``win = lab_window("vectors")`` gives a shown MainWindow on that lab (closed after the test)."""
    monkeypatch.setenv("MLSANDBOX_DATA_DIR", str(tmp_path / "userdata"))
    from gui.app import MainWindow, make_application

    make_application()
    made = []

    def factory(name: str | None = None) -> "MainWindow":
        win = MainWindow(start_lab=name)
        win.ask_before_discarding = False  # no modal questions in tests (test_document turns it back on)
        win.show_error_dialogs = False
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=2000)  # so menu shortcuts (Ctrl+Z, F1 …) reach the window
        made.append(win)
        return win

    yield factory
    for win in made:
        win.close()


@pytest.fixture
def themed():
    """``themed(presenter)`` switches presenter mode on or off before a window is built, with the application's font
    (``theme.apply``, as the window's Presenter action does: the theme alone scales only fixed widths); restored after.
    """
    from gui import theme

    before = theme.current()
    app = QtWidgets.QApplication.instance()

    def switch(presenter: bool) -> None:
        theme.set_theme(before.with_(presenter=presenter))
        theme.apply(app)

    yield switch
    theme.set_theme(before)
    theme.apply(app)
