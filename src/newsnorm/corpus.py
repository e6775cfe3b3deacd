"""Corpora in, JSON Lines out: read records from files, folders and stdin, turn each into one line.

Everything here streams: records are read lazily, one output line is built per record, and
nothing holds more than the record at hand. Bad records never raise: they become output lines
with an ``error`` and the original line, so a corpus of millions never stops on one bad line.

>>> line, stats = process_record(Record(id="a1", text="Clean news."), RunOptions(only="text"))
>>> line
'{"id": "a1", "text": "Clean news."}'
>>> stats
{}
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal, cast

from newsnorm.document import Config, Document
from newsnorm.model import json_safe

__all__ = [
    "FORMATS",
    "ONLY",
    "InputError",
    "Record",
    "RunOptions",
    "chunk_records",
    "dumps_record",
    "expand_inputs",
    "format_of",
    "iter_records",
    "payload",
    "process_chunk",
    "process_record",
]

Only = Literal["text", "numbers", "dates", "names"]
ONLY: tuple[str, ...] = ("text", "numbers", "dates", "names")
Format = Literal["auto", "text", "jsonl", "lines"]
FORMATS: tuple[str, ...] = ("auto", "text", "jsonl", "lines")

# Suffixes a folder walk picks up; anything else in a folder (README, images…) is not a record.
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
_TEXT_SUFFIXES = (".txt", ".txt.gz")


class InputError(Exception):
    """An input path that cannot be read at all (missing, a permission problem, a broken gzip)."""


@dataclass(frozen=True, slots=True)
class Record:
    """One input record: its id and text, or the reason it has no usable text.

    ``line`` keeps the original input line of a bad record so that nothing is lost.
    """

    id: Any
    text: str | None = None
    error: str | None = None
    line: str | None = None
    size: int = 0


@dataclass(frozen=True, slots=True)
class RunOptions:
    """What to do with each record; a plain frozen value so that it pickles to any worker.

    >>> RunOptions(only="text").effective_config().names
    False
    """

    only: Only | None = None
    reference_date: date | None = None
    config: Config = field(default_factory=Config)

    def effective_config(self) -> Config:
        """The config with the stages that ``only`` makes useless switched off (for speed).

        Dates stay on for ``only="numbers"``: ``process()`` drops numbers inside dates.
        """
        off: dict[str, bool] = {}
        if self.only == "text":
            off = {"numbers": False, "dates": False, "names": False}
        elif self.only == "numbers":
            off = {"names": False}
        elif self.only == "dates":
            off = {"numbers": False, "names": False}
        elif self.only == "names":
            off = {"numbers": False, "dates": False}
        return self.config.model_copy(update=off) if off else self.config


def format_of(path: str, fmt: Format = "auto") -> Format:
    """The format of *path*: *fmt* unless it is ``auto``, else guessed from the suffix.

    >>> format_of("news.jsonl.gz"), format_of("a.txt"), format_of("a.txt", "lines")
    ('jsonl', 'text', 'lines')
    """
    if fmt != "auto":
        return fmt
    return "jsonl" if path.lower().endswith(_JSONL_SUFFIXES) else "text"


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Files to read, in a stable order: folders walked recursively and sorted, ``-`` kept.

    Raises :class:`InputError` for a path that does not exist or cannot be read, before any
    record is processed, so that a typo costs nothing.
    """
    out: list[str] = []
    for item in inputs:
        if item == "-":
            out.append(item)
            continue
        p = Path(item)
        if p.is_dir():
            if not os.access(p, os.R_OK | os.X_OK):
                raise InputError(f"cannot read folder {item}: permission denied")
            found = sorted(
                str(f)
                for f in p.rglob("*")
                if f.is_file() and f.name.lower().endswith(_JSONL_SUFFIXES + _TEXT_SUFFIXES)
            )
            out.extend(found)
        elif p.is_file():
            if not os.access(p, os.R_OK):
                raise InputError(f"cannot read {item}: permission denied")
            out.append(item)
        else:
            raise InputError(f"cannot read {item}: no such file or folder")
    return out


def _open_binary(path: str) -> IO[bytes]:
    try:
        if path == "-":
            return sys.stdin.buffer
        if path.lower().endswith(".gz"):
            return cast(IO[bytes], gzip.open(path, "rb"))
        return open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _decode(raw: bytes) -> tuple[str | None, str]:
    """The text of *raw* (``None`` if not UTF-8) and a lossless-enough copy for error records."""
    try:
        return raw.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 text ({exc.reason} at byte {exc.start})"


def _strip_eol(raw: bytes) -> bytes:
    if raw.endswith(b"\n"):
        raw = raw[:-1]
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    return raw


def record_from_json_line(
    raw: bytes, fallback_id: str, field: str = "text", id_field: str = "id"
) -> Record:
    """One JSONL line as a :class:`Record`; every problem becomes ``Record.error``, never raised.

    >>> record_from_json_line(b'{"id": 7, "text": "Hi."}', "f:1")
    Record(id=7, text='Hi.', error=None, line=None, size=24)
    >>> record_from_json_line(b'{"id": 7}', "f:1").error
    "missing field 'text'"
    >>> bad = record_from_json_line(b'{"text": 3}', "f:1")
    >>> bad.id, bad.error, bad.line
    ('f:1', "field 'text' is int, not a string", '{"text": 3}')
    """
    raw = _strip_eol(raw)
    size = len(raw)
    line, problem = _decode(raw)
    if line is None:
        return Record(fallback_id, error=problem, line=raw.decode("utf-8", "replace"), size=size)
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return Record(fallback_id, error=f"invalid JSON: {exc}", line=line, size=size)
    if not isinstance(obj, dict):
        kind = type(obj).__name__
        return Record(fallback_id, error=f"not a JSON object but {kind}", line=line, size=size)
    rid = obj.get(id_field, fallback_id)
    if field not in obj:
        return Record(rid, error=f"missing field {field!r}", line=line, size=size)
    text = obj[field]
    if not isinstance(text, str):
        kind = type(text).__name__
        return Record(rid, error=f"field {field!r} is {kind}, not a string", line=line, size=size)
    return Record(rid, text=text, size=size)


def _iter_jsonl(path: str, lines: Iterable[bytes], field: str, id_field: str) -> Iterator[Record]:
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue  # blank lines separate nothing and carry nothing: they are not records
        yield record_from_json_line(raw, f"{path}:{n}", field, id_field)


def _iter_lines(path: str, lines: Iterable[bytes]) -> Iterator[Record]:
    for n, raw in enumerate(lines, start=1):
        body = _strip_eol(raw)
        text, problem = _decode(body)
        rid = f"{path}:{n}"
        if text is None:
            yield Record(rid, error=problem, line=body.decode("utf-8", "replace"), size=len(body))
        else:
            yield Record(rid, text=text, size=len(body))


def _read_text(path: str, raw: bytes) -> Record:
    text, problem = _decode(raw)
    if text is None:
        return Record(path, error=problem, line=raw.decode("utf-8", "replace"), size=len(raw))
    return Record(path, text=text, size=len(raw))


def _sniff_stdin(fh: IO[bytes]) -> tuple[Format, bytes]:
    """Peek at stdin: JSON Lines if the first non-blank byte is ``{``, else one text."""
    head = b""
    while not head.strip():
        nxt = fh.readline()
        if not nxt:
            break
        head += nxt
    return ("jsonl" if head.lstrip().startswith(b"{") else "text"), head


def iter_records(
    inputs: Sequence[str],
    *,
    field: str = "text",
    id_field: str = "id",
    fmt: Format = "auto",
) -> Iterator[Record]:
    """Every record of *inputs* (files, folders, ``-`` for stdin), lazily and in order.

    A text file is one record whose id is its path; a JSONL line is one record whose id is its
    ``id_field`` (else ``path:line``); with ``fmt="lines"`` each line of a text file is a record.
    stdin is JSONL when its first non-blank character is ``{``, else one text (id ``-``).
    Raises :class:`InputError` for a path that cannot be read; never for a bad record.
    """
    for path in expand_inputs(inputs):
        fh = _open_binary(path)
        try:
            kind, head = format_of(path, fmt), b""
            if path == "-" and fmt == "auto":
                kind, head = _sniff_stdin(fh)
            lines = itertools.chain(head.splitlines(keepends=True), fh)
            try:
                if kind == "jsonl":
                    yield from _iter_jsonl(path, lines, field, id_field)
                elif kind == "lines":
                    yield from _iter_lines(path, lines)
                else:
                    yield _read_text(path, head + fh.read())
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                raise InputError(f"cannot read {path}: {exc}") from exc
        finally:
            if path != "-":
                fh.close()


def chunk_records(
    records: Iterable[Record], max_records: int = 64, max_bytes: int = 1 << 18
) -> Iterator[list[Record]]:
    """Group *records* into lists of at most *max_records* records or about *max_bytes* bytes.

    Small chunks keep the memory of in-flight work bounded; not-too-small ones amortize the
    cost of sending work to another process.

    >>> [len(c) for c in chunk_records([Record(i, "x", size=10) for i in range(5)], 2)]
    [2, 2, 1]
    """
    chunk: list[Record] = []
    size = 0
    for rec in records:
        chunk.append(rec)
        size += rec.size
        if len(chunk) >= max_records or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def payload(doc: Document, only: Only | None) -> dict[str, Any]:
    """What an output record carries for *doc*: the whole Document, or the one part asked for.

    >>> from newsnorm import process
    >>> sorted(payload(process("Hi."), None))
    ['document']
    >>> payload(process("Hi."), "dates")
    {'dates': []}
    """
    if only is None:
        return {"document": doc.model_dump(mode="json")}
    if only == "text":
        return {"text": doc.text}
    return {only: [m.model_dump(mode="json") for m in getattr(doc, only)]}


def doc_stats(doc: Document) -> dict[str, int]:
    """Counts for the run summary: edits and flags by kind, mentions by type."""
    stats: dict[str, int] = {}
    for e in doc.edits:
        stats[f"edit:{e.kind}"] = stats.get(f"edit:{e.kind}", 0) + 1
    for f in doc.flags:
        stats[f"flag:{f.kind}"] = stats.get(f"flag:{f.kind}", 0) + 1
    for name in ("numbers", "dates", "names"):
        n = len(getattr(doc, name))
        if n:
            stats[f"mention:{name}"] = n
    return stats


# str.splitlines() and many JSONL readers also break lines at these: escape them (valid JSON).
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps_record(obj: dict[str, Any]) -> str:
    """*obj* as one JSON line: sorted keys, UTF-8-safe, no character any reader splits on.

    >>> dumps_record({"b": "x\\u2028y", "a": "\\ud800"}) == '{"a": "\\ufffd", "b": "x\\\\u2028y"}'
    True
    """
    # sort_keys: byte-identical output whatever the worker; json_safe: lone surrogates (from
    # "\ud800" escapes in the input) cannot be written as UTF-8, U+FFFD keeps offsets valid.
    return json_safe(json.dumps(obj, ensure_ascii=False, sort_keys=True)).translate(_LINE_BREAKS)


def process_record(rec: Record, options: RunOptions) -> tuple[str, dict[str, int]]:
    """One output JSON line for *rec* (no newline) and its summary counts; never raises.

    >>> line, stats = process_record(Record("x", error="invalid JSON", line="{"), RunOptions())
    >>> json.loads(line)
    {'error': 'invalid JSON', 'id': 'x', 'line': '{'}
    >>> stats
    {'failed': 1}
    """
    if rec.text is None:
        return dumps_record({"id": rec.id, "error": rec.error, "line": rec.line}), {"failed": 1}
    from newsnorm.pipeline import process

    try:
        doc = process(
            rec.text, reference_date=options.reference_date, config=options.effective_config()
        )
        out = {"id": rec.id, **payload(doc, options.only)}
        return dumps_record(out), doc_stats(doc)
    except Exception as exc:  # a library bug on one record must not stop a corpus run
        err = f"processing failed: {type(exc).__name__}: {exc}"
        return dumps_record({"id": rec.id, "error": err, "line": rec.text}), {"failed": 1}


def process_chunk(chunk: list[Record], options: RunOptions) -> list[tuple[str, dict[str, int]]]:
    """:func:`process_record` over a chunk: the unit of work sent to a process or a Dask worker."""
    return [process_record(rec, options) for rec in chunk]
