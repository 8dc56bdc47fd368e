"""decide_leaver_reason: every ground reached from facts, and a near miss for each."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.rules import (
    Facts, Ground, ImpossibleFacts, InvalidInput, NeedsFacts, NoGround, UnknownAuthority,
    answer_question, decide_leaver_reason, facts_from_mapping,
)

TODAY = date(2025, 3, 10)  # a Monday


def csa(**kw) -> Facts:
    return Facts(of_compulsory_school_age=True, **kw)


def not_csa(**kw) -> Facts:
    return Facts(of_compulsory_school_age=False, **kw)


ABSENT_25 = dict(continuous_absence_school_days=25, absence_codes=("G", "N", "O"),
                 reasonable_grounds_sick_or_unavoidable=False)
MOVED_ABROAD = dict(moved_abroad=True, reasonable_grounds_will_return=False)

# (id, facts, today, expected code, expected gateway)
REACH = [
    ("reach-9(1)(a)", csa(registered_at_another_school=True, other_school_known=True,
                          sao_names_this_school=False, mobile_child=False, dual_registration_agreed=False),
     TODAY, "9(1)(a)", None),
    ("reach-9(1)(a)-exceptions-unconfirmed", csa(registered_at_another_school=True), TODAY, "9(1)(a)", None),
    ("reach-9(1)(a)-ap-not-dual", csa(registered_at_another_school=True, other_school_is_alternative_provision=True,
                                      dual_registration_agreed=False), TODAY, "9(1)(a)", None),
    ("reach-9(1)(b)", csa(admitted_for_nursery=True, nursery_completed_moving_to_reception=True,
                          reasonable_grounds_will_return=False), TODAY, "9(1)(b)", None),
    ("reach-9(1)(c)", csa(also_registered_at_other_schools=True, reasonable_grounds_will_return=False,
                          other_schools_all_consented=True), TODAY, "9(1)(c)", None),
    ("reach-9(1)(d)-preferred-over-(a)", csa(sao_amended_to_other_school=True,
                                             registered_at_another_school=True, other_school_known=True),
     TODAY, "9(1)(d)", None),
    ("reach-9(1)(e)", csa(sao_revoked_for_education_otherwise=True), TODAY, "9(1)(e)", None),
    ("reach-9(1)(f)", csa(home_education_notice="written", home_education_last_day=date(2025, 3, 7),
                          sao_names_this_school=False), TODAY, "9(1)(f)", None),
    ("reach-9(1)(g)-moved-abroad", csa(**MOVED_ABROAD, other_school_known=False), TODAY, "9(1)(g)", None),
    ("reach-9(1)(g)-moved-away", csa(moved_away=True, lives_within_reasonable_distance=False,
                                     reasonable_grounds_will_return=False, boarder=False), TODAY, "9(1)(g)", None),
    ("reach-9(1)(h)", csa(leave_of_absence_given=True, leave_start=date(2025, 1, 27), leave_end=date(2025, 2, 14),
                          attended_within_10_school_days_after_leave=False,
                          reasonable_grounds_sick_or_unavoidable=False, joint_enquiries_outcome="not_found"),
     TODAY, "9(1)(h)", None),
    ("reach-9(1)(i)-not-found", csa(**ABSENT_25, joint_enquiries_made=True, joint_enquiries_outcome="not_found"),
     TODAY, "9(1)(i)", None),
    ("reach-9(1)(i)-found-agree", csa(**ABSENT_25, joint_enquiries_outcome="found_and_agree_wont_return"),
     TODAY, "9(1)(i)", None),
    ("reach-9(1)(i)-from-first-day", csa(first_day_of_absence=date(2025, 2, 3), absence_codes=("O",),
                                         reasonable_grounds_sick_or_unavoidable=False,
                                         joint_enquiries_outcome="not_found"), TODAY, "9(1)(i)", None),
    ("reach-9(1)(j)", csa(detained=True, detention_type="sentence", reasonable_grounds_will_return=False),
     TODAY, "9(1)(j)", None),
    ("reach-9(1)(k)", csa(died=True, date_of_death=date(2025, 3, 1)), TODAY, "9(1)(k)", None),
    ("reach-9(1)(l)-from-dob", Facts(date_of_birth=date(2009, 5, 1), reasonable_grounds_will_return=False),
     date(2025, 6, 27), "9(1)(l)", None),
    ("reach-9(1)(l)-sixth-form-requirements", csa(over_csa_by_next_school_day=True,
                                                  reasonable_grounds_will_return=True,
                                                  meets_sixth_form_entry_requirements=False), TODAY, "9(1)(l)", None),
    ("reach-9(1)(m)", csa(boarder=True, school_type="academy", board_and_lodging_unpaid_at_end_of_term=True),
     TODAY, "9(1)(m)", None),
    ("reach-9(1)(n)", csa(ceased_to_be_pupil=True, school_type="independent"), TODAY, "9(1)(n)", None),
    ("reach-9(1)(o)", csa(permanently_excluded=True, exclusion_status="review_deadline_passed"),
     TODAY, "9(1)(o)", None),
    ("reach-9(2)(a)-died-at-special-school", csa(died=True, special_school_la_arranged=True), TODAY,
     "9(1)(k)", "9(2)(a)"),
    ("reach-9(2)(b)-la-consent", csa(**MOVED_ABROAD, special_school_la_arranged=True,
                                     la_consent_to_deletion="given"), TODAY, "9(1)(g)", "9(2)(b)"),
    ("reach-9(2)(c)-sos-direction", csa(**MOVED_ABROAD, special_school_la_arranged=True,
                                        la_consent_to_deletion="refused",
                                        secretary_of_state_directed_deletion=True), TODAY, "9(1)(g)", "9(2)(c)"),
    ("reach-9(3)(a)", not_csa(boarder=False, reasonable_grounds_will_return=False), TODAY, "9(3)(a)", None),
    ("reach-9(3)(a)-nursery-from-dob", Facts(date_of_birth=date(2021, 6, 1), reasonable_grounds_will_return=False),
     TODAY, "9(3)(a)", None),
    ("reach-9(3)(b)", not_csa(boarder=True, ceased_to_be_pupil=True), TODAY, "9(3)(b)", None),
    ("reach-9(3)(c)", not_csa(continuous_absence_school_days=22, absence_codes=("O",),
                              reasonable_grounds_sick_or_unavoidable=False, school_enquiries_made=True,
                              school_enquiries_outcome="not_found"), TODAY, "9(3)(c)", None),
    ("reach-9(3)(d)", not_csa(died=True), TODAY, "9(3)(d)", None),
    ("reach-9(3)(e)", not_csa(permanently_excluded=True, exclusion_status="review_upheld"), TODAY, "9(3)(e)", None),
]

# (id, facts, today, code that must NOT be reached, kind expected, text expected in reasons/questions)
NEAR = [
    ("near-9(1)(a)-sao-in-force", csa(registered_at_another_school=True, other_school_known=True,
                                      sao_names_this_school=True), TODAY, "9(1)(a)", NoGround, "attendance order"),
    ("near-9(1)(a)-school-unknown", csa(registered_at_another_school=True, other_school_known=False),
     TODAY, "9(1)(a)", NoGround, "not known"),
    ("near-9(1)(a)-dual-registration", csa(registered_at_another_school=True, dual_registration_agreed=True),
     TODAY, "9(1)(a)", NoGround, "Dual registration"),
    ("near-9(1)(a)-mobile-main-school", csa(registered_at_another_school=True, mobile_child=True,
                                            this_is_main_school=True), TODAY, "9(1)(a)", NoGround, "main school"),
    ("near-9(1)(b)-will-return", csa(admitted_for_nursery=True, nursery_completed_moving_to_reception=True,
                                     reasonable_grounds_will_return=True), TODAY, "9(1)(b)", NoGround, "attend again"),
    ("near-9(1)(c)-no-consent", csa(also_registered_at_other_schools=True, reasonable_grounds_will_return=False,
                                    other_schools_all_consented=False), TODAY, "9(1)(c)", NoGround, "consented"),
    ("near-9(1)(d)-sao-not-amended", csa(sao_names_this_school=True, registered_at_another_school=True),
     TODAY, "9(1)(d)", NoGround, "amend"),
    ("near-9(1)(e)-ehe-but-sao-not-revoked", csa(home_education_notice="written",
                                                 home_education_last_day=date(2025, 3, 1), sao_names_this_school=True),
     TODAY, "9(1)(e)", NoGround, "revoke"),
    ("near-9(1)(f)-verbal-only", csa(home_education_notice="verbal_only"), TODAY, "9(1)(f)", NoGround,
     "verbal statement of home education is not enough"),
    ("near-9(1)(f)-day-not-passed", csa(home_education_notice="written", home_education_last_day=TODAY),
     TODAY, "9(1)(f)", NoGround, "has not passed"),
    ("near-9(1)(g)-temporary", csa(**MOVED_ABROAD, absence_is_temporary=True), TODAY, "9(1)(g)", NoGround,
     "temporary"),
    ("near-9(1)(g)-boarder", csa(**MOVED_ABROAD, boarder=True), TODAY, "9(1)(g)", NoGround, "Boarders"),
    ("near-9(1)(h)-ten-days-not-passed", csa(leave_of_absence_given=True, leave_end=date(2025, 3, 3),
                                             reasonable_grounds_sick_or_unavoidable=False,
                                             joint_enquiries_outcome="not_found"), TODAY, "9(1)(h)", NoGround,
     "have not all passed"),
    ("near-9(1)(h)-no-joint-enquiries", csa(leave_end=date(2025, 2, 14),
                                            attended_within_10_school_days_after_leave=False,
                                            reasonable_grounds_sick_or_unavoidable=False, joint_enquiries_made=False),
     TODAY, "9(1)(h)", NoGround, "joint enquiries"),
    ("near-9(1)(i)-12-days", csa(continuous_absence_school_days=12), TODAY, "9(1)(i)", NoGround,
     "12 school days of continuous absence: ground 9(1)(i) needs at least 20"),
    ("near-9(1)(i)-code-u", csa(**{**ABSENT_25, "absence_codes": ("O", "U")}, joint_enquiries_outcome="not_found"),
     TODAY, "9(1)(i)", NoGround, "code U"),
    ("near-9(1)(i)-found-will-return", csa(**ABSENT_25, joint_enquiries_outcome="found_will_return"),
     TODAY, "9(1)(i)", NoGround, "expected to attend again"),
    ("near-9(1)(i)-sick", csa(**{**ABSENT_25, "reasonable_grounds_sick_or_unavoidable": True}),
     TODAY, "9(1)(i)", NoGround, "no medical ground"),
    ("near-9(1)(j)-remand", csa(detained=True, detention_type="remand"), TODAY, "9(1)(j)", NoGround,
     "Remand is not a sentence of detention"),
    ("near-9(1)(j)-will-return", csa(detained=True, detention_type="sentence", reasonable_grounds_will_return=True),
     TODAY, "9(1)(j)", NoGround, "return after the sentence"),
    ("near-9(1)(k)-alive", csa(died=False, continuous_absence_school_days=5), TODAY, "9(1)(k)", NoGround,
     "needs at least 20"),
    ("near-9(1)(l)-not-yet-over-csa", Facts(date_of_birth=date(2009, 5, 1), reasonable_grounds_will_return=False),
     date(2025, 6, 20), "9(1)(l)", NeedsFacts, "situation"),
    ("near-9(1)(l)-staying-for-sixth-form", csa(over_csa_by_next_school_day=True, reasonable_grounds_will_return=True,
                                                meets_sixth_form_entry_requirements=True), TODAY, "9(1)(l)",
     NoGround, "sixth-form"),
    ("near-9(1)(m)-independent", csa(boarder=True, school_type="independent",
                                     board_and_lodging_unpaid_at_end_of_term=True), TODAY, "9(1)(m)", NoGround,
     "only to maintained schools"),
    ("near-9(1)(n)-academy", csa(ceased_to_be_pupil=True, school_type="academy"), TODAY, "9(1)(n)", NoGround,
     "does not apply to maintained schools or Academies"),
    ("near-9(1)(o)-review-pending", csa(permanently_excluded=True, exclusion_status="pending"), TODAY, "9(1)(o)",
     NoGround, "does not take effect"),
    ("near-9(2)(a)-not-an-exception-needs-consent", csa(**MOVED_ABROAD, special_school_la_arranged=True),
     TODAY, "9(2)(a)", NeedsFacts, "la_consent_to_deletion"),
    ("near-9(2)(b)-consent-not-asked", csa(**MOVED_ABROAD, special_school_la_arranged=True,
                                           la_consent_to_deletion="not_asked"), TODAY, "9(2)(b)", NoGround,
     "not been asked"),
    ("near-9(2)(c)-refused-no-direction", csa(**MOVED_ABROAD, special_school_la_arranged=True,
                                              la_consent_to_deletion="refused",
                                              secretary_of_state_directed_deletion=False), TODAY, "9(2)(c)",
     NoGround, "refused consent"),
    ("near-9(3)(a)-will-return", not_csa(reasonable_grounds_will_return=True), TODAY, "9(3)(a)", NoGround,
     "attend again"),
    ("near-9(3)(a)-csa-pupil-goes-to-9(1)", csa(boarder=False, reasonable_grounds_will_return=False), TODAY,
     "9(3)(a)", NeedsFacts, "situation"),
    ("near-9(3)(b)-still-a-pupil", not_csa(boarder=True, ceased_to_be_pupil=False), TODAY, "9(3)(b)", NoGround,
     "still a pupil"),
    ("near-9(3)(c)-absent-with-leave", not_csa(continuous_absence_school_days=22, absence_codes=("O", "C"),
                                               reasonable_grounds_sick_or_unavoidable=False,
                                               school_enquiries_outcome="not_found"), TODAY, "9(3)(c)", NoGround,
     "absent with leave"),
    ("near-9(3)(d)-csa-pupil-died-is-9(1)(k)", csa(died=True), TODAY, "9(3)(d)", Ground, ""),
    ("near-9(3)(e)-reinstated", not_csa(permanently_excluded=True, exclusion_status="reinstated"), TODAY,
     "9(3)(e)", NoGround, "reinstated"),
]


@pytest.mark.parametrize("facts, today, code, gateway",
                         [pytest.param(f, t, c, g, id=i) for i, f, t, c, g in REACH])
def test_reaches_ground(facts: Facts, today: date, code: str, gateway) -> None:
    r = decide_leaver_reason(facts, today=today)
    assert isinstance(r, Ground), r
    assert r.code == code
    assert r.gateway == gateway
    assert r.title and r.meaning and r.sources
    assert all(c.status in ("met", "unknown") for c in r.conditions)
    deletion = r.actions[-1] if not r.authority else next(a for a in r.actions if a.statutory and "Deletion" in a.title)
    assert deletion.statutory and deletion.due == today and code in deletion.detail


@pytest.mark.parametrize("facts, today, code, kind, text",
                         [pytest.param(f, t, c, k, x, id=i) for i, f, t, c, k, x in NEAR])
def test_near_miss_does_not_reach(facts: Facts, today: date, code: str, kind, text: str) -> None:
    r = decide_leaver_reason(facts, today=today)
    assert isinstance(r, kind), r
    if isinstance(r, Ground):
        assert r.code != code and r.gateway != code
    elif isinstance(r, NoGround):
        assert text in " ".join(r.reasons), r.reasons
        assert r.what_to_do_instead and r.sources
    else:
        assert text in [q.key for q in r.missing]


def test_every_ground_has_a_reaching_case_and_a_near_miss() -> None:
    codes = {f"9(1)({x})" for x in "abcdefghijklmno"} | {f"9(3)({x})" for x in "abcde"} | {
        "9(2)(a)", "9(2)(b)", "9(2)(c)"}
    reached = {c for _, _, _, c, _ in REACH} | {g for *_, g in REACH if g}
    near = {c for _, _, _, c, _, _ in NEAR}
    assert codes <= reached, codes - reached
    assert codes <= near, codes - near


@pytest.mark.parametrize("facts, first_key, candidate", [
    pytest.param(Facts(), "of_compulsory_school_age", None, id="nothing-known-asks-csa-first"),
    pytest.param(csa(), "situation", None, id="csa-only-asks-situation"),
    pytest.param(csa(sao_names_this_school=True), "sao_amended_to_other_school", "9(1)(d)",
                 id="sao-in-force-asks-whether-amended"),
    pytest.param(csa(sao_names_this_school=True, sao_amended_to_other_school=False), "situation", None,
                 id="sao-not-amended-asks-situation"),
    pytest.param(csa(moved_abroad=True, other_school_known=False), "reasonable_grounds_will_return", "9(1)(g)",
                 id="moved-abroad-school-not-known-no-enquiries-yet"),
    pytest.param(csa(continuously_absent=True), "continuous_absence_school_days", "9(1)(i)", id="absent-how-long"),
    # on roll at an AP academy: usually a dual registration, so 9(1)(a)(iii) is asked, not left to confirm
    pytest.param(csa(registered_at_another_school=True, other_school_known=True, other_school_is_alternative_provision=True),
                 "dual_registration_agreed", "9(1)(a)", id="ap-placement-asks-dual-registration"),
    pytest.param(csa(**ABSENT_25), "joint_enquiries_made", "9(1)(i)", id="absent-25-asks-joint-enquiries"),
    pytest.param(csa(**ABSENT_25, joint_enquiries_made=True), "joint_enquiries_outcome", "9(1)(i)",
                 id="asks-enquiry-outcome"),
    pytest.param(csa(continuous_absence_school_days=25), "absence_codes", "9(1)(i)", id="asks-codes"),
    pytest.param(csa(leave_of_absence_given=True), "leave_end", "9(1)(h)", id="leave-asks-end"),
    # a trip with a due-back date: whether leave was given is the first question, before the 20-day count
    pytest.param(csa(trip_with_return_date=True, continuously_absent=True), "leave_of_absence_given", "9(1)(h)",
                 id="due-back-asks-leave-first"),
    pytest.param(csa(leave_end=date(2025, 2, 14)), "attended_within_10_school_days_after_leave", "9(1)(h)",
                 id="leave-asks-attendance"),
    pytest.param(csa(permanently_excluded=True), "exclusion_status", "9(1)(o)", id="exclusion-status"),
    pytest.param(csa(detained=True), "detention_type", "9(1)(j)", id="detention-type"),
    pytest.param(csa(home_education_intended=True), "home_education_notice", "9(1)(f)", id="ehe-notice"),
    pytest.param(csa(home_education_notice="written"), "home_education_last_day", "9(1)(f)", id="ehe-last-day"),
    pytest.param(csa(died=True, special_school_la_arranged=False, moved_away=True), None, None,
                 id="died-wins-over-moved"),
    pytest.param(not_csa(), "reasonable_grounds_will_return", "9(3)(a)", id="not-csa-asks-will-return"),
    # at a school with boarders, whether this pupil boards is asked, not assumed
    pytest.param(not_csa(school_has_boarders=True, reasonable_grounds_will_return=False, ceased_to_be_pupil=True),
                 "boarder", "9(3)(a)", id="boarding-school-asks-boarder"),
    pytest.param(csa(**MOVED_ABROAD, school_has_boarders=True), "boarder", "9(1)(g)", id="boarding-school-move-asks-boarder"),
    # a family that travels for work: whether the pupil is a mobile child is asked, not left to confirm
    pytest.param(csa(registered_at_another_school=True, other_school_known=True, family_travels_for_work=True),
                 "mobile_child", "9(1)(a)", id="travelling-family-asks-mobile"),
    # an order known to have been served, whose school is unknown, is asked about rather than assumed absent
    pytest.param(csa(registered_at_another_school=True, other_school_known=True, sao_served=True),
                 "sao_names_this_school", "9(1)(a)", id="sao-served-asks-whose-order"),
    pytest.param(csa(home_education_intended=True, home_education_notice="written", home_education_last_day=date(2025, 3, 7),
                     sao_served=True), "sao_names_this_school", "9(1)(f)", id="sao-served-asks-before-home-education"),
    pytest.param(csa(sao_served=True, reasonable_grounds_will_return=False), "sao_amended_to_other_school", "9(1)(d)",
                 id="an-order-alone-asks-whether-the-la-amended-or-revoked-it"),
    pytest.param(csa(**MOVED_ABROAD, special_school_la_arranged=True, la_consent_to_deletion="refused"),
                 "secretary_of_state_directed_deletion", "9(1)(g)", id="special-refused-asks-sos"),
])
def test_needs_facts(facts: Facts, first_key, candidate) -> None:
    r = decide_leaver_reason(facts, today=TODAY)
    if first_key is None:
        assert isinstance(r, Ground) and r.code == "9(1)(k)"
        assert any(o.code == "9(1)(g)" for o in r.other_grounds_considered)
        return
    assert isinstance(r, NeedsFacts), r
    assert r.next_question.key == first_key
    assert r.next_question.text
    if candidate:
        assert candidate in r.candidates


def test_moved_abroad_lists_questions_and_keeps_options_short() -> None:
    r = decide_leaver_reason(csa(moved_abroad=True, other_school_known=False), today=TODAY)
    assert isinstance(r, NeedsFacts)
    assert r.missing[0].options == ("Yes", "No", "Not known")
    assert all(len(o) <= 45 for q in r.missing for o in q.options)


def test_ground_details_for_worcestershire_exclusion() -> None:
    r = decide_leaver_reason(csa(permanently_excluded=True, exclusion_status="review_upheld",
                                 authority="worcestershire"), today=TODAY)
    assert isinstance(r, Ground) and r.code == "9(1)(o)" and r.old_2006_ground == "8(1)(m)"
    notes = " ".join(r.notes)
    assert "heads the permanent-exclusion reason '9(1)(a)' but its own list says 9(1)(o)" in notes
    titles = [a.title for a in r.actions]
    assert "Copy of the permanent exclusion letter" in titles and "De-rolling checklist" in titles
    assert not r.joint_enquiries_required and not r.la_agreement_required


def test_ground_i_requires_joint_enquiries_and_la_agreement_on_bb() -> None:
    r = decide_leaver_reason(csa(**ABSENT_25, joint_enquiries_outcome="found_and_agree_wont_return"), today=TODAY)
    assert isinstance(r, Ground) and r.joint_enquiries_required and r.la_agreement_required
    assert any("N must be replaced within 5 school days" in n for n in r.notes)


@pytest.mark.parametrize("authority, title, doc_id", [
    pytest.param("Worcestershire", "CTF to the Lost Pupil Database", "worcestershire-cme-policy-2025", id="worcs-ctf"),
    pytest.param("Derbyshire", "CME referral form", "derbyshire-cromford-cme-policy-2023", id="derbys-referral"),
    pytest.param("Derbyshire", "Children Missing Leaver form (CML)", "derbyshire-cromford-cme-policy-2023", id="derbys-cml"),
    pytest.param("Norfolk", "Report to the LA", "riverside-federation-cme-policy", id="norfolk-report"),
    pytest.param("Barking and Dagenham", "CME referral to the CME Officer", "barking-dagenham-cme-guidance-2019",
                 id="bd-referral"),
])
def test_local_actions_for_moving_abroad(authority: str, title: str, doc_id: str) -> None:
    r = decide_leaver_reason(csa(**MOVED_ABROAD, authority=authority), today=TODAY)
    assert isinstance(r, Ground) and r.code == "9(1)(g)"
    action = next(a for a in r.actions if a.title == title)
    assert not action.statutory and action.authority == authority
    assert action.sources[0].doc_id == doc_id


def test_worcestershire_needs_la_agreement_for_ground_i() -> None:
    r = decide_leaver_reason(csa(**ABSENT_25, joint_enquiries_outcome="not_found", authority="Worcestershire"),
                             today=TODAY)
    assert isinstance(r, Ground) and r.la_agreement_required
    assert any(a.title == "LA agreement to the reason" for a in r.actions)


def test_medical_ground_was_abolished() -> None:
    r = decide_leaver_reason(csa(medically_unfit_to_attend=True), today=TODAY)
    assert isinstance(r, NoGround)
    assert "there is no medical ground since 2024 (the 2006 ground 8(1)(g) was not carried over)" in r.reasons[0].lower()


def test_not_before_is_given_when_waiting_will_help() -> None:
    r = decide_leaver_reason(csa(home_education_notice="written", home_education_last_day=TODAY), today=TODAY)
    assert isinstance(r, NoGround) and r.not_before == date(2025, 3, 11)
    r = decide_leaver_reason(csa(first_day_of_absence=date(2025, 3, 3)), today=TODAY)
    assert isinstance(r, NoGround) and r.not_before == date(2025, 3, 29)  # day 20 is Fri 28 Mar


@pytest.mark.parametrize("facts, today, fragment", [
    pytest.param(csa(leave_start=date(2025, 2, 10), leave_end=date(2025, 2, 1)), TODAY, "before it started",
                 id="leave-ends-before-start"),
    pytest.param(csa(first_day_of_absence=date(2025, 3, 3), continuous_absence_school_days=12), TODAY,
                 "longer than the 6 school day(s)", id="absence-longer-than-possible"),
    pytest.param(Facts(date_of_birth=date(2026, 1, 1)), TODAY, "in the future", id="dob-in-future"),
    pytest.param(csa(died=True, date_of_death=date(2025, 4, 1)), TODAY, "in the future", id="death-in-future"),
    pytest.param(Facts(of_compulsory_school_age=False, date_of_birth=date(2015, 1, 1)), TODAY, "opposite",
                 id="csa-contradicts-dob"),
    pytest.param(csa(first_day_of_absence=date(2025, 4, 1)), TODAY, "after today", id="absence-starts-tomorrow"),
    pytest.param(csa(moved_abroad=True, lives_within_reasonable_distance=True), TODAY, "moved abroad",
                 id="abroad-but-near"),
])
def test_impossible_facts(facts: Facts, today: date, fragment: str) -> None:
    with pytest.raises(ImpossibleFacts) as exc:
        decide_leaver_reason(facts, today=today)
    assert fragment in str(exc.value)


def test_unknown_authority() -> None:
    with pytest.raises(UnknownAuthority, match="Known authorities"):
        decide_leaver_reason(csa(authority="Kent"), today=TODAY)


def test_facts_from_mapping_and_answers() -> None:
    f = facts_from_mapping({"of_compulsory_school_age": "yes", "first_day_of_absence": "3/2/2025",
                            "absence_codes": "g n o"})
    assert f.first_day_of_absence == date(2025, 2, 3) and f.absence_codes == ("G", "N", "O")
    f = answer_question(f, "reasonable_grounds_sick_or_unavoidable", "No")
    f = answer_question(f, "joint_enquiries_outcome", "Not found")
    assert decide_leaver_reason(f, today=TODAY).code == "9(1)(i)"
    assert answer_question(csa(), "situation", "Died").died is True
    with pytest.raises(InvalidInput):
        facts_from_mapping({"colour": "blue"})
    with pytest.raises(InvalidInput):
        facts_from_mapping({"absence_codes": ["ZZ"]})
    with pytest.raises(InvalidInput):
        answer_question(csa(), "joint_enquiries_outcome", "Maybe")


@pytest.mark.parametrize("facts, code, locator", [
    pytest.param(csa(died=True), "9(1)(k)", "reg 9(1)(k)", id="died-csa"),
    pytest.param(not_csa(died=True), "9(3)(d)", "reg 9(3)(d)", id="died-over-csa"),
    pytest.param(csa(permanently_excluded=True, exclusion_status="review_upheld"), "9(1)(o)", "reg 9(1)(o)", id="excluded-csa"),
    pytest.param(not_csa(permanently_excluded=True, exclusion_status="review_upheld"), "9(3)(e)", "reg 9(3)(e)", id="excluded-over-csa"),
])
def test_shared_wording_cites_the_paragraph_of_the_ground(facts: Facts, code: str, locator: str) -> None:
    """9(1)(k)/9(3)(d) and 9(1)(o)/9(3)(e) share their words; each ground cites its own paragraph."""
    r = decide_leaver_reason(facts, today=TODAY)
    assert isinstance(r, Ground) and r.code == code
    assert r.conditions[0].source.locator == locator
    # a pupil over compulsory school age: 9(3)'s opening says why 9(3) applies
    assert any(s.locator == "reg 9(3)" for s in r.sources) == code.startswith("9(3)")

