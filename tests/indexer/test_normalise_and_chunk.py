from pathlib import Path

import pytest

from indexer.chunker import ChunkingParams, chunk_legislation, chunk_policy
from indexer.loaders import RawLine, load
from indexer.normalise import HEADING, ITEM, clean_inline, normalise

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def norm_of(rel: str):
    return normalise(load(CORPUS / rel, max_bytes=10**8))


@pytest.mark.parametrize(
    "raw, expected",
    [
        pytest.param("**Reason for Leaving 9(1)(a)**", "Reason for Leaving 9(1)(a)", id="bold"),
        pytest.param("[See 9\\(1\\)\\(g\\)](#)", "See 9(1)(g)", id="escaped-link"),
        pytest.param("Email: [cme@x.gov.uk](mailto:cme@x.gov.uk)", "Email: cme@x.gov.uk", id="mailto"),
        pytest.param("<b>Review Date</b> September 2026", "Review Date September 2026", id="html-bold"),
        pytest.param("a\t\tb   c", "a b c", id="whitespace"),
    ],
)
def test_clean_inline_removes_markup_keeps_words(raw, expected):
    assert clean_inline(raw) == expected


def test_barking_contents_table_is_dropped():
    text = norm_of("documents/barking-dagenham-cme-guidance-2019.txt").text
    assert "Raise in participation age 5 2.5" not in text
    # the real section headings that the contents table repeated are still there, once
    assert text.count("Section 1 - Introduction and Purpose of this document") == 1


def test_long_numbered_titles_are_headings_and_numbered_sentences_are_not():
    doc = norm_of("documents/barking-dagenham-cme-guidance-2019.txt")
    headings = {b.text for b in doc.blocks if b.kind == HEADING}
    assert "3.2 Removing a child's name from the roll of a school" in headings
    assert "4.2 Partner agencies and systems used to locate children missing from education" in headings
    worcs = norm_of("documents/worcestershire-cme-policy-2025.txt")
    assert not any(b.kind == HEADING and b.text.startswith(("7.3 ", "9.3 ")) for b in worcs.blocks)  # sentences without a full stop
    lines = [RawLine("1.1 The school will tell the LA within five days."), RawLine(""), RawLine("1.2 What the LA does next")]
    kinds = {b.text: b.kind for b in normalise(lines).blocks}
    assert kinds["1.2 What the LA does next"] == HEADING and kinds["1.1 The school will tell the LA within five days."] != HEADING


def test_riverside_hard_wraps_are_joined_and_lost_bullets_become_items():
    doc = norm_of("documents/riverside-federation-cme-policy.txt")
    assert "On a daily basis the parents of any absent pupils are contacted to find out the reason why." in doc.text
    items = [b.text for b in doc.blocks if b.kind == ITEM]
    assert "Raise awareness of the notification process;" in items


def test_worcestershire_headings_have_regulation_labels():
    doc = norm_of("documents/worcestershire-cme-policy-2025.txt")
    labels = [b.label for b in doc.blocks if b.kind == HEADING and b.label]
    assert "9(1)(g)" in labels and "9(3)(c)" in labels


@pytest.mark.parametrize(
    "rel, legislation",
    [
        ("documents/worcestershire-cme-policy-2025.txt", False),
        ("documents/aspire-academy-cme-policy-2023.txt", False),
        ("documents/barking-dagenham-cme-guidance-2019.txt", False),
        ("documents/riverside-federation-cme-policy.txt", False),
        ("documents/derbyshire-cromford-cme-policy-2023.txt", False),
        ("legislation/uksi-2024-208.md", True),
    ],
)
def test_every_chunk_is_an_exact_span_of_the_normalised_text_and_fits_the_window(rel, legislation):
    doc = norm_of(rel)
    params = ChunkingParams()
    chunks = (chunk_legislation if legislation else chunk_policy)("d", doc, params)
    assert chunks
    for c in chunks:
        assert doc.text[c.start : c.end] == c.text
        assert len(c.text.split()) <= params.max_words
    assert [c.chunk_id for c in chunks] == [f"d--{i:04d}" for i in range(len(chunks))]


def test_legislation_chunks_one_per_regulation_paragraph():
    doc = norm_of("legislation/uksi-2024-208.md")
    chunks = chunk_legislation("uksi-2024-208", doc, ChunkingParams())
    by_label = {}
    for c in chunks:
        for p in c.paragraphs:
            by_label.setdefault(p, c)
    g = by_label["9(1)(g)"]
    assert g.text.startswith("(g) the pupil no longer normally lives a reasonable distance")
    assert "(ii) the pupil is not a boarder" in g.text and "(h)" not in g.text
    assert by_label["9(1)(i)"].text.startswith("(i) the pupil has been continuously absent")
    assert by_label["13(1)"].text.startswith("(1) By the end of the fifth day")
    assert by_label["9(3)(c)"].section_path.endswith("> 9(3)(c)")
    assert "Footnotes" not in {c.section_path for c in chunks}


def test_a_short_paragraph_keeps_its_lead_in_and_sub_paragraphs_together():
    chunks = chunk_legislation("uksi-2024-208", norm_of("legislation/uksi-2024-208.md"), ChunkingParams())
    sickness = next(c for c in chunks if "13(9)" in c.paragraphs)
    # "(9) ... a sickness return ... if—" reads with its conditions (a) and (b), in one chunk.
    assert {"13(9)", "13(9)(a)", "13(9)(b)"} <= set(sickness.paragraphs)
    assert "sickness return" in sickness.text and "15 consecutive school days" in sickness.text
    assert sickness.section_path.endswith("> 13(9)")
    # 9(1) is far too long for one chunk, so each deletion ground keeps a chunk of its own.
    grounds = [c for c in chunks if any(p.startswith("9(1)(") for p in c.paragraphs)]
    assert len(grounds) >= 15
    assert all(len(c.text.split()) <= ChunkingParams().max_words for c in chunks if len(c.paragraphs) > 1)
    # A whole regulation that fits is one chunk, under the regulation's own heading.
    extent = next(c for c in chunks if "2(2)" in c.paragraphs)
    assert "2(1)" in extent.paragraphs and "apply only in relation to schools in England" in extent.text
    assert extent.section_path == "Regulation 2 — Extent and application"


def test_hard_wrapped_line_followed_by_capital_is_joined_only_in_wrapped_documents():
    wrapped = [RawLine("This line is long enough to look like it was wrapped by a PDF extractor and")] * 1 + [
        RawLine(""),
        RawLine("Norfolk continues it."),
    ]
    doc = normalise(wrapped * 3)
    assert "extractor and Norfolk continues it." in doc.text


def test_a_phone_number_on_its_own_line_is_kept_and_quotable():
    # Contents-table debris is dropped as "a line without words"; a phone number under a contact's
    # name is such a line too, and losing it lost Barking and Dagenham's Virtual School numbers.
    text = norm_of("documents/barking-dagenham-cme-guidance-2019.txt").text
    assert "020 8227 2691" in text and "020 8227 2075" in text
    from indexer.units import split_units

    contacts = "The Virtual School contacts:\n\nTricia Butler (Thursday)\n\nTricia.Butler@lbbd.gov.uk\n\n020 8227 2075\n\nSee"
    units = [contacts[u.start:u.end] for u in split_units(contacts)]
    assert "Tricia.Butler@lbbd.gov.uk" in units and "020 8227 2075" in units
    assert "See" not in units  # other one-word lines still say nothing on their own
