"""The Network lab's data edits: choose a data set, place, drag and delete points (refitting so the boundary
follows them), and load points from a CSV file.

A dragged point is refitted at most once a frame on a coalescing timer, with the newest mouse position. Every refit
trains an exact number of mini-batch steps (a budget in steps, not in seconds), so what it reaches does not depend
on the machine's speed; the step counts are bounded by a number of point-gradients so huge batches stay quick.
While the mouse moves, a refit's steps run in slices of :data:`DRAG_CHUNK_STEPS` on successive event-loop passes
and the boundary is redrawn after the last: a mouse move waits behind one slice, not the whole refit (the steps and
the weights they reach are the same as in one go).
"""

from __future__ import annotations

import dataclasses
import time

from PySide6 import QtCore, QtWidgets

from engine.nn import MAX_POINTS, NetworkError, NetworkState, TrainingRun, read_points_csv, same_network, state_points
from gui.i18n import translate
from gui.labs.base import Lab

__all__ = [
    "PointsController",
    "EDIT_EPOCHS",
    "EDIT_MAX_STEPS",
    "DRAG_REFIT_S",
    "DRAG_MAX_STEPS",
    "DRAG_CHUNK_STEPS",
    "STEP_SAMPLES",
    "refit_steps",
]

EDIT_EPOCHS = 3  # epochs trained after a point is placed or dropped while paused, so the boundary follows the data
EDIT_MAX_STEPS = 256  # ... in at most this many mini-batch steps (huge data sets get fewer epochs, not a freeze)
DRAG_REFIT_S = 0.03  # while a point is dragged, refit (new data + one epoch, coarse map) at most this often
DRAG_MAX_STEPS = 32  # ... each refit trains at most this many mini-batch steps of the epoch under way
DRAG_CHUNK_STEPS = 8  # ... in slices of this many steps, one per event-loop pass (~1 ms each for 2-8-8-1, batch 10)
STEP_SAMPLES = 2048  # ... and at most this many point-gradients per refit (one step of a huge batch is already many)


def refit_steps(max_steps: int, batch_size: int) -> int:
    """Mini-batch steps a refit may take: ``max_steps``, fewer for big batches, at least one (exact, never timed)."""
    return max(1, min(int(max_steps), STEP_SAMPLES // max(int(batch_size), 1)))


class PointsController(QtCore.QObject):
    """Point and data-set gestures of a Network lab, turned into new states."""

    def __init__(self, lab: Lab) -> None:
        super().__init__(lab)
        self.lab = lab
        self.dragging = False
        self.drag_target: tuple[int, float, float] | None = None  # newest (index, x, y) of a dragged point
        self.drag_steps = DRAG_MAX_STEPS
        self.edit_steps = EDIT_MAX_STEPS
        self._last_refit = 0.0
        self._pending: tuple | None = None  # a refit under way: state, run, epoch to stop at, steps left, and the
        # state to show once its map is made (drawn on the next pass)
        self.refit_timer = QtCore.QTimer(self)
        self.refit_timer.setSingleShot(True)
        self.refit_timer.timeout.connect(self.refit_slice)

    def on_dataset(self, name: str) -> None:
        """Switch data set; "custom" starts from a copy of the points now shown."""
        lab = self.lab
        if name == "custom" and not lab.state().points:
            lab.edit_data(
                translate("Network", "Hand-placed points"), dataset="custom", points=state_points(lab.state())
            )
            lab.status_message.emit(
                translate("Network", "Hand-placed data: a copy of the previous points — click to add, drag to move")
            )
        else:
            lab.edit_data(translate("Network", "Change data set"), dataset=name)

    def refit(self, state: NetworkState, epochs: int = EDIT_EPOCHS) -> NetworkState:
        """After a point edit while paused, train a few epochs so the boundary follows the data."""
        training = self.lab.training
        if training.is_playing():
            return state
        run = training.run
        try:
            if run is not None and same_network(run.state, state) and run.epoch == state.epoch:
                run.set_data(state)  # keeps the optimizer's memory, so the boundary moves smoothly
            else:
                run = TrainingRun(state)
        except NetworkError:
            return state
        steps = refit_steps(self.edit_steps, state.batch_size)
        if run.advance(None, max_epochs=epochs, max_steps=steps) != "ready":
            return state
        run.rewind_partial()  # a state holds whole epochs only
        if run is not training.run:
            training.adopt(run, state)  # render keeps this run instead of building another
        return dataclasses.replace(state, weights=run.weights(), epoch=run.epoch)

    def on_point_added(self, x: float, y: float, cls: int) -> None:
        """A click placed a point: add it to the hand-placed data and refit."""
        lab = self.lab
        points = (*state_points(lab.state()), (round(x, 4), round(y, 4), int(cls)))
        if len(points) > MAX_POINTS:
            lab.error_message(f"at most {MAX_POINTS:,} points: delete some before placing more".replace(",", " "))
            return
        state = dataclasses.replace(lab.training.trained_state(), dataset="custom", points=points)
        lab.try_state(self.refit(state), translate("Network", "Place point"))

    def on_point_moved(self, index: int, x: float, y: float) -> None:
        """Live drag: the plane has moved its marker; remember the newest position and refit at most once a frame."""
        self.dragging = True
        self.drag_target = (index, x, y)
        if not self.refit_timer.isActive():
            wait = DRAG_REFIT_S - (time.perf_counter() - self._last_refit)
            self.refit_timer.start(max(0, int(wait * 1000)))

    def dragged_state(self) -> NetworkState | None:
        """The state with the dragged point at its newest position (None when there is no drag)."""
        if self.drag_target is None:
            return None
        index, x, y = self.drag_target
        lab = self.lab
        points = list(state_points(lab.state()))
        if not 0 <= index < len(points):
            return None
        points[index] = (round(x, 4), round(y, 4), points[index][2])
        return dataclasses.replace(lab.training.trained_state(), dataset="custom", points=tuple(points))

    def refit_drag(self) -> None:
        """Follow the dragged point: same network and optimizer memory on the new data, some steps when paused
        (all of them now: a refit under way is finished first)."""
        self.finish_refit()
        if self._start_refit():
            self._train_pending(None)

    def refit_slice(self) -> None:
        """The refit timer: start a refit with the newest position, or train the next slice of the one under way;
        the boundary is redrawn after its last slice."""
        if self._pending is None and not self._start_refit():
            return
        if not self._train_pending(DRAG_CHUNK_STEPS):
            self.refit_timer.start(0)  # the next slice on the next event-loop pass

    def finish_refit(self) -> None:
        """Train what is left of a sliced refit now, and show it."""
        if self._pending is not None:
            self._train_pending(None)

    def _start_refit(self) -> bool:
        """Put the dragged point's new data into the run; True when steps (or a preview) are left to do."""
        self._last_refit = time.perf_counter()
        lab, training = self.lab, self.lab.training
        state, run = self.dragged_state(), training.run
        if state is None or state == lab.state():
            return False
        if run is None or not same_network(run.state, state):
            lab.try_state(
                state, translate("Network", "Move point"), live=True
            )  # no usable run yet: build one from the state
            return False
        try:
            run.set_data(state)
        except NetworkError as exc:
            lab.error_message(str(exc))  # e.g. dropped onto a point of the other class: keep the last good data
            return False
        if training.is_playing():
            return False  # training trains on the new data and its next frame shows it: one redraw a frame, not two
        self._pending = (state, run, run.epoch + 1, refit_steps(self.drag_steps, state.batch_size), None)
        return True

    def _train_pending(self, chunk: int | None) -> bool:
        """Train up to ``chunk`` steps (None: all) of the refit under way; True (and the preview) when it is done."""
        state, run, stop_epoch, left, shown = self._pending
        training = self.lab.training
        if shown is None:
            trains = left > 0
            if left > 0 and (run is not training.run or training.is_playing()):
                left = 0  # the run was replaced or training took over: show what it has
            while left > 0 and run.epoch < stop_epoch and run.status == "ready":
                steps = left if chunk is None else min(chunk, left)
                run.advance(None, max_epochs=stop_epoch - run.epoch, max_steps=steps)
                left -= run.steps_taken
                if chunk is not None:
                    break
            if left > 0 and run.epoch < stop_epoch and run.status == "ready":
                self._pending = (state, run, stop_epoch, left, None)
                return False
            shown = dataclasses.replace(state, weights=run.weights(), epoch=run.epoch)
            if chunk is not None and trains and run is training.run:
                self.lab.results(shown)  # the map of the new weights now, its drawing on the next pass
                self._pending = (state, run, stop_epoch, 0, shown)
                return False
        self._pending = None
        if run is training.run:
            self.lab.preview(shown)
        return True

    def on_point_dropped(self, _index: int) -> None:
        """The drag ended: refit with the final position and commit one undo step."""
        lab, training = self.lab, self.lab.training
        self.refit_timer.stop()
        self.refit_drag()  # the newest position, even if its frame had not come yet
        self.dragging, self.drag_target = False, None
        if training.run is not None and not training.is_playing():
            training.run.rewind_partial()
            lab.try_state(self.refit(training.trained_state()), translate("Network", "Move point"), live=True)
        lab.commit(translate("Network", "Move point"))
        lab.display.show(lab.state(), force=True)

    def on_point_removed(self, index: int) -> None:
        """Shift+click deleted a point."""
        points = list(state_points(self.lab.state()))
        if 0 <= index < len(points):
            del points[index]
            self.lab.edit_data(translate("Network", "Delete point"), dataset="custom", points=tuple(points))

    def ask_csv(self) -> None:
        """Ask for a CSV file of points and load it."""
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.lab, translate("Network", "Load points"), "", translate("Network", "CSV files (*.csv *.tsv *.txt)")
        )
        if path:
            self.load_csv(path)

    def load_csv(self, path_or_text: str) -> bool:
        """Load x, y, class points from a CSV; on bad data say why and keep the current points."""
        lab = self.lab
        try:
            points, note = read_points_csv(path_or_text)
        except NetworkError as exc:
            lab.error_message(translate("Network", "Cannot use this CSV: {0}").format(exc))
            return False
        lab.edit_fresh(translate("Network", "Load CSV"), dataset="custom", points=points)
        lab.status_message.emit(translate("Network", "Loaded {0} points: {1}").format(len(points), note))
        return True
