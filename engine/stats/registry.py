"""The distribution registry: each family's parameters, symbols, domains and its scipy.stats mapping.

Kept apart from the sampling code so the Hypothesis-testing lab and a notebook can list the families without
importing scipy; everything here is re-exported by :mod:`engine.stats`.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.schema import FieldSpec

__all__ = [
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
    "BoundDistribution",
]

INF = math.inf


class StatsError(ValueError):
    """Invalid statistical input (a parameter outside its domain, unusable data); the message names what is wrong."""


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a family: its name, symbol, domain and slider range."""

    name: str
    symbol: str
    label: str
    low: float
    high: float
    default: float
    slider: tuple[float, float]
    low_open: bool = True
    high_open: bool = True
    integer: bool = False
    limit: float = 1e6

    def domain_text(self) -> str:
        """The domain in the usual notation, e.g. ``σ > 0`` or ``p ∈ [0, 1]``."""
        lo_inf, hi_inf = math.isinf(self.low), math.isinf(self.high)
        kind = "a whole number" if self.integer else "a number"
        if lo_inf and hi_inf:
            return f"{self.symbol} is any real number"
        if hi_inf:
            op = ">" if self.low_open else "≥"
            extra = f" ({kind})" if self.integer else ""
            return f"{self.symbol} {op} {_num(self.low)}{extra}"
        if lo_inf:
            op = "<" if self.high_open else "≤"
            return f"{self.symbol} {op} {_num(self.high)}"
        left = "(" if self.low_open else "["
        right = ")" if self.high_open else "]"
        extra = f" ({kind})" if self.integer else ""
        return f"{self.symbol} ∈ {left}{_num(self.low)}, {_num(self.high)}{right}{extra}"

    def field_spec(self) -> FieldSpec:
        """This parameter as a control's field spec: closed domain (open ends nudged in), teaching range, step.

        The slider spans ``slider``; the spin box the domain within ``limit``; one step is 1 % of the slider.
        """
        nudge = 1.0 if self.integer else 1e-4
        lo = self.low + nudge if self.low_open else self.low
        hi = self.high - nudge if self.high_open else self.high
        s0, s1 = self.slider
        return FieldSpec(
            name=self.name,
            default=self.default,
            lo=max(lo, -self.limit),
            hi=min(hi, self.limit),
            step=1.0 if self.integer else (s1 - s0) / 100,
            label=self.symbol,
            soft_lo=s0,
            soft_hi=s1,
            decimals=4 if self.high <= 1 else 3,
            integer=self.integer,
        )

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies in the domain (finite, bounds, integrality)."""
        if not math.isfinite(value) or abs(value) > self.limit:
            return False
        if value < self.low or (self.low_open and value == self.low):
            return False
        if value > self.high or (self.high_open and value == self.high):
            return False
        return not (self.integer and value != round(value))


@dataclass(frozen=True)
class DistributionSpec:
    """A family: label, continuous/discrete, parameters, and how its parameters map onto scipy.stats."""

    name: str
    label: str
    kind: str
    params: tuple[ParamSpec, ...]
    scipy_name: str
    scipy_args: Callable[[dict[str, float]], dict[str, float]]
    scipy_text: str
    support: str
    cross_check: Callable[[dict[str, float]], str | None] | None = None

    @property
    def discrete(self) -> bool:
        """True for families with a probability mass function."""
        return self.kind == "discrete"

    @property
    def param_names(self) -> tuple[str, ...]:
        """Parameter names in order."""
        return tuple(p.name for p in self.params)

    def param(self, name: str) -> ParamSpec:
        """The parameter called ``name`` (StatsError naming the valid ones otherwise)."""
        for p in self.params:
            if p.name == name:
                return p
        raise StatsError(f"{self.label} has no parameter {name!r}; its parameters are {', '.join(self.param_names)}")


def _whole(n: Any) -> Any:
    """Trial counts as int for numpy's binomial sampler (arrays pass through for vectorised log-likelihoods)."""
    return int(n) if np.ndim(n) == 0 else np.asarray(n)


def _num(x: float) -> str:
    return f"{x:g}"


def _p(name: str, symbol: str, label: str, low: float, high: float, default: float, slider: tuple[float, float],
       low_open: bool = True, high_open: bool = True, integer: bool = False,
       limit: float = 1e6) -> ParamSpec:  # fmt: skip
    return ParamSpec(name, symbol, label, low, high, default, slider, low_open, high_open, integer, limit)


# ``limit`` (|value| ≤ 1e6 unless stated) keeps every family numerically meaningful: a 1e300 location overflows.
BIG = INF
_LOC = ("mu", "μ", "location", -INF, INF, 0.0, (-10.0, 10.0), False, False)
_SCALE_LIMIT = INF


def _uniform_check(p: dict[str, float]) -> str | None:
    return None if p["a"] < p["b"] else f"the lower end a ({p['a']:g}) must be less than the upper end b ({p['b']:g})"


_SPECS = (
    DistributionSpec(
        "normal", "Normal", "continuous",
        (_p(*_LOC), _p("sigma", "σ", "standard deviation", 0.0, _SCALE_LIMIT, 1.0, (0.1, 5.0), True, False)),
        "norm", lambda p: {"loc": p["mu"], "scale": p["sigma"]}, "norm(loc={mu}, scale={sigma})", "x ∈ ℝ",
    ),
    DistributionSpec(
        "uniform", "Uniform", "continuous",
        (_p("a", "a", "lower end", -BIG, BIG, 0.0, (-10.0, 10.0), False, False),
         _p("b", "b", "upper end", -BIG, BIG, 1.0, (-10.0, 10.0), False, False)),
        "uniform", lambda p: {"loc": p["a"], "scale": p["b"] - p["a"]}, "uniform(loc={a}, scale={b} - {a})",
        "a ≤ x ≤ b", _uniform_check,
    ),
    DistributionSpec(
        "exponential", "Exponential", "continuous",
        (_p("lam", "λ", "rate", 0.0, _SCALE_LIMIT, 1.0, (0.05, 5.0), True, False),),
        "expon", lambda p: {"scale": 1.0 / p["lam"]}, "expon(scale=1 / {lam})", "x ≥ 0",
    ),
    DistributionSpec(
        "gamma", "Gamma", "continuous",
        (_p("alpha", "α", "shape", 0.0, _SCALE_LIMIT, 2.0, (0.1, 20.0), True, False),
         _p("beta", "β", "rate", 0.0, _SCALE_LIMIT, 1.0, (0.05, 10.0), True, False)),
        "gamma", lambda p: {"a": p["alpha"], "scale": 1.0 / p["beta"]}, "gamma(a={alpha}, scale=1 / {beta})", "x > 0",
    ),
    DistributionSpec(
        "beta", "Beta", "continuous",
        (_p("alpha", "α", "shape α", 0.0, _SCALE_LIMIT, 2.0, (0.1, 20.0), True, False),
         _p("beta", "β", "shape β", 0.0, _SCALE_LIMIT, 5.0, (0.1, 20.0), True, False)),
        "beta", lambda p: {"a": p["alpha"], "b": p["beta"]}, "beta(a={alpha}, b={beta})", "0 < x < 1",
    ),
    DistributionSpec(
        "lognormal", "Log-normal", "continuous",
        (_p("mu", "μ", "mean of log x", -INF, INF, 0.0, (-3.0, 3.0), False, False, limit=100.0),
         _p("sigma", "σ", "sd of log x", 0.0, INF, 0.5, (0.05, 3.0), True, False, limit=100.0)),
        "lognorm", lambda p: {"s": p["sigma"], "scale": np.exp(p["mu"])}, "lognorm(s={sigma}, scale=np.exp({mu}))",
        "x > 0",
    ),
    DistributionSpec(
        "student_t", "Student t", "continuous",
        (_p("nu", "ν", "degrees of freedom", 0.0, BIG, 3.0, (0.5, 50.0), True, False),
         _p(*_LOC),
         _p("sigma", "σ", "scale", 0.0, _SCALE_LIMIT, 1.0, (0.1, 5.0), True, False)),
        "t", lambda p: {"df": p["nu"], "loc": p["mu"], "scale": p["sigma"]}, "t(df={nu}, loc={mu}, scale={sigma})",
        "x ∈ ℝ",
    ),
    DistributionSpec(
        "chi_square", "Chi-square", "continuous",
        (_p("k", "k", "degrees of freedom", 0.0, BIG, 3.0, (0.5, 50.0), True, False),),
        "chi2", lambda p: {"df": p["k"]}, "chi2(df={k})", "x > 0",
    ),
    DistributionSpec(
        "laplace", "Laplace", "continuous",
        (_p(*_LOC), _p("b", "b", "scale", 0.0, _SCALE_LIMIT, 1.0, (0.1, 5.0), True, False)),
        "laplace", lambda p: {"loc": p["mu"], "scale": p["b"]}, "laplace(loc={mu}, scale={b})", "x ∈ ℝ",
    ),
    DistributionSpec(
        "cauchy", "Cauchy", "continuous",
        (_p("x0", "x₀", "location", -BIG, BIG, 0.0, (-10.0, 10.0), False, False),
         _p("gamma", "γ", "scale", 0.0, _SCALE_LIMIT, 1.0, (0.1, 5.0), True, False)),
        "cauchy", lambda p: {"loc": p["x0"], "scale": p["gamma"]}, "cauchy(loc={x0}, scale={gamma})", "x ∈ ℝ",
    ),
    DistributionSpec(
        "bernoulli", "Bernoulli", "discrete",
        (_p("p", "p", "success probability", 0.0, 1.0, 0.3, (0.0, 1.0), False, False),),
        "bernoulli", lambda p: {"p": p["p"]}, "bernoulli(p={p})", "x ∈ {0, 1}",
    ),
    DistributionSpec(
        "binomial", "Binomial", "discrete",
        (_p("n", "n", "number of trials", 0.0, INF, 10.0, (1.0, 100.0), False, True, True),
         _p("p", "p", "success probability", 0.0, 1.0, 0.5, (0.0, 1.0), False, False)),
        "binom", lambda p: {"n": _whole(p["n"]), "p": p["p"]}, "binom(n={n}, p={p})", "x ∈ {0, …, n}",
    ),
    DistributionSpec(
        "poisson", "Poisson", "discrete",
        (_p("lam", "λ", "mean count", 0.0, BIG, 3.0, (0.1, 50.0), True, False),),
        "poisson", lambda p: {"mu": p["lam"]}, "poisson(mu={lam})", "x ∈ {0, 1, 2, …}",
    ),
    DistributionSpec(
        "geometric", "Geometric", "discrete",
        (_p("p", "p", "success probability", 0.0, 1.0, 0.3, (0.01, 1.0), True, False),),
        "geom", lambda p: {"p": p["p"]}, "geom(p={p})", "x ∈ {1, 2, 3, …} (trials until the first success)",
    ),
    DistributionSpec(
        "negative_binomial", "Negative binomial", "discrete",
        (_p("r", "r", "successes needed", 0.0, INF, 5.0, (0.5, 50.0), True, True),
         _p("p", "p", "success probability", 0.0, 1.0, 0.5, (0.01, 1.0), True, False)),
        "nbinom", lambda p: {"n": p["r"], "p": p["p"]}, "nbinom(n={r}, p={p})",
        "x ∈ {0, 1, 2, …} (failures before the r-th success)",
    ),
)  # fmt: skip

DISTRIBUTIONS: dict[str, DistributionSpec] = {s.name: s for s in _SPECS}
CONTINUOUS: tuple[str, ...] = tuple(s.name for s in _SPECS if not s.discrete)
DISCRETE: tuple[str, ...] = tuple(s.name for s in _SPECS if s.discrete)


def distribution_spec(name: str) -> DistributionSpec:
    """The registry entry for ``name``.

    Parameters
    ----------
    name : str
        Registry key such as ``"normal"`` or ``"negative_binomial"``.

    Returns
    -------
    DistributionSpec
        The family's description; StatsError listing the known families if ``name`` is unknown.
    """
    spec = DISTRIBUTIONS.get(name) if isinstance(name, str) else None
    if spec is None:
        raise StatsError(f"unknown distribution {name!r}; choose one of {', '.join(DISTRIBUTIONS)}")
    return spec


def default_params(name: str) -> dict[str, float]:
    """The family's default parameters as ``{name: value}``."""
    return {p.name: p.default for p in distribution_spec(name).params}


def _as_dict(params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None) -> dict[str, Any]:
    if params is None:
        return {}
    if isinstance(params, Mapping):
        return dict(params)
    try:
        return dict(params)
    except (TypeError, ValueError):
        raise StatsError("parameters must be a mapping or a sequence of (name, value) pairs") from None


def validate_params(name: str, params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None) -> dict[str, float]:
    """Check a family's parameters against their domains; missing ones take their defaults.

    Parameters
    ----------
    name : str
        Registry key of the family.
    params : mapping or sequence of (name, value) pairs
        Parameter values; unknown names are refused.

    Returns
    -------
    dict of str to float
        Complete, validated parameters (integers stored as whole floats).

    Raises
    ------
    StatsError
        Naming the parameter, its symbol and its domain, e.g. ``σ must satisfy σ > 0, got -1``.
    """
    spec = distribution_spec(name)
    given = _as_dict(params)
    unknown = sorted(str(k) for k in given if k not in spec.param_names)
    if unknown:
        raise StatsError(
            f"{spec.label} has no parameter {unknown[0]!r}; its parameters are {', '.join(spec.param_names)}"
        )
    out: dict[str, float] = {}
    for p in spec.params:
        raw = given.get(p.name, p.default)
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) and not hasattr(raw, "__float__"):
            raise StatsError(f"{p.symbol} ({p.label}) must be a number, got {raw!r}")
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise StatsError(f"{p.symbol} ({p.label}) must be a number, got {raw!r}") from None
        if not math.isfinite(value):
            raise StatsError(f"{p.symbol} ({p.label}) must be a finite number, got {value}")
        if abs(value) > p.limit and math.isfinite(value):
            raise StatsError(
                f"{p.symbol} ({p.label}) must be at most {p.limit:g} in size (a practical limit), got {value:g}"
            )
        if not p.contains(value):
            if p.integer and value != round(value) and p.low <= value <= p.high:
                raise StatsError(f"{p.symbol} ({p.label}) must be a whole number, got {value:g}")
            raise StatsError(f"{p.symbol} ({p.label}) must satisfy {p.domain_text()}, got {value:g}")
        out[p.name] = value
    if spec.cross_check is not None:
        problem = spec.cross_check(out)
        if problem:
            raise StatsError(f"{spec.label}: {problem}")
    return out


def frozen(name: str, params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None) -> Any:
    """A frozen scipy.stats distribution for validated parameters (scipy imported here, lazily).

    Parameters
    ----------
    name : str
        Registry key of the family.
    params : mapping or sequence of (name, value) pairs, optional
        Parameter values; defaults fill the gaps.

    Returns
    -------
    scipy.stats frozen distribution
        E.g. ``norm(loc=μ, scale=σ)``.
    """
    values = validate_params(name, params)
    return _frozen_cached(name, tuple(values.items()))


@functools.lru_cache(maxsize=128)
def _frozen_cached(name: str, items: tuple[tuple[str, float], ...]) -> Any:
    """Freezing a scipy distribution builds its docstring (~1 ms); slider drags re-ask for the same few."""
    from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

    spec = distribution_spec(name)
    return getattr(st, spec.scipy_name)(**spec.scipy_args(dict(items)))


class BoundDistribution:
    """A scipy.stats family with its parameters bound: the calls of a frozen distribution, without freezing it.

    Freezing rebuilds scipy's generator object (~0.3 ms), which is most of a slider step's maths; calling the shared
    generator with the parameters as keywords gives the same numbers for a fraction of that.
    """

    __slots__ = ("_gen", "_kwds")

    def __init__(self, generator: Any, kwds: dict[str, float]) -> None:
        self._gen = generator
        self._kwds = kwds

    def __getattr__(self, method: str) -> Callable[..., Any]:
        return functools.partial(getattr(self._gen, method), **self._kwds)


def bound(name: str, params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None) -> BoundDistribution:
    """Validated parameters bound to the scipy.stats family: ``pdf``, ``cdf``, ``ppf``, ``stats`` … like ``frozen``.

    Parameters
    ----------
    name : str
        Registry key of the family.
    params : mapping or sequence of (name, value) pairs, optional
        Parameter values; defaults fill the gaps.

    Returns
    -------
    BoundDistribution
        ``bound(name, p).pdf(x)`` equals ``frozen(name, p).pdf(x)``.
    """
    from scipy import stats as st  # deferred: importing scipy costs ~1 s at start-up

    values = validate_params(name, params)
    spec = distribution_spec(name)
    return BoundDistribution(getattr(st, spec.scipy_name), spec.scipy_args(values))
