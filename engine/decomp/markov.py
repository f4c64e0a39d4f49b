"""Markov chains on a small directed graph and PageRank: the stationary distribution is an eigenvector for 1."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np

from engine.i18n import translate

__all__ = ["MarkovResult", "transition_matrix", "google_matrix", "pagerank", "walk"]


@dataclass(frozen=True)
class MarkovResult:
    """The chain's matrices, its stationary distribution two ways, and power iteration step by step."""

    transition: np.ndarray
    """P: P[i, j] = probability of moving i → j (a node with no way out jumps anywhere, uniformly)."""
    google: np.ndarray
    """G = d P + (1 − d)/N: with probability 1 − d the surfer jumps to a random node."""
    stationary: np.ndarray
    """π with π G = π, Σπ = 1, from the eigenvector of Gᵀ for eigenvalue 1."""
    stationary_solve: np.ndarray
    """The same π from the linear system (I − d Pᵀ) π = (1 − d)/N (undamped: πᵀ(G − I) = 0 with Σπ = 1)."""
    power: np.ndarray
    """Rows: π₀ (uniform), π₁ = π₀ G, … (steps + 1 rows)."""
    power_error: np.ndarray
    """‖π_t − π‖₁ for each row of ``power``."""
    second_eigenvalue: float
    """|λ₂| of G: power iteration's error shrinks by about this factor per step."""
    message: str


def transition_matrix(n: int, edges: tuple[tuple[int, int], ...]) -> np.ndarray:
    """Row-stochastic P of a directed graph on ``n`` nodes (dangling rows uniform; repeated edges count once)."""
    adj = np.zeros((n, n))
    for i, j in edges:
        adj[i, j] = 1.0
    out = adj.sum(axis=1, keepdims=True)
    return np.where(out > 0, adj / np.where(out > 0, out, 1.0), 1.0 / n)


def google_matrix(p: np.ndarray, damping: float) -> np.ndarray:
    """G = d P + (1 − d) / N."""
    n = p.shape[0]
    return damping * p + (1.0 - damping) / n


def pagerank(n: int, edges: tuple[tuple[int, int], ...], damping: float = 0.85, steps: int = 50) -> MarkovResult:
    """Stationary distribution of the damped random surfer on a graph, by eigenvector, linear solve and powers.

    >>> from engine import decomp
    >>> decomp.pagerank(3, [(0, 1), (1, 2), (2, 0), (0, 2)]).stationary.round(3).tolist()
    [0.388, 0.215, 0.397]

    Parameters
    ----------
    n : int
        Number of nodes (≥ 1).
    edges : tuple of (i, j)
        Directed edges i → j, 0-based.
    damping : float
        d in [0, 1]; d = 1 is the plain Markov chain (its stationary distribution may not be unique).
    steps : int
        Power-iteration steps to record.

    Returns
    -------
    MarkovResult
        π from the eigenvector of Gᵀ for eigenvalue 1 (as networkx.pagerank computes it, up to its tolerance).
    """
    p = transition_matrix(n, edges)
    g = google_matrix(p, damping)
    vals, vecs = np.linalg.eig(g.T)
    order = np.argsort(-np.abs(vals))
    near_one = np.abs(vals - 1.0) < 1e-9
    message = ""
    if near_one.sum() > 1:
        message = translate(
            "decomp",
            "With damping d = 1 this chain has {0} separate closed parts: the stationary "
            "distribution is not unique (it depends on where the walker starts). Lower d to fix it.",
        ).format(int(near_one.sum()))
    v = np.real(vecs[:, np.argmin(np.abs(vals - 1.0))])
    pi = v / v.sum()
    pi = np.clip(pi, 0.0, None)
    pi /= pi.sum()
    if damping < 1.0:
        solve = np.linalg.solve(np.eye(n) - damping * p.T, np.full(n, (1.0 - damping) / n))
    else:
        system = np.vstack([g.T - np.eye(n), np.ones((1, n))])
        rhs = np.zeros(n + 1)
        rhs[-1] = 1.0
        solve = np.linalg.lstsq(system, rhs, rcond=None)[0]
    rows = [np.full(n, 1.0 / n)]
    for _ in range(steps):
        rows.append(rows[-1] @ g)
    power = np.array(rows)
    second = float(np.abs(vals[order[1]])) if n > 1 else 0.0
    if not message and damping == 1.0 and second > 1 - 1e-9:
        message = translate("decomp", "With damping d = 1 this chain is periodic: power iteration cycles instead of "
                            "settling. Lower d below 1 and it converges.")  # fmt: skip
    return MarkovResult(
        transition=p,
        google=g,
        stationary=pi,
        stationary_solve=solve / solve.sum(),
        power=power,
        power_error=np.abs(power - pi).sum(axis=1),
        second_eigenvalue=second,
        message=message,
    )


def walk(g: np.ndarray, steps: int, seed: int, start: int = 0) -> np.ndarray:
    """Visit counts of one random walker taking ``steps`` moves with transition matrix ``g`` (seeded, repeatable)."""
    rng = np.random.default_rng(seed)
    n = g.shape[0]
    cum = np.cumsum(g, axis=1).tolist()  # plain lists and bisect: a numpy call per step would be 5× slower
    counts = [0] * n
    node = start
    for u in rng.random(steps).tolist():
        node = min(bisect.bisect_right(cum[node], u), n - 1)
        counts[node] += 1
    return np.array(counts)
