"""This source tree against another, timed chunk by chunk in turn: a before/after in seconds that
the host's swings cannot tilt.

On a shared VM the speed halves for minutes at a time, so two runs one after the other compare
the host as much as the code. Here two long-lived interpreters, one per tree, take the same
chunks of the corpus in turn (the other tree first, then this one; then the other way round),
so both see the same host within a second. Each interpreter reads every text once, in the same
order, so memos fill as on a first pass. The figure is the median of the per-chunk ratios of
the two times, with its quartiles, beside the ratio of the totals.

Run ``python -m benchmarks.bench_ab --src OTHER/src [--stage process] [--stride 8] [--mb 5]
[--chunk 50]`` from the repository root (``--src``: a folder holding ``newsnorm/``, e.g. a
``git worktree`` of an older commit); needs ``../shared/corpora`` (skipped otherwise).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

from benchmarks.bench_instructions import STAGE_PROGRAM, STAGES
from benchmarks.bench_throughput import SRC_ROOT, TEHRAN, mb, tehran_spread, write_texts

_WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
STAGE_PROGRAM
data = json.load(open(sys.argv[2], encoding="utf-8"))
func = stage_function(sys.argv[3])
texts = stage_inputs(sys.argv[3], data["texts"])
for t in data["warm"]:
    func(t)
print("ready", newsnorm.__file__, flush=True)
for line in sys.stdin:
    start, end = map(int, line.split())
    began = time.perf_counter()
    for t in texts[start:end]:
        func(t)
    print(time.perf_counter() - began, flush=True)
"""


def paired_summary(sizes: list[float], other: list[float], this: list[float]) -> dict[str, Any]:
    """Totals and ratios of two trees' times over the same chunks (*sizes*: MB per chunk).

    A ratio above 1 means this tree is faster (the other takes longer).

    >>> s = paired_summary([1.0, 1.0, 2.0], [2.0, 1.0, 4.0], [1.0, 1.0, 2.0])
    >>> s["ratio_of_totals"], s["median_chunk_ratio"], s["this_mb_per_s"]
    (1.75, 2.0, 1.0)
    """
    if not (len(sizes) == len(other) == len(this)) or not sizes:
        raise ValueError("one time per chunk for each tree, and at least one chunk")
    ratios = sorted(o / t for o, t in zip(other, this, strict=True))
    quartiles = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else [ratios[0]] * 3
    total = sum(sizes)
    return {
        "chunks": len(sizes),
        "mb": round(total, 3),
        "other_seconds": round(sum(other), 3),
        "this_seconds": round(sum(this), 3),
        "other_mb_per_s": round(total / sum(other), 3),
        "this_mb_per_s": round(total / sum(this), 3),
        "ratio_of_totals": round(sum(other) / sum(this), 3),
        "median_chunk_ratio": round(statistics.median(ratios), 3),
        "chunk_ratio_quartiles": [round(quartiles[0], 3), round(quartiles[2], 3)],
    }


def _ask(worker: subprocess.Popen[str], start: int, end: int) -> float:
    stdin: IO[str] | None = worker.stdin
    stdout: IO[str] | None = worker.stdout
    assert stdin is not None and stdout is not None
    stdin.write(f"{start} {end}\n")
    stdin.flush()
    answer = stdout.readline()
    if not answer:  # the worker died: its traceback is on stderr, above
        raise RuntimeError(f"the worker stopped at documents {start}-{end}: see its stderr above")
    return float(answer)


def run(
    src: str, stage: str = "process", stride: int = 8, limit_mb: float = 5.0, chunk: int = 50
) -> dict[str, Any]:
    """*stage* over the corpus sample in both trees, chunk by chunk in turn."""
    texts = tehran_spread(stride, limit_mb)
    if not texts:
        return {"skipped": f"{TEHRAN} is absent"}
    bounds = [(k, min(k + chunk, len(texts))) for k in range(0, len(texts), chunk)]
    sizes = [mb(texts[s:e]) for s, e in bounds]
    roots = {"other": src, "this": SRC_ROOT}
    program = _WORKER.replace("STAGE_PROGRAM", STAGE_PROGRAM)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_texts(Path(tmp), texts)
        workers = {
            name: subprocess.Popen(
                [sys.executable, "-c", program, root, str(path), stage],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for name, root in roots.items()
        }
        try:
            for name, w in workers.items():
                root = roots[name]
                assert w.stdout is not None
                ready, _, where = w.stdout.readline().strip().partition(" ")
                if ready != "ready":
                    raise RuntimeError(f"the {name} tree's worker did not start: see its stderr")
                if not Path(where).resolve().is_relative_to(Path(root).resolve()):
                    # Without newsnorm/ in *root*, the installed one is found instead.
                    raise RuntimeError(f"{root} holds no newsnorm/: the {name} worker ran {where}")
            times: dict[str, list[float]] = {"other": [], "this": []}
            for i, (s, e) in enumerate(bounds):
                order = ("other", "this") if i % 2 == 0 else ("this", "other")
                for name in order:
                    times[name].append(_ask(workers[name], s, e))
        finally:
            for w in workers.values():
                if w.stdin is not None:
                    w.stdin.close()
                w.wait()
    return {
        "stage": stage,
        "stride": stride,
        "other": src,
        **paired_summary(sizes, times["other"], times["this"]),
    }


def report(result: dict[str, Any]) -> str:
    if "skipped" in result:
        return f"A/B: skipped ({result['skipped']})"
    low, high = result["chunk_ratio_quartiles"]
    return "\n".join(
        [
            f"{result['stage']} on one article in {result['stride']} ({result['mb']} MB, "
            f"{result['chunks']} chunks, each tree in turn):",
            f"  other tree ({result['other']}): {result['other_mb_per_s']:.3f} MB/s",
            f"  this tree: {result['this_mb_per_s']:.3f} MB/s",
            f"  other/this time: {result['median_chunk_ratio']}x median over chunks "
            f"(quartiles {low}-{high}), {result['ratio_of_totals']}x of the totals",
        ]
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", required=True, help="the other source tree (holds newsnorm/)")
    parser.add_argument("--stage", default="process", choices=STAGES)
    parser.add_argument("--stride", type=int, default=8, help="read every N-th article")
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--chunk", type=int, default=50, help="documents per chunk")
    args = parser.parse_args()
    print(report(run(args.src, args.stage, args.stride, args.mb, args.chunk)))
