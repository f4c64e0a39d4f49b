"""Keep PySide6's per-import ``__feature__`` check from caching the source of every module ever imported.

PySide6 replaces ``__import__``; after each import it asks ``shibokensupport.feature._mod_uses_pyside(module)``,
which calls ``inspect.getsource`` and so leaves the module's whole source in ``linecache`` for the life of the
process: 27 MB of text once sympy and scipy.stats are loaded (measured, issue 13). The replacement gives the same
answer (does the file mention PySide6?) from the file's bytes, cached nowhere.
"""

from __future__ import annotations

import sys
from types import ModuleType

_PATCHED = "_mlsandbox_uncached"


def _uses_pyside_uncached(module: ModuleType) -> bool:
    """True when the module's source file mentions PySide6 (PySide's own test), read without linecache."""
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or getattr(module, "__file__", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False  # extension modules, frozen or namespace packages: PySide's check answers False too
    try:
        with open(origin, "rb") as f:
            return b"PySide6" in f.read()
    except OSError:
        return False


def install() -> bool:
    """Swap PySide6's source check for the uncached one; False (and nothing changed) if PySide6 has no such hook."""
    from PySide6 import QtCore  # noqa: F401  (loads shibokensupport.feature)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return False
    if getattr(original, _PATCHED, False):
        return True
    setattr(_uses_pyside_uncached, _PATCHED, True)
    feature._mod_uses_pyside = _uses_pyside_uncached
    return True
