"""Instructions per MB for each stage, counted by valgrind: a figure that load cannot move.

Wall-clock throughput on a shared machine swings with its neighbours; the number of
instructions a stage executes on the same input does not. Each stage runs once over the first
*mb* MB of the English news corpus (extractors on the cleaned text, as inside ``process()``)
under ``valgrind --tool=callgrind``, and once with no pass; the difference is that stage's
cost. Optionally against another source tree (``--src /path/to/old/src``) for a before/after.
``--stride 8`` reads every 8th article instead of the first ones: the corpus' first megabytes are
long, mostly ASCII articles, and the corpus as a whole is short ones with curly quotes.

Run ``python -m benchmarks.bench_instructions [--mb 0.5] [--stride 8] [--src PATH]`` from the
repository root; needs ``valgrind`` on PATH and ``../shared/corpora`` (skipped otherwise).
Slow: about a minute per stage.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks.bench_throughput import TEHRAN

STAGES = ("cleanup", "numbers", "dates", "names", "process")

# Program text for the benchmarks that run one stage in another interpreter, maybe over another
# source tree (put first on sys.path before this runs): ``stage_function(stage)``, and
# ``stage_inputs(stage, texts)``, the texts that stage reads (the extractors the cleaned ones,
# as inside ``process()``).
STAGE_PROGRAM = r"""
import datetime
import newsnorm
from newsnorm.cleanup.runner import run_cleanup
from newsnorm.dates import extract_dates
from newsnorm.document import Config
from newsnorm.names import extract_names
from newsnorm.numbers import extract_numbers

_cfg = Config()
_ref = datetime.date(2021, 7, 6)


def stage_function(stage):
    return {
        "cleanup": lambda t: run_cleanup(t, _cfg),
        "numbers": extract_numbers,
        "dates": lambda t: extract_dates(t, reference_date=_ref),
        "names": extract_names,
        "process": newsnorm.process,
    }[stage]


def stage_inputs(stage, texts):
    if stage in ("cleanup", "process"):
        return texts
    return [run_cleanup(t, _cfg).text for t in texts]
"""

_PROGRAM = r"""
import json, sys
sys.path.insert(0, {root!r})
{stage_program}
texts, size = [], 0
with open({corpus!r}, encoding="utf-8") as fh:
    for i, line in enumerate(fh):
        if i % {stride}:
            continue
        text = json.loads(line).get("text")
        if isinstance(text, str) and text.strip():
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= {mb} * 1e6:
                break
func = stage_function({stage!r})
inputs = stage_inputs({stage!r}, texts)
for t in inputs[:5]:
    func(t)  # lexicons and caches built before counting
for _ in range({passes}):
    for t in inputs:
        func(t)
print(size)
"""


def _count(root: str, stage: str, mb: float, passes: int, stride: int = 1) -> tuple[int, int]:
    """(instructions, input bytes) of the program above under callgrind."""
    code = _PROGRAM.format(
        root=root,
        stage_program=STAGE_PROGRAM,
        corpus=str(TEHRAN),
        mb=mb,
        stage=stage,
        passes=passes,
        stride=stride,
    )
    argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    # A fixed hash seed: set and dict order (and with it some paths) otherwise change per run,
    # and so did the count (by up to a few percent, and once several-fold).
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [*argv, sys.executable, "-c", code], capture_output=True, text=True, env=env
    )
    for line in done.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split()[-1]), int(done.stdout.split()[-1])
    raise RuntimeError(f"callgrind gave no count for {stage}: {done.stderr[-500:]}")


def instructions_per_mb(root: str, stage: str, mb: float, stride: int = 1) -> float:
    """Instructions one pass of *stage* costs per MB (10^6 bytes) of input, in millions."""
    base, size = _count(root, stage, mb, 0, stride)
    one, _ = _count(root, stage, mb, 1, stride)
    return round((one - base) / 1e6 / (size / 1e6), 1)


def run(mb: float = 0.5, src: str | None = None, stride: int = 1) -> dict[str, Any]:
    if shutil.which("valgrind") is None:
        return {"skipped": "valgrind is not installed"}
    if not TEHRAN.is_file():
        return {"skipped": f"{TEHRAN} is absent"}
    here = str(Path(__file__).resolve().parents[1] / "src")
    out: dict[str, Any] = {"mb": mb, "stride": stride, "stages": {}}
    for stage in STAGES:
        this = instructions_per_mb(here, stage, mb, stride)
        row: dict[str, float | None] = {"this": this}
        if src:
            other = instructions_per_mb(src, stage, mb, stride)
            row["other"] = other
            row["ratio"] = round(other / this, 2) if this else None
        out["stages"][stage] = row
    return out


def report(result: dict[str, Any]) -> str:
    if "skipped" in result:
        return f"instructions: skipped ({result['skipped']})"
    which = "first" if result.get("stride", 1) == 1 else f"every {result['stride']}th article,"
    lines = [f"Million instructions per MB of news ({which} {result['mb']} MB of Tehran Times):"]
    for stage, row in result["stages"].items():
        extra = f"  (other tree {row['other']}, {row['ratio']}x)" if "other" in row else ""
        lines.append(f"  {stage:<8} {row['this']:>9.1f}{extra}")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=0.5)
    parser.add_argument("--src", help="another source tree (a folder holding newsnorm/)")
    parser.add_argument("--stride", type=int, default=1, help="read every N-th article")
    args = parser.parse_args()
    print(report(run(args.mb, args.src, args.stride)))
