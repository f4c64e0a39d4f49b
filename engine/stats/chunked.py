"""Passes over large samples in slices: 10 million draws are 80 MB, and every full-size temporary costs as much again.

:class:`Observations` checks a sample once and keeps what the maximum-likelihood tab asks of it again and again (its
minimum, maximum, mean, moments, exact counts of whole numbers, 4096-bin histogram, order statistics), so the fit, the
method of moments, the log-likelihood curves and the contour share one set of passes. Every pass reads ``CHUNK`` values
at a time; the results equal numpy's whole-array ones exactly (counts, extremes, order statistics, percentiles) or to
rounding (sums: ~1e-15 relative).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from engine.stats.order_stats import order_statistics, quantiles
from engine.stats.samples import as_data

__all__ = ["CHUNK", "COMPRESS_ABOVE", "COMPRESS_BINS", "Observations", "observations"]

CHUNK = 1 << 16  # 512 kB of float64: numpy's per-call overhead is still small, scipy's temporaries stay ~3 MB
COMPRESS_ABOVE = 20_000
COMPRESS_BINS = 4096
_DIRECT_COUNTS = 1 << 18  # whole numbers spanning at most this many values are tallied (a 2 MB tally) by bincount


class Observations:
    """Finite observations checked once, with the passes over them done once and kept (read-only afterwards)."""

    def __init__(self, x: np.ndarray, chunk: int = CHUNK) -> None:
        self.x = x
        self.n = int(x.size)
        self.chunk = int(chunk)
        self._kept: dict[Any, Any] = {}

    def parts(self) -> Iterator[tuple[int, np.ndarray]]:
        """``(start, view)`` for consecutive slices of ``chunk`` values (views: no copies)."""
        for start in range(0, self.n, self.chunk):
            yield start, self.x[start : start + self.chunk]

    def kept(self, key: Any, make: Callable[[], Any]) -> Any:
        """``make()`` the first time ``key`` is asked for, the kept value afterwards."""
        if key not in self._kept:
            self._kept[key] = make()
        return self._kept[key]

    def first(self, test: Callable[[np.ndarray], np.ndarray]) -> int:
        """Index of the first value where the boolean ``test`` holds, or -1 (one slice at a time)."""
        for start, part in self.parts():
            hit = test(part)
            if hit.any():
                return start + int(np.argmax(hit))
        return -1

    def lo(self) -> float:
        """The smallest value."""
        return self.kept("lo", lambda: float(self.x.min()))

    def hi(self) -> float:
        """The largest value."""
        return self.kept("hi", lambda: float(self.x.max()))

    def mean(self) -> float:
        """``x.mean()`` itself (numpy's pairwise sum needs no temporary)."""
        return self.kept("mean", lambda: float(self.x.mean()))

    def total(self, term: Callable[[np.ndarray], np.ndarray], key: Any = None) -> float:
        """Σ term(x) summed slice by slice (kept under ``key`` when one is given)."""

        def make() -> float:
            return math.fsum(float(np.sum(term(part))) for _, part in self.parts())

        return make() if key is None else self.kept(key, make)

    def central(self, power: int, scale: float = 1.0) -> float:
        """Σ ((x − mean) / scale) ** power / N, slice by slice."""
        m = self.mean()

        def make() -> float:
            s = 0.0
            for _, part in self.parts():
                dev = part - m
                if scale != 1.0:
                    dev /= scale
                out = dev * dev
                for _ in range(power - 2):
                    out *= dev
                s += float(out.sum())
            return s / self.n

        return self.kept(("central", power, scale), make)

    def var(self) -> float:
        """``x.var()`` (divide by N) without the full-size ``x − mean``."""
        return self.central(2)

    def whole(self) -> bool:
        """Whether every value is a whole number."""
        return self.kept("whole", lambda: self.first(lambda p: p != np.round(p)) < 0)

    def counts(self) -> tuple[np.ndarray, np.ndarray]:
        """Distinct values and how often each occurs, as ``np.unique(x, return_counts=True)`` gives them."""
        return self.kept("counts", self._counts)

    def _counts(self) -> tuple[np.ndarray, np.ndarray]:
        if self.n <= self.chunk:
            return np.unique(self.x, return_counts=True)
        lo, hi = self.lo(), self.hi()
        if self.whole() and hi - lo < _DIRECT_COUNTS:
            tally = np.zeros(int(hi - lo) + 1, dtype=np.int64)
            for _, part in self.parts():
                got = np.bincount((part - lo).astype(np.int64))
                tally[: got.size] += got
            seen = np.nonzero(tally)[0]
            return lo + seen.astype(np.float64), tally[seen]
        values, counts = [], []
        for _, part in self.parts():
            v, c = np.unique(part, return_counts=True)
            values.append(v)
            counts.append(c)
        merged, where = np.unique(np.concatenate(values), return_inverse=True)
        return merged, np.bincount(where, weights=np.concatenate(counts)).astype(np.int64)

    def binned(self) -> tuple[np.ndarray, np.ndarray]:
        """Centres and counts of the non-empty bins of ``np.histogram(x, 4096)`` (numpy bins in 65 536-value blocks)."""

        def make() -> tuple[np.ndarray, np.ndarray]:
            counts, edges = np.histogram(self.x, bins=COMPRESS_BINS)
            keep = counts > 0
            centres = 0.5 * (edges[:-1] + edges[1:])
            return centres[keep], counts[keep].astype(np.float64)

        return self.kept("binned", make)

    def order_stats(self, ranks: list[int]) -> list[float]:
        """The values at 0-based positions ``ranks`` of the sorted sample, exactly, without sorting a copy of it."""
        if self.n <= self.chunk:
            part = np.partition(self.x, ranks)
            return [float(part[r]) for r in ranks]
        return [float(v) for v in order_statistics(self.x, np.asarray(ranks, dtype=np.int64))]

    def percentiles(self, q: list[float]) -> list[float]:
        """``np.percentile(x, q)`` (linear method) bit for bit, from exact order statistics."""
        if self.n <= self.chunk:
            return [float(v) for v in np.percentile(self.x, q)]
        return [float(v) for v in quantiles(self.x, np.true_divide(np.asarray(q, dtype=np.float64), 100))]

    def median(self) -> float:
        """``np.median(x)`` exactly."""

        def make() -> float:
            if self.n <= self.chunk:
                return float(np.median(self.x))
            half = self.n // 2
            if self.n % 2:
                return self.order_stats([half])[0]
            return float(np.mean(np.array(self.order_stats([half - 1, half]))))

        return self.kept("median", make)


def observations(data: Any, chunk: int = CHUNK) -> Observations:
    """The data as checked :class:`Observations` (returned as is when already one); StatsError for unusable data."""
    if isinstance(data, Observations):
        return data
    return Observations(as_data(data, "the data"), chunk)  # the one check every statistic uses: named bad entry
