"""The shortcuts of the date extractor agree with the slow paths they replace."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsnorm.dates as dates
from newsnorm.dates import _digits, calendars, scan
from newsnorm.dates._ascii import NON_ASCII_APOSTROPHES, ascii_view
from newsnorm.dates.grammar import Atom
from newsnorm.dates.model import DateMention

_MODS = [*sorted(dates._MODIFIERS), "", "other"]


@given(
    text=st.text(max_size=40),
    start=st.integers(0, 40),
    length=st.integers(0, 40),
    cat=st.sampled_from(sorted(dates._KIND)),
    tx=st.text(max_size=12),
    mod=st.none() | st.sampled_from(_MODS),
)
def test_mention_is_what_validation_builds(
    text: str, start: int, length: int, cat: str, tx: str, mod: str | None
) -> None:
    a = Atom(start, start + length, cat, tx, mod=mod)
    fast = dates._mention(text, a)
    slow = DateMention(
        start=a.start,
        end=a.end,
        text=text[a.start : a.end],
        timex=a.tx,
        kind=dates._KIND[a.cat],
        modifier=a.mod if a.mod in dates._MODIFIERS else None,
    )
    assert fast == slow
    assert repr(fast) == repr(slow)
    assert fast.model_dump() == slow.model_dump()
    assert list(fast.__dict__) == list(slow.__dict__)
    assert fast.model_fields_set == slow.model_fields_set
    assert hash(fast) == hash(slow)
    assert DateMention.model_validate(fast.model_dump()) == fast
    with pytest.raises(ValueError):
        fast.start = 0  # frozen like any other mention


# --------------------------------------------------------------------------- ASCII views

# Characters news text holds next to the words that matter, and a few that are traps: letters
# that lower() maps to ASCII (Kelvin sign), \w characters (accents, other scripts, "½"), \s
# characters (no-break and thin space), apostrophes of the calendar spellings, lone surrogates.
_NON_ASCII = list("’‘“”–—…\u00a0\u2009\u200cʿʼ´éçüāİK½٣۴ابрд中\ud800\udfff€•−")
_SEPARATORS = list(" ,.-/'`_:()\n") + _NON_ASCII
_ANCHORS = [*sorted(scan._anchor_words() | scan._PREFIXES), "q12", "2021", "6", "123456789012"]
_SPELLINGS = [*calendars._month_words_spellings(), "A.H.", "S.H", "Hijri Shamsi", "solar"]
# The spellings with what the view changes (non-ASCII letters, apostrophes, dots, separators)
# as often as all the others.
_TRICKY = [w for w in _SPELLINGS if not w.isalpha() or not w.isascii()]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    """Texts of *words* (some with their apostrophes, spaces or case changed) glued by
    separators, non-ASCII characters and random characters, often with nothing between."""
    variant = st.builds(
        lambda w, apo, sep, up: (
            w.replace("'", apo).replace(" ", sep).upper() if up else w.replace("'", apo)
        ),
        st.sampled_from(words),
        st.sampled_from(["'", "’", "ʼ", "ʿ", "´", "`", ""]),
        st.sampled_from([" ", "\u00a0", "-", "\u200c", "  ", ""]),
        st.booleans(),
    )
    glue = st.sampled_from(["", " ", *_SEPARATORS]) | st.characters()
    piece = variant | glue | st.sampled_from(_NON_ASCII) | st.text(max_size=3)
    return st.lists(piece, max_size=25).map("".join)


@given(text=st.text() | _texts(_ANCHORS))
def test_ascii_view_keeps_offsets_and_ascii(text: str) -> None:
    view = ascii_view(text)
    assert view.isascii() and len(view) == len(text)
    for ch, seen in zip(text, view, strict=True):
        assert seen == (ch if ch.isascii() else "'" if ch in NON_ASCII_APOSTROPHES else "?")


@settings(max_examples=400)
@given(text=_texts(_ANCHORS))
def test_anchor_scan_of_the_view_is_the_reference_scan(text: str) -> None:
    low = scan.ascii_lower(text)
    reference = [m.start() for m in scan._anchor_pattern().finditer(low)]
    assert scan._anchors(low) == reference


@settings(max_examples=400)
@given(text=_texts(_SPELLINGS) | _texts(_TRICKY))
def test_calendar_word_scan_of_the_view_is_the_reference_scan(text: str) -> None:
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text  # the scans need equal offsets; "İ" would grow
    p = calendars._patterns()
    reference = [(m.start(1), m.end(1), False) for m in p.prescan_latin_words.finditer(lowered)]
    assert calendars._ascii_word_spans(lowered, p) == reference


# Characters whose UTF-16 form has a 0x06 byte outside the Arabic block (U+0106, U+2006, the
# control U+0006, astral characters, surrogates) and Arabic letters and digits.
_NEAR_ARABIC = st.sampled_from(list("\u0006\u0106\u2006\u0600\u06ff۱٣ب\ud806\udc06\U00010606"))


@given(text=st.lists(_NEAR_ARABIC | st.characters(), max_size=20).map("".join))
def test_arabic_script_test_is_the_regex_test(text: str) -> None:
    assert _digits.has_arabic_script(text) == bool(re.search("[\u0600-\u06ff]", text))
    reference = any(ch in text for ch in "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
    assert _digits.has_non_ascii_digits(text) == reference
