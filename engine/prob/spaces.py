"""Finite sample spaces — two dice, a deck of cards, three coins — where a probability is a count of equally likely
outcomes, and rolling/drawing/tossing n times turns counts into relative frequencies.

Probabilities come out as exact :class:`fractions.Fraction` (9/36, 13/52 …), so the rules P(A∪B) = P(A) + P(B) −
P(A∩B) and P(A|B) = P(A∩B) / P(B) hold exactly, and independence is an exact equality, not a tolerance.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from engine.i18n import QT_TRANSLATE_NOOP, translate
from engine.prob.events import EventProbs

__all__ = [
    "SPACES",
    "SPACE_EVENTS",
    "DEFAULT_EVENTS",
    "SHOWN_ROLLS",
    "Roll",
    "outcomes",
    "outcome_label",
    "space_title",
    "event_title",
    "event_mask",
    "space_probs",
    "roll",
    "OUTCOME_NAMES",
    "OUTCOME_CODE",
    "EVENT_CODE",
]

SPACES = ("dice", "cards", "coins")
SHOWN_ROLLS = 24
"""At most this many individual outcomes are listed; the rest are only counted."""

_TITLES = {
    "dice": QT_TRANSLATE_NOOP("prob", "two dice (36 outcomes)"),
    "cards": QT_TRANSLATE_NOOP("prob", "a deck of cards (52 outcomes)"),
    "coins": QT_TRANSLATE_NOOP("prob", "three coins (8 outcomes)"),
}
RANKS = ("A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K")
SUITS = ("♠", "♥", "♦", "♣")

Outcome = tuple
Predicate = Callable[[Outcome], bool]

# (key, English title, predicate) per space. The first two of each space are its default A and B.
_EVENTS: dict[str, tuple[tuple[str, str, Predicate], ...]] = {
    "dice": (
        ("first_even", QT_TRANSLATE_NOOP("prob", "first die is even"), lambda o: o[0] % 2 == 0),
        ("sum_7", QT_TRANSLATE_NOOP("prob", "the sum is 7"), lambda o: o[0] + o[1] == 7),
        ("first_6", QT_TRANSLATE_NOOP("prob", "first die shows 6"), lambda o: o[0] == 6),
        ("second_6", QT_TRANSLATE_NOOP("prob", "second die shows 6"), lambda o: o[1] == 6),
        ("doubles", QT_TRANSLATE_NOOP("prob", "doubles (both dice equal)"), lambda o: o[0] == o[1]),
        ("sum_even", QT_TRANSLATE_NOOP("prob", "the sum is even"), lambda o: (o[0] + o[1]) % 2 == 0),
        ("sum_ge_10", QT_TRANSLATE_NOOP("prob", "the sum is 10 or more"), lambda o: o[0] + o[1] >= 10),
        ("has_1", QT_TRANSLATE_NOOP("prob", "at least one die shows 1"), lambda o: 1 in o),
    ),
    "cards": (
        ("heart", QT_TRANSLATE_NOOP("prob", "a heart ♥"), lambda o: o[1] == "♥"),
        ("face", QT_TRANSLATE_NOOP("prob", "a face card (J, Q, K)"), lambda o: o[0] in ("J", "Q", "K")),
        ("red", QT_TRANSLATE_NOOP("prob", "a red card (♥ or ♦)"), lambda o: o[1] in ("♥", "♦")),
        ("spade", QT_TRANSLATE_NOOP("prob", "a spade ♠"), lambda o: o[1] == "♠"),
        ("ace", QT_TRANSLATE_NOOP("prob", "an ace"), lambda o: o[0] == "A"),
        ("king", QT_TRANSLATE_NOOP("prob", "a king"), lambda o: o[0] == "K"),
        ("number", QT_TRANSLATE_NOOP("prob", "a number card (2–10)"), lambda o: o[0] not in ("A", "J", "Q", "K")),
    ),
    "coins": (
        ("first_heads", QT_TRANSLATE_NOOP("prob", "first coin is heads"), lambda o: o[0] == "H"),
        ("all_same", QT_TRANSLATE_NOOP("prob", "all three coins the same"), lambda o: len(set(o)) == 1),
        ("second_heads", QT_TRANSLATE_NOOP("prob", "second coin is heads"), lambda o: o[1] == "H"),
        ("two_heads_plus", QT_TRANSLATE_NOOP("prob", "two or more heads"), lambda o: o.count("H") >= 2),
        ("exactly_one_heads", QT_TRANSLATE_NOOP("prob", "exactly one heads"), lambda o: o.count("H") == 1),
        ("no_heads", QT_TRANSLATE_NOOP("prob", "no heads at all"), lambda o: "H" not in o),
    ),
}
OUTCOME_NAMES = {"dice": "d1, d2", "cards": "rank, suit", "coins": "c1, c2, c3"}
"""How show-the-code unpacks one outcome."""
OUTCOME_CODE = {
    "dice": "list(itertools.product(range(1, 7), repeat=2))",
    "cards": "[(rank, suit) for suit in '♠♥♦♣' for rank in ['A', *map(str, range(2, 11)), 'J', 'Q', 'K']]",
    "coins": "list(itertools.product('HT', repeat=3))",
}
"""Python that lists :func:`outcomes` in the same order (show-the-code)."""
EVENT_CODE: dict[str, dict[str, str]] = {
    "dice": {
        "first_even": "d1 % 2 == 0",
        "sum_7": "d1 + d2 == 7",
        "first_6": "d1 == 6",
        "second_6": "d2 == 6",
        "doubles": "d1 == d2",
        "sum_even": "(d1 + d2) % 2 == 0",
        "sum_ge_10": "d1 + d2 >= 10",
        "has_1": "1 in (d1, d2)",
    },
    "cards": {
        "heart": "suit == '♥'",
        "face": "rank in ('J', 'Q', 'K')",
        "red": "suit in ('♥', '♦')",
        "spade": "suit == '♠'",
        "ace": "rank == 'A'",
        "king": "rank == 'K'",
        "number": "rank not in ('A', 'J', 'Q', 'K')",
    },
    "coins": {
        "first_heads": "c1 == 'H'",
        "all_same": "c1 == c2 == c3",
        "second_heads": "c2 == 'H'",
        "two_heads_plus": "(c1, c2, c3).count('H') >= 2",
        "exactly_one_heads": "(c1, c2, c3).count('H') == 1",
        "no_heads": "'H' not in (c1, c2, c3)",
    },
}
"""Each event as a Python condition on the unpacked outcome (show-the-code; a test checks it equals the predicate)."""
SPACE_EVENTS: dict[str, tuple[str, ...]] = {space: tuple(e[0] for e in events) for space, events in _EVENTS.items()}
"""The event keys each space offers."""
DEFAULT_EVENTS: dict[str, tuple[str, str]] = {space: (keys[0], keys[1]) for space, keys in SPACE_EVENTS.items()}
"""A and B a space starts with (chosen so that each first view shows a surprise: independent, though it looks not)."""


def outcomes(space: str) -> tuple[Outcome, ...]:
    """Every equally likely outcome of ``space``: (die 1, die 2), (rank, suit) or a tuple of "H"/"T"."""
    if space == "dice":
        return tuple(itertools.product(range(1, 7), repeat=2))
    if space == "cards":
        return tuple((rank, suit) for suit in SUITS for rank in RANKS)
    if space == "coins":
        return tuple(itertools.product("HT", repeat=3))
    raise ValueError(f"unknown sample space {space!r}: use one of {', '.join(SPACES)}")


def outcome_label(space: str, outcome: Outcome) -> str:
    """Short text of one outcome: "(3, 4)", "Q♥", "HTH" — two dice as an ordered pair, which no language reads as a
    decimal number (Spanish reads "3,4" as 3.4); its space does not break, so a wrapped list never splits a pair."""
    if space == "dice":
        return f"({outcome[0]},\u00a0{outcome[1]})"
    return "".join(str(part) for part in outcome)


def space_title(space: str) -> str:
    """The space's name in the current language."""
    return translate("prob", _TITLES[space])


def _event(space: str, key: str) -> tuple[str, str, Predicate]:
    outcomes(space)  # names an unknown space
    for event in _EVENTS[space]:
        if event[0] == key:
            return event
    raise ValueError(f"{space} has no event {key!r}: use one of {', '.join(SPACE_EVENTS[space])}")


def event_title(space: str, key: str) -> str:
    """The event's description in the current language ("the sum is 7")."""
    return translate("prob", _event(space, key)[1])


def event_mask(space: str, key: str) -> np.ndarray:
    """Boolean array over :func:`outcomes`: which outcomes make up the event."""
    predicate = _event(space, key)[2]
    return np.array([bool(predicate(o)) for o in outcomes(space)])


def space_probs(space: str, a: str, b: str) -> EventProbs:
    """P(A), P(B), P(A∩B), P(A∪B), the conditionals and the verdicts, as exact fractions of equally likely outcomes.

    Examples
    --------
    >>> ev = space_probs("dice", "first_6", "sum_7")
    >>> ev.p_ab, ev.p_a_times_p_b, ev.independent
    (Fraction(1, 36), Fraction(1, 36), True)
    """
    ma, mb = event_mask(space, a), event_mask(space, b)
    total = len(ma)
    p_a, p_b = Fraction(int(ma.sum()), total), Fraction(int(mb.sum()), total)
    p_ab = Fraction(int((ma & mb).sum()), total)
    return EventProbs(
        p_a=p_a,
        p_b=p_b,
        p_ab=p_ab,
        p_union=p_a + p_b - p_ab,
        p_a_given_b=p_ab / p_b if p_b else None,
        p_b_given_a=p_ab / p_a if p_a else None,
        p_a_times_p_b=p_a * p_b,
        independent=p_ab == p_a * p_b,
        disjoint=p_ab == 0,
    )


@dataclass(frozen=True, eq=False)
class Roll:
    """n rolls/draws/tosses (with replacement): the first few outcomes in order, and how often each outcome came up."""

    n: int
    first: np.ndarray
    """Indices into :func:`outcomes` of the first ``min(n, SHOWN_ROLLS)`` trials, in order."""
    counts: np.ndarray
    """How many of the n trials gave each outcome (sums to n)."""
    n_a: int
    n_b: int
    n_ab: int
    n_union: int


def roll(space: str, a: str, b: str, n: int, seed: int) -> Roll:
    """Roll the dice / draw a card (put back) / toss the coins ``n`` times, seeded.

    The first trials are drawn one by one (so they can be listed); the rest only matter through how often each
    outcome comes up, which for independent uniform trials is exactly multinomial — so 10⁶ trials cost one call.

    Parameters
    ----------
    space : "dice", "cards" or "coins"
    a, b : event keys of that space (``SPACE_EVENTS[space]``)
    n : int ≥ 0
    seed : int

    Returns
    -------
    Roll
    """
    n = int(n)
    if n < 0:
        raise ValueError(f"the number of trials must be 0 or more, got {n}")
    ma, mb = event_mask(space, a), event_mask(space, b)
    size = len(ma)
    rng = np.random.default_rng(int(seed))
    k = min(n, SHOWN_ROLLS)
    first = rng.integers(0, size, size=k)
    counts = np.bincount(first, minlength=size).astype(np.int64)
    if n > k:
        counts += rng.multinomial(n - k, np.full(size, 1.0 / size))
    return Roll(
        n=n,
        first=first,
        counts=counts,
        n_a=int(counts[ma].sum()),
        n_b=int(counts[mb].sum()),
        n_ab=int(counts[ma & mb].sum()),
        n_union=int(counts[ma | mb].sum()),
    )
