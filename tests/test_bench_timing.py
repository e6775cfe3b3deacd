"""The timing tools of benchmarks/ keep exactly what they claim: the host-at-full-speed chunks of a
first pass, and the chunk-by-chunk comparison of two source trees."""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

import pytest
from benchmarks import bench_throughput as bench
from hypothesis import given
from hypothesis import strategies as st


def test_the_module_doctests_pass() -> None:
    # benchmarks/ is outside pytest's doctest paths: run its examples here.
    failed, attempted = doctest.testmod(bench)
    assert attempted > 0 and failed == 0


def test_a_chunk_with_a_slow_probe_on_either_side_is_left_out() -> None:
    sizes = [0.5, 0.5, 1.0, 1.0, 2.0]
    rows = [
        (0, 1.0, 20.0, 19.0),  # docs 0-1: 1 MB, both probes fast
        (2, 4.0, 19.0, 9.0),  # docs 2-3: the probe after is slow
        (4, 1.0, 9.0, 20.0),  # doc 4: the probe before is slow
    ]
    got = bench.steady_figures(sizes, rows, share=0.9)
    assert got == {
        "mb": 1.0,
        "seconds": 1.0,
        "mb_per_s": 1.0,
        "share_of_mb": 0.2,
        "probe_best": 20.0,
    }


def test_every_chunk_counts_when_the_host_holds_its_speed() -> None:
    sizes = [1.0] * 6
    rows = [(0, 1.0, 20.0, 19.5), (3, 2.0, 19.5, 18.5)]
    got = bench.steady_figures(sizes, rows, share=0.9)
    assert (got["mb"], got["seconds"], got["share_of_mb"]) == (6.0, 3.0, 1.0)
    assert got["mb_per_s"] == pytest.approx(2.0)


def test_no_steady_chunk_gives_no_figure() -> None:
    got = bench.steady_figures([1.0], [(0, 1.0, 20.0, 5.0)], share=0.9)
    assert got["mb_per_s"] is None and got["share_of_mb"] == 0.0
    assert bench.steady_figures([], [], share=0.9)["mb_per_s"] is None


def test_the_paired_summary_compares_chunk_by_chunk() -> None:
    from benchmarks import bench_ab

    failed, attempted = doctest.testmod(bench_ab)
    assert attempted > 0 and failed == 0
    # The other tree is twice as slow on three chunks and as fast on one: the median chunk says
    # 2x, the totals weigh the chunks by their time.
    got = bench_ab.paired_summary([1.0] * 4, [2.0, 2.0, 2.0, 1.0], [1.0, 1.0, 1.0, 1.0])
    assert got["median_chunk_ratio"] == 2.0
    assert got["ratio_of_totals"] == 1.75
    assert got["chunk_ratio_quartiles"] == [1.25, 2.0]
    assert (got["other_mb_per_s"], got["this_mb_per_s"]) == (round(4 / 7, 3), 1.0)


def test_the_paired_summary_needs_one_time_per_chunk() -> None:
    from benchmarks import bench_ab

    with pytest.raises(ValueError, match="one time per chunk"):
        bench_ab.paired_summary([1.0, 1.0], [1.0], [1.0, 1.0])
    with pytest.raises(ValueError, match="one time per chunk"):
        bench_ab.paired_summary([], [], [])


_times = st.floats(min_value=0.001, max_value=100.0, allow_nan=False)
_probes = st.floats(min_value=1.0, max_value=40.0, allow_nan=False)


@st.composite
def _first_pass(draw: st.DrawFn) -> tuple[list[float], list[tuple[int, float, float, float]]]:
    """Document sizes and chunk rows as a first pass records them: chunks in order, each probe
    after a chunk the probe before the next."""
    sizes = draw(st.lists(st.floats(min_value=0.001, max_value=5.0), min_size=1, max_size=40))
    chunk = draw(st.integers(min_value=1, max_value=10))
    starts = list(range(0, len(sizes), chunk))
    probes = draw(st.lists(_probes, min_size=len(starts) + 1, max_size=len(starts) + 1))
    rows = [(k, draw(_times), probes[i], probes[i + 1]) for i, k in enumerate(starts)]
    return sizes, rows


@given(_first_pass())
def test_the_full_speed_part_is_a_part_of_the_pass(
    case: tuple[list[float], list[tuple[int, float, float, float]]],
) -> None:
    sizes, rows = case
    got = bench.steady_figures(sizes, rows)
    assert 0.0 <= got["share_of_mb"] <= 1.0
    assert got["mb"] <= round(sum(sizes), 3) and got["seconds"] <= round(sum(r[1] for r in rows), 4)
    if got["mb_per_s"] is not None:
        assert got["mb"] > 0 and got["seconds"] > 0
    # A host that held its speed: every chunk counts.
    even = bench.steady_figures(sizes, [(k, t, 20.0, 20.0) for k, t, _b, _a in rows])
    assert even["share_of_mb"] == 1.0 and even["mb"] == round(sum(sizes), 3)


@given(_first_pass(), st.floats(min_value=0.01, max_value=0.89))
def test_a_chunk_next_to_a_slow_probe_never_counts(
    case: tuple[list[float], list[tuple[int, float, float, float]]], slow: float
) -> None:
    sizes, rows = case
    best = max(max(r[2], r[3]) for r in rows)
    # Slow the probe after the last chunk below the bar: that chunk must drop out, and nothing
    # else may change.
    *head, (first, seconds, before, _after) = rows
    if max([*(max(r[2], r[3]) for r in head), before]) < best:
        return  # the last probe was the only best one: lowering it moves the bar
    slowed = bench.steady_figures(sizes, [*head, (first, seconds, before, slow * best)])
    kept = bench.steady_figures(sizes[:first], head) if head else None
    assert slowed["seconds"] == (kept["seconds"] if kept else 0.0)
    assert slowed["mb"] == (kept["mb"] if kept else 0.0)


# Chunk times within a factor of 100 of each other: the ratios are rounded to 3 decimals.
_chunk_times = st.floats(min_value=0.1, max_value=10.0, allow_nan=False)


@given(
    st.lists(
        st.tuples(st.floats(min_value=0.01, max_value=5.0), _chunk_times, _chunk_times),
        min_size=1,
    )
)
def test_swapping_the_trees_inverts_the_ratios(rows: list[tuple[float, float, float]]) -> None:
    from benchmarks import bench_ab

    sizes = [r[0] for r in rows]
    other, this = [r[1] for r in rows], [r[2] for r in rows]
    ab = bench_ab.paired_summary(sizes, other, this)
    ba = bench_ab.paired_summary(sizes, this, other)
    assert ab["ratio_of_totals"] * ba["ratio_of_totals"] == pytest.approx(1.0, rel=0.05)
    assert (ab["other_mb_per_s"], ab["this_mb_per_s"]) == (
        ba["this_mb_per_s"],
        ba["other_mb_per_s"],
    )
    same = bench_ab.paired_summary(sizes, other, other)
    assert same["median_chunk_ratio"] == same["ratio_of_totals"] == 1.0


def test_widen_memos_unbounds_each_bounded_memo_everywhere_it_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks.bench_ceiling import widen_memos

    pkg = tmp_path / "memopkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text(
        "from functools import cache, lru_cache\n"
        "@lru_cache(maxsize=2)\ndef f(x): return x * 2\n"
        "@cache\ndef g(x): return x + 1\n"
    )
    # b holds a's memo under another name, and a bounded memo of its own.
    (pkg / "b.py").write_text(
        "from functools import lru_cache\nfrom memopkg.a import f as twice\n"
        "@lru_cache(maxsize=1, typed=True)\ndef h(x): return twice(x)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import memopkg
    import memopkg.a
    import memopkg.b

    unbounded_before = memopkg.a.g
    try:
        widened = widen_memos(memopkg)
        assert sorted(widened) == ["memopkg.a.f", "memopkg.b.h"]
        assert memopkg.b.twice is memopkg.a.f  # one new memo, bound under both names
        assert memopkg.a.f.cache_parameters() == {"maxsize": None, "typed": False}
        assert memopkg.b.h.cache_parameters() == {"maxsize": None, "typed": True}
        assert memopkg.a.g is unbounded_before  # already unbounded: left alone
        assert [memopkg.b.h(x) for x in range(5)] == [0, 2, 4, 6, 8]
        assert memopkg.a.f.cache_info().currsize == 5  # nothing evicted
    finally:
        for name in ("memopkg", "memopkg.a", "memopkg.b"):
            sys.modules.pop(name, None)
