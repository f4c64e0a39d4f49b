"""Throwing n uniform points at the unit square and counting how many land in A, B, A∩B: frequencies → areas."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from engine.prob.events import Rect, area, intersection

__all__ = ["SHOWN_POINTS", "Throw", "throw_points", "binomial_bounds"]

SHOWN_POINTS = 2000
"""At most this many points are drawn; the rest are only counted."""


@dataclass(frozen=True, eq=False)
class Throw:
    """The drawn points, their membership, and the counts over all n throws."""

    n: int
    points: np.ndarray
    """(k, 2), k = min(n, SHOWN_POINTS): the first throws, drawn on the square."""
    in_a: np.ndarray
    in_b: np.ndarray
    n_a: int
    n_b: int
    n_ab: int
    n_union: int


def _inside(points: np.ndarray, r: Rect) -> np.ndarray:
    x, y = points[:, 0], points[:, 1]
    return (x >= r[0]) & (x < r[0] + r[2]) & (y >= r[1]) & (y < r[1] + r[3])


def throw_points(a: Rect, b: Rect, n: int, seed: int) -> Throw:
    """Throw ``n`` uniform points (seeded): the first ones as coordinates, all of them counted.

    The first ``min(n, SHOWN_POINTS)`` points are drawn and tested against A and B. The remaining throws only matter
    through how many land in each of the four cells A∩B, A only, B only, neither — and those counts of independent
    uniform throws are exactly multinomial with the cells' areas, so they are drawn in one call: 10⁶ or 10⁷ trials
    cost the same as ten.

    Parameters
    ----------
    a, b : (x, y, width, height)
    n : int ≥ 0
    seed : int

    Returns
    -------
    Throw
    """
    n = int(n)
    if n < 0:
        raise ValueError(f"the number of throws must be 0 or more, got {n}")
    k = min(n, SHOWN_POINTS)
    pts, rng = _first_throws(k, int(seed))
    in_a, in_b = _inside(pts, a), _inside(pts, b)
    n_ab = int(np.sum(in_a & in_b))
    n_a_only = int(np.sum(in_a & ~in_b))
    n_b_only = int(np.sum(in_b & ~in_a))
    rest = n - k
    if rest:
        both = intersection(a, b)
        p_ab = float(area(both)) if both is not None else 0.0
        cells = np.array([p_ab, float(area(a)) - p_ab, float(area(b)) - p_ab])
        cells = np.clip(cells, 0.0, 1.0)
        cells = np.append(cells, max(0.0, 1.0 - float(cells.sum())))
        cells /= cells.sum()
        more = rng.multinomial(rest, cells)
        n_ab += int(more[0])
        n_a_only += int(more[1])
        n_b_only += int(more[2])
    return Throw(
        n=n,
        points=pts,
        in_a=in_a,
        in_b=in_b,
        n_a=n_ab + n_a_only,
        n_b=n_ab + n_b_only,
        n_ab=n_ab,
        n_union=n_ab + n_a_only + n_b_only,
    )


@functools.lru_cache(maxsize=4)
def _first_points(k: int, seed: int) -> tuple[np.ndarray, dict]:
    rng = np.random.default_rng(seed)
    pts = rng.random((k, 2))
    pts.flags.writeable = False  # shared by every Throw of this seed: a drag of A or B keeps the same points
    return pts, rng.bit_generator.state


def _first_throws(k: int, seed: int) -> tuple[np.ndarray, np.random.Generator]:
    """The first ``k`` points of ``seed`` and a generator at the state drawing them left it in."""
    pts, after = _first_points(k, seed)
    bits = np.random.PCG64(0)
    bits.state = after
    return pts, np.random.Generator(bits)


def binomial_bounds(n: int, p: float, z: float = 3.89) -> tuple[float, float]:
    """Range of a relative frequency of n Bernoulli(p) trials: p ± z·sqrt(p(1−p)/n), clipped to [0, 1].

    The default z = 3.89 is a two-sided 99.99 % normal interval.
    """
    if n <= 0:
        return (0.0, 1.0)
    half = z * math.sqrt(max(p * (1.0 - p), 0.0) / n)
    return (max(0.0, p - half), min(1.0, p + half))
