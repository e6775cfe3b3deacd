"""Shared test settings: hypothesis profiles and the path of the optional shared data."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

# Deadlines measure the machine, not the code: speed belongs to benchmarks/, not to tests.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100
)
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=200
)
settings.load_profile("ci" if os.environ.get("CI") else "default")

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout: present on the developers' machines and CI, absent for users.
SHARED = ROOT.parent / "shared"
