"""The "Dice, cards, coins" tab: a finite sample space as a grid of equally likely outcomes, events A and B as sets of
cells (A filled, B hatched — never colour alone), exact probabilities as counts, and n rolls/draws/tosses."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from engine.i18n import localize
from engine.prob import (
    DEFAULT_EVENTS,
    SPACE_EVENTS,
    SPACES,
    ProbabilityResults,
    ProbabilityState,
    event_mask,
    event_title,
    outcome_label,
    outcomes,
    space_title,
)
from gui import theme
from gui.labs.probability.events_tab import TRIAL_PRESETS, Readouts, view_and_column
from gui.labs.probability.square import EVENT_COLORS
from gui.widgets.field_controls import configure_spin, next_seed, spec_of

__all__ = ["OutcomesTab", "OutcomeGrid", "grid_shape"]


def grid_shape(space: str) -> tuple[int, int]:
    """(columns, rows) of the outcome grid: dice 6×6 (first die across), cards 13×4 (a suit per row), coins 4×2."""
    return {"dice": (6, 6), "cards": (13, 4), "coins": (4, 2)}[space]


class OutcomeGrid(pg.PlotWidget):
    """One cell per outcome; A's cells filled, B's cells hatched, A∩B both; the label of each outcome in its cell."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Sample space: one cell per equally likely outcome"))
        plot = self.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setMouseEnabled(False, False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setAspectLocked(True)
        self.space = ""
        self.cells: list[tuple[QtWidgets.QGraphicsRectItem, QtWidgets.QGraphicsRectItem]] = []
        self.labels: list[pg.TextItem] = []
        self.key = pg.TextItem(anchor=(0, 0))

    def _build(self, space: str) -> None:
        plot = self.getPlotItem()
        plot.clear()
        self.cells, self.labels = [], []
        cols, rows = grid_shape(space)
        outs = outcomes(space)
        fg = theme.color("fg")
        for i, outcome in enumerate(outs):
            col, row = i % cols, rows - 1 - i // cols
            frame = QtWidgets.QGraphicsRectItem(col, row, 0.96, 0.96)
            frame.setPen(theme.pen("grey", 1.0))
            plot.addItem(frame)
            fill = QtWidgets.QGraphicsRectItem(col, row, 0.96, 0.96)
            fill.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
            hatch = QtWidgets.QGraphicsRectItem(col + 0.06, row + 0.06, 0.84, 0.84)
            plot.addItem(fill)
            plot.addItem(hatch)
            self.cells.append((fill, hatch))
            label = pg.TextItem(outcome_label(space, outcome), color=fg, anchor=(0.5, 0.5))
            label.setFont(theme.font(0.85 if space == "cards" else 1.0))
            label.setPos(col + 0.48, row + 0.48)
            plot.addItem(label)
            self.labels.append(label)
        # Both ranges in one call: with the aspect locked, a separate setYRange re-fit x to the view's shape and cut the
        # 13-column deck down to its middle 4 columns (and the coins to 2 of 4) in a squarish view.
        plot.setRange(xRange=(0, cols), yRange=(0, rows), padding=0.02)
        self.space = space

    def render(self, state: ProbabilityState) -> None:
        """Shade the cells of the state's A and B (rebuilding the grid when the space changed)."""
        if state.space != self.space:
            self._build(state.space)
        in_a, in_b = event_mask(state.space, state.space_a), event_mask(state.space, state.space_b)
        fill_a = theme.brush(EVENT_COLORS["a"], 120)
        hatch_b = QtGui.QBrush(theme.color(EVENT_COLORS["b"]), QtCore.Qt.BrushStyle.BDiagPattern)
        pen_b = theme.pen(EVENT_COLORS["b"], 2.5)
        none_pen = QtGui.QPen(QtCore.Qt.PenStyle.NoPen)
        for (fill, hatch), a, b in zip(self.cells, in_a, in_b, strict=True):
            fill.setBrush(fill_a if a else QtGui.QBrush())
            hatch.setBrush(hatch_b if b else QtGui.QBrush())
            hatch.setPen(pen_b if b else none_pen)
        self.setAccessibleDescription(
            self.tr("{0}: A = {1} ({2} cells, filled), B = {3} ({4} cells, hatched), both: {5} cells.").format(
                space_title(state.space),
                event_title(state.space, state.space_a),
                int(in_a.sum()),
                event_title(state.space, state.space_b),
                int(in_b.sum()),
                int((in_a & in_b).sum()),
            )
        )


class SpaceControls(QtWidgets.QGroupBox):
    """Which space, which events A and B."""

    changed = QtCore.Signal(dict, str)
    """(field changes, undo text)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Sample space and events"))
        form = QtWidgets.QFormLayout(self)
        self.space_combo = QtWidgets.QComboBox()
        self.space_combo.setObjectName("space")
        self.space_combo.setAccessibleName(self.tr("Sample space"))
        self.space_combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.space_combo.setMinimumContentsLength(12)  # long names elide instead of widening a narrow column
        for space in SPACES:
            self.space_combo.addItem(space_title(space), space)
        self.space_combo.activated.connect(self._on_space)
        form.addRow(self.tr("Space"), self.space_combo)
        self.event_combos: dict[str, QtWidgets.QComboBox] = {}
        for key, text in (("a", self.tr("Event A (filled)")), ("b", self.tr("Event B (hatched)"))):
            combo = QtWidgets.QComboBox()
            combo.setObjectName(f"space_{key}")
            combo.setAccessibleName(text)
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.activated.connect(lambda _i, k=key: self._on_event(k))
            form.addRow(text, combo)
            self.event_combos[key] = combo
        self._space = ""

    def _on_space(self, index: int) -> None:
        space = self.space_combo.itemData(index)
        a, b = DEFAULT_EVENTS[space]
        self.changed.emit({"space": space, "space_a": a, "space_b": b}, self.tr("Choose sample space"))

    def _on_event(self, key: str) -> None:
        combo = self.event_combos[key]
        self.changed.emit({f"space_{key}": combo.currentData()}, self.tr("Choose event {0}").format(key.upper()))

    def render(self, state: ProbabilityState) -> None:
        """Show the state's space and events."""
        with QtCore.QSignalBlocker(self.space_combo):
            self.space_combo.setCurrentIndex(SPACES.index(state.space))
        for key, combo in self.event_combos.items():
            with QtCore.QSignalBlocker(combo):
                if self._space != state.space:
                    combo.clear()
                    for event in SPACE_EVENTS[state.space]:
                        combo.addItem(event_title(state.space, event), event)
                combo.setCurrentIndex(SPACE_EVENTS[state.space].index(getattr(state, f"space_{key}")))
        self._space = state.space


class RollControls(QtWidgets.QGroupBox):
    """Roll / draw / toss n times (with replacement), seeded; the first outcomes listed."""

    changed = QtCore.Signal(dict, str)

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Simulation: repeat the experiment n times"))
        lay = QtWidgets.QGridLayout(self)
        self.n_spin = QtWidgets.QSpinBox()
        self.n_spin.setObjectName("outcomes_n_trials")
        configure_spin(self.n_spin, spec_of(ProbabilityState, "n_trials"))
        self.n_spin.setGroupSeparatorShown(True)
        self.n_spin.setKeyboardTracking(False)
        self.n_spin.setAccessibleName(self.tr("Number of trials n"))
        self.n_spin.valueChanged.connect(lambda v: self.changed.emit({"n_trials": int(v)}, self.tr("Set n")))
        lay.addWidget(QtWidgets.QLabel(self.tr("n =")), 0, 0)
        lay.addWidget(self.n_spin, 0, 1, 1, 2)
        for col, n in enumerate(TRIAL_PRESETS):
            button = QtWidgets.QPushButton(f"{n:,}".replace(",", " "))
            button.setAccessibleName(self.tr("Repeat {0} times").format(n))
            button.clicked.connect(lambda _=False, n=n: self.changed.emit({"n_trials": n}, self.tr("Set n")))
            lay.addWidget(button, 1 + col // 2, 1 + col % 2)
        self.seed_spin = QtWidgets.QSpinBox()
        self.seed_spin.setObjectName("outcomes_seed")
        configure_spin(self.seed_spin, spec_of(ProbabilityState, "seed"))
        self.seed_spin.setKeyboardTracking(False)
        self.seed_spin.setAccessibleName(self.tr("Random seed"))
        self.seed_spin.valueChanged.connect(lambda v: self.changed.emit({"seed": int(v)}, self.tr("Set seed")))
        again = QtWidgets.QPushButton(self.tr("Again"))
        again.setObjectName("outcomes_again")
        again.setAccessibleName(self.tr("Repeat again with the next seed"))
        again.clicked.connect(lambda: self.changed.emit({"seed": next_seed(self.seed_spin)}, self.tr("Again")))
        lay.addWidget(QtWidgets.QLabel(self.tr("seed")), 3, 0)
        lay.addWidget(self.seed_spin, 3, 1)
        lay.addWidget(again, 3, 2)
        self.first = QtWidgets.QLabel()
        self.first.setObjectName("outcomes_first")
        self.first.setWordWrap(True)
        self.first.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.first, 4, 0, 1, 3)
        self.bounds = QtWidgets.QLabel()
        self.bounds.setObjectName("outcomes_bounds")
        self.bounds.setWordWrap(True)
        lay.addWidget(self.bounds, 5, 0, 1, 3)

    def render(self, state: ProbabilityState, results: ProbabilityResults) -> None:
        """The state's n and seed, the first outcomes and where freq(A) should land."""
        for box, value in ((self.n_spin, state.n_trials), (self.seed_spin, state.seed)):
            if box.value() != value:
                with QtCore.QSignalBlocker(box):
                    box.setValue(value)
        r = results.rolled
        outs = outcomes(state.space)
        listed = "  ".join(outcome_label(state.space, outs[i]) for i in r.first)
        rest = r.n - len(r.first)
        more = self.tr(" … and {0} more").format(f"{rest:,}".replace(",", " ")) if rest else ""
        self.first.setText(self.tr("First outcomes: {0}{1}").format(listed, more) if r.n else self.tr("No trials yet."))
        lo, hi = results.space_bounds_a
        self.bounds.setText(
            self.tr("With n = {0}, freq(A) lands in [{1}, {2}] for 99.99 % of seeds.").format(
                f"{state.n_trials:,}".replace(",", " "), localize(f"{lo:.4f}"), localize(f"{hi:.4f}")
            )
        )


class OutcomesTab(QtWidgets.QWidget):
    """The outcome grid on the left; the space, the probabilities as counts and the simulation on the right."""

    changed = QtCore.Signal(dict, str)

    def __init__(self) -> None:
        super().__init__()
        self.grid = OutcomeGrid()
        self.grid.setMinimumSize(320, 240)
        self.legend = QtWidgets.QLabel(
            self.tr(
                "Every cell is one equally likely outcome: P(event) = cells in it / all cells. "
                "A is filled, B is hatched."
            )
        )
        self.legend.setWordWrap(True)
        self.controls = SpaceControls()
        self.readouts = Readouts(self.tr("Probabilities = counts of outcomes"))
        self.rolls = RollControls()
        for part in (self.controls, self.rolls):
            part.changed.connect(self.changed)
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.grid, 1)
        left.addWidget(self.legend)
        view_and_column(self, left, (self.controls, self.readouts, self.rolls))

    def render(self, state: ProbabilityState, results: ProbabilityResults) -> None:
        """Every part of the tab for one state."""
        r = results.rolled
        self.grid.render(state)
        self.controls.render(state)
        self.readouts.show(results.space, (r.n, r.n_a, r.n_b, r.n_ab, r.n_union) if r.n else None)
        self.rolls.render(state, results)
