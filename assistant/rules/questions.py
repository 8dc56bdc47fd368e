"""The questions the leaver-reason engine can ask, and turning quick replies into facts.

Each question's ``key`` is a ``Facts`` field, except ``situation`` (the opening
question when nothing points to a ground yet). ``answer_question(facts, key, reply)``
applies a quick reply (one of the question's ``options``) and returns new ``Facts``;
"Not known" leaves the fact unknown.
"""

from __future__ import annotations

from typing import Any

from .errors import InvalidInput
from .facts import Facts
from .outcomes import Question

__all__ = ["QUESTIONS", "question", "answer_question", "SITUATION_KEY"]

YN = ("Yes", "No", "Not known")
_YN_VALUES = {"Yes": True, "No": False, "Not known": None}
SITUATION_KEY = "situation"

# key -> (text, options, {option: value}, why)
_Q: dict[str, tuple[str, tuple[str, ...], dict[str, Any], str]] = {
    "of_compulsory_school_age": (
        "Is the pupil of compulsory school age (from the term after their 5th birthday to the last "
        "Friday in June of Year 11)? If you are not sure, give their date of birth.",
        YN, _YN_VALUES, "Pupils not of compulsory school age are deleted under 9(3), not 9(1)."),
    SITUATION_KEY: (
        "What is happening with the pupil?",
        ("Registered at another school", "Home education", "Moved away or abroad",
         "Not back after leave of absence", "Absent for a long time", "Permanently excluded",
         "Detained (custody)", "Leaving at the end of Year 11", "Died", "Something else"),
        {"Registered at another school": {"registered_at_another_school": True},
         "Home education": {"home_education_intended": True},
         "Moved away or abroad": {"moved_away": True},
         "Not back after leave of absence": {"leave_of_absence_given": True},
         "Absent for a long time": {"continuously_absent": True},
         "Permanently excluded": {"permanently_excluded": True},
         "Detained (custody)": {"detained": True},
         "Leaving at the end of Year 11": {"over_csa_by_next_school_day": True},
         "Died": {"died": True},
         "Something else": {}},
        "Each deletion ground starts from a different situation."),
    "leave_of_absence_given": (
        "Did the school give leave of absence for this time away (an authorised absence)?", YN, _YN_VALUES,
        "With leave, 9(1)(h) applies 10 school days after the leave ends; without it, 9(1)(i) needs "
        "20 school days of continuous absence."),
    "registered_at_another_school": (
        "Has another school confirmed that the pupil is now on its admission register?", YN,
        _YN_VALUES, "Ground 9(1)(a) needs registration at another school."),
    "other_school_known": ("Do you know which school the pupil has moved to?", YN, _YN_VALUES,
                           "Without a known school, 9(1)(a) cannot be relied on."),
    "sao_names_this_school": ("Is a school attendance order naming your school in force?", YN,
                              _YN_VALUES, "An SAO naming the school blocks 9(1)(a), (c) and (f)."),
    "sao_amended_to_other_school": (
        "Has the local authority amended the school attendance order to name another school? (If it "
        "revoked the order because education otherwise than at school has been arranged, say so.)",
        YN, _YN_VALUES,
        "While an order naming the school is in force, the pupil stays on roll until the LA amends it "
        "to name another school (9(1)(d)) or revokes it (9(1)(e))."),
    "mobile_child": ("Is the pupil a mobile child (no fixed abode; the family travels for work)?",
                     YN, _YN_VALUES, "A mobile child's main school keeps them on roll."),
    "this_is_main_school": ("Is your school the pupil's main school (attended in the last 18 months "
                            "when the family was not travelling)?", YN, _YN_VALUES, "reg 9(4)"),
    "dual_registration_agreed": ("Has the school agreed that the pupil should be registered at more "
                                 "than one school (dual registration)?", YN, _YN_VALUES, "9(1)(a)(iii)"),
    "other_schools_all_consented": ("Has every other school where the pupil is registered consented "
                                    "to the deletion?", YN, _YN_VALUES, "9(1)(c)(ii)"),
    "home_education_notice": (
        "Has a parent told the school that the pupil will be home educated? In writing, or only "
        "verbally?", ("In writing", "Only verbally", "No"),
        {"In writing": "written", "Only verbally": "verbal_only", "No": "none"},
        "Ground 9(1)(f) needs the parent's notice in writing."),
    "home_education_last_day": ("What day did the parent say would be the pupil's last day at "
                                "school? (for example 14/03/2025)", (), {}, "9(1)(f)(i)"),
    "lives_within_reasonable_distance": (
        "Does the pupil still normally live within a reasonable distance of the school?", YN,
        _YN_VALUES, "Ground 9(1)(g)."),
    "moved_abroad": ("Has the family moved abroad?", YN, _YN_VALUES, "Ground 9(1)(g)."),
    "reasonable_grounds_will_return": (
        "Does the school have reasonable grounds to believe the pupil will attend the school again? "
        "(If enquiries have not been made yet, make them first.)", YN, _YN_VALUES,
        "Most grounds need the school to have no reasonable grounds to believe the pupil will return."),
    "leave_end": ("What was the last day of the leave of absence? (for example 14/03/2025)", (), {},
                  "The 10 school days of 9(1)(h) start after the leave ends."),
    "attended_within_10_school_days_after_leave": (
        "Did the pupil attend school at any time in the 10 school days after the leave ended?", YN,
        _YN_VALUES, "9(1)(h)(i)"),
    "continuous_absence_school_days": (
        "For how many school days in a row has the pupil been absent? (Or give the first day of "
        "absence.)", (), {}, "Grounds 9(1)(i) and 9(3)(c) need at least 20."),
    "absence_codes": (
        "Which attendance codes were used during the absence?",
        ("Only G, N or O", "Other codes too (for example U, I, C)", "Not known"),
        {"Only G, N or O": ("G", "N", "O"), "Other codes too (for example U, I, C)": ("U",),
         "Not known": None},
        "9(1)(i)(i): only G, N and O are allowed throughout the 20 days."),
    "reasonable_grounds_sick_or_unavoidable": (
        "Is there any reason to think the pupil is absent because of illness or another unavoidable "
        "cause?", YN, _YN_VALUES, "9(1)(h)(ii), (i)(ii), 9(3)(c)(ii)"),
    "joint_enquiries_made": (
        "Have the school and the local authority together made reasonable efforts to find the "
        "pupil?", YN, _YN_VALUES, "9(1)(h)(iii), (i)(iii): joint enquiries are required."),
    "joint_enquiries_outcome": (
        "What did the joint enquiries find?",
        ("Not found", "Found; school and LA agree they won't return", "Found; they will return"),
        {"Not found": "not_found", "Found; school and LA agree they won't return":
         "found_and_agree_wont_return", "Found; they will return": "found_will_return"}, ""),
    "school_enquiries_made": ("Has the school made reasonable efforts to find the pupil?", YN,
                              _YN_VALUES, "9(3)(c)(iii)"),
    "school_enquiries_outcome": (
        "What did the school's enquiries find?",
        ("Not found", "Found; won't return", "Found; will return"),
        {"Not found": "not_found", "Found; won't return": "found_wont_return",
         "Found; will return": "found_will_return"}, ""),
    "absent_with_leave_during_run": ("Was the pupil absent with leave at any point in the 20 days?",
                                     YN, _YN_VALUES, "9(3)(c)(i)"),
    "detention_type": (
        "What kind of detention is it?",
        ("Sentence of detention", "Remand", "Police detention"),
        {"Sentence of detention": "sentence", "Remand": "remand", "Police detention": "police"},
        "Only a sentence of detention can lead to 9(1)(j)."),
    "meets_sixth_form_entry_requirements": (
        "Does the pupil meet the academic entry requirements for the school's sixth form?", YN,
        _YN_VALUES, "9(1)(l)(ii)"),
    "boarder": ("Is the pupil a boarder?", YN, _YN_VALUES, ""),
    "school_type": (
        "What kind of school is it?",
        ("Maintained by the LA", "Academy", "Independent", "Non-maintained special school"),
        {"Maintained by the LA": "maintained", "Academy": "academy", "Independent": "independent",
         "Non-maintained special school": "non_maintained_special"}, "9(1)(m), (n)"),
    "ceased_to_be_pupil": ("Has the pupil stopped being a pupil at the school?", YN, _YN_VALUES, ""),
    "nursery_completed_moving_to_reception": (
        "Has the pupil finished nursery, so that they would move up to reception?", YN, _YN_VALUES,
        "9(1)(b)(i)"),
    "exclusion_status": (
        "Where is the permanent exclusion now?",
        ("Parent said in writing: no review", "Review deadline passed, none sought",
         "Review upheld", "Reconsidered: not reinstated", "Review abandoned",
         "Review pending or time not up", "Reinstated"),
        {"Parent said in writing: no review": "no_review_stated_in_writing",
         "Review deadline passed, none sought": "review_deadline_passed",
         "Review upheld": "review_upheld", "Reconsidered: not reinstated": "reconsidered_not_reinstated",
         "Review abandoned": "review_abandoned", "Review pending or time not up": "pending",
         "Reinstated": "reinstated"},
        "A permanent exclusion takes effect only when the review process is over (9(5)(c))."),
    "la_consent_to_deletion": (
        "Has the local authority that arranged the special school place consented to the deletion?",
        ("Consent given", "Consent refused", "Not asked yet"),
        {"Consent given": "given", "Consent refused": "refused", "Not asked yet": "not_asked"},
        "reg 9(2)(b)"),
    "secretary_of_state_directed_deletion": (
        "Has the Secretary of State directed that the pupil's name be deleted?", YN, _YN_VALUES,
        "reg 9(2)(c)"),
}


def question(key: str) -> Question:
    text, options, _, why = _Q[key]
    return Question(key=key, text=text, options=options, why=why)


QUESTIONS: dict[str, Question] = {k: question(k) for k in _Q}


def answer_question(facts: Facts, key: str, reply: Any) -> Facts:
    """Apply a quick reply to ``facts``. Free-text keys (dates, numbers) take the value itself."""
    if key not in _Q:
        raise InvalidInput(f"There is no question '{key}'.")
    _, options, values, _ = _Q[key]
    if key == SITUATION_KEY:
        if reply not in values:
            raise InvalidInput(f"Answer one of: {', '.join(options)}.")
        return facts.with_(**values[reply]) if values[reply] else facts
    if options:
        if reply not in values:
            raise InvalidInput(f"Answer one of: {', '.join(options)}.")
        return facts.with_(**{key: values[reply]})
    return facts.with_(**{key: reply})
