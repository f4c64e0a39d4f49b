"""Typed matrix cells and row reduction with readable steps, exact where the inputs allow."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from numbers import Integral, Real

import numpy as np

MAX_ABS = 1e6
"""Largest magnitude a typed cell may have: bigger numbers are almost always a typo."""
MIN_ABS = 1e-9
"""Smallest non-zero magnitude a typed cell may have (exactly 10⁻⁹): smaller ones cannot be shown."""
MAX_CHARS = 40
MAX_EXACT_DENOMINATOR = 10**9
"""A float counts as a "simple decimal" (kept exact) when its shortest form has a denominator up to this."""
DEFAULT_RTOL = 1e-10
"""Relative size (to a row's own magnitude) below which a float entry counts as zero."""

_DECIMAL = r"(?:\d+(?:\.\d*)?|\.\d+)"
_NUMBER_RE = re.compile(rf"^([+-]?){_DECIMAL}(?:[eE][+-]?\d{{1,3}})?$")
_FRACTION_RE = re.compile(rf"^[+-]?{_DECIMAL}/{_DECIMAL}$")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-"})

Number = Fraction | float


class CellError(ValueError):
    """A typed matrix cell that is not a usable number; the message says why and what to type."""


class MatrixShapeError(ValueError):
    """A matrix argument that is empty, ragged or of the wrong shape for the operation."""


def parse_cell(text: str) -> Fraction:
    """Read a number typed into a matrix cell, exactly.

    Accepts integers ("3"), decimals ("-1.5", ".5", "2e-3") and fractions ("2/3", "1.5/2");
    a Unicode minus sign is accepted too.

    Parameters
    ----------
    text : str
        What the user typed.

    Returns
    -------
    Fraction
        The exact value of the text.

    Raises
    ------
    CellError
        Empty, not a number, NaN/infinity, division by zero, |x| > 1e6 or 0 < |x| < 1e-9.
    """
    if not isinstance(text, str):
        raise CellError(f"expected typed text, got {type(text).__name__}")
    s = text.strip().translate(_MINUS_SIGNS).replace(" ", "")
    if not s:
        raise CellError("empty cell: type a number such as 3, -1.5 or 2/3")
    if len(s) > MAX_CHARS:
        raise CellError(f"too long ({len(s)} characters): type a number such as 3, -1.5 or 2/3")
    low = s.lower().lstrip("+-")
    if low in {"nan", "inf", "infinity", "∞"}:
        raise CellError(f"'{text.strip()}' is not a finite number: type an ordinary number")
    if "," in s and _NUMBER_RE.match(s.replace(",", ".")):
        raise CellError(f"'{text.strip()}': use a point for decimals, e.g. {s.replace(',', '.')}")
    if _NUMBER_RE.match(s):
        exp = re.search(r"[eE]([+-]?\d+)$", s)
        if exp and int(exp.group(1)) > 50:
            raise CellError(f"'{text.strip()}' is too large: keep |x| ≤ {MAX_ABS:g}")
        if exp and int(exp.group(1)) < -50:
            raise CellError(f"'{text.strip()}' is too small to show: type 0 if you mean zero")
        value = Fraction(s)
    elif _FRACTION_RE.match(s):
        num, den = s.split("/")
        if Fraction(den) == 0:
            raise CellError(f"'{text.strip()}' divides by zero")
        value = Fraction(num) / Fraction(den)
    else:
        raise CellError(f"'{text.strip()}' is not a number: type e.g. 3, -1.5 or 2/3")
    if abs(value) > Fraction(MAX_ABS):
        raise CellError(f"'{text.strip()}' is too large: keep |x| ≤ {MAX_ABS:g}")
    if value != 0 and abs(value) < Fraction(1, 10**9):
        raise CellError(f"'{text.strip()}' is too small to show (|x| < {MIN_ABS:g}): type 0 for zero")
    return value


def to_exact(x: object) -> Fraction | None:
    """Exact value of a matrix entry when it is an integer, fraction or simple decimal, else None.

    Parameters
    ----------
    x : int, Fraction, float, numpy scalar or str
        One matrix entry; strings go through :func:`parse_cell`.

    Returns
    -------
    Fraction or None
        None for floats whose shortest decimal form is long (e.g. 1/3 or random draws).

    Raises
    ------
    CellError
        For non-finite numbers and unreadable strings.
    """
    if isinstance(x, str):
        return parse_cell(x)
    if isinstance(x, bool):
        raise CellError("expected a number, got True/False")
    if isinstance(x, Fraction):
        return x
    if isinstance(x, Integral):
        return Fraction(int(x))
    if isinstance(x, Real):
        f = float(x)
        if not math.isfinite(f):
            raise CellError(f"{f} is not a finite number")
        q = Fraction(repr(f))
        return q if q.denominator <= MAX_EXACT_DENOMINATOR else None
    raise CellError(f"expected a number, got {type(x).__name__}")


def to_float(x: object) -> float:
    """Float value of a matrix entry (string, fraction or number), refusing non-finite values."""
    if isinstance(x, str):
        return float(parse_cell(x))
    if isinstance(x, bool) or not isinstance(x, Real):
        raise CellError(f"expected a number, got {type(x).__name__}")
    f = float(x)
    if not math.isfinite(f):
        raise CellError(f"{f} is not a finite number")
    return f


def as_rows(M: object) -> list[list[object]]:
    """Rows of a non-empty rectangular matrix given as nested sequences or a 2-D array."""
    if isinstance(M, np.ndarray):
        if M.ndim != 2:
            raise MatrixShapeError(f"expected a 2-D matrix, got an array with {M.ndim} dimensions")
        M = M.tolist()
    if isinstance(M, (str, bytes)) or not isinstance(M, Sequence):
        raise MatrixShapeError("expected a matrix: a list of rows")
    rows = [list(r) if isinstance(r, Sequence) and not isinstance(r, str) else None for r in M]
    if not rows or any(r is None for r in rows):
        raise MatrixShapeError("expected a matrix: a non-empty list of rows")
    width = len(rows[0])
    if width == 0 or any(len(r) != width for r in rows):
        raise MatrixShapeError("every row of the matrix must have the same, non-zero, number of entries")
    return rows  # type: ignore[return-value]


def format_number(x: Number, digits: int = 4) -> str:
    """Readable text for an entry: '2/3', '−1' for fractions, 4 significant digits for floats."""
    if isinstance(x, Fraction):
        s = str(x)
    else:
        x = 0.0 if x == 0 else x
        s = f"{x:.{digits}g}"
    return s.replace("-", "\u2212")


@dataclass(frozen=True)
class RrefStep:
    """One elementary row operation: what was done and the matrix after it."""

    description: str
    kind: str
    rows: tuple[int, ...]
    matrix: tuple[tuple[Number, ...], ...]


@dataclass(frozen=True)
class RrefResult:
    """Reduced row echelon form, its pivot columns and the steps that lead there."""

    matrix: tuple[tuple[Number, ...], ...]
    pivots: tuple[int, ...]
    steps: tuple[RrefStep, ...]
    exact: bool
    original: tuple[tuple[Number, ...], ...]

    @property
    def rank(self) -> int:
        """Number of pivots."""
        return len(self.pivots)

    def as_array(self) -> np.ndarray:
        """The reduced matrix as a float array."""
        return np.array([[float(v) for v in row] for row in self.matrix], dtype=float)


def _coef_text(f: Number) -> str:
    """'3·', '(2/3)·' or '' for a coefficient magnitude in a row-operation description."""
    if f == 1:
        return ""
    if f == -1:
        return "\u2212"
    s = format_number(f)
    return f"({s})·" if "/" in s or "e" in s else f"{s}·"


def _snapshot(a: list[list[Number]]) -> tuple[tuple[Number, ...], ...]:
    return tuple(tuple(r) for r in a)


def rref(M: object, exact: bool | None = None, rtol: float = DEFAULT_RTOL) -> RrefResult:
    """Gauss–Jordan reduction of a matrix, recording every elementary row operation.

    Parameters
    ----------
    M : matrix-like
        Nested sequences or a 2-D array of numbers, fractions or typed strings.
    exact : bool or None
        None (default) uses exact fractions when every entry is an integer, fraction or simple decimal,
        floats otherwise; True demands exact arithmetic; False forces floats.
    rtol : float
        Float mode only: an entry counts as zero when below ``rtol`` times its row's magnitude
        (row-relative, so badly scaled rows keep their rank).

    Returns
    -------
    RrefResult
        ``matrix`` (the RREF), ``pivots`` (pivot column indices), ``steps`` (each with a description such as
        "R2 ← R2 − 3·R1" and the matrix after it), ``exact`` and ``original``.

    Raises
    ------
    MatrixShapeError
        Empty or ragged input.
    CellError
        A non-finite or unreadable entry, or ``exact=True`` with entries that are not exact.
    """
    rows = as_rows(M)
    exact_rows = None
    if exact is not False:
        conv = [[to_exact(x) for x in r] for r in rows]
        if all(q is not None for r in conv for q in r):
            exact_rows = conv
        elif exact:
            raise CellError("exact row reduction needs integers, fractions or short decimals")
    if exact_rows is not None:
        a: list[list[Number]] = exact_rows  # type: ignore[assignment]
        return _reduce(a, True, rtol)
    return _reduce([[to_float(x) for x in r] for r in rows], False, rtol)


def _reduce(a: list[list[Number]], exact: bool, rtol: float) -> RrefResult:
    """Gauss–Jordan on ``a`` in place: textbook first-non-zero pivots when exact, scaled partial pivoting else."""
    original = _snapshot(a)
    m, n = len(a), len(a[0])
    scale = [max((abs(float(x)) for x in r), default=0.0) for r in a]
    steps: list[RrefStep] = []
    pivots: list[int] = []

    def is_zero(i: int, x: Number) -> bool:
        return x == 0 if exact else abs(x) <= rtol * scale[i]

    r = 0
    for c in range(n):
        if r == m:
            break
        cands = [i for i in range(r, m) if not is_zero(i, a[i][c])]
        if not exact:
            for i in range(r, m):
                if i not in cands:
                    a[i][c] = 0.0
        if not cands:
            continue
        p = cands[0] if exact else max(cands, key=lambda i: abs(a[i][c]) / scale[i])
        if p != r:
            a[r], a[p] = a[p], a[r]
            scale[r], scale[p] = scale[p], scale[r]
            steps.append(RrefStep(f"R{r + 1} ↔ R{p + 1}", "swap", (r, p), _snapshot(a)))
        piv = a[r][c]
        if piv != 1:
            inv = 1 / piv
            a[r] = [x * inv for x in a[r]]
            a[r][c] = Fraction(1) if exact else 1.0
            scale[r] *= abs(float(inv))
            desc = f"R{r + 1} ← {_coef_text(inv)}R{r + 1}"
            steps.append(RrefStep(desc, "scale", (r,), _snapshot(a)))
        for i in range(m):
            if i == r:
                continue
            f = a[i][c]
            if is_zero(i, f):
                if not exact:
                    a[i][c] = 0.0
                continue
            a[i] = [x - f * y for x, y in zip(a[i], a[r], strict=True)]
            a[i][c] = Fraction(0) if exact else 0.0
            if not exact:
                scale[i] = max(scale[i], abs(f) * scale[r])
            sign = "−" if f > 0 else "+"
            desc = f"R{i + 1} ← R{i + 1} {sign} {_coef_text(abs(f))}R{r + 1}"
            steps.append(RrefStep(desc, "add", (i, r), _snapshot(a)))
        pivots.append(c)
        r += 1
    if not exact:
        for i in range(m):
            a[i] = [x if j in pivots or abs(x) > rtol * scale[i] else 0.0 for j, x in enumerate(a[i])]
    return RrefResult(_snapshot(a), tuple(pivots), tuple(steps), exact, original)
