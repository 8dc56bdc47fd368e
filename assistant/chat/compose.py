"""The deterministic answer engine's composer: pick the sentences of the retrieved chunks that
answer the question, and join them with citations. It adds no words of its own beyond short
connective phrasing (who says it, and warnings about currency).

Sentences ("units") are scored by IDF-weighted term coverage of the question (with the
glossary's expansions), cosine similarity under the same embedding model, and the chunk's
retrieval rank. A list introduced by a line ending in ':' travels with its introduction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np

from assistant.chat.types import Citation
from indexer.corpus import NATIONAL
from indexer.lexical import tokenize
from indexer.retriever import Hit, HybridRetriever
from indexer.units import split_units, unit_embed_text

MAX_UNITS_EMBEDDED = 24  # units without stored vectors embedded per question (old indexes only)


@dataclass
class Unit:
    hit_rank: int
    hit: Hit
    start: int  # offsets within the chunk text
    end: int
    is_heading: bool
    score: float = 0.0
    lex: float = 0.0
    dense: float = 0.0
    vector: np.ndarray | None = None

    @property
    def text(self) -> str:
        return self.hit.chunk.text[self.start : self.end]


def units_of(hit: Hit, rank: int, retriever: HybridRetriever) -> list[Unit]:
    stored = retriever.units(hit.chunk.chunk_id)
    if stored:
        return [Unit(rank, hit, row["start"], row["end"], row["heading"], vector=vec) for row, vec in stored]
    return [Unit(rank, hit, u.start, u.end, u.is_heading) for u in split_units(hit.chunk.text)]


@dataclass
class Scored:
    units: list[Unit]
    best: Unit | None
    support: float  # how well the best sentence answers the question, 0..1


def score_units(question: str, expanded: str, hits: list[Hit], retriever: HybridRetriever) -> Scored:
    units = [u for r, h in enumerate(hits) for u in units_of(h, r, retriever)]
    if not units:
        return Scored([], None, 0.0)
    q_orig = set(tokenize(question))
    q_all = set(tokenize(expanded))
    denom = sum(retriever.idf(t) for t in q_orig) or 1.0
    for u in units:
        toks = set(tokenize(u.text)) | {t for t in tokenize(u.hit.chunk.section_path) if t in q_orig}
        gain = sum(retriever.idf(t) * (1.0 if t in q_orig else 0.4) for t in q_all & toks)
        u.lex = min(1.0, gain / denom)
    q = np.array(retriever.embeddings.embed_query(question), dtype=np.float32)
    missing = [u for u in units if u.vector is None][:MAX_UNITS_EMBEDDED]
    if missing:
        vecs = retriever.embeddings.embed_documents([unit_embed_text(u.hit.chunk.section_path, u.text) for u in missing])
        for u, v in zip(missing, vecs):
            u.vector = np.asarray(v, dtype=np.float32)
    for u in units:
        if u.vector is not None:
            u.dense = float(u.vector @ q)
    for u in units:
        u.score = 0.45 * u.lex + 0.45 * max(u.dense, 0.0) + 0.1 / (1 + u.hit_rank) - (0.15 if u.is_heading else 0.0)
    best = max(units, key=lambda u: u.score)
    support = 0.5 * best.lex + 0.5 * max(best.dense, 0.0)
    return Scored(units, best, support)


def with_list(u: Unit, units: list[Unit]) -> tuple[int, int]:
    """A unit introducing a list (ends with ':' or '—') takes the list items after it."""
    if not re.search(r"[:—-]\s*$", u.text.strip()):
        return u.start, u.end
    same = [x for x in units if x.hit is u.hit and x.start > u.start]
    end = u.end
    for x in sorted(same, key=lambda x: x.start)[:8]:
        end = x.end
        if x.text.strip().endswith("."):
            break
    return u.start, end


def citation_for(n: int, hit: Hit, start: int, end: int, today: date) -> Citation:
    doc = hit.document
    return Citation(
        n=n, chunk_id=hit.chunk.chunk_id, doc_id=doc.doc_id, title=doc.title, authority=doc.authority,
        section=hit.chunk.section_path, quote=hit.chunk.text[start:end].strip(), text=hit.chunk.text,
        dated=doc.dated, status=doc.status(today),
    )


def who(doc) -> str:
    if doc.authority == NATIONAL:
        return f"The law ({doc.title})"
    when = f", {doc.dated}" if doc.dated else ""
    return f"{doc.authority} ({doc.title}{when})"


def select(scored: Scored, *, max_units: int = 3, ratio: float = 0.8) -> list[Unit]:
    """The best sentence, plus up to two more nearly as good from other chunks."""
    if scored.best is None:
        return []
    chosen = [scored.best]
    for u in sorted(scored.units, key=lambda u: -u.score):
        if len(chosen) >= max_units or u.score < ratio * scored.best.score:
            break
        if u.is_heading or any(c.hit is u.hit for c in chosen):
            continue
        chosen.append(u)
    return chosen


def currency_notes(citations: list[Citation], documents: dict, today: date) -> list[str]:
    notes = []
    for doc_id in dict.fromkeys(c.doc_id for c in citations):
        doc = documents[doc_id]
        if doc.status(today) == "review_overdue":
            notes.append(f"*{doc.title}* was due for review by {doc.review_due} and may be out of date.")
        if doc.superseded_references:
            notes.append(
                f"*{doc.title}* refers to {', '.join(doc.superseded_references)}, since replaced "
                "(the Pupil Registration Regulations 2024 and the 2024 statutory guidance apply now)."
            )
    return notes
