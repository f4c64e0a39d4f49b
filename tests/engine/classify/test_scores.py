"""Threshold metrics, ROC/AUC, PR curve, calibration and Brier against scikit-learn and scipy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.classify import (
    auc_mann_whitney,
    average_ranks,
    brier,
    calibration,
    confusion,
    pr_curve,
    roc_curve,
    trapezoid_auc,
)

metrics = pytest.importorskip("sklearn.metrics")
calib = pytest.importorskip("sklearn.calibration")


def _case(seed: int, n: int = 80, ties: bool = False):
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.4).astype(float)
    y[:2] = [0, 1]
    p = 1 / (1 + np.exp(-(rng.normal(size=n) + 1.5 * y)))
    if ties:
        p = np.round(p, 1)
    return y, p


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("ties", [False, True])
def test_auc_equals_sklearn_trapezoid_and_mann_whitney(seed, ties) -> None:
    from scipy.stats import mannwhitneyu

    y, p = _case(seed, ties=ties)
    auc, u = auc_mann_whitney(y, p)
    assert auc == pytest.approx(metrics.roc_auc_score(y, p), abs=1e-12)
    assert trapezoid_auc(roc_curve(y, p)) == pytest.approx(auc, abs=1e-12)
    res = mannwhitneyu(p[y == 1], p[y == 0])
    assert u == pytest.approx(res.statistic)
    assert auc == pytest.approx(res.statistic / ((y == 1).sum() * (y == 0).sum()))


@pytest.mark.parametrize("seed", range(4))
def test_roc_and_pr_curves_equal_sklearn(seed) -> None:
    y, p = _case(seed, ties=seed % 2 == 1)
    roc = roc_curve(y, p)
    fpr, tpr, _ = metrics.roc_curve(y, p, drop_intermediate=False)
    np.testing.assert_allclose(roc.x, fpr)
    np.testing.assert_allclose(roc.y, tpr)
    pr = pr_curve(y, p)
    prec, rec, thr = metrics.precision_recall_curve(y, p)
    np.testing.assert_allclose(pr.x, rec)
    np.testing.assert_allclose(pr.y, prec)
    np.testing.assert_allclose(pr.thresholds, thr)


@pytest.mark.parametrize("t", [0.0, 0.2, 0.5, 0.77, 1.0])
def test_confusion_and_rates_equal_sklearn(t) -> None:
    y, p = _case(3)
    c = confusion(y, p, t)
    pred = (p >= t).astype(float)
    tn, fp, fn, tp = metrics.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    assert (c.tp, c.fp, c.tn, c.fn) == (tp, fp, tn, fn)
    assert c.accuracy == pytest.approx(metrics.accuracy_score(y, pred))
    assert c.precision == pytest.approx(metrics.precision_score(y, pred, zero_division=0))
    assert c.recall == pytest.approx(metrics.recall_score(y, pred, zero_division=0))
    assert c.f1 == pytest.approx(metrics.f1_score(y, pred, zero_division=0))
    assert c.specificity == pytest.approx(tn / (tn + fp))


def test_calibration_bins_and_brier_equal_sklearn() -> None:
    y, p = _case(7, n=400)
    cal = calibration(y, p, 10)
    observed, predicted = calib.calibration_curve(y, p, n_bins=10)
    np.testing.assert_allclose(cal.observed, observed)
    np.testing.assert_allclose(cal.mean_predicted, predicted)
    assert cal.count.sum() == len(y)
    assert brier(y, p) == pytest.approx(metrics.brier_score_loss(y, p))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=1, max_size=40))
def test_average_ranks_equal_scipy(values) -> None:
    from scipy.stats import rankdata

    np.testing.assert_allclose(average_ranks(np.array(values, float)), rankdata(values))


def test_one_class_gives_no_auc_rather_than_a_crash() -> None:
    auc, u = auc_mann_whitney(np.ones(5), np.linspace(0, 1, 5))
    assert np.isnan(auc) and np.isnan(u)
