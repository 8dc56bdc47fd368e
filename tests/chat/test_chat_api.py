"""/v1/chat and /v1/chat/stream over the real index with the deterministic engine."""

import json
import re

import pytest

from assistant.chat.sessions import SessionStore


def chat(client, message, **kw):
    r = client.post("/v1/chat", json={"message": message, **kw})
    assert r.status_code == 200, r.text
    return r.json()


def test_contract_and_verbatim_quotes(client, retriever):
    body = chat(client, "What information has to go in the deletion return?")
    assert set(body) >= {"session_id", "action", "answer", "citations", "tool_calls", "options", "flags"}
    assert body["action"] == "answered" and body["citations"]
    for c in body["citations"]:
        chunk = retriever.chunk(c["chunk_id"])
        assert " ".join(c["quote"].split()) in " ".join(chunk.text.split())
        assert c["text"] == chunk.text and f"[{c['n']}]" in body["answer"]


def test_leaver_question_is_answered_by_the_rule_tool(client):
    body = chat(client, "Very sadly one of our Year 3 pupils has died. Which leaver reason do we record?")
    assert body["action"] == "answered"
    call = body["tool_calls"][0]
    assert call["name"] == "leaver_reason" and call["result"]["code"] == "9(1)(k)"
    assert body["answer"].index("9(1)(k)") < 60  # the rule result leads
    assert any(c["doc_id"] == "uksi-2024-208" for c in body["citations"])


@pytest.mark.parametrize("message, code", [
    # a story with no question: the leaver rules answer it when its facts settle a ground
    pytest.param("Family have emigrated to Canada for good - Year 8 girl, not a boarder, no new school named.", "9(1)(g)",
                 id="story-without-a-question"),
    # its dates are facts for the rules, not a date to count to
    pytest.param("Year 9, authorised leave ended Fri 18 Sept 2026 and she never came back; the 10 school days after that are "
                 "long gone. No sign of illness. Joint enquiries with the LA attendance service - no forwarding address - she "
                 "hasn't been traced.", "9(1)(h)", id="story-with-leave-dates"),
    # "What do we do about the register?" asks for the leaver rules' answer
    pytest.param("Sad news: one of our Year 5 pupils died at the weekend. What do we do about the register?", "9(1)(k)",
                 id="register-ask"),
])
def test_pupil_story_the_rules_settle_is_answered_by_the_rule_tool(client, message, code):
    body = chat(client, message)
    assert [t["name"] for t in body["tool_calls"]] == ["leaver_reason"]
    assert body["tool_calls"][0]["result"]["code"] == code


@pytest.mark.parametrize("message, kind", [
    # facts-v1 f087: an attendance order naming this school is in force, so no ground applies yet; the
    # rules say so, rather than a passage on school attendance orders
    pytest.param("Y7 boy has been put on roll at Westfield Academy by his mum, but we're the school named on his SAO and the "
                 "order is still in force. Westfield confirmed he's on their register.", "no_ground", id="no-ground-yet"),
    # facts-v1 f054: the rules know the situation (dual registration) and ask about the other school's consent
    pytest.param("Y9 dual registered with us and the PRU. We don't think he'll come back here. What now?",
                 "needs_facts", id="one-fact-short"),
])
def test_a_deletion_story_the_rules_cannot_settle_yet_is_still_theirs(client, message, kind):
    body = chat(client, message)
    assert [t["name"] for t in body["tool_calls"]] == ["leaver_reason"]
    assert body["tool_calls"][0]["result"]["kind"] == kind


@pytest.mark.parametrize("message", [
    # v4 a412 and its rewordings: how to mark the register for a remanded pupil is an attendance-code
    # question, although the rules would say remand is no deletion ground
    pytest.param("Year 11 lad has been remanded into youth detention accommodation while he waits for trial. what code do we "
                 "put in the register for him?", id="attendance-code"),
    # v26 a2649: what a policy says about custody, asked of the current law
    pytest.param("Our academy's CME policy says we tell the LA about a pupil in custody only when it's for more than four "
                 "months under a final court order. Is that still the rule for taking a sentenced pupil off roll?",
                 id="policy-rule"),
])
def test_a_story_about_recording_or_a_policy_is_not_sent_to_unsettled_rules(client, message):
    body = chat(client, message)
    assert body["action"] == "answered"
    assert not any(t["name"] == "leaver_reason" and t["result"].get("kind") != "ground" for t in body["tool_calls"])


def test_a_situation_the_rules_cannot_read_with_a_documents_ask_is_answered_from_the_documents(client):
    # v24 a2401 / v25 a2503: "an EOTAS package" is no situation the fact reader knows; asking the
    # officer "what is happening with the pupil?" would ignore the half of the question the
    # authority's guidance answers (its reason list names EOTAS, its documents list says what to send).
    body = chat(client, "We've agreed an EOTAS package for a Year 7 girl with an EHCP and her school is taking her off roll. "
                        "Which leaving reason should they pick, and what do they need from us to go with it?",
                authority="Worcestershire")
    assert body["action"] == "answered"
    assert not any(t["name"] == "leaver_reason" for t in body["tool_calls"])
    assert "EOTAS" in body["answer"] and "9(1)(f)" in body["answer"]


def test_a_story_asking_whom_to_tell_stays_a_procedure_question(client):
    body = chat(client, "Family have emigrated to Canada for good - Year 8 girl. Who do we tell at the LA?")
    assert not any(t["name"] == "leaver_reason" for t in body["tool_calls"])


def test_deadline_question_uses_the_deadline_tool(client):
    body = chat(client, "A new pupil was entered on the admission register on 07/11/2025. When is the new pupil return due?")
    call = body["tool_calls"][0]
    assert call["name"] == "deadline" and call["result"]["due"] == "2025-11-12"
    assert "12 November 2025" in body["answer"]


@pytest.mark.parametrize("message", [
    # v37 a3735: no "when", but the question is the pupil's own leaving date
    pytest.param("Setting leaving dates in SIMS for Year 10. Boy born 10 May 2012. Our borough guidance puts it as the Friday "
                 "before the last Monday of June, which I make Friday 23 June 2028. Is that his school leaving date?", id="is-that-his-leaving-date"),
    pytest.param("Born 10 May 2012 - can he leave school in June 2028, and on what day exactly?", id="can-he-leave-school"),
])
def test_a_birth_date_and_a_school_age_question_use_the_csa_tool(client, message):
    body = chat(client, message)
    assert [c["name"] for c in body["tool_calls"]] == ["compulsory_school_age"]
    assert body["tool_calls"][0]["result"]["end"] == "2028-06-30"
    assert "30 June 2028" in body["answer"]


def test_school_age_start_cites_every_prescribed_day(client):
    """v38 a3831: the start of compulsory school age cites the Order's articles and its note naming all three days."""
    body = chat(client, "Boy born 19 September 2021, just arrived from abroad. From what date is he of compulsory school age?")
    assert body["tool_calls"][0]["result"]["start"] == "2026-12-31"
    first_line = body["answer"].split("\n")[0]
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", first_line)}
    quotes = [c["quote"] for c in body["citations"] if c["n"] in cited]
    assert any("31st August, 31st December and 31st March" in q for q in quotes), quotes
    assert all(c["doc_id"] == "uksi-1998-1607" for c in body["citations"] if c["n"] in cited)


def test_a_birth_date_in_a_leaver_story_is_not_a_school_age_question(client):
    body = chat(client, "Year 11 boy, born 10 May 2010, has left to be home educated; mum wrote to us. Which leaver reason?")
    assert "compulsory_school_age" not in [c["name"] for c in body["tool_calls"]]


def test_clarify_then_continue_in_the_same_session(client):
    first = chat(client, "The family have moved away. Can we take her off roll?")
    assert first["action"] == "clarify" and first["options"]
    sid = first["session_id"]
    reply = first["options"][0]
    second = chat(client, reply, session_id=sid)
    assert second["session_id"] == sid
    assert second["action"] in ("clarify", "answered")
    assert second["tool_calls"] and second["tool_calls"][0]["name"] == "leaver_reason"


def test_an_attendance_order_in_force_asks_whether_the_la_amended_it_then_decides(client):
    # v34 a3430: a letter about the order, but not what it did (and the head's own leave is no pupil's leave)
    first = chat(client, "We have a Year 5 girl who was placed with us last year under a school attendance order. The "
                         "county wrote to the head about the order and the upshot is she won't be on our books any more, but "
                         "the head has gone on leave with the letter. Which leaving reason applies?")
    assert first["action"] == "clarify"
    assert first["tool_calls"][0]["result"]["missing"][0]["key"] == "sao_amended_to_other_school"
    assert "amended" in first["answer"]
    second = chat(client, "Yes", session_id=first["session_id"])
    assert second["tool_calls"][0]["result"].get("code") == "9(1)(d)", second["answer"]


def test_a_special_school_placement_leaving_quotes_the_las_consent(client):
    # v34 a3418: the move leads the search; regulation 9(2) must still be quoted
    body = chat(client, "DSL at a special school. A Year 5 boy, placed with us by the county through his EHCP, has moved with "
                        "his mum to Cornwall and they're not coming back. For mainstream leavers who move away we'd pick the "
                        "moved-away reason. Is there anything different for us because he's at a special school?")
    assert body["action"] == "answered"
    assert any("9(2)" in c.get("section", "") or "special school is of compulsory school age" in c["quote"] for c in body["citations"])
    assert "consent" in body["answer"]


def test_a_deletion_the_rules_cannot_place_is_answered_from_the_regulations_when_they_lead(client):
    # v45 a4517's shape: the leaver rules do not recognise a council placement at a special school, so
    # they would ask what is happening; the Regulations' 9(2) says who must agree first.
    body = chat(client, "We're a special school and the county placed one of our Year 9 boys here. He's now on roll at a "
                        "mainstream academy. Can we just take him off?")
    assert body["action"] == "answered", body["answer"]
    assert body["citations"][0]["doc_id"] == "uksi-2024-208"
    assert "consent" in body["answer"]
    # The rules were still asked, and their question is shown rather than dropped.
    assert body["tool_calls"][0]["name"] == "leaver_reason"
    assert body["tool_calls"][0]["result"]["missing"][0]["key"] == "situation"
    # A story the documents answer only from a local policy still gets the rules' question (v6 a608's shape).
    story = chat(client, "Dad phoned: she starts at Hillside Primary on Tuesday, they've moved round the corner. "
                         "Can I take her off our roll today?")
    assert story["action"] == "clarify", story["answer"]
    assert story["tool_calls"] and story["tool_calls"][0]["name"] == "leaver_reason"


def test_a_leaving_reason_asked_of_two_named_authorities_is_answered_from_their_documents(client):
    # v52 a5246's shape: the rules cannot place a pupil in general, so they would ask what is happening;
    # Worcestershire's document lists its reasons by situation, so it answers, the rules' call shown.
    body = chat(client, "Our trust runs schools in Worcestershire and in Derbyshire. For a pupil leaving the UK altogether, "
                        "what does each county expect of us, and which leaving reason?")
    assert body["action"] == "answered", body["answer"]
    assert {c["authority"] for c in body["citations"]} >= {"Worcestershire"}
    assert body["tool_calls"][0]["name"] == "leaver_reason"
    # One authority named: the rules' question stands.
    one = chat(client, "Our school is in Worcestershire. For a pupil leaving the UK altogether, which leaving reason?")
    assert one["action"] == "clarify", one["answer"]


def test_a_scoped_question_that_asks_where_else_gets_another_authoritys_answer(client):
    # v34 a3442: "Is that in the Norfolk policy, and if not, where does it come from?"
    body = chat(client, "DSL at a Norfolk primary. One of our Year 6 girls has gone missing from home three times since the "
                        "summer; each time she's turned up within a day. I remember a policy somewhere says a number of missing "
                        "episodes in a set period means Children's Services should do an assessment. Is that in the Norfolk "
                        "policy, and if not, where does it come from?", authority="Norfolk")
    assert body["action"] == "answered" and "other_authority" in body["flags"]
    assert any(c["doc_id"] == "aspire-academy-cme-policy-2023" and "90 day" in c["quote"] for c in body["citations"])


def test_naming_ones_own_authority_still_shows_anothers_nearly_as_good_passage(client):
    # v33 a3343: Norfolk's documents have no day-5 step; Aspire's (Worcestershire) has the home visit
    body = chat(client, "norfolk - Y4 off sick 5 days in a row now. anything we're meant to do on day 5?", authority="Norfolk")
    assert body["action"] == "answered" and "other_authority" in body["flags"]
    assert any(c["authority"] == "Worcestershire" for c in body["citations"])
    assert "home visit" in body["answer"].lower()


def test_a_passage_shown_beside_the_own_authoritys_does_not_answer_what_it_lacks(client):
    # v33 a3337: another authority's form passage must not make "where do I download it?" look answered
    body = chat(client, "norfolk - where do i download a blank CME 1 form from?", authority="Norfolk")
    assert body["action"] == "not_found" and not body["citations"]


def test_a_later_edition_is_not_read_from_a_documents_own_review_date(client):
    # v32 a3249: "Review Date September 2026" names no edition of the guidance asked about
    body = chat(client, "A head in Derbyshire quoted their CME policy to me as saying the DfE guidance on children missing "
                        "education was last updated in September 2016. Is that still the latest version?")
    assert body["action"] == "answered" and body["citations"]
    assert not any("Review Date" in c["quote"] for c in body["citations"]), [c["quote"] for c in body["citations"]]


def test_unanswerable_is_not_found_without_citations(client):
    body = chat(client, "What is Kent County Council's CME team email address?")
    assert body["action"] == "not_found" and body["citations"] == []
    assert "do not cover" in body["answer"]


@pytest.mark.parametrize("message", [
    # v14 a1437, v22 a2240: no policy gives the LA a time to respond to a referral or visit
    "Once we've sent a CME referral to the Derbyshire co-ordinator, how many working days does the LA have to respond to us "
    "or make a home visit?",
    "Once the county gets one of our CME referrals, how many days have their officers got to do a home visit?",
])
def test_the_time_allowed_for_a_step_no_policy_times_is_not_found(client, message):
    body = chat(client, message)
    assert body["action"] == "not_found" and body["citations"] == []


def test_authority_scoped_answer_says_whose_procedure(client):
    body = chat(client, "Which form do we send before removing a child from roll?", authority="Derbyshire")
    assert body["action"] == "answered"
    assert "Derbyshire" in body["answer"]
    assert all(c["authority"] in ("Derbyshire", "England") for c in body["citations"]) or "other_authority" in body["flags"]


def test_stale_source_is_flagged(client):
    body = chat(client, "What does the Aspire Academy do on the first day a child is absent without a call?",
                authority="Worcestershire")
    assert "stale_source" in body["flags"] and "review" in body["answer"]


@pytest.mark.parametrize("message, action", [
    # v13 a1330: no document cites a 2026 edition (2026 is only a review date), so passages on the 2024 one are no answer
    ("Has the 2026 edition of the DfE's WTISA attendance guidance changed what schools must do on the first day a pupil "
     "is absent without explanation?", "not_found"),
    ("Has the 2024 edition of the DfE's WTISA attendance guidance changed what schools must do on the first day a pupil "
     "is absent without explanation?", "answered"),
])
def test_an_edition_no_document_cites_is_not_answered_from_another(client, message, action):
    assert chat(client, message)["action"] == action


@pytest.mark.parametrize("message, action", [
    # v29 a2936: no document gives an out-of-hours line, so the daytime numbers are no answer
    ("What's the out of hours phone number for the Derbyshire CME team?", "not_found"),
    ("What's the phone number for the Derbyshire CME team?", "answered"),
])
def test_an_out_of_hours_number_is_not_answered_by_a_daytime_one(client, message, action):
    body = chat(client, message)
    assert body["action"] == action
    assert ("01629" in body["answer"]) is (action == "answered")


def test_something_newer_than_an_old_source_is_the_later_edition_a_newer_document_cites(client):
    # v40 a4049, v41 a4150: the 2003 guidance a 2019 document cites, and Working Together 2023 in a 2025 one
    body = chat(client, "The Barking and Dagenham guidance says the rule that every council has a named person for children "
                        "missing education comes from 2003 information-sharing guidance. Is that still the source, or is there "
                        "something newer I should be quoting?")
    assert body["action"] == "answered"
    assert "A newer document held cites a later edition" in body["answer"]
    later = body["answer"].split("A newer document held cites a later edition", 1)[1]
    assert "Worcestershire" in later and re.search(r"\b202[3-6]\b", later)
    assert any(c["doc_id"] == "worcestershire-cme-policy-2025" for c in body["citations"])


def test_still_the_law_of_an_old_deletion_rule_quotes_its_ground_now(client, retriever):
    # v40 a4050: the story matches regulation 9's opening line better than the ground that replaced
    # the Derbyshire policy's 20-school-day rule; the rule's own words find 9(1)(i).
    body = chat(client, "Our adopted county policy still points staff at the 2006 pupil registration regulations, and it says "
                        "children who go missing shouldn't come off roll until they've been away 20 school days and the "
                        "school and LA have made enquiries together. Is that still the law, or has something changed?",
                authority="Derbyshire")
    assert body["action"] == "answered" and "stale_source" in body["flags"]
    law = [c for c in body["citations"] if c["doc_id"] == "uksi-2024-208"]
    assert any("9(1)(i)" in retriever.chunk(c["chunk_id"]).paragraphs for c in law), [c["quote"][:60] for c in law]
    assert any("twenty school days" in c["quote"] for c in law)


def test_a_quoted_passage_naming_replaced_guidance_is_flagged(client):
    # Worcestershire's manifest entry lists no replaced instrument, but its absence-form section
    # still sends schools to the 2016 CME guidance (v28 a2849, v29 a2949).
    body = chat(client, "The county's school user guide tells us to read the 2016 CME statutory guidance when we send in an "
                        "absence form. Is 2016 still the current version?", authority="Worcestershire")
    assert body["action"] == "answered" and "stale_source" in body["flags"]
    assert "refers to 2016 CME statutory guidance" in body["answer"]


def test_a_quoted_passage_naming_the_2006_regulations_gets_the_2024_commencement(client):
    body = chat(client, "Cromford's CME policy sends us to the 2006 pupil registration regulations for the rules on taking "
                        "children off roll. Are those still the regulations we should be using?")
    assert any("Regulations 2006" in c["quote"] for c in body["citations"] if c["authority"] == "Derbyshire")
    now = [c for c in body["citations"] if "come into force on 19th August 2024" in c["quote"]]
    assert len(now) == 1 and now[0]["doc_id"] == "uksi-2024-208"
    assert f"19th August 2024. [{now[0]['n']}]" in body["answer"]


def test_unknown_authority_and_bad_bodies(client):
    r = client.post("/v1/chat", json={"message": "hi", "authority": "Kent"})
    assert r.status_code == 422 and "Norfolk" in r.json()["error"]["message"]
    r = client.post("/v1/chat", content=b"{oops", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    r = client.post("/v1/chat", json={"message": "x" * 5000})
    assert r.status_code == 422 and r.json()["error"]["code"] == "message_too_long"


def test_stream_emits_tokens_then_final(client):
    with client.stream("POST", "/v1/chat/stream", json={"message": "How long must attendance register entries be kept?"}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        raw = "".join(r.iter_text())
    events = [block for block in raw.split("\n\n") if block.strip()]
    kinds = [e.split("\n")[0] for e in events]
    assert kinds[-1] == "event: final" and kinds.count("event: token") >= 3
    final = json.loads(events[-1].split("data: ", 1)[1])
    tokens = "".join(json.loads(e.split("data: ", 1)[1]) for e in events[:-1])
    assert tokens == final["answer"] and final["action"] in ("answered", "not_found")


def test_sessions_are_bounded_and_expire():
    now = [0.0]
    store = SessionStore(max_sessions=2, ttl_seconds=10, now=lambda: now[0])
    a = store.get_or_create(None)
    b = store.get_or_create(None)
    store.get_or_create(None)
    assert len(store) == 2 and store.get_or_create(a.session_id) is not a  # oldest evicted
    now[0] = 100.0
    assert store.get_or_create(b.session_id) is not b  # expired


def test_referral_drafting_through_chat(client):
    first = chat(client, "Please draft a CME referral for a Year 6 pupil who has been absent since 03/11/2025; we phoned mum twice.")
    assert first["action"] == "clarify" and "Derbyshire" in first["options"]
    second = chat(client, "Derbyshire", session_id=first["session_id"])
    assert second["action"] in ("answered", "escalated")
    assert "To complete" in second["answer"] and second["tool_calls"][0]["name"] == "draft_referral"
    assert "Year 6" in second["answer"]


def test_a_quote_starts_where_its_list_item_starts(client):
    # The best sentence is the second of list item 1; the quote must carry the item's own start
    # ("1st day of absence ... SMS sent"), or the reader gets a step without its trigger.
    body = chat(client, "At Aspire, what happens on the first day a child is off and the parents haven't called in?",
                authority="Worcestershire")
    assert body["action"] == "answered"
    assert "SMS" in body["answer"]
    assert any("1. 1st day of absence, if no contact is received" in c["quote"] for c in body["citations"])


def test_a_question_naming_its_authority_is_answered_from_that_authority(client):
    body = chat(client, "Who does the DSL contact straight away in Derbyshire if a child with a CP plan may go missing?",
                authority="Derbyshire")
    assert body["citations"][0]["authority"] == "Derbyshire"
    assert "starting point" in body["answer"].lower()
    # Another authority's nearly-as-good passage may follow (session 20), but only after Derbyshire's
    # answer and under a line saying it is not Derbyshire's procedure.
    others = [c for c in body["citations"] if c["authority"] not in ("Derbyshire", "England")]
    if others:
        assert "other_authority" in body["flags"]
        assert "it is not Derbyshire's procedure" in body["answer"]
        assert body["answer"].index("it is not Derbyshire's procedure") < body["answer"].index(f"[{others[0]['n']}]")


def test_enactment_lines_are_never_the_answer(client):
    body = chat(client, "What's the closing date for Year 7 applications for September 2026 in Norfolk?",
                authority="Norfolk")
    assert body["action"] == "not_found" and body["citations"] == []


def test_the_question_that_separates_grounds_comes_before_the_age_question(client):
    first = chat(client, "A pupil has been excluded. Which deletion reason do I use?")
    assert first["action"] == "clarify"
    assert "permanent" in (first["answer"] + " ".join(first["options"])).lower()
    assert "compulsory school age" not in first["answer"].split("\n")[0].lower()
    # Nothing was said about age: the decision goes on assuming compulsory school age, and says so once made.
    assert first["tool_calls"][0]["arguments"].get("of_compulsory_school_age") is True


def test_when_the_law_answers_it_is_not_replaced_by_local_versions(client):
    # No authority chosen and the best passage is the regulation itself: the law answers for every
    # authority, so it must lead rather than be swapped for side-by-side local passages.
    body = chat(client, "What details does a school have to send the local authority in a deletion return?")
    assert body["action"] == "answered"
    assert body["citations"][0]["doc_id"] == "uksi-2024-208"
    assert "full name" in body["answer"]
    # A list travels with its introduction: the quote runs on through the items, not two of them.
    assert "telephone number" in body["citations"][0]["quote"]


def test_a_list_item_is_quoted_with_the_line_that_introduces_it(client):
    body = chat(client, "Who holds the database of children not in full-time education?", authority="Barking and Dagenham")
    assert body["action"] == "answered"
    quote = body["citations"][0]["quote"]
    assert "Education Inclusion Team" in quote and "reduced timetable" in quote
    assert len(quote.split()) <= 150


def test_which_code_follows_the_definition_to_its_register_row(client):
    # "Police custody" is defined in reg 10(14) ("criminal justice detention"); the code is the
    # table row that refers to paragraph (14), and it leads the answer.
    body = chat(client, "Which attendance code do we use for a pupil held in police custody?")
    assert body["action"] == "answered"
    first = body["citations"][0]
    assert first["doc_id"] == "uksi-2024-208" and "| Y5 |" in first["quote"]
    assert "code Y5: " in body["answer"]  # the row is shown code first, its words as the law has them
    assert any("police detention" in c["quote"] for c in body["citations"][1:])


@pytest.mark.parametrize("message, code", [
    # v14 a1417 and v13 a1350: the code asked for in other words
    ("One of our Y10s has been remanded into youth detention while he waits for his trial. What do I mark him as in the "
     "register while he's in there?", "Y5"),
    ("Heavy snow means we're shutting the whole school for the day. What do we put in the attendance register for the "
     "sessions that don't happen?", "Y4"),
    # v16 a1620: "how should his absence be coded?"
    ("One of our Y10s was remanded into youth detention at the weekend and the trial isn't till the new year. How should "
     "his absence be coded while he's in there?", "Y5"),
    # v15 a1517: a story that shares few words with its row; every row of the code table competes
    ("Year 11 girl has an interview at the FE college next Tuesday morning - mum asked us about it last week. Can we "
     "authorise that, and what code do we put on the register?", "J1"),
    # v35 a3519: a story whose best passages are local ones; the code table's best row leads
    ("The county still hasn't put in place the home-to-school transport it's obliged to provide for one Year 2 boy, who "
     "lives well beyond walking distance, so he can't get to us. Mum is worried it'll go down as unauthorised. How should "
     "we record these sessions?", "code Q: "),
])
def test_the_register_code_asked_for_in_other_words(client, message, code):
    body = chat(client, message)
    assert body["action"] == "answered" and code in body["answer"]


def test_a_holiday_asks_first_whether_leave_was_given_and_the_answer_continues(client):
    first = chat(client, "One of our pupils went to Pakistan on a family holiday in October and has not come back. "
                         "Which leaver reason applies?")
    assert first["action"] == "clarify" and "leave of absence" in first["answer"].split("\n")[0]
    assert first["options"] == ["Yes", "No", "Not known"]
    second = chat(client, "Yes", session_id=first["session_id"])
    call = second["tool_calls"][0]
    assert call["name"] == "leaver_reason" and call["arguments"].get("leave_of_absence_given") is True
    # With leave given, 9(1)(h) is in play: the next thing it needs is when the leave ended.
    assert second["action"] == "clarify" and "last day of the leave" in second["answer"].split("\n")[0]


def test_what_happens_next_follows_the_process_into_the_next_chunk(client):
    body = chat(client, "The parents have been sent a notice to enrol their child but have not done it. "
                        "What happens next?", authority="Barking and Dagenham")
    assert body["action"] == "answered"
    assert "School Attendance Order" in body["answer"]


def test_an_answer_from_an_out_of_date_policy_brings_the_current_law(client):
    body = chat(client, "Aspire's policy lets us take a pupil off roll after four months in custody. "
                        "What does the law say now?", authority="Worcestershire")
    assert body["action"] == "answered" and "stale_source" in body["flags"]
    docs = [c["doc_id"] for c in body["citations"]]
    assert "aspire-academy-cme-policy-2023" in docs and "uksi-2024-208" in docs
    law = next(c for c in body["citations"] if c["doc_id"] == "uksi-2024-208")
    assert "sentence of detention" in law["quote"]


def test_side_by_side_shows_where_copied_policies_differ(client):
    # Aspire and Riverside share most of their attendance paragraphs; the sentence that differs is
    # the one each should be quoted for.
    body = chat(client, "How do parents ask for special leave in term time — do they fill in a form or see someone?")
    assert body["action"] == "answered"
    assert "complete a form" in body["answer"] and "meet with the Executive Head Teacher" in body["answer"]
    assert {c["doc_id"] for c in body["citations"]} >= {"aspire-academy-cme-policy-2023", "riverside-federation-cme-policy"}
    # Item 4 is a sentence of its own: it is not quoted with its list label and items 1-3.
    assert all("Attendance Expectations" not in c["quote"] for c in body["citations"])


def test_a_longer_list_item_is_quoted_with_its_lead_in(client):
    body = chat(client, "Do we have to send new pupil returns for our reception intake who all start on the first day of the school year?")
    quotes = " ".join(c["quote"] for c in body["citations"])
    # 13(2)(b) alone ("their starting day is the first day of the school year") does not say what it exempts.
    assert "A registered pupil is within this paragraph if" in quotes and "most junior class" in quotes


def test_a_short_regulation_is_quoted_whole(client):
    # Regulation 12's definition of who may inspect the registers is in paragraph (4): a quote of
    # (1) and (2) alone would not say that the LA officer must be authorised.
    body = chat(client, "Is a local authority officer allowed to look at and take copies from an academy's admission and attendance registers?")
    assert body["action"] == "answered"
    assert "an officer of the local authority who is authorised for the purpose" in " ".join(c["quote"] for c in body["citations"])


def test_how_to_get_hold_of_someone_is_answered_with_their_contact_details(client):
    body = chat(client, "Who is the CME officer for Barking and Dagenham and how do I get hold of them?",
                authority="Barking and Dagenham")
    assert body["action"] == "answered"
    assert "Vanessa Radke" in body["answer"] and "accessattendance@lbbd.gov.uk" in body["answer"]


def test_a_contact_request_is_not_answered_with_someone_elses_details(client):
    # Derbyshire's document gives the CME co-ordinators' address, not an EHE team's.
    body = chat(client, "What's the email address for Derbyshire's Elective Home Education team?", authority="Derbyshire")
    assert "cs.cmecoordinators@derbyshire.gov.uk" not in body["answer"]
    assert body["action"] == "not_found"


def test_a_contact_is_whoever_is_named_just_before_it_not_anywhere_in_the_sentence(client):
    # Riverside's sentence sends CME 3 forms "to the operational Attendance Team at csattendance@…" and
    # ends with "Elective Home Education": that does not make it the EHE team's address (v17 a1737, v36 a3641).
    for message in ("what's the email for the norfolk elective home education team?",
                    "Is there a named Elective Home Education adviser, or an EHE email address, in Norfolk that schools "
                    "should notify when a parent withdraws a child to educate them at home?"):
        body = chat(client, message, authority="Norfolk")
        assert body["action"] == "not_found", message
        assert "csattendance@norfolk.gov.uk" not in body["answer"]
    # …while the team named before its address still gets it
    body = chat(client, "What's the email address for Norfolk's operational Attendance Team?", authority="Norfolk")
    assert body["action"] == "answered" and "csattendance@norfolk.gov.uk" in body["answer"]


def test_a_phone_number_for_a_service_no_document_lists_is_not_found(client):
    # The Worcestershire policy gives the attendance helpline, which is not the Virtual School's number.
    body = chat(client, "What's the phone number for the Worcestershire Virtual School?", authority="Worcestershire")
    assert body["action"] == "not_found" and "844440" not in body["answer"]


def test_a_message_naming_two_authorities_is_answered_for_each_of_them(client):
    body = chat(client, "We get pupils from both Derbyshire and Norfolk - what are the forms called for telling each LA "
                        "that a child has come off roll?")
    assert body["action"] == "answered"
    assert {c["authority"] for c in body["citations"]} == {"Derbyshire", "Norfolk"}
    assert "Children Missing Leaver form (CML)" in body["answer"]  # Derbyshire's own form, from its own policy


def test_a_contact_line_under_a_name_is_quoted_with_the_name(client):
    # The Virtual School's phone numbers sit on lines of their own under each officer's name.
    body = chat(client, "Need to speak to the virtual school in B&D about a looked-after Year 10's PEP. It's a Thursday "
                        "today - who's working and how do I get hold of them?", authority="Barking and Dagenham")
    assert body["action"] == "answered"
    assert "Tricia Butler" in body["answer"] and "020 8227 2075" in body["answer"]


def test_where_to_send_a_referral_without_an_authority_asks_which(client):
    body = chat(client, "who do i send a CME referral to? need an email asap")
    assert body["action"] == "clarify" and "Derbyshire" in body["options"]


def test_how_often_is_answered_by_a_passage_that_gives_a_frequency(client):
    # Reg 7(b) mentions back-up copies; reg 5(3) says how often they are made ("at least once a month").
    body = chat(client, "how long do we legally have to hang on to register entries, and how often does the register need backing up?")
    assert body["action"] == "answered"
    assert "six years" in body["answer"] and "once a month" in body["answer"]


def test_a_regulation_paragraph_brings_the_next_one_that_refers_back_to_it(client):
    # 13(9) says when a sickness return is needed; 13(10) ("…after the conditions in paragraph (9)…") says how soon.
    body = chat(client, "is it true we now have to report kids who are off long term sick to the LA? what triggers it and "
                        "how quickly does it have to go in?")
    assert body["action"] == "answered"
    assert "15 consecutive school days" in body["answer"] and "as soon as possible" in body["answer"]
    assert any("13(10)" in c["section"] for c in body["citations"])


def test_getting_hold_of_forms_is_not_a_request_for_someones_contact_details(client):
    body = chat(client, "New office manager at a Derbyshire primary here. Where would I get hold of the county's CME forms and "
                        "the guidance notes that go with them?", authority="Derbyshire")
    assert body["action"] == "answered" and "SchoolsNet" in body["answer"]


def test_saying_where_one_works_still_allows_another_authoritys_answer(client):
    # "our Norfolk school" says where the asker works, not that Norfolk's documents hold the answer.
    body = chat(client, "I'm writing the safeguarding section of our Norfolk school's staff handbook. Is there a specialist "
                        "advice line staff could call about suspected child trafficking, and what hours is it open?",
                authority="Norfolk")
    assert body["action"] == "answered" and "other_authority" in body["flags"]
    assert "0808 800 5000" in body["answer"] and "Barking and Dagenham" in body["answer"]
    # Asking about Norfolk's own service stays with Norfolk (B&D's Virtual School numbers are not Norfolk's).
    body = chat(client, "What's the phone number for Norfolk's Virtual School?", authority="Norfolk")
    assert body["action"] == "not_found" and "020 8227" not in body["answer"]


def test_a_quote_runs_on_through_sentences_that_hold_question_words_it_lacks(client):
    body = chat(client, "I work in the office at one of the Riverside Federation schools. A dad has asked for his two children "
                        "to have a fortnight off in term time to visit family overseas. Who does he need to see about it, and "
                        "what will we ask him for?", authority="Norfolk")
    assert body["action"] == "answered"
    assert "Executive Head" in body["answer"] and "return date" in body["answer"]
    for c in body["citations"]:  # still verbatim
        assert " ".join(c["quote"].split()) in " ".join(c["text"].split())


def test_a_count_must_stand_beside_the_questions_own_topic(client):
    # No document gives the period a parent has to answer an SAO notice; "after 20 days" about
    # absence is a number of days, but not that one.
    body = chat(client, "Once the LA has sent parents the formal notice before an SAO, how many days do they get to respond "
                        "before the order can be issued?")
    assert body["action"] == "not_found" and not body["citations"]
    body = chat(client, "How many days do schools have to notify the local authority when a pupil's name is added to the "
                        "admission register?", authority="Worcestershire")
    assert body["action"] == "answered" and "five days" in body["answer"]


def test_a_long_story_does_not_hide_the_passage_its_question_asks_for(client):
    # The story dilutes how well any sentence matches the whole message; ranked by the whole message
    # and by its asking sentence together, the passage is found and judged answered, not 'not covered'.
    body = chat(client, "Worcs primary here. The family have gone to live in Spain and nobody knows if she will start "
                        "school there. Other than the de-rolling checklist, is there anything we have to do on S2S?",
                authority="Worcestershire")
    assert body["action"] == "answered"
    assert "Lost Pupil Database" in body["answer"] and "CTF" in body["answer"]


def test_a_comparison_across_authorities_leaves_none_out(client):
    # One search ranks only some documents high; every authority is searched for the comparison.
    body = chat(client, "Is there a set number of days before a school has to refer a child who has stopped attending "
                        "and cannot be found to the CME team?")
    assert body["action"] == "answered"
    for authority in ("Worcestershire", "Barking and Dagenham", "Derbyshire", "Norfolk"):
        assert f"**{authority} (" in body["answer"], authority


def test_asking_whether_an_old_documents_contact_is_still_right_brings_the_newer_documents(client):
    body = chat(client, "The Aspire policy from 2023 gives edwelfareCME@worcschildrenfirst.org.uk for CME concerns. "
                        "Is that e-mail still the right one to use?", authority="Worcestershire")
    assert body["action"] == "answered" and "stale_source" in body["flags"]
    assert "cme@worcestershire.gov.uk" in body["answer"].lower()
    assert {c["doc_id"] for c in body["citations"]} >= {"aspire-academy-cme-policy-2023", "worcestershire-cme-policy-2025"}


def test_what_if_the_step_fails_quotes_the_conditions_that_follow(client):
    body = chat(client, "B&D CME cover here. I can't establish whether a resident child is being educated anywhere. "
                        "What happens next, and what if the parents still refuse to enrol him?", authority="Barking and Dagenham")
    assert body["action"] == "answered"
    assert "nearest school" in body["answer"] and "School Attendance Order" in body["answer"]


def test_an_abbreviated_team_is_spelled_out_before_its_contact_is_looked_for(client):
    # Derbyshire's documents give no Virtual School number: its CME numbers are not an answer.
    body = chat(client, "Derbys VS phone number? CLA pupil needing in-year admission", authority="Derbyshire")
    assert body["action"] == "not_found" and "01629" not in body["answer"]


def test_naming_the_school_whose_policy_it_is_keeps_the_answer_in_that_policy(client):
    # "DSL at Cromford": Cromford's policy is Derbyshire's document, so its own procedure answers.
    body = chat(client, "I'm DSL at Cromford. One of our pupils has a child protection plan and we think she may go missing "
                        "from school soon. What should we do?", authority="Derbyshire")
    assert body["action"] in ("answered", "escalated") and "other_authority" not in body["flags"]


@pytest.mark.parametrize("message", [
    "Who's the CME officer for Leicestershire? A child has supposedly moved there.",
    "A family has moved to Birmingham and I'd like to tell their children missing education team. Have you got an email for them?",
    # saying where the asker works does not make the other authority's team one of ours
    "We're a Worcestershire school near the border. A family has moved to Shropshire without naming a school. "
    "What's Shropshire's CME team email?",
])
def test_another_english_authoritys_own_team_is_not_covered(client, message):
    body = chat(client, message)
    assert body["action"] == "not_found" and not body["citations"]


def test_naming_another_authority_as_where_a_family_came_from_still_answers(client):
    body = chat(client, "A family moved from Birmingham into Norfolk last month. Who do we tell about a child missing education "
                        "in Norfolk?")
    assert body["action"] == "answered"


def test_another_authoritys_nearly_as_good_passage_is_shown_beside_the_own(client):
    # Norfolk's documents say nothing of a central record of reduced timetables; Barking and
    # Dagenham's does. Both are shown, the other authority's labelled as not Norfolk's procedure.
    # (v10 a1038's wording. Its twin, "Does anyone keep a central record of pupils on reduced
    # timetables…?", now finds no Norfolk passage nearly as good and is answered from B&D alone.)
    body = chat(client, "who keeps a central list of kids doing shortened days or learning away from the school site, "
                        "if anyone?", authority="Norfolk")
    assert body["action"] == "answered" and "other_authority" in body["flags"]
    docs = [c["doc_id"] for c in body["citations"]]
    assert "barking-dagenham-cme-guidance-2019" in docs and "riverside-federation-cme-policy" in docs
    assert docs.index("riverside-federation-cme-policy") < docs.index("barking-dagenham-cme-guidance-2019")
    assert "not Norfolk's procedure" in body["answer"]
    assert body["answer"].index("not Norfolk's procedure") < body["answer"].index("**Barking and Dagenham")


def test_a_list_under_its_own_subheading_follows_its_introduction(retriever):
    # "For any concerns … please contact:" ends its chunk; the names and addresses sit in the next
    # chunk, under the subheading "CME Lead Officer:".
    from assistant.chat import compose
    from indexer.retriever import Hit

    intro = next(c for c in retriever.index.chunks
                 if c.doc_id == "worcestershire-cme-policy-2025" and c.text.rstrip().endswith("please contact:"))
    doc = retriever.index.documents[intro.doc_id]
    start = intro.text.index("For any concerns")
    unit = compose.Unit(0, Hit(intro, doc, 1.0), start, len(intro.text), False)
    follow = compose.continuation(unit, retriever)
    assert follow and "cme@worcestershire.gov.uk" in follow[0].chunk.text
    assert all(h.chunk.section_path.startswith(intro.section_path) for h in follow)


@pytest.mark.parametrize("message", [
    "What time does the Missing Mondays meeting start, and is it held online?",
    "How soon after a family chooses home education does the county's EHE team visit them?",
])
def test_a_time_the_documents_do_not_give_is_not_found(client, message):
    # Worcestershire's documents describe Missing Mondays and EHE, but give no meeting time and no
    # visit timescale: times and limits quoted about other things must not pass for an answer.
    # (A story sharing words with such a passage, "once we've taken a pupil off roll…", still lets
    # "taken off roll… after 20 days" through: the subject check is lexical.)
    body = chat(client, message, authority="Worcestershire")
    assert body["action"] == "not_found" and body["citations"] == []


def test_the_newer_documents_contacts_are_found_when_the_question_names_the_old_document_and_asks_two_things(client):
    # v14 a1448: "Our Aspire policy…" ranks Aspire's chunks first in any search, and "Is that still right?"
    # is a second part of the message; the newer Worcestershire document's contact passage still joins.
    body = chat(client, "Our Aspire policy tells staff to send CME concerns to the Education Welfare Service at the "
                        "worcschildrenfirst address. Is that still right? The policy's from 2023.", authority="Worcestershire")
    assert body["action"] == "answered" and "stale_source" in body["flags"]
    newer = [c for c in body["citations"] if c["doc_id"] == "worcestershire-cme-policy-2025"]
    assert newer and any("@worcestershire.gov.uk" in c["quote"].lower() or "01905" in c["quote"] for c in newer)


@pytest.mark.parametrize("message", [
    "Our Aspire policy tells staff to send CME concerns to the Education Welfare Service at the worcschildrenfirst address. "
    "Is that still right? The policy's from 2023.",
    "I've just joined The Aspire Academy as head. Our CME policy tells staff to send concerns to an Education Welfare Service "
    "email at worcschildrenfirst.org.uk. Is that still the right place to refer a child missing education?",
    "A colleague wants to refer a family who've moved into Worcestershire. The Aspire Academy's policy gives "
    "edwelfareCME@worcschildrenfirst.org.uk as the place to send it. Is that still the right address?",
])
def test_the_newer_contact_given_is_the_one_for_the_old_contacts_role(client, message):
    # The 2025 document lists its CME Lead Officer, an Attendance Lead, a helpline and the Family Front Door:
    # the old CME point of contact is replaced by the CME Lead Officer, not by whichever shares more words.
    body = chat(client, message, authority="Worcestershire")
    newer = [c["quote"] for c in body["citations"] if c["doc_id"] == "worcestershire-cme-policy-2025"]
    assert any("Matt Pooler" in q and "cme@worcestershire.gov.uk" in q.lower() for q in newer)
    assert not any("Michelle Fowler" in q for q in newer)


def test_asking_if_a_cited_edition_is_still_current_quotes_a_newer_document_citing_a_later_one(client):
    # Derbyshire's policy (2023, citing 2006 law) dates the CME guidance 2016; Worcestershire's 2025
    # policy cites the August 2024 edition. It is quoted under its own source, said not to be Derbyshire's.
    body = chat(client, "Our Cromford policy says the DfE's CME guidance came out in September 2016. Is that still the "
                        "current version?", authority="Derbyshire")
    assert body["action"] == "answered" and "stale_source" in body["flags"]
    later = [c for c in body["citations"] if c["doc_id"] == "worcestershire-cme-policy-2025"]
    assert later and any("2024" in c["quote"] for c in later)
    assert "A newer document held cites a later edition (it is not Derbyshire's own document):" in body["answer"]


def test_a_question_that_does_not_ask_about_currency_gets_no_later_edition(client):
    body = chat(client, "Our Cromford policy says the DfE's CME guidance came out in September 2016. What does it say "
                        "schools should do?", authority="Derbyshire")
    assert "A newer document held" not in body["answer"]


def test_another_authoritys_passage_is_shown_beside_the_own_even_when_the_own_is_the_overall_best(client):
    # v7 a735: unscoped, Derbyshire's own passage ranks first; Norfolk's "the local authority will write to
    # the school" is nearly as good and is what answers, so it is shown beside Derbyshire's, labelled.
    body = chat(client, "Derbyshire CME co-ordinator here. If it comes to our attention that a school knew a pupil was "
                        "missing education and never reported it, does any policy say what the LA should then do with "
                        "the school?", authority="Derbyshire")
    docs = {c["doc_id"] for c in body["citations"]}
    assert body["action"] == "answered" and "other_authority" in body["flags"]
    assert {"derbyshire-cromford-cme-policy-2023", "riverside-federation-cme-policy"} <= docs
    assert "not Derbyshire's procedure" in body["answer"]


@pytest.mark.parametrize("message", [
    # a comparison: each named authority's own search brings its chunks again, as other hits
    "How many days into an unexplained absence should a school refer a pupil to the local authority as possibly missing "
    "education? Do the councils' policies agree?",
    # a chunk brought in to finish a list of the law's sub-paragraphs is also a chosen passage
    "Which pupils are we meant to put on the attendance returns we send the LA? Is it everyone with poor attendance or is "
    "there a set number of days?",
])
def test_no_passage_is_quoted_twice_and_markers_run_in_order(client, message):
    body = chat(client, message)
    assert body["action"] == "answered"
    keys = [(c["chunk_id"], c["quote"]) for c in body["citations"]]
    assert len(keys) == len(set(keys))
    assert [c["n"] for c in body["citations"]] == list(range(1, len(keys) + 1))
    assert all(f"[{c['n']}]" in body["answer"] for c in body["citations"])


@pytest.mark.parametrize("message, authority, provision, words", [
    # the rule module's table of old-law wording names what replaced the stale passage
    ("our academy policy: >4 months in custody = ok to delete from roll. still current??", "Worcestershire",
     "reg 9(1)(j):", "sentence of detention"),
    ("Our borough CME guidance (Barking & Dagenham) says schools have to tell Admissions within 5 days of enrolling a "
     "child, under the 2016 Amendment Regulations. Are those regs still the law on this or has it changed?", None,
     "reg 13(1):", "fifth day"),
])
def test_a_stale_passage_is_followed_by_the_provision_that_replaced_it(client, message, authority, provision, words):
    body = chat(client, message, authority=authority)
    assert body["action"] == "answered" and "stale_source" in body["flags"]
    law = [c for c in body["citations"] if c["doc_id"] == "uksi-2024-208"]
    assert any(words in c["quote"] for c in law)
    assert provision in body["answer"]


def test_a_number_in_the_story_is_not_a_number_asked_for(client):
    # v16 a1605: "we've rung every number we hold" made a helpline's phone number the best answer
    # to a question about what the school does next.
    body = chat(client, "Just started as attendance officer at Aspire. Y4 boy not in today, we've texted and rung every "
                        "number we hold, nothing back from mum. What's the process from here - when do we go round to "
                        "the house, and at what point does it get called in to the police?", authority="Worcestershire")
    assert body["action"] == "answered"
    assert not re.search(r"\d{4} ?\d{6}", body["citations"][0]["quote"])  # no helpline number leads
    assert any(c["doc_id"] == "aspire-academy-cme-policy-2023" and "reported missing to the police" in c["quote"]
               for c in body["citations"])


def test_a_sentence_that_points_back_is_quoted_with_what_it_points_to(client):
    # v11 a1101 / v16 a1604: "10.4 In such cases that require ongoing action…" was quoted alone; the
    # sentences before it say which cases (Missing Mondays) and who signs closures off.
    body = chat(client, "We referred a Y7 lad as CME back in September and apparently the county still can't find him or "
                        "the family. What happens to cases like that in Worcs where nobody can trace them?",
                authority="Worcestershire")
    assert body["action"] == "answered"
    quote = next(c["quote"] for c in body["citations"] if "In such cases" in c["quote"])
    assert "Missing Mondays" in quote.split("In such cases")[0]


def test_a_quote_under_a_named_heading_says_which_form_it_belongs_to(client):
    # The quoted item is one line of a list under "Absence And Irregular Attendance Form": without
    # the heading the answer would not say which form to use.
    body = chat(client, "A child is marked present but their anxiety keeps them out of the classroom. "
                        "Do we need to tell the LA?", authority="Worcestershire")
    assert body["action"] == "answered"
    quoted = " ".join(c["quote"] for c in body["citations"])
    assert "Absence And Irregular Attendance Form" not in quoted
    assert "_Absence And Irregular Attendance Form_" in body["answer"]


def test_a_paragraph_that_excepts_another_brings_it(client):
    # v20 a2021: 13(1) applies "other than [to a pupil] within paragraph (2)": 13(2) says who that is,
    # and 13(3), which refers back to it, when those pupils are returned after all.
    body = chat(client, "Do we have to send the council a new pupil return for every child in our Reception intake? "
                        "They all start on day one of the autumn term.")
    assert body["action"] == "answered"
    quoted = " ".join(c["quote"] for c in body["citations"] if c["doc_id"] == "uksi-2024-208")
    assert "new pupil return" in quoted
    assert "most junior class" in quoted
    assert "If the local authority ask the proprietor" in quoted


@pytest.mark.parametrize("message, answered", [
    # v27 a2741: the table gives Seabrook's placement length, not Erkenwald's; a time limit must stand
    # beside the service the question names
    pytest.param("LBBD question: how long is a placement at Erkenwald Campus normally - is it a fixed length like the "
                 "Seabrook one?", False, id="named-service-without-the-fact"),
    pytest.param("Seabrook Campus (Positive Returns) - how long does a respite placement there last?", True,
                 id="named-service-with-the-fact"),
])
def test_a_fact_asked_about_a_named_service_must_stand_beside_its_name(client, message, answered):
    body = chat(client, message, authority="Barking and Dagenham")
    if answered:
        assert body["action"] == "answered" and "6-week" in body["answer"]
    else:
        assert body["action"] == "not_found" and not body["citations"]


@pytest.mark.parametrize("message, authority, action", [
    # v31 a3136 / a3140: the letters are used, never spelled out
    ("What does EEVSS stand for in the Worcestershire CME policy?", "Worcestershire", "not_found"),
    ("Derbyshire's policy mentions the ACRE leadership team. What does ACRE stand for?", "Derbyshire", "not_found"),
    ("What does WASP stand for?", "Derbyshire", "answered"),
])
def test_an_acronym_is_explained_only_where_a_document_spells_it_out(client, message, authority, action):
    r = client.post("/v1/chat", json={"message": message, "authority": authority}).json()
    assert r["action"] == action
    if action == "answered":
        assert "without a school place" in r["answer"].lower()


def test_a_typing_slip_does_not_hide_the_deadline_asked_for(client):
    # v33 a3332: "chnaged" is read as "changed", so the code N rule is counted
    r = client.post("/v1/chat", json={"message": "marked a Y6 as N on Thurs 3 Dec 2026. by when does it have to be chnaged?"}).json()
    assert r["action"] == "answered"
    assert [t["result"]["due"] for t in r["tool_calls"] if t["name"] == "deadline"] == ["2026-12-10"]


def test_a_leaver_story_typed_without_apostrophes_is_decided(client):
    # v33 a3325
    r = client.post("/v1/chat", json={"message": "Y9 perm excluded, governors upheld it on Thu 5 Nov 2026. dad emailed Mon 9 Nov 2026 "
                                                  "saying he wont be going for a review. can he come off roll now + which reason"}).json()
    assert r["action"] == "answered"
    assert any(t["result"].get("code") == "9(1)(o)" for t in r["tool_calls"] if t["name"] == "leaver_reason")


def test_a_question_whether_a_pupil_may_come_off_roll_quotes_the_regulation(client):
    # v31 a3147: local policies differ, the law decides; "20 days of unexplained absence" is 9(1)(i)
    r = client.post("/v1/chat", json={"message": "Do schools need the council's agreement before taking a pupil off roll after 20 "
                                                  "days of unexplained absence?"}).json()
    assert r["action"] == "answered"
    law = [c for c in r["citations"] if c["doc_id"] == "uksi-2024-208"]
    assert law and "continuously absent from the school for at least twenty school days" in " ".join(c["quote"] for c in law)


def test_an_old_rule_in_a_stale_passage_brings_the_provision_that_replaced_it(client):
    # v31 a3149: Aspire's four-month custody rule (2006) is answered with 9(1)(j), even though the law's
    # definition of a sentence of detention is quoted already
    r = client.post("/v1/chat", json={"message": "I'm new to attendance at The Aspire Academy. Our CME policy says we only tell the LA "
                                                  "about a pupil in custody if it's for over four months. A Year 10 boy has just been given "
                                                  "a three-month detention and training order. Does the four-month rule still apply?"}).json()
    assert "stale_source" in r["flags"]
    assert "9(1)(j)" in r["answer"]
    assert any(c["doc_id"] == "uksi-2024-208" and "detained under a sentence of detention" in c["quote"] for c in r["citations"])


def test_a_story_asking_who_to_tell_and_whether_to_delete_gets_the_ground_and_the_documents(client):
    # The rules settle the ground; the authority's documents answer the rest (v22 a2247's shape).
    body = chat(client, "Family have upped sticks and moved back to Romania for good, he won't be coming back. Who do we need "
                "to tell, and can we take him off roll?", authority="Derbyshire")
    assert body["action"] == "answered"
    assert [t["result"].get("code") for t in body["tool_calls"] if t["name"] == "leaver_reason"] == ["9(1)(g)"]
    assert body["answer"].startswith("**Use deletion ground 9(1)(g)")
    docs = {c["doc_id"] for c in body["citations"]}
    assert "derbyshire-cromford-cme-policy-2023" in docs and "uksi-2024-208" in docs
    # one numbering across both parts: every marker has its citation, in order
    markers = sorted({int(m) for m in re.findall(r"\[(\d+)\]", body["answer"])})
    assert markers == [c["n"] for c in body["citations"]] == list(range(1, len(body["citations"]) + 1))
    assert body["answer"].count("**Check currency:**") <= 1


def test_a_story_asking_only_who_to_tell_gets_no_ground(client):
    body = chat(client, "Family have moved back to Romania for good, he won't be coming back. Who do we need to tell?",
                authority="Derbyshire")
    assert not any(t["name"] == "leaver_reason" for t in body["tool_calls"])


def test_two_named_authorities_asked_how_soon_each_give_their_time_limit(client):
    # Each named authority's sentence holding a time limit, not its best sentence about referring (v25 a2546).
    body = chat(client, "How soon does a school have to refer a child who's stopped attending and can't be traced: is it "
                "the same in Derbyshire as in Norfolk?")
    assert body["action"] == "answered"
    assert "day 11" in body["answer"] and "20 days" in body["answer"]
