"""School calendars and the day-counting primitives.

A **school day** is a day on which the school holds a session (Education Act 1996
s. 579(1)), so it depends on the school's own calendar. ``SchoolCalendar`` holds
what is known about it:

* ``terms``: ``(first day, last day)`` spans, inclusive. If any are given, a day
  outside every term is a holiday, and counting past the last term (or before the
  first) raises ``InvalidCalendar`` rather than guessing.
* ``closures``: INSET / training / closure days inside term, with a reason.
* ``extra_bank_holidays``: proclaimed days the ``holidays`` package may not know yet.

Weekends and bank holidays in England are never school days. With no calendar at all
(``calendar=None``) a school day is Monday to Friday less bank holidays in England,
and every result says so (``basis_note``).

**Counting convention** (used everywhere in the module):

* ``add_school_days(start, n)`` is the ``n``-th school day *after* ``start``
  (``start`` itself is never counted; ``n = 0`` returns ``start``).
* ``count_school_days(a, b)`` counts school days ``d`` with ``a < d <= b``; so
  ``count_school_days(a, add_school_days(a, n)) == n``.
* ``nth_school_day(first, n)`` is day ``n`` of a run in which ``first`` (if it is a
  school day) is day 1 - the form used for "day 1 is the first school day of absence".

``from_ics`` reads a school calendar from an iCalendar (.ics) file; its convention is
in its docstring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable

from .bank_holidays import bank_holiday_name
from .dates import format_uk
from .errors import InvalidCalendar, InvalidInput
from .ics_import import END_MARK, NON_SCHOOL_KEYS, START_MARK, parse_vevents

__all__ = [
    "SchoolCalendar",
    "add_school_days",
    "count_school_days",
    "nth_school_day",
    "next_school_day",
    "walk_school_days",
    "add_working_days",
    "working_day_skip_reason",
    "WEEKDAY_BASIS_NOTE",
]

WEEKDAY_BASIS_NOTE = (
    "No school calendar was given, so school days are counted as Monday to Friday, "
    "less bank holidays in England. The school's own holidays, INSET and closure days "
    "are not known: check the dates against the school calendar."
)

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MAX_SPAN_DAYS = 366 * 20


@dataclass(frozen=True)
class SchoolCalendar:
    """One school's calendar (see the module docstring)."""

    terms: tuple[tuple[date, date], ...] = ()
    closures: tuple[tuple[date, str], ...] = ()
    extra_bank_holidays: tuple[date, ...] = ()
    name: str = ""
    _closure_map: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        terms = tuple(sorted((tuple(t) for t in self.terms), key=lambda t: t[0]))
        for start, end in terms:
            if not isinstance(start, date) or not isinstance(end, date):
                raise InvalidCalendar("Each term must be a pair of dates (first day, last day).")
            if end < start:
                raise InvalidCalendar(
                    f"A term cannot end ({format_uk(end)}) before it starts ({format_uk(start)})."
                )
        closures: list[tuple[date, str]] = []
        for item in self.closures:
            if isinstance(item, date):
                closures.append((item, "school closed (INSET or closure day)"))
            else:
                d, reason = item
                closures.append((d, reason or "school closed (INSET or closure day)"))
        object.__setattr__(self, "terms", terms)
        object.__setattr__(self, "closures", tuple(sorted(closures)))
        object.__setattr__(self, "extra_bank_holidays", tuple(sorted(self.extra_bank_holidays)))
        object.__setattr__(self, "_closure_map", dict(closures))

    # -- description ---------------------------------------------------------------
    @property
    def coverage(self) -> tuple[date, date] | None:
        """First and last day covered by the term dates, or None without terms."""
        if not self.terms:
            return None
        return self.terms[0][0], max(end for _, end in self.terms)

    @property
    def basis_note(self) -> str:
        who = f"{self.name}'s" if self.name else "the school's"
        if self.terms:
            first, last = self.coverage  # type: ignore[misc]
            return (
                f"School days are taken from {who} calendar: {len(self.terms)} term(s) from "
                f"{format_uk(first)} to {format_uk(last)}, less weekends, bank holidays in "
                f"England and {len(self.closures)} closure/INSET day(s)."
            )
        return (
            f"School days are Monday to Friday less bank holidays in England and "
            f"{len(self.closures)} closure/INSET day(s) from {who} calendar; no term "
            f"dates were given, so school holidays are not excluded."
        )

    # -- the one question ------------------------------------------------------------
    def skip_reason(self, d: date) -> str | None:
        """Why ``d`` is not a school day, or None if it is one."""
        cov = self.coverage
        if cov is not None and not (cov[0] <= d <= cov[1]):
            raise InvalidCalendar(
                f"The school calendar covers {format_uk(cov[0])} to {format_uk(cov[1])} only; "
                f"{format_uk(d)} is outside it. Add the term dates for that period to count it."
            )
        if d.weekday() >= 5:
            return _DAY_NAMES[d.weekday()]
        bh = bank_holiday_name(d)
        if bh:
            return f"bank holiday: {bh}"
        if d in self.extra_bank_holidays:
            return "bank holiday (additional)"
        if d in self._closure_map:
            return self._closure_map[d]
        if self.terms and not any(s <= d <= e for s, e in self.terms):
            return "school holiday (outside term dates)"
        return None

    def is_school_day(self, d: date) -> bool:
        return self.skip_reason(d) is None

    # -- reading .ics ----------------------------------------------------------------
    @classmethod
    def from_ics(cls, text: str, *, name: str = "") -> "SchoolCalendar":
        """Build a calendar from the text of an .ics file. Pure: pass the text, not a path.

        Convention, applied to each VEVENT's SUMMARY (and CATEGORIES), case-insensitive:

        1. A summary containing any of "inset", "training day", "closure", "closed",
           "holiday", "half term", "half-term", "break", "occasional day", "no school"
           or "staff development" marks **non-school days** for the whole event.
        2. Otherwise a summary containing "term" marks a **term span**, from DTSTART to
           the day before DTEND (all-day events) or to the date of DTEND (timed events).
           A one-day event whose summary says the term *starts/begins* or *ends* (or
           "first/last day of term") is a marker instead: each start marker is paired
           with the next end marker to make a term.
        3. Other events (parents' evenings, trips...) are ignored.

        All-day DTEND is exclusive (RFC 5545). Timed events use the date part as
        written (no time-zone conversion). Recurring events (RRULE) are refused.
        """
        events = list(parse_vevents(text))
        terms: list[tuple[date, date]] = []
        closures: list[tuple[date, str]] = []
        starts: list[date] = []
        ends: list[date] = []
        for summary, first, last in events:
            s = summary.lower()
            if any(k in s for k in NON_SCHOOL_KEYS):
                d = first
                while d <= last:
                    closures.append((d, f"school closed: {summary}"))
                    d += timedelta(days=1)
            elif "term" in s:
                if first == last and START_MARK.search(s):
                    starts.append(first)
                elif first == last and END_MARK.search(s):
                    ends.append(first)
                else:
                    terms.append((first, last))
        starts.sort()
        ends.sort()
        for st in starts:
            end = next((e for e in ends if e >= st), None)
            if end is None:
                raise InvalidCalendar(
                    f"The calendar has a term starting {format_uk(st)} but no matching "
                    f"'end of term' event after it."
                )
            ends.remove(end)
            terms.append((st, end))
        if not terms and not closures:
            raise InvalidCalendar(
                "No term dates or closure days were found in the .ics file. Term events "
                "need 'term' in their title; INSET and holidays need 'INSET', 'closure' or "
                "'holiday'."
            )
        # closures falling outside term are harmless; weekend ones likewise
        return cls(terms=tuple(terms), closures=tuple(closures), name=name)


_DEFAULT = SchoolCalendar()


def _cal(calendar: SchoolCalendar | None) -> SchoolCalendar:
    return _DEFAULT if calendar is None else calendar


def _check_n(n: int) -> None:
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise InvalidInput(f"The number of days must be a whole number of 0 or more, not {n!r}.")


def add_school_days(start: date, n: int, calendar: SchoolCalendar | None = None) -> date:
    """The ``n``-th school day after ``start`` (``start`` not counted; n=0 -> start)."""
    _check_n(n)
    cal = _cal(calendar)
    d, left = start, n
    limit = start + timedelta(days=_MAX_SPAN_DAYS)
    while left:
        d += timedelta(days=1)
        if d > limit:
            raise InvalidCalendar("No school days were found within 20 years; check the calendar.")
        if cal.is_school_day(d):
            left -= 1
    return d


def count_school_days(a: date, b: date, calendar: SchoolCalendar | None = None) -> int:
    """School days ``d`` with ``a < d <= b`` (0 if ``b <= a``)."""
    cal = _cal(calendar)
    n, d = 0, a
    while d < b:
        d += timedelta(days=1)
        if cal.is_school_day(d):
            n += 1
    return n


def nth_school_day(first: date, n: int, calendar: SchoolCalendar | None = None) -> date:
    """Day ``n`` (n >= 1) of a run whose day 1 is the first school day on or after ``first``."""
    if n < 1:
        raise InvalidInput(f"Day numbers start at 1, not {n}.")
    return add_school_days(first - timedelta(days=1), n, calendar)


def next_school_day(d: date, calendar: SchoolCalendar | None = None) -> date:
    """The first school day strictly after ``d``."""
    return add_school_days(d, 1, calendar)


def walk_school_days(
    a: date, b: date, calendar: SchoolCalendar | None = None
) -> tuple[list[date], list[tuple[date, str]]]:
    """Days in ``a < d <= b`` split into (counted school days, skipped days with reasons)."""
    cal = _cal(calendar)
    counted: list[date] = []
    skipped: list[tuple[date, str]] = []
    d = a
    while d < b:
        d += timedelta(days=1)
        reason = cal.skip_reason(d)
        if reason is None:
            counted.append(d)
        else:
            skipped.append((d, reason))
    return counted, skipped


def working_day_skip_reason(d: date, extra_bank_holidays: Iterable[date] = ()) -> str | None:
    """Why ``d`` is not a working day (weekend or bank holiday in England), or None."""
    if d.weekday() >= 5:
        return _DAY_NAMES[d.weekday()]
    bh = bank_holiday_name(d)
    if bh:
        return f"bank holiday: {bh}"
    if d in set(extra_bank_holidays):
        return "bank holiday (additional)"
    return None


def add_working_days(
    start: date, n: int, extra_bank_holidays: Iterable[date] = ()
) -> tuple[date, list[date], list[tuple[date, str]]]:
    """The ``n``-th working day after ``start``, with the days counted and skipped."""
    _check_n(n)
    extra = tuple(extra_bank_holidays)
    d, counted, skipped = start, [], []
    while len(counted) < n:
        d += timedelta(days=1)
        reason = working_day_skip_reason(d, extra)
        if reason is None:
            counted.append(d)
        else:
            skipped.append((d, reason))
    return d, counted, skipped
