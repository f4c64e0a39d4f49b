"""Logistic regression by maximum likelihood: Newton's method (IRLS) on standardised features, optional L2 penalty.

Standardising makes Newton's steps well scaled; the coefficients, standard errors and Wald tests are reported on the
original scale, so they equal scikit-learn's ``LogisticRegression(penalty=None)`` and statsmodels' ``Logit``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.i18n import QT_TRANSLATE_NOOP

__all__ = ["LogisticFit", "fit_logistic", "sigmoid", "log_loss_terms", "predict_proba", "is_separable"]

MAX_ITER = 100
TOL = 1e-12


@dataclass(frozen=True)
class LogisticFit:
    """A fitted model: ``coef`` = (intercept, β₁ …) in original units, SE, z and Wald p (NaN when undefined)."""

    coef: np.ndarray
    se: np.ndarray
    z: np.ndarray
    p_value: np.ndarray
    nll: float
    iterations: int
    converged: bool
    separable: bool
    l2: float
    message: str


erfc = np.vectorize(math.erfc, otypes=[float])
"""Complementary error function elementwise (math.erfc: a handful of values, no scipy.special import)."""


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) = 1 / (1 + e^−z) without overflow and with full relative precision for very negative z (e^z / (1 + e^z)
    there), as scipy.special.expit — whose import costs ~0.25 s at the lab's first open."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log_loss_terms(y: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Per-point negative log-likelihood −[y log p + (1−y) log(1−p)] with p = σ(z), stable for large |z|."""
    return np.logaddexp(0.0, z) - y * z


def predict_proba(fit: LogisticFit, X: np.ndarray) -> np.ndarray:
    """P(y = 1 | x) for the rows of ``X`` (n × d, original units)."""
    return sigmoid(fit.coef[0] + np.asarray(X, float) @ fit.coef[1:])


def is_separable(X: np.ndarray, y: np.ndarray) -> tuple[bool, np.ndarray | None]:
    """Whether a line (hyperplane) puts every positive strictly on one side and every negative on the other.

    Solved as a linear-programming feasibility problem: find (b, w) with s_i (b + w·x_i) ≥ 1, s_i = ±1.
    Returns the separating (b, w) when there is one.
    """
    from scipy.optimize import linprog  # deferred: only fits that fail to converge need it

    X = np.asarray(X, float)
    s = np.where(np.asarray(y) > 0.5, 1.0, -1.0)
    if s.min() == s.max():
        return False, None
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd == 0] = 1.0
    A = np.column_stack([np.ones(len(X)), (X - mu) / sd]) * s[:, None]
    res = linprog(np.zeros(A.shape[1]), A_ub=-A, b_ub=-np.ones(len(X)), bounds=(None, None), method="highs")
    if res.status != 0:
        return False, None
    b = res.x
    w = b[1:] / sd
    return True, np.concatenate([[b[0] - w @ mu], w])


def fit_logistic(X: np.ndarray, y: np.ndarray, l2: float = 0.0) -> LogisticFit:
    """Maximum-likelihood logistic regression of ``y`` (0/1) on the columns of ``X``.

    Parameters
    ----------
    X : (n, d) array of features in their own units.
    y : (n,) array of 0/1 labels.
    l2 : penalty λ·½‖β‖² on the *standardised* slopes (never the intercept); 0 = plain maximum likelihood.

    Returns
    -------
    LogisticFit
        Coefficients on the original scale; SE from the inverse (penalised) Hessian, Wald z = β/SE and two-sided p.
        Perfectly separable data has no maximum: ``separable`` is set, SEs are NaN and ``message`` says why.
    """
    X = np.asarray(X, float)
    y = np.asarray(y, float)
    n, d = X.shape
    mu, sd = X.mean(axis=0), X.std(axis=0)
    constant = sd == 0
    sd = np.where(constant, 1.0, sd)
    Z = np.column_stack([np.ones(n), (X - mu) / sd])
    pen = np.full(d + 1, float(l2))
    pen[0] = 0.0
    b = np.zeros(d + 1)
    converged = False
    it = 0  # Newton steps taken

    def objective(beta: np.ndarray) -> float:
        return float(log_loss_terms(y, Z @ beta).sum() + 0.5 * (pen * beta * beta).sum())

    obj = objective(b)
    while it < MAX_ITER:
        it += 1
        p = sigmoid(Z @ b)
        w = p * (1 - p)
        grad = Z.T @ (p - y) + pen * b
        H = (Z * w[:, None]).T @ Z + np.diag(pen)
        try:
            step = np.linalg.solve(H + 1e-12 * np.eye(d + 1), grad)
        except np.linalg.LinAlgError:
            break
        t = 1.0
        while True:  # step halving keeps every Newton step downhill
            new = b - t * step
            new_obj = objective(new)
            if new_obj <= obj + 1e-15 * abs(obj) or t < 1e-8:
                break
            t *= 0.5
        b, change, obj = new, obj - new_obj, new_obj
        if np.max(np.abs(t * step)) < 1e-10 or abs(change) < TOL * max(1.0, abs(obj)):
            converged = abs(change) < 1e-9 or np.max(np.abs(t * step)) < 1e-8
            break
    # back to the original units: β_j = b_j / sd_j, intercept = b_0 − Σ b_j μ_j / sd_j
    A = np.zeros((d + 1, d + 1))
    A[0, 0] = 1.0
    A[0, 1:] = -mu / sd
    A[1:, 1:] = np.diag(1.0 / sd)
    coef = A @ b
    separable = False
    message = ""
    big = np.max(np.abs(b[1:])) if d else 0.0
    if l2 == 0 and (not converged or big > 15 or obj < 1e-6):
        separable, _ = is_separable(X, y)
    p = sigmoid(Z @ b)
    H = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(pen)
    se = np.full(d + 1, np.nan)
    if separable:
        message = QT_TRANSLATE_NOOP(  # translated where it is shown (engine.classify.derive)
            "classify",
            "The two classes are perfectly separable: a line puts every positive on one side. Scaling the "
            "coefficients up always lowers the log-loss toward 0, so the maximum-likelihood estimate runs off to "
            "infinity and has no standard errors. Add an L2 penalty or overlapping data.",
        )
    elif constant.any() and l2 == 0:
        message = QT_TRANSLATE_NOOP(
            "classify", "A feature is constant, so its coefficient is not identified; choose another feature."
        )
    else:
        try:
            cov_std = np.linalg.inv(H)
            cov = A @ cov_std @ A.T
            se = np.sqrt(np.clip(np.diag(cov), 0, None))
        except np.linalg.LinAlgError:
            message = QT_TRANSLATE_NOOP(
                "classify", "The information matrix is singular: the features are collinear, so the SEs are undefined."
            )
        if not converged and not message:
            message = f"Newton's method did not converge in {MAX_ITER} steps."
    with np.errstate(divide="ignore", invalid="ignore"):
        z = coef / se
    pval = erfc(np.abs(z) / math.sqrt(2.0))
    nll = float(log_loss_terms(y, Z @ b).sum())
    return LogisticFit(coef, se, z, pval, nll, it, converged and not separable, bool(separable), float(l2), message)
