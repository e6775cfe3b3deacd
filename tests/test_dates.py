"""Dates: Gregorian styles, relative dates, times, durations, sets and modifiers (issue 4)."""

from __future__ import annotations

import calendar
import importlib
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import extract_dates
from newsnorm.dates import _merge
from newsnorm.dates.grammar import compiled_rules
from newsnorm.dates.model import DateMention

REF = date(2021, 7, 6)  # a Tuesday

_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _one(text: str, ref: date | None = REF, **kw: bool) -> DateMention:
    found = extract_dates(text, ref, **kw)
    assert len(found) == 1, found
    return found[0]


def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --- Gregorian styles: hypothesis round trips ------------------------------------------------

STYLES = {
    "weekday_month_day_year": lambda d: f"{_wd(d)} {_mon(d)} {_ordinal(d.day)}, {d.year}",
    "day_month_year": lambda d: f"{d.day} {_mon(d)} {d.year}",
    "month_day_year": lambda d: f"{_mon(d)} {d.day}, {d.year}",
    "ordinal_of_month_year": lambda d: f"the {_ordinal(d.day)} of {_mon(d)} {d.year}",
    "abbreviated": lambda d: f"{calendar.month_abbr[d.month]}. {d.day}, {d.year}",
    "iso": lambda d: d.isoformat(),
    "slashes_day_first": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "weekday_day_month_year": lambda d: f"{_wd(d)}, {d.day} {_mon(d)} {d.year}",
}


def _wd(d: date) -> str:
    # datetime computes the weekday: independent of the parser under test.
    return calendar.day_name[d.weekday()]


def _mon(d: date) -> str:
    return calendar.month_name[d.month]


dates_1900_2100 = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(d=dates_1900_2100, style=st.sampled_from(sorted(STYLES)), digits=st.sampled_from("apq"))
def test_gregorian_styles_round_trip(d: date, style: str, digits: str) -> None:
    rendered = STYLES[style](d)
    if digits == "p":
        rendered = rendered.translate(_PERSIAN)
    elif digits == "q":
        rendered = rendered.translate(_ARABIC)
    text = f"The ministry said the agreement was signed {rendered} in the capital."
    m = _one(text)
    assert m.timex == d.isoformat()
    assert m.kind == "date"
    assert text[m.start : m.end] == m.text
    assert m.text.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")) in (
        rendered.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")),
        rendered.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789"))[4:],
    )


@given(d=dates_1900_2100)
def test_slashes_month_first_when_asked(d: date) -> None:
    text = f"Filed on {d.month:02d}/{d.day:02d}/{d.year} by the court."
    assert _one(text, day_first=False).timex == d.isoformat()


@given(d=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
def test_month_day_without_year(d: date) -> None:
    text = f"Talks resumed on {_mon(d)} {d.day} in Doha."
    assert _one(text, None).timex == f"XXXX-{d.month:02d}-{d.day:02d}"
    resolved = _one(text, d + timedelta(days=3)).timex
    assert resolved == d.isoformat()


# --- weekdays against the reference date ---------------------------------------------------


@given(ref=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 1, 1)), wd=st.integers(0, 6))
def test_bare_weekday_is_within_the_week_before_the_reference(ref: date, wd: int) -> None:
    text = f"Officials said on {calendar.day_name[wd]} that the road had reopened."
    m = _one(text, ref)
    got = date.fromisoformat(m.timex)
    assert got.weekday() == wd
    assert 0 <= (ref - got).days < 7


def test_weekday_future_tense_and_next() -> None:
    assert _one("The talks will resume on Thursday.").timex == "2021-07-08"
    assert _one("He arrives next Monday.").timex == "2021-07-12"
    assert _one("She left last Friday.").timex == "2021-07-02"


def test_weekday_without_reference_keeps_xs() -> None:
    assert _one("Reuters reported on Tuesday.", None).timex == "XXXX-WXX-2"


# --- the seed article ---------------------------------------------------------------------


def test_seed_phrases() -> None:
    assert _one("World Amran Forobali Tuesday July 6th, 2021 0 Views", None).timex == "2021-07-06"
    assert _one("Reuters reported on Tuesday.").timex == "2021-07-06"
    m = _one("Trade has fallen over the past two months.")
    assert (m.timex, m.kind, m.text) == ("P2M", "duration", "past two months")
    assert _one("In recent days, fighting spread.").timex == "PAST_REF"


# --- hand-written positives -----------------------------------------------------------------

POSITIVE = [
    ("Prices rose in mid-July, traders said.", "mid-July", "2021-07", "mid"),
    ("Growth slowed in early 2021.", "early 2021", "2021", "start"),
    ("The sanctions date from the 1990s.", "1990s", "199", None),
    ("Exports fell in 2020 as well.", "2020", "2020", None),
    ("The minister resigned yesterday.", "yesterday", "2021-07-05", None),
    ("Turnout was low last week.", "last week", "2021-W26", None),
    ("The convoy left two days ago.", "two days ago", "2021-07-04", None),
    ("Elections are due next month.", "next month", "2021-08", None),
    ("Inflation this year is high.", "this year", "2021", None),
    ("The curfew lasts 24 hours.", "24 hours", "PT24H", None),
    ("The meeting starts at 5 pm sharp.", "5 pm", "T17", None),
    ("Voting closed at 17:30 local time.", "17:30", "T17:30", None),
    ("Prayers begin at noon.", "noon", "T12", None),
    ("Rockets hit the city this morning.", "this morning", "2021-07-06TMO", None),
    ("The council meets every Monday.", "every Monday", "XXXX-WXX-1", None),
    ("The paper is printed daily.", "daily", "P1D", None),
    ("Figures are published weekly.", "weekly", "P1W", None),
    ("He has lived there since 2010.", "since 2010", "2010", "since"),
    ("The ban stays until March 2022.", "until March 2022", "2022-03", "until"),
    ("Work must end before June 30, 2022.", "before June 30, 2022", "2022-06-30", "before"),
    ("He returned after the 3rd of May 2019.", "after the 3rd of May 2019", "2019-05-03", "after"),
    ("Some 40 people died around 2015.", "around 2015", "2015", "approx"),
    ("Talks began at the start of 2019.", "start of 2019", "2019", "start"),
    ("The war ended by the end of 2001.", "by the end of 2001", "2001", "before"),
    ("Fighting spread in late 2020.", "late 2020", "2020", "end"),
    ("The law took effect on 2021-07-01.", "2021-07-01", "2021-07-01", None),
    ("It was signed on 6th of July.", "6th of July", "2021-07-06", None),
    ("He spoke on the 4th of June 1989.", "the 4th of June 1989", "1989-06-04", None),
    (
        "The strike ended in the first quarter of 2020.",
        "the first quarter of 2020",
        "(2020-01-01,2020-04-01,P3M)",
        None,
    ),
    ("Output grew from 2014 to 2018.", "from 2014 to 2018", "(2014-01-01,2018-01-01,P4Y)", None),
    (
        "The fair runs from May to September.",
        "from May to September",
        "(2021-05-01,2021-09-01,P4M)",
        None,
    ),
    ("They met three weeks from tomorrow.", "three weeks from tomorrow", "2021-07-28", None),
    ("The vote was tomorrow at 8 am.", "tomorrow at 8 am", "2021-07-07T08", None),
    ("The blast happened last night at 11.", "last night at 11", "2021-07-05T23", None),
    ("The shops close in the 21st century.", "21st century", "(2000-01-01,2100-01-01,P100Y)", None),
    ("He will be back in two weeks.", "in two weeks", "2021-07-20", None),
    ("It happens once a year.", "once a year", "P1Y", None),
    ("Exports grew in the past Iranian calendar year.", None, None, None),
    ("The plant will close by the end of the year.", "by the end of the year", "2021", "before"),
    (
        "Markets fell between Jan 2021 and now.",
        "between Jan 2021 and now",
        "(2021-01-01,2021-07-06,P186D)",
        None,
    ),
    (
        "Doors open next Monday 6-8 in the evening.",
        "next Monday 6-8 in the evening",
        "(2021-07-12T18,2021-07-12T20,PT2H)",
        None,
    ),
    ("Easter 2024 fell early.", "Easter 2024", "2024-03-31", None),
    (
        "The fair runs on November 18-19, 2022.",
        "November 18-19, 2022",
        "(2022-11-18,2022-11-19,P1D)",
        None,
    ),
    ("Sales dipped in the last week of 2019.", "the last week of 2019", "2019-W52", None),
    ("We met Monday 29/03 at 11.00am.", "Monday 29/03 at 11.00am", "2021-03-29T11:00", None),
    (
        "The vote closes tomorrow at six forty-five pm.",
        "tomorrow at six forty-five pm",
        "2021-07-07T18:45",
        None,
    ),
]


@pytest.mark.parametrize(("text", "span", "timex", "modifier"), POSITIVE)
def test_positive(text: str, span: str | None, timex: str | None, modifier: str | None) -> None:
    if span is None:
        assert extract_dates(text, REF) == []
        return
    m = _one(text)
    assert (m.text, m.timex, m.modifier) == (span, timex, modifier)


def test_without_reference_relative_dates_stay_unresolved() -> None:
    for text in ("The minister resigned yesterday.", "Turnout was low last week."):
        m = _one(text, None)
        assert "X" in m.timex or m.timex.endswith("_REF")
        assert str(date.today().year) not in m.timex


# --- hand-written negatives -----------------------------------------------------------------

NEGATIVE = [
    "May I ask what this is for?",
    "This may or may not be true, and they may well differ.",
    "Protesters march on the capital.",
    "About 2000 people gathered; 1,037 troops crossed.",
    "Two-thirds of voters, or 2/3, agreed.",
    "The score was 3-2 after a second round.",
    "The sun rose over the Arab Spring protests.",
    "Call +98 21 2010-2015 for details.",
    "The fall of the city shocked the region.",
    "Inflation reached 12.5 percent.",
    "Good morning, the minister said.",
    "He used the sun to dry fruit.",
    "It was quoted by the Kuwaiti daily newspaper Alrai.",
    "At the end of the day, diplomacy won.",
    "He met one of them at seven hotels.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text: str) -> None:
    assert extract_dates(text, REF) == []


WORDS = [
    "the",
    "minister",
    "said",
    "officials",
    "government",
    "talks",
    "border",
    "troops",
    "security",
    "province",
    "army",
    "report",
    "agency",
    "statement",
    "foreign",
    "ministry",
    "president",
    "police",
    "city",
    "region",
    "people",
    "forces",
    "attack",
    "blast",
    "peace",
    "water",
    "energy",
    "trade",
    "oil",
    "sanctions",
    "deal",
    "court",
    "law",
    "vote",
    "party",
    "leader",
    "and",
    "of",
    "to",
    "in",
    "on",
    "for",
    "with",
    "by",
    "from",
    "as",
    "at",
    "that",
    "which",
]


@given(st.lists(st.sampled_from(WORDS), max_size=60))
def test_prose_without_dates_yields_nothing(words: list[str]) -> None:
    assert extract_dates(" ".join(words), REF) == []


# --- robustness -------------------------------------------------------------------------------


@given(st.text(max_size=300))
def test_any_text_no_exception_and_valid_spans(text: str) -> None:
    for m in extract_dates(text, REF):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


@given(st.text(alphabet="0123456789/-.: apmAPMJulyMayonthe,", max_size=200))
def test_date_shaped_noise_no_exception(text: str) -> None:
    for m in extract_dates(text, REF):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "chunk",
    [
        "1/1/1/",
        "12:12:",
        "may ",
        "the the ",
        "2021-",
        "5 to ",
        "from 2014 to ",
        " " * 7,
        "Monday 3-4 pm, ",
        "9" * 50 + " ",
        "۱۲/",
    ],
)
def test_pathological_inputs_finish(chunk: str) -> None:
    text = chunk * (200_000 // len(chunk))
    assert isinstance(extract_dates(text, REF), list)


def test_every_rule_consumes_text() -> None:
    """find_atoms takes the first rule that matches at a position: none may match nothing."""
    parser = importlib.import_module("re._parser")
    for rule in compiled_rules().rules:
        assert parser.parse(rule.pattern.pattern).getwidth()[0] > 0, rule.name


def test_type_error_for_non_str() -> None:
    with pytest.raises(TypeError, match="extract_dates"):
        extract_dates(b"July 6, 2021")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reference_date"):
        extract_dates("July 6", "2021-07-06")  # type: ignore[arg-type]


def test_merge_prefers_the_longer_span() -> None:
    ours = [DateMention(start=3, end=9, text="xxxxxx", timex="2021")]
    theirs = [
        DateMention(start=0, end=12, text="x" * 12, timex="2021-06-05", calendar="solar_hijri"),
        DateMention(start=20, end=24, text="xxxx", timex="1400", calendar="solar_hijri"),
    ]
    merged = _merge(ours, theirs)
    assert [(m.start, m.end) for m in merged] == [(0, 12), (20, 24)]


# --- times, durations and relative counts: hypothesis round trips ---------------------------


@given(hour=st.integers(1, 12), minute=st.integers(0, 59), pm=st.booleans(), dots=st.booleans())
def test_clock_times_round_trip(hour: int, minute: int, pm: bool, dots: bool) -> None:
    suffix = ("p.m." if dots else "pm") if pm else ("a.m." if dots else "am")
    text = f"Polls closed at {hour}:{minute:02d} {suffix} in Herat"
    h24 = hour % 12 + (12 if pm else 0)
    m = _one(text)
    assert (m.timex, m.kind) == (f"T{h24:02d}:{minute:02d}", "time")


@given(hour=st.integers(0, 23), minute=st.integers(0, 59))
def test_24_hour_clock_round_trip(hour: int, minute: int) -> None:
    m = _one(f"The curfew starts at {hour:02d}:{minute:02d} local time.")
    assert m.timex == f"T{hour:02d}:{minute:02d}"


_UNITS = {
    "day": "P{}D",
    "week": "P{}W",
    "month": "P{}M",
    "year": "P{}Y",
    "hour": "PT{}H",
    "minute": "PT{}M",
}


@given(n=st.integers(2, 99), unit=st.sampled_from(sorted(_UNITS)), words=st.booleans())
def test_durations_round_trip(n: int, unit: str, words: bool) -> None:
    from num2words import num2words  # an independent spelling of the number

    count = num2words(n) if words else str(n)
    m = _one(f"The siege lasted {count} {unit}s, residents said.")
    assert (m.timex, m.kind) == (_UNITS[unit].format(n), "duration")


@given(ref=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 1, 1)), n=st.integers(2, 60))
def test_days_ago_round_trip(ref: date, n: int) -> None:
    m = _one(f"The bridge collapsed {n} days ago.", ref)
    assert m.timex == (ref - timedelta(days=n)).isoformat()


def test_datetime_reference_is_read_as_its_day() -> None:
    from datetime import datetime

    found = extract_dates("He left on July 6 and returned Tuesday.", datetime(2021, 7, 8, 15, 30))
    assert [m.timex for m in found] == ["2021-07-06", "2021-07-06"]
