"""The eval runners' grading: a wrong grader would make every reported figure wrong."""

from eval.common import first_relevant_rank, metrics
from eval.run_answers import grade

CHUNKS = {"d--0001": "Schools must inform the Admissions Team, within 5 days, of every child they enrol."}


def response(action="answered", answer="Within 5 days [1].", quote="within 5 days", chunk_id="d--0001", **kw):
    return {"action": action, "answer": answer, "options": [], "flags": kw.get("flags", []),
            "citations": [{"n": 1, "chunk_id": chunk_id, "quote": quote}] if chunk_id else [],
            "tool_calls": kw.get("tool_calls", [])}


CASE = {"id": "x1", "category": "procedure", "expected_action": "answered", "must_contain": ["5 days|five days"],
        "evidence": [{"doc_id": "d", "quote": "within 5 days, of every child"}]}


def test_a_grounded_answer_with_its_facts_is_correct():
    g = grade(CASE, response(), CHUNKS)
    assert g["correct"] and g["verbatim"] == [True]


def test_missing_fact_wrong_action_or_citation_elsewhere_is_wrong():
    assert not grade(CASE, response(answer="Soon [1]."), CHUNKS)["correct"]
    assert not grade(CASE, response(action="clarify"), CHUNKS)["correct"]
    other = {**CHUNKS, "d--0002": "Something else entirely, 5 days."}
    assert not grade(CASE, response(chunk_id="d--0002", quote="5 days"), other)["correct"]


def test_a_quote_not_in_its_chunk_is_not_verbatim():
    assert grade(CASE, response(quote="within five days"), CHUNKS)["verbatim"] == [False]


def test_second_acceptable_action_comes_from_the_case():
    escalated = response(action="escalated")
    assert not grade(CASE, escalated, CHUNKS)["action_ok"]
    assert grade({**CASE, "also_accept": ["escalated"]}, escalated, CHUNKS)["correct"]


def test_unanswerable_needs_not_found_and_no_citations():
    case = {"id": "x2", "category": "unanswerable", "expected_action": "not_found", "must_contain": [], "evidence": []}
    assert grade(case, response(action="not_found", chunk_id=None), CHUNKS)["correct"]
    assert not grade(case, response(action="not_found"), CHUNKS)["correct"]


def test_rank_and_metrics():
    ranked = [("a", "nothing here"), ("b", "the evidence text"), ("a", "the evidence text")]
    assert first_relevant_rank(ranked, "a", "evidence   text") == 3
    assert first_relevant_rank(ranked, None, "evidence text") == 2
    assert first_relevant_rank(ranked, "c", "evidence text") is None
    m = metrics([1, 3, None, 12])
    assert m["recall@1"] == 0.25 and m["recall@3"] == 0.5 and m["recall@10"] == 0.5
    assert abs(m["mrr"] - (1 + 1 / 3) / 4) < 1e-9


def test_gold_set_picks_the_version_and_report_suffix():
    import pytest

    from eval.common import DATA, gold_set

    assert gold_set(None) == (DATA, "")
    folder, suffix = gold_set(["--data", "v2"])
    assert folder.name == "v2" and (folder / "retrieval.jsonl").is_file() and suffix == "-v2"
    with pytest.raises(SystemExit):
        gold_set(["--data", "v99"])


def test_leaver_story_grading_scores_facts_and_ground():
    from eval.run_facts import grade as grade_story

    case = {"id": "f1", "facts": {"moved_abroad": True, "boarder": False, "of_compulsory_school_age": True}, "ground": "9(1)(g)"}
    call = {"name": "leaver_reason", "arguments": {"moved_abroad": True, "boarder": True, "died": False, "authority": "Norfolk"},
            "result": {"kind": "ground", "code": "9(1)(g)"}}
    g = grade_story(case, {"tool_calls": [call]})
    assert g["ground_ok"] and g["right"] == ["moved_abroad"] and g["wrong"] == ["boarder"]
    assert g["missed"] == ["of_compulsory_school_age"] and g["extra"] == ["died"]  # the authority is not a fact
    wrong_ground = {**call, "result": {"kind": "ground", "code": "9(1)(a)"}}
    assert not grade_story(case, {"tool_calls": [wrong_ground]})["ground_ok"]
    # a story that does not settle a ground is right only if the leaver tool was asked and did not name one
    undecided = {**case, "ground": None}
    assert grade_story(undecided, {"tool_calls": [{**call, "result": {"kind": "needs_facts"}}]})["ground_ok"]
    assert not grade_story(undecided, {"tool_calls": [call]})["ground_ok"]
    assert not grade_story(undecided, {"tool_calls": []})["ground_ok"]


def test_the_lead_quote_is_graded_apart_from_grounding():
    chunks = {**CHUNKS, "d--0002": "Parents are sent a letter."}
    two = response()
    two["citations"] = [{"n": 1, "chunk_id": "d--0002", "quote": "a letter"}, *two["citations"]]
    g = grade(CASE, two, chunks)
    assert g["grounded"] and g["lead_grounded"] is False  # the evidence is quoted, but second
    assert grade(CASE, response(), CHUNKS)["lead_grounded"] is True
    assert grade(CASE, response(action="not_found", chunk_id=None), CHUNKS)["lead_grounded"] is False
    unanswerable = {**CASE, "expected_action": "not_found", "evidence": []}
    assert grade(unanswerable, response(action="not_found", chunk_id=None), CHUNKS)["lead_grounded"] is None
