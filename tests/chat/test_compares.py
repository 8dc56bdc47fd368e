"""A question about how authorities' procedures compare, without naming them, gets every
authority's own answer (procedure._COMPARES)."""

import pytest

from assistant.chat.procedure import _COMPARES


@pytest.mark.parametrize(
    "message, compares",
    [
        ("I've seen this put differently in different policies.", True),
        ("Do LAs want to be told when a school puts a child on a reduced timetable?", True),
        ("For each council, who is the named officer?", True),
        ("Is the referral deadline the same everywhere?", True),
        ("Does the number of days vary between authorities?", True),
        ("Across the councils, which form is used?", True),
        ("Who is the CME officer?", False),
        ("What does our policy say about holidays in term time?", False),
        ("Each pupil who leaves needs a leaver form.", False),
    ],
)
def test_compares(message, compares):
    assert bool(_COMPARES.search(message)) is compares


def test_an_unnamed_comparison_is_answered_from_every_authority(client):
    r = client.post("/v1/chat", json={"message": "Do the councils all use the same form when a pupil is taken off roll?"})
    body = r.json()
    assert body["action"] == "answered"
    authorities = {c["doc_id"].split("-")[0] for c in body["citations"]} - {"uksi"}
    assert len(authorities) >= 3, body["citations"]


def test_each_authoritys_passage_is_the_one_the_learnt_map_finds_closest(client):
    # v16 a1647: Worcestershire's best-scoring sentence was about sixth-form transition; the chunk the
    # learnt query map ranks first for a family emigrating is the one for pupils moving out of the country.
    r = client.post("/v1/chat", json={"message": "Family at our school tell us they're emigrating to Poland at Christmas. "
                                                 "What info should we get from them before they go, and what do we do our "
                                                 "end once they've left? Does it depend which LA we're in?"})
    body = r.json()
    assert body["action"] == "answered"
    worcestershire = [c["quote"] for c in body["citations"] if c["doc_id"].startswith("worcestershire")]
    assert any("out of the country" in q for q in worcestershire), worcestershire
    assert not any("sixth form" in q for q in worcestershire), worcestershire


def test_each_authoritys_answer_to_a_count_question_holds_a_count(client):
    # v19 a1945: Derbyshire's "Schools should refer children by day 11" was not in the pool (other
    # Derbyshire chunks about CME categories were), and its best-scoring sentence held no count of days.
    r = client.post("/v1/chat", json={"message": "When does a school have to refer a pupil whose whereabouts are unknown "
                                                 "to the LA CME team - after how many days?"})
    body = r.json()
    assert body["action"] == "answered"
    quotes = " ".join(c["quote"] for c in body["citations"] if c["doc_id"].startswith("derbyshire"))
    assert "day 11" in quotes, body["citations"]
