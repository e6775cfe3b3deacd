"""Source-language digits and punctuation left in English text, and stray spaces before
punctuation.

Persian and Arabic text uses its own digits (``۱۰۳۷``, ``١٠٣٧``), separators (``٬`` thousands,
``٫`` decimal, and a slash for the decimal point in ``۲/۵ میلیون``) and punctuation
(``،`` ``؛`` ``؟`` ``«»`` ``٪``); machine translation often carries them into the English.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from newsnorm.checks import ensure_text
from newsnorm.cleanup.base import EMPTY, Fix, Fixer
from newsnorm.cleanup.unicode import edits_for, profile, run_fix
from newsnorm.model import Edit, Flag

__all__ = [
    "FIXERS",
    "find_source_digits",
    "find_source_punctuation",
    "find_space_before_punct",
    "fix_source_digits",
    "fix_source_punctuation",
    "fix_space_before_punct",
]


def _letter_script(ch: str) -> str:
    """``"latin"``, ``"arabic"`` (Arabic script: Persian, Pashto, Urdu too), ``"other"`` for a
    letter of another script, ``""`` for a character that is not a letter.

    >>> _letter_script("a"), _letter_script("ب"), _letter_script("Ж"), _letter_script("7")
    ('latin', 'arabic', 'other', '')
    """
    if ch.isascii():
        return "latin" if ch.isalpha() else ""
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        return "latin"
    if name.startswith("ARABIC"):
        return "arabic"
    return "other"


# The nearest letter or line break, forwards and (regex's reverse search) backwards: one C-level
# search over at most 200 characters instead of a Python loop.
_LETTER_AHEAD = regex.compile(r"[\p{L}\r\n]")
_LETTER_BEHIND = regex.compile(r"(?r)[\p{L}\r\n]")


class _Neighbours:
    """The script of the nearest letter left and right of a position, on the same line and
    within ``limit`` characters, for positions asked in increasing order.

    Each answer reuses the last one (no letter lies between two asked positions that the last
    search has not seen), so a text full of marks costs one pass, not ``limit`` per mark.

    >>> n = _Neighbours("ab, 12 ب")
    >>> n.left(2), n.right(2)
    ('latin', 'arabic')
    """

    __slots__ = ("_left", "_limit", "_right", "_text")

    def __init__(self, text: str, limit: int = 200) -> None:
        self._text = text
        self._limit = limit
        self._left = (0, -1)  # (asked position, index of the nearest hit before it or -1)
        self._right = (0, -1)  # (searched up to, index of the first hit there or -1)

    def _script(self, at: int) -> str:
        return "" if at < 0 else _letter_script(self._text[at])

    def left(self, pos: int) -> str:
        """Nearest letter in ``text[pos - limit : pos]`` (a line break stops the search)."""
        asked, hit = self._left
        lo = max(0, pos - self._limit)
        m = _LETTER_BEHIND.search(self._text, max(lo, asked), max(lo, pos))
        if m is not None:
            hit = m.start()
        elif hit < lo:
            hit = -1
        self._left = (pos, hit)
        return self._script(hit)

    def right(self, pos: int) -> str:
        """Nearest letter in ``text[pos : pos + limit]`` (a line break stops the search)."""
        searched, hit = self._right
        end = min(len(self._text), pos + self._limit)
        if hit >= pos:  # nothing between pos and the last hit
            return self._script(hit) if hit < end else ""
        m = _LETTER_AHEAD.search(self._text, max(pos, searched), end)
        hit = m.start() if m is not None else -1
        self._right = (hit + 1 if hit >= 0 else end, hit)
        return self._script(hit)


_LATIN_LETTER = regex.compile(r"\p{Latin}")
_OTHER_LETTER = regex.compile(r"(?V1)[\p{L}--\p{Latin}]")


class _Context:
    """Is a position in English text? More Latin letters than letters of other scripts on its
    line, within about 300 characters (a text with no letters there counts as English).

    Answers are kept per line and 256-character block, so a long line full of marks costs a
    bounded count per block, not per mark.

    >>> c = _Context("Kabul، Herat\\nکابل، هرات و مزار")
    >>> c.english(5), c.english(17)
    (True, False)
    """

    __slots__ = ("_memo", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._memo: dict[tuple[int, int], bool] = {}

    def english(self, pos: int) -> bool:
        text = self._text
        block = pos >> 8
        lo = max(0, (block << 8) - 300)
        line_start = text.rfind("\n", lo, pos) + 1
        key = (line_start, block)
        known = self._memo.get(key)
        if known is not None:
            return known
        lo = max(lo, line_start)
        hi_limit = min(len(text), (block << 8) + 556)
        hi = text.find("\n", pos, hi_limit)
        window = text[lo : hi_limit if hi < 0 else hi]
        latin = len(_LATIN_LETTER.findall(window))
        other = len(_OTHER_LETTER.findall(window))
        answer = latin > other or latin == other == 0
        self._memo[key] = answer
        return answer


# --------------------------------------------------------------------------------------------
# source_digits

_DIGITS = "0-9\u06f0-\u06f9\u0660-\u0669"
_SOURCE_DIGIT_CHARS = frozenset(
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u066b\u066c"
)
_TO_ASCII = str.maketrans(
    {
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
        "\u066c": ",",  # ARABIC THOUSANDS SEPARATOR
        "\u066b": ".",  # ARABIC DECIMAL SEPARATOR
    }
)
# A number: digit runs joined by the Arabic separators or a slash. Digit runs are possessive and
# the separators are literals, so no two quantifiers can trade characters.
_NUMBER = re.compile(f"[{_DIGITS}]++(?:[\u066b\u066c/][{_DIGITS}]++)*+")
# What a Persian decimal slash stands before: a scale or percent word (English or Persian).
_SCALE_AFTER = re.compile(
    r"[ \t\u00a0-]{0,2}(?:(?:million|billion|trillion|thousand|percent|per cent|mln|bn)(?![^\W\d_])"
    r"|%|\u066a|(?:میلیون|میلیارد|هزار|درصد|تریلیون)(?!\w))",
    re.IGNORECASE,
)
# The slash comes first and the digit before it is a lookbehind after it: a pattern that starts
# with a literal lets the regex engine skip to each "/" (a leading lookbehind is tried at every
# position, 25 times slower on the corpus, where most articles hold a slash).
_SLASH_CUE = re.compile(r"/(?<=\d/)\d{1,3}[ \t\u00a0-]{0,2}[mbtpMBTP%\u066aمهدت]")
# Fractions that English writes with a slash; before "million" they may be English or Persian.
_ENGLISH_FRACTIONS = frozenset({"1/2", "1/3", "2/3", "1/4", "3/4", "1/8", "3/8", "5/8", "7/8"})


def _slash_decimal(text: str, start: int, end: int, ascii_token: str) -> str | None:
    """``"2.5"`` when the token is a Persian decimal slash, ``"?"`` when it may be an English
    fraction (flag it), ``None`` when it is something else (a date, a ratio, a vote count)."""
    if ascii_token.count("/") != 1:
        return None
    whole, frac = ascii_token.split("/")
    if not (whole.isdigit() and frac.isdigit() and len(whole) <= 3 and len(frac) <= 3):
        return None
    before = text[max(0, start - 2) : start]
    if before[-1:] in {"/", ".", ",", "-"} or (before[-1:] == " " and before[:1].isdigit()):
        return None  # part of a longer token, or a mixed number "2 1/2 million"
    if _SCALE_AFTER.match(text, end) is None:
        return None
    if ascii_token in _ENGLISH_FRACTIONS:
        return "?"
    return f"{whole}.{frac}"


def find_source_digits(text: str) -> Fix:
    """Persian and Arabic-Indic digits to ASCII, ``٬`` → ``,`` and ``٫`` → ``.`` between digits,
    and the Persian decimal slash before a scale or percent word (``2/5 million`` →
    ``2.5 million``).

    A slash elsewhere (``6/7``, ``2/5 of the votes``, dates) stays; ``1/2 million`` and other
    fractions English writes with a slash are flagged (``ambiguous_number``), not rewritten.
    A number in Persian or Arabic text (an Arabic-script letter is the nearest letter on one
    side and no Latin letter on the other) stays as written.
    """
    ensure_text(text, "find_source_digits")
    prof = profile(text)
    has_source = bool(prof.other) and not _SOURCE_DIGIT_CHARS.isdisjoint(prof.other)
    if not has_source and (b"/" not in prof.utf8 or _SLASH_CUE.search(text) is None):
        return EMPTY
    edits: list[Edit] = []
    flags: list[Flag] = []
    near = _Neighbours(text)
    context = _Context(text)
    for m in _NUMBER.finditer(text):
        token = m.group()
        new = token.translate(_TO_ASCII)
        if new == token and "/" not in token:
            continue  # ASCII already
        if not context.english(m.start()) or (
            near.left(m.start()) == near.right(m.end()) == "arabic"
        ):
            continue  # a number in Persian or Arabic text
        if "/" in token:
            dec = _slash_decimal(text, m.start(), m.end(), new)
            if dec == "?":
                flags.append(
                    Flag(
                        start=m.start(),
                        end=m.end(),
                        kind="ambiguous_number",
                        message=f"{new!r} before a scale word: an English fraction or a "
                        "Persian decimal (slash for the decimal point)?",
                    )
                )
            elif dec is not None:
                new = dec
        if new != token:
            note = "Persian decimal slash" if "/" in token and "/" not in new else "source digits"
            edits.append(
                Edit(start=m.start(), end=m.end(), replacement=new, kind="source_digits", note=note)
            )
    if not edits and not flags:
        return EMPTY
    return Fix(edits=tuple(edits), flags=tuple(flags))


def fix_source_digits(text: str) -> str:
    """ASCII digits and separators.

    >>> fix_source_digits("at least ۱٬۰۳۷ troops, ٢٫٥ million people")
    'at least 1,037 troops, 2.5 million people'
    >>> fix_source_digits("a budget of 2/5 million dollars and 6/7 percent growth")
    'a budget of 2.5 million dollars and 6.7 percent growth'
    >>> fix_source_digits("He won 2/5 of the votes on 2021/07/06; the ratio is 6/7.")
    'He won 2/5 of the votes on 2021/07/06; the ratio is 6/7.'
    >>> fix_source_digits("در ۱۴۰۰ سال"), fix_source_digits("کابل ۱۴۰۰ Kabul")
    ('در ۱۴۰۰ سال', 'کابل 1400 Kabul')
    """
    return run_fix(find_source_digits, text, "fix_source_digits")


# --------------------------------------------------------------------------------------------
# source_punctuation

_MARKS = {
    "\u060c": ",",  # ARABIC COMMA
    "\u061b": ";",  # ARABIC SEMICOLON
    "\u061f": "?",  # ARABIC QUESTION MARK
    "\u066a": "%",  # ARABIC PERCENT SIGN
    "\u06d4": ".",  # ARABIC FULL STOP (Urdu, Pashto)
}
_SOURCE_PUNCT_CHARS = frozenset("\u060c\u061b\u061f\u066a\u06d4«»")
# Anchored at the start of a space run, so a long run of spaces is tried once, not at each space.
_SOURCE_MARK = re.compile("(?<![ \t])[ \t]*+[\u060c\u061b\u061f\u066a\u06d4]")
_QUOTED = re.compile("«([^«»\r\n]{0,500})»")
_LONE_QUOTE = re.compile("[«»]")


def find_source_punctuation(text: str) -> Fix:
    """``،`` ``؛`` ``؟`` ``٪`` ``۔`` → ``,`` ``;`` ``?`` ``%`` ``.`` and ``«»`` → ``""`` in
    English text.

    A mark counts as English when its line has more Latin letters than letters of other
    scripts nearby (within about 300 characters) and the nearest letters on both sides are not
    Arabic script, so Persian and Arabic sentences, even with English words in them, keep their
    own marks. A converted comma, semicolon or question mark loses the space before it and gains
    one after it when a letter follows (``Kabul ،Herat`` → ``Kabul, Herat``). Guillemets are
    decided as a pair from the letters outside them (a Latin letter on one side, or none), so
    ``«طالبان»`` quoted in an English sentence becomes ``"طالبان"``.
    """
    ensure_text(text, "find_source_punctuation")
    other = profile(text).other
    if not other or _SOURCE_PUNCT_CHARS.isdisjoint(other):
        return EMPTY
    found: list[tuple[int, int, str]] = []
    near = _Neighbours(text)
    context = _Context(text)
    for m in _SOURCE_MARK.finditer(text):
        mark_at = m.end() - 1
        mark = text[mark_at]
        left, right = near.left(m.start()), near.right(m.end())
        if left == right == "arabic" or not context.english(mark_at):
            continue
        new = _MARKS[mark]
        start = m.start() if new in ",;?." else mark_at
        if new in ",;?" and m.end() < len(text) and text[m.end()].isalpha():
            new += " "
        found.append((start, m.end(), new))
    paired: set[int] = set()
    near = _Neighbours(text)
    for m in _QUOTED.finditer(text):
        paired.update((m.start(), m.end() - 1))
        left, right = near.left(m.start()), near.right(m.end())
        inner = m.group(1)
        if context.english(m.start()) and ("latin" in (left, right) or not (left or right)):
            # French-style inner spaces go with the marks: « yes » -> "yes".
            lead = len(inner) - len(inner.lstrip(" \t"))
            trail = len(inner) - len(inner.rstrip(" \t")) if inner.strip(" \t") else 0
            found.append((m.start(), m.start(1) + lead, '"'))
            found.append((m.end(1) - trail, m.end(), '"'))
    near = _Neighbours(text)
    for m in _LONE_QUOTE.finditer(text):
        if m.start() in paired:
            continue
        left, right = near.left(m.start()), near.right(m.end())
        if left != "arabic" != right and context.english(m.start()):
            found.append((m.start(), m.end(), '"'))
    if not found:
        return EMPTY
    found.sort()
    return Fix(edits=edits_for(found, "source_punctuation", "source punctuation"))


def fix_source_punctuation(text: str) -> str:
    """English punctuation in English text.

    >>> fix_source_punctuation("Kabul، Herat ؛ and Mazar ؟")
    'Kabul, Herat; and Mazar?'
    >>> fix_source_punctuation("He said «we will win» on Tuesday.")
    'He said "we will win" on Tuesday.'
    >>> fix_source_punctuation("کابل، هرات و مزار") == "کابل، هرات و مزار"
    True
    """
    return run_fix(find_source_punctuation, text, "fix_source_punctuation")


# --------------------------------------------------------------------------------------------
# space_before_punct

# One to three spaces after a word (letter, digit, closing bracket or quote) and before , ; : . !
# ? that ends a clause (whitespace or the end follows). Not before an ellipsis (". . ." or
# "..."), and not ":" after a digit (scores and times: "3 : 2").
_MARKS_AFTER_SPACE = ",;:.!?"


def _space_before_hits(text: str, needles: list[str]) -> list[int]:
    """Offsets of each *needle* (a blank then a mark) in *text*, in order: ``str.find`` runs at
    memory speed; the few hits are checked in Python."""
    hits: list[int] = []
    for needle in needles:
        i = text.find(needle)
        while i >= 0:
            hits.append(i)
            i = text.find(needle, i + 1)
    hits.sort()
    return hits


# What may stand before the spaces: a word character, a closing bracket or quote, a percent.
_WORD_END = re.compile(r"[^\W_]|[)\]”’\"'%]")
# A tab reads as a space and every mark as a comma: " ," in the folded bytes = some blank+mark.
_FOLD_MARKS = bytes.maketrans(b"\t;:.!?", b" ,,,,,")
_SPACE_CUES = tuple(f"{blank}{mark}".encode() for blank in " \t" for mark in _MARKS_AFTER_SPACE)


# Marks other than the full stop as commas, tabs as spaces: one search asks for ten pairs.
_FOLD_RARE_MARKS = bytes.maketrans(b"\t;:!?", b" ,,,,")


def _cues_in(a: bytes) -> list[str]:
    """The blank+mark pairs of :data:`_SPACE_CUES` in the text's UTF-8 bytes *a*, in order.

    Each search of *a* is a pass over it; a pair whose blank (a tab) or whose mark (all but the
    full stop, the common one) is missing is known absent without one.

    >>> _cues_in(b"a . b ;c")
    [' ;', ' .']
    """
    has_tab = b"\t" in a
    rare = b" ," in a.translate(_FOLD_RARE_MARKS)
    return [
        cue.decode()
        for cue in _SPACE_CUES
        if (has_tab or cue[0] == 32) and (rare or cue[1] == 46) and cue in a
    ]


def find_space_before_punct(text: str) -> Fix:
    """``word ,`` → ``word,``: spaces before a comma, semicolon, colon, full stop, exclamation or
    question mark that ends a clause.

    Conservative: never before ``(`` or a dash, never inside a number (``3 .5``) or a score or
    time (``3 : 2``), never before an ellipsis, never across a line break.
    """
    ensure_text(text, "find_space_before_punct")
    a = profile(text).utf8
    # Which blank+mark pairs occur at all, asked of the text's bytes (a fast scan each); the
    # text itself is searched only for those.
    if b" ," not in a.translate(_FOLD_MARKS):  # one pass asks for all twelve pairs at once
        return EMPTY
    needles = _cues_in(a)
    if not needles:
        return EMPTY
    found: list[tuple[int, int, str]] = []
    n = len(text)
    for hit in _space_before_hits(text, needles):
        end = hit + 1
        if end + 1 < n and not text[end + 1].isspace():
            continue  # the mark does not end a clause: "3 .5", "10 :30", "..."
        start = hit
        while start > 0 and end - start < 3 and text[start - 1] in " \t":
            start -= 1
        if start == 0 or _WORD_END.match(text, start - 1) is None:
            continue
        mark = text[end]
        if mark == ":" and text[start - 1].isdigit():
            continue  # a score or a time: "3 : 2"
        if mark == "." and text[end + 1 : end + 3] == " .":
            continue  # a spaced ellipsis ". . ."
        found.append((start, end, ""))
    if not found:
        return EMPTY
    return Fix(edits=edits_for(found, "space_before_punct", "space before mark"))


def fix_space_before_punct(text: str) -> str:
    """Remove stray spaces before punctuation.

    >>> fix_space_before_punct("Kabul , Herat and Mazar .")
    'Kabul, Herat and Mazar.'
    >>> fix_space_before_punct("The score was 3 : 2 at 10 :30 ( see below ) - and so . . .")
    'The score was 3 : 2 at 10 :30 ( see below ) - and so . . .'
    """
    return run_fix(find_space_before_punct, text, "fix_space_before_punct")


FIXERS: tuple[Fixer, ...] = (
    Fixer("source_digits", find_source_digits, "Persian/Arabic digits and decimal separators"),
    Fixer("source_punctuation", find_source_punctuation, "، ؛ ؟ « » ٪ in English text"),
    Fixer("space_before_punct", find_space_before_punct, "stray space before punctuation"),
)
