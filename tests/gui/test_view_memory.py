"""Pan/zoom of every plot (not only the labs with a ``view`` field) is a change, saved in the scene and restored."""

from __future__ import annotations

import json

import pytest

from engine import scene as scene_io
from gui.view_memory import plot_boxes
from tests.gui.helpers import drag_in_view

# plots whose lab state has no view field: hypothesis, distributions, decompositions SVD, network loss
PLOTS = [("hypothesis", "test"), ("distributions", "density"), ("decompositions", "svd"), ("network", "loss")]


def _close(a, b, tol=1e-6) -> bool:
    return all(abs(x - y) <= tol * max(1.0, abs(y)) for x, y in zip(a, b, strict=True))


def _box_and_key(lab, view_name):
    item = lab.export_views()[view_name]
    box = item.getViewBox()
    key = next(k for k, b in plot_boxes(lab).items() if b is box)
    return box, key


@pytest.mark.parametrize(("lab_name", "view_name"), PLOTS)
def test_a_real_pan_of_any_plot_is_saved_and_restored(lab_window, qtbot, tmp_path, lab_name, view_name) -> None:
    win = lab_window(lab_name)
    lab = win.current_lab()
    path = tmp_path / "views.mlscene"
    assert win.document.save_as(path)
    box, key = _box_and_key(lab, view_name)
    (x0, x1), (y0, y1) = box.viewRange()
    before = (x0, x1, y0, y1)
    start = (x0 + 0.6 * (x1 - x0), y0 + 0.5 * (y1 - y0))
    end = (x0 + 0.4 * (x1 - x0), y0 + 0.3 * (y1 - y0))
    drag_in_view(qtbot, item := lab.export_views()[view_name], start, end)
    (a0, a1), (b0, b1) = box.viewRange()
    moved = (a0, a1, b0, b1)
    assert not _close(moved, before), "the drag panned the plot"
    assert win.document.is_modified(), "a pan of any plot counts as a change"
    assert win.document.save()
    saved = scene_io.load(path).views[lab_name][key]
    assert _close(saved, moved)

    win.document.new()
    assert win.open_scene(str(path))
    lab = win.current_lab()
    box = plot_boxes(lab)[key]
    (a0, a1), (b0, b1) = box.viewRange()
    assert _close((a0, a1, b0, b1), moved, 1e-3)
    assert item is not None


def test_views_of_a_lab_not_yet_opened_survive_a_save(lab_window, tmp_path) -> None:
    win = lab_window("vectors")
    path = tmp_path / "later.mlscene"
    views = {"hypothesis": {"made/up/PlotWidget0#0": (0.0, 5.0, 0.0, 1.0)}}
    path.write_text(scene_io.dumps(scene_io.Scene(states={}, current_lab="vectors", views=views)))
    assert win.open_scene(str(path))
    assert win.document.save_as(tmp_path / "again.mlscene")
    assert scene_io.load(tmp_path / "again.mlscene").views == views  # an unknown plot name is kept, not an error


def test_an_absurd_range_in_a_file_is_clamped_with_a_message(lab_window, tmp_path) -> None:
    win = lab_window("hypothesis")
    lab = win.current_lab()
    box, key = _box_and_key(lab, "test")
    path = tmp_path / "absurd.mlscene"
    views = {"hypothesis": {key: (1.0, 1.0 + 1e-300, -1e30, 1e30)}}
    path.write_text(scene_io.dumps(scene_io.Scene(states={}, current_lab="hypothesis", views=views)))
    assert win.open_scene(str(path))
    assert "View range adjusted" in win.status.currentMessage()
    (x0, x1), (y0, y1) = box.viewRange()
    assert x1 - x0 >= 1e-9 and abs(y0) <= 1e6 * 1.1 and abs(y1) <= 1e6 * 1.1


@pytest.mark.parametrize(
    "views",
    [
        {"nolab": {}},
        {"vectors": [1, 2]},
        {"vectors": {"p#0": [0, 1, 2]}},
        {"vectors": {"p#0": [0, 1, 2, "x"]}},
        {"vectors": {"p#0": [0, 1, True, 3]}},
        {"vectors": {"": [0, 1, 2, 3]}},
    ],
)
def test_malformed_views_in_a_file_are_named_errors(views) -> None:
    doc = {"format": scene_io.FORMAT, "version": scene_io.VERSION, "labs": {}, "views": views}
    with pytest.raises(scene_io.SceneError) as err:
        scene_io.loads(json.dumps(doc))
    assert err.value.field.startswith("views")
