"""Slider drags: on the power tab the axes only grow while the slider is held (each range change re-renders both
axes, the slowest frame of a drag) and fit the curves again, exactly, when it is released; the side summary
catches up at 10 Hz while held and shows the final text on release."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture
def lab(lab_window):
    win = lab_window("hypothesis")
    lab = win.current_lab()
    lab.tabs.setCurrentIndex(5)
    return lab


def _view_range(lab) -> tuple[float, float, float, float]:
    (x0, x1), (y0, y1) = lab.power_view.plot_widget.getPlotItem().getViewBox().viewRange()
    return x0, x1, y0, y1


def _drag(lab, slider, ticks) -> list[tuple[float, float, float, float]]:
    """Hold ``slider``, step it through ``ticks``; the range shown after each step (the slider stays held)."""
    slider.setSliderDown(True)
    shown = []
    for tick in ticks:
        slider.setValue(int(tick))
        shown.append(_view_range(lab))
    return shown


def _at_rest(lab) -> tuple[float, float]:
    pic = lab.results.get(lab.state()).power_picture
    return pic.lo, pic.hi


def test_effect_drag_grows_the_x_range_at_most_twice_and_the_release_refits(lab):
    slider = lab.controls.power_effect
    sweep = np.concatenate([np.linspace(-300, 300, 50), np.linspace(300, -300, 50)]).astype(int)
    shown = _drag(lab, slider, sweep)
    changes = sum(a != b for a, b in zip(shown[:-1], shown[1:], strict=True))
    assert changes <= 2  # the H₁ curve crosses four x steps each way: 6 re-renders when the range followed it
    assert all(b[0] <= a[0] and b[1] >= a[1] for a, b in zip(shown[:-1], shown[1:], strict=True))  # it only ever grew
    lo, hi = _at_rest(lab)
    assert shown[-1][:2] != (lo, hi)  # held wide while the hand is on the slider …
    slider.setSliderDown(False)  # … the release (sliderReleased) fits the curves again
    assert _view_range(lab)[:2] == pytest.approx((lo, hi))
    assert lab.state().power_effect == pytest.approx(-3.0)


def test_n_drag_release_shows_what_the_same_state_shows_at_rest(lab, lab_window):
    slider = lab.controls.power_n
    _drag(lab, slider, np.concatenate([np.arange(2, 401, 8), np.arange(400, 40, -8)]))
    slider.setSliderDown(False)
    released = _view_range(lab)
    # the same state reached by one edit (no gesture) is drawn with the same range
    other = lab_window("hypothesis").current_lab()
    other.tabs.setCurrentIndex(5)
    other.set_state(lab.state())
    assert released == pytest.approx(_view_range(other))
    assert released[:2] == pytest.approx(_at_rest(lab))


def test_a_keyboard_step_is_not_a_drag_the_range_follows_at_once(lab, qtbot):
    from PySide6 import QtCore

    slider = lab.controls.power_effect
    slider.setFocus()
    qtbot.keyClick(slider, QtCore.Qt.Key.Key_End)  # d = 3: the H₁ curve sits right of the default range
    assert _view_range(lab)[:2] == pytest.approx(_at_rest(lab))
    qtbot.keyClick(slider, QtCore.Qt.Key.Key_Home)  # d = −3: the range moves left, it does not just grow
    assert _view_range(lab)[:2] == pytest.approx(_at_rest(lab))


def test_side_readout_catches_up_while_alpha_is_held_and_is_exact_on_release(lab, qtbot):
    lab.tabs.setCurrentIndex(0)
    label, slider = lab.controls.result_label, lab.controls.alpha
    before = label.text()
    slider.setSliderDown(True)
    slider.setValue(slider.value() + 40)  # α 0.05 → 0.09: the critical value in the summary moves …
    assert lab.controls.alpha_label.text() == "α = 0.090"  # … the value under the hand at once …
    assert label.text() == before  # … the side summary (rich text, laid out again per change) waits its turn
    assert "α = 0.05:" in lab.verdict.text()  # … and so do the verdict's numbers (the decision is unchanged)
    qtbot.waitUntil(lambda: label.text() != before, timeout=2000)  # ≤ 10 Hz
    assert "α = 0.09:" in lab.verdict.text()
    slider.setValue(slider.value() + 30)
    slider.setSliderDown(False)  # the release writes the final text at once
    res = lab.results.get(lab.state())
    assert label.text() == res.label_text and lab.state().alpha == pytest.approx(0.12)


def test_the_first_step_of_a_drag_settles_the_column_layout_at_once(lab):
    from PySide6 import QtCore, QtWidgets

    class LayoutRequests(QtCore.QObject):
        count = 0

        def eventFilter(self, _obj, event) -> bool:
            if event.type() == QtCore.QEvent.Type.LayoutRequest:
                self.count += 1
            return False

    slider = lab.controls.power_n
    QtWidgets.QApplication.processEvents()
    slider.setSliderDown(True)
    slider.setValue(slider.value() + 10)  # the first live step holds every shown label at its size …
    requests = LayoutRequests()
    QtWidgets.QApplication.instance().installEventFilter(requests)
    try:
        QtWidgets.QApplication.processEvents()
        slider.setValue(slider.value() + 10)
        QtWidgets.QApplication.processEvents()
        assert requests.count == 0  # … and the layouts settled in that step: none left for the next ones
    finally:
        QtWidgets.QApplication.instance().removeEventFilter(requests)
        slider.setSliderDown(False)


def test_power_verdict_catches_up_while_n_is_held_and_is_exact_on_release(lab, qtbot):
    slider, verdict = lab.controls.power_n, lab.verdict
    before = verdict.text()
    slider.setSliderDown(True)
    slider.setValue(slider.value() + 40)
    assert verdict.text() == before  # the sentence of numbers under the plot waits its turn while the plot moves …
    qtbot.waitUntil(lambda: verdict.text() == lab.results.get(lab.state()).verdict, timeout=2000)  # … ≤ 10 Hz
    slider.setValue(slider.value() + 30)
    assert verdict.text() != lab.results.get(lab.state()).verdict
    slider.setSliderDown(False)  # the release writes the final sentence at once
    assert verdict.text() == lab.results.get(lab.state()).verdict
    assert f"n = {lab.state().power_n}" in verdict.text()
    lab.tabs.setCurrentIndex(0)  # a test's decision (reject or not) is shown at once, even while a slider is held
    alpha = lab.controls.alpha
    alpha.setSliderDown(True)
    alpha.setValue(alpha.value() - 30)  # α 0.05 → 0.02 < p ≈ 0.027: the decision flips …
    assert verdict.text() == lab.results.get(lab.state()).verdict and "do not reject" in verdict.text()  # … at once
    alpha.setValue(alpha.value() - 5)  # α 0.015: the same decision, new numbers: they wait (≤ 10 Hz)
    assert "α = 0.02:" in verdict.text()
    alpha.setValue(alpha.value() + 40)  # α 0.055: it flips back, at once
    assert verdict.text() == lab.results.get(lab.state()).verdict and "do not" not in verdict.text()
    alpha.setSliderDown(False)
    assert verdict.text() == lab.results.get(lab.state()).verdict


def _null_range(lab) -> tuple[float, float]:
    (x0, x1), _ = lab.null_view.plot_widget.getPlotItem().getViewBox().viewRange()
    return x0, x1


def test_alpha_drag_only_grows_the_null_range_and_the_release_fits_it_again(lab):
    lab.tabs.setCurrentIndex(0)
    slider = lab.controls.alpha
    rest = _null_range(lab)
    slider.setSliderDown(True)
    shown = []
    for tick in np.concatenate([np.linspace(slider.minimum(), slider.maximum(), 30),
                                np.linspace(slider.maximum(), slider.minimum(), 30)]).astype(int):  # fmt: skip
        slider.setValue(int(tick))
        shown.append(_null_range(lab))
    assert shown[0][0] < rest[0] and shown[0][1] > rest[1]  # α = 0.001: the critical values need a wider range …
    assert len(set(shown)) == 1  # … which is kept while the slider is held (it used to narrow and widen again)
    slider.setValue(slider.value() + 49)  # α = 0.05 again
    slider.setSliderDown(False)  # the release shows the null's own range: the one it had before the drag
    assert _null_range(lab) == pytest.approx(rest)
    pic = lab.results.get(lab.state()).null
    assert _null_range(lab) == pytest.approx((pic.lo, pic.hi))


def test_grabbing_a_slider_starts_the_live_look_before_the_first_move(lab):
    from PySide6 import QtWidgets

    QtWidgets.QApplication.processEvents()
    assert not lab.live_quality.live
    lab.controls.alpha.setSliderDown(True)  # the press (QSlider does this on a click on its handle)
    assert lab.live_quality.live  # curves aliased, labels held: the first move does not pay for it too
    lab.controls.alpha.setSliderDown(False)
    assert not lab.live_quality.live


def test_permutation_reveal_holds_its_readout_at_one_size_and_lets_go_at_the_end(lab, qtbot):
    import dataclasses

    from PySide6 import QtCore, QtWidgets

    lab.set_state(dataclasses.replace(lab.state(), perm_resamples=20_000))
    lab.tabs.setCurrentIndex(1)
    play, label = lab.permutation, lab.controls.perm_label
    qtbot.waitUntil(lambda: play.result is not None and play.timer.isActive(), timeout=20_000)
    play.timer.stop()  # frames driven one by one below
    held = label.size()
    assert label.minimumSize() == label.maximumSize() == held  # fixed while the reveal plays …
    probe = QtWidgets.QLabel()
    probe.setWordWrap(True)
    probe.setFont(label.font())
    probe.setText(label.text().replace(f"after {play.done} of", "after 20000 of"))
    assert probe.heightForWidth(held.width()) <= held.height()  # … tall enough for the last frame's numbers

    class LayoutRequests(QtCore.QObject):
        count = 0

        def eventFilter(self, obj, event) -> bool:
            if event.type() == QtCore.QEvent.Type.LayoutRequest and obj is lab.controls:
                self.count += 1
            return False

    requests = LayoutRequests()
    for _ in range(5):
        QtWidgets.QApplication.processEvents()
    QtWidgets.QApplication.instance().installEventFilter(requests)
    try:
        before = label.text()
        for _ in range(5):
            play.tick()
            QtWidgets.QApplication.processEvents()
        assert label.text() != before
        assert requests.count == 0  # a new text per frame re-lays out nothing up the control column
    finally:
        QtWidgets.QApplication.instance().removeEventFilter(requests)
    play.reveal_all()  # the end: the label takes its own size again, with the final text
    assert label.maximumSize() == QtCore.QSize(16777215, 16777215)
    assert "after 20000 of 20000" in label.text()


def test_fill_items_draw_the_same_legend_swatch_and_area_as_plot_data_items(lab):
    """The shaded areas are plain PlotCurveItems (a PlotDataItem's setData costs several times more per step):
    their legend swatches and fills are the ones the PlotDataItems drew."""
    import pyqtgraph as pg

    from tests.gui.helpers import legend_swatch

    image = legend_swatch

    view = lab.power_view
    for item in (view.beta_fill, view.power_fill, *view.alpha_fills, *lab.null_view.reject_fills,
                 *lab.null_view.p_fills):  # fmt: skip
        assert isinstance(item, pg.PlotCurveItem)
        twin = pg.PlotDataItem(pen=pg.mkPen(None), fillLevel=0.0, brush=item.opts["brush"], antialias=False)
        assert image(item) == image(twin)
    x, y = view.power_fill.getData()
    assert np.isnan(x).any() == (len(lab.results.get(lab.state()).power_picture.critical) > 1)  # pieces by NaN gaps
    assert view.power_fill.opts["connect"] == "finite"
