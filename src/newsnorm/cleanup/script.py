"""Cleanup fixers: script (placeholder until its fixers land)."""

from __future__ import annotations

from newsnorm.cleanup.base import Fixer

FIXERS: tuple[Fixer, ...] = ()
FLAG_FIXERS: tuple[Fixer, ...] = ()
