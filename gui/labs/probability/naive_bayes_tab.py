"""The "Naive Bayes" tab: type a message, see P(spam | message) and the words that pushed it, in log space."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from engine.prob import ProbabilityResults, ProbabilityState
from gui import theme
from gui.widgets.field_controls import spec_of, value_slider
from gui.widgets.plane import configure_plot

__all__ = ["NaiveBayesTab"]

MAX_BARS = 12
NICE_SPANS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0)
"""The bars' half-width steps through these (× a power of ten): a keystroke rarely moves the axis."""


def nice_span(span: float) -> float:
    """The smallest ``NICE_SPANS`` step × 10ᵏ at or above ``span`` (1 for an empty or zero span)."""
    if not np.isfinite(span) or span <= 0:
        return 1.0
    scale = 10.0 ** np.floor(np.log10(span))
    return float(next((m * scale for m in NICE_SPANS if m * scale >= span * (1 - 1e-12)), 10.0 * scale))


class WordBars(pg.PlotWidget):
    """One horizontal bar per known word: count × log[P(w|spam)/P(w|ham)] (right: towards spam).

    The rows are fixed (:data:`MAX_BARS`, the biggest push on top) and the horizontal range steps through nice
    spans, so typing a word adds a bar without re-ranging and re-ticking the axes on every keystroke.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("How much each word pushed the message towards spam or ham"))
        plot = self.getPlotItem()
        configure_plot(plot, grid=False)
        plot.setMouseEnabled(False, False)
        plot.hideAxis("left")
        plot.setLabel("bottom", self.tr("log likelihood ratio  (← ham · spam →)"))
        plot.addItem(pg.InfiniteLine(0, angle=90, pen=theme.pen("fg", 1.0)))
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[])
        plot.addItem(self.bars)
        self.labels: dict[str, pg.TextItem] = {}
        """One label per word ever shown, hidden while its word has no bar: a new word moves the others' labels
        instead of rewriting every label's text (~0.1 ms each, a dozen per keystroke that completes a word)."""
        self._brushes = {True: theme.brush("vermillion", 200), False: theme.brush("blue", 200)}
        self._shown: tuple | None = None  # (words, their ratios' bytes) the bars show
        self._span = 0.0  # the horizontal half-range shown
        plot.setYRange(-0.6, MAX_BARS - 0.4, padding=0.02)
        self.show_span(1.0)

    def shown_labels(self) -> list[str]:
        """The words labelled on the bars, bottom to top."""
        shown = [(label.pos().y(), word) for word, label in self.labels.items() if label.isVisible()]
        return [word for _y, word in sorted(shown)]

    def render(self, results: ProbabilityResults) -> None:
        """Bars for the words with the largest pushes, biggest on top."""
        s = results.score
        order = np.argsort(-np.abs(s.log_ratio), kind="stable")[:MAX_BARS][::-1]
        ratios = s.log_ratio[order]
        words = [s.words[i] for i in order]
        shown = (tuple(words), ratios.tobytes())
        if shown == self._shown:
            return  # a keystroke inside a word the corpus does not know: the same bars, nothing to redo or repaint
        self._shown = shown
        brushes = [self._brushes[bool(r > 0)] for r in ratios]
        rows = MAX_BARS - len(ratios) + np.arange(len(ratios))  # top-aligned: the biggest push on the top row
        self.bars.setOpts(x0=np.zeros(len(ratios)), y=rows, width=ratios, brushes=brushes)
        plot = self.getPlotItem()
        for word, label in self.labels.items():
            if word not in words and label.isVisible():
                label.setVisible(False)
        for i, word, r in zip(rows, words, ratios, strict=True):
            label = self.labels.get(word)
            if label is None:
                label = pg.TextItem(word, color=theme.color("fg"))
                label.setFont(theme.font(1.0))
                plot.addItem(label)
                self.labels[word] = label
            anchor = (1.0, 0.5) if r > 0 else (0.0, 0.5)
            if tuple(label.anchor) != anchor:
                label.setAnchor(anchor)
            if label.pos() != QtCore.QPointF(0.0, float(i)):
                label.setPos(0.0, float(i))
            label.setVisible(True)
        self.show_span(nice_span(float(np.max(np.abs(ratios)))) if len(ratios) else 1.0)

    def show_span(self, span: float) -> None:
        """Show x from −``span`` to ``span`` (with a margin); nothing to do when it is already shown."""
        if span != self._span:
            self._span = span
            self.getPlotItem().setXRange(-span * 1.1, span * 1.1, padding=0.02)


class NaiveBayesTab(QtWidgets.QWidget):
    """The message box, the smoothing slider, the posterior, the word bars and the word table."""

    message_edited = QtCore.Signal(str, bool)
    """(text, finished)."""
    alpha_moved = QtCore.Signal(float, bool)

    def __init__(self) -> None:
        super().__init__()
        self.message = QtWidgets.QLineEdit()
        self.message.setObjectName("nb_message")
        self.message.setMaxLength(spec_of(ProbabilityState, "message").max_chars or 400)
        self.message.setAccessibleName(self.tr("Message to classify"))
        self.message.setPlaceholderText(self.tr("Type a message, e.g. 'free prize, call now'"))
        self.message.textEdited.connect(lambda t: self.message_edited.emit(t, False))
        self.message.editingFinished.connect(lambda: self.message_edited.emit(self.message.text(), True))
        self.alpha = value_slider(ProbabilityState, "alpha", label=self.tr("smoothing α"))
        self.alpha.slider.setAccessibleName(self.tr("Laplace smoothing α"))
        self.alpha.box.setAccessibleName(self.tr("Laplace smoothing α"))
        self.alpha.value_changed.connect(self.alpha_moved)
        self.posterior = QtWidgets.QLabel()
        self.posterior.setObjectName("readout_nb_posterior")
        self.posterior.setFont(theme.font(1.15))
        self.posterior.setWordWrap(True)
        self.posterior.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.logs = QtWidgets.QLabel()
        self.logs.setObjectName("readout_nb_logs")
        self.logs.setWordWrap(True)
        self.bars = WordBars()
        self.bars.setMinimumSize(260, 200)
        self.table = QtWidgets.QTableWidget(0, 6)
        self.table.setObjectName("nb_table")
        self.table.setAccessibleName(self.tr("Word counts and smoothed probabilities"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("word"), self.tr("× in msg"), self.tr("in spam"), self.tr("in ham"),
             self.tr("P(w|spam)"), self.tr("P(w|ham)")]
        )  # fmt: skip
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.corpus_note = QtWidgets.QLabel()
        self.corpus_note.setWordWrap(True)
        top = QtWidgets.QFormLayout()
        top.addRow(self.tr("Message:"), self.message)
        top.addRow(self.alpha)
        lower = QtWidgets.QHBoxLayout()
        lower.addWidget(self.bars, 1)
        lower.addWidget(self.table, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.posterior)
        layout.addLayout(lower, 1)
        layout.addWidget(self.logs)
        layout.addWidget(self.corpus_note)

    def class_name(self, label: str) -> str:
        """The translated name of a corpus class."""
        return self.tr("spam") if label == "spam" else self.tr("ham (not spam)")

    def render(self, state: ProbabilityState, results: ProbabilityResults) -> None:
        """Message, α, posterior, bars, table and the log-space explanation."""
        if self.message.text() != state.message:
            with QtCore.QSignalBlocker(self.message):
                self.message.setText(state.message)
        self.alpha.set_value(state.alpha)
        s, model = results.score, results.model
        p_spam = s.posterior[0]
        label = self.class_name("spam" if p_spam > 0.5 else "ham")
        text = self.tr("P(spam | message) = <b>{0:.6f}</b> → {1}").format(p_spam, label)
        if not s.words:
            text += " " + self.tr("(no known word: only the prior 40/80 speaks)")
        if s.unknown:
            typed = ", ".join(f"“{html.escape(w)}”" for w in s.unknown[:8])  # quoted: the student's own words
            text += "<br>" + self.tr("Not in the corpus, ignored: {0}").format(typed)
        self.posterior.setText(text)
        self.bars.render(results)
        index = model.index()
        self.table.setRowCount(len(s.words))
        for row, word in enumerate(s.words):
            col = index[word]
            cells = (word, str(s.word_counts[row]), f"{model.counts[0, col]:.0f}", f"{model.counts[1, col]:.0f}",
                     f"{s.p_word[0, row]:.4f}", f"{s.p_word[1, row]:.4f}")  # fmt: skip
            for c, value in enumerate(cells):
                item = self.table.item(row, c)
                if item is None:
                    item = QtWidgets.QTableWidgetItem()
                    self.table.setItem(row, c, item)
                if item.text() != value:  # (~53 cells: most keystrokes change none)
                    item.setText(value)
        raw = ", ".join(f"{x:.3g}" for x in s.raw_product)
        logs = ", ".join(f"{x:.2f}" for x in s.log_likelihood)
        text = self.tr(
            "Π P(w|c) for spam, ham = {0}; Σ log P(w|c) = {1}. Multiplying many small probabilities underflows: "
        ).format(raw, logs)
        if results.underflow_words:
            text += self.tr(
                "about {0} words like these give exactly 0.0 in float64, for both classes, so we add logs."
            ).format(results.underflow_words)
        else:
            text += self.tr("long messages reach 0.0 in float64, so we add logs instead.")
        self.logs.setText(text)
        self.corpus_note.setText(
            self.tr(
                "Corpus: {0} short messages ({1} {2}, {3} {4}) written for this app, CC0; {5} distinct words. "
                "P(w|c) = (count + α) / (words in c + α·{5})."
            ).format(
                sum(model.docs),
                model.docs[0],
                self.class_name("spam"),
                model.docs[1],
                self.class_name("ham"),
                len(model.vocabulary),
            )  # fmt: skip
        )
