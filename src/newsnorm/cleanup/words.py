"""Word-level cleanup: doubled function words and titles (``the the`` → ``the``).

Machine translation sometimes emits a word twice (``the the report``, ``President President
Ghani``). Only words from a data list that never legitimately follow themselves are deduplicated
(articles, most prepositions, conjunctions, possessives, titles), so grammatical doubles such as
``had had``, ``that that`` or ``what it is is`` and names such as ``Bora Bora`` pass through.

Also home of :func:`cleanup_data`, the loader of the lexicons in ``newsnorm/data/cleanup/`` that
the word-level fixers share.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from newsnorm.checks import ensure_text
from newsnorm.cleanup.base import EMPTY, Fix, Fixer, fixed_text
from newsnorm.cleanup.unicode import profile
from newsnorm.model import Edit
from newsnorm.patterns import FOLDS_TO_ASCII

__all__ = [
    "FIXERS",
    "cleanup_data",
    "doubled_word_lexicon",
    "find_doubled_words",
    "fix_doubled_words",
]


@cache
def cleanup_data(name: str) -> Any:
    """The parsed JSON lexicon ``newsnorm/data/cleanup/<name>.json`` (read once).

    >>> "the" in cleanup_data("doubled_words")["words"]
    True
    """
    path = resources.files("newsnorm") / "data" / "cleanup" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def doubled_word_lexicon() -> frozenset[str]:
    """Lower-cased words whose immediate repetition is always an artifact.

    >>> "the" in doubled_word_lexicon(), "had" in doubled_word_lexicon()
    (True, False)
    """
    return frozenset(w.lower() for w in cleanup_data("doubled_words")["words"])


# One pass over the text: a word (bounded length) followed on the same line by one or more copies
# of itself. Letters and separators are disjoint, so the repetition cannot backtrack badly.
_DOUBLED = re.compile(r"(?<![\w'’-])([A-Za-z]{1,20})((?:[ \t]+\1)+)(?![\w'’-])", re.IGNORECASE)
_COPY = re.compile(r"[ \t]+([A-Za-z]+)")
# Pre-scan: the cleanup's speed rests on it. A pattern that starts with a literal character lets
# the regex engine skip ahead fast, so candidates are looked for after a space and after a line
# break (plus the very start); _DOUBLED then checks each candidate exactly.
_AFTER_SPACE = re.compile(r" ([A-Za-z]{1,20}+)[ \t]++(?i:\1)(?![A-Za-z])")
_AFTER_BREAK = re.compile(r"\n[ \t]*+([A-Za-z]{1,20}+)[ \t]++(?i:\1)(?![A-Za-z])")
_AFTER_TAB = re.compile(r"\t([A-Za-z]{1,20}+)[ \t]++(?i:\1)(?![A-Za-z])")
# Rarer leads, each scanned only when the text contains it.
_AFTER_LEAD = {
    lead: re.compile(re.escape(lead) + r"([A-Za-z]{1,20}+)[ \t]++(?i:\1)(?![A-Za-z])")
    for lead in ('"', "“", "‘", "'", "(", "[", "«", "—", "–")
}
_AT_START = re.compile(r"[ \t]*+([A-Za-z]{1,20}+)[ \t]++(?i:\1)(?![A-Za-z])")
_SENTENCE_END = re.compile(r"(?:^|[.!?][\"”’)]?[ \t]+|[\n\r][ \t]*)$")

# The prefilter: the text's UTF-8 bytes with the ASCII letters lower-cased and every other byte
# a space (a non-ASCII character is 2 to 4 spaces: the words and their order are the text's),
# searched once for any word followed by itself. It asks one cheap question per word instead of
# the scans above (one per lead character) and finds every doubled word they find: a doubled
# word's copies are ASCII letters with blanks between them and no letter on either side.
_WORDS_ONLY = bytes(c | 0x20 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
# A letter is [^ ] in these bytes: the regex engine counts a negated literal in a tight loop, a
# class one call per character (a fifth of the cost of each word).
_DOUBLED_BYTES = re.compile(rb" ([^ ]{1,20}+) ++\1(?![^ ])")


@cache
def _lexicon_bytes() -> frozenset[bytes]:
    return frozenset(w.encode("ascii") for w in doubled_word_lexicon())


def _may_double(text: str) -> bool:
    """``False`` when no word of the lexicon follows itself in *text* (``True`` is a maybe).

    >>> _may_double("the “the report”"), _may_double("He had had enough; the theme")
    (True, False)
    """
    prof = profile(text)  # the one the fixers before this one made, usually
    if prof.other and not FOLDS_TO_ASCII.isdisjoint(prof.other):
        return True
    words = (b" " + prof.utf8).translate(_WORDS_ONLY)
    lexicon = _lexicon_bytes()
    return any(m.group(1) in lexicon for m in _DOUBLED_BYTES.finditer(words))


def _letter_a_ok(text: str, start: int, first: str, copies: list[str]) -> bool:
    # "Vitamin A a day", "grade A A": a capital A is often the letter, not the article, so "a"
    # dedupes only in lower case, or as "A a" at the start of a sentence.
    if any(c != "a" for c in copies):
        return False
    return first == "a" or _SENTENCE_END.search(text, max(0, start - 4), start) is not None


def find_doubled_words(text: str) -> Fix:
    """Edits deleting every repeated copy (and the space before it) of a never-doubling word.

    >>> fix = find_doubled_words("the the report")
    >>> [(e.start, e.end, e.replacement) for e in fix.edits]
    [(3, 7, '')]
    >>> find_doubled_words("He had had enough.").edits
    ()
    """
    ensure_text(text, "find_doubled_words")
    if (" " not in text and "\t" not in text) or not _may_double(text):
        return EMPTY
    lexicon = doubled_word_lexicon()
    edits: list[Edit] = []
    starts = {m.start(1) for m in _AFTER_SPACE.finditer(text)}
    starts.update(m.start(1) for m in _AFTER_BREAK.finditer(text))
    for lead, scan in (("\t", _AFTER_TAB), *_AFTER_LEAD.items()):
        if lead in text:
            starts.update(m.start(1) for m in scan.finditer(text))
    first = _AT_START.match(text)
    if first:
        starts.add(first.start(1))
    done = 0
    for start in sorted(starts):
        m = _DOUBLED.match(text, start) if start >= done else None
        if m is None:
            continue
        done = m.end()
        word = m.group(1)
        if word.lower() not in lexicon:
            continue
        copies = _COPY.findall(m.group(2))
        if word.lower() == "a" and not _letter_a_ok(text, m.start(), word, copies):
            continue
        n = len(copies) + 1
        edits.append(
            Edit(
                start=m.end(1),
                end=m.end(),
                replacement="",
                kind="doubled_words",
                note=f"{word!r} written {n}× in a row; {word!r} never doubles in English",
            )
        )
    return Fix(edits=tuple(edits)) if edits else EMPTY


def fix_doubled_words(text: str) -> str:
    """*text* with doubled function words and titles written once.

    >>> fix_doubled_words("They met the the President President of Iran.")
    'They met the President of Iran.'
    >>> fix_doubled_words("The The report")
    'The report'
    >>> fix_doubled_words("What it is is unclear; bye-bye to Bora Bora; he had had enough.")
    'What it is is unclear; bye-bye to Bora Bora; he had had enough.'
    >>> fix_doubled_words("He took Vitamin A a day. A a report came.")
    'He took Vitamin A a day. A report came.'
    """
    ensure_text(text, "fix_doubled_words")
    return fixed_text(find_doubled_words, text)


FIXERS: tuple[Fixer, ...] = (
    Fixer(
        "doubled_words",
        find_doubled_words,
        "Delete the second copy of a doubled function word or title ('the the' → 'the').",
    ),
)
