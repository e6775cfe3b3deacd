"""Date extraction: Gregorian, relative, times, durations and sets, with TIMEX3 values.

Solar Hijri and lunar Hijri dates come from :mod:`newsnorm.dates.calendars` and are merged here
(on overlap the longer span wins).

>>> from datetime import date
>>> [(d.text, d.timex) for d in extract_dates("Tuesday July 6th, 2021")]
[('Tuesday July 6th, 2021', '2021-07-06')]
>>> [(d.text, d.timex) for d in extract_dates("reported on Tuesday", date(2021, 7, 6))]
[('Tuesday', '2021-07-06')]
>>> [(d.timex, d.kind) for d in extract_dates("over the past two months")]
[('P2M', 'duration')]
>>> [d.timex for d in extract_dates("on July 6")]
['XXXX-07-06']
"""

from __future__ import annotations

import bisect
from datetime import date

from newsnorm.checks import ensure_date, ensure_text
from newsnorm.dates._ascii import ascii_view
from newsnorm.dates._digits import to_ascii_digits
from newsnorm.dates.calendars import calendar_dates, find_calendar_dates
from newsnorm.dates.compose import compose
from newsnorm.dates.grammar import Atom, find_atoms
from newsnorm.dates.model import DateKind, DateMention
from newsnorm.dates.scan import ascii_lower, candidates
from newsnorm.dates.timex import Ctx
from newsnorm.model import build_valid

__all__ = ["DateMention", "extract_dates"]

_KIND: dict[str, DateKind] = {
    "D": "date",
    "M": "date",
    "Y": "date",
    "P": "date",
    "REF": "date",
    "R": "date",
    "T": "time",
    "POD": "time",
    "DT": "time",
    "TR": "time",
    "DUR": "duration",
    "SET": "set",
}
_MODIFIERS = frozenset({"since", "until", "before", "after", "approx", "start", "mid", "end"})


_FIELDS_SET = frozenset({"start", "end", "text", "timex", "kind", "modifier"})


def _mention(text: str, a: Atom) -> DateMention:
    """The public :class:`DateMention` of an atom (spans index the caller's text).

    Set up as ``DateMention(start=..., end=..., text=..., timex=..., kind=..., modifier=...)``
    would be, without running pydantic's validation (a few µs a mention, a tenth of a typical
    text's date extraction): every field comes from a checked value (offsets are ``>= 0``, the
    kind and modifier are taken from their literal sets). ``tests/test_dates_fastpaths.py``
    checks that both give equal models with equal ``model_fields_set``.

    >>> _mention("on July 6", Atom(3, 9, "D", "XXXX-07-06")) == DateMention(
    ...     start=3, end=9, text="July 6", timex="XXXX-07-06", kind="date", modifier=None)
    True
    """
    return build_valid(
        DateMention,
        {
            "start": a.start,
            "end": a.end,
            "text": text[a.start : a.end],
            "timex": a.tx,
            "kind": _KIND[a.cat],
            "calendar": "gregorian",
            "modifier": a.mod if a.mod in _MODIFIERS else None,
        },
        _FIELDS_SET,
    )


def _merge(ours: list[DateMention], theirs: list[DateMention]) -> list[DateMention]:
    """Both lists as one, ordered; where spans overlap the longer one stays.

    Kept spans never overlap, so they stay sorted by start and one bisection finds the only
    neighbours a candidate can collide with (``n log n``, not ``n^2``).
    """
    if not theirs:
        return ours
    # On equal spans the calendar reading wins: "1400/04/15" is a Solar Hijri date, not AD 1400.
    pool = sorted(
        ours + theirs, key=lambda d: (-(d.end - d.start), d.calendar == "gregorian", d.start)
    )
    starts: list[int] = []
    kept: list[DateMention] = []
    for d in pool:
        i = bisect.bisect_left(starts, d.start)
        if i > 0 and kept[i - 1].end > d.start:
            continue
        if i < len(kept) and kept[i].start < d.end:
            continue
        starts.insert(i, d.start)
        kept.insert(i, d)
    return kept


def extract_dates(
    text: str,
    reference_date: date | None = None,
    *,
    day_first: bool = True,
    fill: bool = True,
) -> list[DateMention]:
    """Every date, time, duration and set mention in *text*, with its TIMEX3 value.

    Relative expressions resolve against *reference_date*; without one they keep ``X``
    (``XXXX-07-06``), never a guess from the clock. ``06/07/2021`` is 6 July unless
    *day_first* is false. With *fill* (the default, right for news) a year the text omits and
    a bare weekday are resolved from the reference date; ``fill=False`` keeps them as ``X``
    the way Recognizers-Text does.

    >>> [d.timex for d in extract_dates("on 06/07/2021", day_first=False)]
    ['2021-06-07']
    >>> [d.timex for d in extract_dates("since mid-July", date(2021, 8, 1))]
    ['2021-07']
    """
    ensure_text(text, "extract_dates")
    reference_date = ensure_date(reference_date, "extract_dates")
    if not text:
        return []
    plain = to_ascii_digits(text)
    lowered = plain.lower()
    low = ascii_lower(plain, lowered)
    view = ascii_view(low)
    ctx = Ctx(ref=reference_date, day_first=day_first, fill=fill)
    starts = candidates(low, view)
    ours: list[DateMention] = []
    if starts:
        atoms = compose(find_atoms(low, plain, ctx, starts), low, ctx)
        ours = [_mention(text, a) for a in atoms]
    # Without fill, a yearless Hijri date keeps its X's too, as the Gregorian ones do.
    calendar_ref = reference_date if fill else None
    if plain is text:  # no Persian digit: the calendars read the same lowered text and view
        theirs = calendar_dates(text, calendar_ref, lowered, view if low is lowered else None)
    else:
        theirs = find_calendar_dates(text, calendar_ref)
    return _merge(ours, theirs)
