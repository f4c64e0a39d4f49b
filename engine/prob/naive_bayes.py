"""Multinomial naive Bayes on word counts: Laplace smoothing, likelihood ratios, posteriors in log space.

The tokenizer is scikit-learn's default (lower case, words of two or more letters/digits), so the same counts give
the same posteriors as ``CountVectorizer`` + ``MultinomialNB`` (the tests check it).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from engine.resources import resource_path

__all__ = [
    "CORPUS_FILE",
    "CLASSES",
    "CorpusError",
    "WordCounts",
    "Score",
    "tokenize",
    "parse_corpus",
    "bundled_corpus",
    "count_words",
    "score_message",
    "underflow_length",
]

CORPUS_FILE = "corpus/spam_ham_cc0.tsv"
CLASSES = ("spam", "ham")
TOKEN = re.compile(r"(?u)\b\w\w+\b")
SMALLEST_FLOAT = 5e-324
"""The smallest positive float64 (a subnormal); a product of probabilities below it becomes 0.0."""


class CorpusError(ValueError):
    """A corpus file that cannot be read: a line without a tab, an unknown label, a class with no message."""


def tokenize(text: str) -> list[str]:
    """Lower-case words of two or more letters or digits (scikit-learn's ``CountVectorizer`` default)."""
    return TOKEN.findall(text.lower())


def parse_corpus(text: str) -> tuple[tuple[str, str], ...]:
    """(label, message) pairs from ``label<TAB>message`` lines; ``#`` lines and blank lines are skipped."""
    out = []
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, sep, message = line.partition("\t")
        if not sep:
            raise CorpusError(f"line {no}: expected 'label<TAB>message'")
        if label not in CLASSES:
            raise CorpusError(f"line {no}: unknown label {label!r}; labels are {', '.join(CLASSES)}")
        out.append((label, message.strip()))
    for c in CLASSES:
        if not any(label == c for label, _ in out):
            raise CorpusError(f"the corpus has no {c!r} message")
    return tuple(out)


@lru_cache(maxsize=1)
def bundled_corpus() -> tuple[tuple[str, str], ...]:
    """The bundled CC0 corpus (resources/corpus/): 40 spam and 40 ham short messages."""
    return parse_corpus(resource_path(CORPUS_FILE).read_text(encoding="utf-8"))


@dataclass(frozen=True, eq=False)
class WordCounts:
    """Per-class word counts of a corpus: what multinomial naive Bayes is fitted on."""

    vocabulary: tuple[str, ...]
    """Sorted, as ``CountVectorizer.get_feature_names_out``."""
    counts: np.ndarray
    """(2, V): how often each word occurs in the spam and in the ham messages."""
    docs: tuple[int, int]
    """Messages per class (the class priors are their shares)."""

    def index(self) -> dict[str, int]:
        """Word -> column."""
        return {w: i for i, w in enumerate(self.vocabulary)}


@lru_cache(maxsize=4)
def count_words(corpus: tuple[tuple[str, str], ...]) -> WordCounts:
    """Count every word of every message per class."""
    per_class = {c: Counter() for c in CLASSES}
    for label, message in corpus:
        per_class[label].update(tokenize(message))
    vocab = tuple(sorted(set(per_class["spam"]) | set(per_class["ham"])))
    counts = np.array([[per_class[c][w] for w in vocab] for c in CLASSES], dtype=float)
    docs = tuple(sum(1 for label, _ in corpus if label == c) for c in CLASSES)
    return WordCounts(vocab, counts, docs)  # type: ignore[arg-type]


@dataclass(frozen=True, eq=False)
class Score:
    """A message scored by naive Bayes: posteriors and every word's part in them."""

    words: tuple[str, ...]
    """Known words of the message, in order of first appearance."""
    word_counts: tuple[int, ...]
    unknown: tuple[str, ...]
    """Words not in the corpus vocabulary: ignored (they carry no evidence either way)."""
    log_prior: tuple[float, float]
    log_likelihood: tuple[float, float]
    """Σ count·log P(word | class) over the message."""
    log_joint: tuple[float, float]
    posterior: tuple[float, float]
    """P(spam | message), P(ham | message)."""
    p_word: np.ndarray
    """(2, k): smoothed P(word | class) of each known word."""
    log_ratio: np.ndarray
    """(k,): count × log[P(word | spam) / P(word | ham)]: > 0 pushes towards spam."""
    raw_product: tuple[float, float]
    """Π P(word | class) computed without logs (it underflows for long messages)."""


def score_message(model: WordCounts, message: str, alpha: float = 1.0) -> Score:
    """Posterior of each class for ``message``: log P(c) + Σ n_w log P(w | c), normalised with log-sum-exp.

    Parameters
    ----------
    model : WordCounts
    message : str
    alpha : float > 0
        Additive (Laplace for 1) smoothing: P(w | c) = (n_wc + α) / (n_c + α·V).

    Returns
    -------
    Score
    """
    if not (math.isfinite(alpha) and alpha > 0):
        raise ValueError(f"the smoothing α must be a positive number, got {alpha}")
    index = model.index()
    tokens = tokenize(message)
    seen: Counter[str] = Counter(t for t in tokens if t in index)
    words = tuple(seen)
    unknown = tuple(dict.fromkeys(t for t in tokens if t not in index))
    n = np.array([seen[w] for w in words], dtype=float)
    cols = [index[w] for w in words]
    vocab = len(model.vocabulary)
    totals = model.counts.sum(axis=1)
    p_word = (model.counts[:, cols] + alpha) / (totals[:, None] + alpha * vocab)
    log_p = np.log(p_word)
    docs = np.array(model.docs, dtype=float)
    log_prior = np.log(docs / docs.sum())
    log_lik = log_p @ n if n.size else np.zeros(2)
    joint = log_prior + log_lik
    top = joint.max()
    post = np.exp(joint - top)
    post /= post.sum()
    with np.errstate(under="ignore"):
        raw = np.prod(p_word ** n[None, :], axis=1) if n.size else np.ones(2)
    return Score(
        words=words,
        word_counts=tuple(int(c) for c in n),
        unknown=unknown,
        log_prior=(float(log_prior[0]), float(log_prior[1])),
        log_likelihood=(float(log_lik[0]), float(log_lik[1])),
        log_joint=(float(joint[0]), float(joint[1])),
        posterior=(float(post[0]), float(post[1])),
        p_word=p_word,
        log_ratio=n * (log_p[0] - log_p[1]) if n.size else np.zeros(0),
        raw_product=(float(raw[0]), float(raw[1])),
    )


def underflow_length(mean_log_p: float) -> int | None:
    """How many words of average log-probability ``mean_log_p`` make Π P(word) smaller than the smallest float64."""
    if not (math.isfinite(mean_log_p) and mean_log_p < 0):
        return None
    return math.ceil(math.log(SMALLEST_FLOAT) / mean_log_p)
