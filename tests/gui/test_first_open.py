"""A lab's first open stays light: tab views are built when first shown, heavy imports load in the background.

These check behaviour (what is built, what is drawn, what export returns), never timings: the timings are in
bench/bench_startup.py.
"""

from __future__ import annotations

import dataclasses
import sys

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from engine.stats import TABS as DIST_TABS
from gui.widgets.lazy_page import LazyPage
from gui.widgets.module_loader import ModuleLoader, loaded

SLOW_MODULE = "mlsandbox_slow_import_for_tests"


def _click_tab(qtbot, tabs: QtWidgets.QTabWidget, index: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, QtCore.Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


@pytest.fixture
def slow_module(tmp_path, monkeypatch):
    """A module that takes 0.3 s to import (sleeping, so the GUI thread keeps the interpreter meanwhile)."""
    (tmp_path / f"{SLOW_MODULE}.py").write_text("import time\ntime.sleep(0.3)\nVALUE = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop(SLOW_MODULE, None)
    yield SLOW_MODULE
    sys.modules.pop(SLOW_MODULE, None)


# --- LazyPage -----------------------------------------------------------------------------------------------------
def test_lazy_page_builds_its_view_once_when_its_tab_is_first_clicked(qtbot) -> None:
    made = []

    def factory() -> QtWidgets.QLabel:
        made.append(QtWidgets.QLabel("built"))
        return made[-1]

    tabs = QtWidgets.QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QtWidgets.QLabel("first"), "First")
    page = LazyPage(factory)
    tabs.addTab(page, "Second")
    built = []
    page.built.connect(built.append)
    tabs.show()
    qtbot.waitExposed(tabs)
    assert not page.is_built() and made == []
    _click_tab(qtbot, tabs, 1)
    assert page.is_built() and built == made and len(made) == 1
    assert made[0].isVisible()  # shown with its page, not one event later
    _click_tab(qtbot, tabs, 0)
    _click_tab(qtbot, tabs, 1)
    assert page.view() is made[0] and len(made) == 1


def test_lazy_page_builds_when_asked_while_hidden(qtbot) -> None:
    page = LazyPage(lambda: QtWidgets.QLabel("x"))
    qtbot.addWidget(page)
    view = page.view()
    assert page.is_built() and view.parent() is page and not view.isVisible()


# --- labs open with only the visible tab built ------------------------------------------------------------------
def test_distributions_lab_builds_only_the_open_tab_and_draws_a_tab_when_clicked(lab_window, qtbot) -> None:
    lab = lab_window("distributions").current_lab()
    assert [k for k, p in lab._pages.items() if p.is_built()] == ["sampler"]
    _click_tab(qtbot, lab.tabs, DIST_TABS.index("qq"))
    assert lab._pages["qq"].is_built()
    x, y = lab.qq.points.getData()
    assert x is not None and len(x) > 100 and np.corrcoef(x, y)[0, 1] > 0.99  # normal samples: a straight line
    lab.shutdown()


def test_distributions_state_on_an_unbuilt_tab_is_drawn_when_set(lab_window) -> None:
    lab = lab_window("distributions").current_lab()
    assert not lab._pages["bayes"].is_built()
    lab.set_state(dataclasses.replace(lab.state(), tab="bayes", flips="HHT"))
    assert lab.tabs.currentIndex() == DIST_TABS.index("bayes")
    assert lab.coin.map_line.value() == pytest.approx(0.6)  # Beta(2, 2) prior + HHT: MAP (2+2−1)/(4+3−2)
    lab.shutdown()


@pytest.mark.parametrize("name", ["distributions", "hypothesis", "network", "derivatives"])
def test_export_builds_and_returns_every_view(lab_window, name) -> None:
    lab = lab_window(name).current_lab()
    views = lab.export_views()
    expected = {"distributions": 10, "hypothesis": 6, "network": 3, "derivatives": 3}[name]
    assert len(views) >= expected
    for key, view in views.items():
        assert view is not None, key
        assert view.scene() is not None or isinstance(view, QtWidgets.QWidget), key
    lab.shutdown()


def test_network_teaching_tabs_are_built_and_wired_on_first_show(lab_window, qtbot) -> None:
    lab = lab_window("network").current_lab()
    assert not lab.layers_page.is_built() and not lab.backprop_page.is_built()
    _click_tab(qtbot, lab.tabs, 1)
    assert lab.layers_page.is_built() and "input plane" in lab.layers.title.text()
    qtbot.mouseClick(lab.layers.next_button, QtCore.Qt.MouseButton.LeftButton)
    assert lab.state().stage == 1  # the view's signals reach the lab


# --- ModuleLoader ---------------------------------------------------------------------------------------------------
def test_loader_imports_in_the_background_while_the_event_loop_runs(qtbot, slow_module) -> None:
    win = QtWidgets.QMainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    loader = ModuleLoader((slow_module,))
    ticks = []
    timer = QtCore.QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    with qtbot.waitSignal(loader.ready, timeout=10_000):
        assert loader.start_if_needed() and loader.pending
    timer.stop()
    assert loaded(slow_module) and not loader.pending
    assert len(ticks) >= 3  # the GUI thread kept handling events during the 0.3 s import
    loader.wait()


def test_loader_does_nothing_before_a_window_is_shown_or_when_loaded(slow_module) -> None:
    assert not ModuleLoader((slow_module,)).start_if_needed()  # no window on screen: the lab draws synchronously
    assert not ModuleLoader(("numpy",)).start_if_needed()


def test_finish_now_waits_for_the_import(qtbot, slow_module) -> None:
    win = QtWidgets.QMainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    loader = ModuleLoader((slow_module,))
    fired = []
    loader.ready.connect(lambda: fired.append(1))
    assert loader.start_if_needed()
    assert loader.finish_now() and loaded(slow_module) and sys.modules[slow_module].VALUE == 42
    assert not loader.finish_now()  # nothing left to wait for
    loader.wait()
    QtWidgets.QApplication.processEvents()
    assert fired == []  # the lab already drew itself after finish_now


def test_derivatives_lab_opened_while_sympy_loads_shows_f_then_the_exact_derivative(
    lab_window, qtbot, slow_module, monkeypatch
) -> None:
    import gui.labs.derivatives.lab as dl

    monkeypatch.setattr(dl, "ModuleLoader", lambda _modules, parent: ModuleLoader((slow_module,), parent))
    win = lab_window("vectors")
    lab = win.show_lab("derivatives")
    assert lab._loader.pending
    xs, fy = lab.f_curve.getData()
    assert fy is not None and np.allclose(fy, 1 / (1 + np.exp(-xs)))  # f is drawn at once (numpy only)
    assert lab.df_curve.getData()[0] is None or len(lab.df_curve.getData()[0]) == 0
    assert lab.read_slope.text() == "…" and "loading sympy" in lab.formula.text()
    with qtbot.waitSignal(lab._loader.ready, timeout=10_000):
        pass
    x0 = lab.state().x0
    sig = 1 / (1 + np.exp(-x0))
    assert float(lab.read_slope.text()) == pytest.approx(sig * (1 - sig), rel=1e-5)
    xs, dfy = lab.df_curve.getData()
    assert np.allclose(dfy, np.exp(-xs) / (1 + np.exp(-xs)) ** 2)


def test_hypothesis_export_while_loading_finishes_the_import_and_draws(
    lab_window, qtbot, slow_module, monkeypatch
) -> None:
    import gui.labs.hypothesis.lab as hl

    monkeypatch.setattr(hl, "ModuleLoader", lambda _modules, parent: ModuleLoader((slow_module,), parent))
    win = lab_window("vectors")
    lab = win.show_lab("hypothesis")
    assert lab._loader.pending and "Loading" in lab.verdict.text()
    tables = lab.export_data()
    assert not lab._loader.pending and "samples" in tables
    from scipy import stats

    a = np.array([row[0] for row in tables["samples"][1]])
    a = a[np.isfinite(a)]
    p = stats.ttest_1samp(a, lab.state().mu0).pvalue  # the default test: one-sample t, two-sided
    assert f"p = {p:.4f}" in lab.controls.result_label.text()
    lab.shutdown()


@pytest.mark.qt_log_ignore("not accepted by receiving widget")  # a right click nobody takes: that is the point
def test_a_plane_builds_no_context_menu_it_would_never_show(qtbot, monkeypatch) -> None:
    from gui.widgets.plane import PlaneWidget

    view_box_module = sys.modules["pyqtgraph.graphicsItems.ViewBox.ViewBox"]  # (the package exports the class)

    built = []
    menu_class = view_box_module.ViewBoxMenu
    monkeypatch.setattr(view_box_module, "ViewBoxMenu", lambda *a: built.append(1) or menu_class(*a))
    plane = PlaneWidget()
    assert not built  # built and thrown away by configure_plot before: ~2.5 ms of widgets per plane
    qtbot.addWidget(plane)
    plane.resize(400, 300)
    plane.show()
    qtbot.waitExposed(plane)
    assert plane.getPlotItem().getViewBox().menu is None  # pyqtgraph's view-box menu (~2.5 ms of widgets): not built
    assert not plane.getPlotItem().menuEnabled()
    before = plane.getPlotItem().getViewBox().viewRange()
    # a real right click opens nothing and raises nothing (pytest-qt fails the test on an exception in a Qt handler)
    qtbot.mouseClick(plane.viewport(), QtCore.Qt.MouseButton.RightButton, pos=plane.viewport().rect().center())
    assert not [w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QMenu) and w.isVisible()]
    assert plane.getPlotItem().getViewBox().viewRange() == before


def test_a_lab_that_fits_is_laid_out_once_at_its_final_size(lab_window, qtbot) -> None:
    """Opening a lab: it is sized to the room without scroll bars at once (sized while the frame's bars still showed,
    it was laid out and painted 14 px short, then again at full size)."""
    from gui.fit import LabFrame

    win = lab_window("vectors")
    sizes: list[QtCore.QSize] = []

    class Sizes(QtCore.QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QtCore.QEvent.Type.Resize:
                sizes.append(QtCore.QSize(event.size()))
            return False

    spy = Sizes()
    lab = win.lab("matrices")  # built, not yet shown
    lab.installEventFilter(spy)
    win.show_lab("matrices")
    for _ in range(5):
        QtWidgets.QApplication.processEvents()
    frame = LabFrame.of(lab)
    assert not frame.scrolls()
    assert lab.size() == frame.viewport().size()
    assert sizes and all(s == lab.size() for s in sizes), [(s.width(), s.height()) for s in sizes]
