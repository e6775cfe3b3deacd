"""Hand-written cases for ``extract_numbers``: the JSON cases, API contract and robustness."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path
from typing import Any

import pytest

from newsnorm import NumberMention, extract_numbers

CASES_FILE = Path(__file__).parent / "cases" / "numbers" / "cases.json"
CASES: list[dict[str, Any]] = json.loads(CASES_FILE.read_text(encoding="utf-8"))
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_851fa976d064ad2b.txt"


def _summary(n: NumberMention) -> tuple[object, ...]:
    return (n.text, n.value, n.kind, n.unit, n.qualifier, n.upper)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    got = extract_numbers(case["text"])
    want = case["expect"]
    assert len(got) == len(want), [_summary(n) for n in got]
    for n, w in zip(got, want, strict=True):
        assert n.text == w["text"]
        assert case["text"][n.start : n.end] == n.text
        assert math.isclose(n.value, w["value"], rel_tol=1e-12), (n.value, w["value"])
        assert (n.kind, n.unit, n.qualifier) == (w["kind"], w["unit"], w["qualifier"])
        assert n.upper == w["upper"]


def test_cases_cover_every_kind_and_qualifier() -> None:
    kinds = {e["kind"] for c in CASES for e in c["expect"]}
    quals = {e["qualifier"] for c in CASES for e in c["expect"]} - {None}
    assert kinds == {
        "cardinal",
        "ordinal",
        "percent",
        "fraction",
        "money",
        "measure",
        "range",
        "vague",
    }
    assert quals == {"approx", "at_least", "at_most", "more_than", "less_than"}
    assert sum(1 for c in CASES if not c["expect"]) >= 10, "keep negative cases"


def test_value_is_int_when_integral_else_float() -> None:
    (a,) = extract_numbers("It weighed 5.00 tonnes.")
    (b,) = extract_numbers("It weighed 5.25 tonnes.")
    assert type(a.value) is int and a.value == 5
    assert type(b.value) is float and b.value == 5.25


def test_seed_article() -> None:
    if not SEED.exists():
        pytest.skip("seed article absent")
    text = SEED.read_text(encoding="utf-8")
    got = {(n.text, n.value, n.qualifier) for n in extract_numbers(text)}
    assert ("1,037", 1037, "at_least") in got
    assert ("20,000", 20000, None) in got
    assert ("1,000", 1000, "more_than") in got
    assert ("six", 6, None) in got
    assert ("16", 16, None) in got
    assert ("two", 2, None) in got


def test_offsets_index_the_given_text() -> None:
    text = "Of the 20 trucks, \u06f1\u06f2 carried 3,000 km of cable."
    for n in extract_numbers(text):
        assert text[n.start : n.end] == n.text
        assert 0 <= n.start < n.end <= len(text)


def test_mentions_are_sorted_and_disjoint() -> None:
    text = "Between 2 and 3 million people, at least 40% of them, fled 300-400 km in six days."
    got = extract_numbers(text)
    assert [n.kind for n in got] == ["range", "percent", "range", "cardinal"]
    for a, b in itertools.pairwise(got):
        assert a.end <= b.start


@pytest.mark.parametrize("bad", [None, b"5 people", 5, ["5"]])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="extract_numbers"):
        extract_numbers(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\x02 5 \x7f",
        "lone \ud800 surrogate 7 \udfff",
        "\u200b\u200f 12 \ufeff",
        "%%%%$$$$----....,,,,////",
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    for n in extract_numbers(text):
        assert text[n.start : n.end] == n.text


def test_persian_digits_without_cleanup() -> None:
    """Persian/Arabic-Indic digits and their separators are read by extract_numbers itself."""
    got = [
        (n.text, n.value)
        for n in extract_numbers("\u06f1\u066c\u06f0\u06f3\u06f7 and \u06f2/\u06f5")
    ]
    assert got == [("\u06f1\u066c\u06f0\u06f3\u06f7", 1037), ("\u06f2/\u06f5", 2.5)]


def test_number_words_in_every_case() -> None:
    for text in ("SIX districts", "six districts", "Six districts"):
        (n,) = extract_numbers(text)
        assert n.value == 6


def test_identifiers_are_not_numbers_but_nearby_numbers_are() -> None:
    got = [n.value for n in extract_numbers("COVID-19 killed 52 people near the F-16 base.")]
    assert got == [52]


def test_lowercase_prefix_hyphen_keeps_the_number() -> None:
    (n,) = extract_numbers("Talks stalled in mid-2021.")
    assert n.value == 2021


@pytest.mark.parametrize(
    "text",
    [
        # Large inputs with few mentions: a backtracking regex would never finish these.
        "1" * 1_000_000,
        "x" * 1_000_000 + "5",
        "5" + " " * 500_000 + "km",
        "$" * 200_000 + "5",
        "at least " * 25_000 + "5",
        "- " * 100_000 + "5",
        "a " * 100_000 + "dozen",
        "1" * 40 + "," + "0" * 200_000,
        "\u06f1" * 300_000,
        # Number-dense inputs: linear, but every mention costs, so they are smaller.
        "1," * 10_000,
        "one " * 10_000,
        "twenty " * 10_000,
        "1.2." * 10_000,
        "1-" * 20_000,
        "one hundred " * 5_000,
        "between 1 and " * 3_000,
    ],
    ids=lambda t: repr(t[:12]) + f"x{len(t)}",
)
def test_pathological_inputs_finish(text: str) -> None:
    """Each finishes in linear time (pytest's timeout catches a regression; speed is
    measured in benchmarks/bench_numbers.py, not asserted here)."""
    for n in extract_numbers(text):
        assert text[n.start : n.end] == n.text


def test_text_whose_lowercase_changes_length() -> None:
    """'İ'.lower() is two characters: the scan falls back to case-insensitive matching."""
    text = "İstanbul sent SIX buses and 5 km of road."
    assert [(n.text, n.value) for n in extract_numbers(text)] == [("SIX", 6), ("5 km", 5)]


def test_ordinal_scale_words() -> None:
    got = [
        (n.text, n.value, n.kind)
        for n in extract_numbers(
            "the three hundredth anniversary, the one hundredth session and three hundredths of it"
        )
    ]
    assert got == [
        ("three hundredth", 300, "ordinal"),
        ("one hundredth", 100, "ordinal"),
        ("three hundredths", 0.03, "fraction"),
    ]


def test_slash_fraction_before_a_scale() -> None:
    """Without cleanup a slash is an English fraction; cleanup turns the Persian decimal slash
    (``2/5 million`` = 2.5 million) into a point before process() extracts numbers."""
    (n,) = extract_numbers("a grant of 1/2 million dollars")
    assert (n.text, n.value, n.kind, n.unit) == ("1/2 million dollars", 500000, "money", "USD")


def test_digits_inside_web_addresses_are_skipped() -> None:
    text = "Read https://example.org/news/2021/12345?page=3 and www.site.ir/a/77 - 9 died."
    assert [n.value for n in extract_numbers(text)] == [9]


def test_long_digit_run_is_not_a_number() -> None:
    assert extract_numbers("id " + "7" * 5000 + " end") == []
