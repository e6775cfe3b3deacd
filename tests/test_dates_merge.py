"""How extract_dates merges the Gregorian grammar with the Hijri calendars finder."""

from __future__ import annotations

from datetime import date

from newsnorm import extract_dates


def test_equal_spans_prefer_the_calendar_reading() -> None:
    (m,) = extract_dates("The law passed on 1400/04/15 in Kabul.")
    assert (m.calendar, m.timex) == ("solar_hijri", "2021-07-06")


def test_without_fill_a_yearless_hijri_date_keeps_its_xs() -> None:
    text = "On 15 Saratan the council met."
    (filled,) = extract_dates(text, date(2021, 7, 10))
    assert filled.timex == "2021-07-06"
    (bare,) = extract_dates(text, date(2021, 7, 10), fill=False)
    assert bare.timex.startswith("XXXX")


def test_gregorian_and_hijri_mentions_come_out_in_text_order() -> None:
    text = "On 15 Saratan 1400, that is July 6, 2021, and again on 1 Muharram 1443."
    got = extract_dates(text)
    assert [m.start for m in got] == sorted(m.start for m in got)
    # 1 Muharram 1443 is 2021-08-09 in the Umm al-Qura calendar.
    assert [m.timex for m in got] == ["2021-07-06", "2021-07-06", "2021-08-09"]
