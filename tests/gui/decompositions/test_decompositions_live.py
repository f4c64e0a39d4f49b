"""What a drag or a slider step of the Decompositions lab redraws: the cheap frame path (issue 13), same final look."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from gui.labs.decompositions.readout import Readout
from tests.gui.helpers import prepare_view, view_to_widget


def _lab(lab_window, tab: str):
    win = lab_window("decompositions")
    lab = win.show_lab("decompositions")
    lab.set_state(replace(lab.state_type(), tab=tab))
    win.undo_stack.clear()
    return win, lab


class _Counter(QtCore.QObject):
    """Counts events of one type that ``widget`` receives."""

    def __init__(self, widget: QtWidgets.QWidget, kind: QtCore.QEvent.Type) -> None:
        super().__init__(widget)
        self.kind, self.count, self.on = kind, 0, False
        widget.installEventFilter(self)

    def eventFilter(self, _obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if self.on and event.type() == self.kind:
            self.count += 1
        return False


def _mouse(view, kind: QtCore.QEvent.Type, xy: tuple[float, float], buttons: QtCore.Qt.MouseButton) -> None:
    """One real mouse event on ``view``'s viewport at data point ``xy``, delivered now (no event processing)."""
    vp = view.viewport()
    pos = QtCore.QPointF(view_to_widget(view, *xy))
    left = QtCore.Qt.MouseButton.LeftButton
    button = QtCore.Qt.MouseButton.NoButton if kind == QtCore.QEvent.Type.MouseMove else left
    event = QtGui.QMouseEvent(kind, pos, QtCore.QPointF(vp.mapToGlobal(pos.toPoint())), button, buttons,
                              QtCore.Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QtWidgets.QApplication.sendEvent(vp, event)


def _drag(view, path: list[tuple[float, float]], counters=(), between=lambda: None) -> None:
    """Press at ``path[0]``, move through the rest (``between()`` after each move), release at the end; the
    ``counters`` count the moves' events only (from after the press to before the release)."""
    prepare_view(view)
    QtWidgets.QApplication.processEvents()
    ev, left, none = QtCore.QEvent.Type, QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.NoButton
    _mouse(view, ev.MouseMove, path[0], none)
    _mouse(view, ev.MouseButtonPress, path[0], left)
    QtWidgets.QApplication.processEvents()
    for counter in counters:
        counter.count, counter.on = 0, True
    for xy in path[1:]:
        _mouse(view, ev.MouseMove, xy, left)
        between()
        QtWidgets.QApplication.processEvents()
    for counter in counters:
        counter.on = False
    _mouse(view, ev.MouseButtonRelease, path[-1], none)
    QtWidgets.QApplication.processEvents()


def test_a_readout_shows_the_newest_live_text_once_and_at_once_when_flushed(qtbot):
    label = Readout("results")
    qtbot.addWidget(label)
    written: list[str] = []
    label.label.setText = lambda text: (written.append(text), QtWidgets.QLabel.setText(label.label, text))
    asked: list[int] = []
    for i in range(5):
        label.show_live(lambda i=i: (asked.append(i), f"step {i}")[1], live=True)
    assert written == [] and label.pending()  # nothing laid out during the gesture's frames
    qtbot.waitUntil(lambda: not label.pending(), timeout=2000)  # at most LIVE_MS later, by itself
    assert written == ["step 4"] and asked == [4]  # only the newest text is even built
    label.show_live(lambda: "moved", live=True)
    label.flush()  # the gesture ends: the final text now, not a frame later
    assert label.text() == "moved" and not label.pending()
    label.show_live(lambda: "typed", live=False)
    assert label.text() == "typed"


def test_a_point_drag_holds_the_readouts_and_the_column_still_and_releases_the_exact_ones(qtbot, lab_window):
    _win, lab = _lab(lab_window, "least_squares")
    page = lab.least_squares
    before = page.readout.text()
    corner = page.tri_r.tip()
    plane_width = page.plane.width()
    column = page.readout.parentWidget()
    layouts = _Counter(column, QtCore.QEvent.Type.LayoutRequest)
    states = []
    path = [(3.0, 3.0), *[(3.0 - 0.25 * i, 3.0 - 0.4 * i) for i in range(1, 13)]]

    def after_move() -> None:
        states.append(lab.state())
        if len(states) == 1:  # the fit moved at once, its rich-text readout waits for its 10 Hz turn
            assert lab.state().points[-1] != (3.0, 3.0) and page.readout.text() == before
            assert page.readout.pending()
            assert page.tri_r.tip() == corner and page.triangle_catch_up.pending()  # the b = Ax* + r triangle too

    _drag(page.plane, path, [layouts], after_move)
    assert len(set(states)) > 10
    # one for LiveQuality holding the labels at their size at the first move; the point box's range was set again
    # on every move: a re-layout of the column each
    assert layouts.count <= 1
    final = lab.state()
    assert not page.readout.pending()
    assert page.readout.text() == page.readout_text(final, lab.results.get(final))  # exact on release
    nb, n_ax, nr = lab.results.get(final).fit.triangle
    assert not page.triangle_catch_up.pending()
    assert page.tri_r.tip() == (n_ax / nb, nr / nb) and page.tri_b.tip() == (n_ax / nb, nr / nb)
    QtWidgets.QApplication.processEvents()
    assert page.plane.width() == plane_width  # the side column keeps its width (the bench's window saw +14 px a drag)


def test_a_node_drag_redraws_neither_the_power_iteration_plot_nor_the_column(qtbot, lab_window):
    _win, lab = _lab(lab_window, "markov")
    page = lab.markov
    QtWidgets.QApplication.processEvents()
    calls = []
    page.error_curve.setData = lambda *a, **k: calls.append(a)
    paints = _Counter(page.convergence.viewport(), QtCore.QEvent.Type.Paint)
    layouts = _Counter(page.readout.parentWidget(), QtCore.QEvent.Type.LayoutRequest)
    path = [(2.0, 0.5), *[(2.0 + 0.1 * i, 0.5 - 0.25 * i) for i in range(1, 9)]]
    _drag(page.plane, path, [paints, layouts])
    assert lab.state().nodes[1] != (2.0, 0.5)
    assert calls == [] and paints.count == 0  # moving a node leaves the chain, so its error curve, alone
    assert layouts.count <= 1  # (the labels held at their size) the edge boxes' ranges were set again every move
    page.src.setValue(0)
    page.dst.setValue(3)
    qtbot.mouseClick(page.toggle_edge, QtCore.Qt.MouseButton.LeftButton)  # a new chain: a new curve
    err = lab.results.get(lab.state()).markov.power_error
    assert len(calls) == 1
    np.testing.assert_allclose(calls[0][1], np.log10(np.maximum(err, 1e-16)))


def _image_page(qtbot, lab_window):
    win, lab = _lab(lab_window, "lowrank")
    if lab.lowrank.svd is None:
        with qtbot.waitSignal(lab.lowrank.svd_ready, timeout=30_000):
            pass
    QtWidgets.QApplication.processEvents()
    return win, lab, lab.lowrank


def test_rank_steps_by_key_neither_re_lay_out_the_pictures_nor_switch_the_live_look(qtbot, lab_window):
    win, lab, page = _image_page(qtbot, lab_window)
    slider = page.k_slider.slider
    slider.setFocus()
    slider.setValue(19)  # k = 20: the steps below keep two digits
    for key in [QtCore.Qt.Key.Key_Up] * 5 + [QtCore.Qt.Key.Key_Down] * 5:  # every title width seen once
        qtbot.keyClick(slider, key)
    for _ in range(3):  # the warm-up's one layout pass may arrive a pass of the event loop late: not a step's
        QtWidgets.QApplication.processEvents()
    layouts = _Counter(page.view.ci, QtCore.QEvent.Type.LayoutRequest)
    layouts.on = True
    began = []
    begin = lab.live_quality.begin
    lab.live_quality.begin = lambda: (began.append(1), begin())
    start = win.undo_stack.count()
    for _ in range(5):
        qtbot.keyClick(slider, QtCore.Qt.Key.Key_Up)
        QtWidgets.QApplication.processEvents()
    assert lab.state().rank_k == 25 and win.undo_stack.count() == start + 5  # five steps, five undo steps
    assert page.titles[1].text == "rank 25"
    assert layouts.count == 0  # a new title text re-laid out both pictures and the spectrum plot
    assert began == []  # a key step is no gesture: the labels were frozen and released again on each one
    cell = page.titles[1].mapRectToScene(page.titles[1].boundingRect())
    text = page.titles[1].item.mapRectToScene(page.titles[1].item.boundingRect())
    assert abs(cell.center().x() - text.center().x()) < 1.0  # still centred over its picture


def test_the_shown_rank_k_picture_is_the_truncated_svd_after_many_steps(qtbot, lab_window):
    from engine import decomp as D
    from gui.labs.decompositions.lowrank_page import to_pixels

    _win, lab, page = _image_page(qtbot, lab_window)
    rng = np.random.default_rng(3)
    ks = [int(k) for k in rng.integers(1, len(page.svd.s) + 1, size=60)]
    ks += [200, 210, 205, 1, 2, len(page.svd.s), len(page.svd.s) - 3]  # small steps, both ends
    for k in ks:
        page.k_slider.slider.setValue(k - 1)
        want = D.low_rank(page.svd, k).image
        assert page.current.k == k
        np.testing.assert_allclose(page.current.image, want, atol=1e-5)  # float32, but no drift from step to step
        shown = page.images[1][1].image.astype(int)
        off = np.abs(shown - to_pixels(want))
        assert off.max() <= 1 and np.count_nonzero(off) <= 1e-3 * off.size  # 8-bit pixels as float64 gives them


def test_a_readout_of_the_same_shape_leaves_its_column_alone_and_a_new_shape_lays_it_out_as_a_label_would(qtbot):
    column = QtWidgets.QWidget()
    qtbot.addWidget(column)
    lay = QtWidgets.QVBoxLayout(column)
    readout, plain = Readout("results"), QtWidgets.QLabel()
    plain.setWordWrap(True)
    plain.setTextFormat(QtCore.Qt.TextFormat.RichText)
    lay.addWidget(readout)
    lay.addWidget(plain)
    lay.addStretch(1)
    column.resize(300, 600)
    column.show()
    text = "<b>k = {0}</b>: stores {0}0 numbers<br>Relative error 0.{0} % — no rank-{0} image is closer"
    readout.show_text(text.format(10))
    for _ in range(3):  # the first text's layout runs one level per pass
        QtWidgets.QApplication.processEvents()
    layouts = _Counter(column, QtCore.QEvent.Type.LayoutRequest)
    layouts.on = True
    for k in range(11, 20):  # a slider's steps: new numbers, the same lines
        readout.show_text(text.format(k))
        QtWidgets.QApplication.processEvents()
    assert layouts.count == 0 and readout.text() == text.format(19)
    longer = "<br>".join([text.format(20)] * 3)  # more lines: the column makes room, exactly as for a plain label
    readout.show_text(longer)
    plain.setText(longer)
    for _ in range(3):
        QtWidgets.QApplication.processEvents()
    assert layouts.count >= 1
    assert readout.height() == plain.height() == plain.heightForWidth(plain.width())
    assert readout.width() == plain.width()
    assert readout.label.geometry() == readout.rect()
