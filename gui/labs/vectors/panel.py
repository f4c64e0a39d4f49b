"""The Vectors lab's control column: one row of spin boxes per vector, the "Show" switches and the readouts."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from engine.i18n import QT_TRANSLATE_NOOP
from engine.vectors import MAX_VECTORS, VectorsResults, VectorsState
from gui import theme
from gui.i18n import translate
from gui.widgets.field_controls import configure_spin, spec_of, value_slider

__all__ = ["vector_color", "VectorRows", "ShowControls", "Readouts"]

EXTRA_COLORS = ("purple", "orange", "green", "sky", "black", "grey")
SHOW_FIELDS = (  # texts shown through translate("Vectors", …)
    ("show_sum", QT_TRANSLATE_NOOP("Vectors", "u + v  (parallelogram)")),
    ("show_diff", "u − v"),
    ("show_scaled", "c · u"),
    ("show_combo", QT_TRANSLATE_NOOP("Vectors", "a·u + b·v  and the span of u, v")),
    ("show_projection", QT_TRANSLATE_NOOP("Vectors", "projection of u onto v")),
)
BALLS = (
    ("none", QT_TRANSLATE_NOOP("Vectors", "none")),
    ("l1", QT_TRANSLATE_NOOP("Vectors", "L1 (diamond, lasso)")),
    ("l2", QT_TRANSLATE_NOOP("Vectors", "L2 (circle, ridge)")),
    ("linf", QT_TRANSLATE_NOOP("Vectors", "L∞ (square)")),
)
READOUTS = (
    ("u_dot_v", "u · v"),
    ("angle", QT_TRANSLATE_NOOP("Vectors", "angle θ")),
    ("norms_u", "‖u‖ L1 / L2 / L∞"),
    ("norms_v", "‖v‖ L1 / L2 / L∞"),
    ("sum", "u + v"),
    ("diff", "u − v"),
    ("scaled", "c · u"),
    ("combo", "a·u + b·v"),
    ("proj", QT_TRANSLATE_NOOP("Vectors", "proj of u on v")),
    ("cross", QT_TRANSLATE_NOOP("Vectors", "area u × v")),
)


def vector_color(i: int) -> str:
    """Theme colour of the i-th vector: u blue, v vermillion, then the extra colours in turn."""
    return ("blue", "vermillion")[i] if i < 2 else EXTRA_COLORS[(i - 2) % len(EXTRA_COLORS)]


class VectorRows(QtWidgets.QGroupBox):
    """One row (name, x, y, remove) per vector, plus Add, Reset view and Snap; edits go out as signals."""

    typed = QtCore.Signal(int, int, float)
    """(vector index, axis 0/1, value)."""
    remove_requested = QtCore.Signal(int)
    add_requested = QtCore.Signal()
    reset_view_requested = QtCore.Signal()
    snap_toggled = QtCore.Signal(bool)

    def __init__(self) -> None:
        super().__init__(translate("Vectors", "Vectors (drag the tips, or type)"))
        box = QtWidgets.QVBoxLayout(self)
        self.rows_widget = QtWidgets.QWidget()
        self.rows_grid = QtWidgets.QGridLayout(self.rows_widget)
        self.rows_grid.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.rows_widget)
        buttons = QtWidgets.QHBoxLayout()
        self.add_button = QtWidgets.QPushButton(translate("Vectors", "+ Add vector"))
        self.add_button.setToolTip(translate("Vectors", "Add another draggable vector (up to {0})").format(MAX_VECTORS))
        self.add_button.clicked.connect(self.add_requested)
        self.reset_view_button = QtWidgets.QPushButton(translate("Vectors", "Reset view"))
        self.reset_view_button.clicked.connect(self.reset_view_requested)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reset_view_button)
        box.addLayout(buttons)
        self.snap_check = QtWidgets.QCheckBox(translate("Vectors", "Snap tips to the integer grid"))
        self.snap_check.toggled.connect(self.snap_toggled)
        box.addWidget(self.snap_check)
        self.spins: list[tuple[QtWidgets.QDoubleSpinBox, QtWidgets.QDoubleSpinBox]] = []
        self._names: tuple[str, ...] | None = None

    def _rebuild(self, names: tuple[str, ...]) -> None:
        """Only when the list of names changes, never during a drag."""
        while self.rows_grid.count():
            w = self.rows_grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.spins = []
        self._names = names
        fs = spec_of(VectorsState, "vectors")
        for i, name in enumerate(names):
            label = QtWidgets.QLabel(f"<b style='color:{theme.color(vector_color(i)).name()}'>{name}</b>")
            # x above y, not side by side: the column stays narrow enough for presenter fonts at 1280×720
            self.rows_grid.addWidget(label, 2 * i, 0, 2, 1)
            pair = []
            for k, axis in enumerate("xy"):
                spin = QtWidgets.QDoubleSpinBox()
                spin.setObjectName(f"spin_{name}_{axis}")
                configure_spin(spin, fs)
                spin.setKeyboardTracking(False)
                spin.setPrefix(f"{axis} = ")
                spin.setAccelerated(True)
                spin.valueChanged.connect(lambda val, i=i, k=k: self.typed.emit(i, k, float(val)))
                self.rows_grid.addWidget(spin, 2 * i + k, 1)
                pair.append(spin)
            self.spins.append((pair[0], pair[1]))
            if i >= 2:
                rm = QtWidgets.QPushButton("✕")
                rm.setObjectName(f"remove_{name}")
                rm.setFixedWidth(28)
                rm.setToolTip(translate("Vectors", "Remove {0}").format(name))
                rm.setAccessibleName(translate("Vectors", "Remove {0}").format(name))
                rm.clicked.connect(lambda _=False, i=i: self.remove_requested.emit(i))
                self.rows_grid.addWidget(rm, 2 * i, 2, 2, 1)

    def render(self, state: VectorsState) -> None:
        """Show ``state``'s vectors in the spin boxes without echoing edits back."""
        if self._names != state.names:
            self._rebuild(state.names)
        self.add_button.setEnabled(len(state.vectors) < MAX_VECTORS)
        for (sx, sy), xy in zip(self.spins, state.vectors, strict=True):
            for spin, value in ((sx, xy[0]), (sy, xy[1])):
                if spin.value() != value:
                    with QtCore.QSignalBlocker(spin):
                        spin.setValue(value)
        with QtCore.QSignalBlocker(self.snap_check):
            self.snap_check.setChecked(state.snap)


class ShowControls(QtWidgets.QGroupBox):
    """Which operations are drawn, the c, a, b sliders and the unit ball; edits go out as signals."""

    toggled = QtCore.Signal(str, bool, str)
    """(field, on, undo text)."""
    slider_moved = QtCore.Signal(str, float, bool)
    """(field, value, final)."""
    ball_chosen = QtCore.Signal(str)

    def __init__(self) -> None:
        super().__init__(translate("Vectors", "Show"))
        form = QtWidgets.QVBoxLayout(self)
        self.checks: dict[str, QtWidgets.QCheckBox] = {}
        self.sliders = {}
        for field, text in SHOW_FIELDS:
            text = translate("Vectors", text)
            box = QtWidgets.QCheckBox(text)
            undo = translate("Vectors", "Show {0}").format(text)
            box.toggled.connect(lambda on, f=field, t=undo: self.toggled.emit(f, on, t))
            self.checks[field] = box
            form.addWidget(box)
            for name in {"show_scaled": ("scalar_c",), "show_combo": ("coef_a", "coef_b")}.get(field, ()):
                slider = value_slider(VectorsState, name)
                slider.value_changed.connect(lambda v, fin, n=name: self.slider_moved.emit(n, float(v), fin))
                self.sliders[name] = slider
                form.addWidget(slider)
        self.c_slider, self.a_slider, self.b_slider = (self.sliders[n] for n in ("scalar_c", "coef_a", "coef_b"))
        ball_row = QtWidgets.QHBoxLayout()
        ball_row.addWidget(QtWidgets.QLabel(translate("Vectors", "Unit ball:")))
        self.ball_combo = QtWidgets.QComboBox()
        for key, text in BALLS:
            self.ball_combo.addItem(translate("Vectors", text), key)
        self.ball_combo.setToolTip(
            translate("Vectors", "The set of vectors of length 1 in each norm: the shapes behind L1/L2 regularisation")
        )
        self.ball_combo.currentIndexChanged.connect(lambda _i: self.ball_chosen.emit(self.ball_combo.currentData()))
        ball_row.addWidget(self.ball_combo, 1)
        form.addLayout(ball_row)

    def render(self, state: VectorsState) -> None:
        """Show ``state``'s switches and slider values without echoing edits back."""
        for field, box in self.checks.items():
            with QtCore.QSignalBlocker(box):
                box.setChecked(getattr(state, field))
        with QtCore.QSignalBlocker(self.ball_combo):
            self.ball_combo.setCurrentIndex(max(0, self.ball_combo.findData(state.norm_ball)))
        for name, slider in self.sliders.items():
            slider.set_value(getattr(state, name))
        self.c_slider.setEnabled(state.show_scaled)  # c only matters when c·u is shown
        self.a_slider.setEnabled(state.show_combo)
        self.b_slider.setEnabled(state.show_combo)


class Readouts(QtWidgets.QGroupBox):
    """Name/value rows of the numbers derive computed, plus the span in words."""

    def __init__(self) -> None:
        super().__init__(translate("Vectors", "Readouts"))
        grid = QtWidgets.QGridLayout(self)
        grid.setColumnStretch(1, 1)
        self.labels: dict[str, QtWidgets.QLabel] = {}
        for r, (key, text) in enumerate(READOUTS):
            value = QtWidgets.QLabel("")
            value.setObjectName(f"readout_{key}")
            value.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QtWidgets.QLabel(translate("Vectors", text)), r, 0)
            grid.addWidget(value, r, 1)
            self.labels[key] = value
        self.span_text = QtWidgets.QLabel("")
        self.span_text.setObjectName("readout_span")
        self.span_text.setWordWrap(True)
        grid.addWidget(self.span_text, grid.rowCount(), 0, 1, 2)

    def render(self, results: VectorsResults) -> None:
        """Write derive's readout texts into the labels."""
        for key, label in self.labels.items():
            label.setText(results.readouts[key])
        self.span_text.setText(results.readouts["span"])
