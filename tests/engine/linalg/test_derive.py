"""derive(state) of the Matrices lab against numpy, sympy and hand-worked values; field specs are coherent."""

from __future__ import annotations

import importlib
import math
from dataclasses import replace

import numpy as np
import pytest

from engine.linalg import MatricesState, choose_preset, derive, matrix_text, rref, set_preset_param
from engine.linalg import row_reduction as rr
from engine.schema import field_specs

FIVE_BY_SIX = (
    ("2", "1", "0", "-1", "3", "4"),
    ("1", "-2", "3", "0", "1", "-1"),
    ("0", "4", "1", "2", "-2", "5"),
    ("3", "0", "-1", "1", "2", "2"),
    ("1", "1", "1", "1", "1", "3"),
)


def test_default_state_by_hand() -> None:
    r = derive(MatricesState())  # A = [[2, 1], [1, 2]], b = (3, 3), t = 1
    assert r.det == 3.0 and r.det_t == 3.0 and not r.singular_t
    assert r.i_tip == (2.0, 1.0) and r.j_tip == (1.0, 2.0)
    assert r.det_label == "det = 3" and r.square_color == "sky"
    np.testing.assert_allclose(r.square, [[0, 0], [2, 1], [3, 3], [1, 2], [0, 0]])
    angles = sorted(a for a, _ in r.eigen_lines)
    assert angles == pytest.approx([45.0, 135.0])  # eigenvectors (1, 1) for 3 and (1, −1) ~ 135° for 1
    assert [t for _, t in r.eigen_lines] == ["λ = 3", "λ = 1"]
    assert "A⁻¹ = [2/3, −1/3; −1/3, 2/3]" in r.inverse_text
    assert r.solution_point == pytest.approx((1.0, 1.0)) and r.solution_label == "(1, 1)"
    assert r.equations == ("2·x + 1·y = 3", "1·x + 2·y = 3")
    assert r.matrix_text == "[2, 1; 1, 2]" == matrix_text(((2, 1), (1, 2)))
    assert r.preset_slider is None and r.snap_step == 0.5


def test_morph_and_grid_against_numpy() -> None:
    A = ((1.5, -0.5), (0.7, 2.0))
    for t in (0.0, 0.3, 0.8):
        r = derive(MatricesState(matrix=A, morph_t=t))
        M = (1 - t) * np.eye(2) + t * np.array(A)
        np.testing.assert_allclose(r.morph, M)
        assert r.det_t == pytest.approx(np.linalg.det(M))
        xs, ys = r.grid
        pts = np.column_stack([xs, ys])[~np.isnan(xs)]
        # every grid end point is M times a point with one coordinate ±12
        pre = np.linalg.solve(M, pts.T).T
        assert np.all(np.isclose(np.abs(pre), 12).any(axis=1))
    assert derive(MatricesState(show_grid=False)).grid is None


def test_singular_and_complex_cases_are_named() -> None:
    s = derive(MatricesState(matrix=((2.0, 1.0), (1.0, 0.5))))
    assert s.singular_t and s.square_color == "grey" and "singular" in s.det_label
    x0, x1, y0, y1 = MatricesState().view
    assert x0 < s.det_label_pos[0] < x1 and y0 < s.det_label_pos[1] < y1
    assert "No inverse" in s.inverse_text and "line" in s.inverse_text
    rot = derive(choose_preset(MatricesState(), "rotation"))
    assert rot.eigen_lines == () and "complex" in rot.eigen_text
    assert rot.preset_slider is not None and (rot.preset_slider.lo, rot.preset_slider.hi) == (-180.0, 180.0)
    quarter = set_preset_param(choose_preset(MatricesState(), "rotation"), 90.0)
    assert quarter.matrix == ((0.0, -1.0), (1.0, 0.0))
    shear = derive(choose_preset(MatricesState(), "shear"))
    assert shear.preset_slider.step == 0.05 and len(shear.eigen_lines) == 1  # a shear keeps only one direction


@pytest.mark.parametrize(
    ("matrix", "b", "words", "point"),
    [
        (((2.0, 1.0), (1.0, 2.0)), (3.0, 3.0), "One solution", True),
        (((1.0, 2.0), (2.0, 4.0)), (3.0, 7.0), "No solution", False),
        (((1.0, 2.0), (2.0, 4.0)), (3.0, 6.0), "Infinitely many", False),
    ],
)
def test_system_cases(matrix, b, words, point) -> None:
    r = derive(MatricesState(matrix=matrix, system_b=b))
    assert r.system_kind.startswith(words) and (r.solution_point is not None) == point
    for k, seg in enumerate(r.system_segments):
        a1, a2 = matrix[k]
        np.testing.assert_allclose(seg @ np.array([a1, a2]), b[k], atol=1e-9)  # both ends lie on line k
        lx, ly = r.system_label_points[k]
        assert a1 * lx + a2 * ly == pytest.approx(b[k])


def test_zero_row_is_explained() -> None:
    r = derive(MatricesState(matrix=((0.0, 0.0), (1.0, 1.0)), system_b=(2.0, 1.0)))
    assert r.system_segments[0] is None and "reads 0 = 2: impossible" in r.system_explain


def test_rref_page_matches_sympy_and_the_steps() -> None:
    sympy = pytest.importorskip("sympy")
    state = MatricesState(augmented=FIVE_BY_SIX)
    steps = rref(FIVE_BY_SIX).steps
    for k in (0, 2, len(steps)):
        r = derive(replace(state, rref_step=k)).rref
        assert r.step == k and r.steps == len(steps) and r.step_text == f"step {k} of {len(steps)}"
        shown = FIVE_BY_SIX if k == 0 else steps[k - 1].matrix
        assert r.cells == tuple(tuple(rr.format_number(rr.parse_cell(str(x))) for x in row) for row in shown)
    final = derive(replace(state, rref_step=len(steps))).rref
    M = sympy.Matrix([[sympy.Rational(c) for c in row] for row in FIVE_BY_SIX])
    reduced, pivots = M.rref()
    assert final.result.pivots == pivots and final.final
    assert final.pivot_cells == {(i, p) for i, p in enumerate(pivots)}
    assert [[sympy.Rational(str(x)) for x in row] for row in final.result.matrix] == reduced.tolist()
    assert "rank 5" in final.summary and "one solution" in final.summary


def test_derive_reduces_the_augmented_matrix_once(monkeypatch) -> None:
    calls = []
    real = rr._reduce
    monkeypatch.setattr(rr, "_reduce", lambda a, exact, rtol: calls.append(len(a)) or real(a, exact, rtol))
    aug = (("7",) + FIVE_BY_SIX[0][1:],) + tuple(FIVE_BY_SIX[1:])  # not reduced by an earlier test in this process
    state = MatricesState(augmented=aug)
    derive(state)
    assert calls.count(5) == 1  # the only 5-row matrix is [A | b]
    for k in range(3):  # dragging î: A changes, [A | b] does not, so it is not reduced again
        derive(replace(state, matrix=((1.0 + k, 0.5), (0.0, 1.0))))
    assert calls.count(5) == 1


def test_every_field_spec_default_lies_in_its_range() -> None:
    for name, fs in field_specs(MatricesState).items():
        if isinstance(fs.default, (bool, str)) or name == "augmented":
            continue
        for x in np.ravel(fs.default):
            assert fs.lo is None or fs.lo <= x, name
            assert fs.hi is None or x <= fs.hi, name
        lo, hi = (fs.soft_lo, fs.soft_hi) if fs.soft_lo is not None else (fs.lo, fs.hi)
        if fs.soft_lo is not None:
            assert fs.lo <= fs.soft_lo < fs.soft_hi <= fs.hi and lo <= fs.default <= hi
        if fs.step is not None:
            assert 0 < fs.step < hi - lo
    assert math.isclose(field_specs(MatricesState)["morph_t"].step, 0.01)


def test_facts_and_system_are_worked_out_once_when_first_read(monkeypatch) -> None:
    """A basis drag on the Transform page reads neither the facts (they catch up at 10 Hz) nor the hidden System
    page: derive leaves them (exact inverse, exact solve) until they are read, then works each out once."""
    module = importlib.import_module("engine.linalg.derive")
    calls = []
    for name in ("_facts", "_system"):
        original = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _n=name, _f=original: calls.append(_n) or _f(*a))
    r = derive(replace(MatricesState(), matrix=((2.0, 1.0), (1.0, 3.0)), system_b=(1.0, 2.0)))
    assert calls == [] and r.det == 5.0
    assert "det A = 5" in r.det_text and "Eigenvalues" in r.eigen_text and "A⁻¹" in r.inverse_text
    assert r.system_kind.startswith("One solution") and r.solution_point == pytest.approx((0.2, 0.6))
    assert r.equations[0].startswith("2·x") and r.solution_label and r.system_explain
    assert calls == ["_facts", "_system"]  # each once, however often read
