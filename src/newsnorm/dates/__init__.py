"""Date extraction (placeholder: the extractor lands with the Dates issue)."""

from __future__ import annotations

from datetime import date

from newsnorm.dates.model import DateMention

__all__ = ["DateMention", "extract_dates"]


def extract_dates(
    text: str, reference_date: date | None = None, *, day_first: bool = True
) -> list[DateMention]:
    """Every date mention in *text* (not implemented yet: returns no mention)."""
    from newsnorm.pipeline import ensure_text

    ensure_text(text, "extract_dates")
    return []
