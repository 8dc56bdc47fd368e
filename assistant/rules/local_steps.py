"""Authority-specific steps found in the corpus documents.

Two kinds of data, both cited verbatim:

* ``LOCAL_RULES``: local deadlines (``RuleSpec`` with ``statutory=False``), some of them
  local versions of a statutory rule (``variant_of``), so both can be shown side by side.
* ``local_actions(authority, code, due)``: the forms and documents an authority asks for
  when a pupil is deleted on a given ground, and ``local_notes`` for points where a local
  document differs from the Regulations.

Where a document gives a number of "days" without saying which kind, the rule says how
it has been read (``note``).
"""

from __future__ import annotations

from datetime import date

from . import sources as S
from .outcomes import Action
from .rule_spec import RuleSpec

__all__ = ["LOCAL_RULES", "local_actions", "local_notes"]

WORCS, BD, NORFOLK, DERBYS = "Worcestershire", "Barking and Dagenham", "Norfolk", "Derbyshire"
_DAYS_UNSPECIFIED = ("The document says '{n} days' without saying which kind; they are "
                     "counted here as {kind}.")

LOCAL_RULES: tuple[RuleSpec, ...] = (
    # --- Worcestershire (LA guide, Appendix C) ---
    RuleSpec("worcestershire.joiner_form_5_days", "Worcestershire: pupil joiner form within 5 days",
             "calendar_days_after", 5, "the day the child is put on roll", False,
             (S.WORCS_JOINER_5_DAYS,), WORCS, "authority", "new_pupil_return",
             _DAYS_UNSPECIFIED.format(n=5, kind="calendar days, as in reg 13(1)")),
    RuleSpec("worcestershire.leaver_form", "Worcestershire: leaver form (says within five days)",
             "calendar_days_after", 5, "the day the name is taken off the admission register",
             False, (S.WORCS_NOTIFY_ADDED_OR_TAKEN_OFF, S.WORCS_LEAVER_INFO), WORCS, "authority",
             "deletion_return",
             ("Appendix C says 'within five days' of a name being taken off, but the policy's "
              "own para 6.1 and reg 13(4) require the information no later than the deletion "
              "itself: send it on the day of deletion; the five days is not extra time.")),
    RuleSpec("worcestershire.absence_notification_10_days",
             "Worcestershire: Absence and Irregular Attendance Form at 10 days continuous absence",
             "school_day_of_run", 10, "the first day of continuous absence", False,
             (S.WORCS_ABSENCE_10_DAYS,), WORCS, "authority", "attendance_return_10_school_days",
             ("Unlike reg 13(7), Worcestershire asks for authorised as well as unauthorised "
              "absence, and for pupils likely to be off ill for more than 15 days. "
              + _DAYS_UNSPECIFIED.format(n=10, kind="school days"))),
    # --- The Aspire Academy (a Worcestershire school) ---
    RuleSpec("aspire.day_1_contact", "Aspire Academy: day 1 - SMS and calls to all contacts",
             "school_day_of_run", 1, "the first day of absence with no contact from parents",
             False, (S.ASPIRE_DAY1,), WORCS, "school"),
    RuleSpec("aspire.day_2_home_visit", "Aspire Academy: day 2 - safe and well home visit",
             "school_day_of_run", 2, "the first day of absence with no contact from parents",
             False, (S.ASPIRE_DAY2,), WORCS, "school",
             "Taken on day 1 instead if there is a safeguarding concern or the pupil is looked after."),
    RuleSpec("aspire.day_3_police", "Aspire Academy: day 3 - second visit, then report missing to police",
             "school_day_of_run", 3, "the first day of absence with no contact from parents",
             False, (S.ASPIRE_DAY3,), WORCS, "school"),
    RuleSpec("aspire.day_5_home_visit", "Aspire Academy: day 5 of absence - home visit",
             "school_day_of_run", 5, "the first day of absence (parents in contact)",
             False, (S.ASPIRE_DAY5,), WORCS, "school",
             _DAYS_UNSPECIFIED.format(n=5, kind="school days (days of absence from school)")),
    RuleSpec("aspire.strategy_meeting_5_working_days",
             "Aspire Academy: strategy meeting if not traced within 5 working days",
             "working_days_after", 5, "the day the child was found to be missing", False,
             (S.ASPIRE_STRATEGY,), WORCS, "school"),
    RuleSpec("aspire.absence_notification_10_days",
             "Aspire Academy: notify the LA at 10 days continuous absence",
             "school_day_of_run", 10, "the first day of continuous absence", False,
             (S.ASPIRE_ABSENCE_10_DAYS,), WORCS, "school", "attendance_return_10_school_days",
             _DAYS_UNSPECIFIED.format(n=10, kind="school days")),
    # --- Derbyshire ---
    RuleSpec("derbyshire.cme_referral_day_11", "Derbyshire: refer to the CME Co-ordinator by day 11",
             "school_day_of_run", 11, "the first day of absence", False,
             (S.DERBYS_DAY_11,), DERBYS, "authority", None,
             ("'Day 11' is read as the 11th school day of absence, day 1 being the first day of "
              "absence; refer earlier if there are concerns.")),
    RuleSpec("derbyshire.cmj_joiner_form_5_days", "Derbyshire: Children Missing joiners form (CMJ) within 5 days",
             "calendar_days_after", 5, "the day the child is placed on roll", False,
             (S.DERBYS_CMJ,), DERBYS, "authority", "new_pupil_return",
             _DAYS_UNSPECIFIED.format(n=5, kind="calendar days, as in reg 13(1)")),
    RuleSpec("derbyshire.cml_leaver_form", "Derbyshire: Children Missing Leaver form (CML) before removal",
             "on_event", 0, "the day the name is to be removed (send it before removing)", False,
             (S.DERBYS_CML,), DERBYS, "authority", "deletion_return",
             "The policy asks secondary schools (including academies, independent and free "
             "schools) to send the CML before the name is removed."),
    RuleSpec("derbyshire.no_removal_before_20_school_days",
             "Derbyshire: missing children not normally removed before 20 school days",
             "school_day_of_run", 20, "the first day of continuous absence", False,
             (S.DERBYS_20_DAYS,), DERBYS, "authority", "absence_20_school_days"),
    # --- Barking and Dagenham ---
    RuleSpec("barking_dagenham.admissions_5_days", "Barking and Dagenham: tell Admissions within 5 days of enrolling",
             "calendar_days_after", 5, "the day the child is enrolled", False,
             (S.BD_ADMISSIONS_5_DAYS,), BD, "authority", "new_pupil_return",
             _DAYS_UNSPECIFIED.format(n=5, kind="calendar days, as in reg 13(1)")),
    RuleSpec("barking_dagenham.allocation_list_20_days",
             "Barking and Dagenham: escalate if on the allocation list for 20 days",
             "calendar_days_after", 20, "the day the child was put on the allocation list", False,
             (S.BD_ALLOCATION_20_DAYS,), BD, "authority", None,
             _DAYS_UNSPECIFIED.format(n=20, kind="calendar days (an Admissions list, not a school register)")),
    RuleSpec("barking_dagenham.long_term_cme_6_months",
             "Barking and Dagenham: open CME case becomes long-term CME at 6 months",
             "calendar_months_after", 6, "the day the CME case was opened", False,
             (S.BD_LONG_TERM_6_MONTHS,), BD, "authority"),
    # --- Norfolk (Riverside Federation) ---
    RuleSpec("norfolk.riverside_report_20_days",
             "Riverside Federation (Norfolk): report as missing education after 20 days",
             "school_day_of_run", 20, "the first day the pupil did not return", False,
             (S.RIVERSIDE_20_DAYS,), NORFOLK, "authority", "absence_20_school_days",
             (_DAYS_UNSPECIFIED.format(n=20, kind="school days, as in reg 9(1)(i)")
              + " Taking the pupil off roll still needs every condition of 9(1)(i), "
                "including joint enquiries with the LA.")),
    RuleSpec("norfolk.riverside_no_named_school_20_days",
             "Riverside Federation (Norfolk): no named school after 20 days - report as CME",
             "school_day_of_run", 20, "the first school day after the pupil left without a named school",
             False, (S.RIVERSIDE_20_DAYS_NO_SCHOOL,), NORFOLK, "authority", None,
             _DAYS_UNSPECIFIED.format(n=20, kind="school days")),
)

# grounds whose destination (or whereabouts) may be unknown
_UNKNOWN_DESTINATION = {"9(1)(g)", "9(1)(h)", "9(1)(i)", "9(3)(c)"}
_WORCS_CHECKLIST = {"9(1)(a)", "9(1)(b)", "9(1)(d)", "9(1)(e)", "9(1)(f)", "9(1)(g)",
                    "9(1)(h)", "9(1)(i)", "9(1)(n)", "9(1)(o)"}


def _a(title: str, detail: str, srcs, authority: str, due: date | None,
       due_text: str = "no later than the deletion") -> Action:
    return Action(title=title, detail=detail, statutory=False, sources=tuple(srcs),
                  due=due, due_text=due_text, authority=authority)


def local_actions(authority: str | None, code: str, due: date | None,
                  *, moved_abroad: bool = False) -> tuple[Action, ...]:
    """The authority's own forms and documents for a deletion on ``code``."""
    out: list[Action] = []
    if authority == WORCS:
        if code != "9(1)(l)":
            out.append(_a("Worcestershire leaver form",
                          "Complete the leaver form on the Children's Services Portal ('In Year "
                          "Admissions and Transfers'), giving the reason for leaving.",
                          (S.WORCS_PORTAL, S.WORCS_LEAVER_INFO), WORCS, due))
        if code in _WORCS_CHECKLIST:
            out.append(_a("De-rolling checklist", "Attach a de-rolling checklist.",
                          (S.WORCS_DEROLLING,), WORCS, due))
        extra = {
            "9(1)(d)": [("Copy of the LA's letter amending the SAO", S.WORCS_D_LETTER)],
            "9(1)(e)": [("Copy of the LA's letter revoking the SAO", S.WORCS_E_LETTER)],
            "9(1)(f)": [("Parent's letter about home education", S.WORCS_F_LETTER),
                        ("EHE exit form (where completed)", S.WORCS_F_EXIT_FORM)],
            "9(1)(o)": [("Copy of the permanent exclusion letter", S.WORCS_O_LETTER)],
            "9(3)(a)": [("Copy of the parent's letter", S.WORCS_3A_LETTER)],
            "9(3)(c)": [("Correspondence and unanswered 'place at risk' letter", S.WORCS_3C_LETTER)],
        }.get(code, [])
        for title, src in extra:
            out.append(_a(title, f"Attach: {title.lower()}.", (src,), WORCS, due))
        if code == "9(1)(g)":
            out.append(_a("CTF to the Lost Pupil Database",
                          "Upload the pupil's CTF to the Lost Pupil Database via S2S and tell the "
                          "new LA's CME team if appropriate.", (S.WORCS_G_CTF,), WORCS, due))
        if code in ("9(1)(h)", "9(1)(i)"):
            out.append(_a("LA agreement to the reason",
                          "Worcestershire must agree that this reason is appropriate before it "
                          "is used.", (S.WORCS_LA_MUST_AGREE,), WORCS, due, "before the deletion"))
    elif authority == DERBYS:
        out.append(_a("Children Missing Leaver form (CML)",
                      "Secondary schools, academies, independent and free schools: send the CML "
                      "securely to the CME team before removing the name (primary schools' "
                      "leavers are collected daily through school2school).",
                      (S.DERBYS_CML,), DERBYS, due, "before the deletion"))
        if code == "9(1)(f)":
            out.append(_a("Tell the Elective Home Education Team",
                          "Inform the LA's EHE Team before removal (in Year 11, let the EHE Team "
                          "consult the parents first).", (S.DERBYS_EHE,), DERBYS, due,
                          "before the deletion"))
        if code in _UNKNOWN_DESTINATION:
            srcs = [S.DERBYS_CME_REFERRAL] + ([S.DERBYS_OUTSIDE_ENGLAND] if moved_abroad else [])
            out.append(_a("CME referral form",
                          "If the pupil's whereabouts or destination school are not known, send a "
                          "CME referral form to the CME Co-ordinator.", srcs, DERBYS, due,
                          "as soon as the whereabouts or new school are not known"))
    elif authority == NORFOLK:
        if code in _UNKNOWN_DESTINATION:
            out.append(_a("Report to the LA",
                          "A pupil leaving without a named school is reported to the LA; if there "
                          "is still no named school after 20 days, as missing education.",
                          (S.RIVERSIDE_NO_NAMED_SCHOOL, S.RIVERSIDE_20_DAYS_NO_SCHOOL), NORFOLK,
                          due, "when the pupil leaves without a named school"))
    elif authority == BD:
        out.append(_a("Borough removal procedure",
                      "Follow the borough's 'Legal and borough procedures for adding or removing a "
                      "child's name from the roll of a school'.", (S.BD_REMOVAL_PROCEDURE,), BD,
                      due, "before the deletion"))
        if code in _UNKNOWN_DESTINATION:
            out.append(_a("CME referral to the CME Officer",
                          "The pupil is leaving with no known education destination: inform the "
                          "CME Officer.", (S.BD_NO_DESTINATION, S.BD_INFORM_CME_OFFICER), BD, due,
                          "as soon as the destination is not known"))
    return tuple(out)


def local_notes(authority: str | None, code: str) -> tuple[tuple[str, tuple], ...]:
    """(note, sources) pairs where a local document needs a word of explanation."""
    notes: list[tuple[str, tuple]] = []
    if authority == WORCS:
        if code == "9(1)(o)":
            notes.append((
                "Worcestershire's Appendix C heads the permanent-exclusion reason '9(1)(a)' but "
                "its own list says 9(1)(o); the regulation is 9(1)(o).",
                (S.WORCS_O_HEADING, S.WORCS_O_LIST)))
        if code == "9(1)(a)":
            notes.append((
                "Worcestershire: do not use 9(1)(a) if you do not know the new school; use "
                "9(1)(g) if it fits.", (S.WORCS_A_UNKNOWN_SCHOOL,)))
        if code == "9(1)(j)":
            notes.append((
                "The Aspire Academy's policy still speaks of custody 'for a period of more than "
                "four months'; that was the 2006 rule. Since 2024 there is no minimum length.",
                (S.ASPIRE_FOUR_MONTHS,)))
        if code in ("9(3)(a)", "9(3)(c)"):
            notes.append(("Worcestershire also needs LA permission in special cases (EHCP, CLA, "
                          "CP, CIN).", (S.WORCS_3_SPECIAL,)))
        if code == "9(1)(g)":
            notes.append(("Worcestershire uses 9(1)(g) for a pupil moving out of the country, "
                          "whether or not the new school is known.", (S.WORCS_G_ABROAD,)))
    if authority == NORFOLK and code in ("9(1)(i)", "9(3)(c)"):
        notes.append((
            "The Riverside Federation policy says a pupil who does not return after 20 days is "
            "'taken off roll'; under 9(1)(i) that still needs G/N/O-only coding and joint "
            "enquiries with the LA.", (S.RIVERSIDE_20_DAYS,)))
    if authority == DERBYS:
        if code in ("9(1)(i)",):
            notes.append(("Derbyshire: missing children are not normally removed before 20 "
                          "school days and joint school/LA enquiries.", (S.DERBYS_20_DAYS,)))
        notes.append(("Derbyshire's policy still points to the 2006 Regulations; the grounds "
                      "are now in the 2024 Regulations (letters changed).", (S.DERBYS_2006,)))
    return tuple(notes)
