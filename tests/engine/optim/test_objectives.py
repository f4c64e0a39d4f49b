"""Loss surfaces: gradients and Hessians against finite differences, minima, grids, line fit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.optim import objectives as obj

ALL = [obj.preset(n) for n in obj.PRESETS] + [obj.quadratic(37.0, -50.0)]


def fd_grad(o, p, h=1e-6):
    x, y = p
    return np.array(
        [
            (o.value_xy(x + h, y) - o.value_xy(x - h, y)) / (2 * h),
            (o.value_xy(x, y + h) - o.value_xy(x, y - h)) / (2 * h),
        ]
    )


def fd_hess(o, p, h=1e-5):
    x, y = p
    gxp, gxm = np.array(o.grad_xy(x + h, y)), np.array(o.grad_xy(x - h, y))
    gyp, gym = np.array(o.grad_xy(x, y + h)), np.array(o.grad_xy(x, y - h))
    return np.column_stack(((gxp - gxm) / (2 * h), (gyp - gym) / (2 * h)))


@pytest.mark.parametrize("o", ALL, ids=lambda o: o.name)
def test_gradient_and_hessian_match_finite_differences(o):
    rng = np.random.default_rng(1)
    for _ in range(6):
        p = (rng.uniform(*o.view[:2]) * 0.8, rng.uniform(*o.view[2:]) * 0.8)
        g = o.gradient(np.array(p))
        np.testing.assert_allclose(g, fd_grad(o, p), rtol=1e-5, atol=1e-4 * (1 + np.abs(g).max()))
        h = o.hessian(np.array(p))
        np.testing.assert_allclose(h, fd_hess(o, p), rtol=1e-4, atol=1e-4 * (1 + np.abs(h).max()))
        np.testing.assert_allclose(h, h.T)


@pytest.mark.parametrize("o", ALL, ids=lambda o: o.name)
def test_known_minima_are_stationary(o):
    for m in o.minima:
        assert np.linalg.norm(o.gradient(np.array(m))) < 2e-3 * (1 + abs(o.value_xy(*m)))
        assert np.all(np.linalg.eigvalsh(o.hessian(np.array(m))) > 0)
    assert o.view[0] < o.start[0] < o.view[1] and o.view[2] < o.start[1] < o.view[3]


def test_reference_values():
    assert obj.preset("rosenbrock").value_xy(1.0, 1.0) == 0.0
    assert obj.preset("rosenbrock").value_xy(0.0, 0.0) == 1.0
    assert obj.preset("himmelblau").value_xy(3.0, 2.0) == 0.0
    assert obj.preset("beale").value_xy(3.0, 0.5) == pytest.approx(0.0)
    assert obj.preset("rastrigin").value_xy(0.0, 0.0) == pytest.approx(0.0)
    assert obj.preset("camel").value_xy(0.0898, -0.7126) == pytest.approx(-1.0316, abs=1e-4)


def test_quadratic_has_the_requested_condition_number_and_axis():
    q = obj.quadratic(25.0, 30.0)
    w, v = obj.hessian_axes(q, (0.3, 0.2))
    np.testing.assert_allclose(w, [1.0, 25.0])
    stiff = v[:, 1] * np.sign(v[0, 1])
    np.testing.assert_allclose(stiff, [np.cos(np.radians(120)) * -1, np.sin(np.radians(120)) * -1], atol=1e-12)
    with pytest.raises(obj.ObjectiveError, match="condition number"):
        obj.quadratic(0.5)


def test_surface_grid_matches_pointwise_values_and_orientation():
    o = obj.preset("beale")
    xs, ys, z = obj.surface_grid(o, (-1.0, 2.0, -0.5, 1.5), n=50)
    assert z.shape == (50, 50)
    assert z[7, 31] == pytest.approx(o.value_xy(xs[31], ys[7]))
    r = obj.preset("rastrigin")
    xs, ys, z = obj.surface_grid(r, r.view, n=40)
    assert z[3, 5] == pytest.approx(r.value_xy(xs[5], ys[3]))


def test_grid_turns_non_finite_into_nan_and_refuses_bad_size():
    o = obj.from_expression("log(x) + y")
    xs, ys, z = obj.surface_grid(o, (-1.0, 1.0, -1.0, 1.0), n=20)
    assert np.all(np.isnan(z[:, xs < 0]))
    assert np.all(np.isfinite(z[:, xs > 0]))
    with pytest.raises(obj.ObjectiveError):
        obj.surface_grid(o, o.view, n=1)


def test_gradient_field_points_downhill():
    o = obj.quadratic(4.0, 0.0)
    x, y, u, v = obj.gradient_field(o, (-2, 2, -2, 2), n=6)
    assert len(x) == 36
    np.testing.assert_allclose(u, -x)
    np.testing.assert_allclose(v, -4 * y)


def test_expression_objective_matches_its_preset_twin():
    e = obj.from_expression("(1-x)^2 + 100*(y-x^2)^2")
    r = obj.preset("rosenbrock")
    for p in [(-1.2, 1.0), (0.3, -0.7), (2.0, 2.5)]:
        assert e.value_xy(*p) == pytest.approx(r.value_xy(*p))
        np.testing.assert_allclose(e.grad_xy(*p), r.grad_xy(*p))
        np.testing.assert_allclose(e.hess_xy(*p), r.hess_xy(*p))


def test_bad_expression_raises_expression_error():
    from engine.expr import ExpressionError

    with pytest.raises(ExpressionError):
        obj.from_expression("x^^2")
    with pytest.raises(obj.ObjectiveError, match="unknown surface"):
        obj.preset("banana")


def test_line_fit_minimum_is_least_squares_and_value_is_mse():
    data = obj.noisy_line(30, 2.0, 0.5, 1.0, seed=7)
    o = obj.line_fit(data)
    arr = np.array(data)
    slope, intercept = np.polyfit(arr[:, 0], arr[:, 1], 1)
    assert o.minima[0] == pytest.approx((slope, intercept))
    m, b = 0.7, -1.3
    assert o.value_xy(m, b) == pytest.approx(np.mean((m * arr[:, 0] + b - arr[:, 1]) ** 2))


@pytest.mark.parametrize(
    ("data", "word"),
    [([(1.0, 2.0)], "two"), ([(1.0, 2.0), (1.0, 3.0)], "same x"), ([(0.0, np.nan), (1.0, 1.0)], "finite")],
)
def test_line_fit_refuses_unusable_data(data, word):
    with pytest.raises(obj.ObjectiveError, match=word):
        obj.line_fit(data)


@given(st.lists(st.tuples(st.floats(-100, 100), st.floats(-100, 100)), min_size=2, max_size=30))
@settings(max_examples=50, deadline=None)
def test_line_fit_never_crashes_on_any_data(points):
    try:
        o = obj.line_fit(points)
    except obj.ObjectiveError:
        assert len({p[0] for p in points}) < 2
        return
    assert np.isfinite(o.value_xy(*o.minima[0]))


def test_default_line_points_are_noisy_line_written_out():
    from engine.optim.lab import OptimizerState

    assert obj.noisy_line() == obj.DEFAULT_LINE_POINTS
    assert OptimizerState().line_points == obj.noisy_line()
