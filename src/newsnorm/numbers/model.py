"""The number mention model (see ``newsnorm.numbers``)."""

from __future__ import annotations

from typing import Literal

from newsnorm.model import Span

NumberKind = Literal[
    "cardinal", "ordinal", "percent", "fraction", "money", "measure", "range", "vague"
]
Qualifier = Literal["approx", "at_least", "at_most", "more_than", "less_than"]


class NumberMention(Span):
    """A number in the text with its normalized value.

    ``value`` is an ``int`` when integral, else a ``float``; for ranges it is the lower bound and
    ``upper`` the upper one. ``unit`` is an ISO 4217 code for money, a symbol (``km``, ``t``…)
    for measures, ``%`` is implied by ``kind="percent"``.
    """

    value: int | float
    upper: int | float | None = None
    kind: NumberKind = "cardinal"
    unit: str | None = None
    qualifier: Qualifier | None = None
