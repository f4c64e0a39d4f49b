"""derive() keeps the parts a drag does not touch in small caches: each must still follow the fields it reads."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from engine import decomp as D
from engine.decomp.cube import cube_action, project
from engine.decomp.derive import pca_view, svd_matrix_of
from engine.decomp.markov import pagerank
from engine.decomp.pca import load_pca_dataset
from engine.decomp.svd import svd_facts

BASE = D.DecompositionsState()
VARIANTS = [
    BASE,
    replace(BASE, points=((0.0, 1.0), (1.0, 3.0), (2.0, 2.0))),
    replace(BASE, svd_matrix=((3.0, 1.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 2.0))),
    replace(BASE, svd_size=3),
    replace(BASE, pca_standardise=not BASE.pca_standardise, pca_row=5, pca_k=1),
    replace(BASE, damping=0.5, power_steps=3),
    replace(BASE, edges=BASE.edges[:-1]),
    replace(BASE, azimuth=10.0, elevation=-20.0),
    replace(BASE, svd_matrix=((1.0, 2.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, -1.0)), azimuth=10.0),
]


def test_every_part_follows_its_own_fields_in_any_order() -> None:
    for state in VARIANTS + VARIANTS[::-1]:  # each state after a different one: no stale part survives
        r = D.derive(state)
        np.testing.assert_allclose(r.svd.s, svd_facts(svd_matrix_of(state)).s)
        result, rebuilt = pca_view(load_pca_dataset(state.pca_dataset), state)
        np.testing.assert_allclose(r.pca.explained_ratio, result.explained_ratio)
        np.testing.assert_allclose(r.reconstruction, rebuilt)
        edges = tuple((i, j) for i, j in state.edges if i < len(state.nodes) and j < len(state.nodes))
        expected = pagerank(len(state.nodes), edges, state.damping, state.power_steps)
        np.testing.assert_allclose(r.markov.stationary, expected.stationary)
        np.testing.assert_allclose(r.fit.coef, D.derive(replace(state)).fit.coef)
        assert len(r.svd.s) == state.svd_size
        cube = cube_action(np.array(state.svd_matrix, dtype=float))
        np.testing.assert_allclose(r.cube_2d[1], project(cube.images, state.azimuth, state.elevation))
        np.testing.assert_allclose(r.axes_2d, project(1.5 * np.eye(3), state.azimuth, state.elevation))
        assert len(r.eigen_2d) == len(cube.eigenvectors)


def test_a_point_drag_reuses_the_projected_cube() -> None:
    """The 3-D tab's projection (six small projections, ~0.2 ms) is not redone for every least-squares move."""
    first = D.derive(replace(BASE, points=((0.0, 1.0), (1.0, 3.0))))
    moved = D.derive(replace(BASE, points=((0.0, 1.0), (1.0, 2.5))))
    assert moved.cube_2d is first.cube_2d and moved.axes_2d is first.axes_2d


def test_a_matrix_given_as_lists_is_accepted() -> None:
    state = replace(BASE, svd_matrix=[[2.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    assert D.derive(state).svd.s[0] == 2.0
