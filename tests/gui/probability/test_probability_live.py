"""What a drag on the events square repaints and writes per move, and what its release shows."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from engine import prob as P
from tests.gui.helpers import prepare_view, view_to_widget


def _events_lab(lab_window, **changes):
    win = lab_window("probability")
    lab = win.show_lab("probability")
    lab.set_state(replace(P.ProbabilityState(), **changes))
    QtWidgets.QApplication.processEvents()
    return win, lab


def test_the_readouts_catch_up_during_a_drag_and_show_the_release_at_once(qtbot, lab_window):
    _win, lab = _events_lab(lab_window, snap=False)
    square, readouts = lab.square, lab.events_tab.readouts
    before = readouts.exact["p_b"].text()
    prepare_view(square)
    vp = square.viewport()
    qtbot.mouseMove(vp, view_to_widget(square, 0.7, 0.35))
    qtbot.mousePress(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(square, 0.7, 0.35))
    for x in (0.68, 0.66, 0.64):
        qtbot.mouseMove(vp, view_to_widget(square, x, 0.45))  # up and left: B's area changes at the edge
    assert lab.state().event_b != P.ProbabilityState().event_b
    assert lab.square.events["b"].rect() == lab.state().event_b  # the square follows every move …
    assert readouts.exact["p_b"].text() == before and lab.events_tab.catch_up.pending()  # … the column at 10 Hz
    qtbot.mouseRelease(vp, QtCore.Qt.MouseButton.LeftButton, pos=view_to_widget(square, 0.64, 0.45))
    assert not lab.events_tab.catch_up.pending()
    fresh = P.derive(lab.state())
    assert readouts.exact["p_a_given_b"].text().startswith(f"{fresh.events.p_a_given_b:.4f}")


def test_the_overlap_outline_is_bounded_by_its_pen_in_pixels(lab_window):
    """Qt's rectangle item grew its bounds by the pen's width in data units: the whole plot repainted per move."""
    _win, lab = _events_lab(lab_window)
    square = lab.square
    item = square.overlap
    assert item.isVisible()
    bounds = square.mapFromScene(item.sceneBoundingRect()).boundingRect()
    drawn = square.mapFromScene(item.mapRectToScene(item.rect())).boundingRect()
    assert bounds.width() <= drawn.width() + 12 and bounds.height() <= drawn.height() + 12


def test_moving_b_repaints_the_points_near_it_not_the_whole_square(qtbot, lab_window, monkeypatch):
    _win, lab = _events_lab(lab_window, snap=False, show_points=True, n_trials=1_000_000)
    cloud = lab.square.points
    exposed: list[QtCore.QRectF] = []
    paint = type(cloud).paint

    def record(item, p, opt, *args):
        exposed.append(QtCore.QRectF(opt.exposedRect))
        return paint(item, p, opt, *args)

    qtbot.waitExposed(lab.square)
    QtWidgets.QApplication.processEvents()
    monkeypatch.setattr(type(cloud), "paint", record)
    lab.preview(replace(lab.state(), event_b=(0.42, 0.1, 0.4, 0.5)))  # B 0.02 to the right
    qtbot.waitUntil(lambda: bool(exposed))
    lab.commit("test")
    # old code: the whole square (1 × 1) on every move; now B's old and new place (0.42 × 0.5) and a few pixels
    assert all(r.width() < 0.5 and r.height() < 0.6 for r in exposed), exposed


def test_a_held_bayes_slider_moves_the_pictures_and_the_words_catch_up(qtbot, lab_window):
    _win, lab = _events_lab(lab_window, tab="bayes")
    tab = lab.bayes_tab
    slider = tab.sliders["prevalence"].slider
    before = tab.posterior.text()
    codes = tab.icons._codes
    slider.setSliderDown(True)  # as a mouse holding the handle
    slider.setValue(slider.value() + 40)
    assert lab.state().prevalence != P.ProbabilityState().prevalence
    assert tab.icons._codes != codes  # the icon array follows every step …
    assert tab.posterior.text() == before and tab.catch_up.pending()  # … the sentences at 10 Hz
    slider.setSliderDown(False)  # emits sliderReleased: the release commits
    assert not tab.catch_up.pending()
    assert f"{P.derive(lab.state()).first.posterior:.4f}" in tab.posterior.text()


def test_a_keystroke_that_leaves_the_known_words_alone_leaves_the_bars_alone(qtbot, lab_window, monkeypatch):
    _win, lab = _events_lab(lab_window, tab="naive_bayes", message="")
    tab = lab.nb_tab
    set_opts = []
    original = tab.bars.bars.setOpts
    monkeypatch.setattr(tab.bars.bars, "setOpts", lambda **k: (set_opts.append(1), original(**k)))
    tab.message.setFocus()
    qtbot.keyClicks(tab.message, "free zq")
    n = len(set_opts)
    assert n >= 1
    qtbot.keyClicks(tab.message, "xw")  # "zq" → "zqxw": still no word the corpus knows
    assert len(set_opts) == n and tab.message.text() == "free zqxw"
    qtbot.keyClicks(tab.message, " prize")
    assert len(set_opts) > n and sorted(tab.bars.shown_labels()) == ["free", "prize"]


def test_word_bars_keep_their_rows_and_step_their_range_while_typing(qtbot, lab_window):
    """The biggest push sits on the top row, the rest under it; the horizontal range is a nice span that holds the
    longest bar and moves only when a bar outgrows it (not on every word)."""
    from gui.labs.probability.naive_bayes_tab import MAX_BARS, nice_span

    assert [nice_span(x) for x in (0.3, 1.0, 1.2, 2.9, 4.0, 6.1, 7.6, 0.0, float("nan"))] == pytest.approx(
        [0.3, 1.0, 1.5, 3.0, 5.0, 7.5, 10.0, 1.0, 1.0]
    )
    _win, lab = _events_lab(lab_window, tab="naive_bayes", message="")
    tab = lab.nb_tab
    view = tab.bars.getPlotItem().getViewBox()
    tab.message.setFocus()
    qtbot.keyClicks(tab.message, "free prize")
    widths = np.asarray(tab.bars.bars.opts["width"])
    rows = np.asarray(tab.bars.bars.opts["y"])
    assert list(rows) == [MAX_BARS - 2, MAX_BARS - 1] and abs(widths[-1]) >= abs(widths[0])  # biggest on top
    span = nice_span(float(np.max(np.abs(widths))))
    x0, x1 = view.viewRange()[0]
    assert x1 >= span * 1.1 - 1e-9 and x0 <= -span * 1.1 + 1e-9 and x1 < span * 1.5
    changes = []
    view.sigXRangeChanged.connect(lambda *_: changes.append(1))
    qtbot.keyClicks(tab.message, " call now")
    widths = np.asarray(tab.bars.bars.opts["width"])
    assert len(widths) == 4 and list(tab.bars.bars.opts["y"]) == list(range(MAX_BARS - 4, MAX_BARS))
    assert bool(changes) == (nice_span(float(np.max(np.abs(widths)))) != span)
    pad = 0.02 * (MAX_BARS + 0.2)  # (pyqtgraph pads each side by 2 % of the range)
    assert view.viewRange()[1] == pytest.approx([-0.6 - pad, MAX_BARS - 0.4 + pad])  # the rows never moved


def test_a_keystroke_rewrites_only_the_word_table_cells_whose_text_changed(qtbot, lab_window, monkeypatch):
    """A key that leaves the known words alone writes no cell (~53 cell writes a keystroke before), a new word writes
    the cells that changed, and the table shows the message's known words."""
    _win, lab = _events_lab(lab_window, tab="naive_bayes", message="")
    tab, table = lab.nb_tab, lab.nb_tab.table
    tab.message.setFocus()
    qtbot.keyClicks(tab.message, "free zq")
    writes = []
    original = QtWidgets.QTableWidgetItem.setText
    monkeypatch.setattr(QtWidgets.QTableWidgetItem, "setText", lambda item, t: (writes.append(t), original(item, t)))
    qtbot.keyClicks(tab.message, "xw")  # "zqxw": still no word the corpus knows
    assert writes == []
    qtbot.keyClicks(tab.message, " prize")
    assert "prize" in writes and len(writes) < 2 * 6 * len(" prize")
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == list(P.derive(lab.state()).score.words)


def test_the_overlap_bounds_follow_a_resize_of_the_plot(lab_window, qtbot):
    _win, lab = _events_lab(lab_window)
    square, item = lab.square, lab.square.overlap
    before = square.mapFromScene(item.sceneBoundingRect()).boundingRect()
    square.resize(square.width() - 100, square.height() - 100)
    qtbot.waitUntil(lambda: square.mapFromScene(item.sceneBoundingRect()).boundingRect() != before)
    bounds = square.mapFromScene(item.sceneBoundingRect()).boundingRect()
    drawn = square.mapFromScene(item.mapRectToScene(item.rect())).boundingRect()
    assert drawn.width() + 2 <= bounds.width() <= drawn.width() + 12


def test_the_icon_array_is_one_cell_per_person_with_gaps(lab_window):
    """Each person is a CELL_PX − 1 square in their colour, the sick first from the top left; gaps are background."""
    from gui.labs.probability.bayes_tab import CELL_PX

    _win, lab = _events_lab(lab_window, tab="bayes")
    icons = lab.bayes_tab.icons
    image = icons.image.image  # rows from the bottom of the picture
    _xy, codes = P.derive(lab.state()).icons
    top = image[::-1]
    assert image.shape == (25 * CELL_PX, 40 * CELL_PX, 4), image.shape
    for person in (0, 1, 39, 40, int(codes[:-1].argmax()), 500, 999):  # corners, the first group boundary
        row, col = divmod(person, 40)
        block = top[row * CELL_PX : (row + 1) * CELL_PX, col * CELL_PX : (col + 1) * CELL_PX]
        code = int(codes[person])
        assert (block[: CELL_PX - 1, : CELL_PX - 1] == icons._rgba[code]).all()
        assert (block[CELL_PX - 1, :] == icons._rgba[4]).all() and (block[:, CELL_PX - 1] == icons._rgba[4]).all()
