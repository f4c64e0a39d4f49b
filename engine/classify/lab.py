"""The Classifier lab's state (everything a user can set), its data and fitted model, and the numbers it implies."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from engine.classify.data import FEATURES, SPECIES, ClassData, ClassifierError, blob_data, penguin_data
from engine.classify.evaluation import (
    McNemar,
    PairedAuc,
    bonferroni,
    bootstrap_auc,
    holm,
    mcnemar,
    paired_bootstrap_auc,
    stratified_folds,
    stratified_split,
    wilson_interval,
)
from engine.classify.logistic import LogisticFit, erfc, fit_logistic, predict_proba
from engine.classify.scores import auc_mann_whitney, brier, confusion
from engine.schema import SchemaError, spec

__all__ = [
    "ClassifierState",
    "SOURCES",
    "TABS",
    "CURVES",
    "Split",
    "class_data",
    "split_fit",
    "Evaluation",
    "evaluate",
    "metrics",
]

SOURCES = ("penguins", "blobs", "csv")
TABS = ("model", "threshold", "evaluation")
CURVES = ("roc", "pr", "calibration")
MAX_CSV = 20_000
BIG = 1e12


@dataclass(frozen=True)
class ClassifierState:
    """Everything a user can set in the Classifier lab (defaults = the lab's opening state)."""

    source: str = spec("penguins", choices=SOURCES)
    positive: str = spec("Chinstrap", choices=SPECIES)
    negative: str = spec("Adelie", choices=SPECIES)
    feature_x: str = spec("bill_length_mm", choices=FEATURES)
    feature_y: str = spec("flipper_length_mm", choices=(*FEATURES, "none"))
    separation: float = spec(2.0, lo=0.0, hi=12.0, step=0.1, decimals=1, label="separation")
    blob_n: int = spec(100, lo=4, hi=5000, step=10, integer=True, label="points")
    blob_seed: int = spec(0, lo=0, hi=2**31 - 1, integer=True)
    csv_x: tuple[float, ...] = spec((), lo=-BIG, hi=BIG, max_len=MAX_CSV)
    csv_x2: tuple[float, ...] = spec((), lo=-BIG, hi=BIG, max_len=MAX_CSV)
    csv_y: tuple[float, ...] = spec((), lo=0.0, hi=1.0, max_len=MAX_CSV)
    csv_names: str = spec("", max_chars=400)
    # points the user dragged: (row index, new x, new y) applied on top of the source's data
    moved: tuple[tuple[float, float, float], ...] = spec((), lo=-BIG, hi=BIG, max_len=2000)
    l2: float = spec(0.0, lo=0.0, hi=20.0, step=0.01, decimals=2, label="L2 penalty λ")
    threshold: float = spec(0.5, lo=0.0, hi=1.0, step=0.01, decimals=2, label="threshold t")
    test_fraction: float = spec(0.3, lo=0.0, hi=0.8, step=0.05, decimals=2, label="test share")
    split_seed: int = spec(0, lo=0, hi=2**31 - 1, integer=True)
    folds: int = spec(5, lo=2, hi=20, integer=True, label="k folds")
    model_b: str = spec("x", choices=("x", "y"))
    boot_resamples: int = spec(1000, lo=100, hi=20_000, step=100, integer=True, label="resamples")
    boot_seed: int = spec(0, lo=0, hi=2**31 - 1, integer=True)
    mc_sets: int = spec(20, lo=1, hi=200, integer=True, label="feature sets")
    mc_seed: int = spec(1, lo=0, hi=2**31 - 1, integer=True)
    alpha: float = spec(0.05, lo=0.001, hi=0.5, step=0.005, soft_hi=0.2, decimals=3, label="α")
    tab: str = spec("model", choices=TABS)
    curve: str = spec("roc", choices=CURVES)
    view: tuple[float, float, float, float] = spec((0.0, 0.0, 0.0, 0.0), lo=-BIG, hi=BIG)

    def validate(self) -> None:
        """Cross-field rules a scene file must also obey."""
        if self.positive == self.negative:
            raise SchemaError("negative", f"must differ from positive ({self.positive})")
        if self.feature_x == self.feature_y:
            raise SchemaError("feature_y", f"must differ from feature_x ({self.feature_x}) or be 'none'")
        if len(self.csv_y) != len(self.csv_x) or (self.csv_x2 and len(self.csv_x2) != len(self.csv_x)):
            raise SchemaError("csv_y", "csv_x, csv_x2 (when given) and csv_y must have the same length")


def class_data(state: ClassifierState) -> ClassData:
    """The state's data set with the user's dragged points applied (ClassifierError when unusable)."""
    data = _source_data(dataclasses.replace(state, moved=()) if state.moved else state)
    if state.moved:
        X = data.X.copy()
        for i, x, y in state.moved:
            i = int(i)
            if 0 <= i < len(X):
                X[i, 0] = x
                if X.shape[1] > 1:
                    X[i, 1] = y
        data = dataclasses.replace(data, X=X)
    n1 = int(data.y.sum())
    if n1 < 2 or len(data.y) - n1 < 2:
        raise ClassifierError(f"each class needs at least 2 points; there are {n1} positive and {len(data.y) - n1} "
                              "negative")  # fmt: skip
    return data


@lru_cache(maxsize=8)
def _source_data(state: ClassifierState) -> ClassData:
    """The chosen source's rows, before any point is dragged (cached: a drag re-reads nothing)."""
    two = state.feature_y != "none"
    if state.source == "penguins":
        features = (state.feature_x, state.feature_y) if two else (state.feature_x,)
        return penguin_data(state.positive, state.negative, features)
    if state.source == "blobs":
        return blob_data(state.separation, state.blob_n, state.blob_seed, two)
    if not state.csv_x:
        raise ClassifierError("no CSV loaded yet: open a file with two feature columns and a label column")
    cols = [state.csv_x] + ([state.csv_x2] if state.csv_x2 and two else [])
    names = tuple(state.csv_names.split("|")[: len(cols)]) if state.csv_names else ("x₁", "x₂")[: len(cols)]
    return ClassData(np.array(cols, float).T, np.array(state.csv_y, float), names, ("0", "1"))


@dataclass(frozen=True, eq=False)
class Split:
    """Data, train/test rows, the model fitted on the training rows and its probabilities for every row.

    Compared and hashed by identity (it is made once per model by a cache), so what depends only on it can be cached.
    """

    data: ClassData
    train: np.ndarray
    test: np.ndarray
    fit: LogisticFit
    p: np.ndarray

    @property
    def eval_rows(self) -> np.ndarray:
        """Rows the threshold metrics are computed on: the test rows, or every row when nothing is held out."""
        return self.test if len(self.test) >= 2 else np.arange(len(self.data.y))


def _cache_key(state: ClassifierState) -> ClassifierState:
    """The state with the fields that do not change the fit reset, so a threshold drag reuses the fitted model."""
    return dataclasses.replace(state, threshold=0.5, tab="model", curve="roc", view=(0.0, 0.0, 0.0, 0.0),
                               folds=5, model_b="x", boot_resamples=1000, boot_seed=0, mc_sets=20, mc_seed=1,
                               alpha=0.05)  # fmt: skip


def split_fit(state: ClassifierState) -> Split:
    """Split the data (stratified, seeded), fit on the training rows, predict every row (cached per model)."""
    return _split_fit(_cache_key(state))


@lru_cache(maxsize=16)
def _split_fit(state: ClassifierState) -> Split:
    data = class_data(state)
    train, test = stratified_split(data.y, state.test_fraction, state.split_seed)
    if len(test) < 2:
        train, test = np.arange(len(data.y)), np.array([], dtype=int)
    y = data.y[train]
    if y.size < 2:  # e.g. 4 points with an 80 % test share
        raise ClassifierError(
            f"only {y.size} training row(s) remain; hold out a smaller test share or add points"
        )
    if y.min() == y.max():
        raise ClassifierError("the training rows hold only one class; hold out a smaller test share")
    fit = fit_logistic(data.X[train], y, state.l2)
    return Split(data, train, test, fit, predict_proba(fit, data.X))


@dataclass(frozen=True)
class Evaluation:
    """Everything on the Evaluation tab: CV, intervals, model A vs model B, and the multiple-comparisons demo."""

    fold_sizes: tuple[int, ...]
    cv_accuracy: np.ndarray
    cv_auc: np.ndarray
    accuracy_ci: tuple[float, float]
    auc: float
    auc_ci: tuple[float, float]
    auc_boot: np.ndarray
    b_feature: str
    b_auc: float
    mcnemar: McNemar
    paired: PairedAuc
    mc_auc: np.ndarray
    mc_p: np.ndarray
    mc_holm: np.ndarray
    mc_bonferroni: np.ndarray


def evaluate(state: ClassifierState) -> Evaluation:
    """The Evaluation tab's statistics (resampling: run off the GUI thread; cached per state)."""
    return _evaluate(dataclasses.replace(state, threshold=round(state.threshold, 6), tab="model", curve="roc",
                                         view=(0.0, 0.0, 0.0, 0.0)))  # fmt: skip


@lru_cache(maxsize=8)
def _evaluate(state: ClassifierState) -> Evaluation:

    sf = split_fit(state)
    data = sf.data
    rows = sf.eval_rows
    y = data.y[rows] > 0.5
    p = sf.p[rows]
    # k-fold cross-validation on all rows
    folds = stratified_folds(data.y, state.folds, state.split_seed)
    cv_acc, cv_auc = [], []
    for f in folds:
        train = np.setdiff1d(np.arange(len(data.y)), f)
        if len(f) == 0 or data.y[train].min() == data.y[train].max():
            continue
        fit = fit_logistic(data.X[train], data.y[train], state.l2)
        pf = predict_proba(fit, data.X[f])
        cv_acc.append(confusion(data.y[f], pf, state.threshold).accuracy)
        if 0 < data.y[f].sum() < len(f):
            cv_auc.append(auc_mann_whitney(data.y[f], pf)[0])
    conf = confusion(y, p, state.threshold)
    acc_ci = wilson_interval(conf.tp + conf.tn, conf.n, state.alpha)
    auc = auc_mann_whitney(y, p)[0]
    lo, hi, boot = bootstrap_auc(y, p, state.boot_resamples, state.boot_seed, state.alpha)
    # model B: the same model with one feature only
    col = 0 if state.model_b == "x" or data.X.shape[1] == 1 else 1
    fit_b = fit_logistic(data.X[sf.train][:, [col]], data.y[sf.train], state.l2)
    p_b = predict_proba(fit_b, data.X[rows][:, [col]])
    t = state.threshold
    test = mcnemar((p >= t) == y, (p_b >= t) == y)
    paired = paired_bootstrap_auc(y, p, p_b, state.boot_resamples, state.boot_seed, state.alpha)
    # multiple comparisons: m pure-noise "features", each scored by its AUC on the evaluation rows
    rng = np.random.default_rng(state.mc_seed)
    noise = rng.normal(size=(state.mc_sets, len(y)))
    n1, n0 = int(y.sum()), int((~y).sum())
    mc_auc = np.array([auc_mann_whitney(y, s)[0] for s in noise])
    zs = (mc_auc * n1 * n0 - n1 * n0 / 2) / np.sqrt(n1 * n0 * (n1 + n0 + 1) / 12)
    mc_p = erfc(np.abs(zs) / np.sqrt(2))
    return Evaluation(tuple(len(f) for f in folds), np.array(cv_acc), np.array(cv_auc), acc_ci, auc, (lo, hi), boot,
                      data.names[col], auc_mann_whitney(y, p_b)[0], test, paired, mc_auc, mc_p, holm(mc_p),
                      bonferroni(mc_p))  # fmt: skip


def metrics(state: ClassifierState) -> dict[str, Any]:
    """Named numbers of a Classifier-lab state (what lesson goals test and "show the code" reproduces).

    Keys: ``n``, ``n_train``, ``n_test``, ``dropped``, ``separable``, ``converged``, ``intercept``, ``coef_x``,
    ``coef_y``, ``se_x``, ``p_x``, ``nll`` (training log-loss, total), ``mean_log_loss``, ``threshold``, ``tp``,
    ``fp``, ``tn``, ``fn``, ``accuracy``, ``precision``, ``recall``, ``specificity``, ``f1``, ``auc``,
    ``mann_whitney_auc``, ``brier`` (the last ones on the test rows, or every row without a test share);
    ``accuracy_low``/``accuracy_high`` (Wilson), ``auc_low``/``auc_high`` (bootstrap), ``cv_accuracy``, ``cv_auc``,
    ``b_auc``, ``auc_difference``, ``auc_difference_p``, ``mcnemar_p``, ``mc_best_p``, ``mc_best_holm``,
    ``mc_best_bonferroni``, ``mc_raw_hits``, ``mc_holm_hits`` — or ``error`` (a message) when the data is unusable.
    """
    out: dict[str, Any] = {"threshold": state.threshold}
    try:
        sf = split_fit(state)
    except ClassifierError as exc:
        out["error"] = str(exc)
        return out
    fit, rows = sf.fit, sf.eval_rows
    y, p = sf.data.y[rows], sf.p[rows]
    coef = list(fit.coef) + [0.0]
    conf = confusion(y, p, state.threshold)
    auc, u = auc_mann_whitney(y, p)
    n1, n0 = int(y.sum()), len(y) - int(y.sum())
    out.update(n=len(sf.data.y), n_train=len(sf.train), n_test=len(sf.test), dropped=sf.data.dropped,
               separable=fit.separable, converged=fit.converged, intercept=float(coef[0]), coef_x=float(coef[1]),
               coef_y=float(coef[2]), se_x=float(fit.se[1]), p_x=float(fit.p_value[1]), nll=fit.nll,
               mean_log_loss=fit.nll / len(sf.train), tp=conf.tp, fp=conf.fp, tn=conf.tn, fn=conf.fn,
               accuracy=conf.accuracy, precision=conf.precision, recall=conf.recall, specificity=conf.specificity,
               f1=conf.f1, auc=auc, mann_whitney_auc=u / (n1 * n0), brier=brier(y, p))  # fmt: skip
    ev = evaluate(state)
    best = int(np.argmin(ev.mc_p))
    out.update(accuracy_low=ev.accuracy_ci[0], accuracy_high=ev.accuracy_ci[1], auc_low=ev.auc_ci[0],
               auc_high=ev.auc_ci[1], cv_accuracy=float(np.mean(ev.cv_accuracy)) if len(ev.cv_accuracy) else 0.0,
               cv_auc=float(np.mean(ev.cv_auc)) if len(ev.cv_auc) else 0.0, b_auc=ev.b_auc,
               auc_difference=ev.paired.difference, auc_difference_p=ev.paired.p_value, mcnemar_p=ev.mcnemar.p_value,
               mc_best_p=float(ev.mc_p[best]), mc_best_holm=float(ev.mc_holm[best]),
               mc_best_bonferroni=float(ev.mc_bonferroni[best]), mc_raw_hits=int(np.sum(ev.mc_p < state.alpha)),
               mc_holm_hits=int(np.sum(ev.mc_holm < state.alpha)))  # fmt: skip
    return out
