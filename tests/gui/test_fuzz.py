"""A curious student at every lab: a seeded random walk over the lab's real widgets (issue 20).

Each action goes through a widget a student uses: a combo box choice, a spin box or slider at an extreme or a random
value, a check box, a button, hostile text typed into a line edit ('', 'nan', '1e999', '-1e-320', 'x**x**x**x**x',
very long strings, unicode …), a tab page, a wheel zoom far in or out on a plot, undo and redo. After every action:

- no uncaught exception (``qtbot.capture_exceptions`` around the action, so the failure names the action);
- only finite numbers in the lab's state dataclass;
- no "nan"/"inf" in any visible label outside a quoted echo of what the student typed;
- every round of actions ends by undoing back to the round's start, which must restore the round's start state
  (fields changed only by pan/zoom or tab switches — ``quiet_update`` — are not undo steps and are left out).

The longest action is recorded and printed; it is asserted (≤ 0.5 s) only when ``FUZZ_STRICT_TIME=1``, since machine
speed must not decide a default test. ``FUZZ_ACTIONS=<n>`` asks for n actions per lab (long mode); ``FUZZ_SEED``
changes the seed; ``FUZZ_LABS=a,b`` limits the labs.
"""

from __future__ import annotations

import dataclasses
import math
import os
import random
import re
import time
from typing import Any

import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from gui.labs import LABS

ACTIONS = int(os.environ.get("FUZZ_ACTIONS", "40"))
SEED = int(os.environ.get("FUZZ_SEED", "20"))
STRICT_TIME = os.environ.get("FUZZ_STRICT_TIME") == "1"
ONLY = [s for s in os.environ.get("FUZZ_LABS", "").split(",") if s]
ROUND = 60
"""Actions between two undo-back-to-the-start checks (the undo stack keeps 500 steps, so a round stays far below)."""
MAX_ACTION_S = 0.5

HOSTILE = (
    "", "nan", "inf", "-inf", "1e999", "-1e-320", "1e308", "-1e308", "()", "x**x**x**x**x", "1/0", "0/0",
    "x**1e308", "exp(exp(exp(x)))", "log(0)", "sqrt(-1)", "1e-300 2e-300 3e-300", "1e308 -1e308 1e308", "5 5 5 5",
    "1", "0", "-1", "2 3", "((((", "x" * 3000, "1 " * 2000, "π²√", "ñ€😀", "a,b;c", "1,2;3,4", "[[1,2],[3,4]]",
    "   ", "\t", "1e-320", "NaN", "Infinity", "None", "0x10", "1_000", "--1", "1e", "x +", "sin(x", "x^2",
)  # fmt: skip
BAD_WORD = re.compile(r"(?<![\w'])(nan|inf)(?![\w'])", re.IGNORECASE)
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|«[^»]*»|‘[^’]*’")


@pytest.fixture
def no_dialogs(monkeypatch):
    """File pickers and questions answer "cancel" at once (a modal dialog would wait for a person)."""
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QtWidgets.QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    no = QtWidgets.QMessageBox.StandardButton.No
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QtWidgets.QMessageBox, name, staticmethod(lambda *a, **k: no))
    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))


def _non_finite(value: Any, path: str = "") -> list[str]:
    """Paths of every non-finite float inside a (nested) state value."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return []
    if isinstance(value, float):
        return [] if math.isfinite(value) else [f"{path} = {value!r}"]
    if isinstance(value, int):
        return []
    if dataclasses.is_dataclass(value):
        out = []
        for f in dataclasses.fields(value):
            out += _non_finite(getattr(value, f.name), f"{path}.{f.name}" if path else f.name)
        return out
    if isinstance(value, (tuple, list)):
        out = []
        for i, v in enumerate(value):
            out += _non_finite(v, f"{path}[{i}]")
            if len(out) > 3:
                break
        return out
    try:
        number = float(value)
    except (TypeError, ValueError):
        return []
    return [] if math.isfinite(number) else [f"{path} = {value!r}"]


def _visible(w: QtWidgets.QWidget) -> bool:
    return w.isVisible() and w.isEnabled() and w.width() > 0 and w.height() > 0


def _bad_labels(root: QtWidgets.QWidget) -> list[str]:
    """Visible label texts showing nan/inf (outside quotes, which echo what the student typed)."""
    out = []
    for label in root.findChildren(QtWidgets.QLabel):
        if not label.isVisible():
            continue
        text = QtGui.QTextDocumentFragment.fromHtml(label.text()).toPlainText() if "<" in label.text() else label.text()
        if BAD_WORD.search(QUOTED.sub("", text)):
            out.append(text[:200])
    return out


def _widgets(lab: QtWidgets.QWidget) -> list[QtWidgets.QWidget]:
    """Every visible, enabled control of the lab a student could touch."""
    kinds = (
        QtWidgets.QComboBox,
        QtWidgets.QAbstractSpinBox,
        QtWidgets.QAbstractSlider,
        QtWidgets.QAbstractButton,
        QtWidgets.QLineEdit,
        QtWidgets.QTabBar,
        QtWidgets.QPlainTextEdit,
        pg.GraphicsView,
    )
    found = []
    for w in lab.findChildren(QtWidgets.QWidget):
        if not isinstance(w, kinds) or not _visible(w):
            continue
        if isinstance(w, QtWidgets.QScrollBar):
            continue
        owner = w.parent()
        if isinstance(w, QtWidgets.QLineEdit) and isinstance(owner, (QtWidgets.QAbstractSpinBox, QtWidgets.QComboBox)):
            continue
        if isinstance(w, QtWidgets.QAbstractButton) and isinstance(w.parent(), QtWidgets.QTabBar):
            continue
        found.append(w)
    return found


class Walker:
    """One lab's random walk; ``act`` does one thing a student could do and returns a description of it."""

    def __init__(self, qtbot, win, lab, rng: random.Random) -> None:
        self.qtbot, self.win, self.lab, self.rng = qtbot, win, lab, rng
        self.floor = 0  # undo never goes below the current round's start

    def act(self) -> str:
        r = self.rng.random()
        if r < 0.06 and self.win.undo_stack.index() > self.floor:
            self.qtbot.keyClick(self.win, QtCore.Qt.Key.Key_Z, QtCore.Qt.KeyboardModifier.ControlModifier)
            return "Ctrl+Z"
        if r < 0.09 and self.win.undo_stack.canRedo():
            self.win.undo_stack.redo()
            return "redo"
        widgets = _widgets(self.lab)
        if not widgets:
            return "nothing to touch"
        w = self.rng.choice(widgets)
        name = f"{type(w).__name__}({w.accessibleName() or w.objectName() or getattr(w, 'text', lambda: '')()!s:.40})"
        if isinstance(w, QtWidgets.QComboBox):
            if w.count() == 0:
                return f"{name}: empty"
            i = self.rng.randrange(w.count())
            w.setCurrentIndex(i)
            return f"{name} -> item {i}"
        if isinstance(w, QtWidgets.QAbstractSpinBox):
            return f"{name} -> {self._spin(w)}"
        if isinstance(w, QtWidgets.QAbstractSlider):
            lo, hi = w.minimum(), w.maximum()
            v = self.rng.choice([lo, hi, self.rng.randint(lo, hi)])
            if self.rng.random() < 0.5:  # a drag: pressed, moved, released (one undo step)
                w.setSliderDown(True)
                w.setValue(self.rng.randint(lo, hi))
                w.setValue(v)
                w.setSliderDown(False)
                return f"{name} dragged to {v}"
            w.setValue(v)
            return f"{name} -> {v}"
        if isinstance(w, QtWidgets.QTabBar):
            i = self.rng.randrange(w.count())
            w.setCurrentIndex(i)
            return f"tab {i} ({w.tabText(i)})"
        if isinstance(w, QtWidgets.QAbstractButton):
            self.qtbot.mouseClick(w, QtCore.Qt.MouseButton.LeftButton)
            return f"click {name}"
        if isinstance(w, (QtWidgets.QLineEdit, QtWidgets.QPlainTextEdit)):
            text = self.rng.choice(HOSTILE)
            if isinstance(w, QtWidgets.QPlainTextEdit):
                w.setPlainText(text)
                w.setFocus()
                self.qtbot.keyClick(w, QtCore.Qt.Key.Key_Tab)
                return f"{name} <- {text[:30]!r}"
            if w.isReadOnly():
                return f"{name}: read only"
            w.setFocus()
            w.selectAll()
            if len(text) < 40 and text.isascii():
                self.qtbot.keyClicks(w, text)
            else:  # pasted: QTest types ASCII keys only
                w.setText(text)
            self.qtbot.keyClick(w, QtCore.Qt.Key.Key_Return)
            return f"{name} <- {text[:30]!r}"
        if isinstance(w, pg.GraphicsView):
            return f"{name}: {self._zoom(w)}"
        return f"{name}: ignored"

    def _spin(self, w: QtWidgets.QAbstractSpinBox) -> str:
        if isinstance(w, (QtWidgets.QSpinBox, QtWidgets.QDoubleSpinBox)):
            lo, hi = w.minimum(), w.maximum()
            how = self.rng.random()
            if how < 0.3:
                v = self.rng.choice([lo, hi])
            elif how < 0.6:
                v = self.rng.uniform(lo, hi) if isinstance(w, QtWidgets.QDoubleSpinBox) else self.rng.randint(lo, hi)
            elif how < 0.8:
                w.setFocus()
                key = self.rng.choice([QtCore.Qt.Key.Key_Up, QtCore.Qt.Key.Key_Down, QtCore.Qt.Key.Key_PageUp])
                self.qtbot.keyClick(w, key)
                return f"key {key.name}"
            else:
                text = self.rng.choice([t for t in HOSTILE if t.isascii() and len(t) < 40])
                w.setFocus()
                w.lineEdit().selectAll()
                self.qtbot.keyClicks(w.lineEdit(), text)
                self.qtbot.keyClick(w, QtCore.Qt.Key.Key_Return)
                return f"typed {text[:30]!r}"
            w.setValue(v)
            return repr(v)
        return "skipped"

    def _zoom(self, w: pg.GraphicsView) -> str:
        """A wheel zoom far in or out (several notches), as a student scrolls."""
        vp = w.viewport()
        pos = QtCore.QPointF(vp.width() / 2, vp.height() / 2)
        delta = self.rng.choice([120, -120]) * self.rng.choice([1, 5, 20])
        ev = QtGui.QWheelEvent(
            pos, vp.mapToGlobal(pos), QtCore.QPoint(0, 0), QtCore.QPoint(0, delta),
            QtCore.Qt.MouseButton.NoButton, QtCore.Qt.KeyboardModifier.NoModifier,
            QtCore.Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        for _ in range(self.rng.choice([1, 10, 60])):
            QtWidgets.QApplication.sendEvent(vp, ev)
        return f"wheel {delta}"


def _close_strays(win) -> None:
    """Close dialogs a button opened (the walk is about the lab, not the dialogs)."""
    for w in QtWidgets.QApplication.topLevelWidgets():
        if w is not win and w.isVisible() and isinstance(w, QtWidgets.QDialog):
            w.close()


def _settle(lab) -> None:
    QtWidgets.QApplication.processEvents()


def _comparable(state: Any, quiet: set[str]) -> dict[str, Any]:
    return {f.name: getattr(state, f.name) for f in dataclasses.fields(state) if f.name not in quiet}


@pytest.mark.parametrize("lab_name", [n for n in LABS if not ONLY or n in ONLY])
def test_random_walk_over_the_real_widgets(lab_window, qtbot, no_dialogs, lab_name, capsys):
    win = lab_window(lab_name)
    lab = win.show_lab(lab_name)
    rng = random.Random(f"{SEED}-{lab_name}")
    walker = Walker(qtbot, win, lab, rng)
    quiet: set[str] = set()
    original_quiet = lab.quiet_update

    def recording_quiet_update(**changes):
        quiet.update(changes)
        original_quiet(**changes)

    lab.quiet_update = recording_quiet_update
    log: list[str] = []
    slowest = (0.0, "")
    round_start, walker.floor = lab.state(), win.undo_stack.index()
    for i in range(ACTIONS):
        t0 = time.perf_counter()
        with qtbot.capture_exceptions() as errors:
            what = walker.act()
            _settle(lab)
        spent = time.perf_counter() - t0
        log.append(f"{i}: {what} ({spent:.2f} s)")
        slowest = max(slowest, (spent, what))
        _close_strays(win)
        context = "\n".join(log[-8:])
        assert not errors, f"uncaught exception after:\n{context}\n{errors[0][1]!r}"
        state = lab.state()
        assert not _non_finite(state), f"non-finite numbers in the state {_non_finite(state)} after:\n{context}"
        bad = _bad_labels(lab)
        assert not bad, f"nan/inf shown {bad} after:\n{context}"
        if (i + 1) % ROUND == 0 or i == ACTIONS - 1:
            with qtbot.capture_exceptions() as errors:
                while win.undo_stack.index() > walker.floor:
                    win.undo_stack.undo()
                _settle(lab)
            assert not errors, f"uncaught exception while undoing back:\n{context}\n{errors[0][1]!r}"
            got, want = _comparable(lab.state(), quiet), _comparable(round_start, quiet)
            diff = {k: (want[k], got[k]) for k in want if want[k] != got[k]}
            assert not diff, f"undo back to the round's start left {str(diff)[:600]}; last actions:\n{context}"
            round_start, walker.floor = lab.state(), win.undo_stack.index()
    with capsys.disabled():
        print(f"\n[fuzz] {lab_name}: {ACTIONS} actions, slowest {slowest[0]:.2f} s ({slowest[1]})")
    if STRICT_TIME:
        assert slowest[0] <= MAX_ACTION_S, f"the GUI thread was blocked {slowest[0]:.2f} s by: {slowest[1]}"
