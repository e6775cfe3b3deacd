"""TIMEX3 ``value`` strings: formatting, calendar arithmetic and reference-date resolution.

Conventions follow TIMEX3 as Recognizers-Text writes it: ``2021-07-06``, ``XXXX-07-06`` (year
unknown), ``2021-W26`` (ISO week), ``XXXX-WXX-2`` (a Tuesday), ``T17:30``, ``2021-07-06TEV``
(part of day), ``P2M``/``PT24H`` (durations), ranges as ``(start,end,duration)``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "Ctx",
    "add_units",
    "date_tx",
    "duration_tx",
    "fmt_num",
    "nearest_year",
    "parse_day_tx",
    "range_tx",
    "time_tx",
    "week_tx",
]


@dataclass(frozen=True)
class Ctx:
    """What resolution may use: the reference date, the slash order, and whether to fill gaps.

    ``fill`` (the news default) resolves a year the text omits and a bare weekday from the
    reference date; without it those stay ``X`` as in Recognizers-Text's convention.
    """

    ref: date | None = None
    day_first: bool = True
    fill: bool = True


def fmt_num(value: float) -> str:
    """A duration count as TIMEX3 writes it.

    >>> fmt_num(2.0), fmt_num(1.5), fmt_num(0.25)
    ('2', '1.5', '0.25')
    """
    if value == int(value):
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def date_tx(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """A calendar date (or month, or year) with ``X`` for each unknown part.

    >>> date_tx(2021, 7, 6), date_tx(None, 7, 6), date_tx(2021, 7), date_tx(None, None, 18)
    ('2021-07-06', 'XXXX-07-06', '2021-07', 'XXXX-XX-18')
    """
    y = f"{year:04d}" if year is not None else "XXXX"
    if month is None and day is None:
        return y
    m = f"{month:02d}" if month is not None else "XX"
    if day is None:
        return f"{y}-{m}"
    return f"{y}-{m}-{day:02d}"


def week_tx(d: date) -> str:
    """The ISO week of *d*.

    >>> week_tx(date(2021, 6, 30))
    '2021-W26'
    """
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def time_tx(hour: int, minute: int | None = None, second: int | None = None) -> str:
    """A clock time as TIMEX3 writes it (minutes only when the text gave them).

    >>> time_tx(17), time_tx(17, 30), time_tx(8, 0, 31)
    ('T17', 'T17:30', 'T08:00:31')
    """
    out = f"T{hour:02d}"
    if minute is not None:
        out += f":{minute:02d}"
        if second is not None:
            out += f":{second:02d}"
    return out


def duration_tx(parts: list[tuple[float, str]]) -> str:
    """A duration from ``(count, unit)`` parts; units ``Y M W D H MIN S WE``.

    >>> duration_tx([(2, "M")]), duration_tx([(24, "H")]), duration_tx([(1, "H"), (30, "MIN")])
    ('P2M', 'PT24H', 'PT1H30M')
    >>> duration_tx([(1, "D"), (5, "H")])
    'P1DT5H'
    """
    date_part = ""
    time_part = ""
    for count, unit in parts:
        if unit in ("H", "MIN", "S"):
            time_part += fmt_num(count) + ("M" if unit == "MIN" else unit)
        else:
            date_part += fmt_num(count) + unit
    return "P" + date_part + ("T" + time_part if time_part else "")


def add_months(d: date, months: int) -> date:
    """*d* moved by whole months, the day clamped to the month's length.

    >>> add_months(date(2021, 1, 31), 1)
    datetime.date(2021, 2, 28)
    """
    idx = d.year * 12 + d.month - 1 + months
    year, month = divmod(idx, 12)
    year = min(max(year, 1), 9999)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def add_units(d: date, count: int, unit: str) -> date | None:
    """*d* moved by *count* units (``Y M W D F``); ``None`` when out of range.

    >>> add_units(date(2021, 7, 6), -2, "D"), add_units(date(2021, 7, 6), 2, "M")
    (datetime.date(2021, 7, 4), datetime.date(2021, 9, 6))
    """
    try:
        if unit == "D":
            return d + timedelta(days=count)
        if unit == "W":
            return d + timedelta(weeks=count)
        if unit == "F":
            return d + timedelta(weeks=2 * count)
        if unit == "M":
            return add_months(d, count)
        if unit == "Y":
            return add_months(d, 12 * count)
        if unit == "DE":
            return add_months(d, 120 * count)
    except (OverflowError, ValueError):
        return None
    return None


def nearest_year(month: int, day: int | None, ref: date) -> int:
    """The year that puts ``month``/``day`` closest to *ref* (news rarely reaches a year away).

    >>> nearest_year(7, 6, date(2021, 7, 8)), nearest_year(12, 30, date(2021, 1, 3))
    (2021, 2020)
    """
    best_year = ref.year
    best_gap: int | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if not 1 <= year <= 9999:
            continue
        dd = min(day or 15, calendar.monthrange(year, month)[1])
        gap = abs((date(year, month, dd) - ref).days)
        if best_gap is None or gap < best_gap:
            best_year, best_gap = year, gap
    return best_year


def parse_day_tx(tx: str) -> tuple[int | None, int | None, int | None] | None:
    """``(year, month, day)`` of a date timex (``X`` parts as ``None``), else ``None``.

    >>> parse_day_tx("2021-07-06"), parse_day_tx("XXXX-07"), parse_day_tx("2021")
    ((2021, 7, 6), (None, 7, None), (2021, None, None))
    >>> parse_day_tx("2021-W26") is None
    True
    """
    parts = tx.split("-")
    if not 1 <= len(parts) <= 3 or len(parts[0]) != 4:
        return None
    out: list[int | None] = []
    for i, p in enumerate(parts):
        width = 4 if i == 0 else 2
        if len(p) != width:
            return None
        if p == "X" * width:
            out.append(None)
        elif p.isdigit():
            out.append(int(p))
        else:
            return None
    while len(out) < 3:
        out.append(None)
    return out[0], out[1], out[2]


def _range_bounds(tx: str) -> tuple[str, tuple[int | None, int | None, int | None], str] | None:
    """Start timex, its parts and the granularity (``Y``, ``M`` or ``D``) of a date timex."""
    parts = parse_day_tx(tx)
    if parts is None:
        return None
    y, m, d = parts
    if m is None and d is None:
        return date_tx(y, 1, 1), (y, 1, 1), "Y"
    if d is None:
        return date_tx(y, m, 1), (y, m, 1), "M"
    return tx, parts, "D"


def range_tx(start_tx: str, end_tx: str) -> str | None:
    """A date range ``(start,end,duration)`` between two date timexes, Recognizers-Text style.

    The end of a year or month range is its first day, as ``2014 to 2018`` is four years.

    >>> range_tx("2014", "2018")
    '(2014-01-01,2018-01-01,P4Y)'
    >>> range_tx("XXXX-08", "XXXX-10")
    '(XXXX-08-01,XXXX-10-01,P2M)'
    >>> range_tx("2016-01-12", "2016-01-22")
    '(2016-01-12,2016-01-22,P10D)'
    """
    a = _range_bounds(start_tx)
    b = _range_bounds(end_tx)
    if a is None or b is None:
        return None
    (atx, (ay, am, ad), ag), (btx, (by, bm, bd), bg) = a, b
    if ag == bg == "Y" and ay is not None and by is not None:
        return f"({atx},{btx},P{by - ay}Y)"
    if ag == bg == "M" and am is not None and bm is not None:
        months = (bm - am) % 12 if ay is None or by is None else (by - ay) * 12 + bm - am
        return f"({atx},{btx},P{months}M)"
    if ay is not None and by is not None and "D" not in (ag, bg) and am and bm:
        return f"({atx},{btx},P{(by - ay) * 12 + bm - am}M)"
    if am is None or bm is None or ad is None or bd is None:
        return None
    ya = ay if ay is not None else 2000
    yb = by if by is not None else ya
    try:
        days = (date(yb, bm, bd) - date(ya, am, ad)).days
    except ValueError:
        return None
    if ay is None and days < 0:
        days += 365
    return f"({atx},{btx},P{days}D)"
