"""In-document coreference: give every candidate mention its entity key.

Full names go first: a gazetteer match gives the gazetteer id; otherwise the name joins the
document cluster it is most similar to (``name_similarity`` ≥ ``MATCH_THRESHOLD``) or starts a
new one. Then one-part mentions (``Ghani``, ``President Ghani``) join the one cluster whose
surname they spell; with two such clusters no guess is made. Without any cluster, a titled
surname may still match the gazetteer (``Mullah Omar``, or a unique ``President Ghani``).

>>> from newsnorm.names.gazetteer import Gazetteer, GazetteerMatch
>>> cands = [
...     Candidate(0, 12, "Lutfi Barzan", None, "verb"),
...     Candidate(30, 36, "Barzan", "Mr.", "title"),
... ]
>>> [(m.text, m.key, m.canonical) for m in resolve(cands, Gazetteer())]
[('Lutfi Barzan', 'doc-1', 'Lutfi Barzan'), ('Barzan', 'doc-1', 'Lutfi Barzan')]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from newsnorm.model import build_valid
from newsnorm.names.gazetteer import Gazetteer, GazetteerMatch
from newsnorm.names.model import NameMention
from newsnorm.names.similarity import MATCH_THRESHOLD, name_similarity, part_similarity
from newsnorm.names.translit import VOWEL_MARK, ParsedName, analyze

__all__ = ["Candidate", "resolve"]

_SURNAME_MATCH = 0.9
# The evidence with which ``resolve`` reads ``Candidate.common`` (``candidates`` finds it out
# for these only).
COMMON_READ_EVIDENCE = frozenset(["title", "verb"])
_AMBIGUOUS_SCORE = 0.5


class Candidate(NamedTuple):
    """A span that looks like a person, with its title and why (``title``, ``verb``…).

    A named tuple: documents hold thousands, and a frozen dataclass costs more to build.
    """

    start: int
    end: int
    text: str
    title: str | None
    evidence: str
    # A one-part name that is also a common given name (Omar, Saleh). ``resolve`` reads it only
    # with a title or a verb as evidence, and ``candidates`` only finds it out then (else False).
    common: bool = False


@dataclass(slots=True)
class _Cluster:
    key: str | None  # gazetteer id, or None until document ids are numbered
    canonical: str
    source: str
    members: list[tuple[Candidate, ParsedName, float]] = field(default_factory=list)


def _blocks(parsed: ParsedName) -> set[str]:
    return {p.skel.lstrip(VOWEL_MARK)[:3] for p in parsed.parts if not p.weak and not p.initial}


@lru_cache(maxsize=32768)
def _similarity(a: str, b: str) -> float:
    """``name_similarity``, cached: the same pairs of spellings meet in document after document.

    >>> _similarity("Emomali Rakhmon", "Emomali Rahmon") >= MATCH_THRESHOLD
    True
    """
    return name_similarity(a, b)


def _fullest(members: list[tuple[Candidate, ParsedName, float]]) -> str:
    best = max(members, key=lambda m: (len(m[1].parts), len(m[0].text), -m[0].start))
    return best[0].text


_MAX_SPELLINGS = 24  # distinct spellings compared per cluster: bounds work on huge texts


def resolve(cands: list[Candidate], gazetteer: Gazetteer) -> list[NameMention]:
    """Entity keys for the candidates; candidates with no evidence and no anchor are dropped."""
    clusters: list[_Cluster] = []
    spellings: list[set[str]] = []  # distinct multi-part spellings per cluster
    by_key: dict[str, int] = {}
    index: dict[str, set[int]] = {}  # skeleton block -> clusters (full names)
    surnames: dict[str, dict[str, set[int]]] = {}  # block -> surname part -> clusters
    lone: dict[str, int] = {}  # phonetic form of a one-part mention -> its own cluster
    placed: list[tuple[Candidate, int, float]] = []
    gz_cache: dict[tuple[str, str | None], GazetteerMatch | None] = {}

    def new_cluster(key: str | None, canonical: str, source: str) -> int:
        clusters.append(_Cluster(key, canonical, source))
        spellings.append(set())
        if key is not None:
            by_key[key] = len(clusters) - 1
        return len(clusters) - 1

    def add(ci: int, cand: Candidate, parsed: ParsedName, score: float) -> None:
        clusters[ci].members.append((cand, parsed, score))
        placed.append((cand, ci, score))
        if len(parsed.parts) < 2 or cand.text in spellings[ci]:
            return
        if len(spellings[ci]) < _MAX_SPELLINGS:
            spellings[ci].add(cand.text)
        for b in _blocks(parsed):
            index.setdefault(b, set()).add(ci)
        last = parsed.parts[-1]
        if not last.initial:
            block = last.skel.lstrip(VOWEL_MARK)[:3]
            surnames.setdefault(block, {}).setdefault(last.raw, set()).add(ci)

    def gz_match(text: str, title: str | None = None) -> GazetteerMatch | None:
        key = (text, title)
        if key not in gz_cache:
            if title is None:
                gz_cache[key] = gazetteer.match(text)
            elif not title:
                gz_cache[key] = gazetteer.match_surname(text, None)
            else:
                gz_cache[key] = gazetteer.match(text, title=title) or gazetteer.match_surname(
                    text, title
                )
        found = gz_cache[key]
        return found

    def cluster_for(match: GazetteerMatch) -> int:
        ci = by_key.get(match.entry.id)
        if ci is None:
            ci = new_cluster(match.entry.id, match.entry.name, "gazetteer")
        return ci

    def nearest(text: str, parsed: ParsedName) -> tuple[int, float] | None:
        best: tuple[int, float] | None = None
        seen: set[int] = set()
        for b in _blocks(parsed):
            for ci in sorted(index.get(b, ())):
                if ci in seen:
                    continue
                seen.add(ci)
                s = max(_similarity(text, other) for other in spellings[ci])
                if s >= MATCH_THRESHOLD and (best is None or s > best[1]):
                    best = (ci, s)
        return best

    def surname_hits(parsed: ParsedName) -> set[int]:
        part = parsed.parts[0]
        hits: set[int] = set()
        for raw, cis in surnames.get(part.skel.lstrip(VOWEL_MARK)[:3], {}).items():
            if part_similarity(raw, part.raw) >= _SURNAME_MATCH:
                hits |= cis
        return hits

    parsed_all = [(c, analyze(c.text)) for c in cands]
    multi = [(c, p) for c, p in parsed_all if len(p.parts) > 1]
    single = [(c, p) for c, p in parsed_all if len(p.parts) == 1]
    # Full names with evidence first, then the unanchored ones, which may only join.
    for anchored in (True, False):
        for cand, parsed in multi:
            if (cand.evidence != "none") != anchored:
                continue
            match = gz_match(cand.text)
            if match is not None:
                add(cluster_for(match), cand, parsed, match.score)
                continue
            near = nearest(cand.text, parsed)
            if near is not None:
                add(near[0], cand, parsed, round(near[1], 4))
            elif anchored:
                add(new_cluster(None, cand.text, "document"), cand, parsed, 1.0)
    for cand, parsed in single:
        hits = surname_hits(parsed)
        if len(hits) == 1:
            add(hits.pop(), cand, parsed, _SURNAME_MATCH)
            continue
        if len(hits) > 1:
            if cand.evidence in ("title", "verb"):  # two candidates: no guess
                add(new_cluster(None, cand.text, "document"), cand, parsed, _AMBIGUOUS_SCORE)
            continue
        match = gz_match(cand.text, cand.title) if cand.title else None
        if match is not None:
            add(cluster_for(match), cand, parsed, match.score)
            continue
        if cand.evidence in COMMON_READ_EVIDENCE and not cand.common:
            # "Putin said" with no full name in the text: a distinctive surname that exactly one
            # gazetteer person has.
            match = gz_match(cand.text, "")
            if match is not None:
                add(cluster_for(match), cand, parsed, match.score)
                continue
        phon = parsed.parts[0].phon
        if phon in lone:
            add(lone[phon], cand, parsed, 1.0)
        elif cand.evidence in ("title", "verb"):
            lone[phon] = new_cluster(None, cand.text, "document")
            add(lone[phon], cand, parsed, 1.0)
    # Document ids in order of first appearance, so they are stable for a given text.
    first_seen = sorted(
        (min(m[0].start for m in cl.members), ci)
        for ci, cl in enumerate(clusters)
        if cl.key is None and cl.members
    )
    for n, (_start, ci) in enumerate(first_seen, 1):
        clusters[ci].key = f"doc-{n}"
        clusters[ci].canonical = _fullest(clusters[ci].members)
    # Every value is known valid here (offsets from the text, a score in [0, 1]): no validation.
    out = [
        build_valid(
            NameMention,
            {
                "start": cand.start,
                "end": cand.end,
                "text": cand.text,
                "title": cand.title,
                "canonical": clusters[ci].canonical,
                "key": clusters[ci].key or "",
                "score": float(score),
                "source": "gazetteer" if clusters[ci].source == "gazetteer" else "document",
            },
        )
        for cand, ci, score in placed
    ]
    return sorted(out, key=lambda m: (m.start, m.end))
