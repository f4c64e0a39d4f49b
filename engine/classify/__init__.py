"""Classification for ML Math Sandbox: logistic regression by maximum likelihood, threshold metrics, ROC/PR/calibration,
and evaluation as statistics (splits, folds, Wilson/bootstrap intervals, McNemar, multiple comparisons).

The work is done in ``data`` (penguins, blobs, CSV), ``logistic`` (Newton/IRLS fit, SE and Wald tests), ``scores``
(confusion, AUC = Mann–Whitney U / n₁n₀, curves, Brier), ``evaluation`` (resampling and tests), ``lab`` (the state and
metrics), ``derive`` (what the lab draws) and ``snippet`` ("show the code"). Usable from a notebook::

    from engine.classify import fit_logistic
    fit_logistic(X, y).coef
"""

from __future__ import annotations

from engine.classify.data import (
    FEATURE_TITLES,
    FEATURES,
    SPECIES,
    ClassData,
    ClassifierError,
    blob_data,
    csv_class_data,
    feature_title,
    penguin_data,
)
from engine.classify.derive import GRID, ClassifierResults, ModelPicture, derive, model_picture
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
from engine.classify.front import logistic_regression
from engine.classify.lab import (
    CURVES,
    SOURCES,
    TABS,
    ClassifierState,
    Evaluation,
    Split,
    class_data,
    evaluate,
    metrics,
    split_fit,
)
from engine.classify.logistic import LogisticFit, fit_logistic, is_separable, log_loss_terms, predict_proba, sigmoid
from engine.classify.scores import (
    Calibration,
    Confusion,
    Curve,
    auc_mann_whitney,
    average_ranks,
    brier,
    calibration,
    confusion,
    pr_curve,
    roc_curve,
    trapezoid_auc,
)
from engine.classify.snippet import code

__all__ = [
    "logistic_regression",
    "FEATURE_TITLES",
    "feature_title",
    "FEATURES",
    "SPECIES",
    "ClassData",
    "ClassifierError",
    "blob_data",
    "csv_class_data",
    "penguin_data",
    "GRID",
    "ClassifierResults",
    "ModelPicture",
    "derive",
    "model_picture",
    "McNemar",
    "PairedAuc",
    "bonferroni",
    "bootstrap_auc",
    "holm",
    "mcnemar",
    "paired_bootstrap_auc",
    "stratified_folds",
    "stratified_split",
    "wilson_interval",
    "CURVES",
    "SOURCES",
    "TABS",
    "ClassifierState",
    "Evaluation",
    "Split",
    "class_data",
    "evaluate",
    "metrics",
    "split_fit",
    "LogisticFit",
    "fit_logistic",
    "is_separable",
    "log_loss_terms",
    "predict_proba",
    "sigmoid",
    "Calibration",
    "Confusion",
    "Curve",
    "auc_mann_whitney",
    "average_ranks",
    "brier",
    "calibration",
    "confusion",
    "pr_curve",
    "roc_curve",
    "trapezoid_auc",
    "code",
]
