"""School calendars, .ics import and the day-counting convention (with property tests)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.rules import (
    InvalidCalendar, SchoolCalendar, add_school_days, compute_deadline, count_school_days,
    nth_school_day,
)

from tests.rules.cme_rules_testlib import autumn_2025_calendar, multi_year_calendar

CAL = autumn_2025_calendar()
MULTI = multi_year_calendar()

ICS = "\r\n".join([
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN",
    "BEGIN:VEVENT", "UID:1", "SUMMARY:Autumn Term", "DTSTART;VALUE=DATE:20250903",
    "DTEND;VALUE=DATE:20251220", "END:VEVENT",
    "BEGIN:VEVENT", "UID:2", "SUMMARY:Half Term Holiday", "DTSTART;VALUE=DATE:20251027",
    "DTEND;VALUE=DATE:20251101", "END:VEVENT",
    "BEGIN:VEVENT", "UID:3", "SUMMARY:INSET day - staff train", "CATEGORIES:Closure",
    "DTSTART;VALUE=DATE:20251121", "END:VEVENT",
    "BEGIN:VEVENT", "UID:4", "SUMMARY:Parents' evening", "DTSTART:20251015T170000",
    "DTEND:20251015T190000", "END:VEVENT",
    "BEGIN:VEVENT", "UID:5", "SUMMARY:Spring term starts", "DTSTART;VALUE=DATE:20260105",
    "END:VEVENT",
    "BEGIN:VEVENT", "UID:6", "SUMMARY:Spring term ends", "DTSTART;VALUE=DATE:20260327",
    "END:VEVENT",
    "END:VCALENDAR", "",
])


def test_from_ics_reads_terms_holidays_inset_and_markers() -> None:
    cal = SchoolCalendar.from_ics(ICS, name="Test")
    assert cal.terms == ((date(2025, 9, 3), date(2025, 12, 19)), (date(2026, 1, 5), date(2026, 3, 27)))
    assert cal.skip_reason(date(2025, 10, 28)).startswith("school closed: Half Term")
    assert "INSET" in cal.skip_reason(date(2025, 11, 21))
    assert cal.is_school_day(date(2025, 10, 15))  # the parents' evening is ignored
    assert cal.skip_reason(date(2025, 12, 22)) == "school holiday (outside term dates)"


@pytest.mark.parametrize("text, fragment", [
    pytest.param("hello", "BEGIN:VCALENDAR", id="not-ics"),
    pytest.param("BEGIN:VCALENDAR\nEND:VCALENDAR\n", "No term dates", id="empty"),
    pytest.param("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Term\nDTSTART;VALUE=DATE:20250903\n"
                 "RRULE:FREQ=WEEKLY\nEND:VEVENT\nEND:VCALENDAR\n", "RRULE", id="recurring"),
    pytest.param("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Term\nDTSTART;VALUE=DATE:20250231\n"
                 "END:VEVENT\nEND:VCALENDAR\n", "not a real date", id="bad-date"),
    pytest.param("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Summer term starts\nDTSTART;VALUE=DATE:20250422\n"
                 "END:VEVENT\nEND:VCALENDAR\n", "no matching", id="unpaired-marker"),
])
def test_from_ics_errors(text: str, fragment: str) -> None:
    with pytest.raises(InvalidCalendar) as exc:
        SchoolCalendar.from_ics(text)
    assert fragment in str(exc.value)


def test_term_ending_before_start_is_refused() -> None:
    with pytest.raises(InvalidCalendar):
        SchoolCalendar(terms=((date(2025, 9, 10), date(2025, 9, 1)),))


def test_counting_past_the_calendar_is_refused() -> None:
    with pytest.raises(InvalidCalendar, match="covers"):
        add_school_days(date(2025, 12, 10), 20, CAL)


@pytest.mark.parametrize("start, n, cal, expected", [
    pytest.param(date(2025, 10, 13), 20, CAL, date(2025, 11, 14), id="skips-half-term"),
    pytest.param(date(2025, 10, 13), 20, None, date(2025, 11, 7), id="weekdays-only"),
    pytest.param(date(2025, 11, 17), 5, CAL, date(2025, 11, 24), id="skips-inset-day"),
    pytest.param(date(2025, 4, 17), 2, None, date(2025, 4, 22), id="skips-good-friday-easter-monday"),
])
def test_nth_school_day(start: date, n: int, cal, expected: date) -> None:
    assert nth_school_day(start, n, cal) == expected
    assert add_school_days(start - timedelta(days=1), n, cal) == expected


def test_add_school_days_skips_good_friday_and_easter_monday() -> None:
    assert add_school_days(date(2025, 4, 17), 1) == date(2025, 4, 22)


def test_day_one_rolls_forward_from_a_weekend() -> None:
    d = compute_deadline("absence_20_school_days", date(2025, 10, 11), calendar=CAL)
    assert d.day_one == date(2025, 10, 13)
    assert "not a school day" in d.explanation


# --- properties --------------------------------------------------------------------
dates = st.dates(min_value=date(2024, 9, 4), max_value=date(2030, 5, 1))
calendars = st.sampled_from([None, MULTI])
ns = st.integers(min_value=1, max_value=60)


@settings(max_examples=150, deadline=None)
@given(start=dates, n=ns, cal=calendars)
def test_adding_school_days_lands_on_a_school_day(start, n, cal) -> None:
    d = add_school_days(start, n, cal)
    assert (cal or SchoolCalendar()).is_school_day(d)
    assert d > start


@settings(max_examples=150, deadline=None)
@given(start=dates, n=ns, cal=calendars)
def test_adding_is_monotonic_in_n(start, n, cal) -> None:
    assert add_school_days(start, n, cal) < add_school_days(start, n + 1, cal)


@settings(max_examples=150, deadline=None)
@given(start=dates, n=st.integers(min_value=0, max_value=60), cal=calendars)
def test_count_inverts_add(start, n, cal) -> None:
    assert count_school_days(start, add_school_days(start, n, cal), cal) == n


@settings(max_examples=150, deadline=None)
@given(a=dates, k=st.integers(min_value=0, max_value=90), cal=calendars)
def test_count_is_monotonic_in_end_date(a, k, cal) -> None:
    b = a + timedelta(days=k)
    assert count_school_days(a, b, cal) <= count_school_days(a, b + timedelta(days=1), cal)


@settings(max_examples=200, deadline=None)
@given(entry=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_new_pupil_return_is_always_five_calendar_days_after_entry(entry) -> None:
    d = compute_deadline("new_pupil_return", entry)
    assert d.due - entry == timedelta(days=5)
    assert d.basis == "calendar_days" and d.statutory
