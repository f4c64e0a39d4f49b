"""The main window remembers its look and layout between runs, and Edit → Reset preferences forgets them."""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

from gui import preferences, theme
from gui.i18n import apply_language, chosen_language

__all__ = [
    "restore_window",
    "save_window",
    "add_reset_preferences_action",
    "reset_preferences",
    "show_default_size",
    "DEFAULT_SIZE",
]

DEFAULT_SIZE = (1280, 800)
"""The window's size when nothing is remembered (or after Reset preferences)."""
ZOOM_RANGE = (0.5, 3.0)
"""A remembered UI zoom outside this range is ignored (View → Zoom offers 0.75–2)."""


def _set_checked(action: QtGui.QAction | None, on: bool) -> None:
    if action is not None:
        with QtCore.QSignalBlocker(action):
            action.setChecked(on)


def show_default_size(window: QtWidgets.QWidget) -> None:
    """:data:`DEFAULT_SIZE`, or the whole screen where the screen is smaller (a 1280×720 projector, a netbook).

    Maximised rather than resized to the screen: the window manager then fits the title bar and the task bar in too.
    """
    screen = window.screen() or QtGui.QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    small = room is not None and (room.width() < DEFAULT_SIZE[0] or room.height() < DEFAULT_SIZE[1])
    if small:  # (also sized to it: without a window manager, or before it acts, maximised is only a wish)
        window.resize(min(DEFAULT_SIZE[0], room.width()), min(DEFAULT_SIZE[1], room.height()))
    else:
        window.resize(*DEFAULT_SIZE)
    state = window.windowState() & ~QtCore.Qt.WindowState.WindowMaximized
    window.setWindowState(state | QtCore.Qt.WindowState.WindowMaximized if small else state)


def restore_window(window: Any) -> None:
    """Put back the remembered theme, presenter mode, geometry, docks and lab list; defaults for what is unreadable."""
    look = theme.current().with_(
        dark=preferences.read_bool(preferences.DARK, False),
        presenter=preferences.read_bool(preferences.PRESENTER, False),
        high_contrast=preferences.read_bool(preferences.HIGH_CONTRAST, False),
        zoom=preferences.read_float(preferences.ZOOM, 1.0, *ZOOM_RANGE),
    )
    _set_checked(window.dark_action, look.dark)
    _set_checked(window.presenter_action, look.presenter)
    _set_checked(getattr(window, "high_contrast_action", None), look.high_contrast)
    window._set_theme(look)
    geometry = preferences.read_bytes(preferences.GEOMETRY)
    if geometry is None or not window.restoreGeometry(geometry):
        show_default_size(window)
    docks = preferences.read_bytes(preferences.DOCKS)
    if docks is not None:
        window.restoreState(docks)
    pen_bar = getattr(window, "pen_toolbar", None)
    if pen_bar is not None:  # the pen is off at start, whatever the saved layout says
        pen_bar.setVisible(window.pen_action.isChecked())
    window.sidebar_action.setChecked(preferences.read_bool(preferences.LAB_LIST, True))
    if look.presenter:
        window.showFullScreen()


def save_window(window: Any) -> None:
    """Remember the window's look and layout (called when it closes)."""
    now = theme.current()
    store = preferences.store()
    for key, value in (
        (preferences.DARK, now.dark),
        (preferences.PRESENTER, now.presenter),
        (preferences.HIGH_CONTRAST, now.high_contrast),
        (preferences.ZOOM, float(now.zoom)),
        (preferences.LAB_LIST, window.sidebar_action.isChecked()),
        (preferences.GEOMETRY, window.saveGeometry()),
        (preferences.DOCKS, window.saveState()),
    ):
        store.setValue(key, value)
    store.sync()


def reset_preferences(window: Any) -> None:
    """Forget every preference and show the defaults now: light theme, normal mode, default size, panels closed."""
    old_language = chosen_language()
    preferences.reset()
    for action in (window.dark_action, window.presenter_action, getattr(window, "high_contrast_action", None)):
        _set_checked(action, False)
    window.sidebar_action.setChecked(True)
    for dock in window.findChildren(QtWidgets.QDockWidget):
        dock.setFloating(False)
        dock.hide()
    if window.isFullScreen():
        window.showNormal()
    show_default_size(window)
    rebuilt = theme.current() != theme.Theme()  # a theme change re-creates the labs
    if old_language:
        apply_language("")
    window._set_theme(theme.Theme())
    if old_language and not rebuilt:
        window._rebuild_labs()  # the labs in the system's language
    window.show_message(QtCore.QCoreApplication.translate("Preferences", "Preferences reset to the defaults."))


def add_reset_preferences_action(window: Any) -> QtGui.QAction:
    """Edit → Reset preferences (theme, presenter mode, window layout, folders, recent lessons, language)."""
    action = window.edit_menu.addAction(QtCore.QCoreApplication.translate("Preferences", "Reset &preferences"))
    action.setToolTip(
        QtCore.QCoreApplication.translate(
            "Preferences", "Forget the remembered theme, window layout, folders and recent lessons"
        )
    )
    action.triggered.connect(lambda: reset_preferences(window))
    window.reset_preferences_action = action
    return action
