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


# --- the level-by-level marching squares the vectorised one replaced (kept here as its reference) ---------------
_REF_PAIRS = ((3, 0), (0, 1), (3, 1), (1, 2), (0, 2), (3, 2))
_REF_CASES = ((1, 14), (2, 13), (3, 12), (4, 11), (6, 9), (7, 8))


def _level_by_level(d: np.ndarray, xs: np.ndarray, ys: np.ndarray, n_levels: int = 14) -> tuple[np.ndarray, np.ndarray]:
    """The earlier contour tracer, one level at a time over whole grids: the reference for the faster one."""
    finite = d[np.isfinite(d)]
    if finite.size == 0 or float(np.ptp(finite)) == 0.0 or d.shape[0] < 2 or d.shape[1] < 2:
        return np.zeros(0), np.zeros(0)
    data = np.where(np.isfinite(d), d, float(finite.max()))
    levels = np.linspace(float(finite.min()), float(finite.max()), n_levels + 2)[1:-1]
    a, b, c, e = data[:-1, :-1], data[:-1, 1:], data[1:, 1:], data[1:, :-1]  # corners: bl, br, tr, tl
    x0, x1 = np.meshgrid(xs[:-1], ys[:-1])[0], np.meshgrid(xs[1:], ys[:-1])[0]
    y0, y1 = np.meshgrid(xs[:-1], ys[:-1])[1], np.meshgrid(xs[:-1], ys[1:])[1]
    centre = (a + b + c + e) / 4.0
    px: list[np.ndarray] = []
    py: list[np.ndarray] = []
    with np.errstate(all="ignore"):
        for level in levels:
            case = (a > level) + 2 * (b > level) + 4 * (c > level) + 8 * (e > level)
            high = centre > level
            # edge points (only used where the level crosses that edge, so the divisions there are safe)
            edges = (
                (x0 + (level - a) / (b - a) * (x1 - x0), y0),  # bottom: a → b
                (x1, y0 + (level - b) / (c - b) * (y1 - y0)),  # right: b → c
                (x0 + (level - e) / (c - e) * (x1 - x0), y1),  # top: e → c
                (x0, y0 + (level - a) / (e - a) * (y1 - y0)),  # left: a → e
            )
            for (i, j), cases in zip(_REF_PAIRS, _REF_CASES, strict=True):
                m = (case == cases[0]) | (case == cases[1])
                if (i, j) in ((3, 0), (1, 2)):  # cut off bottom-left / top-right: saddle 5 when low, 10 when high
                    m |= ((case == 5) & ~high) | ((case == 10) & high)
                elif (i, j) == (0, 1):  # cut off bottom-right (and top-left below): saddle 5 high, 10 low
                    m |= ((case == 5) & high) | ((case == 10) & ~high)
                if not m.any():
                    continue
                px.append(np.column_stack((edges[i][0][m], edges[j][0][m])).ravel())
                py.append(np.column_stack((edges[i][1][m], edges[j][1][m])).ravel())
            m = ((case == 5) & high) | ((case == 10) & ~high)  # the saddle's other piece: top-left corner
            if m.any():
                px.append(np.column_stack((edges[3][0][m], edges[2][0][m])).ravel())
                py.append(np.column_stack((edges[3][1][m], edges[2][1][m])).ravel())
    if not px:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(px), np.concatenate(py)


@pytest.mark.parametrize("name", ["rosenbrock", "himmelblau", "beale", "saddle", "rastrigin", "camel"])
def test_contour_paths_are_the_level_by_level_tracers_segments_in_its_order(name):
    o = objectives.preset(name)
    for n in (110, 37):
        xs, ys, z = objectives.surface_grid(o, o.view, n)
        d = surface_display(z)
        got, want = contour_paths(d, xs, ys), _level_by_level(d, xs, ys)
        assert len(got[0]) > 20
        assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])


def test_contour_paths_match_the_reference_on_noise_gaps_and_saddles():
    rng = np.random.default_rng(0)
    noisy = rng.normal(size=(40, 50))
    noisy[3, 4], noisy[10:12, 10] = np.nan, np.inf
    blocks = np.kron(rng.integers(0, 2, (10, 10)), np.ones((3, 3)))  # many saddle cells
    for d in (noisy, blocks):
        xs, ys = np.arange(d.shape[1], dtype=float), np.arange(d.shape[0], dtype=float)
        got, want = contour_paths(d, xs, ys), _level_by_level(d, xs, ys)
        assert np.array_equal(got[0], want[0]) and np.array_equal(got[1], want[1])
