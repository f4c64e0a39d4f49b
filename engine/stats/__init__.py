"""Probability distributions for the labs: sampling, densities, moments and density histograms over scipy.stats.

This is the public face of the statistics engine: the registry (:mod:`engine.stats.registry`), maximum likelihood
(:mod:`engine.stats.fit`), the classroom demonstrations (:mod:`engine.stats.demos`) and the Distributions lab state
(:mod:`engine.stats.lab`) with its ``derive`` (:mod:`engine.stats.derive`, :mod:`engine.stats.sampled`) are all
re-exported here, so ``from engine import stats`` is enough in a notebook.

The submodules are imported on first use of one of their names (PEP 562): the Hypothesis lab needs only
``StatsError`` and the Distributions lab's first paint only part of the engine, and the whole of it took ~25 ms (more
on a slow laptop) of opening either lab.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_SUBMODULES: dict[str, tuple[str, ...]] = {
    "curves": (
        "MAX_CURVE_POINTS",
        "TheoryCurves",
        "theory_curves",
    ),
    "demos": (
        "running_mean",
        "CltResult",
        "clt_means",
        "QQResult",
        "qq_points",
        "BivariateResult",
        "bivariate_normal",
        "CoinPosterior",
        "coin_posterior",
    ),
    "derive": (
        "DistributionsResults",
        "derive",
        "CURVE_POINTS",
        "MOMENT_ROWS",
        "CoinPlot",
        "BivariatePlot",
        "free_fit_params",
    ),
    "distributions": (
        "MAX_SAMPLES",
        "sample",
        "pdf",
        "pmf",
        "density",
        "cdf",
        "Moments",
        "moments",
        "support_range",
    ),
    "fit": (
        "FitResult",
        "fit_mle",
        "method_of_moments",
        "check_support",
    ),
    "lab": (
        "BIVARIATE_N",
        "CLT_REPS",
        "MAX_FLIPS",
        "MAX_STORED_DATA",
        "TABS",
        "DistributionsState",
        "metrics",
        "code",
    ),
    "loglik": ("log_likelihood",),
    "mle_view": (
        "MleResults",
        "Contour",
        "mle_results",
        "CONTOUR_LEVELS",
    ),
    "profile": (
        "loglik_profile",
        "loglik_grid",
        "loglik_window",
    ),
    "registry": (
        "StatsError",
        "ParamSpec",
        "DistributionSpec",
        "DISTRIBUTIONS",
        "CONTINUOUS",
        "DISCRETE",
        "distribution_spec",
        "default_params",
        "validate_params",
        "frozen",
        "bound",
    ),
    "sampled": (
        "GOF_LIMIT",
        "SampleResults",
        "LlnPlot",
        "QQPlot",
        "CltPlot",
        "Reveal",
        "sample_key",
        "sample_results",
        "with_gof",
        "reveal",
        "footer_html",
        "random_flips",
    ),
    "samples": (
        "MAX_BINS",
        "Histogram",
        "histogram",
        "SampleSummary",
        "summarize",
        "summary_and_histogram",
        "as_data",
        "DEFAULT_MAX_AUTO_BINS",
        "goodness_of_fit",
    ),
}
_HOME = {name: module for module, names in _SUBMODULES.items() for name in names}

__all__ = [
    "BIVARIATE_N",
    "CLT_REPS",
    "MAX_FLIPS",
    "MAX_STORED_DATA",
    "TABS",
    "StatsError",
    "ParamSpec",
    "DistributionSpec",
    "DISTRIBUTIONS",
    "CONTINUOUS",
    "DISCRETE",
    "MAX_SAMPLES",
    "MAX_BINS",
    "distribution_spec",
    "default_params",
    "validate_params",
    "frozen",
    "bound",
    "sample",
    "pdf",
    "pmf",
    "density",
    "cdf",
    "Moments",
    "moments",
    "Histogram",
    "histogram",
    "SampleSummary",
    "summarize",
    "summary_and_histogram",
    "support_range",
    "as_data",
    "MAX_CURVE_POINTS",
    "TheoryCurves",
    "theory_curves",
    "DEFAULT_MAX_AUTO_BINS",
    "goodness_of_fit",
    "FitResult",
    "fit_mle",
    "method_of_moments",
    "log_likelihood",
    "loglik_profile",
    "loglik_grid",
    "loglik_window",
    "check_support",
    "running_mean",
    "CltResult",
    "clt_means",
    "QQResult",
    "qq_points",
    "BivariateResult",
    "bivariate_normal",
    "CoinPosterior",
    "coin_posterior",
    "DistributionsState",
    "metrics",
    "code",
    "DistributionsResults",
    "derive",
    "CURVE_POINTS",
    "MOMENT_ROWS",
    "CoinPlot",
    "BivariatePlot",
    "free_fit_params",
    "GOF_LIMIT",
    "SampleResults",
    "LlnPlot",
    "QQPlot",
    "CltPlot",
    "Reveal",
    "sample_key",
    "sample_results",
    "with_gof",
    "reveal",
    "footer_html",
    "random_flips",
    "MleResults",
    "Contour",
    "mle_results",
    "CONTOUR_LEVELS",
]


def __getattr__(name: str) -> Any:
    """A re-exported name, from its submodule (imported now if it was not yet)."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next lookup is a plain one
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """Keeps a re-exported name when the import system records a submodule of the same name on the package."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and name in _HOME:  # ``derive``: the function, not its module
            self.__dict__.pop(name, None)  # (resolved by __getattr__ on first use)
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
