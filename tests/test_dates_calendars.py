"""Solar Hijri and lunar Hijri date extraction (``newsnorm.dates.calendars``).

The round trips render dates with an independent Solar Hijri conversion written here (the
``jalaali-js`` algorithm of Borkowski's break years), not with ``jdatetime`` that the code uses, and
check lunar Hijri dates against well-known Umm al-Qura dates plus an arithmetic (tabular) calendar.
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsnorm.dates.calendars import find_calendar_dates
from newsnorm.dates.model import DateMention

# --------------------------------------------------------------------------- independent Jalali

_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262,
           2324, 2394, 2456, 3178)  # fmt: skip


def _div(a: int, b: int) -> int:
    return int(a / b)  # truncating, as in the JavaScript original


def _mod(a: int, b: int) -> int:
    return a - _div(a, b) * b


def _jal_cal(jy: int) -> tuple[int, int, int]:
    """(years since the last leap year, Gregorian year, March day of 1 Farvardin) of year *jy*."""
    gy = jy + 621
    leap_j = -14
    jp = _BREAKS[0]
    jump = 0
    for jm in _BREAKS[1:]:
        jump = jm - jp
        if jy < jm:
            break
        leap_j += _div(jump, 33) * 8 + _div(_mod(jump, 33), 4)
        jp = jm
    n = jy - jp
    leap_j += _div(n, 33) * 8 + _div(_mod(n, 33) + 3, 4)
    if _mod(jump, 33) == 4 and jump - n == 4:
        leap_j += 1
    leap_g = _div(gy, 4) - _div((_div(gy, 100) + 1) * 3, 4) - 150
    march = 20 + leap_j - leap_g
    if jump - n < 6:
        n = n - jump + _div(jump + 4, 33) * 33
    leap = _mod(_mod(n + 1, 33) - 1, 4)
    return (4 if leap == -1 else leap), gy, march


def g2j(g: date) -> tuple[int, int, int]:
    """Gregorian to Solar Hijri (year, month, day)."""
    jy = g.year - 621
    leap, gy, march = _jal_cal(jy)
    k = (g - date(gy, 3, march)).days
    if k >= 0:
        if k <= 185:
            return jy, 1 + k // 31, k % 31 + 1
        k -= 186
    else:
        jy -= 1
        k += 179
        if leap == 1:
            k += 1
    return jy, 7 + k // 30, k % 30 + 1


def j2g(jy: int, jm: int, jd: int) -> date:
    """Solar Hijri to Gregorian."""
    _, gy, march = _jal_cal(jy)
    before = (jm - 1) * 31 if jm <= 7 else 186 + (jm - 7) * 30
    return date(gy, 3, march) + timedelta(days=before + jd - 1)


def tabular_hijri(y: int, m: int, d: int) -> date:
    """The arithmetic Islamic calendar (civil epoch): within two days of Umm al-Qura."""
    return date.fromordinal(
        d + math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + (3 + 11 * y) // 30 + 227014
    )


def test_independent_conversions_agree_on_known_dates() -> None:
    assert g2j(date(2021, 7, 6)) == (1400, 4, 15)
    assert j2g(1400, 1, 1) == date(2021, 3, 21)
    assert j2g(1399, 12, 30) == date(2021, 3, 20)  # 1399 was a leap year
    assert tabular_hijri(1442, 9, 1) == date(2021, 4, 13)


# --------------------------------------------------------------------------- renderings

AFGHAN = (
    ("Hamal",), ("Saur", "Sawr"), ("Jawza", "Jauza"), ("Saratan",), ("Asad",),
    ("Sunbula", "Sonbola"), ("Mizan",), ("Aqrab",), ("Qaws", "Qaus"), ("Jadi", "Jaddi"),
    ("Dalw", "Dalv"), ("Hut", "Hoot"),
)  # fmt: skip
IRANIAN = (
    ("Farvardin",), ("Ordibehesht",), ("Khordad",), ("Tir",), ("Mordad", "Amordad"),
    ("Shahrivar",), ("Mehr",), ("Aban",), ("Azar",), ("Dey",), ("Bahman",), ("Esfand", "Isfand"),
)  # fmt: skip
ZODIAC = (
    ("Aries", "Ram"), ("Taurus", "Bull"), ("Gemini", "Twins"), ("Cancer", "Crab"),
    ("Leo", "Lion"), ("Virgo",), ("Libra", "Scales"), ("Scorpio", "Scorpion"),
    ("Sagittarius", "Bow"), ("Capricorn", "Goat"), ("Aquarius", "Bucket"), ("Pisces", "Fish"),
)  # fmt: skip
PERSIAN_SCRIPT = (
    ("حمل", "فروردین"), ("ثور", "اردیبهشت"), ("جوزا", "خرداد"), ("سرطان", "تیر"),
    ("اسد", "مرداد"), ("سنبله", "شهریور"), ("میزان", "مهر"), ("عقرب", "آبان"),
    ("قوس", "آذر"), ("جدی", "دی"), ("دلو", "بهمن"), ("حوت", "اسفند"),
)  # fmt: skip
LUNAR = (
    ("Muharram", "Moharram"), ("Safar",), ("Rabi al-Awwal", "Rabi' I", "Rabiul Awwal"),
    ("Rabi al-Thani", "Rabi' al-Akhir", "Rabi II"), ("Jumada al-Ula", "Jumada al-Awwal"),
    ("Jumada al-Akhirah", "Jumada al-Thani", "Jumada II"), ("Rajab",), ("Sha'ban", "Shaban"),
    ("Ramadan", "Ramazan"), ("Shawwal",), ("Dhu al-Qadah", "Dhul Qa'dah", "Dhu al-Qi'dah"),
    ("Dhu al-Hijjah", "Dhul Hijjah", "Dhu'l-Hijjah"),
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                 "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
                 "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth",
                 "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth",
                 "thirty-first")  # fmt: skip
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def render(style: str, day: int, month: str, year: int) -> str:
    """One date in one of the styles MT news uses."""
    return {
        "dmy": f"{day} {month} {year}",
        "mdy": f"{month} {day}, {year}",
        "the_of": f"the {ordinal(day)} of {month} {year}",
        "of": f"{ordinal(day)} of {month} {year}",
        "words": f"the {ORDINAL_WORDS[day - 1]} of {month} {year}",
        "era": f"{day} {month} {year} SH",
        "era_long": f"{month} {day}, {year} Hijri Shamsi",
    }[style]


def only(text: str, ref: date | None = None) -> DateMention:
    found = find_calendar_dates(text, ref)
    assert len(found) == 1, (text, found)
    mention = found[0]
    assert text[mention.start : mention.end] == mention.text
    return mention


def sentence(date_text: str) -> str:
    return f"Officials said that on {date_text}, the talks resumed in Kabul."


# --------------------------------------------------------------------------- round trips


@given(
    g=st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    family=st.sampled_from(["afghan", "iranian", "zodiac"]),
    style=st.sampled_from(["dmy", "mdy", "the_of", "of", "words", "era", "era_long"]),
    pick=st.integers(0, 3),
    digits=st.sampled_from(["latin", "persian", "arabic"]),
    weekday=st.booleans(),
)
def test_solar_round_trip(
    g: date, family: str, style: str, pick: int, digits: str, weekday: bool
) -> None:
    jy, jm, jd = g2j(g)
    names = {"afghan": AFGHAN, "iranian": IRANIAN, "zodiac": ZODIAC}[family][jm - 1]
    text = render(style, jd, names[pick % len(names)], jy)
    if digits == "persian":
        text = text.translate(PERSIAN_DIGITS)
    elif digits == "arabic":
        text = text.translate(ARABIC_DIGITS)
    if weekday:
        text = f"{WEEKDAYS[g.weekday()]}, {text}"
    mention = only(sentence(text))
    assert mention.text == text
    assert mention.timex == g.isoformat()
    assert mention.calendar == "solar_hijri"
    assert mention.kind == "date"


@given(g=st.dates(date(1900, 1, 1), date(2100, 12, 31)), iranian=st.booleans())
def test_solar_round_trip_persian_script(g: date, iranian: bool) -> None:
    jy, jm, jd = g2j(g)
    text = f"{jd} {PERSIAN_SCRIPT[jm - 1][int(iranian)]} {jy}".translate(PERSIAN_DIGITS)
    mention = only(f"گزارش: {text}.")
    assert (mention.text, mention.timex) == (text, g.isoformat())


@given(
    g=st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    family=st.sampled_from([AFGHAN, IRANIAN, ZODIAC]),
    offset=st.integers(-90, 270),
    style=st.sampled_from(["{d} {m}", "the {o} of {m}", "{m} {o}"]),
)
def test_solar_year_inferred_from_reference(
    g: date, family: tuple[tuple[str, ...], ...], offset: int, style: str
) -> None:
    """Without a year: the latest occurrence on or before reference + 90 days."""
    _, jm, jd = g2j(g)
    text = style.format(d=jd, o=ordinal(jd), m=family[jm - 1][0])
    assume(not (jm == 12 and jd == 30))  # a leap day has no occurrence in most years
    mention = only(sentence(text), g + timedelta(days=offset))
    assert mention.timex == g.isoformat()


@given(
    g=st.dates(date(1921, 3, 21), date(2041, 3, 20)),  # Solar Hijri 1300-1419
    order=st.sampled_from(["ymd", "dmy"]),
    sep=st.sampled_from(["/", "-", "."]),
    pad=st.booleans(),
    persian=st.booleans(),
)
def test_numeric_solar_round_trip(g: date, order: str, sep: str, pad: bool, persian: bool) -> None:
    jy, jm, jd = g2j(g)
    m, d = (f"{jm:02d}", f"{jd:02d}") if pad else (str(jm), str(jd))
    text = sep.join([str(jy), m, d] if order == "ymd" else [d, m, str(jy)])
    if persian:
        text = text.translate(PERSIAN_DIGITS)
    mention = only(f"The letter dated {text} was read.")
    assert (mention.text, mention.timex, mention.calendar) == (text, g.isoformat(), "solar_hijri")


@given(
    ref=st.dates(),
    text=st.sampled_from(["on 15 Saratan", "during Ramadan", "on 10 Dalw", "the 2nd of Gemini"]),
)
def test_any_reference_date_is_safe(ref: date, text: str) -> None:
    """Reference dates at the ends of ``datetime.date`` (or outside Umm al-Qura) give X's."""
    mention = only(text, ref)
    assert mention.timex == "XXXX-XX-XX" or date.fromisoformat(mention.timex)


@pytest.mark.parametrize("ref", [date.min, date(1, 3, 25), date.max])
def test_extreme_reference_dates(ref: date) -> None:
    for text in ("on 15 Saratan", "on 10 Dalw", "during Ramadan"):
        assert only(text, ref).timex == "XXXX-XX-XX"


def test_lunar_reference_outside_umm_al_qura() -> None:
    assert only("during Ramadan", date(1900, 1, 1)).timex == "XXXX-XX-XX"
    assert only("on 15 Saratan", date(1900, 1, 1)).timex == j2g(1278, 4, 15).isoformat()


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Schools close from 1 to 15 Saratan 1400.", "1", "15 Saratan 1400"),
        ("Schools close 10-15 Saratan 1400.", "10", "15 Saratan 1400"),
        ("Schools close between the 10th and the 15th of Saratan 1400.", "the 10th", None),
        ("Schools close Saratan 10-15, 1400.", "Saratan 10", "15, 1400"),
    ],
)
def test_day_ranges_give_both_days(text: str, first: str, second: str | None) -> None:
    found = find_calendar_dates(text)
    assert [m.timex for m in found] == [
        j2g(1400, 4, int(first.split()[-1].rstrip("th"))).isoformat(),
        j2g(1400, 4, 15).isoformat(),
    ]
    assert found[0].text == first
    if second is not None:
        assert found[1].text == second


def test_range_lends_its_year_to_the_first_date() -> None:
    found = find_calendar_dates(
        "Exams run from 25 Jawza to 5 Saratan 1400, and from 20 Hut to 5 Hamal 1400."
    )
    assert [(m.text, m.timex) for m in found] == [
        ("25 Jawza", j2g(1400, 3, 25).isoformat()),
        ("5 Saratan 1400", j2g(1400, 4, 5).isoformat()),
        ("20 Hut", j2g(1399, 12, 20).isoformat()),
        ("5 Hamal 1400", j2g(1400, 1, 5).isoformat()),
    ]


def test_range_words_do_not_swallow_a_count() -> None:
    found = find_calendar_dates("On Saratan 15 and 16 people were hurt.")
    assert [m.text for m in found] == ["Saratan 15"]


def test_year_unknown_without_reference() -> None:
    assert only("It started on 15 Saratan.").timex == "XXXX-XX-XX"
    assert only("It started on the 2nd of Gemini.").timex == "XXXX-XX-XX"
    assert only("It will end with Ramadan.").timex == "XXXX-XX-XX"


KNOWN_UMM_AL_QURA = [
    ("1 Ramadan 1442", date(2021, 4, 13)),
    ("1 Shawwal 1441", date(2020, 5, 24)),
    ("10 Dhu al-Hijjah 1442", date(2021, 7, 20)),
    ("1 Muharram 1443", date(2021, 8, 9)),
    ("1 Ramadan 1444", date(2023, 3, 23)),
    ("1 Ramadan 1445", date(2024, 3, 11)),
    ("1 Muharram 1446", date(2024, 7, 7)),
    ("1 Muharram 1440", date(2018, 9, 11)),
    ("Ramadan 1442", date(2021, 4, 13)),
    ("1442 AH", date(2020, 8, 20)),
    ("AH 1443", date(2021, 8, 9)),
    ("1442 Hijri", date(2020, 8, 20)),
    ("Ramadan 2021", date(2021, 4, 13)),
    ("١ رمضان ١٤٤٢", date(2021, 4, 13)),
    ("۱ محرم ۱۴۴۳", date(2021, 8, 9)),
    ("the first of Shawwal 1441", date(2020, 5, 24)),
    ("Dhul Hijjah 10, 1442", date(2021, 7, 20)),
]


@pytest.mark.parametrize(("text", "expected"), KNOWN_UMM_AL_QURA)
def test_lunar_known_dates(text: str, expected: date) -> None:
    mention = only(sentence(text))
    assert (mention.text, mention.timex, mention.calendar) == (
        text,
        expected.isoformat(),
        "lunar_hijri",
    )


@given(
    year=st.integers(1343, 1499),
    month=st.integers(1, 12),
    day=st.integers(1, 30),
    style=st.sampled_from(["dmy", "mdy", "the_of", "words"]),
    pick=st.integers(0, 2),
)
def test_lunar_near_arithmetic_calendar(
    year: int, month: int, day: int, style: str, pick: int
) -> None:
    names = LUNAR[month - 1]
    text = render(style, day, names[pick % len(names)], year)
    mention = only(sentence(text))
    assert mention.text == text
    got = date.fromisoformat(mention.timex)
    assert abs((got - tabular_hijri(year, month, day)).days) <= 2


@given(year=st.integers(1343, 1499), month=st.integers(1, 12), day=st.integers(1, 28))
def test_lunar_consecutive_days(year: int, month: int, day: int) -> None:
    name = LUNAR[month - 1][0]
    first = date.fromisoformat(only(f"On {day} {name} {year}.").timex)
    second = date.fromisoformat(only(f"On {day + 1} {name} {year}.").timex)
    assert second - first == timedelta(days=1)


@given(year=st.integers(1343, 1499), month=st.integers(1, 11))
def test_lunar_months_are_29_or_30_days(year: int, month: int) -> None:
    start = date.fromisoformat(only(f"On 1 {LUNAR[month - 1][0]} {year}.").timex)
    nxt = date.fromisoformat(only(f"On 1 {LUNAR[month][0]} {year}.").timex)
    # Umm al-Qura's historical tables have a few 28- and 31-day months before 1365 AH.
    assert (nxt - start).days in ((29, 30) if year >= 1365 else (28, 29, 30, 31))
    # Day 30 of a 29-day month is the day after day 29, i.e. the next month's first day.
    day30 = date.fromisoformat(only(f"On 30 {LUNAR[month - 1][0]} {year}.").timex)
    assert day30 - start == timedelta(days=29)


@given(
    g=st.dates(date(1926, 1, 1), date(2076, 12, 31)),  # a year inside Umm al-Qura
    offset=st.integers(-90, 260),
)
def test_lunar_month_without_year_resolves_near_reference(g: date, offset: int) -> None:
    ref = g + timedelta(days=offset)
    ramadan = date.fromisoformat(only("People fasted during Ramadan.", ref).timex)
    assert ref - timedelta(days=355) < ramadan <= ref + timedelta(days=90)
    assert abs((ramadan - tabular_hijri(_hijri_year_of(ramadan), 9, 1)).days) <= 2


def _hijri_year_of(g: date) -> int:
    """The tabular Hijri year containing *g* (good to a couple of days: enough for Ramadan)."""
    year = int((g.toordinal() - 227015) / 354.367) + 1
    while tabular_hijri(year + 1, 1, 1) <= g:
        year += 1
    while tabular_hijri(year, 1, 1) > g:
        year -= 1
    return year


def test_numeric_date_with_lunar_era() -> None:
    """An era decides the calendar of a numeric date whose year alone would say Solar Hijri."""
    mention = only("The order of 1400/04/15 AH was old.")
    assert (mention.text, mention.calendar) == ("1400/04/15 AH", "lunar_hijri")
    got = date.fromisoformat(mention.timex)
    assert abs((got - tabular_hijri(1400, 4, 15)).days) <= 2


def test_mistranslated_solar_year_marked_ah() -> None:
    """MT writes the Dari solar era as "AH": near the reference's solar year it is solar."""
    ref = date(2021, 7, 6)
    assert (only("The 1400 AH budget passed.", ref).calendar, only("In 1400 AH.", ref).timex) == (
        "solar_hijri",
        "2021-03-21",
    )
    assert only("In 1442 AH.", ref).calendar == "lunar_hijri"
    assert only("In 1400 Hijri Qamari.", ref).calendar == "lunar_hijri"
    assert only("In 1400 AH.").calendar == "lunar_hijri"  # no reference: as written


def test_lunar_outside_umm_al_qura_keeps_xs() -> None:
    assert only("It was built in 1300 AH.").timex == "XXXX-XX-XX"
    assert only("On 1 Muharram 1320 AH the city fell.").timex == "XXXX-XX-XX"


# --------------------------------------------------------------------------- hand cases

REF = date(2021, 7, 20)

POSITIVE = [
    # (text, mention text, timex, modifier)
    ("The attack took place on the 2nd of Gemini.", "the 2nd of Gemini", "2021-05-23", None),
    ("On the 15th of Cancer, fighting resumed.", "the 15th of Cancer", "2021-07-06", None),
    ("On the 15th of cancer, fighting resumed.", "the 15th of cancer", "2021-07-06", None),
    ("Cancer 15, 1400 was a hot day.", "Cancer 15, 1400", "2021-07-06", None),
    ("On 15 Cancer the Taliban entered the city.", "15 Cancer", "2021-07-06", None),
    ("Polls close on 15 Saratan.", "15 Saratan", "2021-07-06", None),
    ("It was signed on Saratan 15.", "Saratan 15", "2021-07-06", None),
    ("The talks began in Asad 1400.", "Asad 1400", j2g(1400, 5, 1).isoformat(), None),
    ("Schools reopen on Farvardin 1, 1400.", "Farvardin 1, 1400", "2021-03-21", None),
    ("The law took effect on 3 Mehr 1401.", "3 Mehr 1401", j2g(1401, 7, 3).isoformat(), None),
    ("Since 15 Saratan 1400 the road is shut.", "Since 15 Saratan 1400", "2021-07-06", "since"),
    ("Trade halted until the 1st of Sonbola.", "until the 1st of Sonbola", "2021-08-23", "until"),
    ("It lasted till the end of Asad 1400.", "till the end of Asad 1400", "2021-07-23", "until"),
    ("The vote came before Hamal 1401.", "before Hamal 1401", "2022-03-21", "before"),
    ("The army left by 10 Hut 1399.", "by 10 Hut 1399", "2021-02-28", "before"),
    ("Prices held from 1 Jadi 1399.", "1 Jadi 1399", "2020-12-21", None),
    ("The offensive began in mid-Saratan.", "mid-Saratan", "2021-06-22", "mid"),
    ("Prices rose in early Jawza 1400.", "early Jawza 1400", "2021-05-22", "start"),
    (
        "By the end of Ramadan 1442 it was over.",
        "By the end of Ramadan 1442",
        "2021-04-13",
        "before",
    ),
    ("In the last days of Ramadan 1442 they met.", "Ramadan 1442", "2021-04-13", None),
    ("The truce held in late Ramadan.", "late Ramadan", "2021-04-13", "end"),
    ("People fasted during Ramadan this year.", "Ramadan", "2021-04-13", None),
    ("Mourning peaks in Muharram.", "Muharram", "2021-08-09", None),
    ("Rainfall in the month of Saratan was low.", "month of Saratan", "2021-06-22", None),
    (
        "Imports fell in the third Iranian calendar month of Khordad.",
        "third Iranian calendar month of Khordad",
        "2021-05-22",
        None,
    ),
    (
        "Units reopen by the end of the Iranian month of Dey.",
        "by the end of the Iranian month of Dey",
        "2020-12-21",
        "before",
    ),
    ("Prices rose during the holy month of Ramadan.", "holy month of Ramadan", "2021-04-13", None),
    ("The budget for 1400 SH was approved.", "1400 SH", "2021-03-21", None),
    ("In the solar year 1399 exports fell.", "solar year 1399", "2020-03-20", None),
    ("In 1399 solar year exports fell.", "1399 solar year", "2020-03-20", None),
    (
        "By Saratan 15, 1400 solar year it ended.",
        "By Saratan 15, 1400 solar year",
        "2021-07-06",
        "before",
    ),
    ("The census of 1395 Hijri Shamsi counted them.", "1395 Hijri Shamsi", "2016-03-20", None),
    ("A decree dated 1442 A.H. was read.", "1442 A.H.", "2020-08-20", None),
    ("Tuesday, 15 Saratan 1400 was quiet.", "Tuesday, 15 Saratan 1400", "2021-07-06", None),
    ("He was born on the 7th of Saur 1357.", "the 7th of Saur 1357", "1978-04-27", None),
    ("On the 2nd of the Bull the market opened.", "the 2nd of the Bull", "2021-04-22", None),
    ("Talks were held on 15 Saratan 2021.", "15 Saratan 2021", "2021-07-06", None),
    ("Ramadan 1442 AH began on a Tuesday.", "Ramadan 1442 AH", "2021-04-13", None),
    ("The decree of ۱۵ Saratan ۱۴۰۰ stands.", "۱۵ Saratan ۱۴۰۰", "2021-07-06", None),
    ("The decree of ١٥ Saratan ١٤٠٠ stands.", "١٥ Saratan ١٤٠٠", "2021-07-06", None),
    ("The rally on 22 Bahman 1399 was large.", "22 Bahman 1399", "2021-02-10", None),
    ("It was announced on the twentieth of Hoot.", "the twentieth of Hoot", "2021-03-10", None),
    ("It was the first Ramadan after the war.", "Ramadan", "2021-04-13", None),
    ("In the Islamic year 1443 pilgrims returned.", "Islamic year 1443", "2021-08-09", None),
    ("Markets closed for Nowruz 1400.", "Nowruz 1400", "2021-03-21", None),
    ("Markets closed before Nowruz.", "before Nowruz", "2021-03-21", "before"),
    ("Prisoners were freed on Eid al-Adha.", "Eid al-Adha", "2021-07-20", None),
    ("Prisoners were freed on Eid ul-Fitr 1442.", "Eid ul-Fitr 1442", "2021-05-13", None),
    ("Mourners marched on Ashura 2021.", "Ashura 2021", "2021-08-18", None),
    ("The order of 1442/09/01 was posted.", "1442/09/01", "2021-04-13", None),
    ("Issued on Tuesday, 1400/4/15.", "Tuesday, 1400/4/15", "2021-07-06", None),
]


@pytest.mark.parametrize(("text", "span", "timex", "modifier"), POSITIVE)
def test_positive_cases(text: str, span: str, timex: str, modifier: str | None) -> None:
    mention = only(text, REF)
    assert (mention.text, mention.timex, mention.modifier) == (span, timex, modifier)


NEGATIVE = [
    "Gemini season is a good time to travel, astrologers say.",
    "She was diagnosed with lung cancer in 2019.",
    "Cancer 15 patients were admitted to the ward.",
    "The clinic has 15 Cancer Patients and 3 doctors.",
    "15 cancer patients died last year.",
    "A third of cancer is preventable, and the 3rd of cancer patients in line waited.",
    "The 2nd of gemini flights was delayed.",
    "The bull ran through the market on Friday.",
    "He caught a fish and 2 fish got away.",
    "NASA's Gemini 4 mission flew in 1965.",
    "The crew splashed down aboard Gemini 12.",
    "Mehr News Agency reported the clash.",
    "Bashar al-Asad said the war was over.",
    "President Bashar al-Asad 15 years ago took power.",
    "Bashar al-Asad 1400.",
    "A letter from Ahmad bin Rajab 12, written in Herat.",
    "Hafez Assad 30 years earlier had ruled.",
    "The 1400 solar panels were installed.",
    "The old mosque was built in the year 1400.",
    "In 1400 people lived there.",
    "The ceremony was held at 22 Bahman Square.",
    "Fans filled 15 Khordad Stadium.",
    "Historians study the 28 Mordad coup.",
    "Tariq Ramadan wrote a book.",
    "Ramzan Kadyrov met the envoy.",
    "The Saur Revolution changed Afghanistan.",
    "The Leo 2 rocket failed.",
    "The Libra 2.0 project stalled.",
    "The AH-64 helicopter and ah 1442 are not dates.",
    "A Virgo cluster galaxy was observed.",
    "The Scales of justice tipped on 5 May.",
    "A ram, 15 goats and a lion were sold.",
    "He met Mizan 3 times.",
    "The Taurus 3 engine was tested.",
    "Lung cancer screening of 1400 smokers began.",
    "Google showed Gemini 2024.",
    "The Leo 2021 tour was cancelled.",
    "Imam Ali Rahman spoke on Tuesday July 6th, 2021.",
    "Install version 1400.4.15.2 or 10.1.1400.5 now.",
    "It was the first Saratan offensive of the war.",
    "The ratio 1400/13/01 is not a date, nor is 2021/07/06 a Hijri one.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative_cases(text: str) -> None:
    assert find_calendar_dates(text, REF) == []


NOUNS = ["patients", "cells", "season", "mission", "market", "cases", "rocket", "fans", "engine"]
PLAIN = ["officials", "said", "troops", "moved", "north", "village", "reported", "rain", "heavy"]


@given(
    word=st.sampled_from([name for names in ZODIAC for name in names] + ["Asad", "Mehr", "Hut"]),
    noun=st.sampled_from(NOUNS),
    number=st.integers(1, 31),
    case=st.sampled_from([str.lower, str.title, str.upper]),
)
def test_month_words_before_nouns_are_not_dates(
    word: str, noun: str, number: int, case: object
) -> None:
    """A zodiac or ambiguous word with a count and a noun is not a date, in any order or case."""
    assert callable(case)
    for text in (f"The {word} {number} {noun} left.", f"{number} {word} {noun} left."):
        text = case(text)
        assert find_calendar_dates(text, REF) == [], text


@given(
    before=st.lists(st.sampled_from(PLAIN), max_size=6),
    after=st.lists(st.sampled_from(PLAIN), max_size=6),
    g=st.dates(date(1925, 1, 1), date(2075, 12, 31)),
    family=st.sampled_from([AFGHAN, IRANIAN, ZODIAC]),
)
def test_dates_are_found_in_any_plain_context(
    before: list[str], after: list[str], g: date, family: tuple[tuple[str, ...], ...]
) -> None:
    jy, jm, jd = g2j(g)
    date_text = f"the {ordinal(jd)} of {family[jm - 1][0]} {jy}"
    text = " ".join([*before, "on", date_text + ",", *after]) + "."
    mention = only(text)
    assert (mention.text, mention.timex) == (date_text, g.isoformat())


@pytest.mark.parametrize(
    "spellings",
    [*(names for names in LUNAR if len(names) > 1), *(n for n in AFGHAN if len(n) > 1)],
)
def test_spellings_agree(spellings: tuple[str, ...]) -> None:
    timexes = {only(f"On 12 {name} 1443.").timex for name in spellings}
    assert len(timexes) == 1, (spellings, timexes)


# --------------------------------------------------------------------------- robustness

VOCAB = [
    "15", "1400", "the", "of", "15th", "Saratan", "Cancer", "cancer", "Gemini", "AH", "SH",
    "1442", "Ramadan", "mid-", "early", ",", " ", "(", ")", "۱۴۰۰", "١٥", "solar", "year",
    "Asad", "al-", "Tuesday", "month", "Hijri", "Shamsi", "Rabi", "al-Awwal", "\n", "\ud800",
]  # fmt: skip


@given(st.lists(st.sampled_from(VOCAB), max_size=40).map(" ".join))
def test_arbitrary_token_soup_is_consistent(text: str) -> None:
    found = find_calendar_dates(text, REF)
    previous_end = 0
    for mention in found:
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        assert mention.timex == "XXXX-XX-XX" or date.fromisoformat(mention.timex)
        previous_end = mention.end


@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
def test_arbitrary_text_never_raises(text: str, ref: date | None) -> None:
    for mention in find_calendar_dates(text, ref):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("unit", "size"),
    [
        ("Saratan ", 1_000_000),
        ("1 ", 1_000_000),
        ("the 1st of the ", 1_000_000),
        ("Rabi al al al ", 1_000_000),
        ("۱۵ ", 1_000_000),
        ("mid-mid-", 1_000_000),
        ("month of month of ", 1_000_000),
        ("-" * 50 + "Asad", 1_000_000),
        ("\u200c\u200c", 1_000_000),
        ("x" * 999_999 + "İ Saratan", 1_000_000),  # lower() changes length: any-case prescan
        # Every few characters a date: linear, but each mention is built, so 200 KB is enough.
        ("15 Saratan 1400 ", 200_000),
        ("1400 SH ", 200_000),
        ("Cancer 15 ", 200_000),
    ],
)
def test_pathological_input_completes(unit: str, size: int) -> None:
    """No timing assertion: pytest's timeout catches a regex that backtracks badly."""
    text = unit * max(1, size // len(unit))
    found = find_calendar_dates(text, REF)
    assert all(text[m.start : m.end] == m.text for m in found[:1000])


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="find_calendar_dates"):
        find_calendar_dates(b"15 Saratan 1400")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="reference_date"):
        find_calendar_dates("15 Saratan", "2021-07-06")  # type: ignore[arg-type]


def test_datetime_reference_is_read_as_its_date() -> None:
    from datetime import datetime

    assert only("on 15 Saratan", datetime(2021, 7, 20, 23, 59)).timex == "2021-07-06"


def test_clean_english_without_calendar_words() -> None:
    text = (
        "Tajik President Emomali Rakhmon ordered 20,000 troops to the border on Tuesday, "
        "July 6th, 2021, as fighting intensified over the past two months."
    )
    assert find_calendar_dates(text, REF) == []


def test_offsets_survive_case_folding_that_changes_length() -> None:
    """``"İ".lower()`` is two characters: the prescan must not shift offsets."""
    text = "İstanbul İİ: on 15 SARATAN 1400 the İ talks began."
    mention = only(text)
    assert (mention.text, mention.timex) == ("15 SARATAN 1400", "2021-07-06")


def _lexicon() -> dict[str, object]:
    from importlib import resources

    path = resources.files("newsnorm") / "data" / "dates" / "calendars.json"
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_every_solar_spelling_in_the_lexicon_reads_its_month() -> None:
    solar = _lexicon()["solar"]
    assert isinstance(solar, dict)
    for family, entries in solar.items():
        for entry in entries:
            if "day" in entry:  # holidays: tested below
                continue
            for spelling in entry["spellings"]:
                mention = only(f"Officials said on 12 {spelling} 1400, talks resumed.")
                expected = j2g(1400, entry["month"], 12).isoformat()
                assert (mention.timex, mention.calendar) == (expected, "solar_hijri"), (
                    family,
                    spelling,
                )


def test_every_lunar_spelling_in_the_lexicon_reads_its_month() -> None:
    lunar = _lexicon()["lunar"]
    assert isinstance(lunar, dict)
    for entries in lunar.values():
        for entry in entries:
            if "day" in entry:
                continue
            canonical = only(f"On 12 {LUNAR[entry['month'] - 1][0]} 1443, talks resumed.")
            for spelling in entry["spellings"]:
                mention = only(f"On 12 {spelling} 1443, talks resumed.")
                assert (mention.timex, mention.calendar) == (canonical.timex, "lunar_hijri"), (
                    spelling
                )


def test_an_afghan_mt_paragraph() -> None:
    """Forms MT makes of Dari news, in one text (sentences written for this test)."""
    text = (
        "Kabul: On Tuesday, the 15th of Cancer 1400, Taliban fighters entered the district "
        "centre. Officials said that since the 2nd of Gemini more than 20 districts had fallen, "
        "and the commission said the vote would be held on Libra 2. Lung cancer patients and "
        "the Mehr News Agency were not affected. The 1400 SH budget was cut during the holy "
        "month of Ramadan, and markets will close for Eid al-Adha."
    )
    found = find_calendar_dates(text, date(2021, 7, 6))
    assert [(m.text, m.timex, m.modifier) for m in found] == [
        ("Tuesday, the 15th of Cancer 1400", "2021-07-06", None),
        ("since the 2nd of Gemini", j2g(1400, 3, 2).isoformat(), "since"),
        ("Libra 2", j2g(1400, 7, 2).isoformat(), None),
        ("1400 SH", "2021-03-21", None),
        ("holy month of Ramadan", "2021-04-13", None),
        ("Eid al-Adha", "2021-07-20", None),
    ]
