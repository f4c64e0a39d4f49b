"""engine.prob naive Bayes: posteriors equal scikit-learn's MultinomialNB on the same counts; logs avoid underflow."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import prob as P

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
sklearn_nb = pytest.importorskip("sklearn.naive_bayes")

MESSAGES = [
    "Claim your free prize now, call today",
    "see you at the library after class",
    "free lunch tomorrow at the library? call me",
    "WIN WIN WIN cash cash",
    "completely unseen zebra words",
    "",
]


def _sklearn(alpha: float):
    corpus = P.bundled_corpus()
    vec = sklearn_text.CountVectorizer()
    X = vec.fit_transform([m for _, m in corpus])
    y = [label for label, _ in corpus]
    nb = sklearn_nb.MultinomialNB(alpha=alpha).fit(X, y)
    return vec, nb


@pytest.mark.parametrize("alpha", [1.0, 0.25, 3.0])
def test_posteriors_equal_multinomialnb(alpha) -> None:
    vec, nb = _sklearn(alpha)
    model = P.count_words(P.bundled_corpus())
    assert model.vocabulary == tuple(vec.get_feature_names_out())
    spam = list(nb.classes_).index("spam")
    for text in MESSAGES:
        expected = nb.predict_proba(vec.transform([text]))[0]
        got = P.score_message(model, text, alpha)
        assert got.posterior[0] == pytest.approx(expected[spam], rel=1e-9, abs=1e-12), text
        assert got.posterior[1] == pytest.approx(expected[1 - spam], rel=1e-9, abs=1e-12), text


def test_laplace_smoothing_and_likelihood_ratios_by_hand() -> None:
    model = P.count_words(P.bundled_corpus())
    s = P.score_message(model, "free free library", 1.0)
    i = model.index()
    totals = model.counts.sum(axis=1)
    v = len(model.vocabulary)
    p_free = (model.counts[:, i["free"]] + 1) / (totals + v)
    assert s.p_word[:, 0] == pytest.approx(p_free)
    assert model.counts[0, i["library"]] == 0 or model.counts[1, i["library"]] > model.counts[0, i["library"]]
    assert s.log_ratio[0] == pytest.approx(2 * math.log(p_free[0] / p_free[1]))  # "free" twice
    assert s.log_ratio[0] > 0 > s.log_ratio[1]  # free pushes to spam, library to ham
    assert s.word_counts == (2, 1)


def test_unknown_words_are_ignored_and_named() -> None:
    model = P.count_words(P.bundled_corpus())
    s = P.score_message(model, "zebra quantum free", 1.0)
    assert s.words == ("free",) and s.unknown == ("zebra", "quantum")
    empty = P.score_message(model, "", 1.0)
    assert empty.posterior == pytest.approx((0.5, 0.5))  # 40/40 messages: the prior
    with pytest.raises(ValueError, match="α"):
        P.score_message(model, "free", 0.0)


def test_logs_avoid_the_underflow_of_the_plain_product() -> None:
    model = P.count_words(P.bundled_corpus())
    long = " ".join(["library class tomorrow lunch"] * 60)
    s = P.score_message(model, long, 1.0)
    assert s.raw_product == (0.0, 0.0)  # the plain product underflowed in float64 …
    assert all(np.isfinite(s.log_likelihood)) and s.posterior[1] > 0.99  # … the sum of logs did not
    assert P.underflow_length(math.log(0.01)) == math.ceil(math.log(5e-324) / math.log(0.01))
    assert P.underflow_length(0.0) is None


def test_corpus_parser_names_what_is_wrong() -> None:
    assert len(P.bundled_corpus()) == 80
    assert P.parse_corpus("# c\nspam\tfree\n\nham\thi there\n") == (("spam", "free"), ("ham", "hi there"))
    for text, msg in (("spam free", "line 1"), ("eggs\thi\nham\tx", "unknown label"), ("ham\thi", "no 'spam'")):
        with pytest.raises(P.CorpusError, match=msg):
            P.parse_corpus(text)


@given(st.text(max_size=200))
def test_any_message_scores_to_a_proper_distribution(text) -> None:
    s = P.score_message(P.count_words(P.bundled_corpus()), text, 1.0)
    assert sum(s.posterior) == pytest.approx(1.0) and all(0 <= p <= 1 for p in s.posterior)


@given(st.text(max_size=300))
def test_corpus_parser_never_crashes_on_any_text(text) -> None:
    try:
        pairs = P.parse_corpus(text)
    except P.CorpusError:
        return
    assert {label for label, _ in pairs} == {"spam", "ham"}
