"""Bank holidays in England (and Wales) as data.

The dates come from the ``holidays`` package (``country_holidays("GB", subdiv="ENG")``),
which already carries the substitute days (26 Dec 2026 is a Saturday, so Monday
28 Dec is the bank holiday; in 2027 both 27 and 28 Dec are substitutes) and the
one-off proclaimed days (19 Sep 2022, 8 May 2023). Only days that fall on a
weekday are returned: a Saturday or Sunday "holiday" is not a day off that would
otherwise be worked, and the weekend is skipped anyway.

Proclamations can add days after the package was released; pass them to
``SchoolCalendar(extra_bank_holidays=...)``.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

import holidays

__all__ = ["england_bank_holidays", "bank_holiday_name"]

_NAMES = {
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Late Summer Bank Holiday": "Summer bank holiday",
}


def _tidy(name: str) -> str:
    for old, new in _NAMES.items():
        name = name.replace(old, new)
    return name.replace("(observed)", "(substitute day)")


@lru_cache(maxsize=256)
def england_bank_holidays(year: int) -> Mapping[date, str]:
    """Weekday bank holidays in England for ``year``: date -> name."""
    data = holidays.country_holidays("GB", subdiv="ENG", years=year)
    out: dict[date, str] = {}
    for d, name in sorted(data.items()):
        if d.year == year and d.weekday() < 5:
            out[d] = "; ".join(_tidy(n) for n in name.split("; "))
    return MappingProxyType(out)


def bank_holiday_name(d: date) -> str | None:
    """The name of the bank holiday on ``d`` (England), or None."""
    return england_bank_holidays(d.year).get(d)
