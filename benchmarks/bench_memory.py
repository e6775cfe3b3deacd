"""Peak memory of ``newsnorm process`` on a 1 GB JSONL file (``--quick``: 50 MB), jobs 1 and 2.

The file is generated in a temporary folder from the English news corpus (or the bundled seed
when ``../shared`` is absent) and deleted afterwards. Memory is sampled from ``/proc`` every
0.1 s over the whole process tree (the CLI and its workers) and also read from
``getrusage(RUSAGE_CHILDREN)`` (the largest single process). Target: under 300 MB.

Run ``python -m benchmarks.bench_memory [--quick]`` from the repository root.
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


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kb(pid: int) -> tuple[int, int]:
    """(sum, max) of the resident memory of *pid* and all its descendants, in KB."""
    total = biggest = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        rss = _rss_kb(p)
        total += rss
        biggest = max(biggest, rss)
        todo.extend(_children(p))
    return total, biggest


def peak_memory(argv: list[str]) -> dict[str, Any]:
    """Run *argv*, sampling its process tree; peak sum and peak single process in MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_sum = peak_one = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_sum, peak_one
        while not done.is_set():
            s, m = tree_rss_kb(proc.pid)
            peak_sum, peak_one = max(peak_sum, s), max(peak_one, m)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "status": proc.returncode,
        "seconds": round(elapsed, 1),
        "peak_tree_mb": round(peak_sum / 1024, 1),
        "peak_process_mb": round(peak_one / 1024, 1),
        # ru_maxrss of children is a high-water mark over all children so far: only meaningful
        # when this run raised it.
        "rusage_children_max_mb": round(after / 1024, 1) if after > before else None,
        "stderr": err.decode("utf-8", "replace")[-500:] if proc.returncode else "",
    }


def run(quick: bool = False, corpus: list[str] | None = None) -> dict[str, object]:
    """Peak memory of ``newsnorm process --jobs 1`` and ``--jobs 2`` on a generated JSONL.

    *corpus* is ignored: memory is about the size of the input, not about which texts.
    """
    del corpus
    if not Path("/proc/self/status").exists():
        return {"skipped": "needs /proc (Linux) to sample the process tree"}
    target = QUICK_MB if quick else FULL_MB
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "big.jsonl"
        made = make_jsonl(src, target)
        result: dict[str, object] = {"input": made, "target_mb": TARGET_MB}
        for jobs in (1, 2):
            argv = [sys.executable, "-m", "newsnorm", "process", str(src), "-q"]
            argv += ["-o", os.devnull, "--jobs", str(jobs)]
            r = peak_memory(argv)
            r["mb_per_s"] = round(made["mb"] / r["seconds"], 2) if r["seconds"] else None
            r["under_target"] = r["peak_tree_mb"] < TARGET_MB
            result[f"jobs{jobs}"] = r
    return result


def report(result: dict[str, Any]) -> str:
    if "skipped" in result:
        return f"memory: skipped ({result['skipped']})"
    lines = [
        f"Peak memory of newsnorm process on {result['input']['mb']} MB JSONL "
        f"({result['input']['records']:,} records), target < {result['target_mb']} MB:"
    ]
    for jobs in (1, 2):
        r = result[f"jobs{jobs}"]
        lines.append(
            f"  --jobs {jobs}: peak {r['peak_tree_mb']} MB for the process tree "
            f"(largest process {r['peak_process_mb']} MB), {r['seconds']} s, "
            f"{r['mb_per_s']} MB/s, exit {r['status']}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run(quick="--quick" in sys.argv[1:])))
