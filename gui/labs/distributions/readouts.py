"""The Distributions lab's readouts: theory-vs-sample table, Bayes coin and bivariate/PCA panels.

The table's value cells have a fixed size, so rewriting them on every slider step repaints two labels instead of
re-laying out the whole control column.
"""

from __future__ import annotations

import math
import re

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from engine import stats
from engine.stats import DistributionsState
from gui.labs.distributions.compute import GOF_LIMIT
from gui.labs.distributions.views import BivariateView, CoinView

__all__ = ["SamplerReadout", "footer_html", "draw_coin", "draw_bivariate", "coin_text", "covariance_text"]

ROWS = ("mean", "variance", "skewness")
_WIDEST = ("−8.888e+88", "undefined", "−0.0008888")


class SamplerReadout(QtWidgets.QWidget):
    """Mean, variance and skewness: theory beside sample, plus a footer (goodness of fit, notes)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QtWidgets.QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        right = QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter
        for col, title in ((1, "theory"), (2, "sample")):
            head = QtWidgets.QLabel(f"<b>{title}</b>")
            head.setAlignment(right)
            grid.addWidget(head, 0, col)
        self.theory: dict[str, QtWidgets.QLabel] = {}
        self.sample: dict[str, QtWidgets.QLabel] = {}
        for row, name in enumerate(ROWS, start=1):
            grid.addWidget(QtWidgets.QLabel(name), row, 0)
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

    def set_theory(self, mom: stats.Moments) -> None:
        """The family's moments (∞ / undefined spelled out)."""
        for name in ROWS:
            self.theory[name].setText(stats.Moments.describe(getattr(mom, name)))

    def set_sample(self, summary: stats.SampleSummary | None, stale: bool = False) -> None:
        """The sample's statistics; greyed while they belong to draws from other parameters (slider held)."""
        for name in ROWS:
            cell = self.sample[name]
            cell.setText("—" if summary is None else stats.Moments.describe(getattr(summary, name)))
            cell.setEnabled(not stale)

    def set_footer(self, html: str) -> None:
        """Goodness of fit, out-of-range draws and the theory's note."""
        self.footer.setText(html)
        self.footer.setVisible(bool(html))

    def text(self) -> str:
        """Everything shown, as plain text (for tests and screen readers)."""
        rows = [f"{n}: {self.theory[n].text()} | {self.sample[n].text()}" for n in ROWS]
        footer = re.sub(r"<[^>]+>", "", self.footer.text().replace("<br>", "\n"))
        return "\n".join([*rows, footer])


def footer_html(
    mom: stats.Moments, gof: tuple[float, float, str] | None, n: int, n_outside: int, gof_limit: int = GOF_LIMIT
) -> str:
    """The lines under the table: test p-value, draws outside the histogram, the theory's note."""
    parts = []
    if gof is not None:
        test = "KS" if gof[2] == "ks" else "χ²"
        parts.append(f"{test} test p = {gof[1]:.3g} (N = {n:,})")
    elif n <= gof_limit:
        parts.append(f"goodness-of-fit test when the slider is released (N = {n:,})")
    if n_outside:
        parts.append(f"{n_outside:,} extreme draws lie outside the histogram's range")
    if mom.note:
        parts.append(f"<i>{mom.note}</i>")
    return "<br>".join(parts)


def coin_text(post: stats.CoinPosterior) -> str:
    """Counts, posterior, MAP/MLE/mean and the 95 % credible interval of the Bayes coin."""
    lo, hi = post.interval()
    mle = f"{post.mle:.3f}" if math.isfinite(post.mle) else "undefined"
    mp = f"{post.map:.3f}" if math.isfinite(post.map) else "undefined"
    return (
        f"heads {post.heads}, tails {post.tails}\nposterior Beta({post.post_alpha:g}, {post.post_beta:g})\n"
        f"MAP {mp}   MLE {mle}   mean {post.post_mean:.3f}\n95 % credible interval [{lo:.3f}, {hi:.3f}]"
    )


def draw_coin(view: CoinView, readout: QtWidgets.QLabel, s: DistributionsState) -> None:
    """Prior and posterior curves, MAP and MLE lines, the flips so far and the readout."""
    post = stats.coin_posterior(s.coin_alpha, s.coin_beta, s.flips)
    p = np.linspace(0.0005, 0.9995, 500)
    view.prior.setData(p, post.pdf(p, prior=True))
    view.posterior.setData(p, post.pdf(p))
    for line, x in ((view.map_line, post.map), (view.mle_line, post.mle)):
        line.setVisible(math.isfinite(x))
        if math.isfinite(x):
            line.setPos(x)
    shown = s.flips[-120:]
    view.flips.setText(f"Flips ({len(s.flips)}): {'…' if len(s.flips) > 120 else ''}{shown or '—'}")
    readout.setText(coin_text(post))
    view.note.setText(post.note or "The MAP sits between the prior's pull and the data's MLE; more flips, less prior.")


def covariance_text(res: stats.BivariateResult, n: int) -> str:
    """Covariance matrix, its eigenvalues and the sample correlation."""
    c = res.cov
    return (
        f"Σ = [[{c[0, 0]:.2f}, {c[0, 1]:.2f}], [{c[1, 0]:.2f}, {c[1, 1]:.2f}]]\n"
        f"eigenvalues λ₁ = {res.eigenvalues[0]:.3f}, λ₂ = {res.eigenvalues[1]:.3f}\n"
        f"sample ρ = {res.sample_rho:.3f} ({n} points)"
    )


def draw_bivariate(view: BivariateView, readout: QtWidgets.QLabel, s: DistributionsState, n: int) -> None:
    """Scatter, 95 % ellipse and principal axes (eigenvectors drawn ±2√λ long) for correlation ρ."""
    res = stats.bivariate_normal(s.rho, n, s.seed)
    view.points.setData(res.points[:, 0], res.points[:, 1])
    view.ellipse.setData(res.ellipse[:, 0], res.ellipse[:, 1])
    for item, i in ((view.axis1, 0), (view.axis2, 1)):
        vec = res.eigenvectors[:, i] * 2.0 * math.sqrt(res.eigenvalues[i])
        item.setData([-vec[0], vec[0]], [-vec[1], vec[1]])
    readout.setText(covariance_text(res, n))
    view.note.setText("The principal axes are the covariance matrix's eigenvectors, each drawn ±2√λ long: "
                      "PCA keeps the long one.")  # fmt: skip
