"""The Hypothesis lab's readouts in words: each tab's result label and the verdict sentence under the plot.

Written here, beside the numbers, so the window shows text it did not compose and a test can read it without Qt.
"""

from __future__ import annotations

from engine.inference.intervals import IntervalSimulation, PowerResult
from engine.inference.resampling import BootstrapResult, PermutationResult, permutation_progress
from engine.inference.result import TestResult, format_p

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
    stat = f"{res.statistic:.0f}" if res.null[0] == "binom" else f"{res.statistic:.4f}"
    lines = [f"<b>{res.name}</b>", f"H₀: {res.h0}&nbsp;&nbsp; H₁: {res.h1}",
             f"{res.symbol} = {stat}" + (f", df = {res.df:.4g}" if res.df is not None else ""),
             f"<b>p = {format_p(res.p_value)}</b>", f"{res.estimate_label} = {res.estimate:.4g}",
             res.reject_rule]  # fmt: skip
    lines += [f"<i>{note}</i>" for note in res.notes]
    return "<br>".join(lines)


def ab_text(res: TestResult, x1: int, n1: int, x2: int, n2: int) -> str:
    """The A/B tab's result: both conversion rates, z and p (rich text)."""
    return (
        f"conversion A = {100 * x1 / n1:.2f}%, B = {100 * x2 / n2:.2f}%<br>z = {res.statistic:.4f}, "
        f"<b>p = {format_p(res.p_value)}</b>"
    )


def intervals_text(sim: IntervalSimulation) -> str:
    """How many simulated intervals cover μ, against the expected count."""
    expected = sim.level * sim.count
    return f"<b>{sim.coverage} of {sim.count}</b> intervals cover μ = {sim.mu:g} (expected about {expected:.0f})"


def intervals_verdict(sim: IntervalSimulation) -> str:
    """What the coverage means: a hit rate of the method, not a probability about one interval."""
    level = f"{100 * sim.level:.3g}%"
    return (
        f"{sim.coverage} of {sim.count} {level} intervals contain the true mean; {sim.count - sim.coverage} miss it "
        f"(in vermillion). The {level} is the method's hit rate over many samples, not a probability about one "
        "interval."
    )


def power_text(res: PowerResult) -> str:
    """Power, β and α of the power tab (rich text)."""
    return f"<b>power = {res.power:.3f}</b><br>β (type II) = {res.beta:.3f}<br>α (type I) = {res.alpha:.3f}"


def power_verdict(res: PowerResult) -> str:
    """The power in a sentence: how often the test detects the effect, and how often it misses it."""
    return (
        f"With effect d = {res.effect_size:.2f} and n = {res.n}, the test detects the effect "
        f"{100 * res.power:.1f}% of the time (power); it misses it {100 * res.beta:.1f}% of the time (β)."
    )


def permutation_readout(result: PermutationResult, done: int, alpha: float) -> tuple[str, str, bool | None]:
    """(label, verdict, reject) after the first ``done`` shuffles; ``reject`` is None until every one is shown."""
    prog = permutation_progress(result, done)
    exact = " (every relabelling: an exact test)" if result.exact else ""
    label = (
        f"observed difference = {result.observed:.4g}<br>{prog.text}<br><b>p = {format_p(prog.p_value)}</b> "
        f"after {prog.done} of {prog.total} shuffles{exact}"
    )
    if prog.done < prog.total:
        return label, f"Shuffling labels… {prog.done} of {prog.total}: {prog.text}.", None
    reject = prog.p_value <= alpha
    if reject:
        decision = "reject H₀: the labels seem to matter."
    else:
        decision = "do not reject H₀: shuffled labels often give a difference this large."
    return label, f"p = {format_p(prog.p_value)} {'≤' if reject else '>'} α = {alpha:g}: {decision}", reject


def bootstrap_readout(res: BootstrapResult) -> tuple[str, str]:
    """(label, verdict) of one bootstrap interval."""
    level = f"{100 * (1 - res.alpha):.3g}%"
    name = {"std": "standard deviation"}.get(res.stat, res.stat)
    label = (
        f"sample {name} = {res.estimate:.4g}<br><b>{level} CI [{res.low:.4g}, {res.high:.4g}]</b><br>"
        f"bootstrap standard error = {res.standard_error:.4g}"
    )
    verdict = (
        f"{level} {res.method} bootstrap interval for the {name}: [{res.low:.4g}, {res.high:.4g}]. "
        "It comes from resampling the data itself — no formula for the sampling distribution needed."
    )
    return label, verdict
