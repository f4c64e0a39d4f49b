"""The surface picture: display compression and marching-squares contours, against hand-worked geometry."""

from __future__ import annotations

import numpy as np
import pytest

from engine.optim import contour_paths, objectives, surface_display, surface_picture


def test_contour_paths_lie_on_the_levels_and_join_up():
    xs = np.linspace(-2.0, 2.0, 81)
    ys = np.linspace(-2.0, 2.0, 61)  # not square: rows are y, columns x
    X, Y = np.meshgrid(xs, ys)
    d = (X - 0.3) ** 2 + 2.0 * Y**2
    cx, cy = contour_paths(d, xs, ys, n_levels=6)
    assert len(cx) == len(cy) and len(cx) % 2 == 0 and len(cx) > 100
    levels = np.linspace(d.min(), d.max(), 8)[1:-1]
    v = (cx - 0.3) ** 2 + 2.0 * cy**2
    assert np.min(np.abs(v[:, None] - levels[None, :]), axis=1).max() < 0.02  # on a level (linear interpolation)
    # the smallest level is a closed ellipse inside the grid: every segment end is shared by exactly two segments
    inner = np.abs(v - levels[0]) < 0.02
    ends = np.round(np.column_stack((cx[inner], cy[inner])), 9)
    _, counts = np.unique(ends, axis=0, return_counts=True)
    assert np.all(counts == 2)
    # ... and its length is the ellipse's (semi-axes √L and √(L/2)): Ramanujan's formula
    seg = ends.reshape(-1, 2, 2)
    length = np.hypot(*(seg[:, 1] - seg[:, 0]).T).sum()
    a, b = np.sqrt(levels[0]), np.sqrt(levels[0] / 2.0)
    ramanujan = np.pi * (3 * (a + b) - np.sqrt((3 * a + b) * (a + 3 * b)))
    assert length == pytest.approx(ramanujan, rel=0.01)
    assert contour_paths(np.full((5, 5), 2.0), xs[:5], ys[:5])[0].size == 0  # flat: no lines
    assert contour_paths(np.full((5, 5), np.nan), xs[:5], ys[:5])[0].size == 0  # nothing finite: no lines


def test_contour_paths_split_saddles_by_the_cell_mean():
    xs = ys = np.array([0.0, 1.0])
    # high corners bottom-left and top-right (case 5); mean above the middle level: the high corners join
    d = np.array([[1.0, 0.0], [0.2, 1.0]])
    cx, cy = contour_paths(d, xs, ys, n_levels=1)  # level 0.5
    seg = np.column_stack((cx, cy)).reshape(-1, 2, 2)
    assert len(seg) == 2
    # each segment cuts off one LOW corner: (1, 0) or (0, 1)
    near = sorted(tuple(np.round(m)) for m in seg.mean(axis=1))
    assert near == [(0.0, 1.0), (1.0, 0.0)]
    # the same corners with the mean below the level: the low corners join, the HIGH ones are cut off
    d = np.array([[0.5, 0.0], [0.0, 0.6]])  # mean 0.275
    cx, cy = contour_paths(d, xs, ys, n_levels=1)  # level 0.3
    seg = np.column_stack((cx, cy)).reshape(-1, 2, 2)
    near = sorted(tuple(np.round(m)) for m in seg.mean(axis=1))
    assert near == [(0.0, 0.0), (1.0, 1.0)]


def test_surface_display_is_log1p_of_height_above_the_minimum():
    z = np.array([[0.0, 1.0], [3.0, np.nan]])
    d = surface_display(z)
    scale = (np.percentile([0.0, 1.0, 3.0], 50) - 0.0) / 20.0
    np.testing.assert_allclose(d[:1], np.log1p(z[:1] / scale))
    assert d[0, 0] == 0.0 and np.isnan(d[1, 1])


def test_surface_picture_samples_the_objective_over_the_view():
    o = objectives.preset("rosenbrock")
    pic = surface_picture(o, (-2.0, 2.0, -1.0, 3.0), contours=False)
    assert pic.xs[0] == -2.0 and pic.xs[-1] == 2.0 and pic.ys[0] == -1.0 and pic.ys[-1] == 3.0
    j, i = 17, 123
    z = (1 - pic.xs[i]) ** 2 + 100 * (pic.ys[j] - pic.xs[i] ** 2) ** 2
    zmin = np.nanmin([[(1 - x) ** 2 + 100 * (y - x * x) ** 2 for x in pic.xs] for y in pic.ys])
    assert pic.display.shape == (len(pic.ys), len(pic.xs))
    assert np.nanargmin(pic.display) == np.nanargmin(
        [[(1 - x) ** 2 + 100 * (y - x * x) ** 2 for x in pic.xs] for y in pic.ys]
    )
    assert pic.display[j, i] > 0 and z > zmin
    assert pic.contour_x.size == 0  # contours skipped
    x, y, u, v = pic.arrows
    np.testing.assert_allclose(u, -(-2 * (1 - x) - 400 * x * (y - x**2)))
    np.testing.assert_allclose(v, -(200 * (y - x**2)))
    assert surface_picture(o, (-2.0, 2.0, -1.0, 3.0)).contour_x.size > 0
