"""The ``newsnorm`` command: ``demo``, ``schema``, ``clean``, ``process`` and ``bench``.

Exit status of ``newsnorm process``: 0 when every record was processed; else the number of
failed records, capped to 1..125 (a failed record is still written, with its ``error``); 2 as
well, with a one-line message on stderr and no output, when an input path cannot be read, the
config or reference date is invalid, or the command line is wrong; 141 when the reader of
stdout went away early (``| head``), as for a process killed by SIGPIPE.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import importlib
import importlib.resources
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

from newsnorm.corpus import (
    FORMATS,
    ONLY,
    InputError,
    Record,
    RunOptions,
    chunk_records,
    expand_inputs,
    iter_records,
    process_chunk,
)
from newsnorm.document import Config, Document

__all__ = ["exit_status", "main"]

EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a reader that stopped early
_MAX_STATUS = 125  # 126+ mean "not executable", "not found" and signals to a shell


class UsageError(Exception):
    """A problem with the command line or its inputs: one line on stderr, exit status 2."""


def exit_status(failed: int) -> int:
    """The exit status for a run with *failed* bad records.

    >>> exit_status(0), exit_status(3), exit_status(1000)
    (0, 3, 125)
    """
    return min(max(failed, 0), _MAX_STATUS)


# --------------------------------------------------------------------------- argument parsing


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsnorm",
        description="Clean machine-translated English news and extract numbers, dates and names.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("demo", help="process the bundled seed article and show what was done")
    sub.add_parser("schema", help="print the JSON schema of the output Document")

    c = sub.add_parser("clean", help="print the cleaned text of FILE (or stdin)")
    c.add_argument("file", nargs="?", default="-", metavar="FILE|-")

    pr = sub.add_parser(
        "process",
        help="process text files, folders, JSONL(.gz) or stdin into JSON Lines",
        description=(
            "One output line per input record, in input order: {'id', 'document'} (or the part "
            "chosen with --only); a bad record gives {'id', 'error', 'line'}. Exit status: the "
            "number of failed records (capped at 125), 2 for an unreadable path or bad option."
        ),
    )
    pr.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder, or - for stdin")
    pr.add_argument("-o", "--output", default="-", help="output JSONL (.gz to compress); - stdout")
    pr.add_argument("--field", default="text", help="JSONL field holding the text (text)")
    pr.add_argument("--id-field", default="id", help="JSONL field holding the id (id)")
    pr.add_argument(
        "--format", choices=FORMATS, default="auto", help="input format (auto: by suffix)"
    )
    pr.add_argument("--only", choices=ONLY, help="write only this part of each Document")
    pr.add_argument("--jobs", "-j", type=int, default=1, help="worker processes (1)")
    pr.add_argument("--reference-date", metavar="YYYY-MM-DD", help="resolve relative dates")
    pr.add_argument("--config", metavar="FILE.json", help="a newsnorm.Config as JSON")
    pr.add_argument("--dask", metavar="tcp://HOST:PORT", help="run on this Dask scheduler")
    pr.add_argument("--chunk-size", type=int, default=64, help="records per unit of work (64)")
    pr.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")

    b = sub.add_parser("bench", help="run the benchmark suite (from a source checkout)")
    b.add_argument("--corpus", nargs="+", metavar="PATH", help="your own corpora (files, folders)")
    b.add_argument("--out", metavar="DIR", help="report folder (bench-out/)")
    b.add_argument("--quick", action="store_true", help="smaller inputs")
    b.add_argument("--no-memory", action="store_true", help="skip the peak-memory benchmark")
    return p


def _reference_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--reference-date {value!r} is not a date like 2021-07-06") from None


def _config(path: str | None) -> Config:
    """The ``--config`` file as a :class:`Config`; any problem is one clear line."""
    if path is None:
        return Config()
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read config {path}: {exc}") from None
    try:
        return Config.model_validate_json(raw)
    except ValueError as exc:
        errors = getattr(exc, "errors", None)
        if callable(errors):
            parts = [
                f"{'.'.join(str(x) for x in e['loc']) or '(top)'}: {e['msg']}" for e in errors()
            ]
            detail = "; ".join(parts)
        else:
            detail = str(exc)
        raise UsageError(f"invalid config {path}: {detail}") from None


# --------------------------------------------------------------------------- demo / schema / clean


def _seed_text() -> tuple[str, str]:
    """The name and text of the seed article bundled in the package (package data)."""
    seeds = importlib.resources.files("newsnorm") / "seeds"
    names = sorted(p.name for p in seeds.iterdir() if p.name.endswith(".txt"))
    if not names:
        raise UsageError("the bundled seed article is missing from this installation")
    return names[0], (seeds / names[0]).read_text(encoding="utf-8")


def _console(file: IO[str]) -> Any:
    from rich.console import Console

    return Console(file=file, highlight=False, soft_wrap=False)


def _short(s: str, limit: int = 60) -> str:
    s = s.replace("\n", "⏎")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _mention_details(m: Any) -> str:
    skip = {"start", "end", "text"}
    parts = [f"{k}={v}" for k, v in m.model_dump(mode="json").items() if k not in skip and v]
    return ", ".join(parts)


def summary_line(doc: Document) -> str:
    """One line of counts for *doc*.

    >>> summary_line(Document(original="ab", text="ab"))
    '2 → 2 characters: 0 edits, 0 flags, 0 numbers, 0 dates, 0 names'
    """
    parts = [f"{len(getattr(doc, k))} {k}" for k in ("edits", "flags", "numbers", "dates", "names")]
    return f"{len(doc.original)} → {len(doc.text)} characters: {', '.join(parts)}"


def show_document(doc: Document, file: IO[str], title: str = "") -> None:
    """Print *doc* readably: the cleaned text, edits, flags, byline meta and mentions.

    Colors and rounded boxes on a terminal, plain ASCII tables otherwise (pipes, files).
    """
    from rich import box
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    con = _console(file)
    style = box.ROUNDED if con.is_terminal else box.ASCII

    def table(title: str, *columns: str) -> Table:
        t = Table(title=title, box=style, title_justify="left", show_lines=False)
        for col in columns:
            t.add_column(col, overflow="fold")
        return t

    if title:
        con.print(Text(f"{title}: {summary_line(doc)}"))
    con.print(Rule("Cleaned article"))
    con.print(Text(doc.text))
    con.print()

    edits = table(f"Edits ({len(doc.edits)})", "kind", "span", "original → replacement", "note")
    for e in doc.edits:
        change = f"{_short(doc.original[e.start : e.end])!r} → {_short(e.replacement)!r}"
        edits.add_row(Text(e.kind), f"{e.start}–{e.end}", Text(change), Text(e.note))
    con.print(edits if doc.edits else Text("Edits: none"))

    flags = table(f"Flags ({len(doc.flags)})", "kind", "span", "text", "message")
    for f in doc.flags:
        span_text = _short(doc.text[f.start : f.end])
        flags.add_row(Text(f.kind), f"{f.start}–{f.end}", Text(span_text), Text(f.message))
    con.print(flags if doc.flags else Text("Flags: none"))

    meta = table("Byline", "field", "value")
    for key, value in doc.meta.model_dump(mode="json").items():
        meta.add_row(key, Text("" if value is None else str(value)))
    con.print(meta)

    for name in ("numbers", "dates", "names"):
        mentions = getattr(doc, name)
        t = table(f"{name.capitalize()} ({len(mentions)})", "span", "text", "details")
        for m in mentions:
            t.add_row(f"{m.start}–{m.end}", Text(m.text), Text(_mention_details(m)))
        con.print(t if mentions else Text(f"{name.capitalize()}: none found"))


def _cmd_demo() -> int:
    from newsnorm.pipeline import process

    name, text = _seed_text()
    show_document(process(text), sys.stdout, title=f"newsnorm demo on the bundled seed {name}")
    return 0


def _cmd_schema() -> int:
    sys.stdout.write(json.dumps(Document.model_json_schema(), indent=2, sort_keys=True) + "\n")
    return 0


def _cmd_clean(path: str) -> int:
    from newsnorm.pipeline import clean

    expand_inputs([path])  # the same one-line error as `process` for a missing path
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    sys.stdout.write(clean(text))
    return 0


# --------------------------------------------------------------------------- process


class _Summary:
    """Running totals for the end-of-run table."""

    def __init__(self) -> None:
        self.records = 0
        self.bytes = 0
        self.counts: Counter[str] = Counter()
        self.started = time.perf_counter()

    def add(self, size: int, stats: dict[str, int]) -> None:
        self.records += 1
        self.bytes += size
        self.counts.update(stats)

    @property
    def failed(self) -> int:
        return self.counts.get("failed", 0)

    def render(self, file: IO[str]) -> None:
        from rich import box
        from rich.table import Table

        con = _console(file)
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        mb = self.bytes / 1e6
        t = Table(
            title="newsnorm process",
            box=box.ROUNDED if con.is_terminal else box.ASCII,
            title_justify="left",
        )
        t.add_column("what")
        t.add_column("count", justify="right")
        t.add_row("records", f"{self.records:,}")
        t.add_row("failed", f"{self.failed:,}")
        t.add_row("input MB", f"{mb:,.2f}")
        t.add_row("seconds", f"{elapsed:,.1f}")
        t.add_row("MB/s", f"{mb / elapsed:,.2f}")
        for key in sorted(k for k in self.counts if k != "failed"):
            kind, _, name = key.partition(":")
            label = {"edit": "edits", "flag": "flags", "mention": "mentions"}.get(kind, kind)
            t.add_row(f"{label}: {name}", f"{self.counts[key]:,}")
        con.print(t)


def _open_output(path: str) -> IO[str]:
    try:
        if path == "-":
            return sys.stdout
        if path.endswith(".gz"):
            return gzip.open(path, "wt", encoding="utf-8", newline="\n")
        return open(path, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None


def _known_total(paths: list[str]) -> int | None:
    """Input bytes when knowable up front (plain files only), for the progress bar's ETA."""
    if any(p == "-" or p.endswith(".gz") for p in paths):
        return None
    return sum(Path(p).stat().st_size for p in paths)


def _results(
    chunks: Iterator[list[Record]], options: RunOptions, jobs: int, dask: str | None
) -> Iterator[list[tuple[str, dict[str, int]]]]:
    work = functools.partial(process_chunk, options=options)
    if dask:
        from newsnorm.dask import map_on_cluster

        return map_on_cluster(dask, work, chunks)
    from newsnorm.parallel import ordered_map

    return ordered_map(work, chunks, jobs=jobs)


def _sized(chunks: Iterator[list[Record]], sizes: list[list[int]]) -> Iterator[list[Record]]:
    # The workers return lines, not records: remember each chunk's record sizes for the summary.
    for chunk in chunks:
        sizes.append([r.size for r in chunk])
        yield chunk


def _cmd_process(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.chunk_size < 1:
        raise UsageError("--chunk-size must be at least 1")
    options = RunOptions(
        only=args.only,
        reference_date=_reference_date(args.reference_date),
        config=_config(args.config),
    )
    try:
        paths = expand_inputs(args.inputs)
    except InputError as exc:
        raise UsageError(str(exc)) from None
    records = iter_records(paths, field=args.field, id_field=args.id_field, fmt=args.format)
    sizes: list[list[int]] = []
    chunks = _sized(chunk_records(records, max_records=args.chunk_size), sizes)
    summary = _Summary()
    show_progress = not args.quiet and sys.stderr.isatty()
    out = _open_output(args.output)
    try:
        with _progress(show_progress, _known_total(paths)) as advance:
            for n, results in enumerate(_results(chunks, options, args.jobs, args.dask)):
                chunk_sizes = sizes[n]
                sizes[n] = []  # free as we go: memory stays bounded however long the corpus
                out.write("".join(line + "\n" for line, _ in results))
                for size, (_, stats) in zip(chunk_sizes, results, strict=True):
                    summary.add(size, stats)
                advance(len(results), sum(chunk_sizes))
    except BrokenPipeError:
        raise  # the reader went away (`| head`): main() exits quietly
    except (InputError, OSError) as exc:  # unreadable input, full disk, unreachable scheduler
        raise UsageError(str(exc)) from None
    finally:
        if out is not sys.stdout:
            out.close()
    if not args.quiet:
        summary.render(sys.stderr)
    return exit_status(summary.failed)


class _progress:
    """A rich progress bar (records, MB/s, ETA) on stderr, or nothing at all."""

    def __init__(self, enabled: bool, total: int | None) -> None:
        self.enabled = enabled
        self.total = total
        self._bar: Any = None
        self._task: Any = None
        self._records = 0

    def __enter__(self) -> Any:
        if not self.enabled:
            return lambda records, size: None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self._bar = Progress(
            TextColumn("{task.fields[records]:,} records"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._bar.__enter__()
        self._task = self._bar.add_task("process", total=self.total, records=0)

        def advance(records: int, size: int) -> None:
            self._records += records
            self._bar.update(self._task, advance=size, records=self._records)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


# --------------------------------------------------------------------------- bench


def _find_benchmarks() -> Path | None:
    """The checkout holding ``benchmarks/suite.py``: the working folder, else the source tree."""
    import newsnorm

    candidates = [Path.cwd(), Path(newsnorm.__file__).resolve().parents[2]]
    for root in candidates:
        if (root / "benchmarks" / "suite.py").is_file():
            return root
    return None


def _bench_argv(args: argparse.Namespace) -> list[str]:
    """The ``python -m benchmarks`` command line equivalent to ``newsnorm bench`` *args*."""
    argv: list[str] = []
    if args.corpus:
        argv += ["--corpus", *args.corpus]
    if args.out:
        argv += ["--out", args.out]
    if args.quick:
        argv.append("--quick")
    if args.no_memory:
        argv.append("--no-memory")
    return argv


def _cmd_bench(rest: list[str]) -> int:
    root = _find_benchmarks()
    if root is None:
        raise UsageError(
            "the benchmark suite lives in the source repository, not in the installed package: "
            "clone it and run `python -m benchmarks` (or `newsnorm bench`) from the clone"
        )
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    suite = importlib.import_module("benchmarks.suite")
    status: int = suite.main(rest)
    return status


# --------------------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsnorm`` command with *argv* (default ``sys.argv[1:]``); return the status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "demo":
            return _cmd_demo()
        if args.command == "schema":
            return _cmd_schema()
        if args.command == "clean":
            return _cmd_clean(args.file)
        if args.command == "bench":
            return _cmd_bench(_bench_argv(args))
        return _cmd_process(args)
    except UsageError as exc:
        print(f"newsnorm: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except InputError as exc:
        print(f"newsnorm: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsnorm: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `newsnorm process … | head`: stop quietly, as a process killed by SIGPIPE would.
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout without a file descriptor (tests)
        pass


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
