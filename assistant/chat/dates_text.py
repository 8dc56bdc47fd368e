"""Dates and durations written the way staff write them: '07/11/2025', 'Friday 7 November 2025',
'3 to 14 November', 'last Monday', 'yesterday', '25 school days'. Day-first, always."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAYNAME = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"twenty-five": 25, "thirty": 30, "forty": 40})

_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORDY = re.compile(rf"\b{_DAYNAME}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+(\d{{4}}))?", re.I)
_RANGE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|-|–|until|till)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?:,?\s+(\d{{4}}))?", re.I)
_RELATIVE = re.compile(r"\b(today|yesterday|last\s+(?:mon|tues|wednes|thurs|fri)day|this\s+(?:mon|tues|wednes|thurs|fri)day)\b", re.I)


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int  # position in the text
    end: int
    text: str


def _year_for(day: int, month: int, today: date) -> int:
    """No year given: the most recent such date not more than ~2 months ahead of today."""
    for year in (today.year + 1, today.year, today.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= today + timedelta(days=62):
            return year
    return today.year


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, today: date) -> list[FoundDate]:
    out: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(d: date | None, m: re.Match[str], start: int | None = None, end: int | None = None) -> None:
        s, e = (m.start() if start is None else start), (m.end() if end is None else end)
        if d and not any(a <= s < b for a, b in taken):
            out.append(FoundDate(d, s, e, text[s:e]))
            taken.append((s, e))

    for m in _RANGE.finditer(text):
        month = MONTHS[m.group(3).lower()[:3]]
        year = int(m.group(4)) if m.group(4) else _year_for(int(m.group(2)), month, today)
        add(_safe_date(year, month, int(m.group(1))), m, m.start(1), m.end(1))
        add(_safe_date(year, month, int(m.group(2))), m, m.start(2), m.end())
    for m in _ISO.finditer(text):
        add(_safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m)
    for m in _NUMERIC.finditer(text):
        y = int(m.group(3))
        y = y + 2000 if y < 100 else y
        add(_safe_date(y, int(m.group(2)), int(m.group(1))), m)
    for m in _WORDY.finditer(text):
        month = MONTHS[m.group(2).lower()[:3]]
        year = int(m.group(3)) if m.group(3) else _year_for(int(m.group(1)), month, today)
        add(_safe_date(year, month, int(m.group(1))), m)
    for m in _RELATIVE.finditer(text):
        word = m.group(1).lower()
        if word == "today":
            d = today
        elif word == "yesterday":
            d = today - timedelta(days=1)
        else:
            target = WEEKDAYS.index(word.split()[-1])
            back = (today.weekday() - target) % 7 or 7
            d = today - timedelta(days=back) if word.startswith("last") else today - timedelta(days=(today.weekday() - target) % 7)
        add(d, m)
    out.sort(key=lambda f: f.start)
    return out


_DURATION = re.compile(
    r"\b(\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\s+(?:consecutive\s+|continuous\s+)?(school\s+days|days|weeks|months)\b",
    re.I,
)


def find_school_days(text: str) -> int | None:
    """'25 school days' → 25; '4 weeks' → 20 (a school week is five days); None if not stated."""
    for m in _DURATION.finditer(text):
        raw = m.group(1).lower()
        n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
        unit = m.group(2).lower()
        if unit.startswith("school"):
            return n
        if unit == "weeks":
            return n * 5
    return None
