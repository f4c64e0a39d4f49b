"""The Distributions lab's readouts: theory-vs-sample table, Bayes coin and bivariate/PCA panels.

The table's value cells have a fixed size, so rewriting them on every slider step repaints two labels instead of
re-laying out the whole control column; while a slider is held they catch up at most every 100 ms (and at
once when it is released), so a step repaints the plot and the slider, not six cells and the group box behind them.
"""

from __future__ import annotations

import math
import re

from PySide6 import QtCore, QtGui, QtWidgets

from engine import stats
from gui.i18n import translate
from gui.labs.distributions.views import BivariateView, CoinView
from gui.widgets.catch_up import CatchUp

__all__ = ["SamplerReadout", "draw_coin", "draw_bivariate"]

ROWS = stats.MOMENT_ROWS
_WIDEST = ("−8.888e+88", "undefined", "−0.0008888")


class SamplerReadout(QtWidgets.QWidget):
    """Mean, variance and skewness: theory beside sample, plus a footer (goodness of fit, notes)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QtWidgets.QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        right = QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter
        for col, title in ((1, translate("Distributions", "theory")), (2, translate("Distributions", "sample"))):
            head = QtWidgets.QLabel(f"<b>{title}</b>")
            head.setAlignment(right)
            grid.addWidget(head, 0, col)
        self.theory: dict[str, QtWidgets.QLabel] = {}
        self.sample: dict[str, QtWidgets.QLabel] = {}
        for row, name in enumerate(ROWS, start=1):
            grid.addWidget(QtWidgets.QLabel(translate("Distributions", name)), row, 0)
            for col, cells in ((1, self.theory), (2, self.sample)):
                cell = QtWidgets.QLabel("—")
                cell.setAlignment(right)
                cell.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(cell, row, col)
                cells[name] = cell
        grid.setColumnStretch(3, 1)
        self._fix_cell_sizes()
        self.footer = QtWidgets.QLabel()
        self.footer.setWordWrap(True)
        self.footer.setTextFormat(QtCore.Qt.TextFormat.RichText)
        grid.addWidget(self.footer, len(ROWS) + 1, 0, 1, 4)
        self.live = False
        """A slider is held: new values wait for the next catch-up (see :meth:`set_live`)."""
        self._catch_up = CatchUp(self)

    def _fix_cell_sizes(self) -> None:
        """Size every value cell for the widest text in its (stylesheet-applied) font; fixed, so a new value never
        re-lays out the control column."""
        for cell in (*self.theory.values(), *self.sample.values()):
            fm = cell.fontMetrics()
            cell.setFixedSize(max(fm.horizontalAdvance(s) for s in _WIDEST) + 6, fm.height() + 2)

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """Fonts are final once polished (presenter mode's stylesheet): size the cells then."""
        self._fix_cell_sizes()
        super().showEvent(event)

    def changeEvent(self, event: QtCore.QEvent) -> None:
        """A font or style change (theme switch) resizes the cells."""
        if event.type() in (QtCore.QEvent.Type.FontChange, QtCore.QEvent.Type.StyleChange):
            self._fix_cell_sizes()
        super().changeEvent(event)

    def set_live(self, live: bool) -> None:
        """A slider is held (values catch up at most every 100 ms) or was let go (they are shown now)."""
        self.live = live
        if not live:
            self.catch_up()

    def catch_up(self) -> None:
        """Show the newest values that waited."""
        self._catch_up.flush()

    def _later(self, show: str, *args: object) -> bool:
        """While live, keep ``show(*args)`` for the next catch-up (True); else forget an older one (False)."""
        if self.live:
            self._catch_up.run(lambda: getattr(self, show)(*args), True, key=show)
            return True
        self._catch_up.cancel(show)
        return False

    def set_theory(self, texts: dict[str, str]) -> None:
        """The family's moments, as derive wrote them (∞ / undefined spelled out)."""
        if not self._later("_show_theory", texts):
            self._show_theory(texts)

    def set_sample(self, texts: dict[str, str] | None, stale: bool = False) -> None:
        """The sample's statistics; greyed while they belong to draws from other parameters (slider held)."""
        if not self._later("_show_sample", texts, stale):
            self._show_sample(texts, stale)

    def set_footer(self, html: str) -> None:
        """Goodness of fit, out-of-range draws and the theory's note."""
        if not self._later("_show_footer", html):
            self._show_footer(html)

    def _show_theory(self, texts: dict[str, str]) -> None:
        for name in ROWS:
            self.theory[name].setText(texts[name])

    def _show_sample(self, texts: dict[str, str] | None, stale: bool) -> None:
        for name in ROWS:
            cell = self.sample[name]
            cell.setText("—" if texts is None else texts[name])
            cell.setEnabled(not stale)

    def _show_footer(self, html: str) -> None:
        self.footer.setText(html)
        self.footer.setVisible(bool(html))

    def text(self) -> str:
        """Everything shown, as plain text (for tests and screen readers)."""
        rows = [f"{n}: {self.theory[n].text()} | {self.sample[n].text()}" for n in ROWS]
        footer = re.sub(r"<[^>]+>", "", self.footer.text().replace("<br>", "\n"))
        return "\n".join([*rows, footer])


def draw_coin(view: CoinView, readout: QtWidgets.QLabel, coin: stats.CoinPlot) -> None:
    """Prior and posterior curves, MAP and MLE lines, the flips so far and the readout."""
    view.prior.setData(coin.p, coin.prior_pdf)
    view.posterior.setData(coin.p, coin.posterior_pdf)
    post = coin.posterior
    for line, x in ((view.map_line, post.map), (view.mle_line, post.mle)):
        line.setVisible(math.isfinite(x))
        if math.isfinite(x):
            line.setPos(x)
    view.flips.setText(coin.flips_text)
    readout.setText(coin.readout)
    view.note.setText(coin.note)


def draw_bivariate(view: BivariateView, readout: QtWidgets.QLabel, bv: stats.BivariatePlot) -> None:
    """Scatter, 95 % ellipse and principal axes (eigenvectors drawn ±2√λ long) for correlation ρ."""
    res = bv.result
    view.points.setData(res.points[:, 0], res.points[:, 1])
    view.ellipse.setData(res.ellipse[:, 0], res.ellipse[:, 1])
    for item, (xs, ys) in zip((view.axis1, view.axis2), bv.axes, strict=True):
        item.setData(xs, ys)
    readout.setText(bv.readout)
    view.note.setText(bv.note)
