"""The Decompositions lab: least squares as projection, SVD, PCA, low-rank images and Markov chains, one tab each."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from engine.decomp import TABS, DecompositionsState, derive
from gui.labs.base import Lab
from gui.labs.decompositions.cube_page import CubePage
from gui.labs.decompositions.least_squares_page import LeastSquaresPage
from gui.labs.decompositions.lowrank_page import LowRankPage
from gui.labs.decompositions.markov_page import MarkovPage
from gui.labs.decompositions.pca_page import PcaPage
from gui.labs.decompositions.readout import fmt, vec
from gui.labs.decompositions.svd_page import SvdPage
from gui.widgets.control_column import control_column
from gui.widgets.lazy_page import LazyPage
from gui.widgets.results_cache import ResultsCache

__all__ = ["DecompositionsLab"]

SIDE_WIDTH = 320
PAGE_TYPES = {
    "least_squares": LeastSquaresPage,
    "svd": SvdPage,
    "pca": PcaPage,
    "lowrank": LowRankPage,
    "markov": MarkovPage,
    "cube": CubePage,
}
"""The page class of each tab (``TABS`` order)."""


class DecompositionsLab(Lab):
    """Five tabs over one state; each page draws derive's results and edits the state through the lab."""

    name = "decompositions"
    title = "Decompositions"
    state_type = DecompositionsState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = ResultsCache(derive)
        self._page_states: dict[str, DecompositionsState] = {}
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setAccessibleName(self.tr("Decompositions sections"))
        self._pages = {tab: LazyPage(lambda cls=cls: cls(self)) for tab, cls in PAGE_TYPES.items()}
        """Each page is built when its tab is first shown or asked for (~25 ms a page off the lab's first open)."""
        titles = (
            self.tr("Least squares"),
            self.tr("SVD"),
            self.tr("PCA"),
            self.tr("Low-rank images"),
            self.tr("Markov && PageRank"),
            self.tr("3×3 in 3-D"),
        )
        for tab, title in zip(TABS, titles, strict=True):
            self.tabs.addTab(self._pages[tab], title)
        self.tabs.currentChanged.connect(lambda i: self.quiet_update(tab=TABS[i]))
        self.tabs.currentChanged.connect(lambda i: self._render_page(TABS[i]))
        self.tabs.currentChanged.connect(lambda _i: self._start_image())
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.render(self._state)

    def page(self, tab: str) -> QtWidgets.QWidget:
        """The page of ``tab``, built on first use: opening the lab builds only the visible one."""
        return self._pages[tab].view()

    def pages(self) -> tuple[QtWidgets.QWidget, ...]:
        """Every tab page (building those not shown yet), in the order of ``TABS``."""
        return tuple(self.page(tab) for tab in TABS)

    least_squares = property(lambda self: self.page("least_squares"), doc="The least-squares page.")
    svd = property(lambda self: self.page("svd"), doc="The SVD page.")
    pca = property(lambda self: self.page("pca"), doc="The PCA page.")
    lowrank = property(lambda self: self.page("lowrank"), doc="The low-rank image page.")
    markov = property(lambda self: self.page("markov"), doc="The Markov chain page.")
    cube = property(lambda self: self.page("cube"), doc="The 3×3 cube page.")

    @staticmethod
    def side_panel(column: QtWidgets.QWidget) -> QtWidgets.QScrollArea:
        """The scrolling control column every page puts beside its plot."""
        for combo in column.findChildren(QtWidgets.QComboBox):  # may shrink (elided) in a narrow presenter column
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        scroll = control_column(column)
        scroll.setMinimumWidth(SIDE_WIDTH)  # a floor, not a fixed width: presenter mode and the window may widen it
        return scroll

    def _start_image(self) -> None:
        """The image SVD (~0.1 s) starts only when its tab is first shown, in the background."""
        if self._state.tab == "lowrank":
            self.lowrank.ensure_image(self._state.image)

    # --- showing a state --------------------------------------------------------------------------------------------
    def render(self, state: DecompositionsState) -> None:
        with QtCore.QSignalBlocker(self.tabs):
            self.tabs.setCurrentIndex(TABS.index(state.tab))
        self._render_page(state.tab)
        self._start_image()

    def _render_page(self, tab: str) -> None:
        """Draw only the visible page (a drag renders once per mouse move); the others catch up when shown."""
        state = self._state
        if self._page_states.get(tab) is state:
            return
        self._page_states[tab] = state
        if tab == "lowrank":
            self.lowrank.render(state)
        else:
            self.page(tab).render(state, self.results.get(state))

    def describe(self) -> str:
        s, r = self._state, self.results.get(self._state)
        if s.tab == "least_squares":
            fit = r.fit
            if not s.points:
                return self.tr("Least squares: no points.")
            return self.tr("Least squares: {0} points, degree {1} fit x* = {2}; residual ‖r‖² = {3}. {4}").format(
                len(s.points), s.degree, vec(fit.coef), fmt(fit.rss), fit.message
            )
        if s.tab == "svd":
            f = r.svd
            return self.tr("SVD of a {0}×{0} matrix: singular values {1}, rank {2}, condition number {3}. {4}").format(
                s.svd_size, vec(f.s), f.rank, fmt(f.cond), f.message
            )
        if s.tab == "pca":
            ratio = r.pca.explained_ratio
            return self.tr("PCA of {0} ({1}): the first {2} component(s) explain {3} % of the variance.").format(
                s.pca_dataset,
                self.tr("standardised") if s.pca_standardise else self.tr("raw units"),
                s.pca_k,
                f"{100 * ratio[: s.pca_k].sum():.1f}",
            )
        if s.tab == "lowrank":
            lr = self.lowrank.current
            if lr is None:
                return self.tr("Low-rank image: computing the SVD.")
            return self.tr("Rank-{0} image: relative error {1} %, storage {2} % of the pixels.").format(
                lr.k, fmt(100 * lr.relative_error), fmt(100 * lr.storage_ratio)
            )
        if s.tab == "cube":
            c = r.cube
            return self.tr(
                "3×3 matrix on the unit cube: det {0} (signed volume), rank {1}, {2} real eigenvalue(s). {3}"
            ).format(fmt(c.det), c.rank, len(c.eigenvectors), c.message)
        m = r.markov
        top = int(m.stationary.argmax())
        return self.tr("Markov chain with {0} nodes, damping {1}: node {2} ranks highest (π = {3}). {4}").format(
            len(s.nodes), fmt(s.damping), top, fmt(float(m.stationary[top])), m.message
        )

    # --- export -----------------------------------------------------------------------------------------------------
    def export_views(self) -> dict:
        return {
            "least_squares": self.least_squares.plane.getPlotItem(),
            "svd": self.svd.plane.getPlotItem(),
            "pca": self.pca.view,
            "lowrank": self.lowrank.view,
            "markov": self.markov.plane.getPlotItem(),
            "cube": self.cube.plot_widget.getPlotItem(),
        }

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        s, r = self._state, self.results.get(self._state)
        fit = r.fit
        ls_rows = [
            [x, y, float(f), float(res), float(h)]
            for (x, y), f, res, h in zip(s.points, fit.fitted, fit.residual, fit.leverage, strict=True)
        ]
        return {
            "least_squares": (["x", "y", "fitted", "residual", "leverage"], ls_rows),
            "singular_values": (["sigma"], [[float(v)] for v in r.svd.s]),
            "pca_explained": (["component", "ratio"], [[i + 1, float(v)] for i, v in enumerate(r.pca.explained_ratio)]),
            "pagerank": (["node", "pi"], [[i, float(v)] for i, v in enumerate(r.markov.stationary)]),
        }

    def shutdown(self) -> None:
        if self._pages["lowrank"].is_built():  # never built: nothing runs
            self.lowrank.job.cancel()
            self.lowrank.job.wait()
