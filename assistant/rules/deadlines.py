"""Named deadline rules and ``compute_deadline``.

Each rule says what its start date means, how days are counted and where the rule
comes from. Statutory rules come from SI 2024/208; local rules come from the
authority documents in the corpus and are marked ``statutory=False``. The local
rules themselves are listed in ``local_steps.py``.

Counting modes (``RuleSpec.mode``):

``calendar_days_after``  due = start + n calendar days; day 1 is the day after start.
``school_days_after``    due = the n-th school day after start; day 1 is the first
                         school day after start (start itself is not counted).
``school_day_of_run``    due = day n of a run in which day 1 is the first school day
                         on or after start (used for "day 1 is the first school day of
                         absence").
``working_days_after``   like ``school_days_after`` but Monday-Friday less bank holidays.
``calendar_months_after`` due = the same day n months later (end of month if shorter).
``on_event``             due on the start date itself (e.g. when the name is deleted).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from . import sources as S
from .authorities import normalise_authority
from .dates import as_date, format_uk
from .errors import UnknownRule
from .local_steps import LOCAL_RULES
from .rule_spec import Basis, RuleSpec
from .school_calendar import (
    WEEKDAY_BASIS_NOTE,
    SchoolCalendar,
    add_school_days,
    add_working_days,
    nth_school_day,
    walk_school_days,
)
from .sources import Source

__all__ = ["RuleSpec", "Deadline", "compute_deadline", "list_rules", "get_rule", "RULES"]

@dataclass(frozen=True)
class Deadline:
    """A computed due date and exactly how it was counted."""

    rule: str
    title: str
    start: date
    due: date
    basis: Basis
    counted: tuple[date, ...]
    skipped: tuple[tuple[date, str], ...]
    explanation: str
    sources: tuple[Source, ...]
    statutory: bool
    authority: str | None
    basis_note: str = ""
    day_one: date | None = None
    scope: str = "law"
    local_variants: tuple["Deadline", ...] = field(default=())


_STATUTORY: tuple[RuleSpec, ...] = (
    RuleSpec(
        "new_pupil_return", "New pupil return to the local authority (reg 13(1))",
        "calendar_days_after", 5,
        "the day the pupil's name is entered in the admission register", True,
        (S.REG_13_1, S.REG_13_2_A, S.REG_13_2_B),
        note=("Not needed for a pupil placed in the most junior class whose starting day is "
              "the first day of the school year, unless the LA has asked for those returns "
              "(reg 13(2)-(3)). 'Fifth day' is read as calendar days because the Regulations "
              "say 'school days' wherever they mean school days."),
    ),
    RuleSpec(
        "deletion_return", "Deletion return to the local authority (reg 13(4))", "on_event", 0,
        "the day the pupil's name is deleted from the admission register", True,
        (S.REG_13_4, S.REG_13_4_G),
        note=("The return is made when the name is deleted and must give the ground of "
              "deletion. Not needed when the name is deleted at or after the end of the final "
              "term and the pupil is in the most senior class, unless the LA asked "
              "(reg 13(5)-(6))."),
    ),
    RuleSpec(
        "absence_20_school_days", "20 school days of continuous absence (reg 9(1)(i), 9(3)(c))",
        "school_day_of_run", 20, "the first day of continuous absence", True,
        (S.TWENTY_DAYS, S.REG_9_1_I_I, S.JOINT_ENQUIRIES),
        note=("Reaching day 20 is only one condition: for a pupil of compulsory school age "
              "every session must be coded G, N or O, there must be no reason to think the "
              "pupil is ill or unavoidably prevented, and the school and LA must have made "
              "joint enquiries (9(1)(i)); for other pupils, 9(3)(c)."),
    ),
    RuleSpec(
        "absence_20_school_days_over_csa",
        "20 school days of continuous absence, pupil over compulsory school age (reg 9(3)(c))",
        "school_day_of_run", 20, "the first day of continuous absence", True,
        (S.REG_9_3_C_I, S.REG_9_3_C_III),
        note=("Reaching day 20 is only one condition of 9(3)(c): the pupil must not have been "
              "absent with leave at any point in those days, there must be no reason to think "
              "the pupil is ill or unavoidably prevented, and the school (on its own; the LA "
              "need not be involved) must have made reasonable efforts to find out where the "
              "pupil is and why."),
    ),
    RuleSpec(
        "leave_10_school_days", "Not back within 10 school days after leave of absence (reg 9(1)(h))",
        "school_days_after", 10, "the last day of the period of leave", True,
        (S.REG_9_1_H_I, S.JOINT_ENQUIRIES),
        note=("Ground 9(1)(h) also needs no reason to think the pupil is ill or unavoidably "
              "prevented, and joint school and LA enquiries."),
    ),
    RuleSpec(
        "attendance_return_10_school_days",
        "Attendance return: 10 continuous school days coded G, N, O or U (reg 13(7))",
        "school_day_of_run", 10, "the first day of continuous absence", True,
        (S.REG_13_7, S.REG_13_8),
        note=("The pupil goes in the next attendance return, made at the intervals agreed "
              "with the LA (or set by the Secretary of State), reg 13(8)."),
    ),
    RuleSpec(
        "sickness_return_15_school_days", "Sickness return: 15 school days of sickness (reg 13(9))",
        "school_day_of_run", 15, "the first day of absence coded I (sickness)", True,
        (S.REG_13_9, S.REG_13_10),
        note=("The return is due as soon as possible once the school has reasonable grounds "
              "to believe the pupil will be off sick for 15 school days (consecutive, or in "
              "total in the school year), which may be well before day 15; day 15 is the "
              "latest point for a continuous spell."),
    ),
    RuleSpec(
        "code_n_5_school_days", "Replace attendance code N within 5 school days (reg 10(7))",
        "school_days_after", 5, "the day of the session recorded with code N", True,
        (S.REG_10_7, S.REG_10_9_B),
        note="If the reason is still not established, N becomes O (reg 10(9)(b)).",
    ),
)


RULES: dict[str, RuleSpec] = {r.id: r for r in (*_STATUTORY, *LOCAL_RULES)}


def _rules() -> dict[str, RuleSpec]:
    return RULES


def get_rule(rule_id: str) -> RuleSpec:
    rules = _rules()
    key = str(rule_id).strip().lower()
    if key not in rules:
        raise UnknownRule(
            f"There is no deadline rule called '{rule_id}'. Known rules: {', '.join(rules)}."
        )
    return rules[key]


def list_rules(authority: str | None = None) -> list[RuleSpec]:
    """All rules (statutory first), or the statutory ones plus one authority's."""
    canonical = normalise_authority(authority) if authority else None
    return [r for r in _rules().values()
            if r.authority is None or authority is None or r.authority == canonical]


def _day_word(n: int) -> str:
    return "day" if n == 1 else "days"


def _sentence_start(text: str) -> str:
    # (str.capitalize would also lower "code N" to "code n")
    return text[:1].upper() + text[1:]


def _compute(rule: RuleSpec, start: date, calendar: SchoolCalendar | None) -> Deadline:
    counted: list[date] = []
    skipped: list[tuple[date, str]] = []
    day_one: date | None = None
    basis_note = ""
    n = rule.amount
    if rule.mode == "calendar_days_after":
        due = start + timedelta(days=n)
        counted = [start + timedelta(days=i) for i in range(1, n + 1)]
        day_one = counted[0] if counted else None
        how = (f"Counted in calendar days (weekends and bank holidays count). Day 1 is the day "
               f"after {rule.start_meaning} ({format_uk(start)}); day {n} is {format_uk(due)}, "
               f"and the deadline is the end of that day.")
    elif rule.mode in ("school_days_after", "school_day_of_run"):
        basis_note = calendar.basis_note if calendar is not None else WEEKDAY_BASIS_NOTE
        if rule.mode == "school_days_after":
            due = add_school_days(start, n, calendar)
            counted, skipped = walk_school_days(start, due, calendar)
            day_one = counted[0] if counted else None
            how = (f"Counted in school days. {_sentence_start(rule.start_meaning)} "
                   f"({format_uk(start)}) is not counted; day 1 is the first school day after "
                   f"it ({format_uk(day_one) if day_one else '-'}), and day {n} is "
                   f"{format_uk(due)}.")
        else:
            due = nth_school_day(start, n, calendar)
            counted, skipped = walk_school_days(start - timedelta(days=1), due, calendar)
            day_one = counted[0]
            moved = (f" {format_uk(start)} is not a school day, so day 1 is the next school day."
                     if day_one != start else "")
            how = (f"Counted in school days. Day 1 is the first school day of the run: "
                   f"{rule.start_meaning} ({format_uk(day_one)}).{moved} Day {n} is "
                   f"{format_uk(due)}.")
        if skipped:
            how += f" {len(skipped)} non-school {_day_word(len(skipped))} in between were skipped."
    elif rule.mode == "working_days_after":
        due, counted, skipped = add_working_days(start, n, calendar.extra_bank_holidays
                                                 if calendar else ())
        day_one = counted[0] if counted else None
        how = (f"Counted in working days (Monday to Friday, less bank holidays in England). "
               f"{_sentence_start(rule.start_meaning)} ({format_uk(start)}) is not counted; day "
               f"{n} is {format_uk(due)}.")
    elif rule.mode == "calendar_months_after":
        due = start + relativedelta(months=n)
        how = (f"Counted in calendar months: {n} months from {rule.start_meaning} "
               f"({format_uk(start)}) is {format_uk(due)}.")
    else:  # on_event
        due = start
        how = f"Due on {rule.start_meaning} itself ({format_uk(start)}), not after it."
    explanation = how + (f" {rule.note}" if rule.note else "")
    if basis_note:
        explanation += f" {basis_note}"
    if not rule.statutory:
        explanation = (f"Local practice ({rule.authority}), not the law. " + explanation)
    return Deadline(
        rule=rule.id, title=rule.title, start=start, due=due, basis=rule.basis,
        counted=tuple(counted), skipped=tuple(skipped), explanation=explanation,
        sources=rule.sources, statutory=rule.statutory, authority=rule.authority,
        basis_note=basis_note, day_one=day_one, scope=rule.scope,
    )


def compute_deadline(
    rule_id: str,
    start: date | str,
    *,
    calendar: SchoolCalendar | None = None,
    authority: str | None = None,
) -> Deadline:
    """Compute one named rule from ``start``.

    For a statutory rule with an ``authority``, the authority's own versions of the
    same step are computed too and returned in ``local_variants`` (each labelled
    ``statutory=False`` and cited), so a difference between law and local practice
    is shown rather than hidden.
    """
    rule = get_rule(rule_id)
    start_d = as_date(start, field="start")
    canonical = normalise_authority(authority) if authority else None
    if rule.authority is not None and canonical is not None and canonical != rule.authority:
        raise UnknownRule(
            f"The rule '{rule.id}' belongs to {rule.authority}, not {canonical}."
        )
    result = _compute(rule, start_d, calendar)
    if rule.statutory and canonical is not None:
        variants = tuple(
            _compute(r, start_d, calendar)
            for r in _rules().values()
            if r.variant_of == rule.id and r.authority == canonical
        )
        if variants:
            result = replace(result, local_variants=variants)
    return result
