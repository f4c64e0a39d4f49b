"""Classifier lab: logistic regression outputs probabilities; a threshold turns them into labels; statistics says how
good the model is (ROC/AUC, PR, calibration, intervals, McNemar, multiple comparisons).

All numbers come from ``engine.classify``; this module turns widget signals into new states and hands results to the
views. The Evaluation tab's resampling runs off the GUI thread.

A point dragged with the mouse moves at once; the refit it causes (Newton's method, the probability map, the
boundary, the readouts) follows the newest position at most every :data:`DRAG_REFIT_S`, fitted on one event-loop
pass and drawn on the next, so a mouse move never waits behind a whole refit. The release shows the exact refit of
the final position (arrow keys refit on every step, as a key press is a step of its own).
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from PySide6 import QtCore, QtWidgets

from engine.classify import TABS, ClassifierResults, ClassifierState, code, derive
from gui import theme
from gui.labs.base import Lab
from gui.labs.classifier.coefficients import CoefficientTable
from gui.labs.classifier.controls import ClassifierControls
from gui.labs.classifier.data import CsvLoader
from gui.labs.classifier.evaluation import EvaluationView
from gui.labs.classifier.plane import FeaturePlane
from gui.labs.classifier.threshold import ThresholdPane, fill_room
from gui.widgets.catch_up import CatchUp
from gui.widgets.control_column import control_column
from gui.widgets.lazy_page import LazyPage
from gui.widgets.results_cache import ResultsCache

__all__ = ["ClassifierLab", "DRAG_REFIT_S"]

DRAG_REFIT_S = 0.03
"""While a point is dragged, refit (and redraw the map and boundary) at most this often, with the newest position."""


class ClassifierLab(Lab):
    """Fit a logistic regression, move the threshold, and judge the model with statistics."""

    name = "classifier"
    title = "Classifier"
    state_type = ClassifierState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.controls = ClassifierControls()
        self.plane = FeaturePlane()
        self.coef = CoefficientTable()
        model = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(model)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plane, 1)
        lay.addWidget(self.coef)

        # The Threshold and Evaluation tabs are built when first shown (four PlotWidgets: ~100 ms off the first open).
        self.threshold_page = LazyPage(ThresholdPane)
        self.threshold_page.built.connect(self._connect_threshold)
        self.evaluation_page = LazyPage(EvaluationView)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(model, self.tr("Model"))
        self.tabs.addTab(self.threshold_page, self.tr("Threshold"))
        self.tabs.addTab(self.evaluation_page, self.tr("Evaluation"))
        self.tabs.setAccessibleName(self.tr("Classifier views"))
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.summary.setFont(theme.font(1.05))
        self.summary.setMinimumHeight(40)
        self.summary.setAccessibleName(self.tr("Summary"))
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.tabs, 1)
        left.addWidget(self.summary)
        scroll = control_column(self.controls)
        scroll.setFixedWidth(330)
        layout = QtWidgets.QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(scroll)

        # plots take the room that is left: their 640 × 480 size hint would make the lab taller than a 720 p window
        fill_room(self.plane)
        self.csv = CsvLoader(self)
        self.results = ResultsCache(derive)
        self._drag_moved: tuple[tuple[float, float, float], ...] | None = None
        self.catch_up = CatchUp(self)
        self._held = False
        """A mouse holds a point, the threshold line or a slider: the summary and tables catch up at 10 Hz."""
        self._drag_state: ClassifierState | None = None  # the newest dragged position, not refitted yet
        self._fitted: ClassifierState | None = None  # refitted on this pass, drawn on the next
        self._last_refit = 0.0
        self.refit_timer = QtCore.QTimer(self)
        self.refit_timer.setSingleShot(True)
        self.refit_timer.timeout.connect(self._refit_pass)
        self._connect()
        self.render(self._state)

    @property
    def threshold_view(self) -> ThresholdPane:
        """The Threshold tab (built on first use)."""
        return self.threshold_page.view()

    @property
    def evaluation(self) -> EvaluationView:
        """The Evaluation tab (built on first use)."""
        return self.evaluation_page.view()

    sigmoid = property(lambda self: self.threshold_view.sigmoid, doc="The sigmoid with the threshold line.")
    confusion = property(lambda self: self.threshold_view.confusion, doc="The confusion matrix.")
    curve_view = property(lambda self: self.threshold_view.curve_view, doc="The ROC / PR / calibration plot.")
    curve_choice = property(lambda self: self.threshold_view.curve_choice, doc="Which curve the plot shows.")
    curve_text = property(lambda self: self.threshold_view.curve_text, doc="The curve's readout.")
    threshold_reflow = property(lambda self: self.threshold_view.reflow, doc="Side by side or stacked.")

    def _connect_threshold(self, view: ThresholdPane) -> None:
        """The Threshold tab was just built: wire it and show the state's curve choice."""
        view.curve_choice.currentIndexChanged.connect(
            lambda _i: self.set_fields("Choose curve", curve=view.curve_choice.currentData())
        )
        view.sigmoid.threshold_moved.connect(self._on_threshold_line)
        with QtCore.QSignalBlocker(view.curve_choice):
            view.curve_choice.setCurrentIndex(view.curve_choice.findData(self._state.curve))

    # --- wiring -------------------------------------------------------------------------------------------------------
    def _connect(self) -> None:
        c = self.controls
        combos = ((c.source, "source"), (c.positive, "positive"), (c.negative, "negative"),
                  (c.feature_x, "feature_x"), (c.feature_y, "feature_y"), (c.model_b, "model_b"))  # fmt: skip
        for combo, field in combos:
            combo.currentIndexChanged.connect(
                lambda _i, w=combo, f=field: self.set_fields(f"Set {f}", **{f: w.currentData()})
            )
        for slider, field in ((c.separation, "separation"), (c.l2, "l2"), (c.threshold, "threshold"),
                              (c.test_fraction, "test_fraction")):  # fmt: skip
            slider.value_changed.connect(lambda v, final, f=field: self._on_slider(f, v, final))
        for box, field in ((c.blob_n, "blob_n"), (c.split_seed, "split_seed"), (c.folds, "folds"),
                           (c.boot_resamples, "boot_resamples"), (c.mc_sets, "mc_sets"), (c.mc_seed, "mc_seed"),
                           (c.alpha, "alpha")):  # fmt: skip
            box.valueChanged.connect(
                lambda v, f=field, w=box: self.set_fields(f"Set {f}", **{f: type(getattr(self._state, f))(v)})
            )
        c.new_sample.clicked.connect(
            lambda: self.set_fields("New sample", blob_seed=(self._state.blob_seed + 1) % 2**31, moved=())
        )
        c.reset_points.clicked.connect(lambda: self.set_fields("Put points back", moved=()))
        c.load_csv.clicked.connect(self.csv.open_dialog)
        self.tabs.currentChanged.connect(lambda i: self.set_fields("Switch tab", tab=TABS[i]))
        self.plane.point_moved.connect(self._on_point_moved)
        self.plane.point_move_finished.connect(self._on_point_move_finished)

    def set_fields(self, text: str, **changes: Any) -> None:
        """A one-shot edit; refused with a message when the new state breaks a cross-field rule."""
        new = dataclasses.replace(self._state, **changes)
        if new.positive == new.negative:
            self.error_message(self.tr("The positive and negative class must be two different species."))
            self.render(self._state)
            return
        if new.feature_x == new.feature_y:
            self.error_message(self.tr("Choose two different features (or 'one feature only')."))
            self.render(self._state)
            return
        if any(k in changes for k in ("source", "positive", "negative", "feature_x", "feature_y", "blob_n")):
            new = dataclasses.replace(new, moved=())  # dragged points belong to the data they were dragged in
        self.edit(new, text)

    def _on_slider(self, field: str, value: float, final: bool) -> None:
        self._held = not final
        new = dataclasses.replace(self._state, **{field: value})
        if final:
            self.edit(new, f"Change {field}")
        else:
            self.preview(new)

    def _on_threshold_line(self, value: float, final: bool) -> None:
        t = round(min(max(value, 0.0), 1.0), 4)
        self._held = not final
        self.preview(dataclasses.replace(self._state, threshold=t))
        if final:
            self.commit("Drag threshold")

    def _on_point_moved(self, index: int, x: float, y: float) -> None:
        moved = [m for m in self._state.moved if int(m[0]) != index]
        moved.append((float(index), round(x, 6), round(y, 6)))
        mouse = self.plane.drag.dragging is not None  # a mouse drag (an arrow key's step shows at once)
        self._held = mouse
        new = dataclasses.replace(self._state, moved=tuple(moved))
        if mouse and self.plane.show_moved(index, moved[-1][1], moved[-1][2]):
            self._drag_state = new  # the marker has moved; the refit follows on the timer
            self._start_refit_timer()
            return
        self.preview(new)

    def _start_refit_timer(self) -> None:
        if not self.refit_timer.isActive():
            wait = DRAG_REFIT_S - (time.perf_counter() - self._last_refit)
            self.refit_timer.start(max(0, int(wait * 1000)))

    def _refit_pass(self) -> None:
        """Refit the newest dragged position (this pass) or draw the refit of the pass before (then wait again)."""
        if self._fitted is not None:
            state, self._fitted = self._fitted, None
            self.preview(state)
            if self._drag_state is not None:  # the pointer moved on meanwhile: its marker stays with it
                index, x, y = self._drag_state.moved[-1]
                self.plane.show_moved(int(index), x, y)
                self._start_refit_timer()
            return
        state, self._drag_state = self._drag_state, None
        if state is None:
            return
        self._last_refit = time.perf_counter()
        self.results.get(state)  # the fit, map and boundary now; drawn on the next pass
        self._fitted = state
        self.refit_timer.start(0)

    def _on_point_move_finished(self) -> None:
        """The drag ended: show the refit of the final position now, then one undo step."""
        self.refit_timer.stop()
        latest = self._drag_state if self._drag_state is not None else self._fitted
        self._drag_state = self._fitted = None
        if latest is not None:
            self.preview(latest)
        self.commit("Drag point")

    # --- render -------------------------------------------------------------------------------------------------------
    def render(self, state: ClassifierState) -> None:
        """Show ``state`` in every input and view."""
        self.controls.show_state(state)
        i = TABS.index(state.tab)
        if self.tabs.currentIndex() != i:
            with QtCore.QSignalBlocker(self.tabs):
                self.tabs.setCurrentIndex(i)
        if self.threshold_page.is_built():  # else it shows the state's curve when built
            j = self.curve_choice.findData(state.curve)
            if self.curve_choice.currentIndex() != j:
                with QtCore.QSignalBlocker(self.curve_choice):
                    self.curve_choice.setCurrentIndex(j)
        res = self.results.get(state)
        self.controls.data_error.setText(res.error)
        self.controls.data_error.setVisible(bool(res.error))
        if res.error:
            self.plane.clear_all()
            self.catch_up.run(lambda: self.summary.setText(res.error), False, key=self.summary)
            self.catch_up.run(self.coef.clear, False, key=self.coef)
            return
        self._show(state, res)

    def _show(self, state: ClassifierState, res: ClassifierResults) -> None:
        # the plots follow every move; the text under them (~1 ms a change, laid out and repainted) at 10 Hz
        held = self._held
        self.catch_up.run(lambda: self.summary.setText(res.summary), held, key=self.summary)
        if state.tab == "model":
            self.plane.show_results(res)
            self.catch_up.run(lambda: self._show_coefficients(res), held, key=self.coef)
        elif state.tab == "threshold":
            self._show_threshold(state, res, held)
        else:
            self.evaluation.request(state)

    def _show_threshold(self, state: ClassifierState, res: ClassifierResults, held: bool = False) -> None:
        self.sigmoid.show_results(res, state.threshold)
        self.confusion.show_results(res, res.split.data.classes)
        self.curve_view.show_results(res, state.curve)
        self.catch_up.run(lambda: self.curve_text.setText(res.curve_text), held, key=self.curve_text)

    def commit(self, text: str) -> None:
        """End of a gesture: nothing is held any more (the text held back catches up in the base)."""
        self._held = False
        super().commit(text)

    def _show_coefficients(self, res: ClassifierResults) -> None:
        """The coefficient table (estimate, SE, z, Wald p) and the log-loss / fit note under it."""
        self.coef.set_rows(res.coef_rows, res.fit_note)

    # --- the shared lab surface ------------------------------------------------------------------------------------
    def describe(self) -> str:
        """The current view in words (screen readers, the Describe panel)."""
        res = self.results.get(self._state)
        if res.error:
            return res.error
        text = res.summary + " " + res.metrics_text
        if self._state.moved:
            text += " " + self.tr("{0} point(s) moved by hand.").format(len(self._state.moved))
        selected = self.plane.drag.selection_text()  # the point the keyboard holds, for a screen reader user
        return f"{text} {selected}" if selected else text

    def notable(self) -> str:
        """Events worth announcing: perfectly separable classes, or every test point classified correctly."""
        res = self.results.get(self._state)
        if res.error:
            return ""
        if res.separation_path is not None:
            return self.tr("The classes are perfectly separable: the weights grow without bound.")
        if res.conf.fp + res.conf.fn == 0 and res.conf.tp + res.conf.tn > 0:
            return self.tr("Every test point is classified correctly.")
        return self.tr("{0} test point(s) misclassified.").format(res.conf.fp + res.conf.fn)

    def export_views(self) -> dict[str, Any]:
        """The feature plane, the sigmoid and the chosen curve."""
        if not self.threshold_page.is_built() or self._state.tab != "threshold":  # drawn only while their tab shows
            res = self.results.get(self._state)
            if not res.error:
                self._show_threshold(self._state, res)
        return {"plane": self.plane.getPlotItem(), "sigmoid": self.sigmoid.getPlotItem(),
                "curve": self.curve_view.getPlotItem()}  # fmt: skip

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        """The points with their label, split and predicted probability, and the ROC curve."""
        res = self.results.get(self._state)
        if res.error:
            return {}
        names = list(res.split.data.names)
        rows = [[*map(float, x), float(y), float(t), float(p)]
                for x, y, t, p in zip(res.X, res.y, res.test_mask, res.split.p, strict=True)]  # fmt: skip
        roc = [[float(a), float(b), float(t)] for a, b, t in zip(res.roc.x, res.roc.y, res.roc.thresholds, strict=True)]
        return {"points": ([*names, "label", "test", "p"], rows), "roc": (["fpr", "tpr", "threshold"], roc)}

    def code(self) -> str:
        """The show-the-code snippet for the current state."""
        return code(self._state)

    def shutdown(self) -> None:
        """Stop the background evaluation and a drag's refit timer."""
        self.refit_timer.stop()
        if self.evaluation_page.is_built():
            self.evaluation.shutdown()
