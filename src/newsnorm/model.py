"""The data model every stage reads and extends: edits, flags, byline metadata, the Document."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import PydanticUndefined

__all__ = ["FROZEN", "Edit", "Flag", "Meta", "Span", "build_valid", "json_safe"]

FROZEN = ConfigDict(frozen=True, extra="forbid")


class Span(BaseModel):
    """A half-open span ``[start, end)`` of a text, with the characters it covers."""

    model_config = FROZEN

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Edit(BaseModel):
    """Replace ``original[start:end]`` with ``replacement``; ``kind`` names the fixer."""

    model_config = FROZEN

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    replacement: str
    kind: str
    note: str = ""


class Flag(BaseModel):
    """A problem reported, not rewritten: ``text[start:end]`` of the cleaned text."""

    model_config = FROZEN

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: str
    message: str


class Meta(BaseModel):
    """What the article's byline said (parsed out of the body by the ``byline`` fixer)."""

    model_config = FROZEN

    section: str | None = None
    author: str | None = None
    author_native: str | None = None
    published: date | None = None
    views: int | None = None


_Model = TypeVar("_Model", bound=BaseModel)
_new = object.__new__
_set = object.__setattr__


def build_valid(
    cls: type[_Model], fields: dict[str, Any], fields_set: frozenset[str] | None = None
) -> _Model:
    """``cls.model_construct(**fields)`` for *fields* that name every field with a valid value.

    For extractors that build thousands of mentions from values they have checked themselves:
    validation would check them again, and ``model_construct`` loops over fields, aliases and
    defaults in Python. The caller owns *fields* (it becomes the model's ``__dict__``, so it
    lists the fields in their declared order). *fields_set* is what ``model_fields_set`` says
    was given (default: every field), for a model that the caller builds with defaults left out.

    Private attributes start at their defaults, as pydantic sets them up.

    >>> s = build_valid(Span, {"start": 0, "end": 5, "text": "Kabul"})
    >>> s == Span(start=0, end=5, text="Kabul"), s.model_fields_set == {"start", "end", "text"}
    (True, True)
    """
    m = _new(cls)
    _set(m, "__dict__", fields)
    _set(m, "__pydantic_fields_set__", set(fields if fields_set is None else fields_set))
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", _private_defaults(cls))
    return m


def _private_defaults(cls: type[BaseModel]) -> dict[str, Any] | None:
    """What pydantic puts in ``__pydantic_private__`` of a new *cls*: ``None`` without private
    attributes, else the defaults of those that have one.

    >>> _private_defaults(Span) is None
    True
    """
    private = cls.__private_attributes__
    if not private:
        return None
    shared = _shared_private_defaults(cls)
    if shared is not None:
        return dict(shared)  # each model its own dict; the values are immutable
    return _defaults_of(private)


def _defaults_of(private: dict[str, Any]) -> dict[str, Any]:
    """The default of each private attribute that has one, made as pydantic makes it."""
    defaults = ((name, attr.get_default()) for name, attr in private.items())
    return {name: value for name, value in defaults if value is not PydanticUndefined}


_IMMUTABLE = (type(None), bool, int, float, str, bytes, tuple, frozenset, date)


@cache
def _shared_private_defaults(cls: type[BaseModel]) -> dict[str, Any] | None:
    """*cls*'s private defaults, made once, when every one is an immutable value (what
    ``get_default`` copies is then the value itself): a document is built per article."""
    private = cls.__private_attributes__
    if any(attr.default_factory is not None for attr in private.values()):
        return None
    defaults = _defaults_of(private)
    return defaults if all(isinstance(v, _IMMUTABLE) for v in defaults.values()) else None


def json_safe(s: str) -> str:
    """Lone surrogates cannot be encoded as UTF-8 JSON; U+FFFD keeps every offset valid.

    >>> json_safe("a\\ud800b") == "a\\ufffdb"
    True
    """
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", s)
    return s


_SURROGATE = re.compile("[\ud800-\udfff]")
