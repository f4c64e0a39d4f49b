"""What the app remembers between runs (QSettings): look, window layout, last folders, recent lessons.

One settings store for the whole app (the language choice in gui/i18n.py uses it too). Every value is read back
through a typed reader that checks it: a settings file that is corrupt, hand-edited or written by another version
gives the default for that key, never an error.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from PySide6 import QtCore

__all__ = [
    "ORGANIZATION",
    "APPLICATION",
    "DARK",
    "PRESENTER",
    "HIGH_CONTRAST",
    "ZOOM",
    "LAB_LIST",
    "GEOMETRY",
    "DOCKS",
    "RECENT_LESSONS",
    "MAX_RECENT_LESSONS",
    "store",
    "read_bool",
    "read_float",
    "read_bytes",
    "read_paths",
    "write",
    "folder",
    "remember_folder",
    "add_recent_lesson",
    "recent_lessons",
    "reset",
]

ORGANIZATION = APPLICATION = "ML Math Sandbox"
DARK = "ui/dark"
PRESENTER = "ui/presenter"
HIGH_CONTRAST = "ui/high_contrast"
ZOOM = "ui/zoom"
LAB_LIST = "ui/lab_list"
GEOMETRY = "window/geometry"
DOCKS = "window/docks"
RECENT_LESSONS = "recent/lessons"
MAX_RECENT_LESSONS = 8
_FOLDER = "folders/{0}"


def store() -> QtCore.QSettings:
    """The user's settings (tests point QSettings.setPath at a temporary folder so they never touch the real one)."""
    return QtCore.QSettings(ORGANIZATION, APPLICATION)


def _raw(key: str) -> Any:
    settings = store()
    if settings.status() != QtCore.QSettings.Status.NoError:
        return None
    return settings.value(key)


def read_bool(key: str, default: bool) -> bool:
    """A remembered on/off choice; ``default`` when absent or not a clear true/false."""
    value = _raw(key)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return default


def read_float(key: str, default: float, lo: float, hi: float) -> float:
    """A remembered number inside ``lo..hi``; ``default`` when absent, not a finite number or out of range."""
    value = _raw(key)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) and lo <= number <= hi else default


def read_bytes(key: str) -> QtCore.QByteArray | None:
    """A remembered blob (window geometry, dock layout); None when absent or not bytes."""
    value = _raw(key)
    return value if isinstance(value, QtCore.QByteArray) and not value.isEmpty() else None


def read_paths(key: str) -> list[str]:
    """A remembered list of file paths (a single one reads back as text from an INI file); [] when not paths."""
    value = _raw(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str) and v and "\0" not in v]


def write(key: str, value: Any) -> None:
    """Remember ``value`` under ``key`` (written when the settings object goes, or at the next sync)."""
    settings = store()
    settings.setValue(key, value)
    settings.sync()


def folder(kind: str, fallback: str = "") -> str:
    """The folder last used for ``kind`` of file ("scenes", "lessons", "exports") if it still exists."""
    paths = read_paths(_FOLDER.format(kind))
    if paths and Path(paths[0]).is_dir():
        return paths[0]
    return fallback


def remember_folder(kind: str, path: str | Path) -> None:
    """Remember the folder of ``path`` (a file just opened or saved) for the next dialog of that kind."""
    write(_FOLDER.format(kind), str(Path(path).parent))


def add_recent_lesson(path: str | Path) -> None:
    """Put a lesson file at the top of the recent lessons."""
    text = str(Path(path).resolve())
    items = [text] + [p for p in recent_lessons() if p != text]
    write(RECENT_LESSONS, items[:MAX_RECENT_LESSONS])


def recent_lessons() -> list[str]:
    """Recently opened lesson files that still exist, newest first."""
    return [p for p in read_paths(RECENT_LESSONS) if Path(p).is_file()]


def reset() -> None:
    """Forget every preference (Edit → Reset preferences); the app then uses its defaults."""
    settings = store()
    settings.clear()
    settings.sync()
