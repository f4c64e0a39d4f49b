"""The parsed expression tree: one frozen node type shared by the parser, evaluators and formatters."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Node"]


@dataclass(frozen=True)
class Node:
    """One node of the expression tree: kind in num/var/const/neg/add/sub/mul/div/pow/call."""

    kind: str
    name: str = ""
    value: float = 0.0
    args: tuple[Node, ...] = ()
    start: int = 0
    end: int = 0
