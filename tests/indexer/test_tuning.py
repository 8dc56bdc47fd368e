"""The index build fits a query adapter to corpus/tuning_questions.jsonl (indexer/tuning.py), on a
real two-document corpus, the real model and real Chroma."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from indexer.build import build_index
from indexer.embeddings import MODEL_NAME
from indexer.glossary import Glossary
from indexer.retriever import open_retriever
from indexer.store import ADAPTER_FILE, SENTENCE_ADAPTER_FILE, chroma_client, index_dir, read_active
from indexer.tuning import TUNING_FILE, TuningFileError, read_questions
from tests.conftest import CORPUS

SMALL_DOCS = ("riverside-federation-cme-policy.txt", "derbyshire-cromford-cme-policy-2023.txt")


def _small_questions() -> list[str]:
    """Lines of the real tuning file whose answers are in the two documents of ``small_corpus``."""
    texts = " ".join(" ".join((CORPUS / "documents" / d).read_text(encoding="utf-8").split()) for d in SMALL_DOCS)
    lines = (CORPUS / TUNING_FILE).read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if all(" ".join(q.split()) in texts for q in json.loads(ln)["quotes"])]


@pytest.fixture
def tuned_corpus(small_corpus) -> Path:
    lines = _small_questions()
    assert len(lines) >= 40
    gone = json.dumps({"question": "Which passage is this?", "authority": None,
                       "quotes": ["words that no document of this corpus holds at all"], "source": "test"})
    (small_corpus / TUNING_FILE).write_text("\n".join(lines[:40] + [gone]) + "\n", encoding="utf-8")
    return small_corpus


def build(corpus: Path, data: Path, emb):
    return build_index(corpus, data, emb, model_name=MODEL_NAME, client=chroma_client(data))


def _adapter_path(data: Path) -> Path:
    return index_dir(data, read_active(data)["index_id"]) / ADAPTER_FILE


def _retriever(corpus: Path, data: Path, emb, **kw):
    return open_retriever(data, emb, Glossary.load(corpus / "glossary.yaml"), client=chroma_client(data), **kw)


def test_the_build_fits_an_adapter_that_ranks_the_labelled_answers_higher(tuned_corpus, tmp_path, minilm):
    data = tmp_path / "data"
    report = build(tuned_corpus, data, minilm)
    t = report.tuning
    assert t.status == "trained" and t.questions == 40 and t.unmatched == 1
    assert t.mrr_after > t.mrr_before and t.sentence_mrr_after > t.sentence_mrr_before
    assert "fitted to 40 questions" in report.summary() and "1 whose passage is no longer in the index" in report.summary()
    assert _adapter_path(data).is_file()
    on, off = _retriever(tuned_corpus, data, minilm), _retriever(tuned_corpus, data, minilm, query_adapter=False)
    assert on.adapter is not None and on.adapter.shape == (384, 384) and off.adapter is None
    assert on.sentence_adapter is not None and on.sentence_adapter.shape == (384, 384) and off.sentence_adapter is None
    # the same query finds its dense list through different vectors with the adapter on and off
    query = read_questions(tuned_corpus / TUNING_FILE)[0].question
    dense_on = [i for i, _ in on._dense(on.dense_text(query), 10, None, False, on.allowed_for(None))]
    dense_off = [i for i, _ in off._dense(off.dense_text(query), 10, None, False, off.allowed_for(None))]
    assert dense_on != dense_off


def test_a_rebuild_reuses_the_adapter_until_the_questions_change(tuned_corpus, tmp_path, minilm):
    data = tmp_path / "data"
    build(tuned_corpus, data, minilm)
    first = np.load(_adapter_path(data))
    again = build(tuned_corpus, data, minilm)
    assert again.up_to_date and again.tuning.status == "up to date" and again.tuning.questions == 40
    assert np.array_equal(np.load(_adapter_path(data)), first)
    lines = (tuned_corpus / TUNING_FILE).read_text(encoding="utf-8").splitlines()
    (tuned_corpus / TUNING_FILE).write_text("\n".join(lines[5:]) + "\n", encoding="utf-8")
    changed = build(tuned_corpus, data, minilm)
    assert changed.tuning.status == "trained" and changed.tuning.questions == 35
    assert not np.array_equal(np.load(_adapter_path(data)), first)


def test_a_glossary_edit_refits_the_adapter(tuned_corpus, tmp_path, minilm):
    # the questions are embedded with the glossary's expansions, so a new glossary is a new fit
    data = tmp_path / "data"
    build(tuned_corpus, data, minilm)
    glossary = tuned_corpus / "glossary.yaml"
    before = glossary.read_text(encoding="utf-8") if glossary.is_file() else "acronyms: {}\n"
    glossary.write_text(before.replace("acronyms:", "acronyms:\n  ZZQ: zebra zone quest", 1), encoding="utf-8")
    again = build(tuned_corpus, data, minilm)
    assert again.tuning.status == "trained"
    assert build(tuned_corpus, data, minilm).tuning.status == "up to date"


def test_without_questions_there_is_no_adapter(tuned_corpus, tmp_path, minilm):
    data = tmp_path / "data"
    build(tuned_corpus, data, minilm)
    (tuned_corpus / TUNING_FILE).unlink()
    report = build(tuned_corpus, data, minilm)
    assert report.tuning.status == "none" and "no tuning questions file" in report.summary()
    assert not _adapter_path(data).exists() and not _adapter_path(data).with_name(SENTENCE_ADAPTER_FILE).exists()
    r = _retriever(tuned_corpus, data, minilm)
    assert r.adapter is None and r.sentence_adapter is None


def test_too_few_matching_questions_fit_nothing(tuned_corpus, tmp_path, minilm):
    lines = (tuned_corpus / TUNING_FILE).read_text(encoding="utf-8").splitlines()
    (tuned_corpus / TUNING_FILE).write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    report = build(tuned_corpus, tmp_path / "data", minilm)
    assert report.tuning.status == "none" and report.tuning.questions == 5
    assert not _adapter_path(tmp_path / "data").exists()


@pytest.mark.parametrize("bad_line, reason", [
    ("{not json", "JSONDecodeError"),
    ('{"question": "Who?", "authority": null}', "KeyError"),
    ('{"question": "Who?", "authority": null, "quotes": "one string, not a list"}', "non-empty list of quotes"),
    ('{"question": " ", "authority": null, "quotes": ["some words here"]}', "non-empty list of quotes"),
])
def test_a_bad_line_is_named_by_its_number(tmp_path, bad_line, reason):
    path = tmp_path / TUNING_FILE
    good = json.dumps({"question": "Who is the CME officer?", "authority": None, "quotes": ["some words here"]})
    path.write_text(f"{good}\n\n{bad_line}\n", encoding="utf-8")
    with pytest.raises(TuningFileError, match=f"{TUNING_FILE} line 3: .*{reason}"):
        read_questions(path)


def test_a_broken_questions_file_is_reported_and_the_index_still_builds(tuned_corpus, tmp_path, minilm):
    data = tmp_path / "data"
    build(tuned_corpus, data, minilm)
    before = np.load(_adapter_path(data))
    lines = (tuned_corpus / TUNING_FILE).read_text(encoding="utf-8").splitlines()
    (tuned_corpus / TUNING_FILE).write_text("\n".join(lines[:2] + ["{not json"] + lines[2:]) + "\n", encoding="utf-8")
    report = build(tuned_corpus, data, minilm)
    assert report.up_to_date and report.tuning.status == "failed"
    assert f"{TUNING_FILE} line 3" in report.summary() and "previous one (if any) is kept" in report.summary()
    assert np.array_equal(np.load(_adapter_path(data)), before)


def test_the_real_corpus_questions_all_find_their_passage(real_index):
    # Every tuning question's quote is in some chunk of the real index, so none is silently dropped.
    note = json.loads((index_dir(real_index, read_active(real_index)["index_id"]) / "query_adapter.json").read_text())
    lines = [ln for ln in (CORPUS / TUNING_FILE).read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert note["status"] == "trained" and note["unmatched"] == 0 and note["questions"] == len(lines)
    assert note["mrr_after"] > note["mrr_before"] and note["sentence_mrr_after"] > note["sentence_mrr_before"]
