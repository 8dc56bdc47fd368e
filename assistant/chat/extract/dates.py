"""Date helpers: ISO strings, shifting a year, and the 'it's now ...' date override."""

from __future__ import annotations

import re
from datetime import date

from assistant.chat.dates_text import find_dates


def _iso(d: date) -> str:
    return d.isoformat()


def _shift_year(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _now_override(t: str, today: date) -> tuple[date | None, tuple[int, int] | None]:
    """'It's now 14 October', 'today is 3/11/2025', 'as of today (14 Oct)' -> that date."""
    m = re.search(r"\b(?:it'?s|it is|today is|today's date is|the date is|as of today,?|we(?:'re| are) now (?:on|at))\s+(?:now\s+)?(?:the\s+)?|"
                  r"\bnow\s+(?=\d)", t, re.I)
    if not m:
        return None, None
    for d in find_dates(t, today):
        if 0 <= d.start - m.end() < 14:
            return d.value, (d.start, d.end)
    return None, None
