"""derive(state) of the Vectors lab against hand-worked values and plain numpy; every field spec is coherent."""

from __future__ import annotations

import importlib
import math
from dataclasses import replace

import numpy as np
import pytest

from engine.schema import field_specs
from engine.vectors import FREE_STEP, SNAP_STEP, VectorsState, derive


def test_default_state_by_hand() -> None:
    r = derive(VectorsState())  # u = (1, 3), v = (4, 1), c = 1.5, a = 1, b = -0.5
    assert r.sum == (5.0, 4.0) and r.diff == (-3.0, 2.0)
    assert r.scaled == (1.5, 4.5) and r.combo == (-1.0, 2.5)
    assert r.projection == pytest.approx((28 / 17, 7 / 17))  # (u·v / v·v) v = 7/17 (4, 1)
    assert r.angle_deg == pytest.approx(math.degrees(math.acos(7 / math.sqrt(10 * 17))))
    assert r.readouts["u_dot_v"] == "7" and r.readouts["cross"] == "\u221211"
    assert r.readouts["norms_u"] == "4 / 3.162 / 3"
    assert r.span_dim == 2 and r.span_fill is not None and r.span_line_deg is None
    np.testing.assert_allclose(r.parallelogram, [[0, 0], [1, 3], [5, 4], [4, 1], [0, 0]])
    np.testing.assert_allclose(r.combo_path, [[0, 0], [1, 3], [-1, 2.5]])
    assert r.snap_step == FREE_STEP and derive(replace(VectorsState(), snap=True)).snap_step == SNAP_STEP


def test_against_numpy_for_random_vectors() -> None:
    rng = np.random.default_rng(3)
    for _ in range(20):
        u, v = rng.normal(size=2) * 3, rng.normal(size=2) * 3
        c, a, b = rng.uniform(-5, 5, size=3)
        s = VectorsState(vectors=(tuple(u), tuple(v)), scalar_c=c, coef_a=a, coef_b=b)
        r = derive(s)
        np.testing.assert_allclose(r.combo, a * u + b * v, atol=1e-12)
        np.testing.assert_allclose(r.scaled, c * u, atol=1e-12)
        np.testing.assert_allclose(r.projection, (u @ v) / (v @ v) * v, atol=1e-12)
        cos = u @ v / np.linalg.norm(u) / np.linalg.norm(v)
        assert r.angle_deg == pytest.approx(np.degrees(np.arccos(np.clip(cos, -1, 1))), abs=1e-6)
        assert np.dot(r.perpendicular[1] - r.perpendicular[0], v) == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize(("kind", "radius"), [("l1", 4.0), ("l2", math.sqrt(10)), ("linf", 3.0)])
def test_norm_balls_pass_through_u(kind: str, radius: float) -> None:
    r = derive(replace(VectorsState(), norm_ball=kind))
    np.testing.assert_allclose(r.u_ball, radius * r.unit_ball)
    order = {"l1": 1, "l2": 2, "linf": np.inf}[kind]
    np.testing.assert_allclose(np.linalg.norm(r.unit_ball, ord=order, axis=1), 1.0, atol=1e-12)
    assert r.ball_label.endswith("= 1")


def test_degenerate_cases_are_named() -> None:
    zero_v = derive(replace(VectorsState(), vectors=((1.0, 3.0), (0.0, 0.0))))
    assert zero_v.projection is None and zero_v.perpendicular is None and zero_v.v_line_deg is None
    assert zero_v.angle_deg is None and zero_v.arc is None and zero_v.arc_label == ""
    assert zero_v.readouts["angle"] == "undefined (zero vector)" and zero_v.readouts["proj"] == "undefined (v = 0)"
    line = derive(replace(VectorsState(), vectors=((1.0, 3.0), (2.0, 6.0))))
    assert line.span_dim == 1 and line.span_fill is None
    assert line.span_line_deg == pytest.approx(math.degrees(math.atan2(3, 1)))
    assert "dependent" in line.readouts["span"]
    origin = derive(replace(VectorsState(), vectors=((0.0, 0.0), (0.0, 0.0))))
    assert origin.span_dim == 0 and origin.span_line_deg is None and "origin" in origin.span_label


def test_every_field_spec_default_lies_in_its_range() -> None:
    for name, fs in field_specs(VectorsState).items():
        values = np.ravel(fs.default) if isinstance(fs.default, tuple) and name != "names" else [fs.default]
        for x in values:
            if isinstance(x, (int, float)) and not isinstance(x, bool):
                assert fs.lo is None or fs.lo <= x, name
                assert fs.hi is None or x <= fs.hi, name
        if fs.step is not None:
            assert fs.step > 0 and fs.lo is not None and fs.hi is not None and fs.step < fs.hi - fs.lo


def test_readouts_are_worked_out_once_when_first_read(monkeypatch) -> None:
    """During a drag the side column reads the readouts only at its 10 Hz catch-up: derive leaves them until read."""
    module = importlib.import_module("engine.vectors.derive")
    calls = []
    original = module._readouts
    monkeypatch.setattr(module, "_readouts", lambda *a: calls.append(1) or original(*a))
    r = derive(VectorsState(vectors=((1.0, 3.0), (4.0, 1.0))))
    assert calls == [] and r.sum == (5.0, 4.0)
    assert r.readouts["u_dot_v"] == "7" and r.readouts["sum"] == "(5, 4)" and "independent" in r.readouts["span"]
    assert calls == [1]  # once, however often read
