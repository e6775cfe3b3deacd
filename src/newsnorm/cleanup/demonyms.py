"""Reduplicated demonym compounds: ``Afghan-Afghan border`` → ``Tajik-Afghan border``.

Translating a Persian compound such as «مرز افغانستان و تاجیکستان» sometimes loses one side and
repeats the other. What the compound should say depends on the noun after it and on the article:

- ``Afghan-Afghan talks/negotiations/dialogue/peace process`` are talks among Afghans:
  ``intra-Afghan talks``;
- ``Afghan-Afghan border`` needs the other side: the land neighbour of Afghanistan the article
  mentions most, when it clearly dominates (``data/cleanup/demonym_compounds.json`` sets how
  clearly); for ``relations``/``trade``/``partnership``… any country can be the partner, so only
  an article that mentions exactly one other country decides;
- a partner named by ``with`` later in the same clause (``the Vietnam-Vietnam trade agreement
  with Brunei``) is explicit and beats the counts (for a border it must be a neighbour);
- otherwise (no candidate mentioned, a near tie, an unknown noun, three or more copies) the
  compound is only flagged (``demonym_compound``).

The edit note and the flag message give the evidence (mention counts). Country names, adjectives,
plural demonyms and land borders are data: ``data/cleanup/countries.json``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from newsnorm.checks import ensure_text
from newsnorm.cleanup.base import EMPTY, Fix, Fixer, fixed_text
from newsnorm.cleanup.words import cleanup_data
from newsnorm.edits import ForwardMap
from newsnorm.model import Edit, Flag

__all__ = [
    "FIXERS",
    "Country",
    "count_mentions",
    "countries",
    "find_demonym_compounds",
    "fix_demonym_compounds",
]


@dataclass(frozen=True, slots=True)
class Country:
    """One country of ``countries.json``: how English writes it, and its land neighbours."""

    id: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    people: tuple[str, ...]
    borders: frozenset[str]

    @property
    def label(self) -> str:
        """``Tajik/Tajikistan``: how notes name the country."""
        return f"{self.adjectives[0]}/{self.names[0]}" if self.adjectives else self.names[0]


@cache
def countries() -> dict[str, Country]:
    """The countries of the data file by id.

    >>> sorted(countries()["afghanistan"].borders)
    ['china', 'iran', 'pakistan', 'tajikistan', 'turkmenistan', 'uzbekistan']
    >>> len(countries()) >= 60
    True
    """
    out = {}
    for c in cleanup_data("countries")["countries"]:
        out[c["id"]] = Country(
            id=c["id"],
            names=tuple(c["names"]),
            adjectives=tuple(c["adjectives"]),
            people=tuple(c["people"]),
            borders=frozenset(c["borders"]),
        )
    return out


@cache
def _forms() -> dict[str, tuple[str, str]]:
    """Every written form → (country id, "name" | "adjective" | "people")."""
    out: dict[str, tuple[str, str]] = {}
    for c in countries().values():
        for kind, forms in (("name", c.names), ("adjective", c.adjectives), ("people", c.people)):
            for f in forms:
                out.setdefault(f, (c.id, kind))
    return out


@cache
def _mention_re() -> re.Pattern[str]:
    forms = sorted(_forms(), key=len, reverse=True)
    # No lookbehind: a pattern that starts with the alternation lets the engine skip to the
    # possible first letters (4× faster); the character before is checked by the caller.
    return re.compile(r"(?:" + "|".join(map(re.escape, forms)) + r")(?![\w])")


@cache
def _nouns() -> dict[str, str]:
    data = cleanup_data("demonym_compounds")
    return {w: kind for kind in ("intra", "border", "bilateral") for w in data[kind]}


def count_mentions(text: str, skip: Iterable[tuple[int, int]] = ()) -> Counter[str]:
    """Mentions of each country (names, adjectives, demonyms) in *text*, outside the *skip* spans.

    >>> count_mentions("Tajik guards met Tajiks in Tajikistan and China.")
    Counter({'tajikistan': 3, 'china': 1})
    """
    ensure_text(text, "count_mentions")
    spans = sorted(skip)
    starts = [s for s, _ in spans]
    forms = _forms()
    counts: Counter[str] = Counter()
    for m in _mention_re().finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < spans[k][1]:
            continue
        counts[forms[m.group()][0]] += 1
    return counts


# A capitalized word repeated with hyphens ("Afghan-Afghan", "Afghan-Afghan-Afghan"): letters and
# hyphens alternate, so the repetition cannot backtrack badly; the lookbehind refuses to start
# inside a run, which keeps 1 MB of "Afghan-Afghan-…" linear.
_COMPOUND = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{1,24})((?:-\1)+)(?![\w-])")
# Pre-scan: "-" before a capital is a literal cue the regex engine finds fast; only there can a
# compound end, and _COMPOUND is tried from the word before it.
_HYPHEN_CAPITAL = re.compile(r"-([A-Z][A-Za-z]{1,24}+)(?![A-Za-z])")
_NEXT_WORD = re.compile(r"[ \t\u00a0]{1,3}([A-Za-z][A-Za-z-]{0,30})")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’)]?[ \t]{1,3}|[\n\r][ \t]{0,3}|[\"“‘(][ \t]?)$")


_TWO_SIDED = ("border", "bilateral")


@dataclass(frozen=True, slots=True)
class _Decision:
    replacement: str | None  # None: flag only
    evidence: str


def _form_of(country: Country, kind: str) -> str:
    if kind == "adjective" and country.adjectives:
        return country.adjectives[0]
    return country.names[0]


def _evidence(counts: Counter[str], candidates: list[str], what: str) -> tuple[list[str], str]:
    ranked = sorted((c for c in candidates if counts[c]), key=lambda c: (-counts[c], c))
    if not ranked:
        return ranked, f"no {what} mentioned"
    parts = [f"{countries()[c].label} mentioned {counts[c]}×" for c in ranked[:4]]
    if len(ranked) == 1:
        parts.append(f"no other {what}")
    return ranked, ", ".join(parts)


# "the Vietnam-Vietnam trade agreement with Brunei": a partner named by "with" later in the same
# clause is explicit, and beats counts over the whole article.
_CLAUSE_TAIL = re.compile(r"[^.;!?\n]{0,80}")
_WITH = re.compile(r"\bwith[ \t]+(?:the[ \t]+)?")


def _named_partner(text: str, end: int, country: Country, role: str | None) -> str | None:
    """The country a "with X" names after the compound, in the same clause, if it can be the other
    side (for a border: a neighbour)."""
    tail = _CLAUSE_TAIL.match(text, end)
    if tail is None:
        return None
    forms = _forms()
    for w in _WITH.finditer(text, end, tail.end()):
        m = _mention_re().match(text, w.end())
        if m is None:
            continue
        cid = forms[m.group()][0]
        if cid != country.id and (role != "border" or cid in country.borders):
            return cid
    return None


def _decide(
    token: str,
    kind: str,
    country: Country,
    noun: str,
    counts: Counter[str],
    at_start: bool,
    partner: str | None = None,
) -> _Decision:
    data = cleanup_data("demonym_compounds")
    role = _nouns().get(noun.lower())
    if role == "intra":
        adjective = _form_of(country, "adjective")
        intra = "Intra" if at_start else "intra"
        return _Decision(
            f"{intra}-{adjective}", f"'{noun}' among one people: {intra.lower()}-{adjective}"
        )
    if role is None:
        if not noun:
            return _Decision(None, "no noun follows to say who the other side is")
        return _Decision(None, f"the noun '{noun}' does not say who the other side is")
    if partner is not None:
        named = countries()[partner]
        return _Decision(
            f"{_form_of(named, kind)}-{token}",
            f"'with {named.names[0]}' names the other side in the same clause",
        )
    if role == "border":
        candidates = sorted(country.borders)
        what = f"neighbour of {country.names[0]}"
    else:
        candidates = sorted(c for c in countries() if c != country.id)
        what = "country"
    ranked, evidence = _evidence(counts, candidates, what)
    if not ranked:
        return _Decision(None, evidence)
    top = counts[ranked[0]]
    second = counts[ranked[1]] if len(ranked) > 1 else 0
    # Any country can be a partner in trade or relations, so there only a sole candidate decides.
    needed = data["dominance"] * second if role == "border" else (0 if second == 0 else top + 1)
    if top < data["min_mentions"] or top < needed:
        return _Decision(None, evidence + "; not decisive")
    other = _form_of(countries()[ranked[0]], kind)
    return _Decision(f"{other}-{token}", evidence)


def find_demonym_compounds(text: str) -> Fix:
    """Edits resolving reduplicated demonym compounds from evidence, and flags where it cannot.

    Flags index the text after these edits.

    >>> t = "Tajik troops went to the Afghan-Afghan border. Tajikistan said so."
    >>> fix = find_demonym_compounds(t)
    >>> [(e.replacement, e.note) for e in fix.edits]
    [('Tajik-Afghan', 'Tajik/Tajikistan mentioned 2×, no other neighbour of Afghanistan')]
    >>> [f.kind for f in find_demonym_compounds("The Afghan-Afghan border is long.").flags]
    ['demonym_compound']
    """
    ensure_text(text, "find_demonym_compounds")
    if "-" not in text:
        return EMPTY
    forms = _forms()
    found: list[re.Match[str]] = []
    done = 0
    for h in _HYPHEN_CAPITAL.finditer(text):
        word = h.group(1)
        start = h.start() - len(word)
        if start < done or forms.get(word, ("", "people"))[1] == "people":
            continue
        m = _COMPOUND.match(text, start) if text.startswith(word, start) else None
        if m is not None:
            found.append(m)
            done = m.end()
    if not found:
        return EMPTY
    counts = count_mentions(text, [m.span() for m in found])
    edits: list[Edit] = []
    pending: list[tuple[int, int, str]] = []  # flags on the input text
    for m in found:
        token = m.group(1)
        cid, kind = forms[token]
        country = countries()[cid]
        copies = m.group().count("-") + 1
        if copies > 2:
            pending.append(
                (m.start(), m.end(), f"'{token}' repeated {copies}× in one compound: check it")
            )
            continue
        nxt = _NEXT_WORD.match(text, m.end())
        noun = nxt.group(1) if nxt else ""
        at_start = _SENTENCE_START.search(text, max(0, m.start() - 4), m.start()) is not None
        role = _nouns().get(noun.lower())
        partner = _named_partner(text, m.end(), country, role) if role in _TWO_SIDED else None
        d = _decide(token, kind, country, noun, counts, at_start, partner)
        if d.replacement is None:
            pending.append((m.start(), m.end(), f"'{m.group()}' repeats one country: {d.evidence}"))
        else:
            edits.append(
                Edit(
                    start=m.start(),
                    end=m.end(),
                    replacement=d.replacement,
                    kind="demonym_compounds",
                    note=d.evidence,
                )
            )
    fmap = ForwardMap(edits)
    flags = []
    for s, e, msg in pending:
        fs, fe = fmap.span(s, e)
        flags.append(Flag(start=fs, end=fe, kind="demonym_compound", message=msg))
    return Fix(edits=tuple(edits), flags=tuple(flags))


def fix_demonym_compounds(text: str) -> str:
    """*text* with the reduplicated demonym compounds the context resolves rewritten.

    >>> fix_demonym_compounds("Afghan-Afghan talks resumed in Doha.")
    'Intra-Afghan talks resumed in Doha.'
    >>> fix_demonym_compounds("Pakistan closed the Afghan-Afghan border; Pakistani troops stayed.")
    'Pakistan closed the Pakistani-Afghan border; Pakistani troops stayed.'
    >>> fix_demonym_compounds("The Indo-Pakistani war and the Tajik-Afghan border stay.")
    'The Indo-Pakistani war and the Tajik-Afghan border stay.'
    """
    ensure_text(text, "fix_demonym_compounds")
    return fixed_text(find_demonym_compounds, text)


FIXERS: tuple[Fixer, ...] = (
    Fixer(
        "demonym_compounds",
        find_demonym_compounds,
        "Resolve 'Afghan-Afghan border/talks' from the article's evidence; flag when undecided.",
    ),
)
