"""Referral drafts over HTTP, against the real index: drafting (JSON and Word), sign-off, auth, audit."""

from __future__ import annotations

import re
import sqlite3
from io import BytesIO

import docx
import pytest

from assistant.referrals.docx_export import DOCX_MEDIA_TYPE
from indexer.normalise import clean_inline

from .conftest import CASE, SECRETS, docx_text, headers

AUTHORITIES = ["Worcestershire", "Derbyshire", "Norfolk", "Barking and Dagenham"]
PERSONAL = ["Marigold Quillfeather", "2014-05-02", "ZZ9 9ZZ"]
SECRET_VALUES = ["Zoroastrian", "type 1 diabetes", "Peregrine Quillfeather", "private.inbox@example.org"]


def draft(client, authority="Derbyshire", facts=None, who="staff", status=200, **params):
    r = client.post("/v1/referrals/draft", json={"authority": authority, "facts": facts or CASE},
                    headers=headers(who) if who else {}, params=params)
    assert r.status_code == status, r.text
    return r


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("authority", AUTHORITIES)
def test_draft_json_with_citations_on_real_chunks(api, services, authority):
    body = draft(api, authority).json()
    assert body["status"] == "draft" and body["draft_id"] and body["authority"] == authority
    assert body["form"] and body["markdown"].startswith("# ")
    assert set(SECRETS) <= set(body["left_out"])
    for secret in SECRET_VALUES:
        assert secret not in str(body)
    chunks = {c.chunk_id: c for c in services.retriever.index.chunks}
    assert body["citations"]
    for c in body["citations"]:
        assert c["chunk_id"] in chunks, c
        text = _collapse(chunks[c["chunk_id"]].text)
        assert _collapse(c["quote"]) in text or clean_inline(c["quote"]) in text
    assert all(f["citation"]["chunk_id"] for f in body["fields"])


def test_draft_as_word(api):
    r = draft(api, "Worcestershire", {**CASE, "cp_plan": True}, format="docx")
    assert r.headers["content-type"] == DOCX_MEDIA_TYPE
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    d = docx.Document(BytesIO(r.content))
    assert d.tables[0].rows[0].cells[0].text.startswith("SAFEGUARDING")
    assert any(p.text.startswith("Worcestershire pupil leaver form") for p in d.paragraphs)
    rows = {row.cells[0].text: row.cells[1].text for row in d.tables[1].rows}
    assert rows["Child's full name"].startswith("Marigold Quillfeather")
    assert rows["Home address (with postcode)"].startswith("12 Orchard Lane, Exampletown, ZZ9 9ZZ")
    text = docx_text(r.content)
    assert "01905 822666" in text
    for secret in SECRET_VALUES:
        assert secret not in text


@pytest.mark.parametrize("facts, escalated", [
    pytest.param({**CASE, "cp_plan": True}, True, id="cp-plan"),
    pytest.param({**CASE, "safeguarding_concerns": "risk of FGM over the summer"}, True, id="fgm"),
    pytest.param({**CASE, "cp_plan": False}, False, id="none"),
])
def test_escalation_over_http(api, facts, escalated):
    esc = draft(api, "Barking and Dagenham", facts).json()["escalation"]
    assert (esc is not None) == escalated
    if esc:
        assert "never replaces a safeguarding referral" in esc["banner"]
        assert all(c["chunk_id"] for c in esc["citations"])


def test_bad_input(api):
    assert draft(api, "Kent", status=422).json()["error"]["code"] == "unknown_authority"
    r = api.post("/v1/referrals/draft", json={"authority": "Derbyshire", "form": "nope"}, headers=headers("staff"))
    assert r.status_code == 422 and r.json()["error"]["code"] == "unknown_form"
    bad = draft(api, "Norfolk", {"date_of_birth": "31/02/2015"}, status=422).json()["error"]
    assert bad["code"] == "invalid_date" and "Traceback" not in bad["message"]


def test_sign_off_flow(api):
    first = draft(api).json()["draft_id"]
    url = f"/v1/referrals/{first}"
    r = api.post(f"{url}/approve", headers=headers("staff"))
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"
    own = draft(api, who="both").json()["draft_id"]
    r = api.post(f"/v1/referrals/{own}/approve", headers=headers("both"))
    assert r.status_code == 403 and r.json()["error"]["code"] == "self_approval"
    assert "another reviewer" in r.json()["error"]["message"]
    r = api.post(f"{url}/approve", json={"comment": "Checked"}, headers=headers("reviewer"))
    assert r.status_code == 200, r.text
    done = r.json()
    assert (done["status"], done["reviewer"], done["review_comment"]) == ("approved", "rita", "Checked")
    assert "**Status:** approved" in done["markdown"]
    assert api.post(f"{url}/approve", headers=headers("reviewer2")).status_code == 409
    assert api.post(f"{url}/reject", json={"comment": "late"}, headers=headers("reviewer2")).status_code == 409
    second = draft(api).json()["draft_id"]
    for body in ({}, {"comment": ""}, {"comment": "   "}):
        r = api.post(f"/v1/referrals/{second}/reject", json=body, headers=headers("reviewer"))
        assert r.status_code == 422, body
    r = api.post(f"/v1/referrals/{second}/reject", json={"comment": "Address missing"}, headers=headers("reviewer"))
    assert r.json()["status"] == "rejected" and r.json()["review_comment"] == "Address missing"
    assert api.post("/v1/referrals/unknown/approve", headers=headers("reviewer")).status_code == 404


def test_listing_and_reading_by_role(api):
    mine = draft(api, who="staff").json()["draft_id"]
    theirs = draft(api, who="staff2").json()["draft_id"]
    listed = api.get("/v1/referrals", params={"status": "draft"}, headers=headers("reviewer")).json()["drafts"]
    assert {mine, theirs} <= {d["draft_id"] for d in listed}
    assert all("fields" not in d for d in listed)
    own = api.get("/v1/referrals", headers=headers("staff")).json()["drafts"]
    assert [d["draft_id"] for d in own] == [mine]
    assert api.get(f"/v1/referrals/{theirs}", headers=headers("staff")).status_code == 403
    assert api.get(f"/v1/referrals/{theirs}", headers=headers("reviewer")).json()["draft_id"] == theirs
    r = api.get(f"/v1/referrals/{mine}/docx", headers=headers("staff"))
    assert r.status_code == 200 and r.headers["content-type"] == DOCX_MEDIA_TYPE
    assert api.get("/v1/referrals/nope", headers=headers("reviewer")).status_code == 404


def test_auth_errors(api):
    for hdrs, code in (({}, "missing_credentials"), ({"Authorization": "Bearer wrong"}, "invalid_credentials"),
                       ({"X-API-Key": "wrong"}, "invalid_credentials")):
        r = api.post("/v1/referrals/draft", json={"authority": "Norfolk", "facts": {}}, headers=hdrs)
        assert r.status_code == 401 and r.json()["error"]["code"] == code
    assert api.post("/v1/referrals/draft", json={"authority": "Norfolk"}, headers={"X-API-Key": "staff-key-1"}
                    ).status_code == 200
    assert api.get("/v1/audit", headers=headers("staff")).status_code == 403
    assert draft(api, who="reviewer", status=403).json()["error"]["code"] == "forbidden"
    assert draft(api, who="admin", status=403).status_code == 403


def test_no_keys_means_the_local_user_can_do_everything(local_api):
    body = draft(local_api, who=None).json()
    assert body["created_by"] == "local"
    r = local_api.post(f"/v1/referrals/{body['draft_id']}/approve")
    assert r.status_code == 200 and r.json()["reviewer"] == "local"
    assert [e["action"] for e in local_api.get("/v1/audit").json()["entries"]] == ["created", "approved"]


def test_audit_log_in_order_without_personal_data(api, db_path):
    d = draft(api).json()["draft_id"]
    api.get(f"/v1/referrals/{d}", headers=headers("reviewer"))
    api.get(f"/v1/referrals/{d}/docx", headers=headers("reviewer"))
    api.post(f"/v1/referrals/{d}/approve", json={"comment": f"Fine for {CASE['child_name']}"},
             headers=headers("reviewer"))
    d2 = draft(api, "Norfolk", who="staff2").json()["draft_id"]
    api.post(f"/v1/referrals/{d2}/reject", json={"comment": "Postcode ZZ9 9ZZ is wrong"}, headers=headers("reviewer2"))
    entries = api.get("/v1/audit", headers=headers("admin")).json()["entries"]
    assert [(e["user"], e["action"], e["draft_id"]) for e in entries] == [
        ("sam", "created", d), ("rita", "viewed", d), ("rita", "exported", d), ("rita", "approved", d),
        ("sue", "created", d2), ("raj", "rejected", d2)]
    assert [e["seq"] for e in entries] == sorted(e["seq"] for e in entries)
    assert all(re.fullmatch(r"[0-9a-f]{64}", e["content_sha256"]) for e in entries)
    only = api.get("/v1/audit", params={"draft_id": d2}, headers=headers("admin")).json()["entries"]
    assert [e["action"] for e in only] == ["created", "rejected"]
    for value in PERSONAL:
        assert value not in str(entries)
    # the audit table's bytes on disk: copy the database, drop the drafts, and scan what is left
    copy = db_path.with_name("audit-only.sqlite3")
    with sqlite3.connect(db_path) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    db = sqlite3.connect(copy, isolation_level=None)
    db.execute("PRAGMA journal_mode=DELETE")  # write straight to the file, not to a WAL
    db.execute("DROP TABLE drafts")
    db.execute("VACUUM")
    assert db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 6
    db.close()
    raw = copy.read_bytes()
    for value in PERSONAL + ["Postcode", "Fine for"]:
        assert value.encode() not in raw, value
    # and facts left out of the form are nowhere in the store, drafts table included
    everything = b"".join(p.read_bytes() for p in db_path.parent.glob(db_path.name + "*"))
    assert CASE["child_name"].encode() in everything  # the draft itself is kept
    for secret in SECRET_VALUES:
        assert secret.encode() not in everything
