"""One check per deletion ground: which conditions the facts meet, fail or leave open.

Each ``check_*`` function takes the facts and a ``Ctx`` and returns a ``Check``
(see ``check_helpers``). ``leaver.py`` combines them.
"""

from __future__ import annotations

from datetime import timedelta

from . import sources as S
from .check_helpers import (
    GNO, KEEP, Check, Ctx, absence_days, exclusion, joint, no_return, no_sao, not_,
    not_main_school_of_mobile_child, not_sick,
)
from .dates import format_uk
from .facts import WITH_LEAVE_CODES, Facts
from .grounds import GROUNDS
from .school_calendar import add_school_days

__all__ = ["CHECKS", "check_medical"]


# --- 9(1): pupils of compulsory school age --------------------------------------------

def check_k(f: Facts, ctx: Ctx, code: str = "9(1)(k)") -> Check:
    c = Check(code, f.died)
    if f.died:
        c.need("The pupil has died", True, GROUNDS[code].source)  # 9(1)(k) or 9(3)(d): the same words
    return c


def check_o(f: Facts, ctx: Ctx, code: str = "9(1)(o)") -> Check:
    c = Check(code, f.permanently_excluded)
    if f.permanently_excluded:
        exclusion(c, f, GROUNDS[code].source)  # 9(1)(o) or 9(3)(e): the same words
    return c


def check_d(f: Facts, ctx: Ctx) -> Check:
    c = Check("9(1)(d)", f.sao_amended_to_other_school)
    if f.sao_amended_to_other_school:
        c.need("The LA that served the school attendance order has amended it to name another school",
               True, S.REG_9_1_D)
    return c


def check_e(f: Facts, ctx: Ctx) -> Check:
    c = Check("9(1)(e)", f.sao_revoked_for_education_otherwise)
    if f.sao_revoked_for_education_otherwise:
        c.need("The LA that served the school attendance order has revoked it because suitable "
               "education otherwise than at school has been arranged", True, S.REG_9_1_E)
    return c


def check_j(f: Facts, ctx: Ctx) -> Check:
    c = Check("9(1)(j)", True if f.detention_type else f.detained)
    if not c.triggered:
        return c
    t = f.detention_type
    fail = {"remand": "Remand is not a sentence of detention; remand is coded Y5 and the pupil stays on roll.",
            "police": "Police detention is not a sentence of detention; it is coded Y5 and the pupil stays on roll."}
    c.need("The pupil is detained under a sentence of detention (not remand or police detention)",
           None if t is None else t == "sentence", S.REG_9_1_J, key="detention_type",
           fail=fail.get(t or "", ""), todo="Record code Y5 while the pupil is detained (reg 10(14)).")
    if t == "sentence":
        c.need("The school has no reasonable grounds to believe the pupil will attend after the sentence",
               not_(f.reasonable_grounds_will_return), S.REG_9_1_J, key="reasonable_grounds_will_return",
               fail="The school expects the pupil to return after the sentence.",
               todo="Keep the pupil on roll and record code Y5 while detained.")
    return c


def check_f(f: Facts, ctx: Ctx) -> Check:
    notice = f.home_education_notice
    trig = True if notice in ("written", "verbal_only") or f.home_education_intended else (
        False if notice == "none" else None)
    c = Check("9(1)(f)", trig)
    if not trig:
        return c
    c.need("A parent has told the school in writing that the pupil will be educated otherwise than at school",
           None if notice is None else notice == "written", S.REG_9_1_F, key="home_education_notice",
           fail=("A verbal statement of home education is not enough: it must be in writing."
                 if notice == "verbal_only" else "The parent has not given notice of home education in writing."),
           todo="Ask the parent to confirm in writing, and consider telling the LA now.")
    last = f.home_education_last_day
    if notice == "written":
        ok = None if last is None else last < ctx.today
        c.need("The last day the parent named has passed", ok, S.REG_9_1_F_I, key="home_education_last_day",
               fail=(f"The last day the parent named ({format_uk(last)}) has not passed yet." if last else ""),
               todo=(f"Delete the name from {format_uk(last + timedelta(days=1))}, the day after." if last else None))
        if ok is False and last:
            c.not_before = last + timedelta(days=1)
    no_sao(c, f, S.NO_SAO)
    return c


def check_a(f: Facts, ctx: Ctx) -> Check:
    c = Check("9(1)(a)", f.registered_at_another_school)
    if not f.registered_at_another_school:
        return c
    c.need("The pupil has been registered at another school", True, S.REG_9_1_A)
    c.need("The new school is known and has confirmed the registration", f.other_school_known,
           S.REG_9_1_A, soft=True,
           fail="The new school is not known, so registration elsewhere cannot be relied on (see 9(1)(g)).",
           todo="Confirm the new school, or consider 9(1)(g) if the pupil has moved away.")
    c.need("No school attendance order naming this school is in force", not_(f.sao_names_this_school),
           S.REG_9_1_A_I, key="sao_names_this_school", soft=not f.sao_served,
           fail="A school attendance order naming this school is in force (9(1)(a)(i)); the LA must amend it (9(1)(d)).",
           todo="Ask the LA that served the order to amend it to name the new school.")
    not_main_school_of_mobile_child(c, f, S.REG_9_1_A_II)
    c.need("Dual registration has not been agreed", not_(f.dual_registration_agreed), S.REG_9_1_A_III,
           soft=not f.other_school_is_alternative_provision, key="dual_registration_agreed",
           fail="Dual registration has been agreed, so 9(1)(a) does not apply (see 9(1)(c)).",
           todo="Keep both registrations; use 9(1)(c) when the pupil will no longer attend.")
    return c


def check_c(f: Facts, ctx: Ctx) -> Check:
    c = Check("9(1)(c)", f.also_registered_at_other_schools)
    if not f.also_registered_at_other_schools:
        return c
    c.need("The pupil is also registered at one or more other schools", True, S.REG_9_1_C)
    no_return(c, f)
    c.need("Every other school where the pupil is registered has consented to the deletion",
           f.other_schools_all_consented, S.REG_9_1_C_II, key="other_schools_all_consented",
           fail="Not every other school has consented to the deletion.",
           todo="Ask each other school for its consent.")
    no_sao(c, f, S.NO_SAO)
    not_main_school_of_mobile_child(c, f, S.REG_9_1_C_IV)
    return c


def check_b(f: Facts, ctx: Ctx) -> Check:
    c = Check("9(1)(b)", f.admitted_for_nursery)
    if not f.admitted_for_nursery:
        return c
    c.need("The pupil was admitted for nursery education", True, S.REG_9_1_B)
    c.need("They have completed nursery and would move up to reception or a higher class",
           f.nursery_completed_moving_to_reception, S.REG_9_1_B_I,
           key="nursery_completed_moving_to_reception",
           fail="The pupil has not completed nursery education.", todo=KEEP)
    no_return(c, f)
    return c


def check_l(f: Facts, ctx: Ctx) -> Check:
    c = Check("9(1)(l)", ctx.over_csa_next)
    if not ctx.over_csa_next:
        return c
    c.need("The pupil will be over compulsory school age by the next time the school meets", True, S.REG_9_1_L)
    ret, sixth = f.reasonable_grounds_will_return, f.meets_sixth_form_entry_requirements
    if ret is False:
        c.need("The school has no reasonable grounds to believe the pupil will attend again", True,
               S.NO_GROUNDS_WILL_ATTEND)
    elif sixth is False:
        c.need("The pupil does not meet the sixth form's academic entry requirements", True, S.REG_9_1_L_II)
    else:
        ok = False if (ret is True and sixth is True) else None
        c.need("Either no reasonable grounds to believe the pupil will attend again, or the pupil does "
               "not meet the sixth-form entry requirements", ok, S.REG_9_1_L_II,
               key="reasonable_grounds_will_return" if ret is None else "meets_sixth_form_entry_requirements",
               fail="The pupil is expected to stay on and meets the sixth-form entry requirements.",
               todo="The pupil stays on roll as a sixth-form pupil.")
    return c


def check_m(f: Facts, ctx: Ctx) -> Check:
    c = Check("9(1)(m)", f.board_and_lodging_unpaid_at_end_of_term)
    if not f.board_and_lodging_unpaid_at_end_of_term:
        return c
    c.need("The pupil is a boarder", f.boarder, S.REG_9_1_M, key="boarder",
           fail="The pupil is not a boarder.", todo=KEEP)
    st = f.school_type
    c.need("The school is maintained by a local authority or is an Academy",
           None if st is None else st in ("maintained", "academy"), S.REG_9_1_M_I, key="school_type",
           fail="9(1)(m) applies only to maintained schools and Academies (see 9(1)(n) for others).",
           todo="For an independent school, see whether the pupil has ceased to be a pupil (9(1)(n)).")
    c.need("Board and lodging charges payable by a parent remain unpaid at the end of the term",
           True, S.REG_9_1_M_III)
    return c


def check_n(f: Facts, ctx: Ctx) -> Check:
    c = Check("9(1)(n)", f.ceased_to_be_pupil)
    if not f.ceased_to_be_pupil:
        return c
    st = f.school_type
    c.need("The pupil has ceased to be a pupil at the school", True, S.REG_9_1_N)
    c.need("The school is neither maintained by a local authority nor an Academy",
           None if st is None else st in ("independent", "non_maintained_special"), S.REG_9_1_N,
           key="school_type",
           fail="9(1)(n) does not apply to maintained schools or Academies: one of the other grounds is needed.",
           todo="Work out why the pupil left and use the ground that fits.")
    return c


def check_g(f: Facts, ctx: Ctx) -> Check:
    trig = True if (f.moved_abroad or f.moved_away or f.lives_within_reasonable_distance is False) else None
    c = Check("9(1)(g)", trig)
    if not trig:
        return c
    lives = False if f.moved_abroad else f.lives_within_reasonable_distance
    c.need("The pupil no longer normally lives within a reasonable distance of the school"
           + (" (moved abroad)" if f.moved_abroad else ""), not_(lives), S.REG_9_1_G,
           key="lives_within_reasonable_distance",
           fail="The pupil still lives within a reasonable distance of the school.", todo=KEEP)
    c.need("The move is not just a temporary or occasional absence", not_(f.absence_is_temporary),
           S.REG_9_5_A, soft=True,
           fail="A temporary or occasional absence does not change where a pupil normally lives (9(5)(a)).",
           todo=KEEP)
    no_return(c, f)
    c.need("The pupil is not a boarder", not_(f.boarder), S.NOT_BOARDER, key="boarder", soft=not f.school_has_boarders,
           fail="Boarders cannot be deleted under 9(1)(g).", todo=KEEP)
    return c


def check_h(f: Facts, ctx: Ctx) -> Check:
    asked = f.leave_of_absence_given is None and not f.leave_end and bool(f.trip_with_return_date)
    c = Check("9(1)(h)", True if f.leave_end or asked else f.leave_of_absence_given)
    if not c.triggered:
        return c
    c.need("The pupil was given leave of absence", None if asked else True, S.REG_9_1_H, key="leave_of_absence_given")
    att, end = f.attended_within_10_school_days_after_leave, f.leave_end
    text = "The pupil has not attended within the 10 school days after the leave ended"
    if att is True:
        c.need(text, False, S.REG_9_1_H_I, fail="The pupil attended within 10 school days of the leave ending.",
               todo=KEEP)
    elif end is None:
        c.need(text, True if att is False else None, S.REG_9_1_H_I, key="leave_end")
    else:
        tenth = add_school_days(end, 10, ctx.calendar)
        if ctx.today <= tenth:
            c.not_before = tenth + timedelta(days=1)
            c.need(text + f" (day 10 is {format_uk(tenth)})", False, S.REG_9_1_H_I,
                   fail=f"The 10 school days after the leave ended have not all passed: day 10 is {format_uk(tenth)}.",
                   todo=f"If the pupil has not attended by the end of {format_uk(tenth)}, look again.")
        else:
            c.need(text + f" (day 10 was {format_uk(tenth)})", not_(att), S.REG_9_1_H_I,
                   key="attended_within_10_school_days_after_leave")
    not_sick(c, f)
    joint(c, f)
    return c


def check_i(f: Facts, ctx: Ctx) -> Check:
    trig = f.continuously_absent
    if ctx.absence_days is not None or f.first_day_of_absence or f.absence_codes is not None:
        trig = True
    c = Check("9(1)(i)", trig)
    if not trig:
        return c
    absence_days(c, f, ctx, "9(1)(i)")
    codes = f.absence_codes
    bad = sorted(set(codes) - GNO) if codes is not None else []
    c.need("Every session in the absence was coded G, N or O (no other code at any point)",
           None if codes is None else not bad, S.REG_9_1_I_I, key="absence_codes",
           fail=(f"Code(s) {', '.join(bad)} were used during the absence; 9(1)(i)(i) allows only G, N "
                 f"and O" + (" (code U, late after registers closed, is treated as breaking the run)"
                             if "U" in bad else "") + "."),
           todo="Start counting again from the first day of a run coded only G, N or O.")
    if codes and "N" in codes:
        c.notes.append("Code N must be replaced within 5 school days (reg 10(7)); check the run "
                       "again once every N has been resolved.")
    not_sick(c, f)
    joint(c, f)
    return c


def check_medical(f: Facts, ctx: Ctx) -> Check:
    c = Check("none (2006 8(1)(g))", f.medically_unfit_to_attend)
    if f.medically_unfit_to_attend:
        c.need("A medical ground for deletion", False, S.REG_9_1,
               fail="There is no medical ground since 2024 (the 2006 ground 8(1)(g) was not carried over).",
               todo="Keep the pupil on roll, record code I, make a sickness return (reg 13(9)) and ask "
                    "the LA about education under s. 19.")
    return c


# --- 9(3): pupils not of compulsory school age ----------------------------------------

def check_3c(f: Facts, ctx: Ctx) -> Check:
    trig = f.continuously_absent
    if ctx.absence_days is not None or f.first_day_of_absence or f.absence_codes is not None:
        trig = True
    c = Check("9(3)(c)", trig)
    if not trig:
        return c
    absence_days(c, f, ctx, "9(3)(c)")
    with_leave = f.absent_with_leave_during_run
    if with_leave is None and f.absence_codes is not None:
        with_leave = bool(set(f.absence_codes) & WITH_LEAVE_CODES)
    c.need("The pupil was not absent with leave at any point in that period", not_(with_leave),
           S.REG_9_3_C_I, key="absent_with_leave_during_run",
           fail="The pupil was absent with leave during the period.", todo=KEEP)
    not_sick(c, f)
    out = f.school_enquiries_outcome or {"not_found": "not_found",
                                         "found_and_agree_wont_return": "found_wont_return",
                                         "found_will_return": "found_will_return"}.get(f.joint_enquiries_outcome or "")
    made = True if out else (f.school_enquiries_made if f.school_enquiries_made is not None
                             else f.joint_enquiries_made)
    c.need("The school has made reasonable efforts to find the pupil's location and circumstances",
           made, S.REG_9_3_C_III, key="school_enquiries_made",
           fail="The school has not yet made reasonable efforts to find the pupil.",
           todo="Make reasonable enquiries (calls, contacts, home visit) and record them.")
    if made:
        c.need("The enquiries did not find the pupil, or found them and there are no reasonable "
               "grounds to believe they will attend again",
               None if out is None else out != "found_will_return", S.REG_9_3_C_BB,
               key="school_enquiries_outcome", fail="The pupil was found and is expected to return.",
               todo=KEEP)
    return c


def check_3b(f: Facts, ctx: Ctx) -> Check:
    c = Check("9(3)(b)", True if f.boarder else (False if f.boarder is False else None))
    if f.boarder:
        c.need("The pupil is a boarder", True, S.REG_9_3_B)
        c.need("The pupil has ceased to be a pupil at the school", f.ceased_to_be_pupil, S.REG_9_3_B,
               key="ceased_to_be_pupil", fail="The boarder is still a pupil at the school.", todo=KEEP)
    return c


def check_3a(f: Facts, ctx: Ctx) -> Check:
    trig = None if f.reasonable_grounds_will_return is None else True
    if f.boarder:
        trig = False
    c = Check("9(3)(a)", trig)
    if trig:
        c.need("The pupil is not a boarder", not_(f.boarder), S.REG_9_3_A, key="boarder", soft=not f.school_has_boarders)
        c.need("The school has no reasonable grounds to believe the pupil will attend again",
               not_(f.reasonable_grounds_will_return), S.REG_9_3_A, key="reasonable_grounds_will_return",
               fail="The school has reasonable grounds to believe the pupil will attend again.", todo=KEEP)
    return c


CHECKS = {
    "9(1)(a)": check_a, "9(1)(b)": check_b, "9(1)(c)": check_c, "9(1)(d)": check_d,
    "9(1)(e)": check_e, "9(1)(f)": check_f, "9(1)(g)": check_g, "9(1)(h)": check_h,
    "9(1)(i)": check_i, "9(1)(j)": check_j, "9(1)(k)": check_k, "9(1)(l)": check_l,
    "9(1)(m)": check_m, "9(1)(n)": check_n, "9(1)(o)": check_o,
    "9(3)(a)": check_3a, "9(3)(b)": check_3b, "9(3)(c)": check_3c,
    "9(3)(d)": lambda f, ctx: check_k(f, ctx, "9(3)(d)"),
    "9(3)(e)": lambda f, ctx: check_o(f, ctx, "9(3)(e)"),
}
