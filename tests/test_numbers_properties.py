"""Property-based round trips: render a random number, extract it back, compare."""

from __future__ import annotations

import math
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from newsnorm import NumberMention, extract_numbers
from newsnorm.numbers.lexicon import word_table

PERSIAN = str.maketrans("0123456789,.", "۰۱۲۳۴۵۶۷۸۹٬٫")
ARABIC_INDIC = str.maketrans("0123456789,.", "٠١٢٣٤٥٦٧٨٩٬٫")
GROUP_SEPARATORS = [",", " ", "\u2009", "\u202f", "\u00a0"]

# Sentences around the number; none of their words is a number word, qualifier or naming noun.
CONTEXTS = [
    ("", ""),
    ("The report counted ", " people."),
    ("Officials said ", " were found near the river."),
    ("(", ")"),
    ("Total: ", "\n"),
    ("Witnesses saw ", " trucks; police confirmed it."),
]

QUALIFIERS = {
    "at least": "at_least",
    "no fewer than": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "about": "approx",
    "nearly": "approx",
    "almost": "approx",
    "around": "approx",
    "approximately": "approx",
    "some": "approx",
    "up to": "at_most",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
}

# (suffix, kind, unit) written after the number; "$" is the one prefix.
SUFFIXES = [
    (" km", "measure", "km"),
    (" kilometers", "measure", "km"),
    (" tons", "measure", "t"),
    (" hectares", "measure", "ha"),
    (" percent", "percent", None),
    ("%", "percent", None),
    (" per cent", "percent", None),
    (" Afghanis", "money", "AFN"),
    (" afghani", "money", "AFN"),
    (" somoni", "money", "TJS"),
    (" rials", "money", "IRR"),
    (" dollars", "money", "USD"),
    (" euros", "money", "EUR"),
]


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@st.composite
def digit_renderings(draw: st.DrawFn) -> tuple[str, int]:
    n = draw(st.integers(min_value=0, max_value=10**15))
    style = draw(st.sampled_from(["plain", "grouped", "persian", "arabic"]))
    if style == "plain":
        return str(n), n
    sep = draw(st.sampled_from(GROUP_SEPARATORS))
    text = grouped(n, sep)
    if style == "persian":
        text = grouped(n, ",").translate(PERSIAN)
    elif style == "arabic":
        text = grouped(n, ",").translate(ARABIC_INDIC)
    return text, n


@st.composite
def decimal_renderings(draw: st.DrawFn) -> tuple[str, float]:
    whole = draw(st.integers(min_value=0, max_value=10**9))
    places = draw(st.integers(min_value=1, max_value=4))
    frac = draw(st.integers(min_value=0, max_value=10**places - 1))
    value = Decimal(whole) + Decimal(frac) / Decimal(10**places)
    digits = f"{frac:0{places}d}"
    style = draw(st.sampled_from(["plain", "grouped", "thin", "persian"]))
    if style == "plain":
        text = f"{whole}.{digits}"
    elif style == "grouped":
        text = f"{whole:,}.{digits}"
    elif style == "thin":
        text = grouped(whole, "\u202f") + "." + digits
    else:
        text = f"{whole}.{digits}".translate(PERSIAN)
    return text, float(value)


@st.composite
def word_renderings(draw: st.DrawFn) -> tuple[str, int]:
    n = draw(st.integers(min_value=0, max_value=10**12 - 1))
    text = num2words(n)
    if draw(st.booleans()):
        text = text[0].upper() + text[1:]
    return text, n


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(CONTEXTS[:3]))
def test_ordinal_words_round_trip(n: int, context: tuple[str, str]) -> None:
    shown = num2words(n, to="ordinal")
    text = context[0] + "the " + shown + " round" + context[1]
    m = only_mention(text)
    assert (m.value, m.kind) == (n, "ordinal")
    assert covers(m, text, len(context[0]) + 4, shown)


@given(st.integers(min_value=1, max_value=10**6))
def test_ordinal_digits_round_trip(n: int) -> None:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    shown = f"{n}{suffix}"
    m = only_mention(f"It was the {shown} session.")
    assert (m.value, m.kind, m.text) == (n, "ordinal", shown)


@st.composite
def scaled_renderings(draw: st.DrawFn) -> tuple[str, int | float]:
    k = draw(st.integers(min_value=1, max_value=999))
    half = draw(st.booleans())
    scale_word, scale = draw(
        st.sampled_from([("thousand", 10**3), ("million", 10**6), ("billion", 10**9)])
    )
    if half:
        return f"{k}.5 {scale_word}", (k + 0.5) * scale
    return f"{k} {scale_word}", k * scale


def only_mention(text: str) -> NumberMention:
    got = extract_numbers(text)
    assert len(got) == 1, [(n.text, n.value, n.kind) for n in got]
    return got[0]


def covers(n: NumberMention, text: str, start: int, rendering: str) -> bool:
    return n.start <= start and start + len(rendering) <= n.end and text[n.start : n.end] == n.text


@given(digit_renderings(), st.sampled_from(CONTEXTS))
def test_digits_round_trip(rendered: tuple[str, int], context: tuple[str, str]) -> None:
    shown, value = rendered
    text = context[0] + shown + context[1]
    n = only_mention(text)
    assert n.value == value and n.kind == "cardinal"
    assert covers(n, text, len(context[0]), shown)


@given(decimal_renderings(), st.sampled_from(CONTEXTS))
def test_decimals_round_trip(rendered: tuple[str, float], context: tuple[str, str]) -> None:
    shown, value = rendered
    text = context[0] + shown + context[1]
    n = only_mention(text)
    assert math.isclose(n.value, value, rel_tol=1e-12, abs_tol=1e-12)
    assert covers(n, text, len(context[0]), shown)


@given(word_renderings(), st.sampled_from(CONTEXTS))
def test_words_round_trip(rendered: tuple[str, int], context: tuple[str, str]) -> None:
    shown, value = rendered
    text = context[0] + shown + context[1]
    n = only_mention(text)
    assert n.value == value
    assert covers(n, text, len(context[0]), shown)


@given(scaled_renderings(), st.sampled_from(CONTEXTS))
def test_scaled_round_trip(rendered: tuple[str, int | float], context: tuple[str, str]) -> None:
    shown, value = rendered
    text = context[0] + shown + context[1]
    n = only_mention(text)
    assert math.isclose(n.value, value)
    assert covers(n, text, len(context[0]), shown)


@given(
    st.one_of(digit_renderings(), word_renderings(), scaled_renderings()),
    st.sampled_from(sorted(QUALIFIERS)),
    st.sampled_from([*SUFFIXES, ("$", "money", "USD"), ("", "cardinal", None)]),
)
def test_qualified_with_units_round_trip(
    rendered: tuple[str, int | float], qualifier: str, suffix: tuple[str, str, str | None]
) -> None:
    shown, value = rendered
    unit_text, kind, unit = suffix
    body = "$" + shown if unit_text == "$" else shown + unit_text
    prefix = f"Officials reported {qualifier} "
    text = prefix + body + " on Monday."
    n = only_mention(text)
    assert math.isclose(n.value, value)
    assert (n.kind, n.unit, n.qualifier) == (kind, unit, QUALIFIERS[qualifier])
    assert covers(n, text, len(prefix), body)


@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(["{a}-{b}", "{a} to {b}", "between {a} and {b}", "from {a} to {b}"]),
)
def test_ranges_round_trip(a: int, width: int, template: str) -> None:
    shown = template.format(a=f"{a:,}", b=f"{a + width:,}")
    text = f"Estimates put it at {shown} this week."
    n = only_mention(text)
    assert (n.kind, n.value, n.upper) == ("range", a, a + width)
    assert n.text == shown


NUMBER_WORDS = set(word_table()) | {"tens", "dozens", "hundreds", "thousands", "millions"}
_PROSE = """the officials said that security forces had taken control of districts bordering
the river while talks continued in the capital someone often noted money and attention tone bone
alone once phone network content tension often seventies tenure attentive fiver nonetheless
onerous everyone anyone stones Tajik Afghan Kabul border guards refugees ministry reported Tuesday
government province convoy aid workers were wounded killed fled villages market prices rose
sharply according to sources COVID G Su F B Resolution Article km percent dollars"""
PROSE_WORDS = [w for w in _PROSE.split() if w.lower() not in NUMBER_WORDS]


@given(
    st.lists(st.sampled_from(PROSE_WORDS), min_size=0, max_size=40),
    st.lists(st.sampled_from([" ", " ", " ", ", ", ". ", "-", "\n", "; "]), min_size=40),
    st.booleans(),
)
def test_prose_without_numbers_has_no_mention(
    words: list[str], seps: list[str], upper: bool
) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    if upper:
        text = text.upper()
    assert extract_numbers(text) == []


_WORD_PIECES = """one two hundred million and a half third of to between percent km Afs USD
dozens first minus over at least"""
_PIECES = [*"0123456789۰۱۲۳۴۵٠١٢٫٬,./-–% $€£\u202f\u00a0\n\t½^eEkmbnt", *_WORD_PIECES.split()]
_NUMBERISH_TEXT = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@given(st.one_of(st.text(max_size=200), _NUMBERISH_TEXT))
def test_any_text_gives_consistent_mentions(text: str) -> None:
    """Never raises; spans are in order, disjoint, inside the text and match ``text``."""
    got = extract_numbers(text)
    last_end = 0
    for n in got:
        assert last_end <= n.start < n.end <= len(text)
        assert text[n.start : n.end] == n.text
        assert isinstance(n.value, int | float)
        assert (n.upper is None) == (n.kind != "range")
        if n.kind == "range":
            assert n.upper is not None and n.value < n.upper
        last_end = n.end
