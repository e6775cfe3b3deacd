"""The person-name mention model (see ``newsnorm.names``)."""

from __future__ import annotations

from typing import Literal

from newsnorm.model import Span


class NameMention(Span):
    """A person's name (``text``, without its title) and the entity it refers to.

    Mentions with equal ``key`` are the same person: a gazetteer id when ``source="gazetteer"``,
    else a document-level cluster id.
    """

    title: str | None = None
    canonical: str
    key: str
    score: float = 1.0
    source: Literal["gazetteer", "document"] = "document"
