"""Vector helpers and the Vectors lab state, checked against numpy and hand-worked cases."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import vectors as V
from engine.schema import SchemaError, from_dict, to_dict

coord = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)
vec2 = st.tuples(coord, coord)


# --- hand-worked cases ----------------------------------------------------------------------------------------------


def test_dot_and_angle_hand_cases():
    assert V.dot((3, 1), (1, 2)) == 5.0
    assert V.angle((1, 0), (0, 2)) == pytest.approx(90.0)
    assert V.angle((1, 0), (-3, 0)) == pytest.approx(180.0)
    assert V.angle((1, 1), (2, 2)) == pytest.approx(0.0, abs=1e-12)
    assert V.angle((1, 0), (1, 1), degrees=False) == pytest.approx(math.pi / 4)


def test_zero_vectors_make_angle_and_projection_undefined():
    assert V.angle((0, 0), (1, 2)) is None
    assert V.angle((1, 2), (0.0, -0.0)) is None
    assert V.projection((1, 2), (0, 0)) is None
    assert V.projection((0, 0), (1, 2)) == (0.0, 0.0)


def test_projection_hand_case():
    # u = (3, 1) onto v = (1, 2): (5 / 5) v = (1, 2)
    assert V.projection((3, 1), (1, 2)) == pytest.approx((1.0, 2.0))
    # onto the x-axis: drop the y component
    assert V.projection((4, -7), (2, 0)) == pytest.approx((4.0, 0.0))


def test_norms_hand_case():
    assert V.norms((3, -4)) == {"l1": 7.0, "l2": 5.0, "linf": 4.0}
    with pytest.raises(V.VectorError, match="unknown norm"):
        V.norm((1, 2), "l3")


def test_l2_norm_does_not_overflow():
    assert V.norm((3e200, 4e200)) == pytest.approx(5e200)


def test_bad_vectors_raise_named_error():
    with pytest.raises(V.VectorError, match="non-finite"):
        V.dot((1, float("nan")), (1, 2))
    with pytest.raises(V.VectorError, match="same length"):
        V.dot((1, 2), (1, 2, 3))
    with pytest.raises(V.VectorError):
        V.norm(())
    with pytest.raises(V.VectorError):
        V.norm("ab")
    with pytest.raises(V.VectorError, match="one coefficient per vector"):
        V.linear_combination([1, 2], [(1, 0)])


def test_span_and_dependence():
    assert V.span_dimension([(1, 2), (2, 4)]) == 1
    assert V.are_dependent((1, 2), (-0.5, -1))
    assert not V.are_dependent((1, 0), (1, 1e-6))
    assert V.are_dependent((0, 0), (1, 1))
    assert V.span_dimension([(0, 0), (0, 0)]) == 0
    assert V.span_dimension([(1e-8, 2e-8), (3e8, 6e8)]) == 1  # badly scaled but parallel
    assert V.span_dimension([(1e-8, 0), (0, 3e8)]) == 2  # badly scaled but independent
    assert "line" in V.span_description((1, 2), (2, 4))
    assert "whole plane" in V.span_description((1, 0), (0, 1))
    assert "origin" in V.span_description((0, 0), (0, 0))


def test_snap_to_grid():
    assert V.snap_to_grid((1.4, -2.6)) == (1.0, -3.0)
    assert V.snap_to_grid((0.26, 0.74), step=0.5) == (0.5, 0.5)
    assert V.snap_to_grid((-0.2, 0.1)) == (0.0, 0.0)  # no negative zero in readouts
    assert math.copysign(1.0, V.snap_to_grid((-0.2, 0.1))[0]) == 1.0
    assert V.snap_to_grid((5e7, 0)) == (1e6, 0.0)
    with pytest.raises(V.VectorError):
        V.snap_to_grid((1, 2), step=0)


def test_unit_balls_have_norm_one():
    for kind in V.NORM_KINDS:
        for p in V.unit_ball(kind):
            assert V.norm(p, kind) == pytest.approx(1.0)
    # the L1 diamond lies inside the L2 circle, which lies inside the L∞ square
    assert V.unit_ball("l1").shape == (5, 2)


def test_parallelogram_corners():
    P = V.parallelogram((3, 1), (1, 2))
    assert P.tolist() == [[0, 0], [3, 1], [4, 3], [1, 2], [0, 0]]


# --- properties against numpy -------------------------------------------------------------------------------------


@given(vec2, vec2)
def test_dot_matches_numpy(u, v):
    assert V.dot(u, v) == pytest.approx(float(np.dot(u, v)), rel=1e-12, abs=1e-9)


@given(vec2, vec2)
def test_angle_matches_arccos_away_from_degenerate(u, v):
    nu, nv = np.linalg.norm(u), np.linalg.norm(v)
    ang = V.angle(u, v)
    if nu <= V.ZERO_TOL or nv <= V.ZERO_TOL:
        if max(map(abs, u)) <= V.ZERO_TOL or max(map(abs, v)) <= V.ZERO_TOL:
            assert ang is None
        return
    ref = math.degrees(math.acos(np.clip(np.dot(u, v) / (nu * nv), -1, 1)))
    assert 0.0 <= ang <= 180.0
    assert ang == pytest.approx(ref, abs=1e-5)  # arccos itself is only this good near 0 and 180


@given(st.lists(coord, min_size=3, max_size=5), st.lists(coord, min_size=3, max_size=5))
def test_angle_nd_matches_arccos(a, b):
    n = min(len(a), len(b))
    u, v = np.array(a[:n]), np.array(b[:n])
    if np.max(np.abs(u)) <= 1e-6 or np.max(np.abs(v)) <= 1e-6:
        return
    ref = math.degrees(math.acos(np.clip(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)), -1, 1)))
    assert V.angle(u, v) == pytest.approx(ref, abs=1e-5)


@given(vec2, vec2)
def test_projection_residual_is_perpendicular(u, v):
    p = V.projection(u, v)
    if max(map(abs, v)) <= V.ZERO_TOL:
        assert p is None
        return
    p = np.array(p)
    r = np.array(u) - p
    scale = (np.linalg.norm(u) + 1) * (np.linalg.norm(v) + 1)
    assert abs(r @ np.array(v)) <= 1e-9 * scale
    # p lies on the line of v
    assert abs(p[0] * v[1] - p[1] * v[0]) <= 1e-9 * scale * (np.linalg.norm(p) + 1)


@given(vec2)
def test_norms_match_numpy(u):
    n = V.norms(u)
    assert n["l1"] == pytest.approx(np.linalg.norm(u, 1))
    assert n["l2"] == pytest.approx(np.linalg.norm(u))
    assert n["linf"] == pytest.approx(np.linalg.norm(u, np.inf))
    assert n["linf"] <= n["l2"] + 1e-9 <= n["l1"] + 2e-9


@given(st.floats(-5, 5), st.floats(-5, 5), vec2, vec2)
def test_linear_combination_matches_numpy(a, b, u, v):
    got = V.linear_combination([a, b], [u, v])
    assert got == pytest.approx(tuple(a * np.array(u) + b * np.array(v)), abs=1e-9)


@given(vec2, vec2)
def test_span_dimension_matches_numpy_rank_for_clear_cases(u, v):
    M = np.array([u, v])
    s = np.linalg.svd(M, compute_uv=False)
    if s[0] == 0:
        assert V.span_dimension([u, v]) == 0
    elif s[1] > 1e-6 * s[0]:
        assert V.span_dimension([u, v]) == 2
    # parallel by construction: (k·u) is always dependent on u
    assert V.are_dependent(u, tuple(-2.5 * x for x in u))


# --- the lab state --------------------------------------------------------------------------------------------------


def test_state_round_trip_non_default():
    s = V.VectorsState(
        vectors=((1.5, -2.0), (0.0, 3.0), (4.0, 4.0)),
        names=("u", "v", "w"),
        scalar_c=-2.0,
        coef_a=0.5,
        coef_b=2.0,
        snap=True,
        norm_ball="l1",
        show_combo=True,
        view=(-10.0, 10.0, -8.0, 8.0),
    )
    assert from_dict(V.VectorsState, to_dict(s)) == s


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"vectors": [[1, 2]], "names": ["u"]}, "vectors"),
        ({"names": ["u", "u"]}, "names"),
        ({"names": ["u"]}, "names"),
        ({"vectors": [[1, "abc"], [1, 2]]}, "vectors[0][1]"),
        ({"norm_ball": "l3"}, "norm_ball"),
        ({"view": [1, -1, 0, 1]}, "view"),
        ({"scalar_c": 99}, "scalar_c"),
    ],
)
def test_state_rejects_bad_scenes(data, field):
    with pytest.raises(SchemaError) as info:
        from_dict(V.VectorsState, data)
    assert info.value.field == field


def test_metrics_default_state_hand_values():
    m = V.metrics(V.VectorsState())  # u = (1, 3), v = (4, 1)
    assert m["u_dot_v"] == 7.0
    assert m["angle_deg"] == pytest.approx(math.degrees(math.acos(7 / math.sqrt(10 * 17))))
    assert (m["proj_x"], m["proj_y"]) == pytest.approx((28 / 17, 7 / 17))
    assert (m["sum_x"], m["sum_y"]) == (5.0, 4.0)
    assert m["cross"] == -11.0 and m["dependent"] is False and m["span_dim"] == 2.0


def test_metrics_zero_vector_says_undefined():
    m = V.metrics(V.VectorsState(vectors=((1.0, 2.0), (0.0, 0.0))))
    assert m["angle_deg"] == "undefined"
    assert m["proj_x"] == "undefined"
    assert m["dependent"] is True


@pytest.mark.parametrize(
    "vectors", [((3.0, 1.0), (1.0, 2.0)), ((1.0, 2.0), (-2.0, -4.0)), ((0.0, 0.0), (1.0, 0.0)), ((2.5, -1), (0, 0))]
)
def test_code_snippet_reproduces_metrics(vectors):
    state = V.VectorsState(vectors=vectors, scalar_c=-1.25, coef_a=2.0, coef_b=0.5)
    ns: dict = {}
    exec(V.code(state), ns)
    m = V.metrics(state)
    assert set(ns["result"]) <= set(m)
    for key, value in ns["result"].items():
        assert value == pytest.approx(m[key], rel=1e-9, abs=1e-12), key
    assert ("angle_deg" in ns["result"]) == (m["angle_deg"] != "undefined")


def test_next_name_skips_taken_names():
    s = V.VectorsState(vectors=((1.0, 0.0),) * 3, names=("u", "v", "w"))
    assert s.next_name() == "p"


@settings(max_examples=50)
@given(st.lists(st.tuples(coord, coord), min_size=2, max_size=8))
def test_metrics_never_crash(vecs):
    s = V.VectorsState(vectors=tuple(vecs), names=tuple(f"n{i}" for i in range(len(vecs))))
    m = V.metrics(s)
    assert all(isinstance(x, (float, bool, str)) for x in m.values())


def test_angle_arc_spans_the_angle():
    arc = V.angle_arc((1, 0), (0, 2), radius=0.5)
    assert arc[0] == pytest.approx((0.5, 0.0)) and arc[-1] == pytest.approx((0.0, 0.5))
    assert np.hypot(arc[:, 0], arc[:, 1]) == pytest.approx(np.full(len(arc), 0.5))
    clockwise = V.angle_arc((0, 1), (1, 0), radius=1)
    assert clockwise[-1] == pytest.approx((1.0, 0.0))  # the short way, not 270°
    assert V.angle_arc((0, 0), (1, 0), radius=1) is None
