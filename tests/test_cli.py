"""The ``newsnorm`` command, run in-process through ``main(argv)`` (and twice as a real process)."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsnorm.cli as cli
from newsnorm.cli import exit_status, main, show_document
from newsnorm.dates.model import DateMention
from newsnorm.document import Document
from newsnorm.model import Edit, Flag, Meta
from newsnorm.names.model import NameMention
from newsnorm.numbers.model import NumberMention

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("*.txt"))

# My own sentences, a few with the MT artifacts newsnorm cleans, a few plainly clean.
SENTENCES = [
    "The minister arrived in Kabul on Monday.",
    "The the talks ended without an agreement.",
    "Prices rose by ۲٫۵ percent in the capital ، officials said.",
    "Trade between the two countries reached 3 billion dollars in 2020.",
    "They will.",
    "Farmers in Herat said the rains came late this year.",
    "A spokesman for the ministry did not comment\u00a0 on the report.",
    "Protesters gathered outside parliament on 14 March.",
]


def _rows(n: int) -> list[dict[str, Any]]:
    return [{"id": f"r{i:03d}", "text": SENTENCES[i % len(SENTENCES)]} for i in range(n)]


def _write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _run(*argv: str) -> int:
    return main([str(a) for a in argv])


# --------------------------------------------------------------------------- process: inputs


def test_jsonl_in_document_out(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _rows(5))
    out = tmp_path / "out.jsonl"
    assert _run("process", src, "-o", out, "-q") == 0
    records = _read(out)
    assert [r["id"] for r in records] == [f"r{i:03d}" for i in range(5)]
    for row, rec in zip(_rows(5), records, strict=True):
        doc = Document.model_validate(rec["document"])
        assert doc.original == row["text"]


def test_every_input_kind_in_one_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "b.txt").write_text(SENTENCES[1], encoding="utf-8")
    (folder / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    plain = _write_jsonl(tmp_path / "p.jsonl", _rows(2))
    gz = tmp_path / "g.jsonl.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    single = tmp_path / "single.txt"
    single.write_text(SENTENCES[2], encoding="utf-8")
    stdin = b'{"id": "from-stdin", "text": "Read from a pipe."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    out = tmp_path / "out.jsonl"
    assert _run("process", single, folder, plain, gz, "-", "-o", out, "-q") == 0
    assert [(r["id"], r["document"]["original"]) for r in _read(out)] == [
        (str(single), SENTENCES[2]),
        (str(folder / "a.txt"), SENTENCES[0]),
        (str(folder / "b.txt"), SENTENCES[1]),
        ("r000", SENTENCES[0]),
        ("r001", SENTENCES[1]),
        ("r000", SENTENCES[0]),
        ("r001", SENTENCES[1]),
        ("from-stdin", "Read from a pipe."),
    ]


def test_field_and_id_field_options(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [{"key": "k9", "body": SENTENCES[5]}])
    out = tmp_path / "out.jsonl"
    assert _run("process", src, "--field", "body", "--id-field", "key", "-o", out, "-q") == 0
    [rec] = _read(out)
    assert rec["id"] == "k9"
    assert rec["document"]["original"] == SENTENCES[5]


def test_lines_format(tmp_path: Path) -> None:
    src = tmp_path / "mt.en"
    src.write_text("\n".join(SENTENCES[:3]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert _run("process", src, "--format", "lines", "-o", out, "-q") == 0
    assert [r["document"]["original"] for r in _read(out)] == SENTENCES[:3]


def test_output_to_stdout_and_gzip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _rows(3))
    assert _run("process", src, "-q") == 0
    to_stdout = capsys.readouterr().out
    gz = tmp_path / "out.jsonl.gz"
    assert _run("process", src, "-q", "-o", gz) == 0
    assert gzip.decompress(gz.read_bytes()).decode("utf-8") == to_stdout
    assert len(to_stdout.splitlines()) == 3


# --------------------------------------------------------------------------- process: jobs, order


def test_jobs_1_and_2_are_byte_identical_and_keep_order(tmp_path: Path) -> None:
    rows: list[Any] = _rows(30)
    rows[10] = {"id": "bad-type", "text": 42}
    rows[23] = {"id": "no-text"}
    src = _write_jsonl(tmp_path / "in.jsonl", rows)
    with src.open("a", encoding="utf-8") as fh:
        fh.write("this line is not JSON\n")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    s1 = _run("process", src, "-o", one, "-q", "--jobs", "1", "--chunk-size", "4")
    s2 = _run("process", src, "-o", two, "-q", "--jobs", "2", "--chunk-size", "4")
    assert s1 == s2 == 3
    assert one.read_bytes() == two.read_bytes()
    ids = [r["id"] for r in _read(one)]
    assert ids[:10] == [f"r{i:03d}" for i in range(10)]
    assert ids[10] == "bad-type" and ids[23] == "no-text"
    assert len(ids) == 31


def test_jobs_with_another_thread_running_start_workers_from_the_forkserver(
    tmp_path: Path,
) -> None:
    # A progress bar's thread is running in interactive use: fork is off then, and the output
    # must be the same bytes as with --jobs 1 (the pytest process itself runs one thread).
    import multiprocessing
    import threading

    from newsnorm import parallel

    methods = multiprocessing.get_all_start_methods()
    clean_start = "forkserver" if "forkserver" in methods else "spawn"

    src = _write_jsonl(tmp_path / "in.jsonl", _rows(12))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert _run("process", src, "-o", one, "-q", "--jobs", "1", "--chunk-size", "3") == 0
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert parallel._context().get_start_method() == clean_start
        assert _run("process", src, "-o", two, "-q", "--jobs", "2", "--chunk-size", "3") == 0
    finally:
        stop.set()
        other.join()
    assert one.read_bytes() == two.read_bytes()
    if sys.platform == "linux":  # one thread again: workers fork from this (warm) process
        assert parallel._context().get_start_method() == "fork"


# --------------------------------------------------------------------------- process: bad input


def test_huge_one_line_record_and_blank_lines_finish(tmp_path: Path) -> None:
    # No timing assertion: the pytest timeout is the limit; speed lives in benchmarks/.
    big = ("The the envoy said ، " * 25_000)[:500_000]
    src = tmp_path / "in.jsonl"
    src.write_text("\n" * 300_000 + json.dumps({"id": "big", "text": big}) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert _run("process", src, "--only", "text", "-o", out, "-q") == 0
    [rec] = _read(out)
    assert rec["id"] == "big" and len(rec["text"]) > 0


def test_bad_records_are_kept_with_error_and_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "ok", "text": SENTENCES[0]}),
        "{broken",
        json.dumps({"id": "missing"}),
        json.dumps({"id": "number", "text": 3.5}),
        json.dumps(["a", "list"]),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert _run("process", src, "-o", out, "-q") == 4
    records = _read(out)
    assert "document" in records[0] and "error" not in records[0]
    for original, rec in zip(lines[1:], records[1:], strict=True):
        assert sorted(rec) == ["error", "id", "line"]
        assert rec["line"] == original
    assert records[1]["id"] == f"{src}:2"


def test_exit_status_is_capped(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("not json\n" * 130, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert _run("process", src, "-o", out, "-q") == 125
    assert len(_read(out)) == 130
    assert [exit_status(n) for n in (0, 1, 124, 125, 126, 10**6)] == [0, 1, 124, 125, 125, 125]


def test_unreadable_path_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _rows(1))
    out = tmp_path / "out.jsonl"
    assert _run("process", src, tmp_path / "nope.jsonl", "-o", out) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.jsonl" in err
    assert not out.exists()  # nothing half-written when an input is missing


def test_invalid_config_and_reference_date_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _rows(1))
    bad = tmp_path / "bad.json"
    bad.write_text('{"fixers": {"no_such_fixer": false}}', encoding="utf-8")
    assert _run("process", src, "--config", bad, "-q") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no_such_fixer" in err
    bad.write_text("{not json", encoding="utf-8")
    assert _run("process", src, "--config", bad, "-q") == 2
    assert "invalid config" in capsys.readouterr().err
    assert _run("process", src, "--config", tmp_path / "absent.json", "-q") == 2
    assert "cannot read config" in capsys.readouterr().err
    assert _run("process", src, "--reference-date", "6/7/2021", "-q") == 2
    assert "--reference-date" in capsys.readouterr().err
    assert _run("process", src, "--jobs", "0", "-q") == 2


def test_valid_config_and_reference_date_are_used(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "The talks resume tomorrow."}])
    cfg = tmp_path / "cfg.json"
    cfg.write_text('{"numbers": false, "dates": false, "names": false}', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    status = _run(
        "process", src, "--config", cfg, "--reference-date", "2021-07-06", "-o", out, "-q"
    )
    assert status == 0
    doc = _read(out)[0]["document"]
    assert doc["numbers"] == doc["dates"] == doc["names"] == []


@pytest.mark.parametrize("only", ["text", "numbers", "dates", "names"])
def test_only(tmp_path: Path, only: str) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _rows(3))
    out = tmp_path / "out.jsonl"
    assert _run("process", src, "--only", only, "-o", out, "-q") == 0
    for rec in _read(out):
        assert sorted(rec) == sorted(["id", only])


# --------------------------------------------------------------------------- summary and progress


def test_summary_on_stderr_unless_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [*_rows(3), {"id": "x"}])
    out = tmp_path / "out.jsonl"
    assert _run("process", src, "-o", out) == 1
    err = capsys.readouterr().err
    assert "records" in err and "failed" in err and "MB/s" in err
    assert "\x1b[" not in err  # not a terminal: no escape codes, no progress bar
    assert _run("process", src, "-o", out, "--quiet") == 1
    assert capsys.readouterr().err == ""


def test_progress_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _rows(3))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert _run("process", src, "-o", tmp_path / "out.jsonl") == 0


# --------------------------------------------------------------------------- demo, schema, clean


def test_demo_prints_the_cleaned_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("demo") == 0
    out = capsys.readouterr().out
    for heading in ("Cleaned article", "Edits", "Flags", "Byline", "Numbers", "Dates", "Names"):
        assert heading in out
    assert "Tajik" in out
    assert SEED.name in out.splitlines()[0]
    assert "\x1b[" not in out


def test_show_document_prints_every_part_literally() -> None:
    doc = Document(
        original="the the [bold]news[/bold] of 5 July",
        text="the [bold]news[/bold] of 5 July",
        edits=[Edit(start=0, end=8, replacement="the ", kind="doubled_words", note="why")],
        flags=[Flag(start=4, end=10, kind="fragment", message="a message")],
        numbers=[NumberMention(start=27, end=28, text="5", value=5)],
        dates=[DateMention(start=27, end=33, text="5 July", timex="XXXX-07-05")],
        names=[NameMention(start=4, end=8, text="[bol", canonical="Bold", key="k1")],
        meta=Meta(author="A. Writer", views=12),
    )
    buf = io.StringIO()
    show_document(doc, buf)
    out = buf.getvalue()
    for part in ("[bold]news[/bold]", "doubled_words", "fragment", "a message", "XXXX-07-05"):
        assert part in out
    assert "A. Writer" in out and "canonical=Bold" in out and "value=5" in out


def test_schema_is_the_document_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("schema") == 0
    assert json.loads(capsys.readouterr().out) == Document.model_json_schema()


def test_clean_file_and_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsnorm

    f = tmp_path / "a.txt"
    f.write_text(SENTENCES[1], encoding="utf-8")
    assert _run("clean", f) == 0
    assert capsys.readouterr().out == newsnorm.clean(SENTENCES[1])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SENTENCES[2].encode())))
    assert _run("clean") == 0
    assert capsys.readouterr().out == newsnorm.clean(SENTENCES[2])
    assert _run("clean", tmp_path / "missing.txt") == 2


def test_bench_outside_a_checkout_says_how(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "_find_benchmarks", lambda: None)
    assert _run("bench", "--quick") == 2
    err = capsys.readouterr().err
    assert "python -m benchmarks" in err and err.count("\n") == 1


def test_bench_finds_the_suite_in_this_checkout() -> None:
    assert cli._find_benchmarks() == ROOT


def test_bench_passes_its_options_to_the_suite(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr(cli, "_cmd_bench", lambda argv: seen.append(argv) or 0)
    assert _run("bench", "--corpus", "a.jsonl", "b/", "--out", "o", "--quick", "--no-memory") == 0
    assert seen == [["--corpus", "a.jsonl", "b/", "--out", "o", "--quick", "--no-memory"]]


def test_no_command_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2


# --------------------------------------------------------------------------- properties


_odd_text = st.text(
    alphabet=st.characters(codec=None, exclude_categories=()),  # any code point, surrogates too
    max_size=40,
)


@settings(max_examples=40)
@given(st.lists(st.one_of(_odd_text, st.sampled_from(SENTENCES)), max_size=8))
def test_random_corpora_give_one_valid_record_per_input(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        # ensure_ascii (the default) escapes surrogates, so any str round-trips through JSONL.
        src.write_text(
            "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
        )
        out = Path(tmp) / "out.jsonl"
        assert _run("process", src, "-o", out, "-q") == 0
        records = _read(out)
    assert [r["id"] for r in records] == list(range(len(texts)))
    for rec in records:
        Document.model_validate(rec["document"])


# --------------------------------------------------------------------------- the console script


def _console_script() -> list[str]:
    exe = shutil.which("newsnorm")
    return [exe] if exe else [sys.executable, "-m", "newsnorm"]


def test_console_script_process_with_two_jobs(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", [*_rows(6), {"id": "bad"}])
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [*_console_script(), "process", str(src), "--jobs", "2", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "records" in proc.stderr
    assert len(_read(out)) == 7
    ref = tmp_path / "ref.jsonl"
    assert _run("process", src, "-o", ref, "-q") == 1
    assert out.read_bytes() == ref.read_bytes()


def test_console_script_demo_when_piped() -> None:
    proc = subprocess.run([*_console_script(), "demo"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Cleaned article" in proc.stdout and "\x1b[" not in proc.stdout
    assert SEED.read_text(encoding="utf-8").split()[0] in proc.stdout


# --------------------------------------------------------------------------- the benchmark suite


def test_suite_reports_missing_modules_and_renders(tmp_path: Path) -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks import suite

    assert suite._call("bench_does_not_exist", True, None) == {
        "not_available": "module not present"
    }
    results: dict[str, Any] = {
        "environment": {
            "quick": True,
            "corpus": "x",
            "python": "3.11",
            "machine": "m",
            "cpus": 2,
            "seconds": 1.0,
        },
        "throughput": {"result": {"skipped": "no text"}},
        "memory": {"not_available": "skipped with --no-memory"},
        "accuracy": {m: {"not_available": "module not present"} for m in suite.ACCURACY_MODULES},
    }
    md = suite.report_md(results, [])
    assert md.startswith("# newsnorm benchmark report")
    assert md.count("Not available: module not present") == len(suite.ACCURACY_MODULES)
    assert "skipped with --no-memory" in md
    texts = suite.load_corpus([str(_write_jsonl(tmp_path / "c.jsonl", [*_rows(2), {"id": 9}]))])
    assert texts == [SENTENCES[0], SENTENCES[1]]


def test_console_script_stops_quietly_when_the_reader_goes_away(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _rows(4000))
    proc = subprocess.Popen(
        [*_console_script(), "process", str(src), "--only", "text"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert json.loads(first)["id"] == "r000"
    assert "Traceback" not in err and "Broken pipe" not in err
