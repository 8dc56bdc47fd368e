"""``decide_leaver_reason``: which regulation 9 ground (if any) applies to a pupil.

How the decision is made (deterministic, no guessing):

1. Reject impossible facts (``ImpossibleFacts``) and unknown authorities.
2. Settle compulsory school age: from ``of_compulsory_school_age`` or the date of birth
   (both given and disagreeing is an error). Unknown -> ask it first: it decides
   between 9(1) and 9(3).
3. Run every ground's check (``ground_checks.py``) in order of preference (most
   specific first; (d)/(e) before (a), per domain notes 1e).
4. A check whose conditions are all met -> ``Ground`` (the first in preference order;
   for a special-school placement arranged by an LA, reg 9(2) is applied on top).
   Otherwise, if a triggered check still lacks facts -> ``NeedsFacts`` (its first
   missing fact is the next question). Otherwise, if checks were triggered but all
   failed -> ``NoGround`` with the reasons. If nothing points to any ground yet ->
   ``NeedsFacts`` asking what is happening (or, when an attendance order naming the school
   is in force, whether the LA has amended it).
"""

from __future__ import annotations

from datetime import date, timedelta

from . import sources as S
from .authorities import normalise_authority
from .csa import compulsory_school_age
from .dates import as_date, format_uk
from .errors import ImpossibleFacts, InvalidCalendar, InvalidInput
from .facts import Facts, validate_facts
from .check_helpers import Check, Ctx
from .ground_checks import CHECKS, check_medical
from .grounds import CSA_ORDER, GROUNDS, NOT_CSA_ORDER, SPECIAL_SCHOOL_EXCEPTIONS
from .local_steps import local_actions, local_notes
from .outcomes import (
    Action, Condition, Ground, GroundConsidered, LeaverOutcome, NeedsFacts, NoGround,
)
from .questions import SITUATION_KEY, question
from .school_calendar import WEEKDAY_BASIS_NOTE, SchoolCalendar, count_school_days, next_school_day

__all__ = ["decide_leaver_reason"]

_STATIC_NOTES = {
    "9(1)(j)": "There is no minimum length of sentence since 2024 (the 2006 rule needed at least "
               "four months). Remand and police detention never count.",
    "9(1)(f)": "Deletion is due on the day after the last day the parent named. No LA consent is "
               "needed under the law in force (the prospective s. 434A is not commenced).",
    "9(1)(o)": "A permanent exclusion takes effect only when the review process is over (9(5)(c)).",
    "9(3)(e)": "A permanent exclusion takes effect only when the review process is over (9(5)(c)).",
    "9(1)(l)": "No deletion return is needed if the name is deleted at or after the end of the final "
               "term and the pupil is in the most senior class, unless the LA asked (reg 13(5)-(6)).",
}


def _dedupe(items):
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return tuple(out)


def decide_leaver_reason(
    facts: Facts, *, today: date, calendar: SchoolCalendar | None = None
) -> LeaverOutcome:
    """Decide the deletion ground for ``facts`` as of ``today`` (see module docstring)."""
    if not isinstance(facts, Facts):
        raise InvalidInput("decide_leaver_reason needs a Facts object (see facts_from_mapping).")
    today = as_date(today, field="today")
    authority = normalise_authority(facts.authority)
    validate_facts(facts, today=today, max_school_days_since=lambda first: count_school_days(
        first - timedelta(days=1), today, calendar))
    notes: list[str] = []

    absence = facts.continuous_absence_school_days
    if absence is None and facts.first_day_of_absence:
        yesterday = today - timedelta(days=1)
        absence = count_school_days(facts.first_day_of_absence - timedelta(days=1), yesterday, calendar)
        notes.append(
            f"Counted {absence} school day(s) of absence from {format_uk(facts.first_day_of_absence)} "
            f"to {format_uk(yesterday)} (today is not counted). "
            + (calendar.basis_note if calendar else WEEKDAY_BASIS_NOTE))

    csa, over = facts.of_compulsory_school_age, facts.over_csa_by_next_school_day
    if facts.date_of_birth:
        res = compulsory_school_age(facts.date_of_birth, today=today)
        derived = res.start <= today <= res.end
        if csa is not None and csa != derived:
            raise ImpossibleFacts(
                f"A pupil born on {format_uk(facts.date_of_birth)} is {'' if derived else 'not '}of "
                f"compulsory school age on {format_uk(today)} (it runs from {format_uk(res.start)} to "
                f"{format_uk(res.end)}), but the facts say the opposite.")
        if csa is None:
            csa = derived
            notes.append(f"Compulsory school age worked out from the date of birth: {res.explanation}")
            notes.extend(f"Check: {n}" for n in res.notes if "early September" in n)
        if over is None and derived:
            try:
                over = next_school_day(today, calendar) > res.end
            except InvalidCalendar:
                over = None

    ctx = Ctx(today=today, calendar=calendar, absence_days=absence, over_csa_next=over)
    if csa is None:
        both = [CHECKS[c](facts, ctx) for c in CSA_ORDER + NOT_CSA_ORDER]
        return NeedsFacts(kind="needs_facts", missing=(question("of_compulsory_school_age"),),
                          candidates=_dedupe(c.code for c in both if c.triggered),
                          notes=tuple(notes), sources=(S.REG_9_1, S.REG_9_3))

    order = CSA_ORDER if csa else NOT_CSA_ORDER
    checks = [CHECKS[c](facts, ctx) for c in order] + [check_medical(facts, ctx)]
    triggered = [c for c in checks if c.triggered]
    met = [c for c in triggered if c.status == "met"]
    unknown = [c for c in triggered if c.status == "unknown"]
    unmet = [c for c in triggered if c.status == "unmet"]

    if met:
        return _ground(met[0], triggered, facts, authority, today, notes, csa)
    if unknown:
        keys = _dedupe(k for c in unknown for k in c.missing)
        ruled_out = [f"{c.code} ruled out: {c.blockers[0]}" for c in unmet]
        return NeedsFacts(kind="needs_facts", missing=tuple(question(k) for k in keys),
                          candidates=tuple(c.code for c in unknown),
                          notes=tuple(notes + ruled_out),
                          sources=_dedupe(x.source for c in unknown for x in c.conditions if x.source))
    if unmet:
        return _no_ground(unmet, notes)
    if csa and (facts.sao_names_this_school or facts.sao_served) and facts.sao_amended_to_other_school is None \
            and facts.sao_revoked_for_education_otherwise is None:
        # Only the LA ends an attendance order naming the school: whether it has is the question
        # (also when an order is all the story tells: "LA letter came in about the SAO…").
        return NeedsFacts(kind="needs_facts", missing=(question("sao_amended_to_other_school"),),
                          candidates=("9(1)(d)", "9(1)(e)"), notes=tuple(notes), sources=(S.REG_9_1,))
    if csa:
        return NeedsFacts(kind="needs_facts", missing=(question(SITUATION_KEY),),
                          candidates=CSA_ORDER, notes=tuple(notes), sources=(S.REG_9_1,))
    return NeedsFacts(kind="needs_facts", missing=(question("reasonable_grounds_will_return"),),
                      candidates=NOT_CSA_ORDER, notes=tuple(notes), sources=(S.REG_9_3,))


def _no_ground(unmet: list[Check], notes: list[str]) -> NoGround:
    reasons = _dedupe(b for c in unmet for b in c.blockers)
    todo = _dedupe(t for c in unmet for t in c.todo)
    befores = [c.not_before for c in unmet if c.not_before]
    srcs = _dedupe(x.source for c in unmet for x in c.conditions if x.status == "unmet" and x.source)
    return NoGround(
        kind="no_ground", reasons=reasons, what_to_do_instead=todo, sources=srcs,
        not_before=min(befores) if befores else None,
        other_grounds_considered=tuple(GroundConsidered(c.code, "unmet", c.blockers[0]) for c in unmet),
    )


def _special_school(chosen: Check, f: Facts) -> tuple[str | None, list[Condition], str | None]:
    """Apply reg 9(2). -> (gateway, extra conditions, blocker-or-question marker)."""
    if f.special_school_la_arranged is not True:
        return None, [], None
    if chosen.code in SPECIAL_SCHOOL_EXCEPTIONS:
        return "9(2)(a)", [Condition(
            f"Special school place arranged by an LA: ground {chosen.code} is one of (d), (e), (k) "
            f"and (o), so the LA's consent is not needed", "met", S.REG_9_2_A)], None
    consent = f.la_consent_to_deletion
    if consent == "given":
        return "9(2)(b)", [Condition("The LA that arranged the special school place has consented "
                                     "to the deletion", "met", S.REG_9_2_B)], None
    if consent == "refused":
        sos = f.secretary_of_state_directed_deletion
        if sos:
            return "9(2)(c)", [Condition("The LA refused consent but the Secretary of State has "
                                         "directed the deletion", "met", S.REG_9_2_C)], None
        return None, [], "ask:secretary_of_state_directed_deletion" if sos is None else "refused"
    if consent == "not_asked":
        return None, [], "not_asked"
    return None, [], "ask:la_consent_to_deletion"


def _ground(chosen: Check, triggered: list[Check], f: Facts, authority: str | None, today: date,
            notes: list[str], csa: bool) -> LeaverOutcome:
    code = chosen.code
    info = GROUNDS[code]
    gateway, extra, block = _special_school(chosen, f) if csa else (None, [], None)
    if block and block.startswith("ask:"):
        return NeedsFacts(kind="needs_facts", missing=(question(block[4:]),), candidates=(code,),
                          notes=(f"{code} is met, but the pupil is at a special school under LA "
                                 f"arrangements, so reg 9(2) applies.",), sources=(S.REG_9_2, S.REG_9_2_B))
    if block:
        reason = ("The LA that arranged the special school place refused consent and the Secretary "
                  "of State has not directed the deletion." if block == "refused" else
                  "The pupil is at a special school under LA arrangements and the LA has not been "
                  "asked to consent.")
        return NoGround(kind="no_ground", reasons=(f"{code} is met, but reg 9(2) blocks it: {reason}",),
                        what_to_do_instead=("Ask the LA that arranged the placement for consent "
                                            "(reg 9(2)(b)); if it refuses, the Secretary of State "
                                            "can direct deletion (reg 9(2)(c)).",),
                        sources=(S.REG_9_2, S.REG_9_2_B, S.REG_9_2_C))
    conditions = tuple(chosen.conditions) + tuple(extra)
    la_agreement = chosen.la_agreement or gateway == "9(2)(b)"
    actions: list[Action] = [Action(
        title="Deletion return to the local authority",
        detail=(f"Delete the name and send the LA the deletion return: the pupil's full name and "
                f"address, each parent they live with (name, address, an emergency phone number), "
                f"any future address and new school recorded, and the ground: {code}."),
        statutory=True, sources=(S.REG_13_4, S.REG_13_4_G), due=today,
        due_text="when the name is deleted (guidance: as soon as the ground is met)")]
    if chosen.la_agreement:
        actions.insert(0, Action(
            title="Record the LA's agreement", statutory=True, sources=(S.JOINT_BB,), due=today,
            detail="Record that the school and the LA agree the pupil will not attend again.",
            due_text="before the deletion"))
    actions.extend(local_actions(authority, code, today, moved_abroad=bool(f.moved_abroad)))
    all_notes = list(chosen.notes)
    if info.old_2006:
        all_notes.append(f"Older documents call this ground {info.old_2006} (the 2006 Regulations).")
    if code in _STATIC_NOTES:
        all_notes.append(_STATIC_NOTES[code])
    local = local_notes(authority, code)
    all_notes.extend(n for n, _ in local)
    if any(a.authority == "Worcestershire" and "agreement" in a.title for a in actions):
        la_agreement = True
        all_notes.append("Worcestershire asks for the LA's agreement before 9(1)(h) or 9(1)(i) is used "
                         "(local practice, not in the Regulations).")
    unsure = [c.text for c in conditions if c.status == "unknown"]
    if unsure:
        all_notes.append("Confirm before deleting (not in the facts given): " + "; ".join(unsure) + ".")
    all_notes.extend(notes)
    others = tuple(
        GroundConsidered(c.code, c.status,
                         c.blockers[0] if c.blockers else ("also met" if c.status == "met" else
                                                           "needs: " + ", ".join(c.missing)))
        for c in triggered if c is not chosen)
    # a 9(3) ground also cites 9(3)'s opening: it is why the pupil's age puts them under 9(3), not 9(1)
    opening = [S.REG_9_3] if code.startswith("9(3)") else []
    srcs = _dedupe([info.source, *opening] + [c.source for c in conditions if c.source]
                   + [s for _, ss in local for s in ss])
    return Ground(
        kind="ground", code=code, title=info.title, meaning=info.meaning, conditions=conditions,
        la_agreement_required=la_agreement, joint_enquiries_required=chosen.joint,
        actions=tuple(actions), sources=srcs, notes=_dedupe(all_notes),
        other_grounds_considered=others, gateway=gateway, old_2006_ground=info.old_2006,
        authority=authority,
    )
