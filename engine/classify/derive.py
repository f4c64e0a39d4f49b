"""``derive(state)``: everything the Classifier lab draws — points, probability shading, boundary, sigmoid, confusion
matrix, ROC / PR / calibration curves and the readouts — computed once per state."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from engine.classify.data import ClassData, ClassifierError, feature_title
from engine.classify.lab import ClassifierState, Split, split_fit
from engine.classify.logistic import log_loss_terms, sigmoid
from engine.classify.scores import (
    Calibration,
    Confusion,
    Curve,
    auc_mann_whitney,
    brier,
    calibration,
    confusion,
    pr_curve,
    roc_curve,
    trapezoid_auc,
)
from engine.i18n import localize, number, translate

__all__ = ["ClassifierResults", "derive", "GRID", "ModelPicture", "model_picture"]

GRID = 64


@dataclass(frozen=True)
class ClassifierResults:
    """What the views draw for one state; ``error`` is a sentence when the data cannot be used (nothing else is set)."""

    error: str = ""
    split: Split | None = None
    X: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    y: np.ndarray = field(default_factory=lambda: np.zeros(0))
    test_mask: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    axis_titles: tuple[str, str] = ("", "")
    bounds: tuple[float, float, float, float] = (0.0, 1.0, 0.0, 1.0)
    grid: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    boundary: tuple[np.ndarray, np.ndarray] = (np.zeros(0), np.zeros(0))
    z: np.ndarray = field(default_factory=lambda: np.zeros(0))
    loss: np.ndarray = field(default_factory=lambda: np.zeros(0))
    conf: Confusion = Confusion(0, 0, 0, 0)
    roc: Curve | None = None
    roc_point: tuple[float, float] = (0.0, 0.0)
    auc: float = 0.0
    u: float = 0.0
    pr: Curve | None = None
    pr_point: tuple[float, float] = (0.0, 1.0)
    calib: Calibration | None = None
    brier: float = 0.0
    separation_path: tuple[np.ndarray, np.ndarray] | None = None
    coef_text: str = ""
    coef_rows: tuple[tuple[str, str, str, str, str], ...] = ()
    fit_note: str = ""
    metrics_text: str = ""
    curve_text: str = ""
    summary: str = ""


def _bounds(X: np.ndarray) -> tuple[float, float, float, float]:
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = np.where(hi > lo, (hi - lo) * 0.08, 1.0)
    lo, hi = lo - pad, hi + pad
    if X.shape[1] == 1:
        return float(lo[0]), float(hi[0]), -0.1, 1.1
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def _fmt(x: float, digits: int = 4) -> str:
    if not math.isfinite(x):
        return translate("classify", "undefined")
    return number(x, digits)


def _p_text(p: float) -> str:
    if not math.isfinite(p):
        return translate("classify", "undefined")
    return localize("< 0.0001" if p < 1e-4 else f"{p:.4f}")


def _f(x: float, digits: int) -> str:
    """``x`` with ``digits`` decimals and the decimal separator in force."""
    return localize(f"{x:.{digits}f}")


def _coef_rows(data: ClassData, sp: Split) -> tuple[tuple[str, str, str, str, str], ...]:
    """(name, estimate, SE, z, Wald p) as display text for each coefficient ("undefined" instead of NaN)."""
    fit = sp.fit
    names = (translate("classify", "intercept"), *data.names)
    return tuple((name, _fmt(b), _fmt(se), _fmt(z, 3), _p_text(p))
                 for name, b, se, z, p in zip(names, fit.coef, fit.se, fit.z, fit.p_value, strict=True))  # fmt: skip


def _fit_note(sp: Split) -> str:
    """The log-loss line, the penalty and any message about the fit (separable, collinear …)."""
    fit = sp.fit
    lines = [
        translate("classify", "log-loss (NLL) on {0} training points: {1} (mean {2})").format(
            len(sp.train), _fmt(fit.nll), _fmt(fit.nll / len(sp.train))
        )
    ]
    if fit.l2:
        lines.append(_penalty_text(fit.l2))
    if fit.message:
        lines.append(translate("classify", fit.message))
    return "\n".join(lines)


def _penalty_text(l2: float) -> str:
    text = translate("classify", "L2 penalty λ = {0} on the standardised slopes: SEs are from the penalised Hessian")
    return text.format(localize(f"{l2:g}"))


def _coef_text(data: ClassData, sp: Split) -> str:
    fit = sp.fit
    names = (translate("classify", "intercept"), *data.names)
    lines = [translate("classify", "coefficient        estimate      SE        z       p (Wald)")]
    for name, b, se, z, p in zip(names, fit.coef, fit.se, fit.z, fit.p_value, strict=True):
        lines.append(f"{name[:17]:<17} {_fmt(b):>10} {_fmt(se):>9} {_fmt(z, 3):>7}   {_p_text(p)}")
    lines.append(translate("classify", "log-loss (NLL) on {0} training points: {1} (mean {2})").format(
        len(sp.train), _fmt(fit.nll), _fmt(fit.nll / len(sp.train))))  # fmt: skip
    if fit.l2:
        lines.append(_penalty_text(fit.l2))
    if fit.message:
        lines.append(translate("classify", fit.message))
    return "\n".join(lines)


def _dropped_text(dropped: int) -> str:
    if not dropped:
        return ""
    if dropped == 1:
        return translate("classify", ", 1 row with a missing value left out")
    return translate("classify", ", {0} rows with a missing value left out").format(dropped)


def _separation_path(sp: Split) -> tuple[np.ndarray, np.ndarray]:
    """Log-loss along the fitted direction scaled by c = 0.25 … 64: it keeps falling when the data are separable."""
    X, y = sp.data.X[sp.train], sp.data.y[sp.train]
    scales = 2.0 ** np.arange(-2, 7)
    z = sp.fit.coef[0] + X @ sp.fit.coef[1:]
    z = z / max(float(np.std(z)), 1e-300)  # the fitted direction, scaled so its scores have spread 1
    return scales, np.array([log_loss_terms(y, c * z).sum() for c in scales])


@dataclass(frozen=True, eq=False)
class ModelPicture:
    """What depends on the fitted model but not on the threshold (made once per model, reused while t is dragged)."""

    test_mask: np.ndarray
    bounds: tuple[float, float, float, float]
    grid: np.ndarray
    titles: tuple[str, str]
    z: np.ndarray
    loss: np.ndarray
    roc: Curve
    auc: float
    u: float
    pr: Curve
    calib: Calibration
    brier: float
    separation_path: tuple[np.ndarray, np.ndarray] | None
    coef_text: str
    coef_rows: tuple[tuple[str, str, str, str, str], ...]
    fit_note: str


@lru_cache(maxsize=16)
def model_picture(sp: Split) -> ModelPicture:
    """The threshold-free part of the results for one fitted model."""
    data, fit = sp.data, sp.fit
    X, y = data.X, data.y
    rows = sp.eval_rows
    ye, pe = y[rows], sp.p[rows]
    test_mask = np.zeros(len(y), bool)
    test_mask[sp.test] = True
    bounds = _bounds(X)
    if X.shape[1] == 2:
        gx = np.linspace(bounds[0], bounds[1], GRID)
        gy = np.linspace(bounds[2], bounds[3], GRID)
        grid = sigmoid(fit.coef[0] + fit.coef[1] * gx[:, None] + fit.coef[2] * gy[None, :])
        titles = (feature_title(data.names[0]), feature_title(data.names[1]))
    else:
        gx = np.linspace(bounds[0], bounds[1], 200)
        grid = sigmoid(fit.coef[0] + fit.coef[1] * gx)[None, :]
        titles = (feature_title(data.names[0]), "P(positive)")
    z = fit.coef[0] + X @ fit.coef[1:]
    auc, u = auc_mann_whitney(ye, pe)
    return ModelPicture(
        test_mask, bounds, grid, titles, z, log_loss_terms(y, z), roc_curve(ye, pe), auc, u, pr_curve(ye, pe),
        calibration(ye, pe), brier(ye, pe), _separation_path(sp) if fit.separable else None, _coef_text(data, sp),
        _coef_rows(data, sp), _fit_note(sp),
    )  # fmt: skip


def _boundary(sp: Split, bounds: tuple[float, float, float, float], t: float) -> tuple[np.ndarray, np.ndarray]:
    """Where p = t: the line b₀ + b·x = logit(t) across the plot (two features) or the cut x (one feature)."""
    coef = sp.fit.coef
    none = (np.zeros(0), np.zeros(0))
    if not 0 < t < 1:
        return none
    logit_t = math.log(t / (1 - t))
    if len(coef) == 3:
        b0, b1, b2 = coef
        if abs(b2) > 1e-300:
            bx = np.array([bounds[0], bounds[1]])
            return bx, (logit_t - b0 - b1 * bx) / b2
        if abs(b1) > 1e-300:
            x0 = (logit_t - b0) / b1
            return np.array([x0, x0]), np.array([bounds[2], bounds[3]])
        return none
    b0, b1 = coef
    if abs(b1) <= 1e-300:
        return none
    x0 = (logit_t - b0) / b1
    return np.array([x0, x0]), np.array([-0.1, 1.1])


def derive(state: ClassifierState) -> ClassifierResults:
    """Everything the Classifier lab shows for ``state`` (a named error instead when the data are unusable)."""
    try:
        sp = split_fit(state)
    except ClassifierError as exc:
        return ClassifierResults(error=str(exc))
    data, t = sp.data, state.threshold
    mp = model_picture(sp)
    rows = sp.eval_rows
    ye, pe = data.y[rows], sp.p[rows]
    conf = confusion(ye, pe, t)
    auc, u, b = mp.auc, mp.u, mp.brier
    where = (
        translate("classify", "{0} test points").format(len(rows))
        if len(sp.test) >= 2
        else translate("classify", "all {0} points (no test share)").format(len(rows))
    )
    metrics_text = translate(
        "classify", "On {0}, threshold t = {1}: accuracy {2}, precision {3}{4}, recall {5}, specificity {6}, F1 {7}"
    ).format(
        where, _f(t, 2), _f(conf.accuracy, 3), _f(conf.precision, 3),
        translate("classify", " (nothing predicted positive)") if conf.tp + conf.fp == 0 else "",
        _f(conf.recall, 3), _f(conf.specificity, 3), _f(conf.f1, 3),
    )  # fmt: skip
    n1, n0 = int(ye.sum()), len(ye) - int(ye.sum())
    if state.curve == "roc":
        curve_text = translate(
            "classify",
            "AUC = {0} (trapezoids {1}) = U / (n₁n₀) = {2} / ({3}·{4}): the chance a random {5} outranks a random {6}",
        ).format(_f(auc, 4), _f(trapezoid_auc(mp.roc), 4), localize(f"{u:g}"), n1, n0, data.classes[1], data.classes[0])
    elif state.curve == "pr":
        curve_text = translate(
            "classify", "precision {0} at recall {1}; positives are {2} of the points (a useless model's precision)"
        ).format(_f(conf.precision, 3), _f(conf.recall, 3), f"{n1 / len(ye):.0%}")
    else:
        curve_text = translate(
            "classify",
            "Brier score {0} (mean of (p − y)²; 0 is perfect, {1} for always predicting the base rate)",
        ).format(_f(b, 4), _f(float(np.mean(ye) * (1 - np.mean(ye))), 4))
    summary = (
        translate("classify", "{0} (positive) vs {1}: {2} points{3}. ").format(
            data.classes[1], data.classes[0], len(data.y), _dropped_text(data.dropped)
        )
        + (
            translate("classify", "Perfectly separable: the maximum-likelihood fit runs off to infinity. ")
            if sp.fit.separable
            else ""
        )
        + translate("classify", "Threshold {0}: TP {1}, FP {2}, TN {3}, FN {4}; accuracy {5}, AUC {6}.").format(
            _f(t, 2), conf.tp, conf.fp, conf.tn, conf.fn, _f(conf.accuracy, 3), _f(auc, 3)
        )
    )
    return ClassifierResults(
        split=sp, X=data.X, y=data.y, test_mask=mp.test_mask, axis_titles=mp.titles, bounds=mp.bounds, grid=mp.grid,
        boundary=_boundary(sp, mp.bounds, t), z=mp.z, loss=mp.loss, conf=conf, roc=mp.roc,
        roc_point=(1 - conf.specificity, conf.recall), auc=auc, u=u, pr=mp.pr,
        pr_point=(conf.recall, conf.precision if conf.tp + conf.fp else 1.0), calib=mp.calib, brier=b,
        separation_path=mp.separation_path, coef_text=mp.coef_text, coef_rows=mp.coef_rows, fit_note=mp.fit_note,
        metrics_text=metrics_text,
        curve_text=curve_text, summary=summary,
    )  # fmt: skip
