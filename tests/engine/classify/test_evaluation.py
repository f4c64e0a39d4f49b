"""Splits, folds, Wilson, McNemar, bootstrap and multiple-comparison corrections against scikit-learn/statsmodels."""

from __future__ import annotations

import numpy as np
import pytest

from engine.classify import (
    auc_mann_whitney,
    bonferroni,
    bootstrap_auc,
    holm,
    mcnemar,
    paired_bootstrap_auc,
    stratified_folds,
    stratified_split,
    wilson_interval,
)

ms = pytest.importorskip("sklearn.model_selection")
proportion = pytest.importorskip("statsmodels.stats.proportion")
contingency = pytest.importorskip("statsmodels.stats.contingency_tables")
multitest = pytest.importorskip("statsmodels.stats.multitest")


@pytest.mark.parametrize(("n0", "n1", "k"), [(151, 68, 5), (40, 13, 3), (30, 30, 10), (9, 11, 2)])
def test_stratified_folds_have_sklearns_sizes_and_cover_every_row_once(n0, n1, k) -> None:
    y = np.r_[np.zeros(n0), np.ones(n1)]
    folds = stratified_folds(y, k, seed=3)
    ref = ms.StratifiedKFold(k, shuffle=True, random_state=0).split(np.zeros(len(y)), y)
    assert sorted(len(f) for f in folds) == sorted(len(test) for _, test in ref)
    assert sorted(np.concatenate(folds).tolist()) == list(range(len(y)))
    for f in folds:  # each fold holds each class in proportion (±1)
        assert abs(y[f].sum() - n1 / k) < 1 + 1e-9


def test_stratified_split_is_seeded_and_keeps_the_class_shares() -> None:
    y = np.r_[np.zeros(151), np.ones(68)]
    train, test = stratified_split(y, 0.3, 7)
    assert len(np.intersect1d(train, test)) == 0 and len(train) + len(test) == len(y)
    assert y[test].sum() == round(0.3 * 68) and len(test) - y[test].sum() == round(0.3 * 151)
    assert np.array_equal(stratified_split(y, 0.3, 7)[1], test)
    assert not np.array_equal(stratified_split(y, 0.3, 8)[1], test)


@pytest.mark.parametrize(
    ("k", "n", "alpha"), [(0, 10, 0.05), (7, 10, 0.05), (60, 65, 0.05), (50, 50, 0.01), (3, 400, 0.1)]
)
def test_wilson_interval_equals_statsmodels(k, n, alpha) -> None:
    ref = proportion.proportion_confint(k, n, alpha=alpha, method="wilson")
    np.testing.assert_allclose(wilson_interval(k, n, alpha), ref, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_mcnemar_exact_p_equals_statsmodels(seed) -> None:
    rng = np.random.default_rng(seed)
    a = rng.random(60) < 0.8
    b = rng.random(60) < 0.7
    res = mcnemar(a, b)
    table = [[res.both, res.only_a], [res.only_b, res.neither]]
    assert res.p_value == pytest.approx(contingency.mcnemar(table, exact=True).pvalue, rel=1e-10)
    assert res.both + res.only_a + res.only_b + res.neither == 60


def test_mcnemar_with_no_discordant_pairs_is_p_one() -> None:
    assert mcnemar(np.ones(5, bool), np.ones(5, bool)).p_value == 1.0


def test_holm_and_bonferroni_equal_statsmodels() -> None:
    p = np.random.default_rng(2).random(20) ** 3
    for method, fn in (("holm", holm), ("bonferroni", bonferroni)):
        np.testing.assert_allclose(fn(p), multitest.multipletests(p, method=method)[1])


def test_bootstrap_auc_interval_covers_the_auc_and_is_seeded() -> None:
    rng = np.random.default_rng(0)
    y = np.r_[np.zeros(50), np.ones(30)]
    s = rng.normal(size=80) + y
    lo, hi, boots = bootstrap_auc(y, s, 500, seed=1)
    assert lo < auc_mann_whitney(y, s)[0] < hi and len(boots) == 500
    assert bootstrap_auc(y, s, 500, seed=1)[:2] == (lo, hi)


def test_paired_bootstrap_finds_a_real_difference_and_not_a_null_one() -> None:
    rng = np.random.default_rng(1)
    y = np.r_[np.zeros(100), np.ones(100)]
    good = rng.normal(size=200) + 2 * y
    bad = rng.normal(size=200) + 0.2 * y
    real = paired_bootstrap_auc(y, good, bad, 1000, seed=0)
    assert real.difference > 0 and real.low > 0 and real.p_value < 0.01
    same = paired_bootstrap_auc(y, good, good + 1e-9 * rng.normal(size=200), 1000, seed=0)
    assert same.low <= 0 <= same.high and same.p_value > 0.05


def test_bootstrap_aucs_equal_sklearn_on_the_same_stratified_resamples() -> None:
    metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(4)
    y = np.r_[np.zeros(30), np.ones(12)]
    s = np.round(rng.normal(size=42) + y, 1)  # rounded: resamples hold ties
    _, _, boots = bootstrap_auc(y, s, 200, seed=9)
    draw = np.random.default_rng(9)  # the documented scheme: each class resampled within itself, positives first
    pos, neg = np.flatnonzero(y), np.flatnonzero(y == 0)
    rows = np.column_stack([draw.choice(pos, (200, len(pos))), draw.choice(neg, (200, len(neg)))])
    ref = [metrics.roc_auc_score(y[r], s[r]) for r in rows]
    np.testing.assert_allclose(boots, ref, atol=1e-12)
