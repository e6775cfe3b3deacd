"""Dates against Recognizers-Text's English DateTimeModel specs (skipped without ../shared).

A regression floor, not the figure itself: ``python -m benchmarks.bench_dates`` measures that.
"""

from __future__ import annotations

import pytest

from tests.conftest import SHARED

SPECS = SHARED / "peers" / "recognizers-text" / "DateTime" / "English" / "DateTimeModel.json"


@pytest.fixture(scope="module")
def cases() -> list[dict[str, object]]:
    if not SPECS.exists():
        pytest.skip(f"{SPECS} is absent")
    from benchmarks.bench_dates import load_cases

    return load_cases()


def test_rt_conventions_score_above_floor(cases: list[dict[str, object]]) -> None:
    from benchmarks.bench_dates import score

    result = score(cases, "rt")
    assert result["cases"] == len(cases)
    assert result["f1"] >= 0.64, result
    assert result["timex_accuracy"] >= 0.90, result


def test_news_defaults_find_the_same_spans(cases: list[dict[str, object]]) -> None:
    from benchmarks.bench_dates import score

    result = score(cases, "news")
    assert result["f1"] >= 0.64, result
