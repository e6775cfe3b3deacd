"""Person mentions in text, without a statistical model.

Capitalized runs of words are candidates. A run is a person when something says so: a title
(``President``, ``Mullah``, ``spokesman`` just before), a speech verb right after (``said``,
``stressed``), a given name of the region as its first part, or a gazetteer entry. Runs that
contain or precede place and organisation words (``Airport``, ``University``, ``shrine``),
months, places and demonyms are not people. Then ``coref`` gives every mention its entity key.

>>> [(m.text, m.title) for m in extract_names("Tajik President Emomali Rakhmon said so.")]
[('Emomali Rakhmon', 'President')]
>>> extract_names("They landed at Hamid Karzai International Airport in Kabul.")
[]
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

import regex

from newsnorm.checks import ensure_text
from newsnorm.names.coref import COMMON_READ_EVIDENCE, Candidate, resolve
from newsnorm.names.gazetteer import Gazetteer
from newsnorm.names.model import NameMention
from newsnorm.names.translit import analyze, spelling_data

__all__ = ["Lexicon", "candidates", "extract_names", "lexicon"]

_MAX_RUN = 10  # tokens; longer runs are split so work per run stays bounded
_MAX_NAME = 6

# A token that can start a run: an initial ("V.") or a capitalized word (hyphenated, with an
# inner apostrophe but not a possessive). The pattern starts with the capital itself so the
# engine can skip to candidates; an "al-" prefix is read back by ``_with_prefix``. Connectors
# ("bin", "of") are read only in the gap between two tokens, so the scan never stops at "the".


def _token_pattern(upper: str, letter: str, word: str, apostrophe: str) -> str:
    """The token pattern over character classes: *upper* (a capital), *letter* (a letter or a
    combining mark), *word* (a letter, mark, digit or underscore), *apostrophe*."""
    return (
        rf"{upper}(?<!{word}{upper})(?:\.(?=[ \t]{{0,2}}{upper})"
        rf"|{letter}{{0,40}}(?:{apostrophe}(?![sS](?!{letter})){letter}{{1,40}})?"
        rf"(?:-{letter}{{1,40}}){{0,3}})"
    )


_TOKEN_PATTERN = _token_pattern(r"\p{Lu}", r"[\p{L}\p{M}]", r"[\p{L}\p{M}\p{Nd}_]", "['’]")
_TOKEN = regex.compile(_TOKEN_PATTERN)
_PREFIXES = frozenset(["al", "el", "ad", "ar", "as", "at", "az", "an", "ud", "ul", "ash"])
_CONNECTOR = r"(?:bin|ibn|bint|ben|al|el|ul|ud|de|van|von|der|of|the|ud-din)"
# Connectors and "al-" prefixes start with one of these (tests check it): after a space, other
# letters skip both alternations.
_CONNECTOR_FIRSTS = "biuaedvot"
# The gap between two run tokens: one to three spaces (". " after "Mr"), then any connectors,
# each followed by one to three spaces. A connector is a whole word: the spaces bound it.
_SPACES = r"[ \t\u00a0]{1,3}"
_GAP = regex.compile(rf"{_SPACES}(?:(?P<conn>{_CONNECTOR}){_SPACES})*")
_GAP_AFTER_ABBREV = regex.compile(rf"\.?{_SPACES}(?:(?P<conn>{_CONNECTOR}){_SPACES})*")
_AFTER_FIRST_SPACE = frozenset(" \t\u00a0" + _CONNECTOR_FIRSTS)  # spaces, connectors' firsts
_LONGEST_GAP = 3 + _MAX_RUN * (len("ud-din") + 3)
_NEXT_WORD = regex.compile(r"[ \t\u00a0]{0,3}([\p{L}]{1,30})")
_NEXT_WORDS = regex.compile(r"(?:[ \t\u00a0,]{1,3}([\p{L}]{1,30})){1,3}")
# A lowercase word: its shape, bounded on each side by no letter or mark (the shape and the class
# are also read alone by ``LowerWords``, so both agree on every character).
_LOWER_SHAPE_PATTERN = r"\p{Ll}[\p{Ll}\p{M}]{1,40}"
_LETTER_OR_MARK_CLASS = r"[\p{L}\p{M}]"
_LOWER_WORD = regex.compile(
    rf"(?<!{_LETTER_OR_MARK_CLASS}){_LOWER_SHAPE_PATTERN}(?!{_LETTER_OR_MARK_CLASS})"
)
# ``_LOWER_WORD``'s words made of ASCII letters with an ASCII non-letter (or the text's edge) on
# each side; the others (next to "é", a combining mark, a curly quote) are left to
# ``_LOWER_WORD`` on the chunks that hold a non-ASCII character (``_NON_ASCII_CHUNK``). Opening
# with the separator (not a lookbehind) lets re jump from one candidate to the next in C; the text
# it scans starts with a space, so the first word has one too.
_ASCII_LOWER_WORD = re.compile(r"[^A-Za-z\x80-\U0010ffff]([a-z]{2,41})(?![A-Za-z\x80-\U0010ffff])")
# A space-separated chunk with a non-ASCII character; its ASCII head cannot backtrack.
_NON_ASCII_CHUNK = re.compile(r" ([^ \x80-\U0010ffff]*+[\x80-\U0010ffff][^ ]*)")
_ABBREV_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "prof",
        "sen",
        "rep",
        "gov",
        "capt",
        "maj",
        "brig",
        "eng",
        "st",
        "sgt",
        "adm",
        "cmdr",
    ]
)
# A window: tokens and what may join two of them. The gap is as loose as the joining rules of
# ``_window_runs`` or looser (it allows any length of connectors), so those rules may split a
# window but never join two. Possessive: a gap read one way is never tried another way. The dot
# after a word ("Tehran. The") only joins after an abbreviated title, so sentences stay apart;
# the title may end a longer token ("O'Mr", "Abu-Mr"): looser, and the rules split those.


def _abbrev_dot(word: str, abbrevs: list[str]) -> str:
    """A lookbehind: the text just read ends with one of *abbrevs* and a dot, the abbreviation
    starting a word (no *word* character before it)."""
    alternatives = "|".join("".join(f"[{c.upper()}{c}]" for c in a) for a in abbrevs)
    return rf"(?<=(?<!{word})(?:{alternatives})\.)"


def _window_pattern(token: str, word: str, space: str, abbrev_dots: str) -> str:
    """The window pattern around *token*, with *space* the class of gap spaces."""
    return (
        rf"{token}(?:(?:(?:\.{abbrev_dots})?"
        rf"{space}{{1,3}}+(?:(?=[{_CONNECTOR_FIRSTS}])(?:{_CONNECTOR}{space}{{1,3}}+)*+"
        rf"(?:(?:{'|'.join(sorted(_PREFIXES))})-)?)?|(?<=\.)){token})*"
    )


_WORD_CLASS = r"[\p{L}\p{M}\p{Nd}_]"
_WINDOW = regex.compile(
    _window_pattern(
        _TOKEN_PATTERN,
        _WORD_CLASS,
        r"[ \t\u00a0]",
        _abbrev_dot(_WORD_CLASS, sorted(_ABBREV_TITLES)),
    )
)
# ``_WINDOW`` for ``_window_view``s: the same classes over ASCII stand-ins (a capital "A-Z", a
# letter "a-zA-Z", a no-break space "\x01", a right single quote "\x02"). re's lookbehinds have
# one width each: one per length of abbreviation.
_VIEW_WORD = "[a-zA-Z0-9_]"
_VIEW_WINDOW = re.compile(
    _window_pattern(
        _token_pattern("[A-Z]", "[a-zA-Z]", _VIEW_WORD, "['\x02]"),
        _VIEW_WORD,
        "[ \t\x01]",
        "(?:"
        + "|".join(
            _abbrev_dot(_VIEW_WORD, [a for a in sorted(_ABBREV_TITLES) if len(a) == n])
            for n in sorted({len(a) for a in _ABBREV_TITLES})
        )
        + ")",
    )
)
_VIEW_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WINDOW_CHAR = regex.compile(r"[\p{L}\p{M}\p{Nd}]")  # the Unicode classes _WINDOW tests


def _window_view(text: str) -> str | None:
    r"""*text* as ``_VIEW_WINDOW`` reads it (one ASCII character per code point, so every offset
    holds), or None when ``_WINDOW`` must read the text itself.

    No-break spaces become "\x01" and right single quotes "\x02"; any other non-ASCII
    character is in none of ``_WINDOW``'s classes, and becomes "?", in none of them either. A
    letter, mark or digit outside ASCII (in 3% of the corpus' articles) needs the Unicode
    classes, and a text holding a stand-in itself cannot have one: None.

    >>> _window_view("Iran\u2019s\u00a0“Ghani”"), _window_view("Zarif in Génève")
    ('Iran\x02s\x01?Ghani?', None)
    """
    if "\x01" in text or "\x02" in text:
        return None
    if text.isascii():
        return text
    view = text.replace("\u00a0", "\x01").replace("\u2019", "\x02")
    if any(_WINDOW_CHAR.match(ch) for ch in set(_VIEW_NON_ASCII.findall(view))):
        return None
    return view.encode("ascii", "replace").decode("ascii")


_AUX = frozenset(
    ["has", "had", "have", "was", "is", "also", "had", "already", "reportedly", "then", "later"]
)
_GROUP_ENDINGS = (
    "ans",
    "ists",
    "ites",
    "ives",
    "ers",
    "ics",
    "ese",
    "ards",
    "ains",
    "ents",
    "ors",
    "ees",
)
_WEAK_VERBS = frozenset(["was", "is", "has", "had", "will", "would", "also"])


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of ``data/names/lexicon.json`` as sets (given names as phonetic forms)."""

    given_phon: frozenset[str]
    nonperson: frozenset[str]
    never_person: frozenset[str]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    function: frozenset[str]
    calendar: frozenset[str]
    verbs: frozenset[str]
    left: frozenset[str]
    titles: dict[str, tuple[tuple[str, ...], ...]]
    single_titles: frozenset[str]  # one-word titles and their plurals ("minister", "ministers")
    # Context words whatever the document: function words, never-person words and their plurals
    # (one set lookup instead of four for the commonest test).
    static_context: frozenset[str]
    title_starts: frozenset[str]  # first words of titles, and plurals of one-word titles
    alone_never: frozenset[str]  # never a name as a run's only word: titles, context words
    # Words whose lowercase use elsewhere ``_shape`` never reads: context words whatever the
    # document, and first words of titles (a title stays a title).
    lower_irrelevant: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """Loaded and compiled once."""
    text = resources.files("newsnorm").joinpath("data/names/lexicon.json").read_text("utf-8")
    data = json.loads(text)
    given = set()
    for g in data["given_names"]:
        parts = analyze(g).parts
        if parts:
            given.add(parts[0].phon)
    words: set[str] = set()
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for group in ("places", "organisations", "demonyms"):
        for w in data[group]:
            if " " in w:
                phrase = tuple(w.split())
                phrases.setdefault(phrase[0], []).append(phrase)
            else:
                words.add(w)
    titles: dict[str, list[tuple[str, ...]]] = {}
    for t in sorted({tuple(t.split()) for t in spelling_data()["titles"]}, key=len, reverse=True):
        titles.setdefault(t[0], []).append(t)
    never_person = frozenset(words) | frozenset(data["calendar"])
    function = frozenset(data["function_words"])
    static_context = function | never_person | frozenset(w + "s" for w in never_person)
    one_word = [t[0] for v in titles.values() for t in v if len(t) == 1]
    single_titles = frozenset(one_word) | frozenset(w + "s" for w in one_word)
    return Lexicon(
        given_phon=frozenset(given),
        nonperson=frozenset(data["nonperson_heads"]),
        never_person=never_person,
        phrases={k: tuple(v) for k, v in phrases.items()},
        function=function,
        calendar=frozenset(data["calendar"]),
        verbs=frozenset(data["verb_cues"]) - _WEAK_VERBS,
        left=frozenset(data["left_cues"]),
        titles={k: tuple(v) for k, v in titles.items()},
        single_titles=single_titles,
        static_context=static_context,
        title_starts=frozenset(titles) | frozenset(t + "s" for t in titles),
        alone_never=static_context | single_titles,
        lower_irrelevant=static_context | frozenset(titles),
    )


class _Tok(NamedTuple):
    start: int
    end: int
    low: str
    kind: str  # "init" | "word" | "conn"
    caps: bool  # an acronym (IRIB, PGCC): never part of a person's name


# NamedTuple's generated __new__ is a Python frame; this is the same tuple without it (64 k
# tokens per 2 MB of news; a candidate for one capitalized word in three).
_new_tok = _new_candidate = tuple.__new__


def _runs(text: str) -> list[list[_Tok]]:
    """Maximal sequences of name-like tokens separated by one to three spaces.

    This is what ``candidates`` reads, window by window (``_chunk_runs``), spelled out.

    >>> [[t.low for t in run] for run in _runs("Abu Bakr al Baghdadi met Mr. Smith, of Kabul.")]
    [['abu', 'bakr', 'al', 'baghdadi'], ['mr', 'smith'], ['kabul']]
    """
    runs: list[list[_Tok]] = []
    for window in _WINDOW.finditer(text):
        start, end = window.span()
        if _in_place(text, start, end):
            _window_runs(text, start, end, runs)
        else:
            for run in _chunk_runs(text[start:end]):
                runs.append([t._replace(start=t.start + start, end=t.end + start) for t in run])
    return runs


# Longer windows are read in place, not remembered: a memo entry holds the window's tokens,
# and one line of capitalized words could be megabytes long.
_MEMO_CHARS = 200


def _in_place(text: str, start: int, end: int) -> bool:
    """Whether the window ``text[start:end]`` is read where it is instead of from the memo.

    After a hyphen, an "al-" before the window may belong to its first word; and a window
    longer than ``_MEMO_CHARS`` is not worth remembering.
    """
    return end - start > _MEMO_CHARS or (start > 1 and text[start - 1] == "-")


@lru_cache(maxsize=16384)
def _chunk_runs(chunk: str) -> tuple[tuple[_Tok, ...], ...]:
    """The runs of a window's text read on its own, offsets into *chunk* (cached: names repeat).

    A window reads the same wherever it is: its first token starts at a capital after a non-word
    character, its last ends where the token pattern stops, and every gap is inside it. Only an
    "al-" before the window is outside it: such windows are read in place (``_in_place``).

    >>> [[(t.start, t.low) for t in run] for run in _chunk_runs("Mr. Abu al Bakr")]
    [[(0, 'mr'), (4, 'abu'), (8, 'al'), (11, 'bakr')]]
    """
    runs: list[list[_Tok]] = []
    _window_runs(chunk, 0, len(chunk), runs)
    return tuple(tuple(run) for run in runs)


@lru_cache(maxsize=16384)
def _chunk_lows(chunk: str) -> tuple[str, ...]:
    """The lowercased tokens of a window, connectors included, in order."""
    return tuple(t.low for run in _chunk_runs(chunk) for t in run)


def _alone_never(low: str, caps: bool, lex: Lexicon, lower_words: Container[str]) -> bool:
    """Whether a one-word run is never a name: a title, a context word, an acronym.

    >>> lw = frozenset(["minister", "talks"])
    >>> [_alone_never(w, False, lexicon(), lw) for w in ("the", "minister", "talks", "ghani")]
    [True, True, True, False]
    """
    return low in lex.alone_never or caps or (low not in lex.titles and low in lower_words)


def _window_runs(text: str, begin: int, stop: int, runs: list[list[_Tok]]) -> None:
    """The runs of the window ``text[begin:stop]``, read token by token, added to *runs*."""
    seq: list[_Tok] = []  # tokens joined so far, connectors included
    for m in _TOKEN.finditer(text, begin, stop):
        start, end = m.span()
        if start > 1 and text[start - 1] == "-":
            start = _with_prefix(text, start)
        word = text[start:end]
        if word[-1] == ".":
            tok = _new_tok(_Tok, (start, end, word[:-1].lower(), "init", False))
        else:
            tok = _new_tok(
                _Tok, (start, end, word.lower(), "word", len(word) > 1 and word.isupper())
            )
        if seq:
            prev = seq[-1]
            if prev.kind == "init":  # its lookahead already put a capital 0-2 spaces after it
                seq.append(tok)
                continue
            gap = start - prev.end
            if gap == 1 and text[prev.end] == " ":
                seq.append(tok)
                continue
            # A joining gap is spaces, then a capital or a connector: after one space, any
            # other lowercase letter ("Ghani said") settles it without the pattern.
            if gap <= _LONGEST_GAP and (
                text[prev.end] != " " or text[prev.end + 1] in _AFTER_FIRST_SPACE
            ):
                pattern = _GAP_AFTER_ABBREV if prev.low in _ABBREV_TITLES else _GAP
                joined = pattern.fullmatch(text, prev.end, start)
                if joined is not None:
                    if joined.starts("conn"):
                        seq += _connectors(text, joined)
                    seq.append(tok)
                    continue
            if len(seq) <= _MAX_RUN:
                runs.append(seq)
            else:
                _split_run(seq, runs)
        seq = [tok]
    if seq:
        _split_run(seq, runs)


def _with_prefix(text: str, start: int) -> int:
    """Where a capitalized word at *start* begins, an "al-" or "ash-" before it included.

    >>> _with_prefix("met al-Sadr", 7), _with_prefix("Local-Sadr", 6), _with_prefix("x-Sadr", 2)
    (4, 6, 2)
    """
    for n in (2, 3):
        p = start - 1 - n
        if p >= 0 and text[p : start - 1] in _PREFIXES and not _word_char(text, p - 1):
            return p
    return start


def _word_char(text: str, i: int) -> bool:
    if i < 0:
        return False
    cat = unicodedata.category(text[i])
    return cat[0] in "LM" or cat == "Nd" or text[i] == "_"


def _connectors(text: str, gap: regex.Match[str]) -> list[_Tok]:
    """The connector tokens ("bin", "al") a matched ``_GAP`` holds."""
    return [
        _Tok(s, e, text[s:e], "conn", False)
        for s, e in zip(gap.starts("conn"), gap.ends("conn"), strict=True)
    ]


def _split_run(seq: list[_Tok], runs: list[list[_Tok]]) -> None:
    """Cut *seq* into runs of at most ``_MAX_RUN`` tokens; a connector never starts one."""
    cur: list[_Tok] = []
    for tok in seq:
        if len(cur) == _MAX_RUN:
            runs.append(cur)
            cur = []
        if cur or tok.kind != "conn":
            cur.append(tok)
    if cur:
        runs.append(cur)


def _lower_words(text: str) -> frozenset[str]:
    """The words written in lowercase somewhere in *text* ("the", "minister").

    A word never spans whitespace, so the distinct whitespace-separated chunks hold the same
    words as the whole text, and repeats are read once.

    >>> sorted(_lower_words("The minister met the Minister."))
    ['met', 'minister', 'the']
    >>> sorted(_lower_words("“the” café Δelta ünder"))
    ['café', 'the', 'ünder']
    """
    joined = " " + " ".join(set(text.split()))
    words = set(_ASCII_LOWER_WORD.findall(joined))
    if not joined.isascii():
        # Most chunks are ASCII even in a text with curly quotes: only the others need the
        # Unicode classes.
        words.update(_LOWER_WORD.findall(" ".join(_NON_ASCII_CHUNK.findall(joined))))
    return frozenset(words)


# What a word of ``_LOWER_WORD`` is, without its boundaries; and the characters that are no
# boundary: the pieces ``_LOWER_WORD`` is built of.
_LOWER_WORD_SHAPE = regex.compile(_LOWER_SHAPE_PATTERN)
_LETTER_OR_MARK = regex.compile(_LETTER_OR_MARK_CLASS)
# Characters the searches of one ``LowerWords`` may read, per character of its text, before it
# reads the whole text once instead (``_lower_words``): a bound that keeps any text linear.
_SEARCH_BUDGET = 32
_SEARCH_BUDGET_MIN = 100_000
_HIT_COST = 64  # a match that is no word ("ran" in "Iran") costs a Python step: charge it


class LowerWords:
    """The words *text* writes in lowercase, asked one at a time: ``low in LowerWords(text)``
    equals ``low in _lower_words(text)``.

    A document asks about a few dozen capitalized words, and most of them ("ghani") it never
    writes in lowercase: a string search per word is cheaper than reading every word of the
    text into a set. Answers are remembered. Searches stop, and the whole set is read once,
    when they have read ``_SEARCH_BUDGET`` times the text: linear time on any text.

    >>> words = LowerWords("The minister met the Minister in Tehran.")
    >>> [w in words for w in ("minister", "the", "tehran", "met", "ministe")]
    [True, True, False, True, False]
    """

    __slots__ = ("_budget", "_full", "_known", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: dict[str, bool] = {}
        self._budget = _SEARCH_BUDGET * len(text) + _SEARCH_BUDGET_MIN
        self._full: frozenset[str] | None = None

    def __contains__(self, low: object) -> bool:
        if not isinstance(low, str):
            return False
        known = self._known.get(low)
        if known is None:
            known = self._known[low] = self._written(low)
        return known

    def _written(self, low: str) -> bool:
        if self._full is not None:
            return low in self._full
        if low.isascii():
            # ASCII letters, all lowercase: the shape of a word if 2 to 41 of them.
            if not (low.isalpha() and low.islower() and 2 <= len(low) <= 41):
                return False
        elif _LOWER_WORD_SHAPE.fullmatch(low) is None:
            return False
        text, n = self._text, len(low)
        i = text.find(low)
        while i >= 0 and self._budget > 0:
            self._budget -= _HIT_COST
            if not (i and _letter_or_mark(text[i - 1])) and not (
                i + n < len(text) and _letter_or_mark(text[i + n])
            ):
                self._budget -= i
                return True
            i = text.find(low, i + 1)
        self._budget -= len(text)
        if self._budget <= 0:
            self._full = _lower_words(text)
            return low in self._full
        return False


def _letter_or_mark(ch: str) -> bool:
    """Whether *ch* may continue a word of ``_LOWER_WORD`` (a letter or a combining mark)."""
    if ch.isascii():
        return ch.isalpha()
    return _LETTER_OR_MARK.match(ch) is not None


def _trim_connectors(toks: Sequence[_Tok]) -> Sequence[_Tok]:
    while toks and toks[-1].kind == "conn":
        toks = toks[:-1]
    while toks and toks[0].kind == "conn":
        toks = toks[1:]
    return toks


def _take_title(toks: Sequence[_Tok], lex: Lexicon) -> tuple[Sequence[_Tok], Sequence[_Tok]]:
    """Split leading title tokens (longest title first) from the rest."""
    if not toks or toks[0].low not in lex.title_starts:
        return (), toks
    for title in lex.titles.get(toks[0].low, ()):
        n = len(title)
        if len(toks) >= n and tuple(t.low for t in toks[:n]) == title:
            return toks[:n], toks[n:]
    low = toks[0].low
    if low.endswith("s") and (low[:-1],) in lex.titles.get(low[:-1], ()):
        return toks[:1], toks[1:]  # "Presidents X and Y"
    return (), toks


def _is_context_word(tok: _Tok, lex: Lexicon, lower_words: Container[str]) -> bool:
    low = tok.low
    return (
        low in lex.static_context
        or tok.caps
        or tok.kind == "conn"
        or (low in lower_words and low not in lex.titles)
    )


def _has_phrase(lows: tuple[str, ...], lex: Lexicon) -> bool:
    if lex.phrases.keys().isdisjoint(lows):
        return False
    for i, low in enumerate(lows):
        for phrase in lex.phrases.get(low, ()):
            if lows[i : i + len(phrase)] == phrase:
                return True
    return False


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a run's own words say about it, offsets relative to where it was read.

    The part of the decision that does not depend on the words around the run: so it is the
    same for every occurrence of the same window with the same ``lower_words`` answers.
    """

    run_start: int
    run_end: int
    start: int  # the name, without its title
    end: int
    title: str | None
    group_like: bool  # one word ending like a group ("Conservatives"): a person only with a title
    given_first: bool  # several words, the first a given name of the region
    single: str | None  # the name's one word, lowercase, when it has one word


def candidates(text: str, lower_words: Container[str] | None = None) -> list[Candidate]:
    """Person-like spans of *text* with the evidence that they are people (before coref).

    Each window (``_WINDOW``) is judged by its own words first (``_shapes``, remembered by the
    window's text and which of its words the document also writes in lowercase), then by the
    words around it (``_place``).
    """
    lex = lexicon()
    if lower_words is None:
        lower_words = LowerWords(text)
    found: list[Candidate] = []
    view = _window_view(text)
    windows = _WINDOW.finditer(text) if view is None else _VIEW_WINDOW.finditer(view)
    for window in windows:
        start, end = window.span()
        if _in_place(text, start, end):
            runs: list[list[_Tok]] = []
            _window_runs(text, start, end, runs)
            base = 0
            shapes: Sequence[_Shape] = [
                s for run in runs if (s := _shape(text, run, lex, lower_words)) is not None
            ]
        else:
            chunk = text[start:end]
            if chunk.isalpha():  # one plain word: the commonest window, and mostly not a name
                low = chunk.lower()
                if _alone_never(low, len(chunk) > 1 and chunk.isupper(), lex, lower_words):
                    continue
                # _alone_never has just asked: the word is not written in lowercase, or it is a
                # title, whose answer _shape never reads.
                in_lower: tuple[bool, ...] = (False,)
            else:
                # Only the answers _shape reads are asked (each is a search of the text).
                skip = lex.lower_irrelevant
                in_lower = tuple(
                    [low not in skip and low in lower_words for low in _chunk_lows(chunk)]
                )
            base = start
            shapes = _shapes(chunk, in_lower)
        for shape in shapes:
            place = _place(text, base, shape, lex)
            if place is not None:
                found.append(place)
    return found


@lru_cache(maxsize=16384)
def _shapes(chunk: str, in_lower: tuple[bool, ...]) -> tuple[_Shape, ...]:
    """The shapes of a window's runs; *in_lower* tells, token by token, which are in lowercase
    elsewhere in the document (cached: windows repeat within and across documents).

    >>> [(s.start, s.end, s.title) for s in _shapes("President Ashraf Ghani", (False,) * 3)]
    [(10, 22, 'President')]
    """
    lex = lexicon()
    lows = _chunk_lows(chunk)
    lower_words = frozenset(low for low, seen in zip(lows, in_lower, strict=True) if seen)
    return tuple(
        s for run in _chunk_runs(chunk) if (s := _shape(chunk, run, lex, lower_words)) is not None
    )


def _shape(
    text: str, run: Sequence[_Tok], lex: Lexicon, lower_words: Container[str]
) -> _Shape | None:
    """Judge a run by its own words: None when they rule out a person, else its ``_Shape``."""
    if len(run) == 1:
        tok = run[0]
        if _alone_never(tok.low, tok.caps, lex, lower_words):
            return None  # "The", "Iran", "Minister": the most common runs, never a name alone
    else:
        run = _trim_connectors(run)
    lows = tuple([t.low for t in run])
    if not lex.nonperson.isdisjoint(lows) or _has_phrase(lows, lex):
        return None
    toks = run
    title_toks: Sequence[_Tok] = ()
    # Leading sentence words, demonyms and places, then a title, then "of <place>".
    while toks:
        prev_tok = run[len(run) - len(toks) - 1] if len(toks) < len(run) else None
        taken, rest = _take_title(toks, lex)
        if taken:
            # Chained titles read as one ("Deputy Prime Minister Mullah"); nothing left
            # means a title alone ("Leader said").
            chained = bool(title_toks) and title_toks[-1] is prev_tok
            title_toks = [*title_toks, *taken] if chained else taken
            toks = rest
        elif _is_context_word(toks[0], lex, lower_words):
            toks = toks[1:]
        else:
            break
    for k in range(1, len(toks) - 1):
        # A title inside the run: "Cooperation Minister Charles Josselin".
        taken, rest = _take_title(toks[k:], lex)
        if taken and rest:
            title_toks, toks = taken, rest
            break
    while toks and (toks[-1].kind == "conn" or _is_context_word(toks[-1], lex, lower_words)):
        toks = toks[:-1]
    toks = _trim_connectors(toks)
    if not toks or len(toks) > _MAX_NAME:
        return None
    if any(t.caps or t.low in lex.never_person or t.low in lex.calendar for t in toks):
        return None
    title: str | None = None
    if title_toks:
        title_end = title_toks[-1].end
        if title_toks[-1].low in _ABBREV_TITLES and text[title_end : title_end + 1] == ".":
            title_end += 1
        title = text[title_toks[0].start : title_end]
        low = tuple(title.lower().split())
        singular = (*low[:-1], low[-1][:-1])
        if low[-1].endswith("s") and singular in lex.titles.get(singular[0], ()):
            title = title[:-1]  # "Presidents Ghani and Putin": each is a President
    words = [t for t in toks if t.kind != "conn"]
    one = len(words) == 1
    return _Shape(
        run_start=run[0].start,
        run_end=run[-1].end,
        start=toks[0].start,
        end=toks[-1].end,
        title=title,
        group_like=one and words[0].low.endswith(_GROUP_ENDINGS),
        given_first=not one and _given(words[0].low),
        single=words[0].low if one else None,
    )


def _place(text: str, base: int, shape: _Shape, lex: Lexicon) -> Candidate | None:
    """Judge a shape at ``base`` in *text* by the words around it: None when they rule it out."""
    run_end = base + shape.run_end
    nxt = _NEXT_WORD.match(text, run_end, run_end + 40)
    next_low = nxt.group(1).lower() if nxt else ""
    if next_low in lex.nonperson:
        return None  # "Imam Ali shrine", "Haqqani network"
    title = shape.title
    if title is None:
        # The word before only matters without a title of the run's own.
        prev = _prev_word(text, base + shape.run_start)
        prev_low = prev.lower()
        if prev_low == "the":
            return None  # "the Hamid Karzai ...": names of things take an article, people don't
        if prev_low in lex.left and prev.islower():
            title = prev
        elif shape.group_like:
            return None  # "Zoroastrians said", "Conservatives won": groups, not people
    if title is not None:
        evidence = "title"
    elif _verb_follows(text, run_end, lex, nxt):
        evidence = "verb"
    elif shape.given_first:
        evidence = "given"
    else:
        evidence = "none"
    start, end = base + shape.start, base + shape.end
    # Whether one word is a common given name is only read with a title or a verb as evidence
    # (coref's guess of a known surname): asked only then, as most one-word runs are no name.
    common = evidence in COMMON_READ_EVIDENCE and shape.single is not None and _given(shape.single)
    return _new_candidate(Candidate, (start, end, text[start:end], title, evidence, common))


def _prev_word(text: str, start: int) -> str:
    """The word right before *start*, across one to three spaces ('' if none).

    >>> _prev_word("the spokesman  Ali", 15), _prev_word("said, Ali", 6)
    ('spokesman', '')
    """
    j = start
    while j > 0 and start - j < 3 and text[j - 1] in " \t\u00a0":
        j -= 1
    if j == start or (j > 0 and text[j - 1] in " \t\u00a0"):
        return ""
    # Mostly a plain word after a space: then the letters after the last space are the word.
    word = text[max(0, j - 30) : j].rpartition(" ")[2]
    if word.isalpha():
        return word
    k = j
    while k > 0 and j - k < 30 and text[k - 1].isalpha():
        k -= 1
    return text[k:j]


def _verb_follows(text: str, pos: int, lex: Lexicon, nxt: regex.Match[str] | None = None) -> bool:
    """Whether a speech verb ("said", "has stressed") follows *pos* within 40 characters.

    *nxt*, the ``_NEXT_WORD`` match at *pos*, settles most runs: after one to three spaces its
    word is the first word read here, and only an auxiliary ("has") needs the words after it.

    >>> lex = lexicon()
    >>> [_verb_follows(t, 5, lex) for t in ("Ghani said", "Ghani has said", "Ghani and")]
    [True, True, False]
    """
    if nxt is not None and nxt.start(1) > pos:
        low = nxt.group(1).lower()
        if low in lex.verbs:
            return True
        if low not in _AUX:
            return False
    m = _NEXT_WORDS.match(text, pos, pos + 40)
    if not m:
        return False
    for w in m.captures(1):
        low = w.lower()
        if low in lex.verbs:
            return True
        if low not in _AUX:
            return False
    return False


@lru_cache(maxsize=16384)
def _given(low: str) -> bool:
    """Whether *low* is, phonetically, one of the lexicon's given names (cached: names repeat)."""
    parts = analyze(low).parts
    return bool(parts) and parts[0].phon in lexicon().given_phon


def extract_names(text: str, gazetteer: Gazetteer | None = None) -> list[NameMention]:
    """Person mentions of *text*, each with its entity ``key`` (gazetteer id or cluster id).

    *gazetteer* defaults to the bundled ``Gazetteer.default()``.

    >>> ms = extract_names("Mohammad Ashraf Ghani met Vladimir Putin. President Ghani said.")
    >>> [(m.text, m.key) for m in ms]  # doctest: +NORMALIZE_WHITESPACE
    [('Mohammad Ashraf Ghani', 'af-ashraf-ghani'), ('Vladimir Putin', 'ru-vladimir-putin'),
     ('Ghani', 'af-ashraf-ghani')]
    """
    ensure_text(text, "extract_names")
    if gazetteer is not None and not isinstance(gazetteer, Gazetteer):
        raise TypeError(
            "extract_names() needs gazetteer as a newsnorm.Gazetteer or None, got "
            f"{type(gazetteer).__name__}: e.g. Gazetteer.from_file(path)"
        )
    gz = gazetteer if gazetteer is not None else Gazetteer.default()
    return resolve(candidates(text), gz)
