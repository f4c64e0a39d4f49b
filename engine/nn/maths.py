"""Small dense networks written out by hand: flat parameters, activations, losses, forward and backward passes.

All weights and biases live in ONE flat float64 vector (what ``engine.optim`` steppers update); each layer's W and b
are views into it, so a training step copies nothing. Layer l maps a row of activations a to ``a @ W.T + b`` with W of
shape (units out, units in), as in ``torch.nn.Linear``. The output is one sigmoid unit: p = P(class 1 | x).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from engine.nn.data import NetworkError

ACTIVATIONS = ("tanh", "relu", "sigmoid")
LOSSES = ("logloss", "mse")
INITS = ("auto", "xavier", "he")
MAX_HIDDEN_LAYERS = 3
MAX_UNITS = 8


@dataclass(frozen=True)
class Layout:
    """Layer widths, input first and output last, e.g. (2, 8, 8, 1); knows where each W and b sit in the flat vector."""

    sizes: tuple[int, ...]

    @property
    def n_layers(self) -> int:
        """Number of weight layers (hidden layers + the output layer)."""
        return len(self.sizes) - 1

    @property
    def n_params(self) -> int:
        """Length of the flat parameter vector."""
        return sum(o * i + o for i, o in zip(self.sizes[:-1], self.sizes[1:], strict=True))

    def offsets(self) -> list[tuple[int, int, int]]:
        """(start of W, start of b, end of b) for each layer in the flat vector."""
        return list(self._offsets)

    @cached_property
    def _offsets(self) -> tuple[tuple[int, int, int], ...]:
        out, pos = [], 0
        for fan_in, fan_out in zip(self.sizes[:-1], self.sizes[1:], strict=True):
            w_end = pos + fan_out * fan_in
            out.append((pos, w_end, w_end + fan_out))
            pos = w_end + fan_out
        return tuple(out)

    def views(self, flat: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """(W, b) per layer as views into ``flat``: writing to them writes the flat vector."""
        pairs = []
        for (w0, b0, b1), fan_in, fan_out in zip(self._offsets, self.sizes[:-1], self.sizes[1:], strict=True):
            pairs.append((flat[w0:b0].reshape(fan_out, fan_in), flat[b0:b1]))
        return pairs


def make_layout(hidden: tuple[int, ...] | list[int]) -> Layout:
    """Check hidden layer widths and build the 2-input, 1-output layout.

    Parameters
    ----------
    hidden : sequence of int
        Units per hidden layer: 0 to 3 layers of 1 to 8 units (no hidden layer = logistic regression).

    Returns
    -------
    Layout
        Sizes ``(2, *hidden, 1)``.
    """
    hidden = tuple(int(h) for h in hidden)
    if len(hidden) > MAX_HIDDEN_LAYERS:
        raise NetworkError(f"{len(hidden)} hidden layers is too many: the lab allows 0 to {MAX_HIDDEN_LAYERS}")
    for i, h in enumerate(hidden):
        if not 1 <= h <= MAX_UNITS:
            raise NetworkError(f"hidden layer {i + 1} has {h} units: each layer needs 1 to {MAX_UNITS} units")
    return Layout((2, *hidden, 1))


def init_params(layout: Layout, activation: str, seed: int, init: str = "auto") -> np.ndarray:
    """Seeded initial weights: Xavier/Glorot uniform (tanh, sigmoid) or He normal (ReLU); biases zero.

    Parameters
    ----------
    layout : Layout
        The network's layer sizes.
    activation : str
        Hidden activation; with ``init="auto"`` it picks He for "relu" and Xavier otherwise.
    seed : int
        Seed: the same seed gives the same weights.
    init : str
        "auto", "xavier" or "he".

    Returns
    -------
    ndarray
        Flat parameter vector of length ``layout.n_params``.
    """
    if init not in INITS:
        raise NetworkError(f"unknown initialisation {init!r}: choose one of {', '.join(INITS)}")
    scheme = ("he" if activation == "relu" else "xavier") if init == "auto" else init
    rng = np.random.default_rng([int(seed) & 0xFFFFFFFF, 7])
    flat = np.zeros(layout.n_params)
    for w, _ in layout.views(flat):
        fan_out, fan_in = w.shape
        if scheme == "he":
            w[...] = rng.normal(0.0, np.sqrt(2.0 / fan_in), size=w.shape)
        else:
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            w[...] = rng.uniform(-limit, limit, size=w.shape)
    return flat


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic function 1 / (1 + e^-z), computed from e^-|z| so it never overflows and keeps tiny values exact."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def activate(name: str, z: np.ndarray) -> np.ndarray:
    """Apply a hidden-layer activation ("tanh", "relu", "sigmoid") elementwise."""
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "sigmoid":
        return sigmoid(z)
    raise NetworkError(f"unknown activation {name!r}: choose one of {', '.join(ACTIVATIONS)}")


def activation_slope(name: str, z: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Local derivative da/dz of the activation, from z and a = f(z) (ReLU'(0) = 0, as in PyTorch)."""
    if name == "tanh":
        return 1.0 - a * a
    if name == "relu":
        return (z > 0.0).astype(float)
    if name == "sigmoid":
        return a * (1.0 - a)
    raise NetworkError(f"unknown activation {name!r}: choose one of {', '.join(ACTIVATIONS)}")


def forward(
    params: np.ndarray, layout: Layout, activation: str, x: np.ndarray, views: list | None = None
) -> tuple[list, list]:
    """Forward pass keeping every layer's pre-activation z and activation a.

    Parameters
    ----------
    params : ndarray
        Flat parameter vector.
    layout : Layout
        Layer sizes.
    activation : str
        Hidden activation; the output unit is always a sigmoid.
    x : ndarray
        Inputs, shape (n, 2).
    views : list, optional
        ``layout.views(params)`` computed once by a caller that loops (training), to save the slicing.

    Returns
    -------
    (zs, acts) : tuple of lists
        ``zs[l]`` is the pre-activation of layer l+1, shape (n, units); ``acts[0]`` is x and ``acts[l+1]`` the
        activation of layer l+1, so ``acts[-1][:, 0]`` is the probability of class 1.
    """
    acts, zs = [x], []
    if views is None:
        views = layout.views(params)
    for k, (w, b) in enumerate(views):
        z = acts[-1] @ w.T + b
        zs.append(z)
        acts.append(sigmoid(z) if k == len(views) - 1 else activate(activation, z))
    return zs, acts


def predict(params: np.ndarray, layout: Layout, activation: str, x: np.ndarray) -> np.ndarray:
    """Probability of class 1 for each row of x (shape (n,))."""
    return forward(params, layout, activation, x)[1][-1][:, 0]


def loss_value(loss: str, z_out: np.ndarray, p: np.ndarray, y: np.ndarray) -> float:
    """Mean loss from the output logit z and probability p.

    Parameters
    ----------
    loss : str
        "logloss" (binary cross-entropy, computed from the logit so it never takes log 0) or "mse" (mean of (p - y)²).
    z_out, p : ndarray
        Output logits and sigmoid probabilities, shape (n,).
    y : ndarray
        Labels 0/1, shape (n,).

    Returns
    -------
    float
        The mean over the n points (as ``torch.nn.BCEWithLogitsLoss`` / ``MSELoss`` with reduction="mean").
    """
    if loss == "logloss":
        # log(1 + e^z) - y z, with log(1 + e^z) = max(z, 0) + log1p(e^-|z|)
        return float(np.mean(np.maximum(z_out, 0.0) - y * z_out + np.log1p(np.exp(-np.abs(z_out)))))
    if loss == "mse":
        return float(np.mean((p - y) ** 2))
    raise NetworkError(f"unknown loss {loss!r}: choose one of {', '.join(LOSSES)}")


def loss_slope(loss: str, p: np.ndarray, y: np.ndarray) -> np.ndarray:
    """dL/dz at the output logit for each point, for the MEAN loss (hence the 1/n)."""
    n = len(y)
    if loss == "logloss":
        return (p - y) / n
    if loss == "mse":
        return 2.0 * (p - y) * p * (1.0 - p) / n
    raise NetworkError(f"unknown loss {loss!r}: choose one of {', '.join(LOSSES)}")


def loss_and_grad(
    params: np.ndarray,
    layout: Layout,
    activation: str,
    loss: str,
    x: np.ndarray,
    y: np.ndarray,
    grad: np.ndarray | None = None,
    views: list | None = None,
    grad_views: list | None = None,
) -> tuple[float, np.ndarray]:
    """Mean loss and its gradient with respect to every parameter, by backpropagation written out.

    Parameters
    ----------
    params : ndarray
        Flat parameter vector.
    layout : Layout
        Layer sizes.
    activation, loss : str
        Hidden activation and loss name.
    x, y : ndarray
        Inputs (n, 2) and labels (n,).
    grad : ndarray, optional
        Buffer of the same length as params to write the gradient into (saves an allocation per step).
    views, grad_views : list, optional
        ``layout.views(params)`` and ``layout.views(grad)`` precomputed by a training loop.

    Returns
    -------
    (loss, grad) : tuple
        The mean loss and dL/dparams laid out like params.
    """
    if views is None:
        views = layout.views(params)
    zs, acts = forward(params, layout, activation, x, views)
    p = acts[-1][:, 0]
    value = loss_value(loss, zs[-1][:, 0], p, y)
    if grad is None:
        grad = np.empty_like(params)
        grad_views = None
    grads = grad_views if grad_views is not None else layout.views(grad)
    delta = loss_slope(loss, p, y)[:, None]  # dL/dz of the output layer, shape (n, 1)
    for k in range(len(views) - 1, -1, -1):
        gw, gb = grads[k]
        np.matmul(delta.T, acts[k], out=gw)  # dL/dW = upstream dL/dz (column) × local dz/dW = a_in (row)
        delta.sum(axis=0, out=gb)
        if k:
            upstream = delta @ views[k][0]  # dL/da of the layer below
            delta = upstream * activation_slope(activation, zs[k - 1], acts[k])
    return value, grad


def accuracy(p: np.ndarray, y: np.ndarray) -> float:
    """Share of points on the right side of p = 0.5."""
    if len(y) == 0:
        return float("nan")
    return float(np.mean((p >= 0.5) == (y >= 0.5)))
