"""Name matching on held-out OFAC persons: pair P/R/F1 and pairs per second, vs Jaro-Winkler.

The development set is built here from ``../shared/peers/names/ofac-sdn`` (see its README):
each sanctioned individual's primary name and a.k.a. spellings (``SURNAME, Given`` rewritten as
``Given SURNAME``). Positive pairs are two spellings of one person; negative pairs are two
different persons sharing a surname, or a first name, or drawn at random. Persons are split by a
hash of their OFAC id into a development half (thresholds are chosen there) and a test half (the
figures reported). Positives are reported twice: "variants" keeps pairs where every part of the
shorter spelling has a look-alike in the other (transliteration variants, what the library is
for); "all" also keeps a.k.a.s that are different names (pseudonyms, other given names), which
no spelling matcher can recognise.

Run from the repository root: ``python -m benchmarks.bench_names [--quick]``.
"""

from __future__ import annotations

import csv
import hashlib
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
OFAC = SHARED / "peers" / "names" / "ofac-sdn"

Pair = tuple[str, str, bool]


def _display(name: str) -> str:
    """``SURNAME, Given`` → ``Given SURNAME`` (names without a comma stay)."""
    if "," in name:
        surname, _, given = name.partition(",")
        return f"{given.strip()} {surname.strip()}".strip()
    return name.strip()


def load_persons() -> dict[str, list[str]]:
    """OFAC individuals: id → distinct spellings (primary first)."""
    persons: dict[str, list[str]] = {}
    surnames: dict[str, str] = {}
    with (OFAC / "sdn.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) > 2 and row[2].strip() == "individual":
                persons[row[0]] = [_display(row[1])]
                surnames[row[0]] = row[1].partition(",")[0].strip()
    with (OFAC / "alt.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) > 3 and row[0] in persons:
                name = _display(row[3])
                if name.lower() not in {n.lower() for n in persons[row[0]]}:
                    persons[row[0]].append(name)
    return persons


def _split(pid: str) -> str:
    return "dev" if hashlib.sha256(pid.encode()).digest()[0] % 2 == 0 else "test"


def _tokens(name: str) -> list[str]:
    from unidecode import unidecode

    return [t for t in unidecode(name).lower().replace("-", " ").split() if t]


def is_variant(a: str, b: str) -> bool:
    """Every part of the spelling with fewer parts has a look-alike (or its initial) in the other.

    A neutral, library-independent filter (rapidfuzz character ratio ≥ 60), applied equally to
    both matchers.
    """
    from rapidfuzz import fuzz

    ta, tb = _tokens(a), _tokens(b)
    if len(ta) > len(tb):
        ta, tb = tb, ta
    joined = "".join(tb)
    for t in ta:
        t = t.strip(".,'")
        if len(t) <= 1:
            if not any(u.startswith(t) for u in tb):
                return False
        elif not any(fuzz.ratio(t, u) >= 60 for u in tb) and fuzz.partial_ratio(t, joined) < 85:
            return False
    return True


def build_pairs(
    persons: dict[str, list[str]], max_pos_per_person: int = 6, seed: int = 5
) -> dict[str, dict[str, list[Pair]]]:
    """Positive and negative pairs per split: ``{"dev"|"test": {"variants"|"all": pairs}}``."""
    rng = random.Random(seed)
    out: dict[str, dict[str, list[Pair]]] = {
        s: {"variants": [], "all": []} for s in ("dev", "test")
    }
    by_surname: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for pid, names in persons.items():
        toks = _tokens(names[0])
        if toks:
            by_surname[toks[-1]].append(pid)
            by_first[toks[0]].append(pid)
    negatives: dict[str, list[Pair]] = {"dev": [], "test": []}
    ids = sorted(persons)
    for pid in ids:
        names = persons[pid]
        split = _split(pid)
        cands = [(a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
        rng.shuffle(cands)
        for a, b in cands[:max_pos_per_person]:
            out[split]["all"].append((a, b, True))
            if is_variant(a, b):
                out[split]["variants"].append((a, b, True))
        # Hard negatives: another person of the same split with this surname / first name.
        toks = _tokens(names[0])
        if not toks:
            continue
        for group in (by_surname[toks[-1]], by_first[toks[0]]):
            others = [o for o in group if o != pid and _split(o) == split]
            if others:
                other = rng.choice(others)
                negatives[split].append((rng.choice(names), rng.choice(persons[other]), False))
        other = rng.choice(ids)
        if other != pid and _split(other) == split:
            negatives[split].append((names[0], persons[other][0], False))
    for split in ("dev", "test"):
        for kind in ("variants", "all"):
            out[split][kind] += negatives[split]
    return out


def _prf(scores: list[float], labels: list[bool], threshold: float) -> dict[str, float]:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


# The hard negatives (library requirements, not OFAC data): the library threshold must
# keep them apart, so it is the best dev threshold above their highest score.
HARD_NEGATIVES = (
    ("Imam Ali", "Imam Ali Rahman"),
    ("Saddam Hussein", "Uday Saddam Hussein"),
    ("Jalaluddin Haqqani", "Sirajuddin Haqqani"),
    ("Ali Khamenei", "Mojtaba Khamenei"),
    ("Tamim bin Hamad Al Thani", "Hamad bin Khalifa Al Thani"),
)


def best_threshold(scores: list[float], labels: list[bool], floor: float = 0.0) -> float:
    """The threshold (0.30…0.99, step 0.01, above *floor*) with the best F1 on these pairs."""
    grid = [t / 100 for t in range(30, 100) if t / 100 > floor + 1e-9]
    return max(grid, key=lambda t: (_prf(scores, labels, t)["f1"], -abs(t - 0.8)))


def _score_all(fn: Callable[[str, str], float], pairs: Iterable[Pair]) -> list[float]:
    return [fn(a, b) for a, b, _y in pairs]


def _jaro_winkler() -> Callable[[str, str], float]:
    from rapidfuzz.distance import JaroWinkler
    from unidecode import unidecode

    def jw(a: str, b: str) -> float:
        return float(JaroWinkler.normalized_similarity(unidecode(a).lower(), unidecode(b).lower()))

    return jw


def _clear_caches(names_too: bool = True) -> None:
    from newsnorm.names.similarity import _forms, part_similarity
    from newsnorm.names.translit import _make_part, analyze, phonetic

    part_similarity.cache_clear()
    _forms.cache_clear()
    if names_too:
        analyze.cache_clear()
        phonetic.cache_clear()
        _make_part.cache_clear()


def _rate(fn: Callable[[str, str], float], pairs: list[Pair], mode: str) -> float:
    """Pairs per second.

    ``cold``: every cache emptied first (each name is parsed during the run); ``parsed``: names
    parsed beforehand but part comparisons not cached (the gazetteer / corpus case: a name is
    parsed once and compared many times); ``warm``: the same pairs again, everything cached.
    """
    if mode == "cold":
        _clear_caches()
    elif mode == "parsed":
        _clear_caches()
        for a, b, _y in pairs:
            fn(a, a)
            fn(b, b)
        _clear_caches(names_too=False)
    t0 = time.perf_counter()
    for a, b, _y in pairs:
        fn(a, b)
    return round(len(pairs) / max(time.perf_counter() - t0, 1e-9))


def run(quick: bool = False, corpus: list[str] | None = None) -> dict[str, object]:
    """Tune on dev, report on test, for newsnorm and rapidfuzz Jaro-Winkler.

    *corpus* (documents) is only used for the extraction throughput figure.
    """
    if not (OFAC / "sdn.csv").exists():
        return {"skipped": f"{OFAC} is absent"}
    from newsnorm.names.similarity import MATCH_THRESHOLD, name_similarity

    pairs = build_pairs(load_persons())
    if quick:
        rng = random.Random(0)
        for split in pairs.values():
            for kind, ps in split.items():
                split[kind] = rng.sample(ps, min(len(ps), 1500))
    matchers = {"newsnorm": name_similarity, "jaro_winkler": _jaro_winkler()}
    floors = {label: max(fn(a, b) for a, b in HARD_NEGATIVES) for label, fn in matchers.items()}
    result: dict[str, object] = {
        "library_threshold": MATCH_THRESHOLD,
        "pairs": {
            f"{s}/{k}": {
                "positive": sum(1 for p in ps if p[2]),
                "negative": sum(1 for p in ps if not p[2]),
            }
            for s, split in pairs.items()
            for k, ps in split.items()
        },
    }
    for label, fn in matchers.items():
        entry: dict[str, object] = {}
        for kind in ("variants", "all"):
            dev, test = pairs["dev"][kind], pairs["test"][kind]
            dev_scores = _score_all(fn, dev)
            dev_labels = [p[2] for p in dev]
            free = best_threshold(dev_scores, dev_labels)
            tuned = best_threshold(dev_scores, dev_labels, floors[label])
            test_scores = _score_all(fn, test)
            labels = [p[2] for p in test]
            entry[kind] = {
                "dev_best_threshold_unconstrained": free,
                "test_at_unconstrained": _prf(test_scores, labels, free),
                "dev_best_threshold": tuned,
                "test_at_dev_threshold": _prf(test_scores, labels, tuned),
            }
            if label == "newsnorm":
                entry[kind]["test_at_library_threshold"] = _prf(  # type: ignore[index]
                    test_scores, labels, MATCH_THRESHOLD
                )
        entry["hard_negative_max_score"] = round(floors[label], 4)
        for mode in ("cold", "parsed", "warm"):
            entry[f"pairs_per_second_{mode}"] = _rate(fn, pairs["test"]["variants"], mode)
        result[label] = entry
    rates = [result[k] for k in ("newsnorm", "jaro_winkler")]
    result["newsnorm_vs_jaro_winkler_speed_parsed"] = round(
        rates[0]["pairs_per_second_parsed"] / rates[1]["pairs_per_second_parsed"],  # type: ignore[index]
        4,
    )
    result["extraction"] = extraction_rate(corpus, quick)
    result["scaling"] = scaling(quick)
    return result


def scaling(quick: bool) -> dict[str, object]:
    """Seconds of ``extract_names`` per input size, for prose and pathological inputs.

    Linear time shows as a constant seconds-per-100k-chars column across sizes.
    """
    from newsnorm.names import extract_names

    units = {
        "news": "Tajik President Emomali Rakhmon met Imam Ali Rahman. President Ghani said. ",
        "capitals": "Aa ",
        "apostrophes": "A'b'",
        "initials": "V. ",
        "no_spaces": "A",
    }
    sizes = [10_000, 20_000, 40_000] if quick else [50_000, 100_000, 200_000, 400_000]
    out: dict[str, object] = {}
    for label, unit in units.items():
        rows = []
        for size in sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            t0 = time.perf_counter()
            extract_names(text)
            dt = time.perf_counter() - t0
            rows.append(
                {"chars": size, "seconds": round(dt, 3), "s_per_100k": round(dt * 1e5 / size, 3)}
            )
        out[label] = rows
    return out


def extraction_rate(corpus: list[str] | None, quick: bool) -> dict[str, object]:
    """``extract_names`` throughput on real news (Tehran Times English): chars and docs/s."""
    import itertools
    import json

    from newsnorm.names import extract_names

    if corpus is None:
        path = SHARED / "corpora" / "tehran-times-en" / "tehran_times.jsonl"
        if not path.exists():
            return {"skipped": f"{path} is absent"}
        with path.open(encoding="utf-8") as fh:
            corpus = [
                json.loads(line)["text"] for line in itertools.islice(fh, 40 if quick else 600)
            ]
    extract_names("warm up the lexicons and the gazetteer")
    t0 = time.perf_counter()
    mentions = sum(len(extract_names(doc)) for doc in corpus)
    dt = max(time.perf_counter() - t0, 1e-9)
    chars = sum(len(doc) for doc in corpus)
    return {
        "docs": len(corpus),
        "chars": chars,
        "mentions": mentions,
        "chars_per_second": round(chars / dt),
        "docs_per_second": round(len(corpus) / dt, 1),
    }


def _report(res: dict[str, object]) -> str:
    """A readable summary, then every figure as JSON."""
    import json

    if "skipped" in res:
        return f"skipped: {res['skipped']}"
    lines = [f"library threshold: {res['library_threshold']} (timings measured under load)"]
    for label in ("newsnorm", "jaro_winkler"):
        entry = res[label]
        assert isinstance(entry, dict)
        for kind in ("variants", "all"):
            fig = entry[kind]
            if label == "newsnorm":
                at, thr = fig["test_at_library_threshold"], res["library_threshold"]
            else:  # the hard-negative constraint is ours, not Jaro-Winkler's
                at, thr = fig["test_at_unconstrained"], fig["dev_best_threshold_unconstrained"]
            lines.append(
                f"{label:13s} {kind:8s} test P/R/F1 {at['precision']:.3f}/{at['recall']:.3f}/"
                f"{at['f1']:.3f} at threshold {thr}"
            )
        lines.append(
            f"{label:13s} pairs/s cold {entry['pairs_per_second_cold']:,} "
            f"parsed {entry['pairs_per_second_parsed']:,} warm {entry['pairs_per_second_warm']:,}"
        )
    lines.append(f"extraction: {res['extraction']}")
    scal = res["scaling"]
    assert isinstance(scal, dict)
    for label, rows in scal.items():
        cells = ", ".join(f"{r['chars']:,}: {r['seconds']}s" for r in rows)
        lines.append(f"scaling {label:11s} {cells}")
    return "\n".join(lines) + "\n\n" + json.dumps(res, indent=2)


if __name__ == "__main__":
    print(_report(run(quick="--quick" in sys.argv)))
