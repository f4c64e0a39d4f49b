"""The Network lab: a small network learning a 2-D classification, with its matrices, layers and backprop visible.

Training runs in short slices on a QTimer (a few ms of mini-batches per tick, resumable mid-epoch), and a separate tick
redraws at most ~30 times a second, so no tick holds the GUI thread for more than ~10 ms: events keep flowing and Pause
answers at once. Each frame previews the new state (weights, epoch); pausing commits one undo step.

A dragged point moves at once (the plane moves one marker); the refit — new data, some mini-batch steps, a coarser
map — runs at most once a frame on a coalescing timer, with the newest mouse position.

The lab holds the state and composes small parts: ``training`` (:class:`TrainingController`), ``point_edits``
(:class:`PointsController`) and ``display`` (:class:`NetworkDisplay`), which draws what :func:`engine.nn.derive`
computed through the one cache in :meth:`NetworkLab.results`.
"""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.i18n import QT_TRANSLATE_NOOP
from engine.nn import (
    GRID_RES,
    NetworkError,
    NetworkResults,
    NetworkState,
    derive,
    network_params,
    state_layout,
    training_config,
)
from engine.optim import DEFAULTS
from gui import theme
from gui.fit import MAIN_PLOT_MIN
from gui.i18n import translate
from gui.labs.base import Lab
from gui.labs.network.backprop import BackpropView
from gui.labs.network.controls import NetworkControls
from gui.labs.network.layers import LayersView
from gui.labs.network.plane import BoundaryPlane
from gui.labs.network.points import PointsController
from gui.labs.network.render import DRAG_GRID_RES, NetworkDisplay
from gui.labs.network.training import TrainingController
from gui.labs.network.weights import WeightTables
from gui.widgets.control_column import control_column
from gui.widgets.field_controls import spec_of
from gui.widgets.lazy_page import LazyPage
from gui.widgets.plane import configure_plot, decade_axes
from gui.widgets.reflow import SIDE_MIN, Reflow
from gui.widgets.words import plain


class NetworkLab(Lab):
    """Decision boundary, loss curves, weight tables, layer transforms and backprop of a small dense network."""

    name = "network"
    title = QT_TRANSLATE_NOOP("Labs", "Neural network")
    state_type = NetworkState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._results_key: object = None
        self._results: NetworkResults | None = None
        self._controls_shown: object = None
        self._build()
        self.training = TrainingController(self)
        self.point_edits = PointsController(self)
        self.display = NetworkDisplay(self)
        self._connect()
        self.render(self._state)

    def results(self, state: NetworkState) -> NetworkResults:
        """``derive(state)`` over the visible plane (coarser while dragging), computed once per state and view."""
        view = self.plane.current_view()
        resolution = DRAG_GRID_RES if self.point_edits.dragging else GRID_RES
        layers = self.tabs.currentWidget() is self.layers_page  # the plane through the layers: only when shown
        key = (state, view, resolution, layers)
        if key != self._results_key or self._results is None:
            self._results = derive(state, view, resolution, layers=layers)
            self._results_key = key
        return self._results

    # --- layout -------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.plane = BoundaryPlane()
        self.plane.setMinimumSize(360, 300)
        self.error_text = pg.TextItem(color=theme.color("vermillion"), anchor=(0.5, 0.5))
        self.error_text.setFont(theme.font(1.1, bold=True))
        self.plane.getPlotItem().addItem(self.error_text, ignoreBounds=True)
        self.loss_plot = pg.PlotWidget()
        loss_item = self.loss_plot.getPlotItem()
        decade_axes(loss_item, "left")
        configure_plot(loss_item)
        loss_item.setLogMode(y=True)
        label_style = {"color": theme.color("fg").name(), "font-size": f"{theme.current().font_pt}pt"}
        loss_item.setLabel("bottom", translate("Network", "epoch"), **label_style)
        loss_item.setLabel("left", translate("Network", "loss (log scale)"), **label_style)
        loss_item.getAxis("bottom").enableAutoSIPrefix(False)
        loss_item.getAxis("left").enableAutoSIPrefix(False)
        loss_item.addLegend(offset=(-10, 10), labelTextSize=f"{theme.current().font_pt}pt")
        self.train_curve = loss_item.plot(
            pen=theme.pen("blue"), name=translate("Network", "training"), connect="finite"
        )
        self.test_curve = loss_item.plot(
            pen=theme.pen("vermillion", style="dash"), name=translate("Network", "test"), connect="finite"
        )
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
        self.training_split, self.side_split = training, right
        # a narrow tab (1024 × 768 with the Lessons panel): the plane above, the loss beside the weights under it
        self.training_reflow = Reflow(training, MAIN_PLOT_MIN + SIDE_MIN + training.handleWidth(), (self.plane, right),
                                      self._arrange_training)  # fmt: skip
        # The two teaching tabs are built when first shown (two PlotWidgets: ~30 ms off the lab's first open).
        self.layers_page, self.backprop_page = LazyPage(LayersView), LazyPage(BackpropView)
        self.layers_page.built.connect(self._connect_layers)
        self.backprop_page.built.connect(self._connect_backprop)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(training, translate("Network", "Boundary, loss && weights"))
        self.tabs.addTab(self.layers_page, translate("Network", "Layers transform the plane"))
        self.tabs.addTab(self.backprop_page, translate("Network", "Backpropagation"))
        # a narrow window shortens the tab names (whole in their tooltips) rather than hide a tab behind arrows
        self.tabs.setElideMode(QtCore.Qt.TextElideMode.ElideRight)
        for i in range(self.tabs.count()):
            self.tabs.setTabToolTip(i, self.tabs.tabText(i).replace("&&", "&"))
        self.controls = NetworkControls()
        scroll = control_column(self.controls)
        scroll.setFixedWidth(340)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(scroll)

    def _arrange_training(self, narrow: bool) -> None:
        """Plane beside the loss curve over the weights (wide), or above the loss beside the weights (narrow)."""
        vertical, horizontal = QtCore.Qt.Orientation.Vertical, QtCore.Qt.Orientation.Horizontal
        self.training_split.setOrientation(vertical if narrow else horizontal)
        self.side_split.setOrientation(horizontal if narrow else vertical)
        self.training_split.setSizes([420, 300] if narrow else [420, 340])
        self.side_split.setSizes([300, 400] if narrow else [260, 400])

    @property
    def layers(self) -> LayersView:
        """The layer-by-layer view (built on first use)."""
        return self.layers_page.view()

    @property
    def backprop(self) -> BackpropView:
        """The backpropagation view (built on first use)."""
        return self.backprop_page.view()

    def _connect_layers(self, view: LayersView) -> None:
        view.stage_changed.connect(lambda k: self.edit_keep(translate("Network", "Show layer step"), stage=k))
        view.projection_changed.connect(
            lambda p: self.edit_keep(translate("Network", "Change projection"), projection=p)
        )

    def _connect_backprop(self, view: BackpropView) -> None:
        view.probe_changed.connect(lambda k: self.edit_keep(translate("Network", "Choose point"), probe=max(k, 0)))
        view.open_derivatives.connect(lambda: self.request_lab.emit("derivatives"))

    def _connect(self) -> None:
        c, training, points = self.controls, self.training, self.point_edits
        c.play_button.toggled.connect(training.on_play)
        c.step_button.clicked.connect(training.step_epoch)
        c.reset_button.clicked.connect(training.reset_weights)
        c.dataset.currentIndexChanged.connect(lambda _i: points.on_dataset(c.dataset.currentData()))
        c.n_points.valueChanged.connect(
            lambda v: self.edit_data(translate("Network", "Change number of points"), n_points=v)
        )
        c.noise.valueChanged.connect(lambda v: self.edit_data(translate("Network", "Change noise"), noise=round(v, 4)))
        c.seed.valueChanged.connect(lambda v: self.edit_fresh(translate("Network", "Change seed"), seed=v))
        seed_hi = int(spec_of(NetworkState, "seed").hi)
        c.new_seed.clicked.connect(
            lambda: self.edit_fresh(translate("Network", "New seed"), seed=random.randrange(0, seed_hi))
        )
        c.test_fraction.valueChanged.connect(
            lambda _v: self.edit_data(translate("Network", "Change test share"), test_fraction=c.test_fraction_value())
        )
        c.class_group.idToggled.connect(lambda i, on: setattr(self.plane, "place_class", i) if on else None)
        c.load_csv.clicked.connect(points.ask_csv)
        c.clear_points.clicked.connect(
            lambda: self.edit_data(translate("Network", "Clear points"), dataset="custom", points=())
        )
        c.add_layer.clicked.connect(self.add_layer)
        c.remove_layer.clicked.connect(self.remove_layer)
        for i, spin in enumerate(c.units):
            spin.valueChanged.connect(lambda v, i=i: self._set_units(i, v))
        c.activation.currentIndexChanged.connect(
            lambda _i: self.edit_fresh(translate("Network", "Change activation"), activation=c.activation.currentData())
        )
        c.loss.currentIndexChanged.connect(
            lambda _i: self.edit_keep(translate("Network", "Change loss"), loss=c.loss.currentData())
        )
        c.optimizer.currentIndexChanged.connect(
            lambda _i: self.edit_keep(
                translate("Network", "Change optimizer"), optimizer=c.optimizer.currentData(), hyper=()
            )
        )
        c.batch_size.valueChanged.connect(
            lambda v: self.edit_keep(translate("Network", "Change batch size"), batch_size=v)
        )
        c.speed.currentIndexChanged.connect(lambda _i: training.set_timer_interval())
        self.plane.point_added.connect(points.on_point_added)
        self.plane.point_moved.connect(points.on_point_moved)
        self.plane.point_move_finished.connect(points.on_point_dropped)
        self.plane.point_removed.connect(points.on_point_removed)
        self.weights.weight_edited.connect(self._on_weight_edited)
        self.weights.edit_error.connect(self.error_message)
        self.weights.editing_started.connect(training.pause)
        self.plane.getPlotItem().getViewBox().sigRangeChanged.connect(lambda *_: self.display.draw_grid())
        self.tabs.currentChanged.connect(lambda _i: self.display.show(self._state, force=True))

    # --- edits --------------------------------------------------------------------------------------------------
    def try_state(self, state: NetworkState, text: str, *, live: bool = False) -> bool:
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

    def edit_keep(self, text: str, **changes) -> None:
        """Change settings that keep the current weights (loss, optimizer, batch, what is shown)."""
        self.try_state(dataclasses.replace(self.training.trained_state(), **changes), text)

    def edit_fresh(self, text: str, **changes) -> None:
        """Change something that needs a new network (architecture, activation, seed): fresh weights, epoch 0."""
        self.training.pause()
        self.try_state(dataclasses.replace(self._state, weights=None, epoch=0, **changes), text)

    def edit_data(self, text: str, **changes) -> None:
        """Change the data but keep training the same network."""
        self.try_state(dataclasses.replace(self.training.trained_state(), **changes), text)

    def _set_units(self, layer: int, units: int) -> None:
        hidden = list(self._state.hidden)
        if layer < len(hidden) and hidden[layer] != units:
            hidden[layer] = units
            self.edit_fresh(
                translate("Network", "Set layer {0} to {1} units").format(layer + 1, units), hidden=tuple(hidden)
            )

    def add_layer(self) -> None:
        """Append a hidden layer (as wide as the last one, or 4)."""
        hidden = self._state.hidden
        self.edit_fresh(translate("Network", "Add layer"), hidden=(*hidden, hidden[-1] if hidden else 4))

    def remove_layer(self) -> None:
        """Drop the last hidden layer (none left = logistic regression)."""
        if self._state.hidden:
            self.edit_fresh(translate("Network", "Remove layer"), hidden=self._state.hidden[:-1])

    def _on_weight_edited(self, flat: int, value: float) -> None:
        self.training.pause()
        state = self.training.trained_state()
        weights = list(state.weights if state.weights is not None else network_params(state))
        weights[flat] = value
        self.try_state(
            dataclasses.replace(state, weights=tuple(float(w) for w in weights)), translate("Network", "Edit weight")
        )

    def on_hyper(self, name: str, values: dict, _enabled: bool, final: bool) -> None:
        """The optimizer controls changed lr or a hyperparameter (live while a slider moves; ``final`` commits)."""
        lr = float(values.pop("lr", self._state.lr))
        hyper = tuple((k, float(v)) for k, v in values.items() if v != DEFAULTS[name].get(k))
        state = dataclasses.replace(self.training.trained_state(), lr=lr, hyper=hyper)
        self.try_state(state, translate("Network", "Change hyperparameters"), live=not final)
        if final:
            self.commit(translate("Network", "Change hyperparameters"))

    # --- rendering ----------------------------------------------------------------------------------------------
    def render(self, state: NetworkState) -> None:
        self.training.sync(state)
        self.display.show_view(state)
        # training only changes weights, a point drag only the points: the inputs (which show no point) stay alone
        controls = dataclasses.replace(training_config(state), points=())
        if controls != self._controls_shown:
            self.display.show_controls(state, self.results(state))
            self._controls_shown = controls
        self.display.show(state)

    # --- surface for export, tests, lessons, shutdown -----------------------------------------------------------
    def is_playing(self) -> bool:
        """Whether training is running."""
        return self.training.is_playing()

    def train_epochs(self, epochs: int) -> None:
        """Train ``epochs`` epochs now as one undo step (the Step button; also used by tests and lessons)."""
        self.training.train_epochs(epochs)

    def load_csv(self, path_or_text: str) -> bool:
        """Load x, y, class points from a CSV; on bad data say why and keep the current points."""
        return self.point_edits.load_csv(path_or_text)

    def accuracy(self) -> float:
        """Share of training points classified right by the current weights."""
        if self.training.run is None:
            return float("nan")
        return self.results(self._state).train_accuracy

    def boundary_image(self) -> np.ndarray:
        """The probability map now shown, P(class 1) indexed [ix, iy] (a copy)."""
        return np.array(self.plane.probability, copy=True)

    def describe(self) -> str:
        """E.g. "2-4-2-1 network, 25 parameters; epoch 0; training loss 0.6995, test loss 0.7239; accuracy …"."""
        s = self._state
        r = self._results
        if r is None:
            return ""
        if not r.ok:
            return plain(r.data_error)
        text = self.tr("{0}; {1} points, epoch {2}; training loss {3}, test loss {4}; accuracy (train / test) {5}")
        text = text.format(
            plain(r.architecture), len(r.all_points), s.epoch, r.train_loss_text, r.test_loss_text, r.accuracy_text
        )
        selected = self.plane.drag.selection_text()  # the point the keyboard holds, for a screen reader user
        return f"{text}. {selected}" if selected else text

    def export_views(self) -> dict:
        return {
            "boundary": self.plane.getPlotItem(),
            "loss": self.loss_plot.getPlotItem(),
            "layers": self.layers.plot.getPlotItem(),
        }

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        out: dict[str, tuple[list[str], list[list[float]]]] = {}
        h = self.training.history
        out["loss"] = (
            ["epoch", "train_loss", "test_loss"],
            [list(r) for r in zip(h["epoch"], h["train_loss"], h["test_loss"], strict=True)],
        )
        run = self.training.run
        if run is not None:
            d = run.data
            rows = [[*p, c, 1.0] for p, c in zip(d.x_train.tolist(), d.y_train.tolist(), strict=True)]
            rows += [[*p, c, 0.0] for p, c in zip(d.x_test.tolist(), d.y_test.tolist(), strict=True)]
            out["points"] = (["x", "y", "class", "is_training"], rows)
            weights = []  # layer 1 goes from the inputs (x₁, x₂) to the first hidden layer; units count from 1
            for layer, (w, b) in enumerate(run.layout.views(run.params), start=1):
                weights += [[layer, i + 1, j + 1, float(w[j, i])] for j in range(w.shape[0]) for i in range(w.shape[1])]
                weights += [[layer, "bias", j + 1, float(b[j])] for j in range(b.shape[0])]
            out["weights"] = (["layer", "from_unit", "to_unit", "value"], weights)
        return out

    def shutdown(self) -> None:
        self.training.timer.stop()
        self.point_edits.refit_timer.stop()
