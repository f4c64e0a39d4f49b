"""Every student: accessible names on every control, every lab described in words (Describe panel), high contrast
and zoom."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from gui import theme
from gui.access import accessible_name, is_control, name_controls
from gui.labs import available


def _all_tab_pages(lab: QtWidgets.QWidget):
    """Show every page of every tab widget in ``lab`` in turn (controls on hidden pages count too)."""
    for tabs in lab.findChildren(QtWidgets.QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QtWidgets.QApplication.processEvents()
            yield tabs, i


@pytest.mark.parametrize("name", available())
def test_every_visible_control_has_an_accessible_name(lab_window, name) -> None:
    win = lab_window(name)
    lab = win.current_lab()
    missing: set[str] = set()
    seen = 0
    for _ in [None, *_all_tab_pages(lab)]:  # the window names the controls of tab pages built later by itself
        for w in lab.findChildren(QtWidgets.QWidget):
            if is_control(w) and w.isVisibleTo(win):
                seen += 1
                if not (_combo_name(w) if isinstance(w, QtWidgets.QComboBox) else accessible_name(w)):
                    missing.add(f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}")
    assert seen > 5
    assert not missing, f"controls without an accessible name: {sorted(missing)}"


def _combo_name(combo: QtWidgets.QComboBox) -> str:
    """A combo box's name: its own, or its label's ("labelled by", how Linux readers name it); not its current text."""
    iface = QtGui.QAccessible.queryAccessibleInterface(combo)
    labels = [
        other.text(QtGui.QAccessible.Text.Name) for other, _ in iface.relations(QtGui.QAccessible.RelationFlag.Label)
    ]
    return combo.accessibleName() or " ".join(labels).strip()


def test_a_combo_box_is_named_by_its_label_not_its_value(qtbot) -> None:
    root = QtWidgets.QWidget()
    qtbot.addWidget(root)
    lay = QtWidgets.QHBoxLayout(root)
    label = QtWidgets.QLabel("Speed:")
    combo = QtWidgets.QComboBox()
    combo.addItems(["fast", "slow"])
    lay.addWidget(label)
    lay.addWidget(combo)
    assert not _combo_name(combo)  # its current text is what it says, not what it is
    assert name_controls(root) >= 1
    assert combo.accessibleName() == "Speed"
    assert label.buddy() is combo
    assert _combo_name(combo) == "Speed"


def test_a_control_with_nothing_to_read_is_reported(qtbot) -> None:
    root = QtWidgets.QWidget()
    qtbot.addWidget(root)
    lay = QtWidgets.QHBoxLayout(root)
    bare = QtWidgets.QSpinBox()
    labelled = QtWidgets.QSpinBox()
    lay.addWidget(bare)
    lay.addWidget(QtWidgets.QLabel("Seed:"))
    lay.addWidget(labelled)
    assert not accessible_name(bare)
    name_controls(root)
    assert accessible_name(labelled) == "Seed"
    assert not accessible_name(bare)  # no label, tooltip, prefix or title: the test above would name it


@pytest.mark.parametrize("name", available())
def test_every_lab_describes_itself_and_the_panel_follows(lab_window, qtbot, name) -> None:
    win = lab_window(name)
    lab = win.current_lab()
    panel = win.describe_panel
    qtbot.waitUntil(lambda: bool(lab.describe()), timeout=10000)  # labs loading scipy/sympy describe what they know
    win.describe_action.trigger()
    assert win.describe_dock.isVisible()
    qtbot.waitUntil(lambda: panel.text() == lab.describe(), timeout=10000)
    assert lab.accessibleDescription() == panel.text()
    assert panel.focusPolicy() == QtCore.Qt.FocusPolicy.NoFocus


def test_describe_panel_updates_live_without_taking_the_focus(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    lab = win.current_lab()
    win.describe_action.trigger()
    panel = win.describe_panel
    qtbot.waitUntil(lambda: "57.5°" in panel.text(), timeout=5000)
    spin = lab.rows.spins[0][0]
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus, timeout=2000)
    spin.setValue(-1.0)  # u = (−1, 3)
    qtbot.waitUntil(lambda: "(−1, 3)" in panel.text(), timeout=5000)
    assert spin.hasFocus()
    views = lab.findChildren(QtWidgets.QGraphicsView)
    assert views and all(v.accessibleDescription() == panel.text() for v in views)


def test_high_contrast_meets_wcag(qapp) -> None:
    before = theme.current()
    try:
        for dark in (False, True):
            t = theme.Theme(dark=dark, high_contrast=True)
            theme.set_theme(t)
            assert theme.contrast_ratio(t.foreground, t.background) >= 7.0  # AAA for text
            assert theme.contrast_ratio(t.axis, t.background) >= 4.5
            for name in (*theme.SERIES, "grey", "sky"):
                ratio = theme.contrast_ratio(theme.color(name).name(), t.background)
                assert ratio >= 3.0, f"{name} on {'dark' if dark else 'light'}: {ratio:.2f}"
            assert "3px solid" in theme.stylesheet()  # the focus ring
    finally:
        theme.set_theme(before)


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the famous near-miss
    assert theme.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_high_contrast_and_zoom_from_the_menu(lab_window, qtbot) -> None:
    win = lab_window("vectors")
    base_font, base_width = theme.current().font_pt, theme.current().line_width
    try:
        win.high_contrast_action.trigger()
        assert theme.current().high_contrast
        assert theme.current().background == "#ffffff" and theme.current().foreground == "#000000"
        for _ in range(8):
            qtbot.keyClick(win, QtCore.Qt.Key.Key_Plus, QtCore.Qt.KeyboardModifier.ControlModifier)
        assert theme.current().zoom == 2.0  # the largest step
        assert theme.current().font_pt == 2 * base_font
        assert theme.current().line_width > 2 * base_width
        assert QtWidgets.QApplication.instance().font().pointSizeF() == 2 * base_font
        lab = win.current_lab()
        labels = [w for w in lab.findChildren(QtWidgets.QLabel) if w.isVisible() and w.text()]
        assert labels and min(w.font().pointSizeF() for w in labels) >= 2 * base_font  # what is drawn follows
        assert lab.state() is not None and lab.describe()  # rebuilt lab, same state
        qtbot.keyClick(win, QtCore.Qt.Key.Key_0, QtCore.Qt.KeyboardModifier.ControlModifier)
        assert theme.current().zoom == 1.0
        qtbot.keyClick(win, QtCore.Qt.Key.Key_Minus, QtCore.Qt.KeyboardModifier.ControlModifier)
        assert theme.current().zoom < 1.0
    finally:
        win._set_theme(theme.Theme())
        theme.apply(QtWidgets.QApplication.instance())


@pytest.mark.parametrize("name", available())
def test_every_plot_view_on_every_page_carries_the_description(lab_window, qtbot, name) -> None:
    """Issue 15: each plot view (pages built lazily included) has the Describe text as its accessible description."""
    win = lab_window(name)
    lab = win.current_lab()
    panel = win.describe_panel
    qtbot.waitUntil(lambda: bool(lab.describe()), timeout=10000)
    views = 0
    for _ in [None, *_all_tab_pages(lab)]:
        panel.refresh()
        text = panel.text()
        assert text
        for view in lab.findChildren(pg.GraphicsView):
            views += 1
            assert view.accessibleDescription() == text, f"{type(view).__name__} {view.objectName()!r}"
    assert views >= 1
