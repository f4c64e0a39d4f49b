"""How the Network lab shows a state: control values, the probability map, points, curves, tables and sub-views.

A mixin of :class:`gui.labs.network.lab.NetworkLab`, split out so each module stays readable; it only reads the lab's
state and live run and writes into widgets (never edits state).
"""

from __future__ import annotations

import time

import numpy as np
from PySide6 import QtCore

from engine.nn import NetworkState, TrainingRun, backprop_trace, forward, layer_stages, probability_grid, state_layout
from engine.optim import DEFAULTS
from gui import theme

GRID_RES = 64  # probability-map samples per axis: ~1 ms per frame for a 2-8-8-1 network
DRAG_GRID_RES = 40  # ... while a point is dragged, when the map is redrawn every frame
TABLE_PERIOD_S = 0.25  # while training or dragging, weight tables refresh at most 4 times a second
CURVE_PERIOD_S = 0.2  # ... and the loss curves 5 times a second (a new axis range repaints both axes: ~6 ms)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50 … that is ≥ ``value``: axis ranges that change in a few big steps."""
    if value <= 1.0:
        return 1.0
    decade = 10.0 ** np.floor(np.log10(value))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * decade >= value * (1 - 1e-12):
            return float(m * decade)
    return float(10.0 * decade)


class NetworkViewsMixin:
    """``render`` helpers of the Network lab (expects the lab's widgets, ``_run``, ``_history`` and flags)."""

    def _render_controls(self, state: NetworkState) -> None:
        c = self.controls
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
        c.test_fraction.setValue(round(state.test_fraction * 100))
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
        c.add_layer.setEnabled(len(state.hidden) < 3)
        c.remove_layer.setEnabled(len(state.hidden) > 0)
        arch = "-".join(str(s) for s in (2, *state.hidden, 1))
        what = "logistic regression" if not state.hidden else f"{len(state.hidden)} hidden layer(s)"
        c.arch_label.setText(f"<b>{arch}</b> network — {what}, {state_layout(state).n_params} parameters")
        hyper = c.show_optimizer(state.optimizer)
        if not getattr(hyper, "_network_connected", False):
            hyper.changed.connect(self._on_hyper)
            hyper._network_connected = True
        hyper.set_values({**DEFAULTS[state.optimizer], **dict(state.hyper), "lr": state.lr}, True)

    def _render_views(self, state: NetworkState, force: bool = False) -> None:
        run = self._run
        if state.view != self._shown_view:  # setRange on every frame would re-layout the plot for nothing
            self._shown_view = state.view
            self.plane.set_view(state.view)
        if run is None:
            x0, x1, y0, y1 = state.view
            self.error_text.setText(self._data_error)
            self.error_text.setPos((x0 + x1) / 2, (y0 + y1) / 2)
            self.plane.set_grid(np.full((2, 2), 0.5), state.view)
            self._show_points(state, None)
            self._readouts(state, None)
            return
        self.error_text.setText("")
        params, layout = run.params, run.layout
        self._draw_grid()
        if not self._dragging or force:  # while dragging, the plane's marker shows the moved point
            self._show_points(state, run)
        now = time.perf_counter()
        busy = self.is_playing() or self._dragging
        if force or not busy or now - self._last_curve_update > CURVE_PERIOD_S:
            self._last_curve_update = now
            self._draw_curves()
        self._readouts(state, run)
        if force or not busy or now - self._last_table_update > TABLE_PERIOD_S:
            self._last_table_update = now
            self.weights.set_network(layout, params)
        current = self.tabs.currentWidget()
        n_train = len(run.data.y_train)
        probe = min(state.probe, n_train - 1)
        if current is self.layers_page:
            pts = np.concatenate([run.data.x_train, run.data.x_test])
            labels = np.concatenate([run.data.y_train, run.data.y_test])
            stages = layer_stages(params, layout, state.activation, state.view, pts, state.projection)
            stage = min(state.stage, len(stages) - 1)
            self.layers.set_controls(len(stages), stage, state.projection)
            self.layers.show_stage(stages[stage], stage, len(stages), labels)
        elif current is self.backprop_page:
            self.backprop.set_probe_range(n_train, probe)
            trace = backprop_trace(
                params, layout, state.activation, state.loss, tuple(run.data.x_train[probe]), run.data.y_train[probe]
            )
            self.backprop.show_trace(trace, state.loss)
        self.plane.set_probe(tuple(run.data.x_train[probe]) if current is self.backprop_page else None)

    def _draw_curves(self) -> None:
        """Training and test loss against epoch, in ranges that only step (so the axes are rarely redrawn)."""
        h = self._history
        epochs = np.asarray(h["epoch"])
        train = np.maximum(np.asarray(h["train_loss"]), 1e-12)
        test = np.asarray(h["test_loss"])
        test = np.where(np.isfinite(test), np.maximum(test, 1e-12), np.nan)
        self.train_curve.setData(epochs, train)
        self.test_curve.setData(epochs, test)
        if not len(epochs):
            return
        first = float(epochs[0])
        span = nice_ceiling(max(float(epochs[-1]) - first, 10.0))  # one point: show the first epochs to come
        losses = np.concatenate([train, test[np.isfinite(test)]])
        losses = losses[np.isfinite(losses)]
        lo, hi = (float(losses.min()), float(losses.max())) if len(losses) else (0.1, 1.0)
        # log10 range snapped to half decades, with a margin so the curves never touch the frame
        y_range = (np.floor(2 * np.log10(lo) - 0.2) / 2, np.ceil(2 * np.log10(hi) + 0.2) / 2)
        wanted = (first, first + span, *y_range)
        if wanted != self._loss_range:
            self._loss_range = wanted
            vb = self.loss_plot.getPlotItem().getViewBox()
            vb.setRange(xRange=(first, first + span), yRange=y_range, padding=0)

    def _draw_grid(self) -> None:
        """Shade P(class 1) over the whole visible plane (equal aspect makes it wider than ``state.view``)."""
        run = self._run
        if run is None:
            return
        view = self.plane.current_view()
        res = DRAG_GRID_RES if self._dragging else GRID_RES
        self.plane.set_grid(probability_grid(run.params, run.layout, self._state.activation, view, res), view)

    def _show_points(self, state: NetworkState, run: TrainingRun | None) -> None:
        points = state.points if state.dataset == "custom" else ()
        key = (state.dataset, state.n_points, state.noise, state.seed, state.test_fraction, points, run is None)
        if key == self._shown_data_key:
            return
        self._shown_data_key = key
        if run is None:
            arr = np.asarray(points, dtype=float).reshape(-1, 3)
            arr = arr[np.isfinite(arr).all(axis=1)]
            self.plane.set_points(arr[:, :2], (arr[:, :2], arr[:, 2]), (np.zeros((0, 2)), ()))
            return
        if state.dataset == "custom":
            all_xy = np.asarray(points, dtype=float)[:, :2]
        else:
            all_xy = np.asarray(self._current_points(), dtype=float)[:, :2]  # indices as a drag will see them
        d = run.data
        self.plane.set_points(all_xy, (d.x_train, d.y_train), (d.x_test, d.y_test))

    def _readouts(self, state: NetworkState, run: TrainingRun | None) -> None:
        r = self.controls.readouts
        r["epoch"].setText(str(state.epoch))
        if run is None:
            for k in ("train_loss", "test_loss", "accuracy"):
                r[k].setText("—")
            r["status"].setText("no usable data")
            return
        train, test = self._history["train_loss"][-1], self._history["test_loss"][-1]
        r["train_loss"].setText(f"{train:.4f}")
        r["test_loss"].setText("no test set" if not np.isfinite(test) else f"{test:.4f}")
        acc = []
        for x, y in ((run.data.x_train, run.data.y_train), (run.data.x_test, run.data.y_test)):
            if len(y):
                z = output_logits(run, state, x)
                acc.append(f"{np.mean((z >= 0) == (y == 1)):.1%}")
        r["accuracy"].setText(" / ".join(acc))
        status = "diverged" if run.status == "diverged" else ("training…" if self.is_playing() else "paused")
        r["status"].setText(status)
        r["status"].setStyleSheet(f"color: {theme.COLORS['vermillion']};" if status == "diverged" else "")


def output_logits(run: TrainingRun, state: NetworkState, x: np.ndarray) -> np.ndarray:
    """Output logit z for each row of x (z ≥ 0 means class 1): what accuracy counts."""
    return forward(run.params, run.layout, state.activation, x)[0][-1][:, 0]
