"""The parsed formula as one object: numpy evaluation, exact derivatives through sympy (lazily), and its text.

The grammar and the limits that keep hostile input cheap are described in :mod:`engine.expr`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from engine.expr.formatting import to_formula, to_text
from engine.expr.grammar import parse_tree
from engine.expr.numeric import UNARY, vectorise
from engine.expr.symbolic import UnsupportedSympyError, from_sympy, symbol, to_sympy
from engine.expr.tree import Node

__all__ = ["Expression", "parse"]

# Above this size sympy's simplify() can take seconds, so formula() shows the expression as it is.
_SIMPLIFY_MAX_OPS = 60
_MAX_ORDER = 6


@dataclass(frozen=True)
class Expression:
    """A checked formula in the given variables; evaluates with numpy and differentiates exactly."""

    text: str
    variables: tuple[str, ...] = ("x",)
    _tree: Node | None = field(default=None, compare=False, repr=False)
    _sym: object = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self._tree is None and self._sym is None:
            object.__setattr__(self, "_tree", parse_tree(self.text, self.variables))

    # -- numbers ------------------------------------------------------------------------------------------------
    @functools.cached_property
    def _numpy(self) -> Callable[..., np.ndarray]:
        if self._tree is not None:
            return vectorise(self._tree, self.variables)
        return _lambdify(self._sym, self.variables)

    def numpy(self) -> Callable[..., np.ndarray]:
        """Vectorised f(*arrays): broadcasts inputs, returns a float array of the broadcast shape (nan/inf kept).

        Returns
        -------
        Callable[..., numpy.ndarray]
            Cached function taking one array (or scalar) per variable, in ``variables`` order.
        """
        return self._numpy

    def __call__(self, *values: object) -> np.ndarray | float:
        """Evaluate at the given values: a float for scalar input, an array otherwise."""
        out = self._numpy(*values)
        return float(out) if out.ndim == 0 else out

    # -- symbolic -----------------------------------------------------------------------------------------------
    @functools.cached_property
    def _sympy(self):
        if self._sym is not None:
            return self._sym
        return to_sympy(self._tree)

    def sympy(self):
        """The exact sympy expression, built from our tree (real symbols named after the variables).

        Returns
        -------
        sympy.Expr
        """
        return self._sympy

    def diff(self, var: str, order: int = 1) -> Expression:
        """Exact symbolic derivative with respect to one variable.

        Parameters
        ----------
        var : str
            One of ``variables``.
        order : int
            1 to 6.

        Returns
        -------
        Expression
            The derivative; its ``text`` is parseable and it evaluates without sympy-generated code.
        """
        if var not in self.variables:
            raise ValueError(f"'{var}' is not one of the variables {self.variables}")
        if not 1 <= int(order) <= _MAX_ORDER:
            raise ValueError(f"derivative order must be between 1 and {_MAX_ORDER}, got {order}")
        return self._diff(var, int(order))

    @functools.lru_cache(maxsize=32)  # noqa: B019 - expressions are small, immutable and hashable
    def _diff(self, var: str, order: int) -> Expression:
        return _from_sympy(self._sympy.diff(symbol(var), order), self.variables)

    def gradient(self) -> tuple[Expression, ...]:
        """Exact first partial derivatives, one per variable in order.

        Returns
        -------
        tuple[Expression, ...]
        """
        return tuple(self.diff(v) for v in self.variables)

    def hessian(self) -> tuple[tuple[Expression, ...], ...]:
        """Exact matrix of second partial derivatives (symmetric: the upper triangle is reused).

        Returns
        -------
        tuple[tuple[Expression, ...], ...]
        """
        grad = self.gradient()
        n = len(self.variables)
        rows: list[list[Expression | None]] = [[None] * n for _ in range(n)]
        for i in range(n):
            for j in range(i, n):
                rows[i][j] = rows[j][i] = grad[i].diff(self.variables[j])
        return tuple(tuple(r) for r in rows)  # type: ignore[arg-type]

    def formula(self) -> str:
        """Readable unicode formula (x², ·, √, σ), simplified when sympy can do so quickly.

        Returns
        -------
        str
        """
        return self._formula

    def quick_formula(self) -> str:
        """The readable formula without simplification: milliseconds, where :meth:`formula` may take a second.

        Returns
        -------
        str
            The same notation as :meth:`formula` (x², ·, √, σ), as sympy holds the expression.
        """
        return self._plain_formula

    @functools.cached_property
    def _plain_formula(self) -> str:
        plain = self._show(self._sympy)
        if plain is not None:
            return plain
        if self._tree is not None:
            return to_formula(self._tree)
        import sympy as sp

        return sp.sstr(self._sympy).replace("**", "^").replace("*", "·")

    def _show(self, expr) -> str | None:
        try:
            return to_formula(from_sympy(expr, self.variables))
        except UnsupportedSympyError:
            return None

    @functools.cached_property
    def _formula(self) -> str:
        plain = self._plain_formula
        candidate = self._simplified()
        nicer = self._show(candidate) if candidate is not None else None
        # Simplified only when it reads shorter, so x² + 3x stays as typed rather than becoming x·(x + 3).
        return nicer if nicer is not None and len(nicer) < len(plain) else plain

    def _simplified(self):
        """sympy's simplify when cheap, and only if it introduces no new functions (1 − tanh² stays, not 1/cosh²)."""
        import sympy as sp

        expr = self._sympy
        if sp.count_ops(expr) > _SIMPLIFY_MAX_OPS:
            return None
        try:
            candidate = sp.simplify(expr)
        except Exception:  # sympy occasionally fails inside simplify; the unsimplified form is still right
            return None
        kinds = {type(f) for f in expr.atoms(sp.Function)}
        if not {type(f) for f in candidate.atoms(sp.Function)} <= kinds:
            return None
        return candidate


def _from_sympy(expr, variables: tuple[str, ...]) -> Expression:
    """Wrap a sympy result as an Expression, via our tree when possible (fast numpy, parseable text)."""
    try:
        tree = from_sympy(expr, variables)
    except UnsupportedSympyError:
        import sympy as sp

        return Expression(sp.sstr(expr), variables, None, expr)
    return Expression(to_text(tree), variables, tree, expr)


def _dirac(z: np.ndarray, order: int = 0) -> np.ndarray:
    """DiracDelta(z) and its derivatives (sympy's DiracDelta(z, k)): 0 away from the kink, undefined (nan) at it."""
    z = np.asarray(z, dtype=float)
    return np.where(z == 0, np.nan, 0.0 * z)


def _lambdify(sym, variables: tuple[str, ...]) -> Callable[..., np.ndarray]:
    """numpy function for a sympy object our tree cannot hold (sympy's lambdify of an object we built)."""
    import sympy as sp

    raw = sp.lambdify([symbol(v) for v in variables], sym, modules=[{**UNARY, "DiracDelta": _dirac}, "numpy"])

    def f(*values: object) -> np.ndarray:
        arrays = [np.asarray(v, dtype=float) for v in values]
        shape = np.broadcast_shapes(*(a.shape for a in arrays)) if arrays else ()
        with np.errstate(all="ignore"):
            out = np.asarray(raw(*arrays), dtype=float)
        return np.array(np.broadcast_to(out, shape), dtype=float)

    return f


def parse(text: str, variables: tuple[str, ...] = ("x",)) -> Expression:
    """Parse a typed formula safely.

    Parameters
    ----------
    text : str
        The formula, at most 500 characters.
    variables : tuple[str, ...]
        Names the formula may use as variables, in argument order for evaluation.

    Returns
    -------
    Expression
        The checked expression.

    Raises
    ------
    ExpressionError
        With a message naming the problem and the 0-based character ``position``.
    """
    return Expression(text, tuple(variables))
