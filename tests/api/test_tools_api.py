"""The deterministic tools over HTTP: /v1/tools/* (leaver reason, deadlines, rules, CSA, timeline,
calendars). Results are compared with the pure rule module called directly; citations must resolve
to real chunks; every bad input is a 422 with the rule module's own message."""

from __future__ import annotations

import re
from datetime import date

import icalendar
import pytest
from fastapi.testclient import TestClient

from assistant import rules
from assistant.api.app import create_app
from assistant.api.routes_tools import (
    CalendarJSON, CSAResponse, DeadlineResponse, LeaverReasonResponse, TimelineResponse,
)
from assistant.services import Services
from assistant.settings import Settings
from indexer.normalise import clean_inline

TODAY = date(2026, 11, 22)  # the services fixture's clock
CSA_TRUE = {"of_compulsory_school_age": True}

SCHOOL_ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
    "BEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Autumn term\r\nDTSTART;VALUE=DATE:20250903\r\n"
    "DTEND;VALUE=DATE:20251025\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Autumn term (second half)\r\nDTSTART;VALUE=DATE:20251103\r\n"
    "DTEND;VALUE=DATE:20251220\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:3\r\nSUMMARY:INSET day\r\nDTSTART;VALUE=DATE:20251121\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def direct(facts: dict, today: date = TODAY):
    return rules.decide_leaver_reason(rules.facts_from_mapping(facts), today=today)


def post(client, path: str, body: dict, status: int = 200) -> dict:
    r = client.post(path, json=body)
    assert r.status_code == status, r.text
    return r.json()


def error(client, path: str, body: dict, code: str) -> str:
    err = post(client, path, body, 422)["error"]
    assert err["code"] == code, err
    assert "Traceback" not in err["message"]
    return err["message"]


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_citations_resolve(client, citations: list[dict]) -> None:
    assert citations
    for c in citations:
        assert c["chunk_id"], c
        chunk = client.get(f"/v1/chunks/{c['chunk_id']}")
        assert chunk.status_code == 200
        text = collapse(chunk.json()["text"])
        assert chunk.json()["doc_id"] == c["doc_id"]
        assert collapse(c["quote"]) in text or clean_inline(c["quote"]) in text


# --- leaver reason ---------------------------------------------------------------------------
@pytest.mark.parametrize("facts, code", [
    pytest.param({**CSA_TRUE, "died": True, "date_of_death": "01/11/2026"}, "9(1)(k)", id="died"),
    pytest.param({**CSA_TRUE, "home_education_intended": True, "home_education_notice": "written",
                  "home_education_last_day": "13/11/2026"}, "9(1)(f)", id="written-ehe-notice-day-passed"),
    pytest.param({**CSA_TRUE, "detained": True, "detention_type": "sentence",
                  "reasonable_grounds_will_return": False}, "9(1)(j)", id="sentence-of-detention"),
])
def test_clear_grounds_over_http(client, facts, code):
    body = post(client, "/v1/tools/leaver-reason", {"facts": facts})
    assert body["outcome"] == "ground" and body["result"]["code"] == code
    assert body["today"] == TODAY.isoformat()
    assert body["result"] == rules.to_jsonable(direct(facts))
    assert_citations_resolve(client, body["citations"])
    LeaverReasonResponse.model_validate(body)


def test_moved_abroad_in_worcestershire_matches_the_rule_module(client):
    facts = {**CSA_TRUE, "moved_abroad": True, "joint_enquiries_outcome": "not_found",
             "reasonable_grounds_will_return": False}
    body = post(client, "/v1/tools/leaver-reason", {"facts": facts, "authority": "worcestershire"})
    expected = direct({**facts, "authority": "worcestershire"})
    assert body["result"] == rules.to_jsonable(expected)
    assert body["outcome"] == expected.kind == "ground" and body["result"]["code"] == "9(1)(g)"
    assert any(a["authority"] == "Worcestershire" for a in body["result"]["actions"])
    assert {c["doc_id"] for c in body["citations"]} >= {"uksi-2024-208", "worcestershire-cme-policy-2025"}
    # the ground's own paragraph is cited, and words shared by several paragraphs point at 9(1)(g)'s
    assert any(c["locator"] == "reg 9(1)(g)" for c in body["citations"])
    assert_citations_resolve(client, body["citations"])


def test_needs_facts_gives_the_next_question_with_options(client):
    facts = {**CSA_TRUE, "home_education_intended": "yes"}
    body = post(client, "/v1/tools/leaver-reason", {"facts": facts})
    assert body["outcome"] == "needs_facts"
    q = body["result"]["missing"][0]
    assert q["key"] == "home_education_notice"
    assert q["options"] == ["In writing", "Only verbally", "No"]
    assert body["result"] == rules.to_jsonable(direct(facts))
    LeaverReasonResponse.model_validate(body)


def test_no_ground_and_today_from_the_request(client):
    facts = {**CSA_TRUE, "detained": True, "detention_type": "remand"}
    body = post(client, "/v1/tools/leaver-reason", {"facts": facts, "today": "2025-03-10"})
    assert body["today"] == "2025-03-10"
    assert body["result"] == rules.to_jsonable(direct(facts, date(2025, 3, 10)))
    assert body["outcome"] == body["result"]["kind"]


@pytest.mark.parametrize("facts, code, words", [
    pytest.param({"first_day_of_absence": "31/02/2025"}, "invalid_date", "February 2025 has no day 31",
                 id="impossible-date"),
    pytest.param({**CSA_TRUE, "leave_of_absence_given": True, "leave_start": "10/11/2026", "leave_end": "01/11/2026"},
                 "impossible_facts", "cannot end", id="leave-ends-before-it-starts"),
    pytest.param({**CSA_TRUE, "continuously_absent": True, "first_day_of_absence": "16/11/2026",
                  "continuous_absence_school_days": 30}, "impossible_facts", "longer than",
                 id="absence-longer-than-days-since-it-began"),
    pytest.param({"detention_type": "prison"}, "invalid_input", "not one of", id="bad-choice"),
])
def test_bad_facts_are_422_with_the_rule_module_message(client, facts, code, words):
    assert words in error(client, "/v1/tools/leaver-reason", {"facts": facts}, code)


def test_unknown_facts_are_named(client):
    r = client.post("/v1/tools/leaver-reason", json={"facts": {"died": True, "pupil_name": "x", "colour": 1}})
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] == "unknown_facts" and err["unknown"] == ["colour", "pupil_name"]
    assert "colour, pupil_name" in err["message"]


def test_unknown_authority_lists_the_known_ones(client):
    for path, body in [("/v1/tools/leaver-reason", {"facts": {"died": True}, "authority": "Kent"}),
                       ("/v1/tools/deadline", {"rule": "new_pupil_return", "start": "2025-11-07", "authority": "Kent"}),
                       ("/v1/tools/timeline", {"authority": "Kent", "first_day_of_absence": "2025-11-03"})]:
        r = client.post(path, json=body)
        assert r.status_code == 422, path
        err = r.json()["error"]
        assert err["code"] == "unknown_authority" and "Worcestershire" in err["message"]
        assert set(err["known"]) == set(rules.AUTHORITIES)
    r = client.get("/v1/tools/rules", params={"authority": "Kent"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "unknown_authority"


def test_conflicting_authorities_are_refused(client):
    body = {"facts": {"died": True, "authority": "Norfolk"}, "authority": "Derbyshire"}
    error(client, "/v1/tools/leaver-reason", body, "conflicting_authority")
    ok = post(client, "/v1/tools/leaver-reason", {"facts": {"died": True, "authority": "norfolk"}, "authority": "Norfolk"})
    assert ok["outcome"] == "needs_facts"  # compulsory school age still to settle


# --- deadlines and rules ---------------------------------------------------------------------
def test_new_pupil_return_counts_calendar_days(client):
    body = post(client, "/v1/tools/deadline", {"rule": "new_pupil_return", "start": "07/11/2025"})
    d = body["deadline"]
    assert d["due"] == "2025-11-12" and d["basis"] == "calendar_days" and d["skipped"] == []
    assert d == rules.to_jsonable(rules.compute_deadline("new_pupil_return", date(2025, 11, 7)))
    assert_citations_resolve(client, body["citations"])
    DeadlineResponse.model_validate(body)


def test_ten_school_days_across_easter_explains_the_skipped_days(client):
    body = post(client, "/v1/tools/deadline", {"rule": "leave_10_school_days", "start": "2026-03-30"})
    d = body["deadline"]
    assert d["due"] == "2026-04-15" and d["basis"] == "school_days" and len(d["counted"]) == 10
    assert ["2026-04-03", "bank holiday: Good Friday"] in d["skipped"]
    assert ["2026-04-06", "bank holiday: Easter Monday"] in d["skipped"]
    assert "6 non-school days" in d["explanation"] and "Wed 15 Apr 2026" in d["explanation"]
    assert_citations_resolve(client, body["citations"])


def test_deadline_with_a_school_calendar_and_local_variants(client):
    cal = {"name": "Test School", "terms": [["2025-09-03", "2025-10-24"], ["03/11/2025", "19/12/2025"]],
           "closures": [{"date": "2025-11-21", "reason": "INSET day"}]}
    body = post(client, "/v1/tools/deadline", {"rule": "absence_20_school_days", "start": "2025-11-03",
                                                "authority": "Derbyshire", "calendar": cal})
    school = rules.SchoolCalendar(terms=((date(2025, 9, 3), date(2025, 10, 24)), (date(2025, 11, 3), date(2025, 12, 19))),
                                  closures=((date(2025, 11, 21), "INSET day"),), name="Test School")
    expected = rules.compute_deadline("absence_20_school_days", date(2025, 11, 3), calendar=school, authority="Derbyshire")
    assert body["deadline"] == rules.to_jsonable(expected)
    assert ["2025-11-21", "INSET day"] in body["deadline"]["skipped"]
    assert body["deadline"]["local_variants"][0]["authority"] == "Derbyshire"
    assert "derbyshire-cromford-cme-policy-2023" in {c["doc_id"] for c in body["citations"]}
    assert_citations_resolve(client, body["citations"])


@pytest.mark.parametrize("body, code, words", [
    pytest.param({"rule": "no_such_rule", "start": "2025-11-07"}, "unknown_rule", "new_pupil_return", id="unknown-rule"),
    pytest.param({"rule": "new_pupil_return", "start": "31/02/2025"}, "invalid_date", "no day 31", id="bad-start"),
    pytest.param({"rule": "leave_10_school_days", "start": "2025-12-15",
                  "calendar": {"terms": [["2025-09-03", "2025-12-19"]]}}, "invalid_calendar", "outside it",
                 id="count-past-the-calendar"),
    pytest.param({"rule": "new_pupil_return", "start": "2025-11-07",
                  "calendar": {"terms": [["2025-12-19", "2025-09-03"]]}}, "invalid_calendar", "before it starts",
                 id="term-ends-before-it-starts"),
])
def test_bad_deadline_requests_are_422(client, body, code, words):
    assert words in error(client, "/v1/tools/deadline", body, code)


def test_unknown_rule_lists_the_known_ids(client):
    err = post(client, "/v1/tools/deadline", {"rule": "nope", "start": "2025-11-07"}, 422)["error"]
    assert set(err["known"]) == {r.id for r in rules.list_rules()}
    assert "GET /v1/tools/rules" in err["message"]


def test_rules_listing(client):
    everything = client.get("/v1/tools/rules").json()
    assert [r["id"] for r in everything] == [r.id for r in rules.list_rules()]
    norfolk = client.get("/v1/tools/rules", params={"authority": "norfolk"}).json()
    ids = {r["id"] for r in norfolk}
    assert "absence_20_school_days" in ids and "norfolk.riverside_report_20_days" in ids
    assert not any(i.startswith("derbyshire.") for i in ids)
    for r in norfolk:
        assert set(r) >= {"id", "title", "basis", "statutory", "authority", "sources"}
        assert_citations_resolve(client, r["sources"])


# --- compulsory school age -------------------------------------------------------------------
def test_csa(client):
    body = post(client, "/v1/tools/csa", {"date_of_birth": "30/08/2010"})
    assert body["result"] == rules.to_jsonable(rules.compulsory_school_age(date(2010, 8, 30)))
    assert body["result"]["end"] == "2026-06-26"
    assert_citations_resolve(client, body["citations"])
    CSAResponse.model_validate(body)
    assert "in the future" in error(client, "/v1/tools/csa", {"date_of_birth": "2027-01-01"}, "impossible_facts")
    error(client, "/v1/tools/csa", {"date_of_birth": "30/02/2010"}, "invalid_date")


# --- timeline --------------------------------------------------------------------------------
CASE = {"authority": "Worcestershire", "first_day_of_absence": "03/11/2025", "date_of_entry": "2025-09-03",
        "school_policy": "aspire-academy-cme-policy-2023"}


def test_timeline_json(client):
    body = post(client, "/v1/tools/timeline", CASE)
    expected = rules.case_timeline(rules.Case(
        authority="Worcestershire", first_day_of_absence=date(2025, 11, 3), date_of_entry=date(2025, 9, 3),
        school_policy="aspire-academy-cme-policy-2023"))
    assert body["timeline"] == rules.to_jsonable(expected)
    assert len(body["timeline"]["items"]) > 5
    assert_citations_resolve(client, body["citations"])
    TimelineResponse.model_validate(body)


@pytest.mark.parametrize("how", ["query", "accept"])
def test_timeline_ics_download_has_one_event_per_item(client, how):
    items = post(client, "/v1/tools/timeline", CASE)["timeline"]["items"]
    if how == "query":
        r = client.post("/v1/tools/timeline?format=ics", json=CASE)
    else:
        r = client.post("/v1/tools/timeline", json=CASE, headers={"accept": "text/calendar"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/calendar")
    assert r.headers["content-disposition"] == 'attachment; filename="cme-timeline.ics"'
    cal = icalendar.Calendar.from_ical(r.text)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == len(items)
    assert sorted(e.decoded("dtstart").isoformat() for e in events) == sorted(i["date"] for i in items)


def test_timeline_errors(client):
    bad = {**CASE, "first_day_of_absence": "31/02/2025"}
    assert "no day 31" in error(client, "/v1/tools/timeline", bad, "invalid_date")
    early = {**CASE, "first_day_of_absence": "2025-09-01"}
    assert "before the pupil joined" in error(client, "/v1/tools/timeline", early, "impossible_facts")
    r = client.post("/v1/tools/timeline", json={**CASE, "pupil": "x"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


# --- calendars -------------------------------------------------------------------------------
def test_calendar_parse_round_trips_into_a_deadline(client):
    r = client.post("/v1/tools/calendar/parse?name=Test%20School", content=SCHOOL_ICS,
                    headers={"content-type": "text/calendar"})
    assert r.status_code == 200, r.text
    cal = r.json()
    assert cal["name"] == "Test School"
    assert cal["terms"] == [["2025-09-03", "2025-10-24"], ["2025-11-03", "2025-12-19"]]
    assert [c["date"] for c in cal["closures"]] == ["2025-11-21"]
    CalendarJSON.model_validate(cal)
    assert post(client, "/v1/tools/calendar/parse", {"ics": SCHOOL_ICS, "name": "Test School"}) == cal

    body = post(client, "/v1/tools/deadline", {"rule": "code_n_5_school_days", "start": "2025-11-18", "calendar": cal})
    expected = rules.compute_deadline("code_n_5_school_days", date(2025, 11, 18),
                                      calendar=rules.SchoolCalendar.from_ics(SCHOOL_ICS, name="Test School"))
    assert body["deadline"] == rules.to_jsonable(expected)
    assert body["deadline"]["due"] == "2025-11-26"  # Fri 21 Nov is an INSET day
    leaver = post(client, "/v1/tools/leaver-reason", {"facts": {"died": True, **CSA_TRUE}, "calendar": cal})
    assert leaver["result"]["code"] == "9(1)(k)"


def test_calendar_parse_errors(client):
    r = client.post("/v1/tools/calendar/parse", content="BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
                    headers={"content-type": "text/calendar"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_calendar"
    r = client.post("/v1/tools/calendar/parse", content=b"<xml/>", headers={"content-type": "application/xml"})
    assert r.status_code == 415 and r.json()["error"]["code"] == "unsupported_media_type"
    r = client.post("/v1/tools/calendar/parse", json={"text": SCHOOL_ICS})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


# --- contract --------------------------------------------------------------------------------
def test_openapi_publishes_the_tools_with_examples(client):
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for path in ("/v1/tools/leaver-reason", "/v1/tools/deadline", "/v1/tools/timeline"):
        op = spec["paths"][path]["post"]
        req = op["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
        resp = op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
        assert schemas[req]["examples"] and schemas[resp]["examples"], path
        assert op["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert "text/calendar" in spec["paths"]["/v1/tools/timeline"]["post"]["responses"]["200"]["content"]
    assert "home_education_notice" in schemas["LeaverReasonRequest"]["properties"]["facts"]["properties"]
    # response examples are computed by the rule module (OpenAPI output leaves out null fields)
    LeaverReasonResponse.model_validate(schemas["LeaverReasonResponse"]["examples"][0])
    assert schemas["LeaverReasonResponse"]["examples"][0]["result"]["code"] == "9(1)(g)"
    assert schemas["DeadlineResponse"]["examples"][0]["deadline"]["due"] == "2026-04-15"
    for path in ("/v1/tools/rules", "/v1/tools/csa", "/v1/tools/calendar/parse"):
        assert path in spec["paths"]


def test_tools_answer_before_the_index_is_loaded(tmp_path):
    services = Services(Settings(data_dir=tmp_path / "none"), embeddings=None, clock=lambda: TODAY)
    with TestClient(create_app(services=services)) as c:
        body = c.post("/v1/tools/leaver-reason", json={"facts": {**CSA_TRUE, "died": True}}).json()
        assert body["result"]["code"] == "9(1)(k)"
        assert body["citations"] and all(x["chunk_id"] is None for x in body["citations"])
