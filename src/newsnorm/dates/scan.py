"""The pre-scan: where in a text a date can be, so the grammar only runs there.

A text with no anchor (digit, month, weekday, relative or time word) costs one token scan.

>>> regions("nothing to see here")
[]
>>> candidates("he left on tuesday, they said")
[8, 11]
"""

from __future__ import annotations

import re
from functools import cache

from newsnorm.dates._ascii import ascii_view
from newsnorm.dates.lexicon import lexicon, trie

__all__ = ["ascii_lower", "candidates", "regions"]

_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


# Characters before an anchor that a rule may need (prefixes such as "over the past two",
# "since the end of") and after it (a year, a time, a range's second end).
_BEFORE = 40
_AFTER = 60


def ascii_lower(text: str, lowered: str | None = None) -> str:
    """*text* lower-cased with the same length (so offsets into it are offsets into *text*);
    *lowered* is ``text.lower()`` if the caller has it already.

    >>> ascii_lower("July İstanbul") == "july " + "İstanbul".translate(_ASCII_LOWER)
    True
    """
    low = text.lower() if lowered is None else lowered
    if len(low) == len(text):
        return low
    return text.translate(_ASCII_LOWER)


_EXTRA_ANCHORS = (
    "today tomorrow yesterday tonight tonite now ago next last past previous coming following "
    "upcoming recent recently lately noon midday midnight am pm every each once twice daily "
    "weekly monthly yearly annually quarterly hourly biweekly fortnightly annual semiannual "
    "nightly bimonthly semi bi otd within present moment future christmas halloween juneteenth "
    "independence valentine new workers women labour easter oclock clock century centuries "
    "decade decades weekday weekdays morning afternoon evening night daytime nighttime spring "
    "summer autumn fall winter quarter half q1 q2 q3 q4 h1 h2 noonish international earth "
    "saint st black good freedom jubilee boxing nowruz norouz nowrouz thanksgiving eod"
)


@cache
def _anchor_words() -> frozenset[str]:
    """Words that may anchor a date expression (lexicon entries and relative words)."""
    lex = lexicon()
    words: set[str] = set(_EXTRA_ANCHORS.split())
    for key in ("months", "weekdays", "cardinals", "ordinals", "units", "parts_of_day", "seasons"):
        words.update(str(k) for k in lex[key])
    words.update(w for w in lex["sets"] if "-" not in w)
    words.update(w + "s" for w in ("monday", "tuesday", "wednesday", "thursday", "friday"))
    words.update(("saturdays", "sundays"))
    # "a few minutes", "a day": the unit words already anchor them.
    words.discard("a")
    words.discard("an")
    return frozenset(words)


# Words a rule may start with before its anchor ("over the past two months", "from 2014 to",
# "at 7", "a few days ago", "q1 2019").
_PREFIXES = frozenset(
    [
        "the",
        "from",
        "between",
        "in",
        "after",
        "at",
        "around",
        "by",
        "within",
        "every",
        "each",
        "once",
        "twice",
        "three",
        "all",
        "early",
        "late",
        "later",
        "earlier",
        "mid",
        "during",
        "a",
        "an",
        "several",
        "some",
        "few",
        "couple",
        "half",
        "right",
        "this",
        "current",
        "q",
        "h",
        "since",
        "until",
        "till",
        "before",
        "about",
        "approximately",
        "circa",
        "roughly",
        "end",
        "beginning",
        "start",
        "middle",
        "no",
        "not",
        "prior",
        "ahead",
        "as",
        "up",
        "starting",
        "of",
        "on",
        "fiscal",
        "calendar",
        "school",
    ]
)


@cache
def _anchor_pattern() -> re.Pattern[str]:
    """The anchor words as one trie regex, plus any digit run (the reference scan)."""
    return re.compile(r"(?<![a-z0-9])(?:" + trie(_anchor_words()) + r")(?![a-z])|[0-9]{1,8}|½")


# In ASCII text (and in the ASCII view of any text) every character that is neither a letter
# nor a digit separates words; as a space, it lets the scan look for one literal, which re
# finds with its string search (a third faster than a class of separators).
_SEPARATORS_AS_SPACES = {c: " " for c in range(128) if not chr(c).isalnum() or chr(c).isupper()}


@cache
def _spaced_scan() -> re.Pattern[str]:
    """The anchor words after a space, for ASCII text whose separators became spaces.

    A word with a separator in it (``night-time``) is looked for up to it: ``night`` is an
    anchor too, so the start is the same, no anchor starts in the rest, and the word does not
    end in a digit (the digit check of :func:`_anchors`); all three are checked here.
    """
    words = _anchor_words()
    heads = {re.split("[^a-z0-9]", w)[0] for w in words}
    cut = words - heads
    tails = {t for w in cut for t in re.split("[^a-z0-9]", w)[1:]}
    if (
        not heads <= words
        or any(t.startswith(w) for t in tails for w in heads)
        or any(w[-1].isdigit() for w in cut)
    ):
        raise ValueError("an anchor word's pieces would change the anchors the scan finds")
    return re.compile(" (?:" + trie(heads) + ")(?![a-z])")


def _word_spans(view: str) -> list[tuple[int, int]]:
    """Start and end of each anchor word of the ASCII view *view* of a lower-cased text, as
    :func:`_anchor_pattern` finds them in the text.

    The pattern only tells ``[a-z0-9]`` (and the ASCII letters of its words) from the rest, and
    the view's stand-ins are none of them, so it matches the view where it matches the text.
    """
    # Measured and dropped (callgrind, every 64th article): one str.split of the view into a
    # set of words shared with the calendar scan, intersected with the anchor and calendar
    # words, each word found then located with str.find. The split and set cost about 600
    # instructions a word of text (the regex about 1,270), but str.find, once per word found,
    # ate the gain: extract_dates 826 -> 877 M instructions per pass.
    # The leading space stands for the start of the text; it shifts every offset by one.
    spaced = " " + view.translate(_SEPARATORS_AS_SPACES)
    return [(m.start(), m.end() - 1) for m in _spaced_scan().finditer(spaced)]


# [0-9]{1,8} with its first digit spelled out as a class, so that re skips to the next digit.
_DIGIT_RUN = re.compile(r"[0-9][0-9]{0,7}")
# ASCII text as the kind of each character: a letter "a", a digit "0", anything else a space.
_CHAR_KINDS = {c: "a" if chr(c).isalpha() else "0" if chr(c).isdigit() else " " for c in range(128)}


def _digit_runs(view: str) -> list[int]:
    """Starts of the matches of :data:`_DIGIT_RUN` in the ASCII view *view* of a text (its
    stand-ins are no digits: the same starts as in the text), in order.

    A run starts where a digit follows a letter or a separator: two substring searches in the
    text's character kinds, faster than re testing a class at every character. A run of nine
    digits or more is cut in pieces of eight: :data:`_DIGIT_RUN` reads it.

    >>> _digit_runs("covid19 on 6/7, 2021") == [m.start() for m in _DIGIT_RUN.finditer(
    ...     "covid19 on 6/7, 2021")]
    True
    """
    kinds = view.translate(_CHAR_KINDS)
    if "0" * 9 in kinds:
        return [m.start() for m in _DIGIT_RUN.finditer(view)]
    starts = [0] if kinds.startswith("0") else []
    for before in ("a0", " 0"):
        i = kinds.find(before)
        while i >= 0:
            starts.append(i + 1)
            i = kinds.find(before, i + 2)
    starts.sort()
    return starts


def _anchors(low: str, view: str | None = None) -> list[int]:
    """Offsets of the anchors of *low*: the starts of the matches of :func:`_anchor_pattern`.

    Words and digit runs are found by two fast scans of the text's :func:`ascii_view`. A word
    that ends in a digit (``q1``, ``h2``) consumes it in the reference scan ("q12" is ``q1``
    then ``2``), which the digit scan cannot know: a text with one is scanned the reference way.

    >>> _anchors("q1 and 2021 on monday") == [m.start() for m in _anchor_pattern().finditer(
    ...     "q1 and 2021 on monday")]
    True
    """
    if view is None:
        view = ascii_view(low)
    words = _word_spans(view)
    if any(view[end - 1] <= "9" for _, end in words):
        return [m.start() for m in _anchor_pattern().finditer(low)]
    starts = [start for start, _ in words]
    starts.extend(_digit_runs(view))
    if "½" in low:
        starts.extend(i for i, ch in enumerate(low) if ch == "½")
    starts.sort()
    return starts


def candidates(low: str, view: str | None = None) -> list[int]:
    """Offsets of *low* where a date expression may start, in order.

    Each anchor (digit, month, weekday, relative or time word) is a candidate, and so is each
    of the (up to four) words right before it that can open an expression (``the``, ``from``).
    *view* is the ``ascii_view(low)`` a caller has already made, if any.
    """
    out: list[int] = []
    last = -1
    for start in _anchors(low, view):
        # The words before the anchor, back to the previous anchor or 36 characters.
        lo = max(last + 1, start - 36)
        if lo < start and low[start - 1] == " ":
            words = low[lo:start].split()
            if words and words[-1] in _PREFIXES:  # most anchors have none: skip the walk
                out.extend(_opening_words(low, lo, start, words))
        out.append(start)
        last = start
    return out


def _opening_words(low: str, lo: int, start: int, words: list[str]) -> list[int]:
    """Offsets of the prefix words at the end of *words* (the text ``low[lo:start]``), in
    order, up to four."""
    opened: list[int] = []
    pos = start
    for word in reversed(words[-4:]):
        if word not in _PREFIXES:
            break
        pos = low.rfind(word, lo, pos)
        opened.append(pos)
    opened.reverse()
    return opened


def regions(low: str) -> list[tuple[int, int]]:
    """Merged windows around every candidate start of *low* (for inspection and tests)."""
    out: list[tuple[int, int]] = []
    for pos in candidates(low):
        s, e = max(0, pos - _BEFORE), min(len(low), pos + _AFTER)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
