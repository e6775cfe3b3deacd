"""Number extraction (placeholder: the extractor lands with the Numbers issue)."""

from __future__ import annotations

from newsnorm.numbers.model import NumberMention

__all__ = ["NumberMention", "extract_numbers"]


def extract_numbers(text: str) -> list[NumberMention]:
    """Every number mention in *text* (not implemented yet: returns no mention)."""
    from newsnorm.pipeline import ensure_text

    ensure_text(text, "extract_numbers")
    return []
