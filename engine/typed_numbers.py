"""Lists of numbers as people type them: spaces, commas, semicolons or new lines between the numbers, and a decimal
comma (4,9 — as Spanish and most of Europe write it) where the text can mean nothing else.

The rule does not depend on the language the app speaks (a scene typed in one classroom opens in another):

- a comma with a digit on each side, in a run of digits like ``4,9``, *may* be a decimal comma; every other comma
  separates numbers, as do spaces, semicolons and new lines;
- when every comma in the text is such a possible decimal comma, one per number, and the numbers are separated some
  other way (``4,9 5,6`` or ``4,9; 5,6``), the commas are decimal commas;
- ``1,2,3`` or ``1.5,2.5`` are lists; ``3,5`` alone, or commas used both ways (``4,9, 5,6`` or ``1 3,5, 2``),
  could be read two ways and are refused with a message naming the token — never read silently the wrong way.

>>> [t.literal for t in number_tokens("4,9 5,6; 7")]
['4.9', '5.6', '7']
>>> [t.literal for t in number_tokens("1,2,3")]
['1', '2', '3']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.i18n import translate

__all__ = ["Token", "AmbiguousCommaError", "number_tokens"]

_BETWEEN_COMMAS = re.compile(r"[^\s,;]+")
_PIECE = re.compile(r"(?:[^\s;,]|(?<=[0-9]),(?=[0-9]))+")  # a comma between two digits stays inside a piece
_LOOSE_COMMA = re.compile(r"(?<![0-9]),|,(?![0-9])")
_DECIMAL_COMMA = re.compile(r"[+\-\u2212]?[0-9]+,[0-9]+\Z")


@dataclass(frozen=True)
class Token:
    """One number as typed: ``text[start:end]`` of the input, and ``literal`` as Python writes it (decimal point,
    ASCII minus)."""

    literal: str
    start: int
    end: int


class AmbiguousCommaError(ValueError):
    """A comma that could be a decimal comma or a separator; ``token``/``start``/``end`` locate it in the text."""

    def __init__(self, message: str, token: str, start: int, end: int) -> None:
        super().__init__(message)
        self.token, self.start, self.end = token, start, end


def number_tokens(text: str) -> list[Token]:
    """The number-like tokens of ``text`` in order (not yet checked to be numbers), decimal commas read as points.

    Raises
    ------
    AmbiguousCommaError
        For a comma that could be read either way (the message says how to write each reading).
    """
    words = list(_PIECE.finditer(text))
    decimal = [w for w in words if _DECIMAL_COMMA.match(w.group())]
    if decimal:
        with_commas = [w for w in words if "," in w.group()]
        first = decimal[0]
        if len(decimal) == len(with_commas) and len(words) >= 2 and not _LOOSE_COMMA.search(text):
            return [Token(_plain(w.group().replace(",", ".")), w.start(), w.end()) for w in words]
        whole, part = first.group().split(",")
        if len(words) == 1:
            why = translate(
                "Numbers", "“{0}” could be one number or two: type {1}.{2} for one, or {1}, {2} (with a space) for two"
            )
        else:
            why = translate(
                "Numbers",
                "“{0}” could be one number or two, as commas here also separate numbers: type {1}.{2} for one "
                "(a point for decimals), or {1}, {2} for two",
            )
        raise AmbiguousCommaError(why.format(first.group(), whole, part), first.group(), first.start(), first.end())
    return [Token(_plain(m.group()), m.start(), m.end()) for m in _BETWEEN_COMMAS.finditer(text)]


def _plain(token: str) -> str:
    return token.replace("\u2212", "-")  # a typographic minus pasted from a document
