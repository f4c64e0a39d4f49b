"""Logistic regression against scikit-learn and statsmodels; separable data named; the penalty shrinks."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special

from engine.classify import ClassifierState, blob_data, fit_logistic, is_separable, penguin_data, split_fit
from engine.classify.logistic import erfc, sigmoid

sklearn_lm = pytest.importorskip("sklearn.linear_model")
sm = pytest.importorskip("statsmodels.api")


def _no_penalty() -> dict:
    """``penalty=None`` (deprecated in scikit-learn 1.8 in favour of the equivalent ``C=inf``)."""
    import sklearn  # the test extra only: imported where its version matters

    major, minor = (int(v) for v in sklearn.__version__.split(".")[:2])
    return {"C": np.inf} if (major, minor) >= (1, 8) else {"penalty": None}


@pytest.mark.parametrize(
    ("pos", "neg", "features"),
    [("Chinstrap", "Adelie", ("bill_length_mm", "flipper_length_mm")),
     ("Chinstrap", "Adelie", ("bill_depth_mm", "body_mass_g")),
     ("Gentoo", "Chinstrap", ("bill_length_mm",))],
)  # fmt: skip
def test_unpenalised_fit_equals_sklearn_and_statsmodels(pos, neg, features) -> None:
    data = penguin_data(pos, neg, features)
    fit = fit_logistic(data.X, data.y)
    assert fit.converged and not fit.separable
    sk = sklearn_lm.LogisticRegression(**_no_penalty(), tol=1e-12, max_iter=100_000, solver="newton-cg")
    sk.fit(data.X, data.y)
    np.testing.assert_allclose(fit.coef, np.r_[sk.intercept_, sk.coef_[0]], rtol=1e-6, atol=1e-6)
    res = sm.Logit(data.y, sm.add_constant(data.X)).fit(disp=0, method="newton", tol=1e-14, maxiter=100)
    np.testing.assert_allclose(fit.coef, res.params, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(fit.se, res.bse, rtol=1e-6)
    np.testing.assert_allclose(fit.p_value, res.pvalues, rtol=1e-6, atol=1e-12)
    assert fit.nll == pytest.approx(-res.llf, rel=1e-9)


def test_l2_penalty_shrinks_the_standardised_slopes_toward_zero() -> None:
    data = penguin_data("Chinstrap", "Adelie", ("bill_length_mm", "flipper_length_mm"))
    sizes = [np.abs(fit_logistic(data.X, data.y, l2).coef[1:] * data.X.std(axis=0)).sum() for l2 in (0, 1, 10, 100)]
    assert sizes == sorted(sizes, reverse=True)
    # with the penalty on standardised slopes, sklearn's C = 1/λ on standardised features gives the same model
    Zs = (data.X - data.X.mean(0)) / data.X.std(0)
    sk = sklearn_lm.LogisticRegression(C=1 / 3.0, tol=1e-12, max_iter=100_000, solver="newton-cg").fit(Zs, data.y)
    mine = fit_logistic(Zs, data.y, 3.0)
    np.testing.assert_allclose(mine.coef, np.r_[sk.intercept_, sk.coef_[0]], rtol=1e-5, atol=1e-6)


def test_separable_data_is_detected_and_explained_without_nan_text() -> None:
    data = blob_data(12.0, 60, 1)
    ok, w = is_separable(data.X, data.y)
    assert ok and np.all((w[0] + data.X @ w[1:] > 0) == (data.y > 0.5))
    fit = fit_logistic(data.X, data.y)
    assert fit.separable and not fit.converged
    assert "separable" in fit.message and "infinity" in fit.message
    overlapping = blob_data(1.0, 60, 1)
    assert not is_separable(overlapping.X, overlapping.y)[0]
    assert not fit_logistic(overlapping.X, overlapping.y).separable


def test_separable_fit_becomes_finite_with_a_penalty() -> None:
    data = blob_data(12.0, 60, 1)
    fit = fit_logistic(data.X, data.y, 1.0)
    assert fit.converged and not fit.separable and np.all(np.isfinite(fit.se))


def test_split_is_cached_per_model_not_per_threshold() -> None:
    a = split_fit(ClassifierState(threshold=0.2))
    assert split_fit(ClassifierState(threshold=0.8)) is a


def test_sigmoid_and_erfc_equal_scipy_special() -> None:
    """The numpy σ and the math.erfc used instead of scipy.special (its import slowed the lab's first open)."""
    z = np.concatenate([np.linspace(-700, 700, 20001), [0.0, -0.0, np.inf, -np.inf]])
    np.testing.assert_allclose(sigmoid(z), special.expit(z), rtol=1e-13, atol=0)
    assert sigmoid(-40.0) > 0 and sigmoid(np.float64(2.0)).shape == ()
    x = np.linspace(0, 25, 251)  # beyond ~26 erfc is subnormal: both round differently there
    np.testing.assert_allclose(erfc(x), special.erfc(x), rtol=1e-13, atol=0)
