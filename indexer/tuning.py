"""Fit the query adapter of a built index to the corpus's labelled staff questions.

The questions live beside the documents in ``tuning_questions.jsonl`` (one JSON object a line:
``question``, ``authority``, ``quotes`` — words copied from the passage that answers it — and
``source``, where the question came from). A quote finds its chunk by its words, not by chunk id,
so the file survives a change of chunking; a question whose quotes no chunk holds any more is
counted and left out. Two maps are fitted: one for chunk search (the question's answering chunks)
and one for choosing the sentence to quote (the sentences that hold the quoted words). They are
kept with their index (``query_adapter.npy``, ``sentence_adapter.npy``) with a note of what they
were fitted on; a rebuild that changes neither the index nor the file reuses them.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from indexer import query_adapter, store
from indexer.errors import IndexerError, UnknownAuthority
from indexer.glossary import Glossary
from indexer.normalise import clean_inline
from indexer.retriever import open_retriever
from indexer.store import ADAPTER_FILE, SENTENCE_ADAPTER_FILE

TUNING_FILE = "tuning_questions.jsonl"
NOTE_FILE = "query_adapter.json"
MIN_QUESTIONS = 20  # fewer than this would fit a handful of passages, not the corpus


class TuningFileError(IndexerError):
    """The tuning questions file cannot be read (its line number says where)."""


@dataclass(frozen=True)
class TuningQuestion:
    question: str
    authority: str | None
    quotes: tuple[str, ...]
    source: str = ""


@dataclass
class TuningReport:
    status: str  # "trained", "up to date", "none" (no file or too few questions), "failed" (unreadable file)
    questions: int = 0
    unmatched: int = 0
    seconds: float = 0.0
    mrr_before: float = 0.0
    mrr_after: float = 0.0
    sentence_mrr_before: float = 0.0
    sentence_mrr_after: float = 0.0
    error: str = ""

    def summary(self) -> str:
        if self.status == "failed":
            return f"Query adapter: not fitted, the index's previous one (if any) is kept: {self.error}"
        if self.status == "none":
            return "Query adapter: none (no tuning questions matched the index)." if self.questions or self.unmatched \
                else "Query adapter: none (no tuning questions file)."
        if self.status == "up to date":
            return f"Query adapter: up to date ({self.questions} questions)."
        gone = f"; {self.unmatched} whose passage is no longer in the index were left out" if self.unmatched else ""
        return (f"Query adapter: fitted to {self.questions} questions in {self.seconds:.1f} s{gone}; "
                f"MRR of their answering chunk {self.mrr_before:.3f} -> {self.mrr_after:.3f}, "
                f"of their answering sentence {self.sentence_mrr_before:.3f} -> {self.sentence_mrr_after:.3f}.")


def read_questions(path: Path) -> list[TuningQuestion]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row["quotes"], list) or not row["quotes"] or not str(row["question"]).strip():
                raise ValueError("a question and a non-empty list of quotes are needed")
            quotes = tuple(str(q) for q in row["quotes"])
            out.append(TuningQuestion(str(row["question"]), row.get("authority"), quotes, str(row.get("source", ""))))
        except (ValueError, KeyError, TypeError) as exc:
            raise TuningFileError(f"{path.name} line {n}: not a tuning question "
                                  f"(want question, authority, quotes; {type(exc).__name__}: {exc})") from exc
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _fingerprint(index_id: str, raw: bytes, params: query_adapter.AdapterParams) -> str:
    h = hashlib.sha256(raw)
    h.update(json.dumps({"index": index_id, "params": asdict(params)}, sort_keys=True).encode())
    return h.hexdigest()[:16]


def ensure_adapter(
    corpus_dir: Path, data_dir: Path, embeddings, *, client=None,
    params: query_adapter.AdapterParams = query_adapter.AdapterParams(),
    progress: Callable[[str, int, int], None] | None = None,
) -> TuningReport:
    """Fit (or confirm) the active index's query adapter; with no questions, remove any old one."""
    active = store.read_active(data_dir)
    if not active:
        return TuningReport("none")
    folder = store.index_dir(data_dir, active["index_id"])
    path = corpus_dir / TUNING_FILE
    if not path.is_file():
        _remove(folder)
        return TuningReport("none")
    raw = path.read_bytes()
    # The questions are embedded as search() embeds them, glossary expansions and topic codes
    # included: a glossary edit changes what is fitted, so it is part of the key.
    glossary = corpus_dir / "glossary.yaml"
    key = _fingerprint(active["index_id"], raw + (glossary.read_bytes() if glossary.is_file() else b""), params)
    note = _read_note(folder)
    if note.get("key") == key and (folder / ADAPTER_FILE).is_file():
        return TuningReport("up to date", note.get("questions", 0), note.get("unmatched", 0))

    started = time.perf_counter()
    try:
        questions = read_questions(path)
    except TuningFileError as exc:
        # The index itself is built and active; a broken questions file only costs the refit.
        return TuningReport("failed", error=str(exc))
    r = open_retriever(data_dir, embeddings, Glossary.load(corpus_dir / "glossary.yaml"), client=client,
                       query_adapter=False)
    if r.chunk_vectors is None:
        raise IndexerError("the index's chunk vectors cannot be read back, so no query adapter can be fitted")
    chunks = _fit(r, questions, chunk_items(r), embeddings, params, progress, "tuning")
    if chunks.matrix is None:
        _remove(folder)
        return TuningReport("none", len(chunks.questions), len(questions) - len(chunks.questions))
    units = sentence_items(r)
    sentences = _fit(r, questions, units, embeddings, params, progress, "tuning sentences") if units else None
    report = TuningReport("trained", len(chunks.questions), len(questions) - len(chunks.questions),
                          time.perf_counter() - started, chunks.mrr_before, chunks.mrr_after,
                          sentences.mrr_before if sentences else 0.0, sentences.mrr_after if sentences else 0.0)
    np.save(folder / ADAPTER_FILE, chunks.matrix)
    if sentences and sentences.matrix is not None:
        np.save(folder / SENTENCE_ADAPTER_FILE, sentences.matrix)
    else:
        (folder / SENTENCE_ADAPTER_FILE).unlink(missing_ok=True)
    store.write_json_atomic(folder / NOTE_FILE, {"key": key, "params": asdict(params), **asdict(report)})
    return report


@dataclass
class _Fitted:
    matrix: np.ndarray | None  # None: fewer than MIN_QUESTIONS questions found an answer
    questions: list[TuningQuestion]  # those with an answer among the items
    mrr_before: float
    mrr_after: float


@dataclass(frozen=True)
class Items:
    """What one map is fitted over: the items' texts and vectors, each item's chunk row (None when the
    items are the chunks), the pieces of a quote an answering item holds, and how a question is
    written before it is embedded."""

    texts: list[str]
    vectors: np.ndarray
    item_chunk: np.ndarray | None
    pieces: Callable[[str], set[str]]
    query_text: Callable[[str], str]


def chunk_items(r) -> Items:
    # Chunk search embeds a question as search() embeds a short one (acronyms spelt out, place names left out);
    # a chunk answers when it holds a whole quote.
    return Items([c.text for c in r.index.chunks], r.chunk_vectors, None, lambda quote: {quote}, r.spelt_out)


def sentence_items(r) -> Items | None:
    """The sentences (None when the index has no sentence vectors)."""
    # The composer embeds the question with place names left out; a sentence answers when it holds
    # five consecutive words of a quote (quotes run across sentences).
    texts = [r.index.chunks[r.unit_chunks[i]].text[row["start"]:row["end"]] for i, row in enumerate(r.index.unit_rows)]
    if r.index.unit_vectors is None or not texts:
        return None
    return Items(texts, r.index.unit_vectors, r.unit_chunks, _shingles, r.without_names)


@dataclass
class Labelled:
    """Questions with an answer among the items, each with the items that answer it and those its search may return."""

    questions: list[TuningQuestion]
    positives: list[list[int]]
    allowed: np.ndarray  # questions x items


def label(r, questions: list[TuningQuestion], items: Items) -> Labelled:
    """Find each question's answering items (chunks or sentences) by its quotes: an item answers a
    question when it holds one of the pieces of one of its quotes."""
    texts, item_chunk, pieces = items.texts, items.item_chunk, items.pieces
    squashed = [_squash(t) for t in texts]
    everything = np.ones(len(texts), dtype=bool)
    kept, positives, allowed = [], [], []
    for q in questions:
        wanted = {p for quote in q.quotes for p in pieces(_squash(clean_inline(quote))) if p}
        pos = [i for i, t in enumerate(squashed) if any(p in t for p in wanted)]
        if not pos:
            continue
        try:
            mask = r.allowed_for(q.authority)
            mask = mask if item_chunk is None else mask[item_chunk]
        except UnknownAuthority:  # an authority this corpus does not hold: its search reads everything
            mask = everything
        if not any(mask[p] for p in pos):
            mask = everything  # only another authority holds the answer: the chat looks there too
        kept.append(q)
        positives.append([p for p in pos if mask[p]])
        allowed.append(mask)
    return Labelled(kept, positives, np.stack(allowed) if allowed else np.zeros((0, len(texts)), dtype=bool))


def set_number(source: str) -> int:
    """The gold set a tuning question came from, as a number ('v12/a1203' and 'v12' give 12); a
    question from no numbered set gives 0. Questions written together phrase alike, so they are
    kept on one side of any split between fitting and testing."""
    head = source.split("/")[0]
    return int(head[1:]) if head[:1] == "v" and head[1:].isdigit() else 0


def embed_questions(questions: list[TuningQuestion], query_text: Callable[[str], str], embeddings) -> np.ndarray:
    qv = np.asarray(embeddings.embed_documents([query_text(q.question) for q in questions]), dtype=np.float32)
    return qv / np.maximum(np.linalg.norm(qv, axis=1, keepdims=True), 1e-12)


def _fit(r, questions: list[TuningQuestion], items: Items, embeddings,
         params: query_adapter.AdapterParams, progress, stage: str) -> _Fitted:
    """Fit one map: each question against every item (chunk or sentence) its search may return."""
    lab = label(r, questions, items)
    if len(lab.questions) < MIN_QUESTIONS:
        return _Fitted(None, lab.questions, 0.0, 0.0)
    qv = embed_questions(lab.questions, items.query_text, embeddings)
    before = query_adapter.rank_answers(qv, items.vectors, lab.positives, lab.allowed)
    step = (lambda done, total: progress(stage, done, total)) if progress else None
    matrix = query_adapter.train(qv, items.vectors, lab.positives, lab.allowed, params, progress=step)
    after = query_adapter.rank_answers(qv, items.vectors, lab.positives, lab.allowed, matrix)
    return _Fitted(matrix, lab.questions, before.mrr, after.mrr)


def _shingles(text: str, n: int = 5) -> set[str]:
    words = text.split()
    return {" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


def _read_note(folder: Path) -> dict:
    try:
        return json.loads((folder / NOTE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _remove(folder: Path) -> None:
    for name in (ADAPTER_FILE, SENTENCE_ADAPTER_FILE, NOTE_FILE):
        (folder / name).unlink(missing_ok=True)
