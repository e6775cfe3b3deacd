"""Byline and boilerplate: lines that are page furniture, not article text.

``byline``: a line near the top such as ``World عمران فروبلی Amran Forobali Tuesday July 6th, 2021
0 Views`` (section, author in the source script and/or in Latin letters, date, counters) is
parsed into ``Fix.meta`` (``section``, ``author``, ``author_native``, ``published``, ``views``)
and removed. Its date may be Gregorian or Hijri (``6 Tir 1400``); ``published`` is the Gregorian
day.

``boilerplate``: lines that are only a view counter or share/print/read-more/"Follow us on"
furniture are removed (a view counter line near the top also fills ``meta["views"]``). A line is
removed only when the *whole* line has one of the shapes listed in
``data/cleanup/boilerplate.json``, so prose that mentions sharing or reading is never touched.

How lines go (both fixers): a removed line takes its line break and the blank lines after it with
it, so the paragraph break *before* it survives (``Title\\n\\nBYLINE\\n\\n\\nBody`` →
``Title\\n\\nBody``). When nothing but blank lines follows, it takes the line breaks before it
instead, so the text never ends in a dangling break it did not have.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from functools import cache
from types import MappingProxyType
from typing import Any, NamedTuple

from newsnorm.checks import ensure_text
from newsnorm.cleanup.base import EMPTY, Fix, Fixer, fixed_text
from newsnorm.cleanup.words import cleanup_data
from newsnorm.dates.calendars import hijri_date
from newsnorm.model import Edit

__all__ = [
    "FIXERS",
    "find_boilerplate",
    "find_byline",
    "fix_boilerplate",
    "fix_byline",
    "is_boilerplate_line",
    "parse_byline",
    "parse_date",
]

# A byline is searched only among the first lines: at most this many lines of real content
# (not blank, not byline, not boilerplate) may come before it, within this many characters.
HEAD_CONTENT_LINES = 3
HEAD_CHARS = 3000
# Bylines and boilerplate lines are short; longer lines are prose and are not even parsed.
MAX_LINE = 300

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|"
    "Fri|Sat|Sun"
)
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_S = r"[ \t]{1,3}"
# An optional time of day after a date, ignored.
_TIME_OF_DAY = (
    r"(?:[ \t]{0,3}(?:[,|•·–—-]|at)?[ \t]{0,3}\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?(?i:[ap]\.?m\.?))?)?"
    r"(?![\w:])"
)
# "Tuesday ", "Tue., ": an optional weekday before a date.
_WEEKDAY_BEFORE = rf"(?:(?i:{_WEEKDAYS})\.?,?{_S})?"
_DATE = (
    rf"{_WEEKDAY_BEFORE}(?:"
    # July 6th, 2021 / Jul. 6 2021
    rf"(?P<m1>(?i:{_MONTH_RE}))\.?{_S}(?P<d1>\d{{1,2}})(?i:st|nd|rd|th)?,?{_S}(?P<y1>\d{{4}})"
    # 6 July 2021 / 6th of July, 2021
    rf"|(?P<d2>\d{{1,2}})(?i:st|nd|rd|th)?{_S}(?:of{_S})?(?P<m2>(?i:{_MONTH_RE}))\.?,?{_S}"
    rf"(?P<y2>\d{{4}})"
    # 2021-07-06 / 2021/7/6
    r"|(?P<y3>\d{4})(?P<s3>[-/.])(?P<mo3>\d{1,2})(?P=s3)(?P<d3>\d{1,2})"
    # 06/07/2021 / 6.7.2021 (day first, as the region's sites write it)
    r"|(?P<d4>\d{1,2})(?P<s4>[-/.])(?P<mo4>\d{1,2})(?P=s4)(?P<y4>\d{4})"
    r")(?!\d)" + _TIME_OF_DAY
)
_DATE_RE = re.compile(_DATE)
# A Solar Hijri or lunar Hijri date ("6 Tir 1400", "Saratan 15, 1400", "26 Dhu al-Qadah 1442"):
# the month is one to three words, read by ``hijri_date``, which also checks the year.
_HIJRI_MONTH = r"[A-Za-z][A-Za-z'’]{1,15}(?:[ -][A-Za-z][A-Za-z'’]{1,15}){0,2}"
_HIJRI_DATE_RE = re.compile(
    rf"{_WEEKDAY_BEFORE}(?:"
    rf"(?P<d1>\d{{1,2}})(?i:st|nd|rd|th)?{_S}(?:of{_S})?(?P<m1>{_HIJRI_MONTH})\.?,?{_S}(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_HIJRI_MONTH}){_S}(?P<d2>\d{{1,2}})(?i:st|nd|rd|th)?,?{_S}(?P<y2>\d{{4}})"
    r")(?!\d)" + _TIME_OF_DAY
)


def parse_date(s: str) -> date | None:
    """The calendar date written in *s* (the whole string), or ``None``.

    Day-first for all-digit dates with the year last, as Afghan and Iranian sites write them.

    >>> parse_date("Tuesday July 6th, 2021")
    datetime.date(2021, 7, 6)
    >>> parse_date("6 Jul. 2021 10:32 AM"), parse_date("2021-07-06"), parse_date("06/07/2021")
    (datetime.date(2021, 7, 6), datetime.date(2021, 7, 6), datetime.date(2021, 7, 6))
    >>> parse_date("February 30, 2021") is None, parse_date("yesterday") is None
    (True, True)
    """
    ensure_text(s, "parse_date")
    m = _DATE_RE.fullmatch(s.strip())
    return _date_of(m) if m else None


def _date_of(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    try:
        if g["m1"]:
            return date(int(g["y1"]), _MONTHS[g["m1"].lower()], int(g["d1"]))
        if g["m2"]:
            return date(int(g["y2"]), _MONTHS[g["m2"].lower()], int(g["d2"]))
        if g["y3"]:
            return date(int(g["y3"]), int(g["mo3"]), int(g["d3"]))
        return date(int(g["y4"]), int(g["mo4"]), int(g["d4"]))
    except ValueError:
        return None


def _hijri_date_of(m: re.Match[str]) -> date | None:
    """The Gregorian date a match of ``_HIJRI_DATE_RE`` names (None: no Hijri month or day).

    >>> _hijri_date_of(_HIJRI_DATE_RE.fullmatch("Tuesday 15 Tir 1400"))
    datetime.date(2021, 7, 6)
    >>> _hijri_date_of(_HIJRI_DATE_RE.fullmatch("Saratan 15, 1400 10:30"))
    datetime.date(2021, 7, 6)
    >>> _hijri_date_of(_HIJRI_DATE_RE.fullmatch("15 Amran 1400")) is None
    True
    """
    g = m.groupdict()
    month, day, year = (g["m1"], g["d1"], g["y1"]) if g["m1"] else (g["m2"], g["d2"], g["y2"])
    return hijri_date(month, int(day), int(year))


# The Arabic script (Persian, Dari, Pashto, Arabic, Urdu) with the zero-width non-joiner.
_AR = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_NATIVE = re.compile(
    rf"[{_AR}][{_AR}\u200c]{{0,30}}(?:[ \t]{{1,3}}[{_AR}][{_AR}\u200c]{{0,30}}){{0,5}}"
)
# Capitalized words that start a phrase, not a name ("From 14.02.2021, 20:40").
_NOT_NAME_WORDS = (
    "published|posted|updated|date|from|on|at|in|since|until|till|to|of|the|and|as|for|by|"
    "with|after|before|during|today|yesterday|last|next|this|edition|issue|no"
)
_NOT_NAME = rf"(?!(?i:{_WEEKDAYS}|{_MONTH_RE}|{_NOT_NAME_WORDS})\b)"
# Lower-case particles of Arabic, Persian and European names: "al-Hakim", "bin Salman", "van Dijk".
_PARTICLE = r"(?:(?:al|el|ul|bin|ibn|van|von|de|da|du|der|la|le)[-‑ ])?"
_NAME_WORD = (
    rf"{_NOT_NAME}{_PARTICLE}(?:[A-Z][a-zà-ÿ'’]{{1,20}}(?:-[A-Z][a-zà-ÿ'’]{{1,20}})?|[A-Z]\.)"
)
_LATIN = re.compile(rf"{_NAME_WORD}(?:[ \t]{{1,3}}{_NAME_WORD}){{0,3}}(?![\w])")
_SEP = re.compile(r"[ \t]*(?:[|•·/–—,:-][ \t]*)?")
_DIGIT = re.compile(r"\d")
_NUMBER = r"\d{1,3}(?:[,.\u066c]\d{3}){1,4}|\d{1,12}"


@cache
def _byline_patterns() -> dict[str, re.Pattern[str]]:
    data = cleanup_data("byline")
    sections = sorted(data["sections"], key=len, reverse=True)
    units = {w: kind for kind, words in data["counters"].items() for w in words}
    prefixes = sorted(data["author_prefixes"], key=len, reverse=True)
    date_prefixes = sorted(data["date_prefixes"], key=len, reverse=True)
    alt = "|".join
    return {
        "section": re.compile(rf"(?i:{alt(map(re.escape, sections))})(?![\w])"),
        "by": re.compile(rf"(?:{alt(map(re.escape, prefixes))})[ \t]{{1,3}}"),
        "date_prefix": re.compile(rf"(?:{alt(map(re.escape, date_prefixes))})[ \t]{{1,3}}"),
        "counter": re.compile(
            rf"(?P<n>{_NUMBER})[ \t]{{0,3}}"
            rf"(?P<unit>(?i:{alt(sorted(units, key=len, reverse=True))}))(?![\w])"
        ),
    }


@cache
def _counter_kinds() -> dict[str, str]:
    data = cleanup_data("byline")
    return {w.lower(): kind for kind, words in data["counters"].items() for w in words}


class _Cursor:
    """Consumes a line component by component, skipping separators between them."""

    __slots__ = ("line", "pos")

    def __init__(self, line: str) -> None:
        self.line = line
        self.pos = 0

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        m = pattern.match(self.line, self.pos)
        if m is None or m.end() == m.start():
            return None
        self.pos = m.end()
        return m

    def skip_separator(self) -> None:
        m = _SEP.match(self.line, self.pos)
        if m:
            self.pos = m.end()

    @property
    def done(self) -> bool:
        return self.pos >= len(self.line)


def parse_byline(line: str) -> dict[str, Any] | None:
    """The byline fields of *line*, or ``None`` when the whole line is not a byline.

    A byline is section, author (source script and/or Latin), date and counters, each optional, in
    that order; it needs a date or a view counter, and at least two parts.

    >>> parse_byline("World عمران فروبلیAmran Forobali Tuesday July 6th, 2021 0 Views")
    ... # doctest: +NORMALIZE_WHITESPACE
    {'section': 'World', 'author_native': 'عمران فروبلی', 'author': 'Amran Forobali',
     'published': datetime.date(2021, 7, 6), 'views': 0}
    >>> parse_byline("By Sara Ahmadi | 12 March 2020")
    {'author': 'Sara Ahmadi', 'published': datetime.date(2020, 3, 12)}
    >>> parse_byline("Sara Ahmadi سارا احمدی 2020-03-12")["author_native"]
    'سارا احمدی'
    >>> parse_byline("Tuesday July 6th, 2021") is None   # a date alone is not enough
    True
    >>> parse_byline("The Taliban took 16 districts on July 6, 2021.") is None
    True
    """
    ensure_text(line, "parse_byline")
    text = line.strip()
    if not text or len(text) > MAX_LINE:
        return None
    pats = _byline_patterns()
    cur = _Cursor(text)
    out: dict[str, Any] = {}
    parts = 0
    m = cur.take(pats["section"])
    if m and text.startswith(",", _skip_spaces(text, m.end())):
        return None  # "Afghanistan, July 6, 2021" is a dateline, not a section and a date
    if m:
        out["section"] = m.group()
        parts += 1
        cur.skip_separator()
    has_prefix = cur.take(pats["by"]) is not None
    native = cur.take(_NATIVE)
    if native:
        out["author_native"] = native.group()
        cur.pos = _skip_spaces(text, cur.pos)
    latin = cur.take(_LATIN)
    if latin:
        cur.pos = _before_hijri_month(text, latin.start(), cur.pos)
        if cur.pos == latin.start():  # "World Jadi 11, 1373": the month of a date, no author
            latin = None
    if latin:
        out["author"] = text[latin.start() : cur.pos].rstrip(" \t")
        if not native:
            after_latin = cur.pos
            cur.pos = _skip_spaces(text, cur.pos)
            native = cur.take(_NATIVE)  # "Amran Forobali عمران فروبلی"
            if native:
                out["author_native"] = native.group()
            else:
                cur.pos = after_latin
    if latin and not native and not has_prefix and " " not in out["author"].strip():
        return None  # one capitalized word alone is too weak to be an author
    if native or latin:
        parts += 1
        cur.skip_separator()
    elif has_prefix:
        return None
    cur.take(pats["date_prefix"])
    d = cur.take(_DATE_RE)
    published = _date_of(d) if d else _take_hijri_date(cur)
    if d and published is None:
        return None  # "31/02/2021": a date that does not exist
    if published is not None:
        out["published"] = published
        parts += 1
        cur.skip_separator()
    counted = False
    for _ in range(3):
        c = cur.take(pats["counter"])
        if not c:
            break
        counted = True
        kind = _counter_kinds()[c.group("unit").lower()]
        if kind == "views":
            out.setdefault("views", int(re.sub(r"\D", "", c.group("n"))))
        cur.skip_separator()
    if counted:
        parts += 1
    if not cur.done or parts < 2 or ("published" not in out and "views" not in out):
        return None
    return out


def _take_hijri_date(cur: _Cursor) -> date | None:
    """The Hijri date at the cursor, taken; else None, with nothing taken ("12 Comments 1200
    views" has the shape of a Hijri date but no month: its counters are read next)."""
    start = cur.pos
    m = cur.take(_HIJRI_DATE_RE)
    found = _hijri_date_of(m) if m else None
    if found is None:
        cur.pos = start
    return found


def _before_hijri_month(text: str, start: int, end: int) -> int:
    """Where the author read in ``text[start:end]`` ends when its last words are the month of a
    Hijri date that goes on after it ("Hamid Karimi Saratan 15, 1400"); else *end*.

    Gregorian months and weekdays never start an author word; Hijri months may ("Asad" is also a
    name), so they are given back only when a whole date follows.

    >>> line = "Hamid Karimi Saratan 15, 1400"
    >>> line[: _before_hijri_month(line, 0, 20)]
    'Hamid Karimi '
    >>> _before_hijri_month("Bashar al Asad 0 Views", 0, 14)
    14
    >>> _before_hijri_month("Jadi 11, 1373", 0, 4)  # no author: the month alone
    0
    """
    starts = (m.start() for m in _WORD_START.finditer(text, start + 1, end))
    for cut in (start, *starts):
        d = _HIJRI_DATE_RE.match(text, cut)
        if d is not None and d.end() > end and _hijri_date_of(d) is not None:
            return cut
    return end


_WORD_START = re.compile(r"(?<=[ \t])[A-Za-z]")


def _skip_spaces(s: str, pos: int) -> int:
    while pos < len(s) and s[pos] in " \t":
        pos += 1
    return pos


class _Line(NamedTuple):
    start: int  # first character
    end: int  # end of the content, before the line break
    stop: int  # after the line break


def _lines(text: str, start: int = 0) -> Iterator[_Line]:
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl < 0:
            yield _Line(pos, n, n)
            return
        yield _Line(pos, nl, nl + 1)
        pos = nl + 1


def _is_blank(text: str, line: _Line) -> bool:
    return not text[line.start : line.end].strip(" \t\r\f\v")


def _removal_edits(
    text: str, lines: Sequence[_Line], kind: str, notes: Sequence[str]
) -> list[Edit]:
    """Edits deleting *lines* (sorted) as the module docstring says, merged where they touch."""
    spans: list[list[Any]] = []  # [start, stop, notes]
    for line, note in zip(lines, notes, strict=True):
        start, stop = line.start, line.stop
        for nxt in _lines(text, stop):
            if not _is_blank(text, nxt):
                break
            stop = nxt.stop
        if spans and start <= spans[-1][1]:
            spans[-1][0] = min(spans[-1][0], start)
            spans[-1][1] = max(spans[-1][1], stop)
            spans[-1][2].append(note)
        else:
            spans.append([start, stop, [note]])
    if spans and spans[-1][1] >= len(text):
        while spans[-1][0] > 0 and text[spans[-1][0] - 1] in " \t\r\n\f\v":
            spans[-1][0] -= 1
        if len(spans) > 1 and spans[-1][0] <= spans[-2][1]:
            last = spans.pop()
            spans[-1][1] = last[1]
            spans[-1][2].extend(last[2])
    return [
        Edit(start=s, end=e, replacement="", kind=kind, note="; ".join(ns)) for s, e, ns in spans
    ]


def _head_bylines(text: str) -> list[tuple[_Line, dict[str, Any]]]:
    found: list[tuple[_Line, dict[str, Any]]] = []
    content = 0
    for line in _lines(text):
        if line.start > HEAD_CHARS:
            break
        if line.end - line.start <= MAX_LINE:
            s = text[line.start : line.end]
            if not s.strip():
                continue
            # A byline holds a date or a view count, so a digit: a line without one is not parsed.
            fields = parse_byline(s) if _DIGIT.search(s) else None
            if fields is not None:
                found.append((line, fields))
                continue
            if is_boilerplate_line(s):
                continue
        content += 1
        if content > HEAD_CONTENT_LINES:
            break
    return found


def find_byline(text: str) -> Fix:
    """Parse the byline lines among the first lines into ``meta`` and delete them.

    >>> t = "Troops sent to the border\\n\\nWorld Amran Forobali July 6, 2021 0 Views\\n\\n\\nBody."
    >>> fix = find_byline(t)
    >>> dict(fix.meta)["author"], dict(fix.meta)["views"]
    ('Amran Forobali', 0)
    >>> [(e.start, e.end) for e in fix.edits]
    [(27, 71)]
    """
    ensure_text(text, "find_byline")
    found = _head_bylines(text)
    # A byline needs a digit among the first HEAD_CHARS characters. Asked only when one was found:
    # the search walks up to 3,000 characters of most articles, the few head lines are shorter.
    if not found or _DIGIT.search(text, 0, HEAD_CHARS) is None:
        return EMPTY
    meta: dict[str, Any] = {}
    for _, fields in found:
        for k, v in fields.items():
            meta.setdefault(k, v)
    notes = ["byline " + ", ".join(f"{k}={v!s}" for k, v in fields.items()) for _, fields in found]
    edits = _removal_edits(text, [ln for ln, _ in found], "byline", notes)
    return Fix(edits=tuple(edits), meta=MappingProxyType(meta))


def fix_byline(text: str) -> str:
    """*text* without its byline line.

    >>> fix_byline("Title\\n\\nPolitics By Sara Ahmadi 12 March 2020 1,204 views\\n\\nBody text.")
    'Title\\n\\nBody text.'
    >>> fix_byline("He wrote on July 6, 2021 that 0 views were recorded.")
    'He wrote on July 6, 2021 that 0 views were recorded.'
    """
    ensure_text(text, "fix_byline")
    return fixed_text(find_byline, text)


_NET = "{NET}"
_NUM = "{N}"


@cache
def _boilerplate_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = cleanup_data("boilerplate")
    nets = "(?:" + "|".join(re.escape(n) for n in sorted(data["networks"], key=len, reverse=True))
    nets += ")"
    number = rf"(?:{_NUMBER})(?:\.\d)?[kKmM]?"
    shapes = [p.replace(_NET, nets).replace(_NUM, number) for p in data["lines"]]
    line = re.compile("(?:" + "|".join(shapes) + ")", re.IGNORECASE)
    # Words that every boilerplate shape contains (network names included): a line must hold one.
    cues = [
        "views?", "comments?", "shar(?:e|es|ing)", "print", "e-?mail", "tweet", "read", "continue",
        "follow", "subscribe", "join", "click", "related", "also like", "leave", "advertisement",
        "tags?", "facebook", "twitter", "whatsapp", "telegram", "linkedin", "instagram",
        "youtube", "pinterest", "reddit", "viber", "vk",
    ]  # fmt: skip
    cue = re.compile(r"\b(?:" + "|".join(cues) + r")\b", re.IGNORECASE)
    return line, cue


def is_boilerplate_line(line: str) -> bool:
    """Whether the whole *line* is page furniture (a counter, a share bar, "Read more"…).

    >>> is_boilerplate_line("  0 Views "), is_boilerplate_line("Facebook Twitter WhatsApp")
    (True, True)
    >>> is_boilerplate_line("Follow us on Telegram."), is_boilerplate_line("Read more »")
    (True, True)
    >>> is_boilerplate_line("Officials read more than 300 reports and shared them on Twitter.")
    False
    """
    ensure_text(line, "is_boilerplate_line")
    s = line.strip()
    if not s or len(s) > MAX_LINE:
        return False
    return _boilerplate_patterns()[0].fullmatch(s) is not None


def find_boilerplate(text: str) -> Fix:
    """Delete every line that is only boilerplate.

    >>> fix = find_boilerplate("Body one.\\n\\nShare this:\\nFacebook Twitter\\n\\nBody two.")
    >>> [(e.start, e.end) for e in fix.edits]
    [(11, 41)]

    A view counter line near the top also gives ``meta["views"]`` (the byline's own counter,
    parsed first, wins in :func:`newsnorm.process`):

    >>> dict(find_boilerplate("Title\\n1,204 views\\nBody.").meta)
    {'views': 1204}
    """
    ensure_text(text, "find_boilerplate")
    if "\n" not in text and len(text) > MAX_LINE:
        return EMPTY  # one long line is prose, whatever words it contains
    line_re, cue = _boilerplate_patterns()
    found: list[_Line] = []
    notes: list[str] = []
    pos = 0
    n = len(text)
    # str.split runs in C. A short line must have one of the shapes and contain a cue word; the
    # shapes go first: one anchored attempt costs a fifteenth of a search for a cue at every
    # position (a prose line fails both, and almost every short line is prose).
    for line in text.split("\n"):
        size = len(line)
        if size <= MAX_LINE:
            s = line.strip()
            if s and line_re.fullmatch(s) and cue.search(line):
                found.append(_Line(pos, pos + size, min(n, pos + size + 1)))
                notes.append(f"boilerplate line {s!r}")
        pos += size + 1
    if not found:
        return EMPTY
    edits = tuple(_removal_edits(text, found, "boilerplate", notes))
    views = _head_views(text, found)
    return Fix(edits=edits, meta=MappingProxyType({"views": views} if views is not None else {}))


_VIEWS_LINE = re.compile(
    rf"(?i:views?[ \t]*:?[ \t]*(?P<a>{_NUMBER})|(?P<b>{_NUMBER})[ \t]*(?:views?|visits?|reads?))"
)


def _head_views(text: str, lines: Sequence[_Line]) -> int | None:
    # A view counter on a line of its own near the top counts the article's readers (a byline
    # split over lines); lower down it may belong to a list of other articles, so it is not kept.
    for line in lines:
        if line.start > HEAD_CHARS:
            return None
        m = _VIEWS_LINE.fullmatch(text[line.start : line.end].strip())
        if m:
            return int(re.sub(r"\D", "", m.group("a") or m.group("b")))
    return None


def fix_boilerplate(text: str) -> str:
    """*text* without its boilerplate lines.

    >>> fix_boilerplate("The minister spoke.\\n\\n1,204 views\\n\\nRead more:\\n")
    'The minister spoke.'
    >>> fix_boilerplate("Share prices rose. Read more in our report.")
    'Share prices rose. Read more in our report.'
    """
    ensure_text(text, "fix_boilerplate")
    return fixed_text(find_boilerplate, text)


FIXERS: tuple[Fixer, ...] = (
    Fixer(
        "byline",
        find_byline,
        "Parse the byline line near the top (section, author, date, views) into meta; remove it.",
    ),
    Fixer(
        "boilerplate",
        find_boilerplate,
        "Remove lines that are only view counters or share/print/read-more/follow-us furniture.",
    ),
)
