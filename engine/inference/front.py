"""Front door: a t-test on plain lists or arrays, one or two samples, with the lab's checks and verdict."""

from __future__ import annotations

from collections.abc import Iterable

from engine.inference.parametric import one_sample_t, two_sample_t
from engine.inference.result import TestResult

__all__ = ["t_test"]


def t_test(
    a: Iterable[float],
    b: Iterable[float] | None = None,
    *,
    mu0: float = 0.0,
    equal_var: bool = False,
    alternative: str = "two-sided",
    alpha: float = 0.05,
) -> TestResult:
    """Student's one-sample t-test of mean(a) = mu0, or (with ``b``) Welch's two-sample test of mean(a) = mean(b).

    ``equal_var=True`` pools the variances (Student's two-sample test); ``alternative`` is ``"two-sided"``,
    ``"less"`` or ``"greater"``. Bad data (fewer than two values, no spread, non-numbers) raise
    :class:`engine.inference.InferenceError` naming the sample, as the Hypothesis lab does.

    >>> from engine import inference
    >>> r = inference.t_test([5.1, 4.9, 5.6, 5.8, 6.0], [4.2, 4.8, 4.4, 5.0, 4.6])
    >>> r.name, round(r.statistic, 3), round(r.p_value, 4), r.reject   # as scipy.stats.ttest_ind(equal_var=False)
    ('Welch two-sample t-test', 3.495, 0.01, True)
    >>> round(inference.t_test([5.1, 4.9, 5.6, 5.8, 6.0], mu0=5).p_value, 4)
    0.0826
    >>> try:
    ...     inference.t_test([1.0])
    ... except inference.InferenceError as exc:
    ...     print(exc)
    sample has 1 value(s); at least 2 are needed
    """
    if b is None:
        return one_sample_t(a, mu0=mu0, alternative=alternative, alpha=alpha)
    return two_sample_t(a, b, equal_var=equal_var, alternative=alternative, alpha=alpha)
