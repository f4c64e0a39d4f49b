"""The Matrices lab: a 2×2 matrix moving the plane (grid, unit square, eigen-lines), 2×2 systems and row reduction."""

from __future__ import annotations

from dataclasses import replace

from PySide6 import QtCore, QtWidgets

from engine import linalg as la
from engine.i18n import QT_TRANSLATE_NOOP
from engine.linalg import MatricesState, choose_preset, derive, set_preset_param, to_float
from engine.vectors import snap_to_grid
from gui import theme
from gui.i18n import translate
from gui.labs.base import Lab
from gui.labs.matrices.rref_panel import RrefPanel
from gui.labs.matrices.system_view import SolutionsBox, SystemPlot
from gui.labs.matrices.transform_view import FactsBox, TransformPlot
from gui.widgets.catch_up import CatchUp
from gui.widgets.control_column import control_column
from gui.widgets.fast_grid import FastGrid
from gui.widgets.field_controls import configure_spin, spec_of, value_slider
from gui.widgets.matrix_table import MatrixTable
from gui.widgets.plane import PlaneWidget
from gui.widgets.results_cache import ResultsCache
from gui.widgets.words import fmt, pair, plain

__all__ = ["MatricesLab"]

PRESET_TITLES = {
    "custom": QT_TRANSLATE_NOOP("Matrices", "custom (type or drag)"),
    "rotation": QT_TRANSLATE_NOOP("Matrices", "rotation by θ"),
    "shear": QT_TRANSLATE_NOOP("Matrices", "shear"),
    "scale": QT_TRANSLATE_NOOP("Matrices", "scale by s"),
    "reflection": QT_TRANSLATE_NOOP("Matrices", "reflection across a line"),
    "projection": QT_TRANSLATE_NOOP("Matrices", "projection onto a line"),
}


class MatricesLab(Lab):
    """Three pages: Transform (the plane under A), System (Ax = b as two lines), Row reduction (step by step)."""

    name = "matrices"
    title = QT_TRANSLATE_NOOP("Labs", "Matrices")
    state_type = MatricesState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = ResultsCache(derive)
        self._applied_view: tuple[float, ...] | None = None
        self._live = False  # inside preview(): pages that are not shown wait for the end of the gesture
        self._hidden_stale = False
        self.catch_up = CatchUp(self)
        """The matrix tables in the side column follow a drag at 10 Hz, like the facts (re-laying out and repainting
        the column was a fifth of a move's frame); the plane follows every move."""
        self.tabs = QtWidgets.QTabWidget()
        self.tables: list[MatrixTable] = []
        self.tabs.addTab(self._build_transform_page(), translate("Matrices", "Transform the plane"))
        self.tabs.addTab(self._build_system_page(), translate("Matrices", "System A x = b"))
        self.rref_panel = RrefPanel(self._state)
        self.rref_panel.state_edited.connect(lambda s, text: self.edit(s, text))
        self.rref_panel.error.connect(self.error_message)
        self.tabs.addTab(self.rref_panel, translate("Matrices", "Row reduction"))
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._anim = QtCore.QVariantAnimation(self)
        self._anim.setDuration(1600)
        self._anim.setEasingCurve(QtCore.QEasingCurve.Type.InOutCubic)
        self._anim.valueChanged.connect(lambda t: self.preview(replace(self._state, morph_t=round(float(t), 3))))
        self._anim.finished.connect(lambda: self.commit(translate("Matrices", "Animate I → A")))
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
        scroll = control_column(column)
        scroll.setFixedWidth(350)
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
        self.transform = TransformPlot(self.plane.getPlotItem())
        for k, item in enumerate((self.transform.i_hat, self.transform.j_hat)):
            item.sigDragStarted.connect(lambda _it, _pos: self.transform.set_dragging(True))
            item.sigDragged.connect(lambda _it, pos, k=k: self._on_basis_dragged(k, pos))
            item.sigDragFinished.connect(lambda _it, _pos, k=k: self._on_basis_drag_finished(k))

        col = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(col)
        box, blay, self.matrix_message = self._matrix_box(
            translate("Matrices", "Matrix A (columns = where î and ĵ land)")
        )
        self.snap_check = QtWidgets.QCheckBox(translate("Matrices", "Snap dragged tips to a 0.5 grid"))
        self.snap_check.toggled.connect(
            lambda on: self.edit(replace(self._state, snap=on), translate("Matrices", "Snap"))
        )
        blay.addWidget(self.snap_check)
        lay.addWidget(box)

        pre = QtWidgets.QGroupBox(translate("Matrices", "Presets"))
        pl = QtWidgets.QVBoxLayout(pre)
        self.preset_combo = QtWidgets.QComboBox()
        for key in la.PRESETS:
            self.preset_combo.addItem(translate("Matrices", PRESET_TITLES[key]), key)
        self.preset_combo.currentIndexChanged.connect(self._on_preset)
        pl.addWidget(self.preset_combo)
        self.param_slider = value_slider(MatricesState, "preset_param")
        self.param_slider.value_changed.connect(self._on_param)
        pl.addWidget(self.param_slider)
        lay.addWidget(pre)

        mor = QtWidgets.QGroupBox(translate("Matrices", "Morph the plane from I to A"))
        ml = QtWidgets.QVBoxLayout(mor)
        self.t_slider = value_slider(MatricesState, "morph_t")
        self.t_slider.value_changed.connect(self._on_t)
        ml.addWidget(self.t_slider)
        self.play_button = QtWidgets.QPushButton(translate("Matrices", "▶ Animate I → A"))
        self.play_button.clicked.connect(self._on_play)
        ml.addWidget(self.play_button)
        row = QtWidgets.QHBoxLayout()
        self.show_checks = {}
        for field, text in (
            ("show_grid", translate("Matrices", "grid")),
            ("show_det", translate("Matrices", "det area")),
            ("show_eigen", translate("Matrices", "eigenvectors")),
        ):
            cb = QtWidgets.QCheckBox(text)
            cb.toggled.connect(
                lambda on, f=field: self.edit(
                    replace(self._state, **{f: on}), translate("Matrices", "Show {0}").format(f[5:])
                )
            )
            self.show_checks[field] = cb
            row.addWidget(cb)
        ml.addLayout(row)
        lay.addWidget(mor)

        self.facts = FactsBox()
        lay.addWidget(self.facts)
        lay.addStretch(1)
        return self._page(self.plane, col)

    def _build_system_page(self) -> QtWidgets.QWidget:
        self.sys_plane = PlaneWidget(view=self._state.view)
        self.sys_plane.setObjectName("systemPlane")
        self.sys_plane.setMinimumSize(400, 360)
        self.sys_plane.view_changed.connect(self._on_view)
        self.sys_grid = FastGrid(self.sys_plane)
        self.system = SystemPlot(self.sys_plane.getPlotItem())

        col = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(col)
        box, blay, self.sys_message = self._matrix_box(translate("Matrices", "Coefficients A (one row per equation)"))
        brow = QtWidgets.QHBoxLayout()
        brow.addWidget(QtWidgets.QLabel("b ="))
        self.b_spins = []
        for k in range(2):
            spin = QtWidgets.QDoubleSpinBox()
            spin.setObjectName(f"b_spin_{k}")
            configure_spin(spin, spec_of(MatricesState, "system_b"))
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda v, k=k: self._on_b(k, v))
            brow.addWidget(spin)
            self.b_spins.append(spin)
        blay.addLayout(brow)
        lay.addWidget(box)
        self.solutions = SolutionsBox()
        lay.addWidget(self.solutions)
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
        self.edit(replace(self._state, matrix=M, preset="custom"), translate("Matrices", "Edit matrix"))

    def _on_rejected(self, label: QtWidgets.QLabel, message: str) -> None:
        text = translate("Matrices", "{0}. A stays {1}.").format(message, self.results.get(self._state).matrix_text)
        label.setText(text)
        self.error_message(text)

    def _on_basis_dragged(self, k: int, pos: tuple[float, float]) -> None:
        M = [list(r) for r in self._state.matrix]
        M[0][k], M[1][k] = float(pos[0]), float(pos[1])
        new = tuple(tuple(r) for r in M)
        self.preview(replace(self._state, matrix=new, morph_t=1.0, preset="custom"))

    def preview(self, state: MatricesState) -> None:
        """A live change: only the page on show is updated; the others catch up when the gesture ends."""
        self._live = True
        try:
            super().preview(state)
        finally:
            self._live = False

    def commit(self, text: str) -> None:
        """End of a gesture: hidden pages show the final state too (the readouts held back catch up in the base)."""
        if self._hidden_stale:
            self.render(self._state)
        super().commit(text)

    def _on_basis_drag_finished(self, k: int) -> None:
        self.transform.set_dragging(False)
        self.commit(translate("Matrices", "Drag {0}").format("îĵ"[k]))

    def _on_preset(self, _index: int) -> None:
        key = self.preset_combo.currentData()
        if key != self._state.preset:
            self.edit(
                choose_preset(self._state, key),
                translate("Matrices", "Preset") if key == "custom" else translate("Matrices", "Preset {0}").format(key),
            )

    def _on_param(self, value: float, final: bool) -> None:
        if self._state.preset == "custom":
            return
        self.preview(set_preset_param(self._state, value))
        if final:
            self.commit(translate("Matrices", "Preset {0}").format(self._state.preset))

    def _on_t(self, value: float, final: bool) -> None:
        self.preview(replace(self._state, morph_t=float(value)))
        if final:
            self.commit(translate("Matrices", "Morph t"))

    def _on_play(self) -> None:
        self._anim.stop()
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.start()

    def set_state(self, state: MatricesState) -> None:
        """Undo, a scene or a lesson wins over a running I → A animation (it would overwrite the state it set)."""
        self._anim.stop()
        super().set_state(state)

    def _on_b(self, k: int, value: float) -> None:
        b = list(self._state.system_b)
        b[k] = float(value)
        self.edit(replace(self._state, system_b=(b[0], b[1])), translate("Matrices", "Edit b"))

    def _on_tab(self, index: int) -> None:
        self.quiet_update(tab=la.TABS[index])
        if self._hidden_stale:
            self.render(self._state)

    def _on_view(self, view: tuple[float, float, float, float]) -> None:
        self._applied_view = tuple(float(x) for x in view)
        other = self.sys_plane if self.sender() is self.plane else self.plane
        with QtCore.QSignalBlocker(other):
            other.set_view(self._applied_view)  # both pages show the same part of the plane
        self.update_view(self._applied_view)

    # --- showing a state --------------------------------------------------------------------------------------------
    def render(self, state: MatricesState) -> None:
        results = self.results.get(state)
        with QtCore.QSignalBlocker(self.tabs):
            self.tabs.setCurrentIndex(la.TABS.index(state.tab))
        # During a gesture only the page on show is touched; a full render (end of the gesture, a tab switch, undo,
        # a scene) brings the hidden pages up to date.
        shown = la.TABS[self.tabs.currentIndex()]
        self._hidden_stale = self._live
        for page, table in zip(la.TABS, self.tables, strict=False):
            if (page == shown or not self._live) and (not table.errors() or table.values() != state.matrix):
                self.catch_up.run(lambda t=table: t.set_matrix(state.matrix), self._live, key=table)
        with QtCore.QSignalBlocker(self.snap_check):
            self.snap_check.setChecked(state.snap)
        with QtCore.QSignalBlocker(self.preset_combo):
            self.preset_combo.setCurrentIndex(la.PRESETS.index(state.preset))
        preset = results.preset_slider
        if preset is not None:
            self.param_slider.set_range(preset.lo, preset.hi, preset.step)
            self.param_slider.set_label(preset.symbol)
            self.param_slider.set_value(state.preset_param)
        self.param_slider.setEnabled(preset is not None)
        self.t_slider.set_value(state.morph_t)
        for field, cb in self.show_checks.items():
            with QtCore.QSignalBlocker(cb):
                cb.setChecked(getattr(state, field))
        if state.view != self._applied_view:  # only a new view from outside moves the camera
            self._applied_view = state.view
            for plane in (self.plane, self.sys_plane):
                if plane.current_view() != state.view:
                    with QtCore.QSignalBlocker(plane):
                        plane.set_view(state.view)
        for item in (self.transform.i_hat, self.transform.j_hat):
            item.constraint = lambda p, s=results.snap_step: snap_to_grid(p, s)
        if shown == "transform" or not self._live:
            self.transform.render(state, results)
            self.facts.render(results, live=self._live)
        if shown == "system" or not self._live:
            for spin, value in zip(self.b_spins, state.system_b, strict=True):
                if spin.value() != value:
                    with QtCore.QSignalBlocker(spin):
                        spin.setValue(value)
            self.system.render(results)
            self.solutions.render(results)
        if shown == "rref" or not self._live:
            self.rref_panel.render(state, results.rref)

    def describe(self) -> str:
        """E.g. "Matrix A = [2, 1; 1, 2]: î lands on (2, 1), ĵ on (1, 2); det A = 3; eigenvalues 3, 1"."""
        s = self._state
        r = self.results.get(s)
        text = self.tr("Matrix A = {0}: î lands on {1}, ĵ on {2}; det A = {3}").format(
            r.matrix_text, pair(r.i_tip), pair(r.j_tip), fmt(r.det)
        )
        if s.tab == "system":
            return text + "; " + plain(r.system_explain)
        return text + "; " + plain(r.eigen_text).split(";")[0] if s.show_eigen else text

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
