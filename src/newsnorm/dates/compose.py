"""Joining atoms: a date and its time, two ends of a range, durations, and modifier words."""

from __future__ import annotations

import importlib
import re
from dataclasses import replace
from functools import cache
from typing import Any

from newsnorm.dates._wordscan import WordScan
from newsnorm.dates.grammar import Atom, clock_length_tx, time_range_tx
from newsnorm.dates.lexicon import lexicon, trie
from newsnorm.dates.timex import (
    Ctx,
    add_units,
    date_tx,
    duration_tx,
    nearest_year,
    parse_day_tx,
    range_tx,
    time_tx,
)

__all__ = ["compose"]

_DATE_TIME_GAP = re.compile(
    r"\s{0,2}(?:,\s{0,2})?(?:(?:at|@|around|about|from|for|in\sthe|on|between|-)\s{1,2})?"
    r"(?:\(?[a-z]{3}\)?\s?)?(?:(?P<mod>after|before|by|no\slater\sthan|not\slater\sthan|"
    r"later\sthan|earlier\sthan|around|about)\s{1,2})?"
)
_GAP_MODS = {
    "after": "after",
    "later than": "after",
    "before": "before",
    "by": "before",
    "no later than": "before",
    "not later than": "before",
    "earlier than": "before",
    "around": "approx",
    "about": "approx",
}
_SHIFT_GAP = re.compile(r"\s{1,2}(?P<d>before|after|from|later\sthan|prior\sto)\s{1,2}(?:the\s)?")
_SET_TIME_GAP = re.compile(r"\s{1,2}(?:at\s{1,2})?")
_WD_DATE_GAP = re.compile(r"\s{0,2}(?:,|-|\()?\s{0,2}")
_TIME_DATE_GAP = re.compile(r"\s{0,2}(?:,\s{0,2})?(?:(?:on|of|in)\s{1,2})?")
_RANGE_GAP = re.compile(r"\s{0,2}(?P<j>-|–|~|to|till|until|through|thru|and)\s{0,2}")
_RANGE_PREFIX = re.compile(r"(?<![a-z])(?P<p>from|between)\s{1,2}$")
_DUR_GAP = re.compile(r"\s{0,2}(?:,|and|,\s{0,2}and)\s{0,2}")

_DAYLIKE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$|^XXXX-WXX-\d$")
_POD_SUFFIX = re.compile(r"^(?P<d>.*?)T(?P<pod>MO|AF|EV|NI|DT)$")
_EVENING = frozenset({"AF", "EV", "NI"})


def _is_daylike(a: Atom) -> bool:
    """Whether *a* names one day (``2021-07-06``, ``XXXX-WXX-2``), so a time can join it."""
    return a.cat == "D" and bool(_DAYLIKE.match(a.tx))


def _pod_of(a: Atom) -> tuple[str, str] | None:
    """``(date part, part-of-day code)`` of a ``POD`` or ``DT`` atom with a part of day."""
    m = _POD_SUFFIX.match(a.tx)
    if m is None or a.cat not in ("POD", "DT"):
        return None
    return m.group("d"), m.group("pod")


def _with_pod(t: Atom, pod: str) -> Atom:
    """A clock time read in a part of day: ``7`` in the evening is 19:00."""
    if t.hour is None or t.ampm:
        return t
    hour = t.hour
    if pod in _EVENING and hour < 12 and not (pod == "NI" and hour < 5):
        hour += 12
    if pod == "MO" and hour == 12:
        hour = 0
    return replace(t, hour=hour, tx=time_tx(hour, t.minute, t.second), ampm=True)


def _tr_with_pod(t: Atom, pod: str) -> Atom:
    """A bare hour range read in a part of day: ``7 to 9`` in the evening is 19:00-21:00."""
    if t.ampm or t.hour is None or t.hour2 is None or pod not in _EVENING:
        return t
    a, b = t.hour, t.hour2
    if a >= 12 or (pod == "NI" and a < 5):
        return t
    a, b = a + 12, (b + 12 if b < 12 else b)
    return replace(t, hour=a, hour2=b, tx=time_range_tx(a, t.minute, b, t.minute2), ampm=True)


def _span(a: Atom, b: Atom, cat: str, tx: str, **kw: object) -> Atom:
    """*a* grown over *b* as one atom of category *cat*."""
    start, end = min(a.start, b.start), max(a.end, b.end)
    return replace(a, start=start, end=end, cat=cat, tx=tx, weak=False, **kw)  # type: ignore[arg-type]


def _date_time(d: Atom, t: Atom) -> Atom | None:
    """A date atom and a time atom as one date-time."""
    date_part: str | None = None
    pod = _pod_of(d)
    if _is_daylike(d):
        date_part = d.tx
    elif pod is not None and pod[0] and d.cat == "DT":
        date_part = pod[0]
        if t.cat == "T":
            t = _with_pod(t, pod[1])
        elif t.cat == "TR":
            t = _tr_with_pod(t, pod[1])
    if date_part is None:
        return None
    if t.cat == "T":
        return _span(d, t, "DT", date_part + t.tx, mod=d.mod or t.mod)
    if t.cat == "POD":
        return _span(d, t, "DT", date_part + t.tx, mod=d.mod or t.mod)
    if t.cat == "TR":
        if not t.tx.startswith("(T"):
            return None
        inner = t.tx[1:-1].split(",")
        if len(inner) != 3:
            return None
        return _span(
            d,
            t,
            "TR",
            f"({date_part}{inner[0]},{date_part}{inner[1]},{inner[2]})",
            hour=t.hour,
            hour2=t.hour2,
            minute=t.minute,
            minute2=t.minute2,
            ampm=t.ampm,
        )
    if t.cat == "DT" and t.tx.startswith("T") and not d.tx.endswith(t.tx):
        return _span(d, t, "DT", date_part + t.tx)
    return None


def _shift_date(dur: Atom, d: Atom, low: str) -> Atom | None:
    """``three weeks from tomorrow``, ``2 weeks before May 13 1999``: a date moved by a duration."""
    g = _SHIFT_GAP.fullmatch(low, dur.end, d.start)
    if g is None or d.day is None:
        return None
    count, unit = dur.dur[0]
    if count != int(count) or unit not in ("D", "W", "M", "Y"):
        return None
    sign = -1 if g.group("d") in ("before", "prior to") else 1
    day = add_units(d.day, sign * int(count), unit)
    if day is None:
        return None
    return replace(
        d,
        start=dur.start,
        end=d.end,
        cat="D",
        tx=day.isoformat(),
        day=day,
        ymd=(day.year, day.month, day.day),
        weak=False,
        shifted=True,
    )


def _max_width(*patterns: re.Pattern[str]) -> int:
    """The most characters a match of any of *patterns* can have."""
    parser: Any = importlib.import_module("re._parser")
    return max(int(parser.parse(p.pattern).getwidth()[1]) for p in patterns)


# Every pairing below needs one of these gaps between the atoms: farther atoms stay apart.
_MAX_PAIR_GAP = _max_width(
    _DUR_GAP, _DATE_TIME_GAP, _WD_DATE_GAP, _SET_TIME_GAP, _SHIFT_GAP, _TIME_DATE_GAP
)


def _merge_pair(a: Atom, b: Atom, low: str) -> Atom | None:
    """*a* and *b* (adjacent, in order) as one atom, or ``None``."""
    if b.start - a.end > _MAX_PAIR_GAP:
        return None
    gap = low[a.end : b.start]
    if a.cat == "DUR" and b.cat == "DUR" and _DUR_GAP.fullmatch(gap):
        parts = a.dur + b.dur
        return _span(a, b, "DUR", duration_tx(parts), dur=parts)
    if a.cat in ("D", "DT") and b.cat in ("T", "POD", "TR"):
        g = _DATE_TIME_GAP.fullmatch(gap)
        if g is not None:
            joined = _date_time(a, b)
            if joined is not None and g.group("mod"):
                joined = replace(joined, mod=_GAP_MODS[" ".join(g.group("mod").split())])
            return joined
    weekday_then_date = a.cat == "D" and a.weekday and b.cat == "D" and not b.weekday
    if weekday_then_date and b.ymd is not None and _WD_DATE_GAP.fullmatch(gap):
        # "Friday 2018-7-6", "this friday (jun-15)": the date says it all.
        end = b.end + 1 if low[b.end : b.end + 1] == ")" and "(" in gap else b.end
        return replace(b, start=a.start, end=end)
    if a.cat == "SET" and b.cat == "T" and _SET_TIME_GAP.fullmatch(gap):
        # "each Monday at 4pm", "every evening at 7:13 p.m.", "Tuesdays at 9am"
        set_pod = _POD_SUFFIX.match(a.tx)
        if set_pod is not None and not set_pod.group("d"):
            return _span(a, b, "SET", _with_pod(b, set_pod.group("pod")).tx)
        if a.tx.startswith("XXXX-WXX-"):
            return _span(a, b, "SET", a.tx + b.tx)
    if a.cat == "T" and b.cat == "SET" and b.tx == "P1D" and _SET_TIME_GAP.fullmatch(gap):
        return _span(a, b, "SET", a.tx)  # "3pm each day"
    if a.cat == "DUR" and len(a.dur) == 1 and b.cat == "D" and b.day is not None:
        shifted = _shift_date(a, b, low)
        if shifted is not None:
            return shifted
    if a.cat == "TR" and b.cat == "POD" and _TIME_DATE_GAP.fullmatch(gap):
        pod_b = _pod_of(b)
        dated = not a.tx.startswith("(T")
        if pod_b is not None and (dated or not a.bare):
            day = a.tx[1:].split("T")[0] if dated else ""
            t = _tr_with_pod(a, pod_b[1])
            tx = t.tx if not day else t.tx.replace("(T", f"({day}T").replace(",T", f",{day}T")
            return _span(a, b, "TR", tx, hour=t.hour, hour2=t.hour2, ampm=t.ampm)
    if a.bare and b.cat in ("D", "DT"):
        return None  # "3-2 on Tuesday" is a score
    if a.cat in ("T", "TR", "POD") and b.cat in ("D", "DT") and _TIME_DATE_GAP.fullmatch(gap):
        merged = _date_time(b, a)
        if merged is not None:
            return merged
    if a.cat == "T" and b.cat in ("POD", "DT") and _TIME_DATE_GAP.fullmatch(gap):
        pod = _pod_of(b)
        if pod is not None:
            t = _with_pod(a, pod[1])
            if pod[0]:
                return _span(a, b, "DT", pod[0] + t.tx)
            return _span(a, b, "T", t.tx, hour=t.hour, ampm=True)
    if a.cat == "POD" and b.cat == "T" and _DATE_TIME_GAP.fullmatch(gap):
        pod = _pod_of(a)
        if pod is not None:
            t = _with_pod(b, pod[1])
            return _span(a, b, "T", t.tx, hour=t.hour, ampm=True)
    return None


def _fill_year(a: Atom, year: int | None, ctx: Ctx) -> str:
    """*a*'s timex with the year its range partner gave (or the reference's, or ``XXXX``)."""
    if a.ymd is None:
        return a.tx
    y, m, d = a.ymd
    if y is None and year is not None:
        y = year
    if y is None and m is not None and ctx.fill and ctx.ref is not None:
        y = nearest_year(m, d, ctx.ref)
    return date_tx(y, m, d)


def _now_as_date(a: Atom, ctx: Ctx) -> Atom:
    """``now`` as the reference day, so ``between Jan 22 and now`` is a range (else unchanged)."""
    if a.tx != "PRESENT_REF" or ctx.ref is None:
        return a
    ref = ctx.ref
    day = (ref.year, ref.month, ref.day)
    return replace(a, cat="D", ymd=day, day=ref, weak=False, tx=ref.isoformat())


def _range(a: Atom, b: Atom, low: str, ctx: Ctx) -> Atom | None:
    """``from A to B`` / ``between A and B`` / ``A - B`` as one range atom."""
    gap = _RANGE_GAP.fullmatch(low, a.end, b.start)  # no lookaround: as on the slice
    if gap is None:
        return None
    prefix = _RANGE_PREFIX.search(low[max(0, a.start - 10) : a.start])
    joiner = gap.group("j")
    if joiner == "and" and (prefix is None or prefix.group("p") != "between"):
        return None
    start = a.start - (len(prefix.group(0)) if prefix else 0)
    if a.cat == "P" and b.cat == "P" and a.tx.startswith("(") and b.tx.startswith("("):
        # Two quarters or halves: from the first's start to the second's start, in months.
        sa, sb = a.tx[1:].split(",")[0], b.tx[1:].split(",")[0]
        pa, pb = parse_day_tx(sa), parse_day_tx(sb)
        if pa and pb and pa[0] and pb[0] and pa[1] and pb[1]:
            months = (pb[0] - pa[0]) * 12 + pb[1] - pa[1]
            return replace(a, start=start, end=b.end, cat="R", tx=f"({sa},{sb},P{months}M)")
        return None
    if a.cat in ("D", "M", "Y") and b.cat in ("D", "M", "Y") and a.ymd and b.ymd:
        if (
            prefix is None
            and a.cat != b.cat
            and joiner not in ("through", "thru", "to", "till", "until")
        ):
            return None
        ay, am, _ = a.ymd
        by, bm, _ = b.ymd
        a_year = by if ay is None and by is not None else None
        if a_year is not None and am is not None and bm is not None and am > bm:
            a_year -= 1
        b_year = ay if by is None and ay is not None else None
        atx = _fill_year(a, a_year, ctx)
        btx = _fill_year(b, b_year, ctx)
        if a.ymd[0] is None and b.ymd[0] is None and not ctx.fill:
            atx, btx = date_tx(None, am, a.ymd[2]), date_tx(None, bm, b.ymd[2])
        tx = range_tx(atx, btx)
        if tx is None:
            return None
        return replace(a, start=start, end=b.end, cat="R", tx=tx, weak=False)
    if a.cat == "T" and b.cat == "T" and (prefix is not None or joiner in ("-", "–", "to")):
        if a.hour is None or b.hour is None:
            return None
        ha, hb = a.hour, b.hour
        ma, mb = a.minute or 0, b.minute or 0
        if not a.ampm and b.ampm and hb >= 12 > ha and (ha + 12) * 60 + ma < hb * 60 + mb:
            ha += 12  # "5 to 6pm": both in the afternoon
        if not b.ampm and hb < 12 and hb * 60 + mb < ha * 60 + ma < (hb + 12) * 60 + mb:
            hb += 12  # "from 10:30 to 3": three in the afternoon
            b = replace(b, hour=hb, tx=time_tx(hb, b.minute, b.second))
        ta = time_tx(ha, a.minute, a.second)
        length = clock_length_tx(ha * 60 + (a.minute or 0), hb * 60 + (b.minute or 0))
        tx = f"({ta},{b.tx},{length})"
        return replace(a, start=start, end=b.end, cat="TR", tx=tx, weak=False)
    return None


@cache
def _modifier_patterns() -> tuple[WordScan, re.Pattern[str]]:
    """The compiled modifier patterns: words right before an atom (searched in a window that
    ends at the atom), and ``or later`` after it."""
    mods = lexicon()["modifiers"]
    words = [w for w in mods if not w.endswith("-")]
    prefix = WordScan(r"(?P<m>" + trie(words) + r")\s{1,2}(?:the\s)?$|(?P<h>mid)-$", "a-z")
    suffix = re.compile(
        r"\s{1,2}(?:(?:or|and)\s(?P<s>later|after|greater|beyond|onwards?|more)|(?P<o>onwards?))"
        r"(?![a-z])(?!\s{1,2}[a-z0-9])"
    )
    return prefix, suffix


_POSITION_MODS = frozenset({"start", "mid", "end"})
_QUANTIFIER = re.compile(r"(?<![a-z])(?:more|less|fewer)\sthan\s{1,2}$")


def _apply_modifiers(a: Atom, low: str, floor: int) -> Atom:
    """Take a modifier word before (``since``, ``mid-``, ``end of``) or after (``or later``)."""
    if a.cat in ("SET",):
        return a
    prefix, suffix = _modifier_patterns()
    mods: dict[str, str] = lexicon()["modifiers"]
    window_start = max(floor, a.start - 40)
    m = prefix.search(low, window_start, a.start)
    start, mod = a.start, a.mod
    if m is not None:
        word = m.group("m")
        kind = "mid" if m.group("h") else mods[" ".join(word.split())]
        allowed = a.cat != "DUR" or kind == "approx"
        if word == "about" and re.search(
            r"(?:how|what)\s{1,2}$", low[max(0, m.start(1) - 6) : m.start(1)]
        ):
            allowed = False  # "how about May 3" asks, it does not approximate
        if kind in _POSITION_MODS and a.cat in ("DUR", "T", "REF"):
            allowed = False
        if allowed:
            start, mod = m.start(1), kind
            # "since the end of 1989": keep the outer word as the modifier, the span grows.
            outer = prefix.search(low, max(floor, start - 30), start)
            if outer is not None and kind in _POSITION_MODS and outer.group("m"):
                outer_kind = mods[" ".join(outer.group("m").split())]
                if outer_kind not in _POSITION_MODS:
                    start, mod = outer.start(1), outer_kind
    if (a.cat == "DUR" or a.shifted) and start == a.start:
        q = _QUANTIFIER.search(low, window_start, a.start)
        if q is not None:
            start = q.start()
    end = a.end
    s = suffix.match(low, a.end)
    if s is not None and a.cat in ("D", "M", "Y", "P", "T", "DT"):
        end, mod = s.end(), "since"
    if start == a.start and end == a.end and mod == a.mod:
        return a
    return replace(a, start=start, end=end, mod=mod)


def compose(atoms: list[Atom], low: str, ctx: Ctx) -> list[Atom]:
    """Join neighbouring atoms, attach modifiers, and drop weak atoms that found no partner."""
    timed: list[Atom] = []
    for a in atoms:
        if timed and a.cat == "T" and timed[-1].cat == "T" and not timed[-1].weak:
            joined = _range(timed[-1], a, low, ctx)
            if joined is not None:
                timed[-1] = joined
                continue
        timed.append(a)
    merged: list[Atom] = []
    for a in timed:
        if merged:
            joined = _merge_pair(merged[-1], a, low)
            if joined is not None:
                merged[-1] = joined
                continue
        merged.append(a)
    ranged: list[Atom] = []
    for a in merged:
        if ranged and (not ranged[-1].weak or ranged[-1].now) and (not a.weak or a.now):
            joined = _range(_now_as_date(ranged[-1], ctx), _now_as_date(a, ctx), low, ctx)
            if joined is not None:
                ranged[-1] = joined
                continue
        ranged.append(a)
    # A date-time may follow a range's time part ("tomorrow from 10am-12am").
    final: list[Atom] = []
    for a in ranged:
        if final:
            joined = _merge_pair(final[-1], a, low)
            if joined is not None:
                final[-1] = joined
                continue
        final.append(a)
    out: list[Atom] = []
    floor = 0
    for a in final:
        if a.weak:
            continue
        a = _apply_modifiers(a, low, floor)
        out.append(a)
        floor = a.end
    return out
