"""Where an index lives: a Chroma collection for vectors plus a folder of chunk and document files.

Layout under the data directory::

    chroma/                      Chroma PersistentClient (collections named cme_<index_id>)
    indexes/<index_id>/          chunks.jsonl, documents.json (metadata + normalised text), build.json,
                                 units.json/.npy (sentences), query_adapter.npy and sentence_adapter.npy
                                 (the learnt query maps, indexer/tuning.py) with query_adapter.json
    active.json                  which index the service loads; replaced atomically after a build

The index id is a hash of everything that changes an index (embedding model, chunking
parameters, each document's content and manifest entry), so a changed configuration can never
silently reuse a stale index. A build writes a new collection beside the old one and only then
swaps ``active.json``; a failed build leaves the previous index in service.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from indexer.chunker import Chunk
from indexer.errors import IndexNotReady


def chroma_client(data_dir: Path, *, host: str | None = None, port: int = 8001):
    """Embedded Chroma by default; a Chroma server when a host is configured."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    (data_dir / "chroma").mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(data_dir / "chroma"), settings=settings)


def collection_name(index_id: str) -> str:
    return f"cme_{index_id}"


def get_collection(client, index_id: str, *, create: bool = False):
    name = collection_name(index_id)
    if create:
        # No embedding function: vectors always come from our own offline model.
        return client.get_or_create_collection(name, embedding_function=None, metadata={"hnsw:space": "cosine"})
    return client.get_collection(name, embedding_function=None)


def write_json_atomic(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_active(data_dir: Path) -> dict[str, Any] | None:
    path = data_dir / "active.json"
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None


def index_dir(data_dir: Path, index_id: str) -> Path:
    return data_dir / "indexes" / index_id


def write_index_files(data_dir: Path, index_id: str, chunks: list[Chunk], documents: list[dict], build: dict) -> None:
    folder = index_dir(data_dir, index_id)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "chunks.jsonl.tmp"
    with tmp.open("w", encoding="utf-8") as fh:
        for c in chunks:
            fh.write(json.dumps(asdict(c), ensure_ascii=False) + "\n")
    os.replace(tmp, folder / "chunks.jsonl")
    write_json_atomic(folder / "documents.json", documents)
    write_json_atomic(folder / "build.json", build)


def read_index_files(data_dir: Path, index_id: str) -> tuple[list[Chunk], list[dict], dict]:
    folder = index_dir(data_dir, index_id)
    try:
        with (folder / "chunks.jsonl").open(encoding="utf-8") as fh:
            chunks = [Chunk(**json.loads(line)) for line in fh if line.strip()]
        documents = json.loads((folder / "documents.json").read_text(encoding="utf-8"))
        build = json.loads((folder / "build.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, TypeError) as exc:
        raise IndexNotReady(f"index {index_id} is incomplete or unreadable ({exc}); run `cme-assist index`") from exc
    return chunks, documents, build


def write_units(data_dir: Path, index_id: str, rows: list[dict], vectors) -> None:
    import numpy as np

    folder = index_dir(data_dir, index_id)
    with (folder / "units.npy.tmp").open("wb") as fh:
        np.save(fh, np.asarray(vectors, dtype=np.float32))
    os.replace(folder / "units.npy.tmp", folder / "units.npy")
    write_json_atomic(folder / "units.json", rows)


def read_units(data_dir: Path, index_id: str):
    """(rows, vectors) for an index's sentence units, or None if it has none."""
    import numpy as np

    folder = index_dir(data_dir, index_id)
    try:
        rows = json.loads((folder / "units.json").read_text(encoding="utf-8"))
        vectors = np.load(folder / "units.npy")
    except (OSError, ValueError, json.JSONDecodeError):
        return None
    return rows, vectors


ADAPTER_FILE = "query_adapter.npy"  # the learnt map for chunk search
SENTENCE_ADAPTER_FILE = "sentence_adapter.npy"  # the learnt map for choosing the sentence to quote


def read_adapters(data_dir: Path, index_id: str):
    """An index's chunk-search and sentence maps (None for each it does not have)."""
    import numpy as np

    folder = index_dir(data_dir, index_id)
    return tuple(np.load(folder / name).astype(np.float32) if (folder / name).is_file() else None
                 for name in (ADAPTER_FILE, SENTENCE_ADAPTER_FILE))
