"""Dates and durations written the way staff write them: '07/11/2025', 'Friday 7 November 2025',
'3 to 14 November', 'between 28 October and 7 November 2025', 'November 3rd', 'last Monday',
'yesterday', 'two days ago', '25 school days', 'five school weeks'. Day-first, always.

Invalid dates ('31/02/2025', '30 February') are ignored, never guessed. A date written without a
year is read as the most recent such date that is not more than about two months ahead of
``today`` (staff talk about recent events and the near future).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
# "may" and "march" are also ordinary words: after a day number they are accepted only when
# written with a capital ('5 May'), never in "Year 5 may be ..." or "10 march".
_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY_WORD = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
                 r"sat(?:urday)?|sun(?:day)?)\.?")
_DAYNAME = rf"(?:{_WEEKDAY_WORD},?\s+(?:the\s+)?)?"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen").split()
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update({w: 10 + i for i, w in enumerate(_TEENS)})
for _tens, _name in ((20, "twenty"), (30, "thirty"), (40, "forty"), (50, "fifty"), (60, "sixty")):
    NUMBER_WORDS[_name] = _tens
    for _i, _u in enumerate(_UNITS[1:], 1):
        NUMBER_WORDS[f"{_name}-{_u}"] = _tens + _i
        NUMBER_WORDS[f"{_name} {_u}"] = _tens + _i
NUMBER_WORDS.update({"a": 1, "an": 1, "one": 1, "a couple of": 2, "a few": 3})
#: a number written in figures or words ("22", "twenty-two", "twenty two")
NUMBER = r"(\d{1,3}|" + "|".join(
    re.escape(w) for w in sorted((w for w in NUMBER_WORDS if w not in ("a", "an", "a couple of", "a few")),
                                 key=len, reverse=True)) + r")"


def parse_number(raw: str) -> int | None:
    raw = raw.strip().lower()
    if raw.isdigit():
        return int(raw)
    return NUMBER_WORDS.get(raw.replace("  ", " "))


_NUMERIC = re.compile(r"(?<![\d/\-])(?<!\d\.)(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/\-]|\.\d)")
_NUMERIC_NO_YEAR = re.compile(
    r"(?:\b(?:on|from|since|until|till|to|by|ended|ends|started|starts|dated|of|between|and|before|after)\s+(?:the\s+)?|"
    r"\((?=\d{1,2}/\d{1,2}\)))"  # or a date in brackets after the day it names: "the Friday before half term (24/10)"
    r"(\d{1,2})/(\d{1,2})(?![\d/\-]|\.\d)", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WORDY = re.compile(rf"\b{_DAYNAME}(\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH}(?![a-z])(?:,?\s+(\d{{4}}))?", re.I)
_MONTH_FIRST = re.compile(rf"\b{_DAYNAME}{_MONTH}\s+(?:the\s+)?(\d{{1,2}}){_ORD}\b(?!:)(?:,?\s+(\d{{4}}))?", re.I)
_RANGE = re.compile(
    rf"\b(?:(?:from|between)\s+)?{_DAYNAME}(\d{{1,2}}){_ORD}\s*(?:to|-|–|—|until|till|and)\s*{_DAYNAME}(\d{{1,2}}){_ORD}"
    rf"\s+(?:of\s+)?{_MONTH}(?![a-z])(?:,?\s+(\d{{4}}))?", re.I)
_RELATIVE = re.compile(
    r"\b(today|this (?:morning|afternoon)|yesterday|tomorrow|"
    r"(?:last|this|next)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)
_AGO = re.compile(r"\b" + NUMBER + r"\s+(days?|weeks?)\s+ago\b|\b(a)\s+(day|week)\s+ago\b", re.I)


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int  # position in the text
    end: int
    text: str
    year_given: bool = True  # False when the year was inferred from today


def _weekday_at(text: str, pos: int) -> int | None:
    """The weekday (0 = Monday) named where a date match starts ("Monday 20 Oct"), if any."""
    m = re.match(_WEEKDAY_WORD, text[pos:], re.I)
    if not m:
        return None
    return next(i for i, w in enumerate(WEEKDAYS) if w.startswith(m.group(0).rstrip(".").lower()[:3]))


def _year_named(day: int, month: int, today: date, weekday: int | None) -> int:
    """No year given: as ``_year_for``, unless a weekday was named and only a neighbouring year puts
    the date on it ("Today is Monday 20 Oct" said in 2025, read in 2026)."""
    year = _year_for(day, month, today)
    if weekday is None:
        return year
    for y in (year, year - 1, year + 1):
        d = _safe_date(y, month, day)
        if d is not None and d.weekday() == weekday:
            return y
    return year


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


def _month(word: str, year_given: bool = False) -> int | None:
    """Month number; 'may' and 'mar(ch)' only when capitalised (they are also ordinary words), or
    between a day and a year ("dob 4 march 2012")."""
    w = word.lower().rstrip(".")
    if w in ("may", "mar", "march") and not word[:1].isupper() and not year_given:
        return None
    return MONTHS.get(w) or MONTHS.get(w[:3])


def find_dates(text: str, today: date) -> list[FoundDate]:
    """Every date in ``text``, in order of position. Invalid dates are skipped."""
    out: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    def add(d: date | None, s: int, e: int, year_given: bool = True) -> None:
        if free(s, e):
            taken.append((s, e))  # an invalid date still uses up its text
            if d:
                out.append(FoundDate(d, s, e, text[s:e], year_given))

    for m in _RANGE.finditer(text):
        month = _month(m.group(3))
        if month is None:
            continue
        d1, d2 = int(m.group(1)), int(m.group(2))
        if m.group(4):
            y2 = y1 = int(m.group(4))
        else:
            y2 = _year_for(d2, month, today)
            y1 = y2
        first, second = _safe_date(y1, month, d1), _safe_date(y2, month, d2)
        if first and second and first > second:
            continue  # '14 to 3 November' is not a range
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            if first:
                out.append(FoundDate(first, m.start(1), m.end(1), text[m.start(1):m.end(1)], bool(m.group(4))))
            if second:
                out.append(FoundDate(second, m.start(2), m.end(), text[m.start(2):m.end()], bool(m.group(4))))
    for m in _ISO.finditer(text):
        add(_safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.start(), m.end())
    for m in _NUMERIC.finditer(text):
        y = int(m.group(4))
        y = y + 2000 if y < 100 else y
        add(_safe_date(y, int(m.group(3)), int(m.group(1))), m.start(), m.end())
    for m in _WORDY.finditer(text):
        month = _month(m.group(2), year_given=bool(m.group(3)))
        if month is None:
            continue
        day = int(m.group(1))
        year = int(m.group(3)) if m.group(3) else _year_named(day, month, today, _weekday_at(text, m.start()))
        add(_safe_date(year, month, day), m.start(), m.end(), bool(m.group(3)))
    for m in _MONTH_FIRST.finditer(text):
        month = _month(m.group(1))
        if month is None or not m.group(1)[:1].isupper():
            continue  # 'November 3rd' is accepted only with a capital, as staff write it
        day = int(m.group(2))
        year = int(m.group(3)) if m.group(3) else _year_named(day, month, today, _weekday_at(text, m.start()))
        add(_safe_date(year, month, day), m.start(), m.end(), bool(m.group(3)))
    for m in _NUMERIC_NO_YEAR.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            add(_safe_date(_year_for(day, month, today), month, day) if 1 <= day <= 31 else None,
                m.start(1), m.end(2), False)
    for m in _RELATIVE.finditer(text):
        word = " ".join(m.group(1).lower().split())
        if word in ("today", "this morning", "this afternoon"):
            d = today
        elif word == "yesterday":
            d = today - timedelta(days=1)
        elif word == "tomorrow":
            d = today + timedelta(days=1)
        else:
            which, day_name = word.split()
            target = WEEKDAYS.index(day_name)
            if which == "last":
                d = today - timedelta(days=(today.weekday() - target) % 7 or 7)
            elif which == "next":
                d = today + timedelta(days=(target - today.weekday()) % 7 or 7)
            else:  # 'this Monday': the one in the current Monday-to-Sunday week
                d = today + timedelta(days=target - today.weekday())
        add(d, m.start(), m.end(), False)
    for m in _AGO.finditer(text):
        if m.group(1):
            n, unit = parse_number(m.group(1)), m.group(2).lower()
        else:
            n, unit = 1, m.group(4).lower()
        if n is None:
            continue
        add(today - timedelta(days=n * (7 if unit.startswith("week") else 1)), m.start(), m.end(), False)
    out.sort(key=lambda f: f.start)
    return _fill_range_years(text, out, today)


_JOIN = re.compile(r"^\s*(?:to|-|–|—|until|till|and)\s*$", re.I)


def _fill_range_years(text: str, found: list[FoundDate], today: date) -> list[FoundDate]:
    """'28 October to 7 November 2025': the first date takes the second one's year."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.year_given or not b.year_given or not _JOIN.match(text[a.end:b.start]):
            continue
        for y in (b.value.year, b.value.year - 1):
            d = _safe_date(y, a.value.month, a.value.day)
            if d and d <= b.value:
                out[i] = FoundDate(d, a.start, a.end, a.text, False)
                break
    return out


_SCHOOL_DURATION = re.compile(
    r"\b" + NUMBER + r"\s+(?:consecutive\s+|continuous\s+|full\s+|whole\s+)?school[- ](days?|weeks?)\b", re.I)


@dataclass(frozen=True)
class Duration:
    school_days: int
    start: int
    end: int


def find_school_durations(text: str) -> list[Duration]:
    """Every '<n> school days' / '<n> school weeks' (a school week is five school days)."""
    out = []
    for m in _SCHOOL_DURATION.finditer(text):
        n = parse_number(m.group(1))
        if n is None:
            continue
        out.append(Duration(n * (5 if m.group(2).lower().startswith("week") else 1), m.start(), m.end()))
    return out


def find_school_days(text: str) -> int | None:
    """'25 school days' → 25; 'four school weeks' → 20; None if no length in school days is stated.

    Plain 'days', 'weeks' or 'a month' are not school days (they may include weekends and
    holidays), so they give None.
    """
    found = find_school_durations(text)
    return found[0].school_days if found else None
