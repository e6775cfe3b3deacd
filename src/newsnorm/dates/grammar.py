"""Atoms: the smallest date, time, duration and set expressions, found by a list of rules.

Every rule is a regex over the ASCII-lower-cased text plus a handler that turns its groups into
an :class:`Atom` (a TIMEX3 value and a category). At each candidate position only the rules
whose first characters can fit the text are tried (:mod:`newsnorm.dates.dispatch`), in order;
the first one accepted wins. ``compose`` then joins neighbouring atoms
(date + time, ranges, modifiers). All repetitions are bounded so no rule can backtrack
catastrophically.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import NamedTuple

from newsnorm.dates.dispatch import KEY_LEN, ShapeIndex
from newsnorm.dates.lexicon import count_value, lexicon, ordinal_value, trie
from newsnorm.dates.timex import (
    Ctx,
    add_units,
    date_tx,
    duration_tx,
    nearest_year,
    range_tx,
    time_tx,
    week_tx,
)

__all__ = ["Atom", "compiled_rules", "find_atoms", "warm_up"]

# Categories: D day-precise date, M month, Y year, P other period (week, quarter, season, decade),
# T clock time, POD part of day, DT date with a time, TR time range, DUR duration, SET set,
# REF a PAST_REF/PRESENT_REF/FUTURE_REF, R a composed range.
DATE_CATS = frozenset({"D", "M", "Y", "P", "REF"})
TIME_CATS = frozenset({"T", "POD", "DT", "TR"})


@dataclass
class Atom:
    """One recognised expression: span, TIMEX3 value, category and what composing needs."""

    start: int
    end: int
    cat: str
    tx: str
    weak: bool = False
    mod: str | None = None
    ymd: tuple[int | None, int | None, int | None] | None = None
    weekday: bool = False
    shifted: bool = False
    now: bool = False
    bare: bool = False
    hour2: int | None = None
    minute2: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    ampm: bool = False
    dur: list[tuple[float, str]] = field(default_factory=list)
    day: date | None = None


class Hit(NamedTuple):
    """What a handler sees: the rule's groups, the span, both texts and the context.

    (A named tuple: one is built per match, three times faster than a frozen dataclass.)
    """

    g: dict[str, str]
    start: int
    end: int
    low: str
    text: str
    ctx: Ctx


Handler = Callable[[Hit], Atom | None]


def _lex_alt(key: str) -> str:
    """The alternation of the lexicon's *key* entries."""
    return trie(lexicon()[key])


_WDS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS_FULL = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_ORD_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_CARD_WORDS = (
    "seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|eleven|twelve|"
    "three|seven|eight|four|five|nine|zero|one|two|six|ten"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"


@cache
def _pieces() -> dict[str, str]:
    """Shared regex fragments (group names are rewritten per rule by the builder)."""
    lex = lexicon()
    mon = trie(lex["months"])
    wd = trie(lex["weekdays"])
    ordw = rf"(?:(?:twenty|thirty)[\s-]?(?:{_ORD_UNITS})|{trie(lex['ordinals'])})(?![a-z])"
    numw = (
        rf"(?:(?:{_TENS})(?:[\s-](?:and\s)?(?:one|two|three|four|five|six|seven|eight|nine)"
        rf"(?![a-z]))?|{_CARD_WORDS})(?:\s+and\s+a\s+half)?"
    )
    vague = r"a\s+couple\s+of|couple\s+of|a\s+few|few|several|some|half\s+an?|an?"
    units = (
        r"seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|"
        r"fortnights?|months?|years?|decades?|centuries|century"
    )
    return {
        "MON": rf"(?P<mon>{mon})(?![a-z])\.?",
        "WD": rf"(?P<wd>{wd})(?![a-z])\.?",
        "DAY": r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![a-z0-9]|[:.][0-9])",
        "DAYW": rf"(?P<dayw>{ordw})",
        "YEAR": r"(?P<year>(?:1[0-9]|20|21)[0-9][0-9])(?![0-9]|[.,][0-9])",
        "NUM": rf"(?:(?P<nd>\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}}(?:\.\d{{1,3}})?|½)[\s-]{{0,2}}"
        rf"|(?P<nw>{numw}|{vague})[\s-]{{1,3}})",
        "UNIT": rf"(?P<u>{units})(?![a-z])",
        "UNITC": r"(?P<u>h|hrs?|yrs?|years?|mins?|secs?)(?![a-z])",
        "AMPM": r"(?:\s{0,2}\.?(?P<ap>[ap])\.?\s?m(?![a-z0-9])\.?|(?P<ap1>[ap])(?![a-z0-9]))",
        "POD": r"(?P<pod>morning|afternoon|evening|night-time|nighttime|night|daytime)(?![a-z])",
        "REL": r"(?P<rel>this\spast|this\supcoming|this\scoming|this|next|last|previous|coming|past"
        r"|following|current|upcoming)",
        "SEA": r"(?P<sea>summer|winter|spring|autumn|fall)(?![a-z])",
        "HOL": rf"(?P<hol>{trie(list(lex['holidays']) + list(lex['movable_feasts']))})(?![a-z])",
    }


def _p(template: str) -> str:
    """Expand ``{MON}``-style fragment names in a rule template."""
    pieces = _pieces()
    return re.sub(r"\{([A-Z]+)\}", lambda m: pieces[m.group(1)], template)


# ---------------------------------------------------------------------------------------------
# Handler helpers


def _month(h: Hit) -> int | None:
    """The month number of the matched month name."""
    m = h.g.get("mon")
    return None if m is None else int(lexicon()["months"][m.rstrip(".")])


def _weekday(h: Hit) -> int | None:
    """The ISO weekday (1 = Monday) of the matched weekday name."""
    w = h.g.get("wd")
    return None if w is None else int(lexicon()["weekdays"][w.rstrip(".")])


def _day(h: Hit) -> int | None:
    """The day of the month, from digits (``6th``) or words (``twenty-fourth``)."""
    if "day" in h.g:
        return int(h.g["day"])
    if "dayw" in h.g:
        return ordinal_value(h.g["dayw"])
    return None


def _year(h: Hit, key: str = "year") -> int | None:
    """The year of group *key*; two digits are 2000-2049 or 1950-1999."""
    y = h.g.get(key)
    if y is None:
        return None
    if len(y) == 2:
        v = int(y)
        return 2000 + v if v < 50 else 1900 + v
    return int(y)


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    """Whether month and day numbers can be a date (``feb 30`` is kept, as written)."""
    if m is not None and not 1 <= m <= 12:
        return False
    return not (d is not None and not 1 <= d <= 31)


_VERB_AFTER = re.compile(
    r"\s{0,2}(?:,\s)?(?:be|have|not|also|well|take|differ|result|help|need|want|get|seem|come|go|"
    r"do|or|and|i|we|you|they|he|she|it|the|a|an|to|on|from|at|in|this|that|require|include|"
    r"contain|apply|affect|lead|cause|make|use|vary|change|continue|prove|face|see|become|"
    r"remain|still|already|even|only|just|soon|never|now|again|against|through)\b"
)
_AMBIGUOUS_MONTH_CUE = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|early|late|mid|during|from|to|through|before|after|"
    r"between|next|last|end|beginning|start|middle|around)\s+|mid-)$"
)


def _month_word_ok(h: Hit, has_number: bool) -> bool:
    """``may``/``march`` and lower-case abbreviations are words too: ask for a cue."""
    m = h.g.get("mon", "")
    word = m.rstrip(".")
    if has_number:
        return True
    before = h.low[max(0, h.start - 16) : h.start]
    if _AMBIGUOUS_MONTH_CUE.search(before):
        return True
    if word in ("may", "march", "mar") and _VERB_AFTER.match(h.low, h.end):
        return False  # "may be", "may not", "march on": the verbs
    first = h.text[h.start : h.start + 1]
    if word in ("may", "march", "mar"):
        # "May I ask" starts a sentence: a capital there proves nothing.
        prev = h.text[max(0, h.start - 3) : h.start].strip()
        return has_number or (first.isupper() and bool(prev) and prev[-1] not in ".!?\"'")
    if len(word) <= 4 and word not in ("june", "july"):
        return first.isupper() and h.text[h.start - 1 : h.start] not in ("$", "#")
    return h.text[h.start - 1 : h.start] not in ("$", "#")


def _resolve_md(ctx: Ctx, y: int | None, m: int, d: int | None) -> tuple[int | None, bool]:
    """The year to print: the text's, else (news default) the nearest to the reference."""
    if y is not None:
        return y, False
    if ctx.fill and ctx.ref is not None:
        return nearest_year(m, d, ctx.ref), True
    return None, False


def _date_atom(h: Hit, y: int | None, m: int | None, d: int | None) -> Atom | None:
    """A day (``D``) or month (``M``) atom, its year filled from the reference when asked."""
    if m is None or not _valid(y, m, d):
        return None
    yy, _ = _resolve_md(h.ctx, y, m, d)
    cat = "D" if d is not None else "M"
    day = None
    if yy is not None and d is not None:
        try:
            day = date(yy, m, d)
        except ValueError:
            day = None
    return Atom(h.start, h.end, cat, date_tx(yy, m, d), ymd=(y, m, d), day=day)


_FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|going to|is to|are to|to be held|scheduled|plans? to|expected to|"
    r"due to|set to|until|till|next)\b[^.!?]{0,60}$"
)


_PAST_VERB = re.compile(
    r"\b(?:said|told|reported|announced|stated|declared|added|noted|wrote|was|were|had|did|"
    r"[a-z]{2,20}ed)\s{1,2}(?:on\s{1,2}|last\s{1,2})?$"
)


def _future_tense(h: Hit) -> bool:
    """Whether the words before *h* speak of the future (a past verb right before wins)."""
    # Both patterns end at the weekday. A past verb spans at most 31 characters, so a window
    # of 40 holds any match (tried at fewer positions than 80).
    if _PAST_VERB.search(h.low, max(0, h.start - 40), h.start):
        return False
    # A cue and the weekday share a sentence: the search starts after the last full stop.
    lo = max(0, h.start - 80)
    lo = max(lo, *(h.low.rfind(stop, lo, h.start) + 1 for stop in ".!?"))
    return bool(_FUTURE_CUE.search(h.low, lo, h.start))


def _weekday_date(ctx: Ctx, wd: int, rel: str | None, h: Hit | None) -> date | None:
    """The date of weekday *wd* (1 = Monday) relative to the reference (``None`` without one)."""
    ref = ctx.ref
    if ref is None:
        return None
    monday = ref - timedelta(days=ref.isoweekday() - 1)
    if (rel is not None and rel.startswith("this ")) or rel == "past":
        # "this past Wednesday", "this upcoming Friday": the nearest one on that side.
        if rel.endswith("past"):
            return ref - timedelta(days=(ref.isoweekday() - wd) % 7 or 7)
        return ref + timedelta(days=(wd - ref.isoweekday()) % 7 or 7)
    if rel in ("next", "following", "coming", "upcoming"):
        return monday + timedelta(days=7 + wd - 1)
    if rel in ("last", "previous"):
        return monday + timedelta(days=-7 + wd - 1)
    if rel in ("this", "current"):
        return monday + timedelta(days=wd - 1)
    # Bare weekday: news reports the past, so the nearest on or before the reference...
    back = (ref.isoweekday() - wd) % 7
    if h is not None and back and _future_tense(h):
        # ...unless the sentence speaks of the future.
        return ref + timedelta(days=7 - back)
    return ref - timedelta(days=back)


def _unit_code(u: str) -> str:
    """The lexicon code of a unit word (``months`` is ``M``)."""
    code = str(lexicon()["units"][u])
    return code


def _dur_parts(count: float, u: str) -> list[tuple[float, str]]:
    """Duration parts for *count* units of word *u* (``night`` is a day, ``fortnight`` 2 weeks)."""
    code = _unit_code(u)
    table = {
        "S": [(count, "S")],
        "H": [(count, "H")],
        "D": [(count, "D")],
        "N": [(count, "D")],
        "W": [(count, "W")],
        "WE": [(count, "WE")],
        "F": [(2 * count, "W")],
        "Y": [(count, "Y")],
        "DE": [(10 * count, "Y")],
        "CE": [(100 * count, "Y")],
        "Q": [(3 * count, "M")],
    }
    if code == "M":
        return [(count, "MIN")] if u.startswith("min") else [(count, "M")]
    return table[code]


def _count(h: Hit) -> float | None:
    """The count of a duration phrase (1 when the text gives none)."""
    phrase = h.g.get("nd") or h.g.get("nw")
    if phrase is None:
        return 1.0
    return count_value(phrase)


def _shift(ref: date, count: float, u: str) -> date | None:
    """*ref* moved by *count* units of word *u* (whole counts only)."""
    if count != int(count):
        return None
    parts = _dur_parts(count, u)
    n, code = parts[0]
    if code in ("S", "H", "MIN"):
        return ref
    step = {"D": "D", "W": "W", "WE": "W", "M": "M", "Y": "Y"}.get(code)
    if step is None:
        return None
    return add_units(ref, int(n), step)


# ---------------------------------------------------------------------------------------------
# Handlers


def h_mdy(h: Hit) -> Atom | None:
    """``Tuesday July 6th, 2021``, ``Dec. 31, 1994``, ``mar4``: month before day.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("on Tuesday July 6th, 2021")]
    ['2021-07-06']
    """
    m = _month(h)
    y = _year(h)
    d = _day(h)
    if not _month_word_ok(h, has_number=True):
        return None
    if "day" in h.g and y is None and "wd" not in h.g:
        # "May 5" is safe; "march 3 kilometres" is not, but a following unit word is rare.
        pass
    return _date_atom(h, y, m, d)


def h_dmy(h: Hit) -> Atom | None:
    """``6 July 2021``, ``the 6th of July``, ``05-Aug-2016``: day before month.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("signed 6 July 2021")]
    ['2021-07-06']
    """
    m = _month(h)
    word = h.g.get("mon", "").rstrip(".")
    if word in ("may", "march", "mar") and "year" not in h.g:
        first = h.text[h.end - len(h.g["mon"]) : h.end - len(h.g["mon"]) + 1]
        if not first.isupper() and " of " not in h.low[h.start : h.end]:
            return None
    return _date_atom(h, _year(h), m, _day(h))


def h_ymd_text(h: Hit) -> Atom | None:
    """``2019-aug-1``, ``2019/aug/01``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("How about 2019-aug-1")]
    ['2019-08-01']
    """
    return _date_atom(h, _year(h), _month(h), _day(h))


def h_iso(h: Hit) -> Atom | None:
    """``2021-07-06``, ``2021/7/6``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("on 2021-07-06")]
    ['2021-07-06']
    """
    return _date_atom(h, _year(h), int(h.g["m"]), int(h.g["d"]))


def _order(h: Hit, a: int, b: int) -> tuple[int, int]:
    """(month, day) of two numbers, by range first and the configured order second."""
    if a > 12 >= b:
        return b, a
    if b > 12 >= a:
        return a, b
    return (b, a) if h.ctx.day_first else (a, b)


def h_numdate(h: Hit) -> Atom | None:
    """``06/07/2021``: day first unless configured, or unless one number is above 12.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("on 06/07/2021")]
    ['2021-07-06']
    """
    m, d = _order(h, int(h.g["a"]), int(h.g["b"]))
    return _date_atom(h, _year(h, "y"), m, d)


def h_md_slash(h: Hit) -> Atom | None:
    """``22/04``, ``Friday 7.6``; ``2/3`` is a fraction.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("back on 22/04")]
    ['XXXX-04-22']
    """
    a, b = int(h.g["a"]), int(h.g["b"])
    if "wd" not in h.g and a < b <= 9:
        return None  # 1/2, 2/3, 3/4: fractions, not dates
    after = h.low[h.end : h.end + 12]
    if re.match(r"\s*(?:of\b|%|percent\b)|(?:th|st|nd|rd)\b|\d", after):
        return None
    m, d = _order(h, a, b)
    return _date_atom(h, None, m, d)


def h_mon_year(h: Hit) -> Atom | None:
    """``May 2018``, ``2017 april``, ``12-2015``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("in May 2018")]
    ['2018-05']
    """
    m = _month(h) if "mon" in h.g else int(h.g["m"])
    y = _year(h)
    if m is None or y is None or not 1 <= m <= 12:
        return None
    return Atom(h.start, h.end, "M", date_tx(y, m), ymd=(y, m, None))


def h_mon(h: Hit) -> Atom | None:
    """A month alone (``in May``), or with ``this``/``next``/``last``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("in May")]
    ['XXXX-05']
    """
    if not _month_word_ok(h, has_number=False):
        return None
    m = _month(h)
    if m is None:
        return None
    rel = h.g.get("rel")
    ref = h.ctx.ref
    if rel is not None:
        if ref is None:
            return Atom(h.start, h.end, "M", date_tx(None, m), ymd=(None, m, None))
        y = ref.year
        if rel in ("next", "coming", "following", "upcoming") and m <= ref.month:
            y += 1
        if rel in ("last", "previous", "past") and m >= ref.month:
            y -= 1
        return Atom(h.start, h.end, "M", date_tx(y, m), ymd=(y, m, None))
    y2, _ = _resolve_md(h.ctx, None, m, None)
    return Atom(h.start, h.end, "M", date_tx(y2, m), ymd=(None, m, None))


_COUNT_CUE = re.compile(
    r"(?<![a-z])(?:about|around|nearly|almost|over|some|approximately|roughly|up\sto|"
    r"more\sthan|less\sthan|fewer\sthan|at\sleast|estimated|total\sof)\s{1,2}$"
)


def h_year(h: Hit) -> Atom | None:
    """A year: bare 1900-2099 unless it counts things (``about 2000 people``).

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("about 2000 people, in 2001")]
    ['2001']
    """
    y = _year(h)
    if y is None or y < 1500:
        return None  # 1394 or 1442 in this press is a Solar or lunar Hijri year
    cue = h.g.get("cue")
    if cue is not None and cue.startswith(("fiscal", "school")):
        return Atom(h.start, h.end, "P", ("FY" if cue[0] == "f" else "SY") + str(y))
    if cue is None:
        if not 1900 <= y <= 2099:
            return None
        after = h.low[h.end : h.end + 24]
        # "2000 people": a bare number before a plural noun counts things, not years.
        if re.match(r"\s[a-z]{2,20}s\b", after) and not re.match(
            r"\s(?:was|is|has|as|elections?|saw|marks?|sees)\b", after
        ):
            return None
        if re.match(
            r"\s*(?:%|percent|per\b|million|billion|thousand|km|kilo|tons?|dollars?)", after
        ):
            return None
        before = h.low[max(0, h.start - 24) : h.start]
        if re.search(r"(?:no\.|number|#|tel|code|page|pp?\.)\s*$", before):
            return None
        if _COUNT_CUE.search(before) and re.match(r"\s{1,2}[a-z]", after):
            return None  # "about 2000 people": a count
    return Atom(h.start, h.end, "Y", date_tx(y), ymd=(y, None, None))


def h_yrange(h: Hit) -> Atom | None:
    """``2014-2018``, ``from 2014 to 2018``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("from 2014 to 2018")]
    ['(2014-01-01,2018-01-01,P4Y)']
    """
    y1, y2 = _year(h, "y1"), _year(h, "y2")
    if y1 is None or y2 is None or not y1 < y2:
        return None
    between = h.low.startswith("between", h.start)
    if re.search(r"\sand\s?\d", h.low[h.start : h.end]) and not between:
        return None
    if not (1900 <= y1 <= 2099 or h.low[h.start : h.start + 4] in ("from", "betw")):
        return None
    if re.search(r"\d[\s-]$", h.low[max(0, h.start - 2) : h.start]):
        return None  # a telephone number's digit groups
    return Atom(h.start, h.end, "R", f"({y1:04d}-01-01,{y2:04d}-01-01,P{y2 - y1}Y)")


def h_decade(h: Hit) -> Atom | None:
    """``the 1990s`` is ``199``; ``the 20s`` stays ``XX2``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("in the 1990s")]
    ['199']
    """
    dec = h.g["dec"]
    if len(dec) == 4:
        return Atom(h.start, h.end, "P", dec[:3])
    tens = int(dec[0])
    if not tens:
        return None
    return Atom(h.start, h.end, "P", f"19{tens}" if tens >= 3 else f"XX{tens}")


def h_century(h: Hit) -> Atom | None:
    """``21st century``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("the 21st century")]
    ['(2000-01-01,2100-01-01,P100Y)']
    """
    n = ordinal_value(h.g["cn"])
    if n is None or not 1 <= n <= 30:
        return None
    # Recognizers-Text writes a century as the range of its years.
    start = (n - 1) * 100
    return Atom(h.start, h.end, "P", f"({start:04d}-01-01,{start + 100:04d}-01-01,P100Y)")


_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_QUARTER_ORD |= {"fourth": 4, "4th": 4, "last": 4}


def _quarter_tx(y: int | None, n: int, half: bool) -> str | None:
    """A quarter or half-year as a Recognizers-Text range."""
    months = 6 if half else 3
    if not 1 <= n <= (2 if half else 4):
        return None
    m0 = (n - 1) * months + 1
    start = date_tx(y, m0, 1)
    if m0 + months > 12:
        end = date_tx(y + 1 if y is not None else None, 1, 1)
    else:
        end = date_tx(y, m0 + months, 1)
    return f"({start},{end},P{months}M)"


def h_quarter(h: Hit) -> Atom | None:
    """``Q1 2019``, ``2019-H2``, ``the first quarter of 2020``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("in Q1 2019")]
    ['(2019-01-01,2019-04-01,P3M)']
    """
    half = h.g.get("q", "q") == "h" or h.g.get("qq") == "half"
    n = int(h.g["qn"]) if "qn" in h.g else _QUARTER_ORD.get(h.g.get("qo", ""), 0)
    y = _year(h)
    rel = h.g.get("rel")
    ref = h.ctx.ref
    if y is None and rel is not None and ref is not None:
        y = ref.year + {"this": 0, "next": 1, "last": -1}.get(rel, 0)
    elif y is None and "the year" in h.low[h.start : h.end] and ref is not None and h.ctx.fill:
        y = ref.year
    if h.g.get("q") == "h" and y is None:
        return None  # a bare "H1" is a heading or a virus strain, not a half-year
    tx = _quarter_tx(y, n, half)
    return None if tx is None else Atom(h.start, h.end, "P", tx)


def h_season(h: Hit) -> Atom | None:
    """``summer 2021``, ``this winter``; ``the fall of Kabul`` is no season.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("in summer 2021")]
    ['2021-SU']
    """
    sea = str(lexicon()["seasons"][h.g["sea"]])
    y = _year(h)
    rel = h.g.get("rel")
    ref = h.ctx.ref
    if y is None and rel is None and h.g["sea"] in ("spring", "fall"):
        return None  # "the fall of Kabul", "Arab Spring"
    if y is None and rel in ("this", "next", "last", "coming", "past", "previous") and ref:
        y = ref.year + {"next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1}.get(rel, 0)
    if y is None and rel == "the":
        return None
    return Atom(h.start, h.end, "P", f"{y:04d}-{sea}" if y is not None else sea)


def easter(year: int) -> date:
    """Western Easter Sunday of *year* (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).

    >>> easter(2018), easter(2019), easter(2024)
    (datetime.date(2018, 4, 1), datetime.date(2019, 4, 21), datetime.date(2024, 3, 31))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _feast(name: str, year: int) -> date:
    """A movable feast of *year*: Easter-based, or Thanksgiving (fourth Thursday of November)."""
    rule = lexicon()["movable_feasts"][name]
    if isinstance(rule, int):
        return easter(year) + timedelta(days=rule)
    nov1 = date(year, 11, 1)
    thanksgiving = nov1 + timedelta(days=(3 - nov1.weekday()) % 7 + 21)
    return thanksgiving + timedelta(days=1 if rule.endswith("+1") else 0)


def h_holiday(h: Hit) -> Atom | None:
    """Fixed holidays and movable feasts (Easter, Thanksgiving).

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("on Christmas 2020")]
    ['2020-12-25']
    """
    hol = " ".join(h.g["hol"].split())
    lex = lexicon()
    y = _year(h)
    rel = h.g.get("rel")
    ref = h.ctx.ref

    def on(year: int) -> date:
        if hol in lex["movable_feasts"]:
            return _feast(hol, year)
        m, d = lex["holidays"][hol]
        return date(year, m, d)

    if y is None and rel is not None and ref is not None:
        this = on(ref.year)
        if rel in ("next", "following"):
            y = ref.year if this > ref else ref.year + 1
        elif rel in ("last", "previous"):
            y = ref.year if this < ref else ref.year - 1
        else:
            y = ref.year
    elif y is None and ref is not None and (h.ctx.fill or hol in lex["movable_feasts"]):
        y = (
            ref.year
            if hol in lex["movable_feasts"]
            else nearest_year(*on(2001).timetuple()[1:3], ref)
        )
    if y is None:
        if hol in lex["movable_feasts"]:
            return None  # Easter has no fixed day to write with XXXX
        m, d = lex["holidays"][hol]
        return Atom(h.start, h.end, "D", date_tx(None, m, d), ymd=(None, m, d))
    day = on(y)
    return Atom(h.start, h.end, "D", day.isoformat(), ymd=(y, day.month, day.day), day=day)


def h_end_of_day(h: Hit) -> Atom | None:
    """``end of the day``: the last second of the reference day, as Recognizers-Text writes it."""
    ref = h.ctx.ref
    if ref is None or h.low.endswith("at the ", 0, h.start):
        return None  # "at the end of the day" is an idiom: "in the end"
    return Atom(h.start, h.end, "DT", f"{ref.isoformat()}T23:59:59")


def h_day_range(h: Hit) -> Atom | None:
    """``November 18-19``, ``between 3 and 12 of Sept``, ``9 to 12 of June 2020``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("on November 18-19, 2015")]
    ['(2015-11-18,2015-11-19,P1D)']
    """
    m = _month(h)
    d1 = int(h.g.get("d1") or h.g.get("d3") or 0)
    d2 = int(h.g.get("d2") or h.g.get("d4") or 0)
    if m is None or not 0 < d1 < d2 <= 31:
        return None
    joined = h.low[h.start : h.end]
    if " and " in joined and h.g.get("pre") != "between":
        return None  # "18 and 19 June": two dates, not a range
    if "d1" in h.g and not _month_word_ok(h, has_number=True):
        return None
    y, _ = _resolve_md(h.ctx, _year(h), m, d1)
    tx = range_tx(date_tx(y, m, d1), date_tx(y, m, d2))
    return None if tx is None else Atom(h.start, h.end, "R", tx)


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_NTH |= {"fifth": 5, "5th": 5}


def h_nth_week(h: Hit) -> Atom | None:
    """``the first week of 2015`` (``2015-W01``), ``the last week of July`` (``XXXX-07-W05``)."""
    nth = h.g["nth"]
    y = _year(h)
    m = _month(h)
    if m is None:
        if y is None:
            return None
        n = _NTH.get(nth) or date(y, 12, 28).isocalendar()[1]
        return Atom(h.start, h.end, "P", f"{y:04d}-W{n:02d}")
    n = _NTH.get(nth) or 5
    return Atom(h.start, h.end, "P", f"{date_tx(y, m)}-W{n:02d}")


def h_week_n(h: Hit) -> Atom | None:
    """``week 31``: the ISO week of the reference's year (``XXXX-W31`` without one)."""
    n = int(h.g["wn"])
    ref = h.ctx.ref
    year = f"{ref.year:04d}" if ref is not None else "XXXX"
    return Atom(h.start, h.end, "P", f"{year}-W{n:02d}")


def h_wd_week(h: Hit) -> Atom | None:
    """``Tuesday of next week``, ``next week Wednesday``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("on Tuesday of next week", date(2021, 7, 6))]
    ['2021-07-13']
    """
    wd = _weekday(h)
    rel = h.g.get("rel")
    if wd is None:
        return None
    day = _weekday_date(h.ctx, wd, rel, None)
    if day is None:
        return Atom(h.start, h.end, "D", f"XXXX-WXX-{wd}")
    return Atom(h.start, h.end, "D", day.isoformat(), day=day)


def h_wd_the_day(h: Hit) -> Atom | None:
    """``Friday the 26th``: the month near the reference where the 26th is a Friday.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("Friday the 26th", date(2021, 3, 15))]
    ['2021-03-26']
    """
    wd = _weekday(h)
    d = _day(h)
    ref = h.ctx.ref
    if wd is None or d is None or not 1 <= d <= 31:
        return None
    if ref is not None:
        for off in (0, -1, 1, -2, 2, -3, 3):
            y, m = divmod(ref.year * 12 + ref.month - 1 + off, 12)
            try:
                cand = date(y, m + 1, d)
            except ValueError:
                continue
            if cand.isoweekday() == wd:
                return Atom(h.start, h.end, "D", cand.isoformat(), day=cand)
    return Atom(h.start, h.end, "D", date_tx(None, None, d))


def h_the_day(h: Hit) -> Atom | None:
    """``on the 18th``: the reference month when filling, else ``XXXX-XX-18``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("on the 18th")]
    ['XXXX-XX-18']
    """
    d = _day(h)
    if d is None:
        return None
    ref = h.ctx.ref
    if ref is not None and h.ctx.fill:
        try:
            day = date(ref.year, ref.month, d)
        except ValueError:
            return Atom(h.start, h.end, "D", date_tx(None, None, d))
        return Atom(h.start, h.end, "D", day.isoformat(), day=day)
    return Atom(h.start, h.end, "D", date_tx(None, None, d))


def h_wd(h: Hit) -> Atom | None:
    """A weekday, alone or with ``this``/``next``/``last``; ``Mondays`` is a set.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("said on Tuesday", date(2021, 7, 8))]
    ['2021-07-06']
    """
    wd = _weekday(h)
    word = h.g.get("wd", "").rstrip(".")
    if wd is None:
        return None
    if len(word) <= 4 and not h.text[h.start : h.start + 1].isupper():
        return None  # "sun", "sat", "wed" are words
    if h.g.get("pl"):
        return Atom(h.start, h.end, "SET", f"XXXX-WXX-{wd}")
    rel = h.g.get("rel")
    if rel is None and not h.ctx.fill:
        return Atom(h.start, h.end, "D", f"XXXX-WXX-{wd}", weekday=True)
    day = _weekday_date(h.ctx, wd, rel, h)
    if day is None:
        return Atom(h.start, h.end, "D", f"XXXX-WXX-{wd}", weekday=True)
    return Atom(h.start, h.end, "D", day.isoformat(), day=day, weekday=True)


def h_today(h: Hit) -> Atom | None:
    """``today``, ``tomorrow``, ``the day before yesterday``, ``tonight``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("yesterday", date(2021, 7, 6))]
    ['2021-07-05']
    """
    word = " ".join(h.low[h.start : h.end].split())
    offsets = {
        "today": 0,
        "otd": 0,
        "tomorrow": 1,
        "yesterday": -1,
        "tonight": 0,
        "tonite": 0,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
        "the next day": 1,
        "the following day": 1,
        "next day": 1,
        "following day": 1,
        "the previous day": -1,
        "the day before": -1,
        "the day after": 1,
        "previous day": -1,
    }
    off = offsets.get(word)
    if off is None:
        return None
    ref = h.ctx.ref
    if ref is None:
        tx = {0: "PRESENT_REF"}.get(off, "PAST_REF" if off < 0 else "FUTURE_REF")
        tx = "XXXX-XX-XX" if off else tx
        day = None
    else:
        day = ref + timedelta(days=off)
        tx = day.isoformat()
    if word in ("tonight", "tonite"):
        return Atom(h.start, h.end, "DT", tx + "TNI", day=day)
    ymd = (day.year, day.month, day.day) if day is not None else None
    return Atom(h.start, h.end, "D", tx, day=day, ymd=ymd)


def h_ref(h: Hit) -> Atom | None:
    """``recently``, ``in recent days`` (``PAST_REF``); ``right now``; ``in the future``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("In recent days")]
    ['PAST_REF']
    """
    phrase = " ".join(h.low[h.start : h.end].split())
    lex = lexicon()
    if phrase.endswith(("past", "future")) and re.match(
        r"\s{1,2}[a-z0-9]", h.low[h.end : h.end + 3]
    ):
        return None  # "in the past year", "in the past Iranian calendar year": an adjective
    if phrase in lex["past_ref"]:
        return Atom(h.start, h.end, "REF", "PAST_REF")
    if phrase in lex["future_ref"]:
        return Atom(h.start, h.end, "REF", "FUTURE_REF")
    if phrase in lex["present_ref"]:
        if (
            phrase == "now"
            and re.search(r"\b(?:by|until|till|from|right|just)\s+$", h.low[h.start - 8 : h.start])
            is None
        ):
            # A bare "now" is mostly discourse ("now the army says"), so it is weak.
            return Atom(h.start, h.end, "DT", "PRESENT_REF", weak=True, now=True)
        return Atom(h.start, h.end, "DT", "PRESENT_REF", now=phrase == "now")
    return None


_PERIOD_UNITS = {
    "week": "W",
    "working week": "W",
    "workweek": "W",
    "business week": "W",
    "weekend": "WE",
    "month": "M",
    "year": "Y",
    "calendar year": "Y",
    "fiscal year": "FY",
    "quarter": "Q",
    "fortnight": "F",
    "decade": "DE",
    "century": "CE",
}
_REL_STEP = {
    "this": 0,
    "current": 0,
    "the": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "upcoming": 1,
    "last": -1,
    "previous": -1,
    "past": -1,
}


def h_rel_unit(h: Hit) -> Atom | None:
    """``last week``, ``this year``, ``next quarter``, ``end of the month``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("last week", date(2021, 7, 6))]
    ['2021-W26']
    """
    rel = h.g["rel"]
    unit = " ".join(h.g["pu"].split())
    code = _PERIOD_UNITS.get(unit)
    step = _REL_STEP.get(rel)
    if code is None or step is None:
        return None
    pos = h.g.get("pos")
    if rel == "the" and code != "WE" and "el" not in h.g and pos is None:
        return None
    if code in ("F", "DE", "CE") and pos is not None:
        return None
    mod = {"earlier": "start", "later": "end"}.get(h.g.get("el", ""))
    if pos is not None:
        mod = {"end": "end", "beginning": "start", "start": "start", "middle": "mid"}[pos]
    ref = h.ctx.ref
    if code == "F":
        return Atom(h.start, h.end, "DUR", "P2W", dur=[(2, "W")])
    if ref is None:
        tx = {
            "W": "XXXX-WXX",
            "WE": "XXXX-WXX-WE",
            "M": "XXXX-XX",
            "Y": "XXXX",
            "FY": "FYXXXX",
            "Q": "XXXX-QX",
            "DE": "XXX",
            "CE": "XX",
        }[code]
        return Atom(h.start, h.end, "P", tx, mod=mod)
    if code in ("W", "WE"):
        tx = week_tx(ref + timedelta(weeks=step)) + ("-WE" if code == "WE" else "")
        return Atom(h.start, h.end, "P", tx, mod=mod)
    if code == "M":
        d = add_units(ref, step, "M") or ref
        return Atom(
            h.start, h.end, "M", date_tx(d.year, d.month), ymd=(d.year, d.month, None), mod=mod
        )
    if code == "Y":
        y = ref.year + step
        return Atom(h.start, h.end, "Y", date_tx(y), ymd=(y, None, None), mod=mod)
    if code == "FY":
        return Atom(h.start, h.end, "P", f"FY{ref.year + step}", mod=mod)
    if code == "Q":
        q = (ref.month - 1) // 3 + step
        y, q = ref.year + q // 4, q % 4
        tx_q = _quarter_tx(y, q + 1, False)
        return None if tx_q is None else Atom(h.start, h.end, "P", tx_q, mod=mod)
    if code == "DE":
        return Atom(h.start, h.end, "P", f"{ref.year // 10 + step:03d}", mod=mod)
    if code == "CE":
        return Atom(h.start, h.end, "P", f"{ref.year // 100 + step:02d}", mod=mod)
    return None


def h_ago(h: Hit) -> Atom | None:
    """``two days ago``, ``3 weeks later``, ``5 years from now``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("two days ago", date(2021, 7, 6))]
    ['2021-07-04']
    """
    n = _count(h)
    u = h.g["u"]
    if n is None:
        return None
    if u.startswith("second") and h.g.get("nw", "").strip() in ("a", "an"):
        return None  # "after a second round"
    direction = " ".join(h.g["dir"].split())
    sign = -1 if direction in ("ago", "earlier", "before", "back", "before today") else 1
    ref = h.ctx.ref
    parts = _dur_parts(n, u)
    is_time = parts[0][1] in ("H", "MIN", "S")
    if ref is None:
        return Atom(h.start, h.end, "D", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if is_time:
        return Atom(h.start, h.end, "DT", "PAST_REF" if sign < 0 else "FUTURE_REF")
    day = _shift(ref, sign * n, u)
    if day is None:
        return None
    return Atom(h.start, h.end, "D", day.isoformat(), day=day)


def h_in_n(h: Hit) -> Atom | None:
    """``in two weeks``: a date ahead of the reference.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("in two weeks", date(2021, 7, 6))]
    ['2021-07-20']
    """
    return h_ago(Hit(h.g | {"dir": "later"}, h.start, h.end, h.low, h.text, h.ctx))


def h_last_n(h: Hit) -> Atom | None:
    """``the past two months`` is the duration ``P2M``; ``the next 3 days`` is a future range.

    Looking back, news means "for that long until now" (a duration, as issue 4 asks);
    looking ahead with a reference date, the days are known: Recognizers-Text's range.
    """
    n = _count(h)
    if n is None or n <= 0:
        return None
    if h.low[h.start].isdigit() and not h.g["u"].endswith("s") and n != 1:
        return None  # "between 7 and 9 last night": the night is not counted
    parts = _dur_parts(n, h.g["u"])
    tx = duration_tx(parts)
    rel = h.g.get("rel")
    within = h.low.startswith("within", h.start)
    ref = h.ctx.ref
    count, unit = parts[0]
    future = within or rel in ("next", "coming", "upcoming", "following")
    if future and ref is not None and len(parts) == 1 and count == int(count):
        step = {"D": "D", "W": "W", "M": "M", "Y": "Y"}.get(unit)
        first = ref if within or unit in ("M", "Y") else ref + timedelta(days=1)
        last = add_units(first, int(count), step) if step else None
        if last is not None:
            return Atom(h.start, h.end, "R", f"({first.isoformat()},{last.isoformat()},{tx})")
    return Atom(h.start, h.end, "DUR", tx, dur=parts)


def h_dur(h: Hit) -> Atom | None:
    """``24 hours``, ``a few days``, ``one and a half hours``, ``all day``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("for 24 hours")]
    ['PT24H']
    """
    n = _count(h)
    u = h.g["u"]
    if n is None:
        return None
    nw = h.g.get("nw", "")
    if u in ("second", "seconds") and nw.strip() in ("a", "an"):
        return None  # "a second round"
    if h.g.get("all"):
        n = 1.0
    if h.g.get("half"):
        n += 0.5
    parts = _dur_parts(n, u)
    return Atom(h.start, h.end, "DUR", duration_tx(parts), dur=parts)


def h_dur_compact(h: Hit) -> Atom | None:
    """``3h``, ``3.5years``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("for 3h")]
    ['PT3H']
    """
    n = count_value(h.g["nd"])
    if n is None:
        return None
    u = h.g["u"]
    unit = {"h": "hour", "hr": "hour", "hrs": "hour", "yr": "year", "yrs": "year"}.get(u, u)
    parts = _dur_parts(n, unit)
    return Atom(h.start, h.end, "DUR", duration_tx(parts), dur=parts)


_PUBLICATION = re.compile(
    r"\s{1,2}(?:newspapers?|papers?|news|mail|magazines?|journals?|tabloids?|star|times|"
    r"telegraph|express|beast|show|program(?:me)?s?)\b"
)


def h_set(h: Hit) -> Atom | None:
    """``every Monday``, ``each week``, ``once a year``, ``daily``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("every Monday")]
    ['XXXX-WXX-1']
    """
    lex = lexicon()
    word = h.g.get("sw")
    if word is not None and _PUBLICATION.match(h.low, h.end):
        return None  # "the Kuwaiti daily newspaper", "a weekly magazine": publications
    if word is not None:
        return Atom(h.start, h.end, "SET", str(lex["sets"][word]))
    if "wd" in h.g:
        return Atom(h.start, h.end, "SET", f"XXXX-WXX-{_weekday(h)}")
    if "pod" in h.g:
        code = lex["parts_of_day"][h.g["pod"]]
        return Atom(h.start, h.end, "SET", f"T{code}")
    u = h.g.get("u", "")
    if u in ("weekday", "weekdays"):
        return Atom(h.start, h.end, "SET", "P1D")
    n = _count(h)
    if n is None:
        return None
    return Atom(h.start, h.end, "SET", duration_tx(_dur_parts(n, u)))


def _hour24(hour: int, ap: str | None) -> int:
    """*hour* on the 24-hour clock, given ``a``/``p``."""
    if ap == "p" and hour < 12:
        return hour + 12
    if ap == "a" and hour == 12:
        return 0
    return hour


def h_time(h: Hit) -> Atom | None:
    """``17:30``, ``5 pm``, ``8.30a.m.``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("at 5 pm")]
    ['T17']
    """
    word = h.g["h"]
    hour = int(word) if word.isdigit() else int(count_value(word) or 0)
    ap = h.g.get("ap") or h.g.get("ap1")
    mi = h.g.get("mi")
    if "mw" in h.g:
        spoken = count_value(
            h.g["mw"].replace("o", "", 1) if h.g["mw"].startswith("o") else h.g["mw"]
        )
        if spoken is None or not 0 <= spoken < 60:
            return None
        mi = f"{int(spoken):02d}"
    s = h.g.get("s")
    if ap is not None and not 1 <= hour <= 12:
        return None
    if hour > 23:
        return None
    minute = int(mi) if mi is not None else None
    second = int(s) if s is not None else None
    h24 = _hour24(hour, ap)
    weak = "at" in h.g and mi is None and ap is None
    return Atom(
        h.start,
        h.end,
        "T",
        time_tx(h24, minute, second),
        hour=h24,
        minute=minute,
        second=second,
        ampm=ap is not None or hour > 12 or hour == 0,
        weak=weak,
    )


def h_at_hour(h: Hit) -> Atom | None:
    """``at 7``: kept only when a day or a part of day goes with it.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("at 7 in the evening")]
    ['T19']
    """
    after = h.low[h.end : h.end + 14]
    if re.match(r"\s*(?:%|percent|per\b|million|billion|thousand|points?|years?|km|kg)", after):
        return None
    return h_time(h)


def h_oclock(h: Hit) -> Atom | None:
    """``seven oclock``, ``7 o'clock``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("at seven oclock")]
    ['T07']
    """
    word = h.g["h"]
    hour = int(word) if word.isdigit() else int(count_value(word) or 0)
    if not 0 <= hour <= 23:
        return None
    return Atom(h.start, h.end, "T", time_tx(hour), hour=hour, ampm=hour > 12)


def h_noon(h: Hit) -> Atom | None:
    """``noon``, ``12 noon``, ``midnight``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("at noon")]
    ['T12']
    """
    word = h.low[h.start : h.end]
    hour = 0 if "midnight" in word else 12
    return Atom(h.start, h.end, "T", time_tx(hour), hour=hour, ampm=True)


def h_pod(h: Hit) -> Atom | None:
    """``in the morning``, ``late afternoon``; a bare ``morning`` is weak.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("early in the morning")]
    ['TMO']
    """
    code = str(lexicon()["parts_of_day"][h.g["pod"]])
    pre = h.g.get("pre")
    mod = {"early": "start", "late": "end", "later": "end", "mid": "mid"}.get(pre or "")
    weak = pre is None and "inthe" not in h.g
    return Atom(h.start, h.end, "POD", f"T{code}", weak=weak, mod=mod)


def h_rel_pod(h: Hit) -> Atom | None:
    """``this morning``, ``tomorrow night``, ``today pm``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("this morning", date(2021, 7, 6))]
    ['2021-07-06TMO']
    """
    code = str(lexicon()["parts_of_day"][h.g["pod"]])
    rel = h.g["rel"]
    ref = h.ctx.ref
    off = {"this": 0, "today": 0, "tomorrow": 1, "yesterday": -1, "last": -1, "next": 1}[rel]
    pre = h.g.get("pre")
    mod = {"early": "start", "late": "end", "later": "end", "earlier": "start"}.get(pre or "")
    if ref is None:
        tx = "XXXX-XX-XX" if off else "PRESENT_REF"
        return Atom(h.start, h.end, "DT", f"{tx}T{code}" if off else f"T{code}", mod=mod)
    day = ref + timedelta(days=off)
    return Atom(h.start, h.end, "DT", f"{day.isoformat()}T{code}", day=day, mod=mod)


def time_range_tx(a: int, m1: int | None, b: int, m2: int | None) -> str:
    """``(T10,T16,PT6H)``: a clock range with its length (across midnight when it ends earlier).

    >>> time_range_tx(10, None, 16, None), time_range_tx(14, 0, 14, 30)
    ('(T10,T16,PT6H)', '(T14:00,T14:30,PT30M)')
    """
    length = clock_length_tx(a * 60 + (m1 or 0), b * 60 + (m2 or 0))
    return f"({time_tx(a, m1)},{time_tx(b, m2)},{length})"


def clock_length_tx(start_min: int, end_min: int) -> str:
    """The TIMEX duration from one clock time to another, across midnight when it ends earlier.

    >>> clock_length_tx(10 * 60, 16 * 60), clock_length_tx(23 * 60, 60 + 30)
    ('PT6H', 'PT2H30M')
    """
    mins = end_min - start_min
    if mins <= 0:
        mins += 24 * 60
    parts: list[tuple[float, str]] = []
    if mins // 60:
        parts.append((mins // 60, "H"))
    if mins % 60:
        parts.append((mins % 60, "MIN"))
    return duration_tx(parts)


def bare_hour_range(h: Hit, h1: int, h2: int, prefixed: bool) -> Atom | None:
    """``6-8``, ``between 3 and 5``: hours without am/pm, kept only next to a day or a part of
    the day (weak), since alone they are as likely a score or a count."""
    if not (0 <= h1 <= 23 and 0 <= h2 <= 23) or h1 == h2:
        return None
    if h2 < h1 < 12 and h2 + 12 > h1:
        h2 += 12  # "11-4": until four in the afternoon
    return Atom(
        h.start,
        h.end,
        "TR",
        time_range_tx(h1, None, h2, None),
        weak=True,
        bare=not prefixed,
        hour=h1,
        hour2=h2,
    )


def h_time_range(h: Hit) -> Atom | None:
    """``5 to 6pm``, ``between 4pm and 5pm``, ``9:30-11:00``.

    >>> from newsnorm.dates import extract_dates as x
    >>> [d.timex for d in x("between 4pm and 5pm")]
    ['(T16,T17,PT1H)']
    """
    h1, h2 = int(h.g["h1"]), int(h.g["h2"])
    ap2 = h.g.get("ap") or h.g.get("ap1")
    ap1 = h.g.get("apa") or h.g.get("apb")
    m1 = int(h.g["m1"]) if "m1" in h.g else None
    m2 = int(h.g["m2"]) if "m2" in h.g else None
    pre = h.g.get("pre")
    joiner = h.g.get("join", "")
    if joiner.strip() == "and" and pre != "between":
        return None
    if ap1 is None and ap2 is None and m1 is None and m2 is None:
        return bare_hour_range(h, h1, h2, pre is not None)
    if ap1 is None and ap2 is not None:
        ap1 = ap2
        if ap2 == "p" and h1 > h2 and h1 <= 12:
            ap1 = "a"  # "11-4 pm" runs from the morning
    if not (0 <= h1 <= 23 and 0 <= h2 <= 23):
        return None
    a, b = _hour24(h1, ap1), _hour24(h2, ap2)
    if ap1 is not None and ap2 is None:
        b = _hour24(h2, ap1 if h2 >= h1 else ("p" if ap1 == "a" else "a"))
    return Atom(
        h.start,
        h.end,
        "TR",
        time_range_tx(a, m1, b, m2),
        hour=a,
        minute=m1,
        hour2=b,
        minute2=m2,
        ampm=True,
    )


# ---------------------------------------------------------------------------------------------
# Rules: order matters where two rules can start at the same character (the first one wins).

_HOUR_WORDS = "twelve|eleven|ten|nine|eight|seven|six|five|four|three|two|one"
_WDP = r"(?:{WD}\s{0,2},?\s{0,2}(?:the\s)?)?"
_YSEP = r"(?:\s{0,2},\s{0,2}|\s{1,2}|\s?[-/]\s?)(?:of\s|in\s)?"

RULES: list[tuple[str, str, Handler]] = [
    (
        "day_range",
        r"(?:(?P<pre>from|between)\s)?(?:{MON}\s(?P<d1>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
        r"\s?(?:-|–|to|and|through)\s?(?P<d2>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\d:./])"
        r"|(?P<d3>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\s?(?:-|–|to|and|through)\s?"
        r"(?P<d4>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\s(?:of\s)?{MON})"
        r"(?:(?:\s{0,2},\s{0,2}|\s)(?:in\s)?{YEAR})?",
        h_day_range,
    ),
    (
        "nth_week",
        r"(?:the\s)?(?P<nth>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\sweek\sof\s"
        r"(?:{MON}(?:\s{YEAR})?|{YEAR})",
        h_nth_week,
    ),
    (
        "mdy",
        _WDP
        + r"(?:(?P<rel>this|next|last)\s)?{MON}(?:\s{0,2}[-/]\s{0,2}|\s{1,2}(?:the\s)?|(?<=[a-z.])"
        + r"|,\s{1,2}(?=\d{1,2}(?:st|nd|rd|th)))"
        + r"(?:{DAY}|{DAYW})(?:"
        + _YSEP
        + r"{YEAR})?",
        h_mdy,
    ),
    (
        "dmy",
        _WDP + r"(?:the\s)?(?<![\d.,:/$])(?:{DAY}|{DAYW})(?:\s{1,2}of\s|\s{0,2}[-/]\s{0,2}|\s{1,2})"
        r"{MON}(?:(?:\s{0,2},\s{0,2}|\s{1,2}|[-/])(?:of\s|in\s)?{YEAR})?",
        h_dmy,
    ),
    ("ymd_text", r"(?<![\d./-]){YEAR}[-/]{MON}[-/]{DAY}", h_ymd_text),
    (
        "iso",
        r"(?<![\d./-])(?P<year>(?:1[0-9]|20|21)\d\d)(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
        r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\d]|[.,]\d)",
        h_iso,
    ),
    (
        "numdate",
        r"(?<![\d./-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
        r"(?![\d]|[.,/]\d)",
        h_numdate,
    ),
    (
        "wd_week",
        r"(?:{WD}\s(?:of\s)?(?:the\s)?(?P<rel>next|last|this|following|previous|coming)\sweek"
        r"|(?P<rel>next|last|this|following|previous|coming)\sweek(?:'s)?\s(?:on\s)?{WD})",
        h_wd_week,
    ),
    (
        "wd_the_day",
        r"{WD}\s{0,2},?\s{0,2}(?:the\s(?:{DAY}|{DAYW})|(?P<day>3[01]|[12][0-9]|0?[1-9])"
        r"(?:st|nd|rd|th)?(?=\s{0,2}(?:[!?;]|[.,](?!\d)|$|\s(?:at|between|from|in)\s)))",
        h_wd_the_day,
    ),
    (
        "the_day",
        r"(?<=\bon\s)the\s(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)(?![a-z0-9])"
        r"(?!\s(?:of|century|anniversary|round|time|day|floor|session|term|place|edition))",
        h_the_day,
    ),
    (
        "md_slash",
        r"(?:{WD}\s{0,2},?\s{0,2}(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})(?![\d/.-]|\s?[ap]\.?m|\s?[ap](?![a-z])))|"
        r"(?<![\d./,-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/]|[.,]\d)",
        h_md_slash,
    ),
    (
        "yrange",
        r"(?:(?:from|between)\s)?(?<![\d.,/-])(?P<y1>(?:1[0-9]|20|21)\d\d)\s?(?:-|–|~|to|till|until|"
        r"through|and)\s?(?P<y2>(?:1[0-9]|20|21)\d\d)(?![\d]|-\d)",
        h_yrange,
    ),
    (
        "quarter",
        r"(?:(?P<q>q|h)(?P<qn>[1-4])(?:\s?[-,]?\s?(?:of\s)?{YEAR})?(?![a-z\d])"
        r"|(?<![\d.,/-]){YEAR}\s?-?\s?(?P<q>q|h)(?P<qn>[1-4])(?![a-z\d])"
        r"|(?:the\s)?(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th|last)\s(?P<qq>quarter|half)"
        r"\sof\s(?:the\syear|{YEAR}|(?P<rel>this|next|last)\syear))",
        h_quarter,
    ),
    (
        "mon_year",
        r"(?:{MON}(?:\s{0,2},?\s{0,2}|\s(?:of|in)\s|\s?[-/]\s?){YEAR}"
        r"|(?<![\d.,/-])(?P<year>(?:1[0-9]|20|21)\d\d)\s(?P<mon>" + _MONTHS_FULL + r")(?![a-z])"
        r"|(?<![\d./-])(?P<m>1[0-2]|0?[1-9])[-/](?P<year>(?:1[0-9]|20|21)\d\d)(?![\d]|[-/.]\d)"
        r"|(?<![\d./-])(?P<year>(?:1[0-9]|20|21)\d\d)[-/](?P<m>1[0-2]|0?[1-9])(?![\d]|[-/.]\d))",
        h_mon_year,
    ),
    (
        "decade",
        r"(?<![\d.,])(?:(?P<dec>(?:1[0-9]|20)\d0)\s?'?s|'(?P<dec>\d0)s|(?P<dec>[1-9]0)\s?s)(?![a-z])",
        h_decade,
    ),
    (
        "century",
        r"(?P<cn>\d{1,2}(?:st|nd|rd|th)|(?:twenty|thirty)[\s-]?(?:first|second|third)|"
        + trie(lexicon()["ordinals"])
        + r")\s{1,2}century(?![a-z])",
        h_century,
    ),
    (
        "season",
        r"(?:(?P<rel>this|next|last|coming|past|previous|the)\s)?{SEA}(?:\s(?:of\s)?{YEAR})?",
        h_season,
    ),
    (
        "holiday",
        r"(?:(?P<rel>next|last|this|previous|following)\s)?{HOL}(?:\s(?:of\s)?{YEAR})?",
        h_holiday,
    ),
    (
        "ago",
        r"(?<![\w.,]){NUM}{UNIT}\s(?P<dir>ago|earlier|later|from\snow|hence|from\stoday|after\stoday"
        r"|before\stoday|back)(?![a-z])",
        h_ago,
    ),
    ("in_n", r"(?:in|after)\s(?:just\s|only\s)?{NUM}{UNIT}(?:'s\stime|\stime)?", h_in_n),
    (
        "last_n",
        r"(?:(?:within)\s(?:the\s)?)?(?:(?P<rel>last|past|next|previous|coming|upcoming|following)\s"
        r"{NUM}{UNIT})|(?<![\w.,]){NUM}(?P<rel>next|past|previous|last|coming|upcoming)\s{UNIT}",
        h_last_n,
    ),
    ("within", r"within\s(?:the\s)?{NUM}{UNIT}", h_last_n),
    (
        "rel_unit",
        r"(?:(?P<el>earlier|later)\s(?:in\s)?|(?P<pos>end|beginning|start|middle)\sof\s)?"
        r"(?P<rel>this|next|last|previous|coming|past|following"
        r"|current|upcoming|the)\s(?P<pu>working\sweek|workweek|business\sweek|weekend|week|month|"
        r"fiscal\syear|calendar\syear|year|quarter|fortnight|decade|century)(?![a-z'])",
        h_rel_unit,
    ),
    ("rel_mon", r"(?P<rel>this|next|last|previous|coming|past)\s{MON}", h_mon),
    ("rel_wd", r"{REL}\s{WD}", h_wd),
    (
        "rel_pod",
        r"(?:(?P<pre>early|late|later|earlier)\s)?(?:(?P<rel>this|tomorrow|yesterday|today|last|next)\s{POD}"
        r"|(?P<rel>tomorrow|yesterday|today|tonight)\s(?P<pod>am|pm)(?![a-z]))",
        h_rel_pod,
    ),
    (
        "today",
        r"the\sday\s(?:before\syesterday|after\stomorrow|before(?!\s\w)|after(?!\s\w))|(?:the\s)?(?:next|following|"
        r"previous)\sday|today|tomorrow|yesterday|tonight|tonite|otd(?![a-z])",
        h_today,
    ),
    (
        "ref",
        r"(?:"
        + "|".join(trie(lexicon()[k]) for k in ("past_ref", "future_ref", "present_ref"))
        + r")(?![a-z])",
        h_ref,
    ),
    (
        "set",
        r"(?:(?:every|each)\s(?:other\s)?(?:(?:{NUM})?(?P<u>weekdays?|seconds?|minutes?|hours?|days?|"
        r"nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?)(?![a-z])|{WD}|{POD})"
        r"|(?:once|twice|three\stimes)\s(?:a|an|per|every)\s(?P<u>day|week|month|year|hour|quarter)"
        r"(?![a-z])|(?P<sw>" + _lex_alt("sets") + r")(?![a-z]))",
        h_set,
    ),
    (
        "time_colon",
        r"(?<![\d:.,])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:]|\.\d)"
        r"(?:{AMPM})?",
        h_time,
    ),
    (
        "time_range",
        r"(?:(?P<pre>from|between)\s)?(?<![\d:.,])(?P<h1>[01]?\d|2[0-3])(?:[:.](?P<m1>[0-5]\d))?"
        r"(?:\s?(?P<apa>[ap])\.?\s?m\.?|(?P<apb>[ap])(?![a-z]))?"
        r"(?P<join>\s?(?:-|–|to|and|until|till)\s?)(?P<h2>[01]?\d|2[0-3])(?:[:.](?P<m2>[0-5]\d))?"
        r"(?:{AMPM})?(?![\d])",
        h_time_range,
    ),
    ("time_ampm", r"(?<![\d:.,])(?P<h>1[0-2]|0?[0-9])(?:[.:](?P<mi>[0-5]\d))?{AMPM}", h_time),
    (
        "time_words",
        r"(?P<h>" + _HOUR_WORDS + r")(?:[\s-](?P<mw>thirty|fifteen|forty[\s-]five|"
        r"(?:twenty|thirty|forty|fifty)[\s-](?:one|two|three|four|five|six|seven|eight|nine)|"
        r"twenty|forty|fifty|ten|o[\s-]?five))?(?:\s(?P<ap>[ap])\.?\s?m(?![a-z])\.?)",
        h_time,
    ),
    (
        "oclock",
        r"(?P<h>1[0-2]|0?[1-9]|"
        + _CARD_WORDS
        + r")\s?(?:o'\s?clock|o’clock|oclock|o\sclock)(?![a-z])",
        h_oclock,
    ),
    ("noon", r"(?:12\s)?(?:noon|midday)(?:ish)?|midnight", h_noon),
    (
        "at_hour",
        r"(?P<at>at|around|by)\s(?:(?P<h>1[0-2]|0?[1-9])(?:\.(?P<mi>[0-5]\d))?(?![\d:%]|[.,/-]\d"
        r"|\.?\s?[ap](?:\.?\s?m)?(?![a-z]))|(?P<h>" + _HOUR_WORDS + r")(?:[\s-](?P<mw>thirty|"
        r"fifteen|forty[\s-]five|(?:twenty|thirty|forty|fifty)[\s-](?:one|two|three|four|five|"
        r"six|seven|eight|nine)|twenty|forty|fifty|ten))?(?:\s(?P<ap>[ap])\.?\s?m(?![a-z])\.?)?"
        r"(?![a-z-]))",
        h_at_hour,
    ),
    (
        "pod",
        r"(?:(?P<pre>early|late|later|mid)\s(?:in\s)?)?(?:(?P<inthe>in|during)\sthe\s)?{POD}",
        h_pod,
    ),
    ("dur_compact", r"(?<![\w.,])(?P<nd>\d{1,4}(?:\.\d{1,3})?){UNITC}", h_dur_compact),
    (
        "dur",
        r"(?:(?P<all>all|the\swhole|the\sentire)\s(?P<u>day|week|month|year|night)(?![a-z])"
        r"|(?<![\w.,]){NUM}{UNIT}(?P<half>\sand\s(?:a\s)?half(?![a-z]))?)",
        h_dur,
    ),
    ("end_of_day", r"end\sof\s(?:the\s)?day(?![a-z])|eod(?![a-z])", h_end_of_day),
    ("week_n", r"week\s(?P<wn>5[0-3]|[1-4]\d|0?[1-9])(?![\d.,:]|\s?(?:-|to)\s?\d)", h_week_n),
    ("year_cue", r"(?P<cue>(?:fiscal\s|calendar\s|school\s)?year\s){YEAR}", h_year),
    (
        "wd",
        r"(?:(?P<rel>this|next|last|previous|coming|past|following)\s)?(?P<wd>" + _WDS + r")"
        r"(?P<pl>s)?(?![a-z])|(?P<wd>" + trie(lexicon()["weekdays"]) + r")(?![a-z])\.?",
        h_wd,
    ),
    ("mon", r"{MON}", h_mon),
    ("year", r"(?<![\d.,/$#€£-]){YEAR}(?!\s?%|\s?-\s?\d)", h_year),
]


class Rule(NamedTuple):
    """One rule ready to match: its compiled pattern, its handler, and the shared name of each
    of the pattern's groups, in group order."""

    pattern: re.Pattern[str]
    handler: Handler
    group_names: tuple[str, ...]
    name: str


@dataclass(frozen=True)
class Compiled:
    """The rules in priority order, each compiled alone, and which of them can match where."""

    rules: tuple[Rule, ...]
    index: ShapeIndex
    fitting: dict[str, tuple[Rule, ...]] = field(default_factory=dict)  # per key

    def rules_fitting(self, key: str) -> tuple[Rule, ...]:
        """The rules, in order, whose shapes fit a text going on with *key*."""
        fitting = self.fitting.get(key)
        if fitting is None:
            if len(self.fitting) > 50_000:  # keys come from the text: bound the memory
                self.fitting.clear()
            fitting = tuple(self.rules[i] for i in self.index.rules_for(key))
            self.fitting[key] = fitting
        return fitting


_GROUP = re.compile(r"\(\?P<([a-z0-9_]+)>")
_BACKREF = re.compile(r"\(\?P=([a-z0-9_]+)\)")


def _unique_groups(body: str, prefix: str) -> tuple[str, list[tuple[str, str]]]:
    """Rename every named group of a rule so names are unique in the master pattern.

    A rule may repeat a name in alternatives (``(?P<wd>..)|(?P<wd>..)``); each copy gets its
    own name and maps back to the shared one.
    """
    counter = [0]
    mapping: list[tuple[str, str]] = []
    last_name: dict[str, str] = {}

    def rename(m: re.Match[str]) -> str:
        name = m.group(1)
        new = f"{prefix}__{name}_{counter[0]}"
        counter[0] += 1
        mapping.append((new, name))
        last_name[name] = new
        return f"(?P<{new}>"

    out = _GROUP.sub(rename, body)
    out = _BACKREF.sub(lambda m: f"(?P={last_name[m.group(1)]})", out)
    return out, mapping


@cache
def compiled_rules() -> Compiled:
    """Every rule compiled alone, in priority order, and the index of their shapes."""
    rules: list[Rule] = []
    bodies: list[str] = []
    for name, template, handler in RULES:
        body, mapping = _unique_groups(_p(template), name)
        bodies.append(body)
        pattern = re.compile(r"(?<![a-z0-9])(?:" + body + ")")
        shared = dict(mapping)
        by_number = sorted((i, shared[g]) for g, i in pattern.groupindex.items())
        if [i for i, _ in by_number] != list(range(1, pattern.groups + 1)):
            raise ValueError(f"date rule {name!r} has an unnamed group")
        rules.append(Rule(pattern, handler, tuple(g for _, g in by_number), name))
    return Compiled(tuple(rules), ShapeIndex(bodies, KEY_LEN))


def warm_up() -> int:
    """Compile every pattern now (a server or a benchmark pays the cost before timing starts).

    >>> warm_up() > 0
    True
    """
    return len(compiled_rules().rules)


def _hit_groups(m: re.Match[str], group_names: tuple[str, ...]) -> dict[str, str]:
    """The rule's groups under their shared names (first non-empty copy wins)."""
    out: dict[str, str] = {}
    for name, v in zip(group_names, m.groups(), strict=True):
        if v is not None and name not in out:
            out[name] = v
    return out


def _atom_at(rules: tuple[Rule, ...], pos: int, low: str, text: str, ctx: Ctx) -> Atom | None:
    """The atom of the first of *rules* that matches at *pos* and whose handler accepts it."""
    for pattern, handler, group_names, _ in rules:
        m = pattern.match(low, pos)
        if m is not None:
            atom = handler(Hit(_hit_groups(m, group_names), m.start(), m.end(), low, text, ctx))
            if atom is not None:
                return atom
    return None


def find_atoms(low: str, text: str, ctx: Ctx, starts: list[int]) -> list[Atom]:
    """Every atom starting at one of *starts* in the lower-cased text, in order, not overlapping.

    At each start the first rule that matches wins; when its handler rejects the match (``may``
    the verb, a fraction), the later rules are tried there. Only the rules whose shapes fit the
    next characters are tried (see :mod:`newsnorm.dates.dispatch`).
    """
    compiled = compiled_rules()
    fitting, rules_fitting = compiled.fitting, compiled.rules_fitting
    atoms: list[Atom] = []
    covered = -1
    for pos in starts:
        if pos < covered:
            continue
        key = low[pos : pos + KEY_LEN]
        rules = fitting.get(key)  # the cache, read here to save a call per position
        if rules is None:
            rules = rules_fitting(key)
        if not rules:
            continue
        atom = _atom_at(rules, pos, low, text, ctx)
        if atom is None:
            continue
        if low[atom.end - 1] == "." and not _AMPM_END.search(low, atom.start, atom.end):
            atom = replace(atom, end=atom.end - 1)  # a sentence's full stop, not an abbreviation's
        if atoms and atoms[-1].weak and atom.start < atoms[-1].end:
            atoms.pop()  # "at seven" gives way to "seven o'clock" inside it
        atoms.append(atom)
        # A weak atom ("at 7", a bare "morning") lets a stronger reading start inside it.
        covered = atom.start + 1 if atom.weak else atom.end
    return atoms


_AMPM_END = re.compile(r"[ap]\.\s?m\.$")


def shifted(atom: Atom, start: int | None = None, end: int | None = None, **kw: object) -> Atom:
    """A copy of *atom* with a new span and fields."""
    return replace(
        atom,
        start=atom.start if start is None else start,
        end=atom.end if end is None else end,
        **kw,  # type: ignore[arg-type]
    )
