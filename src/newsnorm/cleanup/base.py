"""What a cleanup fixer is: a named pure function from text to the edits and flags it proposes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from newsnorm.edits import apply_edits
from newsnorm.model import Edit, Flag

__all__ = ["EMPTY", "Fix", "Fixer", "fixed_text"]


@dataclass(frozen=True, slots=True)
class Fix:
    """What one fixer proposes for a text: edits (indexing that text), flags, byline metadata."""

    edits: tuple[Edit, ...] = ()
    flags: tuple[Flag, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


EMPTY = Fix()


@dataclass(frozen=True, slots=True)
class Fixer:
    """A cleanup step: ``find(text) -> Fix``. ``name`` is the key for :class:`newsnorm.Config`."""

    name: str
    find: Callable[[str], Fix]
    summary: str


def fixed_text(find: Callable[[str], Fix], text: str) -> str:
    """Apply one fixer's edits: the ``fix_*`` functions are ``fixed_text(find_*, text)``."""
    return apply_edits(text, find(text).edits)
