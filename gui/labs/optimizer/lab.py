"""Optimizer lab: several torch-identical optimizers racing across a loss surface, with their inner workings shown."""

from __future__ import annotations

import dataclasses

from PySide6 import QtCore, QtWidgets

from engine.i18n import QT_TRANSLATE_NOOP
from engine.optim import (
    LABELS,
    OPTIMIZERS,
    SURFACES,
    OptimizerResults,
    OptimizerState,
    SurfacePicture,
    derive,
    runs_key,
)
from gui.fit import MAIN_PLOT_MIN, PLOT_MIN
from gui.i18n import translate
from gui.labs.base import Lab
from gui.labs.optimizer.cache import PictureCache
from gui.labs.optimizer.data_view import DataView
from gui.labs.optimizer.display import LiveThrottle, readout_rows
from gui.labs.optimizer.inputs import OptimizerInputs
from gui.labs.optimizer.panel import OptimizerPanel
from gui.labs.optimizer.readout import NarrationBox, ReadoutTable
from gui.labs.optimizer.runs import INLINE_STEPS, RunScheduler, run_cost
from gui.labs.optimizer.view_3d import Surface3D
from gui.labs.optimizer.views import LossPlot, SurfaceView, arrow_segments
from gui.widgets.field_controls import spec_of
from gui.widgets.lazy_page import LazyPage
from gui.widgets.playback import PlaybackBar
from gui.widgets.reflow import Reflow
from gui.widgets.results_cache import ResultsCache
from gui.widgets.words import pair

__all__ = ["OptimizerLab"]

_BESIDE_EXTRA = 16  # px inside the split around the surface and the readouts side by side: handle, tab frame
_UNDER_EXTRA = 6  # px inside the split between the loss plot and the table under the surface: the handle
LOSS_MIN = 280
"""The narrowest the loss plot is readable (a title, three iteration labels); under it, it moves beside the surface."""
_TIGHT_ROWS = 5  # table rows kept in view when the loss plot sits beside the surface and the table under both


class FitPage(QtWidgets.QSplitter):
    """The "Fit a line" tab: the data with every optimizer's current line over the (m, b) loss surface."""

    def __init__(self) -> None:
        super().__init__(QtCore.Qt.Orientation.Vertical)  # stacked: the column is tall, not wide
        self.data_view = DataView(OPTIMIZERS)
        self.fit_surface = SurfaceView(OPTIMIZERS)
        self.fit_surface.plot_item.setLabel("bottom", translate("Optimizer", "slope m"))
        self.fit_surface.plot_item.setLabel("left", translate("Optimizer", "intercept b"))
        self.addWidget(self.data_view)
        self.addWidget(self.fit_surface)
        self.setChildrenCollapsible(False)


class OptimizerLab(Lab):
    """Loss surface, optimizer race, loss curve, internals, narration, 3-D view and line fitting."""

    name = "optimizer"
    title = QT_TRANSLATE_NOOP("Labs", "Optimizer")
    state_type = OptimizerState

    trajectories_shown = QtCore.Signal(tuple)
    """The paths now drawn start at this point (during a drag they follow the star a moment later)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.inputs = OptimizerInputs(self)
        self._pictures = PictureCache()
        self._painted: dict = {}  # view -> what its surface shows (repainted only when that changes)
        self._results: OptimizerResults | None = None  # what the views show now
        self._cache = ResultsCache(self._derive)  # the one cache of derive, keyed on the state
        self._live = False  # a drag or slider gesture is in progress: cheaper drawing, loss plot range held
        self._synced = None
        self._focus_names: tuple[str, ...] = ()
        self._position_shown = None
        self._scheduler = RunScheduler(self)
        self._scheduler.ready.connect(self._on_sliced_runs)
        self._scheduler.failed.connect(self.error_message)
        # During a gesture the loss curves, table, narration and start label catch up at most 10×/s.
        self._throttle = LiveThrottle(self)
        self._throttle.refresh.connect(self._refresh_readouts)
        self._stale: set[str] = set()  # which of "loss", "readouts", "start" wait for the throttle
        self._build()
        self.render(self._state)

    # --- layout ----------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.surface_view = SurfaceView(OPTIMIZERS)
        self.loss_plot = LossPlot(OPTIMIZERS)
        self.view3d = Surface3D()
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self.surface_view, translate("Optimizer", "Surface"))
        # "Fit a line" (two more plots, ~30 ms) is built the first time it is shown or asked for
        self._fit_page = LazyPage(FitPage)
        self._fit_page.built.connect(self._on_fit_page_built)
        self.tabs.addTab(self._fit_page, translate("Optimizer", "Fit a line"))
        self.tabs.addTab(self.view3d, "3-D")
        self.tabs.currentChanged.connect(self.inputs.on_tab)
        self.playback = PlaybackBar()
        self.playback.position_changed.connect(self.inputs.on_position)
        self.playback.speed_changed.connect(self.inputs.on_speed)
        self.left = left = QtWidgets.QWidget()
        ll = QtWidgets.QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.tabs, 1)
        ll.addWidget(self.playback)

        # Beside the surface, a narrow column the user can re-divide: loss curves, the table, the narrated step.
        self.readout = ReadoutTable()
        self.focus = QtWidgets.QComboBox()
        self.focus.currentIndexChanged.connect(lambda _i: self._show_position(self._state))
        self.narration = NarrationBox()
        self.explain = explain = QtWidgets.QWidget()
        el = QtWidgets.QVBoxLayout(explain)
        el.setContentsMargins(0, 0, 0, 0)
        el.setSpacing(2)
        # the label over its menu, and the menu free to narrow: this column is the first to give way on a small screen
        self.focus.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.focus.setMinimumContentsLength(8)
        el.addWidget(QtWidgets.QLabel(translate("Optimizer", "Explain step of")))
        el.addWidget(self.focus)
        el.addWidget(self.narration, 1)
        self.loss_plot.setMinimumHeight(170)
        # Beside the surface (a wide room): the loss plot over the table over the narrated step. When the surface
        # would get less than MAIN_PLOT_MIN beside them, they move under it: the loss plot beside the table and step.
        self.info = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.info.addWidget(self.readout)
        self.info.addWidget(explain)
        self.info.setChildrenCollapsible(False)
        self.side = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.side.addWidget(self.loss_plot)
        self.side.addWidget(self.info)
        self.side.setChildrenCollapsible(False)
        table = self.readout
        self._rows_h = table.verticalHeader().defaultSectionSize() * 7 + table.horizontalHeader().sizeHint().height()
        self._rows_h += 2 * table.frameWidth() + 2
        self.info.setSizes([self._rows_h, 220])
        self.side.setSizes([300, self._rows_h + 220])
        self.side.setMinimumWidth(self.readout.minimumWidth())

        self.split = QtWidgets.QSplitter()
        self.split.addWidget(left)
        self.split.addWidget(self.side)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([640, self.readout.sizeHint().width()])
        # Used only when the room under the surface is too narrow for the loss plot beside the whole table: the
        # surface beside the loss plot over the narrated step, the whole table under them (the playback bar spans
        # the lab's width between: beside the loss plot it would not fit).
        self.upper = QtWidgets.QWidget()
        ul = QtWidgets.QVBoxLayout(self.upper)
        ul.setContentsMargins(0, 0, 0, 0)
        self.top = QtWidgets.QSplitter()
        self.top.setChildrenCollapsible(False)
        self.aside = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.aside.setChildrenCollapsible(False)
        self.top.addWidget(self.aside)
        ul.addWidget(self.top, 1)
        self.split.addWidget(self.upper)
        self.upper.hide()
        self.tight = False
        # Readouts beside the surface while it keeps MAIN_PLOT_MIN next to the whole table, under it when not
        wide_min = MAIN_PLOT_MIN + self.readout.sizeHint().width() + _BESIDE_EXTRA
        self.reflow = Reflow(self.split, wide_min, (), self._arrange)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.split, 1)
        lay.addWidget(self._build_controls())

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        if self.reflow.narrow:
            self._share_under()

    def _arrange(self, narrow: bool) -> None:
        """Readouts beside the surface (wide), or under it with the loss plot beside the table (1024×768 + Lessons).

        Beside it the table would be squeezed (names elided) and the surface narrower than ``MAIN_PLOT_MIN``;
        under it the table keeps its full width next to the loss plot, and the surface spans the lab.
        """
        vertical, horizontal = QtCore.Qt.Orientation.Vertical, QtCore.Qt.Orientation.Horizontal
        self.split.setOrientation(vertical if narrow else horizontal)
        self.side.setOrientation(horizontal if narrow else vertical)
        self.side.setMinimumWidth(0 if narrow else self.readout.minimumWidth())
        table = self.readout.sizeHint().width()
        if narrow:
            self._share_under(fresh=True)
        else:
            self._place(tight=False)
            self.side.setSizes([300, self._rows_h + 220])
            self.split.setSizes([self.split.width() - table, table, 0, 0])

    def _tight_fits(self) -> bool:
        """Under the surface the loss plot would be narrower than ``LOSS_MIN`` beside the whole table, and beside the
        surface it leaves the surface ``MAIN_PLOT_MIN`` (1280×720 presenter + Lessons; not 1024×768 + Lessons).

        Depends on the lab's width alone, so the arrangement cannot flip back and forth.
        """
        room = self.split.width() - _UNDER_EXTRA
        short = room - self.readout.sizeHint().width() < LOSS_MIN
        return short and room - LOSS_MIN - _BESIDE_EXTRA >= MAIN_PLOT_MIN

    def _place(self, tight: bool) -> bool:
        """Move the panes between the two narrow arrangements (and back to the splitters of the wide one)."""
        if tight == self.tight:
            return False
        self.tight = tight
        if tight:
            self.top.insertWidget(0, self.tabs)
            self.aside.insertWidget(0, self.loss_plot)
            self.aside.insertWidget(1, self.explain)
            self.upper.layout().addWidget(self.playback)
            self.split.insertWidget(0, self.upper)
            self.split.insertWidget(1, self.info)  # the table alone
            self.upper.show()
            self.left.hide()
            self.side.hide()
        else:
            self.left.layout().insertWidget(0, self.tabs, 1)
            self.left.layout().insertWidget(1, self.playback)
            self.info.insertWidget(1, self.explain)
            self.side.insertWidget(0, self.loss_plot)
            self.side.insertWidget(1, self.info)
            self.split.insertWidget(0, self.left)
            self.split.insertWidget(1, self.side)
            self.info.setSizes([self._rows_h, 220])
            self.left.show()
            self.side.show()
            self.upper.hide()
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        return True

    def _share_under(self, fresh: bool = False) -> None:
        """Under the surface: the table at its full width unless the loss plot would get under ``PLOT_MIN``.

        Where even that leaves the loss plot under ``LOSS_MIN`` (its iteration labels ran together, its title
        shortened) and the surface a short wide strip, the loss plot moves up beside the surface, over the narrated
        step, and the whole table goes under them: a squarer surface, a loss plot and a step both ``LOSS_MIN`` wide.
        """
        tight = self._tight_fits()
        fresh = self._place(tight) or fresh  # a new arrangement: the split between top and bottom is set anew
        room = self.split.width() - _UNDER_EXTRA
        height = max(self.split.height(), 400)
        hint = self.readout.sizeHint().width()
        if tight:
            t = self.readout
            rows = t.verticalHeader().defaultSectionSize() * _TIGHT_ROWS + t.horizontalHeader().sizeHint().height()
            rows += 2 * t.frameWidth() + 2
            if fresh:
                self.split.setSizes([height - rows, rows, 0, 0])
                upper = height - rows - self.playback.sizeHint().height()
                self.aside.setSizes([upper * 3 // 5, upper - upper * 3 // 5])
            loss = max(LOSS_MIN, room // 3)
            self.top.setSizes([room - loss, loss])
        else:
            if fresh:
                self.split.setSizes([height - self._rows_h - 60, self._rows_h + 60, 0, 0])
            table = max(min(hint, room - PLOT_MIN[0]), self.readout.minimumWidth())
            self.side.setSizes([room - table, table])

    def _on_fit_page_built(self, page: FitPage) -> None:
        """Wire the new line-fit views like the surface view and draw the current state into them."""
        view = page.fit_surface
        view.viewbox.pointed.connect(self.set_start)
        view.start_keys.step = spec_of(OptimizerState, "start").step or 0.1
        view.start_keys.moved.connect(self.set_start)
        view.viewbox.view_edited.connect(self.inputs.on_view_edited)
        page.data_view.viewbox.point_dragged.connect(self.inputs.on_point_dragged)
        view.set_antialias(not self._live)
        if self._results is not None and not self._results.error:
            self._position_shown = None
            self._show_surface(self._state)
            self._show_position(self._state)

    @property
    def data_view(self) -> DataView:
        """The line-fit data plot (built now if its tab was never shown)."""
        return self._fit_page.view().data_view

    @property
    def fit_surface(self) -> SurfaceView:
        """The line-fit (m, b) loss surface (built now if its tab was never shown)."""
        return self._fit_page.view().fit_surface

    def _surface_views(self) -> list[SurfaceView]:
        """The surface views that exist: the line-fit one only once its tab was built."""
        return [self.surface_view, self.fit_surface] if self._fit_page.is_built() else [self.surface_view]

    def _build_controls(self) -> OptimizerPanel:
        panel = self.panel = OptimizerPanel()
        # The inputs by name, as the lab's own attributes (tests and lessons drive them).
        for name in (
            "surface_combo", "expr_edit", "formula", "kappa", "angle", "steps", "start_label", "reset_view_button",
            "show_gradient", "show_hessian", "show_internals", "csv_button", "new_data_button", "controls",
        ):  # fmt: skip
            setattr(self, name, getattr(panel, name))
        self.expr_error = self.expr_edit.message  # the message shown under the formula box
        inputs = self.inputs
        self.surface_combo.currentIndexChanged.connect(inputs.on_surface)
        self.expr_edit.expressionAccepted.connect(inputs.on_expression)
        self.expr_edit.expressionRejected.connect(
            lambda msg: self.error_message(translate("Optimizer", "Formula not used: {0}").format(msg))
        )
        self.kappa.value_changed.connect(inputs.on_kappa)
        self.angle.valueChanged.connect(inputs.on_angle)
        self.steps.valueChanged.connect(inputs.on_steps)
        self.reset_view_button.clicked.connect(inputs.on_reset_view)
        for cb, field in (
            (self.show_gradient, "show_gradient"),
            (self.show_hessian, "show_hessian"),
            (self.show_internals, "show_internals"),
        ):
            cb.toggled.connect(lambda on, f=field: inputs.on_overlay(f, on))
        self.csv_button.clicked.connect(inputs.on_load_csv)
        self.new_data_button.clicked.connect(inputs.on_new_data)
        for c in self.controls.values():
            c.changed.connect(inputs.on_config)
        return panel

    def set_start(self, x: float, y: float, final: bool = True) -> None:
        """Move the start point (clamped to the view); one undo step per gesture."""
        self.inputs.set_start(x, y, final)

    def load_csv(self, path: str) -> bool:
        """Use the first two numeric columns of a CSV as the data to fit; errors go to the status bar."""
        return self.inputs.load_csv(path)

    # --- derive and render --------------------------------------------------------------------------------------
    def results_for(self, state: OptimizerState) -> OptimizerResults:
        """:func:`engine.optim.derive` of ``state`` through the lab's one cache (the same state: the same results)."""
        return self._cache.get(state)

    def _derive(self, state: OptimizerState) -> OptimizerResults:
        """Derive with the results shown now: their surface and runs are reused where the inputs did not change."""
        return derive(state, self._results)

    @property
    def _runs(self) -> dict:
        """The trajectories drawn now (tests and the benchmark read them)."""
        return self._results.trajectories if self._results is not None else {}

    @property
    def _objective(self):
        """The loss surface drawn now (None before the first usable state)."""
        return self._results.objective if self._results is not None else None

    def render(self, state: OptimizerState) -> None:
        """Show ``state``: surface (cached), runs (recomputed when inputs change), playback position."""
        shown = self._results
        key = runs_key(state)
        long_race = run_cost(state) > INLINE_STEPS
        if long_race:
            self._scheduler.warm_up()  # the worker process starts in the background before the first drag needs it
        sliced = self._live and long_race and shown is not None and shown.runs_key != key
        if sliced:  # the star follows the mouse now; the paths when the slices are done
            res = derive(state, shown, trajectories=(shown.runs_key, shown.trajectories))
        else:
            self._scheduler.cancel()
            res = self.results_for(state)
        if res.error:
            self.error_message(res.error)
            return
        if res.run_error:
            self.error_message(res.run_error)
        self._results = res
        self._sync_inputs(state, res)
        self._show_surface(state)
        if sliced:
            self._scheduler.request(state, res.objective, key)
        if shown is None or res.trajectories is not shown.trajectories:
            self._show_runs()
        else:
            self._show_position(state)

    def _show_runs(self) -> None:
        self._on_runs_changed(self._state)
        self._show_position(self._state)
        self.trajectories_shown.emit(self._results.runs_key[1])

    def _on_sliced_runs(self, key, result: dict) -> None:
        if self._results is not None and key != self._results.runs_key:
            self._results = derive(self._state, self._results, trajectories=(key, result))
            self._show_runs()

    @property
    def computing(self) -> bool:
        """True while runs for a drag are still being computed (tests and benchmarks wait on it)."""
        return self._scheduler.computing

    @property
    def races_starting(self) -> bool:
        """True while the worker process for long races starts (~0.2 s; the benchmark waits, as a user would)."""
        return self._scheduler.starting

    def gesture(self, state: OptimizerState, final: bool) -> None:
        """One step of a drag or slider move: live while it lasts, exact and complete when it ends."""
        self._set_live(not final)
        self.preview(state)
        if final and (self._results is None or self._results.runs_key != runs_key(self._state)):
            self.render(self._state)  # released where the last preview was, before its runs were done
        elif final:
            self._show_position(self._state)  # the paths again at full detail

    def _views(self, state: OptimizerState) -> list[SurfaceView]:
        return self._surface_views() if state.surface == "line_fit" else [self.surface_view]

    def _picture(self, state: OptimizerState, contours: bool = True) -> SurfacePicture:
        res = self._results
        return self._pictures.picture(res.objective_key, res.objective, state.view, contours)

    def _show_surface(self, state: OptimizerState) -> None:
        """Heat map, contours, minima and arrows for the state's view (recomputed only when it changes)."""
        res = self._results
        views = self._views(state)
        full = not self._live or self._pictures.has(res.objective_key, state.view)  # contours wait for release
        painted = (res.objective_key, state.view, state.show_gradient, full)
        for v in views:
            v.set_view(state.view)
            if self._painted.get(v) != painted:
                self._painted[v] = painted
                pic = self._picture(state, contours=full)
                v.set_surface(pic.xs, pic.ys, pic.display, pic.contour_x, pic.contour_y)
                v.minima.setData([m[0] for m in res.minima], [m[1] for m in res.minima])
                if state.show_gradient:
                    span = min(state.view[1] - state.view[0], state.view[3] - state.view[2])
                    v.arrows.setData(*arrow_segments(*pic.arrows, 0.045 * span))
                else:
                    v.arrows.setData([], [])
            v.start.place(*state.start)

    def show_3d(self) -> None:
        """Give the 3-D view the surface and the paths (when it exists)."""
        if self.view3d.gl is not None and self._results is not None:
            pic = self._picture(self._state)
            self.view3d.set_data(pic.xs, pic.ys, pic.display, {k: tr.points for k, tr in self._runs.items()})

    def redraw_view(self) -> None:
        """After a pan or zoom: the surface for the new view, paths thinned to its pixel size."""
        if self._results is not None:
            self._show_surface(self._state)
            self._show_position(self._state)

    def _on_runs_changed(self, state: OptimizerState) -> None:
        self._later("loss") if self._live else self._show_loss_curves()
        n = self._results.last_step
        self.playback.set_range(n, min(state.position, n))
        names = tuple(self._runs)
        if names != self._focus_names:
            self._focus_names = names
            with QtCore.QSignalBlocker(self.focus):
                current = self.focus.currentData()
                self.focus.clear()
                for name in names:
                    self.focus.addItem(translate("optim", LABELS[name]), name)
                i = self.focus.findData(current)
                self.focus.setCurrentIndex(max(i, 0))
        if not self._live:
            self.show_3d()

    def _show_loss_curves(self) -> None:
        """Loss against iteration of every run (during a gesture: the range held, plain lines)."""
        res = self._results
        if res is None:
            return
        values = {n: tr.values for n, tr in res.trajectories.items()}
        self.loss_plot.set_curves(values, res.loss_offset, res.loss_label, fit=not self._live)

    def _later(self, what: str) -> None:
        """Mark a readout as waiting for the live throttle (a drag's frames go to the paths and the star)."""
        self._stale.add(what)
        self._throttle.request()

    def _refresh_readouts(self) -> None:
        """The throttled part of a live frame: loss curves, table, narration, start label, as they are now."""
        stale, self._stale = self._stale, set()
        if "start" in stale and self._results is not None:
            self.start_label.setText(self._results.start_text)
        if "loss" in stale:
            self._show_loss_curves()
        if "readouts" in stale:
            self._show_readouts()

    def _set_live(self, live: bool) -> None:
        """Enter or leave a gesture: plain lines and a held loss range while it lasts, the full look after."""
        if live == self._live:
            return
        self._live = live
        for v in self._surface_views():
            v.set_antialias(not live)
        if not live:
            self._throttle.cancel()
            stale, self._stale = self._stale, set()
            self._position_shown = None  # redraw the paths at full detail, and the readouts
            if self._results is not None:
                self._show_surface(self._state)  # with its contours, if a slider skipped them
            if "loss" in stale:
                self._show_loss_curves()  # antialiased and refitted
            for curve in self.loss_plot.curves.values():
                curve.opts["antialias"] = True
            self.loss_plot.fit()
            self.show_3d()

    def _show_position(self, state: OptimizerState) -> None:
        """Paths, internals and heads at the playback position; the readouts too (throttled while live)."""
        res = self._results
        # While a drag waits for new runs, only the star moves: the paths, table and narration stay as drawn.
        shown = (id(res.trajectories), id(res.objective), state.position, state.show_internals, state.show_hessian)
        shown += (state.view, state.surface, self.focus.currentData(), self.surface_view.viewbox.viewPixelSize())
        if shown == self._position_shown:
            return
        self._position_shown = shown
        n = res.last_step
        k_all = min(state.position, n)
        self.playback.set_range(n, k_all)
        self.loss_plot.set_position(k_all)
        views = self._views(state)
        span = min(state.view[1] - state.view[0], state.view[3] - state.view[2])
        line_params = {}
        for name in OPTIMIZERS:
            tr = res.trajectories.get(name)
            for v in views:
                if tr is None:
                    v.clear_run(name)
                    continue
                k = min(k_all, tr.steps)
                v.set_path(name, tr.points[: k + 1])
                v.draw_internals(name, tr, k, span, state.show_internals)
            if tr is not None:
                line_params[name] = tuple(tr.points[min(k_all, tr.steps)])
        for v in views:
            v.set_heads(line_params)
        # The Hessian's axes at the focused run's point move with it; what they mean is written with the readouts.
        focused = res.readouts.get(self.focus.currentData())
        p, vecs = (focused.point, focused.hessian_axes) if focused is not None else (state.start, res.start_axes)
        for v in views:
            v.draw_hessian_axes(p, vecs if state.show_hessian else None, span)
        self._later("readouts") if self._live else self._show_readouts()
        if state.surface == "line_fit" and res.line_points is not None and self._fit_page.is_built():
            self.data_view.set_points(res.line_points, res.best_line)
            self.data_view.set_lines(line_params)

    def _show_readouts(self) -> None:
        """Table and narration of the current step, as the last results wrote them."""
        res = self._results
        if res is None:
            return
        self.readout.show_rows(readout_rows(res))
        self.narration.setText(res.narration(self.focus.currentData()))

    def _sync_inputs(self, state: OptimizerState, res: OptimizerResults) -> None:
        if self._live:
            self._later("start")
        else:
            self.start_label.setText(res.start_text)
        # Everything else depends on neither the start nor the playback position: skip it while they are dragged.
        key = (id(res.objective), dataclasses.replace(state, start=(0.0, 0.0), position=0, view=(0.0, 1.0, 0.0, 1.0)))
        if key == self._synced:
            return
        self._synced = key
        widgets = (
            self.surface_combo,
            self.kappa,
            self.angle,
            self.steps,
            self.show_gradient,
            self.show_hessian,
            self.show_internals,
            self.expr_edit,
        )
        blockers = [QtCore.QSignalBlocker(w) for w in widgets]
        self.surface_combo.setCurrentIndex(SURFACES.index(state.surface))
        self.kappa.set_value(state.kappa)
        self.angle.setValue(int(round(state.angle)))
        self.steps.setValue(state.steps)
        self.show_gradient.setChecked(state.show_gradient)
        self.show_hessian.setChecked(state.show_hessian)
        self.show_internals.setChecked(state.show_internals)
        if not self.expr_edit.line.hasFocus():
            self.expr_edit.set_text(state.expression)
        del blockers
        quad = state.surface == "quadratic"
        for w in (self.kappa, self.angle):
            w.setEnabled(quad)
        self.expr_edit.setEnabled(state.surface == "expression")
        line = state.surface == "line_fit"
        self.csv_button.setEnabled(line)
        self.new_data_button.setEnabled(line)
        self.formula.setText(res.formula)
        self.playback.set_speed(state.speed)
        for c in state.configs:
            ctl = self.controls[c.name]
            ctl.set_values(dataclasses.asdict(c), c.enabled)
            ctl.set_bound(res.lr_bounds.get(c.name), res.bound_texts.get(c.name, ""))

    def set_state(self, state: OptimizerState) -> None:
        """Apply a state from a scene, undo or a lesson (never mid-gesture: full drawing, loss plot refitted)."""
        self._set_live(False)
        super().set_state(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_wired", False):
            self._wired = True
            view = self.surface_view  # (the line-fit views are wired when their tab is built)
            view.viewbox.pointed.connect(self.set_start)
            view.start_keys.step = spec_of(OptimizerState, "start").step or 0.1  # the keyboard's way to move it
            view.start_keys.moved.connect(self.set_start)
            view.viewbox.view_edited.connect(self.inputs.on_view_edited)

    def describe(self) -> str:
        """E.g. "Surface f = (1 − x)² + …; start (−1.5, 2). gd: (−1.246, 1.56) after 300 steps, stopped at …"."""
        res = self._results
        if res is None or res.error:
            return self.tr("No surface: {0}").format(res.error if res is not None else "")
        text = self.tr("Surface {0}; start {1}.").format(res.formula, pair(self._state.start))
        for name, run in res.readouts.items():
            text += " " + self.tr("{0}: {1}, {2}.").format(name, run.point_text, run.message)
        return text

    # --- export -------------------------------------------------------------------------------------------------
    def export_views(self) -> dict:
        """Surface, loss curve and the line-fit data view."""
        return {
            "surface": self.surface_view.getPlotItem(),
            "loss": self.loss_plot.getPlotItem(),
            "data": self.data_view.getPlotItem(),
        }

    def export_data(self) -> dict:
        """One table per run: iteration, x, y, f, gradient norm."""
        out = {}
        for name, tr in self._runs.items():
            rows = [
                [i, *map(float, tr.points[i]), float(tr.values[i]), float(tr.grad_norms[i])]
                for i in range(len(tr.points))
            ]
            out[f"trajectory_{name}"] = (["iteration", "x", "y", "f", "grad_norm"], rows)
        if self._state.surface == "line_fit":
            out["data"] = (["x", "y"], [list(p) for p in self._state.line_points])
        return out

    def shutdown(self) -> None:
        """Stop playback and background runs before closing."""
        self.playback.stop()
        self._scheduler.shutdown()
