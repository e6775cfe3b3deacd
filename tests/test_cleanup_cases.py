"""Data-driven fixer cases: ``tests/cases/cleanup/<fixer>.json``.

Each file: ``{"fixer": name, "positive": [{"input", "output", "flags"?: [kinds]}],
"negative": [text, ...], "known_failures": [{"input", "expected", "why"}]}``. Positive cases run
the fixer alone; negative cases must pass through the fixer *and* the whole cleanup unchanged;
known failures are kept honestly and must still fail (xfail strict), so a fix is noticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsnorm import clean
from newsnorm.cleanup import get_fixer
from newsnorm.edits import apply_edits

CASES = Path(__file__).parent / "cases" / "cleanup"


def _load() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES.glob("*.json")):
        out.append((path.stem, json.loads(path.read_text(encoding="utf-8"))))
    return out


def _params(section: str) -> list[Any]:
    params = []
    for stem, data in _load():
        for i, case in enumerate(data.get(section, [])):
            params.append(pytest.param(data["fixer"], case, id=f"{stem}-{section}-{i}"))
    return params


@pytest.mark.parametrize(("fixer", "case"), _params("positive"))
def test_positive(fixer: str, case: dict[str, Any]) -> None:
    fix = get_fixer(fixer).find(case["input"])
    assert apply_edits(case["input"], fix.edits) == case["output"]
    if "flags" in case:
        assert sorted(f.kind for f in fix.flags) == sorted(case["flags"])


@pytest.mark.parametrize(("fixer", "case"), _params("negative"))
def test_negative(fixer: str, case: str) -> None:
    fix = get_fixer(fixer).find(case)
    assert fix.edits == ()
    assert clean(case) == case


@pytest.mark.parametrize(("fixer", "case"), _params("known_failures"))
@pytest.mark.xfail(strict=True, reason="known failure, kept honestly")
def test_known_failure(fixer: str, case: dict[str, Any]) -> None:
    fix = get_fixer(fixer).find(case["input"])
    assert apply_edits(case["input"], fix.edits) == case["expected"]


def test_every_case_file_names_a_registered_fixer() -> None:
    for stem, data in _load():
        assert get_fixer(data["fixer"]).name == data["fixer"], stem
