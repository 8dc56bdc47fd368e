"""The web router without a browser: pages, static files, feedback store and API, leaver-facts."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import build_app


@pytest.fixture
def web_client(web_services):
    with TestClient(build_app(web_services), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("path,text", [("/", "Ask about a child missing education"),
                                       ("/leaver-reason", "Which leaver reason?"),
                                       ("/dates", "Dates and deadlines"), ("/documents", "Documents used"),
                                       ("/admin/feedback", "Feedback on answers")])
def test_pages_render_with_security_headers(web_client, path, text):
    r = web_client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert text in r.text
    assert 'aria-current="page"' in r.text and "govuk-generic-header" in r.text and "govuk-phase-banner" in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in r.text  # no inline scripts: the CSP would block them


def test_static_files_are_served_and_contained(web_client):
    css = web_client.get("/static/govuk/govuk-frontend.min.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    js = web_client.get("/static/js/govuk-init.mjs")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    for bad in ("/static/../routes.py", "/static/%2e%2e/routes.py", "/static/..%2froutes.py", "/static/nope.css"):
        assert web_client.get(bad).status_code == 404, bad


def test_document_page_marks_the_cited_quote(web_client):
    quote = "the pupil no longer normally lives a reasonable distance from the school"
    r = web_client.get("/documents/uksi-2024-208", params={"chunk": "uksi-2024-208--0065", "quote": quote})
    assert r.status_code == 200
    assert 'id="cited-passage"' in r.text
    assert f"<mark>{quote}</mark>" in r.text
    assert r.text.count('id="cited-passage"') == 1
    assert web_client.get("/documents/no-such-doc").status_code == 404


def test_document_text_is_escaped(web_client, web_services):
    from assistant.web.routes import _passage_html

    html = str(_passage_html("<script>x</script>\n\nsecond <b> para", (0, 30), (8, 9)))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<p") == html.count("</p>") == 2
    assert html.count("<mark>") == html.count("</mark>") == 1


def test_a_quote_starting_with_its_passage_keeps_the_anchor_on_text():
    from assistant.web.routes import _passage_html

    text = "Before.\n\nThe cited passage starts here and the quote with it. After."
    start = text.index("The cited")
    html = str(_passage_html(text, (start, start + 50), (start, start + 20)))
    assert '<span class="app-passage" id="cited-passage" tabindex="-1"><mark>The cited passage st' in html
    assert html.count('id="cited-passage"') == 1


def test_feedback_is_stored_with_settings_hash_and_exported(web_client, web_services):
    body = {"rating": "down", "comment": "=HYPERLINK(\"http://x\")", "settings_hash": "abc123def456",
            "session_id": "s1", "authority": "Norfolk", "action": "answered", "question": "What is CME?",
            "answer": "It is... [1]"}
    r = web_client.post("/feedback", json=body)
    assert r.status_code == 201, r.text
    new_id = r.json()["id"]
    with sqlite3.connect(web_services.settings.storage.db_path) as db:
        row = db.execute("SELECT rating, settings_hash, question, answer FROM feedback WHERE id = ?", (new_id,)).fetchone()
    assert row == ("down", "abc123def456", "What is CME?", "It is... [1]")

    page = web_client.get("/admin/feedback").text
    assert "What is CME?" in page and "abc123def456" in page
    export = web_client.get("/admin/feedback.csv")
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.text)))
    mine = [x for x in rows if x["id"] == str(new_id)][0]
    assert mine["comment"].startswith("'=")  # no formula injection in spreadsheets
    assert mine["settings_hash"] == "abc123def456"


def test_feedback_validation(web_client):
    assert web_client.post("/feedback", json={"rating": "meh"}).status_code == 422
    assert web_client.post("/feedback", json={"rating": "up", "comment": "x" * 2001}).status_code == 422
    assert web_client.post("/feedback", json={"rating": "up", "bogus": 1}).status_code == 422
    r = web_client.post("/feedback", json={"rating": "up"})
    assert r.status_code == 201


def test_feedback_comment_personal_data_is_redacted(web_services, tmp_path):
    from assistant.web.feedback import FeedbackStore, redactor_for

    redact = redactor_for(web_services)
    if redact is None:
        pytest.skip("no personal-data detector configured")
    store = FeedbackStore(tmp_path / "f.sqlite3", redact=redact)
    store.add(rating="up", comment="Call Mrs Jane Smith on 07700 900123", question="q")
    comment = store.entries()[0].comment
    assert "07700 900123" not in comment


def test_feedback_admin_needs_an_admin_key_when_keys_are_configured(web_services):
    import dataclasses

    from assistant.settings import ApiKey, AuthSettings

    settings = web_services.settings.model_copy(update={"auth": AuthSettings(keys=[
        ApiKey(key="staff-secret", user="s", roles=["staff"]), ApiKey(key="admin-secret", user="a", roles=["admin"])])})
    services = dataclasses.replace(web_services, settings=settings)
    with TestClient(build_app(services), raise_server_exceptions=False) as c:
        assert c.get("/admin/feedback").status_code == 403
        assert c.get("/admin/feedback", headers={"X-API-Key": "staff-secret"}).status_code == 403
        assert c.get("/admin/feedback", headers={"Authorization": "Bearer admin-secret"}).status_code == 200
        assert c.get("/admin/feedback.csv").status_code == 403
        assert c.get("/admin/feedback.csv", headers={"X-API-Key": "admin-secret"}).status_code == 200


def test_leaver_facts_applies_the_rule_modules_answers(web_client):
    r = web_client.post("/web/leaver-facts", json={"answers": [
        {"key": "of_compulsory_school_age", "reply": "Yes"}, {"key": "situation", "reply": "Moved away or abroad"},
        {"key": "leave_end", "reply": "2026-10-02"}, {"key": "continuous_absence_school_days", "reply": 12},
        {"key": "home_education_notice", "reply": "In writing"}]})
    assert r.status_code == 200, r.text
    assert r.json()["facts"] == {"of_compulsory_school_age": True, "moved_away": True, "leave_end": "2026-10-02",
                                 "continuous_absence_school_days": 12, "home_education_notice": "written"}
    bad = web_client.post("/web/leaver-facts", json={"answers": [{"key": "situation", "reply": "Eloped"}]})
    assert bad.status_code == 422 and "Answer one of" in bad.json()["error"]["message"]
    assert web_client.post("/web/leaver-facts", json={"answers": [{"key": "nope", "reply": "Yes"}]}).status_code == 422
    assert web_client.post("/web/leaver-facts", json={"answers": [{"key": "leave_end", "reply": "31/02/2026"}]}).status_code == 422


def test_web_routes_are_in_the_openapi_document_but_pages_are_not(web_client):
    paths = web_client.get("/openapi.json").json()["paths"]
    assert "/feedback" in paths and "/web/leaver-facts" in paths
    assert "/" not in paths and "/admin/feedback" not in paths and "/static/{path}" not in paths
