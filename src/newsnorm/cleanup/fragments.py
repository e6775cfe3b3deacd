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
from newsnorm.patterns import FOLDS_TO_ASCII

__all__ = ["FIXERS", "find_fragments", "fix_fragments"]

# How far back the checks look (quotes, the previous sentence): bounded so a 10 MB line full of
# fragments stays linear.
_LOOKBACK = 400


def _subject(name: str = "", then: str = "") -> str:
    """The pattern of a fragment's subject and the blanks after it (a named group if *name*).

    *then* follows each repeat: ``"+"`` makes them possessive, which matches the same (letters,
    then blanks, then a letter: no repeat can give a character to the next) without the steps
    back a failing match takes.
    """
    data = cleanup_data("fragments")
    subjects = "|".join(map(re.escape, sorted(data["subjects"], key=len, reverse=True)))
    dets = "|".join(map(re.escape, data["determiners"]))
    group = f"(?P<{name}>" if name else "(?:"
    return (
        rf"(?<![\w'’-]){group}(?:{subjects})|(?:{dets})[ \t][A-Za-z]{{2,20}}{then})"
        rf"[ \t]{{1,3}}{then}"
    )


def _auxiliaries() -> tuple[list[str], list[str]]:
    """The auxiliaries and their negative forms (with ' and ’), longest first."""
    data = cleanup_data("fragments")
    neg_forms = [n for w in data["negatives"] for n in (w, w.replace("'", "’"))]
    return sorted(data["auxiliaries"], key=len, reverse=True), sorted(
        neg_forms, key=len, reverse=True
    )


@cache
def _fragment_re() -> re.Pattern[str]:
    aux, negs = _auxiliaries()
    alt = "|".join
    return re.compile(
        _subject("subject")
        + rf"(?P<aux>(?i:{alt(map(re.escape, negs))})|(?i:{alt(map(re.escape, aux))})"
        r"(?:[ \t]{1,3}not)?)[ \t]{0,2}[.!](?![\w.!?\"”’'»])"
    )


@cache
def _prescans() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """``(cue, pattern)``: the pattern finds where a fragment may start after a sentence's end,
    in a text holding the cue character.

    A fragment starts a sentence: after ". ", "! " or a line break (after "?" it would be an
    answer). A literal first character lets the regex engine skip ahead fast; one pass over all
    positions would cost more than the rest of the cleanup. The lookahead is a loose fragment,
    any short word where the auxiliary goes (so it lets through every start the full pattern
    matches at): most sentences fail it at their first or third word, where the full pattern
    would try each auxiliary in turn, ignoring case. :func:`find_fragments` checks the rest.
    """
    aux, negs = _auxiliaries()
    sizes = [len(a) for a in (*aux, *negs)]
    # Every character of an auxiliary, and what re matches to one ignoring case.
    chars = "".join(sorted({*"".join(aux + negs).lower(), *"".join(aux + negs).upper()}))
    chars += "".join(sorted(FOLDS_TO_ASCII))
    # Possessive repeats (each is followed by characters it cannot take): no steps back.
    loose = (
        _subject(then="+")
        + f"[{re.escape(chars)}]{{{min(sizes)},{max(sizes)}}}+"
        + r"(?:[ \t]{1,3}+not)?[ \t]{0,2}+[.!]"
    )
    leads = ((".", r"\. "), ("!", "! "), ("\n", r"\n"))
    return tuple((cue, re.compile(rf"{lead}[ \t]{{0,2}}+(?={loose})")) for cue, lead in leads)


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
    starts = {p.end() for cue, scan in _prescans() if cue in text for p in scan.finditer(text)}
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
