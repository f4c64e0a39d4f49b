"""How good are the probabilities: threshold metrics, ROC and AUC (= Mann–Whitney U / n₁n₂), PR curve, calibration."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "Confusion",
    "confusion",
    "average_ranks",
    "auc_mann_whitney",
    "Curve",
    "roc_curve",
    "pr_curve",
    "trapezoid_auc",
    "Calibration",
    "calibration",
    "brier",
]


@dataclass(frozen=True)
class Confusion:
    """Counts at one threshold (predict positive when p ≥ t) and the rates built from them."""

    tp: int
    fp: int
    tn: int
    fn: int

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.tn + self.fn

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.n if self.n else 0.0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 0 when nothing is predicted positive (scikit-learn's ``zero_division=0``)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN), the true-positive rate (sensitivity)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def specificity(self) -> float:
        """TN / (TN + FP), one minus the false-positive rate."""
        return self.tn / (self.tn + self.fp) if self.tn + self.fp else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def confusion(y: np.ndarray, p: np.ndarray, threshold: float) -> Confusion:
    """Confusion counts of labels ``y`` (0/1) against ``p ≥ threshold``."""
    y = np.asarray(y) > 0.5
    pred = np.asarray(p) >= threshold
    return Confusion(int(np.sum(pred & y)), int(np.sum(pred & ~y)), int(np.sum(~pred & ~y)), int(np.sum(~pred & y)))


def average_ranks(x: np.ndarray) -> np.ndarray:
    """Ranks 1..n with ties sharing their average rank (as ``scipy.stats.rankdata``)."""
    x = np.asarray(x, float)
    order = np.argsort(x, kind="mergesort")
    xs = x[order]
    starts = np.r_[True, xs[1:] != xs[:-1]]
    group = np.cumsum(starts) - 1
    first = np.flatnonzero(starts)
    last = np.r_[first[1:], len(x)] - 1
    ranks = np.empty(len(x))
    ranks[order] = (first[group] + last[group]) / 2.0 + 1.0
    return ranks


def auc_mann_whitney(y: np.ndarray, score: np.ndarray) -> tuple[float, float]:
    """(AUC, U): U counts the pairs where the positive outranks the negative (ties ½); AUC = U / (n₁ n₀)."""
    y = np.asarray(y) > 0.5
    n1, n0 = int(y.sum()), int((~y).sum())
    if n1 == 0 or n0 == 0:
        return float("nan"), float("nan")
    u = float(average_ranks(score)[y].sum() - n1 * (n1 + 1) / 2)
    return u / (n1 * n0), u


@dataclass(frozen=True)
class Curve:
    """A curve through the thresholds: ``x``/``y`` (FPR/TPR or recall/precision) and the threshold at each point."""

    x: np.ndarray
    y: np.ndarray
    thresholds: np.ndarray


def _counts(y: np.ndarray, score: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cumulative TP and FP when predicting positive for score ≥ each distinct score, highest first."""
    y = np.asarray(y) > 0.5
    order = np.argsort(-np.asarray(score, float), kind="mergesort")
    s, yy = np.asarray(score, float)[order], y[order]
    last = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]
    tps = np.cumsum(yy)[last]
    fps = (last + 1) - tps
    return tps.astype(float), fps.astype(float), s[last]


def roc_curve(y: np.ndarray, score: np.ndarray) -> Curve:
    """ROC: false-positive rate against true-positive rate, from threshold +∞ (the point (0, 0)) down."""
    tps, fps, thr = _counts(y, score)
    n1, n0 = max(tps[-1], 1.0), max(fps[-1], 1.0)
    return Curve(np.r_[0.0, fps / n0], np.r_[0.0, tps / n1], np.r_[np.inf, thr])


def trapezoid_auc(curve: Curve) -> float:
    """Area under a curve by the trapezoid rule."""
    return float(np.sum(np.diff(curve.x) * (curve.y[1:] + curve.y[:-1]) / 2))


def pr_curve(y: np.ndarray, score: np.ndarray) -> Curve:
    """Precision–recall at each distinct score, recall decreasing and ending at (0, 1), as scikit-learn orders it."""
    tps, fps, thr = _counts(y, score)
    precision = tps / (tps + fps)
    recall = tps / max(tps[-1], 1.0)
    return Curve(np.r_[recall[::-1], 0.0], np.r_[precision[::-1], 1.0], thr[::-1])


@dataclass(frozen=True)
class Calibration:
    """Reliability diagram: per bin of predicted probability, its mean prediction, observed positive rate and count."""

    mean_predicted: np.ndarray
    observed: np.ndarray
    count: np.ndarray
    edges: np.ndarray


def calibration(y: np.ndarray, p: np.ndarray, bins: int = 10) -> Calibration:
    """Equal-width bins on [0, 1]; empty bins are left out (as scikit-learn's ``calibration_curve``)."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.searchsorted(edges[1:-1], p, side="right"), 0, bins - 1)
    count = np.bincount(idx, minlength=bins)
    keep = count > 0
    sum_p = np.bincount(idx, weights=p, minlength=bins)
    sum_y = np.bincount(idx, weights=np.asarray(y, float), minlength=bins)
    c = np.where(keep, count, 1)
    return Calibration((sum_p / c)[keep], (sum_y / c)[keep], count[keep], edges)


def brier(y: np.ndarray, p: np.ndarray) -> float:
    """Mean squared difference between the predicted probability and the 0/1 outcome."""
    return float(np.mean((np.asarray(p, float) - np.asarray(y, float)) ** 2))
