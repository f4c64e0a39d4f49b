"""The chain rule on one neuron, loss(σ(w·x + b)): forward values, local derivatives, products along each path."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from engine.expr import parse
from engine.i18n import QT_TRANSLATE_NOOP

LOSSES = (QT_TRANSLATE_NOOP("Derivatives", "log-loss"), QT_TRANSLATE_NOOP("Derivatives", "squared error"))

# The whole composition as one typed formula, differentiated symbolically to check the path products.
_LOSS_TEXT = {
    "log-loss": "-(y*log(sigmoid(w*x + b)) + (1 - y)*log(1 - sigmoid(w*x + b)))",
    "squared error": "(sigmoid(w*x + b) - y)^2",
}
_VARIABLES = ("w", "x", "b", "y")


@dataclass(frozen=True)
class GraphNode:
    """One box of the computation graph: its name, the formula computing it, and its forward value."""

    key: str
    label: str
    formula: str
    value: float


@dataclass(frozen=True)
class GraphEdge:
    """An arrow src → dst labelled with the local derivative ∂dst/∂src and its value here."""

    src: str
    dst: str
    label: str
    value: float


@dataclass(frozen=True)
class ChainRule:
    """Forward pass, local derivatives, and for each input the product of local derivatives along its path."""

    loss: str
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    paths: dict[str, tuple[tuple[str, ...], float]]  # input -> (node keys from input to L, product)
    symbolic: dict[str, float]  # input -> dL/d(input) from the exact symbolic derivative of the whole loss
    matches: dict[str, bool]  # input -> whether its path product equals the symbolic derivative (to rounding)

    def node(self, key: str) -> GraphNode:
        """The node with this key."""
        return next(n for n in self.nodes if n.key == key)

    def edge(self, src: str, dst: str) -> GraphEdge:
        """The edge src → dst."""
        return next(e for e in self.edges if e.src == src and e.dst == dst)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _xlog(c: float, p: float) -> float:
    """c·log(p) with 0·log(0) = 0 (the cross-entropy convention) and −∞ for log(0) otherwise."""
    if c == 0:
        return 0.0
    return c * math.log(p) if p > 0 else -math.inf


@functools.lru_cache(maxsize=4)
def _loss_gradient(loss: str):
    expr = parse(_LOSS_TEXT[loss], _VARIABLES)
    return expr, expr.gradient()


def chain_rule(w: float, x: float, b: float, y: float, loss: str = "log-loss") -> ChainRule:
    """Compute the one-neuron graph z = w·x + b, a = σ(z), L = loss(a, y) and its backward pass.

    Parameters
    ----------
    w, x, b : float
        Weight, input and bias.
    y : float
        Target label in [0, 1].
    loss : str
        ``"log-loss"`` (binary cross-entropy) or ``"squared error"`` ((a − y)²).

    Returns
    -------
    ChainRule
        Nodes with forward values, edges with local derivatives, the path products dL/dw, dL/dx, dL/db and the
        same three numbers from the exact symbolic derivative (they agree to rounding).
    """
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}, got {loss!r}")
    z = w * x + b
    a = _sigmoid(z)
    da_dz = a * (1.0 - a)
    if loss == "log-loss":
        big_l = -(_xlog(y, a) + _xlog(1.0 - y, 1.0 - a))
        dl_da = (a - y) / (a * (1.0 - a)) if 0 < a < 1 else math.nan
        loss_formula = "−(y·log a + (1 − y)·log(1 − a))"
        dl_da_label = "∂L/∂a = (a − y)/(a(1 − a))"
    else:
        big_l = (a - y) ** 2
        dl_da = 2.0 * (a - y)
        loss_formula = "(a − y)²"
        dl_da_label = "∂L/∂a = 2(a − y)"
    nodes = (
        GraphNode("w", "w", "weight", w),
        GraphNode("x", "x", "input", x),
        GraphNode("b", "b", "bias", b),
        GraphNode("y", "y", "target", y),
        GraphNode("z", "z", "w·x + b", z),
        GraphNode("a", "a", "σ(z)", a),
        GraphNode("L", "L", loss_formula, big_l),
    )
    edges = (
        GraphEdge("w", "z", "∂z/∂w = x", x),
        GraphEdge("x", "z", "∂z/∂x = w", w),
        GraphEdge("b", "z", "∂z/∂b = 1", 1.0),
        GraphEdge("z", "a", "∂a/∂z = a(1 − a)", da_dz),
        GraphEdge("a", "L", dl_da_label, dl_da),
    )
    upstream = dl_da * da_dz
    paths = {
        "w": (("w", "z", "a", "L"), upstream * x),
        "x": (("x", "z", "a", "L"), upstream * w),
        "b": (("b", "z", "a", "L"), upstream * 1.0),
    }
    _, grad = _loss_gradient(loss)
    symbolic = {name: float(g(w, x, b, y)) for name, g in zip(_VARIABLES, grad, strict=True) if name in paths}
    matches = {k: bool(np.isclose(p, symbolic[k], rtol=1e-9, atol=1e-12)) for k, (_, p) in paths.items()}
    return ChainRule(loss, nodes, edges, paths, symbolic, matches)
