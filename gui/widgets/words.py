"""Helpers for texts read aloud: rich text to plain words, numbers in the current language."""

from __future__ import annotations

import re

from engine.i18n import decimal_point
from gui.i18n import fmt

__all__ = ["plain", "fmt", "pair"]

_TAGS = re.compile(r"<[^>]+>")


def plain(html: str) -> str:
    """``html`` (a readout with <b>, <br>, &nbsp;) as one line of plain words for a screen reader."""
    text = html.replace("<br>", "; ").replace("<br/>", "; ").replace("&nbsp;", " ")
    text = _TAGS.sub("", text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return re.sub(r"\s+", " ", text).strip()


def pair(p) -> str:
    """A point as "(x; y)" in Spanish (decimal comma) or "(x, y)" in English."""
    sep = "; " if decimal_point() == "," else ", "
    return f"({fmt(p[0])}{sep}{fmt(p[1])})"
