"""Known people and their spellings: the bundled gazetteer and user-supplied ones.

A ``Gazetteer`` holds plain data only (entries and a blocking index of consonant skeletons), so
it pickles for multiprocessing and Dask. Matching compares a name against every spelling of the
entries that share a part skeleton, with ``name_similarity``; a best match within ``AMBIGUITY``
of another person's is no match (two candidates → no guess).

>>> gz = Gazetteer.default()
>>> gz.match("Imam Ali Rehman").entry.id
'tj-emomali-rahmon'
>>> gz.match("Imam Ali").entry.id
'rel-ali-ibn-abi-talib'
>>> gz.match("Some Unknown Person") is None
True
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsnorm.names.similarity import MATCH_THRESHOLD, parsed_similarity, part_similarity
from newsnorm.names.translit import VOWEL_MARK, ParsedName, analyze

__all__ = ["AMBIGUITY", "Gazetteer", "GazetteerEntry", "GazetteerMatch", "Role", "load_gazetteer"]

AMBIGUITY = 0.02
_MEMO_SIZE = 16384


@dataclass(frozen=True, slots=True)
class Role:
    """A position held: ``title`` (e.g. ``President``), where, and the years (None = open)."""

    title: str
    country: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One person: a stable ``id``, the display ``name``, other spellings and roles."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        """The display name first, then the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    """The entry a name matched, the score and the spelling it matched best."""

    entry: GazetteerEntry
    score: float
    spelling: str


def _block_keys(parsed: ParsedName) -> set[str]:
    """Skeletons of the strong parts, whole and as 3-letter prefixes (suffixes vary most)."""
    keys: set[str] = set()
    for p in parsed.parts:
        if p.weak or p.initial:
            continue
        skel = p.skel.lstrip(VOWEL_MARK) or p.skel
        keys.add(skel)
        keys.add(skel[:3] + "~")
    return keys


@dataclass(slots=True)
class Gazetteer:
    """Known people and their spellings, matched transliteration-insensitively.

    >>> gz = Gazetteer.from_records([{"id": "p1", "name": "Ashraf Ghani", "aliases": ["Ghani"]}])
    >>> len(gz), gz.get("p1").name
    (1, 'Ashraf Ghani')
    >>> gz.match("Mohammad Ashraf Ghani").entry.id
    'p1'
    """

    entries: tuple[GazetteerEntry, ...] = ()
    _index: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _by_id: dict[str, int] = field(default_factory=dict, repr=False)
    # Answers already given: corpora repeat names, and matching compares every spelling of every
    # blocked entry. Bounded, and only a memo: the same question always gets the same answer.
    _memo: dict[tuple[str, str, str | None], GazetteerMatch | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self.entries = tuple(self.entries)
        self._index = {}
        self._by_id = {}
        for i, entry in enumerate(self.entries):
            self._by_id.setdefault(entry.id, i)
            for spelling in entry.spellings:
                for key in _block_keys(analyze(spelling)):
                    bucket = self._index.setdefault(key, [])
                    if not bucket or bucket[-1] != i:
                        bucket.append(i)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> GazetteerEntry | None:
        """The entry with this id, or None."""
        i = self._by_id.get(entry_id)
        return None if i is None else self.entries[i]

    def candidates(self, name: str) -> list[GazetteerEntry]:
        """Entries sharing a part skeleton with *name* (the blocking step)."""
        seen: set[int] = set()
        for key in _block_keys(analyze(name)):
            seen.update(self._index.get(key, ()))
        return [self.entries[i] for i in sorted(seen)]

    def match(self, name: str, title: str | None = None) -> GazetteerMatch | None:
        """The entry *name* refers to, or None when nothing (or more than one person) fits.

        A one-part name only matches a one-part spelling with the same title
        (``Mullah Omar``), never a full name: a surname alone is ambiguous.

        >>> gz = Gazetteer.default()
        >>> gz.match("Omar", title="Mullah").entry.id
        'tb-mohammad-omar'
        >>> gz.match("Omar") is None
        True
        """
        return self._remember("match", name, title, self._match)

    def _remember(
        self,
        kind: str,
        name: str,
        title: str | None,
        compute: Callable[[str, str | None], GazetteerMatch | None],
    ) -> GazetteerMatch | None:
        key = (kind, name, title)
        try:
            return self._memo[key]
        except KeyError:
            pass
        found = compute(name, title)
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = found
        return found

    def _match(self, name: str, title: str | None) -> GazetteerMatch | None:
        parsed = analyze(name)
        if not parsed.parts:
            return None
        single = len(parsed.parts) == 1
        wanted_title = (title or parsed.title or "").lower().rstrip(".") or None
        best: dict[str, tuple[float, str]] = {}
        for entry in self.candidates(name):
            for spelling in entry.spellings:
                other = analyze(spelling)
                if single and (len(other.parts) != 1 or other.title != wanted_title):
                    continue
                score = parsed_similarity(parsed, other)
                if score >= MATCH_THRESHOLD and score > best.get(entry.id, (-1.0, ""))[0]:
                    best[entry.id] = (score, spelling)
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda kv: -kv[1][0])
        (top_id, (top, spelling)) = ranked[0]
        if len(ranked) > 1 and ranked[1][1][0] >= top - AMBIGUITY and top < 1.0:
            return None
        if len(ranked) > 1 and ranked[1][1][0] >= 1.0:
            return None  # two people share this exact spelling
        found = self.get(top_id)
        assert found is not None
        return GazetteerMatch(entry=found, score=round(top, 4), spelling=spelling)

    def match_surname(self, surname: str, title: str | None) -> GazetteerMatch | None:
        """The one entry whose last name part is *surname* (and who held a role *title*).

        For ``President Ghani`` when no full name is in the document; two such people → None.
        Without a title the surname must be spelled alike (same phonetic form), and the score
        is lower: callers should only ask for distinctive surnames.

        >>> Gazetteer.default().match_surname("Ghani", "President").entry.id
        'af-ashraf-ghani'
        >>> Gazetteer.default().match_surname("Ghani", "Spokesman") is None
        True
        >>> Gazetteer.default().match_surname("Putin", None).entry.id
        'ru-vladimir-putin'
        """
        return self._remember("surname", surname, title, self._match_surname)

    def _match_surname(self, surname: str, title: str | None) -> GazetteerMatch | None:
        parsed = analyze(surname)
        if len(parsed.parts) != 1 or parsed.parts[0].initial:
            return None
        words: set[str] = set()
        if title is not None:
            words = {_singular(w) for w in title.lower().replace(".", " ").split()}
        part = parsed.parts[0]
        hits: dict[str, GazetteerEntry] = {}
        for entry in self.candidates(surname):
            if words and not any(
                words <= {_singular(w) for w in r.title.lower().split()} for r in entry.roles
            ):
                continue
            for spelling in entry.spellings:
                parts = analyze(spelling).parts
                if len(parts) < 2:
                    continue
                last = parts[-1]
                if (words and part_similarity(last.raw, part.raw) >= 0.9) or last.phon == part.phon:
                    hits[entry.id] = entry
        if len(hits) != 1:
            return None
        entry = next(iter(hits.values()))
        return GazetteerMatch(entry=entry, score=0.8 if words else 0.7, spelling=entry.name)

    # ---- construction -------------------------------------------------------------------

    @classmethod
    def default(cls) -> Gazetteer:
        """The bundled gazetteer (``data/names/gazetteer.json``), built once."""
        return _default()

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]]) -> Gazetteer:
        """Build from mappings with ``id``, ``name`` and optional ``aliases`` / ``roles``.

        ``aliases`` may be a list or a string separated by ``;`` or ``|``.
        """
        return cls(tuple(e for e in (_entry(r) for r in records) if e is not None))

    @classmethod
    def from_file(cls, path: str | Path) -> Gazetteer:
        """Load JSON (a list, or ``{"people": [...]}``), JSON lines or CSV (id,name,aliases).

        JSON lines holding FollowTheMoney entities (``schema`` + ``properties``) are read as
        ``from_ftm`` would. ``.gz`` files are decompressed.
        """
        p = Path(path)
        text = _read_text(p)
        suffixes = [s.lower() for s in p.suffixes if s.lower() != ".gz"]
        kind = suffixes[-1] if suffixes else ""
        if kind == ".csv":
            return cls.from_records(csv.DictReader(io.StringIO(text)))
        if kind in (".jsonl", ".ndjson"):
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
            if rows and all("properties" in r for r in rows):
                return cls(tuple(_ftm_entries(rows, frozenset({"Person"}))))
            return cls.from_records(rows)
        data = json.loads(text)
        if isinstance(data, dict):
            data = data.get("people") or data.get("entities") or data.get("entries") or []
        return cls.from_records(data)

    @classmethod
    def from_ftm(cls, path: str | Path, schemata: Iterable[str] = ("Person",)) -> Gazetteer:
        """Load an OpenSanctions / FollowTheMoney export (JSON lines, optionally ``.gz``).

        Each entity of the given schemata becomes an entry: ``properties.name`` (first = display
        name), ``alias`` and ``previousName`` as spellings (``weakAlias`` is left out: the
        source itself calls it unreliable), ``position`` as roles.
        """
        text = _read_text(Path(path))
        rows = (json.loads(line) for line in text.splitlines() if line.strip())
        return cls(tuple(_ftm_entries(rows, frozenset(schemata))))


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _read_text(path: Path) -> str:
    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return fh.read()
    return path.read_text(encoding="utf-8")


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        sep = ";" if ";" in value else "|"
        return [v.strip() for v in value.split(sep) if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _role(value: Any) -> Role | None:
    if isinstance(value, str):
        return Role(title=value) if value.strip() else None
    if isinstance(value, Mapping) and value.get("title"):
        start, end = value.get("from", value.get("start")), value.get("to", value.get("end"))
        return Role(
            title=str(value["title"]),
            country=value.get("country"),
            start=int(start) if start is not None else None,
            end=int(end) if end is not None else None,
        )
    return None


def _entry(record: Mapping[str, Any]) -> GazetteerEntry | None:
    name = str(record.get("name") or "").strip()
    if not name:
        return None
    entry_id = str(record.get("id") or name)
    aliases = tuple(a for a in dict.fromkeys(_as_list(record.get("aliases"))) if a != name)
    roles = tuple(r for r in (_role(v) for v in record.get("roles") or ()) if r is not None)
    return GazetteerEntry(id=entry_id, name=name, aliases=aliases, roles=roles)


def _ftm_entries(
    rows: Iterable[Mapping[str, Any]], schemata: frozenset[str]
) -> Iterator[GazetteerEntry]:
    for row in rows:
        if row.get("schema") not in schemata:
            continue
        props = row.get("properties") or {}
        names = _as_list(props.get("name")) or _as_list(row.get("caption"))
        if not names:
            continue
        spellings = names + _as_list(props.get("alias")) + _as_list(props.get("previousName"))
        unique = list(dict.fromkeys(spellings))
        roles = tuple(Role(title=t) for t in _as_list(props.get("position")))
        yield GazetteerEntry(
            id=str(row.get("id") or unique[0]),
            name=unique[0],
            aliases=tuple(unique[1:]),
            roles=roles,
        )


@cache
def _default() -> Gazetteer:
    text = resources.files("newsnorm").joinpath("data/names/gazetteer.json").read_text("utf-8")
    return Gazetteer.from_records(json.loads(text)["people"])


@cache
def load_gazetteer(path: str | None) -> Gazetteer:
    """The bundled gazetteer (``path=None``) or the one in *path*, loaded once per path.

    >>> load_gazetteer(None) is load_gazetteer(None) is Gazetteer.default()
    True
    """
    if path is None:
        return _default()
    return Gazetteer.from_file(path)
