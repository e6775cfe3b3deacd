"""The pre-scan: where in a text a date can be, so the grammar only runs there.

A text with no anchor (digit, month, weekday, relative or time word) costs one token scan.

>>> regions("nothing to see here")
[]
>>> regions("he left on tuesday, they said")
[(0, 29)]
"""

from __future__ import annotations

import re
from functools import cache

from newsnorm.dates.lexicon import lexicon

__all__ = ["ascii_lower", "regions"]

_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}

_TOKEN = re.compile(r"[a-z]{2,20}|[0-9]{1,8}|½")

# Characters before an anchor that a rule may need (prefixes such as "over the past two",
# "since the end of") and after it (a year, a time, a range's second end).
_BEFORE = 40
_AFTER = 60


def ascii_lower(text: str) -> str:
    """*text* lower-cased with the same length (so offsets into it are offsets into *text*).

    >>> ascii_lower("July İstanbul") == "july " + "İstanbul".translate(_ASCII_LOWER)
    True
    """
    low = text.lower()
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
    "summer autumn fall winter quarter half"
)


@cache
def _anchor_words() -> frozenset[str]:
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


def regions(low: str) -> list[tuple[int, int]]:
    """Merged windows around every anchor of the lower-cased *low*, in order."""
    anchors = _anchor_words()
    out: list[tuple[int, int]] = []
    cur_start = cur_end = -1
    n = len(low)
    for m in _TOKEN.finditer(low):
        tok = m.group()
        if not (tok[0] <= "9" or tok in anchors or tok == "½"):
            continue
        s = max(0, m.start() - _BEFORE)
        e = min(n, m.end() + _AFTER)
        if s <= cur_end:
            cur_end = max(cur_end, e)
            continue
        if cur_end >= 0:
            out.append((cur_start, cur_end))
        cur_start, cur_end = s, e
    if cur_end >= 0:
        out.append((cur_start, cur_end))
    return out
