"""Import heavy libraries (scipy.stats, sympy) off the GUI thread when a lab is opened before they are loaded.

Opening a lab whose first drawing needs ``scipy.stats`` (0.5–1.2 s to import on a 2-core machine) or ``sympy``
used to freeze the window for that long. A lab opened in a window that is already on screen now shows its inputs
and a "loading" note at once, imports in the background, and draws when :attr:`ModuleLoader.ready` fires. Anything
that needs the result immediately (export, a test) calls :meth:`ModuleLoader.finish_now`, which simply imports
(waiting for the background import if one is running, as Python's import lock makes it).
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Sequence

from PySide6 import QtCore, QtWidgets

from gui.widgets.jobs import LatestJob

__all__ = ["ModuleLoader", "loaded", "window_on_screen"]

START_DELAY_MS = 30  # after the lab's first paint (offscreen ~10–20 ms after it is shown)


def loaded(name: str) -> bool:
    """Whether module ``name`` is fully imported (not merely started by another thread)."""
    module = sys.modules.get(name)
    spec = getattr(module, "__spec__", None)
    return module is not None and not getattr(spec, "_initializing", False)


def window_on_screen() -> bool:
    """Whether a main window is already visible: a lab built now is one the user is waiting to see."""
    app = QtWidgets.QApplication.instance()
    if app is None:
        return False
    return any(isinstance(w, QtWidgets.QMainWindow) and w.isVisible() for w in QtWidgets.QApplication.topLevelWidgets())


def _import_all(names: tuple[str, ...]) -> tuple[str, ...]:
    for name in names:
        importlib.import_module(name)
    return names


class ModuleLoader(QtCore.QObject):
    """Loads ``modules`` in the background when a lab opens on screen before they are imported."""

    ready = QtCore.Signal()
    """Emitted once, when the modules finished importing in the background."""
    failed = QtCore.Signal(str)
    """A message when a background import failed (the lab then imports on the GUI thread and reports the error)."""

    def __init__(self, modules: Sequence[str], parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.modules = tuple(modules)
        self.pending = False
        self._job: LatestJob | None = None

    def start_if_needed(self) -> bool:
        """Start a background import when the modules are missing and a window is on screen; True if started.

        Before the window is shown (start-up on this lab, ``--screenshot``, tests) the lab draws synchronously as
        before: nobody is watching a frozen window, and a screenshot must show the finished lab.
        """
        if self.pending or all(loaded(m) for m in self.modules) or not window_on_screen():
            return self.pending
        self.pending = True
        self._job = LatestJob(self)
        self._job.finished.connect(self._on_done)
        self._job.failed.connect(lambda exc: self._on_done(None, str(exc)))
        # An import holds the interpreter for most of its run and would slow the lab's own first paint ~3×:
        # start it once the event loop has handled what is queued now (the new lab's layout and paint).
        QtCore.QTimer.singleShot(START_DELAY_MS, self, self._submit)
        return True

    def _submit(self) -> None:
        if self.pending and self._job is not None:
            self._job.submit(_import_all, self.modules)

    def finish_now(self) -> bool:
        """Import on this thread (waiting for a running background import); True if the lab was waiting."""
        if not self.pending:
            return False
        for name in self.modules:
            with contextlib.suppress(ImportError):  # the lab's own call will raise and report it
                importlib.import_module(name)
        self.pending = False
        if self._job is not None:
            self._job.cancel()  # its late result is no longer news
        return True

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the background import finished (shutdown, tests)."""
        return self._job.wait(msecs) if self._job is not None else True

    def _on_done(self, _result: object, error: str | None = None) -> None:
        if not self.pending:
            return
        self.pending = False
        if error:
            self.failed.emit(error)
        self.ready.emit()
