"""The Network lab: a small network learning a 2-D classification, with its matrices, layers and backprop visible.

Training runs in short slices on a QTimer (a few ms of mini-batches per tick, resumable mid-epoch), and a separate tick
redraws at most ~30 times a second, so no tick holds the GUI thread for more than ~10 ms: events keep flowing and Pause
answers at once. Each frame previews the new state (weights, epoch); pausing commits one undo step.

A dragged point moves at once (the plane moves one marker); the refit — new data, an epoch, a coarser map — runs at
most once a frame on a coalescing timer, with the newest mouse position.
"""

from __future__ import annotations

import dataclasses
import random
import time

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.nn import (
    NetworkError,
    NetworkState,
    TrainingRun,
    network_params,
    state_layout,
)
from engine.nn_data import read_points_csv
from engine.optim import DEFAULTS
from gui import theme
from gui.labs.base import Lab
from gui.labs.network_backprop import BackpropView
from gui.labs.network_controls import NetworkControls
from gui.labs.network_layers import LayersView
from gui.labs.network_plane import BoundaryPlane
from gui.labs.network_render import NetworkViewsMixin, output_logits
from gui.labs.network_weights import WeightTables
from gui.widgets.lazy_page import LazyPage
from gui.widgets.plane import configure_plot

FRAME_S = 0.033  # the boundary redraws at most ~30 times a second
TRAIN_SLICE_S = 0.005  # training per timer tick: short, so a tick plus a repaint stays well inside a 16 ms frame
SLOW_FRAME_S = 0.2  # "slow" speed: 5 epochs a second
EDIT_EPOCHS = 3  # epochs trained after a point is placed or dropped while paused, so the boundary follows the data
EDIT_BUDGET_S = 0.03  # ... at most this long (huge data sets get fewer epochs rather than a frozen window)
DRAG_REFIT_S = 0.03  # while a point is dragged, refit (new data + one epoch, coarse map) at most this often
DRAG_EPOCH_BUDGET_S = 0.004
_KEEP_RUN = ("weights", "epoch", "probe", "stage", "projection", "view")
_DATA = ("dataset", "n_points", "noise", "test_fraction", "points")  # what TrainingRun.set_data may change


def _config(state: NetworkState) -> NetworkState:
    """The state without the fields a training run may change or that only choose what is shown."""
    return dataclasses.replace(state, **{k: getattr(NetworkState(), k) for k in _KEEP_RUN})


def _same_network(a: NetworkState, b: NetworkState) -> bool:
    """Whether two states train the same network the same way (they may differ in data and weights)."""
    return _config(a) == _config(dataclasses.replace(b, **{k: getattr(a, k) for k in _DATA}))


class NetworkLab(NetworkViewsMixin, Lab):
    """Decision boundary, loss curves, weight tables, layer transforms and backprop of a small dense network."""

    name = "network"
    title = "Neural network"
    state_type = NetworkState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._run: TrainingRun | None = None
        self._history: dict[str, list[float]] = {"epoch": [], "train_loss": [], "test_loss": []}
        self._data_error = ""
        self._shown_data_key: object = None
        self._last_table_update = 0.0
        self._last_curve_update = 0.0
        self._loss_range: tuple = ()
        self._slow_ticks = 0
        self._last_frame = 0.0
        self._dragging = False
        self._drag_target: tuple[int, float, float] | None = None  # newest (index, x, y) of a dragged point
        self._last_refit = 0.0
        self._trained_since_frame = False
        self._controls_shown: object = None
        self._shown_view: object = None
        self._build()
        self._connect()
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(0)  # a tick whenever the event loop is idle; redraws are rate-limited in _tick
        self._timer.timeout.connect(self._tick)
        self._refit_timer = QtCore.QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.timeout.connect(self._refit_drag)
        self.render(self._state)

    # --- layout -------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.plane = BoundaryPlane()
        self.plane.setMinimumSize(360, 300)
        self.error_text = pg.TextItem(color=theme.color("vermillion"), anchor=(0.5, 0.5))
        self.error_text.setFont(theme.font(1.1, bold=True))
        self.plane.getPlotItem().addItem(self.error_text, ignoreBounds=True)
        self.loss_plot = pg.PlotWidget()
        loss_item = self.loss_plot.getPlotItem()
        configure_plot(loss_item)
        loss_item.setLogMode(y=True)
        label_style = {"color": theme.color("fg").name(), "font-size": f"{theme.current().font_pt}pt"}
        loss_item.setLabel("bottom", "epoch", **label_style)
        loss_item.setLabel("left", "loss (log scale)", **label_style)
        loss_item.getAxis("bottom").enableAutoSIPrefix(False)
        loss_item.getAxis("left").enableAutoSIPrefix(False)
        loss_item.addLegend(offset=(-10, 10), labelTextSize=f"{theme.current().font_pt}pt")
        self.train_curve = loss_item.plot(pen=theme.pen("blue"), name="training", connect="finite")
        self.test_curve = loss_item.plot(pen=theme.pen("vermillion", style="dash"), name="test", connect="finite")
        for curve in (self.train_curve, self.test_curve):
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
        self.loss_plot.setMinimumHeight(180)
        self.weights = WeightTables()
        weights_scroll = QtWidgets.QScrollArea()
        weights_scroll.setWidgetResizable(True)
        weights_scroll.setWidget(self.weights)
        right = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        right.addWidget(self.loss_plot)
        right.addWidget(weights_scroll)
        right.setSizes([260, 400])
        training = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        training.addWidget(self.plane)
        training.addWidget(right)
        training.setStretchFactor(0, 1)
        training.setStretchFactor(1, 1)
        training.setSizes([420, 340])  # the plane is equal-aspect and tall anyway; the 9-column tables need the width
        # The two teaching tabs are built when first shown (two PlotWidgets: ~30 ms off the lab's first open).
        self.layers_page, self.backprop_page = LazyPage(LayersView), LazyPage(BackpropView)
        self.layers_page.built.connect(self._connect_layers)
        self.backprop_page.built.connect(self._connect_backprop)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(training, "Boundary, loss && weights")
        self.tabs.addTab(self.layers_page, "Layers transform the plane")
        self.tabs.addTab(self.backprop_page, "Backpropagation")
        self.controls = NetworkControls()
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.controls)
        scroll.setFixedWidth(340)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(scroll)

    @property
    def layers(self) -> LayersView:
        """The layer-by-layer view (built on first use)."""
        return self.layers_page.view()

    @property
    def backprop(self) -> BackpropView:
        """The backpropagation view (built on first use)."""
        return self.backprop_page.view()

    def _connect_layers(self, view: LayersView) -> None:
        view.stage_changed.connect(lambda k: self._edit_keep("Show layer step", stage=k))
        view.projection_changed.connect(lambda p: self._edit_keep("Change projection", projection=p))

    def _connect_backprop(self, view: BackpropView) -> None:
        view.probe_changed.connect(lambda k: self._edit_keep("Choose point", probe=max(k, 0)))
        view.open_derivatives.connect(lambda: self.request_lab.emit("derivatives"))

    def _connect(self) -> None:
        c = self.controls
        c.play_button.toggled.connect(self._on_play)
        c.step_button.clicked.connect(self.step_epoch)
        c.reset_button.clicked.connect(self.reset_weights)
        c.dataset.currentIndexChanged.connect(lambda _i: self._on_dataset(c.dataset.currentData()))
        c.n_points.valueChanged.connect(lambda v: self._edit_data("Change number of points", n_points=v))
        c.noise.valueChanged.connect(lambda v: self._edit_data("Change noise", noise=round(v, 4)))
        c.seed.valueChanged.connect(lambda v: self._edit_fresh("Change seed", seed=v))
        c.new_seed.clicked.connect(lambda: self._edit_fresh("New seed", seed=random.randrange(0, 2**31 - 1)))
        c.test_fraction.valueChanged.connect(lambda v: self._edit_data("Change test share", test_fraction=v / 100))
        c.class_group.idToggled.connect(lambda i, on: setattr(self.plane, "place_class", i) if on else None)
        c.load_csv.clicked.connect(self._ask_csv)
        c.clear_points.clicked.connect(lambda: self._edit_data("Clear points", dataset="custom", points=()))
        c.add_layer.clicked.connect(self.add_layer)
        c.remove_layer.clicked.connect(self.remove_layer)
        for i, spin in enumerate(c.units):
            spin.valueChanged.connect(lambda v, i=i: self._set_units(i, v))
        c.activation.currentIndexChanged.connect(
            lambda _i: self._edit_fresh("Change activation", activation=c.activation.currentData())
        )
        c.loss.currentIndexChanged.connect(lambda _i: self._edit_keep("Change loss", loss=c.loss.currentData()))
        c.optimizer.currentIndexChanged.connect(
            lambda _i: self._edit_keep("Change optimizer", optimizer=c.optimizer.currentData(), hyper=())
        )
        c.batch_size.valueChanged.connect(lambda v: self._edit_keep("Change batch size", batch_size=v))
        c.speed.currentIndexChanged.connect(lambda _i: self._set_timer_interval())
        self.plane.point_added.connect(self._on_point_added)
        self.plane.point_moved.connect(self._on_point_moved)
        self.plane.point_move_finished.connect(self._on_point_dropped)
        self.plane.point_removed.connect(self._on_point_removed)
        self.weights.weight_edited.connect(self._on_weight_edited)
        self.weights.edit_error.connect(self.error_message)
        self.weights.editing_started.connect(self._pause)
        self.plane.getPlotItem().getViewBox().sigRangeChanged.connect(lambda *_: self._draw_grid())
        self.tabs.currentChanged.connect(lambda _i: self._render_views(self._state, force=True))

    # --- edits --------------------------------------------------------------------------------------------------
    def _try(self, state: NetworkState, text: str, *, live: bool = False) -> bool:
        """Apply a new state if the engine accepts its sizes; otherwise say why and keep the last good state."""
        try:
            state_layout(state)
        except NetworkError as exc:
            self.error_message(str(exc))
            self.render(self._state)
            return False
        if live:
            self.preview(state)
        else:
            self.edit(state, text)
        return True

    def _edit_keep(self, text: str, **changes) -> None:
        """Change settings that keep the current weights (loss, optimizer, batch, what is shown)."""
        self._try(dataclasses.replace(self._current_trained(), **changes), text)

    def _edit_fresh(self, text: str, **changes) -> None:
        """Change something that needs a new network (architecture, activation, seed): fresh weights, epoch 0."""
        self._pause()
        self._try(dataclasses.replace(self._state, weights=None, epoch=0, **changes), text)

    def _edit_data(self, text: str, **changes) -> None:
        """Change the data but keep training the same network."""
        self._try(dataclasses.replace(self._current_trained(), **changes), text)

    def _current_trained(self) -> NetworkState:
        """The state including the live run's latest weights (they may be ahead of the state while playing)."""
        run, s = self._run, self._state
        if run is None:
            return s
        weights = run.weights()
        if run.epoch == s.epoch and (s.weights is None or s.weights == weights):
            return s
        return dataclasses.replace(s, weights=weights, epoch=run.epoch)

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
        from engine.nn_data import generate

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

    def _set_units(self, layer: int, units: int) -> None:
        hidden = list(self._state.hidden)
        if layer < len(hidden) and hidden[layer] != units:
            hidden[layer] = units
            self._edit_fresh(f"Set layer {layer + 1} to {units} units", hidden=tuple(hidden))

    def add_layer(self) -> None:
        """Append a hidden layer (as wide as the last one, or 4)."""
        hidden = self._state.hidden
        self._edit_fresh("Add layer", hidden=(*hidden, hidden[-1] if hidden else 4))

    def remove_layer(self) -> None:
        """Drop the last hidden layer (none left = logistic regression)."""
        if self._state.hidden:
            self._edit_fresh("Remove layer", hidden=self._state.hidden[:-1])

    def _on_weight_edited(self, flat: int, value: float) -> None:
        self._pause()
        state = self._current_trained()
        weights = list(state.weights if state.weights is not None else network_params(state))
        weights[flat] = value
        self._try(dataclasses.replace(state, weights=tuple(float(w) for w in weights)), "Edit weight")

    def _on_hyper(self, name: str, values: dict, _enabled: bool, final: bool) -> None:
        lr = float(values.pop("lr", self._state.lr))
        hyper = tuple((k, float(v)) for k, v in values.items() if v != DEFAULTS[name].get(k))
        state = dataclasses.replace(self._current_trained(), lr=lr, hyper=hyper)
        self._try(state, "Change hyperparameters", live=not final)
        if final:
            self.commit("Change hyperparameters")

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

    # --- training -----------------------------------------------------------------------------------------------
    def is_playing(self) -> bool:
        """Whether training is running."""
        return self._timer.isActive()

    def _on_play(self, on: bool) -> None:
        if on:
            if self._run is None:
                self.error_message(self._data_error or "nothing to train")
                self._pause()
                return
            if self._run.status == "diverged":
                self.error_message("this run diverged: lower the learning rate or press Reset")
                self._pause()
                return
            self._set_timer_interval()
            self._last_frame = time.perf_counter()
            self._timer.start()
        else:
            self._pause()
        self._show_play_button()

    def _set_timer_interval(self) -> None:
        """Fast: a tick whenever the event loop is idle; the paced speeds tick once per frame they show."""
        mode = self.controls.speed.currentData()
        self._timer.setInterval(0 if mode == 0 else int(1000 * (SLOW_FRAME_S if mode == -1 else FRAME_S)))

    def _pause(self) -> None:
        was = self._timer.isActive()
        self._timer.stop()
        self._show_play_button()
        if self._run is not None and self._run.partial:
            self._run.rewind_partial()  # whole epochs only: the paused network is exactly "after `epoch` epochs"
        if was:
            self.preview(self._current_trained())
            self.commit(f"Train to epoch {self._state.epoch}")
            self._render_views(self._state, force=True)  # tables were throttled while playing: show exact numbers

    def _show_play_button(self) -> None:
        b = self.controls.play_button
        b.blockSignals(True)
        b.setChecked(self._timer.isActive())
        b.setText("❚❚ Pause" if self._timer.isActive() else "▶ Play")
        b.blockSignals(False)

    def _tick(self) -> None:
        """One timer tick: either a short slice of training or a redraw, never both (each stays within ~10 ms)."""
        run = self._run
        if run is None:
            self._pause()
            return
        if self.controls.speed.currentData() == 0:
            if self._trained_since_frame and time.perf_counter() - self._last_frame >= FRAME_S:
                self._show_progress(run)
                return
            status = run.advance(TRAIN_SLICE_S)
            self._trained_since_frame = True
        else:  # paced: one epoch per shown frame (a big epoch is spread over several ticks)
            status = run.advance(TRAIN_SLICE_S, max_epochs=1)
            if run.partial and status == "ready":
                return
        if status != "ready" or self.controls.speed.currentData() != 0:
            self._show_progress(run)

    def _show_progress(self, run: TrainingRun) -> None:
        """Show the live run's weights and epoch (a preview); stop with a message when it diverged."""
        self._last_frame = time.perf_counter()
        self._trained_since_frame = False
        self.preview(dataclasses.replace(self._state, weights=run.weights(), epoch=run.epoch))
        if run.status == "diverged":
            self._timer.stop()
            self._show_play_button()
            self.error_message(run.message)
            self.commit("Train until divergence")

    def train_epochs(self, epochs: int) -> None:
        """Train ``epochs`` epochs now (the Step button; also used by tests and lessons) as one undo step."""
        if self._run is None:
            self.error_message(self._data_error or "nothing to train")
            return
        status = self._run.run(epochs)
        self.edit(
            dataclasses.replace(self._state, weights=self._run.weights(), epoch=self._run.epoch),
            f"Train {epochs} epoch{'s' if epochs != 1 else ''}",
        )
        if status == "diverged":
            self.error_message(self._run.message)

    def step_epoch(self) -> None:
        """One epoch (pauses first)."""
        self._pause()
        self.train_epochs(1)

    def reset_weights(self) -> None:
        """Fresh seeded weights at epoch 0 (keeps data and settings)."""
        self._pause()
        self._run = None
        self.edit(dataclasses.replace(self._state, weights=None, epoch=0), "Reset network")
        self._sync_run(self._state)
        self.render(self._state)

    # --- rendering ----------------------------------------------------------------------------------------------
    def _sync_run(self, state: NetworkState) -> None:
        """Keep the live run when the state is the run's own progress; otherwise rebuild it from the state."""
        run = self._run
        if run is not None and _config(run.state) == _config(state) and run.epoch == state.epoch:
            try:
                same = np.array_equal(run.params, network_params(state))
            except NetworkError:
                same = False
            if same:
                run.state = state  # same network and settings; only what is shown changed
                return
        try:
            new = TrainingRun(state)
        except NetworkError as exc:
            self._run, self._data_error = None, str(exc)
            self._timer.stop()
            self._show_play_button()
            self.error_message(str(exc))
            return
        self._adopt(new, state)

    def _adopt(self, run: TrainingRun, state: NetworkState) -> None:
        """Make ``run`` the live one, continuing the loss history up to the state's epoch."""
        self._data_error = ""
        h = self._history
        keep = sum(1 for e in h["epoch"] if e < state.epoch) if state.epoch > 0 else 0
        self._history = {k: v[:keep] + run.history[k] for k, v in h.items()}
        run.history = self._history
        self._run = run

    def render(self, state: NetworkState) -> None:
        self._sync_run(state)
        if _config(state) != self._controls_shown:  # training only changes weights: leave the inputs alone
            self._render_controls(state)
            self._controls_shown = _config(state)
        self._render_views(state)

    # --- surface for export, tests, shutdown --------------------------------------------------------------------
    def accuracy(self) -> float:
        """Share of training points classified right by the current weights."""
        if self._run is None:
            return float("nan")
        z = output_logits(self._run, self._state, self._run.data.x_train)
        return float(np.mean((z >= 0) == (self._run.data.y_train == 1)))

    def boundary_image(self) -> np.ndarray:
        """The probability map now shown, P(class 1) indexed [ix, iy] (a copy)."""
        return np.array(self.plane.probability, copy=True)

    def export_views(self) -> dict:
        return {
            "boundary": self.plane.getPlotItem(),
            "loss": self.loss_plot.getPlotItem(),
            "layers": self.layers.plot.getPlotItem(),
        }

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        out: dict[str, tuple[list[str], list[list[float]]]] = {}
        h = self._history
        out["loss"] = (
            ["epoch", "train_loss", "test_loss"],
            [list(r) for r in zip(h["epoch"], h["train_loss"], h["test_loss"], strict=True)],
        )
        if self._run is not None:
            d = self._run.data
            rows = [[*p, c, 1.0] for p, c in zip(d.x_train.tolist(), d.y_train.tolist(), strict=True)]
            rows += [[*p, c, 0.0] for p, c in zip(d.x_test.tolist(), d.y_test.tolist(), strict=True)]
            out["points"] = (["x", "y", "class", "is_training"], rows)
            out["weights"] = (["index", "value"], [[float(i), float(v)] for i, v in enumerate(self._run.params)])
        return out

    def shutdown(self) -> None:
        self._timer.stop()
        self._refit_timer.stop()
