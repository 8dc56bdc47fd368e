"""``Facts``: what is known about a pupil who may be leaving the register.

Every field is optional and ``None`` means "not known" - never "no". The rule engine
asks for what it needs (``NeedsFacts``) instead of assuming. ``facts_from_mapping``
builds ``Facts`` from JSON-like data (dates may be UK strings); ``validate_facts``
rejects facts that cannot all be true (``ImpossibleFacts``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal, Mapping, get_args

from .dates import as_date, format_uk
from .errors import ImpossibleFacts, InvalidInput

__all__ = [
    "Facts", "facts_from_mapping", "validate_facts", "KNOWN_CODES", "WITH_LEAVE_CODES",
    "HomeEducationNotice", "EnquiryOutcome", "SchoolEnquiryOutcome", "DetentionType",
    "SchoolType", "ExclusionStatus", "LAConsent",
]

HomeEducationNotice = Literal["written", "verbal_only", "none"]
EnquiryOutcome = Literal["not_found", "found_and_agree_wont_return", "found_will_return"]
SchoolEnquiryOutcome = Literal["not_found", "found_wont_return", "found_will_return"]
DetentionType = Literal["sentence", "remand", "police"]
SchoolType = Literal["maintained", "academy", "independent", "non_maintained_special"]
ExclusionStatus = Literal[
    "no_review_stated_in_writing", "review_deadline_passed", "review_upheld",
    "reconsidered_not_reinstated", "review_abandoned", "pending", "reinstated",
]
LAConsent = Literal["given", "refused", "not_asked"]

#: attendance and absence codes of reg 10 (Tables 1-3) plus Y4 (cancelled session)
KNOWN_CODES = frozenset({
    "/", "\\", "L", "K", "V", "P", "W", "B", "C1", "M", "J1", "S", "X", "C2", "D", "C",
    "T", "R", "I", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "E", "G", "N", "O", "U",
})
#: Table 3 codes recording absence *with leave* (relevant to 9(3)(c)(i))
WITH_LEAVE_CODES = frozenset({"C1", "M", "J1", "S", "X", "C2", "D", "C"})


@dataclass(frozen=True)
class Facts:
    """Facts about one pupil. ``None`` everywhere means "not known"."""

    authority: str | None = None
    # compulsory school age
    of_compulsory_school_age: bool | None = None
    date_of_birth: date | None = None
    # another school / school attendance orders / dual registration
    registered_at_another_school: bool | None = None
    other_school_known: bool | None = None
    sao_names_this_school: bool | None = None
    # an order is said to have been served but whether it names this school (and is still in force)
    # is not known: then it is asked rather than left to confirm
    sao_served: bool | None = None
    sao_amended_to_other_school: bool | None = None
    sao_revoked_for_education_otherwise: bool | None = None
    dual_registration_agreed: bool | None = None
    # the other school is alternative provision (a PRU, an AP academy): placements there are
    # usually dual registrations, so 9(1)(a)(iii) is asked rather than left to confirm
    other_school_is_alternative_provision: bool | None = None
    also_registered_at_other_schools: bool | None = None
    other_schools_all_consented: bool | None = None
    mobile_child: bool | None = None
    # a Traveller, Showman, fairground or circus family: whether the pupil is mobile (and this their
    # main school) then decides 9(1)(a)(ii)/(c)(iv), so it is asked, not left to confirm
    family_travels_for_work: bool | None = None
    this_is_main_school: bool | None = None
    # elective home education
    home_education_intended: bool | None = None
    home_education_notice: HomeEducationNotice | None = None
    home_education_last_day: date | None = None
    # moving away
    moved_away: bool | None = None
    lives_within_reasonable_distance: bool | None = None
    moved_abroad: bool | None = None
    absence_is_temporary: bool | None = None
    boarder: bool | None = None
    # a school with boarders: whether this pupil boards decides 9(3)(a)/(b) and 9(1)(g), so it is asked
    school_has_boarders: bool | None = None
    # the recurring test: "reasonable grounds to believe the pupil will attend again"
    reasonable_grounds_will_return: bool | None = None
    # leave of absence
    leave_of_absence_given: bool | None = None
    # time away with a return date ("due back on Monday"): whether leave was given decides 9(1)(h)
    # against 9(1)(i), so it is asked first
    trip_with_return_date: bool | None = None
    leave_start: date | None = None
    leave_end: date | None = None
    attended_within_10_school_days_after_leave: bool | None = None
    # continuous absence (and the abolished medical ground)
    continuously_absent: bool | None = None
    medically_unfit_to_attend: bool | None = None
    continuous_absence_school_days: int | None = None
    first_day_of_absence: date | None = None
    absence_codes: tuple[str, ...] | None = None
    absent_with_leave_during_run: bool | None = None
    reasonable_grounds_sick_or_unavoidable: bool | None = None
    joint_enquiries_made: bool | None = None
    joint_enquiries_outcome: EnquiryOutcome | None = None
    school_enquiries_made: bool | None = None
    school_enquiries_outcome: SchoolEnquiryOutcome | None = None
    # detention, death
    detained: bool | None = None
    detention_type: DetentionType | None = None
    died: bool | None = None
    date_of_death: date | None = None
    # leaving at the end of compulsory school age
    over_csa_by_next_school_day: bool | None = None
    meets_sixth_form_entry_requirements: bool | None = None
    # boarding fees / independent schools
    board_and_lodging_unpaid_at_end_of_term: bool | None = None
    school_type: SchoolType | None = None
    ceased_to_be_pupil: bool | None = None
    # nursery
    admitted_for_nursery: bool | None = None
    nursery_completed_moving_to_reception: bool | None = None
    # permanent exclusion
    permanently_excluded: bool | None = None
    exclusion_status: ExclusionStatus | None = None
    # special schools, reg 9(2)
    special_school_la_arranged: bool | None = None
    la_consent_to_deletion: LAConsent | None = None
    secretary_of_state_directed_deletion: bool | None = None

    def with_(self, **changes: Any) -> "Facts":
        """A copy with some facts changed (validated like ``facts_from_mapping``)."""
        return facts_from_mapping({**_as_mapping(self), **changes})


FACT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Facts))


def _as_mapping(f: Facts) -> dict[str, Any]:
    return {name: getattr(f, name) for name in FACT_FIELDS}


_BOOL_WORDS = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False,
               "not known": None, "unknown": None, "": None}


def _coerce(name: str, value: Any) -> Any:
    if value is None:
        return None
    ftype = {f.name: f.type for f in fields(Facts)}[name]
    if "date" in ftype:
        return as_date(value, field=name)
    if name == "continuous_absence_school_days":
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput(f"{name}: give a whole number of school days, not {value!r}.")
        return value
    if name == "absence_codes":
        if isinstance(value, str):
            value = [c for c in value.replace(",", " ").split()]
        codes = tuple(str(c).strip().upper() for c in value)
        bad = [c for c in codes if c not in KNOWN_CODES]
        if bad:
            raise InvalidInput(
                f"absence_codes: {', '.join(bad)} {'is not an attendance code' if len(bad) == 1 else 'are not attendance codes'} "
                f"in the 2024 Regulations (reg 10)."
            )
        return codes
    if name == "authority":
        return str(value)
    if ftype.startswith("bool"):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _BOOL_WORDS:
            return _BOOL_WORDS[value.strip().lower()]
        raise InvalidInput(f"{name}: answer yes, no or not known, not {value!r}.")
    # Literal-typed fields
    allowed = _LITERALS[name]
    if value not in allowed:
        raise InvalidInput(f"{name}: '{value}' is not one of: {', '.join(allowed)}.")
    return value


_LITERALS = {
    "home_education_notice": get_args(HomeEducationNotice),
    "joint_enquiries_outcome": get_args(EnquiryOutcome),
    "school_enquiries_outcome": get_args(SchoolEnquiryOutcome),
    "detention_type": get_args(DetentionType),
    "school_type": get_args(SchoolType),
    "exclusion_status": get_args(ExclusionStatus),
    "la_consent_to_deletion": get_args(LAConsent),
}


def facts_from_mapping(data: Mapping[str, Any]) -> Facts:
    """Build ``Facts`` from a mapping; unknown keys and bad values raise ``InvalidInput``."""
    unknown = sorted(set(data) - set(FACT_FIELDS))
    if unknown:
        raise InvalidInput(
            f"Unknown fact(s): {', '.join(unknown)}. Known facts: {', '.join(FACT_FIELDS)}."
        )
    return Facts(**{k: _coerce(k, v) for k, v in data.items()})


def validate_facts(facts: Facts, *, today: date, max_school_days_since=None) -> None:
    """Raise ``ImpossibleFacts`` if the facts cannot all be true on ``today``.

    ``max_school_days_since(d)`` (optional) gives the number of school days from ``d``
    to ``today`` inclusive; it is used to check an absence length against its start.
    """
    f = facts
    if f.date_of_birth and f.date_of_birth > today:
        raise ImpossibleFacts(
            f"The date of birth ({format_uk(f.date_of_birth)}) is in the future."
        )
    if f.date_of_death:
        if f.date_of_death > today:
            raise ImpossibleFacts(f"The date of death ({format_uk(f.date_of_death)}) is in the future.")
        if f.died is False:
            raise ImpossibleFacts("A date of death was given but the pupil is said not to have died.")
        if f.date_of_birth and f.date_of_death < f.date_of_birth:
            raise ImpossibleFacts("The date of death is before the date of birth.")
    if f.leave_start and f.leave_end and f.leave_end < f.leave_start:
        raise ImpossibleFacts(
            f"The leave of absence cannot end ({format_uk(f.leave_end)}) before it started "
            f"({format_uk(f.leave_start)})."
        )
    if f.leave_of_absence_given is False and (f.leave_start or f.leave_end):
        raise ImpossibleFacts("Leave dates were given but leave of absence is said not to have been given.")
    if f.continuous_absence_school_days is not None and f.continuous_absence_school_days < 0:
        raise ImpossibleFacts("The length of an absence cannot be negative.")
    if f.first_day_of_absence and f.first_day_of_absence > today:
        raise ImpossibleFacts(
            f"The first day of absence ({format_uk(f.first_day_of_absence)}) is after today "
            f"({format_uk(today)})."
        )
    if (f.first_day_of_absence and f.continuous_absence_school_days is not None
            and max_school_days_since is not None):
        possible = max_school_days_since(f.first_day_of_absence)
        if f.continuous_absence_school_days > possible:
            raise ImpossibleFacts(
                f"An absence of {f.continuous_absence_school_days} school days is longer than the "
                f"{possible} school day(s) from {format_uk(f.first_day_of_absence)} to "
                f"{format_uk(today)}."
            )
    if f.permanently_excluded is False and f.exclusion_status is not None:
        raise ImpossibleFacts("An exclusion review status was given but the pupil is said not to be excluded.")
    if f.detained is False and f.detention_type is not None:
        raise ImpossibleFacts("A type of detention was given but the pupil is said not to be detained.")
    if f.home_education_notice == "none" and f.home_education_last_day is not None:
        raise ImpossibleFacts("A last day of school for home education was given, but no notice.")
    if f.moved_abroad and f.lives_within_reasonable_distance:
        raise ImpossibleFacts(
            "The pupil cannot both have moved abroad and still live a reasonable distance from the school."
        )
