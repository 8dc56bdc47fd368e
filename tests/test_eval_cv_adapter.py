"""eval/cv_adapter.py: its argument checks, set grouping and report (the fitting itself is tested in
tests/indexer/test_query_adapter.py)."""

import json

import pytest

from eval import cv_adapter


def test_the_current_settings_come_first_then_the_candidates_or_the_grid():
    assert cv_adapter.settings_grid(None) == [{}, *cv_adapter.CANDIDATES]
    assert cv_adapter.settings_grid('[{"epochs": 10}]') == [{}, {"epochs": 10}]


@pytest.mark.parametrize("grid, message", [
    ("{", "not JSON"), ('{"epochs": 10}', "JSON list"), ('[{"pull": 1}]', "keys among"), ("[3]", "keys among"),
])
def test_a_bad_grid_is_refused_before_anything_loads(grid, message, capsys, tmp_path):
    assert cv_adapter.main(["--grid", grid, "--out", str(tmp_path / "cv")]) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_fewer_than_two_folds_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        cv_adapter.main(["--folds", "1"])
    assert exc.value.code == 2 and "at least 2" in capsys.readouterr().err


@pytest.mark.parametrize("source, group", [("v12/a1203", 12), ("v1/r07", 1), ("v12", 12), ("handwritten", 0), ("vx/a1", 0)])
def test_questions_are_grouped_by_their_gold_set(source, group):
    from indexer.tuning import set_number

    assert set_number(source) == group


def test_the_report_names_the_current_settings_and_keeps_every_row(tmp_path):
    row = {"map": "chunk", "params": {"pull_to_identity": 0.001, "temperature": 0.03, "epochs": 300, "learning_rate": 0.001},
           "current": True, "questions": 10, "mrr": 0.9, "recall@1": 0.8, "recall@3": 0.95, "recall@10": 1.0,
           "no_map_mrr": 0.5, "no_map_recall@1": 0.4, "seconds": 3.0}
    other = {**row, "current": False, "mrr": 0.85, "params": {**row["params"], "pull_to_identity": 0.01}}
    cv_adapter._write(tmp_path / "cv", [row, other], folds=5)
    md = (tmp_path / "cv.md").read_text()
    assert "pull 0.001, temperature 0.03, 300 epochs (current) | 10 | 0.900" in md
    assert "pull 0.01, temperature 0.03, 300 epochs | 10 | 0.850" in md
    assert json.loads((tmp_path / "cv.json").read_text()) == {"folds": 5, "rows": [row, other]}
