"""CLT tab: a step of the n slider keeps the draws, so their statistics and histogram are neither recomputed nor
redrawn (in the hidden sampler tab); only the means of n draws are."""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore


def test_clt_n_steps_reuse_the_draws_results_and_leave_the_sampler_alone(lab, qtbot):
    bar = lab.tabs.tabBar()
    qtbot.mouseClick(bar, QtCore.Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert lab.state().tab == "clt"
    before = lab.sampled
    redraws = []
    lab.sampler.hist.sigPlotChanged.connect(lambda *_: redraws.append(1))
    slider = lab.controls.clt_n.slider
    slider.setSliderDown(True)
    for tick in (5, 12, 30):
        slider.setValue(tick)
        assert lab.sampled.clt.clt.n == lab.state().clt_n  # the means follow the slider …
        assert lab.sampled.hist is before.hist and lab.sampled.summary is before.summary  # … the draws' do not move
    slider.setSliderDown(False)
    assert redraws == []  # the sampler's histogram was not set again: the same bars
    edges, dens = lab.sampler.hist.getData()
    np.testing.assert_array_equal(dens, before.hist.density)
    assert lab.sampled.gof is not None and "KS test" in lab.controls.readout.text()


def test_clt_drag_from_1_to_50_grows_the_y_axis_at_most_three_times(lab, qtbot):
    bar = lab.tabs.tabBar()
    qtbot.mouseClick(bar, QtCore.Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    vb = lab.clt.plot.getPlotItem().getViewBox()
    slider = lab.controls.clt_n.slider
    slider.setSliderDown(True)
    slider.setValue(1)
    tops = [vb.viewRange()[1][1]]
    for n in range(2, 51):
        slider.setValue(n)
        tops.append(vb.viewRange()[1][1])
        assert tops[-1] >= lab.sampled.clt.hist.density.max()  # the bars always fit
    changes = sum(b != a for a, b in zip(tops[:-1], tops[1:], strict=True))
    assert changes <= 3  # the peak grows ~7×: 5 re-renders at 25 %
    slider.setSliderDown(False)
    assert vb.viewRange()[1][1] < 1.3 * lab.sampled.clt.top  # released: fitted to the bars again


def test_the_clt_note_catches_up_while_n_is_held_and_shows_the_release_at_once(lab, qtbot):
    bar = lab.tabs.tabBar()
    qtbot.mouseClick(bar, QtCore.Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    before = lab.clt.note.text()
    slider = lab.controls.clt_n.slider
    slider.setSliderDown(True)
    slider.setValue(slider.value() + 7)
    assert lab.sampled.clt.clt.n == lab.state().clt_n  # the histogram follows the step …
    assert lab.clt.note.text() == before and lab.clt.catch_up.pending()  # … the sentence under it at 10 Hz
    slider.setSliderDown(False)  # the release
    assert not lab.clt.catch_up.pending()
    assert lab.clt.note.text() == lab.sampled.clt.note and f"n = {lab.state().clt_n}:" in lab.clt.note.text()
