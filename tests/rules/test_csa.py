"""Compulsory school age: every worked example of domain.md section 4c."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.rules import ImpossibleFacts, InvalidInput, compulsory_school_age, school_leaving_date


@pytest.mark.parametrize("dob, start, term, end", [
    pytest.param(date(2020, 1, 15), date(2025, 3, 31), "summer term 2025", date(2036, 6, 27), id="15-jan-2020"),
    pytest.param(date(2019, 12, 31), date(2024, 12, 31), "spring term 2025", date(2036, 6, 27), id="31-dec-2019-prescribed"),
    pytest.param(date(2019, 9, 1), date(2024, 12, 31), "spring term 2025", date(2036, 6, 27), id="1-sep-2019-default"),
    pytest.param(date(2020, 3, 31), date(2025, 3, 31), "summer term 2025", date(2036, 6, 27), id="31-mar-2020-prescribed"),
    pytest.param(date(2020, 4, 1), date(2025, 8, 31), "autumn term 2025", date(2036, 6, 27), id="1-apr-2020"),
    pytest.param(date(2020, 8, 31), date(2025, 8, 31), "autumn term 2025", date(2036, 6, 27), id="31-aug-2020-8-3-a"),
    pytest.param(date(2020, 2, 29), date(2025, 3, 31), "summer term 2025", date(2036, 6, 27), id="29-feb-2020"),
    pytest.param(date(2010, 8, 30), date(2015, 8, 31), "autumn term 2015", date(2026, 6, 26), id="30-aug-2010-leaves-at-15"),
    pytest.param(date(2010, 6, 26), date(2015, 8, 31), "autumn term 2015", date(2026, 6, 26), id="26-jun-2010-birthday-is-sld"),
    pytest.param(date(2007, 9, 23), date(2012, 12, 31), "spring term 2013", date(2024, 6, 28), id="23-sep-2007-ipsea"),
    pytest.param(date(2019, 2, 10), date(2024, 3, 31), "summer term 2024", date(2035, 6, 29), id="10-feb-2019-ipsea"),
])
def test_worked_examples(dob: date, start: date, term: str, end: date) -> None:
    r = compulsory_school_age(dob)
    assert (r.start, r.education_from_term, r.end, r.school_leaving_date) == (start, term, end, end)
    assert r.explanation and {s.doc_id for s in r.sources} >= {"uksi-1997-1970", "uksi-1998-1607"}


def test_early_september_birthday_is_flagged_with_the_other_reading() -> None:
    r = compulsory_school_age(date(2019, 9, 1))
    assert "early_september_16th_birthday" in r.flags
    assert r.alternative_end == date(2035, 6, 29)


@pytest.mark.parametrize("term_start, end", [
    pytest.param(date(2035, 9, 3), date(2035, 6, 29), id="term-starts-after-birthday-literal-8-3-a"),
    pytest.param(date(2035, 9, 1), date(2036, 6, 27), id="term-starts-on-birthday"),
])
def test_autumn_term_start_decides_early_september(term_start: date, end: date) -> None:
    r = compulsory_school_age(date(2019, 9, 1), autumn_term_start=term_start)
    assert r.end == end and "early_september_16th_birthday" not in r.flags


def test_29_february_is_flagged() -> None:
    assert "born_29_february" in compulsory_school_age(date(2020, 2, 29)).flags


def test_note_that_the_rule_follows_the_order_not_barking_and_dagenham() -> None:
    r = compulsory_school_age(date(2012, 7, 1))  # ends 30 Jun 2028, a Friday
    assert r.end == date(2028, 6, 30)
    note = " ".join(r.notes)
    assert "last Friday before the last Monday in June" in note
    assert "follows the Education (School Leaving Date) Order 1997" in note
    assert "Fri 23 Jun 2028" in note
    assert any(s.doc_id == "barking-dagenham-cme-guidance-2019" for s in r.sources)


@pytest.mark.parametrize("year, sld", [
    pytest.param(y, date.fromisoformat(d), id=str(y)) for y, d in [
        (2024, "2024-06-28"), (2025, "2025-06-27"), (2026, "2026-06-26"), (2027, "2027-06-25"),
        (2028, "2028-06-30"), (2029, "2029-06-29"), (2030, "2030-06-28"), (2031, "2031-06-27"),
        (2032, "2032-06-25"), (2033, "2033-06-24"), (2034, "2034-06-30"), (2035, "2035-06-29"),
        (2036, "2036-06-27"), (2037, "2037-06-26")]
])
def test_school_leaving_dates(year: int, sld: date) -> None:
    assert school_leaving_date(year) == sld


def test_errors() -> None:
    with pytest.raises(ImpossibleFacts, match="future"):
        compulsory_school_age(date(2030, 1, 1), today=date(2025, 1, 1))
    with pytest.raises(InvalidInput, match="autumn term"):
        compulsory_school_age(date(2019, 9, 1), autumn_term_start=date(2034, 9, 1))
