"""The benchmark suite: ``python -m benchmarks`` (or ``newsnorm bench``) from the repository root.

Sections: throughput per stage and peers side by side (``bench_throughput``), peak memory on a
large JSONL (``bench_memory``), and accuracy from each capability's own benchmark module
(``bench_cleanup``, ``bench_realtext``, ``bench_numbers``, ``bench_dates``, ``bench_names``) when
present. Writes ``report.md``, ``results.json`` and PNG charts to ``--out`` (``bench-out/``).

``--corpus PATH…`` measures your own corpora (text files, folders, JSONL or JSONL.gz with a
``text`` field, as ``newsnorm process`` reads them) instead of the default English news.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ACCURACY_MODULES = (
    "bench_cleanup",
    "bench_realtext",
    "bench_numbers",
    "bench_dates",
    "bench_names",
)


def load_corpus(paths: Sequence[str], field: str = "text") -> list[str]:
    """The texts of *paths*, read as ``newsnorm process`` reads them (bad records skipped)."""
    from newsnorm.corpus import iter_records

    return [r.text for r in iter_records(list(paths), field=field) if r.text is not None]


def _call(module: str, quick: bool, corpus: list[str] | None) -> dict[str, Any]:
    """``benchmarks.<module>.run()``, or why it is not available; never raises."""
    try:
        mod = importlib.import_module(f"benchmarks.{module}")
    except ModuleNotFoundError as exc:
        if exc.name == f"benchmarks.{module}":
            return {"not_available": "module not present"}
        return {"not_available": f"import failed: {exc}"}
    except Exception as exc:
        return {"not_available": f"import failed: {type(exc).__name__}: {exc}"}
    run = getattr(mod, "run", None)
    if not callable(run):
        return {"not_available": "module has no run()"}
    start = time.perf_counter()
    try:
        result = run(quick=quick, corpus=corpus)
    except Exception as exc:
        tb = traceback.format_exc(limit=3)
        return {"not_available": f"run() failed: {type(exc).__name__}: {exc}", "traceback": tb}
    if not isinstance(result, dict):
        return {"not_available": f"run() returned {type(result).__name__}, not a dict"}
    return {"seconds": round(time.perf_counter() - start, 1), "result": result}


def _charts(results: dict[str, Any], out: Path) -> list[str]:
    """PNG charts of throughput per stage, time vs size and peers; their file names."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    made: list[str] = []
    tp = results.get("throughput", {}).get("result", {})
    stages = {k: v for k, v in tp.get("stages", {}).items() if "mb_per_s" in v}
    if stages:
        fig, ax = plt.subplots(figsize=(6, 3.5))
        ax.bar(list(stages), [v["mb_per_s"] for v in stages.values()], color="#4477aa")
        ax.set_ylabel("MB/s (one core)")
        ax.set_title(f"Throughput per stage on {tp.get('corpus')}")
        fig.tight_layout()
        fig.savefig(out / "throughput.png", dpi=110)
        plt.close(fig)
        made.append("throughput.png")
    sc = tp.get("scaling")
    if sc:
        fig, ax = plt.subplots(figsize=(6, 3.5))
        sizes = [k * sc["base_kb"] for k in sc["sizes"]]
        for stage in ("cleanup", "process"):
            ax.plot(sizes, sc[stage]["seconds"], marker="o", label=stage)
        ax.set_xlabel("document size (KB)")
        ax.set_ylabel("seconds")
        ax.set_title("Time vs input size (linear is a straight line)")
        ax.legend()
        fig.tight_layout()
        fig.savefig(out / "scaling.png", dpi=110)
        plt.close(fig)
        made.append("scaling.png")
    peers = {
        k: v for k, v in tp.get("peers", {}).items() if isinstance(v, dict) and "mb_per_s" in v
    }
    if peers:
        labels, speeds = [], []
        for name, p in peers.items():
            mine = stages.get(p["stage"], {}).get("mb_per_s")
            if mine is None:
                continue
            labels += [f"newsnorm {p['stage']}", name]
            speeds += [mine, p["mb_per_s"]]
        if labels:
            fig, ax = plt.subplots(figsize=(6, 3.5))
            colors = ["#4477aa", "#ee6677"] * (len(labels) // 2)
            ax.bar(labels, speeds, color=colors)
            ax.set_ylabel("MB/s")
            ax.set_title("Peers side by side (same texts, same run)")
            fig.tight_layout()
            fig.savefig(out / "peers.png", dpi=110)
            plt.close(fig)
            made.append("peers.png")
    return made


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def _flat(d: dict[str, Any], prefix: str = "", depth: int = 0) -> list[tuple[str, Any]]:
    """Nested figures as ``a.b.c → value`` rows (lists summarized), for the accuracy tables."""
    rows: list[tuple[str, Any]] = []
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict) and depth < 3:
            rows += _flat(v, key + ".", depth + 1)
        elif isinstance(v, list):
            rows.append((key, f"[{len(v)} items]"))
        else:
            rows.append((key, v))
    return rows


def report_md(results: dict[str, Any], charts: list[str]) -> str:
    """The Markdown report of a suite run."""
    env = results["environment"]
    lines = [
        "# newsnorm benchmark report",
        "",
        f"- mode: {'quick' if env['quick'] else 'full'}; corpus: {env['corpus']}",
        f"- Python {env['python']} on {env['machine']}, {env['cpus']} CPUs; "
        f"total suite time {env['seconds']} s",
        "- Timings on a shared machine are noisy: compare figures from the same run.",
        "",
        "## Throughput per stage (median of runs, one core)",
        "",
    ]
    tp = results.get("throughput", {})
    r = tp.get("result", {})
    if "stages" in r:
        targets = r.get("targets", {})
        lines += ["| stage | MB/s | docs/s | target |", "|---|---:|---:|---|"]
        want = {
            "process": targets.get("process_mb_per_s"),
            "cleanup": targets.get("cleanup_mb_per_s"),
        }
        for stage, s in r["stages"].items():
            if "error" in s:
                lines.append(f"| {stage} | error: {s['error']} | | |")
                continue
            target = want.get(stage)
            verdict = ""
            if target:
                verdict = f"≥ {target} MB/s: {'met' if s['mb_per_s'] >= target else 'NOT met'}"
            lines.append(f"| {stage} | {s['mb_per_s']:.2f} | {s['docs_per_s']:.1f} | {verdict} |")
        sc = r["scaling"]
        lines += [
            "",
            f"## Time vs input size (one document of {sc['base_kb']} KB × 1, 4, 16)",
            "",
            "| stage | ×1 s | ×4 s | ×16 s | t(16×)/(16·t(1×)) |",
            "|---|---:|---:|---:|---:|",
        ]
        for stage in ("cleanup", "process"):
            s = sc[stage]
            secs = " | ".join(f"{x:.3f}" for x in s["seconds"])
            lines.append(f"| {stage} | {secs} | {s['linearity_16x']} |")
        others = r.get("other_corpora") or {}
        if others:
            lines += [
                "",
                "## Other corpora (one line or article per document)",
                "",
                "| corpus | docs | MB | cleanup MB/s | process() MB/s |",
                "|---|---:|---:|---:|---:|",
            ]
            for cname, c in others.items():
                if "skipped" in c:
                    lines.append(f"| {cname} | skipped: {c['skipped']} | | | |")
                    continue
                cl, pr = c["cleanup"], c["process"]
                lines.append(
                    f"| {cname} | {pr['docs']:,} | {pr['mb']} | {cl['mb_per_s']:.2f} "
                    f"| {pr['mb_per_s']:.2f} |"
                )
        j = r["jobs"]
        target = targets.get("jobs2_speedup")
        lines += [
            "",
            "## `newsnorm process --jobs 1` vs `--jobs 2`",
            "",
            f"{j['mb']} MB, {j['records']:,} records: "
            f"{j['seconds_jobs1']} s vs {j['seconds_jobs2']} s → "
            f"speedup **{j['speedup']}×** (target ≥ {target}×; {j['cpus']} CPUs); "
            f"without the fixed start-up of the workers ({j['worker_startup_seconds']} s, "
            f"measured on a two-record input): "
            f"**{j['speedup_without_startup']}×**. Byte-identical output: "
            f"{j['identical_output']} ({j['differing_records']} records differ). "
            f"Ceiling at that time: two plain CPU loops in separate processes ran "
            f"{j.get('machine_parallelism')}× as fast as one (2.0 = two free cores).",
            "",
            "## Peers side by side (same texts, same run)",
            "",
            "| peer | compared with | peer MB/s | newsnorm is … × the peer's speed |",
            "|---|---|---:|---:|",
        ]
        for name, p in r["peers"].items():
            if name == "not_installed":
                continue
            if "error" in p:
                lines.append(f"| {name} | | error: {p['error']} | |")
            else:
                ratio = p["newsnorm_speed_ratio"]
                lines.append(f"| {name} | {p['stage']} | {p['mb_per_s']:.2f} | {ratio} |")
        if r["peers"].get("not_installed"):
            missing = ", ".join(r["peers"]["not_installed"])
            lines.append(f"\nNot installed (extra `[bench]`): {missing}.")
    else:
        lines.append(f"Not available: {tp.get('not_available') or r.get('skipped')}")

    lines += ["", "## Peak memory", ""]
    mem = results.get("memory", {})
    m = mem.get("result", {})
    if "jobs1" in m:
        lines += [
            f"`newsnorm process` on a generated {m['input']['mb']} MB JSONL "
            f"({m['input']['records']:,} records); target < {m['target_mb']} MB.",
            "",
            "| jobs | peak PSS, tree (MB) | same, first half of run | peak RSS sum (MB) "
            "| largest process (MB) | seconds | MB/s | exit |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for jobs in (1, 2):
            x = m[f"jobs{jobs}"]
            lines.append(
                f"| {jobs} | {x['peak_tree_pss_mb']} | {x['peak_tree_pss_first_half_mb']} "
                f"| {x['peak_tree_rss_mb']} | {x['peak_process_mb']} | {x['seconds']} "
                f"| {x['mb_per_s']} | {x['status']} |"
            )
    else:
        why = mem.get("not_available") or m.get("skipped") or "not run (--no-memory)"
        lines.append(f"Not available: {why}")

    lines += ["", "## Accuracy and real text (each capability's own benchmark)", ""]
    for module in ACCURACY_MODULES:
        entry = results.get("accuracy", {}).get(module, {})
        lines.append(f"### {module}")
        lines.append("")
        if "not_available" in entry:
            lines.append(f"Not available: {entry['not_available']}")
        else:
            rows = _flat(entry.get("result", {}))
            lines += ["| figure | value |", "|---|---|"]
            lines += [f"| {k} | {_fmt(v)} |" for k, v in rows[:60]]
            if len(rows) > 60:
                lines.append(f"| … | {len(rows) - 60} more in results.json |")
        lines.append("")

    if charts:
        lines += ["## Charts", ""] + [f"![{c}]({c})" for c in charts]
    else:
        lines.append("Charts: not drawn (matplotlib is not installed; `pip install matplotlib`).")
    return "\n".join(lines) + "\n"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    p.add_argument("--corpus", nargs="+", metavar="PATH", help="your corpora (files, folders)")
    p.add_argument("--field", default="text", help="JSONL field holding the text (text)")
    p.add_argument("--out", default="bench-out", metavar="DIR", help="report folder (bench-out)")
    p.add_argument("--quick", action="store_true", help="smaller inputs (a few minutes)")
    p.add_argument("--no-memory", action="store_true", help="skip the peak-memory benchmark")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite; write the report; print where it is. Returns 0 (figures are not verdicts)."""
    args = _parser().parse_args(argv)
    corpus: list[str] | None = None
    if args.corpus:
        from newsnorm.corpus import InputError

        try:
            corpus = load_corpus(args.corpus, args.field)
        except InputError as exc:
            print(f"benchmarks: error: {exc}", file=sys.stderr)
            return 2
        if not corpus:
            print("benchmarks: error: no text found in --corpus", file=sys.stderr)
            return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: dict[str, Any] = {}

    print("throughput…", file=sys.stderr)
    results["throughput"] = _call("bench_throughput", args.quick, corpus)
    if args.no_memory:
        results["memory"] = {"not_available": "skipped with --no-memory"}
    else:
        print("memory…", file=sys.stderr)
        results["memory"] = _call("bench_memory", args.quick, None)
    results["accuracy"] = {}
    for module in ACCURACY_MODULES:
        print(f"{module}…", file=sys.stderr)
        results["accuracy"][module] = _call(module, args.quick, corpus)

    import os

    results["environment"] = {
        "quick": args.quick,
        "corpus": ", ".join(args.corpus) if args.corpus else "default (English news, seed)",
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "seconds": round(time.perf_counter() - started, 1),
    }
    (out / "results.json").write_text(
        json.dumps(results, indent=2, sort_keys=True, default=str), encoding="utf-8"
    )
    charts = _charts(results, out)
    (out / "report.md").write_text(report_md(results, charts), encoding="utf-8")
    print(f"report: {out / 'report.md'}")
    return 0
