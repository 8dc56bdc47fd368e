"""Reading VEVENTs out of iCalendar (.ics) text, by hand (no I/O, no third-party parser).

``parse_vevents(text)`` yields ``(label, first_day, last_day)`` for each event, where the
label is SUMMARY (plus CATEGORIES) and the days are inclusive dates. The keyword lists
used to classify events are here too; ``SchoolCalendar.from_ics`` documents the convention.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Iterable

from .errors import InvalidCalendar

__all__ = ["parse_vevents", "NON_SCHOOL_KEYS", "START_MARK", "END_MARK"]

NON_SCHOOL_KEYS = ("inset", "training day", "closure", "closed", "holiday", "half term",
                    "half-term", "break", "occasional day", "no school", "staff development")
START_MARK = re.compile(r"\b(start|starts|begins|begin|first day)\b")
END_MARK = re.compile(r"\b(end|ends|last day|finishes)\b")


def _unfold(text: str) -> list[str]:
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw.startswith((" ", "\t")) and lines:
            lines[-1] += raw[1:]
        elif raw.strip():
            lines.append(raw)
    return lines


def _split_prop(line: str) -> tuple[str, dict[str, str], str]:
    in_q = False
    for i, ch in enumerate(line):
        if ch == '"':
            in_q = not in_q
        elif ch == ":" and not in_q:
            head, value = line[:i], line[i + 1:]
            break
    else:
        raise InvalidCalendar(f"This .ics line has no ':' and cannot be read: {line[:60]!r}")
    parts = head.split(";")
    params = {}
    for p in parts[1:]:
        k, _, v = p.partition("=")
        params[k.upper()] = v.strip('"')
    return parts[0].upper(), params, value


def _unescape(v: str) -> str:
    return (v.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",")
            .replace("\\;", ";").replace("\\\\", "\\"))


_DT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$")


def _ics_date(value: str, params: dict[str, str]) -> tuple[date, bool, bool]:
    """-> (date, is_all_day, is_midnight)."""
    m = _DT.match(value.strip())
    if not m:
        raise InvalidCalendar(f"'{value}' is not an iCalendar date or date-time.")
    try:
        d = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise InvalidCalendar(f"'{value}' in the .ics file is not a real date.") from None
    all_day = m[4] is None or params.get("VALUE", "").upper() == "DATE"
    midnight = m[4] is not None and (m[4], m[5], m[6]) == ("00", "00", "00")
    return d, all_day, midnight


_DURATION = re.compile(r"^P(?:(\d+)W)?(?:(\d+)D)?(?:T.*)?$")


def parse_vevents(text: str) -> Iterable[tuple[str, date, date]]:
    if "BEGIN:VCALENDAR" not in text.upper():
        raise InvalidCalendar("This is not an .ics calendar: it has no BEGIN:VCALENDAR line.")
    current: dict[str, tuple[dict[str, str], str]] | None = None
    for line in _unfold(text):
        name, params, value = _split_prop(line)
        if name == "BEGIN" and value.upper() == "VEVENT":
            current = {}
        elif name == "END" and value.upper() == "VEVENT":
            if current is None:
                raise InvalidCalendar("The .ics file has END:VEVENT without BEGIN:VEVENT.")
            yield _event_span(current)
            current = None
        elif current is not None:
            current.setdefault(name, (params, value))


def _event_span(ev: dict[str, tuple[dict[str, str], str]]) -> tuple[str, date, date]:
    summary = _unescape(ev.get("SUMMARY", ({}, ""))[1]).strip()
    cats = _unescape(ev.get("CATEGORIES", ({}, ""))[1]).strip()
    label = f"{summary} {cats}".strip() if cats else summary
    if "RRULE" in ev:
        raise InvalidCalendar(
            f"The event '{summary}' repeats (RRULE). Recurring events are not supported: "
            f"export each term, holiday and INSET day as its own event."
        )
    if "DTSTART" not in ev:
        raise InvalidCalendar(f"The event '{summary}' has no start date (DTSTART).")
    start, all_day, _ = _ics_date(ev["DTSTART"][1], ev["DTSTART"][0])
    if "DTEND" in ev:
        end, end_all_day, midnight = _ics_date(ev["DTEND"][1], ev["DTEND"][0])
        last = end - timedelta(days=1) if (end_all_day or midnight) else end
        last = max(last, start)
    elif "DURATION" in ev:
        m = _DURATION.match(ev["DURATION"][1].strip())
        if not m:
            raise InvalidCalendar(f"The event '{summary}' has a DURATION we cannot read.")
        days = int(m[1] or 0) * 7 + int(m[2] or 0)
        last = start + timedelta(days=max(days - 1, 0)) if all_day else start + timedelta(days=days)
    else:
        last = start
    if last < start:
        raise InvalidCalendar(f"The event '{summary}' ends before it starts.")
    return label, start, last
