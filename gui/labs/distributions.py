"""Distributions lab: sample any distribution, watch the LLN and CLT, QQ plots, PCA of a bivariate normal, a Bayes
coin, and maximum likelihood as optimisation. All maths is engine.stats; big draws run off the GUI thread.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
from PySide6 import QtCore, QtWidgets

from engine import stats
from engine.datasets import DATASETS, CsvTable, DataError, load_dataset, read_csv_table
from engine.stats import DISTRIBUTIONS, DistributionsState, StatsError
from engine.stats_state import BIVARIATE_N, CLT_REPS, MAX_STORED_DATA, TABS
from gui.labs.base import Lab
from gui.labs.distributions_compute import Computed, compute, sample_key
from gui.labs.distributions_controls import TAB_PAGES, DistributionsControls
from gui.labs.distributions_mle import draw_mle
from gui.labs.distributions_views import BivariateView, CltView, CoinView, LlnView, MleView, QQView, SamplerView
from gui.widgets.jobs import LatestJob

__all__ = ["DistributionsLab"]

SYNC_LIMIT = 200_000  # draws cheaper than ~10 ms are computed on the GUI thread; bigger ones in the background
TAB_TITLES = {"sampler": "Sampler", "lln": "Law of large numbers", "clt": "Central limit", "qq": "QQ plot",
              "bivariate": "Bivariate / PCA", "bayes": "Bayes coin", "mle": "Max likelihood"}  # fmt: skip


class DistributionsLab(Lab):
    """Sampler with histogram over the PDF/PMF, and tabs for LLN, CLT, QQ, bivariate/PCA, Bayes coin and MLE."""

    name = "distributions"
    title = "Distributions"
    state_type = DistributionsState

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._computed: Computed | None = None
        self._pending: DistributionsState | None = None
        self._table: CsvTable | None = None
        self._reveal: int | None = None
        self._shown_family: str | None = None
        self._live = False
        self._deferred = False
        self._job = LatestJob(self)
        self._job.finished.connect(self._on_computed)
        self._job.failed.connect(lambda exc: self._show_error(str(exc)))
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(60)
        self._timer.timeout.connect(self._on_tick)
        self._build()
        self._connect()
        self.render(self._state)

    # --- layout -----------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.sampler = SamplerView()
        self.lln = LlnView()
        self.clt = CltView()
        self.qq = QQView()
        self.bivariate = BivariateView()
        self.coin = CoinView()
        self.mle = MleView()
        self.tabs = QtWidgets.QTabWidget()
        for key, view in zip(TABS, (self.sampler, self.lln, self.clt, self.qq, self.bivariate, self.coin, self.mle),
                             strict=True):  # fmt: skip
            self.tabs.addTab(view, TAB_TITLES[key])
        self.controls = DistributionsControls()
        scroll = QtWidgets.QScrollArea()
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(350)
        scroll.setMaximumWidth(420)
        scroll.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay = QtWidgets.QHBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(scroll)

    def _connect(self) -> None:
        c = self.controls
        c.family.currentIndexChanged.connect(self._on_family)
        c.n_samples.valueChanged.connect(lambda v: self._edit("Sample size", n_samples=int(v)))
        c.seed.valueChanged.connect(lambda v: self._edit("Seed", seed=int(v)))
        c.new_seed.clicked.connect(lambda: self._edit("New draw", seed=(self._state.seed + 1) % (2**31 - 1)))
        c.bins.valueChanged.connect(lambda v: self._edit("Bins", bins=int(v)))
        c.show_hist.toggled.connect(lambda on: self._edit("Show histogram", show_hist=on))
        c.show_pdf.toggled.connect(lambda on: self._edit("Show PDF", show_pdf=on))
        c.show_cdf.toggled.connect(lambda on: self._edit("Show CDF", show_cdf=on))
        c.draw_one.clicked.connect(lambda: self._reveal_more(1))
        c.draw_100.clicked.connect(lambda: self._reveal_more(100))
        c.play.toggled.connect(self._on_play)
        c.show_all.clicked.connect(self._show_all)
        c.clt_n.value_changed.connect(lambda v, final: self._slide("CLT n", final, clt_n=int(v)))
        c.rho.value_changed.connect(lambda v, final: self._slide("ρ", final, rho=float(v)))
        c.coin_alpha.value_changed.connect(lambda v, final: self._slide("Prior α", final, coin_alpha=max(v, 0.1)))
        c.coin_beta.value_changed.connect(lambda v, final: self._slide("Prior β", final, coin_beta=max(v, 0.1)))
        c.coin_p.value_changed.connect(lambda v, final: self._slide("Coin p", final, coin_p=float(v)))
        c.heads.clicked.connect(lambda: self._add_flips("H"))
        c.tails.clicked.connect(lambda: self._add_flips("T"))
        c.flip_one.clicked.connect(lambda: self._add_flips(self._random_flips(1)))
        c.flip_ten.clicked.connect(lambda: self._add_flips(self._random_flips(10)))
        c.reset_flips.clicked.connect(lambda: self._edit("Reset flips", flips=""))
        c.mle_family.currentIndexChanged.connect(
            lambda _i: self._edit("Fit family", mle_family=c.mle_family.currentData(), mle_param="")
        )
        c.mle_source.currentIndexChanged.connect(
            lambda _i: self._edit("Fit source", mle_source=c.mle_source.currentData())
        )
        c.mle_param.currentIndexChanged.connect(self._on_mle_param)
        c.dataset.activated.connect(self._on_dataset)
        c.open_csv.clicked.connect(self._on_open_csv)
        c.column.activated.connect(lambda _i: self._use_column(c.column.currentText()))
        c.typed.returnPressed.connect(self._on_typed)
        self.tabs.currentChanged.connect(self._on_tab)

    # --- edits ------------------------------------------------------------------------------------------------------
    def _edit(self, text: str, **changes: Any) -> None:
        self.edit(dataclasses.replace(self._state, **changes), text)

    def _slide(self, text: str, final: bool, **changes: Any) -> None:
        # While a slider is dragged only the cheap theory curves follow; big draws wait for the release, so the
        # background job never competes with the repaint for the interpreter.
        self._live = not final
        self.preview(dataclasses.replace(self._state, **changes))
        if final:
            self.commit(text)
            if self._deferred:
                self._deferred = False
                self.render(self._state)

    def _on_family(self, _index: int) -> None:
        name = self.controls.family.currentData()
        if name and name != self._state.distribution:
            params = DistributionsState.params_for(name)
            self._edit("Distribution", distribution=name, params=params)

    def _on_param(self, pname: str, value: float, final: bool) -> None:
        values = dict(self._state.params)
        values[pname] = value
        try:
            stats.validate_params(self._state.distribution, values)
        except StatsError as exc:
            self._show_error(str(exc))
            self.controls.sliders[pname].set_value(dict(self._state.params)[pname])
            return
        params = tuple((k, float(values[k])) for k, _ in self._state.params)
        self._slide(f"Set {pname}", final, params=params)

    def _on_tab(self, index: int) -> None:
        tab = TABS[index]
        if tab != self._state.tab:
            self.preview(dataclasses.replace(self._state, tab=tab))

    def _on_mle_param(self, _index: int) -> None:
        value = self.controls.mle_param.currentData()
        if value and value != self._state.mle_param:
            self._edit("Likelihood parameter", mle_param=value)

    def _random_flips(self, k: int) -> str:
        s = self._state
        rng = np.random.default_rng([s.seed, len(s.flips)])  # reproducible: the same clicks give the same flips
        return "".join("H" if u < s.coin_p else "T" for u in rng.random(k))

    def _add_flips(self, flips: str) -> None:
        new = self._state.flips + flips
        if len(new) > 5000:
            self._show_error("At most 5 000 flips are kept; press Reset to start again")
            return
        self._edit("Flip", flips=new)

    # --- data for the MLE tab -----------------------------------------------------------------------------------------
    def load_csv(self, source: Any, column: str | None = None) -> bool:
        """Load a CSV file (or text) for fitting; a bad file shows a message and keeps the previous data."""
        try:
            table = read_csv_table(source)
            values = table.column(column)
        except DataError as exc:
            self._show_data_error(str(exc))
            return False
        self._table = table
        name = getattr(source, "name", None) or (str(source) if len(str(source)) < 80 else "data")
        return self._use_values(values, f"{name}: {table.header[table.column_index(column)]}", table)

    def _use_values(self, values: np.ndarray, label: str, table: CsvTable | None) -> bool:
        if values.size > MAX_STORED_DATA:
            self._show_data_error(f"{values.size:,} values; at most {MAX_STORED_DATA:,} can be fitted here")
            return False
        c = self.controls
        with QtCore.QSignalBlocker(c.column):
            c.column.clear()
            if table is not None:
                c.column.addItems(table.numeric_columns())
                c.column.setCurrentText(label.rsplit(": ", 1)[-1])
        c.data_error.setVisible(False)
        self._edit("Load data", data=tuple(float(v) for v in values), data_label=label[:200], mle_source="data")
        return True

    def _use_column(self, column: str) -> None:
        if self._table is None:
            return
        try:
            values = self._table.column(column)
        except DataError as exc:
            self._show_data_error(str(exc))
            return
        prefix = self._state.data_label.rsplit(": ", 1)[0] if self._state.data_label else "data"
        self._use_values(values, f"{prefix}: {column}", self._table)

    def _on_dataset(self, _index: int) -> None:
        name = self.controls.dataset.currentData()
        if not name:
            return
        try:
            table = load_dataset(name)
            values = table.column(DATASETS[name].column)
        except DataError as exc:
            self._show_data_error(str(exc))
            return
        self._table = table
        self._use_values(values, f"{DATASETS[name].title}: {DATASETS[name].column}", table)

    def _on_open_csv(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(self, "Open a CSV file", "", "CSV files (*.csv *.tsv *.txt)")
        if path:
            self.load_csv(path)

    def _on_typed(self) -> None:
        text = self.controls.typed.text().strip()
        cells = [t for t in text.replace(";", " ").replace(",", " ").split() if t]
        if not cells:
            self._show_data_error("type some numbers, separated by commas or spaces")
            return
        try:
            table = read_csv_table("\n".join(cells), header=False)
            values = table.column(0)
        except DataError as exc:
            self._show_data_error(str(exc).replace(", column 'column 1'", "").replace("row ", "value "))
            return
        self._use_values(values, f"typed: {len(values)} values", None)

    def _show_data_error(self, text: str) -> None:
        self.controls.data_error.setText(text)
        self.controls.data_error.setVisible(True)
        self.error_message(text)

    def _show_error(self, text: str) -> None:
        self.controls.error.setText(text)
        self.controls.error.setVisible(True)
        self.error_message(text)

    # --- classroom animation ------------------------------------------------------------------------------------------
    def _reveal_more(self, k: int) -> None:
        n = self._state.n_samples
        self._reveal = min(n, (self._reveal or 0) + k)
        if self._reveal >= n:
            self._reveal = None
            self.controls.play.setChecked(False)
        self._draw_sampler()

    def _on_play(self, on: bool) -> None:
        self.controls.play.setText("⏸ Pause" if on else "▶ Animate")
        if on:
            if self._reveal is None:
                self._reveal = 0
            self._timer.start()
        else:
            self._timer.stop()

    def _on_tick(self) -> None:
        shown = self._reveal or 0
        self._reveal_more(1 if shown < 20 else 10 if shown < 300 else 100)

    def _show_all(self) -> None:
        self.controls.play.setChecked(False)
        self._reveal = None
        self._draw_sampler()

    def shutdown(self) -> None:
        """Stop the animation timer and background draws."""
        self._timer.stop()
        self._job.cancel()
        self._job.wait(5000)

    # --- rendering ----------------------------------------------------------------------------------------------------
    def render(self, state: DistributionsState) -> None:
        """Show ``state``: inputs, theory curves now; samples and tab results now or from the background job."""
        self.controls.error.setVisible(False)
        self._write_inputs(state)
        self._draw_theory(state)
        self._draw_coin(state)
        self._draw_bivariate(state)
        cached = self._computed
        if (
            cached is not None
            and cached.key == sample_key(state)
            and cached.tab == state.tab
            and self._same_tab_inputs(cached, state)
        ):
            self._draw_computed(state)
            return
        if cached is None or cached.key != sample_key(state):
            self._reveal = None
        heavy = state.n_samples > SYNC_LIMIT or (state.tab == "clt" and state.clt_n * CLT_REPS > 2_000_000)
        heavy = heavy or (state.tab == "mle" and state.n_samples > 20_000)
        reuse = cached.samples if cached is not None and cached.key == sample_key(state) else None
        if heavy and self._live:
            self._deferred = True
            self.controls.busy.setText("Release the slider to redraw the samples")
            return
        if heavy:
            self._pending = state
            self.controls.busy.setText(f"Working on {state.n_samples:,} samples…")
            self._job.submit(compute, state, reuse)
            return
        try:
            self._computed = compute(state, reuse)
        except StatsError as exc:
            self._show_error(str(exc))
            return
        self._computed_inputs = self._tab_inputs(state)
        self._draw_computed(state)

    @staticmethod
    def _tab_inputs(s: DistributionsState) -> tuple:
        return (s.bins, s.clt_n, s.mle_family, s.mle_source, s.data, s.mle_param)

    def _same_tab_inputs(self, cached: Computed, s: DistributionsState) -> bool:
        return getattr(self, "_computed_inputs", None) == self._tab_inputs(s)

    def _on_computed(self, result: Computed) -> None:
        self.controls.busy.setText("")
        self._computed = result
        state = self._pending or self._state
        self._computed_inputs = self._tab_inputs(state)
        self._pending = None
        if result.key == sample_key(self._state):
            self._draw_computed(self._state)

    def _write_inputs(self, s: DistributionsState) -> None:
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
        spec = DISTRIBUTIONS[s.distribution]
        c.formula.setText(f"scipy.stats.{spec.scipy_text.format(**dict(s.params))}<br>support: {spec.support}")
        c.n_samples.setValue(s.n_samples)
        c.seed.setValue(min(s.seed, 2**31 - 1))
        c.bins.setValue(s.bins)
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
        free = [p for p in DISTRIBUTIONS[s.mle_family].params if not (s.mle_family == "binomial" and p.name == "n")]
        if [c.mle_param.itemData(i) for i in range(c.mle_param.count())] != [p.name for p in free]:
            c.mle_param.clear()
            for p in free:
                c.mle_param.addItem(f"{p.symbol} ({p.label})", p.name)
        idx = c.mle_param.findData(s.mle_param)
        c.mle_param.setCurrentIndex(max(idx, 0))
        c.data_label.setText(f"loaded: {s.data_label} ({len(s.data):,} values)" if s.data else "no data loaded")
        self.tabs.setCurrentIndex(TABS.index(s.tab))
        c.tab_stack.setCurrentIndex(TAB_PAGES[s.tab])
        del blockers

    def _draw_theory(self, s: DistributionsState) -> None:
        """PDF/PMF and CDF curves and the theoretical mean: cheap, so always synchronous (slider drags stay smooth)."""
        v = self.sampler
        spec = DISTRIBUTIONS[s.distribution]
        lo, hi = stats.support_range(s.distribution, s.params)
        if spec.discrete:
            k = np.arange(math.floor(lo), math.ceil(hi) + 1.0)
            if k.size > 400:
                k = np.unique(np.round(np.linspace(k[0], k[-1], 400)))
            pm = stats.pmf(s.distribution, s.params, k)
            v.curve.setData([], [])
            v.stems.setData(k, pm)
            v.sticks.setData(np.repeat(k, 2), np.column_stack([np.zeros_like(pm), pm]).ravel())
            xs = np.repeat(np.concatenate([[k[0] - 1], k]), 2)[1:]
            cd = np.repeat(stats.cdf(s.distribution, s.params, np.concatenate([[k[0] - 1], k])), 2)[:-1]
            v.cdf_curve.setData(xs, cd)
        else:
            pad = 0.05 * (hi - lo)
            x = np.linspace(lo - pad, hi + pad, 600)
            v.curve.setData(x, stats.pdf(s.distribution, s.params, x))
            v.stems.setData([], [])
            v.sticks.setData([], [])
            v.cdf_curve.setData(x, stats.cdf(s.distribution, s.params, x))
        for item in (v.curve, v.stems, v.sticks):
            item.setVisible(s.show_pdf)
        v.cdf_plot.setVisible(s.show_cdf)
        v.hist.setVisible(s.show_hist)
        mom = stats.moments(s.distribution, s.params)
        v.mean_line.setVisible(math.isfinite(mom.mean))
        if math.isfinite(mom.mean):
            v.mean_line.setPos(mom.mean)
        v.density_plot.getPlotItem().setXRange(lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo), padding=0)
        v.density_plot.getPlotItem().enableAutoRange(axis="y")
        self._moments = mom

    def _draw_coin(self, s: DistributionsState) -> None:
        key = (s.coin_alpha, s.coin_beta, s.flips)
        if getattr(self, "_coin_key", None) == key:
            return
        self._coin_key = key
        post = stats.coin_posterior(s.coin_alpha, s.coin_beta, s.flips)
        p = np.linspace(0.0005, 0.9995, 500)
        self.coin.prior.setData(p, post.pdf(p, prior=True))
        self.coin.posterior.setData(p, post.pdf(p))
        for line, x in ((self.coin.map_line, post.map), (self.coin.mle_line, post.mle)):
            line.setVisible(math.isfinite(x))
            if math.isfinite(x):
                line.setPos(x)
        shown = s.flips[-120:]
        self.coin.flips.setText(f"Flips ({len(s.flips)}): {'…' if len(s.flips) > 120 else ''}{shown or '—'}")
        lo, hi = post.interval()
        mle = f"{post.mle:.3f}" if math.isfinite(post.mle) else "undefined"
        mp = f"{post.map:.3f}" if math.isfinite(post.map) else "undefined"
        self.controls.coin_readout.setText(
            f"heads {post.heads}, tails {post.tails}\nposterior Beta({post.post_alpha:g}, {post.post_beta:g})\n"
            f"MAP {mp}   MLE {mle}   mean {post.post_mean:.3f}\n95 % credible interval [{lo:.3f}, {hi:.3f}]"
        )
        self.coin.note.setText(post.note or "The MAP sits between the prior's pull and the data's MLE; more flips, "
                               "less prior.")  # fmt: skip

    def _draw_bivariate(self, s: DistributionsState) -> None:
        if getattr(self, "_bivariate_key", None) == (s.rho, s.seed):
            return
        self._bivariate_key = (s.rho, s.seed)
        res = stats.bivariate_normal(s.rho, BIVARIATE_N, s.seed)
        b = self.bivariate
        b.points.setData(res.points[:, 0], res.points[:, 1])
        b.ellipse.setData(res.ellipse[:, 0], res.ellipse[:, 1])
        for item, i in ((b.axis1, 0), (b.axis2, 1)):
            vec = res.eigenvectors[:, i] * 2.0 * math.sqrt(res.eigenvalues[i])
            item.setData([-vec[0], vec[0]], [-vec[1], vec[1]])
        c = res.cov
        self.controls.cov_label.setText(
            f"Σ = [[{c[0, 0]:.2f}, {c[0, 1]:.2f}], [{c[1, 0]:.2f}, {c[1, 1]:.2f}]]\n"
            f"eigenvalues λ₁ = {res.eigenvalues[0]:.3f}, λ₂ = {res.eigenvalues[1]:.3f}\n"
            f"sample ρ = {res.sample_rho:.3f} ({BIVARIATE_N} points)"
        )
        b.note.setText("The principal axes are the covariance matrix's eigenvectors, each drawn ±2√λ long: "
                       "PCA keeps the long one.")  # fmt: skip

    def _draw_computed(self, s: DistributionsState) -> None:
        comp = self._computed
        if comp is None:
            return
        self._draw_sampler()
        self._write_readout(s, comp)
        if s.tab == "lln" and "running" in comp.extra:
            k, m = comp.extra["running"]
            self.lln.curve.setData(k, m)
            mom = self._moments
            self.lln.target.setVisible(math.isfinite(mom.mean))
            if math.isfinite(mom.mean):
                self.lln.target.setPos(mom.mean)
            self.lln.note.setText(mom.note or f"After {comp.samples.size:,} draws the mean is {m[-1]:.4g}.")
        elif s.tab == "qq" and "qq" in comp.extra:
            qq = comp.extra["qq"]
            self.qq.points.setData(qq.theoretical, qq.sample)
            z = np.array([qq.theoretical[0], qq.theoretical[-1]])
            self.qq.line.setData(z, qq.intercept + qq.slope * z)
            self.qq.note.setText(f"Correlation of the points r = {qq.r:.4f}. Straight: normal-shaped; an S or a "
                                 "banana: heavy tails or skew.")  # fmt: skip
        elif s.tab == "clt" and "clt" in comp.extra:
            self._draw_clt(comp)
        elif s.tab == "mle":
            draw_mle(self.mle, self.controls, s, comp)

    def _draw_sampler(self) -> None:
        comp = self._computed
        if comp is None:
            return
        v = self.sampler
        h = comp.hist
        if self._reveal is not None:
            part = comp.samples[: self._reveal]
            counts = np.histogram(part, bins=h.edges)[0] if part.size else np.zeros(h.counts.size)
            dens = counts / (max(part.size, 1) * np.diff(h.edges))
            v.hist.setData(h.edges, dens)
            last = comp.samples[self._reveal - 1] if self._reveal else math.nan
            self.controls.reveal_label.setText(
                f"shown {self._reveal:,} of {comp.samples.size:,} draws; last = {last:.4g}"
            )
            mean = float(part.mean()) if part.size else math.nan
        else:
            v.hist.setData(h.edges, h.density)
            self.controls.reveal_label.setText(f"all {comp.samples.size:,} draws shown")
            mean = comp.summary.mean
        v.sample_mean_line.setVisible(math.isfinite(mean))
        if math.isfinite(mean):
            v.sample_mean_line.setPos(mean)
        n_show = min(comp.samples.size, 2000)
        xs = np.sort(comp.samples[:: max(1, comp.samples.size // n_show)])
        v.ecdf.setData(xs, np.arange(1, xs.size + 1) / xs.size)

    def _write_readout(self, s: DistributionsState, comp: Computed) -> None:
        mom, summ = self._moments, comp.summary
        d = stats.Moments.describe
        rows = [("mean", d(mom.mean), d(summ.mean)), ("variance", d(mom.variance), d(summ.variance)),
                ("skewness", d(mom.skewness), d(summ.skewness))]  # fmt: skip
        html = "<table cellspacing='6'><tr><th></th><th align='right'>theory</th><th align='right'>sample</th></tr>"
        html += "".join(
            f"<tr><td>{a}</td><td align='right'>{b}</td><td align='right'>{c}</td></tr>" for a, b, c in rows
        )
        html += "</table>"
        if comp.gof is not None:
            test = "KS" if comp.gof[2] == "ks" else "χ²"
            html += f"{test} test p = {comp.gof[1]:.3g} (N = {summ.n:,})"
        if comp.hist.n_outside:
            html += f"<br>{comp.hist.n_outside:,} extreme draws lie outside the histogram's range"
        if mom.note:
            html += f"<br><i>{mom.note}</i>"
        self.controls.readout.setText(html)

    def _draw_clt(self, comp: Computed) -> None:
        clt, h = comp.extra["clt"], comp.extra["clt_hist"]
        self.clt.hist.setData(h.edges, h.density)
        if math.isfinite(clt.normal_sd) and clt.normal_sd > 0:
            x = np.linspace(h.edges[0], h.edges[-1], 400)
            from scipy import stats as st

            self.clt.normal.setData(x, st.norm(clt.normal_mean, clt.normal_sd).pdf(x))
            self.clt.note.setText(f"n = {clt.n}: means have sd σ/√n = {clt.normal_sd:.4g} (observed "
                                  f"{np.std(clt.means):.4g}).")  # fmt: skip
        else:
            self.clt.normal.setData([], [])
            self.clt.note.setText(clt.note)

    # --- export -------------------------------------------------------------------------------------------------------
    def export_views(self) -> dict[str, Any]:
        """The plots File → Export can save; the open tab's first."""
        views = {"density": self.sampler.density_plot.getPlotItem(), "cdf": self.sampler.cdf_plot.getPlotItem(),
                 "lln": self.lln.plot.getPlotItem(), "clt": self.clt.plot.getPlotItem(),
                 "qq": self.qq.plot.getPlotItem(), "bivariate": self.bivariate.plot.getPlotItem(),
                 "coin": self.coin.plot.getPlotItem(), "mle_fit": self.mle.fit_plot.getPlotItem(),
                 "loglik": self.mle.ll_plot.getPlotItem(), "contour": self.mle.contour_plot.getPlotItem()}  # fmt: skip
        first = {"sampler": "density", "bayes": "coin", "mle": "mle_fit"}.get(self._state.tab, self._state.tab)
        return {first: views[first], **{k: v for k, v in views.items() if k != first}}

    def export_data(self) -> dict[str, tuple[list[str], list[list[float]]]]:
        """The histogram and (up to 100 000) samples behind the plots."""
        comp = self._computed
        if comp is None:
            return {}
        h = comp.hist
        hist_rows = [[float(a), float(b), float(c), float(d)] for a, b, c, d in
                     zip(h.edges[:-1], h.edges[1:], h.counts, h.density, strict=True)]  # fmt: skip
        sample_rows = [[float(x)] for x in comp.samples[:100_000]]
        return {"histogram": (["left", "right", "count", "density"], hist_rows), "samples": (["x"], sample_rows)}
