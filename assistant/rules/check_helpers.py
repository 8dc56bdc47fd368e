"""The machinery shared by the ground checks: ``Ctx``, ``Check`` and common conditions.

A check is *triggered* when the facts point at its situation (``True``), rule it out
(``False``) or say nothing (``None``). Conditions are *hard* (unknown -> a question
is needed) or *soft* (rare exceptions, such as a school attendance order or a
mobile child's main school: unknown -> listed as "unknown" in the result for the
user to confirm, but not asked).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from . import sources as S
from .dates import format_uk
from .facts import Facts
from .outcomes import Condition
from .school_calendar import SchoolCalendar, nth_school_day
from .sources import Source

__all__ = ["Ctx", "Check", "KEEP", "GNO", "not_", "no_return", "no_sao", "not_main_school_of_mobile_child",
           "not_sick", "joint", "exclusion", "absence_days"]

GNO = frozenset({"G", "N", "O"})
FINAL_EXCLUSION = {
    "no_review_stated_in_writing": ("The parent has said in writing they will not seek a review", S.REG_9_5_C_I),
    "review_deadline_passed": ("The time for a review has passed and none was sought", S.REG_9_5_C_II),
    "review_upheld": ("The review panel upheld the decision not to reinstate", S.REG_9_5_C_III_BB),
    "reconsidered_not_reinstated": ("The decision was reconsidered and the pupil was not reinstated", S.REG_9_5_C_III_CC),
    "review_abandoned": ("The review was abandoned", S.REG_9_5_C_III_AA),
}


@dataclass(frozen=True)
class Ctx:
    today: date
    calendar: SchoolCalendar | None
    absence_days: int | None
    over_csa_next: bool | None


@dataclass
class Check:
    code: str
    triggered: bool | None
    conditions: list[Condition] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    not_before: date | None = None
    la_agreement: bool = False
    joint: bool = False

    def need(self, text: str, ok: bool | None, src: Source | None, *, key: str | None = None,
             fail: str | None = None, todo: str | None = None, soft: bool = False) -> None:
        if ok is True:
            status = "met"
        elif ok is False:
            status = "unmet"
            self.blockers.append(fail or f"Not met: {text}")
            if todo:
                self.todo.append(todo)
        else:
            status = "unknown"
            if not soft and key and key not in self.missing:
                self.missing.append(key)
        self.conditions.append(Condition(text, status, src))

    @property
    def status(self) -> str:
        if self.blockers:
            return "unmet"
        return "unknown" if self.missing else "met"


def not_(v: bool | None) -> bool | None:
    return None if v is None else not v


KEEP = "Keep the pupil on the admission register and keep recording attendance."


def no_return(c: Check, f: Facts, src: Source = S.NO_GROUNDS_WILL_ATTEND) -> None:
    c.need("The school has no reasonable grounds to believe the pupil will attend again",
           not_(f.reasonable_grounds_will_return), src, key="reasonable_grounds_will_return",
           fail="The school has reasonable grounds to believe the pupil will attend again.",
           todo=KEEP)


def no_sao(c: Check, f: Facts, src: Source) -> None:
    c.need("No school attendance order naming this school is in force",
           not_(f.sao_names_this_school), src, key="sao_names_this_school", soft=not f.sao_served,
           fail=("A school attendance order naming this school is in force; the LA that served "
                 "it must amend it (then 9(1)(d)) or revoke it (then 9(1)(e))."),
           todo="Ask the LA that served the school attendance order to amend or revoke it.")


def not_main_school_of_mobile_child(c: Check, f: Facts, src: Source) -> None:
    if f.mobile_child is True:
        c.need("The pupil is a mobile child but this is not their main school",
               not_(f.this_is_main_school), src, key="this_is_main_school",
               fail="The pupil is a mobile child and this is their main school, which keeps them on roll.",
               todo=KEEP)
    else:
        c.need("The pupil is not a mobile child (or this is not their main school)",
               not_(f.mobile_child), src, key="mobile_child", soft=not f.family_travels_for_work)


def not_sick(c: Check, f: Facts) -> None:
    c.need("No reasonable grounds to believe the pupil is absent through sickness or an "
           "unavoidable cause", not_(f.reasonable_grounds_sick_or_unavoidable), S.NO_SICKNESS,
           key="reasonable_grounds_sick_or_unavoidable",
           fail=("There are reasonable grounds to believe the pupil is ill or prevented by an "
                 "unavoidable cause; there is no medical ground for deletion since 2024."),
           todo="Record the absence (code I or Y7), make a sickness return if it will reach 15 "
                "school days (reg 13(9)), and talk to the LA about education under s. 19.")


def joint(c: Check, f: Facts) -> None:
    c.joint = True
    made = True if f.joint_enquiries_outcome else f.joint_enquiries_made
    c.need("The school and the local authority have jointly made reasonable efforts to find the "
           "pupil's location and circumstances", made, S.JOINT_ENQUIRIES, key="joint_enquiries_made",
           fail="The school and the LA have not yet made joint enquiries; they are required for this ground.",
           todo="Contact the LA's CME team, make joint reasonable enquiries and keep a record.")
    if made is not True:
        return
    out = f.joint_enquiries_outcome
    if out == "found_and_agree_wont_return":
        c.la_agreement = True
        c.need("They found the pupil and the school and the LA agree there are no reasonable grounds "
               "to believe the pupil will attend again", True, S.JOINT_BB)
    elif out == "not_found":
        c.need("The joint enquiries have not found the pupil", True, S.JOINT_AA)
    else:
        c.need("Outcome of the joint enquiries", None if out is None else False, S.JOINT_BB,
               key="joint_enquiries_outcome",
               fail="The pupil was found and is expected to attend again (or the LA does not agree).",
               todo="Work with the LA to secure the pupil's return.")


def exclusion(c: Check, f: Facts, src: Source) -> None:
    c.need("The pupil has been permanently excluded", True, src)
    st = f.exclusion_status
    if st in FINAL_EXCLUSION:
        text, src = FINAL_EXCLUSION[st]
        c.need(f"The exclusion has taken effect: {text}", True, src)
    elif st == "reinstated":
        c.need("The exclusion has taken effect", False, S.REG_9_5_C,
               fail="The pupil has been reinstated, so there is no exclusion to act on.", todo=KEEP)
    else:
        c.need("The exclusion has taken effect (the review process is over)",
               None if st is None else False, S.REG_9_5_C, key="exclusion_status",
               fail=("A permanent exclusion does not take effect until the review process is over "
                     "(no review sought in writing, the deadline passed, or the review ended "
                     "without reinstatement)."),
               todo="Keep the name on the register until the exclusion takes effect (9(5)(c)).")


def absence_days(c: Check, f: Facts, ctx: Ctx, code: str) -> None:
    n = ctx.absence_days
    c.need(f"At least 20 school days of continuous absence (known: {n if n is not None else 'not known'})",
           None if n is None else n >= 20, S.TWENTY_DAYS, key="continuous_absence_school_days",
           fail=f"{n} school days of continuous absence: ground {code} needs at least 20.",
           todo=KEEP + " Make the attendance return for absences of 10 school days or more (reg 13(7)).")
    if n is not None and n < 20 and f.first_day_of_absence:
        day20 = nth_school_day(f.first_day_of_absence, 20, ctx.calendar)
        c.not_before = day20 + timedelta(days=1)
        c.todo.append(f"If the absence continues, day 20 is {format_uk(day20)}; look again after it.")


