"""Probability distributions for the labs: sampling, densities, moments and density histograms over scipy.stats.

This is the public face of the statistics engine: the registry (:mod:`engine.stats.registry`), maximum likelihood
(:mod:`engine.stats.fit`), the classroom demonstrations (:mod:`engine.stats.demos`) and the Distributions lab state
(:mod:`engine.stats.lab`) are all re-exported here, so ``from engine import stats`` is enough in a notebook.
"""

from engine.stats.curves import (
    MAX_CURVE_POINTS,
    TheoryCurves,
    theory_curves,
)
from engine.stats.demos import (
    BivariateResult,
    CltResult,
    CoinPosterior,
    QQResult,
    bivariate_normal,
    clt_means,
    coin_posterior,
    qq_points,
    running_mean,
)
from engine.stats.distributions import (
    MAX_SAMPLES,
    Moments,
    cdf,
    density,
    moments,
    pdf,
    pmf,
    sample,
    support_range,
)
from engine.stats.fit import (
    FitResult,
    check_support,
    fit_mle,
    method_of_moments,
)
from engine.stats.lab import (
    BIVARIATE_N,
    CLT_REPS,
    MAX_STORED_DATA,
    TABS,
    DistributionsState,
    code,
    metrics,
)
from engine.stats.loglik import log_likelihood
from engine.stats.profile import loglik_grid, loglik_profile, loglik_window
from engine.stats.registry import (
    CONTINUOUS,
    DISCRETE,
    DISTRIBUTIONS,
    DistributionSpec,
    ParamSpec,
    StatsError,
    bound,
    default_params,
    distribution_spec,
    frozen,
    validate_params,
)
from engine.stats.samples import (
    DEFAULT_MAX_AUTO_BINS,
    MAX_BINS,
    Histogram,
    SampleSummary,
    as_data,
    goodness_of_fit,
    histogram,
    summarize,
)

__all__ = [
    "BIVARIATE_N",
    "CLT_REPS",
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
]
