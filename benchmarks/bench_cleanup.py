"""Cleanup speed: ``newsnorm.clean()`` against ``ftfy.fix_text``, per fixer, and time vs size.

Figures (issue 2, "Speed"):

- ``corpus``: MB/s of ``clean()`` and ``ftfy.fix_text`` on the same documents (5 MB of Tehran
  Times news, one call per document), with one ``regex`` ``\\p{L}+`` pass as a yardstick;
- ``seed_10mb``: the same on the seed article repeated to 10 MB, as one string;
- ``per_fixer``: milliseconds and MB/s of each fixer's ``find`` on the corpus, run in registry
  order on the previous fixer's output (as ``run_cleanup`` does);
- ``scaling``: seconds for 1x, 4x and 16x of a single line (16x = 10 MB) and of
  ``Afghan-Afghan-…`` (16x = 1 MB); linear cost means a flat seconds-per-MB column.

Timings are the best of a few repeats; on a shared machine they are noisy, so read them as
"measured under load". Run: ``python -m benchmarks.bench_cleanup`` (``--quick``: < 30 s).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TEHRAN = SHARED / "corpora" / "tehran-times-en" / "tehran_times.jsonl"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_851fa976d064ad2b.txt"
MB = 1_000_000


def load_tehran(limit_chars: int) -> list[str]:
    """The first documents of the Tehran Times corpus, ``limit_chars`` characters in all."""
    texts: list[str] = []
    total = 0
    with TEHRAN.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text")
            if not isinstance(text, str) or not text:
                continue
            texts.append(text)
            total += len(text)
            if total >= limit_chars:
                break
    return texts


def seed_text() -> str:
    """The seed article (the bundled copy if the repository copy is missing)."""
    if SEED.exists():
        return SEED.read_text(encoding="utf-8")
    from importlib.resources import files

    return (files("newsnorm") / "seeds" / SEED.name).read_text(encoding="utf-8")


def best_time(func: Callable[[str], object], texts: Iterable[str], repeats: int) -> float:
    """Best wall time (s) of calling *func* on every text, over *repeats* runs."""
    items = list(texts)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for t in items:
            func(t)
        best = min(best, time.perf_counter() - start)
    return best


def _size_mb(texts: Iterable[str]) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / MB


def compare(texts: list[str], repeats: int) -> dict[str, Any]:
    """``clean()`` vs ``ftfy.fix_text`` vs one ``regex`` pass on the same texts."""
    import ftfy
    import regex

    import newsnorm

    letters = regex.compile(r"\p{L}+")
    mb = _size_mb(texts)
    t_clean = best_time(newsnorm.clean, texts, repeats)
    t_ftfy = best_time(ftfy.fix_text, texts, repeats)
    t_regex = best_time(letters.findall, texts, repeats)
    return {
        "documents": len(texts),
        "mb": round(mb, 2),
        "clean_mb_s": round(mb / t_clean, 2),
        "ftfy_mb_s": round(mb / t_ftfy, 2),
        "regex_letters_mb_s": round(mb / t_regex, 2),
        "clean_vs_ftfy": round(t_ftfy / t_clean, 2),
        "clean_seconds": round(t_clean, 3),
        "ftfy_seconds": round(t_ftfy, 3),
    }


def per_fixer(texts: list[str]) -> dict[str, dict[str, float]]:
    """Time of each fixer's ``find`` (and the edits it made) over *texts*, in registry order."""
    from newsnorm.cleanup.registry import FIXERS
    from newsnorm.edits import apply_edits

    mb = _size_mb(texts)
    spent = {f.name: 0.0 for f in FIXERS}
    edits = {f.name: 0 for f in FIXERS}
    flags = {f.name: 0 for f in FIXERS}
    for text in texts:
        cur = text
        for fixer in FIXERS:
            start = time.perf_counter()
            fix = fixer.find(cur)
            spent[fixer.name] += time.perf_counter() - start
            edits[fixer.name] += len(fix.edits)
            flags[fixer.name] += len(fix.flags)
            if fix.edits:
                cur = apply_edits(cur, fix.edits)
    return {
        name: {
            "ms": round(spent[name] * 1000, 1),
            "mb_s": round(mb / spent[name], 1) if spent[name] else float("inf"),
            "edits": edits[name],
            "flags": flags[name],
        }
        for name in spent
    }


def scaling(unit: str, sizes: list[int]) -> list[dict[str, float]]:
    """Seconds of ``clean()`` on *unit* repeated to each size (one string, one call)."""
    import newsnorm

    rows = []
    for size in sizes:
        text = (unit * (size // len(unit) + 1))[:size]
        start = time.perf_counter()
        newsnorm.clean(text)
        secs = time.perf_counter() - start
        rows.append(
            {"chars": size, "seconds": round(secs, 3), "s_per_mb": round(secs / (size / MB), 3)}
        )
    return rows


def run(quick: bool = False, corpus: list[str] | None = None) -> dict[str, object]:
    """All figures as plain JSON-able values; ``quick`` shrinks every input (< 30 s)."""
    import ftfy

    import newsnorm

    out: dict[str, object] = {}
    repeats = 1 if quick else 3
    texts = corpus
    if texts is None and TEHRAN.exists():
        texts = load_tehran(1 * MB if quick else 5 * MB)
    if texts:
        out["corpus"] = compare(texts, repeats)
        out["per_fixer"] = per_fixer(texts)
    else:
        out["corpus"] = {"skipped": f"{TEHRAN} is absent and no corpus was given"}

    seed = seed_text()
    big = (seed * (((2 if quick else 10) * MB) // len(seed) + 1))[: (2 if quick else 10) * MB]
    out["seed_10mb"] = compare([big], 1)

    line_unit = seed.replace("\n", " ")
    top_line = (MB * 10) // (16 if quick else 1)
    top_afghan = MB // (4 if quick else 1)
    out["scaling"] = {
        "single_line": scaling(line_unit, [top_line // 16, top_line // 4, top_line]),
        "afghan_afghan": scaling("Afghan-", [top_afghan // 16, top_afghan // 4, top_afghan]),
    }
    out["versions"] = {"newsnorm": newsnorm.__version__, "ftfy": ftfy.__version__}
    out["note"] = "measured under load: 2 shared cores, timings are noisy"
    return out


def _print_report(res: dict[str, Any]) -> None:
    print("newsnorm cleanup speed (" + str(res.get("note")) + ")\n")
    for key, title in (("corpus", "Tehran Times corpus"), ("seed_10mb", "seed repeated")):
        c = res.get(key, {})
        if "skipped" in c:
            print(f"{title}: skipped ({c['skipped']})")
            continue
        print(
            f"{title}: {c['mb']} MB in {c['documents']} texts: clean() {c['clean_mb_s']} MB/s, "
            f"ftfy.fix_text {c['ftfy_mb_s']} MB/s (clean is {c['clean_vs_ftfy']}x ftfy's "
            f"speed), one regex \\p{{L}}+ pass {c['regex_letters_mb_s']} MB/s"
        )
    fixers = res.get("per_fixer")
    if fixers:
        print("\nper fixer on the corpus (registry order):")
        print(f"  {'fixer':22s} {'ms':>9s} {'MB/s':>9s} {'edits':>7s} {'flags':>7s}")
        for name, row in fixers.items():
            print(
                f"  {name:22s} {row['ms']:9.1f} {row['mb_s']:9.1f} {row['edits']:7d} "
                f"{row['flags']:7d}"
            )
    for name, rows in res.get("scaling", {}).items():
        print(f"\ntime vs size, {name} (linear = flat s/MB):")
        for row in rows:
            chars, secs, per_mb = row["chars"], row["seconds"], row["s_per_mb"]
            print(f"  {chars:>10,d} chars  {secs:8.3f} s  {per_mb:7.3f} s/MB")


if __name__ == "__main__":
    result = run(quick="--quick" in sys.argv[1:])
    _print_report(result)
    if "--json" in sys.argv[1:]:
        print(json.dumps(result, indent=1))
