"""Throughput: per stage (MB/s, docs/s), time vs input size, ``--jobs 1`` vs ``--jobs 2``, peers.

Run ``python -m benchmarks.bench_throughput [--quick]`` from the repository root. Figures are the
median of several runs; on a shared machine they are noisy, so read them as orders of magnitude.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import newsnorm
from newsnorm.cli import main as cli_main
from newsnorm.dates import extract_dates
from newsnorm.names import extract_names
from newsnorm.numbers import extract_numbers

_ROOT = Path(__file__).resolve().parents[1]  # the repository
SRC_ROOT = str(_ROOT / "src")  # the folder holding this tree's newsnorm/
SHARED = _ROOT.parent / "shared"
TEHRAN = SHARED / "corpora" / "tehran-times-en" / "tehran_times.jsonl"
SEEDS = _ROOT / "src" / "newsnorm" / "seeds"

# Targets from issue 6 (benchmarks, not tests).
TARGET_PROCESS_MB_S = 2.0
TARGET_CLEAN_MB_S = 10.0
TARGET_JOBS2_SPEEDUP = 1.7


def mb(texts: Iterable[str]) -> float:
    """Size of *texts* in MB (10^6 bytes of UTF-8), the unit every figure here uses."""
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6


def seed_texts() -> list[str]:
    """The bundled seed article(s)."""
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def tehran_texts(limit_mb: float) -> list[str]:
    """The first *limit_mb* MB of the English news corpus (empty if it is absent)."""
    return tehran_spread(1, limit_mb)


def wmt_mt_lines(limit: int) -> list[str]:
    """MT output lines into English from ``wmt-general-toen`` (system outputs, not references)."""
    root = SHARED / "corpora" / "wmt-general-toen"
    out: list[str] = []
    for path in sorted(root.glob("wmt*/*/hyp.*.en")):
        out += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if len(out) >= limit:
            break
    return out[:limit]


def opusmt_lines() -> list[str]:
    """OPUS-MT output from Dari and Pashto into English (the MT artifacts newsnorm targets)."""
    root = SHARED / "corpora" / "opusmt-ntrex-toen-sample"
    out: list[str] = []
    for path in sorted(root.glob("*.en")):
        out += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return out


def other_corpora(quick: bool, repeats: int) -> dict[str, Any]:
    """cleanup and process() MB/s on the seed and the MT corpora (line per document)."""
    corpora = {
        "tehran-times-en, every 8th article": tehran_spread(8, 0.5 if quick else 5.0),
        "seed": seed_texts() * (10 if quick else 100),
        "wmt-general-toen MT": wmt_mt_lines(300 if quick else 10000),
        "opusmt Dari/Pashto MT": opusmt_lines(),
    }
    out: dict[str, Any] = {}
    for name, texts in corpora.items():
        if not texts:
            out[name] = {"skipped": "corpus absent"}
            continue
        out[name] = {
            "cleanup": measure(newsnorm.clean, texts, repeats),
            "process": measure(newsnorm.process, texts, repeats),
        }
    return out


def tehran_spread(stride: int, limit_mb: float) -> list[str]:
    """Every *stride*-th article of the whole English news corpus, up to *limit_mb* MB.

    The corpus' first megabytes are long articles (18 KB on average); the whole of it averages
    3.5 KB, and short articles cost more per byte (a fixed cost per document in every stage,
    and more cleanup edits per KB; see docs/benchmarks.md). This sample has the whole corpus'
    mix of lengths.
    """
    if not TEHRAN.is_file():
        return []
    out: list[str] = []
    total = 0
    with TEHRAN.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % stride:
                continue
            text = json.loads(line).get("text")
            if isinstance(text, str) and text.strip():
                out.append(text)
                total += len(text.encode("utf-8"))
                if total >= limit_mb * 1e6:
                    break
    return out


def whole_corpus() -> dict[str, Any]:
    """cleanup and ``process()`` over the whole English news corpus, once each, in order.

    The figure the issue's targets are about: every article once, memos filling as they would
    on a stream of new articles (no repeated passes over the same texts).
    """
    texts = tehran_spread(1, 1e6)
    if not texts:
        return {"skipped": "corpus absent"}
    return {"docs": len(texts), **first_passes(texts, ("clean", "process"))}


def default_texts(quick: bool) -> tuple[str, list[str]]:
    """The English news corpus when present (0.25 MB quick, 5 MB full), else the seed."""
    texts = tehran_texts(0.25 if quick else 5.0)
    return ("tehran-times-en", texts) if texts else ("seed", seed_texts())


def stages() -> dict[str, tuple[Callable[[str], object], bool]]:
    """Stage name → (function, runs on cleaned text). Extractors see what process() gives them."""
    return {
        "cleanup": (newsnorm.clean, False),
        "numbers": (extract_numbers, True),
        "dates": (extract_dates, True),
        "names": (extract_names, True),
        "process": (newsnorm.process, False),
    }


def time_once(func: Callable[[str], object], texts: list[str]) -> float:
    start = time.perf_counter()
    for t in texts:
        func(t)
    return time.perf_counter() - start


def measure(func: Callable[[str], object], texts: list[str], repeats: int) -> dict[str, float]:
    """Median seconds over *repeats* runs and the MB/s and docs/s it gives."""
    times = [time_once(func, texts) for _ in range(repeats)]
    median = statistics.median(times)
    size = mb(texts)
    return {
        "seconds": round(median, 4),
        "mb_per_s": round(size / median, 3) if median else float("inf"),
        "docs_per_s": round(len(texts) / median, 1) if median else float("inf"),
        "mb": round(size, 3),
        "docs": len(texts),
        "runs": repeats,
    }


def python_speed() -> float:
    """Millions of iterations per second of a plain Python loop, best of three, right now.

    The machine these figures come from is a shared VM whose speed swings by 2-3x from minute to
    minute; this number, taken with the stage figures, says how fast the machine was.
    """
    return round(max(loop_speed(2_000_000) for _ in range(3)), 1)


def loop_speed(loops: int) -> float:
    """Millions of iterations per second of one run of a plain Python loop of *loops* steps."""
    start = time.perf_counter()
    total = 0
    for i in range(loops):
        total += i
    return loops / 1e6 / (time.perf_counter() - start)


def stage_throughput(texts: list[str], repeats: int) -> dict[str, dict[str, Any]]:
    """Every stage on *texts*; extractors run on the cleaned texts, as inside ``process()``."""
    cleaned = [newsnorm.clean(t) for t in texts]
    out: dict[str, dict[str, Any]] = {}
    for name, (func, on_clean) in stages().items():
        try:
            out[name] = measure(func, cleaned if on_clean else texts, repeats)
        except Exception as exc:  # a stage under construction must not sink the whole suite
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


_FIRST_PASS = """
import json, sys
import newsnorm
sys.path.insert(0, sys.argv[4])  # the repository root, for timed_pass
from benchmarks.bench_throughput import timed_pass
data = json.load(open(sys.argv[1], encoding="utf-8"))
func = getattr(newsnorm, sys.argv[2])
for t in data["warm"]:
    func(t)
print(json.dumps(timed_pass(func, data["texts"], int(sys.argv[3]))))
"""
# Documents per timed chunk of a first pass, and the loop that probes the host between chunks
# (about 0.05 s, outside the timed chunks; memos are untouched by it).
_FIRST_PASS_CHUNK = 100
_PROBE_LOOPS = 1_000_000
# A chunk counts as "host at full speed" when the probes before and after it both read at least
# this share of the best probe of the run.
_STEADY_SHARE = 0.9


def steady_figures(
    sizes: list[float], rows: list[tuple[int, float, float, float]], share: float = _STEADY_SHARE
) -> dict[str, Any]:
    """Throughput over the chunks of a first pass during which the host ran at full speed.

    *sizes* are the documents' MB; each row of *rows* is ``(first document, seconds, probe
    before, probe after)``, chunks in order. The host this suite grew up on is a shared VM whose
    speed halves for minutes at a time without any sign in the guest (no steal time): a loop
    probe between chunks tells those minutes apart, and the figure over the other chunks is what
    the code does on the machine at full speed. Both figures are reported, never this one alone.

    >>> steady_figures([1.0] * 4, [(0, 1.0, 20, 20), (2, 2.0, 20, 10)], share=0.9)
    {'mb': 2.0, 'seconds': 1.0, 'mb_per_s': 2.0, 'share_of_mb': 0.5, 'probe_best': 20}
    """
    best = max((max(r[2], r[3]) for r in rows), default=0.0)
    starts = [r[0] for r in rows] + [len(sizes)]
    steady_mb = steady_s = 0.0
    for (first, seconds, before, after), end in zip(rows, starts[1:], strict=True):
        if min(before, after) >= share * best:
            steady_mb += sum(sizes[first:end])
            steady_s += seconds
    total = sum(sizes)
    return {
        "mb": round(steady_mb, 3),
        "seconds": round(steady_s, 4),
        "mb_per_s": round(steady_mb / steady_s, 3) if steady_s else None,
        "share_of_mb": round(steady_mb / total, 3) if total else 0.0,
        "probe_best": best,
    }


def timed_pass(func: Callable[[str], object], texts: list[str], chunk: int) -> list[list[float]]:
    """One pass of *func* over *texts* in chunks of *chunk* documents, each chunk timed, with the
    loop probe before and after it (outside the timed part): rows ``[first document, seconds,
    probe before, probe after]``, as :func:`steady_figures` reads them."""
    rows: list[list[float]] = []
    before = round(loop_speed(_PROBE_LOOPS), 2)
    for k in range(0, len(texts), chunk):
        start = time.perf_counter()
        for t in texts[k : k + chunk]:
            func(t)
        seconds = time.perf_counter() - start
        after = round(loop_speed(_PROBE_LOOPS), 2)
        rows.append([k, seconds, before, after])
        before = after
    return rows


def pass_figures(sizes: list[float], rows: list[list[float]]) -> dict[str, Any]:
    """The figures of one :func:`timed_pass` (*sizes*: each document's MB): over all chunks,
    and with the host at full speed."""
    seconds = sum(r[1] for r in rows)
    size = sum(sizes)
    return {
        "seconds": round(seconds, 4),
        "mb": round(size, 3),
        "mb_per_s": round(size / seconds, 3),
        "host_at_full_speed": steady_figures(sizes, [(int(r[0]), r[1], r[2], r[3]) for r in rows]),
    }


def write_texts(folder: Path, texts: list[str]) -> Path:
    """*texts* and the seed to warm up on, as one JSON file in *folder* (``{"warm": [...],
    "texts": [...]}``), for a benchmark that runs them in another interpreter."""
    path = folder / "texts.json"
    path.write_text(json.dumps({"warm": seed_texts(), "texts": texts}), encoding="utf-8")
    return path


def first_pass(texts: list[str], stage: str = "process") -> dict[str, Any]:
    """*stage* (``process`` or ``clean``) over *texts* once, in a fresh interpreter warmed up on
    the bundled seed.

    The median figures above run the same texts again and again, so from the second run on
    every memo (names seen, windows judged, gazetteer answers) is full. Here the memos start
    empty and fill only with what earlier documents put there: what a stream of new articles
    gets.
    """
    return first_passes(texts, (stage,))[stage]


def first_passes(texts: list[str], stages: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """:func:`first_pass` for each of *stages*, each in its own fresh interpreter; the texts
    are written for them once."""
    import subprocess

    sizes = [mb([t]) for t in texts]
    out: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = write_texts(Path(tmp), texts)
        for stage in stages:
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    _FIRST_PASS,
                    str(path),
                    stage,
                    str(_FIRST_PASS_CHUNK),
                    str(_ROOT),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            out[stage] = pass_figures(sizes, json.loads(done.stdout.strip().splitlines()[-1]))
    return out


def scaling(texts: list[str], base_kb: int, repeats: int) -> dict[str, Any]:
    """Time of one document of 1×, 4× and 16× *base_kb* KB: linear cost means ratio ≈ size ratio.

    One long document, not more documents: per-document work is linear in their number anyway;
    a quadratic step (or a backtracking regex) only shows inside a long text.
    """
    base = ""
    for t in texts:
        if len(base) >= base_kb * 1000:
            break
        base += t + "\n\n"
    base = base[: base_kb * 1000]
    out: dict[str, Any] = {"base_kb": base_kb, "sizes": [1, 4, 16]}
    for name, func in (("cleanup", newsnorm.clean), ("process", newsnorm.process)):
        secs = [measure(func, [base * k], repeats)["seconds"] for k in (1, 4, 16)]
        out[name] = {
            "seconds": secs,
            # 1.0 = perfectly linear; clearly above 1 = superlinear.
            "linearity_16x": round(secs[2] / (16 * secs[0]), 2) if secs[0] else None,
        }
    return out


def _write_jsonl(path: Path, texts: list[str], target_mb: float) -> tuple[int, int]:
    """About *target_mb* MB of JSONL from *texts* (repeated as needed); (bytes, records)."""
    size = n = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target_mb * 1e6 and texts:
            line = json.dumps({"id": n, "text": texts[n % len(texts)]}) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return size, n


def _cli_seconds(src: Path, out: Path, jobs: int, *extra: str) -> float:
    start = time.perf_counter()
    cli_main(["process", str(src), "-o", str(out), "-q", "--jobs", str(jobs), *extra])
    return time.perf_counter() - start


_BURN = "s = 0\nfor i in range(8_000_000):\n    s += i"


def machine_parallelism() -> float:
    """How many CPU-bound processes this machine runs at once right now (2.0 = two free cores).

    One pure-Python loop alone, then two at the same time, as separate interpreters: the
    ceiling for any ``--jobs 2`` speedup measured in the same minute, whatever newsnorm does.
    """
    import subprocess

    def wall(n: int) -> float:
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", _BURN]) for _ in range(n)]
        for p in procs:
            p.wait()
        return time.perf_counter() - start

    one, two = wall(1), wall(2)
    return round(2 * one / two, 2) if two else 0.0


def jobs_speedup(texts: list[str], target_mb: float) -> dict[str, Any]:
    """``newsnorm process --jobs 1`` vs ``--jobs 2`` on a JSONL of about *target_mb* MB.

    Starting workers costs a fixed time (a fresh interpreter importing newsnorm and compiling
    its patterns). The two-record run before each measured run warms this process for
    ``--jobs 1``; for ``--jobs 2`` every run starts new workers, so the two-record run's time
    (one record per worker) is that start-up, and subtracting it gives the steady-state speedup.
    """
    with tempfile.TemporaryDirectory() as tmp:
        src, tiny = Path(tmp) / "in.jsonl", Path(tmp) / "tiny.jsonl"
        size, records = _write_jsonl(src, texts, target_mb)
        # Two one-record chunks: both workers start (they are spawned on demand) and warm up.
        pair = [json.dumps({"id": i, "text": t[:2000]}) + "\n" for i, t in enumerate(texts * 2)]
        tiny.write_text("".join(pair[:2]), encoding="utf-8")
        outs, secs, start = [], [], []
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}.jsonl"
            start.append(_cli_seconds(tiny, out, jobs, "--chunk-size", "1"))
            secs.append(_cli_seconds(src, out, jobs))
            outs.append(out.read_bytes())
    steady2 = max(secs[1] - start[1], 1e-9)
    return {
        "machine_parallelism": machine_parallelism(),
        "mb": round(size / 1e6, 2),
        "records": records,
        "seconds_jobs1": round(secs[0], 2),
        "seconds_jobs2": round(secs[1], 2),
        "speedup": round(secs[0] / secs[1], 2) if secs[1] else None,
        "worker_startup_seconds": round(start[1], 2),
        "speedup_without_startup": round(secs[0] / steady2, 2),
        "identical_output": outs[0] == outs[1],
        # Differences mean nondeterminism, or (on a shared checkout) code edited between runs:
        # workers import the code on disk when they start, this process imported it earlier.
        "differing_records": sum(
            a != b for a, b in zip(outs[0].splitlines(), outs[1].splitlines(), strict=False)
        ),
        "cpus": os.cpu_count(),
    }


def _peer_funcs() -> dict[str, tuple[str, Callable[[str], object]]]:
    """Installed peers: name → (newsnorm stage it is compared with, function)."""
    peers: dict[str, tuple[str, Callable[[str], object]]] = {}
    try:
        import ftfy

        peers["ftfy.fix_text"] = ("cleanup", ftfy.fix_text)
    except ImportError:
        pass
    try:
        from dateparser.search import search_dates  # type: ignore[import-not-found,import-untyped,unused-ignore]

        peers["dateparser.search_dates"] = ("dates", lambda t: search_dates(t, languages=["en"]))
    except ImportError:
        pass
    try:
        from quantulum3 import parser as qparser  # type: ignore[import-not-found,import-untyped,unused-ignore]

        peers["quantulum3.parse"] = ("numbers", qparser.parse)
    except ImportError:
        pass
    return peers


def peers(texts: list[str], ours: dict[str, dict[str, Any]], repeats: int) -> dict[str, Any]:
    """Installed peers on the same texts in the same run; ratio > 1 means newsnorm is faster."""
    out: dict[str, Any] = {}
    for name, (stage, func) in _peer_funcs().items():
        try:
            theirs = measure(func, texts, repeats)
        except Exception as exc:
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        mine = ours.get(stage, {})
        ratio = None
        if mine.get("seconds"):
            ratio = round(theirs["seconds"] / mine["seconds"], 2)
        out[name] = {"stage": stage, **theirs, "newsnorm_speed_ratio": ratio}
    missing = {"dateparser", "quantulum3"} - {n.split(".")[0] for n in out}
    if missing:
        out["not_installed"] = sorted(missing)
    return out


def run(quick: bool = False, corpus: list[str] | None = None) -> dict[str, object]:
    """All throughput figures; *corpus* (a list of texts) replaces the default English news."""
    name, texts = ("given", corpus) if corpus else default_texts(quick)
    if not texts:
        return {"skipped": "no text to measure"}
    repeats = 3 if quick else 5
    speed_before = python_speed()
    per_stage = stage_throughput(texts, repeats)
    result: dict[str, object] = {
        "corpus": name,
        "python_loop_m_per_s": [speed_before, python_speed()],
        "stages": per_stage,
        "process_first_pass": first_pass(texts),
        "scaling": scaling(texts, 16 if quick else 256, 1 if quick else 3),
        "jobs": jobs_speedup(texts, 0.5 if quick else 8.0),
        "peers": peers(texts, per_stage, repeats),
        "other_corpora": {} if corpus else other_corpora(quick, repeats),
        "whole_corpus": {} if corpus or quick else whole_corpus(),
        "targets": {
            "process_mb_per_s": TARGET_PROCESS_MB_S,
            "cleanup_mb_per_s": TARGET_CLEAN_MB_S,
            "jobs2_speedup": TARGET_JOBS2_SPEEDUP,
        },
    }
    return result


def steady_line(figures: dict[str, Any]) -> str:
    """The host-at-full-speed part of a first pass (see :func:`steady_figures`), in words."""
    steady = figures.get("host_at_full_speed") or {}
    if not steady.get("mb_per_s"):
        return "host at full speed: no chunk"
    return (
        f"{steady['mb_per_s']:.2f} MB/s with the host at full speed "
        f"({steady['share_of_mb']:.0%} of the MB: chunks whose loop probes before and after "
        f"read >= {_STEADY_SHARE:.0%} of the best, {steady['probe_best']} M it/s)"
    )


def report(result: dict[str, Any]) -> str:
    """A readable text report of :func:`run`'s result."""
    if "skipped" in result:
        return f"throughput: skipped ({result['skipped']})"
    lines = [f"Throughput on {result['corpus']} (median of runs; measured under load)"]
    if "python_loop_m_per_s" in result:
        before, after = result["python_loop_m_per_s"]
        lines.append(
            f"  machine speed: a plain Python loop ran {before} / {after} M iterations/s "
            "before / after the stages (the figures scale with it)"
        )
    for stage, r in result["stages"].items():
        if "error" in r:
            lines.append(f"  {stage:<8} error: {r['error']}")
        else:
            lines.append(f"  {stage:<8} {r['mb_per_s']:>8.2f} MB/s {r['docs_per_s']:>9.1f} docs/s")
    if "process_first_pass" in result:
        fp = result["process_first_pass"]
        lines.append(
            f"  process  {fp['mb_per_s']:>8.2f} MB/s on a first pass over {fp['mb']} MB "
            "(fresh interpreter: memos empty)"
        )
        lines.append(f"    {steady_line(fp)}")
    sc = result["scaling"]
    for stage in ("cleanup", "process"):
        s = sc[stage]
        lines.append(
            f"  scaling {stage} {sc['base_kb']} KB ×1/×4/×16: "
            f"{' / '.join(f'{x:.3f}s' for x in s['seconds'])} (linearity {s['linearity_16x']})"
        )
    j = result["jobs"]
    lines.append(
        f"  CLI --jobs 1: {j['seconds_jobs1']}s, --jobs 2: {j['seconds_jobs2']}s on {j['mb']} MB "
        f"→ speedup {j['speedup']}, {j['speedup_without_startup']} without worker start-up "
        f"({j['worker_startup_seconds']}s); identical output: {j['identical_output']}; "
        f"two plain CPU loops ran {j['machine_parallelism']}× as fast as one at that time"
    )
    for cname, c in result.get("other_corpora", {}).items():
        if "skipped" in c:
            lines.append(f"  {cname}: skipped ({c['skipped']})")
        else:
            lines.append(
                f"  {cname}: cleanup {c['cleanup']['mb_per_s']:.2f} MB/s, "
                f"process {c['process']['mb_per_s']:.2f} MB/s ({c['process']['docs']} docs)"
            )
    whole = result.get("whole_corpus") or {}
    if "skipped" in whole:
        lines.append(f"  whole corpus: skipped ({whole['skipped']})")
    elif whole:
        lines.append(
            f"  whole corpus, one pass ({whole['docs']} docs, {whole['process']['mb']} MB): "
            f"cleanup {whole['clean']['mb_per_s']:.2f} MB/s, "
            f"process {whole['process']['mb_per_s']:.2f} MB/s"
        )
        for stage in ("clean", "process"):
            lines.append(f"    {stage}: {steady_line(whole[stage])}")
    for name, p in result["peers"].items():
        if name == "not_installed":
            lines.append(f"  peers not installed: {', '.join(p)}")
        elif "error" in p:
            lines.append(f"  {name}: error {p['error']}")
        else:
            lines.append(
                f"  {name}: {p['mb_per_s']:.2f} MB/s; newsnorm {p['stage']} is "
                f"{p['newsnorm_speed_ratio']}× its speed"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run(quick="--quick" in sys.argv[1:])))
