"""Bank holidays in England against the table in domain.md section 5."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.rules import england_bank_holidays

TABLE = {
    2024: ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
    2025: ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
    2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
    2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
}


@pytest.mark.parametrize("year", sorted(TABLE), ids=[str(y) for y in sorted(TABLE)])
def test_matches_domain_table(year: int) -> None:
    expected = {date.fromisoformat(f"{year}-{md}") for md in TABLE[year]}
    assert set(england_bank_holidays(year)) == expected


@pytest.mark.parametrize("day, fragment", [
    pytest.param(date(2026, 12, 28), "Boxing Day", id="2026-boxing-substitute"),
    pytest.param(date(2027, 12, 27), "Christmas", id="2027-christmas-substitute"),
    pytest.param(date(2027, 12, 28), "Boxing Day", id="2027-boxing-substitute"),
    pytest.param(date(2022, 9, 19), "Funeral", id="one-off-2022-state-funeral"),
    pytest.param(date(2023, 5, 8), "Coronation", id="one-off-2023-coronation"),
])
def test_substitute_and_one_off_days(day: date, fragment: str) -> None:
    assert fragment in england_bank_holidays(day.year)[day]


def test_weekend_dates_are_not_listed() -> None:
    assert date(2026, 12, 26) not in england_bank_holidays(2026)  # a Saturday
