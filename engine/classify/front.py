"""Front door: logistic regression on plain lists or arrays, checked as the Classifier lab checks its data."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.classify.data import ClassifierError
from engine.classify.lab import ClassifierState
from engine.classify.logistic import LogisticFit, fit_logistic
from engine.schema import field_spec

__all__ = ["logistic_regression"]


def logistic_regression(X: Any, y: Any, l2: float = 0.0) -> LogisticFit:
    """Maximum-likelihood logistic regression of 0/1 labels ``y`` on the columns of ``X`` (Newton's method).

    ``coef`` is (intercept, β₁, …) in the units of ``X``, with Wald standard errors and p-values; perfectly
    separable data set ``separable`` and ``message`` (no finite maximum exists). Bad input raises
    :class:`engine.classify.ClassifierError` naming it; ``l2`` has the lab's range.

    >>> from engine import classify
    >>> fit = classify.logistic_regression([[0.5], [1.0], [1.5], [2.0], [2.5], [3.0]], [0, 0, 1, 0, 1, 1])
    >>> fit.coef.round(3).tolist(), fit.converged      # statsmodels Logit gives the same
    ([-4.249, 2.428], True)
    >>> classify.logistic_regression([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1]).separable
    True
    >>> try:
    ...     classify.logistic_regression([[0.0], [1.0]], [0, 2])
    ... except classify.ClassifierError as exc:
    ...     print(exc)
    y must hold only 0 and 1 (the two classes), got 2
    """
    try:
        x = np.asarray(X, dtype=float)
        labels = np.asarray(y, dtype=float)
    except (TypeError, ValueError):
        raise ClassifierError("X and y must be numbers (X: one row per example, y: 0 or 1)") from None
    if x.ndim == 1:
        x = x[:, None]
    if x.ndim != 2 or labels.ndim != 1:
        raise ClassifierError(f"X must be a table (n × d) and y a list, got shapes {x.shape} and {labels.shape}")
    if len(x) != len(labels):
        raise ClassifierError(f"X has {len(x)} rows but y has {len(labels)} labels")
    if not (np.isfinite(x).all() and np.isfinite(labels).all()):
        raise ClassifierError("X and y must be finite numbers (no nan or inf)")
    bad = labels[(labels != 0) & (labels != 1)]
    if bad.size:
        raise ClassifierError(f"y must hold only 0 and 1 (the two classes), got {float(bad[0]):g}")
    if labels.min(initial=1) == labels.max(initial=0) or len(labels) < 2:
        raise ClassifierError("y must hold both classes, 0 and 1")
    lo, hi = field_spec(ClassifierState, "l2").lo, field_spec(ClassifierState, "l2").hi
    if not lo <= float(l2) <= hi:
        raise ClassifierError(f"l2 must be between {lo:g} and {hi:g}, got {l2!r}")
    return fit_logistic(x, labels, float(l2))
