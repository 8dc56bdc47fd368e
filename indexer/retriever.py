"""Hybrid retrieval over a built index: dense (Chroma) + BM25, fused, scoped by authority.

Exact regulation codes in a query (``9(1)(g)``, ``reg 13(7)``, or a 2006 code such as ``8(1)(h)``
mapped to its 2024 successor) pin the chunks that are about that paragraph to the top; attendance codes
(``code N``) pin the chunks that define or name them (see ``attendance_codes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from indexer import attendance_codes, query_adapter, store
from indexer.contacts import CONTACT_DETAIL
from indexer.chunker import Chunk, normalise_code
from indexer.corpus import NATIONAL, Document
from indexer.errors import IndexNotReady, UnknownAuthority
from indexer.glossary import Glossary, phrase_pattern
from indexer.lexical import BM25Index

FUSIONS = ("rrf", "weighted", "dense", "bm25")
# A query this long is embedded for dense search without its acronyms spelt out. Its own words give
# the context the spellings add to a short query, and a second embedding of a turn's longest text
# was about a fifth of a long turn (1620 studied cases: 3 answers changed, none lost).
LONG_QUERY_WORDS = 60
_QUERY_CODE = re.compile(r"\b\d{1,2}\s*\(\d{1,2}\)(?:\s*\([a-z]{1,2}\))*", re.I)


@dataclass
class Hit:
    chunk: Chunk
    document: Document
    score: float
    ranks: dict[str, int] = field(default_factory=dict)


@dataclass
class LoadedIndex:
    index_id: str
    chunks: list[Chunk]
    documents: dict[str, Document]
    texts: dict[str, str]  # doc_id → normalised text
    build: dict
    unit_rows: list[dict] = field(default_factory=list)  # sentence units: chunk_id, start, end, heading
    unit_vectors: np.ndarray | None = None
    query_adapter: np.ndarray | None = None  # learnt maps for query vectors (indexer.query_adapter):
    sentence_adapter: np.ndarray | None = None  # for chunk search, and for choosing the sentence to quote


def load_index(data_dir: Path) -> LoadedIndex:
    active = store.read_active(data_dir)
    if not active:
        raise IndexNotReady("no index has been built yet; run `cme-assist index`")
    chunks, documents, build = store.read_index_files(data_dir, active["index_id"])
    docs: dict[str, Document] = {}
    texts: dict[str, str] = {}
    fields = set(Document.__dataclass_fields__)
    for d in documents:
        meta = {k: v for k, v in d.items() if k in fields}
        meta["superseded_references"] = tuple(meta.get("superseded_references") or ())
        meta["aliases"] = tuple(meta.get("aliases") or ())
        docs[d["doc_id"]] = Document(**meta)
        texts[d["doc_id"]] = d.get("text", "")
    units = store.read_units(data_dir, active["index_id"])
    rows, vectors = units if units is not None else ([], None)
    return LoadedIndex(active["index_id"], chunks, docs, texts, build, rows, vectors,
                       *store.read_adapters(data_dir, active["index_id"]))


class HybridRetriever:
    def __init__(
        self,
        index: LoadedIndex,
        embeddings: Embeddings,
        collection,
        glossary: Glossary | None = None,
        *,
        fusion: str = "rrf",
        rrf_k: int = 10,
        dense_weight: float = 0.5,
        candidates: int = 50,
        dense_synonyms: bool = False,
        doc_boost: float = 0.5,
        query_adapter: bool = True,
    ) -> None:
        # The index's learnt query maps, if it has them; off, every search uses the raw model vectors.
        self.adapter = index.query_adapter if query_adapter else None
        self.sentence_adapter = index.sentence_adapter if query_adapter else None
        self.doc_boost = doc_boost
        self.dense_synonyms = dense_synonyms
        if fusion not in FUSIONS:
            raise ValueError(f"fusion must be one of {FUSIONS}")
        self.index = index
        self.embeddings = embeddings
        self.collection = collection
        self.glossary = glossary or Glossary()
        self.fusion, self.rrf_k, self.dense_weight, self.candidates = fusion, rrf_k, dense_weight, candidates
        self._by_id = {c.chunk_id: i for i, c in enumerate(index.chunks)}
        self._lexical = BM25Index([f"{c.section_path}\n{c.text}" for c in index.chunks])
        self._authority = np.array([index.documents[c.doc_id].authority for c in index.chunks])
        self._vectors = self._chunk_vectors()
        # Attendance codes: 2 for the chunk that holds a code's table row, 1 for one that names it.
        self._att: list[dict[str, float]] = []
        for c in index.chunks:
            weights = {code: 1.0 for code in attendance_codes.named_codes(c.text)}
            weights.update({code: 2.0 for code in attendance_codes.defined_codes(c.text)})
            self._att.append(weights)
        self._att_known = {code for w in self._att for code, v in w.items() if v == 2.0}
        # Names that only say whose document to read: authorities and the aliases of their documents.
        names = {d.authority for d in index.documents.values() if d.authority != NATIONAL}
        names |= {a for d in index.documents.values() if d.authority != NATIONAL for a in d.aliases}
        alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self._names = re.compile(rf"(?<![\w&])(?:{alts})(?:['’]s)?(?![\w&])", re.I) if alts else re.compile(r"(?!)")
        self._units_of: dict[str, list[int]] = {}
        for i, row in enumerate(index.unit_rows):
            self._units_of.setdefault(row["chunk_id"], []).append(i)
        self._has_contact = np.array([bool(CONTACT_DETAIL.search(c.text)) for c in index.chunks], dtype=bool)
        self._unit_chunk = np.array([self._by_id.get(r["chunk_id"], 0) for r in index.unit_rows], dtype=int)

    def learnt_closeness(self, query_vec: np.ndarray) -> np.ndarray | None:
        """Every chunk's similarity to the query vector through the learnt query map, in index
        order; None without the map or the chunk vectors."""
        if self._vectors is None or self.adapter is None:
            return None
        return self._vectors @ query_adapter.apply(self.adapter, query_vec)

    def sentence_chunks(
        self, query_vec: np.ndarray, n: int, authority: str | None = None, *, include_national: bool = False,
        exclude: set[str] = frozenset(),
    ) -> list[Hit]:
        """Chunks holding the sentences closest to the query vector, best first, at most n of them.

        A chunk's vector averages all its sentences, so one decisive sentence in a long chunk can
        rank it low; looking at sentences directly finds it again. The query adapter, fitted to
        chunks, moves the query towards its answer's sentences as well (v16-v19 held out of its
        fitting: two more answered, none lost)."""
        vecs = self.index.unit_vectors
        if vecs is None or not len(vecs) or n <= 0:
            return []
        scope = self.resolve_authority(authority)
        sims = vecs @ query_adapter.apply(self.adapter, query_vec)
        if scope is not None:
            sims = np.where(self._scope_mask(scope, include_national)[self._unit_chunk], sims, -np.inf)
        out: list[Hit] = []
        seen = set(exclude)
        for u in np.argsort(-sims):
            if not np.isfinite(sims[u]) or len(out) >= n:
                break
            chunk = self.index.chunks[self._unit_chunk[u]]
            if chunk.chunk_id in seen:
                continue
            seen.add(chunk.chunk_id)
            out.append(Hit(chunk, self.index.documents[chunk.doc_id], round(float(sims[u]), 6), {"sentence": len(out)}))
        return out

    def has_contact(self, chunk_id: str) -> bool:
        """Does the chunk give an e-mail address or a phone number?"""
        i = self._by_id.get(chunk_id)
        return i is not None and bool(self._has_contact[i])

    def units(self, chunk_id: str) -> list[tuple[dict, np.ndarray | None]]:
        """The chunk's sentence units with their stored vectors (None if the index has none)."""
        vecs = self.index.unit_vectors
        return [(self.index.unit_rows[i], None if vecs is None else vecs[i]) for i in self._units_of.get(chunk_id, [])]

    # -- lookups -------------------------------------------------------------------------------
    @property
    def authorities(self) -> list[str]:
        return sorted({d.authority for d in self.index.documents.values() if d.authority != NATIONAL})

    def resolve_authority(self, name: str | None) -> str | None:
        if name is None or not name.strip():
            return None
        for known in self.authorities + [NATIONAL]:
            if known.lower() == name.strip().lower():
                return known
        raise UnknownAuthority(name, self.authorities)

    def chunk(self, chunk_id: str) -> Chunk | None:
        i = self._by_id.get(chunk_id)
        return None if i is None else self.index.chunks[i]

    def neighbours(self, chunk_id: str) -> tuple[str | None, str | None]:
        i = self._by_id.get(chunk_id)
        if i is None:
            return None, None
        c = self.index.chunks[i]
        prev = self.index.chunks[i - 1].chunk_id if i > 0 and self.index.chunks[i - 1].doc_id == c.doc_id else None
        nxt = (
            self.index.chunks[i + 1].chunk_id
            if i + 1 < len(self.index.chunks) and self.index.chunks[i + 1].doc_id == c.doc_id
            else None
        )
        return prev, nxt

    def idf(self, token: str) -> float:
        return self._lexical.idf(token)

    def named_documents(self, query: str) -> set[str]:
        low = f" {query.lower()} "
        out = set()
        for d in self.index.documents.values():
            if any(phrase_pattern(a.lower()).search(low) for a in d.aliases):
                out.add(d.doc_id)
        return out

    def without_names(self, query: str) -> str:
        """The query less the names that only say whose document to read (authorities, school and
        council names): they pick the document, not the sentence that answers."""
        stripped = re.sub(r"\s{2,}", " ", self._names.sub(" ", query)).strip()
        return stripped if len(stripped.split()) >= 2 else query

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        return [c for c in self.index.chunks if c.doc_id == doc_id]

    def document_statuses(self, today: date) -> dict[str, str]:
        return {d.doc_id: d.status(today) for d in self.index.documents.values()}

    def dense_text(self, query: str) -> str:
        """The text search() embeds for its dense list."""
        return self.without_names(query) if len(query.split()) >= LONG_QUERY_WORDS else self.spelt_out(query)

    def spelt_out(self, query: str) -> str:
        """The query with its acronyms spelt out and its place names left out. The query adapter is
        fitted to questions embedded this way, long ones too: refitting it to the long ones as typed
        changed 32 studied answers for no gain."""
        dense_query = self.glossary.expand(query, synonyms=False) if self.dense_synonyms is False else self.glossary.expand(query)
        return self.without_names(dense_query)

    # -- search --------------------------------------------------------------------------------
    def search(
        self, query: str, k: int = 8, authority: str | None = None, *, include_national: bool = False,
        fusion: str | None = None,
    ) -> list[Hit]:
        fusion = fusion or self.fusion
        scope = self.resolve_authority(authority)
        allowed = self._scope_mask(scope, include_national)
        if not allowed.any() or not query.strip():
            return []
        # Synonym lists help term matching but blur a sentence embedding; dense sees acronyms only.
        # A named place or school already scopes or boosts its document (below); left in the query
        # it would pull that document's every mention of its own name ahead of the answer.
        dense_query = self.dense_text(query)
        expanded = self.without_names(self.glossary.expand(query))
        scores: dict[int, float] = {}
        ranks: dict[int, dict[str, int]] = {}
        n_cand = max(self.candidates, k * 3)

        if fusion != "bm25":
            for rank, (i, s) in enumerate(self._dense(dense_query, n_cand, scope, include_national, allowed)):
                ranks.setdefault(i, {})["dense"] = rank + 1
                scores[i] = scores.get(i, 0.0) + self._contribution(fusion, rank, s, "dense")
        if fusion != "dense":
            bm = self._lexical.scores(expanded)
            bm = np.where(allowed, bm, -1.0)
            order = np.argsort(-bm)[:n_cand]
            top = float(bm[order[0]]) if len(order) else 0.0
            for rank, i in enumerate(order):
                if bm[i] <= 0:
                    break
                ranks.setdefault(int(i), {})["bm25"] = rank + 1
                norm = float(bm[i]) / top if top > 0 else 0.0
                scores[int(i)] = scores.get(int(i), 0.0) + self._contribution(fusion, rank, norm, "bm25")

        # A query that names a document ("the Aspire policy", "WCC", "the regs") leans towards it.
        named = self.named_documents(query)
        if named and self.doc_boost:
            bonus = self.doc_boost / (self.rrf_k + 1) if fusion == "rrf" else self.doc_boost * 0.25
            for i in list(scores):
                if self.index.chunks[i].doc_id in named:
                    scores[i] += bonus

        # Exact paragraph codes: the chunks about that paragraph go first.
        codes = {normalise_code(c) for c in _QUERY_CODE.findall(query)} | set(self.glossary.modern_codes(query))
        if codes:
            for i, c in enumerate(self.index.chunks):
                if allowed[i] and codes.intersection(c.codes):
                    exact = any(p in codes for p in c.paragraphs)
                    scores[i] = scores.get(i, 0.0) + (2.0 if exact else 1.0)
                    ranks.setdefault(i, {})["code"] = 1

        att = attendance_codes.query_codes(query, self._att_known)
        if att:
            for i, weights in enumerate(self._att):
                pin = max((weights.get(code, 0.0) for code in att), default=0.0)
                if allowed[i] and pin:
                    scores[i] = scores.get(i, 0.0) + pin
                    ranks.setdefault(i, {})["code"] = 1

        best = sorted(scores.items(), key=lambda kv: -kv[1])[:k]
        return [
            Hit(self.index.chunks[i], self.index.documents[self.index.chunks[i].doc_id], round(s, 6), ranks.get(i, {}))
            for i, s in best
        ]

    def _contribution(self, fusion: str, rank: int, score: float, source: str) -> float:
        if fusion == "rrf":
            return 1.0 / (self.rrf_k + rank + 1)
        if fusion == "weighted":
            w = self.dense_weight if source == "dense" else 1.0 - self.dense_weight
            return w * score
        return score

    def _chunk_vectors(self) -> np.ndarray | None:
        """Every chunk's vector, read back from Chroma once, in index order (None if any is missing).

        Dense search is then an exact matrix product. Chroma's HNSW index is approximate: a query
        run in two processes over the same stored index could miss a true neighbour in one of them
        (a chunk at dense rank 12 was absent), which made answers differ from run to run. At this
        corpus size (hundreds of chunks) exact search is also faster."""
        ids = [c.chunk_id for c in self.index.chunks]
        if not ids:
            return None
        try:
            got = self.collection.get(ids=ids, include=["embeddings"])
        except Exception:  # noqa: BLE001 - a store that cannot return vectors is searched through query()
            return None
        by_id = dict(zip(got.get("ids") or [], got.get("embeddings") if got.get("embeddings") is not None else []))
        if any(i not in by_id for i in ids):
            return None
        m = np.asarray([by_id[i] for i in ids], dtype=np.float32)
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        return m / np.where(norms > 0, norms, 1.0)  # cosine, as the collection's space

    @property
    def unit_chunks(self) -> np.ndarray:
        """For each sentence unit (index.unit_rows order), the row of its chunk."""
        return self._unit_chunk

    @property
    def chunk_vectors(self) -> np.ndarray | None:
        """Every chunk's unit vector, in index order (None if the store cannot return them)."""
        return self._vectors

    def allowed_for(self, authority: str | None) -> np.ndarray:
        """The chunks a search scoped to ``authority`` (with national law) may return."""
        return self._scope_mask(self.resolve_authority(authority), True)

    def _scope_mask(self, scope: str | None, include_national: bool) -> np.ndarray:
        """Which chunks a search scoped to ``scope`` may return (all of them when unscoped)."""
        if scope is None:
            return np.ones(len(self.index.chunks), dtype=bool)
        allowed = self._authority == scope
        if include_national and scope != NATIONAL:
            allowed |= self._authority == NATIONAL
        return allowed

    def _dense(self, query: str, n: int, scope: str | None, include_national: bool,
               allowed: np.ndarray) -> list[tuple[int, float]]:
        q = query_adapter.apply(self.adapter, self.embeddings.embed_query(query))
        if self._vectors is not None:
            sims = np.where(allowed, self._vectors @ q, -np.inf)
            order = np.argsort(-sims, kind="stable")[: min(n, len(sims))]
            return [(int(i), float(sims[i])) for i in order if np.isfinite(sims[i])]
        where = None
        if scope is not None:
            where = {"authority": {"$in": [scope, NATIONAL]}} if include_national else {"authority": scope}
        res = self.collection.query(
            query_embeddings=[q.tolist()], n_results=min(n, len(self.index.chunks)), where=where, include=["distances"]
        )
        out = []
        for cid, dist in zip(res["ids"][0], res["distances"][0]):
            i = self._by_id.get(cid)
            if i is not None:
                out.append((i, 1.0 - float(dist)))
        return out


def open_retriever(data_dir: Path, embeddings: Embeddings, glossary: Glossary, *, client=None, **kwargs) -> HybridRetriever:
    index = load_index(data_dir)
    client = client or store.chroma_client(data_dir)
    try:
        collection = store.get_collection(client, index.index_id)
    except Exception as exc:
        raise IndexNotReady(f"collection for index {index.index_id} is missing; run `cme-assist index`") from exc
    return HybridRetriever(index, embeddings, collection, glossary, **kwargs)
