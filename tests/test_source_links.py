"""``link_sources``: rule citations -> indexed chunks (pure; table-tested on small fake chunks, then
checked once against the real index)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pytest

from assistant import rules
from assistant.rules import Source, all_sources
from assistant.source_links import collect_sources, link_sources, locator_codes


@dataclass
class FakeChunk:
    chunk_id: str
    doc_id: str
    text: str
    paragraphs: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    section_path: str = ""


@dataclass
class FakeDoc:
    title: str
    authority: str


CHUNKS = [
    FakeChunk("law--0001", "law", "(1) The proprietor of a school must ensure that", ["9(1)"]),
    FakeChunk("law--0002", "law", "(k) the pupil has died;", ["9(1)(k)"], section_path="Reg 9 > 9(1)(k)"),
    FakeChunk("law--0003", "law", "(d) the pupil has died;", ["9(3)(d)"], section_path="Reg 9 > 9(3)(d)"),
    FakeChunk("law--0004", "law", "Schools must inform the\nAdmissions   Team, within 5 days, of every child."),
    FakeChunk("policy--0001", "policy", "Schools must inform the Admissions Team of leavers."),
]
DOCS = {"law": FakeDoc("The Regulations", "England"), "policy": FakeDoc("A policy", "Norfolk")}


def one(src: Source, **kw) -> dict:
    [out] = link_sources([src], CHUNKS, DOCS, **kw)
    return out


@pytest.mark.parametrize("quote, chunk_id", [
    pytest.param("Admissions Team, within 5 days", "law--0004", id="found"),
    pytest.param("inform the Admissions Team,\n  within 5 days", "law--0004", id="whitespace-in-quote"),
    pytest.param("must inform the Admissions Team, within", "law--0004", id="line-break-in-chunk"),
    pytest.param("inform the **Admissions Team**, within 5 days", "law--0004", id="markdown-bold-in-quote"),
    pytest.param("within \\(5\\) days", None, id="escaped-but-different-words"),
    pytest.param("within 7 days", None, id="not-found"),
    pytest.param("of leavers", None, id="other-document-not-searched"),
])
def test_quote_is_found_in_its_own_document(quote, chunk_id):
    out = one(Source("law", "reg 13(1)", quote))
    assert out["chunk_id"] == chunk_id
    assert out["quote"] == quote and out["doc_id"] == "law" and out["locator"] == "reg 13(1)"
    assert out["title"] == "The Regulations" and out["authority"] == "England"


def test_not_found_is_kept_not_dropped():
    out = link_sources([Source("law", "x", "nowhere"), Source("nodoc", "x", "nowhere")], CHUNKS, DOCS)
    assert [o["chunk_id"] for o in out] == [None, None]
    assert out[1]["also_in"] == [] and "title" not in out[1]


@pytest.mark.parametrize("locator, prefer, chunk_id, also", [
    pytest.param("reg 9(1)(k), 9(3)(d)", (), "law--0002", ["law--0003"], id="first-code-in-locator"),
    pytest.param("reg 9(1)(k), 9(3)(d)", ("9(3)(d)",), "law--0003", ["law--0002"], id="prefer-wins"),
    pytest.param("reg 9(3)(d)", (), "law--0003", ["law--0002"], id="locator-code"),
    pytest.param("somewhere", (), "law--0002", ["law--0003"], id="no-code-document-order"),
])
def test_repeated_words_choose_the_chunk_the_locator_or_caller_names(locator, prefer, chunk_id, also):
    out = one(Source("law", locator, "the pupil has died"), prefer=prefer)
    assert out["chunk_id"] == chunk_id and out["also_in"] == also


def test_duplicates_collapse_in_first_seen_order_and_dicts_are_accepted():
    a = Source("law", "reg 9(1)(k)", "the pupil has died", note="why")
    b = {"doc_id": "policy", "locator": "p1", "quote": "Schools must inform"}
    out = link_sources([a, b, a, dict(b)], CHUNKS, DOCS)
    assert [(o["doc_id"], o["chunk_id"]) for o in out] == [("law", "law--0002"), ("policy", "policy--0001")]
    assert out[0]["note"] == "why" and "note" not in out[1]
    assert out[0]["section"] == "Reg 9 > 9(1)(k)"


def test_titles_fall_back_to_the_rule_module_documents():
    out = link_sources([rules.sources.REG_9_1_G], [], None)
    assert out[0]["chunk_id"] is None and out[0]["authority"] == "England"
    assert out[0]["title"].startswith("The School Attendance")


@pytest.mark.parametrize("locator, codes", [
    ("reg 9(1)(b)(ii), (c)(i), (g)(i)", ["9(1)(b)", "9(1)(c)", "9(1)(g)"]),
    ("Appendix C, Reason for Leaving 9(1)(h) and 9(1)(i)", ["9(1)(h)", "9(1)(i)"]),
    ("reg 9(1)(h)(iii)(aa), (i)(iii)(aa)", ["9(1)(h)", "9(1)(i)"]),
    ("reg 9(1)", ["9(1)"]),
    ("Appendix C, Reasons for Leaving (documents required)", []),
    ("para 6.1", []),
])
def test_locator_codes(locator, codes):
    assert locator_codes(locator) == codes


def test_collect_sources_walks_a_whole_result():
    outcome = rules.decide_leaver_reason(
        rules.Facts(of_compulsory_school_age=True, died=True, authority="Worcestershire"), today=date(2026, 11, 22))
    found = collect_sources(outcome)
    assert rules.sources.DIED in found and rules.sources.REG_13_4 in found
    assert any(s.doc_id == "worcestershire-cme-policy-2025" for s in found)
    assert len(found) == len(set(found))


def test_every_rule_source_links_to_a_real_chunk_containing_it(retriever):
    """Against the real index: no citation the rule module can make is left without its chunk."""
    out = link_sources(all_sources().values(), retriever.index.chunks, retriever.index.documents)
    assert len(out) == len(set((s.doc_id, s.locator, s.quote) for s in all_sources().values()))
    missing = [o for o in out if o["chunk_id"] is None]
    assert not missing, missing
    collapse = lambda t: re.sub(r"\s+", " ", t).strip()  # noqa: E731
    from indexer.normalise import clean_inline

    for o in out:
        chunk = retriever.chunk(o["chunk_id"])
        assert chunk.doc_id == o["doc_id"]
        assert collapse(o["quote"]) in collapse(chunk.text) or clean_inline(o["quote"]) in collapse(chunk.text)
