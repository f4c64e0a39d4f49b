"""Distributions lab during a slider drag: the y axis keeps its width while the slider is held (a narrower tick
label re-laid out the plot and re-rendered both axes, two of the slowest frames of a drag) and fits its labels on
the release exactly as it does at rest."""

from __future__ import annotations

import pytest


@pytest.fixture
def lab(lab_window):
    win = lab_window("distributions")
    lab = win.current_lab()
    yield lab
    lab.shutdown()


def _axis_width(lab) -> float:
    return lab.sampler.density_plot.getPlotItem().getAxis("left").width()


def test_sigma_drag_keeps_the_y_axis_width_and_the_release_fits_it(lab):
    from PySide6 import QtWidgets

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
