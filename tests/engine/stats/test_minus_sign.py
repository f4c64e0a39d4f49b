"""The Distributions readouts write negatives with a real minus sign (U+2212), as ``−∞`` and the rest of the app do."""

from __future__ import annotations

import dataclasses

import pytest

from engine import stats


@pytest.mark.parametrize(
    ("value", "shown"),
    [(-0.5, "−0.5"), (-1.23e-7, "−1.23e−07"), (-0.0, "0"), (2.5, "2.5"), (float("-inf"), "−∞")],
)
def test_readout_values_use_a_real_minus_sign(value, shown):
    assert stats.Moments.describe(value) == shown


def test_the_theory_and_sample_columns_of_a_negative_mean_have_no_hyphen():
    state = dataclasses.replace(stats.DistributionsState(), params=(("mu", -2.0), ("sigma", 1.0)))
    theory = stats.derive(state).theory_text
    assert theory["mean"] == "−2"
    sample = stats.sample_results(state).sample_text
    assert sample["mean"].startswith("−") and "-" not in "".join(sample.values()) + "".join(theory.values())


def test_the_covariance_readout_of_a_negative_correlation_has_no_hyphen():
    state = dataclasses.replace(stats.DistributionsState(), rho=-0.6, tab="bivariate")
    text = stats.derive(state).bivariate.readout
    assert "−0.60" in text and "-" not in text
