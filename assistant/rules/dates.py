"""UK date parsing and small date helpers.

``parse_uk_date`` accepts the ways school staff write dates:

* ISO ``2025-03-05``;
* day first with ``/``, ``.`` or ``-``: ``05/03/2025``, ``5/3/25``, ``5.3.2025``, ``5-3-2025``;
* words: ``5 March 2025``, ``5th Mar 2025``, ``5th of March, 2025``, optionally after a
  weekday (``Wed 5 March 2025``; the weekday must then be right).

Two-digit years: 00-69 mean 2000-2069 and 70-99 mean 1970-1999 (the POSIX rule).
Month-first American dates are never guessed: ``03/13/2025`` is an error.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .errors import InvalidDate

__all__ = ["parse_uk_date", "as_date", "format_uk", "last_weekday_of_month", "daterange"]

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_WEEKDAYS = {
    "mon": 0, "monday": 0, "tue": 1, "tues": 1, "tuesday": 1, "wed": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3, "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5, "sun": 6, "sunday": 6,
}
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})$")
_WORDS = re.compile(
    r"^(?:(?P<wd>[a-z]+),?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?P<m>[a-z]+)\.?,?\s+(?P<y>\d{4})$"
)

_HELP = ("Write dates day first, for example 05/03/2025, 5 March 2025 or 2025-03-05.")


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        return 2000 + y if y < 70 else 1900 + y
    return y


def _make(y: int, m: int, d: int, original: str) -> date:
    if not 1 <= m <= 12:
        raise InvalidDate(f"'{original}' is not a date: there is no month {m}. {_HELP}")
    try:
        return date(y, m, d)
    except ValueError:
        raise InvalidDate(
            f"'{original}' is not a date: {_MONTH_NAMES[m - 1]} {y} has no day {d}."
        ) from None


def parse_uk_date(text: str) -> date:
    """Parse a date written the UK way (see the module docstring); raise ``InvalidDate``."""
    if not isinstance(text, str):
        raise InvalidDate(f"Expected a date written as text, got {type(text).__name__}.")
    original = text.strip()
    s = re.sub(r"\s+", " ", original).lower()
    if not s:
        raise InvalidDate(f"No date was given. {_HELP}")
    if m := _ISO.match(s):
        return _make(int(m[1]), int(m[2]), int(m[3]), original)
    if m := _NUMERIC.match(s):
        return _make(_year(m[4]), int(m[3]), int(m[1]), original)
    if m := _WORDS.match(s):
        month = _MONTHS.get(m["m"])
        if month is None:
            raise InvalidDate(f"'{original}' is not a date: '{m['m']}' is not a month. {_HELP}")
        result = _make(int(m["y"]), month, int(m["d"]), original)
        if m["wd"] is not None:
            wd = _WEEKDAYS.get(m["wd"])
            if wd is None:
                raise InvalidDate(f"'{original}' is not a date: '{m['wd']}' is not a weekday.")
            if wd != result.weekday():
                raise InvalidDate(
                    f"'{original}' does not add up: {format_uk(result)} is a "
                    f"{result.strftime('%A')}."
                )
        return result
    raise InvalidDate(f"'{original}' is not a date in a format we understand. {_HELP}")


def as_date(value: date | str, *, field: str = "date") -> date:
    """Accept a ``date`` or a UK date string (used where facts arrive as JSON)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return parse_uk_date(value)
        except InvalidDate as exc:
            raise InvalidDate(f"{field}: {exc.message}") from None
    raise InvalidDate(f"{field}: expected a date, got {type(value).__name__}.")


def format_uk(d: date) -> str:
    """``Wed 5 Mar 2025`` - the form used in explanations."""
    return f"{d.strftime('%a')} {d.day} {d.strftime('%b')} {d.year}"


def last_weekday_of_month(year: int, month: int, weekday: int) -> date:
    """The last ``weekday`` (0 = Monday) of a month."""
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - timedelta(days=1)
    return d - timedelta(days=(d.weekday() - weekday) % 7)


def daterange(start: date, end: date):
    """Yield each date from ``start`` to ``end`` inclusive."""
    d = start
    while d <= end:
        yield d
        d += timedelta(days=1)
