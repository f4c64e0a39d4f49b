"""Evaluation as statistics: seeded stratified splits and folds, Wilson and bootstrap intervals, McNemar's test, a
paired bootstrap of an AUC difference, and the multiple-comparisons trap with Bonferroni/Holm corrections."""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from engine.classify.scores import auc_mann_whitney

__all__ = [
    "stratified_split",
    "stratified_folds",
    "wilson_interval",
    "bootstrap_auc",
    "McNemar",
    "mcnemar",
    "PairedAuc",
    "paired_bootstrap_auc",
    "bonferroni",
    "holm",
]


def stratified_split(y: np.ndarray, test_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(train, test) rows: each class shuffled with ``seed``, ``round(test_fraction × its size)`` of it held out."""
    y = np.asarray(y) > 0.5
    rng = np.random.default_rng(seed)
    train, test = [], []
    for cls in (False, True):
        idx = np.flatnonzero(y == cls)
        rng.shuffle(idx)
        k = int(round(test_fraction * len(idx)))
        test.append(idx[:k])
        train.append(idx[k:])
    return np.sort(np.concatenate(train)), np.sort(np.concatenate(test))


def stratified_folds(y: np.ndarray, k: int, seed: int) -> list[np.ndarray]:
    """``k`` test folds: each class shuffled and dealt round-robin, so fold sizes differ by at most one per class."""
    y = np.asarray(y) > 0.5
    rng = np.random.default_rng(seed)
    folds: list[list[int]] = [[] for _ in range(k)]
    offset = 0
    for cls in (False, True):
        idx = np.flatnonzero(y == cls)
        rng.shuffle(idx)
        for j, i in enumerate(idx):
            folds[(j + offset) % k].append(int(i))
        offset += len(idx)
    return [np.sort(np.array(f, dtype=int)) for f in folds]


def wilson_interval(successes: int, n: int, alpha: float = 0.05) -> tuple[float, float]:
    """Wilson score interval for a proportion (good near 0 and 1, unlike p ± z·SE)."""
    if n <= 0:
        return float("nan"), float("nan")
    z = NormalDist().inv_cdf(1 - alpha / 2)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return centre - half, centre + half


def _boot_indices(y: np.ndarray, n_resamples: int, seed: int) -> np.ndarray:
    """Stratified bootstrap rows (each class resampled within itself, so every resample has both classes)."""
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(y), np.flatnonzero(~y)
    return np.column_stack([rng.choice(pos, (n_resamples, len(pos))), rng.choice(neg, (n_resamples, len(neg)))])


def _aucs(y: np.ndarray, score: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """AUC of each bootstrap resample (``rows``: positives first, then negatives, as :func:`_boot_indices` makes).

    A resample only changes how often each original point counts, so AUC_b = Σᵢⱼ wᵢ vⱼ K(i, j) / (n₁n₀) with
    K = 1 where positive i outscores negative j and ½ on a tie: two matrix products instead of a sort per resample.
    """
    pos, neg = np.flatnonzero(y), np.flatnonzero(~y)
    n1, n0, b = len(pos), len(neg), len(rows)
    if n1 * n0 > 250_000:  # K would be too large: sort each resample instead
        return np.array([auc_mann_whitney(np.r_[np.ones(n1), np.zeros(n0)], score[r])[0] for r in rows])
    where_pos = np.full(len(y), -1)
    where_pos[pos] = np.arange(n1)
    where_neg = np.full(len(y), -1)
    where_neg[neg] = np.arange(n0)
    w = np.zeros((b, n1))
    v = np.zeros((b, n0))
    resample = np.repeat(np.arange(b), n1)
    np.add.at(w, (resample, where_pos[rows[:, :n1].ravel()]), 1.0)
    np.add.at(v, (np.repeat(np.arange(b), n0), where_neg[rows[:, n1:].ravel()]), 1.0)
    sp, sn = score[pos][:, None], score[neg][None, :]
    k = (sp > sn) + 0.5 * (sp == sn)
    return np.einsum("bi,ij,bj->b", w, k, v) / (n1 * n0)


def bootstrap_auc(
    y: np.ndarray, score: np.ndarray, n_resamples: int = 1000, seed: int = 0, alpha: float = 0.05
) -> tuple[float, float, np.ndarray]:
    """Percentile bootstrap interval for the AUC: (low, high, the resampled AUCs).

    Stratified: ``rng = default_rng(seed)`` draws the positives' rows ``rng.choice(pos, (B, n₁))``, then the
    negatives' ``rng.choice(neg, (B, n₀))``, so every resample holds both classes.
    """
    y = np.asarray(y) > 0.5
    aucs = _aucs(y, np.asarray(score, float), _boot_indices(y, n_resamples, seed))
    lo, hi = np.quantile(aucs, [alpha / 2, 1 - alpha / 2])
    return float(lo), float(hi), aucs


@dataclass(frozen=True)
class McNemar:
    """McNemar's test on paired correctness: b = only A right, c = only B right; exact binomial p-value."""

    both: int
    only_a: int
    only_b: int
    neither: int
    p_value: float


def mcnemar(correct_a: np.ndarray, correct_b: np.ndarray) -> McNemar:
    """Exact McNemar test: under H₀ the discordant pairs split 50:50, p = min(1, 2·P(Bin(b+c, ½) ≤ min(b, c)))."""
    a, b = np.asarray(correct_a, bool), np.asarray(correct_b, bool)
    only_a, only_b = int(np.sum(a & ~b)), int(np.sum(~a & b))
    m = only_a + only_b
    if m == 0:
        p = 1.0
    else:
        from scipy import special  # heavy (~0.25 s): only when two models are compared, in the background job

        p = min(1.0, 2.0 * float(special.bdtr(min(only_a, only_b), m, 0.5)))
    return McNemar(int(np.sum(a & b)), only_a, only_b, int(np.sum(~a & ~b)), p)


@dataclass(frozen=True)
class PairedAuc:
    """AUC(A) − AUC(B) on the same rows, its bootstrap interval and two-sided p-value, and the resampled differences."""

    difference: float
    low: float
    high: float
    p_value: float
    resampled: np.ndarray


def paired_bootstrap_auc(
    y: np.ndarray, score_a: np.ndarray, score_b: np.ndarray, n_resamples: int = 1000, seed: int = 0,
    alpha: float = 0.05,
) -> PairedAuc:  # fmt: skip
    """Resample the rows (the same rows for both models) and recompute AUC(A) − AUC(B).

    The p-value is twice the smaller share of resampled differences on either side of 0 (capped at 1).
    """
    y = np.asarray(y) > 0.5
    rows = _boot_indices(y, n_resamples, seed)
    sa, sb = np.asarray(score_a, float), np.asarray(score_b, float)
    diff = _aucs(y, sa, rows) - _aucs(y, sb, rows)
    observed = auc_mann_whitney(y, sa)[0] - auc_mann_whitney(y, sb)[0]
    lo, hi = np.quantile(diff, [alpha / 2, 1 - alpha / 2])
    p = min(1.0, 2.0 * min(np.mean(diff <= 0), np.mean(diff >= 0)))
    return PairedAuc(float(observed), float(lo), float(hi), float(p), diff)


def bonferroni(p: np.ndarray) -> np.ndarray:
    """Bonferroni-adjusted p-values: m · p, capped at 1."""
    p = np.asarray(p, float)
    return np.minimum(1.0, p * len(p))


def holm(p: np.ndarray) -> np.ndarray:
    """Holm's step-down adjusted p-values: sorted p_(i) × (m − i + 1), made monotone, capped at 1."""
    p = np.asarray(p, float)
    m = len(p)
    order = np.argsort(p)
    adj = np.minimum(1.0, np.maximum.accumulate(p[order] * (m - np.arange(m))))
    out = np.empty(m)
    out[order] = adj
    return out
