"""Decompositions lab driven with real mouse and keyboard events: point drags, the rank slider, matrix cells, graphs."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from engine import decomp as D
from tests.gui.helpers import drag_in_view


def _lab(lab_window, tab: str = "least_squares"):
    """The window on the lab in its opening state (on ``tab``) with an empty undo history."""
    win = lab_window("decompositions")
    lab = win.show_lab("decompositions")
    lab.set_state(replace(lab.state_type(), tab=tab))
    win.undo_stack.clear()
    return win, lab


def test_dragging_a_point_moves_the_fit_and_the_residuals_and_undo_restores_them(qtbot, lab_window):
    win, lab = _lab(lab_window)
    page = lab.least_squares
    before_text = page.readout.text()
    before_res = page.residuals.getData()[1].copy()
    before_r = page.tri_r.tip()
    drag_in_view(qtbot, page.plane, (3.0, 3.0), (3.0, -3.0), steps=12)
    pts = np.array(lab.state().points)
    assert pts[-1, 0] == pytest.approx(3.0, abs=0.1) and pts[-1, 1] == pytest.approx(-3.0, abs=0.1)
    want = np.linalg.lstsq(np.vander(pts[:, 0], 2, increasing=True), pts[:, 1], rcond=None)[0]
    fit = lab.results.get(lab.state()).fit
    np.testing.assert_allclose(fit.coef, want, atol=1e-12)
    assert f"x* = ({want[0]:.4g}".replace("-", "−") in page.readout.text()
    assert page.readout.text() != before_text
    assert not np.allclose(page.residuals.getData()[1], before_res)
    assert page.tri_r.tip()[1] > before_r[1]  # a longer residual: the right triangle's upright side grows
    seg_y = page.residuals.getData()[1]
    np.testing.assert_allclose(seg_y[1::2], pts[:, 0] * want[1] + want[0], atol=1e-9)  # ends on the fitted line
    assert win.undo_stack.count() == 1 and win.undo_stack.text(0) == "Drag point"
    win.undo_stack.undo()
    assert lab.state().points == D.DEFAULT_POINTS
    assert page.readout.text() == before_text


def test_keyboard_editing_adds_moves_and_removes_points(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    page = lab.least_squares
    qtbot.mouseClick(page.add_button, QtCore.Qt.MouseButton.LeftButton)
    assert len(lab.state().points) == 8 and page.which.value() == 7
    page.xy[1].setFocus()
    page.xy[1].selectAll()
    qtbot.keyClicks(page.xy[1], "4.5")
    qtbot.keyClick(page.xy[1], QtCore.Qt.Key.Key_Return)
    assert lab.state().points[7][1] == 4.5
    for _ in range(8):
        qtbot.mouseClick(page.remove_button, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().points == ()
    assert "No points" in page.message.text()
    assert lab.describe() == "Least squares: no points."


def test_two_points_with_the_same_x_name_the_degenerate_fit(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    lab.edit(replace(lab.state(), points=((1.0, 0.0), (1.0, 2.0))), "test")
    assert "not unique" in lab.least_squares.message.text()
    assert "nan" not in lab.least_squares.readout.text().lower()


def _wait_for_image(qtbot, lab) -> None:
    if lab.lowrank.svd is None:
        with qtbot.waitSignal(lab.lowrank.svd_ready, timeout=30_000):
            pass


def test_the_rank_slider_shows_the_error_equal_to_the_discarded_spectrum(qtbot, lab_window):
    win, lab = _lab(lab_window, "lowrank")
    _wait_for_image(qtbot, lab)
    page = lab.lowrank
    slider = page.k_slider.slider
    slider.setFocus()
    start = lab.state().rank_k
    qtbot.keyClick(slider, QtCore.Qt.Key.Key_PageUp)  # a page is 10 ticks
    k = lab.state().rank_k
    assert k > start
    s = page.svd.s
    discarded = float(np.sqrt(np.sum(s[k:] ** 2)))
    rebuilt = page.current.image  # built step by step from the previous k: still the truncated SVD
    assert float(np.linalg.norm(page.original - rebuilt)) == pytest.approx(discarded, rel=1e-6)
    np.testing.assert_array_equal(page.images[1][1].image, np.clip(np.rint(rebuilt * 255), 0, 255).astype(np.uint8))
    assert f"= {discarded:.5g}" in page.readout.text()
    assert f"<b>k = {k}</b>" in page.readout.text()
    kept = page.kept.getData()[0]
    assert len(kept) == k
    assert f"Rank-{k} image" in lab.describe()


def test_the_spectrum_is_drawn_as_two_log_scale_curves_would_draw_it(qtbot, lab_window):
    """The kept and discarded singular values are slices of the spectrum mapped to the log scale once per picture; the
    plot shows the pixels (and the range) of two PlotDataItems given σ₁…σ_k and σ_k+1…σ_r on the log-scale plot —
    the discarded ones stroked in the batches of the whole spectrum (QPainter strokes 16 lines at a time,
    span_curve.py), as two PlotDataItems split at the first multiple of 16 from k draw them."""
    import pyqtgraph as pg

    from gui import theme

    win, lab = _lab(lab_window, "lowrank")
    _wait_for_image(qtbot, lab)
    page = lab.lowrank
    plot, vb = page.spectrum_plot, page.spectrum_plot.getViewBox()
    s = page.svd.s
    idx, floor = np.arange(1, len(s) + 1), max(float(s[0]) * 1e-12, 1e-300)
    ref = (
        pg.PlotDataItem([], [], pen=theme.pen("blue", 1.4)),
        pg.PlotDataItem([], [], pen=theme.pen("grey", 1.0)),
        pg.PlotDataItem([], [], pen=theme.pen("grey", 1.0)),
    )
    for item in ref:
        plot.addItem(item)
    page.k_line.hide()  # drawn over the curves, before the references: left out of both pictures
    for k in (1, 2, 16, 37, 300, len(s) - 1, len(s)):
        lab.set_state(replace(lab.state(), rank_k=k))
        assert np.shares_memory(page.kept.getData()[1], page._spectrum[1])  # a slice: nothing mapped per step
        assert len(page.kept.getData()[0]) == k and len(page.dropped.getData()[0]) == len(s) - k
        for item in ref:
            item.setData([], [])
        page.kept.show(), page.dropped.show()
        QtWidgets.QApplication.processEvents()
        shown, shown_range = page.view.grab().toImage(), vb.viewRange()
        page.kept.hide(), page.dropped.hide()
        ref[0].setData(idx[:k], np.maximum(s[:k], floor))
        edge = -(-k // 16) * 16  # segment j joins points j and j + 1: the first batch of the discarded ones ends here
        ref[1].setData(idx[k : edge + 1], np.maximum(s[k : edge + 1], floor))
        ref[2].setData(idx[edge:], np.maximum(s[edge:], floor))
        QtWidgets.QApplication.processEvents()
        assert page.view.grab().toImage() == shown, k
        assert vb.viewRange() == shown_range, k


def _backing_store(win, widget) -> np.ndarray:
    """What the window shows of ``widget`` now: its backing store, painted step by step (not a fresh full paint)."""
    from PySide6 import QtGui

    for _ in range(4):  # a range change repaints its axes a pass later
        QtWidgets.QApplication.processEvents()
    at = widget.mapTo(win, QtCore.QPoint(0, 0))
    shot = QtWidgets.QApplication.primaryScreen().grabWindow(win.winId(), at.x(), at.y(), widget.width(),
                                                              widget.height()).toImage()  # fmt: skip
    shot = shot.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    return np.frombuffer(shot.constBits(), np.uint8, shot.sizeInBytes()).reshape(shot.height(), -1).copy()


def test_a_rank_step_repaints_only_where_the_spectrum_changed_and_the_plot_is_the_one_painted_afresh(qtbot, lab_window):
    """A rank step repaints the strip of segments that changed colour (span_curve.py); after steps up, down, across
    the whole spectrum and to both ends, what the window shows is the picture a full paint of the view gives."""
    win, lab = _lab(lab_window, "lowrank")
    _wait_for_image(qtbot, lab)
    page = lab.lowrank
    r = len(page.svd.s)
    for k in (5, 37, 36, 300, 299, r - 1, r, 1, 2, 200, 17, 480):
        page.k_slider.slider.setValue(k - 1)
        shown = _backing_store(win, page.view)
        grab = page.view.grab().toImage()
        painted = np.frombuffer(grab.constBits(), np.uint8, grab.sizeInBytes()).reshape(grab.height(), -1)
        assert shown.shape == painted.shape and np.array_equal(shown, painted), k
        assert page.kept.span() == (0, k) and page.dropped.span() == (k, r)


def test_a_readout_measures_a_text_shape_once_and_gives_what_measuring_gives(qtbot):
    """The readout keeps its layout answers per shape of its text (digits as 0): for every rank-slider text, at two
    widths, the kept answer is what measuring the label gives."""
    from gui.labs.decompositions.readout import Readout, tabular_digits

    box = Readout("results")
    qtbot.addWidget(box)
    box.resize(300, 200)
    box.show()
    assert tabular_digits(box.label.font())  # the test font; otherwise every text is measured (nothing kept)
    text = "<b>k = {0}</b>: stores {1} numbers instead of 262144 ({2} %)<br>Relative error {3} % — rank-{0} is best"
    for width in (300, 217):
        box.resize(width, 200)
        for k in range(1, 513, 3):
            box.show_text(text.format(k, 1025 * k, f"{100 * 1025 * k / 262144:.3g}", f"{50 / k:.3g}"))
            assert box._measure() == box._measure_now(), (width, k)
            for w in (width, 150):
                assert box.heightForWidth(w) == box.label.heightForWidth(w), (w, k)
    assert len(box._shapes) < 200  # kept per shape, not per text


@pytest.mark.parametrize("size", [None, (301, 203)])  # the bundled 512 × 512 picture; an odd width of one's own
def test_the_pictures_show_the_pixels_pyqtgraph_would_and_a_rank_step_builds_no_colour_table(
    qtbot, lab_window, tmp_path, monkeypatch, size
):
    import pyqtgraph as pg
    from PySide6 import QtGui

    win, lab = _lab(lab_window, "lowrank")
    _wait_for_image(qtbot, lab)
    page = lab.lowrank
    if size is not None:
        w, h = size
        pixels = (np.random.default_rng(1).random((h, w)) * 255).astype(np.uint8)
        path = tmp_path / "odd.png"
        assert QtGui.QImage(pixels.tobytes(), w, h, w, QtGui.QImage.Format.Format_Grayscale8).save(str(path))
        with qtbot.waitSignal(page.svd_ready, timeout=30_000):
            assert page.load_image(str(path))
    QtWidgets.QApplication.processEvents()
    colours = []
    real_rgb = QtGui.qRgb

    def counted(*rgb):
        colours.append(rgb)
        return real_rgb(*rgb)

    for qtgui in {id(QtGui): QtGui, id(pg.Qt.QtGui): pg.Qt.QtGui}.values():  # pyqtgraph's QtGui is its own module
        monkeypatch.setattr(qtgui, "qRgb", counted)
    for k in (1, 7, 150):
        lab.set_state(replace(lab.state(), rank_k=k))
        page.view.grab()  # painted: the new picture made into a QImage
    assert page.images[1][1].image.shape == page.original.shape
    assert colours == []  # a new picture gets the ready-made colour table (pyqtgraph built 256 colours a picture) …
    monkeypatch.undo()
    for box, item in page.images:
        reference = pg.ImageItem(axisOrder="row-major")  # … and the pixels pyqtgraph's own item shows
        box.addItem(reference)
        reference.hide()
        QtWidgets.QApplication.processEvents()
        shown = page.view.grab().toImage()
        reference.setImage(item.image, levels=(0, 255))
        item.hide(), reference.show()
        QtWidgets.QApplication.processEvents()
        assert page.view.grab().toImage() == shown
        item.show(), box.removeItem(reference)


def test_opening_a_bad_image_keeps_the_last_one_and_says_why(qtbot, lab_window, tmp_path):
    _win, lab = _lab(lab_window, "lowrank")
    _wait_for_image(qtbot, lab)
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"not a png at all")
    assert not lab.lowrank.load_image(str(bad))
    assert "Cannot open" in lab.lowrank.message.text()
    assert lab.lowrank.svd is not None and lab.lowrank.original.shape == (512, 512)


def test_opening_a_png_decomposes_it(qtbot, lab_window, tmp_path):
    _win, lab = _lab(lab_window, "lowrank")
    _wait_for_image(qtbot, lab)
    from PySide6 import QtGui

    image = QtGui.QImage(60, 40, QtGui.QImage.Format.Format_Grayscale8)
    image.fill(QtGui.QColor(128, 128, 128))
    path = tmp_path / "grey.png"
    assert image.save(str(path))
    with qtbot.waitSignal(lab.lowrank.svd_ready, timeout=30_000):
        assert lab.lowrank.load_image(str(path))
    assert lab.lowrank.original.shape == (40, 60)
    assert lab.lowrank.svd.s[1] == pytest.approx(0.0, abs=1e-9)  # a flat grey image has rank 1
    assert "grey.png" in lab.lowrank.readout.text()


def test_opening_a_large_colour_jpeg_scales_it_and_the_error_is_the_discarded_spectrum(qtbot, lab_window, tmp_path):
    from PySide6 import QtGui

    _win, lab = _lab(lab_window, "lowrank")
    _wait_for_image(qtbot, lab)
    image = QtGui.QImage(1000, 300, QtGui.QImage.Format.Format_RGB32)
    for x in range(1000):
        for y in range(0, 300, 3):
            image.setPixelColor(x, y, QtGui.QColor((x // 4) % 256, (y * 3 + x) % 256, 60))
            image.setPixelColor(x, y + 1, QtGui.QColor(200, (x * y) % 256, (x + 2 * y) % 256))
            image.setPixelColor(x, y + 2, QtGui.QColor(30, 90, (x * 7) % 256))
    path = tmp_path / "photo.jpg"
    assert image.save(str(path), "JPG", 90)
    with qtbot.waitSignal(lab.lowrank.svd_ready, timeout=30_000):
        assert lab.lowrank.load_image(str(path))
    page = lab.lowrank
    rows, cols = page.original.shape
    assert cols == 512 and abs(rows - 300 * 512 / 1000) < 1  # the longer side scaled to 512, the aspect kept
    assert page.original.min() >= 0.0 and page.original.max() <= 1.0
    np.testing.assert_allclose(page.svd.s, np.linalg.svd(page.original, compute_uv=False), rtol=1e-9, atol=1e-9)
    slider = page.k_slider.slider
    slider.setFocus()
    qtbot.keyClick(slider, QtCore.Qt.Key.Key_PageUp)
    k = lab.state().rank_k
    discarded = float(np.sqrt(np.sum(page.svd.s[k:] ** 2)))
    assert float(np.linalg.norm(page.original - page.current.image)) == pytest.approx(discarded, rel=1e-6)
    assert f"= {discarded:.5g}" in page.readout.text() and "photo.jpg" in page.readout.text()


def test_typing_a_matrix_cell_updates_the_singular_values(qtbot, lab_window):
    win, lab = _lab(lab_window, "svd")
    table = lab.svd.table
    rect = table.visualItemRect(table.item(1, 0))
    qtbot.mouseClick(table.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, "4")
    editor = [e for e in table.viewport().findChildren(QtWidgets.QLineEdit) if e.isVisible()][0]
    qtbot.keyClick(editor, QtCore.Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lab.state().svd_matrix[1][0] == 4.0)
    want = np.linalg.svd(np.array([[2.0, 1.0], [4.0, 2.0]]), compute_uv=False)
    assert lab.results.get(lab.state()).svd.rank == 1
    assert "singular" in lab.svd.message.text()
    assert f"σ = ({want[0]:.4g}, 0)" in lab.svd.readout.text()


def test_switching_to_three_by_three_and_describing_it(qtbot, lab_window):
    _win, lab = _lab(lab_window, "svd")
    lab.svd.size.setFocus()
    qtbot.keyClick(lab.svd.size, QtCore.Qt.Key.Key_Down)
    assert lab.state().svd_size == 3 and lab.svd.table.rowCount() == 3
    assert "3×3" in lab.describe() and "(3, 1, 1)" in lab.describe()


def test_pca_standardise_checkbox_and_k_slider(qtbot, lab_window):
    _win, lab = _lab(lab_window, "pca")
    page = lab.pca
    raw_text = None
    qtbot.mouseClick(page.standardise, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().pca_standardise is False
    raw_text = page.readout.text()
    assert "dominates" in raw_text
    ratio = lab.results.get(lab.state()).pca.explained_ratio
    assert ratio[0] > 0.99  # body mass in grams swamps the other columns
    page.k_slider.slider.setFocus()
    qtbot.keyClick(page.k_slider.slider, QtCore.Qt.Key.Key_Left)
    assert lab.state().pca_k == 1
    assert "first 1 component(s)" in lab.describe()


def test_dragging_a_node_keeps_pagerank_and_toggling_an_edge_changes_it(qtbot, lab_window):
    nx = pytest.importorskip("networkx")
    win, lab = _lab(lab_window, "markov")
    page = lab.markov
    pi = lab.results.get(lab.state()).markov.stationary.copy()
    drag_in_view(qtbot, page.plane, (2.0, 0.5), (2.5, -0.5), steps=8)
    assert lab.state().nodes[1] == pytest.approx((2.5, -0.5), abs=0.1)
    np.testing.assert_allclose(lab.results.get(lab.state()).markov.stationary, pi)
    assert win.undo_stack.text(win.undo_stack.count() - 1) == "Drag node"
    page.src.setValue(3)
    page.dst.setValue(1)
    qtbot.mouseClick(page.toggle_edge, QtCore.Qt.MouseButton.LeftButton)
    assert (3, 1) in lab.state().edges
    g = nx.DiGraph()
    g.add_nodes_from(range(5))
    g.add_edges_from(lab.state().edges)
    ref = nx.pagerank(g, alpha=0.85, tol=1e-13)
    got = lab.results.get(lab.state()).markov.stationary
    np.testing.assert_allclose(got, [ref[i] for i in range(5)], atol=1e-8)
    assert f"{got[0]:.3g}" in page.readout.text()


def test_every_control_has_an_accessible_name(qtbot, lab_window):
    _win, lab = _lab(lab_window)
    kinds = (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox, QtWidgets.QCheckBox, QtWidgets.QSlider)
    missing = [
        f"{type(w).__name__} in {type(w.parent()).__name__}"
        for w in lab.findChildren(QtWidgets.QWidget)
        if isinstance(w, kinds) and not w.accessibleName()
    ]
    assert missing == []


def test_a_users_csv_goes_through_the_one_reader_and_bad_files_are_named(qtbot, lab_window, tmp_path):
    _win, lab = _lab(lab_window, "pca")
    page = lab.pca
    bad = tmp_path / "words.csv"
    bad.write_text("name,colour\nann,red\nbob,blue\n", encoding="utf-8")
    assert not page.load_csv(str(bad))
    assert "two numeric columns" in page.message.text() and page.own is None
    good = tmp_path / "mine.csv"
    rows = "\n".join(f"{i},{2 * i + (i % 3)},{(i * 7) % 5}" for i in range(30))
    good.write_text("a,b,c\n" + rows + "\n", encoding="utf-8")
    assert page.load_csv(str(good))
    assert "mine.csv" in page.readout.text() and "<b>30 rows</b>" in page.readout.text()
    x = np.array([[i, 2 * i + (i % 3), (i * 7) % 5] for i in range(30)], dtype=float)
    z = (x - x.mean(0)) / x.std(0, ddof=1)
    want = np.linalg.svd(z, compute_uv=False) ** 2
    assert f"{100 * want[0] / want.sum():.1f} %" in page.readout.text()
    qtbot.mouseClick(page.bundled_button, QtCore.Qt.MouseButton.LeftButton)
    assert "<b>342 rows</b>" in page.readout.text()


def test_a_rank_two_matrix_flattens_the_cube_and_turning_the_view_is_not_an_edit(qtbot, lab_window):
    win, lab = _lab(lab_window, "cube")
    page = lab.cube
    table = page.table
    rect = table.visualItemRect(table.item(2, 2))
    qtbot.mouseClick(table.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, "0")
    editor = [e for e in table.viewport().findChildren(QtWidgets.QLineEdit) if e.isVisible()][0]
    qtbot.keyClick(editor, QtCore.Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lab.state().svd_matrix[2][2] == 0.0)
    assert "flattened" in page.message.text() and "<b>det A = 0</b>" in page.readout.text()
    after = np.column_stack(page.after.getData())
    assert after.shape == (24, 2)
    assert "rank 2" in lab.describe()
    count = win.undo_stack.count()
    before = np.column_stack(page.before.getData()).copy()
    page.turn.slider.setFocus()
    qtbot.keyClick(page.turn.slider, QtCore.Qt.Key.Key_PageUp)
    assert lab.state().azimuth != -60.0
    assert win.undo_stack.count() == count  # looking is not editing
    assert not np.allclose(np.column_stack(page.before.getData()), before)


def test_damping_by_keyboard_and_removing_an_edge_follow_networkx_and_undo(qtbot, lab_window):
    nx = pytest.importorskip("networkx")
    win, lab = _lab(lab_window, "markov")
    page = lab.markov

    def reference(state) -> list[float]:
        g = nx.DiGraph()
        g.add_nodes_from(range(len(state.nodes)))
        g.add_edges_from(state.edges)
        ref = nx.pagerank(g, alpha=state.damping, tol=1e-13, max_iter=10_000)
        return [ref[i] for i in range(len(state.nodes))]

    start = lab.state()
    slider = page.damping.slider
    slider.setFocus()
    for _ in range(20):
        qtbot.keyClick(slider, QtCore.Qt.Key.Key_Left)
    s = lab.state()
    assert s.damping == pytest.approx(start.damping - 0.20, abs=1e-9)
    got = lab.results.get(s).markov.stationary
    np.testing.assert_allclose(got, reference(s), atol=1e-8)
    assert not np.allclose(got, lab.results.get(start).markov.stationary, atol=1e-4)
    assert f"{got[0]:.3g}" in page.readout.text()
    edge = s.edges[0]
    page.src.setValue(edge[0])
    page.dst.setValue(edge[1])
    page.toggle_edge.setFocus()
    qtbot.keyClick(page.toggle_edge, QtCore.Qt.Key.Key_Space)
    assert edge not in lab.state().edges and len(lab.state().edges) == len(s.edges) - 1
    assert win.undo_stack.text(win.undo_stack.count() - 1) == "Remove edge"
    np.testing.assert_allclose(lab.results.get(lab.state()).markov.stationary, reference(lab.state()), atol=1e-8)
    win.undo_stack.undo()
    assert lab.state().edges == s.edges


def test_biplot_names_of_nearly_parallel_loadings_do_not_overlap(qtbot, lab_window):
    _win, lab = _lab(lab_window, "pca")
    page = lab.pca
    for dataset, standardise in (("penguins", True), ("penguins", False), ("iris", False), ("iris", True)):
        if page.dataset.currentData() != dataset:
            page.dataset.setFocus()
            qtbot.keyClick(page.dataset, QtCore.Qt.Key.Key_Down)
        if page.standardise.isChecked() != standardise:
            qtbot.mouseClick(page.standardise, QtCore.Qt.MouseButton.LeftButton, pos=QtCore.QPoint(8, 8))
        assert (lab.state().pca_dataset, lab.state().pca_standardise) == (dataset, standardise)
        QtWidgets.QApplication.processEvents()
        labels = [item for item in page.arrow_labels if item.toPlainText()]
        assert len(labels) == 4  # four measurements in each bundled data set
        rects = [item.mapRectToScene(item.boundingRect()) for item in labels]
        for i in range(len(rects)):
            for j in range(i + 1, len(rects)):
                names = (labels[i].toPlainText(), labels[j].toPlainText())
                assert not rects[i].intersects(rects[j]), f"{names} overlap ({dataset}, standardise={standardise})"


def test_a_screenshot_waits_for_the_image_svd_it_shows(tmp_path, qapp, monkeypatch):
    """``main.py --screenshot`` of the low-rank tab pictures the approximation, not "Computing the SVD…"."""
    from engine import scene as scenes
    from gui import app as gui_app
    from gui.labs.decompositions.lowrank_page import LowRankPage
    from gui.widgets.jobs import LatestJob

    seen: list[tuple[bool, list[str]]] = []
    grab = gui_app.MainWindow.grab

    def grab_and_look(win, *args):
        pages = win.findChildren(LowRankPage)
        running = any(job.running for job in win.findChildren(LatestJob))
        seen.append((running, [p.message.text() for p in pages]))
        return grab(win, *args)

    monkeypatch.setattr(gui_app.MainWindow, "grab", grab_and_look)
    path = tmp_path / "lowrank.json"
    state = replace(D.DecompositionsState(), tab="lowrank")
    scenes.save(scenes.Scene(states={"decompositions": state}, current_lab="decompositions"), path)
    out = tmp_path / "lowrank.png"
    gui_app.render_lab_png(str(out), "decompositions", scene=str(path))
    assert out.stat().st_size > 0
    assert seen and seen[0][1], "the low-rank page was not built"
    running, messages = seen[0]
    assert not running
    assert not any("SVD" in m for m in messages), messages
