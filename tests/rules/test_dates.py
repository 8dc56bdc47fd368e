from __future__ import annotations

from datetime import date

import pytest

from assistant.rules import InvalidDate, parse_uk_date


@pytest.mark.parametrize("text, expected", [
    pytest.param("2025-03-05", date(2025, 3, 5), id="iso"),
    pytest.param("05/03/2025", date(2025, 3, 5), id="dd/mm/yyyy"),
    pytest.param("5/3/25", date(2025, 3, 5), id="d/m/yy"),
    pytest.param("5.3.2025", date(2025, 3, 5), id="d.m.yyyy"),
    pytest.param("5-3-2025", date(2025, 3, 5), id="d-m-yyyy"),
    pytest.param("5 March 2025", date(2025, 3, 5), id="words"),
    pytest.param("5th Mar 2025", date(2025, 3, 5), id="ordinal-short-month"),
    pytest.param("1st of September, 2025", date(2025, 9, 1), id="of-and-comma"),
    pytest.param("  22nd   Sept 2025 ", date(2025, 9, 22), id="spaces-and-sept"),
    pytest.param("Wed 5 March 2025", date(2025, 3, 5), id="with-right-weekday"),
    pytest.param("29/02/2024", date(2024, 2, 29), id="leap-day"),
    pytest.param("1/1/98", date(1998, 1, 1), id="two-digit-year-1900s"),
])
def test_parses(text: str, expected: date) -> None:
    assert parse_uk_date(text) == expected


@pytest.mark.parametrize("text, fragment", [
    pytest.param("31/02/2025", "February 2025 has no day 31", id="31-feb"),
    pytest.param("13/13/2025", "no month 13", id="month-13"),
    pytest.param("29/02/2025", "no day 29", id="not-leap"),
    pytest.param("03/13/2025", "no month 13", id="american-refused"),
    pytest.param("5 Smarch 2025", "not a month", id="bad-month-name"),
    pytest.param("Thu 5 March 2025", "is a Wednesday", id="wrong-weekday"),
    pytest.param("next Tuesday", "format we understand", id="free-text"),
    pytest.param("", "No date", id="empty"),
])
def test_rejects_with_message(text: str, fragment: str) -> None:
    with pytest.raises(InvalidDate) as exc:
        parse_uk_date(text)
    assert fragment in str(exc.value)
    assert exc.value.code == "invalid_date"
