"""The Network lab's data edits: choose a data set, place, drag and delete points (refitting so the boundary
follows them), and load points from a CSV file.

A mixin of :class:`NetworkLab`, split out so each module stays readable; a dragged point is refitted
at most once a frame on a coalescing timer, with the newest mouse position.
"""

from __future__ import annotations

import dataclasses
import time

from PySide6 import QtWidgets

from engine.nn import NetworkError, NetworkState, TrainingRun, read_points_csv
from gui.labs.network.training import _same_network

__all__ = ["NetworkPointsMixin", "EDIT_EPOCHS", "EDIT_BUDGET_S", "DRAG_REFIT_S", "DRAG_EPOCH_BUDGET_S"]

EDIT_EPOCHS = 3  # epochs trained after a point is placed or dropped while paused, so the boundary follows the data
EDIT_BUDGET_S = 0.03  # ... at most this long (huge data sets get fewer epochs rather than a frozen window)
DRAG_REFIT_S = 0.03  # while a point is dragged, refit (new data + one epoch, coarse map) at most this often
DRAG_EPOCH_BUDGET_S = 0.004


class NetworkPointsMixin:
    """Point and data-set gestures of the Network lab, turned into new states."""

    def _on_dataset(self, name: str) -> None:
        if name == "custom" and not self._state.points:
            self._edit_data("Hand-placed points", dataset="custom", points=self._current_points())
            self.status_message.emit("Hand-placed data: a copy of the previous points — click to add, drag to move")
        else:
            self._edit_data("Change data set", dataset=name)

    def _current_points(self) -> tuple[tuple[float, float, int], ...]:
        """Every point of the data now shown, as (x, y, class) (what hand editing starts from)."""
        s = self._state
        if s.dataset == "custom":
            return s.points
        from engine.nn import generate

        x, y = generate(s.dataset, s.n_points, s.noise, s.seed)
        return tuple((round(float(a), 4), round(float(b), 4), int(c)) for (a, b), c in zip(x, y, strict=True))

    def _refit(self, state: NetworkState, epochs: int = EDIT_EPOCHS) -> NetworkState:
        """After a point edit while paused, train a few epochs so the boundary follows the data."""
        if self._timer.isActive():
            return state
        run = self._run
        try:
            if run is not None and _same_network(run.state, state) and run.epoch == state.epoch:
                run.set_data(state)  # keeps the optimizer's memory, so the boundary moves smoothly
            else:
                run = TrainingRun(state)
        except NetworkError:
            return state
        if run.advance(EDIT_BUDGET_S, max_epochs=epochs) != "ready":
            return state
        run.rewind_partial()  # a state holds whole epochs only
        if run is not self._run:
            self._adopt(run, state)  # render keeps this run instead of building another
        return dataclasses.replace(state, weights=run.weights(), epoch=run.epoch)

    def _on_point_added(self, x: float, y: float, cls: int) -> None:
        points = (*self._current_points(), (round(x, 4), round(y, 4), int(cls)))
        if len(points) > 10_000:
            self.error_message("at most 10 000 points: delete some before placing more")
            return
        state = dataclasses.replace(self._current_trained(), dataset="custom", points=points)
        self._try(self._refit(state), "Place point")

    def _on_point_moved(self, index: int, x: float, y: float) -> None:
        """Live drag: the plane has moved its marker; remember the newest position and refit at most once a frame."""
        self._dragging = True
        self._drag_target = (index, x, y)
        if not self._refit_timer.isActive():
            wait = DRAG_REFIT_S - (time.perf_counter() - self._last_refit)
            self._refit_timer.start(max(0, int(wait * 1000)))

    def _dragged_state(self) -> NetworkState | None:
        """The state with the dragged point at its newest position (None when there is no drag)."""
        if self._drag_target is None:
            return None
        index, x, y = self._drag_target
        points = list(self._current_points())
        if not 0 <= index < len(points):
            return None
        points[index] = (round(x, 4), round(y, 4), points[index][2])
        return dataclasses.replace(self._current_trained(), dataset="custom", points=tuple(points))

    def _refit_drag(self) -> None:
        """Follow the dragged point: same network and optimizer memory on the new data, one epoch when paused."""
        self._last_refit = time.perf_counter()
        state, run = self._dragged_state(), self._run
        if state is None or state == self._state:
            return
        if run is None or not _same_network(run.state, state):
            self._try(state, "Move point", live=True)  # no usable run yet: build one from the state
            return
        try:
            run.set_data(state)
        except NetworkError as exc:
            self.error_message(str(exc))  # e.g. dropped onto a point of the other class: keep the last good data
            return
        if not self._timer.isActive():
            run.advance(DRAG_EPOCH_BUDGET_S, max_epochs=1)
        self.preview(dataclasses.replace(state, weights=run.weights(), epoch=run.epoch))

    def _on_point_dropped(self, _index: int) -> None:
        self._refit_timer.stop()
        self._refit_drag()  # the newest position, even if its frame had not come yet
        self._dragging, self._drag_target = False, None
        if self._run is not None and not self._timer.isActive():
            self._run.rewind_partial()
            state = self._current_trained()
            self._try(self._refit(state), "Move point", live=True)
        self.commit("Move point")
        self._render_views(self._state, force=True)

    def _on_point_removed(self, index: int) -> None:
        points = list(self._current_points())
        if 0 <= index < len(points):
            del points[index]
            self._edit_data("Delete point", dataset="custom", points=tuple(points))

    def _ask_csv(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, "Load points", "", "CSV files (*.csv *.tsv *.txt)")
        if path:
            self.load_csv(path)

    def load_csv(self, path_or_text: str) -> bool:
        """Load x, y, class points from a CSV; on bad data say why and keep the current points."""
        try:
            points, note = read_points_csv(path_or_text)
        except NetworkError as exc:
            self.error_message(f"Cannot use this CSV: {exc}")
            return False
        self._edit_fresh("Load CSV", dataset="custom", points=points)
        self.status_message.emit(f"Loaded {len(points)} points: {note}")
        return True
