"""The "Events" tab: the square, the rules read off as areas, the simulation, and disjoint vs independent."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.i18n import localize
from engine.prob import EventProbs, ProbabilityResults, ProbabilityState, nice_fraction
from gui import theme
from gui.labs.probability.square import EVENT_COLORS, SquareView
from gui.widgets.catch_up import CatchUp
from gui.widgets.control_column import control_column
from gui.widgets.field_controls import configure_spin, next_seed, spec_of

__all__ = ["EventsTab", "Readouts", "TRIAL_PRESETS", "fmt", "view_and_column"]

TRIAL_PRESETS = (100, 1_000, 10_000, 1_000_000)


def fmt(x: float | None, fraction: bool = True) -> str:
    """A probability as 0.0800 (= 2/25 when it is a short fraction; a decimal comma in Spanish); an em dash when
    undefined."""
    if x is None:
        return "—"
    text = localize(f"{float(x):.4f}")
    frac = nice_fraction(float(x)) if fraction else None
    return f"{text} ({frac})" if frac else text


def view_and_column(page: QtWidgets.QWidget, left: QtWidgets.QLayout, parts: tuple[QtWidgets.QWidget, ...]) -> None:
    """Lay out a tab: ``left`` (the view) takes the room, ``parts`` stack in a scrolling control column on the right."""
    column = QtWidgets.QWidget()
    col = QtWidgets.QVBoxLayout(column)
    col.setContentsMargins(4, 4, 4, 4)
    for part in parts:
        col.addWidget(part)
    col.addStretch(1)
    scroll = control_column(column)
    scroll.setMinimumWidth(470)
    layout = QtWidgets.QHBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(left, 1)
    layout.addWidget(scroll)


class ComparePanel(QtWidgets.QGroupBox):
    """The same P(A) and P(B) arranged disjoint and arranged independent, side by side (a classic confusion)."""

    def __init__(self) -> None:
        super().__init__()
        grid = QtWidgets.QGridLayout(self)
        # the title as a wrapping label, not the group box's title: a title cannot wrap and widened presenter columns
        title = QtWidgets.QLabel(self.tr("Disjoint is not independent (same P(A), P(B))"))
        title.setWordWrap(True)
        title.setObjectName("compare_title")
        grid.addWidget(title, 0, 0, 1, 2)
        self.rects: list[tuple[QtWidgets.QGraphicsRectItem, QtWidgets.QGraphicsRectItem]] = []
        self.captions: list[QtWidgets.QLabel] = []
        for col, name in enumerate((self.tr("disjoint example"), self.tr("independent example"))):
            view = pg.PlotWidget()
            view.setAccessibleName(name)
            view.setFixedSize(105, 105)
            plot = view.getPlotItem()
            plot.hideAxis("left")
            plot.hideAxis("bottom")
            plot.setMouseEnabled(False, False)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setXRange(0, 1, padding=0.02)
            plot.setYRange(0, 1, padding=0.02)
            frame = QtWidgets.QGraphicsRectItem(0, 0, 1, 1)
            frame.setPen(theme.pen("fg", 1.0))
            plot.addItem(frame)
            pair = []
            for key in ("a", "b"):
                item = QtWidgets.QGraphicsRectItem(0, 0, 0, 0)
                item.setPen(theme.pen(EVENT_COLORS[key], 1.5))
                item.setBrush(theme.brush(EVENT_COLORS[key], 90))
                plot.addItem(item)
                pair.append(item)
            self.rects.append((pair[0], pair[1]))
            caption = QtWidgets.QLabel()
            caption.setWordWrap(True)
            caption.setObjectName(f"compare_caption_{col}")
            self.captions.append(caption)
            grid.addWidget(view, 1, col, QtCore.Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(caption, 2, col)

    def render(self, results: ProbabilityResults) -> None:
        """Draw both arrangements and say what each one means."""
        ev = results.events
        product = fmt(ev.p_a_times_p_b, fraction=False)
        pairs = (results.disjoint_pair, results.independent_pair)
        for (ra, rb), pair in zip(self.rects, pairs, strict=True):
            for item, r in ((ra, pair[0] if pair else None), (rb, pair[1] if pair else None)):
                item.setVisible(r is not None)
                if r is not None:
                    item.setRect(QtCore.QRectF(*(float(v) for v in r)))
        if results.disjoint_pair is None:
            self.captions[0].setText(self.tr("P(A) + P(B) > 1: A and B cannot be disjoint."))
        else:
            self.captions[0].setText(
                self.tr("Disjoint: P(A∩B) = 0 ≠ P(A)·P(B) = {0}. Knowing B happened rules A out: dependent.").format(
                    product
                )
            )
        self.captions[1].setText(
            self.tr("Independent: P(A∩B) = P(A)·P(B) = {0}. Knowing B leaves P(A|B) = P(A).").format(product)
        )


class Readouts(QtWidgets.QGroupBox):
    """Each probability exactly (areas) and as simulated frequencies."""

    ROWS = ("p_a", "p_b", "p_ab", "p_union", "p_not_a", "p_a_given_b", "p_b_given_a", "p_a_times_p_b")

    def __init__(self, title: str = "") -> None:
        super().__init__()
        self.setTitle(title or self.tr("Probabilities = areas"))
        names = {
            "p_a": self.tr("P(A)"),
            "p_b": self.tr("P(B)"),
            "p_ab": self.tr("P(A∩B)"),
            "p_union": self.tr("P(A∪B)"),
            "p_not_a": self.tr("P(Aᶜ)"),
            "p_a_given_b": self.tr("P(A|B)"),
            "p_b_given_a": self.tr("P(B|A)"),
            "p_a_times_p_b": self.tr("P(A)·P(B)"),
        }
        formulas = {
            "p_ab": self.tr("the overlap of A and B"),
            "p_union": self.tr("P(A) + P(B) − P(A∩B)"),
            "p_not_a": self.tr("1 − P(A)"),
            "p_a_given_b": self.tr("P(A∩B) / P(B): the share of B that is also A"),
            "p_b_given_a": self.tr("P(A∩B) / P(A)"),
            "p_a_times_p_b": self.tr("equals P(A∩B) exactly when A and B are independent"),
        }
        grid = QtWidgets.QGridLayout(self)
        grid.addWidget(QtWidgets.QLabel(self.tr("<b>exact</b>")), 0, 1)
        grid.addWidget(QtWidgets.QLabel(self.tr("<b>simulated</b>")), 0, 2)
        self.exact: dict[str, QtWidgets.QLabel] = {}
        self.simulated: dict[str, QtWidgets.QLabel] = {}
        for row, key in enumerate(self.ROWS, 1):
            name = QtWidgets.QLabel(names[key])
            name.setToolTip(formulas.get(key, ""))
            grid.addWidget(name, row, 0)
            for col, store in ((1, self.exact), (2, self.simulated)):
                label = QtWidgets.QLabel()
                label.setObjectName(f"{'readout' if col == 1 else 'simulated'}_{key}")
                label.setAccessibleName(names[key])
                label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(label, row, col)
                store[key] = label
        rules = QtWidgets.QLabel(self.tr("P(A∪B) = P(A) + P(B) − P(A∩B);  P(Aᶜ) = 1 − P(A);  P(A|B) = P(A∩B) / P(B)."))
        rules.setWordWrap(True)
        grid.addWidget(rules, len(self.ROWS) + 1, 0, 1, 3)
        self.verdict = QtWidgets.QLabel()
        self.verdict.setObjectName("readout_verdict")
        self.verdict.setWordWrap(True)
        grid.addWidget(self.verdict, len(self.ROWS) + 2, 0, 1, 3)
        self.sim_header = grid.itemAtPosition(0, 2).widget()

    def render(self, state: ProbabilityState, results: ProbabilityResults) -> None:
        """Write the exact areas, the frequencies (when points are thrown) and the independence verdict."""
        t = results.throw
        counts = (t.n, t.n_a, t.n_b, t.n_ab, t.n_union) if state.show_points and t.n > 0 else None
        self.show(results.events, counts)

    def show(self, ev: EventProbs, counts: tuple[int, int, int, int, int] | None) -> None:
        """Exact probabilities of ``ev``, and the frequencies of ``counts`` = (n, n_A, n_B, n_A∩B, n_A∪B) if given."""
        values = {
            "p_a": ev.p_a,
            "p_b": ev.p_b,
            "p_ab": ev.p_ab,
            "p_union": ev.p_union,
            "p_not_a": 1 - ev.p_a,
            "p_a_given_b": ev.p_a_given_b,
            "p_b_given_a": ev.p_b_given_a,
            "p_a_times_p_b": ev.p_a_times_p_b,
        }
        shown = counts is not None
        n, n_a, n_b, n_ab, n_union = counts if counts is not None else (1, 0, 0, 0, 0)
        sim = {
            "p_a": n_a / n,
            "p_b": n_b / n,
            "p_ab": n_ab / n,
            "p_union": n_union / n,
            "p_not_a": 1 - n_a / n,
            "p_a_given_b": n_ab / n_b if n_b else None,
            "p_b_given_a": n_ab / n_a if n_a else None,
            "p_a_times_p_b": (n_a / n) * (n_b / n),
        }
        self.sim_header.setVisible(shown)
        for key in self.ROWS:
            self.exact[key].setText(fmt(values[key], fraction=not shown))  # two columns of fractions would not fit
            self.simulated[key].setText(fmt(sim[key], fraction=False) if shown else "")
            self.simulated[key].setVisible(shown)
        if ev.p_b == 0:
            text = self.tr("B has probability 0: P(A|B) is undefined (there is nothing to condition on).")
        elif ev.disjoint:
            text = self.tr("A and B are disjoint, so they are dependent (unless one has probability 0).")
        elif ev.independent:
            text = self.tr("Independent: P(A∩B) = P(A)·P(B), so P(A|B) = P(A).")
        else:
            text = self.tr("Dependent: P(A∩B) ≠ P(A)·P(B); knowing B changes the chance of A.")
        self.verdict.setText(text)


class SimulationControls(QtWidgets.QGroupBox):
    """Throw points: how many, which seed, shown or not."""

    changed = QtCore.Signal(dict, str)
    """(field changes, undo text)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Simulation: throw random points"))
        lay = QtWidgets.QGridLayout(self)
        self.show_check = QtWidgets.QCheckBox(self.tr("Throw points"))
        self.show_check.setObjectName("show_points")
        self.show_check.setToolTip(self.tr("The first 2 000 points are drawn; all n are counted."))
        self.show_check.toggled.connect(lambda on: self.changed.emit({"show_points": on}, self.tr("Throw points")))
        lay.addWidget(self.show_check, 0, 0, 1, 3)
        self.n_spin = QtWidgets.QSpinBox()
        self.n_spin.setObjectName("n_trials")
        configure_spin(self.n_spin, spec_of(ProbabilityState, "n_trials"))
        self.n_spin.setGroupSeparatorShown(True)
        self.n_spin.setKeyboardTracking(False)
        self.n_spin.setAccessibleName(self.tr("Number of points n"))
        self.n_spin.valueChanged.connect(lambda v: self.changed.emit({"n_trials": int(v)}, self.tr("Set n")))
        lay.addWidget(QtWidgets.QLabel(self.tr("n =")), 1, 0)
        lay.addWidget(self.n_spin, 1, 1, 1, 2)
        for col, n in enumerate(TRIAL_PRESETS):
            button = QtWidgets.QPushButton(f"{n:,}".replace(",", " "))
            button.setAccessibleName(self.tr("Throw {0} points").format(n))
            button.clicked.connect(
                lambda _=False, n=n: self.changed.emit({"n_trials": n, "show_points": True}, self.tr("Set n"))
            )
            lay.addWidget(button, 2 + col // 2, 1 + col % 2)
        self.seed_spin = QtWidgets.QSpinBox()
        self.seed_spin.setObjectName("seed")
        configure_spin(self.seed_spin, spec_of(ProbabilityState, "seed"))
        self.seed_spin.setKeyboardTracking(False)
        self.seed_spin.setAccessibleName(self.tr("Random seed"))
        self.seed_spin.valueChanged.connect(lambda v: self.changed.emit({"seed": int(v)}, self.tr("Set seed")))
        again = QtWidgets.QPushButton(self.tr("Throw again"))
        again.setAccessibleName(self.tr("Throw again with the next seed"))
        again.clicked.connect(
            lambda: self.changed.emit({"seed": next_seed(self.seed_spin), "show_points": True}, self.tr("Throw again"))
        )
        for spin in (self.n_spin, self.seed_spin):  # room for 9 digits; their range's width would widen the column
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0" * 9) + 30)
        lay.addWidget(QtWidgets.QLabel(self.tr("seed")), 4, 0)
        lay.addWidget(self.seed_spin, 4, 1, 1, 2)
        lay.addWidget(again, 5, 1, 1, 2)  # own row: beside the seed box it widened presenter columns
        self.bounds = QtWidgets.QLabel()
        self.bounds.setWordWrap(True)
        self.bounds.setObjectName("simulation_bounds")
        lay.addWidget(self.bounds, 6, 0, 1, 3)

    def render(self, state: ProbabilityState, results: ProbabilityResults) -> None:
        """Show the state's simulation settings and where freq(A) should land."""
        for box, value in ((self.n_spin, state.n_trials), (self.seed_spin, state.seed)):
            if box.value() != value:
                with QtCore.QSignalBlocker(box):
                    box.setValue(value)
        with QtCore.QSignalBlocker(self.show_check):
            self.show_check.setChecked(state.show_points)
        lo, hi = results.bounds_a
        self.bounds.setText(
            self.tr("With n = {0}, freq(A) lands in [{1}, {2}] for 99.99 % of seeds.").format(
                f"{state.n_trials:,}".replace(",", " "), localize(f"{lo:.4f}"), localize(f"{hi:.4f}")
            )
            if state.show_points
            else ""
        )


class EventsTab(QtWidgets.QWidget):
    """The square on the left, the readouts, the simulation and the comparison on the right."""

    snap_toggled = QtCore.Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.square = SquareView()
        self.square.setMinimumSize(320, 320)
        self.readouts = Readouts()
        self.simulation = SimulationControls()
        self.compare = ComparePanel()
        pick = QtWidgets.QHBoxLayout()
        pick.addWidget(QtWidgets.QLabel(self.tr("Keys move:")))
        self.pick_buttons: dict[str, QtWidgets.QRadioButton] = {}
        for key in ("a", "b"):
            button = QtWidgets.QRadioButton(key.upper())
            button.setAccessibleName(self.tr("Arrow keys move event {0}").format(key.upper()))
            button.toggled.connect(lambda on, k=key: on and self.square.select(k))
            pick.addWidget(button)
            self.pick_buttons[key] = button
        self.pick_buttons["a"].setChecked(True)
        self.square.selected_changed.connect(lambda k: self.pick_buttons[k].setChecked(True))
        self.snap_check = QtWidgets.QCheckBox(self.tr("Snap to a 0.05 grid"))
        self.snap_check.setObjectName("snap")
        self.snap_check.toggled.connect(self.snap_toggled)
        pick.addStretch(1)
        pick.addWidget(self.snap_check)
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.square, 1)
        left.addLayout(pick)
        view_and_column(self, left, (self.readouts, self.simulation, self.compare))
        self.catch_up = CatchUp(self)

    def render(self, state: ProbabilityState, results: ProbabilityResults, live: bool = False) -> None:
        """Every part of the tab for one state; while ``live`` (an event dragged) the column catches up at 10 Hz."""
        self.square.render(state, results)
        self.catch_up.run(lambda: self._render_column(state, results), live)
        with QtCore.QSignalBlocker(self.snap_check):
            self.snap_check.setChecked(state.snap)

    def _render_column(self, state: ProbabilityState, results: ProbabilityResults) -> None:
        # ~0.8 ms a change: sixteen readouts and three wrapped sentences laid out again, the column repainted
        self.readouts.render(state, results)
        self.simulation.render(state, results)
        self.compare.render(results)
