"""The date lexicon (``data/dates/lexicon.json``), loaded once, and helpers built on it."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from newsnorm.patterns import trie_of_atoms

__all__ = ["alt", "count_value", "lexicon", "ordinal_value", "trie"]


@cache
def lexicon() -> dict[str, Any]:
    """The parsed ``lexicon.json`` (cached: read once per process).

    >>> lexicon()["months"]["sept"]
    9
    """
    raw = (Path(__file__).resolve().parents[1] / "data" / "dates" / "lexicon.json").read_text(
        "utf-8"
    )
    data: dict[str, Any] = json.loads(raw)
    return data


def alt(words: Any) -> str:
    """A regex alternation of literal *words*, longest first so no prefix shadows a longer word.

    >>> print(alt(["may", "mayday", "new year"]))
    new\\s+year|mayday|may
    """
    import re

    return "|".join(
        re.escape(w).replace("\\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def trie(words: Any) -> str:
    """The alternation :func:`alt` builds, factored as a trie: same matches, same preference.

    ``re`` tries a flat alternation word by word, so a position that starts no word costs one
    failed test per word; the trie rejects it on the first character. Two words can both match
    at one position only if one is a prefix of the other (a space is ``\\s+``, which no letter
    matches), and the trie, like ``alt``, tries the longer one first.

    >>> print(trie(["may", "mayday", "march", "new year"]))
    (?:ma(?:rch|y(?:day)?)|new\\s+year)
    """
    import re

    return trie_of_atoms([[r"\s+" if ch == " " else re.escape(ch) for ch in w] for w in words])


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def count_value(phrase: str) -> float | None:
    """The number a count phrase names: digits, number words, ``a few`` (3, as Recognizers-Text).

    >>> count_value("24"), count_value("twenty-four"), count_value("twenty and four")
    (24.0, 24.0, 24.0)
    >>> count_value("a couple of"), count_value("one and a half"), count_value("1,000")
    (2.0, 1.5, 1000.0)
    >>> count_value("purple") is None
    True
    """
    s = " ".join(phrase.lower().replace("-", " ").split())
    lex = lexicon()
    if s in lex["vague_counts"]:
        return float(lex["vague_counts"][s])
    if s == "½":
        return 0.5
    half = 0.0
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], 0.5
    digits = s.replace(",", "")
    try:
        return float(digits) + half
    except ValueError:
        pass
    total = 0.0
    cardinals: dict[str, int] = lex["cardinals"]
    words = [w for w in s.split() if w != "and"]
    if not words:
        return None
    for w in words:
        if w not in cardinals:
            return None
        v = cardinals[w]
        total = total * v if v == 100 else total + v
    return total + half


def ordinal_value(phrase: str) -> int | None:
    """The day number of an ordinal phrase: ``6th``, ``twenty-fourth``, ``thirty first``.

    >>> ordinal_value("6th"), ordinal_value("twenty-fourth"), ordinal_value("first")
    (6, 24, 1)
    """
    s = " ".join(phrase.lower().replace("-", " ").split())
    num = s.rstrip("stndrh")
    if num.isdigit():
        return int(num)
    lex = lexicon()
    ordinals: dict[str, int] = lex["ordinals"]
    words = s.split()
    if len(words) == 1:
        return ordinals.get(words[0])
    if len(words) == 2 and words[0] in _TENS and words[1] in ordinals:
        tens = int(lex["cardinals"][words[0]])
        return tens + ordinals[words[1]]
    return None
