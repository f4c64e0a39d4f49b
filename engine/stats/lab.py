"""The Distributions lab's saved state, its named metrics, and the "show the code" snippet that reproduces them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.schema import SchemaError, spec
from engine.stats.demos import coin_posterior
from engine.stats.distributions import moments, sample
from engine.stats.fit import fit_mle, method_of_moments
from engine.stats.registry import DISTRIBUTIONS, StatsError, default_params, distribution_spec, validate_params
from engine.stats.samples import goodness_of_fit, summarize
from engine.stats.snippet import snippet

__all__ = [
    "DistributionsState",
    "TABS",
    "DATA_SOURCES",
    "MAX_STORED_DATA",
    "CLT_REPS",
    "BIVARIATE_N",
    "MAX_FLIPS",
    "metrics",
    "code",
]

TABS = ("sampler", "lln", "clt", "qq", "bivariate", "bayes", "mle")
DATA_SOURCES = ("samples", "data")
MAX_STORED_DATA = 100_000
MAX_FLIPS = 5000
CLT_REPS = 4000
BIVARIATE_N = 1000


@dataclass(frozen=True)
class DistributionsState:
    """Everything a user sets in the Distributions lab (samples are regenerated from distribution, N and seed)."""

    distribution: str = spec("normal", choices=tuple(DISTRIBUTIONS))
    params: tuple[tuple[str, float], ...] = spec((("mu", 0.0), ("sigma", 1.0)), lo=-1e6, hi=1e6, max_len=4)
    n_samples: int = spec(10_000, lo=1, hi=10_000_000, step=1, label="N", integer=True)
    seed: int = spec(0, lo=0, hi=2**32 - 1, step=1, label="seed", integer=True)
    bins: int = spec(0, lo=0, hi=1000, step=1, label="bins", integer=True)
    show_pdf: bool = spec(True)
    show_cdf: bool = spec(False)
    show_hist: bool = spec(True)
    tab: str = spec("sampler", choices=TABS)
    clt_n: int = spec(5, lo=1, hi=1000, step=1, label="n", soft_lo=1, soft_hi=100, integer=True)
    rho: float = spec(0.6, lo=-1.0, hi=1.0, step=0.02, label="ρ", decimals=2)
    coin_alpha: float = spec(2.0, lo=0.1, hi=1000.0, step=0.195, label="α", soft_lo=0.5, soft_hi=20.0, decimals=2)
    coin_beta: float = spec(2.0, lo=0.1, hi=1000.0, step=0.195, label="β", soft_lo=0.5, soft_hi=20.0, decimals=2)
    coin_p: float = spec(0.7, lo=0.0, hi=1.0, step=0.01, label="p", decimals=2)
    flips: str = spec("", max_chars=MAX_FLIPS)
    mle_family: str = spec("normal", choices=tuple(DISTRIBUTIONS))
    mle_source: str = spec("samples", choices=DATA_SOURCES)
    data: tuple[float, ...] = spec((), lo=-1e12, hi=1e12, max_len=MAX_STORED_DATA)
    data_label: str = spec("", max_chars=200)
    mle_param: str = spec("", max_chars=40)
    view: tuple[float, float, float, float] = spec((0.0, 0.0, 0.0, 0.0), lo=-1e9, hi=1e9)

    def validate(self) -> None:
        """Cross-field rules a scene file must also satisfy: parameters in their domains, flips only H/T."""
        names = [p for p, _ in self.params]
        expected = list(distribution_spec(self.distribution).param_names)
        if names != expected:
            raise SchemaError("params", f"{self.distribution} needs parameters {expected}, got {names}")
        try:
            validate_params(self.distribution, self.params)
        except StatsError as exc:
            raise SchemaError("params", str(exc)) from None
        bad = [c for c in self.flips if c not in "HT"]
        if bad:
            raise SchemaError("flips", f"only H and T are allowed, got {bad[0]!r}")
        if self.mle_param and self.mle_param not in distribution_spec(self.mle_family).param_names:
            raise SchemaError("mle_param", f"{self.mle_family} has no parameter {self.mle_param!r}")

    @staticmethod
    def params_for(name: str, values: dict[str, float] | None = None) -> tuple[tuple[str, float], ...]:
        """The ``params`` field for a family, from ``values`` or its defaults."""
        vals = {**default_params(name), **(values or {})}
        return tuple((p, float(vals[p])) for p in distribution_spec(name).param_names)


def _finite(d: dict[str, Any], key: str, value: float) -> None:
    if isinstance(value, float) and math.isfinite(value):
        d[key] = value


def fit_data(state: DistributionsState) -> Any:
    """The data the MLE tab fits: the stored CSV column, or the current samples."""
    if state.mle_source == "data":
        if not state.data:
            raise StatsError("no data loaded: open a CSV file or pick a bundled data set")
        return np.asarray(state.data, dtype=np.float64)
    return sample(state.distribution, state.params, state.n_samples, state.seed)


def metrics(state: DistributionsState) -> dict[str, float | bool | str]:
    """Named numbers of the lab state.

    Keys: ``distribution``, ``n_samples``, ``theoretical_mean`` / ``theoretical_variance`` (absent when undefined or
    infinite), ``sample_mean``, ``sample_variance`` (ddof = 1), ``sample_skewness``, ``ks_p`` (continuous, KS test
    against the chosen distribution) or ``gof_p`` (both kinds: KS or pooled chi-square), ``clt_n``, ``rho``,
    ``coin_heads``, ``coin_tails``, ``coin_post_mean``, ``coin_map`` and ``coin_mle`` (when defined), ``mle_family``,
    ``mle_<param>`` and ``mle_loglik`` for the fitted family (or ``mle_error`` with the reason), ``mom_<param>`` for
    the method of moments when it exists.
    """
    out: dict[str, float | bool | str] = {"distribution": state.distribution, "n_samples": state.n_samples}
    mom = moments(state.distribution, state.params)
    _finite(out, "theoretical_mean", mom.mean)
    _finite(out, "theoretical_variance", mom.variance)
    x = sample(state.distribution, state.params, state.n_samples, state.seed)
    summ = summarize(x)
    out["sample_mean"] = summ.mean
    _finite(out, "sample_variance", summ.variance)
    _finite(out, "sample_skewness", summ.skewness)
    _, p, test = goodness_of_fit(state.distribution, state.params, x)
    out["gof_p"] = p
    if test == "ks":
        out["ks_p"] = p
    out["clt_n"] = state.clt_n
    out["rho"] = state.rho
    coin = coin_posterior(state.coin_alpha, state.coin_beta, state.flips)
    out["coin_heads"] = coin.heads
    out["coin_tails"] = coin.tails
    out["coin_post_mean"] = coin.post_mean
    _finite(out, "coin_map", coin.map)
    _finite(out, "coin_mle", coin.mle)
    out["mle_family"] = state.mle_family
    try:
        data = x if state.mle_source == "samples" else fit_data(state)
        fit = fit_mle(state.mle_family, data)
    except StatsError as exc:
        out["mle_error"] = str(exc)
        return out
    for name, value in fit.params:
        out[f"mle_{name}"] = value
    out["mle_loglik"] = fit.loglik
    try:
        mm = method_of_moments(state.mle_family, data)
    except StatsError:
        return out
    for name, value in mm.params:
        _finite(out, f"mom_{name}", value)
    return out


def code(state: DistributionsState) -> str:
    """A numpy/scipy/matplotlib script drawing the same samples (same seed), computing ``result`` and the sampler."""
    return snippet(state)
