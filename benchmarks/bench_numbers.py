"""Score ``newsnorm.extract_numbers`` on Recognizers-Text's ``Number/English/NumberModel.json``.

Every case is scored (none skipped): exact-span F1 (a predicted span counts when its start and
end equal an expected one; RT's ``End`` is inclusive), value accuracy on matched spans (numeric
comparison; RT percent values such as ``"40%"`` read as 40) and characters per second. The same
figures restricted to the cases RT's own scorer uses by default (python port supported, no
``NotSupportedByDesign``) are reported too, plus throughput in MB/s on news text
(``corpora/tehran-times-en``). Peers (``recognizers_text`` python port, ``quantulum3``) are scored
when importable and skipped otherwise.

Run: ``python -m benchmarks.bench_numbers`` (``--quick`` for a < 30 s run).
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from newsnorm import extract_numbers

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SPEC = SHARED / "peers" / "recognizers-text" / "Number" / "English" / "NumberModel.json"
NEWS = SHARED / "corpora" / "tehran-times-en" / "tehran_times.jsonl"

Span = tuple[int, int, float | None]
Extractor = Callable[[str], list[Span]]


def _rt_value(resolution: dict[str, Any]) -> float | None:
    raw = str(resolution.get("value", "")).strip().rstrip("%")
    try:
        return float(raw)
    except ValueError:
        return None


def load_cases() -> list[dict[str, Any]]:
    """The cases of ``NumberModel.json`` (``utf-8-sig``: the file may start with a BOM)."""
    cases: list[dict[str, Any]] = json.loads(SPEC.read_text(encoding="utf-8-sig"))
    return cases


def rt_supported(case: dict[str, Any]) -> bool:
    """Whether RT's default scorer scores *case*: python supported and not NotSupportedByDesign."""
    ns = str(case.get("NotSupported", "")).lower()
    return "python" not in ns and not case.get("NotSupportedByDesign")


def expected_spans(case: dict[str, Any]) -> list[Span]:
    return [
        (r["Start"], r["End"] + 1, _rt_value(r.get("Resolution") or {}))
        for r in case.get("Results", [])
    ]


def newsnorm_spans(text: str, drop_ordinals: bool = False) -> list[Span]:
    out: list[Span] = []
    for n in extract_numbers(text):
        if drop_ordinals and n.kind == "ordinal":
            continue
        out.append((n.start, n.end, float(n.value)))
    return out


def score(
    cases: Iterable[dict[str, Any]], extractor: Extractor, repeat: int = 1
) -> dict[str, object]:
    """Micro exact-span precision/recall/F1, value accuracy on matched spans, chars/s."""
    tp = fp = fn = good_values = 0
    chars = 0
    elapsed = 0.0
    misses: list[str] = []
    for case in cases:
        text = case["Input"]
        expected = expected_spans(case)
        t0 = time.perf_counter()
        for _ in range(repeat):
            predicted = extractor(text)
        elapsed += (time.perf_counter() - t0) / repeat
        chars += len(text)
        want = {(s, e): v for s, e, v in expected}
        got = {(s, e): v for s, e, v in predicted}
        matched = set(want) & set(got)
        tp += len(matched)
        fp += len(set(got) - matched)
        fn += len(set(want) - matched)
        for key in matched:
            w, g = want[key], got[key]
            if w is not None and g is not None and math.isclose(w, g, rel_tol=1e-9, abs_tol=1e-12):
                good_values += 1
            else:
                misses.append(f"value {text!r} {key}: want {w} got {g}")
        if set(want) != set(got):
            lost, extra = sorted(set(want) - matched), sorted(set(got) - matched)
            misses.append(f"span {text!r}: want {lost} got {extra}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "value_accuracy": round(good_values / tp, 4) if tp else None,
        "chars_per_s": round(chars / elapsed) if elapsed else None,
        "misses": misses,
    }


def _peer_extractors() -> dict[str, Extractor]:
    peers: dict[str, Extractor] = {}
    try:
        from recognizers_number import Culture, recognize_number  # type: ignore[import-not-found]

        def rt(text: str) -> list[Span]:
            out: list[Span] = []
            for r in recognize_number(text, Culture.English):
                out.append((r.start, r.end + 1, _rt_value(r.resolution or {})))
            return out

        peers["recognizers-text (python)"] = rt
    except Exception:  # peers are optional: absent, or failing to import, means skipped
        pass
    try:
        import quantulum3.parser as q3  # type: ignore[import-untyped,import-not-found,unused-ignore]

        def quantulum(text: str) -> list[Span]:
            return [(q.span[0], q.span[1], float(q.value)) for q in q3.parse(text)]

        peers["quantulum3"] = quantulum
    except Exception:
        pass
    return peers


def news_throughput(max_bytes: int, corpus: list[str] | None = None) -> dict[str, object]:
    """MB/s of ``extract_numbers`` over news text (first *max_bytes* of Tehran Times)."""
    docs: list[str] = []
    if corpus is not None:
        docs = list(corpus)
    elif NEWS.exists():
        size = 0
        with NEWS.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                docs.append(text)
                size += len(text.encode("utf-8"))
                if size >= max_bytes:
                    break
    if not docs:
        return {"skipped": f"{NEWS} is absent"}
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    t0, c0 = time.perf_counter(), time.process_time()
    mentions = sum(len(extract_numbers(d)) for d in docs)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    # Wall time measures the machine's load as much as the code; CPU time of this process is
    # the better single-core figure on a shared machine. Both are reported.
    return {
        "documents": len(docs),
        "megabytes": round(nbytes / 1e6, 2),
        "seconds": round(elapsed, 2),
        "mb_per_s": round(nbytes / 1e6 / elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "mb_per_cpu_s": round(nbytes / 1e6 / cpu, 2),
        "mentions": mentions,
        "mentions_per_mb": round(mentions / (nbytes / 1e6)),
    }


PATHOLOGICAL = {
    "digit run": "1",
    "comma list": "1,",
    "number words": "one ",
    "hundreds": "one hundred ",
    "no anchors": "x",
}


def scaling(sizes: tuple[int, ...]) -> dict[str, object]:
    """CPU seconds per input size for pathological inputs: linear time means the ratio of
    seconds follows the ratio of sizes."""
    out: dict[str, object] = {}
    for name, unit in PATHOLOGICAL.items():
        row: dict[str, float] = {}
        for size in sizes:
            text = unit * (size // len(unit))
            t0 = time.process_time()
            extract_numbers(text)
            row[str(size)] = round(time.process_time() - t0, 3)
        out[name] = row
    return out


def run(quick: bool = False, corpus: list[str] | None = None) -> dict[str, object]:
    """All figures as plain JSON-able values (``quick`` finishes well under 30 s)."""
    if not SPEC.exists():
        return {"skipped": f"{SPEC} is absent"}
    cases = load_cases()
    supported = [c for c in cases if rt_supported(c)]
    repeat = 1 if quick else 5
    result: dict[str, object] = {
        "spec": "Number/English/NumberModel.json",
        "cases_all": len(cases),
        "cases_rt_default": len(supported),
        "newsnorm_all": score(cases, newsnorm_spans, repeat),
        "newsnorm_rt_default": score(supported, newsnorm_spans, repeat),
        "newsnorm_all_without_ordinals": score(
            cases, lambda t: newsnorm_spans(t, drop_ordinals=True), repeat
        ),
    }
    for name, extractor in _peer_extractors().items():
        result[f"{name}_all"] = score(cases, extractor)
        result[f"{name}_rt_default"] = score(supported, extractor)
    result["news"] = news_throughput(1_000_000 if quick else 5_000_000, corpus)
    result["scaling_seconds"] = scaling(
        (10_000, 20_000, 40_000) if quick else (25_000, 50_000, 100_000, 200_000)
    )
    return result


def _report(result: dict[str, object], verbose: bool) -> None:
    if "skipped" in result:
        print("skipped:", result["skipped"])
        return
    print(
        f"Recognizers-Text {result['spec']}: {result['cases_all']} cases, "
        f"{result['cases_rt_default']} in RT's default (python-supported) subset"
    )
    for key, value in result.items():
        if isinstance(value, dict) and "f1" in value:
            print(
                f"  {key:45s} F1 {value['f1']:.3f}  P {value['precision']:.3f}  "
                f"R {value['recall']:.3f}  value acc {value['value_accuracy']}  "
                f"{value['chars_per_s']} chars/s  (tp {value['tp']} fp {value['fp']} "
                f"fn {value['fn']})"
            )
    print("  news throughput:", result["news"])
    print("  CPU seconds by input size (pathological inputs; linear = doubling):")
    scaling_rows = result["scaling_seconds"]
    assert isinstance(scaling_rows, dict)
    for name, row in scaling_rows.items():
        print(f"    {name:14s} {row}")
    if verbose:
        misses = result["newsnorm_all"]
        assert isinstance(misses, dict)
        for line in misses["misses"]:
            print("   ", line)


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    res = run(quick=quick)
    _report(res, verbose="-v" in sys.argv)
