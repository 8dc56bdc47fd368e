"""``case_timeline``: every dated step for one case, statutory and local, in date order.

A ``Case`` holds the dates known about a pupil. Each named rule whose start date is
present is computed (``deadlines.compute_deadline``); the authority's own rules are
added when ``authority`` is given, and a school's own policy rules (``scope ==
"school"``, e.g. The Aspire Academy) only when ``school_policy`` names that document.
The date of birth adds the start and end of compulsory school age.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from .authorities import normalise_authority
from .csa import compulsory_school_age
from .dates import format_uk
from .deadlines import RULES, compute_deadline
from .errors import ImpossibleFacts, InvalidInput
from .school_calendar import WEEKDAY_BASIS_NOTE, SchoolCalendar
from .sources import Source

__all__ = ["Case", "TimelineItem", "Timeline", "case_timeline", "RULE_START_FIELDS"]


@dataclass(frozen=True)
class Case:
    """Dates known about one pupil's case (all optional)."""

    authority: str | None = None
    date_of_entry: date | None = None
    first_day_of_absence: date | None = None
    leave_end: date | None = None
    deleted_on: date | None = None
    date_of_birth: date | None = None
    code_n_date: date | None = None
    sickness_start: date | None = None
    missing_since: date | None = None
    allocated_to_school_on: date | None = None
    cme_case_opened_on: date | None = None
    left_without_named_school_on: date | None = None
    school_policy: str | None = None
    autumn_term_start: date | None = None


@dataclass(frozen=True)
class TimelineItem:
    date: date
    title: str
    rule: str
    statutory: bool
    sources: tuple[Source, ...]
    explanation: str
    authority: str | None = None


@dataclass(frozen=True)
class Timeline:
    items: tuple[TimelineItem, ...]
    authority: str | None
    basis_note: str


#: which ``Case`` date starts each rule (local variants use their statutory rule's field)
RULE_START_FIELDS: dict[str, str] = {
    "new_pupil_return": "date_of_entry",
    "deletion_return": "deleted_on",
    "absence_20_school_days": "first_day_of_absence",
    "leave_10_school_days": "leave_end",
    "attendance_return_10_school_days": "first_day_of_absence",
    "sickness_return_15_school_days": "sickness_start",
    "code_n_5_school_days": "code_n_date",
    "aspire.day_1_contact": "first_day_of_absence",
    "aspire.day_2_home_visit": "first_day_of_absence",
    "aspire.day_3_police": "first_day_of_absence",
    "aspire.day_5_home_visit": "first_day_of_absence",
    "aspire.strategy_meeting_5_working_days": "missing_since",
    "derbyshire.cme_referral_day_11": "first_day_of_absence",
    "barking_dagenham.allocation_list_20_days": "allocated_to_school_on",
    "barking_dagenham.long_term_cme_6_months": "cme_case_opened_on",
    "norfolk.riverside_no_named_school_20_days": "left_without_named_school_on",
}


def _start_field(rule_id: str) -> str | None:
    if rule_id in RULE_START_FIELDS:
        return RULE_START_FIELDS[rule_id]
    variant_of = RULES[rule_id].variant_of
    return RULE_START_FIELDS.get(variant_of) if variant_of else None


def _validate(case: Case) -> None:
    for f in fields(Case):
        v = getattr(case, f.name)
        if f.type.startswith("date") and v is not None and not isinstance(v, date):
            raise InvalidInput(f"{f.name} must be a date.")
    if case.date_of_entry and case.deleted_on and case.deleted_on < case.date_of_entry:
        raise ImpossibleFacts(
            f"The name cannot be deleted ({format_uk(case.deleted_on)}) before it was entered "
            f"({format_uk(case.date_of_entry)}).")
    if case.date_of_entry and case.first_day_of_absence and case.first_day_of_absence < case.date_of_entry:
        raise ImpossibleFacts(
            f"The absence cannot start ({format_uk(case.first_day_of_absence)}) before the pupil "
            f"joined the register ({format_uk(case.date_of_entry)}).")
    dob = case.date_of_birth
    if dob:
        for f in fields(Case):
            v = getattr(case, f.name)
            if isinstance(v, date) and f.name not in ("date_of_birth", "autumn_term_start") and v < dob:
                raise ImpossibleFacts(f"{f.name.replace('_', ' ')} ({format_uk(v)}) is before the date of birth.")


def case_timeline(case: Case, calendar: SchoolCalendar | None = None) -> Timeline:
    """All the dated steps for ``case``, sorted by date."""
    _validate(case)
    authority = normalise_authority(case.authority)
    items: list[TimelineItem] = []
    for rule in RULES.values():
        if rule.authority is not None and rule.authority != authority:
            continue
        if rule.scope == "school" and case.school_policy not in {s.doc_id for s in rule.sources}:
            continue
        fld = _start_field(rule.id)
        start = getattr(case, fld) if fld else None
        if start is None:
            continue
        d = compute_deadline(rule.id, start, calendar=calendar)
        items.append(TimelineItem(d.due, d.title, d.rule, d.statutory, d.sources, d.explanation,
                                  d.authority))
    if case.date_of_birth:
        r = compulsory_school_age(case.date_of_birth, autumn_term_start=case.autumn_term_start)
        items.append(TimelineItem(r.start, "Compulsory school age starts", "csa.start", True,
                                  r.sources[:2], r.explanation))
        items.append(TimelineItem(r.end, "School leaving date: compulsory school age ends at the end "
                                  "of this day", "csa.end", True, (r.sources[2],),
                                  r.explanation + (" " + " ".join(r.notes) if r.notes else "")))
    items.sort(key=lambda i: (i.date, not i.statutory, i.title))
    return Timeline(items=tuple(items), authority=authority,
                    basis_note=calendar.basis_note if calendar else WEEKDAY_BASIS_NOTE)
