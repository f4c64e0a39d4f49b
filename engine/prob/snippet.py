"""Show the code for the Probability lab: a numpy + matplotlib script reproducing the lab's numbers and pictures.

It calls nothing from this app: a student can paste it into a notebook. It ends with a dict ``result`` whose keys are
a subset of :func:`engine.prob.lab.metrics`.
"""

from __future__ import annotations

from engine.prob.lab import ProbabilityState
from engine.prob.naive_bayes import bundled_corpus, count_words, score_message
from engine.prob.spaces import EVENT_CODE, OUTCOME_CODE, OUTCOME_NAMES, SHOWN_ROLLS, space_title

__all__ = ["code"]


def _nb_lines(state: ProbabilityState) -> list[str]:
    model = count_words(bundled_corpus())
    score = score_message(model, state.message, state.alpha)
    index = model.index()
    rows = {w: [int(model.counts[0, index[w]]), int(model.counts[1, index[w]])] for w in score.words}
    totals = [int(t) for t in model.counts.sum(axis=1)]
    return [
        "# --- 4. naive Bayes: the message's known words and their counts in the bundled corpus (spam, ham) ---",
        f"message = {state.message!r}",
        f"word_counts_in_corpus = {rows!r}",
        f"words_in_message = {dict(zip(score.words, score.word_counts, strict=True))!r}",
        f"total_words = np.array({totals!r}, dtype=float)  # all words of the spam / ham messages",
        f"vocabulary_size = {len(model.vocabulary)}",
        f"messages_per_class = np.array({list(model.docs)!r}, dtype=float)",
        f"alpha = {state.alpha!r}  # Laplace smoothing for alpha = 1",
        "log_joint = np.log(messages_per_class / messages_per_class.sum())",
        "for word, n in words_in_message.items():",
        "    p_word = (np.array(word_counts_in_corpus[word]) + alpha) / (total_words + alpha * vocabulary_size)",
        "    log_joint = log_joint + n * np.log(p_word)  # sums of logs never underflow",
        "posterior = np.exp(log_joint - log_joint.max())",
        "posterior /= posterior.sum()",
        'result["nb_p_spam"] = float(posterior[0])',
    ]


def _space_lines(state: ProbabilityState) -> list[str]:
    names = OUTCOME_NAMES[state.space]
    cond_a, cond_b = EVENT_CODE[state.space][state.space_a], EVENT_CODE[state.space][state.space_b]
    return [
        f"# --- 5. a finite space: {space_title(state.space)}, every outcome equally likely ---",
        f"outcomes = {OUTCOME_CODE[state.space]}",
        f"in_A = np.array([{cond_a} for {names} in outcomes])",
        f"in_B = np.array([{cond_b} for {names} in outcomes])",
        "N = len(outcomes)",
        "P_A, P_B, P_AB = (Fraction(int(m.sum()), N) for m in (in_A, in_B, in_A & in_B))  # exact counts",
        "result['space_p_a'], result['space_p_b'], result['space_p_ab'] = float(P_A), float(P_B), float(P_AB)",
        "result['space_independent'] = P_AB == P_A * P_B  # exact: no tolerance needed",
        f"rng, trials = np.random.default_rng({state.seed}), {state.n_trials}",
        f"first = rng.integers(0, N, size=min(trials, {SHOWN_ROLLS}))  # the first trials one by one",
        "counts = np.bincount(first, minlength=N)",
        "if trials > len(first):  # the rest: how often each outcome comes up is multinomial",
        "    counts = counts + rng.multinomial(trials - len(first), np.full(N, 1 / N))",
        "if trials:",
        "    result['space_freq_a'] = float(counts[in_A].sum()) / trials",
        "    result['space_freq_ab'] = float(counts[in_A & in_B].sum()) / trials",
    ]


def code(state: ProbabilityState) -> str:
    """A numpy/matplotlib snippet with the lab's events, simulation, medical test and naive Bayes score."""
    lines = [
        "import itertools",
        "from fractions import Fraction",
        "",
        "import matplotlib.pyplot as plt",
        "import numpy as np",
        "from matplotlib.patches import Rectangle",
        "",
        "# --- 1. events as areas in the unit square: (x, y, width, height) ---",
        f"A = {tuple(state.event_a)!r}",
        f"B = {tuple(state.event_b)!r}",
        "p_a, p_b = A[2] * A[3], B[2] * B[3]",
        "w = max(0.0, min(A[0] + A[2], B[0] + B[2]) - max(A[0], B[0]))",
        "h = max(0.0, min(A[1] + A[3], B[1] + B[3]) - max(A[1], B[1]))",
        "p_ab = w * h",
        "result = {'p_a': p_a, 'p_b': p_b, 'p_ab': p_ab, 'p_union': p_a + p_b - p_ab}",
        "if p_b > 0:",
        "    result['p_a_given_b'] = p_ab / p_b  # the share of B that is also A",
        "result['independent'] = abs(p_ab - p_a * p_b) <= 1e-9",
        "",
        "# --- 2. simulation: throw uniform points and count (first points drawn, the rest counted per cell) ---",
        f"rng = np.random.default_rng({state.seed})",
        f"n = {state.n_trials}",
        "pts = rng.random((min(n, 2000), 2))",
        "x, y = pts[:, 0], pts[:, 1]",
        "in_a = (x >= A[0]) & (x < A[0] + A[2]) & (y >= A[1]) & (y < A[1] + A[3])",
        "in_b = (x >= B[0]) & (x < B[0] + B[2]) & (y >= B[1]) & (y < B[1] + B[3])",
        "cells = np.array([np.sum(in_a & in_b), np.sum(in_a & ~in_b), np.sum(in_b & ~in_a)])",
        "if n > len(pts):",
        "    p = np.clip([p_ab, p_a - p_ab, p_b - p_ab], 0, 1)",
        "    p = np.append(p, max(0.0, 1 - p.sum()))",
        "    cells = cells + rng.multinomial(n - len(pts), p / p.sum())[:3]",
        "if n:",
        "    result['freq_a'] = float(cells[0] + cells[1]) / n",
        "    result['freq_ab'] = float(cells[0]) / n",
        "",
        "# --- 3. Bayes with base rates: P(D | +) ---",
        f"prevalence, sensitivity, specificity = {state.prevalence!r}, {state.sensitivity!r}, {state.specificity!r}",
        "p_pos = sensitivity * prevalence + (1 - specificity) * (1 - prevalence)",
        "result['p_positive'] = p_pos",
        "if p_pos > 0:",
        "    result['posterior'] = sensitivity * prevalence / p_pos",
        "",
        *_nb_lines(state),
        "",
        *_space_lines(state),
        "",
        "fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 4.5))",
        "ax1.add_patch(Rectangle(A[:2], A[2], A[3], color='#0072B2', alpha=0.35, label='A'))",
        "ax1.add_patch(Rectangle(B[:2], B[2], B[3], color='#D55E00', alpha=0.35, label='B'))",
        "ax1.plot(pts[:, 0], pts[:, 1], '.', color='0.3', markersize=2)",
        "ax1.set(xlim=(0, 1), ylim=(0, 1), aspect='equal', title=f'P(A∩B) = {p_ab:.3f}')",
        "ax1.legend(loc='upper right')",
        "ax2.bar(['P(D)', 'P(D | +)'], [prevalence, result.get('posterior', 0.0)], color=['#999999', '#CC79A7'])",
        "ax2.set(ylim=(0, 1), title='before and after a positive test')",
        "plt.tight_layout()",
        "plt.show()",
        "print(result)",
    ]
    return "\n".join(lines) + "\n"
