"""The Matrices lab: a 2×2 matrix moving the plane (grid, unit square, eigen-lines), 2×2 systems and row reduction."""

from __future__ import annotations

from dataclasses import replace

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine import linalg as la
from engine.linalg import MatricesState, to_float
from engine.linalg import transform2d as t2d
from engine.vectors import snap_to_grid
from gui import theme
from gui.labs.base import Lab
from gui.labs.matrices.render import MatricesViewsMixin, _matrix_text
from gui.labs.matrices.rref_panel import RrefPanel
from gui.widgets.fast_grid import FastGrid
from gui.widgets.matrix_table import MatrixTable
from gui.widgets.plane import PlaneWidget
from gui.widgets.value_slider import ValueSlider
from gui.widgets.vector_item import VectorItem

__all__ = ["MatricesLab"]

PRESET_TITLES = {
    "custom": "custom (type or drag)",
    "rotation": "rotation by θ",
    "shear": "shear",
    "scale": "scale by s",
    "reflection": "reflection across a line",
    "projection": "projection onto a line",
}


def _polygon(color: str, alpha: int, z: float) -> QtWidgets.QGraphicsPolygonItem:
    item = QtWidgets.QGraphicsPolygonItem()
    item.setBrush(theme.brush(color, alpha))
    item.setPen(theme.pen(color, 0.8))
    item.setZValue(z)
    return item


class MatricesLab(MatricesViewsMixin, Lab):
    """Three pages: Transform (the plane under A), System (Ax = b as two lines), Row reduction (step by step)."""

    name = "matrices"
    title = "Matrices"
    state_type = MatricesState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QtWidgets.QTabWidget()
        self.tables: list[MatrixTable] = []
        self.tabs.addTab(self._build_transform_page(), "Transform the plane")
        self.tabs.addTab(self._build_system_page(), "System A x = b")
        self.rref_panel = RrefPanel(self._state)
        self.rref_panel.state_edited.connect(lambda s, text: self.edit(s, text))
        self.rref_panel.error.connect(self.error_message)
        self.tabs.addTab(self.rref_panel, "Row reduction")
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._anim = QtCore.QVariantAnimation(self)
        self._anim.setDuration(1600)
        self._anim.setEasingCurve(QtCore.QEasingCurve.Type.InOutCubic)
        self._anim.valueChanged.connect(lambda t: self.preview(replace(self._state, morph_t=round(float(t), 3))))
        self._anim.finished.connect(lambda: self.commit("Animate I → A"))
        self.render(self._state)

    # --- building ---------------------------------------------------------------------------------------------------
    def _matrix_box(self, title: str) -> tuple[QtWidgets.QGroupBox, QtWidgets.QVBoxLayout, QtWidgets.QLabel]:
        box = QtWidgets.QGroupBox(title)
        lay = QtWidgets.QVBoxLayout(box)
        table = MatrixTable(2, 2)
        table.setObjectName(f"matrix_table_{len(self.tables)}")
        table.matrix_edited.connect(self._on_matrix_typed)
        message = QtWidgets.QLabel("")
        message.setObjectName(f"matrix_message_{len(self.tables)}")
        message.setWordWrap(True)
        message.setStyleSheet(f"color: {theme.color('vermillion').name()}; font-weight: bold;")
        table.cell_rejected.connect(lambda _i, _j, msg, lab=message: self._on_rejected(lab, msg))
        self.tables.append(table)
        lay.addWidget(table, 0, QtCore.Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(message)
        return box, lay, message

    @staticmethod
    def _page(plane: QtWidgets.QWidget, column: QtWidgets.QWidget) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        scroll = QtWidgets.QScrollArea()
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(350)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay = QtWidgets.QHBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(plane, 1)
        lay.addWidget(scroll)
        return page

    def _build_transform_page(self) -> QtWidgets.QWidget:
        self.plane = PlaneWidget(view=self._state.view)
        self.plane.setObjectName("matricesPlane")
        self.plane.setMinimumSize(400, 360)
        self.plane.view_changed.connect(self._on_view)
        self.grid = FastGrid(self.plane)
        plot = self.plane.getPlotItem()
        self.grid_item = pg.PlotDataItem([], [], pen=theme.pen("blue", 0.35, alpha=150), connect="finite")
        self.grid_item.setZValue(-5)
        plot.addItem(self.grid_item, ignoreBounds=True)
        self.square = _polygon("sky", 90, -3)
        plot.addItem(self.square, ignoreBounds=True)
        self.det_label = pg.TextItem("", anchor=(0.5, 0.5))
        self.det_label.setFont(theme.font(1.1, bold=True))
        self.det_label.setZValue(8)
        plot.addItem(self.det_label, ignoreBounds=True)
        self.eigen_lines = []
        for _ in range(2):
            line = pg.InfiniteLine(
                angle=0,
                pen=theme.pen("purple", 1.0, "dash"),
                label="",
                labelOpts={"position": 0.9, "color": theme.color("purple"), "movable": False},
            )
            line.setZValue(-1)
            plot.addItem(line, ignoreBounds=True)
            self.eigen_lines.append(line)
        self.i_hat = VectorItem(color="vermillion", label="î", width=1.3)
        self.j_hat = VectorItem(color="blue", label="ĵ", width=1.3)
        for k, item in enumerate((self.i_hat, self.j_hat)):
            item.setZValue(10)
            item.sigDragged.connect(lambda _it, pos, k=k: self._on_basis_dragged(k, pos))
            item.sigDragFinished.connect(lambda _it, _pos, k=k: self.commit(f"Drag {'îĵ'[k]}"))
            plot.addItem(item, ignoreBounds=True)

        col = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(col)
        box, blay, self.matrix_message = self._matrix_box("Matrix A (columns = where î and ĵ land)")
        self.snap_check = QtWidgets.QCheckBox("Snap dragged tips to a 0.5 grid")
        self.snap_check.toggled.connect(lambda on: self.edit(replace(self._state, snap=on), "Snap"))
        blay.addWidget(self.snap_check)
        lay.addWidget(box)

        pre = QtWidgets.QGroupBox("Presets")
        pl = QtWidgets.QVBoxLayout(pre)
        self.preset_combo = QtWidgets.QComboBox()
        for key in la.PRESETS:
            self.preset_combo.addItem(PRESET_TITLES[key], key)
        self.preset_combo.currentIndexChanged.connect(self._on_preset)
        pl.addWidget(self.preset_combo)
        self.param_slider = ValueSlider("θ", -180, 180, 30, 1.0, decimals=1)
        self.param_slider.value_changed.connect(self._on_param)
        pl.addWidget(self.param_slider)
        lay.addWidget(pre)

        mor = QtWidgets.QGroupBox("Morph the plane from I to A")
        ml = QtWidgets.QVBoxLayout(mor)
        self.t_slider = ValueSlider("t", 0.0, 1.0, 1.0, 0.01)
        self.t_slider.value_changed.connect(self._on_t)
        ml.addWidget(self.t_slider)
        self.play_button = QtWidgets.QPushButton("▶ Animate I → A")
        self.play_button.clicked.connect(self._on_play)
        ml.addWidget(self.play_button)
        row = QtWidgets.QHBoxLayout()
        self.show_checks = {}
        for field, text in (("show_grid", "grid"), ("show_det", "det area"), ("show_eigen", "eigenvectors")):
            cb = QtWidgets.QCheckBox(text)
            cb.toggled.connect(lambda on, f=field: self.edit(replace(self._state, **{f: on}), f"Show {f[5:]}"))
            self.show_checks[field] = cb
            row.addWidget(cb)
        ml.addLayout(row)
        lay.addWidget(mor)

        facts = QtWidgets.QGroupBox("What A does")
        fl = QtWidgets.QVBoxLayout(facts)
        self.det_text = QtWidgets.QLabel("")
        self.det_text.setObjectName("det_text")
        self.eigen_text = QtWidgets.QLabel("")
        self.eigen_text.setObjectName("eigen_text")
        self.inverse_text = QtWidgets.QLabel("")
        self.inverse_text.setObjectName("inverse_text")
        for lab in (self.det_text, self.eigen_text, self.inverse_text):
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
            fl.addWidget(lab)
        lay.addWidget(facts)
        lay.addStretch(1)
        return self._page(self.plane, col)

    def _build_system_page(self) -> QtWidgets.QWidget:
        self.sys_plane = PlaneWidget(view=self._state.view)
        self.sys_plane.setObjectName("systemPlane")
        self.sys_plane.setMinimumSize(400, 360)
        self.sys_plane.view_changed.connect(self._on_view)
        self.sys_grid = FastGrid(self.sys_plane)
        plot = self.sys_plane.getPlotItem()
        self.sys_lines, self.sys_labels = [], []
        for color in ("vermillion", "blue"):
            line = pg.PlotDataItem([], [], pen=theme.pen(color, 1.2))
            label = pg.TextItem("", color=theme.color(color), anchor=(1, 1))
            label.setFont(theme.font(1.1, bold=True))
            plot.addItem(line, ignoreBounds=True)
            plot.addItem(label, ignoreBounds=True)
            self.sys_lines.append(line)
            self.sys_labels.append(label)
        self.sys_point = pg.ScatterPlotItem(size=14, brush=theme.brush("fg", 255), pen=theme.pen("bg", 0.6))
        plot.addItem(self.sys_point, ignoreBounds=True)
        self.sys_point_label = pg.TextItem("", color=theme.color("fg"), anchor=(-0.1, 1.1))
        self.sys_point_label.setFont(theme.font(1.1, bold=True))
        plot.addItem(self.sys_point_label, ignoreBounds=True)

        col = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(col)
        box, blay, self.sys_message = self._matrix_box("Coefficients A (one row per equation)")
        brow = QtWidgets.QHBoxLayout()
        brow.addWidget(QtWidgets.QLabel("b ="))
        self.b_spins = []
        for k in range(2):
            spin = QtWidgets.QDoubleSpinBox()
            spin.setObjectName(f"b_spin_{k}")
            spin.setRange(-1000, 1000)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, k=k: self._on_b(k, v))
            brow.addWidget(spin)
            self.b_spins.append(spin)
        blay.addLayout(brow)
        lay.addWidget(box)
        res = QtWidgets.QGroupBox("Solutions")
        rl = QtWidgets.QVBoxLayout(res)
        self.equations_text = QtWidgets.QLabel("")
        self.equations_text.setFont(theme.font(1.15))
        self.system_kind = QtWidgets.QLabel("")
        self.system_kind.setObjectName("system_kind")
        self.system_kind.setWordWrap(True)
        self.system_kind.setFont(theme.font(1.15, bold=True))
        self.system_explain = QtWidgets.QLabel("")
        self.system_explain.setWordWrap(True)
        for w in (self.equations_text, self.system_kind, self.system_explain):
            rl.addWidget(w)
        lay.addWidget(res)
        lay.addStretch(1)
        return self._page(self.sys_plane, col)

    # --- user actions -----------------------------------------------------------------------------------------------
    def _on_matrix_typed(self, rows: tuple) -> None:
        try:
            M = tuple(tuple(to_float(x) for x in r) for r in rows)
        except la.CellError as exc:  # cannot happen after the table's own check, but never crash on a cell
            self.error_message(str(exc))
            return
        for lab in (self.matrix_message, self.sys_message):
            lab.setText("")
        self.edit(replace(self._state, matrix=M, preset="custom"), "Edit matrix")

    def _on_rejected(self, label: QtWidgets.QLabel, message: str) -> None:
        text = f"{message}. A stays {_matrix_text(self._state.matrix)}."
        label.setText(text)
        self.error_message(text)

    def _on_basis_dragged(self, k: int, pos: tuple[float, float]) -> None:
        M = [list(r) for r in self._state.matrix]
        M[0][k], M[1][k] = float(pos[0]), float(pos[1])
        new = tuple(tuple(r) for r in M)
        self.preview(replace(self._state, matrix=new, morph_t=1.0, preset="custom"))

    def _on_preset(self, _index: int) -> None:
        key = self.preset_combo.currentData()
        if key == self._state.preset:
            return
        if key == "custom":
            self.edit(replace(self._state, preset="custom"), "Preset")
            return
        _label, _lo, _hi, default = t2d.PRESET_PARAMS[key]
        self.edit(
            replace(self._state, preset=key, preset_param=default, matrix=t2d.preset_matrix(key, default)),
            f"Preset {key}",
        )

    def _on_param(self, value: float, final: bool) -> None:
        key = self._state.preset
        if key == "custom":
            return
        self.preview(replace(self._state, preset_param=float(value), matrix=t2d.preset_matrix(key, float(value))))
        if final:
            self.commit(f"Preset {key}")

    def _on_t(self, value: float, final: bool) -> None:
        self.preview(replace(self._state, morph_t=float(value)))
        if final:
            self.commit("Morph t")

    def _on_play(self) -> None:
        self._anim.stop()
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.start()

    def _on_b(self, k: int, value: float) -> None:
        b = list(self._state.system_b)
        b[k] = float(value)
        self.edit(replace(self._state, system_b=(b[0], b[1])), "Edit b")

    def _on_tab(self, index: int) -> None:
        self.quiet_update(tab=la.TABS[index])

    def _on_view(self, view: tuple[float, float, float, float]) -> None:
        self._applied_view = tuple(float(x) for x in view)
        other = self.sys_plane if self.sender() is self.plane else self.plane
        with QtCore.QSignalBlocker(other):
            other.set_view(self._applied_view)  # both pages show the same part of the plane
        self.update_view(self._applied_view)

    # --- showing a state --------------------------------------------------------------------------------------------
    def render(self, state: MatricesState) -> None:
        with QtCore.QSignalBlocker(self.tabs):
            self.tabs.setCurrentIndex(la.TABS.index(state.tab))
        for table in self.tables:
            if not table.errors() or table.values() != state.matrix:
                table.set_matrix(state.matrix)
        with QtCore.QSignalBlocker(self.snap_check):
            self.snap_check.setChecked(state.snap)
        with QtCore.QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(la.PRESETS.index(state.preset))
        if state.preset in t2d.PRESET_PARAMS:
            label, lo, hi, _ = t2d.PRESET_PARAMS[state.preset]
            step = 1.0 if "°" in label else 0.05
            self.param_slider.set_range(lo, hi, step)
            self.param_slider.set_label(label.split(" ")[-1] if "°" not in label else "θ°")
            self.param_slider.set_value(state.preset_param)
        self.param_slider.setEnabled(state.preset in t2d.PRESET_PARAMS)
        self.t_slider.set_value(state.morph_t)
        for field, cb in self.show_checks.items():
            with QtCore.QSignalBlocker(cb):
                cb.setChecked(getattr(state, field))
        if state.view != getattr(self, "_applied_view", None):  # only a new view from outside moves the camera
            self._applied_view = state.view
            for plane in (self.plane, self.sys_plane):
                if plane.current_view() != state.view:
                    with QtCore.QSignalBlocker(plane):
                        plane.set_view(state.view)
        step = 0.5 if state.snap else 0.01
        for item in (self.i_hat, self.j_hat):
            item.constraint = lambda p, s=step: snap_to_grid(p, s)
        self._render_transform(state)
        self._render_system(state)
        self.rref_panel.render(state)

    # --- export -----------------------------------------------------------------------------------------------------
    def export_views(self) -> dict:
        return {
            "plane": self.plane.getPlotItem(),
            "system": self.sys_plane.getPlotItem(),
            "rref": self.rref_panel.step_table,
        }

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        s = self._state
        aug = [[float(to_float(c)) for c in r] for r in s.augmented]
        n = len(aug[0])
        return {
            "matrix": (["col1", "col2"], [list(r) for r in s.matrix]),
            "augmented": ([f"x{j + 1}" for j in range(n - 1)] + ["b"], aug),
        }
