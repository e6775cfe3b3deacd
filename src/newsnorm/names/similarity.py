"""Transliteration-aware name similarity: part alignment over spelling classes.

Two names are compared part by part (in any order): each part of the shorter name is aligned
with its most similar part of the other, where part similarity mixes the edit distance of the
consonant skeletons (the strong evidence) with that of the vowel-class forms. Parts the other
name lacks cost according to where they are: a missing first or last part (``Saddam Hussein``
inside ``Uday Saddam Hussein``, ``Imam Ali`` inside ``Imam Ali Rahman``) costs much, a missing
middle part less, a missing weak part (``Muhammad``, a patronymic) almost nothing. Split and
joined parts (``Emomali`` / ``Imam Ali``) are tried when a part is left over.

>>> name_similarity("Emomali Rakhmon", "Imam Ali Rehman") >= MATCH_THRESHOLD
True
>>> name_similarity("Saddam Hussein", "Uday Saddam Hussein") < MATCH_THRESHOLD
True
>>> name_similarity("V. Putin", "Vladimir Putin") >= MATCH_THRESHOLD
True
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from newsnorm.checks import ensure_text
from newsnorm.names.translit import (
    VOWEL_MARK,
    NamePart,
    ParsedName,
    analyze,
    phonetic,
    skeleton,
)

__all__ = [
    "MATCH_THRESHOLD",
    "levenshtein",
    "name_key",
    "name_similarity",
    "parsed_similarity",
    "part_similarity",
]

# Chosen on the development split of the OFAC persons (benchmarks/bench_names.py): the best dev
# F1 above the highest score of the hard negatives ("Imam Ali" vs "Imam Ali Rahman"…);
# the test split is never used to pick it.
MATCH_THRESHOLD = 0.67

_EDGE_PENALTY = 0.2  # a missing first or last part: usually another person
_EDGE_PENALTY_SHORT = 0.35  # ... and decisive when the shorter name has two parts
_MIDDLE_PENALTY = 0.08  # a missing middle name: usually the same person
_WEAK_PENALTY = 0.03  # Muhammad, Sayyid, a patronymic
_SINGLE_PENALTY = 0.15  # one part against several: a surname alone is coreference's job
_CROSS_PENALTY = 0.02  # word order differs
_WEAK_WEIGHT = 0.35
_JOINED_PENALTY = 0.05
_PATRONYMIC_WEIGHT = 0.5
_MISMATCH_BELOW = 0.65
_MISMATCH_PENALTY = 0.15
_ROLE_FACTOR = 0.6  # a father's name matched to a given name: Tamim bin Hamad / Hamad
_PREFIXES = ("abd", "abu")
_SUFFIXES = ("din", "ulla", "zada", "pur", "pour", "khan", "jan", "bek", "beg", "ali", "reza")


def levenshtein(a: str, b: str) -> int:
    """Edit distance (pure Python; ``rapidfuzz`` computes the same number faster when present).

    >>> levenshtein("rahmun", "rihman"), levenshtein("", "abc")
    (2, 3)
    """
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _load_distance() -> Callable[[str, str], int]:
    """Edit distance: rapidfuzz's C version when installed (same numbers as ``levenshtein``)."""
    try:
        from rapidfuzz.distance import Levenshtein
    except ImportError:  # pragma: no cover - rapidfuzz is optional, results are identical
        return levenshtein
    distance: Callable[[str, str], int] = Levenshtein.distance
    return distance


_distance = _load_distance()


def _ratio(a: str, b: str) -> float:
    """``1 - distance / longest`` (rapidfuzz's ``normalized_similarity`` gives the same number, but
    its call costs three times its ``distance``'s on names this short: measured).

    >>> _ratio("rhmn", "rkmn"), _ratio("", "")
    (0.75, 1.0)
    """
    la, lb = len(a), len(b)
    longest = la if la > lb else lb
    if longest == 0:
        return 1.0
    return 1.0 - _distance(a, b) / longest


@lru_cache(maxsize=32768)
def part_similarity(a: str, b: str) -> float:
    """Similarity of two normalized parts (``NamePart.raw``); a single letter is an initial.

    >>> part_similarity("rakhmon", "rehman") > 0.8, part_similarity("v", "vladimir")
    (True, 0.9)
    >>> part_similarity("ali", "mojtaba") < 0.3
    True
    """
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        if len(a) == len(b):
            return 0.0
        return 0.9 if a[0] == b[0] else 0.0
    # Compound parts (Jalal-uddin / Siraj-uddin, Abd-ul-Karim / Abd-ur-Rahman) differ only in
    # the stem: comparing the whole would reward the shared affix.
    if a.startswith(_PREFIXES) and b.startswith(_PREFIXES):
        for pre in _PREFIXES:
            if a.startswith(pre) and b.startswith(pre) and len(a) > len(pre) + 1 < len(b):
                a, b = a[len(pre) :], b[len(pre) :]
                break
    if a.endswith(_SUFFIXES) and b.endswith(_SUFFIXES):
        for suf in _SUFFIXES:
            if a.endswith(suf) and b.endswith(suf) and len(a) > len(suf) + 1 < len(b):
                a, b = a[: -len(suf)], b[: -len(suf)]
                break
    pa, sa = _forms(a)
    pb, sb = _forms(b)
    if pa == pb:
        return 1.0
    return 0.6 * _ratio(sa, sb) + 0.4 * _ratio(pa, pb)


@lru_cache(maxsize=16384)
def _forms(raw: str) -> tuple[str, str]:
    phon = phonetic(raw)
    return phon, skeleton(phon)


def _general(parts: tuple[NamePart, ...]) -> list[tuple[bool, bool, bool]]:
    """Per part, what may send a pair of parts to ``part_similarity`` (an initial, a compound
    prefix, a compound suffix); other pairs are compared on the forms ``NamePart`` holds."""
    return [(p.initial, p.raw.startswith(_PREFIXES), p.raw.endswith(_SUFFIXES)) for p in parts]


def _align(short: tuple[NamePart, ...], long: tuple[NamePart, ...]) -> float:
    n, m = len(short), len(long)
    cells = []
    # A pair's similarity is part_similarity(a.raw, b.raw). Most pairs need none of its special
    # cases, so it is computed here from the parts' stored forms (the same number; tests check
    # it); the tests for special cases run once per part, not once per pair.
    general = _general(long)
    for i, (a, (a_init, a_pre, a_suf)) in enumerate(zip(short, _general(short), strict=True)):
        for j, b in enumerate(long):
            if a.phon == b.phon:
                s = 1.0  # the common case: no edit distances
            else:
                b_init, b_pre, b_suf = general[j]
                if a_init or b_init or (a_pre and b_pre) or (a_suf and b_suf):
                    s = part_similarity(a.raw, b.raw)
                else:
                    s = 0.6 * _ratio(a.skel, b.skel) + 0.4 * _ratio(a.phon, b.phon)
            if a.patronymic != b.patronymic:
                s *= _ROLE_FACTOR
            cells.append((-s, i, j))
    cells.sort()
    pair: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for neg, i, j in cells:
        if i not in pair and j not in used:
            pair[i] = (j, -neg)
            used.add(j)
            if len(pair) == n:
                break
    # A part of the longer name left over may be the other half of a split part.
    for i, (j, s) in list(pair.items()):
        if s >= 0.95:
            continue
        for k in (j - 1, j + 1):
            if 0 <= k < m and k not in used:
                lo, hi = min(j, k), max(j, k)
                joined = part_similarity(short[i].raw, long[lo].raw + long[hi].raw)
                if joined > s + 0.05:
                    pair[i] = (j, joined)
                    s = joined
                    used.add(k)
    penalty = 0.0
    num = den = 0.0
    for i, (j, s) in list(pair.items()):
        if short[i].weak and s < 0.5:
            # An honorific or patronymic the other name lacks: its partner is left over.
            penalty += _WEAK_PENALTY
            del pair[i]
            used.discard(j)
            continue
        w = (_PATRONYMIC_WEIGHT if short[i].patronymic else _WEAK_WEIGHT) if short[i].weak else 1.0
        num += w * s
        den += w
        if s < _MISMATCH_BELOW and not short[i].weak:
            penalty += _MISMATCH_PENALTY  # two different given names: siblings, not spellings
    if den == 0.0:
        return 0.0
    matched = sorted([j for j, _s in pair.values()])
    first, last = matched[0], matched[-1]
    edges = 0
    for k, part in enumerate(long):
        if k in used:
            continue
        if part.weak:
            penalty += _WEAK_PENALTY
        elif k < first or k > last:
            # The first missing edge part changes who is meant; more of them add less.
            if edges == 0:
                penalty += _EDGE_PENALTY_SHORT if n <= 2 else _EDGE_PENALTY
            else:
                penalty += _MIDDLE_PENALTY
            edges += 1
        else:
            penalty += _MIDDLE_PENALTY
    if n == 1 and m > 1:
        penalty += _SINGLE_PENALTY
    order = [j for _i, (j, _s) in sorted(pair.items())]
    if order != sorted(order):
        penalty += _CROSS_PENALTY
    return max(0.0, min(1.0, num / den - penalty))


def _joined_similarity(short: ParsedName, long: ParsedName) -> float:
    """Both names read as one string: catches parts split differently on both sides.

    Only for names of about the same length, so a missing part is never forgiven here.
    """
    sa, sb = short.joined_skel, long.joined_skel
    if sa[:1] != sb[:1] or min(len(sa), len(sb)) < 0.85 * max(len(sa), len(sb)):
        return 0.0  # a different first sound or length: a part is missing, not re-split
    sa, sb = sa.replace(VOWEL_MARK, ""), sb.replace(VOWEL_MARK, "")
    return (
        0.6 * _ratio(sa, sb) + 0.4 * _ratio(short.joined_phon, long.joined_phon) - _JOINED_PENALTY
    )


def parsed_similarity(a: ParsedName, b: ParsedName) -> float:
    """``name_similarity`` on already parsed names (symmetric by construction).

    >>> parsed_similarity(analyze("Dr. Ali Khamenei"), analyze("ali khamenei"))
    1.0
    """
    if not a.parts or not b.parts:
        return 1.0 if not a.parts and not b.parts else 0.0
    if a.raws == b.raws:
        return 1.0
    if (len(a.raws), a.raws) > (len(b.raws), b.raws):
        a, b = b, a
    score = _align(a.parts, b.parts)
    if score < MATCH_THRESHOLD and len(a.parts) > 1 and not (a.has_initial or b.has_initial):
        score = max(score, _joined_similarity(a, b))
    return score


def name_similarity(a: str, b: str) -> float:
    """How likely two names are the same person under other spellings, in ``[0, 1]``.

    >>> name_similarity("Mohammad Ashraf Ghani", "Muhammad Ashraf Ghani")
    1.0
    >>> name_similarity("Ali Khamenei", "Mojtaba Khamenei") < MATCH_THRESHOLD
    True
    """
    ensure_text(a, "name_similarity")
    ensure_text(b, "name_similarity")
    return parsed_similarity(analyze(a), analyze(b))


def name_key(name: str) -> str:
    """A transliteration-insensitive blocking key: the name's consonant classes in order.

    Equal for spelling variants (vowels, consonant classes, doubled letters, split or joined
    parts, ``Muhammad`` and other weak parts); use ``name_similarity`` for word order,
    initials and missing parts.

    >>> name_key("Emomali Rakhmon") == name_key("Imam Ali Rehman") == name_key("Imamali Rahmon")
    True
    >>> name_key("Vladimir Putin")
    'vldmrptn'
    """
    ensure_text(name, "name_key")
    return analyze(name).key
