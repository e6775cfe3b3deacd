"""Spelling classes of romanized names: one name → its comparable parts.

Persian, Arabic, Pashto, Turkic and Russian names reach English through several romanization
habits at once (``Rahmon``/``Rakhmon``/``Rahman``/``Rehman``). Each name part is reduced to a
*phonetic form* (vowels in three classes, consonants in classes such as kh/h, q/k/gh, w/v,
dh/z, doubled letters collapsed) and a *skeleton* (the consonants alone, plus a marker when the
part starts with a vowel). Comparison then works on those forms (see ``similarity``).

>>> [p.phon for p in analyze("Emomali Rakhmon").parts]
['imumali', 'rahmun']
>>> [p.skel for p in analyze("Imam Ali Rehman").parts]
['@mm', '@l', 'rhmn']
>>> analyze("President Vladimir V. Putin").title
'president'
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import groupby
from typing import Any

import regex
from unidecode import unidecode

__all__ = [
    "NamePart",
    "ParsedName",
    "analyze",
    "phonetic",
    "skeleton",
    "spelling_data",
    "strip_title",
]

VOWEL_MARK = "@"
_VOWELS = frozenset("aiu")


@cache
def spelling_data() -> dict[str, Any]:
    """The romanization lexicon ``data/names/spelling.json``, loaded once."""
    text = resources.files("newsnorm").joinpath("data/names/spelling.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True, slots=True)
class _Rules:
    equivalents: dict[str, str]
    weak: frozenset[str]
    connectors: frozenset[str]
    glue_next: frozenset[str]
    protected_al: frozenset[str]
    patronymic_endings: tuple[str, ...]
    titles: dict[str, tuple[tuple[str, ...], ...]]


@cache
def _rules() -> _Rules:
    data = spelling_data()
    equivalents: dict[str, str] = {}
    for canonical, variants in data["equivalents"].items():
        equivalents[canonical] = canonical
        for v in variants:
            equivalents[v] = canonical
    # Longest titles first so "prime minister" wins over "minister".
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for t in sorted({tuple(t.split()) for t in data["titles"]}, key=len, reverse=True):
        by_first.setdefault(t[0], []).append(t)
    titles = {k: tuple(v) for k, v in by_first.items()}
    return _Rules(
        equivalents=equivalents,
        weak=frozenset(data["weak"]),
        connectors=frozenset(data["connectors"]),
        glue_next=frozenset(data["glue_next"]),
        protected_al=frozenset(data["protected_al"]),
        patronymic_endings=tuple(data["patronymic_endings"]),
        titles=titles,
    )


# Multi-letter spellings of one sound, applied in order (longest first where they overlap).
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("x", "ks"),
    ("shch", "S"),
    ("sch", "S"),
    ("tsch", "C"),
    ("tch", "C"),
    ("dzh", "J"),
    ("dj", "J"),
    ("zh", "J"),
    ("j", "J"),
    ("sh", "S"),
    ("ch", "C"),
    ("kh", "h"),
    ("gh", "k"),
    ("ph", "f"),
    ("th", "s"),
    ("dh", "z"),
    ("ts", "s"),
    ("tz", "s"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("g", "k"),
    ("w", "v"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ay", "i"),
    ("ey", "i"),
    ("ai", "i"),
    ("ei", "i"),
    ("ie", "i"),
    ("iy", "i"),
    ("yi", "i"),
    ("e", "i"),
    ("o", "u"),
)
_NON_LETTERS = re.compile(r"[^a-z]+")
_DOUBLED = re.compile(r"(.)\1")
_SLAVIC_PHON = ("uv", "iv", "uva", "iva")


@lru_cache(maxsize=16384)
def phonetic(part: str) -> str:
    """The spelling-class form of one lowercase ASCII name part.

    >>> phonetic("yevgeny"), phonetic("evgeni"), phonetic("rakhmon"), phonetic("qasim")
    ('ivkini', 'ivkini', 'rahmun', 'kasim')
    """
    s = part if part.isalpha() and part.isascii() and part.islower() else _NON_LETTERS.sub("", part)
    if len(s) > 1 and s[0] == "y" and s[1] in "aeiou":
        s = s[1:]  # Yevgeny/Evgeny, Yusuf/Iusuf: an initial y before a vowel is a glide.
    for old, new in _DIGRAPHS:
        if old in s:
            s = s.replace(old, new)
    s = s.replace("y", "i")
    # Doubled letters count once (groupby: the regex module compiles a "\1" template per call).
    out = "".join([letter for letter, _run in groupby(s)]) if _DOUBLED.search(s) else s
    if out.endswith(_SLAVIC_PHON):
        # Rahmonov = Rahmon, Zakharova = Zakharov: -ov/-ev/-ova/-ow in any vowel spelling.
        cut = 2 if out.endswith("v") else 3
        if len(out) - cut >= 3:
            out = out[:-cut]
    return out


def skeleton(phon: str) -> str:
    """The consonants of a phonetic form, with ``@`` when it starts with a vowel.

    >>> skeleton("imumali"), skeleton("rahmun"), skeleton("")
    ('@mml', 'rhmn', '')
    """
    if not phon:
        return ""
    head = VOWEL_MARK if phon[0] in _VOWELS else ""
    return head + phon.translate(_DROP_VOWELS)


_DROP_VOWELS = str.maketrans("", "", "aiu")


@dataclass(frozen=True, slots=True)
class NamePart:
    """One comparable name part: its ASCII form, phonetic form, skeleton and role."""

    raw: str
    phon: str
    skel: str
    initial: bool = False
    weak: bool = False
    patronymic: bool = False


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name reduced to comparable parts, with its title (if it started with one)."""

    parts: tuple[NamePart, ...]
    title: str | None = None
    raws: tuple[str, ...] = ()  # the parts' normalized forms (filled by ``make``)
    has_initial: bool = False
    joined_skel: str = ""  # all skeletons, first-vowel marks kept
    joined_phon: str = ""

    @classmethod
    def make(cls, parts: tuple[NamePart, ...], title: str | None) -> ParsedName:
        """Build with the derived fields precomputed (comparisons reuse them)."""
        # List comprehensions, not generators: most names have two or three parts, and a
        # generator's frame costs more than the work.
        return cls(
            parts,
            title,
            tuple([p.raw for p in parts]),
            True in [p.initial for p in parts],
            "".join([p.skel for p in parts]),
            "".join([p.phon for p in parts]),
        )

    @property
    def key(self) -> str:
        """All consonant classes in order: equal for pure spelling variants."""
        return "".join(p.skel.lstrip(VOWEL_MARK) for p in self.parts if not p.weak)


_SPLIT = re.compile(r"[^a-z0-9.]+")  # ASCII classes: re reads them as regex does, faster
_SURROGATES = regex.compile(r"[\ud800-\udfff]")
_MAX_PART = 40
_DIN = regex.compile(r"(?<=[a-z]{3})[aeiou]d(?:din|deen|dine)$")
_ULLAH = regex.compile(r"(?<=[a-z]{3})[aeiou]ll?ah?$")
_ZADA = regex.compile(r"(?<=[a-z]{3})(?:zada|zadeh|zade|zoda|zodah|zadah)$")
_ABD = regex.compile(r"^abd(?:ul|el|al|ol|ur|us|ar|as|u)?(?=[a-z]{3})")


def _ascii_tokens(name: str) -> list[str]:
    text = name.lower() if name.isascii() else _romanized(name)
    # Apostrophes and ayn marks vanish (Sa'ad = Saad); hyphens split (al-Zawahiri).
    text = text.replace("'", "").replace("`", "").replace("\u2019", "")
    if text.isalpha() and text.isascii():
        return [text[:_MAX_PART]]  # one plain word (lowercase: it was lowered): nothing to split
    # No name part is longer than 40 letters: the cap keeps comparisons cheap on any input.
    return [t[:_MAX_PART] for t in _SPLIT.split(text) if t and t != "."]


def _romanized(name: str) -> str:
    """*name* in lowercase ASCII: compatibility forms folded, then transliterated.

    ASCII text is its own NFKC form and its own transliteration: ``_ascii_tokens`` only lowers it.

    >>> _romanized("Ｍｏｈａｍｍａｄ Ẓarif"), _romanized("Rahmon")
    ('mohammad zarif', 'rahmon')
    """
    # Lowercase before transliterating too: some scripts romanize only one case (Cherokee).
    text = unicodedata.normalize("NFKC", _SURROGATES.sub("", name)).lower()
    return unidecode(text).lower()


def strip_title(tokens: list[str]) -> tuple[list[str], str | None]:
    """Drop leading titles (``president``, ``mullah``…) unless nothing would remain.

    >>> strip_title(["prime", "minister", "imran", "khan"])
    (['imran', 'khan'], 'prime minister')
    >>> strip_title(["president"])
    (['president'], None)
    """
    rules = _rules()
    found: list[str] = []
    i = 0
    changed = True
    while changed and i < len(tokens):
        changed = False
        for title in rules.titles.get(tokens[i].rstrip("."), ()):
            n = len(title)
            if len(tokens) - i > n and tuple(t.rstrip(".") for t in tokens[i : i + n]) == title:
                found.append(" ".join(title))
                i += n
                changed = True
                break
    return tokens[i:], (" ".join(found) or None)


def _normalize_token(tok: str, rules: _Rules) -> str:
    tok = rules.equivalents.get(tok, tok)
    if tok in rules.equivalents:
        return tok
    if (
        len(tok) > 5
        and tok.startswith("al")
        and tok[2] not in "aeiouyl"
        and tok not in rules.protected_al
    ):
        tok = tok[2:]  # Alzahrani = al-Zahrani
    # Cheap suffix tests first: most parts have none of these endings.
    if tok.endswith(("din", "deen", "dine")):
        tok = _DIN.sub("din", tok)
    if tok.endswith(("lah", "la", "ah")):
        tok = _ULLAH.sub("ulla", tok)
    if "z" in tok:
        tok = _ZADA.sub("zada", tok)
    return rules.equivalents.get(tok, tok)


_FILIAL = frozenset({"bin", "ibn", "ben", "bint", "binti", "bn", "ould", "walad"})


def _merge_tokens(tokens: list[str], rules: _Rules) -> list[tuple[str, bool]]:
    """Glue split spellings (``abdul rahman`` → ``abdrahman``, ``siraj ud din`` → ``sirajdin``).

    Each token comes with whether it follows ``bin``/``ibn`` (a father's name in a chain).
    """
    out: list[tuple[str, bool]] = []
    i = 0
    filial = False
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in ("din", "deen") and out:
            out[-1] = (out[-1][0] + "din", out[-1][1])
        elif tok in ("ullah", "ulla", "allah", "ollah", "olla", "ulah") and out:
            out[-1] = (out[-1][0] + "ulla", out[-1][1])
        elif tok in ("zadeh", "zada", "zade", "zoda") and out:
            out[-1] = (out[-1][0] + "zada", out[-1][1])
        elif tok in rules.connectors and nxt in ("din", "deen") and out:
            pass  # the "ud" of "siraj ud din"
        elif tok in rules.connectors and len(tokens) > 1:
            filial = filial or tok in _FILIAL
            i += 1
            continue
        elif tok in rules.glue_next and nxt and nxt not in rules.connectors:
            out.append((("abd" if tok.startswith("abd") else "abu") + nxt, filial))
            i += 1
        elif tok in rules.glue_next and nxt in rules.connectors and i + 2 < len(tokens):
            out.append((("abd" if tok.startswith("abd") else "abu") + tokens[i + 2], filial))
            i += 2
        else:
            out.append((tok, filial))
        filial = False
        i += 1
    return out


@lru_cache(maxsize=16384)
def _make_part(tok: str, middle: bool, filial: bool) -> NamePart:
    """One token as a comparable part (cached: given names repeat across names)."""
    rules = _rules()
    initial = len(tok) == 1 or (len(tok) == 2 and tok.endswith("."))
    tok = tok.rstrip(".")
    if initial:
        phon = phonetic(tok)
        return NamePart(raw=tok, phon=phon, skel=skeleton(phon), initial=True)
    if middle and len(tok) > 6 and tok.endswith(rules.patronymic_endings):
        # Compare the father's name itself: "-ovich" would make every patronymic look alike.
        stem = next(tok[: -len(e)] for e in rules.patronymic_endings if tok.endswith(e))
        phon = phonetic(stem)
        return NamePart(raw=stem, phon=phon, skel=skeleton(phon), weak=True, patronymic=True)
    if tok.startswith("abd") and tok not in rules.equivalents:
        tok = _ABD.sub("abd", tok)
    norm = _normalize_token(tok, rules)
    phon = phonetic(norm)
    if filial and middle:
        return NamePart(raw=norm, phon=phon, skel=skeleton(phon), weak=True, patronymic=True)
    return NamePart(raw=norm, phon=phon, skel=skeleton(phon), weak=norm in rules.weak)


@lru_cache(maxsize=16384)
def analyze(name: str) -> ParsedName:
    """Parse a name into comparable parts (cached: corpora repeat names).

    >>> [p.raw for p in analyze("Mohd. Abdul-Rahman al-Zahrani").parts]
    ['muhammad', 'abdrahman', 'zahrani']
    >>> [p.raw for p in analyze("Sirajuddin Haqqani").parts] == [
    ...     p.raw for p in analyze("Siraj ud-Din Haqqani").parts]
    True
    """
    rules = _rules()
    tokens, title = strip_title(_ascii_tokens(name))
    tokens = [t for t in [tok.strip(".") if len(tok) > 2 else tok for tok in tokens] if t]
    merged = _merge_tokens(tokens, rules)[:8]
    last = len(merged) - 1
    made = [_make_part(t, 0 < i < last, f) for i, (t, f) in enumerate(merged)]
    return ParsedName.make(tuple([p for p in made if p.phon]), title)
