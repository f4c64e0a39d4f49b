"""engine.stats.order_stats: numpy's quantiles bit for bit, in chunked passes that copy no full-size array (issue 13).

The reference is ``np.quantile`` itself (default 'linear' method). Small working-memory knobs (chunk, counters, copy
budget) push tiny arrays through the same multi-pass path that 10⁷ draws take. Memory is measured with ``tracemalloc``
(numpy reports its allocations to it), so the bounds are deterministic, not timings.
"""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs
from scipy import special

from engine.stats.demos import qq_points
from engine.stats.order_stats import order_statistics, quantiles
from engine.stats.registry import StatsError

KNOBS = hs.fixed_dictionaries(
    {"chunk": hs.integers(3, 64), "counters": hs.integers(2, 64), "gather": hs.integers(0, 48)}
)
PROBS = hs.lists(hs.floats(0.0, 1.0), max_size=12).map(lambda p: np.array([0.0, 1.0, *p]))


@hs.composite
def samples(draw: hs.DrawFn) -> np.ndarray:
    """Arrays with duplicates, heavy tails, tiny and huge magnitudes, negatives, constants."""
    kind = draw(hs.sampled_from(["floats", "whole", "tiny", "cauchy", "constant", "ulps"]))
    n = draw(hs.integers(1, 150))
    if kind == "floats":
        return np.array(draw(hs.lists(hs.floats(-1e300, 1e300), min_size=1, max_size=150)))
    if kind == "whole":  # many equal values, as 0/1 or count draws give
        return np.array(draw(hs.lists(hs.integers(-2, 3), min_size=1, max_size=150)), dtype=np.float64)
    if kind == "tiny":  # subnormals and both signs of zero
        return np.array(draw(hs.lists(hs.sampled_from([0.0, -0.0, 5e-324, -5e-324, 1e-310, -3e-320]), min_size=1)))
    rng = np.random.default_rng(draw(hs.integers(0, 2**32 - 1)))
    if kind == "cauchy":
        return rng.standard_cauchy(n) * 10.0 ** draw(hs.integers(-290, 290))
    if kind == "constant":
        return np.full(n, draw(hs.floats(-1e300, 1e300)))
    return 1e6 + rng.integers(0, 4, n) * np.spacing(1e6)  # values a few ulps apart


@settings(max_examples=150, deadline=None)
@given(samples(), PROBS, KNOBS)
def test_quantiles_equal_numpy_bit_for_bit(x, probs, knobs) -> None:
    np.testing.assert_array_equal(quantiles(x, probs, **knobs), np.quantile(x, probs))
    np.testing.assert_array_equal(quantiles(x, probs), np.quantile(x, probs))


@settings(max_examples=60, deadline=None)
@given(samples(), KNOBS, hs.data())
def test_order_statistics_are_the_sorted_values(x, knobs, data) -> None:
    ranks = np.array(data.draw(hs.lists(hs.integers(0, x.size - 1), min_size=1, max_size=20)))
    np.testing.assert_array_equal(order_statistics(x, ranks, **knobs), np.sort(x)[ranks])


TINY = {"chunk": 3, "counters": 4, "gather": 1}  # forces several passes even on a handful of values


def test_hand_worked_quantiles() -> None:
    # sorted 1 2 3: p = 0.25 → virtual index 0.5 → halfway between 1 and 2.
    np.testing.assert_array_equal(quantiles([3.0, 1.0, 2.0], [0.0, 0.25, 0.5, 1.0], **TINY), [1.0, 1.5, 2.0, 3.0])
    # sorted 1 2 3 4: p = 1/3 → index exactly 1 → 2; p = 0.9 → index 2.7 → 3 + 0.7·(4 − 3).
    assert quantiles([4.0, 2.0, 1.0, 3.0], [1 / 3, 0.9], **TINY).tolist() == [2.0, 3.7]
    assert quantiles([0.0, 10.0], 0.25, **TINY) == 2.5  # a scalar probability gives a 0-d result, as numpy's
    assert quantiles([7.0], [0.0, 0.3, 1.0], **TINY).tolist() == [7.0, 7.0, 7.0]
    assert order_statistics([5.0, 1.0, 4.0, 1.0], [3, 0, 1, 2], **TINY).tolist() == [5.0, 1.0, 1.0, 4.0]
    assert quantiles([-1e300, 1e300, 0.0], [0.25, 0.75], **TINY).tolist() == [-5e299, 5e299]


def test_bad_input_is_named() -> None:
    with pytest.raises(StatsError, match="non-finite"):
        quantiles([1.0, np.nan, 2.0], [0.5])
    with pytest.raises(StatsError, match="non-finite"):
        quantiles(np.r_[np.zeros(100_000), np.inf], [0.5])
    with pytest.raises(StatsError, match="empty"):
        quantiles([], [0.5])
    with pytest.raises(StatsError, match="between 0 and 1"):
        quantiles([1.0, 2.0], [0.5, 1.5])
    with pytest.raises(StatsError, match="between 0 and 1"):
        quantiles([1.0, 2.0], [np.nan])
    with pytest.raises(StatsError, match="ranks"):
        order_statistics([1.0, 2.0], [2])
    with pytest.raises(StatsError, match="non-finite"):  # the large-sample QQ path checks through min/max, no mask
        qq_points(np.r_[np.arange(5000.0), np.nan])


@pytest.mark.parametrize("kind", ["normal", "cauchy", "bernoulli", "poisson", "lognormal"])
def test_default_knobs_on_large_samples(kind) -> None:
    rng = np.random.default_rng(11)
    n = 300_000
    x = {
        "normal": lambda: rng.normal(3.0, 2.0, n),
        "cauchy": lambda: rng.standard_cauchy(n),
        "bernoulli": lambda: (rng.random(n) < 0.3).astype(np.float64),
        "poisson": lambda: rng.poisson(4.0, n).astype(np.float64),
        "lognormal": lambda: rng.lognormal(100.0, 100.0, n),  # draws from 1e-100 to 1e250
    }[kind]()
    probs = np.r_[(np.linspace(1, n, 2000) - 0.375) / (n + 0.25), 0.25, 0.75]
    np.testing.assert_array_equal(quantiles(x, probs), np.quantile(x, probs))


def test_strided_and_sorted_views() -> None:
    x = np.random.default_rng(3).standard_normal(600_000)
    probs = np.linspace(0.0, 1.0, 777)
    for view in (x[::-3], np.sort(x), np.sort(x)[::-1]):  # sorted data must not fool the first pass's sample
        np.testing.assert_array_equal(quantiles(view, probs), np.quantile(view, probs))


N = 2_000_000


def _peak_over(fn, *args) -> tuple[int, object]:
    """Peak of new traced memory while ``fn`` runs, and what it returned."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        out = fn(*args)
        return tracemalloc.get_traced_memory()[1] - base, out
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def big() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(7)
    data = {
        "normal": rng.standard_normal(N),
        "cauchy": rng.standard_cauchy(N),
        "bernoulli": (rng.random(N) < 0.5).astype(np.float64),
    }
    qq_points(data["normal"][:10_000])  # first calls import numpy/scipy submodules: not the function's working memory
    return data


@pytest.mark.parametrize("kind", ["normal", "cauchy", "bernoulli"])
def test_quantiles_make_no_full_size_copy(big, kind) -> None:
    x = big[kind]
    probs = np.r_[(np.linspace(1, N, 2000) - 0.375) / (N + 0.25), 0.25, 0.75]
    peak, found = _peak_over(quantiles, x, probs)
    assert peak < 0.10 * x.nbytes
    old_peak, expected = _peak_over(np.quantile, x, probs)
    assert old_peak >= x.nbytes  # what the QQ tab did before: a full copy to partition
    np.testing.assert_array_equal(found, expected)


@pytest.mark.parametrize("kind", ["normal", "cauchy", "bernoulli"])
def test_qq_points_make_no_full_size_copy(big, kind) -> None:
    x = big[kind]
    peak, qq = _peak_over(qq_points, x)
    assert peak < 0.10 * x.nbytes
    probs = (np.linspace(1, N, 2000) - 0.375) / (N + 0.25)
    np.testing.assert_array_equal(qq.sample, np.quantile(x, probs))
    q1, q3 = np.quantile(x, [0.25, 0.75])
    z1, z3 = special.ndtri([0.25, 0.75])
    assert qq.slope == float((q3 - q1) / (z3 - z1)) and qq.intercept == float(q1 - qq.slope * z1)
