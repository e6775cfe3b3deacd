"""ruff and mypy --strict are part of the test suite, so CI fails on a lint or type error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_clean() -> None:
    res = _run(sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks")
    assert res.returncode == 0, res.stdout + res.stderr


def test_mypy_strict_clean() -> None:
    res = _run(sys.executable, "-m", "mypy", "--strict", "src/newsnorm")
    assert res.returncode == 0, res.stdout + res.stderr
