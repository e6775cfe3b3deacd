"""Peak memory of ``newsnorm process`` on a 1 GB JSONL file (``--quick``: 50 MB), jobs 1 and 2.

The file is generated in a temporary folder from the English news corpus (or the bundled seed
when ``../shared`` is absent) and deleted afterwards. Memory is sampled from ``/proc`` every
0.1 s over the whole process tree (the CLI, the forkserver and the workers: PSS, which counts
shared pages once, and the RSS sum, which counts them once per process) and also read from
``getrusage(RUSAGE_CHILDREN)`` (the largest single process). Target: under 300 MB (PSS).

Run ``python -m benchmarks.bench_memory [--quick] [--mb=N] [--only-text] [--jobs=1,2]`` from the
repository root.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_throughput import seed_texts, tehran_texts

TARGET_MB = 300
FULL_MB = 1000
QUICK_MB = 50


def make_jsonl(path: Path, target_mb: float) -> dict[str, Any]:
    """Write about *target_mb* MB of JSONL (distinct ids, real texts repeated) to *path*."""
    texts = tehran_texts(20.0) or seed_texts()
    size = 0
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < target_mb * 1e6:
            line = json.dumps({"id": f"doc{n}", "text": texts[n % len(texts)]}) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return {"mb": round(size / 1e6, 1), "records": n}


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _mem_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of *pid* in KB. PSS splits pages shared with other processes among them."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                    break
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                    break
    except (OSError, ValueError):
        pass
    return rss, pss


def tree_memory_kb(pid: int) -> tuple[int, int, int]:
    """(RSS sum, PSS sum, largest RSS) of *pid* and all its descendants, in KB.

    Forked workers share pages with their parent: the RSS sum counts them twice, the PSS sum
    counts them once (the memory the tree really takes).
    """
    rss_sum = pss_sum = biggest = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        rss, pss = _mem_kb(p)
        rss_sum += rss
        pss_sum += pss
        biggest = max(biggest, rss)
        todo.extend(_children(p))
    return rss_sum, pss_sum, biggest


def peak_memory(argv: list[str]) -> dict[str, Any]:
    """Run *argv*, sampling its process tree every 0.1 s; peaks in MB.

    ``peak_*_first_half_mb`` is the peak over the first half of the run: equal to the overall
    peak when memory stays flat as the input grows (bounded), lower when it keeps growing.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[tuple[float, int, int, int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append((time.perf_counter() - start, *tree_memory_kb(proc.pid)))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    first = [s for s in samples if s[0] <= elapsed / 2] or samples

    def peak(rows: list[tuple[float, int, int, int]], col: int) -> float:
        return round(max((r[col] for r in rows), default=0) / 1024, 1)

    return {
        "status": proc.returncode,
        "seconds": round(elapsed, 1),
        "peak_tree_rss_mb": peak(samples, 1),
        "peak_tree_pss_mb": peak(samples, 2),
        "peak_process_mb": peak(samples, 3),
        "peak_tree_pss_first_half_mb": peak(first, 2),
        # ru_maxrss of children is a high-water mark over all children so far: only meaningful
        # when this run raised it.
        "rusage_children_max_mb": round(after / 1024, 1) if after > before else None,
        "stderr": err.decode("utf-8", "replace")[-500:] if proc.returncode else "",
    }


def measure(
    target_mb: float, extra: list[str] | None = None, jobs_list: tuple[int, ...] = (1, 2)
) -> dict[str, object]:
    """Peak memory of ``newsnorm process [extra]`` with 1 and 2 jobs on *target_mb* MB."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "big.jsonl"
        made = make_jsonl(src, target_mb)
        result: dict[str, object] = {"input": made, "target_mb": TARGET_MB, "options": extra or []}
        for jobs in jobs_list:
            argv = [sys.executable, "-m", "newsnorm", "process", str(src), "-q"]
            argv += ["-o", os.devnull, "--jobs", str(jobs), *(extra or [])]
            r = peak_memory(argv)
            r["mb_per_s"] = round(made["mb"] / r["seconds"], 2) if r["seconds"] else None
            r["under_target"] = r["peak_tree_pss_mb"] < TARGET_MB
            result[f"jobs{jobs}"] = r
    return result


def run(quick: bool = False, corpus: list[str] | None = None) -> dict[str, object]:
    """Peak memory of ``newsnorm process --jobs 1`` and ``--jobs 2`` on a generated JSONL.

    *corpus* is ignored: memory is about the size of the input, not about which texts.
    """
    del corpus
    if not Path("/proc/self/status").exists():
        return {"skipped": "needs /proc (Linux) to sample the process tree"}
    return measure(QUICK_MB if quick else FULL_MB)


def report(result: dict[str, Any]) -> str:
    if "skipped" in result:
        return f"memory: skipped ({result['skipped']})"
    lines = [
        f"Peak memory of newsnorm process on {result['input']['mb']} MB JSONL "
        f"({result['input']['records']:,} records) {' '.join(result['options'])}, "
        f"target < {result['target_mb']} MB:"
    ]
    for jobs in (1, 2):
        if f"jobs{jobs}" not in result:
            continue
        r = result[f"jobs{jobs}"]
        lines.append(
            f"  --jobs {jobs}: peak {r['peak_tree_pss_mb']} MB PSS for the process tree "
            f"({r['peak_tree_pss_first_half_mb']} MB in the first half of the run; RSS sum "
            f"{r['peak_tree_rss_mb']} MB, largest process {r['peak_process_mb']} MB), "
            f"{r['seconds']} s, {r['mb_per_s']} MB/s, exit {r['status']}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    # --only-text: the same run with cleanup alone (`--only text`), about ten times faster, to
    # reach 1 GB on a slow machine: reading, chunking and writing are what grow with the input.
    args = sys.argv[1:]
    # --jobs=2: only that run (the 1 GB run with both takes half an hour on a slow machine).
    size = QUICK_MB if "--quick" in args else FULL_MB
    jobs_list: tuple[int, ...] = (1, 2)
    for a in args:
        if a.startswith("--mb="):
            size = int(a.split("=", 1)[1])
        if a.startswith("--jobs="):
            jobs_list = tuple(int(j) for j in a.split("=", 1)[1].split(","))
    extra = ["--only", "text"] if "--only-text" in args else None
    print(report(measure(size, extra, jobs_list)))
