"""The timing tools of benchmarks/ keep exactly what they claim: the host-at-full-speed chunks of a
first pass, and the chunk-by-chunk comparison of two source trees."""

from __future__ import annotations

import doctest

import pytest
from benchmarks import bench_throughput as bench


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
