"""The Vectors lab: drag arrows on a plane and watch sums, scalings, combinations, projections and norms follow."""

from __future__ import annotations

from dataclasses import replace

from PySide6 import QtCore, QtWidgets

from engine.i18n import QT_TRANSLATE_NOOP
from engine.vectors import MAX_VECTORS, VectorsResults, VectorsState, derive, snap_to_grid
from gui.labs.base import Lab
from gui.labs.vectors.overlays import OperationsView
from gui.labs.vectors.panel import Readouts, ShowControls, VectorRows, vector_color
from gui.widgets.catch_up import CatchUp
from gui.widgets.control_column import control_column
from gui.widgets.fast_grid import FastGrid
from gui.widgets.field_controls import spec_of
from gui.widgets.plane import PlaneWidget
from gui.widgets.results_cache import ResultsCache
from gui.widgets.vector_item import VectorItem
from gui.widgets.words import fmt, pair

__all__ = ["VectorsLab"]

NEW_VECTORS = ((-2.0, 1.0), (-1.0, -2.0), (2.0, -2.0), (-3.0, -1.0), (1.0, 3.0), (3.0, -3.0))


class VectorsLab(Lab):
    """Vectors u, v (and more) on a plane; every operation drawn live and read out in the side panel."""

    name = "vectors"
    title = QT_TRANSLATE_NOOP("Labs", "Vectors")
    state_type = VectorsState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = ResultsCache(derive)
        self.plane = PlaneWidget(view=self._state.view)
        self.plane.setObjectName("vectorsPlane")
        self.plane.setMinimumSize(420, 360)
        self.plane.view_changed.connect(self._on_view_changed)
        self.grid = FastGrid(self.plane)
        self.operations = OperationsView(self.plane.getPlotItem())
        self.vector_items: list[VectorItem] = []
        self.rows = VectorRows()
        self.rows.typed.connect(self._on_typed)
        self.rows.add_requested.connect(self._on_add)
        self.rows.remove_requested.connect(self._on_remove)
        self.rows.reset_view_requested.connect(
            lambda: self.edit(replace(self._state, view=VectorsState().view), self.tr("Reset view"))
        )
        self.rows.snap_toggled.connect(lambda on: self.edit(replace(self._state, snap=on), self.tr("Snap")))
        self.show_controls = ShowControls()
        self.show_controls.toggled.connect(lambda f, on, text: self.edit(replace(self._state, **{f: on}), text))
        self.show_controls.slider_moved.connect(self._on_slider)
        self.show_controls.ball_chosen.connect(self._on_ball)
        self.readouts = Readouts()
        self.catch_up = CatchUp(self)
        """The side column (spin boxes, readouts) follows a drag at 10 Hz: re-laying it out and repainting it was a
        fifth of every move's frame; the arrows and their labels on the plane follow every move."""
        self._applied_view: tuple[float, ...] | None = None
        self._build_layout()
        self.render(self._state)

    def _build_layout(self) -> None:
        column = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(column)
        lay.setContentsMargins(8, 8, 8, 8)
        for part in (self.rows, self.show_controls, self.readouts):
            lay.addWidget(part)
        lay.addStretch(1)
        scroll = control_column(column)
        scroll.setFixedWidth(350)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plane, 1)
        layout.addWidget(scroll)

    def _sync_items(self, state: VectorsState, results: VectorsResults) -> None:
        """One draggable arrow per vector (added/removed only when the count changes)."""
        plot = self.plane.getPlotItem()
        while len(self.vector_items) > len(state.vectors):
            plot.removeItem(self.vector_items.pop())
        while len(self.vector_items) < len(state.vectors):
            i = len(self.vector_items)
            item = VectorItem(color=vector_color(i), width=1.2)
            item.setZValue(10 - i * 0.01)
            item.key_step = spec_of(VectorsState, "vectors").step or 0.1
            item.sigDragged.connect(lambda _it, pos, i=i: self._on_dragged(i, pos))
            item.sigDragFinished.connect(
                lambda _it, _pos, i=i: self.commit(self.tr("Drag {0}").format(self._state.names[i]))
            )
            plot.addItem(item, ignoreBounds=True)
            self.vector_items.append(item)
        for item in self.vector_items:
            item.constraint = lambda p, s=results.snap_step: snap_to_grid(p, s)

    # --- user actions -----------------------------------------------------------------------------------------------
    def _on_dragged(self, i: int, pos: tuple[float, float]) -> None:
        vecs = list(self._state.vectors)
        vecs[i] = (float(pos[0]), float(pos[1]))
        self.preview(replace(self._state, vectors=tuple(vecs)))

    def _on_typed(self, i: int, k: int, value: float) -> None:
        if i >= len(self._state.vectors):
            return
        vecs = [list(v) for v in self._state.vectors]
        vecs[i][k] = float(value)
        new = tuple((float(a), float(b)) for a, b in vecs)
        self.edit(replace(self._state, vectors=new), self.tr("Set {0}").format(self._state.names[i]))

    def _on_add(self) -> None:
        s = self._state
        if len(s.vectors) >= MAX_VECTORS:
            self.error_message(self.tr("At most {0} vectors: remove one first").format(MAX_VECTORS))
            return
        new = NEW_VECTORS[(len(s.vectors) - 2) % len(NEW_VECTORS)]
        self.edit(replace(s, vectors=s.vectors + (new,), names=s.names + (s.next_name(),)), self.tr("Add vector"))

    def _on_remove(self, i: int) -> None:
        s = self._state
        if i < 2 or i >= len(s.vectors):
            return
        name = s.names[i]
        self.edit(
            replace(s, vectors=s.vectors[:i] + s.vectors[i + 1 :], names=s.names[:i] + s.names[i + 1 :]),
            self.tr("Remove {0}").format(name),
        )

    def _on_slider(self, field: str, value: float, final: bool) -> None:
        self.preview(replace(self._state, **{field: float(value)}))
        if final:
            self.commit(self.tr("Set {0}").format(field.replace("coef_", "").replace("scalar_", "")))

    def _on_ball(self, key: str) -> None:
        if key and key != self._state.norm_ball:
            self.edit(replace(self._state, norm_ball=key), self.tr("Unit ball"))

    def _on_view_changed(self, view: tuple[float, float, float, float]) -> None:
        self._applied_view = tuple(float(x) for x in view)  # the camera is already there
        self.update_view(self._applied_view)

    # --- showing a state --------------------------------------------------------------------------------------------
    def render(self, state: VectorsState) -> None:
        results = self.results.get(state)
        self._sync_items(state, results)
        live = self.live_quality.live
        self.catch_up.run(lambda: self.rows.render(state), live, key="rows")
        for item, xy, name in zip(self.vector_items, state.vectors, state.names, strict=True):
            item.set_points(xy)
            item.set_label(name)
        self.show_controls.render(state)
        if state.view != self._applied_view:  # only a new view from outside moves the camera
            self._applied_view = state.view
            if state.view != self.plane.current_view():
                with QtCore.QSignalBlocker(self.plane):
                    self.plane.set_view(state.view)
        self.operations.render(state, results)
        self.catch_up.run(lambda: self.readouts.render(results), live, key="readouts")

    def describe(self) -> str:
        """E.g. "Vector u = (1, 3), v = (4, 1); angle 57.5°; u·v = 7; span{u, v} = the whole plane"."""
        s = self._state
        r = self.results.get(s)
        m = r.metrics
        vecs = ", ".join(f"{n} = {pair(xy)}" for n, xy in zip(s.names, s.vectors, strict=True))
        text = self.tr("Vectors {0}").format(vecs)
        if r.angle_deg is not None:
            text += "; " + self.tr("angle {0}°").format(fmt(r.angle_deg, 3))
        text += "; " + self.tr("u·v = {0}").format(fmt(float(m["u_dot_v"])))
        return text + "; " + r.readouts["span"]

    # --- export -----------------------------------------------------------------------------------------------------
    def export_views(self) -> dict:
        return {"plane": self.plane.getPlotItem()}

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        s = self._state
        rows = [[name, x, y] for name, (x, y) in zip(s.names, s.vectors, strict=True)]
        return {"vectors": (["vector", "x", "y"], rows)}
