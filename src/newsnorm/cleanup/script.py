"""Mixed scripts: a source-script word glued to an English one, and source-script fragments.

``فروبلیAmran`` (the native and the Latin spelling of a name run together) gets a space;
a fragment of Persian, Arabic, Cyrillic or another script inside English is reported with a
``source_script`` flag and never deleted: it may be the only record of a name.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from newsnorm.checks import ensure_text
from newsnorm.cleanup.base import EMPTY, Fix, Fixer
from newsnorm.cleanup.unicode import profile, run_fix
from newsnorm.model import Edit, Flag

__all__ = [
    "FIXERS",
    "FLAG_FIXERS",
    "find_script_glue",
    "find_source_script",
    "fix_script_glue",
]

# Arabic-script and Cyrillic blocks: the cheap question before the Unicode-property regexes.
_GLUE_CUE = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc\u0400-\u052f]"
)
_ARABIC_LATIN_GLUE = regex.compile(
    r"(?V1)[\p{Arabic}&&\p{L}]\p{M}{0,4}+(?=[\p{Latin}&&\p{L}])"
    r"|[\p{Latin}&&\p{L}]\p{M}{0,4}+(?=[\p{Arabic}&&\p{L}])"
)
# Cyrillic and Latin share look-alike letters, so only a token made of exactly two runs of at
# least two letters each ("ПутинPutin") is split; "ПрivЕТ" (four runs) is left alone.
# The token's edges: not a Latin or Cyrillic letter or a mark. An Arabic-script letter may touch
# it, since the Arabic glue above puts a space there in the same pass.
_CYRILLIC_LATIN_GLUE = regex.compile(
    r"(?V1)(?<![\p{Latin}\p{Cyrillic}\p{M}])(?:"
    r"[\p{Cyrillic}&&\p{L}]{2,64}+(?=[\p{Latin}&&\p{L}]{2,64}+(?![\p{Latin}\p{Cyrillic}\p{M}]))"
    r"|[\p{Latin}&&\p{L}]{2,64}+(?=[\p{Cyrillic}&&\p{L}]{2,64}+(?![\p{Latin}\p{Cyrillic}\p{M}])))"
)


# Runs of the Arabic and Cyrillic blocks (plain ``re``: a C-speed scan). Glue can only sit at a
# run's edge, so the property regexes above only ever see a few characters around an edge that
# touches a letter.
_ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]+")
_CYRILLIC_RUN = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]+")


def _touches_letter(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether the character before ``start`` and the one at ``end`` are neither spaces nor
    ASCII punctuation: only there can two scripts be glued."""
    before = start > 0 and (text[start - 1].isalpha() or not text[start - 1].isascii())
    after = end < len(text) and (text[end].isalpha() or not text[end].isascii())
    return before, after


def find_script_glue(text: str) -> Fix:
    """A space between an Arabic-script letter and a Latin letter that touch (either order),
    and between a Cyrillic and a Latin word run together (each at least two letters)."""
    ensure_text(text, "find_script_glue")
    other = profile(text).other
    if not other or _GLUE_CUE.search(other) is None:
        return EMPTY
    n = len(text)
    points: set[int] = set()
    for m in _ARABIC_RUN.finditer(text):
        start, end = m.span()
        before, after = _touches_letter(text, start, end)
        # A letter and up to four marks on either side of the edge fit in six characters.
        if before:
            for g in _ARABIC_LATIN_GLUE.finditer(text, max(0, start - 6), min(n, start + 6)):
                points.add(g.end())
        if after:
            for g in _ARABIC_LATIN_GLUE.finditer(text, max(0, end - 6), min(n, end + 6)):
                points.add(g.end())
    for m in _CYRILLIC_RUN.finditer(text):
        start, end = m.span()
        before, after = _touches_letter(text, start, end)
        if before or after:
            # A glued token is two runs of at most 64 letters; the window holds it and its edges.
            lo = max(0, start - 66) if before else start
            hi = min(n, end + 66) if after else end
            points.update(g.end() for g in _CYRILLIC_LATIN_GLUE.finditer(text, lo, hi))
    if not points:
        return EMPTY
    edits = tuple(
        Edit(start=p, end=p, replacement=" ", kind="script_glue", note="words of two scripts")
        for p in sorted(points)
    )
    return Fix(edits=edits)


def fix_script_glue(text: str) -> str:
    """Separate words of two scripts that touch.

    >>> fix_script_glue("عمران فروبلیAmran Forobali")
    'عمران فروبلی Amran Forobali'
    >>> fix_script_glue("Президент ПутинPutin said")
    'Президент Путин Putin said'
    >>> fix_script_glue("ПрivЕТ, Amran Forobali (عمران فروبلی)")
    'ПрivЕТ, Amran Forobali (عمران فروبلی)'
    """
    return run_fix(find_script_glue, text, "fix_script_glue")


# --------------------------------------------------------------------------------------------
# source_script (flags only)

_NON_LATIN_WORD = r"[\p{L}--\p{Latin}][[\p{L}--\p{Latin}]\p{M}\u200c\u200d]*+"
# Words of other scripts joined by up to three non-letters (spaces, digits, punctuation) on one
# line. The word and gap classes are disjoint, so the repetition cannot backtrack.
_SOURCE_RUN = regex.compile(
    rf"(?V1){_NON_LATIN_WORD}(?:[^\p{{L}}\p{{M}}\r\n]{{1,3}}+{_NON_LATIN_WORD})*+"
)
_NON_LATIN_LETTER = regex.compile(r"(?V1)[\p{L}--\p{Latin}]")
_ENGLISH_WORD = re.compile("[A-Za-z]{2}")
_CONTEXT = 200


def _script_name(ch: str) -> str:
    """``"Arabic"``, ``"Cyrillic"``, ``"Hebrew"``, ``"CJK"``...: the first word of the name.

    >>> _script_name("ف"), _script_name("Ж")
    ('Arabic', 'Cyrillic')
    """
    word = unicodedata.name(ch, "UNKNOWN").split()[0]
    return word if word in {"CJK", "NKO"} else word.title()


def _in_english(text: str, start: int, end: int) -> bool:
    """An English word within ``_CONTEXT`` characters of the span, on the same line."""
    lo = max(0, start - _CONTEXT, text.rfind("\n", max(0, start - _CONTEXT), start) + 1)
    if _ENGLISH_WORD.search(text, lo, start):
        return True
    hi = text.find("\n", end, end + _CONTEXT)
    hi = min(len(text), end + _CONTEXT) if hi < 0 else hi
    return _ENGLISH_WORD.search(text, end, hi) is not None


def find_source_script(text: str) -> Fix:
    """Flag (kind ``source_script``) each run of Arabic-script, Cyrillic or other non-Latin words
    of at least two letters in English text; nothing is edited.

    A run counts as inside English when an English word is within 200 characters on the same
    line, so a Persian paragraph of a bilingual file is not flagged, but a name left in Persian
    inside an English sentence is. Single letters (``β-blockers``) are not flagged.
    """
    ensure_text(text, "find_source_script")
    other = profile(text).other
    if not other or _NON_LATIN_LETTER.search(other) is None:
        return EMPTY
    flags: list[Flag] = []
    for m in _SOURCE_RUN.finditer(text):
        start, end = m.span()
        if end - start < 2:
            continue  # one letter: a symbol such as the β of β-blockers
        fragment = m.group()
        if len(_letters(fragment)) < 2:
            continue
        if not _in_english(text, start, end):
            continue
        shown = fragment if len(fragment) <= 40 else fragment[:39] + "…"
        flags.append(
            Flag(
                start=start,
                end=end,
                kind="source_script",
                message=f"{_script_name(fragment[0])}-script text left in English: {shown!r}",
            )
        )
    return Fix(flags=tuple(flags)) if flags else EMPTY


def _letters(fragment: str) -> str:
    """The letters among the first characters of a fragment (enough to tell one from two)."""
    return "".join(ch for ch in fragment[:8] if ch.isalpha())


FIXERS: tuple[Fixer, ...] = (
    Fixer("script_glue", find_script_glue, "a space between words of two scripts that touch"),
)
# Run last by the registry, after the byline (which may hold a native-script name) is gone.
FLAG_FIXERS: tuple[Fixer, ...] = (
    Fixer("source_script", find_source_script, "flag source-script fragments in English text"),
)
