import pytest

from indexer.attendance_codes import defined_codes, named_codes, query_codes

KNOWN = {"B", "D", "G", "N", "O", "X", "Y5", "C1"}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("What's code G used for?", {"G"}),
        ("Code G?", {"G"}),
        ("codes B and D - what's the difference", {"B", "D"}),
        ("is a pupil marked as N for long?", {"N"}),
        ("when does an N code become O", {"N"}),  # the explicit "N code" wins over lone letters
        ("the Y5 code", {"Y5"}),
        ("What does N turn into if we never find out why the child was off?", {"N"}),
        ("Child B moved to Spain, which leaving reason?", set()),
        ("We marked a pupil N this morning. What now?", {"N"}),  # a register verb makes it a code
        ("we coded her as O after a week", {"O"}),
        ("Pupil X has not been seen since March", set()),
        ("CME referral for a Y5 pupil", set()),  # Year 5, and an acronym in the question
        ("I think the family went abroad", set()),
        ("what code do I use", set()),
        ("code Q", set()),  # not a code the corpus defines
    ],
)
def test_query_codes(query, expected):
    assert query_codes(query, KNOWN) == expected


def test_table_rows_define_codes_and_prose_names_them():
    text = (
        "| Absence | Code |\n| --- | --- |\n| The pupil is absent without leave for the purpose of a holiday. | G |\n"
        "| The pupil is unable to attend because they are in criminal justice detention. | Y5 |\n"
        "(9) the code N is to be replaced with the code O. In the case of code B, or codes D or K."
    )
    assert defined_codes(text) == {"G", "Y5"}
    assert named_codes(text) == {"N", "O", "B", "D", "K"}


@pytest.mark.parametrize(
    "query, code",
    [("What's code G used for?", "G"), ("What does N turn into if we never find out why the child was off?", "N")],
)
def test_attendance_code_questions_reach_the_register_paragraphs(retriever, query, code):
    hits = retriever.search(query, k=3)
    assert hits[0].chunk.doc_id == "uksi-2024-208"
    assert any(f"| {code} |" in h.chunk.text or f"code {code}" in h.chunk.text for h in hits[:2])
