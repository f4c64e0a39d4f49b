"""Translation and number formatting for texts the engine writes (readouts, verdicts, degenerate-case sentences).

The engine never imports Qt, so it cannot call ``QCoreApplication.translate`` itself. Instead:

- engine code marks a text with ``translate("context", "English text")`` (``pyside6-lupdate`` recognises the bare
  ``translate(context, text)`` call form, so ``python -m gui.i18n --update`` extracts it into
  ``resources/i18n/mlsandbox_es.ts`` like any ``tr()`` in the gui); texts with numbers are templates:
  ``translate("vectors", "angle {0}°").format(number(a, 3))``;
- tables built at import time mark their texts with ``QT_TRANSLATE_NOOP("context", "text")`` (extracted, returned
  unchanged) and translate them with ``translate`` when they are shown;
- the gui installs Qt's translator here with :func:`set_translator` when the language changes (``gui/i18n.py``), and
  the decimal separator with :func:`set_decimal_point`. Without a gui (tests, notebooks) texts stay English.

A missing translation comes back as the English text, never as an empty string.
"""

from __future__ import annotations

import math
from collections.abc import Callable

__all__ = [
    "translate",
    "QT_TRANSLATE_NOOP",
    "set_translator",
    "set_decimal_point",
    "decimal_point",
    "number",
    "whole",
    "localize",
    "set_language",
    "language",
]

_translator: Callable[[str, str], str] | None = None
_decimal_point = "."
_language = "en"


def translate(context: str, text: str) -> str:
    """``text`` in the current language (the English ``text`` itself when there is no translation)."""
    if _translator is None:
        return text
    try:
        out = _translator(context, text)
    except Exception:  # a broken catalogue must never take a readout down
        return text
    return out or text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction without translating it now (tables built at import time)."""
    return text


def set_translator(func: Callable[[str, str], str] | None) -> None:
    """Use ``func(context, text)`` for every later :func:`translate` (None: English)."""
    global _translator
    _translator = func


def set_decimal_point(point: str) -> None:
    """The decimal separator numbers are written with ("." in English, "," in Spanish)."""
    global _decimal_point
    _decimal_point = point if point in (".", ",") else "."


def set_language(code: str) -> None:
    """The language texts with per-language variants (lessons) are read in ("en", "es")."""
    global _language
    _language = code or "en"


def language() -> str:
    """The language in force ("en" unless the gui chose another)."""
    return _language


def decimal_point() -> str:
    """The decimal separator in force."""
    return _decimal_point


def localize(text: str) -> str:
    """``text`` (a number written with '.') with the decimal separator in force."""
    return text if _decimal_point == "." else text.replace(".", _decimal_point)


def number(x: float, digits: int = 4) -> str:
    """``x`` with ``digits`` significant digits, a real minus sign and the decimal separator in force."""
    if not math.isfinite(x):
        return "∞" if x > 0 else ("−∞" if x < 0 else "undefined")
    x = 0.0 if x == 0 else x
    return localize(f"{x:.{digits}g}").replace("-", "\u2212")


def whole(n: int) -> str:
    """A count with its thousands grouped as the language writes them: "10,000" in English, "10 000" in Spanish."""
    text = f"{int(n):,}"
    return text if _decimal_point == "." else text.replace(",", "\u00a0")
