"""Dates and school-day lengths as staff write them (assistant/chat/dates_text.py)."""

from datetime import date

import pytest

from assistant.chat.dates_text import find_dates, find_school_days, parse_number

TODAY = date(2026, 3, 18)  # a Wednesday


def iso(text, today=TODAY):
    return [d.value.isoformat() for d in find_dates(text, today)]


@pytest.mark.parametrize("text, expected", [
    # UK numeric formats, day first
    pytest.param("entered on 05/01/2026", ["2026-01-05"], id="dd/mm/yyyy"),
    pytest.param("entered on 5/1/26", ["2026-01-05"], id="d/m/yy"),
    pytest.param("recorded 09.02.2026 at 9am", ["2026-02-09"], id="dotted"),
    pytest.param("last seen 9-2-2026", ["2026-02-09"], id="dashed"),
    pytest.param("the letter of 2026-02-27", ["2026-02-27"], id="iso"),
    pytest.param("the letter came on 12/02/2026.", ["2026-02-12"], id="numeric-before-full-stop"),
    # words
    pytest.param("Tuesday 3 February 2026", ["2026-02-03"], id="weekday-day-month-year"),
    pytest.param("on Tue 3rd Feb", ["2026-02-03"], id="short-weekday-ordinal-no-year"),
    pytest.param("the 21st of January, 2026", ["2026-01-21"], id="ordinal-of-month-comma-year"),
    pytest.param("since 4 Sept 2025", ["2025-09-04"], id="sept-abbreviation"),
    pytest.param("from February 2nd 2026", ["2026-02-02"], id="month-first"),
    # ranges
    pytest.param("leave from 9 to 13 February", ["2026-02-09", "2026-02-13"], id="range-to"),
    pytest.param("away 9-13 Feb 2026", ["2026-02-09", "2026-02-13"], id="range-dash-year"),
    pytest.param("between 2nd and 6th March", ["2026-03-02", "2026-03-06"], id="range-between-and"),
    pytest.param("from 26 January to 6 February 2026", ["2026-01-26", "2026-02-06"], id="cross-month-range"),
    pytest.param("from 15 December to 9 January 2026", ["2025-12-15", "2026-01-09"], id="range-across-new-year"),
    # lower-case 'march' and 'may' between a day and a year are months (v43 a4335)
    pytest.param("yr 10 lad dob 4 march 2012 - whens his leaving date", ["2012-03-04"], id="march-lower-case-with-a-year"),
    pytest.param("born 12 may 2015", ["2015-05-12"], id="may-lower-case-with-a-year"),
    # relative words
    pytest.param("he was in yesterday", ["2026-03-17"], id="yesterday"),
    pytest.param("N went in this morning", ["2026-03-18"], id="this-morning"),
    pytest.param("we rang last Friday", ["2026-03-13"], id="last-friday"),
    pytest.param("the visit is next Monday", ["2026-03-23"], id="next-monday"),
    pytest.param("she emailed three days ago", ["2026-03-15"], id="days-ago"),
    pytest.param("tomorrow is the review", ["2026-03-19"], id="tomorrow"),
])
def test_find_dates(text, expected):
    assert iso(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("deleted on 31/02/2025", id="31-february-numeric"),
    pytest.param("the letter says 30 February 2026", id="30-february-words"),
    pytest.param("born 29/02/2025", id="29-february-non-leap"),
    pytest.param("on 12/13/2025", id="month-13"),
    pytest.param("on 00/01/2026", id="day-zero"),
])
def test_invalid_dates_are_ignored(text):
    assert iso(text) == []


def test_leap_day_is_kept():
    assert iso("born 29/02/2024") == ["2024-02-29"]


@pytest.mark.parametrize("text", [
    pytest.param("Can we use 9(1)(i) for her?", id="regulation-number"),
    pytest.param("Our Year 10 pupil", id="year-group"),
    pytest.param("absent for 22 school days", id="duration"),
    pytest.param("Year 5 may be going on a trip", id="may-as-a-verb"),
    pytest.param("They march 10 times round the field", id="march-as-a-verb"),
    pytest.param("In Year 10 march practice starts", id="march-after-a-year-group-without-a-year"),
    pytest.param("a 50/50 chance", id="fraction-like"),
])
def test_things_that_are_not_dates(text):
    assert iso(text) == []


def test_no_year_means_the_most_recent_such_date_not_far_ahead():
    # written in March 2026: 'November' is last November, 'April' is next month
    assert iso("since 3 November") == ["2025-11-03"]
    assert iso("from 14 April") == ["2026-04-14"]


def test_positions_point_at_the_date_text():
    text = "Leave ended Friday 6 March 2026 and he is not back."
    [d] = find_dates(text, TODAY)
    assert text[d.start:d.end] == "Friday 6 March 2026" and d.year_given


@pytest.mark.parametrize("text, expected", [
    pytest.param("missed 23 school days", 23, id="digits"),
    pytest.param("off for twenty-one school days", 21, id="hyphenated-words"),
    pytest.param("off for twenty one consecutive school days", 21, id="spaced-words"),
    pytest.param("out for five school weeks", 25, id="school-weeks"),
    pytest.param("absent for 4 weeks", None, id="plain-weeks-are-not-school-days"),
    pytest.param("off for about a month", None, id="month"),
    pytest.param("absent for 22 days", None, id="plain-days"),
])
def test_find_school_days(text, expected):
    assert find_school_days(text) == expected


def test_parse_number():
    assert parse_number("thirty-two") == 32 and parse_number("7") == 7 and parse_number("lots") is None


def test_a_named_weekday_chooses_the_year_when_none_is_given():
    # Written in autumn 2025 and read on 22 November 2026: only 2025 puts 20 October on a Monday.
    today = date(2026, 11, 22)
    assert [d.value for d in find_dates("Today is Monday 20 Oct.", today)][-1] == date(2025, 10, 20)
    assert [d.value for d in find_dates("mum emailed on Friday 14th Nov", today)] == [date(2025, 11, 14)]
    assert [d.value for d in find_dates("on 20 Oct", today)] == [date(2026, 10, 20)]  # no weekday: the recent one
