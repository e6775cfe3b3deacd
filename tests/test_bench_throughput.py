"""The host-at-full-speed figure of a first pass keeps exactly the chunks it claims to keep."""

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
