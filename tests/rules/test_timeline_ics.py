from __future__ import annotations

from datetime import date

import icalendar
import pytest

from assistant.rules import Case, ImpossibleFacts, case_timeline, timeline_to_ics

from tests.rules.cme_rules_testlib import autumn_2025_calendar

CASE = Case(authority="worcestershire", date_of_entry=date(2025, 9, 3),
            first_day_of_absence=date(2025, 10, 13), date_of_birth=date(2015, 5, 5),
            school_policy="aspire-academy-cme-policy-2023")


def test_timeline_is_sorted_and_labelled() -> None:
    t = case_timeline(CASE, autumn_2025_calendar())
    dates = [i.date for i in t.items]
    assert dates == sorted(dates)
    rules = {i.rule for i in t.items}
    assert {"new_pupil_return", "worcestershire.joiner_form_5_days", "attendance_return_10_school_days",
            "worcestershire.absence_notification_10_days", "absence_20_school_days", "aspire.day_1_contact",
            "csa.start", "csa.end"} <= rules
    day20 = next(i for i in t.items if i.rule == "absence_20_school_days")
    assert day20.date == date(2025, 11, 14) and day20.statutory
    assert all(not i.statutory for i in t.items if i.rule.startswith(("aspire.", "worcestershire.")))
    assert "Test School" in t.basis_note


def test_school_policy_rules_only_when_asked() -> None:
    t = case_timeline(Case(authority="Worcestershire", first_day_of_absence=date(2025, 10, 13)))
    assert not any(i.rule.startswith("aspire.") for i in t.items)


@pytest.mark.parametrize("case", [
    pytest.param(Case(date_of_entry=date(2025, 9, 3), deleted_on=date(2025, 9, 1)), id="deleted-before-entry"),
    pytest.param(Case(date_of_entry=date(2025, 9, 3), first_day_of_absence=date(2025, 9, 1)), id="absent-before-entry"),
    pytest.param(Case(date_of_birth=date(2025, 9, 3), date_of_entry=date(2025, 9, 1)), id="entry-before-birth"),
])
def test_impossible_cases(case: Case) -> None:
    with pytest.raises(ImpossibleFacts):
        case_timeline(case)


def test_ics_is_valid_crlf_and_stable() -> None:
    t = case_timeline(CASE, autumn_2025_calendar())
    text = timeline_to_ics(t)
    assert text == timeline_to_ics(case_timeline(CASE, autumn_2025_calendar()))
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = icalendar.Calendar.from_ical(text)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == len(t.items)
    assert len({str(e["UID"]) for e in events}) == len(events)
    first = events[0]
    assert first.decoded("DTSTART") == t.items[0].date
    assert str(first["SUMMARY"]) == t.items[0].title
    assert "uksi-1998-1607" in str(first["DESCRIPTION"])
