"""Print an expression tree two ways: parseable ASCII text, and a readable unicode formula (x², ·, √, σ)."""

from __future__ import annotations

import re

from engine.expr.tree import Node

_PREC = {"add": 1, "sub": 1, "mul": 2, "div": 2, "neg": 2, "pow": 4}
_SUPER = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _prec(node: Node) -> int:
    if node.kind == "folded":
        return _prec(node.args[0])
    return _PREC.get(node.kind, 5)


def _strip(node: Node) -> Node:
    return node.args[0] if node.kind == "folded" else node


# -- ASCII text that parse() accepts again ------------------------------------------------------------------------
def to_text(node: Node) -> str:
    """Parseable text for a tree (used as the .text of derived expressions)."""
    node = _strip(node)
    kind = node.kind
    if kind in ("num", "var", "const"):
        return node.name
    if kind == "call":
        return f"{node.name}({', '.join(to_text(a) for a in node.args)})"
    if kind == "neg":
        inner = node.args[0]
        s = to_text(inner)
        return f"-({s})" if _prec(inner) <= 2 else f"-{s}"
    left, right = node.args
    if kind == "pow":
        ls = to_text(left)
        rs = to_text(right)
        ls = f"({ls})" if _prec(left) <= 4 else ls
        rs = f"({rs})" if _prec(right) <= 4 else rs
        return f"{ls}^{rs}"
    op = {"add": " + ", "sub": " - ", "mul": "*", "div": "/"}[kind]
    p = _PREC[kind]
    ls = to_text(left)
    rs = to_text(right)
    if _prec(left) < p:
        ls = f"({ls})"
    # Right operands of - and / (and any neg on the right) need brackets at equal precedence.
    if _prec(right) < p or (_prec(right) == p and kind in ("sub", "div", "mul")) or _strip(right).kind == "neg":
        rs = f"({rs})"
    return f"{ls}{op}{rs}"


# -- readable unicode formula ---------------------------------------------------------------------------------------
def _number(node: Node) -> str:
    text = node.name
    if text in ("inf", "nan"):
        return "∞" if text == "inf" else "undefined"
    if text.isdigit():
        return text if len(text) <= 12 else f"{node.value:.6g}"
    if _DECIMAL_POWER.fullmatch(text):  # as typed (1e-320): the subnormal double would print as 9.99989e-321
        return text
    return f"{node.value:.6g}"


_CALL_NAMES = {"sigmoid": "σ", "delta": "δ"}
_DECIMAL_POWER = re.compile(r"[0-9]+e-[0-9]+")


def to_formula(node: Node) -> str:
    """Readable one-line unicode formula: −, ·, superscript integer powers, √, |x|, σ, π."""
    node = _strip(node)
    kind = node.kind
    if kind == "num":
        return _number(node)
    if kind == "var":
        return node.name
    if kind == "const":
        return "π" if node.name == "pi" else "e"
    if kind == "call":
        args = node.args
        if node.name == "abs":
            return f"|{to_formula(args[0])}|"
        if node.name == "sqrt":
            inner = _strip(args[0])
            s = to_formula(inner)
            return f"√{s}" if inner.kind in ("num", "var", "const") else f"√({s})"
        name = _CALL_NAMES.get(node.name, node.name)
        return f"{name}({', '.join(to_formula(a) for a in args)})"
    if kind == "neg":
        inner = node.args[0]
        s = to_formula(inner)
        return f"−({s})" if _prec(inner) <= 1 else f"−{s}"
    left, right = node.args
    if kind == "pow":
        base = to_formula(left)
        if _prec(left) <= 4 or _strip(left).kind == "num" and "e" in base:
            base = f"({base})"
        r = _strip(right)
        if r.kind == "num" and r.name.isdigit() and len(r.name) <= 3:
            return base + r.name.translate(_SUPER)
        if r.kind == "neg" and _strip(r.args[0]).kind == "num" and _strip(r.args[0]).name.isdigit():
            return base + ("-" + _strip(r.args[0]).name).translate(_SUPER)
        expo = to_formula(right)
        return f"{base}^{expo}" if _prec(right) == 5 else f"{base}^({expo})"
    ls = to_formula(left)
    rs = to_formula(right)
    if kind in ("add", "sub"):
        if _strip(right).kind == "neg":
            rs = f"({rs})"
        return f"{ls} {'+' if kind == 'add' else '−'} {rs}"
    p = _PREC[kind]
    if _prec(left) < p:
        ls = f"({ls})"
    if _prec(right) < p or (_prec(right) == p and kind == "div") or _strip(right).kind == "neg":
        rs = f"({rs})"
    if kind == "div":
        return f"{ls}/{rs}"
    # 2x, 3x², 2π read better without a dot; everything else gets one.
    if (
        _strip(left).kind == "num"
        and "e" not in ls
        and rs[:1].isalpha()
        and rs[:1] != "e"
        and _strip(right).kind in ("var", "const", "pow")
    ):
        return f"{ls}{rs}"
    return f"{ls}·{rs}"
