"""One results cache per lab: the same state gives back the same derived results object, computed once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["ResultsCache"]

S = TypeVar("S")
R = TypeVar("R")


class ResultsCache(Generic[S, R]):
    """Remembers ``derive(state)`` for the last state asked (a drag re-renders the same state several times)."""

    def __init__(self, derive: Callable[[S], R]) -> None:
        self._derive = derive
        self._state: S | None = None
        self._results: R | None = None
        self.computed = 0
        """How many times derive actually ran (tests and benchmarks read it)."""

    def get(self, state: S) -> R:
        """The results of ``state``: cached when ``state`` equals the last one, else derived now."""
        if self._results is None or not (state is self._state or state == self._state):
            self._results = self._derive(state)
            self._state = state
            self.computed += 1
        return self._results  # type: ignore[return-value]
