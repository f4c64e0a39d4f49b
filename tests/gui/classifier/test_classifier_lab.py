"""Classifier lab driven with real widgets: drag the threshold, move a point, switch curves, evaluate, load CSVs."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6 import QtCore

from engine.classify import ClassifierState, confusion, metrics, split_fit
from tests.gui.helpers import drag_in_view


@pytest.fixture
def win(lab_window):
    return lab_window("classifier")


def _cells(lab) -> tuple[int, ...]:
    return tuple(int(lab.confusion.cells[k].text()) for k in ("tp", "fn", "fp", "tn"))


def _show_tab(lab, qtbot, index: int) -> None:
    with qtbot.waitSignal(lab.state_changed):
        lab.tabs.setCurrentIndex(index)


def test_dragging_the_threshold_line_changes_the_confusion_matrix_with_one_undo_step(win, qtbot):
    lab = win.current_lab()
    _show_tab(lab, qtbot, 1)
    before = _cells(lab)
    sp = split_fit(lab.state())
    rows = sp.eval_rows
    ref = confusion(sp.data.y[rows], sp.p[rows], 0.5)
    assert before == (ref.tp, ref.fn, ref.fp, ref.tn)
    commits = []
    lab.edit_committed.connect(lambda b, a, text: commits.append((b.threshold, a.threshold, text)))
    z = float(np.median(lab.results.get(lab.state()).z))
    drag_in_view(qtbot, lab.sigmoid, (z, 0.5), (z, 0.97), steps=12)
    t = lab.state().threshold
    assert t > 0.9
    after = _cells(lab)
    ref = confusion(sp.data.y[rows], sp.p[rows], t)
    assert after == (ref.tp, ref.fn, ref.fp, ref.tn) and after != before
    assert after[0] < before[0]  # a stricter threshold finds fewer true positives
    assert len(commits) == 1 and commits[0][0] == 0.5 and commits[0][2] == "Drag threshold"
    assert lab.controls.threshold.value() == pytest.approx(t, abs=0.006)
    win.undo_stack.undo()
    assert lab.state().threshold == 0.5 and _cells(lab) == before


def test_threshold_moves_by_keyboard_on_its_slider(win, qtbot):
    lab = win.current_lab()
    _show_tab(lab, qtbot, 1)
    slider = lab.controls.threshold.slider
    slider.setFocus()
    for _ in range(20):
        qtbot.keyClick(slider, QtCore.Qt.Key.Key_Right)
    assert lab.state().threshold == pytest.approx(0.70)
    assert abs(lab.sigmoid.line.value() - 0.70) < 1e-9
    m = metrics(lab.state())
    assert _cells(lab) == (m["tp"], m["fn"], m["fp"], m["tn"])
    assert f"TP {m['tp']}" in lab.describe()


def test_dragging_a_point_refits_the_model_as_one_undo_step(win, qtbot):
    lab = win.current_lab()
    res = lab.results.get(lab.state())
    i = int(np.argmin(res.X[:, 0]))  # the leftmost point: far from the others, easy to pick
    start = tuple(map(float, res.X[i]))
    commits = []
    lab.edit_committed.connect(lambda b, a, text: commits.append(text))
    coef_before = lab.coef.text()
    drag_in_view(qtbot, lab.plane, start, (start[0] + 20.0, start[1] - 5.0), steps=8)
    moved = lab.state().moved
    assert len(moved) == 1 and int(moved[0][0]) == i
    assert moved[0][1] == pytest.approx(start[0] + 20.0, abs=0.5)
    assert lab.coef.text() != coef_before and commits == ["Drag point"]
    assert metrics(lab.state())["coef_x"] != metrics(ClassifierState())["coef_x"]
    win.undo_stack.undo()
    assert lab.state().moved == () and lab.coef.text() == coef_before


def test_curve_choice_and_separable_data_message(win, qtbot):
    lab = win.current_lab()
    _show_tab(lab, qtbot, 1)
    lab.curve_choice.setCurrentIndex(lab.curve_choice.findData("calibration"))
    assert lab.state().curve == "calibration" and "Brier" in lab.curve_text.text()
    sklearn_metrics = pytest.importorskip("sklearn.metrics")
    sp = split_fit(lab.state())
    rows = sp.eval_rows
    ref = sklearn_metrics.brier_score_loss(sp.data.y[rows], sp.p[rows])
    assert f"Brier score {ref:.4f}".rstrip("0") in lab.curve_text.text()
    lab.curve_choice.setCurrentIndex(lab.curve_choice.findData("pr"))
    assert "precision" in lab.curve_text.text()
    _show_tab(lab, qtbot, 0)
    lab.controls.source.setCurrentIndex(lab.controls.source.findData("blobs"))
    box = lab.controls.separation.box
    box.setValue(10.0)
    assert lab.state().separation == 10.0
    assert "separable" in lab.coef.text() and "undefined" in lab.coef.text()
    assert "nan" not in lab.coef.text().lower()
    assert "separable" in lab.describe()


def test_same_species_twice_is_refused_and_the_state_kept(win):
    lab = win.current_lab()
    before = lab.state()
    messages = []
    lab.status_message.connect(messages.append)
    lab.controls.negative.setCurrentIndex(lab.controls.negative.findData("Chinstrap"))
    assert lab.state() == before and messages and "different" in messages[0]
    assert lab.controls.negative.currentData() == "Adelie"


def test_evaluation_tab_runs_in_the_background_and_shows_the_statistics(win, qtbot):
    lab = win.current_lab()
    with qtbot.waitSignal(lab.evaluation.job.finished, timeout=60_000):
        lab.tabs.setCurrentIndex(2)
    text = lab.evaluation.text.text()
    m = metrics(lab.state())
    assert "McNemar" in text and "Wilson" in text and "Holm" in text
    assert f"{m['accuracy_low']:.3f} – {m['accuracy_high']:.3f}" in text


def test_csv_files_bad_and_good(win, tmp_path):
    lab = win.current_lab()
    before = lab.state()
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,label\n1,2,x\n3,4,y\n5,6,z\n", encoding="utf-8")
    assert not lab.csv.load_file(bad)
    assert lab.state() == before and "exactly two" in lab.controls.data_error.text()
    good = tmp_path / "good.csv"
    rng = np.random.default_rng(0)
    rows = [f"{x:.3f},{y:.3f},{'spam' if c else 'ham'}" for x, y, c in
            zip(rng.normal(size=40), rng.normal(size=40), rng.random(40) < 0.5, strict=True)]  # fmt: skip
    good.write_text("len,caps,kind\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert lab.csv.load_file(good)
    s = lab.state()
    assert s.source == "csv" and len(s.csv_x) == 40 and metrics(s)["n"] == 40
    assert not lab.controls.data_error.isVisible()


def _evaluated(lab, qtbot, act) -> None:
    """Do ``act`` and wait for the background evaluation of the new state."""
    with qtbot.waitSignal(lab.evaluation.job.finished, timeout=60_000):
        act()


def test_model_b_by_keyboard_gives_mcnemar_and_the_shaded_bootstrap_tail(win, qtbot):
    lab = win.current_lab()
    _evaluated(lab, qtbot, lambda: lab.tabs.setCurrentIndex(2))
    view = lab.evaluation
    p_before = metrics(lab.state())["mcnemar_p"]
    combo = lab.controls.model_b
    combo.setFocus()
    _evaluated(lab, qtbot, lambda: qtbot.keyClick(combo, QtCore.Qt.Key.Key_Down))
    assert lab.state().model_b == "y"
    m = metrics(lab.state())
    assert m["mcnemar_p"] < 0.05 < p_before  # flipper length alone is worse than both features; bill length is not
    shown = "< 0.0001" if m["mcnemar_p"] < 1e-4 else f"{m['mcnemar_p']:.4f}"
    assert f"McNemar exact p = {shown}" in view.text.text()
    diff = view.result.paired.resampled
    x, shaded = view.tail.getData()
    _, counts = view.hist.getData()
    assert int(np.sum(counts)) == len(diff) == lab.state().boot_resamples
    other_side = int(np.sum(diff < 0)) if m["auc_difference"] >= 0 else int(np.sum(diff > 0))
    assert int(np.sum(shaded)) == other_side  # exactly the resamples beyond 0: the shading is the p-value's half
    assert 2 * other_side / len(diff) <= m["auc_difference_p"] + 1e-12


def test_noise_seed_by_keyboard_shows_a_chance_winner_that_holm_removes(win, qtbot):
    lab = win.current_lab()
    _evaluated(lab, qtbot, lambda: lab.tabs.setCurrentIndex(2))
    view, spin = lab.evaluation, lab.controls.mc_seed
    spin.setFocus()
    _evaluated(lab, qtbot, lambda: qtbot.keyClick(spin, QtCore.Qt.Key.Key_Up))
    _evaluated(lab, qtbot, lambda: qtbot.keyClick(spin, QtCore.Qt.Key.Key_Up))
    assert lab.state().mc_seed == 3
    m = metrics(lab.state())
    assert m["mc_raw_hits"] >= 1 and m["mc_holm_hits"] == 0  # lesson 13c's goal, reached from the keyboard
    hits = len(view.hits.opts["x"])
    assert hits == m["mc_raw_hits"] and hits + len(view.bars.opts["x"]) == lab.state().mc_sets
    assert f"{m['mc_raw_hits']} pass α" in view.text.text() and "0 pass;" in view.text.text()
    assert max(view.hits.opts["height"]) < lab.state().alpha <= min(view.bars.opts["height"])


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("missing.csv", None, "missing.csv"),
        ("empty.csv", b"", "empty.csv"),
        ("junk.csv", bytes(range(256)) * 4, "junk.csv"),
        ("words.csv", b"name,colour\nann,red\nbob,blue\n", "only numbers"),
        ("one_class.csv", b"x,y,label\n1,2,a\n3,4,a\n5,6,a\n", "exactly two"),
    ],
)
def test_bad_csv_files_name_the_problem_and_keep_the_state(win, tmp_path, name, content, said):
    lab = win.current_lab()
    before, undo_count = lab.state(), win.undo_stack.count()
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert not lab.csv.load_file(path)
    assert lab.state() == before and win.undo_stack.count() == undo_count
    text = lab.controls.data_error.text()
    assert text.startswith(f"Cannot use {name}:") and said in text
    assert "Traceback" not in text and "nan" not in text.lower()


def test_coefficient_table_shows_the_fit_and_copies_cells(win, qtbot):
    """The coefficients are table cells (estimate, SE, z, Wald p) written from the fit; Ctrl+C copies a selection."""
    from PySide6 import QtWidgets

    lab = win.current_lab()
    res = lab.results.get(lab.state())
    table = lab.coef.table
    assert table.rowCount() == len(res.coef_rows) >= 2
    for r, row in enumerate(res.coef_rows):
        assert tuple(table.item(r, c).text() for c in range(5)) == row
    assert res.fit_note.splitlines()[0] in lab.coef.text()
    assert table.accessibleName() and lab.coef.note.accessibleName()
    # rewriting the same fit touches no cell (a drag rewrites only what changed)
    changed = []
    table.itemChanged.connect(changed.append)
    lab.coef.set_rows(res.coef_rows, res.fit_note)
    assert changed == []
    # select the intercept's estimate and SE with the mouse, copy with the keyboard
    first = table.visualItemRect(table.item(0, 1)).center()
    second = table.visualItemRect(table.item(0, 2)).center()
    qtbot.mouseClick(table.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(table.viewport(), QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.KeyboardModifier.ShiftModifier,
                     pos=second)  # fmt: skip
    qtbot.keyClick(table, QtCore.Qt.Key.Key_C, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert QtWidgets.QApplication.clipboard().text() == f"{res.coef_rows[0][1]}\t{res.coef_rows[0][2]}"


def test_coefficient_names_get_the_room_and_number_columns_do_not_jitter(qtbot):
    """Number columns fit the numbers shown (not the widest number possible), so the names stay whole; during a
    drag (same names) a column only grows, a new set of coefficients fits it afresh."""
    from PySide6 import QtGui

    from gui.labs.classifier.coefficients import CoefficientTable

    table = CoefficientTable()
    qtbot.addWidget(table)
    table.resize(470, 200)
    table.show()
    names = ("intercept", "bill_length_mm", "flipper_length_mm")
    table.set_rows(tuple((n, "−12345.67", "17.21", "−2.4", "0.0165") for n in names), "")
    qtbot.waitUntil(lambda: table.table.columnWidth(0) > 0)
    fm = QtGui.QFontMetrics(table.table.font())
    assert table.table.columnWidth(0) >= fm.horizontalAdvance("flipper_length_mm") + 8  # whole, not "fli…"
    assert table.table.columnWidth(2) < fm.horizontalAdvance("−8.888e+88")  # sized to what is shown
    wide = table.table.columnWidth(1)
    table.set_rows(tuple((n, "1.2", "0.3", "4.4", "0.5") for n in names), "")  # a drag: narrower numbers
    assert table.table.columnWidth(1) == wide
    table.set_rows(tuple((n, "−1234567.891", "17.21", "−2.4", "0.0165") for n in names), "")  # a wider number
    assert table.table.columnWidth(1) > wide
    table.set_rows((("intercept", "1.2", "0.3", "4.4", "0.5"),), "")  # a new model: fitted afresh
    assert table.table.columnWidth(1) < wide
