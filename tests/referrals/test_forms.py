"""The form specs are data backed by the corpus: every quote is verbatim, single-line, in its file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.referrals import safeguarding
from assistant.referrals.forms import FORMS, all_form_sources, get_form

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FILES = {d["doc_id"]: CORPUS / d["source"]
         for d in yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))["documents"]}


def _all_sources():
    out = list(all_form_sources())
    for steps in list(safeguarding.STEPS.values()) + list(safeguarding.ABROAD_STEPS.values()):
        out += [s for step in steps for s in step.sources]
    out += list(safeguarding.NOT_A_SAFEGUARDING_REFERRAL.values())
    return list(dict.fromkeys(out))


SOURCES = _all_sources()


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {doc_id: path.read_text(encoding="utf-8") for doc_id, path in FILES.items()}


@pytest.mark.parametrize("src", SOURCES, ids=[f"{s.doc_id}:{s.quote[:40]}" for s in SOURCES])
def test_quote_is_verbatim_in_the_corpus_file(src, texts):
    assert "\n" not in src.quote and src.quote == src.quote.strip()
    assert src.locator
    assert src.quote in texts[src.doc_id], f"not verbatim in {src.doc_id}: {src.quote!r}"


def test_every_authority_has_a_form_with_unique_fields_and_a_send_to():
    assert set(FORMS) == {"Worcestershire", "Derbyshire", "Norfolk", "Barking and Dagenham"}
    for forms in FORMS.values():
        for form in forms:
            names = [f.name for f in form.fields]
            assert len(names) == len(set(names)), form.id
            assert {"child_name", "date_of_birth", "address", "parent_name", "send_to"} <= set(names)
            send_to = form.field("send_to")
            assert send_to.kind == "corpus" and send_to.value
            assert form.basis


def test_safeguarding_data_covers_every_authority():
    for authority in FORMS:
        assert safeguarding.STEPS[authority]
        assert authority in safeguarding.NOT_A_SAFEGUARDING_REFERRAL


@pytest.mark.parametrize("authority, form_id, wanted", [
    pytest.param("Worcestershire", None, {"year_group", "upn", "leaving_reason", "documents", "date_left"}, id="worcs"),
    pytest.param("Derbyshire", None, {"first_day_of_absence", "due_by", "destination", "cp_plan"}, id="derbys"),
    pytest.param("Derbyshire", "cml", {"leaving_reason", "date_left", "due_by"}, id="derbys-cml"),
    pytest.param("Norfolk", None, {"first_day_of_absence", "destination", "sen_ehcp", "due_by"}, id="norfolk"),
    pytest.param("Barking and Dagenham", None, {"year_group", "school_name", "destination", "social_worker"},
                 id="bd"),
])
def test_form_asks_for_what_its_policy_names(authority, form_id, wanted):
    form = get_form(authority, form_id)
    assert wanted <= {f.name for f in form.fields}


def test_no_form_asks_for_sensitive_extras():
    for forms in FORMS.values():
        for form in forms:
            assert not {"religion", "medical_conditions", "sibling_names", "parent_email", "ethnicity"} & {
                f.name for f in form.fields}
