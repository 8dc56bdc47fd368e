"""The naive baseline: RecursiveCharacterTextSplitter(1000, 200) over the raw files + Chroma +
the same embedding model, no cleaning, no structure, no BM25."""

from __future__ import annotations

from pathlib import Path

from langchain_core.embeddings import Embeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from indexer.corpus import load_manifest


class NaiveRetriever:
    def __init__(self, corpus_dir: Path, embeddings: Embeddings, client) -> None:
        manifest = load_manifest(corpus_dir)
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        self.embeddings = embeddings
        self.items: list[tuple[str, str, str]] = []  # (doc_id, authority, text)
        for doc in manifest.documents:
            raw = manifest.path_of(doc).read_text(encoding="utf-8")
            for piece in splitter.split_text(raw):
                self.items.append((doc.doc_id, doc.authority, piece))
        name = "naive_baseline"
        try:
            client.delete_collection(name)
        except Exception:
            pass
        self.collection = client.create_collection(name, embedding_function=None, metadata={"hnsw:space": "cosine"})
        vectors = embeddings.embed_documents([t for _, _, t in self.items])
        self.collection.add(
            ids=[str(i) for i in range(len(self.items))],
            embeddings=vectors,
            documents=[t for _, _, t in self.items],
            metadatas=[{"doc_id": d, "authority": a} for d, a, _ in self.items],
        )

    def search(self, query: str, k: int, authority: str | None = None) -> list[tuple[str, str]]:
        where = {"authority": authority} if authority else None
        res = self.collection.query(query_embeddings=[self.embeddings.embed_query(query)], n_results=k, where=where)
        return [(self.items[int(i)][0], self.items[int(i)][2]) for i in res["ids"][0]]
