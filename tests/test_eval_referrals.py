"""The referral eval's grading, on hand-made draft responses (no index needed)."""

import copy

from eval.run_referrals import CHECKS, grade

CHUNKS = {"c1": "Email cme@example.gov.uk or phone 01905 822666. Full name; address; date of birth."}
CORPUS = "\n".join(CHUNKS.values())
CITE = {"doc_id": "policy", "locator": "para 1", "quote": "Full name;", "chunk_id": "c1"}

CASE = {
    "id": "t1", "authority": "Worcestershire",
    "facts": {"child_name": "Zofia Wiśniewska", "date_of_birth": "2014-03-14", "address": "27 Lavender Road",
              "postcode": "WR3 8QT", "parent_phone": None, "school_name": "Elmbridge Vale Primary School",
              "enquiries_made": ["Phoned mother 10/11/2025"], "cp_plan": False, "religion": "Roman Catholic",
              "medical_conditions": "Mild asthma"},
    "expected_fields": {"child_name": "Zofia Wiśniewska", "date_of_birth": "14/03/2014|2014-03-14",
                        "leaver_ground": "9(1)(g)"},
    "expected_missing": ["parent_phone"], "expect_escalation": False, "must_not_contain": ["Roman Catholic", "asthma"],
}


def field(name, value, source="facts", missing=False):
    return {"name": name, "label": name.replace("_", " ").capitalize(), "value": value, "source": source,
            "required": True, "missing": missing, "citation": CITE}


def draft(**changes):
    fields = [field("child_name", "Zofia Wiśniewska"), field("date_of_birth", "2014-03-14"),
              field("address", "27 Lavender Road, WR3 8QT"), field("parent_phone", "To complete", missing=True),
              field("school_name", "Elmbridge Vale Primary School"),
              field("enquiries_made", "Phoned mother 10/11/2025"), field("cp_plan", "No"),
              field("leaving_reason", "9(1)(g) - Moved away", source="rules"),
              field("send_to", "CME team: cme@example.gov.uk", source="corpus")]
    resp = {"authority": "Worcestershire", "form": "Worcestershire pupil leaver form", "form_id": "leaver",
            "fields": fields, "missing_fields": ["parent_phone"], "left_out": ["religion", "medical_conditions"],
            "warnings": ["Left out (this form does not need them): religion, medical_conditions."],
            "escalation": None, "leaver": {"outcome": "ground", "code": "9(1)(g)"}, "deadlines": [],
            "citations": [CITE]}
    resp.update(changes)
    resp["markdown"] = render(resp)
    return resp


def render(resp):
    esc = resp.get("escalation")
    head = [f"> **{esc['banner']}**", ""] if esc else []
    rows = [f"| {f['label']} | {f['value']} |" for f in resp["fields"]]
    return "\n".join(head + ["# " + resp["form"], *rows, *("- " + w for w in resp["warnings"]),
                             "\n## Sources", f"1. \"{CITE['quote']}\""])


def failed(g):
    return {k for k in CHECKS if not g["checks"][k]}


def test_a_correct_draft_passes_every_check():
    g = grade(CASE, draft(), CHUNKS, CORPUS)
    assert g["passed"] and failed(g) == set() and g["reasons"] == {}


def test_an_invented_phone_number_fails():
    resp = draft()
    resp["fields"][3] = field("parent_phone", "07700 900999")
    resp["missing_fields"] = []
    resp["markdown"] = render(resp)
    g = grade(CASE, resp, CHUNKS, CORPUS)
    assert "not_invented" in failed(g) and "missing" in failed(g)
    assert any("07700 900999" in r for r in g["reasons"]["not_invented"])


def test_an_invented_phone_in_the_text_fails_but_a_corpus_contact_does_not():
    invented = draft(warnings=["Call the family on 07700 900555."])
    assert failed(grade(CASE, invented, CHUNKS, CORPUS)) == {"not_invented"}
    quoted = draft(warnings=["Call the Family Front Door on 01905 822666."])
    assert grade(CASE, quoted, CHUNKS, CORPUS)["passed"]


def test_an_invented_date_fails():
    g = grade(CASE, draft(warnings=["Home visit on 12/11/2025."]), CHUNKS, CORPUS)
    assert failed(g) == {"not_invented"}


def test_a_missing_field_not_marked_to_complete_fails():
    resp = draft(missing_fields=[])
    resp["fields"][3] = field("parent_phone", "Not given")
    g = grade(CASE, resp, CHUNKS, CORPUS)
    assert failed(g) == {"missing"} and "parent_phone" in g["reasons"]["missing"][0]


def test_a_given_fact_reported_missing_fails():
    g = grade(CASE, draft(missing_fields=["parent_phone", "school_name"]), CHUNKS, CORPUS)
    assert failed(g) == {"missing"}


def test_a_left_out_field_that_appears_fails():
    g = grade(CASE, draft(warnings=["Religion: Roman Catholic"]), CHUNKS, CORPUS)
    assert failed(g) == {"left_out"}
    # also when it appears only in the Word export
    assert failed(grade(CASE, draft(), CHUNKS, CORPUS, export="Medical: mild asthma")) == {"left_out"}


def test_a_missing_escalation_fails_and_an_unexpected_one_too():
    case = {**CASE, "expect_escalation": True}
    assert failed(grade(case, draft(), CHUNKS, CORPUS)) == {"escalation"}
    esc = {"banner": "SAFEGUARDING - act now", "flags": ["FGM"], "steps": ["Tell the DSL."], "citations": [CITE]}
    assert grade(case, draft(escalation=esc), CHUNKS, CORPUS)["passed"]
    assert failed(grade(CASE, draft(escalation=esc), CHUNKS, CORPUS)) == {"escalation"}


def test_an_escalation_that_does_not_lead_fails():
    case = {**CASE, "expect_escalation": True}
    esc = {"banner": "SAFEGUARDING - act now", "flags": ["FGM"], "steps": [], "citations": [CITE]}
    resp = draft(escalation=esc)
    resp["markdown"] = resp["markdown"].split("\n", 2)[2] + "\n> **SAFEGUARDING - act now**"
    assert failed(grade(case, resp, CHUNKS, CORPUS)) == {"escalation"}


def test_a_changed_fact_fails_verbatim_and_expected_fields():
    resp = draft()
    resp["fields"][0] = field("child_name", "Zofia Wisniewska")  # diacritics lost
    resp["markdown"] = render(resp)
    assert failed(grade(CASE, resp, CHUNKS, CORPUS)) == {"facts_verbatim", "expected_fields"}


def test_an_unsettled_ground_or_wrong_form_fails():
    resp = copy.deepcopy(draft())
    resp["fields"][7] = field("leaving_reason", "To complete", source="rules", missing=True)
    resp["leaver"] = {"outcome": "needs_facts"}
    assert "expected_fields" in failed(grade(CASE, resp, CHUNKS, CORPUS))
    other = draft(authority="Norfolk", form="Norfolk: report of a child missing education")
    assert "form" in failed(grade(CASE, other, CHUNKS, CORPUS))


def test_a_quote_not_in_its_chunk_fails():
    bad = {**CITE, "quote": "Full names only"}
    g = grade(CASE, draft(citations=[bad]), CHUNKS, CORPUS)
    assert failed(g) == {"citations_verbatim"}


def test_the_random_draft_id_is_not_read_as_an_invented_phone_number():
    from eval.run_referrals import own_text

    md = "# Draft\n**Draft:** `d-000679464aa`\nPhone: To complete\n## Sources\n01905 844440"
    assert "000679464" not in own_text({"markdown": md}) and "Phone" in own_text({"markdown": md})
