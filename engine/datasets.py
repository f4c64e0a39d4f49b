"""The one CSV reader of the app, and the bundled classic data sets in ``resources/datasets/``.

Every CSV a user opens passes through here: size caps, encoding, delimiter and header detection, and one error type
(:class:`DataError`) whose message names the row (as a spreadsheet numbers it) and column that is wrong.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.i18n import QT_TRANSLATE_NOOP
from engine.resources import resource_path

__all__ = [
    "DataError",
    "CsvTable",
    "MAX_BYTES",
    "MAX_ROWS",
    "MAX_COLUMNS",
    "read_csv_table",
    "read_csv_column",
    "DatasetInfo",
    "DATASETS",
    "list_datasets",
    "load_dataset",
    "dataset_column",
]

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_COLUMNS = 200

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+(?:[eE][+-]?\d+)?")
_NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)
_MISSING = {"", "na", "n/a", "null", "none", "-", "?"}


class DataError(ValueError):
    """A CSV file or text cannot be used; the message says where (row/column) and what to fix."""


@dataclass(frozen=True)
class CsvTable:
    """A parsed CSV: column names and the raw cell text (numbers are parsed per column, on request)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    has_header: bool
    delimiter: str
    decimal_comma: bool = False

    @property
    def n_rows(self) -> int:
        """Number of data rows (header excluded)."""
        return len(self.rows)

    def numeric_columns(self) -> list[str]:
        """Names of the columns whose every non-missing cell is a number."""
        out = []
        for j, name in enumerate(self.header):
            cells = [r[j] for r in self.rows if j < len(r) and r[j].strip().lower() not in _MISSING]
            if cells and all(_parse_number(c, self.decimal_comma) is not None for c in cells):
                out.append(name)
        return out

    def column_index(self, column: str | int | None) -> int:
        """Index of a column given by name, 0-based position or None (the first numeric column)."""
        if column is None:
            numeric = self.numeric_columns()
            if numeric:
                return self.header.index(numeric[0])
            # No clean column: take the first one with any number in it, so the error names the offending row.
            for j in range(len(self.header)):
                if any(j < len(r) and _parse_number(r[j], self.decimal_comma) is not None for r in self.rows):
                    return j
            raise DataError("no column holds numbers; check the separator and the decimal mark")
        if isinstance(column, bool):
            raise DataError(f"column must be a name or a position, got {column!r}")
        if isinstance(column, (int, np.integer)):
            if not 0 <= column < len(self.header):
                raise DataError(f"column {column + 1} does not exist: the file has {len(self.header)} column(s)")
            return int(column)
        if column in self.header:
            return self.header.index(column)
        stripped = [h.strip().lower() for h in self.header]
        if column.strip().lower() in stripped:
            return stripped.index(column.strip().lower())
        raise DataError(f"no column named {column!r}; the columns are {', '.join(map(repr, self.header))}")

    def column(self, column: str | int | None = None, missing: str = "error") -> np.ndarray:
        """The column as finite float64 numbers (DataError naming the first bad row otherwise).

        ``missing="skip"`` drops empty / NA cells instead of refusing them.
        """
        if missing not in ("error", "skip"):
            raise DataError(f"missing must be 'error' or 'skip', got {missing!r}")
        j = self.column_index(column)
        name = self.header[j]
        first_line = 2 if self.has_header else 1
        cells = [r[j] if j < len(r) else "" for r in self.rows]
        if cells and all(_NUMBER.fullmatch(c) for c in cells):
            values = np.array(cells, dtype=np.float64)
            if np.isfinite(values).all():
                return values
        out = []
        for i, cell in enumerate(cells):
            text = cell.strip()
            where = f"row {i + first_line}, column {name!r}"
            if text.lower() in _MISSING:
                if missing == "skip":
                    continue
                raise DataError(f"{where} is empty (a missing value); fill it in or remove the row")
            if _NON_FINITE.fullmatch(text):
                raise DataError(f"{where}: {_show(text)} is not a finite number")
            value = _parse_number(text, self.decimal_comma)
            if value is None:
                raise DataError(f"{where}: {_show(text)} is not a number")
            if not math.isfinite(value):
                raise DataError(f"{where}: {_show(text)} is too large to be a number")
            out.append(value)
        if not out:
            raise DataError(f"column {name!r} has no numbers in it")
        return np.asarray(out, dtype=np.float64)


def _show(text: str) -> str:
    return repr(text if len(text) <= 30 else text[:30] + "…")


def _parse_number(text: str, decimal_comma: bool) -> float | None:
    t = text.strip()
    if _NUMBER.fullmatch(t):
        return float(t)
    if decimal_comma and _DECIMAL_COMMA.fullmatch(t):
        return float(t.replace(",", "."))
    return None


def _read_source(path_or_text: str | os.PathLike[str]) -> tuple[str, str]:
    """Return (text, where) from a path or literal CSV text; ``where`` names the source in messages."""
    if isinstance(path_or_text, (bytes, bytearray)):
        raw = bytes(path_or_text)
        if len(raw) > MAX_BYTES:
            raise DataError(f"the data is {len(raw) / 1e6:.1f} MB; at most {MAX_BYTES // (1024 * 1024)} MB is allowed")
        return _decode(raw, "the data"), "the data"
    if isinstance(path_or_text, os.PathLike) or (
        isinstance(path_or_text, str)
        and "\n" not in path_or_text
        and len(path_or_text) < 4096
        and (path_or_text.lower().endswith((".csv", ".txt", ".tsv")) or _is_file(path_or_text))
    ):
        path = Path(path_or_text)
        where = path.name
        try:
            if path.is_dir():
                raise DataError(f"{where} is a folder, not a file")
            size = path.stat().st_size
            if not path.is_file():
                raise DataError(f"{where} is not a file")
            if size > MAX_BYTES:
                raise DataError(
                    f"{where} is {size / 1e6:.1f} MB; at most {MAX_BYTES // (1024 * 1024)} MB can be loaded"
                )
            raw = path.read_bytes()
        except FileNotFoundError:
            raise DataError(f"{where}: file not found ({path})") from None
        except PermissionError:
            raise DataError(f"{where}: permission denied") from None
        except IsADirectoryError:
            raise DataError(f"{where} is a folder, not a file") from None
        except OSError as exc:
            raise DataError(f"{where} cannot be read: {exc.strerror or exc}") from None
        if len(raw) > MAX_BYTES:
            raise DataError(f"{where} is larger than {MAX_BYTES // (1024 * 1024)} MB")
        return _decode(raw, where), where
    if not isinstance(path_or_text, str):
        raise DataError(f"expected a file path or CSV text, got {type(path_or_text).__name__}")
    if len(path_or_text) > MAX_BYTES:
        raise DataError(f"the text is too long; at most {MAX_BYTES // (1024 * 1024)} MB is allowed")
    return path_or_text, "the data"


def _is_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _decode(raw: bytes, where: str) -> str:
    if b"\x00" in raw[:8192]:
        raise DataError(f"{where} is not a text file (it contains binary data); save it as CSV")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _sniff_delimiter(lines: list[str]) -> str:
    """Pick the delimiter that splits the first lines into the same, largest number of fields."""
    best, best_score = ",", (-1, -1)
    for d in (",", ";", "\t", "|"):
        counts = [len(next(csv.reader([ln], delimiter=d))) for ln in lines if ln.strip()]
        if not counts:
            continue
        consistent = sum(1 for c in counts if c == counts[0])
        score = (consistent if counts[0] > 1 else 0, counts[0])
        if score > best_score:
            best, best_score = d, score
    return best


def read_csv_table(path_or_text: str | os.PathLike[str] | bytes, *, header: bool | None = None) -> CsvTable:
    """Parse a CSV file or text safely (≤ 5 MB, ≤ 1 000 000 rows, ≤ 200 columns).

    Parameters
    ----------
    path_or_text : str, path-like or bytes
        A file path (``Path``, or a one-line string naming an existing file / ending in .csv/.tsv/.txt) or CSV text.
        Delimiters ``,`` ``;`` tab and ``|`` are detected; with ``;`` a decimal comma (``1,5``) is understood.
    header : bool, optional
        Whether the first row holds column names; detected when None (a first row with a non-number cell).

    Returns
    -------
    CsvTable
        Column names (``column 1`` … when there is no header) and cell text.

    Raises
    ------
    DataError
        Empty input, too large, binary, ragged rows (naming the row), duplicate column names.
    """
    text, where = _read_source(path_or_text)
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    lines = [ln for ln in lines if not ln.lstrip().startswith("#")]
    if not any(ln.strip() for ln in lines):
        raise DataError(f"{where} is empty: there are no rows to read")
    if len(lines) > MAX_ROWS + 1:
        raise DataError(f"{where} has {len(lines):,} rows; at most {MAX_ROWS:,} can be loaded")
    delimiter = _sniff_delimiter(lines[:20])
    try:
        parsed = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter, strict=False))
    except csv.Error as exc:
        raise DataError(f"{where} is not valid CSV: {exc}") from None
    parsed = [r for r in parsed if any(c.strip() for c in r)]
    if not parsed:
        raise DataError(f"{where} holds only separators: there are no values to read")
    width = len(parsed[0])
    if width > MAX_COLUMNS:
        raise DataError(f"{where} has {width} columns; at most {MAX_COLUMNS} are supported")
    decimal_comma = delimiter == ";"
    if header is None:
        header = any(_parse_number(c, decimal_comma) is None and c.strip().lower() not in _MISSING for c in parsed[0])
    names: list[str]
    if header:
        names = [c.strip() or f"column {j + 1}" for j, c in enumerate(parsed[0])]
        body = parsed[1:]
        seen: set[str] = set()
        for n in names:
            if n in seen:
                raise DataError(f"{where}: two columns are both called {n!r}; rename one")
            seen.add(n)
    else:
        names = [f"column {j + 1}" for j in range(width)]
        body = parsed
    first = 2 if header else 1
    rows = []
    for i, r in enumerate(body):
        if len(r) != width:
            # A trailing delimiter adds one empty cell; accept that, refuse real mismatches.
            if len(r) == width + 1 and not r[-1].strip():
                r = r[:-1]
            elif len(r) < width and all(not c.strip() for c in r[len(r) :]):
                r = r + [""] * (width - len(r))
            else:
                raise DataError(
                    f"{where}: row {i + first} has {len(r)} field(s) but the {'header' if header else 'first row'} "
                    f"has {width}; check the separators on that row"
                )
        rows.append(tuple(r))
    if not rows:
        raise DataError(f"{where} has a header but no data rows")
    return CsvTable(tuple(names), tuple(rows), bool(header), delimiter, decimal_comma)


def read_csv_column(
    path_or_text: str | os.PathLike[str] | bytes,
    column: str | int | None = None,
    *,
    missing: str = "error",
    header: bool | None = None,
) -> np.ndarray:
    """Read one numeric column of a CSV file or text.

    Parameters
    ----------
    path_or_text : str, path-like or bytes
        File path or CSV text (see :func:`read_csv_table`).
    column : str, int or None
        Column name, 0-based position, or None for the first all-numeric column.
    missing : {"error", "skip"}
        Refuse empty/NA cells (naming the row) or drop them.
    header : bool, optional
        Force header detection on or off.

    Returns
    -------
    numpy.ndarray
        Finite float64 values, at least one.

    Raises
    ------
    DataError
        Naming the file, row and column of the first problem (text, NaN, infinity, empty cell, unknown column).
    """
    return read_csv_table(path_or_text, header=header).column(column, missing=missing)


@dataclass(frozen=True)
class DatasetInfo:
    """A bundled data set: file under resources/datasets, title, suggested column and what it shows."""

    name: str
    filename: str
    title: str
    column: str
    description: str


DATASETS: dict[str, DatasetInfo] = {
    d.name: d
    for d in (
        DatasetInfo("anscombe", "anscombe.csv", QT_TRANSLATE_NOOP("datasets", "Anscombe's quartet"), "y1",
                    "Four x–y sets with the same means, variances, correlation and regression line (Anscombe 1973)."),
        DatasetInfo("horse_kicks", "horse_kicks.csv",
                    QT_TRANSLATE_NOOP("datasets", "Prussian horse-kick deaths"), "deaths",
                    "Deaths by horse kick per corps per year, 200 corps-years (Bortkiewicz 1898): Poisson data."),
        DatasetInfo("sleep", "sleep.csv", QT_TRANSLATE_NOOP("datasets", "Student's sleep data"), "extra",
                    "Extra hours of sleep with two drugs, 10 patients (Cushny & Peebles 1905; Student 1908)."),
        DatasetInfo("zea_mays", "zea_mays.csv", QT_TRANSLATE_NOOP("datasets", "Darwin's maize plants"), "cross",
                    "Heights (inches) of 15 pairs of cross- and self-fertilised plants (Darwin 1876; Fisher 1935)."),
        DatasetInfo("mendel_peas", "mendel_peas.csv", QT_TRANSLATE_NOOP("datasets", "Mendel's peas"), "observed",
                    "Counts of the four seed types in Mendel's dihybrid cross; expected ratio 9:3:3:1."),
    )
}  # fmt: skip


def list_datasets() -> list[DatasetInfo]:
    """The bundled data sets, in display order."""
    return list(DATASETS.values())


def load_dataset(name: str) -> CsvTable:
    """Parse a bundled data set.

    Parameters
    ----------
    name : str
        Key in :data:`DATASETS`, e.g. ``"anscombe"``.

    Returns
    -------
    CsvTable
        The table.
    """
    info = DATASETS.get(name)
    if info is None:
        raise DataError(f"no bundled data set {name!r}; choose one of {', '.join(DATASETS)}")
    return read_csv_table(resource_path(f"datasets/{info.filename}"))


def dataset_column(name: str, column: str | None = None) -> np.ndarray:
    """One numeric column of a bundled data set (its suggested column by default).

    Parameters
    ----------
    name : str
        Key in :data:`DATASETS`.
    column : str, optional
        Column name; default is the data set's suggested column.

    Returns
    -------
    numpy.ndarray
        The values.
    """
    table = load_dataset(name)
    return table.column(column or DATASETS[name].column)
