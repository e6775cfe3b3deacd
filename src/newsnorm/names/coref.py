"""In-document coreference: give every candidate mention its entity key.

Full names go first: a gazetteer match gives the gazetteer id; otherwise the name joins the
document cluster it is most similar to (``name_similarity`` ≥ ``MATCH_THRESHOLD``) or starts a
new one. Then one-part mentions (``Ghani``, ``President Ghani``) join the one cluster whose
surname they spell; with two such clusters no guess is made. Without any cluster, a titled
surname may still match the gazetteer (``Mullah Omar``, or a unique ``President Ghani``).

>>> from newsnorm.names.gazetteer import Gazetteer
>>> cands = [
...     Candidate(0, 12, "Lutfi Barzan", None, "verb"),
...     Candidate(30, 36, "Barzan", "Mr.", "title"),
... ]
>>> [(m.text, m.key, m.canonical) for m in resolve(cands, Gazetteer())]
[('Lutfi Barzan', 'doc-1', 'Lutfi Barzan'), ('Barzan', 'doc-1', 'Lutfi Barzan')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsnorm.names.gazetteer import Gazetteer
from newsnorm.names.model import NameMention
from newsnorm.names.similarity import MATCH_THRESHOLD, parsed_similarity, part_similarity
from newsnorm.names.translit import VOWEL_MARK, ParsedName, analyze

__all__ = ["Candidate", "resolve"]

_SURNAME_MATCH = 0.9
_AMBIGUOUS_SCORE = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span that looks like a person, with its title and why (``title``, ``verb``…)."""

    start: int
    end: int
    text: str
    title: str | None
    evidence: str


@dataclass(slots=True)
class _Cluster:
    key: str | None  # gazetteer id, or None until document ids are numbered
    canonical: str
    source: str
    members: list[tuple[Candidate, ParsedName, float]] = field(default_factory=list)


def _blocks(parsed: ParsedName) -> set[str]:
    return {p.skel.lstrip(VOWEL_MARK)[:3] for p in parsed.parts if not p.weak and not p.initial}


def _fullest(members: list[tuple[Candidate, ParsedName, float]]) -> str:
    best = max(members, key=lambda m: (len(m[1].parts), len(m[0].text), -m[0].start))
    return best[0].text


def resolve(cands: list[Candidate], gazetteer: Gazetteer) -> list[NameMention]:
    """Entity keys for the candidates; candidates with no evidence and no anchor are dropped."""
    clusters: list[_Cluster] = []
    by_key: dict[str, int] = {}
    index: dict[str, list[int]] = {}
    placed: list[tuple[Candidate, int, float]] = []

    def add(ci: int, cand: Candidate, parsed: ParsedName, score: float) -> None:
        clusters[ci].members.append((cand, parsed, score))
        for b in _blocks(parsed):
            bucket = index.setdefault(b, [])
            if ci not in bucket:
                bucket.append(ci)
        placed.append((cand, ci, score))

    def nearest(parsed: ParsedName) -> tuple[int, float] | None:
        best: tuple[int, float] | None = None
        seen: set[int] = set()
        for b in _blocks(parsed):
            for ci in index.get(b, ()):
                if ci in seen:
                    continue
                seen.add(ci)
                s = max(parsed_similarity(parsed, m[1]) for m in clusters[ci].members)
                if s >= MATCH_THRESHOLD and (best is None or s > best[1]):
                    best = (ci, s)
        return best

    parsed_all = [(c, analyze(c.text)) for c in cands]
    multi = [(c, p) for c, p in parsed_all if len(p.parts) > 1]
    single = [(c, p) for c, p in parsed_all if len(p.parts) == 1]
    # Full names with evidence first, then the unanchored ones, which may only join.
    for anchored in (True, False):
        for cand, parsed in multi:
            if (cand.evidence != "none") != anchored:
                continue
            match = gazetteer.match(cand.text)
            if match is not None:
                ci = by_key.get(match.entry.id)
                if ci is None:
                    ci = len(clusters)
                    clusters.append(_Cluster(match.entry.id, match.entry.name, "gazetteer"))
                    by_key[match.entry.id] = ci
                add(ci, cand, parsed, match.score)
                continue
            near = nearest(parsed)
            if near is not None:
                add(near[0], cand, parsed, round(near[1], 4))
            elif anchored:
                clusters.append(_Cluster(None, cand.text, "document"))
                add(len(clusters) - 1, cand, parsed, 1.0)
    for cand, parsed in single:
        raw = parsed.parts[0].raw
        hits = {
            ci
            for ci, cl in enumerate(clusters)
            if any(
                len(m[1].parts) > 1 and part_similarity(m[1].parts[-1].raw, raw) >= _SURNAME_MATCH
                for m in cl.members
            )
        }
        if len(hits) == 1:
            add(hits.pop(), cand, parsed, _SURNAME_MATCH)
            continue
        if len(hits) > 1:
            if cand.evidence in ("title", "verb"):
                clusters.append(_Cluster(None, cand.text, "document"))
                add(len(clusters) - 1, cand, parsed, _AMBIGUOUS_SCORE)
            continue
        match = None
        if cand.title:
            match = gazetteer.match(cand.text, title=cand.title) or gazetteer.match_surname(
                cand.text, cand.title
            )
        if match is not None:
            ci = by_key.get(match.entry.id)
            if ci is None:
                ci = len(clusters)
                clusters.append(_Cluster(match.entry.id, match.entry.name, "gazetteer"))
                by_key[match.entry.id] = ci
            add(ci, cand, parsed, match.score)
        elif cand.evidence in ("title", "verb"):
            clusters.append(_Cluster(None, cand.text, "document"))
            add(len(clusters) - 1, cand, parsed, 1.0)
    # Document ids in order of first appearance, so they are stable for a given text.
    first_seen = sorted(
        (min(m[0].start for m in cl.members), ci)
        for ci, cl in enumerate(clusters)
        if cl.key is None and cl.members
    )
    for n, (_start, ci) in enumerate(first_seen, 1):
        clusters[ci].key = f"doc-{n}"
        clusters[ci].canonical = _fullest(clusters[ci].members)
    out = [
        NameMention(
            start=cand.start,
            end=cand.end,
            text=cand.text,
            title=cand.title,
            canonical=clusters[ci].canonical,
            key=clusters[ci].key or "",
            score=score,
            source="gazetteer" if clusters[ci].source == "gazetteer" else "document",
        )
        for cand, ci, score in placed
    ]
    return sorted(out, key=lambda m: (m.start, m.end))
