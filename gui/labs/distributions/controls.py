"""The Distributions lab's control column: family and parameters, sampling, classroom animation, per-tab settings.

Widgets only: the lab connects their signals and writes the state back into them (under signal blockers).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from engine.datasets import list_datasets
from engine.stats import DISTRIBUTIONS, DistributionsState
from gui.i18n import translate
from gui.labs.distributions.readouts import SamplerReadout
from gui.widgets.field_controls import configure_spin, decimals_for, field_label, param_slider, spec_of
from gui.widgets.form_parts import error_label, form_group
from gui.widgets.param_slider import ParamSlider

__all__ = ["DistributionsControls", "TAB_PAGES"]

# Which settings page each tab shows (sampler, LLN and QQ need only the sampler's settings).
TAB_PAGES = {"sampler": 0, "lln": 0, "qq": 0, "clt": 1, "bivariate": 2, "bayes": 3, "mle": 4}


def _label(wrap: bool = True) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel()
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DistributionsControls(QtWidgets.QWidget):
    """Every input of the lab; ``param_box`` is refilled with one :class:`ParamSlider` per parameter."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(self._build_distribution())
        layout.addWidget(self._build_samples())
        layout.addWidget(self._build_readout())
        self.tab_stack = QtWidgets.QStackedWidget()
        for page in (self._build_classroom(), self._build_clt(), self._build_bivariate(), self._build_coin(),
                     self._build_mle()):  # fmt: skip
            self.tab_stack.addWidget(page)
        layout.addWidget(self.tab_stack)
        layout.addStretch(1)
        self.sliders: dict[str, ParamSlider] = {}

    def _build_distribution(self) -> QtWidgets.QGroupBox:
        box, form = form_group(translate("Distributions", "Distribution"))
        self.family = QtWidgets.QComboBox()
        for key, spec in DISTRIBUTIONS.items():
            self.family.addItem(f"{translate('stats', spec.label)} ({translate('stats', spec.kind)})", key)
        form.addRow(translate("Distributions", "family"), self.family)
        self.param_host = QtWidgets.QWidget()
        self.param_layout = QtWidgets.QVBoxLayout(self.param_host)
        self.param_layout.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.param_host)
        self.formula = _label()
        form.addRow(self.formula)
        return box

    def _build_samples(self) -> QtWidgets.QGroupBox:
        box, form = form_group(translate("Distributions", "Samples"))
        n_spec = spec_of(DistributionsState, "n_samples")
        self.n_samples = QtWidgets.QSpinBox()
        configure_spin(self.n_samples, n_spec)
        self.n_samples.setGroupSeparatorShown(True)
        self.n_samples.setKeyboardTracking(False)
        lo, hi = (f"{int(v):,}".replace(",", " ") for v in (n_spec.lo, n_spec.hi))
        self.n_samples.setToolTip(
            translate("Distributions", "How many draws ({0} … {1}); large draws run in the background").format(lo, hi)
        )
        self.seed = QtWidgets.QSpinBox()
        configure_spin(self.seed, spec_of(DistributionsState, "seed"))
        self.seed.setKeyboardTracking(False)
        self.seed.setToolTip(translate("Distributions", "Same seed, same draws: a whole class can reproduce one run"))
        self.new_seed = QtWidgets.QPushButton(translate("Distributions", "New draw"))
        self.new_seed.setToolTip(translate("Distributions", "Next seed: a fresh set of samples"))
        seed_row = QtWidgets.QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.new_seed)
        self.bins = QtWidgets.QSpinBox()
        configure_spin(self.bins, spec_of(DistributionsState, "bins"))
        self.bins.setSpecialValueText(translate("Distributions", "auto"))
        self.bins.setKeyboardTracking(False)
        self.bins.setToolTip(
            translate(
                "Distributions", "Histogram bins; 'auto' uses the larger of Sturges' and Freedman–Diaconis' rules"
            )
        )
        self.show_hist = QtWidgets.QCheckBox(translate("Distributions", "histogram"))
        self.show_pdf = QtWidgets.QCheckBox(translate("Distributions", "PDF / PMF"))
        self.show_cdf = QtWidgets.QCheckBox(translate("Distributions", "CDF"))
        checks = QtWidgets.QHBoxLayout()
        for c in (self.show_hist, self.show_pdf, self.show_cdf):
            checks.addWidget(c)
        form.addRow("N", self.n_samples)
        form.addRow(translate("Distributions", "seed"), seed_row)
        form.addRow(translate("Distributions", "bins"), self.bins)
        form.addRow(checks)
        return box

    def _build_readout(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(translate("Distributions", "Theory vs sample"))
        lay = QtWidgets.QVBoxLayout(box)
        self.readout = SamplerReadout()
        self.busy = _label()
        font = self.busy.font()
        font.setItalic(True)
        self.busy.setFont(font)
        lay.addWidget(self.readout)
        lay.addWidget(self.busy)
        return box

    def _build_classroom(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(translate("Distributions", "Classroom: draw one at a time"))
        grid = QtWidgets.QGridLayout(box)
        self.draw_one = QtWidgets.QPushButton(translate("Distributions", "Draw one"))
        self.draw_100 = QtWidgets.QPushButton(translate("Distributions", "Draw 100"))
        self.play = QtWidgets.QPushButton(translate("Distributions", "▶ Animate"))
        self.play.setCheckable(True)
        self.show_all = QtWidgets.QPushButton(translate("Distributions", "Show all"))
        grid.addWidget(self.draw_one, 0, 0)
        grid.addWidget(self.draw_100, 0, 1)
        grid.addWidget(self.play, 1, 0)
        grid.addWidget(self.show_all, 1, 1)
        self.reveal_label = _label()
        grid.addWidget(self.reveal_label, 2, 0, 1, 2)
        grid.setRowStretch(3, 1)
        return box

    def _build_clt(self) -> QtWidgets.QGroupBox:
        box, form = form_group(translate("Distributions", "Central limit theorem"))
        self.clt_n = param_slider(
            DistributionsState, "clt_n", tooltip=translate("Distributions", "draws averaged per mean")
        )
        form.addRow(self.clt_n)
        info = _label()
        info.setText(
            translate(
                "Distributions",
                "Each bar counts means of n draws from the chosen distribution (4 000 means). Slide n up and watch "
                "any shape turn normal — unless the variance is infinite (Cauchy).",
            )
        )
        form.addRow(info)
        return box

    def _build_bivariate(self) -> QtWidgets.QGroupBox:
        box, form = form_group(translate("Distributions", "Two variables"))
        self.rho = param_slider(DistributionsState, "rho", tooltip=translate("Distributions", "correlation of x and y"))
        form.addRow(self.rho)
        self.cov_label = _label()
        form.addRow(self.cov_label)
        return box

    def _build_coin(self) -> QtWidgets.QGroupBox:
        box, form = form_group(translate("Distributions", "Bayes coin"))
        self.coin_alpha = param_slider(
            DistributionsState, "coin_alpha", tooltip=translate("Distributions", "prior pseudo-heads")
        )
        self.coin_beta = param_slider(
            DistributionsState, "coin_beta", tooltip=translate("Distributions", "prior pseudo-tails")
        )
        self.coin_p = param_slider(
            DistributionsState, "coin_p", tooltip=translate("Distributions", "true heads probability of the coin")
        )
        form.addRow(translate("Distributions", "prior"), self.coin_alpha)
        form.addRow("", self.coin_beta)
        form.addRow(translate("Distributions", "true"), self.coin_p)
        grid = QtWidgets.QGridLayout()
        self.heads = QtWidgets.QPushButton(translate("Distributions", "Heads"))
        self.tails = QtWidgets.QPushButton(translate("Distributions", "Tails"))
        self.flip_one = QtWidgets.QPushButton(translate("Distributions", "Flip 1"))
        self.flip_ten = QtWidgets.QPushButton(translate("Distributions", "Flip 10"))
        self.reset_flips = QtWidgets.QPushButton(translate("Distributions", "Reset"))
        for i, b in enumerate((self.heads, self.tails, self.flip_one, self.flip_ten, self.reset_flips)):
            grid.addWidget(b, i // 3, i % 3)
        form.addRow(grid)
        self.coin_readout = _label()
        form.addRow(self.coin_readout)
        return box

    def _build_mle(self) -> QtWidgets.QGroupBox:
        box, form = form_group(translate("Distributions", "Maximum likelihood"))
        self.mle_family = QtWidgets.QComboBox()
        for key, spec in DISTRIBUTIONS.items():
            self.mle_family.addItem(spec.label, key)
        self.mle_source = QtWidgets.QComboBox()
        self.mle_source.addItem(translate("Distributions", "current samples"), "samples")
        self.mle_source.addItem(translate("Distributions", "loaded data"), "data")
        self.dataset = QtWidgets.QComboBox()
        self.dataset.addItem(translate("Distributions", "bundled data set…"), "")
        for info in list_datasets():
            self.dataset.addItem(translate("datasets", info.title), info.name)
        # the data sets' titles are long: the box shows what fits and the list opens wide, rather than the column
        # growing past the window
        self.dataset.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dataset.setMinimumContentsLength(10)
        titles = QtGui.QFontMetrics(self.dataset.font())
        widest = max(titles.horizontalAdvance(self.dataset.itemText(i)) for i in range(self.dataset.count()))
        self.dataset.view().setMinimumWidth(widest + 32)  # (item margins and a scroll bar)
        self.open_csv = QtWidgets.QPushButton(translate("Distributions", "Open CSV…"))
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.dataset, 1)
        row.addWidget(self.open_csv)
        self.column = QtWidgets.QComboBox()
        self.column.setToolTip(translate("Distributions", "numeric column of the loaded table"))
        self.typed = QtWidgets.QLineEdit()
        self.typed.setPlaceholderText(translate("Distributions", "or type numbers: 2.1, 3.4, 1.9 …"))
        self.mle_param = QtWidgets.QComboBox()
        self.mle_param.setToolTip(translate("Distributions", "the parameter on the log-likelihood curve"))
        self.data_error = error_label()
        self.data_label = _label()
        self.mle_readout = _label()
        self.mle_readout.setTextFormat(QtCore.Qt.TextFormat.RichText)
        form.addRow(translate("Distributions", "family"), self.mle_family)
        form.addRow(translate("Distributions", "fit to"), self.mle_source)
        form.addRow(row)
        form.addRow(translate("Distributions", "column"), self.column)
        form.addRow(self.typed)
        form.addRow(self.data_error)
        form.addRow(self.data_label)
        form.addRow(translate("Distributions", "curve of"), self.mle_param)
        form.addRow(self.mle_readout)
        return box

    def rebuild_params(self, name: str) -> None:
        """One slider row per parameter of family ``name``: range, step and decimals from its registry ParamSpec."""
        while self.param_layout.count():
            item = self.param_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # gone at once: deleteLater waits for the event loop, a click could land first
                item.widget().deleteLater()
        self.sliders = {}
        for p in DISTRIBUTIONS[name].params:
            fs = p.field_spec()
            slider = ParamSlider(field_label(fs), fs.slider_range, (fs.lo, fs.hi), integer=fs.integer,
                                 decimals=decimals_for(fs), tooltip=f"{p.label}: {p.domain_text()}")  # fmt: skip
            self.param_layout.addWidget(slider)
            self.sliders[p.name] = slider

    def set_mle_choices(self, choices: tuple[tuple[str, str], ...], current: str) -> None:
        """The log-L curve's parameter picker: (name, text) items, refilled only when the family changed."""
        box = self.mle_param
        if [box.itemData(i) for i in range(box.count())] != [name for name, _ in choices]:
            box.clear()
            for name, text in choices:
                box.addItem(text, name)
        box.setCurrentIndex(max(box.findData(current), 0))
