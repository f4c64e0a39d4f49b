"""The Vectors lab: drag arrows on a plane and watch sums, scalings, combinations, projections and norms follow."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from engine import vectors as vec
from engine.linalg import format_number
from engine.vectors import VectorsState
from gui import theme
from gui.labs.base import Lab
from gui.widgets.fast_grid import FastGrid
from gui.widgets.plane import PlaneWidget
from gui.widgets.value_slider import ValueSlider
from gui.widgets.vector_item import VectorItem

__all__ = ["VectorsLab"]

EXTRA_COLORS = ("purple", "orange", "green", "sky", "black", "grey")
NEW_VECTORS = ((-2.0, 1.0), (-1.0, -2.0), (2.0, -2.0), (-3.0, -1.0), (1.0, 3.0), (3.0, -3.0))


def _color(i: int) -> str:
    return ("blue", "vermillion")[i] if i < 2 else EXTRA_COLORS[(i - 2) % len(EXTRA_COLORS)]


def _num(x: float) -> str:
    return format_number(x, 4)


def _polygon(points) -> QtGui.QPolygonF:
    return QtGui.QPolygonF([QtCore.QPointF(float(x), float(y)) for x, y in points])


def _vec(p) -> str:
    return f"({_num(p[0])}, {_num(p[1])})"


class VectorsLab(Lab):
    """Vectors u, v (and more) on a plane; every operation drawn live and read out in the side panel."""

    name = "vectors"
    title = "Vectors"
    state_type = VectorsState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.plane = PlaneWidget(view=self._state.view)
        self.plane.setObjectName("vectorsPlane")
        self.plane.setMinimumSize(420, 360)
        self.plane.view_changed.connect(self._on_view_changed)
        self.grid = FastGrid(self.plane)
        self.vector_items: list[VectorItem] = []
        self._rows: list[tuple[QtWidgets.QDoubleSpinBox, QtWidgets.QDoubleSpinBox]] = []
        self._build_overlays()
        column = self._build_controls()
        scroll = QtWidgets.QScrollArea()
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(350)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plane, 1)
        layout.addWidget(scroll)
        self.render(self._state)

    # --- building ---------------------------------------------------------------------------------------------------
    def _build_overlays(self) -> None:
        plot = self.plane.getPlotItem()

        def add(item, z=0):
            item.setZValue(z)
            plot.addItem(item, ignoreBounds=True)
            return item

        self.span_fill = add(QtWidgets.QGraphicsPolygonItem(), -6)
        self.span_fill.setBrush(theme.brush("purple", 22))
        self.span_fill.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
        self.span_line = add(pg.InfiniteLine(angle=0, pen=theme.pen("purple", 3.0, alpha=60)), -5)
        self.span_label = add(pg.TextItem("", color=theme.color("purple"), anchor=(0, 0)), 6)
        self.span_label.setFont(theme.font(1.0, bold=True))
        self.parallelogram = add(QtWidgets.QGraphicsPolygonItem(), -4)
        self.parallelogram.setBrush(theme.brush("green", 35))
        self.parallelogram.setPen(theme.pen("green", 0.5, "dash"))
        self.ball_unit = add(pg.PlotDataItem([], [], pen=theme.pen("grey", 0.8)), -3)
        self.ball_u = add(pg.PlotDataItem([], [], pen=theme.pen("blue", 0.6, "dash")), -3)
        self.ball_label = add(pg.TextItem("", color=theme.color("grey"), anchor=(0, 1)), 6)
        self.arc = add(pg.PlotDataItem([], [], pen=theme.pen("fg", 0.6)), 1)
        self.arc_label = add(pg.TextItem("", color=theme.color("fg"), anchor=(0.5, 0.5)), 6)
        self.perp = add(pg.PlotDataItem([], [], pen=theme.pen("sky", 0.8, "dash")), 1)
        self.v_line = add(pg.InfiniteLine(angle=0, pen=theme.pen("vermillion", 0.4, "dot")), -2)
        self.combo_path = add(pg.PlotDataItem([], [], pen=theme.pen("purple", 0.6, "dash")), 1)
        self.sum_item = add(VectorItem(color="green", label="u+v", draggable=False), 2)
        self.diff_item = add(VectorItem(color="black", label="u−v", draggable=False), 2)
        self.scaled_item = add(VectorItem(color="orange", label="c·u", draggable=False, width=1.4), 3)
        self.combo_item = add(VectorItem(color="purple", label="a·u+b·v", draggable=False), 3)
        self.proj_item = add(VectorItem(color="sky", label="proj", draggable=False, width=1.3), 3)

    def _build_controls(self) -> QtWidgets.QWidget:
        col = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(col)
        lay.setContentsMargins(8, 8, 8, 8)

        vec_box = QtWidgets.QGroupBox("Vectors (drag the tips, or type)")
        vbox = QtWidgets.QVBoxLayout(vec_box)
        self.rows_widget = QtWidgets.QWidget()
        self.rows_grid = QtWidgets.QGridLayout(self.rows_widget)
        self.rows_grid.setContentsMargins(0, 0, 0, 0)
        vbox.addWidget(self.rows_widget)
        buttons = QtWidgets.QHBoxLayout()
        self.add_button = QtWidgets.QPushButton("+ Add vector")
        self.add_button.setToolTip("Add another draggable vector (up to 8)")
        self.add_button.clicked.connect(self._on_add)
        self.reset_view_button = QtWidgets.QPushButton("Reset view")
        self.reset_view_button.clicked.connect(
            lambda: self.edit(replace(self._state, view=VectorsState().view), "Reset view")
        )
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reset_view_button)
        vbox.addLayout(buttons)
        self.snap_check = QtWidgets.QCheckBox("Snap tips to the integer grid")
        self.snap_check.toggled.connect(lambda on: self.edit(replace(self._state, snap=on), "Snap"))
        vbox.addWidget(self.snap_check)
        lay.addWidget(vec_box)

        ops = QtWidgets.QGroupBox("Show")
        form = QtWidgets.QVBoxLayout(ops)
        self.checks: dict[str, QtWidgets.QCheckBox] = {}
        for field, text in (
            ("show_sum", "u + v  (parallelogram)"),
            ("show_diff", "u − v"),
            ("show_scaled", "c · u"),
            ("show_combo", "a·u + b·v  and the span of u, v"),
            ("show_projection", "projection of u onto v"),
        ):
            box = QtWidgets.QCheckBox(text)
            box.toggled.connect(lambda on, f=field, t=text: self.edit(replace(self._state, **{f: on}), f"Show {t}"))
            self.checks[field] = box
            form.addWidget(box)
            if field == "show_scaled":
                self.c_slider = ValueSlider("c", -5, 5, self._state.scalar_c, 0.05)
                self.c_slider.value_changed.connect(lambda v, fin: self._on_slider("scalar_c", v, fin))
                form.addWidget(self.c_slider)
            if field == "show_combo":
                self.a_slider = ValueSlider("a", -5, 5, self._state.coef_a, 0.05)
                self.b_slider = ValueSlider("b", -5, 5, self._state.coef_b, 0.05)
                self.a_slider.value_changed.connect(lambda v, fin: self._on_slider("coef_a", v, fin))
                self.b_slider.value_changed.connect(lambda v, fin: self._on_slider("coef_b", v, fin))
                form.addWidget(self.a_slider)
                form.addWidget(self.b_slider)
        ball_row = QtWidgets.QHBoxLayout()
        ball_row.addWidget(QtWidgets.QLabel("Unit ball:"))
        self.ball_combo = QtWidgets.QComboBox()
        for key, text in (
            ("none", "none"),
            ("l1", "L1 (diamond, lasso)"),
            ("l2", "L2 (circle, ridge)"),
            ("linf", "L∞ (square)"),
        ):
            self.ball_combo.addItem(text, key)
        self.ball_combo.setToolTip(
            "The set of vectors of length 1 in each norm: the shapes behind L1/L2 regularisation"
        )
        self.ball_combo.currentIndexChanged.connect(self._on_ball)
        ball_row.addWidget(self.ball_combo, 1)
        form.addLayout(ball_row)
        lay.addWidget(ops)

        read = QtWidgets.QGroupBox("Readouts")
        grid = QtWidgets.QGridLayout(read)
        grid.setColumnStretch(1, 1)
        self.readouts: dict[str, QtWidgets.QLabel] = {}
        for r, (key, text) in enumerate(
            (
                ("u_dot_v", "u · v"),
                ("angle", "angle θ"),
                ("norms_u", "‖u‖ L1 / L2 / L∞"),
                ("norms_v", "‖v‖ L1 / L2 / L∞"),
                ("sum", "u + v"),
                ("diff", "u − v"),
                ("scaled", "c · u"),
                ("combo", "a·u + b·v"),
                ("proj", "proj of u on v"),
                ("cross", "area u × v"),
            )
        ):
            name = QtWidgets.QLabel(text)
            value = QtWidgets.QLabel("")
            value.setObjectName(f"readout_{key}")
            value.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(name, r, 0)
            grid.addWidget(value, r, 1)
            self.readouts[key] = value
        self.span_text = QtWidgets.QLabel("")
        self.span_text.setObjectName("readout_span")
        self.span_text.setWordWrap(True)
        grid.addWidget(self.span_text, grid.rowCount(), 0, 1, 2)
        lay.addWidget(read)
        lay.addStretch(1)
        return col

    def _rebuild_rows(self, state: VectorsState) -> None:
        """One row (name, x, y, remove) per vector; only when the list of names changes, never during a drag."""
        while self.rows_grid.count():
            w = self.rows_grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self._rows = []
        self._row_names = state.names
        for i, name in enumerate(state.names):
            label = QtWidgets.QLabel(f"<b style='color:{theme.color(_color(i)).name()}'>{name}</b>")
            self.rows_grid.addWidget(label, i, 0)
            spins = []
            for k, axis in enumerate("xy"):
                spin = QtWidgets.QDoubleSpinBox()
                spin.setObjectName(f"spin_{name}_{axis}")
                spin.setRange(-vec.VECTOR_LIMIT, vec.VECTOR_LIMIT)
                spin.setDecimals(2)
                spin.setSingleStep(0.5)
                spin.setKeyboardTracking(False)
                spin.setPrefix(f"{axis} = ")
                spin.setAccelerated(True)
                spin.valueChanged.connect(lambda val, i=i, k=k: self._on_typed(i, k, val))
                self.rows_grid.addWidget(spin, i, 1 + k)
                spins.append(spin)
            self._rows.append((spins[0], spins[1]))
            if i >= 2:
                rm = QtWidgets.QPushButton("✕")
                rm.setObjectName(f"remove_{name}")
                rm.setFixedWidth(28)
                rm.setToolTip(f"Remove {name}")
                rm.clicked.connect(lambda _=False, i=i: self._on_remove(i))
                self.rows_grid.addWidget(rm, i, 3)

    def _sync_items(self, state: VectorsState) -> None:
        plot = self.plane.getPlotItem()
        while len(self.vector_items) > len(state.vectors):
            plot.removeItem(self.vector_items.pop())
        while len(self.vector_items) < len(state.vectors):
            i = len(self.vector_items)
            item = VectorItem(color=_color(i), width=1.2)
            item.setZValue(10 - i * 0.01)
            item.sigDragged.connect(lambda it, pos, i=i: self._on_dragged(i, pos))
            item.sigDragFinished.connect(lambda it, pos, i=i: self.commit(f"Drag {self._state.names[i]}"))
            plot.addItem(item, ignoreBounds=True)
            self.vector_items.append(item)
        step = 1.0 if state.snap else 0.01
        for item in self.vector_items:
            item.constraint = lambda p, s=step: vec.snap_to_grid(p, s)

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
        self.edit(replace(self._state, vectors=new), f"Set {self._state.names[i]}")

    def _on_add(self) -> None:
        s = self._state
        if len(s.vectors) >= vec.MAX_VECTORS:
            self.error_message(f"At most {vec.MAX_VECTORS} vectors: remove one first")
            return
        new = NEW_VECTORS[(len(s.vectors) - 2) % len(NEW_VECTORS)]
        self.edit(replace(s, vectors=s.vectors + (new,), names=s.names + (s.next_name(),)), "Add vector")

    def _on_remove(self, i: int) -> None:
        s = self._state
        if i < 2 or i >= len(s.vectors):
            return
        name = s.names[i]
        self.edit(
            replace(s, vectors=s.vectors[:i] + s.vectors[i + 1 :], names=s.names[:i] + s.names[i + 1 :]),
            f"Remove {name}",
        )

    def _on_slider(self, field: str, value: float, final: bool) -> None:
        self.preview(replace(self._state, **{field: float(value)}))
        if final:
            self.commit(f"Set {field.replace('coef_', '').replace('scalar_', '')}")

    def _on_ball(self, _index: int) -> None:
        key = self.ball_combo.currentData()
        if key and key != self._state.norm_ball:
            self.edit(replace(self._state, norm_ball=key), "Unit ball")

    def _on_view_changed(self, view: tuple[float, float, float, float]) -> None:
        self._applied_view = tuple(float(x) for x in view)  # the camera is already there
        self.update_view(self._applied_view)

    # --- showing a state --------------------------------------------------------------------------------------------
    def render(self, state: VectorsState) -> None:
        self._sync_items(state)
        if getattr(self, "_row_names", None) != state.names:
            self._rebuild_rows(state)
        self.add_button.setEnabled(len(state.vectors) < vec.MAX_VECTORS)
        for i, (item, xy, name) in enumerate(zip(self.vector_items, state.vectors, state.names, strict=True)):
            item.set_points(xy)
            item.set_label(name)
            sx, sy = self._rows[i]
            for spin, value in ((sx, xy[0]), (sy, xy[1])):
                if spin.value() != value:
                    with QtCore.QSignalBlocker(spin):
                        spin.setValue(value)
        with QtCore.QSignalBlocker(self.snap_check):
            self.snap_check.setChecked(state.snap)
        for field, box in self.checks.items():
            with QtCore.QSignalBlocker(box):
                box.setChecked(getattr(state, field))
        with QtCore.QSignalBlocker(self.ball_combo):
            self.ball_combo.setCurrentIndex(max(0, self.ball_combo.findData(state.norm_ball)))
        self.c_slider.set_value(state.scalar_c)
        self.a_slider.set_value(state.coef_a)
        self.b_slider.set_value(state.coef_b)
        self.c_slider.setEnabled(state.show_scaled)
        self.a_slider.setEnabled(state.show_combo)
        self.b_slider.setEnabled(state.show_combo)
        if state.view != getattr(self, "_applied_view", None):  # only a new view from outside moves the camera
            self._applied_view = state.view
            if state.view != self.plane.current_view():
                with QtCore.QSignalBlocker(self.plane):
                    self.plane.set_view(state.view)
        self._render_overlays(state)
        self._render_readouts(state)

    def _render_overlays(self, s: VectorsState) -> None:
        u, v = np.array(s.vectors[0]), np.array(s.vectors[1])
        empty: tuple[list, list] = ([], [])
        # u + v with its parallelogram
        self.sum_item.setVisible(s.show_sum)
        self.parallelogram.setVisible(s.show_sum)
        if s.show_sum:
            self.sum_item.set_points(tuple(u + v))
            self.parallelogram.setPolygon(_polygon(vec.parallelogram(u, v)))
        # u − v, drawn from the tip of v to the tip of u
        self.diff_item.setVisible(s.show_diff)
        if s.show_diff:
            self.diff_item.set_points(tuple(u), tuple(v))
        # c · u
        self.scaled_item.setVisible(s.show_scaled)
        if s.show_scaled:
            self.scaled_item.set_points(vec.linear_combination([s.scalar_c], [u]))
            self.scaled_item.set_label(f"{_num(s.scalar_c)}·u")
        self._render_span(s, u, v)
        # projection of u onto v, with the dropped perpendicular and the line of v
        proj = vec.projection(u, v) if s.show_projection else None
        self.proj_item.setVisible(proj is not None)
        self.v_line.setVisible(proj is not None)
        if proj is not None:
            self.proj_item.set_points(proj)
            self.proj_item.set_label("proj_v u")
            self.perp.setData([u[0], proj[0]], [u[1], proj[1]])
            self.v_line.setAngle(float(np.degrees(np.arctan2(v[1], v[0]))))
        else:
            self.perp.setData(*empty)
        # angle arc
        r = 0.3 * min(np.hypot(*u), np.hypot(*v))
        arc = vec.angle_arc(u, v, radius=min(max(r, 0.3), 1.2))
        ang = vec.angle(u, v)
        if arc is None or ang is None:
            self.arc.setData(*empty)
            self.arc_label.setText("")
        else:
            self.arc.setData(arc[:, 0], arc[:, 1])
            mid = arc[len(arc) // 2] * 1.45
            self.arc_label.setPos(float(mid[0]), float(mid[1]))
            self.arc_label.setText(f"θ={ang:.1f}°")
        # norm balls
        if s.norm_ball == "none":
            self.ball_unit.setData(*empty)
            self.ball_u.setData(*empty)
            self.ball_label.setText("")
        else:
            ball = vec.unit_ball(s.norm_ball)
            k = vec.norm(u, s.norm_ball)
            self.ball_unit.setData(ball[:, 0], ball[:, 1])
            self.ball_u.setData(k * ball[:, 0], k * ball[:, 1])
            name = {"l1": "L1", "l2": "L2", "linf": "L∞"}[s.norm_ball]
            self.ball_label.setText(f"‖x‖_{name} = 1")
            self.ball_label.setPos(float(ball[:, 0].max()) * 0.72, float(ball[:, 1].max()) * 0.72)

    def _render_span(self, s: VectorsState, u: np.ndarray, v: np.ndarray) -> None:
        on = s.show_combo
        self.combo_item.setVisible(on)
        if not on:
            self.span_fill.setVisible(False)
            self.combo_path.setData([], [])
            self.span_line.setVisible(False)
            self.span_label.setText("")
            return
        au = s.coef_a * u
        combo = au + s.coef_b * v
        self.combo_item.set_points(tuple(combo))
        self.combo_path.setData([0, au[0], combo[0]], [0, au[1], combo[1]])
        dim = vec.span_dimension([u, v])
        x0, x1, y0, y1 = s.view
        if dim == 2:
            w = 4 * max(x1 - x0, y1 - y0)
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            box = [(cx - w, cy - w), (cx + w, cy - w), (cx + w, cy + w), (cx - w, cy + w)]
            self.span_fill.setPolygon(_polygon(box))
            self.span_fill.setVisible(True)
            self.span_line.setVisible(False)
            text = "span{u, v} = the whole plane"
        else:
            self.span_fill.setVisible(False)
            d = u if np.hypot(*u) >= np.hypot(*v) else v
            self.span_line.setVisible(dim == 1)
            if dim == 1:
                self.span_line.setAngle(float(np.degrees(np.arctan2(d[1], d[0]))))
            text = "u, v dependent: span = a line" if dim == 1 else "u = v = 0: span = the origin"
        self.span_label.setText(text)
        self.span_label.setPos(x0 + 0.03 * (x1 - x0), y1 - 0.03 * (y1 - y0))

    def _render_readouts(self, s: VectorsState) -> None:
        m = vec.metrics(s)
        u, v = s.vectors[0], s.vectors[1]
        r = self.readouts
        r["u_dot_v"].setText(_num(m["u_dot_v"]))
        ang = m["angle_deg"]
        r["angle"].setText("undefined (zero vector)" if ang == "undefined" else f"{ang:.2f}°")
        for key in ("u", "v"):
            r[f"norms_{key}"].setText(" / ".join(_num(m[f"norm_{k}_{key}"]) for k in vec.NORM_KINDS))
        r["sum"].setText(_vec((m["sum_x"], m["sum_y"])))
        r["diff"].setText(_vec((m["diff_x"], m["diff_y"])))
        r["scaled"].setText(f"{_num(s.scalar_c)}·u = {_vec((m['cu_x'], m['cu_y']))}")
        r["combo"].setText(f"{_vec((m['combo_x'], m['combo_y']))}")
        if m["proj_x"] == "undefined":
            r["proj"].setText("undefined (v = 0)")
        else:
            r["proj"].setText(_vec((m["proj_x"], m["proj_y"])))
        r["cross"].setText(_num(m["cross"]))
        self.span_text.setText(vec.span_description(u, v))

    # --- export -----------------------------------------------------------------------------------------------------
    def export_views(self) -> dict:
        return {"plane": self.plane.getPlotItem()}

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        s = self._state
        rows = [[float(i), x, y] for i, (x, y) in enumerate(s.vectors)]
        return {"vectors": (["index", "x", "y"], rows)}
