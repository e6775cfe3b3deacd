"""``process()``: cleanup, then numbers, dates and names on the cleaned text, in one Document."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from newsnorm.checks import ensure_date, ensure_text
from newsnorm.cleanup.runner import run_cleanup
from newsnorm.dates import DateMention, extract_dates
from newsnorm.document import Config, Document, default_config
from newsnorm.model import Meta, build_valid
from newsnorm.names import extract_names
from newsnorm.numbers import NumberMention, extract_numbers

__all__ = ["clean", "ensure_text", "process"]


def _outside(numbers: list[NumberMention], dates: list[DateMention]) -> list[NumberMention]:
    """The numbers that overlap no date mention (one sweep: both lists are sorted by start)."""
    spans = sorted((d.start, d.end) for d in dates)
    starts = [s for s, _ in spans]
    # Running maximum of the ends, so one bisect answers "does any earlier date reach past x".
    reach: list[int] = []
    hi = -1
    for _, e in spans:
        hi = max(hi, e)
        reach.append(hi)
    out = []
    for n in numbers:
        k = bisect_left(starts, n.end)  # dates starting before the number ends
        if k and reach[k - 1] > n.start:
            continue
        out.append(n)
    return out


def process(
    text: str, reference_date: date | None = None, config: Config | None = None
) -> Document:
    """Clean *text* and extract its numbers, dates and person names.

    Relative dates resolve against *reference_date*, else the byline's published date, else stay
    unresolved. Digits inside a date mention are not reported as numbers.

    >>> doc = process("the the report")
    >>> doc.text
    'the report'
    >>> doc.edits[0].kind
    'doubled_words'
    """
    ensure_text(text, "process")
    reference_date = ensure_date(reference_date, "process")
    cfg = config or default_config()
    cleaned = run_cleanup(text, cfg)
    meta = Meta.model_validate(cleaned.meta)
    body = cleaned.text
    ref = reference_date or meta.published
    dates = extract_dates(body, reference_date=ref, day_first=cfg.day_first) if cfg.dates else []
    numbers = extract_numbers(body) if cfg.numbers else []
    if dates and numbers:
        numbers = _outside(numbers, dates)
    names = []
    if cfg.names:
        from newsnorm.names import load_gazetteer

        names = extract_names(body, gazetteer=load_gazetteer(cfg.gazetteer))
    # Every value comes from the stages, already typed and checked: validating them again
    # would walk every mention (about 2% of process()).
    fields = {
        "original": text,
        "text": body,
        "edits": cleaned.edits,
        "flags": cleaned.flags,
        "numbers": numbers,
        "dates": dates,
        "names": names,
        "meta": meta,
    }
    return build_valid(Document, fields)


def clean(text: str) -> str:
    """The cleaned text alone: ``clean(x) == process(x).text``, without the extraction stages."""
    ensure_text(text, "clean")
    return run_cleanup(text).text
