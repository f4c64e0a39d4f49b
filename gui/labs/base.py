"""The shape every lab shares: one state dataclass in, views out, edits as undoable steps.

A lab holds its current state; a gesture calls :meth:`Lab.preview` while it runs and :meth:`Lab.commit` when it ends,
so a whole drag is one undo step. Scenes, undo, lessons and export use only this surface.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from PySide6 import QtCore, QtWidgets

from gui.widgets.catch_up import CatchUp
from gui.widgets.live_quality import LiveQuality

__all__ = ["Lab"]


class Lab(QtWidgets.QWidget):
    """Base class of the labs; subclasses set ``name``, ``title``, ``state_type`` and implement ``render``."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    state_type: ClassVar[type] = object

    state_changed = QtCore.Signal(object)
    """Emitted after every change of state, live or committed (lessons check goals on it)."""
    edit_committed = QtCore.Signal(object, object, str)
    """(state before the gesture, state after, description): the main window turns it into one undo step."""
    status_message = QtCore.Signal(str)
    """A short message for the status bar (errors a user caused, hints)."""
    request_lab = QtCore.Signal(str)
    """Ask the main window to switch to another lab by name."""
    view_changed = QtCore.Signal()
    """A pan/zoom was recorded: not an undo step, but a change the scene file should save."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._state: Any = self.state_type()
        self._committed: Any = self._state
        self.live_quality = LiveQuality(self)
        """Curves drawn without antialiasing during a gesture (1080p presenter frames), the fine look at rest."""

    # --- the shared surface -------------------------------------------------------------------------------------
    def state(self) -> Any:
        """The current state (a frozen dataclass)."""
        return self._state

    def set_state(self, state: Any) -> None:
        """Show ``state`` (from a scene, undo/redo or a lesson) without creating an undo step."""
        self._state = state
        self._committed = state
        self.render(state)
        self.state_changed.emit(state)

    def preview(self, state: Any) -> None:
        """A live change during a gesture (drag, slider move): shown at once, no undo step yet."""
        if state == self._state:
            return
        self.live_quality.begin()
        self._state = state
        self.render(state)
        self.state_changed.emit(state)

    def commit(self, text: str) -> None:
        """End of a gesture: what caught up at 10 Hz during it shows the final state, one undo step is made."""
        for catch_up in self.findChildren(CatchUp):  # readouts held back during the gesture (gui/widgets/catch_up.py)
            catch_up.flush()
        self.live_quality.end()
        if self._state != self._committed:
            before, self._committed = self._committed, self._state
            self.edit_committed.emit(before, self._state, text)

    def edit(self, state: Any, text: str) -> None:
        """A one-shot edit (cell typed, button pressed, a key on a slider): shown and committed at once.

        No gesture runs, so the live look (:class:`LiveQuality`) is not switched on and straight off again: that froze
        and released every shown label, a re-layout of the side column per key press.
        """
        if state != self._state:
            self._state = state
            self.render(state)
            self.state_changed.emit(state)
        self.commit(text)

    def update_view(self, view: Any) -> None:
        """Record a pan/zoom (the state's ``view`` field) for scenes, without an undo step (clamped to sane bounds)."""
        from gui.view_range import sane_view  # deferred: small, but only pan/zoom needs it

        view, problem = sane_view(view)
        if problem:
            self.status_message.emit(problem)
        if getattr(self._state, "view", None) != view:
            self.quiet_update(view=view)
            self.view_changed.emit()
        if problem:
            self.render(self._state)  # what is stored is what is shown: the plot moves to the clamped range

    def quiet_update(self, **changes: Any) -> None:
        """Record a change of what is *looked at* (view range, open tab) without an undo step or a re-render.

        It is written into the committed state too, so undoing the next real edit does not jump the view back.
        """
        if all(getattr(self._state, k) == v for k, v in changes.items()):
            return
        self._state = dataclasses.replace(self._state, **changes)
        self._committed = dataclasses.replace(self._committed, **changes)
        self.state_changed.emit(self._state)

    def error_message(self, text: str) -> None:
        """Tell the user what went wrong (status bar); the state stays as it was."""
        self.status_message.emit(text)

    # --- for subclasses -----------------------------------------------------------------------------------------
    def render(self, state: Any) -> None:
        """Make every view and input show ``state`` (update items in place; block echo signals)."""
        raise NotImplementedError

    def export_views(self) -> dict[str, Any]:
        """Views that File → Export can save (first = default): QWidget, pg.PlotItem or pg.GraphicsLayout."""
        return {}

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        """CSV tables behind the views: name -> (header, rows)."""
        return {}

    def describe(self) -> str:
        """The current view in words, for screen readers and the Describe panel (e.g. "Vector u = (2, 1) …").

        Every lab overrides it; keep it short (one to three sentences) and built from the derived results.
        """
        return ""

    def notable(self) -> str:
        """A short sentence worth announcing when it changes (a verdict such as "H₀ rejected"), or "" when none.

        The Describe panel announces a change of it to screen readers and in the status bar, without moving the focus.
        """
        return ""

    def shutdown(self) -> None:
        """Stop timers and background work before the lab is closed (override when the lab has any)."""
