"""The main window: navigation, menus, About, shortcuts, error handling, themes and presenter mode."""

from __future__ import annotations

import sys

from PySide6 import QtCore, QtWidgets

from engine import __version__
from engine.labs import LAB_NAMES
from gui import theme
from gui.app import install_exception_hook


def test_navigator_click_switches_lab(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    nav = win.navigator
    assert win.current_lab_name() == "vectors"
    for row, name in enumerate(LAB_NAMES):
        rect = nav.visualItemRect(nav.item(row))
        qtbot.mouseClick(nav.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=rect.center())
        assert win.current_lab_name() == name
        assert win.current_lab().isVisible()
    assert len(win.created_labs()) == len(LAB_NAMES)


def test_lab_shortcuts_and_menu(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    qtbot.keyClick(win, QtCore.Qt.Key.Key_2, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert win.current_lab_name() == "matrices"
    table = dict(win.shortcut_table())
    for action in (
        "Undo",
        "Redo",
        "Presenter mode",
        "Save scene",
        "Open scene…",
        "Export view as PNG…",
        "Show the code",
        "Lessons panel",
        "Keyboard shortcuts",
    ):
        assert action in table, f"{action} has no shortcut"
    assert len(set(table.values())) == len(table), "two actions share a shortcut"


def test_about_box_names_app_and_version(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    win.about_action.trigger()
    box = next(w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMessageBox))
    assert "ML Math Sandbox" in box.text() and __version__ in box.text()
    box.close()


def test_shortcut_help_lists_shortcuts(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    qtbot.keyClick(win, QtCore.Qt.Key.Key_F1)
    box = next(w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMessageBox))
    assert "F11" in box.text() and "Ctrl+Z" in box.text()
    box.close()


def test_uncaught_exception_is_shown_not_fatal(lab_window, monkeypatch, capsys) -> None:
    win = lab_window("vectors")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_hook(lambda: win)
    try:
        raise ValueError("boom in a slot")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert "boom in a slot" in win.statusBar().currentMessage()
    assert "Traceback" in capsys.readouterr().err


def test_dark_theme_and_presenter_mode_keep_lab_states(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    lab = win.current_lab()
    from dataclasses import replace

    lab.edit(replace(lab.state(), snap=True), "snap")
    before = lab.state()
    try:
        win.dark_action.trigger()
        assert theme.current().dark
        assert win.current_lab().state() == before
        assert win.current_lab() is not lab  # rebuilt with the new pens
        width = theme.current().line_width
        win.presenter_action.trigger()
        assert theme.current().presenter and theme.current().line_width > width
        assert win.isFullScreen() or QtWidgets.QApplication.platformName() == "offscreen"
        assert win.current_lab().state() == before
        assert theme.current().font_pt > 10
    finally:
        win.presenter_action.setChecked(False)
        win.dark_action.setChecked(False)
    assert theme.current() == theme.Theme()


def test_undo_redo_after_theme_rebuild(lab_window) -> None:
    win = lab_window("vectors")
    from dataclasses import replace

    lab = win.current_lab()
    start = lab.state()
    lab.edit(replace(start, snap=not start.snap), "toggle snap")
    win.dark_action.trigger()
    try:
        win.undo_stack.undo()
        assert win.current_lab().state() == start
    finally:
        win.dark_action.setChecked(False)


def test_pixmap_cache_holds_the_cached_axes_of_two_1080p_plots_not_every_lab(lab_window) -> None:
    """Axes cache plot-sized pixmaps; at Qt's 10 MB default two visible plots at 1920×1080 evicted each other's."""
    from PySide6 import QtGui

    from gui.app import PIXMAP_CACHE_KB, make_application

    make_application()
    assert QtGui.QPixmapCache.cacheLimit() >= PIXMAP_CACHE_KB
    two_plots_axes_kb = 2 * 2 * (1176 * 685 * 4) // 1024  # two plots, two axes each, ARGB32: a 1080p lab's main plot
    assert QtGui.QPixmapCache.cacheLimit() >= two_plots_axes_kb
    assert PIXMAP_CACHE_KB <= 32 * 1024  # more keeps axes of labs no longer shown: +16 MB of the 300 MB budget
