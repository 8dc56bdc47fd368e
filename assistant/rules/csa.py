"""Compulsory school age in England (Education Act 1996 s. 8).

* **Start** (s. 8(2); SI 1998/1607 art 2): on the 5th birthday if that is a prescribed
  day (31 March, 31 August, 31 December), otherwise on the next prescribed day.
  Education is then required from the start of the following term
  (31 Dec -> spring, 31 Mar -> summer, 31 Aug -> autumn).
* **End** (s. 8(3); SI 1997/1970 art 2): at the end of a school leaving date, the last
  Friday in June. With ``b16`` the 16th birthday in year ``y`` and ``SLD(y)`` that
  year's last Friday in June:
    - ``b16 <= SLD(y)`` -> ``SLD(y)`` (s. 8(3)(b), (c));
    - ``SLD(y) < b16 <`` start of the next school year -> ``SLD(y)`` (s. 8(3)(a));
    - otherwise ``SLD(y + 1)`` (s. 8(3)(c)).
  The school year starts with the first term to begin after July (s. 579(1)); pass the
  school's ``autumn_term_start`` for that year. The default is 1 September, and a 16th
  birthday from 1 to 10 September is flagged for a person to confirm.
* **29 February**: in a non-leap year the birthday is taken as 1 March (flagged).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from . import sources as S
from .dates import format_uk, last_weekday_of_month
from .errors import ImpossibleFacts, InvalidInput
from .sources import Source

__all__ = ["CSAResult", "compulsory_school_age", "school_leaving_date", "is_of_compulsory_school_age"]

FRIDAY, MONDAY = 4, 0


@dataclass(frozen=True)
class CSAResult:
    date_of_birth: date
    fifth_birthday: date
    start: date
    education_from_term: str
    sixteenth_birthday: date
    school_leaving_date: date
    end: date
    flags: tuple[str, ...]
    explanation: str
    sources: tuple[Source, ...]
    notes: tuple[str, ...] = ()
    alternative_end: date | None = None


def school_leaving_date(year: int) -> date:
    """The last Friday in June of ``year`` (SI 1997/1970 art 2)."""
    return last_weekday_of_month(year, 6, FRIDAY)


def _bd_wording_date(year: int) -> date:
    """'The last Friday before the last Monday in June' (Barking and Dagenham's wording)."""
    return last_weekday_of_month(year, 6, MONDAY) - timedelta(days=3)


def _anniversary(dob: date, years: int) -> tuple[date, bool]:
    try:
        return date(dob.year + years, dob.month, dob.day), False
    except ValueError:  # 29 February in a non-leap year
        return date(dob.year + years, 3, 1), True


def _start(b5: date) -> tuple[date, str]:
    y = b5.year
    for d, term in ((date(y, 3, 31), f"summer term {y}"), (date(y, 8, 31), f"autumn term {y}"),
                    (date(y, 12, 31), f"spring term {y + 1}")):
        if d >= b5:
            return d, term
    raise AssertionError("unreachable: 31 December is always on or after the birthday")


def compulsory_school_age(
    dob: date, *, autumn_term_start: date | None = None, today: date | None = None
) -> CSAResult:
    """When compulsory school age starts and ends for a child born on ``dob``."""
    if not isinstance(dob, date):
        raise InvalidInput("Give the date of birth as a date.")
    if today is not None and dob > today:
        raise ImpossibleFacts(f"The date of birth ({format_uk(dob)}) is in the future.")
    flags: list[str] = []
    notes: list[str] = []
    b5, leap5 = _anniversary(dob, 5)
    b16, leap16 = _anniversary(dob, 16)
    if dob.month == 2 and dob.day == 29:
        flags.append("born_29_february")
        if leap5 or leap16:
            notes.append("Born on 29 February: in a year without 29 February the birthday is taken "
                         "as 1 March. The law does not settle this; it does not change the start "
                         "date (the next prescribed day is 31 March either way).")
    start, term = _start(b5)

    y = b16.year
    sld = school_leaving_date(y)
    if autumn_term_start is not None:
        if autumn_term_start.year != y or autumn_term_start.month < 8:
            raise InvalidInput(
                f"autumn_term_start should be the first day of the autumn term in {y}, the year "
                f"the pupil turns 16 (given {format_uk(autumn_term_start)})."
            )
        school_year_start = autumn_term_start
    else:
        school_year_start = date(y, 9, 1)

    if b16 <= sld:
        end, limb = sld, ("s. 8(3)(b): the 16th birthday is the school leaving date" if b16 == sld
                          else "s. 8(3)(c): the next school leaving date after the 16th birthday")
    elif b16 < school_year_start:
        end, limb = sld, ("s. 8(3)(a): the pupil turns 16 after that year's school leaving date "
                          "but before the next school year begins")
    else:
        end = school_leaving_date(y + 1)
        limb = "s. 8(3)(c): the next school leaving date after the 16th birthday"

    alternative = None
    if autumn_term_start is None and b16.month == 9 and b16.day <= 10:
        flags.append("early_september_16th_birthday")
        alternative = sld
        notes.append(
            f"The 16th birthday ({format_uk(b16)}) is in early September. Read literally, "
            f"s. 8(3)(a) gives the earlier date, {format_uk(sld)}, if the autumn term in {y} "
            f"starts after the birthday; this result assumes the school year starts on "
            f"1 September. Give the school's autumn term start date, or have a person confirm."
        )

    bd = _bd_wording_date(end.year)
    notes.append(
        "Barking and Dagenham's guidance words the end as 'the last Friday before the last "
        "Monday in June'; this rule follows the Education (School Leaving Date) Order 1997: the "
        "last Friday in June."
        + (f" In {end.year} the two differ: {format_uk(bd)} against {format_uk(end)}."
           if bd != end else f" In {end.year} both give {format_uk(end)}.")
    )

    explanation = (
        f"Compulsory school age starts on {format_uk(start)}: the 5th birthday is "
        f"{format_uk(b5)}, and age starts on the first prescribed day (31 March, 31 August or "
        f"31 December) on or after it (Education Act 1996 s. 8(2)). Education is required from "
        f"the start of the {term}. It ends at the end of {format_uk(end)}, a school leaving date "
        f"(the last Friday in June): the 16th birthday is {format_uk(b16)}, so {limb}."
    )
    return CSAResult(
        date_of_birth=dob, fifth_birthday=b5, start=start, education_from_term=term,
        sixteenth_birthday=b16, school_leaving_date=end, end=end, flags=tuple(flags),
        explanation=explanation,
        sources=(S.CSA_ORDER_A, S.CSA_ORDER_B, S.CSA_NOTE, S.SLD_ORDER, S.BD_SLD_WORDING),
        notes=tuple(notes), alternative_end=alternative,
    )


def is_of_compulsory_school_age(dob: date, on: date, *, autumn_term_start: date | None = None) -> bool:
    """True if a child born on ``dob`` is of compulsory school age on the day ``on``."""
    r = compulsory_school_age(dob, autumn_term_start=autumn_term_start)
    return r.start <= on <= r.end
