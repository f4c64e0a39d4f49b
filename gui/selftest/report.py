"""The self-test's report: one PASS/FAIL/SKIP line per check, and the exception that marks a skip."""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["SkipCheck", "SelfTestReport"]


class SkipCheck(Exception):  # noqa: N818 - a skip, not an error
    """A check that cannot run here (e.g. a lab not built yet); reported, but not a failure."""


class SelfTestReport:
    """Runs named checks, prints ``PASS/FAIL/SKIP name: detail`` as each ends, and counts failures."""

    def __init__(self, out=None) -> None:
        self.out = out or sys.stdout
        self.lines: list[tuple[str, str, str]] = []
        self._slot_errors: list[str] = []

    def slot_error(self, text: str) -> None:
        """An exception raised inside a Qt slot during a check (Qt swallows it; we fail the check)."""
        self._slot_errors.append(text)

    def record(self, status: str, name: str, detail: str = "") -> None:
        self.lines.append((status, name, detail))
        print(f"{status:<4}  {name}" + (f": {detail}" if detail else ""), file=self.out, flush=True)

    def run(self, name: str, fn: Callable[[], Any]) -> Any:
        """Run ``fn``; its return value (a string) is the PASS detail. Exceptions become FAIL lines."""
        self._slot_errors.clear()
        t0 = time.perf_counter()
        try:
            result = fn()
        except SkipCheck as skip:
            self.record("SKIP", name, str(skip))
            return None
        except Exception as exc:  # a self-test reports every failure instead of stopping at the first
            where = traceback.extract_tb(exc.__traceback__)[-1]
            self.record("FAIL", name, f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})")
            return None
        ms = (time.perf_counter() - t0) * 1000
        if self._slot_errors:
            self.record("FAIL", name, "exception in a Qt slot: " + self._slot_errors[0].strip().splitlines()[-1])
            return None
        detail = result if isinstance(result, str) else ""
        self.record("PASS", name, f"{detail} ({ms:.0f} ms)" if detail else f"{ms:.0f} ms")
        return result

    def failures(self) -> list[tuple[str, str, str]]:
        return [line for line in self.lines if line[0] == "FAIL"]

    def summary(self) -> int:
        """Print the totals; 0 when nothing failed."""
        counts = {s: sum(1 for line in self.lines if line[0] == s) for s in ("PASS", "FAIL", "SKIP")}
        print(
            f"\nself-test: {counts['PASS']} passed, {counts['FAIL']} failed, {counts['SKIP']} skipped",
            file=self.out,
            flush=True,
        )
        for _status, name, detail in self.failures():
            print(f"  FAILED {name}: {detail}", file=self.out, flush=True)
        return 1 if counts["FAIL"] else 0
