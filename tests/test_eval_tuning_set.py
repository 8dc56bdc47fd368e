"""corpus/tuning_questions.jsonl is exactly the studied gold sets' questions, and never a held-out set's."""

import pytest

from eval import tuning_set
from eval.common import read_jsonl
from indexer.tuning import TUNING_FILE
from tests.conftest import CORPUS


def test_the_committed_questions_are_the_studied_sets_questions():
    committed = read_jsonl(CORPUS / TUNING_FILE)
    expected = [row for s in tuning_set.studied_sets() for row in tuning_set.questions_of(s)]
    assert committed == expected  # regenerate with `python -m eval.tuning_set` after adding a studied set


def test_no_held_out_case_tunes_the_system():
    sources = {row["source"].split("/")[0] for row in read_jsonl(CORPUS / TUNING_FILE)}
    assert tuning_set.HELD_OUT and not sources & set(tuning_set.HELD_OUT)
    assert set(tuning_set.HELD_OUT) <= {p.name for p in tuning_set.DATA.parent.iterdir()}  # they exist


@pytest.mark.parametrize("argv, message", [
    (["--sets", f"v1,{tuning_set.HELD_OUT[0]}"], f"{tuning_set.HELD_OUT[0]} held out"),
    (["--sets", "v99"], "no gold set v99"),
])
def test_held_out_or_missing_sets_are_refused(argv, message, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        tuning_set.main(argv + ["--out", str(tmp_path / "out.jsonl")])
    assert exc.value.code == 2 and message in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_only_answered_cases_with_evidence_and_retrieval_rows_become_questions(tmp_path):
    out = tmp_path / "out.jsonl"
    assert tuning_set.main(["--sets", "v1", "--out", str(out)]) == 0
    rows = read_jsonl(out)
    answers = read_jsonl(tuning_set.DATA / "answers.jsonl")
    retrieval = (tuning_set.DATA / "retrieval.jsonl").read_text(encoding="utf-8").splitlines()
    usable = [a for a in answers if a["expected_action"] == "answered" and a["evidence"]]
    assert len(rows) == len(usable) + len(retrieval)
    assert {r["source"] for r in rows} >= {f"v1/{a['id']}" for a in usable}
    assert not {r["source"] for r in rows} & {f"v1/{a['id']}" for a in answers if a["expected_action"] != "answered"}
    assert all(set(r) == {"question", "authority", "quotes", "source"} and r["quotes"] for r in rows)
