"""Statistical inference for ML Math Sandbox: tests, intervals, resampling, power — and the Hypothesis lab's state.

The work is done in ``inputs`` (checking input), ``parametric`` and ``counts`` (t, z, proportion, χ² tests),
``resampling`` (permutation test, bootstrap), ``intervals`` (confidence intervals, power), ``lab`` (the lab's state
and metrics), ``derive`` (everything the lab shows for a state), ``pictures``/``histograms``/``readouts`` (its
drawing data and texts) and ``snippet`` ("show the code"). Usable from a notebook::

    from engine.inference import one_sample_t
    one_sample_t([5.1, 4.9, 5.6, 5.8], mu0=5).p_value
"""

from __future__ import annotations

from engine.inference.counts import chi2_gof, proportion_test, two_proportion_test
from engine.inference.derive import HypothesisResults, derive
from engine.inference.front import t_test
from engine.inference.histograms import (
    BootstrapPicture,
    PermutationFrame,
    PermutationLayout,
    bootstrap_picture,
    permutation_frame,
    permutation_layout,
)
from engine.inference.inputs import (
    ALTERNATIVES,
    InferenceError,
    NumberTokenError,
    as_sample,
    check_alpha,
    check_alternative,
    parse_numbers,
)
from engine.inference.intervals import (
    Interval,
    IntervalSimulation,
    PowerResult,
    confidence_interval,
    power,
    power_density,
    simulate_intervals,
)
from engine.inference.lab import (
    COUNT_TESTS,
    MAX_DATA,
    SOURCES,
    TABS,
    TEST_TITLES,
    TWO_SAMPLE_TESTS,
    HypothesisState,
    metrics,
    run_ab,
    run_bootstrap,
    run_intervals,
    run_permutation,
    run_power,
    run_test,
    samples,
)
from engine.inference.parametric import null_density, one_sample_t, two_sample_t, z_test
from engine.inference.pictures import (
    IntervalsPicture,
    NullPicture,
    PowerPicture,
    intervals_picture,
    null_picture,
    power_picture,
)
from engine.inference.readouts import (
    ab_text,
    bootstrap_readout,
    intervals_text,
    intervals_verdict,
    permutation_readout,
    power_text,
    power_verdict,
    result_text,
)
from engine.inference.resampling import (
    BootstrapResult,
    PermutationProgress,
    PermutationResult,
    bootstrap_ci,
    null_histogram,
    permutation_progress,
    permutation_test,
)
from engine.inference.result import TestResult, format_p
from engine.inference.snippet import code
from engine.inference.tables import export_tables

__all__ = [
    "t_test",
    "COUNT_TESTS",
    "MAX_DATA",
    "SOURCES",
    "TABS",
    "TEST_TITLES",
    "TWO_SAMPLE_TESTS",
    "run_ab",
    "run_bootstrap",
    "run_intervals",
    "run_permutation",
    "run_power",
    "run_test",
    "samples",
    "ALTERNATIVES",
    "InferenceError",
    "NumberTokenError",
    "as_sample",
    "check_alpha",
    "check_alternative",
    "parse_numbers",
    "TestResult",
    "one_sample_t",
    "two_sample_t",
    "z_test",
    "proportion_test",
    "chi2_gof",
    "two_proportion_test",
    "null_density",
    "format_p",
    "PermutationResult",
    "PermutationProgress",
    "BootstrapResult",
    "permutation_test",
    "permutation_progress",
    "null_histogram",
    "bootstrap_ci",
    "Interval",
    "IntervalSimulation",
    "PowerResult",
    "confidence_interval",
    "simulate_intervals",
    "power",
    "power_density",
    "HypothesisState",
    "HypothesisResults",
    "derive",
    "export_tables",
    "NullPicture",
    "PowerPicture",
    "IntervalsPicture",
    "null_picture",
    "power_picture",
    "intervals_picture",
    "PermutationLayout",
    "PermutationFrame",
    "BootstrapPicture",
    "permutation_layout",
    "permutation_frame",
    "bootstrap_picture",
    "result_text",
    "ab_text",
    "intervals_text",
    "intervals_verdict",
    "power_text",
    "power_verdict",
    "permutation_readout",
    "bootstrap_readout",
    "metrics",
    "code",
]
