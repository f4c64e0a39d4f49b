"""Show the code for the Distributions lab: a numpy/scipy/matplotlib script with no import of this app.

The maximum-likelihood and method-of-moments rules are written out for the family the lab fits (closed forms where
they exist, the same scipy ``fit`` calls as :mod:`engine.stats.fit` otherwise); when the lab cannot fit, the script
says why in a comment instead of computing nonsense.
"""

from __future__ import annotations

import math

import numpy as np

from engine.stats.distributions import moments, sample
from engine.stats.fit import fit_mle, method_of_moments
from engine.stats.registry import StatsError, distribution_spec

__all__ = ["snippet"]

_MLE = {
    "normal": ["params = {'mu': data.mean(), 'sigma': data.std()}  # closed form; std divides by N"],
    "uniform": ["params = {'a': data.min(), 'b': data.max()}"],
    "exponential": ["params = {'lam': 1 / data.mean()}"],
    "gamma": ["shape, _, scale = stats.gamma.fit(data, floc=0)", "params = {'alpha': shape, 'beta': 1 / scale}"],
    "beta": ["a_, b_, _, _ = stats.beta.fit(data, floc=0, fscale=1)", "params = {'alpha': a_, 'beta': b_}"],
    "lognormal": ["params = {'mu': np.log(data).mean(), 'sigma': np.log(data).std()}"],
    "student_t": ["nu, loc, scale = stats.t.fit(data)", "params = {'nu': nu, 'mu': loc, 'sigma': scale}"],
    "chi_square": ["k, _, _ = stats.chi2.fit(data, floc=0, fscale=1)", "params = {'k': k}"],
    "laplace": ["med = np.median(data)", "params = {'mu': med, 'b': np.abs(data - med).mean()}"],
    "cauchy": ["loc, scale = stats.cauchy.fit(data)", "params = {'x0': loc, 'gamma': scale}"],
    "bernoulli": ["params = {'p': data.mean()}"],
    "binomial": [
        "n_max = int(data.max())  # n held fixed at the largest count",
        "params = {'n': n_max, 'p': data.mean() / n_max}",
    ],
    "poisson": ["params = {'lam': data.mean()}"],
    "geometric": ["params = {'p': 1 / data.mean()}"],
    "negative_binomial": [
        "values, counts = np.unique(data, return_counts=True)",
        "mean, var = float(data.mean()), float(data.var())",
        "",
        "",
        "def neg_loglik(log_r):  # the profile likelihood: p = r / (r + mean) is the MLE of p given r",
        "    r = math.exp(log_r)",
        "    return -float(np.dot(counts, stats.nbinom.logpmf(values, r, r / (r + mean))))",
        "",
        "",
        "start = math.log(mean * mean / (var - mean))",
        "best = optimize.minimize_scalar(neg_loglik, bounds=(start - 12, min(start + 12, math.log(1e4))),",
        "                                method='bounded', options={'xatol': 1e-10})",
        "r = math.exp(float(best.x))",
        "params = {'r': r, 'p': r / (r + mean)}",
    ],
}
_MOM = {
    "normal": ["m_params = {'mu': m, 'sigma': np.sqrt(v)}"],
    "uniform": ["m_params = {'a': m - np.sqrt(3 * v), 'b': m + np.sqrt(3 * v)}"],
    "exponential": ["m_params = {'lam': 1 / m}"],
    "gamma": ["m_params = {'alpha': m * m / v, 'beta': m / v}"],
    "beta": ["common = m * (1 - m) / v - 1", "m_params = {'alpha': m * common, 'beta': (1 - m) * common}"],
    "lognormal": ["s2 = np.log1p(v / (m * m))", "m_params = {'mu': np.log(m) - s2 / 2, 'sigma': np.sqrt(s2)}"],
    "student_t": [
        "nu = 4 + 6 / stats.kurtosis(data)  # kurtosis matched too",
        "m_params = {'nu': nu, 'mu': m, 'sigma': np.sqrt(v * (nu - 2) / nu)}",
    ],
    "chi_square": ["m_params = {'k': m}"],
    "laplace": ["m_params = {'mu': m, 'b': np.sqrt(v / 2)}"],
    "cauchy": [
        "q25, med, q75 = np.percentile(data, [25, 50, 75])  # no moments: quartiles matched instead",
        "m_params = {'x0': med, 'gamma': (q75 - q25) / 2}",
    ],
    "bernoulli": ["m_params = {'p': m}"],
    "binomial": ["m_params = {'n': int(data.max()), 'p': m / int(data.max())}"],
    "poisson": ["m_params = {'lam': m}"],
    "geometric": ["m_params = {'p': 1 / m}"],
    "negative_binomial": ["m_params = {'r': m * m / (v - m), 'p': m / v}"],
}

_CHI2 = '''

def pooled_chi_square(x, dist):
    """Chi-square goodness of fit, far tails pooled and cells merged until each expects at least 5 draws."""
    lo, hi = (float(q) for q in dist.ppf([1e-6, 1 - 1e-6]))
    lo = max(lo, float(dist.support()[0]))
    ks = np.arange(lo, hi + 1.0)
    if ks.size > 2000:
        ks = np.unique(np.round(np.linspace(lo, hi, 2000)))
    probs = np.diff(np.concatenate([[0.0], dist.cdf(ks[:-1]), [1.0]]))
    observed = np.bincount(np.minimum(np.searchsorted(ks, x), ks.size - 1), minlength=ks.size).astype(float)
    cells_o, cells_e, acc_o, acc_e = [], [], 0.0, 0.0
    for o, e in zip(observed, probs * x.size):
        acc_o, acc_e = acc_o + o, acc_e + e
        if acc_e >= 5.0:
            cells_o.append(acc_o)
            cells_e.append(acc_e)
            acc_o = acc_e = 0.0
    if len(cells_e) < 2:
        return 1.0  # every draw falls in one cell
    cells_o[-1] += acc_o
    cells_e[-1] += acc_e
    o_arr, e_arr = np.array(cells_o), np.array(cells_e)
    return float(stats.chisquare(o_arr, e_arr * o_arr.sum() / e_arr.sum()).pvalue)

'''


def _fit_data(state) -> np.ndarray:
    """The data the lab fits: the loaded column, or the lab's samples (as ``engine.stats.lab.fit_data``)."""
    if state.mle_source == "data":
        if not state.data:
            raise StatsError("no data loaded: open a CSV file or pick a bundled data set")
        return np.asarray(state.data, dtype=np.float64)
    return sample(state.distribution, state.params, state.n_samples, state.seed)


def _literal(name: str, param: str, value: float) -> str:
    """A parameter as Python text: the binomial's n as an int (numpy's sampler refuses a float count)."""
    return repr(int(value)) if name == "binomial" and param == "n" else repr(value)


def _ctor(name: str, values: dict[str, str]) -> str:
    return "stats." + distribution_spec(name).scipy_text.format(**values)


def snippet(state) -> str:
    """The script for a :class:`engine.stats.DistributionsState` (see :func:`engine.stats.code`)."""
    spec_ = distribution_spec(state.distribution)
    values = dict(state.params)
    lines = [
        "import math",
        "",
        "import matplotlib.pyplot as plt",
        "import numpy as np",
        "from scipy import optimize, stats",
        "",
        f"# {spec_.label} distribution with the lab's parameters",
        f"dist = {_ctor(state.distribution, {k: _literal(state.distribution, k, v) for k, v in values.items()})}",
        f"rng = np.random.default_rng({state.seed})",
        f"x = dist.rvs(size={state.n_samples}, random_state=rng).astype(float)",
        "",
        'result = {"distribution": ' + repr(state.distribution) + ', "n_samples": x.size}',
    ]
    mom = moments(state.distribution, state.params)
    if math.isfinite(mom.mean):
        lines.append('result["theoretical_mean"] = float(dist.mean())')
    if math.isfinite(mom.variance):
        lines.append('result["theoretical_variance"] = float(dist.var())')
    lines += [
        'result["sample_mean"] = float(x.mean())',
        "if x.size > 1:",
        '    result["sample_variance"] = float(x.var(ddof=1))  # unbiased: divide by N - 1',
        "if x.size > 2 and x.var() > 0:",
        '    result["sample_skewness"] = float(stats.skew(x))',
    ]
    if spec_.discrete:
        lines += [_CHI2, 'result["gof_p"] = pooled_chi_square(x, dist)']
    else:
        lines += [
            "# Kolmogorov-Smirnov test: could these draws come from dist?",
            'result["ks_p"] = result["gof_p"] = float(stats.kstest(x, dist.cdf).pvalue)',
        ]
    lines += [
        "",
        "# Bayes coin: a Beta(alpha, beta) prior updated by the flips",
        f"alpha, beta, flips = {state.coin_alpha!r}, {state.coin_beta!r}, {state.flips!r}",
        "heads, tails = flips.count('H'), flips.count('T')",
        "a_post, b_post = alpha + heads, beta + tails",
        "result.update(coin_heads=heads, coin_tails=tails, coin_post_mean=a_post / (a_post + b_post))",
        "if a_post > 1 and b_post > 1:",
        '    result["coin_map"] = (a_post - 1) / (a_post + b_post - 2)  # the posterior\'s mode',
        "elif a_post <= 1 < b_post or b_post <= 1 < a_post:",
        '    result["coin_map"] = 0.0 if a_post <= 1 else 1.0',
        "if flips:",
        '    result["coin_mle"] = heads / len(flips)',
        "",
        f"# Maximum likelihood: fit a {distribution_spec(state.mle_family).label} family",
    ]
    if state.mle_source == "data":
        lines.append(f"data = np.array({[float(v) for v in state.data]!r})  # {state.data_label or 'loaded data'}")
    else:
        lines.append("data = x")
    data = None
    try:
        data = _fit_data(state)
        fit_mle(state.mle_family, data)
        fam = {p: p for p in distribution_spec(state.mle_family).param_names}
        fitted = _ctor(state.mle_family, {k: f"params[{k!r}]" for k in fam})
        logf = "logpmf" if distribution_spec(state.mle_family).discrete else "logpdf"
        lines += _MLE[state.mle_family]
        lines += [
            "params = {k: float(v) for k, v in params.items()}",
            f"fitted = {fitted}",
            'result.update({f"mle_{k}": v for k, v in params.items()})',
            f'result["mle_loglik"] = float(np.sum(fitted.{logf}(data)))',
        ]
    except StatsError as exc:
        lines.append(f"# the lab cannot fit this family: {exc}")
    if data is not None:
        try:
            method_of_moments(state.mle_family, data)
            lines += ["m, v = data.mean(), data.var()  # method of moments: match the mean and variance"]
            lines += _MOM[state.mle_family]
            lines.append('result.update({f"mom_{k}": float(v) for k, v in m_params.items()})')
        except StatsError:
            pass
    lines += [
        "print(result)",
        "",
        "# The sampler: a density histogram of the draws with the distribution's curve.",
        "fig, ax = plt.subplots(figsize=(7, 4))",
    ]
    if spec_.discrete:
        lines += [
            "ks = np.arange(x.min(), x.max() + 1)",
            'ax.bar(ks, [(x == k).mean() for k in ks], color="#56B4E9", label="share of draws")',
            'ax.plot(ks, dist.pmf(ks), "o", color="#D55E00", label="pmf")',
        ]
    else:
        lines += [
            "lo, hi = np.percentile(x, [0.5, 99.5])",
            'ax.hist(x[(x >= lo) & (x <= hi)], bins=60, density=True, color="#56B4E9", label="draws")',
            "grid = np.linspace(lo, hi, 400)",
            'ax.plot(grid, dist.pdf(grid), color="#D55E00", lw=2.5, label="pdf")',
        ]
    lines += [f'ax.set(title="{spec_.label}, N = {state.n_samples}")', "ax.legend()", "plt.show()"]
    return "\n".join(lines) + "\n"
