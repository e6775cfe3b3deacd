"""The number lexicons (``data/numbers/*.json``), loaded once and compiled once.

Every regex here is anchored on a literal cue and every repetition is bounded, so a scan of any
input is linear: the master :func:`anchor_regex` (or its faster split forms,
:func:`lower_anchor_regexes` and :func:`latin1_scan`) finds the few places worth parsing in
C-level passes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any

from newsnorm.patterns import trie_of_atoms

__all__ = [
    "Latin1Scan",
    "WordInfo",
    "anchor_regex",
    "currency_prefix_ends",
    "currency_prefix_regex",
    "currency_suffix_regexes",
    "identifier_nouns",
    "latin1_scan",
    "letter_keys",
    "load",
    "lower_anchor_regexes",
    "not_half_after",
    "pronoun_context",
    "qualifier_last_words",
    "qualifier_regex",
    "qualifier_regexes_by_word",
    "suffix_word_keys",
    "trailing_word",
    "trie_pattern",
    "unit_regexes",
    "vague_values",
    "word_table",
]

DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
VULGAR = {
    "½": Fraction(1, 2),
    "⅓": Fraction(1, 3),
    "⅔": Fraction(2, 3),
    "¼": Fraction(1, 4),
    "¾": Fraction(3, 4),
    "⅕": Fraction(1, 5),
    "⅖": Fraction(2, 5),
    "⅗": Fraction(3, 5),
    "⅘": Fraction(4, 5),
    "⅙": Fraction(1, 6),
    "⅚": Fraction(5, 6),
    "⅛": Fraction(1, 8),
    "⅜": Fraction(3, 8),
    "⅝": Fraction(5, 8),
    "⅞": Fraction(7, 8),
}


@cache
def load(name: str) -> Any:
    """The parsed JSON file ``data/numbers/<name>.json``.

    >>> load("words")["units"]["six"]
    6
    """
    path = resources.files("newsnorm") / "data" / "numbers" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What a number word is: ``kind`` (unit, teen, tens, hundred, scale, ord, dozen, neg, and,
    a, point, of), its value and, for ordinals, whether it is the plural (fraction) form."""

    kind: str
    value: Fraction
    plural: bool = False


@cache
def word_table() -> dict[str, WordInfo]:
    """Lower-cased number word -> :class:`WordInfo`.

    >>> word_table()["fifths"]
    WordInfo(kind='ord', value=Fraction(5, 1), plural=True)
    >>> "seconds" in word_table()
    False
    """
    data = load("words")
    table: dict[str, WordInfo] = {}
    for kind in ("units", "teens", "tens"):
        for w, v in data[kind].items():
            table[w] = WordInfo(kind.rstrip("s") if kind != "tens" else "tens", Fraction(v))
    table["hundred"] = WordInfo("hundred", Fraction(100))
    for w, v in data["scales"].items():
        table[w] = WordInfo("scale", Fraction(v))
    no_plural = set(data["not_denominators"]) - {"first"}
    for w, v in data["ordinals"].items():
        table[w] = WordInfo("ord", Fraction(v))
        if w not in no_plural:
            table[w + "s"] = WordInfo("ord", Fraction(v), plural=True)
    for w, v in data["halves"].items():
        table[w] = WordInfo("ord", Fraction(v), plural=w.endswith("s"))
    for w in data["dozens"]:
        table[w] = WordInfo("dozen", Fraction(12))
    for w in data["negators"]:
        table[w] = WordInfo("neg", Fraction(-1))
    for w in ("and", "a", "an", "point", "of"):
        table[w] = WordInfo(w, Fraction(1))
    return table


@cache
def vague_values() -> dict[str, int]:
    """Plural scale words of vague quantities (``hundreds of``) -> the lower bound they imply."""
    return {k: int(v) for k, v in load("words")["vague"].items()}


def trie_pattern(words: list[str]) -> str:
    """A regex alternation of *words* shaped as a trie, so matching never retries a prefix.

    >>> trie_pattern(["ten", "tenth", "two"])
    't(?:en(?:th)?|wo)'
    """
    return trie_of_atoms([[re.escape(ch) for ch in w] for w in words])


@cache
def anchor_regex() -> re.Pattern[str]:
    """Where a number may start: a digit, a vulgar fraction or a number word.

    >>> [m.group() for m in anchor_regex().finditer("Six of 20 and a dozen")]
    ['Six', '2', '0', 'dozen']
    """
    skip = {"and", "a", "an", "point", "of"}
    words = [w for w in word_table() if w not in skip]
    words += [w for w in vague_values() if w not in words]
    vulgar = "".join(VULGAR)
    pattern = rf"[{DIGIT}{vulgar}]|(?i:\b{trie_pattern(words)}\b)"
    return re.compile(pattern)


@cache
def lower_anchor_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`anchor_regex` for a lower-cased text, split in two: (a digit or vulgar fraction; a
    number word after the character before it, which the match includes: no capture group,
    whose bookkeeping would cost at every candidate offset).

    Case-sensitive matching is about twice as fast, and ``str.lower`` keeps offsets whenever it
    keeps the length (checked by the caller). Split, each pattern starts with a character set,
    which lets ``re`` skip to the next candidate in C instead of trying the whole pattern at
    every offset: the word pattern only tries after a non-letter (the caller pads the text with
    a space for a word at offset 0). Together they scan news twice as fast as the single
    pattern; :func:`latin1_scan` is faster still where it applies.

    >>> digits, words = lower_anchor_regexes()
    >>> [m.group() for m in digits.finditer("six of 20 and a dozen")]
    ['2', '0']
    >>> [m.group()[1:] for m in words.finditer(" six of 20 and a dozen sixty-one")]
    ['six', 'dozen', 'sixty', 'one']
    """
    skip = {"and", "a", "an", "point", "of"}
    words = [w for w in word_table() if w not in skip]
    words += [w for w in vague_values() if w not in words]
    vulgar = "".join(VULGAR)
    return (
        re.compile(rf"[{DIGIT}{vulgar}]"),
        re.compile(rf"[^a-z](?:{trie_pattern(words)})(?![a-z])"),
    )


@dataclass(frozen=True, slots=True)
class Latin1Scan:
    """The anchor scan on a latin-1 copy of a text (one byte per character, so offsets are kept;
    other characters become ``?``), for texts without anchor characters outside latin-1
    (``rare`` finds them: Persian digits, most vulgar fractions).

    ``letters`` maps ``A-Z`` to ``a-z``, keeps ``a-z`` and maps every other byte to a space:
    there, a number word is found lower-cased after a literal space, which ``re`` skips to
    several times faster than to a character of a set. It lower-cases as ``str.lower`` would
    wherever no character outside latin-1 lower-cases to a letter ``a-z`` (only ``İ`` and the
    Kelvin sign do: see :func:`~newsnorm.numbers.extract._latin1`). ``digits`` maps the digit
    and fraction anchors to ``0`` and every other byte to a space, for ``bytes.find``.
    ``rare_high`` holds the high bytes of the ``rare`` characters (all in the BMP): a text
    whose UTF-16 code units have none of them has no rare anchor, a test several times cheaper
    than searching ``rare``.
    """

    words: re.Pattern[bytes]
    letters: bytes
    digits: bytes
    rare: re.Pattern[str]
    rare_high: bytes


@cache
def latin1_scan() -> Latin1Scan | None:
    """How to scan a latin-1 copy of a text (see :class:`Latin1Scan`); ``None`` if a number
    word is not plain ``a-z`` (it would not survive the ``letters`` table).

    >>> scan = latin1_scan()
    >>> padded = b" " + "Six of 20, a Dozen".encode("latin-1").translate(scan.letters)
    >>> [m.group()[1:] for m in scan.words.finditer(padded)]
    [b'six', b'dozen']
    >>> "x ½ 20".encode("latin-1").translate(scan.digits)
    b'  0 00'
    >>> scan.rare_high
    b'\\x06!'
    """
    skip = {"and", "a", "an", "point", "of"}
    words = [w for w in word_table() if w not in skip]
    words += [w for w in vague_values() if w not in words]
    if not all(w.isascii() and w.isalpha() and w.islower() for w in words):
        return None
    anchors = re.compile(rf"[{DIGIT}{''.join(VULGAR)}]")
    letters = bytes(b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 else 32 for b in range(256))
    digits = bytes(48 if anchors.fullmatch(chr(b)) else 32 for b in range(256))
    rare = "".join(chr(c) for c in range(256, 0x10000) if anchors.fullmatch(chr(c)))
    return Latin1Scan(
        re.compile(rb" (?:" + trie_pattern(words).encode() + rb")(?![a-z])"),
        letters,
        digits,
        re.compile(f"[{re.escape(rare)}]"),
        bytes(sorted({ord(c) >> 8 for c in rare})),
    )


@cache
def qualifier_last_words() -> frozenset[str]:
    """The last word of every qualifier phrase: a cheap test before :func:`qualifier_regex`."""
    data = load("qualifiers")
    return frozenset(
        p.split()[-1].lower().rstrip(".")
        for q, phrases in data.items()
        if not q.startswith("_")
        for p in phrases
    )


def _qualifier_phrases() -> list[tuple[str, str]]:
    """(phrase, qualifier) pairs, longest phrase first: the order of the regex alternatives."""
    data = load("qualifiers")
    alts: list[tuple[str, str]] = []
    for qual, phrases in data.items():
        if qual.startswith("_"):
            continue
        alts += [(p, qual) for p in phrases]
    alts.sort(key=lambda a: -len(a[0]))
    return alts


def _qualifier_pattern(alts: list[tuple[int, str, str]]) -> re.Pattern[str]:
    space = "[ \u00a0]{1,3}"
    groups = "|".join(
        f"(?P<{q}_{i}>{re.escape(p).replace(chr(92) + ' ', space)})" for i, p, q in alts
    )
    return re.compile(rf"(?i)(?<![\w'’])(?:{groups})[ \u00a0]{{1,3}}\Z")


@cache
def qualifier_regex() -> re.Pattern[str]:
    """A qualifier ending right before a number (searched in a short slice ending there)."""
    return _qualifier_pattern([(i, p, q) for i, (p, q) in enumerate(_qualifier_phrases())])


_TRAILING_WORD = re.compile(r"(?:[A-Za-z]{1,20}|[A-Za-z]{1,19}\.)\Z")


def trailing_word(phrase: str) -> str:
    """The last word of *phrase* as the extractor reads the word before a number: up to 20 ASCII
    letters, or 19 and a final dot, lower-cased, without the dot.

    >>> trailing_word("approx."), trailing_word("up-to"), trailing_word("at least")
    ('approx', 'to', 'least')
    """
    m = _TRAILING_WORD.search(phrase)
    return m.group().lower().rstrip(".") if m else ""


@cache
def qualifier_regexes_by_word() -> dict[str, re.Pattern[str]]:
    """:func:`qualifier_regex` restricted to the phrases of each :func:`trailing_word`.

    In ASCII text, a phrase can end before a number only if its trailing word is the word there,
    so the restricted pattern finds the same match (alternatives keep their order and group
    names) while trying a handful of phrases instead of all of them at every offset.
    """
    by_word: dict[str, list[tuple[int, str, str]]] = {}
    for i, (p, q) in enumerate(_qualifier_phrases()):
        by_word.setdefault(trailing_word(p), []).append((i, p, q))
    return {w: _qualifier_pattern(alts) for w, alts in by_word.items()}


@cache
def currency_tables() -> tuple[dict[str, str | None], dict[str, str | None], dict[str, str]]:
    """(prefix symbol -> code, lower-cased word -> code, code spelling -> code)."""
    data = load("currencies")
    prefix: dict[str, str | None] = {}
    words: dict[str, str | None] = {}
    codes: dict[str, str] = {}
    for code, forms in data["currencies"].items():
        for s in forms["symbols"]:
            prefix[s] = code
        for c in forms["codes"]:
            codes[c] = code
        for w in forms["words"]:
            words[w.lower()] = code
    for w in data["ambiguous_words"]:
        words.setdefault(w.lower(), None)
    for s in data["ambiguous_symbols"]:
        prefix.setdefault(s, None)
    return prefix, words, codes


def _alternation(items: list[str], flexible_space: bool = True) -> str:
    ordered = sorted(set(items), key=lambda s: (-len(s), s))
    out = []
    for s in ordered:
        esc = re.escape(s)
        if flexible_space:
            esc = esc.replace(r"\ ", "[ \u00a0]{1,2}")
        out.append(esc)
    return "|".join(out)


@cache
def currency_prefix_regex() -> re.Pattern[str]:
    """A currency symbol or code ending right before a number: ``$``, ``US$``, ``Afs``, ``USD``."""
    prefix, _, codes = currency_tables()
    items = list(prefix) + list(codes)
    return re.compile(rf"(?<![A-Za-z])(?P<cur>{_alternation(items)})[ \u00a0]{{0,2}}\Z")


@cache
def currency_prefix_ends() -> tuple[frozenset[str], frozenset[str]]:
    """How the symbols and codes of :func:`currency_prefix_regex` end: (one-character symbols
    and last characters after a space, like the ``$`` of ``US $``; last two characters of the
    others). A cheap test before the regex, which is matched case-sensitively.
    """
    prefix, _, codes = currency_tables()
    singles: set[str] = set()
    pairs: set[str] = set()
    for s in [*prefix, *codes]:
        if len(s) == 1 or s[-2] == " ":
            singles.add(s[-1])
        else:
            pairs.add(s[-2:])
    return frozenset(singles), frozenset(pairs)


@cache
def currency_suffix_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(currency word after a number, any case; ISO code after a number, case-sensitive)."""
    _, words, codes = currency_tables()
    word_re = re.compile(rf"(?i)[ \u00a0]{{0,2}}(?P<cur>{_alternation(list(words))})(?![\w])")
    code_re = re.compile(rf"[ \u00a0]{{0,2}}(?P<cur>{_alternation(list(codes))})(?![\w])")
    return word_re, code_re


@cache
def unit_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-cased unit word -> symbol, case-sensitive unit symbol -> symbol)."""
    words: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for sym, forms in load("units")["units"].items():
        for w in forms["words"]:
            words[w.lower()] = sym
        for s in forms["symbols"]:
            symbols[s] = sym
    return words, symbols


@cache
def unit_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(unit word after a number, any case, also hyphenated; unit symbol, case-sensitive)."""
    words, symbols = unit_tables()
    word_re = re.compile(
        rf"(?i)(?:[ \u00a0]{{0,2}}|-)(?P<unit>{_alternation(list(words))})(?![\w])"
    )
    sym_re = re.compile(rf"[ \u00a0]?(?P<unit>{_alternation(list(symbols))})(?![\w])")
    return word_re, sym_re


@cache
def suffix_word_keys() -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(currency words, unit words): the lower-cased ASCII letters each starts with, or its
    first character if it starts with none.

    A cheap test before the long case-insensitive alternations of
    :func:`currency_suffix_regexes` and :func:`unit_regexes`: a word matches only where the
    text's run of ASCII letters is its own leading run (``u`` for ``u.s. dollars``, ``°`` for
    ``°c``), since every word ends at a non-word character. ``None`` (no test) if a word has,
    right after its leading run, a character that case folding matches to an ASCII letter, or
    starts with a space or hyphen (which the regexes also allow before the word).
    """
    _, currency_words, _ = currency_tables()
    unit_words, _ = unit_tables()
    return letter_keys(currency_words), letter_keys(unit_words)


_LEADING_LETTERS = re.compile(r"[A-Za-z]*")


def letter_keys(words: Iterable[str]) -> frozenset[str] | None:
    """The leading ASCII letters of each of *words*, lower-cased (see :func:`suffix_word_keys`).

    >>> sorted(letter_keys(["u.s. dollars", "°c", "Km2"]))
    ['km', 'u', '°']
    """
    keys: set[str] = set()
    for w in words:
        m = _LEADING_LETTERS.match(w)
        assert m is not None  # ``*`` always matches
        if _folds_to_ascii(w[m.end() : m.end() + 1]) or w[:1] in (" ", "\u00a0", "-"):
            return None
        keys.add(m.group().lower() or w[0])
    return frozenset(keys)


def _folds_to_ascii(ch: str) -> bool:
    """Whether ``re`` matches *ch* to an ASCII letter when ignoring case (the Kelvin sign K
    matches ``k``, ``º`` matches nothing)."""
    if not ch or ch.isascii():
        return False
    rx = re.compile(re.escape(ch), re.IGNORECASE)
    return any(rx.fullmatch(c) for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@cache
def identifier_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(lower-cased nouns, case-sensitive nouns) after which a number is an identifier."""
    data = load("identifiers")
    return frozenset(data["nouns"]), frozenset(data["nouns_case_sensitive"])


@cache
def pronoun_context() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words before, words after, words two before) that make a lone ``one`` a pronoun:
    ``the one``, ``one of``, ``one cannot``, ``a usual one``."""
    data = load("words")
    return (
        frozenset(data["pronoun_one_before"]),
        frozenset(data["pronoun_one_after"]),
        frozenset(data["pronoun_one_two_before"]),
    )


@cache
def not_half_after() -> frozenset[str]:
    """Words after which ``half`` names a part, not the number 0.5 (``the first half``)."""
    words: list[str] = load("words")["not_half_after"]
    return frozenset(words)
