"""Checking what a user gives the inference engine: samples, α, alternatives and typed lists of numbers.

Every refusal is an :class:`InferenceError` (a ``ValueError``, like every engine package's own error) whose message
names the field and what is wrong with it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import numpy as np

from engine.i18n import translate
from engine.typed_numbers import AmbiguousCommaError, number_tokens

__all__ = [
    "InferenceError",
    "NumberTokenError",
    "ALTERNATIVES",
    "MAX_SAMPLE",
    "as_sample",
    "check_alpha",
    "check_alternative",
    "parse_numbers",
]

ALTERNATIVES = ("two-sided", "less", "greater")
MAX_SAMPLE = 1_000_000
MAX_TEXT = 2_000_000
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")


class InferenceError(ValueError):
    """Input the inference engine cannot use; the message names the field and the problem."""


class NumberTokenError(InferenceError):
    """A typed list of numbers holds a token that is not a number; ``start``/``end`` locate it in the text."""

    def __init__(self, message: str, token: str, start: int, end: int) -> None:
        super().__init__(message)
        self.token, self.start, self.end = token, start, end


def check_alpha(alpha: float) -> float:
    """The significance level as a float in (0, 1), or an error naming α."""
    try:
        value = float(alpha)
    except (TypeError, ValueError):
        raise InferenceError(f"α (significance level) must be a number, got {alpha!r}") from None
    if not (math.isfinite(value) and 0.0 < value < 1.0):
        raise InferenceError(f"α (significance level) must be strictly between 0 and 1, got {alpha!r}")
    return value


def check_alternative(alternative: str) -> str:
    """One of "two-sided", "less", "greater", or an error listing them."""
    if alternative not in ALTERNATIVES:
        raise InferenceError(f"alternative must be one of {', '.join(ALTERNATIVES)}, got {alternative!r}")
    return alternative


def as_sample(data: Iterable[float], field: str, min_n: int = 1, need_spread: bool = False) -> np.ndarray:
    """A 1-D float array of finite values with at least ``min_n`` entries (and not all equal when asked).

    Parameters
    ----------
    data : the values (any sequence or array of numbers).
    field : the name used in error messages ("sample A", "observed counts" …).
    min_n : the fewest values the caller can use.
    need_spread : refuse a sample whose values are all equal (zero variance).

    Returns
    -------
    numpy float array.
    """
    try:
        x = np.asarray(data, dtype=float)
    except (TypeError, ValueError):
        raise InferenceError(f"{field} must contain only numbers") from None
    if x.ndim != 1:
        x = x.reshape(-1) if x.ndim > 1 else x.reshape(1)
    if x.size == 0:
        raise InferenceError(f"{field} is empty: enter at least {max(min_n, 1)} value(s)")
    if x.size > MAX_SAMPLE:
        raise InferenceError(f"{field} has {x.size:,} values; at most {MAX_SAMPLE:,} are allowed")
    bad = np.flatnonzero(~np.isfinite(x))
    if bad.size:
        raise InferenceError(f"{field} contains a missing or infinite value (value #{bad[0] + 1} is {x[bad[0]]})")
    if x.size < min_n:
        raise InferenceError(f"{field} has {x.size} value(s); at least {min_n} are needed")
    if need_spread and x.size > 1 and np.all(x == x[0]):
        raise InferenceError(
            f"{field} has zero variance (every value is {x[0]:g}): the standard error is 0 and the test is undefined"
        )
    return x


def parse_numbers(text: str, field: str = "numbers") -> tuple[float, ...]:
    """Read numbers typed by a user, separated by spaces, commas, semicolons or new lines; a decimal comma where the
    text can mean nothing else (``"4,9 5,6"``; see :mod:`engine.typed_numbers`).

    Parameters
    ----------
    text : e.g. ``"4.1, 5.0 3.9\\n6e-1"``. Only plain decimal literals are accepted (no ``nan``, ``inf``, ``1_000``).
    field : the name used in error messages.

    Returns
    -------
    The numbers in order (empty text gives an empty tuple).

    Raises
    ------
    NumberTokenError naming the first bad token and its position, or InferenceError for oversize input.
    """
    if not isinstance(text, str):
        raise InferenceError(f"{field} must be text, got {type(text).__name__}")
    if len(text) > MAX_TEXT:
        raise InferenceError(f"{field} is {len(text):,} characters long; at most {MAX_TEXT:,} are allowed")
    try:
        tokens = number_tokens(text)
    except AmbiguousCommaError as exc:
        raise NumberTokenError(f"{field}: {exc}", exc.token, exc.start, exc.end) from None
    values: list[float] = []
    for t in tokens:
        value = float(t.literal) if _NUMBER.match(t.literal) else math.nan
        if not math.isfinite(value):  # not a number, or a literal too large for a float (1e999)
            token = text[t.start : t.end]
            shown = token if len(token) <= 20 else token[:20] + "…"
            if _NUMBER.match(t.literal):
                why = translate("Numbers", "{0}: “{1}” (character {2}) is too large")
            else:
                why = translate("Numbers", "{0}: “{1}” (character {2}) is not a number")
            raise NumberTokenError(why.format(field, shown, t.start + 1), token, t.start, t.end)
        values.append(value)
        if len(values) > MAX_SAMPLE:
            raise InferenceError(f"{field} has more than {MAX_SAMPLE:,} values")
    return tuple(values)
