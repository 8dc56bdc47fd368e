"""Shared fixtures: the real embedding model, a real index of the real corpus, and the app over it."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


class CountingEmbeddings:
    """The real MiniLM model, counting what it is asked to embed (to prove idempotent indexing)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.documents_embedded = 0

    def embed_documents(self, texts):
        self.documents_embedded += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


@pytest.fixture(scope="session")
def minilm():
    from indexer.embeddings import MiniLMEmbeddings

    return MiniLMEmbeddings()


@pytest.fixture(scope="session")
def real_index(tmp_path_factory, minilm) -> Path:
    """The whole corpus, indexed once per test session (about 40 s on 2 cores)."""
    from indexer.build import build_index
    from indexer.embeddings import MODEL_NAME
    from indexer.store import chroma_client

    data = tmp_path_factory.mktemp("data")
    build_index(CORPUS, data, minilm, model_name=MODEL_NAME, client=chroma_client(data))
    return data


@pytest.fixture(scope="session")
def settings(real_index):
    from assistant.settings import Settings

    return Settings(corpus_dir=CORPUS, data_dir=real_index)


@pytest.fixture(scope="session")
def services(settings, minilm):
    from assistant.services import load_services

    return load_services(settings, embeddings=minilm, clock=lambda: date(2026, 11, 22))


@pytest.fixture(scope="session")
def retriever(services):
    return services.retriever


@pytest.fixture
def client(services):
    from fastapi.testclient import TestClient

    from assistant.api.app import create_app

    with TestClient(create_app(services=services), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    """A two-document corpus copied from the real one, for build tests that edit files."""
    root = tmp_path / "corpus"
    (root / "documents").mkdir(parents=True)
    shutil.copy(CORPUS / "documents" / "riverside-federation-cme-policy.txt", root / "documents")
    shutil.copy(CORPUS / "documents" / "derbyshire-cromford-cme-policy-2023.txt", root / "documents")
    (root / "manifest.yaml").write_text(
        """documents:
  - doc_id: riverside-federation-cme-policy
    title: Riverside
    publisher: Riverside Federation
    authority: Norfolk
    kind: school policy
    source: documents/riverside-federation-cme-policy.txt
  - doc_id: derbyshire-cromford-cme-policy-2023
    title: Cromford
    publisher: Cromford school
    authority: Derbyshire
    kind: school policy
    dated: "2023-09"
    source: documents/derbyshire-cromford-cme-policy-2023.txt
""",
        encoding="utf-8",
    )
    return root
