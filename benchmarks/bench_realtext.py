"""Real text: what the cleanup changes in MT output and in human reference translations.

Runs the cleanup (the code path of ``newsnorm.clean()``, keeping its edits and flags) over
``shared/corpora/wmt-general-toen`` (WMT system outputs and human references into English, grouped
into documents) and ``shared/corpora/opusmt-ntrex-toen-sample`` (OPUS-MT from Dari and Pashto), and
counts edits and flags per fixer, separately for MT output and human references, plus a third
column of English news written by people (the first documents of ``tehran-times-en``). A human
reference is correct English, so every change to one is a false positive to look at; the report
prints a sample of each kind with its context.

    python -m benchmarks.bench_realtext          # full run, prints the table and samples
    python -m benchmarks.bench_realtext --quick  # first 200 lines of each file
"""

from __future__ import annotations

import csv
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from newsnorm.cleanup.runner import run_cleanup

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
WMT = SHARED / "corpora" / "wmt-general-toen"
OPUS = SHARED / "corpora" / "opusmt-ntrex-toen-sample"
NEWS = SHARED / "corpora" / "tehran-times-en" / "tehran_times.jsonl"
NEWS_DOCS = {True: 300, False: 3000}  # English-language news written by people, a third column
QUICK_LINES = 200
BLOCK = 10  # lines per document where the corpus has no document ids
SAMPLES_PER_KIND = 6


def _read_lines(path: Path, limit: int | None) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines[:limit] if limit else lines


def _doc_ids(pair: Path, n: int) -> list[str]:
    meta = pair / "meta.tsv"
    if not meta.exists():
        return [str(i // BLOCK) for i in range(n)]
    with meta.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    ids = [r["doc_id"] for r in rows[:n]]
    return ids + [f"tail{i // BLOCK}" for i in range(len(ids), n)]


def _documents(lines: list[str], ids: list[str]) -> Iterator[str]:
    """Consecutive lines of one document joined by newlines, as an article would be."""
    cur: list[str] = []
    cur_id: str | None = None
    for line, doc in zip(lines, ids, strict=False):
        if cur and doc != cur_id:
            yield "\n".join(cur)
            cur = []
        cur.append(line)
        cur_id = doc
    if cur:
        yield "\n".join(cur)


def corpus_documents(quick: bool = False) -> dict[str, list[tuple[str, str]]]:
    """``{"mt": [(source_name, document), …], "ref": […], "news": […]}`` from the shared corpora."""
    limit = QUICK_LINES if quick else None
    out: dict[str, list[tuple[str, str]]] = {"mt": [], "ref": [], "news": []}
    if NEWS.exists():
        with NEWS.open(encoding="utf-8") as fh:
            for _, line in zip(range(NEWS_DOCS[quick]), fh, strict=False):
                out["news"].append(("tehran-times", json.loads(line)["text"]))
    for pair in sorted(p for p in WMT.glob("wmt*/*") if p.is_dir()):
        for path in sorted(pair.glob("*.en")):
            side = "ref" if path.name.startswith("ref.") else "mt"
            lines = _read_lines(path, limit)
            name = f"{pair.parent.name}/{pair.name}/{path.name}"
            for doc in _documents(lines, _doc_ids(pair, len(lines))):
                out[side].append((name, doc))
    for path in sorted(OPUS.glob("*.en")):
        lines = _read_lines(path, limit)
        ids = [str(i // BLOCK) for i in range(len(lines))]
        for doc in _documents(lines, ids):
            out["mt"].append((f"opusmt/{path.name}", doc))
    return out


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    return (
        text[max(0, start - width) : start] + "⟦" + text[start:end] + "⟧" + text[end : end + width]
    )


def _kinds(kind: str) -> list[str]:
    return kind.split("+")


def analyse(docs: list[tuple[str, str]], seed: int = 0) -> dict[str, object]:
    """Edit and flag counts per kind over *docs*, with a reproducible sample of each kind."""
    edits: Counter[str] = Counter()
    flags: Counter[str] = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    seen: Counter[str] = Counter()
    rng = random.Random(seed)
    chars = 0
    changed_docs = 0
    t0 = time.perf_counter()
    for name, doc in docs:
        chars += len(doc)
        res = run_cleanup(doc)
        if res.edits:
            changed_docs += 1
        for e in res.edits:
            for k in _kinds(e.kind):
                edits[k] += 1
                _reservoir(samples, seen, rng, f"edit:{k}", _edit_sample(name, doc, e))
        for f in res.flags:
            flags[f.kind] += 1
            line = f"{name}: {_context(res.text, f.start, f.end)!r} — {f.message}"
            _reservoir(samples, seen, rng, f"flag:{f.kind}", line)
    seconds = time.perf_counter() - t0
    return {
        "documents": len(docs),
        "chars": chars,
        "changed_documents": changed_docs,
        "edits": dict(sorted(edits.items())),
        "flags": dict(sorted(flags.items())),
        "seconds": round(seconds, 3),
        "samples": {k: v for k, v in sorted(samples.items())},
    }


def _edit_sample(name: str, doc: str, e: object) -> str:
    from newsnorm.model import Edit

    assert isinstance(e, Edit)
    before = _context(doc, e.start, e.end)
    return f"{name}: {before!r} → {e.replacement!r} ({e.note})"


def _reservoir(
    samples: dict[str, list[str]], seen: Counter[str], rng: random.Random, key: str, item: str
) -> None:
    seen[key] += 1
    bucket = samples[key]
    if len(bucket) < SAMPLES_PER_KIND:
        bucket.append(item)
    else:
        j = rng.randrange(seen[key])
        if j < SAMPLES_PER_KIND:
            bucket[j] = item


def fixer_speed(docs: list[str]) -> dict[str, float]:
    """MB/s of each fixer's ``find`` run alone on *docs* (raw text), best of two runs."""
    from newsnorm.cleanup.registry import FIXERS

    mb = sum(len(d) for d in docs) / 1e6
    out: dict[str, float] = {}
    for fixer in FIXERS:
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            for d in docs:
                fixer.find(d)
            best = min(best, time.perf_counter() - t0)
        out[fixer.name] = round(mb / best, 1) if best > 0 else 0.0
    return out


def run(quick: bool = False, corpus: list[str] | None = None) -> dict[str, object]:
    """Counts per fixer kind for MT output and human references (or for *corpus*, as "given")."""
    if corpus is not None:
        return {"given": analyse([("given", t) for t in corpus])}
    if not WMT.exists() or not OPUS.exists():
        return {"skipped": f"shared corpora not found under {SHARED}"}
    docs = corpus_documents(quick)
    return {
        "quick": quick,
        "mt": analyse(docs["mt"]),
        "ref": analyse(docs["ref"]),
        "news": analyse(docs["news"]),
        "fixer_mb_per_s_on_news": fixer_speed([d for _, d in docs["news"]]),
    }


def _table(result: dict[str, object]) -> str:
    sides = [s for s in ("mt", "ref", "news", "given") if s in result]
    kinds: set[str] = set()
    for s in sides:
        r = result[s]
        assert isinstance(r, dict)
        kinds |= {f"edit:{k}" for k in r["edits"]} | {f"flag:{k}" for k in r["flags"]}
    rows = ["| kind | " + " | ".join(sides) + " |", "|---|" + "---:|" * len(sides)]
    for k in sorted(kinds):
        what, name = k.split(":", 1)
        cells = []
        for s in sides:
            r = result[s]
            assert isinstance(r, dict)
            cells.append(str(r["edits" if what == "edit" else "flags"].get(name, 0)))
        rows.append(f"| {k} | " + " | ".join(cells) + " |")
    for label in ("documents", "chars", "changed_documents", "seconds"):
        cells = []
        for s in sides:
            r = result[s]
            assert isinstance(r, dict)
            cells.append(str(r[label]))
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str]) -> None:
    result = run(quick="--quick" in argv)
    if "skipped" in result:
        print("skipped:", result["skipped"])
        return
    print(_table(result))
    speed = result.get("fixer_mb_per_s_on_news")
    if isinstance(speed, dict):
        print("\nMB/s of each fixer alone on the news column (measured under load):")
        for name, mbs in speed.items():
            print(f"  {name:22} {mbs:8.1f}")
    for side in ("mt", "ref", "news"):
        r = result[side]
        assert isinstance(r, dict)
        print(f"\n## samples: {side}")
        for key, items in r["samples"].items():
            print(f"\n### {key}")
            for item in items:
                print("  -", item)


if __name__ == "__main__":
    main(sys.argv[1:])
