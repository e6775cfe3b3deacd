"""Find number mentions: anchors, then the phrase grammar, then what attaches around it.

C-level scans find anchors (a digit, a vulgar fraction, a number word: :class:`_Anchors`); text
without numbers costs only those. Around each anchor a short hand-written reader decides: the
phrase (:mod:`newsnorm.numbers.grammar`), identifiers to skip (``COVID-19``, ``G20``,
``Resolution 2593``), sign, currency before/after, percent and measure units after, ``X over Y``
fractions, ranges (``300-400``, ``between 3 and 4 million``) and qualifiers before (``at
least``), which are read into ``qualifier`` but stay outside the span.

Most numbers in news are plain (``2021``, ``1,037 people``, ``two``, ``the first``, ``5
percent``, ``$5 million``): :func:`_plain_number` and :func:`_plain_word` read them directly
when nothing next to them can change what the full reader (:func:`_read`) would find, which
tests/test_numbers_fastpaths.py checks against it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any, TypeAlias

from newsnorm.checks import ensure_text
from newsnorm.model import build_valid
from newsnorm.numbers.grammar import Core, Tok, lex, parse_phrase
from newsnorm.numbers.lexicon import (
    DIGIT,
    VULGAR,
    Latin1Scan,
    anchor_regex,
    currency_prefix_ends,
    currency_prefix_regex,
    currency_suffix_regexes,
    currency_tables,
    identifier_nouns,
    latin1_scan,
    letter_keys,
    load,
    lower_anchor_regexes,
    not_half_after,
    pronoun_context,
    qualifier_last_words,
    qualifier_regex,
    qualifier_regexes_by_word,
    suffix_word_keys,
    unit_regexes,
    unit_tables,
    vague_values,
    word_table,
)
from newsnorm.numbers.model import NumberMention
from newsnorm.patterns import FOLDS_TO_ASCII, has_high_byte

__all__ = ["extract_numbers", "find_mentions"]

_DIGITS = frozenset(
    "0123456789"
    + "".join(chr(c) for c in range(0x660, 0x66A))
    + "".join(chr(c) for c in range(0x6F0, 0x6FA))
)
_DOT_CHAIN = re.compile(rf"[{DIGIT}]{{1,30}}(?:\.[{DIGIT}]{{1,30}}){{2,}}(?![{DIGIT}])")
_DASH_CHAIN = re.compile(rf"[{DIGIT}]{{1,30}}(?:[-/][{DIGIT}]{{1,30}}){{2,}}(?![{DIGIT}])")
_PART = re.compile(rf"[{DIGIT}]{{1,30}}")
_TIME = re.compile(rf"[{DIGIT}]{{1,2}}:[{DIGIT}]{{2}}(?::[{DIGIT}]{{2}})?(?![{DIGIT}])")
_IDIOM_SLASH = re.compile(r"(?:9/11|24/7|7/7|3/11|50/50)(?![0-9/])")
_ALNUM_RUN = re.compile(r"[\w\-]+")
_CODE_BEFORE = re.compile(r"(?<![\w])[A-Z][A-Za-z]{0,9}-?\Z")
_ARTICLE_BEFORE = re.compile(r"(?i)(?<![\w])an?[ \t\u00a0]{1,3}\Z")
_SPACED_SIGN = re.compile(r"(?:^|\n)[ \t]{0,8}(?P<sign>[-\u2212])[ \t]{1,3}\Z")
_WORD_AFTER = re.compile(r"[ \t\u00a0]{1,3}([A-Za-z'’]{1,12})")
_PERCENT = re.compile(
    r"(?i)(?:[ \u00a0]?[%\u066a]|(?:[ \u00a0]{1,2}|-)(?P<pp>percentage[ \u00a0]points?)"
    r"(?![\w])|(?:[ \u00a0]{1,2}|-)(?:per[ \u00a0]?cents?|percentage|pct)(?![\w]))"
)
_OVER = re.compile(r"[ \t]{1,3}(?P<op>over|out[ \t]{1,3}of|in)[ \t]{1,3}")
_RANGE_DASH = re.compile(r"[ \t]{0,2}[-\u2013\u2014][ \t]{0,2}")
_RANGE_WORD = re.compile(r"(?i)[ \t]{1,2}(?P<w>to|and)[ \t]{1,2}")
_BETWEEN = re.compile(r"(?i)(?<![\w])(?P<w>between|from)[ \t]{1,3}\Z")
# "tens" is a quantity only in "tens of"; the other plural scales are quantities on their own
# too ("hundreds were killed").
_VAGUE_PLURALS = ("dozens", "tens", "hundreds", "thousands", "millions", "billions", "trillions")
_VAGUE = re.compile(
    rf"(?i)(?P<a>{'|'.join(_VAGUE_PLURALS)})"
    r"(?:[ \t]{1,3}of[ \t]{1,3}(?P<b>thousands|millions|billions)(?![\w])"
    r"|(?=[ \t]{1,3}of(?![\w]))|(?<![Tt][Ee][Nn][Ss])(?![\w\-]))"
)
_VAGUE_WORDS = frozenset(_VAGUE_PLURALS)  # see _may_be_vague
_FEW = frozenset({"several", "few", "many"})
_LOOKBACK = 40
# A value being read: exact, or already the mention's (see _Found).
_Value: TypeAlias = Fraction | int | float


@dataclass(slots=True)
class _Found:
    """A mention being assembled (mutable until it becomes a :class:`NumberMention`).

    ``value`` is exact (a Fraction) wherever a step computes with it; the plain readers
    (:func:`_alone_number`, :func:`_plain_number`) give a literal without a scale word its
    :func:`_to_value` already (``int``, or ``float`` for a decimal), since their mentions
    go straight out: a Fraction per number (and its conversion back) cost more than reading it.
    """

    start: int
    end: int
    value: _Value
    kind: str
    unit: str | None = None
    scale: Fraction = Fraction(1)
    words: bool = False
    upper: _Value | None = None
    qualifier: str | None = None


def _is_digit(ch: str) -> bool:
    return ch in _DIGITS


def _to_value(v: _Value) -> int | float:
    """``int`` when integral, else ``float`` (a value that is no Fraction is one already).

    >>> _to_value(Fraction(5, 1)), _to_value(Fraction(1, 4)), _to_value(7)
    (5, 0.25, 7)
    """
    if not isinstance(v, Fraction):
        return v
    return v.numerator if v.denominator == 1 else float(v)


def _prev_word(text: str, p: int) -> str:
    """The word (letters, maybe one final dot) ending 1-3 spaces before *p*, or ``""``.

    At most 20 characters of it (the last 19 letters and the dot). Matched on the reversed
    slice before *p*: ``re`` has no backward match, and a search ending at *p* would try every
    offset of the slice.

    >>> _prev_word("Resolution  2593", 12), _prev_word("No. 5", 4), _prev_word("x5", 1)
    ('Resolution', 'No.', '')
    """
    if p == 0 or text[p - 1] not in " \u00a0\t":
        return ""  # the word must end 1-3 spaces before: skip the slice and the regex
    m = _REVERSED_WORD.match(text[p - 24 if p > 24 else 0 : p][::-1])
    return m.group(1)[::-1] if m else ""


_REVERSED_WORD = re.compile(r"[ \u00a0\t]{1,3}(\.[A-Za-z]{1,19}|[A-Za-z]{1,20})")


def _identifier_before(text: str, p: int, prev_word: str | None = None) -> bool:
    """Digits at *p* glued to a code or after a naming noun: ``G20``, ``F-16``, ``Article 5``
    (*prev_word*: ``_prev_word(text, p)``, if known)."""
    if p == 0:
        return False
    start = p
    prev = text[p - 1]
    if prev.isalpha():
        return True
    if prev == "-" and _CODE_BEFORE.search(text, max(0, p - _LOOKBACK), p):
        return True
    if prev == "#":
        p -= 1
        prev = text[p - 1] if p else ""
    if prev in " \u00a0":
        w = prev_word if prev_word is not None and p == start else _prev_word(text, p)
        if w:
            lower, exact = identifier_nouns()
            if w.lower() in lower or w.rstrip(".") in exact:
                return True
    return False


def _skip_run(text: str, p: int) -> int:
    m = _ALNUM_RUN.match(text, p)
    return m.end() if m else p + 1


def _currency_before(text: str, start: int) -> tuple[int, str | None] | None:
    """(start of the symbol, ISO code) of a currency written right before *start*.

    The prefix regex runs only where a symbol or code may end 0-2 spaces before *start*,
    judged by its last one or two characters (see :func:`currency_prefix_ends`): first by
    the characters alone, at C speed (most numbers stop there; the test is inline, as a
    function call costs more than it), then by :func:`_currency_ends_before`
    (:func:`_currency_read_before`).
    """
    if _currency_last_chars().isdisjoint(text[start - 3 if start > 3 else 0 : start]):
        return None
    return _currency_read_before(text, start)


def _currency_read_before(text: str, start: int) -> tuple[int, str | None] | None:
    """:func:`_currency_before` without its character prefilter, which must agree with it."""
    lo = start - 8 if start > 8 else 0
    if not _currency_ends_before(text, lo, start):
        return None
    m = currency_prefix_regex().search(text, lo, start)
    if m is None:
        return None
    prefix, _, codes = currency_tables()
    cur = m.group("cur")
    code = prefix[cur] if cur in prefix else codes.get(cur)
    return m.start("cur"), code


def _currency_ends_before(text: str, lo: int, start: int) -> bool:
    """Whether a currency symbol or code ends 0-2 spaces before *start* (and after *lo*),
    by its last one or two characters: the loop that the prefilter of :func:`_currency_before`
    must agree with."""
    singles, pairs = currency_prefix_ends()
    e = start
    while e > lo:
        if text[e - 1] in singles or (e - 2 >= lo and text[e - 2 : e] in pairs):
            return True
        if start - e == 2 or text[e - 1] not in " \u00a0":
            return False
        e -= 1
    return False


@cache
def _currency_last_chars() -> frozenset[str]:
    """The last characters of the currency symbols and codes (see :func:`currency_prefix_ends`):
    one of them ends the 1-3 characters before a number that a currency ends.

    >>> "$" in _currency_last_chars(), " " in _currency_last_chars()
    (True, False)
    """
    singles, pairs = currency_prefix_ends()
    return singles | {pair[-1] for pair in pairs}


def _attach_after(text: str, f: _Found, has_currency: bool) -> None:
    """Percent, currency word/code or measure unit written right after the number."""
    end = f.end
    if end >= len(text):
        return
    m = _PERCENT.match(text, end)
    if m:
        f.end, f.kind = m.end(), "percent"
        if m.group("pp"):
            f.unit = "pp"
        return
    currency_keys, unit_keys = suffix_word_keys()
    word_re, code_re = currency_suffix_regexes()
    m = word_re.match(text, end) if _may_be_suffix(text, end, currency_keys) else None
    m = m or code_re.match(text, end)
    if m and not has_currency:
        _, words, codes = currency_tables()
        cur = m.group("cur")
        f.end, f.kind = m.end(), "money"
        f.unit = codes.get(cur) or words.get(cur.lower())
        return
    if has_currency:
        return
    uword, usym = unit_regexes()
    m = uword.match(text, end) if _may_be_suffix(text, end, unit_keys) else None
    if m:
        unit_words, _ = unit_tables()
        f.end, f.kind, f.unit = m.end(), "measure", unit_words[m.group("unit").lower()]
        return
    m = usym.match(text, end)
    if m:
        _, symbols = unit_tables()
        f.end, f.kind, f.unit = m.end(), "measure", symbols[m.group("unit")]


def _may_be_suffix(text: str, end: int, keys: frozenset[str] | None) -> bool:
    """Whether a currency or unit word (with leading letters in *keys*, see
    :func:`suffix_word_keys`) may start after up to two spaces or a hyphen at *end*.

    ``False`` only when no alternative of the suffix regexes can match, so the long
    case-insensitive alternations run for the few numbers that may have a currency or unit.
    """
    m = _SUFFIX_LETTERS.match(text, end)
    assert m is not None  # every part is optional
    after = text[m.end() : m.end() + 1]
    # A non-ASCII character might match an ASCII letter case-insensitively (K, the Kelvin
    # sign, matches k): let the regex decide.
    return keys is None or not after.isascii() or (m.group(1).lower() or after) in keys


_SUFFIX_LETTERS = re.compile(r"(?:[ \u00a0]{1,2}|-)?([A-Za-z]*)")


def _core_at(text: str, p: int, money: bool) -> tuple[Core, list[Tok], int] | None:
    """The phrase starting at *p*: (core, tokens, end offset)."""
    toks = lex(text, p, money)
    if not toks:
        return None
    core = parse_phrase(toks)
    if core is None:
        return None
    return core, toks, toks[core.ntok - 1].end


def _guard_ok(text: str, end: int) -> bool:
    """``a third`` is a fraction only before ``of`` or punctuation (``a third term``, ``a
    fifth-generation farmer`` are ordinals)."""
    if text[end : end + 1] in ("-", "\u2010", "\u2011") and text[end + 1 : end + 2].isalpha():
        return False
    m = _WORD_AFTER.match(text, end)
    if m is None:
        return True
    return m.group(1).lower() == "of"


def _pronoun_one(text: str, start: int, end: int) -> bool:
    """``one of the soldiers``, ``no one``, ``the one you mentioned``: not the number 1."""
    before, after, two_before = pronoun_context()
    prev = _prev_word(text, start)
    if prev.lower() in before:
        return True
    pos = start
    while pos > 0 and text[pos - 1] in " \u00a0\t":
        pos -= 1
    if prev and _prev_word(text, pos - len(prev)).lower() in two_before:
        m = _WORD_AFTER.match(text, end)
        if m is None:
            return True  # "a usual one." / "the last one," but not "a one-year term"
    m = _WORD_AFTER.match(text, end)
    if m and m.group(1).lower() in after:
        return True
    return end < len(text) and text[end] in "'’"


def _read(
    text: str, p: int, allow_article: bool = True, signed: bool = True
) -> tuple[_Found, int] | None:
    """A plain number (no range) whose first token is at *p*, with sign, currency, units.

    Returns the mention and the offset where scanning resumes, or ``None`` when *p* starts no
    number (the caller then skips the anchor).
    """
    ch = text[p]
    start = p
    words = not _is_digit(ch) and ch not in VULGAR and ch != "."
    if words and allow_article:
        m = _ARTICLE_BEFORE.search(text, max(0, p - 5), p)
        if m:
            found = _read(text, m.start(), allow_article=False)
            if found is not None and found[0].end > p:
                return found
    cur = _currency_before(text, p)
    if ch in VULGAR:
        f = _Found(p, p + 1, VULGAR[ch], "fraction")
        _attach_after(text, f, False)
        return f, f.end
    got = _core_at(text, p, cur is not None)
    if got is None:
        return None
    core, toks, end = got
    if core.needs_guard and not _guard_ok(text, end):
        if toks[0].word == "one" and core.value and 1 / core.value >= 100:
            # "the one hundredth meeting": an ordinal, not 1/100.
            core.value, core.kind = 1 / core.value, "ordinal"
        elif core.den_start > 0:
            return _read(text, toks[core.den_start].start, allow_article=False)
        else:
            return None
    if words and cur is None and core.ntok == 1 and _not_a_number(text, toks[0], core, start, end):
        return None
    if words and core.ntok == 1 and toks[0].kind in ("hundred", "scale"):
        few = _prev_word(text, start)
        if few.lower() in _FEW:
            # "several hundred", "a few thousand": at least two of them.
            few_start = text.rindex(few, 0, start)
            art = _ARTICLE_BEFORE.search(text, max(0, few_start - 5), few_start)
            if art is not None:
                few_start = art.start()
            f = _Found(few_start, end, core.value * 2, "vague", qualifier="at_least")
            return f, f.end
    if not words:
        if p > 0 and text[p - 1] == "." and ch != ".":
            return None
        if signed:
            start = _signed_start(text, start)
    f = _Found(start, end, core.value, core.kind, scale=core.scale, words=words)
    if start != p:
        f.value = -f.value
    if not words and _percent_before(text, f.start):
        # "%40": MT from Persian keeps the percent sign where Persian writes it.
        f.start, f.kind = f.start - 1, "percent"
        return f, f.end
    if cur is not None:
        f.start, f.kind, f.unit = cur[0], "money", cur[1]
    _attach_after(text, f, cur is not None)
    if not words and f.end < len(text) and (text[f.end].isalpha() or _is_digit(text[f.end])):
        return None
    return f, f.end


def _not_a_number(text: str, tok: Tok, core: Core, start: int, end: int) -> bool:
    """A lone ``one`` used as a pronoun, or ``half`` naming a part (``the first half``)."""
    if tok.word == "one" and core.kind == "cardinal" and _pronoun_one(text, start, end):
        probe = _Found(start, end, core.value, core.kind)
        _attach_after(text, probe, False)
        return probe.kind == "cardinal"  # "that one mile" is a measure, "that one" a pronoun
    return tok.word == "half" and _prev_word(text, start).lower() in not_half_after()


def _percent_before(text: str, start: int) -> bool:
    """A percent sign written before the digits (``%40``), itself after a space or the start."""
    if start == 0 or text[start - 1] not in "%\u066a":
        return False
    return start == 1 or not (text[start - 2].isalnum() or text[start - 2] in "%\u066a")


def _signed_start(text: str, p: int) -> int:
    """Start of a minus sign right before the digits at *p* (``-4/5``, ``- 1 4/5``).

    >>> [_signed_start(t, len(t) - 1) for t in ("-5", "- 5", "x - 5", "in 5")]
    [0, 0, 4, 3]
    """
    if p == 0:
        return p
    prev = text[p - 1]
    if prev in "-\u2212":
        before = text[p - 2] if p >= 2 else " "
        if not (before.isalnum() or before in ".,)]%-\u2212/"):
            return p - 1
        return p
    if prev not in " \t" or (p >= 2 and text[p - 2] not in " \t-\u2212"):
        return p  # the last character before the spaces is no sign: skip the slice
    if text[max(0, p - 4) : p].rstrip(" \t")[-1:] not in ("-", "\u2212"):
        return p  # no sign 1-3 spaces before: skip the search
    m = _SPACED_SIGN.search(text, max(0, p - 12), p)
    return m.start("sign") if m else p


def _over_fraction(text: str, f: _Found) -> _Found:
    """``one over three``, ``2000 over 3``, ``one out of three``, ``1 in twenty-one``."""
    if f.kind not in ("cardinal",) or f.end >= len(text):
        return f
    m = _OVER.match(text, f.end)
    if m is None:
        return f
    q = m.end()
    if q >= len(text) or not (_is_digit(text[q]) or text[q].isalpha()):
        return f
    got = _core_at(text, q, False)
    if got is None or got[0].kind != "cardinal" or got[0].value == 0:
        return f
    core, _, end = got
    op = m.group("op").split()[0]
    tail = _WORD_AFTER.match(text, end)
    if op in ("over", "in") and tail is not None:
        return f
    if op == "in" and _is_digit(text[q]):
        return f
    if op != "over" and not (f.value < core.value):
        return f
    if op == "out" and not f.words:
        return f
    return _Found(f.start, end, f.value / core.value, "fraction", words=f.words)


def _range(text: str, f: _Found) -> _Found:
    """``300-400``, ``300 to 400``, ``between 3 and 4 million``, ``from 5 to 7 percent``."""
    if f.kind in ("ordinal", "fraction", "vague") or f.end >= len(text):
        return f
    m = _RANGE_DASH.match(text, f.end)
    word = ""
    if m is None:
        m = _RANGE_WORD.match(text, f.end)
        if m is None:
            return f
        word = m.group("w").lower()
    elif f.words:
        return f
    between = _BETWEEN.search(text, max(0, f.start - 12), f.start)
    if word == "and" and (between is None or between.group("w").lower() != "between"):
        return f
    q = m.end()
    if q >= len(text):
        return f
    cur = _currency_before_next(text, q)
    p2 = cur if cur is not None else q
    if p2 >= len(text) or not (_is_digit(text[p2]) or text[p2].isalpha()):
        return f
    if _is_digit(text[p2]) != (not f.words) and m.group().strip() in "-\u2013\u2014":
        return f
    got = _read(text, p2, allow_article=False, signed=False)
    if got is None:
        return f
    g = got[0]
    if g.kind in ("ordinal", "fraction") or (g.start != p2 and cur is None):
        return f
    if f.kind in ("percent", "measure") and g.kind != f.kind:
        return f  # "rose 24 percent to 2.1 million" is a change, not a range
    if not f.words and _caps_code_before(text, f.start):
        return f  # "ATR 72-600", "SPD-22": a model name
    lower = f.value
    if f.scale == 1 and g.scale != 1 and lower < g.value / g.scale:
        lower *= g.scale
    if not lower < g.value:
        return f
    unit_f = _range_unit(f)
    unit_g = _range_unit(g)
    if unit_f is not None and unit_g is not None and unit_f != unit_g:
        return f
    start = between.start() if between is not None else f.start
    r = _Found(start, g.end, lower, "range", unit=unit_g or unit_f, upper=g.value)
    return r


def _caps_code_before(text: str, start: int) -> bool:
    """Whether an all-capitals word (not a currency code) stands right before *start*."""
    w = _prev_word(text, start)
    return len(w) >= 2 and w.isupper() and w not in currency_tables()[2]


def _currency_before_next(text: str, q: int) -> int | None:
    """After a range connector, ``$`` before the upper bound (``$3-$4``): offset of its digits."""
    ch = text[q]
    if _is_digit(ch) or ch.isalpha():
        return None
    prefix, _, _ = currency_tables()
    for sym in sorted(prefix, key=len, reverse=True):
        if text.startswith(sym, q):
            r = q + len(sym)
            while r < len(text) and text[r] in " \u00a0" and r - q - len(sym) < 2:
                r += 1
            return r
    return None


def _range_unit(f: _Found) -> str | None:
    if f.kind == "percent":
        return "%"
    if f.kind in ("money", "measure"):
        return f.unit
    return None


def _qualifier(text: str, start: int, prev: str | None = None) -> str | None:
    """The qualifier ending before *start* (*prev*: its ``_prev_word``, if known)."""
    word = (_prev_word(text, start) if prev is None else prev).lower().rstrip(".")
    if word not in qualifier_last_words():
        return None
    lo = max(0, start - _LOOKBACK)
    if text.isascii() or FOLDS_TO_ASCII.isdisjoint(text[lo:start]):
        # Only the phrases ending in this word can match: the word is the text's run of ASCII
        # letters, and no other character matches an ASCII letter of a phrase.
        rx = qualifier_regexes_by_word().get(word)
        if rx is None:
            return None
    else:
        rx = qualifier_regex()
    m = rx.search(text, lo, start)
    if m is None or m.lastgroup is None:
        return None
    return m.lastgroup.rsplit("_", 1)[0]


def _may_be_vague(text: str, start: int, end: int) -> bool:
    """Whether :data:`_VAGUE` may match at the anchor ``text[start:end]``: its plural scale word
    is a whole letter run, so in ASCII the anchor itself; a non-ASCII character in the anchor
    or right after it might fold to a letter of one (``ſ`` matches ``s``): let the regex decide.

    >>> _may_be_vague("Hundreds of", 0, 8), _may_be_vague("hundred", 0, 7)
    (True, False)
    """
    return text[start:end].lower() in _VAGUE_WORDS or not text[start : end + 1].isascii()


def _vague(text: str, p: int) -> tuple[_Found, int] | None:
    m = _VAGUE.match(text, p)
    if m is None:
        return None
    values = vague_values()
    value = values[m.group("a").lower()]
    if m.group("b"):
        value *= values[m.group("b").lower()]
    return _Found(p, m.end(), Fraction(value), "vague", qualifier="at_least"), m.end()


def _chain(text: str, p: int) -> tuple[list[_Found], int] | None:
    """``192.168.1.2``, ``5/17/2018``, ``1-222-2222``: each part is a separate integer."""
    m = _DOT_CHAIN.match(text, p) or _DASH_CHAIN.match(text, p)
    if m is None:
        return None
    parts = [
        _Found(x.start(), x.end(), Fraction(int(x.group().translate(_TO_ASCII))), "cardinal")
        for x in _PART.finditer(text, p, m.end())
    ]
    return parts, m.end()


_TO_ASCII = str.maketrans(
    "".join(chr(c) for c in range(0x660, 0x66A)) + "".join(chr(c) for c in range(0x6F0, 0x6FA)),
    "0123456789" * 2,
)


def _joined_to_more_digits(text: str, p: int) -> bool:
    """Whether the digits at *p* end in ``:``, ``.``, ``/`` or ``-``: only then can they start a
    clock time, ``9/11`` or a chain (``192.168.1.2``, ``5/17/2018``), whose patterns all have
    such a separator right after the first run of at most 30 digits."""
    m = _PART.match(text, p)
    return m is not None and text[m.end() : m.end() + 1] in (":", ".", "/", "-")


def _plain_number(text: str, p: int) -> _Found | None:
    """The bare ASCII number at *p* (``2021``, ``1,037``, ``2.5``, ``20th``, ``5%``), when
    nothing next to it can change how the full reader (:func:`_read`, :func:`_over_fraction`,
    :func:`_range`) reads it; ``None`` sends the anchor to the full reader.

    Most numbers in news are such numbers, and the full reader spends most of its time proving
    that nothing attaches to them. The literal is one that :func:`~newsnorm.numbers.grammar.lex`
    reads the same way (plain digits, comma thousands, a decimal point); any other shape, like
    ``12,34,567`` or ``1.234,5``, fails the match. Before it, nothing that :func:`_read` looks
    at (a dot, percent sign, minus sign) but maybe a currency. After it, an ordinal suffix on
    an integer or a percent, then a :func:`_plain_end` (after a percent, which ends the phrase,
    only a range connector matters).
    """
    if p > 0 and text[p - 1] in ".%\u066a-\u2212":
        return None
    alone = _alone_number(text, p)
    if alone is not None:
        return alone
    m = _PLAIN_LITERAL.match(text, p)
    if m is None:
        return None
    lit = m.group()
    end = m.end()
    kind = "cardinal"
    unit = None
    stops = _plain_stops()
    value: _Value = _literal_value(lit)
    scale = None
    if text.startswith(_ORDINAL_SUFFIXES, end) and "." not in lit:
        # A suffixed ordinal is closed: no number word joins it, no range or fraction
        # follows it; only a percent, currency or unit could still attach.
        kind, end, stops = "ordinal", end + 2, _attachment_keys()
    else:
        pct = _PERCENT.match(text, end)
        if pct is not None:
            kind, end, stops = "percent", pct.end(), _RANGE_WORDS
            unit = "pp" if pct.group("pp") else None
        else:
            scale = _scale_after(text, end)
            if scale is not None:
                value, end = _scaled_value(lit, scale[0]), scale[1]
    cardinal = kind == "cardinal"
    followed = not _plain_end(text, end, stops, p if cardinal else -1, cardinal and scale is None)
    if followed and kind != "cardinal":
        return None
    if _signed_start(text, p) != p:
        return None
    f = _Found(p, end, value, kind, unit=unit, scale=scale[0] if scale else _ONE)
    cur = _currency_before(text, p)
    if followed:
        return f if cur is None and _plain_unit(text, f) else None
    if cur is not None:
        if kind != "cardinal":
            return None
        # Money (``$5 million``): the mention starts at the symbol; with a currency before,
        # nothing but a percent attaches after, and the plain end has none.
        f.start, f.kind, f.unit = cur[0], "money", cur[1]
    return f


def _alone_number(text: str, p: int) -> _Found | None:
    """The commonest plain number: a cardinal literal followed right away by a
    :func:`_plain_end` that is no connector (``in 2021, the``, ``1,037 people``), in one match
    of :data:`_PLAIN_ALONE` instead of one each for the literal, an ordinal suffix, a percent, a
    scale word and the end; ``None`` leaves the anchor to the rest of :func:`_plain_number`.

    Nothing else attaches after such a literal: an ordinal suffix and a percent start with
    characters the end excludes, and every scale and percent word is a stop.

    >>> f = _alone_number("in 2021, the", 3)
    >>> (f.start, f.end, f.value, f.kind)
    (3, 7, 2021, 'cardinal')
    >>> _alone_number("the 20th", 4) is None, _alone_number("5 million", 0) is None
    (True, True)
    """
    m = _PLAIN_ALONE.match(text, p)
    stops = _plain_stops()
    if m is None or stops is None or not _free_tail(m.group("tail"), m.group("word"), stops):
        return None
    lit = m.group("lit")
    end = p + len(lit)
    if _signed_start(text, p) != p:
        return None
    # The commonest literal, plain digits, without the call.
    f = _Found(p, end, int(lit) if lit.isdigit() else _literal_value(lit), "cardinal")
    cur = _currency_before(text, p)
    if cur is not None:
        # Money (``$5``): the mention starts at the symbol; with a currency before, nothing but
        # a percent attaches after, and the plain end has none.
        f.start, f.kind, f.unit = cur[0], "money", cur[1]
    return f


def _plain_unit(text: str, f: _Found) -> bool:
    """Attach the currency or measure word after the plain cardinal *f* (``5 dollars``, ``1.5
    million barrels``, ``20-km``) as :func:`_attach_after` does in the full reader; ``False``
    (leaving *f* to the full reader) unless one attaches and a :func:`_plain_end` follows it.

    The word after the number must start a currency or unit and nothing else read after a
    number (see :func:`_unit_only_keys`): then the grammar's phrase ends before it, and a
    money or measure takes no ``over`` fraction; after the unit, only a range can follow.
    """
    m = _PLAIN_TAIL.match(text, f.end)
    word = None if m is None else m.group("word")
    if word is None or word.lower() not in _unit_only_keys():
        return False
    _attach_after(text, f, False)
    return f.kind != "cardinal" and _plain_end(text, f.end, _RANGE_WORDS)


@cache
def _unit_only_keys() -> frozenset[str]:
    """The :func:`_attachment_keys` that no other pattern after a number starts with: not
    number words (:func:`lex`), spaced multipliers (:func:`lex_digits`), nor the ``_OVER`` and
    ``_RANGE_WORD`` words."""
    attached = _attachment_keys()
    if attached is None:
        return frozenset()
    others = set(word_table()) | _spaced_multipliers() | {"over", "out", "in", "to", "and"}
    return frozenset(attached - others)


def _literal_value(literal: str) -> int | float:
    """``_to_value(to_number(literal))`` for a :data:`_PLAIN_LITERAL`, without the Fraction:
    ``float`` rounds the exact decimal value correctly, as ``Fraction.__float__`` does, and an
    integral one (``2.0``) is an ``int``.

    >>> _literal_value("1,037"), _literal_value("2.50"), _literal_value("2.0")
    (1037, 2.5, 2)
    """
    if "." not in literal:
        return int(literal.replace(",", "") if "," in literal else literal)
    whole, _, decimals = literal.partition(".")
    return float(literal) if decimals.rstrip("0") else int(whole)


def _scaled_value(literal: str, scale: Fraction) -> int | float:
    """``_to_value(to_number(literal) * scale)`` for a :data:`_PLAIN_LITERAL` without Fraction
    arithmetic: the literal's digits as one integer over a power of ten, times the scale; an
    ``int`` when that divides, else the true division, which rounds the exact quotient
    correctly, as ``Fraction.__float__`` does.

    >>> million = Fraction(10**6)
    >>> _scaled_value("2.5", million), _scaled_value("1,037", million)
    (2500000, 1037000000)
    >>> _scaled_value("0.5", Fraction(1, 3))
    0.16666666666666666
    """
    whole, _, decimals = literal.replace(",", "").partition(".")
    num = int(whole + decimals) * scale.numerator
    den: int = 10 ** len(decimals) * scale.denominator
    return num // den if num % den == 0 else num / den


_PLAIN_LITERAL = re.compile(r"[0-9]{1,3}(?:,[0-9]{3}){1,6}(?![0-9])|[0-9]{1,30}(?:\.[0-9]{1,30})?")
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_RANGE_WORDS = frozenset({"to", "and"})


def _plain_word(text: str, start: int, end: int, prev: str) -> _Found | None:
    """The number word ``text[start:end]`` read alone (``two``, ``first``), when nothing next to
    it can change how the full reader reads it; ``None`` sends the anchor to the full reader.

    Only cardinal words under a hundred (``one`` not as a pronoun), maybe with a scale word or
    a percent after them, and singular ordinals other than ``half`` and ``quarter``; not after
    ``a``/``an`` (``a third``) or a currency; and before a :func:`_plain_end`.
    """
    word = text[start:end].lower()
    info = word_table().get(word)
    if info is None:
        return None
    if info.kind == "ord":
        if info.plural or word in ("half", "quarter"):
            return None
        kind = "ordinal"
    elif info.kind in ("unit", "teen", "tens"):
        kind = "cardinal"
    else:
        return None
    value = info.value
    scale = None
    unit = None
    if not _ends_freely(text, end):
        # Something after the word may start a scale, a percent, a connector or an attachment.
        stops = _plain_stops()
        pct = _PERCENT.match(text, end) if kind == "cardinal" else None
        if pct is not None:
            # "seven percent": after a percent, which ends the phrase, only a range may follow.
            kind, end, stops = "percent", pct.end(), _RANGE_WORDS
            unit = "pp" if pct.group("pp") else None
        elif kind == "cardinal":
            scale = _scale_after(text, end)
            if scale is not None:
                value, end = value * scale[0], scale[1]
        # A connector ends an ordinal too: no range or fraction reads on after one.
        if not _plain_end(text, end, stops, -1 if kind == "percent" else start):
            return None
    if prev.lower() in ("a", "an") or _currency_before(text, start) is not None:
        return None
    if word == "one" and _pronoun_one(text, start, end):
        # The full reader's pronoun test (see :func:`_not_a_number`): a unit that would make
        # "that one mile" a measure fails the plain end above.
        return None
    return _Found(start, end, value, kind, unit, scale[0] if scale else _ONE, words=True)


_ONE = Fraction(1)


def _scale_after(text: str, end: int) -> tuple[Fraction, int] | None:
    """(scale, end) of a scale word one space or hyphen after a cardinal ending at *end*
    (``5 million``, ``two-thousand``), which the grammar multiplies into it; ``None`` if there is
    none, or if the grammar might read on after it (a comma: ``two million, five hundred``).

    A spaced multiplier (``5 bn``) is left to the full reader, which reads it differently.
    """
    m = _PLAIN_TAIL.match(text, end)
    word = None if m is None else m.group("word")
    if m is None or word is None:
        return None
    info = word_table().get(word.lower())
    if info is None or info.kind != "scale" or word.lower() in _spaced_multipliers():
        return None
    if text[m.end() : m.end() + 1] == ",":
        return None
    return info.value, m.end()


@cache
def _spaced_multipliers() -> frozenset[str]:
    return frozenset(k.lower() for k in load("words")["spaced_multipliers"])


def _ends_freely(text: str, end: int) -> bool:
    """Whether a :func:`_plain_end` follows *end* with no word of the stops: then no scale
    follows either (:func:`_scale_after` needs a scale word, and every scale word is a stop),
    and one match of the end decides what :func:`_scale_after` and :func:`_plain_end` would
    each match again.

    >>> _ends_freely("two people", 3), _ends_freely("two.", 3), _ends_freely("two million", 3)
    (True, True, False)
    """
    m = _PLAIN_TAIL.match(text, end)
    stops = _plain_stops()
    return m is not None and stops is not None and _free_tail(m.group(), m.group("word"), stops)


def _free_tail(tail: str, word: str | None, stops: frozenset[str]) -> bool:
    """Whether a :data:`_PLAIN_TAIL` match (*tail*, its group *word*) holds none of the stops:
    its word if it has one, else its first character.

    >>> stops = frozenset({"million", ","})
    >>> _free_tail(" people", "people", stops), _free_tail(" Million", "Million", stops)
    (True, False)
    >>> _free_tail(".", None, stops), _free_tail(",", None, stops)
    (True, False)
    """
    return tail[:1] not in stops if word is None else word.lower() not in stops


def _lone_pronoun_one(text: str, start: int, end: int, prev: str) -> bool:
    """Whether the anchor is a pronoun ``one`` that the grammar reads alone (``one of the``,
    ``one could``): then :func:`_read` finds no number, and neither is there one here.

    The same test as :func:`_read`'s (:func:`_not_a_number`), without lexing and parsing:
    only where what follows ``one`` is no number token (just ``of`` before a non-number word).
    """
    if text[start:end].lower() != "one" or not _reads_alone(text, end):
        return False
    if prev.lower() in ("a", "an") or _currency_before(text, start) is not None:
        return False  # the full reader tries "a one ..." first, or reads money
    one = word_table()["one"]
    tok = Tok(one.kind, one.value, start, end, "one")
    return _not_a_number(text, tok, Core(one.value, "cardinal", 1), start, end)


def _reads_alone(text: str, end: int) -> bool:
    """Whether :func:`lex` adds no number token after a word ending at *end*: punctuation, the
    end, or a word it does not know follows; ``of`` is a token, but parses as the end of the
    number unless a number token follows it."""
    m = _PLAIN_TAIL.match(text, end)
    if m is None:
        return False
    word = m.group("word")
    if word is None:
        return True
    if word.lower() == "of":
        m = _PLAIN_TAIL.match(text, m.end())
        if m is None:
            return False
        word = m.group("word")
        if word is None:
            return True
    return word.lower() not in word_table()


def _plain_end(
    text: str, end: int, stops: frozenset[str] | None, start: int = -1, bare: bool = False
) -> bool:
    """Whether a number ending at *end* is followed by nothing that the full reader would read
    into it: the end of the text, punctuation not followed by a digit, or one space or a hyphen
    and an ASCII word that no pattern after a number starts with (not in *stops*, see
    :func:`_plain_stops`). A hyphen before a word never starts a range (``20-year``).

    With the *start* of a cardinal, also a :func:`_free_connectors` word and then such a word
    (``5 to the``, ``5 and said``, ``5 of these``): the grammar stops there, and a range needs
    a number after the connector (and ``between`` before an ``and``). Digits may follow ``in``
    (``1996 in 2001``: ``X in Y`` is a fraction only with a number word after ``in``) and, when
    the number is a *bare* digit literal (no scale word), ``and`` (``June 9 and 16``: the
    grammar joins ``and`` only after a hundred or a scale).
    """
    m = _PLAIN_TAIL.match(text, end)
    if m is None or stops is None:
        return False
    word = m.group("word")
    if word is None:  # the end, or punctuation that no unit or currency starts with
        return m.group()[:1] not in stops
    word = word.lower()
    if word not in stops:
        return True
    if start < 0 or word not in _free_connectors() or text[end] != " ":
        return False
    if (word == "in" or (bare and word == "and")) and _digits_after_space(text, m.end()):
        return word == "in" or not _between_before(text, start)
    after = _PLAIN_TAIL.match(text, m.end())
    if after is None or after.group("word") is None or text[m.end()] != " ":
        return False
    if after.group("word").lower() in stops:
        return False
    return word == "to" or not _between_before(text, start)


def _digits_after_space(text: str, q: int) -> bool:
    """Whether one space and a digit follow *q*.

    >>> _digits_after_space("in 2001", 2), _digits_after_space("in  2001", 2)
    (True, False)
    """
    return text[q : q + 1] == " " and _is_digit(text[q + 1 : q + 2])


def _between_before(text: str, start: int) -> bool:
    """Whether ``between`` stands right before *start* (``between 3 and 4``), as :func:`_range`
    reads it."""
    m = _BETWEEN.search(text, max(0, start - 12), start)
    return m is not None and m.group("w").lower() == "between"


@cache
def _free_connectors() -> frozenset[str]:
    """The words after which a cardinal still reads alone when a word that starts nothing
    follows (see :func:`_plain_end`): ``to`` and ``and`` (the range reader needs a number after
    them), ``of``, ``a`` and ``an`` (the grammar reads these only after a hundred or a scale and
    before a number or fraction word, or at the start), ``in`` (``X in Y`` needs a number word
    after it). Minus any that a currency, unit, multiplier or percent word starts with; ``to``
    also if it were a number word."""
    attached = _attachment_keys()
    if attached is None:
        return frozenset()
    free = {"to", "and", "of", "a", "an", "in"} - attached
    if "to" in word_table():
        free.discard("to")
    return frozenset(free)


# A word ends before a character that is no ASCII letter and that ``re`` does not match to one
# ignoring case (FOLDS_TO_ASCII): the stops hold the leading ASCII letters of every word a
# pattern after a number reads, so a word that is none of them starts none of those words.
# Closing curly quotes end a number as ASCII quotes do, and so do a space and an opening
# parenthesis ("60 kilometers (38 miles)"): no pattern read after a number starts with them.
_PLAIN_TAIL = re.compile(
    rf"\Z|[,.;:!?)\]\"'\n\u2019\u201d](?![{DIGIT}])| \("
    rf"|[ \-](?P<word>[A-Za-z]+)(?![A-Za-z{''.join(sorted(FOLDS_TO_ASCII))}])"
)
# The literal, then _PLAIN_TAIL's end: the atomic group keeps the literal that _PLAIN_LITERAL
# matches (the match fails rather than try a shorter one before another end).
_PLAIN_ALONE = re.compile(rf"(?P<lit>(?>{_PLAIN_LITERAL.pattern}))(?P<tail>{_PLAIN_TAIL.pattern})")


@cache
def _plain_stops() -> frozenset[str] | None:
    """The lower-cased words after ``<number> `` that send it to the full reader: every word
    that a pattern read after a number starts with (number words for :func:`lex`, the
    :func:`_attachment_keys`, ``_OVER`` and ``_RANGE_WORD`` words). ``None`` if the leading
    letters of a currency or unit cannot be known (see :func:`letter_keys`)."""
    attached = _attachment_keys()
    if attached is None:
        return None
    return attached | set(word_table()) | {"over", "out", "in", "to", "and"}


@cache
def _attachment_keys() -> frozenset[str] | None:
    """The lower-cased leading letters of what :func:`_attach_after` and :func:`lex_digits`
    read after a number: percent words of ``_PERCENT``, currency and unit words, codes and
    symbols, spaced multipliers; ``None`` if some cannot be known (see :func:`letter_keys`)."""
    _, words, codes = currency_tables()
    unit_words, symbols = unit_tables()
    keys = [letter_keys(k) for k in (words, codes, unit_words, symbols)]
    if any(k is None for k in keys):
        return None
    attached = set(_spaced_multipliers()) | {"percent", "percents", "percentage", "per", "pct"}
    for k in keys:
        attached |= k or set()
    return frozenset(attached)


def _at_anchor(text: str, start: int, end: int) -> tuple[list[_Found], int]:
    """The mentions starting at the anchor ``text[start:end]`` and the offset where scanning
    resumes."""
    p = start
    ch = text[p]
    # The word before the anchor, which the identifier, article and qualifier tests all read;
    # most words end no qualifier, and a plain number read at the anchor then skips the call.
    prev = _prev_word(text, p)
    qualified = prev.lower().rstrip(".") in qualifier_last_words()
    digit = ch in _DIGITS
    if digit:
        if _identifier_before(text, p, prev):
            return [], _skip_run(text, p)
        # Read first as a plain number (most are): a clock time, 9/11 or a chain needs a
        # separator and a digit right after the digits, which leave a plain number unread.
        plain = _plain_number(text, p)
        if plain is not None:
            if plain.start != p:  # money: the qualifier ends before the symbol
                plain.qualifier = _qualifier(text, plain.start)
            elif qualified:
                plain.qualifier = _qualifier(text, p, prev)
            return [plain], plain.end
        if _joined_to_more_digits(text, p):
            t = _TIME.match(text, p) or _IDIOM_SLASH.match(text, p)
            if t is not None:
                return [], t.end()
            chain = _chain(text, p)
            if chain is not None:
                return chain
        if p > 0 and text[p - 1] == "." and not (p >= 2 and text[p - 2].isalnum()):
            p -= 1
    elif ch not in VULGAR:
        vague = _vague(text, p) if _may_be_vague(text, p, end) else None
        if vague is not None:
            return [vague[0]], vague[1]
        if end - p == 3 and _lone_pronoun_one(text, p, end, prev):  # only "one"
            return [], end
        plain = _plain_word(text, p, end, prev)
        if plain is not None:
            plain.qualifier = _qualifier(text, p, prev) if qualified else None
            return [plain], plain.end
    got = _read(text, p)
    if got is None:
        return [], _skip_run(text, start) if digit else end
    f, _ = got
    f = _over_fraction(text, f)
    f = _range(text, f)
    f.qualifier = f.qualifier or _qualifier(text, f.start)
    return [f], f.end


_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'\u00bb\u201d]+", re.IGNORECASE)


def _url_spans(text: str, anchors: _Anchors) -> list[tuple[int, int]]:
    """Spans of web addresses: digits inside ``example.com/news/12345`` are not numbers."""
    if "://" not in text and not anchors.has_www():
        return []
    return [m.span() for m in _URL.finditer(text)]


_FAR = 1 << 62  # sorts after every span that starts at the same offset


def _url_end(urls: list[tuple[int, int]], p: int) -> int:
    """The end of the address that contains offset *p*, else 0."""
    i = bisect.bisect_right(urls, (p, _FAR)) - 1
    if i >= 0 and urls[i][0] <= p < urls[i][1]:
        return urls[i][1]
    return 0


class _Anchors:
    """The anchors of one text, in order: :meth:`next` gives the first at or after an offset.

    Digits and number words are searched separately (see
    :func:`~newsnorm.numbers.lexicon.lower_anchor_regexes`): in a latin-1 copy of the text (see
    :func:`_latin1`), whose translation lower-cases it, when that keeps every anchor; else in
    the lower-cased text. The next match of each is kept until the reader moves past it, so
    each part of the text is scanned once for each.
    """

    __slots__ = (
        "_digit",
        "_digit_bytes",
        "_digits",
        "_fallback",
        "_latin1",
        "_lowered",
        "_padded",
        "_source",
        "_text",
        "_word",
        "_words",
    )

    def __init__(self, text: str) -> None:
        self._digit = self._word = (-1, -1)  # cached (start, end); -1: not searched yet
        self._source = text
        self._lowered: str | None = None
        digits, words = lower_anchor_regexes()
        self._digits = digits.search
        scan = latin1_scan()
        latin1 = None if scan is None else _latin1(text, scan)
        self._latin1 = latin1 is not None
        self._fallback = False
        if scan is not None and latin1 is not None:
            self._text = text
            self._words: Callable[[Any, int], re.Match[Any] | None] = scan.words.search
            # The word pattern starts with the non-letter before the word: padded with one
            # space, a word at offset 0 has one too, and offset ``i`` of the text is ``i + 1``.
            self._padded: str | bytes = b" " + latin1.translate(scan.letters)
            self._digit_bytes = latin1.translate(scan.digits)
            return
        lowered = self._lowered = text.lower()
        self._digit_bytes = b""
        # Lower-casing may change the length ("İ"), and then offsets: search the original text
        # with the single case-insensitive pattern.
        self._fallback = len(lowered) != len(text)
        self._text = text if self._fallback else lowered
        self._words = anchor_regex().search if self._fallback else words.search
        self._padded = "" if self._fallback else " " + lowered

    def has_www(self) -> bool:
        """Whether the lower-cased text holds ``www.`` (the latin-1 copy rules most texts out:
        only ``W`` and ``w`` lower-case to ``w``)."""
        if self._lowered is None:
            if b"www" not in self._padded:
                return False
            self._lowered = self._source.lower()
        return "www." in self._lowered

    def next(self, pos: int) -> tuple[int, int]:
        """(start, end) of the first anchor at or after *pos*; (_FAR, _FAR) when none is left."""
        if self._fallback:
            m = self._words(self._text, pos)
            return (_FAR, _FAR) if m is None else m.span()
        if self._digit[0] < pos:
            if self._latin1:
                i = self._digit_bytes.find(b"0", pos)
                self._digit = (_FAR, _FAR) if i < 0 else (i, i + 1)
            else:
                m = self._digits(self._text, pos)
                self._digit = (_FAR, _FAR) if m is None else m.span()
        if self._word[0] < pos:
            m = self._words(self._padded, pos)
            # The match starts with the character before the word, at the word's offset in the
            # text (the padding shifts it by one).
            self._word = (_FAR, _FAR) if m is None else (m.start(), m.end() - 1)
        # (A digit and a word never start at one offset; both may be _FAR.)
        return self._digit if self._digit[0] < self._word[0] else self._word


def _latin1(text: str, scan: Latin1Scan) -> bytes | None:
    """*text* in latin-1, other characters as ``?``, when that copy, translated by
    ``scan.letters``, is the lower-cased text's and keeps every anchor; else ``None``.

    Outside latin-1, only ``İ`` (which lower-cases to two characters) and the Kelvin sign
    (to ``k``) lower-case to a letter ``a-z``; ``rare`` anchors (Persian digits, ``⅓``) are
    first ruled out by the high bytes of the text's UTF-16 code units (``’`` is ``20 19``, an
    Arabic-Indic digit ``06 6x``), then searched for only where one of theirs is there.

    >>> scan = latin1_scan()
    >>> _latin1("“Two” of 20", scan), _latin1("20 K\u212a", scan), _latin1("۲۰", scan)
    (b'?Two? of 20', None, None)
    """
    # An ASCII text needs no test; a latin-1 one passes them (a strict encoding would tell it
    # apart, but raising its error for the other texts, most of them, costs more).
    if not text.isascii():
        if "\u0130" in text or "\u212a" in text:
            return None
        if has_high_byte(text, scan.rare_high) and scan.rare.search(text):
            return None
    return text.encode("latin-1", "replace")


def find_mentions(text: str) -> list[NumberMention]:
    """Every number mention of *text*, in order (no type check: see ``extract_numbers``)."""
    out: list[NumberMention] = []
    anchors = _Anchors(text)
    urls = _url_spans(text, anchors)
    pos = 0
    n = len(text)
    while pos < n:
        start, end = anchors.next(pos)
        if start == _FAR:
            break
        if urls:
            inside = _url_end(urls, start)
            if inside:
                pos = inside
                continue
        found, resume = _at_anchor(text, start, end)
        for f in found:
            out.append(_mention(text, f))
        pos = resume if resume > end else end
    return out


def _mention(text: str, f: _Found) -> NumberMention:
    """The frozen model of *f*, set up as ``NumberMention.model_construct(**fields)`` would be.

    Every field is built here from checked values, so validation is skipped; and
    ``model_construct`` itself loops over the fields, aliases and defaults in Python, which
    costs more than the rest of a plain number's reading. The test suite checks that both
    give equal models with equal ``model_fields_set``.
    """
    value = f.value
    return build_valid(
        NumberMention,
        {
            "start": f.start,
            "end": f.end,
            "text": text[f.start : f.end],
            "value": value if type(value) is int else _to_value(value),  # most are ints
            "upper": None if f.upper is None else _to_value(f.upper),
            "kind": f.kind,
            "unit": f.unit,
            "qualifier": f.qualifier,
        },
    )


def extract_numbers(text: str) -> list[NumberMention]:
    """Every number mention in *text* with its normalized value.

    >>> [(n.text, n.value, n.kind, n.qualifier) for n in extract_numbers(
    ...     "at least 1,037 troops and six districts")]
    [('1,037', 1037, 'cardinal', 'at_least'), ('six', 6, 'cardinal', None)]
    >>> [(n.text, n.value, n.unit) for n in extract_numbers("a $2.5bn deal for 2,500 Afghanis")]
    [('$2.5bn', 2500000000, 'USD'), ('2,500 Afghanis', 2500, 'AFN')]
    >>> extract_numbers("one of the soldiers")
    []
    """
    ensure_text(text, "extract_numbers")
    return find_mentions(text)
