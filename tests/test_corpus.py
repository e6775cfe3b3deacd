"""Reading corpora, building output records, and the ordered bounded process pool."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsnorm.pipeline
from newsnorm.corpus import (
    InputError,
    Record,
    RunOptions,
    chunk_records,
    expand_inputs,
    format_of,
    iter_records,
    process_chunk,
    process_record,
    record_from_json_line,
)
from newsnorm.document import Config, Document
from newsnorm.parallel import ordered_map


def _square(x: int) -> int:
    return x * x


def _write_jsonl(path: Path, rows: list[object]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


# --------------------------------------------------------------------------- formats and paths


def test_format_of_by_suffix_and_override() -> None:
    assert format_of("a/b.jsonl") == "jsonl"
    assert format_of("B.NDJSON.GZ") == "jsonl"
    assert format_of("notes.txt") == "text"
    assert format_of("data.jsonl", "text") == "text"


def test_expand_inputs_walks_folders_sorted_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ["b.txt", "a.txt", "sub/c.jsonl", "README.md", "image.png"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = expand_inputs([str(tmp_path)])
    assert [Path(p).relative_to(tmp_path).as_posix() for p in found] == [
        "a.txt",
        "b.txt",
        "sub/c.jsonl",
    ]


def test_expand_inputs_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        expand_inputs([str(tmp_path / "missing.jsonl")])


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_expand_inputs_unreadable_file(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text("x", encoding="utf-8")
    f.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        expand_inputs([str(f)])


# --------------------------------------------------------------------------- records


def test_text_file_is_one_record_with_its_path_as_id(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Line one.\nLine two.\n", encoding="utf-8")
    [rec] = list(iter_records([str(f)]))
    assert rec == Record(str(f), text="Line one.\nLine two.\n", size=20)


def test_lines_format_gives_one_record_per_line(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"one\r\ntwo\n\xffbad\n")
    recs = list(iter_records([str(f)], fmt="lines"))
    assert [r.text for r in recs] == ["one", "two", None]
    assert recs[2].error is not None and "UTF-8" in recs[2].error
    assert recs[2].line == "\ufffdbad"
    assert [r.id for r in recs] == [f"{f}:1", f"{f}:2", f"{f}:3"]


def test_jsonl_and_gzip_give_the_same_records(tmp_path: Path) -> None:
    rows = [{"id": "x", "text": "Hello."}, {"body": "No id here.", "id": 2}]
    plain = tmp_path / "c.jsonl"
    _write_jsonl(plain, rows)
    gz = tmp_path / "c.jsonl.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    a = list(iter_records([str(plain)], field="body"))
    b = list(iter_records([str(gz)], field="body"))
    assert [(r.id, r.text, r.error) for r in a] == [(r.id, r.text, r.error) for r in b]
    assert a[0].error == "missing field 'body'"
    assert a[1].text == "No id here."


def test_custom_id_field_and_fallback_id(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    _write_jsonl(f, [{"key": "k1", "text": "A."}, {"text": "B."}])
    ids = [r.id for r in iter_records([str(f)], id_field="key")]
    assert ids == ["k1", f"{f}:2"]


def test_blank_jsonl_lines_are_not_records(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text('{"text": "A."}\n\n   \n{"text": "B."}\n', encoding="utf-8")
    recs = list(iter_records([str(f)]))
    assert [r.text for r in recs] == ["A.", "B."]
    assert recs[1].id == f"{f}:4"  # ids count physical lines, so they point at the input


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        (b"{not json", "invalid JSON"),
        (b"[1, 2]", "not a JSON object but list"),
        (b'{"id": 1}', "missing field 'text'"),
        (b'{"text": null}', "field 'text' is NoneType, not a string"),
        (b'{"text": ["a"]}', "field 'text' is list, not a string"),
        (b'{"text": "caf\xe9"}', "not UTF-8"),
    ],
)
def test_bad_json_lines_become_error_records(raw: bytes, error: str) -> None:
    rec = record_from_json_line(raw + b"\n", "f:9")
    assert rec.text is None
    assert rec.error is not None and rec.error.startswith(error)
    assert rec.line is not None and rec.line.rstrip("\ufffd") == raw.decode("utf-8", "replace")


@given(st.binary(max_size=200))
def test_any_bytes_line_gives_text_or_error_never_an_exception(raw: bytes) -> None:
    rec = record_from_json_line(raw, "f:1")
    assert (rec.text is None) != (rec.error is None)
    if rec.error is not None:
        assert rec.line is not None  # the original line travels with the error


@given(st.dictionaries(st.sampled_from(["id", "text", "x"]), st.from_type(type(None)) | st.text()))
def test_json_objects_give_their_text_or_a_reason(obj: dict[str, object]) -> None:
    rec = record_from_json_line(json.dumps(obj).encode(), "f:1")
    if isinstance(obj.get("text"), str):
        assert rec.text == obj["text"] and rec.error is None
    else:
        assert rec.text is None and rec.error is not None
    assert rec.id == obj.get("id", "f:1")


def test_stdin_jsonl_and_text_are_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'\n{"id": "s1", "text": "From stdin."}\n{"id": "s2", "text": "Two."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [(r.id, r.text) for r in iter_records(["-"])] == [
        ("s1", "From stdin."),
        ("s2", "Two."),
    ]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\nJust text {x}.\n")))
    assert [(r.id, r.text) for r in iter_records(["-"])] == [("-", "\nJust text {x}.\n")]


def test_broken_gzip_is_an_input_error(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl.gz"
    f.write_bytes(b"this is not gzip data")
    with pytest.raises(InputError, match="cannot read"):
        list(iter_records([str(f)]))


def test_records_are_read_lazily(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    _write_jsonl(f, [{"text": "A."}])
    it = iter_records([str(f), str(tmp_path / "missing.jsonl")])
    # The missing path is found before the first record: a typo costs nothing.
    with pytest.raises(InputError):
        next(it)


@given(st.lists(st.integers(min_value=0, max_value=5000), max_size=60), st.integers(1, 7))
def test_chunks_partition_the_records_in_order(sizes: list[int], max_records: int) -> None:
    recs = [Record(i, "x", size=s) for i, s in enumerate(sizes)]
    chunks = list(chunk_records(recs, max_records=max_records, max_bytes=4096))
    assert [r for c in chunks for r in c] == recs
    assert all(0 < len(c) <= max_records for c in chunks)
    # Only the last record of a chunk may push it past the byte budget.
    assert all(sum(r.size for r in c[:-1]) < 4096 for c in chunks)


def test_chunking_is_lazy_on_an_endless_stream() -> None:
    endless = (Record(i, "x", size=1) for i in itertools.count())
    first = next(chunk_records(endless, max_records=3))
    assert [r.id for r in first] == [0, 1, 2]


# --------------------------------------------------------------------------- output records


def test_process_record_full_document_validates() -> None:
    line, _ = process_record(Record("d1", text="Officials met on Tuesday."), RunOptions())
    out = json.loads(line)
    assert sorted(out) == ["document", "id"]
    doc = Document.model_validate(out["document"])
    assert doc.original == "Officials met on Tuesday."
    assert line == json.dumps(out, ensure_ascii=False, sort_keys=True)


@pytest.mark.parametrize("only", ["text", "numbers", "dates", "names"])
def test_only_keeps_one_part(only: str) -> None:
    rec = Record(5, text="On 6 July 2021, 20,000 troops left.")
    line, _ = process_record(rec, RunOptions(only=only))  # type: ignore[arg-type]
    out = json.loads(line)
    assert sorted(out) == sorted(["id", only])
    assert isinstance(out[only], str if only == "text" else list)


def test_effective_config_keeps_user_choices() -> None:
    opts = RunOptions(only="dates", config=Config(day_first=False))
    cfg = opts.effective_config()
    assert (cfg.numbers, cfg.dates, cfg.names, cfg.day_first) == (False, True, False, False)
    assert RunOptions().effective_config() == Config()


def test_lone_surrogates_still_give_utf8_json() -> None:
    line, _ = process_record(Record("s", text="a\ud800b"), RunOptions())
    line.encode("utf-8")  # must not raise
    assert json.loads(line)["document"]["original"] == "a\ufffdb"


def test_a_crash_in_the_library_becomes_an_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(newsnorm.pipeline, "process", boom)
    line, stats = process_record(Record("b", text="Some text."), RunOptions())
    assert json.loads(line) == {
        "id": "b",
        "error": "processing failed: RuntimeError: kaput",
        "line": "Some text.",
    }
    assert stats == {"failed": 1}


def test_process_chunk_is_process_record_in_order() -> None:
    recs = [Record(i, text=f"Text number {i}.") for i in range(5)]
    opts = RunOptions(only="text")
    assert process_chunk(recs, opts) == [process_record(r, opts) for r in recs]


# --------------------------------------------------------------------------- the process pool


@settings(max_examples=30)
@given(st.lists(st.integers(-1000, 1000), max_size=50))
def test_ordered_map_in_process_is_map(xs: list[int]) -> None:
    assert list(ordered_map(_square, xs, jobs=1)) == [x * x for x in xs]


def test_ordered_map_on_two_processes_keeps_order() -> None:
    xs = list(range(200))
    assert list(ordered_map(_square, xs, jobs=2, window=4)) == [x * x for x in xs]


def test_ordered_map_reads_a_bounded_window_ahead() -> None:
    consumed = 0

    def endless() -> Iterator[int]:
        nonlocal consumed
        for i in itertools.count():
            consumed = i + 1
            yield i

    results = ordered_map(_square, endless(), jobs=2, window=5)
    assert [next(results) for _ in range(3)] == [0, 1, 4]
    # An unbounded reader (Pool.imap) would never return from an endless input at all.
    assert consumed <= 3 + 5
    del results
