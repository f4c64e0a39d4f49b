"""The Bayes tab's probability tree keeps every label inside its view, also in presenter mode on a 1280×720 screen."""

from __future__ import annotations

import pytest
from PySide6 import QtCore

from engine import prob as P
from tests.gui.helpers import settle_layouts


@pytest.mark.parametrize(
    "presenter,size",
    [(True, (1280, 720)), (True, (1024, 768)), (False, (1024, 768))],
    ids=["presenter", "presenter-1024", "normal"],
)
def test_tree_labels_stay_inside_the_view_while_the_prevalence_is_typed(qtbot, lab_window, themed, presenter, size):
    themed(presenter)
    win = lab_window("probability")
    win.lessons_dock.show()
    win.resize(*size)
    lab = win.show_lab("probability")
    lab.set_state(P.ProbabilityState(tab="bayes"))
    settle_layouts()
    tree = lab.bayes_tab.tree
    box = lab.bayes_tab.sliders["prevalence"].box
    for typed in ("0.010", "0.333"):
        box.selectAll()
        qtbot.keyClicks(box, typed)
        qtbot.keyClick(box, QtCore.Qt.Key.Key_Return)
        settle_layouts()
        assert lab.state().prevalence == pytest.approx(float(typed))
        view = tree.getPlotItem().getViewBox()
        inside = view.mapRectToScene(view.boundingRect())
        labels = {**tree.node_labels, **tree.edge_labels}
        for key, label in labels.items():
            rect = label.mapRectToScene(label.boundingRect())
            assert inside.contains(rect), f"{key!r} label {label.toPlainText()!r} leaves the tree's view"
        assert tree.edge_labels["d"].toPlainText() == typed and "true +\n" in tree.node_labels["tp"].toPlainText()
