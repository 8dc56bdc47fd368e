"""The one pure citation-resolution function, table-tested (hallucinated keys, bad quotes, order)."""

import pytest

from assistant.chat.citations import resolve
from assistant.chat.types import Citation

CHUNKS = {
    "d--0001": "Attendance is monitored daily to identify any pupils not in school.\nParents are contacted.",
    "d--0002": "A pupil joiner form should be submitted within 5 days of a child being put on roll.",
}


def cite(n, chunk_id, quote):
    return Citation(n=n, chunk_id=chunk_id, doc_id="d", title="T", authority="A", section="S", quote=quote,
                    text=CHUNKS.get(chunk_id, "invented text"))


@pytest.mark.parametrize(
    "answer, citations, expect_text, expect_ids",
    [
        pytest.param("Monitored daily. [1]", [cite(1, "d--0001", "Attendance is monitored daily")],
                     "Monitored daily. [1]", ["d--0001"], id="valid"),
        pytest.param("Made up. [1] Real. [2]",
                     [cite(1, "d--9999", "anything"), cite(2, "d--0002", "joiner form should be submitted")],
                     "Real. [1]", ["d--0002"], id="hallucinated-chunk-dropped-and-renumbered"),
        pytest.param("Twisted. [1]", [cite(1, "d--0001", "Attendance is monitored weekly")], "", [],
                     id="quote-not-verbatim"),
        pytest.param("No source. [3]", [cite(1, "d--0001", "Attendance is monitored daily")], "", [],
                     id="marker-without-citation"),
        pytest.param("B first. [2] A then. [1]",
                     [cite(1, "d--0001", "Parents are contacted."), cite(2, "d--0002", "within 5 days")],
                     "B first. [1] A then. [2]", ["d--0002", "d--0001"], id="renumbered-by-first-use"),
        pytest.param("Both. [1] Again. [1]", [cite(1, "d--0001", "monitored   daily\n")],
                     "Both. [1] Again. [1]", ["d--0001"], id="duplicate-markers-and-whitespace"),
        pytest.param("Connective sentence with no marker.", [], "Connective sentence with no marker.", [],
                     id="unmarked-kept"),
    ],
)
def test_resolve(answer, citations, expect_text, expect_ids):
    out = resolve(answer, citations, CHUNKS)
    assert out.answer == expect_text
    assert [c.chunk_id for c in out.citations] == expect_ids
    assert [c.n for c in out.citations] == list(range(1, len(expect_ids) + 1))


def test_dropped_sentences_are_reported():
    out = resolve("Good. [1] Bad. [2]", [cite(1, "d--0001", "Parents are contacted."), cite(2, "x", "y")], CHUNKS)
    assert out.dropped_sentences == ["Bad. [2]"] and out.dropped_citations == [2]
