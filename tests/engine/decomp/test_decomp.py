"""engine.decomp against independent references: numpy.linalg, scikit-learn's PCA, networkx's PageRank."""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from engine import decomp as D
from engine.datasets import DataError, read_csv_table
from engine.schema import SchemaError, from_dict, to_dict

finite = st.floats(-50, 50, allow_nan=False, allow_infinity=False)


# --- 1. least squares ---------------------------------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(finite, finite), min_size=1, max_size=15), st.integers(0, 3))
def test_fit_equals_lstsq_and_the_residual_is_perpendicular(points, degree):
    pts = np.array(points)
    fit = D.fit_polynomial(pts, degree)
    A = np.vander(pts[:, 0], degree + 1, increasing=True)
    want = np.linalg.lstsq(A, pts[:, 1], rcond=None)[0]
    np.testing.assert_allclose(fit.coef, want, rtol=1e-9, atol=1e-9)
    scale = max(1.0, float(np.abs(A).max() * np.abs(pts[:, 1]).max()))
    assert np.abs(A.T @ fit.residual).max() <= 1e-8 * scale * len(pts)
    np.testing.assert_allclose(fit.fitted + fit.residual, pts[:, 1], atol=1e-9)
    assert (fit.message == "") == (fit.rank == degree + 1)
    assert np.all(fit.leverage >= -1e-12) and np.all(fit.leverage <= 1 + 1e-9)
    assert fit.leverage.sum() == pytest.approx(fit.rank, abs=1e-6)  # trace of the hat matrix = rank


def test_normal_equations_and_qr_agree_with_a_hand_worked_line():
    # y = 1 + 2x exactly through three points, then an outlier with high leverage at x = 10
    fit = D.fit_polynomial(np.array([[0, 1], [1, 3], [2, 5]]), 1)
    np.testing.assert_allclose(fit.coef, [1, 2], atol=1e-12)
    np.testing.assert_allclose(fit.coef_qr, [1, 2], atol=1e-12)
    np.testing.assert_allclose(fit.coef_normal, [1, 2], atol=1e-12)
    assert fit.rss == pytest.approx(0.0, abs=1e-20)
    pulled = D.fit_polynomial(np.array([[0, 1], [1, 3], [2, 5], [10, 0]]), 1)
    assert pulled.leverage.argmax() == 3 and pulled.leverage[3] > 0.8
    assert pulled.coef[1] < 0.5  # the far point drags the slope down
    assert pulled.cond_normal == pytest.approx(pulled.cond_a**2)


def test_the_projection_triangle_is_right_angled():
    fit = D.fit_polynomial(np.array(D.DEFAULT_POINTS), 1)
    nb, np_, nr = fit.triangle
    assert nb == pytest.approx(np.linalg.norm(np.array(D.DEFAULT_POINTS)[:, 1]))  # ‖b‖ from the data alone
    assert nb**2 == pytest.approx(np_**2 + nr**2)
    assert fit.fitted @ fit.residual == pytest.approx(0.0, abs=1e-12)


def test_degenerate_fits_are_named_not_nan():
    same_x = D.fit_polynomial(np.array([[1, 0], [1, 2], [1, 4]]), 1)
    assert "not unique" in same_x.message and same_x.coef_normal is None
    assert np.all(np.isfinite(same_x.coef))
    empty = D.fit_polynomial(np.zeros((0, 2)), 1)
    assert "No points" in empty.message


# --- 2. SVD ---------------------------------------------------------------------------------------------------------
@settings(max_examples=80, deadline=None)
@given(st.sampled_from([2, 3]).flatmap(lambda n: arrays(np.float64, (n, n), elements=st.floats(-1e3, 1e3))))
def test_singular_values_equal_numpy_and_usv_rebuilds_a(a):
    f = D.svd_facts(a)
    np.testing.assert_allclose(f.s, np.linalg.svd(a, compute_uv=False), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose((f.u * f.s) @ f.vt, a, atol=1e-9)
    assert np.all(np.isfinite(f.pinv)) and (f.message == "" or f.message.endswith("."))


@settings(max_examples=80, deadline=None)
@given(st.sampled_from([2, 3]).flatmap(lambda n: arrays(np.float64, (n, n), elements=st.integers(-6, 6))))
def test_rank_condition_number_and_pseudo_inverse_equal_numpy(a):
    f = D.svd_facts(a)
    np.testing.assert_allclose(f.pinv, np.linalg.pinv(a), atol=1e-8)
    assert f.rank == np.linalg.matrix_rank(a)
    if f.rank == len(a):
        assert f.cond == pytest.approx(np.linalg.cond(a), rel=1e-9)
    else:
        assert f.cond == np.inf and "singular" in f.message


def test_the_ellipse_axes_are_the_singular_values():
    state = D.DecompositionsState(svd_matrix=((3.0, 1.0, 0.0), (1.0, 3.0, 0.0), (0.0, 0.0, 1.0)))
    r = D.derive(state)
    radii = np.linalg.norm(r.ellipse, axis=0)
    assert radii.max() == pytest.approx(4.0, rel=1e-3) and radii.min() == pytest.approx(2.0, rel=1e-3)
    zero = D.svd_facts(np.zeros((2, 2)))
    assert zero.rank == 0 and "zero matrix" in zero.message


# --- 3. PCA ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("dataset", sorted(D.PCA_DATASETS))
@pytest.mark.parametrize("standardise", [False, True])
def test_pca_matches_scikit_learn_up_to_sign(dataset, standardise):
    sklearn_decomposition = pytest.importorskip("sklearn.decomposition")
    sk_pre = pytest.importorskip("sklearn.preprocessing")
    data = D.load_pca_dataset(dataset)
    x = data.x
    ours = D.pca(x, standardise)
    z = sk_pre.StandardScaler().fit_transform(x) if standardise else x
    ref = sklearn_decomposition.PCA().fit(z)
    np.testing.assert_allclose(ours.explained_ratio, ref.explained_variance_ratio_, rtol=1e-9)
    for mine, theirs in zip(ours.components, ref.components_, strict=True):
        sign = np.sign(mine @ theirs)
        np.testing.assert_allclose(mine, sign * theirs, atol=1e-8)
    if not standardise:
        np.testing.assert_allclose(ours.explained_variance, ref.explained_variance_, rtol=1e-9)


def test_bundled_datasets_have_their_published_sizes_and_full_rank_reconstructs():
    peng = D.load_pca_dataset("penguins")
    assert peng.x.shape == (342, 4) and peng.dropped == 2  # 344 penguins, two without measurements
    iris = D.load_pca_dataset("iris")
    assert iris.x.shape == (150, 4) and set(iris.labels) == {"setosa", "versicolor", "virginica"}
    assert iris.x[:, 0].mean() == pytest.approx(5.8433, abs=1e-4)  # Fisher's sepal length mean
    r = D.pca(iris.x, True)
    np.testing.assert_allclose(D.reconstruct(r, 7, 4), iris.x[7], atol=1e-10)


def test_pca_of_a_users_csv_names_what_is_wrong():
    table = read_csv_table("a,b,c\n1,2,x\n2,NA,y\n3,5,z\n4,4,w\n")
    data = D.pca_data_from_table(table)
    assert data.columns == ("a", "b") and data.x.shape == (3, 2) and data.dropped == 1
    with pytest.raises(DataError, match="two numeric columns"):
        D.pca_data_from_table(read_csv_table("a,b\n1,x\n2,y\n"))
    with pytest.raises(DataError, match="two complete rows"):
        D.pca_data_from_table(read_csv_table("a,b\n1,NA\n2,3\n"), ("a", "b"))
    constant = D.pca(np.array([[1.0, 2.0], [1.0, 3.0], [1.0, 5.0]]), True)
    assert "constant" in constant.message and np.all(np.isfinite(constant.explained_ratio))


# --- 4. low-rank images ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("k", [1, 5, 20, 100, 511, 512])
def test_eckart_young_the_error_is_the_discarded_spectrum(k):
    img = D.bundled_image("hills")
    svd = D.bundled_svd("hills")
    lr = D.low_rank(svd, k)
    direct = float(np.linalg.norm(img - lr.image))
    assert lr.error == pytest.approx(direct, rel=1e-6, abs=1e-9)
    assert lr.error == pytest.approx(float(np.sqrt(np.sum(np.linalg.svd(img, compute_uv=False)[k:] ** 2))), abs=1e-8)
    assert lr.storage == k * (512 + 512 + 1)


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 60), st.integers(1, 60), st.integers(1, 9), st.data())
def test_a_rank_k_picture_from_the_kept_partial_sums_is_the_truncated_svd(m, n, every, data):
    img = np.random.default_rng(m * 100 + n).random((m, n))
    svd = D.image_svd(img)
    steps = D.rank_steps(svd, every)
    r = len(svd.s)
    assert steps.marks[0] == 0 and steps.marks[-1] == r and np.all(np.diff(steps.marks) <= every)
    for k in data.draw(st.lists(st.integers(-2, r + 3), min_size=1, max_size=6)):  # clamped like low_rank
        got = D.rank_image(steps, k)
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, D.low_rank(svd, k).image, atol=1e-5)


def test_the_bundled_picture_at_any_rank_is_at_most_half_a_checkpoint_of_terms_away():
    steps = D.bundled_steps("hills")
    assert np.all(np.diff(steps.marks) == 32) and steps.partial.dtype == np.float32
    svd = D.bundled_svd("hills")
    for k in (1, 16, 17, 250, 495, 512):
        np.testing.assert_allclose(D.rank_image(steps, k), D.low_rank(svd, k).image, atol=2e-6)


def test_a_random_rank_k_matrix_is_never_closer_than_the_truncated_svd():
    rng = np.random.default_rng(0)
    img = rng.random((40, 30))
    lr = D.low_rank(D.image_svd(img), 5)
    for _ in range(20):
        other = rng.standard_normal((40, 5)) @ rng.standard_normal((5, 30))
        assert np.linalg.norm(img - other) >= lr.error


def test_bad_images_are_refused_with_a_reason():
    with pytest.raises(D.ImageError, match="P5"):
        D.read_pgm(b"P2\n2 2\n255\n0 0 0 0")
    with pytest.raises(D.ImageError, match="cut short"):
        D.read_pgm(b"P5\n4 4\n255\n\x00\x00")
    with pytest.raises(D.ImageError, match="empty"):
        D.image_svd(np.zeros((0, 3)))
    with pytest.raises(D.ImageError, match="non-finite"):
        D.image_svd(np.array([[1.0, np.nan]]))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_read_pgm_never_crashes_on_junk(data):
    with contextlib.suppress(D.ImageError):  # a clear refusal is fine; any other exception fails the test
        D.read_pgm(data)


# --- 5. Markov chains and PageRank ----------------------------------------------------------------------------------
edges_strategy = st.integers(2, 7).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=20))
)


@settings(max_examples=60, deadline=None)
@given(edges_strategy, st.floats(0.05, 0.95))
def test_pagerank_equals_networkx_and_the_dense_solve(graph, damping):
    nx = pytest.importorskip("networkx")
    n, edges = graph
    edges = tuple(dict.fromkeys(edges))
    r = D.pagerank(n, edges, damping, 200)
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    ref = nx.pagerank(g, alpha=damping, tol=1e-13, max_iter=10_000)
    np.testing.assert_allclose(r.stationary, [ref[i] for i in range(n)], atol=1e-8)
    np.testing.assert_allclose(r.stationary_solve, r.stationary, atol=1e-10)
    np.testing.assert_allclose(r.stationary @ r.google, r.stationary, atol=1e-12)  # eigenvector for eigenvalue 1
    assert r.power_error[-1] <= r.power_error[0] + 1e-12


def test_power_iteration_converges_step_by_step_and_the_walker_agrees():
    s = D.DecompositionsState(power_steps=60)
    r = D.derive(s).markov
    assert np.all(np.diff(r.power_error[5:]) <= 1e-12) and r.power_error[-1] < 1e-4
    counts = D.walk(r.google, 50_000, seed=3)
    np.testing.assert_allclose(counts / counts.sum(), r.stationary, atol=0.02)


def test_a_periodic_or_split_chain_is_named():
    periodic = D.pagerank(2, ((0, 1), (1, 0)), 1.0, 5)
    assert "periodic" in periodic.message
    split = D.pagerank(4, ((0, 1), (1, 0), (2, 3), (3, 2)), 1.0, 5)
    assert "not unique" in split.message


# --- the lab's contract ---------------------------------------------------------------------------------------------
def test_scene_round_trip_and_cross_field_rules():
    s = D.DecompositionsState(points=((0.0, 1.0), (2.5, -1.0)), degree=0, svd_size=3, tab="markov", damping=0.5)
    assert from_dict(D.DecompositionsState, to_dict(s)) == s
    with pytest.raises(SchemaError, match="edges"):
        from_dict(D.DecompositionsState, {**to_dict(s), "edges": [[0, 7]]})
    with pytest.raises(SchemaError, match="pca_row"):
        from_dict(D.DecompositionsState, {**to_dict(s), "pca_row": 5000})
    with pytest.raises(SchemaError, match="svd_size"):
        from_dict(D.DecompositionsState, {**to_dict(s), "svd_size": 4})


@pytest.mark.parametrize(
    "state",
    [
        D.DecompositionsState(),
        D.DecompositionsState(degree=2, svd_size=3, pca_dataset="iris", pca_standardise=False, pca_k=1, rank_k=3),
        D.DecompositionsState(points=(), damping=1.0, power_steps=0, pca_row=100),
    ],
)
def test_code_snippet_reproduces_metrics(state, monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    import matplotlib

    matplotlib.use("Agg")
    ns: dict = {}
    if not state.points:
        state = replace(state, points=((0.0, 0.0),))  # the snippet draws the points: give it one
    exec(D.code(state), ns)
    m = D.metrics(state)
    for key, value in ns["result"].items():
        assert value == pytest.approx(m[key], rel=1e-7, abs=1e-9), key
    import matplotlib.pyplot as plt

    plt.close("all")
    assert os.environ["MPLBACKEND"] == "Agg"


# --- 6. 3×3 in 3-D --------------------------------------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(arrays(np.float64, (3, 3), elements=st.integers(-4, 4)))
def test_cube_volume_is_det_and_eigenvectors_stay_on_their_lines(a):
    c = D.cube_action(a)
    assert c.rank == np.linalg.matrix_rank(a)
    assert c.det == pytest.approx(np.linalg.det(a), abs=1e-9)
    # volume of the image box = |det A| times the cube's volume 1, from the image's edge vectors
    edges = c.images[[4, 2, 1]] - c.images[0]
    assert abs(np.linalg.det(edges)) == pytest.approx(abs(c.det), abs=1e-9)
    for lam, v in c.eigenvectors:
        np.testing.assert_allclose(a @ v, lam * v, atol=1e-7)
    n_real = int(np.sum(np.abs(np.linalg.eigvals(a).imag) <= 1e-12 * np.maximum(1, np.abs(np.linalg.eigvals(a)))))
    assert len(c.eigenvectors) == n_real
    assert ("flattened" in c.message) == (c.rank == 2)


def test_the_projection_is_a_rotation_seen_from_one_side():
    for az, el in ((-60.0, 25.0), (0.0, 0.0), (135.0, -40.0)):
        p = D.project(np.eye(3), az, el)
        # the two screen axes are orthonormal in R³: the 3×2 matrix of the axis images has orthonormal columns
        np.testing.assert_allclose(p.T @ p, np.eye(2), atol=1e-12)
    assert D.project(np.array([[0.0, 0.0, 1.0]]), 10.0, 0.0)[0] == pytest.approx((0.0, 1.0))
    assert len(D.CUBE_EDGES) == 12


def test_the_bundled_image_is_what_its_code_draws():
    """The snippet redraws the bundled image from HILLS_CODE: the PGM must hold exactly those pixels."""
    from engine.decomp.hills import hills_image, hills_pgm
    from engine.resources import resource_path

    assert resource_path(D.IMAGES["hills"]).read_bytes() == hills_pgm()
    assert np.array_equal(D.bundled_image("hills") * 255, hills_image().astype(float))
