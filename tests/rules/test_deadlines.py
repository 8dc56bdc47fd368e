"""Named deadline rules: due dates, counting basis, local variants and citations."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.rules import UnknownAuthority, UnknownRule, compute_deadline, get_rule, list_rules

from tests.rules.cme_rules_testlib import autumn_2025_calendar

CAL = autumn_2025_calendar()


@pytest.mark.parametrize("rule_id, start, cal, due, basis", [
    pytest.param("new_pupil_return", date(2025, 11, 7), None, date(2025, 11, 12), "calendar_days",
                 id="new-pupil-fri-to-wed"),
    pytest.param("new_pupil_return", date(2025, 12, 22), CAL, date(2025, 12, 27), "calendar_days",
                 id="new-pupil-ignores-holidays"),
    pytest.param("deletion_return", date(2025, 11, 7), None, date(2025, 11, 7), "on_event",
                 id="deletion-return-same-day"),
    pytest.param("absence_20_school_days", date(2025, 10, 13), CAL, date(2025, 11, 14), "school_days",
                 id="absence-20-over-half-term"),
    pytest.param("absence_20_school_days", date(2025, 10, 13), None, date(2025, 11, 7), "school_days",
                 id="absence-20-weekdays"),
    pytest.param("absence_20_school_days_over_csa", date(2025, 10, 13), CAL, date(2025, 11, 14), "school_days",
                 id="absence-20-over-csa-counts-the-same-days"),
    pytest.param("leave_10_school_days", date(2025, 4, 18), None, date(2025, 5, 6), "school_days",
                 id="leave-10-over-easter-and-may-day"),
    pytest.param("leave_10_school_days", date(2025, 10, 24), CAL, date(2025, 11, 14), "school_days",
                 id="leave-10-ends-before-half-term"),
    pytest.param("attendance_return_10_school_days", date(2025, 11, 17), CAL, date(2025, 12, 1),
                 "school_days", id="attendance-return-skips-inset"),
    pytest.param("sickness_return_15_school_days", date(2025, 9, 3), CAL, date(2025, 9, 23),
                 "school_days", id="sickness-15"),
    pytest.param("code_n_5_school_days", date(2025, 10, 22), CAL, date(2025, 11, 5), "school_days",
                 id="code-n-over-half-term"),
    pytest.param("aspire.strategy_meeting_5_working_days", date(2026, 12, 24), None, date(2027, 1, 5),
                 "working_days", id="strategy-meeting-over-christmas-substitutes"),
    pytest.param("barking_dagenham.long_term_cme_6_months", date(2025, 8, 31), None, date(2026, 2, 28),
                 "calendar_months", id="long-term-cme-month-end"),
    pytest.param("barking_dagenham.allocation_list_20_days", date(2025, 9, 1), None, date(2025, 9, 21),
                 "calendar_days", id="allocation-list-20-days"),
    pytest.param("derbyshire.cme_referral_day_11", date(2025, 10, 13), CAL, date(2025, 11, 3),
                 "school_days", id="derbyshire-day-11"),
    pytest.param("norfolk.riverside_report_20_days", date(2025, 10, 13), CAL, date(2025, 11, 14),
                 "school_days", id="riverside-20"),
    pytest.param("worcestershire.absence_notification_10_days", date(2025, 9, 8), None, date(2025, 9, 19),
                 "school_days", id="worcestershire-10"),
    pytest.param("aspire.day_3_police", date(2025, 9, 5), None, date(2025, 9, 9), "school_days",
                 id="aspire-day-3-over-weekend"),
])
def test_due_dates(rule_id: str, start: date, cal, due: date, basis: str) -> None:
    d = compute_deadline(rule_id, start, calendar=cal)
    assert d.due == due
    assert d.basis == basis
    assert d.sources and d.explanation
    assert d.statutory == (get_rule(rule_id).authority is None)


def test_counted_and_skipped_are_explicit() -> None:
    d = compute_deadline("absence_20_school_days", date(2025, 10, 13), calendar=CAL)
    assert len(d.counted) == 20 and d.counted[0] == date(2025, 10, 13) and d.counted[-1] == d.due
    reasons = dict(d.skipped)
    assert reasons[date(2025, 10, 28)] == "school holiday (outside term dates)"
    assert reasons[date(2025, 10, 18)] == "Saturday"
    assert "Day 1 is the first school day" in d.explanation
    assert "Test School" in d.basis_note


def test_weekday_basis_is_stated_without_a_calendar() -> None:
    d = compute_deadline("leave_10_school_days", date(2025, 4, 18))
    assert "No school calendar was given" in d.basis_note
    assert (date(2025, 4, 21), "bank holiday: Easter Monday") in d.skipped
    assert "is not counted; day 1 is the first school day after it" in d.explanation


def test_the_start_keeps_its_register_code_in_capitals() -> None:
    d = compute_deadline("code_n_5_school_days", date(2026, 11, 19))
    assert "The day of the session recorded with code N (" in d.explanation


def test_law_and_local_versions_are_both_returned_and_labelled() -> None:
    d = compute_deadline("new_pupil_return", "7/11/2025", authority="derbyshire")
    assert d.statutory and d.due == date(2025, 11, 12)
    [local] = d.local_variants
    assert local.rule == "derbyshire.cmj_joiner_form_5_days" and not local.statutory
    assert local.authority == "Derbyshire" and local.sources[0].doc_id == "derbyshire-cromford-cme-policy-2023"
    assert local.explanation.startswith("Local practice (Derbyshire)")


def test_worcestershire_deletion_five_days_is_shown_but_not_extra_time() -> None:
    d = compute_deadline("deletion_return", date(2025, 11, 7), authority="Worcestershire")
    assert d.due == date(2025, 11, 7)
    [local] = d.local_variants
    assert local.due == date(2025, 11, 12)
    assert "not extra time" in local.explanation


def test_authority_gets_school_policy_variants_too() -> None:
    d = compute_deadline("attendance_return_10_school_days", date(2025, 9, 8), authority="Worcestershire")
    assert {v.rule for v in d.local_variants} == {"worcestershire.absence_notification_10_days",
                                                  "aspire.absence_notification_10_days"}


def test_list_rules() -> None:
    ids = [r.id for r in list_rules()]
    assert ids[:8] == ["new_pupil_return", "deletion_return", "absence_20_school_days",
                       "absence_20_school_days_over_csa", "leave_10_school_days", "attendance_return_10_school_days",
                       "sickness_return_15_school_days", "code_n_5_school_days"]
    assert all(r.sources and r.title and r.basis for r in list_rules())
    norfolk = {r.id for r in list_rules("Norfolk")}
    assert "norfolk.riverside_report_20_days" in norfolk and "aspire.day_1_contact" not in norfolk


@pytest.mark.parametrize("call, error", [
    pytest.param(lambda: compute_deadline("nope", date(2025, 1, 1)), UnknownRule, id="unknown-rule"),
    pytest.param(lambda: compute_deadline("new_pupil_return", date(2025, 1, 1), authority="Kent"),
                 UnknownAuthority, id="unknown-authority"),
    pytest.param(lambda: compute_deadline("derbyshire.cme_referral_day_11", date(2025, 1, 1),
                                          authority="Norfolk"), UnknownRule, id="rule-of-other-authority"),
])
def test_errors(call, error) -> None:
    with pytest.raises(error):
        call()


def test_the_over_csa_count_cites_9_3_c_not_the_la_enquiries_of_9_1_i() -> None:
    d = compute_deadline("absence_20_school_days_over_csa", date(2026, 11, 2))
    assert d.due == date(2026, 11, 27)
    assert {s.locator for s in d.sources} == {"reg 9(3)(c)(i)", "reg 9(3)(c)(iii)"}
    assert "local authority" not in " ".join(s.quote for s in d.sources).lower()
