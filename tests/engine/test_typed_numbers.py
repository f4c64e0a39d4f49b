"""Typed lists of numbers: the separators people use, and a decimal comma only where nothing else can be meant."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.inference import NumberTokenError, parse_numbers
from engine.typed_numbers import AmbiguousCommaError, number_tokens


@pytest.mark.parametrize(
    "text, values",
    [
        ("4,9 5,6", (4.9, 5.6)),  # Spanish: decimal commas, numbers apart by spaces …
        ("4,9; 5,6;7,25", (4.9, 5.6, 7.25)),  # … or semicolons (a spreadsheet's list separator in Spanish)
        ("4,9\n5,6\n6", (4.9, 5.6, 6.0)),  # a pasted column, one whole number among them
        ("\u22122,5 3", (-2.5, 3.0)),
        ("1,2,3", (1.0, 2.0, 3.0)),  # English: commas between numbers
        ("1, 2, 3", (1.0, 2.0, 3.0)),
        ("1.5,2.5 3", (1.5, 2.5, 3.0)),  # a point is the decimal mark, so the comma separates
        ("4.9 5,6,7", (4.9, 5.0, 6.0, 7.0)),
        ("1,2,3, 4", (1.0, 2.0, 3.0, 4.0)),
        ("4.1,5.0 3.9", (4.1, 5.0, 3.9)),
    ],
)
def test_lists_read_as_written(text, values):
    assert parse_numbers(text) == pytest.approx(values, rel=0, abs=0)


@pytest.mark.parametrize(
    "text, token, one",
    [("3,5", "3,5", "3.5"), ("4,9, 5,6", "4,9", "4.9"), ("1,5 2,3,4", "1,5", "1.5"), ("10,20", "10,20", "10.20"),
     ("1 3,5, 2", "3,5", "3.5"), ("1,2, 3", "1,2", "1.2")],
)
def test_a_comma_that_reads_two_ways_is_refused_and_located(text, token, one):
    with pytest.raises(NumberTokenError) as info:
        parse_numbers(text, "sample A")
    err = info.value
    assert text[err.start : err.end] == token and err.token == token
    message = str(err)
    assert message.startswith("sample A: ") and f"“{token}”" in message and one in message


@given(
    st.lists(st.decimals(min_value=-999, max_value=999, places=2, allow_nan=False), min_size=2, max_size=20),
    st.sampled_from([" ", "; ", ";", "\n", "\t", "  "]),
)
def test_decimal_comma_lists_round_trip(values, sep):
    """Numbers written the Spanish way (comma decimals, any other separator) read back exactly."""
    text = sep.join(format(v, "f").replace(".", ",") for v in values)
    assert parse_numbers(text) == tuple(float(v) for v in values)


@given(st.text(alphabet=st.sampled_from(list("0123456789,.;- \n−e")), max_size=40))
def test_tokens_always_locate_their_text_or_the_ambiguous_comma(text):
    """Every token is a stretch of the text without separators (a decimal comma read as a point), or the refusal
    points at a stretch holding the comma in question."""
    try:
        tokens = number_tokens(text)
    except AmbiguousCommaError as err:
        assert "," in err.token and text[err.start : err.end] == err.token
    else:
        for t in tokens:
            typed = text[t.start : t.end].replace("\u2212", "-")
            assert typed and t.literal in (typed, typed.replace(",", ".")) and not set(t.literal) & set(", ;\n")
