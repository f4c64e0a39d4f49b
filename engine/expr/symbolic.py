"""Bridge between our expression tree and sympy: build sympy objects from the tree (never from text) and back."""

from __future__ import annotations

import functools
import math
from fractions import Fraction

from engine.expr.tree import Node

# Exact rational powers larger than this many bits are computed in floating point instead (0.5^1e6 would hang).
_MAX_EXACT_BITS = 4096


@functools.cache
def custom_functions() -> dict:
    """The ML functions sympy lacks, with exact derivatives: sigmoid' = σ(1−σ), softplus' = σ, relu' = H(x, 0)."""
    import sympy as sp

    class sigmoid(sp.Function):  # noqa: N801 - the name is what the printer and lambdify use
        """Logistic function 1/(1+e^-z)."""

        is_real = True

        @classmethod
        def eval(cls, z):
            if z == 0:
                return sp.Rational(1, 2)
            return None

        def fdiff(self, argindex=1):
            s = sigmoid(self.args[0])
            return s * (1 - s)

        def _eval_rewrite_as_exp(self, z, **kwargs):
            return 1 / (1 + sp.exp(-z))

    class softplus(sp.Function):  # noqa: N801
        """log(1 + e^z)."""

        is_real = True

        @classmethod
        def eval(cls, z):
            if z == 0:
                return sp.log(2)
            return None

        def fdiff(self, argindex=1):
            return sigmoid(self.args[0])

        def _eval_rewrite_as_log(self, z, **kwargs):
            return sp.log(1 + sp.exp(z))

    class relu(sp.Function):  # noqa: N801
        """max(z, 0)."""

        is_real = True

        @classmethod
        def eval(cls, z):
            if z.is_Number:
                return sp.Max(z, 0)
            return None

        def fdiff(self, argindex=1):
            return sp.Heaviside(self.args[0], 0)

    return {"sigmoid": sigmoid, "softplus": softplus, "relu": relu}


@functools.cache
def symbol(name: str):
    """A real sympy symbol (real so that |x|' = sign(x) and sqrt(x^2) = |x|)."""
    import sympy as sp

    return sp.Symbol(name, real=True)


def _number(text: str):
    import sympy as sp

    if text in ("inf", "nan"):
        return sp.oo if text == "inf" else sp.nan
    frac = Fraction(text)
    return sp.Rational(frac.numerator, frac.denominator)


def _safe_pow(base, expo):
    """Power that falls back to floating point when an exact rational result would be enormous."""
    import sympy as sp

    if base.is_Rational and expo.is_Rational:
        bits = (abs(base.p).bit_length() + abs(base.q).bit_length()) * abs(expo.p)
        if bits > _MAX_EXACT_BITS:
            return sp.Float(float(base)) ** sp.Float(float(expo))
    return sp.Pow(base, expo)


def to_sympy(node: Node):
    """Build the sympy object for a tree (folded constants use their exact original subtree)."""
    import sympy as sp

    kind = node.kind
    if kind == "folded":
        return to_sympy(node.args[0])
    if kind == "num":
        return _number(node.name)
    if kind == "const":
        return sp.pi if node.name == "pi" else sp.E
    if kind == "var":
        return symbol(node.name)
    args = [to_sympy(a) for a in node.args]
    if kind == "add":
        return args[0] + args[1]
    if kind == "sub":
        return args[0] - args[1]
    if kind == "mul":
        return args[0] * args[1]
    if kind == "div":
        return args[0] / args[1]
    if kind == "pow":
        return _safe_pow(args[0], args[1])
    if kind == "neg":
        return -args[0]
    name = node.name
    table = {
        "sin": sp.sin,
        "cos": sp.cos,
        "tan": sp.tan,
        "exp": sp.exp,
        "log": sp.log,
        "sqrt": sp.sqrt,
        "abs": sp.Abs,
        "tanh": sp.tanh,
        "sign": sp.sign,
        "step": lambda z: sp.Heaviside(z, 0),
        "delta": sp.DiracDelta,
        "min": sp.Min,
        "max": sp.Max,
        "sinh": sp.sinh,
        "cosh": sp.cosh,
        "asin": sp.asin,
        "acos": sp.acos,
        "atan": sp.atan,
        "sec": sp.sec,
        "csc": sp.csc,
        "cot": sp.cot,
        **custom_functions(),
    }
    return table[name](*args)


class UnsupportedSympyError(ValueError):
    """sympy produced something our tree cannot hold (the caller falls back to sympy's own tools)."""


EXACT_LIMIT = 10**15
"""Rationals with a numerator or denominator above this print as a decimal number (they are no exact teaching value)."""


def _too_long(r) -> bool:
    """A rational such as a typed 1e-320 (= 1/10**320) whose parts are no sensible exact fraction to show."""
    return max(abs(int(r.p)), int(r.q)) > EXACT_LIMIT


def _decimal_node(r) -> Node:
    """A positive rational shown as the decimal a student typed: ``3/10**200`` -> ``3e-200``, else its float."""
    p, q = int(r.p), int(r.q)
    k = len(str(q)) - 1
    name = f"{p}e-{k}" if q == 10**k and abs(p) < 10**6 else repr(float(r))
    return Node("num", name=name, value=float(r))


def _num_node(value) -> Node:
    """A non-negative number node from a sympy or python number."""
    import sympy as sp

    if value is sp.oo:
        return Node("num", name="inf", value=math.inf)
    if value is sp.nan or value is sp.zoo:
        return Node("num", name="nan", value=math.nan)
    if isinstance(value, sp.Float):
        f = float(value)
        return Node("num", name=repr(f), value=f)
    p = int(value)
    try:
        f = float(p)
    except OverflowError:
        f = math.inf
    return Node("num", name=str(p), value=f)


def from_sympy(expr, variables: tuple[str, ...]) -> Node:
    """Convert a sympy expression back to our tree so it evaluates and prints like typed input."""
    import sympy as sp

    if expr.is_Symbol:
        if expr.name not in variables:
            raise UnsupportedSympyError(f"unknown symbol {expr.name}")
        return Node("var", name=expr.name)
    if expr is sp.pi:
        return Node("const", name="pi", value=math.pi)
    if expr is sp.E:
        return Node("const", name="e", value=math.e)
    if expr is sp.oo or expr is sp.nan or expr is sp.zoo:
        return _num_node(expr)
    if expr is sp.S.NegativeInfinity:
        return Node("neg", args=(_num_node(sp.oo),))
    if expr.is_Number:
        if expr.is_negative:
            return Node("neg", args=(from_sympy(-expr, variables),))
        if expr.is_Rational and _too_long(expr):
            return _decimal_node(expr)
        if expr.is_Rational and expr.q != 1:
            return Node("div", args=(_num_node(expr.p), _num_node(expr.q)))
        return _num_node(expr)
    if expr.is_Add:
        terms = expr.as_ordered_terms()
        node = from_sympy(terms[0], variables)
        for term in terms[1:]:
            if term.could_extract_minus_sign():
                node = Node("sub", args=(node, from_sympy(-term, variables)))
            else:
                node = Node("add", args=(node, from_sympy(term, variables)))
        return node
    if expr.is_Mul:
        return _from_mul(expr, variables)
    if expr.is_Pow:
        base, expo = expr.args
        if expo.is_Rational and expo.is_negative:
            return Node("div", args=(Node("num", name="1", value=1.0), from_sympy(base**-expo, variables)))
        if expo == sp.Rational(1, 2):
            return Node("call", name="sqrt", args=(from_sympy(base, variables),))
        if base is sp.E:
            return Node("call", name="exp", args=(from_sympy(expo, variables),))
        return Node("pow", args=(from_sympy(base, variables), from_sympy(expo, variables)))
    return _from_function(expr, variables)


def _from_mul(expr, variables: tuple[str, ...]) -> Node:
    import sympy as sp

    coeff, rest = expr.as_coeff_Mul()
    if coeff.is_negative:
        return Node("neg", args=(from_sympy(-expr, variables),))
    numer: list[Node] = []
    denom: list[Node] = []
    if coeff != 1:
        if coeff.is_Rational and not _too_long(coeff):
            if coeff.p != 1:
                numer.append(_num_node(coeff.p))
            if coeff.q != 1:
                denom.append(_num_node(coeff.q))
        else:
            numer.append(from_sympy(coeff, variables))
    for factor in sp.Mul.make_args(rest):
        if factor.is_Pow and factor.exp.is_Rational and factor.exp.is_negative:
            denom.append(from_sympy(factor.base ** (-factor.exp), variables))
        else:
            numer.append(from_sympy(factor, variables))
    top = _product(numer) if numer else Node("num", name="1", value=1.0)
    if not denom:
        return top
    return Node("div", args=(top, _product(denom)))


def _product(factors: list[Node]) -> Node:
    node = factors[0]
    for f in factors[1:]:
        node = Node("mul", args=(node, f))
    return node


def _from_function(expr, variables: tuple[str, ...]) -> Node:
    import sympy as sp

    names = {
        sp.sin: "sin",
        sp.cos: "cos",
        sp.tan: "tan",
        sp.exp: "exp",
        sp.log: "log",
        sp.Abs: "abs",
        sp.tanh: "tanh",
        sp.sign: "sign",
        sp.Heaviside: "step",
        sp.DiracDelta: "delta",
        sp.Min: "min",
        sp.Max: "max",
        sp.sinh: "sinh",
        sp.cosh: "cosh",
        sp.asin: "asin",
        sp.acos: "acos",
        sp.atan: "atan",
        sp.sec: "sec",
        sp.csc: "csc",
        sp.cot: "cot",
    }
    for name, cls in custom_functions().items():
        names[cls] = name
    name = names.get(expr.func)
    if name is None:
        raise UnsupportedSympyError(f"cannot convert {expr.func.__name__}")
    args = expr.args
    if name == "step":
        args = args[:1]  # Heaviside(z, h0): the value at 0 is a convention, step() uses 0 like relu'
    if name == "delta" and len(args) > 1:
        raise UnsupportedSympyError("derivative of the delta function")
    return Node("call", name=name, args=tuple(from_sympy(a, variables) for a in args))
