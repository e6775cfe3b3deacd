"""Argument checks shared by every public function: a clear ``TypeError`` that says what to do.

A leaf module (no newsnorm imports), so fixers and extractors import it directly instead of
reaching into ``pipeline`` lazily to dodge an import cycle.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

__all__ = ["ensure_date", "ensure_text"]


def ensure_text(value: Any, func: str = "process") -> None:
    """Raise a ``TypeError`` that says how to fix a non-``str`` argument.

    >>> ensure_text(b"Kabul", "fix_mojibake")
    Traceback (most recent call last):
    ...
    TypeError: fix_mojibake() needs a str, got bytes: decode it first, e.g. data.decode('utf-8')
    """
    if isinstance(value, str):
        return
    if isinstance(value, bytes | bytearray | memoryview):
        hint = "decode it first, e.g. data.decode('utf-8')"
    elif value is None:
        hint = "pass the article text as a str (use '' for an empty text)"
    else:
        hint = "pass the text itself as a str, e.g. str(value) or the field that holds the text"
    raise TypeError(f"{func}() needs a str, got {type(value).__name__}: {hint}")


def ensure_date(value: Any, func: str) -> date | None:
    """*value* as a ``date`` (a ``datetime`` gives its day), ``None`` stays; else ``TypeError``.

    >>> ensure_date(datetime(2021, 7, 6, 9, 30), "extract_dates")
    datetime.date(2021, 7, 6)
    >>> ensure_date("2021-07-06", "extract_dates")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: extract_dates() needs reference_date as a datetime.date, got str: ...
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()  # the day is what resolution uses
    if isinstance(value, date):
        return value
    raise TypeError(
        f"{func}() needs reference_date as a datetime.date, got {type(value).__name__}: "
        "e.g. datetime.date(2021, 7, 6)"
    )
