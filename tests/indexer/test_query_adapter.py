"""The query adapter's maths (indexer/query_adapter.py): synthetic vectors, so every expectation is known."""

import numpy as np
import pytest

from indexer import query_adapter as qa


def _unit(m):
    return m / np.linalg.norm(m, axis=-1, keepdims=True)


@pytest.fixture
def mislabelled():
    """Six chunks; each query sits next to chunk j but is answered by chunk (j + 1) % 6, so the raw
    vectors rank every answer below the top."""
    rng = np.random.default_rng(7)
    chunks = _unit(rng.normal(size=(6, 16))).astype(np.float32)
    queries, positives = [], []
    for j in range(6):
        for _ in range(4):
            queries.append(chunks[j] + 0.05 * rng.normal(size=16))
            positives.append([(j + 1) % 6])
    queries = _unit(np.asarray(queries)).astype(np.float32)
    return queries, chunks, positives, np.ones((len(queries), 6), dtype=bool)


def test_training_ranks_each_labelled_answer_first(mislabelled):
    queries, chunks, positives, allowed = mislabelled
    assert qa.rank_answers(queries, chunks, positives, allowed).recall_at(1) == 0.0
    w = qa.train(queries, chunks, positives, allowed)
    after = qa.rank_answers(queries, chunks, positives, allowed, w)
    assert after.recall_at(1) == 1.0 and after.mrr == 1.0


@pytest.mark.parametrize("pull, moved_at_most", [(1000.0, 0.05), (0.01, None)])
def test_the_pull_to_identity_limits_how_far_the_map_moves(mislabelled, pull, moved_at_most):
    queries, chunks, positives, allowed = mislabelled
    w = qa.train(queries, chunks, positives, allowed, qa.AdapterParams(pull_to_identity=pull))
    moved = float(np.linalg.norm(w - np.eye(16)))
    if moved_at_most is not None:
        assert moved < moved_at_most
        assert qa.rank_answers(queries, chunks, positives, allowed, w).recall_at(1) == 0.0
    else:
        assert moved > 1.0


def test_training_is_deterministic_and_starts_from_the_identity(mislabelled):
    queries, chunks, positives, allowed = mislabelled
    assert np.array_equal(qa.train(queries, chunks, positives, allowed), qa.train(queries, chunks, positives, allowed))
    untrained = qa.train(queries, chunks, positives, allowed, qa.AdapterParams(epochs=0))
    assert np.array_equal(untrained, np.eye(16, dtype=np.float32))


def test_chunks_a_question_may_not_return_neither_rank_nor_compete(mislabelled):
    queries, chunks, positives, allowed = mislabelled
    allowed = allowed.copy()
    allowed[:, 0] = False  # chunk 0 is another authority's, say
    keep = [i for i, p in enumerate(positives) if p != [0]]
    q, pos, ok = queries[keep], [positives[i] for i in keep], allowed[keep]
    ranks = qa.rank_answers(q, chunks, pos, ok)
    assert max(ranks.ranks) <= 5  # five allowed chunks
    w = qa.train(q, chunks, pos, ok)
    assert qa.rank_answers(q, chunks, pos, ok, w).recall_at(1) == 1.0


@pytest.mark.parametrize("positives, allowed_col0, message", [
    ([[0]], False, "at least one answering chunk"),
    ([[]], True, "at least one answering chunk"),
    ([[0], [1]], True, "same questions"),
])
def test_bad_training_data_is_refused(positives, allowed_col0, message):
    chunks = np.eye(3, dtype=np.float32)
    queries = np.eye(3, dtype=np.float32)[:1]
    allowed = np.ones((1, 3), dtype=bool)
    allowed[0, 0] = allowed_col0
    with pytest.raises(ValueError, match=message):
        qa.train(queries, chunks, positives, allowed)


def test_progress_is_reported_every_ten_epochs_and_at_the_end(mislabelled):
    seen = []
    qa.train(*mislabelled, qa.AdapterParams(epochs=25), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(10, 25), (20, 25), (25, 25)]


@pytest.mark.parametrize("matrix, vector, expected", [
    (None, [3.0, 4.0], [0.6, 0.8]),
    (np.array([[0.0, 1.0], [1.0, 0.0]]), [3.0, 4.0], [0.8, 0.6]),
    (np.array([[2.0, 0.0], [0.0, 0.0]]), [3.0, 4.0], [1.0, 0.0]),
    (None, [0.0, 0.0], [0.0, 0.0]),
])
def test_apply_maps_then_normalises(matrix, vector, expected):
    assert np.allclose(qa.apply(matrix, vector), expected)


@pytest.mark.parametrize("ranks, mrr, r1, r5", [
    ((1, 2, 4), (1 + 0.5 + 0.25) / 3, 1 / 3, 1.0),
    ((10,), 0.1, 0.0, 0.0),
    ((), 0.0, 0.0, 0.0),
])
def test_rank_summaries(ranks, mrr, r1, r5):
    r = qa.Ranks(ranks)
    assert r.mrr == pytest.approx(mrr) and r.recall_at(1) == pytest.approx(r1) and r.recall_at(5) == pytest.approx(r5)


def test_cross_validation_ranks_every_question_once_with_a_map_fitted_without_its_group(mislabelled):
    queries, chunks, positives, allowed = mislabelled
    n = len(queries)
    # Groups that mix the clusters: every fold's questions have siblings (same cluster) in the fitting folds.
    mixed, plain = qa.cross_validate(queries, chunks, positives, allowed, np.arange(n) % 4, folds=4)
    assert len(mixed.ranks) == len(plain.ranks) == n
    assert plain.recall_at(1) == 0.0 and mixed.recall_at(1) == 1.0
    # Groups that are the clusters: the tested cluster's answer was never seen, so the map cannot know it.
    unseen, _ = qa.cross_validate(queries, chunks, positives, allowed, np.arange(n) // 4, folds=3)
    assert len(unseen.ranks) == n and unseen.recall_at(1) < 0.5


def test_cross_validation_skips_a_fold_with_no_questions(mislabelled):
    queries, chunks, positives, allowed = mislabelled
    fitted, plain = qa.cross_validate(queries, chunks, positives, allowed, np.full(len(queries), 2), folds=4)
    assert fitted.ranks == () and plain.ranks == ()  # one group: nothing to fit on when it is tested
