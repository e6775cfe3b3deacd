"""Orphan fragments: a sentence that is only a subject and an auxiliary (``They will.``).

Machine translation sometimes drops the verb phrase of a clause and leaves its subject and
auxiliary as a sentence of their own. English also uses such sentences legitimately (answers,
dialogue, ellipsis after a sentence with the same auxiliary), so they are only flagged
(``fragment``), never edited, and not even flagged:

- inside quotes or on a dialogue line (one that opens with a quote or a dash);
- as an answer after a question;
- when the sentence before uses the same auxiliary (``Few thought he could. He could.``).

Subjects, determiners and auxiliaries are data: ``data/cleanup/fragments.json``.
"""

from __future__ import annotations

import re
from functools import cache

from newsnorm.checks import ensure_text
from newsnorm.cleanup.base import EMPTY, Fix, Fixer, fixed_text
from newsnorm.cleanup.words import cleanup_data
from newsnorm.model import Flag

__all__ = ["FIXERS", "find_fragments", "fix_fragments"]

# How far back the checks look (quotes, the previous sentence): bounded so a 10 MB line full of
# fragments stays linear.
_LOOKBACK = 400


@cache
def _fragment_re() -> re.Pattern[str]:
    data = cleanup_data("fragments")
    alt = "|".join
    subjects = alt(map(re.escape, sorted(data["subjects"], key=len, reverse=True)))
    dets = alt(map(re.escape, data["determiners"]))
    aux = alt(map(re.escape, sorted(data["auxiliaries"], key=len, reverse=True)))
    neg_forms = [n for w in data["negatives"] for n in (w, w.replace("'", "’"))]
    negs = alt(map(re.escape, sorted(neg_forms, key=len, reverse=True)))
    return re.compile(
        rf"(?<![\w'’-])(?P<subject>(?:{subjects})|(?:{dets})[ \t][A-Za-z]{{2,20}})"
        rf"[ \t]{{1,3}}(?P<aux>(?i:{negs})|(?i:{aux})(?:[ \t]{{1,3}}not)?)"
        r"[ \t]{0,2}[.!](?![\w.!?\"”’'»])"
    )


@cache
def _prescans() -> tuple[re.Pattern[str], ...]:
    # A fragment starts a sentence: after ". ", "! " or a line break (after "?" it would be an
    # answer). A literal first character lets the regex engine skip ahead fast; one pass over all
    # positions would cost more than the rest of the cleanup.
    body = _fragment_re().pattern
    return tuple(re.compile(rf"{lead}[ \t]{{0,2}}(?={body})") for lead in (r"\. ", "! ", r"\n"))


_LEADING_BLANKS = re.compile(r"[ \t]*+")


def _blanks_end(text: str) -> int:
    """``len(text) - len(text.lstrip(" \\t"))`` without copying the text.

    >>> _blanks_end(" \\t They will."), _blanks_end("x")
    (3, 0)
    """
    m = _LEADING_BLANKS.match(text)
    return m.end() if m else 0


_SENTENCE_START = re.compile(r"(?:^|[.!?][)\]]?[ \t]{1,3}|[\n\r][ \t]{0,3})$")
_DIALOGUE_LINE = re.compile(r"[ \t]*[\"“‘«—–-]")


def _aux_word(aux: str) -> str:
    word = aux.split()[0].lower().replace("’", "'")
    if word.endswith("n't"):
        word = {"won't": "will", "can't": "can", "shan't": "shall"}.get(word, word[:-3])
    return "can" if word == "cannot" else word


def _inside_quotes(before: str) -> bool:
    # Within the bounded window: an unclosed curly quote, or an odd number of straight ones.
    opens = sum(before.count(q) for q in "“«")
    closes = sum(before.count(q) for q in "”»")
    return opens > closes or before.count('"') % 2 == 1


def _skip(text: str, m: re.Match[str]) -> bool:
    start = m.start()
    if _SENTENCE_START.search(text, max(0, start - 5), start) is None:
        return True
    lo = max(0, start - _LOOKBACK)
    nl = text.rfind("\n", lo, start)
    line_start = nl + 1 if nl >= 0 else lo
    whole_line = nl >= 0 or lo == 0
    if whole_line and _DIALOGUE_LINE.match(text, line_start, start + 1):
        return True
    window = text[line_start:start]
    if _inside_quotes(window):
        return True
    prev = _previous_sentence(window)
    if prev is None:
        return False
    if prev.endswith("?"):
        return True  # an answer
    aux = _aux_word(m.group("aux"))
    return re.search(rf"\b{re.escape(aux)}(?:n't|n’t)?\b", prev, re.IGNORECASE) is not None


def _previous_sentence(window: str) -> str | None:
    """The sentence that ends *window* (with its final mark), found backwards in linear time."""
    end = len(window.rstrip(" \t").rstrip('"”’)]'))
    if end == 0 or window[end - 1] not in ".!?":
        return None
    start = max(window.rfind(c, 0, end - 1) for c in ".!?\n") + 1
    return window[start:end]


def find_fragments(text: str) -> Fix:
    """Flags (``fragment``) on sentences that are only a subject and an auxiliary.

    >>> fix = find_fragments("Putin promised support. They will. Then...")
    >>> [(f.start, f.end) for f in fix.flags]
    [(24, 34)]
    >>> find_fragments('Will they come? They will. He said: "We will."').flags
    ()
    """
    ensure_text(text, "find_fragments")
    if "." not in text and "!" not in text:
        return EMPTY
    body = _fragment_re()
    starts = {p.end() for scan in _prescans() for p in scan.finditer(text)}
    starts.add(_blanks_end(text))
    flags = []
    for start in sorted(starts):
        m = body.match(text, start)
        if m is None or _skip(text, m):
            continue
        flags.append(
            Flag(
                start=m.start(),
                end=m.end(),
                kind="fragment",
                message=(
                    f"'{m.group()}' is only a subject and an auxiliary: "
                    "the rest of the clause was probably lost in translation"
                ),
            )
        )
    return Fix(flags=tuple(flags)) if flags else EMPTY


def fix_fragments(text: str) -> str:
    """*text* unchanged: fragments are reported (:func:`find_fragments`), never rewritten.

    >>> fix_fragments("The troops left. They will.")
    'The troops left. They will.'
    """
    ensure_text(text, "fix_fragments")
    return fixed_text(find_fragments, text)


FIXERS: tuple[Fixer, ...] = (
    Fixer(
        "fragments",
        find_fragments,
        "Flag sentences that are only a subject and an auxiliary ('They will.'); never edit.",
    ),
)
