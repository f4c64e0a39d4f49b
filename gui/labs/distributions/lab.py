"""Distributions lab: sample any distribution, watch the LLN and CLT, QQ plots, PCA of a bivariate normal, a Bayes
coin, and maximum likelihood as optimisation. All maths is engine.stats: ``derive`` (through one cache keyed on the
state) for the theory, coin and bivariate views, ``sample_results`` for the draws, off the GUI thread when large.

Speed (bench/bench_distributions.py): a slider step redraws only what it changes — the theory curves (one cached
scipy distribution, 400 points) and the theory column — in the visible tab; while the slider is held the axes
only ever grow, so their cached pixmaps are reused, and draws over ``LIVE_LIMIT`` wait for the release.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from PySide6 import QtCore, QtWidgets

from engine import stats
from engine.i18n import QT_TRANSLATE_NOOP
from engine.stats import CLT_REPS, MAX_FLIPS, TABS, DistributionsState, StatsError
from gui.i18n import translate
from gui.labs.base import Lab
from gui.labs.distributions.classroom import ClassroomReveal
from gui.labs.distributions.controls import TAB_PAGES, DistributionsControls
from gui.labs.distributions.data import FitDataInput
from gui.labs.distributions.mle import draw_mle
from gui.labs.distributions.readouts import draw_bivariate, draw_coin
from gui.labs.distributions.views import (
    BivariateView,
    CltView,
    CoinView,
    LlnView,
    MleView,
    QQView,
    SamplerView,
    fit_view,
)
from gui.widgets.control_column import control_column
from gui.widgets.field_controls import spec_of
from gui.widgets.jobs import LatestJob
from gui.widgets.lazy_page import LazyPage
from gui.widgets.module_loader import ModuleLoader
from gui.widgets.results_cache import ResultsCache
from gui.widgets.words import fmt

__all__ = ["DistributionsLab"]


SYNC_LIMIT = 200_000  # draws cheaper than ~10 ms are computed on the GUI thread; bigger ones in the background
LIVE_LIMIT = 20_000  # while a slider is held, redraw samples only below this (sample + histogram ≲ 3 ms)
MLE_SYNC_LIMIT = 2_000  # the MLE tab's likelihood contour is ~50 µs per draw: above this it runs in the background
LIVE_CLT_LIMIT = 200_000  # …and the CLT's means only up to this many draws (n ≤ 50: ≲ 5 ms)
HEADROOM = 1.15  # y-axis top over the tallest bar or curve: room for the μ and x̄ labels
TAB_TITLES = {
    "sampler": QT_TRANSLATE_NOOP("Distributions", "Sampler"),
    "lln": QT_TRANSLATE_NOOP("Distributions", "Large numbers"),
    "clt": QT_TRANSLATE_NOOP("Distributions", "Central limit"),
    "qq": QT_TRANSLATE_NOOP("Distributions", "QQ plot"),
    "bivariate": QT_TRANSLATE_NOOP("Distributions", "Bivariate / PCA"),
    "bayes": QT_TRANSLATE_NOOP("Distributions", "Bayes coin"),
    "mle": QT_TRANSLATE_NOOP("Distributions", "Max likelihood"),
}
TAB_TIPS = {
    "sampler": QT_TRANSLATE_NOOP("Distributions", "Histogram of the draws over the PDF/PMF, and the CDF"),
    "lln": QT_TRANSLATE_NOOP("Distributions", "Law of large numbers: the running mean settles on μ"),
    "clt": QT_TRANSLATE_NOOP("Distributions", "Central limit theorem: means of n draws turn normal"),
    "qq": QT_TRANSLATE_NOOP("Distributions", "Quantile–quantile plot against a normal"),
    "bivariate": QT_TRANSLATE_NOOP(
        "Distributions", "Correlated bivariate normal, covariance ellipse and principal axes (PCA)"
    ),
    "bayes": QT_TRANSLATE_NOOP("Distributions", "A coin's prior → posterior, flip by flip"),
    "mle": QT_TRANSLATE_NOOP("Distributions", "Maximum likelihood: fitting is optimisation"),
}


class DistributionsLab(Lab):
    """Sampler with histogram over the PDF/PMF, and tabs for LLN, CLT, QQ, bivariate/PCA, Bayes coin and MLE."""

    name = "distributions"
    title = QT_TRANSLATE_NOOP("Labs", "Distributions")
    state_type = DistributionsState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = ResultsCache(stats.derive)
        self.sampled: stats.SampleResults | None = None
        """What the current draws show (the background job's result for large N)."""
        self._sampled_inputs: tuple | None = None
        self._pending: DistributionsState | None = None
        self._shown_family: str | None = None
        self._live = False
        self._deferred = False
        self._curves: stats.TheoryCurves | None = None
        self._drawn: dict[str, Any] = {}  # what each view last drew, so hidden or unchanged views are skipped
        self._hist_top = 0.0
        self._job = LatestJob(self)
        self._job.finished.connect(self._on_sampled)
        self._job.failed.connect(lambda exc: self._show_error(str(exc)))
        self._build()
        self.classroom = ClassroomReveal(self.controls.play, self)
        self.classroom.changed.connect(self._draw_sampler)
        self.data_input = FitDataInput(self.controls, self)
        self.data_input.loaded.connect(
            lambda values, label: self._edit(
                translate("Distributions", "Load data"), data=values, data_label=label, mle_source="data"
            )
        )
        self.data_input.failed.connect(self.error_message)
        self._connect()
        # Opened on screen before scipy.stats is imported (~1 s): show the inputs now and draw when it has loaded.
        self._loader = ModuleLoader(("scipy.stats",), self)
        self._loader.ready.connect(lambda: self.render(self._state))
        self._loader.start_if_needed()
        self.render(self._state)

    # --- layout -----------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        # Each tab's plots are built when the tab is first shown or drawn into (eight PlotWidgets took ~0.45 s).
        factories = (SamplerView, LlnView, CltView, QQView, BivariateView, CoinView, MleView)
        self._pages = {key: LazyPage(factory) for key, factory in zip(TABS, factories, strict=True)}
        self._pages["sampler"].built.connect(lambda _view: self._draw_sampler())
        self.tabs = QtWidgets.QTabWidget()
        for key, page in self._pages.items():
            index = self.tabs.addTab(page, translate("Distributions", TAB_TITLES[key]))
            self.tabs.setTabToolTip(index, translate("Distributions", TAB_TIPS[key]))
        self.controls = DistributionsControls()
        scroll = control_column(self.controls)
        scroll.setMinimumWidth(350)
        scroll.setMaximumWidth(420)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(scroll)

    def page_view(self, tab: str) -> Any:
        """The view of ``tab`` (one of engine.stats.lab.TABS), built now if it has never been shown."""
        return self._pages[tab].view()

    sampler = property(lambda self: self.page_view("sampler"), doc="Histogram over the PDF/PMF, and the CDF.")
    lln = property(lambda self: self.page_view("lln"), doc="The law-of-large-numbers view.")
    clt = property(lambda self: self.page_view("clt"), doc="The central-limit view.")
    qq = property(lambda self: self.page_view("qq"), doc="The QQ-plot view.")
    bivariate = property(lambda self: self.page_view("bivariate"), doc="The bivariate normal / PCA view.")
    coin = property(lambda self: self.page_view("bayes"), doc="The Bayes coin view.")
    mle = property(lambda self: self.page_view("mle"), doc="The maximum-likelihood views.")

    def _connect(self) -> None:
        c = self.controls
        c.family.currentIndexChanged.connect(self._on_family)
        c.n_samples.valueChanged.connect(
            lambda v: self._edit(translate("Distributions", "Sample size"), n_samples=int(v))
        )
        c.seed.valueChanged.connect(lambda v: self._edit(translate("Distributions", "Seed"), seed=int(v)))
        c.new_seed.clicked.connect(
            lambda: self._edit(translate("Distributions", "New draw"), seed=(self._state.seed + 1) % c.seed.maximum())
        )
        c.bins.valueChanged.connect(lambda v: self._edit(translate("Distributions", "Bins"), bins=int(v)))
        c.show_hist.toggled.connect(lambda on: self._edit(translate("Distributions", "Show histogram"), show_hist=on))
        c.show_pdf.toggled.connect(lambda on: self._edit(translate("Distributions", "Show PDF"), show_pdf=on))
        c.show_cdf.toggled.connect(lambda on: self._edit(translate("Distributions", "Show CDF"), show_cdf=on))
        c.draw_one.clicked.connect(lambda: self.classroom.reveal(1))
        c.draw_100.clicked.connect(lambda: self.classroom.reveal(100))
        c.show_all.clicked.connect(self.classroom.show_all)
        c.clt_n.value_changed.connect(lambda v, final: self._slide("CLT n", final, clt_n=int(v)))
        c.rho.value_changed.connect(lambda v, final: self._slide("ρ", final, rho=float(v)))
        alpha, beta = spec_of(DistributionsState, "coin_alpha"), spec_of(DistributionsState, "coin_beta")
        c.coin_alpha.value_changed.connect(
            lambda v, final: self._slide(translate("Distributions", "Prior α"), final, coin_alpha=alpha.clamp(v))
        )
        c.coin_beta.value_changed.connect(
            lambda v, final: self._slide(translate("Distributions", "Prior β"), final, coin_beta=beta.clamp(v))
        )
        c.coin_p.value_changed.connect(
            lambda v, final: self._slide(translate("Distributions", "Coin p"), final, coin_p=float(v))
        )
        c.heads.clicked.connect(lambda: self._add_flips("H"))
        c.tails.clicked.connect(lambda: self._add_flips("T"))
        c.flip_one.clicked.connect(lambda: self._add_flips(stats.random_flips(self._state, 1)))
        c.flip_ten.clicked.connect(lambda: self._add_flips(stats.random_flips(self._state, 10)))
        c.reset_flips.clicked.connect(lambda: self._edit(translate("Distributions", "Reset flips"), flips=""))
        c.mle_family.currentIndexChanged.connect(
            lambda _i: self._edit(
                translate("Distributions", "Fit family"), mle_family=c.mle_family.currentData(), mle_param=""
            )
        )
        c.mle_source.currentIndexChanged.connect(
            lambda _i: self._edit(translate("Distributions", "Fit source"), mle_source=c.mle_source.currentData())
        )
        c.mle_param.currentIndexChanged.connect(self._on_mle_param)
        self.tabs.currentChanged.connect(self._on_tab)

    # --- edits ------------------------------------------------------------------------------------------------------
    def _edit(self, text: str, **changes: Any) -> None:
        self.edit(dataclasses.replace(self._state, **changes), text)

    def _slide(self, text: str, final: bool, **changes: Any) -> None:
        # While a slider is held only the cheap theory curves follow; big draws wait for the release, so the
        # background job never competes with the repaint for the interpreter.
        self._live = not final
        self.controls.readout.set_live(self._live)  # the table catches up at 10 Hz while held, at once on release
        self.preview(dataclasses.replace(self._state, **changes))
        if final:
            self.commit(text)
            self.render(self._state)  # the gesture is over: deferred draws run and the axes fit the curve again

    def _on_family(self, _index: int) -> None:
        name = self.controls.family.currentData()
        if name and name != self._state.distribution:
            params = DistributionsState.params_for(name)
            self._edit(translate("Distributions", "Distribution"), distribution=name, params=params)

    def _on_param(self, pname: str, value: float, final: bool) -> None:
        values = dict(self._state.params)
        if pname not in values:  # a late signal from the previous family's slider
            return
        values[pname] = value
        try:
            stats.validate_params(self._state.distribution, values)
        except StatsError as exc:
            self._show_error(str(exc))
            self.controls.sliders[pname].set_value(dict(self._state.params)[pname])
            return
        params = tuple((k, float(values[k])) for k, _ in self._state.params)
        self._slide(translate("Distributions", "Set {0}").format(pname), final, params=params)

    def _on_tab(self, index: int) -> None:
        tab = TABS[index]
        if tab != self._state.tab:
            self.preview(dataclasses.replace(self._state, tab=tab))

    def _on_mle_param(self, _index: int) -> None:
        value = self.controls.mle_param.currentData()
        if value and value != self._state.mle_param:
            self._edit(translate("Distributions", "Likelihood parameter"), mle_param=value)

    def _add_flips(self, flips: str) -> None:
        new = self._state.flips + flips
        if len(new) > MAX_FLIPS:
            self._show_error(
                translate("Distributions", "At most {0} flips are kept; press Reset to start again").format(
                    f"{MAX_FLIPS:,}".replace(",", " ")
                )
            )
            return
        self._edit(translate("Distributions", "Flip"), flips=new)

    def load_csv(self, source: Any, column: str | None = None) -> bool:
        """Load a CSV file (or text) for fitting; a bad file shows a message and keeps the previous data."""
        return self.data_input.load_csv(source, column)

    def _show_error(self, text: str) -> None:
        self.controls.error.setText(text)
        self.controls.error.setVisible(True)
        self.error_message(text)

    def _finish_loading(self) -> None:
        """Export needs the plots now: import scipy.stats on this thread (if still loading) and draw."""
        if self._loader.finish_now():
            self.render(self._state)

    def shutdown(self) -> None:
        """Stop the animation timer and background draws."""
        self.classroom.stop()
        self._loader.wait(5000)
        self._job.cancel()
        self._job.wait(5000)

    # --- rendering ----------------------------------------------------------------------------------------------------
    def render(self, state: DistributionsState) -> None:
        """Show ``state``: inputs and the visible tab's theory now; the draws now or from the background job."""
        self.controls.error.setVisible(False)
        if self._loader.pending:
            self._write_inputs(state, None)
            self.controls.busy.setText(translate("Distributions", "Loading the statistics library (scipy.stats)…"))
            return
        res = self.results.get(state)
        self._write_inputs(state, res)
        self.controls.readout.set_theory(res.theory_text)
        self._draw_tab_theory(state, res)
        cached = self.sampled
        same_samples = cached is not None and cached.key == stats.sample_key(state)
        if same_samples and cached.tab == state.tab and self._sampled_inputs == self._tab_inputs(state):
            if not self._live:
                self.sampled = stats.with_gof(cached, state)  # skipped while the slider was held
            self._draw_sampled(state)
            return
        if not same_samples:
            self.classroom.reset(state.n_samples)
        heavy = state.n_samples > SYNC_LIMIT or (state.tab == "clt" and state.clt_n * CLT_REPS > 2_000_000)
        # the likelihood contour costs ~50 µs per draw (0.5–0.9 s for the default 10 000): off the GUI thread
        fitted = len(state.data) if state.mle_source == "data" else state.n_samples
        heavy = heavy or (state.tab == "mle" and fitted > MLE_SYNC_LIMIT)
        redraw = 0 if same_samples else state.n_samples
        clt_draws = state.clt_n * CLT_REPS if state.tab == "clt" else 0
        if self._live and (heavy or redraw > LIVE_LIMIT or clt_draws > LIVE_CLT_LIMIT):
            self._deferred = True
            self.controls.busy.setText(translate("Distributions", "Release the slider to redraw the samples"))
            self.controls.readout.set_sample(cached.sample_text if cached else None, stale=True)
            return
        self._deferred = False
        reuse = cached.samples if same_samples else None
        previous = cached if same_samples else None  # the same draws: only the tab's view is new (a CLT n, a tab)
        if heavy:
            self._pending = state
            self.controls.busy.setText(
                translate("Distributions", "Working on {0} samples…").format(f"{state.n_samples:,}".replace(",", " "))
            )
            self._job.submit(stats.sample_results, state, reuse, True, previous)
            return
        try:
            self.sampled = stats.sample_results(state, reuse, with_gof=not self._live, previous=previous)
        except StatsError as exc:
            self._show_error(str(exc))
            return
        self.controls.busy.setText("")
        self._sampled_inputs = self._tab_inputs(state)
        self._draw_sampled(state)

    @staticmethod
    def _tab_inputs(s: DistributionsState) -> tuple:
        return (s.bins, s.clt_n, s.mle_family, s.mle_source, s.data, s.mle_param)

    def _on_sampled(self, result: stats.SampleResults) -> None:
        self.controls.busy.setText("")
        self.sampled = result
        state = self._pending or self._state
        self._sampled_inputs = self._tab_inputs(state)
        self._pending = None
        if result.key == stats.sample_key(self._state):
            self._draw_sampled(self._state)

    def _write_inputs(self, s: DistributionsState, res: stats.DistributionsResults | None) -> None:
        c = self.controls
        quiet = (c.family, c.n_samples, c.seed, c.bins, c.show_hist, c.show_pdf, c.show_cdf, c.mle_family, c.mle_source,
                 c.mle_param, self.tabs)  # fmt: skip
        blockers = [QtCore.QSignalBlocker(w) for w in quiet]
        c.family.setCurrentIndex(c.family.findData(s.distribution))
        if self._shown_family != s.distribution:
            c.rebuild_params(s.distribution)
            for pname, slider in c.sliders.items():
                slider.value_changed.connect(lambda v, final, p=pname: self._on_param(p, v, final))
            self._shown_family = s.distribution
        for pname, value in s.params:
            c.sliders[pname].set_value(value)
        if res is not None and not self._live:  # a wrapped label re-lays out the whole column (~1 ms)
            c.formula.setText(res.formula)
        for box, value in ((c.n_samples, s.n_samples), (c.seed, min(s.seed, c.seed.maximum())), (c.bins, s.bins)):
            if box.value() != value:  # an unchanged setValue still repaints the box on every step of a drag
                box.setValue(value)
        c.show_hist.setChecked(s.show_hist)
        c.show_pdf.setChecked(s.show_pdf)
        c.show_cdf.setChecked(s.show_cdf)
        c.clt_n.set_value(s.clt_n)
        c.rho.set_value(s.rho)
        c.coin_alpha.set_value(s.coin_alpha)
        c.coin_beta.set_value(s.coin_beta)
        c.coin_p.set_value(s.coin_p)
        c.mle_family.setCurrentIndex(c.mle_family.findData(s.mle_family))
        c.mle_source.setCurrentIndex(c.mle_source.findData(s.mle_source))
        if res is not None:
            c.set_mle_choices(res.mle_choices, s.mle_param)
            c.data_label.setText(res.data_text)
        self.tabs.setCurrentIndex(TABS.index(s.tab))
        c.tab_stack.setCurrentIndex(TAB_PAGES[s.tab])
        del blockers

    def _draw_tab_theory(self, s: DistributionsState, res: stats.DistributionsResults, every_tab: bool = False) -> None:
        """Sample-free views of the visible tab (all tabs for export); hidden ones catch up when shown."""
        if every_tab or s.tab == "sampler":
            self._draw_theory(s, res)
        if (every_tab or s.tab == "bayes") and self._drawn.get("coin") is not res.coin:
            draw_coin(self.coin, self.controls.coin_readout, res.coin)
            self._drawn["coin"] = res.coin
        if (every_tab or s.tab == "bivariate") and self._drawn.get("bivariate") is not res.bivariate:
            draw_bivariate(self.bivariate, self.controls.cov_label, res.bivariate)
            self._drawn["bivariate"] = res.bivariate

    def _draw_theory(self, s: DistributionsState, res: stats.DistributionsResults) -> None:
        """PDF/PMF and CDF curves and the theoretical mean: redrawn only when the family or a parameter moved."""
        v = self.sampler
        if self._drawn.get("theory") is not res.curves:
            v.show_theory(res.curves, res.stick_x, res.stick_y, res.moments.mean)
            self._drawn["theory"] = res.curves
        flags = (s.show_pdf, s.show_cdf, s.show_hist)
        if self._drawn.get("theory_flags") != flags:
            v.show_layers(*flags)
            self._drawn["theory_flags"] = flags
        self._curves = res.curves
        self._fit_density_view(s)

    def _fit_density_view(self, s: DistributionsState) -> None:
        """Fit the axes to the curve and bars (only growing while a slider is held)."""
        if self._curves is None:
            return
        top = max(self._curves.top if s.show_pdf else 0.0, self._hist_top if s.show_hist else 0.0)
        top = HEADROOM * (top if math.isfinite(top) and top > 0 else 1.0)
        fit_view(self.sampler.density_plot, *self._curves.view_range, top, self._live)

    def _draw_sampled(self, s: DistributionsState) -> None:
        comp = self.sampled
        if comp is None:
            return
        self.classroom.total = comp.samples.size
        self._draw_sampler()
        self.controls.readout.set_sample(comp.sample_text)
        self.controls.readout.set_footer(comp.footer)
        if s.tab == "lln" and comp.lln is not None:
            self.lln.draw(comp.lln)
        elif s.tab == "qq" and comp.qq is not None:
            self.qq.draw(comp.qq)
        elif s.tab == "clt" and comp.clt is not None:
            self.clt.draw(comp.clt, self._live)
        elif s.tab == "mle" and comp.mle is not None:
            draw_mle(self.mle, self.controls.mle_readout, comp.mle)

    def _draw_sampler(self) -> None:
        """Histogram (all draws, or the first ones in classroom mode), sample mean line and empirical CDF."""
        comp = self.sampled
        if comp is None:
            return
        if not self._pages["sampler"].is_built():  # a hidden, never shown sampler is drawn when it is built
            return
        last = self._drawn.get("sample")
        if last is None or last[0] is not comp.hist or last[1] != self.classroom.shown:  # (a CLT n step: same draws)
            shown = stats.reveal(comp, self.classroom.shown)
            self.controls.reveal_label.setText(shown.label)
            self.sampler.show_sample(comp.hist.edges, shown.density, shown.mean)
            self._hist_top = shown.top
            self._drawn["sample"] = (comp.hist, self.classroom.shown)
        if self._drawn.get("ecdf") is not comp.ecdf_x:
            self.sampler.show_ecdf(comp.ecdf_x, comp.ecdf_y)
            self._drawn["ecdf"] = comp.ecdf_x
        if self._state.tab == "sampler":
            self._fit_density_view(self._state)

    def describe(self) -> str:
        """E.g. "normal distribution (mu = 0, sigma = 1): mean 0, variance 1; 10000 samples: mean 0.0063 …"."""
        s = self._state
        params = ", ".join(f"{k} = {fmt(v)}" for k, v in s.params)
        text = self.tr("{0} distribution ({1})").format(s.distribution, params)
        if self._loader.pending:
            return text
        res = self.results.get(s)
        theory = res.theory_text
        text += ": " + self.tr("mean {0}, variance {1}").format(theory.get("mean", "?"), theory.get("variance", "?"))
        comp = self.sampled
        if comp is not None and comp.key == stats.sample_key(s):
            sample = comp.sample_text
            text += "; " + self.tr("{0} samples: mean {1}, variance {2}").format(
                s.n_samples, sample.get("mean", "?"), sample.get("variance", "?")
            )
        return text

    # --- export -------------------------------------------------------------------------------------------------------
    def export_views(self) -> dict[str, Any]:
        """The plots File → Export can save (every one brought up to date first); the open tab's first."""
        self._finish_loading()
        self._draw_tab_theory(self._state, self.results.get(self._state), every_tab=True)
        self.sampler.draw_cdf()  # (hidden, it waited)
        views = {"density": self.sampler.density_plot.getPlotItem(), "cdf": self.sampler.cdf_plot.getPlotItem(),
                 "lln": self.lln.plot.getPlotItem(), "clt": self.clt.plot.getPlotItem(),
                 "qq": self.qq.plot.getPlotItem(), "bivariate": self.bivariate.plot.getPlotItem(),
                 "coin": self.coin.plot.getPlotItem(), "mle_fit": self.mle.fit_plot.getPlotItem(),
                 "loglik": self.mle.ll_plot.getPlotItem(), "contour": self.mle.contour_plot.getPlotItem()}  # fmt: skip
        first = {"sampler": "density", "bayes": "coin", "mle": "mle_fit"}.get(self._state.tab, self._state.tab)
        return {first: views[first], **{k: v for k, v in views.items() if k != first}}

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        """The histogram and (up to 100 000) samples behind the plots."""
        self._finish_loading()
        comp = self.sampled
        if comp is None:
            return {}
        h = comp.hist
        hist_rows = [[float(a), float(b), float(c), float(d)] for a, b, c, d in
                     zip(h.edges[:-1], h.edges[1:], h.counts, h.density, strict=True)]  # fmt: skip
        sample_rows = [[float(x)] for x in comp.samples[:100_000]]
        return {"histogram": (["left", "right", "count", "density"], hist_rows), "samples": (["x"], sample_rows)}
