"""Tokenizer and recursive-descent parser for typed formulas: whitelist only, bounded work, exact error positions."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from engine.expr.numeric import apply_op
from engine.expr.tree import Node

MAX_CHARS = 500
MAX_TOKENS = 300
MAX_DEPTH = 50
# Largest |log10| a constant power may reach; beyond it the result (or sympy's exact integer) is not a float.
MAX_LOG10 = 308.0

FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "sin": (1, 1),
    "cos": (1, 1),
    "tan": (1, 1),
    "exp": (1, 1),
    "log": (1, 1),
    "sqrt": (1, 1),
    "abs": (1, 1),
    "tanh": (1, 1),
    "sigmoid": (1, 1),
    "relu": (1, 1),
    "softplus": (1, 1),
    "sign": (1, 1),
    "step": (1, 1),
    "min": (2, None),
    "max": (2, None),
}
CONSTANTS = {"pi": math.pi, "e": math.e}
# Names a student may use as a variable in another lab: refused with a hint instead of "unknown name".
_VARIABLE_LIKE = re.compile(r"^[A-Za-z]$|^(theta|alpha|beta|lambda|mu|sigma|w\d?|b\d?|x\d|y\d)$")

_SUPERSCRIPTS = {"²": "2", "³": "3"}
_ALIASES = {"−": "-", "·": "*", "×": "*", "∗": "*"}


class ExpressionError(ValueError):
    """A typed formula could not be accepted; says what is wrong and where (0-based character index)."""

    def __init__(self, message: str, position: int, *, show_position: bool = True) -> None:
        self.message = message
        self.position = int(position)
        self.show_position = show_position
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.message} at {self.position}" if self.show_position else self.message

    def __reduce__(self):  # keep pickling (e.g. worker threads/processes) working with keyword-only args
        return (_rebuild_error, (self.message, self.position, self.show_position))


def _rebuild_error(message: str, position: int, show_position: bool) -> ExpressionError:
    return ExpressionError(message, position, show_position=show_position)


@dataclass(frozen=True)
class Token:
    """A lexical piece of the text with its span."""

    kind: str  # num, name, op, lparen, rparen, comma, end
    text: str
    start: int
    end: int


_DIGITS = "0123456789"
_NUMBER = re.compile(r"([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def tokenize(text: str) -> list[Token]:
    """Split text into tokens, refusing any character outside the formula alphabet."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if len(tokens) >= MAX_TOKENS:
            raise ExpressionError(f"expression has too many pieces (at most {MAX_TOKENS})", i)
        ch = _ALIASES.get(ch, ch)
        if ch in _DIGITS or (ch == "." and i + 1 < n and text[i + 1] in _DIGITS):
            m = _NUMBER.match(text, i)
            tokens.append(Token("num", m.group(0), i, m.end()))
            i = m.end()
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            m = _NAME.match(text, i)
            tokens.append(Token("name", m.group(0), i, m.end()))
            i = m.end()
        elif ch == "*" and i + 1 < n and text[i + 1] == "*":
            tokens.append(Token("op", "^", i, i + 2))
            i += 2
        elif ch in "+-*/^":
            tokens.append(Token("op", ch, i, i + 1))
            i += 1
        elif ch in _SUPERSCRIPTS:
            tokens.append(Token("op", "^", i, i))
            tokens.append(Token("num", _SUPERSCRIPTS[ch], i, i + 1))
            i += 1
        elif ch == "(":
            tokens.append(Token("lparen", ch, i, i + 1))
            i += 1
        elif ch == ")":
            tokens.append(Token("rparen", ch, i, i + 1))
            i += 1
        elif ch == ",":
            tokens.append(Token("comma", ch, i, i + 1))
            i += 1
        else:
            shown = ch if ch.isprintable() else repr(ch)
            raise ExpressionError(f"unexpected character '{shown}'", i)
    tokens.append(Token("end", "", n, n))
    return tokens


class _Parser:
    """Recursive descent over the token list; depth-limited so hostile nesting fails fast."""

    def __init__(self, text: str, variables: tuple[str, ...]) -> None:
        self.text = text
        self.variables = variables
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    # -- helpers ---------------------------------------------------------------------------------------------
    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def enter(self, pos: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"expression is nested too deeply (at most {MAX_DEPTH} levels)", pos)

    def unexpected(self, tok: Token) -> ExpressionError:
        if tok.kind == "end":
            prev = self.tokens[self.i - 1] if self.i > 0 else None
            if prev is None:
                return ExpressionError("empty expression", 0, show_position=False)
            return ExpressionError(f"expression ends after '{self.shown(prev)}'", tok.start)
        return ExpressionError(f"unexpected '{self.shown(tok)}'", tok.start)

    def shown(self, tok: Token) -> str:
        return self.text[tok.start : tok.end] or tok.text

    # -- grammar ---------------------------------------------------------------------------------------------
    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise ExpressionError("empty expression", 0, show_position=False)
        node = self.sum()
        tok = self.peek()
        if tok.kind != "end":
            if tok.kind in ("name", "lparen", "num"):
                raise ExpressionError(f"missing operator before '{tok.text}' (write * for a product)", tok.start)
            raise self.unexpected(tok)
        return node

    def sum(self) -> Node:
        node = self.product()
        while self.peek().kind == "op" and self.peek().text in "+-":
            op = self.take()
            right = self.product()
            node = _fold(
                self.text, Node("add" if op.text == "+" else "sub", args=(node, right), start=node.start, end=right.end)
            )
        return node

    def product(self) -> Node:
        node = self.unary()
        while True:
            tok = self.peek()
            if tok.kind == "op" and tok.text in "*/":
                self.take()
                right = self.unary()
                kind = "mul" if tok.text == "*" else "div"
            elif tok.kind in ("name", "lparen") and self.tokens[self.i - 1].kind == "num":
                # Implicit product only right after a written number: 2x, 3sin(x), 2(x+1).
                if node.kind == "pow" or (node.kind == "folded" and node.name == "pow"):
                    raise ExpressionError(f"write '*' or '^(...)' before '{tok.text}' (2^2x is ambiguous)", tok.start)
                right = self.unary()
                kind = "mul"
            else:
                return node
            node = _fold(self.text, Node(kind, args=(node, right), start=node.start, end=right.end))

    def unary(self) -> Node:
        tok = self.peek()
        if tok.kind == "op" and tok.text in "+-":
            self.take()
            self.enter(tok.start)
            operand = self.unary()
            self.depth -= 1
            if tok.text == "+":
                return operand
            return _fold(self.text, Node("neg", args=(operand,), start=tok.start, end=operand.end))
        return self.power()

    def power(self) -> Node:
        base = self.atom()
        tok = self.peek()
        if tok.kind == "op" and tok.text == "^":
            self.take()
            self.enter(tok.start)
            exponent = self.unary()  # right-associative; x^-2 allowed; -x^2 is -(x^2) because unary wraps power
            self.depth -= 1
            node = Node("pow", args=(base, exponent), start=base.start, end=exponent.end)
            return _fold(self.text, node, op_pos=tok.start)
        return base

    def atom(self) -> Node:
        tok = self.take()
        if tok.kind == "num":
            value = float(tok.text)
            m = _NUMBER.match(tok.text)
            if m.group(2) and abs(int(m.group(2)[1:])) > 400:
                raise ExpressionError(f"number '{_short(tok.text)}' is out of range (exponent beyond ±400)", tok.start)
            if not math.isfinite(value):
                raise ExpressionError(f"number '{_short(tok.text)}' is too large", tok.start)
            return Node("num", name=tok.text, value=value, start=tok.start, end=tok.end)
        if tok.kind == "lparen":
            self.enter(tok.start)
            inner = self.sum()
            self.depth -= 1
            close = self.peek()
            if close.kind != "rparen":
                if close.kind == "end":
                    raise ExpressionError("missing ')' for '('", tok.start)
                if close.kind in ("name", "num", "lparen"):
                    raise ExpressionError(
                        f"missing operator before '{close.text}' (write * for a product)", close.start
                    )
                raise self.unexpected(close)
            self.take()
            return Node(inner.kind, inner.name, inner.value, inner.args, tok.start, close.end)
        if tok.kind == "name":
            return self.name(tok)
        self.i -= 1
        raise self.unexpected(tok)

    def name(self, tok: Token) -> Node:
        name = tok.text
        called = self.peek().kind == "lparen"
        if name in FUNCTIONS:
            if not called:
                raise ExpressionError(f"'{name}' needs parentheses: {name}(...)", tok.end)
            return self.call(tok)
        if called:
            raise ExpressionError(f"'{name}' is not a function", tok.start)
        if name in self.variables:
            return Node("var", name=name, start=tok.start, end=tok.end)
        if name in CONSTANTS:
            return Node("const", name=name, value=CONSTANTS[name], start=tok.start, end=tok.end)
        if _VARIABLE_LIKE.match(name):
            allowed = ", ".join(self.variables) if self.variables else "no variables"
            raise ExpressionError(f"'{name}' is not a variable here (use {allowed})", tok.start)
        raise ExpressionError(f"unknown name '{_short(name)}'", tok.start)

    def call(self, tok: Token) -> Node:
        name = tok.text
        open_tok = self.take()
        self.enter(open_tok.start)
        args: list[Node] = []
        if self.peek().kind != "rparen":
            args.append(self.sum())
            while self.peek().kind == "comma":
                self.take()
                args.append(self.sum())
        self.depth -= 1
        close = self.peek()
        if close.kind != "rparen":
            if close.kind == "end":
                raise ExpressionError(f"missing ')' for '{name}('", open_tok.start)
            if close.kind in ("name", "num", "lparen"):
                raise ExpressionError(f"missing operator before '{close.text}' (write * for a product)", close.start)
            raise self.unexpected(close)
        self.take()
        lo, hi = FUNCTIONS[name]
        if len(args) < lo or (hi is not None and len(args) > hi):
            need = f"{lo} argument" + ("s" if lo > 1 else "") if hi == lo else f"at least {lo} arguments"
            raise ExpressionError(f"'{name}' needs {need}", tok.start)
        return _fold(self.text, Node("call", name=name, args=tuple(args), start=tok.start, end=close.end))


def _short(s: str, n: int = 20) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _fold(text: str, node: Node, op_pos: int | None = None) -> Node:
    """Check a constant subtree is a finite real number and small enough; leave variable subtrees alone."""
    if not all(_const_value(a) is not None for a in node.args):
        return node
    vals = [_const_value(a) for a in node.args]
    where = node.start if op_pos is None else op_pos
    snippet = _short(text[node.start : node.end].strip() or node.name, 30)
    if node.kind == "pow":
        base, expo = vals
        if base != 0 and abs(expo) * math.log10(abs(base)) > MAX_LOG10:
            raise ExpressionError(f"'{snippet}' is too large to compute", where)
        if base == 0 and expo < 0:
            raise ExpressionError(f"division by zero in '{snippet}'", where)
    if node.kind == "div" and vals[1] == 0:
        raise ExpressionError(f"division by zero in '{snippet}'", node.args[1].start)
    with np.errstate(all="ignore"):
        value = float(apply_op(node, [np.float64(v) for v in vals]))
    if math.isnan(value):
        raise ExpressionError(f"'{snippet}' is not a real number", where)
    if math.isinf(value):
        overflow = node.kind == "pow" or node.name in ("exp", "softplus") or node.kind == "mul"
        what = "is too large to compute" if overflow else "is not a finite number"
        raise ExpressionError(f"'{snippet}' {what}", where)
    return Node("folded", name=node.kind, value=value, args=(node,), start=node.start, end=node.end)


def _const_value(node: Node) -> float | None:
    if node.kind in ("num", "const", "folded"):
        return node.value
    return None


def unfold(node: Node) -> Node:
    """The symbolic form of a node (folded constants keep their original subtree for exact sympy output)."""
    return node.args[0] if node.kind == "folded" else node


def parse_tree(text: str, variables: tuple[str, ...]) -> Node:
    """Parse text into a checked tree, or raise ExpressionError; bounded time for any input."""
    if not isinstance(text, str):
        raise ExpressionError("expression must be text", 0, show_position=False)
    if len(text) > MAX_CHARS:
        raise ExpressionError(
            f"expression is too long ({len(text)} characters, at most {MAX_CHARS})", MAX_CHARS, show_position=False
        )
    return _Parser(text, variables).parse()
