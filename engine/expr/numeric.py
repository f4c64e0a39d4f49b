"""Compile an expression tree into a vectorised numpy function (no sympy needed, so the first plot is instant)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engine.expr.tree import Node


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic function without overflow: exp only ever sees -|z|."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _softplus(z: np.ndarray) -> np.ndarray:
    """log(1 + e^z) computed stably for large |z|."""
    return np.log1p(np.exp(-np.abs(z))) + np.maximum(z, 0.0)


def _step(z: np.ndarray) -> np.ndarray:
    """Heaviside step with value 0 at 0 (the relu derivative convention used by PyTorch)."""
    return np.where(np.isnan(z), np.nan, np.where(z > 0, 1.0, 0.0))


def _delta(z: np.ndarray) -> np.ndarray:
    """Dirac delta for plotting: 0 away from 0, undefined (a gap) at 0."""
    return np.where(z == 0, np.nan, 0.0 * z)


def _power(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Real power: float so that 2^-1 = 0.5 and negative bases with fractional exponents give nan."""
    return np.power(np.asarray(a, dtype=float), b)


UNARY: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sin": np.sin,
    "cos": np.cos,
    "tan": np.tan,
    "exp": np.exp,
    "log": np.log,
    "sqrt": np.sqrt,
    "abs": np.abs,
    "tanh": np.tanh,
    "sigmoid": _sigmoid,
    "relu": lambda z: np.maximum(z, 0.0),
    "softplus": _softplus,
    "sign": np.sign,
    "step": _step,
    "delta": _delta,
    # Only produced by sympy's simplification of derivatives, never typed:
    "sinh": np.sinh,
    "cosh": np.cosh,
    "asin": np.arcsin,
    "acos": np.arccos,
    "atan": np.arctan,
    "sec": lambda z: 1.0 / np.cos(z),
    "csc": lambda z: 1.0 / np.sin(z),
    "cot": lambda z: 1.0 / np.tan(z),
}


def _reduce(fn: Callable, vals: list) -> np.ndarray:
    out = vals[0]
    for v in vals[1:]:
        out = fn(out, v)
    return out


def apply_op(node: Node, vals: list) -> np.ndarray:
    """Apply one node's operation to its already-evaluated arguments."""
    kind = node.kind
    if kind == "add":
        return vals[0] + vals[1]
    if kind == "sub":
        return vals[0] - vals[1]
    if kind == "mul":
        return vals[0] * vals[1]
    if kind == "div":
        return np.true_divide(vals[0], vals[1])
    if kind == "pow":
        return _power(vals[0], vals[1])
    if kind == "neg":
        return -vals[0]
    if kind == "call":
        if node.name == "min":
            return _reduce(np.minimum, vals)
        if node.name == "max":
            return _reduce(np.maximum, vals)
        return UNARY[node.name](vals[0])
    raise ValueError(f"cannot evaluate node kind {kind!r}")


def compile_tree(node: Node, variables: tuple[str, ...]) -> Callable[[tuple], np.ndarray]:
    """Turn a tree into nested closures taking the tuple of argument arrays; constants stay scalars."""
    kind = node.kind
    if kind in ("num", "const", "folded"):
        value = np.float64(node.value)
        return lambda args: value
    if kind == "var":
        index = variables.index(node.name)
        return lambda args: args[index]
    parts = [compile_tree(a, variables) for a in node.args]
    if kind in ("add", "sub", "mul", "div", "pow"):
        left, right = parts
        op = {"add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.true_divide, "pow": _power}[kind]
        return lambda args: op(left(args), right(args))
    if kind == "neg":
        (inner,) = parts
        return lambda args: np.negative(inner(args))
    if kind == "call":
        if node.name in ("min", "max"):
            fn = np.minimum if node.name == "min" else np.maximum
            return lambda args: _reduce(fn, [p(args) for p in parts])
        fn1 = UNARY[node.name]
        (inner,) = parts
        return lambda args: fn1(inner(args))
    raise ValueError(f"cannot compile node kind {kind!r}")


def vectorise(node: Node, variables: tuple[str, ...]) -> Callable[..., np.ndarray]:
    """A numpy function f(*arrays) that broadcasts its inputs and always returns a float array of that shape."""
    body = compile_tree(node, variables)
    nvars = len(variables)

    def f(*values: object) -> np.ndarray:
        if len(values) != nvars:
            names = ", ".join(variables) or "no variables"
            raise TypeError(f"expected {nvars} value(s) ({names}), got {len(values)}")
        arrays = tuple(np.asarray(v, dtype=float) for v in values)
        shape = np.broadcast_shapes(*(a.shape for a in arrays)) if arrays else ()
        with np.errstate(all="ignore"):
            out = body(arrays)
        return np.array(np.broadcast_to(np.asarray(out, dtype=float), shape), dtype=float)

    return f
