"""The Hypothesis lab's readouts in words: each tab's result label and the verdict sentence under the plot.

Written here, beside the numbers, so the window shows text it did not compose and a test can read it without Qt.
"""

from __future__ import annotations

from engine.i18n import localize, translate
from engine.inference.intervals import IntervalSimulation, PowerResult
from engine.inference.resampling import BootstrapResult, PermutationResult, permutation_progress
from engine.inference.result import TestResult, format_p, p_phrase

__all__ = [
    "result_text",
    "ab_text",
    "intervals_text",
    "intervals_verdict",
    "power_text",
    "power_verdict",
    "permutation_readout",
    "bootstrap_readout",
]


def result_text(res: TestResult) -> str:
    """The test tab's result: name, hypotheses, statistic, p, estimate, rejection rule and notes (rich text)."""
    stat = localize(f"{res.statistic:.0f}" if res.null[0] == "binom" else f"{res.statistic:.4f}")
    df = localize(f", df = {res.df:.4g}") if res.df is not None else ""
    lines = [
        f"<b>{translate('inference', res.name)}</b>",
        f"H₀: {res.h0}&nbsp;&nbsp; H₁: {res.h1}",
        f"{res.symbol} = {stat}{df}",
        p_phrase(f"<b>p = {localize(format_p(res.p_value))}</b>"),
        f"{translate('inference', res.estimate_label)} = {localize(f'{res.estimate:.4g}')}",
        res.reject_rule,
    ]
    lines += [f"<i>{translate('inference', note)}</i>" for note in res.notes]
    return "<br>".join(lines)


def ab_text(res: TestResult, x1: int, n1: int, x2: int, n2: int) -> str:
    """The A/B tab's result: both conversion rates, z and p (rich text)."""
    return p_phrase(translate("inference", "conversion A = {0}%, B = {1}%<br>z = {2}, <b>p = {3}</b>").format(
        localize(f"{100 * x1 / n1:.2f}"),
        localize(f"{100 * x2 / n2:.2f}"),
        localize(f"{res.statistic:.4f}"),
        localize(format_p(res.p_value)),
    ))


def intervals_text(sim: IntervalSimulation) -> str:
    """How many simulated intervals cover μ, against the expected count."""
    expected = sim.level * sim.count
    return translate("inference", "<b>{0} of {1}</b> intervals cover μ = {2} (expected about {3})").format(
        sim.coverage, sim.count, localize(f"{sim.mu:g}"), f"{expected:.0f}"
    )


def intervals_verdict(sim: IntervalSimulation) -> str:
    """What the coverage means: a hit rate of the method, not a probability about one interval."""
    level = localize(f"{100 * sim.level:.3g}%")
    return translate(
        "inference",
        "{0} of {1} {2} intervals contain the true mean; {3} miss it (in vermillion). The {2} is the method's hit "
        "rate over many samples, not a probability about one interval.",
    ).format(sim.coverage, sim.count, level, sim.count - sim.coverage)


def power_text(res: PowerResult) -> str:
    """Power, β and α of the power tab (rich text)."""
    return translate("inference", "<b>power = {0}</b><br>β (type II) = {1}<br>α (type I) = {2}").format(
        *(localize(f"{v:.3f}") for v in (res.power, res.beta, res.alpha))
    )


def power_verdict(res: PowerResult) -> str:
    """The power in a sentence: how often the test detects the effect, and how often it misses it."""
    return translate(
        "inference",
        "With effect d = {0} and n = {1}, the test detects the effect {2}% of the time (power); it misses it {3}% of "
        "the time (β).",
    ).format(
        localize(f"{res.effect_size:.2f}"), res.n, localize(f"{100 * res.power:.1f}"), localize(f"{100 * res.beta:.1f}")
    )


def permutation_readout(result: PermutationResult, done: int, alpha: float) -> tuple[str, str, bool | None]:
    """(label, verdict, reject) after the first ``done`` shuffles; ``reject`` is None until every one is shown."""
    prog = permutation_progress(result, done)
    exact = translate("inference", " (every relabelling: an exact test)") if result.exact else ""
    label = translate("inference", "observed difference = {0}<br>{1}<br><b>p = {2}</b> after {3} of {4} shuffles{5}")
    label = label.format(
        localize(f"{result.observed:.4g}"), prog.text, format_p(prog.p_value), prog.done, prog.total, exact
    )
    if prog.done < prog.total:
        shuffling = translate("inference", "Shuffling labels… {0} of {1}: {2}.")
        return label, shuffling.format(prog.done, prog.total, prog.text), None
    reject = prog.p_value <= alpha
    if reject:
        decision = translate("inference", "reject H₀: the labels seem to matter.")
    else:
        decision = translate("inference", "do not reject H₀: shuffled labels often give a difference this large.")
    return label, f"p = {format_p(prog.p_value)} {'≤' if reject else '>'} α = {alpha:g}: {decision}", reject


def bootstrap_readout(res: BootstrapResult) -> tuple[str, str]:
    """(label, verdict) of one bootstrap interval."""
    level = localize(f"{100 * (1 - res.alpha):.3g}%")
    names = {
        "mean": translate("inference", "mean"),
        "median": translate("inference", "median"),
        "std": translate("inference", "standard deviation"),
    }
    methods = {"percentile": translate("inference", "percentile"), "basic": translate("inference", "basic")}
    name, method = names.get(res.stat, res.stat), methods.get(res.method, res.method)
    est, low, high, se = (localize(f"{v:.4g}") for v in (res.estimate, res.low, res.high, res.standard_error))
    label = translate(
        "inference", "sample {0} = {1}<br><b>{2} CI [{3}, {4}]</b><br>bootstrap standard error = {5}"
    ).format(name, est, level, low, high, se)
    verdict = translate(
        "inference",
        "{0} {1} bootstrap interval for the {2}: [{3}, {4}]. It comes from resampling the data itself — no formula "
        "for the sampling distribution needed.",
    ).format(level, method, name, low, high)
    return label, verdict
