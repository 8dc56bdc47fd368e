"""Build (or confirm) the index for a corpus: load → normalise → chunk → embed what is new → store."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from langchain_core.embeddings import Embeddings

from indexer import store
from indexer.chunker import Chunk, ChunkingParams, chunk_legislation, chunk_policy
from indexer.corpus import Document, Manifest, load_manifest
from indexer.errors import BuildFailed, DocumentError
from indexer.loaders import load
from indexer.normalise import normalise
from indexer.tuning import TuningReport, ensure_adapter
from indexer.units import split_units, unit_embed_text

Progress = Callable[[str, int, int], None]


@dataclass
class Skipped:
    path: str
    reason: str
    code: str


@dataclass
class BuildReport:
    index_id: str
    documents: int
    chunks: int
    embedded: int
    reused: int
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    up_to_date: bool = False
    embedded_docs: list[str] = field(default_factory=list)
    units_embedded: int = 0
    tuning: TuningReport | None = None

    def summary(self) -> str:
        lines = []
        if self.up_to_date:
            lines.append(f"Index {self.index_id} is up to date: nothing to embed.")
        else:
            done = f"embedded {self.embedded} chunks ({self.units_embedded} sentences)"
            if self.embedded_docs:
                done += f" from {', '.join(self.embedded_docs)}"
            lines.append(f"Built index {self.index_id}: {done}, reused {self.reused} unchanged.")
        lines.append(f"Documents: {self.documents}   Chunks: {self.chunks}   Time: {self.seconds:.1f} s")
        if self.tuning is not None:
            lines.append(self.tuning.summary())
        if self.skipped:
            lines.append(f"Skipped {len(self.skipped)} file(s):")
            lines.extend(f"  - {s.path}: {s.reason}" for s in self.skipped)
        return "\n".join(lines)


@dataclass
class Prepared:
    doc: Document
    text: str
    chunks: list[Chunk]
    content_hash: str


def prepare(manifest: Manifest, params: ChunkingParams, *, max_bytes: int) -> tuple[list[Prepared], list[Skipped]]:
    prepared: list[Prepared] = []
    skipped: list[Skipped] = []
    for doc in manifest.documents:
        path = manifest.path_of(doc)
        rel = str(path.relative_to(manifest.root)) if path.is_relative_to(manifest.root) else str(path)
        if not path.is_file():
            skipped.append(Skipped(rel, "listed in manifest.yaml but the file is missing", "missing_file"))
            continue
        try:
            lines = load(path, max_bytes=max_bytes)
            norm = normalise(lines)
            if not norm.text.strip():
                raise DocumentError(rel, "no text left after cleaning")
            chunker = chunk_legislation if doc.is_legislation else chunk_policy
            chunks = chunker(doc.doc_id, norm, params)
            if not chunks:
                raise DocumentError(rel, "no indexable passages found")
        except DocumentError as exc:
            skipped.append(Skipped(rel, exc.reason, exc.code))
            continue
        entry = json.dumps(asdict(doc), sort_keys=True, default=str)
        digest = hashlib.sha256(path.read_bytes() + entry.encode()).hexdigest()
        prepared.append(Prepared(doc, norm.text, chunks, digest))
    for extra in manifest.unlisted_files():
        skipped.append(
            Skipped(str(extra.relative_to(manifest.root)), "not listed in manifest.yaml (add an entry to index it)", "unlisted")
        )
    return prepared, skipped


def compute_index_id(model_name: str, params: ChunkingParams, prepared: list[Prepared]) -> str:
    h = hashlib.sha256()
    h.update(json.dumps({"model": model_name, "chunking": asdict(params)}, sort_keys=True).encode())
    for p in sorted(prepared, key=lambda p: p.doc.doc_id):
        h.update(f"{p.doc.doc_id}:{p.content_hash}\n".encode())
    return h.hexdigest()[:16]


def _embed_hash(model_name: str, text: str) -> str:
    return hashlib.sha256(f"{model_name}\n{text}".encode()).hexdigest()[:32]


def build_index(
    corpus_dir: Path,
    data_dir: Path,
    embeddings: Embeddings,
    *,
    model_name: str,
    params: ChunkingParams = ChunkingParams(),
    max_bytes: int = 20_000_000,
    client=None,
    progress: Progress | None = None,
    batch_size: int = 32,
    keep_previous: int = 1,
    tune: bool = True,
) -> BuildReport:
    started = time.perf_counter()
    manifest = load_manifest(corpus_dir)
    prepared, skipped = prepare(manifest, params, max_bytes=max_bytes)
    index_id = compute_index_id(model_name, params, prepared)
    client = client or store.chroma_client(data_dir)
    all_chunks = [c for p in prepared for c in p.chunks]
    active = store.read_active(data_dir)

    if (
        active and active.get("index_id") == index_id
        and _collection_complete(client, index_id, len(all_chunks))
        and store.read_units(data_dir, index_id) is not None
    ):
        tuning = ensure_adapter(corpus_dir, data_dir, embeddings, client=client, progress=progress) if tune else None
        return BuildReport(
            index_id, len(prepared), len(all_chunks), 0, len(all_chunks), skipped,
            time.perf_counter() - started, up_to_date=True, tuning=tuning,
        )

    titles = {p.doc.doc_id: f"{p.doc.title} ({p.doc.authority})" for p in prepared}
    embed_texts = [c.embed_text(titles[c.doc_id]) for c in all_chunks]
    hashes = [_embed_hash(model_name, t) for t in embed_texts]
    cache = _previous_vectors(client, active, set(hashes))

    try:
        try:
            client.delete_collection(store.collection_name(index_id))  # a half-built leftover
        except Exception:
            pass
        collection = store.get_collection(client, index_id, create=True)
        todo = [i for i, h in enumerate(hashes) if h not in cache]
        vectors: dict[int, list[float]] = {}
        total = len(todo)
        if progress:
            progress("embedding", 0, total)
        for start in range(0, total, batch_size):
            batch = todo[start : start + batch_size]
            for i, v in zip(batch, embeddings.embed_documents([embed_texts[i] for i in batch])):
                vectors[i] = v
            if progress:
                progress("embedding", min(start + batch_size, total), total)
        for i, h in enumerate(hashes):
            if i not in vectors:
                vectors[i] = cache[h]
        docs_by_id = {p.doc.doc_id: p.doc for p in prepared}
        for start in range(0, len(all_chunks), 256):
            part = range(start, min(start + 256, len(all_chunks)))
            collection.add(
                ids=[all_chunks[i].chunk_id for i in part],
                embeddings=[vectors[i] for i in part],
                documents=[all_chunks[i].text for i in part],
                metadatas=[
                    {
                        "doc_id": all_chunks[i].doc_id,
                        "authority": docs_by_id[all_chunks[i].doc_id].authority,
                        "ordinal": all_chunks[i].ordinal,
                        "section": all_chunks[i].section_path,
                        "embed_hash": hashes[i],
                    }
                    for i in part
                ],
            )
        unit_rows, unit_vectors, unit_embedded = _unit_vectors(
            all_chunks, embeddings, model_name, data_dir, active, progress, batch_size
        )
        documents = [
            {**asdict(p.doc), "content_hash": p.content_hash, "chunks": len(p.chunks), "text": p.text} for p in prepared
        ]
        build = {
            "index_id": index_id,
            "model": model_name,
            "chunking": asdict(params),
            "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "documents": len(prepared),
            "chunks": len(all_chunks),
            "skipped": [asdict(s) for s in skipped],
        }
        store.write_index_files(data_dir, index_id, all_chunks, documents, build)
        store.write_units(data_dir, index_id, unit_rows, unit_vectors)
    except Exception as exc:  # the previous index stays active
        raise BuildFailed(f"index build failed, previous index kept: {type(exc).__name__}: {exc}") from exc

    store.write_json_atomic(data_dir / "active.json", {"index_id": index_id, **{k: build[k] for k in ("built_at", "documents", "chunks")}})
    _prune(client, data_dir, keep={index_id, (active or {}).get("index_id")} if keep_previous else {index_id})
    tuning = ensure_adapter(corpus_dir, data_dir, embeddings, client=client, progress=progress) if tune else None
    embedded_docs = sorted({all_chunks[i].doc_id for i in todo})
    return BuildReport(
        index_id, len(prepared), len(all_chunks), len(todo), len(all_chunks) - len(todo), skipped,
        time.perf_counter() - started, embedded_docs=embedded_docs, units_embedded=unit_embedded, tuning=tuning,
    )


def _unit_vectors(chunks, embeddings, model_name, data_dir, active, progress, batch_size):
    """Vectors for each sentence-sized unit (the composer's quotes), reusing unchanged ones."""
    import numpy as np

    rows, texts = [], []
    for c in chunks:
        for u in split_units(c.text):
            rows.append({"chunk_id": c.chunk_id, "start": u.start, "end": u.end, "heading": u.is_heading})
            texts.append(unit_embed_text(c.section_path, c.text[u.start : u.end]))
    hashes = [_embed_hash(model_name, t) for t in texts]
    previous = store.read_units(data_dir, active["index_id"]) if active else None
    cache = {}
    if previous is not None:
        for row, vec in zip(*previous):
            if row.get("hash"):
                cache[row["hash"]] = vec
    todo = [i for i, h in enumerate(hashes) if h not in cache]
    fresh: dict[int, list[float]] = {}
    if progress:
        progress("units", 0, len(todo))
    for start in range(0, len(todo), batch_size * 2):
        batch = todo[start : start + batch_size * 2]
        for i, v in zip(batch, embeddings.embed_documents([texts[i] for i in batch])):
            fresh[i] = v
        if progress:
            progress("units", min(start + batch_size * 2, len(todo)), len(todo))
    for i, h in enumerate(hashes):
        rows[i]["hash"] = h
    vectors = np.array([fresh[i] if i in fresh else cache[h] for i, h in enumerate(hashes)], dtype=np.float32)
    return rows, vectors, len(todo)


def _collection_complete(client, index_id: str, expected: int) -> bool:
    try:
        return store.get_collection(client, index_id).count() == expected
    except Exception:
        return False


def _previous_vectors(client, active: dict | None, wanted: set[str]) -> dict[str, list[float]]:
    """Vectors from the active index whose embed text is unchanged: these are never re-embedded."""
    if not active:
        return {}
    try:
        col = store.get_collection(client, active["index_id"])
        got = col.get(include=["embeddings", "metadatas"])
    except Exception:
        return {}
    out: dict[str, list[float]] = {}
    for meta, vec in zip(got["metadatas"] or [], got["embeddings"] if got["embeddings"] is not None else []):
        h = (meta or {}).get("embed_hash")
        if h in wanted:
            out[h] = [float(x) for x in vec]
    return out


def _prune(client, data_dir: Path, keep: set) -> None:
    for col in client.list_collections():
        name = col if isinstance(col, str) else col.name
        if name.startswith("cme_") and name[4:] not in keep:
            try:
                client.delete_collection(name)
            except Exception:
                pass
    root = data_dir / "indexes"
    if root.is_dir():
        for folder in root.iterdir():
            if folder.is_dir() and folder.name not in keep:
                shutil.rmtree(folder, ignore_errors=True)
