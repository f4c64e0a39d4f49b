"""Exact order statistics and quantiles of millions of values, read in small chunks instead of sorting a copy.

``np.quantile`` copies and partitions the whole array: 80 MB more for 10⁷ draws, which breaks the app's memory budget
(issue 13). Here a few chunked passes narrow each wanted rank down. Pass 0 counts the values in ``counters``
equal-width buckets over the middle of a small sample (plus one bucket for each tail) and notes each bucket's smallest
and largest value. Each later pass splits only the buckets holding a wanted rank, in key space (every float64 mapped
to a 64-bit integer with the same order, so heavy tails and values near ±1e308 split as evenly as a normal sample),
giving fuller buckets more pieces, and copies out the values of pieces small enough to sort. A piece whose smallest and
largest values agree (0/1 draws, counts) is settled without copying anything. Working memory is a few counter arrays,
one chunk and the copied-out values, small fractions of the input (``tests/engine/test_order_stats.py`` bounds it);
the answer is numpy's, bit for bit: 2 to 3 passes for 10⁷ normal, Cauchy, Poisson or 0/1 draws.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.stats.registry import StatsError

__all__ = ["order_statistics", "quantiles"]

_LOW63 = np.int64(0x7FFF_FFFF_FFFF_FFFF)
_IGNORE, _GATHER = -1, -2


def quantiles(
    values: Any, probs: Any, *, chunk: int | None = None, counters: int | None = None, gather: int | None = None
) -> np.ndarray:
    """``np.quantile(values, probs)`` (its default 'linear' method), bit for bit, without copying ``values``.

    Parameters
    ----------
    values : array_like
        Finite numbers (flattened); float64 arrays are read in place.
    probs : array_like
        Probabilities in [0, 1], any shape.
    chunk, counters, gather : int, optional
        Working-memory knobs (values read at a time, bucket counters per pass, values copied out to sort); the
        defaults scale with the input's size. Tests shrink them to drive the multi-pass path on small arrays.

    Returns
    -------
    numpy.ndarray
        The quantiles, shaped like ``probs`` (a 0-d array for a scalar probability).
    """
    p = np.asarray(probs, dtype=np.float64)
    if p.size and not (np.all(p >= 0.0) and np.all(p <= 1.0)):  # also refuses nan
        raise StatsError("quantile probabilities must lie between 0 and 1")
    x, lo, hi = _as_values(values)
    n = x.size
    h = (n - 1) * p.reshape(-1)  # numpy's virtual index for the 'linear' method
    lower = np.floor(h)
    top = h >= n - 1
    lower[top] = -1  # as numpy: the last value on both sides, and gamma measured from index -1
    gamma = h - lower
    below = np.where(top, n - 1, lower).astype(np.int64)
    above = np.where(top, n - 1, below + 1)
    ranks = np.unique(np.concatenate([below, above]))
    found = _select(x, lo, hi, ranks, _Sizes.for_n(n, chunk, counters, gather))
    a = found[np.searchsorted(ranks, below)]
    b = found[np.searchsorted(ranks, above)]
    diff = b - a  # numpy's _lerp, operation for operation, so the result is identical
    out = np.add(a, diff * gamma)
    np.subtract(b, diff * (1 - gamma), out=out, where=gamma >= 0.5)
    return out.reshape(p.shape)


def order_statistics(
    values: Any, ranks: Any, *, chunk: int | None = None, counters: int | None = None, gather: int | None = None
) -> np.ndarray:
    """The values at 0-based positions ``ranks`` of ``np.sort(values)``, found in chunked passes without sorting a copy.

    Parameters
    ----------
    values : array_like
        Finite numbers (flattened); float64 arrays are read in place.
    ranks : array_like of int
        Positions 0 … N − 1 in the sorted order (any order, repeats allowed).
    chunk, counters, gather : int, optional
        Working-memory knobs, as in :func:`quantiles`.

    Returns
    -------
    numpy.ndarray
        float64 values shaped like ``ranks``.
    """
    x, lo, hi = _as_values(values)
    n = x.size
    r = np.asarray(ranks)
    if r.size and (r.dtype.kind not in "iu" or int(r.min()) < 0 or int(r.max()) >= n):
        raise StatsError(f"ranks must be whole numbers from 0 to {n - 1}")
    wanted = np.unique(r.astype(np.int64).reshape(-1))
    found = _select(x, lo, hi, wanted, _Sizes.for_n(n, chunk, counters, gather))
    return found[np.searchsorted(wanted, r)]


def _as_values(values: Any) -> tuple[np.ndarray, float, float]:
    """A non-empty 1-D float64 array of finite numbers, with its min and max (they reveal nan/inf without a mask)."""
    try:
        x = np.asarray(values, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        raise StatsError("the sample must be numbers") from None
    if x.size == 0:
        raise StatsError("the sample is empty: it has no quantiles")
    lo, hi = float(x.min()), float(x.max())
    if not (math.isfinite(lo) and math.isfinite(hi)):
        raise StatsError("the sample contains non-finite values")
    return x, lo, hi


def _select(x: np.ndarray, lo: float, hi: float, wanted: np.ndarray, sizes: _Sizes) -> np.ndarray:
    """Values of the sorted, unique ranks ``wanted`` of ``x`` (whose min and max are ``lo`` and ``hi``)."""
    if lo == hi or wanted.size == 0:
        return np.full(wanted.size, lo)
    return _to_float(_Select(x, lo, hi, sizes).run(wanted))


def _keys(v: np.ndarray) -> np.ndarray:
    """Signed 64-bit keys ordered like the float64 values (a negative float has its magnitude bits flipped)."""
    bits = v.view(np.int64)
    out = bits >> 63
    out &= _LOW63
    out ^= bits
    return out


def _to_float(keys: np.ndarray) -> np.ndarray:
    """Inverse of :func:`_keys` (the flip is its own inverse)."""
    k = np.asarray(keys, dtype=np.int64)
    return (k ^ ((k >> 63) & _LOW63)).view(np.float64)


def _pow2_at_most(v: int) -> int:
    return 1 << max(0, int(v).bit_length() - 1)


@dataclass(frozen=True)
class _Sizes:
    """Values read per chunk, counters per pass, values that may be copied out to sort (all ≪ N for large N)."""

    chunk: int
    counters: int
    gather: int

    @classmethod
    def for_n(cls, n: int, chunk: int | None, counters: int | None, gather: int | None) -> _Sizes:
        """Defaults scaled to ``n``: about 1/256, 1/64 and 1/64 of it (floors for small inputs, caps for large)."""
        c = chunk or min(1 << 16, max(1 << 12, _pow2_at_most(n >> 8)))
        m = counters or min(1 << 16, max(1 << 10, _pow2_at_most(n >> 6)))
        g = gather if gather is not None else max(1 << 12, n >> 6)
        return cls(max(1, int(c)), max(2, int(m)), max(0, int(g)))


@dataclass
class _Level:
    """Key-range nodes counted in one pass: node i holds offsets [start, start + width), counted in pieces aligned on
    multiples of 2**shift (so a piece is one shift and one add away: ``(u >> shift) + lead``)."""

    start: np.ndarray  # uint64 offsets from the smallest key
    width: np.ndarray  # uint64 keys in the node
    shift: np.ndarray  # uint64 log2 of a piece's width
    lead: np.ndarray  # int64 first counter minus (start >> shift); wraps like the uint64 it is added to
    offset: np.ndarray  # int64 values below the node
    size: int  # counters in all
    table: np.ndarray | None = None  # int32 per counter once counted: next node, _IGNORE or _GATHER

    def index(self, u: np.ndarray, node: np.ndarray | None) -> np.ndarray:
        """Counter of each offset ``u`` lying in node ``node`` (None: the only node)."""
        if node is None:
            idx = (u >> self.shift[0]).view(np.int64)
            return idx + self.lead[0]
        idx = (u >> self.shift[node]).view(np.int64)
        idx += self.lead[node]
        return idx

    def pieces(self) -> np.ndarray:
        """Counters of each node."""
        return np.diff(np.append(self.first(), self.size))

    def first(self) -> np.ndarray:
        """Each node's first counter."""
        return self.lead + (self.start >> self.shift).view(np.int64)


@dataclass
class _Root:
    """The first pass's buckets, in value space: equal widths over the middle 96 % of a sample, and one bucket each
    for the values below and above (so heavy tails do not crowd the bulk into one bucket; a 2 % trim measured best
    for normal, Cauchy, t₂, exponential and log-normal draws)."""

    low: float  # window start, halved (halves keep every difference finite, even between ±1e308)
    scale: float
    size: int
    table: np.ndarray | None = None

    @classmethod
    def for_sample(cls, x: np.ndarray, lo: float, hi: float, size: int) -> _Root | None:
        """Buckets fitted to a systematic sample of ``x`` (None when no window has a finite scale: tiny ranges)."""
        if size < 4:
            return None
        sample = np.sort(x[:: max(1, x.size // 4096)])
        m = sample.size
        for wl, wh in ((float(sample[m // 50]), float(sample[m - 1 - m // 50])), (lo, hi)):
            span = wh * 0.5 - wl * 0.5
            with np.errstate(over="ignore", divide="ignore"):
                scale = float(np.float64(size - 2) / np.float64(span)) if span > 0 else math.inf
            if math.isfinite(scale):
                return cls(wl * 0.5, scale, size)
        return None

    def index(self, v: np.ndarray) -> np.ndarray:
        """Bucket of each value: a monotone map (so a bucket holds consecutive values), clipped before any overflow."""
        t = v * 0.5
        t -= self.low
        with np.errstate(over="ignore"):  # far outside the window (±1e308 beside 1e-300): ±inf, clipped just below
            t *= self.scale
        t += 1.0
        np.clip(t, 0.0, self.size - 1.0, out=t)
        np.floor(t, out=t)
        return t.astype(np.int64)


def _bit_length(v: np.ndarray) -> np.ndarray:
    """Bits needed for each uint64 (0 for 0), exactly (a float conversion would round near powers of two)."""
    out = np.zeros(v.shape, np.uint64)
    for step in (32, 16, 8, 4, 2, 1):
        big = (v >> (out + np.uint64(step))) != 0
        out[big] += np.uint64(step)
    return (out + (v != 0)).astype(np.int64)


class _Select:
    """Chunked multi-pass selection of wanted ranks among the keys of ``x``, handled as offsets u from the smallest."""

    def __init__(self, x: np.ndarray, lo: float, hi: float, sizes: _Sizes) -> None:
        self.x, self.n, self.sizes = x, x.size, sizes
        self.lo_key = self._key(lo, low=True)
        self.lo_u = np.uint64(self.lo_key % (1 << 64))
        self.span = self._key(hi, low=False) - self.lo_key  # offsets run 0 … span
        self.room = sizes.gather  # values that may still be copied out
        self.root = _Root.for_sample(x, lo, hi, sizes.counters)
        self.found: list[tuple[np.ndarray, np.ndarray]] = []  # (ranks, offsets u) settled without sorting
        self.planned: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (ranks, piece start u, values below it)
        self.copies: list[np.ndarray] = []
        self.copy = np.empty(0, np.uint64)
        self.filled = 0

    @staticmethod
    def _key(v: float, low: bool) -> int:
        """Key of a range end; a zero end covers both signs of zero (−0.0 sorts level with 0.0 but keys lower)."""
        if v == 0.0:
            return -1 if low else 0
        return int(_keys(np.array([v]))[0])

    def run(self, wanted: np.ndarray) -> np.ndarray:
        """Signed keys of the wanted ranks (sorted, unique)."""
        if self.n <= self.sizes.gather:  # small enough to sort outright
            return np.sort(_keys(self.x))[wanted]
        pending, nodes = wanted, np.zeros(wanted.size, np.int64)
        levels: list[_Level] = []
        counting: _Level | _Root | None = self.root
        if counting is None:  # one node over every key
            counting = self._level(np.zeros(1, np.uint64), np.array([self.span + 1], np.uint64),
                                   np.zeros(1, np.int64), np.array([self.n]))  # fmt: skip
        while counting is not None or self.copy.size:
            tallies = self._pass(levels, counting)
            for table in [t.table for t in (self.root, *levels) if t is not None and t.table is not None]:
                table[table == _GATHER] = _IGNORE  # copied out in the pass just made
            if self.copy.size:
                self.copies.append(self.copy)
                self.copy, self.filled = np.empty(0, np.uint64), 0
            if counting is None:
                break
            if isinstance(counting, _Root):
                counting, pending, nodes = self._split_root(tallies, pending)
            else:
                levels.append(counting)
                counting, pending, nodes = self._split(counting, tallies, pending)
        return self._answer(wanted)

    def _offsets(self, v: np.ndarray) -> np.ndarray:
        u = _keys(v).view(np.uint64)
        u -= self.lo_u
        return u

    def _pass(self, levels: list[_Level], counting: _Level | _Root | None) -> list[np.ndarray | None]:
        """One read of the data: count ``counting``'s pieces and copy out the values of pieces marked _GATHER.

        Returns [counts, smallest, largest] (values in the value-space root, offsets u in a level), as a list the split
        empties so that the counters are freed before the next level is built.
        """
        counts = low = high = None
        if counting is not None:
            counts = np.zeros(counting.size, np.int64)
        if isinstance(counting, _Root):
            low, high = np.full(counting.size, np.inf), np.full(counting.size, -np.inf)
        elif counting is not None:  # extremes of each piece: tight ranges, and a piece of one repeated value is seen
            low, high = np.full(counting.size, np.iinfo(np.uint64).max, np.uint64), np.zeros(counting.size, np.uint64)
        chain = levels + ([counting] if isinstance(counting, _Level) else [])
        copying = bool(self.copy.size)
        root = self.root
        for begin in range(0, self.n, self.sizes.chunk):
            v = np.ascontiguousarray(self.x[begin : begin + self.sizes.chunk])
            node = None
            if root is not None:
                idx = root.index(v)
                if counting is root:
                    counts += np.bincount(idx, minlength=root.size)
                    np.minimum.at(low, idx, v)
                    np.maximum.at(high, idx, v)
                    continue
                code = root.table[idx]
                if copying and not levels:
                    self._keep(self._offsets(v[code == _GATHER]))
                if not chain:
                    continue
                keep = code >= 0
                if not keep.all():
                    v, code = v[keep], code[keep]
                node = code
            u = self._offsets(v)
            for level in chain:
                idx = level.index(u, node)
                if level is counting:
                    counts += np.bincount(idx, minlength=level.size)
                    np.minimum.at(low, idx, u)
                    np.maximum.at(high, idx, u)
                    break
                code = level.table[idx]
                if copying and level is levels[-1]:
                    self._keep(u[code == _GATHER])
                    if counting is None:
                        break
                keep = code >= 0
                if not keep.all():
                    u, code = u[keep], code[keep]
                node = code
        return [counts, low, high]

    def _keep(self, u: np.ndarray) -> None:
        """Append copied-out offsets to this pass's preallocated copy."""
        self.copy[self.filled : self.filled + u.size] = u
        self.filled += u.size

    def _level(self, start: np.ndarray, width: np.ndarray, offset: np.ndarray, count: np.ndarray) -> _Level:
        """Nodes to count next, with counters shared out by how many values each holds (at least two pieces each)."""
        share = count * (self.sizes.counters / max(1, int(count.sum())))
        want = np.floor(np.log2(np.maximum(share, 2.0))).astype(np.int64)  # log2 of the pieces aimed at
        bits = _bit_length(width - np.uint64(1))
        shift = np.clip(bits - want, 0, np.maximum(bits - 1, 0)).astype(np.uint64)
        first = (start >> shift).view(np.int64)
        pieces = ((start + (width - np.uint64(1))) >> shift).view(np.int64) - first + 1
        base = np.concatenate([[0], np.cumsum(pieces)[:-1]]).astype(np.int64)
        return _Level(start, width, shift, base - first, offset.astype(np.int64), int(pieces.sum()))

    def _split_root(
        self, tallies: list[np.ndarray | None], pending: np.ndarray
    ) -> tuple[_Level | None, np.ndarray, np.ndarray]:
        """After the first pass: each wanted rank's bucket, as the key range from its smallest to its largest value."""
        ends, low, high = tallies
        tallies.clear()
        np.cumsum(ends, out=ends)
        piece = np.searchsorted(ends, pending, side="right")
        needed, which = np.unique(piece, return_inverse=True)
        off = np.where(needed > 0, ends[needed - 1], 0)
        cnt = ends[needed] - off
        small, large = low[needed], high[needed]
        del ends, low, high
        start, stop = _keys(small), _keys(large)
        one = small == large  # a bucket whose extremes agree holds one value (0/1 draws, counts): settled now
        start[(small == 0.0) & ~one] = -1  # a zero end covers both signs of zero (−0.0 keys lower than 0.0)
        start[(small == 0.0) & one] = 0
        stop[large == 0.0] = 0
        start -= self.lo_key
        stop -= self.lo_key
        self.root.table = np.full(self.root.size, _IGNORE, np.int32)
        start_u, width = start.view(np.uint64), (stop - start).view(np.uint64) + np.uint64(1)
        return self._decide(self.root.table, needed, cnt, off, start_u, width, pending, which)

    def _split(
        self, level: _Level, tallies: list[np.ndarray | None], pending: np.ndarray
    ) -> tuple[_Level | None, np.ndarray, np.ndarray]:
        """After counting ``level``: the piece of each still-open wanted rank."""
        ends, low, high = tallies
        tallies.clear()
        first = level.first()
        np.cumsum(ends, out=ends)
        before = np.concatenate([[0], ends[first[1:] - 1]])  # running count before each node's first counter
        ends += np.repeat(level.offset - before, level.pieces())  # values up to each piece's end, in the whole sample
        piece = np.searchsorted(ends, pending, side="right")
        needed, which = np.unique(piece, return_inverse=True)
        node = np.searchsorted(first, needed, side="right") - 1
        off = np.where(needed > first[node], ends[needed - 1], level.offset[node])
        cnt = ends[needed] - off
        start = low[needed]
        width = high[needed] - start + np.uint64(1)
        del ends, low, high
        level.table = np.full(level.size, _IGNORE, np.int32)
        level.start = level.width = level.offset = level.offset[:0]  # routing needs only shift, lead and table now
        return self._decide(level.table, needed, cnt, off, start, width, pending, which)

    def _decide(
        self, table: np.ndarray, needed: np.ndarray, cnt: np.ndarray, off: np.ndarray, start: np.ndarray,
        width: np.ndarray, pending: np.ndarray, which: np.ndarray,
    ) -> tuple[_Level | None, np.ndarray, np.ndarray]:  # fmt: skip
        """Settle the wanted ranks in one-key pieces, copy out the pieces that fit the budget, split the others."""
        one_key = width == 1
        self._settle(pending[one_key[which]], start[which[one_key[which]]])
        open_ = np.flatnonzero(~one_key)
        copy = np.zeros(needed.size, bool)
        if int(cnt[open_].sum()) <= self.room:
            copy[open_] = True
        else:  # a fair share each; bigger pieces are split again
            copy[open_[cnt[open_] <= self.room // max(1, open_.size)]] = True
        split = ~one_key & ~copy
        if copy.any():
            total = int(cnt[copy].sum())
            self.room -= total
            self.copy, self.filled = np.empty(total, np.uint64), 0
            table[needed[copy]] = _GATHER
            mine = copy[which]
            self.planned.append((pending[mine], start[which[mine]], off[which[mine]]))
        if not split.any():
            return None, pending[:0], pending[:0]
        table[needed[split]] = np.arange(int(split.sum()), dtype=np.int32)
        nxt = self._level(start[split], width[split], off[split], cnt[split])
        mine = split[which]
        return nxt, pending[mine], table[needed[which[mine]]].astype(np.int64)

    def _settle(self, ranks: np.ndarray, u: np.ndarray) -> None:
        if ranks.size:
            self.found.append((ranks, u.astype(np.uint64)))

    def _answer(self, wanted: np.ndarray) -> np.ndarray:
        """Signed keys of the wanted ranks, from the settled ones and the sorted copies."""
        out = np.empty(wanted.size, np.uint64)
        for ranks, u in self.found:
            out[np.searchsorted(wanted, ranks)] = u
        if self.planned:
            values = self.copies[0] if len(self.copies) == 1 else np.concatenate(self.copies)
            self.copies.clear()
            values.sort()
            for ranks, start, off in self.planned:
                pos = np.searchsorted(values, start) + (ranks - off)
                out[np.searchsorted(wanted, ranks)] = values[pos]
        out += self.lo_u
        return out.view(np.int64)
