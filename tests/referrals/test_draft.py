"""Drafting is pure: facts in, a cited draft out, with data minimisation and safeguarding escalation."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import docx
import pytest

from assistant import rules
from assistant.referrals.docx_export import render_docx
from assistant.referrals.draft import NOT_GIVEN, TO_COMPLETE, draft_referral, to_payload
from assistant.referrals.markdown import render_markdown

from .conftest import CASE, SECRETS, docx_text

TODAY = date(2026, 11, 22)
SECRET_VALUES = ["Zoroastrian", "type 1 diabetes", "Peregrine Quillfeather", "private.inbox@example.org"]


def payload(authority, facts, form_id=None):
    p = to_payload(draft_referral(authority, facts, today=TODAY, form_id=form_id))
    return {**p, "draft_id": "test", "status": "draft"}


def values(p):
    return {f["name"]: f["value"] for f in p["fields"]}


@pytest.mark.parametrize("authority, form_title, expected", [
    pytest.param("Worcestershire", "Worcestershire pupil leaver form", {
        "child_name": "Marigold Quillfeather", "year_group": "Year 7", "upn": "H801200001001",
        "address": "12 Orchard Lane, Exampletown, ZZ9 9ZZ", "date_left": "2026-11-20",
        "send_to": "Children's Services Portal: 'In Year Admissions and Transfers'"}, id="worcestershire"),
    pytest.param("derbyshire", "Derbyshire CME referral form", {
        "date_of_birth": "2014-05-02", "first_day_of_absence": "2026-10-01", "destination": "Not known",
        "enquiries_made": "Phoned both parents; Home visit on 5 October, no answer",
        "send_to": "CME Co-ordinator: cs.cmecoordinators@derbyshire.gov.uk"}, id="derbyshire"),
    pytest.param("Norfolk", "Norfolk: report of a child missing education", {
        "parent_name": "Rowan Quillfeather", "parent_phone": "07700 900123", "school_name": "Exampletown High"},
        id="norfolk"),
    pytest.param("LBBD", "Barking and Dagenham CME referral", {
        "year_group": "Year 7", "school_name": "Exampletown High",
        "send_to": "CME Officer: accessattendance@lbbd.gov.uk"}, id="barking-dagenham"),
])
def test_draft_for_each_authority(authority, form_title, expected):
    p = payload(authority, CASE)
    assert p["form"].startswith(form_title)
    got = values(p)
    for name, value in expected.items():
        assert got[name] == value, name
    by_name = {f["name"]: f for f in p["fields"]}
    assert by_name["child_name"]["source"] == "facts" and by_name["send_to"]["source"] == "corpus"
    assert all(f["citation"] and f["citation"]["quote"] for f in p["fields"])
    assert set(SECRETS) <= set(p["left_out"])
    text = render_markdown(p) + docx_text(render_docx(p))
    for secret in SECRET_VALUES:
        assert secret not in text
    assert p["escalation"] is None


def test_norfolk_leaves_out_what_its_policy_does_not_ask_for():
    p = payload("Norfolk", CASE)
    assert {"upn", "year_group"} <= set(p["left_out"])
    assert "H801200001001" not in render_markdown(p)


def test_missing_required_fields_are_listed_and_marked():
    p = payload("Derbyshire", {"child_name": "Marigold Quillfeather"})
    assert {"date_of_birth", "address", "parent_name", "parent_phone", "school_name", "first_day_of_absence",
            "destination", "enquiries_made", "due_by"} <= set(p["missing_fields"])
    got = values(p)
    assert got["address"] == TO_COMPLETE and got["cp_plan"] == NOT_GIVEN
    assert "cp_plan" not in p["missing_fields"]
    assert "**To complete**" in render_markdown(p)


def test_rules_give_the_ground_the_documents_and_the_due_date():
    facts = {**CASE, "of_compulsory_school_age": True, "moved_abroad": True, "reasonable_grounds_will_return": False}
    p = payload("Worcestershire", facts)
    by_name = {f["name"]: f for f in p["fields"]}
    assert by_name["leaving_reason"]["value"].startswith("9(1)(g)") and by_name["leaving_reason"]["source"] == "rules"
    assert "De-rolling checklist" in by_name["documents"]["value"]
    assert "CTF to the Lost Pupil Database" in by_name["documents"]["value"]
    assert by_name["due_by"]["value"].startswith("2026-11-20")
    assert p["leaver"]["outcome"] == "ground" and p["leaver"]["code"] == "9(1)(g)"
    assert "moved_abroad" not in p["left_out"]  # used by the rules, not copied into the form
    d = payload("Derbyshire", CASE)
    expected = rules.compute_deadline("derbyshire.cme_referral_day_11", date(2026, 10, 1)).due
    assert values(d)["due_by"].startswith(expected.isoformat())
    assert any(x["rule"] == "derbyshire.cme_referral_day_11" for x in d["deadlines"])


def test_unsettled_ground_is_to_complete_with_the_question():
    p = payload("Worcestershire", {"child_name": "A", "first_day_of_absence": "2026-10-01"})
    assert values(p)["leaving_reason"] == TO_COMPLETE
    assert p["leaver"]["outcome"] == "needs_facts"
    assert any(w.startswith("Reason for leaving not settled yet") for w in p["warnings"])


def test_bad_dates_are_refused():
    with pytest.raises(rules.InvalidDate):
        draft_referral("Norfolk", {"date_of_birth": "31/02/2015"}, today=TODAY)
    with pytest.raises(rules.UnknownAuthority):
        draft_referral("Kent", {}, today=TODAY)


@pytest.mark.parametrize("extra, flag", [
    pytest.param({"cp_plan": True}, "child protection plan", id="cp-plan"),
    pytest.param({"safeguarding_concerns": "Sister says she is afraid of FGM"}, "FGM", id="fgm"),
    pytest.param({"notes": "family mentioned forced marriage"}, "forced marriage", id="forced-marriage-left-out-key"),
    pytest.param({"destination": "Believed taken abroad"}, "taken abroad", id="taken-abroad"),
    pytest.param({"safeguarding_concerns": "Her cousin said she is going to be cut like the other girls on the trip"},
                 "FGM", id="fgm-euphemism-from-the-chat-triage"),
    pytest.param({"notes": "Told her form tutor she wants to die"}, "self-harm", id="self-harm"),
    pytest.param({"social_worker": "J Smith", "safeguarding_concerns": "Neglect concerns"},
                 "social worker involved with a concern", id="social-worker"),
])
def test_red_flags_escalate(extra, flag):
    for authority in ("Worcestershire", "Derbyshire", "Norfolk", "Barking and Dagenham"):
        p = payload(authority, {**CASE, **extra})
        esc = p["escalation"]
        assert esc and flag in esc["flags"]
        assert "never replaces a safeguarding referral" in esc["banner"]
        assert esc["citations"] and esc["steps"]
        assert any("999" in s for s in esc["steps"])
        md = render_markdown(p)
        assert md.startswith("> **SAFEGUARDING")
        for v in extra.values():  # the banner names flags, never the text they were found in
            assert not isinstance(v, str) or v not in esc["banner"]
        assert "family mentioned forced marriage" not in md


def test_escalation_names_the_local_front_door():
    esc = payload("Worcestershire", {**CASE, "cp_plan": True})["escalation"]
    assert any("01905 822666" in s for s in esc["steps"])
    assert any("does not replace established safeguarding referral procedures" in c["quote"]
               for c in esc["citations"])
    esc = payload("Barking and Dagenham", {**CASE, "safeguarding_concerns": "FGM risk, may be taken abroad"})[
        "escalation"]
    assert any("MASH" in s for s in esc["steps"]) and any("020 7008 1500" in s for s in esc["steps"])
    esc = payload("Derbyshire", {**CASE, "cp_plan": True})["escalation"]
    assert any("same day" in s for s in esc["steps"])


def test_no_escalation_without_red_flags():
    p = payload("Derbyshire", {**CASE, "cp_plan": False, "safeguarding_concerns": "None"})
    assert p["escalation"] is None


def test_word_document_reads_back_as_a_form():
    p = payload("Derbyshire", {**CASE, "cp_plan": True, "parent_phone": None})
    d = docx.Document(BytesIO(render_docx(p)))
    banner = d.tables[0].rows[0].cells[0].text
    assert banner.startswith("SAFEGUARDING") and "999" in banner
    assert d.paragraphs and any(par.text == p["form"] for par in d.paragraphs)
    table = d.tables[1]
    rows = [(r.cells[0].text, r.cells[1].text) for r in table.rows]
    assert rows[0] == ("Field", "Value")
    assert len(rows) == 1 + len(p["fields"])
    labels = dict(rows)
    assert labels["Child's full name"].startswith("Marigold Quillfeather")
    phone = labels["Parent/carer emergency telephone"]
    assert phone.startswith(TO_COMPLETE)
    row = next(r for r in table.rows if r.cells[0].text == "Parent/carer emergency telephone")
    run = row.cells[1].paragraphs[0].runs[0]
    assert run.font.highlight_color is not None and run.bold
    assert "Sources" in docx_text(render_docx(p))


def test_drafting_modules_are_pure():
    import ast
    import inspect

    from assistant.referrals import draft, forms, markdown, safeguarding, spec

    banned = {"fastapi", "starlette", "sqlite3", "docx", "chromadb", "langchain_core", "indexer", "httpx", "os"}
    for mod in (draft, forms, spec, safeguarding, markdown):
        tree = ast.parse(inspect.getsource(mod))
        imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not imported & banned, (mod.__name__, imported & banned)


def test_the_leaving_reason_is_read_from_the_case_description():
    facts = {**CASE, "first_day_of_absence": None,
             "destination": "The family have moved to Portugal permanently; new school not yet known",
             "enquiries_made": ["Mother confirmed the move by phone"]}
    p = payload("Worcestershire", facts)
    assert (p["leaver"] or {}).get("code") == "9(1)(g)"
    assert any("case description" in w and "moved_abroad" in w for w in p["warnings"])
    # A field given as a fact wins over what the description seems to say.
    p = payload("Worcestershire", {**facts, "moved_abroad": False})
    assert (p["leaver"] or {}).get("code") != "9(1)(g)"


def test_the_description_never_sets_the_age():
    # "Year 11" in a sentence must not override the date of birth, whatever the description says.
    facts = {**CASE, "date_of_birth": "2008-07-19", "destination": "In Year 11 he moved permanently to Spain"}
    p = payload("Worcestershire", facts)
    assert p["fields"]  # drafted, not refused as impossible facts
