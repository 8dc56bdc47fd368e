"""axe-core on each main view, before and after interaction: no serious or critical violations."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import assert_accessible, screenshot
from tests.web.test_journeys import PROCEDURE_QUESTION, ask, choose_authority, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/", "/leaver-reason", "/dates", "/documents",
                                  "/documents/uksi-2024-208?chunk=uksi-2024-208--0065"
                                  "&quote=the%20pupil%20no%20longer%20normally%20lives%20a%20reasonable%20distance",
                                  "/admin/feedback"])
def test_views_have_no_serious_axe_violations(page, path):
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert_accessible(page, path)
    if path == "/":
        screenshot(page, "0-chat-empty")


def test_chat_with_answer_and_open_source_is_accessible(page):
    page.goto("/")
    page.click("#chat-send")  # empty question: the error summary is part of the check
    expect(page.locator("#chat-errors")).to_be_visible()
    assert_accessible(page, "chat with an error")
    choose_authority(page, "chat-authority", "Worcestershire")
    turn = ask(page, PROCEDURE_QUESTION)
    turn.locator("button.app-cite").first.click()
    expect(page.locator("#source-panel mark").first).to_be_visible()
    assert_accessible(page, "chat with an answer and its source")


def test_wizard_and_dates_results_are_accessible(page):
    page.goto("/leaver-reason")
    page.get_by_label("Yes", exact=True).check()
    page.click("#leaver-continue")
    expect(page.locator("#leaver-question")).to_have_attribute("data-question-key", "situation")
    page.get_by_label("Died", exact=True).check()
    page.click("#leaver-continue")
    expect(page.locator("#leaver-result .app-result")).to_be_visible()
    assert_accessible(page, "leaver-reason result")

    page.goto("/dates")
    page.click("#timeline-submit")  # no dates: error summary
    expect(page.locator("#timeline-errors")).to_be_visible()
    page.select_option("#deadline-rule", "new_pupil_return")
    page.fill("#deadline-start-day", "7")
    page.fill("#deadline-start-month", "11")
    page.fill("#deadline-start-year", "2025")
    page.click("#deadline-submit")
    expect(page.locator("#deadline-result .app-due")).to_contain_text(re.compile(r"Due \w+day"))
    assert_accessible(page, "dates with a result and an error")


def test_referrals_page_with_a_draft_is_accessible(page, live_server):
    from tests.web.test_journeys import _referrals_available

    if not _referrals_available(live_server):
        pytest.skip("the referral drafting API is not in this app")
    page.goto("/referrals")
    page.wait_for_load_state("networkidle")
    assert_accessible(page, "/referrals")
    page.select_option("#ref-authority", "Barking and Dagenham")
    page.fill("#ref-child-name", "Alex Example")
    page.check("#ref-cp-plan-0")
    page.click("#ref-submit")
    expect(page.locator("#ref-draft-heading")).to_be_visible()
    assert_accessible(page, "/referrals with a draft")
