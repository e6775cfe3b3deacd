"""The date mention model (see ``newsnorm.dates``)."""

from __future__ import annotations

from typing import Literal

from newsnorm.model import Span

DateKind = Literal["date", "time", "duration", "set"]
Calendar = Literal["gregorian", "solar_hijri", "lunar_hijri"]
Modifier = Literal["since", "until", "before", "after", "approx", "start", "mid", "end"]


class DateMention(Span):
    """A date, time, duration or set in the text with its TIMEX3 ``value`` in ``timex``.

    Gregorian normalized even when the text used the Solar Hijri or lunar Hijri calendar
    (``calendar`` says which); unresolved parts are ``X`` (``XXXX-07-06``), never guessed.
    """

    timex: str
    kind: DateKind = "date"
    calendar: Calendar = "gregorian"
    modifier: Modifier | None = None
