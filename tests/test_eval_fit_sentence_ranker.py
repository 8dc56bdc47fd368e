"""eval/fit_sentence_ranker.py: candidates found with query maps fitted without their own fold (the
model itself is tested in tests/chat/test_sentence_ranker.py)."""

import numpy as np
import pytest

from eval import fit_sentence_ranker
from indexer import query_adapter, tuning

from .conftest import CORPUS


def few_questions(per_set: int = 8) -> list:
    found = tuning.read_questions(CORPUS / tuning.TUNING_FILE)
    return [q for s in ("v1", "v2") for q in [q for q in found if q.source.startswith(f"{s}/")][:per_set]]


def test_each_folds_candidates_are_found_with_maps_fitted_without_its_questions(services, monkeypatch):
    engine = services.require_chat()
    r = engine.procedure.r
    own = (r.adapter, r.sentence_adapter)
    seen = []

    def record(_engine, sets):
        seen.append((sets, r.adapter.copy(), r.sentence_adapter.copy()))
        return [(f"{sets[0]}/x", np.zeros((1, 1)), np.ones(1), [])]

    monkeypatch.setattr(fit_sentence_ranker, "candidates", record)
    questions = few_questions()
    rows = fit_sentence_ranker.cross_fitted_candidates(engine, ["v1", "v2"], questions, folds=2)
    # fold 0 holds v2 (2 mod 2), fold 1 holds v1
    assert [s for s, _, _ in seen] == [["v2"], ["v1"]] and [k for k, *_ in rows] == ["v2/x", "v1/x"]
    items = tuning.chunk_items(r)
    v1_only = tuning.label(r, [q for q in questions if q.source.startswith("v1/")], items)
    expected = query_adapter.train(tuning.embed_questions(v1_only.questions, items.query_text, r.embeddings),
                                   items.vectors, v1_only.positives, v1_only.allowed)
    assert np.allclose(seen[0][1], expected, atol=1e-5)  # v2's candidates: a chunk map fitted to v1 alone
    assert not np.allclose(seen[0][1], seen[1][1])
    assert not np.allclose(seen[0][1], own[0]) and not np.allclose(seen[0][2], own[1])
    assert r.adapter is own[0] and r.sentence_adapter is own[1]  # the index's own maps are back


def test_the_index_maps_are_put_back_when_a_search_fails(services, monkeypatch):
    engine = services.require_chat()
    r = engine.procedure.r
    own = (r.adapter, r.sentence_adapter)

    def fail(_engine, _sets):
        raise RuntimeError("search failed")

    monkeypatch.setattr(fit_sentence_ranker, "candidates", fail)
    with pytest.raises(RuntimeError):
        fit_sentence_ranker.cross_fitted_candidates(engine, ["v1", "v2"], few_questions(3), folds=2)
    assert r.adapter is own[0] and r.sentence_adapter is own[1]


@pytest.mark.parametrize("folds", ["1", "-2"])
def test_a_cross_fit_of_one_fold_is_a_usage_error(folds, capsys):
    with pytest.raises(SystemExit) as exc:
        fit_sentence_ranker.main(["--cross-fit", folds, "--dry-run"])
    assert exc.value.code == 2 and "--cross-fit must be 0 (off) or at least 2 folds" in capsys.readouterr().err
