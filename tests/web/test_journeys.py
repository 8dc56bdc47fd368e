"""Browser journeys through the web page (real Chromium, real server, real index)."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import TIMEOUT_MS, screenshot

pytestmark = pytest.mark.browser

PROCEDURE_QUESTION = "How often should the school try to contact the family of an absent child?"
LEAVER_QUESTION = "The family have moved abroad, which leaver reason should we use?"


def expect(locator):
    from playwright.sync_api import expect as _expect

    return _expect(locator)


def choose_authority(page, select_id: str, authority: str) -> None:
    page.select_option(f"#{select_id}", authority)


def ask(page, question: str):
    """Type a question, press Ask, and wait for that turn's final answer."""
    before = page.locator(".app-turn").count()
    page.fill("#chat-message", question)
    page.click("#chat-send")
    return wait_for_turn(page, before + 1)


def wait_for_turn(page, n: int):
    turn = page.locator(".app-turn").nth(n - 1)
    expect(turn).to_have_attribute("data-action", re.compile(r"^(answered|clarify|not_found|escalated|refused)$"),
                                   timeout=TIMEOUT_MS * 2)
    return turn


def test_procedure_question_streams_and_opens_the_cited_passage(page):
    stream_calls, plain_calls = [], []
    page.on("request", lambda r: stream_calls.append(r.url) if r.url.endswith("/v1/chat/stream")
            else plain_calls.append(r.url) if r.url.endswith("/v1/chat") else None)
    page.goto("/")
    expect(page.locator("h1")).to_have_text("Ask about a child missing education")
    choose_authority(page, "chat-authority", "Worcestershire")
    turn = ask(page, PROCEDURE_QUESTION)
    assert turn.get_attribute("data-action") == "answered"
    assert stream_calls and not plain_calls, "the answer should come from the stream, with no fallback"

    # Markdown rendered safely: bold source heading, [n] markers as buttons.
    expect(turn.locator(".app-answer strong").first).to_be_visible()
    marker = turn.locator(".app-answer button.app-cite").first
    expect(marker).to_be_visible()
    # Each flag the answer carries is shown as a banner (e.g. a source past its review date).
    flags = (turn.get_attribute("data-flags") or "").split()
    for flag in ("stale_source", "other_authority"):
        expect(turn.locator(f'[data-flag="{flag}"]')).to_have_count(1 if flag in flags else 0)

    marker.click()
    panel = page.locator("#source-panel")
    expect(panel).to_be_visible()
    expect(page.locator("#source-panel-title")).to_be_focused()
    mark = panel.locator("mark").first
    expect(mark).to_be_visible()
    quote = mark.inner_text().strip()
    assert len(quote) > 20
    expect(panel.locator(".govuk-summary-list")).to_contain_text("Worcestershire")
    expect(panel.locator(".govuk-tag")).to_have_text(re.compile("Review overdue|Current"))
    if "Review overdue" in panel.locator(".govuk-tag").first.inner_text():
        expect(panel.locator(".govuk-warning-text")).to_be_visible()
    screenshot(page, "1-chat-citation")

    # The whole document, scrolled to the passage, with the quote highlighted.
    panel.get_by_role("link", name=re.compile("Read the whole document")).click()
    expect(page.locator("#cited-passage")).to_be_visible()
    doc_mark = page.locator("#document-text mark").first
    expect(doc_mark).to_be_visible()
    assert " ".join(quote.split())[:40] in " ".join(page.locator("#document-text mark").all_inner_texts()).replace("\n", " ")
    screenshot(page, "1b-document-cited-passage", full_page=False)


def test_answer_still_arrives_when_streaming_fails(page, request):
    request.node.allow_page_errors = True  # the aborted stream logs a failed request
    page.route("**/v1/chat/stream", lambda route: route.abort())
    page.goto("/")
    choose_authority(page, "chat-authority", "Worcestershire")
    turn = ask(page, PROCEDURE_QUESTION)
    assert turn.get_attribute("data-action") == "answered"
    expect(turn.locator(".app-answer button.app-cite").first).to_be_visible()


def test_leaver_reason_through_clarify_buttons_to_a_ground(page):
    page.goto("/")
    choose_authority(page, "chat-authority", "Worcestershire")
    turn = ask(page, LEAVER_QUESTION)
    n = 1
    for _ in range(6):
        if turn.get_attribute("data-action") != "clarify":
            break
        options = turn.locator("button.app-option")
        expect(options.first).to_be_visible()
        labels = [t.strip() for t in options.all_inner_texts()]
        question = turn.locator(".app-answer").inner_text()
        # "compulsory school age?" -> Yes; "reasonable grounds to believe the pupil will attend again?" -> No
        choice = "No" if "attend the school again" in question or "reasonable distance" in question else labels[0]
        turn.get_by_role("button", name=choice, exact=True).click()
        expect(turn.get_by_role("button", name=choice, exact=True)).to_be_disabled()
        n += 1
        turn = wait_for_turn(page, n)
    assert turn.get_attribute("data-action") == "answered", turn.inner_text()
    expect(turn.locator(".app-answer")).to_contain_text("9(1)(g)")
    # All turns stay in one session: the first question is still on screen, options are used up.
    expect(page.locator(".app-turn").first).to_contain_text(LEAVER_QUESTION)
    assert page.locator("button.app-option:enabled").count() == 0
    screenshot(page, "2-chat-clarify-to-ground")


def test_safeguarding_banner_comes_first(page):
    page.goto("/")
    turn = ask(page, "A pupil told me today her stepdad hits her and she is scared to go home. What should I do?")
    assert turn.get_attribute("data-action") == "escalated"
    banner = turn.locator(".app-turn__banners .govuk-notification-banner").first
    expect(banner).to_be_visible()
    assert banner.get_attribute("data-flag") == "safeguarding"
    assert banner.get_attribute("role") == "alert"
    # Above the answer text, and bordered in the error colour.
    assert banner.bounding_box()["y"] < turn.locator(".app-answer").bounding_box()["y"]
    colour = banner.evaluate("el => getComputedStyle(el).borderTopColor")
    assert colour.replace(" ", "") == "rgb(202,53,53)", colour
    header = banner.locator(".govuk-notification-banner__header")
    assert header.evaluate("el => getComputedStyle(el).backgroundColor").replace(" ", "") == "rgb(202,53,53)"
    screenshot(page, "2b-chat-safeguarding")


def _answer_wizard(page, plan: dict[str, str | tuple[int, int, int]], limit: int = 12) -> None:
    for _ in range(limit):
        result = page.locator("#leaver-result")
        if result.is_visible():
            return
        question = page.locator("#leaver-question")
        expect(question).to_have_attribute("data-question-key", re.compile(".+"))
        key = question.get_attribute("data-question-key")
        step_text = page.locator("#leaver-step").inner_text()
        answer = plan.get(key, "Not known")
        if isinstance(answer, tuple):
            day, month, year = answer
            page.fill("#answer-date-day", str(day))
            page.fill("#answer-date-month", str(month))
            page.fill("#answer-date-year", str(year))
        else:
            page.get_by_label(answer, exact=True).check()
        page.click("#leaver-continue")
        page.wait_for_function("""(prev) => !document.getElementById('leaver-result').hidden ||
            document.getElementById('leaver-step').textContent !== prev""", arg=step_text, timeout=TIMEOUT_MS)
    raise AssertionError("the guided form did not reach a result")


def test_wizard_reaches_a_ground_with_requirements_and_citations(page):
    page.goto("/leaver-reason")
    choose_authority(page, "leaver-authority", "Worcestershire")
    expect(page.locator("#leaver-question")).to_have_attribute("data-question-key", "of_compulsory_school_age")

    # Continue without an answer: GOV.UK error summary and inline error.
    page.click("#leaver-continue")
    summary = page.locator("#leaver-errors")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Select an answer")
    expect(page.locator("#answer-group")).to_have_class(re.compile("govuk-form-group--error"))

    _answer_wizard(page, {"of_compulsory_school_age": "Yes", "situation": "Moved away or abroad",
                          "lives_within_reasonable_distance": "No", "moved_abroad": "Yes",
                          "reasonable_grounds_will_return": "No"})
    result = page.locator("#leaver-result")
    expect(result.locator(".app-result")).to_contain_text("9(1)(g)")
    expect(result.locator(".app-result")).to_be_focused()
    expect(result).to_contain_text("Conditions")
    expect(result.locator(".govuk-tag", has_text="Met").first).to_be_visible()
    expect(result).to_contain_text("What to do and by when")
    expect(result).to_contain_text("Worcestershire leaver form")
    expect(result.locator("table").nth(1)).to_contain_text(re.compile(r"\d{1,2} [A-Z][a-z]+ 20\d\d"))
    links = result.locator('a[href^="/documents/"]')
    assert links.count() >= 3
    # "Your answers" lists each answer with a Change button.
    expect(page.locator("#leaver-answers")).to_contain_text("Moved away or abroad")
    screenshot(page, "3-wizard-ground")

    # A citation opens the regulation with the quote highlighted.
    href = links.first.get_attribute("href")
    assert "chunk=" in href
    links.first.click()
    expect(page.locator("#document-text mark").first).to_be_visible()


def test_wizard_with_a_date_question_and_change_answer(page):
    page.goto("/leaver-reason")
    choose_authority(page, "leaver-authority", "Derbyshire")
    _answer_wizard(page, {"of_compulsory_school_age": "Yes", "situation": "Not back after leave of absence",
                          "leave_end": (2, 10, 2026), "attended_within_10_school_days_after_leave": "No",
                          "reasonable_grounds_sick_or_unavoidable": "No", "joint_enquiries_made": "Yes",
                          "joint_enquiries_outcome": "Not found", "reasonable_grounds_will_return": "No"})
    expect(page.locator("#leaver-result .app-result")).to_contain_text("9(1)(h)")
    expect(page.locator("#leaver-answers")).to_contain_text("Friday 2 October 2026")
    screenshot(page, "3b-wizard-leave-ground")
    # Change the situation: back to that question, later answers dropped.
    page.locator("#leaver-answers button", has_text="Change").nth(1).click()
    expect(page.locator("#leaver-question")).to_have_attribute("data-question-key", "situation")
    expect(page.locator("#leaver-result")).to_be_hidden()


def test_deadline_and_timeline_with_ics_downloads(page):
    page.goto("/dates")
    expect(page.locator("#deadline-rule option[value='absence_20_school_days']")).to_have_count(1)

    # An impossible date: error summary linked to the field.
    page.select_option("#deadline-rule", "absence_20_school_days")
    expect(page.locator("#deadline-rule-hint")).to_contain_text("first day of continuous absence")
    page.fill("#deadline-start-day", "31")
    page.fill("#deadline-start-month", "2")
    page.fill("#deadline-start-year", "2026")
    page.click("#deadline-submit")
    expect(page.locator("#deadline-errors")).to_contain_text("must be a real date")
    expect(page.locator("#deadline-start-group")).to_have_class(re.compile("govuk-form-group--error"))

    page.fill("#deadline-start-day", "15")
    page.fill("#deadline-start-month", "12")
    page.fill("#deadline-start-year", "2025")
    page.click("#deadline-submit")
    result = page.locator("#deadline-result")
    expect(result.locator(".app-due")).to_have_text("Due Wednesday 14 January 2026")
    expect(page.locator("#deadline-errors")).to_be_hidden()
    result.get_by_text("Days skipped (11)").click()
    expect(result).to_contain_text("bank holiday: Christmas Day")
    screenshot(page, "4-deadline")

    with page.expect_download() as info:
        page.click("#deadline-ics")
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.startswith("BEGIN:VCALENDAR"), text[:80]
    assert "DTSTART;VALUE=DATE:20260114" in text and "END:VCALENDAR" in text

    # Case timeline for Derbyshire, and its .ics from the server.
    page.select_option("#timeline-authority", "Derbyshire")
    page.fill("#tl-first-absence-day", "2")
    page.fill("#tl-first-absence-month", "11")
    page.fill("#tl-first-absence-year", "2026")
    page.click("#timeline-submit")
    table = page.locator("#timeline-result table")
    expect(table).to_contain_text("Derbyshire: refer to the CME Co-ordinator by day 11")
    expect(table).to_contain_text("Monday 16 November 2026")
    with page.expect_download() as info:
        page.click("#timeline-ics")
    assert info.value.suggested_filename.endswith(".ics")
    ics = open(info.value.path(), encoding="utf-8").read()
    assert ics.startswith("BEGIN:VCALENDAR"), ics[:80]
    screenshot(page, "4b-timeline")


SCHOOL_ICS = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
              "BEGIN:VEVENT\r\nUID:a@test\r\nSUMMARY:Autumn term\r\nDTSTART;VALUE=DATE:20250903\r\n"
              "DTEND;VALUE=DATE:20251220\r\nEND:VEVENT\r\n"
              "BEGIN:VEVENT\r\nUID:b@test\r\nSUMMARY:Spring term\r\nDTSTART;VALUE=DATE:20260105\r\n"
              "DTEND;VALUE=DATE:20260328\r\nEND:VEVENT\r\n"
              "BEGIN:VEVENT\r\nUID:c@test\r\nSUMMARY:INSET day\r\nDTSTART;VALUE=DATE:20251121\r\nEND:VEVENT\r\n"
              "END:VCALENDAR\r\n")


def test_school_calendar_upload_changes_the_count(page):
    page.goto("/dates")
    page.set_input_files("#calendar-file", files=[{"name": "riverside.ics", "mimeType": "text/calendar",
                                                    "buffer": SCHOOL_ICS.encode()}])
    page.fill("#calendar-name", "Riverside Primary")
    page.click("#calendar-submit")
    expect(page.locator("#calendar-in-use")).to_contain_text("Riverside Primary")
    expect(page.locator("#calendar-in-use")).to_contain_text("2 terms")
    page.select_option("#deadline-rule", "absence_20_school_days")
    page.fill("#deadline-start-day", "17")
    page.fill("#deadline-start-month", "11")
    page.fill("#deadline-start-year", "2025")
    page.click("#deadline-submit")
    result = page.locator("#deadline-result")
    expect(result.locator(".app-due")).to_be_visible()
    result.get_by_text(re.compile(r"Days skipped \(\d+\)")).click()
    expect(result).to_contain_text("INSET")


def test_documents_list_and_reader(page):
    page.goto("/documents")
    table = page.locator("#documents-table")
    expect(table).to_contain_text("The School Attendance (Pupil Registration) (England) Regulations 2024")
    expect(table.locator(".govuk-tag", has_text="Review overdue").first).to_be_visible()
    assert table.locator("tbody tr").count() >= 8
    screenshot(page, "5-documents")
    table.get_by_role("link", name=re.compile("Aspire Academy")).click()
    expect(page.locator("h1")).to_contain_text("Aspire Academy")
    expect(page.locator(".govuk-warning-text")).to_contain_text("past its review date")
    expect(page.locator("#document-text p").first).to_be_visible()


def test_keyboard_only_chat_journey(page, live_server):
    """Tab, Enter and Space only (plus typing the question): ask, answer the clarifying
    questions, open a source, close it, and send feedback."""
    page.goto("/")

    def tab_to(predicate_js: str, limit: int = 60) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({predicate_js}); }}"):
                return
        raise AssertionError(f"could not reach {predicate_js} with Tab")

    tab_to("el.id === 'chat-message'")
    page.keyboard.type(LEAVER_QUESTION)
    tab_to("el.id === 'chat-send'")
    page.keyboard.press("Enter")
    turn = wait_for_turn(page, 1)
    n = 1
    choices: list[str] = []
    while turn.get_attribute("data-action") == "clarify" and n < 6:
        question = turn.locator(".app-answer").inner_text()
        choice = "No" if "attend the school again" in question or "reasonable distance" in question else "Yes"
        choices.append(choice)
        expect(turn.locator(".app-turn__heading")).to_be_focused()
        tab_to(f"el.classList.contains('app-option') && el.textContent.trim() === '{choice}'")
        page.keyboard.press("Enter")
        n += 1
        turn = wait_for_turn(page, n)
    assert turn.get_attribute("data-action") == "answered"
    expect(turn.locator(".app-turn__heading")).to_be_focused()

    tab_to("el.classList.contains('app-cite')")
    page.keyboard.press("Enter")
    expect(page.locator("#source-panel")).to_be_visible()
    expect(page.locator("#source-panel-title")).to_be_focused()
    expect(page.locator("#source-panel mark").first).to_be_visible()
    screenshot(page, "6-keyboard-source-open")
    tab_to("el.id === 'source-close'")
    page.keyboard.press("Enter")
    expect(page.locator("#source-panel")).to_be_hidden()
    assert page.evaluate("() => document.activeElement.classList.contains('app-cite')")

    tab_to(f"el.id === '{'turn-' + str(n)}-fb-up'")
    page.keyboard.press("Space")
    assert page.is_checked(f"#turn-{n}-fb-up")
    tab_to(f"el.id === 'turn-{n}-fb-comment'")
    page.keyboard.type("Keyboard test: clear and quick")
    tab_to("el.type === 'submit' && el.closest('.app-feedback')")
    page.keyboard.press("Enter")
    expect(turn.locator(".app-feedback__thanks")).to_be_visible()
    screenshot(page, "6b-keyboard-feedback-sent")

    page.goto("/admin/feedback")
    row = page.locator("#feedback-table tr", has_text="Keyboard test: clear and quick")
    # Feedback on the answer records the whole exchange: the question and the replies chosen.
    assert choices, "the leaver question should need at least one clarifying reply"
    expect(row).to_contain_text(LEAVER_QUESTION + " → " + choices[0])


def test_feedback_admin_and_csv_export(page, live_server):
    page.goto("/")
    choose_authority(page, "chat-authority", "Worcestershire")
    turn = ask(page, PROCEDURE_QUESTION)
    fb = turn.locator(".app-feedback")
    fb.get_by_role("button", name="Send feedback").click()
    expect(fb.locator(".govuk-error-summary")).to_contain_text("Select yes if the answer was useful")
    fb.get_by_label("No", exact=True).check()
    fb.get_by_label(re.compile("What was right or wrong")).fill("Quoted the school, not the LA")
    fb.get_by_role("button", name="Send feedback").click()
    expect(turn.locator(".app-feedback__thanks")).to_be_visible()
    screenshot(page, "7-chat-feedback")

    page.goto("/admin/feedback")
    table = page.locator("#feedback-table")
    row = table.locator("tr", has_text="Quoted the school, not the LA")
    expect(row).to_contain_text(PROCEDURE_QUESTION)
    expect(row.locator(".govuk-tag")).to_have_text("Not useful")
    expect(row.locator("code")).to_have_text(re.compile(r"^[0-9a-f]{12}$"))
    screenshot(page, "7b-feedback-admin")
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("Download all feedback")).click()
    csv_text = open(info.value.path(), encoding="utf-8").read()
    assert csv_text.startswith("id,created_at,rating,comment,settings_hash")
    assert "Quoted the school, not the LA" in csv_text


def _referrals_available(live_server) -> bool:
    import json
    import urllib.request

    with urllib.request.urlopen(f"{live_server}/openapi.json") as r:
        return "/v1/referrals/draft" in json.load(r)["paths"]


def _fill_date(page, prefix: str, day: int, month: int, year: int) -> None:
    page.fill(f"#{prefix}-day", str(day))
    page.fill(f"#{prefix}-month", str(month))
    page.fill(f"#{prefix}-year", str(year))


def test_referral_draft_with_missing_field_word_download_and_approval(page, live_server):
    if not _referrals_available(live_server):
        pytest.skip("the referral drafting API is not in this app")
    page.goto("/referrals")
    page.select_option("#ref-authority", "Derbyshire")
    expect(page.locator("#ref-form-choice")).to_contain_text("Derbyshire CME referral form")
    page.fill("#ref-child-name", "Alex Example")
    _fill_date(page, "ref-date-of-birth", 2, 5, 2014)
    page.fill("#ref-address", "1 Example Road, Matlock")
    page.fill("#ref-postcode", "DE4 3AA")
    page.fill("#ref-parent-name", "Sam Example")
    page.fill("#ref-school-name", "Cromford Primary")
    _fill_date(page, "ref-first-day-of-absence", 2, 11, 2026)
    page.fill("#ref-destination", "Not known")
    page.fill("#ref-enquiries-made", "Phoned both parents\nHome visit 5 November")
    # The emergency telephone number is left out on purpose.
    page.click("#ref-submit")

    missing = page.locator("#ref-missing")
    expect(missing).to_be_visible()
    expect(missing).to_contain_text("Parent/carer emergency telephone")
    expect(page.locator('[data-field-row="parent_phone"]')).to_contain_text("To complete")
    expect(page.locator('[data-field-row="child_name"]')).to_contain_text("Alex Example")
    expect(page.locator("#ref-escalation")).to_have_count(0)
    missing.get_by_role("link", name="Parent/carer emergency telephone").click()
    expect(page.locator("#ref-parent-phone")).to_be_focused()
    screenshot(page, "8-referral-draft")

    with page.expect_download() as info:
        page.click("#ref-docx")
    assert info.value.suggested_filename.endswith(".docx")
    assert open(info.value.path(), "rb").read(2) == b"PK"  # a Word document is a zip

    heading = page.locator("#ref-draft-heading")
    draft_short = page.locator("#ref-preview .app-muted").first.inner_text()
    expect(page.locator("#ref-table")).to_be_visible()
    page.click("#ref-approve")
    expect(page.locator("#ref-preview .govuk-tag").first).to_have_text("Approved")
    expect(page.locator("#ref-preview .govuk-inset-text")).to_contain_text("Approved by")
    expect(heading).to_be_visible()
    assert draft_short
    screenshot(page, "8b-referral-approved")


def test_referral_escalation_banner_and_reject_needs_a_reason(page, live_server):
    if not _referrals_available(live_server):
        pytest.skip("the referral drafting API is not in this app")
    page.goto("/referrals")
    page.select_option("#ref-authority", "Norfolk")
    page.fill("#ref-child-name", "Alex Example")
    page.check("#ref-cp-plan-0")  # child protection plan: Yes
    page.click("#ref-submit")
    banner = page.locator("#ref-escalation")
    expect(banner).to_be_visible()
    expect(banner).to_be_focused()
    assert banner.get_attribute("role") == "alert"
    assert banner.bounding_box()["y"] < page.locator("#ref-draft-heading").bounding_box()["y"]
    page.click("#ref-reject")
    expect(page.locator("#ref-review-errors")).to_contain_text("Enter why you are rejecting the draft")
    page.fill("#ref-comment", "Safeguarding referral first; CME form not needed yet")
    page.click("#ref-reject")
    expect(page.locator("#ref-preview .govuk-tag").first).to_have_text("Rejected")
    screenshot(page, "8c-referral-escalation-rejected")
