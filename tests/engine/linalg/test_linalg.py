"""Cells, row reduction, determinant, eigen, inverse, solve and the Matrices state, against numpy and sympy."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given
from hypothesis import strategies as st

from engine import linalg as L
from engine.linalg import transform2d as T
from engine.schema import SchemaError, from_dict, to_dict

small_int = st.integers(-6, 6)


def int_matrix(max_rows: int = 5, max_cols: int = 6):
    """Integer matrices up to max_rows × max_cols."""
    return st.integers(1, max_rows).flatmap(
        lambda m: st.integers(1, max_cols).flatmap(
            lambda n: st.lists(st.lists(small_int, min_size=n, max_size=n), min_size=m, max_size=m)
        )
    )


def square_int(n_max: int = 4):
    return st.integers(1, n_max).flatmap(
        lambda n: st.lists(st.lists(small_int, min_size=n, max_size=n), min_size=n, max_size=n)
    )


def low_rank_int(draw_rank: int, m: int, n: int, seed: int) -> list[list[int]]:
    rng = np.random.default_rng(seed)
    B = rng.integers(-3, 4, size=(m, draw_rank))
    C = rng.integers(-3, 4, size=(draw_rank, n))
    return (B @ C).tolist()


# --- parse_cell -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3", Fraction(3)),
        ("-1.5", Fraction(-3, 2)),
        ("2/3", Fraction(2, 3)),
        ("  -2/3 ", Fraction(-2, 3)),
        ("\u22124", Fraction(-4)),
        (".5", Fraction(1, 2)),
        ("1e-3", Fraction(1, 1000)),
        ("+7", Fraction(7)),
        ("1.5/2", Fraction(3, 4)),
        ("1e6", Fraction(10**6)),
        ("0", Fraction(0)),
    ],
)
def test_parse_cell_accepts(text, value):
    assert L.parse_cell(text) == value


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("abc", "not a number"),
        ("", "empty"),
        ("   ", "empty"),
        ("nan", "not a finite"),
        ("-inf", "not a finite"),
        ("inf", "not a finite"),
        ("1e400", "too large"),
        ("1e999999999", "not a number"),
        ("1000001", "too large"),
        ("2e6", "too large"),
        ("1/0", "divides by zero"),
        ("1e-12", "too small"),
        ("1,5", "point for decimals"),
        ("1/2/3", "not a number"),
        ("0x10", "not a number"),
        ("2*3", "not a number"),
        ("9" * 50, "too long"),
    ],
)
def test_parse_cell_rejects_with_reason(text, why):
    with pytest.raises(L.CellError, match=why):
        L.parse_cell(text)


@given(st.text(max_size=30))
def test_parse_cell_never_crashes_and_respects_bounds(text):
    try:
        value = L.parse_cell(text)
    except L.CellError as exc:
        assert str(exc)
        return
    assert isinstance(value, Fraction)
    assert abs(value) <= 1e6
    assert value == 0 or abs(value) >= 1e-9


@given(st.integers(-(10**6), 10**6), st.integers(1, 10**4))
def test_parse_cell_round_trips_fractions(num, den):
    q = Fraction(num, den)
    assert L.parse_cell(str(q)) == q


@given(st.floats(-1e6, 1e6, allow_nan=False))
def test_parse_cell_reads_float_reprs(x):
    assume(x == 0 or abs(x) >= 1e-9)
    assert float(L.parse_cell(repr(x))) == x


def test_parse_cell_refuses_non_text():
    with pytest.raises(L.CellError):
        L.parse_cell(3)  # type: ignore[arg-type]


# --- rref -----------------------------------------------------------------------------------------------------------


def test_rref_hand_case_steps_are_readable_and_exact():
    res = L.rref([[2, 1, -1, 8], [-3, -1, 2, -11], [-2, 1, 2, -3]])
    assert res.exact
    assert res.pivots == (0, 1, 2)
    assert [list(r) for r in res.matrix] == [[1, 0, 0, 2], [0, 1, 0, 3], [0, 0, 1, -1]]
    first = res.steps[0]
    assert first.description == "R1 ← (1/2)·R1"
    assert first.matrix[0] == (1, Fraction(1, 2), Fraction(-1, 2), 4)
    assert res.steps[1].description == "R2 ← R2 + 3·R1"
    assert all(isinstance(x, Fraction) for s in res.steps for r in s.matrix for x in r)
    assert res.steps[-1].matrix == res.matrix


def test_rref_swaps_when_pivot_is_zero():
    res = L.rref([[0, 1], [2, 4]])
    assert res.steps[0].description == "R1 ↔ R2"
    assert res.steps[0].kind == "swap"


def test_rref_replays_steps():
    """Each step is exactly the elementary operation its description names."""
    res = L.rref([[1, 2, 3], [4, 5, 6], [7, 8, 10]])
    before = res.original
    for step in res.steps:
        a = [list(r) for r in before]
        if step.kind == "swap":
            i, j = step.rows
            a[i], a[j] = a[j], a[i]
        elif step.kind == "scale":
            (i,) = step.rows
            assert [x for x in step.matrix[i]] == [x / next(y for y in a[i] if y != 0) for x in a[i]]
            a[i] = list(step.matrix[i])
        else:
            i, r = step.rows
            f = a[i][next(c for c in range(len(a[r])) if a[r][c] != 0)]
            a[i] = [x - f * y for x, y in zip(a[i], a[r], strict=True)]
        assert tuple(tuple(r) for r in a) == step.matrix
        before = step.matrix


def test_rref_of_strings_and_short_decimals_is_exact():
    res = L.rref([["0.1", "2/3"], ["1", "-1.5"]])
    assert res.exact
    assert res.matrix == ((1, 0), (0, 1))
    assert L.rref([[0.1, 0.2], [0.3, 0.6]]).exact  # short float decimals count as exact
    assert L.rref([[0.1, 0.2], [0.3, 0.6]]).rank == 1


def test_rref_of_long_floats_uses_tolerance():
    res = L.rref([[1 / 3, 2 / 3], [1.0, 2.0]])
    assert not res.exact
    assert res.rank == 1
    assert res.as_array() == pytest.approx(np.array([[1, 2], [0, 0]]))


def test_rref_badly_scaled_keeps_rank():
    # rows scaled by 1e-10 and 1e10: row-relative tolerance keeps both pivots
    A = np.diag([1e-10 / 3, 1e10 / 3])
    assert L.rref(A).rank == 2
    B = np.array([[1e-10 / 3, 2e-10 / 3], [1e10 / 3, 2e10 / 3]])
    assert L.rref(B).rank == 1


def test_rref_exact_true_refuses_long_floats():
    with pytest.raises(L.CellError, match="exact"):
        L.rref([[1 / 3]], exact=True)


@pytest.mark.parametrize("bad", [[], [[]], [[1, 2], [3]], [1, 2], "ab", np.zeros(3)])
def test_rref_refuses_bad_shapes(bad):
    with pytest.raises(L.MatrixShapeError):
        L.rref(bad)


def test_rref_refuses_nan():
    with pytest.raises(L.CellError, match="finite"):
        L.rref([[1.0, float("nan")]])


@given(int_matrix())
def test_rref_matches_sympy_exactly(M):
    res = L.rref(M)
    ref, pivots = sp.Matrix(M).rref()
    assert res.exact
    assert res.pivots == tuple(pivots)
    assert [[sp.Rational(x.numerator, x.denominator) for x in r] for r in res.matrix] == ref.tolist()


@given(int_matrix(), st.integers(0, 2**31))
def test_rref_float_mode_matches_rank_on_random_scaling(M, seed):
    """Scaling each row by a random factor keeps the rank; float mode must find it."""
    rng = np.random.default_rng(seed)
    scaled = np.array(M, float) * (10.0 ** rng.uniform(-4, 4, size=(len(M), 1))) * (1 / 3)
    res = L.rref(scaled, exact=False)
    assert not res.exact
    assert res.rank == np.linalg.matrix_rank(np.array(M, float))
    R = res.as_array()
    ref = np.array(sp.Matrix(M).rref()[0].tolist(), dtype=float)
    np.testing.assert_allclose(R, ref, atol=1e-6)


@pytest.mark.parametrize(("r", "m", "n", "seed"), [(1, 3, 4, 0), (2, 5, 6, 1), (3, 5, 6, 2), (2, 4, 3, 3)])
def test_rref_rank_deficient(r, m, n, seed):
    M = low_rank_int(r, m, n, seed)
    assert L.rank(M) == np.linalg.matrix_rank(np.array(M, float))
    # and in floats with a non-trivial product structure
    rng = np.random.default_rng(seed)
    F = rng.normal(size=(m, r)) @ rng.normal(size=(r, n))
    assert L.rref(F).rank == r == np.linalg.matrix_rank(F)


# --- determinant, eigen, inverse --------------------------------------------------------------------------------------


def test_determinant_hand_cases():
    assert L.determinant([[1, 2], [3, 4]]) == -2.0
    assert L.determinant([[1, 2], [2, 4]]) == 0.0  # exactly zero, not 1e-16
    assert L.determinant([[1, 2, 3], [4, 5, 6], [7, 8, 9]]) == 0.0
    assert L.determinant([["1/2", "0"], ["0", "4"]]) == 2.0
    assert L.determinant([[5]]) == 5.0
    with pytest.raises(L.MatrixShapeError, match="square"):
        L.determinant([[1, 2, 3], [4, 5, 6]])


@given(square_int())
def test_determinant_matches_numpy_and_sympy(M):
    d = L.determinant(M)
    assert d == float(sp.Matrix(M).det())
    assert d == pytest.approx(np.linalg.det(np.array(M, float)), abs=1e-9)


@given(st.lists(st.floats(-100, 100), min_size=4, max_size=4))
def test_determinant_of_floats_matches_numpy(x):
    M = np.array(x).reshape(2, 2) / 3.0
    assert L.determinant(M) == pytest.approx(np.linalg.det(M), rel=1e-9, abs=1e-9)


def test_eigen_hand_cases():
    e = L.eigen([[2, 1], [1, 2]])
    assert e.is_real and e.values == (3.0, 1.0)
    assert e.vectors[0] == pytest.approx((math.sqrt(0.5), math.sqrt(0.5)))
    shear = L.eigen([[1, 1], [0, 1]])
    assert shear.is_real and len(shear.vectors) == 1 and "cannot be diagonalised" in shear.message
    scalar = L.eigen([[2, 0], [0, 2]])
    assert len(scalar.vectors) == 2 and "every direction" in scalar.message
    rot = L.eigen([[0, -1], [1, 0]])
    assert not rot.is_real and rot.vectors == () and "complex" in rot.message
    assert sorted(rot.values, key=lambda z: z.imag) == [-1j, 1j]


@given(square_int(3))
def test_eigen_matches_numpy(M):
    A = np.array(M, float)
    e = L.eigen(A)
    ref = np.linalg.eigvals(A)
    if e.is_real:
        assert np.sort(np.array(e.values)) == pytest.approx(np.sort(ref.real), abs=1e-5)
        for vec, lam in zip(e.vectors, e.vector_values, strict=True):
            v = np.array(vec)
            assert np.linalg.norm(v) == pytest.approx(1.0)
            assert np.linalg.norm(A @ v - lam * v) <= 1e-5 * (1 + np.abs(A).max())
    else:
        assert np.any(np.abs(ref.imag) > 1e-9)
        assert sorted(e.values, key=lambda z: (z.real, z.imag)) == pytest.approx(
            sorted(ref, key=lambda z: (z.real, z.imag)), abs=1e-6
        )


def test_inverse_hand_cases_and_singular_message():
    assert L.inverse([[2, 1], [1, 2]]) == pytest.approx(np.array([[2, -1], [-1, 2]]) / 3)
    assert L.inverse_exact([[2, 1], [1, 2]]) == ((Fraction(2, 3), Fraction(-1, 3)), (Fraction(-1, 3), Fraction(2, 3)))
    with pytest.raises(L.SingularMatrixError, match="det = 0, rank 1 of 2.*line"):
        L.inverse([[1, 2], [2, 4]])
    with pytest.raises(L.SingularMatrixError, match="single point"):
        L.inverse([[0, 0], [0, 0]])
    with pytest.raises(L.SingularMatrixError, match="up to rounding"):
        L.inverse(np.array([[1.0, 1.0], [1.0, 1.0 + 1e-14]]) / 3)
    assert L.inverse(np.array([[1.0, 1.0], [1.0, 1.0 + 1e-6]]) / 3) @ (np.array([[1, 1], [1, 1 + 1e-6]]) / 3) == (
        pytest.approx(np.eye(2), abs=1e-6)
    )
    assert L.inverse_exact([[1 / 3, 0], [0, 1]]) is None


@given(square_int(4))
def test_inverse_matches_numpy_or_says_singular(M):
    A = np.array(M, float)
    if sp.Matrix(M).det() == 0:
        with pytest.raises(L.SingularMatrixError):
            L.inverse(M)
    else:
        inv = L.inverse(M)
        assert inv == pytest.approx(np.linalg.inv(A), rel=1e-9, abs=1e-9)
        assert inv @ A == pytest.approx(np.eye(len(M)), abs=1e-9)


def test_inverse_of_badly_scaled_diagonal():
    A = np.diag([1e-5 / 3, 1e5 / 3])
    assert L.inverse(A) == pytest.approx(np.diag([3e5, 3e-5]))


# --- solve ----------------------------------------------------------------------------------------------------------


def test_solve_three_cases_2x2():
    one = L.solve([[1, 1], [1, -1]], [3, 1])
    assert one.kind == "unique" and one.x == (2.0, 1.0) and one.nullspace == ()
    none = L.solve([[1, 2], [2, 4]], [3, 7])
    assert none.kind == "none" and none.x is None and "no solution" in none.message
    inf = L.solve([[1, 2], [2, 4]], [3, 6])
    assert inf.kind == "infinite" and "1 free variable" in inf.message
    assert inf.nullspace == ((-2.0, 1.0),)
    assert inf.x == (3.0, 0.0)


def test_solve_exact_fractions():
    res = L.solve([[3, 1], [1, 2]], [1, 0])
    assert res.x_exact == (Fraction(2, 5), Fraction(-1, 5))
    assert "x1 = 2/5" in res.message


def test_solve_shape_error():
    with pytest.raises(L.MatrixShapeError, match="b needs 2 entries"):
        L.solve([[1, 2], [3, 4]], [1])


@given(int_matrix(5, 5), st.lists(small_int, min_size=5, max_size=5))
def test_solve_agrees_with_sympy(A, bl):
    b = bl[: len(A)]
    res = L.solve(A, b)
    sA, sb = sp.Matrix(A), sp.Matrix(b)
    n = sA.cols
    rank_a, rank_ab = sA.rank(), sA.row_join(sb).rank()
    expected = "none" if rank_ab > rank_a else ("unique" if rank_a == n else "infinite")
    assert res.kind == expected
    assert res.rank == rank_a
    assert len(res.nullspace) == n - rank_a
    An = np.array(A, float)
    for v in res.nullspace:
        assert An @ np.array(v) == pytest.approx(np.zeros(len(A)), abs=1e-9)
    if res.x is not None:
        assert An @ np.array(res.x) == pytest.approx(np.array(b, float), abs=1e-9)
        if expected == "unique":
            assert res.x == pytest.approx(tuple(np.linalg.lstsq(An, np.array(b, float), rcond=None)[0]), abs=1e-6)


def test_solve_non_square_and_float():
    res = L.solve(np.array([[1.0, 2.0, 3.0]]) / 3, [1.0])
    assert res.kind == "infinite" and len(res.nullspace) == 2
    tall = L.solve([[1, 0], [0, 1], [1, 1]], [1, 2, 4])
    assert tall.kind == "none"


# --- 2-D geometry ---------------------------------------------------------------------------------------------------


def test_presets_hand_values():
    assert T.preset_matrix("rotation", 90) == ((0.0, -1.0), (1.0, 0.0))
    assert T.preset_matrix("shear", 2) == ((1.0, 2.0), (0.0, 1.0))
    assert T.preset_matrix("scale", -2) == ((-2.0, 0.0), (0.0, -2.0))
    R = np.array(T.preset_matrix("reflection", 30))
    np.testing.assert_allclose(R @ R, np.eye(2), atol=1e-12)
    assert np.linalg.det(R) == pytest.approx(-1)
    P = np.array(T.preset_matrix("projection", 30))
    np.testing.assert_allclose(P @ P, P, atol=1e-12)
    assert L.determinant(P) == pytest.approx(0, abs=1e-12)
    with pytest.raises(ValueError, match="unknown preset"):
        T.preset_matrix("twist", 1)
    with pytest.raises(ValueError):
        T.preset_matrix("rotation", float("nan"))


def test_morph_endpoints():
    A = [[2, 1], [0, 3]]
    assert T.morph(A, 0) == pytest.approx(np.eye(2))
    assert T.morph(A, 1) == pytest.approx(np.array(A, float))


def test_grid_and_square_images():
    M = np.array([[2.0, 1.0], [0.0, 1.0]])
    xs, ys = T.transformed_grid(M, half=2)
    assert np.isnan(xs[2::3]).all() and len(xs) == 3 * 10
    # first line is x = -2 from y = -2 to y = 2, mapped by M
    assert [xs[0], ys[0]] == (M @ [-2, -2]).tolist()
    assert [xs[1], ys[1]] == (M @ [-2, 2]).tolist()
    sq = T.unit_square(M)
    x, y = sq[:, 0], sq[:, 1]
    area = 0.5 * np.sum(x[:-1] * y[1:] - x[1:] * y[:-1])
    assert area == pytest.approx(np.linalg.det(M))


def test_line_in_box_cases():
    box = (-5.0, 5.0, -5.0, 5.0)
    seg = T.line_in_box(1, 0, 2, box)  # vertical line x = 2
    assert seg[:, 0] == pytest.approx([2, 2]) and sorted(seg[:, 1]) == pytest.approx([-5, 5])
    seg = T.line_in_box(1, 1, 0, box)  # diagonal through the corners
    assert np.abs(seg).max() == pytest.approx(5)
    assert T.line_in_box(0, 0, 1, box) is None  # 0 = 1 is no line
    assert T.line_in_box(1, 0, 99, box) is None  # off screen
    lines = T.system_lines([[1, 1], [1, -1]], [3, 1], box)
    for seg, (a, b, c) in zip(lines, [(1, 1, 3), (1, -1, 1)], strict=True):
        assert seg @ np.array([a, b]) == pytest.approx([c, c])


# --- the lab state --------------------------------------------------------------------------------------------------


def test_matrices_state_round_trip_non_default():
    s = L.MatricesState(
        matrix=((0.0, -1.0), (1.0, 0.0)),
        morph_t=0.25,
        show_eigen=False,
        preset="rotation",
        preset_param=90.0,
        system_b=(1.0, -2.0),
        augmented=(("1", "2/3", "0"), ("-1.5", "4", "1")),
        rref_step=2,
        tab="rref",
        view=(-3.0, 3.0, -2.0, 2.0),
    )
    assert from_dict(L.MatricesState, to_dict(s)) == s


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"augmented": [["1", "abc"]]}, "augmented[0][1]"),
        ({"augmented": [["1", "2"], ["3"]]}, "augmented"),
        ({"augmented": [["1"]]}, "augmented"),
        ({"augmented": [["1", "2"]] * 6}, "augmented"),
        ({"augmented": [["1", "nan"]]}, "augmented[0][1]"),
        ({"rref_step": 99}, "rref_step"),
        ({"matrix": [[1, 2], [3, float("inf")]]}, "matrix[1][1]"),
        ({"preset": "spin"}, "preset"),
        ({"morph_t": 2}, "morph_t"),
    ],
)
def test_matrices_state_rejects_bad_scenes(data, field):
    with pytest.raises(SchemaError) as info:
        from_dict(L.MatricesState, data)
    assert info.value.field == field


def test_metrics_default_state():
    m = L.metrics(L.MatricesState())
    assert m["det"] == 3.0 and m["singular"] is False and m["eig_real"] is True
    assert (m["eig1"], m["eig2"]) == (3.0, 1.0)
    assert m["system_kind"] == "unique" and (m["system_x"], m["system_y"]) == (1.0, 1.0)
    assert m["aug_kind"] == "unique" and m["aug_rank"] == 3.0
    assert m["inv_00"] == pytest.approx(2 / 3)


def test_metrics_singular_and_complex():
    m = L.metrics(L.MatricesState(matrix=((1.0, 2.0), (2.0, 4.0)), system_b=(1.0, 2.0)))
    assert m["singular"] is True and m["invertible"] is False and m["system_kind"] == "infinite"
    m = L.metrics(L.MatricesState(matrix=((0.0, -1.0), (1.0, 0.0))))
    assert m["eig_real"] is False and (m["eig_re"], m["eig_im"]) == (0.0, 1.0)


@pytest.mark.parametrize(
    "state",
    [
        L.MatricesState(),
        L.MatricesState(matrix=((1.0, 2.0), (2.0, 4.0)), system_b=(1.0, 3.0)),
        L.MatricesState(matrix=((0.5, -1.5), (1.25, 0.0)), augmented=(("1", "2", "3"), ("2", "4", "6"))),
    ],
)
def test_code_snippet_reproduces_metrics(state):
    ns: dict = {}
    exec(L.code(state), ns)
    m = L.metrics(state)
    assert set(ns["result"]) <= set(m)
    for key, value in ns["result"].items():
        if isinstance(value, float):
            assert value == pytest.approx(m[key], rel=1e-9, abs=1e-12), key
        else:
            assert value == m[key], key
