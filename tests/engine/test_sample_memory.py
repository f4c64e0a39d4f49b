"""10 million draws must fit the memory budget (issue 13): the sampler's statistics make no full-size temporaries.

numpy reports its allocations to ``tracemalloc``, so these bounds are deterministic (not timing): each function's peak
of new memory is compared with the bytes of the sample it reads.
"""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from engine.stats.demos import running_mean
from engine.stats.samples import histogram, summarize

N = 4_000_000  # chunk temporaries are a fixed ~6 MB; whole-array copies would be 32 MB each


def _peak_over(fn, *args, **kwargs) -> int:
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        fn(*args, **kwargs)
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def normal() -> np.ndarray:
    return np.random.default_rng(5).normal(3.0, 2.0, N)


@pytest.fixture(scope="module")
def counts() -> np.ndarray:
    return np.random.default_rng(6).poisson(4.0, N).astype(np.float64)


def test_summary_makes_no_full_size_copy(normal) -> None:
    assert _peak_over(summarize, normal) < 0.25 * normal.nbytes


def test_summary_values_unchanged(normal) -> None:
    from scipy import stats

    s = summarize(normal)
    assert s.mean == pytest.approx(float(np.mean(normal)), rel=1e-13)
    assert s.variance == pytest.approx(float(np.var(normal, ddof=1)), rel=1e-12)
    assert s.skewness == pytest.approx(float(stats.skew(normal)), rel=1e-9, abs=1e-12)
    assert (s.minimum, s.maximum) == (float(normal.min()), float(normal.max()))


def test_whole_number_histogram_makes_no_full_size_copy(counts) -> None:
    assert _peak_over(histogram, counts, discrete=True) < 0.25 * counts.nbytes
    h = histogram(counts, discrete=True)
    assert h.discrete
    lo = int(counts.min())
    np.testing.assert_array_equal(h.counts, np.bincount(counts.astype(np.int64) - lo).astype(float))
    assert h.n_outside == 0


def test_running_mean_makes_no_full_size_running_sum(normal) -> None:
    assert _peak_over(running_mean, normal) < 0.25 * normal.nbytes


@pytest.mark.parametrize("n", [1, 2, 2001, (1 << 16) - 1, 1 << 16, (1 << 16) + 1, 700_001])  # chunk edges
def test_running_mean_is_numpys_cumsum_bit_for_bit(n) -> None:
    x = np.random.default_rng(n).standard_cauchy(n) * 1e3
    k, m = running_mean(x)
    kk = k.astype(np.int64)
    np.testing.assert_array_equal(m, np.cumsum(x)[kk - 1] / k)
    assert kk[0] == 1 and kk[-1] == n


def test_summary_mean_is_numpys_mean_bit_for_bit(normal) -> None:
    assert summarize(normal).mean == float(np.mean(normal))  # the validation's sum is reused: no second pass


def test_known_extent_gives_the_same_histogram(normal, counts) -> None:
    for data, discrete in ((normal, False), (counts, True), (np.r_[normal[:1000], 1e6], False)):
        s = summarize(data)
        a = histogram(data, discrete=discrete)
        b = histogram(data, discrete=discrete, extent=(s.minimum, s.maximum))
        np.testing.assert_array_equal(a.edges, b.edges)
        np.testing.assert_array_equal(a.counts, b.counts)
        assert a.n_outside == b.n_outside
