"""The Probability lab: events as areas, simulated frequencies, Bayes with base rates, a naive Bayes spam filter."""

from __future__ import annotations

from dataclasses import replace

from PySide6 import QtCore, QtWidgets

from engine.prob import (
    EVENT_STEP,
    FREE_STEP,
    TABS,
    ProbabilityState,
    clamp_rect,
    derive,
    event_mask,
    event_title,
    move_rect,
    resize_rect,
    space_title,
)
from gui.labs.base import Lab
from gui.labs.probability.bayes_tab import BayesTab
from gui.labs.probability.events_tab import EventsTab, fmt
from gui.labs.probability.naive_bayes_tab import NaiveBayesTab
from gui.labs.probability.outcomes_tab import OutcomesTab
from gui.widgets.lazy_page import LazyPage
from gui.widgets.results_cache import ResultsCache

__all__ = ["ProbabilityLab"]

LIVE_TABS = ("events", "bayes")
"""Tabs whose side readouts catch up at 10 Hz during a gesture (their render takes ``live``)."""


class ProbabilityLab(Lab):
    """Three tabs on one state: events and simulation, the medical test, naive Bayes."""

    name = "probability"
    title = "Probability"
    state_type = ProbabilityState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = ResultsCache(derive)
        self._key_text = ""  # the undo text of the keyboard move under way ("Move A", "Resize B")
        self._held = False
        """A mouse holds an event or a slider: side readouts catch up at 10 Hz (an arrow key's step shows at once)."""
        self._pages = {
            "events": LazyPage(self._make_events),
            "outcomes": LazyPage(self._make_outcomes),
            "bayes": LazyPage(self._make_bayes),
            "naive_bayes": LazyPage(self._make_naive_bayes),
        }
        """Each tab is built when first shown or asked for: opening the lab builds only the visible one."""
        self._shown: dict[str, ProbabilityState] = {}
        """The state each tab last drew: only the visible tab redraws on a change, the others when opened."""
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setObjectName("probabilityTabs")
        self.tabs.setAccessibleName(self.tr("Probability lab parts"))
        titles = (self.tr("Events and areas"), self.tr("Dice, cards, coins"), self.tr("Bayes: base rates"),
                  self.tr("Naive Bayes"))  # fmt: skip
        for tab, title in zip(TABS, titles, strict=True):
            self.tabs.addTab(self._pages[tab], title)
            self._pages[tab].built.connect(lambda _view, tab=tab: self._render_tab(tab, self._state))
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.render(self._state)

    events_tab = property(lambda self: self._pages["events"].view(), doc="The events tab (built on first use).")
    outcomes_tab = property(lambda self: self._pages["outcomes"].view(), doc="The dice, cards and coins tab.")
    bayes_tab = property(lambda self: self._pages["bayes"].view(), doc="The medical-test Bayes tab.")
    nb_tab = property(lambda self: self._pages["naive_bayes"].view(), doc="The naive Bayes tab.")
    square = property(lambda self: self.events_tab.square, doc="The unit square of the events tab.")

    def _make_events(self) -> EventsTab:
        tab = EventsTab()
        tab.square.event_dragged.connect(self._on_event_dragged)
        tab.square.key_step.connect(self._on_key_step)
        tab.square.key_done.connect(self._on_key_done)
        tab.snap_toggled.connect(lambda on: self.edit(replace(self._state, snap=on), self.tr("Snap")))
        tab.simulation.changed.connect(lambda changes, text: self.edit(replace(self._state, **changes), text))
        return tab

    def _make_outcomes(self) -> OutcomesTab:
        tab = OutcomesTab()
        tab.changed.connect(lambda changes, text: self.edit(replace(self._state, **changes), text))
        return tab

    def _make_bayes(self) -> BayesTab:
        tab = BayesTab()
        tab.slider_moved.connect(self._on_slider)
        tab.second_toggled.connect(lambda on: self.edit(replace(self._state, second_test=on), self.tr("Second test")))
        return tab

    def _make_naive_bayes(self) -> NaiveBayesTab:
        tab = NaiveBayesTab()
        tab.message_edited.connect(self._on_message)
        tab.alpha_moved.connect(lambda v, fin: self._on_slider("alpha", v, fin))
        return tab

    # --- user actions: a drag and an arrow key go through the same change -----------------------------------------
    def _grid(self) -> float:
        return EVENT_STEP if self._state.snap else FREE_STEP

    def _change_event(self, key: str, rect: tuple[float, float, float, float]) -> None:
        """The one way an event changes: snapped, kept inside the square, previewed."""
        self.preview(replace(self._state, **{f"event_{key}": clamp_rect(rect, step=self._grid())}))

    def _on_event_dragged(self, key: str, rect: tuple, finished: bool) -> None:
        self._held = not finished
        self._change_event(key, rect)
        if finished:
            self.commit(self.tr("Drag {0}").format(key.upper()))
        else:
            self.square.events[key].show_rect(getattr(self._state, f"event_{key}"))  # show the snapped rectangle

    def _on_key_step(self, key: str, dx: int, dy: int, resize: bool) -> None:
        r = getattr(self._state, f"event_{key}")
        g = self._grid()
        new = resize_rect(r, dx * g, dy * g) if resize else move_rect(r, dx * g, dy * g)
        self._change_event(key, new)
        self._key_text = (self.tr("Resize {0}") if resize else self.tr("Move {0}")).format(key.upper())

    def _on_key_done(self, cancel: bool) -> None:
        """A run of arrow presses ends: one undo step, as a drag's release makes; Escape goes back to its start."""
        if cancel:
            self.preview(self._committed)
        self.commit(self._key_text)

    def _on_slider(self, field: str, value: float, final: bool) -> None:
        self._held = not final
        self.preview(replace(self._state, **{field: float(value)}))
        if final:
            self.commit(self.tr("Set {0}").format(field))

    def _on_message(self, text: str, finished: bool) -> None:
        self.preview(replace(self._state, message=text))
        if finished:
            self.commit(self.tr("Type message"))

    # --- showing a state ------------------------------------------------------------------------------------------
    def _on_tab(self, index: int) -> None:
        self.quiet_update(tab=TABS[index])
        self._render_tab(TABS[index], self._state)

    def _render_tab(self, tab: str, state: ProbabilityState) -> None:
        if self._shown.get(tab) is state:
            return
        view = self._pages[tab].view()
        if tab in LIVE_TABS:
            view.render(state, self.results.get(state), live=self._held)
        else:
            view.render(state, self.results.get(state))
        self._shown[tab] = state

    def commit(self, text: str) -> None:
        """End of a gesture: nothing is held any more (the readouts held back catch up in the base)."""
        self._held = False
        super().commit(text)

    def render(self, state: ProbabilityState) -> None:
        index = TABS.index(state.tab)
        if self.tabs.currentIndex() != index:
            with QtCore.QSignalBlocker(self.tabs):
                self.tabs.setCurrentIndex(index)
        self._render_tab(state.tab, state)

    def describe(self) -> str:
        s = self._state
        r = self.results.get(s)
        if s.tab == "bayes":
            t, f = r.first, r.people
            if t.posterior is None:
                return self.tr("Medical test: nobody tests positive, so P(disease | positive) is undefined.")
            return self.tr(
                "Medical test: prevalence {0:.1%}, sensitivity {1:.0%}, specificity {2:.0%}. Of 1000 people {3} test "
                "positive, {4} of them sick: P(disease | positive) = {5:.4f}."
            ).format(t.prior, t.sensitivity, t.specificity, f["positive"], f["true_pos"], t.posterior)
        if s.tab == "naive_bayes":
            p = r.score.posterior[0]
            top = sorted(zip(r.score.log_ratio, r.score.words, strict=True), reverse=True)[:3]
            words = ", ".join(w for v, w in top if v > 0) or self.tr("none")
            return self.tr("Naive Bayes: message “{0}”: P(spam) = {1:.4f}; words pushing towards spam: {2}.").format(
                s.message, p, words
            )
        if s.tab == "outcomes":
            ev, n = r.space, r.rolled.n
            verdict = self.tr("independent") if ev.independent else self.tr("dependent")
            return self.tr(
                "{0}: A = {1}, B = {2}. P(A) = {3}, P(B) = {4}, P(A∩B) = {5}, P(A|B) = {6}: {7}. "
                "In {8} trials A came up {9} times."
            ).format(
                space_title(s.space), event_title(s.space, s.space_a), event_title(s.space, s.space_b),
                fmt(ev.p_a), fmt(ev.p_b), fmt(ev.p_ab),
                fmt(ev.p_a_given_b) if ev.p_a_given_b is not None else self.tr("undefined (P(B) = 0)"), verdict,
                n, r.rolled.n_a,
            )  # fmt: skip
        ev = r.events
        verdict = self.tr("independent") if ev.independent else self.tr("dependent")
        return self.tr(
            "Event A = [{0:.2f}, {1:.2f}] × [{2:.2f}, {3:.2f}], B = [{4:.2f}, {5:.2f}] × [{6:.2f}, {7:.2f}]. "
            "P(A) = {8}, P(B) = {9}, P(A∩B) = {10}, P(A|B) = {11}: {12}."
        ).format(
            s.event_a[0], s.event_a[0] + s.event_a[2], s.event_a[1], s.event_a[1] + s.event_a[3],
            s.event_b[0], s.event_b[0] + s.event_b[2], s.event_b[1], s.event_b[1] + s.event_b[3],
            fmt(ev.p_a, False), fmt(ev.p_b, False), fmt(ev.p_ab, False),
            fmt(ev.p_a_given_b, False) if ev.p_a_given_b is not None else self.tr("undefined (P(B) = 0)"), verdict,
        )  # fmt: skip

    def notable(self) -> str:
        """Whether A and B are independent or disjoint (announced when it changes); "" on the Bayes tabs."""
        s = self._state
        if s.tab not in ("events", "outcomes"):
            return ""
        r = self.results.get(s)
        ev = r.space if s.tab == "outcomes" else r.events
        if ev.p_ab == 0:
            return self.tr("A and B are disjoint.")
        return self.tr("A and B are independent.") if ev.independent else self.tr("A and B are dependent.")

    # --- export ---------------------------------------------------------------------------------------------------
    def export_views(self) -> dict:
        return {
            "events": self.square.getPlotItem(),
            "outcomes": self.outcomes_tab.grid.getPlotItem(),
            "icon_array": self.bayes_tab.icons.getPlotItem(),
            "tree": self.bayes_tab.tree.getPlotItem(),
            "word_bars": self.nb_tab.bars.getPlotItem(),
        }

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        r = self.results.get(self._state)
        t = r.throw
        points = [
            [float(x), float(y), float(a), float(b)] for (x, y), a, b in zip(t.points, t.in_a, t.in_b, strict=True)
        ]
        words = [
            [float(i), float(n), float(r.score.p_word[0, i]), float(r.score.p_word[1, i]), float(r.score.log_ratio[i])]
            for i, n in enumerate(r.score.word_counts)
        ]
        in_a, in_b = (event_mask(self._state.space, k) for k in (self._state.space_a, self._state.space_b))
        counted = [
            [float(i), float(c), float(a), float(b)]
            for i, (c, a, b) in enumerate(zip(r.rolled.counts, in_a, in_b, strict=True))
        ]
        return {
            "points": (["x", "y", "in_a", "in_b"], points),
            "outcome_counts": (["outcome_index", "count", "in_a", "in_b"], counted),
            "words": (["word_index", "count", "p_word_spam", "p_word_ham", "log_ratio"], words),
        }
