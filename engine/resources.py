"""Locate bundled resources (lessons, icons, stylesheets, data sets), frozen by PyInstaller or not."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_root", "resource_path"]


def resource_root() -> Path:
    """The ``resources/`` folder: inside the PyInstaller bundle when frozen, beside the source tree otherwise."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(relative: str) -> Path:
    """Absolute path of a bundled resource, e.g. ``resource_path("datasets/iris.csv")``; never relative to the cwd."""
    path = (resource_root() / relative).resolve()
    root = resource_root().resolve()
    if root not in path.parents and path != root:
        raise ValueError(f"{relative!r} is outside the resources folder")
    return path
