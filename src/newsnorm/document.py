"""The :class:`Document` every stage reads and extends, and the :class:`Config` that steers them."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_serializer, field_validator

from newsnorm.dates.model import DateMention
from newsnorm.edits import OffsetMap
from newsnorm.model import Edit, Flag, Meta, json_safe
from newsnorm.names.model import NameMention
from newsnorm.numbers.model import NumberMention

__all__ = ["Config", "Document", "default_config"]


class Document(BaseModel):
    """An article after :func:`newsnorm.process`: the original, the cleaned text and what was found.

    ``edits`` index ``original`` and replaying them gives ``text``; ``flags`` and every mention
    index ``text``; :meth:`to_original` maps a span of ``text`` back to ``original``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    original: str
    text: str
    edits: list[Edit] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    numbers: list[NumberMention] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    names: list[NameMention] = Field(default_factory=list)
    meta: Meta = Field(default_factory=Meta)

    _offsets: OffsetMap | None = PrivateAttr(default=None)

    @field_serializer("original", "text", when_used="json")
    def _json_safe(self, value: str) -> str:
        # JSON cannot carry lone surrogates; U+FFFD is one character too, so offsets stay valid.
        return json_safe(value)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to the span of ``original`` it came from.

        Untouched spans map to the same characters; a span that starts or ends inside an edit grows
        to cover the whole edited original span.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(
                f"span {start}..{end} is not inside the text (length {len(self.text)})"
            )
        if self._offsets is None:
            self._offsets = OffsetMap(self.edits)
        return self._offsets.to_original(start, end)


class Config(BaseModel):
    """What :func:`newsnorm.process` does.

    ``fixers`` switches cleanup fixers on or off by name (all are on by default); an unknown name
    is a validation error, so a typo never silently keeps a fixer running.

    >>> Config(fixers={"doubled_words": False}).fixer_enabled("doubled_words")
    False
    >>> Config(fixers={"no_such_fixer": False})
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Config
    ...
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    fixers: dict[str, bool] = Field(default_factory=dict)
    numbers: bool = True
    dates: bool = True
    names: bool = True
    day_first: bool = True
    gazetteer: str | None = Field(
        default=None, description="Path of a gazetteer file (JSON, JSONL or CSV) to use for names."
    )

    @field_validator("fixers")
    @classmethod
    def _known_fixers(cls, value: dict[str, bool]) -> dict[str, bool]:
        from newsnorm.cleanup.registry import FIXER_NAMES

        unknown = sorted(set(value) - set(FIXER_NAMES))
        if unknown:
            raise ValueError(
                f"unknown fixer name(s) {unknown}; known fixers: {', '.join(FIXER_NAMES)}"
            )
        return value

    def fixer_enabled(self, name: str) -> bool:
        return self.fixers.get(name, True)

    @classmethod
    def without(cls, *names: str, **kwargs: Any) -> Config:
        """A config with the named fixers switched off."""
        return cls(fixers={n: False for n in names}, **kwargs)


@cache
def default_config() -> Config:
    """``Config()``, built once: it is frozen, and the pipeline asks for it once per article.

    >>> default_config() is default_config() and default_config() == Config()
    True
    """
    return Config()
