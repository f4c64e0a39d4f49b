"""Distributions lab during a slider drag: the readout table catches up at 10 Hz, and the y axis keeps its width
while the slider is held (a narrower tick label re-laid out the plot and re-rendered both axes, two of the slowest
frames of a drag); the release shows the exact values and fits the axis to its labels as it does at rest."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets


def _axis_width(lab) -> float:
    return lab.sampler.density_plot.getPlotItem().getAxis("left").width()


def test_sigma_drag_keeps_the_y_axis_width_and_the_release_fits_it(lab):

    slider = lab.controls.sliders["sigma"].slider
    start = _axis_width(lab)
    slider.setSliderDown(True)
    widths = []
    for tick in (100, 107, 114, 121, 200, 300):  # σ ≈ 0.6 first: the y range doubles, its tick labels get shorter
        slider.setValue(tick)
        QtWidgets.QApplication.processEvents()  # (the axis measures its labels when it paints)
        widths.append(_axis_width(lab))
    assert widths == [start] * len(widths)
    slider.setSliderDown(False)
    QtWidgets.QApplication.processEvents()
    axis = lab.sampler.density_plot.getPlotItem().getAxis("left")
    released = _axis_width(lab)
    # released, the axis is sized by pyqtgraph's own rule from the labels it measured meanwhile: sized again, it stays
    axis.setWidth(None)
    QtWidgets.QApplication.processEvents()
    assert released == _axis_width(lab)


def test_the_readout_table_catches_up_while_held_and_is_exact_on_release(lab, qtbot):
    readout = lab.controls.readout
    slider = lab.controls.sliders["sigma"].slider
    before = readout.theory["variance"].text()
    slider.setSliderDown(True)
    slider.setValue(300)  # a step: the plot follows now, the six cells (and the group box behind them) wait
    sigma = dict(lab.state().params)["sigma"]
    assert readout.theory["variance"].text() == before != f"{sigma**2:.4g}"
    qtbot.waitUntil(lambda: readout.theory["variance"].text() == f"{sigma**2:.4g}", timeout=2000)  # ≤ 10 Hz
    slider.setValue(420)
    sigma = dict(lab.state().params)["sigma"]
    slider.setSliderDown(False)  # the release shows the exact values at once
    assert readout.theory["variance"].text() == f"{sigma**2:.4g}"
    assert float(readout.sample["variance"].text()) == pytest.approx(lab.sampled.samples.var(ddof=1), rel=1e-3)
    assert "KS test" in readout.text()


def test_the_hidden_cdf_plot_waits_and_is_right_when_shown_or_exported(lab, qtbot):
    from scipy import stats as st

    v = lab.sampler
    assert not lab.state().show_cdf and not v.cdf_plot.isVisible()  # the default: density only
    changes = []
    v.cdf_curve.sigPlotChanged.connect(lambda *_: changes.append("cdf"))
    v.ecdf.sigPlotChanged.connect(lambda *_: changes.append("ecdf"))
    slider = lab.controls.sliders["sigma"].slider
    slider.setSliderDown(True)
    for tick in (250, 300, 350):
        slider.setValue(tick)
    slider.setSliderDown(False)
    assert changes == []  # hidden: neither curve was set on the steps
    lab.export_views()  # File → Export draws it first
    sigma = dict(lab.state().params)["sigma"]
    x, y = v.cdf_curve.getData()
    np.testing.assert_allclose(y, st.norm(0, sigma).cdf(x), rtol=1e-10)
    ex, ey = v.ecdf.getData()
    np.testing.assert_array_equal(ex, lab.sampled.ecdf_x)
    slider.setSliderDown(True)
    slider.setValue(200)
    slider.setSliderDown(False)
    lab.controls.show_cdf.setChecked(True)  # shown: the current σ's curves
    assert v.cdf_plot.isVisible()
    sigma = dict(lab.state().params)["sigma"]
    x, y = v.cdf_curve.getData()
    np.testing.assert_allclose(y, st.norm(0, sigma).cdf(x), rtol=1e-10)
    np.testing.assert_array_equal(v.ecdf.getData()[0], lab.sampled.ecdf_x)


def test_the_hidden_cdf_plot_is_not_built_until_it_is_shown(lab):
    import pyqtgraph as pg

    v = lab.sampler
    assert v._cdf_plot is None  # opening the lab built one PlotWidget on the sampler page, not two
    assert v.findChildren(pg.PlotWidget) == [v.density_plot]
    lab.controls.show_cdf.setChecked(True)
    QtWidgets.QApplication.processEvents()
    assert v.cdf_plot.isVisible() and v.split.widget(1) is v.cdf_plot
    top, bottom = v.split.sizes()
    assert bottom / (top + bottom) == pytest.approx(220 / 740, abs=0.01)  # the splitter's share, as before


def test_pmf_stems_are_hidden_under_a_pdf_and_shown_for_a_pmf(lab):
    v = lab.sampler
    assert not v.stems.isVisible() and not v.sticks.isVisible()  # empty, it still painted itself every frame
    assert v.curve.isVisible()
    combo = lab.controls.family
    combo.setCurrentIndex(combo.findData("poisson"))
    assert v.stems.isVisible() and v.sticks.isVisible() and len(v.stems.data) > 0
    lab.controls.show_pdf.setChecked(False)
    assert not v.stems.isVisible() and not v.curve.isVisible()
    lab.controls.show_pdf.setChecked(True)
    combo.setCurrentIndex(combo.findData("normal"))
    assert not v.stems.isVisible() and v.curve.isVisible()


def test_a_sigma_drag_from_0_6_to_2_6_regrids_the_x_axis_twice(lab):
    slider = lab.controls.sliders["sigma"].slider
    vb = lab.sampler.density_plot.getPlotItem().getViewBox()
    slider.setSliderDown(True)
    shown = []
    for tick in range(100, 500, 7):  # σ ≈ 0.59 … 2.6, the bench's sweep
        slider.setValue(tick)
        shown.append(tuple(vb.viewRange()[0]))
        x, _ = lab.sampler.curve.getData()
        assert shown[-1][0] <= x[0] and shown[-1][1] >= x[-1]  # the curve always fits
    assert sum(b != a for a, b in zip(shown[:-1], shown[1:], strict=True)) <= 2  # growing by 50 %: 3
    slider.setSliderDown(False)
    x, _ = lab.sampler.curve.getData()
    assert vb.viewRange()[0] == pytest.approx((x[0], x[-1]))  # released: the curve's own range again


class _LayoutRequests(QtCore.QObject):
    """Counts the layout requests the application delivers."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        QtWidgets.QApplication.instance().installEventFilter(self)

    def eventFilter(self, _obj, event) -> bool:
        if event.type() == QtCore.QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_the_first_step_of_a_drag_settles_the_column_layout_at_once(lab):
    slider = lab.controls.sliders["sigma"].slider
    QtWidgets.QApplication.processEvents()
    slider.setSliderDown(True)
    slider.setValue(300)  # the first live step holds every shown label at its size …
    requests = _LayoutRequests()
    try:
        QtWidgets.QApplication.processEvents()
        slider.setValue(310)
        QtWidgets.QApplication.processEvents()
        assert requests.count == 0  # … and the layouts settled in that step: none left for the next ones
    finally:
        QtWidgets.QApplication.instance().removeEventFilter(requests)
        slider.setSliderDown(False)


def test_grabbing_a_slider_starts_the_live_look_before_the_first_move(lab):
    QtWidgets.QApplication.processEvents()
    sliders = [*lab.controls.sliders.values(), lab.controls.clt_n, lab.controls.rho, lab.controls.coin_p]
    for param in sliders:
        assert not lab.live_quality.live
        param.slider.setSliderDown(True)  # the press (QSlider does this on a click on its handle)
        assert lab.live_quality.live, param  # curves aliased, labels held: the first move does not pay for it too
        param.slider.setSliderDown(False)
        lab.live_quality.end()  # (a press without a move commits nothing; the settle timer would end it)
    import dataclasses

    params = lab.state().params_for("gamma")
    lab.set_state(dataclasses.replace(lab.state(), distribution="gamma", params=params))  # new sliders: wired too
    QtWidgets.QApplication.processEvents()
    slider = next(iter(lab.controls.sliders.values())).slider
    slider.setSliderDown(True)
    assert lab.live_quality.live
    slider.setSliderDown(False)


def test_histogram_bars_are_a_plain_step_curve_with_the_same_swatch_and_can_be_emptied(lab):
    """The bars are a PlotCurveItem in step mode (a PlotDataItem's setData cost several times more per slider step):
    the legend swatch is the one the PlotDataItem drew, and emptying them (a failed fit) raises nothing."""
    import pyqtgraph as pg

    from tests.gui.helpers import legend_swatch

    image = legend_swatch

    bars = lab.sampler.hist
    twin = pg.PlotDataItem(stepMode="center", fillLevel=0, brush=bars.opts["brush"], pen=bars.opts["pen"],
                           antialias=False)  # fmt: skip
    assert isinstance(bars, pg.PlotCurveItem) and image(bars) == image(twin)
    x, y = bars.getData()
    np.testing.assert_array_equal(x, lab.sampled.hist.edges)
    bars.setData([], [])
    QtWidgets.QApplication.processEvents()
    assert len(bars.getData()[0]) == 0 and bars.opts["stepMode"] == "center"
    bars.setData(x, y)
    np.testing.assert_array_equal(bars.getData()[1], y)
