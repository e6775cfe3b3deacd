"""The cleanup fixers in the order they run, each module contributing its ``FIXERS``.

Order matters: character-level repairs (mojibake, invisible characters, spaces) come first so that
word-level fixers see clean words; flags-only checks (fragments, source script) come last.
"""

from __future__ import annotations

from newsnorm.cleanup import byline, demonyms, fragments, punctuation, script, unicode, words
from newsnorm.cleanup.base import Fixer

__all__ = ["FIXERS", "FIXER_NAMES", "get_fixer"]

FIXERS: tuple[Fixer, ...] = (
    *unicode.FIXERS,
    *punctuation.FIXERS,
    *script.FIXERS,
    *byline.FIXERS,
    *words.FIXERS,
    *demonyms.FIXERS,
    *fragments.FIXERS,
    # Flag-only checks run on the final text, after the byline and boilerplate are gone.
    *script.FLAG_FIXERS,
)
FIXER_NAMES: tuple[str, ...] = tuple(f.name for f in FIXERS)

if len(set(FIXER_NAMES)) != len(FIXER_NAMES):  # pragma: no cover - a programming error
    raise RuntimeError(f"duplicate fixer names in {FIXER_NAMES}")


def get_fixer(name: str) -> Fixer:
    for f in FIXERS:
        if f.name == name:
            return f
    raise KeyError(f"unknown fixer {name!r}; known: {', '.join(FIXER_NAMES)}")
