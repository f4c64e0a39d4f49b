""" "Show the code": a numpy/scipy/matplotlib script that refits the model and reproduces the lab's metrics."""

from __future__ import annotations

import numpy as np

from engine.classify.lab import ClassifierState, split_fit

__all__ = ["code"]

TEMPLATE = '''"""Logistic regression by Newton's method, threshold metrics, ROC and AUC: numpy, scipy, matplotlib."""
import numpy as np
from scipy.special import expit
import matplotlib.pyplot as plt

# {title}
X_train = np.array({X_train})
y_train = np.array({y_train})
X_test = np.array({X_test})
y_test = np.array({y_test})
l2, threshold = {l2!r}, {threshold!r}

# standardise, then Newton / IRLS on the log-likelihood (L2 on the standardised slopes only)
mu, sd = X_train.mean(axis=0), X_train.std(axis=0)
Z = np.column_stack([np.ones(len(X_train)), (X_train - mu) / sd])
pen = np.r_[0.0, np.full(Z.shape[1] - 1, l2)]
b = np.zeros(Z.shape[1])


def objective(beta):
    """Negative log-likelihood plus the L2 penalty, computed stably (log(1 + e^z) by logaddexp)."""
    zb = Z @ beta
    return np.sum(np.logaddexp(0, zb) - y_train * zb) + 0.5 * np.sum(pen * beta * beta)


obj = objective(b)
for _ in range(100):
    p = expit(Z @ b)
    grad = Z.T @ (p - y_train) + pen * b
    H = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(pen)
    try:
        step = np.linalg.solve(H + 1e-12 * np.eye(len(b)), grad)   # a tiny ridge: H is nearly singular when
    except np.linalg.LinAlgError:                                  # the classes separate (p → 0 or 1 everywhere)
        break
    t = 1.0
    while True:   # halve the Newton step until the loss goes down
        new = b - t * step
        new_obj = objective(new)
        if new_obj <= obj + 1e-15 * abs(obj) or t < 1e-8:
            break
        t *= 0.5
    b, change, obj = new, obj - new_obj, new_obj
    if np.max(np.abs(t * step)) < 1e-10 or abs(change) < 1e-12 * max(1.0, abs(obj)):
        break
if l2 == 0 and np.max(np.abs(b[1:])) > 15:
    print("The classes look perfectly separable: the maximum-likelihood slopes run off to infinity "
          "(these are where Newton stopped). Add an L2 penalty or overlapping data.")
coef = np.r_[b[0] - np.sum(b[1:] * mu / sd), b[1:] / sd]  # back to the original units
z = coef[0] + X_train @ coef[1:]
nll = np.sum(np.logaddexp(0, z) - y_train * z)
print("coefficients", coef, "log-loss (NLL)", nll)

# threshold metrics and ROC / AUC on the evaluation rows
p = expit(coef[0] + X_test @ coef[1:])
pred = p >= threshold
tp, fp = np.sum(pred & (y_test == 1)), np.sum(pred & (y_test == 0))
tn, fn = np.sum(~pred & (y_test == 0)), np.sum(~pred & (y_test == 1))
accuracy = (tp + tn) / len(y_test)
order = np.argsort(-p)
tpr = np.r_[0, np.cumsum(y_test[order] == 1)] / np.sum(y_test == 1)
fpr = np.r_[0, np.cumsum(y_test[order] == 0)] / np.sum(y_test == 0)
from scipy.stats import rankdata
n1, n0 = np.sum(y_test == 1), np.sum(y_test == 0)
auc = (rankdata(p)[y_test == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)  # Mann-Whitney U / (n1 n0)
print(f"TP {{tp}} FP {{fp}} TN {{tn}} FN {{fn}}  accuracy {{accuracy:.4f}}  AUC {{auc:.4f}}")

plt.plot(fpr, tpr, lw=2.5)
plt.plot([0, 1], [0, 1], "--", color="gray")
plt.xlabel("false-positive rate")
plt.ylabel("true-positive rate")
plt.title(f"ROC curve, AUC = {{auc:.3f}}")

result = {{"intercept": float(coef[0]), "coef_x": float(coef[1]), "nll": float(nll), "tp": int(tp), "fp": int(fp),
          "tn": int(tn), "fn": int(fn), "accuracy": float(accuracy), "auc": float(auc)}}
print(result)
plt.show()
'''


def _list(a: np.ndarray) -> str:
    return repr(np.round(np.asarray(a, float), 10).tolist())


def code(state: ClassifierState) -> str:
    """A runnable script that refits the lab's model on its training rows and prints the test metrics and AUC."""
    sp = split_fit(state)
    rows = sp.eval_rows
    d = sp.data
    title = f"{d.classes[1]} (1) vs {d.classes[0]} (0); features: {', '.join(d.names)}"
    return TEMPLATE.format(
        title=title, X_train=_list(d.X[sp.train]), y_train=_list(d.y[sp.train]), X_test=_list(d.X[rows]),
        y_test=_list(d.y[rows]), l2=float(state.l2), threshold=float(state.threshold),
    )  # fmt: skip
