"""The ceiling memos put on ``process()``: a second pass over the corpus with every memo unbounded.

A first pass pays for what an article meets for the first time: windows judged, gazetteer
questions, names analysed, date rule keys. The memos save that work on later articles. A second
pass over the same texts, with memos that never forget, has none of it left. What remains is the
work done on every article whatever came before it: the scans, the lookups, building the
mentions. When that pass is below a target, no cache and no cheaper first-time work reaches it.

Run ``python -m benchmarks.bench_ceiling [--src OTHER/src] [--stride 1] [--mb 1e6]`` from the
repository root (``--src``: a folder holding ``newsnorm/``, e.g. a build compiled some other way);
needs ``../shared/corpora`` (skipped otherwise). Both passes are timed in chunks with the loop
probe of ``bench_throughput`` between them, and reported over all chunks and at full host speed.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import pkgutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks.bench_throughput import (
    _ROOT,
    SRC_ROOT,
    TARGET_PROCESS_MB_S,
    mb,
    pass_figures,
    steady_line,
    tehran_spread,
    write_texts,
)


def widen_memos(package: ModuleType) -> list[str]:
    """Make every bounded ``lru_cache`` of *package*'s modules unbounded; the names widened.

    Each one is replaced wherever a module holds it, under any name (``from x import f`` copies
    the object): callers look these names up when they call. Memos that are dictionaries bounded
    by hand are not touched, except the gazetteer's answers, raised to no bound.
    """
    modules = [package]
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        try:
            modules.append(importlib.import_module(info.name))
        except ImportError:  # an optional extra (Dask) not installed: nothing of it runs here
            continue
    widened = _widen_in(modules)
    gazetteer = sys.modules.get(package.__name__ + ".names.gazetteer")
    if gazetteer is not None and hasattr(gazetteer, "_MEMO_SIZE"):
        setattr(gazetteer, "_MEMO_SIZE", sys.maxsize)  # noqa: B010 (a module, typed as such)
        widened.append(f"{gazetteer.__name__}._MEMO_SIZE")
    return widened


def _widen_in(modules: list[ModuleType]) -> list[str]:
    """:func:`widen_memos` on these modules: each bounded memo's new function, bound everywhere."""
    new: dict[int, Any] = {}
    widened: list[str] = []
    for module in modules:
        for name, value in vars(module).items():
            params = getattr(value, "cache_parameters", None)
            if params is None or id(value) in new or value.__module__ != module.__name__:
                continue
            settings = params()
            if settings["maxsize"] is None:
                continue
            new[id(value)] = functools.lru_cache(maxsize=None, typed=settings["typed"])(
                value.__wrapped__
            )
            widened.append(f"{module.__name__}.{name}")
    for module in modules:
        for name, value in list(vars(module).items()):
            if id(value) in new:
                setattr(module, name, new[id(value)])
    return widened


_PROGRAM = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import newsnorm
sys.path.insert(1, sys.argv[2])  # the repository root: widen_memos and timed_pass
from benchmarks.bench_ceiling import widen_memos
from benchmarks.bench_throughput import timed_pass
widened = widen_memos(newsnorm)
data = json.load(open(sys.argv[3], encoding="utf-8"))
for t in data["warm"]:
    newsnorm.process(t)
passes = [timed_pass(newsnorm.process, data["texts"], int(sys.argv[4])) for _ in range(2)]
print(json.dumps({"file": newsnorm.__file__, "widened": len(widened), "passes": passes}))
"""


def run(src: str, stride: int, limit_mb: float, chunk: int = 100) -> dict[str, Any]:
    """Two passes of ``process()`` over every *stride*-th article (up to *limit_mb* MB), in a
    fresh interpreter importing newsnorm from *src*, its memos unbounded."""
    if not (Path(src) / "newsnorm").is_dir():
        raise SystemExit(f"bench_ceiling: {src} holds no newsnorm/ (give a folder like main/src)")
    texts = tehran_spread(stride, limit_mb)
    if not texts:
        return {"skipped": "corpus absent"}
    sizes = [mb([t]) for t in texts]
    with tempfile.TemporaryDirectory() as tmp:
        path = write_texts(Path(tmp), texts)
        done = subprocess.run(
            [sys.executable, "-c", _PROGRAM, src, str(_ROOT), str(path), str(chunk)],
            capture_output=True,
            text=True,
            check=True,
        )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    out: dict[str, Any] = {
        "src": src,
        "imported": result["file"],
        "memos_widened": result["widened"],
        "docs": len(texts),
        "mb": round(sum(sizes), 3),
    }
    for label, rows in zip(("first_pass", "second_pass"), result["passes"], strict=True):
        out[label] = pass_figures(sizes, rows)
    return out


def report(result: dict[str, Any]) -> str:
    """The two passes as Markdown lines, against the target."""
    if "skipped" in result:
        return f"bench_ceiling skipped: {result['skipped']}"
    lines = [
        f"process() on {result['docs']} articles ({result['mb']} MB), newsnorm from "
        f"{result['imported']}, {result['memos_widened']} memos unbounded:"
    ]
    for label in ("first_pass", "second_pass"):
        r = result[label]
        lines.append(
            f"- {label.replace('_', ' ')}: {r['mb_per_s']} MB/s over all chunks; {steady_line(r)}"
        )
    lines.append(f"- target: {TARGET_PROCESS_MB_S} MB/s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", default=SRC_ROOT, help="a folder holding newsnorm/")
    parser.add_argument("--stride", type=int, default=1, help="every k-th article")
    parser.add_argument("--mb", type=float, default=1e6, help="at most this many MB")
    parser.add_argument("--chunk", type=int, default=100, help="articles per timed chunk")
    args = parser.parse_args(argv)
    print(report(run(args.src, args.stride, args.mb, args.chunk)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
