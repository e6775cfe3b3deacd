"""Dates benchmark: Recognizers-Text's English DateTimeModel specs, and speed on news text.

Scores ``extract_dates`` on EVERY case of ``DateTime/English/DateTimeModel.json`` (each case's
``Context.ReferenceDateTime`` is the reference date): exact-span precision/recall/F1 (RT's
``End`` is inclusive), timex accuracy on matched spans (a match when our timex equals any of the
expected ``Resolution.values[*].timex``), characters per second; then MB/s on Tehran Times news.

Two modes are scored: ``news`` (the library default: a missing year and a bare weekday are
resolved from the reference date, ``06/07`` is day-first) and ``rt`` (``fill=False,
day_first=False``: the conventions Recognizers-Text's expected values follow).

Run: ``python -m benchmarks.bench_dates`` (``--quick`` for a < 30 s run).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from newsnorm.dates import extract_dates
from newsnorm.dates.grammar import warm_up

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SPECS = SHARED / "peers" / "recognizers-text" / "DateTime" / "English" / "DateTimeModel.json"
NEWS = SHARED / "corpora" / "tehran-times-en" / "tehran_times.jsonl"

MODES: dict[str, dict[str, bool]] = {
    "news": {"fill": True, "day_first": True},
    "rt": {"fill": False, "day_first": False},
}


def _reference(case: dict[str, Any]) -> date | None:
    raw = (case.get("Context") or {}).get("ReferenceDateTime")
    if not raw:
        return None
    return date.fromisoformat(str(raw)[:10])


def load_cases() -> list[dict[str, Any]]:
    """Every case of the spec file (read with ``utf-8-sig``: some files start with a BOM)."""
    data: list[dict[str, Any]] = json.loads(SPECS.read_text(encoding="utf-8-sig"))
    return data


def score(cases: list[dict[str, Any]], mode: str) -> dict[str, Any]:
    """Exact-span P/R/F1 and timex accuracy of one mode over *cases*."""
    opts = MODES[mode]
    tp = fp = fn = timex_ok = 0
    chars = 0
    misses: Counter[str] = Counter()
    started = time.perf_counter()
    predictions: list[tuple[dict[str, Any], list[Any]]] = []
    for case in cases:
        text = str(case["Input"])
        chars += len(text)
        found = extract_dates(text, _reference(case), **opts)
        predictions.append((case, found))
    elapsed = time.perf_counter() - started
    for case, found in predictions:
        expected = {
            (int(r["Start"]), int(r["End"]) + 1): {
                str(v.get("timex", "")) for v in (r.get("Resolution") or {}).get("values", [])
            }
            for r in case["Results"]
        }
        got = {(d.start, d.end): d.timex for d in found}
        for span, timex in got.items():
            if span in expected:
                tp += 1
                if timex in expected[span]:
                    timex_ok += 1
                else:
                    misses["timex"] += 1
            else:
                fp += 1
        fn += sum(1 for span in expected if span not in got)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "cases": len(cases),
        "expected": tp + fn,
        "predicted": tp + fp,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "timex_accuracy": round(timex_ok / tp, 4) if tp else 0.0,
        "chars_per_s": round(chars / elapsed) if elapsed else 0,
    }


def news_speed(quick: bool, corpus: list[str] | None, hijri: bool = True) -> dict[str, Any]:
    """MB/s of ``extract_dates`` on news articles (reference date set, as ``process`` does).

    With ``hijri=False`` the Solar/lunar Hijri finder is left out, to time this grammar alone.
    """
    if corpus is None:
        if not NEWS.exists():
            return {"skipped": f"{NEWS} is absent"}
        corpus = []
        budget = 2_000_000 if quick else 10_000_000
        size = 0
        with NEWS.open(encoding="utf-8") as fh:
            for line in fh:
                text = str(json.loads(line).get("text", ""))
                corpus.append(text)
                size += len(text)
                if size >= budget:
                    break
    ref = date(2021, 7, 6)
    size = sum(len(t) for t in corpus)
    import newsnorm.dates as dates_module

    # Without the Hijri finder: swap it for one that finds nothing, and put it back after.
    namespace = vars(dates_module)  # extract_dates looks the finder up here
    finder = namespace["find_calendar_dates"]
    if not hijri:
        namespace["find_calendar_dates"] = lambda text, ref=None: []
    try:
        extract_dates("July 6, 2021", ref)  # compile the patterns outside the timing
        started, cpu_started = time.perf_counter(), time.process_time()
        mentions = 0
        for text in corpus:
            mentions += len(extract_dates(text, ref))
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    finally:
        namespace["find_calendar_dates"] = finder
    return {
        "chars": size,
        "mentions": mentions,
        "seconds": round(elapsed, 3),
        "mb_per_s": round(size / elapsed / 1e6, 3) if elapsed else 0.0,
        # CPU seconds of this process: less distorted by other processes sharing the cores.
        "cpu_seconds": round(cpu, 3),
        "mb_per_cpu_s": round(size / cpu / 1e6, 3) if cpu else 0.0,
    }


def run(quick: bool = False, corpus: list[str] | None = None) -> dict[str, object]:
    """Scores on the RT spec file for both modes, and speed on news text."""
    if not SPECS.exists():
        return {"skipped": f"{SPECS} is absent"}
    cases = load_cases()
    warm_up()  # compile the patterns before any timing
    out: dict[str, object] = {mode: score(cases, mode) for mode in MODES}
    out["news_speed"] = news_speed(quick, corpus)
    out["news_speed_gregorian_only"] = news_speed(quick, corpus, hijri=False)
    return out


def main() -> None:
    """Print a readable report."""
    result = run(quick="--quick" in sys.argv)
    if "skipped" in result:
        print("skipped:", result["skipped"])
        return
    print("Recognizers-Text DateTime/English/DateTimeModel.json, every case scored")
    print("(measured under load: timings are noisy)")
    for mode in MODES:
        r = result[mode]
        assert isinstance(r, dict)
        print(
            f"  {mode:5s} F1 {r['f1']:.3f}  P {r['precision']:.3f}  R {r['recall']:.3f}  "
            f"timex acc {r['timex_accuracy']:.3f}  ({r['expected']} expected, "
            f"{r['predicted']} predicted, {r['chars_per_s']:,} chars/s)"
        )
    print("  peers (issue 4): RT python 0.65 / 0.87 / 2k chars/s; dateparser 0.21 / 0.37")
    print("news speed (with the Hijri finder):", result["news_speed"])
    print("news speed (this grammar alone):", result["news_speed_gregorian_only"])


if __name__ == "__main__":
    main()
