"""The shortcuts of the number extractor agree with the slow paths they replace."""

from __future__ import annotations

import random
import re
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsnorm.numbers import extract as ex
from newsnorm.numbers.grammar import to_number
from newsnorm.numbers.lexicon import (
    DIGIT,
    VULGAR,
    anchor_regex,
    currency_tables,
    load,
    qualifier_last_words,
    qualifier_regex,
    qualifier_regexes_by_word,
    suffix_word_keys,
    trailing_word,
    trie_pattern,
    unit_tables,
    vague_values,
    word_table,
)
from newsnorm.numbers.model import NumberMention
from newsnorm.patterns import FOLDS_TO_ASCII, has_high_byte


def test_mention_is_what_model_construct_builds() -> None:
    text = "about 1.5 million km"
    f = ex._Found(6, 20, Fraction(3, 2) * 10**6, "measure", unit="km", qualifier="approx")
    fast = ex._mention(text, f)
    slow = NumberMention.model_construct(
        start=6,
        end=20,
        text="1.5 million km",
        value=1_500_000,
        upper=None,
        kind="measure",
        unit="km",
        qualifier="approx",
    )
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_fields_set == slow.model_fields_set
    assert hash(fast) == hash(slow)
    assert NumberMention.model_validate(fast.model_dump()) == fast
    with pytest.raises(ValueError):
        fast.start = 0  # frozen like any other mention


@pytest.mark.parametrize("table", ["currency", "unit"])
def test_suffix_prefilter_lets_every_word_through(table: str) -> None:
    words = list(currency_tables()[1] if table == "currency" else unit_tables()[0])
    keys = suffix_word_keys()[0 if table == "currency" else 1]
    assert keys is not None
    for w in words:
        for text in (w, " " + w, "\u00a0 " + w, "-" + w, w.upper(), w.title(), w + "."):
            assert ex._may_be_suffix(text, 0, keys), text
    assert not ex._may_be_suffix(" people", 0, keys)
    assert not ex._may_be_suffix(", and", 0, keys)
    assert not ex._may_be_suffix("   km", 0, keys)  # three spaces: too far for the suffix regexes
    assert ex._may_be_suffix(" \u212am", 0, keys)  # the Kelvin sign may match k: ask the regex


@pytest.mark.parametrize(
    "text",
    [
        "Six of 20 and a dozen",
        "five",
        "5million people, sixty-one",
        "someone phoned: one, two; 3½ and ¾",
        "x twenty-first\ntens of thousands",
        "İstanbul had two million visitors in 2021",  # lower() changes the length
        "it’s “two” of ۱۲ and ⅓, not 5é-six",  # anchors outside latin-1: scan the text
        "it’s “two” of 12 and ½, not 5é-six",  # only other characters outside latin-1
        "",
        "no numbers at all",
    ],
)
def test_anchor_scan_finds_what_the_single_pattern_finds(text: str) -> None:
    _assert_anchor_scan_is_the_single_pattern(text)


def _assert_anchor_scan_is_the_single_pattern(text: str) -> None:
    anchors = ex._Anchors(text)
    got = []
    pos = 0
    while True:
        start, end = anchors.next(pos)
        if start == ex._FAR:
            break
        got.append((start, end))
        pos = end
    want = []
    pos = 0
    single = _single_lower_pattern() if len(text.lower()) == len(text) else anchor_regex()
    haystack = text.lower() if len(text.lower()) == len(text) else text
    while (m := single.search(haystack, pos)) is not None:
        want.append(m.span())
        pos = m.end()
    assert got == want
    assert anchors.has_www() == ("www." in text.lower())


# Number words and their pieces, cased, next to what news has outside ASCII (curly quotes,
# no-break and other spaces, dashes, accented and other-script letters), the characters that
# lower-case to ASCII (İ, the Kelvin sign) or fold to it (ſ, ı), anchors outside latin-1
# (Persian digits, ⅓), UTF-16 lookalikes of their high bytes (U+0621, U+2122), lone surrogates.
_ANCHOR_PARTS = st.sampled_from(
    ["two", "Twenty", "SIX", "hundreds", "first", "dozen", "of", "one", "sixty-one", "www.", "WwW."]
) | st.text(
    "sixtwonTWOk 5.-’‘“”\u00a0\u2009\u2013\u2014éÀÿŸ\u0130\u0131\u017f\u212a"
    "\u06f2\u0662\u0621\u2153\u2122\u20ac\ud800\udfff\U0001f600½",
    max_size=4,
)


@given(st.lists(_ANCHOR_PARTS, max_size=10))
@settings(max_examples=500, deadline=None)
def test_latin1_anchor_scan_agrees_with_the_single_pattern(parts: list[str]) -> None:
    _assert_anchor_scan_is_the_single_pattern("".join(parts))


@given(
    st.text("!\x06x’\u0621\u0660\u06f9\u2106\u2153\u2121\ud800\udc21\U0001f621")
    | st.text(st.characters()),
    st.sampled_from([b"\x06!", b"!", b"\xd8", b""]),
)
@settings(max_examples=500, deadline=None)
def test_high_byte_test_reads_the_code_units(text: str, high: bytes) -> None:
    units = text.encode("utf-16-le", "surrogatepass")
    want = any(units[i] in high for i in range(1, len(units), 2))
    assert has_high_byte(text, high) == want


def _single_lower_pattern() -> re.Pattern[str]:
    """The one pattern the two of ``lower_anchor_regexes`` replace."""
    skip = {"and", "a", "an", "point", "of"}
    words = [w for w in word_table() if w not in skip]
    words += [w for w in vague_values() if w not in words]
    vulgar = "".join(VULGAR)
    return re.compile(rf"[{DIGIT}{vulgar}]|(?<![a-z]){trie_pattern(words)}(?![a-z])")


def _prev_word_by_loop(text: str, p: int) -> str:
    """The character loop ``_prev_word`` replaced (kept as its specification)."""
    j = p
    while j > 0 and p - j < 3 and text[j - 1] in " \u00a0\t":
        j -= 1
    if j == p:
        return ""
    end = j
    if j > 0 and text[j - 1] == ".":
        j -= 1
    while j > 0 and end - j < 20 and text[j - 1].isascii() and text[j - 1].isalpha():
        j -= 1
    return text[j:end] if j < end and text[j] != "." else ""


def test_prev_word_matches_its_specification() -> None:
    rng = random.Random(7)
    alphabet = "aZq. \t\u00a05é-"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        p = rng.randint(0, len(text))
        assert ex._prev_word(text, p) == _prev_word_by_loop(text, p), (text, p)
    long = "x " + "a" * 30 + ". 9 and " + "b" * 25 + "   7"
    for p in range(len(long) + 1):
        assert ex._prev_word(long, p) == _prev_word_by_loop(long, p)


def test_qualifier_phrases_are_grouped_by_the_word_the_extractor_reads() -> None:
    groups = qualifier_regexes_by_word()
    for phrases in load("qualifiers").values():
        if isinstance(phrases, str):
            continue
        for p in phrases:
            word = ex._prev_word(p + " ", len(p) + 1).lower().rstrip(".")
            assert trailing_word(p) == word
            assert groups[word].search(p + " ") is not None


def _qualifier_by_full_regex(text: str, start: int) -> str | None:
    """``_qualifier`` with the pattern of every phrase, whatever the text (its reference)."""
    word = ex._prev_word(text, start).lower().rstrip(".")
    if word not in qualifier_last_words():
        return None
    m = qualifier_regex().search(text, max(0, start - ex._LOOKBACK), start)
    return None if m is None or m.lastgroup is None else m.lastgroup.rsplit("_", 1)[0]


_QUALIFIER_PHRASES = [p for k, v in load("qualifiers").items() if k[0] != "_" for p in v]


@given(
    st.lists(
        st.sampled_from(_QUALIFIER_PHRASES).map(str.upper)
        | st.sampled_from(_QUALIFIER_PHRASES)
        | st.text("al ’“—\u00a0é.\u0130\u0131\u017f\u212a\ud800st", min_size=1, max_size=3),
        max_size=6,
    ),
    st.sampled_from([" ", "  ", "\u00a0", " \u00a0", "\t"]),
)
@settings(max_examples=500, deadline=None)
def test_qualifier_reads_what_the_full_pattern_reads(parts: list[str], gap: str) -> None:
    text = " ".join(parts) + gap + "5"
    start = len(text) - 1
    assert ex._qualifier(text, start) == _qualifier_by_full_regex(text, start)


def test_only_the_listed_characters_fold_to_ascii_letters() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    folding = {chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c))}
    assert folding == FOLDS_TO_ASCII


def test_currency_prefix_filter_lets_every_symbol_through() -> None:
    prefix, _, codes = currency_tables()
    for sym in [*prefix, *codes]:
        for gap in ("", " ", "\u00a0 "):
            text = "paid " + sym + gap
            assert ex._currency_ends_before(text, max(0, len(text) - 8), len(text)), text
            assert ex._currency_before(text + "5", len(text)) is not None, text
    assert ex._currency_before("the 5", 4) is None


def _assert_full_reader_agrees(text: str, p: int, plain: Any) -> None:
    """The shortcut's reading at *p* is what the full reader (and its range step) gives."""
    full = ex._read(text, p)
    assert full is not None
    f = ex._range(text, ex._over_fraction(text, full[0]))
    assert (plain.start, plain.end, plain.kind, plain.unit, plain.upper) == (
        f.start,
        f.end,
        f.kind,
        f.unit,
        f.upper,
    )
    # The mention's value, of the same type (a plain literal's value may be converted already).
    value, want = ex._to_value(plain.value), ex._to_value(f.value)
    assert (value, type(value)) == (want, type(want))


@pytest.mark.parametrize(
    "text",
    [
        "in 2021 people",
        "in 2021.",
        "about 2021, and",
        "1990's",
        "a 5 percent",
        "5 per cent",
        "5 dollars",
        "5 USD",
        "5 km",
        "5 t",
        "5 k",
        "5 mn",
        "5 million",
        "5 over 7",
        "5 out of 7",
        "5 to 7",
        "between 5 and 7",
        "5 Kelvin \u212a",
        "5 \u212am",
        "-5 x",
        "$5 x",
        "%5 x",
        "5.5 x",
        "5 of",
        "5 a",
        "Article 5 x",
        "1,037 troops",
        "1,037,5 x",
        "12,34,567 x",
        "1.234,5 x",
        "2.5 x",
        "2.5bn x",
        "2. x",
        "1,000,000,000,000,000,000 x",
        "3.14159.",
        "the 20th century",
        "20th-century",
        "2.5th x",
        "20thousand",
        "1st.",
        "5% of",
        "5 percent to 6",
        "5 percentage points",
        "5-percent rise",
        "5%-x",
        "2.5 % and",
        "20-year",
        "20-percent",
        "20-km",
        "20-million",
        "5 million people",
        "2.5 billion.",
        "1,000 million",
        "5 million, five hundred",
        "5 thousand million",
        "5 million dollars",
        "5 million to 6",
        "5 bn x",
        "5 million-strong",
        "5 to the",
        "5 and said",
        "between 5 and said",
        "5 to hundreds",
        "5 to  the",
        "5 and a half",
        "5 to six",
        "5 million and the",
        "5 of these",
        "5 of first",
        "5 a day",
        "5 a half",
        "5 an hour",
        "3 of a million",
        "5 million a year",
        "the 20th of May",
        "20th over",
        "20th percent",
        "20th million",
        "$5 million people",
        "US$ 5 billion.",
        "$5 to $6",
        "$20th x",
        "Rs 5,000 in",
        "at least $5 x",
        "5 dollars.",
        "200 million dollars in",
        "20 hectares is",
        "1.5 million barrels. x",
        "8,660 square meters.",
        "16 miles) x",
        "20-km road",
        "5 km to 6",
        "5 km - 6 km",
        "5 km-long",
        "5 dollars-worth",
        "5 km 6",
        "5 kmx",
        "$5 dollars.",
        "5 per day",
        "5 tons and 6",
        "between 5 tons and 6 tons",
        "-5 km x",
        "5 Kelvin.",
        "1996 in 2001",
        "1 in 6",
        "1 in a hundred",
        "5 in  6",
        "5 in\u00a06",
        "5 In 6",
        "5 in \u06f6",
        "5 in ½",
        "June 9 and 16",
        "between 9 and 16",
        "9 and 16 million",
        "9 and 1/2",
        "9 and 16th",
        "5 million and 6",
        "5 million in 2001",
        "5% and 6",
        "16th and 17",
        "1394 (March",
        "60 kilometers (38 miles)",
        "5 (6)",
        "5 ( 6",
        "5 percent (6",
        "$5 million (x",
    ],
)
def test_plain_number_shortcut_agrees_with_the_full_reader(text: str) -> None:
    p = next(i for i, c in enumerate(text) if c.isdigit())
    plain = ex._plain_number(text, p)
    if plain is None:
        return
    _assert_full_reader_agrees(text, p, plain)


def _folded_suffix_texts() -> list[str]:
    """``5 greenbacK``, ``5 britiſh pounds``: a currency or unit word after a number with one
    of its letters written as a character that ``re`` matches to it ignoring case, where the
    ASCII letters before it start no word read after a number."""
    _, words, codes = currency_tables()
    unit_words, symbols = unit_tables()
    stops = ex._plain_stops()
    assert stops is not None
    fold = {"s": "\u017f", "k": "\u212a", "i": "\u0131", "I": "\u0130"}
    texts = []
    for w in [*words, *codes, *unit_words, *symbols]:
        for i, ch in enumerate(w):
            lead = w[:i]
            if ch in fold and lead.isascii() and lead.isalpha() and lead.lower() not in stops:
                texts.append("5 " + lead + fold[ch] + w[i + 1 :] + " x")
    return texts


def test_plain_number_leaves_folded_suffixes_to_the_full_reader() -> None:
    texts = _folded_suffix_texts()
    assert len(texts) > 50
    for text in texts:
        plain = ex._plain_number(text, 0)
        if plain is not None:
            _assert_full_reader_agrees(text, 0, plain)


def test_plain_stops_cover_every_word_read_after_a_number() -> None:
    stops = ex._plain_stops()
    assert stops is not None
    _, words, codes = currency_tables()
    unit_words, symbols = unit_tables()
    for group in (word_table(), words, codes, unit_words, symbols):
        for w in group:
            lead = re.match("[A-Za-z]*", w)
            assert lead is not None
            assert (lead.group().lower() or w[0]) in stops, w
    for w in ("percent", "per", "pct", "percentage", "over", "out", "in", "to", "and", "bn"):
        assert w in stops


@pytest.mark.parametrize(
    "text",
    [
        "the two sides",
        "the first time.",
        "Two weeks",
        "a third of",
        "a third term",
        "an eighth",
        "$ five x",
        "five percent",
        "five million",
        "twenty-one",
        "twenty one",
        "first half",
        "second quarter",
        "fifths",
        "half of",
        "one of them",
        "three to four",
        "five over six",
        "ten,5",
        "tens of thousands",
        "seven\u00e9",
        "five-year",
        "twenty-one",
        "third-largest",
        "two million people",
        "twenty-thousand x",
        "two million, five",
        "first million",
        "five to the",
        "five and said",
        "between five and said",
        "first and the",
        "five of these",
        "two a day",
        "two a dozen",
        "one day",
        "one of the soldiers",
        "one state.",
        "one to two",
        "one of these",
        "one's",
        "one’s",
        "two’s",
        "the first” and",
        "two nations’ ties",
        "one nation’s",
        "one million people",
        "one-year term",
        "one mile.",
        "one mile to two",
        "seven percent of",
        "seven per cent to eight",
        "seven percent to eight percent",
        "seven percent-owned",
        "seven percentage points",
        "seven-percent rise",
        "one percent",
        "that one percent",
        "two million percent",
        "first percent",
        "first to the",
        "first and only",
        "first of a series",
        "first in the",
        "first in 6",
        "first of five",
        "first in a",
        "second and third",
        "first a day",
        "third of the",
        "first (x",
        "two (x",
        "one million tons of wheat",
        "two million barrels. x",
        "one billion dollars, but",
        "one billion dollars to two billion dollars",
        "two tons",
        "that one mile",
        "one mile.",
        "two dozen eggs",
        "first tons",
        "two million tons-x",
        "twenty km (x",
        "seven km and",
    ],
)
def test_plain_word_shortcut_agrees_with_the_full_reader(text: str) -> None:
    m = re.search(r"[A-Za-z]+", text.replace("a ", "  ").replace("an ", "   "))
    assert m is not None
    plain = ex._plain_word(text, m.start(), m.end(), ex._prev_word(text, m.start()))
    if plain is None:
        return
    _assert_full_reader_agrees(text, m.start(), plain)


@pytest.mark.parametrize(
    "text",
    [
        "one of the soldiers",
        "one of a kind",
        "one of 5",
        "one could say",
        "the one that",
        "no one.",
        "one day",
        "one mile",
        "one of them, one hundred",
        "one-of-a-kind",
        "a one of",
        "$ one of",
        "one's",
    ],
)
def test_lone_pronoun_one_agrees_with_the_full_reader(text: str) -> None:
    start = text.lower().index("one")
    if ex._lone_pronoun_one(text, start, start + 3, ex._prev_word(text, start)):
        assert ex._read(text, start) is None


_BEFORE = [
    "",
    "in ",
    "In  ",
    "$",
    "US$ ",
    "Rs ",
    "USD ",
    "- ",
    "x -",
    "\n- ",
    "#",
    "No. ",
    "(",
    "at least ",
]
_AFTER_WORDS = ["people", "percent", "million", "to", "and", "of", "a", "in", "km", "dollars", "th"]


@st.composite
def _plain_literal_texts(draw: st.DrawFn) -> tuple[str, int]:
    """A digit literal (maybe grouped or decimal) between drawn context, and its offset."""
    before = draw(st.sampled_from(_BEFORE))
    lit = draw(st.from_regex(r"[0-9]{1,4}(?:,[0-9]{2,3}){0,2}(?:\.[0-9]{1,3})?", fullmatch=True))
    sep = draw(
        st.sampled_from(
            ["", " ", "-", "  ", ", ", ".", "%", ")", "’", "”", "’ ", "“", "– ", "—", " (", "( "]
        )
    )
    word = draw(
        st.sampled_from([*_AFTER_WORDS, "7", " 7"])
        | st.text("abkmAKé\u212a\u017f\u0131\u0130’”ł²ſ 5.,-", max_size=6)
    )
    return before + lit + sep + word, len(before)


@given(_plain_literal_texts())
@example(("5– 7 x", 0))
@example(("5—7", 0))
@example(("in 2018’s", 3))
@example(("5” and 7", 0))
@example(("5 people’s", 0))
@settings(max_examples=400, deadline=None)
def test_alone_number_agrees_with_the_full_reader(case: tuple[str, int]) -> None:
    text, p = case
    if p and text[p - 1] in ".%\u066a-\u2212":
        return  # _plain_number leaves these to the full reader before the shortcut
    alone = ex._alone_number(text, p)
    if alone is not None:
        _assert_full_reader_agrees(text, p, alone)


@given(
    st.lists(
        st.sampled_from(["tens", "Hundreds", "THOUSANDS", "hundred", "dozen", "of", " ", "-"])
        | st.text("sſK\u212aé -", max_size=3),
        max_size=8,
    )
)
@settings(max_examples=300, deadline=None)
def test_vague_prefilter_lets_every_vague_match_through(parts: list[str]) -> None:
    text = "".join(parts)
    anchors = ex._Anchors(text)
    pos = 0
    while True:
        start, end = anchors.next(pos)
        if start == ex._FAR:
            break
        if ex._VAGUE.match(text, start):
            assert ex._may_be_vague(text, start, end), (text, start, end)
        pos = end


def _signed_start_by_slice(text: str, p: int) -> int:
    """``_signed_start`` before its early exits (kept as its specification)."""
    if p == 0:
        return p
    prev = text[p - 1]
    if prev in "-\u2212":
        before = text[p - 2] if p >= 2 else " "
        return p if before.isalnum() or before in ".,)]%-\u2212/" else p - 1
    if text[max(0, p - 4) : p].rstrip(" \t")[-1:] not in ("-", "\u2212"):
        return p
    m = ex._SPACED_SIGN.search(text, max(0, p - 12), p)
    return m.start("sign") if m else p


@given(st.text(" \t\u00a0\n-\u2212$£€₹Rs.UDx5’\u212a", max_size=12))
@settings(max_examples=400, deadline=None)
def test_sign_and_currency_prefilters_agree_with_the_loops(text: str) -> None:
    for p in range(1, len(text) + 1):
        assert ex._signed_start(text, p) == _signed_start_by_slice(text, p), (text, p)
        assert ex._currency_before(text, p) == ex._currency_read_before(text, p), (text, p)


@given(
    st.sampled_from(["", " ", "  ", "-", ".", ", ", ")", "%", "’", "”", "’s "]),
    st.sampled_from([*_AFTER_WORDS, "hundred", "bn", "over", "out", "Kelvin", "five"])
    | st.text("abkmé\u212a\u017f\u0131\u0130’”ł .-5", max_size=5),
)
@settings(max_examples=400, deadline=None)
def test_free_end_is_what_the_scale_and_end_tests_read(sep: str, word: str) -> None:
    text = "two" + sep + word
    if ex._ends_freely(text, 3):
        stops = ex._plain_stops()
        assert ex._scale_after(text, 3) is None
        assert ex._plain_end(text, 3, stops, 0)
        assert ex._plain_end(text, 3, stops, -1)
        plain = ex._plain_word(text, 0, 3, "")
        assert plain is not None
        _assert_full_reader_agrees(text, 0, plain)


_CONNECTED_BEFORE = ["", "in ", "between ", "Between  ", "from ", "$", "at least ", "x -"]
_CONNECTED_LITERALS = ["5", "1", "2021", "1,037", "2.5", "16th", "5%", "5 million", "5 hundred"]
_CONNECTED_LITERALS += ["one", "Two", "twenty", "first", "Seventh", "two million", "two percent"]
_CONNECTED_AFTER = [
    *_AFTER_WORDS,
    "7",
    "7th",
    "7%",
    "7 million",
    "1/2",
    "½",
    "\u06f7",
    "a hundred",
    "hundred",
    "six",
    "the",
    "half",
    "Iranian",
]


@given(
    st.sampled_from(_CONNECTED_BEFORE),
    st.sampled_from(_CONNECTED_LITERALS),
    st.sampled_from([" ", "  ", "-", "\u00a0"]),
    st.sampled_from(
        ["in", "In", "and", "to", "of", "a", "over", "out of", "percent", "per cent", "(", "-"]
    ),
    st.sampled_from([" ", "  ", "-", "\u00a0", " ’", " “"]),
    st.sampled_from(_CONNECTED_AFTER) | st.text("7aK\u212aſé’”–— .,", max_size=4),
)
@example("", "1", " ", "in", " ", "a hundred")
@example("", "5", " ", "and", " ", "7")
@example("between ", "5", " ", "and", " ", "7")
@example("", "5 million", " ", "and", " ", "7")
@example("", "5", " ", "in", " ", "7 million")
@settings(max_examples=600, deadline=None)
def test_plain_number_before_a_connector_agrees_with_the_full_reader(
    before: str, lit: str, sep: str, connector: str, gap: str, after: str
) -> None:
    """A connector (``in``, ``and``…) then digits, a number word or another word after a
    plain number or number word: the shortcuts read what the full reader reads, or leave it."""
    text = before + lit + sep + connector + gap + after
    p = len(before)
    if lit[0].isdigit():
        plain = ex._plain_number(text, p)
    else:
        end = p + len(lit.split()[0])
        plain = ex._plain_word(text, p, end, ex._prev_word(text, p))
    if plain is not None:
        _assert_full_reader_agrees(text, p, plain)


@given(st.from_regex(ex._PLAIN_LITERAL, fullmatch=True))
@example("2.0")
@example("0.10")
@example("1,000,000")
@example("123456789012345678901234567890.123456789012345678901234567891")
@settings(max_examples=500, deadline=None)
def test_literal_value_is_the_exact_value_converted(lit: str) -> None:
    # to_number: the exact value the full reader's lexer gives a literal.
    value, want = ex._literal_value(lit), ex._to_value(to_number(lit))
    assert (value, type(value)) == (want, type(want))


@given(
    st.from_regex(ex._PLAIN_LITERAL, fullmatch=True),
    st.sampled_from([w.value for w in word_table().values() if w.kind == "scale"])
    | st.fractions(min_value=Fraction(1, 1000), max_value=10**15),
)
@example("2.5", Fraction(10**6))
@example("1.15", Fraction(10**6))
@example("0.000001", Fraction(10**6))
@example("1,037", Fraction(10**7))
@settings(max_examples=500, deadline=None)
def test_scaled_value_is_the_exact_product_converted(lit: str, scale: Fraction) -> None:
    value, want = ex._scaled_value(lit, scale), ex._to_value(to_number(lit) * scale)
    assert (value, type(value)) == (want, type(want))


# Digit runs (ASCII and Persian) joined by what a clock time, 9/11 or a chain uses, next to
# curly quotes, no-break spaces, dashes, letters (ASCII, accented, folding, other scripts).
_JOINED_PARTS = st.sampled_from(
    ["9", "11", "24", "7", "10", "30", "2021", "1,037", "2.5", "\u06f2\u06f0", "\u0661"]
) | st.text(":./-, \u00a0’”–—%$stndaé\u212a\u0130\u0621\ud800", max_size=3)


@given(st.lists(_JOINED_PARTS, min_size=1, max_size=8))
@example(["10", ":", "30"])
@example(["2", ".", "5", ".", "1"])
@example(["9", "/", "11"])
@example(["5", "-", "17", "-", "2018"])
@settings(max_examples=500, deadline=None)
def test_plain_number_reads_no_clock_time_or_chain(parts: list[str]) -> None:
    """``_at_anchor`` reads a plain number before it looks for a clock time, ``9/11`` or a
    chain: none of them may start where a plain number is read."""
    text = "".join(parts)
    for p, ch in enumerate(text):
        if ex._is_digit(ch) and ex._plain_number(text, p) is not None:
            assert ex._TIME.match(text, p) is None, (text, p)
            assert ex._IDIOM_SLASH.match(text, p) is None, (text, p)
            assert ex._chain(text, p) is None, (text, p)
