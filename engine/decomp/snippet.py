"""Show the code for the Decompositions lab: a numpy + matplotlib script reproducing the lab's numbers and pictures."""

from __future__ import annotations

from engine.decomp.hills import HILLS_CODE
from engine.decomp.lab import DecompositionsState
from engine.decomp.pca import PCA_DATASETS, load_pca_dataset

__all__ = ["code"]


def code(state: DecompositionsState) -> str:
    """A runnable numpy/matplotlib snippet reproducing the lab's metrics (defines ``result``) and drawing each tab."""
    n = state.svd_size
    matrix = [[float(v) for v in row[:n]] for row in state.svd_matrix[:n]]
    _filename, columns, _label = PCA_DATASETS[state.pca_dataset]
    data = load_pca_dataset(state.pca_dataset)
    rows = "\n".join(" ".join(_number(v) for v in row) for row in data.x)
    nodes = len(state.nodes)
    edges = [list(e) for e in state.edges if max(e) < nodes]
    points = [list(p) for p in state.points]
    return f"""import io

import matplotlib.pyplot as plt
import numpy as np

# The {state.pca_dataset} data used by PCA below: {", ".join(columns)}.
# The {data.dropped} row(s) of the bundled CSV with a missing value are left out, as the lab does.
PCA_DATA = \"\"\"\\
{rows}
\"\"\"

# 1. Least squares as projection: b projected onto the column space of A
points = np.array({points!r}, dtype=float).reshape(-1, 2)
A = np.vander(points[:, 0], {state.degree + 1}, increasing=True)   # columns 1, x, x², ...
b = points[:, 1]
x_hat, _, ls_rank, _ = np.linalg.lstsq(A, b, rcond=None)
residual = b - A @ x_hat                                      # at right angles to every column: A.T @ residual ≈ 0
U, _, _ = np.linalg.svd(A, full_matrices=False)
leverage = np.sum(U[:, :ls_rank] ** 2, axis=1)                # diagonal of the hat matrix A A⁺

# 2. SVD: A = U Σ Vᵀ (rotate, stretch, rotate)
M = np.array({matrix!r})
sigma = np.linalg.svd(M, compute_uv=False)
svd_rank = int(np.sum(sigma > max(M.shape) * np.finfo(float).eps * sigma[0]))
cond = sigma[0] / sigma[-1] if svd_rank == len(M) else np.inf

# 3. PCA on {state.pca_dataset} ({", ".join(columns)})
X = np.loadtxt(io.StringIO(PCA_DATA), ndmin=2)
scale = X.std(axis=0, ddof=1) if {state.pca_standardise!r} else np.ones(X.shape[1])
Z = (X - X.mean(axis=0)) / scale
_, s, Vt = np.linalg.svd(Z, full_matrices=False)
ratio = s**2 / np.sum(s**2)                                   # explained variance ratio of each component
k = {state.pca_k}
z = Z[{state.pca_row}]
recon_error = float(np.linalg.norm(z - (z @ Vt[:k].T) @ Vt[:k]))

# 4. Low-rank image: keep the k largest singular values (Eckart–Young: the best rank-k approximation)
#    The lab's picture, drawn here pixel for pixel by the code that made it:
{HILLS_CODE}

pixels = hills_image() / 255.0
Ui, si, Vti = np.linalg.svd(pixels, full_matrices=False)
r = {state.rank_k}
approx = (Ui[:, :r] * si[:r]) @ Vti[:r]
rel_error = np.sqrt(np.sum(si[r:] ** 2) / np.sum(si**2))      # = ‖pixels − approx‖ / ‖pixels‖

# 5. PageRank: the stationary distribution is the eigenvector of Gᵀ for eigenvalue 1
n, d = {nodes}, {state.damping!r}
adj = np.zeros((n, n))
for i, j in {edges!r}:
    adj[i, j] = 1.0
out = adj.sum(axis=1, keepdims=True)
P = np.where(out > 0, adj / np.where(out > 0, out, 1.0), 1.0 / n)   # a node with no way out jumps anywhere
G = d * P + (1 - d) / n
vals, vecs = np.linalg.eig(G.T)
pi = np.real(vecs[:, np.argmin(np.abs(vals - 1))])
pi = pi / pi.sum()
p = np.full(n, 1.0 / n)
for _ in range({state.power_steps}):
    p = p @ G                                                 # power iteration

result = {{
    "ls_intercept": float(x_hat[0]),
    "ls_rss": float(residual @ residual),
    "ls_max_leverage": float(leverage.max()),
    "svd_sigma1": float(sigma[0]),
    "svd_sigma2": float(sigma[1]),
    "svd_rank": float(svd_rank),
    "pca_ratio1": float(ratio[0]),
    "pca_cumulative": float(ratio[:k].sum()),
    "pca_recon_error": recon_error,
    "lowrank_rel_error": float(rel_error),
    "markov_top_rank": float(pi.max()),
    "markov_power_error": float(np.abs(p - pi).sum()),
}}
print(result)

fig, ax = plt.subplots(1, 4, figsize=(16, 4))
xs = np.linspace(points[:, 0].min() - 1, points[:, 0].max() + 1, 200) if len(points) else np.linspace(-5, 5, 2)
ax[0].plot(xs, np.polynomial.polynomial.polyval(xs, x_hat), lw=2)
ax[0].vlines(points[:, 0], b, A @ x_hat, colors="tab:red", label="residuals")
ax[0].scatter(points[:, 0], b, s=40 + 200 * leverage, zorder=3)
ax[0].set_title("least squares")
t = np.linspace(0, 2 * np.pi, 200)
circle = np.vstack([np.cos(t), np.sin(t), np.zeros((len(M) - 2, t.size))])
ellipse = (M @ circle)[:2]
ax[1].plot(circle[0], circle[1], "--")
ax[1].plot(ellipse[0], ellipse[1], lw=2)
ax[1].set_aspect("equal")
ax[1].set_title("A maps the circle to an ellipse")
ax[2].bar(range(1, len(ratio) + 1), ratio)
ax[2].set_title("PCA scree: explained variance")
ax[3].imshow(approx, cmap="gray", vmin=0, vmax=1)
ax[3].set_title(f"rank {{r}}: relative error {{rel_error:.3f}}")
fig.tight_layout()
plt.show()
"""


def _number(v: float) -> str:
    """A float as the shortest text that reads back as the same float (no trailing ``.0``)."""
    text = repr(float(v))
    return text[:-2] if text.endswith(".0") else text
