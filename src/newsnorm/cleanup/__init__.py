"""Cleanup of translation artifacts: one small pure fixer per problem, replayable as edits.

Each fixer module offers ``find_<name>(text) -> Fix`` (edits and flags) and ``fix_<name>(text) ->
str``; :func:`fix_and_explain` runs them all and returns the plan.
"""

from newsnorm.cleanup.base import Fix, Fixer
from newsnorm.cleanup.registry import FIXER_NAMES, FIXERS, get_fixer
from newsnorm.cleanup.runner import apply_plan, fix_and_explain, run_cleanup

__all__ = [
    "FIXERS",
    "FIXER_NAMES",
    "Fix",
    "Fixer",
    "apply_plan",
    "fix_and_explain",
    "get_fixer",
    "run_cleanup",
]
