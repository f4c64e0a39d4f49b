"""How the Network lab shows a state: control values, the probability map, points, curves, tables and sub-views.

:class:`NetworkDisplay` only writes what :func:`engine.nn.derive` computed (and the live run's loss history) into the
lab's widgets; it never edits state and does no mathematics of its own.
"""

from __future__ import annotations

import time

from PySide6 import QtCore

from engine.nn import NetworkResults, NetworkState, loss_curves
from engine.optim import DEFAULTS
from gui import theme
from gui.i18n import translate
from gui.labs.base import Lab

__all__ = ["NetworkDisplay", "DRAG_GRID_RES", "TABLE_PERIOD_S", "CURVE_PERIOD_S"]

DRAG_GRID_RES = 40  # probability-map samples per axis while a point is dragged (the map is redrawn every frame)
TABLE_PERIOD_S = 0.25  # while training or dragging, weight tables refresh at most 4 times a second
CURVE_PERIOD_S = 0.2  # ... and the loss curves 5 times a second (a new axis range repaints both axes: ~6 ms)


class NetworkDisplay:
    """Draws a Network lab's derived results into its widgets, throttling the costly ones while training or dragging."""

    def __init__(self, lab: Lab) -> None:
        self.lab = lab
        self._shown_data_key: object = None
        self._shown_view: object = None
        self._loss_range: object = None
        self._last_table_update = 0.0
        self._last_curve_update = 0.0

    def show_controls(self, state: NetworkState, results: NetworkResults) -> None:
        """Put the state's settings into the control column (under signal blockers)."""
        lab = self.lab
        c = lab.controls
        widgets = [
            c.dataset,
            c.n_points,
            c.noise,
            c.seed,
            c.test_fraction,
            c.activation,
            c.loss,
            c.optimizer,
            c.batch_size,
            *c.units,
        ]
        blockers = [QtCore.QSignalBlocker(w) for w in widgets]
        c.dataset.setCurrentIndex(c.dataset.findData(state.dataset))
        c.n_points.setValue(state.n_points)
        c.noise.setValue(state.noise)
        c.seed.setValue(state.seed)
        c.set_test_fraction(state.test_fraction)
        generated = state.dataset != "custom"
        c.n_points.setEnabled(generated)
        c.noise.setEnabled(generated)
        c.activation.setCurrentIndex(c.activation.findData(state.activation))
        c.loss.setCurrentIndex(c.loss.findData(state.loss))
        c.optimizer.setCurrentIndex(c.optimizer.findData(state.optimizer))
        c.batch_size.setValue(state.batch_size)
        for i, spin in enumerate(c.units):
            spin.setVisible(i < len(state.hidden))
            if i < len(state.hidden):
                spin.setValue(state.hidden[i])
        del blockers
        c.add_layer.setEnabled(results.can_add_layer)
        c.remove_layer.setEnabled(results.can_remove_layer)
        c.arch_label.setText(results.architecture)
        hyper = c.show_optimizer(state.optimizer)
        if hyper.property("network_connected") is not True:
            hyper.changed.connect(lab.on_hyper)
            hyper.setProperty("network_connected", True)
        hyper.set_values({**DEFAULTS[state.optimizer], **dict(state.hyper), "lr": state.lr}, True)

    def show_view(self, state: NetworkState) -> None:
        """Give the plane the state's range (first: the map is derived for the area the plane then shows)."""
        if state.view != self._shown_view:  # setRange on every frame would re-layout the plot for nothing
            self._shown_view = state.view
            self.lab.plane.set_view(state.view)

    def show(self, state: NetworkState, force: bool = False) -> None:
        """Draw the state's results: map, points, curves, readouts, tables and the visible teaching tab."""
        lab = self.lab
        training = lab.training
        self.show_view(state)
        results = lab.results(state)
        dragging = lab.point_edits.dragging
        if training.run is None or not results.ok:
            x0, x1, y0, y1 = state.view
            lab.error_text.setText(results.data_error or training.error)
            lab.error_text.setPos((x0 + x1) / 2, (y0 + y1) / 2)
            lab.plane.set_grid(results.probability, results.boundary, results.plane_view)
            self.show_points(state, results, usable=False)
            self.show_readouts(state, results, usable=False)
            return
        lab.error_text.setText("")
        lab.plane.set_grid(results.probability, results.boundary, results.plane_view)
        if not dragging or force:  # while dragging, the plane's marker shows the moved point
            self.show_points(state, results, usable=True)
        now = time.perf_counter()
        busy = training.is_playing() or dragging
        if force or not busy or now - self._last_curve_update > CURVE_PERIOD_S:
            self._last_curve_update = now
            self.draw_curves()
        self.show_readouts(state, results, usable=True)
        if force or not busy or now - self._last_table_update > TABLE_PERIOD_S:
            self._last_table_update = now
            lab.weights.set_network(results.layout, results.params)
        current = lab.tabs.currentWidget()
        if current is lab.layers_page:
            lab.layers.set_controls(len(results.stages), results.stage, state.projection)
            lab.layers.show_stage(
                results.stages[results.stage],
                results.stage,
                len(results.stages),
                results.stage_labels,
                results.separator,
            )
        elif current is lab.backprop_page:
            lab.backprop.set_probe_range(len(results.data.y_train), results.probe)
            lab.backprop.show_trace(results.trace, state.loss)
        lab.plane.set_probe(results.probe_xy if current is lab.backprop_page else None)

    def draw_curves(self) -> None:
        """Training and test loss against epoch, in ranges that only step (so the axes are rarely redrawn)."""
        lab = self.lab
        curves = loss_curves(lab.training.history)
        lab.train_curve.setData(curves.epochs, curves.train)
        lab.test_curve.setData(curves.epochs, curves.test)
        if curves.ranges is None or curves.ranges == self._loss_range:
            return
        self._loss_range = curves.ranges
        x0, x1, y0, y1 = curves.ranges
        lab.loss_plot.getPlotItem().getViewBox().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def draw_grid(self) -> None:
        """Shade P(class 1) over the whole visible plane (equal aspect makes it wider than ``state.view``)."""
        lab = self.lab
        if lab.training.run is None:
            return
        results = lab.results(lab.state())
        if results.ok:
            lab.plane.set_grid(results.probability, results.boundary, results.plane_view)

    def show_points(self, state: NetworkState, results: NetworkResults, usable: bool) -> None:
        """Training points filled, test points hollow; redrawn only when the data changed."""
        points = state.points if state.dataset == "custom" else ()
        key = (state.dataset, state.n_points, state.noise, state.seed, state.test_fraction, points, usable)
        if key == self._shown_data_key:
            return
        self._shown_data_key = key
        plane = self.lab.plane
        if not usable or results.data is None:
            xy = results.all_points
            plane.set_points(xy, (xy, results.all_classes), (xy[:0], ()))
            return
        d = results.data
        plane.set_points(results.all_points, (d.x_train, d.y_train), (d.x_test, d.y_test))

    def show_readouts(self, state: NetworkState, results: NetworkResults, usable: bool) -> None:
        """Epoch, losses, accuracy and the run's status."""
        lab = self.lab
        r = lab.controls.readouts
        r["epoch"].setText(str(state.epoch))
        if not usable:
            for k in ("train_loss", "test_loss", "accuracy"):
                r[k].setText("—")
            r["status"].setText(translate("Network", "no usable data"))
            return
        r["train_loss"].setText(results.train_loss_text)
        r["test_loss"].setText(results.test_loss_text)
        r["accuracy"].setText(results.accuracy_text)
        run = lab.training.run
        status = "diverged" if run.status == "diverged" else ("training…" if lab.training.is_playing() else "paused")
        r["status"].setText(status)
        r["status"].setStyleSheet(f"color: {theme.COLORS['vermillion']};" if status == "diverged" else "")
